package simulate_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/simulate"
)

// TestSharedDecodeSameResult checks that a case decoded from bytes of its
// own (EvaluateJSON: strings and context values share the bytes, the
// context decoded while the case is) gives the result of the copying
// path (DecodeCase, then Prepare), on generated cases and on context
// values that cannot be decoded.
func TestSharedDecodeSameResult(t *testing.T) {
	const p = `"principal":"arn:aws:iam::111122223333:user/x","action":"s3:GetObject"`
	lines := [][]byte{
		[]byte(`{"id":"a","request":{` + p + `,"context":{"aws:SourceIp":[1,[2]]}}}`),
		[]byte(`{"id":"b","request":{` + p + `,"context":{"aws:SourceIp":null}}}`),
		[]byte(`{"id":"c","request":{` + p + `,"context":{" ":"x"}}}`),
		[]byte(`{"id":"d","request":{` + p + `,"context":{"k":"v\u0041","n":1.5e3,"b":true,"a":["x",2,false]}},"identityPolicies":[{"document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"k":"vA","a":"2"},"NumericEquals":{"n":"1500"}}}]}}]}`),
		[]byte(`{"id":"e","request":{` + p + `,"context":{"aws:SourceIp":{}}}}`),
		[]byte(`{"id":"f","request":{` + p + `,"context":{}}}`),
		[]byte(`{"id":"g","request":{` + p + `,"context":{"x":"1"}},"bogus":1}`),
		// Plain values (plainValues) next to others, and values it leaves
		// to skip and contextValues.
		[]byte(`{"id":"h","request":{` + p + `,"context":{"aws:SourceIp": "10.0.0.1" ,"a":[ "x" , "y z" ],"b":["x",1],"c":["x",],"d":"\u00e9","e":"é","f":[],"g":["x"` + "\t" + `]}}}`),
		[]byte(`{"id":"i","request":{` + p + `,"context":{"a":["x","y"],"a":"z"}}}`),
		[]byte(`{"id":"j","request":{` + p + `,"context":{"a":"x","b":["y"` + "\n" + `,"z"]}}}`),
		[]byte(`{"id":"k","request":{` + p + `,"context":{"a":"x","b":["y" "z"]}}}`),
		[]byte(`{"id":"l","request":{` + p + `,"context":{"a":"x","b":[`),
	}
	g := casegen.New(7)
	for range 1000 {
		lines = append(lines, g.Next())
	}
	for _, line := range lines {
		shared := simulate.EvaluateJSON(line)
		var copied *simulate.Result
		c, err := simulate.DecodeCase(bytes.Clone(line))
		if err == nil {
			var pr *simulate.Prepared
			if pr, err = simulate.Prepare(c, simulate.Options{}); err == nil {
				copied = pr.Evaluate()
			}
		}
		if err != nil {
			ce, ok := err.(*simulate.CaseError)
			if !ok {
				ce = &simulate.CaseError{Message: err.Error()}
			}
			copied = &simulate.Result{ID: c.ID, Error: ce}
		}
		// Both at the same time: aws:CurrentTime defaults to now.
		a, b := string(shared.AppendJSON(nil)), string(copied.AppendJSON(nil))
		if a != b {
			t.Errorf("%s:\nshared %s\ncopied %s", line, a, b)
		}
	}
}

// TestSharedInputContext checks that Input gives a case decoded from bytes
// of its own (its context decoded to a list as the case is) the context
// map the copying path gives, and no list.
func TestSharedInputContext(t *testing.T) {
	g := casegen.New(3)
	lines := [][]byte{[]byte(`{"request":{"principal":"*","action":"s3:GetObject","context":{"a":["x",1,true],"b":"y","c":[],"d":"\u00e9"}}}`)}
	for range 200 {
		lines = append(lines, g.Next())
	}
	for _, line := range lines {
		c, err := simulate.DecodeShared(bytes.Clone(line))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Input()
		if err != nil {
			t.Fatal(err)
		}
		c2, err := simulate.DecodeCase(bytes.Clone(line))
		if err != nil {
			t.Fatal(err)
		}
		want, err := c2.Input()
		if err != nil {
			t.Fatal(err)
		}
		if got.Request.ContextList != nil || !reflect.DeepEqual(got.Request.Context, want.Request.Context) {
			t.Fatalf("%s:\ncontext %v, list %v\nwant %v", line, got.Request.Context, got.Request.ContextList, want.Request.Context)
		}
	}
}
