package audit

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/i18n"
)

// repeatReader repeats s without end, counting the bytes read.
type repeatReader struct {
	s   string
	off int
	n   int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.s[r.off]
		r.off = (r.off + 1) % len(r.s)
	}
	r.n += int64(len(p))
	return len(p), nil
}

// TestParseIgnoreHostile: an ignore file that never ends (`yes ENTRY` on
// a FIFO) is refused at the line that passes MaxIgnoreFile, reading no
// more than the limit and a buffer (before: read for ever, its entries
// growing without bound); endless NUL bytes (a link to /dev/zero) or a line
// over MaxIgnoreLine is refused at its line, said in the report's language
// (before: "bufio.Scanner: token too long", English only); NUL bytes and
// invalid UTF-8 inside a line are a bad expiry at that line.
func TestParseIgnoreHostile(t *testing.T) {
	t.Parallel()
	entry := "restore.passrole arn:aws:backup:us-east-1:111122223333:recovery-point:x 2099-01-01 accepted\n"
	r := &repeatReader{s: entry}
	_, err := ParseIgnore(r, "ignore.txt")
	var ie *IgnoreError
	line := MaxIgnoreFile/len(entry) + 1 // the line that passes the limit
	if !errors.As(err, &ie) || ie.Line != line || ie.Error() != "ignore.txt:"+strconv.Itoa(line)+": the file is larger than 16 MiB (the limit of an ignore file)" {
		t.Errorf("endless entries: %v; want the limit at line %d", err, line)
	}
	if r.n > MaxIgnoreFile+MaxIgnoreLine {
		t.Errorf("endless entries: %d bytes read", r.n)
	}
	for _, tc := range []struct {
		name string
		r    io.Reader
		want string
	}{
		{"/dev/zero", &repeatReader{s: "\x00"}, "z:1: the line is longer than 1 MiB (the limit of a line)"},
		{"a long line", strings.NewReader("# ok\n* " + strings.Repeat("x", MaxIgnoreLine) + " 2099-01-01 r\n"), "z:2: the line is longer than 1 MiB (the limit of a line)"},
		{"NUL bytes", strings.NewReader("# ok\nrule res 2099-\x0001-01 r\n"), `z:2: expiry "2099-\x0001-01" is not a date YYYY-MM-DD`},
		{"invalid UTF-8", strings.NewReader("rule res \xff\xfe r\n"), `z:1: expiry "\xff\xfe" is not a date YYYY-MM-DD`},
	} {
		_, err := ParseIgnore(tc.r, "z")
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v; want %s", tc.name, err, tc.want)
		}
	}
	_, err = ParseIgnore(&repeatReader{s: "\x00"}, "z")
	if !errors.As(err, &ie) || ie.Text(i18n.JA) != "z:1: 行が 1 MiB (1 行の上限) を超えています" {
		t.Errorf("ja: %v", err)
	}
}
