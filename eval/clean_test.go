package eval_test

import (
	"bytes"
	"testing"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/internal/testutil"
)

// TestFastParseAgrees holds parseDoc's fast path (policy.ParseClean) to
// the parser alone on every testdata document and the documents of
// generated cases, for every layer: same error, warnings, model and
// compiled policy. (policy's TestParseCleanAgrees and FuzzParseClean hold
// ParseClean to the parser on many more, mutated, documents.)
func TestFastParseAgrees(t *testing.T) {
	docs := testutil.PolicyDocuments(t)
	n := 2000
	if testing.Short() {
		n = 200
	}
	for _, c := range casegen.Generate(11, n) {
		docs = appendCaseDocs(docs, c)
	}
	seen := map[string]bool{}
	var total, clean int
	for _, d := range docs {
		if seen[string(d)] {
			continue
		}
		seen[string(d)] = true
		for _, l := range authz.Layers {
			total++
			ok, diff := eval.CompareParse(l, d)
			if ok {
				clean++
			}
			if diff != "" {
				t.Fatalf("%s policy %q (fast path taken: %v): %s", l, d, ok, diff)
			}
		}
	}
	t.Logf("%d documents x layers, %d through the fast path", total, clean)
	if clean*2 < total {
		t.Errorf("the fast path took %d of %d documents: too few", clean, total)
	}
}

// appendCaseDocs appends the "document" values of a simulate case as
// written (objects, or strings holding one).
func appendCaseDocs(out [][]byte, c []byte) [][]byte {
	key := []byte(`"document":`)
	for {
		i := bytes.Index(c, key)
		if i < 0 {
			return out
		}
		c = c[i+len(key):]
		depth, inStr, end := 0, false, -1
	scan:
		for j := 0; j < len(c); j++ {
			switch b := c[j]; {
			case inStr && b == '\\':
				j++
			case inStr && b == '"':
				inStr = false
				if depth == 0 {
					end = j + 1
					break scan
				}
			case inStr:
			case b == '"':
				inStr = true
			case b == '{' || b == '[':
				depth++
			case b == '}' || b == ']':
				if depth--; depth == 0 {
					end = j + 1
					break scan
				}
			}
		}
		if end < 0 {
			return out
		}
		out = append(out, c[:end])
		c = c[end:]
	}
}
