package fix

import (
	"regexp"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/policy"
)

// sink says how one kind of target takes a policy document: the CLI
// command that submits it, the command that fetches the current one, and
// the Terraform and CloudFormation that declare it.
type sink struct {
	noun string // "key policy", "boundary document", ...
	// put returns the command that submits the document given as a shell
	// word (a quoted JSON payload or file://FILE).
	put func(doc string) string
	// get fetches the current document into file; "" when there is no
	// such command.
	get  string
	file string
	// notes are comment lines that go before a complete submission.
	notes []string
	// tf declares the whole document (the node of its JSON).
	tf func(doc *node) string
	// cfn is the CloudFormation fragment that holds the whole document.
	cfn func(doc *node) string
	// what names the Terraform/CloudFormation object the document lives
	// in, for the comment on a partial rendering.
	tfWhat, cfnWhat string
}

// render fills f.Render.
func render(f *Fix, ri *reqInfo) {
	if f.Target.Kind == TargetRestoreJob || f.Target.Kind == TargetRequest {
		return
	}
	f.Render.PolicyKind = kindName(f.Target)
	defer markPlaceholders(f, ri)
	if f.Target.Kind == TargetIdentityPolicy {
		renderIdentityUnknown(f, ri)
		return
	}
	sk := sinkFor(f.Target, ri)
	var payload string
	var tree *node
	if f.Document != nil {
		f.Render.PolicyJSON = string(policy.Format(f.Document))
		b, _ := f.Document.MarshalJSON()
		payload = string(b)
		tree, _ = parseTree(b)
	}
	if sk.put == nil {
		f.Render.CLI = []string{"# This is the resource-based policy of " + describeName(f.Target) + ": apply the document with the " + serviceOf(f.Target.ARN) + " API call that sets that resource's policy (it replaces the whole policy)."}
		return
	}

	if f.Document != nil && f.Complete && tree != nil {
		f.Render.CLI = append(append(f.Render.CLI, sk.notes...), sk.put(shellQuote(payload)))
		if sk.tf != nil {
			f.Render.Terraform = sk.tf(tree)
		}
		if sk.cfn != nil {
			f.Render.CloudFormation = sk.cfn(tree)
		}
		return
	}

	// Only the change is known: fetch the current document, edit it,
	// submit it whole.
	change := "add the statement of the policy JSON to its Statement list"
	addWhat := "add this statement to the Statement list"
	switch {
	case f.Document == nil:
		change = "change the Deny that matches the request as the notes say"
	case f.Original != nil:
		change = "put the statement of the policy JSON in place of the Deny " + stmtName(f.Original)
		addWhat = "put this statement in place of the Deny " + stmtName(f.Original) + " in the Statement list"
	}
	f.Render.CLI = append(f.Render.CLI, "# The current "+sk.noun+" is not known and the update replaces it whole: fetch it, "+change+", and submit the result.")
	if sk.get != "" {
		f.Render.CLI = append(f.Render.CLI, sk.get+" > "+sk.file)
	}
	f.Render.CLI = append(f.Render.CLI, sk.put("file://"+sk.file))
	var st *node
	if f.Statement != nil && f.Document != nil {
		st, _ = parseTree(statementJSON(f.Statement))
	}
	if st == nil {
		f.Render.Terraform = "# Change the Deny in the " + sk.tfWhat + " as the notes say.\n"
		f.Render.CloudFormation = "# Change the Deny in the " + sk.cfnWhat + " as the notes say.\n"
		return
	}
	var b strings.Builder
	b.WriteString("# The current " + sk.noun + " is not known: " + addWhat + "\n# of the " + sk.tfWhat + ".\n")
	hclBlock(&b, "locals", nil, hclAttr{key: "denied_statement", val: st})
	f.Render.Terraform = b.String()
	var y strings.Builder
	y.WriteString("# The current " + sk.noun + " is not known: " + addWhat + "\n# of the " + sk.cfnWhat + ".\n")
	writeYAML(&y, arr(st), 0)
	f.Render.CloudFormation = y.String()
}

