package jobs_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/jobs"
	"github.com/deniedhq/denied/preflight"
)

func recheckSnapshot(t *testing.T, edit func(*account.Snapshot)) *account.Snapshot {
	t.Helper()
	f, err := os.Open("../testdata/jobs/recheck-snapshot.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := account.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	edit(s)
	return s
}

func explainWith(s *account.Snapshot, j jobs.Job) *jobs.Explanation {
	r := jobs.Explain(context.Background(), []jobs.Job{j}, jobs.Options{
		Snapshot: func(string) *account.Snapshot { return s },
		Now:      func() time.Time { return time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC) },
	})
	for _, g := range r.Groups {
		for _, e := range g.Explanations {
			return e
		}
	}
	return nil
}

// The recheck of a job status message (the job role's requests for the
// backup) with an SCP the snapshot could not read (organizations:
// DescribePolicy unreadable, the account's level holding only a Deny of
// something else) is could-not-check naming the call: before, it said
// denied, by an SCP level without an allow that was only the policy it
// could not read. With every SCP read, that level is a denial.
func TestRecheckSCPUnreadable(t *testing.T) {
	t.Parallel()
	withOrg := func(us ...account.Unreadable) *account.Snapshot {
		return recheckSnapshot(t, func(s *account.Snapshot) {
			s.Organization = &account.Organization{ID: "o-exampleorgid", ManagementAccountID: "999988887777", RootID: "r-root",
				Accounts: []account.OrgAccount{{ID: s.AccountID, ParentID: "r-root"}, {ID: "999988887777", ParentID: "r-root"}},
				Policies: []account.OrgPolicy{
					{ID: "p-FullAWSAccess", Name: "FullAWSAccess", Type: account.SCP, AWSManaged: true, Targets: []string{"r-root"},
						Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)},
					{ID: "p-noleave", Name: "NoLeave", Type: account.SCP, Targets: []string{s.AccountID},
						Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}`)},
				}}
			s.Unreadable = us
		})
	}
	j := jobs.Job{Kind: jobs.KindBackup, ID: "B1", State: "FAILED", ResourceType: "EBS",
		Resource: "arn:aws:ec2:us-east-1:111122223333:volume/vol-00000000000000005", RoleARN: "arn:aws:iam::111122223333:role/FullBackupRole",
		Vault: "Default", AccountID: "111122223333",
		Message: "IAM Role arn:aws:iam::111122223333:role/FullBackupRole does not have sufficient permissions to execute the backup"}
	e := explainWith(withOrg(), j)
	if e == nil || e.Recheck == nil || e.Recheck.Status != preflight.StatusDenied || len(e.Recheck.Results) == 0 || e.Recheck.Results[0].Layer != "scp" {
		t.Fatalf("every SCP read: recheck %+v; want denied by the SCP level", e)
	}
	e = explainWith(withOrg(account.Unreadable{Service: "organizations", Call: "DescribePolicy", Error: "AccessDenied"}), j)
	if e == nil || e.Recheck == nil {
		t.Fatalf("DescribePolicy unreadable: no recheck: %+v", e)
	}
	rc := e.Recheck
	if rc.Status != preflight.StatusCouldNotCheck || rc.Cause == nil || rc.Cause.Kind != preflight.CauseUnreadable || rc.Cause.API != "organizations:DescribePolicy" {
		t.Errorf("DescribePolicy unreadable: status %s, cause %+v; want couldNotCheck naming organizations:DescribePolicy", rc.Status, rc.Cause)
	}
	for _, r := range rc.Results {
		if r.Denied() {
			t.Errorf("%s still %s at %s", r.Action, r.Verdict, r.Layer)
		}
	}
}

// A job's IAM denial evaluated again against a snapshot with an IAM call
// unreadable: the explicit deny the snapshot holds stands, but no fix is
// said verified against the account's policies (some may be missing);
// the finding keeps the fix verified against the request alone. Before,
// the snapshot's plan replaced it, verified "against known policies".
func TestReevaluateIAMUnreadableNoVerifiedFix(t *testing.T) {
	t.Parallel()
	deny := func(us ...account.Unreadable) *account.Snapshot {
		return recheckSnapshot(t, func(s *account.Snapshot) {
			for i := range s.Roles {
				if strings.HasSuffix(s.Roles[i].ARN, "role/FullBackupRole") {
					s.Roles[i].InlinePolicies = append(s.Roles[i].InlinePolicies, account.InlinePolicy{Name: "no-snapshots",
						Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Sid":"NoSnapshots","Effect":"Deny","Action":"ec2:CreateSnapshot","Resource":"*"}]}`)})
				}
			}
			s.Unreadable = us
		})
	}
	j := jobs.Job{Kind: jobs.KindBackup, ID: "B2", State: "FAILED", ResourceType: "EBS",
		Resource: "arn:aws:ec2:us-east-1:111122223333:volume/vol-00000000000000006", RoleARN: "arn:aws:iam::111122223333:role/FullBackupRole",
		Vault: "Default", AccountID: "111122223333",
		Message: "User: arn:aws:sts::111122223333:assumed-role/FullBackupRole/AWSBackup-FullBackupRole is not authorized to perform: ec2:CreateSnapshot on resource: arn:aws:ec2:us-east-1::snapshot/* with an explicit deny in an identity-based policy"}
	against := func(e *jobs.Explanation) string {
		if e == nil || e.Finding == nil || e.Finding.Plan == nil || len(e.Finding.Plan.Fixes) == 0 {
			return ""
		}
		return e.Finding.Plan.Fixes[0].VerifiedAgainst
	}
	e := explainWith(deny(), j)
	if e == nil || e.Snapshot == nil || e.Snapshot.Verdict != preflight.ExplicitDeny || e.Snapshot.Plan == nil || against(e) != fix.AgainstKnownPolicies {
		t.Fatalf("all read: snapshot %+v, fix verified against %q; want the deny, its fix verified against known policies", e.Snapshot, against(e))
	}
	e = explainWith(deny(account.Unreadable{Service: "iam", Call: "ListRolePolicies", Error: "AccessDenied"}), j)
	if e == nil || e.Snapshot == nil {
		t.Fatalf("iam:ListRolePolicies unreadable: not re-evaluated: %+v", e)
	}
	if e.Snapshot.Verdict != preflight.ExplicitDeny || len(e.Snapshot.Deciding) == 0 {
		t.Errorf("iam:ListRolePolicies unreadable: %s; want the explicit deny the snapshot holds, standing", e.Snapshot.Verdict)
	}
	if e.Snapshot.Plan != nil || against(e) == fix.AgainstKnownPolicies {
		t.Errorf("iam:ListRolePolicies unreadable: plan %v, finding's fix verified against %q; want no fix verified against the incomplete policies", e.Snapshot.Plan != nil, against(e))
	}
}

