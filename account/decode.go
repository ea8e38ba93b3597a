package account

import (
	"bytes"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/deniedhq/denied/internal/jsonx"
)

// fastDecode decodes data into s in one pass over the bytes, without
// copying the input: documents are slices of data (capacity clipped, so an
// append never writes into it), and strings without escapes share data's
// bytes. It handles the input decodeStrict accepts,
// and only that: at the first thing it is not sure decodeStrict would
// accept and decode the same way (any syntax, shape or UTF-8 problem, an
// escape encoding/json and strconv read differently, a duplicate key at
// any depth, a number out of float64 range), it reports false, and the
// caller runs decodeStrict, whose error is the one reported. So every
// error keeps its message, pointer and position; fastDecode only makes the
// common case, a good snapshot, cheap.
func fastDecode(data []byte, s *Snapshot) bool {
	d := &fastDecoder{data: data}
	if !d.value(snapshotPlan(), reflect.ValueOf(s).Elem()) {
		return false
	}
	d.ws()
	return d.off == len(d.data)
}

// planKind is what a Go type of the model decodes from.
type planKind uint8

const (
	planString planKind = iota + 1
	planInt
	planBool
	planDocument
	planPointer
	planStruct
	planSlice
	planStringMap
)

// typePlan is how fastDecode decodes one Go type of the model.
type typePlan struct {
	kind   planKind
	typ    reflect.Type
	elem   *typePlan      // planPointer, planSlice
	fields []fieldPlan    // planStruct, in declaration order
	byName map[string]int // planStruct: index into fields, by exact JSON name
	names  []string       // planStruct: the JSON name of each of fields
}

type fieldPlan struct {
	index int
	plan  *typePlan
}

// snapshotPlan is the decoding plan of a Snapshot, built on first use (not
// at process start: most commands load no snapshot).
var snapshotPlan = sync.OnceValue(func() *typePlan { return planFor(reflect.TypeFor[Snapshot](), map[reflect.Type]*typePlan{}) })

// planFor builds the plan of t. It panics on a type the model does not use
// (caught by every test that loads a snapshot).
func planFor(t reflect.Type, seen map[reflect.Type]*typePlan) *typePlan {
	if p, ok := seen[t]; ok {
		return p
	}
	p := &typePlan{typ: t}
	seen[t] = p
	switch {
	case t == documentType:
		p.kind = planDocument
	case t.Kind() == reflect.String:
		p.kind = planString
	case t.Kind() == reflect.Int:
		p.kind = planInt
	case t.Kind() == reflect.Bool:
		p.kind = planBool
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		p.kind, p.elem = planPointer, planFor(t.Elem(), seen)
	case t.Kind() == reflect.Slice:
		p.kind, p.elem = planSlice, planFor(t.Elem(), seen)
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && t.Elem().Kind() == reflect.String:
		p.kind = planStringMap
	case t.Kind() == reflect.Struct:
		p.kind = planStruct
		p.byName = map[string]int{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			p.byName[name] = len(p.fields)
			p.names = append(p.names, name)
			p.fields = append(p.fields, fieldPlan{index: i, plan: planFor(f.Type, seen)})
		}
		if len(p.fields) > 64 {
			panic("account: fastDecode tracks at most 64 fields of a struct: " + t.String())
		}
	default:
		panic("account: fastDecode has no plan for " + t.String())
	}
	return p
}

// maxSkipDepth bounds the nesting fastDecode follows inside a document
// (encoding/json refuses 10,000 levels; decodeStrict then says so).
const maxSkipDepth = 1000

// maxSkipKeys bounds the keys of one object inside a document that
// fastDecode compares pairwise.
const maxSkipKeys = 256

type fastDecoder struct {
	data []byte
	off  int
	keys [][]byte // the keys of the objects being skipped, innermost last
}

func (d *fastDecoder) ws() { d.off = jsonx.Space(d.data, d.off) }

// peek skips white space and returns the next byte, or 0 at the end.
func (d *fastDecoder) peek() byte {
	d.ws()
	if d.off >= len(d.data) {
		return 0
	}
	return d.data[d.off]
}

// literal consumes lit (true, false, null) followed by a delimiter.
func (d *fastDecoder) literal(lit string) bool {
	if !bytes.HasPrefix(d.data[d.off:], []byte(lit)) {
		return false
	}
	d.off += len(lit)
	return d.delimited()
}