// renderIdentityUnknown renders a change to an identity-based policy of
// the principal when which one (inline or managed) is not known: the
// commands that list them, then how to change either kind.
func renderIdentityUnknown(f *Fix, ri *reqInfo) {
	who, flag, tfType, cfnType := "user", "--user-name", "aws_iam_user_policy", "AWS::IAM::UserPolicy"
	if isRoleARN(f.Target.ARN) {
		who, flag, tfType, cfnType = "role", "--role-name", "aws_iam_role_policy", "AWS::IAM::RolePolicy"
	}
	name := shellWord(orUnknown(f.Target.Name, "<iam-user-name>"))
	change := "change the Deny that matches the request as the notes say"
	switch {
	case f.Document != nil && f.Original != nil:
		change = "put the statement of the policy JSON in place of the Deny " + stmtName(f.Original)
	case f.Document != nil:
		change = "add the statement of the policy JSON to its Statement list"
	}
	f.Render.CLI = []string{
		"# Which identity-based policy of the " + who + " holds the Deny is not known. List its inline and its managed policies:",
		"aws iam list-" + who + "-policies " + flag + " " + name,
		"aws iam list-attached-" + who + "-policies " + flag + " " + name,
		"# If the Deny is in an inline policy: fetch it, " + change + ", and submit the result (put-" + who + "-policy replaces it whole).",
		"aws iam get-" + who + "-policy " + flag + " " + name + " --policy-name <policy-name> --query PolicyDocument --output json > policy.json",
		"aws iam put-" + who + "-policy " + flag + " " + name + " --policy-name <policy-name> --policy-document file://policy.json",
		"# If the Deny is in a customer managed policy: fetch its default version, change it the same way, and make the result the default version.",
		"aws iam get-policy-version --policy-arn <policy-arn> --version-id \"$(aws iam get-policy --policy-arn <policy-arn> --query Policy.DefaultVersionId --output text)\" --query PolicyVersion.Document --output json > policy.json",
		"aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://policy.json --set-as-default",
	}
	f.Render.Terraform = "# Change the Deny in the " + tfType + " or the aws_iam_policy (attached to " + who + " " + orUnknown(f.Target.Name, "<iam-user-name>") + ") that holds it, as the notes say.\n"
	f.Render.CloudFormation = "# Change the Deny in the PolicyDocument of the " + cfnType + " or the AWS::IAM::ManagedPolicy (attached to " + who + " " + orUnknown(f.Target.Name, "<iam-user-name>") + ") that holds it, as the notes say.\n"
	if f.Document != nil {
		f.Render.PolicyJSON = string(policy.Format(f.Document))
	}
}

// kindName names the kind of policy a target is, for the renderings.
func kindName(t Target) string {
	switch t.Kind {
	case TargetRoleInline:
		return "identity-based policy (inline policy of an IAM role)"
	case TargetUserInline:
		return "identity-based policy (inline policy of an IAM user)"
	case TargetManagedPolicy:
		return "identity-based policy (customer managed policy)"
	case TargetIdentityPolicy:
		return "identity-based policy (inline or managed)"
	case TargetBoundary:
		return "permissions boundary (managed policy)"
	case TargetSessionPolicy:
		return "session policy"
	case TargetSCP:
		return "service control policy (SCP)"
	case TargetRCP:
		return "resource control policy (RCP)"
	case TargetKeyPolicy:
		return "KMS key policy"
	case TargetTrustPolicy:
		return "role trust policy"
	case TargetVaultPolicy:
		return "AWS Backup vault access policy"
	case TargetBucketPolicy:
		return "S3 bucket policy"
	case TargetVPCEndpoint:
		return "VPC endpoint policy"
	}
	return "resource-based policy"
}

var placeholderRE = regexp.MustCompile(`<[^<>\n]{1,80}>`)

