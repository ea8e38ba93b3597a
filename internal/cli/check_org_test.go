package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/testutil"
	"github.com/deniedhq/denied/preflight"
)

func orgFixture(t *testing.T, settings map[string]string, dest testutil.OrgAccount) string {
	t.Helper()
	return testutil.OrgDir(t, "999988887777", settings,
		testutil.OrgAccount{ID: "111122223333", Short: "../../testdata/org/111122223333.short.json"}, dest)
}

// check copy/cross-account against an organization snapshot decides the
// destination side from the destination account's own snapshot.
func TestCheckCrossAccountCopyWithOrgSnapshot(t *testing.T) {
	dest := testutil.OrgAccount{ID: "444455556666", Short: "../../testdata/org/444455556666.short.json"}
	on := map[string]string{preflight.SettingCrossAccountBackup: "true"}
	args := func(dir, vault string, more ...string) []string {
		return append([]string{"check", "copy", "--snapshot", dir,
			"--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs",
			"--role", "arn:aws:iam::111122223333:role/BackupRole", "--as", "arn:aws:iam::111122223333:user/operator",
			"--destination-vault", "arn:aws:backup:eu-west-1:444455556666:backup-vault:" + vault}, more...)
	}
	for _, tt := range []struct {
		name     string
		dir      string
		vault    string
		code     int
		contains string
	}{
		{"allowed", orgFixture(t, on, dest), "Central", ExitOK, "Every checked request would be allowed."},
		{"vault without an access policy", orgFixture(t, on, dest), "Closed", ExitDenied, "backup:CopyIntoBackupVault"},
		{"cross-account backup off", orgFixture(t, map[string]string{preflight.SettingCrossAccountBackup: "false"}, dest), "Central", ExitDenied, "cross-account copies are refused"},
		{"destination not collected", orgFixture(t, on, testutil.OrgAccount{ID: "444455556666", Status: account.AccountFailed, Error: "AccessDenied"}), "Central", ExitUnchecked, "Account 444455556666 is not in the organization snapshot"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", args(tt.dir, tt.vault)...)
			if code != tt.code || !strings.Contains(out, tt.contains) {
				t.Fatalf("exit %d (want %d), output lacks %q:\n%s\n%s", code, tt.code, tt.contains, out, errOut)
			}
			js, _, _ := runCLI(t, "", args(tt.dir, tt.vault, "--format", "json")...)
			var rep struct{ Operation, Status string }
			if err := json.Unmarshal([]byte(js), &rep); err != nil || rep.Operation != "copy/cross-account" {
				t.Fatalf("json: %v %s", err, rep.Operation)
			}
		})
	}
	// The fix edits the destination's vault access policy: its commands
	// say they need the destination account's credentials, in every
	// language and rendering.
	for lang, want := range map[string]string{"en": "# Run with credentials of account 444455556666", "ja": "# アカウント 444455556666", "ko": "계정 444455556666의 자격 증명으로 실행하세요"} {
		out, _, _ := runCLI(t, "", args(orgFixture(t, on, dest), "Closed", "--lang", lang)...)
		if !strings.Contains(out, want) {
			t.Errorf("%s: the destination vault's fix does not say whose credentials it needs (%q):\n%s", lang, want, out)
		}
	}
	// An organization snapshot needs the account to check.
	_, errOut, code := runCLI(t, "", "check", "copy", "--snapshot", orgFixture(t, on, dest),
		"--destination-vault", "arn:aws:backup:eu-west-1:444455556666:backup-vault:Central")
	if code != ExitUsage || !strings.Contains(errOut, "--account") {
		t.Fatalf("no account: exit %d, %s", code, errOut)
	}
}
