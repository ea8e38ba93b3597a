package fix

import (
	"regexp"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/policy"
)

// sink says how one kind of target takes a policy document: the CLI
// command that submits it, the command that fetches the current one, and
// the Terraform and CloudFormation that declare it.
type sink struct {
	noun string // "@fixcli.phrase.key-policy", "@fixcli.phrase.boundary-document", ...
	// put returns the command that submits the document given as a shell
	// word (a quoted JSON payload or file://FILE).
	put func(doc string) string
	// get fetches the current document into file; "" when there is no
	// such command.
	get  string
	file string
	// notes are comment lines that go before a complete submission.
	notes []i18n.Message
	// after are the commands that follow the submission (attaching a
	// customer managed copy in place of an AWS managed policy).
	after []string
	// tf declares the whole document (the node of its JSON); its comment
	// lines are written with c.
	tf func(doc *node, c commenter) string
	// cfn is the CloudFormation fragment that holds the whole document.
	cfn func(doc *node, c commenter) string
	// what names the Terraform/CloudFormation object the document lives
	// in, for the comment on a partial rendering: a string or a message.
	tfWhat, cfnWhat any
}

// commenter returns the comment line a message says, in English, and
// keeps the message for the renderings in other languages.
type commenter func(i18n.Message) string

// comment returns the comment line m says in English and keeps m, so
// that In says the line in another language.
func (r *Renderings) comment(m i18n.Message) string {
	line := m.In(i18n.EN)
	if r.Comments == nil {
		r.Comments = map[string]i18n.Message{}
	}
	r.Comments[line] = m
	return line
}

// In returns the renderings with their comment lines (the AWS CLI's,
// Terraform's and CloudFormation's) in lang; the code is the same.
func (r Renderings) In(lang i18n.Lang) Renderings {
	if lang == i18n.EN || len(r.Comments) == 0 {
		return r
	}
	cli := make([]string, len(r.CLI))
	for i, l := range r.CLI {
		cli[i] = r.commentIn(lang, l)
	}
	r.CLI = cli
	r.Terraform = r.bodyIn(lang, r.Terraform)
	r.CloudFormation = r.bodyIn(lang, r.CloudFormation)
	return r
}

// commentIn returns line in lang when it is a comment line of the
// renderings; other lines as they are.
func (r Renderings) commentIn(lang i18n.Lang, line string) string {
	if m, ok := r.Comments[line]; ok {
		return m.In(lang)
	}
	return line
}

// bodyIn returns a Terraform or CloudFormation body with its comment
// lines, indented or not, in lang.
func (r Renderings) bodyIn(lang i18n.Lang, body string) string {
	if !strings.Contains(body, "#") {
		return body
	}
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if strings.HasPrefix(t, "#") {
			lines[i] = l[:len(l)-len(t)] + r.commentIn(lang, t)
		}
	}
	return strings.Join(lines, "\n")
}

// render fills f.Render.
func render(f *Fix, ri *reqInfo) {
	texts(f)
	f.Render.PolicyKind = kindName(f.Target)
	if !f.Target.Kind.EditsPolicy() {
		if markGarbled(f, ri) {
			markPlaceholders(f, ri)
		}
		return
	}
	defer markPlaceholders(f, ri)
	defer markGarbled(f, ri) // before the placeholders are marked: it puts some in
	defer otherAccount(f, ri)
	if f.Target.Kind == TargetIdentityPolicy && f.Target.Name == UnknownPrincipalName && f.Complete && f.Document != nil {
		renderPrincipalUnknown(f, ri)
		return
	}
	if f.Target.Kind == TargetIdentityPolicy {
		renderIdentityUnknown(f, ri)
		return
	}
	if f.Target.Kind == TargetFunctionPolicy {
		renderFunctionPolicy(f)
		return
	}
	if f.Target.Kind == TargetLayerPolicy {
		renderLayerPolicy(f)
		return
	}
	sk := sinkFor(f.Target, ri)
	c := f.Render.comment
	var payload string
	var tree *node
	if f.Document != nil {
		f.Render.PolicyJSON = string(policy.Format(f.Document))
		payload = f.payload()
		tree = policyTree(f.Document)
	}
	if sk.put == nil {
		f.Render.CLI = []string{c(resourceApply(f.Target))}
		return
	}

	if f.Document != nil && f.Complete && tree != nil {
		for _, n := range sk.notes {
			f.Render.CLI = append(f.Render.CLI, c(n))
		}
		f.Render.CLI = append(f.Render.CLI, sk.put(shellQuote(payload)))
		f.Render.CLI = append(f.Render.CLI, sk.after...)
		if sk.tf != nil {
			f.Render.Terraform = sk.tf(tree, c)
		}
		if sk.cfn != nil {
			f.Render.CloudFormation = sk.cfn(tree, c)
		}
		return
	}

	// Only the change is known: fetch the current document, edit it,
	// submit it whole.
	head := i18n.M("fixcli.current-unknown", sk.noun, "@fixcli.phrase.add-statement")
	iacHead := i18n.M("fixcli.iac.current-unknown", sk.noun)
	switch {
	case f.Document == nil:
		head = i18n.M("fixcli.current-unknown", sk.noun, "@fixcli.phrase.change-deny")
	case f.Original != nil:
		head = i18n.M("fixcli.current-unknown-replace", sk.noun, stmtArg(f.Original))
		iacHead = i18n.M("fixcli.iac.current-unknown-replace", sk.noun, stmtArg(f.Original))
	}
	f.Render.CLI = append(f.Render.CLI, c(head))
	if (f.Target.Kind == TargetManagedPolicy || f.Target.Kind == TargetBoundary) && awsManaged(f.Target.ARN) {
		for _, n := range sk.notes {
			f.Render.CLI = append(f.Render.CLI, c(n))
		}
	}
	if sk.get != "" {
		f.Render.CLI = append(f.Render.CLI, sk.get+" > "+sk.file)
	} else {
		f.Render.CLI = append(f.Render.CLI, c(i18n.M("fixcli.write-file", sk.noun, sk.file)))
	}
	f.Render.CLI = append(f.Render.CLI, sk.put("file://"+sk.file))
	f.Render.CLI = append(f.Render.CLI, sk.after...)
	var st *node
	if f.Statement != nil && f.Document != nil {
		st = statementTree(f.Statement)
	}
	if st == nil {
		f.Render.Terraform = c(i18n.M("fixcli.iac.change-deny", sk.tfWhat)) + "\n"
		f.Render.CloudFormation = c(i18n.M("fixcli.iac.change-deny", sk.cfnWhat)) + "\n"
		return
	}
	var b strings.Builder
	b.WriteString(c(iacHead) + "\n" + c(i18n.M("fixcli.iac.of-the", sk.tfWhat)) + "\n")
	hclBlock(&b, "locals", nil, hclAttr{key: "denied_statement", val: st})
	f.Render.Terraform = b.String()
	var y strings.Builder
	y.WriteString(c(iacHead) + "\n" + c(i18n.M("fixcli.iac.of-the", sk.cfnWhat)) + "\n")
	writeYAML(&y, arr(st), 0)
	f.Render.CloudFormation = y.String()
}

