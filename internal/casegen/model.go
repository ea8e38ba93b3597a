package casegen

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

// Cases are simulate.Case values and their documents policy.Policy
// values: the generator writes the contract through the types that read
// it. A document is marshalled when its policy is complete (doc); the
// classes that edit a document afterwards parse it again (editDoc).
// policy.MarshalJSON writes a list of one value as a string, and the
// conditions are kept sorted by operator and key, as encoding/json
// writes maps.

// doc marshals p into a named policy of a case.
func doc(name string, p *policy.Policy) simulate.PolicyDoc {
	b, _ := p.MarshalJSON() // never fails
	return simulate.PolicyDoc{Name: name, Document: b}
}

// editDoc parses d's document, lets edit change the policy and writes it
// back.
func editDoc(d *simulate.PolicyDoc, edit func(p *policy.Policy)) {
	p, _ := policy.Parse(d.Document)
	if p == nil {
		panic("casegen: a generated document does not parse: " + string(d.Document))
	}
	edit(p)
	*d = doc(d.Name, p)
}

func newPolicy(sts ...*policy.Statement) *policy.Policy {
	return &policy.Policy{Version: version, Statements: sts}
}

// anyone is the Principal "*".
func anyone() *policy.Principal { return &policy.Principal{Wildcard: true} }

func awsPrincipal(v ...string) *policy.Principal     { return &policy.Principal{AWS: v} }
func servicePrincipal(v ...string) *policy.Principal { return &policy.Principal{Service: v} }

// hasCondition reports whether st tests key with operator op.
func hasCondition(st *policy.Statement, op, key string) bool {
	for _, c := range st.Conditions {
		if c.Operator == op && c.Key == key {
			return true
		}
	}
	return false
}

// setCondition adds the test of key with op to st, keeping the conditions
// sorted by operator, then key.
func setCondition(st *policy.Statement, op, key string, values ...string) {
	c := policy.Condition{Operator: op, Key: key, Values: values}
	i, _ := slices.BinarySearchFunc(st.Conditions, c, func(a, b policy.Condition) int {
		if n := strings.Compare(a.Operator, b.Operator); n != 0 {
			return n
		}
		return strings.Compare(a.Key, b.Key)
	})
	st.Conditions = slices.Insert(st.Conditions, i, c)
}

// contextJSON is the request context of a case.
func contextJSON(ctx map[string]any) map[string]json.RawMessage {
	if len(ctx) == 0 {
		return nil
	}
	out := make(map[string]json.RawMessage, len(ctx))
	for k, v := range ctx {
		b, err := json.Marshal(v)
		if err != nil {
			panic("casegen: " + err.Error()) // context values are strings and lists of them
		}
		out[k] = b
	}
	return out
}
