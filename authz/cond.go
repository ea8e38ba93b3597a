package authz

import (
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/deniedhq/denied/policy"
)

type opKind uint8

const (
	opStringEquals opKind = iota
	opStringEqualsIgnoreCase
	opStringLike
	opNumericEquals
	opNumericLessThan
	opNumericLessThanEquals
	opNumericGreaterThan
	opNumericGreaterThanEquals
	opDateEquals
	opDateLessThan
	opDateLessThanEquals
	opDateGreaterThan
	opDateGreaterThanEquals
	opBool
	opBinaryEquals
	opIPAddress
	opArnLike
	opNull
)

type setKind uint8

const (
	setNone setKind = iota
	setForAll
	setForAny
)

// operator describes a parsed condition operator.
type operator struct {
	kind     opKind
	negated  bool
	ifExists bool
	set      setKind
}

var operatorNames = map[string]operator{
	"StringEquals":              {kind: opStringEquals},
	"StringNotEquals":           {kind: opStringEquals, negated: true},
	"StringEqualsIgnoreCase":    {kind: opStringEqualsIgnoreCase},
	"StringNotEqualsIgnoreCase": {kind: opStringEqualsIgnoreCase, negated: true},
	"StringLike":                {kind: opStringLike},
	"StringNotLike":             {kind: opStringLike, negated: true},
	"NumericEquals":             {kind: opNumericEquals},
	"NumericNotEquals":          {kind: opNumericEquals, negated: true},
	"NumericLessThan":           {kind: opNumericLessThan},
	"NumericLessThanEquals":     {kind: opNumericLessThanEquals},
	"NumericGreaterThan":        {kind: opNumericGreaterThan},
	"NumericGreaterThanEquals":  {kind: opNumericGreaterThanEquals},
	"DateEquals":                {kind: opDateEquals},
	"DateNotEquals":             {kind: opDateEquals, negated: true},
	"DateLessThan":              {kind: opDateLessThan},
	"DateLessThanEquals":        {kind: opDateLessThanEquals},
	"DateGreaterThan":           {kind: opDateGreaterThan},
	"DateGreaterThanEquals":     {kind: opDateGreaterThanEquals},
	"Bool":                      {kind: opBool},
	"BinaryEquals":              {kind: opBinaryEquals},
	"IpAddress":                 {kind: opIPAddress},
	"NotIpAddress":              {kind: opIPAddress, negated: true},
	"ArnEquals":                 {kind: opArnLike},
	"ArnLike":                   {kind: opArnLike},
	"ArnNotEquals":              {kind: opArnLike, negated: true},
	"ArnNotLike":                {kind: opArnLike, negated: true},
	"Null":                      {kind: opNull},
}

// ParseOperator parses a condition operator such as
// "ForAnyValue:StringLikeIfExists". Operator names are case-sensitive.
func parseOperator(s string) (operator, error) {
	var set setKind
	name := s
	switch {
	case strings.HasPrefix(name, "ForAllValues:"):
		set, name = setForAll, name[len("ForAllValues:"):]
	case strings.HasPrefix(name, "ForAnyValue:"):
		set, name = setForAny, name[len("ForAnyValue:"):]
	}
	ifExists := false
	if n := strings.TrimSuffix(name, "IfExists"); n != name && n != "Null" {
		name, ifExists = n, true
	}
	op, ok := operatorNames[name]
	if !ok {
		return op, fmt.Errorf("unknown condition operator %q", s)
	}
	op.ifExists, op.set = ifExists, set
	return op, nil
}

// cval is one compiled policy value of a condition.
type cval struct {
	str  pattern
	num  float64
	t    instant
	ip   netip.Prefix
	arn  *arnPattern
	bool bool
}

// ccond is a compiled condition: one operator applied to one key.
type ccond struct {
	op     operator
	hasVar bool   // beside op, in its padding: 72 bytes, not 80
	key    string // lower-cased
	name   string // key as written
	vals   []cval
}

func compileCondition(c *policy.Condition, vars bool) (ccond, error) {
	return (*arena)(nil).condition(c, vars)
}

