package fix

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/deniedhq/denied/policy"
)

// node is a JSON value that keeps the order of object keys, so that
// Terraform and CloudFormation renderings list elements in the order of
// the policy JSON.
type node struct {
	kind  byte // 's' string, 'n' number, 'b' bool, 'z' null, 'a' array, 'o' object
	text  string
	keys  []string
	items []*node // array items, or object values (parallel to keys)
}

func str(s string) *node { return &node{kind: 's', text: s} }

func obj(kv ...any) *node {
	n := &node{kind: 'o'}
	for i := 0; i+1 < len(kv); i += 2 {
		n.keys = append(n.keys, kv[i].(string))
		n.items = append(n.items, kv[i+1].(*node))
	}
	return n
}

func arr(items ...*node) *node { return &node{kind: 'a', items: items} }

// policyTree is the node of p's JSON as policy.Policy.MarshalJSON writes
// it (the same members, in the same order, a single value as a string,
// conditions grouped by operator then key in order of first appearance,
// invalid UTF-8 replaced by U+FFFD), built from the model: the rendering
// does not marshal the document and read it back.
func policyTree(p *policy.Policy) *node {
	if p == nil {
		return &node{kind: 'z', text: "null"}
	}
	n := &node{kind: 'o'}
	if p.Version != "" {
		n.add("Version", jstr(p.Version))
	}
	if p.ID != "" {
		n.add("Id", jstr(p.ID))
	}
	sts := &node{kind: 'a', items: make([]*node, 0, len(p.Statements))}
	for _, st := range p.Statements {
		if st != nil {
			sts.items = append(sts.items, statementTree(st))
		}
	}
	n.add("Statement", sts)
	return n
}

// statementTree is the node of one statement's JSON (see policyTree).
func statementTree(s *policy.Statement) *node {
	n := &node{kind: 'o'}
	if s.HasSid || s.Sid != "" {
		n.add("Sid", jstr(s.Sid))
	}
	if s.Effect == policy.Allow || s.Effect == policy.Deny {
		n.add("Effect", jstr(s.Effect.String()))
	}
	if s.Principal != nil {
		n.add("Principal", principalTree(s.Principal))
	}
	if s.NotPrincipal != nil {
		n.add("NotPrincipal", principalTree(s.NotPrincipal))
	}
	for _, el := range [...]struct {
		name string
		vs   []string
	}{{"Action", s.Action}, {"NotAction", s.NotAction}, {"Resource", s.Resource}, {"NotResource", s.NotResource}} {
		if el.vs != nil {
			n.add(el.name, listTree(el.vs))
		}
	}
	if len(s.Conditions) > 0 {
		n.add("Condition", conditionsTree(s.Conditions))
	}
	return n
}

func principalTree(p *policy.Principal) *node {
	if p.Wildcard {
		return jstr("*")
	}
	n := &node{kind: 'o'}
	for _, t := range [...]struct {
		name string
		vs   []string
	}{{"AWS", p.AWS}, {"Service", p.Service}, {"Federated", p.Federated}, {"CanonicalUser", p.CanonicalUser}} {
		if t.vs != nil {
			n.add(t.name, listTree(t.vs))
		}
	}
	return n
}

// listTree is one value as a string, other counts as an array.
func listTree(vs []string) *node {
	if len(vs) == 1 {
		return jstr(vs[0])
	}
	n := &node{kind: 'a', items: make([]*node, len(vs))}
	for i, v := range vs {
		n.items[i] = jstr(v)
	}
	return n
}

func conditionsTree(cs []policy.Condition) *node {
	n := &node{kind: 'o'}
	ops := map[string]*node{}
	keys := map[[2]string]*node{}
	for i := range cs {
		c := &cs[i]
		op := ops[c.Operator]
		if op == nil {
			op = &node{kind: 'o'}
			ops[c.Operator] = op
			n.add(jtext(c.Operator), op)
		}
		k := keys[[2]string{c.Operator, c.Key}]
		if k == nil {
			k = &node{kind: 'a'}
			keys[[2]string{c.Operator, c.Key}] = k
			op.add(jtext(c.Key), k)
		}
		for j, v := range c.Values {
			vk := policy.KindString
			if j < len(c.ValueKinds) {
				vk = c.ValueKinds[j]
			}
			k.items = append(k.items, conditionValueTree(v, vk))
		}
	}
	// A key with one value in all is written as that value.
	for _, op := range n.items {
		for i, k := range op.items {
			if len(k.items) == 1 {
				op.items[i] = k.items[0]
			}
		}
	}
	return n
}

