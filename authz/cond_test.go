package authz

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/policy"
)

func TestCondition(t *testing.T) {
	t.Parallel()
	ctx := Context{
		"aws:sourceip":               {"10.1.2.3"},
		"aws:sourceipv6":             {"2001:db8::1"},
		"aws:currenttime":            {"2026-11-23T12:00:00Z"},
		"aws:epochtime":              {"1795435200"},
		"aws:multifactorauthpresent": {"true"},
		"aws:multifactorauthage":     {"300"},
		"aws:tagkeys":                {"env", "team"},
		"aws:username":               {"alice"},
		"s3:prefix":                  {"home/alice/docs"},
		"aws:sourcearn":              {"arn:aws:s3:::bucket-1"},
		"kms:encryptioncontextkeys":  {"aws:backup:backup-vault"},
		"data":                       {"SGVsbG8="},
		"empty":                      {},
		"aws:principaltag/school":    {"ÉCOLE Ünïcode"},
		"aws:principaltag/team":      {"Équipe"},
		"aws:principaltag/word":      {"ÜNÏCODE"},
	}
	tests := []struct {
		op, key string
		vals    []string
		want    bool
		missing bool
	}{
		{"StringEquals", "aws:username", []string{"alice"}, true, false},
		{"StringEquals", "aws:username", []string{"Alice"}, false, false},
		{"StringEquals", "AWS:UserName", []string{"bob", "alice"}, true, false},
		{"StringNotEquals", "aws:username", []string{"bob"}, true, false},
		{"StringNotEquals", "aws:username", []string{"bob", "alice"}, false, false},
		// A variable that cannot be resolved matches nothing, so a negated
		// operator holds (TestNegatedVariableWithoutValue).
		{"StringNotEquals", "aws:username", []string{"${aws:PrincipalTag/none}"}, true, false},
		{"StringEquals", "aws:username", []string{"${aws:PrincipalTag/none}", "alice"}, true, false},
		{"StringNotLike", "s3:prefix", []string{"other/${aws:PrincipalTag/none}/*"}, true, false},
		{"StringEqualsIgnoreCase", "aws:username", []string{"ALICE"}, true, false},
		{"StringNotEqualsIgnoreCase", "aws:username", []string{"ALICE"}, false, false},
		// Case is ignored for every letter, not only ASCII ones.
		{"StringEqualsIgnoreCase", "aws:PrincipalTag/school", []string{"école ünïcode"}, true, false},
		{"StringEqualsIgnoreCase", "aws:PrincipalTag/school", []string{"ecole unicode"}, false, false},
		{"StringNotEqualsIgnoreCase", "aws:PrincipalTag/school", []string{"École ÜNÏCODE"}, false, false},
		{"StringEqualsIgnoreCase", "aws:PrincipalTag/school", []string{"${aws:PrincipalTag/team} Ünïcode"}, false, false},
		{"StringEqualsIgnoreCase", "aws:PrincipalTag/team", []string{"ÉQUIPE"}, true, false},
		{"StringEqualsIgnoreCase", "aws:PrincipalTag/school", []string{"école ${aws:PrincipalTag/word}"}, true, false},
		{"StringEquals", "aws:PrincipalTag/team", []string{"équipe"}, false, false},
		{"StringLike", "s3:prefix", []string{"home/${aws:username}/*"}, true, false},
		{"StringLike", "s3:prefix", []string{"home/?lice/*"}, true, false},
		{"StringNotLike", "s3:prefix", []string{"home/bob/*"}, true, false},
		{"StringEquals", "s3:prefix", []string{"home/*"}, false, false},
		{"NumericLessThan", "aws:multifactorauthage", []string{"3600"}, true, false},
		{"NumericLessThan", "aws:multifactorauthage", []string{"300"}, false, false},
		{"NumericLessThanEquals", "aws:multifactorauthage", []string{"300"}, true, false},
		{"NumericGreaterThan", "aws:multifactorauthage", []string{"299.5"}, true, false},
		{"NumericGreaterThanEquals", "aws:multifactorauthage", []string{"301"}, false, false},
		{"NumericEquals", "aws:multifactorauthage", []string{"300.0"}, true, false},
		{"NumericNotEquals", "aws:multifactorauthage", []string{"300"}, false, false},
		{"DateLessThan", "aws:currenttime", []string{"2027-01-01T00:00:00Z"}, true, false},
		{"DateGreaterThan", "aws:currenttime", []string{"2027-01-01"}, false, false},
		{"DateEquals", "aws:epochtime", []string{"2026-11-23T12:00:00Z"}, true, false},
		{"DateLessThanEquals", "aws:currenttime", []string{"1795435200"}, true, false},
		{"DateNotEquals", "aws:currenttime", []string{"2026-11-23T12:00:00+00:00"}, false, false},
		{"DateGreaterThanEquals", "aws:currenttime", []string{"2026-11-23T13:00:00+02:00"}, true, false},
		{"Bool", "aws:multifactorauthpresent", []string{"true"}, true, false},
		{"Bool", "aws:multifactorauthpresent", []string{"false"}, false, false},
		{"BoolIfExists", "aws:securetransport", []string{"false"}, true, true},
		{"Bool", "aws:securetransport", []string{"true"}, false, true},
		{"BinaryEquals", "data", []string{"SGVsbG8="}, true, false},
		{"IpAddress", "aws:sourceip", []string{"10.0.0.0/8"}, true, false},
		{"IpAddress", "aws:sourceip", []string{"192.168.0.0/16", "10.1.2.3"}, true, false},
		{"NotIpAddress", "aws:sourceip", []string{"10.0.0.0/8"}, false, false},
		{"IpAddress", "aws:sourceipv6", []string{"2001:db8::/32"}, true, false},
		{"IpAddress", "aws:sourceipv6", []string{"10.0.0.0/8"}, false, false},
		{"ArnLike", "aws:sourcearn", []string{"arn:aws:s3:::bucket-*"}, true, false},
		{"ArnEquals", "aws:sourcearn", []string{"arn:aws:s3:::bucket-?"}, true, false},
		{"ArnNotLike", "aws:sourcearn", []string{"arn:aws:s3:::other*"}, true, false},
		{"ArnNotEquals", "aws:sourcearn", []string{"arn:aws:s3:::bucket-1"}, false, false},
		{"Null", "aws:securetransport", []string{"true"}, true, false},
		{"Null", "aws:username", []string{"true"}, false, false},
		{"Null", "aws:username", []string{"false"}, true, false},
		// Missing keys.
		{"StringEquals", "aws:sourcevpc", []string{"vpc-1"}, false, true},
		{"StringNotEquals", "aws:sourcevpc", []string{"vpc-1"}, true, true},
		{"StringEqualsIfExists", "aws:sourcevpc", []string{"vpc-1"}, true, true},
		{"StringEqualsIfExists", "aws:username", []string{"bob"}, false, false},
		{"ForAllValues:StringEquals", "aws:sourcevpc", []string{"vpc-1"}, true, true},
		{"ForAnyValue:StringEquals", "aws:sourcevpc", []string{"vpc-1"}, false, true},
		// Multi-valued keys.
		{"ForAllValues:StringEquals", "aws:tagkeys", []string{"env", "team", "owner"}, true, false},
		{"ForAllValues:StringEquals", "aws:tagkeys", []string{"env"}, false, false},
		{"ForAnyValue:StringEquals", "aws:tagkeys", []string{"team"}, true, false},
		{"ForAnyValue:StringEquals", "aws:tagkeys", []string{"owner"}, false, false},
		{"ForAllValues:StringNotEquals", "aws:tagkeys", []string{"owner"}, true, false},
		{"ForAnyValue:StringNotEquals", "aws:tagkeys", []string{"env"}, true, false},
		{"ForAnyValue:StringLike", "kms:encryptioncontextkeys", []string{"aws:backup:*"}, true, false},
		{"ForAllValues:StringEquals", "empty", []string{"x"}, true, false},
	}
	for _, tt := range tests {
		c := policy.Condition{Operator: tt.op, Key: tt.key, Values: tt.vals}
		cc, err := compileCondition(&c, true)
		if err != nil {
			t.Fatalf("%s %s: %v", tt.op, tt.key, err)
		}
		got, missing := cc.eval(ctx)
		if got != tt.want || missing != tt.missing {
			t.Errorf("%s %s %v = %v (missing %v), want %v (missing %v)", tt.op, tt.key, tt.vals, got, missing, tt.want, tt.missing)
		}
	}
}

func TestConditionCompileErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []policy.Condition{
		{Operator: "StringEqualz", Key: "k", Values: []string{"x"}},
		{Operator: "NumericEquals", Key: "k", Values: []string{"ten"}},
		{Operator: "DateEquals", Key: "k", Values: []string{"yesterday"}},
		{Operator: "Bool", Key: "k", Values: []string{"yes"}},
		{Operator: "IpAddress", Key: "k", Values: []string{"10.0.0.300/8"}},
		{Operator: "NullIfExists", Key: "k", Values: []string{"true"}},
	} {
		if _, err := compileCondition(&c, true); err == nil {
			t.Errorf("%s %v: no error", c.Operator, c.Values)
		}
	}
}

func FuzzCondition(f *testing.F) {
	f.Add("StringLike", "a*b", "axxb")
	f.Add("IpAddress", "10.0.0.0/8", "10.2.3.4")
	f.Add("DateLessThan", "2026-01-01T00:00:00Z", "1700000000")
	f.Add("ForAnyValue:NumericLessThan", "10", "9.5")
	f.Add("ArnLike", "arn:aws:s3:::b/*", "arn:aws:s3:::b/k")
	f.Fuzz(func(t *testing.T, op, pv, rv string) {
		c := policy.Condition{Operator: op, Key: "k", Values: []string{pv}}
		cc, err := compileCondition(&c, true)
		if err != nil {
			return
		}
		got, _ := cc.evalV(Context{"k": {rv}})
		if cc.op.kind == opNull || cc.op.set != setNone || strings.Contains(pv, "${") {
			// A value with a variable naming a multivalued key is
			// undecided, negated or not (TestVariableMultivaluedUndecided).
			return
		}
		// Negation flips the outcome for a present single value; an
		// undecided one (a request value not of the operator's type)
		// stays undecided (TestConditionUndecided).
		neg := cc
		neg.op.negated = !cc.op.negated
		g2, _ := neg.evalV(Context{"k": {rv}})
		if (got == vUndecided) != (g2 == vUndecided) || got != vUndecided && g2 == got {
			t.Fatalf("%s = %v and its negation = %v on %q vs %q", op, got, g2, pv, rv)
		}
	})
}