// condition is compileCondition, with the slices taken from a.
func (a *arena) condition(c *policy.Condition, vars bool) (ccond, error) {
	op, err := parseOperator(c.Operator)
	if err != nil {
		return ccond{}, err
	}
	check := a == checkOnly
	cc := ccond{op: op, name: c.Key}
	if !check {
		cc.key = asciiLower(c.Key)
		cc.vals = a.cvals(len(c.Values))
	}
	for _, v := range c.Values {
		var cv cval
		switch op.kind {
		case opStringEquals, opBinaryEquals, opStringEqualsIgnoreCase, opStringLike, opArnLike:
			if check {
				// Any text is a valid pattern.
				continue
			}
		}
		switch op.kind {
		case opStringEquals:
			cv.str = a.pattern(v, false, vars, false)
		case opBinaryEquals:
			// "You can not use a policy variable with the Binary
			// condition operator" (IAM User Guide, Condition
			// operators): "${...}" is literal text.
			cv.str = a.pattern(v, false, false, false)
		case opStringEqualsIgnoreCase:
			cv.str = a.pattern(v, false, vars, true)
		case opStringLike:
			cv.str = a.pattern(v, true, vars, false)
		case opNumericEquals, opNumericLessThan, opNumericLessThanEquals, opNumericGreaterThan, opNumericGreaterThanEquals:
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || math.IsNaN(f) {
				return cc, fmt.Errorf("%s: %s is not a number", c.Operator, Elide(v, 60))
			}
			cv.num = f
		case opDateEquals, opDateLessThan, opDateLessThanEquals, opDateGreaterThan, opDateGreaterThanEquals:
			t, ok := parseDate(v)
			if !ok {
				return cc, fmt.Errorf("%s: %s is not a date (ISO 8601 or epoch seconds)", c.Operator, Elide(v, 60))
			}
			cv.t = t
		case opBool, opNull:
			if op.kind == opBool && vars && strings.Contains(v, "${") {
				// "You can use a policy variable with the Boolean
				// condition operator" (IAM User Guide, Condition
				// operators): the value is read as true or false once
				// replaced (boolText). Null takes none.
				var p pattern
				if check {
					p = compilePattern(v, false, true, false)
				} else {
					p = a.pattern(v, false, true, false)
				}
				if p.hasVar {
					cv.str = p
					break
				}
			}
			switch strings.ToLower(strings.TrimSpace(v)) {
			case "true":
				cv.bool = true
			case "false":
			default:
				return cc, fmt.Errorf("%s: %s is not true or false", c.Operator, Elide(v, 60))
			}
		case opIPAddress:
			pfx, ok := parseIPPrefix(v)
			if !ok {
				return cc, fmt.Errorf("%s: %q is not an IP address or CIDR block", c.Operator, v)
			}
			cv.ip = pfx
		case opArnLike:
			ap := append(a.arnPatterns(1), a.arnPattern(v, vars))
			cv.arn = &ap[0]
		}
		if check {
			continue
		}
		if cv.str.hasVar {
			cc.hasVar = true
		}
		cc.vals = append(cc.vals, cv)
	}
	return cc, nil
}

// checkOnly is the arena of CheckCondition: a condition compiled with it
// has its values checked, not kept. It is never written to.
var checkOnly = &arena{}

func parseIPPrefix(s string) (netip.Prefix, bool) {
	s = strings.TrimSpace(s)
	if strings.IndexByte(s, '/') >= 0 {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return p, false
		}
		return p.Masked(), true
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(a, a.BitLen()), true
}

var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	"2006-01",
	"2006",
}

// instant is a point in time as Unix seconds and nanoseconds, so that
// every date AWS accepts (years 0000 to 9999, and epoch seconds for them)
// compares correctly: Unix nanoseconds in an int64 only span 1678-2262.
type instant struct {
	sec  int64
	nsec int32
}

func (a instant) compare(b instant) int {
	switch {
	case a.sec < b.sec:
		return -1
	case a.sec > b.sec:
		return 1
	case a.nsec < b.nsec:
		return -1
	case a.nsec > b.nsec:
		return 1
	}
	return 0
}

// parseDate parses an ISO 8601 date/time or epoch seconds.
func parseDate(s string) (instant, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return instant{}, false
	}
	if allDigits(s) || (s[0] == '-' && allDigits(s[1:])) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return instant{}, false
		}
		return instant{sec: n}, true
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return instant{sec: t.Unix(), nsec: int32(t.Nanosecond())}, true
		}
	}
	return instant{}, false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// verdict is the outcome of a condition for a request: it holds, it does
// not, or AWS does not document which (undecided).
type verdict uint8

const (
	vNo verdict = iota
	vYes
	// vUndecided: a single-valued operator (no ForAnyValue: or
	// ForAllValues:) on a key with more than one value in the request, or
	// a request value that is not of the operator's type (a Numeric,
	// Date, IpAddress or Bool operator against text that is no number,
	// date, IP address or boolean). AWS documents neither case: only that
	// "Multivalued context keys require a condition set operator" (IAM
	// User Guide, Single-valued vs. multivalued context keys) and that
	// values are compared as numbers, dates, addresses (Condition
	// operators). The statement's effect decides (cstmt.matches): the
	// condition holds in a Deny and not in an Allow, so that an undecided
	// condition never makes a request Allowed that AWS might deny.
	vUndecided
)

