package eval

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/deniedhq/denied/authz"
)

// TestContextListWarnings checks that a context given as a list
// (Request.ContextList) draws the warnings the same context given as a
// map draws, in the order of the keys, and leaves the caller's list in
// its order; and that a key the action never carries is left out of the
// request either way.
func TestContextListWarnings(t *testing.T) {
	t.Parallel()
	ctx := map[string][]string{
		"aws:SourceIp":               {"not-an-ip"},
		"ec2:Region":                 {"us-east-1"},
		"aws:MultiFactorAuthPresent": {"true", "false"},
		"aws:PrincipalTag/team":      {"a"},
		"s3:prefix":                  {"x/"},
	}
	var list []authz.ContextEntry
	for k, v := range ctx {
		list = append(list, authz.ContextEntry{Key: k, Values: v})
	}
	slices.SortFunc(list, func(a, b authz.ContextEntry) int { return strings.Compare(b.Key, a.Key) }) // not in key order
	orig := slices.Clone(list)
	prepare := func(ctx map[string][]string, list []authz.ContextEntry) *Prepared {
		in := getInput()
		in.Request.Context, in.Request.ContextList = ctx, list
		pr, err := Prepare(in, Options{Now: fixedNow, Cache: NewCache(16)})
		if err != nil {
			t.Fatal(err)
		}
		return pr
	}
	want := prepare(ctx, nil)
	if len(want.Warnings) < 3 {
		t.Fatalf("the map draws %d warnings, want at least 3: %v", len(want.Warnings), want.Warnings)
	}
	for _, tc := range []struct {
		name string
		ctx  map[string][]string
		list []authz.ContextEntry
	}{{"list", nil, list}, {"map and list", map[string][]string{orig[0].Key: orig[0].Values}, list[1:]}} {
		got := prepare(tc.ctx, tc.list)
		if !reflect.DeepEqual(got.Warnings, want.Warnings) {
			t.Errorf("%s: warnings\n%v\nwant\n%v", tc.name, got.Warnings, want.Warnings)
		}
		if !reflect.DeepEqual(got.Request.Context, want.Request.Context) {
			t.Errorf("%s: request context %v, want %v", tc.name, got.Request.Context, want.Request.Context)
		}
		if _, ok := got.Request.Context["ec2:region"]; ok || !got.Ignored("ec2:Region") {
			t.Errorf("%s: ec2:Region is kept for s3:GetObject", tc.name)
		}
	}
	if !reflect.DeepEqual(list, orig) {
		t.Errorf("the caller's list was reordered: %v, was %v", list, orig)
	}
}
