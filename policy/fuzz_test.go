package policy

import (
	"net/url"
	"reflect"
	"testing"
)

func FuzzParse(f *testing.F) {
	seeds := []string{
		trustPolicy,
		kmsKeyPolicy,
		scpNotAction,
		variablesPolicy,
		// An S3 bucket policy denying insecure transport.
		`{"Version":"2012-10-17","Id":"S3Policy","Statement":[{"Sid":"AllowSSLRequestsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::DOC-EXAMPLE-BUCKET","arn:aws:s3:::DOC-EXAMPLE-BUCKET/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`,
		// An SQS queue policy for SNS.
		`{"Version":"2008-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:q","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:123456789012:t"}}}}`,
		// Documents with errors.
		`{"version":"2012-10-17","Statement":[{"effect":"allow","Action":["s3:Get*",5],"Resource":"bucket","Condition":{"stringequals":{"a/b~c":[]},"NumericLessThan":{"x":"abc"},"DateEquals":{"d":"2020-02-30"},"IpAddress":{"i":"1.2.3.4/40"}}}]}`,
		`{"Statement":[{"Effect":"Deny","NotAction":"iam:*","Action":"s3:*","Principal":{"AWS":["arn:aws:iam::*:root","AROAEXAMPLEID1234567"]},"NotPrincipal":"*"}],"Statement":{}}`,
		`{"Version": "2012-10-17", "Statement": [{"Effect": }]}`,
		"\xEF\xBB\xBF{\"Id\": \"\\ud83d\\ude00\\u00e9\\n\", \"Statement\": []}",
		url.PathEscape(`{"Version":"2012-10-17","Statement":[]}`),
		`"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}"`,
		`[1, 2.5e-3, true, null, "x"]`,
		``,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(what string, input []byte, p *Policy, fs []Finding) {
			for _, fd := range fs {
				if fd.Pos.Offset < 0 || fd.Pos.Offset > len(input) || fd.Pos.Line < 1 || fd.Pos.Col < 1 || fd.Pos.Col > fd.Pos.Offset+1 {
					t.Fatalf("%s: finding %v has a position outside the input (%d bytes)", what, fd, len(input))
				}
				if fd.Code == "" || fd.Message == "" || (fd.Severity != Error && fd.Severity != Warning) {
					t.Fatalf("%s: incomplete finding %#v", what, fd)
				}
			}
			if HasErrors(fs) {
				return
			}
			if p == nil {
				t.Fatalf("%s: nil policy without errors", what)
			}
			out := Format(p)
			q, qfs := Parse(out)
			if HasErrors(qfs) {
				t.Fatalf("%s: Format gives a document with errors: %v\n%s", what, qfs, out)
			}
			if len(q.Statements) != len(p.Statements) {
				t.Fatalf("%s: %d statements after Format, %d before", what, len(q.Statements), len(p.Statements))
			}
			if !reflect.DeepEqual(stripPositions(p), stripPositions(q)) {
				t.Fatalf("%s: Format changed the policy:\n%s", what, out)
			}
			compact, _ := p.MarshalJSON()
			if r, rfs := Parse(compact); HasErrors(rfs) || !reflect.DeepEqual(stripPositions(p), stripPositions(r)) {
				t.Fatalf("%s: MarshalJSON round trip failed: %v\n%s", what, rfs, compact)
			}
		}
		p, fs := Parse(data)
		check("Parse", data, p, fs)
		// ParseDocument may decode the input: positions then refer to the
		// decoded text, which is never longer than the input.
		p, fs = ParseDocument(data)
		check("ParseDocument", data, p, fs)
	})
}
