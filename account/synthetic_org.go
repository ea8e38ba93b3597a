package account

import (
	"fmt"
	"os"
	"path/filepath"
)

// SyntheticOrgOptions shape the organization SyntheticOrg writes.
type SyntheticOrgOptions struct {
	// Accounts is the number of member accounts (the central backup
	// account comes on top of them).
	Accounts int
	// Roles and RecoveryPoints are per member account (as Synthetic).
	Roles          int
	RecoveryPoints int
	Seed           uint64
}

// SyntheticCentralAccount is the central backup account of SyntheticOrg:
// every member's plan copies into its vaults.
const SyntheticCentralAccount = "555555555555"

// SyntheticOrg writes into dir (which must exist) an organization snapshot
// as `denied collect --org` does, for benchmarks and tests, the same for
// the same options: the index and one file per collected account (mode
// 0600). Each member account is Synthetic's (with its own id and seed,
// o.Roles roles and o.RecoveryPoints recovery points) with a plan whose
// rule copies into the central account SyntheticCentralAccount: into its
// vault Central (whose access policy admits the organization) and, one
// account in seven, also into Closed (no access policy: the copy fails).
// The members are spread over three OUs under the root, with SCPs at the
// root and OU levels; the Sandbox OU denies backup:CopyIntoBackupVault.
// So that every path of an organization audit is exercised, one member in
// ten has an unreadable KMS key policy, one in a hundred failed to be
// collected, one in a hundred was skipped, and one in a hundred is listed
// as collected with a file that is not valid JSON (in an organization of
// fewer than a hundred members, the last three).
func SyntheticOrg(dir string, o SyntheticOrgOptions) error {
	const mgmt = "999988887777"
	org := &Organization{ID: "o-exampleorgid", ManagementAccountID: mgmt, RootID: "r-root",
		OUs: []OrganizationalUnit{
			{ID: "ou-root-prod", Name: "Prod", ParentID: "r-root"},
			{ID: "ou-root-dev", Name: "Dev", ParentID: "r-root"},
			{ID: "ou-root-sandbox", Name: "Sandbox", ParentID: "r-root"},
			{ID: "ou-root-backup", Name: "Backup", ParentID: "r-root"},
		},
		Accounts: []OrgAccount{{ID: mgmt, Name: "management", ParentID: "r-root"},
			{ID: SyntheticCentralAccount, Name: "central-backup", ParentID: "ou-root-backup"}},
	}
	full := builtinWithTargets("FullAWSAccess", "r-root", "ou-root-prod", "ou-root-dev", "ou-root-sandbox", "ou-root-backup", mgmt, SyntheticCentralAccount)
	regions := OrgPolicy{ID: "p-denyregions", Name: "DenyOtherRegions", Type: SCP, Targets: []string{"ou-root-prod", "ou-root-dev"},
		Document: Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1"]}}}]}`)}
	nocopy := OrgPolicy{ID: "p-nocopy", Name: "DenyCopiesOut", Type: SCP, Targets: []string{"ou-root-sandbox"},
		Document: Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["backup:CopyIntoBackupVault","backup:StartCopyJob"],"Resource":"*"}]}`)}
	x := &OrgIndex{SchemaVersion: OrgSchemaVersion, Generator: "account.SyntheticOrg", CollectorAccountID: mgmt, Partition: "aws",
		RoleName: "DeniedReadOnly", Organization: org,
		BackupGlobalSettings: []BackupGlobalSettings{{Region: "us-east-1", Settings: map[string]string{"isCrossAccountBackupEnabled": "true"}}}}
	ous := []string{"ou-root-prod", "ou-root-dev", "ou-root-sandbox"}
	ids := make([]string, o.Accounts)
	for i := range ids {
		ids[i] = fmt.Sprintf("%012d", 200000000000+i)
		ou := ous[i%len(ous)]
		if i%5 == 2 {
			ou = "ou-root-sandbox"
		} else if ou == "ou-root-sandbox" {
			ou = "ou-root-dev"
		}
		org.Accounts = append(org.Accounts, OrgAccount{ID: ids[i], Name: fmt.Sprintf("member-%05d", i), ParentID: ou})
		full.Targets = append(full.Targets, ids[i])
	}
	org.Policies = []OrgPolicy{full, regions, nocopy}

	central := syntheticCentral(org)
	if err := WriteFile(filepath.Join(dir, AccountFileName(SyntheticCentralAccount)), central); err != nil {
		return err
	}
	x.Accounts = append(x.Accounts, OrgIndexAccount{ID: mgmt, Name: "management", State: "ACTIVE", Status: AccountSkipped, Error: "not selected"},
		OrgIndexAccount{ID: SyntheticCentralAccount, Name: "central-backup", State: "ACTIVE", Status: AccountCollected, File: AccountFileName(SyntheticCentralAccount)})
	centralVault := "arn:aws:backup:us-east-1:" + SyntheticCentralAccount + ":backup-vault:"
	for i, id := range ids {
		e := OrgIndexAccount{ID: id, Name: fmt.Sprintf("member-%05d", i), State: "ACTIVE", Status: AccountCollected, File: AccountFileName(id)}
		special := i % 100
		if o.Accounts < 100 {
			special = i + 100 - o.Accounts // the last three are the odd ones
		}
		switch special {
		case 97:
			e.Status, e.File, e.Error = AccountFailed, "", "AccessDenied: not authorized to perform sts:AssumeRole on arn:aws:iam::"+id+":role/DeniedReadOnly"
		case 98:
			e.State, e.Status, e.File, e.Error = "SUSPENDED", AccountSkipped, "", "account is SUSPENDED"
		case 99:
			if err := os.WriteFile(filepath.Join(dir, e.File), []byte("{\"schemaVersion\": 1, \"accountId\": \""+id+"\",\n  truncated"), 0o600); err != nil {
				return err
			}
		}
		if e.Status == AccountCollected && special != 99 {
			s := syntheticMember(id, o, o.Seed+uint64(i), org)
			rule := &s.BackupPlans[0].Rules[0]
			rule.CopyTo = []string{centralVault + "Central"}
			if i%7 == 1 {
				rule.CopyTo = append(rule.CopyTo, centralVault+"Closed")
			}
			if i%10 == 5 {
				s.Unreadable = append(s.Unreadable, Unreadable{Service: "kms", Call: "GetKeyPolicy", Region: "us-east-1",
					Error: "AccessDeniedException: not authorized to perform kms:GetKeyPolicy"})
				e.Unreadable = 1
				s.KMSKeys[0].Policy = nil
			}
			if err := WriteFile(filepath.Join(dir, e.File), s); err != nil {
				return err
			}
		}
		x.Accounts = append(x.Accounts, e)
	}
	return WriteOrgIndex(dir, x)
}

// syntheticMember is one member account of SyntheticOrg.
func syntheticMember(id string, o SyntheticOrgOptions, seed uint64, org *Organization) *Snapshot {
	s := syntheticAccount(id, o.Roles, seed)
	s.Generator = "account.SyntheticOrg"
	s.Organization = org.ForAccount(id)
	rps := s.RecoveryPoints
	if len(rps) > o.RecoveryPoints {
		rps = rps[:o.RecoveryPoints]
	}
	for i := len(rps); i < o.RecoveryPoints && len(s.RecoveryPoints) > 0; i++ {
		rp := s.RecoveryPoints[i%len(s.RecoveryPoints)]
		rp.ARN = fmt.Sprintf("arn:aws:ec2:us-east-1::image/ami-%017x", seed<<20|uint64(i))
		rp.RestoreMetadata = map[string]string{"IamInstanceProfileName": rp.RestoreMetadata["IamInstanceProfileName"], "InstanceType": "t3.micro"}
		rps = append(rps, rp)
	}
	s.RecoveryPoints = rps
	if len(s.BackupPlans) == 0 {
		s.BackupPlans = []BackupPlan{{ID: "plan-1", Name: "daily", Rules: []BackupRule{{Name: "daily", TargetVault: "Default"}}}}
	}
	// The source key lets the central account use it for the copies.
	s.KMSKeys[0].Policy = Document(`{"Version":"2012-10-17","Statement":[` +
		`{"Sid":"Account","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + id + `:root"},"Action":"kms:*","Resource":"*"},` +
		`{"Sid":"CentralBackup","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + SyntheticCentralAccount + `:root"},"Action":["kms:Decrypt","kms:CreateGrant","kms:DescribeKey"],"Resource":"*"}]}`)
	return s
}

// syntheticCentral is the central backup account of SyntheticOrg: a few
// roles, the AWS Backup service-linked role, a key that admits the
// organization, and the vaults Central (admits the organization) and
// Closed (no access policy).
func syntheticCentral(org *Organization) *Snapshot {
	id := SyntheticCentralAccount
	s := syntheticAccount(id, 10, 1)
	s.Generator = "account.SyntheticOrg"
	s.Organization = org.ForAccount(id)
	s.RecoveryPoints = nil
	s.BackupPlans = nil
	s.Roles = append(s.Roles, Role{ARN: "arn:aws:iam::" + id + ":role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup",
		Name: "AWSServiceRoleForBackup", Path: "/aws-service-role/backup.amazonaws.com/", RoleID: "AROACENTRALBACKUPSLR",
		TrustPolicy:     Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}`),
		ManagedPolicies: []string{"arn:aws:iam::aws:policy/aws-service-role/AWSBackupServiceLinkedRolePolicyForBackup"}})
	key := s.KMSKeys[0].ARN
	s.KMSKeys[0].Policy = Document(`{"Version":"2012-10-17","Statement":[` +
		`{"Sid":"Account","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + id + `:root"},"Action":"kms:*","Resource":"*"},` +
		`{"Sid":"Organization","Effect":"Allow","Principal":{"AWS":"*"},"Action":["kms:DescribeKey","kms:CreateGrant","kms:Encrypt","kms:GenerateDataKey*","kms:ReEncrypt*","kms:Decrypt"],"Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"` + org.ID + `"}}}]}`)
	s.BackupVaults = []BackupVault{
		{ARN: "arn:aws:backup:us-east-1:" + id + ":backup-vault:Central", Name: "Central", EncryptionKeyARN: key,
			AccessPolicy: Document(`{"Version":"2012-10-17","Statement":[{"Sid":"Organization","Effect":"Allow","Principal":{"AWS":"*"},"Action":"backup:CopyIntoBackupVault","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"` + org.ID + `"}}}]}`)},
		{ARN: "arn:aws:backup:us-east-1:" + id + ":backup-vault:Closed", Name: "Closed", EncryptionKeyARN: key},
	}
	return s
}
