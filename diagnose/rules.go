package diagnose

import (
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/authzmsg"
)

// ruleDecodeFirst: the message carries an encoded authorization failure
// message that has not been decoded: the decoded form names the principal,
// action and resource.
func ruleDecodeFirst(d *authzmsg.Denial) (Finding, bool) {
	if d.Decoded != nil || (d.Encoded == "" && !d.EncodedOmitted) {
		return Finding{}, false
	}
	f := Finding{Rule: "decode.encoded-message", Layer: "decode", Title: msg("decode.title"), Cause: msg("decode.cause")}
	switch {
	case d.EncodedOmitted:
		f.Checks = append(f.Checks, msg("decode.omitted"))
	case d.EncodedTruncated:
		f.Checks = append(f.Checks, msg("decode.truncated"))
	default:
		f.Checks = append(f.Checks, msg("decode.how"), msg("decode.permission"))
	}
	return f, true
}

// ruleDecodeDenied: the decoder itself may not call
// sts:DecodeAuthorizationMessage (scenario B.32).
func ruleDecodeDenied(d *authzmsg.Denial) (Finding, bool) {
	if !actionIs(d, "sts:DecodeAuthorizationMessage") {
		return Finding{}, false
	}
	return Finding{
		Rule: "sts.decode-denied", Layer: orDefault(layerOf(d), authz.LayerIdentity.String()),
		Title: msg("stsdecode.title"), Cause: msg("stsdecode.cause", principalName(d)),
		Checks: []Msg{msg("stsdecode.check")},
	}, true
}

// ruleBackupEC2RestorePassRole: the seed case (B.1). An AWS Backup restore
// session may not pass the original instance's role to EC2.
func ruleBackupEC2RestorePassRole(d *authzmsg.Denial) (Finding, bool) {
	if !actionIs(d, "iam:PassRole") {
		return Finding{}, false
	}
	backup := d.Principal.IsBackupSession || (d.Backup != nil && d.Backup.ID == "backup.encoded-restore")
	if !backup {
		return Finding{}, false
	}
	role := principalName(d)
	passed := resourceName(d.Resource)
	f := Finding{
		Rule:  "backup.ec2-restore-passrole",
		Layer: orDefault(layerOf(d), authz.LayerIdentity.String()),
		Title: msg("backup.ec2passrole.title"),
		Cause: msg("backup.ec2passrole.cause", role, passed),
		Checks: []Msg{
			msg("backup.ec2passrole.check.console"),
			msg("backup.ec2passrole.check.layers", role),
		},
		Notes: []Msg{msg("backup.ec2passrole.note.managed")},
	}
	if d.Decision == authzmsg.ExplicitDeny {
		f.Checks = append(f.Checks, msg("check.explicit", layerWords(layerOf(d))))
	}
	return f, true
}

// ruleBackupEncodedRestore: an AWS Backup restore failed with EC2's
// encoded message, not decoded yet. Most often it is the seed case.
func ruleBackupEncodedRestore(d *authzmsg.Denial) (Finding, bool) {
	if d.Backup == nil || d.Backup.ID != "backup.encoded-restore" || d.Action != "" {
		return Finding{}, false
	}
	f := Finding{
		Rule: "backup.ec2-restore-encoded", Layer: "decode",
		Title: msg("backup.encrestore.title"),
		Cause: msg("backup.encrestore.cause"),
		Checks: []Msg{
			msg("backup.ec2passrole.check.console"),
			msg("decode.how"),
			msg("backup.encrestore.check.fix"),
		},
		Notes: []Msg{msg("backup.ec2passrole.note.managed")},
	}
	if d.Encoded == "" {
		// The text stops before the encoded message (or a placeholder
		// stands for it): nothing says EC2 returned one here, only that
		// the job's status normally carries it.
		f.Cause = msg("backup.encrestore.cause.no-message")
		f.Checks[1] = msg("backup.encrestore.check.whole-status")
	}
	return f, true
}

