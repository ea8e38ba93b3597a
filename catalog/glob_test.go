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
