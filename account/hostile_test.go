package account

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// endless is an io.Reader that never ends: head, then fill forever. It
// counts what was read.
type endless struct {
	head []byte
	fill byte
	n    int64
}

func (e *endless) Read(p []byte) (int, error) {
	k := copy(p, e.head)
	e.head = e.head[k:]
	for i := k; i < len(p); i++ {
		p[i] = e.fill
	}
	e.n += int64(len(p))
	return len(p), nil
}

// TestLoadEndlessNotJSON: /dev/zero or `yes` on stdin (input of unknown
// length that cannot start JSON) is refused at its first byte, at 1:1 (or
// after its white space), as Parse refuses it, without reading on (was:
// read to the size limit, 512 MiB, peaking at 1.4 to 2 GB, 2.5 to 7.6 s).
func TestLoadEndlessNotJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *endless
		line int
		col  int
		want string
	}{
		{"/dev/zero", &endless{fill: 0}, 1, 1, `found '\x00'`},
		{"yes", &endless{head: []byte("y\n"), fill: 'y'}, 1, 1, `found 'y'`},
		{"white space then NUL", &endless{head: []byte(" \n\n  "), fill: 0}, 3, 3, `found '\x00'`},
		{"BOM", &endless{head: []byte("\ufeff{"), fill: ' '}, 1, 1, `found '\ufeff'`},
	} {
		_, err := Load(tc.r)
		var ae *Error
		if !errors.As(err, &ae) || ae.Line != tc.line || ae.Col != tc.col || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want an *Error at %d:%d, %s", tc.name, err, tc.line, tc.col, tc.want)
		}
		if tc.r.n > 1<<20 {
			t.Errorf("%s: %d bytes read before refusing, want the first chunk only", tc.name, tc.r.n)
		}
	}
	// A gzip stream of NUL bytes (a bomb: 64 MiB in 64 KiB): refused at
	// its first decompressed byte, not counted to the limit.
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	if _, err := io.Copy(zw, io.LimitReader(&endless{}, 64<<20)); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	_, err := Load(bytes.NewReader(z.Bytes()))
	if ae := (*Error)(nil); !errors.As(err, &ae) || ae.Line != 1 || ae.Col != 1 {
		t.Errorf("gzip of NUL bytes: %v; want an *Error at 1:1", err)
	}
}

// TestLoadEndlessJSONBoundedMemory: endless input that looks like JSON
// (stdin that never ends, a FIFO) is refused at the size limit holding
// about the limit, not the 3 to 4 times of a buffer grown by appending
// (16 MiB limit: 97 MiB allocated before, 16 MiB after); input of unknown
// length within the limit costs at most twice its size, and comes back in
// a buffer of its size (10 MiB: 49 MiB allocated before, into a buffer
// of 10.07 MiB; 20 MiB after, its size).
func TestLoadEndlessJSONBoundedMemory(t *testing.T) {
	t.Setenv(MaxSizeEnv, "16")
	const limit = 16 << 20
	r := &endless{head: []byte(`{"accountId":"`), fill: 'a'}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Load(r)
	runtime.ReadMemStats(&after)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != limit {
		t.Fatalf("%v; want a TooLargeError at 16 MiB", err)
	}
	if r.n > limit+32<<20 {
		t.Errorf("%d bytes read, want the limit and a chunk at most", r.n)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > limit*5/4 {
		t.Errorf("refusing endless input allocated %d MiB, want about the limit (16 MiB)", got>>20)
	}
	// Within the limit, from a reader of unknown length.
	data := append([]byte(`{"pad":"`), bytes.Repeat([]byte("x"), 10<<20)...)
	data = append(data, `"}`...)
	runtime.ReadMemStats(&before)
	got, err := readMaybeGzip(io.MultiReader(bytes.NewReader(data)))
	runtime.ReadMemStats(&after)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("%d bytes, %v; want the input", len(got), err)
	}
	if cap(got) != len(data) {
		t.Errorf("buffer of %d bytes for %d", cap(got), len(data))
	}
	if a := after.TotalAlloc - before.TotalAlloc; a > uint64(2*len(data)+1<<20) {
		t.Errorf("reading %d MiB of unknown length allocated %d MiB, want at most twice", len(data)>>20, a>>20)
	}
}
