package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/catalog"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/jsonx"
	"github.com/deniedhq/denied/policy"
)

// Source is a parsed policy with the text it was parsed from, so that
// reports can quote its lines.
type Source struct {
	Layer authz.Layer
	Name  string
	Path  Path // the document in the Input
	Text  []byte
	doc   *parsedDoc
}

// Policy returns the parsed policy. A document compiled from its model
// read in place has none kept: it is parsed again on the first call (the
// same model; safe for concurrent use).
func (s *Source) Policy() *policy.Policy { return s.doc.model() }

// Prepared is a validated input: the request and the compiled policy
// set, ready to evaluate.
type Prepared struct {
	Request  *authz.Request
	Set      *authz.Set
	Sources  []Source
	Warnings []Warning
	// ignored are the (lower-cased) context keys left out because the
	// action never carries them: supplying them changes nothing.
	ignored []string
	// scratch is Options.Scratch, where the documents the Cache does not
	// keep are parsed.
	scratch *Scratch
}

// Scratch is memory that Prepare reuses (Options.Scratch): the prepared
// input's block, the request and its context's map, the compiled set,
// and the documents the Cache does not keep, each with the memory its
// compiled form is carved from. On generated cases, where
// most documents are seen once, they were about 5 KB and 20 allocations
// of the 13 KB and 54 a case allocated. The zero Scratch is ready to use.
type Scratch struct {
	blk  preparedBlock
	docs []*parsedDoc
	used int
	req  authz.Request
	set  authz.Set
}

// scratchDocs bounds the documents a Scratch keeps for reuse: a case
// with more gets the others allocated.
const scratchDocs = 32

// doc returns a parsedDoc to parse a document the Cache does not keep
// into, nil when the scratch has none left (or for a nil Scratch).
func (sc *Scratch) doc() *parsedDoc {
	if sc == nil {
		return nil
	}
	if sc.used == len(sc.docs) {
		if len(sc.docs) == scratchDocs {
			return nil
		}
		sc.docs = append(sc.docs, &parsedDoc{mem: new(authz.Mem)})
	}
	d := sc.docs[sc.used]
	sc.used++
	mem, warnings := d.mem, d.warnings[:0]
	clear(d.warnings[:cap(d.warnings)])
	*d = parsedDoc{mem: mem, warnings: warnings}
	return d
}

// preparedBlock is a Prepared with room for the sources of the usual
// few documents, and for the engine's input built from them (its named
// policies and levels), in one allocation: carved from lists of their own
// they were five allocations a generated case.
type preparedBlock struct {
	pr   Prepared
	low  [32]string
	src  [6]Source
	nps  [6]authz.NamedPolicy
	lvls [4]authz.Level
}

// carve returns room for n elements from the free part of *pool, whose
// capacity the caller sized for all it carves.
func carve[T any](pool *[]T, n int) []T {
	p := *pool
	*pool = p[:len(p)+n]
	return p[len(p) : len(p) : len(p)+n]
}

