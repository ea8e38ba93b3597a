package policy

import (
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/arn"
)

// mark is written in test documents before the element each expected
// finding points at, in the order of the findings (which is the order of
// their positions). It is removed before parsing.
const mark = "§"

// stripMarks removes the marks from doc and returns the text and the
// position of each mark in it. It computes positions independently of the
// code under test.
func stripMarks(doc string) (string, []Pos) {
	var b strings.Builder
	var offs []int
	for {
		i := strings.Index(doc, mark)
		if i < 0 {
			b.WriteString(doc)
			break
		}
		b.WriteString(doc[:i])
		offs = append(offs, b.Len())
		doc = doc[i+len(mark):]
	}
	text := b.String()
	ps := make([]Pos, len(offs))
	for k, off := range offs {
		line, col := 1, 1
		for i := 0; i < off; i++ {
			if text[i] == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		ps[k] = Pos{Line: line, Col: col, Offset: off}
	}
	return text, ps
}

// checkFindings compares fs with want. Each want entry is
// "SEVERITY CODE POINTER", optionally followed by " | " and a substring
// the message must contain, in which {pos} stands for the finding's
// expected position. pos holds the expected positions.
func checkFindings(t *testing.T, fs []Finding, pos []Pos, want []string) {
	t.Helper()
	if len(pos) != len(want) {
		t.Fatalf("test is wrong: %d marks for %d expected findings", len(pos), len(want))
	}
	got := make([]string, len(fs))
	for i, f := range fs {
		got[i] = fmt.Sprintf("%s %s %s %s", f.Pos, f.Severity, f.Code, f.Pointer)
	}
	exp := make([]string, len(want))
	msgs := make([]string, len(want))
	for i, w := range want {
		head, msg, _ := strings.Cut(w, " | ")
		exp[i] = pos[i].String() + " " + head
		msgs[i] = strings.ReplaceAll(msg, "{pos}", pos[i].String())
	}
	if !slices.Equal(got, exp) {
		t.Fatalf("findings:\n  got  %q\n  want %q\nall: %v", got, exp, fs)
	}
	for i, f := range fs {
		if f.Pos != pos[i] {
			t.Errorf("finding %d (%s): position %+v, want %+v", i, f.Code, f.Pos, pos[i])
		}
		if msgs[i] != "" && !strings.Contains(f.Message, msgs[i]) {
			t.Errorf("finding %d (%s): message %q does not contain %q", i, f.Code, f.Message, msgs[i])
		}
		if f.Message == "" {
			t.Errorf("finding %d (%s) has no message", i, f.Code)
		}
	}
}

// A statement body that raises no finding, to complete statements under
// test.
const okStmt = `"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"`

func TestParseFindings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		// invalid-json
		{
			name: "invalid-json/value expected",
			doc:  `{"Version": "2012-10-17", "Statement": [{"Effect": §}]}`,
			want: []string{"error invalid-json /Statement/0/Effect | unexpected '}' at {pos}, expected a value"},
		},
		{
			name: "invalid-json/trailing comma in object, multi-line",
			doc:  "{\n  \"Version\": \"2012-10-17\",\n§}",
			want: []string{"error invalid-json  | unexpected '}' at 3:1, expected a string key"},
		},
		{
			name: "invalid-json/trailing comma in array",
			doc:  `{"Version": "2012-10-17", "Statement": [{` + okStmt + `},§]}`,
			want: []string{"error invalid-json /Statement/1 | unexpected ']' at {pos}, expected a value"},
		},
		{
			name: "invalid-json/missing colon",
			doc:  `{"Version" §"2012-10-17"}`,
			want: []string{"error invalid-json /Version | unexpected '\"' at {pos}, expected ':' after the key"},
		},
		{
			name: "invalid-json/missing comma",
			doc:  `{"Version": "2012-10-17" §"Statement": []}`,
			want: []string{"error invalid-json  | expected ',' or '}'"},
		},
		{
			name: "invalid-json/array missing comma",
			doc:  `{"Version": "2012-10-17", "Statement": [{` + okStmt + `} §{}]}`,
			want: []string{"error invalid-json /Statement | expected ',' or ']'"},
		},
		{
			name: "invalid-json/empty input",
			doc:  `§`,
			want: []string{"error invalid-json  | unexpected end of input at 1:1, expected a value"},
		},
		{
			name: "invalid-json/only spaces",
			doc:  " \n §",
			want: []string{"error invalid-json  | unexpected end of input at 2:2"},
		},
		{
			name: "invalid-json/unterminated document",
			doc:  `{"Version": "2012-10-17"§`,
			want: []string{"error invalid-json  | unexpected end of input at {pos}, expected ',' or '}'"},
		},
		{
			name: "invalid-json/unterminated string",
			doc:  `{"Version": "2012-10-17§`,
			want: []string{"error invalid-json /Version | unexpected end of input at {pos} in a string starting at 1:13"},
		},
		{
			name: "invalid-json/raw newline in string",
			doc:  "{\"Version\": \"2012§\n-10-17\"}",
			want: []string{"error invalid-json /Version | unexpected control character U+000A at {pos} in a string starting at 1:13"},
		},
		{
			name: "invalid-json/bad escape",
			doc:  `{"Id": "a§\x", "Statement": []}`,
			want: []string{"error invalid-json /Id | invalid escape '\\x' at {pos}"},
		},
		{
			name: "invalid-json/short unicode escape",
			doc:  `{"Id": "§\u12G4"}`,
			want: []string{"error invalid-json /Id | \\u must be followed by four hex digits"},
		},
		{
			name: "invalid-json/invalid UTF-8 in string",
			doc:  "{\"Id\": \"ab§\xff\"}",
			want: []string{"error invalid-json /Id | unexpected invalid UTF-8 byte 0xFF at {pos}"},
		},
		{
			name: "invalid-json/invalid UTF-8 after escape",
			doc:  "{\"Id\": \"\\n§\xc3\"}",
			want: []string{"error invalid-json /Id | invalid UTF-8 byte 0xC3"},
		},
		{
			name: "invalid-json/bad literal",
			doc:  `{"Version": tru§x}`,
			want: []string{"error invalid-json /Version | in the literal \"true\""},
		},
		{
			name: "invalid-json/bad number",
			doc:  `{"Version": -§x}`,
			want: []string{"error invalid-json /Version | expected a digit in a number"},
		},
		{
			name: "invalid-json/leading zero",
			doc:  `{"Version": §0§1}`,
			want: []string{"error wrong-type /Version", "error invalid-json  | unexpected '1' at {pos}, expected ',' or '}'"},
		},
		{
			name: "invalid-json/number without fraction digits",
			doc:  `§[1.§]`,
			want: []string{"error not-object ", "error invalid-json /0 | expected a digit"},
		},
		{
			name: "invalid-json/number without exponent digits",
			doc:  `§[1e+§]`,
			want: []string{"error not-object ", "error invalid-json /0 | expected a digit"},
		},
		{
			name: "invalid-json/single quotes",
			doc:  `{§'Version': '2012-10-17'}`,
			want: []string{"error invalid-json  | unexpected ''' at {pos}, expected a string key or '}'"},
		},
		{
			name: "invalid-json/non-ASCII character",
			doc:  `{§é}`,
			want: []string{"error invalid-json  | unexpected character 'é' (U+00E9)"},
		},
		{
			name: "invalid-json/trailing garbage",
			doc:  `{"Version": "2012-10-17", "Statement": §[]} §x`,
			want: []string{
				"warning empty-statement-list /Statement",
				"error invalid-json  | unexpected 'x' at {pos} after the end of the document",
			},
		},
		{
			name: "invalid-json/two documents",
			doc:  "{\"Version\": \"2012-10-17\", \"Statement\": {" + okStmt + "}}\n§{}",
			want: []string{"error invalid-json  | unexpected '{' at 2:1 after the end of the document"},
		},
		{
			name: "invalid-json/control character outside strings",
			doc:  "{§\x00}",
			want: []string{"error invalid-json  | unexpected control character U+0000"},
		},
		{
			name: "invalid-json/error keeps what was parsed",
			doc:  `{"Version": §"2012", "Statement": [{"Effect": "Allow", "Action": §5, "Resource": §`,
			want: []string{
				"error unknown-version /Version",
				"error wrong-type /Statement/0/Action",
				"error invalid-json /Statement/0/Resource | unexpected end of input",
			},
		},

		// not-object
		{
			name: "not-object/array document",
			doc:  `§[{"Version": "2012-10-17"}]`,
			want: []string{"error not-object  | the policy document must be a JSON object, not an array"},
		},
		{
			name: "not-object/string document",
			doc:  ` §"policy"`,
			want: []string{"error not-object  | not a string"},
		},
		{
			name: "not-object/statement",
			doc:  `{"Version": "2012-10-17", "Statement": [{` + okStmt + `}, §"Allow"]}`,
			want: []string{"error not-object /Statement/1 | statement 1 must be an object, not a string"},
		},
		{
			name: "not-object/condition",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": §["StringEquals"]}}`,
			want: []string{"error not-object /Statement/Condition | \"Condition\" must be an object"},
		},
		{
			name: "not-object/operator block",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {"StringEquals": §"aws:SourceVpc"}}}`,
			want: []string{"error not-object /Statement/Condition/StringEquals | condition operator \"StringEquals\" must map to an object"},
		},

		// duplicate-key
		{
			name: "duplicate-key/top level",
			doc:  `{"Version": "2008-10-17", "Statement": {` + okStmt + `}, §"Version": "2012-10-17"}`,
			want: []string{"error duplicate-key /Version | duplicate key \"Version\" (first at 1:2)"},
		},
		{
			name: "duplicate-key/three times",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", §"Action": "s3:*", §"Action": "s3:*", "Resource": "*"}}`,
			want: []string{
				"error duplicate-key /Statement/Action | (first at 1:59)",
				"error duplicate-key /Statement/Action | (first at 1:59)",
			},
		},
		{
			name: "duplicate-key/condition keys",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1", §"aws:SourceVpc": "vpc-2"}}}}`,
			want: []string{"error duplicate-key /Statement/Condition/StringEquals/aws:SourceVpc"},
		},
		{
			name: "duplicate-key/condition operators",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {"Bool": {"aws:SecureTransport": "true"}, §"Bool": {"aws:MultiFactorAuthPresent": "true"}}}}`,
			want: []string{"error duplicate-key /Statement/Condition/Bool"},
		},
		{
			name: "duplicate-key/different case",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, §§"action": "s3:PutObject"}}`,
			want: []string{
				"error wrong-key-case /Statement/action",
				"error duplicate-key /Statement/action | \"action\" repeats \"Action\" (at 1:60)",
			},
		},
		{
			name: "duplicate-key/inside an unknown element",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `}, §"Meta": {"a": 1, §"a": 2}}`,
			want: []string{
				"error unknown-element /Meta",
				"error duplicate-key /Meta/a",
			},
		},

		// wrong-key-case
		{
			name: "wrong-key-case/elements",
			doc:  `{§"version": "2012-10-17", §"statement": [{§"EFFECT": "Allow", §"action": "s3:GetObject", §"resource": "*", §"sid": "A"}]}`,
			want: []string{
				"error wrong-key-case /version | \"version\" must be written \"Version\"",
				"error wrong-key-case /statement | \"statement\" must be written \"Statement\"",
				"error wrong-key-case /statement/0/EFFECT | \"EFFECT\" must be written \"Effect\"",
				"error wrong-key-case /statement/0/action | \"action\" must be written \"Action\"",
				"error wrong-key-case /statement/0/resource",
				"error wrong-key-case /statement/0/sid",
			},
		},
		{
			name: "wrong-key-case/principal type",
			doc:  `{"Version": "2012-10-17", "Statement": §{"Effect": "Allow", "Principal": {§"Aws": "123456789012", §"service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}}`,
			want: []string{
				"warning missing-resource /Statement",
				"error wrong-key-case /Statement/Principal/Aws | \"Aws\" must be written \"AWS\"",
				"error wrong-key-case /Statement/Principal/service",
			},
		},
		{
			name: "wrong-key-case/condition operators",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {§"stringEquals": {"aws:SourceVpc": "vpc-1"}, §"forAnyValue:StringLike": {"aws:TagKeys": "a*"}, §"BoolIfexists": {"aws:SecureTransport": true}}}}`,
			want: []string{
				"error wrong-key-case /Statement/Condition/stringEquals | \"stringEquals\" must be written \"StringEquals\"",
				"error wrong-key-case /Statement/Condition/forAnyValue:StringLike | must be written \"ForAnyValue:StringLike\"",
				"error wrong-key-case /Statement/Condition/BoolIfexists | must be written \"BoolIfExists\"",
			},
		},

		// unknown-element
		{
			name: "unknown-element/top level",
			doc:  `{"Version": "2012-10-17", §"Statements": [], "Statement": {` + okStmt + `}}`,
			want: []string{"error unknown-element /Statements | unknown element \"Statements\" in the policy document (allowed: Version, Id, Statement)"},
		},
		{
			name: "unknown-element/statement",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, §"Actions": ["s3:PutObject"]}}`,
			want: []string{"error unknown-element /Statement/Actions | unknown element \"Actions\" in a statement"},
		},
		{
			name: "unknown-element/principal type",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {§"User": "arn:aws:iam::123456789012:user/a"}, "Action": "s3:GetObject", "Resource": "*"}}`,
			want: []string{"error unknown-element /Statement/Principal/User | (allowed: AWS, Service, Federated, CanonicalUser)"},
		},

		// missing elements
		{
			name: "missing-statement",
			doc:  `§{"Version": "2012-10-17"}`,
			want: []string{"error missing-statement  | the document has no \"Statement\" element"},
		},
		{
			name: "missing-effect",
			doc:  `{"Version": "2012-10-17", "Statement": [§{"Sid": "Read", "Action": "s3:GetObject", "Resource": "*"}]}`,
			want: []string{"error missing-effect /Statement/0 | statement \"Read\" has no \"Effect\""},
		},
		{
			name: "missing-action",
			doc:  `{"Version": "2012-10-17", "Statement": [{` + okStmt + `}, §{"Effect": "Deny", "Resource": "*"}]}`,
			want: []string{"error missing-action /Statement/1 | statement 1 has neither \"Action\" nor \"NotAction\""},
		},
		{
			name: "missing-resource",
			doc:  `{"Version": "2012-10-17", "Statement": §{"Effect": "Allow", "Action": "s3:*"}}`,
			want: []string{"warning missing-resource /Statement"},
		},
		{
			name: "missing-version",
			doc:  `§{"Statement": {` + okStmt + `}}`,
			want: []string{"warning missing-version  | AWS assumes \"2008-10-17\""},
		},
		{
			name: "missing elements are not reported after a syntax error",
			doc:  `{"Statement": [{"Sid": "A",§,`,
			want: []string{"error invalid-json /Statement/0 | expected a string key"},
		},

		// invalid-effect
		{
			name: "invalid-effect/case",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": §"allow", "Action": "s3:*", "Resource": "*"}}`,
			want: []string{"error invalid-effect /Statement/Effect | \"allow\" must be written \"Allow\""},
		},
		{
			name: "invalid-effect/DENY",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": §"DENY", "Action": "s3:*", "Resource": "*"}}`,
			want: []string{"error invalid-effect /Statement/Effect | \"DENY\" must be written \"Deny\""},
		},
		{
			name: "invalid-effect/other",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": §"Permit", "Action": "s3:*", "Resource": "*"}}`,
			want: []string{"error invalid-effect /Statement/Effect | \"Effect\" must be \"Allow\" or \"Deny\", not \"Permit\""},
		},

		// mutually exclusive elements
		{
			name: "action-and-notaction",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "NotAction": "iam:*", §"Action": "s3:*", "Resource": "*"}}`,
			want: []string{"error action-and-notaction /Statement/Action | both \"NotAction\" (at 1:59) and \"Action\""},
		},
		{
			name: "resource-and-notresource",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*", §"NotResource": "arn:aws:s3:::b"}}`,
			want: []string{"error resource-and-notresource /Statement/NotResource | both \"Resource\" (at 1:77) and \"NotResource\""},
		},
		{
			name: "principal-and-notprincipal",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", §"NotPrincipal": {"AWS": "123456789012"}, "Action": "s3:*", "Resource": "*"}}`,
			want: []string{"error principal-and-notprincipal /Statement/NotPrincipal"},
		},

		// wrong-type
		{
			name: "wrong-type/Version",
			doc:  `{"Version": §2012, "Statement": {` + okStmt + `}}`,
			want: []string{"error wrong-type /Version | \"Version\" must be a string, not a number"},
		},
		{
			name: "wrong-type/Id",
			doc:  `{"Version": "2012-10-17", "Id": §true, "Statement": {` + okStmt + `}}`,
			want: []string{"error wrong-type /Id | not a boolean"},
		},
		{
			name: "wrong-type/Statement",
			doc:  `{"Version": "2012-10-17", "Statement": §"Allow"}`,
			want: []string{"error wrong-type /Statement | \"Statement\" must be an object or an array of objects, not a string"},
		},
		{
			name: "wrong-type/Sid",
			doc:  `{"Version": "2012-10-17", "Statement": {"Sid": §1, ` + okStmt + `}}`,
			want: []string{"error wrong-type /Statement/Sid | \"Sid\" must be a string, not a number"},
		},
		{
			name: "wrong-type/Effect",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": §null, "Action": "s3:*", "Resource": "*"}}`,
			want: []string{"error wrong-type /Statement/Effect | not null"},
		},
		{
			name: "wrong-type/Action number and object",
			doc:  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": §3, "Resource": "*"}, {"Effect": "Allow", "NotAction": §{"s3": "*"}, "Resource": "*"}]}`,
			want: []string{
				"error wrong-type /Statement/0/Action | \"Action\" must be a string or an array of strings, not a number",
				"error wrong-type /Statement/1/NotAction | not an object",
			},
		},
		{
			name: "wrong-type/Resource element",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": ["*", §["arn:aws:s3:::b"]]}}`,
			want: []string{"error wrong-type /Statement/Resource/1 | each value of \"Resource\" must be a string, not an array"},
		},
		{
			name: "wrong-type/Principal",
			doc:  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": §"arn:aws:iam::123456789012:root", "Action": "s3:*", "Resource": "*"}, {"Effect": "Allow", "NotPrincipal": §["*"], "Action": "s3:*", "Resource": "*"}]}`,
			want: []string{
				"error wrong-type /Statement/0/Principal | \"Principal\" must be \"*\" or an object",
				"error wrong-type /Statement/1/NotPrincipal | \"NotPrincipal\" must be \"*\" or an object",
			},
		},
		{
			name: "wrong-type/principal value",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": §123456789012}, "Action": "s3:*", "Resource": "*"}}`,
			want: []string{"error wrong-type /Statement/Principal/AWS | \"AWS\" must be a string or an array of strings, not a number"},
		},
		{
			name: "wrong-type/condition values",
			doc: `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {"StringEquals": {` +
				`"a": §{"b": "c"}, "b": §null, "c": ["x", §["y"], §null, §{}]}}}}`,
			want: []string{
				"error wrong-type /Statement/Condition/StringEquals/a | the value of condition key \"a\" must be a string, number, boolean or an array of them, not an object",
				"error wrong-type /Statement/Condition/StringEquals/b | not null",
				"error wrong-type /Statement/Condition/StringEquals/c/1 | each value of condition key \"c\" must be a string, number or boolean, not an array",
				"error wrong-type /Statement/Condition/StringEquals/c/2 | not null",
				"error wrong-type /Statement/Condition/StringEquals/c/3 | not an object",
			},
		},

		// version
		{
			name: "unknown-version",
			doc:  `{"Version": §"2012-10-18", "Statement": {` + okStmt + `}}`,
			want: []string{"error unknown-version /Version | unknown Version \"2012-10-18\""},
		},
		{
			name: "variables-in-2008/resource without version",
			doc:  `§{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", §"arn:aws:s3:::b/${aws:username}/*"]}}`,
			want: []string{
				"warning missing-version ",
				"warning variables-in-2008 /Statement/Resource/1 | it is matched literally",
			},
		},
		{
			name: "variables-in-2008/condition and NotResource in 2008-10-17",
			doc:  `{"Version": "2008-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "NotResource": §"arn:aws:s3:::${aws:username}", "Condition": {"StringNotEquals": {"s3:prefix": §"${aws:username}/"}}}}`,
			want: []string{
				"warning variables-in-2008 /Statement/NotResource",
				"warning variables-in-2008 /Statement/Condition/StringNotEquals/s3:prefix",
			},
		},

		// malformed-arn
		{
			name: "malformed-arn/resources",
			doc: `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": [` +
				`§"my-bucket", §"arn:aws:s3", §"arm:aws:s3:::b", §"arn:amazon:s3:::b", §"arn:aws::::b", §"arn:aws:s3:::", §"**", ` +
				`"arn:aws:s3:::b/*", "arn:*:s3:::b", "arn:aws-us-gov:iam::123456789012:role/a:b", §"arn:${aws:partition}:s3:::b", §"arn:aws:iam::${aws:PrincipalAccount}:role/x"]}}`,
			want: []string{
				"error malformed-arn /Statement/Resource/0 | resource \"my-bucket\" is not \"*\" or an ARN",
				"error malformed-arn /Statement/Resource/1 | fewer than six",
				"error malformed-arn /Statement/Resource/2 | does not start with \"arn:\"",
				"error malformed-arn /Statement/Resource/3 | unknown partition \"amazon\"",
				"error malformed-arn /Statement/Resource/4 | the service is empty",
				"error malformed-arn /Statement/Resource/5 | the resource is empty",
				"error malformed-arn /Statement/Resource/6",
				"error malformed-arn /Statement/Resource/10 | only in the resource part",
				"error malformed-arn /Statement/Resource/11 | only in the resource part",
			},
		},
		{
			name: "malformed-arn/AWS principals",
			doc: `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Principal": {"AWS": [` +
				`"*", "123456789012", "arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:role/path/r", "arn:aws-cn:sts::123456789012:assumed-role/r/s", "arn:aws:sts::123456789012:federated-user/u", ` +
				`§"1234", §"arn:aws:iam::*:root", §"arn:aws:sts::123456789012:role/r", §"arn:aws:s3:::b", §"arn:aws:iam:us-east-1:123456789012:root", §"arn:aws:iam::123456789012:", §"arn:xyz:iam::123456789012:root", §"root"]}}}`,
			want: []string{
				"error malformed-arn /Statement/Principal/AWS/6 | AWS principal \"1234\" is invalid",
				"error malformed-arn /Statement/Principal/AWS/7 | the account \"*\" is not a 12-digit account ID",
				"error malformed-arn /Statement/Principal/AWS/8 | assumed-role/",
				"error malformed-arn /Statement/Principal/AWS/9 | \"iam\" or \"sts\"",
				"error malformed-arn /Statement/Principal/AWS/10 | no region",
				"error malformed-arn /Statement/Principal/AWS/11 | the resource is empty",
				"error malformed-arn /Statement/Principal/AWS/12 | unknown partition",
				"error malformed-arn /Statement/Principal/AWS/13",
			},
		},
		{
			name: "principal-unique-id",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": §"AROAEXAMPLEID1234567"}, "Action": "s3:*", "Resource": "*"}}`,
			want: []string{"warning principal-unique-id /Statement/Principal/AWS | deleted"},
		},
		{
			name: "malformed-service-principal",
			doc: `{"Version": "2012-10-17", "Statement": §{"Effect": "Allow", "Principal": {"Service": [` +
				`"lambda.amazonaws.com", "states.eu-west-1.amazonaws.com", "ec2.amazonaws.com.cn", §"lambda", §"Lambda.amazonaws.com", §"*", §".amazonaws.com"]}, "Action": "sts:AssumeRole"}}`,
			want: []string{
				"warning missing-resource /Statement",
				"warning malformed-service-principal /Statement/Principal/Service/3 | service principal \"lambda\" does not look like \"name.amazonaws.com\"",
				"warning malformed-service-principal /Statement/Principal/Service/4",
				"warning malformed-service-principal /Statement/Principal/Service/5",
				"warning malformed-service-principal /Statement/Principal/Service/6",
			},
		},

		// malformed-action
		{
			name: "malformed-action",
			doc: `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Resource": "*", "Action": [` +
				`"*", "s3:*", "S3:GetObject", "ec2:Describe*", "s3:Get?bject", "execute-api:Invoke", ` +
				`§"s3GetObject", §"s3:", §":GetObject", §"s3:Get-Object", §"s3 :GetObject", §"s3:Get:Object", §"", §"**"]}}`,
			want: []string{
				"error malformed-action /Statement/Action/6 | action \"s3GetObject\" is not \"*\" or \"service:action\"",
				"warning action-never-matches /Statement/Action/7 | nothing follows the colon",
				"error malformed-action /Statement/Action/8",
				"warning action-never-matches /Statement/Action/9",
				"error malformed-action /Statement/Action/10",
				"error malformed-action /Statement/Action/11 | more than one colon",
				"error malformed-action /Statement/Action/12",
				"error malformed-action /Statement/Action/13",
			},
		},
		{
			// IAM stores these and they match nothing (IAM Access Analyzer
			// policy check reference: invalid actions do not affect the
			// permissions granted by the policy).
			name: "action-never-matches",
			doc: `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Resource": "*", "NotAction": [` +
				`§"s3:GetObject,PutObject", §"s3:Get*,Put*", §"s3:GetObject,", §"s3: ", §"s3:GetObject ", §" s3:GetObject", §"s3:Get Object"]}}`,
			want: []string{
				"warning action-never-matches /Statement/NotAction/0 | comma",
				"warning action-never-matches /Statement/NotAction/1 | comma",
				"warning action-never-matches /Statement/NotAction/2 | comma",
				"warning action-never-matches /Statement/NotAction/3 | nothing follows the colon",
				"warning action-never-matches /Statement/NotAction/4 | spaces around it",
				"warning action-never-matches /Statement/NotAction/5 | spaces around it",
				"warning action-never-matches /Statement/NotAction/6",
			},
		},

		// condition operators
		{
			name: "unknown-condition-operator",
			doc: `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {` +
				`§"StringEqual": {"a": "b"}, §"NullIfExists": {"a": "true"}, §"ForAnyValues:StringLike": {"a": "b"}, §"ForAllValues:": {"a": "b"}, §"IfExists": {"a": "b"}, ` +
				`"ForAllValues:StringEqualsIgnoreCaseIfExists": {"a": "b"}, "ArnNotLikeIfExists": {"a": "arn:*:*:*:*:*"}, "BinaryEquals": {"a": "QUJD"}}}}`,
			want: []string{
				"error unknown-condition-operator /Statement/Condition/StringEqual | unknown condition operator \"StringEqual\"",
				"error unknown-condition-operator /Statement/Condition/NullIfExists",
				"error unknown-condition-operator /Statement/Condition/ForAnyValues:StringLike",
				"error unknown-condition-operator /Statement/Condition/ForAllValues:",
				"error unknown-condition-operator /Statement/Condition/IfExists",
			},
		},
		{
			name: "arn-pattern-short",
			doc: `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {"ArnLike": {"aws:SourceArn": [§"arn:aws:iam::*", "arn:aws:iam::*:role/*", "*", "${aws:PrincipalArn}"]}, ` +
				`"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*"}, "ArnNotEquals": {"aws:PrincipalArn": §"arn:aws:sns"}}}}`,
			want: []string{
				"warning arn-pattern-short /Statement/Condition/ArnLike/aws:SourceArn/0 | has 5 colon-separated fields",
				"warning arn-pattern-short /Statement/Condition/ArnNotEquals/aws:PrincipalArn | has 3 colon-separated fields",
			},
		},
		{
			name: "bool-policy-variable",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {"Bool": {"aws:SecureTransport": ["true", §"${aws:PrincipalTag/tls}"]}, "StringEquals": {"aws:username": "${aws:username}"}}}}`,
			want: []string{"warning bool-policy-variable /Statement/Condition/Bool/aws:SecureTransport/1 | AWS documents a policy variable in a Bool value both ways"},
		},
		{
			name: "set-operator-with-null",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {§"ForAllValues:Null": {"aws:TagKeys": "false"}}}}`,
			want: []string{"warning set-operator-with-null /Statement/Condition/ForAllValues:Null"},
		},
		{
			name: "empty-condition-values",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {"StringEquals": {"aws:SourceVpc": §[]}}}}`,
			want: []string{"error empty-condition-values /Statement/Condition/StringEquals/aws:SourceVpc | condition key \"aws:SourceVpc\" has an empty list of values"},
		},
		{
			name: "invalid-condition-value",
			doc: `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {` +
				`"NumericLessThan": {"s3:max-keys": ["10", 10, "-1.5", "1e3", §"ten", §true, §""]}, ` +
				`"DateGreaterThan": {"aws:CurrentTime": ["2024-01-31", "2024-01-31T23:59:59Z", "2024-02-29T00:00:00.123+01:00", "2020-01-01T00:00-0500", "1700000000", 1700000000, §"2023-02-29", §"yesterday", §"2024-01-31 10:00", §1.5, §"2024-13-01", §"2024-01-01T24:00:00Z"]}, ` +
				`"Bool": {"aws:SecureTransport": ["true", "FALSE", false, §"yes", §1]}, ` +
				`"IpAddressIfExists": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32", "10.0.0.1", "::1", §"10.0.0.256", §"10.0.0.0/33", §"fe80::1%eth0", §"host", §1]}, ` +
				`"Null": {"aws:TokenIssueTime": §"maybe"}, ` +
				`"StringEquals": {"aws:PrincipalTag/n": [1, true, "x"]}}}}`,
			want: []string{
				"error invalid-condition-value /Statement/Condition/NumericLessThan/s3:max-keys/4 | value \"ten\" of condition key \"s3:max-keys\" is not a number, as \"NumericLessThan\" requires",
				"error invalid-condition-value /Statement/Condition/NumericLessThan/s3:max-keys/5 | value true of condition key",
				"error invalid-condition-value /Statement/Condition/NumericLessThan/s3:max-keys/6",
				"error invalid-condition-value /Statement/Condition/DateGreaterThan/aws:CurrentTime/6 | is not a date",
				"error invalid-condition-value /Statement/Condition/DateGreaterThan/aws:CurrentTime/7",
				"error invalid-condition-value /Statement/Condition/DateGreaterThan/aws:CurrentTime/8",
				"error invalid-condition-value /Statement/Condition/DateGreaterThan/aws:CurrentTime/9",
				"error invalid-condition-value /Statement/Condition/DateGreaterThan/aws:CurrentTime/10",
				"error invalid-condition-value /Statement/Condition/DateGreaterThan/aws:CurrentTime/11",
				"error invalid-condition-value /Statement/Condition/Bool/aws:SecureTransport/3 | is not true or false",
				"error invalid-condition-value /Statement/Condition/Bool/aws:SecureTransport/4",
				"error invalid-condition-value /Statement/Condition/IpAddressIfExists/aws:SourceIp/4 | is not an IP address or CIDR block",
				"error invalid-condition-value /Statement/Condition/IpAddressIfExists/aws:SourceIp/5",
				"error invalid-condition-value /Statement/Condition/IpAddressIfExists/aws:SourceIp/6",
				"error invalid-condition-value /Statement/Condition/IpAddressIfExists/aws:SourceIp/7",
				"error invalid-condition-value /Statement/Condition/IpAddressIfExists/aws:SourceIp/8",
				"error invalid-condition-value /Statement/Condition/Null/aws:TokenIssueTime | as \"Null\" requires",
			},
		},
		{
			name: "invalid-condition-value is not reported for policy variables in 2012-10-17",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {"NumericLessThan": {"a": "${aws:EpochTime}"}, "IpAddress": {"aws:SourceIp": "${aws:SourceIp}"}}}}`,
		},

		// lists and Sid
		{
			name: "empty-statement-list",
			doc:  `{"Version": "2012-10-17", "Statement": §[]}`,
			want: []string{"warning empty-statement-list /Statement | \"Statement\" is an empty list"},
		},
		{
			name: "sid-invalid",
			doc:  `{"Version": "2012-10-17", "Statement": [{"Sid": "AllowRead2", ` + okStmt + `}, {"Sid": §"Allow read", ` + okStmt + `}, {"Sid": §"a-b", ` + okStmt + `}, {"Sid": "", ` + okStmt + `}]}`,
			want: []string{
				"warning sid-invalid /Statement/1/Sid | Sid \"Allow read\" has characters other than ASCII letters and digits",
				"warning sid-invalid /Statement/2/Sid",
			},
		},
		{
			name: "empty-value-list",
			doc: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": §[], "Resource": "*"}, {"Effect": "Deny", "NotAction": "s3:*", "NotResource": §[]}, ` +
				`{"Effect": "Allow", "Principal": §{}, "Action": "s3:*", "Resource": "*", "Condition": §{}}, {"Effect": "Allow", "Principal": {"AWS": §[]}, "Action": "s3:*", "Resource": "*", "Condition": {"StringLike": §{}}}]}`,
			want: []string{
				"warning empty-value-list /Statement/0/Action | \"Action\" is an empty list: it matches nothing",
				"warning empty-value-list /Statement/1/NotResource | it excludes nothing, so it matches everything",
				"warning empty-value-list /Statement/2/Principal | \"Principal\" is an empty object",
				"warning empty-value-list /Statement/2/Condition | \"Condition\" is an empty object",
				"warning empty-value-list /Statement/3/Principal/AWS",
				"warning empty-value-list /Statement/3/Condition/StringLike | has no condition keys",
			},
		},

		// pointers
		{
			name: "pointer escapes ~ and /",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `, "Condition": {"NumericEquals": {"a/b~c": §"x"}}}}`,
			want: []string{"error invalid-condition-value /Statement/Condition/NumericEquals/a~1b~0c"},
		},
		{
			name: "positions count bytes and lines",
			doc:  "{\r\n\t\"Version\": \"2012-10-17\",\r\n\t\"Id\": \"été\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": §\"s3\",\n\"Resource\": \"*\"}}",
			want: []string{"error malformed-action /Statement/Action"},
		},
		{
			name: "byte order mark is skipped and counted",
			doc:  "\xEF\xBB\xBF§{\"Statement\": {" + okStmt + "}}",
			want: []string{"warning missing-version "},
		},
		{
			name: "deep nesting",
			doc:  `{"Version": "2012-10-17", "Statement": {` + okStmt + `}, §"X": ` + strings.Repeat("[", 999) + strings.Repeat("]", 999) + `}`,
			want: []string{"error unknown-element /X"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			text, pos := stripMarks(tt.doc)
			p, fs := Parse([]byte(text))
			checkFindings(t, fs, pos, tt.want)
			if HasErrors(fs) != slices.ContainsFunc(tt.want, func(w string) bool { return strings.HasPrefix(w, "error ") }) {
				t.Errorf("HasErrors = %v", HasErrors(fs))
			}
			for _, f := range fs {
				if f.Pos.Offset > len(text) || f.Pos.Line < 1 || f.Pos.Col < 1 {
					t.Errorf("finding %v has a position outside the input", f)
				}
			}
			_ = p
		})
	}
}

