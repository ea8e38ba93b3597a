package cli

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
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

// TestAuditOrganizationShard: --accounts audits one shard of the
// organization, each selected account's report the same as in the whole
// run (its copies still checked against the central account, which is not in
// the shard), and a list naming what is not there is a usage error.
func TestAuditOrganizationShard(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := account.SyntheticOrg(dir, account.SyntheticOrgOptions{Accounts: 6, Roles: 2, RecoveryPoints: 1, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	decode := func(out string) orgAuditReport {
		t.Helper()
		var rep orgAuditReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		return rep
	}
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--format", "json")
	if code != ExitDenied {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	whole := decode(out)
	var pick []orgAccountReport
	for _, a := range whole.PerAccount {
		if len(a.Report) > 0 && a.Account != account.SyntheticCentralAccount && len(pick) < 2 {
			pick = append(pick, a)
		}
	}
	if len(pick) != 2 {
		t.Fatalf("%d audited members", len(pick))
	}
	// Listed in the other order: the report keeps the index's.
	out, errOut, code = runCLI(t, "", "audit", "--snapshot", dir, "--format", "json", "--accounts", pick[1].Account+", "+pick[0].Account)
	if code != ExitDenied {
		t.Fatalf("shard: exit %d: %s", code, errOut)
	}
	shard := decode(out)
	if shard.Accounts != 2 || shard.Audited != 2 || len(shard.PerAccount) != 2 {
		t.Fatalf("shard: accounts %d, audited %d, %d listed", shard.Accounts, shard.Audited, len(shard.PerAccount))
	}
	if shard.CopyRules == 0 {
		t.Errorf("shard: no copy rule checked")
	}
	for i, a := range shard.PerAccount {
		if a.Account != pick[i].Account || !bytes.Equal(a.Report, pick[i].Report) {
			t.Errorf("shard perAccount/%d: %s differs from the whole run's %s", i, a.Account, pick[i].Account)
		}
	}
	// --ou: the accounts under the OU in the tree, in the index's order.
	o, err := account.OpenOrg(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	under := map[string]bool{}
	for _, a := range o.Index.Organization.Accounts {
		under[a.ID] = a.ParentID == "ou-root-prod"
	}
	for _, a := range o.Index.Accounts {
		if under[a.ID] {
			want = append(want, a.ID)
		}
	}
	out, errOut, code = runCLI(t, "", "audit", "--snapshot", dir, "--format", "json", "--ou", "ou-root-prod")
	if code != ExitDenied && code != ExitOK {
		t.Fatalf("--ou: exit %d: %s", code, errOut)
	}
	var got []string
	for _, a := range decode(out).PerAccount {
		got = append(got, a.Account)
	}
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("--ou ou-root-prod: accounts %v, want %v", got, want)
	}
	for _, bad := range [][]string{{"--ou", "bogus"}, {"--ou", "ou-nope-nope"}, {"--ou", ","}} {
		if _, errOut, code := runCLI(t, "", append([]string{"audit", "--snapshot", dir}, bad...)...); code != ExitUsage || !strings.Contains(errOut, "--") {
			t.Errorf("%q: exit %d: %s", bad, code, errOut)
		}
	}
	for _, bad := range []string{"12345", "999999999999", pick[0].Account + ",nope"} {
		if _, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--accounts", bad); code != ExitUsage || !strings.Contains(errOut, "--accounts") {
			t.Errorf("--accounts %q: exit %d: %s", bad, code, errOut)
		}
	}
	one := filepath.Join(dir, account.AccountFileName(pick[0].Account))
	if _, errOut, code := runCLI(t, "", "audit", "--snapshot", one, "--accounts", pick[0].Account); code != ExitUsage {
		t.Errorf("--accounts with one account's snapshot: exit %d: %s", code, errOut)
	}
}

// The organization's JSON writes "<", ">" and "&" as the single-account
// JSON and `check --format json` do, not HTML-escaped (\u003c, \u003e,
// \u0026): in its own members (an account's error), in each account's
// report and in the fixes (an AWS CLI command's "> vault-policy.json"),
// and so does its SARIF.
func TestAuditOrganizationJSONNotHTMLEscaped(t *testing.T) {
	t.Parallel()
	dir := testutil.OrgDir(t, "999988887777", map[string]string{preflight.SettingCrossAccountBackup: "true"},
		testutil.OrgAccount{ID: "111122223333", Short: "../../testdata/org/111122223333.short.json"},
		testutil.OrgAccount{ID: "444455556666", Short: "../../testdata/org/444455556666.short.json"},
		testutil.OrgAccount{ID: "777777777777", Status: account.AccountFailed, Error: "AccessDenied <Code> & more"})
	escaped := []string{`\u003c`, `\u003e`, `\u0026`, `\u003C`, `\u003E`}
	noEscapes := func(what, out string, want ...string) {
		t.Helper()
		for _, e := range escaped {
			if strings.Contains(out, e) {
				t.Errorf("%s holds %s:\n%s", what, e, out)
			}
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %q:\n%s", what, w, out)
			}
		}
		if !json.Valid([]byte(out)) {
			t.Errorf("%s is not valid JSON", what)
		}
	}
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--format", "json")
	if code != ExitDenied {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	noEscapes("organization JSON", out, "AccessDenied <Code> & more", "> vault-policy.json")
	sarif, _, _ := runCLI(t, "", "audit", "--snapshot", dir, "--format", "sarif")
	noEscapes("organization SARIF", sarif)
	// The same fix in check's JSON.
	js, _, _ := runCLI(t, "", "check", "copy", "--snapshot", dir,
		"--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs",
		"--role", "arn:aws:iam::111122223333:role/BackupRole", "--as", "arn:aws:iam::111122223333:user/operator",
		"--destination-vault", "arn:aws:backup:eu-west-1:444455556666:backup-vault:Closed", "--format", "json")
	noEscapes("check JSON", js, "> vault-policy.json")
}
