package fix

import (
	"fmt"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/internal/i18n"
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
		TitleMsg: msg("fix.title.restore-without-instance-role", role),
		Target:   Target{Kind: TargetRestoreJob, Name: ri.p.Name, ARN: ri.roleARN},
		Notes:    []Note{note("no-policy-change", ri.p.Name, ri.resource)},
	}
	c := f.Render.comment
	f.Render.CLI = []string{
		c(i18n.M("fixcli.restore-no-role-1")),
		c(i18n.M("fixcli.restore-no-role-2", ri.p.Name)),
		"aws backup get-recovery-point-restore-metadata --backup-vault-name <backup-vault-name> --recovery-point-arn <recovery-point-arn> --query RestoreMetadata --output json > restore-metadata.json",
		"jq 'del(.IamInstanceProfileName)' restore-metadata.json > restore-metadata-no-role.json",
		fmt.Sprintf("aws backup start-restore-job --recovery-point-arn <recovery-point-arn> --iam-role-arn %s --resource-type EC2 --metadata file://restore-metadata-no-role.json", shellWord(ri.roleARN)),
		c(i18n.M("fixcli.restore-no-role-3", "aws backup describe-restore-job --restore-job-id <restore-job-id> --query CreatedResourceArn")),
		c(i18n.M("fixcli.restore-no-role-4", role, "aws iam list-instance-profiles-for-role --role-name "+role)),
		fmt.Sprintf("aws ec2 associate-iam-instance-profile --instance-id <restored-instance-id> --iam-instance-profile Name=%s", shellWord(profile)),
	}
	return f, true
}

// passRoleAnyRole is the articles' fix: iam:PassRole on every role of the
// account. It works, and it is a privilege escalation path.
func (s *synth) passRoleAnyRole() (Fix, bool) {
	ri := s.ri
	if !ri.passRole() || ri.p.ServiceLinked() {
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
	service := orUnknown(s.passedTo, "EC2")
	f := Fix{
		ID:        "passrole-any-role",
		Kind:      Broad,
		Layer:     authz.LayerIdentity.String(),
		TitleMsg:  msg("fix.title.passrole-any-role."+pf, concat([]string{acct, t.PolicyName}, pargs)...),
		Target:    t,
		Statement: st,
		Document:  doc,
		Complete:  true,
		RiskMsg:   riskMsg("fix.risk.passrole-any-role."+pf, concat(pargs, []string{acct, service})...),
	}
	f.edit = addIdentityPolicy(t.PolicyName, doc)
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
	return note("managed-restores-policy-allows-passrole"), true
}

// CreateVaultPolicy returns the identity policy that lets a caller create
// the AWS Backup vault vaultARN encrypted with the customer managed key
// keyARN: the permission set of the Knowledge Center article
// (backup:CreateBackupVault on the vault, backup-storage:MountCapsule on
// "*", and kms:CreateGrant, kms:DescribeKey, kms:RetireGrant, kms:Decrypt
// and kms:GenerateDataKey on the key), as catalog/backupops lists it for
// the operation create-vault/cmk. With keyARN "" (the vault uses the
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

// createVaultPolicy is the caller's requirements of the backupops
// operation create-vault/cmk as an identity policy: one statement per
// resource (the vault, "*", the key), in the catalog's order. The
// operation's optional requirement (backup:TagResource, when tags are
// given) is in it when tags is set; the key's when keyARN is given.
func createVaultPolicy(vaultARN, keyARN string, tags bool) *policy.Policy {
	if vaultARN == "" {
		vaultARN = "*"
	}
	op, ok := backupops.Lookup("create-vault/cmk")
	if !ok {
		panic("fix: backupops has no operation create-vault/cmk")
	}
	p := newPolicy()
	bySid := map[string]*policy.Statement{}
	for _, r := range op.Requirements {
		if r.Principal != backupops.Caller || r.Applies == backupops.OnOption && !tags {
			continue
		}
		var sid, res string
		switch {
		case r.Resource == "*":
			sid, res = "BackupStorage", "*"
		case strings.Contains(r.Resource, "${KeyARN}"):
			if keyARN == "" {
				continue // the AWS managed key aws/backup: no KMS statement
			}
			sid, res = "VaultKey", keyARN
		case strings.Contains(r.Resource, ":backup-vault:"):
			sid, res = "CreateBackupVault", vaultARN
		default:
			continue
		}
		st := bySid[sid]
		if st == nil {
			st = &policy.Statement{Sid: sid, HasSid: true, Effect: policy.Allow, Resource: []string{res}}
			bySid[sid] = st
			p.Statements = append(p.Statements, st)
		}
		st.Action = append(st.Action, r.Action)
	}
	return p
}
