package fix

import (
	"fmt"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/policy"
)

// AWS Backup specifics: the restore role passing an EC2 instance role
// (the Knowledge Center scenario), and the vault-creation permission set.

// backupDefaultRole is the role the AWS Backup console creates, under the
// path /service-role/.
const backupDefaultRole = "AWSBackupDefaultServiceRole"

// backupSession reports whether the requester is a role session opened
// by AWS Backup: it names its sessions AWSBackup-<RoleName>.
func (ri *reqInfo) backupSession() bool {
	return ri.p.Kind == authz.PrincipalSession && strings.HasPrefix(ri.p.Session, "AWSBackup-")
}

func (ri *reqInfo) passRole() bool {
	return strings.EqualFold(ri.action, "iam:PassRole") && ri.res[2] == "iam" && strings.HasPrefix(ri.res[5], "role/")
}

// passedToService returns the iam:PassedToService of an iam:PassRole
// request: the request's own, else, for an AWS Backup restore session
// passing a role, ec2.amazonaws.com (an EC2 restore passing the
// instance's role), reported as inferred.
func (ri *reqInfo) passedToService() (svc string, inferred bool) {
	if !ri.passRole() {
		return "", false
	}
	if v, ok := ri.ctxValue("iam:PassedToService"); ok {
		return v, false
	}
	if ri.backupSession() {
		return "ec2.amazonaws.com", true
	}
	return "", false
}

// restoreWithoutInstanceRole is the Knowledge Center's non-IAM fix: restore
// with "Proceed with no IAM role", so that nothing is passed to EC2, and
// attach the instance profile afterwards.
func (s *synth) restoreWithoutInstanceRole() (Fix, bool) {
	ri := s.ri
	if !ri.backupSession() || s.passedTo != "ec2.amazonaws.com" {
		return Fix{}, false
	}
	role := ri.resourceName()
	profile := s.opt.InstanceProfile
	if profile == "" {
		profile = role
	}
	f := Fix{
		ID:       "restore-without-instance-role",
		Kind:     Alternative,
		Title:    fmt.Sprintf("Restore with \"Proceed with no IAM role\", then attach the instance profile of %s to the restored instance", role),
		TitleMsg: msg("fix.title.restore-without-instance-role", role),
		Target:   Target{Kind: TargetRestoreJob, Name: ri.p.Name, ARN: ri.roleARN},
		Notes: []Note{{ID: "no-policy-change", Text: fmt.Sprintf("No policy changes: the restore role %s passes no role to EC2, so it makes no iam:PassRole request. Whoever attaches the instance profile afterwards needs ec2:AssociateIamInstanceProfile and iam:PassRole on %s.", ri.p.Name, ri.resource),
			Args: []string{ri.p.Name, ri.resource}}},
	}
	f.Render.CLI = []string{
		"# Restore with \"Proceed with no IAM role\": the IamInstanceProfileName restore metadata key is omitted,",
		fmt.Sprintf("# so the restore role %s passes no role to EC2 and needs no iam:PassRole.", ri.p.Name),
		"aws backup get-recovery-point-restore-metadata --backup-vault-name <backup-vault-name> --recovery-point-arn <recovery-point-arn> --query RestoreMetadata --output json > restore-metadata.json",
		"jq 'del(.IamInstanceProfileName)' restore-metadata.json > restore-metadata-no-role.json",
		fmt.Sprintf("aws backup start-restore-job --recovery-point-arn <recovery-point-arn> --iam-role-arn %s --resource-type EC2 --metadata file://restore-metadata-no-role.json", shellWord(ri.roleARN)),
		"# When the job has completed, find the instance (aws backup describe-restore-job --restore-job-id <restore-job-id> --query CreatedResourceArn)",
		fmt.Sprintf("# and attach the instance profile that holds %s (the console names it after the role; aws iam list-instance-profiles-for-role --role-name %s):", role, role),
		fmt.Sprintf("aws ec2 associate-iam-instance-profile --instance-id <restored-instance-id> --iam-instance-profile Name=%s", shellWord(profile)),
	}
	return f, true
}

