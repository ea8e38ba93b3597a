package authz

// arena carves the slices of one compiled policy (its action and
// resource patterns, conditions, condition values, pattern tokens and
// segments) out of a few shared backing arrays, so that compiling a
// policy costs a handful of allocations rather than several for every
// statement. Every carved slice is capped at its length, so appending to
// one copies it and never reaches its neighbour. A nil *arena allocates
// each slice on its own.
type arena struct {
	slabs
	// The first ARN patterns that sizing the policy met (arnPats), and
	// bit i of wholes whether arnSeen[i] is matched whole (arnWhole), for
	// compiling them (arnPattern) to take instead of asking arnWhole
	// again: its searches were a tenth of the instructions of compiling
	// the generated cases' documents, half of them in sizing
	// (BenchmarkCompileGenerated, callgrind). The next one compiled is
	// arnSeen[arnNext]; a pattern that is not it (the same string) is
	// asked arnWhole.
	arnSeen       [arenaARNs]string
	wholes        uint64
	arnN, arnNext int
	// only is the action compiled for when filter is set
	// (CompilePolicyFor).
	only   string
	filter bool
}

// arenaARNs is the number of ARN patterns whose sizing an arena
// remembers; a policy of generated cases has three on average.
const arenaARNs = 16

// arnPats is the number of patterns arnPattern(s, vars) takes, noted for
// it to find.
func (a *arena) arnPats(s string, vars bool) int {
	if s == "*" {
		return 0
	}
	whole := arnWhole(s, vars)
	if a.arnN < arenaARNs {
		a.arnSeen[a.arnN] = s
		if whole {
			a.wholes |= 1 << a.arnN
		}
		a.arnN++
	}
	if whole {
		return 1
	}
	return 6 // at most: the fields of an ARN
}

// whole is arnWhole(s, vars), taken from what sizing noted when s is the
// next pattern it met.
func (a *arena) whole(s string, vars bool) bool {
	if a != nil && a.arnNext < a.arnN && a.arnSeen[a.arnNext] == s {
		i := a.arnNext
		a.arnNext++
		return a.wholes>>i&1 != 0
	}
	return arnWhole(s, vars)
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

// init sizes an arena for the statements of one policy, in m's memory
// when m is not nil (see Mem).
func (a *arena) init(m *Mem, pats, arns, conds, vals int) {
	if m == nil {
		a.pats = make([]pattern, 0, pats)
		a.arns = make([]arnPattern, 0, arns)
		a.conds = make([]ccond, 0, conds)
		a.vals = make([]cval, 0, vals)
		return
	}
	a.pats = reuse(&m.pats, pats)
	a.arns = reuse(&m.arns, arns)
	a.conds = reuse(&m.conds, conds)
	a.vals = reuse(&m.vals, vals)
	a.toks = reuse(&m.toks, 0)
	a.segs = reuse(&m.segs, 0)
	a.cxs = reuse(&m.cxs, 0)
}

// keep records in m the slabs a ends with, for its next use.
func (a *arena) keep(m *Mem) {
	if m == nil {
		return
	}
	m.slabs = a.slabs
}

// slabs are the arrays a policy's compiled elements are carved from.
type slabs struct {
	pats  []pattern
	arns  []arnPattern
	conds []ccond
	vals  []cval
	toks  []tok
	segs  []segment
	cxs   []cpat
}

// Mem is memory that compiled policies are carved from, for a caller that
// compiles policy after policy, each dead before the next is compiled
// (the workers of `denied simulate`, for the documents their cache does
// not keep: most of them): CompilePolicyMem reuses it instead of
// allocating the compiled form's slabs afresh (on generated cases, about
// 1.5 KB and 7 allocations a document). The zero Mem is ready to use. A
// policy compiled into a Mem is valid until the Mem's next use.
type Mem struct {
	slabs
	stmts []cstmt
	refs  []stmtRef
}

// reuse returns *buf emptied, with room for n elements: the part used last
// time is cleared first (every compiled element starts from zero, and no
// pointer of a dead policy stays reachable); a fresh array, also kept in
// *buf, when there is not room for n.
func reuse[T any](buf *[]T, n int) []T {
	b := *buf
	clear(b)
	if cap(b) < n {
		b = make([]T, 0, max(n, 2*cap(b)))
	}
	*buf = b[:0]
	return b[:0]
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
