package simulate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/deniedhq/denied/internal/jsonx"
)

// TestDecodeStringEscapes checks that escapes decode as encoding/json
// decodes them, surrogate halves that are not a pair included.
func TestDecodeStringEscapes(t *testing.T) {
	t.Parallel()
	for _, in := range []string{`\ud83d\ude00`, `\ud83d\u0041`, `\ud83d\ud83d\ude00`, `\ude00x`, `a\/\"\t\u00e9`} {
		c, err := decodeCase([]byte(`{"id": "`+in+`"}`), false)
		var want string
		if jerr := json.Unmarshal([]byte(`"`+in+`"`), &want); jerr != nil || err != nil || c.ID != want {
			t.Errorf("%s: id %q (%v), encoding/json gives %q (%v)", in, c.ID, err, want, jerr)
		}
	}
}

func TestDecodeCaseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, path, msg string
	}{
		{`[]`, "", "the case must be an object, not an array"},
		{`{"request": 3}`, "/request", "must be an object, not a number"},
		{`{"request": {"principal": true}}`, "/request/principal", "must be a string, not a boolean"},
		{`{"identityPolicies": {}}`, "/identityPolicies", "must be an array, not an object"},
		{`{"identityPolicies": [{"name": "a", "doc": {}}]}`, "/identityPolicies/0/doc", `unknown field "doc"`},
		{`{"id": "a", "id": "b"}`, "/id", `the field "id" appears twice`},
		{`{"request": {"Action": "s3:GetObject"}}`, "/request/Action", `did you mean "action"?`},
		{`{"serviceControlPolicies": [{"target": "r-1", "policies": [{"document": {}}, 7]}]}`, "/serviceControlPolicies/0/policies/1", "must be an object"},
		{`{"request": {"context": {"a/b~c": }}}`, "", "invalid JSON at 1:35"},
		{`{"id": "x"} trailing`, "", "expected the end of the case"},
		{"{\"id\": \"\x01\"}", "", "control characters must be escaped"},
		{`{"id": "\q"}`, "", "a valid escape"},
		{"{\"id\": \"\\n\xff\"}", "", "invalid JSON at 1:11: expected valid UTF-8"},
		{`{"id": "\n\u12"}`, "", "invalid JSON at 1:13: expected four hex digits"},
		{`{"id": 01}`, "", "a number"},
		{"", "", "invalid JSON at 1:1"},
	}
	for _, tt := range tests {
		_, err := decodeCase([]byte(tt.in), false)
		ce, ok := err.(*CaseError)
		if !ok || ce.Path != tt.path || !strings.Contains(ce.Message, tt.msg) {
			t.Errorf("%s: got %v, want path %q and %q", tt.in, err, tt.path, tt.msg)
		}
	}
}

func TestDecodeCaseValues(t *testing.T) {
	t.Parallel()
	in := `{"id":"\u00e9\ud83d\ude00\/\n","request":{"principal":"p","action":"s3:GetObject","context":{"k":["a",1,true],"n":null}},
	"identityPolicies":[{"name":"i","document":{"Version":"2012-10-17","Statement":[]}}],"permissionsBoundary":null,
	"resourcePolicy":{"document":"{\"Version\":\"2012-10-17\"}"},"serviceControlPolicies":[{"target":"r","policies":[]}],"vpcEndpointPolicies":null}`
	got, err := decodeCase([]byte(in), false)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "é😀/\n" {
		t.Errorf("id %q", got.ID)
	}
	if string(got.Request.Context["k"]) != `["a",1,true]` || string(got.Request.Context["n"]) != "null" {
		t.Errorf("context %s", got.Request.Context)
	}
	if got.PermissionsBoundary != nil || got.ResourcePolicy == nil || string(got.ResourcePolicy.Document) != `"{\"Version\":\"2012-10-17\"}"` {
		t.Errorf("policies %+v %+v", got.PermissionsBoundary, got.ResourcePolicy)
	}
	if len(got.ServiceControlPolicies) != 1 || got.ServiceControlPolicies[0].Target != "r" {
		t.Errorf("scps %+v", got.ServiceControlPolicies)
	}
}

