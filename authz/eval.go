package authz

import (
	"github.com/deniedhq/denied/policy"
)

// Decision is the outcome of an authorization request.
type Decision uint8

// Decisions.
const (
	ImplicitDeny Decision = iota
	ExplicitDeny
	Allowed
)

func (d Decision) String() string {
	switch d {
	case Allowed:
		return "Allowed"
	case ExplicitDeny:
		return "ExplicitDeny"
	}
	return "ImplicitDeny"
}

// Verdict is what one layer says about a request.
type Verdict uint8

// Verdicts.
const (
	// Absent: the layer has no policies in the input.
	Absent Verdict = iota
	// NotApplicable: the layer has policies that do not apply to this
	// request (see LayerVerdict.Note).
	NotApplicable
	// Allow: the layer allows the request.
	Allow
	// NoAllow: nothing in the layer allows the request (an implicit deny
	// when the layer is required).
	NoAllow
	// Deny: a statement of the layer explicitly denies the request.
	Deny
)

func (v Verdict) String() string {
	switch v {
	case NotApplicable:
		return "NotApplicable"
	case Allow:
		return "Allow"
	case NoAllow:
		return "ImplicitDeny"
	case Deny:
		return "ExplicitDeny"
	}
	return "Absent"
}

// Note codes explain a layer verdict that is not plain.
const (
	NoteManagementAccount  = "management-account"              // SCPs: the principal belongs to the management account; RCPs: the resource does
	NoteServiceLinkedRole  = "service-linked-role"             // SCPs and RCPs do not restrict service-linked roles
	NoteServiceNotRCP      = "service-not-rcp"                 // the service does not support RCPs
	NoteRetireGrantNotRCP  = "retiregrant-not-rcp"             // kms:RetireGrant: not effective in an RCP
	NoteNotAWSPrincipal    = "not-aws-principal"               // a service principal, identity provider or anonymous request carries no identity policies or SCPs
	NoteRootUser           = "root-user"                       // the root user needs no identity-based policy
	NoteBypassed           = "resource-policy-names-principal" // an implicit deny here does not limit a resource-policy grant that names the principal
	NoteNotRequired        = "not-required"                    // same account: the identity-based policy grant suffices
	NoteGrantedByResource  = "granted-by-resource-policy"
	NoteDelegatesToAccount = "delegates-to-account"                  // the resource policy allows the account, which delegates to IAM policies
	NoteMissingLevel       = "level-without-allow"                   // an SCP level has no Allow for the request
	NoteNoSessionPolicy    = "federated-user-without-session-policy" // the session has no permissions
	NoteNoPermissionNeeded = "no-permission-needed"                  // sts:GetCallerIdentity: no permission is required and a deny has no effect

	// NoteServiceLinkedRoleTrust: RCPs do not restrict assuming a
	// service-linked role (sts:AssumeRole* on role/aws-service-role/...):
	// its trust policy is not impacted by RCPs.
	NoteServiceLinkedRoleTrust = "service-linked-role-trust"
)

// LayerVerdict is one layer's verdict.
type LayerVerdict struct {
	Layer   Layer
	Verdict Verdict
	// Required is true when the decision needed this layer to allow.
	Required bool
	Note     string
	// Level is the SCP level without an Allow when Note is NoteMissingLevel.
	Level  int
	Target string
}

// StatementRef names a statement that took part in a decision.
type StatementRef struct {
	Layer   Layer
	Level   int    // SCP/RCP level, 0 = root
	Target  string // SCP/RCP target
	Policy  string
	Index   int
	Sid     string
	Effect  policy.Effect
	Pos     policy.Pos
	Pointer string
}

// Result is the outcome of evaluating a request, with its explanation.
// Reuse a Result across evaluations to avoid allocations.
type Result struct {
	Decision Decision
	// Layer decided: for a denial, the layer that denied; for Allowed, the
	// layer that granted (identity, else resource).
	Layer  Layer
	Layers [numLayers]LayerVerdict
	// Deciding lists the statements that decided: every matching Deny for
	// an explicit deny; for Allowed, the first Allow of every layer that
	// had to allow.
	Deciding []StatementRef
	// Missing lists context keys (as written in the policies) that a
	// statement tested but the request lacks: supplying them could change
	// the verdict.
	Missing []string
}

