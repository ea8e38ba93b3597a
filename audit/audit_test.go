package audit

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
)

var now = func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

func load(t testing.TB, name string) *account.Snapshot {
	t.Helper()
	f, err := os.Open("../testdata/audit/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := account.LoadShort(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFailing(t *testing.T) {
	rep := Run(load(t, "failing"), Options{Now: now})
	if rep.OK || rep.Failing != 2 || rep.RecoveryPoints != 2 || rep.Selections != 1 {
		t.Fatalf("ok %v failing %d of %d/%d", rep.OK, rep.Failing, rep.RecoveryPoints, rep.Selections)
	}
	rp, sel := rep.Items[0], rep.Items[1]
	if rp.ARN != "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-app" || rp.Operation != "restore/EC2/original-role" ||
		rp.RoleSource != RoleFromRecoveryPoint || len(rp.Findings) != 1 || rp.Findings[0].Action != "iam:PassRole" ||
		rp.Findings[0].Layer != "identity" || rp.Findings[0].RuleID != "backup.ec2-restore-passrole" ||
		rp.Findings[0].Fix == nil || !rp.Findings[0].Fix.Verified {
		t.Errorf("recovery point item: %+v", rp)
	}
	if sel.Kind != KindSelection || len(sel.Findings) != 1 || sel.Findings[0].Action != "sts:AssumeRole" || sel.Findings[0].Layer != "resource" {
		t.Errorf("selection item: %+v", sel)
	}
	if len(rep.Causes) != 2 {
		t.Errorf("causes %+v", rep.Causes)
	}
}

func TestClean(t *testing.T) {
	rep := Run(load(t, "clean"), Options{Now: now})
	if !rep.OK || rep.Failing != 0 || rep.RecoveryPoints != 2 || rep.Selections != 1 {
		t.Fatalf("%+v", rep)
	}
}

// The restore role: --role, else the recovery point's, else the selection
// protecting its vault, else AWSBackupDefaultServiceRole.
func TestRoleChoice(t *testing.T) {
	s := load(t, "clean")
	a := &auditor{snap: s, vaults: map[vaultKey]string{{"eu-west-1", "Default"}: "sel"}, defRole: "def"}
	rp := account.RecoveryPoint{VaultName: "Default", IAMRoleARN: "own"}
	for _, tt := range []struct {
		flag, own, vault, role, src string
	}{
		{"flag", "own", "Default", "flag", RoleFromFlag},
		{"", "own", "Default", "own", RoleFromRecoveryPoint},
		{"", "", "Default", "sel", RoleFromSelection},
		{"", "", "Other", "def", RoleFromDefault},
	} {
		a.opt.Role, rp.IAMRoleARN, rp.VaultName = tt.flag, tt.own, tt.vault
		if r, src := a.restoreRole(&rp); r != tt.role || src != tt.src {
			t.Errorf("%+v: got %s %s", tt, r, src)
		}
	}
}

// synthetic10k is account.Synthetic(10000, 1) with its 1,000 recovery
// points replaced by 10,000 (account.SyntheticRecoveryPoints).
func synthetic10k() *account.Snapshot {
	s := account.Synthetic(10000, 1)
	account.SyntheticRecoveryPoints(s, 10000)
	return s
}

func BenchmarkAudit10kRoles10kRecoveryPoints(b *testing.B) {
	s := synthetic10k()
	b.ReportAllocs()
	b.ResetTimer()
	var rep Report
	for b.Loop() {
		rep = Run(s, Options{Now: now})
	}
	b.ReportMetric(float64(rep.Evaluations), "evaluations")
	b.ReportMetric(float64(rep.Failing), "failing")
}

func loadFull(t testing.TB, name string) *account.Snapshot {
	t.Helper()
	s, err := account.LoadFile("../testdata/audit/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func byARN(rep Report) map[string]Item {
	m := map[string]Item{}
	for _, it := range rep.Items {
		m[it.ARN] = it
	}
	return m
}

func rules(gs []Gap) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.RuleID)
	}
	return out
}

