package fix

import (
	"strings"

	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/policy"
)

// A Lambda layer version policy (resource-based) is, like a function
// policy, not submitted whole: each of its statements is a permission
// that aws lambda add-layer-version-permission adds (Terraform
// aws_lambda_layer_version_permission, CloudFormation
// AWS::Lambda::LayerVersionPermission), for lambda:GetLayerVersion, to an
// account ID or to "*" (all accounts, or with --organization-id those of
// one organization). A fix to it is one statement naming the requester's
// account, verified merged into the version's policy when the case holds
// it, and rendered as that one permission.

// layerAction is the one action add-layer-version-permission grants.
const layerAction = "lambda:GetLayerVersion"

// layerAllow is the statement st (the requester's account allowed the
// action on the layer version) added to the layer version's policy and,
// across accounts, the requester's own identity fix.
func (s *synth) layerAllow(w *working, o outcome, st *policy.Statement) (lp, others []Fix) {
	ri := s.ri
	label := ""
	if ri.awsPrincipal() && arn.IsAccountID(ri.p.Account) {
		// add-layer-version-permission names an account, never a role or
		// user: the statement grants the requester's account.
		st.Principal = &policy.Principal{AWS: []string{"arn:" + ri.p.Partition + ":iam::" + ri.p.Account + ":root"}}
		label = "Account" + ri.p.Account
	} else if ri.awsPrincipal() && ri.p.Account != "" {
		st.Principal = &policy.Principal{AWS: []string{"arn:" + ri.p.Partition + ":iam::" + ri.p.Account + ":root"}}
	}
	st.Sid = permissionSid(label, ri.actionName)
	f := s.addPermission(w, "layer-policy-add-permission", st)
	if ri.awsPrincipal() && ri.p.Account != "" {
		f.Notes = append(f.Notes, note("layer-policy-account-principal", ri.p.Account, ri.action))
	}
	who := ri.principalARN()
	if p := f.Statement.Principal; p != nil && len(p.AWS) == 1 {
		who = p.AWS[0]
	}
	form, targs := targetForm(f.Target)
	f.TitleMsg = msg("fix.title.add-principal."+form, concat([]string{who}, targs, []string{ri.action})...)
	lp = append(lp, f)
	return append(lp, s.crossAccountIdentity(w, o)...), nil
}

// layerPermission is a statement of a layer version policy as
// add-layer-version-permission takes it.
type layerPermission struct {
	sid, principal, orgID string
}

// layerPermissionOf reads st as a layer permission; false when
// add-layer-version-permission cannot write it: a Deny, another action
// than lambda:GetLayerVersion, a principal other than one account or
// "*", a condition other than aws:PrincipalOrgID with "*".
func layerPermissionOf(st *policy.Statement) (layerPermission, bool) {
	var p layerPermission
	if st == nil || st.Effect != policy.Allow || st.Sid == "" || st.NotPrincipal != nil || st.NotAction != nil || st.NotResource != nil ||
		len(st.Action) != 1 || !strings.EqualFold(st.Action[0], layerAction) || len(st.Resource) != 1 || st.Principal == nil {
		return p, false
	}
	p.sid = st.Sid
	pr := st.Principal
	switch {
	case pr.Wildcard || len(pr.AWS) == 1 && pr.AWS[0] == "*" && len(pr.Service)+len(pr.Federated)+len(pr.CanonicalUser) == 0:
		p.principal = "*"
	case len(pr.AWS) == 1 && len(pr.Service)+len(pr.Federated)+len(pr.CanonicalUser) == 0:
		a, ok := arn.Parse(pr.AWS[0])
		switch {
		case ok && a.Service == "iam" && a.Resource == "root":
			p.principal = a.Account
		case !ok && arn.IsAccountID(pr.AWS[0]):
			p.principal = pr.AWS[0]
		default:
			return p, false // a role or user: the command takes an account
		}
	default:
		return p, false
	}
	for _, c := range st.Conditions {
		if len(c.Values) != 1 || p.principal != "*" || p.orgID != "" ||
			!strings.EqualFold(c.Key, "aws:PrincipalOrgID") || c.Operator != "StringEquals" {
			return p, false
		}
		p.orgID = c.Values[0]
	}
	return p, true
}

