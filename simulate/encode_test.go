package simulate

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

func marshalStd(t testing.TB, r *Result) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// AppendJSON writes exactly what encoding/json writes.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	results := []*Result{
		{},
		{ID: "x", Decision: "Allowed", Layer: "identity"},
		{ID: "q\"\\\n\t\r\b\f\x01<>&\u2028\u2029é😀\xff", Decision: "ExplicitDeny", Layer: "scp",
			Layers:         []LayerResult{{Layer: "scp", Verdict: "ExplicitDeny", Required: true, Note: "n", Target: "r-root"}, {Layer: "identity", Verdict: "Allow"}},
			Deciding:       []StatementRef{{Layer: "scp", Target: "ou-1", Policy: "p", Statement: 3, Sid: "S", Effect: "Deny", Line: 4, Column: 9, Pointer: "/Statement/3"}, {Layer: "identity", Policy: "q", Effect: "Allow"}},
			MissingContext: []string{"aws:SourceVpc", "k"},
			Message:        "User: a is not authorized",
			Warnings:       []Warning{{Path: "/p", Message: "w"}},
		},
		{ID: "e", Error: &CaseError{Message: "bad", Path: "/request"}},
		{Error: &CaseError{Message: "bad"}},
	}
	for _, r := range results {
		got := r.AppendJSON(nil)
		if want := marshalStd(t, r); !bytes.Equal(got, want) {
			t.Errorf("AppendJSON\n got %s\nwant %s", got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	f.Add("plain", "x")
	f.Add("q\"\\\n\x00\u2028\xff", "é")
	f.Add("arn:aws:iam::111122223333:role/a\"b", "statement 0 of \"policy\" allows\x01 it\u2029 éé \x7f")
	f.Fuzz(func(t *testing.T, a, b string) {
		r := &Result{ID: a, Message: b, MissingContext: []string{a}, Warnings: []Warning{{Path: b, Message: a}}}
		if got, want := r.AppendJSON(nil), marshalStd(t, r); !bytes.Equal(got, want) {
			t.Fatalf("AppendJSON\n got %q\nwant %q", got, want)
		}
	})
}

// A field added to Result (or its parts) must be added to AppendJSON too.
func TestAppendJSONCoversFields(t *testing.T) {
	for _, c := range []struct {
		typ reflect.Type
		n   int
	}{
		{reflect.TypeFor[Result](), 9}, {reflect.TypeFor[LayerResult](), 5}, {reflect.TypeFor[StatementRef](), 9},
		{reflect.TypeFor[Warning](), 2}, {reflect.TypeFor[CaseError](), 2},
	} {
		if got := c.typ.NumField(); got != c.n {
			t.Errorf("%v has %d fields, AppendJSON writes %d: update it", c.typ, got, c.n)
		}
	}
}
