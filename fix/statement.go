package fix

import (
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/policy"
)

// newPolicy returns a 2012-10-17 policy holding sts.
func newPolicy(sts ...*policy.Statement) *policy.Policy {
	return &policy.Policy{Version: policy.Version2012, Statements: sts}
}

// cond returns one condition test.
func cond(op, key string, values ...string) policy.Condition {
	return policy.Condition{Operator: op, Key: key, Values: values}
}

// copyStatement copies a statement so that the copy can be changed.
func copyStatement(st *policy.Statement) *policy.Statement {
	n := *st
	strs := func(s []string) []string {
		if s == nil {
			return nil
		}
		return append(make([]string, 0, len(s)), s...)
	}
	prin := func(p *policy.Principal) *policy.Principal {
		if p == nil {
			return nil
		}
		x := *p
		x.AWS, x.Service, x.Federated, x.CanonicalUser = strs(p.AWS), strs(p.Service), strs(p.Federated), strs(p.CanonicalUser)
		return &x
	}
	n.Principal, n.NotPrincipal = prin(st.Principal), prin(st.NotPrincipal)
	n.Action, n.NotAction = strs(st.Action), strs(st.NotAction)
	n.Resource, n.NotResource = strs(st.Resource), strs(st.NotResource)
	if st.Conditions != nil {
		n.Conditions = make([]policy.Condition, len(st.Conditions))
		for i, c := range st.Conditions {
			c.Values = strs(c.Values)
			c.ValueKinds = append([]policy.ValueKind(nil), c.ValueKinds...)
			n.Conditions[i] = c
		}
	}
	return &n
}

// withStatements returns a copy of p whose statements are replaced (by
// index) and extended. The statements of p are shared, not copied: they
// are never changed in place.
func withStatements(p *policy.Policy, replace map[int]*policy.Statement, add ...*policy.Statement) *policy.Policy {
	n := *p
	n.StatementIsObject = false
	n.Statements = make([]*policy.Statement, 0, len(p.Statements)+len(add))
	for i, st := range p.Statements {
		if r, ok := replace[i]; ok {
			st = r
		}
		n.Statements = append(n.Statements, st)
	}
	n.Statements = append(n.Statements, add...)
	return &n
}

// grant returns the statement that allows exactly the request: its
// action on its resource ("*" when the action has none), with the
// conditions that state intent.
func (s *synth) grant() *policy.Statement {
	return &policy.Statement{
		Sid:        "Allow" + alnum(s.ri.actionName),
		HasSid:     true,
		Effect:     policy.Allow,
		Action:     []string{s.ri.action},
		Resource:   []string{s.ri.resource},
		Conditions: s.intent(),
	}
}

// intent returns the conditions that say what the permission is for:
// the service a role is passed to, the service a KMS key is used
// through, and that a grant is for an AWS resource.
func (s *synth) intent() []policy.Condition {
	var cs []policy.Condition
	switch {
	case strings.EqualFold(s.ri.action, "iam:PassRole"):
		if s.passedTo != "" {
			cs = append(cs, cond("StringEquals", "iam:PassedToService", s.passedTo))
		} else if s.passedToUnknown {
			// Never no condition, which would let the role go to any service.
			cs = append(cs, cond("StringEquals", "iam:PassedToService", PassedToServicePlaceholder))
		}
	case s.ri.service == "kms":
		if v, ok := s.ri.ctxValue("kms:ViaService"); ok {
			cs = append(cs, cond("StringEquals", "kms:ViaService", v))
		}
		if v, ok := s.ri.ctxValue("kms:GrantIsForAWSResource"); ok && strings.EqualFold(s.ri.actionName, "CreateGrant") && strings.EqualFold(v, "true") {
			cs = append(cs, cond("Bool", "kms:GrantIsForAWSResource", "true"))
		}
	}
	return cs
}

// PassedToServicePlaceholder is the iam:PassedToService an iam:PassRole
// fix names when the request does not say which service the role is
// passed to: a command holding it is not runnable as it is.
const PassedToServicePlaceholder = "<service>.amazonaws.com"

// principal returns the Principal element naming the requester: the
// role (never the session) for an assumed role, the service for a
// service principal, "*" for an anonymous caller.
func (s *synth) principal() *policy.Principal {
	if s.ri.p.Kind == authz.PrincipalAnonymous {
		return &policy.Principal{Wildcard: true}
	}
	if s.ri.p.Kind == authz.PrincipalService {
		return &policy.Principal{Service: []string{s.ri.p.ARN}}
	}
	if s.ri.p.Kind == authz.PrincipalIdentityProvider {
		return &policy.Principal{Federated: []string{s.ri.p.ARN}}
	}
	if s.ri.ssoRole() {
		// An IAM Identity Center role's path may hold a Region segment and
		// the role is recreated when its permission set is: name the
		// account, and the role by an aws:PrincipalArn pattern
		// (principalConditions).
		return &policy.Principal{AWS: []string{"arn:" + s.ri.p.Partition + ":iam::" + s.ri.p.Account + ":root"}}
	}
	return &policy.Principal{AWS: []string{s.ri.principalARN()}}
}

