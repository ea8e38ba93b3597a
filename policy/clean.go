package policy

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/deniedhq/denied/internal/jsonx"
)

// This file holds the parser's fast path: ParseClean reads a document that
// has nothing to report straight from its bytes into the model, in one
// pass, without the scanner's tree or the checker. It accepts only what it
// fully checks (the same checks, through the same functions, as the
// checker) and refuses everything else, so that a refused document goes
// through Parse, which reports exactly what it always did. Accepting and
// refusing are its only answers: it never makes a finding.
//
// A document is refused, among others, when it has: a finding of any code;
// a byte order mark; a string with an escape or invalid UTF-8; an element
// spelled in another case (even one the checker would accept after a
// warning); a Version after the Statement, or none; a duplicate key; a null.
// TestParseCleanAgrees and FuzzParseClean hold it to Parse.

// ParseClean is ParseShared for a document with no findings: it returns
// the same policy as ParseShared(data), and true, when ParseShared would
// report no finding at all, and nil and false for any document it does
// not accept, which the caller then parses with ParseShared (a refused
// document may be valid: ParseClean leaves the unusual to it). When
// resourceBased is set, a statement without Resource or NotResource and a
// Sid with characters other than letters and digits (CodeMissingResource
// and CodeSidInvalid, which concern identity-based policies only) do not
// refuse the document. Like ParseShared, the policy shares data's memory:
// data must not be modified afterwards. ParseClean never panics.
func ParseClean(data []byte, resourceBased bool) (*Policy, bool) {
	c := cleanPool.Get().(*cleaner)
	c.reset(data, resourceBased, true)
	p := c.document()
	c.release()
	if p == nil {
		return nil, false
	}
	return p, true
}

// ParseCleanTemp is ParseClean for a caller that only reads the policy
// once, while use runs (the engine's compiler and the catalog checks of
// `denied simulate`, which keep what they need and drop the model): it
// calls use with the policy ParseClean would return, and reports whether
// it accepted the document (use is not called when it did not). The
// policy, its statements, principals, conditions and the slices of its
// lists live on the parser's reusable stacks and are valid only during
// the call: use must not keep any of them (a pointer to a Statement or
// Condition, a list's slice). Every string of it may be kept: those of
// the document are data's memory (data must not be modified), the
// statements' pointers are allocated for the document. The conditions'
// Pointer is left empty: ConditionPointer makes it when one is named. Building the model and
// copying it to blocks of its own was half of ParseClean's time and most
// of its allocations on generated cases (BenchmarkParseCleanCases against
// BenchmarkParseCleanTemp). ParseCleanTemp never panics.
func ParseCleanTemp(data []byte, resourceBased bool, use func(*Policy)) bool {
	c := cleanPool.Get().(*cleaner)
	c.reset(data, resourceBased, true)
	c.temp = true
	p := c.document()
	if p != nil {
		use(p)
	}
	c.release()
	return p != nil
}

// Clean reports whether Parse(data) reports no finding, without building
// the model, for a caller that only validates (a false answer may also
// mean only that the document is unusual: call Parse for its findings).
// resourceBased is as for ParseClean. Clean allocates nothing once warm.
func Clean(data []byte, resourceBased bool) bool {
	c := cleanPool.Get().(*cleaner)
	c.reset(data, resourceBased, false)
	p := c.document()
	c.release()
	return p != nil
}

// CleanChecked is Clean, with check called on each condition as it is
// read (Operator, Key, Values, Kinds and Pos set; Pointer empty): the
// document is clean only if check accepts every one. It is for a caller
// that validates condition values too (the snapshot loader, which asks
// the engine whether it can interpret each), without the model ParseClean
// builds only to be walked and dropped. The condition and its slices are
// valid only during the call: check must not keep them.
func CleanChecked(data []byte, resourceBased bool, check func(*Condition) bool) bool {
	c := cleanPool.Get().(*cleaner)
	c.reset(data, resourceBased, false)
	c.check = check
	p := c.document()
	c.release()
	return p != nil
}

var cleanPool = sync.Pool{New: func() any { return new(cleaner) }}

