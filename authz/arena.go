package authz

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
}

// carve returns an empty slice with room for n elements, taken from slab
// (a fresh array when slab has no room left: of n elements, or with grow
// of at least twice the last one's, for the slabs of tokens, segments and
// the compiled forms of patterns with wildcards, whose number is known
// only while compiling, so that a policy wastes at most about half of
// what it uses). The first array of a growing slab is of n elements, not
// of a fixed chunk: most policies have one or two patterns with
// wildcards, and a chunk of 8 made the slabs of tokens, segments and
// cpats a quarter of the bytes compiling allocated (BenchmarkCompileGenerated).
func carve[T any](slab *[]T, n int, grow bool) []T {
	s := *slab
	if cap(s)-len(s) < n {
		size := n
		if grow {
			size = max(n, 2*cap(s))
		}
		s = make([]T, 0, size)
	}
	out := s[len(s) : len(s) : len(s)+n]
	*slab = s[:len(s)+n]
	return out
}

// init sizes an arena for the statements of one policy.
func (a *arena) init(pats, arns, conds, vals int) {
	a.pats = make([]pattern, 0, pats)
	a.arns = make([]arnPattern, 0, arns)
	a.conds = make([]ccond, 0, conds)
	a.vals = make([]cval, 0, vals)
}

func (a *arena) patterns(n int) []pattern {
	if a == nil {
		return make([]pattern, 0, n)
	}
	return carve(&a.pats, n, false)
}

func (a *arena) arnPatterns(n int) []arnPattern {
	if a == nil {
		return make([]arnPattern, 0, n)
	}
	return carve(&a.arns, n, false)
}

func (a *arena) cconds(n int) []ccond {
	if a == nil {
		return make([]ccond, 0, n)
	}
	return carve(&a.conds, n, false)
}

func (a *arena) cvals(n int) []cval {
	if a == nil {
		return make([]cval, 0, n)
	}
	return carve(&a.vals, n, false)
}

// tokSlice returns an empty slice with room for n tokens, the most a
// pattern can have (see tokBound): the pattern's tokens are collected in
// place, and what they leave is given back by keepToks.
func (a *arena) tokSlice(n int) []tok {
	if a == nil {
		return make([]tok, 0, n)
	}
	return carve(&a.toks, n, true)
}

// keepToks gives back to the slab the room that toks, the last slice
// tokSlice returned, did not use (tokBound counts two tokens for each
// '*', '?' or '$', and a pattern left as one literal uses none), and
// returns toks capped at its length.
func (a *arena) keepToks(toks []tok) []tok {
	if a == nil {
		return toks
	}
	a.toks = a.toks[:len(a.toks)-(cap(toks)-len(toks))]
	return toks[:len(toks):len(toks)]
}

func (a *arena) segments(n int) []segment {
	if a == nil {
		return make([]segment, 0, n)
	}
	return carve(&a.segs, n, true)
}

// cpat returns a zero cpat for a pattern with wildcards or variables.
func (a *arena) cpat() *cpat {
	if a == nil {
		return new(cpat)
	}
	s := carve(&a.cxs, 1, true)
	s = s[:1]
	return &s[0]
}
