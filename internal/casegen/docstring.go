package casegen

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"net/url"
	"strings"

	"github.com/deniedhq/denied/simulate"
)

// A case may give a document as a JSON string holding the document's
// text, URL-encoded or not, as IAM's GetRolePolicy, GetUserPolicy,
// GetPolicyVersion and GetAccountAuthorizationDetails return it ("URL-encoded
// compliant with RFC 3986"); `denied simulate` decodes it (eval.DocumentText).
// The generator writes a small share of the documents of every layer that
// way, so that the differential test, whose oracle is given the decoded
// object (tools/oracle/oracle.cjs decodes it independently), sees a wrong
// decoding as a disagreement.
//
// The choices are drawn from a stream of their own (Generator.enc), so the
// cases are the ones the generator made before it wrote string documents,
// but for those documents.

// Document encoding tags.
const (
	// FeatDocString: a document given as a JSON string holding its JSON text.
	FeatDocString = "doc:json-string"
	// FeatDocURLEncoded: a document given as a JSON string holding its
	// URL-encoded text, which starts with "%" (IAM's form).
	FeatDocURLEncoded = "doc:url-encoded"
	// FeatDocURLEncodedBOM: the URL-encoded text after a byte order mark,
	// so that it starts with neither "%" nor "{" but holds "%7B".
	FeatDocURLEncodedBOM = "doc:url-encoded-bom"
)

// docStringShare is the share of documents written as strings.
const docStringShare = 0.04

// encodeDocs writes some of c's documents as JSON strings.
func (g *Generator) encodeDocs(c *simulate.Case) {
	eachDoc(c, func(d *simulate.PolicyDoc, _ bool) {
		if d == nil || g.enc.Float64() >= docStringShare {
			return
		}
		d.Document = g.encodeDoc(d.Document)
	})
}

// encodeDoc returns the JSON string that holds doc, a marshalled policy,
// in one of the forms IAM and the tools that read it write.
func (g *Generator) encodeDoc(doc json.RawMessage) json.RawMessage {
	r := g.enc
	text := string(doc)
	if r.IntN(4) == 0 {
		// as `aws iam get-policy-version` prints it, or a file holds it
		var b bytes.Buffer
		if json.Indent(&b, doc, "", pickR(r, []string{"  ", "    ", "\t"})) == nil {
			text = b.String()
		}
	}
	var s string
	switch n := r.IntN(10); {
	case n < 4:
		g.tag(FeatDocString)
		s = text
		if r.IntN(4) == 0 {
			s = pickR(r, []string{" ", "\n", "\r\n"}) + s + pickR(r, []string{"", "\n", " "})
		}
	case n < 8:
		g.tag(FeatDocURLEncoded)
		s = iamEscape(text)
		switch r.IntN(6) {
		case 0:
			s = lowerEscapes(s) // %7b%22..., as some encoders write
		case 1:
			s = "%20" + s // an encoded leading space
		case 2:
			s = "\n" + s + "\n"
		}
	default:
		g.tag(FeatDocURLEncodedBOM)
		s = "\ufeff" + iamEscape(text)
	}
	b, err := json.Marshal(s)
	if err != nil {
		panic("casegen: " + err.Error()) // a string always marshals
	}
	return b
}

// iamEscape percent-encodes every byte of s but the unreserved characters
// of RFC 3986 (letters, digits, "-", "_", ".", "~"), as IAM does: a space
// is %20, never "+".
func iamEscape(s string) string {
	// url.QueryEscape leaves the unreserved characters alone and writes a
	// space as "+" (and a "+" as %2B).
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// lowerEscapes writes the hex digits of every escape of s in lower case.
func lowerEscapes(s string) string {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			for j := i + 1; j <= i+2; j++ {
				if 'A' <= b[j] && b[j] <= 'F' {
					b[j] += 'a' - 'A'
				}
			}
			i += 2
		}
	}
	return string(b)
}

func pickR[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
