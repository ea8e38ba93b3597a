package authz

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/deniedhq/denied/policy"
)

// Layer is a policy layer of the AWS authorization model.
type Layer uint8

// Layers, in the order their verdicts are listed.
const (
	LayerSCP Layer = iota
	LayerRCP
	LayerVPCEndpoint
	LayerResource
	LayerIdentity
	LayerBoundary
	LayerSession
	numLayers
)

// Layers lists every layer in listing order.
var Layers = [...]Layer{LayerSCP, LayerRCP, LayerVPCEndpoint, LayerResource, LayerIdentity, LayerBoundary, LayerSession}

// String returns the layer's stable identifier, as used in the simulate
// case format.
func (l Layer) String() string {
	switch l {
	case LayerIdentity:
		return "identity"
	case LayerResource:
		return "resource"
	case LayerBoundary:
		return "permissionsBoundary"
	case LayerSession:
		return "session"
	case LayerSCP:
		return "scp"
	case LayerRCP:
		return "rcp"
	case LayerVPCEndpoint:
		return "vpcEndpoint"
	}
	return "unknown"
}

// PolicyType returns the words AWS uses for the layer in access-denied
// messages ("identity-based policy", "service control policy", ...).
func (l Layer) PolicyType() string {
	switch l {
	case LayerIdentity:
		return "identity-based policy"
	case LayerResource:
		return "resource-based policy"
	case LayerBoundary:
		return "permissions boundary"
	case LayerSession:
		return "session policy"
	case LayerSCP:
		return "service control policy"
	case LayerRCP:
		return "resource control policy"
	case LayerVPCEndpoint:
		return "VPC endpoint policy"
	}
	return "policy"
}

// NamedPolicy is a parsed policy and the name it is reported under (an
// inline policy name or a managed policy ARN). Compiled, when set, is the
// policy already compiled (by CompilePolicy) for the same layer, which
// Compile then reuses.
type NamedPolicy struct {
	Name     string
	Policy   *policy.Policy
	Compiled *CompiledPolicy
}

// CompiledPolicy is one policy compiled for a layer. It is immutable and
// may be shared by any number of Sets.
type CompiledPolicy struct{ p cpolicy }

// CompilePolicy compiles one policy for layer l, so that a caller that sees
// the same document many times compiles it once.
func CompilePolicy(l Layer, np NamedPolicy) (*CompiledPolicy, error) {
	cp := new(CompiledPolicy)
	if err := CompilePolicyInto(cp, l, np); err != nil {
		return nil, err
	}
	return cp, nil
}

// CompilePolicyInto is CompilePolicy into *dst, for a caller that keeps
// the compiled policy inside a structure of its own (one allocation the
// less). dst must not be in use by any Set.
func CompilePolicyInto(dst *CompiledPolicy, l Layer, np NamedPolicy) error {
	return CompilePolicyMem(dst, l, np, nil)
}

// CompilePolicyMem is CompilePolicyInto with the compiled form carved
// from m (see Mem) when m is not nil: *dst is then valid until m's next
// use.
func CompilePolicyMem(dst *CompiledPolicy, l Layer, np NamedPolicy, m *Mem) error {
	return CompilePolicyFor(dst, l, np, m, nil)
}

// CompilePolicyFor is CompilePolicyMem for evaluating requests of r's
// action only, when r is not nil: a statement whose Action or NotAction
// does not let it apply to that action is checked (it gets the errors
// CompilePolicy gives it) but not compiled, and matches nothing. For a
// caller that compiles a document to evaluate one request and drops it
// (simulate, for the documents its cache does not keep): on generated
// cases most statements name other actions, and their resources and
// conditions were most of what compiling cost. Evaluating the compiled
// policy for a request of another action panics.
func CompilePolicyFor(dst *CompiledPolicy, l Layer, np NamedPolicy, m *Mem, r *Request) error {
	if np.Policy == nil {
		return &CompileError{Layer: l, Policy: np.Name, Statement: -1, Err: fmt.Errorf("no policy document")}
	}
	cp, err := compilePolicy(l, np, m, r)
	if err != nil {
		return err
	}
	dst.p = cp
	return nil
}

// Level is one level of an organisation's hierarchy (root, an OU, the
// account) with the SCPs or RCPs attached to it.
type Level struct {
	Target   string
	Policies []NamedPolicy
}

