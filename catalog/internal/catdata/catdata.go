// Package catdata holds the primitives of the compact binary encoding of the
// service-authorization catalog, shared by the generator (which writes it) and
// package catalog (which reads it).
//
// # Encoding
//
// The catalog is two files: the catalog proper, stored uncompressed so that a
// process reads its strings in place (no decompression, no copy: it is
// embedded in the binary's read-only data), and the descriptions of the
// actions, most of the bytes and only needed for text output, gzip-compressed
// (no name, no timestamp, best compression) and decompressed when asked for.
//
// The catalog is:
//
//	magic          the bytes of Magic
//	version        uvarint, FormatVersion
//	names table    a fixed table (see below) of every string but the
//	               descriptions of actions
//	N package, N version, N updatedAt
//	uvarint        number of action descriptions
//	uvarint        number of condition keys; per key:
//	    N name, N type, N description, uvarint flags (KeyGlobal)
//	uvarint        number of services; per service:
//	    N prefix, N name, uvarint flags (ServiceRCP),
//	    uvarint length of the service body, then the body
//
// where N is a uvarint index into the names table, and a list below is a
// uvarint count followed by that many N. A service body, which a reader can
// skip until the service is used, is:
//
//	uvarint counts: resource types, actions, action resource types,
//	                scenarios, scenario resource types, list entries
//	per resource type: N name, list ARN formats, list condition keys
//	per action:
//	    N name, uvarint description (index into the descriptions table),
//	    N access level
//	    uvarint count, per action resource type:
//	        N name, uvarint required (0/1), list condition keys,
//	        list dependent actions
//	    list condition keys, list dependent actions
//	    uvarint count, per scenario:
//	        N name, uvarint count, per resource type: N name,
//	        uvarint required
//	list condition keys defined by the service
//
// A fixed table is uvarint count, uvarint total length of the strings, count
// little-endian uint32 end offsets (the end of string i, relative to the
// start of the concatenated bytes), then the concatenated bytes: string i is
// found without reading the others.
//
// The descriptions file is DescMagic, uvarint DescFormatVersion, and a string
// table: uvarint count, then count uvarint lengths, then the concatenated
// bytes.
//
// Services are sorted by prefix; actions, resource types and condition keys
// by their lower-case name. The counts let a reader allocate each slice once.
package catdata

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Magic starts an encoded catalog, DescMagic its descriptions file.
const (
	Magic     = "denied-catalog\n"
	DescMagic = "denied-catalog-descriptions\n"
)

// FormatVersion is the version of the catalog's encoding described in the
// package documentation, DescFormatVersion that of its descriptions file.
// Bump them on any incompatible change.
const (
	FormatVersion     = 2
	DescFormatVersion = 1
)

// Flag bits.
const (
	// KeyGlobal marks an AWS global condition key (aws:...).
	KeyGlobal = 1 << 0
	// ServiceRCP marks a service that supports resource control policies.
	ServiceRCP = 1 << 0
)

// Writer appends the primitives of the encoding to a byte slice.
type Writer struct {
	B []byte
}

// Uvarint appends v as an unsigned varint.
func (w *Writer) Uvarint(v uint64) { w.B = binary.AppendUvarint(w.B, v) }

// Int appends a non-negative int as an unsigned varint.
func (w *Writer) Int(v int) {
	if v < 0 {
		panic(fmt.Sprintf("catdata: negative value %d", v))
	}
	w.Uvarint(uint64(v))
}

// Bytes appends raw bytes.
func (w *Writer) Bytes(b string) { w.B = append(w.B, b...) }

// Table is a string table under construction: strings are numbered in the
// order they are first interned.
type Table struct {
	idx  map[string]int
	strs []string
}

// Intern returns the index of s, adding it if needed.
func (t *Table) Intern(s string) int {
	if i, ok := t.idx[s]; ok {
		return i
	}
	if t.idx == nil {
		t.idx = make(map[string]int)
	}
	i := len(t.strs)
	t.idx[s] = i
	t.strs = append(t.strs, s)
	return i
}

// Len reports the number of strings in t.
func (t *Table) Len() int { return len(t.strs) }

// WriteTo appends the table: count, lengths, concatenated bytes.
func (t *Table) WriteTo(w *Writer) {
	w.Int(len(t.strs))
	for _, s := range t.strs {
		w.Int(len(s))
	}
	for _, s := range t.strs {
		w.Bytes(s)
	}
}

// WriteFixedTo appends the table as a fixed table: count, total length, end
// offsets, concatenated bytes.
func (t *Table) WriteFixedTo(w *Writer) {
	total := 0
	for _, s := range t.strs {
		total += len(s)
	}
	if uint64(total) > math.MaxUint32 {
		panic(fmt.Sprintf("catdata: string table of %d bytes", total))
	}
	w.Int(len(t.strs))
	w.Int(total)
	end := 0
	for _, s := range t.strs {
		end += len(s)
		w.B = binary.LittleEndian.AppendUint32(w.B, uint32(end))
	}
	for _, s := range t.strs {
		w.Bytes(s)
	}
}