// eval evaluates the condition against the request context. missing is
// true when the key was absent from the context. An undecided condition
// (vUndecided) is reported as not holding, as in an Allow statement.
func (c *ccond) eval(ctx Context) (ok, missing bool) {
	v, missing := c.evalV(ctx)
	return v == vYes, missing
}

// evalV is eval, telling an undecided condition apart.
func (c *ccond) evalV(ctx Context) (v verdict, missing bool) {
	vals, present := ctx[c.key]
	if present && len(vals) == 0 && c.op.set == setNone {
		present = false
	}
	if c.op.kind == opNull {
		for i := range c.vals {
			if c.vals[i].bool != present {
				return vYes, false
			}
		}
		return vNo, false
	}
	if !present {
		switch {
		case c.op.ifExists, c.op.set == setForAll:
			return vYes, true
		case c.op.set == setForAny:
			return vNo, true
		}
		return yes(c.op.negated), true
	}
	switch c.op.set {
	case setForAll:
		// Every request value must match: one that does not decides; one
		// undecided leaves the whole undecided.
		out := vYes
		for _, v := range vals {
			switch c.matchOne(v, ctx) {
			case vNo:
				return vNo, false
			case vUndecided:
				out = vUndecided
			}
		}
		return out, false
	case setForAny:
		out := vNo
		for _, v := range vals {
			switch c.matchOne(v, ctx) {
			case vYes:
				return vYes, false
			case vUndecided:
				out = vUndecided
			}
		}
		return out, false
	}
	if len(vals) == 1 {
		return c.matchOne(vals[0], ctx), false
	}
	// A single-valued operator on a key with several values: how AWS
	// compares them is not documented (vUndecided), for the negated
	// operators as for the others.
	return vUndecided, false
}

func yes(b bool) verdict {
	if b {
		return vYes
	}
	return vNo
}

// matchOne applies the operator to one request value: a positive operator
// matches when any policy value matches, a negated one when none does. A
// request value that is not of the operator's type (reqValue) is
// undecided, whatever the policy values.
//
// A policy value whose variable has no value (its key is absent, without
// default) matches nothing, so a negated operator holds against it: the
// value is "effectively null", and "Inverted condition operators like
// StringNotEquals or StringNotLike do match against a null value" (IAM
// User Guide, IAM policy elements: Variables and tags, Policy variables
// with no value). A variable naming a key with several values in the
// request, which AWS says cannot be a policy variable ("you can't use a
// multivalued context key as a policy variable", Single-valued vs.
// multivalued context keys) but does not say how it evaluates, leaves the
// value undecided: unless another policy value decides (one that matches
// decides a positive operator true and a negated one false), the
// condition is undecided, positive or negated.
func (c *ccond) matchOne(v string, ctx Context) verdict {
	rv, ok := c.reqValue(v)
	if !ok {
		return vUndecided
	}
	hit, undecided := false, false
	for i := range c.vals {
		ok, unresolved := c.cmp(v, &rv, &c.vals[i], ctx)
		if ok {
			hit = true
			break
		}
		if unresolved && !undecided && c.vals[i].multiVar(ctx) {
			undecided = true
		}
	}
	if !hit && undecided {
		return vUndecided
	}
	return yes(hit != c.op.negated)
}

// reqVal is a request value read as the type of a Numeric, Date,
// IpAddress or ARN operator.
type reqVal struct {
	num float64
	t   instant
	ip  netip.Addr
	arn arnView
}

// reqValue reads the request value v as the operator's type: a number, a
// date (ISO 8601 or epoch seconds), one IP address (not a CIDR block), a
// boolean (true or false in any case) or an ARN ("arn:" and six
// colon-separated fields, splitARN). It is false when v is none. Text and
// binary operators compare any text.
//
// An ARN operator against a value that is no ARN ("not-an-arn", "", an
// account ID) is undocumented, whatever the pattern ("*" too): AWS says
// only that "Each of the six colon-delimited components of the ARN is
// checked separately" (IAM User Guide, Condition operators, Amazon
// Resource Name (ARN) condition operators).
func (c *ccond) reqValue(v string) (rv reqVal, ok bool) {
	switch c.op.kind {
	case opNumericEquals, opNumericLessThan, opNumericLessThanEquals, opNumericGreaterThan, opNumericGreaterThanEquals:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || math.IsNaN(f) {
			return rv, false
		}
		rv.num = f
	case opDateEquals, opDateLessThan, opDateLessThanEquals, opDateGreaterThan, opDateGreaterThanEquals:
		if rv.t, ok = parseDate(v); !ok {
			return rv, false
		}
	case opIPAddress:
		a, ok := parseIPPrefix(v)
		if !ok || !a.IsSingleIP() {
			return rv, false
		}
		rv.ip = a.Addr()
	case opBool:
		if !strings.EqualFold(v, "true") && !strings.EqualFold(v, "false") {
			return rv, false
		}
	case opArnLike:
		if rv.arn, ok = splitARN(v); !ok {
			return rv, false
		}
	}
	return rv, true
}

