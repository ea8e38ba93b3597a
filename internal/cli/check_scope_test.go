package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/i18n"
)

// scopeSnapshot writes a full-format snapshot of account 111122223333
// (eu-west-1) whose admin may do anything, with the given vaults (JSON
// objects) and unreadable calls.
func scopeSnapshot(t *testing.T, vaults, unreadable string) string {
	t.Helper()
	text := `{"schemaVersion":1,"accountId":"111122223333","region":"eu-west-1","partition":"aws",
 "users":[{"arn":"arn:aws:iam::111122223333:user/admin","inlinePolicies":[{"name":"all","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]}],
 "backupVaults":[` + vaults + `],"unreadable":[` + unreadable + `]}`
	path := filepath.Join(t.TempDir(), "snapshot.json")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Vault Lock is decided from DescribeBackupVault: when that call was
// unreadable, a vault without a lock is not known to have none (it said
// "has no Vault Lock", exit 0).
func TestCheckVaultLockUnreadable(t *testing.T) {
	t.Parallel()
	prod := `{"arn":"arn:aws:backup:eu-west-1:111122223333:backup-vault:Prod"}`
	for _, call := range []string{"DescribeBackupVault", "GetBackupVaultLockConfiguration"} {
		snap := scopeSnapshot(t, prod, `{"service":"backup","call":"`+call+`","region":"eu-west-1","error":"AccessDeniedException"}`)
		out, errOut, code := runCLI(t, "", "check", "put-vault-lock", "--snapshot", snap, "--as", acct+"user/admin", "--vault", "Prod", "--lang", "en")
		if code != ExitUnchecked || !strings.Contains(out, "backup:"+call+" was denied") || strings.Contains(out, "has no Vault Lock") {
			t.Errorf("%s unreadable: exit %d, want %d naming it and no \"has no Vault Lock\":\n%s%s", call, code, ExitUnchecked, out, errOut)
		}
	}
	// Read in another Region only: this vault's details are known.
	snap := scopeSnapshot(t, prod, `{"service":"backup","call":"DescribeBackupVault","region":"us-east-1","error":"AccessDeniedException"}`)
	out, errOut, code := runCLI(t, "", "check", "put-vault-lock", "--snapshot", snap, "--as", acct+"user/admin", "--vault", "Prod", "--lang", "en")
	if code != ExitOK || !strings.Contains(out, "has no Vault Lock") {
		t.Errorf("unreadable in us-east-1 only: exit %d, want %d:\n%s%s", code, ExitOK, out, errOut)
	}
}

// A --vault ARN of another account or Region is not cut to its name and
// matched to the snapshot's same-named vault (it was: exit 0).
func TestCheckVaultARNOutsideSnapshot(t *testing.T) {
	t.Parallel()
	snap := scopeSnapshot(t, `{"arn":"arn:aws:backup:eu-west-1:111122223333:backup-vault:Prod"}`, "")
	for _, tt := range []struct {
		vault string
		code  int
	}{
		{"arn:aws:backup:eu-west-1:444455556666:backup-vault:Prod", ExitUnchecked},
		{"arn:aws:backup:us-east-1:111122223333:backup-vault:Prod", ExitUnchecked},
		{"arn:aws:backup:eu-west-1:111122223333:backup-vault:Prod", ExitOK},
	} {
		out, errOut, code := runCLI(t, "", "check", "put-vault-policy", "--snapshot", snap, "--as", acct+"user/admin", "--vault", tt.vault, "--lang", "en")
		want := "Backup vault " + tt.vault + " (--vault) is not in the snapshot."
		if code != tt.code || strings.Contains(out, want) != (tt.code == ExitUnchecked) {
			t.Errorf("--vault %s: exit %d, want %d (%q iff could not check):\n%s%s", tt.vault, code, tt.code, want, out, errOut)
		}
	}
}

// A vault named by --vault is the one of the check's Region: with a
// same-named vault in another Region (compliance-locked, listed first),
// each Region gets its own, and one known only elsewhere is unknown.
func TestCheckVaultNameInRegion(t *testing.T) {
	t.Parallel()
	snap := scopeSnapshot(t, `{"arn":"arn:aws:backup:us-east-1:111122223333:backup-vault:Prod","lock":{"mode":"compliance","lockDate":"2020-01-01T00:00:00Z"}},
		{"arn":"arn:aws:backup:eu-west-1:111122223333:backup-vault:Prod"}`, "")
	for _, tt := range []struct {
		region, text string
		code         int
	}{
		{"eu-west-1", "vault arn:aws:backup:eu-west-1:111122223333:backup-vault:Prod has no Vault Lock", ExitOK},
		{"us-east-1", "vault arn:aws:backup:us-east-1:111122223333:backup-vault:Prod has a compliance-mode Vault Lock", ExitDenied},
		{"ap-south-1", "Backup vault Prod (--vault) is not in the snapshot.", ExitUnchecked},
	} {
		out, errOut, code := runCLI(t, "", "check", "put-vault-lock", "--snapshot", snap, "--as", acct+"user/admin", "--vault", "Prod", "--region", tt.region, "--lang", "en")
		if code != tt.code || !strings.Contains(out, tt.text) {
			t.Errorf("--region %s: exit %d, want %d and %q:\n%s%s", tt.region, code, tt.code, tt.text, out, errOut)
		}
	}
}

// Every request evaluated and allowed, only a condition unknown (Vault
// Lock, its vault's details unreadable): the summary names the condition
// and why, instead of counting "1 request(s) could not be checked"; JSON
// keeps requests (couldNotCheck) and conditions (conditionsCouldNotCheck)
// apart, the condition with its cause.
func TestCheckConditionUncheckedSummary(t *testing.T) {
	t.Parallel()
	prod := `{"arn":"arn:aws:backup:eu-west-1:111122223333:backup-vault:Prod"}`
	snap := scopeSnapshot(t, prod, `{"service":"backup","call":"DescribeBackupVault","region":"eu-west-1","error":"AccessDeniedException"}`)
	args := []string{"check", "put-vault-lock", "--snapshot", snap, "--as", acct + "user/admin", "--vault", "Prod"}
	for lang, want := range map[string][]string{
		"en": {"Every request was checked and none would be denied, but 1 condition of the operation could not be decided",
			"- [service] The vault's Vault Lock: Backup vault details (key, Vault Lock) unknown: backup:DescribeBackupVault was denied"},
		"ja": {"操作の条件 1 件を判定できませんでした", "ボールトの Vault Lock: "},
		"ko": {"작업의 조건 1개를 판정할 수 없었습니다", "볼트의 Vault Lock: "},
	} {
		out, errOut, code := runCLI(t, "", append(args, "--lang", lang)...)
		if code != ExitUnchecked {
			t.Errorf("%s: exit %d, want %d:\n%s%s", lang, code, ExitUnchecked, out, errOut)
		}
		summary, _, _ := strings.Cut(out, "\n\n"+i18nCauses(lang))
		for _, w := range want {
			if !strings.Contains(summary, w) {
				t.Errorf("%s: summary lacks %q:\n%s", lang, w, summary)
			}
		}
		for _, bad := range []string{"request(s)", "1 request could not be checked", "1 件のリクエストをチェックできません", "1개 요청을 점검할 수 없었습니다"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: says %q:\n%s", lang, bad, out)
			}
		}
	}
	out, errOut, code := runCLI(t, "", append(args, "--format", "json")...)
	var rep struct {
		Status              string `json:"status"`
		CouldNotCheck       int    `json:"couldNotCheck"`
		ConditionsUnchecked int    `json:"conditionsCouldNotCheck"`
		Conditions          []struct {
			Decide string `json:"decide"`
			Status string `json:"status"`
			Cause  *struct {
				API string `json:"api"`
			} `json:"cause"`
		} `json:"conditions"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitUnchecked {
		t.Fatalf("json: exit %d, %v:\n%s%s", code, err, out, errOut)
	}
	found := false
	for _, c := range rep.Conditions {
		if c.Decide == "vaultLock" {
			found = c.Status == "couldNotCheck" && c.Cause != nil && c.Cause.API == "backup:DescribeBackupVault"
		}
	}
	if rep.Status != "couldNotCheck" || rep.CouldNotCheck != 0 || rep.ConditionsUnchecked != 1 || !found {
		t.Errorf("json: %+v, want status couldNotCheck, couldNotCheck 0, conditionsCouldNotCheck 1 and the vaultLock condition couldNotCheck naming its call", rep)
	}
}

// i18nCauses is the "Could not check" heading in lang.
func i18nCauses(lang string) string {
	l, _ := i18n.Parse(lang)
	return i18n.T(l, "preflight.causes")
}

// A recovery point is checked in its own Region, the one its ARN names:
// with "Default" vaults in us-east-1 (the snapshot's Region) and eu-west-1,
// an eu-west-1 one's restore meets the eu-west-1 vault's policy (it was
// judged against the us-east-1 vault: allowed, exit 0), and a --region
// other than its own is bad input.
func TestCheckRecoveryPointInItsRegion(t *testing.T) {
	t.Parallel()
	const rp = "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-eu"
	for _, tt := range []struct {
		args       []string
		text       string
		code       int
		wantStderr bool
	}{
		{nil, "backup:StartRestoreJob              " + rp, ExitDenied, false},
		{[]string{"--region", "eu-west-1"}, "backup:StartRestoreJob              " + rp, ExitDenied, false},
		{[]string{"--region", "us-east-1"}, "--recovery-point " + rp + " is in eu-west-1, not in --region us-east-1", ExitUsage, true},
	} {
		args := append([]string{"check", "restore", "--snapshot", "../../testdata/audit/regions.json", "--recovery-point", rp,
			"--role", acct + "role/EuRestoreRole", "--as", acct + "user/operator", "--lang", "en"}, tt.args...)
		out, errOut, code := runCLI(t, "", args...)
		got := out
		if tt.wantStderr {
			got = errOut
		}
		if code != tt.code || !strings.Contains(got, tt.text) || !tt.wantStderr && !strings.Contains(out, "explicit deny in a resource-based policy") {
			t.Errorf("%v: exit %d, want %d and %q:\n%s%s", tt.args, code, tt.code, tt.text, out, errOut)
		}
	}
}
