package diagnose

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
)

// firstPolicyFix is the first fix of the explanation of message that edits
// a policy (the plans' fixes, then the alternatives, in report order), and
// every fix.
func firstPolicyFix(t *testing.T, message string) (*fix.Fix, []fix.Fix) {
	t.Helper()
	d, err := authzmsg.Parse(message)
	if err != nil {
		t.Fatal(err)
	}
	var all []fix.Fix
	for _, fd := range Diagnose(d, Options{}) {
		if fd.Plan != nil {
			all = append(all, fd.Plan.Fixes...)
		}
		all = append(all, fd.Alternatives...)
	}
	for i := range all {
		if fixLayerOf(all[i]) != "" {
			return &all[i], all
		}
	}
	return nil, all
}

// policyFixText is what a fix names: its target, policy and commands.
func policyFixText(f *fix.Fix) string {
	return f.Target.Name + " " + f.Target.ARN + " " + f.Render.PolicyJSON + " " + strings.Join(f.Render.CLI, "\n")
}

// An ARN whose account field is empty where its service always has one
// ("arn:aws:sts:::assumed-role/...", "arn:aws:sns:::topic": the quoter
// removed the account, and the topic's Region) is a redacted ARN: the fix
// names the placeholders (no fix was proposed: "principal has no 12-digit
// account ID"). An S3 bucket's ARN has no account field and keeps none.
// Real message: heldout7 aft-151-sns-publish-account-region-stripped.
func TestEmptyAccountFieldIsRedacted(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		message string
		kind    fix.TargetKind
		want    []string
	}{
		{"[ERROR] AuthorizationErrorException: An error occurred (AuthorizationError) when calling the Publish operation: User: arn:aws:sts:::assumed-role/aft-identify-targets-execution-role/aft-customizations-identify-targets is not authorized to perform: SNS:Publish on resource: arn:aws:sns:::aft-failure-notifications because no identity-based policy allows the SNS:Publish action",
			fix.TargetRoleInline, []string{"aft-identify-targets-execution-role", "arn:aws:sns:<region>:<ACCOUNT_ID>:aft-failure-notifications"}},
		{"User: arn:aws:iam:::user/alice is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::my-bucket/k\" because no identity-based policy allows the s3:GetObject action",
			fix.TargetUserInline, []string{"alice", "\"arn:aws:s3:::my-bucket/k\""}},
	} {
		first, _ := firstPolicyFix(t, tc.message)
		if first == nil {
			t.Errorf("%s: no policy fix", tc.message)
			continue
		}
		if first.Target.Kind != tc.kind {
			t.Errorf("%s: first fix edits %s, want %s", tc.message, first.Target.Kind, tc.kind)
		}
		for _, w := range tc.want {
			if !strings.Contains(policyFixText(first), w) {
				t.Errorf("%s: first fix does not name %s:\n%s", tc.message, w, policyFixText(first))
			}
		}
	}
}
