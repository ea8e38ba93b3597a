package fix

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

// working is a case being fixed: a copy of the problem's case with the
// fixes applied so far.
type working struct {
	c *simulate.Case
	// requestOnly: the problem's case held no policies. A fix to a layer
	// that only limits (boundary, session, SCP, endpoint) then also goes
	// into the identity layer, which is unknown: identity policy = the fix.
	requestOnly bool
}

func (w *working) clone() *working {
	return &working{c: cloneCase(w.c), requestOnly: w.requestOnly}
}

// cloneCase copies a case deeply enough that changing the copy's policies
// or context leaves the original alone.
func cloneCase(c *simulate.Case) *simulate.Case {
	n := *c
	if c.Request.Context != nil {
		n.Request.Context = make(map[string]json.RawMessage, len(c.Request.Context))
		for k, v := range c.Request.Context {
			n.Request.Context[k] = v
		}
	}
	n.IdentityPolicies = append([]simulate.PolicyDoc(nil), c.IdentityPolicies...)
	one := func(d *simulate.PolicyDoc) *simulate.PolicyDoc {
		if d == nil {
			return nil
		}
		x := *d
		return &x
	}
	n.PermissionsBoundary = one(c.PermissionsBoundary)
	n.SessionPolicy = one(c.SessionPolicy)
	n.ResourcePolicy = one(c.ResourcePolicy)
	levels := func(ls []simulate.OrgLevel) []simulate.OrgLevel {
		if ls == nil {
			return nil
		}
		out := make([]simulate.OrgLevel, len(ls))
		for i, l := range ls {
			out[i] = simulate.OrgLevel{Target: l.Target, Policies: append([]simulate.PolicyDoc(nil), l.Policies...)}
		}
		return out
	}
	n.ServiceControlPolicies = levels(c.ServiceControlPolicies)
	n.ResourceControlPolicies = levels(c.ResourceControlPolicies)
	n.VPCEndpointPolicies = append([]simulate.PolicyDoc(nil), c.VPCEndpointPolicies...)
	return &n
}

// hasPolicies reports whether the case holds any policy.
func hasPolicies(c *simulate.Case) bool {
	return len(c.IdentityPolicies) > 0 || c.PermissionsBoundary != nil || c.SessionPolicy != nil ||
		c.ResourcePolicy != nil || len(c.ServiceControlPolicies) > 0 || len(c.ResourceControlPolicies) > 0 ||
		len(c.VPCEndpointPolicies) > 0
}

// loc is where a policy sits in a case.
type loc struct {
	layer authz.Layer
	level int // SCP/RCP level, root first
	index int // position among the identity policies, a level's policies, the endpoint policies
}

// defaultName is the name simulate gives a policy without one.
func (l loc) defaultName() string {
	switch l.layer {
	case authz.LayerIdentity:
		return fmt.Sprintf("identity-%d", l.index)
	case authz.LayerBoundary:
		return "permissions-boundary"
	case authz.LayerSession:
		return "session-policy"
	case authz.LayerResource:
		return "resource-policy"
	case authz.LayerSCP:
		return fmt.Sprintf("serviceControlPolicies-%d-%d", l.level, l.index)
	case authz.LayerRCP:
		return fmt.Sprintf("resourceControlPolicies-%d-%d", l.level, l.index)
	case authz.LayerVPCEndpoint:
		return fmt.Sprintf("vpce-%d", l.index)
	}
	return ""
}

// doc returns the policy at l, or nil.
func (l loc) doc(c *simulate.Case) *simulate.PolicyDoc {
	at := func(ds []simulate.PolicyDoc, i int) *simulate.PolicyDoc {
		if i < 0 || i >= len(ds) {
			return nil
		}
		return &ds[i]
	}
	switch l.layer {
	case authz.LayerIdentity:
		return at(c.IdentityPolicies, l.index)
	case authz.LayerBoundary:
		return c.PermissionsBoundary
	case authz.LayerSession:
		return c.SessionPolicy
	case authz.LayerResource:
		return c.ResourcePolicy
	case authz.LayerSCP, authz.LayerRCP:
		levels := c.ServiceControlPolicies
		if l.layer == authz.LayerRCP {
			levels = c.ResourceControlPolicies
		}
		if l.level < 0 || l.level >= len(levels) {
			return nil
		}
		return at(levels[l.level].Policies, l.index)
	case authz.LayerVPCEndpoint:
		return at(c.VPCEndpointPolicies, l.index)
	}
	return nil
}

// name returns the name the policy at l is reported under.
func (l loc) name(c *simulate.Case) string {
	if d := l.doc(c); d != nil && d.Name != "" {
		return d.Name
	}
	return l.defaultName()
}