// otherAccount puts a first comment line on every rendering of a fix to a
// resource-based policy of another account than the principal's (a
// cross-account copy's destination vault or key, say): it must be run with
// that account's credentials, which the principal's cannot stand in for.
// Only an account ID read from the target's ARN is named, never a guess.
func otherAccount(f *Fix, ri *reqInfo) {
	switch f.Target.Kind {
	case TargetKeyPolicy, TargetTrustPolicy, TargetVaultPolicy, TargetBucketPolicy, TargetFunctionPolicy, TargetLayerPolicy, TargetResourcePolicy:
	default:
		return
	}
	owner, from := arn.Account(f.Target.ARN), ri.p.Account
	if !arn.IsAccountID(owner) || !arn.IsAccountID(from) || owner == from {
		return
	}
	line := f.Render.comment(i18n.M("fixcli.other-account", owner, f.Target.ARN, from))
	if len(f.Render.CLI) > 0 {
		f.Render.CLI = append([]string{line}, f.Render.CLI...)
	}
	if f.Render.Terraform != "" {
		f.Render.Terraform = line + "\n" + f.Render.Terraform
	}
	if f.Render.CloudFormation != "" {
		f.Render.CloudFormation = line + "\n" + f.Render.CloudFormation
	}
}

// payload is the document as compact JSON: the text the fix's edit
// verified, when it was applied, else written now.
func (f *Fix) payload() string {
	if e := f.edit; e != nil && e.doc == f.Document && e.text != nil {
		return string(e.text)
	}
	b, _ := f.Document.MarshalJSON()
	return string(b)
}

// renderIdentityUnknown renders a change to an identity-based policy of
// the principal when which one (inline or managed) is not known: the
// commands that list them, then how to change either kind.
// renderPrincipalUnknown renders a new inline policy of a principal
// whose kind is not known (UnknownPrincipalName): the commands for a
// role and for a user, each after a comment saying which it is for, and
// first how to tell.
func renderPrincipalUnknown(f *Fix, ri *reqInfo) {
	c := f.Render.comment
	f.Render.PolicyJSON = string(policy.Format(f.Document))
	payload := shellQuote(f.payload())
	tree := policyTree(f.Document)
	role := sinkFor(Target{Kind: TargetRoleInline, Name: "<role-name>", PolicyName: f.Target.PolicyName}, ri)
	user := sinkFor(Target{Kind: TargetUserInline, Name: "<user-name>", PolicyName: f.Target.PolicyName}, ri)
	f.Render.CLI = []string{
		c(i18n.M("fixcli.principal-kind-unknown", principalFinder)),
		c(i18n.M("fixcli.principal-kind.role")),
		role.put(payload),
		c(i18n.M("fixcli.principal-kind.user")),
		user.put(payload),
	}
	if tree == nil {
		return
	}
	f.Render.Terraform = c(i18n.M("fixcli.principal-kind.role")) + "\n" + role.tf(tree, c) + "\n" + c(i18n.M("fixcli.principal-kind.user")) + "\n" + user.tf(tree, c)
	f.Render.CloudFormation = c(i18n.M("fixcli.principal-kind.role")) + "\n" + role.cfn(tree, c) + "\n" + c(i18n.M("fixcli.principal-kind.user")) + "\n" + user.cfn(tree, c)
}

// principalFinder prints the ARN of the credentials it runs with.
const principalFinder = "aws sts get-caller-identity --query Arn --output text"

func renderIdentityUnknown(f *Fix, ri *reqInfo) {
	type variant struct{ who, flag, tfType, cfnType, name, ifKind string }
	vs := []variant{{"user", "--user-name", "aws_iam_user_policy", "AWS::IAM::UserPolicy", orUnknown(f.Target.Name, "<iam-user-name>"), ""}}
	if isRoleARN(f.Target.ARN) {
		vs = []variant{{"role", "--role-name", "aws_iam_role_policy", "AWS::IAM::RolePolicy", orUnknown(f.Target.Name, "<iam-user-name>"), ""}}
	}
	c := f.Render.comment
	f.Render.CLI = nil
	if f.Target.Name == UnknownPrincipalName {
		// Whether it is a user or a role is not known: the commands of both.
		vs = []variant{
			{"role", "--role-name", "aws_iam_role_policy", "AWS::IAM::RolePolicy", "<role-name>", "fixcli.principal-kind.role"},
			{"user", "--user-name", "aws_iam_user_policy", "AWS::IAM::UserPolicy", "<user-name>", "fixcli.principal-kind.user"},
		}
		f.Render.CLI = []string{c(i18n.M("fixcli.principal-kind-unknown", principalFinder))}
	}
	var tf, cfn []string
	for _, v := range vs {
		name := shellWord(v.name)
		inline := i18n.M("fixcli.identity.inline-"+v.who, "@fixcli.phrase.change-deny")
		switch {
		case f.Document != nil && f.Original != nil:
			inline = i18n.M("fixcli.identity.inline-"+v.who+"-replace", stmtArg(f.Original))
		case f.Document != nil:
			inline = i18n.M("fixcli.identity.inline-"+v.who, "@fixcli.phrase.add-statement")
		}
		if v.ifKind != "" {
			f.Render.CLI = append(f.Render.CLI, c(i18n.M(v.ifKind)))
			tf = append(tf, c(i18n.M(v.ifKind)))
			cfn = append(cfn, c(i18n.M(v.ifKind)))
		}
		f.Render.CLI = append(f.Render.CLI,
			c(i18n.M("fixcli.identity.which-"+v.who)),
			"aws iam list-"+v.who+"-policies "+v.flag+" "+name,
			"aws iam list-attached-"+v.who+"-policies "+v.flag+" "+name,
			c(inline),
			"aws iam get-"+v.who+"-policy "+v.flag+" "+name+" --policy-name <policy-name> --query PolicyDocument --output json > policy.json",
			"aws iam put-"+v.who+"-policy "+v.flag+" "+name+" --policy-name <policy-name> --policy-document file://policy.json",
			c(i18n.M("fixcli.identity.managed")),
			"aws iam get-policy-version --policy-arn <policy-arn> --version-id \"$(aws iam get-policy --policy-arn <policy-arn> --query Policy.DefaultVersionId --output text)\" --query PolicyVersion.Document --output json > policy.json",
			"aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://policy.json --set-as-default",
		)
		tf = append(tf, c(i18n.M("fixcli.iac.identity-tf-"+v.who, v.tfType, v.name)))
		cfn = append(cfn, c(i18n.M("fixcli.iac.identity-cfn-"+v.who, v.cfnType, v.name)))
	}
	f.Render.Terraform = strings.Join(tf, "\n") + "\n"
	f.Render.CloudFormation = strings.Join(cfn, "\n") + "\n"
	if f.Document != nil {
		f.Render.PolicyJSON = string(policy.Format(f.Document))
	}
}

