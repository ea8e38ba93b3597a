package eval

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/catalog"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/jsonx"
	"github.com/deniedhq/denied/policy"
)

// validateRequest checks the request's action and resource against the
// service catalog: an unknown action is an error (with suggestions) unless
// opt.AllowUnknownActions; a resource that is not of a type the action
// acts on is a warning. Context values that do not fit their key's type
// are warnings. keys are the request's context keys (contextKeys).
func (pr *Prepared) validateRequest(in *Input, opt Options, keys []ctxKey) error {
	if err := checkPolicySizes(in); err != nil {
		return err
	}
	key := reqKey{action: in.Request.Action, resource: in.Request.Resource, allowUnknown: opt.AllowUnknownActions}
	rv := opt.Cache.getReq(key)
	if rv == nil {
		rc := checkActionResource(in.Request.Action, in.Request.Resource, opt.AllowUnknownActions)
		// The request's strings may share a large input (simulate's line).
		rc.key = reqKey{action: strings.Clone(key.action), resource: strings.Clone(key.resource), allowUnknown: key.allowUnknown}
		rv = opt.Cache.putReq(&rc)
	}
	if rv.err != nil {
		// The cached error is shared by every case with this action and
		// resource: hand out a copy, which the caller may annotate.
		e := *rv.err
		return &e
	}
	pr.Warnings = append(pr.Warnings, rv.warnings...)
	// Warnings come out in the order of the keys, so that they are
	// stable; but most contexts draw none (on simulate's generated cases,
	// sorting 20 keys was a third of this function), so the keys are
	// sorted only for a context that draws one.
	noted := false
	for i := range keys {
		if noted = pr.contextNote(&keys[i], rv, false); noted {
			break
		}
	}
	if !noted {
		return nil
	}
	keys = slices.Clone(keys) // not the caller's list: it is sorted
	slices.SortFunc(keys, func(a, b ctxKey) int { return strings.Compare(a.Key, b.Key) })
	for i := range keys {
		pr.contextNote(&keys[i], rv, true)
	}
	return nil
}

// contextNote reports whether a context key draws a warning, and when
// apply is set gives it (and leaves out a key the action never carries).
//
// Most keys draw nothing: the path of a warning is made only for one
// that does, and the key's catalog entry is read where it is (each copy
// was a fifth of this function's instructions on simulate's generated
// cases).
func (pr *Prepared) contextNote(p *ctxKey, rv *reqCheck, apply bool) bool {
	k, vals, kc := p.Key, p.Values, p.m
	if !kc.ok {
		return false
	}
	ck := &kc.ck
	path := func() Path { return Path{Field: FieldContext, Key: k, Level: -1, Index: -1} }
	// A service-specific key the Service Authorization Reference does
	// not list for the action (nor for its resource types) is never
	// in the request context AWS builds for that action: leave it
	// out, so conditions see it absent, and say so.
	if rv.known && !kc.global && !rv.carriesMemo(ck.Name) && !webIdentityKey(rv, ck.Name) {
		if apply {
			delete(pr.Request.Context, strings.ToLower(k))
			pr.ignored = append(pr.ignored, strings.ToLower(k))
			pr.warn(path(), fmt.Sprintf("%s is not a condition key of %s in the Service Authorization Reference (catalog %s): AWS never sends it with this action, so it is ignored", k, rv.act.FullName(), catalog.DataVersion()))
		}
		return true
	}
	note := false
	if len(vals) > 1 && !kc.array {
		if !apply {
			return true
		}
		pr.warn(path(), fmt.Sprintf("%s is single-valued (%s) but the context gives it %d values", k, ck.Type, len(vals)))
		note = true
	}
	if kc.fitsAny {
		return note
	}
	for _, v := range vals {
		if !kc.fits(v) {
			if apply {
				pr.warn(path(), fmt.Sprintf("%q is not a valid %s value for %s", v, kc.base, k))
			}
			return true
		}
	}
	return note
}

