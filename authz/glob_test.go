package authz

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/policy"
)

func TestPattern(t *testing.T) {
	t.Parallel()
	ctx := Context{"aws:username": {"alice"}, "aws:principaltag/team": {"blue"}, "multi": {"a", "b"}}
	tests := []struct {
		name             string
		pattern, s       string
		wild, vars, fold bool
		want, unresolved bool
	}{
		{"literal", "abc", "abc", true, true, false, true, false},
		{"literal mismatch", "abc", "abd", true, true, false, false, false},
		{"star spans slashes and colons", "arn:*:x", "arn:a/b:c:x", true, false, false, true, false},
		{"star empty", "a*b", "ab", true, false, false, true, false},
		{"question one char", "a?c", "abc", true, false, false, true, false},
		{"question not zero", "a?c", "ac", true, false, false, false, false},
		{"question one rune", "a?c", "aéc", true, false, false, true, false},
		{"backtracking", "*a*b*c", "xxaxxbxxbxxc", true, false, false, true, false},
		{"trailing star", "s3:Get*", "s3:GetObject", true, false, false, true, false},
		{"fold", "s3:getobject", "S3:GetObject", true, false, true, true, false},
		{"no fold", "s3:getobject", "S3:GetObject", true, false, false, false, false},
		{"wild off star literal", "a*", "a*", false, false, false, true, false},
		{"wild off star not wildcard", "a*", "ab", false, false, false, false, false},
		{"variable", "home/${aws:username}/*", "home/alice/x", true, true, false, true, false},
		{"variable key case-insensitive", "home/${AWS:UserName}", "home/alice", true, true, false, true, false},
		{"variable other user", "home/${aws:username}/*", "home/bob/x", true, true, false, false, false},
		{"variable missing", "home/${aws:userid}", "home/x", true, true, false, false, true},
		{"variable default", "home/${aws:userid, 'none'}", "home/none", true, true, false, true, false},
		{"variable default no quotes", "home/${aws:userid,none}", "home/none", true, true, false, true, false},
		{"variable multi-valued", "${multi}", "a", true, true, false, false, true},
		{"variable value is literal", "${aws:username}", "alice", true, true, false, true, false},
		{"escape star", "a${*}b", "a*b", true, true, false, true, false},
		{"escape star literal only", "a${*}b", "axb", true, true, false, false, false},
		{"escape question", "a${?}", "a?", true, true, false, true, false},
		{"escape dollar", "${$}x", "$x", true, true, false, true, false},
		{"vars off", "${aws:username}", "${aws:username}", true, false, false, true, false},
		{"tag variable", "team-${aws:PrincipalTag/team}", "team-blue", true, true, false, true, false},
		{"unterminated variable literal", "a${b", "a${b", true, true, false, true, false},
		{"prefix", "s3:Get*", "s3:Get", true, false, false, true, false},
		{"prefix too short", "s3:Get*", "s3:Ge", true, false, false, false, false},
		{"prefix fold", "S3:Get*", "s3:GETOBJECT", true, false, true, true, false},
		{"prefix no fold", "S3:Get*", "s3:GetObject", true, false, false, false, false},
		{"prefix of stars", "a**", "abc", true, false, false, true, false},
		{"prefix dollar", "a$*", "a$b", true, true, false, true, false},
		{"prefix unterminated variable", "a${b*", "a${bc", true, true, false, true, false},
		{"prefix multi-byte", "é*", "éa", true, false, false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := compilePattern(tt.pattern, tt.wild, tt.vars, tt.fold)
			got, un := p.match(tt.s, ctx)
			if got != tt.want || un != tt.unresolved {
				t.Errorf("match(%q, %q) = %v, %v; want %v, %v", tt.pattern, tt.s, got, un, tt.want, tt.unresolved)
			}
		})
	}
}

