package authz

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// matchReference is the matcher glob.go had before it was made linear: a
// backtracking matcher, quadratic at worst, kept as the reference the
// linear one must agree with (FuzzPatternReference).
func (p *pattern) matchReference(s string, ctx Context) (ok, unresolved bool) {
	if p.anyAll {
		return true, false
	}
	if p.simple {
		if p.fold {
			return equalFold(p.text, s), false
		}
		return p.text == s, false
	}
	var toks []tok
	switch {
	case p.prefix: // the tokens the pattern stands for
		toks = []tok{{kind: tLit, text: p.text}, {kind: tStar}}
	case p.cx != nil:
		toks = p.cx.toks
	}
	ti, off, si := 0, 0, 0
	starTi, starSi := -1, 0
	var cur string // text of toks[ti] when literal or variable
	curOK := false
	for {
		if ti < len(toks) {
			t := &toks[ti]
			switch t.kind {
			case tStar:
				starTi, starSi = ti+1, si
				ti, off, curOK = ti+1, 0, false
				continue
			case tQmark:
				if si < len(s) {
					if s[si] < utf8.RuneSelf {
						si++
					} else {
						_, n := utf8.DecodeRuneInString(s[si:])
						si += n
					}
					ti, off, curOK = ti+1, 0, false
					continue
				}
			default:
				if !curOK {
					if t.kind == tVar {
						v, ok := t.resolve(ctx)
						if !ok {
							return false, true
						}
						cur = v
					} else {
						cur = t.text
					}
					curOK = true
				}
				if off >= len(cur) {
					ti, off, curOK = ti+1, 0, false
					continue
				}
				if si < len(s) {
					a, b := cur[off], s[si]
					if p.fold {
						a, b = lower(a), lower(b)
					}
					if a == b {
						off++
						si++
						continue
					}
				}
			}
		} else if si == len(s) {
			return true, false
		}
		if starTi < 0 || starSi >= len(s) {
			return false, false
		}
		if s[starSi] < utf8.RuneSelf {
			starSi++
		} else {
			_, n := utf8.DecodeRuneInString(s[starSi:])
			starSi += n
		}
		si, ti, off, curOK = starSi, starTi, 0, false
	}
}

// FuzzPatternReference: the linear matcher gives what the backtracking one
// gave, match and unresolved alike, for every pattern and string.
func FuzzPatternReference(f *testing.F) {
	for _, s := range [][2]string{
		{"a*b?c", "aXXbYc"}, {"*a*b*c", "xxaxxbxxbxxc"}, {"home/${aws:username}/*", "home/alice/x"},
		{"*${aws:userid}", "x"}, {"*x${aws:userid}", "abc"}, {"a*b${aws:userid}", "abX"}, {"${aws:userid}abc", "ab"},
		{"*?", ""}, {"?*?", "é"}, {"*é?", "aéé"}, {"*\xa9", "é"}, {"a*${aws:username}*b", "xalicebb"},
		{"*a?a*", "aaaa"}, {"*?b", "\xe2\x82\xacb"}, {"*?*", "\xff"}, {"*${multi}?", "ab"}, {"", ""},
	} {
		f.Add(s[0], s[1], true, false)
		f.Add(s[0], s[1], true, true)
	}
	f.Fuzz(func(t *testing.T, pat, s string, wild, fold bool) {
		ctx := Context{"aws:username": {"alice"}, "multi": {"a", "b"}, "aws:empty": {""}}
		p := compilePattern(pat, wild, true, fold)
		ok, un := p.match(s, ctx)
		rok, run := p.matchReference(s, ctx)
		if ok != rok || un != run {
			t.Fatalf("%q vs %q (wild %v, fold %v) = %v, %v; the backtracking matcher says %v, %v", pat, s, wild, fold, ok, un, rok, run)
		}
	})
}

// TestPatternLongWildcard: a 10,000-character wildcard against an ARN of
// the longest length AWS accepts (2,048) and a context value at denied's
// limit (4,096): the results are right (a linear matcher makes them fast;
// BenchmarkPatternLong measures it).
func TestPatternLongWildcard(t *testing.T) {
	prefix := "arn:aws:s3:::bucket/"
	arn := prefix + strings.Repeat("a", MaxARNLength-len(prefix))
	value := strings.Repeat("a", MaxContextValueLength)
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"*" + strings.Repeat("a", 9999) + "b", arn, false},
		{"*" + strings.Repeat("a", 1000) + "b", arn, false},
		{"*" + strings.Repeat("a", 1000), arn, true},
		{"*" + strings.Repeat("a*", 4999) + "b", arn, false},
		{"*" + strings.Repeat("a*", 1000) + "a", arn, true},
		{strings.Repeat("*a", 3000) + "*b", value, false},
		{"*" + strings.Repeat("a", 2000) + "b*", value, false},
		{"*" + strings.Repeat("a?", 1000) + "*", value, true},
		{strings.Repeat("a", 4095) + "*", value, true},
	}
	for i, tt := range tests {
		p := compilePattern(tt.pattern, true, true, false)
		if got, _ := p.match(tt.s, nil); got != tt.want {
			t.Errorf("%d: %.20q… vs %.20q… = %v, want %v", i, tt.pattern, tt.s, got, tt.want)
		}
		a := compileARNPattern(tt.pattern, true)
		if got, _ := a.matchString(tt.s, nil); got != tt.want {
			t.Errorf("%d: as an ARN pattern: %v, want %v", i, got, tt.want)
		}
	}
}

// BenchmarkPatternLong: "*aaaa…b" (10,000 characters) against a
// 2,048-character ARN of a's, the worst case of the old matcher.
func BenchmarkPatternLong(b *testing.B) {
	prefix := "arn:aws:s3:::bucket/"
	arn := prefix + strings.Repeat("a", MaxARNLength-len(prefix))
	for _, bc := range []struct{ name, pat string }{
		{"literal", "*" + strings.Repeat("a", 9999) + "b"},
		{"stars", "*" + strings.Repeat("a*", 4999) + "b"},
		{"short-literal", "*" + strings.Repeat("a", 100) + "b"},
		{"middle-literal", "*" + strings.Repeat("a", 1000) + "b*"},
		{"middle-qmarks", "*" + strings.Repeat("a?", 500) + "b*"},
	} {
		p := compilePattern(bc.pat, true, false, false)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if ok, _ := p.match(arn, nil); ok {
					b.Fatal("match")
				}
			}
		})
		b.Run(bc.name+"-reference", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if ok, _ := p.matchReference(arn, nil); ok {
					b.Fatal("match")
				}
			}
		})
	}
}
