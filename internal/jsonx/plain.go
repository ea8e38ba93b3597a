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
// tests share one final mask: (x&msb)|(y&msb) is (x|y)&msb, which the
// compiler does not see (29 instructions a word before, 21 then). XOR 2
// keeps the control characters below 0x20 and moves '"' to 0x20, so one
// borrow below 0x21 finds both; and no test needs its &^ x (which kept a
// byte of 0x80 or more from flagging itself): such a byte is flagged by w
// anyway. Three tests of 7 operations instead of four of 16: 12
// instructions a word, 4 of them constants; with the last word below,
// PlainEnd on the first 5,000 generated cases 50.1 M -> 37.8 M
// instructions, the binary 735.2 M -> 723.4 M (callgrind, GOMAXPROCS=1,
// GOGC=off; output md5-identical on the 50,000).
func plainMask(w uint64) uint64 {
	return (w | ((w ^ (lsb * 2)) - lsb*0x21) | ((w ^ (lsb * '\\')) - lsb)) & msb
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
		// Fewer than eight bytes left (b holds a line, and its last
		// strings end near it): b's last eight, those before i made
		// plain (a borrow out of a byte before i could flag a plain
		// byte after it), instead of a byte at a time (-1.0 M of the
		// 50.1 M above).
		if r := len(b) - i; r > 0 && len(b) >= 8 {
			w := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, len(b)-8))[:])
			keep := ^uint64(0) << (8 * (8 - r) & 63)
			if m := plainMask(w&keep | lsb*'a'&^keep); m != 0 {
				return len(b) - 8 + bits.TrailingZeros64(m)/8
			}
			return len(b)
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
