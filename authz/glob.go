package authz

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/policy"
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
// variables (when enabled) and optional ASCII case folding. Most patterns
// are plain text ("*", an action name, an ARN field): they hold the text
// alone, and a pattern with wildcards or variables keeps its tokens in a
// cpat of its own, so that the patterns of a policy stay small.
type pattern struct {
	text   string // the whole text when simple (lower-cased when fold)
	cx     *cpat  // the tokens, when not simple (nil: the zero pattern)
	simple bool   // no wildcards, no variables: compare text directly
	prefix bool   // text then stars only ("s3:Get*"): text is a prefix
	fold   bool
	anyAll bool // the pattern is a lone "*"
	hasVar bool
}

// cpat is the compiled form of a pattern with wildcards or variables.
type cpat struct {
	toks []tok
	// The runs of tokens between stars, and whether the pattern starts
	// and ends without one.
	segs                   []segment
	minLen                 int // bytes any match needs, variables aside
	anchorStart, anchorEnd bool
	hasSA                  bool // a segment has a shiftAnd
	fold                   bool
}

// segment is a run of tokens toks[a:b] without a star.
type segment struct {
	a, b int
	sa   *shiftAnd // for a segment of literal text and '?' only, else nil
}

// compilePattern compiles s. wild enables * and ?; vars enables ${...}
// policy variables and their escapes; fold makes matching ASCII
// case-insensitive.
func compilePattern(s string, wild, vars, fold bool) pattern {
	return (*arena)(nil).pattern(s, wild, vars, fold)
}

// pattern is compilePattern, with the tokens and segments taken from a.
func (a *arena) pattern(s string, wild, vars, fold bool) pattern {
	p := pattern{fold: fold}
	if wild && s == "*" {
		// A lone star matches anything: match answers before it looks
		// at text or tokens, so the pattern needs none. It is most of the
		// wildcard patterns of generated cases (the region, account or
		// resource field of an ARN, a condition value), whose tokens and
		// cpat took about a fifth of the bytes compiling allocated.
		p.anyAll = true
		return p
	}
	if fold {
		s = asciiLower(s)
		fold = false // already folded: literal runs need no more work
	}
	// Fast path: no wildcard and no variable, a plain string.
	if !(wild && hasWildcard(s)) && !(vars && strings.Contains(s, "${")) {
		if s != "" {
			p.simple, p.text = true, s
			return p
		}
		p.simple = true
		return p
	}
	// A literal prefix and trailing stars ("s3:Get*", "instance/*"), the
	// commonest wildcard pattern of the generated and real policies, is
	// matched as a prefix: it needs no tokens, segments or cpat (about a
	// third of the compiled patterns' memory on simulate's generated
	// cases).
	if wild {
		if lit := strings.TrimRight(s, "*"); lit != "" && len(lit) < len(s) &&
			!hasWildcard(lit) && !(vars && strings.Contains(lit, "${")) {
			p.prefix, p.text = true, lit
			return p
		}
	}
	// Literal runs are substrings of s; an escape (${*}, ${?}, ${$}) is a
	// literal run of its own.
	toks := a.tokSlice(tokBound(s))
	runStart := 0
	flush := func(end int) {
		if end > runStart {
			toks = append(toks, tok{kind: tLit, text: s[runStart:end]})
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case wild && c == '*':
			flush(i)
			if n := len(toks); n == 0 || toks[n-1].kind != tStar {
				toks = append(toks, tok{kind: tStar})
			}
			i++
			runStart = i
			continue
		case wild && c == '?':
			flush(i)
			toks = append(toks, tok{kind: tQmark})
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
				toks = append(toks, tok{kind: tLit, text: b})
				continue
			}
			key, def, hasDef := parseVariable(body)
			toks = append(toks, tok{kind: tVar, text: asciiLower(key), def: def, hasDef: hasDef})
			p.hasVar = true
			continue
		}
		i++
	}
	flush(len(s))
	toks = a.keepToks(toks)
	if len(toks) == 0 {
		p.simple = true
		return p
	}
	if len(toks) == 1 && toks[0].kind == tLit {
		p.simple, p.text = true, toks[0].text
		return p
	}
	cx := a.cpat()
	cx.toks, cx.fold = toks, p.fold
	cx.segment(a)
	p.cx = cx
	return p
}

