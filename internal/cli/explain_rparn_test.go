package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// Recovery point ARNs of the resource types AWS Backup does not store
// itself, as list-recovery-points-by-backup-vault returns them and as
// StartRestoreJob, StartCopyJob and the messages name them.
const (
	rpEBSSnap    = "arn:aws:ec2:eu-west-1::snapshot/snap-0123456789abcdef0"
	rpEC2Image   = "arn:aws:ec2:eu-west-1::image/ami-0123456789abcdef0"
	rpRDSSnap    = "arn:aws:rds:eu-west-1:111122223333:snapshot:awsbackup:job-0123abcd-45ef-6789-abcd-ef0123456789"
	rpAuroraSnap = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:awsbackup:job-0123abcd-45ef-6789-abcd-ef0123456789"
)

// resourceARNSnapshot writes a snapshot whose recovery points are named
// by their resources' ARNs: an EBS snapshot in a vault of no policy, an
// EC2 image, an RDS and an Aurora snapshot in a vault whose access policy
// denies restores and copies.
func resourceARNSnapshot(t *testing.T) string {
	t.Helper()
	const short = `{"account": "111122223333", "region": "eu-west-1",
  "policies": {"Admin": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}},
  "users": {"operator": {"managed": ["Admin"]}},
  "vaults": {"Default": {}, "Locked": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": ["backup:StartRestoreJob", "backup:StartCopyJob", "backup:CopyFromBackupVault"], "Resource": "*"}]}}},
  "recoveryPoints": [
    {"id": "ebs", "type": "EBS", "vault": "Default"},
    {"id": "ec2", "type": "EC2", "vault": "Locked"},
    {"id": "rds", "type": "RDS", "vault": "Locked"},
    {"id": "aurora", "type": "Aurora", "vault": "Locked"},
    {"id": "efs", "type": "EFS", "vault": "Locked"}
  ]}`
	s, err := account.LoadShort(strings.NewReader(short))
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range []string{rpEBSSnap, rpEC2Image, rpRDSSnap, rpAuroraSnap} {
		s.RecoveryPoints[i].ARN = a
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "snap.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// explain --snapshot of a restore or copy denial naming a recovery point
// by its resource's ARN (an EBS snapshot, an EC2 image, an RDS or Aurora
// snapshot) applies the access policy of the vault the snapshot records
// it in, and one the snapshot lacks is could-not-check
// unknownRecoveryPoint, exit 4. Before, only arn:aws:backup:...:
// recovery-point:ID was looked up: an EBS snapshot the snapshot lacks
// read "the engine allows this request" (exit 0), and one in a vault
// whose policy denies the restore was allowed too. An ec2: action on the
// same ARN is no recovery point request.
func TestExplainRecoveryPointResourceARN(t *testing.T) {
	t.Parallel()
	snap := resourceARNSnapshot(t)
	msg := func(action, resource string) string {
		return "User: arn:aws:iam::111122223333:user/operator is not authorized to perform: " + action + " on resource: " + resource + " because no identity-based policy allows the " + action + " action"
	}
	for _, tt := range []struct {
		name, action, resource string
		code                   int
		want                   []string
	}{
		{"EBS snapshot lacked", "backup:StartRestoreJob", "arn:aws:ec2:eu-west-1::snapshot/snap-0fedcba9876543210", ExitUnchecked, []string{"unknownRecoveryPoint", "snap-0fedcba9876543210"}},
		{"EBS snapshot of another Region", "backup:StartCopyJob", "arn:aws:ec2:eu-west-2::snapshot/snap-0123456789abcdef0", ExitUnchecked, []string{"unknownRecoveryPoint"}},
		{"RDS snapshot lacked", "backup:CopyFromBackupVault", strings.Replace(rpRDSSnap, "job-0123", "job-9999", 1), ExitUnchecked, []string{"unknownRecoveryPoint"}},
		{"EBS snapshot held", "backup:StartRestoreJob", rpEBSSnap, ExitOK, []string{"Allowed"}},
		{"EC2 image in a denying vault", "backup:StartRestoreJob", rpEC2Image, ExitDenied, []string{"ExplicitDeny", "backup-vault:Locked"}},
		{"RDS snapshot in a denying vault", "backup:StartCopyJob", rpRDSSnap, ExitDenied, []string{"ExplicitDeny", "backup-vault:Locked"}},
		{"Aurora snapshot in a denying vault", "backup:CopyFromBackupVault", rpAuroraSnap, ExitDenied, []string{"ExplicitDeny", "backup-vault:Locked"}},
		{"an EC2 action on a snapshot", "ec2:DeleteSnapshot", "arn:aws:ec2:eu-west-1::snapshot/snap-0fedcba9876543210", ExitOK, []string{"Allowed"}},
	} {
		out, errOut, code := runCLI(t, msg(tt.action, tt.resource), "explain", "--snapshot", snap, "--format", "json", "--no-decode", "-")
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d:\n%s%s", tt.name, code, tt.code, out, errOut)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: no %q in:\n%s", tt.name, w, out)
			}
		}
	}
	// The text names the vault access policy that denies.
	out, errOut, code := runCLI(t, msg("backup:StartRestoreJob", rpEC2Image), "explain", "--snapshot", snap, "--lang", "en", "--no-decode", "-")
	if code != ExitDenied || !strings.Contains(out, "Locked") {
		t.Errorf("text: exit %d, want 1 naming the vault Locked:\n%s%s", code, out, errOut)
	}
}

// check restore --recovery-point takes a recovery point named by its
// resource's ARN as the snapshot records it: its vault's access policy
// applies, and the fix edits that vault's access policy, named (before:
// "the resource-based policy of arn:aws:ec2:...:image/...", to apply
// "with the ec2 API call that sets that resource's policy", which does not
// exist). The fix for a recovery point of AWS Backup's own ARN names its
// vault too (before: --backup-vault-name <backup-vault-name>). One the
// snapshot lacks is a usage error naming it.
func TestCheckRecoveryPointResourceARN(t *testing.T) {
	t.Parallel()
	snap := resourceARNSnapshot(t)
	for _, tt := range []struct {
		rp   string
		code int
		want string
	}{
		{rpEC2Image, ExitDenied, "aws backup put-backup-vault-access-policy --backup-vault-name Locked "},
		{rpRDSSnap, ExitDenied, "aws backup put-backup-vault-access-policy --backup-vault-name Locked "},
		{"arn:aws:backup:eu-west-1:111122223333:recovery-point:efs", ExitDenied, "aws backup put-backup-vault-access-policy --backup-vault-name Locked "},
		{"arn:aws:ec2:eu-west-1::snapshot/snap-0fedcba9876543210", ExitUsage, "recovery point arn:aws:ec2:eu-west-1::snapshot/snap-0fedcba9876543210 is not in the snapshot"},
	} {
		out, errOut, code := runCLI(t, "", "check", "restore", "--snapshot", snap, "--recovery-point", tt.rp, "--as", "arn:aws:iam::111122223333:user/operator", "--lang", "en")
		if code != tt.code || !strings.Contains(out+errOut, tt.want) || strings.Contains(out, "resource-based policy of "+tt.rp) {
			t.Errorf("%s: exit %d, want %d and %q:\n%s%s", tt.rp, code, tt.code, tt.want, out, errOut)
		}
	}
}
