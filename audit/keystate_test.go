package audit

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// keyStateAudit is an account whose EFS recovery point (vault Source) is
// encrypted with rp-key and whose plan copies Source to vault Copies,
// encrypted with copy-key; every policy allows everything it needs.
const keyStateAudit = `{
  "account": "111122223333",
  "region": "eu-west-1",
  "roles": {"BackupRole": {"trust": "backup.amazonaws.com", "managed": ["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores"]}},
  "org": {"management": "999988887777"},
  "scps": {"r-root": ["FullAWSAccess"], "111122223333": ["FullAWSAccess"]},
  "kmsKeys": {
    "rp-key": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}},
    "copy-key": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}}
  },
  "vaults": {"Source": {"key": "rp-key"}, "Copies": {"key": "copy-key"}},
  "plans": {"daily": {"vault": "Source", "role": "BackupRole", "resources": ["*"], "copyTo": ["arn:aws:backup:eu-west-1:111122223333:backup-vault:Copies"]}},
  "recoveryPoints": [{"id": "rp-efs", "type": "EFS", "vault": "Source", "role": "BackupRole", "source": "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-12345678"}]
}`

func keyStateRun(t *testing.T, key, state string) Report {
	t.Helper()
	s, err := account.LoadShort(strings.NewReader(keyStateAudit))
	if err != nil {
		t.Fatal(err)
	}
	for i := range s.KMSKeys {
		if s.KMSKeys[i].KeyID == key {
			s.KMSKeys[i].KeyState = state
		}
	}
	return Run(s, Options{Now: now})
}

// A recovery point whose key is disabled or pending deletion fails with a
// finding of its own (kms.key-state) naming the key, its state and the
// command that enables it: it passed (the restore's IAM requests are all
// allowed). A copy rule into a vault whose key is disabled fails alike. A
// key whose state is not recorded leaves the item unchecked.
func TestAuditKeyState(t *testing.T) {
	const (
		rp   = "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-efs"
		rule = "daily/daily -> arn:aws:backup:eu-west-1:111122223333:backup-vault:Copies"
		rpK  = "arn:aws:kms:eu-west-1:111122223333:key/rp-key"
		cpK  = "arn:aws:kms:eu-west-1:111122223333:key/copy-key"
	)
	item := func(rep Report, arn string) (Item, bool) {
		for _, it := range rep.Items {
			if it.ARN == arn {
				return it, true
			}
		}
		return Item{}, false
	}
	if rep := keyStateRun(t, "", ""); !rep.OK {
		t.Fatalf("every key enabled: %+v", rep.Items)
	}
	for _, tt := range []struct {
		key, state, arn, keyARN, fix string
	}{
		{"rp-key", "Disabled", rp, rpK, "aws kms enable-key --key-id " + rpK + " --region eu-west-1"},
		{"rp-key", "PendingDeletion", rp, rpK, "aws kms cancel-key-deletion --key-id " + rpK + " --region eu-west-1 && aws kms enable-key --key-id " + rpK},
		{"copy-key", "Disabled", rule, cpK, "aws kms enable-key --key-id " + cpK + " --region eu-west-1"},
	} {
		rep := keyStateRun(t, tt.key, tt.state)
		it, ok := item(rep, tt.arn)
		if !ok || it.Result != Fail || rep.OK {
			t.Errorf("%s %s: %s not failing: %+v", tt.key, tt.state, tt.arn, rep.Items)
			continue
		}
		var found bool
		for _, f := range it.Findings {
			if f.RuleID == RuleKeyState && f.Resource == tt.keyARN && f.Detail != nil && f.Detail.Args[1] == tt.state &&
				f.Remedy != nil && strings.Contains(f.Remedy.Args[0], tt.fix) {
				found = true
			}
			if f.RuleID == RuleCopyCondition {
				t.Errorf("%s %s: the key's state also reported as %s: %+v", tt.key, tt.state, RuleCopyCondition, f)
			}
		}
		if !found {
			t.Errorf("%s %s: no %s finding naming %s with %q: %+v", tt.key, tt.state, RuleKeyState, tt.keyARN, tt.fix, it.Findings)
		}
	}
	rep := keyStateRun(t, "rp-key", "")
	if it, ok := item(rep, rp); !ok || it.Result != Unchecked || it.Unchecked[0].MsgID != "audit.gap.unknown-key-state" {
		t.Errorf("key state not recorded: %+v", rep.Items)
	}
}
