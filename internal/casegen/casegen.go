// Package casegen generates random but realistic `denied simulate` cases for
// differential testing against a peer implementation.
//
// Generation is deterministic: the same seed always yields the same cases
// (math/rand/v2 PCG). Every case is a complete JSON document in the
// `denied simulate` case format with id "g-<seed>-<i>". About 4% of the
// policy documents, in every layer, are written as a JSON string holding
// the document's text, plain or URL-encoded as IAM returns it
// (docstring.go); the others are JSON objects. Alongside each case
// the generator records feature tags (for example "principal:root",
// "op:StringLike", "var-missing") that describe what the case exercises;
// the tags are kept out of the case itself so that the engine, which rejects
// unknown fields, sees only the contract format. Adjudication records in
// testdata/adjudicated match on these tags.
//
// The cases stay inside what a validating peer accepts: actions come from a
// pool of real actions with resource ARNs of the right resource type, and the
// request context holds only global aws:* keys and the action's own service
// keys, with values of the right type. Policies use every layer (identity,
// permissions boundary, session policy, resource policy, SCP and RCP levels,
// VPC endpoint policies), every principal type, Action/NotAction,
// Resource/NotResource, Principal/NotPrincipal, every condition operator with
// IfExists and set qualifiers, and policy variables with and without
// defaults.
//
// Cases are built as simulate.Case values with policy.Policy documents (the
// types that read them), never with mirrors of the format. The package
// is for tests and tools: product code must not import it.
package casegen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/deniedhq/denied/simulate"
)

// Case is one generated case with the feature tags that describe it.
type Case struct {
	ID       string
	JSON     []byte
	Features []string
}

// Generator produces a deterministic stream of cases.
type Generator struct {
	r   *rand.Rand
	enc *rand.Rand // which documents are written as strings, and how (docstring.go)
	x   *rand.Rand // the forms of extras.go
	// plainDocs writes every document as an object (for the test that
	// compares the string documents with them)
	plainDocs bool
	seed      uint64
	i         int

	// per-case state
	feats    map[string]bool
	userName string
	ctx      map[string]any // the request context, marshalled into the case when it is built
}

// New returns a generator whose stream is determined by seed.
func New(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		enc: rand.New(rand.NewPCG(seed^0xd1b54a32d192ed03, seed+0x2545f4914f6cdd1d)),
		x:   rand.New(rand.NewPCG(seed^0xa0761d6478bd642f, seed+0xe7037ed1a0b428db)), seed: seed}
}

// Next returns the next case as JSON.
func (g *Generator) Next() []byte { return g.NextCase().JSON }

// NextCase returns the next case with its feature tags.
func (g *Generator) NextCase() Case {
	id := fmt.Sprintf("g-%d-%d", g.seed, g.i)
	g.i++
	g.feats = map[string]bool{}
	g.userName = ""
	g.ctx = nil
	c := g.build(id)
	if g.xChance(0.012) {
		g.feats = map[string]bool{}
		g.userName = ""
		c = g.extraCase(id)
	}
	g.typeContext(g.ctx)
	c.Request.Context = contextJSON(g.ctx)
	g.dropResourceAccount(c)
	g.reshapeDocs(c)
	if !g.plainDocs {
		g.encodeDocs(c)
	}
	data, err := json.Marshal(c)
	if err != nil {
		panic("casegen: " + err.Error()) // the model only holds marshalable values
	}
	feats := make([]string, 0, len(g.feats))
	for f := range g.feats {
		feats = append(feats, f)
	}
	sort.Strings(feats)
	return Case{ID: id, JSON: data, Features: feats}
}

// Generate returns n cases generated from seed.
func Generate(seed uint64, n int) [][]byte {
	out := make([][]byte, n)
	g := New(seed)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}

// GenerateCases returns n cases generated from seed with their feature tags.
// Case i has the same JSON as Generate(seed, n)[i].
func GenerateCases(seed uint64, n int) []Case {
	out := make([]Case, n)
	g := New(seed)
	for i := range out {
		out[i] = g.NextCase()
	}
	return out
}

// GenerateWithFeatures returns n cases and, per case, its feature tags.
func GenerateWithFeatures(seed uint64, n int) ([][]byte, [][]string) {
	cs := GenerateCases(seed, n)
	data := make([][]byte, n)
	feats := make([][]string, n)
	for i, c := range cs {
		data[i], feats[i] = c.JSON, c.Features
	}
	return data, feats
}

func (g *Generator) chance(p float64) bool { return g.r.Float64() < p }
func (g *Generator) tag(f string)          { g.feats[f] = true }