// delimited reports whether the input ends or continues with a byte that
// may follow a scalar value.
func (d *fastDecoder) delimited() bool {
	if d.off >= len(d.data) {
		return true
	}
	switch d.data[d.off] {
	case ',', ']', '}', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

func (d *fastDecoder) value(p *typePlan, v reflect.Value) bool {
	c := d.peek()
	if c == 'n' {
		// null leaves the zero value, as encoding/json does here (the
		// value is new: no key appears twice).
		return d.literal("null")
	}
	switch p.kind {
	case planString:
		s, ok := d.str()
		if ok {
			v.SetString(s)
		}
		return ok
	case planInt:
		n, ok := d.integer()
		if ok {
			v.SetInt(n)
		}
		return ok
	case planBool:
		switch c {
		case 't':
			v.SetBool(true)
			return d.literal("true")
		case 'f':
			return d.literal("false")
		}
		return false
	case planDocument:
		if c != '{' && c != '"' {
			return false
		}
		start := d.off
		if !d.skip(0) {
			return false
		}
		v.SetBytes(d.data[start:d.off:d.off])
		return true
	case planPointer:
		if c != '{' {
			return false
		}
		n := reflect.New(p.elem.typ)
		if !d.value(p.elem, n.Elem()) {
			return false
		}
		v.Set(n)
		return true
	case planStruct:
		return c == '{' && d.object(p, v)
	case planSlice:
		return c == '[' && d.array(p, v)
	case planStringMap:
		return c == '{' && d.stringMap(v)
	}
	return false
}

func (d *fastDecoder) object(p *typePlan, v reflect.Value) bool {
	d.off++ // '{'
	if d.peek() == '}' {
		d.off++
		return true
	}
	var seen uint64
	next := 0 // the field after the last one read: Save writes them in declaration order
	for {
		if d.peek() != '"' {
			return false
		}
		key, ok := d.rawKey()
		if !ok {
			return false
		}
		// The field is looked for among the next few (the ones Save
		// left out are empty), then by name.
		i := -1
		for k := next; k < len(p.names) && k < next+4; k++ {
			if string(key) == p.names[k] {
				i = k
				break
			}
		}
		if i < 0 {
			if i, ok = p.byName[string(key)]; !ok {
				return false // unknown (or not matched exactly)
			}
		}
		if seen&(1<<i) != 0 {
			return false // twice
		}
		seen |= 1 << i
		next = i + 1
		if d.peek() != ':' {
			return false
		}
		d.off++
		f := p.fields[i]
		if !d.value(f.plan, v.Field(f.index)) {
			return false
		}
		switch d.peek() {
		case ',':
			d.off++
		case '}':
			d.off++
			return true
		default:
			return false
		}
	}
}

func (d *fastDecoder) array(p *typePlan, v reflect.Value) bool {
	d.off++ // '['
	sl := reflect.MakeSlice(p.typ, 0, 0)
	if d.peek() == ']' {
		d.off++
		v.Set(sl)
		return true
	}
	n := 0
	for {
		if n == sl.Cap() {
			grown := reflect.MakeSlice(p.typ, n, max(4, 2*n))
			reflect.Copy(grown, sl)
			sl = grown
		}
		sl = sl.Slice(0, n+1)
		if !d.value(p.elem, sl.Index(n)) {
			return false
		}
		n++
		switch d.peek() {
		case ',':
			d.off++
		case ']':
			d.off++
			v.Set(sl)
			return true
		default:
			return false
		}
	}
}

func (d *fastDecoder) stringMap(v reflect.Value) bool {
	d.off++ // '{'
	m := reflect.MakeMap(v.Type())
	v.Set(m)
	if d.peek() == '}' {
		d.off++
		return true
	}
	for {
		if d.peek() != '"' {
			return false
		}
		k, ok := d.str()
		if !ok {
			return false
		}
		key := reflect.ValueOf(k)
		if m.MapIndex(key).IsValid() || d.peek() != ':' {
			return false
		}
		d.off++
		if d.peek() == 'n' {
			// encoding/json stores "" for null; leave that case to it.
			return false
		}
		s, ok := d.str()
		if !ok {
			return false
		}
		m.SetMapIndex(key, reflect.ValueOf(s))
		switch d.peek() {
		case ',':
			d.off++
		case '}':
			d.off++
			return true
		default:
			return false
		}
	}
}

// rawKey reads a string without escapes and returns its bytes (a key of
// the model: those never need escapes).
func (d *fastDecoder) rawKey() ([]byte, bool) {
	start := d.off + 1
	end, escaped, ok := d.scanString()
	if !ok || escaped {
		return nil, false
	}
	return d.data[start:end], true
}

// scanString moves past a string starting at d.off, checking it with
// jsonx.Scan and refusing any \u of a surrogate half as well (decodeStrict
// and encoding/json read those differently). It returns the offset of the
// closing quote and whether the string has escapes.
func (d *fastDecoder) scanString() (end int, escaped, ok bool) {
	end, esc, p := jsonx.Scan(d.data, d.off+1)
	if p != jsonx.OK || esc&jsonx.Surrogate != 0 {
		return 0, false, false
	}
	d.off = end
	return end - 1, esc != 0, true
}

// str reads a string value and returns it decoded.
func (d *fastDecoder) str() (string, bool) {
	if d.off >= len(d.data) || d.data[d.off] != '"' {
		return "", false
	}
	start := d.off + 1
	end, escaped, ok := d.scanString()
	if !ok {
		return "", false
	}
	if !escaped {
		if end == start {
			return "", true
		}
		// The string shares data's memory, as the documents do (Parse's
		// callers do not modify data): no copy, no allocation.
		return unsafe.String(&d.data[start], end-start), true
	}
	return string(jsonx.Unescape(make([]byte, 0, end-start), d.data[start:end])), true
}

// integer reads a JSON integer (no fraction, no exponent) that fits int64.
func (d *fastDecoder) integer() (int64, bool) {
	start := d.off
	i := start
	if i < len(d.data) && d.data[i] == '-' {
		i++
	}
	digits := i
	for i < len(d.data) && d.data[i] >= '0' && d.data[i] <= '9' {
		i++
	}
	if i == digits || (d.data[digits] == '0' && i > digits+1) {
		return 0, false
	}
	d.off = i
	if !d.delimited() {
		return 0, false
	}
	n, err := strconv.ParseInt(string(d.data[start:i]), 10, 64)
	return n, err == nil
}

// number moves past a JSON number that float64 can hold.
func (d *fastDecoder) number() bool {
	data := d.data
	start := d.off
	i := start
	if i < len(data) && data[i] == '-' {
		i++
	}
	digits := i
	for i < len(data) && data[i] >= '0' && data[i] <= '9' {
		i++
	}
	if i == digits || (data[digits] == '0' && i > digits+1) {
		return false
	}
	plain := true
	if i < len(data) && data[i] == '.' {
		plain = false
		i++
		f := i
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
		if i == f {
			return false
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		plain = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		e := i
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
		if i == e {
			return false
		}
	}
	d.off = i
	if !d.delimited() {
		return false
	}
	if plain && i-start <= 300 {
		return true
	}
	_, err := strconv.ParseFloat(string(data[start:i]), 64)
	return err == nil
}

// skip moves past any value, checking it as decodeStrict does: duplicate
// keys are refused at every depth.
func (d *fastDecoder) skip(depth int) bool {
	switch c := d.peek(); {
	case c == '"':
		_, _, ok := d.scanString()
		return ok
	case c == '{':
		if depth >= maxSkipDepth {
			return false
		}
		d.off++
		if d.peek() == '}' {
			d.off++
			return true
		}
		// On success the keys are dropped again; on failure it does not
		// matter (the decoding is abandoned).
		base := len(d.keys)
		for {
			if d.peek() != '"' {
				return false
			}
			key, ok := d.rawKey()
			if !ok {
				return false // a key with escapes: leave it to decodeStrict
			}
			if len(d.keys)-base >= maxSkipKeys {
				return false // a long object: decodeStrict finds duplicates with a map
			}
			for _, k := range d.keys[base:] {
				if bytes.Equal(k, key) {
					return false
				}
			}
			d.keys = append(d.keys, key)
			if d.peek() != ':' {
				return false
			}
			d.off++
			if !d.skip(depth + 1) {
				return false
			}
			switch d.peek() {
			case ',':
				d.off++
			case '}':
				d.off++
				d.keys = d.keys[:base]
				return true
			default:
				return false
			}
		}
	case c == '[':
		if depth >= maxSkipDepth {
			return false
		}
		d.off++
		if d.peek() == ']' {
			d.off++
			return true
		}
		for {
			if !d.skip(depth + 1) {
				return false
			}
			switch d.peek() {
			case ',':
				d.off++
			case ']':
				d.off++
				return true
			default:
				return false
			}
		}
	case c == 't':
		return d.literal("true")
	case c == 'f':
		return d.literal("false")
	case c == 'n':
		return d.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	}
	return false
}