// Prepare validates an input, parses and compiles its policies (through
// opt.Cache) and builds the request. The prepared input shares the memory
// of the input's documents: do not modify them afterwards.
func Prepare(in *Input, opt Options) (*Prepared, error) {
	var blk *preparedBlock
	if sc := opt.Scratch; sc != nil {
		sc.used = 0
		blk = &sc.blk
		*blk = preparedBlock{}
	} else {
		blk = &preparedBlock{}
	}
	pr := &blk.pr
	pr.scratch = opt.Scratch
	r := &in.Request
	if r.Principal == "" {
		return nil, &Error{Path: fieldPath(FieldPrincipal), Message: "the request needs a principal (an ARN, a service principal, or \"*\" for anonymous)"}
	}
	if r.Action == "" {
		return nil, &Error{Path: fieldPath(FieldAction), Message: "the request needs an action such as s3:GetObject"}
	}
	var keyBuf [32]ctxKey
	// The lowered keys escape (the request's Known holds them): in the
	// block, not a 512-byte allocation of their own.
	keys, lowered, clock := contextKeys(r, opt.Cache, keyBuf[:0], blk.low[:0])
	known := authz.Known{Lowered: lowered, Principal: opt.Cache.principal(r.Principal)}
	if opt.Scratch != nil {
		known.Reuse = &opt.Scratch.req
	}
	req, err := authz.NewRequestKnown(*r, known)
	if err != nil {
		var fe *authz.FieldError
		if errors.As(err, &fe) {
			return nil, &Error{Path: requestPath(fe), Message: fe.Err.Error()}
		}
		return nil, &Error{Path: fieldPath(FieldRequest), Message: err.Error()}
	}
	// The context holds a clock key when one of the keys given lowers to
	// it (NewRequest fills in no clock key).
	hasTime, hasEpoch := clock&clockTime != 0, clock&clockEpoch != 0
	if !hasTime || !hasEpoch {
		now := time.Now
		if opt.Now != nil {
			now = opt.Now
		}
		cur, epoch := opt.Cache.clock(now().UTC())
		if !hasTime {
			req.Context["aws:currenttime"] = cur
		}
		if !hasEpoch {
			req.Context["aws:epochtime"] = epoch
		}
	}
	pr.Request = req
	if err := pr.validateRequest(in, opt, keys); err != nil {
		return nil, err
	}
	if note, msg := req.Refused(); note != "" {
		w := req.RefusalReason() + ": AWS refuses this request whatever the policies say (not Allowed unless a policy denies it explicitly)"
		if msg == "" {
			w += "; AWS documents no message for it"
		}
		pr.warn(fieldPath(FieldRequest), w)
	}
	if in.ManagementAccount != "" && !arn.IsAccountID(in.ManagementAccount) {
		return nil, &Error{Path: fieldPath(FieldManagementAccount), Message: fmt.Sprintf("%q is not a 12-digit account ID", in.ManagementAccount)}
	}

	cache := opt.Cache
	rcp := opt.RCPSupported
	if rcp == nil {
		rcp = catalog.RCPSupported
	}
	n := in.docCount()
	nps := blk.nps[:0]
	if n <= len(blk.src) {
		pr.Sources = blk.src[:0:n]
	} else {
		pr.Sources = make([]Source, 0, n)
	}
	if n > len(blk.nps) {
		nps = make([]authz.NamedPolicy, 0, n)
	}
	lvls := blk.lvls[:0]
	if nl := len(in.SCPs) + len(in.RCPs); nl > len(blk.lvls) {
		lvls = make([]authz.Level, 0, nl)
	}
	ai := authz.Input{ManagementAccount: in.ManagementAccount, RCPSupported: rcp}
	if len(in.Identity) > 0 {
		ai.Identity = carve(&nps, len(in.Identity))
	}
	for i := range in.Identity {
		np, err := pr.parse(Path{Field: FieldIdentity, Level: -1, Index: i}, &in.Identity[i], cache)
		if err != nil {
			return nil, err
		}
		ai.Identity = append(ai.Identity, np)
	}
	one := func(f Field, d *Doc) (*authz.NamedPolicy, error) {
		if d == nil {
			return nil, nil
		}
		np, err := pr.parse(fieldPath(f), d, cache)
		if err != nil {
			return nil, err
		}
		one := append(carve(&nps, 1), np)
		return &one[0], nil
	}
	if ai.Boundary, err = one(FieldBoundary, in.Boundary); err != nil {
		return nil, err
	}
	if ai.Session, err = one(FieldSession, in.Session); err != nil {
		return nil, err
	}
	if ai.Resource, err = one(FieldResourceDoc, in.Resource); err != nil {
		return nil, err
	}
	levels := func(f Field, src []Level) ([]authz.Level, error) {
		if len(src) == 0 {
			return nil, nil
		}
		out := carve(&lvls, len(src))
		for i, lv := range src {
			if len(lv.Policies) == 0 && f == FieldSCPs {
				return nil, &Error{Path: Path{Field: f, Level: i, Index: -1}, Message: "this SCP level has no policies: AWS requires at least one SCP on every root, OU and account (a level without one would deny everything); leave out serviceControlPolicies when SCPs are off"}
			}
			level := authz.Level{Target: lv.Target}
			if len(lv.Policies) > 0 {
				level.Policies = carve(&nps, len(lv.Policies))
			}
			for j := range lv.Policies {
				np, err := pr.parse(Path{Field: f, Level: i, Index: j}, &lv.Policies[j], cache)
				if err != nil {
					return nil, err
				}
				level.Policies = append(level.Policies, np)
			}
			out = append(out, level)
		}
		return out, nil
	}
	if ai.SCPs, err = levels(FieldSCPs, in.SCPs); err != nil {
		return nil, err
	}
	if ai.RCPs, err = levels(FieldRCPs, in.RCPs); err != nil {
		return nil, err
	}
	if len(in.VPCEndpoint) > 0 {
		ai.VPCEndpoint = carve(&nps, len(in.VPCEndpoint))
	}
	for i := range in.VPCEndpoint {
		np, err := pr.parse(Path{Field: FieldVPCEndpoint, Level: -1, Index: i}, &in.VPCEndpoint[i], cache)
		if err != nil {
			return nil, err
		}
		ai.VPCEndpoint = append(ai.VPCEndpoint, np)
	}
	var set *authz.Set
	if opt.Scratch != nil {
		set, err = authz.CompileInto(&opt.Scratch.set, ai)
	} else {
		set, err = authz.Compile(ai)
	}
	if err != nil {
		return nil, &Error{Path: fieldPath(FieldNone), Message: err.Error()}
	}
	pr.Set = set
	pr.warnFederatingUser()
	return pr, nil
}

