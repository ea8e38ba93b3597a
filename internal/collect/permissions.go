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
