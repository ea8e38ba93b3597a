// Package jsonx holds the shared core of the module's strict JSON
// decoders (the policy scanner, the simulate case decoder, the snapshot
// shape check): the decoding of string escapes, JSON pointer tokens,
// line:column from a byte offset, and the skimming of a value that
// another parser reads in full later. Each decoder keeps its own fast
// paths and its own wording of errors; this package only finds what is
// wrong and where. It is a leaf: it imports only the standard library and
// nothing of this module.
package jsonx

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// LineCol returns the 1-based line and column (in bytes) of offset off in
// data; off is clamped to the data.
func LineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// PointerToken escapes s for use as one reference token of a JSON pointer
// (RFC 6901): "~" becomes "~0" and "/" becomes "~1".
func PointerToken(s string) string {
	if strings.IndexByte(s, '~') < 0 && strings.IndexByte(s, '/') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '~':
			b.WriteString("~0")
		case '/':
			b.WriteString("~1")
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// Skim returns the offset just past the object or array that starts at
// data[start] ('{' or '['), following strings and brackets only: what is
// inside is left for the parser that reads the value in full. When the
// value does not close, end is -1 and inString reports whether the data
// ended inside a string.
func Skim[T ~string | ~[]byte](data T, start int) (end int, inString bool) {
	// Both shapes begin with the data's pointer and length: read as a
	// string, data is those two (a []byte's capacity is not looked at).
	s := *(*string)(unsafe.Pointer(&data))
	if start < 0 || start >= len(s) {
		return -1, false
	}
	return skim(unsafe.Pointer(unsafe.StringData(s)), len(s), start)
}

// skim is Skim over the n bytes at p from offset i (0 <= i < n).
func skim(p unsafe.Pointer, n, i int) (end int, inString bool) {
	// Eight bytes at a time. Before, Skim went byte by byte outside
	// strings and called quoteOrBackslash for each string (most shorter
	// than two words): 48.6 M instructions for the 6.2 MB of the 20,748
	// documents of the first 5,000 generated cases (63 a word), 6.5% of
	// simulate --jsonl on them. Visiting each quote and bracket of a word
	// (1.4 a word) cost as much or more (52.7 M; 48.7 M read through p):
	// here a quote costs nothing of its own. The word's quotes, one bit a
	// byte, times lsb sum up in each byte those at or before it, so the
	// sum's low bit (shifted to the high one) says whether the byte is in
	// a string; only the brackets outside strings are visited. A word
	// with a backslash or a bracket in a string (522 of the 504,125
	// strings of those documents) goes byte by byte. 34.3 M (44 a word),
	// the binary on them 750.5 M -> 735.0 M (callgrind, GOMAXPROCS=1,
	// GOGC=off); FuzzSkimOld holds it to the old loop.
	depth := 0
	var in uint64 // all ones when the word starts inside a string
	for last := n - 8; i <= last; {
		w := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, i))[:])
		quotes := zeroBytes(w ^ (lsb * '"'))
		strs := (quotes>>7*lsb)<<7 ^ in
		// '[', '\\', ']' and '{', '|', '}' (and '^', '_', '~', DEL),
		// folded onto 0x7b to 0x7f by the 0x20 bit and moved to 0x80 to
		// 0x84 by the 5, above the ASCII others (a carry into a byte
		// out of a byte of 0xfb or more flags more, never fewer).
		marks := (w | lsb*0x20 + lsb*5) &^ w & msb
		if marks&strs != 0 {
			var e int
			if i, depth, in, e = skimBytes(p, i, i+8, depth, in); e >= 0 {
				return e, false
			}
			continue
		}
		in = uint64(int64(strs) >> 63)
		for m := marks &^ strs; m != 0; m &= m - 1 {
			k := i + bits.TrailingZeros64(m)>>3
			switch *(*byte)(unsafe.Add(p, k)) | 0x20 {
			case '{':
				depth++
			case '}':
				if depth--; depth == 0 {
					return k + 1, false
				}
			}
		}
		i += 8
	}
	_, _, in, e := skimBytes(p, i, n, depth, in)
	return e, e < 0 && in != 0
}