// cleaner is the state of one ParseClean.
type cleaner struct {
	data      []byte
	src       string
	off       int
	line      int
	lineStart int
	lenient   bool // resourceBased
	vars      bool // Version 2012-10-17: variables are interpreted
	literal   bool // Version 2008-10-17: "${" is matched literally
	// build: the model is kept (ParseClean); otherwise (Clean) the slabs
	// and stacks below are reused from one document to the next.
	build bool
	pol   Policy // the policy of a Clean
	// check, if set (CleanChecked), must accept each condition.
	check func(*Condition) bool

	// The model's pieces are carved out of blocks, as the checker does.
	text  []byte
	prins []Principal
	size  int

	// Stacks on which all the document's lists of strings, condition
	// value kinds and conditions collect, and which the model points to
	// until ParseClean moves them to blocks of their exact size once the
	// document is read (see finish); reused across documents.
	sstack []string
	kstack []ValueKind
	cstack []Condition
	one    Statement // the statement a Clean reads
	// ParseClean reads its statements on a stack too, and its
	// principals (as Clean does) on c.prins, reused across documents.
	stmts []Statement
	// caps are the capacities of sstack, kstack and cstack when the
	// document began: when none grew, every list of the document is
	// in the stack's current block, and finish moves each stack at
	// once (see finish).
	caps [3]int
	// nb counts the bytes of the conditions' pointers.
	nb int
	// temp: the model is read in place, for the call of ParseCleanTemp's
	// use only (see tempPolicy); ptrs are its statements' pointers.
	temp bool
	ptrs []*Statement
}

func (c *cleaner) reset(data []byte, lenient, build bool) {
	// The fields are set one by one, not by a composite literal: the
	// cleaner comes out of the pool with its pointers cleared by
	// release, and writing the whole struct (its Policy and Statement
	// too) again, each pointer through the write barrier while the
	// collector marks, was a twentieth of BenchmarkParseCleanCases.
	c.data, c.src = data, unsafe.String(unsafe.SliceData(data), len(data))
	c.off, c.line, c.lineStart = 0, 1, 0
	c.lenient, c.vars, c.literal, c.build = lenient, false, false, build
	c.size = len(data)
	c.sstack, c.kstack, c.cstack = c.sstack[:0], c.kstack[:0], c.cstack[:0]
	if c.sstack == nil {
		// A fresh cleaner: stacks of a usual document's size, so that
		// its first documents take finish's quicker way too.
		c.sstack, c.kstack, c.cstack = make([]string, 0, 64), make([]ValueKind, 0, 64), make([]Condition, 0, 16)
	}
	c.caps = [3]int{cap(c.sstack), cap(c.kstack), cap(c.cstack)}
	c.stmts, c.prins, c.nb = c.stmts[:0], c.prins[:0], 0
	if !build {
		c.text = c.text[:0]
	}
}

func (c *cleaner) release() {
	// The stacks hold this document's lists only: clearing their
	// capacity was a tenth of ParseClean's time on generated cases.
	clear(c.sstack)
	clear(c.cstack)
	clear(c.stmts)
	clear(c.prins)
	c.data, c.src, c.check = nil, "", nil
	if c.temp {
		clear(c.ptrs)
		c.ptrs, c.temp = c.ptrs[:0], false
	}
	// Only what this document set is cleared: the policy's strings and,
	// for a Clean, the statement it read into (ParseClean's statements
	// are in their own block).
	c.pol.Version, c.pol.ID, c.pol.Statements = "", "", nil
	if c.build {
		c.text = nil
	} else {
		c.one = Statement{}
	}
	cleanPool.Put(c)
}

func (c *cleaner) pos() Pos {
	return Pos{Line: c.line, Col: c.off - c.lineStart + 1, Offset: c.off}
}

func (c *cleaner) ws() {
	for c.off < len(c.data) {
		switch c.data[c.off] {
		case ' ', '\t', '\r':
		case '\n':
			c.line++
			c.lineStart = c.off + 1
		default:
			return
		}
		c.off++
	}
}

// is reports whether the next byte is b.
func (c *cleaner) is(b byte) bool { return c.off < len(c.data) && c.data[c.off] == b }

// eat consumes b and the space after it.
func (c *cleaner) eat(b byte) bool {
	if !c.is(b) {
		return false
	}
	c.off++
	c.ws()
	return true
}

// str reads a string without escapes, as a slice of the input.
func (c *cleaner) str() (string, bool) {
	if !c.is('"') {
		return "", false
	}
	start := c.off + 1
	ascii := true
	for i := jsonx.PlainEnd(c.data, start); i < len(c.data); i++ {
		b := c.data[i]
		switch {
		case b == '"':
			if !ascii && !utf8.Valid(c.data[start:i]) {
				return "", false
			}
			c.off = i + 1
			return c.src[start:i], true
		case b == '\\' || b < 0x20:
			return "", false
		case b >= 0x80:
			ascii = false
		}
	}
	return "", false
}

// key reads an object key and the colon after it.
func (c *cleaner) key() (string, Pos, bool) {
	p := c.pos()
	k, ok := c.str()
	if !ok {
		return "", p, false
	}
	c.ws()
	if !c.eat(':') {
		return "", p, false
	}
	return k, p, true
}

