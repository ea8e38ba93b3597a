package preflight

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// TestCheckUnheldBucketPolicy: Check takes the bucket policy no snapshot
// holds as absent no more (it did: allowed, or denied at the identity
// layer): the S3 requests of a backup of a bucket the job role's policies
// allow may be denied by it, those they refuse in one account may be
// allowed by it (could not check); an explicit deny stands.
func TestCheckUnheldBucketPolicy(t *testing.T) {
	snap, err := account.LoadFile("../testdata/check/unheld-s3.json")
	if err != nil {
		t.Fatal(err)
	}
	for role, want := range map[string]string{"S3Role": "resourcePolicyMayDeny", "NoS3Role": "resourcePolicyMayAllow", "DenyS3Role": "ExplicitDeny"} {
		p := Params{Caller: "arn:aws:iam::111122223333:user/admin", RoleARN: "arn:aws:iam::111122223333:role/" + role,
			VaultName: "Default", ResourceARN: "arn:aws:s3:::data-bucket"}
		op, p, _, err := Resolve(snap, "backup/S3", p)
		if err != nil {
			t.Fatal(err)
		}
		rep := Check(snap, op, p)
		for _, r := range rep.Results {
			if !strings.HasPrefix(r.Action, "s3:") {
				continue
			}
			got := r.Verdict
			if r.Cause != nil {
				got = string(r.Cause.Kind)
			}
			if w := want; got != w && !(want == "ExplicitDeny" && r.Action != "s3:GetObject" && got == "resourcePolicyMayDeny") {
				t.Errorf("%s: %s on %s: %s, want %s", role, r.Action, r.Resource, got, w)
			}
		}
		wantStatus := StatusCouldNotCheck
		if want == "ExplicitDeny" {
			wantStatus = StatusDenied
		}
		if rep.Status != wantStatus {
			t.Errorf("%s: status %s, want %s", role, rep.Status, wantStatus)
		}
	}
}
