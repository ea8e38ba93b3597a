package i18n

import (
	"strconv"
	"strings"
	"testing"
)

// Each English sentence of a prefix reads back as its own message, not
// as another one that also matches, with its arguments in place.
func TestFromEnglishRoundTrip(t *testing.T) {
	n := 0
	for _, prefix := range []string{"fixcli.", "unreadable."} {
		for _, id := range IDs() {
			if !strings.HasPrefix(id, prefix) || strings.HasPrefix(id, prefix+"phrase.") {
				continue
			}
			n++
			var args []any
			for i, v := range verb.FindAllString(Text(EN, id), -1) {
				if strings.HasSuffix(v, "d") {
					args = append(args, 1000+i)
				} else {
					args = append(args, "ARG"+strconv.Itoa(i))
				}
			}
			en := T(EN, id, args...)
			for _, l := range []Lang{JA, KO} {
				got, ok := FromEnglish(l, prefix, en)
				if want := T(l, id, args...); !ok || got != want {
					t.Errorf("%s in %s:\n%q read back as\n%q, want\n%q", id, l, en, got, want)
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d messages", n)
	}
}

func TestFromEnglish(t *testing.T) {
	for _, tt := range []struct {
		lang       Lang
		prefix, in string
		want       string
		ok         bool
	}{
		// A phrase argument is translated too, and the word order is the
		// language's.
		{JA, "fixcli.", "# The current key policy is not known and the update replaces it whole: fetch it, add the statement of the policy JSON to its Statement list, and submit the result.",
			"# 現在のキーポリシーは不明で、更新はそれを丸ごと置き換えます: 現在のものを取得し、ポリシー JSON のステートメントをその Statement リストに追加し、結果を送信してください。", true},
		{KO, "fixcli.", "# put-bucket-policy replaces the whole bucket policy: this is the current one with the change merged in.",
			"# put-bucket-policy은(는) 버킷 정책 전체를 바꿉니다: 이것은 현재 것에 변경을 반영한 것입니다.", true},
		// The most specific message wins over "action (%s is not one action)".
		{JA, "unreadable.", `decoded message: action ("s3:Get*" is not one action)`, `デコードされたメッセージ: アクション ("s3:Get*" は 1 つのアクションではありません)`, true},
		{JA, "unreadable.", "CloudTrail errorMessage (cut at 1024 characters: what follows the cut is lost)", "CloudTrail の errorMessage (1024 文字で切れています。それ以降は失われています)", true},
		// Nothing matches: as it is.
		{JA, "fixcli.", "# Something new.", "# Something new.", false},
		{EN, "fixcli.", "# Find the policy ID with: aws organizations list-policies", "# Find the policy ID with: aws organizations list-policies", true},
	} {
		got, ok := FromEnglish(tt.lang, tt.prefix, tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FromEnglish(%s, %q) = %q, %v; want %q, %v", tt.lang, tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if got := CLIComment(JA, "aws iam get-role --role-name r"); got != "aws iam get-role --role-name r" {
		t.Errorf("a command changed: %q", got)
	}
	if got := Verdict(KO, "Allowed"); got != "허용" {
		t.Errorf("Verdict = %q", got)
	}
	if got := Verdict(JA, "Maybe"); got != "Maybe" {
		t.Errorf("Verdict = %q", got)
	}
}
