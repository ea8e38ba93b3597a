package policy_test

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/internal/testutil"
	"github.com/deniedhq/denied/policy"
)

// resourceFine are the findings ParseClean accepts for resource-based
// policies (eval ignores them there).
var resourceFine = map[string]bool{policy.CodeMissingResource: true, policy.CodeSidInvalid: true}

// checkClean holds ParseClean and Clean to ParseShared on data, for both
// kinds of policy: when ParseClean accepts a document, ParseShared must
// report no finding (but those resourceBased allows) and build the same
// policy; Clean must answer as ParseClean does. It reports how many of the
// two parses accepted data.
func checkClean(t *testing.T, data []byte) int {
	t.Helper()
	accepted := 0
	for _, rb := range []bool{false, true} {
		in := bytes.Clone(data)
		got, ok := policy.ParseClean(in, rb)
		if v := policy.Clean(in, rb); v != ok {
			t.Fatalf("Clean(%q, %v) = %v, ParseClean says %v", data, rb, v, ok)
		}
		var temp bool
		tok := policy.ParseCleanTemp(in, rb, func(p *policy.Policy) {
			temp = true
			// Its conditions' pointers are left for ConditionPointer
			// to make: the same as ParseClean's.
			for _, st := range p.Statements {
				for i := range st.Conditions {
					c := &st.Conditions[i]
					if c.Pointer != "" {
						t.Fatalf("ParseCleanTemp(%q, %v) set a condition's pointer %q", data, rb, c.Pointer)
					}
					c.Pointer = policy.ConditionPointer(st, c)
				}
			}
			if !reflect.DeepEqual(p, got) {
				t.Fatalf("ParseCleanTemp(%q, %v) read a policy other than ParseClean's:\n got %s\nwant %s", data, rb, dump(p), dump(got))
			}
		})
		if tok != ok || temp != ok {
			t.Fatalf("ParseCleanTemp(%q, %v) = %v (use called: %v), ParseClean says %v", data, rb, tok, temp, ok)
		}
		if !ok {
			if got != nil {
				t.Fatalf("ParseClean(%q, %v) refused the document but returned a policy", data, rb)
			}
			continue
		}
		accepted++
		checkCleanChecked(t, in, rb, got)
		want, fs := policy.ParseShared(in)
		for _, f := range fs {
			if !(rb && resourceFine[f.Code]) {
				t.Fatalf("ParseClean(%q, resourceBased=%v) accepted a document with finding %v", data, rb, f)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("ParseClean(%q, %v) built a policy other than ParseShared's:\n got %s\nwant %s", data, rb, dump(got), dump(want))
		}
		if !bytes.Equal(in, data) {
			t.Fatalf("ParseClean modified its input")
		}
	}
	return accepted
}

// checkCleanChecked holds CleanChecked to ParseClean's model p of data:
// it must show check every condition of p, in order, as the model holds
// it (but for the Pointer, which it does not build), and refuse the
// document when check refuses one.
func checkCleanChecked(t *testing.T, data []byte, rb bool, p *policy.Policy) {
	t.Helper()
	var want, seen []policy.Condition
	for _, st := range p.Statements {
		for _, c := range st.Conditions {
			c.Pointer = ""
			want = append(want, c)
		}
	}
	ok := policy.CleanChecked(data, rb, func(c *policy.Condition) bool {
		cp := *c
		cp.Values, cp.ValueKinds = slices.Clone(c.Values), slices.Clone(c.ValueKinds)
		seen = append(seen, cp)
		return true
	})
	if !ok {
		t.Fatalf("CleanChecked(%q, %v) refused a document ParseClean accepts", data, rb)
	}
	if !reflect.DeepEqual(seen, want) {
		t.Fatalf("CleanChecked(%q, %v) checked conditions\n %+v\nnot the model's\n %+v", data, rb, seen, want)
	}
	refused := !policy.CleanChecked(data, rb, func(*policy.Condition) bool { return false })
	if refused != (len(want) > 0) {
		t.Fatalf("CleanChecked(%q, %v) with a check refusing everything: refused %v, with %d conditions", data, rb, refused, len(want))
	}
}

func dump(p *policy.Policy) string {
	if p == nil {
		return "nil"
	}
	s := fmt.Sprintf("%+v", *p)
	for _, st := range p.Statements {
		s += fmt.Sprintf("\n  %+v", *st)
		for _, pr := range []*policy.Principal{st.Principal, st.NotPrincipal} {
			if pr != nil {
				s += fmt.Sprintf("\n    principal %+v", *pr)
			}
		}
	}
	return s
}

// mutations returns variants of doc, each one byte edit away: every
// syntax-bearing byte deleted or replaced, and bytes inserted, at up to
// max positions spread over the document.
func mutations(doc []byte, max int) [][]byte {
	subs := []byte{'"', '{', '}', '[', ']', ',', ':', ' ', '\n', 'a', 'A', '*', '$', '0', '/', '~', '\\', 0xC3, 0x01, 't', 'n'}
	step := 1
	if len(doc) > max {
		step = len(doc) / max
	}
	var out [][]byte
	for i := 0; i < len(doc); i += step {
		del := append(bytes.Clone(doc[:i]), doc[i+1:]...)
		out = append(out, del)
		if c := doc[i] | 0x20; 'a' <= c && c <= 'z' {
			flip := bytes.Clone(doc)
			flip[i] ^= 0x20 // the other case
			out = append(out, flip)
		}
		for _, b := range subs {
			if b == doc[i] {
				continue
			}
			rep := bytes.Clone(doc)
			rep[i] = b
			out = append(out, rep)
			ins := append(append(bytes.Clone(doc[:i]), b), doc[i:]...)
			out = append(out, ins)
		}
	}
	return out
}

// edgeCases are documents that ParseClean must refuse, or accept only
// where ParseShared has nothing to say: one or more for every finding
// code, and constructs at the edge of what it reads.
var edgeCases = []string{
	// Clean documents, multi-line, with every element.
	"{\n  \"Version\": \"2012-10-17\",\n  \"Id\": \"x\",\n  \"Statement\": [\n    {\n      \"Sid\": \"A1\",\n      \"Effect\": \"Allow\",\n      \"Principal\": {\"AWS\": [\"arn:aws:iam::111122223333:root\", \"222233334444\"], \"Service\": \"ec2.amazonaws.com\", \"Federated\": \"cognito-identity.amazonaws.com\", \"CanonicalUser\": \"abc\"},\n      \"Action\": [\"s3:Get*\", \"s3:List?ucket\"],\n      \"Resource\": [\"arn:aws:s3:::b/${aws:username}/*\", \"*\"],\n      \"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/a~b\": [\"x\", \"y\"], \"s3:prefix\": \"z\"}, \"NumericLessThan\": {\"s3:max-keys\": 10}, \"Bool\": {\"aws:SecureTransport\": true}, \"DateGreaterThan\": {\"aws:CurrentTime\": \"2024-01-01T00:00:00Z\"}, \"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"::1\"]}, \"ForAnyValue:StringLikeIfExists\": {\"aws:TagKeys\": \"e*\"}, \"Null\": {\"aws:TokenIssueTime\": \"true\"}}\n    },\n    {\"Effect\": \"Deny\", \"NotPrincipal\": \"*\", \"NotAction\": \"iam:*\", \"NotResource\": \"arn:aws:iam::*:role/x\"}\n  ]\n}\n",
	`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`,
	`{"Version":"2008-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:q","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:123456789012:t"}}}}`,
	`{"Version":"2012-10-17","Statement":[{"Sid":"has space","Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/é"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"NumericEquals":{"n":[1,-2.5e+3,0.0]},"DateLessThan":{"d":1700000000},"Bool":{"b":["True","false"]},"StringEquals":{"s":[true,12]}}}]}`,
	// invalid-json
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]} x`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*",}]}`,
	"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:\x01\",\"Resource\":\"*\"}]}",
	"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::\xff\"}]}",
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"n":01}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"b":tru}}}]}`,
	"\xEF\xBB\xBF{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get\u002a","Resource":"*"}]}`,
	// not-object
	`[]`, `"x"`, `{"Version":"2012-10-17","Statement":[1]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":[]}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":"x"}}]}`,
	// duplicate-key, wrong-key-case, unknown-element
	`{"Version":"2012-10-17","Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a":"1","a":"2"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a":"1"},"StringEquals":{"b":"2"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*","AWS":"*"},"Action":"*","Resource":"*"}]}`,
	`{"version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"stringequals":{"a":"b"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"aws":"*"},"Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Extra":1,"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Extra":"x"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Other":"x"},"Action":"*","Resource":"*"}]}`,
	// missing-statement, missing-effect, invalid-effect, missing-action, missing-resource
	`{"Version":"2012-10-17"}`,
	`{"Version":"2012-10-17","Statement":[{"Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"deny","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*"}]}`,
	// the exclusive pairs
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","NotPrincipal":"*","Action":"*","Resource":"*"}]}`,
	// wrong-type
	`{"Version":1,"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Id":null,"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":"x"}`,
	`{"Version":"2012-10-17","Statement":[{"Sid":1,"Effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":true,"Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*",5],"Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":{},"Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"me","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":5,"Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a":null}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a":[{}]}}}]}`,
	// unknown-version, missing-version, variables-in-2008
	`{"Version":"2012-10-18","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}],"Version":"2012-10-17"}`,
	`{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b/${aws:username}"}]}`,
	`{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a":"${aws:username}"}}}]}`,
	// malformed-arn, malformed-service-principal, principal-unique-id
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"bucket"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"bob"},"Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2"},"Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"AROAEXAMPLEID1234567"},"Action":"*","Resource":"*"}]}`,
	// malformed-action, action-never-matches
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:a:b","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject,PutObject","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject ","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:","Resource":"*"}]}`,
	// unknown-condition-operator, set-operator-with-null, empty-condition-values, invalid-condition-value
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringMatches":{"a":"b"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"a":"true"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:Null":{"a":"true"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a":[]}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"a":"x"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateEquals":{"a":"2020-02-30"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"a":1}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"a":"1.2.3.4/40"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"a":"${aws:x}"}}}]}`,
	// arn-pattern-short
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnLike":{"a":"arn:aws:iam::*"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnNotEqualsIfExists":{"a":["arn:aws:iam::*:role/x","arn"]}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:ArnLike":{"a":["*","arn:*:*:*:*:*"]}}}]}`,
	// bool-policy-variable
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"a":"${aws:x}"}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:BoolIfExists":{"a":["true","${aws:x}"]}}}]}`,
	// empty-statement-list, sid-invalid, empty-value-list
	`{"Version":"2012-10-17","Statement":[]}`,
	`{"Version":"2012-10-17","Statement":[{"Sid":"a-b","Effect":"Allow","Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{},"Action":"*","Resource":"*"}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{}}}]}`,
	`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[]},"Action":"*","Resource":"*"}]}`,
}

