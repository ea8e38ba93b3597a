package authz

import (
	"slices"
	"strings"
	"testing"

	"github.com/deniedhq/denied/policy"
)

// TestResourceVariableMultivaluedUndecided: "you can't use a multivalued
// context key as a policy variable" (IAM User Guide, Single-valued vs.
// multivalued context keys, Key points), and AWS does not say how a
// Resource or NotResource value holding one evaluates when the key has
// several values in the request. Such a value, reached by matching (the
// text before the variable matched), leaves the element undecided unless
// another value matches; as an undecided condition, it holds in a Deny
// and not in an Allow: a Deny applies (Resource taken as naming the
// resource, NotResource as not naming it), an Allow does not grant.
// Before, the value matched nothing, silently: a Deny whose Resource held
// one did not apply, and an Allow whose NotResource held one granted.
func TestResourceVariableMultivaluedUndecided(t *testing.T) {
	t.Parallel()
	const (
		obj      = "arn:aws:s3:::amzn-s3-demo-bucket/a/report.csv"
		multi    = `"arn:aws:s3:::amzn-s3-demo-bucket/${aws:TagKeys}/*"`
		allowAll = `{"Effect":"Allow","Action":"s3:*","Resource":"*"}`
	)
	stmt := func(effect, element, res string, extra string) string {
		return `{"Effect":"` + effect + `","Action":"s3:GetObject","` + element + `":` + res + extra + `}`
	}
	doc := func(stmts ...string) *policy.Policy {
		return mustParse(t, `{"Version":"2012-10-17","Statement":[`+strings.Join(stmts, ",")+`]}`)
	}
	id := func(stmts ...string) Input {
		return Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(stmts...)}}}
	}
	two := map[string][]string{"aws:TagKeys": {"a", "b"}}
	for _, tt := range []struct {
		name string
		ctx  map[string][]string
		in   Input
		want Decision
	}{
		// Undecided: a Deny applies, an Allow does not.
		{"deny Resource", two, id(allowAll, stmt("Deny", "Resource", multi, "")), ExplicitDeny},
		{"deny NotResource", two, id(allowAll, stmt("Deny", "NotResource", multi, "")), ExplicitDeny},
		{"allow Resource", two, id(stmt("Allow", "Resource", multi, "")), ImplicitDeny},
		{"allow NotResource", two, id(stmt("Allow", "NotResource", multi, "")), ImplicitDeny},
		{"deny Resource with a default", two, id(allowAll, stmt("Deny", "Resource", `"arn:aws:s3:::amzn-s3-demo-bucket/${aws:TagKeys, 'a'}/*"`, "")), ExplicitDeny},
		{"deny Resource in an SCP", two, Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(allowAll)}},
			SCPs: []Level{{Target: "r-root", Policies: []NamedPolicy{{Name: "full", Policy: doc(`{"Effect":"Allow","Action":"*","Resource":"*"}`)},
				{Name: "scp", Policy: doc(stmt("Deny", "Resource", multi, ""))}}}}}, ExplicitDeny},
		{"deny Resource in a bucket policy", two, Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(allowAll)}},
			Resource: &NamedPolicy{Name: "bucket", Policy: doc(stmt("Deny", "Resource", multi, `,"Principal":"*"`))}}, ExplicitDeny},
		{"allow Resource in a bucket policy", two, Input{
			Resource: &NamedPolicy{Name: "bucket", Policy: doc(stmt("Allow", "Resource", multi, `,"Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"}`))}}, ImplicitDeny},
		// A failing condition of the Deny still decides.
		{"deny Resource and a failing condition", two, id(allowAll, stmt("Deny", "Resource", multi, `,"Condition":{"StringEquals":{"aws:username":"bob"}}`)), Allowed},
		// Another value decides.
		{"allow Resource and a matching value", two, id(stmt("Allow", "Resource", `[`+multi+`,"arn:aws:s3:::amzn-s3-demo-bucket/a/*"]`, "")), Allowed},
		{"allow NotResource and a matching value", two, id(stmt("Allow", "NotResource", `[`+multi+`,"arn:aws:s3:::amzn-s3-demo-bucket/a/*"]`, "")), ImplicitDeny},
		{"deny NotResource and a matching value", two, id(allowAll, stmt("Deny", "NotResource", `[`+multi+`,"arn:aws:s3:::amzn-s3-demo-bucket/a/*"]`, "")), Allowed},
		// Matching did not reach the variable: no match, decided.
		{"deny Resource of another bucket", two, id(allowAll, stmt("Deny", "Resource", `"arn:aws:s3:::other-bucket/${aws:TagKeys}/*"`, "")), Allowed},
		{"allow NotResource of another bucket", two, id(stmt("Allow", "NotResource", `"arn:aws:s3:::other-bucket/${aws:TagKeys}/*"`, "")), Allowed},
		// A key with one value is a value; a key absent is documented (no
		// match, "effectively null").
		{"allow Resource one value", map[string][]string{"aws:TagKeys": {"a"}}, id(stmt("Allow", "Resource", multi, "")), Allowed},
		{"deny Resource key absent", nil, id(allowAll, stmt("Deny", "Resource", multi, "")), Allowed},
		{"allow NotResource key absent", nil, id(stmt("Allow", "NotResource", multi, "")), Allowed},
	} {
		set, err := Compile(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		r, err := NewRequest(RequestInput{Principal: "arn:aws:iam::111122223333:user/alice", Action: "s3:GetObject",
			Resource: obj, ResourceAccount: "111122223333", Context: tt.ctx})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var res Result
		set.Evaluate(r, &res)
		if res.Decision != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, res.Decision, tt.want)
		}
		// A key the request holds is not missing; one it lacks is.
		if got := slices.Contains(res.Missing, "aws:tagkeys"); got != (tt.ctx == nil && strings.Contains(tt.name, "absent")) {
			t.Errorf("%s: Missing %v", tt.name, res.Missing)
		}
	}
}

// TestVariableKeys: VariableKeys finds the variables compiling finds, in
// order, the escapes left out.
func TestVariableKeys(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "plain", "arn:aws:s3:::b/${aws:TagKeys}/*", "${a}${B, 'x'}", "${*}${?}${$}${ $ }", "${ aws:username , 'guest' }/x",
		"a*${k}?b", "${unclosed", "${a, '${b}'}c", "${}", "$${x}", "${a}}${b",
	} {
		var got []string
		VariableKeys(s, func(k string) { got = append(got, asciiLower(k)) })
		var want []string
		if p := compilePattern(s, true, true, false); p.cx != nil {
			for _, tk := range p.cx.toks {
				if tk.kind == tVar {
					want = append(want, tk.text)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("VariableKeys(%q) = %q, compiling finds %q", s, got, want)
		}
	}
}
