package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// claimedTitles are the titles of the findings of
// TestExplainSnapshotClaimedTitle's messages, per language: as the
// message's claim when the snapshot allows the request, as fact when it
// confirms the denial.
var claimedTitles = map[string]map[string]string{
	"implicit": {
		"en": "ec2:DescribeInstances: the message says no identity-based policy allows it",
		"ja": "ec2:DescribeInstances: メッセージによれば、許可しているアイデンティティベースのポリシーがありません",
		"ko": "ec2:DescribeInstances: 메시지에 따르면 허용하는 자격 증명 기반 정책이(가) 없습니다",
	},
	"explicit": {
		"en": "ec2:DescribeInstances: the message says an identity-based policy explicitly denies it",
		"ja": "ec2:DescribeInstances: メッセージによれば、アイデンティティベースのポリシーで明示的に拒否されています",
		"ko": "ec2:DescribeInstances: 메시지에 따르면 자격 증명 기반 정책에서 명시적으로 거부되었습니다",
	},
	"denied": {
		"en": "s3:GetObject: explicitly denied by an identity-based policy",
	},
}

// TestExplainSnapshotClaimedTitle: explain --snapshot of a message whose
// request the snapshot's policies allow titles its finding as the
// message's claim ("ec2:DescribeInstances: the message says no
// identity-based policy allows it") in text, Markdown and JSON
// (findings[0].titleText) en/ja/ko, as its cause already was; a denial
// the snapshot confirms keeps its title as fact. Before, the title read
// as fact above the claimed cause.
func TestExplainSnapshotClaimedTitle(t *testing.T) {
	t.Parallel()
	snap := filepath.Join("..", "..", "testdata", "explain", "unheld-policies.json")
	msgs := map[string]string{
		"implicit": "User: arn:aws:iam::111122223333:user/reader is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action",
		"explicit": "User: arn:aws:iam::111122223333:user/reader is not authorized to perform: ec2:DescribeInstances with an explicit deny in an identity-based policy",
		"denied":   `User: arn:aws:iam::111122223333:user/denier is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::my-bucket/key.txt" with an explicit deny in an identity-based policy`,
	}
	for name, msg := range msgs {
		for lang, want := range claimedTitles[name] {
			out, errOut, _ := runCLI(t, "", "explain", "--format", "json", "--lang", lang, "--snapshot", snap, msg)
			var rep struct {
				Denials []struct {
					Findings []struct {
						TitleText string `json:"titleText"`
					}
				}
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Denials) != 1 || len(rep.Denials[0].Findings) == 0 {
				t.Fatalf("%s %s: %v %s\n%s", name, lang, err, errOut, out)
			}
			if got := rep.Denials[0].Findings[0].TitleText; got != want {
				t.Errorf("%s %s json: titleText %q, want %q", name, lang, got, want)
			}
			for _, format := range []string{"text", "markdown"} {
				text, _, _ := runCLI(t, "", "explain", "--lang", lang, "--format", format, "--snapshot", snap, msg)
				bare := strings.Join(strings.Fields(text), "")
				if !strings.Contains(bare, strings.Join(strings.Fields(want), "")) {
					t.Errorf("%s %s %s: no title %q in\n%s", name, lang, format, want, text)
				}
				if name != "denied" && strings.Contains(bare, strings.Join(strings.Fields(claimedTitles["denied"]["en"]), "")) {
					t.Errorf("%s %s %s: a title as fact in\n%s", name, lang, format, text)
				}
			}
		}
	}
}

// TestJobsSnapshotClaimedTitle: jobs --snapshot titles the group of a
// message whose request the snapshot allows (tag:GetResources of
// DenyS3Role) as the message's claim, in JSON (group title and
// finding titleText), text and Markdown. Before, as fact.
func TestJobsSnapshotClaimedTitle(t *testing.T) {
	t.Parallel()
	const want = "tag:GetResources: the message says no identity-based policy allows it"
	_, _, deps := jobsSetupFixture(t, "../../testdata/jobs/allowed-claim.json")
	snap := []string{"--snapshot", "../../testdata/jobs/allowed-claim-snapshot.json"}
	out, errOut, _ := runCLIWith(t, deps, "", append([]string{"jobs", "--format", "json", "--lang", "en"}, snap...)...)
	var r struct {
		Groups []struct {
			Title        string `json:"title"`
			Explanations []struct {
				Message string `json:"statusMessage"`
				Finding *struct {
					TitleText string `json:"titleText"`
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s\n%s", err, errOut, out)
	}
	seen := false
	for _, g := range r.Groups {
		for _, e := range g.Explanations {
			if e.Finding == nil || !strings.Contains(e.Message, "tag:GetResources") {
				continue
			}
			seen = true
			if g.Title != want || e.Finding.TitleText != want {
				t.Errorf("group title %q, titleText %q, want %q", g.Title, e.Finding.TitleText, want)
			}
		}
	}
	if !seen {
		t.Fatalf("tag:GetResources not explained:\n%s", out)
	}
	for _, format := range []string{"text", "markdown"} {
		text, _, _ := runCLIWith(t, deps, "", append([]string{"jobs", "--format", format, "--lang", "en"}, snap...)...)
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("%s: no title %q in\n%s", format, want, text)
		}
	}
}
