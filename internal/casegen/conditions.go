package casegen

import (
	"regexp"
	"strings"

	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/policy"
)

// globalKeys are the global condition keys the generator uses, with value
// domains. Tag keys use fixed tag names.
var globalKeys = []keySpec{
	{"aws:SourceIp", kIP, false, append(append([]string{}, ipsIn...), ipsOut...)},
	{"aws:SecureTransport", kBool, false, []string{"true", "false"}},
	{"aws:CurrentTime", kDate, false, times},
	{"aws:EpochTime", kDate, false, epochs},
	{"aws:RequestedRegion", kString, false, regions},
	{"aws:PrincipalOrgID", kString, false, []string{orgID, otherOrg}},
	{"aws:PrincipalOrgPaths", kString, true, []string{orgID + "/" + orgRoot + "/" + ouProd + "/", orgID + "/" + orgRoot + "/" + ouDev + "/", orgID + "/" + orgRoot + "/*", orgID + "/*"}},
	{"aws:PrincipalAccount", kString, false, []string{acctA, acctB, acctC}},
	{"aws:PrincipalArn", kARN, false, []string{"arn:aws:iam::" + acctA + ":role/AppRole", "arn:aws:iam::" + acctA + ":user/alice", "arn:aws:iam::" + acctB + ":role/DeployRole", "arn:aws:iam::" + acctA + ":root"}},
	{"aws:PrincipalType", kString, false, []string{"User", "AssumedRole", "FederatedUser", "Account", "Anonymous"}},
	{"aws:username", kString, false, userNames},
	{"aws:userid", kString, false, []string{"AIDAJQABLZS4A3QDU576Q", "AROADBQP57FF2AEXAMPLE:ci-run-4821", acctA}},
	{"aws:PrincipalIsAWSService", kBool, false, []string{"true", "false"}},
	{"aws:PrincipalServiceName", kString, false, svcNames},
	{"aws:PrincipalTag/team", kString, false, teams},
	{"aws:PrincipalTag/env", kString, false, envs},
	{"aws:MultiFactorAuthPresent", kBool, false, []string{"true", "false"}},
	{"aws:MultiFactorAuthAge", kNumeric, false, []string{"30", "900", "3600", "7200", "86400"}},
	{"aws:TokenIssueTime", kDate, false, times},
	{"aws:SourceVpc", kString, false, vpcs},
	{"aws:SourceVpce", kString, false, vpces},
	{"aws:VpcSourceIp", kIP, false, []string{"10.1.2.3", "10.20.30.40", "172.31.0.5"}},
	{"aws:ResourceAccount", kString, false, []string{acctA, acctB, acctC}},
	{"aws:ResourceTag/env", kString, false, envs},
	{"aws:ResourceTag/team", kString, false, teams},
	{"aws:RequestTag/env", kString, false, envs},
	{"aws:TagKeys", kString, true, []string{"env", "owner", "cost-center", "team"}},
	{"aws:CalledVia", kString, true, calledVias},
	{"aws:ViaAWSService", kBool, false, []string{"true", "false"}},
	{"aws:SourceAccount", kString, false, []string{acctA, acctB, acctC}},
	{"aws:SourceArn", kARN, false, []string{"arn:aws:cloudtrail:us-east-1:" + acctA + ":trail/org-trail", "arn:aws:events:us-east-1:" + acctA + ":rule/nightly", "arn:aws:s3:::app-logs"}},
	{"aws:SourceOrgID", kString, false, []string{orgID, otherOrg}},
}

// keysFor returns the condition keys usable in a case: the global keys
// plus the action's service keys.
func keysFor(s *scn) []keySpec {
	ks := make([]keySpec, 0, len(globalKeys)+len(s.spec.keys))
	ks = append(ks, globalKeys...)
	return append(ks, s.spec.keys...)
}

type opChoice struct {
	op string
	w  int
}