// posOfSubstring is the position of the first occurrence of sub in doc,
// computed independently of the code under test.
func posOfSubstring(doc, sub string) Pos {
	i := strings.Index(doc, sub)
	if i < 0 {
		panic("test is wrong: no " + sub)
	}
	_, ps := stripMarks(doc[:i] + mark + doc[i:])
	return ps[0]
}

func TestParseTooDeep(t *testing.T) {
	t.Parallel()
	doc := `{"X": ` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}`
	p, fs := Parse([]byte(doc))
	// The unknown element X is reported too.
	if len(fs) != 2 || fs[1].Code != CodeInvalidJSON || !strings.Contains(fs[1].Message, "nesting deeper than 1000 levels") {
		t.Fatalf("findings = %v", fs)
	}
	// The object is level 1: the array that fails is the 1000th.
	if fs[1].Pos.Offset != 6+maxDepth-1 {
		t.Errorf("position %+v, want offset %d", fs[1].Pos, 6+maxDepth-1)
	}
	if p == nil {
		t.Error("policy is nil")
	}
}

func TestParseNilPolicy(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{"", "   ", "[]", `"x"`, "42", "null", "}", "\xEF\xBB\xBF"} {
		p, fs := Parse([]byte(doc))
		if p != nil {
			t.Errorf("Parse(%q) = %+v, want nil policy", doc, p)
		}
		if !HasErrors(fs) {
			t.Errorf("Parse(%q): no error finding", doc)
		}
	}
}

func TestParsePartial(t *testing.T) {
	t.Parallel()
	doc := `{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}, {"Sid": "B", "Effect": "Allow", "Action": ["s3:Get*", `
	p, fs := Parse([]byte(doc))
	if p == nil {
		t.Fatal("nil policy")
	}
	if len(fs) != 1 || fs[0].Code != CodeInvalidJSON || fs[0].Pointer != "/Statement/1/Action/1" {
		t.Fatalf("findings = %v", fs)
	}
	if p.Version != Version2012 || len(p.Statements) != 2 {
		t.Fatalf("policy = %+v", p)
	}
	s := p.Statements[1]
	if s.Sid != "B" || s.Effect != Allow || !slices.Equal(s.Action, []string{"s3:Get*"}) || s.Resource != nil {
		t.Errorf("statement 1 = %+v", s)
	}
}

func TestHasErrors(t *testing.T) {
	t.Parallel()
	if HasErrors(nil) {
		t.Error("HasErrors(nil)")
	}
	if HasErrors([]Finding{{Severity: Warning, Code: CodeMissingVersion}}) {
		t.Error("HasErrors(warning)")
	}
	if !HasErrors([]Finding{{Severity: Warning}, {Severity: Error}}) {
		t.Error("!HasErrors(error)")
	}
}

// Real documents of every shape, which must parse without errors.
const (
	trustPolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
      },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
        },
        "StringLike": {
          "token.actions.githubusercontent.com:sub": [
            "repo:octo-org/octo-repo:ref:refs/heads/main",
            "repo:octo-org/octo-repo:environment:prod"
          ]
        }
      }
    },
    {
      "Sid": "Lambda",
      "Effect": "Allow",
      "Principal": {"Service": ["lambda.amazonaws.com", "edgelambda.amazonaws.com"]},
      "Action": ["sts:AssumeRole", "sts:TagSession"]
    }
  ]
}`

	kmsKeyPolicy = `{
  "Version": "2012-10-17",
  "Id": "key-default-1",
  "Statement": [
    {
      "Sid": "Enable IAM User Permissions",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:*",
      "Resource": "*"
    },
    {
      "Sid": "Allow use of the key",
      "Effect": "Allow",
      "Principal": {"AWS": ["arn:aws:iam::111122223333:role/KeyUser", "444455556666"]},
      "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
      "Resource": "*",
      "Condition": {
        "StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com", "kms:CallerAccount": "111122223333"},
        "Bool": {"kms:GrantIsForAWSResource": true}
      }
    },
    {
      "Sid": "Anyone in the org",
      "Effect": "Allow",
      "Principal": "*",
      "Action": "kms:Decrypt",
      "Resource": "*",
      "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}
    }
  ]
}`

	scpNotAction = `{
  "Version": "2012-10-17",
  "Statement": {
    "Sid": "DenyAllOutsideEU",
    "Effect": "Deny",
    "NotAction": ["a4b:*", "budgets:*", "cloudfront:*", "iam:*", "route53:*", "support:*"],
    "Resource": "*",
    "Condition": {
      "StringNotEquals": {"aws:RequestedRegion": ["eu-central-1", "eu-west-1"]},
      "ArnNotLike": {"aws:PrincipalARN": "arn:aws:iam::*:role/Role1AllowedToBypassThisSCP"}
    }
  }
}`

	variablesPolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AllowHomeFolder",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::home-bucket/home/${aws:username}/*",
      "Condition": {
        "ForAnyValue:StringLike": {"aws:TagKeys": ["team-*", "${aws:PrincipalTag/team}"]},
        "ForAllValues:StringEquals": {"aws:TagKeys": ["team-a", "team-b"]},
        "NumericLessThanEquals": {"s3:max-keys": 10},
        "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
        "IpAddressIfExists": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]},
        "Null": {"aws:TokenIssueTime": "false"}
      }
    },
    {
      "Effect": "Deny",
      "NotPrincipal": {"AWS": ["arn:aws:iam::123456789012:user/admin", "arn:aws:sts::123456789012:assumed-role/Admin/session"]},
      "Action": "*",
      "NotResource": ["arn:aws:s3:::home-bucket", "arn:aws:s3:::home-bucket/*"]
    }
  ]
}`
)

func TestParseValidDocuments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		doc  string
		want []string // expected warning codes
		test func(t *testing.T, p *Policy)
	}{
		{
			name: "trust policy",
			doc:  trustPolicy,
			want: []string{CodeMissingResource, CodeMissingResource},
			test: func(t *testing.T, p *Policy) {
				if len(p.Statements) != 2 || p.StatementIsObject {
					t.Fatalf("statements = %d, object %v", len(p.Statements), p.StatementIsObject)
				}
				s := p.Statements[0]
				if s.Pointer != "/Statement/0" || s.Pos != posOfSubstring(trustPolicy, "{\n      \"Effect\"") || s.Index != 0 {
					t.Errorf("statement 0 at %+v %q", s.Pos, s.Pointer)
				}
				if s.Principal == nil || !slices.Equal(s.Principal.Federated, []string{"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}) ||
					s.Principal.AWS != nil || s.Principal.Wildcard || s.Principal.Pos != posOfSubstring(trustPolicy, "{\n        \"Federated\"") {
					t.Errorf("principal = %+v", s.Principal)
				}
				if s.Resource != nil || s.NotResource != nil || s.NotAction != nil {
					t.Errorf("absent elements are not nil")
				}
				if s.HasSid {
					t.Errorf("HasSid")
				}
				if len(s.Conditions) != 2 {
					t.Fatalf("conditions = %+v", s.Conditions)
				}
				c := s.Conditions[1]
				if c.Operator != "StringLike" || c.Key != "token.actions.githubusercontent.com:sub" ||
					!slices.Equal(c.Values, []string{"repo:octo-org/octo-repo:ref:refs/heads/main", "repo:octo-org/octo-repo:environment:prod"}) ||
					!slices.Equal(c.ValueKinds, []ValueKind{KindString, KindString}) ||
					c.Pointer != "/Statement/0/Condition/StringLike/token.actions.githubusercontent.com:sub" ||
					c.Pos != posOfSubstring(trustPolicy, `"token.actions.githubusercontent.com:sub"`) {
					t.Errorf("condition = %+v", c)
				}
				s = p.Statements[1]
				if s.Sid != "Lambda" || !s.HasSid || s.Index != 1 || s.Effect != Allow ||
					!slices.Equal(s.Principal.Service, []string{"lambda.amazonaws.com", "edgelambda.amazonaws.com"}) ||
					!slices.Equal(s.Action, []string{"sts:AssumeRole", "sts:TagSession"}) {
					t.Errorf("statement 1 = %+v", s)
				}
			},
		},
		{
			name: "KMS key policy",
			doc:  kmsKeyPolicy,
			want: []string{CodeSidInvalid, CodeSidInvalid, CodeSidInvalid},
			test: func(t *testing.T, p *Policy) {
				if p.ID != "key-default-1" || p.Version != Version2012 || !p.Variables() || p.Pos != (Pos{Line: 1, Col: 1}) {
					t.Errorf("policy = %+v", p)
				}
				s := p.Statements[1]
				if !slices.Equal(s.Principal.AWS, []string{"arn:aws:iam::111122223333:role/KeyUser", "444455556666"}) {
					t.Errorf("AWS = %q", s.Principal.AWS)
				}
				var got []string
				for _, c := range s.Conditions {
					got = append(got, fmt.Sprintf("%s %s %q %v", c.Operator, c.Key, c.Values, c.ValueKinds))
				}
				want := []string{
					`StringEquals kms:ViaService ["s3.us-east-1.amazonaws.com"] [0]`,
					`StringEquals kms:CallerAccount ["111122223333"] [0]`,
					`Bool kms:GrantIsForAWSResource ["true"] [2]`,
				}
				if !slices.Equal(got, want) {
					t.Errorf("conditions = %q", got)
				}
				if pr := p.Statements[2].Principal; !pr.Wildcard || pr.AWS != nil {
					t.Errorf("principal * = %+v", pr)
				}
				if pr := p.Statements[0].Principal; pr.Wildcard || !slices.Equal(pr.AWS, []string{"arn:aws:iam::111122223333:root"}) {
					t.Errorf("principal = %+v", pr)
				}
			},
		},
		{
			name: "SCP with NotAction",
			doc:  scpNotAction,
			test: func(t *testing.T, p *Policy) {
				if !p.StatementIsObject || len(p.Statements) != 1 {
					t.Fatalf("statements = %+v", p.Statements)
				}
				s := p.Statements[0]
				if s.Pointer != "/Statement" || s.Index != 0 || s.Effect != Deny || s.Action != nil || len(s.NotAction) != 6 || s.NotAction[5] != "support:*" {
					t.Errorf("statement = %+v", s)
				}
				if len(s.Conditions) != 2 || s.Conditions[1].Operator != "ArnNotLike" || s.Conditions[1].Pointer != "/Statement/Condition/ArnNotLike/aws:PrincipalARN" {
					t.Errorf("conditions = %+v", s.Conditions)
				}
			},
		},
		{
			name: "ForAnyValue conditions and variables",
			doc:  variablesPolicy,
			test: func(t *testing.T, p *Policy) {
				s := p.Statements[0]
				var got []string
				for _, c := range s.Conditions {
					got = append(got, c.Operator+" "+c.Key)
				}
				want := []string{
					"ForAnyValue:StringLike aws:TagKeys",
					"ForAllValues:StringEquals aws:TagKeys",
					"NumericLessThanEquals s3:max-keys",
					"DateLessThan aws:CurrentTime",
					"IpAddressIfExists aws:SourceIp",
					"Null aws:TokenIssueTime",
				}
				if !slices.Equal(got, want) {
					t.Errorf("conditions = %q", got)
				}
				if c := s.Conditions[2]; c.Values[0] != "10" || c.ValueKinds[0] != KindNumber {
					t.Errorf("numeric condition = %+v", c)
				}
				if s.Resource[0] != "arn:aws:s3:::home-bucket/home/${aws:username}/*" {
					t.Errorf("resource = %q", s.Resource)
				}
				n := p.Statements[1].NotPrincipal
				if n == nil || len(n.AWS) != 2 || p.Statements[1].Principal != nil {
					t.Errorf("NotPrincipal = %+v", n)
				}
			},
		},
		{
			name: "principal AWS star is not the anonymous wildcard",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}`,
			test: func(t *testing.T, p *Policy) {
				pr := p.Statements[0].Principal
				if pr.Wildcard || !slices.Equal(pr.AWS, []string{"*"}) {
					t.Errorf("principal = %+v", pr)
				}
			},
		},
		{
			name: "string escapes",
			doc:  `{"Version": "2012-10-17", "Statement": {"Sid": "\u0041\u00e9\ud83d\ude00", ` + okStmt + `, "Condition": {"StringEquals": {"k\/\"\\": ["\n\t\r\b\f", "\ud800x", "\udc00", "é€😀"]}}}}`,
			want: []string{CodeSidInvalid},
			test: func(t *testing.T, p *Policy) {
				s := p.Statements[0]
				if s.Sid != "Aé😀" {
					t.Errorf("Sid = %q", s.Sid)
				}
				c := s.Conditions[0]
				if c.Key != `k/"\` || !slices.Equal(c.Values, []string{"\n\t\r\b\f", "\uFFFDx", "\uFFFD", "é€😀"}) {
					t.Errorf("condition = %q %q", c.Key, c.Values)
				}
				if c.Pointer != `/Statement/Condition/StringEquals/k~1"\` {
					t.Errorf("pointer = %q", c.Pointer)
				}
			},
		},
		{
			name: "wrong case is still interpreted",
			doc:  `{"version": "2012-10-17", "statement": [{"effect": "deny", "notaction": "iam:*", "RESOURCE": "*", "principal": {"aws": "123456789012"}, "condition": {"boolIfExists": {"aws:MultiFactorAuthPresent": false}}}]}`,
			want: []string{CodeWrongKeyCase, CodeWrongKeyCase, CodeWrongKeyCase, CodeInvalidEffect, CodeWrongKeyCase, CodeWrongKeyCase, CodeWrongKeyCase, CodeWrongKeyCase, CodeWrongKeyCase, CodeWrongKeyCase},
			test: func(t *testing.T, p *Policy) {
				s := p.Statements[0]
				if p.Version != Version2012 || s.Effect != Deny || s.NotAction[0] != "iam:*" || s.Resource[0] != "*" ||
					s.Principal.AWS[0] != "123456789012" || s.Conditions[0].Operator != "boolIfExists" || s.Conditions[0].Values[0] != "false" {
					t.Errorf("statement = %+v", s)
				}
			},
		},
		{
			name: "duplicate keys keep the last",
			doc:  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"a": "1"}, "StringEquals": {"b": "2", "b": "3"}}}}`,
			want: []string{CodeDuplicateKey, CodeDuplicateKey, CodeDuplicateKey},
			test: func(t *testing.T, p *Policy) {
				s := p.Statements[0]
				if s.Effect != Deny || len(s.Conditions) != 1 || s.Conditions[0].Key != "b" || s.Conditions[0].Values[0] != "3" {
					t.Errorf("statement = %+v", s)
				}
			},
		},
		{
			name: "statement indexes follow the array",
			doc:  `{"Version": "2012-10-17", "Statement": [1, {` + okStmt + `}]}`,
			want: []string{CodeNotObject},
			test: func(t *testing.T, p *Policy) {
				if len(p.Statements) != 1 || p.Statements[0].Index != 1 || p.Statements[0].Pointer != "/Statement/1" {
					t.Errorf("statements = %+v", p.Statements)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, fs := Parse([]byte(tt.doc))
			var codes []string
			for _, f := range fs {
				codes = append(codes, f.Code)
			}
			if !slices.Equal(codes, tt.want) {
				t.Fatalf("findings = %v, want codes %q", fs, tt.want)
			}
			if p == nil {
				t.Fatal("nil policy")
			}
			if tt.test != nil {
				tt.test(t, p)
			}
		})
	}
}

func TestParseDocument(t *testing.T) {
	t.Parallel()
	const doc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/a+b c"}]}`
	encoded := url.PathEscape(doc)
	if !strings.HasPrefix(encoded, "%7B") {
		t.Fatalf("test is wrong: %s", encoded)
	}
	tests := []struct {
		name  string
		input string
		want  []string // "L:C code" of each finding
		ok    bool     // the policy is doc
	}{
		{name: "raw JSON", input: doc, ok: true},
		{name: "JSON string", input: `  "` + strings.ReplaceAll(doc, `"`, `\"`) + `"  `, ok: true},
		{name: "URL-encoded", input: encoded, ok: true},
		{name: "URL-encoded lower case", input: strings.ToLower(encoded[:3]) + encoded[3:], ok: true},
		{name: "URL-encoded, plus stays plus", input: strings.ReplaceAll(encoded, "%20", "%20"), ok: true},
		{name: "URL-encoded in a JSON string", input: `"` + encoded + `"`, ok: true},
		{name: "URL-encoded after leading spaces", input: "\n " + encoded, ok: true},
		{name: "URL-encoded with leading encoded space", input: "%20" + encoded, ok: true},
		{name: "IAM style (everything escaped)", input: iamEscape(doc), ok: true},
		{name: "bad percent escape", input: encoded[:20] + "%G1" + encoded[20:], want: []string{"1:21 invalid-json"}},
		{name: "truncated percent escape", input: "%7B%2", want: []string{"1:4 invalid-json"}},
		{name: "unterminated string", input: "\n\"%7B", want: []string{"2:5 invalid-json"}},
		{name: "garbage after string", input: `"{}" x`, want: []string{"1:6 invalid-json"}},
		{name: "not JSON at all", input: "hello", want: []string{"1:1 invalid-json"}},
		{name: "not URL-encoded JSON", input: "%41", want: []string{"1:1 invalid-json"}},
		{name: "empty", input: "", want: []string{"1:1 invalid-json"}},
		{name: "empty string", input: `""`, want: []string{"1:1 invalid-json"}},
		{
			name:  "positions refer to the decoded text",
			input: url.PathEscape("{\n\"Statement\": []}"),
			want:  []string{"1:1 missing-version", "2:14 empty-statement-list"},
		},
		{
			name:  "positions refer to the unquoted text",
			input: `"{\n\"Version\": \"2012-10-17\", \"Statement\": 1}"`,
			want:  []string{"2:39 wrong-type"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, fs := ParseDocument([]byte(tt.input))
			var got []string
			for _, f := range fs {
				got = append(got, f.Pos.String()+" "+f.Code)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings = %v, want %q", fs, tt.want)
			}
			if tt.ok {
				want, _ := Parse([]byte(doc))
				if p == nil || !reflect.DeepEqual(stripPositions(p), stripPositions(want)) {
					t.Errorf("policy = %+v", p)
				}
				if p != nil && p.Statements[0].Resource[0] != "arn:aws:s3:::b/a+b c" {
					t.Errorf("resource = %q", p.Statements[0].Resource)
				}
			}
		})
	}
}