// action compiles an Action or NotAction value as a.pattern(act, true,
// false, true) does; ok is false when the value can never match
// (policy.ActionNeverMatches), which the statement then leaves out.
//
// Most values are a service prefix, a colon and an action name of
// letters and digits, literal or with trailing stars ("ec2:RunInstances",
// "s3:Get*"): a search for the colon and a pass over the bytes tell that
// such a value is one IAM matches as written and which of the two forms
// it compiles to, in place of policy.ActionNeverMatches's passes
// (trimming, counting colons, checking the prefix and the name) and
// pattern's (wildcards, trailing stars). They were about a fifth of the
// instructions of compiling the generated cases' documents
// (BenchmarkCompileGenerated, callgrind). Any other value takes the
// general way. The value is lowered by asciiLower, whose shared cache
// gives the request's action the same string: comparing the two then
// stops at their pointers (see asciiLower).
func (a *arena) action(act string) (p pattern, ok bool) {
	end, plain := plainAction(act)
	if !plain {
		return a.actionSlow(act)
	}
	low := asciiLower(act)
	p.fold = true
	if end == len(act) {
		p.simple, p.text = true, low
		return p, true
	}
	p.prefix, p.text = true, low[:end]
	return p, true
}

// plainAction reports whether act is a service prefix, a colon and an
// action name of letters and digits, literal or with trailing stars, and
// where its stars start (len(act) for none): such a value is matched as
// written, as its text or as the prefix before the stars, in any case.
func plainAction(act string) (end int, ok bool) {
	colon := strings.IndexByte(act, ':')
	if colon <= 0 || colon == len(act)-1 {
		return 0, false
	}
	prefix := uint8(abPrefix)
	for i := 0; i < colon; i++ {
		prefix &= actionBytes[act[i]]
	}
	if prefix == 0 {
		return 0, false
	}
	// The name: letters and digits, then stars only.
	end = len(act)
	for i := colon + 1; i < len(act); i++ {
		if actionBytes[act[i]]&abName == 0 {
			end = i
			break
		}
	}
	for i := end; i < len(act); i++ {
		if act[i] != '*' {
			return 0, false
		}
	}
	return end, true
}

// actionHits reports whether the Action or NotAction value act matches
// a.only, the lower-cased action a compiles for (CompilePolicyFor), as
// the pattern action compiles would: a plain value is compared in place,
// without being lowered or compiled.
func (a *arena) actionHits(act string) bool {
	if end, plain := plainAction(act); plain {
		if end == len(act) {
			return equalFold(a.only, act)
		}
		return len(a.only) >= end && equalFold(a.only[:end], act[:end])
	}
	p, ok := a.actionSlow(act)
	if !ok {
		return false
	}
	hit, _ := p.match(a.only, nil)
	return hit
}

// actionSlow is action for any value: the checks and the compiling of
// the general way.
func (a *arena) actionSlow(act string) (pattern, bool) {
	if policy.ActionNeverMatches(act) {
		return pattern{}, false
	}
	return a.pattern(act, true, false, true), true
}

// The classes of bytes in an action value, for action: those of a
// service prefix (letters, digits, '-') and of an action name without
// wildcards (letters and digits).
const (
	abPrefix = 1 << iota
	abName
)

var actionBytes = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = abPrefix | abName
		t[c-'a'+'A'] = abPrefix | abName
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = abPrefix | abName
	}
	t['-'] = abPrefix
	return t
}()

// hasWildcard is strings.ContainsAny(s, "*?") as two searches for one
// byte: ContainsAny tested every byte against a set and was 2% of
// simulate's CPU on generated cases, in compiling their patterns.
func hasWildcard(s string) bool {
	return strings.IndexByte(s, '*') >= 0 || strings.IndexByte(s, '?') >= 0
}

// tokBound is the most tokens pattern s can compile to: each '*', '?'
// and "${" gives at most one token and ends at most one literal run
// before it, and one literal run may follow the last.
func tokBound(s string) int {
	n := 1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '?', '$':
			n += 2
		}
	}
	return n
}

