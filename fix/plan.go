package fix

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/policy"
)

// defaultRounds bounds how many layers PlanFor fixes one after the other:
// enough for every layer that can lack an Allow at once (the RCP, every SCP
// level of the deepest organization, root, five OUs and the account, the
// endpoint, resource, identity, boundary and session policies), since a
// plan must fix each of them. A round that changes nothing ends the plan.
const defaultRounds = 13

// PlanFor synthesizes the fixes for a denied request and verifies them:
// the deciding layer's fix is applied to a copy of the case, the case is
// evaluated again, and while another layer still denies, that layer's
// fix is added (at most Options.MaxRounds layers). Plan.Fixes are the
// least-privilege fixes that together let the request through; Verified
// says whether they do.
func PlanFor(p Problem, opt Options) Plan {
	if opt.MaxRounds <= 0 {
		opt.MaxRounds = defaultRounds
	}
	in, err := p.input()
	if err != nil {
		return Plan{Error: err.Error()}
	}
	if opt.Memo == nil || len(p.DenyStatements) > 0 {
		return planFor(p, in, opt)
	}
	k := opt.Memo.key(p, in, opt)
	if pl, ok := opt.Memo.get(k); ok {
		return pl
	}
	pl := planFor(p, in, opt)
	opt.Memo.put(k, pl)
	return pl
}

// planFor is PlanFor of the problem's input in.
func planFor(p Problem, in *eval.Input, opt Options) Plan {
	var pl Plan
	ri, err := newReqInfo(in, opt, p.Prepared)
	if err != nil {
		pl.Error = err.Error()
		return pl
	}
	if msg := refusedByAWS(in); msg != "" {
		// No policy edit lets such a request through: propose none.
		pl.Error = msg
		return pl
	}
	s := &synth{ri: ri, opt: opt, denies: p.DenyStatements}
	s.passedTo, s.passedToInferred = ri.passedToService()
	s.passedToUnknown = s.passedTo == "" && strings.EqualFold(ri.action, "iam:PassRole")

	cur := &working{in: cloneInput(in), requestOnly: !hasPolicies(in)}
	var inferred bool
	pl.Notes, inferred = s.inferContext(cur)
	if p.Prepared != nil && !inferred {
		// cur is the input as given, which the caller prepared.
		cur.pr = p.Prepared
	}
	against := AgainstKnownPolicies
	if cur.requestOnly {
		against = AgainstRequestOnly
	}

	state, evalErr := s.evaluate(cur)
	if p.Layer != "" {
		ps, err := problemOutcome(p)
		if err != nil {
			pl.Error = err.Error()
			return pl
		}
		if evalErr == nil {
			if len(ps.deciding) == 0 && state.layer == ps.layer && state.decision == ps.decision {
				ps.deciding = state.deciding
			}
			ps.verdicts = state.verdicts
		}
		state = ps
	} else if evalErr != nil {
		pl.Error = evalErr.Error()
		return pl
	}
	if evalErr != nil {
		pl.Error = "the case cannot be evaluated, so the fixes are not verified: " + evalErr.Error()
	}
	if n, ok := s.restoresPolicyNote(); ok {
		pl.Notes = append(pl.Notes, n)
	}

	var applied []string
	used := map[string]int{}
	final, finalKnown := state, evalErr == nil
	for round := 0; round < opt.MaxRounds && !state.allowed(); round++ {
		lp, others := s.round(cur, state)
		if round == 0 {
			if alt, ok := s.restoreWithoutInstanceRole(); ok {
				others = append([]Fix{alt}, others...)
			}
			if len(lp) > 0 {
				lp[0].Notes = append(append([]Note(nil), pl.Notes...), lp[0].Notes...)
			}
		}
		if len(lp) == 0 && len(others) == 0 {
			break
		}
		before := append([]string(nil), applied...)
		next := cur.clone()
		chain := evalErr == nil
		for i := range lp {
			f := &lp[i]
			f.ID = uniqueID(used, f.ID)
			f.After = append([]string(nil), applied...)
			applied = append(applied, f.ID)
			if f.edit == nil || evalErr != nil {
				chain = false
				continue
			}
			s.verify(next, f, against)
		}
		for i := range others {
			f := &others[i]
			f.ID = uniqueID(used, f.ID)
			if f.edit == nil || evalErr != nil {
				continue
			}
			f.After = before
			s.verify(cur.clone(), f, against)
		}
		pl.Fixes = append(pl.Fixes, lp...)
		pl.others = append(pl.others, others...)
		if !chain || len(lp) == 0 {
			finalKnown = false
			break
		}
		ns, err := s.evaluate(next)
		if err != nil {
			finalKnown = false
			break
		}
		cur, final = next, ns
		if ns.same(state) {
			break
		}
		state = ns
	}
	if svc := ri.serviceSession(); svc != "" && len(pl.Fixes) == 0 && state.layer == authz.LayerSession {
		pl.Notes = append(pl.Notes, note("service-session."+svc))
	}
	if ri.p.ServiceLinked() {
		pl.Notes = append(pl.Notes, note("service-linked-role", ri.p.Name))
	}
	if ri.p.Kind == authz.PrincipalAnonymous && len(pl.Fixes) == 0 {
		pl.Notes = append(pl.Notes, note("anonymous-request"))
	}
	if finalKnown {
		pl.Decision = final.decision.String()
		pl.Verified = final.allowed()
		pl.VerifiedAgainst = against
		if !pl.Verified {
			pl.StillDeniedBy = final.layer.String()
		}
	}
	if s.passedToUnknown {
		placePassedToNote(&pl)
	}
	if ri.p.Kind == authz.PrincipalIdentityProvider {
		unverifySubjectPlaceholder(&pl, ri)
	}
	for i := range pl.Fixes {
		render(&pl.Fixes[i], ri)
	}
	for i := range pl.others {
		render(&pl.others[i], ri)
	}
	return pl
}

