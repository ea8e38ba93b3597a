package fix

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/policy"
)

// synth synthesizes the fixes of one denied request.
type synth struct {
	ri  *reqInfo
	opt Options
	// passedTo is the iam:PassedToService of an iam:PassRole request: the
	// request's, or inferred (passedToInferred).
	passedTo         string
	passedToInferred bool
	// passedToUnknown is set for an iam:PassRole request whose service is
	// not known: the fixes name PassedToServicePlaceholder.
	passedToUnknown bool
	// denies are the matched Deny statements of Problem.DenyStatements.
	denies []*policy.Statement
}

// round returns the fixes for denial o of case w: the least-privilege
// fixes that address the deciding layer, and the alternative and broad
// fixes that go with them.
func (s *synth) round(w *working, o outcome) (lp, others []Fix) {
	anonymous := s.ri.p.Kind == authz.PrincipalAnonymous
	if o.decision == authz.ExplicitDeny {
		if anonymous {
			return nil, nil // a Deny cannot except a caller nobody knows; PlanFor notes it
		}
		return s.narrowDenies(w, o)
	}
	if anonymous && o.layer == authz.LayerResource {
		// Allowing an unsigned request makes the resource public.
		lp, others = s.resourceAllow(w, o)
		for i := range lp {
			lp[i].ID, lp[i].Kind = s.ri.resourceKind().idPrefix()+"-allow-public", Broad
			lp[i].RiskMsg = riskMsg("fix.risk.allow-public", s.ri.action, s.ri.resource)
		}
		return nil, append(lp, others...)
	}
	switch o.layer {
	case authz.LayerIdentity:
		f, ok := s.identityAllow()
		if !ok {
			return nil, nil
		}
		if fails := s.failedConditions(w); len(fails) > 0 {
			// An Allow states the condition on purpose: meeting it is the
			// fix; an Allow without it is only a labelled alternative.
			for _, fc := range fails {
				others = append(others, s.meetCondition(fc))
			}
			fc := fails[0]
			f.Kind = Broad
			f.ID = "identity-inline-allow-unconditional"
			f.RiskMsg = riskMsg("fix.risk.drops-condition", stmtArg(fc.st), fc.policy, fc.describe())
			others = append(others, f)
			return nil, others
		}
		lp = append(lp, f)
		if b, ok := s.passRoleAnyRole(); ok {
			others = append(others, b)
		}
	case authz.LayerBoundary:
		lp = append(lp, s.addToLayer(w, loc{layer: authz.LayerBoundary}, "boundary-add-statement", s.grant()))
	case authz.LayerSession:
		if s.ri.serviceSession() != "" {
			return nil, nil // the service passes the session policy; PlanFor notes it
		}
		lp = append(lp, s.addToLayer(w, loc{layer: authz.LayerSession}, "session-policy-widen", s.grant()))
	case authz.LayerSCP:
		lp = append(lp, s.scpAllow(w, o))
	case authz.LayerVPCEndpoint:
		lp = append(lp, s.endpointAllow(w)...)
	case authz.LayerResource:
		lp, others = s.resourceAllow(w, o)
	}
	if o.layer != authz.LayerIdentity && len(lp) > 0 {
		if fails := s.failedConditionsIn(w, o.layer); len(fails) > 0 {
			// The layer's own Allow covers the request but for its
			// condition: meeting it is the fix; an Allow without it is only
			// a labelled alternative, as for an identity policy.
			var meet []Fix
			for _, fc := range fails {
				meet = append(meet, s.meetCondition(fc))
			}
			fc := fails[0]
			var keep, broad []Fix
			for _, f := range lp {
				if f.Layer != o.layer.String() {
					keep = append(keep, f) // the cross-account identity fix: no condition dropped
					continue
				}
				f.Kind = Broad
				f.ID += "-unconditional"
				f.RiskMsg = riskMsg("fix.risk.drops-condition", stmtArg(fc.st), fc.policy, fc.describe())
				broad = append(broad, f)
			}
			return keep, append(append(meet, broad...), others...)
		}
	}
	return lp, others
}

// identityAllow is the inline policy that allows exactly the request.
func (s *synth) identityAllow() (Fix, bool) {
	if s.ri.p.ServiceLinked() {
		return Fix{}, false // AWS owns a service-linked role's policies; PlanFor notes it
	}
	t, ok := s.identityTarget(s.ri.inlinePolicyName())
	if !ok {
		return Fix{}, false
	}
	st := s.grant()
	doc := newPolicy(st)
	pf, pargs := principalForm(t)
	f := Fix{
		ID:        "identity-inline-allow",
		Kind:      LeastPrivilege,
		Layer:     authz.LayerIdentity.String(),
		TitleMsg:  msg("fix.title.identity-inline-allow."+pf, concat([]string{s.ri.action, s.ri.resource, t.PolicyName}, pargs)...),
		Target:    t,
		Statement: st,
		Document:  doc,
		Complete:  true,
	}
	f.edit = addIdentityPolicy(t.PolicyName, doc)
	if s.ri.ssoRole() {
		f.Notes = append(f.Notes, note("sso-permission-set"))
	}
	if s.ri.p.Kind == authz.PrincipalFederated {
		f.Notes = append(f.Notes, note("federated-user"))
	}
	return f, true
}

