package authzmsg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/deniedhq/denied/internal/i18n"
	"io"
	"regexp"
	"strings"
	"sync"
)

// Decoded is the document sts:DecodeAuthorizationMessage returns (domain
// reference §C.2): the decision, the statements that matched, and the request
// context the decision was made on.
type Decoded struct {
	Allowed      bool `json:"allowed"`
	ExplicitDeny bool `json:"explicitDeny"`
	// MatchedStatements is empty on an implicit deny, and nil when the
	// document did not have it (see Missing).
	MatchedStatements []MatchedStatement `json:"matchedStatements"`
	// Failures holds the failures items as compact JSON (only ever seen
	// empty).
	Failures  []string         `json:"failures,omitempty"`
	Principal DecodedPrincipal `json:"principal"`
	Action    string           `json:"action,omitempty"`
	Resource  string           `json:"resource,omitempty"`
	// Conditions are the request context's keys and values.
	Conditions map[string][]string `json:"conditions,omitempty"`
	// Missing names the parts of the document that were absent (an abridged
	// copy): "allowed", "explicitDeny", "matchedStatements", "failures",
	// "context.principal", "context.action", "context.resource",
	// "context.conditions".
	Missing []string `json:"missing,omitempty"`
	// Abridged is true when the document was read from an abridged or
	// damaged copy ("…..") by the lenient reader; Unreadable then names
	// what could not be read.
	Abridged   bool     `json:"abridged,omitempty"`
	Unreadable []string `json:"unreadable,omitempty"`
	// unreadableMsgs are the messages of Unreadable.
	unreadableMsgs []i18n.Message
}

// DecodedPrincipal is context.principal of a decoded message.
type DecodedPrincipal struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	ARN  string `json:"arn,omitempty"`
}

// MatchedStatement is one item of matchedStatements.
type MatchedStatement struct {
	// StatementID is the statement's Sid; it may be "" (a permissions
	// boundary statement without a Sid).
	StatementID     string              `json:"statementId"`
	Effect          string              `json:"effect"`
	Principals      []string            `json:"principals,omitempty"`
	PrincipalGroups []string            `json:"principalGroups,omitempty"`
	Actions         []string            `json:"actions,omitempty"`
	Resources       []string            `json:"resources,omitempty"`
	Conditions      map[string][]string `json:"conditions,omitempty"`
	// IsBoundary is true when the principals contain SCOPE_POLICY_ISSUER,
	// the mark of a permissions boundary statement.
	IsBoundary bool `json:"isBoundary,omitempty"`
}

func (d *Decoded) missing(part string) bool {
	for _, m := range d.Missing {
		if m == part {
			return true
		}
	}
	return false
}

// ParseDecoded reads a decoded authorization message: the output of "aws
// sts decode-authorization-message" (the {"DecodedMessage": "..."} wrapper)
// or the inner document. Line breaks that a console put inside JSON strings
// are removed first. Errors are *DecodedError and name the JSON pointer.
func ParseDecoded(data []byte) (*Decoded, error) {
	return parseDecoded(data, false)
}

func parseDecoded(data []byte, inWrapper bool) (*Decoded, error) {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(data) == 0 {
		return nil, &DecodedError{InWrapper: inWrapper, Offset: -1, Msg: "the document is empty"}
	}
	data = unwrapJSONStrings(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, &DecodedError{InWrapper: inWrapper, Offset: se.Offset, Msg: "not valid JSON: " + se.Error()}
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, &DecodedError{InWrapper: inWrapper, Offset: int64(len(data)), Msg: "not valid JSON: the document ends too early (cut short?)"}
		}
		return nil, &DecodedError{InWrapper: inWrapper, Offset: -1, Msg: "not valid JSON: " + err.Error()}
	}
	if dec.More() {
		return nil, &DecodedError{InWrapper: inWrapper, Offset: dec.InputOffset(), Msg: "unexpected text after the JSON document"}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, &DecodedError{InWrapper: inWrapper, Offset: -1, Msg: "want a JSON object, got " + jsonKind(v)}
	}
	if inner, ok := lookup(obj, "DecodedMessage"); ok && !inWrapper {
		s, ok := inner.(string)
		if !ok {
			return nil, &DecodedError{Pointer: "/DecodedMessage", Offset: -1, Msg: "want a string holding the JSON document, got " + jsonKind(inner)}
		}
		return parseDecoded([]byte(s), true)
	}
	w := walker{inWrapper: inWrapper}
	d := w.document(obj)
	if w.err != nil {
		return nil, w.err
	}
	return d, nil
}