// corpus returns the documents TestParseCleanAgrees checks.
func corpus(t *testing.T) [][]byte {
	var docs [][]byte
	for _, s := range edgeCases {
		docs = append(docs, []byte(s))
	}
	docs = append(docs, testutil.PolicyDocuments(t)...)
	n := 3000
	if testing.Short() {
		n = 300
	}
	for _, c := range casegen.Generate(7, n) {
		docs = appendCaseDocs(docs, c)
	}
	return docs
}

// appendCaseDocs appends the documents of a simulate case, as written.
func appendCaseDocs(out [][]byte, c []byte) [][]byte {
	key := []byte(`"document":`)
	for {
		i := bytes.Index(c, key)
		if i < 0 {
			return out
		}
		c = c[i+len(key):]
		end := jsonEnd(c)
		if end <= 0 {
			return out
		}
		out = append(out, c[:end])
		c = c[end:]
	}
}

// jsonEnd returns the length of the JSON object or string at the start
// of b, or -1.
func jsonEnd(b []byte) int {
	depth, inStr := 0, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inStr {
			switch c {
			case '\\':
				i++
			case '"':
				inStr = false
				if depth == 0 {
					return i + 1
				}
			}
			continue
		}
		switch c {
		case '"':
			inStr = true
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// TestParseCleanAgrees holds the fast path to the parser on the testdata
// documents, generated cases' documents, hand-made edge cases for every
// finding code, and one-byte mutations of a sample of them.
func TestParseCleanAgrees(t *testing.T) {
	docs := corpus(t)
	seen := map[string]bool{}
	var total, accepted, mutated, mutAccepted int
	for i, d := range docs {
		if seen[string(d)] {
			continue
		}
		seen[string(d)] = true
		total++
		if checkClean(t, d) > 0 {
			accepted++
		}
		if i < len(edgeCases) || i%400 == 0 {
			for _, m := range mutations(d, 40) {
				mutated++
				if checkClean(t, m) > 0 {
					mutAccepted++
				}
			}
		}
	}
	t.Logf("%d documents, %d accepted; %d mutations, %d accepted", total, accepted, mutated, mutAccepted)
	// The fast path must take the usual document, or it serves nothing.
	if accepted*2 < total || mutAccepted == 0 {
		t.Errorf("ParseClean accepted %d of %d documents and %d of %d mutations: too few", accepted, total, mutAccepted, mutated)
	}
	// Every clean edge case is accepted.
	for _, s := range edgeCases[:6] {
		if _, ok := policy.ParseClean([]byte(s), true); !ok {
			t.Errorf("ParseClean refused the clean document %s", s)
		}
	}
}

func FuzzParseClean(f *testing.F) {
	for _, s := range edgeCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkClean(t, data)
	})
}

