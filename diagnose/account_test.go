package diagnose

import (
	"os"
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
