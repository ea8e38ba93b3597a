package authzmsg

import (
	"regexp"
	"strings"
	"sync"
)

// Plain text that holds several access-denied messages (a log, a CI job's
// output, a terminal with two failed commands) gives one Denial for each
// distinct message, in the text's order. A message is cut from the next
// only at a line break: the line where the next message's subject
// ("User: ARN is not authorized ...") starts, with the lines just above it
// that end in ':' (an "An error occurred (X) when calling the Y
// operation:" head). A message wrapped over several lines holds one
// "not authorized to perform" and is never cut; a piece of text before
// the next sentence that is no whole message by itself (EC2's "You are not
// authorized to perform this operation." on its own line, without its
// encoded message; a sentence with no action) stays with what follows it. The same message seen again (an
// SDK's retries, the aws-sdk-go v1 Message_ that repeats it) is read once.

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
// JSON, at most maxText) when it holds two or more messages on lines of
// their own; nil when it holds at most one, which the caller reads from
// the whole text.
func parseSeveral(text string) []*Denial {
	if !strings.Contains(text, "\n") || strings.Count(text, "uthori")+strings.Count(text, "UTHORI") < 2 {
		return nil
	}
	anchors := sentenceStartRE().FindAllStringIndex(asciiLower(text), -1)
	if len(anchors) < 2 {
		return nil
	}
	// The places the text may be cut: before the line of each sentence's
	// subject, after the line of the sentence before it.
	cuts := []int{0}
	for i := 1; i < len(anchors); i++ {
		b := subjectLineStart(text, anchors[i][0], anchors[i-1][1])
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
		if d, ok := wholeMessage(text[start:cuts[i]]); ok {
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

// subjectLineStart returns where the line starts on which the subject of
// the sentence whose "not authorized" is at text[at] begins ("User: ARN is
// not ...", "ARN is not ...", "You are not ..."), moved up over the lines
// just above it that end in ':' (an envelope's head), none of them
// reaching back to floor (the end of the sentence before).
func subjectLineStart(text string, at, floor int) int {
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
