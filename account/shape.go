package account

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/jsonx"
)

var rawType = reflect.TypeFor[json.RawMessage]()

// checkShape walks JSON text against the Go type it is decoded into and
// reports the first unknown field (matched exactly, not ignoring case),
// value of the wrong type or syntax error, with its JSON pointer.
func checkShape(data []byte, t reflect.Type) error {
	fillFields()
	sc := &shapeScanner{data: data}
	if err := sc.value(t); err != nil {
		return err
	}
	sc.ws()
	if sc.off < len(sc.data) {
		return sc.fail("unexpected data after the top-level value")
	}
	return nil
}

type shapeScanner struct {
	data []byte
	off  int
	path []string // JSON pointer segments, escaped
}

// fields caches, per struct type, its fields by exact JSON name.
var fieldsCache = map[reflect.Type]map[string]reflect.Type{}

func fieldsOf(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldsCache[t]; ok {
		return m
	}
	m := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = f.Type
	}
	return m
}

// fillFields fills the cache for every type of the model, so that
// concurrent loads only read it. It runs once, on the first checkShape
// (not at process start: most commands load no snapshot).
var fillFields = sync.OnceFunc(func() {
	var fill func(t reflect.Type)
	fill = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			if t == documentType {
				return
			}
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return
		}
		if _, ok := fieldsCache[t]; ok {
			return
		}
		fieldsCache[t] = fieldsOf(t)
		for _, ft := range fieldsCache[t] {
			fill(ft)
		}
	}
	fill(reflect.TypeFor[Snapshot]())
	fill(reflect.TypeFor[Short]())
})

func (sc *shapeScanner) pointer() string {
	if len(sc.path) == 0 {
		return ""
	}
	return "/" + strings.Join(sc.path, "/")
}

func (sc *shapeScanner) fail(format string, args ...any) error {
	return &Error{Pointer: sc.pointer(), Message: fmt.Sprintf(format, args...)}
}

func (sc *shapeScanner) syntax(want string) error {
	l, c := jsonx.LineCol(sc.data, sc.off)
	got := "the end of the input"
	if sc.off < len(sc.data) {
		r, _ := utf8.DecodeRune(sc.data[sc.off:])
		got = strconv.QuoteRune(r)
	}
	return &Error{Pointer: sc.pointer(), Line: l, Col: c, Message: fmt.Sprintf("invalid JSON: expected %s, found %s", want, got)}
}

func (sc *shapeScanner) ws() { sc.off = jsonx.Space(sc.data, sc.off) }

func (sc *shapeScanner) kind() string {
	sc.ws()
	if sc.off >= len(sc.data) {
		return "end"
	}
	if k := jsonx.KindName(sc.data[sc.off]); k != "" {
		return k
	}
	return "invalid"
}

// str reads a string and returns its decoded value.
func (sc *shapeScanner) str() (string, error) {
	if sc.off >= len(sc.data) || sc.data[sc.off] != '"' {
		return "", sc.syntax("a string")
	}
	start := sc.off
	end, esc, p := jsonx.Scan(sc.data, start+1)
	sc.off = end
	switch p {
	case jsonx.OK:
		if esc == 0 {
			return string(sc.data[start+1 : end-1]), nil
		}
		return string(jsonx.Unescape(nil, sc.data[start+1:end-1])), nil
	case jsonx.InvalidUTF8:
		l, col := jsonx.LineCol(sc.data, end)
		return "", &Error{Pointer: sc.pointer(), Line: l, Col: col, Message: fmt.Sprintf("invalid JSON: invalid UTF-8 byte 0x%02X in a string", sc.data[end])}
	case jsonx.BadEscape, jsonx.BadUnicode:
		sc.off = start
		return "", sc.syntax("a valid string")
	case jsonx.EndInEscape:
		sc.off = len(sc.data)
	}
	return "", sc.syntax(`'"'`)
}

// skip skips any value.
func (sc *shapeScanner) skip() error {
	sc.ws()
	if sc.off >= len(sc.data) {
		return sc.syntax("a value")
	}
	switch c := sc.data[sc.off]; {
	case c == '{':
		return sc.object(func(string) error { return sc.skip() })
	case c == '[':
		return sc.array(func() error { return sc.skip() })
	case c == '"':
		_, err := sc.str()
		return err
	default:
		start := sc.off
		for sc.off < len(sc.data) && strings.IndexByte(",]} \t\r\n", sc.data[sc.off]) < 0 {
			sc.off++
		}
		lit := string(sc.data[start:sc.off])
		if lit == "true" || lit == "false" || lit == "null" {
			return nil
		}
		if _, err := strconv.ParseFloat(lit, 64); err != nil || lit == "" {
			sc.off = start
			if errors.Is(err, strconv.ErrRange) && json.Valid([]byte(lit)) {
				l, c := jsonx.LineCol(sc.data, start)
				return &Error{Pointer: sc.pointer(), Line: l, Col: c, Message: fmt.Sprintf("the number %s is out of range (beyond ±1.8e308)", authz.Elide(lit, 40))}
			}
			return sc.syntax("a value")
		}
		return nil
	}
}

