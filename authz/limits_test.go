package authz

import (
	"errors"
	"maps"
	"math/bits"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestRequestLimits(t *testing.T) {
	base := func() RequestInput {
		return RequestInput{
			Principal: "arn:aws:iam::111122223333:user/alice",
			Action:    "s3:GetObject",
			Resource:  "arn:aws:s3:::bucket/key",
			Context:   map[string][]string{"s3:prefix": {"a/"}},
		}
	}
	maxARN := "arn:aws:s3:::bucket/" + strings.Repeat("k", MaxARNLength-len("arn:aws:s3:::bucket/"))
	tests := []struct {
		name      string
		mod       func(*RequestInput)
		wantField string // Field, and [Key] for a context value
		wantMsg   string
	}{
		{"at the limits", func(in *RequestInput) {
			in.Resource = maxARN
			in.Action = "s3:" + strings.Repeat("A", MaxActionLength-3)
			in.Context = map[string][]string{"s3:" + strings.Repeat("k", MaxContextKeyLength-3): {strings.Repeat("v", MaxContextValueLength)}}
		}, "", ""},
		{"resource ARN too long", func(in *RequestInput) { in.Resource = maxARN + "k" }, "resource", "resource ARN \"arn:aws:s3:::bucket/kkk"},
		{"principal ARN too long", func(in *RequestInput) { in.Principal = "arn:aws:iam::111122223333:user/" + strings.Repeat("u", 2100) }, "principal", "2131 characters long; the most AWS accepts is 2048"},
		{"action too long", func(in *RequestInput) { in.Action = "s3:" + strings.Repeat("A", 200) }, "action", "203 characters long; the most AWS accepts is 128"},
		{"context key too long", func(in *RequestInput) { in.Context = map[string][]string{"s3:" + strings.Repeat("k", 300): {"v"}} }, "context", "the most AWS accepts is 256"},
		{"context value too long", func(in *RequestInput) { in.Context = map[string][]string{"s3:pre/fix": {strings.Repeat("v", 1<<20)}} }, "context[s3:pre/fix]", "1048576 bytes long; denied reads values up to 4096 bytes"},
		{"too many values", func(in *RequestInput) { in.Context = map[string][]string{"aws:TagKeys": make([]string, 1001)} }, "context[aws:TagKeys]", "1001 values"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := base()
			tc.mod(&in)
			_, err := NewRequest(in)
			if tc.wantField == "" {
				if err != nil {
					t.Fatalf("NewRequest at the limits: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fieldOf(fe) != tc.wantField || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("err = %v, want field %s and %q", err, tc.wantField, tc.wantMsg)
			}
			if len(err.Error()) > 400 {
				t.Fatalf("message of %d bytes echoes the value: %.300s", len(err.Error()), err)
			}
		})
	}
}

func TestElide(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, `"short"`},
		{"abcdefghijkl", 9, `"abcdef"…"jkl"`},
		{"ééééééééé", 3, `"éé"…"é"`},
	} {
		if got := Elide(tc.in, tc.n); got != tc.want {
			t.Errorf("Elide(%q, %d) = %s, want %s", tc.in, tc.n, got, tc.want)
		}
	}
}

// fieldOf names a field error's field, and its key for a context value.
func fieldOf(fe *FieldError) string {
	if fe.Key != "" {
		return fe.Field + "[" + fe.Key + "]"
	}
	return fe.Field
}

// TestContextListSameRequest checks that a context given as a list
// (RequestInput.ContextList), or partly as a map and partly as a list,
// builds the request the map alone builds, and is held to the same
// limits.
func TestContextListSameRequest(t *testing.T) {
	ctx := map[string][]string{
		"aws:SourceIp":          {"10.1.2.3"},
		"aws:PrincipalTag/Team": {"a", "b"},
		"s3:prefix":             {},
		"aws:ResourceAccount":   {"444455556666"},
	}
	in := RequestInput{Principal: "arn:aws:iam::111122223333:user/alice", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/key", Context: ctx}
	want, err := NewRequest(in)
	if err != nil {
		t.Fatal(err)
	}
	var list []ContextEntry
	for k, v := range ctx {
		list = append(list, ContextEntry{Key: k, Values: v})
	}
	split := map[string][]string{list[0].Key: list[0].Values}
	for _, tc := range []struct {
		name string
		ctx  map[string][]string
		list []ContextEntry
	}{{"list", nil, list}, {"map and list", split, list[1:]}} {
		in.Context, in.ContextList = tc.ctx, tc.list
		got, err := NewRequest(in)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got.Context, want.Context) {
			t.Errorf("%s: context %v, want %v", tc.name, got.Context, want.Context)
		}
	}
	in.Context, in.ContextList = nil, []ContextEntry{{Key: "aws:SourceIp", Values: []string{"10.1.2.3"}}, {Key: "aws:TagKeys", Values: make([]string, MaxContextValues+1)}}
	var fe *FieldError
	if _, err := NewRequest(in); !errors.As(err, &fe) || fieldOf(fe) != "context[aws:TagKeys]" {
		t.Fatalf("too many values in the list: %v", err)
	}
	in.ContextList = []ContextEntry{{Key: "s3:" + strings.Repeat("k", MaxContextKeyLength), Values: []string{"v"}}}
	if _, err := NewRequest(in); !errors.As(err, &fe) || fieldOf(fe) != "context" {
		t.Fatalf("key too long in the list: %v", err)
	}
}

