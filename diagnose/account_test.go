package diagnose

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/preflight"
)

func loadRestoreSnapshot(t *testing.T) *account.Snapshot {
	t.Helper()
	f, err := os.Open("../testdata/check/restore.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	snap, err := account.LoadShort(f)
	if err != nil {
		snap, err = account.LoadFile("../testdata/check/restore.json")
	}
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func passRoleDenial(t *testing.T, role string) *authzmsg.Denial {
	t.Helper()
	d, err := authzmsg.Parse("User: arn:aws:sts::111122223333:assumed-role/" + role + "/AWSBackup-" + role + " is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/AppRole because no identity-based policy allows the iam:PassRole action")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// RequestOf infers iam:PassedToService for an AWS Backup session passing a
// role, and keeps a value the message carries.
func TestRequestOf(t *testing.T) {
	t.Parallel()
	r, ok := RequestOf(passRoleDenial(t, "CustomRestoreRole"))
	if !ok || r.Action != "iam:PassRole" || r.Resource != "arn:aws:iam::111122223333:role/AppRole" || r.Context["iam:PassedToService"] != "ec2.amazonaws.com" {
		t.Errorf("RequestOf = %+v, %v", r, ok)
	}
	d := passRoleDenial(t, "CustomRestoreRole")
	d.Context = map[string][]string{"iam:PassedToService": {"rds.amazonaws.com"}, "aws:SourceIp": {"10.0.0.1"}}
	if r, _ := RequestOf(d); r.Context["iam:PassedToService"] != "rds.amazonaws.com" || r.Context["aws:SourceIp"] != "" {
		t.Errorf("context %v: want the message's iam:PassedToService and no aws:* key", r.Context)
	}
	d, err := authzmsg.Parse("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: backup:StartRestoreJob because no identity-based policy allows the backup:StartRestoreJob action")
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := RequestOf(d); !ok || r.Resource != "*" || r.Context["iam:PassedToService"] != "" {
		t.Errorf("no resource: %+v, %v", r, ok)
	}
	d.Principal.Redacted = true
	if _, ok := RequestOf(d); ok {
		t.Error("a redacted principal gave a request to evaluate")
	}
}

// Reevaluate names the layer the snapshot denies at, replaces the plan with
// one verified against the account's policies, and says when the account
// allows the request.
func TestReevaluate(t *testing.T) {
	t.Parallel()
	snap := loadRestoreSnapshot(t)
	now := func() time.Time { return time.Date(2026, 12, 2, 6, 0, 0, 0, time.UTC) }
	for _, tt := range []struct {
		role  string
		want  string
		layer string
	}{
		{"CustomRestoreRole", preflight.ImplicitDeny, "identity"},
		{"BoundedRestoreRole", preflight.ImplicitDeny, "permissionsBoundary"},
		{"ManagedRestoreRole", preflight.Allowed, ""},
	} {
		d := passRoleDenial(t, tt.role)
		findings := Diagnose(d, Options{})
		before := findings[0].Plan
		r := Reevaluate(snap, d, findings, now)
		if r == nil || r.Verdict != tt.want || r.Layer != tt.layer {
			t.Errorf("%s: %+v, want %s at %q", tt.role, r, tt.want, tt.layer)
			continue
		}
		if tt.want != preflight.Allowed && (findings[0].Plan == before || findings[0].Plan != r.Plan || !r.Plan.Verified) {
			t.Errorf("%s: the finding's plan is not the one verified against the snapshot", tt.role)
		}
	}
	if r := Reevaluate(nil, passRoleDenial(t, "CustomRestoreRole"), nil, now); r != nil {
		t.Errorf("no snapshot: %+v", r)
	}
}

// A resource whose resource-based policy no snapshot holds (an S3 bucket
// policy, an SQS queue policy, a Lambda function policy) is not taken as
// having none: the principal's policies allowing is could-not-check (the
// policy may deny; across accounts it must allow too), their implicit
// deny within one account (identity, boundary) is could-not-check (the
// policy may allow on its own); an explicit deny, an SCP's implicit deny
// and the caller's side refusing across accounts stand, their plan of the
// snapshot labelled (fix.Plan.Unheld) as verified without that policy,
// replacing the findings' (it was dropped); so does the verified plan of
// a could-not-check "may allow", as check shows it (it kept the findings'
// plans), and a "may deny" keeps the findings' plans. A request the
// snapshot allows makes the findings' causes claims (Finding.Claimed).
// Before,
// all of them were evaluated as if the resource had no policy: "allowed"
// or "implicit deny in the identity-based policy", with a plan "verified"
// against the snapshot, and across accounts an "implicit deny in the
// resource-based policy" the snapshot never held.
func TestReevaluateUnheldResourcePolicy(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../testdata/explain/unheld-policies.json")
	if err != nil {
		t.Fatal(err)
	}
	snap, _, err := account.ParseAny(data)
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2026, 12, 4, 6, 0, 0, 0, time.UTC) }
	for _, tt := range []struct {
		user, action, resource string
		verdict, layer         string
		cause, subject, policy string // the cause of a could-not-check
		unheld                 bool   // the resource carries a policy no snapshot holds
	}{
		{"reader", "s3:GetObject", "arn:aws:s3:::my-bucket/key.txt", preflight.CouldNotCheck, "", "resourcePolicyMayDeny", "arn:aws:s3:::my-bucket", "bucketPolicy", true},
		{"nobody", "s3:GetObject", "arn:aws:s3:::my-bucket/key.txt", preflight.CouldNotCheck, "", "resourcePolicyMayAllow", "arn:aws:s3:::my-bucket", "bucketPolicy", true},
		{"denier", "s3:GetObject", "arn:aws:s3:::my-bucket/key.txt", preflight.ExplicitDeny, "identity", "", "", "", true},
		{"bounded", "sqs:SendMessage", "arn:aws:sqs:eu-west-1:111122223333:q", preflight.CouldNotCheck, "", "resourcePolicyMayAllow", "arn:aws:sqs:eu-west-1:111122223333:q", "queuePolicy", true},
		{"reader", "sqs:SendMessage", "arn:aws:sqs:eu-west-1:444455556666:q", preflight.CouldNotCheck, "", "resourcePolicyMayDeny", "arn:aws:sqs:eu-west-1:444455556666:q", "queuePolicy", true},
		{"nobody", "sqs:SendMessage", "arn:aws:sqs:eu-west-1:444455556666:q", preflight.ImplicitDeny, "identity", "", "", "", true},
		{"reader", "sns:Publish", "arn:aws:sns:eu-west-1:111122223333:t", preflight.ImplicitDeny, "scp", "", "", "", true},
		{"nobody", "lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:111122223333:function:f:prod", preflight.CouldNotCheck, "", "resourcePolicyMayAllow", "arn:aws:lambda:eu-west-1:111122223333:function:f:prod", "functionPolicy", true},
		// EC2 instances carry no resource-based policy: the verdict stands.
		{"reader", "ec2:DescribeInstances", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", preflight.Allowed, "", "", "", "", false},
		{"nobody", "ec2:TerminateInstances", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", preflight.ImplicitDeny, "identity", "", "", "", false},
	} {
		name := tt.user + " " + tt.action + " " + tt.resource
		d, err := authzmsg.Parse("User: arn:aws:iam::111122223333:user/" + tt.user + " is not authorized to perform: " + tt.action + " on resource: " + tt.resource + " because no identity-based policy allows the " + tt.action + " action")
		if err != nil {
			t.Fatal(err)
		}
		findings := Diagnose(d, Options{})
		before := findings[0].Plan
		r := Reevaluate(snap, d, findings, now)
		if r == nil || r.Verdict != tt.verdict || r.Layer != tt.layer {
			t.Errorf("%s: %+v, want %s at %q", name, r, tt.verdict, tt.layer)
			continue
		}
		var cause struct{ Kind, Subject, Policy string }
		if r.Cause != nil {
			b, _ := json.Marshal(r.Cause)
			if err := json.Unmarshal(b, &cause); err != nil {
				t.Fatal(err)
			}
		}
		if cause.Kind != tt.cause || cause.Subject != tt.subject || cause.Policy != tt.policy {
			t.Errorf("%s: cause %+v, want %q of %s %s", name, cause, tt.cause, tt.policy, tt.subject)
		}
		mayDeny := tt.cause == "resourcePolicyMayDeny"
		switch {
		case !tt.unheld:
		case mayDeny && (r.Plan != nil || findings[0].Plan != before):
			t.Errorf("%s: a plan verified without the %s replaced the finding's", name, tt.policy)
		case !mayDeny && (r.Plan == nil || r.Plan.Unheld == nil || findings[0].Plan != r.Plan):
			t.Errorf("%s: a denial that stands or may be allowed: plan %+v, finding's %p (snapshot's %p), want the snapshot's labelled with the policy no snapshot holds", name, r.Plan, findings[0].Plan, r.Plan)
		case !mayDeny && r.Plan.Unheld.Resource != r.Resource && !strings.HasPrefix(r.Resource, r.Plan.Unheld.Resource+"/"):
			t.Errorf("%s: plan labelled with %+v", name, r.Plan.Unheld)
		}
		// Only a request the snapshot allows makes the cause a claim.
		for _, f := range findings {
			if f.Claimed != (tt.verdict == preflight.Allowed) {
				t.Errorf("%s: %s claimed %v", name, f.Rule, f.Claimed)
			}
		}
	}
}
