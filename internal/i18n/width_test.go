package i18n

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWidth(t *testing.T) {
	for s, w := range map[string]int{
		"abc": 3, "復元ロール": 10, "복원 역할": 9, "ａ": 2, "e\u0301": 1, "": 0,
		"\x1b[1m原因\x1b[0m": 4, "—": 1, "「」": 4, "ｱ": 1,
	} {
		if got := Width(s); got != w {
			t.Errorf("Width(%q) = %d, want %d", s, got, w)
		}
	}
}

// Sentences from the catalog's Japanese and Korean texts, with the
// identifiers they carry in real reports.
var (
	jaText = "復元ロール AWSBackupDefaultServiceRole には、元のインスタンスがインスタンスプロファイル経由で使っていたロール AmazonSSMRoleForInstancesQuickSetup に対する iam:PassRole 権限がありません。[元の IAM ロールで復元] を選ぶと、EC2 は復元ロールがこのロールを渡せるかを確認します。「ロール」（ポリシー）・ユーザー。"
	koText = "복원 역할 AWSBackupDefaultServiceRole에는 원래 인스턴스가 인스턴스 프로파일로 사용하던 역할 AmazonSSMRoleForInstancesQuickSetup에 대한 iam:PassRole 권한이 없습니다. [원래 IAM 역할로 복원]을 선택하면 EC2는 복원 역할이 이 역할을 전달할 수 있는지 확인합니다. 이 관리형 정책이 연결되어 있는데도 여전히 거부되는 복원 역할은 역할 자체의 정책이 아니라 권한 경계나 SCP가 원인입니다."
	enText = "The restore role AWSBackupDefaultServiceRole may not pass the role arn:aws:iam::111122223333:role/AmazonSSMRoleForInstancesQuickSetup to EC2 (the instance's role)."
)

func TestWrapKoreanAtSpacesOnly(t *testing.T) {
	for _, w := range []int{12, 20, 40, 60, 80, 100} {
		lines := Wrap(koText, w)
		// Joined with single spaces, the lines are the text: every break
		// was at a space, and no word was cut.
		if got := strings.Join(lines, " "); got != koText {
			t.Errorf("width %d: a Korean line broke inside a word:\n%s", w, strings.Join(lines, "\n"))
		}
		checkWidths(t, lines, w)
	}
	// The defect of issue 9: "입니/다." never happens.
	for _, l := range Wrap("콘솔에서는 복원 역할이 기본 역할이고 인스턴스 IAM 역할이 원래 IAM 역할로 복원인 경우입니다.", 56) {
		if strings.HasPrefix(l, "다") {
			t.Errorf("line starts inside a word: %q", l)
		}
	}
}

func TestWrapJapanese(t *testing.T) {
	for _, w := range []int{10, 16, 24, 40, 60, 80, 100} {
		lines := Wrap(jaText, w)
		if len(lines) < 2 && w < 100 {
			t.Errorf("width %d: not wrapped: %q", w, lines)
		}
		checkWidths(t, lines, w)
		checkKinsoku(t, lines)
		checkContent(t, jaText, lines)
		checkTokens(t, jaText, lines, w)
	}
	// Japanese breaks between characters, without spaces.
	ja := Wrap("復元ロールはインスタンスのロールを渡す権限がありません", 16)
	if len(ja) < 2 || strings.Join(ja, "") != "復元ロールはインスタンスのロールを渡す権限がありません" {
		t.Errorf("Japanese wrap %q", ja)
	}
	// Closing marks, small kana and the long vowel mark do not start a
	// line; they take the character before them along.
	for _, tt := range []struct {
		in   string
		w    int
		want []string
	}{
		{"ポリシーポリシー。", 16, []string{"ポリシーポリ", "シー。"}},
		{"あいうえおかきく「ロール」", 16, []string{"あいうえおかきく", "「ロール」"}},
		{"あいうえおかきっと", 14, []string{"あいうえおか", "きっと"}},
		{"あいうえおかき）と", 14, []string{"あいうえおか", "き）と"}},
		{"あいうえおかき（と", 16, []string{"あいうえおかき", "（と"}},
	} {
		got := Wrap(tt.in, tt.w)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}

func TestWrapKeepsTokensWhole(t *testing.T) {
	for _, w := range []int{20, 40, 60} {
		lines := Wrap(enText, w)
		if strings.Join(lines, " ") != enText {
			t.Errorf("width %d: words lost or split: %q", w, lines)
		}
		checkWidths(t, lines, w)
	}
	// An ARN longer than the line gets a line of its own, whole.
	lines := Wrap("ロール arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole に対する権限", 30)
	want := []string{"ロール", "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole", "に対する権限"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("long ARN: %q, want %q", lines, want)
	}
	// An ASCII word glued to Japanese is not split either.
	for _, l := range Wrap("あとでアタッチする人には、ec2:AssociateIamInstanceProfileと、権限が必要です", 40) {
		if strings.Contains(l, "ec2:") && !strings.Contains(l, "ec2:AssociateIamInstanceProfile") {
			t.Errorf("word split: %q", l)
		}
	}
}

// Colour escapes take no width and stay whole.
func TestWrapEscapes(t *testing.T) {
	s := "\x1b[33m" + strings.Repeat("警告です。", 8) + "\x1b[0m"
	lines := Wrap(s, 20)
	checkWidths(t, lines, 20)
	if got := strings.Join(lines, ""); got != s {
		t.Errorf("escapes changed: %q", got)
	}
	for _, l := range lines {
		if i := strings.LastIndexByte(l, 0x1b); i >= 0 && escapeLen(l[i:]) == 0 {
			t.Errorf("escape split: %q", l)
		}
	}
}

// Random text built from Japanese, Korean and English words,
// identifiers and punctuation, wrapped at random widths, keeps every
// property of Wrap.
func TestWrapProperties(t *testing.T) {
	pieces := []string{
		"復元", "ロール", "の", "インスタンス", "ポリシー", "を", "許可", "します", "。", "、", "「", "」", "（", "）", "・", "ー", "っ", "ょ",
		"복원", "역할", "정책을", "허용합니다.", "역할이", "입니다.", "(를)", "을", "에는",
		"the", "restore", "role", "may", "not", "pass", "(", ")", ".", ",",
		"iam:PassRole", "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole", "ec2.amazonaws.com", "<ACCOUNT_ID>", "[IAM Role]",
	}
	rng := rand.New(rand.NewPCG(9, 60))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.IntN(40); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) == 0 {
				b.WriteByte(' ')
			}
		}
		s := strings.TrimSpace(b.String())
		w := 8 + rng.IntN(100)
		lines := Wrap(s, w)
		checkWidths(t, lines, w)
		checkKinsoku(t, lines)
		checkContent(t, s, lines)
		checkHangulBreaks(t, s, lines)
		if t.Failed() {
			t.Fatalf("input %q at width %d:\n%s", s, w, strings.Join(lines, "\n"))
		}
	}
}

