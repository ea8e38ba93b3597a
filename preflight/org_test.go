package preflight

import (
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/internal/testutil"
)

const (
	orgSource  = "../testdata/org/111122223333.short.json"
	orgDest    = "../testdata/org/444455556666.short.json"
	orgRP      = "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs"
	orgRole    = "arn:aws:iam::111122223333:role/BackupRole"
	orgCaller  = "arn:aws:iam::111122223333:user/operator"
	centralARN = "arn:aws:backup:eu-west-1:444455556666:backup-vault:Central"
	closedARN  = "arn:aws:backup:eu-west-1:444455556666:backup-vault:Closed"
	centralKey = "arn:aws:kms:eu-west-1:444455556666:key/3333cccc-33cc-33cc-33cc-333333333333"
)

// orgCheck checks copy from the source account to dest in the
// organization snapshot dir.
func orgCheck(t *testing.T, dir, dest string) Report {
	t.Helper()
	o, err := account.OpenOrg(dir)
	if err != nil {
		t.Fatal(err)
	}
	view := NewOrgView(o, 0)
	src, cause := view.Account("111122223333")
	if cause != nil {
		t.Fatal(cause)
	}
	p := Params{RecoveryPointARN: orgRP, RoleARN: orgRole, Caller: orgCaller, DestinationVaultARN: dest, Org: view,
		Now: func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }}
	op, p, _, err := Resolve(src, "copy", p)
	if err != nil {
		t.Fatal(err)
	}
	if op.ID != "copy/cross-account" {
		t.Fatalf("operation %s", op.ID)
	}
	return Check(src, op, p)
}

func condition(rep Report, d backupops.Decision) (ConditionResult, bool) {
	for _, c := range rep.Conditions {
		if c.Decide == d {
			return c, true
		}
	}
	return ConditionResult{}, false
}

func result(rep Report, principal, action, resource string) (Result, bool) {
	for _, r := range rep.Results {
		if r.Principal == principal && r.Action == action && r.Resource == resource {
			return r, true
		}
	}
	return Result{}, false
}

func TestCrossAccountCopyDecidedFromTheDestinationAccount(t *testing.T) {
	dir := testutil.OrgDir(t, "999988887777", map[string]string{SettingCrossAccountBackup: "true"},
		testutil.OrgAccount{ID: "111122223333", Short: orgSource}, testutil.OrgAccount{ID: "444455556666", Short: orgDest})
	rep := orgCheck(t, dir, centralARN)
	if rep.Status != StatusAllowed {
		for _, r := range rep.Results {
			t.Logf("%s %s %s: %s %s %v", r.Principal, r.Action, r.Resource, r.Status(), r.Layer, r.Cause)
		}
		for _, c := range rep.Conditions {
			t.Logf("[%s/%s] %s %v %v", c.Kind, c.Decide, c.Outcome, c.Detail, c.Cause)
		}
		t.Fatalf("status %s, want allowed (causes %v)", rep.Status, rep.Causes)
	}
	// The destination key came from the destination vault.
	if r, ok := result(rep, backupops.ServiceLinkedRole, "kms:CreateGrant", centralKey); !ok || r.Status() != StatusAllowed {
		t.Errorf("service-linked role's kms:CreateGrant on the destination key: %+v (found %v)", r, ok)
	}
	for _, d := range []backupops.Decision{backupops.DecideDestinationVaultPolicy, backupops.DecideCrossAccountSetting, backupops.DecideSameOrganization, backupops.DecideSourceKey} {
		if c, ok := condition(rep, d); !ok || c.Outcome != StatusAllowed {
			t.Errorf("condition %s: %+v (found %v), want allowed", d, c, ok)
		}
	}
}

