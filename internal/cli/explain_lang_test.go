package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/internal/i18n"
)

// langInputs returns every message the tests hold, by name: the explain
// fixtures and each input of the authzmsg forms table (real messages from
// public sources, see testdata/messages/README.md).
func langInputs(t *testing.T) map[string]string {
	t.Helper()
	in := map[string]string{}
	for name, file := range explainFixtures {
		in[name] = filepath.Join("..", "..", "testdata", file)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "messages", "forms.json"))
	if err != nil {
		t.Fatal(err)
	}
	var forms []struct {
		Name      string `json:"name"`
		Input     string `json:"input"`
		InputFile string `json:"inputFile"`
		NoDenial  bool   `json:"noDenial"`
	}
	if err := json.Unmarshal(data, &forms); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i, f := range forms {
		switch {
		case f.NoDenial:
		case f.InputFile != "":
			in["forms/"+f.Name] = filepath.Join("..", "..", "testdata", "messages", f.InputFile)
		default:
			p := filepath.Join(dir, fmt.Sprintf("%03d.txt", i))
			if err := os.WriteFile(p, []byte(f.Input), 0o600); err != nil {
				t.Fatal(err)
			}
			in["forms/"+f.Name] = p
		}
	}
	return in
}

func runExplainWidth(t *testing.T, width int, args ...string) (string, string, int) {
	t.Helper()
	var out, errb strings.Builder
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "COLUMNS" && width > 0 {
			return fmt.Sprint(width)
		}
		return ""
	}}
	err := Run(t.Context(), env, append([]string{"explain", "--no-decode"}, args...))
	if err != nil && err.Error() != "" {
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), ExitCode(err)
}

// No English sentence is left in a Japanese or Korean report, text or
// Markdown, of any message the tests hold (what counts as English:
// i18n.EnglishIn).
func TestExplainNoEnglishInTranslations(t *testing.T) {
	t.Parallel()
	inputs := langInputs(t)
	names := make([]string, 0, len(inputs))
	for n := range inputs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, lang := range []i18n.Lang{i18n.JA, i18n.KO} {
		for _, format := range []string{"text", "markdown"} {
			found := map[string][]string{}
			for _, name := range names {
				out, errOut, code := runExplainWidth(t, 0, "--lang", string(lang), "--format", format, "--show", "all", inputs[name])
				if code != 0 {
					t.Errorf("%s: exit %d: %s", name, code, errOut)
					continue
				}
				for _, e := range i18n.EnglishIn(lang, out) {
					found[e] = append(found[e], name)
				}
			}
			// Re-evaluated against a snapshot: denied by the identity
			// policy, by the boundary, and allowed.
			snap := filepath.Join("..", "..", "testdata", "check", "restore.json")
			for role, want := range map[string]int{"CustomRestoreRole": ExitDenied, "BoundedRestoreRole": ExitDenied, "ManagedRestoreRole": ExitOK} {
				msg := "User: arn:aws:sts::111122223333:assumed-role/" + role + "/AWSBackup-" + role + " is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/AppRole because no identity-based policy allows the iam:PassRole action"
				out, errOut, code := runExplainWidth(t, 0, "--lang", string(lang), "--format", format, "--show", "all", "--snapshot", snap, msg)
				if code != want {
					t.Errorf("snapshot %s: exit %d: %s", role, code, errOut)
					continue
				}
				for _, e := range i18n.EnglishIn(lang, out) {
					found[e] = append(found[e], "snapshot "+role)
				}
			}
			for _, e := range sortedKeys(found) {
				t.Errorf("%s %s: English %q in %d reports (%s)", lang, format, e, len(found[e]), found[e][0])
			}
		}
	}
}

