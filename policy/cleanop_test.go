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
		got := cleanOperators().lookup(op)
		ok := got != nil
		if ok != want || ok && *got != info {
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
	if accepted != cleanOperators().n {
		t.Errorf("%d spellings accepted, the table holds %d", accepted, cleanOperators().n)
	}
}

// TestCheckAction holds the fast path's one-pass test of an action to
// actionProblem: the same answer for every value below and for each of
// them with any one byte replaced by each byte of interest.
func TestCheckAction(t *testing.T) {
	values := []string{"*", "", ":", "s3:", ":Get", "s3:GetObject", "s3:Get*", "s3:*", "s3:?et", "ec2-x:Run9",
		"s3:Get:Object", "s3::Get", " s3:Get", "s3:Get ", "s3 :Get", "s3:Get,Put", "s3_x:Get", "s3:Get-Object",
		"S3:GETOBJECT", "*:*", "s3:Get\u00a0", "\u00a0s3:Get", "s3:Gét", "a:b", "-:b", "a:-", "**"}
	probe := []byte("*?:-_ ,\t\u00a0aZ09~/\x00\xff")
	check := func(v string) {
		msg, _ := actionProblem(v)
		if got, want := checkAction(v), msg == ""; got != want {
			t.Errorf("checkAction(%q) = %v, actionProblem says %q", v, got, msg)
		}
	}
	for _, v := range values {
		check(v)
		for i := 0; i <= len(v); i++ {
			for _, b := range probe {
				check(v[:i] + string([]byte{b}) + v[i:])
				if i < len(v) {
					check(v[:i] + string([]byte{b}) + v[i+1:])
				}
			}
		}
	}
}
