package audit

import (
	"reflect"
	"testing"

	"github.com/deniedhq/denied/preflight"
)

// ruleFor remembers RuleFor per denial: the same answer, each time with
// arguments of its own, and another answer for another denial.
func TestRuleForRemembered(t *testing.T) {
	t.Parallel()
	a := &auditor{}
	rs := []preflight.Result{
		{Principal: "caller", PrincipalARN: "arn:aws:iam::111122223333:role/Operator", Action: "backup:StartRestoreJob",
			Resource: "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-1", Verdict: preflight.ImplicitDeny, Layer: "identity"},
		{Principal: "jobRole", PrincipalARN: "arn:aws:iam::111122223333:role/RestoreRole", Action: "iam:PassRole",
			Resource: "arn:aws:iam::111122223333:role/InstanceRole", Verdict: preflight.ImplicitDeny, Layer: "identity"},
		{Principal: "jobRole", PrincipalARN: "arn:aws:iam::111122223333:role/RestoreRole", Action: "kms:CreateGrant",
			Resource: "arn:aws:kms:eu-west-1:111122223333:key/k", Verdict: preflight.ExplicitDeny, Layer: "scp"},
	}
	withArgs := 0
	for round := 0; round < 2; round++ {
		for _, r := range rs {
			got, want := a.ruleFor(r), RuleFor(r)
			if got.Rule != want.Rule || !reflect.DeepEqual(got.Title, want.Title) {
				t.Errorf("round %d, %s: ruleFor %s %v, RuleFor %s %v", round, r.Action, got.Rule, got.Title, want.Rule, want.Title)
			}
			if len(got.Title.Args) > 0 {
				withArgs++
				got.Title.Args[0] = "changed"
				if again := a.ruleFor(r); reflect.DeepEqual(again.Title, got.Title) {
					t.Errorf("%s: a finding's title arguments are shared with the memo", r.Action)
				}
			}
		}
	}
	if withArgs == 0 {
		t.Error("no title with arguments: the sharing check checked nothing")
	}
	if len(a.rules) != len(rs) {
		t.Errorf("%d denials remembered, want %d", len(a.rules), len(rs))
	}
}