var (
	stringOps = []opChoice{{"StringEquals", 25}, {"StringNotEquals", 12}, {"StringEqualsIgnoreCase", 6}, {"StringNotEqualsIgnoreCase", 4},
		{"StringLike", 20}, {"StringNotLike", 10}, {"Null", 7}}
	arnOps     = []opChoice{{"ArnEquals", 12}, {"ArnLike", 20}, {"ArnNotEquals", 6}, {"ArnNotLike", 10}, {"StringEquals", 6}, {"StringLike", 10}, {"Null", 4}}
	numericOps = []opChoice{{"NumericEquals", 8}, {"NumericNotEquals", 5}, {"NumericLessThan", 12}, {"NumericLessThanEquals", 8}, {"NumericGreaterThan", 10}, {"NumericGreaterThanEquals", 6}, {"Null", 3}}
	dateOps    = []opChoice{{"DateEquals", 4}, {"DateNotEquals", 4}, {"DateLessThan", 12}, {"DateLessThanEquals", 6}, {"DateGreaterThan", 12}, {"DateGreaterThanEquals", 6}, {"Null", 3}}
	boolOps    = []opChoice{{"Bool", 20}, {"Null", 4}}
	ipOps      = []opChoice{{"IpAddress", 15}, {"NotIpAddress", 12}, {"Null", 2}}
	multiOps   = []opChoice{{"ForAnyValue:StringEquals", 14}, {"ForAnyValue:StringLike", 8}, {"ForAnyValue:StringNotEquals", 3}, {"ForAllValues:StringEquals", 12},
		{"ForAllValues:StringLike", 6}, {"ForAllValues:StringNotEquals", 3}, {"ForAllValues:StringNotLike", 2}, {"ForAnyValue:StringEqualsIgnoreCase", 2}, {"Null", 4}}
)

func (g *Generator) pickOp(cs []opChoice) string {
	ws := make([]int, len(cs))
	for i, c := range cs {
		ws[i] = c.w
	}
	return cs[g.weighted(ws...)].op
}

// conditions adds 0 or more condition entries to st: the first with
// probability p, each further one with probability p/3.
func (g *Generator) conditions(s *scn, st *policy.Statement, p float64) {
	for n := 0; n < 3 && g.chance(p); n++ {
		if n > 0 {
			p /= 3
		}
		g.condition(s, st)
	}
}

func (g *Generator) condition(s *scn, st *policy.Statement) {
	keys := keysFor(s)
	var ks keySpec
	// Prefer keys present in the request so that values decide; keep
	// missing keys common too.
	if g.chance(0.62) {
		var present []keySpec
		for _, k := range keys {
			if _, ok := s.ctx[k.name]; ok {
				present = append(present, k)
			}
		}
		if len(present) > 0 {
			ks = pick(g, present)
		} else {
			ks = pick(g, keys)
		}
	} else {
		ks = pick(g, keys)
	}
	ctxVals, present := ctxValues(s.ctx, ks.name)
	if !present {
		g.tag("missing-key")
	}
	g.tagAnonymousKey(s, ks.name)

	var op string
	switch {
	case ks.multi:
		op = g.pickOp(multiOps)
	case ks.kind == kString && g.chance(0.04):
		op = pick(g, []string{"ForAnyValue:StringEquals", "ForAllValues:StringEquals", "ForAnyValue:StringLike", "ForAllValues:StringNotEquals"})
		g.tag("set-operator-on-single-valued-key")
	case ks.kind == kString && g.chance(0.004):
		op = "BinaryEquals"
	default:
		switch ks.kind {
		case kString:
			op = g.pickOp(stringOps)
		case kARN:
			op = g.pickOp(arnOps)
		case kNumeric:
			op = g.pickOp(numericOps)
		case kDate:
			op = g.pickOp(dateOps)
		case kBool:
			op = g.pickOp(boolOps)
		case kIP:
			op = g.pickOp(ipOps)
		}
	}
	values := g.condValues(s, ks, op, ctxVals, present)
	if op != "Null" && !strings.Contains(op, ":") && op != "BinaryEquals" && g.chance(0.15) {
		op += "IfExists"
	}
	g.tag("op:" + op)
	if present && !ks.multi && len(ctxVals) > 0 && op != "Null" {
		g.tag("key-present")
	}
	key := ks.name
	if g.chance(0.03) {
		g.tag("condition-key-case")
		key = strings.ToLower(key)
	}
	if hasCondition(st, op, key) {
		return
	}
	for _, v := range values {
		if strings.Contains(v, "${") {
			g.tag("var-condition")
			if g.noteVars(s, v) && negatedOp(op) {
				g.tag("var-missing-negated")
			}
		}
	}
	setCondition(st, op, key, values...)
}

