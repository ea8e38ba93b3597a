package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCheckUnheldBucketPolicy: denied check of a backup of an S3 bucket
// evaluates the job role's S3 requests without the bucket policy, which no
// snapshot holds. Where that policy could change the verdict the requests
// could not be checked (exit 4; they were allowed, exit 0, or denied at
// the identity layer, exit 1); an explicit deny stands (exit 1).
func TestCheckUnheldBucketPolicy(t *testing.T) {
	t.Parallel()
	const acct = "arn:aws:iam::111122223333:"
	for _, tt := range []struct {
		role  string
		exit  int
		cause string // of every s3: request but s3:GetObject when denied
		get   string // verdict of s3:GetObject
		text  string
	}{
		{"S3Role", ExitUnchecked, "resourcePolicyMayDeny", "CouldNotCheck", "the snapshot does not hold the bucket policy of arn:aws:s3:::data-bucket, which may deny it"},
		{"NoS3Role", ExitUnchecked, "resourcePolicyMayAllow", "CouldNotCheck", "the snapshot does not hold the bucket policy of arn:aws:s3:::data-bucket, which may allow it"},
		{"DenyS3Role", ExitDenied, "resourcePolicyMayDeny", "ExplicitDeny", "with an explicit deny in an identity-based policy"},
	} {
		args := []string{"check", "backup/S3", "--snapshot", "../../testdata/check/unheld-s3.json", "--as", acct + "user/admin",
			"--role", acct + "role/" + tt.role, "--vault", "Default", "--resource-arn", "arn:aws:s3:::data-bucket"}
		out, errOut, code := runCLI(t, "", append(args, "--format", "json")...)
		if code != tt.exit {
			t.Errorf("%s: exit %d, want %d: %s\n%s", tt.role, code, tt.exit, errOut, out)
			continue
		}
		var rep struct {
			Results []struct {
				Action, Verdict string
				Cause           *struct{ Kind, Subject, Policy string }
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, r := range rep.Results {
			if !strings.HasPrefix(r.Action, "s3:") {
				continue
			}
			n++
			want := "CouldNotCheck"
			if r.Action == "s3:GetObject" {
				want = tt.get
			}
			switch {
			case r.Verdict != want:
				t.Errorf("%s: %s %s, want %s", tt.role, r.Action, r.Verdict, want)
			case want == "CouldNotCheck" && (r.Cause == nil || r.Cause.Kind != tt.cause || r.Cause.Subject != "arn:aws:s3:::data-bucket" || r.Cause.Policy != "bucketPolicy"):
				t.Errorf("%s: %s cause %+v, want %s of the bucket policy of arn:aws:s3:::data-bucket", tt.role, r.Action, r.Cause, tt.cause)
			}
		}
		if n == 0 {
			t.Errorf("%s: no s3: request", tt.role)
		}
		text, _, _ := runCLI(t, "", append(args, "--lang", "en")...)
		if flat := strings.Join(strings.Fields(text), " "); !strings.Contains(flat, tt.text) {
			t.Errorf("%s: text lacks %q:\n%s", tt.role, tt.text, text)
		}
		for _, lang := range []string{"ja", "ko"} {
			if out, _, _ := runCLI(t, "", append(args, "--lang", lang)...); strings.Contains(out, "preflight.") || strings.Contains(out, "snapshot does not hold") {
				t.Errorf("%s %s: English or a missing message:\n%s", tt.role, lang, out)
			}
		}
	}
}
