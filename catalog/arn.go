package catalog

import (
	"math"
	"strings"

	"github.com/deniedhq/denied/internal/arn"
)

// ResourceTypesForARN returns the names of the action's resource types that
// arn is a resource of, in the order of action.ResourceTypes; nil if none.
// The ARN "*" matches all of the action's resource types. An action without
// resource types (one that only supports "*") matches nothing.
//
// arn is taken as a concrete ARN: wildcards in it are plain characters
// (so "arn:aws:s3:::bucket/*" reads as an object whose key is "*").
//
// An ARN is matched against the ARN formats of every resource type of the
// action's service. In a format, a ${...} placeholder stands for a non-empty
// run of characters without ':' (the last placeholder may contain ':'), and
// '*' for any run. Placeholders may span '/', so that
// "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}" matches a role
// with a path, but formats that explain the ARN with fewer '/' and ':' inside
// placeholders win: an S3 object ARN "arn:aws:s3:::bucket/key" is an object,
// not a bucket named "bucket/key", and a DynamoDB index ARN is an index, not
// a table. So s3:ListBucket (bucket only) matches nothing for an object ARN.
// If the best explanation is none of the action's types, the action's types
// that match with only extra ':' inside placeholders are returned instead:
// ':' commonly introduces a qualifier (a Lambda version or alias, a log
// group's ":*"), so lambda:InvokeFunction matches
// "arn:aws:lambda:us-east-1:111122223333:function:f:PROD" as a function.
func ResourceTypesForARN(action Action, arn string) []string {
	return get().resourceTypesForARN(action, arn)
}

func (d *db) resourceTypesForARN(action Action, resARN string) []string {
	if len(action.ResourceTypes) == 0 {
		return nil
	}
	if resARN == "*" {
		out := make([]string, len(action.ResourceTypes))
		for i, rt := range action.ResourceTypes {
			out[i] = rt.Name
		}
		return out
	}
	s := d.service(action.Service)
	if s == nil {
		return nil
	}
	a, ok := arn.Parse(resARN)
	if !ok || len(resARN) > maxARNLen {
		return nil
	}
	s.compileFormats()

	// scores[i] is the best score of s.rts[i].
	var small [64]int32
	scores := small[:min(len(s.rts), len(small))]
	if len(s.rts) > len(small) {
		scores = make([]int32, len(s.rts))
	}
	for i := range scores {
		scores[i] = noMatch
	}
	var scratch matchScratch
	best := int32(noMatch)
	for i := range s.formats {
		f := &s.formats[i]
		sc := f.match(a, &scratch)
		if sc < scores[f.rt] {
			scores[f.rt] = sc
		}
		if sc < best {
			best = sc
		}
	}
	if best == noMatch {
		return nil
	}

	var out []string
	var buf [96]byte
	scoreOf := func(name string) int32 {
		i, ok := s.rtIdx[string(appendLower(buf[:0], name))]
		if !ok {
			return noMatch
		}
		return scores[i]
	}
	for _, rt := range action.ResourceTypes {
		if sc := scoreOf(rt.Name); sc != noMatch && separators(sc) == separators(best) {
			out = append(out, rt.Name)
		}
	}
	if out == nil {
		for _, rt := range action.ResourceTypes {
			if sc := scoreOf(rt.Name); sc != noMatch && slashes(sc) <= slashes(best) {
				out = append(out, rt.Name)
			}
		}
	}
	return out
}

// maxARNLen bounds the ARNs ResourceTypesForARN looks at (AWS ARNs are at
// most 2048 characters); it also keeps scores within their packing.
const maxARNLen = 8192

// A match score packs the number of '/' and ':' characters that placeholders
// had to absorb (high bits) and the number of '/' among them (low bits);
// lower is better.
const noMatch = math.MaxInt32

func separators(sc int32) int32 { return sc >> 16 }
func slashes(sc int32) int32    { return sc & 0xffff }

const (
	slashCost = 1<<16 + 1
	colonCost = 1 << 16
)

type tokKind uint8

const (
	tLit    tokKind = iota
	tPh             // ${...}: non-empty, no ':'
	tPhLast         // the last ${...} of a resource part: non-empty, any characters
	tStar           // *: any run, possibly empty
)

type tok struct {
	kind tokKind
	lit  string
}