// Each way the snapshot may not hold what a restore depends on leaves the
// recovery point "could not be checked", never "would succeed".
func TestUnknownIsUnchecked(t *testing.T) {
	rep := Run(load(t, "unknown"), Options{Now: now})
	items := byARN(rep)
	const p = "arn:aws:backup:eu-west-1:111122223333:recovery-point:"
	for _, tt := range []struct{ rp, rule string }{
		{"rp-typo-role", RuleUnknownRole},
		{"rp-no-vault", RuleUnknownVault},
		{"rp-no-key", RuleUnknownKey},
		{"rp-no-key-policy", RuleUnknownKeyPolicy},
		{"rp-gizmo", RuleUnmappedResourceType},
	} {
		it, ok := items[p+tt.rp]
		if !ok {
			t.Errorf("%s: not reported (so it passed)", tt.rp)
			continue
		}
		if it.Result != Unchecked || it.OK || len(it.Findings) != 0 || len(it.Unchecked) != 1 || it.Unchecked[0].RuleID != tt.rule {
			t.Errorf("%s: result %s, findings %d, gaps %v; want %s only", tt.rp, it.Result, len(it.Findings), rules(it.Unchecked), tt.rule)
		}
	}
	// AWS Backup's own ResourceType values map to their operations.
	for _, ok := range []string{"rp-ok", "rp-vm"} {
		if _, found := items[p+ok]; found {
			t.Errorf("%s: %+v, want it to pass", ok, items[p+ok])
		}
	}
	if rep.OK || rep.Summary.Unchecked != 5 || rep.Summary.Passed != 2 || rep.Summary.Failed != 0 {
		t.Errorf("summary %+v ok %v", rep.Summary, rep.OK)
	}
}

// No role at all: could not be checked.
func TestNoRole(t *testing.T) {
	s := load(t, "unknown")
	s.RecoveryPoints = s.RecoveryPoints[6:]
	s.RecoveryPoints[0].IAMRoleARN = ""
	rep := Run(s, Options{Now: now})
	if rep.OK || len(rep.Items) != 1 || rep.Items[0].Result != Unchecked || rules(rep.Items[0].Unchecked)[0] != RuleNoRole {
		t.Fatalf("%+v", rep.Items)
	}
}

// The snapshot's unreadable list: Organizations (SCPs unknown) leaves every
// item that would pass unchecked; unreadable recovery point and selection
// listings are items of their own.
func TestUnreadable(t *testing.T) {
	rep := Run(loadFull(t, "unreadable"), Options{Now: now})
	if rep.OK || rep.Summary.Failed != 0 || rep.Summary.Passed != 0 || rep.Summary.Unchecked != 5 {
		t.Fatalf("summary %+v", rep.Summary)
	}
	items := byARN(rep)
	for _, arn := range []string{"backup:ListRecoveryPointsByBackupVault", "backup:ListBackupSelections"} {
		it := items[arn]
		if it.Kind != KindSnapshot || it.Result != Unchecked || len(it.Unchecked) != 1 || it.Unchecked[0].MsgID == "" || it.Pointer == "" {
			t.Errorf("%s: %+v", arn, it)
		}
	}
	rp := items["arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-app"]
	if rp.Result != Unchecked || len(rp.Unchecked) != 1 || rp.Unchecked[0].RuleID != RuleUnreadableSCP ||
		rp.Unchecked[0].MsgID != "audit.gap.unreadable-scps.denied" || rp.Unchecked[0].Args[0] != "organizations:ListPoliciesForTarget" {
		t.Errorf("rp-app: %+v", rp)
	}
}

// An unreadable Organizations API does not hide a denial: the item fails.
func TestUnreadableKeepsFailure(t *testing.T) {
	s := load(t, "failing")
	s.Unreadable = []account.Unreadable{{Service: "organizations", Call: "ListRoots", Error: "AccessDeniedException: You don't have permissions to access this resource."}}
	rep := Run(s, Options{Now: now})
	if rep.Summary.Failed != 2 || rep.Summary.Unchecked != 1 {
		t.Fatalf("summary %+v", rep.Summary)
	}
}

