package policy

import (
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/jsonx"
)

// Parse parses one JSON policy document and checks it against the policy
// grammar. It returns the policy and every finding, ordered by position.
//
// The policy is nil only when data holds no JSON object to read (it is
// empty, not JSON, or a JSON value of another type). When the document has
// errors the policy is still built as far as it can be understood, so that
// a lenient evaluation can proceed: elements written with the wrong key
// case are interpreted, duplicated keys keep their last value, and
// elements after a syntax error are missing. Use HasErrors to find out
// whether AWS would accept the document.
//
// Positions count bytes of data (a leading byte order mark is skipped but
// counted). Parse never panics.
func Parse(data []byte) (*Policy, []Finding) {
	return parse(pooledScanner(data, string(data)))
}

// ParseShared is Parse for a caller that never modifies data afterwards:
// the policy's strings share data's memory instead of copying it.
func ParseShared(data []byte) (*Policy, []Finding) {
	return parse(pooledScanner(data, unsafe.String(unsafe.SliceData(data), len(data))))
}

func parse(s *scanner) (*Policy, []Finding) {
	root, syntax, sc := scanWith(s)
	c := checkerPool.Get().(*checker)
	// A fresh checker: the blocks of the last one belong to its policy.
	*c = checker{findings: findings{list: syntax}, size: len(s.data)}
	var p *Policy
	if root != nil {
		p = c.document(root)
	}
	list := c.list
	*c = checker{}
	checkerPool.Put(c)
	sc.release()
	sortFindings(list)
	return p, list
}

// checkerPool saves the allocation of a checker for each document.
var checkerPool = sync.Pool{New: func() any { return new(checker) }}

// Elements of the grammar, in canonical spelling.
var (
	documentElements  = []string{"Version", "Id", "Statement"}
	statementElements = []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"}
	principalTypes    = []string{"AWS", "Service", "Federated", "CanonicalUser"}
)

// Indexes into statementElements.
const (
	elSid = iota
	elEffect
	elPrincipal
	elNotPrincipal
	elAction
	elNotAction
	elResource
	elNotResource
	elCondition
)

type checker struct {
	findings
	// variables: policy variables are interpreted (Version 2012-10-17).
	variables bool
	// literalVars: the version is 2008-10-17 or absent, so "${...}" is
	// matched literally.
	literalVars bool

	// The model's small pieces are carved out of a few blocks that the
	// policy then owns (see carve): the JSON pointers of statements and
	// conditions, string lists, condition values and their kinds.
	// The first block of each is sized from the document's length (size,
	// in bytes), each next one twice the last.
	text  []byte
	strs  []string
	kinds []ValueKind
	conds []Condition
	size  int
}

// carve returns an empty slice with room for n elements, capped so that
// appending to it never reaches the next one, taken from *slab or from a
// fresh block (of at least first elements, and twice the last block's)
// when it has no room left.
func carve[T any](slab *[]T, n, first int) []T {
	if n == 0 {
		return []T{} // never nil: a nil list is an absent element
	}
	s := *slab
	if cap(s)-len(s) < n {
		s = make([]T, 0, max(n, first, 2*cap(s)))
	}
	out := s[len(s) : len(s) : len(s)+n]
	*slab = s[:len(s)+n]
	return out
}