// weighted picks an index with the given weights.
func (g *Generator) weighted(ws ...int) int {
	total := 0
	for _, w := range ws {
		total += w
	}
	n := g.r.IntN(total)
	for i, w := range ws {
		if n < w {
			return i
		}
		n -= w
	}
	return len(ws) - 1
}

// principal kinds
const (
	pUser = iota
	pSession
	pFederated
	pRoot
	pService
	pAnon
)

var principalTags = []string{"principal:user", "principal:role-session", "principal:federated-user", "principal:root", "principal:service", "principal:anonymous"}

// scn is the scenario of one case.
type scn struct {
	kind      int
	principal string // request principal
	pAcct     string // principal's account ("" for service and anonymous)
	roleArn   string // role of a role session
	userArn   string // IAM user of a user or federated user
	svc       string // service principal
	spec      *actionSpec
	res       resource
	resAcct   string
	ctx       map[string]any
	hasSess   bool
	hasBound  bool
}

func (s *scn) authenticated() bool { return s.kind != pAnon }
func (s *scn) iamPrincipal() bool {
	return s.kind == pUser || s.kind == pSession || s.kind == pFederated
}

func (g *Generator) build(id string) *simulate.Case {
	if g.chance(0.05) {
		return g.special(id)
	}
	s := &scn{kind: g.weighted(30, 31, 7, 5, 13, 8)}
	g.tag(principalTags[s.kind])
	s.spec = g.pickAction(s.kind)
	g.tag("action:" + s.spec.action)

	// accounts
	s.resAcct = acctA
	if s.iamPrincipal() || s.kind == pRoot {
		s.pAcct = acctA
		if s.spec.res != nil && s.spec.crossAccount && g.chance(0.3) {
			s.pAcct = acctB
			if g.chance(0.35) {
				s.pAcct = acctC
			}
			g.tag("cross-account")
		}
	}
	g.makePrincipal(s)
	if s.spec.res == nil {
		s.res = resource{arn: "*", match: []string{"*"}}
		if s.pAcct != "" {
			s.resAcct = s.pAcct
		}
		g.tag("wildcard-only-action")
	} else {
		s.res = s.spec.res(g, s.resAcct)
	}

	c := &simulate.Case{ID: id, Request: simulate.CaseRequest{Principal: s.principal, Action: g.requestAction(s.spec.action), Resource: s.res.arn, ResourceAccount: s.resAcct}}
	if s.kind == pFederated && g.xChance(0.5) {
		// the IAM user that called GetFederationToken, of the session's name
		c.Request.FederatingUser = s.userArn
		g.tag(FeatFederatingUser)
	}
	if g.chance(0.3) {
		c.ManagementAccount = acctMgmt
	}

	// which layers
	useVpce := s.kind != pService && g.chance(0.15)
	s.hasSess = s.kind == pFederated || (s.kind == pSession && g.chance(0.3))
	s.hasBound = (s.kind == pUser || s.kind == pSession) && g.chance(0.25)
	s.ctx = g.context(s, useVpce)
	g.ctx = s.ctx

	if s.iamPrincipal() {
		n := 1 + g.weighted(50, 35, 15)
		if g.chance(0.04) {
			n = 0
		}
		for i := range n {
			c.IdentityPolicies = append(c.IdentityPolicies, doc(g.identityPolicyName(s, i), g.identityPolicy(s, "identity", 1+g.weighted(30, 28, 18, 11, 7, 6))))
		}
		if len(c.IdentityPolicies) > 0 {
			g.tag("layer:identity")
		}
	}
	if s.hasBound {
		g.tag("layer:boundary")
		b := doc("arn:aws:iam::"+s.pAcct+":policy/DeveloperBoundary", g.identityPolicy(s, "boundary", 1+g.weighted(50, 35, 15)))
		c.PermissionsBoundary = &b
	}
	if s.hasSess {
		g.tag("layer:session")
		sp := doc("session-policy", g.identityPolicy(s, "session", 1+g.weighted(50, 35, 15)))
		c.SessionPolicy = &sp
	}
	if s.spec.resourcePolicy && (s.kind == pAnon || s.kind == pService || s.spec.service() == "kms" || s.spec.action == "sts:AssumeRole" || g.chance(0.65)) {
		g.tag("layer:resource")
		rp := doc(g.resourcePolicyName(s), g.resourcePolicy(s))
		c.ResourcePolicy = &rp
	}
	if (s.iamPrincipal() || s.kind == pRoot) && g.chance(0.55) {
		g.tag("layer:scp")
		c.ServiceControlPolicies = g.scps(s)
	}
	if g.chance(0.4) {
		g.tag("layer:rcp")
		c.ResourceControlPolicies = g.rcps(s)
	}
	if useVpce {
		g.tag("layer:vpce")
		c.VPCEndpointPolicies = []simulate.PolicyDoc{doc("vpce-policy", g.identityPolicy(s, "vpce", 1+g.weighted(50, 35, 15)))}
	}
	g.addClass(s, c)
	return c
}

