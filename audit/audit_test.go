package audit

import (
	"fmt"
	"os"
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
		rp.Findings[0].Layer != "identity" || rp.Findings[0].RuleID != "denied.restore.iam-passrole" ||
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
	a := &auditor{snap: s, vaults: map[string]string{"Default": "sel"}, defRole: "def"}
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
// points replaced by 10,000 spread over 3 vaults, 3 resource types, 4
// restore roles and 2 instance profiles.
func synthetic10k() *account.Snapshot {
	s := account.Synthetic(10000, 1)
	vaults := []string{"Default", "Weekly", "Monthly"}
	for _, v := range vaults[1:] {
		s.BackupVaults = append(s.BackupVaults, account.BackupVault{ARN: "arn:aws:backup:us-east-1:111122223333:backup-vault:" + v, Name: v,
			EncryptionKeyARN: s.KMSKeys[0].ARN})
	}
	types := []string{"EC2", "EBS", "S3"}
	s.RecoveryPoints = make([]account.RecoveryPoint, 10000)
	for i := range s.RecoveryPoints {
		rp := &s.RecoveryPoints[i]
		rp.ARN = fmt.Sprintf("arn:aws:backup:us-east-1:111122223333:recovery-point:rp-%05d", i)
		rp.ResourceType = types[i%len(types)]
		rp.VaultName = vaults[i%len(vaults)]
		rp.EncryptionKeyARN = s.KMSKeys[0].ARN
		rp.IAMRoleARN = s.Roles[(i%4)*10].ARN
		if rp.ResourceType == "EC2" && i%2 == 0 {
			rp.RestoreMetadata = map[string]string{"IamInstanceProfileName": s.InstanceProfiles[i%2*3].Name}
		}
	}
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