func (sc *shapeScanner) object(fn func(key string) error) error {
	sc.ws()
	sc.off++ // '{'
	sc.ws()
	if sc.off < len(sc.data) && sc.data[sc.off] == '}' {
		sc.off++
		return nil
	}
	var seenBuf [16]string
	seen := seenBuf[:0]
	var seenMap map[string]struct{} // past len(seenBuf) keys
	for {
		sc.ws()
		keyOff := sc.off
		key, err := sc.str()
		if err != nil {
			return err
		}
		dup := false
		if seenMap != nil {
			_, dup = seenMap[key]
			seenMap[key] = struct{}{}
		} else {
			for _, k := range seen {
				dup = dup || k == key
			}
			if seen = append(seen, key); len(seen) == len(seenBuf) {
				seenMap = make(map[string]struct{}, 2*len(seen))
				for _, k := range seen {
					seenMap[k] = struct{}{}
				}
			}
		}
		if dup {
			// As the case and policy parsers: a duplicate key is an error,
			// never a silent choice of one of the values.
			sc.path = append(sc.path, jsonx.PointerToken(key))
			l, c := jsonx.LineCol(sc.data, keyOff)
			return &Error{Pointer: sc.pointer(), Line: l, Col: c, Message: fmt.Sprintf("the field %q appears twice", key)}
		}
		sc.ws()
		if sc.off >= len(sc.data) || sc.data[sc.off] != ':' {
			return sc.syntax("':'")
		}
		sc.off++
		sc.path = append(sc.path, jsonx.PointerToken(key))
		if err := fn(key); err != nil {
			return err
		}
		sc.path = sc.path[:len(sc.path)-1]
		sc.ws()
		if sc.off < len(sc.data) && sc.data[sc.off] == ',' {
			sc.off++
			continue
		}
		if sc.off < len(sc.data) && sc.data[sc.off] == '}' {
			sc.off++
			return nil
		}
		return sc.syntax("',' or '}'")
	}
}

func (sc *shapeScanner) array(fn func() error) error {
	sc.ws()
	sc.off++ // '['
	sc.ws()
	if sc.off < len(sc.data) && sc.data[sc.off] == ']' {
		sc.off++
		return nil
	}
	for i := 0; ; i++ {
		sc.path = append(sc.path, strconv.Itoa(i))
		if err := fn(); err != nil {
			return err
		}
		sc.path = sc.path[:len(sc.path)-1]
		sc.ws()
		if sc.off < len(sc.data) && sc.data[sc.off] == ',' {
			sc.off++
			continue
		}
		if sc.off < len(sc.data) && sc.data[sc.off] == ']' {
			sc.off++
			return nil
		}
		return sc.syntax("',' or ']'")
	}
}

// value checks one value against type t.
func (sc *shapeScanner) value(t reflect.Type) error {
	k := sc.kind()
	if k == "end" || k == "invalid" {
		return sc.syntax("a value")
	}
	if k == "null" {
		return sc.skip()
	}
	if t == documentType {
		if k != "an object" && k != "a string" {
			return sc.fail("a policy document must be a JSON object or a JSON string, not %s", k)
		}
		return sc.skip()
	}
	if t.Kind() == reflect.Interface || t == rawType {
		return sc.skip()
	}
	mismatch := func(want string) error {
		return sc.fail("expected %s, found %s", want, k)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return sc.value(t.Elem())
	case reflect.Struct:
		if k != "an object" {
			return mismatch("an object")
		}
		fields := fieldsOf(t)
		return sc.object(func(key string) error {
			ft, ok := fields[key]
			if !ok {
				return sc.fail("unknown field %q", key)
			}
			return sc.value(ft)
		})
	case reflect.Map:
		if k != "an object" {
			return mismatch("an object")
		}
		return sc.object(func(string) error { return sc.value(t.Elem()) })
	case reflect.Slice:
		if k != "an array" {
			return mismatch("an array")
		}
		return sc.array(func() error { return sc.value(t.Elem()) })
	case reflect.String:
		if k != "a string" {
			return mismatch("a string")
		}
		return sc.skip()
	case reflect.Bool:
		if k != "a boolean" {
			return mismatch("a boolean")
		}
		return sc.skip()
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint64:
		if k != "a number" {
			return mismatch("an integer")
		}
		start := sc.off
		if err := sc.skip(); err != nil {
			return err
		}
		if _, err := strconv.ParseInt(string(sc.data[start:sc.off]), 10, 64); err != nil {
			return mismatch("an integer")
		}
		return nil
	}
	return sc.skip()
}