// FuzzDecodeCase checks the decoder against encoding/json: whatever
// encoding/json decodes strictly (and has no duplicate keys), decodeCase
// decodes to the same case; nothing panics.
func FuzzDecodeCase(f *testing.F) {
	f.Add([]byte(`{"id":"a","request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject","context":{"aws:SourceIp":"10.0.0.1"}},"identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}}]}`))
	f.Add([]byte(`{"serviceControlPolicies":[{"target":"r-root","policies":[{"name":"x","document":"%7B%7D"}]}],"managementAccount":"999988887777"}`))
	f.Add([]byte(`{"id":"\u0041\t","request":{"context":{"k":[1,2.5e3,false]}}}`))
	f.Add([]byte(`{"request":{"context":{"k":[ "a" , "b c" ]}}}`))
	f.Add([]byte(`{"request":{"context":{"k":["a",1]}}}`))
	f.Add([]byte(`{"request":{"context":{" ":"a"}}}`))
	f.Add([]byte(`{"request":{"context":{"k":["a",]}}}`))
	f.Add([]byte(`{"request":{"context":{"k":"\u00e9"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decodeCase(data, false)
		checkShared(t, data, got, err)
		var want Case
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if !json.Valid(data) || !utf8.Valid(data) || dec.Decode(&want) != nil || bytes.Count(data, []byte(`"`)) > 200 {
			return
		}
		if err != nil {
			if strings.Contains(err.Error(), "appears twice") || strings.Contains(err.Error(), "case-sensitive") {
				return
			}
			t.Fatalf("encoding/json accepts %q, decodeCase says %v", data, err)
		}
		normalize := func(c *Case) string {
			b, _ := json.Marshal(c)
			var v any
			_ = json.Unmarshal(b, &v)
			b, _ = json.Marshal(v)
			return string(b)
		}
		if g, w := normalize(got), normalize(&want); g != w && !reflect.DeepEqual(g, w) {
			t.Fatalf("decodeCase %s\nencoding/json %s", g, w)
		}
	})
}

// checkShared checks that decoding data shared (strings share it, the
// context is decoded at once) gives the case and error that copying does
// (got, err), and the same context or context error from Input.
func checkShared(t *testing.T, data []byte, got *Case, err error) {
	t.Helper()
	shared, serr := decodeCase(bytes.Clone(data), true)
	if (err == nil) != (serr == nil) || err != nil && err.Error() != serr.Error() {
		t.Fatalf("%q: copied: %v, shared: %v", data, err, serr)
	}
	if err != nil {
		return
	}
	if shared.ID != got.ID || shared.Request.Principal != got.Request.Principal || shared.Request.Action != got.Request.Action || len(shared.IdentityPolicies) != len(got.IdentityPolicies) {
		t.Fatalf("%q: shared %+v, copied %+v", data, shared, got)
	}
	if len(got.Request.Context) > 1 {
		// With several keys the copying path reports one bad value in
		// map order: compare only when there is one key.
		return
	}
	want, werr := decodeContext(got.Request.Context, false)
	sin, serr := shared.Input()
	if (werr == nil) != (serr == nil) || werr != nil && werr.Error() != serr.Error() {
		t.Fatalf("%q: context error copied %v, shared %v", data, werr, serr)
	}
	if werr != nil {
		return
	}
	if !reflect.DeepEqual(want, sin.Request.Context) {
		t.Fatalf("%q: context copied %q, shared %q", data, want, sin.Request.Context)
	}
}

// TestDecodeDuplicateKeys checks that a key given twice is an error
// wherever the two are in an object of many keys (past the decoder's
// buffer of 32 too), and that keys alike in length and letters are not.
func TestDecodeDuplicateKeys(t *testing.T) {
	t.Parallel()
	var keys []string
	for i := range 40 {
		keys = append(keys, fmt.Sprintf("aws:K%02d", i), fmt.Sprintf("aws:k%02d", i))
	}
	keys = append(keys, "", "a", "ab", "ba", "x/y", "y/x")
	obj := func(ks []string) []byte {
		var b strings.Builder
		b.WriteString(`{"request":{"principal":"*","action":"s3:GetObject","context":{`)
		for i, k := range ks {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%q:\"v\"", k)
		}
		b.WriteString(`}}}`)
		return []byte(b.String())
	}
	for _, shared := range []bool{false, true} {
		if _, err := decodeCase(obj(keys), shared); err != nil {
			t.Fatalf("distinct keys: %v", err)
		}
		for i, k := range keys {
			ks := append(append(append([]string(nil), keys[:i+1]...), keys[i+1:i+1+min(3, len(keys)-i-1)]...), k)
			_, err := decodeCase(obj(ks), shared)
			want := "/request/context/" + jsonx.PointerToken(k) + `: the field "` + k + `" appears twice`
			if err == nil || err.Error() != want {
				t.Errorf("%q twice: %v, want %s", k, err, want)
			}
		}
	}
}
