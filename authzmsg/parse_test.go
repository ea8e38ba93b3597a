package authzmsg

import (
	"errors"
	"strings"
	"testing"
)

func TestParseNoDenial(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"",
		"   \n\t ",
		"hello world",
		`{"Version": "2012-10-17", "Statement": []}`,
		"[1, 2, 3]",
		readFixture(t, "seeds/004_fdfbd5e852bacd5d.txt"),
	} {
		if d, err := Parse(in); !errors.Is(err, ErrNoDenial) {
			t.Errorf("Parse(%.40q) = %+v, %v; want ErrNoDenial", in, d, err)
		}
	}
}

// TestEncodedWrapped: consoles and logs wrap the encoded message over lines,
// sometimes with indentation; Parse joins it and stops at the prose after it.
func TestEncodedWrapped(t *testing.T) {
	t.Parallel()
	text, blob := consoleWithWrappedBlob(t)
	d, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if d.Encoded != blob {
		t.Fatalf("encoded (%d chars) != blob (%d chars)", len(d.Encoded), len(blob))
	}
	if d.Form != FormConsole || d.EncodedTruncated || d.EncodedOmitted {
		t.Errorf("form %q truncated %v omitted %v", d.Form, d.EncodedTruncated, d.EncodedOmitted)
	}

	// Korean text around, the blob on the marker's line and wrapped with
	// no indentation, then a log line.
	ko := "인스턴스를 시작하지 못했습니다. You are not authorized to perform this operation. Encoded authorization failure message: " +
		blob[:100] + "\n" + blob[100:300] + "\n" + blob[300:] + "\n2024-08-01 11:30:23 요청이 거부되었습니다"
	d, err = Parse(ko)
	if err != nil || d.Encoded != blob {
		t.Errorf("Korean console: encoded %d chars, %v", len(d.Encoded), err)
	}

	// The same message cut off, as copies and CloudTrail do.
	d, err = Parse("Encoded authorization failure message: " + blob[:400] + "...")
	if err != nil || !d.EncodedTruncated || d.Encoded != blob[:400] {
		t.Errorf("cut message: truncated %v, %d chars, %v", d.EncodedTruncated, len(d.Encoded), err)
	}
	if CleanEncoded(" a b\r\n\tc\u3000d ") != "abcd" {
		t.Errorf("CleanEncoded")
	}
}

func TestEncodedOmitted(t *testing.T) {
	t.Parallel()
	for _, ph := range []string{"<省略>", "<omitted>", "…", "...", "(encoded error message)"} {
		d, err := Parse("You are not authorized to perform this operation. Encoded authorization failure message: " + ph)
		if err != nil {
			t.Fatal(err)
		}
		if !d.EncodedOmitted || d.Encoded != "" || !strings.Contains(strings.Join(d.Unreadable, ";"), "encoded authorization failure message") {
			t.Errorf("%s: omitted %v encoded %q unreadable %v", ph, d.EncodedOmitted, d.Encoded, d.Unreadable)
		}
	}
}