func ctxValues(ctx map[string]any, key string) ([]string, bool) {
	v, ok := ctx[key]
	if !ok {
		return nil, false
	}
	switch x := v.(type) {
	case string:
		return []string{x}, true
	case []string:
		return x, true
	}
	return nil, true
}

// condValues picks the values of one condition: often the request's own
// value (or a pattern covering it), otherwise values of the key's domain.
func (g *Generator) condValues(s *scn, ks keySpec, op string, ctxVals []string, present bool) []string {
	if op == "Null" {
		return []string{pick(g, []string{"true", "false"})}
	}
	base := op
	if i := strings.IndexByte(base, ':'); i >= 0 {
		base = base[i+1:]
	}
	like := strings.Contains(base, "Like")
	match := present && len(ctxVals) > 0 && g.chance(0.6)
	n := 1
	if g.chance(0.25) {
		n = 2
	}
	var out []string
	for i := 0; i < n; i++ {
		var v string
		if match && i == 0 {
			v = pick(g, ctxVals)
		} else if len(ks.values) > 0 {
			v = pick(g, ks.values)
		} else if len(ctxVals) > 0 {
			v = pick(g, ctxVals)
		} else {
			v = "none"
		}
		switch ks.kind {
		case kIP:
			v = g.ipValue(v, match && i == 0)
		case kNumeric:
			if !match || i > 0 {
				v = pick(g, append([]string{"60", "1000", "3600", "1.2", "2"}, ks.values...))
			}
		case kDate:
			if !match || i > 0 {
				if ks.name == "aws:EpochTime" {
					v = pick(g, append([]string{"1735689600", "1767225600"}, epochs...))
				} else {
					v = pick(g, append([]string{"2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2024-06-30"}, times...))
				}
			}
		case kBool:
			if g.chance(0.1) {
				v = strings.ToUpper(v[:1]) + v[1:]
				g.tag("bool-case")
			}
		case kString, kARN:
			switch {
			case like && g.chance(0.7):
				v = g.likePattern(v, ks.kind == kARN)
			case strings.Contains(base, "IgnoreCase") && g.chance(0.6):
				v = caseVary(g, v)
			case base == "BinaryEquals":
				v = "QmluYXJ5VmFsdWU="
			}
			if !strings.HasPrefix(base, "Arn") && g.chance(0.06) {
				if w, ok := g.variableValue(s, ks.name, like); ok {
					v = w
				}
			} else if ks.kind == kARN && strings.HasPrefix(base, "Arn") && g.chance(0.08) {
				// The ARN with its account field a variable.
				if f, n := arn.Fields(v); n == 6 && f[4] != "" && !strings.Contains(f[4], "*") {
					v = strings.Join([]string{f[0], f[1], f[2], f[3], "${aws:PrincipalAccount}", f[5]}, ":")
					g.tagARNFieldVar(v) // and var-condition, by the caller
				}
			}
		}
		if !contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// likePattern turns a value into a wildcard pattern that still matches it.
func (g *Generator) likePattern(v string, isARN bool) string {
	if v == "" {
		return "*"
	}
	if isARN && strings.HasPrefix(v, "arn:") {
		parts, n := arn.Fields(v)
		if n == 6 {
			switch g.r.IntN(3) {
			case 0:
				parts[4] = "*"
			case 1:
				if i := strings.LastIndexAny(parts[5], "/:"); i > 0 {
					parts[5] = parts[5][:i+1] + "*"
				} else {
					parts[5] = "*"
				}
			default:
				parts[3] = "*"
			}
			return strings.Join(parts[:], ":")
		}
	}
	k := 1 + g.r.IntN(max(1, len(v)-1))
	switch g.r.IntN(3) {
	case 0:
		return v[:k] + "*"
	case 1:
		return "*" + v[k:]
	default:
		return v[:k-1] + "?" + v[k:]
	}
}

// ipValue turns an address into a policy value: the address itself or a
// CIDR block containing it when match, else a block from the pool.
func (g *Generator) ipValue(ip string, match bool) string {
	if !match {
		if g.chance(0.15) {
			return pick(g, ipsOut)
		}
		return pick(g, cidrs)
	}
	switch {
	case g.chance(0.2):
		return ip
	case g.chance(0.2):
		return ip + "/32"
	case strings.HasPrefix(ip, "10."):
		return "10.0.0.0/8"
	}
	oct := strings.Split(ip, ".")
	if len(oct) == 4 {
		return strings.Join(oct[:3], ".") + ".0/24"
	}
	return ip
}

// variableValue returns a condition value using a policy variable that is
// sensible for the key, when there is one.
func (g *Generator) variableValue(s *scn, key string, like bool) (string, bool) {
	switch key {
	case "aws:ResourceTag/team", "aws:RequestTag/env", "aws:ResourceTag/env":
		tag := key[strings.IndexByte(key, '/')+1:]
		if g.chance(0.3) {
			return "${aws:PrincipalTag/" + tag + ", 'shared'}", true
		}
		return "${aws:PrincipalTag/" + tag + "}", true
	case "aws:ResourceAccount", "aws:SourceAccount":
		return "${aws:PrincipalAccount}", true
	case "s3:prefix":
		if like {
			return "home/${aws:username}/*", true
		}
		return "home/${aws:username}/", true
	case "aws:PrincipalTag/team":
		return "${aws:ResourceTag/team}", true
	case "sts:RoleSessionName":
		return "${aws:username}", true
	}
	return "", false
}

// tagARNFieldVar tags an ARN pattern with a policy variable in one of
// its first five fields ("var-arn-field").
func (g *Generator) tagARNFieldVar(p string) {
	if f, n := arn.FieldsVars(p); n == 6 && strings.Contains(strings.Join(f[:5], ":"), "${") {
		g.tag("var-arn-field")
	}
}

// tagAnonymousKey tags an anonymous request whose policy reads a key
// that AWS puts in every request, anonymous ones too, with a value of its
// own ("anonymous-principal-key"): aws:PrincipalAccount and aws:userid
// "anonymous", aws:PrincipalType "Anonymous".
func (g *Generator) tagAnonymousKey(s *scn, key string) {
	if s.kind != pAnon {
		return
	}
	switch strings.ToLower(key) {
	case "aws:principalaccount", "aws:principaltype", "aws:userid":
		g.tag("anonymous-principal-key")
	}
}

var varRE = regexp.MustCompile(`\$\{([^}]*)\}`)

// negatedOp reports whether op is a negated string or ARN operator
// (StringNotEquals, ForAllValues:StringNotLike, ArnNotLikeIfExists, ...).
func negatedOp(op string) bool {
	if i := strings.IndexByte(op, ':'); i >= 0 {
		op = op[i+1:]
	}
	return strings.HasPrefix(op, "StringNot") || strings.HasPrefix(op, "ArnNot")
}

// noteVars tags a case whose policy uses a variable with a default, or one
// that is absent from the request without a default, and reports whether
// v has such an absent one.
func (g *Generator) noteVars(s *scn, v string) (missing bool) {
	for _, m := range varRE.FindAllStringSubmatch(v, -1) {
		name, hasDefault := m[1], false
		if i := strings.Index(name, ","); i >= 0 {
			name, hasDefault = strings.TrimSpace(name[:i]), true
			g.tag("var-default")
		}
		g.tagAnonymousKey(s, name)
		vals, ok := ctxValues(s.ctx, name)
		if !ok || len(vals) == 0 {
			if !hasDefault {
				g.tag("var-missing")
				missing = true
			}
		} else if _, single := s.ctx[name].(string); !single {
			g.tag("var-multivalued")
		}
	}
	return missing
}