// The names of a document's elements, of a statement's and of a
// principal's, and the values of Version and Effect: each of these
// strings must be one of a few words, spelled exactly, and the fast path
// refuses any other string there (as it would refuse what str reads:
// another string, or none). They are half the strings of a document, and
// comparing the bytes at the quote with each word (constant strings,
// which the compiler compares a word at a time) is cheaper than scanning
// them (str and jsonx.PlainEnd were a sixth of ParseClean's instructions
// on generated cases) and then looking them up. Each returns the index
// of the word, in the order of the parser's tables (documentElements,
// statementElements, principalTypes), or -1.

func (c *cleaner) documentKey() int {
	r := c.src[c.off:]
	el, n := -1, 0
	switch {
	case strings.HasPrefix(r, `"Version"`):
		el, n = 0, len(`"Version"`)
	case strings.HasPrefix(r, `"Id"`):
		el, n = 1, len(`"Id"`)
	case strings.HasPrefix(r, `"Statement"`):
		el, n = 2, len(`"Statement"`)
	}
	return c.colon(el, n)
}

func (c *cleaner) statementKey() int {
	r := c.src[c.off:]
	el, n := -1, 0
	if len(r) > 1 {
		switch r[1] {
		case 'S':
			if strings.HasPrefix(r, `"Sid"`) {
				el, n = elSid, len(`"Sid"`)
			}
		case 'E':
			if strings.HasPrefix(r, `"Effect"`) {
				el, n = elEffect, len(`"Effect"`)
			}
		case 'P':
			if strings.HasPrefix(r, `"Principal"`) {
				el, n = elPrincipal, len(`"Principal"`)
			}
		case 'A':
			if strings.HasPrefix(r, `"Action"`) {
				el, n = elAction, len(`"Action"`)
			}
		case 'R':
			if strings.HasPrefix(r, `"Resource"`) {
				el, n = elResource, len(`"Resource"`)
			}
		case 'C':
			if strings.HasPrefix(r, `"Condition"`) {
				el, n = elCondition, len(`"Condition"`)
			}
		case 'N':
			switch {
			case strings.HasPrefix(r, `"NotPrincipal"`):
				el, n = elNotPrincipal, len(`"NotPrincipal"`)
			case strings.HasPrefix(r, `"NotAction"`):
				el, n = elNotAction, len(`"NotAction"`)
			case strings.HasPrefix(r, `"NotResource"`):
				el, n = elNotResource, len(`"NotResource"`)
			}
		}
	}
	return c.colon(el, n)
}

func (c *cleaner) principalKey() int {
	r := c.src[c.off:]
	el, n := -1, 0
	switch {
	case strings.HasPrefix(r, `"AWS"`):
		el, n = 0, len(`"AWS"`)
	case strings.HasPrefix(r, `"Service"`):
		el, n = 1, len(`"Service"`)
	case strings.HasPrefix(r, `"Federated"`):
		el, n = 2, len(`"Federated"`)
	case strings.HasPrefix(r, `"CanonicalUser"`):
		el, n = 3, len(`"CanonicalUser"`)
	}
	return c.colon(el, n)
}

// colon consumes the key, of n bytes, that is word el, and the colon
// after it, and returns el; or -1.
func (c *cleaner) colon(el, n int) int {
	if el < 0 {
		return -1
	}
	c.off += n
	c.ws()
	if !c.eat(':') {
		return -1
	}
	return el
}

// documentVersions are the values of Version, in the order version
// numbers them.
var documentVersions = [...]string{Version2012, Version2008}

// version reads a Version value: 0 for 2012-10-17, 1 for 2008-10-17.
func (c *cleaner) version() int {
	r := c.src[c.off:]
	switch {
	case strings.HasPrefix(r, `"`+Version2012+`"`):
		c.off += len(Version2012) + 2
		return 0
	case strings.HasPrefix(r, `"`+Version2008+`"`):
		c.off += len(Version2008) + 2
		return 1
	}
	return -1
}

// effect reads an Effect value.
func (c *cleaner) effect() Effect {
	r := c.src[c.off:]
	switch {
	case strings.HasPrefix(r, `"Allow"`):
		c.off += len(`"Allow"`)
		return Allow
	case strings.HasPrefix(r, `"Deny"`):
		c.off += len(`"Deny"`)
		return Deny
	}
	return EffectUnknown
}

// next consumes a ',' (true, more members) or the closing b (false);
// ok is false on anything else.
func (c *cleaner) next(b byte) (more, ok bool) {
	c.ws()
	if c.off >= len(c.data) {
		return false, false
	}
	switch c.data[c.off] {
	case ',':
		more = true
	case b:
	default:
		return false, false
	}
	c.off++
	c.ws()
	return more, true
}

