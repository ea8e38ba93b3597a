package authzmsg

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/deniedhq/denied/internal/arn"
)

// typePhrases are the policy type phrases of the IAM grammar (domain
// reference §D.2), longest first where one is a prefix of another.
const typePhrases = `identity-based policy|identity based policy|resource-based policy|resource based policy|` +
	`permissions boundary policy|permissions boundary|permission boundary|sessions? policy|` +
	`service control policy|resource control policy|VPC endpoint policy|role trust policy|trust policy`

var (
	notAuthRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bnot authori[sz]ed (?:to )?perform\b\s*:?\s*`) })
	userLeadRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)(?:^|[^A-Za-z0-9/_@.-])user(?:\s*:\s*|\s+)`) })
	implicitRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^because no ((?:\S+ ){0,5}?\S+) allows(?: the (\S+) action)?`)
	})
	trustSicRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^because the (role trust policy) allows(?: the (\S+) action)?`)
	})
	notExistRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^because the resource does not exist in this region(?:, no resource-based policies allow access, or a resource-based policy explicitly denies access)?`)
	})
	explicitRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:with|due to) an explicit deny in (?:a |an |the )?(` + typePhrases + `|(?:\S+ ){0,3}?policy)(?:\s*:\s*(arn:\S+))?(?: transitively through (?:a |an |the )?(` + typePhrases + `))?`)
	})
	implicitAny = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)because no (` + typePhrases + `) allows(?: the (\S+) action)?`)
	})
	explicitAny = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:with|due to) an explicit deny in (?:a |an |the )?(` + typePhrases + `)(?:\s*:\s*(arn:\S+))?(?: transitively through (?:a |an |the )?(` + typePhrases + `))?`)
	})
	resWordRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:role|policy|user|group|instance-profile|oidc-provider|saml-provider|server-certificate|mfa|key|bucket|table|secret|vault)$`)
	})
)

// policyTypeOf maps a type phrase of the message to a PolicyType.
func policyTypeOf(phrase string) PolicyType {
	p := strings.ToLower(phrase)
	switch {
	case strings.Contains(p, "identity"):
		return PolicyIdentity
	case strings.Contains(p, "resource-based"), strings.Contains(p, "resource based"):
		return PolicyResource
	case strings.Contains(p, "boundary"):
		return PolicyPermissionsBoundary
	case strings.HasPrefix(p, "session"):
		return PolicySession
	case strings.Contains(p, "service control"):
		return PolicySCP
	case strings.Contains(p, "resource control"):
		return PolicyRCP
	case strings.Contains(p, "vpc endpoint"):
		return PolicyVPCEndpoint
	case strings.Contains(p, "trust"):
		return PolicyTrust
	}
	return PolicyUnknown
}

// sentenceResult is what readSentence found.
type sentenceResult struct {
	found  bool // the "is not authorized to perform" sentence
	legacy bool // nothing followed the action/resource
}

// readSentence reads the IAM sentence "User: P is not authorized to perform:
// A [on resource: R] because ... | with an explicit deny in ..." from n (text
// with whitespace collapsed) into d.
func readSentence(d *Denial, n, low string) sentenceResult {
	var res sentenceResult
	var loc []int
	from := 0
	for range 8 { // the first 8 matches, as notAuthRE().FindAllStringIndex(n, 8)
		start, end := notAuthIndex(n, low, from)
		if start < 0 {
			break
		}
		from = end
		// "You are not authorized to perform this operation" is EC2's
		// preamble, not the sentence.
		if before := strings.TrimRight(n[:start], " "); !hasSuffixFold(before, " are") && !strings.EqualFold(before, "are") {
			loc = []int{start, end}
			break
		}
	}
	if loc == nil {
		return res
	}
	res.found = true
	before := strings.TrimRight(n[:loc[0]], " ")
	if hasSuffixFold(before, " is") || strings.EqualFold(before, "is") {
		before = before[:len(before)-2]
	}
	readPrincipal(d, before)

	after := n[loc[1]:]
	tok := after
	if i := strings.IndexByte(after, ' '); i >= 0 {
		tok = after[:i]
	}
	rest := after[len(tok):]
	// Markup after the action, with no space before it, is not the
	// action's: "perform: route53:ListHostedZones</Message>" (a raw XML
	// error response).
	if i := strings.IndexByte(tok, '<'); i > 0 {
		tok, rest = tok[:i], tok[i:]+rest
	}
	// A terminal or a page that wraps at a fixed width may break the line
	// inside the action ("perform: iam:PutRolePo\nlicy on resource: ..."):
	// the two halves are one action when the reason names it whole ("...
	// allows the iam:PutRolePolicy action").
	if next, tail, ok := strings.Cut(strings.TrimPrefix(rest, " "), " "); ok && next != "" && strings.HasPrefix(rest, " ") && isWordByte(next[0]) {
		if joined := tok + next; strings.Contains(tail, " "+joined+" action") && ValidAction(joined) {
			tok, rest = joined, " "+tail
		}
	}
	raw := tok
	// An action ends at punctuation that closes what held the sentence:
	// "[AccessDenied: Not authorized to perform sts:AssumeRole]" (node's
	// inspect() of an SDK v2 error).
	tok = strings.TrimRight(strings.TrimLeft(tok, "(\"'`“"), ".,;:)]\"'`”")
	if strings.HasPrefix(raw, "(") && hasPrefixFold(strings.TrimLeft(rest, " "), "action") {
		rest = strings.TrimLeft(rest, " ")[len("action"):]
	}
	switch {
	case ValidAction(tok):
		d.Action = tok
	case tok == "" || tok == "…" || strings.Trim(tok, ".") == "":
		d.unread(unreadable("action-left-out"))
	default:
		d.unread(unreadable("action-not-one", quoteShort(tok)))
		// "is not authorized to perform API action on resource: ..." (a
		// paraphrase with a word in place of the action).
		if t := strings.TrimLeft(rest, " "); hasPrefixFold(t, "action ") {
			rest = t[len("action"):]
		}
	}

	rest = strings.TrimLeft(rest, " ")
	switch {
	case hasPrefixFold(rest, "on resource:"):
		rest = readResource(d, strings.TrimLeft(rest[len("on resource:"):], " "))
	case hasPrefixFold(rest, "on resource "):
		rest = readResource(d, strings.TrimLeft(rest[len("on resource "):], " "))
	case hasPrefixFold(rest, "on this resource"):
		rest = rest[len("on this resource"):]
		d.Notes = append(d.Notes, "the message does not name the resource (\"on this resource\")")
	case hasPrefixFold(rest, "on the resource associated with this ciphertext"):
		rest = rest[len("on the resource associated with this ciphertext"):]
		d.CiphertextKey = true
		d.Notes = append(d.Notes, "the message does not name the resource (the KMS key of a ciphertext)")
	}
	r := strings.TrimLeft(rest, " ,")
	if readReason(d, r) {
		return res
	}
	switch {
	case strings.HasPrefix(r, "…") || strings.HasPrefix(r, "..."):
		d.unread(unreadable("reason-left-out"))
	case hasPrefixFold(r, "because"), hasPrefixFold(r, "with an explicit"), hasPrefixFold(r, "due to"):
		d.unread(unreadable("reason", quoteShort(r)))
	default:
		res.legacy = true
	}
	return res
}

