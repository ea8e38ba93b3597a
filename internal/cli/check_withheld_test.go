package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// flat is s without white space: text output wraps lines anywhere (in
// Japanese and Korean between any two characters).
func flat(s string) string { return strings.Join(strings.Fields(s), "") }

// noRunDeny is src with ManagedRestoreRole denying ec2:RunInstances in an
// inline policy (an explicit deny the snapshot holds), and the unreadable
// calls us.
func noRunDeny(t *testing.T, src string, us ...account.Unreadable) string {
	return mutatedSnapshot(t, src, func(s *account.Snapshot) {
		for i := range s.Roles {
			if s.Roles[i].Name == "ManagedRestoreRole" {
				s.Roles[i].InlinePolicies = append(s.Roles[i].InlinePolicies, account.InlinePolicy{Name: "no-run",
					Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Sid":"NoRun","Effect":"Deny","Action":"ec2:RunInstances","Resource":"*"}]}`)})
			}
		}
		s.Unreadable = us
	})
}

// The line of a standing denial whose fix was withheld for an unreadable
// IAM call (iam:ListRolePolicies), in each language.
var withheldIAM = map[string]string{
	"en": "No fix proposed: the snapshot could not read the IAM users, roles and their policies (iam:ListRolePolicies was denied when it was taken), so no fix can be verified against the policies that apply; collect again with read access, then re-run.",
	"ja": "修正は提案しません: スナップショットは IAM ユーザー、ロールとそのポリシー を読み取れませんでした (取得時に iam:ListRolePolicies が拒否されました)。",
	"ko": "수정을 제안하지 않습니다: 스냅샷이 IAM 사용자, 역할 및 정책을(를) 읽지 못했습니다(스냅샷을 만들 때 iam:ListRolePolicies이(가) 거부되었습니다).",
}

var listRolePolicies = account.Unreadable{Service: "iam", Call: "ListRolePolicies", Error: "AccessDenied"}

// A denial that stands on policies an unreadable call left incomplete has
// no fix plan (78ee088), and check says why in every format and language:
// the line under the denial, fixWithheld in JSON (reason, api, hides).
// Before, the denial was shown without a fix and without a word why.
// With every policy read, the fix is there and nothing is withheld.
func TestCheckFixWithheld(t *testing.T) {
	t.Parallel()
	args := func(snap, lang, format string) []string {
		return []string{"check", "restore", "--snapshot", snap, "--as", acct + "user/operator", "--role", acct + "role/ManagedRestoreRole",
			"--recovery-point", rpEC2, "--instance-role", "none", "--lang", lang, "--format", format}
	}
	snap := noRunDeny(t, checkRestore, listRolePolicies)
	for lang, want := range withheldIAM {
		for _, format := range []string{"text", "markdown"} {
			out, errOut, code := runCLI(t, "", args(snap, lang, format)...)
			if code != ExitDenied || !strings.Contains(flat(out), flat(want)) {
				t.Errorf("%s %s: exit %d, want %d and %q:\n%s%s", lang, format, code, ExitDenied, want, out, errOut)
			}
		}
	}
	type result struct {
		Action      string
		Verdict     string
		Fix         *json.RawMessage
		FixWithheld *struct{ Reason, API, Hides string }
	}
	results := func(snap string) []result {
		out, errOut, _ := runCLI(t, "", args(snap, "en", "json")...)
		var rep struct{ Results []result }
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v:\n%s%s", err, out, errOut)
		}
		return rep.Results
	}
	n := 0
	for _, r := range results(snap) {
		if r.Verdict != "ExplicitDeny" {
			continue
		}
		n++
		if r.Fix != nil || r.FixWithheld == nil || r.FixWithheld.Reason != "unreadable" || r.FixWithheld.API != "iam:ListRolePolicies" || r.FixWithheld.Hides != "iam" {
			t.Errorf("%s: fix %v, fixWithheld %+v; want no fix, withheld for iam:ListRolePolicies", r.Action, r.Fix != nil, r.FixWithheld)
		}
	}
	if n == 0 {
		t.Fatal("no explicit deny")
	}
	for _, r := range results(noRunDeny(t, checkRestore)) {
		if r.Verdict == "ExplicitDeny" && (r.Fix == nil || r.FixWithheld != nil) {
			t.Errorf("all read: %s: fix %v, fixWithheld %+v; want the fix", r.Action, r.Fix != nil, r.FixWithheld)
		}
	}
	out, _, _ := runCLI(t, "", args(noRunDeny(t, checkRestore), "en", "text")...)
	if strings.Contains(out, "No fix proposed") {
		t.Errorf("all read: a fix withheld:\n%s", out)
	}
}

// audit's finding of a denial that stands on incomplete policies (no fix:
// TestIdentityDenyIncompleteNoFix) says why in text, Markdown, JSON
// (fixWithheld) and SARIF. Before, it had no fix and no word why.
func TestAuditFixWithheld(t *testing.T) {
	t.Parallel()
	snap := noRunDeny(t, auditClean, listRolePolicies)
	for lang, want := range withheldIAM {
		for _, format := range []string{"text", "markdown", "sarif"} {
			out, errOut, code := runCLI(t, "", "audit", "--snapshot", snap, "--lang", lang, "--format", format)
			if code != ExitDenied || !strings.Contains(flat(out), flat(want)) {
				t.Errorf("%s %s: exit %d, want %d and %q:\n%s%s", lang, format, code, ExitDenied, want, out, errOut)
			}
		}
	}
	out, errOut, _ := runCLI(t, "", "audit", "--snapshot", snap, "--format", "json")
	var rep struct {
		Items []struct {
			Findings []struct {
				Action      string
				Fix         *json.RawMessage
				FixWithheld *struct{ Reason, API, Hides string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v:\n%s%s", err, out, errOut)
	}
	n := 0
	for _, it := range rep.Items {
		for _, f := range it.Findings {
			if f.Action != "ec2:RunInstances" {
				continue
			}
			n++
			if f.Fix != nil || f.FixWithheld == nil || f.FixWithheld.Reason != "unreadable" || f.FixWithheld.API != "iam:ListRolePolicies" {
				t.Errorf("finding fix %v, fixWithheld %+v; want withheld for iam:ListRolePolicies", f.Fix != nil, f.FixWithheld)
			}
		}
	}
	if n == 0 {
		t.Fatalf("no ec2:RunInstances finding:\n%s", out)
	}
	out, _, _ = runCLI(t, "", "audit", "--snapshot", noRunDeny(t, auditClean), "--lang", "en")
	if strings.Contains(out, "No fix proposed") {
		t.Errorf("all read: a fix withheld:\n%s", out)
	}
}

// explain --snapshot keeps the fix verified against the request alone
// when the snapshot's policies are incomplete (78ee088), and now says that
// the snapshot's fix was withheld and why, in text, Markdown and JSON
// (snapshot.fixWithheld). Before, it said nothing of it.
func TestExplainSnapshotFixWithheld(t *testing.T) {
	t.Parallel()
	const msg = "User: arn:aws:sts::111122223333:assumed-role/ManagedRestoreRole/AWSBackup-ManagedRestoreRole is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:111122223333:instance/* with an explicit deny in an identity-based policy"
	snap := noRunDeny(t, checkRestore, listRolePolicies)
	wants := map[string]string{
		"en": "No fix proposed from the snapshot: it could not read the IAM users, roles and their policies (iam:ListRolePolicies was denied when it was taken), so no fix can be verified against the policies that apply; any fix below is planned from the request alone. Collect again with read access, then re-run.",
		"ja": "スナップショットからは修正を提案しません: スナップショットは IAM ユーザー、ロールとそのポリシー を読み取れませんでした (取得時に iam:ListRolePolicies が拒否されました)。",
		"ko": "스냅샷으로는 수정을 제안하지 않습니다: 스냅샷이 IAM 사용자, 역할 및 정책을(를) 읽지 못했습니다(스냅샷을 만들 때 iam:ListRolePolicies이(가) 거부되었습니다).",
	}
	for lang, want := range wants {
		for _, format := range []string{"text", "markdown"} {
			out, errOut, code := runCLI(t, "", "explain", "--no-decode", "--lang", lang, "--format", format, "--snapshot", snap, msg)
			if code != ExitDenied || !strings.Contains(flat(out), flat(want)) {
				t.Errorf("%s %s: exit %d, want %d and %q:\n%s%s", lang, format, code, ExitDenied, want, out, errOut)
			}
		}
	}
	out, errOut, _ := runCLI(t, "", "explain", "--no-decode", "--format", "json", "--snapshot", snap, msg)
	var rep struct {
		Denials []struct {
			Snapshot struct {
				Verdict     string
				FixWithheld *struct{ Reason, API string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Denials) != 1 {
		t.Fatalf("%v, %d denials:\n%s%s", err, len(rep.Denials), out, errOut)
	}
	if r := rep.Denials[0].Snapshot; r.Verdict != "ExplicitDeny" || r.FixWithheld == nil || r.FixWithheld.Reason != "unreadable" || r.FixWithheld.API != "iam:ListRolePolicies" {
		t.Errorf("snapshot %+v; want the deny with the fix withheld for iam:ListRolePolicies", r)
	}
	out, _, _ = runCLI(t, "", "explain", "--no-decode", "--lang", "en", "--snapshot", noRunDeny(t, checkRestore), msg)
	if strings.Contains(out, "No fix proposed") {
		t.Errorf("all read: a fix withheld:\n%s", out)
	}
}

// scpLevelUnlisted is src with every SCP attached to the root only, the
// account's level left without any (as when
// organizations:ListPoliciesForTarget failed for it), the unreadable calls
// us, and edit applied.
func scpLevelUnlisted(t *testing.T, src string, edit func(*account.Snapshot), us ...account.Unreadable) string {
	return mutatedSnapshot(t, src, func(s *account.Snapshot) {
		o := s.Organization
		for i := range o.Policies {
			o.Policies[i].Targets = []string{o.RootID}
		}
		s.Unreadable = us
		if edit != nil {
			edit(s)
		}
	})
}

var listPoliciesForTarget = account.Unreadable{Service: "organizations", Call: "ListPoliciesForTarget", Error: "AccessDenied"}

// An SCP level the snapshot holds no policy of while
// organizations:ListPoliciesForTarget was unreadable is left out of the
// evaluation, its SCPs unknown: check says could not check naming the call
// (was: "The engine could not evaluate a request: this SCP level has no
// policies"), and an explicit deny the snapshot holds is a denial (exit
// 1; was could not check, the same engine error) whose fix is withheld
// for the call. With nothing unreadable, a level without a policy is still
// the snapshot's error.
func TestCheckSCPLevelUnlisted(t *testing.T) {
	t.Parallel()
	args := func(snap string) []string {
		return []string{"check", "restore", "--snapshot", snap, "--as", acct + "user/operator", "--role", acct + "role/ManagedRestoreRole",
			"--recovery-point", rpEC2, "--instance-role", "none", "--lang", "en"}
	}
	const cause = "SCPs unknown: organizations:ListPoliciesForTarget was denied when the snapshot was taken."
	out, errOut, code := runCLI(t, "", args(scpLevelUnlisted(t, checkRestore, nil, listPoliciesForTarget))...)
	if code != ExitUnchecked || !strings.Contains(out, cause) || strings.Contains(out, "could not evaluate") {
		t.Errorf("ListPoliciesForTarget unreadable: exit %d, want %d naming the call, no engine error:\n%s%s", code, ExitUnchecked, out, errOut)
	}
	js, _, _ := runCLI(t, "", append(args(scpLevelUnlisted(t, checkRestore, nil, listPoliciesForTarget)), "--format", "json")...)
	var rep struct {
		Results []struct {
			Action, Verdict string
			Cause           *struct{ Kind, API, Hides string }
		}
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Results {
		if r.Verdict == "Skipped" || r.Cause == nil && r.Verdict != "CouldNotCheck" {
			continue
		}
		if r.Cause == nil || r.Cause.Kind != "unreadable" || r.Cause.Hides != "scps" || r.Cause.API != "organizations:ListPoliciesForTarget" {
			t.Errorf("%s: %s, cause %+v; want unreadable scps organizations:ListPoliciesForTarget", r.Action, r.Verdict, r.Cause)
		}
	}
	deny := func(s *account.Snapshot) {
		for i := range s.Roles {
			if s.Roles[i].Name == "ManagedRestoreRole" {
				s.Roles[i].InlinePolicies = append(s.Roles[i].InlinePolicies, account.InlinePolicy{Name: "no-run",
					Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Sid":"NoRun","Effect":"Deny","Action":"ec2:RunInstances","Resource":"*"}]}`)})
			}
		}
	}
	out, errOut, code = runCLI(t, "", args(scpLevelUnlisted(t, checkRestore, deny, listPoliciesForTarget))...)
	const withheld = "No fix proposed: the snapshot could not read the SCPs (organizations:ListPoliciesForTarget was denied when it was taken)"
	if code != ExitDenied || !strings.Contains(out, "ec2:RunInstances") || !strings.Contains(flat(out), flat(withheld)) || strings.Contains(out, "could not evaluate") {
		t.Errorf("explicit deny, ListPoliciesForTarget unreadable: exit %d, want %d with the deny and its fix withheld:\n%s%s", code, ExitDenied, out, errOut)
	}
	out, errOut, code = runCLI(t, "", args(scpLevelUnlisted(t, checkRestore, nil))...)
	if code != ExitUnchecked || !strings.Contains(out, "this SCP level has no policies") {
		t.Errorf("nothing unreadable: exit %d, want %d with the snapshot's error:\n%s%s", code, ExitUnchecked, out, errOut)
	}
}

// audit with an SCP level left without policies by an unreadable
// organizations:ListPoliciesForTarget: every item is could-not-check
// unchecked.unreadable-scps naming the call (was the engine's error,
// unchecked.not-evaluated).
func TestAuditSCPLevelUnlisted(t *testing.T) {
	t.Parallel()
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", scpLevelUnlisted(t, auditClean, nil, listPoliciesForTarget), "--format", "json")
	if code != ExitUnchecked {
		t.Fatalf("exit %d, want %d:\n%s%s", code, ExitUnchecked, out, errOut)
	}
	var rep struct {
		Items []struct {
			Kind, ARN string
			Unchecked []struct {
				RuleID string
				Args   []string
			} `json:"couldNotCheck"`
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, it := range rep.Items {
		if it.Kind == "snapshot" {
			continue
		}
		n++
		if len(it.Unchecked) == 0 || it.Unchecked[0].RuleID != "unchecked.unreadable-scps" || !strings.Contains(strings.Join(it.Unchecked[0].Args, " "), "organizations:ListPoliciesForTarget") {
			t.Errorf("%s %s: unchecked %+v; want unchecked.unreadable-scps naming organizations:ListPoliciesForTarget", it.Kind, it.ARN, it.Unchecked)
		}
	}
	if n == 0 || strings.Contains(out, "this SCP level has no policies") {
		t.Errorf("items %d, the engine's error in the report:\n%s", n, out)
	}
}

// explain --snapshot with an SCP level left without policies by an
// unreadable organizations:ListPoliciesForTarget: the re-evaluation could
// not check, for the unreadable call (was the engine's error).
func TestExplainSnapshotSCPLevelUnlisted(t *testing.T) {
	t.Parallel()
	const msg = "User: arn:aws:sts::111122223333:assumed-role/ManagedRestoreRole/AWSBackup-ManagedRestoreRole is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:111122223333:instance/* because no identity-based policy allows the ec2:RunInstances action"
	out, errOut, _ := runCLI(t, "", "explain", "--no-decode", "--lang", "en", "--snapshot", scpLevelUnlisted(t, checkRestore, nil, listPoliciesForTarget), msg)
	if !strings.Contains(flat(out), flat("SCPs unknown: organizations:ListPoliciesForTarget was denied when the snapshot was taken")) || strings.Contains(out, "this SCP level has no policies") {
		t.Errorf("want the unreadable call as the cause, not the engine's error:\n%s%s", out, errOut)
	}
}
