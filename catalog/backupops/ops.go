package backupops

import "strings"

// The operations data, transcribed from the domain research document
// (sections A.1-A.10 and E). Comments name the document's section.

const (
	vaultARN     = "arn:${Partition}:backup:${Region}:${Account}:backup-vault:${VaultName}"
	planAnyARN   = "arn:${Partition}:backup:${Region}:${Account}:backup-plan:*"
	planARN      = "arn:${Partition}:backup:${Region}:${Account}:backup-plan:${PlanID}"
	rpAnyARN     = "arn:${Partition}:backup:${Region}:${Account}:recovery-point:*"
	destRPAnyARN = "arn:${Partition}:backup:${DestinationRegion}:${DestinationAccount}:recovery-point:*"
	imageAnyARN  = "arn:${Partition}:ec2:${Region}::image/*"
	snapAnyARN   = "arn:${Partition}:ec2:${Region}::snapshot/*"
	volAnyARN    = "arn:${Partition}:ec2:${Region}:${Account}:volume/*"
	instAnyARN   = "arn:${Partition}:ec2:${Region}:${Account}:instance/*"
	efsAnyARN    = "arn:${Partition}:elasticfilesystem:${Region}:${Account}:file-system/*"
	fsxBackupARN = "arn:${Partition}:fsx:${Region}:${Account}:backup/*"
	stackAnyARN  = "arn:${Partition}:cloudformation:${Region}:${Account}:stack/*/*"
	sgwAnyARN    = "arn:${Partition}:storagegateway:${Region}:${Account}:gateway/*"

	polBackup    = "AWSBackupServiceRolePolicyForBackup"
	polRestore   = "AWSBackupServiceRolePolicyForRestores"
	polS3Backup  = "AWSBackupServiceRolePolicyForS3Backup"
	polS3Restore = "AWSBackupServiceRolePolicyForS3Restore"
	polSAPHANA   = "AWSBackupRestoreAccessForSAPHANA"

	whenKMS          = "resource or recovery point encrypted with a KMS key"
	whenSourceKMS    = "source recovery point encrypted with a KMS key"
	whenDestKey      = "destination vault key given"
	whenAWSBackupKey = "conservative check: KMS key ARN of aws/backup given"
	whenTags         = "tags given"
	whenScanRole     = "the plan names a malware-scan role"
)

// rq builds a requirement.
func rq(principal, action, resource string, src ...string) Requirement {
	return Requirement{Principal: principal, Action: action, Resource: resource, Source: src}
}

