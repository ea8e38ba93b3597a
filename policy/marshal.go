package policy

import (
	"unicode/utf8"
)

// MarshalJSON encodes the policy as canonical, compact AWS policy JSON:
// Version (when set), Id (when not empty) and Statement, always as an
// array. In each statement the elements come in the order Sid, Effect,
// Principal, NotPrincipal, Action, NotAction, Resource, NotResource,
// Condition; absent elements (nil slices, nil principals, an unknown
// Effect, no Sid) are left out. A list of one value is written as a
// string, other lists as arrays. Condition operators and keys are
// grouped in the order they first appear; the values of a repeated
// (operator, key) pair are merged. Condition values written as numbers or
// booleans are written the same way again. It never returns an error.
//
// A nil *Policy encodes as null.
func (p *Policy) MarshalJSON() ([]byte, error) {
	e := encoder{buf: make([]byte, 0, 256)}
	e.policy(p)
	return e.buf, nil
}

// Format returns the policy as canonical AWS policy JSON, like
// MarshalJSON, indented by two spaces and ending in a newline. Parsing the
// result gives an equivalent policy, except that a Statement written as a
// single object becomes a list.
func Format(p *Policy) []byte {
	e := encoder{buf: make([]byte, 0, 512), indent: true}
	e.policy(p)
	e.buf = append(e.buf, '\n')
	return e.buf
}

type encoder struct {
	buf    []byte
	indent bool
	depth  int
	// fresh: nothing has been written in the innermost open container.
	fresh bool
}

func (e *encoder) newline() {
	if !e.indent {
		return
	}
	e.buf = append(e.buf, '\n')
	for i := 0; i < e.depth; i++ {
		e.buf = append(e.buf, ' ', ' ')
	}
}

func (e *encoder) open(c byte) {
	e.buf = append(e.buf, c)
	e.depth++
	e.fresh = true
}

func (e *encoder) close(c byte) {
	e.depth--
	if !e.fresh {
		e.newline()
	}
	e.fresh = false
	e.buf = append(e.buf, c)
}

// next starts an element of the innermost container.
func (e *encoder) next() {
	if !e.fresh {
		e.buf = append(e.buf, ',')
	}
	e.fresh = false
	e.newline()
}

func (e *encoder) key(k string) {
	e.next()
	e.str(k)
	e.buf = append(e.buf, ':')
	if e.indent {
		e.buf = append(e.buf, ' ')
	}
}

const hexDigits = "0123456789abcdef"