// webIdentityKey reports whether key is an OIDC provider's key (its
// provider URL, a host name, then ":" and a claim: token.actions.
// githubusercontent.com:sub, oidc.eks.REGION.amazonaws.com/id/ID:aud)
// and the request an sts:AssumeRoleWithWebIdentity, which carries the
// keys of its provider's token ("for an OIDC provider, the keys are the
// provider's URL followed by :aud, :sub", IAM User Guide, Available keys
// for AWS web identity federation): the catalog defines the keys it knows
// of in the sts service without listing them for the action, and an
// ignored GitHub :sub left every trust policy that narrows GitHub callers
// by repository refusing them.
func webIdentityKey(rv *reqCheck, key string) bool {
	if !strings.EqualFold(rv.act.FullName(), "sts:AssumeRoleWithWebIdentity") {
		return false
	}
	i := strings.LastIndexByte(key, ':')
	return i > 0 && strings.Contains(key[:i], ".")
}

// reqCheck is what the catalog says about a request's action and
// resource.
type reqCheck struct {
	key      reqKey // the action and resource, in memory of their own
	warnings []Warning
	err      *Error
	// act is the action in the catalog, when known (the condition keys it
	// and its resource types support decide which service keys the
	// request context can hold).
	act   catalog.Action
	known bool
	// carried memoises carries by key name, for a known action: shared by
	// every copy of the check a Cache hands out. carries walks the
	// action's keys and those of each of its resource types (a catalog
	// look-up each): most of the EqualFold calls of validating a
	// generated case's context, for one or two service keys.
	carried map[string]bool
}

// carriesMemo is carries, memoised in rc.carried when it is set.
func (rc *reqCheck) carriesMemo(name string) bool {
	if rc.carried == nil {
		return rc.carries(name)
	}
	if v, ok := rc.carried[name]; ok {
		return v
	}
	v := rc.carries(name)
	rc.carried[name] = v // name is the catalog's: it shares no input
	return v
}

// carries reports whether the action, or one of its resource types,
// supports the condition key whose canonical name is name.
func (rc *reqCheck) carries(name string) bool {
	for _, k := range rc.act.ConditionKeys {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	for _, art := range rc.act.ResourceTypes {
		for _, k := range art.ConditionKeys {
			if strings.EqualFold(k, name) {
				return true
			}
		}
		if rt, ok := catalog.LookupResourceType(rc.act.Service, art.Name); ok {
			for _, k := range rt.ConditionKeys {
				if strings.EqualFold(k, name) {
					return true
				}
			}
		}
	}
	return false
}

type reqKey struct {
	action, resource string
	allowUnknown     bool
}

func checkActionResource(action, res string, allowUnknown bool) reqCheck {
	var rc reqCheck
	warn := func(f Field, msg string) {
		rc.warnings = append(rc.warnings, Warning{Path: fieldPath(f), Message: msg})
	}
	act, ok := catalog.LookupAction(action)
	if !ok {
		msg := fmt.Sprintf("unknown action %q", action)
		if s := catalog.SuggestAction(action); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, ", ") + "?"
		}
		if _, known := catalog.LookupService(serviceOf(action)); !known {
			msg += fmt.Sprintf(" (the service prefix %q is not known either)", serviceOf(action))
		}
		if !allowUnknown {
			rc.err = &Error{Path: fieldPath(FieldAction), Message: msg + " (catalog " + catalog.DataVersion() + ")"}
			return rc
		}
		warn(FieldAction, msg)
		return rc
	}
	rc.act, rc.known = act, true
	rc.carried = make(map[string]bool)
	switch {
	case res == "" || res == "*":
		if hasRequiredResource(act) {
			warn(FieldResource, fmt.Sprintf("%s acts on %s resources; give the resource ARN so resource-specific statements can match", act.FullName(), resourceNames(act)))
		}
	case len(act.ResourceTypes) == 0:
		warn(FieldResource, fmt.Sprintf("%s has no resource types: AWS evaluates it against \"*\", not %q", act.FullName(), res))
	case !strings.Contains(res, "*") && len(catalog.ResourceTypesForARN(act, res)) == 0:
		warn(FieldResource, fmt.Sprintf("%q is not an ARN of a resource type %s acts on (%s)", res, act.FullName(), resourceNames(act)))
	}
	return rc
}

