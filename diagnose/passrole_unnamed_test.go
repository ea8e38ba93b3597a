package diagnose

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/fix"
)

// An iam:PassRole denial whose message names no role (nothing after the
// action) got "Allow iam:PassRole on *" with no iam:PassedToService
// condition: any role, to any service. The identity fix names a role of
// the caller's account by a placeholder (<role-name>, whose finder points
// at the failing call's RoleArn/IamRoleArn in CloudTrail) and the service
// the operation implies (AWS Backup jobs: backup.amazonaws.com; an EC2
// instance profile: ec2.amazonaws.com), else a placeholder service; a
// command holding a placeholder is marked not runnable, and the plan is
// verified with the condition's value in the request.
func TestPassRoleUnnamedRoleFix(t *testing.T) {
	t.Parallel()
	const caller = "User: arn:aws:iam::111122223333:user/dev is not authorized to perform: iam:PassRole"
	const reason = " because no identity-based policy allows the iam:PassRole action"
	for _, tc := range []struct {
		message, resource, service string
		placeholders               []string
	}{
		{caller + reason, "arn:aws:iam::111122223333:role/<role-name>", fix.PassedToServicePlaceholder, []string{"<role-name>", "<service>"}},
		{"An error occurred (AccessDeniedException) when calling the StartRestoreJob operation: " + caller + reason,
			"arn:aws:iam::111122223333:role/<role-name>", "backup.amazonaws.com", []string{"<role-name>"}},
		{"An error occurred (UnauthorizedOperation) when calling the RunInstances operation: " + caller + reason,
			"arn:aws:iam::111122223333:role/<role-name>", "ec2.amazonaws.com", []string{"<role-name>"}},
		{"An error occurred (AccessDeniedException) when calling the StartBackupJob operation: " + caller + " on resource: arn:aws:iam::111122223333:role/BackupRole" + reason,
			"arn:aws:iam::111122223333:role/BackupRole", "backup.amazonaws.com", nil},
	} {
		fs := Diagnose(parse(t, tc.message), Options{})
		checkMsgs(t, fs)
		if len(fs) == 0 || fs[0].Plan == nil || len(fs[0].Plan.Fixes) == 0 {
			t.Errorf("%s: no fix", tc.message)
			continue
		}
		if !fs[0].Plan.Verified {
			t.Errorf("%s: plan not verified: %+v", tc.message, fs[0].Plan)
		}
		f := fs[0].Plan.Fixes[0]
		st := f.Statement
		if f.Target.Kind != fix.TargetUserInline || st == nil || len(st.Resource) != 1 || st.Resource[0] != tc.resource {
			t.Errorf("%s: fix %s edits %s, statement %+v; want Resource %s", tc.message, f.ID, f.Target.Kind, st, tc.resource)
			continue
		}
		if len(st.Conditions) != 1 || st.Conditions[0].Operator != "StringEquals" || st.Conditions[0].Key != "iam:PassedToService" ||
			len(st.Conditions[0].Values) != 1 || st.Conditions[0].Values[0] != tc.service {
			t.Errorf("%s: conditions %+v, want iam:PassedToService %s", tc.message, st.Conditions, tc.service)
		}
		if strings.Join(f.Render.Placeholders, ",") != strings.Join(tc.placeholders, ",") {
			t.Errorf("%s: placeholders %q, want %q", tc.message, f.Render.Placeholders, tc.placeholders)
		}
		for i, c := range f.Render.CLI {
			if strings.HasPrefix(c, "#") {
				continue
			}
			marked := i > 0 && strings.HasPrefix(f.Render.CLI[i-1], "#")
			if len(tc.placeholders) > 0 && (!marked || !strings.Contains(f.Render.CLI[i-1], "RoleArn")) {
				t.Errorf("%s: command %q not marked not runnable with the role's finder: %q", tc.message, c, f.Render.CLI)
			}
			if len(tc.placeholders) == 0 && marked {
				t.Errorf("%s: runnable command %q marked: %q", tc.message, c, f.Render.CLI)
			}
		}
		if tc.service == fix.PassedToServicePlaceholder && !hasNote(f.Notes, "passed-to-service-unknown") {
			t.Errorf("%s: no note says the service is not known: %+v", tc.message, f.Notes)
		}
		for _, x := range allFixes(fs) {
			checkFix(t, tc.message, x)
			if x.Statement != nil && len(x.Statement.Resource) == 1 && x.Statement.Resource[0] == "*" {
				t.Errorf("%s: fix %s allows iam:PassRole on *", tc.message, x.ID)
			}
		}
	}
}

