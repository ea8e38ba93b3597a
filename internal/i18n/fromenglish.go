package i18n

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Some packages write a sentence in English only: the comment lines of
// the AWS CLI renderings of a fix (package fix) and the notes on what a
// message reader could not read (package authzmsg, Denial.Unreadable).
// Their messages are in this catalog under a prefix ("fixcli.",
// "unreadable."), each with the English sentence exactly as the package
// writes it, its %s standing for the variable parts (%s only: the parts
// read back are strings); FromEnglish finds
// the message a sentence is and says it in another language. A sentence
// that matches no message stays in English (and the tests that look for
// English in translated reports fail on it).

// reverse is one message of a prefix, as a pattern over English text.
type reverse struct {
	id      string
	re      *regexp.Regexp
	literal int // characters of the template outside the verbs
}

var (
	reverseMu sync.Mutex
	reverses  = map[string][]reverse{}
)

func reversesFor(prefix string) []reverse {
	reverseMu.Lock()
	defer reverseMu.Unlock()
	if r, ok := reverses[prefix]; ok {
		return r
	}
	var out []reverse
	for id, tr := range messages {
		if !strings.HasPrefix(id, prefix) || strings.HasPrefix(id, prefix+"phrase.") {
			continue
		}
		en := tr[EN]
		var pat strings.Builder
		pat.WriteString("^")
		literal, last := 0, 0
		for _, loc := range verb.FindAllStringIndex(en, -1) {
			pat.WriteString(regexp.QuoteMeta(en[last:loc[0]]))
			literal += loc[0] - last
			switch v := en[loc[1]-1]; v {
			case '%':
				pat.WriteString("%")
			default:
				pat.WriteString("(.+?)")
			}
			last = loc[1]
		}
		pat.WriteString(regexp.QuoteMeta(en[last:]))
		literal += len(en) - last
		pat.WriteString("$")
		out = append(out, reverse{id: id, re: regexp.MustCompile(pat.String()), literal: literal})
	}
	// The most specific message first: the one with the most fixed text.
	sort.Slice(out, func(i, j int) bool {
		if out[i].literal != out[j].literal {
			return out[i].literal > out[j].literal
		}
		return out[i].id < out[j].id
	})
	reverses[prefix] = out
	return out
}

// FromEnglish returns s, an English sentence that one of the messages
// whose IDs start with prefix says, in lang: the variable parts are kept
// as they are, except those that are one of the prefix's phrases
// (prefix + "phrase." messages, such as "key policy"), which are
// translated too. ok is false, and s returned as it is, when no message
// matches.
func FromEnglish(lang Lang, prefix, s string) (string, bool) {
	for _, r := range reversesFor(prefix) {
		m := r.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, a := range m[1:] {
			args[i] = phrase(lang, prefix, a)
		}
		if lang == EN {
			return s, true
		}
		return T(lang, r.id, args...), true
	}
	return s, false
}

// phrase returns a, translated when it is the English of one of prefix's
// phrases (prefix + "phrase." messages, which may have parts of their
// own).
func phrase(lang Lang, prefix, a string) any {
	if s, ok := FromEnglish(lang, prefix+"phrase.", a); ok {
		return s
	}
	return a
}

// CLIComment returns a comment line of an AWS CLI rendering ("# ...") in
// lang; other lines, and comments no message says, as they are.
func CLIComment(lang Lang, line string) string {
	if lang == EN || !strings.HasPrefix(line, "#") {
		return line
	}
	s, _ := FromEnglish(lang, "fixcli.", line)
	return s
}

// Unreadable returns a note of Denial.Unreadable in lang.
func Unreadable(lang Lang, note string) string {
	if lang == EN {
		return note
	}
	s, _ := FromEnglish(lang, "unreadable.", note)
	return s
}

// Verdict returns an engine decision ("Allowed", "ImplicitDeny",
// "ExplicitDeny") in lang, as the reports show it after "verified by the
// engine:"; another string as it is.
func Verdict(lang Lang, decision string) string {
	if Has("report.verdict." + decision) {
		return T(lang, "report.verdict."+decision)
	}
	return decision
}

// CommentLines returns a Terraform or CloudFormation rendering with its
// comment lines ("# ...", indented or not) in lang (CLIComment).
func CommentLines(lang Lang, body string) string {
	if lang == EN || !strings.Contains(body, "#") {
		return body
	}
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if strings.HasPrefix(t, "#") {
			lines[i] = l[:len(l)-len(t)] + CLIComment(lang, t)
		}
	}
	return strings.Join(lines, "\n")
}

// CLILines returns the lines of an AWS CLI rendering with their comment
// lines in lang (CLIComment).
func CLILines(lang Lang, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = CLIComment(lang, l)
	}
	return out
}