// TestDatesOverAWSRange: dates compare over every year AWS accepts
// (0000-9999) and as epoch seconds for any of them; Unix nanoseconds
// would overflow outside 1678-2262 (issue 7, item 8).
func TestDatesOverAWSRange(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		op, pv, rv string
		want       bool
	}{
		{"DateLessThan", "9999-12-31T23:59:59Z", "2026-11-23T12:00:00Z", true},
		{"DateLessThan", "9999-12-31T23:59:59Z", "1800000000", true},
		{"DateGreaterThan", "1000-01-01T00:00:00Z", "2026-11-23T12:00:00Z", true},
		{"DateGreaterThan", "0001-01-01T00:00:00Z", "1800000000", true},
		{"DateLessThan", "1000-01-01T00:00:00Z", "2026-11-23T12:00:00Z", false},
		{"DateGreaterThan", "9999-12-31T23:59:59Z", "2026-11-23T12:00:00Z", false},
		{"DateEquals", "253402300799", "9999-12-31T23:59:59Z", true},
		{"DateEquals", "9999-12-31T23:59:59Z", "253402300799", true},
		{"DateLessThan", "253402300799", "253402300798", true},
		{"DateGreaterThan", "-30610224000", "-30610224001", false}, // 1000-01-01
		{"DateEquals", "-30610224000", "1000-01-01T00:00:00Z", true},
		{"DateLessThanEquals", "2262-04-12T00:00:00Z", "2262-04-11T23:47:16.854775808Z", true},
		{"DateGreaterThan", "2262-04-11T23:47:16.854775807Z", "2262-04-11T23:47:16.854775808Z", true},
		{"DateLessThan", "1677-09-21T00:12:43.145224192Z", "1677-09-21T00:12:43.145224191Z", true},
	} {
		c := policy.Condition{Operator: tt.op, Key: "k", Values: []string{tt.pv}}
		cc, err := compileCondition(&c, true)
		if err != nil {
			t.Fatalf("%s %s: %v", tt.op, tt.pv, err)
		}
		if got, _ := cc.eval(Context{"k": {tt.rv}}); got != tt.want {
			t.Errorf("%s %q with %q = %v, want %v", tt.op, tt.pv, tt.rv, got, tt.want)
		}
	}
}

// TestBinaryEqualsNoVariables: AWS documents that a policy variable cannot
// be used with BinaryEquals ("You can not use a policy variable with the
// Binary condition operator", IAM User Guide, Condition operators), so
// "${aws:username}" in its value is literal text compared byte for byte,
// never replaced from the request.
func TestBinaryEqualsNoVariables(t *testing.T) {
	t.Parallel()
	ctx := Context{"aws:username": {"alice"}, "lit": {"${aws:username}"}}
	for _, tt := range []struct {
		key, pv string
		want    bool
	}{
		{"aws:username", "${aws:username}", false},
		{"aws:username", "${aws:none, 'alice'}", false},
		{"lit", "${aws:username}", true},
		{"aws:username", "alice", true},
	} {
		c := policy.Condition{Operator: "BinaryEquals", Key: tt.key, Values: []string{tt.pv}}
		cc, err := compileCondition(&c, true)
		if err != nil {
			t.Fatalf("BinaryEquals %q: %v", tt.pv, err)
		}
		if got, _ := cc.eval(ctx); got != tt.want {
			t.Errorf("BinaryEquals %s %q = %v, want %v", tt.key, tt.pv, got, tt.want)
		}
		if cc.hasVar {
			t.Errorf("BinaryEquals %q: compiled with a variable", tt.pv)
		}
	}
}

