package authzmsg

import (
	"strings"
	"testing"
)

const (
	msgA = "User: arn:aws:iam::111122223333:user/a is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:us-east-1:111122223333:backup-vault:v because no identity-based policy allows the backup:CreateBackupVault action"
	msgB = "User: arn:aws:iam::111122223333:user/b is not authorized to perform: kms:CreateGrant on resource: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no permissions boundary allows the kms:CreateGrant action"
	// msgAWrapped is msgA as a terminal of 60 columns wrapped it, a break
	// inside "is not authorized".
	msgAWrapped = "User: arn:aws:iam::111122223333:user/a is not\n  authorized to perform: backup:CreateBackupVault on\n  resource: arn:aws:backup:us-east-1:111122223333:backup-vault:v\n  because no identity-based policy allows the\n  backup:CreateBackupVault action"
	encX        = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789XXXX"
	encY        = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789YYYY"
	ec2Pre      = "You are not authorized to perform this operation. Encoded authorization failure message: "
)

// Plain text with several messages gives one denial per distinct message,
// in order; one message wrapped, or seen again, is one denial.
func TestParseAllSeveralMessages(t *testing.T) {
	t.Parallel()
	type want struct{ principal, action, policyType, errorCode, operation, encoded string }
	a := want{principal: "arn:aws:iam::111122223333:user/a", action: "backup:CreateBackupVault", policyType: "identity"}
	b := want{principal: "arn:aws:iam::111122223333:user/b", action: "kms:CreateGrant", policyType: "permissionsBoundary"}
	for _, tt := range []struct {
		name, text string
		want       []want
	}{
		{"two lines", msgA + "\n" + msgB + "\n", []want{a, b}},
		{"two lines, the other order", msgB + "\n" + msgA, []want{b, a}},
		{"crlf and a blank line", msgA + "\r\n\r\n" + msgB + "\r\n", []want{a, b}},
		{"wrapped then another", msgAWrapped + "\n" + msgB, []want{a, b}},
		{"one message wrapped", msgAWrapped, []want{a}},
		{"retries of one message", "retry 1/3: " + msgA + "\nretry 2/3: " + msgA + "\nretry 3/3: " + msgAWrapped + "\n", []want{a}},
		{"retries then another", "retry 1/3: " + msgA + "\nretry 2/3: " + msgA + "\n" + msgB + "\nretry 3/3: " + msgA, []want{a, b}},
		{"an envelope head on the line above", "An error occurred (AccessDeniedException) when calling the CreateBackupVault operation: " + msgA +
			"\nAn error occurred (AccessDeniedException) when calling the CreateGrant operation:\n" + msgB,
			[]want{{a.principal, a.action, a.policyType, "AccessDeniedException", "CreateBackupVault", ""}, {b.principal, b.action, b.policyType, "AccessDeniedException", "CreateGrant", ""}}},
		{"aws-sdk-go v1 repeats the message in Message_", "AccessDeniedException: " + msgA + "\n{\n  RespMetadata: {\n    StatusCode: 400,\n    RequestID: \"r\"\n  },\n  Message_: \"" + msgA + "\"\n}",
			[]want{{a.principal, a.action, a.policyType, "AccessDeniedException", "", ""}}},
		{"two on one line", msgA + ". " + msgB, []want{a, b}},
		{"two on one line joined by '; '", msgA + "; " + msgB, []want{a, b}},
		{"two on one line joined by ' | '", msgA + " | " + msgB, []want{a, b}},
		{"a JSON log line, escaped line breaks", `{"level":"error","msg":"AccessDenied: ` + msgA + `\nAccessDenied: ` + msgB + `"}`,
			[]want{{a.principal, a.action, a.policyType, "AccessDenied", "", ""}, {b.principal, b.action, b.policyType, "AccessDenied", "", ""}}},
		{"a JSON log line, subjects right after the escapes", `{"level":"error","msg":"` + msgA + `\n` + msgB + `\n` + msgA + `"}`, []want{a, b}},
		{"a JSON array of error strings", `["AccessDeniedException: ` + msgA + `", "AccessDeniedException: ` + msgB + `"]`,
			[]want{{a.principal, a.action, a.policyType, "AccessDeniedException", "", ""}, {b.principal, b.action, b.policyType, "AccessDeniedException", "", ""}}},
		{"two CLI errors on one line", "An error occurred (AccessDeniedException) when calling the CreateBackupVault operation: " + msgA +
			" An error occurred (AccessDeniedException) when calling the CreateGrant operation: " + msgB,
			[]want{{a.principal, a.action, a.policyType, "AccessDeniedException", "CreateBackupVault", ""}, {b.principal, b.action, b.policyType, "AccessDeniedException", "CreateGrant", ""}}},
		{"one line then another line of two", msgB + "\n" + msgA + "; " + msgB + " | " + msgA, []want{b, a}},
		{"one message twice on one line", "AccessDeniedException: " + msgA + "; AccessDeniedException: " + msgA,
			[]want{{a.principal, a.action, a.policyType, "AccessDeniedException", "", ""}}},
		{"the error body repeating the message, one redacted otherwise", "AccessDenied (client): " + msgA + " - Sender AccessDenied " +
			strings.Replace(msgA, "backup-vault:v", "backup-vault:<vault>", 1), []want{{a.principal, a.action, a.policyType, "AccessDenied", "", ""}}},
		{"EC2's preamble on its own line", "UnauthorizedOperation: You are not authorized to perform this operation.\n" + msgA + "\n" + msgB,
			[]want{{a.principal, a.action, a.policyType, "UnauthorizedOperation", "", ""}, b}},
		{"two encoded messages", ec2Pre + encX + "\n" + ec2Pre + encY + "\n" + ec2Pre + encX,
			[]want{{encoded: encX}, {encoded: encY}}},
		{"one encoded message twice", ec2Pre + encX + "\n" + ec2Pre + encX, []want{{encoded: encX}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := ParseAll(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []want
			for _, d := range ds {
				got = append(got, want{d.Principal.ARN, d.Action, string(d.PolicyType), d.ErrorCode, d.Operation, d.Encoded})
				if !strings.Contains(tt.name, "encoded") && d.PolicyType == PolicyUnknown {
					t.Errorf("%q: no policy type read", d.Raw)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%d denials %+v, want %d %+v", len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				w := tt.want[i]
				if w.policyType == "" {
					w.policyType = got[i].policyType
				}
				if got[i] != w {
					t.Errorf("denial %d: %+v, want %+v", i, got[i], w)
				}
			}
			// Parse is the first of them.
			d, err := Parse(tt.text)
			if err != nil || d.Principal.ARN != ds[0].Principal.ARN || d.Action != ds[0].Action || d.Raw != ds[0].Raw {
				t.Errorf("Parse: %+v, %v; want the first of ParseAll", d, err)
			}
		})
	}
}

// A message alone reads as it did before messages were read one by one:
// its Raw is the whole text, also when it is repeated.
func TestParseAllOneMessageIsTheWholeText(t *testing.T) {
	t.Parallel()
	text := "retry 1/2: " + msgA + "\nretry 2/2: " + msgA + "\n\tstatus code: 403, request id: 0123456789abcdef\n"
	ds, err := ParseAll(text)
	if err != nil || len(ds) != 1 {
		t.Fatalf("%d denials, %v; want 1", len(ds), err)
	}
	if ds[0].Raw != strings.TrimSpace(text) || ds[0].RequestID != "0123456789abcdef" {
		t.Errorf("raw %q, request ID %q; want the whole text and its request ID", ds[0].Raw, ds[0].RequestID)
	}
}

// Each message keeps the lines that follow it (a status line, a Terraform
// diagnostic's "with" and "on" lines) and the text before the first.
func TestParseAllSeveralTerraform(t *testing.T) {
	t.Parallel()
	text := "Planning...\n╷\n│ Error: creating Backup Vault (v): operation error Backup: CreateBackupVault, https response error StatusCode: 403, RequestID: 11111111-2222-3333-4444-555555555555, api error AccessDeniedException: " + msgA +
		"\n│ \n│   with aws_backup_vault.v,\n│   on main.tf line 1, in resource \"aws_backup_vault\" \"v\":\n│    1: resource \"aws_backup_vault\" \"v\" {\n╵\n╷\n│ Error: creating KMS Grant: operation error KMS: CreateGrant, https response error StatusCode: 400, RequestID: 66666666-7777-8888-9999-000000000000, api error AccessDeniedException: " + msgB +
		"\n│ \n│   with aws_kms_grant.g,\n│   on main.tf line 9, in resource \"aws_kms_grant\" \"g\":\n╵\n"
	ds, err := ParseAll(text)
	if err != nil || len(ds) != 2 {
		t.Fatalf("%d denials, %v; want 2", len(ds), err)
	}
	for i, w := range []struct{ action, requestID, raw string }{
		{"backup:CreateBackupVault", "11111111-2222-3333-4444-555555555555", "aws_backup_vault.v"},
		{"kms:CreateGrant", "66666666-7777-8888-9999-000000000000", "aws_kms_grant.g"},
	} {
		d := ds[i]
		if d.Form != FormTerraform || d.Action != w.action || d.RequestID != w.requestID || !strings.Contains(d.Raw, w.raw) {
			t.Errorf("denial %d: form %s, action %s, request ID %s, raw %q", i, d.Form, d.Action, d.RequestID, d.Raw)
		}
	}
	if !strings.HasPrefix(ds[0].Raw, "Planning...") || strings.Contains(ds[0].Raw, "kms:") || strings.Contains(ds[1].Raw, "backup:") {
		t.Errorf("the text is not cut between the messages:\n%q\n%q", ds[0].Raw, ds[1].Raw)
	}
}

// Text of many sentences that are no whole message is read as one, and
// quickly: nothing is parsed again and again.
func TestParseAllManyPartialSentences(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("the user is not authorized to perform it\n", 20000) + msgA
	ds, err := ParseAll(text)
	if err != nil || len(ds) != 1 {
		t.Fatalf("%d denials, %v; want 1", len(ds), err)
	}
}

// Each message cut from the next on its line is that message alone: its
// Raw holds nothing of the other, nor the separator between them.
func TestParseAllSeveralOnOneLineRaw(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ text, rawA, rawB string }{
		{msgA + "; " + msgB, msgA, msgB},
		{msgA + " | " + msgB, msgA, msgB},
		{`{"level":"error","msg":"AccessDenied: ` + msgA + `\nAccessDenied: ` + msgB + `"}`, `{"level":"error","msg":"AccessDenied: ` + msgA, `AccessDenied: ` + msgB + `"}`},
		{`["` + msgA + `", "` + msgB + `"]`, `["` + msgA + `"`, msgB + `"]`},
	} {
		ds, err := ParseAll(tt.text)
		if err != nil || len(ds) != 2 {
			t.Errorf("%q: %d denials, %v; want 2", tt.text, len(ds), err)
			continue
		}
		if ds[0].Raw != tt.rawA || ds[1].Raw != tt.rawB {
			t.Errorf("%q: raw\n%q\n%q\nwant\n%q\n%q", tt.text, ds[0].Raw, ds[1].Raw, tt.rawA, tt.rawB)
		}
	}
}

// No message of the real corpus or of forms.json is cut into several: a
// message that names two ARNs (the principal, "on resource:", "with an
// explicit deny in a service control policy: ARN", "because ..."), an
// SDK's echo of it on its line (aws-sdk-go v1's Message_, the JavaScript
// SDK's error object, the PHP SDK's "Sender AccessDenied" body) is one.
func TestParseAllCorpusMessagesStayWhole(t *testing.T) {
	t.Parallel()
	n := 0
	for _, e := range loadCorpus(t) {
		if ds, err := ParseAll(e.Text); err == nil && len(ds) != 1 {
			t.Errorf("corpus %s: %d denials, want 1", e.ID, len(ds))
		}
		n++
	}
	for _, c := range loadFormCases(t) {
		if ds, err := ParseAll(c.Input); err == nil && len(ds) != 1 && !strings.Contains(c.Input, "Records") {
			t.Errorf("form %s: %d denials, want 1", c.Name, len(ds))
		}
		n++
	}
	if n < 300 {
		t.Errorf("%d messages read: the corpus was not found whole", n)
	}
}