// Input is the set of policies that bear on a request.
type Input struct {
	Identity    []NamedPolicy
	Boundary    *NamedPolicy
	Session     *NamedPolicy
	Resource    *NamedPolicy
	SCPs        []Level // root first; none means SCPs do not apply
	RCPs        []Level // root first; RCPFullAWSAccess is implied at every level
	VPCEndpoint []NamedPolicy
	// ManagementAccount is the organisation's management account: SCPs do
	// not restrict its principals and RCPs do not restrict its resources.
	ManagementAccount string
	// RCPSupported reports whether resource control policies apply to a
	// service's resources, by service prefix (s3, kms). The engine holds
	// no service catalog: the caller passes one (catalog.RCPSupported).
	// Nil means RCPs apply to every service.
	RCPSupported func(service string) bool
}

// Set is a compiled policy set, ready to evaluate requests. It is
// immutable and safe for concurrent use.
type Set struct {
	policies          []cpolicy
	byLayer           [numLayers][]int // indexes into policies
	scpLevels         int
	rcpLevels         int
	hasBoundary       bool
	hasSession        bool
	hasResource       bool
	managementAccount string
	rcpSupported      func(service string) bool // nil: every service
	// byService holds, per service prefix named literally in some Action,
	// the statements of each policy that can match an action of that
	// service; other holds them for any other service.
	byService map[string][][]int32
	other     [][]int32
	// idx is the memory of byLayer's lists (CompileInto reuses it).
	idx []int
}

type cpolicy struct {
	// svc holds, per service prefix that an Action names literally, the
	// statements that can match one of its actions; other, those that can
	// match an action of any other service (see indexPolicy).
	svc   []svcIndex
	other []int32

	layer Layer
	// only, when filtered is set, is the one (lower-cased) action the
	// policy was compiled for (CompilePolicyFor).
	only     string
	filtered bool
	ord      int // position among the policies of its layer
	level    int // SCP/RCP level, 0-based from the root
	target   string
	name     string
	stmts    []cstmt
	// refs say where each statement is in its document, for the
	// statement references of a result: the compiled policy keeps no
	// pointer into the document's model, which the caller may read in
	// place and drop (policy.ParseCleanTemp).
	refs []stmtRef
}

// stmtRef is what a StatementRef says of a statement of its document.
type stmtRef struct {
	index   int
	sid     string
	effect  policy.Effect
	pos     policy.Pos
	pointer string
}

// cstmt keeps its flags together (96 bytes, not 112 with each beside the
// slice it qualifies): simulate compiles nearly every statement it sees.
type cstmt struct {
	actions []pattern
	res     []arnPattern
	prin    *cprincipal
	conds   []ccond
	effect  policy.Effect
	notAct  bool
	anyAct  bool
	hasRes  bool
	notRes  bool
	notPrin bool
}

// CompileError is a policy the engine cannot compile.
type CompileError struct {
	Layer     Layer
	Policy    string
	Statement int
	Err       error
}

func (e *CompileError) Error() string {
	return fmt.Sprintf("%s policy %q, statement %d: %v", e.Layer, e.Policy, e.Statement, e.Err)
}

func (e *CompileError) Unwrap() error { return e.Err }

// Compile compiles the policies of in. Policies are expected to have been
// parsed without errors; Compile reports what it cannot interpret.
func Compile(in Input) (*Set, error) {
	return compileInto(&Set{}, in)
}

// CompileInto is Compile into dst, reusing the memory of the set compiled
// into it before, which it ends the life of (for a caller that evaluates
// one set before it compiles the next: the workers of `denied simulate`).
// It returns dst, or nil and the error.
func CompileInto(dst *Set, in Input) (*Set, error) {
	pols, idx, other := dst.policies, dst.idx, dst.other
	clear(pols)
	clear(other)
	*dst = Set{policies: pols[:0], idx: idx[:0], other: other[:0]}
	return compileInto(dst, in)
}

