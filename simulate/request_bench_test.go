package simulate_test

import (
	"bytes"
	"testing"

	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/simulate"
)

// cachedGenerated are the first n generated cases, and a cache that
// holds every one of their documents: what remains of a case's work
// without parsing or compiling (decode, request, validation,
// evaluation, result).
func cachedGenerated(b *testing.B, n int) ([][]byte, simulate.Options) {
	g := casegen.New(1)
	lines := make([][]byte, n)
	for i := range lines {
		lines[i] = bytes.Clone(g.Next())
	}
	opt := simulate.Options{Cache: simulate.NewCache(4096)}
	for _, l := range lines {
		simulate.EvaluateOwned(bytes.Clone(l), opt)
	}
	before := opt.Cache.Stats().Parses
	for _, l := range lines {
		simulate.EvaluateOwned(bytes.Clone(l), opt)
	}
	if p := opt.Cache.Stats().Parses; p != before {
		b.Fatalf("%d documents parsed again: the cache does not hold them all", p-before)
	}
	return lines, opt
}

// BenchmarkCaseCachedGenerated measures one generated case whose
// documents are all in the worker's cache, result encoded: the per-case
// work outside parsing and compiling.
func BenchmarkCaseCachedGenerated(b *testing.B) {
	lines, opt := cachedGenerated(b, 200)
	owned := make([][]byte, len(lines))
	for i := range lines {
		owned[i] = bytes.Clone(lines[i])
	}
	var out []byte
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out = simulate.EvaluateOwned(owned[i%len(owned)], opt).AppendJSON(out[:0])
	}
}

// BenchmarkDecodeGenerated measures decoding a generated case (from
// bytes of its own, as Stream decodes it).
func BenchmarkDecodeGenerated(b *testing.B) {
	g := casegen.New(1)
	lines := make([][]byte, 200)
	for i := range lines {
		lines[i] = bytes.Clone(g.Next())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := simulate.DecodeShared(lines[i%len(lines)]); err != nil {
			b.Fatal(err)
		}
	}
}
