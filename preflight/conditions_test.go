package preflight

import (
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
)

const condSnapshot = `{
  "account": "111122223333",
  "region": "eu-west-1",
  "roles": {
    "CopyRole": {"trust": "backup.amazonaws.com", "managed": ["AWSBackupServiceRolePolicyForBackup"]}
  },
  "users": {"operator": {"inline": {"all": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["backup:*", "iam:PassRole"], "Resource": "*"}]}}}},
  "org": {"management": "999988887777", "accounts": {"444455556666": ""}},
  "scps": {"r-root": ["FullAWSAccess"], "111122223333": ["FullAWSAccess"]},
  "kmsKeys": {
    "aws-ebs": {"manager": "AWS", "aliases": ["alias/aws/ebs"], "policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*", "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333"}}}]}},
    "shared": {"policy": {"Version": "2012-10-17", "Statement": [
      {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
      {"Sid": "Dest", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": ["kms:Decrypt", "kms:CreateGrant"], "Resource": "*"}]}},
    "private": {"policy": {"Version": "2012-10-17", "Statement": [{"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}}
  },
  "vaults": {
    "Source": {},
    "Locked": {"lock": {"mode": "compliance", "lockDate": "2026-01-01T00:00:00Z", "minRetentionDays": 7}},
    "Governed": {"lock": {"mode": "governance", "minRetentionDays": 7}}
  }
}`

func condSnap(t *testing.T, mutate func(*account.Snapshot)) *account.Snapshot {
	t.Helper()
	snap, err := account.LoadShort(strings.NewReader(condSnapshot))
	if err != nil {
		t.Fatal(err)
	}
	if mutate != nil {
		mutate(snap)
	}
	return snap
}

