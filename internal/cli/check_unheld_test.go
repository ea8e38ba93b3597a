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

// TestCheckUnheldKeepsPlan: an explicit identity-policy deny of
// s3:GetObject on a bucket whose bucket policy no snapshot holds is a
// denial (exit 1) with its fix plan, which edits the identity-based policy
// that denied, labelled in every rendering as verified against the
// policies the snapshot holds while the bucket policy may still deny
// (JSON fix.unheldPolicy), and the bucket policy is listed to verify; an
// SCP's deny keeps its plan of the SCP. A could-not-check
// resourcePolicyMayAllow (nothing of the role's policies allows) shows
// the verified identity-policy fix, labelled the same way. Before, check
// dropped every plan on the bucket.
func TestCheckUnheldKeepsPlan(t *testing.T) {
	t.Parallel()
	const acct, bucket = "arn:aws:iam::111122223333:", "arn:aws:s3:::data-bucket"
	labels := map[string]string{
		"en": "Fix plan verified against the policies the snapshot holds; the bucket policy of " + bucket + " is not held and may still deny the request.",
		"ja": "この修正プランはスナップショットにあるポリシーに対して検証済みです。" + bucket + " のバケットポリシーはスナップショットに含まれておらず",
		"ko": "이 수정 계획은 스냅샷에 있는 정책 기준으로 검증되었습니다. 스냅샷에 " + bucket + "의 버킷 정책이(가) 없으며",
	}
	toVerify := map[string]string{
		"en": "No snapshot holds the bucket policy of " + bucket + ": it must not deny",
		"ja": bucket + " のバケットポリシーはどのスナップショットにも含まれていません",
		"ko": bucket + "의 버킷 정책은(는) 어떤 스냅샷에도 없습니다",
	}
	for _, tt := range []struct {
		snap, role string
		exit       int
		verdict    string // of s3:GetObject
		layer      string // the layer its plan's first fix edits
		policyKind string // the policy kind it names
		text       []string
	}{
		{"unheld-s3.json", "DenyS3Role", ExitDenied, "ExplicitDeny", "identity", "identity-based policy", []string{"Denied 1: " + acct + "role/DenyS3Role s3:GetObject", "Narrow the Deny #1 in the inline policy p of role DenyS3Role"}},
		{"unheld-s3-scp.short.json", "S3Role", ExitDenied, "ExplicitDeny", "scp", "service control policy (SCP)", []string{"Denied 1: " + acct + "role/S3Role s3:GetObject"}},
		{"unheld-s3.json", "NoS3Role", ExitUnchecked, "CouldNotCheck", "identity", "identity-based policy", []string{"Could not check 3: " + acct + "role/NoS3Role s3:GetObject", "which may allow it"}},
	} {
		args := []string{"check", "backup/S3", "--snapshot", "../../testdata/check/" + tt.snap, "--as", acct + "user/admin",
			"--role", acct + "role/" + tt.role, "--vault", "Default", "--resource-arn", bucket}
		out, errOut, code := runCLI(t, "", append(args, "--format", "json")...)
		if code != tt.exit {
			t.Errorf("%s: exit %d, want %d: %s\n%s", tt.role, code, tt.exit, errOut, out)
			continue
		}
		var rep struct {
			Results []struct {
				Action, Verdict string
				Fix             *struct {
					Verified bool
					Fixes    []struct {
						Layer    string
						Verified bool
						Render   struct{ PolicyKind string }
					}
					Unheld *struct{ Policy, Resource, Text string } `json:"unheldPolicy"`
				}
			}
			ToVerify []struct{ Kind, Policy, Subject string }
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		var jsonLabel string
		for _, r := range rep.Results {
			if r.Action != "s3:GetObject" {
				continue
			}
			switch {
			case r.Verdict != tt.verdict:
				t.Errorf("%s: s3:GetObject %s, want %s", tt.role, r.Verdict, tt.verdict)
			case r.Fix == nil || len(r.Fix.Fixes) == 0:
				t.Errorf("%s: s3:GetObject has no fix plan in JSON", tt.role)
			case !r.Fix.Verified || !r.Fix.Fixes[0].Verified || r.Fix.Fixes[0].Layer != tt.layer || !strings.HasPrefix(r.Fix.Fixes[0].Render.PolicyKind, tt.policyKind):
				t.Errorf("%s: plan %+v, want a verified fix of the %s layer naming %q", tt.role, r.Fix, tt.layer, tt.policyKind)
			case r.Fix.Unheld == nil || r.Fix.Unheld.Policy != "bucketPolicy" || r.Fix.Unheld.Resource != bucket:
				t.Errorf("%s: plan not labelled with the bucket policy: %+v", tt.role, r.Fix.Unheld)
			default:
				jsonLabel = r.Fix.Unheld.Text
			}
		}
		if jsonLabel != labels["en"] {
			t.Errorf("%s: JSON label %q, want %q", tt.role, jsonLabel, labels["en"])
		}
		held := false
		for _, c := range rep.ToVerify {
			held = held || c.Policy == "bucketPolicy" && c.Subject == bucket && c.Kind == "bucketPolicy"
		}
		if held != (tt.exit == ExitDenied) {
			t.Errorf("%s: bucket policy to verify: %v, want %v: %+v", tt.role, held, tt.exit == ExitDenied, rep.ToVerify)
		}
		for _, lang := range []string{"en", "ja", "ko"} {
			for _, format := range []string{"text", "markdown"} {
				text, _, code := runCLI(t, "", append(args, "--lang", lang, "--format", format)...)
				if code != tt.exit {
					t.Errorf("%s %s %s: exit %d, want %d", tt.role, lang, format, code, tt.exit)
				}
				flat := strings.Join(strings.Fields(text), " ")
				want := []string{labels[lang]}
				if tt.exit == ExitDenied {
					want = append(want, toVerify[lang])
				}
				if lang == "en" {
					want = append(want, tt.text...)
				}
				for _, w := range want {
					if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
						t.Errorf("%s %s %s: no %q in\n%s", tt.role, lang, format, w, text)
					}
				}
				if strings.Contains(text, "preflight.") || lang != "en" && strings.Contains(text, "not held") {
					t.Errorf("%s %s %s: English or a missing message:\n%s", tt.role, lang, format, text)
				}
			}
		}
	}
}
