package simulate

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// FuzzLineReader: lines of any length come out as bytes.Split gives them
// (without "\r\n" or "\n"), those over the limit marked too long and not
// kept, whatever the reads' sizes.
func FuzzLineReader(f *testing.F) {
	f.Add("a\nbb\r\nccc", 2)
	f.Add("\n\n\r\n", 1)
	f.Add(strings.Repeat("x", 40)+"\nshort\n", 8)
	f.Add("no newline at the end", 100)
	f.Fuzz(func(t *testing.T, in string, max int) {
		if max < 0 || max > 64 {
			return
		}
		want := strings.Split(in, "\n")
		if strings.HasSuffix(in, "\n") || in == "" {
			want = want[:len(want)-1]
		}
		lr := &lineReader{r: bufio.NewReaderSize(iotest.OneByteReader(strings.NewReader(in)), 16), max: max}
		for i := 0; ; i++ {
			data, tooLong, err := lr.next()
			if err == io.EOF {
				if i != len(want) {
					t.Fatalf("%d lines, want %d", i, len(want))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if i >= len(want) {
				t.Fatalf("line %d beyond the %d lines", i+1, len(want))
			}
			w := strings.TrimSuffix(want[i], "\r")
			if tooLong != (len(w) > max) {
				t.Fatalf("line %d (%d bytes, max %d): tooLong %v", i+1, len(w), max, tooLong)
			}
			if !tooLong && !bytes.Equal(data, []byte(w)) {
				t.Fatalf("line %d = %q, want %q", i+1, data, w)
			}
		}
	})
}