// docCount is the number of policy documents of an input.
func (in *Input) docCount() int {
	n := len(in.Identity) + len(in.VPCEndpoint)
	for _, d := range [...]*Doc{in.Boundary, in.Session, in.Resource} {
		if d != nil {
			n++
		}
	}
	for _, lv := range in.SCPs {
		n += len(lv.Policies)
	}
	for _, lv := range in.RCPs {
		n += len(lv.Policies)
	}
	return n
}

// requestPath is the path of the request field an engine error names.
func requestPath(fe *authz.FieldError) Path {
	p := fieldPath(FieldRequest)
	switch fe.Field {
	case "principal":
		p.Field = FieldPrincipal
	case "action":
		p.Field = FieldAction
	case "resource":
		p.Field = FieldResource
	case "resourceAccount":
		p.Field = FieldResourceAccount
	case "federatingUser":
		p.Field = FieldFederatingUser
	case "context":
		p.Field, p.Key = FieldContext, fe.Key
	}
	return p
}

// warnFederatingUser warns when a federated user session meets a
// resource-based policy that names an IAM user of its account: whether
// that statement applies depends on which IAM user created the session,
// which the session ARN does not say.
func (pr *Prepared) warnFederatingUser() {
	p := &pr.Request.Principal
	if p.Kind != authz.PrincipalFederated || p.FederatingUser != "" {
		return
	}
	var ws []Warning
	defer func() { pr.Warnings = append(pr.Warnings, ws...) }()
	prefix := "arn:" + p.Partition + ":iam::" + p.Account + ":user/"
	for i := range pr.Sources {
		src := &pr.Sources[i]
		if src.Layer != authz.LayerResource {
			continue
		}
		for _, st := range src.Policy().Statements {
			el, name := st.Principal, "/Principal/AWS"
			if el == nil {
				el, name = st.NotPrincipal, "/NotPrincipal/AWS"
			}
			if el == nil {
				continue
			}
			for i, v := range el.AWS {
				if strings.HasPrefix(v, prefix) {
					pth := st.Pointer + name
					if len(el.AWS) > 1 {
						pth += "/" + strconv.Itoa(i)
					}
					ws = append(ws, Warning{Path: src.Path.in(pth), Message: fmt.Sprintf("%s policy %q names IAM user %s; it applies to the federated user session %s only if that user created the session with GetFederationToken, which the session ARN does not say: give request.federatingUser to decide (until then it is taken not to)", src.Layer, src.Name, v, p.ARN)})
				}
			}
		}
	}
}

// Source returns the source of the policy a statement reference points
// at, nil when none.
func (pr *Prepared) Source(ref authz.StatementRef) *Source {
	for i := range pr.Sources {
		if s := &pr.Sources[i]; s.Name == ref.Policy && s.Layer == ref.Layer {
			return s
		}
	}
	return nil
}