// principalConditions are the conditions that go with principal(): for an
// IAM Identity Center role, the aws:PrincipalArn pattern naming it.
func (s *synth) principalConditions() []policy.Condition {
	if !s.ri.ssoRole() {
		return nil
	}
	return []policy.Condition{cond("ArnLike", "aws:PrincipalArn", s.ri.principalPattern())}
}

// exemption returns a copy of the Deny st that no longer applies to this
// request, and whether it excepts the resource (else the principal). With preferResource, a Deny on "*" becomes a
// Deny on everything but the requested resource; otherwise (and when
// that is not possible) the requester is excepted by a condition on
// aws:PrincipalArn (aws:PrincipalServiceName for a service).
func (s *synth) exemption(st *policy.Statement, preferResource bool) (ns *policy.Statement, byResource bool) {
	n := copyStatement(st)
	if preferResource && s.ri.resource != "*" && len(st.Resource) == 1 && st.Resource[0] == "*" {
		n.Resource, n.NotResource = nil, []string{s.ri.resource}
		return n, true
	}
	op, key, val := s.exemptionCondition()
	for i := range n.Conditions {
		c := &n.Conditions[i]
		if c.Operator == op && strings.EqualFold(c.Key, key) {
			for _, v := range c.Values {
				if v == val {
					return n, false
				}
			}
			c.Values = append(c.Values, val)
			if len(c.ValueKinds) > 0 {
				c.ValueKinds = append(c.ValueKinds, policy.KindString)
			}
			return n, false
		}
	}
	n.Conditions = append(n.Conditions, cond(op, key, val))
	return n, false
}

// exemptionCondition is the condition test that excepts the requester.
func (s *synth) exemptionCondition() (op, key, value string) {
	if s.ri.p.Kind == authz.PrincipalService {
		return "StringNotEquals", "aws:PrincipalServiceName", s.ri.p.ARN
	}
	if s.ri.p.Kind == authz.PrincipalIdentityProvider {
		// An AssumeRoleWithWebIdentity or AssumeRoleWithSAML request is
		// not signed: it carries no aws:PrincipalArn, but the subject of
		// the token or assertion (IAM User Guide, available keys for OIDC
		// and SAML federation). Without its value, a placeholder.
		key := s.ri.subjectKey()
		if v, ok := s.ri.givenValue(key); ok && v != "" {
			return "StringNotEquals", key, v
		}
		return "StringNotEquals", key, subjectPlaceholder(key)
	}
	return "ArnNotLike", "aws:PrincipalArn", s.ri.principalPattern()
}

// subjectKey is the condition key naming the web identity or SAML caller
// itself: the token's subject (sub; Facebook's id, Login with Amazon's
// user_id) under the provider's prefix, or saml:sub.
func (ri *reqInfo) subjectKey() string {
	if ri.p.SAMLProvider() {
		return "saml:sub"
	}
	prefix := ri.p.ARN
	if i := strings.Index(prefix, ":oidc-provider/"); i >= 0 {
		prefix = prefix[i+len(":oidc-provider/"):]
	}
	switch strings.ToLower(prefix) {
	case "graph.facebook.com":
		return "graph.facebook.com:id"
	case "www.amazon.com":
		return "www.amazon.com:user_id"
	}
	return prefix + ":sub"
}

// subjectPlaceholder is the value of an exemption by the subject key when
// the request does not give it: no command may run with it.
func subjectPlaceholder(key string) string { return "<" + key + ">" }

// exemptionValue is the value of exemptionCondition.
func (s *synth) exemptionValue() string {
	_, _, v := s.exemptionCondition()
	return v
}

// alnum keeps the ASCII letters and digits of s (Sids allow no others).
func alnum(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// iamName keeps the characters IAM allows in policy names and caps the
// length at 128.
func iamName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s) && b.Len() < 128; i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_+=,.@-", c) >= 0 {
			b.WriteByte(c)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// inlinePolicyName names the inline policy of an identity fix:
// denied-allow-<action>[-<resource name>].
func (ri *reqInfo) inlinePolicyName() string {
	name := "denied-allow-" + strings.ToLower(ri.actionName)
	if r := ri.resourceName(); r != "" && r != "*" && !elided(r) {
		name += "-" + r
	}
	return iamName(name)
}