// ruleBackupCallerPassRole: a person or pipeline starting a backup,
// restore or copy, or creating a selection, may not pass the job role
// (B.16).
func ruleBackupCallerPassRole(d *authzmsg.Denial) (Finding, bool) {
	if !actionIs(d, "iam:PassRole") || d.Principal.IsBackupSession {
		return Finding{}, false
	}
	if !operationIs(d, "StartBackupJob", "StartRestoreJob", "StartCopyJob", "CreateBackupSelection", "UpdateRecoveryPointIndexSettings", "CreateRestoreTestingSelection") &&
		!strings.Contains(strings.ToLower(d.Resource), "backup") {
		return Finding{}, false
	}
	return Finding{
		Rule:   "backup.caller-passrole",
		Layer:  orDefault(layerOf(d), authz.LayerIdentity.String()),
		Title:  msg("backup.callerpass.title"),
		Cause:  msg("backup.callerpass.cause", principalName(d), resourceName(d.Resource)),
		Checks: []Msg{msg("backup.callerpass.check.names"), msg("check.layers.generic")},
	}, true
}

// ruleBackupCreateVault: vault creation refused (B.2, B.3).
func ruleBackupCreateVault(d *authzmsg.Denial) (Finding, bool) {
	if !actionIs(d, "backup:CreateBackupVault", "backup-storage:MountCapsule") && !operationIs(d, "CreateBackupVault") &&
		!(service(d.Action) == "kms" && operationIs(d, "CreateBackupVault")) {
		return Finding{}, false
	}
	f := Finding{
		Rule:  "backup.create-vault",
		Layer: orDefault(layerOf(d), authz.LayerIdentity.String()),
		Title: msg("backup.vault.title"),
		Cause: msg("backup.vault.cause", orDefault(d.Action, "backup:CreateBackupVault")),
		Checks: []Msg{
			msg("backup.vault.check.permissions"),
			msg("backup.vault.check.boundary"),
			msg("backup.vault.check.scp"),
			msg("backup.vault.check.kms"),
			msg("backup.vault.check.tags"),
		},
	}
	return f, true
}

// ruleBackupStartRestore: the caller may not start a restore (B.11).
func ruleBackupStartRestore(d *authzmsg.Denial) (Finding, bool) {
	if !actionIs(d, "backup:StartRestoreJob") {
		return Finding{}, false
	}
	f := Finding{
		Rule:   "backup.start-restore",
		Layer:  orDefault(layerOf(d), authz.LayerIdentity.String()),
		Title:  msg("backup.restore.title"),
		Cause:  msg("backup.restore.cause", principalName(d)),
		Checks: []Msg{msg("backup.restore.check.passrole"), msg("backup.restore.check.vault")},
	}
	if d.PolicyType == authzmsg.PolicyResource {
		f.Checks = append([]Msg{msg("backup.vaultpolicy.check")}, f.Checks...)
	}
	return f, true
}

// ruleBackupVaultPolicyDeny: a backup vault access policy denies (B.20,
// B.21), including the default policy of aws/efs/automatic-backup-vault.
func ruleBackupVaultPolicyDeny(d *authzmsg.Denial) (Finding, bool) {
	if service(d.Action) != "backup" || d.PolicyType != authzmsg.PolicyResource || !strings.Contains(d.Resource, ":backup-vault:") {
		return Finding{}, false
	}
	vault := resourceName(d.Resource)
	if i := strings.Index(d.Resource, ":backup-vault:"); i >= 0 {
		vault = d.Resource[i+len(":backup-vault:"):]
	}
	f := Finding{
		Rule: "backup.vault-policy-deny", Layer: "resource",
		Title:  msg("backup.vaultpolicy.title"),
		Cause:  msg("backup.vaultpolicy.cause", vault, d.Action),
		Checks: []Msg{msg("backup.vaultpolicy.check")},
	}
	if vault == "aws/efs/automatic-backup-vault" {
		f.Notes = append(f.Notes, msg("backup.vaultpolicy.efs"))
	}
	return f, true
}

