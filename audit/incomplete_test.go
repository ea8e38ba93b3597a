package audit

import (
	"testing"

	"github.com/deniedhq/denied/account"
)

// An SCP level whose allowing policy the snapshot could not read
// (organizations:DescribePolicy unreadable: the level holds only a Deny
// for something else) denies nothing that can be proven: every item the
// level refuses could not be checked. Before, each failed on an SCP
// implicit deny that was only the missing policy ("this SCP level has no
// Allow").
func TestSCPLevelUnreadable(t *testing.T) {
	snap := func(us ...account.Unreadable) *account.Snapshot {
		s := load(t, "clean")
		o := s.Organization
		for i := range o.Policies {
			o.Policies[i].Targets = []string{o.RootID} // FullAWSAccess of the account not read
		}
		o.Policies = append(o.Policies, account.OrgPolicy{ID: "p-noleave", Name: "NoLeave", Type: account.SCP, Targets: []string{s.AccountID},
			Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}`)})
		s.Unreadable = us
		return s
	}
	// With every SCP read, the level without an allow is a denial.
	rep := Run(snap(), Options{Now: now})
	if rep.OK || rep.Failing == 0 || rep.Items[0].Result != Fail || len(rep.Items[0].Findings) == 0 || rep.Items[0].Findings[0].Layer != "scp" {
		t.Fatalf("all SCPs read: failing %d, items %+v; want SCP denials", rep.Failing, rep.Items)
	}
	rep = Run(snap(account.Unreadable{Service: "organizations", Call: "DescribePolicy", Error: "AccessDenied"}), Options{Now: now})
	if rep.Failing != 0 || rep.Summary.Unchecked == 0 {
		t.Fatalf("DescribePolicy unreadable: failing %d, unchecked %d; want none failing: %+v", rep.Failing, rep.Summary.Unchecked, rep.Items)
	}
	for _, it := range rep.Items {
		if it.Kind == KindSnapshot {
			continue
		}
		if it.Result != Unchecked || len(it.Findings) != 0 || len(it.Unchecked) == 0 || it.Unchecked[0].RuleID != RuleUnreadableSCP ||
			!slicesContains(it.Unchecked[0].Args, "organizations:DescribePolicy") {
			t.Errorf("%s %s: %s, findings %+v, gaps %+v; want could-not-check for organizations:DescribePolicy", it.Kind, it.ARN, it.Result, it.Findings, it.Unchecked)
		}
	}
}

// An explicit deny in a policy the snapshot holds stands while an IAM call
// was unreadable, but the fix planned for it is not given: it was
// verified against a role whose other policies the snapshot may lack (one
// of them may deny too, or none may allow). Before, the finding carried
// that fix as verified.
func TestIdentityDenyIncompleteNoFix(t *testing.T) {
	snap := func(us ...account.Unreadable) *account.Snapshot {
		s := load(t, "clean")
		for i := range s.Roles {
			if s.Roles[i].Name == "ManagedRestoreRole" {
				s.Roles[i].InlinePolicies = append(s.Roles[i].InlinePolicies, account.InlinePolicy{Name: "no-run",
					Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Sid":"NoRun","Effect":"Deny","Action":"ec2:RunInstances","Resource":"*"}]}`)})
			}
		}
		s.Unreadable = us
		return s
	}
	find := func(rep Report) *Finding {
		for _, it := range rep.Items {
			if it.Kind != KindRecoveryPoint {
				continue
			}
			for i := range it.Findings {
				if it.Findings[i].Action == "ec2:RunInstances" {
					if it.Result != Fail {
						t.Errorf("%s: %s with an explicit deny finding", it.ARN, it.Result)
					}
					return &it.Findings[i]
				}
			}
		}
		return nil
	}
	f := find(Run(snap(), Options{Now: now}))
	if f == nil || f.Verdict != "ExplicitDeny" || f.Fix == nil || !f.Fix.Verified {
		t.Fatalf("all read: finding %+v; want the explicit deny with a verified fix", f)
	}
	for _, call := range []string{"ListRolePolicies", "GetAccountAuthorizationDetails"} {
		f = find(Run(snap(account.Unreadable{Service: "iam", Call: call, Error: "AccessDenied"}), Options{Now: now}))
		if f == nil || f.Verdict != "ExplicitDeny" || len(f.Deciding) == 0 {
			t.Fatalf("iam:%s unreadable: finding %+v; want the explicit deny, standing", call, f)
		}
		if f.Fix != nil {
			t.Errorf("iam:%s unreadable: fix %s given (verified %v) against incomplete policies", call, f.Fix.ID, f.Fix.Verified)
		}
	}
}