// notAuthIndex returns the bounds of the first match of notAuthRE in n at
// or after from (-1, -1 when there is none); low is asciiLower(n). It is
// the regexp written out by hand: the regexp, unanchored and
// case-insensitive, has no literal prefix to skip to, so it ran its
// backtracker from every byte of every message, about a third of the
// parse of an audit's denial messages (BenchmarkParseAuditMessages).
// TestNotAuthIndexAgrees and FuzzFastPaths hold it to the regexp.
//
// A match starts at an occurrence of "not authori" (none of its letters
// has a case fold outside ASCII, so low finds every one) after a word
// boundary, and goes on with [sz] (s, z, either case, or U+017F, the long
// s that folds to s), "ed ", an optional "to ", "perform", a word
// boundary, and then, greedily, spaces, an optional colon, spaces (\s is
// ASCII white space).
func notAuthIndex(n, low string, from int) (start, end int) {
	const lead = "not authori"
	for from <= len(low) {
		i := strings.Index(low[from:], lead)
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		if i > 0 && isWordByte(n[i-1]) {
			continue
		}
		j := i + len(lead)
		switch {
		case j < len(low) && (low[j] == 's' || low[j] == 'z'):
			j++
		case strings.HasPrefix(n[j:], "\u017f"):
			j += len("\u017f")
		default:
			continue
		}
		if !strings.HasPrefix(low[j:], "ed ") {
			continue
		}
		j += len("ed ")
		if strings.HasPrefix(low[j:], "to perform") {
			j += len("to perform")
		} else if strings.HasPrefix(low[j:], "perform") {
			j += len("perform")
		} else {
			continue
		}
		if j < len(n) && isWordByte(n[j]) {
			continue
		}
		j = skipRESpace(n, j)
		if j < len(n) && n[j] == ':' {
			j = skipRESpace(n, j+1)
		}
		return i, j
	}
	return -1, -1
}

