package catalog

import (
	"strings"
	"testing"
)

// globReference is the backtracking matcher globMatch replaced (quadratic
// at worst), the reference FuzzGlobReference compares against.
func globReference(pattern, s string) bool {
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

func FuzzGlobReference(f *testing.F) {
	for _, s := range [][2]string{{"a*b?c", "aXXbYc"}, {"*a*b*c", "xxaxxbxxbxxc"}, {"**x", "yyx"}, {"*?", ""}, {"a*", "a"}, {"*ab*ab", "abab"}, {"?*?", "ab"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if strings.Contains(s, "*") {
			return // names hold no '*' (the reference would take it as a literal)
		}
		if got, want := globMatch(pattern, s), globReference(pattern, s); got != want {
			t.Fatalf("globMatch(%q, %q) = %v, the reference says %v", pattern, s, got, want)
		}
	})
}

// TestExpandActionLongPattern: patterns of 10,000 characters give the
// right answer (BenchmarkExpandActionLong measures the time).
func TestExpandActionLongPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    bool
	}{
		{"*" + strings.Repeat("a", 9999), false},
		{strings.Repeat("*", 9999) + "backup:StartBackupJob", true},
		{"backup:*" + strings.Repeat("?*", 3000), false},
		{"*" + strings.Repeat("t*", 3) + strings.Repeat("*", 9990), true},
		{strings.Repeat("*a", 5000), false},
	} {
		got := len(ExpandAction(tc.pattern)) > 0
		if got != tc.want || MatchesAnyAction(tc.pattern) != tc.want {
			t.Errorf("%.30q…: matches some action = %v, want %v", tc.pattern, got, tc.want)
		}
	}
}

func BenchmarkExpandActionLong(b *testing.B) {
	for _, bc := range []struct{ name, pattern string }{
		{"stars-a", strings.Repeat("*a", 5000)},
		{"literal", "*" + strings.Repeat("a", 9999)},
		{"common", "s3:Get*"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				ExpandAction(bc.pattern)
			}
		})
	}
}

// TestActionsSortedForPrefixSearch checks what matchesAnyAction's binary
// search relies on: every service's lower-case action names are sorted and
// distinct; and that it agrees with a plain scan on patterns of every
// service.
func TestActionsSortedForPrefixSearch(t *testing.T) {
	d := get()
	all := d.all()
	for si := range all {
		s := &all[si]
		for i := 1; i < len(s.actLower); i++ {
			if s.actLower[i-1] >= s.actLower[i] {
				t.Fatalf("%s: %q before %q", s.Prefix, s.actLower[i-1], s.actLower[i])
			}
		}
		for _, a := range s.actLower[:min(len(s.actLower), 40)] {
			for _, pat := range []string{a[:len(a)/2] + "*", a[:1] + "?" + a[min(2, len(a)):], a + "x*", "*" + a[len(a)/2:], a} {
				scan := false
				g := compileGlob(pat)
				for _, b := range s.actLower {
					scan = scan || g.match(b)
				}
				if got := MatchesAnyAction(s.Prefix + ":" + pat); got != scan {
					t.Fatalf("MatchesAnyAction(%s:%s) = %v, a scan says %v", s.Prefix, pat, got, scan)
				}
			}
		}
	}
}
