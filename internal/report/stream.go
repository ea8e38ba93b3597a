package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// bufSize is the buffer the streaming writers write through.
const bufSize = 64 << 10

// jsonStream writes indented JSON values one at a time, as
// json.Encoder.SetIndent("", "  ") would write them inside the document
// they belong to, through reused buffers: a writer streams a report value
// by value instead of building and indenting it whole.
type jsonStream struct {
	w   *bufio.Writer
	raw bytes.Buffer
	out []byte
	enc *json.Encoder
	// base is the depth of the whole document: 0 for a document of its
	// own, more for one written as a value inside another (every depth
	// below is relative to it).
	base int
}

func newJSONStream(w io.Writer) *jsonStream {
	return newJSONStreamAt(w, 0, false)
}

// newJSONStreamAt returns a stream of a document that is a value at
// depth base of an enclosing document, HTML-escaped (as json.Marshal
// escapes) if escapeHTML; the reports write theirs without.
func newJSONStreamAt(w io.Writer, base int, escapeHTML bool) *jsonStream {
	j := &jsonStream{w: bufio.NewWriterSize(w, bufSize), base: base}
	j.enc = json.NewEncoder(&j.raw)
	j.enc.SetEscapeHTML(escapeHTML)
	return j
}

// indented returns v as JSON indented for a depth of depth (its first
// line unprefixed); valid until the next call.
func (j *jsonStream) indented(v any, depth int) ([]byte, error) {
	j.raw.Reset()
	if err := j.enc.Encode(v); err != nil {
		return nil, err
	}
	return j.indentJSON(bytes.TrimSuffix(j.raw.Bytes(), []byte("\n")), depth), nil
}

// indentJSON returns the compact JSON doc indented for a depth of depth
// (its first line unprefixed); valid until the next call. doc must not
// be j.out's.
func (j *jsonStream) indentJSON(doc []byte, depth int) []byte {
	j.out = appendIndent(j.out[:0], doc, indent(j.base+depth))
	return j.out
}

// appendIndent appends the compact JSON src, which an encoder wrote (valid,
// no whitespace outside strings), to dst as json.Indent(dst, src, prefix,
// "  ") writes it. It copies each string whole instead of stepping
// json.Indent's scanner through it byte by byte: indenting the fix table
// and the items was about 3% of an organization audit's CPU
// (BenchmarkAuditOrg/json), most of it in the fixes' long strings (policy
// JSON, CLI, Terraform, CloudFormation); BenchmarkIndentFixes measured
// about 1.1 GB/s against json.Indent's 0.1 on them. On input that is not such JSON it
// writes something, never panics.
func appendIndent(dst, src []byte, prefix string) []byte {
	depth := 0
	open := false // after { or [, before knowing whether it is empty
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			dst = appendNewline(dst, prefix, depth)
		}
		switch c {
		case '"':
			k := stringEnd(src, i+1)
			dst = append(dst, src[i:k]...)
			i = k - 1
		case '{', '[':
			dst = append(dst, c)
			open = true
		case ',':
			dst = append(dst, c)
			dst = appendNewline(dst, prefix, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				dst = appendNewline(dst, prefix, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd returns the index just after the closing quote of the string
// whose contents start at src[i] (len(src) if it is not closed).
func stringEnd(src []byte, i int) int {
	for {
		k := bytes.IndexByte(src[i:], '"')
		if k < 0 {
			return len(src)
		}
		k += i
		// The quote is escaped if an odd number of backslashes precede it.
		n := 0
		for b := k - 1; b >= i && src[b] == '\\'; b-- {
			n++
		}
		if n%2 == 0 {
			return k + 1
		}
		i = k + 1
	}
}

func appendNewline(dst []byte, prefix string, depth int) []byte {
	dst = append(dst, '\n')
	dst = append(dst, prefix...)
	for ; depth > 0; depth-- {
		dst = append(dst, ' ', ' ')
	}
	return dst
}

// value writes v at depth.
func (j *jsonStream) value(v any, depth int) error {
	b, err := j.indented(v, depth)
	if err == nil {
		_, err = j.w.Write(b)
	}
	return err
}

// elem starts the n-th element (from 0) of an array or object at depth.
func (j *jsonStream) elem(n, depth int) {
	if n > 0 {
		j.w.WriteByte(',')
	}
	j.w.WriteByte('\n')
	j.w.WriteString(indent(j.base + depth))
}

// end closes an array or object of n elements whose members are at depth.
func (j *jsonStream) end(n, depth int, closer byte) {
	if n > 0 {
		j.w.WriteByte('\n')
		j.w.WriteString(indent(j.base + depth - 1))
	}
	j.w.WriteByte(closer)
}

// key writes "name": after elem.
func (j *jsonStream) key(name string) {
	b, _ := json.Marshal(name)
	j.w.Write(b)
	j.w.WriteString(": ")
}

// close ends the document (after its last member) as a document of its
// own ends, or without a newline as a value inside another.
func (j *jsonStream) close() {
	j.w.WriteByte('\n')
	j.w.WriteString(indent(j.base))
	j.w.WriteByte('}')
	if j.base == 0 {
		j.w.WriteByte('\n')
	}
}

func (j *jsonStream) flush() error { return j.w.Flush() }

func indent(depth int) string {
	const spaces = "                                "
	if 2*depth <= len(spaces) {
		return spaces[:2*depth]
	}
	return string(bytes.Repeat([]byte("  "), depth))
}

// unescapeHTML returns the JSON doc with the escapes json.Marshal writes
// for HTML (\u003c, \u003e and \u0026, in any case of hex digit) replaced
// by the characters themselves, as an Encoder with SetEscapeHTML(false)
// writes them: a value that encoded itself with json.Marshal (a fix's
// MarshalJSON) then reads as the rest of the report. Other escapes
// (\", \\, \u2028, ...) are kept; doc itself is returned when it holds none
// of the three.
func unescapeHTML(doc []byte) []byte {
	if !bytes.Contains(doc, []byte(`\u00`)) {
		return doc
	}
	out := make([]byte, 0, len(doc))
	for i := 0; i < len(doc); i++ {
		c := doc[i]
		if c != '\\' || i+1 >= len(doc) {
			out = append(out, c)
			continue
		}
		if doc[i+1] == 'u' && i+5 < len(doc) && doc[i+2] == '0' && doc[i+3] == '0' {
			switch strings.ToLower(string(doc[i+4 : i+6])) {
			case "3c":
				out = append(out, '<')
				i += 5
				continue
			case "3e":
				out = append(out, '>')
				i += 5
				continue
			case "26":
				out = append(out, '&')
				i += 5
				continue
			}
		}
		// Any other escape is copied whole: its second byte is never the
		// start of one.
		out = append(out, c, doc[i+1])
		i++
	}
	return out
}