// ruleDescribeMissingVault: DescribeBackupVault answers AccessDenied for a
// vault that does not exist (B.23): not a permission problem.
func ruleDescribeMissingVault(d *authzmsg.Denial) (Finding, bool) {
	if !actionIs(d, "backup:DescribeBackupVault") && !operationIs(d, "DescribeBackupVault") &&
		(d.Backup == nil || d.Backup.ID != "backup.describe-vault-access-denied") {
		return Finding{}, false
	}
	return Finding{
		Rule: "trap.describe-missing-vault", Layer: "service",
		Title: msg("trap.missingvault.title"), Cause: msg("trap.missingvault.cause"),
		Checks: []Msg{msg("trap.missingvault.check")},
	}, true
}

// ruleVaultLock: Vault Lock in compliance mode refuses changes and
// deletions; that is not an IAM decision (B.22).
func ruleVaultLock(d *authzmsg.Denial) (Finding, bool) {
	raw := strings.ToLower(d.Raw)
	if !strings.Contains(raw, "vault lock") && !strings.Contains(raw, "vaultlock") && !operationIs(d, "DeleteBackupVaultLockConfiguration") {
		return Finding{}, false
	}
	return Finding{
		Rule: "trap.vault-lock", Layer: "service",
		Title: msg("trap.vaultlock.title"), Cause: msg("trap.vaultlock.cause"),
		Checks: []Msg{msg("trap.vaultlock.check")},
	}, true
}

// ruleBackupJobMessage explains AWS Backup job status messages (§D.5).
func ruleBackupJobMessage(d *authzmsg.Denial) (Finding, bool) {
	if d.Backup == nil || d.Backup.ID == "backup.encoded-restore" || d.Backup.ID == "backup.describe-vault-access-denied" {
		return Finding{}, false
	}
	id := strings.TrimPrefix(d.Backup.ID, "backup.")
	key := "backupjob." + id
	role := resourceName(d.Backup.RoleARN)
	res := d.Backup.ResourceARN
	f := Finding{
		Rule: "backup.job." + id, Layer: d.Backup.Layer,
		Title:  msg(key + ".title"),
		Cause:  msg(key+".cause", orDefault(role, "@unknown.role"), orDefault(res, "@unknown.resource")),
		Checks: []Msg{msg(key + ".check")},
	}
	if d.Backup.ID == "backup.role-cannot-be-assumed" && actionIs(d, "sts:AssumeRole") && d.Principal.Kind == authzmsg.KindService && d.ResourceKind == "arn" {
		// The role does not exist, or its trust policy does not trust
		// backup.amazonaws.com: the message does not say which, so the
		// trust policy's fix is a candidate, not a plan (a role that does
		// not exist is created, as the check says).
		f.candidates = []string{"resource"}
	}
	return f, true
}

// ruleKMSKeyPolicy: a KMS key's policy does not admit the principal (B.27).
func ruleKMSKeyPolicy(d *authzmsg.Denial) (Finding, bool) {
	if service(d.Action) != "kms" || d.PolicyType != authzmsg.PolicyResource {
		return Finding{}, false
	}
	f := Finding{
		Rule: "kms.key-policy", Layer: "resource",
		Title:  msg("kms.keypolicy.title"),
		Cause:  msg("kms.keypolicy.cause", principalName(d), d.Action),
		Checks: []Msg{msg("kms.keypolicy.check.delegation")},
	}
	if backupRelated(d) {
		f.Checks = append(f.Checks, msg("kms.keypolicy.check.slr"))
	} else {
		f.Checks = append(f.Checks, msg("kms.keypolicy.check.via-service", d.Action))
	}
	if d.ResourceMayNotExist {
		f.Checks = append(f.Checks, msg("kms.keypolicy.check.exists"))
	}
	return f, true
}

