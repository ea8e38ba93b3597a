package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/testutil"
	"github.com/deniedhq/denied/preflight"
)

// A one-account snapshot holds nothing of another account: --account of
// another one is a usage error naming both accounts (it was checked
// against policies and resources that are not there: exit 1 with denials
// nobody could prove, or exit 0 for check collect).
func TestCheckAccountNotTheSnapshots(t *testing.T) {
	t.Parallel()
	snap := scopeSnapshot(t, `{"arn":"arn:aws:backup:eu-west-1:111122223333:backup-vault:Prod"}`, "")
	data, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	want := "--account 222233334444 is not the snapshot's account (111122223333)"
	for _, tt := range []struct {
		name, stdin string
		args        []string
	}{
		{"put-vault-policy", "", []string{"put-vault-policy", "--snapshot", snap, "--vault", "Prod"}},
		{"restore what-if", "", []string{"restore", "--snapshot", snap, "--resource-type", "ebs", "--vault", "Prod"}},
		{"collect", "", []string{"collect", "--snapshot", snap}},
		{"standard input", string(data), []string{"put-vault-policy", "--snapshot", "-", "--vault", "Prod"}},
	} {
		args := append(append([]string{"check"}, tt.args...), "--as", acct+"user/admin", "--lang", "en")
		out, errOut, code := runCLI(t, tt.stdin, append(args, "--account", "222233334444")...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, want) || !strings.Contains(errOut, "collect --org") {
			t.Errorf("%s --account 222233334444: exit %d, want %d, no report and %q:\n%s%s", tt.name, code, ExitUsage, want, out, errOut)
		}
		// The snapshot's own account is what no --account checks.
		base, _, baseCode := runCLI(t, tt.stdin, args...)
		out, errOut, code = runCLI(t, tt.stdin, append(args, "--account", "111122223333")...)
		if code != baseCode || out != base || code == ExitUsage {
			t.Errorf("%s --account 111122223333: exit %d, want %d and the report without --account:\n%s%s", tt.name, code, baseCode, out, errOut)
		}
	}
	for lang, want := range map[string]string{
		"ja": "--account 222233334444 はスナップショットのアカウント (111122223333) ではありません",
		"ko": "--account 222233334444은(는) 스냅샷의 계정(111122223333)이 아닙니다",
	} {
		_, errOut, code := runCLI(t, "", "check", "collect", "--snapshot", snap, "--as", acct+"user/admin", "--account", "222233334444", "--lang", lang)
		if code != ExitUsage || !strings.Contains(errOut, want) {
			t.Errorf("--lang %s: exit %d, want %d and %q:\n%s", lang, code, ExitUsage, want, errOut)
		}
	}
	// Not an account ID at all: refused before the snapshot is read.
	_, errOut, code := runCLI(t, "", "check", "collect", "--snapshot", "no-such-file.json", "--as", acct+"user/admin", "--account", "2222", "--lang", "en")
	if code != ExitUsage || !strings.Contains(errOut, `--account "2222" is not a 12-digit account ID`) {
		t.Errorf("--account 2222: exit %d, want %d naming it:\n%s", code, ExitUsage, errOut)
	}
}

// An organization snapshot's account to check is one it collected: one
// its index does not list, or lists as not collected, is an error naming
// the account and the flag it comes from, never a verdict.
func TestCheckAccountNotInOrgSnapshot(t *testing.T) {
	t.Parallel()
	dir := orgFixture(t, map[string]string{preflight.SettingCrossAccountBackup: "true"},
		testutil.OrgAccount{ID: "444455556666", Status: account.AccountFailed, Error: "AccessDenied"})
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"--account not a member", []string{"--account", "555566667777", "--as", acct + "user/operator"},
			"account 555566667777 (--account) is not a member of the organization snapshot (its index lists 2 accounts)"},
		{"--role of a non-member", []string{"--role", "arn:aws:iam::555566667777:role/BackupRole"},
			"account 555566667777 (the account of --role arn:aws:iam::555566667777:role/BackupRole) is not a member"},
		{"--account not collected", []string{"--account", "444455556666", "--as", acct + "user/operator"},
			"account 444455556666 (--account) was not collected (failed: AccessDenied)"},
	} {
		out, errOut, code := runCLI(t, "", append([]string{"check", "create-vault", "--snapshot", dir, "--vault", "V", "--lang", "en"}, tt.args...)...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("%s: exit %d, want %d, no report and %q:\n%s%s", tt.name, code, ExitUsage, tt.want, out, errOut)
		}
	}
}

// A principal of another account than the snapshot's is could-not-check
// naming it and its flag (exit 4), never allowed or denied; the scan role
// of create-plan was named --role.
func TestCheckPrincipalOfAnotherAccount(t *testing.T) {
	t.Parallel()
	snap := scopeSnapshot(t, `{"arn":"arn:aws:backup:eu-west-1:111122223333:backup-vault:Prod"}`, "")
	other := "arn:aws:iam::222233334444:"
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"--as user", []string{"collect", "--as", other + "user/admin"},
			"Principal arn:aws:iam::222233334444:user/admin (--as) is not in the snapshot."},
		{"--as session", []string{"put-vault-policy", "--vault", "Prod", "--as", "arn:aws:sts::222233334444:assumed-role/Admin/s"},
			"Principal arn:aws:sts::222233334444:assumed-role/Admin/s (--as) is not in the snapshot."},
		{"--role", []string{"restore", "--resource-type", "ebs", "--vault", "Prod", "--as", acct + "user/admin", "--role", other + "role/BackupRole"},
			"Role arn:aws:iam::222233334444:role/BackupRole (--role) is not in the snapshot."},
		{"--scan-role", []string{"create-plan", "--as", acct + "user/admin", "--scan-role", other + "role/ScanRole"},
			"Role arn:aws:iam::222233334444:role/ScanRole (--scan-role) is not in the snapshot."},
	} {
		out, errOut, code := runCLI(t, "", append([]string{"check", "--snapshot", snap, "--lang", "en"}, tt.args...)...)
		if code != ExitUnchecked || !strings.Contains(out, tt.want) {
			t.Errorf("%s: exit %d, want %d and %q:\n%s%s", tt.name, code, ExitUnchecked, tt.want, out, errOut)
		}
	}
}

// --live reads the credentials' account only: --account of another one is
// a usage error naming both (it checked that account's what-if ARNs
// against the account read).
func TestCheckLiveAccountNotRead(t *testing.T) {
	t.Parallel()
	_, _, deps := liveMoto(t)
	out, errOut, code := runCLIWith(t, deps, "", "check", "create-vault", "--live", "--vault", "LiveVault",
		"--as", "arn:aws:iam::123456789012:root", "--account", "222233334444", "--lang", "en")
	want := "--account 222233334444 is not the account read live (123456789012, the credentials' account)"
	if code != ExitUsage || out != "" || !strings.Contains(errOut, want) {
		t.Fatalf("exit %d, want %d, no report and %q:\n%s%s", code, ExitUsage, want, out, errOut)
	}
}
