package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shortOrgCopy is a short-form account whose backup plan copies to a vault
// of account 444455556666, in an organization given by org.
func shortOrgCopy(t *testing.T, org string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "short.json")
	data := `{
  "account": "111122223333",
  "roles": {"BackupRole": {"trust": "backup.amazonaws.com", "managed": ["AWSBackupServiceRolePolicyForBackup"]}},
  "org": ` + org + `,
  "scps": {"r-root": ["FullAWSAccess"], "111122223333": ["FullAWSAccess"]},
  "vaults": {"Main": {}},
  "plans": {"daily": {"vault": "Main", "role": "BackupRole", "resources": ["arn:aws:ec2:us-east-1:111122223333:volume/vol-0123456789abcdef0"],
    "copyTo": ["arn:aws:backup:us-east-1:444455556666:backup-vault:Central"]}}
}`
	if err := os.WriteFile(f, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

// A short-form org lists the account and its management account only
// unless it gives "accounts": an account it does not list may be a
// member, so a copy to it is could-not-check naming that the snapshot does
// not list the organization's accounts, not a failing "not a member of the
// organization" (before: backup.copy-condition, exit 1). With
// org.accounts the list is the whole membership: a listed destination is a
// member, one not listed is not (the condition fails, as before).
func TestAuditShortOrgAccountsUnlisted(t *testing.T) {
	t.Parallel()
	unlisted := shortOrgCopy(t, `{"management": "999988887777"}`)
	for _, f := range auditFormats {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", unlisted, "--format", f)
		if code != ExitUnchecked || strings.Contains(out, "backup.copy-condition") || strings.Contains(out, "not-member") {
			t.Errorf("%s: exit %d, want 4 and no backup.copy-condition: %s\n%s", f, code, errOut, out)
		}
	}
	out, _, _ := runCLI(t, "", "audit", "--snapshot", unlisted)
	flat := strings.Join(strings.Fields(out), " ")
	if want := "whether account 444455556666 is a member of organization r-root is unknown: the snapshot does not list the organization's accounts (in the short form, list them in org.accounts)"; !strings.Contains(flat, want) {
		t.Errorf("no %q:\n%s", want, out)
	}
	for lang, want := range map[string]string{"ja": "組織のアカウント一覧がありません", "ko": "조직의 계정 목록이 없습니다"} {
		if out, _, _ := runCLI(t, "", "audit", "--snapshot", unlisted, "--lang", lang); !strings.Contains(out, want) {
			t.Errorf("%s: no %q:\n%s", lang, want, out)
		}
	}
	// No management account given either: still unknown, never "no".
	if out, errOut, code := runCLI(t, "", "audit", "--snapshot", shortOrgCopy(t, `{"ous": {"ou-prod": "r-root"}, "parent": "ou-prod"}`)); code != ExitUnchecked || strings.Contains(out, "backup.copy-condition") {
		t.Errorf("org without management: exit %d, want 4 and no backup.copy-condition: %s\n%s", code, errOut, out)
	}

	listed := shortOrgCopy(t, `{"management": "999988887777", "ous": {"ou-backup": "r-root"}, "accounts": {"444455556666": "ou-backup"}}`)
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", listed, "--format", "json")
	if code != ExitUnchecked || strings.Contains(out, "backup.copy-condition") || strings.Contains(out, "orgAccountsUnlisted") || strings.Contains(out, "org-accounts-unlisted") {
		t.Errorf("destination listed: exit %d, want 4, no copy-condition and no unlisted cause: %s\n%s", code, errOut, out)
	}
	other := shortOrgCopy(t, `{"management": "999988887777", "accounts": {"555566667777": ""}}`)
	out, errOut, code = runCLI(t, "", "audit", "--snapshot", other)
	if code != ExitDenied || !strings.Contains(out, "backup.copy-condition") || !strings.Contains(out, "account 444455556666 is not a member of organization r-root") {
		t.Errorf("destination not listed in org.accounts: exit %d, want 1 with not a member: %s\n%s", code, errOut, out)
	}

	// A bad entry is bad input, named by its pointer.
	for org, want := range map[string]string{
		`{"accounts": {"4444": ""}}`:                       `/org/accounts/4444: account "4444" is not a 12-digit account id`,
		`{"accounts": {"444455556666": "ou-missing"}}`:     `/org/accounts/444455556666: parent "ou-missing" is neither the root (r-root) nor an OU of "ous"`,
		`{"accounts": {"111122223333": ""}}`:               `/org/accounts/111122223333: account 111122223333 is the snapshot's own account`,
		`{"management": "999988887777", "accounts": [""]}`: `/org/accounts`,
	} {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", shortOrgCopy(t, org))
		if code != ExitUsage || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, want bad input naming %q: %s\n%s", org, code, want, errOut, out)
		}
	}
}
