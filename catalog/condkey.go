package catalog

import (
	"bytes"
	"strings"
)

// LookupConditionKey returns the condition key named key, case-insensitively.
// It knows the AWS global keys (aws:SourceIp, aws:PrincipalTag/${TagKey}, ...)
// and the keys of every service. A key that is not known by its exact name is
// matched against the templated keys: "aws:ResourceTag/Owner" finds
// "aws:ResourceTag/${TagKey}", "s3:ExistingObjectTag/team" finds
// "s3:ExistingObjectTag/<key>" and "kms:EncryptionContext:aws:s3:arn" finds
// "kms:EncryptionContext:${EncryptionContextKey}". A placeholder stands for
// any non-empty text; when several templates match, the one with the most
// literal text wins. The returned key's Name is the catalog's name (with its
// placeholder for a templated key).
func LookupConditionKey(key string) (ConditionKey, bool) { return get().lookupConditionKey(key) }

func (d *db) lookupConditionKey(key string) (ConditionKey, bool) {
	var buf [128]byte
	lk := appendLower(buf[:0], key)
	if i, ok := d.keyIdx[string(lk)]; ok {
		return d.keys[i], true
	}
	colon := bytes.IndexByte(lk, ':')
	if colon <= 0 {
		return ConditionKey{}, false
	}
	t := d.templates()
	best, bestLen := int32(-1), -1
	try := func(ts []keyTemplate) {
		for i := range ts {
			if tp := &ts[i]; tp.litLen > bestLen && tp.match(lk) {
				best, bestLen = tp.key, tp.litLen
			}
		}
	}
	try(t.byPrefix[string(lk[:colon])])
	try(t.wild)
	if best < 0 {
		return ConditionKey{}, false
	}
	return d.keys[best], true
}

// templates holds the templated condition keys, by lower-case prefix.
type templates struct {
	byPrefix map[string][]keyTemplate
	wild     []keyTemplate // keys whose prefix has a placeholder (OIDC providers)
}

// keyTemplate is a templated key: its lower-cased literal parts around the
// placeholders, lits[0] first and lits[len(lits)-1] last.
type keyTemplate struct {
	key    int32
	lits   [][]byte
	litLen int
}

func (d *db) templates() *templates {
	d.tmplOnce.Do(func() {
		t := &templates{byPrefix: make(map[string][]keyTemplate)}
		for i, k := range d.keys {
			if !strings.Contains(k.Name, "${") && strings.IndexByte(k.Name, '<') < 0 {
				continue // no placeholder: found by keyIdx alone
			}
			lits := splitTemplate(lowerASCII(k.Name))
			if len(lits) < 2 {
				continue
			}
			tp := keyTemplate{key: int32(i)}
			for _, l := range lits {
				tp.lits = append(tp.lits, []byte(l))
				tp.litLen += len(l)
			}
			if prefix, _, ok := strings.Cut(lits[0], ":"); ok {
				t.byPrefix[prefix] = append(t.byPrefix[prefix], tp)
			} else {
				t.wild = append(t.wild, tp)
			}
		}
		d.tmpl = t
	})
	return d.tmpl
}

// splitTemplate splits a key name at its placeholders, ${...} or <...>,
// returning the literal parts (one more than the placeholders).
func splitTemplate(name string) []string {
	var lits []string
	for {
		i := strings.Index(name, "${")
		j := strings.IndexByte(name, '<')
		var end int
		switch {
		case i >= 0 && (j < 0 || i < j):
			end = strings.IndexByte(name[i:], '}')
			if end < 0 {
				return append(lits, name)
			}
			end += i + 1
		case j >= 0:
			i = j
			end = strings.IndexByte(name[j:], '>')
			if end < 0 {
				return append(lits, name)
			}
			end += j + 1
		default:
			return append(lits, name)
		}
		lits = append(lits, name[:i])
		name = name[end:]
	}
}

// match reports whether s (lower-cased) is an instance of the template, each
// placeholder standing for at least one character. Matching middle literals
// at their leftmost possible place is optimal for such patterns.
func (t *keyTemplate) match(s []byte) bool {
	first, last := t.lits[0], t.lits[len(t.lits)-1]
	if !bytes.HasPrefix(s, first) || !bytes.HasSuffix(s, last) {
		return false
	}
	pos, end := len(first), len(s)-len(last)
	for _, lit := range t.lits[1 : len(t.lits)-1] {
		if pos+1 > end {
			return false
		}
		j := bytes.Index(s[pos+1:end], lit)
		if j < 0 {
			return false
		}
		pos += 1 + j + len(lit)
	}
	return end-pos >= 1
}
