package report

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// appendIndent writes what json.Indent writes, on encoder output of every
// shape: empty and nested containers, strings with escaped quotes and
// backslashes, HTML escapes, numbers, literals, and random values.
func TestAppendIndentIsJSONIndent(t *testing.T) {
	values := []any{
		nil, true, 0, -1.5e300, "", `"`, `\`, `\"`, `a\\"b`, "<&>\u2028\x00é", []any{}, map[string]any{},
		[]any{[]any{}, map[string]any{}, []any{[]any{1}}}, map[string]any{`k"\`: []any{"x", map[string]any{"": nil}}},
		strings.Repeat(`\"{[,:]}`, 100),
	}
	r := rand.New(rand.NewSource(1))
	for range 500 {
		values = append(values, randomValue(r, 4))
	}
	rep := synthetic(3)
	values = append(values, rep)
	for _, it := range rep.Items {
		for _, f := range it.Findings {
			if f.Fix != nil {
				values = append(values, f.Fix)
			}
		}
	}
	for _, prefix := range []string{"", "      "} {
		for i, v := range values {
			for _, escape := range []bool{false, true} {
				var raw bytes.Buffer
				enc := json.NewEncoder(&raw)
				enc.SetEscapeHTML(escape)
				if err := enc.Encode(v); err != nil {
					t.Fatal(err)
				}
				src := bytes.TrimSuffix(raw.Bytes(), []byte("\n"))
				var want bytes.Buffer
				if err := json.Indent(&want, src, prefix, "  "); err != nil {
					t.Fatal(err)
				}
				if got := appendIndent([]byte("x"), src, prefix); !bytes.Equal(got[1:], want.Bytes()) || got[0] != 'x' {
					t.Fatalf("value %d (prefix %q): got\n%s\nwant\n%s", i, prefix, got, want.Bytes())
				}
			}
		}
	}
	// Not JSON: something, no panic.
	for _, bad := range []string{`}}]]`, `"open`, `{"a":"\`, `[,,:`} {
		appendIndent(nil, []byte(bad), "  ")
	}
}

func randomValue(r *rand.Rand, depth int) any {
	k := r.Intn(7)
	if depth == 0 {
		k = r.Intn(4)
	}
	switch k {
	case 0:
		return nil
	case 1:
		return r.Intn(2) == 0
	case 2:
		return r.NormFloat64() * 1e6
	case 3:
		return randomString(r)
	case 4, 5:
		a := make([]any, r.Intn(4))
		for i := range a {
			a[i] = randomValue(r, depth-1)
		}
		return a
	default:
		m := map[string]any{}
		for range r.Intn(4) {
			m[randomString(r)] = randomValue(r, depth-1)
		}
		return m
	}
}

func randomString(r *rand.Rand) string {
	rs := []rune("ab\"\\/<>&\n\t\u00e9\u2028 {}[],:")
	var b strings.Builder
	for range r.Intn(12) {
		b.WriteRune(rs[r.Intn(len(rs))])
	}
	return b.String()
}

// The fix documents of a synthetic audit indented by appendIndent and by
// json.Indent (which it replaces).
func BenchmarkIndentFixes(b *testing.B) {
	rep := synthetic(3)
	var docs [][]byte
	size := 0
	for _, it := range rep.Items {
		for _, f := range it.Findings {
			if f.Fix != nil {
				d, err := f.Fix.MarshalJSON()
				if err != nil {
					b.Fatal(err)
				}
				docs = append(docs, d)
				size += len(d)
			}
		}
	}
	b.Run("appendIndent", func(b *testing.B) {
		b.SetBytes(int64(size))
		var out []byte
		for b.Loop() {
			for _, d := range docs {
				out = appendIndent(out[:0], d, "    ")
			}
		}
	})
	b.Run("json.Indent", func(b *testing.B) {
		b.SetBytes(int64(size))
		var out bytes.Buffer
		for b.Loop() {
			for _, d := range docs {
				out.Reset()
				json.Indent(&out, d, "    ", "  ")
			}
		}
	})
}

// unescapeHTML turns json.Marshal's HTML escapes back into the characters,
// in strings only where they are escapes (not an escaped backslash before
// "u003c"), and the document decodes to the same value.
func TestUnescapeHTML(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`{"a":"x\u003cy\u003e\u0026z"}`, `{"a":"x<y>&z"}`},
		{`["\u003C\u003E"]`, `["<>"]`},
		{`["\\u003c"]`, `["\\u003c"]`},
		{`["\\\u003c"]`, `["\\<"]`},
		{`["\u2028\"\u0027"]`, `["\u2028\"\u0027"]`},
		{`"plain"`, `"plain"`},
		{`"\u00`, `"\u00`},
	} {
		got := string(unescapeHTML([]byte(tt.in)))
		if got != tt.want {
			t.Errorf("unescapeHTML(%s) = %s, want %s", tt.in, got, tt.want)
		}
		var a, b any
		if json.Unmarshal([]byte(tt.in), &a) == nil {
			if err := json.Unmarshal([]byte(got), &b); err != nil || !reflect.DeepEqual(a, b) {
				t.Errorf("unescapeHTML(%s) = %s decodes to %v (%v), want %v", tt.in, got, b, err, a)
			}
		}
	}
}
