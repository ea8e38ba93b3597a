package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// claimedCause is the claimed cause's wording, per language (the parts
// around the finding's own cause).
var claimedCause = map[string][2]string{
	"en": {"The message says: ", "Against the snapshot, though, the engine allows the request: the policies may have changed since, or the snapshot is not of the account or the time of the denial."},
	"ja": {"メッセージによれば: ", "ただしスナップショットに対しては、エンジンはこのリクエストを許可します。"},
	"ko": {"메시지에 따르면: ", "그러나 스냅샷 기준으로는 엔진이 이 요청을 허용합니다."},
}

// TestExplainSnapshotAllowedClaim: explain --snapshot of an IAM message
// whose request the snapshot's policies allow (ec2:DescribeInstances,
// which reader's inline policy allows) says the finding's cause as the
// message's claim ("The message says: No identity-based policy of reader
// allows ... Against the snapshot, though, the engine allows the
// request: ..."; for an explicit deny, "A Deny statement ...") in text
// and Markdown en/ja/ko, and in JSON as findings[0].claimed with that
// causeText; a denial the snapshot confirms (denier's Deny) or could not
// check (nobody on the bucket) keeps its cause as fact. Before, the cause
// read as fact above a snapshot line saying the engine allows the
// request.
func TestExplainSnapshotAllowedClaim(t *testing.T) {
	t.Parallel()
	snap := filepath.Join("..", "..", "testdata", "explain", "unheld-policies.json")
	for _, tt := range []struct {
		name, msg string
		cause     string // the finding's own cause, in English
		claimed   bool
	}{
		{"implicit", "User: arn:aws:iam::111122223333:user/reader is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action",
			"No identity-based policy of reader allows ec2:DescribeInstances on *.", true},
		{"explicit", "User: arn:aws:iam::111122223333:user/reader is not authorized to perform: ec2:DescribeInstances with an explicit deny in an identity-based policy",
			"", true},
		{"denied", `User: arn:aws:iam::111122223333:user/denier is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::my-bucket/key.txt" with an explicit deny in an identity-based policy`,
			"", false},
		{"could not check", `User: arn:aws:iam::111122223333:user/nobody is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::my-bucket/key.txt" because no identity-based policy allows the s3:GetObject action`,
			"No identity-based policy of nobody allows s3:GetObject on arn:aws:s3:::my-bucket/key.txt.", false},
	} {
		out, errOut, _ := runCLI(t, "", "explain", "--format", "json", "--snapshot", snap, tt.msg)
		var rep struct {
			Denials []struct {
				Findings []struct {
					Claimed   bool   `json:"claimed"`
					CauseText string `json:"causeText"`
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Denials) != 1 || len(rep.Denials[0].Findings) == 0 {
			t.Fatalf("%s: %v %s\n%s", tt.name, err, errOut, out)
		}
		f := rep.Denials[0].Findings[0]
		switch {
		case f.Claimed != tt.claimed:
			t.Errorf("%s: claimed %v, want %v (%q)", tt.name, f.Claimed, tt.claimed, f.CauseText)
		case tt.claimed && (!strings.HasPrefix(f.CauseText, claimedCause["en"][0]+tt.cause) || !strings.HasSuffix(f.CauseText, claimedCause["en"][1])):
			t.Errorf("%s: causeText %q, want the message's claim", tt.name, f.CauseText)
		case !tt.claimed && strings.Contains(f.CauseText, claimedCause["en"][0]):
			t.Errorf("%s: causeText %q, want the cause as fact", tt.name, f.CauseText)
		case !tt.claimed && tt.cause != "" && f.CauseText != tt.cause:
			t.Errorf("%s: causeText %q, want %q", tt.name, f.CauseText, tt.cause)
		}
		for _, lang := range []string{"en", "ja", "ko"} {
			for _, format := range []string{"text", "markdown"} {
				text, _, _ := runCLI(t, "", "explain", "--lang", lang, "--format", format, "--snapshot", snap, tt.msg)
				bare := strings.Join(strings.Fields(text), "")
				has := strings.Contains(bare, strings.Join(strings.Fields(claimedCause[lang][0]), "")) && strings.Contains(bare, strings.Join(strings.Fields(claimedCause[lang][1]), ""))
				if has != tt.claimed {
					t.Errorf("%s %s %s: claimed wording %v, want %v:\n%s", tt.name, lang, format, has, tt.claimed, text)
				}
				if strings.Contains(text, "report.cause") {
					t.Errorf("%s %s %s: a missing message:\n%s", tt.name, lang, format, text)
				}
			}
		}
	}
}

// TestExplainSnapshotMayAllowPlan: explain --snapshot of a request no
// identity-based policy of nobody allows on an S3 object whose bucket
// policy no snapshot holds (could not check: the bucket policy may allow
// it) shows the fix plan check shows for it, verified against the
// policies the snapshot holds, labelled as check labels it (text,
// Markdown en/ja/ko; JSON findings[0].plan.unheldPolicy and
// snapshot.fix); the fix verified against the message alone stays after
// it when it edits another layer (the bucket policy a "no resource-based
// policy allows" message blames), and is replaced when it edits the same
// (the user's inline policy). Before, only the fix verified against the
// message alone, unlabelled.
func TestExplainSnapshotMayAllowPlan(t *testing.T) {
	t.Parallel()
	snap := filepath.Join("..", "..", "testdata", "explain", "unheld-policies.json")
	const bucket = "arn:aws:s3:::my-bucket"
	labels := map[string]string{
		"en": "Fix plan verified against the policies the snapshot holds; the bucket policy of " + bucket + " is not held and may still deny the request.",
		"ja": "この修正プランはスナップショットにあるポリシーに対して検証済みです。" + bucket + " のバケットポリシーはスナップショットに含まれておらず、リクエストを拒否する可能性が残っています。",
		"ko": "이 수정 계획은 스냅샷에 있는 정책 기준으로 검증되었습니다. 스냅샷에 " + bucket + "의 버킷 정책이(가) 없으며, 그 정책이 여전히 요청을 거부할 수 있습니다.",
	}
	const identityFix = "Allow s3:GetObject on arn:aws:s3:::my-bucket/key.txt in a new inline policy denied-allow-getobject-key.txt on user nobody"
	const bucketFix = "Add arn:aws:iam::111122223333:user/nobody to the bucket policy of my-bucket, allowing s3:GetObject"
	for _, tt := range []struct {
		layer  string // the layer the message names
		bucket bool   // the message's bucket-policy fix kept
	}{{"identity-based", false}, {"resource-based", true}} {
		msg := `User: arn:aws:iam::111122223333:user/nobody is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::my-bucket/key.txt" because no ` + tt.layer + ` policy allows the s3:GetObject action`
		out, errOut, code := runCLI(t, "", "explain", "--format", "json", "--snapshot", snap, msg)
		if code != ExitUnchecked {
			t.Fatalf("%s: exit %d, want 4: %s", tt.layer, code, errOut)
		}
		type fixJSON struct {
			Title           string
			Layer           string
			Verified        bool
			VerifiedAgainst string `json:"verifiedAgainst"`
		}
		type plan struct {
			Verified bool
			Fixes    []fixJSON
			Unheld   *struct{ Policy, Resource, Text string } `json:"unheldPolicy"`
		}
		var rep struct {
			Denials []struct {
				Snapshot *struct {
					Verdict string
					Fix     *plan
				}
				Findings []struct {
					Plan         *plan
					Alternatives []fixJSON
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		d := rep.Denials[0]
		if d.Snapshot == nil || d.Snapshot.Verdict != "CouldNotCheck" || len(d.Findings) == 0 {
			t.Fatalf("%s: snapshot %+v", tt.layer, d.Snapshot)
		}
		for where, p := range map[string]*plan{"snapshot.fix": d.Snapshot.Fix, "findings[0].plan": d.Findings[0].Plan} {
			switch {
			case p == nil || len(p.Fixes) != 1:
				t.Errorf("%s: %s %+v, want one fix", tt.layer, where, p)
			case !p.Verified || p.Fixes[0].Layer != "identity" || p.Fixes[0].Title != identityFix || p.Fixes[0].VerifiedAgainst == "request only":
				t.Errorf("%s: %s %+v, want %q verified against the snapshot", tt.layer, where, p, identityFix)
			case p.Unheld == nil || p.Unheld.Policy != "bucketPolicy" || p.Unheld.Resource != bucket || p.Unheld.Text != labels["en"]:
				t.Errorf("%s: %s unheldPolicy %+v", tt.layer, where, p.Unheld)
			}
		}
		kept := false
		for _, a := range d.Findings[0].Alternatives {
			if strings.HasPrefix(a.Title, bucketFix) {
				kept = a.Layer == "resource" && a.VerifiedAgainst == "request only"
			}
		}
		if kept != tt.bucket {
			t.Errorf("%s: the message's bucket-policy fix kept %v, want %v: %+v", tt.layer, kept, tt.bucket, d.Findings[0].Alternatives)
		}
		for _, lang := range []string{"en", "ja", "ko"} {
			for _, format := range []string{"text", "markdown"} {
				text, _, _ := runCLI(t, "", "explain", "--lang", lang, "--format", format, "--snapshot", snap, msg)
				flat, bare := strings.Join(strings.Fields(text), " "), strings.Join(strings.Fields(text), "")
				if !strings.Contains(bare, strings.Join(strings.Fields(labels[lang]), "")) {
					t.Errorf("%s %s %s: no label %q in\n%s", tt.layer, lang, format, labels[lang], text)
				}
				if lang != "en" {
					continue
				}
				i, j := strings.Index(flat, identityFix), strings.Index(flat, bucketFix)
				switch {
				case i < 0:
					t.Errorf("%s %s: no %q in\n%s", tt.layer, format, identityFix, text)
				case tt.bucket && j < i:
					t.Errorf("%s %s: %q not after the snapshot's plan:\n%s", tt.layer, format, bucketFix, text)
				case tt.bucket && !strings.Contains(flat[j-200:j], "against the request alone"):
					t.Errorf("%s %s: the message's fix not said verified against the request alone:\n%s", tt.layer, format, text)
				case strings.Count(flat, "against the request alone") != map[bool]int{true: 1}[tt.bucket]:
					t.Errorf("%s %s: fixes verified against the request alone:\n%s", tt.layer, format, text)
				}
			}
		}
	}
}

// TestJobsSnapshotAllowedClaim and the may-allow plan, in jobs --snapshot:
// a job's IAM message whose request the role's policies in the snapshot
// allow (tag:GetResources, which DenyS3Role's "*" allows) has its cause
// said as the message's claim (text, Markdown en/ja/ko; JSON
// finding.claimed and causeText), and a request on the bucket no policy
// of NoS3Role allows (could not check: the bucket policy may allow it)
// shows check's verified plan of the snapshot (the role's inline policy),
// labelled, then the message's bucket-policy fix, verified against the
// request alone; its cause is not a claim. Before, the cause read as fact
// and only the bucket-policy fix was shown, unlabelled.
func TestJobsSnapshotAllowedClaim(t *testing.T) {
	t.Parallel()
	const bucket = "arn:aws:s3:::amzn-s3-demo-bucket"
	_, _, deps := jobsSetupFixture(t, "../../testdata/jobs/allowed-claim.json")
	snap := []string{"--snapshot", "../../testdata/jobs/allowed-claim-snapshot.json"}
	const cause = "No identity-based policy of DenyS3Role allows tag:GetResources on *."
	const identityFix = "Allow s3:GetBucketTagging on " + bucket + " in a new inline policy denied-allow-getbuckettagging-amzn-s3-demo-bucket on role NoS3Role"
	const bucketFix = "Add arn:aws:iam::111122223333:role/NoS3Role to the bucket policy of amzn-s3-demo-bucket, allowing s3:GetBucketTagging"
	labels := map[string]string{
		"en": "Fix plan verified against the policies the snapshot holds; the bucket policy of " + bucket + " is not held and may still deny the request.",
		"ja": "この修正プランはスナップショットにあるポリシーに対して検証済みです。" + bucket + " のバケットポリシーはスナップショットに含まれておらず、リクエストを拒否する可能性が残っています。",
		"ko": "이 수정 계획은 스냅샷에 있는 정책 기준으로 검증되었습니다. 스냅샷에 " + bucket + "의 버킷 정책이(가) 없으며, 그 정책이 여전히 요청을 거부할 수 있습니다.",
	}
	out, errOut, _ := runCLIWith(t, deps, "", append([]string{"jobs", "--format", "json", "--lang", "en"}, snap...)...)
	var r struct {
		Groups []struct {
			Explanations []struct {
				Message string `json:"statusMessage"`
				Finding *struct {
					Claimed   bool   `json:"claimed"`
					CauseText string `json:"causeText"`
					Plan      *struct {
						Verified bool
						Fixes    []struct{ Title, Layer string }
						Unheld   *struct{ Policy, Resource string } `json:"unheldPolicy"`
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s\n%s", err, errOut, out)
	}
	seen := 0
	for _, g := range r.Groups {
		for _, e := range g.Explanations {
			f := e.Finding
			if f == nil {
				continue
			}
			switch {
			case strings.Contains(e.Message, "tag:GetResources"):
				seen++
				if !f.Claimed || f.CauseText != claimedCause["en"][0]+cause+" "+claimedCause["en"][1] {
					t.Errorf("allowed: claimed %v, causeText %q, want the message's claim", f.Claimed, f.CauseText)
				}
			case strings.Contains(e.Message, "NoS3Role"):
				seen++
				if f.Claimed || strings.Contains(f.CauseText, claimedCause["en"][0]) {
					t.Errorf("could not check: a claimed cause %q", f.CauseText)
				}
				if p := f.Plan; p == nil || !p.Verified || len(p.Fixes) != 1 || p.Fixes[0].Title != identityFix || p.Unheld == nil || p.Unheld.Resource != bucket {
					t.Errorf("could not check: plan %+v, want the snapshot's %q labelled with the bucket policy", p, identityFix)
				}
			}
		}
	}
	if seen != 2 {
		t.Fatalf("%d of 2 messages explained:\n%s", seen, out)
	}
	for _, lang := range []string{"en", "ja", "ko"} {
		for _, format := range []string{"text", "markdown"} {
			text, _, _ := runCLIWith(t, deps, "", append([]string{"jobs", "--format", format, "--lang", lang}, snap...)...)
			flat, bare := strings.Join(strings.Fields(text), " "), strings.Join(strings.Fields(text), "")
			for _, w := range []string{claimedCause[lang][0], claimedCause[lang][1], labels[lang]} {
				if !strings.Contains(bare, strings.Join(strings.Fields(w), "")) {
					t.Errorf("%s %s: no %q in\n%s", lang, format, w, text)
				}
			}
			if strings.Contains(text, "report.cause") || strings.Contains(text, "preflight.") {
				t.Errorf("%s %s: a missing message:\n%s", lang, format, text)
			}
			if lang != "en" {
				continue
			}
			if !strings.Contains(flat, claimedCause["en"][0]+cause+" "+claimedCause["en"][1]) {
				t.Errorf("%s: no claimed cause in\n%s", format, text)
			}
			l, i, j := strings.Index(flat, labels["en"]), strings.Index(flat, identityFix), strings.Index(flat, bucketFix)
			if l < 0 || i < l || j < i || !strings.Contains(flat[i:j], "Fix 2 (least privilege) — verified by the engine: Allowed (against the request alone") {
				t.Errorf("%s: want the label, the snapshot's %q, then the message's %q verified against the request alone:\n%s", format, identityFix, bucketFix, text)
			}
		}
	}
}
