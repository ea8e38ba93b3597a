package policy

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/deniedhq/denied/internal/arn"
)

// Condition operators without the ForAllValues:/ForAnyValue: qualifier and
// the IfExists suffix.
var baseOperators = [...]struct {
	name   string
	family opFamily
}{
	{"StringEquals", familyString},
	{"StringNotEquals", familyString},
	{"StringEqualsIgnoreCase", familyString},
	{"StringNotEqualsIgnoreCase", familyString},
	{"StringLike", familyString},
	{"StringNotLike", familyString},
	{"NumericEquals", familyNumeric},
	{"NumericNotEquals", familyNumeric},
	{"NumericLessThan", familyNumeric},
	{"NumericLessThanEquals", familyNumeric},
	{"NumericGreaterThan", familyNumeric},
	{"NumericGreaterThanEquals", familyNumeric},
	{"DateEquals", familyDate},
	{"DateNotEquals", familyDate},
	{"DateLessThan", familyDate},
	{"DateLessThanEquals", familyDate},
	{"DateGreaterThan", familyDate},
	{"DateGreaterThanEquals", familyDate},
	{"Bool", familyBool},
	{"BinaryEquals", familyBinary},
	{"IpAddress", familyIP},
	{"NotIpAddress", familyIP},
	{"ArnEquals", familyARN},
	{"ArnLike", familyARN},
	{"ArnNotEquals", familyARN},
	{"ArnNotLike", familyARN},
	{"Null", familyBool},
}

type opFamily uint8

const (
	familyString opFamily = iota + 1
	familyNumeric
	familyDate
	familyBool
	familyBinary
	familyIP
	familyARN
)

// opInfo is a condition operator taken apart.
type opInfo struct {
	known     bool
	canonical string // correct spelling of the whole operator
	qualifier string // "", "ForAllValues:" or "ForAnyValue:"
	base      string // e.g. "StringLike"
	ifExists  bool
	family    opFamily
}

const (
	forAllValues = "ForAllValues:"
	forAnyValue  = "ForAnyValue:"
	ifExists     = "IfExists"
)

// parseOperator takes apart a condition operator, ignoring ASCII case.
func parseOperator(op string) opInfo {
	info := operatorParts(op)
	if !info.known {
		return info
	}
	info.canonical = info.qualifier + info.base
	if info.ifExists {
		info.canonical += ifExists
	}
	return info
}

// operatorParts is parseOperator without the canonical spelling (which
// costs an allocation for a qualified or IfExists operator).
func operatorParts(op string) opInfo {
	var info opInfo
	rest := op
	switch {
	case len(rest) >= len(forAllValues) && asciiEqualFold(rest[:len(forAllValues)], forAllValues):
		info.qualifier, rest = forAllValues, rest[len(forAllValues):]
	case len(rest) >= len(forAnyValue) && asciiEqualFold(rest[:len(forAnyValue)], forAnyValue):
		info.qualifier, rest = forAnyValue, rest[len(forAnyValue):]
	}
	if len(rest) > len(ifExists) && asciiEqualFold(rest[len(rest)-len(ifExists):], ifExists) {
		info.ifExists, rest = true, rest[:len(rest)-len(ifExists)]
	}
	for _, b := range baseOperators {
		if asciiEqualFold(b.name, rest) {
			info.base, info.family = b.name, b.family
			break
		}
	}
	if info.base == "" || info.base == "Null" && info.ifExists {
		return opInfo{}
	}
	info.known = true
	return info
}

// CanonicalOperator returns the correct spelling of the condition operator
// op, which is matched ignoring ASCII case (including its ForAllValues: or
// ForAnyValue: qualifier and IfExists suffix), and whether op is a known
// operator at all. For example "stringequalsifexists" gives
// "StringEqualsIfExists", true.
func CanonicalOperator(op string) (string, bool) {
	info := parseOperator(op)
	return info.canonical, info.known
}

// partitions are the AWS partitions an ARN may name.
var partitions = [...]string{"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"}

func knownPartition(p string) bool {
	for _, k := range partitions {
		if p == k {
			return true
		}
	}
	return false
}

func hasWildcard(s string) bool { return strings.ContainsAny(s, "*?") }

