package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// The re-evaluation against a snapshot that could not decide says why in
// the report's language and names what the message named, not one of
// check's flags; an unknown principal is said as such. Before, the cause
// was check's English sentence in every language ("Backup vault ...
// (--vault) is not in the snapshot.", "Principal ... (--as) ..."), and the
// unknown-principal line could not be reached.
func TestExplainSnapshotCauseInLanguage(t *testing.T) {
	t.Parallel()
	snap := filepath.Join("..", "..", "testdata", "check", "create-vault.json")
	msg := func(user, vault string) string {
		return "User: arn:aws:iam::111122223333:user/" + user + " is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:eu-west-1:111122223333:backup-vault:" + vault + " because no identity-based policy allows the backup:CreateBackupVault action"
	}
	for _, tt := range []struct {
		lang, user, vault string
		want              []string
	}{
		{"en", "vaultadmin", "nosuch", []string{"(named in the message) is not in the snapshot"}},
		{"ja", "vaultadmin", "nosuch", []string{"(メッセージに記載) がスナップショットにありません"}},
		{"ko", "vaultadmin", "nosuch", []string{"(메시지에 명시됨)이(가) 스냅샷에 없습니다"}},
		{"en", "ghost", "nosuch", []string{"The snapshot does not hold the principal arn:aws:iam::111122223333:user/ghost."}},
		{"ja", "ghost", "nosuch", []string{"スナップショットにプリンシパル arn:aws:iam::111122223333:user/ghost は含まれていません。"}},
	} {
		for _, format := range []string{"text", "markdown"} {
			out, errOut, code := runCLI(t, "", "explain", "--no-decode", "--lang", tt.lang, "--format", format, "--snapshot", snap, msg(tt.user, tt.vault))
			if code != ExitUnchecked {
				t.Fatalf("%s %s: exit %d: %s", tt.lang, tt.user, code, errOut)
			}
			// Lines wrap anywhere in Japanese and Korean: compare without
			// white space.
			flat := strings.Join(strings.Fields(out), "")
			for _, w := range tt.want {
				if !strings.Contains(flat, strings.Join(strings.Fields(w), "")) {
					t.Errorf("%s %s %s: no %q in\n%s", tt.lang, tt.user, format, w, out)
				}
			}
			for _, bad := range []string{"(--vault)", "(--as)", "is not in the snapshot.\n"} {
				if tt.lang != "en" && strings.Contains(out, bad) || strings.Contains(out, "(--") {
					t.Errorf("%s %s %s: %q in\n%s", tt.lang, tt.user, format, bad, out)
				}
			}
		}
	}
}
