package authzmsg

import (
	"regexp"
	"strings"
	"sync"
)

// Plain text that holds several access-denied messages (a log, a CI job's
// output, a terminal with two failed commands) gives one Denial for each
// distinct message, in the text's order. A message is cut from the next
// at a line break: the line where the next message's subject ("User: ARN
// is not authorized ...") starts, with the lines just above it that end in
// ':' (an "An error occurred (X) when calling the Y operation:" head); or,
// when the next subject is on the line of the message before it (a JSON
// log line whose message holds several apart by escaped line breaks, two
// joined by "; " or " | ", a JSON array of error strings), just before
// that subject with its envelope head on the line (inlineStart), unless
// it is the error response repeating the message (echoRE). A message
// wrapped over several lines holds one "not authorized to perform" and is
// never cut; a piece of text before the next sentence that is no whole
// message by itself (EC2's "You are not authorized to perform this
// operation." on its own line, without its encoded message; a sentence
// with no action) stays with what follows it. The same message seen again
// (an SDK's retries, the aws-sdk-go v1 Message_ that repeats it) is read
// once.

// sentenceStartRE finds "not authorized to perform" in text whose line
// breaks are not collapsed yet (a message wrapped inside the phrase),
// lowered by asciiLower (a literal prefix lets the regexp skip to each
// "not").
var sentenceStartRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\bnot\s+authori[sz]ed\s+(?:to\s+)?perform\b`)
})

// maxPendingPieces bounds the pieces of text joined while waiting for a
// whole message: past it, the text is read as one message (as it was
// before several were read), so that text of many partial sentences is
// not parsed again and again.
const maxPendingPieces = 8

// parseSeveral returns the distinct denials of text (normalised, not
// JSON, at most maxText) when it holds two or more messages, on lines of
// their own or on one line; nil when it holds at most one, which the
// caller reads from the whole text.
func parseSeveral(text string) []*Denial {
	if strings.Count(text, "uthori")+strings.Count(text, "UTHORI") < 2 {
		return nil
	}
	anchors := sentenceStartRE().FindAllStringIndex(asciiLower(text), -1)
	if len(anchors) < 2 {
		return nil
	}
	// The places the text may be cut: before the line of each sentence's
	// subject, after the line of the sentence before it; or, when the
	// subject is on the line of that sentence, before the subject itself
	// with its envelope head (inlineStart).
	cuts := []int{0}
	inline := map[int]bool{}
	for i := 1; i < len(anchors); i++ {
		b := subjectLineStart(text, anchors[i][0], anchors[i-1][1])
		if b <= anchors[i-1][1] {
			var echo bool
			if b, echo = inlineStart(text, anchors[i][0], anchors[i-1][1]); echo {
				continue
			}
			inline[b] = true
		}
		if b > anchors[i-1][1] && b > cuts[len(cuts)-1] {
			cuts = append(cuts, b)
		}
	}
	if len(cuts) < 2 {
		return nil
	}
	cuts = append(cuts, len(text))

	type group struct {
		start int
		d     *Denial
	}
	var groups []group
	start, pending := 0, 0
	for i := 1; i < len(cuts); i++ {
		seg := text[start:cuts[i]]
		if inline[cuts[i]] {
			seg = trimSeparator(seg)
		}
		if d, ok := wholeMessage(seg); ok {
			groups = append(groups, group{start, d})
			start, pending = cuts[i], 0
			continue
		}
		if pending++; pending == maxPendingPieces {
			return nil
		}
	}
	if len(groups) < 2 {
		return nil
	}
	if start < len(text) {
		// What follows the last whole message is part of it.
		last := &groups[len(groups)-1]
		d, ok := wholeMessage(text[last.start:])
		if !ok {
			return nil
		}
		last.d = d
	}
	seen := make(map[string]bool, len(groups))
	var ds []*Denial
	for _, g := range groups {
		k := messageKey(g.d)
		if seen[k] {
			continue
		}
		seen[k] = true
		ds = append(ds, g.d)
	}
	if len(ds) < 2 {
		return nil
	}
	return ds
}

// wholeMessage parses seg and reports whether it is a message by itself:
// the IAM sentence with its action read, or an encoded authorization
// failure message (EC2's "You are not authorized to perform this
// operation. Encoded authorization failure message: ...", AWS Backup's
// restore message).
func wholeMessage(seg string) (*Denial, bool) {
	if strings.TrimSpace(seg) == "" {
		return nil, false
	}
	d, sentence := parseTextSentence(seg)
	return d, d != nil && (sentence && d.Action != "" || d.Encoded != "")
}

// messageKey is what makes two denials the same message: what the
// sentence says (principal, action, resource, decision, layer, denying
// policy, reason) and the encoded message, not the envelope around it (a
// retry's "AccessDeniedException:" prefix, a status line).
func messageKey(d *Denial) string {
	backup := ""
	if d.Backup != nil {
		backup = d.Backup.ID
	}
	transitive := ""
	if d.Transitive {
		transitive = "transitive"
	}
	return strings.Join([]string{d.Principal.ARN, d.Action, d.Resource, string(d.Decision), string(d.PolicyType),
		d.PolicyARN, transitive, collapse(d.Reason), CleanEncoded(d.Encoded), backup}, "\x00")
}

// subjectStart returns where the subject of the sentence whose "not
// authorized" is at text[at] begins ("User: ARN is not ...", "ARN is not
// ...", "You are not ..."), not before floor (the end of the sentence
// before).
func subjectStart(text string, at, floor int) int {
	i := skipBackSpace(text, at, floor)
	j := backToken(text, i, floor)
	if w := text[j:i]; strings.EqualFold(w, "is") || strings.EqualFold(w, "are") {
		i = skipBackSpace(text, j, floor)
		j = backToken(text, i, floor)
	}
	k := skipBackSpace(text, j, floor)
	if l := backToken(text, k, floor); strings.EqualFold(strings.TrimSuffix(text[l:k], ":"), "user") {
		j = l
	}
	// A subject glued to what is before it by an escaped line break (a
	// JSON log line's "...key/x\nUser: arn:..."): the subject begins
	// after the escape.
	if e := strings.LastIndex(text[j:i], `\n`); e >= 0 {
		j += e + 2
	}
	return j
}

// subjectLineStart returns where the line starts on which the subject of
// the sentence whose "not authorized" is at text[at] begins (subjectStart),
// moved up over the lines just above it that end in ':' (an envelope's
// head), none of them reaching back to floor (the end of the sentence
// before).
func subjectLineStart(text string, at, floor int) int {
	j := subjectStart(text, at, floor)
	b := strings.LastIndexByte(text[:j], '\n') + 1
	for b > 0 {
		p := strings.LastIndexByte(text[:b-1], '\n') + 1
		head := strings.TrimSpace(text[p : b-1])
		low := strings.ToLower(head)
		if p <= floor || !strings.HasSuffix(head, ":") || strings.HasSuffix(low, "resource:") || strings.HasSuffix(low, "perform:") {
			break
		}
		b = p
	}
	return b
}

// skipBackSpace returns the index after the last non-space byte of
// text[floor:i].
func skipBackSpace(text string, i, floor int) int {
	for i > floor && strings.IndexByte(" \t\n\f\v", text[i-1]) >= 0 {
		i--
	}
	return i
}

// backToken returns the start of the run of non-space bytes that ends at
// text[i] (not before floor).
func backToken(text string, i, floor int) int {
	for i > floor && strings.IndexByte(" \t\n\f\v", text[i-1]) < 0 {
		i--
	}
	return i
}

// maxInlineHead is how far before a subject inlineStart looks for its
// envelope head: an "An error occurred (X) when calling the Y operation:"
// and error codes are far shorter.
const maxInlineHead = 256

// inlineHeadRE matches, at the end of the text before a subject on the
// line of the sentence before it, the subject's envelope head: error
// codes and prefixes ending in ':' ("AccessDenied: ", "Error: ",
// "AccessDeniedException: ") and the AWS CLI's "An error occurred (X)
// when calling the Y operation: ", after a separator (white space, ';',
// '|', ',', a quote or bracket of a JSON array, an escaped line break).
var inlineHeadRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|\\[nrt]|[\s;|,"'\[\]{}()])((?:(?:An error occurred \([\w.]+\) when calling the \w+ operation(?: \(reached max retries: \d+\))?|[A-Za-z][\w.]*):[ \t]*)*)$`)
})