// validatePolicy warns about actions no service has, and about condition
// operators that do not fit their key's type. Notes hold the pointer
// inside the document.
func validatePolicy(p *policy.Policy, text []byte, cache *Cache) []docNote {
	var out []docNote
	warn := func(pointer, msg string) { out = append(out, docNote{pointer, msg}) }
	vars := p.Variables()
	for _, st := range p.Statements {
		if vars {
			out = multiVarNotes(out, st, text, cache)
		}
		acts, field := st.Action, "Action"
		if st.NotAction != nil {
			acts, field = st.NotAction, "NotAction"
		}
		if st.NotPrincipal != nil && st.Effect == policy.Allow {
			warn(st.Pointer+"/NotPrincipal", "NotPrincipal with \"Effect\": \"Allow\" is not supported by AWS (IAM User Guide, NotPrincipal): it is evaluated as allowing every principal except those listed, and never applies to a caller whose user, role, session or account is listed")
		}
		for i, a := range acts {
			if a == "*" {
				continue
			}
			if msg := cache.actionWarning(a); msg != "" {
				warn(st.Pointer+"/"+field+"/"+strconv.Itoa(i), msg)
			}
		}
		for _, c := range st.Conditions {
			m := cache.keyMemo(c.Key)
			if !m.ok {
				continue
			}
			if msg := opMismatch(c.Operator, cache.opInfo(c.Operator), m.ck, m.base, m.array); msg != "" {
				warn(policy.ConditionPointer(st, &c), msg)
			}
		}
	}
	return out
}

// multiVarNotes appends to out a warning for each policy variable of the
// statement's Resource, NotResource and condition values (of the
// operators that replace variables: String*, Arn*, Bool) that names a
// multivalued key (an ArrayOf... type in the catalog: aws:TagKeys,
// aws:PrincipalServiceNamesList, backup:CopyTargets), at its line:column
// in text. AWS says "you can't use a multivalued context key as a policy
// variable" (IAM User Guide, Single-valued vs. multivalued context keys,
// Key points), not how a value holding one evaluates; the engine takes
// it, when the request gives the key several values, as undecided.
// Pointers and positions are those of the values (a condition key's when
// the text does not give the value's).
func multiVarNotes(out []docNote, st *policy.Statement, text []byte, cache *Cache) []docNote {
	check := func(v string, note func(key string, ck catalog.ConditionKey)) {
		if !strings.Contains(v, "${") {
			return
		}
		var seen []string // the keys warned of, by catalog name
		authz.VariableKeys(v, func(key string) {
			if m := cache.keyMemo(key); m.ok && m.array && !slices.Contains(seen, m.ck.Name) {
				seen = append(seen, m.ck.Name)
				note(key, m.ck)
			}
		})
	}
	const why = "AWS does not support a multivalued key as a policy variable and does not say how a value holding one evaluates (IAM User Guide, Single-valued vs. multivalued context keys); when the request gives the key several values, the value is undecided: a Deny applies, an Allow does not"
	res, element := st.Resource, "Resource"
	if st.NotResource != nil {
		res, element = st.NotResource, "NotResource"
	}
	for i, v := range res {
		check(v, func(key string, ck catalog.ConditionKey) {
			ptr, pos := valueAt(text, st.Pointer+"/"+element, i, len(res), st.Pos)
			out = append(out, docNote{ptr, fmt.Sprintf("%s: %s %q uses ${%s} as a policy variable, but %s is multivalued (%s): %s", pos, element, v, key, ck.Name, ck.Type, why)})
		})
	}
	for i := range st.Conditions {
		c := &st.Conditions[i]
		if !slices.ContainsFunc(c.Values, func(v string) bool { return strings.Contains(v, "${") }) {
			continue
		}
		if o := cache.opInfo(c.Operator); o.null || o.family != "" && o.family != "Bool" {
			continue // Binary: literal text; Numeric, Date, IpAddress: refused
		}
		for j, v := range c.Values {
			check(v, func(key string, ck catalog.ConditionKey) {
				ptr, pos := valueAt(text, policy.ConditionPointer(st, c), j, len(c.Values), c.Pos)
				out = append(out, docNote{ptr, fmt.Sprintf("%s: condition %s on %s: value %q uses ${%s} as a policy variable, but %s is multivalued (%s): %s", pos, c.Operator, c.Key, v, key, ck.Name, ck.Type, why)})
			})
		}
	}
	return out
}

