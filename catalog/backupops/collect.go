package backupops

// CollectActions are the IAM actions denied collect calls, all read-only:
// the minimal policy README.md lists, and the requirements of the operation
// `denied check collect` checks. The list lives here, with the other
// operations' requirements, and not in internal/collect, so that checking
// it does not link the collector and the AWS SDK.
var CollectActions = []string{
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

// CollectOrgActions are the IAM actions `collect --org` calls with the
// caller's credentials beyond CollectActions: listing the accounts, AWS
// Backup's organization settings, and assuming the role in each other
// account (on that role only; the role itself needs CollectActions, without
// the Organizations ones, which are read once by the caller).
var CollectOrgActions = []string{
	"organizations:ListAccounts",
	"backup:DescribeGlobalSettings",
	"sts:AssumeRole",
}
