package simulate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/jsonx"
)

// decoder is a small strict JSON decoder for the case format: it knows the
// shape of a case, so it reports a wrong type or an unknown field with its
// JSON pointer, keeps policy documents and context values as raw bytes
// without building them, and is several times faster than encoding/json
// on the streams `simulate --jsonl` reads.
type decoder struct {
	data []byte
	off  int
	// path is the JSON pointer of the value being read, as segments:
	// built into a string only when an error needs it.
	path []seg
	// shared: nobody modifies data afterwards, so the strings read may
	// share its memory instead of copying it.
	shared bool
	// docSlab and levelSlab are what is left of the case's block for
	// its policy documents and levels (see caseBlock).
	docSlab   []PolicyDoc
	levelSlab []OrgLevel
	// ctxSlab and valSlab are the shared block's room for the context
	// (see sharedBlock), nil without it.
	ctxSlab []authz.ContextEntry
	valSlab []string
}

// text returns b as a string: b itself when the decoder's data is
// shared, else a copy.
func (d *decoder) text(b []byte) string {
	if d.shared && len(b) > 0 {
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	return string(b)
}

// seg is one step of a JSON pointer: an object key (a slice of the input)
// or an array index.
type seg struct {
	key []byte
	idx int // -1 for a key
}

func (d *decoder) pointer() string {
	if len(d.path) == 0 {
		return ""
	}
	var b strings.Builder
	for _, sg := range d.path {
		b.WriteByte('/')
		if sg.idx >= 0 {
			b.WriteString(strconv.Itoa(sg.idx))
		} else {
			b.WriteString(jsonx.PointerToken(string(sg.key)))
		}
	}
	return b.String()
}

type decodeError struct {
	path string
	msg  string
}

func (d *decoder) fail(format string, args ...any) error {
	return &decodeError{path: d.pointer(), msg: fmt.Sprintf(format, args...)}
}

func (d *decoder) syntax(expected string) error {
	l, c := jsonx.LineCol(d.data, d.off)
	got := "the end of the input"
	if d.off < len(d.data) {
		got = strconv.QuoteRune(rune(d.data[d.off]))
		if d.data[d.off] >= utf8.RuneSelf {
			got = fmt.Sprintf("byte 0x%02x", d.data[d.off])
		}
	}
	return &decodeError{msg: fmt.Sprintf("invalid JSON at %d:%d: expected %s, found %s", l, c, expected, got)}
}

func (d *decoder) ws() { d.off = jsonx.Space(d.data, d.off) }

func (d *decoder) peek() byte {
	d.ws()
	if d.off < len(d.data) {
		return d.data[d.off]
	}
	return 0
}

// kindName names the JSON type of the value at the cursor.
func (d *decoder) kindName() string {
	if k := jsonx.KindName(d.peek()); k != "" {
		return k
	}
	return "a number"
}

// str reads a JSON string. Its loop is simulate --jsonl's fast path for
// a string without escapes, kept rather than jsonx.Scan: with Scan here
// and in rawStr, BenchmarkStream and BenchmarkStreamGenerated took about
// 4% more CPU (user+sys, four runs each way in one session). A string
// with escapes goes to jsonx.Unquote, the escape, UTF-8 and
// control-character checks every strict decoder shares. The run of plain
// bytes is passed over eight at a time (jsonx.PlainEnd).
func (d *decoder) str() (string, error) {
	if d.peek() != '"' {
		return "", d.syntax("a string")
	}
	d.off++
	start := d.off
	for d.off = jsonx.PlainEnd(d.data, d.off); d.off < len(d.data); {
		c := d.data[d.off]
		switch {
		case c == '"':
			s := d.text(d.data[start:d.off])
			d.off++
			return s, nil
		case c == '\\':
			return d.strSlow(start)
		case c < 0x20:
			return "", d.syntax("a character (control characters must be escaped)")
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(d.data[d.off:])
			if r == utf8.RuneError && n == 1 {
				return "", d.syntax("valid UTF-8")
			}
			d.off += n
		default:
			d.off++
		}
	}
	return "", d.syntax(`a closing '"'`)
}

// strSlow reads the rest of a string that has escapes, from d.off; the
// part from start is valid and has none.
func (d *decoder) strSlow(start int) (string, error) {
	b, end, p := jsonx.Unquote(append([]byte(nil), d.data[start:d.off]...), d.data, d.off)
	d.off = end
	switch p {
	case jsonx.OK:
		return unsafe.String(unsafe.SliceData(b), len(b)), nil // b is a copy of its own
	case jsonx.EndInEscape:
		return "", d.syntax("an escape")
	case jsonx.BadEscape:
		return "", d.syntax("a valid escape")
	case jsonx.BadUnicode:
		d.off += 2
		return "", d.syntax("four hex digits after \\u")
	case jsonx.Control:
		return "", d.syntax("a character (control characters must be escaped)")
	case jsonx.InvalidUTF8:
		return "", d.syntax("valid UTF-8")
	}
	return "", d.syntax(`a closing '"'`)
}

// skip passes over one value, checking its syntax, and returns its bytes.
func (d *decoder) skip(depth int) ([]byte, error) {
	if depth > 1000 {
		return nil, d.syntax("less nesting")
	}
	c := d.peek()
	start := d.off
	switch c {
	case '"':
		if _, err := d.rawStr(); err != nil {
			return nil, err
		}
	case '{':
		if err := d.object(func([]byte) error { _, err := d.skip(depth + 1); return err }); err != nil {
			return nil, err
		}
	case '[':
		if err := d.array(func(int) error { _, err := d.skip(depth + 1); return err }); err != nil {
			return nil, err
		}
	case 't', 'f', 'n':
		for _, w := range []string{"true", "false", "null"} {
			if len(d.data)-d.off >= len(w) && string(d.data[d.off:d.off+len(w)]) == w {
				d.off += len(w)
				return d.data[start:d.off], nil
			}
		}
		return nil, d.syntax("a value")
	default:
		if c != '-' && (c < '0' || c > '9') {
			return nil, d.syntax("a value")
		}
		d.off++
		for d.off < len(d.data) {
			c := d.data[d.off]
			if (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' {
				d.off++
				continue
			}
			break
		}
		if !json.Valid(d.data[start:d.off]) {
			d.off = start
			return nil, d.syntax("a number")
		}
	}
	return d.data[start:d.off], nil
}

// object calls fn for each member of the object at the cursor; fn must
// consume the value. Duplicate keys are errors. Keys are passed as byte
// slices of the input, valid during the call.
func (d *decoder) object(fn func(key []byte) error) error {
	if d.peek() != '{' {
		return d.notA("an object")
	}
	d.off++
	if d.peek() == '}' {
		d.off++
		return nil
	}
	var seenBuf [32][]byte // a request context has 20 to 30 keys
	seen := seenBuf[:0]
	// seenBits has keyBit of each key seen: the keys are compared only
	// when the bit of a new key is set. Comparing each key with every one
	// before it was a third of this function's instructions on a
	// generated case's context.
	var seenBits uint64
	for {
		key, err := d.rawStr()
		if err != nil {
			return err
		}
		if bit := keyBit(key); seenBits&bit == 0 {
			seenBits |= bit
		} else {
			for _, k := range seen {
				if string(k) == string(key) {
					d.path = append(d.path, seg{key: key, idx: -1})
					return d.fail("the field %q appears twice", key)
				}
			}
		}
		seen = append(seen, key)
		if d.peek() != ':' {
			return d.syntax("':'")
		}
		d.off++
		d.ws()
		d.path = append(d.path, seg{key: key, idx: -1})
		if err := fn(key); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		switch d.peek() {
		case ',':
			d.off++
		case '}':
			d.off++
			return nil
		default:
			return d.syntax("',' or '}'")
		}
	}
}

// keyBit is one of 64 bits, from a key's length and two of its bytes:
// equal keys have the same bit.
func keyBit(key []byte) uint64 {
	h := uint(len(key))
	if len(key) > 0 {
		h = h*31 + uint(key[len(key)-1]) + 7*uint(key[len(key)/2])
	}
	return 1 << (h & 63)
}

// rawStr reads a string and returns its content: a slice of the input
// when it has no escapes, else a decoded copy. Its loop is the fast path
// for keys, kept for the reason str's is.
func (d *decoder) rawStr() ([]byte, error) {
	if d.peek() != '"' {
		return nil, d.syntax("a string")
	}
	start := d.off + 1
	for i := jsonx.PlainEnd(d.data, start); i < len(d.data); i++ {
		c := d.data[i]
		if c == '"' {
			d.off = i + 1
			return d.data[start:i], nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
	}
	s, err := d.str()
	return []byte(s), err
}

// array calls fn for each element of the array at the cursor.
func (d *decoder) array(fn func(i int) error) error {
	if d.peek() == 'n' {
		_, err := d.skip(0)
		return err
	}
	if d.peek() != '[' {
		return d.notA("an array")
	}
	d.off++
	if d.peek() == ']' {
		d.off++
		return nil
	}
	for i := 0; ; i++ {
		d.ws()
		d.path = append(d.path, seg{idx: i})
		if err := fn(i); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		switch d.peek() {
		case ',':
			d.off++
		case ']':
			d.off++
			return nil
		default:
			return d.syntax("',' or ']'")
		}
	}
}

// notA reports a value of the wrong type, or the syntax error that stops
// it from being read at all.
func (d *decoder) notA(want string) error {
	save := d.off
	kind := d.kindName()
	if _, err := d.skip(0); err != nil {
		return err
	}
	d.off = save
	what := d.pointer()
	if what == "" {
		what = "the case"
	}
	return d.fail("%s must be %s, not %s", what, want, kind)
}

func (d *decoder) stringField(dst *string) error {
	if d.peek() != '"' {
		return d.notA("a string")
	}
	s, err := d.str()
	*dst = s
	return err
}

func (d *decoder) rawField(dst *json.RawMessage) error {
	b, err := d.skipFast()
	*dst = b
	return err
}

// skipFast passes over a value that another parser reads in full later
// (a policy document): it follows strings and brackets only, leaving the
// checking of everything inside to that parser.
func (d *decoder) skipFast() ([]byte, error) {
	c := d.peek()
	if c != '{' && c != '[' {
		return d.skip(0)
	}
	start := d.off
	end, inString := jsonx.Skim(d.data, start)
	if end < 0 {
		d.off = len(d.data)
		if inString {
			return nil, d.syntax(`a closing '"'`)
		}
		return nil, d.syntax("the end of the document ('}')")
	}
	d.off = end
	return d.data[start:end], nil
}

func (d *decoder) unknownField(key []byte, known string) error {
	for _, k := range strings.Split(known, ", ") {
		if strings.EqualFold(k, string(key)) {
			return d.fail("unknown field %q: field names are case-sensitive, did you mean %q?", key, k)
		}
	}
	return d.fail("unknown field %q (known: %s)", key, known)
}

const (
	caseFields    = "id, managementAccount, request, identityPolicies, permissionsBoundary, sessionPolicy, resourcePolicy, serviceControlPolicies, resourceControlPolicies, vpcEndpointPolicies"
	requestFields = "principal, action, resource, resourceAccount, federatingUser, context"
	policyFields  = "name, document"
	levelFields   = "target, policies"
)

func (d *decoder) policyDoc(p *PolicyDoc) error {
	return d.object(func(key []byte) error {
		switch string(key) {
		case "name":
			return d.stringField(&p.Name)
		case "document":
			return d.rawField(&p.Document)
		}
		return d.unknownField(key, policyFields)
	})
}

func (d *decoder) policyList(dst *[]PolicyDoc) error {
	if d.peek() == '[' && *dst == nil {
		*dst = []PolicyDoc{}
	}
	// The list is gathered on the stack and carved from the case's block
	// (docs): a list's own slice was one allocation each.
	var buf [8]PolicyDoc
	list := buf[:0]
	err := d.array(func(int) error {
		var p PolicyDoc
		if err := d.policyDoc(&p); err != nil {
			return err
		}
		list = append(list, p)
		return nil
	})
	if len(list) > 0 {
		if len(*dst) == 0 {
			*dst = d.docs(len(list))
			copy(*dst, list)
		} else {
			*dst = append(*dst, list...)
		}
	}
	return err
}

// docs returns n policy documents carved from the case's block, or from a
// new slab when it is used up.
func (d *decoder) docs(n int) []PolicyDoc {
	if n > len(d.docSlab) {
		d.docSlab = make([]PolicyDoc, max(n, 8))
	}
	return take(&d.docSlab, n)
}

// take returns n elements carved from the front of *slab, or a slice of
// their own when *slab has fewer left. The slice's capacity is its
// length, so an append to it cannot reach the next one carved.
func take[T any](slab *[]T, n int) []T {
	s := *slab
	if n > len(s) {
		return make([]T, n)
	}
	*slab = s[n:]
	return s[:n:n]
}

func (d *decoder) levels(dst *[]OrgLevel) error {
	if d.peek() == '[' && *dst == nil {
		*dst = []OrgLevel{}
	}
	var buf [4]OrgLevel
	list := buf[:0]
	err := d.array(func(int) error {
		var lv OrgLevel
		err := d.object(func(key []byte) error {
			switch string(key) {
			case "target":
				return d.stringField(&lv.Target)
			case "policies":
				return d.policyList(&lv.Policies)
			}
			return d.unknownField(key, levelFields)
		})
		list = append(list, lv)
		return err
	})
	if len(list) > 0 {
		if len(*dst) == 0 {
			*dst = take(&d.levelSlab, len(list))
			copy(*dst, list)
		} else {
			*dst = append(*dst, list...)
		}
	}
	return err
}

func (d *decoder) optionalPolicy(dst **PolicyDoc) error {
	if d.peek() == 'n' {
		_, err := d.skip(0)
		return err
	}
	p := &d.docs(1)[0]
	*dst = p
	return d.policyDoc(p)
}

func (d *decoder) request(r *CaseRequest) error {
	return d.object(func(key []byte) error {
		switch string(key) {
		case "principal":
			return d.stringField(&r.Principal)
		case "action":
			return d.stringField(&r.Action)
		case "resource":
			return d.stringField(&r.Resource)
		case "resourceAccount":
			return d.stringField(&r.ResourceAccount)
		case "federatingUser":
			return d.stringField(&r.FederatingUser)
		case "context":
			if d.peek() == 'n' {
				_, err := d.skip(0)
				return err
			}
			if d.shared {
				r.ctxDone = true
				return d.context(r)
			}
			r.Context = make(map[string]json.RawMessage)
			return d.object(func(key []byte) error {
				b, err := d.skip(0)
				r.Context[d.text(key)] = b
				return err
			})
		}
		return d.unknownField(key, requestFields)
	})
}

// context decodes the context of a case decoded from bytes of its own
// at once, to strings that share the input: Input takes them as they
// are. The first bad value is kept for Input to report, as it would
// have. The keys and values are gathered on the stack and then copied to
// one block each: a map, its values' lists and the scratch lists were
// the decoder's largest allocations (1.6 KB of 2.8 KB a generated case).
func (d *decoder) context(r *CaseRequest) error {
	type span struct {
		k    string
		a, b int // the values: vals[a:b]
	}
	var spanBuf [32]span
	var valBuf [64]string
	spans, vals := spanBuf[:0], valBuf[:0]
	err := d.object(func(key []byte) error {
		if r.ctxErr == nil && len(bytes.TrimSpace(key)) > 0 {
			a := len(vals)
			var ok bool
			if vals, ok = d.plainValues(vals); ok {
				spans = append(spans, span{d.text(key), a, len(vals)})
				return nil
			}
		}
		b, err := d.skip(0)
		if err != nil || r.ctxErr != nil {
			return err
		}
		k := d.text(key)
		var one []string
		vs, err := contextValues(k, b, true, &one)
		if err != nil {
			r.ctxErr = err
			return nil
		}
		a := len(vals)
		vals = append(vals, vs...)
		spans = append(spans, span{k, a, len(vals)})
		return nil
	})
	if err != nil || r.ctxErr != nil {
		return err
	}
	block := take(&d.valSlab, len(vals))
	copy(block, vals)
	list := take(&d.ctxSlab, len(spans))
	for i, sp := range spans {
		list[i] = authz.ContextEntry{Key: sp.k, Values: block[sp.a:sp.b:sp.b]}
	}
	r.ctxList = list
	return nil
}

// plainValues reads a context value that is a plain string (printable
// ASCII, no escape) or an array of them, the values of nearly every
// request, appended to vals: what skip and contextValues give for
// it, without reading it twice (they were a fifth of decoding a
// generated case). For any other value it returns false with the cursor
// and vals as they were, and skip and contextValues read it (and report
// what is wrong with it).
func (d *decoder) plainValues(vals []string) ([]string, bool) {
	save, n := d.off, len(vals)
	if d.off >= len(d.data) {
		return vals, false
	}
	if d.data[d.off] == '"' {
		v, ok := d.plainStr()
		if !ok {
			d.off = save
			return vals, false
		}
		return append(vals, v), true
	}
	if d.data[d.off] != '[' {
		return vals, false
	}
	d.off++
	for {
		d.ws()
		v, ok := d.plainStr()
		if !ok {
			d.off = save
			return vals[:n], false
		}
		vals = append(vals, v)
		d.ws()
		if d.off < len(d.data) {
			switch d.data[d.off] {
			case ',':
				d.off++
				continue
			case ']':
				d.off++
				return vals, true
			}
		}
		d.off = save
		return vals[:n], false
	}
}

// plainStr reads a string of printable ASCII without escapes at the
// cursor; false (the cursor moved) for anything else.
func (d *decoder) plainStr() (string, bool) {
	if d.off >= len(d.data) || d.data[d.off] != '"' {
		return "", false
	}
	start := d.off + 1
	for i := jsonx.PlainEnd(d.data, start); i < len(d.data); i++ {
		c := d.data[i]
		if c == '"' {
			d.off = i + 1
			return d.text(d.data[start:i]), true
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			return "", false
		}
	}
	return "", false
}

// caseBlock holds a case with the decoder that reads it (see decodeCase),
// and room for its policy documents and levels: a generated case has 4.1
// documents (at most 14) and 1.3 levels on average, and their slices
// and the optional policies were 3 to 4 allocations a case.
type caseBlock struct {
	c      Case
	d      decoder
	path   [8]seg
	docs   [8]PolicyDoc
	levels [4]OrgLevel
}

// sharedBlock is a caseBlock with room for the context of a case decoded
// with shared (the only one whose context is decoded with it): a
// generated case has 15 keys and 15 values on average, at most 25 and 26
// in the first 5,000, and their two slices were two allocations a case.
type sharedBlock struct {
	caseBlock
	ctx  [24]authz.ContextEntry
	vals [24]string
}

// decodeCase decodes one case from data. With shared, nobody modifies
// data afterwards: the case's strings share its memory.
func decodeCase(data []byte, shared bool) (*Case, error) {
	return decodeCaseIn(data, shared, nil)
}

// decodeCaseIn is decodeCase into sb (cleared first) when it is not nil
// (and shared is set): the case then lives in sb, until sb's next use.
func decodeCaseIn(data []byte, shared bool, sb *sharedBlock) (*Case, error) {
	// The case, its decoder and the decoder's path are one allocation:
	// the decoder escapes (the closures below capture it), and the three
	// were 3 of a generated case's 8 decoding allocations.
	var blk *caseBlock
	var ctx []authz.ContextEntry
	var vals []string
	if shared {
		if sb == nil {
			sb = &sharedBlock{}
		} else {
			*sb = sharedBlock{}
		}
		blk, ctx, vals = &sb.caseBlock, sb.ctx[:], sb.vals[:]
	} else {
		blk = &caseBlock{}
	}
	d, c := &blk.d, &blk.c
	*d = decoder{data: data, path: blk.path[:0], shared: shared, docSlab: blk.docs[:], levelSlab: blk.levels[:], ctxSlab: ctx, valSlab: vals}
	c.shared = shared
	err := d.object(func(key []byte) error {
		switch string(key) {
		case "id":
			return d.stringField(&c.ID)
		case "managementAccount":
			return d.stringField(&c.ManagementAccount)
		case "request":
			return d.request(&c.Request)
		case "identityPolicies":
			return d.policyList(&c.IdentityPolicies)
		case "permissionsBoundary":
			return d.optionalPolicy(&c.PermissionsBoundary)
		case "sessionPolicy":
			return d.optionalPolicy(&c.SessionPolicy)
		case "resourcePolicy":
			return d.optionalPolicy(&c.ResourcePolicy)
		case "serviceControlPolicies":
			return d.levels(&c.ServiceControlPolicies)
		case "resourceControlPolicies":
			return d.levels(&c.ResourceControlPolicies)
		case "vpcEndpointPolicies":
			return d.policyList(&c.VPCEndpointPolicies)
		}
		return d.unknownField(key, caseFields)
	})
	if err == nil {
		if d.ws(); d.off < len(d.data) {
			err = d.syntax("the end of the case")
		}
	}
	// The block lives as long as the case: the decoder and its path must
	// not keep the input.
	blk.d, blk.path = decoder{}, [8]seg{}
	if err != nil {
		if de, ok := err.(*decodeError); ok {
			return c, &CaseError{Path: de.path, Message: de.msg}
		}
		return c, err
	}
	return c, nil
}

func (e *decodeError) Error() string { return e.path + ": " + e.msg }
