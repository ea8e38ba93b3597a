package collect

// Permissions are the IAM actions the collector calls, all read-only: the
// minimal policy README.md lists, and what `denied check collect` checks a
// principal is allowed.
var Permissions = []string{
	"sts:GetCallerIdentity",
	"iam:GetAccountAuthorizationDetails",
	"organizations:DescribeOrganization",
	"organizations:ListRoots",
	"organizations:ListOrganizationalUnitsForParent",
	"organizations:ListAccountsForParent",
	"organizations:ListPoliciesForTarget",
	"organizations:DescribePolicy",
	"kms:ListKeys",
	"kms:ListAliases",
	"kms:DescribeKey",
	"kms:GetKeyPolicy",
	"backup:ListBackupVaults",
	"backup:DescribeBackupVault",
	"backup:GetBackupVaultAccessPolicy",
	"backup:ListBackupPlans",
	"backup:GetBackupPlan",
	"backup:ListBackupSelections",
	"backup:GetBackupSelection",
	"backup:ListRecoveryPointsByBackupVault",
	"backup:GetRecoveryPointRestoreMetadata",
}

// OrgPermissions are the IAM actions `collect --org` calls with the
// caller's credentials beyond Permissions: listing the accounts, AWS
// Backup's organization settings, and assuming the role in each other
// account (on that role only; the role itself needs Permissions, without
// the Organizations ones, which are read once by the caller).
var OrgPermissions = []string{
	"organizations:ListAccounts",
	"backup:DescribeGlobalSettings",
	"sts:AssumeRole",
}
