package account

import (
	"reflect"
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
