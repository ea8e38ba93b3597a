package jsonx

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLineCol(t *testing.T) {
	t.Parallel()
	data := []byte("ab\ncd\n\nx")
	for _, tc := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 3}, {6, 3, 1}, {7, 4, 1}, {8, 4, 2}, {99, 4, 2}, {-1, 1, 1},
	} {
		if l, c := LineCol(data, tc.off); l != tc.line || c != tc.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tc.off, l, c, tc.line, tc.col)
		}
	}
}

func TestPointerToken(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"": "", "a": "a", "a/b": "a~1b", "~": "~0", "~/~1": "~0~1~01", "ü/": "ü~1"} {
		if got := PointerToken(in); got != want {
			t.Errorf("PointerToken(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSkim(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in       string
		end      int
		inString bool
	}{
		{`{}`, 2, false},
		{`[1,{"a":"}"}] tail`, 13, false},
		{`{"a\"}":1}x`, 10, false},
		{`{"a":[`, -1, false},
		{`{"a":"b`, -1, true},
		{`{"a":"b\`, -1, true},
	} {
		end, in := Skim(tc.in, 0)
		if end != tc.end || in != tc.inString {
			t.Errorf("Skim(%q) = %d, %v; want %d, %v", tc.in, end, in, tc.end, tc.inString)
		}
		if e2, in2 := Skim([]byte(tc.in), 0); e2 != end || in2 != in {
			t.Errorf("Skim([]byte(%q)) differs from Skim(string)", tc.in)
		}
	}
}

func TestUnquote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string // after the opening quote
		want string
		p    Problem
		off  int
	}{
		{`abc"`, "abc", OK, 4},
		{`a\"b\\c\/d\b\f\n\r\t"x`, "a\"b\\c/d\b\f\n\r\t", OK, 21},
		{`\u00e9\u4E2D"`, "é中", OK, 13},
		{`\ud83d\ude00"`, "😀", OK, 13},
		{`\ud83dA"`, "\uFFFDA", OK, 8},
		{`\ud800\u0041"`, "\uFFFDA", OK, 13},
		{`\udc00"`, "\uFFFD", OK, 7},
		{`ab`, "", Unterminated, 2},
		{"a\tb\"", "", Control, 1},
		{"a\xffb\"", "", InvalidUTF8, 1},
		{`ab\`, "", EndInEscape, 2},
		{`a\x"`, "", BadEscape, 1},
		{`a\u12"`, "", BadUnicode, 1},
		{`a\u12G4"`, "", BadUnicode, 1},
	} {
		got, off, p := Unquote(nil, []byte(tc.in), 0)
		if p != tc.p || off != tc.off || (p == OK && string(got) != tc.want) {
			t.Errorf("Unquote(%q) = %q, %d, %d; want %q, %d, %d", tc.in, got, off, p, tc.want, tc.off, tc.p)
		}
	}
}

// FuzzUnquote checks Unquote against encoding/json on every string body
// that is valid UTF-8 (encoding/json replaces invalid UTF-8 where the
// strict decoders refuse it).
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`abc`, `\u00e9\ud83d\ude00`, `\ud800\u0041`, `\x`, `\u12`, "\t", `\\\/`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) || strings.Contains(body, `"`) {
			return
		}
		data := []byte(body + `"`)
		got, end, p := Unquote([]byte("pre"), data, 0)
		var want string
		err := json.Unmarshal([]byte(`"`+body+`"`), &want)
		if (err == nil) != (p == OK) {
			t.Fatalf("Unquote(%q): problem %d at %d; encoding/json: %v", body, p, end, err)
		}
		if p == OK && ("pre"+want != string(got) || end != len(data)) {
			t.Fatalf("Unquote(%q) = %q, %d; encoding/json gives %q", body, got, end, want)
		}
		if p != OK && (end < 0 || end > len(data)) {
			t.Fatalf("Unquote(%q): offset %d out of range", body, end)
		}
	})
}

// FuzzSkim checks that Skim finds the end of every valid object or array.
func FuzzSkim(f *testing.F) {
	for _, s := range []string{`{"a":[1,"]"]}`, `[{},[],"\"{"]`, `{"a":`} {
		f.Add(s, " tail")
	}
	f.Fuzz(func(t *testing.T, v, tail string) {
		end, _ := Skim(v+tail, 0)
		if end > len(v+tail) {
			t.Fatalf("Skim(%q) = %d past the end", v+tail, end)
		}
		if len(v) == 0 || (v[0] != '{' && v[0] != '[') || !json.Valid([]byte(v)) {
			return
		}
		if want := len(strings.TrimRight(v, " \t\r\n")); end != want {
			t.Fatalf("Skim(%q) = %d, want %d", v+tail, end, want)
		}
	})
}

