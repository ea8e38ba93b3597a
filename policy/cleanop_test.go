package policy

import (
	"strings"
	"testing"
)

// TestCleanOperators: the fast path's table of operators accepts exactly
// the operators its test of operatorParts accepted, with the same parts,
// over every spelling of qualifier, base and IfExists in three cases and
// some that are no operator at all.
func TestCleanOperators(t *testing.T) {
	var ops []string
	for _, q := range []string{"", forAllValues, forAnyValue, "ForAllValues", "forallvalues:", "FORANYVALUE:"} {
		for _, b := range baseOperators {
			for _, ie := range []string{"", ifExists, "ifexists", "IFEXISTS"} {
				for _, base := range []string{b.name, strings.ToLower(b.name), strings.ToUpper(b.name)} {
					ops = append(ops, q+base+ie)
				}
			}
		}
	}
	ops = append(ops, "", "IfExists", "ForAnyValue:", "StringEquals ", " StringEquals", "StringEqual", "NullIfExists", "ForAnyValue:Null")
	accepted := 0
	for _, op := range ops {
		info := operatorParts(op)
		want := info.known && canonicalIs(info, op) && !(info.base == "Null" && info.qualifier != "")
		got, ok := cleanOperators()[op]
		if ok != want || ok && got != info {
			t.Errorf("%q: table %v %+v, operatorParts %v %+v", op, ok, got, want, info)
		}
		// ParseClean's finish copies an operator into a pointer as is.
		if ok && strings.ContainsAny(op, "~/") {
			t.Errorf("%q: the table holds an operator to escape in a JSON pointer", op)
		}
		if ok {
			accepted++
		}
	}
	if accepted != len(cleanOperators()) {
		t.Errorf("%d spellings accepted, the table holds %d", accepted, len(cleanOperators()))
	}
}
