package i18n

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// EnglishIn returns the English left in a Japanese or Korean text or
// Markdown report: each fragment of a line, outside code, that reads as
// English. Tests use it to prove that a translated report is translated.
//
// What is not prose is left out first:
//   - code: fenced blocks (```), and the indented blocks under the
//     rendering labels (policy JSON, AWS CLI, Terraform, CloudFormation),
//     except their comment lines ("# ..."), which are read as prose;
//   - ARNs, AWS CLI commands, command-line options with their values
//     (--query Account, also on a line a command wrapped onto), JSON
//     objects, quoted strings, `code`, <placeholders>;
//   - identifiers: a token with a digit or any of : / _ . = @ * $ - < >,
//     an all-capitals token (AWS, IAM, SCP) and a CamelCase one
//     (AssumeRole, ImplicitDeny);
//   - a console label quoted as English in parentheses right after the
//     Japanese or Korean words for it ("복원 역할(Restore role)").
//
// What is left is English when it is a run of two or more words, two
// of them words of the English catalog and one starting in lower case (a
// sentence, not a product name such as "Identity Center" or "Amazon
// Managed Service for Apache Flink" nor a name such as "role voclabs"), or a single word that the English catalog uses and
// neither translation does ("Allowed", "or", "the").
func EnglishIn(l Lang, report string) []string {
	vocab := vocabulary()
	var out []string
	labels := map[string]bool{}
	for _, id := range []string{"report.render.policy", "same.render.cli", "same.render.terraform", "same.render.cloudformation"} {
		labels[T(l, id)] = true
	}
	block, fence := "", false
	for _, line := range strings.Split(stripEscapes(report), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "```"):
			fence = !fence
			continue
		case fence:
			if strings.HasPrefix(t, "#") {
				out = append(out, englishInLine(t[1:], vocab)...)
			}
			continue
		case t == "": // a blank line inside a block (Terraform's import) ends nothing
			continue
		case labels[t] || labels[strings.Trim(t, "*")]:
			block = strings.Trim(t, "*")
			continue
		case block != "" && strings.HasPrefix(line, "    "):
			if strings.HasPrefix(t, "#") {
				out = append(out, englishInLine(t[1:], vocab)...)
			}
			continue
		}
		block = ""
		out = append(out, englishInLine(line, vocab)...)
	}
	return out
}

var (
	notProse = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile("arn:\\S+|\\baws [a-z0-9-]+( [a-z0-9-]+)?|(^|\\s)--[a-z][a-z0-9-]*( [^\\s-]\\S*)?|\\bdenied (explain|check|audit|collect|simulate)\\b|SDK for [A-Z]\\w*|\\{[^{}]*\\}|\"[^\"]*\"|`[^`]*`|<[^<>\\s]*>|'[^'\\s]*'")
	})
	gloss = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`([\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\]）」])\s?\(([A-Z][A-Za-z ]*)\)`)
	})
)

// englishInLine returns the English fragments of one line of prose.
func englishInLine(line string, vocab vocab) []string {
	line = gloss().ReplaceAllString(line, "$1")
	line = notProse().ReplaceAllString(line, " ")
	// A Japanese or Korean character ends a run of English words.
	line = strings.Map(func(r rune) rune {
		if cond.RuneWidth(r) == 2 {
			return '\x00'
		}
		return r
	}, line)
	line = strings.ReplaceAll(line, "\x00", " \x00 ")
	var out []string
	var run []string
	flush := func() {
		lower, known := false, 0
		for i, w := range run {
			if unicode.IsLower(rune(w[0])) && !nameFor(run, i) {
				lower = true
			}
			if vocab.english[strings.ToLower(w)] {
				known++
			}
		}
		switch {
		case len(run) >= 2 && lower && known >= 2:
			out = append(out, strings.Join(run, " "))
		case len(run) == 1 && vocab.englishOnly[strings.ToLower(run[0])]:
			out = append(out, run[0])
		}
		run = run[:0]
	}
	// Tokens: runs of narrow, non-space characters; a wide character or
	// anything that is not a word ends a run of words.
	for _, tok := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || cond.RuneWidth(r) != 1 && r != '\x00' }) {
		if tok == "\x00" {
			flush()
			continue
		}
		w, ok := proseWord(tok)
		switch {
		case !ok:
			flush()
		case w != "":
			run = append(run, w)
			if strings.ContainsAny(tok[len(tok)-1:], ".:;!?)") {
				flush()
			}
		}
	}
	flush()
	return out
}

// nameFor reports whether run[i] is the "for" of a product name: before
// a capitalized word and after one, or first in its line, where wrapping
// put it ("Amazon Managed Service for Apache Flink", "AWS Tools for
// PowerShell").
func nameFor(run []string, i int) bool {
	return run[i] == "for" && i+1 < len(run) && unicode.IsUpper(rune(run[i+1][0])) &&
		(i == 0 || unicode.IsUpper(rune(run[i-1][0])))
}

// proseWord returns tok as a word of prose, its punctuation trimmed; ok
// is false when tok is an identifier or not a word, which ends a run.
func proseWord(tok string) (string, bool) {
	w := strings.TrimLeft(tok, "([")
	w = strings.TrimRight(w, ".,;:!?)]")
	if w == "" {
		return "", true
	}
	if strings.ContainsAny(w, ":/_.=@*$-<>'\"`#%&|\\+0123456789") {
		return "", false
	}
	upper := 0
	for i, r := range w {
		if !unicode.IsLetter(r) || r > unicode.MaxASCII {
			return "", false
		}
		if unicode.IsUpper(r) {
			upper++
			if i > 0 {
				return "", false // CamelCase or all capitals: an identifier
			}
		}
	}
	if len(w) < 2 {
		return "", false
	}
	return w, true
}

// vocab holds the words (lower case) the English catalog uses, and
// those of them that neither translation uses.
type vocab struct{ english, englishOnly map[string]bool }

var vocabulary = sync.OnceValue(func() vocab {
	words := func(l Lang) map[string]bool {
		m := map[string]bool{}
		for _, t := range catalog() {
			s := notProse().ReplaceAllString(verb().ReplaceAllString(t.in(l), " "), " ")
			for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || cond.RuneWidth(r) != 1 }) {
				if w, ok := proseWord(tok); ok && w != "" {
					m[strings.ToLower(w)] = true
				}
			}
		}
		return m
	}
	en, ja, ko := words(EN), words(JA), words(KO)
	for _, w := range strings.Fields("allowed denied a an the of to in on is are and or not no for with by it") {
		en[w] = true
	}
	only := map[string]bool{}
	for w := range en {
		if !ja[w] && !ko[w] {
			only[w] = true
		}
	}
	return vocab{english: en, englishOnly: only}
})

// verb matches a fmt verb, %s or %[2]s.
var verb = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%(\[\d+\])?[-+# 0-9.]*[vsdqxXtfgeT%]`) })
