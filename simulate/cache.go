package simulate

import "github.com/deniedhq/denied/authz"

// Cache keeps parsed and compiled policy documents, keyed by layer and
// document text. It holds at most a fixed number of documents and starts
// afresh when full, so memory stays bounded on any input. The zero value
// is not usable; a nil *Cache caches nothing.
type Cache struct {
	m   map[authz.Layer]map[string]*parsedDoc
	n   int
	req map[reqKey]reqCheck
	max int
}

// NewCache returns a cache of at most max documents.
func NewCache(max int) *Cache {
	return &Cache{m: make(map[authz.Layer]map[string]*parsedDoc), req: make(map[reqKey]reqCheck), max: max}
}

func (c *Cache) get(l authz.Layer, doc []byte) *parsedDoc {
	if c == nil {
		return nil
	}
	return c.m[l][string(doc)] // no allocation for the lookup
}

func (c *Cache) put(l authz.Layer, doc []byte, d *parsedDoc) {
	if c == nil || len(doc) > 1<<20 {
		return
	}
	if c.n >= c.max {
		clear(c.m)
		c.n = 0
	}
	m := c.m[l]
	if m == nil {
		m = make(map[string]*parsedDoc)
		c.m[l] = m
	}
	m[string(doc)] = d
	c.n++
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