// segment cuts the tokens at their stars.
func (p *cpat) segment(ar *arena) {
	n := len(p.toks)
	segs := 0
	for i := 0; i < n; i++ {
		if p.toks[i].kind != tStar && (i == 0 || p.toks[i-1].kind == tStar) {
			segs++
		}
	}
	p.segs = ar.segments(segs)
	p.anchorStart = p.toks[0].kind != tStar
	p.anchorEnd = p.toks[n-1].kind != tStar
	a := 0
	for i := 0; i <= n; i++ {
		if i == n || p.toks[i].kind == tStar {
			if i > a {
				p.segs = append(p.segs, segment{a: a, b: i, sa: buildShiftAnd(p.toks[a:i])})
				p.hasSA = p.hasSA || p.segs[len(p.segs)-1].sa != nil
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

// VariableKeys calls fn with the key of each policy variable of the
// policy value s, as written ("aws:TagKeys" of "${aws:TagKeys, 'none'}"),
// in order, as compiling reads them: the escapes ${*}, ${?} and ${$} are
// text, not variables. Whether a document interprets variables at all
// (policy.Policy.Variables) is the caller's to ask.
func VariableKeys(s string, fn func(key string)) {
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			return
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return
		}
		body := s[i+2 : i+end]
		s = s[i+end+1:]
		switch strings.TrimSpace(body) {
		case "*", "?", "$":
			continue
		}
		key, _, _ := parseVariable(body)
		fn(key)
	}
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
// as is (AWS does not fold non-ASCII letters). It allocates only when s
// has an upper-case letter, and not then either when s is short and was
// lowered recently: policies and requests name the same few dozen keys
// and actions ("aws:PrincipalArn", "ec2:RunInstances") again and again.
// A policy's lowered action or key and a request's are then one string,
// which evaluating compares (or a map look-up does) at their pointers:
// lowering the policy's into memory of its own instead cost the engine
// reference workload 1.4% more instructions an evaluation (6,481 ->
// 6,574, BenchmarkEvaluateReference1x) and simulate more than it saved.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			if len(s) > lowerMaxLen {
				return lowerFrom(s, i)
			}
			return lowerShort(s, i)
		}
	}
	return s
}

// lowerFrom lowers s, whose first upper-case letter is at i, in one
// allocation: the bytes become the string.
func lowerFrom(s string, i int) string {
	b := make([]byte, len(s))
	copy(b, s[:i])
	for j := i; j < len(b); j++ {
		b[j] = lower(s[j])
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// lowered is one entry of lowerTab: a string and its lower-cased form,
// both in memory of their own (never the input the string came from).
type lowered struct{ from, to string }

// lowerTab remembers recently lowered short strings, one per slot by
// hash: a lossy, lock-free cache of bounded size (lowerSlots entries of
// at most 2*lowerMaxLen bytes), safe for concurrent use; a slot holds the
// last string hashed to it.
var (
	lowerTab  [lowerSlots]atomic.Pointer[lowered]
	lowerSeed = maphash.MakeSeed()
)

const (
	lowerSlots  = 1024
	lowerMaxLen = 96
)

func lowerShort(s string, i int) string {
	slot := &lowerTab[maphash.String(lowerSeed, s)%lowerSlots]
	if e := slot.Load(); e != nil && e.from == s {
		return e.to
	}
	b := make([]byte, 2*len(s))
	copy(b, s)
	copy(b[len(s):], s[:i])
	for j := i; j < len(s); j++ {
		b[len(s)+j] = lower(s[j])
	}
	e := &lowered{from: unsafe.String(&b[0], len(s)), to: unsafe.String(&b[len(s)], len(s))}
	slot.Store(e)
	return e.to
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
	for i := range p.cx.toks {
		if p.cx.toks[i].kind == tVar {
			if _, ok := p.cx.toks[i].resolve(ctx); !ok {
				return false
			}
		}
	}
	return true
}

func (a *arnPattern) resolvable(ctx Context) bool {
	for i := range a.pats {
		if !a.pats[i].resolvable(ctx) {
			return false
		}
	}
	return true
}

// multiVar reports whether a variable of the pattern names a key with
// more than one value in ctx: AWS says such a key cannot be a policy
// variable ("you can't use a multivalued context key as a policy
// variable", IAM User Guide, Single-valued vs. multivalued context keys)
// and not how a value holding one evaluates.
func (p *pattern) multiVar(ctx Context) bool {
	if !p.hasVar || p.cx == nil {
		return false
	}
	for i := range p.cx.toks {
		if t := &p.cx.toks[i]; t.kind == tVar && len(ctx[t.text]) > 1 {
			return true
		}
	}
	return false
}

func (a *arnPattern) multiVar(ctx Context) bool {
	for i := range a.pats {
		if a.pats[i].multiVar(ctx) {
			return true
		}
	}
	return false
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
// for a segment of literal text, Shift-And (one pass, len(s) times its
// length / 64) for a segment with '?' in ASCII text. Only a segment with
// '?' and a variable, or over 1,024 positions, or in non-ASCII text, is
// tried at every position, in time len(s) times its length. It never
// allocates.
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
	if p.prefix {
		if len(s) < len(p.text) {
			return false, false
		}
		if p.fold {
			return equalFold(p.text, s[:len(p.text)]), false
		}
		return s[:len(p.text)] == p.text, false
	}
	if p.cx == nil { // the zero pattern
		return s == "", false
	}
	return p.cx.match(s, p.hasVar, ctx)
}

// match is pattern.match for a pattern with wildcards or variables.
func (p *cpat) match(s string, hasVar bool, ctx Context) (ok, unresolved bool) {
	if !hasVar && len(s) < p.minLen {
		return false, false // every literal byte and '?' needs a byte
	}
	segs := p.segs
	pos := 0
	ascii := p.hasSA && isASCII(s)
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
			if sg.sa != nil && ascii {
				start := sg.sa.search(s, pos, p.fold)
				if start < 0 {
					return false, false
				}
				pos = start + sg.sa.m
				continue
			}
			_, end, ok, un := p.find(sg.a, sg.b, s, pos, ctx)
			if !ok {
				return false, un
			}
			pos = end
		}
	}
	return true, false // the pattern ends with a star
}