// layerRef is how the commands name the layer version of t: the layer's
// ARN (without the version) or, when its Region, account or name is not
// known, its name (a placeholder); the version number; the Region flag.
func layerRef(t Target) (layer, version, region string) {
	parts, n := arn.Fields(t.ARN)
	if n < 6 {
		return orUnknown(t.Name, "<layer-name>"), "<version-number>", ""
	}
	name, version, _ := strings.Cut(strings.TrimPrefix(parts[5], "layer:"), ":")
	if version == "" || elided(version) {
		version = "<version-number>"
	}
	if elided(parts[3]) || elided(parts[4]) || elided(name) {
		return orUnknown(name, "<layer-name>"), version, ""
	}
	return "arn:" + parts[1] + ":lambda:" + parts[3] + ":" + parts[4] + ":layer:" + name, version, regionFlag(parts[3])
}

// layerName is the layer's name or ARN as the finder of its versions
// takes it.
func layerName(t Target) string {
	l, _, _ := layerRef(t)
	return l
}

// layerRegion is the Region flag of the finders of a layer.
func layerRegion(t Target) string {
	if t.Kind != TargetLayerPolicy || t.Region == "" || elided(t.Region) {
		return ""
	}
	return regionFlag(t.Region)
}

// getLayerPolicyCommand prints the policy of t's layer version (its
// statement IDs).
func getLayerPolicyCommand(t Target) string {
	l, v, region := layerRef(t)
	return "aws lambda get-layer-version-policy --layer-name " + shellWord(l) + " --version-number " + shellWord(v) + " --query Policy --output text" + region
}

// renderLayerPolicy renders a fix to a Lambda layer version policy: the
// statement JSON, and the permission as add-layer-version-permission,
// Terraform's aws_lambda_layer_version_permission and CloudFormation's
// AWS::Lambda::LayerVersionPermission take it, each under a comment line
// naming the policy. A statement they cannot write (a narrowed Deny, a
// role as principal, another action) gets the statement JSON and comment
// lines saying so.
func renderLayerPolicy(f *Fix) {
	t := f.Target
	c := f.Render.comment
	if f.Document != nil {
		f.Render.PolicyJSON = string(policy.Format(f.Document))
	}
	get := getLayerPolicyCommand(t)
	p, ok := layerPermissionOf(f.Statement)
	if !ok || f.Original != nil {
		f.Render.CLI = []string{c(i18n.M("fixcli.layer-policy.cannot-add", nameArg(t), get))}
		f.Render.Terraform = c(i18n.M("fixcli.iac.layer-policy.cannot-add", nameArg(t), "aws_lambda_layer_version_permission")) + "\n"
		f.Render.CloudFormation = c(i18n.M("fixcli.iac.layer-policy.cannot-add", nameArg(t), "AWS::Lambda::LayerVersionPermission")) + "\n"
		return
	}
	l, v, region := layerRef(t)
	cmd := "aws lambda add-layer-version-permission --layer-name " + shellWord(l) + " --version-number " + shellWord(v) +
		" --statement-id " + shellWord(p.sid) + " --action " + layerAction + " --principal " + shellWord(p.principal)
	if p.orgID != "" {
		cmd += " --organization-id " + shellWord(p.orgID)
	}
	f.Render.CLI = []string{c(i18n.M("fixcli.layer-policy.add", nameArg(t), get)), cmd + region}

	var b strings.Builder
	b.WriteString(c(i18n.M("fixcli.iac.layer-policy", nameArg(t), "aws_lambda_layer_version_permission")) + "\n")
	vn := hclAttr{key: "version_number", expr: v}
	if !isDigits(v) {
		vn = hclAttr{key: "version_number", val: str(v)}
	}
	attrs := []hclAttr{{key: "layer_name", val: str(l)}, vn, {key: "statement_id", val: str(p.sid)}, {key: "action", val: str(layerAction)}, {key: "principal", val: str(p.principal)}}
	if p.orgID != "" {
		attrs = append(attrs, hclAttr{key: "organization_id", val: str(p.orgID)})
	}
	hclBlock(&b, "resource", []string{"aws_lambda_layer_version_permission", tfName(p.sid)}, attrs...)
	f.Render.Terraform = b.String()

	// AWS::Lambda::LayerVersionPermission takes the layer version's ARN
	// and no statement ID (CloudFormation names the statement).
	props := []any{"Action", str(layerAction), "LayerVersionArn", str(t.ARN), "Principal", str(p.principal)}
	if p.orgID != "" {
		props = append(props, "OrganizationId", str(p.orgID))
	}
	f.Render.CloudFormation = c(i18n.M("fixcli.iac.layer-policy", nameArg(t), "AWS::Lambda::LayerVersionPermission")) + "\n" +
		cfnResource(cfnID(p.sid), "AWS::Lambda::LayerVersionPermission", props...)
}

// isDigits reports whether s is a non-empty string of ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
