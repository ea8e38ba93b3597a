package diagnose

import (
	"sort"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/policy"
)

// scopePolicyIssuer is the principal a decoded message lists for a
// statement of a permissions boundary.
const scopePolicyIssuer = "SCOPE_POLICY_ISSUER"

// matchedDenies returns the Deny statements a decoded explicit deny lists.
func matchedDenies(d *authzmsg.Denial) []authzmsg.MatchedStatement {
	if d.Decoded == nil || !d.Decoded.ExplicitDeny {
		return nil
	}
	var out []authzmsg.MatchedStatement
	for _, st := range d.Decoded.MatchedStatements {
		if strings.EqualFold(st.Effect, "deny") {
			out = append(out, st)
		}
	}
	return out
}

// decodedLayer is the layer the matched Deny statements belong to, as far
// as the decoded message shows it: a permissions boundary's statements
// list SCOPE_POLICY_ISSUER as principal, an identity policy's the
// principal's own unique ID. Otherwise "" (an SCP, RCP, resource or
// session policy: the decoded message does not say which).
func decodedLayer(d *authzmsg.Denial, sts []authzmsg.MatchedStatement) string {
	if len(sts) == 0 {
		return ""
	}
	id, _, _ := strings.Cut(d.Decoded.Principal.ID, ":")
	layer := ""
	for _, st := range sts {
		l := ""
		for _, p := range st.Principals {
			switch {
			case p == scopePolicyIssuer || st.IsBoundary:
				l = authz.LayerBoundary.String()
			case id != "" && (p == id || strings.HasPrefix(p, id+":")):
				l = authz.LayerIdentity.String()
			}
		}
		if l == "" || layer != "" && l != layer {
			return ""
		}
		layer = l
	}
	return layer
}

// ruleDecodedDeny: a decoded explicit deny lists the Deny statements that
// matched: name them in the cause, and narrow them in the fix.
func ruleDecodedDeny(d *authzmsg.Denial) (Finding, bool) {
	sts := matchedDenies(d)
	if len(sts) == 0 || d.Action == "" {
		return Finding{}, false
	}
	layer := decodedLayer(d, sts)
	st := sts[0]
	f := Finding{
		Rule:  "decoded.explicit-deny",
		Layer: layer,
		Title: msg("decoded.deny.title", d.Action),
		Cause: msg("decoded.deny.cause", sidName(st.StatementID), layerWords(layer), principalName(d), d.Action, orDefault(d.Resource, "*")),
	}
	f.Checks = append(f.Checks, msg("decoded.deny.check", sidName(st.StatementID), listSummary(st.Actions), listSummary(st.Resources)))
	if len(st.Conditions) > 0 {
		var keys []string
		for k := range st.Conditions {
			keys = append(keys, k)
		}
		f.Checks = append(f.Checks, msg("decoded.deny.check.conditions", strings.Join(sorted(keys), ", ")))
	}
	if layer == "" {
		f.Checks = append(f.Checks, msg("decoded.deny.check.layer"), msg("check.layers.generic"))
	}
	return f, true
}

// denyStatements turns matched Deny statements into policy statements, when
// they can be written back exactly: without conditions (the decoded
// message gives a condition's key and values but not its operator) and
// without principals (a resource-based policy's).
func denyStatements(d *authzmsg.Denial) []*policy.Statement {
	var out []*policy.Statement
	for _, m := range matchedDenies(d) {
		if len(m.Conditions) > 0 || len(m.Actions) == 0 || len(m.Resources) == 0 {
			return nil
		}
		st := &policy.Statement{Sid: m.StatementID, HasSid: m.StatementID != "", Effect: policy.Deny, Index: -1,
			Action: append([]string(nil), m.Actions...), Resource: append([]string(nil), m.Resources...)}
		out = append(out, st)
	}
	return out
}

// sidName names a matched statement by its Sid.
func sidName(sid string) string {
	if sid == "" {
		return "@decoded.no-sid"
	}
	return `"` + sid + `"`
}

// listSummary shows a list of actions or resources: all of a short list,
// the first ones and a count for a long one.
func listSummary(items []string) string {
	const show = 4
	if len(items) <= show {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:show], ", ") + " (+" + strconv.Itoa(len(items)-show) + ")"
}

func sorted(s []string) []string { sort.Strings(s); return s }