func TestEncodedRealTerraform(t *testing.T) {
	t.Parallel()
	d, err := Parse(readFixture(t, "samples/terraform-ec2-plain-and-encoded.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Encoded, "LFKgZ-6vRe92") || !strings.HasSuffix(d.Encoded, "hesEUWp6n") || strings.ContainsAny(d.Encoded, " \n│") {
		t.Errorf("encoded = %q", d.Encoded)
	}
}

func TestSDKJavaScriptForms(t *testing.T) {
	t.Parallel()
	msg := "User: arn:aws:iam::111122223333:user/backup-operator is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:us-east-1:111122223333:backup-vault:prod because no identity-based policy allows the backup:CreateBackupVault action"
	jsonForm := `{"name":"AccessDeniedException","$fault":"client","$metadata":{"httpStatusCode":403,"requestId":"8f1d2c3b-0000-4000-8000-000000000001","attempts":1,"totalRetryDelay":0},"message":"` + msg + `"}`
	inspected := "AccessDeniedException: " + msg + "\n    at de_AccessDeniedExceptionRes (/app/node_modules/@aws-sdk/client-backup/dist-cjs/index.js:1:1) {\n  '$fault': 'client',\n  '$metadata': {\n    httpStatusCode: 403,\n    requestId: '8f1d2c3b-0000-4000-8000-000000000001',\n    extendedRequestId: undefined,\n    attempts: 1,\n    totalRetryDelay: 0\n  }\n}"
	for name, in := range map[string]string{"json": jsonForm, "inspected": inspected, "text": "AccessDeniedException: " + msg} {
		d, err := Parse(in)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		wantForm := FormSDKJS
		if name == "text" {
			wantForm = FormSDK // "Code: message" alone does not say which SDK printed it
		}
		if d.Form != wantForm || d.ErrorCode != "AccessDeniedException" || d.Action != "backup:CreateBackupVault" ||
			d.PolicyType != PolicyIdentity || d.Decision != ImplicitDeny || d.Principal.Name != "backup-operator" {
			t.Errorf("%s: %+v", name, d)
		}
		if name != "text" && (d.HTTPStatus != 403 || d.RequestID != "8f1d2c3b-0000-4000-8000-000000000001") {
			t.Errorf("%s: status %d request ID %q", name, d.HTTPStatus, d.RequestID)
		}
	}
}

func TestParsePrincipal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in                     string
		kind                   PrincipalKind
		account, name, session string
		backup, redacted       bool
	}{
		{"arn:aws:iam::111122223333:user/division/JohnDoe", KindUser, "111122223333", "JohnDoe", "", false, false},
		{"arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole", KindRole, "111122223333", "AWSBackupDefaultServiceRole", "", false, false},
		{"arn:aws:sts::111122223333:assumed-role/AWSBackupDefaultServiceRole/AWSBackup-AWSBackupDefaultServiceRole", KindAssumedRole, "111122223333", "AWSBackupDefaultServiceRole", "AWSBackup-AWSBackupDefaultServiceRole", true, false},
		{"arn:aws:sts::111122223333:federated-user/Bob", KindFederatedUser, "111122223333", "Bob", "", false, false},
		{"arn:aws:iam::111122223333:root", KindRoot, "111122223333", "", "", false, false},
		{"backup.amazonaws.com", KindService, "", "backup.amazonaws.com", "", false, false},
		{`"arn:aws:iam::111122223333:user/quoted"`, KindUser, "111122223333", "quoted", "", false, false},
		{"xxxx", KindUnknown, "", "", "", false, true},
		{"****", KindUnknown, "", "", "", false, true},
		{"arn:aws:iam::<account-ID>:user/JohnDoe", KindUser, "<account-ID>", "JohnDoe", "", false, true},
		{"arn:aws:iam::{account-id}:role/R", KindRole, "{account-id}", "R", "", false, true},
		{"arn:aws:sts::xxxxxxxxxxxxx:assumed-role/R/S", KindAssumedRole, "xxxxxxxxxxxxx", "R", "S", false, true},
		{"arn:aws:sts::****:assumed-role/R/AWSBackup-R", KindAssumedRole, "****", "R", "AWSBackup-R", true, true},
		{"arn:aws:iam::accountID:user/test-user", KindUser, "accountID", "test-user", "", false, true},
	}
	for _, tt := range tests {
		p := ParsePrincipal(tt.in)
		if p.Kind != tt.kind || p.Account != tt.account || p.Name != tt.name || p.Session != tt.session || p.IsBackupSession != tt.backup || p.Redacted != tt.redacted {
			t.Errorf("ParsePrincipal(%q) = %+v", tt.in, p)
		}
		if tt.backup && p.BackupRole != p.Name {
			t.Errorf("ParsePrincipal(%q): backup role %q", tt.in, p.BackupRole)
		}
	}
}

func TestRedactedFields(t *testing.T) {
	t.Parallel()
	d, err := Parse("User: arn:aws:iam::<account-ID>:user/JohnDoe is not authorized to perform: backup:StartRestoreJob on resource: arn:aws:backup:eu-west-2:{account-id}:recovery-point:abc because no identity-based policy allows the backup:StartRestoreJob action")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(d.Redacted, ",")
	if got != "principal,account,resource" {
		t.Errorf("redacted = %q", got)
	}
	if d.AccountID != "" {
		t.Errorf("a redacted account became AccountID %q", d.AccountID)
	}
}

func TestValidAction(t *testing.T) {
	t.Parallel()
	for _, a := range []string{"iam:PassRole", "backup-storage:MountCapsule", "SNS:Publish", "s3:GetObject", "execute-api:Invoke"} {
		if !ValidAction(a) {
			t.Errorf("ValidAction(%q) = false", a)
		}
	}
	for _, a := range []string{"", "iam", "iam:", ":PassRole", "kms:CreateGrant|Decrypt", "kms:…", "iam:Pass Role", "(sts:Decode)"} {
		if ValidAction(a) {
			t.Errorf("ValidAction(%q) = true", a)
		}
	}
}

func TestBackupMessageARNs(t *testing.T) {
	t.Parallel()
	d, err := Parse("Backup job 4d2e failed. Your backup job failed as AWS Backup does not have permission to describe resource arn:aws:s3:::amzn-s3-demo-bucket. Please review your IAM policies to ensure AWS Backup can protect your resources.")
	if err != nil {
		t.Fatal(err)
	}
	if d.Backup == nil || d.Backup.ID != "backup.cannot-describe-resource" || d.Backup.ResourceARN != "arn:aws:s3:::amzn-s3-demo-bucket" || d.Resource != d.Backup.ResourceARN {
		t.Errorf("got %+v", d.Backup)
	}
	d, err = Parse("IAM Role arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole is not authorized to call tag:GetResources (Service: AWSBackup; Status Code: 400; Error Code: InvalidParameterValueException; Request ID: 7f0e; Proxy: null) ERROR_3018")
	if err != nil {
		t.Fatal(err)
	}
	if d.Backup.Code != "ERROR_3018" || d.Principal.Kind != KindRole || d.Principal.Name != "AWSBackupDefaultServiceRole" || d.ErrorCode != "InvalidParameterValueException" || d.HTTPStatus != 400 {
		t.Errorf("got %+v / %+v", d, d.Backup)
	}
}