// input returns the problem's input, errNoRequest when there is none.
func (p Problem) input() (*eval.Input, error) {
	if p.Input == nil {
		return nil, errNoRequest
	}
	return p.Input, nil
}

// verify applies f to w (which keeps the change) and evaluates it.
func (s *synth) verify(w *working, f *Fix, against string) {
	s.applyFix(w, f)
	o, err := s.evaluate(w)
	if err != nil {
		f.Notes = append(f.Notes, note("not-verified", err.Error()))
		return
	}
	f.VerifiedAgainst = against
	f.VerifiedDecision = o.decision.String()
	f.Verified = o.allowed()
	if !f.Verified {
		f.StillDeniedBy = o.layer.String()
	}
}

// applyFix applies f to w. When only the request is known, a fix to a
// layer that can only limit (boundary, session policy, SCP, endpoint
// policy) is also taken as the identity policy, which is unknown: the
// identity policy is the fix.
func (s *synth) applyFix(w *working, f *Fix) {
	f.edit.apply(w)
	if !w.requestOnly || len(w.in.Identity) > 0 || f.Statement == nil || f.Statement.Effect != policy.Allow {
		return
	}
	switch f.Layer {
	case authz.LayerBoundary.String(), authz.LayerSession.String(), authz.LayerSCP.String(), authz.LayerVPCEndpoint.String():
		st := copyStatement(f.Statement)
		st.Principal, st.NotPrincipal = nil, nil
		newEdit(loc{layer: authz.LayerIdentity}, "identity (unknown: taken to be the fix)", newPolicy(st)).apply(w)
	}
}

// inferContext adds to the case's request the context values that the
// fixes rely on and that the request implies but does not carry.
func (s *synth) inferContext(w *working) (notes []Note, changed bool) {
	if s.passedToInferred {
		setContext(w.in, "iam:PassedToService", s.passedTo)
		notes, changed = append(notes, note("passed-to-service-inferred", s.passedTo)), true
	} else if s.passedToUnknown {
		// The fixes' condition names a placeholder service: the request is
		// verified with it, as the engine reads the condition.
		setContext(w.in, "iam:PassedToService", PassedToServicePlaceholder)
		notes, changed = append(notes, note("passed-to-service-unknown", PassedToServicePlaceholder)), true
	}
	if s.ri.roleARN != "" && s.ri.roleARN != s.ri.p.RoleARN && s.ri.p.Kind == authz.PrincipalSession {
		if !hasContextKey(w.in, "aws:PrincipalArn") {
			setContext(w.in, "aws:PrincipalArn", s.ri.roleARN)
			notes, changed = append(notes, note("role-path", s.ri.roleARN)), true
		}
	}
	return notes, changed
}

