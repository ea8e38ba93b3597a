// Package redact removes anything shaped like an AWS credential from text
// before it is printed or saved: access key ids (AKIA…, ASIA…), secret
// access keys, session tokens, and the Authorization, X-Amz-Security-Token,
// X-Amz-Credential and X-Amz-Signature values a server may echo back in an
// error message. It errs on the side of removing too much: a 40-character
// mixed-case string or a 100-character base64 run goes even when it was
// something else.
//
// It imports nothing of this module.
package redact

import (
	"regexp"
	"strings"
	"sync"
)

// Mark replaces what was removed.
const Mark = "[REDACTED]"

var (
	// authorization header value, to the end of the line or quote.
	authHeader = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(\bauthorization["']?\s*(?:[:=]|=>)\s*\[?["']?)([^\r\n"'<]+)`)
	})
	// labelled secrets: header, query, JSON, XML, INI and Go-map forms.
	labelled = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(\b(?:x-amz-security-token|x-amz-credential|x-amz-signature|credential|signature|aws_secret_access_key|aws_session_token|aws_security_token|secret_?access_?key|secret_?key|session_?token|security_?token|password)(?:["']?\s*(?:[:=]|=>)\s*\[?["']?|>))([^\s"'<&,;\]]+)`)
	})
	// access key ids: long-term (AKIA), temporary (ASIA), bearer (ABIA),
	// context-specific (ACCA).
	keyIDRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`) })
	// runs of base64 and base64url characters.
	run = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[A-Za-z0-9+/=_-]+`) })
)

// String returns s with every credential-shaped part replaced by Mark.
func String(s string) string {
	if s == "" {
		return s
	}
	s = replaceValue(s, authHeader())
	s = replaceValue(s, labelled())
	s = replaceBounded(s, keyIDRe(), isAlnum)
	return run().ReplaceAllStringFunc(s, func(t string) string {
		switch {
		case len(t) == 40 && secretShaped(t):
			return Mark
		case len(t) >= 100 && !strings.ContainsAny(t, "-_"):
			return Mark // a session token or another long secret blob
		}
		return t
	})
}

// replaceValue replaces group 2 of each match of re (the value after a
// label) with Mark, leaving values already redacted alone.
func replaceValue(s string, re *regexp.Regexp) string {
	locs := re.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		v := l[4]
		if strings.HasPrefix(s[v:], Mark) || v > 0 && strings.HasPrefix(s[v-1:], Mark) {
			continue
		}
		b.WriteString(s[last:v])
		b.WriteString(Mark)
		last = l[5]
	}
	b.WriteString(s[last:])
	return b.String()
}

// replaceBounded replaces the matches of re that are not part of a longer
// word (the characters either side fail inWord).
func replaceBounded(s string, re *regexp.Regexp, inWord func(byte) bool) string {
	locs := re.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		if l[0] > 0 && inWord(s[l[0]-1]) || l[1] < len(s) && inWord(s[l[1]]) {
			continue
		}
		b.WriteString(s[last:l[0]])
		b.WriteString(Mark)
		last = l[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// secretShaped reports whether a 40-character run looks like a secret
// access key: base64 characters only, with upper and lower case letters and
// a digit or a + or /. (A hex SHA-1, lower case only, is not.)
func secretShaped(t string) bool {
	var upper, lower, other bool
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9' || c == '+' || c == '/':
			other = true
		default:
			return false
		}
	}
	return upper && lower && other
}
