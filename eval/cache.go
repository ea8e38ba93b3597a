package eval

import (
	"unsafe"

	"github.com/deniedhq/denied/authz"
)

// Cache keeps parsed and compiled policy documents, keyed by layer and
// document text, and the service catalog's answers about the actions and
// condition keys seen. It keeps only documents of at most cacheDocMax
// bytes, each in a copy of its own (never the input line it came from),
// holds at most a fixed number of documents and cacheBytesMax bytes of
// their text, and starts afresh when full, so memory stays bounded on any
// input. The zero value is not usable; a nil *Cache caches nothing.
type Cache struct {
	m     map[docKey]*parsedDoc
	bytes int
	max   int
	req   map[reqKey]reqCheck
	acts  map[string]string
	keys  map[string]condKeyCheck
	stats CacheStats
}

// CacheStats counts what a Cache did with policy documents.
type CacheStats struct {
	// Hits are documents found parsed and compiled.
	Hits int
	// Parses are documents parsed, validated and compiled: not in the
	// cache, or too large to be kept.
	Parses int
	// Docs is the number of documents kept now.
	Docs int
}

// Stats returns the counts so far (zero for a nil cache).
func (c *Cache) Stats() CacheStats {
	if c == nil {
		return CacheStats{}
	}
	s := c.stats
	s.Docs = len(c.m)
	return s
}

// Bounds of a Cache: documents larger than cacheDocMax are parsed afresh
// each time (they are rare, and their parse cost dwarfs a lookup);
// cacheBytesMax bounds the text of the documents kept.
const (
	cacheDocMax   = 16 << 10
	cacheBytesMax = 8 << 20
	cacheMemoMax  = 4096
)

type docKey struct {
	layer authz.Layer
	text  string
}

// NewCache returns a cache of at most max documents.
func NewCache(max int) *Cache {
	return &Cache{
		m:    make(map[docKey]*parsedDoc),
		req:  make(map[reqKey]reqCheck),
		acts: make(map[string]string),
		keys: make(map[string]condKeyCheck),
		max:  max,
	}
}

// cacheable reports whether a document of this text would be kept.
func (c *Cache) cacheable(doc []byte) bool {
	return c != nil && len(doc) <= cacheDocMax
}

func (c *Cache) get(l authz.Layer, doc []byte) *parsedDoc {
	if !c.cacheable(doc) {
		if c != nil {
			c.stats.Parses++
		}
		return nil
	}
	d := c.m[docKey{l, unsafe.String(unsafe.SliceData(doc), len(doc))}] // no allocation for the lookup
	if d != nil {
		c.stats.Hits++
	} else {
		c.stats.Parses++
	}
	return d
}

// own returns a copy of doc that a cached document may share for good.
func (c *Cache) own(doc []byte) []byte {
	s := string(doc)
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// put keeps d, parsed from text, which must come from own.
func (c *Cache) put(l authz.Layer, text []byte, d *parsedDoc) {
	if !c.cacheable(text) {
		return
	}
	if len(c.m) >= c.max || c.bytes+len(text) > cacheBytesMax {
		clear(c.m)
		c.bytes = 0
	}
	c.m[docKey{l, unsafe.String(unsafe.SliceData(text), len(text))}] = d
	c.bytes += len(text)
}

func (c *Cache) getReq(k reqKey) (reqCheck, bool) {
	if c == nil {
		return reqCheck{}, false
	}
	r, ok := c.req[k]
	return r, ok
}

func (c *Cache) putReq(k reqKey, r reqCheck) {
	if c == nil {
		return
	}
	if len(c.req) >= c.max {
		clear(c.req)
	}
	c.req[k] = r
}