// Verdict returns the verdict of layer l.
func (r *Result) Verdict(l Layer) LayerVerdict { return r.Layers[l] }

type layerAcc struct {
	firstAllow  int // index into refs, -1 when none
	denies      bool
	allowLevels uint64
	allowPols   uint64
	strength    strength
	directAllow int // resource layer: first Allow naming the principal itself (or any principal)
}

// Evaluate evaluates r against the set and stores the outcome in res. It
// evaluates every statement of every applicable policy, so the
// explanation is complete. It does no I/O and, with a reused res,
// allocates nothing in the common case.
//
// A request AWS refuses whatever the policies say (see Request.Refused)
// is not Allowed: unless a policy denies it explicitly, it is an
// ImplicitDeny at the identity layer with the reason as that layer's note.
func (s *Set) Evaluate(r *Request, res *Result) {
	s.evaluate(r, res)
	r.applyRefusal(res)
}

func (s *Set) evaluate(r *Request, res *Result) {
	res.Decision, res.Layer = ImplicitDeny, LayerIdentity
	res.Deciding = res.Deciding[:0]
	res.Missing = res.Missing[:0]
	for i := range res.Layers {
		res.Layers[i] = LayerVerdict{Layer: Layer(i)}
	}
	p := &r.Principal
	awsPrincipal := p.Kind != PrincipalService && p.Kind != PrincipalAnonymous && p.Kind != PrincipalIdentityProvider

	// Which layers apply.
	var applies [numLayers]bool
	mark := func(l Layer, present, ok bool, note string) {
		if !present {
			return
		}
		applies[l] = ok
		if !ok {
			res.Layers[l].Verdict, res.Layers[l].Note = NotApplicable, note
		}
	}
	switch {
	case !awsPrincipal:
		mark(LayerIdentity, len(s.byLayer[LayerIdentity]) > 0, false, NoteNotAWSPrincipal)
		mark(LayerBoundary, s.hasBoundary, false, NoteNotAWSPrincipal)
		mark(LayerSession, s.hasSession, false, NoteNotAWSPrincipal)
		mark(LayerSCP, s.scpLevels > 0, false, NoteNotAWSPrincipal)
	case p.Kind == PrincipalRoot:
		mark(LayerIdentity, len(s.byLayer[LayerIdentity]) > 0, false, NoteRootUser)
		mark(LayerBoundary, s.hasBoundary, false, NoteRootUser)
		mark(LayerSession, s.hasSession, false, NoteRootUser)
		s.markSCP(p, mark)
	default:
		applies[LayerIdentity] = true
		applies[LayerBoundary] = s.hasBoundary
		// A federated user session (GetFederationToken) without a session
		// policy has no permissions: its session layer allows nothing.
		applies[LayerSession] = s.hasSession || p.Kind == PrincipalFederated
		if !s.hasSession && p.Kind == PrincipalFederated {
			res.Layers[LayerSession].Note = NoteNoSessionPolicy
		}
		s.markSCP(p, mark)
	}
	if s.rcpLevels > 0 {
		switch {
		case s.rcpSupported != nil && !s.rcpSupported(r.service):
			mark(LayerRCP, true, false, NoteServiceNotRCP)
		case r.action == "kms:retiregrant":
			// KMS Developer Guide, Resource control policies in AWS KMS:
			// the kms:RetireGrant permission is not effective in an RCP,
			// even when the Action element is a wildcard.
			mark(LayerRCP, true, false, NoteRetireGrantNotRCP)
		case s.managementAccount != "" && r.ResourceAccount == s.managementAccount:
			// "RCPs don't affect resources in the management account"
			// (AWS Organizations User Guide, Resource control policies):
			// the resource's account, not the principal's.
			mark(LayerRCP, true, false, NoteManagementAccount)
		case p.ServiceLinked():
			// "RCPs do not apply to calls made by service-linked roles"
			// (ibid., RCP effects on permissions): the caller is one.
			mark(LayerRCP, true, false, NoteServiceLinkedRole)
		case roleTrust(r) && hasPrefix(r.resARN.field(r.Resource, 5), "role/aws-service-role/"):
			// "RCPs also do not impact AWS services' ability to assume a
			// service-linked role; that is, the service-linked role's
			// trust policy is also not impacted by RCPs" (ibid.,
			// Resources and entities not restricted by RCPs): the role
			// assumed is one. Any other role's trust stays restricted,
			// a service role's too.
			mark(LayerRCP, true, false, NoteServiceLinkedRoleTrust)
		default:
			applies[LayerRCP] = true
		}
	}
	applies[LayerResource] = s.hasResource
	applies[LayerVPCEndpoint] = len(s.byLayer[LayerVPCEndpoint]) > 0

	// Evaluate every statement of every applicable policy.
	var acc [numLayers]layerAcc
	for i := range acc {
		acc[i].firstAllow, acc[i].directAllow = -1, -1
	}
	firstDeny := -1
	idx := s.other
	if x, ok := s.byService[r.service]; ok {
		idx = x
	}
	for pi := range s.policies {
		cp := &s.policies[pi]
		if !applies[cp.layer] {
			continue
		}
		if cp.filtered && cp.only != r.action {
			panic("authz: a policy compiled for action " + cp.only + " (CompilePolicyFor) evaluated for " + r.action)
		}
		a := &acc[cp.layer]
		for _, si32 := range idx[pi] {
			si := int(si32)
			st := &cp.stmts[si]
			str, ok := st.matches(r, res, s.hasBoundary)
			if !ok {
				continue
			}
			if st.effect == policy.Deny {
				if firstDeny < 0 || cp.layer < res.Deciding[firstDeny].Layer {
					firstDeny = len(res.Deciding)
				}
				a.denies = true
				res.Deciding = append(res.Deciding, cp.ref(si))
				continue
			}
			switch cp.layer {
			case LayerSCP, LayerRCP:
				if cp.level < 64 {
					a.allowLevels |= 1 << cp.level
				}
			case LayerVPCEndpoint:
				if cp.ord < 64 {
					a.allowPols |= 1 << cp.ord
				}
			case LayerResource:
				if str > a.strength {
					a.strength = str
				}
			}
			first := a.firstAllow < 0
			direct := cp.layer == LayerResource && (str == matchDirect || str == matchWildcard) && a.directAllow < 0
			if first || direct {
				idx := len(res.Deciding)
				res.Deciding = append(res.Deciding, cp.ref(si))
				if first {
					a.firstAllow = idx
				}
				if direct {
					a.directAllow = idx
				}
			}
		}
	}

	// Layer verdicts.
	for l := Layer(0); l < numLayers; l++ {
		if !applies[l] {
			continue
		}
		lv := &res.Layers[l]
		a := &acc[l]
		switch {
		case a.denies:
			lv.Verdict = Deny
		case l == LayerSCP:
			lv.Verdict = Allow
			for lvl := 0; lvl < s.scpLevels; lvl++ {
				if lvl < 64 && a.allowLevels&(1<<lvl) == 0 {
					lv.Verdict, lv.Note, lv.Level = NoAllow, NoteMissingLevel, lvl
					lv.Target = s.levelTarget(LayerSCP, lvl)
					break
				}
			}
		case l == LayerRCP:
			lv.Verdict = Allow // RCPFullAWSAccess is attached at every level
		case l == LayerVPCEndpoint:
			n := len(s.byLayer[LayerVPCEndpoint])
			if n <= 64 && a.allowPols == (uint64(1)<<n)-1 || n > 64 && a.firstAllow >= 0 {
				lv.Verdict = Allow
			} else {
				lv.Verdict = NoAllow
			}
		case a.firstAllow >= 0:
			lv.Verdict = Allow
		default:
			lv.Verdict = NoAllow
		}
	}
	if p.Kind == PrincipalRoot {
		res.Layers[LayerIdentity].Verdict, res.Layers[LayerIdentity].Note = Allow, NoteRootUser
	}

	// sts:GetCallerIdentity needs no permission and cannot be denied; an
	// anonymous caller is refused (refusalOf).
	if r.action == "sts:getcalleridentity" && p.Kind != PrincipalAnonymous {
		res.Decision, res.Layer = Allowed, LayerIdentity
		res.Layers[LayerIdentity].Note = NoteNoPermissionNeeded
		res.Deciding = res.Deciding[:0]
		return
	}
	// 1. An explicit deny anywhere decides.
	if firstDeny >= 0 {
		res.Decision = ExplicitDeny
		res.Layer = res.Deciding[firstDeny].Layer
		// Keep only the denies, the decider first.
		n := 0
		d := res.Deciding[firstDeny]
		for _, ref := range res.Deciding {
			if ref.Effect == policy.Deny {
				res.Deciding[n] = ref
				n++
			}
		}
		res.Deciding = res.Deciding[:n]
		for i := range res.Deciding {
			if res.Deciding[i] == d {
				res.Deciding[0], res.Deciding[i] = res.Deciding[i], res.Deciding[0]
				break
			}
		}
		return
	}
	deny := func(l Layer) {
		res.Decision, res.Layer = ImplicitDeny, l
		res.Layers[l].Required = true
		res.Deciding = res.Deciding[:0]
	}
	require := func(l Layer) bool {
		if !applies[l] {
			return true
		}
		res.Layers[l].Required = true
		if res.Layers[l].Verdict != Allow {
			deny(l)
			return false
		}
		return true
	}
	// 2. Organisation and network layers: every level must allow.
	if !require(LayerRCP) || !require(LayerSCP) || !require(LayerVPCEndpoint) {
		return
	}
	// 3. Resource-based and identity-based policies.
	rp := &acc[LayerResource]
	rpAllows := applies[LayerResource] && rp.firstAllow >= 0
	grant := rpAllows && rp.strength > matchAccount
	if rpAllows && rp.strength == matchAccount {
		res.Layers[LayerResource].Note = NoteDelegatesToAccount
	}
	switch {
	case !awsPrincipal:
		if !grant {
			deny(LayerResource)
			return
		}
		res.Layers[LayerResource].Required = true
		res.Layer = LayerResource
		s.finishAllowed(res, &acc, applies)
		return
	case r.CrossAccount():
		// Across accounts both sides must allow.
		if !rpAllows {
			res.Layers[LayerResource].Required = true
			deny(LayerResource)
			return
		}
		if !require(LayerResource) || !require(LayerIdentity) || !require(LayerBoundary) || !require(LayerSession) {
			return
		}
		res.Layer = LayerIdentity
		s.finishAllowed(res, &acc, applies)
		return
	}
	// Same account: either the identity-based path (identity policy,
	// within the boundary and session policy) or the resource-based path
	// (a grant that names the principal) allows. KMS key policies and role
	// trust policies must allow in both cases.
	needRP := requiresResourcePolicy(r)
	if needRP && !rpAllows {
		res.Layers[LayerResource].Required = true
		deny(LayerResource)
		return
	}
	ok := func(l Layer) bool { return !applies[l] || res.Layers[l].Verdict == Allow }
	idOK := res.Layers[LayerIdentity].Verdict == Allow
	if idOK && ok(LayerBoundary) && ok(LayerSession) {
		for _, l := range [...]Layer{LayerIdentity, LayerBoundary, LayerSession} {
			res.Layers[l].Required = applies[l] || l == LayerIdentity
		}
		if needRP {
			res.Layers[LayerResource].Required = true
		}
		res.Layer = LayerIdentity
		s.finishAllowed(res, &acc, applies)
		return
	}
	if grant {
		s.finishSameAccountGrant(r, res, &acc, applies, rp)
		return
	}
	if !idOK {
		deny(LayerIdentity)
		return
	}
	res.Layers[LayerIdentity].Required = true
	if !ok(LayerBoundary) {
		deny(LayerBoundary)
		return
	}
	deny(LayerSession)
}