// The conditions a snapshot holds the facts of are decided, each with the
// outcome the facts give (AWS Backup developer guide, "Creating backup
// copies across AWS accounts" and "AWS Backup Vault Lock").
func TestConditionsDecided(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }
	key := func(id string) string { return "arn:aws:kms:eu-west-1:111122223333:key/" + id }
	base := Params{Caller: "arn:aws:iam::111122223333:user/operator", RoleARN: "arn:aws:iam::111122223333:role/CopyRole", Now: now}
	for _, tt := range []struct {
		name   string
		op     string
		p      func(Params) Params
		mutate func(*account.Snapshot)
		decide string    // the condition's Decide
		cause  CauseKind // the cause of a could-not-check, when set
		want   Status
		detail string // its Detail.ID
	}{
		{name: "default vault for EBS", op: "copy", decide: "destinationVault", want: StatusDenied, detail: "preflight.cond.dest-default",
			p: func(p Params) Params {
				p.VaultName, p.ResourceType, p.KeyARN = "Source", "EBS", key("shared")
				p.DestinationVaultARN = "arn:aws:backup:eu-west-1:444455556666:backup-vault:Default"
				return p
			}},
		{name: "default vault for EFS", op: "copy", decide: "destinationVault", want: StatusAllowed, detail: "preflight.cond.fully-managed",
			p: func(p Params) Params {
				p.VaultName, p.ResourceType, p.KeyARN = "Source", "EFS", key("shared")
				p.DestinationVaultARN = "arn:aws:backup:eu-west-1:444455556666:backup-vault:Default"
				return p
			}},
		{name: "AWS managed source key", op: "copy", decide: "sourceKey", want: StatusDenied, detail: "preflight.cond.source-aws-key",
			p: func(p Params) Params {
				p.VaultName, p.ResourceType, p.KeyARN = "Source", "EBS", key("aws-ebs")
				p.DestinationVaultARN = "arn:aws:backup:eu-west-1:444455556666:backup-vault:Target"
				return p
			}},
		{name: "shared customer key", op: "copy", decide: "sourceKey", want: StatusAllowed, detail: "preflight.cond.source-key-admits",
			p: func(p Params) Params {
				p.VaultName, p.ResourceType, p.KeyARN = "Source", "EBS", key("shared")
				p.DestinationVaultARN = "arn:aws:backup:eu-west-1:444455556666:backup-vault:Target"
				return p
			}},
		{name: "unshared customer key", op: "copy", decide: "sourceKey", want: StatusDenied, detail: "preflight.cond.source-key-denies",
			p: func(p Params) Params {
				p.VaultName, p.ResourceType, p.KeyARN = "Source", "EBS", key("private")
				p.DestinationVaultARN = "arn:aws:backup:eu-west-1:444455556666:backup-vault:Target"
				return p
			}},
		{name: "same organization", op: "copy", decide: "sameOrganization", want: StatusAllowed, detail: "preflight.cond.same-org",
			p: func(p Params) Params {
				p.VaultName, p.ResourceType = "Source", "EFS"
				p.DestinationVaultARN = "arn:aws:backup:eu-west-1:444455556666:backup-vault:Target"
				return p
			}},
		{name: "outside the organization", op: "copy", decide: "sameOrganization", want: StatusDenied, detail: "preflight.cond.not-member",
			p: func(p Params) Params {
				p.VaultName, p.ResourceType = "Source", "EFS"
				p.DestinationVaultARN = "arn:aws:backup:eu-west-1:777788889999:backup-vault:Target"
				return p
			}},
		{name: "organization unreadable", op: "copy", decide: "sameOrganization", want: StatusCouldNotCheck, detail: "preflight.cond.unknown",
			mutate: func(s *account.Snapshot) {
				s.Organization = nil
				s.Unreadable = []account.Unreadable{{Service: "organizations", Call: "DescribeOrganization", Error: "AccessDenied"}}
			},
			p: func(p Params) Params {
				p.VaultName, p.ResourceType = "Source", "EFS"
				p.DestinationVaultARN = "arn:aws:backup:eu-west-1:444455556666:backup-vault:Target"
				return p
			}},
		{name: "compliance lock past its grace time", op: "put-vault-lock", decide: "vaultLock", want: StatusDenied, detail: "preflight.cond.lock-immutable",
			p: func(p Params) Params { p.VaultName = "Locked"; return p }},
		{name: "governance lock", op: "put-vault-lock", decide: "vaultLock", want: StatusAllowed, detail: "preflight.cond.lock-changeable",
			p: func(p Params) Params { p.VaultName = "Governed"; return p }},
		{name: "no lock", op: "put-vault-lock", decide: "vaultLock", want: StatusAllowed, detail: "preflight.cond.no-lock",
			p: func(p Params) Params { p.VaultName = "Source"; return p }},
		{name: "vault unknown", op: "put-vault-lock", decide: "vaultLock", want: StatusCouldNotCheck, detail: "preflight.cond.unknown",
			p: func(p Params) Params { p.VaultName = "Nope"; return p }},
		{name: "disabled key", op: "create-vault", decide: "keyState", want: StatusDenied, detail: "preflight.cond.key-state",
			mutate: func(s *account.Snapshot) {
				for i := range s.KMSKeys {
					s.KMSKeys[i].KeyState = "Disabled"
				}
			},
			p: func(p Params) Params { p.VaultName, p.KeyARN = "New", key("private"); return p }},
		{name: "key state not recorded", op: "create-vault", decide: "keyState", want: StatusCouldNotCheck, detail: "preflight.cond.unknown",
			cause: CauseUnknownKeyState,
			mutate: func(s *account.Snapshot) {
				for i := range s.KMSKeys {
					s.KMSKeys[i].KeyState = ""
				}
			},
			p: func(p Params) Params { p.VaultName, p.KeyARN = "New", key("private"); return p }},
		{name: "key state not recorded, key of another Region", op: "create-vault", decide: "keyState", want: StatusDenied, detail: "preflight.cond.key-region",
			mutate: func(s *account.Snapshot) {
				for i := range s.KMSKeys {
					s.KMSKeys[i].KeyState = ""
					s.KMSKeys[i].ARN = strings.Replace(s.KMSKeys[i].ARN, "eu-west-1", "us-east-1", 1)
				}
			},
			p: func(p Params) Params {
				p.VaultName, p.KeyARN = "New", strings.Replace(key("private"), "eu-west-1", "us-east-1", 1)
				return p
			}},
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
				if string(c.Decide) != tt.decide {
					continue
				}
				found = true
				if c.Outcome != tt.want || c.Detail.ID != tt.detail {
					t.Errorf("%s: %s %s %v, want %s %s", op.ID, c.Outcome, c.Detail.ID, c.Detail.Args, tt.want, tt.detail)
				}
				if c.Outcome == StatusCouldNotCheck && c.Cause == nil {
					t.Errorf("could not check without a cause")
				}
				if tt.cause != "" && (c.Cause == nil || c.Cause.Kind != tt.cause) {
					t.Errorf("cause %+v, want kind %s", c.Cause, tt.cause)
				}
			}
			if !found {
				t.Fatalf("%s: no %s condition decided: %+v", op.ID, tt.decide, rep.Conditions)
			}
			if tt.want == StatusDenied && rep.Status != StatusDenied {
				t.Errorf("report status %s, want denied", rep.Status)
			}
			if tt.want == StatusCouldNotCheck && rep.Status == StatusAllowed {
				t.Errorf("report status allowed with an undecidable condition")
			}
		})
	}
}
