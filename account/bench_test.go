package account

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"
)

// syntheticJSON is Synthetic(nRoles, 1) saved as indented JSON, as
// `denied collect` writes it (10,000 roles: about 35 MB).
func syntheticJSON(b *testing.B, nRoles int, gz bool) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := Save(&buf, Synthetic(nRoles, 1), gz); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// benchmarkLoad measures Load of a synthetic snapshot of nRoles roles
// (target: 50,000 roles in under 1 s). It reports the live heap the loaded
// snapshot holds (live-MB) beside the allocations of a load.
func benchmarkLoad(b *testing.B, nRoles int, gz bool) {
	data := syntheticJSON(b, nRoles, gz)
	if !gz {
		b.SetBytes(int64(len(data)))
	}
	b.ReportAllocs()
	var s *Snapshot
	for b.Loop() {
		var err error
		if s, err = Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	data = nil
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "live-MB")
	runtime.KeepAlive(s)
}

func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{10000, 50000} {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) { benchmarkLoad(b, n, false) })
	}
	b.Run("roles=10000/gzip", func(b *testing.B) { benchmarkLoad(b, 10000, true) })
}

// BenchmarkLoadPhases measures the phases of Parse on a synthetic snapshot
// of 10,000 roles apart: decode (fastDecode into a new Snapshot) and
// validate (every required field, ARN and policy document of the decoded
// snapshot; run with -cpu 1 for its CPU time: documents are checked on
// every core).
func BenchmarkLoadPhases(b *testing.B) {
	data := syntheticJSON(b, 10000, false)
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if !fastDecode(data, new(Snapshot)) {
				b.Fatal("fastDecode refused the snapshot")
			}
		}
	})
	b.Run("validate", func(b *testing.B) {
		s := new(Snapshot)
		if !fastDecode(data, s) {
			b.Fatal("fastDecode refused the snapshot")
		}
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if err := s.validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLines measures Lines at the depth audit asks for (4) on a
// synthetic snapshot of 10,000 roles and as many recovery points (about
// 38 MB), through the scanner and through linesDecoder.
func BenchmarkLines(b *testing.B) {
	s := Synthetic(10000, 1)
	SyntheticRecoveryPoints(s, 10000)
	var buf bytes.Buffer
	if err := Save(&buf, s, false); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for _, v := range []struct {
		name  string
		lines func([]byte, int) map[string]int
	}{{"scanner", Lines}, {"decoder", linesDecoder}} {
		b.Run(v.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				v.lines(data, 4)
			}
		})
	}
}