// userLeadEnd returns the end of the last match of userLeadRE in s, as
// the last of userLeadRE().FindAllStringIndex(s, -1), and whether there is
// one: the regexp, unanchored and case-insensitive, ran its backtracker
// from every byte of the text before every sentence's "is not
// authorized". By hand for the text without U+017F (the long s, which
// (?i)s matches, and which the class [^A-Za-z0-9/_@.-] leaves out as it
// folds to s): a match is "user" (in any case) at the start of the text
// or after a character outside the class (folded: the Kelvin sign, which
// folds to k, is in it), then spaces, a colon and spaces, or spaces
// alone. Matches do not overlap: the character before "user" must come
// after the previous match (the regexp tries its starts at the
// characters' boundaries, which the character before "user", decoded
// backwards, gives for any bytes). TestFastPathsAgree and FuzzFastPaths
// hold it to the regexp.
func userLeadEnd(s string) (int, bool) {
	if strings.Contains(s, "\u017f") {
		all := userLeadRE().FindAllStringIndex(s, -1)
		if all == nil {
			return 0, false
		}
		return all[len(all)-1][1], true
	}
	end, found := 0, false
	for from := 0; from < len(s); {
		i := indexUser(s, from)
		if i < 0 {
			break
		}
		start := i
		if i > 0 {
			r, w := utf8.DecodeLastRuneInString(s[:i])
			start = i - w
			if start < from || inUserClass(r) {
				from = i + 1
				continue
			}
		}
		j := skipRESpace(s, i+len("user"))
		switch {
		case j < len(s) && s[j] == ':':
			j = skipRESpace(s, j+1)
		case j == i+len("user"):
			from = i + 1
			continue
		}
		end, found, from = j, true, j
	}
	return end, found
}

// indexUser is the index of the first "user", in any ASCII case, in s at
// or after from; -1 when none.
func indexUser(s string, from int) int {
	for i := from; i+4 <= len(s); i++ {
		if c := s[i]; (c == 'u' || c == 'U') && (s[i+1]|0x20) == 's' && (s[i+2]|0x20) == 'e' && (s[i+3]|0x20) == 'r' {
			return i
		}
	}
	return -1
}

// inUserClass reports whether r is in userLeadRE's class
// [A-Za-z0-9/_@.-] as (?i) folds it (with the Kelvin sign; the long s is
// left to the regexp).
func inUserClass(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlnum(byte(r)) || strings.IndexByte("/_@.-", byte(r)) >= 0
	}
	return r == '\u212a'
}

// isWordByte reports whether c is a byte of \w (ASCII: a byte of a
// multi-byte character is not a word character for \b either).
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// skipRESpace returns the index after the run of \s ([\t\n\f\r ]) at i.
func skipRESpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ':
			i++
			continue
		}
		break
	}
	return i
}

