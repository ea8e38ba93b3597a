package awsnet

import (
	"io"
	"strings"
	"testing"
)

// TestLimitedBody: a body of exactly the limit reads whole; one byte more
// fails the read with the limit.
func TestLimitedBody(t *testing.T) {
	t.Parallel()
	const max = 3 << 20
	b := &limitedBody{ReadCloser: io.NopCloser(strings.NewReader(strings.Repeat("a", max))), left: max, max: max}
	if n, err := io.Copy(io.Discard, b); n != max || err != nil {
		t.Errorf("exactly the limit: %d bytes, %v", n, err)
	}
	b = &limitedBody{ReadCloser: io.NopCloser(strings.NewReader(strings.Repeat("a", max+1))), left: max, max: max}
	if n, err := io.Copy(io.Discard, b); n != max || err == nil || err.Error() != "answer larger than 3 MiB (denied's limit of one AWS answer)" {
		t.Errorf("one byte more: %d bytes, %v", n, err)
	}
}
