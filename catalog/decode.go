package catalog

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/deniedhq/denied/catalog/internal/catdata"
)

// load decodes a catalog produced by the generator: the catalog proper now,
// service bodies and the descriptions (descGz) when first needed.
func load(raw string, descGz []byte) (*db, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	d.descGz = descGz
	return d, nil
}

// lowerArena hands out lower-cased copies of names, many to an allocation.
// A strings.Builder never changes bytes it has written, and a string it
// returned keeps its buffer alive when it grows, so each copy is a string
// cut out of the builder's buffer.
type lowerArena struct {
	b     strings.Builder
	chunk int
}

// lower returns s with ASCII letters lower-cased, s itself when it has none.
func (a *lowerArena) lower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	if a.b.Cap()-a.b.Len() < len(s) {
		a.b = strings.Builder{}
		a.b.Grow(max(a.chunk, len(s)))
	}
	start := a.b.Len()
	a.b.WriteString(s[:i])
	for j := i; j < len(s); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		a.b.WriteByte(c)
	}
	return a.b.String()[start:]
}

// gunzip decompresses b into a string without copying the result.
func gunzip(b []byte) (string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	// The gzip trailer ends with the uncompressed size (mod 2^32).
	if n := len(b); n >= 4 {
		if size := binary.LittleEndian.Uint32(b[n-4:]); size <= 64<<20 {
			sb.Grow(int(size))
		}
	}
	if _, err := io.Copy(&sb, zr); err != nil {
		return "", err
	}
	if err := zr.Close(); err != nil {
		return "", err
	}
	return sb.String(), nil
}

// decode decodes an uncompressed catalog up to the service bodies, which it
// keeps for decodeService (see package catdata for the layout). Strings in the
// result share the memory of s.
func decode(s string) (*db, error) {
	r := catdata.NewReader(s)
	r.Literal(catdata.Magic)
	if v := r.Uvarint(); r.Err() == nil && v != catdata.FormatVersion {
		return nil, fmt.Errorf("%w: format version %d, want %d", catdata.ErrCorrupt, v, catdata.FormatVersion)
	}
	names := r.FixedTable()
	if r.Err() != nil {
		return nil, r.Err()
	}
	if names.Len() == 0 {
		// Also lets a failed read (which yields index 0) index names.
		return nil, fmt.Errorf("%w: empty names table", catdata.ErrCorrupt)
	}

	d := &db{names: names}
	ni := func() int { return r.Index(names.Len()) }
	str := func() string { return names.At(ni()) }
	d.pkg, d.version, d.updatedAt = str(), str(), str()
	d.nDescs = r.Int(len(s))

	var dup string
	setIdx := func(m map[string]int32, k string, i int) {
		if _, ok := m[k]; ok && dup == "" {
			dup = k
		}
		m[k] = int32(i)
	}

	var lower lowerArena
	lower.chunk = 16 << 10
	nKeys := r.Int(len(s))
	d.keys = make([]ConditionKey, nKeys)
	d.keyIdx = make(map[string]int32, nKeys)
	for i := range d.keys {
		name := str()
		d.keys[i] = ConditionKey{Name: name, Type: KeyType(str()), Description: str()}
		d.keys[i].Global = r.Uvarint()&catdata.KeyGlobal != 0
		setIdx(d.keyIdx, lower.lower(name), i)
	}

	nSvc := r.Int(len(s))
	d.services = make([]svcEntry, nSvc)
	d.svcIdx = make(map[string]int32, nSvc)
	for i := range d.services {
		e := &d.services[i]
		e.Prefix = str()
		e.lower = lower.lower(e.Prefix)
		e.Name = str()
		e.RCPSupported = r.Uvarint()&catdata.ServiceRCP != 0
		bodyLen := r.Int(len(s))
		start := r.Pos()
		r.Skip(bodyLen)
		if r.Err() != nil {
			return nil, r.Err()
		}
		e.body = s[start : start+bodyLen]
		setIdx(d.svcIdx, e.lower, i)
	}
	switch {
	case r.Err() != nil:
		return nil, r.Err()
	case r.Pos() != len(s):
		return nil, fmt.Errorf("%w: %d trailing bytes", catdata.ErrCorrupt, len(s)-r.Pos())
	case dup != "":
		return nil, fmt.Errorf("%w: duplicate name %q", catdata.ErrCorrupt, dup)
	}
	return d, nil
}

