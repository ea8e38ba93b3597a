package account

import (
	"bytes"
	"testing"
)

// BenchmarkLoad10000Roles measures Load of a synthetic 10,000-role snapshot
// (target: under 1 s per load; see the architecture's targets).
func BenchmarkLoad10000Roles(b *testing.B) {
	var buf bytes.Buffer
	if err := Save(&buf, Synthetic(10000, 1), false); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad10000RolesGzip is the same snapshot, gzip-compressed.
func BenchmarkLoad10000RolesGzip(b *testing.B) {
	var buf bytes.Buffer
	if err := Save(&buf, Synthetic(10000, 1), true); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