// ErrCorrupt is returned (wrapped) for any malformed input.
var ErrCorrupt = errors.New("catdata: corrupt catalog")

// Reader decodes the primitives of the encoding from a string. The first error
// sticks: later reads return zero values, and Err reports it.
type Reader struct {
	s   string
	pos int
	err error
}

// NewReader returns a Reader over s.
func NewReader(s string) *Reader { return &Reader{s: s} }

// Err returns the first error met, if any.
func (r *Reader) Err() error { return r.err }

// Pos returns the current offset.
func (r *Reader) Pos() int { return r.pos }

func (r *Reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: at offset %d: %s", ErrCorrupt, r.pos, fmt.Sprintf(format, args...))
	}
	r.pos = len(r.s)
}

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	var v uint64
	var shift uint
	for i := 0; i < binary.MaxVarintLen64; i++ {
		if r.pos >= len(r.s) {
			r.fail("unexpected end of data")
			return 0
		}
		c := r.s[r.pos]
		r.pos++
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				r.fail("varint overflow")
				return 0
			}
			return v | uint64(c)<<shift
		}
		v |= uint64(c&0x7f) << shift
		shift += 7
	}
	r.fail("varint overflow")
	return 0
}

// Int reads an unsigned varint that must be at most max.
func (r *Reader) Int(max int) int {
	v := r.Uvarint()
	if max < 0 || v > uint64(max) {
		r.fail("value %d exceeds limit %d", v, max)
		return 0
	}
	return int(v)
}

// Index reads an index into a table of n entries.
func (r *Reader) Index(n int) int {
	v := r.Uvarint()
	if v >= uint64(n) {
		r.fail("index %d out of range [0,%d)", v, n)
		return 0
	}
	return int(v)
}

// Skip skips n bytes.
func (r *Reader) Skip(n int) {
	if n < 0 || n > len(r.s)-r.pos {
		r.fail("cannot skip %d bytes", n)
		return
	}
	r.pos += n
}

// Literal consumes lit, which must come next.
func (r *Reader) Literal(lit string) {
	if len(r.s)-r.pos < len(lit) || r.s[r.pos:r.pos+len(lit)] != lit {
		r.fail("missing %q", lit)
		return
	}
	r.pos += len(lit)
}

// Table reads a string table. The strings share the memory of the input and
// are laid out back to back, in order, in blob.
func (r *Reader) Table() (strs []string, blob string) {
	n := r.Int(len(r.s) - r.pos)
	if r.err != nil {
		return nil, ""
	}
	// First pass: validate the lengths and find the bytes; second pass:
	// cut the strings.
	start, total := r.pos, 0
	for range n {
		total += r.Int(len(r.s))
	}
	if r.err != nil {
		return nil, ""
	}
	if total > len(r.s)-r.pos {
		r.fail("string table overruns input")
		return nil, ""
	}
	blob = r.s[r.pos : r.pos+total]
	lens := &Reader{s: r.s, pos: start}
	strs = make([]string, n)
	off := 0
	for i := range strs {
		l := int(lens.Uvarint())
		strs[i] = blob[off : off+l]
		off += l
	}
	r.pos += total
	return strs, blob
}

// Strings is a fixed table read in place: its strings share the memory of
// the input and are cut when asked for.
type Strings struct {
	ends string // little-endian uint32 end offsets
	blob string
}

// Len reports the number of strings.
func (t Strings) Len() int { return len(t.ends) / 4 }

// At returns string i, which must be in [0, Len()).
func (t Strings) At(i int) string {
	start := uint32(0)
	if i > 0 {
		start = le32(t.ends[4*i-4:])
	}
	return t.blob[start:le32(t.ends[4*i:])]
}

func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// FixedTable reads a fixed table, checking that its offsets are in order
// and within its bytes (so that At never fails).
func (r *Reader) FixedTable() Strings {
	n := r.Int((len(r.s) - r.pos) / 4)
	total := r.Int(len(r.s) - r.pos)
	if r.err != nil {
		return Strings{}
	}
	if 4*n > len(r.s)-r.pos || total > len(r.s)-r.pos-4*n {
		r.fail("string table overruns input")
		return Strings{}
	}
	t := Strings{ends: r.s[r.pos : r.pos+4*n], blob: r.s[r.pos+4*n : r.pos+4*n+total]}
	prev := uint32(0)
	for i := 0; i < n; i++ {
		e := le32(t.ends[4*i:])
		if e < prev {
			r.fail("string table: end offset %d of string %d before %d", e, i, prev)
			return Strings{}
		}
		prev = e
	}
	if prev != uint32(total) {
		r.fail("string table: strings end at %d, not at %d", prev, total)
		return Strings{}
	}
	r.pos += 4*n + total
	return t
}