// decodeService decodes the body of a service.
func (d *db) decodeService(e *svcEntry) error {
	r := catdata.NewReader(e.body)
	names := d.names
	str := func() string { return names.At(r.Index(names.Len())) }
	limit := len(e.body) // no count can exceed the body's size
	var lower lowerArena
	lower.chunk = 2 << 10

	nRT, nAct, nART, nScen, nScenRT, nRefs := r.Int(limit), r.Int(limit), r.Int(limit), r.Int(limit), r.Int(limit), r.Int(limit)
	if r.Err() != nil {
		return fmt.Errorf("service %s: %w", e.Prefix, r.Err())
	}

	// Every slice is carved out of these, with capacity limited to its
	// length.
	refs := make([]string, nRefs)
	arts := make([]ActionResourceType, nART)
	scens := make([]Scenario, nScen)
	scenRTs := make([]ScenarioResourceType, nScenRT)
	var refPos, artPos, scenPos, scenRTPos int
	list := func() []string {
		n := r.Int(nRefs - refPos)
		if n == 0 {
			return nil
		}
		l := refs[refPos : refPos+n : refPos+n]
		refPos += n
		for i := range l {
			l[i] = str()
		}
		return l
	}
	var dup string
	setIdx := func(m map[string]int32, k string, i int) {
		if _, ok := m[k]; ok && dup == "" {
			dup = k
		}
		m[k] = int32(i)
	}

	e.rts = make([]ResourceType, nRT)
	e.rtIdx = make(map[string]int32, nRT)
	for i := range e.rts {
		name := str()
		e.rts[i] = ResourceType{Service: e.Prefix, Name: name, ARNFormats: list(), ConditionKeys: list()}
		setIdx(e.rtIdx, lower.lower(name), i)
	}

	e.actions = make([]Action, nAct)
	e.actLower = make([]string, nAct)
	e.actIdx = make(map[string]int32, nAct)
	for i := range e.actions {
		a := &e.actions[i]
		a.Service, a.Name = e.Prefix, str()
		e.actLower[i] = lower.lower(a.Name)
		setIdx(e.actIdx, e.actLower[i], i)
		a.src, a.desc = d, int32(r.Index(d.nDescs))+1
		a.AccessLevel = str()
		if c := r.Int(nART - artPos); c > 0 {
			a.ResourceTypes = arts[artPos : artPos+c : artPos+c]
			artPos += c
			for j := range a.ResourceTypes {
				rt := &a.ResourceTypes[j]
				rt.Name = str()
				rt.Required = r.Uvarint() != 0
				rt.ConditionKeys = list()
				rt.DependentActions = list()
			}
		}
		a.ConditionKeys = list()
		a.DependentActions = list()
		if c := r.Int(nScen - scenPos); c > 0 {
			a.Scenarios = scens[scenPos : scenPos+c : scenPos+c]
			scenPos += c
			for j := range a.Scenarios {
				sc := &a.Scenarios[j]
				sc.Name = str()
				if c := r.Int(nScenRT - scenRTPos); c > 0 {
					sc.ResourceTypes = scenRTs[scenRTPos : scenRTPos+c : scenRTPos+c]
					scenRTPos += c
					for k := range sc.ResourceTypes {
						sc.ResourceTypes[k] = ScenarioResourceType{Name: str(), Required: r.Uvarint() != 0}
					}
				}
			}
		}
	}
	e.keys = list()

	switch {
	case r.Err() != nil:
		return fmt.Errorf("service %s: %w", e.Prefix, r.Err())
	case r.Pos() != len(e.body):
		return fmt.Errorf("%w: service %s: %d trailing bytes", catdata.ErrCorrupt, e.Prefix, len(e.body)-r.Pos())
	case artPos != nART || scenPos != nScen || scenRTPos != nScenRT || refPos != nRefs:
		return fmt.Errorf("%w: service %s: counts do not match", catdata.ErrCorrupt, e.Prefix)
	case dup != "":
		return fmt.Errorf("%w: service %s: duplicate name %q", catdata.ErrCorrupt, e.Prefix, dup)
	}
	e.body = ""
	return nil
}

// decodeDescriptions decodes the descriptions file.
func decodeDescriptions(gz []byte, want int) ([]string, error) {
	s, err := gunzip(gz)
	if err != nil {
		return nil, fmt.Errorf("descriptions: %w", err)
	}
	r := catdata.NewReader(s)
	r.Literal(catdata.DescMagic)
	if v := r.Uvarint(); r.Err() == nil && v != catdata.DescFormatVersion {
		return nil, fmt.Errorf("%w: descriptions: format version %d, want %d", catdata.ErrCorrupt, v, catdata.DescFormatVersion)
	}
	descs, _ := r.Table()
	switch {
	case r.Err() != nil:
		return nil, fmt.Errorf("descriptions: %w", r.Err())
	case r.Pos() != len(s):
		return nil, fmt.Errorf("%w: descriptions: %d trailing bytes", catdata.ErrCorrupt, len(s)-r.Pos())
	case len(descs) != want:
		return nil, fmt.Errorf("%w: %d descriptions, the catalog expects %d", catdata.ErrCorrupt, len(descs), want)
	}
	return descs, nil
}
