package authz

import (
	"strings"
	"unicode/utf8"
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
	// The runs of tokens between stars, and whether the pattern starts
	// and ends without one.
	segs                   []segment
	anchorStart, anchorEnd bool
	minLen                 int // bytes any match needs, variables aside
}

// segment is a run of tokens toks[a:b] without a star.
type segment struct{ a, b int }

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
		return p
	}
	p.segment()
	return p
}

// segment cuts the tokens at their stars.
func (p *pattern) segment() {
	n := len(p.toks)
	p.anchorStart = p.toks[0].kind != tStar
	p.anchorEnd = p.toks[n-1].kind != tStar
	a := 0
	for i := 0; i <= n; i++ {
		if i == n || p.toks[i].kind == tStar {
			if i > a {
				p.segs = append(p.segs, segment{a, i})
			}
			a = i + 1
			continue
		}
		switch p.toks[i].kind {
		case tLit:
			p.minLen += len(p.toks[i].text)
		case tQmark:
			p.minLen++
		}
	}
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
			b := []byte(s)
			for j := i; j < len(b); j++ {
				b[j] = lower(b[j])
			}
			return string(b)
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
// and unresolved is then true when matching reached the variable (the part
// of the pattern before it matched).
//
// Matching takes time linear in len(s) plus the pattern's length for the
// patterns policies hold: the pattern is cut at its stars into segments;
// the first segment must match at the start, the last at the end, and each
// one between is found at its leftmost place after the previous one
// (leftmost is always right, as a star takes anything), with strings.Index
// for a segment that begins with literal text. Only a segment that holds
// a '?' between literal runs, or that starts with '?', is tried at every
// position, in time len(s) times its length. It never allocates.
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
	if len(p.toks) == 0 { // the zero pattern
		return s == "", false
	}
	if !p.hasVar && len(s) < p.minLen {
		return false, false // every literal byte and '?' needs a byte
	}
	segs := p.segs
	pos := 0
	for k, sg := range segs {
		first := k == 0 && p.anchorStart
		last := k == len(segs)-1 && p.anchorEnd
		switch {
		case first && last: // no star at all
			end, ok, un := p.matchAt(sg.a, sg.b, s, 0, ctx)
			return ok && end == len(s), un
		case first:
			end, ok, un := p.matchAt(sg.a, sg.b, s, 0, ctx)
			if !ok {
				return false, un
			}
			pos = end
		case last:
			return p.matchSuffix(sg.a, sg.b, s, pos, ctx)
		default:
			_, end, ok, un := p.find(sg.a, sg.b, s, pos, ctx)
			if !ok {
				return false, un
			}
			pos = end
		}
	}
	return true, false // the pattern ends with a star
}

// tokText returns the text of a literal or variable token, or false when
// the variable cannot be resolved.
func tokText(t *tok, ctx Context) (string, bool) {
	if t.kind == tVar {
		return t.resolve(ctx)
	}
	return t.text, true
}

// runeLen is the length of the rune at the start of s (1 for a byte that
// is not valid UTF-8), as the matcher steps through s.
func runeLen(s string) int {
	if s[0] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s)
	return n
}

// matchAt matches tokens [a, b) (no star among them) at s[at:] and returns
// where the match ends. un is true when a variable could not be resolved
// (it was reached).
func (p *pattern) matchAt(a, b int, s string, at int, ctx Context) (end int, ok, un bool) {
	si := at
	for i := a; i < b; i++ {
		t := &p.toks[i]
		if t.kind == tQmark {
			if si >= len(s) {
				return 0, false, false
			}
			si += runeLen(s[si:])
			continue
		}
		txt, ok := tokText(t, ctx)
		if !ok {
			return 0, false, true
		}
		if len(s)-si < len(txt) {
			return 0, false, false
		}
		if p.fold {
			if !equalFoldBoth(txt, s[si:si+len(txt)]) {
				return 0, false, false
			}
		} else if s[si:si+len(txt)] != txt {
			return 0, false, false
		}
		si += len(txt)
	}
	return si, true, false
}

