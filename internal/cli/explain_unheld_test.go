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

// TestExplainSnapshotUnheldKeepsPlan: explain --snapshot of a denial that
// stands on a resource whose resource-based policy no snapshot holds (an
// explicit deny of the user's inline policy on an S3 object, an SCP
// allowing no sns:Publish on a topic) shows the fix plan of the
// snapshot, which edits the layer that denied (the inline policy's Deny
// narrowed, the SCP), labelled as check labels it: verified against the
// policies the snapshot holds, the bucket or topic policy not held and
// possibly denying, in text and Markdown en/ja/ko and in JSON as the
// plan's unheldPolicy (findings[0].plan and snapshot.fix). A request that
// could not be checked ("may allow") shows the snapshot's verified plan,
// labelled, as check does (it kept the fix verified against the message
// alone, unlabelled, until TestExplainSnapshotMayAllowPlan). Before, explain dropped the snapshot's plan
// and kept only the fix verified against the message ("Except ... from
// the Deny", no label).
func TestExplainSnapshotUnheldKeepsPlan(t *testing.T) {
	t.Parallel()
	snap := filepath.Join("..", "..", "testdata", "explain", "unheld-policies.json")
	const bucket, topic = "arn:aws:s3:::my-bucket", "arn:aws:sns:eu-west-1:111122223333:my-topic"
	for _, tt := range []struct {
		name, msg        string
		policy, resource string
		fix              string // the plan's first fix, in English
		labels           map[string]string
	}{
		{"explicit deny",
			`User: arn:aws:iam::111122223333:user/denier is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::my-bucket/key.txt" with an explicit deny in an identity-based policy`,
			"bucketPolicy", bucket, `Narrow the Deny "NoGet" in the inline policy deny of user denier`,
			map[string]string{
				"en": "Fix plan verified against the policies the snapshot holds; the bucket policy of " + bucket + " is not held and may still deny the request.",
				"ja": "この修正プランはスナップショットにあるポリシーに対して検証済みです。" + bucket + " のバケットポリシーはスナップショットに含まれておらず、リクエストを拒否する可能性が残っています。",
				"ko": "이 수정 계획은 스냅샷에 있는 정책 기준으로 검증되었습니다. 스냅샷에 " + bucket + "의 버킷 정책이(가) 없으며, 그 정책이 여전히 요청을 거부할 수 있습니다.",
			}},
		{"SCP",
			"User: arn:aws:iam::111122223333:user/reader is not authorized to perform: sns:Publish on resource: " + topic + " because no service control policy allows the sns:Publish action",
			"topicPolicy", topic, "to the SCP scps-111122223333-0 attached to 111122223333",
			map[string]string{
				"en": "Fix plan verified against the policies the snapshot holds; the topic policy of " + topic + " is not held and may still deny the request.",
				"ja": "この修正プランはスナップショットにあるポリシーに対して検証済みです。" + topic + " のトピックポリシーはスナップショットに含まれておらず",
				"ko": "이 수정 계획은 스냅샷에 있는 정책 기준으로 검증되었습니다. 스냅샷에 " + topic + "의 주제 정책이(가) 없으며",
			}},
	} {
		out, errOut, code := runCLI(t, "", "explain", "--format", "json", "--snapshot", snap, tt.msg)
		if code != ExitDenied {
			t.Fatalf("%s: exit %d, want 1: %s", tt.name, code, errOut)
		}
		type plan struct {
			Verified bool
			Fixes    []struct {
				Title    string
				Verified bool
			}
			Unheld *struct{ Policy, Resource, Text string } `json:"unheldPolicy"`
		}
		var rep struct {
			Denials []struct {
				Snapshot *struct {
					Verdict string
					Fix     *plan
				}
				Findings []struct{ Plan *plan }
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		d := rep.Denials[0]
		if d.Snapshot == nil || d.Snapshot.Verdict == "CouldNotCheck" || len(d.Findings) == 0 {
			t.Fatalf("%s: snapshot %+v, findings %d", tt.name, d.Snapshot, len(d.Findings))
		}
		for where, p := range map[string]*plan{"snapshot.fix": d.Snapshot.Fix, "findings[0].plan": d.Findings[0].Plan} {
			switch {
			case p == nil || len(p.Fixes) == 0:
				t.Errorf("%s: no %s", tt.name, where)
			case !p.Verified || !p.Fixes[0].Verified || !strings.Contains(p.Fixes[0].Title, tt.fix):
				t.Errorf("%s: %s %+v, want a verified %q", tt.name, where, p, tt.fix)
			case p.Unheld == nil || p.Unheld.Policy != tt.policy || p.Unheld.Resource != tt.resource || p.Unheld.Text != tt.labels["en"]:
				t.Errorf("%s: %s unheldPolicy %+v, want %s of %s: %q", tt.name, where, p.Unheld, tt.policy, tt.resource, tt.labels["en"])
			}
		}
		for _, lang := range []string{"en", "ja", "ko"} {
			for _, format := range []string{"text", "markdown"} {
				text, _, code := runCLI(t, "", "explain", "--lang", lang, "--format", format, "--snapshot", snap, tt.msg)
				if code != ExitDenied {
					t.Errorf("%s %s %s: exit %d", tt.name, lang, format, code)
				}
				// Text wraps Japanese and Korean lines anywhere: compared
				// without white space.
				flat, bare := strings.Join(strings.Fields(text), " "), strings.Join(strings.Fields(text), "")
				if !strings.Contains(bare, strings.Join(strings.Fields(tt.labels[lang]), "")) {
					t.Errorf("%s %s %s: no label %q in\n%s", tt.name, lang, format, tt.labels[lang], text)
				}
				if lang == "en" && !strings.Contains(flat, tt.fix) {
					t.Errorf("%s %s: no fix %q in\n%s", tt.name, format, tt.fix, text)
				}
				if strings.Contains(text, "preflight.") || lang != "en" && strings.Contains(text, "not held") {
					t.Errorf("%s %s %s: English or a missing message:\n%s", tt.name, lang, format, text)
				}
			}
		}
	}
	// Could not check (the bucket policy may allow): the verified plan of
	// the snapshot, labelled, as check shows it (TestExplainSnapshotMayAllowPlan).
	msg := `User: arn:aws:iam::111122223333:user/nobody is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::my-bucket/key.txt" because no identity-based policy allows the s3:GetObject action`
	out, errOut, code := runCLI(t, "", "explain", "--snapshot", snap, msg)
	if code != ExitUnchecked {
		t.Fatalf("nobody: exit %d, want 4: %s", code, errOut)
	}
	if !strings.Contains(out, "is not held") || strings.Contains(out, "against the request alone") {
		t.Errorf("nobody: not the snapshot's plan for a request that could not be checked:\n%s", out)
	}
}

// TestJobsSnapshotUnheldKeepsPlan: jobs --snapshot of a job whose role's
// inline policy explicitly denies s3:GetBucketTagging on a bucket whose
// bucket policy no snapshot holds shows the snapshot's fix plan (the Deny
// "NoBucketTagging" narrowed), labelled as check and explain label it, in
// text and Markdown en/ja/ko and in JSON (the finding's
// plan.unheldPolicy). Before, jobs kept only the fix verified against the
// message alone, unlabelled.
func TestJobsSnapshotUnheldKeepsPlan(t *testing.T) {
	t.Parallel()
	const bucket = "arn:aws:s3:::amzn-s3-demo-bucket"
	_, _, deps := jobsSetupFixture(t, "../../testdata/jobs/unheld-deny.json")
	snap := []string{"--snapshot", "../../testdata/jobs/unheld-deny-snapshot.json"}
	labels := map[string]string{
		"en": "Fix plan verified against the policies the snapshot holds; the bucket policy of " + bucket + " is not held and may still deny the request.",
		"ja": "この修正プランはスナップショットにあるポリシーに対して検証済みです。" + bucket + " のバケットポリシーはスナップショットに含まれておらず、リクエストを拒否する可能性が残っています。",
		"ko": "이 수정 계획은 스냅샷에 있는 정책 기준으로 검증되었습니다. 스냅샷에 " + bucket + "의 버킷 정책이(가) 없으며, 그 정책이 여전히 요청을 거부할 수 있습니다.",
	}
	const fixTitle = `Narrow the Deny "NoBucketTagging" in the inline policy backup of role DenyS3Role`
	out, errOut, code := runCLIWith(t, deps, "", append([]string{"jobs", "--format", "json", "--lang", "en"}, snap...)...)
	if code != ExitDenied {
		t.Fatalf("exit %d, want 1: %s\n%s", code, errOut, out)
	}
	var r struct {
		Groups []struct {
			Explanations []struct {
				Finding *struct {
					Plan *struct {
						Verified bool
						Fixes    []struct{ Title string }
						Unheld   *struct{ Policy, Resource, Text string } `json:"unheldPolicy"`
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Groups) != 1 || len(r.Groups[0].Explanations) != 1 || r.Groups[0].Explanations[0].Finding == nil {
		t.Fatalf("want one explained message:\n%s", out)
	}
	p := r.Groups[0].Explanations[0].Finding.Plan
	switch {
	case p == nil || len(p.Fixes) == 0:
		t.Errorf("no plan:\n%s", out)
	case !p.Verified || !strings.HasPrefix(p.Fixes[0].Title, fixTitle):
		t.Errorf("plan %+v, want a verified %q", p, fixTitle)
	case p.Unheld == nil || p.Unheld.Policy != "bucketPolicy" || p.Unheld.Resource != bucket || p.Unheld.Text != labels["en"]:
		t.Errorf("unheldPolicy %+v, want the bucket policy of %s: %q", p.Unheld, bucket, labels["en"])
	}
	for _, lang := range []string{"en", "ja", "ko"} {
		for _, format := range []string{"text", "markdown"} {
			text, _, code := runCLIWith(t, deps, "", append([]string{"jobs", "--format", format, "--lang", lang}, snap...)...)
			if code != ExitDenied {
				t.Errorf("%s %s: exit %d", lang, format, code)
			}
			flat, bare := strings.Join(strings.Fields(text), " "), strings.Join(strings.Fields(text), "")
			if !strings.Contains(bare, strings.Join(strings.Fields(labels[lang]), "")) {
				t.Errorf("%s %s: no label %q in\n%s", lang, format, labels[lang], text)
			}
			if lang == "en" && !strings.Contains(flat, fixTitle) {
				t.Errorf("%s: no fix %q in\n%s", format, fixTitle, text)
			}
			if strings.Contains(text, "preflight.") || lang != "en" && strings.Contains(text, "not held") {
				t.Errorf("%s %s: English or a missing message:\n%s", lang, format, text)
			}
		}
	}
}