// valueAt is the JSON pointer and position in text of value i, of n, of
// the element at pointer ptr (a Resource, NotResource or condition key):
// the element's own when it is a string. It is ptr and the position
// given, when the text does not hold the value where the pointer says
// (which a document the parser accepted always does).
func valueAt(text []byte, ptr string, i, n int, pos policy.Pos) (string, policy.Pos) {
	off, ok := jsonx.Locate(text, ptr)
	if ok && text[off] == '[' {
		ptr += "/" + strconv.Itoa(i)
		off, ok = jsonx.Locate(text, ptr)
	} else if !ok && n > 1 {
		ptr += "/" + strconv.Itoa(i)
	}
	if !ok {
		return ptr, pos
	}
	l, c := jsonx.LineCol(text, off)
	return ptr, policy.Pos{Line: l, Col: c, Offset: off}
}

// actionWarning is what validatePolicy says about an action or action
// pattern of a policy ("" when nothing), memoised per action string:
// nothing for a value that never matches (policy.ActionNeverMatches; the
// parser reports it), else actionWarning. The memo answers the first
// question too: asked of every action of every document parsed, it was
// half of validatePolicy's instructions on simulate's generated cases.
// The memo is found through a direct-mapped front, as the key memos are
// (keyFrontSlot): a generated case's documents parsed name about nine
// actions, and the map's look-up hashed each.
func (c *Cache) actionWarning(a string) string {
	var slot **actNote
	if c != nil {
		slot = &c.actFront[keyFrontSlot(a)]
		if n := *slot; n != nil && n.action == a {
			return n.msg
		}
		if n := c.acts[a]; n != nil {
			*slot = n
			return n.msg
		}
	}
	msg := ""
	if !policy.ActionNeverMatches(a) {
		msg = actionWarning(a)
	}
	if c != nil {
		if len(c.acts) >= cacheMemoMax {
			clear(c.acts)
			clear(c.actFront[:])
		}
		n := &actNote{action: strings.Clone(a), msg: msg} // a may share a large input line
		c.acts[n.action] = n
		*slot = n
	}
	return msg
}

// actNote is what validatePolicy says of an action (actionWarning), and
// the action, in memory of its own.
type actNote struct{ action, msg string }

func actionWarning(a string) string {
	if strings.ContainsAny(a, "*?") {
		if !catalog.MatchesAnyAction(a) {
			return fmt.Sprintf("%q matches no known action", a)
		}
		return ""
	}
	if _, ok := catalog.LookupAction(a); !ok {
		msg := fmt.Sprintf("unknown action %q", a)
		if s := catalog.SuggestAction(a); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, ", ") + "?"
		}
		return msg
	}
	return ""
}

// condKeyCheck is the catalog's answer about one condition key.
type condKeyCheck struct {
	ck catalog.ConditionKey
	ok bool
	// global: the key is an AWS global key (aws:), which any action's
	// request context may hold.
	global bool
}

// keyMemo is what a Cache knows of a context or condition key as
// written, found in one map look-up: the catalog's answer, the key
// lower-cased (as the request's context holds it), and values known to
// fit its type. Each of these was a look-up or a parse of its own for
// every key of every case (a generated case gives about 15), most of
// validating and preparing its request.
type keyMemo struct {
	condKeyCheck
	// key is the key as written, in memory of its own.
	key string
	// base is the base type of the key (ck.Type.Base()); array says
	// whether ck.Type is an array type, fitsAny whether valueFits takes
	// any value of the type.
	base           catalog.KeyType
	array, fitsAny bool
	// lower is authz.LowerKey of the key, in memory of its own.
	lower string
	// clock says whether lower is aws:currenttime or aws:epochtime.
	clock uint8
	// fit, when the memo is kept (in a Cache) and the key's type is one
	// valueFits parses, holds the last values that fit it.
	fit *fitRing
}

// The clock keys, which Prepare sets when the request does not give them.
const (
	clockTime uint8 = 1 << iota
	clockEpoch
)

// fitRing holds the last few values that fit a key's type, each of at
// most fitLen bytes, in bytes of its own: a value is compared, not
// parsed again (time.Parse of an aws:CurrentTime, netip.ParseAddr of an
// aws:SourceIp), and remembering one allocates nothing.
type fitRing struct {
	n, next uint8
	len     [fitSlots]uint8
	b       [fitSlots][fitLen]byte
}

const (
	fitSlots = 4
	fitLen   = 48 // an IPv6 prefix has at most 43 characters, an RFC 3339 time 35
)

