package fix

import (
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/arn"
)

// reqInfo is the denied request, parsed once for synthesis.
type reqInfo struct {
	p          authz.Principal
	action     string // as given
	actionName string // the part after the colon
	service    string // lower-cased service prefix
	resource   string // "*" when the action has no resource
	res        [6]string
	ctx        authz.Context
	// roleARN is the role behind the principal, with its path when known.
	roleARN string
	// vaultARN is the backup vault whose access policy is the request's
	// resource policy (the input's resource document names it), when the
	// resource is a recovery point: its vault is not in its ARN.
	vaultARN string
	// given is the context the input's request gives (the prepared
	// request's Context may leave such keys out).
	given map[string][]string
}

// newReqInfo parses the input's request. The context keys the request
// implies are filled in as the engine fills them. prepared, when set, is
// the input prepared (Problem.Prepared): its request is the one a
// preparation of the request alone builds (the request does not depend on
// the policies, nor, for an input that prepares without error, on
// AllowUnknownActions), so it is read instead of preparing again (1.6% of
// an organization audit's CPU profile, BenchmarkAuditOrg); reqInfo only
// reads it.
func newReqInfo(in *eval.Input, opt Options, prepared *eval.Prepared) (*reqInfo, error) {
	if in == nil || in.Request.Principal == "" || in.Request.Action == "" {
		return nil, errNoRequest
	}
	pr := prepared
	if pr == nil {
		var err error
		pr, err = eval.Prepare(&eval.Input{Request: in.Request}, eval.Options{Now: opt.Now, AllowUnknownActions: true, Cache: opt.Cache})
		if err != nil {
			return nil, err
		}
	}
	r := pr.Request
	ri := &reqInfo{p: r.Principal, action: r.Action, service: r.Service(), resource: r.Resource, ctx: r.Context, given: in.Request.Context}
	ri.actionName = r.Action[strings.IndexByte(r.Action, ':')+1:]
	if in.Resource != nil && strings.HasPrefix(in.Resource.Name, "arn:") && strings.Contains(in.Resource.Name, ":backup:") && strings.Contains(in.Resource.Name, ":backup-vault:") {
		ri.vaultARN = in.Resource.Name
	}
	if r.Resource != "*" {
		ri.res, _ = arn.Fields(r.Resource)
	}
	switch ri.p.Kind {
	case authz.PrincipalRole:
		ri.roleARN = ri.p.ARN
	case authz.PrincipalSession:
		ri.roleARN = ri.p.RoleARN
		if ri.p.Name == backupDefaultRole {
			ri.roleARN = "arn:" + ri.p.Partition + ":iam::" + ri.p.Account + ":role/service-role/" + ri.p.Name
		}
		if ri.ssoRole() && ri.roleARN == "arn:"+ri.p.Partition+":iam::"+ri.p.Account+":role/"+ri.p.Name {
			// IAM Identity Center creates its roles under this path (some
			// accounts have a Region segment after it).
			ri.roleARN = "arn:" + ri.p.Partition + ":iam::" + ri.p.Account + ":role/" + ssoPath + ri.p.Name
		}
	}
	if ri.p.ServiceLinked() && !strings.Contains(ri.roleARN, ":role/aws-service-role/") && !elided(ri.p.Name) {
		// A service-linked role lives under /aws-service-role/SERVICE/,
		// which a session ARN does not give: no policy may name the role by
		// an ARN without that path.
		ri.roleARN = "arn:" + ri.p.Partition + ":iam::" + ri.p.Account + ":role/aws-service-role/<service-principal>/" + ri.p.Name
	}
	if ri.roleARN != "" && elided(ri.p.Name) && !ri.ssoRole() {
		// The message cut the role's name short: name it by a placeholder.
		ri.roleARN = "arn:" + ri.p.Partition + ":iam::" + ri.p.Account + ":role/<role-name>"
	}
	if opt.RoleARN != "" && ri.roleARN != "" {
		ri.roleARN = opt.RoleARN
	}
	return ri, nil
}

// ctxValue returns the first value of a context key.
func (ri *reqInfo) ctxValue(key string) (string, bool) {
	v, ok := ri.ctx.Get(key)
	if !ok || len(v) == 0 {
		return "", false
	}
	return v[0], true
}

// givenValue is ctxValue, falling back on the context the input gives.
func (ri *reqInfo) givenValue(key string) (string, bool) {
	if v, ok := ri.ctxValue(key); ok {
		return v, true
	}
	for k, v := range ri.given {
		if strings.EqualFold(k, key) && len(v) > 0 {
			return v[0], true
		}
	}
	return "", false
}

// crossAccount reports whether the principal and the resource belong to
// different accounts.
func (ri *reqInfo) crossAccount() bool {
	acct, _ := ri.ctxValue("aws:ResourceAccount")
	return ri.p.Account != "" && acct != "" && acct != ri.p.Account
}

// awsPrincipal reports whether the requester is an IAM identity (not a
// service, an identity provider or an anonymous caller).
func (ri *reqInfo) awsPrincipal() bool {
	return ri.p.Kind != authz.PrincipalService && ri.p.Kind != authz.PrincipalAnonymous && ri.p.Kind != authz.PrincipalIdentityProvider
}

