package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Running the generator twice on the fixture writes identical files.
func TestRunDeterministic(t *testing.T) {
	data := filepath.Join("testdata", "iam-data", "data")
	out1, out2 := t.TempDir(), t.TempDir()
	if err := run(data, out1, "0.0.1", true); err != nil {
		t.Fatal(err)
	}
	if err := run(data, out2, "", true); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"catalog.bin", "descriptions.bin.gz", "VERSION"} {
		b1, err := os.ReadFile(filepath.Join(out1, name))
		if err != nil {
			t.Fatal(err)
		}
		b2, err := os.ReadFile(filepath.Join(out2, name))
		if err != nil {
			t.Fatal(err)
		}
		if len(b1) == 0 || !bytes.Equal(b1, b2) {
			t.Errorf("%s differs between runs (%d and %d bytes)", name, len(b1), len(b2))
		}
	}
	entries, err := os.ReadDir(out1)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Errorf("%d files written, want 3", len(entries))
	}
	if err := run(data, t.TempDir(), "9.9.9", true); err == nil {
		t.Error("wrong -expect-version accepted")
	}
}
