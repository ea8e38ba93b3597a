package eval

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/deniedhq/denied/authz"
)

var fixedNow = func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

const (
	allowGet  = `{"Version":"2012-10-17","Statement":[{"Sid":"ReadBucket","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}`
	allowAll  = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
	denyGet   = `{"Version":"2012-10-17","Statement":[{"Sid":"NoGet","Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}`
	allowList = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}`
)

func getInput() *Input {
	return &Input{
		Request: Request{
			Principal: "arn:aws:iam::111122223333:user/a",
			Action:    "s3:GetObject",
			Resource:  "arn:aws:s3:::b/k",
		},
		Identity: []Doc{{Name: "read", Text: []byte(allowGet)}},
	}
}

func TestRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		edit     func(in *Input)
		decision authz.Decision
		layer    authz.Layer
		policy   string // the policy of the first deciding statement
		errPath  *Path
		errHas   string
		warnPath *Path
		warnHas  string
	}{
		{name: "identity allows", edit: func(*Input) {}, decision: authz.Allowed, layer: authz.LayerIdentity, policy: "read"},
		{name: "no identity policy", edit: func(in *Input) { in.Identity = nil }, decision: authz.ImplicitDeny, layer: authz.LayerIdentity},
		{name: "SCP denies", edit: func(in *Input) {
			in.SCPs = []Level{{Target: "r-root", Policies: []Doc{{Name: "FullAWSAccess", Text: []byte(allowAll)}, {Name: "NoGet", Text: []byte(denyGet)}}}}
		}, decision: authz.ExplicitDeny, layer: authz.LayerSCP, policy: "NoGet"},
		{name: "boundary lacks the action", edit: func(in *Input) {
			in.Boundary = &Doc{Name: "b", Text: []byte(allowList)}
		}, decision: authz.ImplicitDeny, layer: authz.LayerBoundary},
		{name: "unnamed policy gets its place's name", edit: func(in *Input) { in.Identity[0].Name = "" }, decision: authz.Allowed, layer: authz.LayerIdentity, policy: "identity-0"},
		{name: "document as a JSON string", edit: func(in *Input) {
			in.Identity[0].Text = []byte(`"` + strings.ReplaceAll(allowGet, `"`, `\"`) + `"`)
		}, decision: authz.Allowed, layer: authz.LayerIdentity, policy: "read"},
		{name: "no principal", edit: func(in *Input) { in.Request.Principal = "" },
			errPath: &Path{Field: FieldPrincipal, Level: -1, Index: -1}, errHas: "needs a principal"},
		{name: "bad principal", edit: func(in *Input) { in.Request.Principal = "arn:aws:iam::1:nothing" },
			errPath: &Path{Field: FieldPrincipal, Level: -1, Index: -1}},
		{name: "unknown action", edit: func(in *Input) { in.Request.Action = "s3:GetObjekt" },
			errPath: &Path{Field: FieldAction, Level: -1, Index: -1}, errHas: "did you mean s3:GetObject"},
		{name: "empty SCP level", edit: func(in *Input) { in.SCPs = []Level{{Target: "r-root"}, {Target: "ou"}} },
			errPath: &Path{Field: FieldSCPs, Level: 0, Index: -1}, errHas: "no policies"},
		{name: "syntax error in the second RCP", edit: func(in *Input) {
			in.RCPs = []Level{{Policies: []Doc{{Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`)}, {Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Principal":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"1e400"}}}]}`)}}}}
		}, errPath: &Path{Field: FieldRCPs, Level: 0, Index: 1, Pointer: "/Statement/0/Condition/NumericLessThan/aws:MultiFactorAuthAge"}, errHas: `rcp policy "resourceControlPolicies-0-1"`},
		{name: "bad management account", edit: func(in *Input) { in.ManagementAccount = "12" },
			errPath: &Path{Field: FieldManagementAccount, Level: -1, Index: -1}},
		{name: "context value too long", edit: func(in *Input) {
			in.Request.Context = map[string][]string{"aws:SourceVpc": {strings.Repeat("v", 70000)}}
		}, errPath: &Path{Field: FieldContext, Key: "aws:SourceVpc", Level: -1, Index: -1}},
		{name: "SCP over the size limit", edit: func(in *Input) {
			big := `{"Version":"2012-10-17","Statement":[` + strings.Repeat(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},`, 100) + `{"Effect":"Allow","Action":"*","Resource":"*"}]}`
			in.SCPs = []Level{{Policies: []Doc{{Text: []byte(big)}}}}
		}, errPath: &Path{Field: FieldSCPs, Level: 0, Index: 0}, errHas: "service control policy"},
		{name: "policy action typo warns at its pointer", edit: func(in *Input) {
			in.Identity = append(in.Identity, Doc{Name: "typo", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}`)})
		}, decision: authz.Allowed, layer: authz.LayerIdentity, policy: "read",
			warnPath: &Path{Field: FieldIdentity, Level: -1, Index: 1, Pointer: "/Statement/0/Action/0"}, warnHas: `identity policy "typo", unknown action`},
		{name: "bad context value warns at its key", edit: func(in *Input) {
			in.Request.Context = map[string][]string{"aws:SourceIp": {"not-an-ip"}}
		}, decision: authz.Allowed, layer: authz.LayerIdentity, policy: "read",
			warnPath: &Path{Field: FieldContext, Key: "aws:SourceIp", Level: -1, Index: -1}, warnHas: "not a valid IPAddress"},
		{name: "context value not an ARN warns at its key", edit: func(in *Input) {
			in.Request.Context = map[string][]string{"aws:SourceArn": {"not-an-arn"}}
		}, decision: authz.Allowed, layer: authz.LayerIdentity, policy: "read",
			warnPath: &Path{Field: FieldContext, Key: "aws:SourceArn", Level: -1, Index: -1}, warnHas: `"not-an-arn" is not a valid ARN value for aws:SourceArn`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := getInput()
			tt.edit(in)
			out, err := Run(in, Options{Now: fixedNow})
			if tt.errPath != nil {
				e, ok := err.(*Error)
				if !ok {
					t.Fatalf("got %v, %v; want an *Error at %+v", out, err, *tt.errPath)
				}
				if e.Path != *tt.errPath || !strings.Contains(e.Message, tt.errHas) {
					t.Fatalf("error at %+v %q, want at %+v containing %q", e.Path, e.Message, *tt.errPath, tt.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if out.Decision != tt.decision || out.Layer != tt.layer {
				t.Fatalf("got %s at %s, want %s at %s", out.Decision, out.Layer, tt.decision, tt.layer)
			}
			if len(out.Sources) != len(out.Deciding) {
				t.Fatalf("%d sources for %d deciding statements", len(out.Sources), len(out.Deciding))
			}
			if tt.policy != "" {
				if len(out.Deciding) == 0 || out.Deciding[0].Policy != tt.policy {
					t.Fatalf("deciding %+v, want policy %q first", out.Deciding, tt.policy)
				}
				src := out.Sources[0]
				if src == nil || src.Name != tt.policy || src.Policy() == nil || len(src.Text) == 0 {
					t.Fatalf("source of the deciding statement: %+v", src)
				}
			}
			if tt.warnPath != nil {
				found := false
				for _, w := range out.Warnings {
					if w.Path == *tt.warnPath && strings.Contains(w.Message, tt.warnHas) {
						found = true
					}
				}
				if !found {
					t.Fatalf("warnings %+v, want one at %+v containing %q", out.Warnings, *tt.warnPath, tt.warnHas)
				}
			}
		})
	}
}