func TestARNPattern(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, arn string
		want         bool
	}{
		{"*", "arn:aws:s3:::b/k", true},
		{"arn:aws:s3:::b/*", "arn:aws:s3:::b/k/x", true},
		{"arn:aws:s3:::b/*", "arn:aws:s3:::c/k", false},
		{"arn:aws:iam::*:role/*", "arn:aws:iam::111122223333:role/service-role/X", true},
		{"arn:aws:iam::*:role/X", "arn:aws:iam::111122223333:role/service-role/X", false},
		{"arn:aws:*:*:*:*", "arn:aws:kms:us-east-1:111122223333:key/k", true},
		{"arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:us-east-1:444455556666:key/k", false},
		// A wildcard in one field does not span into the next.
		{"arn:aws:s3*:::b", "arn:aws:s3:x::b", false},
		// Case-sensitive.
		{"arn:aws:s3:::Bucket", "arn:aws:s3:::bucket", false},
		// The resource part keeps its colons.
		{"arn:aws:logs:us-east-1:111122223333:log-group:g:*", "arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:s", true},
		// Not an ARN: matched as a whole.
		{"arn:aws:s3:*", "arn:aws:s3:::b", true},
		{"arn:aws:s3:::b", "*", false},
		// A value that is not an ARN matches no six-field pattern.
		{"arn:aws:s3:::b", "", false},
		{"arn:*:*:*:*:*", "", false},
		{"arn:*:*:*:*:*", "not-an-arn", false},
		{"arn:*:*:*:*:*", "111122223333", false},
		// A colon inside a variable does not split the pattern's fields.
		{"arn:aws:iam::${aws:PrincipalAccount}:role/x", "arn:aws:iam::111122223333:role/x", true},
		{"arn:aws:iam::${aws:PrincipalAccount}:role/x", "arn:aws:iam::444455556666:role/x", false},
		{"arn:aws:iam::${aws:PrincipalAccount}:role/*", "arn:aws:iam::111122223333:role/a/b", true},
		{"arn:aws:ec2:${aws:RequestedRegion}:${aws:PrincipalAccount}:instance/*", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", true},
		{"arn:aws:ec2:${aws:RequestedRegion}:${aws:PrincipalAccount}:instance/*", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", false},
		{"arn:aws:s3:::${aws:PrincipalAccount}-logs/*", "arn:aws:s3:::111122223333-logs/k", true},
	}
	ctx := Context{}
	ctx.Set("aws:PrincipalAccount", "111122223333")
	ctx.Set("aws:RequestedRegion", "eu-west-1")
	for _, tt := range tests {
		p := compileARNPattern(tt.pattern, true)
		if got, _ := p.matchString(tt.arn, ctx); got != tt.want {
			t.Errorf("%q vs %q = %v, want %v", tt.pattern, tt.arn, got, tt.want)
		}
	}
}

func FuzzPattern(f *testing.F) {
	f.Add("a*b?c", "aXXbYc", true, true)
	f.Add("home/${aws:username}/*", "home/alice/x", true, false)
	f.Add("*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true, false)
	f.Add("${*}${?}${$}", "*?$", false, true)
	f.Add("arn:aws:s3:::b/*", "arn:aws:s3:::b/k:x", true, false)
	f.Fuzz(func(t *testing.T, pat, s string, wild, fold bool) {
		ctx := Context{"aws:username": {"alice"}}
		p := compilePattern(pat, wild, true, fold)
		got, _ := p.match(s, ctx)
		// Without wildcards or variables, matching is string equality.
		if !wild && !containsVar(pat) && !fold && got != (pat == s) {
			t.Fatalf("literal %q vs %q = %v", pat, s, got)
		}
		// A pattern matches itself when it has no special characters.
		if !containsSpecial(pat) {
			if ok, _ := p.match(pat, ctx); !ok {
				t.Fatalf("%q does not match itself", pat)
			}
		}
		a := compileARNPattern(pat, true)
		g, gu := a.matchString(s, ctx)
		fw := fieldwiseARNPattern(pat, true)
		if w, wu := fw.matchString(s, ctx); g != w || gu != wu {
			t.Fatalf("ARN pattern %q vs %q = %v, %v; field by field %v, %v", pat, s, g, gu, w, wu)
		}
	})
}

func containsVar(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '$' && s[i+1] == '{' {
			return true
		}
	}
	return false
}

func containsSpecial(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '*' || s[i] == '?' || s[i] == '$' {
			return true
		}
	}
	return false
}

// TestASCIILowerCached checks asciiLower against a plain lowering, on
// strings seen for the first time and again (from lowerTab), more of them
// than lowerTab has slots (so that slots are overwritten), and strings
// too long to be kept.
func TestASCIILowerCached(t *testing.T) {
	want := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	var in []string
	for i := 0; i < 3*lowerSlots; i++ {
		in = append(in, fmt.Sprintf("aws:PrincipalTag/Team%dK\u212aÉ", i))
	}
	in = append(in, "", "lower", "UPPER", strings.Repeat("Ab", lowerMaxLen))
	for round := 0; round < 2; round++ {
		for _, s := range in {
			// A copy: a hit must compare the text, not the pointer.
			c := string([]byte(s))
			if got := asciiLower(c); got != want(s) {
				t.Fatalf("asciiLower(%q) = %q, want %q", s, got, want(s))
			}
		}
	}
}