// str writes s as a JSON string. Invalid UTF-8 is replaced by U+FFFD.
func (e *encoder) str(s string) {
	e.buf = append(e.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				e.buf = append(e.buf, s[start:i]...)
				e.buf = append(e.buf, `\ufffd`...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		e.buf = append(e.buf, s[start:i]...)
		switch c {
		case '"', '\\':
			e.buf = append(e.buf, '\\', c)
		case '\n':
			e.buf = append(e.buf, '\\', 'n')
		case '\r':
			e.buf = append(e.buf, '\\', 'r')
		case '\t':
			e.buf = append(e.buf, '\\', 't')
		case '\b':
			e.buf = append(e.buf, '\\', 'b')
		case '\f':
			e.buf = append(e.buf, '\\', 'f')
		default:
			e.buf = append(e.buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		i++
		start = i
	}
	e.buf = append(e.buf, s[start:]...)
	e.buf = append(e.buf, '"')
}

// list writes one value as a string, other counts as an array.
func (e *encoder) list(vs []string) {
	if len(vs) == 1 {
		e.str(vs[0])
		return
	}
	e.open('[')
	for _, v := range vs {
		e.next()
		e.str(v)
	}
	e.close(']')
}

func (e *encoder) policy(p *Policy) {
	if p == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.open('{')
	if p.Version != "" {
		e.key("Version")
		e.str(p.Version)
	}
	if p.ID != "" {
		e.key("Id")
		e.str(p.ID)
	}
	e.key("Statement")
	e.open('[')
	for _, s := range p.Statements {
		if s == nil {
			continue
		}
		e.next()
		e.statement(s)
	}
	e.close(']')
	e.close('}')
}

func (e *encoder) statement(s *Statement) {
	e.open('{')
	if s.HasSid || s.Sid != "" {
		e.key("Sid")
		e.str(s.Sid)
	}
	if s.Effect == Allow || s.Effect == Deny {
		e.key("Effect")
		e.str(s.Effect.String())
	}
	if s.Principal != nil {
		e.key("Principal")
		e.principal(s.Principal)
	}
	if s.NotPrincipal != nil {
		e.key("NotPrincipal")
		e.principal(s.NotPrincipal)
	}
	for _, el := range [...]struct {
		name string
		vs   []string
	}{{"Action", s.Action}, {"NotAction", s.NotAction}, {"Resource", s.Resource}, {"NotResource", s.NotResource}} {
		if el.vs != nil {
			e.key(el.name)
			e.list(el.vs)
		}
	}
	if len(s.Conditions) > 0 {
		e.key("Condition")
		e.conditions(s.Conditions)
	}
	e.close('}')
}

func (e *encoder) principal(p *Principal) {
	if p.Wildcard {
		e.str("*")
		return
	}
	e.open('{')
	for _, t := range [...]struct {
		name string
		vs   []string
	}{{"AWS", p.AWS}, {"Service", p.Service}, {"Federated", p.Federated}, {"CanonicalUser", p.CanonicalUser}} {
		if t.vs != nil {
			e.key(t.name)
			e.list(t.vs)
		}
	}
	e.close('}')
}

func (e *encoder) conditions(cs []Condition) {
	// Group by operator, then by key, each in order of first appearance.
	type group struct {
		name string
		idx  []int
	}
	var ops []group
	opIdx := make(map[string]int, 4)
	for i := range cs {
		k, ok := opIdx[cs[i].Operator]
		if !ok {
			k = len(ops)
			opIdx[cs[i].Operator] = k
			ops = append(ops, group{name: cs[i].Operator})
		}
		ops[k].idx = append(ops[k].idx, i)
	}
	e.open('{')
	for _, op := range ops {
		e.key(op.name)
		var keys []group
		keyIdx := make(map[string]int, len(op.idx))
		for _, i := range op.idx {
			k, ok := keyIdx[cs[i].Key]
			if !ok {
				k = len(keys)
				keyIdx[cs[i].Key] = k
				keys = append(keys, group{name: cs[i].Key})
			}
			keys[k].idx = append(keys[k].idx, i)
		}
		e.open('{')
		for _, key := range keys {
			e.key(key.name)
			e.conditionValues(cs, key.idx)
		}
		e.close('}')
	}
	e.close('}')
}

// conditionValues writes the values of the conditions cs[i] for i in idx
// as one value or an array.
func (e *encoder) conditionValues(cs []Condition, idx []int) {
	n := 0
	for _, i := range idx {
		n += len(cs[i].Values)
	}
	if n != 1 {
		e.open('[')
	}
	for _, i := range idx {
		c := &cs[i]
		for k, v := range c.Values {
			if n != 1 {
				e.next()
			}
			vk := KindString
			if k < len(c.ValueKinds) {
				vk = c.ValueKinds[k]
			}
			e.conditionValue(v, vk)
		}
	}
	if n != 1 {
		e.close(']')
	}
}

func (e *encoder) conditionValue(v string, vk ValueKind) {
	switch {
	case vk == KindNumber && IsJSONNumber(v):
		e.buf = append(e.buf, v...)
	case vk == KindBool && (v == "true" || v == "false"):
		e.buf = append(e.buf, v...)
	default:
		e.str(v)
	}
}

// IsJSONNumber reports whether s is a number in JSON syntax (RFC 8259:
// no sign but '-', no leading zero, no surrounding space).
func IsJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == start {
			return false
		}
	}
	return exponentEnds(s, i)
}