// lookup finds key in obj, exactly or else ignoring case.
func lookup(obj map[string]any, key string) (any, bool) {
	if v, ok := obj[key]; ok {
		return v, true
	}
	for k, v := range obj {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// walker reads the inner document, keeping the first error with its pointer.
type walker struct {
	inWrapper bool
	err       *DecodedError
}

func (w *walker) fail(ptr, msg string) {
	if w.err == nil {
		w.err = &DecodedError{Pointer: ptr, InWrapper: w.inWrapper, Offset: -1, Msg: msg}
	}
}

func (w *walker) document(obj map[string]any) *Decoded {
	d := &Decoded{}
	known := 0
	if v, ok := lookup(obj, "allowed"); ok {
		known++
		d.Allowed = w.boolean(v, "/allowed")
	} else {
		d.Missing = append(d.Missing, "allowed")
	}
	if v, ok := lookup(obj, "explicitDeny"); ok {
		known++
		d.ExplicitDeny = w.boolean(v, "/explicitDeny")
	} else {
		d.Missing = append(d.Missing, "explicitDeny")
	}
	if v, ok := lookup(obj, "matchedStatements"); ok {
		known++
		d.MatchedStatements = []MatchedStatement{}
		for i, it := range w.items(v, "/matchedStatements") {
			d.MatchedStatements = append(d.MatchedStatements, w.statement(it, fmt.Sprintf("%s/%d", itemsPtr(v, "/matchedStatements"), i)))
		}
	} else {
		d.Missing = append(d.Missing, "matchedStatements")
	}
	if v, ok := lookup(obj, "failures"); ok {
		known++
		for _, it := range w.items(v, "/failures") {
			b, _ := json.Marshal(it)
			d.Failures = append(d.Failures, string(b))
		}
	} else {
		d.Missing = append(d.Missing, "failures")
	}
	if v, ok := lookup(obj, "context"); ok {
		known++
		w.context(d, v, "/context")
	} else {
		d.Missing = append(d.Missing, "context.principal", "context.action", "context.resource", "context.conditions")
	}
	if known == 0 {
		w.fail("", "not a decoded authorization message: it has none of allowed, explicitDeny, matchedStatements, failures, context")
	}
	return d
}

func (w *walker) context(d *Decoded, v any, ptr string) {
	obj, ok := v.(map[string]any)
	if !ok {
		w.fail(ptr, "want an object, got "+jsonKind(v))
		return
	}
	if p, ok := lookup(obj, "principal"); ok {
		po, ok := p.(map[string]any)
		if !ok {
			w.fail(ptr+"/principal", "want an object, got "+jsonKind(p))
		} else {
			d.Principal.ID = w.optString(po, "id", ptr+"/principal/id")
			d.Principal.Name = w.optString(po, "name", ptr+"/principal/name")
			d.Principal.ARN = w.optString(po, "arn", ptr+"/principal/arn")
		}
	} else {
		d.Missing = append(d.Missing, "context.principal")
	}
	if _, ok := lookup(obj, "action"); ok {
		d.Action = w.optString(obj, "action", ptr+"/action")
	} else {
		d.Missing = append(d.Missing, "context.action")
	}
	if _, ok := lookup(obj, "resource"); ok {
		d.Resource = w.optString(obj, "resource", ptr+"/resource")
	} else {
		d.Missing = append(d.Missing, "context.resource")
	}
	if c, ok := lookup(obj, "conditions"); ok {
		d.Conditions = w.conditions(c, ptr+"/conditions")
	} else {
		d.Missing = append(d.Missing, "context.conditions")
	}
}

func (w *walker) statement(v any, ptr string) MatchedStatement {
	var s MatchedStatement
	obj, ok := v.(map[string]any)
	if !ok {
		w.fail(ptr, "want an object, got "+jsonKind(v))
		return s
	}
	s.StatementID = w.optString(obj, "statementId", ptr+"/statementId")
	s.Effect = w.optString(obj, "effect", ptr+"/effect")
	s.Principals = w.values(obj, "principals", ptr)
	s.PrincipalGroups = w.values(obj, "principalGroups", ptr)
	s.Actions = w.values(obj, "actions", ptr)
	s.Resources = w.values(obj, "resources", ptr)
	if c, ok := lookup(obj, "conditions"); ok {
		s.Conditions = w.conditions(c, ptr+"/conditions")
	}
	for _, p := range s.Principals {
		if p == "SCOPE_POLICY_ISSUER" {
			s.IsBoundary = true
		}
	}
	return s
}

// values reads {"items": [{"value": "x"}, ...]} (or a plain array of strings,
// or one string) under key.
func (w *walker) values(obj map[string]any, key, ptr string) []string {
	v, ok := lookup(obj, key)
	if !ok {
		return nil
	}
	ptr += "/" + key
	if s, ok := v.(string); ok {
		return []string{s}
	}
	var out []string
	base := itemsPtr(v, ptr)
	for i, it := range w.items(v, ptr) {
		ip := fmt.Sprintf("%s/%d", base, i)
		switch x := it.(type) {
		case string:
			out = append(out, x)
		case json.Number:
			out = append(out, x.String())
		case bool:
			out = append(out, fmt.Sprint(x))
		case map[string]any:
			val, ok := lookup(x, "value")
			if !ok {
				w.fail(ip, `want an object with "value"`)
				continue
			}
			out = append(out, w.scalar(val, ip+"/value"))
		default:
			w.fail(ip, "want a value, got "+jsonKind(it))
		}
	}
	return out
}

func (w *walker) conditions(v any, ptr string) map[string][]string {
	m := map[string][]string{}
	base := itemsPtr(v, ptr)
	for i, it := range w.items(v, ptr) {
		ip := fmt.Sprintf("%s/%d", base, i)
		obj, ok := it.(map[string]any)
		if !ok {
			w.fail(ip, "want an object, got "+jsonKind(it))
			continue
		}
		key := w.optString(obj, "key", ip+"/key")
		if key == "" {
			w.fail(ip+"/key", "a condition without a key")
			continue
		}
		m[key] = append(m[key], w.values(obj, "values", ip)...)
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

// items reads {"items": [...]} or [...]; null is no items.
func (w *walker) items(v any, ptr string) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	case map[string]any:
		it, ok := lookup(x, "items")
		if !ok {
			if len(x) == 0 {
				return nil
			}
			w.fail(ptr, `want {"items": [...]}`)
			return nil
		}
		if it == nil {
			return nil
		}
		arr, ok := it.([]any)
		if !ok {
			w.fail(ptr+"/items", "want an array, got "+jsonKind(it))
			return nil
		}
		return arr
	}
	w.fail(ptr, `want {"items": [...]}, got `+jsonKind(v))
	return nil
}

func itemsPtr(v any, ptr string) string {
	if _, ok := v.(map[string]any); ok {
		return ptr + "/items"
	}
	return ptr
}

func (w *walker) boolean(v any, ptr string) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		switch strings.ToLower(x) {
		case "true":
			return true
		case "false":
			return false
		}
	}
	w.fail(ptr, "want a boolean, got "+jsonKind(v))
	return false
}