// PolicyKindID is the i18n message that names the kind of policy a fix
// of target t edits, in every rendering (the JSON report's
// render.policyKind in English, the JUnit and SARIF fix summaries in the
// report's language): "audit.policy-kind." and the target's kind, ".aws"
// after it for an AWS managed policy or boundary (a customer managed copy
// replaces it); "audit.policy-kind.none" for a target that is no policy
// (a restore job, a request). "" for a kind it does not know.
func PolicyKindID(t Target) string {
	if !t.Kind.EditsPolicy() {
		return "audit.policy-kind.none"
	}
	id := "audit.policy-kind." + string(t.Kind)
	if (t.Kind == TargetManagedPolicy || t.Kind == TargetBoundary) && awsManaged(t.ARN) {
		id += ".aws"
	}
	if !i18n.Has(id) {
		return ""
	}
	return id
}

// kindName names, in English, the kind of policy a target is, for the
// renderings: PolicyKindID's message; "" for a kind it does not know,
// which no fix has (TestPolicyKindEveryTarget).
func kindName(t Target) string {
	if id := PolicyKindID(t); id != "" {
		return i18n.T(i18n.EN, id)
	}
	return ""
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
			var finds []any
			for _, p := range ps {
				if fnd := found(p, finderFor(p, f.Target, ri)); fnd != nil && !seen[p] {
					finds = append(finds, fnd)
				}
				if !seen[p] {
					seen[p] = true
					f.Render.Placeholders = append(f.Render.Placeholders, p)
				}
			}
			out = append(out, f.Render.comment(notRunnable(strings.Join(ps, ", "), joinFinds(finds...))))
		}
		out = append(out, c)
	}
	f.Render.CLI = out
	f.markIaC(func(p string) any {
		if p == "<policy-name>" && (f.Target.Kind == TargetSCP || f.Target.Kind == TargetRCP) {
			return nil // the comment on its line gives the command that prints it
		}
		if c := finderFor(p, f.Target, ri); c != "" {
			return c
		}
		return nil
	})
}

// finderFor is how to find the value of a placeholder (a Finder): the
// command findCommand gives, said with whose credentials to run it where
// the principal's may not find it (a Lambda function, which may be
// another account's).
func finderFor(p string, t Target, ri *reqInfo) any {
	if strings.EqualFold(ri.action, "iam:PassRole") {
		switch {
		case p == "<service>":
			return i18n.M("fixcli.find.passed-to-service")
		case ri.passRole() && p == ri.resourceName():
			return i18n.M("fixcli.find.passed-role")
		}
	}
	if ri.kindUnknown() && (p == "<role-name>" || p == "<user-name>") {
		return i18n.M("fixcli.find.principal-name", principalFinder)
	}
	c := findCommand(p, t, ri)
	if c != "" && p == "<function-name>" {
		return i18n.M("fixcli.find.function-name", c)
	}
	if c != "" && (p == "<layer-name>" || p == "<version-number>") && t.Kind == TargetLayerPolicy {
		return i18n.M("fixcli.find.layer", c)
	}
	return c
}

// iacNotUsable reports whether m is the comment that marks a Terraform
// or CloudFormation body as not usable as it is.
func iacNotUsable(m i18n.Message) bool {
	return m.ID == "fixcli.iac.not-usable" || m.ID == "fixcli.iac.not-usable-find"
}

// markIaC puts a first comment line on the Terraform and CloudFormation
// bodies whose code (not their comments) holds a <placeholder>: it names
// every placeholder and, where find knows one, the command that finds its
// value. A line put before is replaced. find returns a Finder, or nil.
func (f *Fix) markIaC(find func(string) any) {
	known := f.iacFind
	f.iacFind = map[string]any{}
	for p, c := range known {
		f.iacFind[p] = c
	}
	mark := func(body string) string {
		if body == "" {
			return body
		}
		lines := strings.Split(body, "\n")
		var ps []string
		var finds []any
		kept := lines[:0:0]
		for _, l := range lines {
			t := strings.TrimLeft(l, " ")
			if strings.HasPrefix(t, "#") {
				if m, ok := f.Render.Comments[t]; ok && iacNotUsable(m) {
					continue
				}
				kept = append(kept, l)
				continue
			}
			kept = append(kept, l)
			for _, p := range placeholderRE.FindAllString(l, -1) {
				if contains(ps, p) {
					continue
				}
				ps = append(ps, p)
				c := find(p)
				if c == nil {
					c = known[p]
				}
				if c != nil {
					f.iacFind[p] = c
					finds = append(finds, found(p, c))
				}
			}
		}
		if len(ps) == 0 {
			return strings.Join(kept, "\n")
		}
		m := i18n.M("fixcli.iac.not-usable", strings.Join(ps, ", "))
		if fs := joinFinds(finds...); fs != nil {
			m = i18n.M("fixcli.iac.not-usable-find", strings.Join(ps, ", "), fs)
		}
		return f.Render.comment(m) + "\n" + strings.Join(kept, "\n")
	}
	f.Render.Terraform = mark(f.Render.Terraform)
	f.Render.CloudFormation = mark(f.Render.CloudFormation)
}

