package account

import (
	"bytes"
	"errors"
	"testing"
)

// TestDocumentErrorPointerInLargeSnapshot: in a snapshot large enough that
// documents are checked on several workers, the error reported is the
// first in document order, with its own document's pointer (built by a
// second walk), whichever worker found it and however many documents
// repeat before it.
func TestDocumentErrorPointerInLargeSnapshot(t *testing.T) {
	t.Parallel()
	bad := Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"s3:*","Resource":"*"}]}`)
	for _, tc := range []struct {
		name string
		edit func(s *Snapshot)
		want string
	}{
		{"inline policy", func(s *Snapshot) { s.Roles[250].InlinePolicies[1].Document = bad }, "/roles/250/inlinePolicies/1/document/Statement/0/Effect"},
		{"first of two", func(s *Snapshot) {
			s.Roles[280].TrustPolicy = bad
			s.Roles[120].InlinePolicies[0].Document = bad
		}, "/roles/120/inlinePolicies/0/document/Statement/0/Effect"},
		{"a repeated document", func(s *Snapshot) {
			for i := range s.Roles[200:] {
				s.Roles[200+i].TrustPolicy = bad
			}
		}, "/roles/200/trustPolicy/Statement/0/Effect"},
		{"after the roles", func(s *Snapshot) { s.KMSKeys[0].Policy = bad }, "/kmsKeys/0/policy/Statement/0/Effect"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := Synthetic(300, 1)
			tc.edit(s)
			var buf bytes.Buffer
			if err := Save(&buf, s, false); err != nil {
				t.Fatal(err)
			}
			_, err := Parse(buf.Bytes())
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want *Error", err)
			}
			if e.Pointer != tc.want || e.Line == 0 || e.Code == "" {
				t.Errorf("error %v (pointer %q, %d:%d, code %q), want one at %s with its position and code", err, e.Pointer, e.Line, e.Col, e.Code, tc.want)
			}
		})
	}
}

// TestCheckDocumentFastPathAgrees holds checkDocument, which takes
// policy's fast path (Clean, ParseClean) for a clean document, to the full
// parse alone: the same error (pointer, position, code, message) or none,
// for documents with and without conditions, with errors of every kind the
// load reports (a policy error, a condition value the engine refuses), and
// every one-byte deletion and a few one-byte replacements of each.
func TestCheckDocumentFastPathAgrees(t *testing.T) {
	t.Parallel()
	seeds := []string{
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":1e400}}}]}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"1e400"}}}]}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2024-12-31T23:59:60Z"}}}]}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2024-12-31T23:59:59Z"}}}]}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","condition":{"Bool":{"aws:SecureTransport":"true"}}}]}`,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"tr\u0075e"}}}]}`,
		`{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"iam:*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1"]}}}}`,
		`"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"`,
	}
	s := Synthetic(20, 1)
	for _, r := range s.Roles[:4] {
		seeds = append(seeds, string(r.TrustPolicy), string(r.InlinePolicies[0].Document), string(r.InlinePolicies[1].Document))
	}
	var buf bytes.Buffer
	if err := Save(&buf, s, false); err != nil {
		t.Fatal(err)
	}
	indented, err := Parse(buf.Bytes()) // documents as Save indents them
	if err != nil {
		t.Fatal(err)
	}
	seeds = append(seeds, string(indented.Roles[1].InlinePolicies[0].Document), string(indented.Roles[1].TrustPolicy))
	check := func(doc []byte) {
		if len(doc) == 0 {
			return
		}
		fast, full := checkDocumentWith(doc, "/d", true), checkDocumentWith(doc, "/d", false)
		if (fast == nil) != (full == nil) || (fast != nil && *fast.(*Error) != *full.(*Error)) {
			t.Errorf("%s:\nfast path %v\nfull parse %v", doc, fast, full)
		}
	}
	clean := 0
	for _, seed := range seeds {
		if checkDocumentWith([]byte(seed), "", true) == nil {
			clean++
		}
		check([]byte(seed))
		for i := range len(seed) {
			check([]byte(seed[:i] + seed[i+1:]))
			for _, c := range []string{`"`, `1`, `x`, `{`, "\xff"} {
				check([]byte(seed[:i] + c + seed[i+1:]))
			}
		}
	}
	if clean < len(seeds)/2 {
		t.Errorf("only %d of %d seeds are clean: the test would not exercise the fast path", clean, len(seeds))
	}
}