// TestBoolVariables: AWS documents that a policy variable can be used with
// the Bool operator ("You can use a policy variable with the Boolean
// condition operator", IAM User Guide, Condition operators): the value is
// replaced from the request, then read as true or false. A variable that
// cannot be resolved matches nothing; in a 2008-10-17 policy (no
// variables) the text is not true or false and is refused.
func TestBoolVariables(t *testing.T) {
	t.Parallel()
	ctx := Context{
		"aws:securetransport":        {"true"},
		"aws:multifactorauthpresent": {"TRUE"},
		"flag":                       {"false"},
		"word":                       {"yes"},
		"two":                        {"true", "false"},
	}
	for _, tt := range []struct {
		pv      string
		want    bool
		missing bool
	}{
		{"${aws:MultiFactorAuthPresent}", true, false},
		{"${flag}", false, false},
		{"${word}", false, false},
		{"${none}", false, false},
		{"${two}", false, false},
		{"${none, 'true'}", true, false},
		{"${none, 'false'}", false, false},
		{" ${flag, 'x'} ", false, false},
	} {
		c := policy.Condition{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{tt.pv}}
		if err := CheckCondition(&c); err != nil {
			t.Errorf("CheckCondition Bool %q: %v", tt.pv, err)
		}
		cc, err := compileCondition(&c, true)
		if err != nil {
			t.Fatalf("Bool %q: %v", tt.pv, err)
		}
		if got, missing := cc.eval(ctx); got != tt.want || missing != tt.missing {
			t.Errorf("Bool %q = %v (missing %v), want %v (missing %v)", tt.pv, got, missing, tt.want, tt.missing)
		}
	}
	// A false key against a variable that resolves to false holds.
	c := policy.Condition{Operator: "Bool", Key: "flag", Values: []string{"${aws:SecureTransport}", "${flag}"}}
	cc, err := compileCondition(&c, true)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := cc.eval(ctx); !got {
		t.Errorf("Bool flag [${aws:SecureTransport} ${flag}] = false, want true")
	}
	// Without variables (2008-10-17) the text is not true or false.
	c = policy.Condition{Operator: "Bool", Key: "k", Values: []string{"${flag}"}}
	if _, err := compileCondition(&c, false); err == nil {
		t.Errorf("Bool %q without variables: no error", c.Values[0])
	}
	// Null does not take variables (AWS: "You can not use a policy
	// variable with the Null condition operator").
	c = policy.Condition{Operator: "Null", Key: "k", Values: []string{"${flag}"}}
	if _, err := compileCondition(&c, true); err == nil {
		t.Errorf("Null %q: no error", c.Values[0])
	}
}

// TestNegatedVariableWithoutValue: a policy variable whose key has no value
// is "effectively null": the positive operators do not match it, and
// "Inverted condition operators like StringNotEquals or StringNotLike do
// match against a null value" (IAM User Guide, IAM policy elements:
// Variables and tags, Policy variables with no value). Its example: a
// Deny with StringNotEquals s3:ExistingObjectTag/Team
// "${aws:PrincipalTag/Team}" denies when the principal has no Team tag.
func TestNegatedVariableWithoutValue(t *testing.T) {
	t.Parallel()
	ctx := Context{
		"s3:existingobjecttag/team": {"blue"},
		"aws:sourcearn":             {"arn:aws:sns:us-east-1:111122223333:topic"},
		"aws:tagkeys":               {"a", "b"},
		"two":                       {"x", "y"},
	}
	for _, tt := range []struct {
		op, key string
		vals    []string
		want    bool
	}{
		{"StringNotEquals", "s3:ExistingObjectTag/Team", []string{"${aws:PrincipalTag/Team}"}, true},
		{"StringEquals", "s3:ExistingObjectTag/Team", []string{"${aws:PrincipalTag/Team}"}, false},
		{"StringNotLike", "s3:ExistingObjectTag/Team", []string{"${aws:PrincipalTag/Team}*"}, true},
		{"StringNotEqualsIgnoreCase", "s3:ExistingObjectTag/Team", []string{"${aws:PrincipalTag/Team}"}, true},
		{"ArnNotLike", "aws:SourceArn", []string{"arn:aws:sns:*:${aws:PrincipalTag/acct}:*"}, true},
		{"ArnNotEquals", "aws:SourceArn", []string{"arn:aws:sns:us-east-1:111122223333:${aws:PrincipalTag/topic}"}, true},
		// NOR over the values: a null value does not stop the others.
		{"StringNotEquals", "s3:ExistingObjectTag/Team", []string{"${aws:PrincipalTag/Team}", "blue"}, false},
		{"StringNotEquals", "s3:ExistingObjectTag/Team", []string{"${aws:PrincipalTag/Team}", "red"}, true},
		// A variable naming a multivalued key: TestVariableMultivaluedUndecided.
		{"ForAllValues:StringNotEquals", "aws:TagKeys", []string{"${aws:PrincipalTag/Team}"}, true},
		{"ForAnyValue:StringNotLike", "aws:TagKeys", []string{"${aws:PrincipalTag/Team}"}, true},
		// A default is a value.
		{"StringNotEquals", "s3:ExistingObjectTag/Team", []string{"${aws:PrincipalTag/Team, 'blue'}"}, false},
	} {
		c := policy.Condition{Operator: tt.op, Key: tt.key, Values: tt.vals}
		cc, err := compileCondition(&c, true)
		if err != nil {
			t.Fatalf("%s %v: %v", tt.op, tt.vals, err)
		}
		if got, _ := cc.eval(ctx); got != tt.want {
			t.Errorf("%s %s %v = %v, want %v", tt.op, tt.key, tt.vals, got, tt.want)
		}
	}
}

