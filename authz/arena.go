package authz

import (
	"encoding/binary"
	"unsafe"
)

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

// lower is asciiLower, with the lowered copy taken from a. asciiLower's
// shared cache of recent strings cost simulate more than lowering afresh:
// a hash, an atomic load and a comparison of memory another core may
// have just written, for each action and key of each document (1.7 µs of
// the 8.1 µs a case spent compiling, CPU profile of the 50,000 generated
// cases on 2 cores), where a copy into the policy's own bytes is a few
// stores to memory in cache.
func (a *arena) lower(s string) string {
	if !hasUpper(s) {
		return s
	}
	if a == nil {
		return asciiLower(s)
	}
	if cap(a.low)-len(a.low) < len(s) {
		a.low = make([]byte, 0, max(len(s), a.lowHint, 2*cap(a.low)))
	}
	b := carve(&a.low, len(s), false)[:len(s)]
	lowerInto(b, s)
	return unsafe.String(&b[0], len(b))
}

// Lowering eight bytes at a time: for a word w, upperBits has the top bit
// of each byte that is an ASCII upper-case letter ('A' to 'Z': the byte's
// low seven bits plus 0x3f reach 0x80 and plus 0x25 do not, and its own top
// bit is clear), and w | upperBits>>2 adds 0x20 to each such byte. The
// byte loops were about a tenth of the instructions of compiling the
// generated cases' documents (BenchmarkCompileGenerated, callgrind), most
// of them lowering "service:ActionName" and condition keys.
const (
	lowBits  = 0x7f7f7f7f7f7f7f7f
	topBits  = 0x8080808080808080
	fromA    = 0x3f3f3f3f3f3f3f3f // 0x80 - 'A'
	fromPast = 0x2525252525252525 // 0x80 - ('Z' + 1)
)

func upperBits(w uint64) uint64 {
	v := w & lowBits
	return (v + fromA) &^ (v + fromPast) &^ w & topBits
}

// hasUpper reports whether s has an ASCII upper-case letter.
func hasUpper(s string) bool {
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if upperBits(binary.LittleEndian.Uint64(b[i:])) != 0 {
			return true
		}
	}
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			return true
		}
	}
	return false
}

// lowerInto writes s, ASCII letters lowered, to b (of len(s) bytes).
func lowerInto(b []byte, s string) {
	src := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	b = b[:len(src)]
	i := 0
	for ; i+8 <= len(src); i += 8 {
		w := binary.LittleEndian.Uint64(src[i:])
		binary.LittleEndian.PutUint64(b[i:], w|upperBits(w)>>2)
	}
	for ; i < len(src); i++ {
		b[i] = lower(src[i])
	}
}