// addIdentityPolicy adds doc as a new identity policy.
func addIdentityPolicy(name string, doc *policy.Policy) *edit {
	return newEdit(loc{layer: authz.LayerIdentity, index: -1}, name, doc)
}

// identityTarget is the inline policy policyName on the requester.
func (s *synth) identityTarget(policyName string) (Target, bool) {
	p := s.ri.p
	if s.ri.kindUnknown() {
		// Whether the principal is a user or a role is not known: the
		// renderings give the commands for both, each with its placeholder.
		return Target{Kind: TargetIdentityPolicy, Name: UnknownPrincipalName, PolicyName: policyName}, true
	}
	switch p.Kind {
	case authz.PrincipalSession, authz.PrincipalRole:
		if elided(p.Name) {
			// The message cut the role's name short: no command may run with it.
			return Target{Kind: TargetRoleInline, Name: "<role-name>", ARN: "arn:" + p.Partition + ":iam::" + p.Account + ":role/<role-name>", PolicyName: policyName}, true
		}
		return Target{Kind: TargetRoleInline, Name: p.Name, ARN: s.ri.roleARN, PolicyName: policyName}, true
	case authz.PrincipalUser:
		if elided(p.Name) {
			return Target{Kind: TargetUserInline, Name: "<user-name>", PolicyName: policyName}, true
		}
		return Target{Kind: TargetUserInline, Name: p.Name, ARN: p.ARN, PolicyName: policyName}, true
	case authz.PrincipalFederated:
		return Target{Kind: TargetUserInline, PolicyName: policyName}, true
	}
	return Target{}, false
}

// addToLayer appends st to the policy at l (boundary, session policy,
// endpoint policy), or, when the case does not hold it, proposes st alone.
func (s *synth) addToLayer(w *working, l loc, id string, st *policy.Statement) Fix {
	f := Fix{ID: id, Kind: LeastPrivilege, Layer: l.layer.String(), Statement: st}
	name := l.name(w.in)
	f.Target = s.policyTarget(w, l, name)
	if p := s.policyAt(w, l); p != nil {
		st = uniqueSid(p, st)
		f.Statement = st
		f.Document, f.Complete = withStatements(p, nil, st), true
	}
	if f.Document == nil {
		f.Document = newPolicy(st)
		f.Notes = append(f.Notes, unknownDocument(f.Target))
	}
	if awsManaged(f.Target.ARN) && (f.Target.Kind == TargetBoundary || f.Target.Kind == TargetManagedPolicy) {
		f.Notes = append(f.Notes, awsManagedNote(f.Target))
	}
	// The title of a resource policy or SCP fix is set by the caller.
	f.TitleMsg = msg("fix.title.add-statement.boundary", s.ri.action, s.ri.resource, nameArg(f.Target))
	switch l.layer {
	case authz.LayerSession:
		f.TitleMsg = msg("fix.title.widen-session-policy", s.ri.action, s.ri.resource)
		f.Notes = append(f.Notes, note("session-policy-caller"))
	case authz.LayerVPCEndpoint:
		f.TitleMsg = msg("fix.title.add-statement.vpce-policy", s.ri.action, s.ri.resource, nameArg(f.Target))
	}
	f.edit = newEdit(l, name, f.Document)
	return f
}

// scpAllow adds an Allow for the request to the SCP level that has none:
// the action on the request's resource ("*" only when the request names
// none). SCPs take the Resource element in Allow statements too (AWS
// Organizations User Guide, SCP syntax), so the fix allows no other
// resource than the one asked for.
func (s *synth) scpAllow(w *working, o outcome) Fix {
	st := &policy.Statement{Sid: "Allow" + alnum(s.ri.actionName), HasSid: true, Effect: policy.Allow, Action: []string{s.ri.action}, Resource: []string{s.ri.resource}}
	if strings.EqualFold(s.ri.action, "iam:PassRole") {
		// The narrowest Allow: the role to the one service, as the
		// identity fix grants it.
		st.Conditions = s.intent()
	}
	l := loc{layer: authz.LayerSCP, level: len(w.in.SCPs)}
	if v := o.verdicts[authz.LayerSCP]; v.Note == authz.NoteMissingLevel {
		l.level = v.Level
	}
	f := s.addToLayer(w, l, "scp-add-allow", st)
	if f.Target.AttachedTo != "" {
		f.TitleMsg = msg("fix.title.scp-add-allow", s.ri.action, s.ri.resource, nameArg(f.Target), f.Target.AttachedTo)
	} else {
		f.TitleMsg = msg("fix.title.scp-add-allow.level-unknown", s.ri.action, s.ri.resource, nameArg(f.Target))
	}
	return f
}