// BenchmarkParseClean compares the fast path with the parser on the
// documents of generated cases.
func BenchmarkParseClean(b *testing.B) {
	var docs [][]byte
	for _, c := range casegen.Generate(7, 500) {
		docs = appendCaseDocs(docs, c)
	}
	var size int
	for _, d := range docs {
		size += len(d)
	}
	b.Run("clean", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, d := range docs {
				policy.ParseClean(d, false)
			}
		}
	})
	b.Run("validate", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, d := range docs {
				policy.Clean(d, false)
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, d := range docs {
				policy.ParseShared(d)
			}
		}
	})
}

// caseDoc is a document of a generated case and whether its layer reads
// it as a resource-based policy, as eval does.
type caseDoc struct {
	text          []byte
	resourceBased bool
}

// caseDocs returns the object documents of n generated cases (seed 1, the
// workload of make bench-vs), each with its layer's resourceBased, in the
// order of the cases.
func caseDocs(n int) []caseDoc {
	var out []caseDoc
	for _, c := range casegen.Generate(1, n) {
		rb := false
		for i := 0; i < len(c); i++ {
			if c[i] != '"' {
				continue
			}
			rest := c[i:]
			switch {
			case bytes.HasPrefix(rest, []byte(`"resourcePolicy":`)), bytes.HasPrefix(rest, []byte(`"vpcEndpointPolicies":`)):
				rb = true
			case bytes.HasPrefix(rest, []byte(`"identityPolicies":`)), bytes.HasPrefix(rest, []byte(`"permissionsBoundary":`)),
				bytes.HasPrefix(rest, []byte(`"sessionPolicy":`)), bytes.HasPrefix(rest, []byte(`"policies":`)):
				rb = false
			case bytes.HasPrefix(rest, []byte(`"document":{`)):
				start := i + len(`"document":`)
				end := jsonEnd(c[start:])
				if end <= 0 {
					break
				}
				out = append(out, caseDoc{c[start : start+end], rb})
				i = start + end - 1
			}
		}
	}
	return out
}

// BenchmarkParseCleanCases is ParseClean on the documents of 1,000
// generated cases (seed 1: the first of /tmp/gen50k.jsonl), each read as
// its layer reads it; per op, all of them.
func BenchmarkParseCleanCases(b *testing.B) {
	docs := caseDocs(1000)
	var size, accepted int
	for _, d := range docs {
		size += len(d.text)
		if _, ok := policy.ParseClean(d.text, d.resourceBased); ok {
			accepted++
		}
	}
	b.Logf("%d documents, %d accepted", len(docs), accepted)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			policy.ParseClean(d.text, d.resourceBased)
		}
	}
}

// BenchmarkParseCleanTemp is BenchmarkParseCleanCases through
// ParseCleanTemp, whose model is read in place.
func BenchmarkParseCleanTemp(b *testing.B) {
	docs := caseDocs(1000)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, d := range docs {
			policy.ParseCleanTemp(d.text, d.resourceBased, func(p *policy.Policy) { n += len(p.Statements) })
		}
	}
}
