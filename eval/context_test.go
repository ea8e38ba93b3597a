package eval

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/catalog"
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

// TestContextNotesCached checks that a Cache's memoised answers (the
// condition keys, and which keys the action carries) give every request
// the warnings and context it gets without a Cache, whatever the order of
// the requests sharing an action and resource.
func TestContextNotesCached(t *testing.T) {
	t.Parallel()
	ctxs := []map[string][]string{
		{"s3:prefix": {"a/"}, "ec2:Region": {"us-east-1"}},
		{"ec2:Region": {"us-east-1"}},
		{"s3:prefix": {"a/"}, "s3:delimiter": {"/"}, "kms:ViaService": {"s3.us-east-1.amazonaws.com"}},
		{"S3:Prefix": {"b/"}, "aws:CurrentTime": {"2026-01-01T00:00:00Z"}, "aws:EpochTime": {"+-12"}},
		{"aws:EpochTime": {"1700000000"}, "aws:CurrentTime": {"yesterday"}, "aws:MultiFactorAuthPresent": {"maybe"}},
	}
	cache := NewCache(16)
	for round := range 3 {
		for i, ctx := range ctxs {
			got, want := prepareListBucket(t, cache, ctx, nil), prepareListBucket(t, nil, ctx, nil)
			if !reflect.DeepEqual(got.Warnings, want.Warnings) || !reflect.DeepEqual(got.Request.Context, want.Request.Context) {
				t.Errorf("round %d, context %d: cached\n%v\n%v\nwant\n%v\n%v", round, i, got.Warnings, got.Request.Context, want.Warnings, want.Request.Context)
			}
			if i == 0 && (len(want.Warnings) != 1 || !strings.Contains(want.Warnings[0].Message, "ec2:Region is not a condition key of")) {
				t.Errorf("context 0: warnings %v, want ec2:Region's", want.Warnings)
			}
		}
	}
}