// ctx returns r with the context entries k1, v1, k2, v2, ... added.
func (r Requirement) ctx(kv ...string) Requirement {
	m := make(map[string]string, len(r.Context)+len(kv)/2)
	for k, v := range r.Context {
		m[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	r.Context = m
	return r
}

// when makes r apply only in circumstance w: a KMS key given (whenKMS and
// the key phrases below), a resource type (whenType), or else an option of
// the request the parameters do not tell.
func (r Requirement) when(w string) Requirement {
	r.When = w
	switch w {
	case "":
		r.Applies = Always
	case whenKMS, whenSourceKMS, whenAWSBackupKey:
		r.Applies = OnKey
	case whenDestKey:
		r.Applies = OnDestinationKey
	case whenScanRole:
		r.Applies = OnParameter
	default:
		r.Applies = OnOption
	}
	return r
}

// whenType makes r apply only to recovery points of the given types.
func (r Requirement) whenType(w string, types ...string) Requirement {
	r.When, r.Applies, r.Types = w, OnResourceType, types
	return r
}

func (r Requirement) stmt(s string) Requirement { r.Statement = s; return r }

func (r Requirement) inferred(note string) Requirement {
	r.Inferred = true
	r.Note = note
	return r
}

func (r Requirement) note(n string) Requirement { r.Note = n; return r }

// cond builds a condition.
func cond(kind, text string, src ...string) Condition {
	return Condition{Kind: kind, Text: text, Source: src}
}

func (c Condition) when(w string) Condition {
	c.When = w
	switch w {
	case whenKMS, whenSourceKMS, whenAWSBackupKey:
		c.Applies = OnKey
	case whenDestKey:
		c.Applies = OnDestinationKey
	default:
		c.Applies = OnOption
	}
	return c
}

func (c Condition) whenType(w string, types ...string) Condition {
	c.When, c.Applies, c.Types = w, OnResourceType, types
	return c
}

func (c Condition) inferred() Condition { c.Inferred = true; return c }

func (c Condition) decide(d Decision) Condition { c.Decide = d; return c }

// role builds job-role requirements from one managed-policy statement.
func role(policy, sid, resource string, actions ...string) []Requirement {
	src := []string{"S35"}
	if policy == polRestore {
		src = []string{"S35", "S37"}
	}
	out := make([]Requirement, len(actions))
	for i, a := range actions {
		out[i] = rq(JobRole, a, resource, src...).stmt(policy + "/" + sid)
	}
	return out
}

// each applies f to every requirement of rs.
func each(rs []Requirement, f func(Requirement) Requirement) []Requirement {
	out := make([]Requirement, len(rs))
	for i, r := range rs {
		out[i] = f(r)
	}
	return out
}

// kmsVia is a job-role KMS statement scoped by kms:ViaService to a service,
// on the resource's key.
func kmsVia(policy, sid, service string, actions ...string) []Requirement {
	return each(role(policy, sid, "${KeyARN}", actions...), func(r Requirement) Requirement {
		return r.ctx("kms:ViaService", service+".${Region}.amazonaws.com").when(whenKMS)
	})
}

func cat(parts ...[]Requirement) []Requirement {
	var out []Requirement
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func one(r Requirement) []Requirement { return []Requirement{r} }

// passRole is the caller's iam:PassRole of the job role (A.1).
func passRole() Requirement {
	return rq(Caller, "iam:PassRole", "${RoleARN}", "S33").ctx("iam:PassedToService", "backup.amazonaws.com")
}

var trustBackup = cond(KindTrust, "The job role's trust policy must allow backup.amazonaws.com to assume it (sts:AssumeRole).", "S24", "S35").decide(DecideTrust)

// The key-state conditions: AWS KMS refuses every cryptographic operation
// (Decrypt, GenerateDataKey, CreateGrant, ...) with a key that is not
// Enabled, so the job that needs the key fails whatever the policies say
// (AWS KMS "Key states of AWS KMS keys", K1).
var (
	keyStateRestore = cond(KindKeyPolicy, "The recovery point's KMS key must be enabled: AWS KMS refuses every cryptographic operation with a key that is disabled, pending deletion, pending import or unavailable (DisabledException, KMSInvalidStateException), so the restore fails.", "K1", "K2").when(whenKMS).decide(DecideKeyState)
	keyStateBackup  = cond(KindKeyPolicy, "The resource's KMS key must be enabled: AWS KMS refuses every cryptographic operation with a key that is disabled, pending deletion, pending import or unavailable (DisabledException, KMSInvalidStateException), so the backup fails.", "K1", "K2").when(whenKMS).decide(DecideKeyState)
	keyStateVault   = cond(KindKeyPolicy, "The vault's KMS key, which encrypts the backups of this resource type, must be enabled: AWS KMS refuses every cryptographic operation with a key that is disabled, pending deletion, pending import or unavailable, so the backup fails.", "K1", "K2", "S25").decide(DecideVaultKeyState)
	keyStateSource  = cond(KindKeyPolicy, "The source recovery point's KMS key must be enabled: AWS KMS refuses every cryptographic operation with a key that is disabled, pending deletion, pending import or unavailable (DisabledException, KMSInvalidStateException), so the copy fails.", "K1", "K2").when(whenSourceKMS).decide(DecideKeyState)
	keyStateDest    = cond(KindKeyPolicy, "The destination vault's KMS key must be enabled: AWS KMS refuses every cryptographic operation with a key that is disabled, pending deletion, pending import or unavailable, so the copy fails.", "K1", "K2").when(whenDestKey).decide(DecideDestinationKeyState)
)

var scpJobRole = cond(KindOrganization, "SCPs apply to job roles as to any principal of a member account: an SCP (or a permissions boundary on the role) that denies one of the job role's requests fails the job asynchronously (FAILED/ABORTED status message), not the API call.", "S41").decide(DecideRequests)

func buildOperations() []Operation {
	var ops []Operation
	ops = append(ops, vaultOperations()...)
	ops = append(ops, planOperations()...)
	ops = append(ops, backupOperations()...)
	ops = append(ops, restoreOperations()...)
	ops = append(ops, copyOperations()...)
	return finish(ops)
}

// A.2, A.3, A.4.
func vaultOperations() []Operation {
	base := []Requirement{
		rq(Caller, "backup:CreateBackupVault", vaultARN, "S2", "S20", "S33"),
		rq(Caller, "backup-storage:MountCapsule", "*", "S2", "S20", "S33"),
		rq(Caller, "backup:TagResource", vaultARN, "S33").when(whenTags),
	}
	kms := func(when string, inferred bool) []Requirement {
		var out []Requirement
		for _, a := range []string{"kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant", "kms:Decrypt", "kms:GenerateDataKey"} {
			r := rq(Caller, a, "${KeyARN}", "S2", "S20").when(when)
			if inferred {
				r = r.inferred("The KC lists the KMS actions generically; with the AWS managed key aws/backup they are usually authorized via the service only, so this is a conservative check.")
			}
			out = append(out, r)
		}
		return out
	}
	scp := cond(KindOrganization, "No SCP or permissions boundary may deny the caller's requests (the KC's layers: identity policy, permissions boundary, SCP, KMS key policy).", "S2").decide(DecideRequests)
	return []Operation{
		{
			ID:           "create-vault",
			Title:        "Create a backup vault encrypted with the default key (aws/backup)",
			Requirements: cat(base, kms(whenAWSBackupKey, true)),
			Conditions: []Condition{
				scp,
				cond(KindKeyPolicy, "The key must be enabled: the AWS managed key aws/backup always is (AWS managed keys are permanently enabled and cannot be disabled).", "K1", "K2").when(whenAWSBackupKey).decide(DecideKeyState),
				cond(KindService, "The console creates a vault named Default on the first visit of the Vaults page in a Region; the CLI, SDKs and CloudFormation do not.", "S20"),
				cond(KindService, "AWSBackupOperatorAccess does not allow backup:CreateBackupVault; AWSBackupFullAccess does (with backup-storage:*).", "S35"),
			},
			Sources: []string{"S2", "S20", "S33"},
		},
		{
			ID:           "create-vault/cmk",
			Title:        "Create a backup vault encrypted with a customer managed KMS key",
			Requirements: cat(base, kms("", false)),
			Conditions: []Condition{
				scp,
				cond(KindKeyPolicy, "The key policy must allow the caller kms:CreateGrant, kms:DescribeKey, kms:RetireGrant, kms:Decrypt and kms:GenerateDataKey, directly or through the root \"enable IAM user permissions\" statement.", "S20", "S2").decide(DecideRequests),
				cond(KindKeyPolicy, "The key must be enabled and in the vault's Region.").inferred().decide(DecideKeyState),
				cond(KindService, "A CMK of another account can be used only through the CLI or API, not the console.", "S20"),
				cond(KindService, "AWSBackupFullAccess grants kms:CreateGrant only via backup (kms:ViaService backup.*.amazonaws.com, kms:GrantIsForAWSResource) and no kms:RetireGrant or kms:Decrypt: a user with only that policy may fail the KC's check.", "S35"),
			},
			Sources: []string{"S2", "S20", "S33"},
		},
		{
			ID:    "put-vault-policy",
			Title: "Set a backup vault access policy (PutBackupVaultAccessPolicy)",
			Requirements: []Requirement{
				rq(Caller, "backup:PutBackupVaultAccessPolicy", vaultARN, "S33"),
			},
			Conditions: []Condition{
				cond(KindVaultPolicy, "The vault's existing access policy must not deny backup:PutBackupVaultAccessPolicy to the caller (the pattern AWS Config's backup-recovery-point-manual-deletion-disabled expects denies it to Principal \"*\").", "S38").decide(DecideRequests),
				cond(KindVaultPolicy, "Vault access policies do not support wildcards in Action.", "S21"),
				cond(KindVaultPolicy, "A vault access policy governs AWS Backup APIs only; cross-account access for any action other than backup:CopyIntoBackupVault is rejected whatever the policy says.", "S21", "S22"),
			},
			Sources: []string{"S33", "S21"},
		},
		{
			ID:    "put-vault-lock",
			Title: "Configure Vault Lock (PutBackupVaultLockConfiguration)",
			Requirements: []Requirement{
				rq(Caller, "backup:PutBackupVaultLockConfiguration", vaultARN, "S33").ctx(
					"backup:ChangeableForDays", "${ChangeableForDays}",
					"backup:MinRetentionDays", "${MinRetentionDays}",
					"backup:MaxRetentionDays", "${MaxRetentionDays}"),
			},
			Conditions: []Condition{
				cond(KindOrganization, "SCPs and identity policies can restrict the lock settings with backup:ChangeableForDays, backup:MinRetentionDays and backup:MaxRetentionDays.", "S33").decide(DecideRequests),
				cond(KindService, "A lock in compliance mode (ChangeableForDays given) is immutable after the grace period: changing it or DeleteBackupVaultLockConfiguration then fails with InvalidRequestException, not AccessDenied.", "S9", "S31").decide(DecideVaultLock),
				cond(KindService, "Vault Lock blocks deleting recovery points and lifecycle changes that shorten retention; this looks like an access failure but is not an IAM decision.", "S9"),
			},
			Sources: []string{"S33", "S9"},
		},
	}
}

// A.5.
func planOperations() []Operation {
	return []Operation{
		{
			ID:    "create-plan",
			Title: "Create a backup plan (CreateBackupPlan)",
			Requirements: []Requirement{
				rq(Caller, "backup:CreateBackupPlan", planAnyARN, "S33").note("The plan ID is assigned by the call, so the resource is the plan ARN pattern."),
				rq(Caller, "backup:TagResource", planAnyARN, "S33").when(whenTags),
				rq(Caller, "iam:PassRole", "${ScanRoleARN}", "S33").ctx("iam:PassedToService", "malware-protection.guardduty.amazonaws.com").when(whenScanRole),
			},
			Sources: []string{"S33"},
		},
		{
			ID:    "create-selection",
			Title: "Assign resources to a backup plan (CreateBackupSelection) with a job role",
			Requirements: []Requirement{
				rq(Caller, "backup:CreateBackupSelection", planARN, "S33"),
				passRole(),
				rq(JobRole, "tag:GetResources", "*", "G6", "S35").when("tag-based selection").stmt(polBackup + "/GetResourcesPermissions"),
			},
			Conditions: []Condition{
				trustBackup,
				cond(KindService, "The role must exist and be assumable by backup.amazonaws.com, and allowed tag:GetResources for tag-based selections; otherwise CreateBackupSelection fails with InvalidParameterValueException (\"IAM Role ... is not authorized to call tag:GetResources\", ERROR_3018, or \"cannot be assumed\"), which can also be transient right after the role is created (IAM eventual consistency).", "G6", "G7"),
				cond(KindService, "With only AWSBackupFullAccess or AWSBackupOperatorAccess, the caller can pass only roles whose name matches *AwsBackup* or *AWSBackup*.", "S35"),
				cond(KindService, "Creating the console default role AWSBackupDefaultServiceRole needs iam:CreateRole, iam:AttachRolePolicy, iam:PassRole and iam:ListRoles, which AWSBackupFullAccess does not grant.", "S23", "S35").when("console \"Default role\""),
			},
			Sources: []string{"S33"},
		},
	}
}

// commonBackupRole is the "All types" row of A.6.
func commonBackupRole() []Requirement {
	return cat(
		role(polBackup, "BackupVaultPermissions", vaultARN, "backup:DescribeBackupVault", "backup:CopyIntoBackupVault"),
		one(rq(JobRole, "backup:TagResource", rpAnyARN, "S35", "G12").
			ctx("aws:ResourceAccount", "${Account}").
			stmt(polBackup+"/RecoveryPointTaggingPermissions").
			note("Validated on the job role since 2025-06-30 (failures from 2025-09-30).")),
		role(polBackup, "GetResourcesPermissions", "*", "tag:GetResources"),
		each(role(polBackup, "KMSPermissions", "${KeyARN}", "kms:DescribeKey"), func(r Requirement) Requirement { return r.when(whenKMS) }),
		each(role(polBackup, "KMSCreateGrantPermissions", "${KeyARN}", "kms:CreateGrant"), func(r Requirement) Requirement {
			return r.ctx("kms:GrantIsForAWSResource", "true").when(whenKMS)
		}),
	)
}

type typeSpec struct {
	rt, title string
	reqs      []Requirement
	conds     []Condition
	src       []string
}

func withWhen(w string, rs []Requirement) []Requirement {
	return each(rs, func(r Requirement) Requirement { return r.when(w) })
}

func withType(w string, types []string, rs []Requirement) []Requirement {
	return each(rs, func(r Requirement) Requirement { return r.whenType(w, types...) })
}

func inferredAll(note string, rs []Requirement) []Requirement {
	return each(rs, func(r Requirement) Requirement { return r.inferred(note) })
}

// kmsEC2Backup: EBS calls KMS with the encryption context aws:ebs:id (the
// volume ID), which the statement requires among the context keys.
func kmsEC2Backup() []Requirement {
	return each(kmsVia(polBackup, "KMSEC2Permissions", "ec2", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptTo", "kms:ReEncryptFrom"), func(r Requirement) Requirement {
		return r.ctx("kms:EncryptionContextKeys", "aws:ebs:id")
	})
}

func auroraBackup() []Requirement {
	return cat(
		role(polBackup, "DynamoDBBackupPermissions", "${ResourceARN}", "rds:CreateDBClusterSnapshot"),
		role(polBackup, "DynamoDBBackupPermissions", "*", "rds:CopyDBClusterSnapshot", "rds:AddTagsToResource"),
		role(polBackup, "RDSClusterPermissions", "${ResourceARN}", "rds:ModifyDBCluster"),
	)
}

// timestreamStatusNote explains the resource of the status actions.
const timestreamStatusNote = "The Service Authorization Reference lists no resource type for this action, but the managed policy grants it only on database/*: the job must be authorized on the table (inferred), or no role with the policy could run it."

const rdsNamespaceNote = "DocumentDB/Neptune management APIs use the rds: prefix (inferred from policy coverage)."

// A.6.
func backupOperations() []Operation {
	specs := []typeSpec{
		{rt: "EC2", title: "EC2 instance", reqs: cat(
			role(polBackup, "EC2Permissions", "${ResourceARN}", "ec2:CreateImage"),
			role(polBackup, "EC2Permissions", imageAnyARN, "ec2:DeregisterImage"),
			role(polBackup, "EC2TagPermissions", imageAnyARN, "ec2:CreateTags"),
			role(polBackup, "EBSResourcePermissions", snapAnyARN, "ec2:CreateSnapshot", "ec2:DeleteSnapshot"),
			kmsEC2Backup(),
			withWhen("Windows VSS-enabled backup", cat(
				role(polBackup, "SSMSendPermissions", "arn:${Partition}:ssm:${Region}::document/AWSEC2-CreateVssSnapshot", "ssm:SendCommand"),
				role(polBackup, "SSMSendPermissions", "${ResourceARN}", "ssm:SendCommand"),
			)),
		)},
		{rt: "EBS", title: "EBS volume", reqs: cat(
			role(polBackup, "EBSResourcePermissions", "${ResourceARN}", "ec2:CreateSnapshot"),
			role(polBackup, "EBSResourcePermissions", snapAnyARN, "ec2:DeleteSnapshot"),
			inferredAll("The source gives the statement (tag-conditioned), not when the job uses it; the snapshot is one AWS Backup created, with the tag aws:backup:source-resource the statement requires (the value shown stands for the source volume).",
				each(withWhen("snapshot moved to the archive tier", role(polBackup, "EBSSnapshotTierPermissions", snapAnyARN, "ec2:ModifySnapshotTier")), sourceResourceTag("${ResourceARN}"))),
			kmsEC2Backup(),
		)},
		{rt: "RDS", title: "RDS DB instance", reqs: cat(
			each(role(polBackup, "DynamoDBBackupPermissions", "${ResourceARN}", "rds:CreateDBSnapshot"), func(r Requirement) Requirement {
				return r.note("The managed policy's Sid DynamoDBBackupPermissions is misnamed: it holds rds: actions.")
			}),
			role(polBackup, "DynamoDBBackupPermissions", "*", "rds:CopyDBSnapshot", "rds:AddTagsToResource"),
			withWhen("continuous backup (point-in-time recovery)", role(polBackup, "RDSModifyPermissions", "${ResourceARN}", "rds:ModifyDBInstance")),
			role(polBackup, "RDSBackupPermissions", "arn:${Partition}:rds:${Region}:${Account}:snapshot:awsbackup:*", "rds:DeleteDBSnapshot", "rds:ModifyDBSnapshotAttribute"),
		)},
		{rt: "Aurora", title: "Aurora DB cluster", reqs: auroraBackup()},
		{rt: "DocumentDB", title: "DocumentDB cluster", reqs: inferredAll(rdsNamespaceNote, auroraBackup())},
		{rt: "Neptune", title: "Neptune cluster", reqs: inferredAll(rdsNamespaceNote, auroraBackup())},
		{rt: "DynamoDB", title: "DynamoDB table", reqs: cat(
			role(polBackup, "DynamoDBPermissions", "${ResourceARN}", "dynamodb:DescribeTable", "dynamodb:CreateBackup"),
			withWhen("advanced DynamoDB backup", role(polBackup, "DynamodbBackupPermissions", "${ResourceARN}", "dynamodb:StartAwsBackupJob")),
			kmsVia(polBackup, "KMSDynamoDBPermissions", "dynamodb", "kms:Decrypt", "kms:GenerateDataKey"),
		)},
		{rt: "EFS", title: "EFS file system", reqs: role(polBackup, "EFSPermissions", "${ResourceARN}", "elasticfilesystem:Backup", "elasticfilesystem:DescribeTags")},
		{rt: "FSx", title: "FSx file system or volume", reqs: cat(
			inferredAll("The source names the statement FsxCreateBackupPermissions, not its actions.",
				role(polBackup, "FsxCreateBackupPermissions", "${ResourceARN}", "fsx:CreateBackup")),
			role(polBackup, "FsxResourcePermissions", fsxBackupARN, "fsx:CopyBackup", "fsx:ManageBackupPrincipalAssociations", "fsx:TagResource"),
		)},
		{rt: "S3", title: "S3 bucket", reqs: cat(
			each(role(polS3Backup, "", "${ResourceARN}", "s3:PutInventoryConfiguration", "s3:PutBucketNotification"), noSid),
			each(role(polS3Backup, "", "${ResourceARN}/*", "s3:GetObject"), noSid),
			each(role(polS3Backup, "", "arn:${Partition}:events:${Region}:${Account}:rule/AwsBackupManagedRule*", "events:PutRule", "events:PutTargets"), noSid),
			each(role(polS3Backup, "", "*", "cloudwatch:GetMetricData"), noSid),
			each(kmsVia(polS3Backup, "", "s3", "kms:Decrypt", "kms:DescribeKey"), noSid),
			each(role(polS3Backup, "", "${ResourceARN}", "s3:ListTagsForResource"), func(r Requirement) Requirement {
				return noSid(r).ctx("aws:ResourceAccount", "${Account}").note("v5 (2026-08-24); same-account condition.")
			}),
			each(role(polS3Backup, "", rpAnyARN, "backup:TagResource"), noSid),
		), conds: []Condition{
			cond(KindService, "S3 needs AWSBackupServiceRolePolicyForS3Backup on the job role: the default role AWSBackupDefaultServiceRole does not have it.", "S23", "S45"),
			cond(KindKeyPolicy, "The job role must be able to use the bucket's KMS key (IAM and key policy consistent); otherwise the job can succeed while objects are not backed up.", "S25").when(whenKMS).decide(DecideRequests),
		}},
		{rt: "StorageGateway", title: "Storage Gateway volume", reqs: role(polBackup, "StorageGatewayPermissions", "${ResourceARN}", "storagegateway:CreateSnapshot", "storagegateway:ListTagsForResource")},
		{rt: "VMware", title: "VMware virtual machine (Backup gateway)", reqs: role(polBackup, "BackupGatewayBackupPermissions", "arn:${Partition}:backup-gateway:${Region}:${Account}:vm/*", "backup-gateway:Backup", "backup-gateway:ListTagsForResource")},
		// cloudformation:ListStacks, also in CloudformationStackPermissions,
		// is left out: it takes no resource (IAM evaluates it on "*"), which
		// the statement's stack/*/* never matches, so the managed policy
		// cannot grant it and stack backups do not depend on it.
		{rt: "CloudFormation", title: "CloudFormation stack", reqs: role(polBackup, "CloudformationStackPermissions", "${ResourceARN}", "cloudformation:GetTemplate", "cloudformation:DescribeStacks", "cloudformation:ListStackResources"),
			conds: []Condition{cond(KindService, "Each nested resource of the stack needs its own resource type's backup permissions.", "S35", "S28")}},
		{rt: "Timestream", title: "Timestream table", reqs: cat(
			role(polBackup, "TimestreamResourcePermissions", "${ResourceARN}", "timestream:StartAwsBackupJob"),
			inferredAll(timestreamStatusNote, role(polBackup, "TimestreamResourcePermissions", "${ResourceARN}", "timestream:GetAwsBackupStatus")),
		)},
		{rt: "SAPHANA", title: "SAP HANA database on EC2", reqs: cat(
			role(polBackup, "SSMSAPPermissions", "*", "ssm-sap:GetOperation", "ssm-sap:ListDatabases"),
			role(polBackup, "SSMSAPResourcePermissions", "${ResourceARN}", "ssm-sap:BackupDatabase", "ssm-sap:UpdateHANABackupSettings", "ssm-sap:GetDatabase", "ssm-sap:ListTagsForResource"),
		)},
	}
	var ops []Operation
	for _, s := range specs {
		ops = append(ops, Operation{
			ID:           "backup/" + s.rt,
			Title:        "Start an on-demand backup job of " + article(s.title) + " (StartBackupJob)",
			ResourceType: s.rt,
			Requirements: cat(
				[]Requirement{
					rq(Caller, "backup:StartBackupJob", vaultARN, "S33"),
					passRole(),
				},
				commonBackupRole(),
				s.reqs,
			),
			Conditions: append([]Condition{
				trustBackup,
				cond(KindVaultPolicy, "The vault access policy must not deny the backup request.", "S21").inferred().decide(DecideRequests),
				cond(KindKeyPolicy, "The key policy of the resource's KMS key must allow the job role the KMS actions it is granted in IAM.", "S25").when(whenKMS).decide(DecideRequests),
				keyStateBackup,
				scpJobRole,
				cond(KindService, "Scheduled jobs of a plan use the selection's role; no caller is involved at run time.", "S33"),
			}, append(vaultKeyState(s.rt), s.conds...)...),
			Sources: []string{"S33", "S35"},
		})
	}
	return ops
}

// vaultKeyState is the vault-key condition of a backup of resource type
// rt: the vault's key encrypts the backups of the types AWS Backup fully
// manages; the others keep their source's encryption (S25, "Encryption
// for backups in AWS Backup"), so the vault's key is not used.
func vaultKeyState(rt string) []Condition {
	if NotFullyManaged(rt) {
		return nil
	}
	return []Condition{keyStateVault}
}

// NotFullyManaged reports whether AWS Backup does not fully manage the
// backups of resource type rt: their snapshots stay in the service and
// keep its encryption ("Feature availability by resource" in the AWS
// Backup developer guide).
func NotFullyManaged(rt string) bool { return notFullyManaged[rt] }

var notFullyManaged = map[string]bool{"EC2": true, "EBS": true, "RDS": true, "Aurora": true, "DocumentDB": true,
	"Neptune": true, "FSx": true, "StorageGateway": true, "Redshift": true}

// noSid drops the statement's "/Sid" suffix for policies whose statements
// the document does not name.
func noSid(r Requirement) Requirement {
	if n := len(r.Statement); n > 0 && r.Statement[n-1] == '/' {
		r.Statement = r.Statement[:n-1]
	}
	return r
}

func kmsEC2Restore() []Requirement {
	return kmsVia(polRestore, "KMSPermissions", "ec2", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo")
}

func kmsGrantRestore() []Requirement {
	return each(role(polRestore, "KMSCreateGrantPermissions", "${KeyARN}", "kms:CreateGrant"), func(r Requirement) Requirement {
		return r.ctx("kms:GrantIsForAWSResource", "true").when(whenKMS)
	})
}

func ec2Restore() []Requirement {
	return cat(
		role(polRestore, "EC2RunInstancesPermissions", "*", "ec2:RunInstances"),
		role(polRestore, "EC2TerminateInstancesPermissions", instAnyARN, "ec2:TerminateInstances"),
		each(role(polRestore, "EC2CreateTagsPermissions", instAnyARN, "ec2:CreateTags"), func(r Requirement) Requirement {
			return r.ctx("ec2:CreateAction", "RunInstances")
		}),
		kmsEC2Restore(),
		kmsGrantRestore(),
	)
}

func instanceRolePass() Requirement {
	return rq(JobRole, "iam:PassRole", "${InstanceRoleARN}", "S1", "S26", "S35").
		ctx("iam:PassedToService", "ec2.amazonaws.com").
		stmt(polRestore + "/CreateClusterIAMPerms").
		note("EC2 checks iam:PassRole by the restore role on the instance profile's role; granted by the managed policy since v25 (2025-11-10).")
}

func instanceRoleConds() []Condition {
	return []Condition{
		cond(KindService, "A denied iam:PassRole of the instance profile's role fails the restore job with an encoded authorization failure message in its status (decode it with sts:DecodeAuthorizationMessage).", "S1", "S6"),
		cond(KindService, "AWSBackupServiceRolePolicyForRestores allows this iam:PassRole (PassedToService ec2.amazonaws.com) only since v25 (2025-11-10); a custom restore role, a permissions boundary or an SCP can still block it. Alternatives: restore with no IAM role (restore/EC2) and attach the profile later.", "S35", "S37", "S1"),
		cond(KindService, "User data is not backed up or restored.", "S26"),
	}
}

func auroraRestore() []Requirement {
	return cat(
		role(polRestore, "RDSPermissions", "*", "rds:RestoreDBClusterFromSnapshot"),
		withWhen("continuous backup (point-in-time) recovery point", role(polRestore, "RDSPermissions", "*", "rds:RestoreDBClusterToPointInTime")),
		role(polRestore, "RDSPermissions", "*", "rds:DeleteDBCluster"),
		role(polRestore, "RDSResourcePermissions", "arn:${Partition}:rds:${Region}:${Account}:db:*", "rds:CreateDBInstance"),
		kmsVia(polRestore, "KMSPermissions", "rds", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
	)
}

// A.7.
func restoreOperations() []Operation {
	dynTable := "arn:${Partition}:dynamodb:${Region}:${Account}:table/*"
	tsTableAnyARN := "arn:${Partition}:timestream:${Region}:${Account}:database/*/table/*"
	rsNamespaceAnyARN := "arn:${Partition}:redshift-serverless:${Region}:${Account}:namespace/*"
	specs := []typeSpec{
		{rt: "EC2", title: "EC2 instance without an instance profile (\"Proceed with no IAM role\")", reqs: ec2Restore(), src: []string{"S1"}},
		{rt: "EBS", title: "EBS volume", reqs: cat(
			role(polRestore, "EBSPermissions", snapAnyARN, "ec2:CreateVolume"),
			role(polRestore, "EBSPermissions", volAnyARN, "ec2:CreateVolume", "ec2:DeleteVolume"),
			each(role(polRestore, "EC2CreateTagsPermissions", volAnyARN, "ec2:CreateTags"), func(r Requirement) Requirement {
				return r.ctx("ec2:CreateAction", "CreateVolume")
			}),
			each(withWhen("snapshot in the archive tier", role(polRestore, "EC2DeleteAndRestorePermissions", snapAnyARN, "ec2:RestoreSnapshotTier")), sourceResourceTag(volAnyARN)),
			role(polRestore, "EBSSnapshotBlockPermissions", snapAnyARN, "ebs:StartSnapshot", "ebs:PutSnapshotBlock", "ebs:CompleteSnapshot"),
			kmsEC2Restore(),
			kmsGrantRestore(),
		)},
		{rt: "RDS", title: "RDS DB instance", reqs: cat(
			role(polRestore, "RDSPermissions", "*", "rds:RestoreDBInstanceFromDBSnapshot"),
			withWhen("continuous backup (point-in-time) recovery point", role(polRestore, "RDSPermissions", "*", "rds:RestoreDBInstanceToPointInTime")),
			role(polRestore, "RDSPermissions", "*", "rds:AddTagsToResource"),
			withWhen("tenant databases", role(polRestore, "RDSPermissions", "*", "rds:CreateTenantDatabase")),
			role(polRestore, "RDSResourcePermissions", "arn:${Partition}:rds:${Region}:${Account}:db:*", "rds:CreateDBInstance"),
			kmsVia(polRestore, "KMSPermissions", "rds", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
		)},
		{rt: "Aurora", title: "Aurora DB cluster", reqs: auroraRestore()},
		{rt: "DocumentDB", title: "DocumentDB cluster", reqs: inferredAll(rdsNamespaceNote, auroraRestore())},
		{rt: "Neptune", title: "Neptune cluster", reqs: inferredAll(rdsNamespaceNote, auroraRestore())},
		{rt: "DynamoDB", title: "DynamoDB table", reqs: cat(
			role(polRestore, "DynamoDBPermissions", dynTable, "dynamodb:Scan", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"),
			role(polRestore, "DynamoDBBackupResourcePermissions", "arn:${Partition}:dynamodb:${Region}:${Account}:table/*/backup/*", "dynamodb:RestoreTableFromBackup"),
			withWhen("advanced DynamoDB backup", role(polRestore, "DynamoDBRestorePermissions", dynTable, "dynamodb:RestoreTableFromAwsBackup")),
			kmsVia(polRestore, "KMSPermissions", "dynamodb", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
		), conds: []Condition{
			cond(KindService, "Identity policies that restrict the target table by source IP must exempt calls made by AWS services (aws:ViaAWSService), or the restore is cancelled.", "S32", "S27"),
			cond(KindService, "Disabling or deleting the KMS key during the restore fails it.", "S27").when(whenKMS),
		}},
		{rt: "EFS", title: "EFS file system", reqs: cat(
			role(polRestore, "EFSPermissions", efsAnyARN, "elasticfilesystem:Restore", "elasticfilesystem:CreateFileSystem", "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DeleteFileSystem", "elasticfilesystem:TagResource"),
			each(cat(
				kmsVia(polRestore, "KMSPermissions", "elasticfilesystem", "kms:DescribeKey", "kms:GenerateDataKeyWithoutPlaintext"),
				// KMSPermissions has no kms:CreateGrant: the policy grants it
				// only for AWS resources (KMSCreateGrantPermissions).
				each(kmsVia(polRestore, "KMSCreateGrantPermissions", "elasticfilesystem", "kms:CreateGrant"), grantCtx),
			), func(r Requirement) Requirement {
				r.Source = append(r.Source, "S5")
				return r
			}),
		), src: []string{"S5"}},
		{rt: "FSx", title: "FSx file system or volume", reqs: cat(
			role(polRestore, "FsxPermissions", fsxBackupARN, "fsx:CreateFileSystemFromBackup"),
			role(polRestore, "FsxPermissions", "arn:${Partition}:fsx:${Region}:${Account}:file-system/*", "fsx:CreateFileSystemFromBackup"),
			withWhen("ONTAP or OpenZFS volume", cat(
				role(polRestore, "FsxBackupTagPermissions", fsxBackupARN, "fsx:CreateVolumeFromBackup"),
				role(polRestore, "FsxBackupTagPermissions", "arn:${Partition}:fsx:${Region}:${Account}:storage-virtual-machine/*/*", "fsx:CreateVolumeFromBackup"),
				role(polRestore, "FsxBackupTagPermissions", "arn:${Partition}:fsx:${Region}:${Account}:volume/*/*", "fsx:CreateVolumeFromBackup"),
			)),
			withWhen("FSx for Windows (Active Directory)", role(polRestore, "DSPermissions", "*", "ds:DescribeDirectories")),
			each(withWhen("file system in a VPC (route tables tagged AmazonFSx=ManagedByAmazonFSx)", role(polRestore, "CreateTagsPermissions", "arn:${Partition}:ec2:${Region}:${Account}:route-table/*", "ec2:CreateTags")), func(r Requirement) Requirement {
				return r.ctx("aws:ResourceTag/AmazonFSx", "ManagedByAmazonFSx").inferred("The source names the route-table tag, which the statement tests on the route table (aws:ResourceTag): FSx tags the route tables it manages. The When wording is inferred.")
			}),
			kmsGrantRestore(),
		), conds: []Condition{
			cond(KindService, "fsx.* is not in the restore policy's kms:ViaService list: KMS use is granted only through grants (kms:GrantIsForAWSResource).", "S35"),
		}},
		{rt: "S3", title: "S3 bucket", reqs: cat(
			each(role(polS3Restore, "", "arn:${Partition}:s3:::*", "s3:CreateBucket", "s3:PutBucketVersioning", "s3:PutBucketOwnershipControls"), noSid),
			each(role(polS3Restore, "", "arn:${Partition}:s3:::*/*", "s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectTagging", "s3:DeleteObject"), noSid),
			each(kmsVia(polS3Restore, "", "s3", "kms:DescribeKey", "kms:GenerateDataKey", "kms:Decrypt"), noSid),
		), conds: []Condition{
			cond(KindService, "S3 needs AWSBackupServiceRolePolicyForS3Restore on the restore role: the default role AWSBackupDefaultServiceRole does not have it.", "S23", "S45"),
			cond(KindBucketPolicy, "The destination bucket policy must allow the restore role.", "S35"),
			cond(KindKeyPolicy, "The destination bucket's KMS key policy must allow the restore role.", "S35", "S25").when(whenKMS),
		}},
		{rt: "StorageGateway", title: "Storage Gateway volume", reqs: cat(
			role(polRestore, "StorageGatewayGatewayPermissions", sgwAnyARN, "storagegateway:CreateStorediSCSIVolume", "storagegateway:CreateCachediSCSIVolume", "storagegateway:DescribeGatewayInformation"),
			role(polRestore, "StorageGatewayGatewayPermissions", sgwAnyARN+"/volume/*", "storagegateway:CreateCachediSCSIVolume"),
		)},
		{rt: "VMware", title: "VMware virtual machine (Backup gateway)", reqs: role(polRestore, "GatewayRestorePermissions", "arn:${Partition}:backup-gateway:${Region}:${Account}:hypervisor/*", "backup-gateway:Restore"),
			conds: []Condition{cond(KindService, "Restores of a VM to EC2 or EBS need the EC2 or EBS restore permissions instead.", "S35")}},
		{rt: "CloudFormation", title: "CloudFormation stack", reqs: role(polRestore, "CloudformationChangeSetPermissions", stackAnyARN, "cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet", "cloudformation:TagResource"),
			conds: []Condition{cond(KindService, "A composite (stack) recovery point cannot be restored itself: restore its nested recovery points, each needing its resource type's permissions.", "S28")}},
		{rt: "Timestream", title: "Timestream table", reqs: cat(
			role(polRestore, "TimestreamResourcePermissions", tsTableAnyARN, "timestream:StartAwsRestoreJob"),
			inferredAll(timestreamStatusNote, role(polRestore, "TimestreamResourcePermissions", tsTableAnyARN, "timestream:GetAwsRestoreStatus")),
		)},
		{rt: "Redshift", title: "Redshift cluster or table", reqs: cat(
			role(polRestore, "RedshiftClusterSnapshotPermissions", "arn:${Partition}:redshift:${Region}:${Account}:snapshot:*/*", "redshift:RestoreFromClusterSnapshot", "redshift:RestoreTableFromClusterSnapshot"),
			role(polRestore, "RedshiftClusterSnapshotPermissions", "arn:${Partition}:redshift:${Region}:${Account}:cluster:*", "redshift:RestoreFromClusterSnapshot", "redshift:RestoreTableFromClusterSnapshot"),
			kmsVia(polRestore, "KMSPermissions", "redshift", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
		)},
		{rt: "RedshiftServerless", title: "Redshift Serverless namespace or table", reqs: cat(
			role(polRestore, "RedshiftServerlessSnapshotPermissions", rsNamespaceAnyARN, "redshift-serverless:RestoreTableFromSnapshot"),
			role(polRestore, "RedshiftServerlessSnapshotPermissions", "arn:${Partition}:redshift-serverless:${Region}:${Account}:snapshot/*", "redshift-serverless:RestoreTableFromSnapshot"),
			role(polRestore, "RedshiftServerlessNamespacePermissions", rsNamespaceAnyARN, "redshift-serverless:GetNamespace"),
			role(polRestore, "RedshiftServerlessTablePermissions", "*", "redshift-serverless:GetTableRestoreStatus"),
			kmsVia(polRestore, "KMSPermissions", "redshift-serverless", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
		)},
	}
	var ops []Operation
	callerReqs := []Requirement{
		rq(Caller, "backup:StartRestoreJob", "${RecoveryPointARN}", "S33"),
		passRole(),
	}
	conds := []Condition{
		trustBackup,
		cond(KindVaultPolicy, "The vault access policy must not deny backup:StartRestoreJob (the default policy of aws/efs/automatic-backup-vault denies it to everyone).", "S5", "G14").decide(DecideRequests),
		cond(KindKeyPolicy, "The key policy of the recovery point's KMS key must allow the restore role the KMS actions it is granted in IAM.", "S25").when(whenKMS).decide(DecideRequests),
		keyStateRestore,
		scpJobRole,
		cond(KindService, "Cross-account restore is not supported: copy the recovery point into the target account first; that account needs the service-linked role of the restored service.", "S22"),
	}
	for _, s := range specs {
		ops = append(ops, Operation{
			ID:           "restore/" + s.rt,
			Title:        "Restore " + article(s.title) + " (StartRestoreJob)",
			ResourceType: s.rt,
			Requirements: cat(callerReqs, s.reqs),
			Conditions:   append(append([]Condition(nil), conds...), s.conds...),
			Sources:      append([]string{"S33", "S35", "S37"}, s.src...),
		})
	}
	ops = append(ops,
		Operation{
			ID:           "restore/EC2/original-role",
			Title:        "Restore an EC2 instance with its original IAM role (instance profile)",
			ResourceType: "EC2",
			Requirements: cat(callerReqs, ec2Restore(), one(instanceRolePass().note("InstanceRoleARN is the role of the original instance profile (from the recovery point's restore metadata)."))),
			Conditions:   append(append([]Condition(nil), conds...), instanceRoleConds()...),
			Sources:      []string{"S1", "S26", "S33", "S35", "S37"},
		},
		Operation{
			ID:           "restore/EC2/instance-role",
			Title:        "Restore an EC2 instance with a given IAM role (instance profile)",
			ResourceType: "EC2",
			Requirements: cat(callerReqs, ec2Restore(), one(instanceRolePass())),
			Conditions:   append(append([]Condition(nil), conds...), instanceRoleConds()...),
			Sources:      []string{"S1", "S26", "S33", "S35", "S37"},
		},
		Operation{
			ID:           "restore/SAPHANA",
			Title:        "Restore an SAP HANA database on EC2 without a restore role (caller's identity)",
			ResourceType: "SAPHANA",
			Requirements: cat(
				one(rq(Caller, "backup:StartRestoreJob", "${RecoveryPointARN}", "S33", "S35").stmt(polSAPHANA)),
				each([]Requirement{
					rq(Caller, "ssm-sap:RestoreDatabase", "*", "S35"),
					rq(Caller, "ssm-sap:BackupDatabase", "*", "S35"),
					rq(Caller, "ssm-sap:UpdateHANABackupSettings", "*", "S35"),
					rq(Caller, "ssm-sap:GetDatabase", "*", "S35"),
					rq(Caller, "ssm-sap:ListTagsForResource", "*", "S35"),
					rq(Caller, "ssm-sap:GetOperation", "*", "S35"),
					rq(Caller, "ssm-sap:ListDatabases", "*", "S35"),
				}, func(r Requirement) Requirement { return r.stmt(polSAPHANA) }),
			),
			Conditions: []Condition{
				cond(KindService, "SAP HANA restores are destructive. StartRestoreJob may omit IamRoleArn for them; AWS Backup then uses the caller's identity, so the caller needs the ssm-sap permissions of AWSBackupRestoreAccessForSAPHANA.", "G15", "S35"),
				cond(KindVaultPolicy, "The vault access policy must not deny backup:StartRestoreJob.", "S5").decide(DecideRequests),
				keyStateRestore,
			},
			Sources: []string{"G15", "S33", "S35"},
		},
	)
	return ops
}

// A.8.
func copyOperations() []Operation {
	callerReqs := []Requirement{
		rq(Caller, "backup:StartCopyJob", "${RecoveryPointARN}", "S33"),
		passRole(),
	}
	roleReqs := cat(
		one(rq(JobRole, "backup:CopyFromBackupVault", "${RecoveryPointARN}", "S35", "S33").
			ctx("backup:CopyTargets", "${DestinationVaultARN}").
			stmt(polBackup+"/BackupVaultCopyPermissions")),
		role(polBackup, "BackupVaultPermissions", "${DestinationVaultARN}", "backup:CopyIntoBackupVault"),
		withType("EBS recovery point", []string{"EBS"}, role(polBackup, "EBSCopyPermissions", snapAnyARN, "ec2:CopySnapshot")),
		withType("EC2 recovery point", []string{"EC2"}, role(polBackup, "EC2CopyPermissions", "*", "ec2:CopyImage")),
		withType("RDS recovery point", []string{"RDS"}, role(polBackup, "DynamoDBBackupPermissions", "*", "rds:CopyDBSnapshot")),
		withType("Aurora, DocumentDB or Neptune recovery point", []string{"Aurora", "DocumentDB", "Neptune"}, role(polBackup, "DynamoDBBackupPermissions", "*", "rds:CopyDBClusterSnapshot")),
		withType("FSx recovery point", []string{"FSx"}, role(polBackup, "FsxResourcePermissions", fsxBackupARN, "fsx:CopyBackup")),
		withWhen(whenSourceKMS, role(polBackup, "KMSPermissions", "${KeyARN}", "kms:DescribeKey")),
		each(withWhen(whenSourceKMS, role(polBackup, "KMSCreateGrantPermissions", "${KeyARN}", "kms:CreateGrant")), grantCtx),
		withWhen(whenDestKey, role(polBackup, "KMSPermissions", "${DestinationKeyARN}", "kms:DescribeKey")),
		each(withWhen(whenDestKey, role(polBackup, "KMSCreateGrantPermissions", "${DestinationKeyARN}", "kms:CreateGrant")), grantCtx),
	)
	roleReqs = each(roleReqs, noSid)
	tagDest := one(rq(JobRole, "backup:TagResource", destRPAnyARN, "S35", "G12").
		ctx("aws:ResourceAccount", "${Account}").
		stmt(polBackup + "/RecoveryPointTaggingPermissions").
		note("Copy jobs tag the recovery points they create; validated on the job role since 2025-06-30."))
	common := []Condition{
		trustBackup,
		cond(KindVaultPolicy, "The source vault access policy must not deny backup:StartCopyJob (the default policy of aws/efs/automatic-backup-vault denies it).", "S5", "G14").decide(DecideRequests),
		keyStateSource,
		keyStateDest,
		scpJobRole,
		cond(KindOrganization, "Guardrail SCPs can deny backup:CopyFromBackupVault unless backup:CopyTargets / backup:CopyTargetOrgPaths match, or deny backup:CopyIntoBackupVault when aws:ResourceTag/DestinationBackupVault is null.", "S22").decide(DecideRequests),
		cond(KindService, "Backups in the cold storage tier cannot be copied; copies of continuous backups become snapshot backups.", "S22", "S39"),
	}
	return []Operation{
		{
			ID:           "copy/same-region",
			Title:        "Copy a recovery point to another vault in the same Region and account (StartCopyJob)",
			Requirements: cat(callerReqs, roleReqs, tagDest),
			Conditions: append(append([]Condition(nil), common...),
				cond(KindKeyPolicy, "The destination vault's KMS key must be usable by the copy role.", "S35").when(whenDestKey).decide(DecideRequests),
			),
			Sources: []string{"S33", "S35"},
		},
		{
			ID:           "copy/cross-region",
			Title:        "Copy a recovery point to a vault in another Region of the same account (StartCopyJob)",
			Requirements: cat(callerReqs, roleReqs, tagDest),
			Conditions: append(append([]Condition(nil), common...),
				cond(KindKeyPolicy, "For types not fully managed by AWS Backup (EBS, EC2, RDS, Aurora, ...) the snapshot is re-encrypted with a key of the destination Region: the copy role needs KMS permissions on both the source key and the destination key (e.g. multi-Region replica keys for encrypted Aurora).", "S25", "P3").decide(DecideRequests),
				cond(KindOrganization, "Region-deny SCPs that do not exempt the job role block its calls in the destination Region.").inferred().decide(DecideRequests),
			),
			Sources: []string{"S33", "S35", "S25"},
		},
		{
			ID:    "copy/cross-account",
			Title: "Copy a recovery point to a vault in another account of the organization (StartCopyJob)",
			Requirements: cat(callerReqs, roleReqs, inferredAll(
				"The sources say the destination's AWSServiceRoleForBackup performs the copy and that the destination key policy must admit it (for restoring the copy), but not which KMS actions it calls.",
				cat(withWhen(whenDestKey, []Requirement{
					rq(ServiceLinkedRole, "kms:DescribeKey", "${DestinationKeyARN}", "S22", "G9"),
				}),
					// The service-linked role's policy
					// (AWSBackupServiceLinkedRolePolicyForBackup) grants
					// kms:CreateGrant only through the service that holds
					// the copy (kms:ViaService ec2, rds or fsx): the
					// request carries the service of the resource type.
					slrGrant("ec2", "EC2 or EBS recovery point", "EC2", "EBS"),
					slrGrant("rds", "RDS, Aurora, DocumentDB or Neptune recovery point", "RDS", "Aurora", "DocumentDB", "Neptune"),
					slrGrant("fsx", "FSx recovery point", "FSx"),
				))),
			Conditions: append(append([]Condition(nil), common...),
				cond(KindOrganization, "Source and destination accounts must be members of the same AWS Organization (\"Copy job failed. Both source and destination account must be a member of the same organization\").", "S4", "G10").decide(DecideSameOrganization),
				cond(KindOrganization, "The management account must enable cross-account backup (console Settings or UpdateGlobalSettings).", "S22", "S4").decide(DecideCrossAccountSetting),
				cond(KindVaultPolicy, "The destination vault access policy must allow backup:CopyIntoBackupVault to the source account (arn:aws:iam::<source>:root), the copy role, or the organization / OU (aws:PrincipalOrgID, aws:PrincipalOrgPaths, with ids that exist); otherwise \"Access Denied trying to call AWS Backup service\".", "S3").decide(DecideDestinationVaultPolicy),
				cond(KindService, "For types not fully managed by AWS Backup the destination vault must not be the default vault (its key cannot be shared): use a vault encrypted with a customer managed key. Fully managed types may use a CMK or aws/backup.", "S22", "P4").decide(DecideDestinationVault),
				cond(KindKeyPolicy, "If the source is encrypted with a customer managed key, its key policy must allow the destination account; AWS managed keys (aws/ebs, aws/rds) cannot be shared, so cross-account copies of such backups fail (\"Given key ID is not accessible\").", "S4", "G8", "G11").when(whenSourceKMS).decide(DecideSourceKey),
				cond(KindKeyPolicy, "To restore the copy, the destination key policy must admit role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup of the destination account, which performs the copy there.", "S22", "G9").when(whenDestKey).decide(DecideRequests),
				cond(KindOrganization, "Organization tag policies can break cross-account copies.", "S4"),
				cond(KindService, "EC2 Allowed AMIs in the destination must allow the source account, or the copy fails with \"Source AMI not found in Region\".", "S22").whenType("EC2 recovery point", "EC2"),
				cond(KindService, "Deleting the copy role during a cross-account copy fails it with \"Failed to unshare snapshot\".", "S22"),
			),
			Sources: []string{"S3", "S4", "S22", "S33", "S35"},
		},
	}
}

// slrGrant is the destination service-linked role's kms:CreateGrant on
// the destination key, through service, for a copy of the given types.
func slrGrant(service, when string, types ...string) []Requirement {
	return []Requirement{rq(ServiceLinkedRole, "kms:CreateGrant", "${DestinationKeyARN}", "S22", "G9").
		ctx("kms:GrantIsForAWSResource", "true", "kms:ViaService", service+".${DestinationRegion}.amazonaws.com").
		whenType(when, types...)}
}

func grantCtx(r Requirement) Requirement { return r.ctx("kms:GrantIsForAWSResource", "true") }

// sourceResourceTag returns a function adding to a requirement on a snapshot
// that AWS Backup created the tag aws:backup:source-resource it puts on it,
// which the cited statement requires (Null false); source stands for the
// tag's value, the protected resource.
func sourceResourceTag(source string) func(Requirement) Requirement {
	return func(r Requirement) Requirement {
		return r.ctx("aws:ResourceTag/aws:backup:source-resource", source).
			note("The snapshot is one AWS Backup created: it carries the tag aws:backup:source-resource, whose presence the statement requires; the value shown stands for the source volume.")
	}
}

// article puts "a" or "an" before a resource type's title, by its sound:
// "an EBS volume", "an S3 bucket", "an Aurora DB cluster", "a DynamoDB table".
func article(title string) string {
	word, _, _ := strings.Cut(title, " ")
	vowelSound := strings.ContainsRune("AEIOaeio", rune(title[0]))
	if len(word) > 1 && word == strings.ToUpper(word) || strings.HasPrefix(word, "FSx") {
		// An initialism is read letter by letter: F, H, L, M, N, R, S and X
		// start with a vowel sound ("an RDS", "an FSx").
		vowelSound = strings.ContainsRune("AEFHILMNORSX", rune(word[0]))
	}
	if vowelSound {
		return "an " + title
	}
	return "a " + title
}
