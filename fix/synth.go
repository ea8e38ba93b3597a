package fix

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

// synth synthesizes the fixes of one denied request.
type synth struct {
	ri  *reqInfo
	opt Options
	// passedTo is the iam:PassedToService of an iam:PassRole request: the
	// request's, or inferred (passedToInferred).
	passedTo         string
	passedToInferred bool
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
			lp[i].Risk = "The request is anonymous: allowing it lets anyone on the internet, without credentials, call " + s.ri.action + " on " + s.ri.resource + ". Sign the request with AWS credentials instead, unless the resource is meant to be public."
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
			f.Risk = fmt.Sprintf("Statement %s of %s allows this request only when its condition holds (%s); an Allow without that condition drops what the policy's author required on purpose.", stmtName(fc.st), fc.policy, fc.describe())
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
		return s.resourceAllow(w, o)
	}
	return lp, others
}

// identityAllow is the inline policy that allows exactly the request.
func (s *synth) identityAllow() (Fix, bool) {
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
		Title:     fmt.Sprintf("Allow %s on %s in a new inline policy %s on %s", s.ri.action, s.ri.resource, t.PolicyName, describePrincipal(t)),
		TitleMsg:  msg("fix.title.identity-inline-allow."+pf, concat([]string{s.ri.action, s.ri.resource, t.PolicyName}, pargs)...),
		Target:    t,
		Statement: st,
		Document:  doc,
		Complete:  true,
	}
	f.apply = addIdentityPolicy(t.PolicyName, doc)
	if s.ri.ssoRole() {
		f.Notes = append(f.Notes, Note{ID: "sso-permission-set", Text: "This role belongs to an IAM Identity Center permission set, which creates and owns it: IAM refuses changes to the role itself. Add the statement to the permission set instead (its inline policy, or a customer managed policy it references; aws sso-admin put-inline-policy-to-permission-set, then provision the permission set), from the Identity Center administration account."})
	}
	if s.ri.p.Kind == authz.PrincipalFederated {
		f.Notes = append(f.Notes, Note{ID: "federated-user", Text: "A federated user has the permissions of the IAM user that called GetFederationToken, within the session policy: put this inline policy on that IAM user."})
	}
	return f, true
}

// addIdentityPolicy adds doc as a new identity policy.
func addIdentityPolicy(name string, doc *policy.Policy) func(*simulate.Case) {
	return func(c *simulate.Case) {
		loc{layer: authz.LayerIdentity, index: len(c.IdentityPolicies)}.set(c, name, doc)
	}
}

// identityTarget is the inline policy policyName on the requester.
func (s *synth) identityTarget(policyName string) (Target, bool) {
	p := s.ri.p
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
	name := l.name(w.c)
	f.Target = s.policyTarget(w, l, name)
	if d := l.doc(w.c); d != nil {
		if p, err := parseDoc(d); err == nil {
			f.Document, f.Complete = withStatements(p, nil, st), true
		}
	}
	if f.Document == nil {
		f.Document = newPolicy(st)
		f.Notes = append(f.Notes, unknownDocument(f.Target))
	}
	// The title of a resource policy or SCP fix is set by the caller.
	what := "the permissions boundary " + describeName(f.Target)
	f.TitleMsg = msg("fix.title.add-statement.boundary", s.ri.action, s.ri.resource, nameArg(f.Target))
	switch l.layer {
	case authz.LayerSession:
		what = "the session policy"
		f.TitleMsg = msg("fix.title.widen-session-policy", s.ri.action, s.ri.resource)
		f.Notes = append(f.Notes, Note{ID: "session-policy-caller", Text: "The session policy is passed by whoever calls AssumeRole or GetFederationToken (a script, an SDK profile, an identity provider): widen it there; no policy in the account changes."})
	case authz.LayerVPCEndpoint:
		what = "the VPC endpoint policy " + describeName(f.Target)
		f.TitleMsg = msg("fix.title.add-statement.vpce-policy", s.ri.action, s.ri.resource, nameArg(f.Target))
	}
	f.Title = fmt.Sprintf("Add a statement allowing %s on %s to %s", s.ri.action, s.ri.resource, what)
	doc := f.Document
	f.apply = func(c *simulate.Case) { l.set(c, name, doc) }
	return f
}

