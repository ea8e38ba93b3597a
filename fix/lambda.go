package fix

import (
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/policy"
)

// A Lambda function policy (resource-based) is not submitted whole: each
// of its statements is a permission that aws lambda add-permission adds
// (Terraform aws_lambda_permission, CloudFormation AWS::Lambda::Permission),
// leaving the others as they are. A fix to it is one statement, verified
// merged into the function's policy when the case holds it, and rendered
// as that one permission.

// functionAllow is the statement st (the requester allowed the action)
// added to the function policy of the request's function and, across
// accounts, the requester's own identity fix (as for every resource-based
// policy, crossAccountIdentity).
func (s *synth) functionAllow(w *working, o outcome, st *policy.Statement, label string) (lp, others []Fix) {
	ri := s.ri
	st.Sid = permissionSid(label, ri.actionName)
	who := ri.principalARN()
	var notes []Note
	switch {
	case ri.p.Kind == authz.PrincipalService:
		// The resource the service calls for, as the request gives it:
		// without it any account's resource could invoke through the
		// service (AddPermission, Lambda API Reference).
		st.Conditions = s.sourceConditions()
		if len(st.Conditions) == 0 {
			notes = append(notes, note("function-policy-source-unknown", ri.p.ARN, ri.p.ARN))
		}
	case ri.ssoRole():
		// principal() names the account, which add-permission takes; the
		// aws:PrincipalArn pattern that names the role it cannot.
		who = "arn:" + ri.p.Partition + ":iam::" + ri.p.Account + ":root"
		notes = append(notes, note("function-policy-account-principal", ri.p.Account, ri.action))
	}
	f := s.addPermission(w, "function-policy-add-permission", st)
	f.Notes = append(f.Notes, notes...)
	form, targs := targetForm(f.Target)
	f.TitleMsg = msg("fix.title.add-principal."+form, concat([]string{who}, targs, []string{ri.action})...)
	lp = append(lp, f)
	return append(lp, s.crossAccountIdentity(w, o)...), nil
}

// permissionSid is the Sid of a permission added to a Lambda function or
// layer version policy: Allow, label and the action's name, at most 100
// characters (what add-permission's and add-layer-version-permission's
// --statement-id take).
func permissionSid(label, actionName string) string {
	sid := "Allow" + label + alnum(actionName)
	if len(sid) > 100 {
		sid = sid[:100]
	}
	return sid
}

// addPermission adds st, on the request's resource, to the resource's
// policy as the one permission add-permission or
// add-layer-version-permission writes (id names the fix and its leading
// note): the edit verifies the statement merged into the current policy
// when the case holds it, while what the user adds is the statement
// alone, so the fix's document is that statement and no note says the
// document is unknown.
func (s *synth) addPermission(w *working, id string, st *policy.Statement) Fix {
	st.Resource = []string{s.ri.resource}
	f := s.addToLayer(w, loc{layer: authz.LayerResource}, id, st)
	f.Document, f.Complete = newPolicy(f.Statement), false
	var kept []Note
	for _, n := range f.Notes {
		if n.ID != "document-unknown" {
			kept = append(kept, n)
		}
	}
	f.Notes = append([]Note{note(id, nameArg(f.Target))}, kept...)
	return f
}

// sourceConditions are the conditions naming the resource a service
// principal calls for, from the request's aws:SourceArn and
// aws:SourceAccount, as add-permission writes them.
func (s *synth) sourceConditions() []policy.Condition {
	var cs []policy.Condition
	if v, ok := s.ri.ctxValue("aws:SourceArn"); ok && v != "" && !elided(v) {
		cs = append(cs, cond("ArnLike", "AWS:SourceArn", v))
	}
	if v, ok := s.ri.ctxValue("aws:SourceAccount"); ok && v != "" && !elided(v) {
		cs = append(cs, cond("StringEquals", "AWS:SourceAccount", v))
	}
	return cs
}

// permission is a statement of a function policy as add-permission takes
// it.
type permission struct {
	sid, action, principal                       string
	sourceARN, sourceAccount, orgID, urlAuthType string
}

// permissionOf reads st as a permission; false when add-permission
// cannot write it: a Deny, several principals or actions, a principal of
// another kind than an account, IAM user or role, service or "*", or a
// condition other than those add-permission writes.
func permissionOf(st *policy.Statement) (permission, bool) {
	var p permission
	if st == nil || st.Effect != policy.Allow || st.Sid == "" || st.NotPrincipal != nil || st.NotAction != nil || st.NotResource != nil ||
		len(st.Action) != 1 || len(st.Resource) != 1 || st.Principal == nil {
		return p, false
	}
	p.sid, p.action = st.Sid, st.Action[0]
	pr := st.Principal
	switch {
	case pr.Wildcard:
		p.principal = "*"
	case len(pr.AWS) == 1 && len(pr.Service)+len(pr.Federated)+len(pr.CanonicalUser) == 0:
		p.principal = pr.AWS[0]
		if a, ok := arn.Parse(p.principal); ok && a.Service == "iam" && a.Resource == "root" {
			p.principal = a.Account // add-permission takes an account by its ID
		}
	case len(pr.Service) == 1 && len(pr.AWS)+len(pr.Federated)+len(pr.CanonicalUser) == 0:
		p.principal = pr.Service[0]
	default:
		return p, false
	}
	for _, c := range st.Conditions {
		if len(c.Values) != 1 {
			return p, false
		}
		v := c.Values[0]
		switch k := strings.ToLower(c.Key); {
		case k == "aws:sourcearn" && (c.Operator == "ArnLike" || c.Operator == "ArnEquals") && p.sourceARN == "":
			p.sourceARN = v
		case k == "aws:sourceaccount" && c.Operator == "StringEquals" && p.sourceAccount == "":
			p.sourceAccount = v
		case k == "aws:principalorgid" && c.Operator == "StringEquals" && p.orgID == "":
			p.orgID = v
		case k == "lambda:functionurlauthtype" && c.Operator == "StringEquals" && p.urlAuthType == "":
			p.urlAuthType = v
		default:
			return p, false
		}
	}
	return p, true
}