// TestArenaPatterns compiles patterns one after another into one arena,
// whose slabs of tokens, segments and cpats grow and take back the room a
// pattern did not use (keepToks), and checks that each is what it is
// compiled alone, once all are compiled: no pattern's tokens were
// overwritten by a later one's.
func TestArenaPatterns(t *testing.T) {
	in := []string{"s3:Get*", "a*b?c", "*", "${aws:username}/*", "plain", "x?y", "**a**b**", "${*}${?}${$}", "a${aws:userid, 'd'}*?z", "?", "", "arn:aws:s3:::b/*/k?", "Ec2:Run*Inst?nces"}
	for _, vars := range []bool{false, true} {
		var a arena
		a.init(nil, 0, 0, 0, 0)
		var got []pattern
		for _, s := range in {
			got = append(got, a.pattern(s, true, vars, true))
			got = append(got, a.pattern(s, true, vars, false))
		}
		for i, s := range in {
			for k, fold := range []bool{true, false} {
				if want := compilePattern(s, true, vars, fold); !reflect.DeepEqual(got[2*i+k], want) {
					t.Errorf("pattern(%q, vars %v, fold %v) = %+v, want %+v", s, vars, fold, got[2*i+k], want)
				}
			}
		}
	}
}

// fieldwiseARNPattern is compileARNPattern without the whole-text form:
// every six-field pattern is matched field by field.
func fieldwiseARNPattern(s string, vars bool) arnPattern {
	a := compileARNPattern(s, vars)
	if !a.whole {
		return a
	}
	f, _ := arn.Fields(s)
	a.whole, a.pats = false, nil
	for i := range f {
		a.pats = append(a.pats, compilePattern(f[i], true, vars, false))
	}
	return a
}

// TestARNPatternWhole holds the whole-text form of an ARN pattern (five
// literal fields, a literal sixth or one ending in stars) to field by
// field matching.
func TestARNPatternWhole(t *testing.T) {
	patterns := []string{
		"arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", "arn:aws:s3:::*", "arn:aws:s3:::**",
		"arn:aws:ec2:us-east-1:111122223333:instance/i-1", "arn:aws:ec2:us-east-1:111122223333:instance/*",
		"arn:aws:iam::111122223333:role/a:b*", "arn:aws:logs:us-east-1:1:log-group:g:*", "arn:aws:s3:::",
		"arn:aws:s3:::${*}", "arn:aws:s3:::b/${aws:username}", "arn:aws:s3:::b/$", "arn:aws:s3:::b/{x}",
		"foo:aws:s3:::bucket", "ARN:aws:s3:::bucket", "arn:aws:s3::bucket", "arn:aws:s3:::ü/*",
	}
	values := []string{
		"", "*", "arn", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket/", "arn:aws:s3:::bucket/k", "arn:aws:s3:::bucket/k:x",
		"arn:aws:s3:::", "arn:aws:s3:::*", "arn:aws:s3:::${*}", "arn:aws:s3:::b/${aws:username}", "arn:aws:s3:::b/alice",
		"arn:aws:ec2:us-east-1:111122223333:instance/i-1", "arn:aws:ec2:us-east-1:111122223333:instance/i-12",
		"arn:aws:ec2:us-east-1:111122223333:instance", "arn:aws:iam::111122223333:role/a:b", "arn:aws:iam::111122223333:role/a:bc",
		"arn:aws:logs:us-east-1:1:log-group:g:log-stream:s", "arn:aws:logs:us-east-1:1:log-group:g", "foo:aws:s3:::bucket",
		"ARN:aws:s3:::bucket", "arn:aws:s3::bucket", "arn:aws:s3:::ü/x", "arn:aws:s3:::b/$", "arn:aws:s3:::b/{x}",
		"arn:aws:s3:::bucket/" + strings.Repeat("k", 70000),
	}
	ctx := Context{}
	ctx.Set("aws:username", "alice")
	for _, vars := range []bool{false, true} {
		for _, pat := range patterns {
			got, want := compileARNPattern(pat, vars), fieldwiseARNPattern(pat, vars)
			for _, v := range values {
				g, gu := got.matchString(v, ctx)
				w, wu := want.matchString(v, ctx)
				if g != w || gu != wu {
					t.Errorf("vars %v: %q vs %q = %v, %v; field by field %v, %v", vars, pat, v, g, gu, w, wu)
				}
			}
		}
	}
	if a := compileARNPattern("arn:aws:s3:::bucket/*", true); !a.whole {
		t.Error("arn:aws:s3:::bucket/* is not matched whole")
	}
}