// resourceARNProblem describes what is wrong with a Resource value other
// than "*", or returns "".
func resourceARNProblem(s string, vars bool) string {
	// Without a "${" FieldsVars splits as Fields does, which finds the
	// colons a vector at a time instead of a byte (FieldsVars was 6% of
	// ParseClean's instructions on generated cases, most of whose
	// resources have no variable); before, a 2008-10-17 document's
	// resource was split twice. TestResourceARNSplit.
	hasVar := vars && strings.Contains(s, "${")
	var f [6]string
	var n int
	if hasVar {
		f, n = arn.FieldsVars(s)
	} else {
		f, n = arn.Fields(s)
	}
	switch {
	case n < 6:
		return "it has fewer than six colon-separated fields"
	case f[0] != "arn":
		return "it does not start with \"arn:\""
	case hasVar && strings.Contains(s[:len(s)-len(f[5])], "${"): // the first five fields, without concatenating them
		// IAM refuses such a policy: create-policy answers
		// MalformedPolicyDocument ("The policy failed legacy parsing"),
		// and AWS documents variables in the resource part only.
		return "a policy variable can be used only in the resource part of an ARN, after its fifth colon (IAM refuses this policy: MalformedPolicyDocument)"
	case !knownPartition(f[1]) && !hasWildcard(f[1]):
		return "unknown partition \"" + f[1] + "\""
	case f[2] == "":
		return "the service is empty"
	case f[5] == "":
		return "the resource is empty"
	}
	return ""
}

// awsPrincipalProblem describes what is wrong with a Principal AWS value,
// or returns "".
func awsPrincipalProblem(s string) string {
	if s == "*" || arn.IsAccountID(s) {
		return ""
	}
	f, n := arn.Fields(s)
	switch {
	case n < 6 || f[0] != "arn":
		return "it must be \"*\", a 12-digit account ID or an IAM or STS ARN such as \"arn:aws:iam::123456789012:role/name\""
	case !knownPartition(f[1]):
		return "unknown partition \"" + f[1] + "\""
	case f[2] != "iam" && f[2] != "sts":
		return "the service must be \"iam\" or \"sts\", not \"" + f[2] + "\""
	case f[3] != "":
		return "IAM and STS ARNs have no region"
	case !arn.IsAccountID(f[4]):
		return "the account \"" + f[4] + "\" is not a 12-digit account ID"
	case f[5] == "":
		return "the resource is empty"
	case f[2] == "sts" && !strings.HasPrefix(f[5], "assumed-role/") && !strings.HasPrefix(f[5], "federated-user/"):
		return "an STS principal must be an assumed-role/ or federated-user/ ARN"
	}
	return ""
}

// isUniqueID reports whether s looks like an IAM unique ID (AIDA…, AROA…),
// which is what AWS shows in policies in place of a deleted principal.
func isUniqueID(s string) bool {
	if len(s) < 16 || len(s) > 128 {
		return false
	}
	switch s[:4] {
	case "AIDA", "AROA", "AGPA", "ANPA", "ANVA", "AIPA", "ASIA", "AKIA":
	default:
		return false
	}
	for i := 4; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

var serviceSuffixes = [...]string{".amazonaws.com", ".amazonaws.com.cn", ".c2s.ic.gov", ".sc2s.sgov.gov"}

// validServicePrincipal reports whether s looks like a service principal
// such as "lambda.amazonaws.com".
func validServicePrincipal(s string) bool {
	for _, suf := range serviceSuffixes {
		if len(s) > len(suf) && strings.HasSuffix(s, suf) {
			name := s[:len(s)-len(suf)]
			for i := 0; i < len(name); i++ {
				c := name[i]
				if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
					return false
				}
			}
			return name[0] != '.' && name[0] != '-'
		}
	}
	return false
}

