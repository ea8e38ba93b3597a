package catalog

import (
	"sort"
	"strings"
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
		match := func(s *svcEntry) {
			for i := range s.actions {
				if globMatch(actPat, s.actLower[i]) {
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
			if s := &d.services[i]; globMatch(svcPat, s.lower) {
				match(d.decoded(s))
			}
		}
	default:
		// A wildcard has to stand for the ':' too.
		var buf []byte
		services := d.all()
		for si := range services {
			s := &services[si]
			for i := range s.actions {
				buf = append(append(append(buf[:0], s.lower...), ':'), s.actLower[i]...)
				if globMatch(lp, buf) {
					add(&s.actions[i])
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// globMatch reports whether s matches pattern, where '*' matches any run of
// bytes and '?' any one byte. It runs in O(len(pattern)*len(s)) at worst.
func globMatch[S ~string | ~[]byte](pattern string, s S) bool {
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
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
		match := func(s *svcEntry) bool {
			for i := range s.actions {
				if globMatch(actPat, s.actLower[i]) {
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
			if s := &d.services[i]; globMatch(svcPat, s.lower) && match(d.decoded(s)) {
				return true
			}
		}
		return false
	}
	var buf []byte
	services := d.all()
	for si := range services {
		s := &services[si]
		for i := range s.actions {
			buf = append(append(append(buf[:0], s.lower...), ':'), s.actLower[i]...)
			if globMatch(string(lp), buf) {
				return true
			}
		}
	}
	return false
}