// scalar reads a string, number or boolean condition value.
func (c *cleaner) scalar() (string, ValueKind, bool) {
	if c.off >= len(c.data) {
		return "", 0, false
	}
	switch b := c.data[c.off]; {
	case b == '"':
		s, ok := c.str()
		return s, KindString, ok
	case b == 't' || b == 'f':
		w := "true"
		if b == 'f' {
			w = "false"
		}
		if !strings.HasPrefix(c.src[c.off:], w) {
			return "", 0, false
		}
		c.off += len(w)
		return w, KindBool, true
	case b == '-' || isDigit(b):
		start := c.off
		if b == '-' {
			c.off++
		}
		if c.is('0') {
			c.off++
		} else if !c.digits() {
			return "", 0, false
		}
		if c.is('.') {
			c.off++
			if !c.digits() {
				return "", 0, false
			}
		}
		if c.is('e') || c.is('E') {
			c.off++
			if c.is('+') || c.is('-') {
				c.off++
			}
			if !c.digits() {
				return "", 0, false
			}
		}
		return c.src[start:c.off], KindNumber, true
	}
	return "", 0, false
}

func (c *cleaner) digits() bool {
	start := c.off
	for c.off < len(c.data) && isDigit(c.data[c.off]) {
		c.off++
	}
	return c.off > start
}

// pointer is the checker's pointer, carved from c.text.
func (c *cleaner) pointer(parent string, tokens ...string) string {
	n := len(parent)
	for _, t := range tokens {
		n += 1 + len(t) + 2*(strings.Count(t, "~")+strings.Count(t, "/"))
	}
	if cap(c.text)-len(c.text) < n {
		if c.build {
			c.text = make([]byte, 0, max(n, c.size/8, 2*cap(c.text)))
		} else {
			c.text = make([]byte, 0, max(n+len(c.text), 2*cap(c.text), 256))
		}
	}
	start := len(c.text)
	b := append(c.text, parent...)
	for _, t := range tokens {
		b = append(b, '/')
		b = appendToken(b, t)
	}
	c.text = b
	out := b[start:]
	return unsafe.String(unsafe.SliceData(out), len(out))
}

func (c *cleaner) document() *Policy {
	c.ws()
	// The policy is read into c.pol until its statements are counted:
	// then ParseClean moves it to the block that holds them too.
	p := &c.pol
	p.StatementIsObject, p.Pos = false, c.pos() // release cleared the rest
	if !c.eat('{') {
		return nil
	}
	var seen [3]bool
	for more := true; more; {
		el := c.documentKey()
		if el < 0 || seen[el] {
			return nil
		}
		seen[el] = true
		ok := true
		switch el {
		case 0: // Version
			v := c.version()
			if v < 0 {
				return nil
			}
			p.Version = documentVersions[v]
			c.vars, c.literal = v == 0, v == 1
		case 1: // Id
			if p.ID, ok = c.str(); !ok {
				return nil
			}
		case 2: // Statement
			// Version decides how Resource and condition values are
			// checked: it must come first.
			if !seen[0] {
				return nil
			}
			if !c.statements(p) {
				return nil
			}
		}
		if more, ok = c.next('}'); !ok {
			return nil
		}
	}
	c.ws()
	if c.off != len(c.data) || !seen[2] {
		return nil
	}
	switch {
	case c.temp:
		p = c.tempPolicy()
	case c.build:
		p = c.finish()
	}
	return p
}

// tempPolicy returns the policy ParseCleanTemp accepted, in place: c.pol
// with its statements on c.stmts (their lists, principals and conditions
// where they were read) and the conditions' pointers in a block of their
// own, which may be kept.
func (c *cleaner) tempPolicy() *Policy {
	if len(c.prins) > len(c.stmts) {
		return nil // as finish
	}
	p := &c.pol
	for i := range c.stmts {
		c.ptrs = append(c.ptrs, &c.stmts[i])
	}
	p.Statements = c.ptrs
	return p
}

