package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/testutil"
	"github.com/deniedhq/denied/preflight"
)

// audit's counts read "1 recovery point", "2 recovery points" (i18n.N),
// never "recovery point(s)": the summary, "Not proven", the causes' total,
// the organization summary and its causes, --summary's facts to verify,
// check's account not in an organization snapshot and a bad line of an
// ignore file (translated now: it was English in every language).
// Japanese and Korean read as before.
func TestAuditCountsSingularPlural(t *testing.T) {
	t.Parallel()
	audit := func(snap string, args ...string) string {
		out, errOut, _ := runCLI(t, "", append([]string{"audit", "--snapshot", snap}, args...)...)
		return out + errOut
	}
	snap := func(name string) string { return filepath.Join("..", "..", "testdata", "audit", name+".json") }
	for _, tt := range []struct {
		out  string
		want []string
	}{
		{audit(snap("failing")), []string{"2 recovery points, 1 backup selection and 0 unreadable parts of the snapshot", "= 2 items."}},
		{audit(snap("regions")), []string{"3 recovery points, 2 backup selections, 1 copy rule and 0 unreadable parts of the snapshot"}},
		{audit(snap("empty-unreadable")), []string{"0 recovery points, 0 backup selections and 1 unreadable part of the snapshot",
			"Not proven: 1 item could not be checked; the audit cannot tell whether every restore works (exit 4).", "= 1 item."}},
		{audit(snap("unknown")), []string{"Not proven: 5 items could not be checked"}},
		{audit(auditS3, "--summary"), []string{"1 item depends on 6 facts no snapshot holds", "without --summary"}},
		{audit(snap("clean"), "--summary"), []string{"3 items depend on 6 facts no snapshot holds", "without --summary"}},
	} {
		for _, w := range tt.want {
			if !strings.Contains(tt.out, w) {
				t.Errorf("no %q in\n%s", w, tt.out)
			}
		}
		if strings.Contains(tt.out, "(s)") {
			t.Errorf("a count with (s):\n%s", tt.out)
		}
	}

	// An organization: its title, summary and causes.
	dir := testutil.OrgDir(t, "999988887777", map[string]string{preflight.SettingCrossAccountBackup: "false"},
		testutil.OrgAccount{ID: "111122223333", Short: "../../testdata/org/111122223333.short.json"},
		testutil.OrgAccount{ID: "444455556666", Short: "../../testdata/org/444455556666.short.json"})
	for lang, want := range map[string][]string{
		"en": {"Organization audit: 2 accounts, 2 audited, 0 not audited", "items: 4 would fail, 0 could not be checked (2 copy rules).",
			"- backup.copy-condition: 1 item in 1 account"},
		"ja": {"組織の監査: 2 アカウント、監査済み 2、未監査 0", "項目: 失敗 4、チェック不能 0 (コピールール 2)。", "- backup.copy-condition: 1 項目 (1 アカウント)"},
		"ko": {"조직 감사: 계정 2개, 감사 2개, 미감사 0개", "실패 4개, 점검 불가 0개(복사 규칙 2개).", "- backup.copy-condition: 항목 1개(계정 1개)"},
	} {
		out := audit(dir, "--lang", lang)
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: no %q in\n%s", lang, w, out)
			}
		}
		if strings.Contains(out, "(s)") {
			t.Errorf("%s: a count with (s):\n%s", lang, out)
		}
	}

	// check: an account an organization snapshot of one account does not list.
	one := testutil.OrgDir(t, "999988887777", nil, testutil.OrgAccount{ID: "111122223333", Short: "../../testdata/org/111122223333.short.json"})
	_, errOut, code := runCLI(t, "", "check", "create-vault", "--snapshot", one, "--vault", "V", "--account", "555566667777", "--as", acct+"user/operator")
	if want := "(its index lists 1 account);"; code != ExitUsage || !strings.Contains(errOut, want) {
		t.Errorf("check, one account: exit %d, want 2 and %q: %s", code, want, errOut)
	}

	// A bad line of an ignore file, in the report's language.
	ignore := func(line string) string {
		f := filepath.Join(t.TempDir(), "ignore")
		if err := os.WriteFile(f, []byte(line+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	for _, tt := range []struct {
		line, lang, want string
	}{
		{"sts.assume-role", "en", ":1: want RULE-ID RESOURCE EXPIRES REASON (a reason is required), got 1 field"},
		{"sts.assume-role * 2030-01-01", "en", ":1: want RULE-ID RESOURCE EXPIRES REASON (a reason is required), got 3 fields"},
		{"sts.assume-role * 2030-01-01", "ja", "フィールドは 3 個です"},
		{"sts.assume-role * 2030-01-01", "ko", "필드가 3개입니다"},
		{"sts.assume-role * 2030-13-01 reason", "ja", `有効期限 "2030-13-01" は YYYY-MM-DD 形式の日付ではありません`},
		{"* * 2030-01-01 reason", "ko", `항목에는 규칙 ID나 리소스를 지정해야 합니다`},
	} {
		_, errOut, code := runCLI(t, "", "audit", "--snapshot", snap("clean"), "--lang", tt.lang, "--ignore-file", ignore(tt.line))
		if code != ExitUsage || !strings.Contains(errOut, "--ignore-file: ") || !strings.Contains(errOut, tt.want) || strings.Contains(errOut, "(s)") {
			t.Errorf("%q (%s): exit %d, stderr %q, want 2 and %q", tt.line, tt.lang, code, errOut, tt.want)
		}
	}
}
