package eval_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/policy"
)

// TestDocumentTextDecodesAsParseDocument holds eval.DocumentText to
// policy.ParseDocument's reading of a document string: URL-encoded when it
// starts with %7B in either case (after a byte-order mark or white space),
// as it is when it starts like JSON, a percent sign in a value included.
func TestDocumentTextDecodesAsParseDocument(t *testing.T) {
	const doc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}`
	const percent = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/100%"}]}`
	upper := url.PathEscape(doc) // %7B%22Version%22...
	lower := strings.NewReplacer("%7B", "%7b", "%7D", "%7d", "%3A", "%3a", "%2A", "%2a").Replace(upper)
	if !strings.HasPrefix(upper, "%7B") || !strings.HasPrefix(lower, "%7b") {
		t.Fatalf("encodings %q, %q", upper, lower)
	}
	const bom = "\ufeff"
	str := func(s string) string {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name, raw string
		want      string // the document it must hold
	}{
		{"object", doc, doc},
		{"object, a percent sign in a value", percent, percent},
		{"plain JSON string", str(doc), doc},
		{"plain JSON string, a percent sign in a value", str(percent), percent},
		{"upper-case %7B", str(upper), doc},
		{"lower-case %7b", str(lower), doc},
		{"leading white space, %7B", str(" \n\t" + upper), doc},
		{"leading white space, %7b", str("  " + lower), doc},
		{"byte-order mark, %7B", str(bom + upper), doc},
		{"byte-order mark, %7b", str(bom + lower), doc},
		{"byte-order mark and white space, %7b", str(bom + " " + lower), doc},
		{"byte-order mark, plain JSON", str(bom + doc), doc},
		{"byte-order mark, a percent sign in a value", str(bom + percent), percent},
		{"encoded value %7B in a plain JSON string", str(strings.Replace(doc, "b/*", "b/%7B", 1)), strings.Replace(doc, "b/*", "b/%7B", 1)},
		{"byte-order mark, encoded value %7b in plain JSON", str(bom + strings.Replace(doc, "b/*", "b/%7b", 1)), strings.Replace(doc, "b/*", "b/%7b", 1)},
		{"byte-order mark, encoded value %7B in plain JSON", str(bom + strings.Replace(doc, "b/*", "b/100%25%7B", 1)), strings.Replace(doc, "b/*", "b/100%25%7B", 1)},
		{"encoded white space before %7B", str("%20" + upper), doc},
	}
	for _, tt := range tests {
		text, err := eval.DocumentText([]byte(tt.raw))
		if err != nil {
			t.Errorf("%s: DocumentText(%s): %v", tt.name, tt.raw, err)
			continue
		}
		got := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(text)), bom))
		if got != tt.want {
			t.Errorf("%s: DocumentText(%s) = %q, want %q", tt.name, tt.raw, text, tt.want)
		}
		// The text parses to the document ParseDocument reads from raw.
		p, fs := policy.Parse(text)
		q, gs := policy.ParseDocument([]byte(tt.raw))
		if policy.HasErrors(fs) || policy.HasErrors(gs) || p == nil || q == nil {
			t.Errorf("%s: Parse(DocumentText) %v, ParseDocument %v", tt.name, fs, gs)
			continue
		}
		if a, b := string(policy.Format(p)), string(policy.Format(q)); a != b {
			t.Errorf("%s: DocumentText's document\n%s\nParseDocument's\n%s", tt.name, a, b)
		}
	}
}

// TestDocumentTextBadEncoding: a string that starts with %7b but holds a
// malformed escape is an error naming the escape, as ParseDocument's; no
// document is given, null is none.
func TestDocumentTextBadEncoding(t *testing.T) {
	for _, raw := range []string{`"%7b%22Version%zz"`, `"%7B%22Version%2"`} {
		_, err := eval.DocumentText([]byte(raw))
		if err == nil || !strings.Contains(err.Error(), "URL-encoded") {
			t.Errorf("DocumentText(%s): %v, want an error about the URL encoding", raw, err)
		}
		if _, fs := policy.ParseDocument([]byte(raw)); !policy.HasErrors(fs) {
			t.Errorf("ParseDocument(%s): no error", raw)
		}
	}
	for _, raw := range []string{"", "  ", "null"} {
		if _, err := eval.DocumentText([]byte(raw)); err == nil || !strings.Contains(err.Error(), "no document") {
			t.Errorf("DocumentText(%q): %v", raw, err)
		}
	}
	if _, err := eval.DocumentText([]byte(`"{\"Version`)); err == nil {
		t.Errorf("an unterminated string: no error")
	}
}