func conditionValueTree(v string, vk policy.ValueKind) *node {
	switch {
	case vk == policy.KindNumber && policy.IsJSONNumber(v):
		return &node{kind: 'n', text: v}
	case vk == policy.KindBool && (v == "true" || v == "false"):
		return &node{kind: 'b', text: v}
	}
	return jstr(v)
}

// jstr is a string node holding s as JSON carries it (jtext).
func jstr(s string) *node { return str(jtext(s)) }

// jtext is s as JSON carries it: each byte of invalid UTF-8 replaced by
// U+FFFD, as policy's encoder writes it.
func jtext(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// add appends the member k: v to object n.
func (n *node) add(k string, v *node) {
	n.keys = append(n.keys, k)
	n.items = append(n.items, v)
}

// multiline reports whether the HCL or YAML form of n spans lines.
func (n *node) multiline() bool {
	switch n.kind {
	case 'o':
		return len(n.keys) > 0
	case 'a':
		for _, it := range n.items {
			if it.kind == 'a' || it.kind == 'o' && len(it.keys) > 0 {
				return true
			}
		}
	}
	return false
}

// ---- HCL ----

// hclString quotes s as an HCL string literal: the JSON escapes, plus
// "$${" and "%%{" so that policy variables such as ${aws:username} are not
// read as Terraform template interpolations.
func hclString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		case (c == '$' || c == '%') && i+1 < len(s) && s[i+1] == '{':
			b.WriteByte(c)
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hclKey writes an object key: bare when it is an identifier, else quoted.
func hclKey(k string) string {
	if isIdent(k) {
		return k
	}
	return hclString(k)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '-')) {
			return false
		}
	}
	return true
}

// hclAttr is one attribute of an HCL body: a key and either a value or
// a raw expression (with its own line breaks, indented by the writer).
type hclAttr struct {
	key  string
	val  *node
	expr string // raw expression, used when val is nil
	call string // with val: the value is wrapped in call(...)
}

func (a hclAttr) multiline() bool {
	if a.val == nil {
		return strings.Contains(a.expr, "\n")
	}
	return a.val.multiline()
}

// writeBody writes attributes one per line, with the "=" of consecutive
// single-line attributes aligned as terraform fmt aligns them; an
// attribute whose value spans lines is not aligned and ends the run.
func writeBody(b *strings.Builder, attrs []hclAttr, keys []string, indent int) {
	pad := strings.Repeat("  ", indent)
	width := 0
	for i, a := range attrs {
		if a.multiline() {
			width = 0
		} else if width == 0 {
			for j := i; j < len(attrs) && !attrs[j].multiline(); j++ {
				width = max(width, len(keys[j]))
			}
		}
		b.WriteString(pad)
		b.WriteString(keys[i])
		if width > 0 {
			b.WriteString(strings.Repeat(" ", width-len(keys[i])))
		}
		b.WriteString(" = ")
		switch {
		case a.val == nil:
			b.WriteString(strings.ReplaceAll(a.expr, "\n", "\n"+pad))
		case a.call != "":
			b.WriteString(a.call + "(")
			writeHCLValue(b, a.val, indent)
			b.WriteString(")")
		default:
			writeHCLValue(b, a.val, indent)
		}
		b.WriteByte('\n')
	}
}