// shiftAnd finds a segment of literal text and '?' in ASCII text with the
// Shift-And algorithm: one pass over the text, a bit per position of the
// segment (up to maxShiftAnd positions), so a segment such as "a?a?…b" is
// found in time linear in the text, where trying it at each place would
// take the text's length times its own.
type shiftAnd struct {
	m     int         // positions: literal bytes and '?'s
	words int         // uint64 words of state
	row   [256]uint16 // byte -> its row in masks (0: a byte the segment lacks)
	masks []uint64    // rows of words: bit j is set where position j takes the byte
}

// maxShiftAnd bounds the positions of a shiftAnd, so that its state fits a
// fixed array on the stack.
const maxShiftAnd = 1024

func buildShiftAnd(toks []tok) *shiftAnd {
	m, hasQ := 0, false
	for i := range toks {
		switch toks[i].kind {
		case tLit:
			m += len(toks[i].text)
		case tQmark:
			m++
			hasQ = true
		default:
			return nil // a variable: its text is known only when matching
		}
	}
	if !hasQ || m == 0 || m > maxShiftAnd {
		return nil // literal text alone is found by strings.Index
	}
	sa := &shiftAnd{m: m, words: (m + 63) / 64}
	// The rows are numbered first, so that masks is made once at its size
	// (it grew by a row for every distinct byte, most of the allocations
	// of compiling a pattern with '?').
	var rows int
	for i := range toks {
		for k := 0; k < len(toks[i].text); k++ {
			if c := toks[i].text[k]; sa.row[c] == 0 {
				rows++
				sa.row[c] = uint16(rows)
			}
		}
	}
	sa.masks = make([]uint64, (rows+1)*sa.words) // row 0: the '?' positions only
	setBit := func(r, j int) { sa.masks[r*sa.words+j/64] |= 1 << (j % 64) }
	j := 0
	for i := range toks {
		if toks[i].kind == tQmark {
			for r := 0; r <= rows; r++ {
				setBit(r, j)
			}
			j++
			continue
		}
		for k := 0; k < len(toks[i].text); k++ {
			setBit(int(sa.row[toks[i].text[k]]), j)
			j++
		}
	}
	return sa
}

