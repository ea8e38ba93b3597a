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

// An sts:AssumeRole refusal whose message names no policy type ("is not
// authorized to perform: sts:AssumeRole on resource: ROLE" and nothing
// after it) does not say whether the role's trust policy or the caller's
// identity-based policy refused it, and both must allow the request
// across accounts: the finding claims neither (no plan, the title says
// both, layer "unknown") and gives one candidate fix for each, the trust
// policy's then the identity's, each saying which refusal it fixes (was:
// the trust policy's fix claimed as the plan, "The trust policy of role X
// does not let the caller assume it"). A message that names the layer
// keeps the fix of that layer as its plan.
// Real messages: heldout7 hacktricks-sts-enum-cross-account-legacy,
// heldout5 kube2iam-91-assume-placeholders-wrapped.
func TestAssumeRoleNoPolicyTypeCandidates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		message, rule string
		trustName     string
		identity      fix.TargetKind
	}{
		{"An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::947247140022:user/testenv is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::429217632764:role/account-balanceasdas",
			"sts.assume-role", "account-balanceasdas", fix.TargetUserInline},
		{"AccessDenied: User: arn:aws:sts::111122223333:assumed-role/CodeBuildRole/AWSCodeBuild-1 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/Deploy",
			"sts.assume-role-chained", "Deploy", fix.TargetRoleInline},
	} {
		d, err := authzmsg.Parse(tc.message)
		if err != nil {
			t.Fatal(err)
		}
		f := findingOf(t, Diagnose(d, Options{}), tc.rule)
		if f.Plan != nil {
			t.Errorf("%s: a plan claims a layer: %+v", tc.rule, f.Plan.Fixes)
		}
		if f.Layer != "unknown" || f.Title.ID != "assume.unnamed.title" || !hasMsg(f.Notes, "assume.unnamed.note") || !hasMsg(f.Checks, "assume.check.unnamed-identity") {
			t.Errorf("%s: layer %q title %s notes %+v checks %+v", tc.rule, f.Layer, f.Title.ID, f.Notes, f.Checks)
		}
		if len(f.Alternatives) != 2 {
			t.Fatalf("%s: %d candidates, want 2: %+v", tc.rule, len(f.Alternatives), f.Alternatives)
		}
		tr, id := f.Alternatives[0], f.Alternatives[1]
		if tr.Target.Kind != fix.TargetTrustPolicy || tr.Target.Name != tc.trustName || !hasNote(tr.Notes, "candidate-resource") {
			t.Errorf("%s: first candidate %s on %+v notes %+v", tc.rule, tr.ID, tr.Target, tr.Notes)
		}
		if id.Target.Kind != tc.identity || !hasNote(id.Notes, "candidate-identity") {
			t.Errorf("%s: second candidate %s on %+v notes %+v", tc.rule, id.ID, id.Target, id.Notes)
		}
	}
	// The layer named: its fix is the plan.
	for _, tc := range []struct {
		message string
		kind    fix.TargetKind
	}{
		{"User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform:  sts:AssumeRole because the role trust policy allows the sts:AssumeRole action", fix.TargetTrustPolicy},
		{"User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/Deploy because no identity-based policy allows the sts:AssumeRole action", fix.TargetUserInline},
	} {
		d, err := authzmsg.Parse(tc.message)
		if err != nil {
			t.Fatal(err)
		}
		var planned *fix.Fix
		for _, f := range Diagnose(d, Options{}) {
			if f.Plan != nil && len(f.Plan.Fixes) > 0 {
				planned = &f.Plan.Fixes[0]
				break
			}
		}
		if planned == nil || planned.Target.Kind != tc.kind {
			t.Errorf("%s: planned fix %+v, want one of %s", tc.message, planned, tc.kind)
		}
	}
}

// AWS Backup's "The provided role ROLE cannot be assumed by AWS Backup."
// says the role does not exist or its trust policy does not trust
// backup.amazonaws.com, not which: the trust policy's fix (the service
// principal added) is a candidate, not a plan (there was no fix). A
// redacted account stays a placeholder, in no runnable command.
// Real message: heldout7 lza-194-cloudtrail-backup-role-cannot-be-assumed.
func TestBackupRoleCannotBeAssumedTrustCandidate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ message, role string }{
		{"The provided role arn:aws:iam::111122223333:role/Backup-Role cannot be assumed by AWS Backup.", "Backup-Role"},
		{`{"eventSource": "backup.amazonaws.com", "eventName": "ProcessBackupPlanSelection", "errorCode": "AccessDenied", "errorMessage": "The provided role arn:aws:iam::XXXXXXXXXXX:role/Backup-Role cannot be assumed by AWS Backup."}`, "Backup-Role"},
	} {
		d, err := authzmsg.Parse(tc.message)
		if err != nil {
			t.Fatal(err)
		}
		f := findingOf(t, Diagnose(d, Options{}), "backup.job.role-cannot-be-assumed")
		if f.Plan != nil || len(f.Alternatives) != 1 {
			t.Fatalf("%s: plan %+v, %d alternatives: want one candidate", tc.message, f.Plan, len(f.Alternatives))
		}
		x := f.Alternatives[0]
		if x.Target.Kind != fix.TargetTrustPolicy || x.Target.Name != tc.role || !hasNote(x.Notes, "candidate-resource") ||
			!strings.Contains(x.Render.PolicyJSON, `"Service": "backup.amazonaws.com"`) {
			t.Errorf("%s: %s on %+v notes %+v:\n%s", tc.message, x.ID, x.Target, x.Notes, x.Render.PolicyJSON)
		}
		for _, c := range x.Render.CLI {
			if !strings.HasPrefix(c, "#") && strings.Contains(c, "XXX") {
				t.Errorf("%s: command runs with the redacted account: %s", tc.message, c)
			}
		}
	}
}
