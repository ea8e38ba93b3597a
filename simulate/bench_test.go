package simulate_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/simulate"
)

func smallCases(n int) []byte { return casegen.SmallCases(n) }

func TestSmallCasesEvaluate(t *testing.T) {
	st, err := simulate.Stream(bytes.NewReader(smallCases(500)), io.Discard, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Cases != 500 || st.Errors != 0 {
		t.Fatalf("stats %+v, want 500 cases and no errors", st)
	}
	if st.Denied == 0 || st.Denied == st.Cases {
		t.Fatalf("stats %+v: want a mix of decisions", st)
	}
}

// BenchmarkStream measures `denied simulate --jsonl` end to end (decode,
// parse, compile, evaluate, encode) on small cases, on every CPU.
func BenchmarkStream(b *testing.B) {
	const n = 10000
	in := smallCases(n)
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := simulate.Stream(bytes.NewReader(in), io.Discard, simulate.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "cases/s")
}

// BenchmarkEvaluateJSON measures one small case on one core.
func BenchmarkEvaluateJSON(b *testing.B) {
	lines := bytes.Split(bytes.TrimSpace(smallCases(100)), []byte("\n"))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r := simulate.EvaluateJSON(lines[i%len(lines)]); r.Error != nil {
			b.Fatal(r.Error)
		}
	}
}

// generatedCases are cases from the differential generator: every layer,
// conditions and variables, about 2.3 KB each.
func generatedCases(n int) []byte {
	var b bytes.Buffer
	g := casegen.New(1)
	for range n {
		b.Write(g.Next())
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BenchmarkStreamGenerated measures `denied simulate --jsonl` end to end
// on generated cases, on every CPU; allocs/op are per case.
func BenchmarkStreamGenerated(b *testing.B) {
	const n = 5000
	in := generatedCases(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := simulate.Stream(bytes.NewReader(in), io.Discard, simulate.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "cases/s")
}

// BenchmarkCaseGenerated measures one generated case on one core, through
// a worker's cache as Stream uses it.
func BenchmarkCaseGenerated(b *testing.B) {
	lines := bytes.Split(bytes.TrimSpace(generatedCases(5000)), []byte("\n"))
	opt := simulate.Options{Cache: simulate.NewCache(4096)}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		simulate.EvaluateJSONWith(lines[i%len(lines)], opt)
	}
}