// compiledFormat is an ARN format split into tokens, field by field.
type compiledFormat struct {
	rt       int32 // index of the resource type in its service's rts
	fields   [4][]tok
	resource []tok
}

// compileFormats compiles the ARN formats of the service's resource types,
// once.
func (s *svcEntry) compileFormats() {
	s.formatsOnce.Do(func() {
		for i, rt := range s.rts {
			for _, f := range rt.ARNFormats {
				if cf, ok := compileFormat(f); ok {
					cf.rt = int32(i)
					s.formats = append(s.formats, cf)
				}
			}
		}
	})
}

func compileFormat(f string) (compiledFormat, bool) {
	var cf compiledFormat
	a, ok := arn.Parse(f)
	if !ok {
		return cf, false
	}
	for i, field := range [4]string{a.Partition, a.Service, a.Region, a.Account} {
		cf.fields[i] = tokenize(field)
	}
	cf.resource = tokenize(a.Resource)
	for i := len(cf.resource) - 1; i >= 0; i-- {
		if cf.resource[i].kind == tPh {
			cf.resource[i].kind = tPhLast
			break
		}
	}
	return cf, true
}

// tokenize splits a format into literals, ${...} placeholders and '*'.
func tokenize(s string) []tok {
	var toks []tok
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "${"):
			end := strings.IndexByte(s, '}')
			if end < 0 {
				toks = append(toks, tok{kind: tLit, lit: s})
				return toks
			}
			toks = append(toks, tok{kind: tPh})
			s = s[end+1:]
		case s[0] == '*':
			toks = append(toks, tok{kind: tStar})
			s = s[1:]
		default:
			end := len(s)
			if i := strings.Index(s, "${"); i >= 0 {
				end = i
			}
			if i := strings.IndexByte(s[:end], '*'); i >= 0 {
				end = i
			}
			toks = append(toks, tok{kind: tLit, lit: s[:end]})
			s = s[end:]
		}
	}
	return toks
}

type matchScratch struct {
	cur, next []int32
}

// match returns the score of a against the format, or noMatch.
func (f *compiledFormat) match(a arn.ARN, sc *matchScratch) int32 {
	for i, v := range [4]string{a.Partition, a.Service, a.Region, a.Account} {
		if !matchField(f.fields[i], v, sc) {
			return noMatch
		}
	}
	return matchTokens(f.resource, a.Resource, sc)
}

// matchField matches one of the fixed fields of an ARN.
func matchField(toks []tok, v string, sc *matchScratch) bool {
	switch {
	case len(toks) == 0:
		return v == ""
	case len(toks) == 1 && toks[0].kind == tLit:
		return v == toks[0].lit
	case len(toks) == 1 && toks[0].kind == tStar:
		return true
	case len(toks) == 1:
		return v != ""
	}
	return matchTokens(toks, v, sc) != noMatch
}

// matchTokens returns the best score of s against toks, or noMatch. It is a
// dynamic program over positions in s: cur[p] is the best score with s[:p]
// consumed by the tokens seen so far.
func matchTokens(toks []tok, s string, sc *matchScratch) int32 {
	n := len(s)
	if cap(sc.cur) < n+1 {
		sc.cur = make([]int32, n+1)
		sc.next = make([]int32, n+1)
	}
	cur, next := sc.cur[:n+1], sc.next[:n+1]
	for i := range cur {
		cur[i] = noMatch
	}
	cur[0] = 0
	for _, t := range toks {
		for i := range next {
			next[i] = noMatch
		}
		reached := false
		for p, base := range cur {
			if base == noMatch {
				continue
			}
			switch t.kind {
			case tLit:
				if strings.HasPrefix(s[p:], t.lit) {
					q := p + len(t.lit)
					next[q] = min(next[q], base)
					reached = true
				}
			case tStar, tPh, tPhLast:
				score := base
				if t.kind == tStar {
					next[p] = min(next[p], score)
					reached = true
				}
			scan:
				for e := p; e < n; e++ {
					switch s[e] {
					case ':':
						if t.kind == tPh {
							break scan
						}
						score += colonCost
					case '/':
						score += slashCost
					}
					next[e+1] = min(next[e+1], score)
					reached = true
				}
			}
		}
		if !reached {
			return noMatch
		}
		cur, next = next, cur
	}
	return cur[n]
}