func TestQuotedAndWordResources(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, principal, resource, kind string
	}{
		{`User: "arn:aws:iam::111122223333:user/reader" is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::bucket/key" because no identity-based policy allows the s3:GetObject action`,
			"arn:aws:iam::111122223333:user/reader", "arn:aws:s3:::bucket/key", "arn"},
		{`User: arn:aws:iam::111122223333:user/admin is not authorized to perform: iam:DeletePolicy on resource: policy arn:aws:iam::111122223333:policy/x with an explicit deny in a service control policy`,
			"arn:aws:iam::111122223333:user/admin", "policy arn:aws:iam::111122223333:policy/x", "word"},
		{`User: arn:aws:iam::111122223333:user/admin is not authorized to perform: iam:GetRole on resource: role voclabs`,
			"arn:aws:iam::111122223333:user/admin", "role voclabs", "word"},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if d.Principal.ARN != tt.principal || d.Resource != tt.resource || d.ResourceKind != tt.kind {
			t.Errorf("Parse(%.50q): principal %q resource %q (%s)", tt.in, d.Principal.ARN, d.Resource, d.ResourceKind)
		}
	}
}

// TestPrincipalSplitBySpace: a principal ARN whose first word is too short
// to be an ARN and which the words after it complete is kept whole, as
// written; a whole ARN followed by other words is not joined to them.
func TestPrincipalSplitBySpace(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"User: arn:aws:I am::...:user/s3-iam is not authorized to perform: ssm:GetParameter", "arn:aws:I am::...:user/s3-iam"},
		{"User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject", "arn:aws:iam::111122223333:user/bob"},
		{"User with accountId: 254377943029 is not authorized to perform: logs:CreateLogGroup", ""},
	} {
		d, err := Parse(c.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.in, err)
		}
		if d.Principal.ARN != c.want {
			t.Errorf("Parse(%q): principal %q, want %q", c.in, d.Principal.ARN, c.want)
		}
	}
	for _, c := range []struct {
		f    []string
		want string
	}{
		{[]string{"arn:aws:I", "am::...:user/x"}, "arn:aws:I am::...:user/x"},
		{[]string{"arn:aws:iam::1:user/x", "(via", "SSO)"}, ""},
		{[]string{"arn:aws:iam::1:user/x", "arn:aws:iam::2:user/y"}, ""},
		{[]string{"arn:aws", "x"}, ""},
	} {
		if got := brokenARN(c.f); got != c.want {
			t.Errorf("brokenARN(%q) = %q, want %q", c.f, got, c.want)
		}
	}
}

// TestKoreanExplicitDeny reads the Knowledge Center's Korean rendering of
// the explicit-deny sentence, with either form of each particle.
func TestKoreanExplicitDeny(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, principal, action, resource string }{
		{"사용자 arn:aws:iam::111122223333:user/tester가 명시적 거부가 있는 리소스 TestReadOnly 역할의 ec2:RunInstances를 수행할 권한이 없습니다.",
			"arn:aws:iam::111122223333:user/tester", "ec2:RunInstances", "TestReadOnly 역할"},
		{"오류: 사용자: arn:aws:sts::111122223333:assumed-role/R/s이 명시적 거부가 있는 리소스 arn:aws:s3:::b의 s3:GetObject을 수행할 권한이 없습니다",
			"arn:aws:sts::111122223333:assumed-role/R/s", "s3:GetObject", "arn:aws:s3:::b"},
	} {
		d, err := Parse(c.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.in, err)
		}
		if d.Principal.ARN != c.principal || d.Action != c.action || d.Resource != c.resource || d.Decision != ExplicitDeny || d.PolicyType != PolicyUnknown {
			t.Errorf("Parse(%q) = principal %q, action %q, resource %q, %s/%s", c.in, d.Principal.ARN, d.Action, d.Resource, d.Decision, d.PolicyType)
		}
	}
}

// TestGoV1ModelledExceptionNotJS: aws-sdk-go v1's rendering of a modelled
// exception ("Code: message { RespMetadata: {...} }") is not read as the
// JavaScript SDK's "Code: message".
func TestGoV1ModelledExceptionNotJS(t *testing.T) {
	t.Parallel()
	in := `InvalidRequestException: User not authorized to perform kms:DescribeKey operation { RespMetadata: { StatusCode: 400, RequestID: "9d3ce0c8-2fb2-4849-80bc-7521fce89f1c" }, Message_: "User not authorized to perform kms:DescribeKey operation" }`
	d, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if d.Form == FormSDKJS || d.Action != "kms:DescribeKey" {
		t.Errorf("form %s, action %q", d.Form, d.Action)
	}
	js, err := Parse("AccessDeniedException: User: arn:aws:iam::111122223333:user/u is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k")
	if err != nil || js.Form != FormSDK {
		t.Errorf("a bare \"Code: message\": %v, %v", js, err)
	}
}