// ConditionPointer returns the JSON pointer of condition c of statement
// s: c.Pointer, or, for a condition read in place by ParseCleanTemp
// (which leaves it empty: most are never named), the pointer ParseClean
// gives it.
func ConditionPointer(s *Statement, c *Condition) string {
	if c.Pointer != "" {
		return c.Pointer
	}
	b := make([]byte, 0, len(s.Pointer)+len("/Condition/")+len(c.Operator)+1+tokenLen(c.Key))
	b = append(b, s.Pointer...)
	b = append(b, "/Condition/"...)
	b = append(b, c.Operator...)
	b = append(b, '/')
	b = appendToken(b, c.Key)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// finish moves the policy ParseClean accepted, from c.pol and the
// stacks it was read on, to one block of its exact size (newPolicyParts),
// and returns it. When no stack grew during the document (the usual
// case: they are reused, and grow to fit the largest document), each
// list of strings, conditions or value kinds is in its stack's current
// block, and the stacks are copied at once and each list re-pointed at
// its offset; otherwise each list is copied where it is.
func (c *cleaner) finish() *Policy {
	if len(c.prins) > len(c.stmts) {
		// Never so (a statement with both Principal and NotPrincipal
		// is refused): the block holds one principal a statement.
		return nil
	}
	pp := newPolicyParts(len(c.stmts), len(c.prins), len(c.sstack), len(c.cstack), c.nb)
	p := pp.pol
	*p = c.pol
	n := len(c.stmts)
	copy(pp.stmts, c.stmts)
	for i := range n {
		pp.ptrs[i] = &pp.stmts[i]
	}
	p.Statements = pp.ptrs[:n:n]
	grew := c.caps != [3]int{cap(c.sstack), cap(c.kstack), cap(c.cstack)}
	strs, conds, b, prins := pp.strs, pp.conds, pp.bytes[:0], pp.prins
	var sbase, cbase uintptr
	if !grew {
		copy(strs, c.sstack)
		copy(conds, c.cstack)
		b = append(b, unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(c.kstack))), len(c.kstack))...)
		sbase, cbase = uintptr(unsafe.Pointer(unsafe.SliceData(c.sstack))), uintptr(unsafe.Pointer(unsafe.SliceData(c.cstack)))
	}
	// list returns the copy of list (nil for nil: an absent element).
	list := func(l []string) []string {
		if l == nil {
			return nil
		}
		if grew {
			l, strs = move(l, strs)
			return l
		}
		i := (uintptr(unsafe.Pointer(unsafe.SliceData(l))) - sbase) / unsafe.Sizeof("")
		return pp.strs[i : i+uintptr(len(l)) : i+uintptr(len(l))]
	}
	for si := range pp.stmts {
		s := &pp.stmts[si]
		s.Action = list(s.Action)
		s.NotAction = list(s.NotAction)
		s.Resource = list(s.Resource)
		s.NotResource = list(s.NotResource)
		for _, pr := range [...]**Principal{&s.Principal, &s.NotPrincipal} {
			if *pr != nil {
				q := &prins[0]
				prins = prins[1:]
				*q = **pr
				*pr = q
				q.AWS = list(q.AWS)
				q.Service = list(q.Service)
				q.Federated = list(q.Federated)
				q.CanonicalUser = list(q.CanonicalUser)
			}
		}
		if s.Conditions == nil {
			continue
		}
		if grew {
			s.Conditions, conds = move(s.Conditions, conds)
		} else {
			i := (uintptr(unsafe.Pointer(unsafe.SliceData(s.Conditions))) - cbase) / unsafe.Sizeof(Condition{})
			nc := uintptr(len(s.Conditions))
			s.Conditions = pp.conds[i : i+nc : i+nc]
		}
		for i := range s.Conditions {
			cd := &s.Conditions[i]
			cd.Values = list(cd.Values)
			if grew {
				start := len(b)
				for _, k := range cd.ValueKinds {
					b = append(b, byte(k))
				}
				cd.ValueKinds = unsafe.Slice((*ValueKind)(unsafe.Pointer(&b[start])), len(cd.ValueKinds))
			} else {
				k := uintptr(unsafe.Pointer(unsafe.SliceData(cd.ValueKinds))) - uintptr(unsafe.Pointer(unsafe.SliceData(c.kstack)))
				nk := uintptr(len(cd.ValueKinds))
				cd.ValueKinds = unsafe.Slice((*ValueKind)(unsafe.Pointer(&pp.bytes[k])), nk)
			}
			start := len(b)
			b = append(b, s.Pointer...)
			b = append(b, "/Condition/"...)
			b = append(b, cd.Operator...)
			b = append(b, '/')
			b = appendToken(b, cd.Key)
			cd.Pointer = unsafe.String(&b[start], len(b)-start)
		}
	}
	return p
}

// move copies list to the start of blk, and returns the copy (nil for a
// nil list: an absent element) and the rest of blk.
func move[T any](list, blk []T) ([]T, []T) {
	if list == nil {
		return nil, blk
	}
	n := copy(blk, list)
	return blk[:n:n], blk[n:]
}

// tokenLen is the length of t escaped as a JSON pointer token.
func tokenLen(t string) int {
	n := len(t)
	if strings.IndexByte(t, '~') < 0 && strings.IndexByte(t, '/') < 0 {
		return n
	}
	for i := 0; i < len(t); i++ {
		if t[i] == '~' || t[i] == '/' {
			n++
		}
	}
	return n
}