// inlineStart returns where the message begins whose sentence's "not
// authorized" is at text[at], when its subject is on the line of the
// sentence before it (which ends at floor): several messages packed into
// one line (two joined by "; " or " | ", a JSON log line whose message
// holds them apart by escaped line breaks, a JSON array of error strings).
// It is the subject with the envelope head just before it; a head that
// is part of the sentence before ("on resource:", "to perform:") is not
// taken. echo is true when the sentence is the error response's body
// repeating the message before it (echoRE), which is not cut off.
func inlineStart(text string, at, floor int) (start int, echo bool) {
	j := subjectStart(text, at, floor)
	w := max(floor, j-maxInlineHead)
	if echoRE().MatchString(text[w:j]) {
		return j, true
	}
	m := inlineHeadRE().FindStringSubmatchIndex(text[w:j])
	if m == nil || m[2] == m[3] {
		return j, false
	}
	head := strings.ToLower(text[w+m[2] : j])
	if strings.HasPrefix(head, "resource:") || strings.HasPrefix(head, "perform:") {
		return j, false
	}
	return w + m[2], false
}

// echoRE matches, at the end of the text before a subject on the line of
// the sentence before it, what says the sentence is the error response
// repeating that message: the Query API's XML error body as an SDK
// flattens it ("... - Sender AccessDenied User: ...", the PHP SDK's
// <Type>, <Code> and <Message>), or its <Message> element, or aws-sdk-go
// v1's Message_ field. The repeat may differ from the message (a
// redaction done by hand on one of them) and is still one message.
var echoRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:\bSender\s+(?:Client\.)?[A-Za-z]+(?:Exception)?|<Message>|\bMessage_:\s*\\?"?)\s*$`)
})

// trimSeparator drops from the end of seg, a message cut before the next
// on its line, what holds the two apart: white space, ';', '|', ',',
// escaped line breaks, and the opening quote of the next string of a
// JSON array (a quote left unpaired).
func trimSeparator(seg string) string {
	for {
		t := strings.TrimRight(seg, " \t;|,")
		for _, e := range []string{`\r\n`, `\n`, `\r`, `\t`} {
			t = strings.TrimSuffix(t, e)
		}
		if n := len(t); n > 0 && (t[n-1] == '"' || t[n-1] == '\'') && strings.Count(t, t[n-1:])%2 == 1 {
			t = t[:n-1]
		}
		if t == seg {
			return seg
		}
		seg = t
	}
}