// pickAction chooses an action that suits the principal kind.
func (g *Generator) pickAction(kind int) *actionSpec {
	var cands []*actionSpec
	var ws []int
	for _, a := range pool {
		svc := a.service()
		switch kind {
		case pAnon:
			if !a.anonymous {
				continue
			}
		case pService:
			if len(a.servicePrincipals) == 0 {
				continue
			}
		case pRoot:
			if a.action == "sts:AssumeRole" {
				continue // the root user cannot assume roles
			}
		case pFederated:
			if svc == "iam" || svc == "sts" {
				continue // federated user sessions cannot call IAM or STS (other than GetCallerIdentity)
			}
		}
		cands = append(cands, a)
		ws = append(ws, a.weight)
	}
	return cands[g.weighted(ws...)]
}

// requestAction occasionally varies the case of the request's action.
func (g *Generator) requestAction(a string) string {
	if g.chance(0.03) {
		g.tag("request-action-case")
		return caseVary(g, a)
	}
	return a
}

func (g *Generator) makePrincipal(s *scn) {
	switch s.kind {
	case pUser:
		n := pick(g, userNames)
		g.userName = n
		s.userArn = "arn:aws:iam::" + s.pAcct + ":user/" + n
		s.principal = s.userArn
	case pSession:
		role := pick(g, roleNames)
		s.roleArn = "arn:aws:iam::" + s.pAcct + ":role/" + role
		s.principal = "arn:aws:sts::" + s.pAcct + ":assumed-role/" + role + "/" + pick(g, sessNames)
	case pFederated:
		n := pick(g, userNames)
		s.userArn = "arn:aws:iam::" + s.pAcct + ":user/" + n
		s.principal = "arn:aws:sts::" + s.pAcct + ":federated-user/" + n
	case pRoot:
		s.principal = "arn:aws:iam::" + s.pAcct + ":root"
	case pService:
		s.svc = pick(g, s.spec.servicePrincipals)
		s.principal = s.svc
	case pAnon:
		s.principal = "*"
	}
}

func (g *Generator) identityPolicyName(s *scn, i int) string {
	if g.chance(0.5) {
		return fmt.Sprintf("inline-%d", i)
	}
	return fmt.Sprintf("arn:aws:iam::%s:policy/%s-%d", s.pAcct, pick(g, []string{"AppAccess", "TeamPolicy", "ReadOnlyExtra", "Ops"}), i)
}

func (g *Generator) resourcePolicyName(s *scn) string {
	switch s.spec.service() {
	case "s3":
		return "bucket-policy"
	case "kms":
		return "key-policy"
	case "sts":
		return "trust-policy"
	}
	return s.spec.service() + "-resource-policy"
}