// iamEscape percent-encodes every byte but unreserved ones, as IAM does.
func iamEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func TestPercentDecodeMatchesPathUnescape(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "abc", "%7B%7d", "a+b%20c", "%", "%4", "%4g", "%%41", "100%", "%E2%82%AC", "%ff%00"} {
		want, err := url.PathUnescape(s)
		got, bad := percentDecode([]byte(s))
		if (err != nil) != (bad >= 0) || err == nil && string(got) != want {
			t.Errorf("percentDecode(%q) = %q, %d; PathUnescape = %q, %v", s, got, bad, want, err)
		}
	}
}

func TestCanonicalOperator(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"StringEquals", "StringEquals", true},
		{"stringequalsifexists", "StringEqualsIfExists", true},
		{"FORANYVALUE:stringlike", "ForAnyValue:StringLike", true},
		{"ForAllValues:ArnNotLikeIfExists", "ForAllValues:ArnNotLikeIfExists", true},
		{"Null", "Null", true},
		{"NullIfExists", "", false},
		{"StringEqual", "", false},
		{"ForAnyValue:", "", false},
		{"IfExists", "", false},
		{"\u212Aey", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := CanonicalOperator(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CanonicalOperator(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFindingString(t *testing.T) {
	t.Parallel()
	_, fs := Parse([]byte(`{"Statement": []}`))
	want := []string{
		`1:1: warning missing-version: the document has no "Version": AWS assumes "2008-10-17", in which policy variables such as ${aws:username} are not interpreted; add "Version": "2012-10-17" (/)`,
		`1:15: warning empty-statement-list: "Statement" is an empty list: the policy has no effect (/Statement)`,
	}
	if len(fs) != len(want) {
		t.Fatalf("findings = %v", fs)
	}
	for i := range fs {
		if fs[i].String() != want[i] {
			t.Errorf("finding %d = %s\nwant %s", i, fs[i], want[i])
		}
	}
}

// TestParsePrefixes parses every prefix of the sample documents: it must
// not panic, must report positions inside the input and must report an
// error for every proper prefix.
func TestParsePrefixes(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{trustPolicy, kmsKeyPolicy, scpNotAction, variablesPolicy} {
		for n := 0; n < len(doc); n++ {
			_, fs := Parse([]byte(doc[:n]))
			if !HasErrors(fs) {
				t.Fatalf("no error for prefix %q", doc[:n])
			}
			for _, f := range fs {
				if f.Pos.Offset > n || f.Pos.Line < 1 || f.Pos.Col < 1 {
					t.Fatalf("prefix %d: finding %v outside the input", n, f)
				}
			}
		}
	}
}

func BenchmarkParse20Statements(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"Version": "2012-10-17", "Statement": [`)
	for i := 0; i < 20; i++ {
		if i > 0 {
			sb.WriteString(",\n")
		}
		fmt.Fprintf(&sb, `{"Sid": "S%d", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:List*"], "Resource": ["arn:aws:s3:::bucket-%d", "arn:aws:s3:::bucket-%d/*"], "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc", "s3:prefix": ["home/", "shared/"]}, "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}`, i, i, i)
	}
	sb.WriteString("]}")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		p, fs := Parse(data)
		if len(fs) != 0 || len(p.Statements) != 20 {
			b.Fatal(fs)
		}
	}
}

func TestValueCheckers(t *testing.T) {
	t.Parallel()
	for _, part := range []string{"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"} {
		if msg := resourceARNProblem("arn:"+part+":s3:::b", false); msg != "" {
			t.Errorf("partition %s: %s", part, msg)
		}
		if msg := awsPrincipalProblem("arn:" + part + ":iam::123456789012:root"); msg != "" {
			t.Errorf("principal partition %s: %s", part, msg)
		}
	}
	for _, bad := range []string{"aws-x", "AWS", "", "${aws:partition}"} {
		if resourceARNProblem("arn:"+bad+":s3:::b", false) == "" {
			t.Errorf("partition %q accepted", bad)
		}
	}
	if resourceARNProblem("arn:aws?:s3:::b", false) != "" {
		t.Error("wildcard partition rejected")
	}
	// A variable before the fifth colon: IAM refuses the policy. After
	// it, or in a 2008-10-17 policy (where it is literal text), it is
	// fine.
	for _, v := range []string{"arn:${aws:partition}:s3:::b", "arn:aws:iam::${aws:PrincipalAccount}:role/x",
		"arn:aws:ec2:${aws:RequestedRegion}:111122223333:instance/*", "arn:aws:${aws:username}:::x"} {
		if resourceARNProblem(v, true) == "" {
			t.Errorf("%s accepted", v)
		}
	}
	for _, v := range []string{"arn:aws:s3:::${aws:PrincipalAccount}-logs/*", "arn:aws:iam::111122223333:role/${aws:username}:x"} {
		if msg := resourceARNProblem(v, true); msg != "" {
			t.Errorf("%s: %s", v, msg)
		}
	}
	if msg := resourceARNProblem("arn:aws:iam::${aws:PrincipalAccount}:role/x", false); msg != "" {
		t.Errorf("2008-10-17: %s", msg)
	}

	dates := map[string]bool{
		"2024-01-31": true, "2024-01-31T23:59:59Z": true, "2024-01-31t23:59z": true, "2024-01-31T23:59:59.5+05:30": true,
		"2024-01-31T23:59:59,5-0800": true, "2024-01-31T23:59:59+01": true, "2024-01-31T23:59:60Z": true, "2000-02-29": true,
		"1900-02-29": false, "2024-04-31": false, "2024-00-01": false, "2024-01-31T": false, "2024-01-31T23": false,
		"2024-01-31T23:60": false, "2024-01-31T23:59:59.": false, "2024-01-31T23:59:59+1": false, "2024-01-31T23:59:59+01:60": false,
		"2024-01-31T23:59:59ZZ": false, "2024-1-31": false, "": false, "20240131": false,
	}
	for s, want := range dates {
		if got := isDate(s); got != want {
			t.Errorf("isDate(%q) = %v", s, got)
		}
	}
	numbers := map[string]bool{"0": true, "-1": true, "+2": true, "1.5": true, ".5": true, "5.": true, "1e3": true, "1E-3": true,
		"": false, "-": false, ".": false, "1e": false, "0x10": false, "1_000": false, "NaN": false, "Inf": false, " 1": false}
	for s, want := range numbers {
		if got := isNumber(s); got != want {
			t.Errorf("isNumber(%q) = %v", s, got)
		}
	}
	for s, want := range map[string]bool{"1700000000": true, "-1": true, "": false, "-": false, "1.5": false, "12345678901234567890": false} {
		if got := isEpoch(s); got != want {
			t.Errorf("isEpoch(%q) = %v", s, got)
		}
	}
	ips := map[string]bool{"10.0.0.1": true, "10.0.0.0/8": true, "10.1.2.3/8": true, "::": true, "2001:db8::/32": true, "::ffff:10.0.0.1": true,
		"fe80::1%eth0": false, "fe80::1%eth0/64": false, "10.0.0.0/": false, "10.0.0": false, "": false, "10.0.0.1/-1": false}
	for s, want := range ips {
		if got := isIPOrCIDR(s); got != want {
			t.Errorf("isIPOrCIDR(%q) = %v", s, got)
		}
	}
	if !isUniqueID("AIDAJQABLZS4A3QDU576Q") || isUniqueID("AIDA") || isUniqueID("aidajqablzs4a3qdu576q") || isUniqueID("XXXXJQABLZS4A3QDU576Q") {
		t.Error("isUniqueID")
	}
}

// TestCarvedModel checks the pieces of the model that are carved out of
// shared blocks: pointers past the precomputed ones and with escapes,
// and lists that appending to cannot spill into their neighbours.
func TestCarvedModel(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`{"Version":"2012-10-17","Statement":[`)
	for i := 0; i < 40; i++ {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"Effect":"Allow","Action":["s3:Get%d","s3:Put%d"],"Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/a~b":["x%d","y"],"aws:username":"u%d"},"Bool":{"aws:SecureTransport":true}}}`, i, i, i, i)
	}
	sb.WriteString("]}")
	p, fs := Parse([]byte(sb.String()))
	if len(fs) != 0 {
		t.Fatal(fs)
	}
	st := p.Statements[35]
	if st.Pointer != "/Statement/35" {
		t.Errorf("pointer %q", st.Pointer)
	}
	if got, want := st.Conditions[0].Pointer, "/Statement/35/Condition/StringEquals/aws:PrincipalTag~1a~0b"; got != want {
		t.Errorf("condition pointer %q, want %q", got, want)
	}
	if got := st.Conditions[2].Values; len(got) != 1 || got[0] != "true" || st.Conditions[2].ValueKinds[0] != KindBool {
		t.Errorf("bool condition %q %v", got, st.Conditions[2].ValueKinds)
	}
	// Appending to one list must not change the next one.
	_ = append(st.Action, "spill")
	_ = append(st.Conditions[0].Values, "spill")
	_ = append(st.Conditions[0].ValueKinds, KindNumber, KindNumber)
	_ = append(st.Conditions, Condition{Key: "spill"})
	next := p.Statements[36]
	if next.Action[0] != "s3:Get36" || st.Resource[0] != "*" || st.Conditions[1].Values[0] != "u35" ||
		st.Conditions[1].ValueKinds[0] != KindString || next.Conditions[0].Key != "aws:PrincipalTag/a~b" {
		t.Errorf("a list spilled into its neighbour: %v %v %v", next.Action, st.Resource, st.Conditions[1])
	}
	for i, s := range p.Statements {
		if s.Index != i || s.Action[1] != fmt.Sprintf("s3:Put%d", i) || s.Conditions[0].Values[0] != fmt.Sprintf("x%d", i) {
			t.Fatalf("statement %d: %+v", i, s)
		}
	}
}

// TestResourceARNSplit holds resourceARNProblem, which splits a value
// without "${" with arn.Fields, to the split it made before: always
// arn.FieldsVars with variables, arn.Fields without.
func TestResourceARNSplit(t *testing.T) {
	before := func(s string, vars bool) string {
		f, n := arn.FieldsVars(s)
		if !vars {
			f, n = arn.Fields(s)
		}
		switch {
		case n < 6:
			return "short"
		case f[0] != "arn":
			return "arn"
		case vars && strings.Contains(s[:len(s)-len(f[5])], "${"):
			return "var"
		case !knownPartition(f[1]) && !hasWildcard(f[1]):
			return "partition"
		case f[2] == "":
			return "service"
		case f[5] == "":
			return "resource"
		}
		return ""
	}
	short := map[string]string{
		"it has fewer than six colon-separated fields":     "short",
		"it does not start with \"arn:\"":                  "arn",
		"unknown partition \"":                             "partition",
		"the service is empty":                             "service",
		"the resource is empty":                            "resource",
		"a policy variable can be used only in the resour": "var",
	}
	values := []string{"", "*", "arn", "arn:aws:s3:::b", "arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::",
		"arn:${aws:partition}:s3:::b", "arn:aws:iam::${aws:PrincipalAccount}:role/x", "arn:aws:s3:::${a:b:c:d:e:f}",
		"arn:aws:s3:::x${", "arn:aws:${x}:::y", "arn:aw?:s3:::b", "arn:nope:s3:::b", "arn:aws::us-east-1:1:x",
		"arn:aws:s3:${a:b}:${c:d}:${e:f}", "a:b:c:d:e:f", "arn:aws:ec2:us-east-1:111122223333:instance/${ec2:InstanceID}:x",
		"arn:aws:s3:::}${:", "arn:aws:s3$:{::b", "arn:aws:s3:::b:${aws:username", "${}:aws:s3:::b"}
	for _, v := range values {
		for _, vars := range []bool{false, true} {
			got := resourceARNProblem(v, vars)
			for long, sh := range short {
				if strings.HasPrefix(got, long) {
					got = sh
				}
			}
			if want := before(v, vars); got != want {
				t.Errorf("resourceARNProblem(%q, %v) = %q, before %q", v, vars, got, want)
			}
		}
	}
}
