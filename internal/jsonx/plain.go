package jsonx

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// The word-at-a-time scans below look at eight bytes at once: they serve
// the strict decoders' fast paths for strings, which ran byte by byte and
// were a sixth of the instructions of simulate --jsonl on generated cases
// (policy's cleaner.str, the case decoder's string loops and Skim; Skim's
// own loop is in jsonx.go).

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// plainMask flags the bytes of w that end a plain run: a control
// character, a byte of 0x80 or more, '"' or '\\' (lowest bit exact). The
// four tests share one final mask: (x&msb)|(y&msb) is (x|y)&msb, which
// the compiler does not see (29 instructions a word before, 21 now).
func plainMask(w uint64) uint64 {
	q := w ^ (lsb * '"')
	s := w ^ (lsb * '\\')
	return (w | (w-lsb*0x20)&^w | (q-lsb)&^q | (s-lsb)&^s) & msb
}

// PlainEnd returns the offset of the first byte of b at or after i that
// is not printable ASCII other than '"' and '\\' (a quote, a backslash, a
// control character or a byte of 0x80 or more), or len(b): the end of the
// run a string without escapes or non-ASCII text reads at once.
func PlainEnd(b []byte, i int) int {
	// Each word is read at an offset that steps by 8 while a count of the
	// words left goes down: no bounds check or slice a word. b[i:] cost
	// two checks and a slice (45 instructions a word in all), a loop on
	// rest = rest[8:] a masked pointer (37); this one is 28. The load is
	// binary.LittleEndian's of an 8-byte array at p+i, inside b since
	// i+8 <= len(b) (checkptr agrees: go test -race is clean).
	if i >= 0 && i < len(b) {
		p := unsafe.Pointer(unsafe.SliceData(b))
		for n := (len(b) - i) >> 3; n > 0; n-- {
			w := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, i))[:])
			if m := plainMask(w); m != 0 {
				return i + bits.TrailingZeros64(m)/8
			}
			i += 8
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
			return i
		}
	}
	return i
}

// PlainEndString is PlainEnd for a string (an encoder's input).
func PlainEndString(s string, i int) int {
	if len(s) == 0 {
		return i
	}
	return PlainEnd(unsafe.Slice(unsafe.StringData(s), len(s)), i)
}
