package eval

import (
	"strconv"
	"testing"
)

// benchInput is a request with four identity policies, a boundary and two
// SCP levels.
func benchInput() *Input {
	in := getInput()
	for i := range 3 {
		in.Identity = append(in.Identity, Doc{Name: "list-" + strconv.Itoa(i), Text: []byte(allowList)})
	}
	in.Boundary = &Doc{Name: "boundary", Text: []byte(allowAll)}
	in.SCPs = []Level{
		{Target: "r-root", Policies: []Doc{{Name: "FullAWSAccess", Text: []byte(allowAll)}}},
		{Target: "ou-prod", Policies: []Doc{{Name: "FullAWSAccess", Text: []byte(allowAll)}, {Name: "NoList", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:ListBucket","Resource":"*"}]}`)}}},
	}
	return in
}

// BenchmarkRunCached evaluates the same input again: every document comes
// from the cache.
func BenchmarkRunCached(b *testing.B) {
	in := benchInput()
	opt := Options{Now: fixedNow, Cache: NewCache(4096)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(in, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunReplaceOne replaces the boundary with a new document before
// each evaluation (as a fix being verified does): one document is parsed
// and compiled, the others come from the cache.
func BenchmarkRunReplaceOne(b *testing.B) {
	in := benchInput()
	opt := Options{Now: fixedNow, Cache: NewCache(4096)}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		in.Boundary = &Doc{Name: "boundary", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"V` + strconv.Itoa(i) + `","Effect":"Allow","Action":"*","Resource":"*"}]}`)}
		if _, err := Run(in, opt); err != nil {
			b.Fatal(err)
		}
	}
	if st := opt.Cache.Stats(); st.Parses < b.N {
		b.Fatalf("%+v: the replaced boundary was not parsed each time", st)
	}
}

// BenchmarkRunUncached parses and compiles every document each time.
func BenchmarkRunUncached(b *testing.B) {
	in := benchInput()
	opt := Options{Now: fixedNow}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(in, opt); err != nil {
			b.Fatal(err)
		}
	}
}
