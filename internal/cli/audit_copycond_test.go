package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/testutil"
	"github.com/deniedhq/denied/preflight"
)

// A copy-condition finding names no principal or action (it is no
// request): no format prints the empty "by  on" of a denied request, and
// the summary counts copy rules as copy rules, not as unreadable parts.
func TestAuditCopyConditionRendering(t *testing.T) {
	t.Parallel()
	dir := testutil.OrgDir(t, "999988887777", map[string]string{preflight.SettingCrossAccountBackup: "false"},
		testutil.OrgAccount{ID: "111122223333", Short: "../../testdata/org/111122223333.short.json"},
		testutil.OrgAccount{ID: "444455556666", Short: "../../testdata/org/444455556666.short.json"})
	for _, f := range auditFormats {
		why := "isCrossAccountBackupEnabled is false"
		if f == "json" {
			why = `"isCrossAccountBackupEnabled"` // the detail's id and arguments
		}
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--format", f)
		if code != ExitDenied || !strings.Contains(out, "backup.copy-condition") || !strings.Contains(out, why) {
			t.Errorf("%s: exit %d, want 1 with backup.copy-condition and %q: %s\n%s", f, code, why, errOut, out)
		}
		for _, empty := range []string{" by  on ", "by  on", "backup.copy-condition :"} {
			if strings.Contains(out, empty) {
				t.Errorf("%s: %q in the output:\n%s", f, empty, out)
			}
		}
	}
	out, _, _ := runCLI(t, "", "audit", "--snapshot", dir)
	for _, want := range []string{
		"1 recovery point, 1 backup selection, 2 copy rules and 0 unreadable parts of the snapshot: 0 pass, 4 would fail, 0 could not be checked.",
		"- backup.copy-condition: 1 item in 1 account",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text: no %q:\n%s", want, out)
		}
	}
	for lang, want := range map[string]string{"ja": "コピールール 2 件、スナップショットの読み取れなかった部分 0 件", "ko": "복사 규칙 2개, 스냅샷에서 읽지 못한 부분 0개"} {
		if out, _, _ := runCLI(t, "", "audit", "--snapshot", dir, "--lang", lang); !strings.Contains(out, want) {
			t.Errorf("%s: no %q:\n%s", lang, want, out)
		}
	}
}

// An account's file of an organization snapshot, audited on its own,
// lists its own branch of the organization only, and no AWS Backup
// global setting: its cross-account copies could not be checked (the
// membership of the destination and the setting are named), never a
// failed copy-condition.
func TestAuditCopyConditionOutsideSnapshot(t *testing.T) {
	t.Parallel()
	dir := testutil.OrgDir(t, "999988887777", nil,
		testutil.OrgAccount{ID: "111122223333", Short: "../../testdata/org/111122223333.short.json"},
		testutil.OrgAccount{ID: "444455556666", Short: "../../testdata/org/444455556666.short.json"})
	file := filepath.Join(dir, "111122223333.json")
	for _, f := range auditFormats {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", file, "--format", f)
		// The restore of rp-ebs and the selection still fail (no
		// ec2:CreateVolume): exit 1.
		if code != ExitDenied || strings.Contains(out, "backup.copy-condition") || strings.Contains(out, "by  on") {
			t.Errorf("%s: exit %d, want 1 and no backup.copy-condition: %s\n%s", f, code, errOut, out)
		}
		for _, want := range []string{"membership of account 444455556666 in organization o-exampleorgid", "isCrossAccountBackupEnabled"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q:\n%s", f, want, out)
			}
		}
	}
	out, _, _ := runCLI(t, "", "audit", "--snapshot", file)
	if want := "2 copy rules and 0 unreadable parts of the snapshot: 0 pass, 2 would fail, 2 could not be checked."; !strings.Contains(out, want) {
		t.Errorf("no %q:\n%s", want, out)
	}
}