func sortedKeys(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The detector finds what it must, and only that: without it the test
// above proves nothing.
func TestEnglishInDetects(t *testing.T) {
	t.Parallel()
	report := strings.Join([]string{
		"修正 1 (最小権限) — エンジンで検証済み: Allowed (既知のポリシーに対して)",
		"  復元ロール AWSBackupDefaultServiceRole には arn:aws:iam::111122223333:role/x に対する iam:PassRole がありません。",
		"  - decoded message: context conditions (abridged)",
		"  콘솔에서는 복원 역할(Restore role)이 기본 역할(Default role)입니다. IAM Identity Center",
		"",
		"  AWS CLI",
		"    # The current key policy is not known: fetch it and submit the result.",
		"    aws kms put-key-policy --key-id k --policy file://key-policy.json",
		"",
		"  ポリシー",
		`    {"Effect": "Allow", "Action": "iam:PassRole"}`,
		"",
		"  Terraform",
		"    # assume_role_policy of the aws_iam_role that manages role r (keep its other arguments):",
		"    import {",
		"",
		"    resource \"aws_iam_role\" \"r\" {",
		"      description = the role of the restore",
		"",
		"  補足: this is not code at all",
		"",
	}, "\n")
	got := i18n.EnglishIn(i18n.JA, report)
	want := []string{"Allowed", "decoded message", "context conditions abridged", "The current key policy is not known", "fetch it and submit the result", "of the", "that manages role", "keep its other arguments", "this is not code at all"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("EnglishIn found\n%q\nwant\n%q", got, want)
	}
}

// The Japanese and Korean reports, re-checked at 60, 80 and 100 columns:
// golden files for a few fixtures, and over every message the tests
// hold, no prose line wider than the width unless it is one token that
// cannot be broken, no Korean line broken inside a word, no Japanese
// line starting with a character that may not start one.
func TestExplainWrapWidths(t *testing.T) {
	t.Parallel()
	inputs := langInputs(t)
	goldenFixtures := map[string]bool{"seed-ja-console": true, "seed-ko-console": true, "vault-boundary": true}
	for _, width := range []int{60, 80, 100} {
		for _, lang := range []string{"ja", "ko"} {
			for name, file := range inputs {
				out, errOut, code := runExplainWidth(t, width, "--lang", lang, "--show", "all", file)
				if code != 0 {
					t.Errorf("%s: exit %d: %s", name, code, errOut)
					continue
				}
				if goldenFixtures[name] {
					golden(t, fmt.Sprintf("explain/width/%s.%s.%d.txt", name, lang, width), out)
				}
				where := fmt.Sprintf("%s %s %d", name, lang, width)
				checkProseLines(t, where, lang, out, width)
				// Against the same report unwrapped: nothing but spaces
				// and line breaks differ, and in Korean not even the words
				// (a break inside a word would cut one in two).
				wide, _, _ := runExplainWidth(t, 1<<20, "--lang", lang, "--show", "all", file)
				if lang == "ko" {
					if got, want := hangulWords(out), hangulWords(wide); strings.Join(got, " ") != strings.Join(want, " ") {
						t.Errorf("%s: the words differ from the unwrapped report:\n%s", where, firstDiff(got, want))
					}
				}
				nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
				if nospace(out) != nospace(wide) {
					t.Errorf("%s: wrapping changed the text", where)
				}
			}
		}
	}
}

// checkProseLines checks the wrapped lines of a text report: those
// outside the indented renderings (code is never wrapped) and the
// request table's first column.
func checkProseLines(t *testing.T, where, lang, out string, width int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	inCode := false
	for i, l := range lines {
		switch {
		case l == "":
			continue
		case isRenderLabel(l):
			inCode = true
			continue
		case inCode && strings.HasPrefix(l, "    "):
			continue
		}
		inCode = false
		if i18n.Width(l) > width {
			// Only a single token too wide for any line may overflow: after
			// the indentation (and a table label), no space and no
			// Japanese character to break at (a closing mark such as 。
			// right after the token is none: no line may start with it).
			rest := strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(l, " -"), firstCell(l)), " ")
			rest = strings.TrimRightFunc(rest, func(r rune) bool { return i18n.NoLineStart(r) && i18n.Width(string(r)) == 2 })
			if strings.Contains(rest, " ") || hasWide(rest) && lang == "ja" {
				t.Errorf("%s: line %d is %d columns wide:\n%s", where, i+1, i18n.Width(l), l)
			}
		}
		// No line starts with a Japanese closing mark, small kana or long
		// vowel mark (none begins a paragraph either).
		first, _ := utf8.DecodeRuneInString(strings.TrimLeft(l, " -"))
		if i18n.NoLineStart(first) && i18n.Width(string(first)) == 2 {
			t.Errorf("%s: line %d starts with %q:\n%s", where, i+1, first, l)
		}
	}
}

// hangulWords returns the words of s that hold Hangul: a Korean word
// broken in two leaves two words, or a word without the part on the next
// line (words of Japanese quoted in a Korean report may be broken).
func hangulWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		for _, r := range w {
			if r >= 0xac00 && r <= 0xd7a3 {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("word %d: %q, unwrapped %q", i, a[i], b[i])
		}
	}
	return fmt.Sprintf("%d words, unwrapped %d", len(a), len(b))
}