// skimBytes is skim's state machine byte by byte, from i up to hi (or
// one past hi, the byte escaped by a backslash at hi-1): it returns where
// it stopped, the depth and string state there, and the end of the value
// when it closes (-1 otherwise).
func skimBytes(p unsafe.Pointer, i, hi, depth int, in uint64) (int, int, uint64, int) {
	for ; i < hi; i++ {
		b := *(*byte)(unsafe.Add(p, i))
		if in != 0 {
			if b == '"' {
				in = 0
			} else if b == '\\' {
				i++ // the byte after it is escaped
			}
			continue
		}
		switch b {
		case '"':
			in = ^uint64(0)
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return i + 1, depth, in, i + 1
			}
		}
	}
	return i, depth, in, -1
}

// zeroBytes flags (high bit) each byte of w that is zero, exactly: a
// byte x is zero when ((x|0x80)-1)|x has its high bit clear, and no byte
// borrows from the next (each is at least 0x80 before the 1 is taken).
func zeroBytes(w uint64) uint64 {
	return msb &^ ((w | msb) - lsb | w)
}

// Problem is what is wrong with a JSON string.
type Problem uint8

// Problems of a JSON string. The offset Unquote returns with each is that
// of the byte at fault.
const (
	OK           Problem = iota
	Unterminated         // the data ends inside the string (offset: len(data))
	Control              // an unescaped control character (offset: the character)
	InvalidUTF8          // a byte that is not UTF-8 (offset: the byte)
	EndInEscape          // the data ends just after a backslash (offset: the backslash)
	BadEscape            // a backslash followed by a character that is no escape (offset: the backslash)
	BadUnicode           // \u not followed by four hex digits (offset: the backslash)
)

// Escapes says what escapes a JSON string has.
type Escapes uint8

// Escapes Scan reports.
const (
	Escaped   Escapes = 1 << iota // some backslash escape
	Surrogate                     // some \u escape of a UTF-16 surrogate half (D800 to DFFF)
)

// plain marks the bytes a string may hold as they are and that need no
// check: not '"', not '\\', no control character, ASCII.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// Scan checks the rest of a JSON string, from offset i inside it (just
// after the opening quote) to its closing quote, without decoding it. It
// returns the offset just past the closing quote and what escapes the
// string has, or, when the string is not valid, the problem and the
// offset of the byte at fault. Every decoder's fast path is Scan: a string
// without escapes is data[i:end-1] as it stands; Unescape decodes one
// with escapes.
func Scan(data []byte, i int) (end int, esc Escapes, p Problem) {
	for i < len(data) {
		for i < len(data) && plain[data[i]] {
			i++
		}
		if i >= len(data) {
			break
		}
		c := data[i]
		switch {
		case c == '"':
			return i + 1, esc, OK
		case c < 0x20:
			return i, esc, Control
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				return i, esc, InvalidUTF8
			}
			i += size
		default: // '\\'
			if i+1 >= len(data) {
				return i, esc, EndInEscape
			}
			esc |= Escaped
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				r := hex4(data, i+2)
				if r < 0 {
					return i, esc, BadUnicode
				}
				if r >= 0xD800 && r < 0xE000 {
					esc |= Surrogate
				}
				i += 6
			default:
				return i, esc, BadEscape
			}
		}
	}
	return len(data), esc, Unterminated
}

// Unescape appends the decoded content of a string Scan accepted: s is
// what stands between its quotes. Escapes decode as encoding/json decodes
// them: a \u escape of a UTF-16 surrogate pair gives one character, and a
// surrogate half that is not part of a pair gives U+FFFD (the escape that
// follows it is read on its own).
func Unescape(buf, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			buf = append(buf, c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r := hex4(s, i+1)
			i += 4
			if r >= 0xD800 && r < 0xDC00 {
				// A high surrogate must be followed by \u and a low one.
				hi := r
				r = utf8.RuneError
				if i+2 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
					if lo := hex4(s, i+3); lo >= 0xDC00 && lo < 0xE000 {
						r = (hi-0xD800)<<10 | (lo - 0xDC00) + 0x10000
						i += 6
					}
				}
			} else if r >= 0xDC00 && r < 0xE000 {
				r = utf8.RuneError
			}
			buf = utf8.AppendRune(buf, r)
		default: // " \ /
			buf = append(buf, e)
		}
	}
	return buf
}