func compileInto(s *Set, in Input) (*Set, error) {
	s.managementAccount, s.rcpSupported = in.ManagementAccount, in.RCPSupported
	// Size the policy list and the per-layer indexes once.
	var per [numLayers]int
	per[LayerIdentity] = len(in.Identity)
	per[LayerVPCEndpoint] = len(in.VPCEndpoint)
	if in.Boundary != nil {
		per[LayerBoundary] = 1
	}
	if in.Session != nil {
		per[LayerSession] = 1
	}
	if in.Resource != nil {
		per[LayerResource] = 1
	}
	for _, lv := range in.SCPs {
		per[LayerSCP] += len(lv.Policies)
	}
	for _, lv := range in.RCPs {
		per[LayerRCP] += len(lv.Policies)
	}
	total := 0
	for _, n := range per {
		total += n
	}
	if cap(s.policies) < total {
		s.policies = make([]cpolicy, 0, total)
	}
	if cap(s.idx) < total {
		s.idx = make([]int, 0, total)
	}
	idx := s.idx[:0]
	for l, n := range per {
		s.byLayer[l] = idx[len(idx) : len(idx) : len(idx)+n]
		idx = idx[:len(idx)+n]
	}
	add := func(l Layer, level int, target string, np NamedPolicy) error {
		var cp cpolicy
		if np.Compiled != nil && np.Compiled.p.layer == l {
			cp = np.Compiled.p
			cp.name = np.Name
		} else {
			c, err := CompilePolicy(l, np)
			if err != nil {
				return err
			}
			cp = c.p
		}
		cp.level, cp.target, cp.ord = level, target, len(s.byLayer[l])
		s.byLayer[l] = append(s.byLayer[l], len(s.policies))
		s.policies = append(s.policies, cp)
		return nil
	}
	for _, np := range in.Identity {
		if err := add(LayerIdentity, 0, "", np); err != nil {
			return nil, err
		}
	}
	if in.Boundary != nil {
		s.hasBoundary = true
		if err := add(LayerBoundary, 0, "", *in.Boundary); err != nil {
			return nil, err
		}
	}
	if in.Session != nil {
		s.hasSession = true
		if err := add(LayerSession, 0, "", *in.Session); err != nil {
			return nil, err
		}
	}
	if in.Resource != nil {
		s.hasResource = true
		if err := add(LayerResource, 0, "", *in.Resource); err != nil {
			return nil, err
		}
	}
	for i, lv := range in.SCPs {
		for _, np := range lv.Policies {
			if err := add(LayerSCP, i, lv.Target, np); err != nil {
				return nil, err
			}
		}
	}
	s.scpLevels = len(in.SCPs)
	for i, lv := range in.RCPs {
		for _, np := range lv.Policies {
			if err := add(LayerRCP, i, lv.Target, np); err != nil {
				return nil, err
			}
		}
	}
	s.rcpLevels = len(in.RCPs)
	for _, np := range in.VPCEndpoint {
		if err := add(LayerVPCEndpoint, 0, "", np); err != nil {
			return nil, err
		}
	}
	if s.scpLevels > 64 || s.rcpLevels > 64 {
		return nil, fmt.Errorf("more than 64 organisation levels")
	}
	s.index()
	return s, nil
}

// index builds the set's per-service statement index from the indexes
// its policies were compiled with.
func (s *Set) index() {
	n := 0
	for i := range s.policies {
		n += len(s.policies[i].svc)
	}
	if n > 0 {
		s.byService = make(map[string][][]int32, n)
	}
	for i := range s.policies {
		for _, si := range s.policies[i].svc {
			if _, done := s.byService[si.svc]; done {
				continue
			}
			out := make([][]int32, len(s.policies))
			for pi := range s.policies {
				out[pi], _ = s.policies[pi].lookup(si.svc)
			}
			s.byService[si.svc] = out
		}
	}
	if cap(s.other) < len(s.policies) {
		s.other = make([][]int32, len(s.policies))
	}
	s.other = s.other[:len(s.policies)]
	for pi := range s.policies {
		s.other[pi] = s.policies[pi].other
	}
}

// svcIndex lists the statements of a policy that can match an action of
// one service.
type svcIndex struct {
	svc   string
	stmts []int32
}

// lookup returns the statements that can match an action of svc.
func (cp *cpolicy) lookup(svc string) ([]int32, bool) {
	for i := range cp.svc {
		if cp.svc[i].svc == svc {
			return cp.svc[i].stmts, true
		}
	}
	return cp.other, false
}

// indexMin is the number of statements from which a policy gets a
// per-service statement index: below it, scanning every statement costs
// less than building the index for each document, which simulate compiles
// once and evaluates once (measured on its workloads); the engine
// reference workload (21 statements a policy, evaluated many times)
// keeps it.
const indexMin = 16

// allStmts lists statement indexes 0..indexMin-1, shared read-only by
// every policy too small to index.
var allStmts = func() (a [indexMin]int32) {
	for i := range a {
		a[i] = int32(i)
	}
	return a
}()