// TestConditionUndecided: AWS documents neither how a single-valued
// operator (no ForAnyValue: or ForAllValues:) compares a key with several
// values in the request ("Multivalued context keys require a condition
// set operator", IAM User Guide, Single-valued vs. multivalued context
// keys), negated or not, nor how a Numeric, Date, IpAddress or Bool
// operator compares a request value that is no number, date, IP address
// or boolean. Such a condition is undecided (a Deny applies, an Allow does
// not: TestUndecidedConditionByEffect); it was false for the positive
// operators and true for the negated ones, so an Allow with
// StringNotEquals on two tag keys, or with NotIpAddress on "not-an-ip",
// allowed.
func TestConditionUndecided(t *testing.T) {
	t.Parallel()
	ctx := Context{
		"aws:tagkeys":                   {"a", "b"},
		"aws:principalservicenameslist": {"ec2.amazonaws.com", "ec2.amazonaws.com.cn"},
		"two":                           {"5", "6"},
		"ips":                           {"10.0.0.1", "192.0.2.1"},
		"arns":                          {"arn:aws:sns:us-east-1:111122223333:a", "arn:aws:sns:us-east-1:111122223333:b"},
		"one":                           {"a"},
		"aws:multifactorauthage":        {"abc"},
		"nan":                           {"NaN"},
		"aws:currenttime":               {"not-a-date"},
		"aws:sourceip":                  {"not-an-ip"},
		"cidr":                          {"192.0.2.0/24"},
		"aws:securetransport":           {"maybe"},
		"mixed":                         {"1", "x"},
	}
	for _, tt := range []struct {
		op, key string
		vals    []string
		want    verdict
	}{
		// 1. A single-valued operator on several request values.
		{"StringEquals", "aws:TagKeys", []string{"a"}, vUndecided},
		{"StringEquals", "aws:TagKeys", []string{"a", "b"}, vUndecided},
		{"StringEquals", "aws:TagKeys", []string{"c"}, vUndecided},
		{"StringLike", "aws:TagKeys", []string{"*"}, vUndecided},
		{"StringNotEquals", "aws:TagKeys", []string{"c"}, vUndecided},
		{"StringNotEquals", "aws:TagKeys", []string{"a"}, vUndecided},
		{"StringNotLike", "aws:TagKeys", []string{"*"}, vUndecided},
		{"StringEqualsIfExists", "aws:PrincipalServiceNamesList", []string{"ec2.amazonaws.com"}, vUndecided},
		{"NumericEquals", "two", []string{"5"}, vUndecided},
		{"IpAddress", "ips", []string{"10.0.0.0/8"}, vUndecided},
		{"NotIpAddress", "ips", []string{"10.0.0.0/8"}, vUndecided},
		{"ArnLike", "arns", []string{"arn:aws:sns:*:111122223333:*"}, vUndecided},
		{"ArnNotLike", "arns", []string{"arn:aws:sns:*:111122223333:*"}, vUndecided},
		// One value is compared as it is; set operators are decided.
		{"StringEquals", "one", []string{"a"}, vYes},
		{"StringNotEquals", "one", []string{"a"}, vNo},
		{"ForAnyValue:StringEquals", "aws:TagKeys", []string{"a"}, vYes},
		{"ForAllValues:StringEquals", "aws:TagKeys", []string{"a"}, vNo},
		{"ForAllValues:StringNotEquals", "aws:TagKeys", []string{"c"}, vYes},
		{"Null", "aws:TagKeys", []string{"false"}, vYes},
		// 2. A request value not of the operator's type.
		{"NumericNotEquals", "aws:MultiFactorAuthAge", []string{"100"}, vUndecided},
		{"NumericLessThan", "aws:MultiFactorAuthAge", []string{"100"}, vUndecided},
		{"NumericNotEqualsIfExists", "aws:MultiFactorAuthAge", []string{"100"}, vUndecided},
		{"NumericEquals", "nan", []string{"1"}, vUndecided},
		{"DateNotEquals", "aws:CurrentTime", []string{"2020-01-01T00:00:00Z"}, vUndecided},
		{"DateLessThanIfExists", "aws:CurrentTime", []string{"2020-01-01T00:00:00Z"}, vUndecided},
		{"NotIpAddress", "aws:SourceIp", []string{"10.0.0.0/8"}, vUndecided},
		{"IpAddress", "aws:SourceIp", []string{"10.0.0.0/8"}, vUndecided},
		{"NotIpAddressIfExists", "aws:SourceIp", []string{"10.0.0.0/8"}, vUndecided},
		{"NotIpAddress", "cidr", []string{"10.0.0.0/8"}, vUndecided},
		{"Bool", "aws:SecureTransport", []string{"false"}, vUndecided},
		{"Bool", "aws:SecureTransport", []string{"${aws:username, 'false'}"}, vUndecided},
		// Set operators: a value that decides wins over an undecided one.
		{"ForAnyValue:NumericEquals", "mixed", []string{"1"}, vYes},
		{"ForAnyValue:NumericEquals", "mixed", []string{"2"}, vUndecided},
		{"ForAllValues:NumericEquals", "mixed", []string{"1"}, vUndecided},
		{"ForAllValues:NumericEquals", "mixed", []string{"2"}, vNo},
		// A missing key is documented, IfExists or not.
		{"NotIpAddressIfExists", "aws:VpcSourceIp", []string{"10.0.0.0/8"}, vYes},
		{"NumericNotEquals", "none", []string{"1"}, vYes},
	} {
		c := policy.Condition{Operator: tt.op, Key: tt.key, Values: tt.vals}
		cc, err := compileCondition(&c, true)
		if err != nil {
			t.Fatalf("%s %v: %v", tt.op, tt.vals, err)
		}
		if got, _ := cc.evalV(ctx); got != tt.want {
			t.Errorf("%s %s %v = %v, want %v", tt.op, tt.key, tt.vals, got, tt.want)
		}
	}
}