// readPrincipal reads the principal from the text before "is not authorized".
func readPrincipal(d *Denial, before string) {
	if len(before) > 600 {
		before = before[len(before)-600:]
	}
	var p string
	if end, ok := userLeadEnd(before); ok {
		p = strings.TrimSpace(before[end:])
	} else {
		t := strings.TrimSpace(before)
		if strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") {
			p = "…"
		} else if f := strings.Fields(t); len(f) > 0 {
			// No "User:": the word before "is" is the principal when it is
			// shaped like one (an ARN, a service principal, a placeholder).
			last := strings.Trim(f[len(f)-1], "\"'`“”")
			if strings.HasPrefix(last, "arn:") || strings.HasSuffix(last, ".amazonaws.com") ||
				strings.HasPrefix(last, "<") && strings.HasSuffix(last, ">") {
				p = last
			}
		}
	}
	p = strings.Trim(p, "\"'`“”")
	if p == "" {
		return
	}
	// A principal is one token, or a short placeholder ("<assumed role>").
	if strings.Contains(p, " ") && !(strings.HasPrefix(p, "<") && strings.HasSuffix(p, ">") && len(p) <= 40) {
		f := strings.Fields(p)
		if j := brokenARN(f); j != "" {
			p = j
		} else {
			p = strings.Trim(f[len(f)-1], "\"'`“”")
		}
	}
	// "User with accountId: 123456789012 is not authorized" (CloudWatch
	// Logs) names an account, not a principal.
	if arn.IsAccountID(p) {
		d.Principal = Principal{Kind: KindUnknown, Account: p}
		d.Notes = append(d.Notes, "the message names only the caller's account ("+p+"), not the principal")
		return
	}
	d.Principal = ParsePrincipal(unbold(cleanToken(p)))
}

// unbold returns the ARN p without the Markdown bold ("**name**") a forum
// post put around its last segment ("assumed-role/R/**session**"). A name
// holds no "*"; a run of them ("/***/", "***") is a redaction and stays.
func unbold(p string) string {
	i := strings.LastIndexAny(p, "/:")
	seg := p[i+1:]
	if len(seg) > 4 && strings.HasPrefix(seg, "**") && strings.HasSuffix(seg, "**") && !strings.Contains(seg[2:len(seg)-2], "*") {
		return p[:i+1] + seg[2:len(seg)-2]
	}
	return p
}

// brokenARN returns the principal ARN that the words f (the text between
// "User:" and "is not authorized", split at spaces) spell when a space fell
// inside it, or "" when they do not. An ARN has five colons at least: a
// first word that starts "arn:" with fewer, which the words together
// complete, is an ARN an editor split ("arn:aws:I am::...:user/s3-iam"); it
// is kept as written. (Line breaks inside an ARN are joined before, by
// joinARNBreaks.)
func brokenARN(f []string) string {
	if len(f) < 2 || len(f) > 4 || !strings.HasPrefix(f[0], "arn:") || strings.HasPrefix(f[len(f)-1], "arn:") {
		return ""
	}
	if whole := strings.Join(f, " "); strings.Count(f[0], ":") < 5 && strings.Count(whole, ":") >= 5 {
		return whole
	}
	return ""
}

