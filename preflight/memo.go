package preflight

import (
	"encoding/binary"
	"slices"
	"sort"
	"unsafe"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/fix"
)

// Outcomes keeps what each distinct evaluation of the checks gave (the
// verdict, the diagnosis, the message and the verified fix plan), so that
// the same request evaluated again with the same policies and the same fix
// options is not evaluated and planned again: an audit checks the restore
// of every recovery point a selection's role restores, and all but one or
// two of the requests of each are the same.
//
// The key is the whole eval input and the fix options: every string of the
// request (its context sorted by key), the management account, and each
// document of every layer by its name and by the identity of its bytes
// (address and length, not content: the documents come from the snapshot,
// whose bytes must not change while the memo lives; an entry keeps its
// input, so that no address it names is reused while it is kept). Two
// inputs with the same key are the same input; equal documents held in
// different bytes only miss. The clock (Params.Now) must be the same for
// every check that shares an Outcomes: keep one per audit of one account.
// An Outcomes holds at most a fixed number of entries and starts afresh
// when full. Not safe for concurrent use; a nil *Outcomes keeps nothing.
type Outcomes struct {
	m    map[string]*outcome
	max  int
	hits int
	buf  []byte
}

// outcome is what run set on a result, and the input it was for.
type outcome struct {
	in                             *eval.Input
	verdict, layer, message, error string
	deciding                       []eval.StatementRef
	plan                           *fix.Plan
	cause                          *Cause
}

// NewOutcomes returns an Outcomes of at most max entries.
func NewOutcomes(max int) *Outcomes {
	return &Outcomes{m: make(map[string]*outcome), max: max}
}

// Hits is how many evaluations were answered from o.
func (o *Outcomes) Hits() int {
	if o == nil {
		return 0
	}
	return o.hits
}

// key is the key of in evaluated and planned with fo.
func (o *Outcomes) key(in *eval.Input, fo fix.Options) []byte {
	b := o.buf[:0]
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(n int) { b = binary.AppendUvarint(b, uint64(n)) }
	doc := func(d *eval.Doc) {
		if d == nil {
			num(0)
			return
		}
		num(1)
		str(d.Name)
		b = binary.AppendUvarint(b, uint64(uintptr(unsafe.Pointer(unsafe.SliceData(d.Text)))))
		num(len(d.Text))
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
	for _, s := range []string{fo.KeyID, fo.RoleARN, fo.InstanceProfile} {
		str(s)
	}
	num(fo.MaxRounds)
	o.buf = b
	return b
}

// get sets res from the outcome kept for key, if any.
func (o *Outcomes) get(key []byte, res *Result) bool {
	e, ok := o.m[string(key)]
	if !ok {
		return false
	}
	o.hits++
	res.Verdict, res.Layer, res.Message, res.Error = e.verdict, e.layer, e.message, e.error
	res.Deciding = slices.Clone(e.deciding)
	if e.plan != nil {
		pl := e.plan.Clone()
		res.Plan = &pl
	}
	if e.cause != nil {
		c := *e.cause
		res.Cause = &c
	}
	return true
}

// put keeps what run set on res for in under key.
func (o *Outcomes) put(key []byte, in *eval.Input, res *Result) {
	if len(o.m) >= o.max {
		clear(o.m)
	}
	e := &outcome{in: in, verdict: res.Verdict, layer: res.Layer, message: res.Message, error: res.Error,
		deciding: slices.Clone(res.Deciding)}
	if res.Plan != nil {
		pl := res.Plan.Clone()
		e.plan = &pl
	}
	if res.Cause != nil {
		c := *res.Cause
		e.cause = &c
	}
	o.m[string(key)] = e
}