// scpAllow adds an Allow for the action to the SCP level that has none.
// SCPs set which actions an account may use at all; resources are left
// to identity policies, so the Allow is on "*".
func (s *synth) scpAllow(w *working, o outcome) Fix {
	st := &policy.Statement{Sid: "Allow" + alnum(s.ri.actionName), HasSid: true, Effect: policy.Allow, Action: []string{s.ri.action}, Resource: []string{"*"}}
	l := loc{layer: authz.LayerSCP, level: len(w.c.ServiceControlPolicies)}
	if v := o.verdicts[authz.LayerSCP]; v.Note == authz.NoteMissingLevel {
		l.level = v.Level
	}
	f := s.addToLayer(w, l, "scp-add-allow", st)
	f.Title = fmt.Sprintf("Add an Allow for %s to the SCP %s attached to %s (no policy at that level allows it)", s.ri.action, describeName(f.Target), orUnknown(f.Target.AttachedTo, "the level"))
	if f.Target.AttachedTo != "" {
		f.TitleMsg = msg("fix.title.scp-add-allow", s.ri.action, nameArg(f.Target), f.Target.AttachedTo)
	} else {
		f.TitleMsg = msg("fix.title.scp-add-allow.level-unknown", s.ri.action, nameArg(f.Target))
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
	for i := range w.c.VPCEndpointPolicies {
		one := cloneCase(w.c)
		one.VPCEndpointPolicies = one.VPCEndpointPolicies[i : i+1]
		if o, err := evaluate(one, s.opt); err == nil && o.verdicts[authz.LayerVPCEndpoint].Verdict == authz.Allow {
			continue
		}
		out = append(out, s.addToLayer(w, loc{layer: authz.LayerVPCEndpoint, index: i}, "vpce-policy-add-statement", st))
	}
	if len(out) == 0 {
		out = append(out, s.addToLayer(w, loc{layer: authz.LayerVPCEndpoint, index: len(w.c.VPCEndpointPolicies)}, "vpce-policy-add-statement", st))
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
	case svc == "kms" && strings.HasPrefix(part, "key/"):
		return rkKey
	case svc == "iam" && strings.HasPrefix(part, "role/") && strings.HasPrefix(strings.ToLower(ri.action), "sts:"):
		return rkTrust
	case svc == "backup" && (strings.HasPrefix(part, "backup-vault:") || strings.HasPrefix(part, "recovery-point:")):
		return rkVault // a vault's access policy governs its recovery points too
	case svc == "s3":
		return rkBucket
	}
	return rkOther
}

// resourceUnknown reports whether the request names no one resource: no
// resource, or a pattern ("secret:*") as some messages print it.
func (ri *reqInfo) resourceUnknown() bool {
	return ri.resource == "*" || strings.ContainsAny(ri.res[5], "*?") || elided(ri.resource)
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
			return Target{Kind: TargetVaultPolicy, Region: ri.res[3]} // a recovery point: its vault is not in the ARN
		}
		return Target{Kind: TargetVaultPolicy, Name: vault, ARN: ri.resource, Region: ri.res[3]}
	case rkBucket:
		bucket, _, _ := strings.Cut(ri.res[5], "/")
		return Target{Kind: TargetBucketPolicy, Name: bucket, ARN: "arn:" + ri.res[1] + ":s3:::" + bucket}
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
	f.Title = fmt.Sprintf("Add %s to the %s, allowing %s", ri.principalARN(), targetNoun(f.Target), ri.action)
	form, targs := targetForm(f.Target)
	f.TitleMsg = msg("fix.title.add-principal."+form, concat([]string{ri.principalARN()}, targs, []string{ri.action})...)
	lp = append(lp, f)

	// Across accounts the requester's own account must allow it too.
	if ri.crossAccount() && ri.awsPrincipal() && (w.requestOnly || o.verdicts[authz.LayerIdentity].Verdict != authz.Allow) {
		if id, ok := s.identityAllow(); ok {
			id.Title += " (the requester's account must allow a cross-account request too)"
			id.TitleMsg.ID += ".cross-account"
			lp = append(lp, id)
		}
	}
	if rk == rkKey && !ri.crossAccount() && ri.awsPrincipal() {
		if b, ok := s.keyDelegation(w); ok {
			others = append(others, b)
		}
	}
	return lp, others
}