// prepareListBucket prepares an s3:ListBucket request allowed by
// allowList, with the context ctx and list, through cache.
func prepareListBucket(t *testing.T, cache *Cache, ctx map[string][]string, list []authz.ContextEntry) *Prepared {
	t.Helper()
	in := getInput()
	in.Request.Action, in.Request.Resource = "s3:ListBucket", "arn:aws:s3:::b"
	in.Identity = []Doc{{Name: "list", Text: []byte(allowList)}}
	in.Request.Context = ctx
	in.Request.ContextList = list
	pr, err := Prepare(in, Options{Now: fixedNow, Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

// TestSignedDigits holds signedDigits to the strings.Trim it replaces.
func TestSignedDigits(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "0", "+12", "-", "1700000000", "12a", " 1", "1.5", "١", "2026-01-01", "+-+", "9/"} {
		if got, want := signedDigits(s), strings.Trim(s, "+-0123456789") == ""; got != want {
			t.Errorf("signedDigits(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestContextKeyMemo checks that the Cache's memo of each key as written
// (its lower-cased form, the clock keys, and the values known to fit its
// type, of which it keeps the last few) gives every request the warnings
// and context it gets without a Cache: contexts given as lists, with more
// fitting values than the memo keeps, values that do not fit between
// them, and clock keys in any case or missing.
func TestContextKeyMemo(t *testing.T) {
	t.Parallel()
	ips := []string{"10.0.0.1", "10.0.0.300", "::1", "10.0.0.0/8", "nope", "fe80::1", "192.168.1.1", "10.0.0.1", "172.16.0.0/12", "2001:db8::/32", "10.0.0.300", "::1"}
	times := []string{"2026-01-01T00:00:00Z", "yesterday", "2026-01-01", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "2026-13-01", "2026-01-04T00:00:00Z", "2026-01-01T00:00:00Z"}
	cache := NewCache(16)
	for round := range 3 {
		for i := range 24 {
			list := []authz.ContextEntry{
				{Key: "aws:SourceIp", Values: []string{ips[i%len(ips)]}},
				{Key: []string{"aws:CurrentTime", "AWS:CURRENTTIME", "aws:currenttime", "aws:TokenIssueTime"}[i%4], Values: []string{times[i%len(times)]}},
				{Key: "aws:MultiFactorAuthAge", Values: []string{strconv.Itoa(i), "x" + strconv.Itoa(i%3)}[:1+i%2]},
			}
			if i%3 != 0 {
				list = append(list, authz.ContextEntry{Key: []string{"aws:EpochTime", "Aws:EpochTime"}[i%2], Values: []string{strconv.Itoa(1700000000 + i%5)}})
			}
			prefix := map[string][]string{"S3:Prefix": {"a/"}}
			got, want := prepareListBucket(t, cache, prefix, list), prepareListBucket(t, nil, prefix, list)
			if !reflect.DeepEqual(got.Warnings, want.Warnings) || !reflect.DeepEqual(got.Request.Context, want.Request.Context) {
				t.Errorf("round %d, context %d: cached\n%v\n%v\nwant\n%v\n%v", round, i, got.Warnings, got.Request.Context, want.Warnings, want.Request.Context)
			}
			// The clock keys: the given values, else the clock's.
			wantTime, wantEpoch := []string{fixedNow().UTC().Format(time.RFC3339)}, []string{strconv.FormatInt(fixedNow().Unix(), 10)}
			for _, e := range list {
				switch strings.ToLower(e.Key) {
				case "aws:currenttime":
					wantTime = e.Values
				case "aws:epochtime":
					wantEpoch = e.Values
				}
			}
			if c := got.Request.Context; !slices.Equal(c["aws:currenttime"], wantTime) || !slices.Equal(c["aws:epochtime"], wantEpoch) {
				t.Errorf("context %d: clock keys %v %v, want %v %v", i, c["aws:currenttime"], c["aws:epochtime"], wantTime, wantEpoch)
			}
		}
	}
}

// TestKeyMemoFront checks that the front of the Cache's key memos hands
// out each key's own memo, whatever shares its slot (keys alike at both
// ends, of every length), before and after the memos start afresh.
func TestKeyMemoFront(t *testing.T) {
	t.Parallel()
	c := NewCache(16)
	var keys []string
	for i := range cacheMemoMax + 500 {
		keys = append(keys, "aws:PrincipalTag/"+strconv.Itoa(i)+"/Team", []string{"", "a", "Ab", "aws:X", "s3:ABCDE"}[i%5]+strconv.Itoa(i%97))
	}
	for round := range 2 {
		for _, k := range keys {
			m := c.keyMemo(k)
			if m.key != k || m.lower != authz.LowerKey(k) {
				t.Fatalf("round %d: memo of %q is %q (lower %q)", round, k, m.key, m.lower)
			}
		}
	}
}

// TestKeyMemoFitsAny holds a memo's fitsAny to valueFits: a key whose
// type it marks takes any value.
func TestKeyMemoFitsAny(t *testing.T) {
	t.Parallel()
	for _, k := range catalog.ConditionKeys() {
		m := (*Cache)(nil).keyMemo(k.Name)
		if !m.fitsAny {
			continue
		}
		for _, v := range []string{"", "x", "1e999", "yesterday", "maybe", "10.0.0.300", "2026-13-01"} {
			if !valueFits(m.base, v) {
				t.Errorf("%s (%s): fitsAny, but %q does not fit", k.Name, m.base, v)
			}
		}
	}
}

// TestOperatorNotes holds the operator notes of validatePolicy, through
// a Cache's memo of the operators read, to operatorMismatchRef (the
// function before it was split), for every catalog key and more
// operators than the memo has slots.
func TestOperatorNotes(t *testing.T) {
	t.Parallel()
	c := NewCache(16)
	ops := []string{"", "Null", "ForAnyValue:Null", "StringEquals", "NumericLessThan", "ForAnyValue:StringLike", "Bool", "BoolIfExists", "DateGreaterThan", "IpAddress", "NotIpAddressIfExists", "ForAllValues:StringEquals", "BinaryEquals", "StringEqualsIfExists", "NumericEquals", "ForAllValues:NumericLessThanIfExists", "ForAnyValue:DateEquals", "ArnLike", "x:Bool", "stringequals"}
	for i := range 80 {
		ops = append(ops, "StringLike"+strconv.Itoa(i), "ForAnyValue:Numeric"+strconv.Itoa(i))
	}
	for round := range 2 {
		for _, k := range catalog.ConditionKeys() {
			m := c.keyMemo(k.Name)
			for _, op := range ops {
				if got, want := opMismatch(op, c.opInfo(op), m.ck, m.base, m.array), operatorMismatchRef(op, m.ck); got != want {
					t.Fatalf("round %d: %s with %s: %q, want %q", round, op, k.Name, got, want)
				}
			}
		}
	}
}

func operatorMismatchRef(op string, ck catalog.ConditionKey) string {
	set := strings.HasPrefix(op, "ForAllValues:") || strings.HasPrefix(op, "ForAnyValue:")
	base := op
	if i := strings.IndexByte(base, ':'); i >= 0 {
		base = base[i+1:]
	}
	base = strings.TrimSuffix(base, "IfExists")
	t := ck.Type.Base()
	family := ""
	switch {
	case base == "Null":
		return ""
	case strings.HasPrefix(base, "Numeric"):
		family = "Numeric"
	case strings.HasPrefix(base, "Date"):
		family = "Date"
	case base == "Bool":
		family = "Bool"
	case strings.Contains(base, "IpAddress"):
		family = "IPAddress"
	case strings.HasPrefix(base, "Binary"):
		family = "Binary"
	}
	switch {
	case family != "" && family != string(t) && !(family == "Date" && t == "Numeric"):
		return fmt.Sprintf("%s compares %s values but %s is of type %s", op, family, ck.Name, ck.Type)
	case set && !ck.Type.IsArray():
		return fmt.Sprintf("%s is a set operator but %s is single-valued (%s); AWS recommends the plain operator, and ForAllValues with a missing key always matches", op, ck.Name, ck.Type)
	case !set && ck.Type.IsArray():
		return fmt.Sprintf("%s is multivalued (%s): use ForAnyValue: or ForAllValues: with %s", ck.Name, ck.Type, op)
	}
	return ""
}

// TestActionNotesCached checks that the Cache's memo of what
// validatePolicy says of an action, and its front, give each action what
// it gets without a Cache, before and after the memo starts afresh.
func TestActionNotesCached(t *testing.T) {
	t.Parallel()
	c := NewCache(16)
	acts := []string{"s3:GetObject", "S3:getobject", "s3:Get*", "s3:Nope*", "s3:GetObjekt", "nosuch:Thing", "s3:", "s3:Get Object", " s3:GetObject", "s3:a,b", "", "ec2:RunInstances", "ec2:Run?nstances"}
	for i := range cacheMemoMax + 300 {
		acts = append(acts, "s3:GetObject"+strconv.Itoa(i%700), "iam:Pass"+strconv.Itoa(i)+"Role")
	}
	for round := range 2 {
		for _, a := range acts {
			if got, want := c.actionWarning(a), (*Cache)(nil).actionWarning(a); got != want {
				t.Fatalf("round %d: %q: %q, want %q", round, a, got, want)
			}
		}
	}
}

// TestReqChecksCached checks that the Cache hands out the check of each
// action and resource it kept, through its front or its map, and none
// of another, before and after it starts afresh.
func TestReqChecksCached(t *testing.T) {
	t.Parallel()
	c := NewCache(64)
	for round := range 2 {
		for i := range 500 {
			k := reqKey{action: "s3:Get" + strconv.Itoa(i%150), resource: "arn:aws:s3:::b/" + strconv.Itoa(i%7), allowUnknown: i%3 == 0}
			r := c.getReq(k)
			if r == nil {
				r = c.putReq(&reqCheck{key: k})
			}
			if r.key != k || c.getReq(k) != r {
				t.Fatalf("round %d: check of %v is of %v", round, k, r.key)
			}
		}
	}
}

// TestPrincipalsCached checks that the Cache's memo of the principals
// parsed gives every request the request, or the error, it gets without
// a Cache, whatever the principals before it.
func TestPrincipalsCached(t *testing.T) {
	t.Parallel()
	c := NewCache(16)
	principals := []string{"arn:aws:iam::111122223333:user/alice", "anonymous", "*", "Anonymous", "backup.amazonaws.com", "arn:aws:sts::111122223333:assumed-role/r/s", "arn:aws:sts::111122223333:federated-user/f", "arn:aws:iam::111122223333:root", "nope", "arn:aws:iam::1:user/x", "arn:aws:iam::111122223333:role/path/r"}
	for round := range 3 {
		for i, p := range principals {
			prep := func(c *Cache) (*Prepared, error) {
				in := getInput()
				in.Request.Principal = p
				if i == 6 && round == 1 {
					in.Request.FederatingUser = "arn:aws:iam::111122223333:user/alice"
				}
				return Prepare(in, Options{Now: fixedNow, Cache: c})
			}
			got, gerr := prep(c)
			want, werr := prep(nil)
			if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
				t.Fatalf("round %d, %s: error %v, want %v", round, p, gerr, werr)
			}
			if gerr == nil && (!reflect.DeepEqual(got.Request, want.Request) || !reflect.DeepEqual(got.Warnings, want.Warnings)) {
				t.Errorf("round %d, %s: request %+v, want %+v", round, p, got.Request, want.Request)
			}
		}
	}
}
