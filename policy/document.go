package policy

import (
	"fmt"

	"github.com/deniedhq/denied/internal/jsonx"
)

// ParseDocument is like Parse, but also accepts a policy document in the
// wrappings AWS APIs and tools return it in:
//
//   - a JSON string whose content is the document, such as
//     "{\"Version\": ...}" (the value of a PolicyDocument field);
//   - URL-encoded text, such as %7B%22Version%22%3A... (IAM's GetPolicyVersion,
//     GetRolePolicy and GetAccountAuthorizationDetails return documents
//     percent-encoded as in RFC 3986);
//   - both: a JSON string whose content is URL-encoded.
//
// Percent-decoding follows url.PathUnescape: "+" stays a plus sign, as it
// does in IAM's encoding. The text is decoded when it starts with "%7B" (in
// any case), or when it does not start like JSON but decodes to text that
// starts with "{".
//
// When the document was unwrapped or decoded, the positions of findings
// about the document refer to the unwrapped, decoded text, not to data;
// findings about the wrapping itself (an unterminated string, a bad
// percent escape) refer to data, or to the unwrapped text for a bad
// percent escape inside a JSON string.
func ParseDocument(data []byte) (*Policy, []Finding) {
	text, fs, ok := unwrap(data)
	if !ok {
		return nil, fs
	}
	p, more := Parse(text)
	if len(fs) == 0 {
		return p, more
	}
	return p, append(fs, more...)
}

// unwrap removes a JSON string wrapping and URL encoding from data.
func unwrap(data []byte) ([]byte, []Finding, bool) {
	i := skipSpaceBOM(data, 0)
	if i < len(data) && data[i] == '"' {
		s := newScanner(data)
		// Count lines up to i so that positions are right.
		for j := 0; j < i; j++ {
			if data[j] == '\n' {
				s.line++
				s.lineStart = j + 1
			}
		}
		s.off = i
		str, ok := s.str()
		if !ok {
			return nil, s.findings, false
		}
		s.skipSpace()
		if s.off < len(data) {
			s.fail("after the end of the string holding the document")
			return nil, s.findings, false
		}
		data = []byte(str)
		i = skipSpaceBOM(data, 0)
	}
	if i >= len(data) {
		return data, nil, true
	}
	dec, encoded, bad := URLDecode(data)
	if bad >= 0 {
		p := posOf(data, bad)
		return nil, []Finding{{
			Severity: Error,
			Code:     CodeInvalidJSON,
			Message:  fmt.Sprintf("invalid percent escape at %s in a URL-encoded document: \"%%\" must be followed by two hex digits", p),
			Pos:      p,
		}}, false
	}
	if encoded {
		return dec, nil, true
	}
	return data, nil, true
}

// URLDecode decodes text, the content of a policy document (unwrapped
// from a JSON string holding it, if it was), when it is URL-encoded as
// ParseDocument takes it: when, after a byte-order mark and white space,
// it starts with "%7B" in any case ("%7b" is as legal), or when it does
// not start like JSON and decodes without error to text whose first
// character (after a byte-order mark and white space) is "{". Text that
// starts like JSON is never decoded: a percent sign in a value stays as
// it is. Decoding follows url.PathUnescape ("+" stays a plus sign).
//
// It returns the decoded text and true, or text itself and false. bad
// is -1, or, for a text that starts with "%7B" but holds an escape not
// followed by two hex digits, the offset in text of that "%" (dec is nil,
// encoded true).
func URLDecode(text []byte) (dec []byte, encoded bool, bad int) {
	i := skipSpaceBOM(text, 0)
	if i >= len(text) {
		return text, false, -1
	}
	if len(text)-i >= 3 && text[i] == '%' && text[i+1] == '7' && (text[i+2] == 'B' || text[i+2] == 'b') {
		dec, bad := percentDecode(text)
		if bad >= 0 {
			return nil, true, bad
		}
		return dec, true, -1
	}
	if !startsLikeJSON(text[i]) {
		if dec, bad := percentDecode(text); bad < 0 {
			if j := skipSpaceBOM(dec, 0); j < len(dec) && dec[j] == '{' {
				return dec, true, -1
			}
		}
	}
	return text, false, -1
}

func startsLikeJSON(c byte) bool {
	switch c {
	case '{', '[', '"', '-', 't', 'f', 'n':
		return true
	}
	return isDigit(c)
}

func skipSpaceBOM(data []byte, i int) int {
	if len(data) >= i+3 && data[i] == bom[0] && data[i+1] == bom[1] && data[i+2] == bom[2] {
		i += 3
	}
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	return i
}

// posOf computes the position of offset off in data.
func posOf(data []byte, off int) Pos {
	line, col := jsonx.LineCol(data, off)
	return Pos{Line: line, Col: col, Offset: off}
}

// percentDecode decodes %XX escapes exactly like url.PathUnescape. It
// returns the offset of the first malformed escape, or -1.
func percentDecode(data []byte) ([]byte, int) {
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c != '%' {
			out = append(out, c)
			continue
		}
		if i+2 >= len(data) {
			return nil, i
		}
		hi, lo := jsonx.HexVal(data[i+1]), jsonx.HexVal(data[i+2])
		if hi < 0 || lo < 0 {
			return nil, i
		}
		out = append(out, byte(hi<<4|lo))
		i += 2
	}
	return out, -1
}
