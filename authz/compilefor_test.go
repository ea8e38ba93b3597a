package authz_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/policy"
)

// compileBoth compiles doc for layer l whole and for r's action alone.
func compileBoth(t *testing.T, l authz.Layer, doc string, r *authz.Request) (whole, only *authz.CompiledPolicy, werr, oerr error) {
	t.Helper()
	// The parser reports bad values too; the engine is asked whatever
	// its caller does with them.
	p, fs := policy.Parse([]byte(doc))
	if p == nil {
		t.Fatalf("parse: %v", fs)
	}
	whole, only = new(authz.CompiledPolicy), new(authz.CompiledPolicy)
	werr = authz.CompilePolicyMem(whole, l, authz.NamedPolicy{Name: "p", Policy: p}, nil)
	oerr = authz.CompilePolicyFor(only, l, authz.NamedPolicy{Name: "p", Policy: p}, new(authz.Mem), r)
	return
}

func request(t *testing.T, action string) *authz.Request {
	t.Helper()
	r, err := authz.NewRequest(authz.RequestInput{
		Principal: "arn:aws:iam::111122223333:role/app", Action: action,
		Resource: "arn:aws:s3:::bucket/key", ResourceAccount: "111122223333",
		Context: map[string][]string{"aws:SourceIp": {"10.1.2.3"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestCompileForGivesTheWholeErrors: a statement that names other actions
// is not compiled for one action (CompilePolicyFor), yet the policy gets
// the error compiling it whole gives, in the same statement: a bad
// condition value or operator, a missing Principal in a resource-based
// policy, whichever statement comes first.
func TestCompileForGivesTheWholeErrors(t *testing.T) {
	r := request(t, "s3:GetObject")
	for _, tc := range []struct {
		name  string
		layer authz.Layer
		stmts string
	}{
		{"bad IP in an inert statement", authz.LayerIdentity, `{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.300"}}}`},
		{"bad number", authz.LayerIdentity, `{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"ten"}}}`},
		{"bad date", authz.LayerIdentity, `{"Effect":"Deny","Action":["kms:Decrypt"],"Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"yesterday"}}}`},
		{"bad bool", authz.LayerBoundary, `{"Effect":"Deny","Action":"backup:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"maybe"}}}`},
		{"unknown operator", authz.LayerSCP, `{"Effect":"Deny","Action":"ec2:RunInstances","Resource":"*","Condition":{"StringEqualz":{"aws:RequestedRegion":"us-east-1"}}}`},
		{"NotAction that excludes the action", authz.LayerIdentity, `{"Effect":"Deny","NotAction":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"nope"}}}`},
		{"no Principal in a resource policy", authz.LayerResource, `{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}`},
		{"second of two errors", authz.LayerIdentity, `{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Allow","Action":"sqs:*","Resource":"*","Condition":{"DateEquals":{"aws:CurrentTime":"x"}}}`},
		{"ARN patterns before the bad one", authz.LayerIdentity, `{"Effect":"Allow","Action":"ec2:*","Resource":["arn:aws:ec2:*:*:instance/*","arn:aws:s3:::b/*"],"Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:*:t"}}},{"Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:sqs:*:*:q","Condition":{"IpAddress":{"aws:SourceIp":"x"}}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prin := ""
			if tc.layer == authz.LayerResource {
				prin = `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},`
			}
			doc := `{"Version":"2012-10-17","Statement":[` + prin + tc.stmts + `]}`
			_, _, werr, oerr := compileBoth(t, tc.layer, doc, r)
			if werr == nil {
				t.Fatal("the whole policy compiled: the case tests nothing")
			}
			if oerr == nil || oerr.Error() != werr.Error() {
				t.Fatalf("compiled for s3:GetObject: %v\nwhole: %v", oerr, werr)
			}
			var we, oe *authz.CompileError
			if !errors.As(werr, &we) || !errors.As(oerr, &oe) || we.Statement != oe.Statement {
				t.Fatalf("statements differ: %#v %#v", werr, oerr)
			}
		})
	}
}

// TestCompileForEvaluatesAsWhole: compiled for one action, a policy of
// 28 statements (enough for the engine to index them) for that action and others (Action, NotAction, wildcards,
// conditions, ARN patterns) evaluates that action's requests as the whole
// policy does, and refuses (panics) a request of another action.
func TestCompileForEvaluatesAsWhole(t *testing.T) {
	actions := []string{`"s3:GetObject"`, `"s3:Get*"`, `"S3:GETOBJECT"`, `["ec2:*","s3:Put*"]`, `"*"`, `"s3:?etObject"`, `"iam:PassRole"`, `"sqs:*"`, `["kms:Decrypt","kms:Encrypt"]`, `"s3:*Object"`, `["s3:GetObject ","s3:GetObject,PutObject"]`, `"s3:getobject*"`, `"s3:GetObjectAcl"`, `"s3*"`}
	var docs []string
	for _, effect := range []string{"Allow", "Deny"} {
		var st []string
		for i, a := range actions {
			st = append(st, fmt.Sprintf(`{"Sid":"A%d","Effect":%q,"Action":%s,"Resource":"arn:aws:s3:::bucket/*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}`, i, effect, a))
			st = append(st, fmt.Sprintf(`{"Sid":"N%d","Effect":%q,"NotAction":%s,"Resource":"arn:aws:s3:::bucket/key","Condition":{"NotIpAddress":{"aws:SourceIp":"192.168.0.0/16"}}}`, i, effect, a))
		}
		docs = append(docs, `{"Version":"2012-10-17","Statement":[`+strings.Join(st, ",")+`]}`)
	}
	for _, action := range []string{"s3:GetObject", "s3:PutObject", "iam:PassRole", "ec2:RunInstances", "sqs:SendMessage"} {
		for _, doc := range docs {
			r := request(t, action)
			whole, only, werr, oerr := compileBoth(t, authz.LayerIdentity, doc, r)
			if werr != nil || oerr != nil {
				t.Fatal(werr, oerr)
			}
			var want, got authz.Result
			wset, _ := authz.Compile(authz.Input{Identity: []authz.NamedPolicy{{Name: "p", Compiled: whole}}})
			oset, _ := authz.Compile(authz.Input{Identity: []authz.NamedPolicy{{Name: "p", Compiled: only}}})
			wset.Evaluate(r, &want)
			oset.Evaluate(r, &got)
			if w, g := fmt.Sprintf("%+v", want), fmt.Sprintf("%+v", got); w != g {
				t.Errorf("%s: compiled for it\n%s\nwhole\n%s", action, g, w)
			}
			func() {
				defer func() {
					if recover() == nil {
						t.Errorf("%s: a policy compiled for it evaluated s3:ListBucket", action)
					}
				}()
				var res authz.Result
				oset.Evaluate(request(t, "s3:ListBucket"), &res)
			}()
		}
	}
}