func TestScan(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in  string // after the opening quote
		end int
		esc Escapes
		p   Problem
	}{
		{`abc"x`, 4, 0, OK},
		{`é中"`, 6, 0, OK},
		{`a\nb"`, 5, Escaped, OK},
		{`\u00e9"`, 7, Escaped, OK},
		{`\ud83d\ude00"`, 13, Escaped | Surrogate, OK},
		{`\udc00"`, 7, Escaped | Surrogate, OK},
		{`ab`, 2, 0, Unterminated},
		{"a\x1fb\"", 1, 0, Control},
		{"a\xc3\"", 1, 0, InvalidUTF8},
		{`a\`, 1, 0, EndInEscape},
		{`a\q"`, 1, Escaped, BadEscape},
		{`a\u00"`, 1, Escaped, BadUnicode},
	} {
		end, esc, p := Scan([]byte(tc.in), 0)
		if end != tc.end || esc != tc.esc || p != tc.p {
			t.Errorf("Scan(%q) = %d, %b, %d; want %d, %b, %d", tc.in, end, esc, p, tc.end, tc.esc, tc.p)
		}
	}
}

func TestSpaceAndKindName(t *testing.T) {
	t.Parallel()
	data := []byte(" \t\r\n x ")
	if got := Space(data, 0); got != 5 {
		t.Errorf("Space = %d, want 5", got)
	}
	if got := Space(data, 6); got != 7 {
		t.Errorf("Space at the end = %d, want 7", got)
	}
	for c, want := range map[byte]string{'{': "an object", '[': "an array", '"': "a string", 't': "a boolean", 'f': "a boolean", 'n': "null", '-': "a number", '0': "a number", '9': "a number", 'x': "", '}': "", 0: ""} {
		if got := KindName(c); got != want {
			t.Errorf("KindName(%q) = %q, want %q", c, got, want)
		}
	}
}

func TestLocate(t *testing.T) {
	t.Parallel()
	doc := []byte(`{"Version": "2012-10-17",
 "Statement": [
  {"Effect": "Allow", "Resource": "arn:aws:s3:::a"},
  {"Effect":"Deny","Resource":["x", {"k":[1,2]}, "arn:aws:s3:::b/${aws:TagKeys}"],
   "a\/b~c": true, "d": 1, "d": 2, "e\u0041": null}
 ]}`)
	for _, tt := range []struct {
		ptr, want string // want: the text at the offset, "" when none
	}{
		{"", `{"Version"`},
		{"/Version", `"2012-10-17"`},
		{"/Statement/0/Resource", `"arn:aws:s3:::a"`},
		{"/Statement/1/Resource", `["x"`},
		{"/Statement/1/Resource/2", `"arn:aws:s3:::b/${`},
		{"/Statement/1/Resource/1/k/1", `2]`},
		{"/Statement/1/a~1b~0c", `true`},
		{"/Statement/1/d", `2,`}, // the last of two members
		{"/Statement/1/eA", `null`},
		{"/Statement/2", ""},
		{"/Statement/1/Resource/3", ""},
		{"/Statement/01", ""},
		{"/Statement/-1", ""},
		{"/Version/0", ""},
		{"/Nope", ""},
		{"Statement", ""},
	} {
		off, ok := Locate(doc, tt.ptr)
		switch {
		case tt.want == "" && ok:
			t.Errorf("Locate(%q) = %d, want none", tt.ptr, off)
		case tt.want != "" && (!ok || !bytes.HasPrefix(doc[off:], []byte(tt.want))):
			t.Errorf("Locate(%q) = %d, %v, want the offset of %q", tt.ptr, off, ok, tt.want)
		}
	}
	for _, bad := range []string{``, `{`, `{"a"`, `{"a":`, `{"a":[1,`, `{"a":"x`, `[1 2]`} {
		if off, ok := Locate([]byte(bad), "/a/1"); ok {
			t.Errorf("Locate(%q) = %d, want none", bad, off)
		}
	}
}

func FuzzLocate(f *testing.F) {
	f.Add([]byte(`{"Statement":[{"Resource":["a","b"]}]}`), "/Statement/0/Resource/1")
	f.Add([]byte(`{"a":{"b":"c"}}`), "/a/b")
	f.Fuzz(func(t *testing.T, data []byte, ptr string) {
		if off, ok := Locate(data, ptr); ok && (off < 0 || off >= len(data)) {
			t.Fatalf("Locate = %d, outside the %d bytes", off, len(data))
		}
	})
}