// principalARN is the ARN that policies name the requester by: the role
// (not the session) for assumed roles.
func (ri *reqInfo) principalARN() string {
	if ri.roleARN != "" {
		return ri.roleARN
	}
	if ri.p.Kind == authz.PrincipalUser && elided(ri.p.Name) && !ri.kindUnknown() {
		return "arn:" + ri.p.Partition + ":iam::" + ri.p.Account + ":user/<user-name>"
	}
	if ri.p.Kind == authz.PrincipalFederated && elided(ri.p.Name) {
		return "arn:" + ri.p.Partition + ":sts::" + ri.p.Account + ":federated-user/<federated-user-name>"
	}
	return ri.p.ARN
}

// principalLabel is a short name of the requester for Sids and titles.
func (ri *reqInfo) principalLabel() string {
	switch ri.p.Kind {
	case authz.PrincipalService:
		label, _, _ := strings.Cut(ri.p.ARN, ".")
		return label
	case authz.PrincipalRoot:
		return "Account" + ri.p.Account
	case authz.PrincipalAnonymous:
		return "Anyone"
	}
	if elided(ri.p.Name) {
		return "" // a name the message cut short names nobody
	}
	return ri.p.Name
}

// resourceName is the last part of the resource ARN (a role, vault, key
// or bucket name), or "" when the request has no resource.
func (ri *reqInfo) resourceName() string {
	if ri.resource == "*" {
		return ""
	}
	part := ri.res[5]
	if i := strings.LastIndexAny(part, "/:"); i >= 0 && i < len(part)-1 {
		return part[i+1:]
	}
	return part
}

// setContext sets key = value in the input's request context (which
// must be the input's own: cloneInput copies it).
func setContext(in *eval.Input, key, value string) {
	if in.Request.Context == nil {
		in.Request.Context = map[string][]string{}
	}
	in.Request.Context[key] = []string{value}
}

// UnknownPrincipalName is the name of the IAM user that stands for a
// principal whose kind the caller does not know (a message naming it
// "xxxxxxx" or "[redacted]", or not at all): a request made by
// arn:PARTITION:iam::ACCOUNT:user/<principal-name> is evaluated as a
// user's, and its identity-based fixes name no user nor role: their
// renderings give the commands for a role and for a user, each with its
// placeholder (<role-name>, <user-name>), and say how to tell which it
// is. A resource-based policy's statement names the stand-in's ARN, for
// the caller to replace with a placeholder (Fix.WithPlaceholder).
const UnknownPrincipalName = "<principal-name>"

// kindUnknown reports whether the principal stands for one whose kind
// is not known (UnknownPrincipalName).
func (ri *reqInfo) kindUnknown() bool {
	return ri.p.Kind == authz.PrincipalUser && ri.p.Name == UnknownPrincipalName
}

// ssoPath is the path of the roles IAM Identity Center creates for
// permission sets (AWSReservedSSO_<permission set>_<suffix>). Some accounts
// have them under ssoPath + "<region>/".
const ssoPath = "aws-reserved/sso.amazonaws.com/"

// ssoRole reports whether the principal is a session of a role that IAM
// Identity Center created for a permission set.
func (ri *reqInfo) ssoRole() bool {
	return (ri.p.Kind == authz.PrincipalSession || ri.p.Kind == authz.PrincipalRole) && strings.HasPrefix(ri.p.Name, "AWSReservedSSO_")
}

// elided reports whether s was shortened or redacted by whoever quoted the
// message: "...", "…", "XXX", "<...>", "*".
func elided(s string) bool {
	return strings.Contains(s, "...") || strings.Contains(s, "…") || strings.Contains(s, "XXX") || strings.Contains(s, "xxx") ||
		strings.ContainsAny(s, "<>*{}") || strings.Contains(s, "___")
}

// principalPattern is the aws:PrincipalArn value that excepts the
// requester: the role's ARN, or for an IAM Identity Center role a pattern
// that matches it under any Region segment of its path, and with the
// permission set's suffix left open when the message elided it.
func (ri *reqInfo) principalPattern() string {
	if !ri.ssoRole() {
		return ri.principalARN()
	}
	name := ri.p.Name
	if elided(name) {
		// AWSReservedSSO_<permission set>_<hex suffix>: keep the permission set.
		rest := strings.TrimPrefix(name, "AWSReservedSSO_")
		if i := strings.LastIndexByte(rest, '_'); i > 0 && !elided(rest[:i]) {
			name = "AWSReservedSSO_" + rest[:i] + "_*"
		} else {
			name = "AWSReservedSSO_*"
		}
	}
	return "arn:" + ri.p.Partition + ":iam::" + ri.p.Account + ":role/" + ssoPath + "*" + name
}

// serviceSession names the AWS service that owns the principal's session
// and the session policy that goes with it, or "" when the caller creates
// the session itself. Such a session policy is not the caller's to widen.
func (ri *reqInfo) serviceSession() string {
	if ri.p.Kind != authz.PrincipalSession {
		return ""
	}
	switch {
	case ri.p.Session == "CognitoIdentityCredentials":
		return "cognito-identity"
	case ri.p.Session == "FlinkApplicationStateSession" || strings.HasPrefix(ri.p.Name, "AWSKinesisAnalytics"):
		return "kinesisanalytics"
	}
	return ""
}