// TestUndecidedConditionByEffect: an undecided condition
// (TestConditionUndecided) holds in a Deny and not in an Allow, in every
// layer, so that it never makes a request Allowed that AWS might deny; a
// condition of the statement that fails still decides it.
func TestUndecidedConditionByEffect(t *testing.T) {
	t.Parallel()
	const allowAll = `{"Effect":"Allow","Action":"ec2:*","Resource":"*"}`
	stmt := func(effect, cond string) string {
		return `{"Effect":"` + effect + `","Action":"ec2:CreateTags","Resource":"*","Condition":` + cond + `}`
	}
	doc := func(stmts ...string) *policy.Policy {
		return mustParse(t, `{"Version":"2012-10-17","Statement":[`+strings.Join(stmts, ",")+`]}`)
	}
	tagKeys := `{"StringNotEquals":{"aws:TagKeys":"c"}}`
	badIP := `{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`
	ipIn := `{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`
	andFails := `{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"},"StringEquals":{"aws:username":"bob"}}`
	for _, tt := range []struct {
		name string
		ctx  map[string][]string
		in   Input
		want Decision
	}{
		{"allow StringNotEquals two tag keys", map[string][]string{"aws:TagKeys": {"a", "b"}},
			Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(stmt("Allow", tagKeys))}}}, ImplicitDeny},
		{"deny StringNotEquals two tag keys", map[string][]string{"aws:TagKeys": {"a", "b"}},
			Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(allowAll, stmt("Deny", tagKeys))}}}, ExplicitDeny},
		{"deny StringEquals two tag keys", map[string][]string{"aws:TagKeys": {"a", "b"}},
			Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(allowAll, stmt("Deny", `{"StringEquals":{"aws:TagKeys":"a"}}`))}}}, ExplicitDeny},
		{"allow NotIpAddress not-an-ip", map[string][]string{"aws:SourceIp": {"not-an-ip"}},
			Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(stmt("Allow", badIP))}}}, ImplicitDeny},
		{"deny IpAddress not-an-ip", map[string][]string{"aws:SourceIp": {"not-an-ip"}},
			Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(allowAll, stmt("Deny", ipIn))}}}, ExplicitDeny},
		{"deny undecided and a failing condition", map[string][]string{"aws:SourceIp": {"not-an-ip"}, "aws:username": {"alice"}},
			Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(allowAll, stmt("Deny", andFails))}}}, Allowed},
		{"boundary allow undecided", map[string][]string{"aws:SourceIp": {"not-an-ip"}},
			Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(allowAll)}}, Boundary: &NamedPolicy{Name: "pb", Policy: doc(stmt("Allow", badIP))}}, ImplicitDeny},
		{"decided allow", map[string][]string{"aws:SourceIp": {"192.0.2.1"}},
			Input{Identity: []NamedPolicy{{Name: "id", Policy: doc(stmt("Allow", badIP))}}}, Allowed},
	} {
		set, err := Compile(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		r, err := NewRequest(RequestInput{Principal: "arn:aws:iam::111122223333:user/alice", Action: "ec2:CreateTags",
			Resource: "arn:aws:ec2:us-east-1:111122223333:volume/vol-1", Context: tt.ctx})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var res Result
		set.Evaluate(r, &res)
		if res.Decision != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, res.Decision, tt.want)
		}
	}
}

