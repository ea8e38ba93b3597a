package cli

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/testutil"
)

// An organization snapshot whose index records no AWS Backup global
// settings (and no failed backup:DescribeGlobalSettings) says the setting
// is what it lacks, not an account: before, "account 999988887777 is not in
// the organization snapshot (the organization snapshot holds no AWS Backup
// global settings ...)" named the collector's account, which it holds, as
// not collected (cause accountNotCollected, in English in every language).
func TestOrgBackupSettingNotRecorded(t *testing.T) {
	t.Parallel()
	dir := testutil.OrgDir(t, "999988887777", nil,
		testutil.OrgAccount{ID: "111122223333", Short: "../../testdata/org/111122223333.short.json"},
		testutil.OrgAccount{ID: "444455556666", Short: "../../testdata/org/444455556666.short.json"})
	copyArgs := []string{"check", "copy", "--snapshot", dir, "--account", "111122223333", "--vault", "Default", "--resource-type", "EFS",
		"--role", "arn:aws:iam::111122223333:role/BackupRole", "--destination-vault", "arn:aws:backup:us-east-1:444455556666:backup-vault:Central"}
	out, errOut, code := runCLI(t, "", append(copyArgs, "--format", "json")...)
	if code != ExitUnchecked || !strings.Contains(out, `"settingNotRecorded"`) || strings.Contains(out, `"accountNotCollected"`) {
		t.Errorf("check copy json: exit %d, want 4 with cause settingNotRecorded and no accountNotCollected: %s\n%s", code, errOut, out)
	}
	bad := "account 999988887777 is not in the organization snapshot"
	want := "AWS Backup's organization setting isCrossAccountBackupEnabled is not in the organization snapshot: it holds no answer of backup:DescribeGlobalSettings naming it"
	for _, args := range [][]string{copyArgs, {"audit", "--snapshot", dir}} {
		out, _, _ := runCLI(t, "", args...)
		flat := strings.Join(strings.Fields(out), " ")
		if !strings.Contains(flat, want) || strings.Contains(flat, bad) {
			t.Errorf("%s: want %q and no %q:\n%s", args[0], want, bad, out)
		}
		for lang, want := range map[string]string{"ja": "AWS Backup の組織設定 isCrossAccountBackupEnabled は組織のスナップショットにありません", "ko": "AWS Backup 조직 설정 isCrossAccountBackupEnabled이(가) 조직 스냅샷에 없습니다"} {
			out, _, _ := runCLI(t, "", append(args, "--lang", lang)...)
			if !strings.Contains(strings.Join(strings.Fields(out), " "), want) || strings.Contains(out, "holds no AWS Backup global settings") {
				t.Errorf("%s %s: no %q:\n%s", args[0], lang, want, out)
			}
		}
	}
}