// endpointAllow adds a statement to every endpoint policy that does not
// allow the request.
func (s *synth) endpointAllow(w *working) []Fix {
	st := s.grant()
	st.Principal = s.principal()
	st.Conditions = append(st.Conditions, s.principalConditions()...)
	var out []Fix
	for i := range w.in.VPCEndpoint {
		one := &working{in: cloneInput(w.in)}
		one.in.VPCEndpoint = one.in.VPCEndpoint[i : i+1]
		if o, err := s.evaluate(one); err == nil && o.verdicts[authz.LayerVPCEndpoint].Verdict == authz.Allow {
			continue
		}
		out = append(out, s.addToLayer(w, loc{layer: authz.LayerVPCEndpoint, index: i}, "vpce-policy-add-statement", st))
	}
	if len(out) == 0 {
		out = append(out, s.addToLayer(w, loc{layer: authz.LayerVPCEndpoint, index: len(w.in.VPCEndpoint)}, "vpce-policy-add-statement", st))
	}
	return out
}

// resource kinds, by the resource's ARN and the action.
type resourceKind uint8

const (
	rkOther resourceKind = iota
	rkKey
	rkTrust
	rkVault
	rkBucket
	rkFunction
	rkLayer
)

func (ri *reqInfo) resourceKind() resourceKind {
	if ri.resource == "*" {
		if strings.HasPrefix(strings.ToLower(ri.action), "sts:assumerole") {
			return rkTrust // the role is not named, but its trust policy is what decides
		}
		return rkOther
	}
	svc, part := ri.res[2], ri.res[5]
	switch {
	case ri.vaultARN != "" && strings.HasPrefix(ri.action, "backup:"):
		return rkVault // a recovery point named by its resource's ARN (arn:aws:ec2:...:snapshot/...): its vault's access policy
	case svc == "kms" && (strings.HasPrefix(part, "key/") || strings.HasPrefix(part, "alias/")):
		return rkKey // an alias has no policy of its own: its key's policy decides
	case svc == "iam" && strings.HasPrefix(part, "role/") && strings.HasPrefix(strings.ToLower(ri.action), "sts:"):
		return rkTrust
	case svc == "backup" && (strings.HasPrefix(part, "backup-vault:") || strings.HasPrefix(part, "recovery-point:")):
		return rkVault // a vault's access policy governs its recovery points too
	case svc == "s3":
		return rkBucket
	case svc == "lambda" && strings.HasPrefix(part, "function:"):
		return rkFunction // a function, version or alias: its function policy
	case svc == "lambda" && strings.HasPrefix(part, "layer:") && strings.Count(part, ":") == 2:
		return rkLayer // layer:NAME:VERSION: that version's policy
	}
	return rkOther
}

// resourceUnknown reports whether the request names no one resource: no
// resource, or a pattern ("secret:*") as some messages print it.
func (ri *reqInfo) resourceUnknown() bool {
	return ri.resource == "*" || strings.ContainsAny(ri.res[5], "*?") || elided(placeholdersOut(ri.resource))
}

// namePlaceholderRE is a placeholder the diagnosis put for a name, Region
// or account the message hid ("<region>", "<resource-name>").
var namePlaceholderRE = regexp.MustCompile(`<[A-Za-z][A-Za-z0-9_-]*>`)

// placeholdersOut is an ARN with its placeholders taken out: one resource
// whose name the message hid is still one resource, whose policy a fix
// can name with the placeholder (as a Lambda function's does).
func placeholdersOut(s string) string {
	return namePlaceholderRE.ReplaceAllString(s, "p")
}

// idPrefix is the prefix of the IDs of fixes to the resource's policy.
func (k resourceKind) idPrefix() string {
	switch k {
	case rkKey:
		return "key-policy"
	case rkTrust:
		return "trust-policy"
	case rkVault:
		return "vault-policy"
	case rkBucket:
		return "bucket-policy"
	case rkFunction:
		return "function-policy"
	case rkLayer:
		return "layer-policy"
	}
	return "resource-policy"
}