// readResource reads the resource after "on resource:" and returns the text
// after it.
func readResource(d *Denial, r string) string {
	if r == "" {
		return r
	}
	if q := r[0]; q == '"' || q == '\'' {
		if end := strings.IndexByte(r[1:], q); end >= 0 {
			setResource(d, r[1:1+end])
			return r[2+end:]
		}
	}
	if r[0] == '`' {
		if end := strings.IndexByte(r[1:], '`'); end >= 0 {
			setResource(d, r[1:1+end])
			return r[2+end:]
		}
	}
	if strings.HasPrefix(r, "“") {
		if end := strings.Index(r, "”"); end >= 0 {
			setResource(d, r[len("“"):end])
			return r[end+len("”"):]
		}
	}
	if strings.HasPrefix(r, "<") {
		if end := strings.IndexByte(r, '>'); end >= 0 && end < 60 {
			setResource(d, r[:end+1])
			return r[end+1:]
		}
	}
	if q := r[0]; q == '"' || q == '\'' || q == '`' {
		// A quote never closed: the quoter cut the message after the
		// resource ("on resource: \"arn:aws:s3:::b/prefix/"). The quote is
		// not the resource's.
		r = r[1:]
	}
	end := len(r)
	for _, kw := range []string{" because ", " with an explicit deny", " due to an explicit deny", " encoded authorization failure message"} {
		if i := indexFold(r, kw); i >= 0 && i < end {
			end = i
		}
	}
	cand := strings.TrimSpace(r[:end])
	f := strings.Fields(cand)
	if len(f) == 0 {
		return r
	}
	var res string
	switch {
	case len(f) >= 2 && strings.HasPrefix(f[0], "arn:") && placeholderSpan(cand) != f[0]:
		res = placeholderSpan(cand)
	case len(f) >= 2 && resWordRE().MatchString(f[0]) && end < len(r):
		res = cand
	case len(f) >= 2 && resWordRE().MatchString(f[0]):
		res = f[0] + " " + f[1]
	default:
		res = f[0]
	}
	// Where the resource ends is where the rest begins.
	i := strings.Index(r, res)
	rest := r[i+len(res):]
	trimmed := cleanToken(res)
	if !strings.HasSuffix(trimmed, "...") && !strings.HasSuffix(trimmed, "…") {
		// An ellipsis ("arn:aws:lambda:... because", "arn:aws:kms:us-east-1:..."
		// where the text ends) is the quoter's elision: no AWS sentence
		// ends in one. A single full stop ends the sentence.
		trimmed = strings.TrimRight(trimmed, ".,;")
	}
	if trimmed != "" {
		res = trimmed
	}
	setResource(d, res)
	return rest
}

// placeholderSpan returns the ARN at the start of s up to the first white
// space outside a {placeholder} or <placeholder>: a quoter's placeholder
// may hold spaces ("arn:aws:svc:{region}:{account id }:thing/{the name}"),
// an ARN none. Where a placeholder opened is never closed, it is the first
// word.
func placeholderSpan(s string) string {
	depth, first := 0, -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{', '<':
			depth++
		case '}', '>':
			if depth > 0 {
				depth--
			}
		case ' ', '\t', '\n':
			if first < 0 {
				first = i
			}
			if depth == 0 {
				return s[:i]
			}
		}
	}
	if depth == 0 || first < 0 {
		return s
	}
	return s[:first]
}

// setResource sets the resource and its kind.
func setResource(d *Denial, r string) {
	d.Resource = r
	switch {
	case r == "":
		d.ResourceKind = ""
	case strings.HasPrefix(r, "arn:"):
		d.ResourceKind = "arn"
	default:
		d.ResourceKind = "word"
	}
}

// readReason reads the reason clause at the start of r.
func readReason(d *Denial, r string) bool {
	if m := notExistRE().FindString(r); m != "" {
		d.Reason = m
		d.PolicyType = PolicyResource
		d.Decision = DecisionUnknown
		d.ResourceMayNotExist = true
		d.Notes = append(d.Notes, "KMS gives this reason when the key does not exist in this Region, when no key policy (resource-based policy) allows the action, and when one denies it")
		return true
	}
	if m := trustSicRE().FindStringSubmatch(r); m != nil {
		d.Reason = m[0]
		d.PolicyType = PolicyTrust
		d.Decision = ImplicitDeny
		implicitAction(d, m[2])
		d.Notes = append(d.Notes, "the documented message reads \"because the role trust policy allows\" (sic): read as no role trust policy allowing the action")
		return true
	}
	if m := implicitRE().FindStringSubmatch(r); m != nil {
		d.Reason = m[0]
		d.PolicyType = policyTypeOf(m[1])
		if d.PolicyType == PolicyUnknown {
			d.unread(unreadable("policy-type", quoteShort(m[1])))
		}
		d.Decision = ImplicitDeny
		implicitAction(d, m[2])
		return true
	}
	if m := explicitRE().FindStringSubmatch(r); m != nil {
		applyExplicit(d, m)
		return true
	}
	if m := oldExplicitRE().FindString(r); m != "" {
		d.Reason = m
		d.Decision = ExplicitDeny
		d.Notes = append(d.Notes, "the message says \"with an explicit deny\" without the policy type (the form AWS used before 2021): a Deny statement matched in some policy")
		return true
	}
	if m := cutImplicitRE().FindStringSubmatch(r); m != nil {
		if pt := typeFromPrefix(m[1]); pt != PolicyUnknown {
			d.Reason = strings.TrimSpace(m[0])
			d.Decision = ImplicitDeny
			d.PolicyType = pt
			d.Notes = append(d.Notes, "the reason is cut (\""+strings.TrimSpace(m[0])+"\"): read as no "+string(pt)+" policy allowing the action")
			return true
		}
	}
	return false
}

