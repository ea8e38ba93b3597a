// Package i18n holds every sentence denied shows a person, in English,
// Japanese and Korean, and picks the language from --lang or the locale.
//
// It is a leaf: it imports nothing of this module, so every package may use it.
package i18n

import (
	"fmt"
	"strings"
	"sync"
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
	m, ok := catalog()[id]
	if !ok {
		return "[" + id + "]"
	}
	tmpl := m.in(lang)
	if tmpl == "" {
		tmpl = m.EN
	}
	if len(args) == 0 {
		return tmpl
	}
	return fmt.Sprintf(tmpl, args...)
}

// Has reports whether id is a known message.
func Has(id string) bool { _, ok := catalog()[id]; return ok }

// IDs returns every message id.
func IDs() []string {
	messages := catalog()
	out := make([]string, 0, len(messages))
	for id := range messages {
		out = append(out, id)
	}
	return out
}

// Text returns message id's template in lang, unformatted.
func Text(lang Lang, id string) string {
	m := catalog()[id]
	return m.in(lang)
}

// tr is a message's fmt template in each language.
type tr struct{ EN, JA, KO string }

// in returns the template in lang, "" for an unknown language.
func (t *tr) in(lang Lang) string {
	switch lang {
	case EN:
		return t.EN
	case JA:
		return t.JA
	case KO:
		return t.KO
	}
	return ""
}

// messages is the catalog: id → fmt template in each language. It is built
// on first use (catalog), not at process start: a command that shows no
// sentence (simulate, say) never builds it.
var messages map[string]tr

// catalog returns the messages, registering them on first use.
var catalog = sync.OnceValue(func() map[string]tr {
	messages = make(map[string]tr, 1500)
	for _, r := range []func(){
		registerAudit, registerBackupops, registerCheck, registerCli, registerCollect,
		registerCollectorg, registerDiagnose, registerFix, registerFixcli, registerJobs,
		registerReport,
	} {
		r()
	}
	return messages
})

// register adds messages; each must have all three languages.
func register(m map[string]tr) {
	for id, tr := range m {
		if _, dup := messages[id]; dup {
			panic("i18n: duplicate message " + id)
		}
		messages[id] = tr
	}
}
