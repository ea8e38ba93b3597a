package authz

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

type tokKind uint8

const (
	tLit tokKind = iota
	tStar
	tQmark
	tVar
)

// tok is one element of a compiled pattern: literal text, a wildcard, or a
// policy variable (key lower-cased, with an optional default).
type tok struct {
	kind   tokKind
	text   string // literal text, or the variable's lower-cased key
	def    string
	hasDef bool
}

// pattern is a compiled string pattern: wildcards (when enabled), policy
// variables (when enabled) and optional ASCII case folding.
type pattern struct {
	toks   []tok
	simple bool   // no wildcards, no variables: compare text directly
	text   string // the whole text when simple (lower-cased when fold)
	fold   bool
	anyAll bool // the pattern is a lone "*"
	hasVar bool
}

// compilePattern compiles s. wild enables * and ?; vars enables ${...}
// policy variables and their escapes; fold makes matching ASCII
// case-insensitive.
func compilePattern(s string, wild, vars, fold bool) pattern {
	p := pattern{fold: fold}
	if wild && s == "*" {
		p.anyAll = true
	}
	if fold {
		s = asciiLower(s)
		fold = false // already folded: literal runs need no more work
	}
	// Fast path: no wildcard and no variable, a plain string.
	if !(wild && strings.ContainsAny(s, "*?")) && !(vars && strings.Contains(s, "${")) {
		if s != "" {
			p.simple, p.text = true, s
			return p
		}
		p.simple = true
		return p
	}
	// Literal runs are substrings of s; an escape (${*}, ${?}, ${$}) is a
	// literal run of its own.
	p.toks = make([]tok, 0, 4)
	runStart := 0
	flush := func(end int) {
		if end > runStart {
			p.toks = append(p.toks, tok{kind: tLit, text: s[runStart:end]})
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case wild && c == '*':
			flush(i)
			if n := len(p.toks); n == 0 || p.toks[n-1].kind != tStar {
				p.toks = append(p.toks, tok{kind: tStar})
			}
			i++
			runStart = i
			continue
		case wild && c == '?':
			flush(i)
			p.toks = append(p.toks, tok{kind: tQmark})
			i++
			runStart = i
			continue
		case vars && c == '$' && i+1 < len(s) && s[i+1] == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				break
			}
			flush(i)
			body := s[i+2 : i+end]
			i += end + 1
			runStart = i
			switch b := strings.TrimSpace(body); b {
			case "*", "?", "$":
				p.toks = append(p.toks, tok{kind: tLit, text: b})
				continue
			}
			key, def, hasDef := parseVariable(body)
			p.toks = append(p.toks, tok{kind: tVar, text: asciiLower(key), def: def, hasDef: hasDef})
			p.hasVar = true
			continue
		}
		i++
	}
	flush(len(s))
	if len(p.toks) == 0 {
		p.simple = true
		return p
	}
	if len(p.toks) == 1 && p.toks[0].kind == tLit {
		p.simple, p.text = true, p.toks[0].text
	}
	return p
}

// parseVariable splits the body of ${key, 'default'}.
func parseVariable(body string) (key, def string, hasDef bool) {
	i := strings.IndexByte(body, ',')
	if i < 0 {
		return strings.TrimSpace(body), "", false
	}
	key = strings.TrimSpace(body[:i])
	d := strings.TrimSpace(body[i+1:])
	if len(d) >= 2 && d[0] == '\'' && d[len(d)-1] == '\'' {
		return key, d[1 : len(d)-1], true
	}
	return key, d, true
}

// resolve returns the value of a variable token, or false when the key is
// absent without default or is multi-valued.
func (t *tok) resolve(ctx Context) (string, bool) {
	v, ok := ctx[t.text]
	if !ok || len(v) == 0 {
		if t.hasDef {
			return t.def, true
		}
		return "", false
	}
	if len(v) != 1 {
		return "", false
	}
	return v[0], true
}

// asciiLower lower-cases ASCII letters only, leaving every other byte
// (including invalid UTF-8) as it is, as the matcher folds ASCII only.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			// One allocation: the bytes become the string.
			b := make([]byte, len(s))
			copy(b, s[:i])
			for j := i; j < len(b); j++ {
				b[j] = lower(s[j])
			}
			return unsafe.String(unsafe.SliceData(b), len(b))
		}
	}
	return s
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func equalFold(lowerText, s string) bool {
	if len(lowerText) != len(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerText[i] != lower(s[i]) {
			return false
		}
	}
	return true
}

// resolvable reports whether every variable of the pattern can be
// resolved from ctx.
func (p *pattern) resolvable(ctx Context) bool {
	if !p.hasVar {
		return true
	}
	for i := range p.toks {
		if p.toks[i].kind == tVar {
			if _, ok := p.toks[i].resolve(ctx); !ok {
				return false
			}
		}
	}
	return true
}

func (a *arnPattern) resolvable(ctx Context) bool {
	if !a.whole.resolvable(ctx) {
		return false
	}
	for i := range a.fields {
		if !a.fields[i].resolvable(ctx) {
			return false
		}
	}
	return true
}

// match reports whether s matches the pattern. Variables are resolved from
// ctx; a variable that cannot be resolved makes the pattern match nothing,
// and unresolved is then true.
func (p *pattern) match(s string, ctx Context) (ok, unresolved bool) {
	if p.anyAll {
		return true, false
	}
	if p.simple {
		if p.fold {
			return equalFold(p.text, s), false
		}
		return p.text == s, false
	}
	toks := p.toks
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

// arnPattern matches ARNs field by field: each of the first five
// colon-separated fields is matched on its own, the sixth against the rest
// of the ARN. A pattern that is not a six-field ARN is matched as a whole.
type arnPattern struct {
	any    bool
	whole  pattern
	fields [6]pattern
	split  bool
}

func compileARNPattern(s string, vars bool) arnPattern {
	if s == "*" {
		return arnPattern{any: true}
	}
	var a arnPattern
	if strings.Count(s, ":") >= 5 {
		a.split = true
		rest := s
		for i := 0; i < 5; i++ {
			j := strings.IndexByte(rest, ':')
			a.fields[i] = compilePattern(rest[:j], true, vars, false)
			rest = rest[j+1:]
		}
		a.fields[5] = compilePattern(rest, true, vars, false)
		return a
	}
	a.whole = compilePattern(s, true, vars, false)
	return a
}

// match matches the ARN s, whose fields are given by v when it is an ARN
// (isARN).
func (a *arnPattern) match(s string, v arnView, isARN bool, ctx Context) (ok, unresolved bool) {
	if a.any {
		return true, false
	}
	if !a.split || !isARN {
		return a.whole.match(s, ctx)
	}
	start := 0
	for i := 0; i < 6; i++ {
		end := int(v.ends[i])
		ok, un := a.fields[i].match(s[start:end], ctx)
		if !ok {
			return false, un
		}
		start = end + 1
	}
	return true, false
}

// matchString splits s as an ARN and matches it.
func (a *arnPattern) matchString(s string, ctx Context) (ok, unresolved bool) {
	if a.any {
		return true, false
	}
	v, isARN := splitARN(s)
	return a.match(s, v, isARN, ctx)
}