func FuzzWrap(f *testing.F) {
	for _, s := range []string{jaText, koText, enText, "「」（）", "a\x1b[1mb"} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\t\r\x1b") || w < 1 || w > 200 {
			return
		}
		s = strings.Join(strings.Fields(s), " ")
		lines := Wrap(s, w)
		checkWidths(t, lines, w)
		checkContent(t, s, lines)
		checkHangulBreaks(t, s, lines)
	})
}

// checkWidths: no line is wider than w, unless it holds one token that
// cannot be broken (no break is allowed inside it).
func checkWidths(t *testing.T, lines []string, w int) {
	t.Helper()
	for _, l := range lines {
		if Width(l) <= w {
			continue
		}
		for i, ok := range breaks(cells(l)) {
			if ok {
				t.Errorf("line %q is %d columns wide (width %d) and could break at %d", l, Width(l), w, i)
				break
			}
		}
	}
}

// checkKinsoku: no line but the first starts with a character that may
// not begin a line; none but the last ends with one that may not end it.
func checkKinsoku(t *testing.T, lines []string) {
	t.Helper()
	for i, l := range lines {
		if l == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(l)
		last, _ := utf8.DecodeLastRuneInString(l)
		if i > 0 && NoLineStart(first) {
			t.Errorf("line %d starts with %q: %q", i, first, l)
		}
		if i < len(lines)-1 && NoLineEnd(last) {
			t.Errorf("line %d ends with %q: %q", i, last, l)
		}
	}
}

// checkContent: nothing but the spaces at the breaks is lost.
func checkContent(t *testing.T, s string, lines []string) {
	t.Helper()
	nospace := func(x string) string { return strings.ReplaceAll(x, " ", "") }
	if got := nospace(strings.Join(lines, "")); got != nospace(s) {
		t.Errorf("content changed:\n%q\n%q", got, nospace(s))
	}
}

// checkHangulBreaks: a line that ends or starts with a Hangul syllable
// was broken at a space of the text.
func checkHangulBreaks(t *testing.T, s string, lines []string) {
	t.Helper()
	pos := 0
	for i, l := range lines {
		j := strings.Index(s[pos:], l)
		if j < 0 {
			t.Errorf("line %q is not in the text after %d", l, pos)
			return
		}
		pos += j + len(l)
		if i == len(lines)-1 {
			break
		}
		last, _ := utf8.DecodeLastRuneInString(l)
		next, _ := utf8.DecodeRuneInString(lines[i+1])
		if (isHangul(last) || isHangul(next)) && (pos >= len(s) || s[pos] != ' ') {
			t.Errorf("break inside a Korean word: %q | %q", l, lines[i+1])
		}
	}
}

// checkTokens: every ASCII token of s (a run without spaces or wide
// characters) no wider than w is whole on one line.
func checkTokens(t *testing.T, s string, lines []string, w int) {
	t.Helper()
	isTok := func(r rune) bool { return r > ' ' && r < 0x7f }
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return !isTok(r) }) {
		if len(tok) < 2 || Width(tok) > w {
			continue
		}
		found := false
		for _, l := range lines {
			if strings.Contains(l, tok) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("token %q split across lines at width %d: %q", tok, w, lines)
		}
	}
}

// A paragraph of each language (about 300 bytes) wrapped to 80 columns.
func BenchmarkWrap(b *testing.B) {
	for name, s := range map[string]string{"ja": jaText, "ko": koText, "en": enText} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				Wrap(s, 80)
			}
		})
	}
}