// appendToken appends t escaped as a JSON pointer token.
func appendToken(b []byte, t string) []byte {
	if strings.IndexByte(t, '~') < 0 && strings.IndexByte(t, '/') < 0 {
		// Most tokens (operators, most condition keys) need no
		// escape: copied whole rather than byte by byte.
		return append(b, t...)
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '~':
			b = append(b, '~', '0')
		case '/':
			b = append(b, '~', '1')
		default:
			b = append(b, t[i])
		}
	}
	return b
}

// statements reads the Statement element into p: for ParseClean onto
// c.stmts, for Clean into c.one.
func (c *cleaner) statements(p *Policy) bool {
	single := c.is('{')
	if single {
		p.StatementIsObject = true
	} else if !c.eat('[') {
		return false
	}
	for i := 0; ; i++ {
		sptr := "/Statement"
		switch {
		case single:
		case i < len(statementPointers):
			sptr = statementPointers[i]
		default:
			var buf [20]byte
			sptr = c.pointer("/Statement", string(appendInt(buf[:0], i)))
		}
		s := &c.one
		if c.build {
			// Each statement is read whole before the next is
			// pushed, so the stack's current block holds them all.
			c.stmts = append(c.stmts, Statement{})
			s = &c.stmts[len(c.stmts)-1]
		}
		if !c.statement(s, i, sptr) {
			return false
		}
		if single {
			break
		}
		more, ok := c.next(']')
		if !ok {
			return false
		}
		if !more {
			break
		}
	}
	return true
}

func appendInt(b []byte, i int) []byte {
	var d [20]byte
	n := len(d)
	for {
		n--
		d[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			break
		}
	}
	return append(b, d[n:]...)
}

// statement reads statement idx, at '{', into s.
func (c *cleaner) statement(s *Statement, idx int, ptr string) bool {
	// ParseClean's statements are fresh from newStatements, zero: only
	// Clean's c.one is cleared (a store of each pointer, through the
	// write barrier while the collector marks, for nothing).
	if !c.build {
		*s = Statement{}
	}
	s.Index, s.Pos, s.Pointer = idx, c.pos(), ptr
	if !c.eat('{') {
		return false
	}
	var seen [9]bool
	for more := true; more; {
		el := c.statementKey()
		if el < 0 || seen[el] {
			return false
		}
		seen[el] = true
		ok := true
		switch el {
		case elSid:
			if s.Sid, ok = c.str(); !ok || !c.lenient && !isAlnum(s.Sid) {
				return false
			}
			s.HasSid = true
		case elEffect:
			if s.Effect = c.effect(); s.Effect == EffectUnknown {
				return false
			}
		case elPrincipal:
			if s.Principal = c.principal(); s.Principal == nil {
				return false
			}
		case elNotPrincipal:
			if s.NotPrincipal = c.principal(); s.NotPrincipal == nil {
				return false
			}
		case elAction:
			s.Action, ok = c.list(checkAction)
		case elNotAction:
			s.NotAction, ok = c.list(checkAction)
		case elResource:
			s.Resource, ok = c.list(c.resourceOK)
		case elNotResource:
			s.NotResource, ok = c.list(c.resourceOK)
		case elCondition:
			ok = c.conditions(s)
		}
		if !ok {
			return false
		}
		if more, ok = c.next('}'); !ok {
			return false
		}
	}
	switch {
	case !seen[elEffect],
		seen[elPrincipal] && seen[elNotPrincipal],
		seen[elAction] == seen[elNotAction],
		seen[elResource] && seen[elNotResource],
		!seen[elResource] && !seen[elNotResource] && !c.lenient:
		return false
	}
	return true
}

// checkAction reports whether actionProblem(v) is "", in one pass over
// v's bytes: "*", or a service prefix of letters, digits and '-', one
// colon and a name of letters, digits, '*' and '?' (actionProblem's
// answer for a value with spaces around it is never "", and a space is
// neither kind of byte). actionProblem's Count, TrimSpace and IndexByte
// were 5% of BenchmarkParseCleanCases; TestCheckAction holds the two
// to the same answer.
func checkAction(v string) bool {
	if v == "*" {
		return true
	}
	i := 0
	for i < len(v) && actionBytes[v[i]]&actionVendor != 0 {
		i++
	}
	if i == 0 || i+1 >= len(v) || v[i] != ':' {
		return false
	}
	for i++; i < len(v); i++ {
		if actionBytes[v[i]]&actionName == 0 {
			return false
		}
	}
	return true
}

// actionBytes says of each byte whether it may be in an action's service
// prefix (actionVendor) and in its name (actionName).
var actionBytes = func() (t [256]uint8) {
	for c := range 256 {
		b := byte(c)
		alnum := 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
		if alnum || b == '-' {
			t[c] |= actionVendor
		}
		if alnum || b == '*' || b == '?' {
			t[c] |= actionName
		}
	}
	return t
}()

