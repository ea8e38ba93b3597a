package audit

import "testing"

// A recovery point is judged against the vault of its own Region: with
// "Default" vaults in us-east-1 (the snapshot's Region, listed first) and
// eu-west-1, the eu-west-1 one's access policy denies restores, and its
// plan's selection role is the restore role. One in a Region where the
// snapshot has no vault of its name could not be checked. A plan's
// selection and copy rules use its own Region's vault.
func TestRecoveryPointVaultInItsRegion(t *testing.T) {
	const acct = "arn:aws:iam::111122223333:"
	rep := Run(loadFull(t, "regions"), Options{Now: now, Caller: acct + "user/operator"})
	items := byARN(rep)
	if it, ok := items["arn:aws:backup:us-east-1:111122223333:recovery-point:rp-us"]; ok {
		t.Errorf("rp-us: %s, findings %+v, gaps %v; want it to pass", it.Result, it.Findings, rules(it.Unchecked))
	}
	eu := items["arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-eu"]
	if eu.Result != Fail || len(eu.Findings) != 1 || eu.Findings[0].Action != "backup:StartRestoreJob" || eu.Findings[0].Layer != "resource" {
		t.Errorf("rp-eu: %s, findings %+v, gaps %v; want the eu-west-1 vault's policy to deny backup:StartRestoreJob", eu.Result, eu.Findings, rules(eu.Unchecked))
	}
	if eu.Role != acct+"role/EuRestoreRole" || eu.RoleSource != RoleFromSelection {
		t.Errorf("rp-eu: restore role %s (%s), want the eu-west-1 plan's selection role", eu.Role, eu.RoleSource)
	}
	ap := items["arn:aws:backup:ap-south-1:111122223333:recovery-point:rp-ap"]
	if ap.Result != Unchecked || len(ap.Findings) != 0 || len(ap.Unchecked) == 0 || ap.Unchecked[0].RuleID != RuleUnknownVault {
		t.Errorf("rp-ap: %s, findings %+v, gaps %v; want %s", ap.Result, ap.Findings, rules(ap.Unchecked), RuleUnknownVault)
	}
	// Each plan's selection restores the recovery points of its own
	// Region's vault: the us-east-1 one's pass, the eu-west-1 one's do not.
	if it, ok := items["us-daily/all"]; ok {
		t.Errorf("us-daily/all: %s, findings %+v, gaps %v; want it to pass", it.Result, it.Findings, rules(it.Unchecked))
	}
	if it := items["eu-daily/all"]; it.Result != Fail || len(it.Findings) != 1 || it.Findings[0].Action != "backup:StartRestoreJob" {
		t.Errorf("eu-daily/all: %s, findings %+v, gaps %v; want backup:StartRestoreJob denied", it.Result, it.Findings, rules(it.Unchecked))
	}
	// The eu-west-1 plan copies from its Region's vault to another vault
	// of that Region, whose access policy refuses copies.
	if it := items["eu-daily/daily -> arn:aws:backup:eu-west-1:111122223333:backup-vault:Archive"]; it.Operation != "copy/same-region" || it.Result != Fail ||
		len(it.Findings) != 1 || it.Findings[0].Action != "backup:CopyIntoBackupVault" {
		t.Errorf("copy rule: %s (%s), findings %+v, gaps %v; want a same-Region copy refused by the destination vault", it.Result, it.Operation, it.Findings, rules(it.Unchecked))
	}
	if rep.OK || rep.Summary.Failed != 3 || rep.Summary.Unchecked != 1 || rep.Summary.Passed != 2 {
		t.Errorf("summary %+v", rep.Summary)
	}
}
