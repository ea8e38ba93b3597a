// Package i18n holds every sentence denied shows a person, in English,
// Japanese and Korean, and picks the language from --lang or the locale.
//
// It is a leaf: it imports nothing of this module, so every package may use it.
package i18n

import (
	"fmt"
	"slices"
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
	m, ok := lookup(id)
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

// N is T for a sentence about n things: message id+".one" when n is 1 and
// that message exists, else id. English says "1 request", "2 requests";
// Japanese and Korean give both forms the same words.
func N(lang Lang, n int, id string, args ...any) string {
	if n == 1 && Has(id+".one") {
		id += ".one"
	}
	return T(lang, id, args...)
}

// Has reports whether id is a known message.
func Has(id string) bool { _, ok := lookup(id); return ok }

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
	m, _ := lookup(id)
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

// The catalog is built on first use, not at process start, one group of
// messages at a time: a group holds the messages of a few id prefixes (an
// id's prefix is the text before its first '.'), and is registered the
// first time one of its prefixes is asked for. A command builds only the
// groups it shows: explain neither audit's nor backupops' messages, and a
// command that shows no sentence (simulate, say) none.
var groups = [...]struct {
	prefixes []string
	register func(register func(map[string]tr))
}{
	{[]string{"audit"}, registerAudit},
	{[]string{"backupops"}, registerBackupops},
	{[]string{"preflight"}, registerCheck},
	{[]string{"cli"}, registerCli},
	{[]string{"collect"}, registerCollect},
	{[]string{"collect"}, registerCollectorg},
	{[]string{"assume", "backup", "backupjob", "check", "decode", "decoded", "generic", "kms", "layer", "note", "servicesession", "stsdecode", "trap", "unknown"}, registerDiagnose},
	{[]string{"fix", "fixnote"}, registerFix},
	{[]string{"fixcli", "unreadable"}, registerFixcli},
	{[]string{"jobs"}, registerJobs},
	{[]string{"against", "decision", "decode", "form", "kind", "layer", "report", "same"}, registerReport},
}

var (
	groupOnce [len(groups)]sync.Once
	groupMsgs [len(groups)]map[string]tr
	// byPrefix lists, per prefix, the groups that hold it.
	byPrefix = sync.OnceValue(func() map[string][]int {
		m := map[string][]int{}
		for g := range groups {
			for _, p := range groups[g].prefixes {
				m[p] = append(m[p], g)
			}
		}
		return m
	})
)

// group returns the messages of group g, registering them on first use.
// A message whose prefix is not one of the group's panics: it could never
// be found.
func group(g int) map[string]tr {
	groupOnce[g].Do(func() {
		m := map[string]tr{}
		groups[g].register(func(add map[string]tr) {
			for id, t := range add {
				p, _, _ := strings.Cut(id, ".")
				if !slices.Contains(groups[g].prefixes, p) {
					panic("i18n: message " + id + " registered in a group without its prefix " + p)
				}
				if _, dup := m[id]; dup {
					panic("i18n: duplicate message " + id)
				}
				m[id] = t
			}
		})
		groupMsgs[g] = m
	})
	return groupMsgs[g]
}

// lookup returns message id.
func lookup(id string) (tr, bool) {
	p, _, _ := strings.Cut(id, ".")
	for _, g := range byPrefix()[p] {
		if t, ok := group(g)[id]; ok {
			return t, true
		}
	}
	return tr{}, false
}

// catalog returns every message, registering every group; an id in two
// groups panics.
var catalog = sync.OnceValue(func() map[string]tr {
	all := map[string]tr{}
	for g := range groups {
		for id, t := range group(g) {
			if _, dup := all[id]; dup {
				panic("i18n: duplicate message " + id)
			}
			all[id] = t
		}
	}
	return all
})