// keyMemo returns the memo of key k as written (a fresh one, not kept,
// for a nil Cache).
func (c *Cache) keyMemo(k string) *keyMemo {
	if c != nil {
		slot := &c.keyFront[keyFrontSlot(k)]
		if m := *slot; m != nil && m.key == k {
			return m
		}
		if m := c.keys[k]; m != nil {
			*slot = m
			return m
		}
		k = strings.Clone(k) // k may share a large input line
	}
	ck, ok := catalog.LookupConditionKey(k)
	m := &keyMemo{condKeyCheck: condKeyCheck{ck: ck, ok: ok, global: ok && hasPrefixFold(ck.Name, "aws:")}, key: k, base: ck.Type.Base(), array: ck.Type.IsArray(), lower: authz.LowerKey(k)}
	switch m.base {
	case "Numeric", "Date", "Bool", "IPAddress", "ARN": // the types valueFits checks
	default:
		m.fitsAny = true
	}
	switch m.lower {
	case "aws:currenttime":
		m.clock = clockTime
	case "aws:epochtime":
		m.clock = clockEpoch
	}
	if c != nil {
		switch m.base {
		case "Numeric", "Date", "IPAddress":
			m.fit = &fitRing{}
		}
		if len(c.keys) >= cacheMemoMax {
			clear(c.keys)
			clear(c.keyFront[:])
		}
		c.keys[k] = m
		c.keyFront[keyFrontSlot(k)] = m
	}
	return m
}

// keyFrontSize is the number of slots of a Cache's keyFront: a context
// names a few dozen keys at most, and most requests the same ones.
const (
	keyFrontBits = 8
	keyFrontSize = 1 << keyFrontBits
)

// keyFrontSlot is the slot of key k in keyFront: a mix of its length and
// of its first and last eight bytes, which tell apart the keys of a
// context. A slot holds the last key put there; one that holds another key
// sends the look-up to the map. The map's look-up hashed every byte of
// the key and probed a table of strings: about 150 instructions a key,
// 15 keys a generated case; this is about 40.
func keyFrontSlot(k string) uint {
	n := len(k)
	var h uint64
	if n >= 8 {
		h = le64(k) ^ le64(k[n-8:])*0x9e3779b97f4a7c15
	} else {
		for i := 0; i < n; i++ {
			h = h<<8 | uint64(k[i])
		}
	}
	h = (h ^ uint64(n)) * 0x9e3779b97f4a7c15
	return uint(h >> (64 - keyFrontBits))
}

// le64 is the first eight bytes of s, little-endian.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// fits is valueFits(m.base, v), memoised in m.fit when it is set.
func (m *keyMemo) fits(v string) bool {
	r := m.fit
	if r == nil {
		return valueFits(m.base, v)
	}
	for i := range r.n {
		if string(r.b[i][:r.len[i]]) == v {
			return true
		}
	}
	if !valueFits(m.base, v) {
		return false
	}
	if len(v) <= fitLen {
		i := r.next
		r.len[i] = uint8(copy(r.b[i][:], v))
		r.next = (i + 1) % fitSlots
		r.n = max(r.n, i+1)
	}
	return true
}

// opInfo is what validatePolicy reads of a condition operator to say
// whether it fits its key's type (opMismatch).
type opInfo struct {
	null, set bool
	family    string // "" when the operator compares strings
}

func parseOp(op string) opInfo {
	set := strings.HasPrefix(op, "ForAllValues:") || strings.HasPrefix(op, "ForAnyValue:")
	base := op
	if i := strings.IndexByte(base, ':'); i >= 0 {
		base = base[i+1:]
	}
	base = strings.TrimSuffix(base, "IfExists")
	family := ""
	switch {
	case base == "Null":
		return opInfo{null: true, set: set}
	case strings.HasPrefix(base, "Numeric"):
		family = "Numeric"
	case strings.HasPrefix(base, "Date"):
		family = "Date"
	case base == "Bool":
		family = "Bool"
	case strings.Contains(base, "IpAddress"):
		family = "IPAddress"
	case strings.HasPrefix(base, "Binary"):
		family = "Binary"
	}
	return opInfo{set: set, family: family}
}