func firstCell(l string) string {
	t := strings.TrimLeft(l, " ")
	if i := strings.Index(t, "  "); i > 0 && !strings.HasPrefix(t, "arn:") {
		return t[:i]
	}
	return ""
}

func hasWide(s string) bool {
	for _, r := range s {
		if i18n.Width(string(r)) == 2 {
			return true
		}
	}
	return false
}

func isRenderLabel(l string) bool {
	t := strings.TrimSpace(l)
	for _, lang := range i18n.Langs {
		for _, id := range []string{"report.render.policy", "same.render.cli", "same.render.terraform", "same.render.cloudformation"} {
			if t == i18n.T(lang, id) && strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "   ") {
				return true
			}
		}
	}
	return false
}

// Errors are shown in the report's language, and in English say what
// they said before (the English is the reader's own message).
func TestExplainErrorsTranslated(t *testing.T) {
	t.Parallel()
	if got := i18n.T(i18n.EN, "cli.explain.no-denial"); got != authzmsg.ErrNoDenial.Error() {
		t.Errorf("cli.explain.no-denial is not authzmsg.ErrNoDenial:\n%s\n%s", got, authzmsg.ErrNoDenial)
	}
	ja := func(k string) string {
		if k == "LANG" {
			return "ja_JP.UTF-8"
		}
		return ""
	}
	for _, tt := range []struct {
		args []string
		in   string
		want string
	}{
		{[]string{"explain", "--lang", "ja", "-"}, "hello world", "アクセス拒否のメッセージが見つかりません"},
		{[]string{"explain", "--lang", "ko"}, "", "설명할 것이 없습니다: 액세스 거부 메시지를 찾을 수 없습니다"},
		{[]string{"explain", "--lang", "ja", "--format", "xml", "x"}, "", "--format には \"text\"、\"json\"、\"markdown\""},
		{[]string{"explain", "--lang", "ko", "--show", "yaml", "x"}, "", "--show에는"},
		{[]string{"explain", "--lang", "fr", "x"}, "", "--lang には \"en\"、\"ja\"、\"ko\""}, // from LANG
		{[]string{"explain", "--lang", "ja", "--snapshot", "s.json", "--live", "User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k"}, "", "同時に指定できません"},
	} {
		var out, errb strings.Builder
		env := &Env{Stdin: strings.NewReader(tt.in), Stdout: &out, Stderr: &errb, Getenv: ja}
		err := Run(t.Context(), env, tt.args)
		if ExitCode(err) != ExitUsage || err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: %v (exit %d); want %q", tt.args, err, ExitCode(err), tt.want)
		}
		if err != nil && len(i18n.EnglishIn(i18n.JA, err.Error())) > 0 {
			t.Errorf("%v: English in %q: %q", tt.args, err, i18n.EnglishIn(i18n.JA, err.Error()))
		}
	}
}

// The width: COLUMNS when it is a whole number of at least MinWidth, else
// the terminal's, else DefaultWidth.
func TestEnvWidth(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		columns string
		term    int
		want    int
	}{
		{"", 0, DefaultWidth},
		{"", 132, 132},
		{"72", 132, 72},
		{"72", 0, 72},
		{"abc", 132, 132},
		{"5", 0, DefaultWidth},
		{"-80", 0, DefaultWidth},
		{"", 8, DefaultWidth},
	} {
		env := &Env{TermWidth: tt.term, Getenv: func(k string) string {
			if k == "COLUMNS" {
				return tt.columns
			}
			return ""
		}}
		if got := env.Width(); got != tt.want {
			t.Errorf("COLUMNS=%q, terminal %d: width %d, want %d", tt.columns, tt.term, got, tt.want)
		}
	}
	// And the report follows it: at 60 columns no prose line of a
	// Korean report is wider.
	out, _, _ := runExplainWidth(t, 60, "--lang", "ko", filepath.Join("..", "..", "testdata", explainFixtures["seed-en-blog"]))
	wide, _, _ := runExplainWidth(t, 0, "--lang", "ko", filepath.Join("..", "..", "testdata", explainFixtures["seed-en-blog"]))
	if out == wide {
		t.Error("COLUMNS=60 did not change the report")
	}
}