// find finds the leftmost match of tokens [a, b) in s at or after from, at
// a position the matcher steps to (a rune start).
func (p *pattern) find(a, b int, s string, from int, ctx Context) (start, end int, ok, un bool) {
	// The first token's text, when literal, finds the candidates.
	var lead string
	t := &p.toks[a]
	if t.kind != tQmark {
		txt, ok := tokText(t, ctx)
		if !ok {
			return 0, 0, false, true // reached at once, after a star
		}
		// A text that starts with a UTF-8 continuation byte could be
		// found inside a rune: such text is tried position by position.
		if txt != "" && !(txt[0] >= 0x80 && txt[0] < 0xC0) {
			lead = txt
		}
	}
	for at := from; at <= len(s); {
		if lead != "" {
			var i int
			if p.fold {
				i = indexFold(s[at:], lead)
			} else {
				i = strings.Index(s[at:], lead)
			}
			if i < 0 {
				return 0, 0, false, false
			}
			at += i
		}
		if end, ok, un := p.matchAt(a, b, s, at, ctx); ok || un {
			return at, end, ok, un
		}
		if at == len(s) {
			break
		}
		at += runeLen(s[at:])
	}
	return 0, 0, false, false
}

// matchSuffix matches tokens [a, b), the pattern's last segment after a
// star, at the end of s, starting at or after from.
func (p *pattern) matchSuffix(a, b int, s string, from int, ctx Context) (ok, unresolved bool) {
	// An unresolvable variable: the result is no match; it was reached
	// when the part before it is found.
	for i := a; i < b; i++ {
		if t := &p.toks[i]; t.kind == tVar {
			if _, ok := t.resolve(ctx); !ok {
				if i == a {
					return false, true
				}
				_, _, found, un := p.find(a, i, s, from, ctx)
				return false, found || un
			}
		}
	}
	// Match backwards from the end: literal text is compared, '?' takes
	// one rune.
	j := len(s)
	for i := b - 1; i >= a; i-- {
		t := &p.toks[i]
		if t.kind == tQmark {
			if j <= from {
				return false, false
			}
			_, n := utf8.DecodeLastRuneInString(s[:j])
			j -= n
			continue
		}
		txt, _ := tokText(t, ctx)
		if j-from < len(txt) {
			return false, false
		}
		if p.fold {
			if !equalFoldBoth(txt, s[j-len(txt):j]) {
				return false, false
			}
		} else if s[j-len(txt):j] != txt {
			return false, false
		}
		j -= len(txt)
	}
	// j must be a place the matcher steps to, and the forward match from
	// there must end at the end (backward and forward rune steps agree on
	// valid UTF-8; on invalid UTF-8, try every place).
	if j == len(s) || !(s[j] >= 0x80 && s[j] < 0xC0) {
		if end, ok, _ := p.matchAt(a, b, s, j, ctx); ok && end == len(s) {
			return true, false
		}
	}
	if utf8.ValidString(s[from:]) {
		return false, false
	}
	for at := from; at <= len(s); {
		if end, ok, _ := p.matchAt(a, b, s, at, ctx); ok && end == len(s) {
			return true, false
		}
		if at == len(s) {
			break
		}
		at += runeLen(s[at:])
	}
	return false, false
}

// equalFoldBoth compares a and b of the same length, folding ASCII case
// on both sides.
func equalFoldBoth(a, b string) bool {
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

// indexFold is strings.Index folding ASCII case on both sides. It is
// quadratic at worst; it only serves patterns of actions, which are short.
func indexFold(s, sub string) int {
	c := lower(sub[0])
	for i := 0; i+len(sub) <= len(s); i++ {
		if lower(s[i]) == c && equalFoldBoth(sub, s[i:i+len(sub)]) {
			return i
		}
	}
	return -1
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
