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
