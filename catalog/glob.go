package catalog

import (
	"sort"
	"strings"
	"unsafe"
)

// ExpandAction returns the full names ("service:Name", canonical case) of the
// actions that pattern matches, sorted. Matching is case-insensitive; '*'
// matches any run of characters and '?' any single character, across the
// whole "service:action" string as in a policy's Action element
// ("backup:Start*", "*", "s3:*Object?"). A pattern without wildcards yields
// the action itself, if it exists.
func ExpandAction(pattern string) []string { return get().expandAction(pattern) }

func (d *db) expandAction(pattern string) []string {
	lp := lowerASCII(pattern)
	var out []string
	add := func(a *Action) { out = append(out, a.FullName()) }

	svcPat, actPat, hasColon := strings.Cut(lp, ":")
	switch {
	case hasColon && strings.ContainsRune(actPat, ':'):
		// Action names hold exactly one ':', which a literal ':' must
		// match; a second one can never match.
		return nil
	case hasColon:
		// The pattern's ':' must match the name's ':'.
		ag, sg := compileGlob(actPat), compileGlob(svcPat)
		lit := literalPrefix(actPat)
		match := func(s *svcEntry) {
			for i := range s.actions {
				if strings.HasPrefix(s.actLower[i], lit) && ag.match(s.actLower[i]) {
					add(&s.actions[i])
				}
			}
		}
		if !strings.ContainsAny(svcPat, "*?") {
			if s := d.service(svcPat); s != nil {
				match(s)
			}
			break
		}
		for i := range d.services {
			if s := &d.services[i]; sg.match(s.lower) {
				match(d.decoded(s))
			}
		}
	default:
		// A wildcard has to stand for the ':' too.
		g := compileGlob(lp)
		var buf []byte
		services := d.all()
		for si := range services {
			s := &services[si]
			for i := range s.actions {
				buf = append(append(append(buf[:0], s.lower...), ':'), s.actLower[i]...)
				if g.match(unsafe.String(unsafe.SliceData(buf), len(buf))) {
					add(&s.actions[i])
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// globMatch reports whether s matches pattern, where '*' matches any run of
// bytes and '?' any one byte.
func globMatch[S ~string | ~[]byte](pattern string, s S) bool {
	return compileGlob(pattern).match(string(s))
}

// literalPrefix is the part of a glob pattern before its first wildcard,
// which every name it matches starts with.
func literalPrefix(pattern string) string {
	if i := strings.IndexAny(pattern, "*?"); i >= 0 {
		return pattern[:i]
	}
	return pattern
}

// glob is a pattern compiled for matching many names: runs of stars
// collapsed, and the length a name needs.
type glob struct {
	pat  string
	need int // bytes a match needs: all but the stars
}

func compileGlob(pattern string) glob {
	if strings.Contains(pattern, "**") {
		b := make([]byte, 0, len(pattern))
		for i := 0; i < len(pattern); i++ {
			if pattern[i] == '*' && len(b) > 0 && b[len(b)-1] == '*' {
				continue
			}
			b = append(b, pattern[i])
		}
		pattern = string(b)
	}
	return glob{pat: pattern, need: len(pattern) - strings.Count(pattern, "*")}
}

// match cuts the pattern at its stars: the first piece must match at the
// start of s, the last at its end, and each one between at its leftmost
// place after the previous one (leftmost is always right, as a star takes
// anything). It runs in O(len(pattern) + len(s)*longest piece), never
// backtracking over the pattern.
func (g glob) match(s string) bool {
	if len(s) < g.need {
		return false
	}
	pat := g.pat
	star := strings.IndexByte(pat, '*')
	if star < 0 {
		return len(pat) == len(s) && pieceAt(pat, s, 0)
	}
	if !pieceAt(pat[:star], s, 0) {
		return false
	}
	pos := star
	rest := pat[star+1:]
	for {
		star = strings.IndexByte(rest, '*')
		if star < 0 { // the last piece, at the end
			return len(s)-pos >= len(rest) && pieceAt(rest, s, len(s)-len(rest))
		}
		piece := rest[:star]
		rest = rest[star+1:]
		i := pieceIndex(piece, s, pos)
		if i < 0 {
			return false
		}
		pos = i + len(piece)
	}
}

// pieceAt reports whether piece (no '*'; '?' is any byte) matches s at at.
func pieceAt(piece, s string, at int) bool {
	if len(s)-at < len(piece) {
		return false
	}
	for i := 0; i < len(piece); i++ {
		if piece[i] != '?' && piece[i] != s[at+i] {
			return false
		}
	}
	return true
}

// pieceIndex returns the first place at or after from where piece matches
// s, or -1.
func pieceIndex(piece, s string, from int) int {
	if !strings.Contains(piece, "?") {
		if i := strings.Index(s[from:], piece); i >= 0 {
			return from + i
		}
		return -1
	}
	for at := from; at+len(piece) <= len(s); at++ {
		if pieceAt(piece, s, at) {
			return at
		}
	}
	return -1
}

// MatchesAnyAction reports whether pattern (as in ExpandAction) matches at
// least one known action. It stops at the first match and does not build
// the list, so it is cheap enough to run on every policy statement.
func MatchesAnyAction(pattern string) bool { return get().matchesAnyAction(pattern) }

func (d *db) matchesAnyAction(pattern string) bool {
	var pbuf [128]byte
	lp := appendLower(pbuf[:0], pattern)
	svcPat, actPat, hasColon := strings.Cut(string(lp), ":")
	switch {
	case hasColon && strings.ContainsRune(actPat, ':'):
		return false
	case hasColon:
		ag, sg := compileGlob(actPat), compileGlob(svcPat)
		lit := literalPrefix(actPat)
		match := func(s *svcEntry) bool {
			// Every name the pattern matches starts with its literal
			// prefix: in the sorted names, they are the run from the
			// first name at or after the prefix.
			for i := sort.SearchStrings(s.actLower, lit); i < len(s.actLower) && strings.HasPrefix(s.actLower[i], lit); i++ {
				if ag.match(s.actLower[i]) {
					return true
				}
			}
			return false
		}
		if !strings.ContainsAny(svcPat, "*?") {
			s := d.service(svcPat)
			return s != nil && match(s)
		}
		for i := range d.services {
			if s := &d.services[i]; sg.match(s.lower) && match(d.decoded(s)) {
				return true
			}
		}
		return false
	}
	g := compileGlob(string(lp))
	var buf []byte
	services := d.all()
	for si := range services {
		s := &services[si]
		for i := range s.actions {
			buf = append(append(append(buf[:0], s.lower...), ':'), s.actLower[i]...)
			if g.match(unsafe.String(unsafe.SliceData(buf), len(buf))) {
				return true
			}
		}
	}
	return false
}