// writeHCLValue writes n as an HCL expression; lines after the first are
// indented by indent levels.
func writeHCLValue(b *strings.Builder, n *node, indent int) {
	switch n.kind {
	case 's':
		b.WriteString(hclString(n.text))
	case 'n', 'b', 'z':
		b.WriteString(n.text)
	case 'a':
		if !n.multiline() {
			b.WriteByte('[')
			for i, it := range n.items {
				if i > 0 {
					b.WriteString(", ")
				}
				writeHCLValue(b, it, indent)
			}
			b.WriteByte(']')
			return
		}
		b.WriteString("[\n")
		pad := strings.Repeat("  ", indent+1)
		for _, it := range n.items {
			b.WriteString(pad)
			writeHCLValue(b, it, indent+1)
			b.WriteString(",\n")
		}
		b.WriteString(strings.Repeat("  ", indent) + "]")
	case 'o':
		if len(n.keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		attrs := make([]hclAttr, len(n.keys))
		keys := make([]string, len(n.keys))
		for i, k := range n.keys {
			attrs[i] = hclAttr{key: k, val: n.items[i]}
			keys[i] = hclKey(k)
		}
		writeBody(b, attrs, keys, indent+1)
		b.WriteString(strings.Repeat("  ", indent) + "}")
	}
}

// hclBlock writes a block: type, labels, and a body of attributes.
func hclBlock(b *strings.Builder, typ string, labels []string, attrs ...hclAttr) {
	b.WriteString(typ)
	for _, l := range labels {
		b.WriteString(" " + hclString(l))
	}
	b.WriteString(" {\n")
	keys := make([]string, len(attrs))
	for i, a := range attrs {
		keys[i] = a.key
	}
	writeBody(b, attrs, keys, 1)
	b.WriteString("}\n")
}

// tfName turns s into a Terraform resource name.
func tfName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_':
			b.WriteByte(c)
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte('_')
		}
	}
	name := strings.Trim(b.String(), "_")
	for strings.Contains(name, "__") {
		name = strings.ReplaceAll(name, "__", "_")
	}
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		name = "r_" + name
	}
	return name
}

// ---- YAML ----

// yamlScalar writes a scalar: plain when that cannot be misread, else
// single-quoted, else (control characters) double-quoted.
func yamlScalar(n *node) string {
	if n.kind != 's' {
		return n.text
	}
	s := n.text
	if plainYAML(s) {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 {
			q, _ := json.Marshal(s)
			return string(q)
		}
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// plainYAML reports whether s can be written unquoted: letters, digits
// and a few punctuation marks (a colon, but never before a space or at
// the end), starting with a letter, and not a word YAML 1.1 reads as a
// boolean or null.
func plainYAML(s string) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "true", "false", "on", "off", "null":
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '/' || c == ':') {
			return false
		}
	}
	return s[len(s)-1] != ':'
}

// writeYAML writes the members of object n (or the items of array n) at
// indent levels of two spaces.
func writeYAML(b *strings.Builder, n *node, indent int) {
	pad := strings.Repeat("  ", indent)
	switch n.kind {
	case 'o':
		for i, k := range n.keys {
			b.WriteString(pad + yamlScalar(str(k)) + ":")
			writeYAMLValue(b, n.items[i], indent)
		}
	case 'a':
		for _, it := range n.items {
			b.WriteString(pad + "-")
			switch {
			case it.kind == 'o' && len(it.keys) > 0:
				// The first member goes on the dash's line.
				var sub strings.Builder
				writeYAML(&sub, it, indent+1)
				b.WriteString(" " + strings.TrimPrefix(sub.String(), pad+"  "))
			case it.kind == 'a' && len(it.items) > 0:
				b.WriteByte('\n')
				writeYAML(b, it, indent+1)
			default:
				b.WriteString(" " + yamlFlow(it) + "\n")
			}
		}
	}
}

// writeYAMLValue writes the value of a mapping key (after "key:").
func writeYAMLValue(b *strings.Builder, v *node, indent int) {
	switch {
	case v.kind == 'o' && len(v.keys) > 0:
		b.WriteByte('\n')
		writeYAML(b, v, indent+1)
	case v.kind == 'a' && len(v.items) > 0:
		b.WriteByte('\n')
		writeYAML(b, v, indent+1)
	default:
		b.WriteString(" " + yamlFlow(v) + "\n")
	}
}

func yamlFlow(v *node) string {
	switch {
	case v.kind == 'o':
		return "{}"
	case v.kind == 'a':
		return "[]"
	}
	return yamlScalar(v)
}
