package authzmsg

import (
	"strings"
	"testing"
)

func TestUnescapeLoose(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{`on resource: \"arn:aws:s3:::b/k\" because`, `on resource: "arn:aws:s3:::b/k" because`},
		{`role/x\n\tstatus code: 403`, `role/x  status code: 403`},
		{`https:\/\/host\/`, `https://host/`},
		{`a\\\"b`, `a\"b`},
		{`C:\Users\x`, `C:\Users\x`},
		{`end\`, `end\`},
	} {
		if got := unescapeLoose(c.in); got != c.want {
			t.Errorf("unescapeLoose(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJoinARNBreaks(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		// A break inside the ARN is removed.
		{"User: arn:aws:iam::123456789012:\nuser/JohnDoe is", "User: arn:aws:iam::123456789012:user/JohnDoe is"},
		{"arn:aws:sts::1:assumed-role/Admin-\n  Role/s is", "arn:aws:sts::1:assumed-role/Admin-Role/s is"},
		// An angle-bracket placeholder in the ARN does not end it.
		{"User: arn:aws:sts::<REDACTED>:assumed-role/core-\neks-role/ops is", "User: arn:aws:sts::<REDACTED>:assumed-role/core-eks-role/ops is"},
		// An XML tag after the ARN is not part of it.
		{"<Message>arn:aws:iam::1:role/</Message>\n<Code>", "<Message>arn:aws:iam::1:role/</Message>\n<Code>"},
		// A break after a whole ARN followed by the sentence stays.
		{"on resource: arn:aws:s3:::bucket/\nbecause no", "on resource: arn:aws:s3:::bucket/\nbecause no"},
		{"arn:aws:iam::1:role/\nwith an explicit deny", "arn:aws:iam::1:role/\nwith an explicit deny"},
		// A break after an ARN that does not end in a separator stays.
		{"arn:aws:iam::1:user/x\nis not", "arn:aws:iam::1:user/x\nis not"},
	} {
		if got := joinARNBreaks(c.in); got != c.want {
			t.Errorf("joinARNBreaks(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCleanToken(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{`arn:aws:iam::1:role/w","code":"AccessDeniedException"`, `arn:aws:iam::1:role/w`},
		{`arn:aws:lambda:us-east-1:1:function:f"}`, `arn:aws:lambda:us-east-1:1:function:f`},
		{`arn:aws:iam::"my account":role/x</Message>`, `arn:aws:iam::"my account":role/x`},
		{`arn:aws:lambda:eu-central-1:1:function:f)`, `arn:aws:lambda:eu-central-1:1:function:f`},
		{`arn:aws:sts::1:assumed-role/r/aws-sdk-js-session-...`, `arn:aws:sts::1:assumed-role/r/aws-sdk-js-session-...`},
		{`arn:aws:ec2:us-east-1:1:instance/*`, `arn:aws:ec2:us-east-1:1:instance/*`},
		{`arn:aws:logs:eu-central-1:1:log-group:/aws/lambda/f:log-stream:`, `arn:aws:logs:eu-central-1:1:log-group:/aws/lambda/f:log-stream:`},
		{`arn:aws:iam::1:role/x.`, `arn:aws:iam::1:role/x`},
		// The closing quote of a quotation the ARN ended; a quote inside
		// a key stays.
		{`arn:aws:iam::1:role/IambicHubRole')`, `arn:aws:iam::1:role/IambicHubRole`},
		{"arn:aws:iam::1:role/x`", `arn:aws:iam::1:role/x`},
		{`arn:aws:s3:::b/it's`, `arn:aws:s3:::b/it's`},
		// A Markdown link a forum made of the value.
		{`arn:aws:sts::1:assumed-role/Admin/XXXXXXX](mailto:XXXXXXX)`, `arn:aws:sts::1:assumed-role/Admin/XXXXXXX`},
		{`arn:aws:sts::1:assumed-role/Admin/a@b.com](https://b.com)`, `arn:aws:sts::1:assumed-role/Admin/a@b.com`},
		// A bracket pair that is no link stays.
		{`arn:aws:logs:us-east-1:1:log-group:/aws/lambda/f:log-stream:2019/12/16/[$LATEST]9f`, `arn:aws:logs:us-east-1:1:log-group:/aws/lambda/f:log-stream:2019/12/16/[$LATEST]9f`},
	} {
		if got := cleanToken(c.in); got != c.want {
			t.Errorf("cleanToken(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTypeFromPrefix(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want PolicyType
	}{
		{"identity-b", PolicyIdentity},
		{"resource-based policy", PolicyResource},
		{"permissions bou", PolicyPermissionsBoundary},
		{"VPC endpoint", PolicyVPCEndpoint},
		{"resource", PolicyUnknown}, // resource-based or resource control
		{"se", PolicyUnknown},       // too short
		{"frobnicator", PolicyUnknown},
	} {
		if got := typeFromPrefix(c.in); got != c.want {
			t.Errorf("typeFromPrefix(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestParseRepairs runs Parse on real messages (testdata/messages/real) that
// were then damaged the ways the issue names and that the corpus does not
// hold: a break inside an ARN, a bracket placeholder with spaces.
func TestParseRepairs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, in                    string
		principal, action, resource string
		policyType                  PolicyType
	}{
		{
			name:       "break inside the principal ARN (IAM User Guide example, re-wrapped)",
			in:         "User: arn:aws:iam::123456789012:\nuser/JohnDoe is not authorized to perform: \ncodecommit:ListRepositories because no identity-based policy allows the codecommit:ListRepositories action",
			principal:  "arn:aws:iam::123456789012:user/JohnDoe",
			action:     "codecommit:ListRepositories",
			policyType: PolicyIdentity,
		},
		{
			name:       "break inside the resource ARN and inside the policy type",
			in:         "User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: codedeploy:ListDeployments on resource: arn:aws:codedeploy:us-east-1:123456789012:\ndeploymentgroup:* with an explicit deny in a VPC endpoint\npolicy",
			principal:  "arn:aws:iam::123456789012:user/JohnDoe",
			action:     "codedeploy:ListDeployments",
			resource:   "arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:*",
			policyType: PolicyVPCEndpoint,
		},
		{
			name:       "bracket placeholder with a space as the principal",
			in:         "User: [IAM Role] is not authorized to perform: iam:PassRole on resource: arn:aws:iam::[ID]:role/x because no identity-based policy allows the iam:PassRole action",
			principal:  "[IAM Role]",
			action:     "iam:PassRole",
			resource:   "arn:aws:iam::[ID]:role/x",
			policyType: PolicyIdentity,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			d, err := Parse(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.Principal.ARN != c.principal || d.Action != c.action || d.Resource != c.resource || d.PolicyType != c.policyType {
				t.Errorf("got principal %q action %q resource %q type %q; want %q %q %q %q",
					d.Principal.ARN, d.Action, d.Resource, d.PolicyType, c.principal, c.action, c.resource, c.policyType)
			}
			if strings.Contains(d.Principal.ARN+d.Resource, sentinel) {
				t.Errorf("a placeholder space was not restored")
			}
		})
	}
}

// TestDenyMatch checks that a decoded message with explicitDeny: true exposes
// the Deny statement that matched, and that one with explicitDeny: false
// does not.
func TestDenyMatch(t *testing.T) {
	t.Parallel()
	byID := map[string]corpusEntry{}
	for _, e := range loadCorpus(t) {
		byID[e.ID] = e
	}
	for _, c := range []struct {
		id, sid string
		want    bool
	}{
		{"aws-iam-ug-decode-example-explicit", "VisualEditor0", true},
		{"k3s-udemy-decoded-mfa-explicit", "MustBeSignedInWithMFA", true},
		{"karpenter-1488-decoded-masked", "", false},
	} {
		e, ok := byID[c.id]
		if !ok {
			t.Fatalf("corpus has no %s", c.id)
		}
		d, err := Parse(e.Text)
		if err != nil {
			t.Fatalf("%s: %v", c.id, err)
		}
		if !c.want {
			if d.DenyMatch != nil {
				t.Errorf("%s: DenyMatch = %+v, want none", c.id, d.DenyMatch)
			}
			continue
		}
		if d.DenyMatch == nil {
			t.Fatalf("%s: no DenyMatch", c.id)
		}
		if d.DenyMatch.Statement.StatementID != c.sid || !strings.EqualFold(d.DenyMatch.Statement.Effect, "DENY") {
			t.Errorf("%s: DenyMatch statement %q effect %q, want %q DENY", c.id, d.DenyMatch.Statement.StatementID, d.DenyMatch.Statement.Effect, c.sid)
		}
		if d.DenyMatch.PolicyType != PolicyUnknown {
			t.Errorf("%s: DenyMatch policy type %q, want unknown (a decoded message does not name the policy)", c.id, d.DenyMatch.PolicyType)
		}
	}
}

// TestDecodedMemberWithoutObject reads the "DecodedMessage": "..." line of
// the AWS documentation's decode example (corpus entry
// aws-iam-ug-decode-example-explicit) pasted without the braces around it,
// with prose before and after, as people paste it into issues.
func TestDecodedMemberWithoutObject(t *testing.T) {
	t.Parallel()
	var doc string
	for _, e := range loadCorpus(t) {
		if e.ID == "aws-iam-ug-decode-example-explicit" {
			doc = e.Text
		}
	}
	i, j := strings.Index(doc, `"DecodedMessage"`), strings.LastIndex(doc, `"`)
	if i < 0 || j < i {
		t.Fatal("corpus entry aws-iam-ug-decode-example-explicit not found or changed")
	}
	in := "Below is the decoded message error that I faced\n```\n" + doc[i:j+1] + "\n```\n\nThis simply translates to an explicit deny.\n"
	d, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if d.Form != FormDecoded || d.Principal.ARN != "arn:aws:sts::111122223333:assumed-role/Developer/Ana" || d.Action != "ec2:RunInstances" || d.Decision != ExplicitDeny {
		t.Errorf("got form %q principal %q action %q decision %q", d.Form, d.Principal.ARN, d.Action, d.Decision)
	}
	if d.DenyMatch == nil || d.DenyMatch.Statement.StatementID != "VisualEditor0" {
		t.Errorf("DenyMatch = %+v, want statement VisualEditor0", d.DenyMatch)
	}
}

// TestCloudTrailFragmentNotDenied checks that a cut CloudTrail event whose
// errorCode is not an access denial is not read as one (the karpenter-8190
// corpus message with its errorCode set to a throttling error).
func TestCloudTrailFragmentNotDenied(t *testing.T) {
	t.Parallel()
	in := `{
    "eventTime": "2025-06-16T12:27:16Z",
    "eventSource": "ec2.amazonaws.com",
    "eventName": "RunInstances",
    "awsRegion": "eu-west-1",
    "errorCode": "Client.RequestLimitExceeded",
    "errorMessage": "Request limit exceeded.",
    "userAgent": "aws-sdk-go-v2/1.36.3 ua/2.1 os/linux lang/go#1.24.`
	if d, err := Parse(in); err == nil {
		t.Errorf("Parse read a throttled event as a denial: %+v", d)
	}
}