// keyDelegation is the key policy statement AWS writes by default, which
// lets IAM policies of the key's account grant use of the key.
func (s *synth) keyDelegation(w *working) (Fix, bool) {
	acct := s.ri.res[4]
	root := "arn:" + s.ri.res[1] + ":iam::" + acct + ":root"
	if d := w.c.ResourcePolicy; d != nil {
		if p, err := parseDoc(d); err == nil {
			for _, st := range p.Statements {
				if st.Effect == policy.Allow && st.Principal != nil && (contains(st.Principal.AWS, root) || contains(st.Principal.AWS, acct)) {
					return Fix{}, false // the key already delegates to IAM
				}
			}
		}
	}
	st := &policy.Statement{Sid: "EnableIAMUserPermissions", HasSid: true, Effect: policy.Allow, Principal: &policy.Principal{AWS: []string{root}}, Action: []string{"kms:*"}, Resource: []string{"*"}}
	f := s.addToLayer(w, loc{layer: authz.LayerResource}, "key-policy-delegate-to-iam", st)
	f.Kind = Broad
	f.Title = "Let IAM policies of account " + acct + " grant use of the key (the statement AWS puts in a default key policy)"
	f.TitleMsg = msg("fix.title.key-policy-delegate-to-iam", acct)
	f.Risk = "Every principal of account " + acct + " whose IAM policies allow kms actions on this key can then use and manage it (kms:* includes PutKeyPolicy and ScheduleKeyDeletion), so control of the key moves from the key policy to whoever can edit IAM policies; the requester still needs an identity policy allowing " + s.ri.action + "."
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
		l, found := locate(w.c, r)
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
			name = g.l.name(w.c)
		}
		f := Fix{ID: id, Kind: LeastPrivilege, Layer: o.layer.String()}
		f.Target = s.policyTarget(w, g.l, name)
		if g.r.target != "" && f.Target.AttachedTo == "" && (o.layer == authz.LayerSCP || o.layer == authz.LayerRCP) {
			f.Target.AttachedTo = g.r.target
		}
		var p *policy.Policy
		if g.found {
			p, _ = parseDoc(g.l.doc(w.c))
		}
		form, targs := targetForm(f.Target)
		if p == nil && len(s.denies) > 0 {
			// The statement is known, its policy is not: show the narrowed
			// statement to put in place of the original.
			form, targs := targetForm(f.Target)
			scope, scopeArg := "", ""
			for _, st := range s.denies {
				ns, byResource := s.exemption(st, preferResource)
				if f.Statement == nil {
					f.Statement, f.Original = ns, st
					ex := exemptions{resource: s.ri.resource, principal: s.exemptionValue()}
					ex.byResource, ex.byPrincipal = byResource, !byResource
					f.Title = fmt.Sprintf("Narrow the Deny %s in %s so that it applies to %s", stmtName(st), describeTarget(f.Target), ex.english())
					how, hargs := ex.form()
					f.TitleMsg = msg("fix.title.narrow."+form+"."+how, concat([]string{stmtArg(st)}, targs, hargs)...)
					scope, scopeArg = ex.scope()
				}
			}
			f.Document = newPolicy(f.Statement)
			noun, nounArg := policyNoun(f.Target)
			f.Notes = append(f.Notes, Note{ID: "deny-statement-known", Text: fmt.Sprintf("The decoded message names the Deny statement %s but not the %s that holds it: find it there and put the statement shown in its place (keep the policy's other statements).", stmtName(f.Original), noun),
				Args: []string{stmtArg(f.Original), nounArg}})
			f.Notes = append(f.Notes, Note{ID: "deny-on-purpose", Text: "This Deny was written on purpose: the change keeps it for every other " + scope + " and only lifts it for this request's " + scope + ". Check with the policy's owner; deleting the statement would lift it for everyone.",
				Args: []string{scopeArg, scopeArg}})
			lp = append(lp, f)
			continue
		}
		if p == nil {
			op, key, val := s.exemptionCondition()
			f.Title = fmt.Sprintf("Except %s from the Deny in %s", s.ri.principalARN(), describeTarget(f.Target))
			f.TitleMsg = msg("fix.title.except."+form, concat([]string{s.ri.principalARN()}, targs)...)
			noun, nounArg := policyNoun(f.Target)
			f.Notes = append(f.Notes, Note{ID: "deny-unknown", Text: fmt.Sprintf("The denying statement is not known. Fetch the %s, find the Deny that matches %s, and add to its Condition block: {%q: {%q: %q}}. Do not delete the statement: it is there on purpose.", noun, s.ri.action, op, key, val),
				Args: []string{nounArg, s.ri.action, op, key, val}})
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
		f.Title = fmt.Sprintf("Narrow the Deny %s in %s so that it applies to %s", stmtName(f.Original), describeTarget(f.Target), ex.english())
		how, hargs := ex.form()
		f.TitleMsg = msg("fix.title.narrow."+form+"."+how, concat([]string{stmtName(f.Original)}, targs, hargs)...)
		scope, scopeArg := ex.scope()
		f.Notes = append(f.Notes, Note{ID: "deny-on-purpose", Text: "This Deny was written on purpose: the change keeps it for every other " + scope + " and only lifts it for this request's " + scope + ". Check with the policy's owner; deleting the statement would lift it for everyone.",
			Args: []string{scopeArg, scopeArg}})
		if len(replace) > 1 {
			n := strconv.Itoa(len(replace))
			f.Notes = append(f.Notes, Note{ID: "several-denies", Text: n + " Deny statements of this policy match the request; each is narrowed the same way.", Args: []string{n}})
		}
		if strings.HasPrefix(name, "arn:aws:iam::aws:policy/") {
			f.Notes = append(f.Notes, Note{ID: "aws-managed-policy", Text: "This is an AWS managed policy, which cannot be changed: detach it and attach a customer managed copy with this change."})
		}
		l, doc := g.l, f.Document
		f.apply = func(c *simulate.Case) { l.set(c, name, doc) }
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
			rm.Title = fmt.Sprintf("Remove the Deny %s from %s", stmtName(f.Original), describeTarget(f.Target))
			rm.TitleMsg = msg("fix.title.remove-deny."+form, concat([]string{stmtName(f.Original)}, targs)...)
			rm.Risk = "Removes the Deny for every principal and every request it covers, not only this one: vault access policies often deny deleting recovery points or changing the vault to protect backups, and that protection goes with it."
			rm.RiskMsg = riskMsg("fix.risk.vault-policy-remove-deny")
			rdoc := rm.Document
			rm.apply = func(c *simulate.Case) { l.set(c, name, rdoc) }
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
		if name == "" || name == l.defaultName() && l.doc(w.c) == nil {
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
		t := Target{Kind: TargetSCP, Name: name, AttachedTo: l.target(w.c)}
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

// describeName names a target's policy: its ARN, name or ID.
func describeName(t Target) string {
	switch {
	case t.ARN != "":
		return t.ARN
	case t.Name != "":
		return t.Name
	case t.PolicyID != "":
		return t.PolicyID
	}
	return "(name unknown)"
}

// describePrincipal names the role or user of an inline-policy target.
func describePrincipal(t Target) string {
	switch {
	case t.Kind == TargetRoleInline || t.Kind == TargetIdentityPolicy && isRoleARN(t.ARN):
		return "role " + t.Name
	case t.Name == "":
		return "the IAM user that called GetFederationToken"
	}
	return "user " + t.Name
}

// describeTarget names a target in English (targetForm is the same as a
// message).
func describeTarget(t Target) string {
	switch t.Kind {
	case TargetRoleInline, TargetUserInline:
		return "the inline policy " + t.PolicyName + " of " + describePrincipal(t)
	case TargetIdentityPolicy:
		return "an identity-based policy (inline or managed) of " + describePrincipal(t)
	case TargetManagedPolicy, TargetBoundary, TargetSessionPolicy, TargetSCP, TargetRCP, TargetVPCEndpoint:
		return "the " + targetNoun(t) + " " + describeName(t)
	}
	return "the " + targetNoun(t)
}

// targetNoun is what sort of policy a target is, in English.
func targetNoun(t Target) string {
	switch t.Kind {
	case TargetRoleInline, TargetUserInline:
		return "inline policy"
	case TargetManagedPolicy:
		return "managed policy"
	case TargetIdentityPolicy:
		return "identity-based policy"
	case TargetBoundary:
		return "permissions boundary"
	case TargetSessionPolicy:
		return "session policy"
	case TargetSCP:
		return "SCP"
	case TargetRCP:
		return "RCP"
	case TargetKeyPolicy:
		return "key policy of " + t.ARN
	case TargetTrustPolicy:
		return "trust policy of role " + t.Name
	case TargetVaultPolicy:
		if t.Name == "" {
			return "access policy of the recovery point's vault" // a recovery point ARN does not name its vault
		}
		return "access policy of vault " + t.Name
	case TargetBucketPolicy:
		return "bucket policy of " + t.Name
	case TargetVPCEndpoint:
		return "VPC endpoint policy"
	}
	return "resource-based policy of " + t.ARN
}

// unknownDocument says that only the change is known.
func unknownDocument(t Target) Note {
	noun, arg := policyNoun(t)
	return Note{ID: "document-unknown", Text: "The current " + noun + " is not known: the document shown holds only the statement to add. Add it to the current document's Statement list; the update replaces the whole document.", Args: []string{arg}}
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
	add := func(id, text string, args ...string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, Note{ID: "rcp-guardrail." + id, Text: text, Args: args})
		}
	}
	for _, c := range st.Conditions {
		k := strings.ToLower(c.Key)
		switch {
		case k == "aws:principalorgid" || k == "aws:principalorgpaths" || k == "aws:principalaccount":
			add("organization", "This RCP is a data perimeter: it denies principals outside "+strings.Join(c.Values, ", ")+" ("+c.Key+"). Meet it first (call from an account of the organization, or copy the data through one); exempting this principal comes second, and only with the policy owner's agreement.", strings.Join(c.Values, ", "), c.Key)
		case k == "aws:securetransport" || k == "s3:tlsversion":
			add("tls", "This RCP requires encrypted transport ("+c.Key+"): send the request over HTTPS with a current TLS version; an exemption is not the fix.", c.Key)
		case strings.HasPrefix(k, "s3:x-amz-server-side-encryption"):
			add("sse-kms", "This RCP requires server-side encryption with KMS ("+c.Key+"): request it in the upload (aws s3 cp --sse aws:kms --sse-kms-key-id KEY, or the x-amz-server-side-encryption: aws:kms header) or set SSE-KMS as the bucket's default encryption; exempting this principal comes second.", c.Key)
		case k == "aws:sourcevpc" || k == "aws:sourcevpce" || k == "aws:sourceip" || k == "aws:vpcsourceip":
			add("network", "This RCP limits where requests may come from ("+c.Key+"): send the request from the organization's networks or VPC endpoints; exempting this principal comes second.", c.Key)
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
	var out []condFailure
	allows := func(st *policy.Statement) bool {
		c := cloneCase(w.c)
		c.IdentityPolicies = nil
		addIdentityPolicy("probe", newPolicy(st))(c)
		o, err := evaluate(c, s.opt)
		return err == nil && o.verdicts[authz.LayerIdentity].Verdict == authz.Allow
	}
	for i := range w.c.IdentityPolicies {
		l := loc{layer: authz.LayerIdentity, index: i}
		p, err := parseDoc(l.doc(w.c))
		if err != nil {
			continue
		}
		for _, st := range p.Statements {
			if st.Effect != policy.Allow || len(st.Conditions) == 0 {
				continue
			}
			bare := copyStatement(st)
			bare.Conditions = nil
			if !allows(bare) {
				continue // it does not cover the request at all
			}
			fc := condFailure{policy: l.name(w.c), st: st}
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
	have, haveArg := "the request has no value for it", "@fix.condition.absent"
	if fc.have[0] != "" {
		have, haveArg = fc.have[0], fc.have[0]
	}
	return Fix{
		ID:   "meet-condition",
		Kind: Alternative,
		Title: fmt.Sprintf("Make the request meet the condition of statement %s in %s: %s %s %s (now: %s)",
			stmtName(fc.st), fc.policy, c.Operator, c.Key, strings.Join(c.Values, ", "), have),
		TitleMsg: msg("fix.title.meet-condition", stmtArg(fc.st), fc.policy, c.Operator, c.Key, strings.Join(c.Values, ", "), haveArg),
		Target:   Target{Kind: TargetRequest},
		Notes: []Note{{ID: "condition-on-purpose", Text: "The allowing statement states this condition on purpose (MFA, a network, a tag, a Region...): send the request so that it holds (sign in with MFA, call from the network, tag the resource) instead of dropping it.",
			Args: nil}},
	}
}
