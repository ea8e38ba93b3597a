package account

import (
	"fmt"
	"math/rand/v2"
)

// Synthetic returns a snapshot of nRoles roles for benchmarks and tests,
// the same for the same arguments: each role has a trust policy, two inline
// policies of a few statements (with conditions), two AWS managed policies
// and, one in four, a permissions boundary; with users, groups, an
// organisation with two levels of SCPs, a KMS key, a vault, a plan and a
// recovery point per ten roles.
func Synthetic(nRoles int, seed uint64) *Snapshot {
	return syntheticAccount("111122223333", nRoles, seed)
}

// syntheticAccount is Synthetic for the account acct.
func syntheticAccount(acct string, nRoles int, seed uint64) *Snapshot {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	s := &Snapshot{SchemaVersion: SchemaVersion, Generator: "account.Synthetic", AccountID: acct, Region: "us-east-1"}
	s.Policies = []ManagedPolicy{{
		ARN: "arn:aws:iam::" + acct + ":policy/Boundary", Name: "Boundary", Path: "/", VersionID: "v1",
		Document: Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","ec2:*","backup:*","iam:PassRole"],"Resource":"*"}]}`),
	}}
	managedARNs := []string{
		"arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
		"arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
		"arn:aws:iam::aws:policy/ReadOnlyAccess",
		"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
	}
	services := []string{"s3", "ec2", "dynamodb", "rds", "kms", "backup", "logs", "sqs"}
	s.Roles = make([]Role, nRoles)
	for i := range s.Roles {
		name := fmt.Sprintf("role-%05d", i)
		r := &s.Roles[i]
		r.ARN = "arn:aws:iam::" + acct + ":role/app/" + name
		r.Name, r.Path = name, "/app/"
		r.RoleID = fmt.Sprintf("AROA%016X", rng.Uint64())
		r.TrustPolicy = Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)
		for j := range 2 {
			svc := services[rng.IntN(len(services))]
			doc := fmt.Sprintf(`{"Version":"2012-10-17","Statement":[`+
				`{"Sid":"Read%d","Effect":"Allow","Action":["%s:Get*","%s:List*","%s:Describe*"],"Resource":"arn:aws:%s:us-east-1:%s:thing/%s-%d/*"},`+
				`{"Sid":"Write%d","Effect":"Allow","Action":"%s:Put*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"t%d"},"Bool":{"aws:SecureTransport":"true"}}},`+
				`{"Sid":"Deny%d","Effect":"Deny","NotAction":"%s:*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}}]}`,
				j, svc, svc, svc, svc, acct, name, j, j, svc, rng.IntN(50), j, svc)
			r.InlinePolicies = append(r.InlinePolicies, InlinePolicy{Name: fmt.Sprintf("inline-%d", j), Document: Document(doc)})
		}
		a := rng.IntN(len(managedARNs))
		r.ManagedPolicies = []string{managedARNs[a], managedARNs[(a+1)%len(managedARNs)]}
		if i%4 == 0 {
			r.PermissionsBoundary = s.Policies[0].ARN
		}
		r.Tags = []Tag{{Key: "team", Value: fmt.Sprintf("t%d", rng.IntN(50))}}
		if i%10 == 0 {
			s.InstanceProfiles = append(s.InstanceProfiles, InstanceProfile{ARN: "arn:aws:iam::" + acct + ":instance-profile/" + name, Name: name, Path: "/", Roles: []string{r.ARN}})
			s.RecoveryPoints = append(s.RecoveryPoints, RecoveryPoint{
				ARN: fmt.Sprintf("arn:aws:ec2:us-east-1::image/ami-%017x", rng.Uint64()>>4), ResourceType: "EC2", VaultName: "Default",
				SourceResourceARN: fmt.Sprintf("arn:aws:ec2:us-east-1:%s:instance/i-%017x", acct, rng.Uint64()>>4),
				IAMRoleARN:        r.ARN, Status: "COMPLETED",
				RestoreMetadata: map[string]string{"IamInstanceProfileName": name, "InstanceType": "t3.micro"},
			})
		}
	}
	s.Groups = []Group{{ARN: "arn:aws:iam::" + acct + ":group/devs", Name: "devs", Path: "/", ManagedPolicies: []string{"arn:aws:iam::aws:policy/ReadOnlyAccess"}}}
	for i := range max(1, nRoles/100) {
		name := fmt.Sprintf("user-%04d", i)
		s.Users = append(s.Users, User{ARN: "arn:aws:iam::" + acct + ":user/" + name, Name: name, Path: "/", Groups: []string{s.Groups[0].ARN},
			InlinePolicies: []InlinePolicy{{Name: "self", Document: Document(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*AccessKey*","Resource":"arn:aws:iam::*:user/${aws:username}"}}`)}}})
	}
	s.Organization = &Organization{ID: "o-exampleorgid", ManagementAccountID: "999988887777", RootID: "r-root",
		OUs:      []OrganizationalUnit{{ID: "ou-root-prod", Name: "Prod", ParentID: "r-root"}},
		Accounts: []OrgAccount{{ID: acct, ParentID: "ou-root-prod"}, {ID: "999988887777", ParentID: "r-root"}},
		Policies: []OrgPolicy{
			builtinWithTargets("FullAWSAccess", "r-root", "ou-root-prod", acct),
			{ID: "p-denyregions", Name: "DenyOtherRegions", Type: SCP, Targets: []string{"ou-root-prod"},
				Document: Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1"]}}}]}`)},
		},
	}
	s.KMSKeys = []KMSKey{{ARN: "arn:aws:kms:us-east-1:" + acct + ":key/1234abcd-12ab-34cd-56ef-1234567890ab", KeyID: "1234abcd-12ab-34cd-56ef-1234567890ab", KeyManager: KeyManagerCustomer, KeyState: "Enabled",
		Aliases: []string{"alias/backup"},
		Policy:  Document(`{"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::` + acct + `:root"},"Action":"kms:*","Resource":"*"}]}`)}}
	s.BackupVaults = []BackupVault{{ARN: "arn:aws:backup:us-east-1:" + acct + ":backup-vault:Default", Name: "Default", EncryptionKeyARN: s.KMSKeys[0].ARN,
		Lock: &VaultLock{MinRetentionDays: 7, MaxRetentionDays: 365, Mode: "governance"}}}
	if nRoles > 0 {
		s.BackupPlans = []BackupPlan{{ID: "plan-1", Name: "daily", Rules: []BackupRule{{Name: "daily", TargetVault: "Default"}},
			Selections: []BackupSelection{{ID: "sel-1", Name: "all", IAMRoleARN: s.Roles[0].ARN, Resources: []string{"*"}}}}}
	}
	return s
}

func builtinWithTargets(name string, targets ...string) OrgPolicy {
	p := builtinOrgPolicies[name]
	p.Targets = targets
	return p
}

// SyntheticRecoveryPoints replaces the recovery points of a Synthetic
// snapshot by n, spread over 3 vaults (the snapshot's Default and two it
// adds), 3 resource types (EC2, EBS, S3) and 4 restore roles, one EC2
// recovery point in two with an instance profile: the workload of the audit
// benchmarks, where every recovery point fails (the SCP DenyOtherRegions
// denies what a restore needs).
func SyntheticRecoveryPoints(s *Snapshot, n int) {
	vaults := []string{"Default", "Weekly", "Monthly"}
	for _, v := range vaults[1:] {
		s.BackupVaults = append(s.BackupVaults, BackupVault{ARN: "arn:aws:backup:us-east-1:" + s.AccountID + ":backup-vault:" + v, Name: v,
			EncryptionKeyARN: s.KMSKeys[0].ARN})
	}
	types := []string{"EC2", "EBS", "S3"}
	s.RecoveryPoints = make([]RecoveryPoint, n)
	for i := range s.RecoveryPoints {
		rp := &s.RecoveryPoints[i]
		rp.ARN = fmt.Sprintf("arn:aws:backup:us-east-1:%s:recovery-point:rp-%05d", s.AccountID, i)
		rp.ResourceType = types[i%len(types)]
		rp.VaultName = vaults[i%len(vaults)]
		rp.EncryptionKeyARN = s.KMSKeys[0].ARN
		rp.IAMRoleARN = s.Roles[(i%4)*10%len(s.Roles)].ARN
		if rp.ResourceType == "EC2" && i%2 == 0 {
			rp.RestoreMetadata = map[string]string{"IamInstanceProfileName": s.InstanceProfiles[i%2*3%len(s.InstanceProfiles)].Name}
		}
	}
}