// finishSameAccountGrant completes a same-account decision where the
// resource policy grants the principal: a permissions boundary or session
// policy still limits it unless the grant names the user or role session
// itself.
func (s *Set) finishSameAccountGrant(r *Request, res *Result, acc *[numLayers]layerAcc, applies [numLayers]bool, rp *layerAcc) {
	res.Layers[LayerResource].Required = true
	if res.Layers[LayerIdentity].Verdict != Allow && applies[LayerIdentity] {
		res.Layers[LayerIdentity].Note = NoteGrantedByResource
	}
	direct := rp.directAllow >= 0
	for _, l := range [...]Layer{LayerBoundary, LayerSession} {
		// A permissions boundary must allow sts:AssumeRole even when the
		// trust policy names the user (IAM User Guide, role trust policies).
		bypass := direct && !(l == LayerBoundary && roleTrust(r))
		if !applies[l] {
			continue
		}
		if res.Layers[l].Verdict == Allow {
			res.Layers[l].Required = true
			continue
		}
		if bypass {
			res.Layers[l].Note = NoteBypassed
			continue
		}
		res.Decision, res.Layer = ImplicitDeny, l
		res.Layers[l].Required = true
		res.Deciding = res.Deciding[:0]
		return
	}
	res.Layer = LayerResource
	s.finishAllowed(res, acc, applies)
}