// TestActionFastPath holds action, whose one pass decides most values, to
// the general way: policy.ActionNeverMatches, then pattern.
func TestActionFastPath(t *testing.T) {
	in := []string{
		"*", "s3:GetObject", "S3:GETOBJECT", "ec2:RunInstances", "s3:Get*", "s3:*", "s3:Get**", "iam:*Role*",
		"s3:Get?bject", "s3:?", "s3:", ":GetObject", "s3", "s3:Get:Object", "s3:GetObject,PutObject", " s3:GetObject",
		"s3:GetObject ", "s3 :GetObject", "s-3:Get", "s_3:Get", "s3:Get-Object", "s3:Get_Object", "s3:GétObject",
		"sts:AssumeRole*?", "*:GetObject", "s3*:Get", "", "s3:*Get", "a:b", "A:B*", "s3:Get\x00", "s3:Get*Object*",
	}
	var a arena
	a.init(nil, 0, 0, 0, 0)
	for _, act := range in {
		got, ok := a.action(act)
		if want := !policy.ActionNeverMatches(act); ok != want {
			t.Errorf("action(%q) ok = %v, want %v", act, ok, want)
			continue
		}
		if !ok {
			continue
		}
		if want := compilePattern(act, true, false, true); !reflect.DeepEqual(got, want) {
			t.Errorf("action(%q) = %+v, want %+v", act, got, want)
		}
	}
}

// TestARNWholePattern holds the pattern of an ARN matched whole to what
// compilePattern makes of its text.
func TestARNWholePattern(t *testing.T) {
	in := []string{"arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket/**", "arn:aws:iam::111122223333:role/x",
		"arn:aws:ec2:us-east-1:111122223333:instance/*", "arn:aws:s3:::${x}/*", "arn:aws:s3:::b/${x}", "arn:aws:kms:*:1:key/*", "arn:aws:s3:::a:b:c*"}
	for _, vars := range []bool{false, true} {
		for _, s := range in {
			a := compileARNPattern(s, vars)
			if !a.whole {
				continue
			}
			if want := compilePattern(s, true, vars, false); !reflect.DeepEqual(a.pats[0], want) {
				t.Errorf("arnPattern(%q, %v).pats[0] = %+v, want %+v", s, vars, a.pats[0], want)
			}
		}
	}
}

// TestARNWholeNoted compiles a policy of more ARN patterns than an arena
// notes while sizing (arenaARNs), matched whole and field by field, in
// resources and ArnLike conditions, and holds each to the pattern
// compiled alone.
func TestARNWholeNoted(t *testing.T) {
	var res, vals []string
	for i := 0; i < arenaARNs+5; i++ {
		res = append(res, fmt.Sprintf(`"arn:aws:s3:::b%d/*"`, i), fmt.Sprintf(`"arn:aws:iam::*:role/r%d"`, i), `"*"`)
		vals = append(vals, fmt.Sprintf(`"arn:aws:iam::1:role/${aws:username}%d"`, i), fmt.Sprintf(`"arn:aws:iam::1:user/u%d*"`, i))
	}
	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[` + strings.Join(res, ",") +
		`],"Condition":{"ArnLike":{"aws:PrincipalArn":[` + strings.Join(vals, ",") + `]}}},{"Effect":"Deny","Action":"*","Resource":[` + strings.Join(res[:4], ",") + `]}]}`
	p, fs := policy.Parse([]byte(doc))
	if policy.HasErrors(fs) {
		t.Fatal(fs)
	}
	cp, err := compilePolicy(LayerIdentity, NamedPolicy{Policy: p}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for si, st := range cp.stmts {
		src := p.Statements[si]
		for i, r := range src.Resource {
			if want := compileARNPattern(r, true); !reflect.DeepEqual(st.res[i], want) {
				t.Errorf("statement %d resource %q: %+v, want %+v", si, r, st.res[i], want)
			}
		}
		for ci := range st.conds {
			for vi, v := range src.Conditions[ci].Values {
				if want := compileARNPattern(v, true); !reflect.DeepEqual(*st.conds[ci].vals[vi].arn, want) {
					t.Errorf("statement %d value %q: %+v, want %+v", si, v, *st.conds[ci].vals[vi].arn, want)
				}
			}
		}
	}
}
