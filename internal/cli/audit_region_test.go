package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// A recovery point is audited against the vault of its own Region: with
// "Default" vaults in us-east-1 and eu-west-1 only, one in ap-south-1
// could not be checked (it passed, judged against the us-east-1 vault);
// one in eu-west-1, whose vault's access policy denies restores, fails.
func TestAuditRecoveryPointVaultInItsRegion(t *testing.T) {
	t.Parallel()
	full, err := account.LoadFile("../../testdata/audit/regions.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		rp, text string
		code     int
	}{
		{"ap-south-1", "vault Default is not in the snapshot in ap-south-1, the recovery point's Region; the vaults of that name in eu-west-1, us-east-1 are other vaults", ExitUnchecked},
		{"eu-west-1", "Denied [backup.start-restore]: " + acct + "user/operator backup:StartRestoreJob on arn:aws:backup:eu-west-1:", ExitDenied},
	} {
		s := *full
		s.BackupPlans = nil
		s.RecoveryPoints = nil
		for _, rp := range full.RecoveryPoints {
			if rp.Region() == tt.rp {
				s.RecoveryPoints = append(s.RecoveryPoints, rp)
			}
		}
		path := filepath.Join(t.TempDir(), "snapshot.json")
		if err := account.WriteFile(path, &s); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", path, "--as", acct+"user/operator", "--role", acct+"role/EuRestoreRole", "--lang", "en")
		if code != tt.code || !strings.Contains(out, tt.text) {
			t.Errorf("recovery point in %s: exit %d, want %d and %q:\n%s%s", tt.rp, code, tt.code, tt.text, out, errOut)
		}
	}
}
