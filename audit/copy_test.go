package audit

import (
	"strings"
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
	// It passes (listed in Passed for its facts to verify, if at all).
	if it, ok := items["daily/daily -> arn:aws:backup:eu-west-1:444455556666:backup-vault:Central"]; ok && it.Result != Pass {
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

// An account's file of an organization snapshot, audited alone, lists its
// own branch of the organization only: that the destination account of a
// copy is not listed proves nothing, so the copy could not be checked
// (the membership and the cross-account setting are facts outside the
// snapshot), never a failed copy-condition. Likewise when part of the
// organization's tree was unreadable.
func TestAuditCopyConditionUnknownOrganization(t *testing.T) {
	dir := testutil.OrgDir(t, "999988887777", map[string]string{preflight.SettingCrossAccountBackup: "true"},
		testutil.OrgAccount{ID: "111122223333", Short: "../testdata/org/111122223333.short.json"},
		testutil.OrgAccount{ID: "444455556666", Short: "../testdata/org/444455556666.short.json"})
	o, err := account.OpenOrg(dir)
	if err != nil {
		t.Fatal(err)
	}
	src, err := o.LoadAccount(o.Index.Accounts[0])
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }
	check := func(name string, s *account.Snapshot, want string) {
		t.Helper()
		rep := Run(s, Options{Now: now})
		items := copyItems(rep)
		if len(items) != 2 {
			t.Fatalf("%s: %d copy items, want 2: %+v", name, len(items), rep.Items)
		}
		for arn, it := range items {
			for _, f := range it.Findings {
				if f.RuleID == RuleCopyCondition {
					t.Errorf("%s: %s: a condition that cannot be decided failed: %+v", name, arn, f)
				}
			}
			if strings.HasSuffix(arn, ":Central") && it.Result != Unchecked {
				t.Errorf("%s: %s: result %s, want could not be checked", name, arn, it.Result)
			}
			found := false
			for _, g := range it.Unchecked {
				found = found || strings.Contains(strings.Join(g.Args, " "), want)
			}
			if !found {
				t.Errorf("%s: %s: no could-not-check naming %q: %+v", name, arn, want, it.Unchecked)
			}
		}
	}
	check("branch only", src, "999988887777 membership of account 444455556666 in organization o-exampleorgid")

	// A whole organization, but organizations:ListAccountsForParent was
	// unreadable for part of it.
	whole := *src
	org := *src.Organization
	org.Accounts = append(append([]account.OrgAccount{}, org.Accounts...), account.OrgAccount{ID: "999988887777", ParentID: "r-root"})
	whole.Organization = &org
	whole.Unreadable = append(append([]account.Unreadable{}, src.Unreadable...),
		account.Unreadable{Service: "organizations", Call: "ListAccountsForParent", Error: "AccessDeniedException"})
	check("unreadable", &whole, "organizations:ListAccountsForParent")
}
