package preflight

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// EvaluateRequest on a recovery point named by ARN (explain's and jobs'
// requests) is evaluated with the access policy of the vault the snapshot
// records it in, and is could-not-check when the snapshot lacks it (of
// another Region too) or could not read its Region's recovery points.
// Before, no vault policy applied: allowed in every case, the vault's
// explicit deny included.
func TestEvaluateRequestRecoveryPoint(t *testing.T) {
	const short = `{"account": "111122223333", "region": "eu-west-1",
  "policies": {"Admin": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}},
  "users": {"operator": {"managed": ["Admin"]}},
  "vaults": {"Default": {}, "Locked": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": ["backup:StartRestoreJob", "backup:DeleteRecoveryPoint"], "Resource": "*"}]}}},
  "recoveryPoints": [
    {"id": "rp-open", "type": "EBS", "vault": "Default"},
    {"id": "rp-locked", "type": "EBS", "vault": "Locked"}
  ]}`
	snap, err := account.LoadShort(strings.NewReader(short))
	if err != nil {
		t.Fatal(err)
	}
	unreadable, err := account.LoadShort(strings.NewReader(short))
	if err != nil {
		t.Fatal(err)
	}
	// A recovery point of EBS is named by its snapshot's ARN.
	const ebs = "arn:aws:ec2:eu-west-1::snapshot/snap-0123456789abcdef0"
	snap.RecoveryPoints = append(snap.RecoveryPoints, account.RecoveryPoint{ARN: ebs, ResourceType: "EBS", VaultName: "Locked"})
	unreadable.RecoveryPoints = nil
	unreadable.Unreadable = []account.Unreadable{{Service: "backup", Call: "ListRecoveryPointsByBackupVault", Region: "eu-west-1", Error: "AccessDeniedException"}}
	const rp = "arn:aws:backup:eu-west-1:111122223333:recovery-point:"
	for _, tt := range []struct {
		name     string
		snap     *account.Snapshot
		action   string
		resource string
		want     string
	}{
		{"in a vault of no policy", snap, "backup:StartRestoreJob", rp + "rp-open", Allowed},
		{"in a vault denying it", snap, "backup:StartRestoreJob", rp + "rp-locked", ExplicitDeny},
		{"deleted from a vault denying it", snap, "backup:DeleteRecoveryPoint", rp + "rp-locked", ExplicitDeny},
		{"not in the snapshot", snap, "backup:StartRestoreJob", rp + "rp-gone", string(CauseUnknownRecoveryPoint)},
		{"of another Region", snap, "backup:StartRestoreJob", "arn:aws:backup:eu-west-2:111122223333:recovery-point:rp-open", string(CauseUnknownRecoveryPoint)},
		{"recovery points unreadable", unreadable, "backup:StartRestoreJob", rp + "rp-open", string(CauseUnreadable)},
		{"a pattern", snap, "backup:TagResource", rp + "*", Allowed},
		{"EBS snapshot in a vault denying it", snap, "backup:StartRestoreJob", ebs, ExplicitDeny},
		{"EBS snapshot not in the snapshot", snap, "backup:StartRestoreJob", "arn:aws:ec2:eu-west-1::snapshot/snap-0fedcba9876543210", string(CauseUnknownRecoveryPoint)},
		{"RDS snapshot not in the snapshot", snap, "backup:StartCopyJob", "arn:aws:rds:eu-west-1:111122223333:snapshot:awsbackup:job-0123", string(CauseUnknownRecoveryPoint)},
		{"EBS snapshot, recovery points unreadable", unreadable, "backup:CopyFromBackupVault", ebs, string(CauseUnreadable)},
		{"an EC2 action on an EBS snapshot", snap, "ec2:DeleteSnapshot", "arn:aws:ec2:eu-west-1::snapshot/snap-0fedcba9876543210", Allowed},
		{"tagging an EBS snapshot", snap, "backup:ListTags", "arn:aws:ec2:eu-west-1::snapshot/snap-0fedcba9876543210", Allowed},
	} {
		r := EvaluateRequest(tt.snap, "arn:aws:iam::111122223333:user/operator", tt.action, tt.resource, nil, nil)
		got := r.Verdict
		if r.Cause != nil {
			got = string(r.Cause.Kind)
		}
		if got != tt.want {
			t.Errorf("%s: %s, want %s (%+v)", tt.name, got, tt.want, r)
		}
	}
}