// search returns where the leftmost match of the segment in s starts, at
// or after from, or -1. s must be ASCII, so that '?' is one byte. With
// fold, text bytes are lower-cased (the segment already is).
func (sa *shiftAnd) search(s string, from int, fold bool) int {
	var state [maxShiftAnd / 64]uint64
	d := state[:sa.words]
	top, topBit := (sa.m-1)/64, uint64(1)<<((sa.m-1)%64)
	for i := from; i < len(s); i++ {
		c := s[i]
		if fold {
			c = lower(c)
		}
		r := int(sa.row[c]) * sa.words
		mask := sa.masks[r : r+sa.words]
		carry := uint64(1)
		for w := range d {
			next := d[w] >> 63
			d[w] = (d[w]<<1 | carry) & mask[w]
			carry = next
		}
		if d[top]&topBit != 0 {
			return i - sa.m + 1
		}
	}
	return -1
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
func (p *cpat) matchAt(a, b int, s string, at int, ctx Context) (end int, ok, un bool) {
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
func (p *cpat) find(a, b int, s string, from int, ctx Context) (start, end int, ok, un bool) {
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
func (p *cpat) matchSuffix(a, b int, s string, from int, ctx Context) (ok, unresolved bool) {
	// An unresolvable variable: the result is no match; it was reached
	// when the part before it is found.
	validText := true // the segment's text is valid UTF-8
	for i := a; i < b; i++ {
		t := &p.toks[i]
		if t.kind == tQmark {
			continue
		}
		txt, ok := tokText(t, ctx)
		if !ok {
			if i == a {
				return false, true
			}
			_, _, found, un := p.find(a, i, s, from, ctx)
			return false, found || un
		}
		validText = validText && utf8.ValidString(txt)
	}
	if !validText || !utf8.ValidString(s[from:]) {
		// Rune steps backward and forward may disagree on invalid UTF-8:
		// try every place the matcher steps to.
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
	// Valid UTF-8: match backwards from the end, literal text compared and
	// '?' taking one rune; the match is then the only one possible.
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
	return true, false
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
	// pats holds the six field patterns when split, else the pattern of
	// the whole text (none when any); with whole, it holds the pattern of
	// the whole text of a split pattern.
	pats  []pattern
	any   bool
	split bool
	// whole is a six-field pattern whose first five fields are literal
	// and whose sixth is literal or literal text then stars: matched as
	// the whole text or its prefix, of an ARN only, which is the same as
	// field by field (the prefix holds the five colons, so an ARN that
	// starts with it has the same first five fields) with one pattern in
	// place of six. Such are about half the ARN patterns of generated
	// cases ("arn:aws:s3:::bucket/*", a resource's own ARN).
	whole bool
}

func compileARNPattern(s string, vars bool) arnPattern {
	return (*arena)(nil).arnPattern(s, vars)
}

// arnPattern is compileARNPattern, with the slices taken from ar.
func (ar *arena) arnPattern(s string, vars bool) arnPattern {
	if s == "*" {
		return arnPattern{any: true}
	}
	var a arnPattern
	if ar.whole(s, vars) {
		// What pattern(s, true, vars, false) is for such text, without
		// its searches for wildcards and variables, which arnWhole has
		// done: the text, or the prefix before the stars that end it.
		// The searches were about a twentieth of the instructions of
		// compiling the generated cases' documents, whose ARN patterns
		// are half of this form (BenchmarkCompileGenerated, callgrind).
		a.split, a.whole = true, true
		var p pattern
		if lit := strings.TrimRight(s, "*"); len(lit) < len(s) {
			p.prefix, p.text = true, lit
		} else {
			p.simple, p.text = true, s
		}
		a.pats = append(ar.patterns(1), p)
		return a
	}
	// With variables, a colon inside ${...} does not split: the account
	// field of "arn:aws:iam::${aws:PrincipalAccount}:role/*" is the
	// variable, as the policy validator reads it (policy's
	// resourceARNProblem).
	var f [6]string
	var n int
	if vars {
		f, n = arn.FieldsVars(s)
	} else {
		f, n = arn.Fields(s)
	}
	if n == 6 {
		a.split = true
		a.pats = ar.patterns(6)
		for i := range f {
			a.pats = append(a.pats, ar.pattern(f[i], true, vars, false))
		}
		return a
	}
	a.pats = append(ar.patterns(1), ar.pattern(s, true, vars, false))
	return a
}

// arnWhole reports whether the ARN pattern s is matched whole (see
// arnPattern.whole): it starts with "arn:", has at least five colons (six
// fields, as Fields splits it; FieldsVars splits it the same, as it has
// no variable) and no wildcard but the stars that end it, which are then
// in its sixth field. It searches bytes only, so that compilePolicy can
// ask it to size a policy's patterns.
func arnWhole(s string, vars bool) bool {
	return strings.HasPrefix(s, "arn:") && strings.IndexByte(s, '?') < 0 &&
		strings.IndexByte(strings.TrimRight(s, "*"), '*') < 0 &&
		!(vars && strings.Contains(s, "${")) && strings.Count(s, ":") >= 5
}

// match matches the ARN s, whose fields are given by v when it is an ARN
// (isARN).
func (a *arnPattern) match(s string, v arnView, isARN bool, ctx Context) (ok, unresolved bool) {
	if a.any {
		return true, false
	}
	if !a.split {
		return a.pats[0].match(s, ctx)
	}
	if !isARN {
		// A six-field ARN pattern names an ARN: a value that is not one
		// (an empty string, "*", an account ID) matches none.
		return false, false
	}
	if a.whole {
		return a.pats[0].match(s, ctx)
	}
	start := 0
	for i := 0; i < 6; i++ {
		end := int(v.ends[i])
		ok, un := a.pats[i].match(s[start:end], ctx)
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