// actionProblem says what is wrong with an Action or NotAction value.
// IAM refuses a value without a service prefix, with an empty or
// malformed prefix, or with more than one colon (fatal). It stores the
// rest as written, and a value with spaces around it, nothing after the
// colon, a comma, or any character an action name cannot hold matches no
// action: "invalid actions do not affect the permissions granted by the
// policy" (IAM Access Analyzer policy check reference). Such a value is
// reported, not fatal. "" means the value is fine.
func actionProblem(s string) (msg string, fatal bool) {
	if s == "*" {
		return "", false
	}
	t := strings.TrimSpace(s)
	switch strings.Count(t, ":") {
	case 0:
		return "it has no service prefix such as \"s3:\"", true
	case 1:
	default:
		return "it has more than one colon", true
	}
	i := strings.IndexByte(t, ':')
	vendor, name := t[:i], t[i+1:]
	if vendor == "" {
		return "its service prefix is empty", true
	}
	for j := 0; j < len(vendor); j++ {
		c := vendor[j]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return fmt.Sprintf("its service prefix %q is not a service prefix", vendor), true
		}
	}
	switch {
	case name == "":
		return "nothing follows the colon", false
	case strings.IndexByte(name, ',') >= 0:
		return "it holds a comma, and IAM does not split a value into several actions", false
	case t != s:
		return "it has spaces around it, which IAM keeps", false
	}
	for j := 0; j < len(name); j++ {
		c := name[j]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '*' || c == '?') {
			return fmt.Sprintf("it holds %q, which no action name has", string(rune(c))), false
		}
	}
	return "", false
}

// ActionNeverMatches reports whether an Action or NotAction value that IAM
// stores can never match a request's action (see CodeActionNeverMatches).
func ActionNeverMatches(s string) bool {
	msg, fatal := actionProblem(s)
	return msg != "" && !fatal
}

// isNumber reports whether s is a decimal number: an optional sign,
// digits with an optional fraction, and an optional exponent.
func isNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	return exponentEnds(s, i)
}

// isEpoch reports whether s is an integer number of seconds since the
// Unix epoch.
func isEpoch(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > 19 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// fixedDigits reads n digits at s[i:], returning the value and whether
// they were all digits.
func fixedDigits(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for j := i; j < i+n; j++ {
		if !isDigit(s[j]) {
			return 0, false
		}
		v = v*10 + int(s[j]-'0')
	}
	return v, true
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// isDate reports whether s is an ISO 8601 date or date and time in the
// extended format: YYYY-MM-DD, optionally followed by Thh:mm, :ss, a
// fraction of a second and a zone (Z, ±hh:mm, ±hhmm or ±hh).
func isDate(s string) bool {
	y, ok1 := fixedDigits(s, 0, 4)
	mo, ok2 := fixedDigits(s, 5, 2)
	d, ok3 := fixedDigits(s, 8, 2)
	if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return false
	}
	if len(s) == 10 {
		return true
	}
	if s[10] != 'T' && s[10] != 't' {
		return false
	}
	h, ok1 := fixedDigits(s, 11, 2)
	mi, ok2 := fixedDigits(s, 14, 2)
	if !ok1 || !ok2 || s[13] != ':' || h > 23 || mi > 59 {
		return false
	}
	i := 16
	if i < len(s) && s[i] == ':' {
		sec, ok := fixedDigits(s, i+1, 2)
		if !ok || sec > 60 {
			return false
		}
		i += 3
		if i < len(s) && (s[i] == '.' || s[i] == ',') {
			i++
			start := i
			for i < len(s) && isDigit(s[i]) {
				i++
			}
			if i == start {
				return false
			}
		}
	}
	if i == len(s) {
		return true
	}
	switch s[i] {
	case 'Z', 'z':
		return i+1 == len(s)
	case '+', '-':
		zh, ok := fixedDigits(s, i+1, 2)
		if !ok || zh > 23 {
			return false
		}
		rest := s[i+3:]
		switch {
		case rest == "":
			return true
		case len(rest) == 3 && rest[0] == ':':
			zm, ok := fixedDigits(rest, 1, 2)
			return ok && zm < 60
		case len(rest) == 2:
			zm, ok := fixedDigits(rest, 0, 2)
			return ok && zm < 60
		}
	}
	return false
}

// isIPOrCIDR reports whether s is an IPv4 or IPv6 address or CIDR block.
func isIPOrCIDR(s string) bool {
	if strings.IndexByte(s, '/') >= 0 {
		p, err := netip.ParsePrefix(s)
		return err == nil && p.Addr().Zone() == ""
	}
	a, err := netip.ParseAddr(s)
	return err == nil && a.Zone() == ""
}

// exponentEnds reports whether s[i:] is empty or an exponent ("e", an
// optional sign, digits) that ends s: the common tail of number syntaxes.
func exponentEnds(s string, i int) bool {
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == start {
			return false
		}
	}
	return i == len(s)
}