// finishAllowed sets an Allowed decision and keeps, as deciding
// statements, the first Allow of every layer that had to allow, the
// granting layer first.
func (s *Set) finishAllowed(res *Result, acc *[numLayers]layerAcc, applies [numLayers]bool) {
	res.Decision = Allowed
	order := [...]Layer{LayerIdentity, LayerResource, LayerBoundary, LayerSession, LayerSCP, LayerRCP, LayerVPCEndpoint}
	if res.Layer == LayerResource {
		order[0], order[1] = LayerResource, LayerIdentity
	}
	var keep [numLayers]StatementRef
	n := 0
	for _, l := range order {
		if !applies[l] || !res.Layers[l].Required || res.Layers[l].Verdict != Allow {
			continue
		}
		idx := acc[l].firstAllow
		if l == LayerResource && acc[l].directAllow >= 0 {
			idx = acc[l].directAllow
		}
		if idx >= 0 {
			keep[n] = res.Deciding[idx]
			n++
		}
	}
	res.Deciding = append(res.Deciding[:0], keep[:n]...)
}

func (s *Set) markSCP(p *Principal, mark func(Layer, bool, bool, string)) {
	if s.scpLevels == 0 {
		return
	}
	switch {
	case s.managementAccount != "" && p.Account == s.managementAccount:
		mark(LayerSCP, true, false, NoteManagementAccount)
	case p.ServiceLinked():
		mark(LayerSCP, true, false, NoteServiceLinkedRole)
	default:
		mark(LayerSCP, true, true, "")
	}
}

