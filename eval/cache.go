package eval

import (
	"bytes"
	"hash/maphash"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/deniedhq/denied/authz"
)

// Cache keeps parsed and compiled policy documents, keyed by layer and
// document text, and the service catalog's answers about the actions and
// condition keys seen. Documents of at most cacheDocMax bytes are kept
// when first parsed (from their second sighting under KeepRepeated): at most a fixed number of them and cacheBytesMax
// bytes of their text. Larger ones (AWS managed policies such as
// ReadOnlyAccess, 91 KB, which every check of a role that has it
// evaluates again; key and bucket policies) up to cacheLargeMax bytes are
// kept from their second sighting on, so a stream of unique large
// documents is never kept: at most cacheLargeDocs of them and
// cacheLargeBytes of their text. Each kept document is a copy of its own
// (never the input line it came from), and each part starts afresh when
// full, so memory stays bounded on any input. The zero value is not
// usable; a nil *Cache caches nothing.
type Cache struct {
	// small holds the documents of at most cacheDocMax bytes kept, by
	// hash of layer and text (docHash; the text is compared on a hit), as
	// large does the larger ones; docs counts them.
	small map[uint64]*largeDoc
	docs  int
	bytes int
	max   int
	// large holds the large documents kept, by hash of layer and text
	// (the text is compared on a hit); seen the hashes of those seen once.
	large      map[uint64]*largeDoc
	largeBytes int
	seen       *[cacheMemoMax]uint64
	seed       maphash.Seed
	req        map[reqKey]*reqCheck
	// reqFront finds the checks of the actions and resources seen
	// lately before req does (getReq).
	reqFront [reqFrontSize]*reqCheck
	acts     map[string]*actNote
	// actFront finds the notes of actions seen lately before acts does
	// (keyFrontSlot).
	actFront [keyFrontSize]*actNote
	keys     map[string]*keyMemo
	// keyFront finds the memos of keys seen lately before keys does
	// (keyFrontSlot).
	keyFront [keyFrontSize]*keyMemo
	// ops memoises the reading of condition operators (opFront).
	ops opFront
	// principals memoises authz.ParsePrincipal of the principals parsed
	// without an error, by the principal as written, through a front as
	// the key memos are (principal).
	clk            clockMemo
	principals     map[string]*principalMemo
	principalFront [64]*principalMemo
	stats          CacheStats
	// ident, when set (SameBytes), finds the documents kept again by the
	// identity of the caller's bytes (their address and length), before
	// the text is hashed and compared.
	ident map[identKey]*parsedDoc
	// pool, when set (UsePool), holds the large documents other Caches
	// kept; seed is then the pool's.
	pool *Pool
	// repeated, when set (KeepRepeated), keeps the small documents too
	// only from their second sighting.
	repeated bool
}

// A Pool holds large documents (over cacheDocMax bytes) parsed, validated
// and compiled, for the Caches of several goroutines to share: each Cache
// that uses it looks a large document up there before parsing it, and
// puts there what it keeps. An organization audit audits each member with
// a Cache of its own, one member per CPU, and every member's roles hold
// the same AWS managed policies (ReadOnlyAccess, 91 KB, 17 warnings,
// about 2.9 ms to parse, validate and compile, twice a member: at its
// first sighting, and at its second, when the Cache keeps it). A
// document's result depends on its layer and text alone, and once kept it
// is only read (its warnings' messages are memoised atomically), so one
// parse serves every member. Bounded like the Cache's own large
// documents; safe for concurrent use.
type Pool struct {
	mu    sync.Mutex
	seed  maphash.Seed
	m     map[uint64]*largeDoc
	bytes int
}

// NewPool returns an empty pool.
func NewPool() *Pool {
	return &Pool{seed: maphash.MakeSeed(), m: make(map[uint64]*largeDoc)}
}

// get returns the document of layer l and text doc under hash h, if kept.
func (p *Pool) get(h uint64, l authz.Layer, doc []byte) *largeDoc {
	p.mu.Lock()
	e := p.m[h]
	p.mu.Unlock()
	if e != nil && e.layer == l && bytes.Equal(e.text, doc) {
		return e
	}
	return nil
}

