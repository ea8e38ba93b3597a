package fix

import (
	"errors"
	"fmt"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/policy"
)

// working is an input being fixed: a copy of the problem's input with the
// fixes applied so far. Each fix replaces (or adds) one named policy, so
// evaluating it again compiles that one document: the others come from
// the cache, or from pr when nothing changed.
type working struct {
	in *eval.Input
	// requestOnly: the problem held no policies. A fix to a layer that
	// only limits (boundary, session, SCP, endpoint) then also goes into
	// the identity layer, which is unknown: identity policy = the fix.
	requestOnly bool
	// pr is in prepared, once evaluated (nil after a change); perr the
	// error preparing it gave.
	pr   *eval.Prepared
	perr error
}

func (w *working) clone() *working {
	return &working{in: cloneInput(w.in), requestOnly: w.requestOnly, pr: w.pr, perr: w.perr}
}

// changed drops what was prepared of w: its input was changed.
func (w *working) changed() { w.pr, w.perr = nil, nil }

// cloneInput copies an input deeply enough that replacing a document or
// a context value of the copy leaves the original alone (documents'
// bytes are shared: they are replaced, never changed in place).
func cloneInput(in *eval.Input) *eval.Input {
	n := *in
	if in.Request.Context != nil {
		n.Request.Context = make(map[string][]string, len(in.Request.Context))
		for k, v := range in.Request.Context {
			n.Request.Context[k] = v
		}
	}
	n.Identity = append([]eval.Doc(nil), in.Identity...)
	one := func(d *eval.Doc) *eval.Doc {
		if d == nil {
			return nil
		}
		x := *d
		return &x
	}
	n.Boundary = one(in.Boundary)
	n.Session = one(in.Session)
	n.Resource = one(in.Resource)
	levels := func(ls []eval.Level) []eval.Level {
		if ls == nil {
			return nil
		}
		out := make([]eval.Level, len(ls))
		for i, l := range ls {
			out[i] = eval.Level{Target: l.Target, Policies: append([]eval.Doc(nil), l.Policies...)}
		}
		return out
	}
	n.SCPs = levels(in.SCPs)
	n.RCPs = levels(in.RCPs)
	n.VPCEndpoint = append([]eval.Doc(nil), in.VPCEndpoint...)
	return &n
}

// hasPolicies reports whether the input holds any policy.
func hasPolicies(in *eval.Input) bool {
	return len(in.Identity) > 0 || in.Boundary != nil || in.Session != nil ||
		in.Resource != nil || len(in.SCPs) > 0 || len(in.RCPs) > 0 ||
		len(in.VPCEndpoint) > 0
}

// loc is where a policy sits in an input.
type loc struct {
	layer authz.Layer
	level int // SCP/RCP level, root first
	index int // position among the identity policies, a level's policies, the endpoint policies; -1: a new one
}

// path is where eval reports the policy at l.
func (l loc) path() eval.Path {
	p := eval.Path{Level: -1, Index: -1}
	switch l.layer {
	case authz.LayerIdentity:
		p.Field, p.Index = eval.FieldIdentity, l.index
	case authz.LayerBoundary:
		p.Field = eval.FieldBoundary
	case authz.LayerSession:
		p.Field = eval.FieldSession
	case authz.LayerResource:
		p.Field = eval.FieldResourceDoc
	case authz.LayerSCP:
		p.Field, p.Level, p.Index = eval.FieldSCPs, l.level, l.index
	case authz.LayerRCP:
		p.Field, p.Level, p.Index = eval.FieldRCPs, l.level, l.index
	case authz.LayerVPCEndpoint:
		p.Field, p.Index = eval.FieldVPCEndpoint, l.index
	}
	return p
}

// defaultName is the name eval gives a policy without one.
func (l loc) defaultName() string { return l.path().DefaultName() }