// opMismatch is what validatePolicy says of condition operator op, read
// as o (parseOp), used with key ck, of base type t, an array or not (""
// when nothing).
func opMismatch(op string, o opInfo, ck catalog.ConditionKey, t catalog.KeyType, array bool) string {
	if o.null {
		return ""
	}
	family := o.family
	switch {
	case family != "" && family != string(t) && !(family == "Date" && t == "Numeric"):
		return fmt.Sprintf("%s compares %s values but %s is of type %s", op, family, ck.Name, ck.Type)
	case o.set && !array:
		return fmt.Sprintf("%s is a set operator but %s is single-valued (%s); AWS recommends the plain operator, and ForAllValues with a missing key always matches", op, ck.Name, ck.Type)
	case !o.set && array:
		return fmt.Sprintf("%s is multivalued (%s): use ForAnyValue: or ForAllValues: with %s", ck.Name, ck.Type, op)
	}
	return ""
}

// opFront memoises parseOp for the operators seen lately, one per slot
// (keyFrontSlot's top bits): a policy's conditions use a few dozen
// operators, and reading one was a few HasPrefix, Contains and TrimSuffix,
// about 300 instructions a condition of a document parsed.
type opFront [opFrontSize]struct {
	op   string // in memory of its own
	info opInfo
}

const opFrontSize = 64

// opInfo is parseOp(op), memoised in c.ops.
func (c *Cache) opInfo(op string) opInfo {
	if c == nil {
		return parseOp(op)
	}
	e := &c.ops[keyFrontSlot(op)%opFrontSize]
	if e.op != op || e.op == "" {
		e.op, e.info = strings.Clone(op), parseOp(op) // op may share a large input line
	}
	return e.info
}

func valueFits(t catalog.KeyType, v string) bool {
	switch t {
	case "Numeric":
		_, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err == nil
	case "Date":
		if tv := strings.TrimSpace(v); tv != "" && signedDigits(tv) {
			// Only then can it be epoch seconds (a failed ParseInt
			// allocates its error).
			if _, err := strconv.ParseInt(tv, 10, 64); err == nil {
				return true
			}
		}
		for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02"} {
			if _, err := time.Parse(l, strings.TrimSpace(v)); err == nil {
				return true
			}
		}
		return false
	case "Bool":
		return strings.EqualFold(v, "true") || strings.EqualFold(v, "false")
	case "IPAddress":
		if _, err := netip.ParseAddr(strings.TrimSpace(v)); err == nil {
			return true
		}
		_, err := netip.ParsePrefix(strings.TrimSpace(v))
		return err == nil
	case "ARN":
		// "arn:" and six colon-separated fields, as the ARN operators
		// read a request value (authz: another value is undecided).
		f, n := arn.Fields(v)
		return n == 6 && f[0] == "arn"
	}
	return true
}

// signedDigits reports whether every byte of s is a digit, '+' or '-'
// (strings.Trim(s, "+-0123456789") == "", without building the cutset for
// every aws:CurrentTime of every case).
func signedDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '+' && c != '-' {
			return false
		}
	}
	return true
}

func hasRequiredResource(a catalog.Action) bool {
	for _, rt := range a.ResourceTypes {
		if rt.Required {
			return true
		}
	}
	return false
}

func resourceNames(a catalog.Action) string {
	var names []string
	for _, rt := range a.ResourceTypes {
		names = append(names, rt.Name)
	}
	if len(names) == 0 {
		return "no resource types"
	}
	return strings.Join(names, ", ")
}

func serviceOf(action string) string {
	if i := strings.IndexByte(action, ':'); i > 0 {
		return action[:i]
	}
	return action
}

func (pr *Prepared) warn(path Path, msg string) {
	pr.Warnings = append(pr.Warnings, Warning{Path: path, Message: msg})
}

// ctxPair is one key of a request context and its values.
type ctxPair = authz.ContextEntry

// ctxKey is one key of a request context, its values, and its memo.
type ctxKey struct {
	ctxPair
	m *keyMemo
}

