package authz

import "unsafe"

// arena carves the slices of one compiled policy (its action and
// resource patterns, conditions, condition values, pattern tokens and
// segments) out of a few shared backing arrays, so that compiling a
// policy costs a handful of allocations rather than several for every
// statement. Every carved slice is capped at its length, so appending to
// one copies it and never reaches its neighbour. A nil *arena allocates
// each slice on its own.
type arena struct {
	pats  []pattern
	arns  []arnPattern
	conds []ccond
	vals  []cval
	toks  []tok
	segs  []segment
	cxs   []cpat
	// low holds the lower-cased copies of the policy's actions, condition
	// keys and case-insensitive values; lowHint sizes its first array (the
	// bytes of every action and key, which bounds the common need).
	low     []byte
	lowHint int
}

// arenaChunk is the size of the first backing array for tokens,
// segments and the compiled forms of patterns with wildcards, whose
// number is known only while compiling; each next one is twice the size
// of the last, so a policy wastes at most about half of what it uses.
const arenaChunk = 8

// carve returns an empty slice with room for n elements, taken from slab
// (a fresh array of at least chunk elements, and twice the last one's
// when chunk is set, when slab has no room left).
func carve[T any](slab *[]T, n, chunk int) []T {
	s := *slab
	if cap(s)-len(s) < n {
		if chunk > 0 {
			chunk = max(chunk, 2*cap(s))
		}
		s = make([]T, 0, max(n, chunk))
	}
	out := s[len(s) : len(s) : len(s)+n]
	*slab = s[:len(s)+n]
	return out
}

// init sizes an arena for the statements of one policy.
func (a *arena) init(pats, arns, conds, vals, low int) {
	a.lowHint = low
	a.pats = make([]pattern, 0, pats)
	a.arns = make([]arnPattern, 0, arns)
	a.conds = make([]ccond, 0, conds)
	a.vals = make([]cval, 0, vals)
}

func (a *arena) patterns(n int) []pattern {
	if a == nil {
		return make([]pattern, 0, n)
	}
	return carve(&a.pats, n, 0)
}

func (a *arena) arnPatterns(n int) []arnPattern {
	if a == nil {
		return make([]arnPattern, 0, n)
	}
	return carve(&a.arns, n, 0)
}

func (a *arena) cconds(n int) []ccond {
	if a == nil {
		return make([]ccond, 0, n)
	}
	return carve(&a.conds, n, 0)
}

func (a *arena) cvals(n int) []cval {
	if a == nil {
		return make([]cval, 0, n)
	}
	return carve(&a.vals, n, 0)
}

// tokSlice returns an empty slice with room for n tokens, the most a
// pattern can have (see tokBound): the pattern's tokens are collected in
// place.
func (a *arena) tokSlice(n int) []tok {
	if a == nil {
		return make([]tok, 0, n)
	}
	return carve(&a.toks, n, arenaChunk)
}

func (a *arena) segments(n int) []segment {
	if a == nil {
		return make([]segment, 0, n)
	}
	return carve(&a.segs, n, arenaChunk)
}

// cpat returns a zero cpat for a pattern with wildcards or variables.
func (a *arena) cpat() *cpat {
	if a == nil {
		return new(cpat)
	}
	s := carve(&a.cxs, 1, arenaChunk)
	s = s[:1]
	return &s[0]
}

// lower is asciiLower, with the lowered copy taken from a. asciiLower's
// shared cache of recent strings cost simulate more than lowering afresh:
// a hash, an atomic load and a comparison of memory another core may
// have just written, for each action and key of each document (1.7 µs of
// the 8.1 µs a case spent compiling, CPU profile of the 50,000 generated
// cases on 2 cores), where a copy into the policy's own bytes is a few
// stores to memory in cache.
func (a *arena) lower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			if a == nil {
				return asciiLower(s)
			}
			b := carve(&a.low, len(s), a.lowHint)[:len(s)]
			copy(b, s[:i])
			for j := i; j < len(s); j++ {
				b[j] = lower(s[j])
			}
			return unsafe.String(&b[0], len(b))
		}
	}
	return s
}