// functionRef is how the commands name the function of t: its ARN
// without the qualifier, or its name alone when the ARN's Region or name
// is not known (a placeholder: the command then runs in the function's
// account and Region); the qualifier (version or alias), and the Region
// flag.
func functionRef(t Target) (name, qualifier, region string) {
	parts, n := arn.Fields(t.ARN)
	if n < 6 {
		return orUnknown(t.Name, "<function-name>"), "", ""
	}
	fn := strings.TrimPrefix(parts[5], "function:")
	fn, qualifier, _ = strings.Cut(fn, ":")
	if qualifier == "$LATEST" {
		qualifier = "" // $LATEST takes the unqualified function's policy
	}
	if elided(parts[3]) || elided(fn) {
		return orUnknown(fn, "<function-name>"), qualifier, ""
	}
	return "arn:" + parts[1] + ":lambda:" + parts[3] + ":" + parts[4] + ":function:" + fn, qualifier, regionFlag(parts[3])
}

// getPolicyCommand prints the function policy of t (its statement IDs).
func getPolicyCommand(t Target) string {
	fn, q, region := functionRef(t)
	cmd := "aws lambda get-policy --function-name " + shellWord(fn)
	if q != "" {
		cmd += " --qualifier " + shellWord(q)
	}
	return cmd + " --query Policy --output text" + region
}

// renderFunctionPolicy renders a fix to a Lambda function policy: the
// statement JSON, and the permission as add-permission, Terraform's
// aws_lambda_permission and CloudFormation's AWS::Lambda::Permission
// take it, each under a comment line naming the policy. A statement they
// cannot write (a narrowed Deny, a condition they do not take) gets the
// statement JSON and comment lines saying so.
func renderFunctionPolicy(f *Fix) {
	t := f.Target
	c := f.Render.comment
	if f.Document != nil {
		f.Render.PolicyJSON = string(policy.Format(f.Document))
	}
	get := getPolicyCommand(t)
	p, ok := permissionOf(f.Statement)
	if !ok || f.Original != nil {
		f.Render.CLI = []string{c(i18n.M("fixcli.function-policy.cannot-add", nameArg(t), get))}
		f.Render.Terraform = c(i18n.M("fixcli.iac.function-policy.cannot-add", nameArg(t), "aws_lambda_permission")) + "\n"
		f.Render.CloudFormation = c(i18n.M("fixcli.iac.function-policy.cannot-add", nameArg(t), "AWS::Lambda::Permission")) + "\n"
		return
	}
	fn, q, region := functionRef(t)
	cmd := "aws lambda add-permission --function-name " + shellWord(fn) + " --statement-id " + shellWord(p.sid) +
		" --action " + shellWord(p.action) + " --principal " + shellWord(p.principal)
	for _, fl := range [...]struct{ flag, v string }{
		{"--source-arn", p.sourceARN}, {"--source-account", p.sourceAccount}, {"--principal-org-id", p.orgID},
		{"--function-url-auth-type", p.urlAuthType}, {"--qualifier", q},
	} {
		if fl.v != "" {
			cmd += " " + fl.flag + " " + shellWord(fl.v)
		}
	}
	f.Render.CLI = []string{c(i18n.M("fixcli.function-policy.add", nameArg(t), get)), cmd + region}

	var b strings.Builder
	b.WriteString(c(i18n.M("fixcli.iac.function-policy", nameArg(t), "aws_lambda_permission")) + "\n")
	attrs := []hclAttr{{key: "statement_id", val: str(p.sid)}, {key: "action", val: str(p.action)}, {key: "function_name", val: str(fn)}, {key: "principal", val: str(p.principal)}}
	for _, a := range [...]struct{ key, v string }{
		{"source_arn", p.sourceARN}, {"source_account", p.sourceAccount}, {"principal_org_id", p.orgID},
		{"function_url_auth_type", p.urlAuthType}, {"qualifier", q},
	} {
		if a.v != "" {
			attrs = append(attrs, hclAttr{key: a.key, val: str(a.v)})
		}
	}
	hclBlock(&b, "resource", []string{"aws_lambda_permission", tfName(p.sid)}, attrs...)
	f.Render.Terraform = b.String()

	// AWS::Lambda::Permission takes the version or alias in FunctionName.
	cfnFn := fn
	if q != "" {
		cfnFn += ":" + q
	}
	props := []any{"Action", str(p.action), "FunctionName", str(cfnFn), "Principal", str(p.principal)}
	for _, a := range [...]struct{ key, v string }{
		{"SourceArn", p.sourceARN}, {"SourceAccount", p.sourceAccount}, {"PrincipalOrgID", p.orgID}, {"FunctionUrlAuthType", p.urlAuthType},
	} {
		if a.v != "" {
			props = append(props, a.key, str(a.v))
		}
	}
	f.Render.CloudFormation = c(i18n.M("fixcli.iac.function-policy", nameArg(t), "AWS::Lambda::Permission")) + "\n" +
		cfnResource(cfnID(p.sid), "AWS::Lambda::Permission", props...)
}