// contextKeys appends to keys the keys of r's context (ContextList's,
// then Context's) with their values and memos, and to lowered the keys of
// ContextList lower-cased (for authz.NewRequestKnown); clock says which
// of the clock keys r gives. buf and lowered let the caller keep a usual
// context off the heap. A key too long for a request (NewRequest refuses
// it) is not kept in c.
func contextKeys(r *Request, c *Cache, keys []ctxKey, lowered []string) (_ []ctxKey, _ []string, clock uint8) {
	memo := func(k string) *keyMemo {
		if len(k) > authz.MaxContextKeyLength {
			return (*Cache)(nil).keyMemo(k)
		}
		return c.keyMemo(k)
	}
	for _, e := range r.ContextList {
		m := memo(e.Key)
		keys = append(keys, ctxKey{e, m})
		lowered = append(lowered, m.lower)
		clock |= m.clock
	}
	for k, v := range r.Context {
		m := memo(k)
		keys = append(keys, ctxKey{ctxPair{Key: k, Values: v}, m})
		clock |= m.clock
	}
	return keys, lowered, clock
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }

// Policy size limits, in characters without white space, for the layers
// whose every policy is written by the customer: the largest AWS accepts
// for any policy of that kind.
//
//   - resource policy: 32,768 (a KMS key policy, the largest kind; an S3
//     bucket policy holds 20 KB);
//   - SCP and RCP: 5,120 (AWS Organizations quotas, "Maximum size of a
//     policy document");
//   - VPC endpoint policy: 20,480 (Amazon VPC quotas).
//
// Identity policies, permissions boundaries and session policies have no
// limit here: they may be AWS managed policies, which the IAM quota on
// customer managed policies (6,144 characters) does not bind
// (AWSBackupServiceRolePolicyForRestores is larger); the case line limit
// bounds them.
//
// IAM does not count white space; the other services may, so counting
// without it never refuses a policy AWS accepts.
func policySizeLimit(f Field) int {
	switch f {
	case FieldResourceDoc:
		return 32768
	case FieldSCPs, FieldRCPs:
		return 5120
	case FieldVPCEndpoint:
		return 20480
	}
	return 0
}

// checkPolicySizes refuses a policy document larger than AWS accepts for
// its kind, naming the document.
func checkPolicySizes(in *Input) error {
	check := func(path Path, d *Doc) error {
		limit := policySizeLimit(path.Field)
		if limit == 0 || d == nil || len(d.Text) <= limit {
			return nil // fast path: no more bytes than the limit
		}
		text := d.Text
		if t, err := DocumentText(d.Text); err == nil {
			text = t
		}
		if n := policyChars(text); n > limit {
			return &Error{Path: path, Message: fmt.Sprintf("the policy has %d characters (white space not counted); AWS accepts at most %d in a %s", n, limit, policyKind(path.Field))}
		}
		return nil
	}
	if err := check(fieldPath(FieldResourceDoc), in.Resource); err != nil {
		return err
	}
	for _, f := range []struct {
		field  Field
		levels []Level
	}{{FieldSCPs, in.SCPs}, {FieldRCPs, in.RCPs}} {
		for i := range f.levels {
			for j := range f.levels[i].Policies {
				if err := check(Path{Field: f.field, Level: i, Index: j}, &f.levels[i].Policies[j]); err != nil {
					return err
				}
			}
		}
	}
	for i := range in.VPCEndpoint {
		if err := check(Path{Field: FieldVPCEndpoint, Level: -1, Index: i}, &in.VPCEndpoint[i]); err != nil {
			return err
		}
	}
	return nil
}

func policyKind(f Field) string {
	switch f {
	case FieldResourceDoc:
		return "resource-based policy (a KMS key policy, the largest kind)"
	case FieldSCPs:
		return "service control policy"
	case FieldRCPs:
		return "resource control policy"
	}
	return "VPC endpoint policy"
}

// policyChars counts the characters of text that are not white space.
func policyChars(text []byte) int {
	n := 0
	for _, r := range string(text) {
		switch r {
		case ' ', '\t', '\n', '\r':
		default:
			n++
		}
	}
	return n
}

// checkConditionValues reports, with its line:column, the first condition
// value the engine cannot interpret (a number out of range such as 1e400,
// a date such as 23:59:60Z), which compiling would report with the
// statement's pointer only.
func checkConditionValues(p *policy.Policy) *docNote {
	for _, st := range p.Statements {
		for i := range st.Conditions {
			c := &st.Conditions[i]
			if err := authz.CheckCondition(c); err != nil {
				return &docNote{policy.ConditionPointer(st, c), fmt.Sprintf("%s: %v", c.Pos, err)}
			}
		}
	}
	return nil
}