// resourceTarget is the resource's own policy.
func (s *synth) resourceTarget() Target {
	ri := s.ri
	switch ri.resourceKind() {
	case rkKey:
		id := s.opt.KeyID
		if id == "" {
			id = ri.resource
			if strings.HasPrefix(ri.res[5], "alias/") {
				id = "<key-id>" // the key behind the alias: get-key-policy and put-key-policy take no alias
			}
		}
		return Target{Kind: TargetKeyPolicy, Name: id, ARN: ri.resource, Region: ri.res[3]}
	case rkTrust:
		if ri.resource == "*" {
			return Target{Kind: TargetTrustPolicy, Name: "<role-name>"}
		}
		return Target{Kind: TargetTrustPolicy, Name: ri.resourceName(), ARN: ri.resource}
	case rkVault:
		vault, ok := strings.CutPrefix(ri.res[5], "backup-vault:")
		if !ok {
			// A recovery point: its vault is not in the ARN, but the
			// resource policy evaluated may name it.
			if f, n := arn.Fields(ri.vaultARN); n == 6 {
				if name, ok := strings.CutPrefix(f[5], "backup-vault:"); ok && name != "" {
					return Target{Kind: TargetVaultPolicy, Name: name, ARN: ri.vaultARN, Region: f[3]}
				}
			}
			return Target{Kind: TargetVaultPolicy, Region: ri.res[3]}
		}
		return Target{Kind: TargetVaultPolicy, Name: vault, ARN: ri.resource, Region: ri.res[3]}
	case rkBucket:
		bucket, _, _ := strings.Cut(ri.res[5], "/")
		return Target{Kind: TargetBucketPolicy, Name: bucket, ARN: "arn:" + ri.res[1] + ":s3:::" + bucket}
	case rkFunction:
		// function:NAME[:QUALIFIER]: the policy of that version or alias.
		name, _, _ := strings.Cut(strings.TrimPrefix(ri.res[5], "function:"), ":")
		return Target{Kind: TargetFunctionPolicy, Name: name, ARN: ri.resource, Region: ri.res[3]}
	case rkLayer:
		name, _, _ := strings.Cut(strings.TrimPrefix(ri.res[5], "layer:"), ":")
		return Target{Kind: TargetLayerPolicy, Name: name, ARN: ri.resource, Region: ri.res[3]}
	}
	return Target{Kind: TargetResourcePolicy, Name: ri.resourceName(), ARN: ri.resource, Region: ri.res[3]}
}

// resourceAllow adds the requester to the resource's policy and, across
// accounts, also allows the request in the requester's own account.
func (s *synth) resourceAllow(w *working, o outcome) (lp, others []Fix) {
	ri := s.ri
	rk := ri.resourceKind()
	if rk == rkOther && ri.resourceUnknown() {
		return nil, nil // which resource's policy is not known: no fix names "the policy of *"
	}
	label := capitalize(alnum(ri.principalLabel()))
	st := &policy.Statement{HasSid: true, Effect: policy.Allow, Principal: s.principal(), Action: []string{ri.action}}
	if rk == rkFunction {
		return s.functionAllow(w, o, st, label)
	}
	if rk == rkLayer {
		return s.layerAllow(w, o, st)
	}
	switch rk {
	case rkKey:
		st.Sid = "Allow" + label + "Use"
		st.Resource = []string{"*"} // a key policy applies to its own key
		st.Conditions = s.intent()
	case rkTrust:
		st.Sid = "Allow" + label + alnum(ri.actionName) // a trust policy has no Resource
	default:
		st.Sid = "Allow" + label + alnum(ri.actionName)
		st.Resource = []string{ri.resource}
		st.Conditions = s.intent()
	}
	st.Conditions = append(st.Conditions, s.principalConditions()...)
	id := rk.idPrefix() + "-add-statement"
	switch rk {
	case rkKey:
		id = "key-policy-add-principal"
	case rkTrust:
		id = "trust-add-principal"
	}
	l := loc{layer: authz.LayerResource}
	f := s.addToLayer(w, l, id, st)
	form, targs := targetForm(f.Target)
	f.TitleMsg = msg("fix.title.add-principal."+form, concat([]string{ri.principalARN()}, targs, []string{ri.action})...)
	lp = append(lp, f)
	lp = append(lp, s.crossAccountIdentity(w, o)...)
	if rk == rkKey && !ri.crossAccount() && ri.awsPrincipal() {
		if b, ok := s.keyDelegation(w); ok {
			others = append(others, b)
		}
	}
	return lp, others
}

// crossAccountIdentity is, across accounts, the identity fix that goes with
// a fix to the resource's policy: the requester's own account must allow
// the request too, unless its identity policies are known to.
func (s *synth) crossAccountIdentity(w *working, o outcome) []Fix {
	ri := s.ri
	if !ri.crossAccount() || !ri.awsPrincipal() || !w.requestOnly && o.verdicts[authz.LayerIdentity].Verdict == authz.Allow {
		return nil
	}
	id, ok := s.identityAllow()
	if !ok {
		return nil
	}
	id.TitleMsg.ID += ".cross-account"
	return []Fix{id}
}

// keyDelegation is the key policy statement AWS writes by default, which
// lets IAM policies of the key's account grant use of the key.
func (s *synth) keyDelegation(w *working) (Fix, bool) {
	acct := s.ri.res[4]
	root := "arn:" + s.ri.res[1] + ":iam::" + acct + ":root"
	if p := s.policyAt(w, loc{layer: authz.LayerResource}); p != nil {
		for _, st := range p.Statements {
			if st.Effect == policy.Allow && st.Principal != nil && (contains(st.Principal.AWS, root) || contains(st.Principal.AWS, acct)) {
				return Fix{}, false // the key already delegates to IAM
			}
		}
	}
	st := &policy.Statement{Sid: "EnableIAMUserPermissions", HasSid: true, Effect: policy.Allow, Principal: &policy.Principal{AWS: []string{root}}, Action: []string{"kms:*"}, Resource: []string{"*"}}
	f := s.addToLayer(w, loc{layer: authz.LayerResource}, "key-policy-delegate-to-iam", st)
	f.Kind = Broad
	f.TitleMsg = msg("fix.title.key-policy-delegate-to-iam", acct)
	f.RiskMsg = riskMsg("fix.risk.key-policy-delegate-to-iam", acct, s.ri.action)
	return f, true
}