var (
	// oldExplicitRE is "with an explicit deny" with no policy type after it.
	oldExplicitRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^with an explicit deny(?:$|[^ A-Za-z]| [^i]| i[^n]| in$)`)
	})
	// cutImplicitRE is "because no ..." cut before "allows": what is left
	// of the policy type runs to the end of the text.
	cutImplicitRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^because no ([A-Za-z][A-Za-z -]{0,40}?)[\s"'.]*$`)
	})
	// typePhraseList are the policy type phrases a cut reason is matched
	// against.
	typePhraseList = strings.Split(typePhrases, "|")
)

// typeFromPrefix returns the policy type whose phrase starts with p (or that
// p starts with), when exactly one does.
func typeFromPrefix(p string) PolicyType {
	p = strings.ToLower(strings.TrimSpace(p))
	if len(p) < 3 {
		return PolicyUnknown
	}
	found := PolicyUnknown
	for _, ph := range typePhraseList {
		ph = strings.ToLower(ph)
		if strings.HasPrefix(ph, p) || strings.HasPrefix(p, ph) {
			t := policyTypeOf(ph)
			if found != PolicyUnknown && found != t {
				return PolicyUnknown
			}
			found = t
		}
	}
	return found
}

// applyExplicit fills the denial from a match of explicitRE or explicitAny.
func applyExplicit(d *Denial, m []string) {
	d.Reason = strings.TrimRight(m[0], ".,;")
	d.Decision = ExplicitDeny
	d.PolicyType = policyTypeOf(m[1])
	if d.PolicyType == PolicyUnknown {
		d.unread(unreadable("policy-type", quoteShort(m[1])))
	}
	if m[2] != "" {
		d.PolicyARN = trimARN(m[2])
		if containsPlaceholder(d.PolicyARN) {
			d.Redacted = appendUnique(d.Redacted, "policyArn")
		}
	}
	if m[3] != "" {
		d.Transitive = true
		// "explicit deny in a VPC endpoint policy transitively through a
		// service control policy": the IAM User Guide says to look for the
		// Deny in the SCPs.
		d.PolicyType = policyTypeOf(m[3])
		d.Notes = append(d.Notes, "the deny came transitively through a "+strings.ToLower(m[3])+" (the message first names a "+m[1]+")")
	}
	if d.PolicyType == PolicySCP {
		d.Notes = append(d.Notes, "AWS reports a service control policy denial as explicit even when no SCP allowed the action (an implicit deny)")
	}
}

// implicitAction checks the action the implicit reason repeats.
func implicitAction(d *Denial, a string) {
	a = strings.TrimRight(a, ".,;")
	if a == "" || !ValidAction(a) {
		return
	}
	if d.Action == "" {
		d.Action = a
	} else if !strings.EqualFold(d.Action, a) {
		d.unread(unreadable("action-both", d.Action, a))
	}
}

// readFragment reads a reason clause that stands without its sentence ("…
// with an explicit deny in a permissions boundary: arn:...").
func readFragment(d *Denial, n, low string) bool {
	if m := matchIf(low, "explicit deny in", explicitAny(), n); m != nil {
		applyExplicit(d, m)
		return true
	}
	if m := matchIf(low, "because no", implicitAny(), n); m != nil {
		d.Reason = m[0]
		d.PolicyType = policyTypeOf(m[1])
		d.Decision = ImplicitDeny
		implicitAction(d, m[2])
		return true
	}
	if i := strings.Index(low, "because the resource does not exist"); i >= 0 {
		return readReason(d, n[i:])
	}
	return false
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// indexFold is strings.Index ignoring ASCII case; byte offsets are those
// of s.
func indexFold(s, sub string) int {
	return strings.Index(asciiLower(s), asciiLower(sub))
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func quoteShort(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return "\"" + s + "\""
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
