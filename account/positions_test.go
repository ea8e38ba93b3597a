package account

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	data := []byte(`{
  "roles": [
    {"arn": "a", "tags": [{"key": "k"}]},
    {
      "arn": "b"
    }
  ],
  "plans": {"we/ekly": {"vault": "V"}, "x": [1, {"y": 2}]},
  "n": 3
}`)
	got := Lines(data, 2)
	want := map[string]int{"": 1, "/roles": 2, "/roles/0": 3, "/roles/1": 4, "/plans": 8, "/plans/we~1ekly": 8, "/plans/x": 8}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	// Depth 3 adds /roles/0/tags and /plans/x/1.
	if l := Lines(data, 3); l["/roles/0/tags"] != 3 || l["/plans/x/1"] != 8 || l["/roles/0/tags/0"] != 0 {
		t.Errorf("depth 3: %v", l)
	}
	// Malformed JSON: what was read before the error.
	if l := Lines([]byte("{\n \"a\": [\n  {,"), 3); l["/a"] != 2 || l["/a/0"] != 3 {
		t.Errorf("malformed: %v", l)
	}
}

// linesCases are documents on which Lines' scanner and linesDecoder must
// agree: the well-formed ones the scanner reads, and ones it leaves to
// linesDecoder.
var linesCases = []string{
	`{}`, `[]`, `"x"`, `3`, `null`, ``, ` `, `{"a":[]}`,
	"{\n\"a\": {\"b\": [1, 2, {\"c\": [\n{}]}]},\n\"a\": [{}]\n}",
	`{"k/~\u002f\"":{"x":[[],[[{}]]]}, "é": [{"\ud83d\ude00": {}}]}`,
	`{"a":-0.5e+10,"b":[true,false,null,0,-1,1.25E-3,"\\n"]}`,
	"{\"a\":[1,\n2,\n{\"b\":3}]}\n{\"c\":{}}", // a second value
	"{\"a\":[01]}", `{"a":1.}`, `{"a":-}`, `{"a":tru}`, `{"a":1 2}`, `{"a"}`, `{,}`, `[1,]`, `{"a":1,}`,
	"{\"a\":\"\x01\"}", "{\"a\xff\":{}}", "\xef\xbb\xbf{}", `{"a":"\x"}`,
	strings.Repeat("[", 1200) + strings.Repeat("]", 1200),
	strings.Repeat(`{"a":`, 20) + "1" + strings.Repeat("}", 20),
}

// Lines' scanner gives what linesDecoder gives, at every depth, on
// well-formed and malformed documents and on a synthetic snapshot.
func TestLinesAgree(t *testing.T) {
	var snap bytes.Buffer
	s := Synthetic(50, 1)
	SyntheticRecoveryPoints(s, 50)
	if err := Save(&snap, s, false); err != nil {
		t.Fatal(err)
	}
	docs := append(append([]string(nil), linesCases...), snap.String())
	for _, doc := range docs {
		for depth := -1; depth <= 6; depth++ {
			got, want := Lines([]byte(doc), depth), linesDecoder([]byte(doc), depth)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("depth %d, %.80q:\ngot  %v\nwant %v", depth, doc, got, want)
			}
		}
	}
	if l := Lines(snap.Bytes(), 4); len(l) < 100 || l["/recoveryPoints/49"] == 0 {
		t.Errorf("the synthetic snapshot gave %d pointers: %v", len(l), l["/recoveryPoints/49"])
	}
}

// FuzzLines: Lines' scanner and linesDecoder agree on any data.
func FuzzLines(f *testing.F) {
	for _, c := range linesCases {
		f.Add([]byte(c), 3)
	}
	f.Fuzz(func(t *testing.T, data []byte, depth int) {
		depth = depth%8 - 1
		if got, want := Lines(data, depth), linesDecoder(data, depth); !reflect.DeepEqual(got, want) {
			t.Fatalf("depth %d, %q:\ngot  %v\nwant %v", depth, data, got, want)
		}
	})
}