// put keeps e under hash h.
func (p *Pool) put(h uint64, e *largeDoc) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.m[h]; ok {
		return
	}
	if len(p.m) >= cacheLargeDocs || p.bytes+len(e.text) > cacheLargeBytes {
		clear(p.m)
		p.bytes = 0
	}
	p.m[h] = e
	p.bytes += len(e.text)
}

// UsePool makes c look up the large documents it does not have in p, and
// put there those it keeps. Call it before c is first used.
func (c *Cache) UsePool(p *Pool) {
	if c != nil && p != nil {
		c.pool, c.seed = p, p.seed
	}
}

// KeepRepeated makes c keep the documents of at most cacheDocMax bytes,
// like the larger ones, only from their second sighting, so that a stream
// of unique documents is never kept. A document kept is found again by a
// map lookup, but it stays live, and with it its model and compiled form,
// about ten times its text: a worker of `denied simulate` that kept every
// document of a stream of generated cases (most of them unique) held tens
// of megabytes that the collector marked again and again, for lookups
// that never came. Measured on 50,000 generated cases (README,
// Performance): about 0.85x the CPU. Documents seen twice are parsed
// twice, once more than before; those seen more often are parsed twice
// instead of once. Call it before c is first used. What c answers is
// unchanged: only what it keeps.
func (c *Cache) KeepRepeated() {
	if c != nil {
		c.repeated = true
	}
}

// again reports whether the document of layer l and text doc was seen
// before, and records it as seen if it was not. h is the hash of l and
// doc. The memo of sightings is a table of hashes, one slot each by
// hash: a document whose slot another took since is taken as not seen
// (kept one sighting later), which changes what is kept, never an
// answer. (A map of hashes cost a look-up and an insertion, both at
// random in 4,096 entries: about 1% of simulate's CPU on generated
// cases.)
func (c *Cache) again(h uint64) bool {
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	slot := &c.seen[h%uint64(len(c.seen))]
	if *slot == h {
		*slot = 0
		return true
	}
	*slot = h
	return false
}

// forget drops h from the memo of sightings.
func (c *Cache) forget(h uint64) {
	if h == 0 {
		h = 1
	}
	if slot := &c.seen[h%uint64(len(c.seen))]; *slot == h {
		*slot = 0
	}
}

// docHash is the hash of layer l and text doc under c's seed.
func (c *Cache) docHash(l authz.Layer, doc []byte) uint64 {
	return maphash.Bytes(c.seed, doc) ^ (uint64(l)+1)*0x9e3779b97f4a7c15
}

// identKey is a document by the identity of its bytes. The pointer keeps
// them alive, so no other document can take their address while the key
// is kept.
type identKey struct {
	p     *byte
	n     int
	layer authz.Layer
}

// largeDoc is a large document kept: its layer and text, and the parse.
type largeDoc struct {
	layer authz.Layer
	text  []byte
	doc   *parsedDoc
}

// slot says what to do with a document the cache did not have: keep it
// (the caller then owns a copy of its text and puts it), under which hash
// when it is large, and the caller's bytes (for ident).
type slot struct {
	keep  bool
	large bool
	hash  uint64
	orig  []byte
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
	s.Docs = c.docs + len(c.large)
	return s
}

// Bounds of a Cache: cacheBytesMax bounds the text of the documents of at
// most cacheDocMax bytes kept; cacheLargeDocs and cacheLargeBytes the
// number and text of the larger ones, up to cacheLargeMax bytes each
// (larger still are parsed afresh each time).
const (
	cacheDocMax     = 16 << 10
	cacheBytesMax   = 8 << 20
	cacheLargeMax   = 1 << 20
	cacheLargeDocs  = 64
	cacheLargeBytes = 8 << 20
	cacheMemoMax    = 4096
	// cacheIdentMax bounds the front of SameBytes: one entry for each
	// place a kept document is held in (a managed policy is one place in
	// a snapshot, whatever the number of roles it is attached to).
	cacheIdentMax = 16384
)

