package authzmsg

import (
	"github.com/deniedhq/denied/internal/i18n"
	"regexp"
	"strings"
	"sync"
	"unicode"
)

var (
	encMarkerRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)encoded authorization failure message\s*:?`) })
	// placeholderAtRE is a placeholder where the encoded message belongs:
	// <省略>, <omitted>, (encoded error message), [...], …, ...
	placeholderAtRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:<[^<>\n]{1,40}>|\([^()\n]{1,40}\)|\[[^\[\]\n]{0,40}\]|…+|\.{3,})`)
	})
)

// minEncodedLen is the shortest run taken for an encoded message; real ones
// are hundreds of characters long.
const minEncodedLen = 20

func isBlobByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '+' || c == '/' || c == '='
}

// CleanEncoded removes every whitespace character (line breaks a console or
// a log put in) from an encoded authorization failure message.
func CleanEncoded(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// encodedFinding is what findEncoded saw after the marker.
type encodedFinding struct {
	marker     bool
	blob       string
	omitted    bool
	truncated  bool
	unreadable i18n.Message
}

// findEncoded finds "Encoded authorization failure message:" and the message
// after it, joining the lines a console wrapped it into.
func findEncoded(s, low string) encodedFinding {
	var f encodedFinding
	if !strings.Contains(low, "encoded authorization failure message") {
		return f
	}
	loc := encMarkerRE().FindStringIndex(s)
	if loc == nil {
		return f
	}
	f.marker = true
	rest := strings.TrimLeft(s[loc[1]:], " \t\r\n\u00a0\u3000")
	if m := placeholderAtRE().FindString(rest); m != "" {
		f.omitted = true
		f.unreadable = unreadable("encoded-left-out-as", m)
		return f
	}
	var b strings.Builder
	pos := 0
	for {
		j := pos
		for j < len(rest) && isBlobByte(rest[j]) {
			j++
		}
		b.WriteString(rest[pos:j])
		// Continue on the next line only when this run reached the end of
		// its line and the next line starts with more of the message.
		if j >= len(rest) || (rest[j] != '\n' && rest[j] != '\r') {
			pos = j
			break
		}
		k := j
		for k < len(rest) && (rest[k] == '\r' || rest[k] == '\n') {
			k++
		}
		for k < len(rest) && (rest[k] == ' ' || rest[k] == '\t') {
			k++
		}
		e := k
		for e < len(rest) && isBlobByte(rest[e]) {
			e++
		}
		lineEnd := e
		for lineEnd < len(rest) && rest[lineEnd] != '\n' && rest[lineEnd] != '\r' {
			lineEnd++
		}
		whole := strings.TrimRight(rest[e:lineEnd], " \t") == ""
		if e == k || (!whole && e-k < 16) || b.Len() < minEncodedLen {
			pos = j
			break
		}
		pos = k
		if !whole {
			b.WriteString(rest[k:e])
			pos = e
			break
		}
	}
	blob := b.String()
	after := rest[pos:]
	if strings.HasPrefix(after, "...") || strings.HasPrefix(after, "…") {
		f.truncated = true
	}
	if len(blob) < minEncodedLen {
		if f.truncated || blob == "" {
			f.omitted = true
			f.unreadable = unreadable("encoded-left-out")
			f.truncated = false
			return f
		}
		f.unreadable = unreadable("encoded-too-short", blob)
		return f
	}
	f.blob = blob
	if f.truncated {
		f.unreadable = unreadable("encoded-ellipsis")
	}
	return f
}
