package fix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/deniedhq/denied/policy"
)

// parseTree parses JSON into a node: the oracle policyTree is checked
// against (the rendering builds its tree from the model).
func parseTree(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return readNode(dec)
}

func readNode(dec *json.Decoder) (*node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &node{kind: 'o'}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := readNode(dec)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, kt.(string))
				n.items = append(n.items, v)
			}
			_, err := dec.Token()
			return n, err
		case '[':
			n := &node{kind: 'a'}
			for dec.More() {
				v, err := readNode(dec)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			_, err := dec.Token()
			return n, err
		}
	case string:
		return str(t), nil
	case json.Number:
		return &node{kind: 'n', text: t.String()}, nil
	case bool:
		return &node{kind: 'b', text: fmt.Sprint(t)}, nil
	case nil:
		return &node{kind: 'z', text: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}

// equalTree reports where a and b differ ("" when they do not).
func equalTree(a, b *node, at string) string {
	if a.kind != b.kind || a.text != b.text || len(a.keys) != len(b.keys) || len(a.items) != len(b.items) {
		return fmt.Sprintf("%s: %c %q %v (%d items) vs %c %q %v (%d items)", at, a.kind, a.text, a.keys, len(a.items), b.kind, b.text, b.keys, len(b.items))
	}
	for i := range a.keys {
		if a.keys[i] != b.keys[i] {
			return fmt.Sprintf("%s: key %q vs %q", at, a.keys[i], b.keys[i])
		}
	}
	for i := range a.items {
		if d := equalTree(a.items[i], b.items[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// The tree built from a policy is the tree of its JSON read back, for
// every fix of every case of the corpus and the generated cases (their
// documents and statements) and for the odd values: a single value and an
// empty list, conditions of one operator over several statements of the
// model, numbers and booleans that are and are not, invalid UTF-8.
func TestPolicyTreeIsItsJSON(t *testing.T) {
	t.Parallel()
	checked := 0
	check := func(where string, p *policy.Policy) {
		t.Helper()
		checked++
		b, _ := p.MarshalJSON()
		want, err := parseTree(b)
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		if d := equalTree(policyTree(p), want, where); d != "" {
			t.Errorf("%s: %s\n%s", where, d, b)
		}
		if p == nil {
			return
		}
		for i, st := range p.Statements {
			if st == nil {
				continue
			}
			sw, _ := parseTree(statementJSON(st))
			if d := equalTree(statementTree(st), sw, fmt.Sprintf("%s statement %d", where, i)); d != "" {
				t.Errorf("%s", d)
			}
		}
	}
	odd := &policy.Policy{Version: "2012-10-17", ID: "x\xffy", Statements: []*policy.Statement{
		nil,
		{HasSid: true, Effect: policy.Deny, Principal: &policy.Principal{Wildcard: true}, NotAction: []string{}, Resource: []string{"a", "b"},
			Conditions: []policy.Condition{
				{Operator: "NumericLessThan", Key: "k", Values: []string{"1", "x1"}, ValueKinds: []policy.ValueKind{policy.KindNumber, policy.KindNumber}},
				{Operator: "Bool", Key: "b", Values: []string{"true"}, ValueKinds: []policy.ValueKind{policy.KindBool}},
				{Operator: "NumericLessThan", Key: "k", Values: []string{"2.5e3"}, ValueKinds: []policy.ValueKind{policy.KindNumber}},
				{Operator: "Bool", Key: "c", Values: []string{"yes"}, ValueKinds: []policy.ValueKind{policy.KindBool}},
				{Operator: "StringEquals", Key: "none"},
				{Operator: "StringEquals", Key: "s\x80", Values: []string{"\x80\u2028\"<>&"}},
			}},
		{Sid: "S", Effect: policy.Allow, NotPrincipal: &policy.Principal{AWS: []string{"a"}, Service: []string{"s", "t"}, CanonicalUser: []string{}}, Action: []string{"x:y"}},
	}}
	check("odd", odd)
	check("nil", nil)
	for _, name := range caseNames(t) {
		pl := PlanFor(Problem{Input: inputOf(t, loadCase(t, name))}, testOptions)
		for _, f := range pl.Proposals() {
			if f.Document != nil {
				check(name+" "+f.ID, f.Document)
			}
		}
	}
	for _, data := range corpusAndGeneratedCases(t) {
		var c struct {
			IdentityPolicies []struct{ Document json.RawMessage } `json:"identityPolicies"`
		}
		if json.Unmarshal(data, &c) != nil {
			continue
		}
		for _, d := range c.IdentityPolicies {
			text := bytes.TrimSpace(d.Document)
			if len(text) == 0 || text[0] != '{' {
				continue
			}
			if p, _ := policy.Parse(text); p != nil {
				check("generated", p)
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d policies checked, want at least 500", checked)
	}
}