// context builds the request context: the keys AWS derives from the request
// and principal, plus a random selection of request-dependent keys.
func (g *Generator) context(s *scn, viaVpce bool) map[string]any {
	ctx := map[string]any{}
	set := func(k, v string) {
		if g.chance(0.04) && !slices.ContainsFunc(globalKeys, func(ks keySpec) bool { return ks.name == k && ks.multi }) {
			g.tag("ctx:single-as-array")
			ctx[k] = []string{v}
			return
		}
		ctx[k] = v
	}
	ti := g.r.IntN(len(times))
	// AWS puts both time keys in every request context.
	set("aws:CurrentTime", times[ti])
	set("aws:EpochTime", epochs[ti])
	if g.chance(0.9) {
		set("aws:SecureTransport", pick(g, []string{"true", "true", "true", "true", "false"}))
	}
	if g.chance(0.8) {
		set("aws:RequestedRegion", "us-east-1")
	}
	if s.kind != pService && g.chance(0.85) {
		if g.chance(0.6) {
			set("aws:SourceIp", pick(g, ipsIn))
		} else {
			set("aws:SourceIp", pick(g, ipsOut))
		}
	}
	// denied fills aws:ResourceAccount from the request as AWS does for
	// most actions; the oracle does not, so always send it.
	set("aws:ResourceAccount", s.resAcct)
	if s.kind == pRoot || s.iamPrincipal() {
		set("aws:PrincipalAccount", s.pAcct)
		set("aws:PrincipalIsAWSService", "false")
		if s.pAcct == acctC {
			set("aws:PrincipalOrgID", otherOrg)
		} else {
			set("aws:PrincipalOrgID", orgID)
		}
		ctx["aws:PrincipalOrgPaths"] = []string{orgPath(s.pAcct)}
	}
	switch s.kind {
	case pUser:
		set("aws:PrincipalArn", s.principal)
		set("aws:PrincipalType", "User")
		set("aws:username", g.userName)
		set("aws:userid", "AIDAJQABLZS4A3QDU576Q")
	case pSession:
		set("aws:PrincipalArn", s.roleArn)
		set("aws:PrincipalType", "AssumedRole")
		set("aws:userid", "AROADBQP57FF2AEXAMPLE:"+s.principal[len(s.principal)-len(lastSeg(s.principal)):])
		if g.chance(0.5) {
			set("aws:TokenIssueTime", times[(ti+1)%len(times)])
		}
	case pFederated:
		set("aws:PrincipalArn", s.principal)
		set("aws:PrincipalType", "FederatedUser")
		set("aws:userid", s.pAcct+":"+lastSeg(s.principal))
	case pRoot:
		set("aws:PrincipalArn", s.principal)
		set("aws:PrincipalType", "Account")
		set("aws:userid", s.pAcct)
	case pService:
		set("aws:PrincipalIsAWSService", "true")
		set("aws:PrincipalServiceName", s.svc)
		if g.chance(0.7) {
			set("aws:SourceAccount", pick(g, []string{acctA, acctA, acctB, acctC}))
		}
		if g.chance(0.5) {
			set("aws:SourceArn", pick(g, []string{"arn:aws:cloudtrail:us-east-1:" + acctA + ":trail/org-trail", "arn:aws:events:us-east-1:" + acctA + ":rule/nightly", "arn:aws:s3:::app-logs", "arn:aws:sns:us-east-1:" + acctC + ":alerts"}))
		}
	case pAnon:
		if g.chance(0.5) {
			set("aws:PrincipalType", "Anonymous")
		}
	}
	if s.kind == pUser || s.kind == pSession {
		if g.chance(0.6) {
			set("aws:PrincipalTag/team", pick(g, teams))
		}
		if g.chance(0.5) {
			set("aws:PrincipalTag/env", pick(g, envs))
		}
	}
	if s.kind == pUser || s.kind == pFederated {
		if g.chance(0.6) {
			mfa := g.chance(0.6)
			set("aws:MultiFactorAuthPresent", fmt.Sprint(mfa))
			if mfa {
				set("aws:MultiFactorAuthAge", pick(g, []string{"30", "900", "7200", "86400"}))
			}
		}
	}
	if viaVpce || (s.kind != pService && g.chance(0.1)) {
		set("aws:SourceVpc", pick(g, vpcs))
		set("aws:SourceVpce", pick(g, vpces))
		ctx["aws:VpcSourceIp"] = pick(g, []string{"10.1.2.3", "10.20.30.40"})
		delete(ctx, "aws:SourceIp")
	}
	if s.authenticated() && s.kind != pService && g.chance(0.1) {
		ctx["aws:CalledVia"] = []string{pick(g, calledVias)}
		set("aws:ViaAWSService", "true")
	} else if g.chance(0.3) {
		set("aws:ViaAWSService", "false")
	}
	if s.spec.resourceTags && s.res.tagKey != "" {
		set("aws:ResourceTag/"+s.res.tagKey, s.res.tagVal)
	}
	if s.spec.tagging && g.chance(0.6) {
		env := pick(g, envs)
		set("aws:RequestTag/env", env)
		keys := []string{"env"}
		if g.chance(0.5) {
			keys = append(keys, pick(g, []string{"owner", "cost-center", "team"}))
		}
		ctx["aws:TagKeys"] = keys
	}
	for _, k := range s.spec.keys {
		if !g.chance(0.55) {
			continue
		}
		if k.multi {
			n := 1 + g.r.IntN(min(3, len(k.values)))
			vs := slices.Clone(k.values)
			g.r.Shuffle(len(vs), func(i, j int) { vs[i], vs[j] = vs[j], vs[i] })
			ctx[k.name] = vs[:n]
		} else {
			set(k.name, pick(g, k.values))
		}
	}
	return ctx
}

func lastSeg(arn string) string {
	for i := len(arn) - 1; i >= 0; i-- {
		if arn[i] == '/' {
			return arn[i+1:]
		}
	}
	return arn
}
