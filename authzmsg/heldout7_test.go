package authzmsg

import "testing"

// The fixes of the misses of the heldout7 corpus batch (see
// testdata/messages/README.md), each on messages of the same shape that
// are not that batch's.

// A Markdown quote block ("> " at the start of each line) around a
// wrapped message: the markers are not the message's (the sentence broke
// at "on\n> resource:", and the resource and the reason were lost).
func TestQuoteBlockMarkers(t *testing.T) {
	for _, tc := range []struct{ in, principal, action, resource string }{
		{"> User: arn:aws:iam::123456789012:user/u is not authorized to perform: sqs:SendMessage on\n> resource: arn:aws:sqs:us-east-1:123456789012:q because no identity-based policy allows the\n> sqs:SendMessage action",
			"arn:aws:iam::123456789012:user/u", "sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:q"},
		{">> User: arn:aws:iam::123456789012:user/u is not authorized to perform: s3:GetObject on resource:\n>> \"arn:aws:s3:::b/k\" because no identity-based policy allows the s3:GetObject action",
			"arn:aws:iam::123456789012:user/u", "s3:GetObject", "arn:aws:s3:::b/k"},
	} {
		d, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if d.Principal.ARN != tc.principal || d.Action != tc.action || d.Resource != tc.resource || d.PolicyType != PolicyIdentity || d.Decision != ImplicitDeny {
			t.Errorf("%q: %q %q %q %s %s", tc.in, d.Principal.ARN, d.Action, d.Resource, d.PolicyType, d.Decision)
		}
	}
}

// A line break inside the action, where a terminal wrapped the message at
// a fixed width ("iam:PutRolePo\nlicy"): the two halves are the action the
// reason names whole (it was read "iam:PutRolePo", and the resource and
// the reason after it were lost). Halves the reason does not name stay
// apart.
func TestActionBrokenAcrossLines(t *testing.T) {
	for _, tc := range []struct{ in, action, resource string }{
		{"User: arn:aws:iam::123456789012:user/u is not authorized to perform: dynamodb:BatchWr\niteItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/t because no identity-based policy allows the dynamodb:BatchWriteItem action",
			"dynamodb:BatchWriteItem", "arn:aws:dynamodb:us-east-1:123456789012:table/t"},
		{"User: arn:aws:iam::123456789012:user/u is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action",
			"s3:GetObject", "arn:aws:s3:::b/k"},
	} {
		d, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if d.Action != tc.action || d.Resource != tc.resource || d.PolicyType != PolicyIdentity {
			t.Errorf("%q: action %q resource %q layer %s", tc.in, d.Action, d.Resource, d.PolicyType)
		}
	}
}

// Markup glued to the action ("perform: route53:ListHostedZones</Message>"
// in a raw XML error response) is not the action's (it was read as no
// action).
func TestActionBeforeMarkup(t *testing.T) {
	in := `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/u is not authorized to perform: cloudfront:ListDistributions</Message></Error></ErrorResponse>`
	d, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if d.Action != "cloudfront:ListDistributions" || d.Principal.ARN != "arn:aws:iam::123456789012:user/u" {
		t.Errorf("action %q principal %q", d.Action, d.Principal.ARN)
	}
}

// The AWS CLI's older wording of its head, "A client error (Code) occurred
// when calling the Op operation: ", is the CLI form too, with its code and
// operation (it was read as a legacy message without either).
func TestCLIOldWording(t *testing.T) {
	in := "A client error (AccessDenied) occurred when calling the ListBuckets operation: Access Denied"
	d, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if d.Form != FormCLI || d.ErrorCode != "AccessDenied" || d.Operation != "ListBuckets" {
		t.Errorf("form %s code %q operation %q", d.Form, d.ErrorCode, d.Operation)
	}
}
