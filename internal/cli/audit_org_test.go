package cli

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/internal/testutil"
	"github.com/deniedhq/denied/preflight"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// audit --snapshot DIR audits every account of an organization snapshot,
// checks each copy rule against its destination account, and lists the
// accounts it could not audit.
func TestAuditOrganizationSnapshot(t *testing.T) {
	t.Parallel()
	dir := testutil.OrgDir(t, "999988887777", map[string]string{preflight.SettingCrossAccountBackup: "true"},
		testutil.OrgAccount{ID: "111122223333", Short: "../../testdata/org/111122223333.short.json"},
		testutil.OrgAccount{ID: "444455556666", Short: "../../testdata/org/444455556666.short.json"},
		testutil.OrgAccount{ID: "777777777777", Status: account.AccountFailed, Error: "AccessDenied on sts:AssumeRole"})
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--format", "json")
	if code != ExitDenied {
		t.Fatalf("exit %d, want 1 (the copy into Closed fails): %s", code, errOut)
	}
	var rep orgAuditReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Accounts != 3 || rep.Audited != 2 || rep.NotAudited != 1 || rep.CopyRules != 2 {
		t.Fatalf("accounts %d audited %d not %d copy rules %d", rep.Accounts, rep.Audited, rep.NotAudited, rep.CopyRules)
	}
	if rep.PerAccount[2].Status != account.AccountFailed || !strings.Contains(rep.PerAccount[2].Error, "AccessDenied") {
		t.Errorf("failed account: %+v", rep.PerAccount[2])
	}
	found := false
	for _, c := range rep.Causes {
		if c.Action == "backup:CopyIntoBackupVault" && c.Accounts == 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("no CopyIntoBackupVault cause: %+v", rep.Causes)
	}
	text, _, _ := runCLI(t, "", "audit", "--snapshot", dir)
	for _, want := range []string{"Organization audit: 3 accounts, 2 audited, 1 not audited", "Account 777777777777 not audited", "Copy rule daily/daily -> arn:aws:backup:eu-west-1:444455556666:backup-vault:Closed"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	sarif, _, _ := runCLI(t, "", "audit", "--snapshot", dir, "--format", "sarif")
	var log struct {
		Runs []json.RawMessage `json:"runs"`
	}
	if err := json.Unmarshal([]byte(sarif), &log); err != nil || len(log.Runs) != 2 {
		t.Fatalf("sarif: %v, %d runs", err, len(log.Runs))
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(sarif))
	if err != nil {
		t.Fatal(err)
	}
	if err := compileSARIFSchema(t).Validate(inst); err != nil {
		t.Errorf("organization SARIF log invalid: %v", err)
	}
	// JUnit: one suite per account, the account not audited in error.
	xmlOut, _, code := runCLI(t, "", "audit", "--snapshot", dir, "--format", "junit")
	var suites report.JUnitSuites
	if err := xml.Unmarshal([]byte(xmlOut), &suites); err != nil || code != ExitDenied {
		t.Fatalf("junit: exit %d, %v\n%s", code, err, xmlOut)
	}
	if len(suites.Suites) != 3 || suites.Errors < 1 || suites.Failures < 1 || !strings.Contains(xmlOut, "account not audited (failed)") {
		t.Errorf("junit suites %d, failures %d, errors %d:\n%s", len(suites.Suites), suites.Failures, suites.Errors, xmlOut)
	}
	// The suites are spooled one account at a time: the document is
	// still the one xml.MarshalIndent writes of the whole, totals first.
	whole := suites
	whole.Tests, whole.Failures, whole.Errors, whole.Skipped = 0, 0, 0, 0
	for _, st := range whole.Suites {
		whole.Tests += st.Tests
		whole.Failures += st.Failures
		whole.Errors += st.Errors
		whole.Skipped += st.Skipped
	}
	x, err := xml.MarshalIndent(whole, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if want := xml.Header + string(x) + "\n"; xmlOut != want {
		t.Errorf("junit of an organization is not the document of its suites:\n got %s\nwant %s", xmlOut, want)
	}
}

// The organization audit writes its accounts through a spool: every
// format stays valid, lists every account, and --output gets the same
// bytes as stdout.
func TestAuditOrganizationSynthetic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := account.SyntheticOrg(dir, account.SyntheticOrgOptions{Accounts: 6, Roles: 2, RecoveryPoints: 1, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--format", "json")
	if code != ExitDenied {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep orgAuditReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Accounts != 8 || len(rep.PerAccount) != 8 || rep.NotAudited != 4 || rep.Audited != 4 {
		t.Fatalf("accounts %d (%d listed), audited %d, not %d", rep.Accounts, len(rep.PerAccount), rep.Audited, rep.NotAudited)
	}
	for i, a := range rep.PerAccount {
		if (a.Status == account.AccountCollected) != (len(a.Report) > 0) {
			t.Errorf("perAccount/%d: status %s, report %d bytes", i, a.Status, len(a.Report))
		}
	}
	sarif, _, _ := runCLI(t, "", "audit", "--snapshot", dir, "--format", "sarif")
	var log struct {
		Runs []json.RawMessage `json:"runs"`
	}
	if err := json.Unmarshal([]byte(sarif), &log); err != nil || len(log.Runs) != 4 {
		t.Fatalf("sarif: %v, %d runs", err, len(log.Runs))
	}
	path := filepath.Join(t.TempDir(), "org.json")
	if _, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--format", "json", "--output", path); code != ExitDenied {
		t.Fatalf("--output: exit %d: %s", code, errOut)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != out {
		t.Errorf("--output differs from stdout (%v)", err)
	}
}