func (s *Set) levelTarget(l Layer, level int) string {
	for _, i := range s.byLayer[l] {
		if s.policies[i].level == level {
			return s.policies[i].target
		}
	}
	return ""
}

func (cp *cpolicy) ref(si int) StatementRef {
	st := &cp.refs[si]
	return StatementRef{
		Layer:   cp.layer,
		Level:   cp.level,
		Target:  cp.target,
		Policy:  cp.name,
		Index:   st.index,
		Sid:     st.sid,
		Effect:  st.effect,
		Pos:     st.pos,
		Pointer: st.pointer,
	}
}

// requiresResourcePolicy reports whether the request is one where the
// resource's own policy must allow even within one account: a KMS key's
// key policy, or a role's trust policy for sts:AssumeRole*.
func requiresResourcePolicy(r *Request) bool {
	switch r.service {
	case "kms":
		return r.Resource != "*" && r.resARN.field(r.Resource, 2) == "kms" && hasPrefix(r.resARN.field(r.Resource, 5), "key/")
	case "sts":
		return roleTrust(r)
	}
	return false
}

// roleTrust reports whether the request is evaluated against a role's
// trust policy: sts:AssumeRole* and the actions that go with it.
func roleTrust(r *Request) bool {
	switch r.action {
	case "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext":
		return r.Resource != "*" && r.resARN.field(r.Resource, 2) == "iam" && hasPrefix(r.resARN.field(r.Resource, 5), "role/")
	}
	return false
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// matches reports whether the statement applies to the request and, for
// statements with a Principal, how specifically it names the requester.
func (st *cstmt) matches(r *Request, res *Result, bounded bool) (strength, bool) {
	// Action.
	hit := st.anyAct
	if !hit {
		for i := range st.actions {
			if ok, _ := st.actions[i].match(r.action, nil); ok {
				hit = true
				break
			}
		}
	}
	if hit == st.notAct {
		return matchNone, false
	}
	// Resource.
	if st.hasRes {
		hit = false
		isARN := r.Resource != "*"
		for i := range st.res {
			ok, unresolved := st.res[i].match(r.Resource, r.resARN, isARN, r.Context)
			if unresolved {
				if undecided, h := st.resUnresolved(r, res, i); undecided {
					hit = h
					break
				}
			}
			if ok {
				hit = true
				break
			}
		}
		if hit == st.notRes {
			return matchNone, false
		}
	}
	// Principal.
	str := matchDirect
	if st.prin != nil {
		if st.notPrin {
			switch {
			case st.effect != policy.Deny:
				// AWS does not support NotPrincipal with Allow; where it
				// is evaluated it allows everyone except those listed, so
				// it never applies to a caller any of whose identities
				// (the user, role or session, the role behind a session,
				// the account) is listed.
				if st.prin.listsAny(&r.Principal) {
					return matchNone, false
				}
				// Nothing documents that such a grant names the caller
				// itself: a permissions boundary or session policy still
				// limits it, as it limits a grant to the role.
				str = matchRole
			case !st.prin.notMatch(&r.Principal) && !bounded:
				// A Deny with NotPrincipal always applies to a principal
				// that has a permissions boundary (IAM User Guide,
				// NotPrincipal).
				return matchNone, false
			default:
				str = matchWildcard
			}
		} else if str = st.prin.match(&r.Principal); str == matchNone {
			return matchNone, false
		}
	}
	// Conditions: every one must hold. All are evaluated so that every
	// missing key is reported. A condition whose outcome AWS does not
	// document (vUndecided) holds in a Deny and not in an Allow: the
	// reading that never reports Allowed where AWS might deny.
	ok := true
	for i := range st.conds {
		c := &st.conds[i]
		v, missing := c.evalV(r.Context)
		if missing {
			res.noteMissing(c.name)
		}
		if v == vNo || v == vUndecided && st.effect != policy.Deny {
			ok = false
		}
	}
	return str, ok
}

// resUnresolved notes the keys of value i of the statement's Resource or
// NotResource element that matching could not resolve (it reached a
// variable the request has no value for), and says whether the element
// is undecided there, and then what it says (hit: it names the
// resource): when a variable of the value names a key with several values
// in the request. AWS says such a key cannot be a policy variable ("you
// can't use a multivalued context key as a policy variable", IAM User
// Guide, Single-valued vs. multivalued context keys), not how an element
// holding one evaluates. Unless one of the values after i matches (hit),
// the element is undecided, and, as an undecided condition (matches),
// that holds in a Deny and not in an Allow: a Deny applies (its Resource
// taken as naming the resource, its NotResource as not naming it), an
// Allow does not. It is a function of its own, out of matches, so that
// the common path there is what it was.
func (st *cstmt) resUnresolved(r *Request, res *Result, i int) (undecided, hit bool) {
	res.noteUnresolved(&st.res[i], r.Context)
	if !st.res[i].multiVar(r.Context) {
		return false, false
	}
	isARN := r.Resource != "*"
	for i++; i < len(st.res); i++ {
		ok, unresolved := st.res[i].match(r.Resource, r.resARN, isARN, r.Context)
		if unresolved {
			res.noteUnresolved(&st.res[i], r.Context)
		}
		if ok {
			return true, true
		}
	}
	if st.effect == policy.Deny {
		return true, !st.notRes // the statement applies
	}
	return true, st.notRes // it does not
}

func (res *Result) noteMissing(key string) {
	for _, k := range res.Missing {
		if k == key {
			return
		}
	}
	res.Missing = append(res.Missing, key)
}

func (res *Result) noteUnresolved(a *arnPattern, ctx Context) {
	note := func(p *pattern) {
		if p.cx == nil {
			return
		}
		for _, t := range p.cx.toks {
			if t.kind == tVar && !t.hasDef {
				// A key with several values is not missing (the
				// value is undecided: see resUnresolved).
				if len(ctx[t.text]) == 0 {
					res.noteMissing(t.text)
				}
			}
		}
	}
	for i := range a.pats {
		note(&a.pats[i])
	}
}
