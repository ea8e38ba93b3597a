package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// TestAuditNeverClaimsUnproven is audit's metamorphic test, as
// TestCheckNeverClaimsUnproven is check's: the permissive snapshot audits
// clean (exit 0), and each change of one fact to something it does not
// hold (a recovery point's role, vault, key or instance profile; a plan's
// role or target vault; a copy rule's destination; a role removed; an API
// it could not read) must leave the audit not clean: exit 1 or 4 (not 2:
// the mutated snapshot stays good input; before, the unreadable ones were
// a short form with an "unreadable" field, which it has not: exit 2, so
// they tested nothing), and no "would succeed" line. Found: a plan whose
// rule backs up into a vault the snapshot lacks audited as a passing
// selection, exit 0.
func TestAuditNeverClaimsUnproven(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../../testdata/check/permissive.json")
	if err != nil {
		t.Fatal(err)
	}
	audit := func(t *testing.T, snap map[string]any) (string, int) {
		t.Helper()
		u, hasU := snap["_unreadable"].(account.Unreadable)
		delete(snap, "_unreadable")
		b, err := json.Marshal(snap)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "snap.json")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if hasU {
			path = unreadableShort(t, path, u, func(s *account.Snapshot) {
				for i := range s.RecoveryPoints {
					if u.Call == "GetRecoveryPointRestoreMetadata" {
						s.RecoveryPoints[i].RestoreMetadata = nil
					}
				}
			})
		}
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", path, "--as", "arn:aws:iam::111122223333:user/operator", "--lang", "en")
		return out + errOut, code
	}
	fresh := func() map[string]any {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	if out, code := audit(t, fresh()); code != ExitOK {
		t.Fatalf("baseline: exit %d, want 0 (the fixture must audit clean):\n%s", code, out)
	}
	rps := func(m map[string]any) []any { return m["recoveryPoints"].([]any) }
	rp := func(m map[string]any, i int) map[string]any { return rps(m)[i].(map[string]any) }
	plan := func(m map[string]any) map[string]any { return m["plans"].(map[string]any)["plan-1"].(map[string]any) }
	// An unreadable API is no field of the short form (a snapshot naming
	// one is bad input, exit 2): the snapshot is written in its full form
	// with the call unreadable and what it would have read absent.
	unreadable := func(service, call, region string) func(map[string]any) {
		return func(m map[string]any) {
			m["_unreadable"] = account.Unreadable{Service: service, Call: call, Region: region, Error: "AccessDeniedException"}
		}
	}
	for name, mutate := range map[string]func(map[string]any){
		"recovery point's role missing":  func(m map[string]any) { rp(m, 0)["role"] = "NoSuchRole" },
		"recovery point's vault missing": func(m map[string]any) { rp(m, 1)["vault"] = "NoVault" },
		"instance profile missing":       func(m map[string]any) { rp(m, 0)["instanceProfile"] = "NoProfile" },
		"recovery point's key unknown": func(m map[string]any) {
			rp(m, 1)["key"] = "arn:aws:kms:eu-west-1:111122223333:key/9999ffff-99ff-99ff-99ff-999999999999"
		},
		"recovery point's key of other Region": func(m map[string]any) {
			rp(m, 1)["key"] = "arn:aws:kms:us-east-1:111122223333:key/9999ffff-99ff-99ff-99ff-999999999999"
		},
		"plan's role missing":         func(m map[string]any) { plan(m)["role"] = "NoSuchRole" },
		"plan's target vault missing": func(m map[string]any) { plan(m)["vault"] = "NoVault" },
		"copy to a vault missing": func(m map[string]any) {
			plan(m)["copyTo"] = []any{"arn:aws:backup:eu-west-1:111122223333:backup-vault:Nope"}
		},
		"copy to a vault of another Region": func(m map[string]any) {
			plan(m)["copyTo"] = []any{"arn:aws:backup:us-east-1:111122223333:backup-vault:Default"}
		},
		"job role removed":            func(m map[string]any) { delete(m["roles"].(map[string]any), "BackupRole") },
		"IAM unreadable":              unreadable("iam", "GetAccountAuthorizationDetails", ""),
		"SCPs unreadable":             unreadable("organizations", "ListPoliciesForTarget", ""),
		"vault policies unreadable":   unreadable("backup", "GetBackupVaultAccessPolicy", "eu-west-1"),
		"restore metadata unreadable": unreadable("backup", "GetRecoveryPointRestoreMetadata", "eu-west-1"),
	} {
		t.Run(name, func(t *testing.T) {
			m := fresh()
			mutate(m)
			out, code := audit(t, m)
			if code != ExitDenied && code != ExitUnchecked || strings.Contains(out, "would succeed") {
				t.Errorf("exit %d, want 1 or 4 and no success:\n%s", code, out)
			}
		})
	}
}