// The clock fills aws:CurrentTime and aws:EpochTime unless the request
// gives them, and the input's context is not modified.
func TestClock(t *testing.T) {
	t.Parallel()
	in := getInput()
	in.Request.Context = map[string][]string{"AWS:EpochTime": {"5"}}
	pr, err := Prepare(in, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if got := pr.Request.Context["aws:currenttime"]; len(got) != 1 || got[0] != "2026-11-23T12:00:00Z" {
		t.Errorf("aws:CurrentTime = %v", got)
	}
	if got := pr.Request.Context["aws:epochtime"]; len(got) != 1 || got[0] != "5" {
		t.Errorf("aws:EpochTime = %v, want the given 5", got)
	}
	if len(in.Request.Context) != 1 {
		t.Errorf("the input's context was modified: %v", in.Request.Context)
	}
}

// Replacing one named policy of an input parses and compiles that one
// policy again, and only it: the others come from the cache.
func TestReplaceOnePolicyReparsesOnlyIt(t *testing.T) {
	t.Parallel()
	cache := NewCache(64)
	opt := Options{Now: fixedNow, Cache: cache}
	in := getInput()
	in.Identity = append(in.Identity, Doc{Name: "list", Text: []byte(allowList)})
	in.Boundary = &Doc{Name: "boundary", Text: []byte(allowList)}
	in.SCPs = []Level{{Target: "r-root", Policies: []Doc{{Name: "FullAWSAccess", Text: []byte(allowAll)}}}}
	out, err := Run(in, opt)
	if err != nil {
		t.Fatal(err)
	}
	if out.Decision != authz.ImplicitDeny || out.Layer != authz.LayerBoundary {
		t.Fatalf("got %s at %s, want the boundary to deny", out.Decision, out.Layer)
	}
	// Four documents, of which two share a text but not a layer.
	if st := cache.Stats(); st.Parses != 4 || st.Hits != 0 || st.Docs != 4 {
		t.Fatalf("first run: %+v, want 4 parses", st)
	}
	// The same input again: nothing is parsed.
	if _, err := Run(in, opt); err != nil {
		t.Fatal(err)
	}
	if st := cache.Stats(); st.Parses != 4 || st.Hits != 4 {
		t.Fatalf("second run: %+v, want 4 hits and no new parse", st)
	}
	// Replace the boundary: one parse, three hits, and the new verdict.
	in.Boundary = &Doc{Name: "boundary", Text: []byte(allowAll)}
	out, err = Run(in, opt)
	if err != nil {
		t.Fatal(err)
	}
	if st := cache.Stats(); st.Parses != 5 || st.Hits != 7 {
		t.Fatalf("after replacing the boundary: %+v, want 5 parses and 7 hits", st)
	}
	if !out.Allowed() {
		t.Fatalf("got %s at %s after replacing the boundary, want Allowed", out.Decision, out.Layer)
	}
	// A replaced name without a new text parses nothing, and the new name
	// is what the outcome reports.
	in.Identity[0].Name = "renamed"
	out, err = Run(in, opt)
	if err != nil {
		t.Fatal(err)
	}
	if st := cache.Stats(); st.Parses != 5 {
		t.Fatalf("after renaming: %+v, want no new parse", st)
	}
	if out.Deciding[0].Policy != "renamed" || out.Sources[0].Name != "renamed" {
		t.Fatalf("deciding %+v, want the renamed policy", out.Deciding)
	}
}

// A cached document must not share the bytes of the input it came from:
// a kept document pinning its input would hold every input in memory, and
// a caller reusing its buffer would change the cached policy.
func TestCacheKeepsCopies(t *testing.T) {
	t.Parallel()
	cache := NewCache(16)
	opt := Options{Now: fixedNow, Cache: cache}
	in := getInput()
	out, err := Run(in, opt)
	if err != nil || out.Deciding[0].Sid != "ReadBucket" {
		t.Fatalf("got %+v, %v", out, err)
	}
	// Scribble over the document (the Sid's bytes included), then evaluate
	// from fresh bytes: the cached document answers, unchanged.
	text := in.Identity[0].Text
	copy(text[strings.Index(string(text), "ReadBucket"):], "XXXXXXXXXX")
	again, err := Run(getInput(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if again.Deciding[0].Sid != "ReadBucket" || !strings.Contains(string(again.Sources[0].Text), "ReadBucket") {
		t.Fatalf("the cached document changed with its input: %+v", again.Deciding)
	}
	if st := cache.Stats(); st.Docs != 1 || st.Hits != 1 {
		t.Fatalf("cache %+v, want 1 document and 1 hit", st)
	}
}

// A document over cacheDocMax bytes (an AWS managed policy such as
// ReadOnlyAccess) is kept from its second sighting on, in its layer only;
// one over cacheLargeMax never is.
func TestCacheLargeDocuments(t *testing.T) {
	t.Parallel()
	large := func(min int) string {
		const one = `{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-with-a-long-name/*"}`
		st := make([]string, min/len(one)+1)
		for i := range st {
			st[i] = one
		}
		return strings.Replace(allowGet, `"Statement":[`, `"Statement":[`+strings.Join(st, ",")+",", 1)
	}
	run := func(cache *Cache, doc string) {
		t.Helper()
		in := getInput()
		in.Identity[0].Text = []byte(doc)
		if out, err := Run(in, Options{Now: fixedNow, Cache: cache}); err != nil || !out.Allowed() {
			t.Fatalf("got %+v %v", out, err)
		}
	}
	doc := large(cacheDocMax)
	cache := NewCache(16)
	want := []CacheStats{{Parses: 1, Docs: 0}, {Parses: 2, Docs: 1}, {Parses: 2, Hits: 1, Docs: 1}}
	for i, w := range want {
		run(cache, doc)
		if s := cache.Stats(); s != w {
			t.Fatalf("run %d: %+v, want %+v (a large document is kept when seen a second time)", i+1, s, w)
		}
	}
	// The same text as a boundary is another document; the identity one
	// still answers, from the copy kept (not the bytes it came from).
	in := getInput()
	b := []byte(doc)
	in.Identity[0].Text = b
	in.Boundary = &Doc{Name: "b", Text: []byte(doc)}
	if _, err := Run(in, Options{Now: fixedNow, Cache: cache}); err != nil {
		t.Fatal(err)
	}
	if s := cache.Stats(); s.Parses != 3 || s.Hits != 2 {
		t.Fatalf("the same text in another layer: %+v, want one more parse and one more hit", s)
	}
	copy(b[strings.Index(doc, "s3:GetObject"):], "s3:PutObjec")
	run(cache, doc)
	if s := cache.Stats(); s.Parses != 3 || s.Hits != 3 {
		t.Fatalf("%+v, want a hit on the kept copy", s)
	}
	huge := large(cacheLargeMax)
	cache = NewCache(16)
	for range 3 {
		run(cache, huge)
	}
	if s := cache.Stats(); s.Docs != 0 || s.Parses != 3 {
		t.Fatalf("a document over %d bytes was kept: %+v", cacheLargeMax, s)
	}
}

// Under KeepRepeated a small document is kept from its second sighting,
// as a large one always is, in its layer only; the outcome is the one the
// plain cache gives at every step.
func TestCacheKeepRepeated(t *testing.T) {
	t.Parallel()
	repeated, plain := NewCache(16), NewCache(16)
	repeated.KeepRepeated()
	run := func(cache *Cache, in *Input) *Outcome {
		t.Helper()
		out, err := Run(in, Options{Now: fixedNow, Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := []CacheStats{{Parses: 1, Docs: 0}, {Parses: 2, Docs: 1}, {Parses: 2, Hits: 1, Docs: 1}, {Parses: 2, Hits: 2, Docs: 1}}
	for i, w := range want {
		a, b := run(repeated, getInput()), run(plain, getInput())
		if a.Decision != b.Decision || a.Deciding[0] != b.Deciding[0] {
			t.Fatalf("run %d: %s %+v, the plain cache %s %+v", i+1, a.Decision, a.Deciding, b.Decision, b.Deciding)
		}
		if s := repeated.Stats(); s != w {
			t.Fatalf("run %d: %+v, want %+v (a document is kept when seen a second time)", i+1, s, w)
		}
	}
	// The same text as a boundary is a document of its own, seen once.
	in := getInput()
	in.Boundary = &Doc{Name: "b", Text: in.Identity[0].Text}
	run(repeated, in)
	if s := repeated.Stats(); s.Parses != 3 || s.Hits != 3 || s.Docs != 1 {
		t.Fatalf("the same text in another layer: %+v, want it parsed and not kept", s)
	}
	if s := plain.Stats(); s.Parses != 1 || s.Docs != 1 {
		t.Fatalf("the plain cache %+v, want the document kept at its first parse", s)
	}
}

// A cached document's warnings name the policy as the input names it
// each time: the same text under a new name, at a new place, warns with
// that name and path, and under the old name again with the old one.
func TestCachedWarningsFollowTheName(t *testing.T) {
	t.Parallel()
	cache := NewCache(64)
	opt := Options{Now: fixedNow, Cache: cache}
	typo := []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}`)
	for i, name := range []string{"typo", "typo", "other", "typo"} {
		in := getInput()
		extra := make([]Doc, i%2)
		in.Identity = append(append(in.Identity, extra...), Doc{Name: name, Text: typo})
		for k := range extra {
			in.Identity[1+k] = Doc{Name: "list", Text: []byte(allowList)}
		}
		out, err := Run(in, opt)
		if err != nil {
			t.Fatal(err)
		}
		want := Path{Field: FieldIdentity, Level: -1, Index: len(in.Identity) - 1, Pointer: "/Statement/0/Action/0"}
		n := 0
		for _, w := range out.Warnings {
			if strings.Contains(w.Message, "unknown action") {
				n++
				if w.Path != want || !strings.HasPrefix(w.Message, `identity policy "`+name+`", `) {
					t.Errorf("run %d: warning at %+v %q, want at %+v naming %q", i, w.Path, w.Message, want, name)
				}
			}
		}
		if n != 1 {
			t.Errorf("run %d: %d unknown-action warnings in %+v, want 1", i, n, out.Warnings)
		}
	}
	if st := cache.Stats(); st.Hits == 0 {
		t.Fatalf("%+v: the document was never found in the cache", st)
	}
}

// With SameBytes, a document kept is found again by the identity of the
// caller's bytes: the same counts and outcomes as without, and, since the
// caller promised not to modify them, bytes scribbled over in place still
// answer with the document first parsed from them (this test breaks the
// promise on purpose, to see which path answered). The front holds only
// documents the cache keeps, and starts afresh with them.
func TestCacheSameBytes(t *testing.T) {
	t.Parallel()
	run := func(cache *Cache, in *Input) *Outcome {
		t.Helper()
		out, err := Run(in, Options{Now: fixedNow, Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	plain, same := NewCache(64), NewCache(64)
	same.SameBytes()
	in := getInput()
	in.Identity = append(in.Identity, Doc{Name: "list", Text: []byte(allowList)})
	in.Boundary = &Doc{Name: "boundary", Text: []byte(allowList)}
	for i := range 3 {
		if i == 2 {
			in.Boundary = &Doc{Name: "boundary", Text: []byte(allowAll)}
		}
		a, b := run(plain, in), run(same, in)
		show := func(o *Outcome) string {
			j, _ := json.Marshal(struct {
				R authz.Result
				M string
				S []*Source
				C []string
				W []Warning
			}{o.Result, o.Message, o.Sources, o.MissingContext, o.Warnings})
			return string(j)
		}
		if show(a) != show(b) || plain.Stats() != same.Stats() {
			t.Fatalf("run %d: %s %+v, with SameBytes %s %+v", i+1, show(a), plain.Stats(), show(b), same.Stats())
		}
	}
	// Equal text in other bytes: found by its text, then by its bytes.
	in2 := getInput()
	run(same, in2)
	st := same.Stats()
	text := in2.Identity[0].Text
	copy(text[strings.Index(string(text), "ReadBucket"):], "XXXXXXXXXX")
	if out := run(same, in2); out.Deciding[0].Sid != "ReadBucket" || same.Stats().Parses != st.Parses {
		t.Fatalf("%+v %+v: the bytes were not found by their identity", out.Deciding, same.Stats())
	}
	if out := run(plain, in2); out.Deciding[0].Sid != "XXXXXXXXXX" {
		t.Fatalf("without SameBytes: %+v, want the text as it is now", out.Deciding)
	}

	// A large document is kept from its second sighting, with or without.
	large := strings.Replace(allowGet, `"Statement":[`, `"Statement":[`+strings.Repeat(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-with-a-long-name/*"},`, cacheDocMax/90+1), 1)
	same = NewCache(16)
	same.SameBytes()
	in3 := getInput()
	in3.Identity[0].Text = []byte(large)
	for i, w := range []CacheStats{{Parses: 1}, {Parses: 2, Docs: 1}, {Parses: 2, Hits: 1, Docs: 1}} {
		run(same, in3)
		if s := same.Stats(); s != w || len(same.ident) != s.Docs {
			t.Fatalf("large, run %d: %+v and %d in the front, want %+v", i+1, s, len(same.ident), w)
		}
	}

	// A cache full starts afresh, its front too.
	same = NewCache(2)
	same.SameBytes()
	for _, sid := range []string{"A", "B", "C"} {
		in := getInput()
		in.Identity[0].Text = []byte(strings.Replace(string(in.Identity[0].Text), "ReadBucket", sid, 1))
		run(same, in)
	}
	if s := same.Stats(); s.Docs != 1 || len(same.ident) != 1 {
		t.Fatalf("%+v and %d in the front, want both to hold the one document kept since the cache was full", s, len(same.ident))
	}
}

// Caches that share a Pool parse a large document once between them: the
// first keeps it at its second sighting and puts it in the pool, the
// others find it there at their first. Outcomes, warnings (under each
// cache's own name for the policy) and counts are those of a Cache
// without a pool but for the parses saved; another layer or another text
// is another document. Several goroutines at once (go test -race).
func TestCachePool(t *testing.T) {
	t.Parallel()
	large := []byte(strings.Replace(allowGet, `"Statement":[`, `"Statement":[{"Effect":"Allow","Action":"s3:GetObjectt","Resource":"*"},`+strings.Repeat(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-with-a-long-name/*"},`, cacheDocMax/90+1), 1))
	input := func(name string) *Input {
		in := getInput()
		in.Identity[0] = Doc{Name: name, Text: large}
		return in
	}
	show := func(t *testing.T, c *Cache, in *Input) string {
		t.Helper()
		out, err := Run(in, Options{Now: fixedNow, Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Warnings) == 0 {
			t.Fatal("no warning")
		}
		j, _ := json.Marshal(struct {
			R authz.Result
			W []Warning
		}{out.Result, out.Warnings})
		return string(j)
	}
	pool := NewPool()
	first := NewCache(16)
	first.UsePool(pool)
	alone := NewCache(16)
	for i, w := range []CacheStats{{Parses: 1}, {Parses: 2, Docs: 1}, {Parses: 2, Hits: 1, Docs: 1}} {
		in := input("ro")
		if got, want := show(t, first, in), show(t, alone, in); got != want {
			t.Fatalf("run %d: %s, without a pool %s", i+1, got, want)
		}
		if s := first.Stats(); s != w || alone.Stats() != w {
			t.Fatalf("run %d: %+v and %+v without a pool, want %+v", i+1, s, alone.Stats(), w)
		}
	}
	want := map[string]string{}
	for _, name := range []string{"a", "b", "c", "d"} {
		want[name] = show(t, NewCache(16), input(name))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := NewCache(16)
			c.UsePool(pool)
			for i := range 3 {
				name := string(rune('a' + (g+i)%4))
				if got := show(t, c, input(name)); got != want[name] {
					t.Errorf("goroutine %d, %s: %s, want %s", g, name, got, want[name])
				}
			}
			if s := c.Stats(); s.Parses != 0 || s.Hits != 3 {
				t.Errorf("goroutine %d: %+v, want every sighting from the pool", g, s)
			}
		}()
	}
	wg.Wait()
	// Another layer, or one byte changed: parsed.
	other := NewCache(16)
	other.UsePool(pool)
	in := getInput()
	in.Boundary = &Doc{Name: "b", Text: large}
	show(t, other, in)
	changed := append([]byte(nil), large...)
	changed[strings.Index(string(changed), "GetObjectt")] = 'g'
	in = input("x")
	in.Identity[0].Text = changed
	show(t, other, in)
	if s := other.Stats(); s.Parses != 3 || s.Hits != 0 {
		t.Fatalf("%+v, want the small identity policy, the boundary and the changed text parsed", s)
	}
	show(t, other, input("y"))
	if s := other.Stats(); s.Parses != 3 || s.Hits != 1 {
		t.Fatalf("%+v, want the pool's document found", s)
	}
}

// An Allow in an RCP other than RCPFullAWSAccess's is warned of (AWS
// supports no other) and changes nothing; RCPFullAWSAccess's own, written
// either way, is not; an Allow in an SCP is not.
func TestRCPAllowWarned(t *testing.T) {
	t.Parallel()
	full := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`
	fullAWS := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"}]}`
	custom := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"},{"Sid":"C","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}`
	count := func(out *Outcome) int {
		n := 0
		for _, w := range out.Warnings {
			if strings.Contains(w.Message, "only in RCPFullAWSAccess") {
				n++
			}
		}
		return n
	}
	base, err := Run(getInput(), Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		docs []string
		want int
	}{{[]string{full}, 0}, {[]string{fullAWS}, 0}, {[]string{full, custom}, 2}} {
		in := getInput()
		in.RCPs = nil
		var lv Level
		for _, d := range tc.docs {
			lv.Policies = append(lv.Policies, Doc{Text: []byte(d)})
		}
		in.RCPs = []Level{lv}
		out, err := Run(in, Options{Now: fixedNow})
		if err != nil {
			t.Fatal(err)
		}
		if n := count(out); n != tc.want {
			t.Errorf("%d RCP documents: %d warnings, want %d: %+v", len(tc.docs), n, tc.want, out.Warnings)
		}
		if out.Result.Decision != base.Result.Decision {
			t.Errorf("an RCP Allow changed the decision: %v, without %v", out.Result.Decision, base.Result.Decision)
		}
	}
	in := getInput()
	in.SCPs = []Level{{Policies: []Doc{{Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`)}}}}
	out, err := Run(in, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(out); n != 0 {
		t.Errorf("an SCP Allow drew %d RCP warnings", n)
	}
}
