package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// keyStateSnapshot is a short-form account whose recovery point (EFS, in
// vault Source) and whose vaults are encrypted with customer managed keys:
// rpKey encrypts Source and its recovery point, copyKey the vault Copies.
const keyStateSnapshot = `{
 "account": "111122223333",
 "region": "eu-west-1",
 "roles": {"BackupRole": {"trust": "backup.amazonaws.com", "managed": ["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores"]}},
 "users": {"ops": {"inline": {"backup": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["backup:*", "iam:PassRole"], "Resource": "*"}]}}}},
 "kmsKeys": {
  "4444dddd-44dd-44dd-44dd-444444444444": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}},
  "5555eeee-55ee-55ee-55ee-555555555555": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}}
 },
 "vaults": {"Source": {"key": "4444dddd-44dd-44dd-44dd-444444444444"}, "Copies": {"key": "5555eeee-55ee-55ee-55ee-555555555555"}},
 "recoveryPoints": [{"id": "rp-efs", "type": "EFS", "vault": "Source", "source": "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-12345678"}]
}`

const (
	rpKey   = "arn:aws:kms:eu-west-1:111122223333:key/4444dddd-44dd-44dd-44dd-444444444444"
	copyKey = "arn:aws:kms:eu-west-1:111122223333:key/5555eeee-55ee-55ee-55ee-555555555555"
	rpEFS   = "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-efs"
)

// keyStateSnap writes keyStateSnapshot with key's state set to state (and
// its manager to manager, when given).
func keyStateSnap(t *testing.T, key, state, manager string) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "short.json")
	if err := os.WriteFile(src, []byte(keyStateSnapshot), 0o600); err != nil {
		t.Fatal(err)
	}
	return mutatedSnapshot(t, src, func(s *account.Snapshot) {
		for i := range s.KMSKeys {
			if s.KMSKeys[i].ARN == key {
				s.KMSKeys[i].KeyState = state
				if manager != "" {
					s.KMSKeys[i].KeyManager = manager
				}
			}
		}
	})
}

// Every operation whose requests use a KMS key decides the key's state,
// as create-vault/cmk did alone: a restore of a recovery point whose key
// is disabled or pending deletion, a copy from or into a vault whose key
// is, a backup into a vault whose key encrypts the backup (EFS, fully
// managed) fail (exit 1, were exit 0: "would be allowed") naming the key,
// its state and the AWS CLI command that enables it with the key's ARN; a
// key whose state is not recorded could not be checked (exit 4), except an
// AWS managed key, which AWS KMS keeps enabled. An EBS backup keeps its
// volume's encryption: the vault's key does not decide it.
func TestCheckKeyStateOfEveryOperation(t *testing.T) {
	t.Parallel()
	as := []string{"--as", acct + "user/ops", "--role", acct + "role/BackupRole", "--lang", "en"}
	restore := append([]string{"check", "restore", "--recovery-point", rpEFS}, as...)
	copyTo := append([]string{"check", "copy", "--recovery-point", rpEFS, "--destination-vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:Copies"}, as...)
	backup := func(rt string) []string {
		return append([]string{"check", "backup", "--resource-type", rt, "--vault", "Copies"}, as...)
	}
	enable := "aws kms enable-key --key-id " + rpKey + " --region eu-west-1"
	for _, tt := range []struct {
		name               string
		args               []string
		key, state, manage string
		code               int
		want               []string
	}{
		{"restore, key enabled", restore, rpKey, "Enabled", "", ExitOK, []string{"key " + rpKey + " is enabled and in the Region"}},
		{"restore, key disabled", restore, rpKey, "Disabled", "", ExitDenied, []string{"FAILS: The recovery point's KMS key must be enabled",
			"key " + rpKey + " is Disabled", "Fix: enable the key, with the credentials of account 111122223333: " + enable}},
		{"restore, key pending deletion", restore, rpKey, "PendingDeletion", "", ExitDenied, []string{"key " + rpKey + " is PendingDeletion",
			"aws kms cancel-key-deletion --key-id " + rpKey + " --region eu-west-1 && " + enable}},
		{"restore, key state unknown", restore, rpKey, "", "", ExitUnchecked, []string{"State of KMS key " + rpKey + " (--kms-key) is unknown"}},
		{"restore, AWS managed key, state unknown", restore, rpKey, "", account.KeyManagerAWS, ExitOK, []string{"is an AWS managed key, which AWS KMS keeps enabled"}},
		{"copy, source key disabled", copyTo, rpKey, "Disabled", "", ExitDenied, []string{"FAILS: The source recovery point's KMS key must be enabled", "key " + rpKey + " is Disabled"}},
		{"copy, destination vault key disabled", copyTo, copyKey, "Disabled", "", ExitDenied, []string{"FAILS: The destination vault's KMS key must be enabled",
			"aws kms enable-key --key-id " + copyKey + " --region eu-west-1"}},
		{"copy, destination vault key state unknown", copyTo, copyKey, "", "", ExitUnchecked, []string{"State of KMS key " + copyKey + " (--destination-vault) is unknown"}},
		{"backup EFS, vault key disabled", backup("EFS"), copyKey, "Disabled", "", ExitDenied, []string{"FAILS: The vault's KMS key", "key " + copyKey + " is Disabled"}},
		{"backup EBS, vault key disabled", backup("EBS"), copyKey, "Disabled", "", ExitOK, nil},
	} {
		snap := keyStateSnap(t, tt.key, tt.state, tt.manage)
		args := append([]string{tt.args[0], tt.args[1], "--snapshot", snap}, tt.args[2:]...)
		out, errOut, code := runCLI(t, "", args...)
		bad := code != tt.code
		for _, w := range tt.want {
			bad = bad || !strings.Contains(out, w)
		}
		if bad {
			t.Errorf("%s: exit %d, want %d with %q:\n%s%s", tt.name, code, tt.code, tt.want, out, errOut)
		}
	}
}