// findCommand is the read-only command that finds the value of a
// placeholder, or "".
func findCommand(p string, t Target, ri *reqInfo) string {
	if ri.kindUnknown() && (p == "<policy-name>" || p == "<policy-arn>" || p == "<permissions-boundary-policy-arn>") {
		return "" // the principal's own name is a placeholder: the listing commands name it
	}
	who, flag := "user", "--user-name"
	if t.Kind == TargetRoleInline || isRoleARN(t.ARN) || ri.p.Kind == authz.PrincipalSession || ri.p.Kind == authz.PrincipalRole {
		who, flag = "role", "--role-name"
	}
	// The principal's name, or its placeholder when the message cut it short.
	own := ri.p.Name
	if elided(own) || garbled(own) {
		own = "<" + who + "-name>"
	}
	tname := t.Name
	if garbled(tname) {
		tname = ""
	}
	name := shellWord(orUnknown(tname, own))
	if t.Kind != TargetRoleInline && t.Kind != TargetUserInline && t.Kind != TargetIdentityPolicy {
		name = shellWord(own)
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
		return "aws iam get-" + who + " " + flag + " " + shellWord(own) + " --query " + key + ".PermissionsBoundary.PermissionsBoundaryArn --output text"
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
		if t.Kind == TargetKeyPolicy && strings.Contains(t.ARN, ":alias/") && !garbled(t.ARN) {
			return "aws kms describe-key --key-id " + shellWord(t.ARN) + " --query KeyMetadata.Arn --output text"
		}
		return "aws kms list-aliases --query 'Aliases[].[AliasName,TargetKeyId]' --output text"
	case "<bucket-name>":
		return "aws s3api list-buckets --query 'Buckets[].Name' --output text"
	case "<backup-vault-name>":
		return "aws backup list-backup-vaults --query 'BackupVaultList[].BackupVaultName' --output text"
	case "<function-name>":
		region := ""
		if t.Kind == TargetFunctionPolicy && !elided(t.Region) {
			region = regionFlag(t.Region)
		}
		return "aws lambda list-functions --query 'Functions[].[FunctionName,FunctionArn]' --output text" + region
	case "<layer-name>":
		return "aws lambda list-layers --query 'Layers[].[LayerName,LayerArn]' --output text" + layerRegion(t)
	case "<version-number>":
		if t.Kind != TargetLayerPolicy {
			return ""
		}
		return "aws lambda list-layer-versions --layer-name " + shellWord(layerName(t)) + " --query 'LayerVersions[].[Version,LayerVersionArn]' --output text" + layerRegion(t)
	case "<role-name>":
		return "aws iam list-roles --query 'Roles[].[RoleName,Arn]' --output text"
	case "<user-name>", "<iam-user-name>":
		return "aws iam list-users --query 'Users[].[UserName,Arn]' --output text"
	case "<service-principal>":
		if ri.p.Name == "" || elided(ri.p.Name) || garbled(ri.p.Name) {
			return ""
		}
		return "aws iam get-role --role-name " + shellWord(ri.p.Name) + " --query Role.Arn --output text"
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
			noun: "@fixcli.phrase.inline-policy",
			put: func(doc string) string {
				return "aws iam put-" + who + "-policy " + flag + " " + shellWord(name) + " --policy-name " + shellWord(t.PolicyName) + " --policy-document " + doc
			},
			tf: func(doc *node, _ commenter) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{tfType, tfName(t.PolicyName)},
					hclAttr{key: "name", val: str(t.PolicyName)},
					hclAttr{key: tfKey, val: str(name)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, _ commenter) string {
				return cfnResource(cfnID(t.PolicyName), cfnType, "PolicyName", str(t.PolicyName), cfnKey, str(name), "PolicyDocument", doc)
			},
		}

	case TargetManagedPolicy, TargetBoundary:
		if awsManaged(t.ARN) {
			return awsManagedSink(t, ri)
		}
		arn := orUnknown(t.ARN, "<policy-arn>")
		noun := "@fixcli.phrase.policy-document"
		if t.Kind == TargetBoundary {
			arn = orUnknown(t.ARN, "<permissions-boundary-policy-arn>")
			noun = "@fixcli.phrase.boundary-document"
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
			notes: []i18n.Message{
				i18n.M("fixcli.replaces-whole-document", "create-policy-version", noun),
				i18n.M("fixcli.five-versions", "aws iam list-policy-versions --policy-arn "+shellWord(arn)),
			},
			tf: func(doc *node, _ commenter) string {
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
			cfn: func(doc *node, _ commenter) string {
				props := []any{"ManagedPolicyName", str(pname)}
				if p := policyPath(t.ARN); p != "/" {
					props = append(props, "Path", str(p))
				}
				return cfnResource(cfnID(pname), "AWS::IAM::ManagedPolicy", append(props, "PolicyDocument", doc)...)
			},
			tfWhat:  i18n.M("fixcli.phrase.tf-managed-policy", arn),
			cfnWhat: i18n.M("fixcli.phrase.cfn-managed-policy", arn),
		}

	case TargetSessionPolicy:
		roleARN, session := orUnknown(ri.roleARN, "<role-arn>"), orUnknown(ri.p.Session, "<session-name>")
		if elided(ri.p.Name) && ri.p.Kind != authz.PrincipalFederated {
			roleARN = "<role-arn>" // an IAM Identity Center role's ARN keeps a name cut short, for its pattern
		}
		if elided(session) {
			session = "<session-name>" // a name the message cut short is no name to run a command with
		}
		federated := ri.p.Name
		if elided(federated) {
			federated = "<federated-user-name>"
		}
		put := func(doc string) string {
			return "aws sts assume-role --role-arn " + shellWord(roleARN) + " --role-session-name " + shellWord(session) + " --policy " + doc
		}
		tfWhat, cfnWhat := i18n.M("fixcli.phrase.session-assume-role-tf"), i18n.M("fixcli.phrase.session-assume-role-cfn")
		if ri.p.Kind == authz.PrincipalFederated {
			put = func(doc string) string {
				return "aws sts get-federation-token --name " + shellWord(federated) + " --policy " + doc
			}
			tfWhat, cfnWhat = i18n.M("fixcli.phrase.session-federation-tf"), i18n.M("fixcli.phrase.session-federation-cfn")
		}
		return sink{
			noun: "@fixcli.phrase.session-policy",
			put:  put,
			// No AWS call returns a session policy: the caller writes the
			// one it passes, changed, to this file.
			file:  "session-policy.json",
			notes: []i18n.Message{i18n.M("fixcli.session-passed")},
			tf: func(doc *node, c commenter) string {
				if ri.p.Kind == authz.PrincipalFederated {
					return c(i18n.M("fixcli.iac.session-federation")) + "\n"
				}
				var b strings.Builder
				b.WriteString(c(i18n.M("fixcli.iac.session-provider")) + "\n")
				b.WriteString("provider \"aws\" {\n  assume_role {\n")
				writeBody(&b, []hclAttr{{val: str(roleARN)}, {val: str(session)}, {val: doc, call: "jsonencode"}}, []string{"role_arn", "session_name", "policy"}, 2)
				b.WriteString("  }\n}\n")
				return b.String()
			},
			cfn: func(_ *node, c commenter) string {
				return c(i18n.M("fixcli.iac.session-cfn")) + "\n"
			},
			tfWhat:  tfWhat,
			cfnWhat: cfnWhat,
		}

	case TargetSCP, TargetRCP:
		typ, filter := "SERVICE_CONTROL_POLICY", "SERVICE_CONTROL_POLICY"
		if t.Kind == TargetRCP {
			typ, filter = "RESOURCE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"
		}
		id := orUnknown(t.PolicyID, "<policy-id>")
		// The policy's name, when known; never its ID, which Terraform and
		// CloudFormation would make its name.
		nameKnown := t.Name != "" && t.Name != t.PolicyID
		pname := "<policy-name>"
		if nameKnown {
			pname = t.Name
		}
		nameFinder := "aws organizations describe-policy --policy-id " + shellWord(id) + " --query Policy.PolicySummary.Name --output text"
		tfRes := tfName(orUnknown(t.Name, orUnknown(t.PolicyID, "policy")))
		notes := []i18n.Message{i18n.M("fixcli.replaces-whole-document", "update-policy", "@fixcli.phrase.policy")}
		if t.PolicyID == "" {
			notes = append(notes, i18n.M("fixcli.find-policy-id", "aws organizations list-policies --filter "+filter))
		}
		return sink{
			noun: "@fixcli.phrase.policy",
			put: func(doc string) string {
				return "aws organizations update-policy --policy-id " + shellWord(id) + " --content " + doc
			},
			get:   "aws organizations describe-policy --policy-id " + shellWord(id) + " --query Policy.Content --output text",
			file:  "policy.json",
			notes: notes,
			tf: func(doc *node, c commenter) string {
				var b strings.Builder
				if t.PolicyID != "" {
					hclBlock(&b, "import", nil, hclAttr{key: "to", expr: "aws_organizations_policy." + tfRes}, hclAttr{key: "id", val: str(t.PolicyID)})
					b.WriteByte('\n')
				}
				if !nameKnown {
					b.WriteString(c(i18n.M("fixcli.iac.keep-name", "`name`", nameFinder)) + "\n")
				}
				hclBlock(&b, "resource", []string{"aws_organizations_policy", tfRes},
					hclAttr{key: "name", val: str(pname)},
					hclAttr{key: "type", val: str(typ)},
					hclAttr{key: "content", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, c commenter) string {
				props := []any{"Name", str(pname), "Type", str(typ), "Content", doc}
				if t.AttachedTo != "" {
					props = append(props, "TargetIds", arr(str(t.AttachedTo)))
				}
				head := ""
				if !nameKnown {
					head = c(i18n.M("fixcli.iac.keep-name", "`Name`", nameFinder)) + "\n"
				}
				return head + cfnResource(cfnID(orUnknown(t.Name, orUnknown(t.PolicyID, "policy"))), "AWS::Organizations::Policy", props...)
			},
			tfWhat:  "aws_organizations_policy " + id,
			cfnWhat: i18n.M("fixcli.phrase.cfn-org-policy", id),
		}

	case TargetKeyPolicy:
		key := orUnknown(name, "<key-id>")
		region := regionFlag(t.Region)
		return sink{
			noun: "@fixcli.phrase.key-policy",
			put: func(doc string) string {
				return "aws kms put-key-policy --key-id " + shellWord(key) + " --policy-name default --policy " + doc + region
			},
			get:   "aws kms get-key-policy --key-id " + shellWord(key) + " --policy-name default --query Policy --output text" + region,
			file:  "key-policy.json",
			notes: []i18n.Message{i18n.M("fixcli.replaces-whole-one", "put-key-policy", "@fixcli.phrase.key-policy")},
			tf: func(doc *node, _ commenter) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_kms_key_policy", tfName("key_" + lastSegment(key))},
					hclAttr{key: "key_id", val: str(key)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, c commenter) string {
				return c(i18n.M("fixcli.iac.key-policy", key)) + "\n" +
					cfnResource("Key", "AWS::KMS::Key", "KeyPolicy", doc)
			},
			tfWhat:  i18n.M("fixcli.phrase.tf-key-policy", key),
			cfnWhat: i18n.M("fixcli.phrase.cfn-key-policy", key),
		}

	case TargetTrustPolicy:
		return sink{
			noun: "@fixcli.phrase.trust-policy",
			put: func(doc string) string {
				return "aws iam update-assume-role-policy --role-name " + shellWord(name) + " --policy-document " + doc
			},
			get:   "aws iam get-role --role-name " + shellWord(name) + " --query Role.AssumeRolePolicyDocument --output json",
			file:  "trust-policy.json",
			notes: []i18n.Message{i18n.M("fixcli.replaces-whole-one", "update-assume-role-policy", "@fixcli.phrase.trust-policy")},
			tf: func(doc *node, c commenter) string {
				var b strings.Builder
				b.WriteString(c(i18n.M("fixcli.iac.assume-role-policy", name)) + "\n")
				hclBlock(&b, "resource", []string{"aws_iam_role", tfName(name)},
					hclAttr{key: "name", val: str(name)},
					hclAttr{key: "assume_role_policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, c commenter) string {
				return c(i18n.M("fixcli.iac.property-of", "AssumeRolePolicyDocument", "AWS::IAM::Role", name)) + "\n" +
					cfnResource(cfnID(name), "AWS::IAM::Role", "RoleName", str(name), "AssumeRolePolicyDocument", doc)
			},
			tfWhat:  i18n.M("fixcli.phrase.tf-trust-policy", name),
			cfnWhat: i18n.M("fixcli.phrase.cfn-trust-policy", name),
		}

	case TargetVaultPolicy:
		name = orUnknown(name, "<backup-vault-name>")
		region := regionFlag(t.Region)
		return sink{
			noun: "@fixcli.phrase.vault-access-policy",
			put: func(doc string) string {
				return "aws backup put-backup-vault-access-policy --backup-vault-name " + shellWord(name) + " --policy " + doc + region
			},
			get:   "aws backup get-backup-vault-access-policy --backup-vault-name " + shellWord(name) + " --query Policy --output text" + region,
			file:  "vault-policy.json",
			notes: []i18n.Message{i18n.M("fixcli.replaces-whole-one", "put-backup-vault-access-policy", "@fixcli.phrase.access-policy")},
			tf: func(doc *node, _ commenter) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_backup_vault_policy", tfName(name)},
					hclAttr{key: "backup_vault_name", val: str(name)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, c commenter) string {
				return c(i18n.M("fixcli.iac.property-of", "AccessPolicy", "AWS::Backup::BackupVault", name)) + "\n" +
					cfnResource(cfnID(name), "AWS::Backup::BackupVault", "BackupVaultName", str(name), "AccessPolicy", doc)
			},
			tfWhat:  i18n.M("fixcli.phrase.tf-vault-policy", name),
			cfnWhat: i18n.M("fixcli.phrase.cfn-vault-policy", name),
		}

	case TargetBucketPolicy:
		return sink{
			noun: "@fixcli.phrase.bucket-policy",
			put: func(doc string) string {
				return "aws s3api put-bucket-policy --bucket " + shellWord(name) + " --policy " + doc
			},
			get:   "aws s3api get-bucket-policy --bucket " + shellWord(name) + " --query Policy --output text",
			file:  "bucket-policy.json",
			notes: []i18n.Message{i18n.M("fixcli.replaces-whole-one", "put-bucket-policy", "@fixcli.phrase.bucket-policy")},
			tf: func(doc *node, _ commenter) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_s3_bucket_policy", tfName(name)},
					hclAttr{key: "bucket", val: str(name)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, _ commenter) string {
				return cfnResource(cfnID(name)+"Policy", "AWS::S3::BucketPolicy", "Bucket", str(name), "PolicyDocument", doc)
			},
			tfWhat:  i18n.M("fixcli.phrase.tf-bucket-policy", name),
			cfnWhat: i18n.M("fixcli.phrase.cfn-bucket-policy", name),
		}

	case TargetVPCEndpoint:
		id := orUnknown(t.PolicyID, "<vpc-endpoint-id>")
		return sink{
			noun: "@fixcli.phrase.endpoint-policy",
			put: func(doc string) string {
				return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + shellWord(id) + " --policy-document " + doc
			},
			get:   "aws ec2 describe-vpc-endpoints --vpc-endpoint-ids " + shellWord(id) + " --query 'VpcEndpoints[0].PolicyDocument' --output text",
			file:  "endpoint-policy.json",
			notes: []i18n.Message{i18n.M("fixcli.replaces-whole-one", "modify-vpc-endpoint", "@fixcli.phrase.endpoint-policy")},
			tf: func(doc *node, _ commenter) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_vpc_endpoint_policy", tfName(id)},
					hclAttr{key: "vpc_endpoint_id", val: str(id)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, c commenter) string {
				return c(i18n.M("fixcli.iac.property-of", "PolicyDocument", "AWS::EC2::VPCEndpoint", id)) + "\n" +
					cfnResource("Endpoint", "AWS::EC2::VPCEndpoint", "PolicyDocument", doc)
			},
			tfWhat:  i18n.M("fixcli.phrase.tf-vpce-policy", id),
			cfnWhat: i18n.M("fixcli.phrase.cfn-vpce-policy", id),
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
			noun: "@fixcli.phrase.secret-policy",
			put: func(doc string) string {
				return "aws secretsmanager put-resource-policy --secret-id " + quoted + " --resource-policy " + doc + region
			},
			get:   "aws secretsmanager get-resource-policy --secret-id " + quoted + " --query ResourcePolicy --output text" + region,
			file:  "secret-policy.json",
			notes: []i18n.Message{i18n.M("fixcli.replaces-whole-one", "put-resource-policy", "@fixcli.phrase.secret-policy-of")},
			tf: func(doc *node, _ commenter) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_secretsmanager_secret_policy", tfName(lastSegment(strings.TrimPrefix(res, "secret:")))},
					hclAttr{key: "secret_arn", val: str(t.ARN)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, _ commenter) string {
				return cfnResource("SecretPolicy", "AWS::SecretsManager::ResourcePolicy", "SecretId", str(t.ARN), "ResourcePolicy", doc)
			},
			tfWhat:  i18n.M("fixcli.phrase.tf-secret-policy", t.ARN),
			cfnWhat: i18n.M("fixcli.phrase.cfn-secret-policy", t.ARN),
		}
	case svc == "sqs":
		url := "https://sqs." + parts[3] + ".amazonaws.com/" + parts[4] + "/" + res
		return sink{
			noun: "@fixcli.phrase.queue-policy",
			put: func(string) string {
				return "aws sqs set-queue-attributes --queue-url " + shellWord(url) + " --attributes file://queue-attributes.json" + region
			},
			get:   "aws sqs get-queue-attributes --queue-url " + shellWord(url) + " --attribute-names Policy --query Attributes.Policy --output text" + region,
			file:  "policy.json",
			notes: []i18n.Message{i18n.M("fixcli.sqs-string-attribute"), i18n.M("fixcli.sqs-wrap")},
			tf: func(doc *node, _ commenter) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_sqs_queue_policy", tfName(res)},
					hclAttr{key: "queue_url", val: str(url)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, _ commenter) string {
				return cfnResource("QueuePolicy", "AWS::SQS::QueuePolicy", "Queues", arr(str(url)), "PolicyDocument", doc)
			},
			tfWhat:  i18n.M("fixcli.phrase.tf-queue-policy", url),
			cfnWhat: i18n.M("fixcli.phrase.cfn-queue-policy", url),
		}
	case svc == "sns":
		return sink{
			noun: "@fixcli.phrase.topic-policy",
			put: func(doc string) string {
				return "aws sns set-topic-attributes --topic-arn " + quoted + " --attribute-name Policy --attribute-value " + doc + region
			},
			get:   "aws sns get-topic-attributes --topic-arn " + quoted + " --query Attributes.Policy --output text" + region,
			file:  "topic-policy.json",
			notes: []i18n.Message{i18n.M("fixcli.replaces-whole-one", "set-topic-attributes", "@fixcli.phrase.topic-policy")},
			tf: func(doc *node, _ commenter) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_sns_topic_policy", tfName(lastSegment(res))},
					hclAttr{key: "arn", val: str(t.ARN)},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, _ commenter) string {
				return cfnResource("TopicPolicy", "AWS::SNS::TopicPolicy", "Topics", arr(str(t.ARN)), "PolicyDocument", doc)
			},
			tfWhat:  i18n.M("fixcli.phrase.tf-topic-policy", t.ARN),
			cfnWhat: i18n.M("fixcli.phrase.cfn-topic-policy", t.ARN),
		}
	case svc == "ecr" && strings.HasPrefix(res, "repository/"):
		repo := shellWord(strings.TrimPrefix(res, "repository/"))
		return sink{
			noun: "@fixcli.phrase.repository-policy",
			put: func(doc string) string {
				return "aws ecr set-repository-policy --repository-name " + repo + " --policy-text " + doc + region
			},
			get:   "aws ecr get-repository-policy --repository-name " + repo + " --query policyText --output text" + region,
			file:  "repository-policy.json",
			notes: []i18n.Message{i18n.M("fixcli.replaces-whole-one", "set-repository-policy", "@fixcli.phrase.repository-policy")},
			tf: func(doc *node, _ commenter) string {
				var b strings.Builder
				hclBlock(&b, "resource", []string{"aws_ecr_repository_policy", tfName(strings.TrimPrefix(res, "repository/"))},
					hclAttr{key: "repository", val: str(strings.TrimPrefix(res, "repository/"))},
					hclAttr{key: "policy", val: doc, call: "jsonencode"})
				return b.String()
			},
			cfn: func(doc *node, c commenter) string {
				return c(i18n.M("fixcli.iac.property-of", "RepositoryPolicyText", "AWS::ECR::Repository", strings.TrimPrefix(res, "repository/"))) + "\n" +
					cfnResource("Repository", "AWS::ECR::Repository", "RepositoryName", str(strings.TrimPrefix(res, "repository/")), "RepositoryPolicyText", doc)
			},
			tfWhat:  i18n.M("fixcli.phrase.tf-repo-policy", strings.TrimPrefix(res, "repository/")),
			cfnWhat: i18n.M("fixcli.phrase.cfn-repo-policy", strings.TrimPrefix(res, "repository/")),
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

// serviceOf is the service prefix of an ARN, or the phrase "service's"
// when unknown, as a message argument.
func serviceOf(s string) string {
	if parts, n := arn.Fields(s); n == 6 && parts[2] != "" {
		return parts[2]
	}
	return "@fixcli.phrase.service-unknown"
}

// resourceApplies are, for the services whose resource-based policies
// have no rendering of their own here (or a target whose ARN does not
// say which of its resources it is), the call that sets such a policy
// and whether it replaces the whole policy: most do, Lambda's add one
// statement at a time, EventBridge's put-permission does either.
var resourceApplies = map[string]struct {
	call     string
	replaces bool
}{
	"sqs":               {"aws sqs set-queue-attributes (its Policy attribute)", true},
	"sns":               {"aws sns set-topic-attributes --attribute-name Policy", true},
	"ecr":               {"aws ecr set-repository-policy", true},
	"secretsmanager":    {"aws secretsmanager put-resource-policy", true},
	"kms":               {"aws kms put-key-policy", true},
	"s3":                {"aws s3api put-bucket-policy", true},
	"backup":            {"aws backup put-backup-vault-access-policy", true},
	"glue":              {"aws glue put-resource-policy", true},
	"elasticfilesystem": {"aws efs put-file-system-policy", true},
	"dynamodb":          {"aws dynamodb put-resource-policy", true},
	"kinesis":           {"aws kinesis put-resource-policy", true},
	"es":                {"aws opensearch update-domain-config --access-policies", true},
	"lambda":            {"aws lambda add-permission (a function, version or alias) or aws lambda add-layer-version-permission (a layer version)", false},
}

// resourceApply is the comment of a resource-based policy fix that has no
// rendering of its own: which call sets the policy of t's service, and
// whether it replaces the whole policy, as far as the fix package knows
// the service; for another service, that its call may do either.
func resourceApply(t Target) i18n.Message {
	svc := serviceOf(t.ARN)
	if parts, n := arn.Fields(t.ARN); n >= 3 && parts[0] == "arn" && parts[2] != "" && !elided(parts[2]) {
		svc = parts[2] // an ARN cut short still names its service
	}
	if svc == "events" {
		return i18n.M("fixcli.resource-apply.events", nameArg(t))
	}
	if a, ok := resourceApplies[svc]; ok {
		if a.replaces {
			return i18n.M("fixcli.resource-apply.replaces", nameArg(t), a.call)
		}
		return i18n.M("fixcli.resource-apply.adds", nameArg(t), a.call)
	}
	return i18n.M("fixcli.resource-apply", nameArg(t), svc)
}

// notRunnable is the comment line before a command that holds the
// placeholders ps (joined), with finds (joinFinds), how to find their
// values.
func notRunnable(ps string, finds any) i18n.Message {
	if finds == nil {
		return i18n.M("fixcli.not-runnable", ps)
	}
	return i18n.M("fixcli.not-runnable-find", ps, finds)
}

// A Finder says how to find a placeholder's value: a string is a
// read-only command that prints it; an i18n.Message says more than a
// command can (whose credentials run it, whom to ask otherwise). ""
// and nil are none.

// found is the "<placeholder>: how to find it" of finder find, or nil.
func found(placeholder string, find any) any {
	switch v := find.(type) {
	case string:
		if v != "" {
			return placeholder + ": " + v
		}
	case i18n.Message:
		return i18n.M("same.fixcli.found", placeholder, v)
	}
	return nil
}

// joinFinds joins found values into one argument of a not-runnable or
// not-usable comment: a string when all are strings (commands), else a
// message that says each in the reader's language; nil when there are
// none.
func joinFinds(fs ...any) any {
	var out any
	for _, f := range fs {
		if s, ok := f.(string); f == nil || ok && s == "" {
			continue
		}
		a, aok := out.(string)
		b, bok := f.(string)
		switch {
		case out == nil:
			out = f
		case aok && bok:
			out = a + " " + b
		default:
			out = i18n.M("same.fixcli.finds", out, f)
		}
	}
	return out
}

// WithPlaceholder returns f with from replaced by placeholder wherever f
// names it (renderings, target, sentences and their messages); a command
// that then holds placeholder is marked as not runnable as it is, the
// first mark naming find, a Finder: how to find the value.
func (f Fix) WithPlaceholder(from, placeholder string, find any) Fix {
	r := strings.NewReplacer(from, placeholder)
	f.Render.PolicyJSON = r.Replace(f.Render.PolicyJSON)
	f.Render.Terraform = r.Replace(f.Render.Terraform)
	f.Render.CloudFormation = r.Replace(f.Render.CloudFormation)
	comments := make(map[string]i18n.Message, len(f.Render.Comments))
	for _, m := range f.Render.Comments {
		m = m.Map(r.Replace)
		comments[m.In(i18n.EN)] = m
	}
	f.Render.Comments = comments
	cli := make([]string, 0, len(f.Render.CLI))
	var prev i18n.Message // the message of the last line of cli
	marked := false
	for _, c := range f.Render.CLI {
		c = r.Replace(c)
		if !strings.HasPrefix(c, "#") && strings.Contains(c, placeholder) {
			// The command is not runnable until the value is filled in.
			var here any
			if !marked {
				here = found(placeholder, find)
			}
			n := len(cli)
			if n > 0 && (prev.ID == "fixcli.not-runnable" || prev.ID == "fixcli.not-runnable-find") {
				ps, _ := prev.Args[0].(string)
				var finds any
				if len(prev.Args) > 1 {
					finds = prev.Args[1]
				}
				cli[n-1] = f.Render.comment(notRunnable(ps+", "+placeholder, joinFinds(finds, here)))
			} else {
				cli = append(cli, f.Render.comment(notRunnable(placeholder, here)))
			}
			marked = true
		}
		cli = append(cli, c)
		prev = f.Render.Comments[c]
	}
	f.Render.CLI = cli
	f.markIaC(func(p string) any {
		if p == placeholder && found(p, find) != nil {
			return find
		}
		return nil
	})
	if !marked && (strings.Contains(f.Render.Terraform, placeholder) || strings.Contains(f.Render.CloudFormation, placeholder)) {
		marked = !contains(f.Render.Placeholders, placeholder)
	}
	if marked {
		f.Render.Placeholders = append(append([]string(nil), f.Render.Placeholders...), placeholder)
	}
	f.Target.ARN = r.Replace(f.Target.ARN)
	f.Title = r.Replace(f.Title)
	f.TitleMsg.Args = replaceAll(r, f.TitleMsg.Args)
	f.Risk = r.Replace(f.Risk)
	if f.RiskMsg != nil {
		rm := *f.RiskMsg
		rm.Args = replaceAll(r, rm.Args)
		f.RiskMsg = &rm
	}
	f.Notes = NotesWith(f.Notes, from, placeholder)
	return f
}

// NotesWith returns ns with from replaced by placeholder in their texts
// and arguments.
func NotesWith(ns []Note, from, placeholder string) []Note {
	r := strings.NewReplacer(from, placeholder)
	out := make([]Note, len(ns))
	for i, n := range ns {
		n.Text = r.Replace(n.Text)
		n.Args = replaceAll(r, n.Args)
		out[i] = n
	}
	return out
}

func replaceAll(r *strings.Replacer, as []string) []string {
	if as == nil {
		return nil
	}
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = r.Replace(a)
	}
	return out
}

// WithoutOwnerNote returns f without the comment line that says which
// account owns the policy it changes (other than the principal's) when
// that line names placeholder as either account: an account the message
// did not give cannot be said to differ from the other.
func (f Fix) WithoutOwnerNote(placeholder string) Fix {
	drop := func(line string) bool {
		m, ok := f.Render.Comments[line]
		if !ok || m.ID != "fixcli.other-account" {
			return false
		}
		for _, a := range m.Args {
			if s, _ := a.(string); strings.Contains(s, placeholder) {
				return true
			}
		}
		return false
	}
	var cli []string
	for _, l := range f.Render.CLI {
		if !drop(l) {
			cli = append(cli, l)
		}
	}
	f.Render.CLI = cli
	body := func(b string) string {
		// The owner's line is first, or second after the not-usable mark.
		lines := strings.Split(b, "\n")
		for i := 0; i < len(lines) && i < 2; i++ {
			if drop(lines[i]) {
				return strings.Join(append(lines[:i:i], lines[i+1:]...), "\n")
			}
		}
		return b
	}
	f.Render.Terraform, f.Render.CloudFormation = body(f.Render.Terraform), body(f.Render.CloudFormation)
	return f
}

// awsManaged reports whether arn is an AWS managed policy, which nobody but
// AWS can change (iam:CreatePolicyVersion on it is refused).
func awsManaged(arn string) bool { return strings.Contains(arn, ":iam::aws:policy/") }

// awsManagedSink is how an AWS managed policy (an identity policy or a
// permissions boundary) takes a document: it cannot, so a customer managed
// copy with the change is created in the principal's account and put in its
// place (attached, then the AWS managed one detached; or set as the
// boundary).
func awsManagedSink(t Target, ri *reqInfo) sink {
	who, flag := "user", "--user-name"
	if ri.p.Kind == authz.PrincipalSession || ri.p.Kind == authz.PrincipalRole {
		who, flag = "role", "--role-name"
	}
	principal := ri.p.Name
	if principal == "" || elided(principal) {
		principal = "<" + who + "-name>"
	}
	partition, acct := orUnknown(ri.p.Partition, "aws"), ri.p.Account
	if !arn.IsAccountID(acct) {
		acct = "<ACCOUNT_ID>"
	}
	copyName := iamName("denied-" + lastSegment(t.ARN))
	copyARN := "arn:" + partition + ":iam::" + acct + ":policy/" + copyName
	tfRes := tfName(copyName)
	var after []string
	boundary := t.Kind == TargetBoundary
	if boundary {
		after = []string{"aws iam put-" + who + "-permissions-boundary " + flag + " " + shellWord(principal) + " --permissions-boundary " + shellWord(copyARN)}
	} else {
		after = []string{
			"aws iam attach-" + who + "-policy " + flag + " " + shellWord(principal) + " --policy-arn " + shellWord(copyARN),
			"aws iam detach-" + who + "-policy " + flag + " " + shellWord(principal) + " --policy-arn " + shellWord(t.ARN),
		}
	}
	noun := "@fixcli.phrase.policy-document"
	if boundary {
		noun = "@fixcli.phrase.boundary-document"
	}
	return sink{
		noun: noun,
		put: func(doc string) string {
			return "aws iam create-policy --policy-name " + shellWord(copyName) + " --policy-document " + doc
		},
		get:   "aws iam get-policy-version --policy-arn " + shellWord(t.ARN) + " --version-id \"$(aws iam get-policy --policy-arn " + shellWord(t.ARN) + " --query Policy.DefaultVersionId --output text)\" --query PolicyVersion.Document --output json",
		file:  "policy.json",
		notes: []i18n.Message{i18n.M("fixcli.aws-managed-copy", t.ARN, copyName)},
		after: after,
		tf: func(doc *node, c commenter) string {
			var b strings.Builder
			b.WriteString(c(i18n.M("fixcli.aws-managed-copy", t.ARN, copyName)) + "\n")
			hclBlock(&b, "resource", []string{"aws_iam_policy", tfRes},
				hclAttr{key: "name", val: str(copyName)},
				hclAttr{key: "policy", val: doc, call: "jsonencode"})
			b.WriteByte('\n')
			if boundary {
				b.WriteString(c(i18n.M("fixcli.iac.aws-managed-boundary-tf", "aws_iam_"+who, principal, "aws_iam_policy."+tfRes+".arn")) + "\n")
				return b.String()
			}
			hclBlock(&b, "resource", []string{"aws_iam_" + who + "_policy_attachment", tfRes},
				hclAttr{key: who, val: str(principal)},
				hclAttr{key: "policy_arn", expr: "aws_iam_policy." + tfRes + ".arn"})
			b.WriteString(c(i18n.M("fixcli.iac.aws-managed-detach", t.ARN)) + "\n")
			return b.String()
		},
		cfn: func(doc *node, c commenter) string {
			head := c(i18n.M("fixcli.aws-managed-copy", t.ARN, copyName)) + "\n"
			if boundary {
				head += c(i18n.M("fixcli.iac.aws-managed-boundary-cfn", "AWS::IAM::"+capitalize(who), principal, cfnID(copyName))) + "\n"
				return head + cfnResource(cfnID(copyName), "AWS::IAM::ManagedPolicy", "ManagedPolicyName", str(copyName), "PolicyDocument", doc)
			}
			head += c(i18n.M("fixcli.iac.aws-managed-detach", t.ARN)) + "\n"
			return head + cfnResource(cfnID(copyName), "AWS::IAM::ManagedPolicy", "ManagedPolicyName", str(copyName), capitalize(who)+"s", arr(str(principal)), "PolicyDocument", doc)
		},
		tfWhat:  i18n.M("fixcli.phrase.aws-managed-copy", t.ARN, copyName),
		cfnWhat: i18n.M("fixcli.phrase.aws-managed-copy", t.ARN, copyName),
	}
}