func (w *walker) optString(obj map[string]any, key, ptr string) string {
	v, ok := lookup(obj, key)
	if !ok || v == nil {
		return ""
	}
	return w.scalar(v, ptr)
}

func (w *walker) scalar(v any, ptr string) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	case nil:
		return ""
	}
	w.fail(ptr, "want a string, got "+jsonKind(v))
	return ""
}

// unwrapJSONStrings removes line breaks (and the indentation after them)
// inside JSON strings: a console that wraps long lines puts them there, and
// JSON does not allow them.
func unwrapJSONStrings(data []byte) []byte {
	if !bytes.ContainsAny(data, "\r\n") {
		return data
	}
	out := make([]byte, 0, len(data))
	in, esc := false, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if in {
			switch {
			case c == '\r' || c == '\n':
				// A line break inside a string (even inside an escape
				// sequence) is the console's, not the document's.
				for i+1 < len(data) && (data[i+1] == '\r' || data[i+1] == '\n' || data[i+1] == ' ' || data[i+1] == '\t') {
					i++
				}
				continue
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				in = false
			}
		} else if c == '"' {
			in = true
		}
		out = append(out, c)
	}
	return out
}

// The lenient reader: regular expressions over an abridged or damaged copy.
var (
	lenAllowedRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"allowed"\s*:\s*(true|false)`) })
	lenExplicitRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"explicitDeny"\s*:\s*(true|false)`) })
	lenContextRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"context"\s*:\s*\{`) })
	lenPrincipalRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"principal"\s*:\s*\{([^{}]*)\}?`) })
	lenFieldRE     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"(id|name|arn)"\s*:\s*"((?:[^"\\]|\\.)*)"`) })
	lenActionRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"action"\s*:\s*"((?:[^"\\]|\\.)*)"`) })
	lenResourceRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"resource"\s*:\s*"((?:[^"\\]|\\.)*)"`) })
	lenCondRE      = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`"key"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"values"\s*:\s*\{\s*"items"\s*:\s*\[([^\]]*)\]`)
	})
	lenValueRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"value"\s*:\s*"((?:[^"\\]|\\.)*)"`) })
	lenMatchedRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`"matchedStatements"\s*:\s*\{\s*"items"\s*:\s*\[\s*\]`)
	})
	lenFailuresRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"failures"\s*:\s*\{\s*"items"\s*:\s*\[\s*\]`) })
)

// parseDecodedLenient reads what it can of an abridged decoded document (the
// Knowledge Center's "…..", a copy cut short) and names what it could not.
func parseDecodedLenient(s string) *Decoded {
	d := &Decoded{Abridged: true}
	unq := func(x string) string {
		var out string
		if err := json.Unmarshal([]byte(`"`+x+`"`), &out); err != nil {
			return x
		}
		return out
	}
	if m := lenAllowedRE().FindStringSubmatch(s); m != nil {
		d.Allowed = m[1] == "true"
	} else {
		d.Missing = append(d.Missing, "allowed")
	}
	if m := lenExplicitRE().FindStringSubmatch(s); m != nil {
		d.ExplicitDeny = m[1] == "true"
	} else {
		d.Missing = append(d.Missing, "explicitDeny")
	}
	if lenMatchedRE().MatchString(s) {
		d.MatchedStatements = []MatchedStatement{}
	} else if strings.Contains(s, `"matchedStatements"`) {
		d.unread(unreadable("decoded-matched-abridged"))
	} else {
		d.Missing = append(d.Missing, "matchedStatements")
	}
	if !lenFailuresRE().MatchString(s) && !strings.Contains(s, `"failures"`) {
		d.Missing = append(d.Missing, "failures")
	}
	ctx := s
	if loc := lenContextRE().FindStringIndex(s); loc != nil {
		ctx = s[loc[0]:]
	} else {
		d.Missing = append(d.Missing, "context.principal", "context.action", "context.resource", "context.conditions")
		return d
	}
	if m := lenPrincipalRE().FindStringSubmatch(ctx); m != nil {
		for _, f := range lenFieldRE().FindAllStringSubmatch(m[1], -1) {
			switch f[1] {
			case "id":
				d.Principal.ID = unq(f[2])
			case "name":
				d.Principal.Name = unq(f[2])
			case "arn":
				d.Principal.ARN = unq(f[2])
			}
		}
	} else {
		d.Missing = append(d.Missing, "context.principal")
	}
	if m := lenActionRE().FindStringSubmatch(ctx); m != nil {
		d.Action = unq(m[1])
	} else {
		d.Missing = append(d.Missing, "context.action")
	}
	if m := lenResourceRE().FindStringSubmatch(ctx); m != nil {
		d.Resource = unq(m[1])
	} else {
		d.Missing = append(d.Missing, "context.resource")
	}
	if i := strings.Index(ctx, `"conditions"`); i >= 0 {
		conds := ctx[i:]
		for _, m := range lenCondRE().FindAllStringSubmatch(conds, -1) {
			if d.Conditions == nil {
				d.Conditions = map[string][]string{}
			}
			k := unq(m[1])
			for _, v := range lenValueRE().FindAllStringSubmatch(m[2], -1) {
				d.Conditions[k] = append(d.Conditions[k], unq(v[1]))
			}
		}
		if d.Conditions == nil {
			d.unread(unreadable("decoded-conditions-abridged"))
		}
	} else {
		d.Missing = append(d.Missing, "context.conditions")
	}
	return d
}
