package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSnapshotErrorOfItsForm: a short-form snapshot with a field neither
// form knows is reported at that field by every command that reads a
// snapshot, file or standard input; before, each said
// `snapshot /account: unknown field "account"` (the full form's error).
func TestSnapshotErrorOfItsForm(t *testing.T) {
	t.Parallel()
	const snap = `{"account":"111122223333","region":"eu-west-1","unreadable":[{"service":"organizations","call":"ListPoliciesForTarget"}]}`
	file := filepath.Join(t.TempDir(), "short.json")
	if err := os.WriteFile(file, []byte(snap), 0o600); err != nil {
		t.Fatal(err)
	}
	const msg = "User: arn:aws:iam::111122223333:user/a is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:eu-west-1:111122223333:backup-vault:v because no identity-based policy allows the backup:CreateBackupVault action"
	for _, tc := range []struct {
		name, stdin string
		args        []string
	}{
		{"check", "", []string{"check", "create-vault", "--snapshot", file, "--as", "arn:aws:iam::111122223333:user/a"}},
		{"check stdin", snap, []string{"check", "create-vault", "--snapshot", "-", "--as", "arn:aws:iam::111122223333:user/a"}},
		{"audit", "", []string{"audit", "--snapshot", file}},
		{"audit stdin", snap, []string{"audit", "--snapshot", "-"}},
		{"explain", "", []string{"explain", "--no-decode", "--snapshot", file, msg}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, errOut, code := runCLI(t, tc.stdin, tc.args...)
			if code != ExitUsage || !strings.Contains(errOut, `/unreadable: unknown field "unreadable"`) || strings.Contains(errOut, `"account"`) {
				t.Errorf("exit %d, stderr %q: want exit %d naming /unreadable", code, errOut, ExitUsage)
			}
		})
	}
}
