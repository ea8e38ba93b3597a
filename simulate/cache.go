package simulate

import "github.com/deniedhq/denied/authz"

// Cache keeps parsed and compiled policy documents, keyed by layer and
// document text. It holds at most a fixed number of documents and starts
// afresh when full, so memory stays bounded on any input. The zero value
// is not usable; a nil *Cache caches nothing.
type Cache struct {
	m   map[cacheKey]*parsedDoc
	req map[reqKey]reqCheck
	max int
}

type cacheKey struct {
	layer authz.Layer
	doc   string
}

// NewCache returns a cache of at most max documents.
func NewCache(max int) *Cache {
	return &Cache{m: make(map[cacheKey]*parsedDoc, min(max, 1024)), req: make(map[reqKey]reqCheck), max: max}
}

func (c *Cache) get(k cacheKey) *parsedDoc {
	if c == nil {
		return nil
	}
	return c.m[k]
}

func (c *Cache) put(k cacheKey, d *parsedDoc) {
	if c == nil || len(k.doc) > 1<<20 {
		return
	}
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[k] = d
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
