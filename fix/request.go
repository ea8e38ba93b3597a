package fix

import (
	"encoding/json"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/simulate"
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
}

// newReqInfo parses the case's request. The context keys the request
// implies are filled in as the engine fills them.
func newReqInfo(c *simulate.Case, opt Options) (*reqInfo, error) {
	if c == nil || c.Request.Principal == "" || c.Request.Action == "" {
		return nil, errNoRequest
	}
	pr, err := simulate.Prepare(&simulate.Case{Request: c.Request}, simulate.Options{Now: opt.Now, AllowUnknownActions: true, Cache: opt.Cache})
	if err != nil {
		return nil, err
	}
	r := pr.Request
	ri := &reqInfo{p: r.Principal, action: r.Action, service: r.Service(), resource: r.Resource, ctx: r.Context}
	ri.actionName = r.Action[strings.IndexByte(r.Action, ':')+1:]
	if r.Resource != "*" {
		copy(ri.res[:], strings.SplitN(r.Resource, ":", 6))
	}
	switch ri.p.Kind {
	case authz.PrincipalRole:
		ri.roleARN = ri.p.ARN
	case authz.PrincipalSession:
		ri.roleARN = ri.p.RoleARN
		if ri.p.Name == backupDefaultRole {
			ri.roleARN = "arn:" + ri.p.Partition + ":iam::" + ri.p.Account + ":role/service-role/" + ri.p.Name
		}
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

// crossAccount reports whether the principal and the resource belong to
// different accounts.
func (ri *reqInfo) crossAccount() bool {
	acct, _ := ri.ctxValue("aws:ResourceAccount")
	return ri.p.Account != "" && acct != "" && acct != ri.p.Account
}

// awsPrincipal reports whether the requester is an IAM identity (not a
// service or an anonymous caller).
func (ri *reqInfo) awsPrincipal() bool {
	return ri.p.Kind != authz.PrincipalService && ri.p.Kind != authz.PrincipalAnonymous
}

// principalARN is the ARN that policies name the requester by: the role
// (not the session) for assumed roles.
func (ri *reqInfo) principalARN() string {
	if ri.roleARN != "" {
		return ri.roleARN
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

// setContext sets key = value in the case's request context.
func setContext(c *simulate.Case, key, value string) {
	raw, _ := json.Marshal(value)
	if c.Request.Context == nil {
		c.Request.Context = map[string]json.RawMessage{}
	}
	c.Request.Context[key] = raw
}