const (
	actionVendor = 1 << iota
	actionName
)

func (c *cleaner) resourceOK(v string) bool {
	if c.literal && strings.Contains(v, "${") {
		return false
	}
	return v == "*" || resourceARNProblem(v, c.vars) == ""
}

func checkAWSPrincipal(v string) bool {
	return !isUniqueID(v) && awsPrincipalProblem(v) == ""
}

func anyValue(string) bool { return true }

// list reads a string or a non-empty array of strings each passing ok;
// false for anything else.
func (c *cleaner) list(ok func(string) bool) ([]string, bool) {
	if c.is('"') {
		v, good := c.str()
		if !good || !ok(v) {
			return nil, false
		}
		c.sstack = append(c.sstack, v)
		return c.sstack[len(c.sstack)-1 : len(c.sstack) : len(c.sstack)], true
	}
	if !c.eat('[') {
		return nil, false
	}
	mark := len(c.sstack)
	for {
		v, good := c.str()
		if !good || !ok(v) {
			return nil, false
		}
		c.sstack = append(c.sstack, v)
		more, good := c.next(']')
		if !good {
			return nil, false
		}
		if !more {
			break
		}
	}
	return c.sstack[mark:len(c.sstack):len(c.sstack)], true
}

// principal reads a Principal or NotPrincipal value.
func (c *cleaner) principal() *Principal {
	// Each principal is read whole before the next is pushed: one the
	// stack's growth leaves behind is complete (finish copies each).
	c.prins = append(c.prins, Principal{})
	p := &c.prins[len(c.prins)-1]
	p.Pos = c.pos()
	if c.is('"') {
		v, ok := c.str()
		if !ok || v != "*" {
			return nil
		}
		p.Wildcard = true
		return p
	}
	if !c.eat('{') {
		return nil
	}
	var seen [4]bool
	for more := true; more; {
		i := c.principalKey()
		var dst *[]string
		check := anyValue
		switch i {
		case 0:
			dst, check = &p.AWS, checkAWSPrincipal
		case 1:
			dst, check = &p.Service, validServicePrincipal
		case 2:
			dst = &p.Federated
		case 3:
			dst = &p.CanonicalUser
		default:
			return nil
		}
		if seen[i] {
			return nil
		}
		seen[i] = true
		ok := true
		if *dst, ok = c.list(check); !ok {
			return nil
		}
		if more, ok = c.next('}'); !ok {
			return nil
		}
	}
	return p
}

// conditions reads a Condition element into s.
func (c *cleaner) conditions(s *Statement) bool {
	if !c.eat('{') {
		return false
	}
	mark := len(c.cstack)
	for more := true; more; {
		op, _, ok := c.key()
		if !ok {
			return false
		}
		// A repeated operator is a duplicate key.
		for i := mark; i < len(c.cstack); i++ {
			if c.cstack[i].Operator == op {
				return false
			}
		}
		info := cleanOperators().lookup(op)
		if info == nil {
			return false
		}
		if !c.eat('{') {
			return false
		}
		opMark := len(c.cstack)
		for more := true; more; {
			key, kpos, ok := c.key()
			if !ok {
				return false
			}
			for i := opMark; i < len(c.cstack); i++ {
				if c.cstack[i].Key == key {
					return false
				}
			}
			cond := Condition{Operator: op, Key: key, Pos: kpos}
			if !c.values(&cond, *info) {
				return false
			}
			c.cstack = append(c.cstack, cond)
			// An operator the fast path accepts (in cleanOperators)
			// needs no escape (TestCleanOperators).
			c.nb += len(cond.ValueKinds) + len(s.Pointer) + len("/Condition/") + len(op) + 1 + tokenLen(key)
			if more, ok = c.next('}'); !ok {
				return false
			}
		}
		if more, ok = c.next('}'); !ok {
			return false
		}
	}
	cs := c.cstack[mark:len(c.cstack):len(c.cstack)]
	if c.check != nil {
		for i := range cs {
			if !c.check(&cs[i]) {
				return false
			}
		}
	}
	// Their pointers are made once the document is read (finish).
	s.Conditions = cs
	return true
}

// cleanOperators maps each operator the fast path accepts (known, spelled
// exactly as parseOperator spells it, and no Null with a qualifier) to
// its operatorParts: a look-up instead of operatorParts' case-folded
// search of the operators (2% of simulate's CPU on generated cases).
// The keys are every qualifier, base operator and IfExists spelled
// canonically, kept when they pass the test the fast path made of each
// operator, so a document is refused exactly when it was. Built on first
// use (a cold explain never parses a condition through it).
var cleanOperators = sync.OnceValue(func() *operatorTable {
	t := new(operatorTable)
	for _, q := range [...]string{"", forAllValues, forAnyValue} {
		for _, b := range baseOperators {
			for _, ie := range [...]string{"", ifExists} {
				op := q + b.name + ie
				info := operatorParts(op)
				if info.known && canonicalIs(info, op) && !(info.base == "Null" && info.qualifier != "") {
					t.add(op, info)
				}
			}
		}
	}
	return t
})