// markPlaceholders marks every command that holds a <placeholder> as not
// runnable as it is: a comment line before it names the placeholders and,
// for each, the command that finds its value. The placeholders are listed
// in Render.Placeholders.
func markPlaceholders(f *Fix, ri *reqInfo) {
	var out []string
	seen := map[string]bool{}
	for _, c := range f.Render.CLI {
		if strings.HasPrefix(c, "#") {
			out = append(out, c)
			continue
		}
		var ps []string
		for _, p := range placeholderRE.FindAllString(c, -1) {
			if !contains(ps, p) {
				ps = append(ps, p)
			}
		}
		if len(ps) > 0 {
			line := "# Not runnable as-is: replace " + strings.Join(ps, ", ") + " first."
			for _, p := range ps {
				if find := findCommand(p, f.Target, ri); find != "" && !seen[p] {
					line += " " + p + ": " + find
				}
				if !seen[p] {
					seen[p] = true
					f.Render.Placeholders = append(f.Render.Placeholders, p)
				}
			}
			out = append(out, line)
		}
		out = append(out, c)
	}
	f.Render.CLI = out
}

// findCommand is the read-only command that finds the value of a
// placeholder, or "".
func findCommand(p string, t Target, ri *reqInfo) string {
	who, flag := "user", "--user-name"
	if t.Kind == TargetRoleInline || isRoleARN(t.ARN) || ri.p.Kind == authz.PrincipalSession || ri.p.Kind == authz.PrincipalRole {
		who, flag = "role", "--role-name"
	}
	name := shellWord(orUnknown(t.Name, ri.p.Name))
	if t.Kind != TargetRoleInline && t.Kind != TargetUserInline && t.Kind != TargetIdentityPolicy {
		name = shellWord(ri.p.Name)
	}
	switch p {
	case "<policy-id>":
		filter := "SERVICE_CONTROL_POLICY"
		if t.Kind == TargetRCP {
			filter = "RESOURCE_CONTROL_POLICY"
		}
		return "aws organizations list-policies --filter " + filter + " --query 'Policies[].[Id,Name]' --output text"
	case "<vpc-endpoint-id>":
		svc := ri.service
		if svc == "" {
			svc = "<service>"
		}
		region := ri.res[3]
		if region == "" {
			region = "<region>"
		}
		return "aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=com.amazonaws." + region + "." + svc + " --query 'VpcEndpoints[].[VpcEndpointId,VpcId]' --output text"
	case "<permissions-boundary-policy-arn>":
		if ri.p.Name == "" {
			return ""
		}
		key := "User"
		if who == "role" {
			key = "Role"
		}
		return "aws iam get-" + who + " " + flag + " " + shellWord(ri.p.Name) + " --query " + key + ".PermissionsBoundary.PermissionsBoundaryArn --output text"
	case "<policy-arn>":
		if name == "''" {
			return ""
		}
		return "aws iam list-attached-" + who + "-policies " + flag + " " + name
	case "<policy-name>":
		if name == "''" {
			return ""
		}
		return "aws iam list-" + who + "-policies " + flag + " " + name
	case "<key-id>":
		return "aws kms list-aliases --query 'Aliases[].[AliasName,TargetKeyId]' --output text"
	case "<backup-vault-name>":
		return "aws backup list-backup-vaults --query 'BackupVaultList[].BackupVaultName' --output text"
	case "<role-name>":
		return "aws iam list-roles --query 'Roles[].[RoleName,Arn]' --output text"
	case "<user-name>", "<iam-user-name>":
		return "aws iam list-users --query 'Users[].[UserName,Arn]' --output text"
	case "<ACCOUNT_ID>":
		return "aws sts get-caller-identity --query Account --output text"
	}
	return ""
}