// passRoleAnyRole is the articles' fix: iam:PassRole on every role of the
// account. It works, and it is a privilege escalation path.
func (s *synth) passRoleAnyRole() (Fix, bool) {
	ri := s.ri
	if !ri.passRole() {
		return Fix{}, false
	}
	t, ok := s.identityTarget("denied-allow-passrole-any-role")
	if !ok {
		return Fix{}, false
	}
	acct := ri.res[4]
	st := &policy.Statement{Sid: "AllowPassAnyRole", HasSid: true, Effect: policy.Allow, Action: []string{"iam:PassRole"}, Resource: []string{"arn:" + ri.res[1] + ":iam::" + acct + ":role/*"}}
	doc := newPolicy(st)
	pf, pargs := principalForm(t)
	// "The role R", "The user U", "The IAM user that called ...".
	who := describePrincipal(t)
	if rest, ok := strings.CutPrefix(who, "the "); ok {
		who = "The " + rest
	} else {
		who = "The " + who
	}
	service := orUnknown(s.passedTo, "EC2")
	f := Fix{
		ID:        "passrole-any-role",
		Kind:      Broad,
		Layer:     authz.LayerIdentity.String(),
		Title:     fmt.Sprintf("Allow iam:PassRole on every role of account %s in a new inline policy %s %s (the fix some articles give)", acct, t.PolicyName, describePrincipalOn(t)),
		TitleMsg:  msg("fix.title.passrole-any-role."+pf, concat([]string{acct, t.PolicyName}, pargs)...),
		Target:    t,
		Statement: st,
		Document:  doc,
		Complete:  true,
		Risk: fmt.Sprintf("%s could pass any role of account %s, administrator roles included, and with no iam:PassedToService condition to any service, not only %s: whoever can start a restore with it, or assume it, could launch an instance that runs as an administrator role. That is a privilege escalation path; the least-privilege fix names the one role and the one service.",
			who, acct, service),
		RiskMsg: riskMsg("fix.risk.passrole-any-role."+pf, concat(pargs, []string{acct, service})...),
	}
	f.apply = addIdentityPolicy(t.PolicyName, doc)
	return f, true
}

// restoresPolicyNote says that AWS's managed restore policy allows the
// request since its version v25.
func (s *synth) restoresPolicyNote() (Note, bool) {
	if !s.ri.backupSession() || !s.ri.passRole() {
		return Note{}, false
	}
	switch s.passedTo {
	case "ec2.amazonaws.com", "eks.amazonaws.com", "pods.eks.amazonaws.com", "backup.amazonaws.com":
	default:
		return Note{}, false
	}
	return Note{ID: "managed-restores-policy-allows-passrole", Text: "The AWS managed policy AWSBackupServiceRolePolicyForRestores allows this iam:PassRole since its version v25 of 2025-11-10 " +
		"(statement CreateClusterIAMPerms: any role, when iam:PassedToService is ec2.amazonaws.com, eks.amazonaws.com, pods.eks.amazonaws.com or backup.amazonaws.com). " +
		"A restore role that has that managed policy attached and is still refused points at a permissions boundary or an SCP, not at the role's own policies."}, true
}

// CreateVaultPolicy returns the identity policy that lets a caller create
// the AWS Backup vault vaultARN encrypted with the customer managed key
// keyARN: the permission set of the Knowledge Center article
// (backup:CreateBackupVault on the vault, backup-storage:MountCapsule on
// "*", and kms:CreateGrant, kms:DescribeKey, kms:RetireGrant, kms:Decrypt
// and kms:GenerateDataKey on the key). With keyARN "" (the vault uses the
// AWS managed key aws/backup) the KMS statement is left out. The key's
// policy must also admit the caller, directly or by delegating to IAM.
func CreateVaultPolicy(vaultARN, keyARN string) *policy.Policy {
	return createVaultPolicy(vaultARN, keyARN, false)
}

// CreateTaggedVaultPolicy is CreateVaultPolicy for a vault created with
// tags: CreateBackupVault then also authorizes backup:TagResource.
func CreateTaggedVaultPolicy(vaultARN, keyARN string) *policy.Policy {
	return createVaultPolicy(vaultARN, keyARN, true)
}

func createVaultPolicy(vaultARN, keyARN string, tags bool) *policy.Policy {
	if vaultARN == "" {
		vaultARN = "*"
	}
	vault := &policy.Statement{Sid: "CreateBackupVault", HasSid: true, Effect: policy.Allow, Action: []string{"backup:CreateBackupVault"}, Resource: []string{vaultARN}}
	if tags {
		vault.Action = append(vault.Action, "backup:TagResource")
	}
	p := newPolicy(vault,
		&policy.Statement{Sid: "BackupStorage", HasSid: true, Effect: policy.Allow, Action: []string{"backup-storage:MountCapsule"}, Resource: []string{"*"}})
	if keyARN != "" {
		p.Statements = append(p.Statements, &policy.Statement{Sid: "VaultKey", HasSid: true, Effect: policy.Allow,
			Action:   []string{"kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant", "kms:Decrypt", "kms:GenerateDataKey"},
			Resource: []string{keyARN}})
	}
	return p
}

// describePrincipalOn is "on " + describePrincipal(t).
func describePrincipalOn(t Target) string { return "on " + describePrincipal(t) }
