package jsonx

import (
	"math/bits"
	"testing"
)

// skimReference is Skim as it was, byte by byte: Skim must agree with it
// on any input (FuzzPlainScans).
func skimReference(data []byte, start int) (end int, inString bool) {
	depth := 0
	for i := start; i < len(data); i++ {
		switch data[i] {
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
			if i >= len(data) {
				return -1, true
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1, false
			}
		}
	}
	return -1, false
}

// FuzzPlainScans holds the word-at-a-time scans to byte-by-byte ones, at
// every start offset.
func FuzzPlainScans(f *testing.F) {
	for _, s := range []string{
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}`, `["a\"b\\",{"c":"d\\\"e"}]`,
		"abcdefgh\"ijklmnop", "abcdefghijklmno\\", "abcdefg\x1fhijk", "abcdefgh\x80é", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\"",
		"                 \x20\x21\x23\x5b\x5d\x7e", `{"a":"` + "\\",
		`{"k":"#a"}`, `abcdefgh"#"\]`, "\x1f\"#\\]\x00!", `"\]#]]]]]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := 0; i <= len(b); i++ {
			want := len(b)
			for j := i; j < len(b); j++ {
				if c := b[j]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
					want = j
					break
				}
			}
			if got := PlainEnd(b, i); got != want {
				t.Fatalf("PlainEnd(%q, %d) = %d, want %d", b, i, got, want)
			}
			want = len(b)
			for j := i; j < len(b); j++ {
				if b[j] == '"' || b[j] == '\\' {
					want = j
					break
				}
			}
			if got := quoteOrBackslash(b, i); got != want {
				t.Fatalf("quoteOrBackslash(%q, %d) = %d, want %d", b, i, got, want)
			}
			if i < len(b) && (b[i] == '{' || b[i] == '[') {
				end, in := Skim(b, i)
				wend, win := skimReference(b, i)
				if end != wend || in != win {
					t.Fatalf("Skim(%q, %d) = %d, %v; byte by byte %d, %v", b, i, end, in, wend, win)
				}
			}
		}
	})
}

// TestPlainEndLastWord pins PlainEnd's last word, read from before the
// offset: a quote or backslash just before it borrows from the byte after
// it ('#' after '"', ']' after '\\'), which must not be flagged.
func TestPlainEndLastWord(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		i    int
		want int
	}{
		{`{"k":"#a"}`, 6, 8},
		{`{"k":"#a"}`, 7, 8},
		{`abcdefgh"#]]`, 9, 12},
		{`abcdefgh\]]x`, 9, 12},
		{"abcdefgh\"\x00", 9, 9},
		{`abcdefgh"`, 8, 8},
		{`abcdefghij`, 3, 10},
	} {
		if got := PlainEnd([]byte(tc.in), tc.i); got != tc.want {
			t.Errorf("PlainEnd(%q, %d) = %d, want %d", tc.in, tc.i, got, tc.want)
		}
	}
}

// skimOld is Skim before its word-at-a-time loop (until 2026-12-04): byte
// by byte outside strings, quoteOrBackslash across each string.
func skimOld[T ~string | ~[]byte](data T, start int) (end int, inString bool) {
	depth := 0
	for i := start; i < len(data); i++ {
		switch data[i] {
		case '"':
			for i = quoteOrBackslash(data, i+1); i < len(data) && data[i] != '"'; i = quoteOrBackslash(data, i+1) {
				i++ // the backslash: the byte after it is escaped
			}
			if i >= len(data) {
				return -1, true
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1, false
			}
		}
	}
	return -1, false
}

// zeros (quoteOrBackslash's) has the high bit set in each byte of w that is zero, and maybe in
// bytes above one that is (a borrow): its lowest set bit is exact.
func zeros(w uint64) uint64 { return (w - lsb) &^ w & msb }

// quoteOrBackslash returns the offset of the first '"' or '\\' of b at or
// after i, or len(b) (at least i): skimOld's string scan.
func quoteOrBackslash[T ~string | ~[]byte](b T, i int) int {
	for ; i+8 <= len(b); i += 8 {
		c := b[i : i+8]
		w := uint64(c[0]) | uint64(c[1])<<8 | uint64(c[2])<<16 | uint64(c[3])<<24 |
			uint64(c[4])<<32 | uint64(c[5])<<40 | uint64(c[6])<<48 | uint64(c[7])<<56
		if m := zeros(w^(lsb*'"')) | zeros(w^(lsb*'\\')); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if b[i] == '"' || b[i] == '\\' {
			return i
		}
	}
	return i
}

// FuzzSkimOld holds Skim's word-at-a-time loop to the loop it replaced,
// for []byte and string, at every start offset (brackets or not): the
// seeds put a backslash at each end of a word, brackets and backslashes
// inside strings, and bytes of 0xfb or more (whose carry flags more).
func FuzzSkimOld(f *testing.F) {
	for _, s := range []string{
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}`,
		`{"a":"1234\"x","b":[1,2]}`, `{"abcd":"\\\\\\\\"}]`, `["\"[{\\"]`, "[\xff}\xfb]\xfe{\"\xfc\"}]",
		`{"a":"b\`, `[[[[[[[[]]]]]]]]]`, `x}{"]"}`, `{"_^|~":"_^|~\x7f"}`, "{\"\x00\x01\\\x80\":[\"\xe3\x81\x82\"]}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := -1; i <= len(b); i++ {
			wend, win := -1, false
			if i >= 0 {
				wend, win = skimOld(b, i)
			}
			if end, in := Skim(b, i); end != wend || in != win {
				t.Fatalf("Skim(%q, %d) = %d, %v; before %d, %v", b, i, end, in, wend, win)
			}
			if end, in := Skim(string(b), i); end != wend || in != win {
				t.Fatalf("Skim(string %q, %d) = %d, %v; before %d, %v", b, i, end, in, wend, win)
			}
		}
	})
}