// narrowDenies narrows every Deny of the deciding layer that matched, one
// fix per policy.
func (s *synth) narrowDenies(w *working, o outcome) (lp, others []Fix) {
	type group struct {
		l     loc
		found bool
		r     ref
		idx   []int
	}
	var groups []*group
	for _, r := range o.deciding {
		if r.layer != o.layer {
			continue
		}
		l, found := locate(w.in, r)
		if !found {
			l = loc{layer: r.layer, level: -1} // the layer that denied, even when its policy is not in the case
		}
		var g *group
		for _, x := range groups {
			if x.found && found && x.l == l || !x.found && !found && x.r.policy == r.policy {
				g = x
			}
		}
		if g == nil {
			g = &group{l: l, found: found, r: r}
			groups = append(groups, g)
		}
		g.idx = append(g.idx, r.index)
	}
	if len(groups) == 0 {
		groups = append(groups, &group{l: loc{layer: o.layer, level: -1}, r: ref{layer: o.layer, level: -1}})
	}
	rk := s.ri.resourceKind()
	if o.layer == authz.LayerResource && rk == rkOther && s.ri.resourceUnknown() {
		return nil, nil // which resource's policy is not known: no fix names "the policy of *"
	}
	id := map[authz.Layer]string{
		authz.LayerIdentity:    "identity-narrow-deny",
		authz.LayerBoundary:    "boundary-narrow-deny",
		authz.LayerSession:     "session-narrow-deny",
		authz.LayerSCP:         "scp-exempt",
		authz.LayerRCP:         "rcp-exempt",
		authz.LayerVPCEndpoint: "vpce-policy-exempt",
		authz.LayerResource:    rk.idPrefix() + "-exempt",
	}[o.layer]
	preferResource := o.layer == authz.LayerIdentity || o.layer == authz.LayerBoundary || o.layer == authz.LayerSession
	for _, g := range groups {
		name := g.r.policy
		if g.found {
			name = g.l.name(w.in)
		}
		f := Fix{ID: id, Kind: LeastPrivilege, Layer: o.layer.String()}
		f.Target = s.policyTarget(w, g.l, name)
		if g.r.target != "" && f.Target.AttachedTo == "" && (o.layer == authz.LayerSCP || o.layer == authz.LayerRCP) {
			f.Target.AttachedTo = g.r.target
		}
		var p *policy.Policy
		if g.found {
			p = s.policyAt(w, g.l)
		}
		form, targs := targetForm(f.Target)
		if p == nil && len(s.denies) > 0 {
			// The statement is known, its policy is not: show the narrowed
			// statement to put in place of the original.
			form, targs := targetForm(f.Target)
			scopeArg := ""
			for _, st := range s.denies {
				ns, byResource := s.exemption(st, preferResource)
				if f.Statement == nil {
					f.Statement, f.Original = ns, st
					ex := exemptions{resource: s.ri.resource, principal: s.exemptionValue()}
					ex.byResource, ex.byPrincipal = byResource, !byResource
					how, hargs := ex.form()
					f.TitleMsg = msg("fix.title.narrow."+form+"."+how, concat([]string{stmtArg(st)}, targs, hargs)...)
					scopeArg = ex.scope()
				}
			}
			f.Document = newPolicy(f.Statement)
			nounArg := policyNoun(f.Target)
			f.Notes = append(f.Notes, note("deny-statement-known", stmtArg(f.Original), nounArg))
			f.Notes = append(f.Notes, note("deny-on-purpose", scopeArg, scopeArg))
			lp = append(lp, f)
			continue
		}
		if p == nil {
			op, key, val := s.exemptionCondition()
			f.TitleMsg = msg("fix.title.except."+form, concat([]string{s.ri.principalARN()}, targs)...)
			nounArg := policyNoun(f.Target)
			f.Notes = append(f.Notes, note("deny-unknown", nounArg, s.ri.action, op, key, val))
			if awsManaged(f.Target.ARN) {
				f.Notes = append(f.Notes, awsManagedNote(f.Target))
			}
			lp = append(lp, f)
			continue
		}
		replace := map[int]*policy.Statement{}
		_, _, excepted := s.exemptionCondition()
		ex := exemptions{resource: s.ri.resource, principal: excepted}
		for _, i := range g.idx {
			if i < 0 || i >= len(p.Statements) || replace[i] != nil {
				continue
			}
			ns, byResource := s.exemption(p.Statements[i], preferResource)
			replace[i] = ns
			if byResource {
				ex.byResource = true
			} else {
				ex.byPrincipal = true
			}
			if f.Statement == nil {
				f.Statement, f.Original = ns, p.Statements[i]
			}
		}
		if f.Statement == nil {
			continue
		}
		f.Document, f.Complete = withStatements(p, replace), true
		if o.layer == authz.LayerRCP {
			f.Notes = append(f.Notes, guardrailNotes(f.Original)...)
		}
		if avoid, keys := s.avoidDenyConditions(f.Original, name); len(avoid) > 0 {
			// The Deny applies because of how the request is sent: sending
			// it otherwise is the first fix, the exemption the second.
			if o.layer != authz.LayerRCP {
				f.Notes = append(f.Notes, note("deny-guardrail", strings.Join(keys, ", ")))
			}
			others = append(others, avoid...)
		}
		how, hargs := ex.form()
		f.TitleMsg = msg("fix.title.narrow."+form+"."+how, concat([]string{stmtName(f.Original)}, targs, hargs)...)
		scopeArg := ex.scope()
		f.Notes = append(f.Notes, note("deny-on-purpose", scopeArg, scopeArg))
		if len(replace) > 1 {
			n := strconv.Itoa(len(replace))
			f.Notes = append(f.Notes, note("several-denies", n))
		}
		if awsManaged(f.Target.ARN) {
			f.Notes = append(f.Notes, awsManagedNote(f.Target))
		}
		l := g.l
		f.edit = newEdit(l, name, f.Document)
		lp = append(lp, f)

		if rk == rkVault && o.layer == authz.LayerResource {
			var keep []*policy.Statement
			for i, st := range p.Statements {
				if replace[i] == nil {
					keep = append(keep, st)
				}
			}
			if len(keep) == 0 {
				continue // an access policy needs a statement; the narrowed Deny is the fix
			}
			rm := f
			rm.ID, rm.Kind, rm.Notes = "vault-policy-remove-deny", Broad, nil
			rm.Statement = nil
			rm.Document = withStatements(&policy.Policy{Version: p.Version, ID: p.ID}, nil, keep...)
			rm.TitleMsg = msg("fix.title.remove-deny."+form, concat([]string{stmtName(f.Original)}, targs)...)
			rm.RiskMsg = riskMsg("fix.risk.vault-policy-remove-deny")
			rm.edit = newEdit(l, name, rm.Document)
			others = append(others, rm)
		}
	}
	return lp, others
}