// The service a PassRole fix names came only from a CLI/boto3 operation
// of AWS Backup or EC2: a Lambda or CloudFormation call, named by the CLI,
// the Go SDK's "operation error SERVICE: OP" or the Java SDK's "(Service:
// Lambda; ...)" wrapper, got the placeholder <service>.amazonaws.com. The
// operation (and, without one, Lambda's wrapper) names the service; a
// wrapper naming another service than the operation's, or EC2 alone
// (which also passes roles to VPC Flow Logs and Spot Fleet), does not.
func TestPassedToServiceFromWrapper(t *testing.T) {
	t.Parallel()
	const denial = "User: arn:aws:iam::111122223333:user/dev is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/AppRole because no identity-based policy allows the iam:PassRole action"
	for _, tc := range []struct{ message, service string }{
		{"An error occurred (AccessDeniedException) when calling the CreateFunction operation: " + denial, "lambda.amazonaws.com"},
		{"An error occurred (AccessDeniedException) when calling the UpdateFunctionConfiguration operation: " + denial, "lambda.amazonaws.com"},
		{"An error occurred (AccessDenied) when calling the CreateStack operation: " + denial, "cloudformation.amazonaws.com"},
		{"operation error Lambda: CreateFunction, https response error StatusCode: 403, RequestID: 0f4e1c2a-1111-2222-3333-444455556666, api error AccessDeniedException: " + denial, "lambda.amazonaws.com"},
		{"operation error CloudFormation: CreateStack, https response error StatusCode: 403, RequestID: 0f4e1c2a-1111-2222-3333-444455556666, api error AccessDenied: " + denial, "cloudformation.amazonaws.com"},
		{denial + " (Service: Lambda; Status Code: 403; Error Code: AccessDeniedException; Request ID: 0f4e1c2a-1111-2222-3333-444455556666)", "lambda.amazonaws.com"},
		{denial + " (Service: AWSLambda; Status Code: 403; Error Code: AccessDeniedException; Request ID: 0f4e1c2a-1111-2222-3333-444455556666)", "lambda.amazonaws.com"},
		{denial + " (Service: AmazonEC2; Status Code: 403; Error Code: UnauthorizedOperation; Request ID: 0f4e1c2a-1111-2222-3333-444455556666)", fix.PassedToServicePlaceholder},
		{"operation error EC2: CreateFunction, https response error StatusCode: 403, RequestID: 0f4e1c2a-1111-2222-3333-444455556666, api error AccessDenied: " + denial, fix.PassedToServicePlaceholder},
	} {
		fs := Diagnose(parse(t, tc.message), Options{})
		checkMsgs(t, fs)
		if len(fs) == 0 || fs[0].Plan == nil || len(fs[0].Plan.Fixes) == 0 {
			t.Errorf("%s: no fix", tc.message)
			continue
		}
		f := fs[0].Plan.Fixes[0]
		st := f.Statement
		if st == nil || len(st.Conditions) != 1 || st.Conditions[0].Key != "iam:PassedToService" ||
			len(st.Conditions[0].Values) != 1 || st.Conditions[0].Values[0] != tc.service {
			t.Errorf("%s: statement %+v, want iam:PassedToService %s", tc.message, st, tc.service)
		}
		if !fs[0].Plan.Verified {
			t.Errorf("%s: plan not verified", tc.message)
		}
		if unknown := hasNote(f.Notes, "passed-to-service-unknown"); unknown != (tc.service == fix.PassedToServicePlaceholder) {
			t.Errorf("%s: passed-to-service-unknown note %v: %+v", tc.message, unknown, f.Notes)
		}
	}
}