func (c *ccond) cmp(v string, rv *reqVal, pv *cval, ctx Context) (ok, unresolved bool) {
	switch c.op.kind {
	case opStringEquals, opStringEqualsIgnoreCase, opStringLike, opBinaryEquals:
		if !pv.str.resolvable(ctx) {
			return false, true
		}
		ok, unresolved = pv.str.match(v, ctx)
		if !ok && !unresolved && c.op.kind == opStringEqualsIgnoreCase {
			// "Exact matching, ignoring case" (IAM User Guide, Condition
			// operators): the pattern folds ASCII letters only, so text
			// with other letters (a tag value "ÉCOLE") is compared again
			// folding Unicode case.
			// Text all ASCII on both sides was compared already
			// (an ASCII request value is checked first, so that the
			// common case resolves no variable).
			if !isASCII(v) || pv.str.cx == nil && !isASCII(pv.str.text) {
				if t, ok2 := boolText(&pv.str, ctx); ok2 {
					ok = strings.EqualFold(t, v)
				}
			}
		}
		return ok, unresolved
	case opArnLike:
		if !pv.arn.resolvable(ctx) {
			return false, true
		}
		return pv.arn.match(v, rv.arn, true, ctx)
	case opBool:
		if pv.str.hasVar {
			t, ok := boolText(&pv.str, ctx)
			if !ok {
				return false, true
			}
			switch strings.ToLower(strings.TrimSpace(t)) {
			case "true":
				return boolIs(v, true), false
			case "false":
				return boolIs(v, false), false
			}
			return false, false // replaced, but not true or false
		}
	}
	return c.cmpTyped(v, rv, pv), false
}

// multiVar reports whether a variable of the policy value names a key
// with more than one value in ctx.
func (pv *cval) multiVar(ctx Context) bool {
	if pv.arn != nil {
		return pv.arn.multiVar(ctx)
	}
	return pv.str.multiVar(ctx)
}

// boolText is the text of a policy value without wildcards (a Bool or
// StringEqualsIgnoreCase value), each variable replaced from ctx, or
// false when one cannot be.
func boolText(p *pattern, ctx Context) (string, bool) {
	if p.cx == nil {
		return p.text, true
	}
	var b strings.Builder
	for i := range p.cx.toks {
		t, ok := tokText(&p.cx.toks[i], ctx)
		if !ok {
			return "", false
		}
		b.WriteString(t)
	}
	return b.String(), true
}

// boolIs reports whether the request value v is the boolean want, as
// "true" or "false" in any case.
func boolIs(v string, want bool) bool {
	if want {
		return strings.EqualFold(v, "true")
	}
	return strings.EqualFold(v, "false")
}

// cmpTyped compares the request value v, read as rv (reqValue), with
// the policy value pv of a Numeric, Date, Bool or IpAddress operator.
func (c *ccond) cmpTyped(v string, rv *reqVal, pv *cval) bool {
	switch c.op.kind {
	case opNumericEquals:
		return rv.num == pv.num
	case opNumericLessThan:
		return rv.num < pv.num
	case opNumericLessThanEquals:
		return rv.num <= pv.num
	case opNumericGreaterThan:
		return rv.num > pv.num
	case opNumericGreaterThanEquals:
		return rv.num >= pv.num
	case opDateEquals, opDateLessThan, opDateLessThanEquals, opDateGreaterThan, opDateGreaterThanEquals:
		d := rv.t.compare(pv.t)
		switch c.op.kind {
		case opDateEquals:
			return d == 0
		case opDateLessThan:
			return d < 0
		case opDateLessThanEquals:
			return d <= 0
		case opDateGreaterThan:
			return d > 0
		}
		return d >= 0
	case opBool:
		return boolIs(v, pv.bool)
	case opIPAddress:
		return pv.ip.Contains(rv.ip)
	}
	return false
}
