package audit

import (
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/testutil"
	"github.com/deniedhq/denied/preflight"
)

func orgAudit(t *testing.T, settings map[string]string, dest testutil.OrgAccount) Report {
	t.Helper()
	dir := testutil.OrgDir(t, "999988887777", settings,
		testutil.OrgAccount{ID: "111122223333", Short: "../testdata/org/111122223333.short.json"}, dest)
	o, err := account.OpenOrg(dir)
	if err != nil {
		t.Fatal(err)
	}
	view := preflight.NewOrgView(o, 0)
	src, cause := view.Account("111122223333")
	if cause != nil {
		t.Fatal(cause)
	}
	return Run(src, Options{Org: view, Now: func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }})
}

func copyItems(rep Report) map[string]Item {
	out := map[string]Item{}
	for _, it := range append(append([]Item{}, rep.Items...), rep.Passed...) {
		if it.Kind == KindCopyRule {
			out[it.ARN] = it
		}
	}
	return out
}

// Every copy rule of a plan is checked against its destination account.
func TestAuditCopyRulesAgainstTheirDestination(t *testing.T) {
	dest := testutil.OrgAccount{ID: "444455556666", Short: "../testdata/org/444455556666.short.json"}
	rep := orgAudit(t, map[string]string{preflight.SettingCrossAccountBackup: "true"}, dest)
	if rep.CopyRules != 2 {
		t.Fatalf("copy rules %d, want 2", rep.CopyRules)
	}
	items := copyItems(rep)
	closed, ok := items["daily/daily -> arn:aws:backup:eu-west-1:444455556666:backup-vault:Closed"]
	if !ok || closed.Result != Fail || len(closed.Findings) == 0 || closed.Findings[0].Action != "backup:CopyIntoBackupVault" {
		t.Fatalf("copy into the vault without an access policy: %+v", closed)
	}
	if _, failed := items["daily/daily -> arn:aws:backup:eu-west-1:444455556666:backup-vault:Central"]; failed {
		t.Errorf("the copy into Central failed or could not be checked: %+v", items)
	}

	off := orgAudit(t, map[string]string{preflight.SettingCrossAccountBackup: "false"}, dest)
	central := copyItems(off)["daily/daily -> arn:aws:backup:eu-west-1:444455556666:backup-vault:Central"]
	if central.Result != Fail || central.Findings[0].RuleID != RuleCopyCondition {
		t.Fatalf("cross-account backup off: %+v", central)
	}

	gone := orgAudit(t, map[string]string{preflight.SettingCrossAccountBackup: "true"},
		testutil.OrgAccount{ID: "444455556666", Status: account.AccountFailed, Error: "AccessDenied"})
	central = copyItems(gone)["daily/daily -> arn:aws:backup:eu-west-1:444455556666:backup-vault:Central"]
	if central.Result != Unchecked || central.Unchecked[0].RuleID != RuleAccountNotCollected {
		t.Fatalf("destination not collected: %+v", central)
	}
}