// indexPolicy computes a policy's per-service statement index.
func (cp *cpolicy) indexPolicy(p *policy.Policy) {
	if len(cp.stmts) < indexMin {
		cp.other = allStmts[:len(cp.stmts):len(cp.stmts)]
		return
	}
	// Each statement's literal services and whether it may match an
	// action of any service, computed once (asking it for every
	// statement and service, grows with their product).
	lits := make([][]string, len(cp.stmts))
	anySvc := make([]bool, len(cp.stmts))
	pos := make(map[string]int)
	for si := range cp.stmts {
		st := &cp.stmts[si]
		anySvc[si] = st.notAct || st.anyAct
		if st.notAct {
			continue
		}
		for _, a := range p.Statements[si].Action {
			lit, ok := literalService(a)
			if !ok {
				if strings.TrimSpace(a) != "" {
					anySvc[si] = true
				}
				continue
			}
			if !slices.Contains(lits[si], lit) {
				lits[si] = append(lits[si], lit)
			}
			if _, known := pos[lit]; !known {
				pos[lit] = len(cp.svc)
				cp.svc = append(cp.svc, svcIndex{svc: lit})
			}
		}
	}
	for si := range cp.stmts {
		if anySvc[si] {
			for i := range cp.svc {
				cp.svc[i].stmts = append(cp.svc[i].stmts, int32(si))
			}
			cp.other = append(cp.other, int32(si))
			continue
		}
		for _, lit := range lits[si] {
			i := pos[lit]
			cp.svc[i].stmts = append(cp.svc[i].stmts, int32(si))
			if lit == "" {
				cp.other = append(cp.other, int32(si))
			}
		}
	}
}

// literalService returns the lower-cased service prefix of an action
// pattern when it has no wildcard.
func literalService(a string) (string, bool) {
	i := strings.IndexByte(a, ':')
	if i <= 0 {
		return "", false
	}
	svc := asciiLower(strings.TrimSpace(a[:i]))
	if strings.ContainsAny(svc, "*?") {
		return "", false
	}
	return svc, true
}

func compilePolicy(l Layer, np NamedPolicy, m *Mem, only *Request) (cpolicy, error) {
	p := np.Policy
	cp := cpolicy{layer: l, name: np.Name}
	if only != nil {
		cp.only, cp.filtered = only.action, true
	}
	if m == nil {
		cp.stmts, cp.refs = make([]cstmt, 0, len(p.Statements)), make([]stmtRef, len(p.Statements))
	} else {
		cp.stmts, cp.refs = reuse(&m.stmts, len(p.Statements)), reuse(&m.refs, len(p.Statements))[:len(p.Statements)]
	}
	vars := p.Variables()
	var a arena // on the stack: only the slices carved from it are kept
	if only != nil {
		a.only, a.filter = only.action, true
	}
	var pats, arns, conds, vals int
	for _, st := range p.Statements {
		acts := st.Action
		if st.NotAction != nil {
			acts = st.NotAction
		}
		pats += len(acts)
		res := st.Resource
		if st.NotResource != nil {
			res = st.NotResource
		}
		arns += len(res)
		for _, r := range res {
			pats += a.arnPats(r, vars)
		}
		conds += len(st.Conditions)
		for i := range st.Conditions {
			c := &st.Conditions[i]
			vals += len(c.Values)
			if strings.Contains(c.Operator, "Arn") {
				arns += len(c.Values)
				for _, v := range c.Values {
					pats += a.arnPats(v, vars)
				}
			}
		}
	}
	a.init(m, pats, arns, conds, vals)
	defer a.keep(m)
	if m != nil {
		defer func() { m.stmts, m.refs = cp.stmts, cp.refs }()
	}
	for i, st := range p.Statements {
		cs, err := a.statement(l, st, vars)
		if err != nil {
			return cp, &CompileError{Layer: l, Policy: np.Name, Statement: i, Err: err}
		}
		cp.stmts = append(cp.stmts, cs)
		cp.refs[i] = stmtRef{index: st.Index, sid: st.Sid, effect: st.Effect, pos: st.Pos, pointer: st.Pointer}
	}
	if cp.filtered && len(cp.stmts) >= indexMin {
		// Compiled for one action: the statements that apply to it are
		// the index (a per-service one would be built for nothing).
		for i := range cp.stmts {
			if st := &cp.stmts[i]; st.anyAct || st.notAct || len(st.actions) > 0 {
				cp.other = append(cp.other, int32(i))
			}
		}
		return cp, nil
	}
	cp.indexPolicy(p)
	return cp, nil
}