// policyTarget describes the policy at l (named name) as a fix target.
func (s *synth) policyTarget(w *working, l loc, name string) Target {
	switch l.layer {
	case authz.LayerIdentity:
		if strings.Contains(name, ":policy/") && !elided(name) {
			return Target{Kind: TargetManagedPolicy, Name: lastSegment(name), ARN: name}
		}
		if elided(name) {
			name = ""
		}
		t, _ := s.identityTarget(name)
		if t.Name == UnknownPrincipalName {
			t.PolicyName = ""
			return t
		}
		if name == "" || name == l.defaultName() && l.doc(w.in) == nil {
			// A policy of the principal, inline or managed: which one is not known.
			t.Kind, t.PolicyName = TargetIdentityPolicy, ""
		}
		return t
	case authz.LayerBoundary:
		if elided(name) {
			name = ""
		}
		t := Target{Kind: TargetBoundary, Name: lastSegment(name), ARN: name}
		if !strings.HasPrefix(name, "arn:") {
			t.ARN = ""
			if name != "" && name != l.defaultName() && s.ri.p.Account != "" {
				t.ARN = "arn:" + s.ri.p.Partition + ":iam::" + s.ri.p.Account + ":policy/" + name
			}
		}
		if t.ARN == "" {
			t.Name = ""
		}
		return t
	case authz.LayerSession:
		return Target{Kind: TargetSessionPolicy, Name: name}
	case authz.LayerSCP, authz.LayerRCP:
		t := Target{Kind: TargetSCP, Name: name, AttachedTo: l.target(w.in)}
		if l.layer == authz.LayerRCP {
			t.Kind = TargetRCP
		}
		if name == l.defaultName() {
			t.Name = ""
		}
		if strings.HasPrefix(name, "arn:") {
			t.ARN, t.Name = name, ""
		}
		if id := lastSegment(name); strings.HasPrefix(id, "p-") && !elided(id) {
			t.PolicyID = id
		}
		if elided(t.ARN) || elided(t.Name) {
			t.ARN, t.Name = "", "" // a name the message cut short is no name to run a command with
		}
		return t
	case authz.LayerVPCEndpoint:
		if name == l.defaultName() {
			name = "" // simulate's name for an endpoint policy without one, not an endpoint ID
		}
		t := Target{Kind: TargetVPCEndpoint, Name: name}
		if strings.HasPrefix(name, "vpce-") {
			t.PolicyID = name
		}
		return t
	case authz.LayerResource:
		return s.resourceTarget()
	}
	return Target{}
}

func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