// Ignored reports whether the context key (as the engine names it) was
// left out of the request because the action never carries it.
func (pr *Prepared) Ignored(key string) bool {
	if len(pr.ignored) == 0 {
		return false
	}
	k := strings.ToLower(key)
	for _, i := range pr.ignored {
		if i == k {
			return true
		}
	}
	return false
}

// parse decodes, parses, validates and compiles one policy document,
// through the cache when there is one.
func (pr *Prepared) parse(loc Path, d *Doc, cache *Cache) (authz.NamedPolicy, error) {
	l := loc.Field.Layer()
	name := d.Name
	if name == "" {
		name = loc.DefaultName()
	}
	doc, slot := cache.get(l, d.Text)
	if doc == nil {
		raw := d.Text
		if slot.keep {
			// A kept document must not pin the input it came from.
			raw = cache.own(raw)
		}
		// A document the cache does not keep serves this request alone:
		// compiled for its action only (authz.CompilePolicyFor).
		var into *parsedDoc
		var only *authz.Request
		if !slot.keep {
			into, only = pr.scratch.doc(), pr.Request
		}
		doc = parseDocInto(into, l, raw, cache, true, only)
		cache.put(slot, l, raw, doc)
	}
	if doc.err != nil {
		return authz.NamedPolicy{}, &Error{Path: loc.in(doc.err.pointer), Message: fmt.Sprintf("%s policy %q, %s", l, name, doc.err.msg)}
	}
	if len(doc.warnings) > 0 {
		msgs := doc.messages(l, name)
		pr.Warnings = slices.Grow(pr.Warnings, len(msgs))
		for i, w := range doc.warnings {
			pr.Warnings = append(pr.Warnings, Warning{Path: loc.in(w.pointer), Message: msgs[i]})
		}
	}
	pr.Sources = append(pr.Sources, Source{Layer: l, Name: name, Path: loc, Text: doc.text, doc: doc})
	return authz.NamedPolicy{Name: name, Policy: doc.policy.Load(), Compiled: doc.compiled}, nil
}

// parsedDoc is a policy document parsed, validated and compiled for one
// layer, independent of the input it appeared in.
type parsedDoc struct {
	text []byte
	// policy is the model, nil until model builds it for a document
	// compiled from the model read in place (policy.ParseCleanTemp),
	// which keeps none: simulate reads few of them again (text output,
	// fix plans). Atomic: a document of a Pool is shared by the Caches
	// of several goroutines.
	policy atomic.Pointer[policy.Policy]
	// temp: checked and compiled from the model read in place, which
	// ParseClean(text, resourceLike) builds again.
	temp, resourceLike bool
	compiled           *authz.CompiledPolicy // &cp once compiled
	warnings           []docNote
	err                *docNote
	cp                 authz.CompiledPolicy
	// mem, for a document of a Scratch, is the memory cp is carved from.
	mem *authz.Mem
	// msgs are the warnings' messages as a Warning says them for the
	// document named as the last name it was prepared under: a cached
	// document prepared again under the same name (every check of an audit
	// evaluates the same policies) formats none of them again. Behind an
	// atomic pointer, since a document of a Pool is shared by the Caches
	// of several goroutines; everything else of a parsedDoc is set before
	// it is kept, and only read after.
	msgs atomic.Pointer[docMessages]
}

// model returns the document's policy, parsing it again if it was
// compiled without one kept; nil for a document that did not parse.
func (doc *parsedDoc) model() *policy.Policy {
	if doc == nil {
		return nil
	}
	if p := doc.policy.Load(); p != nil || !doc.temp {
		return p
	}
	// Read in place without a model kept: ParseCleanTemp accepted the
	// text, so ParseClean accepts it too and builds the same model.
	p, ok := policy.ParseClean(doc.text, doc.resourceLike)
	if !ok {
		p, _ = policy.ParseShared(doc.text)
	}
	doc.policy.CompareAndSwap(nil, p)
	return doc.policy.Load()
}

