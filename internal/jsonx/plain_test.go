package jsonx

import "testing"

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
			if got := quoteOrBackslash(string(b), i); got != want {
				t.Fatalf("quoteOrBackslash(string %q, %d) = %d, want %d", b, i, got, want)
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
