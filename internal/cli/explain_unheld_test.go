package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// explain --snapshot with a short-form snapshot and an S3 denial: the
// snapshot holds no bucket policy, so the user's policies allowing
// s3:GetObject is could-not-check ("may deny"), and nothing of them
// allowing it is could-not-check too ("may allow": within one account
// the bucket policy alone can allow); an explicit deny still refuses. In
// every language, and in JSON as verdict CouldNotCheck with its cause.
// Before: "the engine allows this request: what refused it is not in the
// snapshot" and "the engine also refuses the request: implicit deny ...
// in the identity-based policy".
func TestExplainSnapshotUnheldPolicy(t *testing.T) {
	t.Parallel()
	snap := filepath.Join("..", "..", "testdata", "explain", "unheld-policies.json")
	msg := func(user string) string {
		return "User: arn:aws:iam::111122223333:user/" + user + ` is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::my-bucket/key.txt" because no resource-based policy allows the s3:GetObject action`
	}
	for _, tt := range []struct {
		user, lang string
		want       []string
		not        []string
	}{
		{"reader", "en", []string{"Could not check against the snapshot", "the bucket policy of arn:aws:s3:::my-bucket, which may deny it"}, []string{"engine allows this request"}},
		{"nobody", "en", []string{"Could not check against the snapshot", "the bucket policy of arn:aws:s3:::my-bucket, which may allow it", "within one account"}, []string{"also refuses"}},
		{"denier", "en", []string{"also refuses the request: explicit deny", `identity-based policy "deny", statement 1 (Sid NoGet)`}, []string{"Could not check"}},
		{"reader", "ja", []string{"スナップショットに対してチェックできませんでした", "arn:aws:s3:::my-bucket のバケットポリシーはスナップショットに含まれていません", "拒否している可能性"}, nil},
		{"nobody", "ja", []string{"arn:aws:s3:::my-bucket のバケットポリシーはスナップショットに含まれていません", "許可している可能性"}, nil},
		{"reader", "ko", []string{"스냅샷 기준으로 점검할 수 없었습니다", "arn:aws:s3:::my-bucket의 버킷 정책이(가) 없습니다", "거부할 수 있습니다"}, nil},
		{"nobody", "ko", []string{"arn:aws:s3:::my-bucket의 버킷 정책이(가) 없습니다", "허용할 수 있습니다"}, nil},
	} {
		out, errOut, code := runCLI(t, "", "explain", "--lang", tt.lang, "--format", "markdown", "--snapshot", snap, msg(tt.user))
		// Could not check (4), but for the explicit deny (1).
		want := ExitUnchecked
		if tt.user == "denier" {
			want = ExitDenied
		}
		if code != want {
			t.Fatalf("%s %s: exit %d: %s", tt.user, tt.lang, code, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s %s: no %q in\n%s", tt.user, tt.lang, w, out)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(out, w) {
				t.Errorf("%s %s: %q in\n%s", tt.user, tt.lang, w, out)
			}
		}
	}
	for user, want := range map[string]string{"reader": "resourcePolicyMayDeny", "nobody": "resourcePolicyMayAllow"} {
		out, errOut, code := runCLI(t, "", "explain", "--format", "json", "--snapshot", snap, msg(user))
		if code != ExitUnchecked {
			t.Fatalf("%s: exit %d: %s", user, code, errOut)
		}
		var rep struct {
			Denials []struct {
				Snapshot *struct {
					Verdict string `json:"verdict"`
					Cause   *struct {
						Kind    string `json:"kind"`
						Subject string `json:"subject"`
						Policy  string `json:"policy"`
					} `json:"cause"`
				} `json:"snapshot"`
			} `json:"denials"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		s := rep.Denials[0].Snapshot
		if s == nil || s.Verdict != "CouldNotCheck" || s.Cause == nil || s.Cause.Kind != want || s.Cause.Subject != "arn:aws:s3:::my-bucket" || s.Cause.Policy != "bucketPolicy" {
			t.Errorf("%s: snapshot %+v, want CouldNotCheck, %s of the bucket policy of arn:aws:s3:::my-bucket", user, s, want)
		}
	}
}

// jobs --snapshot re-evaluates a job's IAM denial on an S3 bucket as
// explain --snapshot does: the snapshot holds no bucket policy, so the
// role allowed every action is could-not-check ("may deny"), and the role
// with no policy is could-not-check too ("may allow"), in text and JSON.
// Before: "the engine allows this request" and "also refuses the
// request: implicit deny ..., in the identity-based policy".
func TestJobsSnapshotUnheldPolicy(t *testing.T) {
	t.Parallel()
	_, _, deps := jobsSetupFixture(t, "../../testdata/jobs/unheld.json")
	snap := []string{"--snapshot", "../../testdata/jobs/recheck-snapshot.json"}
	out, errOut, code := runCLIWith(t, deps, "", append([]string{"jobs", "--format", "json", "--lang", "en"}, snap...)...)
	if code != ExitDenied {
		t.Fatalf("exit %d, want 1: %s\n%s", code, errOut, out)
	}
	var r struct {
		Groups []struct {
			Explanations []struct {
				Message  string `json:"statusMessage"`
				Snapshot *struct {
					Verdict string `json:"verdict"`
					Cause   *struct {
						Kind    string `json:"kind"`
						Subject string `json:"subject"`
					} `json:"cause"`
				} `json:"snapshot"`
			} `json:"explanations"`
		} `json:"groups"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"FullBackupRole": "resourcePolicyMayDeny", "NoPolicyRole": "resourcePolicyMayAllow"}
	for _, g := range r.Groups {
		for _, e := range g.Explanations {
			for role, kind := range want {
				if !strings.Contains(e.Message, "assumed-role/"+role+"/") {
					continue
				}
				delete(want, role)
				if s := e.Snapshot; s == nil || s.Verdict != "CouldNotCheck" || s.Cause == nil || s.Cause.Kind != kind || s.Cause.Subject != "arn:aws:s3:::amzn-s3-demo-bucket" {
					t.Errorf("%s: snapshot %+v, want CouldNotCheck, %s", role, s, kind)
				}
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("not explained: %v\n%s", want, out)
	}
	out, _, _ = runCLIWith(t, deps, "", append([]string{"jobs", "--format", "markdown", "--lang", "en"}, snap...)...)
	for _, w := range []string{"Could not check against the snapshot: The principal's policies in the snapshot allow the request, but the snapshot does not hold the bucket policy of arn:aws:s3:::amzn-s3-demo-bucket, which may deny it",
		"Could not check against the snapshot: Nothing of the principal's policies in the snapshot allows the request, but the snapshot does not hold the bucket policy of arn:aws:s3:::amzn-s3-demo-bucket, which may allow it"} {
		if !strings.Contains(out, w) {
			t.Errorf("no %q in\n%s", w, out)
		}
	}
	if strings.Contains(out, "engine allows this request") || strings.Contains(out, "also refuses") {
		t.Errorf("a verdict the bucket policy could change:\n%s", out)
	}
}