// docMessages are a document's warning messages for one name.
type docMessages struct {
	name string
	msgs []string
}

// messages returns the Warning messages of doc's warnings for the policy
// name of layer l (always the same for one document: the layer is part of
// the Cache's key).
func (doc *parsedDoc) messages(l authz.Layer, name string) []string {
	if m := doc.msgs.Load(); m != nil && m.name == name {
		return m.msgs
	}
	msgs := make([]string, len(doc.warnings))
	for i, w := range doc.warnings {
		msgs[i] = l.String() + " policy " + strconv.Quote(name) + ", " + w.msg // fmt.Sprintf("%s policy %q, %s", l, name, w.msg)
	}
	doc.msgs.Store(&docMessages{name: name, msgs: msgs})
	return msgs
}

// docNote is a finding inside a document: its pointer there, and the
// message. (Kept small: a Cache holds thousands.)
type docNote struct {
	pointer, msg string
}

// parseDocWith parses, validates and compiles one document for layer l,
// through policy.ParseCleanTemp when fast is set (always but in the test
// that compares the two paths).
func parseDocWith(l authz.Layer, raw []byte, cache *Cache, fast bool) *parsedDoc {
	return parseDocInto(nil, l, raw, cache, fast, nil)
}

// parseDocInto is parseDocWith into doc, a fresh or Scratch document
// (see Scratch.doc), or a new one when doc is nil, compiled for only's
// action alone when only is not nil (authz.CompilePolicyFor).
func parseDocInto(doc *parsedDoc, l authz.Layer, raw []byte, cache *Cache, fast bool, only *authz.Request) *parsedDoc {
	if doc == nil {
		doc = &parsedDoc{}
	}
	text, err := DocumentText(raw)
	if err != nil {
		doc.err = &docNote{msg: err.Error()}
		return doc
	}
	doc.text = text
	// The text is a slice of the input's own bytes, which nothing
	// modifies. A document without findings (those of resourcePolicyFine
	// aside, for the layers that allow them) is read straight into the
	// model; any other goes through the parser and its checker, which
	// report what it has.
	resourceLike := l == authz.LayerResource || l == authz.LayerVPCEndpoint
	doc.resourceLike = resourceLike
	if fast && policy.ParseCleanTemp(text, resourceLike, func(p *policy.Policy) { doc.check(l, p, text, cache, only) }) {
		doc.temp = true
		return doc
	}
	p, findings := policy.ParseShared(text)
	for _, f := range findings {
		if resourceLike && resourcePolicyFine[f.Code] {
			continue
		}
		msg := f.Pos.String() + ": " + f.Message // fmt.Sprintf("%s: %s", f.Pos, f.Message)
		if f.Severity == policy.Error {
			doc.err = &docNote{pointer: f.Pointer, msg: msg}
			return doc
		}
		doc.warnings = append(doc.warnings, docNote{pointer: f.Pointer, msg: msg})
	}
	if p == nil {
		doc.err = &docNote{msg: "no policy document"}
		return doc
	}
	doc.policy.Store(p)
	doc.check(l, p, text, cache, only)
	return doc
}

// check validates and compiles p, the model of doc's text for layer l,
// into doc. p may be read in place (ParseCleanTemp), valid only during
// the call: doc keeps only its strings, and builds the model again when
// asked (model).
func (doc *parsedDoc) check(l authz.Layer, p *policy.Policy, text []byte, cache *Cache, only *authz.Request) {
	doc.warnings = append(doc.warnings, validatePolicy(p, text, cache)...)
	if l == authz.LayerRCP {
		doc.warnings = append(doc.warnings, rcpAllows(p)...)
	}
	// The condition values are checked (checkConditionValues) only when
	// the compiler refuses the document: compiling checks each value as
	// CheckCondition does, and CheckCondition reads variables in every
	// document, so it accepts all a compiled document holds; a refused
	// document gets the error it always got, the first condition value's
	// before the compiler's. (Checking them first compiled every
	// condition twice.)
	if err := authz.CompilePolicyFor(&doc.cp, l, authz.NamedPolicy{Policy: p}, doc.mem, only); err != nil {
		if ce := checkConditionValues(p); ce != nil {
			doc.err = ce
			return
		}
		var ce *authz.CompileError
		if errors.As(err, &ce) && ce.Statement >= 0 && ce.Statement < len(p.Statements) {
			st := p.Statements[ce.Statement]
			msg := ce.Err.Error()
			if errors.Is(ce.Err, authz.ErrNoPrincipal) {
				msg = fmt.Sprintf("statement %d%s at %s: %s", st.Index, sidNote(st.Sid), st.Pos, msg)
			}
			doc.err = &docNote{pointer: st.Pointer, msg: msg}
		} else {
			doc.err = &docNote{msg: err.Error()}
		}
		return
	}
	doc.compiled = &doc.cp
}