// doc returns the policy at l, or nil.
func (l loc) doc(in *eval.Input) *eval.Doc {
	at := func(ds []eval.Doc, i int) *eval.Doc {
		if i < 0 || i >= len(ds) {
			return nil
		}
		return &ds[i]
	}
	switch l.layer {
	case authz.LayerIdentity:
		return at(in.Identity, l.index)
	case authz.LayerBoundary:
		return in.Boundary
	case authz.LayerSession:
		return in.Session
	case authz.LayerResource:
		return in.Resource
	case authz.LayerSCP, authz.LayerRCP:
		levels := in.SCPs
		if l.layer == authz.LayerRCP {
			levels = in.RCPs
		}
		if l.level < 0 || l.level >= len(levels) {
			return nil
		}
		return at(levels[l.level].Policies, l.index)
	case authz.LayerVPCEndpoint:
		return at(in.VPCEndpoint, l.index)
	}
	return nil
}

// name returns the name the policy at l is reported under.
func (l loc) name(in *eval.Input) string {
	if d := l.doc(in); d != nil && d.Name != "" {
		return d.Name
	}
	return l.defaultName()
}

// set stores text at l, creating the policy (and the SCP or RCP level)
// when the input does not have it.
func (l loc) set(in *eval.Input, name string, text []byte) {
	if d := l.doc(in); d != nil {
		d.Text = text
		return
	}
	nd := eval.Doc{Name: name, Text: text}
	switch l.layer {
	case authz.LayerIdentity:
		in.Identity = append(in.Identity, nd)
	case authz.LayerBoundary:
		in.Boundary = &nd
	case authz.LayerSession:
		in.Session = &nd
	case authz.LayerResource:
		in.Resource = &nd
	case authz.LayerSCP:
		in.SCPs = append(in.SCPs, eval.Level{Policies: []eval.Doc{nd}})
	case authz.LayerRCP:
		in.RCPs = append(in.RCPs, eval.Level{Policies: []eval.Doc{nd}})
	case authz.LayerVPCEndpoint:
		in.VPCEndpoint = append(in.VPCEndpoint, nd)
	}
}

// target returns the SCP or RCP target of the level at l.
func (l loc) target(in *eval.Input) string {
	levels := in.SCPs
	if l.layer == authz.LayerRCP {
		levels = in.RCPs
	}
	if (l.layer == authz.LayerSCP || l.layer == authz.LayerRCP) && l.level >= 0 && l.level < len(levels) {
		return levels[l.level].Target
	}
	return ""
}

// edit is what a fix changes in an input: the one policy at at, named
// name, replaced by doc (or added, when the input lacks it).
type edit struct {
	at   loc
	name string
	doc  *policy.Policy
	text []byte // doc as JSON, written once
}

func newEdit(at loc, name string, doc *policy.Policy) *edit {
	return &edit{at: at, name: name, doc: doc}
}

// apply makes the edit in w.
func (e *edit) apply(w *working) {
	if e.text == nil {
		e.text, _ = e.doc.MarshalJSON()
	}
	e.at.set(w.in, e.name, e.text)
	w.changed()
}

// ref names a statement: a deciding statement of the engine or of a
// Problem.
type ref struct {
	layer  authz.Layer
	level  int // -1 when unknown
	target string
	policy string
	index  int
}

// locate finds the policy r points at.
func locate(in *eval.Input, r ref) (loc, bool) {
	try := func(l loc) bool { return l.doc(in) != nil && l.name(in) == r.policy }
	switch r.layer {
	case authz.LayerIdentity:
		for i := range in.Identity {
			if l := (loc{layer: r.layer, index: i}); try(l) {
				return l, true
			}
		}
	case authz.LayerBoundary, authz.LayerSession, authz.LayerResource:
		l := loc{layer: r.layer}
		return l, l.doc(in) != nil
	case authz.LayerSCP, authz.LayerRCP:
		levels := in.SCPs
		if r.layer == authz.LayerRCP {
			levels = in.RCPs
		}
		for lv := range levels {
			if r.level >= 0 && lv != r.level || r.level < 0 && r.target != "" && levels[lv].Target != r.target {
				continue
			}
			for i := range levels[lv].Policies {
				if l := (loc{layer: r.layer, level: lv, index: i}); try(l) {
					return l, true
				}
			}
		}
	case authz.LayerVPCEndpoint:
		for i := range in.VPCEndpoint {
			if l := (loc{layer: r.layer, index: i}); try(l) {
				return l, true
			}
		}
	}
	return loc{}, false
}