// sinkFor returns how target t takes a document.
func sinkFor(t Target, ri *reqInfo) sink {
	name := t.Name
	switch t.Kind {
	case TargetRoleInline, TargetUserInline:
		who, flag, tfType, tfKey, cfnType, cfnKey := "role", "--role-name", "aws_iam_role_policy", "role", "AWS::IAM::RolePolicy", "RoleName"
		if t.Kind == TargetUserInline {
			who, flag, tfType, tfKey, cfnType, cfnKey = "user", "--user-name", "aws_iam_user_policy", "user", "AWS::IAM::UserPolicy", "UserName"
			if name == "" {
				name = "<iam-user-name>"
			}
		}
		return sink{
			noun: "inline policy",
			put: func(doc string) string {
				return "aws iam put-" + who + "-policy " + flag + " " + shellWord(name) + " --policy-name " + shellWord(t.PolicyName) + " --policy-document " + doc
			},
			tf: func(doc *node) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{tfType, tfName(t.PolicyName)},
					hclAttr{key: "name", val: str(t.PolicyName)},
					hclAttr{key: tfKey, val: str(name)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				return cfnResource(cfnID(t.PolicyName), cfnType, "PolicyName", str(t.PolicyName), cfnKey, str(name), "PolicyDocument", doc)
			},
		}

	case TargetManagedPolicy, TargetBoundary:
		arn := orUnknown(t.ARN, "<policy-arn>")
		noun := "policy document"
		if t.Kind == TargetBoundary {
			arn = orUnknown(t.ARN, "<permissions-boundary-policy-arn>")
			noun = "boundary document"
		}
		pname := orUnknown(t.Name, "<policy-name>")
		tfRes := tfName(pname)
		return sink{
			noun: noun,
			put: func(doc string) string {
				return "aws iam create-policy-version --policy-arn " + shellWord(arn) + " --policy-document " + doc + " --set-as-default"
			},
			get:  "aws iam get-policy-version --policy-arn " + shellWord(arn) + " --version-id \"$(aws iam get-policy --policy-arn " + shellWord(arn) + " --query Policy.DefaultVersionId --output text)\" --query PolicyVersion.Document --output json",
			file: "policy.json",
			notes: []string{
				"# create-policy-version replaces the whole " + noun + ": this is the current document with the change merged in.",
				"# A managed policy keeps at most 5 versions; if it has 5, delete the oldest first (aws iam list-policy-versions --policy-arn " + shellWord(arn) + ").",
			},
			tf: func(doc *node) string {
				var b strings.Builder
				if t.ARN != "" {
					hclBlock(&b, "import", nil, hclAttr{key: "to", expr: "aws_iam_policy." + tfRes}, hclAttr{key: "id", val: str(t.ARN)})
					b.WriteByte('\n')
				}
				attrs := []hclAttr{{key: "name", val: str(pname)}}
				if p := policyPath(t.ARN); p != "/" {
					attrs = append(attrs, hclAttr{key: "path", val: str(p)})
				}
				attrs = append(attrs, hclAttr{key: "policy", val: doc, call: "jsonencode"})
				hclBlock(&b, "resource", []string{"aws_iam_policy", tfRes}, attrs...)
				return b.String()
			},
			cfn: func(doc *node) string {
				props := []any{"ManagedPolicyName", str(pname)}
				if p := policyPath(t.ARN); p != "/" {
					props = append(props, "Path", str(p))
				}
				return cfnResource(cfnID(pname), "AWS::IAM::ManagedPolicy", append(props, "PolicyDocument", doc)...)
			},
			tfWhat:  "aws_iam_policy that manages " + arn,
			cfnWhat: "PolicyDocument of the AWS::IAM::ManagedPolicy that defines " + arn,
		}

	case TargetSessionPolicy:
		roleARN, session := orUnknown(ri.roleARN, "<role-arn>"), orUnknown(ri.p.Session, "<session-name>")
		put := func(doc string) string {
			return "aws sts assume-role --role-arn " + shellWord(roleARN) + " --role-session-name " + shellWord(session) + " --policy " + doc
		}
		if ri.p.Kind == authz.PrincipalFederated {
			put = func(doc string) string {
				return "aws sts get-federation-token --name " + shellWord(ri.p.Name) + " --policy " + doc
			}
		}
		return sink{
			noun:  "session policy",
			put:   put,
			notes: []string{"# The session policy is passed by whoever calls AssumeRole or GetFederationToken: widen it there; no policy in the account changes."},
			tf: func(doc *node) string {
				if ri.p.Kind == authz.PrincipalFederated {
					return "# The session policy is passed to GetFederationToken by whoever creates the session: Terraform does not declare it.\n"
				}
				var b strings.Builder
				b.WriteString("# The session policy is passed by whoever creates the session; in Terraform, the provider's assume_role block:\n")
				b.WriteString("provider \"aws\" {\n  assume_role {\n")
				writeBody(&b, []hclAttr{{val: str(roleARN)}, {val: str(session)}, {val: doc, call: "jsonencode"}}, []string{"role_arn", "session_name", "policy"}, 2)
				b.WriteString("  }\n}\n")
				return b.String()
			},
			cfn: func(*node) string {
				return "# Session policies are not CloudFormation resources: pass the policy JSON where the session is created (AssumeRole, GetFederationToken).\n"
			},
			tfWhat:  "session policy passed to AssumeRole (the policy of the provider's assume_role block)",
			cfnWhat: "session policy passed to AssumeRole (not a CloudFormation resource)",
		}

	case TargetSCP, TargetRCP:
		typ, filter := "SERVICE_CONTROL_POLICY", "SERVICE_CONTROL_POLICY"
		if t.Kind == TargetRCP {
			typ, filter = "RESOURCE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"
		}
		id := orUnknown(t.PolicyID, "<policy-id>")
		pname := orUnknown(t.Name, orUnknown(t.PolicyID, "<policy-name>"))
		tfRes := tfName(orUnknown(t.Name, orUnknown(t.PolicyID, "policy")))
		notes := []string{"# update-policy replaces the whole policy: this is the current document with the change merged in."}
		if t.PolicyID == "" {
			notes = append(notes, "# Find the policy ID with: aws organizations list-policies --filter "+filter)
		}
		return sink{
			noun: "policy",
			put: func(doc string) string {
				return "aws organizations update-policy --policy-id " + shellWord(id) + " --content " + doc
			},
			get:   "aws organizations describe-policy --policy-id " + shellWord(id) + " --query Policy.Content --output text",
			file:  "policy.json",
			notes: notes,
			tf: func(doc *node) string {
				var b strings.Builder
				if t.PolicyID != "" {
					hclBlock(&b, "import", nil, hclAttr{key: "to", expr: "aws_organizations_policy." + tfRes}, hclAttr{key: "id", val: str(t.PolicyID)})
					b.WriteByte('\n')
				}
				if t.Name == "" {
					b.WriteString("# name: keep the policy's current name (aws organizations describe-policy --policy-id " + id + ").\n")
				}
				hclBlock(&b, "resource", []string{"aws_organizations_policy", tfRes},
					hclAttr{key: "name", val: str(pname)},
					hclAttr{key: "type", val: str(typ)},
					hclAttr{key: "content", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				props := []any{"Name", str(pname), "Type", str(typ), "Content", doc}
				if t.AttachedTo != "" {
					props = append(props, "TargetIds", arr(str(t.AttachedTo)))
				}
				return cfnResource(cfnID(pname), "AWS::Organizations::Policy", props...)
			},
			tfWhat:  "aws_organizations_policy " + id,
			cfnWhat: "Content of the AWS::Organizations::Policy " + id,
		}

	case TargetKeyPolicy:
		key := orUnknown(name, "<key-id>")
		region := regionFlag(t.Region)
		return sink{
			noun: "key policy",
			put: func(doc string) string {
				return "aws kms put-key-policy --key-id " + shellWord(key) + " --policy-name default --policy " + doc + region
			},
			get:   "aws kms get-key-policy --key-id " + shellWord(key) + " --policy-name default --query Policy --output text" + region,
			file:  "key-policy.json",
			notes: []string{"# put-key-policy replaces the whole key policy: this is the current one with the change merged in."},
			tf: func(doc *node) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_kms_key_policy", tfName("key_" + lastSegment(key))},
					hclAttr{key: "key_id", val: str(key)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				return "# KeyPolicy of the AWS::KMS::Key that defines " + key + " (the whole key policy; keep the key's other properties):\n" +
					cfnResource("Key", "AWS::KMS::Key", "KeyPolicy", doc)
			},
			tfWhat:  "aws_kms_key_policy (or the policy of the aws_kms_key) of " + key,
			cfnWhat: "KeyPolicy of the AWS::KMS::Key that defines " + key,
		}

	case TargetTrustPolicy:
		return sink{
			noun: "trust policy",
			put: func(doc string) string {
				return "aws iam update-assume-role-policy --role-name " + shellWord(name) + " --policy-document " + doc
			},
			get:   "aws iam get-role --role-name " + shellWord(name) + " --query Role.AssumeRolePolicyDocument --output json",
			file:  "trust-policy.json",
			notes: []string{"# update-assume-role-policy replaces the whole trust policy: this is the current one with the change merged in."},
			tf: func(doc *node) string {
				var b strings.Builder
				b.WriteString("# assume_role_policy of the aws_iam_role that manages role " + name + " (keep its other arguments):\n")
				hclBlock(&b, "resource", []string{"aws_iam_role", tfName(name)},
					hclAttr{key: "name", val: str(name)},
					hclAttr{key: "assume_role_policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				return "# AssumeRolePolicyDocument of the AWS::IAM::Role " + name + " (keep its other properties):\n" +
					cfnResource(cfnID(name), "AWS::IAM::Role", "RoleName", str(name), "AssumeRolePolicyDocument", doc)
			},
			tfWhat:  "assume_role_policy of the aws_iam_role " + name,
			cfnWhat: "AssumeRolePolicyDocument of the AWS::IAM::Role " + name,
		}

	case TargetVaultPolicy:
		name = orUnknown(name, "<backup-vault-name>")
		region := regionFlag(t.Region)
		return sink{
			noun: "vault access policy",
			put: func(doc string) string {
				return "aws backup put-backup-vault-access-policy --backup-vault-name " + shellWord(name) + " --policy " + doc + region
			},
			get:   "aws backup get-backup-vault-access-policy --backup-vault-name " + shellWord(name) + " --query Policy --output text" + region,
			file:  "vault-policy.json",
			notes: []string{"# put-backup-vault-access-policy replaces the whole access policy: this is the current one with the change merged in."},
			tf: func(doc *node) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_backup_vault_policy", tfName(name)},
					hclAttr{key: "backup_vault_name", val: str(name)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				return "# AccessPolicy of the AWS::Backup::BackupVault " + name + " (keep its other properties):\n" +
					cfnResource(cfnID(name), "AWS::Backup::BackupVault", "BackupVaultName", str(name), "AccessPolicy", doc)
			},
			tfWhat:  "aws_backup_vault_policy of vault " + name,
			cfnWhat: "AccessPolicy of the AWS::Backup::BackupVault " + name,
		}

	case TargetBucketPolicy:
		return sink{
			noun: "bucket policy",
			put: func(doc string) string {
				return "aws s3api put-bucket-policy --bucket " + shellWord(name) + " --policy " + doc
			},
			get:   "aws s3api get-bucket-policy --bucket " + shellWord(name) + " --query Policy --output text",
			file:  "bucket-policy.json",
			notes: []string{"# put-bucket-policy replaces the whole bucket policy: this is the current one with the change merged in."},
			tf: func(doc *node) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_s3_bucket_policy", tfName(name)},
					hclAttr{key: "bucket", val: str(name)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				return cfnResource(cfnID(name)+"Policy", "AWS::S3::BucketPolicy", "Bucket", str(name), "PolicyDocument", doc)
			},
			tfWhat:  "aws_s3_bucket_policy of bucket " + name,
			cfnWhat: "PolicyDocument of the AWS::S3::BucketPolicy of bucket " + name,
		}

	case TargetVPCEndpoint:
		id := orUnknown(t.PolicyID, "<vpc-endpoint-id>")
		return sink{
			noun: "endpoint policy",
			put: func(doc string) string {
				return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + shellWord(id) + " --policy-document " + doc
			},
			get:   "aws ec2 describe-vpc-endpoints --vpc-endpoint-ids " + shellWord(id) + " --query 'VpcEndpoints[0].PolicyDocument' --output text",
			file:  "endpoint-policy.json",
			notes: []string{"# modify-vpc-endpoint replaces the whole endpoint policy: this is the current one with the change merged in."},
			tf: func(doc *node) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_vpc_endpoint_policy", tfName(id)},
					hclAttr{key: "vpc_endpoint_id", val: str(id)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				return "# PolicyDocument of the AWS::EC2::VPCEndpoint " + id + " (keep its other properties):\n" +
					cfnResource("Endpoint", "AWS::EC2::VPCEndpoint", "PolicyDocument", doc)
			},
			tfWhat:  "aws_vpc_endpoint_policy of " + id,
			cfnWhat: "PolicyDocument of the AWS::EC2::VPCEndpoint " + id,
		}
	case TargetResourcePolicy:
		return resourceSink(t)
	}
	return sink{}
}

// resourceSink is how the resource-based policies of other services take
// a document, for the services whose policy is one document set by one
// command.
func resourceSink(t Target) sink {
	parts, n := arn.Fields(t.ARN)
	if n < 6 {
		return sink{}
	}
	svc, region, res := parts[2], regionFlag(parts[3]), parts[5]
	quoted := shellWord(t.ARN)
	switch {
	case svc == "secretsmanager" && strings.HasPrefix(res, "secret:"):
		return sink{
			noun: "secret's resource policy",
			put: func(doc string) string {
				return "aws secretsmanager put-resource-policy --secret-id " + quoted + " --resource-policy " + doc + region
			},
			get:   "aws secretsmanager get-resource-policy --secret-id " + quoted + " --query ResourcePolicy --output text" + region,
			file:  "secret-policy.json",
			notes: []string{"# put-resource-policy replaces the whole resource policy of the secret: this is the current one with the change merged in."},
			tf: func(doc *node) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_secretsmanager_secret_policy", tfName(lastSegment(strings.TrimPrefix(res, "secret:")))},
					hclAttr{key: "secret_arn", val: str(t.ARN)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				return cfnResource("SecretPolicy", "AWS::SecretsManager::ResourcePolicy", "SecretId", str(t.ARN), "ResourcePolicy", doc)
			},
			tfWhat:  "aws_secretsmanager_secret_policy of " + t.ARN,
			cfnWhat: "ResourcePolicy of the AWS::SecretsManager::ResourcePolicy of " + t.ARN,
		}
	case svc == "sqs":
		url := "https://sqs." + parts[3] + ".amazonaws.com/" + parts[4] + "/" + res
		return sink{
			noun: "queue policy",
			put: func(string) string {
				return "aws sqs set-queue-attributes --queue-url " + shellWord(url) + " --attributes file://queue-attributes.json" + region
			},
			get:  "aws sqs get-queue-attributes --queue-url " + shellWord(url) + " --attribute-names Policy --query Attributes.Policy --output text" + region,
			file: "policy.json",
			notes: []string{
				"# set-queue-attributes takes the policy as a string attribute and replaces the whole queue policy: write the policy JSON to policy.json, then",
				"# wrap it: jq -n --rawfile p policy.json '{Policy: $p}' > queue-attributes.json",
			},
			tf: func(doc *node) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_sqs_queue_policy", tfName(res)},
					hclAttr{key: "queue_url", val: str(url)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				return cfnResource("QueuePolicy", "AWS::SQS::QueuePolicy", "Queues", arr(str(url)), "PolicyDocument", doc)
			},
			tfWhat:  "aws_sqs_queue_policy of " + url,
			cfnWhat: "PolicyDocument of the AWS::SQS::QueuePolicy of " + url,
		}
	case svc == "sns":
		return sink{
			noun: "topic policy",
			put: func(doc string) string {
				return "aws sns set-topic-attributes --topic-arn " + quoted + " --attribute-name Policy --attribute-value " + doc + region
			},
			get:   "aws sns get-topic-attributes --topic-arn " + quoted + " --query Attributes.Policy --output text" + region,
			file:  "topic-policy.json",
			notes: []string{"# set-topic-attributes replaces the whole topic policy: this is the current one with the change merged in."},
			tf: func(doc *node) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_sns_topic_policy", tfName(lastSegment(res))},
					hclAttr{key: "arn", val: str(t.ARN)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				return cfnResource("TopicPolicy", "AWS::SNS::TopicPolicy", "Topics", arr(str(t.ARN)), "PolicyDocument", doc)
			},
			tfWhat:  "aws_sns_topic_policy of " + t.ARN,
			cfnWhat: "PolicyDocument of the AWS::SNS::TopicPolicy of " + t.ARN,
		}
	case svc == "ecr" && strings.HasPrefix(res, "repository/"):
		repo := shellWord(strings.TrimPrefix(res, "repository/"))
		return sink{
			noun: "repository policy",
			put: func(doc string) string {
				return "aws ecr set-repository-policy --repository-name " + repo + " --policy-text " + doc + region
			},
			get:   "aws ecr get-repository-policy --repository-name " + repo + " --query policyText --output text" + region,
			file:  "repository-policy.json",
			notes: []string{"# set-repository-policy replaces the whole repository policy: this is the current one with the change merged in."},
			tf: func(doc *node) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_ecr_repository_policy", tfName(strings.TrimPrefix(res, "repository/"))},
					hclAttr{key: "repository", val: str(strings.TrimPrefix(res, "repository/"))},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node) string {
				return "# RepositoryPolicyText of the AWS::ECR::Repository " + strings.TrimPrefix(res, "repository/") + " (keep its other properties):\n" +
					cfnResource("Repository", "AWS::ECR::Repository", "RepositoryName", str(strings.TrimPrefix(res, "repository/")), "RepositoryPolicyText", doc)
			},
			tfWhat:  "aws_ecr_repository_policy of " + strings.TrimPrefix(res, "repository/"),
			cfnWhat: "RepositoryPolicyText of the AWS::ECR::Repository " + strings.TrimPrefix(res, "repository/"),
		}
	}
	return sink{}
}

// cfnResource writes a CloudFormation template with one resource.
func cfnResource(id, typ string, props ...any) string {
	var b strings.Builder
	writeYAML(&b, obj("Resources", obj(id, obj("Type", str(typ), "Properties", obj(props...)))), 0)
	return b.String()
}

// cfnID turns s into a CloudFormation logical ID: its letters and digits,
// each word capitalized.
func cfnID(s string) string {
	var b strings.Builder
	up := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			if up {
				c -= 'a' - 'A'
			}
			b.WriteByte(c)
			up = false
		case c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			b.WriteByte(c)
			up = false
		default:
			up = true
		}
	}
	if b.Len() == 0 {
		return "Policy"
	}
	return b.String()
}

// policyPath returns the IAM path of a managed policy ARN ("/" when none).
func policyPath(arn string) string {
	_, res, ok := strings.Cut(arn, ":policy/")
	if !ok {
		return "/"
	}
	i := strings.LastIndexByte(res, '/')
	if i < 0 {
		return "/"
	}
	return "/" + res[:i+1]
}

func regionFlag(region string) string {
	if region == "" || strings.ContainsAny(region, "*?") {
		return ""
	}
	return " --region " + region
}

// shellQuote quotes s for a POSIX shell: in single quotes, each single
// quote inside closing the quotes, escaped, and reopening them:
//
//	it's  ->  'it'\''s'
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// shellWord returns s as it is when the shell reads it literally, else
// quoted. Placeholders such as <key-id> are left as they are, to be
// replaced.
func shellWord(s string) string {
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") && !strings.ContainsAny(s, " '") {
		return s
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_-+=,.@:/", c) >= 0) {
			return shellQuote(s)
		}
	}
	if s == "" {
		return "''"
	}
	return s
}

// serviceOf is the service prefix of an ARN, or "service's" when unknown.
func serviceOf(s string) string {
	if parts, n := arn.Fields(s); n == 6 && parts[2] != "" {
		return parts[2]
	}
	return "service's"
}