// TestImpliedKeysCounted checks that every key NewRequest implies for a
// principal is one impliedMask counts, so that the context is made with
// room for it.
func TestImpliedKeysCounted(t *testing.T) {
	for _, p := range []string{
		"arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/r",
		"arn:aws:sts::111122223333:assumed-role/r/s", "arn:aws:sts::111122223333:federated-user/f",
		"arn:aws:iam::111122223333:root", "backup.amazonaws.com", "*",
	} {
		for _, res := range []string{"*", "arn:aws:s3:::bucket/key", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:kms:us-east-1:444455556666:key/k"} {
			r, err := NewRequest(RequestInput{Principal: p, Action: "s3:GetObject", Resource: res})
			if err != nil {
				t.Fatal(err)
			}
			m := impliedMask(r.Principal.Kind, r.ResourceAccount != "")
			for k := range r.Context {
				if b := impliedBit(k); b == 0 || m&b == 0 {
					t.Errorf("%s on %s: implied key %s is not counted (bit %b, mask %b)", p, res, k, b, m)
				}
			}
			if n := bits.OnesCount16(m &^ (bitCurrentTime | bitEpochTime)); len(r.Context) > n {
				t.Errorf("%s on %s: %d implied keys, %d counted", p, res, len(r.Context), n)
			}
		}
	}
}

// TestImpliedKeysGiven checks that an implied key given in the context,
// in any case, as a map or a list, keeps its given values and the others
// are implied as without it; and that NewRequestKnown, given the keys
// lowered, builds the same request.
func TestImpliedKeysGiven(t *testing.T) {
	keys := []string{"aws:PrincipalIsAWSService", "AWS:PRINCIPALSERVICENAME", "aws:principalaccount", "aws:PrincipalType", "aws:PrincipalArn", "aws:username", "aws:UserId", "aws:ResourceAccount", "aws:SourceIp"}
	for _, p := range []string{
		"arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/r",
		"arn:aws:sts::111122223333:assumed-role/r/s", "arn:aws:sts::111122223333:federated-user/f",
		"arn:aws:iam::111122223333:root", "backup.amazonaws.com", "*",
	} {
		for _, res := range []string{"*", "arn:aws:s3:::bucket/key", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:kms:us-east-1:444455556666:key/k"} {
			base, err := NewRequest(RequestInput{Principal: p, Action: "s3:GetObject", Resource: res})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i <= len(keys); i++ {
				given := keys
				if i < len(keys) {
					given = keys[i : i+1]
				}
				want := maps.Clone(base.Context)
				var list []ContextEntry
				var lowered []string
				m := map[string][]string{}
				for j, k := range given {
					v := []string{"given-" + k}
					want[strings.ToLower(k)] = v
					if j%2 == 0 {
						list = append(list, ContextEntry{Key: k, Values: v})
						lowered = append(lowered, LowerKey(k))
					} else {
						m[k] = v
					}
				}
				in := RequestInput{Principal: p, Action: "s3:GetObject", Resource: res, Context: m, ContextList: list}
				r, err := NewRequest(in)
				if err != nil {
					t.Fatal(err)
				}
				if !maps.EqualFunc(r.Context, want, slices.Equal) {
					t.Errorf("%s on %s, given %v: context %v, want %v", p, res, given, r.Context, want)
				}
				pp, err := ParsePrincipal(p)
				if err != nil {
					t.Fatal(err)
				}
				rl, err := NewRequestKnown(in, Known{Lowered: lowered, Principal: &pp})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(rl, r) {
					t.Errorf("%s on %s, given %v: NewRequestKnown %+v, NewRequest %+v", p, res, given, rl, r)
				}
			}
		}
	}
}