// Unquote decodes the rest of a JSON string, from offset i inside it (just
// after the opening quote, or after a part the caller has read already) to
// its closing quote, appending the content to buf: Scan, then Unescape.
// It returns buf and the offset just past the closing quote, or, when the
// string is not valid, the problem and the offset of the byte at fault.
func Unquote(buf, data []byte, i int) ([]byte, int, Problem) {
	end, esc, p := Scan(data, i)
	switch {
	case p != OK:
		return buf, end, p
	case esc == 0:
		return append(buf, data[i:end-1]...), end, OK
	}
	return Unescape(buf, data[i:end-1]), end, OK
}

// Space returns the offset of the first byte at or after off that is not
// JSON white space (len(data) when there is none).
func Space(data []byte, off int) int {
	for off < len(data) && data[off] <= ' ' && space[data[off]] {
		off++
	}
	return off
}

// space marks JSON's white space.
var space = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// KindName names the JSON type of a value that starts with byte c ("an
// object", "a string", ...), or is "" when no value starts with c.
func KindName(c byte) string {
	switch {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	}
	return ""
}

// HexVal is the value of the hex digit c, or -1.
func HexVal(c byte) rune {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0')
	case c >= 'a' && c <= 'f':
		return rune(c - 'a' + 10)
	case c >= 'A' && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// hex4 reads four hex digits at off, or returns -1.
func hex4(data []byte, off int) rune {
	if off+4 > len(data) {
		return -1
	}
	var r rune
	for i := 0; i < 4; i++ {
		v := HexVal(data[off+i])
		if v < 0 {
			return -1
		}
		r = r<<4 | v
	}
	return r
}

// Locate returns the offset of the first byte of the value that the JSON
// pointer ptr (RFC 6901: "" is the whole text, "/Statement/0/Resource"
// a member of a member) names in the JSON text data, or false when it
// names none or the text does not read as JSON on the way there. Of an
// object's members with the same key, the last counts, as the module's
// parsers read them.
func Locate(data []byte, ptr string) (int, bool) {
	i := Space(data, 0)
	var key []byte
	for ptr != "" {
		if ptr[0] != '/' || i >= len(data) {
			return 0, false
		}
		ptr = ptr[1:]
		tok := ptr
		if j := strings.IndexByte(ptr, '/'); j >= 0 {
			tok, ptr = ptr[:j], ptr[j:]
		} else {
			ptr = ""
		}
		if strings.IndexByte(tok, '~') >= 0 {
			tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		}
		switch data[i] {
		case '{':
			found := -1
			j := Space(data, i+1)
			for j < len(data) && data[j] == '"' {
				var end int
				var p Problem
				key, end, p = Unquote(key[:0], data, j+1)
				if p != OK {
					return 0, false
				}
				if j = Space(data, end); j >= len(data) || data[j] != ':' {
					return 0, false
				}
				j = Space(data, j+1)
				if string(key) == tok {
					found = j
				}
				if j = skipValue(data, j); j < 0 {
					return 0, false
				}
				if j = Space(data, j); j < len(data) && data[j] == ',' {
					j = Space(data, j+1)
				}
			}
			if found < 0 {
				return 0, false
			}
			i = found
		case '[':
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || tok != strconv.Itoa(n) {
				return 0, false
			}
			j := Space(data, i+1)
			for k := 0; k < n; k++ {
				if j >= len(data) || data[j] == ']' {
					return 0, false
				}
				if j = skipValue(data, j); j < 0 {
					return 0, false
				}
				if j = Space(data, j); j >= len(data) || data[j] != ',' {
					return 0, false
				}
				j = Space(data, j+1)
			}
			if j >= len(data) || data[j] == ']' {
				return 0, false
			}
			i = j
		default:
			return 0, false
		}
	}
	return i, i < len(data)
}

// skipValue returns the offset just past the value that starts at
// data[i], or -1 when it does not end.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '{', '[':
		end, _ := Skim(data, i)
		return end
	case '"':
		end, _, p := Scan(data, i+1)
		if p != OK {
			return -1
		}
		return end
	}
	for i < len(data) {
		switch data[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}
