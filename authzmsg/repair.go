package authzmsg

import (
	"regexp"
	"strings"
	"sync"
)

// The text a person pastes is often not the text AWS sent: a log line that
// holds the message as a JSON string (\" and \n\t), a terminal or a YAML
// document that wrapped it, placeholders with spaces that a person typed in
// place of an account or a name. prepareText undoes what can be undone
// before the sentence is read; the result is only ever read, never shown.

// sentinel stands in for a space inside a placeholder ("<Policy Canary
// Account>") while the text is split at spaces; restoreSpaces puts the
// spaces back in what was read.
const sentinel = "\uE000"

var (
	// placeholderSpanREs() are the placeholders that may hold spaces: <angle>
	// and [bracket] placeholders, a quoted account ("arn:aws:sts::"my
	// account number":..."), and an elided account (": ... :").
	// Each runs only when the text holds one of its keys, literals that
	// every match holds: the ':' of every message let all four run on
	// every parse.
	placeholderSpanREs = sync.OnceValue(func() []spanRE {
		return []spanRE{
			{[]string{"<"}, regexp.MustCompile(`<[^<>\n]{1,40}>`)},
			{[]string{"["}, regexp.MustCompile(`\[[^\[\]\n]{1,40}\]`)},
			{[]string{`::"`}, regexp.MustCompile(`::"[^"\n]{1,40}":`)},
			{[]string{": ...", ": …"}, regexp.MustCompile(`: (?:\.\.\.|…) :`)},
		}
	})
	// quoteMarkerRE is a Markdown quote marker at the start of a line
	// ("> ", ">> ").
	quoteMarkerRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^[ \t]*(?:>[ \t]?)+`) })
	// gluedIsRE finds a principal ARN glued to "is" when the space between
	// them was lost ("...-developeris not authorized").
	gluedIsRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(arn:[^\s]*?[A-Za-z0-9_])is not authori[sz]ed`) })
	// arnBreakRE finds a line break inside an ARN: the line ends in the
	// middle of an ARN (after ':', '/', '-' or '_') and the next line goes
	// on with it. A placeholder in angle brackets may stand for a part
	// ("arn:aws:sts::<REDACTED>:assumed-role/name-\nrest").
	arnBreakRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(arn:(?:[^\s"'<>]|<[^\s"'<>]{1,40}>)*[:/_-])[ \t]*\n[ \t]*([A-Za-z0-9*])`)
	})
	// wordAfterBreakRE is what may start the line after an ARN that ends in
	// '/' or ':' without the ARN going on.
	wordAfterBreakRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?i:because|with|due|on|is|and|for|in|encoded|status|request)\b`)
	})
)

// prepareText returns text with JSON string escapes undone, lost spaces and
// line breaks inside ARNs repaired, and the spaces inside placeholders
// replaced by the sentinel.
func prepareText(text string) string {
	s := text
	if strings.HasPrefix(strings.TrimLeft(s, " \t"), ">") || strings.Contains(s, "\n>") || strings.Contains(s, "\n >") {
		// A Markdown quote block: the markers at the start of each line
		// are not the message's ("...perform: SNS:Publish on\n> resource:").
		s = quoteMarkerRE().ReplaceAllString(s, "")
	}
	if strings.Contains(s, `\`) {
		for i := 0; i < 3; i++ {
			u := unescapeLoose(s)
			if u == s {
				break
			}
			s = u
		}
	}
	if strings.Contains(s, "arn:") {
		s = joinARNBreaks(s)
		if gluedIsMay(s) {
			s = gluedIsRE().ReplaceAllString(s, "$1 is not authorized")
		}
	}
	if strings.ContainsAny(s, "<[\":") {
		for _, sp := range placeholderSpanREs() {
			if !sp.may(s) {
				continue
			}
			s = sp.re.ReplaceAllStringFunc(s, func(m string) string {
				if !strings.Contains(m, " ") {
					return m
				}
				return strings.ReplaceAll(m, " ", sentinel)
			})
		}
	}
	return s
}

// spanRE is a regexp and the literals of which every match holds one.
type spanRE struct {
	keys []string
	re   *regexp.Regexp
}

// may reports whether s holds one of the keys, that is whether re may
// match s.
func (sp spanRE) may(s string) bool {
	for _, k := range sp.keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// gluedIsMay reports whether gluedIsRE may match s: whether "is not
// authori" follows a byte of [A-Za-z0-9_] somewhere (every match has one
// there), where a message, "User: ARN is not authorized", has a space.
func gluedIsMay(s string) bool {
	const glued = "is not authori"
	for from := 0; ; {
		i := strings.Index(s[from:], glued)
		if i < 0 {
			return false
		}
		i += from
		if i > 0 && isWordByte(s[i-1]) {
			return true
		}
		from = i + 1
	}
}

// unescapeLoose undoes one level of JSON string escaping anywhere in s: \"
// becomes ", \/ becomes /, \\ becomes \, and \n, \t, \r become a space. It
// does not require s to be a JSON string: log lines hold escaped messages
// amid other text.
func unescapeLoose(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		switch s[i+1] {
		case '"', '/', '\\':
			b.WriteByte(s[i+1])
			i++
		case 'n', 't', 'r':
			b.WriteByte(' ')
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// joinARNBreaks removes the line breaks that fall inside an ARN.
func joinARNBreaks(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range arnBreakRE().FindAllStringSubmatchIndex(s, -1) {
		// m[2:4] is the ARN part before the break, m[4:6] the first
		// character after it. A word of the sentence after an ARN that ends
		// in '/' or ':' is not part of it ("arn:aws:s3:::bucket/" may end).
		if wordAfterBreakRE().MatchString(s[m[4]:]) {
			continue
		}
		b.WriteString(s[last:m[3]])
		last = m[4]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// restoreSpaces puts back the spaces prepareText hid in placeholders in
// everything the denial was read into.
func restoreSpaces(d *Denial) {
	r := func(s *string) {
		if strings.Contains(*s, sentinel) {
			*s = strings.ReplaceAll(*s, sentinel, " ")
		}
	}
	p := &d.Principal
	for _, s := range []*string{&p.ARN, &p.ID, &p.Account, &p.Name, &p.Session, &p.BackupRole,
		&d.Resource, &d.PolicyARN, &d.Reason, &d.Action} {
		r(s)
	}
	for i := range d.Unreadable {
		r(&d.Unreadable[i])
	}
	for i, m := range d.unreadableMsgs {
		d.unreadableMsgs[i] = m.Map(func(s string) string { r(&s); return s })
	}
	for i := range d.Notes {
		r(&d.Notes[i])
	}
	if d.Backup != nil {
		r(&d.Backup.RoleARN)
		r(&d.Backup.ResourceARN)
		for i := range d.Backup.ARNs {
			r(&d.Backup.ARNs[i])
		}
	}
}

// cleanToken cuts a principal or resource token read from running text at
// what cannot belong to it: the end of the JSON string it was in ("arn:...",
// or "arn:..."}), an XML closing tag, a Markdown link's target, and closing
// brackets, unpaired quotes or punctuation that end the sentence.
func cleanToken(t string) string {
	// A Markdown link a forum made of a value ("name](mailto:name)"): the
	// value ends at the "](".
	if i := strings.Index(t, "]("); i > 0 {
		if rest := t[i+2:]; strings.HasPrefix(rest, "mailto:") || strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") {
			t = t[:i]
		}
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '"':
			if i+1 == len(t) || strings.IndexByte(",}]);", t[i+1]) >= 0 {
				return cleanToken(t[:i])
			}
		case '<':
			if i+1 < len(t) && t[i+1] == '/' {
				return cleanToken(t[:i])
			}
		}
	}
	if strings.HasPrefix(t, "arn:") {
		// A colon ends some ARNs ("...:log-stream:" with no stream name);
		// in running text no sentence puts one right after an ARN.
		return trimARNPunct(t, ".;,")
	}
	return t
}
