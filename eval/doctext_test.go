package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/deniedhq/denied/policy"
)

// documentTextJSON is DocumentText as it was, through encoding/json alone:
// the reference jsonx's decoding is held to.
func documentTextJSON(raw []byte) ([]byte, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, fmt.Errorf("the policy has no document")
	}
	if raw[0] != '"' {
		return raw, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("the document string is not valid JSON: %v", err)
	}
	t := []byte(strings.TrimSpace(s))
	dec, encoded, bad := policy.URLDecode(t) // the URL decoding ParseDocument's (TestDocumentTextDecodesAsParseDocument)
	if bad >= 0 {
		return nil, fmt.Errorf("the document looks URL-encoded but does not decode: %q at offset %d of the string is not followed by two hex digits", "%", bad)
	}
	if encoded {
		t = dec
	}
	return t, nil
}

func checkDocumentText(t *testing.T, raw []byte) {
	got, gerr := DocumentText(raw)
	want, werr := documentTextJSON(raw)
	if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() || !bytes.Equal(got, want) {
		t.Fatalf("DocumentText(%q) = %q, %v; encoding/json's reading %q, %v", raw, got, gerr, want, werr)
	}
}

// TestDocumentTextAgrees: a document string decodes as encoding/json
// decodes it: escapes, surrogate pairs and halves, invalid UTF-8, URL
// encoding, and strings that are not one JSON string.
func TestDocumentTextAgrees(t *testing.T) {
	for _, raw := range []string{
		`{"Version":"2012-10-17"}`,
		`"{\"Version\":\"2012-10-17\",\"Statement\":[]}"`,
		`  "{\"a\":\"\u00e9\ud83d\ude00\ud800x\udc00\"}"  `,
		"\"{\\\"a\\\":\\\"\xff\\\"}\"",
		`"%7B%22Version%22%3A%222012-10-17%22%7D"`,
		`" %7B%22Version%22%3A%222012-10-17%22%7D"`,
		`"%zz"`,
		`"{\"a\":1}" "x"`,
		`"{\"a\":1}`,
		`"\x"`,
		`"tab	inside"`,
		`null`,
		`""`,
	} {
		checkDocumentText(t, []byte(raw))
	}
}

func FuzzDocumentText(f *testing.F) {
	f.Add([]byte(`"{\"a\":\"\u00e9\"}"`))
	f.Add([]byte(`"%7B%22a%22%7D"`))
	f.Fuzz(func(t *testing.T, raw []byte) { checkDocumentText(t, raw) })
}
