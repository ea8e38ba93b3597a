package account

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/deniedhq/denied/internal/jsonx"
)

// Lines maps the JSON pointer of every object and array in a snapshot file
// (uncompressed JSON, full or short form) to the 1-based line where it
// starts, for reports that point into the file: "/recoveryPoints/3",
// "/backupPlans/0/selections/1", "/plans/weekly". Pointers deeper than
// maxDepth are left out. Malformed JSON gives the lines read up to the
// error.
//
// A snapshot that is one valid JSON value is read by a scanner of its
// own, which builds the pointers of the objects and arrays it records and
// no others; anything else (malformed JSON, a second value, nesting deeper
// than linesNesting, a string that is not UTF-8) by linesDecoder, which
// was the whole function before: encoding/json's tokens, and a pointer
// string built for every value of the file, however deep. SARIF reads
// these lines, and linesDecoder was 74% of an audit's CPU in SARIF at
// 100,000 roles (10.7 CPU-s; README, Performance). TestLinesAgree and
// FuzzLines hold the scanner to linesDecoder.
func Lines(data []byte, maxDepth int) map[string]int {
	s := lineScan{data: data, line: 1, max: maxDepth, out: map[string]int{}}
	if end := s.value(s.ws(0), 0, ""); end >= 0 && s.ws(end) == len(data) {
		return s.out
	}
	return linesDecoder(data, maxDepth)
}

// linesNesting bounds the nesting the scanner reads (deeper goes to
// linesDecoder, which encoding/json bounds at 10,000).
const linesNesting = 1000

// lineScan is the state of Lines' scanner over a valid JSON value.
type lineScan struct {
	data []byte
	line int // the 1-based line of the byte being read
	max  int
	out  map[string]int
}

// ws skips whitespace from i, counting lines (a valid document has line
// feeds only there: not inside strings).
func (s *lineScan) ws(i int) int {
	for ; i < len(s.data); i++ {
		switch s.data[i] {
		case ' ', '\t', '\r':
		case '\n':
			s.line++
		default:
			return i
		}
	}
	return i
}

// value reads the JSON value at s.data[i], which d objects and arrays
// enclose, and returns the offset just past it, or -1 when it is not
// valid (or is one the scanner leaves to linesDecoder). ptr is its
// pointer, needed (and built) only when d <= s.max.
func (s *lineScan) value(i, d int, ptr string) int {
	if i >= len(s.data) {
		return -1
	}
	switch c := s.data[i]; c {
	case '{', '[':
		if d >= linesNesting {
			return -1
		}
		if d <= s.max {
			s.out[ptr] = s.line
		}
		if c == '{' {
			return s.object(i, d, ptr)
		}
		return s.array(i, d, ptr)
	case '"':
		end, _, p := jsonx.Scan(s.data, i+1)
		if p != jsonx.OK {
			return -1
		}
		return end
	case 't':
		return s.literal(i, "true")
	case 'f':
		return s.literal(i, "false")
	case 'n':
		return s.literal(i, "null")
	}
	return s.number(i)
}

// opens reports whether a value that starts at s.data[i] is an object or
// an array (whose pointer is then recorded).
func (s *lineScan) opens(i int) bool {
	return i < len(s.data) && (s.data[i] == '{' || s.data[i] == '[')
}

func (s *lineScan) object(i, d int, ptr string) int {
	i = s.ws(i + 1)
	if i < len(s.data) && s.data[i] == '}' {
		return i + 1
	}
	for {
		if i >= len(s.data) || s.data[i] != '"' {
			return -1
		}
		end, esc, p := jsonx.Scan(s.data, i+1)
		if p != jsonx.OK {
			return -1
		}
		key := s.data[i+1 : end-1]
		i = s.ws(end)
		if i >= len(s.data) || s.data[i] != ':' {
			return -1
		}
		i = s.ws(i + 1)
		child := ""
		if d+1 <= s.max && s.opens(i) {
			k := string(key)
			if esc != 0 {
				k = string(jsonx.Unescape(nil, key))
			}
			child = ptr + "/" + jsonx.PointerToken(k)
		}
		if i = s.value(i, d+1, child); i < 0 {
			return -1
		}
		var done bool
		if i, done = s.after(i, '}'); done {
			return i
		}
	}
}

func (s *lineScan) array(i, d int, ptr string) int {
	i = s.ws(i + 1)
	if i < len(s.data) && s.data[i] == ']' {
		return i + 1
	}
	for n := 0; ; n++ {
		child := ""
		if d+1 <= s.max && s.opens(i) {
			child = ptr + "/" + strconv.Itoa(n)
		}
		if i = s.value(i, d+1, child); i < 0 {
			return -1
		}
		var done bool
		if i, done = s.after(i, ']'); done {
			return i
		}
	}
}

// after reads what follows a member or element ending at i: a comma
// (the offset of the next one, and false), the closing byte (the offset
// past it, and true), or anything else (-1, and true).
func (s *lineScan) after(i int, closing byte) (int, bool) {
	if i = s.ws(i); i < len(s.data) {
		switch s.data[i] {
		case ',':
			return s.ws(i + 1), false
		case closing:
			return i + 1, true
		}
	}
	return -1, true
}

func (s *lineScan) literal(i int, lit string) int {
	if !bytes.HasPrefix(s.data[i:], []byte(lit)) {
		return -1
	}
	return i + len(lit)
}

// number reads a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *lineScan) number(i int) int {
	b := s.data
	digits := func(i int) int {
		j := i
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		i = digits(i)
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		if i = digits(i + 1); i < 0 {
			return -1
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i = digits(i); i < 0 {
			return -1
		}
	}
	return i
}

// linesDecoder is Lines through encoding/json's tokens, for any data.
func linesDecoder(data []byte, maxDepth int) map[string]int {
	out := map[string]int{}
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		ptr     string
		array   bool
		index   int
		key     string
		wantKey bool
	}
	var stack []frame
	line, last := 1, 0
	lineAt := func(off int) int {
		if off > len(data) {
			off = len(data)
		}
		line += bytes.Count(data[last:off], []byte{'\n'})
		last = off
		return line
	}
	// child is the pointer of the value about to be read.
	child := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := &stack[len(stack)-1]
		if f.array {
			p := f.ptr + "/" + strconv.Itoa(f.index)
			f.index++
			return p
		}
		f.wantKey = true
		return f.ptr + "/" + jsonx.PointerToken(f.key)
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		if len(stack) > 0 {
			if f := &stack[len(stack)-1]; !f.array && f.wantKey {
				if k, ok := tok.(string); ok {
					f.key, f.wantKey = k, false
					continue
				}
			}
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			ptr := child()
			if len(stack) <= maxDepth {
				// InputOffset is just past the delimiter.
				out[ptr] = lineAt(int(dec.InputOffset()) - 1)
			}
			stack = append(stack, frame{ptr: ptr, array: tok == json.Delim('['), wantKey: tok == json.Delim('{')})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		default:
			child()
		}
	}
}
