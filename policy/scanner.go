package policy

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/deniedhq/denied/internal/jsonx"
)

// This file holds a small JSON scanner that builds a tree in which every
// value and every object key keeps its position. encoding/json loses
// positions, silently accepts duplicate keys and cannot resume from a
// syntax error, so the parser does not use it.

// kind is the JSON type of a node.
type kind uint8

const (
	kindObject kind = iota + 1
	kindArray
	kindString
	kindNumber
	kindBool
	kindNull
)

// String returns the type with an article, for messages: "an object".
func (k kind) String() string {
	switch k {
	case kindObject:
		return "an object"
	case kindArray:
		return "an array"
	case kindString:
		return "a string"
	case kindNumber:
		return "a number"
	case kindBool:
		return "a boolean"
	case kindNull:
		return "null"
	}
	return "nothing"
}

// node is one JSON value.
type node struct {
	kind kind
	// partial marks a container that a syntax error cut short: elements
	// after the error are missing, so "missing element" checks must not
	// run on it.
	partial bool
	pos     Pos
	text    string // string content; number text; "true", "false" or "null"
	members []member
	elems   []*node
}

// member is one key and value of an object.
type member struct {
	key string
	pos Pos   // position of the key's opening quote
	val *node // nil when a syntax error came before the value
	// superseded marks a member whose key appears again later in the same
	// object: like encoding/json, the last occurrence wins.
	superseded bool
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 1000

// pathSeg is one step of the JSON pointer to the value being scanned.
type pathSeg struct {
	key string
	idx int // array index, or -1 for an object key
}

type scanner struct {
	data []byte
	// src is data as a string: strings without escapes and numbers are
	// slices of it, which saves an allocation for each.
	src       string
	off       int
	line      int
	lineStart int // offset of the first byte of the current line
	depth     int
	path      []pathSeg
	findings  []Finding
	failed    bool

	// Allocation pools: nodes, and the members and elements of containers
	// are carved out of larger blocks, and containers collect their
	// children on shared stacks before copying them to a block.
	nodes   slab[node]
	members slab[member]
	elems   slab[*node]
	mstack  []member
	estack  []*node
	block   int // size of a new block, from the size of the input
}

func newScanner(data []byte) *scanner {
	return &scanner{data: data, src: string(data), line: 1, block: min(max(len(data)/16, 16), 1024)}
}

// slab hands out slices carved from larger blocks. Blocks handed out by
// a finished parse are kept as spares for the next one (see scannerPool):
// the tree lives only while Parse builds the model from it.
type slab[T any] struct {
	cur         []T
	used, spare [][]T
}

func (b *slab[T]) take(k, size int) []T {
	if len(b.cur) < k {
		var blk []T
		if n := len(b.spare); n > 0 && len(b.spare[n-1]) >= k {
			blk = b.spare[n-1]
			b.spare = b.spare[:n-1]
		} else {
			blk = make([]T, max(k, size))
		}
		b.used = append(b.used, blk)
		b.cur = blk
	}
	out := b.cur[:k:k]
	b.cur = b.cur[k:]
	return out
}

// recycle makes every block handed out reusable.
func (b *slab[T]) recycle() {
	b.spare = append(b.spare, b.used...)
	b.used = b.used[:0]
	b.cur = nil
}

var scannerPool = sync.Pool{New: func() any { return new(scanner) }}

// pooledScanner returns a scanner for data that reuses the blocks of
// earlier parses; release it when the tree is no longer used.
func pooledScanner(data []byte, src string) *scanner {
	s := scannerPool.Get().(*scanner)
	nodes, members, elems := s.nodes, s.members, s.elems
	mstack, estack, path := s.mstack[:0], s.estack[:0], s.path[:0]
	*s = scanner{data: data, src: src, line: 1, block: 256,
		nodes: nodes, members: members, elems: elems, mstack: mstack, estack: estack, path: path}
	return s
}

func (s *scanner) release() {
	s.nodes.recycle()
	s.members.recycle()
	s.elems.recycle()
	s.data, s.src, s.findings = nil, "", nil
	scannerPool.Put(s)
}

func (s *scanner) newNode(k kind, p Pos) *node {
	n := &s.nodes.take(1, s.block)[0]
	*n = node{kind: k, pos: p}
	return n
}

// takeMembers moves s.mstack[mark:] to a block and returns it.
func (s *scanner) takeMembers(mark int) []member {
	k := len(s.mstack) - mark
	if k == 0 {
		return nil
	}
	out := s.members.take(k, s.block/2)
	copy(out, s.mstack[mark:])
	clear(s.mstack[mark:])
	s.mstack = s.mstack[:mark]
	return out
}

// takeElems moves s.estack[mark:] to a block and returns it.
func (s *scanner) takeElems(mark int) []*node {
	k := len(s.estack) - mark
	if k == 0 {
		return nil
	}
	out := s.elems.take(k, s.block/2)
	copy(out, s.estack[mark:])
	clear(s.estack[mark:])
	s.estack = s.estack[:mark]
	return out
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// scanWith parses s.data as one JSON value. It returns the tree (partial,
// or nil when no value could be started), the syntax and duplicate-key
// findings, and s. A leading byte order mark is skipped; it still counts
// in columns and offsets, which are always those of data.
func scanWith(s *scanner) (*node, []Finding, *scanner) {
	data := s.data
	if cap(s.path) == 0 {
		s.path = make([]pathSeg, 0, 8)
	}
	if len(data) >= 3 && data[0] == bom[0] && data[1] == bom[1] && data[2] == bom[2] {
		s.off = 3
	}
	s.skipSpace()
	root := s.value()
	if !s.failed {
		s.skipSpace()
		if s.off < len(s.data) {
			s.fail("after the end of the document")
		}
	}
	return root, s.findings, s
}

func (s *scanner) pos() Pos {
	return Pos{Line: s.line, Col: s.off - s.lineStart + 1, Offset: s.off}
}

// posAt is the position of offset off, which must be on the current line.
func (s *scanner) posAt(off int) Pos {
	return Pos{Line: s.line, Col: off - s.lineStart + 1, Offset: off}
}

func (s *scanner) skipSpace() {
	for s.off < len(s.data) {
		switch s.data[s.off] {
		case ' ', '\t', '\r':
		case '\n':
			s.line++
			s.lineStart = s.off + 1
		default:
			return
		}
		s.off++
	}
}

func (s *scanner) peek() (byte, bool) {
	if s.off < len(s.data) {
		return s.data[s.off], true
	}
	return 0, false
}

// pointer is the JSON pointer of the value being scanned, with extra
// appended as a further object key when it is not empty.
func (s *scanner) pointer(extra ...string) string {
	var b strings.Builder
	for _, seg := range s.path {
		b.WriteByte('/')
		if seg.idx >= 0 {
			fmt.Fprintf(&b, "%d", seg.idx)
		} else {
			b.WriteString(jsonx.PointerToken(seg.key))
		}
	}
	for _, k := range extra {
		b.WriteByte('/')
		b.WriteString(jsonx.PointerToken(k))
	}
	return b.String()
}

// fail records a syntax error at the current offset: "unexpected X at
// L:C, <expected>".
func (s *scanner) fail(expected string) {
	s.failAt(s.pos(), expected)
}

func (s *scanner) failAt(p Pos, expected string) {
	what := describeByte(s.data, p.Offset)
	sep := ", "
	if strings.HasPrefix(expected, "after ") || strings.HasPrefix(expected, "in ") {
		sep = " "
	}
	s.failMsg(p, fmt.Sprintf("unexpected %s at %s%s%s", what, p, sep, expected))
}

func (s *scanner) failMsg(p Pos, msg string) {
	if s.failed {
		return
	}
	s.failed = true
	s.findings = append(s.findings, Finding{
		Severity: Error,
		Code:     CodeInvalidJSON,
		Message:  msg,
		Pos:      p,
		Pointer:  s.pointer(),
	})
}

// describeByte names the input at off for a syntax error message.
func describeByte(data []byte, off int) string {
	if off >= len(data) {
		return "end of input"
	}
	c := data[off]
	switch {
	case c >= 0x20 && c < 0x7f:
		return fmt.Sprintf("'%c'", c)
	case c < 0x20 || c == 0x7f:
		return fmt.Sprintf("control character U+%04X", c)
	}
	r, size := utf8.DecodeRune(data[off:])
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("invalid UTF-8 byte 0x%02X", c)
	}
	return fmt.Sprintf("character %q (U+%04X)", r, r)
}

func (s *scanner) value() *node {
	c, ok := s.peek()
	if !ok {
		s.fail("expected a value")
		return nil
	}
	switch {
	case c == '{':
		return s.object()
	case c == '[':
		return s.array()
	case c == '"':
		p := s.pos()
		str, ok := s.str()
		if !ok {
			return nil
		}
		n := s.newNode(kindString, p)
		n.text = str
		return n
	case c == 't':
		return s.literal("true", kindBool)
	case c == 'f':
		return s.literal("false", kindBool)
	case c == 'n':
		return s.literal("null", kindNull)
	case c == '-' || (c >= '0' && c <= '9'):
		return s.number()
	}
	s.fail("expected a value")
	return nil
}

func (s *scanner) literal(word string, k kind) *node {
	p := s.pos()
	for i := 0; i < len(word); i++ {
		if s.off+i >= len(s.data) || s.data[s.off+i] != word[i] {
			s.off += i
			s.fail(fmt.Sprintf("in the literal %q", word))
			return nil
		}
	}
	s.off += len(word)
	n := s.newNode(k, p)
	n.text = word
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (s *scanner) digits() bool {
	start := s.off
	for s.off < len(s.data) && isDigit(s.data[s.off]) {
		s.off++
	}
	if s.off == start {
		s.fail("expected a digit in a number")
		return false
	}
	return true
}

func (s *scanner) number() *node {
	p := s.pos()
	start := s.off
	if s.data[s.off] == '-' {
		s.off++
	}
	if c, ok := s.peek(); ok && c == '0' {
		s.off++
	} else if !s.digits() {
		return nil
	}
	if c, ok := s.peek(); ok && c == '.' {
		s.off++
		if !s.digits() {
			return nil
		}
	}
	if c, ok := s.peek(); ok && (c == 'e' || c == 'E') {
		s.off++
		if c, ok := s.peek(); ok && (c == '+' || c == '-') {
			s.off++
		}
		if !s.digits() {
			return nil
		}
	}
	n := s.newNode(kindNumber, p)
	n.text = s.src[start:s.off]
	return n
}

// str scans a string starting at the opening quote at s.off. Its loop is
// the parser's own fast path, not jsonx.Scan: it only tells a plain ASCII
// string (returned as a substring of s.src, no copy, no per-byte UTF-8
// decoding: utf8.Valid checks a non-ASCII one at once) from one that
// needs decoding, which strSlow leaves to jsonx.Unquote, the decoders'
// shared escape, UTF-8 and control-character checks.
func (s *scanner) str() (string, bool) {
	start := s.off
	ascii := true
	for i := start + 1; i < len(s.data); i++ {
		c := s.data[i]
		switch {
		case c == '"':
			seg := s.data[start+1 : i]
			if !ascii && !utf8.Valid(seg) {
				return s.strSlow(start)
			}
			s.off = i + 1
			return s.src[start+1 : i], true
		case c == '\\':
			return s.strSlow(start)
		case c < 0x20:
			s.off = i
			s.fail(fmt.Sprintf("in a string starting at %s (control characters must be escaped)", s.posAt(start)))
			return "", false
		case c >= 0x80:
			ascii = false
		}
	}
	s.off = len(s.data)
	s.fail(fmt.Sprintf("in a string starting at %s", s.posAt(start)))
	return "", false
}

// strSlow scans a string that has escapes or non-ASCII bytes.
func (s *scanner) strSlow(start int) (string, bool) {
	buf, end, p := jsonx.Unquote(make([]byte, 0, 32), s.data, start+1)
	s.off = end
	switch p {
	case jsonx.OK:
		return string(buf), true
	case jsonx.Control:
		s.fail(fmt.Sprintf("in a string starting at %s (control characters must be escaped)", s.posAt(start)))
	case jsonx.BadUnicode:
		s.failMsg(s.pos(), fmt.Sprintf("invalid escape at %s in a string starting at %s: \\u must be followed by four hex digits", s.pos(), s.posAt(start)))
	case jsonx.BadEscape:
		s.failMsg(s.pos(), fmt.Sprintf("invalid escape %s at %s in a string starting at %s", describeEscape(s.data, end+1), s.pos(), s.posAt(start)))
	case jsonx.EndInEscape:
		s.off = end + 1
		s.fail(fmt.Sprintf("in a string starting at %s", s.posAt(start)))
	default: // Unterminated, InvalidUTF8
		s.fail(fmt.Sprintf("in a string starting at %s", s.posAt(start)))
	}
	return "", false
}

func describeEscape(data []byte, off int) string {
	c := data[off]
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("'\\%c'", c)
	}
	return "'\\' followed by " + describeByte(data, off)
}

func (s *scanner) enter() bool {
	if s.depth >= maxDepth {
		s.failMsg(s.pos(), fmt.Sprintf("nesting deeper than %d levels at %s", maxDepth, s.pos()))
		return false
	}
	s.depth++
	return true
}

func (s *scanner) object() *node {
	n := s.newNode(kindObject, s.pos())
	if !s.enter() {
		n.partial = true
		return n
	}
	defer func() { s.depth-- }()
	s.off++ // '{'
	s.skipSpace()
	if c, ok := s.peek(); ok && c == '}' {
		s.off++
		return n
	}
	mark := len(s.mstack)
	for first := true; ; first = false {
		if c, ok := s.peek(); !ok || c != '"' {
			if first {
				s.fail("expected a string key or '}'")
			} else {
				s.fail("expected a string key")
			}
			return s.endObject(n, mark, true)
		}
		kp := s.pos()
		key, ok := s.str()
		if !ok {
			return s.endObject(n, mark, true)
		}
		s.path = append(s.path, pathSeg{key: key, idx: -1})
		s.skipSpace()
		if c, ok := s.peek(); !ok || c != ':' {
			s.fail("expected ':' after the key")
			s.mstack = append(s.mstack, member{key: key, pos: kp})
			s.path = s.path[:len(s.path)-1]
			return s.endObject(n, mark, true)
		}
		s.off++
		s.skipSpace()
		v := s.value()
		s.path = s.path[:len(s.path)-1]
		s.mstack = append(s.mstack, member{key: key, pos: kp, val: v})
		if s.failed {
			return s.endObject(n, mark, true)
		}
		s.skipSpace()
		c, _ := s.peek()
		switch c {
		case ',':
			s.off++
			s.skipSpace()
		case '}':
			s.off++
			return s.endObject(n, mark, false)
		default:
			s.fail("expected ',' or '}'")
			return s.endObject(n, mark, true)
		}
	}
}

// endObject reports duplicate keys and marks superseded members.
func (s *scanner) endObject(n *node, mark int, partial bool) *node {
	n.partial = partial
	n.members = s.takeMembers(mark)
	ms := n.members
	if len(ms) < 2 {
		return n
	}
	if len(ms) <= 16 {
		for j := 1; j < len(ms); j++ {
			first := -1
			for i := 0; i < j; i++ {
				if ms[i].key == ms[j].key {
					if first < 0 {
						first = i
					}
					ms[i].superseded = true
				}
			}
			if first >= 0 {
				s.duplicate(ms[first], ms[j])
			}
		}
		return n
	}
	firstIdx := make(map[string]int, len(ms))
	lastIdx := make(map[string]int, len(ms))
	for j := range ms {
		if i, ok := firstIdx[ms[j].key]; ok {
			ms[lastIdx[ms[j].key]].superseded = true
			s.duplicate(ms[i], ms[j])
		} else {
			firstIdx[ms[j].key] = j
		}
		lastIdx[ms[j].key] = j
	}
	return n
}

func (s *scanner) duplicate(first, again member) {
	s.findings = append(s.findings, Finding{
		Severity: Error,
		Code:     CodeDuplicateKey,
		Message:  fmt.Sprintf("duplicate key %q (first at %s): AWS rejects duplicate keys; this parser keeps the last", again.key, first.pos),
		Pos:      again.pos,
		Pointer:  s.pointer(again.key),
	})
}

func (s *scanner) array() *node {
	n := s.newNode(kindArray, s.pos())
	if !s.enter() {
		n.partial = true
		return n
	}
	defer func() { s.depth-- }()
	s.off++ // '['
	s.skipSpace()
	if c, ok := s.peek(); ok && c == ']' {
		s.off++
		return n
	}
	mark := len(s.estack)
	for {
		s.path = append(s.path, pathSeg{idx: len(s.estack) - mark})
		v := s.value()
		s.path = s.path[:len(s.path)-1]
		if v != nil {
			s.estack = append(s.estack, v)
		}
		if s.failed {
			n.partial = true
			n.elems = s.takeElems(mark)
			return n
		}
		s.skipSpace()
		c, _ := s.peek()
		switch c {
		case ',':
			s.off++
			s.skipSpace()
		case ']':
			s.off++
			n.elems = s.takeElems(mark)
			return n
		default:
			s.fail("expected ',' or ']'")
			n.partial = true
			n.elems = s.takeElems(mark)
			return n
		}
	}
}
