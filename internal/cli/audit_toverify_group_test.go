package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// flatten drops the whitespace of s: lines wrap anywhere in ja and ko.
func flatten(s string) string { return strings.Join(strings.Fields(s), "") }

// The text and Markdown of an audit list each distinct fact to verify
// once, followed by the items it concerns, instead of every item's facts
// under it: an account with 1,000 recovery points printed each generic
// fact 1,000 times. The facts of a failing item are in that list too, not
// under its findings; JSON keeps each item's own toVerify.
func TestAuditToVerifyGroupedByFact(t *testing.T) {
	t.Parallel()
	crossAccount := map[string]string{
		"en": "Cross-account restore is not supported",
		"ja": "クロスアカウントの復元はサポートされていません",
		"ko": "교차 계정 복원은 지원되지 않습니다",
	}
	userData := map[string]string{"en": "User data is not backed up or restored.", "ja": "ユーザーデータはバックアップも復元もされません。", "ko": "사용자 데이터는 백업되거나 복원되지 않습니다."}
	bucket := map[string]string{"en": "bucket policy", "ja": "バケットポリシー", "ko": "버킷 정책"}
	clean := []string{
		"arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-app",
		"arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-plain",
		"daily/daily",
	}

	// A fact the 3 items of the clean snapshot share: once, with the 3
	// items, before the facts of 2 items; no bucket policy is named, as
	// none is to verify.
	for lang, concerned := range map[string]string{"en": "3 items concerned:", "ja": "関係する項目 3 件:", "ko": "관련 항목 3개:"} {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditClean, "--lang", lang)
		flat := flatten(out)
		if code != ExitOK {
			t.Fatalf("%s: exit %d:\n%s%s", lang, code, out, errOut)
		}
		if n := strings.Count(flat, flatten(crossAccount[lang])); n != 1 {
			t.Errorf("%s: the fact %q is written %d times, want once:\n%s", lang, crossAccount[lang], n, out)
		}
		fact := strings.Index(out, crossAccount[lang])
		if fact < 0 {
			continue
		}
		block, _, _ := strings.Cut(out[fact:], "\n\n")
		if !strings.Contains(block, concerned) {
			t.Errorf("%s: want %q after the fact:\n%s", lang, concerned, block)
		}
		for _, item := range clean {
			if strings.Count(block, item) != 1 {
				t.Errorf("%s: want %s once among the fact's items:\n%s", lang, item, block)
			}
		}
		if u := strings.Index(out, userData[lang]); u < fact {
			t.Errorf("%s: the fact of 2 items (%q) is not after the fact of 3:\n%s", lang, userData[lang], out)
		}
		if strings.Contains(out, bucket[lang]) {
			t.Errorf("%s: a bucket policy is named, none is to verify:\n%s", lang, out)
		}
	}
	// Markdown: the items as one paragraph after the facts (a list would
	// run into the next facts' list).
	out, _, _ := runCLI(t, "", "audit", "--snapshot", auditClean, "--format", "markdown")
	want := "\n3 items concerned: Recovery point " + clean[0] + ", Recovery point " + clean[1] + ", Backup selection " + clean[2] + "\n"
	if strings.Count(out, crossAccount["en"]) != 1 || !strings.Contains(out, want) {
		t.Errorf("markdown: want the fact once and %q:\n%s", want, out)
	}

	// Past 6 items, 5 are named and the others counted: "and N more
	// items" (a sixth item is named).
	dir := t.TempDir()
	for _, n := range []int{6, 7} {
		var rps []string
		for i := 1; i <= n; i++ {
			rps = append(rps, fmt.Sprintf(`{"id": "rp-b%d", "type": "S3", "vault": "Default", "role": "S3RestoreRole", "source": "arn:aws:s3:::app-data-%d"}`, i, i))
		}
		snap := filepath.Join(dir, fmt.Sprintf("s3-%d.json", n))
		if err := os.WriteFile(snap, []byte(`{"account": "111122223333", "region": "eu-west-1",
  "roles": {"S3RestoreRole": {"trust": "backup.amazonaws.com", "managed": ["AWSBackupServiceRolePolicyForRestores", "AWSBackupServiceRolePolicyForS3Restore"]}},
  "vaults": {"Default": {}},
  "recoveryPoints": [`+strings.Join(rps, ",\n    ")+`]}`), 0o600); err != nil {
			t.Fatal(err)
		}
		more := map[string]string{"en": fmt.Sprintf("7 items concerned: Recovery point arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-b1 Recovery point arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-b2 Recovery point arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-b3 Recovery point arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-b4 Recovery point arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-b5 and %d more items (--format json gives every item's toVerify)", n-5),
			"ja": fmt.Sprintf("ほか %d 件の項目", n-5), "ko": fmt.Sprintf("외 항목 %d개", n-5)}
		summary := map[string]string{"en": fmt.Sprintf("%d items depend on 6 facts no snapshot holds (an S3 bucket policy among them), not verified", n),
			"ja": fmt.Sprintf("%d 件の項目が、スナップショットにない 6 件の事実 (S3 バケットポリシーを含む)に依存し", n),
			"ko": fmt.Sprintf("항목 %d개가 스냅샷에 없는 사실 6개(S3 버킷 정책 포함)에 의존하며", n)}
		shown := 5
		if n == 6 {
			// A sixth item is named, not counted as "1 more".
			more = map[string]string{"en": "6 items concerned:", "ja": "関係する項目 6 件:", "ko": "관련 항목 6개:"}
			shown = 6
		}
		for _, lang := range []string{"en", "ja", "ko"} {
			out, errOut, code := runCLI(t, "", "audit", "--snapshot", snap, "--lang", lang)
			flat := flatten(out)
			if code != ExitOK || !strings.Contains(flat, flatten(summary[lang])) {
				t.Fatalf("%d items, %s: exit %d, want 0 and %q:\n%s%s", n, lang, code, summary[lang], out, errOut)
			}
			if c := strings.Count(flat, flatten(crossAccount[lang])); c != 1 {
				t.Errorf("%d items, %s: the fact %q is written %d times, want once:\n%s", n, lang, crossAccount[lang], c, out)
			}
			if !strings.Contains(flat, flatten(more[lang])) {
				t.Errorf("%d items, %s: want %q:\n%s", n, lang, more[lang], out)
			}
			for i := 1; i <= n; i++ {
				rp := fmt.Sprintf("recovery-point:rp-b%d\n", i)
				if got, want := strings.Contains(out, rp), i <= shown; got != want {
					t.Errorf("%d items, %s: rp-b%d named %v, want %v:\n%s", n, lang, i, got, want, out)
				}
			}
		}
		// JSON keeps each item's facts.
		out, _, _ := runCLI(t, "", "audit", "--snapshot", snap, "--format", "json")
		var rep struct {
			Summary struct{ ToVerify int }
			Passed  []struct{ ToVerify []struct{ Kind string } }
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Summary.ToVerify != n || len(rep.Passed) != n {
			t.Fatalf("%d items, json: %v, want %d items with facts to verify:\n%s", n, err, n, out)
		}
		for _, p := range rep.Passed {
			if len(p.ToVerify) != 6 {
				t.Errorf("%d items, json: an item with %d facts to verify, want 6: %+v", n, len(p.ToVerify), p)
			}
		}
	}

	// A failing item's facts are in the list, not under its findings.
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditFailing)
	findings, toVerify, ok := strings.Cut(out, "\nTo verify (facts no snapshot holds, or circumstances not given)\n")
	if code != ExitDenied || !ok {
		t.Fatalf("failing: exit %d, want 1 and a To verify section:\n%s%s", code, out, errOut)
	}
	if strings.Contains(findings, "To verify") || strings.Contains(findings, userData["en"]) {
		t.Errorf("failing: facts to verify under the findings:\n%s", findings)
	}
	if !strings.Contains(toVerify, userData["en"]+"\n  1 item concerned:\n    Recovery point arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-app\n") {
		t.Errorf("failing: want the failing item's own fact with it in To verify:\n%s", toVerify)
	}
}