// SameBytes tells c that the bytes of every document prepared through it
// stay unmodified for as long as c lives (an audit's: the documents of its
// snapshot, and the ones a fix plan writes once for each change), so that
// a document kept is found again by the address and length of the
// caller's bytes, before they are hashed and compared. Without it, each
// lookup hashed the whole text (the small documents as a map key, the
// large ones with maphash), and an audit's evaluations and fix
// verifications look up the same AWS managed policies (91 KB for
// ReadOnlyAccess) again and again: 4% of an organization audit's CPU
// profile (README, Performance). What c keeps and what it parses are
// unchanged: the front holds only documents c keeps, and starts afresh
// with them.
func (c *Cache) SameBytes() {
	if c != nil && c.ident == nil {
		c.ident = make(map[identKey]*parsedDoc)
	}
}

// remember keeps d as the document of the caller's bytes doc in the front.
func (c *Cache) remember(l authz.Layer, doc []byte, d *parsedDoc) {
	if c.ident == nil || len(doc) == 0 {
		return
	}
	if len(c.ident) >= cacheIdentMax {
		clear(c.ident)
	}
	c.ident[identKey{unsafe.SliceData(doc), len(doc), l}] = d
}

// NewCache returns a cache of at most max documents.
func NewCache(max int) *Cache {
	c := &Cache{
		large:      make(map[uint64]*largeDoc),
		seen:       new([cacheMemoMax]uint64),
		seed:       maphash.MakeSeed(),
		req:        make(map[reqKey]*reqCheck),
		acts:       make(map[string]*actNote),
		keys:       make(map[string]*keyMemo),
		principals: make(map[string]*principalMemo),
		max:        max,
	}
	c.small = make(map[uint64]*largeDoc)
	return c
}

// get returns the document parsed from doc for layer l, or nil and what
// to do with it once parsed (put).
func (c *Cache) get(l authz.Layer, doc []byte) (*parsedDoc, slot) {
	if c == nil {
		return nil, slot{}
	}
	if c.ident != nil && len(doc) > 0 {
		if d := c.ident[identKey{unsafe.SliceData(doc), len(doc), l}]; d != nil {
			c.stats.Hits++
			return d, slot{}
		}
	}
	if len(doc) <= cacheDocMax {
		// One hash of the text for the look-up and, under KeepRepeated,
		// the memo of sightings (a map of strings by layer hashed it a
		// second time: about 1% of simulate's CPU on generated cases).
		h := c.docHash(l, doc)
		if e := c.small[h]; e != nil && e.layer == l && bytes.Equal(e.text, doc) {
			c.stats.Hits++
			c.remember(l, doc, e.doc)
			return e.doc, slot{}
		}
		c.stats.Parses++
		if c.repeated && !c.again(h) {
			return nil, slot{}
		}
		return nil, slot{keep: true, hash: h, orig: doc}
	}
	c.stats.Parses++
	if len(doc) > cacheLargeMax {
		return nil, slot{}
	}
	h := c.docHash(l, doc)
	if e := c.large[h]; e != nil && e.layer == l && bytes.Equal(e.text, doc) {
		c.stats.Parses--
		c.stats.Hits++
		c.remember(l, doc, e.doc)
		return e.doc, slot{}
	}
	if c.pool != nil {
		if e := c.pool.get(h, l, doc); e != nil {
			// Kept here too, as if parsed here (the pool's copy of the
			// text), so that the pool is asked once.
			c.stats.Parses--
			c.stats.Hits++
			c.put(slot{keep: true, large: true, hash: h, orig: doc}, l, e.text, e.doc)
			c.forget(h)
			return e.doc, slot{}
		}
	}
	if c.again(h) {
		return nil, slot{keep: true, large: true, hash: h, orig: doc}
	}
	return nil, slot{}
}