// set stores p at l, creating the policy (and the SCP or RCP level) when
// the case does not have it.
func (l loc) set(c *simulate.Case, name string, p *policy.Policy) {
	raw, _ := p.MarshalJSON()
	if d := l.doc(c); d != nil {
		d.Document = raw
		return
	}
	nd := simulate.PolicyDoc{Name: name, Document: raw}
	switch l.layer {
	case authz.LayerIdentity:
		c.IdentityPolicies = append(c.IdentityPolicies, nd)
	case authz.LayerBoundary:
		c.PermissionsBoundary = &nd
	case authz.LayerSession:
		c.SessionPolicy = &nd
	case authz.LayerResource:
		c.ResourcePolicy = &nd
	case authz.LayerSCP:
		c.ServiceControlPolicies = append(c.ServiceControlPolicies, simulate.OrgLevel{Policies: []simulate.PolicyDoc{nd}})
	case authz.LayerRCP:
		c.ResourceControlPolicies = append(c.ResourceControlPolicies, simulate.OrgLevel{Policies: []simulate.PolicyDoc{nd}})
	case authz.LayerVPCEndpoint:
		c.VPCEndpointPolicies = append(c.VPCEndpointPolicies, nd)
	}
}

// target returns the SCP or RCP target of the level at l.
func (l loc) target(c *simulate.Case) string {
	levels := c.ServiceControlPolicies
	if l.layer == authz.LayerRCP {
		levels = c.ResourceControlPolicies
	}
	if (l.layer == authz.LayerSCP || l.layer == authz.LayerRCP) && l.level >= 0 && l.level < len(levels) {
		return levels[l.level].Target
	}
	return ""
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
func locate(c *simulate.Case, r ref) (loc, bool) {
	try := func(l loc) bool { return l.doc(c) != nil && l.name(c) == r.policy }
	switch r.layer {
	case authz.LayerIdentity:
		for i := range c.IdentityPolicies {
			if l := (loc{layer: r.layer, index: i}); try(l) {
				return l, true
			}
		}
	case authz.LayerBoundary, authz.LayerSession, authz.LayerResource:
		l := loc{layer: r.layer}
		return l, l.doc(c) != nil
	case authz.LayerSCP, authz.LayerRCP:
		levels := c.ServiceControlPolicies
		if r.layer == authz.LayerRCP {
			levels = c.ResourceControlPolicies
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
		for i := range c.VPCEndpointPolicies {
			if l := (loc{layer: r.layer, index: i}); try(l) {
				return l, true
			}
		}
	}
	return loc{}, false
}

// parseDoc parses the policy at l.
func parseDoc(d *simulate.PolicyDoc) (*policy.Policy, error) {
	text, err := simulate.DocumentText(d.Document)
	if err != nil {
		return nil, err
	}
	p, findings := policy.Parse(text)
	if p == nil || policy.HasErrors(findings) {
		return nil, fmt.Errorf("policy %q does not parse", d.Name)
	}
	return p, nil
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

// evaluate prepares and evaluates a case.
func evaluate(c *simulate.Case, opt Options) (outcome, error) {
	pr, err := simulate.Prepare(c, simulate.Options{Now: opt.Now, AllowUnknownActions: true, Cache: opt.Cache})
	if err != nil {
		return outcome{}, err
	}
	var ar authz.Result
	pr.Set.Evaluate(pr.Request, &ar)
	o := outcome{decision: ar.Decision, layer: ar.Layer}
	copy(o.verdicts[:], ar.Layers[:])
	for _, r := range ar.Deciding {
		o.deciding = append(o.deciding, ref{layer: r.Layer, level: r.Level, target: r.Target, policy: r.Policy, index: r.Index})
	}
	return o, nil
}

// parseLayer returns the layer named s.
func parseLayer(s string) (authz.Layer, bool) {
	for _, l := range authz.Layers {
		if strings.EqualFold(l.String(), s) {
			return l, true
		}
	}
	return 0, false
}

// problemOutcome turns the problem's own diagnosis into an outcome.
func problemOutcome(p Problem) (outcome, error) {
	l, ok := parseLayer(p.Layer)
	if !ok {
		return outcome{}, fmt.Errorf("unknown layer %q (want identity, resource, permissionsBoundary, session, scp, rcp or vpcEndpoint)", p.Layer)
	}
	o := outcome{decision: authz.ImplicitDeny, layer: l}
	if p.Explicit {
		o.decision = authz.ExplicitDeny
	}
	for _, d := range p.Deciding {
		dl, ok := parseLayer(d.Layer)
		if !ok {
			continue
		}
		o.deciding = append(o.deciding, ref{layer: dl, level: -1, target: d.Target, policy: d.Policy, index: d.Statement})
	}
	return o, nil
}

var errNoRequest = errors.New("the problem has no request")
