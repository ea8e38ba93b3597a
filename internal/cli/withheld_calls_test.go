package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// TestFixWithheldNamesEachCall: a denial that stands on policies two
// unreadable calls left incomplete (iam:ListRolePolicies and an
// Organizations call) names each in check's and explain --snapshot's
// withheld line, text and Markdown en/ja/ko ("could not read A (api1) and
// B (api2)"), and lists both in JSON (fixWithheld.calls). Before, only
// the first call was named.
func TestFixWithheldNamesEachCall(t *testing.T) {
	t.Parallel()
	orgs := account.Unreadable{Service: "organizations", Call: "ListPolicies", Error: "AccessDenied"}
	snap := noRunDeny(t, checkRestore, listRolePolicies, orgs)
	checkArgs := func(lang, format string) []string {
		return []string{"check", "restore", "--snapshot", snap, "--as", acct + "user/operator", "--role", acct + "role/ManagedRestoreRole",
			"--recovery-point", rpEC2, "--instance-role", "none", "--lang", lang, "--format", format}
	}
	const msg = "User: arn:aws:sts::111122223333:assumed-role/ManagedRestoreRole/AWSBackup-ManagedRestoreRole is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:111122223333:instance/* with an explicit deny in an identity-based policy"
	explainArgs := func(lang, format string) []string {
		return []string{"explain", "--no-decode", "--lang", lang, "--format", format, "--snapshot", snap, msg}
	}
	wants := map[string]string{
		"en": "could not read the IAM users, roles and their policies (iam:ListRolePolicies) and the SCPs (organizations:ListPolicies) (denied when it was taken)",
		"ja": "IAM ユーザー、ロールとそのポリシー (iam:ListRolePolicies)と",
		"ko": "IAM 사용자, 역할 및 정책(iam:ListRolePolicies) 및 ",
	}
	for lang, want := range wants {
		for _, format := range []string{"text", "markdown"} {
			for _, args := range [][]string{checkArgs(lang, format), explainArgs(lang, format)} {
				out, errOut, code := runCLI(t, "", args...)
				if code != ExitDenied || !strings.Contains(flat(out), flat(want)) || !strings.Contains(out, "organizations:ListPolicies") {
					t.Errorf("%s %s %s: exit %d, want %d and %q:\n%s%s", args[0], lang, format, code, ExitDenied, want, out, errOut)
				}
				if strings.Contains(out, "preflight.") || strings.Contains(out, "report.") {
					t.Errorf("%s %s %s: a missing message:\n%s", args[0], lang, format, out)
				}
			}
		}
	}
	type withheld struct {
		API   string
		Calls []struct{ API, Hides string }
	}
	ok := func(w *withheld) bool {
		return w != nil && w.API == "iam:ListRolePolicies" && len(w.Calls) == 2 &&
			w.Calls[0].API == "iam:ListRolePolicies" && w.Calls[0].Hides == "iam" && w.Calls[1].API == "organizations:ListPolicies"
	}
	out, errOut, _ := runCLI(t, "", checkArgs("en", "json")...)
	var rep struct {
		Results []struct {
			Verdict     string
			FixWithheld *withheld
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v:\n%s%s", err, out, errOut)
	}
	n := 0
	for _, r := range rep.Results {
		if r.Verdict == "ExplicitDeny" {
			n++
			if !ok(r.FixWithheld) {
				t.Errorf("check: fixWithheld %+v; want both calls listed", r.FixWithheld)
			}
		}
	}
	if n == 0 {
		t.Fatalf("check: no explicit deny:\n%s", out)
	}
	out, errOut, _ = runCLI(t, "", explainArgs("en", "json")...)
	var ex struct {
		Denials []struct {
			Snapshot struct{ FixWithheld *withheld }
		}
	}
	if err := json.Unmarshal([]byte(out), &ex); err != nil || len(ex.Denials) != 1 {
		t.Fatalf("%v:\n%s%s", err, out, errOut)
	}
	if w := ex.Denials[0].Snapshot.FixWithheld; !ok(w) {
		t.Errorf("explain: fixWithheld %+v; want both calls listed", w)
	}
}
