package preflight

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/catalog/backupops"
)

// Every operation whose requests use a KMS key (${KeyARN} or
// ${DestinationKeyARN}) decides that key's state: AWS KMS refuses every
// cryptographic operation with a key that is not enabled ("Key states of
// AWS KMS keys"). Only create-vault/cmk did; restores, copies and backups
// did not look at it.
func TestKeyStateDecidedForEveryKeyOperation(t *testing.T) {
	for _, op := range backupops.All() {
		uses := map[string]bool{}
		for _, r := range op.Requirements {
			for _, v := range []string{"KeyARN", "DestinationKeyARN"} {
				if strings.Contains(r.Resource, "${"+v+"}") {
					uses[v] = true
				}
			}
		}
		decides := map[backupops.Decision]bool{}
		for _, c := range op.Conditions {
			decides[c.Decide] = true
		}
		if uses["KeyARN"] && !decides[backupops.DecideKeyState] {
			t.Errorf("%s: requests use ${KeyARN}, no condition decides its state", op.ID)
		}
		if uses["DestinationKeyARN"] && !decides[backupops.DecideDestinationKeyState] {
			t.Errorf("%s: requests use ${DestinationKeyARN}, no condition decides its state", op.ID)
		}
	}
}

// A restore of a recovery point whose key is disabled, a copy into a vault
// whose key is pending deletion and a backup (EFS) into a vault whose key
// is disabled fail on the key's state, with the fix that enables it naming
// the key's ARN; a state not recorded could not be checked.
func TestKeyStateOutcomes(t *testing.T) {
	key := func(id string) string { return "arn:aws:kms:eu-west-1:111122223333:key/" + id }
	base := Params{Caller: "arn:aws:iam::111122223333:user/operator", RoleARN: "arn:aws:iam::111122223333:role/CopyRole"}
	withKeys := func(s *account.Snapshot) {
		for i := range s.BackupVaults {
			s.BackupVaults[i].EncryptionKeyARN = key("private")
		}
		s.BackupVaults = append(s.BackupVaults, account.BackupVault{ARN: "arn:aws:backup:eu-west-1:111122223333:backup-vault:Copies", Name: "Copies",
			EncryptionKeyARN: key("shared")})
	}
	state := func(id, st string) func(*account.Snapshot) {
		return func(s *account.Snapshot) {
			withKeys(s)
			for i := range s.KMSKeys {
				if s.KMSKeys[i].ARN == key(id) {
					s.KMSKeys[i].KeyState = st
				}
			}
		}
	}
	for _, tt := range []struct {
		name   string
		op     string
		p      func(Params) Params
		mutate func(*account.Snapshot)
		decide backupops.Decision
		want   Status
		fix    string
	}{
		{"restore, key disabled", "restore", func(p Params) Params {
			p.ResourceType, p.VaultName, p.KeyARN = "EFS", "Source", key("private")
			return p
		}, state("private", "Disabled"), backupops.DecideKeyState, StatusDenied, "preflight.fix.enable-key"},
		{"restore, key enabled", "restore", func(p Params) Params {
			p.ResourceType, p.VaultName, p.KeyARN = "EFS", "Source", key("private")
			return p
		}, withKeys, backupops.DecideKeyState, StatusAllowed, ""},
		{"restore, state not recorded", "restore", func(p Params) Params {
			p.ResourceType, p.VaultName, p.KeyARN = "EFS", "Source", key("private")
			return p
		}, state("private", ""), backupops.DecideKeyState, StatusCouldNotCheck, ""},
		{"restore, AWS managed key, state not recorded", "restore", func(p Params) Params {
			p.ResourceType, p.VaultName, p.KeyARN = "EBS", "Source", key("aws-ebs")
			return p
		}, state("aws-ebs", ""), backupops.DecideKeyState, StatusAllowed, ""},
		{"copy, destination key pending deletion", "copy", func(p Params) Params {
			p.ResourceType, p.VaultName, p.KeyARN = "EFS", "Source", key("private")
			p.DestinationVaultARN = "arn:aws:backup:eu-west-1:111122223333:backup-vault:Copies"
			return p
		}, state("shared", "PendingDeletion"), backupops.DecideDestinationKeyState, StatusDenied, "preflight.fix.cancel-key-deletion"},
		{"copy, source key disabled", "copy", func(p Params) Params {
			p.ResourceType, p.VaultName, p.KeyARN = "EFS", "Source", key("private")
			p.DestinationVaultARN = "arn:aws:backup:eu-west-1:111122223333:backup-vault:Copies"
			return p
		}, state("private", "Disabled"), backupops.DecideKeyState, StatusDenied, "preflight.fix.enable-key"},
		{"backup EFS, vault key disabled", "backup", func(p Params) Params {
			p.ResourceType, p.VaultName = "EFS", "Copies"
			return p
		}, state("shared", "Disabled"), backupops.DecideVaultKeyState, StatusDenied, "preflight.fix.enable-key"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			snap := condSnap(t, tt.mutate)
			op, p, _, err := Resolve(snap, tt.op, tt.p(base))
			if err != nil {
				t.Fatal(err)
			}
			rep := Check(snap, op, p)
			var found bool
			for _, c := range rep.Conditions {
				if c.Decide != tt.decide {
					continue
				}
				found = true
				if c.Outcome != tt.want {
					t.Errorf("%s: %s %s %v, want %s", op.ID, c.Outcome, c.Detail.ID, c.Detail.Args, tt.want)
				}
				switch {
				case tt.fix == "" && c.Fix != nil:
					t.Errorf("fix %+v, want none", c.Fix)
				case tt.fix != "" && (c.Fix == nil || c.Fix.ID != tt.fix || !strings.Contains(c.Fix.Args[0], "--key-id "+c.Detail.Args[0]+" ")):
					t.Errorf("fix %+v, want %s naming %s", c.Fix, tt.fix, c.Detail.Args)
				}
			}
			if !found {
				t.Fatalf("%s: no %s condition decided: %+v", op.ID, tt.decide, rep.Conditions)
			}
			if tt.want == StatusDenied && rep.Status != StatusDenied || tt.want == StatusCouldNotCheck && rep.Status == StatusAllowed {
				t.Errorf("report status %s with the condition %s", rep.Status, tt.want)
			}
		})
	}
}
