package account

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestReadLimited reads the same bytes with every kind of size hint up to
// the limit: exact, too small, too large, unknown; and refuses one byte
// past the limit, and a hint past the limit without reading.
func TestReadLimited(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 1000)
	for _, hint := range []int64{-1, 0, 1, 511, 512, 9999, 10000} {
		got, err := readLimited(io.MultiReader(bytes.NewReader(data[:3000]), bytes.NewReader(data[3000:])), hint, 10000)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("hint %d: %d bytes, %v; want %d bytes", hint, len(got), err, len(data))
		}
		_, err = readLimited(bytes.NewReader(data), hint, 9999)
		var tl *TooLargeError
		if !errors.As(err, &tl) || tl.Limit != 9999 || tl.Compressed {
			t.Errorf("hint %d, limit 9999: %v, want a TooLargeError", hint, err)
		}
	}
	r := bytes.NewReader(data)
	if _, err := readLimited(r, 10001, 10000); !errors.As(err, new(*TooLargeError)) || r.Len() != len(data) {
		t.Errorf("hint past the limit: %v, %d bytes read; want a TooLargeError, nothing read", err, len(data)-r.Len())
	}
}

// TestSizeHint: a file's size from where it is read, a reader's length,
// nothing for a pipe-like reader.
func TestSizeHint(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.json")
	if err := os.WriteFile(path, make([]byte, 1234), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := sizeHint(f); got != 1234 {
		t.Errorf("file: %d, want 1234", got)
	}
	if _, err := f.Seek(1000, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if got := sizeHint(f); got != 234 {
		t.Errorf("file at 1000: %d, want 234", got)
	}
	if got := sizeHint(bytes.NewReader(make([]byte, 77))); got != 77 {
		t.Errorf("bytes.Reader: %d, want 77", got)
	}
	if got := sizeHint(io.MultiReader(bytes.NewReader(nil))); got != -1 {
		t.Errorf("MultiReader: %d, want -1", got)
	}
}
