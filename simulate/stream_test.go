package simulate_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/deniedhq/denied/simulate"
)

// TestStreamLineOverLimit puts a line longer than MaxLine (a valid case
// padded with spaces, then a case of 65 MiB) among normal ones: the long
// lines get an error result each, numbered, and every other line is
// evaluated, in order.
func TestStreamLineOverLimit(t *testing.T) {
	small := bytes.Split(bytes.TrimSpace(smallCases(3)), []byte("\n"))
	var in bytes.Buffer
	in.Write(small[0])
	in.WriteByte('\n')
	// Line 2: 65 MiB of one JSON string inside a case.
	in.WriteString(`{"id":"huge","action":"s3:GetObject","pad":"`)
	in.WriteString(strings.Repeat("a", 65<<20))
	in.WriteString("\"}\n")
	in.Write(small[1])
	in.WriteString("\r\n\n") // CRLF, then blank line 4
	// Line 5: only spaces, but over the limit.
	in.WriteString(strings.Repeat(" ", simulate.MaxLine+1))
	in.WriteByte('\n')
	in.Write(small[2]) // last line, no newline at the end
	var out bytes.Buffer
	st, err := simulate.Stream(&in, &out, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Cases != 5 || st.Errors != 2 {
		t.Fatalf("stats %+v, want 5 cases of which 2 errors", st)
	}
	sc := bufio.NewScanner(&out)
	var got []string
	for sc.Scan() {
		var r simulate.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("result %q: %v", sc.Text(), err)
		}
		if r.Error != nil {
			got = append(got, "error: "+r.Error.Message)
		} else {
			got = append(got, r.Decision)
		}
	}
	want := []string{"", "error: line 2: case larger than 64 MiB", "", "error: line 5: case larger than 64 MiB", ""}
	if len(got) != len(want) {
		t.Fatalf("results %q, want %d", got, len(want))
	}
	for i := range want {
		if want[i] == "" {
			if strings.HasPrefix(got[i], "error") {
				t.Errorf("result %d = %q, want a decision", i+1, got[i])
			}
			continue
		}
		if got[i] != want[i] {
			t.Errorf("result %d = %q, want %q", i+1, got[i], want[i])
		}
	}
}

// errReader fails after its data.
type errReader struct{ r io.Reader }

func (e errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, io.ErrUnexpectedEOF
	}
	return n, err
}

func TestStreamReadErrorNamesTheLine(t *testing.T) {
	in := bytes.TrimSpace(smallCases(2))
	st, err := simulate.Stream(errReader{bytes.NewReader(append(in, '\n'))}, io.Discard, simulate.Options{})
	if err == nil || !strings.Contains(err.Error(), "reading line 3") {
		t.Fatalf("err = %v, want one naming line 3", err)
	}
	if st.Cases != 2 {
		t.Fatalf("stats %+v, want the 2 cases read before the error", st)
	}
}
