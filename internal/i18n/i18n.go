// Package i18n holds every sentence denied shows a person, in English,
// Japanese and Korean, and picks the language from --lang or the locale.
//
// It is a leaf: it imports nothing of this module, so every package may use it.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a supported output language.
type Lang string

// Languages.
const (
	EN Lang = "en"
	JA Lang = "ja"
	KO Lang = "ko"
)

// Langs lists the supported languages.
var Langs = []Lang{EN, JA, KO}

// Parse parses a --lang value ("en", "ja", "ko", or a locale such as
// "ja_JP.UTF-8").
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_.-@"); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "en", "c", "posix":
		return EN, true
	case "ja", "jp":
		return JA, true
	case "ko", "kr":
		return KO, true
	}
	return EN, false
}

// Detect returns the language to use: flag when set, else LC_ALL,
// LC_MESSAGES, LANG; English when none names a supported language.
func Detect(flag string, getenv func(string) string) (Lang, error) {
	if flag != "" {
		l, ok := Parse(flag)
		if !ok {
			return EN, fmt.Errorf("--lang must be en, ja or ko, not %q", flag)
		}
		return l, nil
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			l, _ := Parse(s)
			return l, nil
		}
	}
	return EN, nil
}

// T returns message id in lang, formatted with args (fmt verbs).
// A missing translation falls back to English; a missing id is shown as
// the id itself so that it is noticed.
func T(lang Lang, id string, args ...any) string {
	m, ok := messages[id]
	if !ok {
		return "[" + id + "]"
	}
	tmpl := m[lang]
	if tmpl == "" {
		tmpl = m[EN]
	}
	if len(args) == 0 {
		return tmpl
	}
	return fmt.Sprintf(tmpl, args...)
}

// Has reports whether id is a known message.
func Has(id string) bool { _, ok := messages[id]; return ok }

// IDs returns every message id.
func IDs() []string {
	out := make([]string, 0, len(messages))
	for id := range messages {
		out = append(out, id)
	}
	return out
}

// Text returns message id's template in lang, unformatted.
func Text(lang Lang, id string) string { return messages[id][lang] }

// messages is the catalog: id → language → fmt template.
var messages = map[string]map[Lang]string{}

// register adds messages; each must have all three languages.
func register(m map[string]map[Lang]string) {
	for id, tr := range m {
		if _, dup := messages[id]; dup {
			panic("i18n: duplicate message " + id)
		}
		messages[id] = tr
	}
}