// genericRule explains a denial by the layer the message names.
func genericRule(d *authzmsg.Denial) (Finding, bool) {
	if d.Action == "" && d.PolicyType == authzmsg.PolicyUnknown && d.Backup == nil {
		return Finding{
			Rule: "iam.unknown", Title: msg("generic.unknown.title"),
			Cause:  msg("generic.unknown.cause"),
			Checks: []Msg{msg("check.layers.generic")},
		}, true
	}
	layer := layerOf(d)
	kind := "implicit"
	if d.Decision == authzmsg.ExplicitDeny {
		kind = "explicit"
	}
	if d.PolicyType == authzmsg.PolicyTrust {
		return Finding{Rule: "iam.trust-" + kind, Layer: "resource", Title: msg("generic.trust.title"),
			Cause:  msg("generic.trust.cause", principalName(d), resourceName(d.Resource)),
			Checks: []Msg{msg("generic.trust.check")}}, true
	}
	if layer == "" {
		f := Finding{Rule: "iam.layer-unknown", Title: msg("generic.legacy.title"),
			Cause:  msg("generic.legacy.cause", principalName(d), orDefault(d.Action, "@unknown.action")),
			Checks: []Msg{msg("check.layers.generic")}}
		if d.Decision == authzmsg.ExplicitDeny {
			// A Deny matched, in a layer the message does not name: no
			// layer's fix can be given, only where to look.
			f.Checks = append([]Msg{msg("generic.legacy.explicit")}, f.Checks...)
		}
		return f, true
	}
	id := "generic." + layer + "." + kind
	// A message may name its layer but not its action (redacted,
	// "perform: xxxx"; "perform API action"): the title and cause say so.
	f := Finding{
		Rule:  "iam." + layer + "-" + kind,
		Layer: layer,
		Title: msg(id+".title", orDefault(d.Action, "@unknown.action.title")),
		Cause: msg(id+".cause", principalName(d), orDefault(d.Action, "@unknown.action"), resourceWords(d)),
	}
	if d.PolicyARN != "" {
		f.Checks = append(f.Checks, msg("check.policyarn", d.PolicyARN))
	}
	if layer == "rcp" && d.Decision == authzmsg.ExplicitDeny {
		f.Checks = append(f.Checks, msg("generic.rcp.guardrail"))
	}
	if layer == "resource" && (d.Resource == "" || d.ResourceKind != "arn") {
		f.Checks = append(f.Checks, msg("generic.resource.unknown-resource"))
	}
	if layer == "scp" && d.Decision == authzmsg.ExplicitDeny {
		f.Notes = append(f.Notes, msg("generic.scp.note"))
		if d.Action == "" && d.PolicyARN == "" {
			// Which statement of which SCP denied is not known, nor what
			// it denies: how to find the SCPs that apply and read them.
			f.Checks = append(f.Checks, msg("generic.scp.find-deny",
				"aws organizations list-parents --child-id <ACCOUNT_ID>",
				"aws organizations list-policies-for-target --target-id <ACCOUNT_ID> --filter SERVICE_CONTROL_POLICY",
				"aws organizations describe-policy --policy-id <policy-id> --query Policy.Content --output text"))
		}
	}
	return f, true
}

// resourceWords is the resource the denial names, for a sentence: the
// KMS key of the ciphertext when the message names it so ("the resource
// associated with this ciphertext"), "*" when it names none.
func resourceWords(d *authzmsg.Denial) string {
	if d.CiphertextKey && d.Resource == "" {
		return "@unknown.ciphertext-key"
	}
	return orDefault(d.Resource, "*")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// layerWords returns a reference ("@" + i18n ID) to a layer's name.
func layerWords(layer string) string {
	if layer == "" {
		return "@layer.unknown"
	}
	return "@layer." + layer
}

// backupRelated reports whether the denial has to do with AWS Backup: its
// action, operation, resource, principal or job message.
func backupRelated(d *authzmsg.Denial) bool {
	if d.Backup != nil || d.Principal.IsBackupSession || service(d.Action) == "backup" || service(d.Action) == "backup-storage" {
		return true
	}
	if strings.Contains(strings.ToLower(d.Resource), ":backup") || strings.Contains(strings.ToLower(d.Principal.Name), "backup") {
		return true
	}
	return d.CloudTrail != nil && strings.HasPrefix(d.CloudTrail.EventSource, "backup")
}