// TestVariableMultivaluedUndecided: "you can't use a multivalued context
// key as a policy variable" (IAM User Guide, Single-valued vs. multivalued
// context keys, Key points), and AWS does not say how a condition value
// holding one evaluates when the key has several values in the request.
// Such a value is undecided, positive operator or negated (a Deny applies,
// an Allow does not), unless another value of the condition decides: one
// that matches makes a positive operator true and a negated one false.
// Before, the value matched nothing and a negated operator with it did
// not hold either, so a Deny with StringNotEquals or StringEquals
// "${aws:TagKeys}" on two tag keys did not apply.
func TestVariableMultivaluedUndecided(t *testing.T) {
	t.Parallel()
	ctx := Context{
		"s3:existingobjecttag/team": {"blue"},
		"aws:sourcearn":             {"arn:aws:sns:us-east-1:111122223333:topic"},
		"aws:tagkeys":               {"a", "b"},
		"two":                       {"x", "y"},
		"one":                       {"blue"},
	}
	for _, tt := range []struct {
		op, key string
		vals    []string
		want    verdict
	}{
		{"StringNotEquals", "s3:ExistingObjectTag/Team", []string{"${two}"}, vUndecided},
		{"StringEquals", "s3:ExistingObjectTag/Team", []string{"${two}"}, vUndecided},
		{"StringNotLike", "s3:ExistingObjectTag/Team", []string{"${aws:TagKeys}*"}, vUndecided},
		{"StringLike", "s3:ExistingObjectTag/Team", []string{"${aws:TagKeys}*"}, vUndecided},
		{"StringNotEqualsIgnoreCase", "s3:ExistingObjectTag/Team", []string{"${two}"}, vUndecided},
		{"ArnNotLike", "aws:SourceArn", []string{"arn:aws:sns:*:${two}:*"}, vUndecided},
		{"ArnLike", "aws:SourceArn", []string{"arn:aws:sns:*:${two}:*"}, vUndecided},
		{"StringNotEqualsIfExists", "s3:ExistingObjectTag/Team", []string{"${two}"}, vUndecided},
		// A default is not used for a key that has values.
		{"StringNotEquals", "s3:ExistingObjectTag/Team", []string{"${two, 'blue'}"}, vUndecided},
		// With a value that has none: the multivalued one still leaves it
		// undecided.
		{"StringNotEquals", "s3:ExistingObjectTag/Team", []string{"${two}", "${aws:PrincipalTag/Team}"}, vUndecided},
		// Another value decides.
		{"StringNotEquals", "s3:ExistingObjectTag/Team", []string{"${two}", "blue"}, vNo},
		{"StringEquals", "s3:ExistingObjectTag/Team", []string{"${two}", "blue"}, vYes},
		{"StringNotEquals", "s3:ExistingObjectTag/Team", []string{"${two}", "red"}, vUndecided},
		{"StringEquals", "s3:ExistingObjectTag/Team", []string{"red", "${two}"}, vUndecided},
		// A key with one value is a value; a missing condition key is
		// documented whatever the values.
		{"StringNotEquals", "s3:ExistingObjectTag/Team", []string{"${one}"}, vNo},
		{"StringNotEquals", "s3:ExistingObjectTag/Other", []string{"${two}"}, vYes},
		// Set operators compare each request value the same way.
		{"ForAnyValue:StringEquals", "aws:TagKeys", []string{"${two}"}, vUndecided},
		{"ForAnyValue:StringEquals", "aws:TagKeys", []string{"${two}", "a"}, vYes},
		{"ForAllValues:StringNotEquals", "aws:TagKeys", []string{"${two}", "a"}, vNo},
	} {
		c := policy.Condition{Operator: tt.op, Key: tt.key, Values: tt.vals}
		cc, err := compileCondition(&c, true)
		if err != nil {
			t.Fatalf("%s %v: %v", tt.op, tt.vals, err)
		}
		if got, _ := cc.evalV(ctx); got != tt.want {
			t.Errorf("%s %s %v = %v, want %v", tt.op, tt.key, tt.vals, got, tt.want)
		}
	}
}