// own returns a copy of doc that a cached document may share for good.
func (c *Cache) own(doc []byte) []byte {
	s := string(doc)
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// put keeps d, parsed from text, which must come from own, in the slot get
// gave.
func (c *Cache) put(s slot, l authz.Layer, text []byte, d *parsedDoc) {
	if c == nil || !s.keep {
		return
	}
	if s.large {
		if len(c.large) >= cacheLargeDocs || c.largeBytes+len(text) > cacheLargeBytes {
			clear(c.large)
			c.largeBytes = 0
			clear(c.ident) // holds only documents kept
		}
		e := &largeDoc{layer: l, text: text, doc: d}
		c.large[s.hash] = e
		c.largeBytes += len(text)
		c.remember(l, s.orig, d)
		if c.pool != nil {
			c.pool.put(s.hash, e)
		}
		return
	}
	if c.docs >= c.max || c.bytes+len(text) > cacheBytesMax {
		clear(c.small)
		c.docs = 0
		c.bytes = 0
		clear(c.ident)
	}
	n := len(c.small)
	c.small[s.hash] = &largeDoc{layer: l, text: text, doc: d}
	c.docs += len(c.small) - n
	c.bytes += len(text)
	c.remember(l, s.orig, d)
}

// getReq returns the check of the request's action and resource kept,
// nil if none. It is found through a direct-mapped front by action and
// resource, as the key memos are (keyFrontSlot), before the map, whose
// look-up hashed a key of two strings through the runtime's generic
// path: about 340 instructions a generated case.
func (c *Cache) getReq(k reqKey) *reqCheck {
	if c == nil {
		return nil
	}
	slot := &c.reqFront[reqFrontSlot(k)]
	if r := *slot; r != nil && r.key == k {
		return r
	}
	r := c.req[k]
	if r != nil {
		*slot = r
	}
	return r
}

// putReq keeps r as the check of k (whose strings it owns), and returns
// it.
func (c *Cache) putReq(r *reqCheck) *reqCheck {
	if c == nil {
		return r
	}
	if len(c.req) >= c.max {
		clear(c.req)
		clear(c.reqFront[:])
	}
	c.req[r.key] = r
	c.reqFront[reqFrontSlot(r.key)] = r
	return r
}

const reqFrontSize = 64

func reqFrontSlot(k reqKey) uint {
	return (keyFrontSlot(k.action) ^ keyFrontSlot(k.resource)>>2) % reqFrontSize
}

// clockMemo holds the values of aws:CurrentTime and aws:EpochTime for
// one second.
type clockMemo struct {
	sec        int64
	cur, epoch []string
}

// clock returns the values of aws:CurrentTime and aws:EpochTime at t
// (whole seconds: RFC 3339 and Unix seconds), memoised for the second
// (the lists are shared, read-only, by every request prepared in it:
// four allocations a case less). A nil Cache makes them afresh.
func (c *Cache) clock(t time.Time) (cur, epoch []string) {
	sec := t.Unix()
	if c != nil && c.clk.cur != nil && c.clk.sec == sec {
		return c.clk.cur, c.clk.epoch
	}
	cur, epoch = []string{t.Format(time.RFC3339)}, []string{strconv.FormatInt(sec, 10)}
	if c != nil {
		c.clk = clockMemo{sec: sec, cur: cur, epoch: epoch}
	}
	return cur, epoch
}

// principalMemo is a principal as written, in memory of its own, and what
// authz.ParsePrincipal returned for it.
type principalMemo struct {
	s string
	p authz.Principal
}

// principal returns what authz.ParsePrincipal returns for principal s,
// memoised, or nil when it returns an error (and for a nil Cache): a
// worker's requests name the same few principals again and again.
func (c *Cache) principal(s string) *authz.Principal {
	if c == nil {
		return nil
	}
	slot := &c.principalFront[keyFrontSlot(s)%uint(len(c.principalFront))]
	if m := *slot; m != nil && m.s == s {
		return &m.p
	}
	if m := c.principals[s]; m != nil {
		*slot = m
		return &m.p
	}
	own := strings.Clone(s) // s may share a large input line
	p, err := authz.ParsePrincipal(own)
	if err != nil {
		return nil
	}
	if len(c.principals) >= cacheMemoMax {
		clear(c.principals)
		clear(c.principalFront[:])
	}
	m := &principalMemo{s: own, p: p}
	c.principals[own] = m
	*slot = m
	return &m.p
}
