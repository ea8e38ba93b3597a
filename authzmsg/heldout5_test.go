package authzmsg

import "testing"

// The fixes of the misses of the heldout5 corpus batch (see
// testdata/messages/README.md), each on messages of the same shape that
// are not that batch's.

// An action followed by the "]" that closes a JavaScript error's
// "[Code: message]" is read without it.
func TestActionBeforeClosingBracket(t *testing.T) {
	for _, tc := range []struct{ in, action string }{
		{"{ [AccessDenied: Not authorized to perform sts:AssumeRole]\n  message: 'Not authorized to perform sts:AssumeRole',", "sts:AssumeRole"},
		{"[AccessDenied: User: arn:aws:iam::123456789012:user/u is not authorized to perform: s3:ListBucket]", "s3:ListBucket"},
	} {
		d, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if d.Action != tc.action {
			t.Errorf("%q: action %q, want %q", tc.in, d.Action, tc.action)
		}
	}
}

// A resource the quoter elided with "..." and the reason follows keeps its
// "...": it is not a sentence's full stop (it once read "arn:aws:lambda:").
func TestResourceElidedBeforeReason(t *testing.T) {
	for _, tc := range []struct{ in, resource string }{
		{"User: arn:aws:sts::123456789012:assumed-role/R/s is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:... because no resource-based policy allows the lambda:InvokeFunction action", "arn:aws:lambda:..."},
		{"User: arn:aws:iam::123456789012:user/u is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::my-bucket/da... with an explicit deny in a resource-based policy", "arn:aws:s3:::my-bucket/da..."},
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

// A resource ARN whose {placeholders} or <placeholders> hold spaces is read
// whole, and the reason after it too (it once ended at "{account", and the
// sentence had no reason).
func TestResourcePlaceholderWithSpaces(t *testing.T) {
	for _, tc := range []struct{ in, resource, layer string }{
		{"User: arn:aws:sts::111122223333:assumed-role/R/s is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:{region}:{account id }:parameter/{parameter name} because no identity-based policy allows the ssm:GetParameter action", "arn:aws:ssm:{region}:{account id }:parameter/{parameter name}", "identity"},
		{"User: arn:aws:iam::111122223333:user/u is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::<bucket name>/<object key> with an explicit deny in a resource-based policy", "arn:aws:s3:::<bucket name>/<object key>", "resource"},
		// A placeholder never closed: the first word, as before.
		{"User: arn:aws:iam::111122223333:user/u is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::<bucket because no identity-based policy allows the s3:GetObject action", "arn:aws:s3:::<bucket", "identity"},
	} {
		d, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if d.Resource != tc.resource || string(d.PolicyType) != tc.layer {
			t.Errorf("%q: resource %q, layer %s; want %q, %s", tc.in, d.Resource, d.PolicyType, tc.resource, tc.layer)
		}
	}
}

// A principal whose last segment a forum post put in Markdown bold
// ("**session**") is read without the asterisks; a redaction made of them
// ("***") stays.
func TestPrincipalMarkdownBold(t *testing.T) {
	for _, tc := range []struct{ in, principal string }{
		{"User: arn:aws:sts::111122223333:assumed-role/AppRole/**botocore-session-1234** is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::b", "arn:aws:sts::111122223333:assumed-role/AppRole/botocore-session-1234"},
		{"User: arn:aws:iam::111122223333:user/**alice** is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::b", "arn:aws:iam::111122223333:user/alice"},
		{"User: arn:aws:sts::***:assumed-role/***/AWSCloudFormation is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::b", "arn:aws:sts::***:assumed-role/***/AWSCloudFormation"},
		{"User: arn:aws:sts::111122223333:assumed-role/AppRole/***** is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::b", "arn:aws:sts::111122223333:assumed-role/AppRole/*****"},
	} {
		d, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if d.Principal.ARN != tc.principal {
			t.Errorf("%q: principal %q, want %q", tc.in, d.Principal.ARN, tc.principal)
		}
	}
}

// "Cross-account pass role is not allowed" is a refusal of iam:PassRole;
// SQS's "Access to the resource URL is denied" names the queue by its URL
// (the endpoint alone, "https://sqs.REGION.amazonaws.com/", names none).
func TestCrossAccountPassRole(t *testing.T) {
	for _, tc := range []struct{ in, action, resource string }{
		{"AccessDeniedException: Cross-account pass role is not allowed.", "iam:PassRole", ""},
		{"An error occurred (AccessDeniedException) when calling the CreateService operation: Cross-account pass role is not allowed.", "iam:PassRole", ""},
		{"AccessDenied: Access to the resource https://sqs.eu-west-1.amazonaws.com/123456789012/orders is denied.", "", "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"},
		{`{"ErrorCode":"AccessDenied","ErrorMessage":"Access to the resource https://sqs.us-east-1.amazonaws.com/111122223333/q.fifo is denied.","sqsRequestId":"x"}`, "", "https://sqs.us-east-1.amazonaws.com/111122223333/q.fifo"},
		{"AccessDenied: Access to the resource https://sqs.us-east-1.amazonaws.com/ is denied.", "", ""},
	} {
		d, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if d.Action != tc.action || d.Resource != tc.resource {
			t.Errorf("%q: action %q, resource %q; want %q, %q", tc.in, d.Action, d.Resource, tc.action, tc.resource)
		}
	}
}