func lastSegment(s string) string {
	if i := strings.LastIndexAny(s, "/"); i >= 0 {
		return s[i+1:]
	}
	return s
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func orUnknown(s, unknown string) string {
	if s == "" {
		return unknown
	}
	return s
}

func stmtName(st *policy.Statement) string {
	if st == nil {
		return ""
	}
	if st.Sid != "" {
		return fmt.Sprintf("%q", st.Sid)
	}
	if st.Index < 0 {
		return "(without Sid)" // a statement whose place in its policy is not known
	}
	return fmt.Sprintf("#%d", st.Index)
}

// stmtArg is stmtName as a message argument.
func stmtArg(st *policy.Statement) string {
	if st != nil && st.Sid == "" && st.Index < 0 {
		return "@fix.no-sid"
	}
	return stmtName(st)
}

// unknownDocument says that only the change is known.
func unknownDocument(t Target) Note {
	arg := policyNoun(t)
	return note("document-unknown", arg)
}

// guardrailNotes say which guardrail an RCP's Deny enforces, by the
// condition keys it tests, and that meeting it comes before any
// exemption.
func guardrailNotes(st *policy.Statement) []Note {
	if st == nil {
		return nil
	}
	var out []Note
	seen := map[string]bool{}
	add := func(id string, args ...string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, note("rcp-guardrail."+id, args...))
		}
	}
	for _, c := range st.Conditions {
		k := strings.ToLower(c.Key)
		switch {
		case k == "aws:principalorgid" || k == "aws:principalorgpaths" || k == "aws:principalaccount":
			add("organization", strings.Join(c.Values, ", "), c.Key)
		case k == "aws:securetransport" || k == "s3:tlsversion":
			add("tls", c.Key)
		case strings.HasPrefix(k, "s3:x-amz-server-side-encryption"):
			add("sse-kms", c.Key)
		case k == "aws:sourcevpc" || k == "aws:sourcevpce" || k == "aws:sourceip" || k == "aws:vpcsourceip":
			add("network", c.Key)
		}
	}
	return out
}

// condFailure is an Allow statement of the identity layer that matches the
// request but whose conditions do not all hold.
type condFailure struct {
	policy string
	st     *policy.Statement
	failed []policy.Condition
	have   []string // the request's value of each failed condition's key ("" when absent)
}

// describe writes the failed conditions as OPERATOR KEY VALUES.
func (fc condFailure) describe() string {
	var parts []string
	for _, c := range fc.failed {
		parts = append(parts, c.Operator+" "+c.Key+" "+strings.Join(c.Values, ", "))
	}
	return strings.Join(parts, "; ")
}

// failedConditions finds the Allow statements of the case's identity
// policies that would allow the request without their conditions, and
// which of their conditions fail.
func (s *synth) failedConditions(w *working) []condFailure {
	var ls []loc
	for i := range w.in.Identity {
		ls = append(ls, loc{layer: authz.LayerIdentity, index: i})
	}
	return s.failedConditionsAt(w, authz.LayerIdentity, ls)
}

// failedConditionsIn is failedConditions for the policies of another layer
// that lacks an Allow (boundary, session, SCP, endpoint, resource): an Allow
// there whose condition fails states that condition on purpose as much as
// an identity policy's does (a trust policy's sts:ExternalId, a key policy's
// kms:ViaService, a boundary's aws:RequestedRegion).
func (s *synth) failedConditionsIn(w *working, layer authz.Layer) []condFailure {
	var ls []loc
	switch layer {
	case authz.LayerBoundary, authz.LayerSession, authz.LayerResource:
		ls = append(ls, loc{layer: layer})
	case authz.LayerSCP:
		for lv := range w.in.SCPs {
			for i := range w.in.SCPs[lv].Policies {
				ls = append(ls, loc{layer: layer, level: lv, index: i})
			}
		}
	case authz.LayerVPCEndpoint:
		for i := range w.in.VPCEndpoint {
			ls = append(ls, loc{layer: layer, index: i})
		}
	}
	return s.failedConditionsAt(w, layer, ls)
}

// failedConditionsAt finds, among the policies at ls (of layer), the Allow
// statements that would let layer allow the request without their
// conditions, and which of their conditions fail.
func (s *synth) failedConditionsAt(w *working, layer authz.Layer, ls []loc) []condFailure {
	var out []condFailure
	var at loc
	allows := func(st *policy.Statement) bool {
		probe := &working{in: cloneInput(w.in)}
		if layer == authz.LayerIdentity {
			probe.in.Identity = nil
			addIdentityPolicy("probe", newPolicy(st)).apply(probe)
		} else {
			newEdit(at, "probe", newPolicy(st)).apply(probe)
		}
		o, err := s.evaluate(probe)
		return err == nil && o.verdicts[layer].Verdict == authz.Allow
	}
	for _, l := range ls {
		at = l
		p := s.policyAt(w, l)
		if p == nil {
			continue
		}
		for _, st := range p.Statements {
			if st.Effect != policy.Allow || len(st.Conditions) == 0 {
				continue
			}
			if actionCannotMatch(st, w.in.Request.Action) {
				continue // the probe below could not allow it either
			}
			bare := copyStatement(st)
			bare.Conditions = nil
			if !allows(bare) {
				continue // it does not cover the request at all
			}
			fc := condFailure{policy: l.name(w.in), st: st}
			for _, c := range st.Conditions {
				one := copyStatement(bare)
				one.Conditions = []policy.Condition{c}
				if !allows(one) {
					v, _ := s.ri.ctxValue(c.Key)
					fc.failed = append(fc.failed, c)
					fc.have = append(fc.have, v)
				}
			}
			if len(fc.failed) > 0 {
				out = append(out, fc)
			}
		}
	}
	return out
}

