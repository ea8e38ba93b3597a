package fix

import (
	"encoding/binary"
	"hash/maphash"
	"slices"
	"sort"
	"strconv"
	"unsafe"

	"github.com/deniedhq/denied/eval"
)

// Memo keeps the plans of the problems planned, so that the same denial
// met again (the same request and the same policies, byte for byte, with
// the same diagnosis and options) is planned and verified once: an audit
// meets the same failing call of one role for every recovery point and
// selection that needs it. The key is a 128-bit hash of the whole problem
// (two maphash sums under random seeds of the process: a collision is as
// unlikely as one of SHA-256 truncated to 128 bits, and much cheaper than
// SHA-256 on the large AWS managed policies every plan of a role holds); a
// problem with DenyStatements is never kept. A Memo holds at most a fixed
// number of plans and starts afresh when full. It assumes the clock
// (Options.Now) is the same for every plan it keeps: keep one per run. A
// kept plan's documents may share the bytes of the input's policies (a
// snapshot's): they must not change while the memo lives. Not
// safe for concurrent use. The zero value is not usable; a nil *Memo keeps
// nothing.
type Memo struct {
	m      map[memoKey]Plan
	max    int
	hits   int
	h1, h2 maphash.Hash
	buf    []byte
	// sums, when set (SameBytes), holds the two sums of each large
	// document's text by the identity of its bytes.
	sums map[bytesID][2]uint64
}

// bytesID is a document's bytes by their address and length; the pointer
// keeps them alive, so no other document takes their address while kept.
type bytesID struct {
	p *byte
	n int
}

// memoLargeDoc is the size from which a document's text is hashed on its
// own (and, with SameBytes, once); memoSumsMax bounds the sums kept.
const (
	memoLargeDoc = 1024
	memoSumsMax  = 16384
)

// SameBytes tells m that the bytes of the problems' documents stay
// unmodified while m lives (an audit's snapshot, and the documents its fix
// plans write once), so that the text of each large document (an AWS
// managed policy) is hashed once, not into the key of every problem that
// holds it: the key holds the text's two sums instead. A key is still a
// function of the documents' content, so equal texts in other bytes are
// the same problem. Measured: the keys were 3% of an organization audit's
// CPU profile (BenchmarkAuditOrg), almost all of it the managed policies,
// while preflight.Outcomes answers the exact repeats before a plan is
// asked for.
func (m *Memo) SameBytes() {
	if m != nil && m.sums == nil {
		m.sums = make(map[bytesID][2]uint64)
	}
}

// sum returns the two sums of the text t, hashed once per bytes.
func (m *Memo) sum(t []byte) [2]uint64 {
	id := bytesID{unsafe.SliceData(t), len(t)}
	if s, ok := m.sums[id]; ok {
		return s
	}
	s := [2]uint64{maphash.Bytes(m.h1.Seed(), t), maphash.Bytes(m.h2.Seed(), t)}
	if len(m.sums) >= memoSumsMax {
		clear(m.sums)
	}
	m.sums[id] = s
	return s
}

type memoKey [2]uint64

// NewMemo returns a memo of at most max plans.
func NewMemo(max int) *Memo {
	m := &Memo{m: make(map[memoKey]Plan), max: max}
	m.h1.SetSeed(maphash.MakeSeed())
	m.h2.SetSeed(maphash.MakeSeed())
	return m
}

// Hits is how many plans were answered from the memo.
func (m *Memo) Hits() int {
	if m == nil {
		return 0
	}
	return m.hits
}

// key returns the key of problem p planned with opt.
func (m *Memo) key(p Problem, in *eval.Input, opt Options) memoKey {
	m.h1.Reset()
	m.h2.Reset()
	b := m.buf[:0]
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	bytes := func(t []byte) {
		b = binary.AppendUvarint(b, uint64(len(t)))
		if len(t) < memoLargeDoc {
			b = append(b, t...)
			return
		}
		if m.sums != nil {
			s := m.sum(t)
			b = binary.LittleEndian.AppendUint64(b, s[0])
			b = binary.LittleEndian.AppendUint64(b, s[1])
			return
		}
		m.h1.Write(b)
		m.h2.Write(b)
		b = b[:0]
		m.h1.Write(t)
		m.h2.Write(t)
	}
	num := func(n int) { b = binary.AppendVarint(b, int64(n)) }
	// A document is tagged present or absent, so that an absent one can
	// never read as the start of a present one's name.
	doc := func(d *eval.Doc) {
		if d == nil {
			num(0)
			return
		}
		num(1)
		str(d.Name)
		bytes(d.Text)
	}
	docs := func(ds []eval.Doc) {
		num(len(ds))
		for i := range ds {
			doc(&ds[i])
		}
	}
	levels := func(ls []eval.Level) {
		num(len(ls))
		for _, l := range ls {
			str(l.Target)
			docs(l.Policies)
		}
	}
	r := &in.Request
	for _, s := range []string{r.Principal, r.Action, r.Resource, r.ResourceAccount, r.FederatingUser, in.ManagementAccount} {
		str(s)
	}
	keys := make([]string, 0, len(r.Context))
	for k := range r.Context {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	num(len(keys))
	for _, k := range keys {
		str(k)
		num(len(r.Context[k]))
		for _, v := range r.Context[k] {
			str(v)
		}
	}
	docs(in.Identity)
	doc(in.Boundary)
	doc(in.Session)
	doc(in.Resource)
	levels(in.SCPs)
	levels(in.RCPs)
	docs(in.VPCEndpoint)
	str(p.Layer)
	str(strconv.FormatBool(p.Explicit))
	num(len(p.Deciding))
	for _, d := range p.Deciding {
		for _, s := range []string{d.Layer, d.Target, d.Policy, d.Sid, d.Effect} {
			str(s)
		}
		num(d.Statement)
	}
	for _, s := range []string{opt.KeyID, opt.RoleARN, opt.InstanceProfile} {
		str(s)
	}
	num(opt.MaxRounds)
	m.h1.Write(b)
	m.h2.Write(b)
	m.buf = b[:0]
	return memoKey{m.h1.Sum64(), m.h2.Sum64()}
}

func (m *Memo) get(k memoKey) (Plan, bool) {
	pl, ok := m.m[k]
	if ok {
		m.hits++
		// The caller gets its own slices of fixes (the fixes' own slices
		// are shared: never changed in place).
		pl.Fixes = append([]Fix(nil), pl.Fixes...)
		pl.others = append([]Fix(nil), pl.others...)
		pl.Notes = append([]Note(nil), pl.Notes...)
	}
	return pl, ok
}

func (m *Memo) put(k memoKey, pl Plan) {
	if len(m.m) >= m.max {
		clear(m.m)
	}
	pl.Fixes = append([]Fix(nil), pl.Fixes...)
	pl.others = append([]Fix(nil), pl.others...)
	pl.Notes = append([]Note(nil), pl.Notes...)
	m.m[k] = pl
}

// Clone returns a copy of pl with slices of its own, nil where pl's are
// nil (the fixes' own slices are shared: never changed in place).
func (pl Plan) Clone() Plan {
	pl.Fixes = slices.Clone(pl.Fixes)
	pl.others = slices.Clone(pl.others)
	pl.Notes = slices.Clone(pl.Notes)
	if pl.Unheld != nil {
		u := *pl.Unheld
		pl.Unheld = &u
	}
	return pl
}
