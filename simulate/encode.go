package simulate

import (
	"strconv"
	"unicode/utf8"

	"github.com/deniedhq/denied/internal/jsonx"
)

// AppendJSON appends the result as one JSON object, byte for byte what
// encoding/json writes for it (without HTML escaping), several times
// faster: streams write one per case.
func (r *Result) AppendJSON(b []byte) []byte {
	b = append(b, '{')
	n := 0
	field := func(name string) {
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, '"', ':')
	}
	str := func(name, v string) {
		if v != "" {
			field(name)
			b = appendString(b, v)
		}
	}
	str("id", r.ID)
	str("decision", r.Decision)
	str("layer", r.Layer)
	if len(r.Layers) > 0 {
		field("layers")
		b = append(b, '[')
		for i, l := range r.Layers {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"layer":`...)
			b = appendString(b, l.Layer)
			b = append(b, `,"verdict":`...)
			b = appendString(b, l.Verdict)
			if l.Required {
				b = append(b, `,"required":true`...)
			}
			if l.Note != "" {
				b = append(b, `,"note":`...)
				b = appendString(b, l.Note)
			}
			if l.Target != "" {
				b = append(b, `,"target":`...)
				b = appendString(b, l.Target)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(r.Deciding) > 0 {
		field("deciding")
		b = append(b, '[')
		for i, d := range r.Deciding {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"layer":`...)
			b = appendString(b, d.Layer)
			if d.Target != "" {
				b = append(b, `,"target":`...)
				b = appendString(b, d.Target)
			}
			b = append(b, `,"policy":`...)
			b = appendString(b, d.Policy)
			b = append(b, `,"statement":`...)
			b = strconv.AppendInt(b, int64(d.Statement), 10)
			if d.Sid != "" {
				b = append(b, `,"sid":`...)
				b = appendString(b, d.Sid)
			}
			b = append(b, `,"effect":`...)
			b = appendString(b, d.Effect)
			if d.Line != 0 {
				b = append(b, `,"line":`...)
				b = strconv.AppendInt(b, int64(d.Line), 10)
			}
			if d.Column != 0 {
				b = append(b, `,"column":`...)
				b = strconv.AppendInt(b, int64(d.Column), 10)
			}
			if d.Pointer != "" {
				b = append(b, `,"pointer":`...)
				b = appendString(b, d.Pointer)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(r.MissingContext) > 0 {
		field("missingContext")
		b = append(b, '[')
		for i, k := range r.MissingContext {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
		}
		b = append(b, ']')
	}
	str("message", r.Message)
	if len(r.Warnings) > 0 {
		field("warnings")
		b = append(b, '[')
		for i, w := range r.Warnings {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"path":`...)
			b = appendString(b, w.Path)
			b = append(b, `,"message":`...)
			b = appendString(b, w.Message)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if r.Error != nil {
		field("error")
		b = append(b, `{"message":`...)
		b = appendString(b, r.Error.Message)
		if r.Error.Path != "" {
			b = append(b, `,"path":`...)
			b = appendString(b, r.Error.Path)
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json does with
// HTML escaping off: invalid UTF-8 becomes U+FFFD, U+2028 and U+2029 are
// escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Printable ASCII other than '"' and '\\' is copied as is: pass
		// over its run eight bytes at a time.
		if i = jsonx.PlainEndString(s, i); i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