// meetCondition is the fix that changes the request, not the policy: meet
// the condition the allowing statement states.
func (s *synth) meetCondition(fc condFailure) Fix {
	c := fc.failed[0]
	haveArg := "@fix.condition.absent"
	if fc.have[0] != "" {
		haveArg = fc.have[0]
	}
	return Fix{
		ID:       "meet-condition",
		Kind:     Alternative,
		TitleMsg: msg("fix.title.meet-condition", stmtArg(fc.st), fc.policy, c.Operator, c.Key, strings.Join(c.Values, ", "), haveArg),
		Target:   Target{Kind: TargetRequest},
		Notes:    []Note{note("condition-on-purpose")},
	}
}

// actionCannotMatch reports whether no value of st's Action can match the
// request's action, so that the engine cannot let st allow the request
// (failedConditions then need not evaluate it). It compares the literal
// prefix of each value (up to its first wildcard) with the action as the
// engine does: the action trimmed of spaces, both lower-cased in ASCII; a
// glob matches only strings that start with its literal prefix. A
// statement with NotAction, or without Action, may match: false.
func actionCannotMatch(st *policy.Statement, action string) bool {
	if st.NotAction != nil || st.Action == nil {
		return false
	}
	action = strings.TrimSpace(action)
	for _, v := range st.Action {
		if policy.ActionNeverMatches(v) {
			continue
		}
		lit := v
		if i := strings.IndexAny(v, "*?"); i >= 0 {
			lit = v[:i]
		}
		if len(lit) <= len(action) && asciiFoldEqual(lit, action[:len(lit)]) {
			return false
		}
	}
	return true
}

// asciiFoldEqual reports whether a and b are equal, ASCII letters compared
// without case (the engine lower-cases actions in ASCII only).
func asciiFoldEqual(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// awsManagedNote says that the AWS managed policy t cannot be changed and
// what is done instead: a customer managed copy with the change, attached in
// its place, or set as the permissions boundary.
func awsManagedNote(t Target) Note {
	if t.Kind == TargetBoundary {
		return note("aws-managed-boundary")
	}
	return note("aws-managed-policy")
}

// uniqueSid returns st, or a copy of it whose Sid is made unique in p by a
// number ("AllowGetObject2"): IAM, S3 and the other services refuse a policy
// whose statements share a Sid.
func uniqueSid(p *policy.Policy, st *policy.Statement) *policy.Statement {
	if st.Sid == "" {
		return st
	}
	taken := map[string]bool{}
	for _, x := range p.Statements {
		if x != nil && x.Sid != "" {
			taken[x.Sid] = true
		}
	}
	if !taken[st.Sid] {
		return st
	}
	n := copyStatement(st)
	for i := 2; ; i++ {
		if sid := st.Sid + strconv.Itoa(i); !taken[sid] {
			n.Sid = sid
			return n
		}
	}
}

// requestControlled are the condition keys whose value is how the request
// is sent (TLS, network, MFA, Region, encryption, tags, the calling
// service), not who sends it: a Deny on one of them is a guardrail the
// request can meet.
func requestControlled(key string) bool {
	k := strings.ToLower(key)
	switch k {
	case "aws:securetransport", "s3:tlsversion", "aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:vpcsourceip",
		"aws:multifactorauthpresent", "aws:multifactorauthage", "aws:requestedregion", "kms:viaservice",
		"aws:viaawsservice", "aws:calledvia", "aws:calledviafirst", "aws:calledvialast", "aws:tagkeys":
		return true
	}
	return strings.HasPrefix(k, "s3:x-amz-server-side-encryption") || strings.HasPrefix(k, "aws:requesttag/")
}

// avoidDenyConditions returns, for the Deny st of the policy named name, the
// fixes that change the request, not the policy: send it so that one of the
// Deny's request-controlled conditions no longer holds (a Deny applies only
// when all its conditions hold). It also returns the keys.
func (s *synth) avoidDenyConditions(st *policy.Statement, name string) ([]Fix, []string) {
	if st == nil {
		return nil, nil
	}
	var out []Fix
	var keys []string
	for _, c := range st.Conditions {
		if !requestControlled(c.Key) || contains(keys, c.Key) {
			continue
		}
		keys = append(keys, c.Key)
		haveArg := "@fix.condition.absent"
		if v, ok := s.ri.ctxValue(c.Key); ok && v != "" {
			haveArg = v
		}
		out = append(out, Fix{
			ID:       "avoid-deny-condition",
			Kind:     Alternative,
			TitleMsg: msg("fix.title.avoid-deny-condition", stmtArg(st), name, c.Operator, c.Key, strings.Join(c.Values, ", "), haveArg),
			Target:   Target{Kind: TargetRequest},
			Notes:    []Note{note("deny-condition-on-purpose")},
		})
	}
	return out, keys
}