func TestCrossAccountCopyIntoAVaultWithoutPolicyIsDenied(t *testing.T) {
	dir := testutil.OrgDir(t, "999988887777", map[string]string{SettingCrossAccountBackup: "true"},
		testutil.OrgAccount{ID: "111122223333", Short: orgSource}, testutil.OrgAccount{ID: "444455556666", Short: orgDest})
	rep := orgCheck(t, dir, closedARN)
	if rep.Status != StatusDenied {
		t.Fatalf("status %s, want denied", rep.Status)
	}
	r, ok := result(rep, backupops.JobRole, "backup:CopyIntoBackupVault", closedARN)
	if !ok || r.Status() != StatusDenied || r.Layer != "resource" {
		t.Fatalf("CopyIntoBackupVault into a vault without an access policy: %+v, want denied by the resource layer", r)
	}
	if c, _ := condition(rep, backupops.DecideDestinationVaultPolicy); c.Outcome != StatusDenied {
		t.Errorf("destination vault policy condition %s, want denied", c.Outcome)
	}
}

func TestCrossAccountSettingOff(t *testing.T) {
	dir := testutil.OrgDir(t, "999988887777", map[string]string{SettingCrossAccountBackup: "false"},
		testutil.OrgAccount{ID: "111122223333", Short: orgSource}, testutil.OrgAccount{ID: "444455556666", Short: orgDest})
	rep := orgCheck(t, dir, centralARN)
	c, _ := condition(rep, backupops.DecideCrossAccountSetting)
	if c.Outcome != StatusDenied || rep.Status != StatusDenied {
		t.Fatalf("setting false: condition %s, report %s; want both denied", c.Outcome, rep.Status)
	}
}

// The setting is what is missing, not an account (it was
// CauseAccountNotCollected naming the collector's account).
func TestCrossAccountSettingUnknownIsNotAssumed(t *testing.T) {
	dir := testutil.OrgDir(t, "999988887777", nil,
		testutil.OrgAccount{ID: "111122223333", Short: orgSource}, testutil.OrgAccount{ID: "444455556666", Short: orgDest})
	rep := orgCheck(t, dir, centralARN)
	c, _ := condition(rep, backupops.DecideCrossAccountSetting)
	if c.Outcome != StatusCouldNotCheck || c.Cause == nil || c.Cause.Kind != CauseSettingNotRecorded || c.Cause.Subject != SettingCrossAccountBackup || rep.Status != StatusCouldNotCheck {
		t.Fatalf("no settings: condition %s (%v), report %s; want could not check", c.Outcome, c.Cause, rep.Status)
	}
}

func TestCrossAccountDestinationNotCollected(t *testing.T) {
	dir := testutil.OrgDir(t, "999988887777", map[string]string{SettingCrossAccountBackup: "true"},
		testutil.OrgAccount{ID: "111122223333", Short: orgSource},
		testutil.OrgAccount{ID: "444455556666", Status: account.AccountFailed, Error: "AccessDenied on sts:AssumeRole"})
	rep := orgCheck(t, dir, centralARN)
	if rep.Status != StatusCouldNotCheck {
		t.Fatalf("status %s, want couldNotCheck", rep.Status)
	}
	r, _ := result(rep, backupops.JobRole, "backup:CopyIntoBackupVault", centralARN)
	if r.Cause == nil || r.Cause.Kind != CauseAccountNotCollected || r.Cause.Subject != "444455556666" {
		t.Fatalf("CopyIntoBackupVault cause %+v, want accountNotCollected 444455556666", r.Cause)
	}
}

func TestWithoutOrgTheSettingIsOutsideTheSnapshot(t *testing.T) {
	dir := testutil.OrgDir(t, "999988887777", map[string]string{SettingCrossAccountBackup: "true"},
		testutil.OrgAccount{ID: "111122223333", Short: orgSource}, testutil.OrgAccount{ID: "444455556666", Short: orgDest})
	o, _ := account.OpenOrg(dir)
	src, _ := NewOrgView(o, 0).Account("111122223333")
	op, p, _, err := Resolve(src, "copy", Params{RecoveryPointARN: orgRP, RoleARN: orgRole, Caller: orgCaller, DestinationVaultARN: centralARN})
	if err != nil {
		t.Fatal(err)
	}
	rep := Check(src, op, p)
	if rep.Status == StatusAllowed {
		t.Fatal("a cross-account copy checked without the destination account was allowed")
	}
	c, _ := condition(rep, backupops.DecideCrossAccountSetting)
	if c.Cause == nil || c.Cause.Kind != CauseOutsideSnapshot {
		t.Fatalf("setting condition without an organization: %+v", c)
	}
}