// ErrNoPrincipal is a statement of a resource-based policy (a bucket,
// key, vault or other resource policy, a role trust policy, an RCP or a
// VPC endpoint policy) without Principal or NotPrincipal. AWS requires
// the element there and refuses such a document when it is set (S3:
// "Missing required field Principal"; VPC endpoint policies "must contain
// a Principal element"), so the statement can apply to no one and the
// case cannot be evaluated as written.
var ErrNoPrincipal = errors.New("the statement has no Principal: AWS requires Principal in every statement of a resource-based policy (trust, key, vault, bucket and other resource policies, RCPs, VPC endpoint policies) and refuses the document (S3 answers \"MalformedPolicy: Missing required field Principal\")")

// resourceBased reports whether policies of layer l are resource-based
// policies, whose statements must name a Principal.
func resourceBased(l Layer) bool {
	return l == LayerResource || l == LayerRCP || l == LayerVPCEndpoint
}

// statement compiles one statement, with its slices taken from a.
func (a *arena) statement(l Layer, st *policy.Statement, vars bool) (cstmt, error) {
	cs := cstmt{effect: st.Effect}
	if cs.effect != policy.Allow && cs.effect != policy.Deny {
		return cs, fmt.Errorf("effect must be Allow or Deny")
	}
	acts := st.Action
	if st.NotAction != nil {
		cs.notAct, acts = true, st.NotAction
	}
	if a.filter {
		// Compiled for a.only alone: the statement applies to it or is
		// inert, and its action values are not kept.
		hit := false
		for _, act := range acts {
			if a.actionHits(act) {
				hit = true
				break
			}
		}
		if hit == cs.notAct {
			return cstmt{effect: cs.effect}, a.inert(l, st, vars)
		}
		// An Action that matches; a NotAction that excludes nothing
		// (with no values, matches reads it as applying).
		cs.anyAct = !cs.notAct
	} else {
		cs.actions = a.patterns(len(acts))
		for _, act := range acts {
			// Values are matched as written: one IAM stores but that
			// can match no action ("s3:GetObject,PutObject",
			// "s3:GetObject ") matches nothing, so in NotAction it
			// excludes nothing.
			p, ok := a.action(act)
			if !ok {
				continue
			}
			if act == "*" {
				cs.anyAct = true
			}
			cs.actions = append(cs.actions, p)
		}
	}
	res := st.Resource
	if st.NotResource != nil {
		cs.notRes, res = true, st.NotResource
	}
	if res != nil {
		cs.hasRes = true
		cs.res = a.arnPatterns(len(res))
		for _, r := range res {
			cs.res = append(cs.res, a.arnPattern(r, vars))
		}
	}
	pr := st.Principal
	if st.NotPrincipal != nil {
		cs.notPrin, pr = true, st.NotPrincipal
	}
	if pr != nil {
		cs.prin = compilePrincipal(pr)
	} else if resourceBased(l) {
		return cs, ErrNoPrincipal
	}
	if len(st.Conditions) > 0 {
		cs.conds = a.cconds(len(st.Conditions))
	}
	for i := range st.Conditions {
		cc, err := a.condition(&st.Conditions[i], vars)
		if err != nil {
			return cs, err
		}
		cs.conds = append(cs.conds, cc)
	}
	return cs, nil
}

// inert checks a statement that applies to no action a compiles for
// (CompilePolicyFor): it returns the error compiling it whole would (its
// principal, then its conditions' operators and values, in that order),
// and passes over the ARN patterns its sizing noted.
func (a *arena) inert(l Layer, st *policy.Statement, vars bool) error {
	res := st.Resource
	if st.NotResource != nil {
		res = st.NotResource
	}
	for _, r := range res {
		if r != "*" {
			a.whole(r, vars)
		}
	}
	if st.Principal == nil && st.NotPrincipal == nil && resourceBased(l) {
		return ErrNoPrincipal
	}
	for i := range st.Conditions {
		c := &st.Conditions[i]
		if strings.Contains(c.Operator, "Arn") {
			for _, v := range c.Values {
				if v != "*" {
					a.whole(v, vars)
				}
			}
		}
		if _, err := checkOnly.condition(c, vars); err != nil {
			return err
		}
	}
	return nil
}

// Policies returns the number of compiled policies.
func (s *Set) Policies() int { return len(s.policies) }