// operatorTable is a hash table of the operators, open-addressed: its
// hash reads a word at each end of the operator, where the map's hashed
// all its bytes (the map's look-up was 3% of BenchmarkParseCleanCases).
// It holds about 150 operators in 512 slots.
type operatorTable struct {
	n     int
	slots [512]struct {
		op   string
		info *opInfo
	}
}

func operatorHash(op string) uint {
	b := unsafe.Slice(unsafe.StringData(op), len(op))
	var lo, hi uint64
	if len(b) >= 8 {
		lo, hi = binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[len(b)-8:])
	} else {
		for _, c := range b {
			lo = lo<<8 | uint64(c)
		}
	}
	// A word in the middle too made fewer probes (42 against 95 over
	// the table) but more instructions on generated cases' operators.
	return uint(((lo*0x9e3779b97f4a7c15)^hi^uint64(len(b)))*0xc2b2ae3d27d4eb4f) >> (64 - 9)
}

func (t *operatorTable) add(op string, info opInfo) {
	i := operatorHash(op)
	for t.slots[i].info != nil {
		i = (i + 1) % uint(len(t.slots))
	}
	t.slots[i].op, t.slots[i].info = op, &info
	t.n++
}

// lookup returns the parts of op, or nil for an operator not in t.
func (t *operatorTable) lookup(op string) *opInfo {
	for i := operatorHash(op); t.slots[i].info != nil; i = (i + 1) % uint(len(t.slots)) {
		if t.slots[i].op == op {
			return t.slots[i].info
		}
	}
	return nil
}

// canonicalIs reports whether op is spelled exactly as parseOperator's
// canonical spelling of info.
func canonicalIs(info opInfo, op string) bool {
	n := len(info.qualifier) + len(info.base)
	if info.ifExists {
		n += len(ifExists)
	}
	return len(op) == n && strings.HasPrefix(op, info.qualifier) &&
		op[len(info.qualifier):len(info.qualifier)+len(info.base)] == info.base &&
		(!info.ifExists || strings.HasSuffix(op, ifExists))
}

// values reads a condition key's value: a scalar or a non-empty array of
// scalars, each fit for the operator.
func (c *cleaner) values(cond *Condition, op opInfo) bool {
	if !c.is('[') {
		v, vk, ok := c.scalar()
		if !ok || !c.valueOK(v, vk, op) {
			return false
		}
		c.sstack = append(c.sstack, v)
		cond.Values = c.sstack[len(c.sstack)-1 : len(c.sstack) : len(c.sstack)]
		c.kstack = append(c.kstack, vk)
		cond.ValueKinds = c.kstack[len(c.kstack)-1 : len(c.kstack) : len(c.kstack)]
		return true
	}
	c.eat('[')
	mark, kmark := len(c.sstack), len(c.kstack)
	for {
		v, vk, ok := c.scalar()
		if !ok || !c.valueOK(v, vk, op) {
			return false
		}
		c.sstack = append(c.sstack, v)
		c.kstack = append(c.kstack, vk)
		more, ok := c.next(']')
		if !ok {
			return false
		}
		if !more {
			break
		}
	}
	cond.Values = c.sstack[mark:len(c.sstack):len(c.sstack)]
	cond.ValueKinds = c.kstack[kmark:len(c.kstack):len(c.kstack)]
	return true
}

// valueOK is the checker's conditionValue with no finding to make.
func (c *cleaner) valueOK(v string, vk ValueKind, op opInfo) bool {
	if vk == KindString && strings.Contains(v, "${") {
		if c.literal {
			return false
		}
		if c.vars {
			return op.base != "Bool" // the checker warns (bool-policy-variable)
		}
	}
	switch op.family {
	case familyARN:
		// The checker warns of a short ARN pattern (arn-pattern-short).
		return vk != KindString || v == "*" || strings.Count(v, ":") >= 5
	case familyNumeric:
		return !(vk == KindBool || vk == KindString && !isNumber(v))
	case familyDate:
		return !(vk == KindBool || vk == KindNumber && !isEpoch(v) || vk == KindString && !isDate(v) && !isEpoch(v))
	case familyBool:
		return !(vk == KindNumber || vk == KindString && !asciiEqualFold(v, "true") && !asciiEqualFold(v, "false"))
	case familyIP:
		return vk == KindString && isIPOrCIDR(v)
	}
	return true
}
