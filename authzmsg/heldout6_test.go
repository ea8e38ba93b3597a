package authzmsg

import "testing"

// The fixes of the misses of the heldout6 corpus batch (see
// testdata/messages/README.md), each on messages of the same shape that
// are not that batch's.

// A resource the quoter elided with "..." or "…" keeps its ellipsis where
// the message ends too: no AWS sentence ends in one, so it is the
// quoter's cut, not a full stop (it once read "arn:aws:kms:us-east-1:",
// which names no key). A single full stop still ends the sentence.
func TestResourceElidedAtEnd(t *testing.T) {
	for _, tc := range []struct{ in, resource string }{
		{"User: arn:aws:iam::123456789012:role/R is not authorized to perform: kms:CreateGrant on resource: arn:aws:kms:us-east-1:...", "arn:aws:kms:us-east-1:..."},
		{"An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::123456789012:user/u is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::my-bucket/da…", "arn:aws:s3:::my-bucket/da…"},
		{"User: arn:aws:iam::123456789012:user/u is not authorized to perform: iam:GetRole on resource: arn:aws:iam::123456789012:role/r.", "arn:aws:iam::123456789012:role/r"},
	} {
		d, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if d.Resource != tc.resource {
			t.Errorf("%q: resource %q, want %q", tc.in, d.Resource, tc.resource)
		}
	}
}

// A resource whose opening quote is never closed (the quoter cut the
// message after the ARN) is read without the quote.
func TestResourceUnclosedQuote(t *testing.T) {
	for _, tc := range []struct{ in, resource string }{
		{`botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:iam::123456789012:user/u is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::b/prefix/`, "arn:aws:s3:::b/prefix/"},
		{`User: arn:aws:iam::123456789012:user/u is not authorized to perform: s3:GetObject on resource: 'arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action`, "arn:aws:s3:::b/k"},
		// Closed: as before.
		{`User: arn:aws:iam::123456789012:user/u is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action`, "arn:aws:s3:::b/k"},
	} {
		d, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if d.Resource != tc.resource {
			t.Errorf("%q: resource %q, want %q", tc.in, d.Resource, tc.resource)
		}
	}
}