// pointer returns parent + "/" + the tokens, each escaped as a JSON
// pointer token, in a string carved from c.text: no allocation of its own.
func (c *checker) pointer(parent string, tokens ...string) string {
	n := len(parent)
	for _, t := range tokens {
		n += 1 + len(t) + 2*(strings.Count(t, "~")+strings.Count(t, "/"))
	}
	if cap(c.text)-len(c.text) < n {
		c.text = make([]byte, 0, max(n, c.size/8, 2*cap(c.text)))
	}
	start := len(c.text)
	b := append(c.text, parent...)
	for _, t := range tokens {
		b = appendToken(append(b, '/'), t)
	}
	c.text = b
	out := b[start:]
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// reserve sizes the first blocks of c's slabs for the statements stmts,
// counting their string values, conditions and condition values (at
// most: wrong types and repeated keys take no room) and the bytes of the
// conditions' pointers (about).
func (c *checker) reserve(stmts []*node) {
	var strs, conds, vals, text int
	list := func(v *node) int {
		switch v.kind {
		case kindArray:
			return len(v.elems)
		case kindString:
			return 1
		}
		return 0
	}
	for si, st := range stmts {
		if st.kind != kindObject {
			continue
		}
		sptr := len("/Statement/") + 1
		for n := si; n >= 10; n /= 10 {
			sptr++
		}
		for i := range st.members {
			m := &st.members[i]
			if m.val == nil {
				continue
			}
			switch m.val.kind {
			case kindArray:
				strs += len(m.val.elems)
			case kindString:
				if !asciiEqualFold(m.key, "Sid") && !asciiEqualFold(m.key, "Effect") {
					strs++
				}
			case kindObject: // Principal, NotPrincipal, Condition
				text += sptr + 1 + len(m.key)
				for j := range m.val.members {
					om := &m.val.members[j]
					if om.val == nil {
						continue
					}
					if om.val.kind != kindObject {
						strs += list(om.val)
						continue
					}
					for k := range om.val.members {
						km := &om.val.members[k]
						conds++
						text += sptr + 1 + len(m.key) + 1 + len(om.key) + 1 + len(km.key)
						if km.val != nil {
							if n := list(km.val); n > 0 {
								vals += n
							} else {
								vals++ // a number or a boolean
							}
						}
					}
				}
			}
		}
	}
	c.strs = make([]string, 0, strs+vals)
	c.conds = make([]Condition, 0, conds)
	// The pointers' bytes and the value kinds (bytes too) in one block.
	b := make([]byte, text+vals)
	c.text = b[:0:text]
	if vals > 0 {
		c.kinds = unsafe.Slice((*ValueKind)(unsafe.Pointer(&b[text])), vals)[:0]
	}
}

// strings1 returns a list of the one string s.
func (c *checker) strings1(s string) []string {
	return append(carve(&c.strs, 1, c.size/32), s)
}

// asciiEqualFold is strings.EqualFold restricted to ASCII case folding, as
// AWS does not fold non-ASCII letters such as the Kelvin sign.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// lookup finds key among known, exactly or else ignoring case.
func lookup(key string, known []string) (idx int, exact bool) {
	for i, k := range known {
		if k == key {
			return i, true
		}
	}
	for i, k := range known {
		if asciiEqualFold(k, key) {
			return i, false
		}
	}
	return -1, false
}

// statementPointers are the pointers of the first statements of a
// document whose Statement element is spelled "Statement", built once.
var statementPointers = func() (a [32]string) {
	for i := range a {
		a[i] = "/Statement/" + strconv.Itoa(i)
	}
	return a
}()

// statementPointer returns ptr + "/" + i, the pointer of statement i of
// the Statement element at ptr.
func (c *checker) statementPointer(ptr string, i int) string {
	if ptr == "/Statement" && i < len(statementPointers) {
		return statementPointers[i]
	}
	var buf [20]byte
	return c.pointer(ptr, string(strconv.AppendInt(buf[:0], int64(i), 10)))
}

// topPointer is the pointer of a member of the document.
func (c *checker) topPointer(key string) string {
	switch key {
	case "Statement":
		return "/Statement"
	case "Version":
		return "/Version"
	}
	return c.pointer("", key)
}

func childPointer(parent, key string) string {
	return parent + "/" + jsonx.PointerToken(key)
}

func joinNames(names []string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}

// elements sorts the members of object n into out, one slot per known
// element (last occurrence wins), reporting unknown elements, wrong case
// and elements repeated with different case. what names the object for
// messages, e.g. "a statement".
func (c *checker) elements(n *node, ptr string, known []string, out []*member, what string) {
	for i := range n.members {
		m := &n.members[i]
		if m.val == nil || m.superseded {
			continue
		}
		k, exact := lookup(m.key, known)
		if k < 0 {
			c.add(Error, CodeUnknownElement, m.pos, childPointer(ptr, m.key),
				"unknown element %q in %s (allowed: %s)", m.key, what, joinNames(known))
			continue
		}
		if !exact {
			c.add(Error, CodeWrongKeyCase, m.pos, childPointer(ptr, m.key),
				"%q must be written %q", m.key, known[k])
		}
		if prev := out[k]; prev != nil {
			c.add(Error, CodeDuplicateKey, m.pos, childPointer(ptr, m.key),
				"%q repeats %q (at %s): AWS rejects duplicate elements; this parser keeps the last", m.key, prev.key, prev.pos)
		}
		out[k] = m
	}
}

func (c *checker) document(n *node) *Policy {
	if n.kind != kindObject {
		c.add(Error, CodeNotObject, n.pos, "", "the policy document must be a JSON object, not %s", n.kind)
		return nil
	}
	p := &Policy{Pos: n.pos}
	var els [3]*member
	c.elements(n, "", documentElements, els[:], "the policy document")

	if m := els[0]; m != nil {
		ptr := c.topPointer(m.key)
		if m.val.kind != kindString {
			c.add(Error, CodeWrongType, m.val.pos, ptr, "\"Version\" must be a string, not %s", m.val.kind)
		} else {
			p.Version = m.val.text
			if p.Version != Version2012 && p.Version != Version2008 {
				c.add(Error, CodeUnknownVersion, m.val.pos, ptr,
					"unknown Version %q: it must be %q (or the obsolete %q)", p.Version, Version2012, Version2008)
			}
		}
	} else if !n.partial {
		c.add(Warning, CodeMissingVersion, n.pos, "",
			"the document has no \"Version\": AWS assumes %q, in which policy variables such as ${aws:username} are not interpreted; add \"Version\": %q",
			Version2008, Version2012)
	}
	c.variables = p.Version == Version2012
	c.literalVars = p.Version == "" || p.Version == Version2008

	if m := els[1]; m != nil {
		if m.val.kind != kindString {
			c.add(Error, CodeWrongType, m.val.pos, childPointer("", m.key), "\"Id\" must be a string, not %s", m.val.kind)
		} else {
			p.ID = m.val.text
		}
	}

	m := els[2]
	if m == nil {
		if !n.partial {
			c.add(Error, CodeMissingStatement, n.pos, "", "the document has no \"Statement\" element")
		}
		return p
	}
	ptr := c.topPointer(m.key)
	v := m.val
	switch v.kind {
	case kindObject:
		p.StatementIsObject = true
		p.Statements = []*Statement{c.statement(new(Statement), v, 0, ptr)}
	case kindArray:
		if len(v.elems) == 0 && !v.partial {
			c.add(Warning, CodeEmptyStatementList, v.pos, ptr, "\"Statement\" is an empty list: the policy has no effect")
		}
		p.Statements = make([]*Statement, 0, len(v.elems))
		blk := make([]Statement, len(v.elems)) // one block for all
		c.reserve(v.elems)
		for i, e := range v.elems {
			sptr := c.statementPointer(ptr, i)
			if e.kind != kindObject {
				c.add(Error, CodeNotObject, e.pos, sptr, "statement %d must be an object, not %s", i, e.kind)
				continue
			}
			p.Statements = append(p.Statements, c.statement(&blk[i], e, i, sptr))
		}
	default:
		c.add(Error, CodeWrongType, v.pos, ptr, "\"Statement\" must be an object or an array of objects, not %s", v.kind)
	}
	return p
}

// statement reads statement idx into s.
func (c *checker) statement(s *Statement, n *node, idx int, ptr string) *Statement {
	*s = Statement{Index: idx, Pos: n.pos, Pointer: ptr}
	var els [9]*member
	c.elements(n, ptr, statementElements, els[:], "a statement")

	if m := els[elSid]; m != nil {
		if m.val.kind != kindString {
			c.add(Error, CodeWrongType, m.val.pos, childPointer(ptr, m.key), "\"Sid\" must be a string, not %s", m.val.kind)
		} else {
			s.Sid, s.HasSid = m.val.text, true
			if !isAlnum(s.Sid) {
				c.add(Warning, CodeSidInvalid, m.val.pos, childPointer(ptr, m.key),
					"Sid %q has characters other than ASCII letters and digits, which identity policies do not allow", s.Sid)
			}
		}
	}

	if m := els[elEffect]; m != nil {
		switch {
		case m.val.kind != kindString:
			c.add(Error, CodeWrongType, m.val.pos, childPointer(ptr, m.key), "\"Effect\" must be the string \"Allow\" or \"Deny\", not %s", m.val.kind)
		case m.val.text == "Allow":
			s.Effect = Allow
		case m.val.text == "Deny":
			s.Effect = Deny
		case asciiEqualFold(m.val.text, "Allow"):
			s.Effect = Allow
			c.add(Error, CodeInvalidEffect, m.val.pos, childPointer(ptr, m.key), "%q must be written \"Allow\"", m.val.text)
		case asciiEqualFold(m.val.text, "Deny"):
			s.Effect = Deny
			c.add(Error, CodeInvalidEffect, m.val.pos, childPointer(ptr, m.key), "%q must be written \"Deny\"", m.val.text)
		default:
			c.add(Error, CodeInvalidEffect, m.val.pos, childPointer(ptr, m.key), "\"Effect\" must be \"Allow\" or \"Deny\", not %q", m.val.text)
		}
	} else if !n.partial {
		c.add(Error, CodeMissingEffect, n.pos, ptr, "statement %s has no \"Effect\"", describeStatement(s))
	}

	if m := els[elPrincipal]; m != nil {
		s.Principal = c.principal(m, ptr)
	}
	if m := els[elNotPrincipal]; m != nil {
		s.NotPrincipal = c.principal(m, ptr)
	}
	if m := els[elAction]; m != nil {
		s.Action = c.stringList(m, ptr, "Action", (*checker).checkAction)
	}
	if m := els[elNotAction]; m != nil {
		s.NotAction = c.stringList(m, ptr, "NotAction", (*checker).checkAction)
	}
	if m := els[elResource]; m != nil {
		s.Resource = c.stringList(m, ptr, "Resource", (*checker).checkResource)
	}
	if m := els[elNotResource]; m != nil {
		s.NotResource = c.stringList(m, ptr, "NotResource", (*checker).checkResource)
	}
	if m := els[elCondition]; m != nil {
		s.Conditions = c.conditions(m, ptr)
	}

	c.exclusive(els[elPrincipal], els[elNotPrincipal], ptr, CodePrincipalAndNotPrincipal, "Principal", "NotPrincipal")
	c.exclusive(els[elAction], els[elNotAction], ptr, CodeActionAndNotAction, "Action", "NotAction")
	c.exclusive(els[elResource], els[elNotResource], ptr, CodeResourceAndNotResource, "Resource", "NotResource")
	if !n.partial {
		if els[elAction] == nil && els[elNotAction] == nil {
			c.add(Error, CodeMissingAction, n.pos, ptr, "statement %s has neither \"Action\" nor \"NotAction\"", describeStatement(s))
		}
		if els[elResource] == nil && els[elNotResource] == nil {
			c.add(Warning, CodeMissingResource, n.pos, ptr,
				"statement %s has neither \"Resource\" nor \"NotResource\": only resource-based policies (such as trust policies) may omit it", describeStatement(s))
		}
	}
	return s
}

// describeStatement names a statement for messages: by Sid when it has
// one, else by index.
func describeStatement(s *Statement) string {
	if s.Sid != "" {
		return strconv.Quote(s.Sid)
	}
	return strconv.Itoa(s.Index)
}

// exclusive reports a and b both being present, at the later one.
func (c *checker) exclusive(a, b *member, ptr, code, aName, bName string) {
	if a == nil || b == nil {
		return
	}
	if a.pos.Offset > b.pos.Offset {
		a, b = b, a
		aName, bName = bName, aName
	}
	c.add(Error, code, b.pos, childPointer(ptr, b.key),
		"a statement cannot have both %q (at %s) and %q", aName, a.pos, bName)
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// site locates a value for a finding; its pointer is computed only when a
// finding is made.
type site struct {
	pos    Pos
	parent string // pointer of the element's parent
	key    string // the element's key, or "" when parent is the element
	idx    int    // index in the element's array, or -1
}

func (s site) pointer() string {
	p := s.parent
	if s.key != "" {
		p = childPointer(p, s.key)
	}
	if s.idx < 0 {
		return p
	}
	return p + "/" + strconv.Itoa(s.idx)
}

// stringList reads a string or array of strings. The result is non-nil,
// even when the element has the wrong type. check, when not nil, is
// called on every value.
func (c *checker) stringList(m *member, parent, name string, check func(*checker, string, site)) []string {
	v := m.val
	switch v.kind {
	case kindString:
		if check != nil {
			check(c, v.text, site{v.pos, parent, m.key, -1})
		}
		return c.strings1(v.text)
	case kindArray:
		out := carve(&c.strs, len(v.elems), c.size/32)
		if len(v.elems) == 0 && !v.partial {
			c.add(Warning, CodeEmptyValueList, v.pos, childPointer(parent, m.key), "%q is an empty list: %s", name, emptyMeaning(name))
		}
		for i, e := range v.elems {
			if e.kind != kindString {
				c.add(Error, CodeWrongType, e.pos, site{e.pos, parent, m.key, i}.pointer(), "each value of %q must be a string, not %s", name, e.kind)
				continue
			}
			if check != nil {
				check(c, e.text, site{e.pos, parent, m.key, i})
			}
			out = append(out, e.text)
		}
		return out
	}
	c.add(Error, CodeWrongType, v.pos, childPointer(parent, m.key), "%q must be a string or an array of strings, not %s", name, v.kind)
	return []string{}
}

func emptyMeaning(name string) string {
	if strings.HasPrefix(name, "Not") {
		return "it excludes nothing, so it matches everything"
	}
	return "it matches nothing"
}

func (c *checker) principal(m *member, parent string) *Principal {
	ptr := c.pointer(parent, m.key)
	name := "Principal"
	if strings.HasPrefix(strings.ToLower(m.key), "not") {
		name = "NotPrincipal"
	}
	v := m.val
	p := &Principal{Pos: v.pos}
	switch v.kind {
	case kindString:
		if v.text == "*" {
			p.Wildcard = true
		} else {
			c.add(Error, CodeWrongType, v.pos, ptr,
				"%q must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"}, not the string %q", name, v.text)
		}
		return p
	case kindObject:
	default:
		c.add(Error, CodeWrongType, v.pos, ptr,
			"%q must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"}, not %s", name, v.kind)
		return p
	}
	if len(v.members) == 0 && !v.partial {
		c.add(Warning, CodeEmptyValueList, v.pos, ptr, "%q is an empty object: %s", name, emptyMeaning(name))
	}
	var els [4]*member
	c.elements(v, ptr, principalTypes, els[:], "a principal")
	if m := els[0]; m != nil {
		p.AWS = c.stringList(m, ptr, "AWS", (*checker).checkAWSPrincipal)
	}
	if m := els[1]; m != nil {
		p.Service = c.stringList(m, ptr, "Service", (*checker).checkServicePrincipal)
	}
	if m := els[2]; m != nil {
		p.Federated = c.stringList(m, ptr, "Federated", nil)
	}
	if m := els[3]; m != nil {
		p.CanonicalUser = c.stringList(m, ptr, "CanonicalUser", nil)
	}
	return p
}

func (c *checker) checkAction(v string, at site) {
	msg, fatal := actionProblem(v)
	switch {
	case msg == "":
	case fatal:
		c.add(Error, CodeMalformedAction, at.pos, at.pointer(),
			"action %q is not \"*\" or \"service:action\" (such as \"s3:GetObject\" or \"ec2:Describe*\"): %s; IAM refuses such a policy", v, msg)
	default:
		c.add(Warning, CodeActionNeverMatches, at.pos, at.pointer(),
			"action %q matches no action: %s (IAM stores it; in Action it grants or denies nothing, in NotAction it excludes nothing)", v, msg)
	}
}

func (c *checker) checkResource(v string, at site) {
	hasVar := strings.Contains(v, "${")
	if hasVar && c.literalVars {
		c.add(Warning, CodeVariablesIn2008, at.pos, at.pointer(),
			"%q contains a policy variable, but without \"Version\": %q it is matched literally", v, Version2012)
	}
	if v == "*" {
		return
	}
	if msg := resourceARNProblem(v, c.variables); msg != "" {
		c.add(Error, CodeMalformedARN, at.pos, at.pointer(),
			"resource %q is not \"*\" or an ARN of the form arn:partition:service:region:account:resource: %s", v, msg)
	}
}

func (c *checker) checkAWSPrincipal(v string, at site) {
	if isUniqueID(v) {
		c.add(Warning, CodePrincipalUniqueID, at.pos, at.pointer(),
			"AWS principal %q is a unique ID, which is what AWS shows for a deleted user or role: it matches no current principal", v)
		return
	}
	if msg := awsPrincipalProblem(v); msg != "" {
		c.add(Error, CodeMalformedARN, at.pos, at.pointer(), "AWS principal %q is invalid: %s", v, msg)
	}
}

func (c *checker) checkServicePrincipal(v string, at site) {
	if !validServicePrincipal(v) {
		c.add(Warning, CodeMalformedServicePrincipal, at.pos, at.pointer(),
			"service principal %q does not look like \"name.amazonaws.com\"", v)
	}
}

// conditions reads a Condition element.
func (c *checker) conditions(m *member, parent string) []Condition {
	ptr := c.pointer(parent, m.key)
	v := m.val
	if v.kind != kindObject {
		c.add(Error, CodeNotObject, v.pos, ptr,
			"\"Condition\" must be an object such as {\"StringEquals\": {\"aws:PrincipalAccount\": \"123456789012\"}}, not %s", v.kind)
		return nil
	}
	if len(v.members) == 0 && !v.partial {
		c.add(Warning, CodeEmptyValueList, v.pos, ptr, "\"Condition\" is an empty object")
	}
	n := 0
	for i := range v.members {
		if om := &v.members[i]; om.val != nil && !om.superseded && om.val.kind == kindObject {
			n += len(om.val.members)
		}
	}
	if n == 0 {
		n = 1
	}
	conds := carve(&c.conds, n, c.size/256)
	for i := range v.members {
		om := &v.members[i]
		if om.val == nil || om.superseded {
			continue
		}
		op := c.operator(om.key, om.pos, ptr)
		ov := om.val
		if ov.kind != kindObject {
			c.add(Error, CodeNotObject, ov.pos, childPointer(ptr, om.key),
				"condition operator %q must map to an object of condition keys and values, not %s", om.key, ov.kind)
			continue
		}
		if len(ov.members) == 0 && !ov.partial {
			c.add(Warning, CodeEmptyValueList, ov.pos, childPointer(ptr, om.key), "condition operator %q has no condition keys", om.key)
		}
		for j := range ov.members {
			km := &ov.members[j]
			if km.val == nil || km.superseded {
				continue
			}
			cond := Condition{
				Operator: om.key,
				Key:      km.key,
				Pos:      km.pos,
				Pointer:  c.pointer(ptr, om.key, km.key),
			}
			c.conditionValues(&cond, km.val, op)
			conds = append(conds, cond)
		}
	}
	if len(conds) == 0 {
		return nil
	}
	return conds
}

func scalarKind(k kind) (ValueKind, bool) {
	switch k {
	case kindString:
		return KindString, true
	case kindNumber:
		return KindNumber, true
	case kindBool:
		return KindBool, true
	}
	return 0, false
}

func (c *checker) conditionValues(cond *Condition, v *node, op opInfo) {
	if vk, ok := scalarKind(v.kind); ok {
		cond.Values = c.strings1(v.text)
		cond.ValueKinds = append(carve(&c.kinds, 1, c.size/64), vk)
		c.conditionValue(cond, v.text, vk, op, site{v.pos, cond.Pointer, "", -1})
		return
	}
	if v.kind != kindArray {
		c.add(Error, CodeWrongType, v.pos, cond.Pointer,
			"the value of condition key %q must be a string, number, boolean or an array of them, not %s", cond.Key, v.kind)
		cond.Values = []string{}
		cond.ValueKinds = []ValueKind{}
		return
	}
	cond.Values = carve(&c.strs, len(v.elems), c.size/32)
	cond.ValueKinds = carve(&c.kinds, len(v.elems), c.size/64)
	if len(v.elems) == 0 && !v.partial {
		c.add(Error, CodeEmptyConditionValues, v.pos, cond.Pointer, "condition key %q has an empty list of values", cond.Key)
	}
	for i, e := range v.elems {
		vk, ok := scalarKind(e.kind)
		if !ok {
			c.add(Error, CodeWrongType, e.pos, cond.Pointer+"/"+strconv.Itoa(i),
				"each value of condition key %q must be a string, number or boolean, not %s", cond.Key, e.kind)
			continue
		}
		cond.Values = append(cond.Values, e.text)
		cond.ValueKinds = append(cond.ValueKinds, vk)
		c.conditionValue(cond, e.text, vk, op, site{e.pos, cond.Pointer, "", i})
	}
}

func (c *checker) conditionValue(cond *Condition, v string, vk ValueKind, op opInfo, at site) {
	if vk == KindString && strings.Contains(v, "${") {
		if c.literalVars {
			c.add(Warning, CodeVariablesIn2008, at.pos, at.pointer(),
				"%q contains a policy variable, but without \"Version\": %q it is matched literally", v, Version2012)
		} else if c.variables {
			if op.known && op.base == "Bool" {
				c.add(Warning, CodeBoolVariable, at.pos, at.pointer(),
					"%q: AWS documents a policy variable in a Bool value both ways (IAM User Guide: supported on Condition operators, not on Variables and tags); it is replaced, then read as true or false", v)
			}
			return // the value is known only at request time
		}
	}
	if !op.known {
		return
	}
	if op.family == familyARN && vk == KindString && v != "*" && !strings.Contains(v, "${") {
		if _, n := arn.Fields(v); n < 6 {
			c.add(Warning, CodeShortARNPattern, at.pos, at.pointer(),
				"%q has %d colon-separated fields, not the six of an ARN: AWS compares an ARN's six fields one by one and does not document what a shorter value matches; it is matched against the whole ARN, where a * may span colons", v, n)
		}
	}
	var want string
	switch op.family {
	case familyNumeric:
		if vk == KindBool || vk == KindString && !isNumber(v) {
			want = "a number"
		}
	case familyDate:
		if vk == KindBool || vk == KindNumber && !isEpoch(v) || vk == KindString && !isDate(v) && !isEpoch(v) {
			want = "a date (ISO 8601, such as \"2024-01-31T23:59:59Z\", or epoch seconds)"
		}
	case familyBool:
		if vk == KindNumber || vk == KindString && !asciiEqualFold(v, "true") && !asciiEqualFold(v, "false") {
			want = "true or false"
		}
	case familyIP:
		if vk != KindString || !isIPOrCIDR(v) {
			want = "an IP address or CIDR block (such as \"203.0.113.0/24\")"
		}
	}
	if want != "" {
		text := v
		if vk == KindString {
			text = strconv.Quote(v)
		}
		c.add(Error, CodeInvalidConditionValue, at.pos, at.pointer(),
			"value %s of condition key %q is not %s, as %q requires", text, cond.Key, want, cond.Operator)
	}
}

// operator checks a condition operator's name; parent is the pointer of
// the Condition element.
func (c *checker) operator(op string, pos Pos, parent string) opInfo {
	info := parseOperator(op)
	switch {
	case !info.known:
		c.add(Error, CodeUnknownConditionOperator, pos, childPointer(parent, op), "unknown condition operator %q", op)
		return info
	case info.canonical != op:
		c.add(Error, CodeWrongKeyCase, pos, childPointer(parent, op), "%q must be written %q", op, info.canonical)
	}
	if info.base == "Null" && info.qualifier != "" {
		c.add(Warning, CodeSetOperatorWithNull, pos, childPointer(parent, op),
			"%q: Null tests whether a key is present, so the %s qualifier does not apply; use \"Null\"", op, strings.TrimSuffix(info.qualifier, ":"))
	}
	return info
}