// hasContextKey reports whether the input's request gives key itself
// (not as a key the engine fills in).
func hasContextKey(in *eval.Input, key string) bool {
	for k := range in.Request.Context {
		if strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}

// uniqueID returns id, or id-2, id-3... when id was used before.
func uniqueID(used map[string]int, id string) string {
	used[id]++
	if n := used[id]; n > 1 {
		return id + "-" + strconv.Itoa(n)
	}
	return id
}

// refusedByAWS says why AWS refuses the input's request whatever the
// policies say (the root user assuming a role, a change to an AWS managed
// policy, a service-linked role or an alias/aws/ key alias), or "".
func refusedByAWS(in *eval.Input) string {
	r, err := authz.NewRequest(authz.RequestInput{Principal: in.Request.Principal, Action: in.Request.Action, Resource: in.Request.Resource, ResourceAccount: in.Request.ResourceAccount})
	if err != nil {
		return ""
	}
	note, _ := r.Refused()
	if note == "" {
		return ""
	}
	return fmt.Sprintf("%s: AWS refuses this request whatever the policies say (%s), so no policy change can allow it", r.RefusalReason(), note)
}

// placePassedToNote puts the note that the iam:PassedToService condition
// names a placeholder service on the fixes whose statement carries that
// condition, and only on them: an SCP's Deny exempting the principal
// (aws:PrincipalArn) names no service, and the plan itself grants nothing.
func placePassedToNote(pl *Plan) {
	const id = "passed-to-service-unknown"
	pl.Notes = dropNote(pl.Notes, id)
	for _, fs := range [][]Fix{pl.Fixes, pl.others} {
		for i := range fs {
			f := &fs[i]
			if !carriesPlaceholderService(f.Statement) {
				f.Notes = dropNote(f.Notes, id)
			} else if !hasNoteID(f.Notes, id) {
				f.Notes = append([]Note{note(id, PassedToServicePlaceholder)}, f.Notes...)
			}
		}
	}
}

// carriesPlaceholderService reports whether st has an iam:PassedToService
// condition naming PassedToServicePlaceholder.
func carriesPlaceholderService(st *policy.Statement) bool {
	if st == nil {
		return false
	}
	for _, c := range st.Conditions {
		if strings.EqualFold(c.Key, "iam:PassedToService") {
			for _, v := range c.Values {
				if v == PassedToServicePlaceholder {
					return true
				}
			}
		}
	}
	return false
}

func dropNote(ns []Note, id string) []Note {
	var out []Note
	for _, n := range ns {
		if n.ID != id {
			out = append(out, n)
		}
	}
	return out
}

func hasNoteID(ns []Note, id string) bool {
	for _, n := range ns {
		if n.ID == id {
			return true
		}
	}
	return false
}

// unverifySubjectPlaceholder marks the plan of a web identity or SAML
// caller whose request does not give its subject (reqInfo.subjectKey) as
// not verified when a fix excepts it by the subject's placeholder: the
// exemption is a candidate until the placeholder is replaced, and no fix
// after it is verified either. The plan note says which key to fill in.
func unverifySubjectPlaceholder(pl *Plan, ri *reqInfo) {
	key := ri.subjectKey()
	ph := subjectPlaceholder(key)
	held := false
	for _, f := range pl.Fixes {
		held = held || carriesValue(f.Statement, key, ph)
	}
	if !held {
		return
	}
	for i := range pl.Fixes {
		f := &pl.Fixes[i]
		f.Verified, f.VerifiedDecision, f.VerifiedAgainst, f.StillDeniedBy = false, "", "", ""
	}
	for i := range pl.others {
		if f := &pl.others[i]; carriesValue(f.Statement, key, ph) {
			f.Verified, f.VerifiedDecision, f.VerifiedAgainst, f.StillDeniedBy = false, "", "", ""
		}
	}
	pl.Verified, pl.Decision, pl.VerifiedAgainst, pl.StillDeniedBy = false, "", "", ""
	pl.Notes = append(pl.Notes, note("federated-subject-unknown", key, ph))
}

// carriesValue reports whether st has a condition on key naming value.
func carriesValue(st *policy.Statement, key, value string) bool {
	if st == nil {
		return false
	}
	for _, c := range st.Conditions {
		if strings.EqualFold(c.Key, key) && contains(c.Values, value) {
			return true
		}
	}
	return false
}