// policyAt returns the parsed policy at l: the one w's evaluation parsed
// (through the cache), or, when w cannot be evaluated, the document
// parsed alone. Nil when there is none or it does not parse. The policy
// may be shared with the cache: it is never changed (withStatements and
// copyStatement copy what they change).
func (s *synth) policyAt(w *working, l loc) *policy.Policy {
	d := l.doc(w.in)
	if d == nil {
		return nil
	}
	if w.pr == nil && w.perr == nil {
		w.pr, w.perr = eval.Prepare(w.in, s.evalOptions())
	}
	if w.pr != nil {
		want := l.path()
		for i := range w.pr.Sources {
			if src := &w.pr.Sources[i]; src.Path == want {
				return src.Policy()
			}
		}
	}
	text, err := eval.DocumentText(d.Text)
	if err != nil {
		return nil
	}
	p, findings := policy.Parse(text)
	if p == nil || policy.HasErrors(findings) {
		return nil
	}
	return p
}

// outcome is the engine's verdict on a case.
type outcome struct {
	decision authz.Decision
	layer    authz.Layer
	deciding []ref
	verdicts [len(authz.Layers)]authz.LayerVerdict
}

func (o outcome) allowed() bool { return o.decision == authz.Allowed }

// same reports whether two denials are the same: same layer, same kind,
// same deciding statements.
func (o outcome) same(p outcome) bool {
	if o.decision != p.decision || o.layer != p.layer || len(o.deciding) != len(p.deciding) {
		return false
	}
	for i := range o.deciding {
		if o.deciding[i] != p.deciding[i] {
			return false
		}
	}
	return o.decision != authz.ImplicitDeny || o.verdicts[o.layer].Level == p.verdicts[p.layer].Level
}

// evalOptions are the options of every evaluation of a plan.
func (s *synth) evalOptions() eval.Options {
	return eval.Options{Now: s.opt.Now, AllowUnknownActions: true, Cache: s.opt.Cache}
}

// evaluate prepares (unless w is prepared already) and evaluates w.
func (s *synth) evaluate(w *working) (outcome, error) {
	if w.pr == nil && w.perr == nil {
		w.pr, w.perr = eval.Prepare(w.in, s.evalOptions())
	}
	if w.perr != nil {
		return outcome{}, w.perr
	}
	var ar authz.Result
	w.pr.EvaluateInto(&ar)
	o := outcome{decision: ar.Decision, layer: ar.Layer}
	copy(o.verdicts[:], ar.Layers[:])
	for _, r := range ar.Deciding {
		o.deciding = append(o.deciding, ref{layer: r.Layer, level: r.Level, target: r.Target, policy: r.Policy, index: r.Index})
	}
	return o, nil
}

// problemOutcome turns the problem's own diagnosis into an outcome.
func problemOutcome(p Problem) (outcome, error) {
	l, ok := authz.ParseLayer(p.Layer)
	if !ok {
		return outcome{}, fmt.Errorf("unknown layer %q (want identity, resource, permissionsBoundary, session, scp, rcp or vpcEndpoint)", p.Layer)
	}
	o := outcome{decision: authz.ImplicitDeny, layer: l}
	if p.Explicit {
		o.decision = authz.ExplicitDeny
	}
	for _, d := range p.Deciding {
		dl, ok := authz.ParseLayer(d.Layer)
		if !ok {
			continue
		}
		o.deciding = append(o.deciding, ref{layer: dl, level: -1, target: d.Target, policy: d.Policy, index: d.Statement})
	}
	return o, nil
}

var errNoRequest = errors.New("the problem has no request")
