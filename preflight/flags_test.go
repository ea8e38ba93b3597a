package preflight

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/catalog/backupops"
)

// setFlag gives flag the value v in p, as denied check does.
func setFlag(t *testing.T, p *Params, flag, v string) {
	t.Helper()
	switch flag {
	case "--role":
		p.RoleARN = v
	case "--vault", "--name":
		p.VaultName = v
	case "--kms-key":
		p.KeyARN = v
	case "--recovery-point":
		p.RecoveryPointARN = v
	case "--resource-type":
		p.ResourceType = v
	case "--instance-role":
		p.InstanceRole = v
	case "--instance-profile":
		p.InstanceProfile = v
	case "--resource-arn":
		p.ResourceARN = v
	case "--destination-vault":
		p.DestinationVaultARN = v
	case "--destination-kms-key":
		p.DestinationKeyARN = v
	case "--destination-region":
		p.DestinationRegion = v
	case "--destination-account":
		p.DestinationAccount = v
	case "--plan-id":
		p.PlanID = v
	case "--scan-role":
		p.ScanRoleARN = v
	case "--changeable-for-days":
		p.ChangeableForDays = v
	case "--min-retention-days":
		p.MinRetentionDays = v
	case "--max-retention-days":
		p.MaxRetentionDays = v
	default:
		t.Fatalf("setFlag: no flag %s", flag)
	}
}

// TestIgnoredFlagsChangeNothing proves the parameters an operation reads
// (UsedParams, and what Resolve reads) are not too few: a flag a check
// reports ignored, given a value the snapshot does not hold (an unknown
// role, vault, key, plan, instance profile, another account's
// destination), must leave the report as it is without it, for every
// operation and short name. A parameter the check does read, wrongly
// called unused, changes it (an unknown role or key is could-not-check).
func TestIgnoredFlagsChangeNothing(t *testing.T) {
	t.Parallel()
	f, err := os.Open("../testdata/check/permissive.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	snap, err := account.LoadShort(f)
	if err != nil {
		t.Fatal(err)
	}
	const (
		iam = "arn:aws:iam::111122223333:"
		rp  = "arn:aws:backup:eu-west-1:111122223333:recovery-point:"
	)
	now := func() time.Time { return time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC) }
	values := map[string]string{
		"--role":                iam + "role/NoSuchRole",
		"--vault":               "NoSuchVault",
		"--name":                "NoSuchVault",
		"--kms-key":             "arn:aws:kms:eu-west-1:111122223333:key/9999ffff-99ff-99ff-99ff-999999999999",
		"--recovery-point":      rp + "rp-ebs",
		"--resource-type":       "RDS",
		"--instance-role":       iam + "role/NoSuchRole",
		"--instance-profile":    "NoSuchProfile",
		"--resource-arn":        "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0aaaaaaaaaaaaaaaa",
		"--destination-vault":   "arn:aws:backup:us-east-1:444455556666:backup-vault:NoSuchVault",
		"--destination-kms-key": "arn:aws:kms:us-east-1:444455556666:key/9999ffff-99ff-99ff-99ff-999999999999",
		"--destination-region":  "us-east-1",
		"--destination-account": "444455556666",
		"--plan-id":             "plan-none",
		"--scan-role":           iam + "role/NoSuchRole",
		"--changeable-for-days": "7",
		"--min-retention-days":  "7",
		"--max-retention-days":  "7",
	}
	if len(values) != len(flagParams) {
		t.Fatalf("%d values for %d flags", len(values), len(flagParams))
	}
	type baseline struct {
		name  string
		flags []string
	}
	var bases []baseline
	for _, op := range backupops.All() {
		var fl []string
		if strings.HasPrefix(op.ID, "restore/EC2") {
			fl = []string{"--recovery-point", rp + "rp-ec2"}
		}
		if op.ID == "restore/EC2/instance-role" {
			fl = append(fl, "--instance-role", iam+"role/AppRole")
		}
		bases = append(bases, baseline{op.ID, fl})
	}
	bases = append(bases,
		baseline{"restore", []string{"--resource-type", "EC2", "--instance-role", "none"}},
		baseline{"restore", []string{"--resource-type", "RDS"}},
		baseline{"restore", []string{"--recovery-point", rp + "rp-ddb"}},
		baseline{"backup", []string{"--resource-type", "EBS"}},
		baseline{"copy", []string{"--recovery-point", rp + "rp-ebs", "--destination-vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:Second"}},
		baseline{"create-vault", nil},
		baseline{"create-selection", nil},
		baseline{"put-vault-policy", nil},
		baseline{"collect", nil},
	)
	run := func(name string, p Params) (Params, []byte, bool) {
		op, rp, notes, err := Resolve(snap, name, p)
		if err != nil {
			return rp, nil, false
		}
		rep := Check(snap, op, rp)
		rep.Notes = append(rep.Notes, notes...)
		b, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		return rp, b, true
	}
	compared := 0
	for _, b := range bases {
		p := Params{Caller: iam + "user/operator", RoleARN: iam + "role/BackupRole", Region: "eu-west-1", VaultName: "Default", PlanID: "plan-1", Now: now}
		for i := 0; i+1 < len(b.flags); i += 2 {
			setFlag(t, &p, b.flags[i], b.flags[i+1])
		}
		_, want, ok := run(b.name, p)
		if !ok {
			t.Fatalf("%s %v: the baseline does not resolve", b.name, b.flags)
		}
		for flag, v := range values {
			q := p
			setFlag(t, &q, flag, v)
			if q.InstanceRole != "" && q.InstanceProfile != "" {
				continue // a usage error
			}
			rq, got, ok := run(b.name, q)
			if !ok || len(IgnoredFlags(rq, []string{flag})) == 0 {
				continue
			}
			compared++
			if string(got) != string(want) {
				t.Errorf("%s %v: %s %s is reported ignored, but changes the report:\n%s\nwithout it:\n%s", b.name, b.flags, flag, v, got, want)
			}
		}
	}
	if compared < 300 {
		t.Errorf("only %d ignored flags compared", compared)
	}
}

// Every operation has requests of the caller: --as is read by every
// check, never ignored (it is not one of flagParams). An operation
// without one would have to list --as there.
func TestEveryOperationHasACaller(t *testing.T) {
	t.Parallel()
	for _, op := range append(backupops.All(), CollectOperation()) {
		if !UsedParams(op)["Caller"] {
			t.Errorf("%s has no request of the caller: --as would be ignored", op.ID)
		}
	}
}

// Each way a catalog condition is decided has its reads in
// decisionReads: a new one must say what it reads.
func TestDecisionReadsComplete(t *testing.T) {
	t.Parallel()
	for _, op := range backupops.All() {
		for _, cd := range op.Conditions {
			if _, ok := decisionReads[cd.Decide]; !ok && cd.Decide != backupops.Listed {
				t.Errorf("%s: condition decided by %q: not in decisionReads", op.ID, cd.Decide)
			}
		}
	}
}