// Every item is counted under exactly one cause: the counts add up to the
// summary, and the summary to the items.
func TestCountsAddUp(t *testing.T) {
	for _, tc := range []struct {
		name string
		snap *account.Snapshot
		opt  Options
	}{
		{"failing", load(t, "failing"), Options{Now: now}},
		{"failing --role", load(t, "failing"), Options{Now: now, Role: "arn:aws:iam::111122223333:role/UntrustedBackupRole"}},
		{"unknown", load(t, "unknown"), Options{Now: now}},
		{"unreadable", loadFull(t, "unreadable"), Options{Now: now}},
		{"synthetic", synthetic10k(), Options{Now: now}},
	} {
		rep := Run(tc.snap, tc.opt)
		s := rep.Summary
		if s.Items != s.Passed+s.Failed+s.Unchecked+s.Ignored+s.Filtered {
			t.Errorf("%s: %+v does not add up", tc.name, s)
		}
		if s.Items != rep.RecoveryPoints+rep.Selections+countKind(rep, KindSnapshot) {
			t.Errorf("%s: %d items, %d recovery points, %d selections", tc.name, s.Items, rep.RecoveryPoints, rep.Selections)
		}
		sum := map[string]int{}
		for _, c := range rep.Causes {
			sum[c.Result] += c.Count
		}
		if sum[Fail] != s.Failed || sum[Unchecked] != s.Unchecked || len(rep.Items) != s.Items-s.Passed {
			t.Errorf("%s: causes %v, summary %+v, %d items listed", tc.name, sum, s, len(rep.Items))
		}
	}
}

func countKind(rep Report, kind string) int {
	n := 0
	for _, it := range rep.Items {
		if it.Kind == kind {
			n++
		}
	}
	return n
}

func TestRuleIDsAreDiagnoses(t *testing.T) {
	rep := Run(load(t, "failing"), Options{Now: now})
	var got []string
	for _, it := range rep.Items {
		for _, f := range it.Findings {
			got = append(got, f.RuleID+" "+f.Severity)
		}
	}
	want := "backup.ec2-restore-passrole high,sts.assume-role critical"
	if g := fmt.Sprint(strings.Join(got, ",")); g != want {
		t.Errorf("rules %s, want %s", g, want)
	}
}

// A role named instead of given by ARN, or misspelt, could not be checked;
// the gap names the role meant.
func TestUnknownRoleSuggests(t *testing.T) {
	for _, role := range []string{"CustomRestoreRole", "arn:aws:iam::111122223333:role/CustomRestoreRoel"} {
		s := load(t, "unknown")
		s.RecoveryPoints = s.RecoveryPoints[6:]
		s.RecoveryPoints[0].IAMRoleARN = role
		rep := Run(s, Options{Now: now})
		if len(rep.Items) != 1 || rep.Items[0].Result != Unchecked {
			t.Fatalf("%s: %+v", role, rep.Items)
		}
		g := rep.Items[0].Unchecked[0]
		if g.RuleID != RuleUnknownRole || g.MsgID != "audit.gap.unknown-role.suggest" || g.Args[2] != "arn:aws:iam::111122223333:role/CustomRestoreRole" {
			t.Errorf("%s: %+v", role, g)
		}
	}
}

// A role the snapshot holds while a call that gives roles' policies was
// unreadable (iam:ListRolePolicies, from another tool) is not taken as
// fully read: a denial for want of an identity-policy allow proves
// nothing, as a policy the snapshot lacks may allow it (rp-app failed on
// iam:PassRole at the identity layer); the trust policy's denial stands.
func TestRolePoliciesUnreadable(t *testing.T) {
	s := load(t, "failing")
	s.Unreadable = []account.Unreadable{{Service: "iam", Call: "ListRolePolicies", Error: "AccessDenied"}}
	rep := Run(s, Options{Now: now})
	if rep.OK || rep.Failing != 1 || rep.Summary.Unchecked != 2 {
		t.Fatalf("failing %d, unchecked %d: want 1 and 2: %+v", rep.Failing, rep.Summary.Unchecked, rep.Items)
	}
	var seen bool
	for _, it := range rep.Items {
		switch it.Kind {
		case KindRecoveryPoint:
			if it.ARN != "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-app" {
				continue
			}
			seen = true
			if it.Result != Unchecked || len(it.Findings) != 0 || len(it.Unchecked) == 0 || it.Unchecked[0].RuleID != RuleUnreadableIAM ||
				!slicesContains(it.Unchecked[0].Args, "iam:ListRolePolicies") {
				t.Errorf("recovery point: %s, findings %+v, gaps %+v; want could-not-check for iam:ListRolePolicies", it.Result, it.Findings, it.Unchecked)
			}
		case KindSelection:
			if it.Result != Fail || len(it.Findings) != 1 || it.Findings[0].Action != "sts:AssumeRole" {
				t.Errorf("selection: %s, findings %+v; want the trust denial", it.Result, it.Findings)
			}
		}
	}
	if !seen {
		t.Errorf("no item for rp-app: %+v", rep.Items)
	}
}

func slicesContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