// resourcePolicyFine are findings that concern identity-based policies
// only: resource-based and endpoint policies may omit Resource and use any
// characters in a Sid.
var resourcePolicyFine = map[string]bool{"missing-resource": true, "sid-invalid": true}

// DocumentText returns the text of a policy document given as a JSON
// object, or as a JSON string holding the document, URL-encoded or not.
// The string's content is decoded as policy.ParseDocument decodes it
// (policy.URLDecode): when it starts with "%7B" in any case, after a
// byte-order mark and white space, or does not start like JSON and decodes
// to a text that starts with "{"; a document that starts like JSON is
// never decoded, so that a percent sign in one of its values stays.
func DocumentText(raw []byte) ([]byte, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, errors.New("the policy has no document")
	}
	if raw[0] != '"' {
		return raw, nil
	}
	// The string is decoded by jsonx (encoding/json's reflection was 3% of
	// simulate's CPU on generated cases, 4% of whose documents are
	// strings); one jsonx refuses (invalid UTF-8, which encoding/json
	// replaces, or not one string) goes through encoding/json as before.
	var s string
	if buf, end, p := jsonx.Unquote(make([]byte, 0, len(raw)), raw, 1); p == jsonx.OK && end == len(raw) {
		s = unsafe.String(unsafe.SliceData(buf), len(buf))
	} else if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("the document string is not valid JSON: %v", err)
	}
	t := strings.TrimSpace(s)
	text := unsafe.Slice(unsafe.StringData(t), len(t)) // t is memory of its own: never modified
	dec, encoded, bad := policy.URLDecode(text)
	if bad >= 0 {
		return nil, fmt.Errorf("the document looks URL-encoded but does not decode: %q at offset %d of the string is not followed by two hex digits", "%", bad)
	}
	if encoded {
		return dec, nil
	}
	return text, nil
}

func sidNote(sid string) string {
	if sid == "" {
		return ""
	}
	return fmt.Sprintf(" (Sid %q)", sid)
}

// rcpAllows warns of each Allow statement of an RCP other than the one of
// RCPFullAWSAccess (Principal, Action and Resource "*", no condition):
// "The effect of Allow is only supported for the RCPFullAWSAccess policy"
// (AWS Organizations User Guide, RCP syntax), so AWS Organizations holds
// no such policy, and the engine gives the statement no effect (RCPs only
// restrict; RCPFullAWSAccess is implied at every level).
func rcpAllows(p *policy.Policy) []docNote {
	var ws []docNote
	for _, st := range p.Statements {
		if st.Effect != policy.Allow || fullAccess(st) {
			continue
		}
		ws = append(ws, docNote{pointer: st.Pointer, msg: fmt.Sprintf("%s: statement %d%s allows, but AWS supports Allow in an RCP only in RCPFullAWSAccess (AWS Organizations refuses any other); it has no effect: RCPs only restrict, and RCPFullAWSAccess is implied at every level", st.Pos, st.Index, sidNote(st.Sid))})
	}
	return ws
}

// fullAccess reports whether st is RCPFullAWSAccess's statement.
func fullAccess(st *policy.Statement) bool {
	star := func(v []string) bool { return len(v) == 1 && v[0] == "*" }
	pr := st.Principal
	return pr != nil && (pr.Wildcard || star(pr.AWS) && pr.Service == nil && pr.Federated == nil && pr.CanonicalUser == nil) &&
		star(st.Action) && star(st.Resource) && len(st.Conditions) == 0
}