// TestArnOperatorNotAnARN: AWS documents the ARN operators as comparing an
// ARN's "six colon-delimited components" one by one (IAM User Guide,
// Condition operators, ARN condition operators) and no outcome for a
// request value that is not an ARN. Such a condition is undecided,
// whatever the pattern ("*", "arn:*" too), negated or not (a Deny
// applies, an Allow does not). Before, ArnNotLike and ArnNotEquals held
// (an Allow granted), ArnLike "*" and "arn:*" matched (an Allow granted)
// and ArnLike with a six-field pattern did not (a Deny did not apply).
func TestArnOperatorNotAnARN(t *testing.T) {
	t.Parallel()
	ctx := Context{
		"bad":   {"not-an-arn"},
		"short": {"arn:not-an-arn"},
		"five":  {"arn:aws:sns:us-east-1:111122223333"},
		"empty": {""},
		"good":  {"arn:aws:sns:us-east-1:111122223333:topic"},
		"s3":    {"arn:aws:s3:::bucket"},
		"mixed": {"not-an-arn", "arn:aws:sns:us-east-1:111122223333:topic"},
	}
	for _, tt := range []struct {
		op, key string
		vals    []string
		want    verdict
	}{
		{"ArnNotLike", "bad", []string{"arn:aws:sns:*:111122223333:*"}, vUndecided},
		{"ArnNotEquals", "bad", []string{"arn:aws:sns:us-east-1:111122223333:topic"}, vUndecided},
		{"ArnNotLikeIfExists", "bad", []string{"arn:aws:sns:*:111122223333:*"}, vUndecided},
		{"ArnLike", "bad", []string{"arn:aws:sns:*:111122223333:*"}, vUndecided},
		{"ArnEquals", "bad", []string{"arn:aws:sns:us-east-1:111122223333:topic"}, vUndecided},
		{"ArnLike", "bad", []string{"*"}, vUndecided},
		{"ArnNotLike", "bad", []string{"*"}, vUndecided},
		{"ArnLike", "short", []string{"arn:*"}, vUndecided},
		{"ArnLike", "five", []string{"arn:*"}, vUndecided},
		{"ArnLike", "empty", []string{"*"}, vUndecided},
		{"ArnNotLike", "empty", []string{"arn:aws:sns:*:*:*"}, vUndecided},
		// An ARN is compared.
		{"ArnLike", "good", []string{"*"}, vYes},
		{"ArnNotLike", "good", []string{"*"}, vNo},
		{"ArnLike", "good", []string{"arn:*"}, vYes},
		{"ArnNotLike", "good", []string{"arn:aws:sns:*:444455556666:*"}, vYes},
		{"ArnLike", "s3", []string{"arn:aws:s3:::bucket"}, vYes},
		// A missing key is documented.
		{"ArnNotLike", "none", []string{"arn:aws:sns:*:*:*"}, vYes},
		{"ArnLike", "none", []string{"*"}, vNo},
		// Set operators: a value that decides wins over one that is no ARN.
		{"ForAnyValue:ArnLike", "mixed", []string{"arn:aws:sns:*:111122223333:*"}, vYes},
		{"ForAnyValue:ArnLike", "mixed", []string{"arn:aws:sns:*:444455556666:*"}, vUndecided},
		{"ForAllValues:ArnLike", "mixed", []string{"arn:aws:sns:*:444455556666:*"}, vNo},
		{"ForAllValues:ArnLike", "mixed", []string{"*"}, vUndecided},
	} {
		c := policy.Condition{Operator: tt.op, Key: tt.key, Values: tt.vals}
		cc, err := compileCondition(&c, true)
		if err != nil {
			t.Fatalf("%s %v: %v", tt.op, tt.vals, err)
		}
		if got, _ := cc.evalV(ctx); got != tt.want {
			t.Errorf("%s %s %v = %v, want %v", tt.op, tt.key, tt.vals, got, tt.want)
		}
	}
}