// The jobs report of a job's IAM denial re-evaluated against a snapshot
// with an IAM call unreadable says that the snapshot's fix was withheld
// and why (text, Markdown; snapshot.fixWithheld in JSON), the finding's
// fix being planned from the message alone. Before, the snapshot's
// denial was shown and no word said why it had no fix.
func TestJobsSnapshotFixWithheld(t *testing.T) {
	t.Parallel()
	s := recheckSnapshot(t, func(s *account.Snapshot) {
		for i := range s.Roles {
			if strings.HasSuffix(s.Roles[i].ARN, "role/FullBackupRole") {
				s.Roles[i].InlinePolicies = append(s.Roles[i].InlinePolicies, account.InlinePolicy{Name: "no-snapshots",
					Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Sid":"NoSnapshots","Effect":"Deny","Action":"ec2:CreateSnapshot","Resource":"*"}]}`)})
			}
		}
		s.Unreadable = []account.Unreadable{{Service: "iam", Call: "ListRolePolicies", Error: "AccessDenied"}}
	})
	j := jobs.Job{Kind: jobs.KindBackup, ID: "B3", State: "FAILED", ResourceType: "EBS",
		Resource: "arn:aws:ec2:us-east-1:111122223333:volume/vol-00000000000000007", RoleARN: "arn:aws:iam::111122223333:role/FullBackupRole",
		Vault: "Default", AccountID: "111122223333",
		Message: "User: arn:aws:sts::111122223333:assumed-role/FullBackupRole/AWSBackup-FullBackupRole is not authorized to perform: ec2:CreateSnapshot on resource: arn:aws:ec2:us-east-1::snapshot/* with an explicit deny in an identity-based policy"}
	rep := jobs.Explain(context.Background(), []jobs.Job{j}, jobs.Options{
		Snapshot: func(string) *account.Snapshot { return s },
		Now:      func() time.Time { return time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC) },
	})
	var e *jobs.Explanation
	for _, g := range rep.Groups {
		for _, x := range g.Explanations {
			e = x
		}
	}
	if e == nil || e.Snapshot == nil || e.Snapshot.FixWithheld == nil || e.Snapshot.FixWithheld.API != "iam:ListRolePolicies" || e.Snapshot.FixWithheld.Reason != preflight.WithheldUnreadable {
		t.Fatalf("explanation %+v; want the snapshot's fix withheld for iam:ListRolePolicies", e)
	}
	for lang, want := range map[i18n.Lang]string{
		i18n.EN: "No fix proposed from the snapshot: it could not read the IAM users, roles and their policies (iam:ListRolePolicies was denied when it was taken)",
		i18n.JA: "スナップショットからは修正を提案しません: スナップショットは IAM ユーザー、ロールとそのポリシー を読み取れませんでした",
		i18n.KO: "스냅샷으로는 수정을 제안하지 않습니다: 스냅샷이 IAM 사용자, 역할 및 정책을(를) 읽지 못했습니다",
	} {
		for _, f := range []report.Format{report.Text, report.Markdown} {
			var b strings.Builder
			if err := report.Write(&b, f, &report.Jobs{Report: rep, Kinds: []jobs.Kind{jobs.KindBackup}}, report.Options{Lang: lang}); err != nil {
				t.Fatal(err)
			}
			if flat := strings.Join(strings.Fields(b.String()), ""); !strings.Contains(flat, strings.Join(strings.Fields(want), "")) {
				t.Errorf("%s %s: want %q:\n%s", lang, f, want, b.String())
			}
		}
	}
}

// An SCP level left without policies by an unreadable
// organizations:ListPoliciesForTarget is left out of the evaluation, its
// SCPs unknown: the recheck of a job status message and the re-evaluation
// of a job's IAM denial could not check, naming the call. Before, both
// were the engine's error ("this SCP level has no policies").
func TestJobsSCPLevelUnlisted(t *testing.T) {
	t.Parallel()
	s := recheckSnapshot(t, func(s *account.Snapshot) {
		s.Organization = &account.Organization{ID: "o-exampleorgid", ManagementAccountID: "999988887777", RootID: "r-root",
			Accounts: []account.OrgAccount{{ID: s.AccountID, ParentID: "r-root"}, {ID: "999988887777", ParentID: "r-root"}},
			Policies: []account.OrgPolicy{
				{ID: "p-FullAWSAccess", Name: "FullAWSAccess", Type: account.SCP, AWSManaged: true, Targets: []string{"r-root"},
					Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)},
			}}
		s.Unreadable = []account.Unreadable{{Service: "organizations", Call: "ListPoliciesForTarget", Error: "AccessDenied"}}
	})
	unreadable := func(c *preflight.Cause) bool {
		return c != nil && c.Kind == preflight.CauseUnreadable && c.Hides == account.HiddenSCPs && c.API == "organizations:ListPoliciesForTarget"
	}
	recheck := explainWith(s, jobs.Job{Kind: jobs.KindBackup, ID: "B4", State: "FAILED", ResourceType: "EBS",
		Resource: "arn:aws:ec2:us-east-1:111122223333:volume/vol-00000000000000008", RoleARN: "arn:aws:iam::111122223333:role/FullBackupRole",
		Vault: "Default", AccountID: "111122223333",
		Message: "IAM Role arn:aws:iam::111122223333:role/FullBackupRole does not have sufficient permissions to execute the backup"})
	if recheck == nil || recheck.Recheck == nil || recheck.Recheck.Status != preflight.StatusCouldNotCheck || !unreadable(recheck.Recheck.Cause) {
		t.Errorf("recheck %+v; want could-not-check for organizations:ListPoliciesForTarget", recheck)
	}
	e := explainWith(s, jobs.Job{Kind: jobs.KindBackup, ID: "B5", State: "FAILED", ResourceType: "EBS",
		Resource: "arn:aws:ec2:us-east-1:111122223333:volume/vol-00000000000000009", RoleARN: "arn:aws:iam::111122223333:role/FullBackupRole",
		Vault: "Default", AccountID: "111122223333",
		Message: "User: arn:aws:sts::111122223333:assumed-role/FullBackupRole/AWSBackup-FullBackupRole is not authorized to perform: ec2:CreateSnapshot on resource: arn:aws:ec2:us-east-1::snapshot/* because no identity-based policy allows the ec2:CreateSnapshot action"})
	if e == nil || e.Snapshot == nil || e.Snapshot.Verdict != preflight.CouldNotCheck || !unreadable(e.Snapshot.Cause) {
		t.Errorf("re-evaluation %+v; want could-not-check for organizations:ListPoliciesForTarget", e)
	}
}
