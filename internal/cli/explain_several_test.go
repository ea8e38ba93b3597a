package cli

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"
)

const (
	severalA = "User: arn:aws:iam::111122223333:user/a is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:us-east-1:111122223333:backup-vault:v because no identity-based policy allows the backup:CreateBackupVault action"
	severalB = "User: arn:aws:iam::111122223333:user/b is not authorized to perform: kms:CreateGrant on resource: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no permissions boundary allows the kms:CreateGrant action"
	// The first message wrapped by a terminal (a break inside "is not
	// authorized"), then retried; the second with the AWS CLI's head on
	// the line above it.
	severalPartA = "retry 1/3: User: arn:aws:iam::111122223333:user/a is not\n  authorized to perform: backup:CreateBackupVault on resource:\n  arn:aws:backup:us-east-1:111122223333:backup-vault:v because no\n  identity-based policy allows the backup:CreateBackupVault action\n" +
		"retry 2/3: " + severalA + "\nretry 3/3: " + severalA + "\n"
	severalPartB = "An error occurred (AccessDeniedException) when calling the CreateGrant operation:\n" + severalB + "\n"
)

// A plain-text file with two access-denied messages explains both, in the
// text's order, in every format: the first wrapped and retried is one
// explanation, not four. Each explanation is the one of its message alone.
func TestExplainSeveralMessagesInText(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "two.txt")
	if err := os.WriteFile(file, []byte(severalPartA+severalPartB), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "markdown", "json"} {
		t.Run(format, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", "explain", "--no-decode", "--format", format, file)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if format == "json" {
				var rep struct {
					Denials []struct {
						Denial struct {
							Principal  struct{ ARN string }
							Action     string
							PolicyType string
							Operation  string
						}
						Findings []struct{ Rule string }
					}
				}
				if err := json.Unmarshal([]byte(out), &rep); err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, d := range rep.Denials {
					got = append(got, fmt.Sprintf("%s %s %s %s %s", d.Denial.Principal.ARN, d.Denial.Action, d.Denial.PolicyType, d.Denial.Operation, d.Findings[0].Rule))
				}
				want := []string{
					"arn:aws:iam::111122223333:user/a backup:CreateBackupVault identity  backup.create-vault",
					"arn:aws:iam::111122223333:user/b kms:CreateGrant permissionsBoundary CreateGrant iam.permissionsBoundary-implicit",
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("denials:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				return
			}
			outA, _, _ := runCLI(t, severalPartA, "explain", "--no-decode", "--format", format, "-")
			outB, _, _ := runCLI(t, severalPartB, "explain", "--no-decode", "--format", format, "-")
			sep := "\n" + strings.Repeat("─", 60) + "\n\n"
			if format == "markdown" {
				sep = "\n---\n\n"
			}
			if want := outA + sep + outB; out != want {
				t.Errorf("output is not the two messages' explanations in order:\n%s\nwant:\n%s", out, want)
			}
		})
	}
}

// An encoded authorization failure message that several denials carry is
// sent to STS once: a CloudTrail log of a request retried, and plain text
// that repeats console messages. Each denial is still explained, in order,
// with what the one call decoded.
func TestExplainDecodesEachEncodedMessageOnce(t *testing.T) {
	t.Parallel()
	wrapper, err := os.ReadFile("../../testdata/messages/decoded/zatoima-wrapper.json")
	if err != nil {
		t.Fatal(err)
	}
	var w struct{ DecodedMessage string }
	if err := json.Unmarshal(wrapper, &w); err != nil {
		t.Fatal(err)
	}
	enc := func(i int) string { return blobHead + strings.Repeat(string(rune('A'+i)), 30) }
	const ec2 = "You are not authorized to perform this operation. Encoded authorization failure message: "

	// Three messages, each in three events: A B C A B C A B C.
	var records []map[string]any
	for i := range 9 {
		records = append(records, map[string]any{
			"eventVersion": "1.08", "eventSource": "ec2.amazonaws.com", "eventName": "RunInstances",
			"awsRegion": "us-east-1", "eventTime": "2026-12-01T00:00:00Z", "eventID": fmt.Sprintf("e-%02d", i),
			"userIdentity": map[string]any{"type": "IAMUser", "arn": "arn:aws:iam::111122223333:user/dev", "accountId": "111122223333"},
			"errorCode":    "Client.UnauthorizedOperation",
			"errorMessage": ec2 + enc(i%3),
		})
	}
	log, err := json.Marshal(map[string]any{"Records": records})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, in string
		roles    []int // the message each explanation decodes, in order
		calls    int
	}{
		{"cloudtrail", string(log), []int{0, 1, 2, 0, 1, 2, 0, 1, 2}, 3},
		{"text", ec2 + enc(0) + "\n" + ec2 + enc(1) + "\n" + ec2 + enc(0) + "\n" + ec2 + enc(1) + "\n", []int{0, 1}, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fake := &concurrentSTS{doc: w.DecodedMessage}
			srv := httptest.NewServer(fake)
			defer srv.Close()
			deps := Deps{Now: testNow, STSDecoder: fakeSTSDecoder(srv.URL, credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "secret", ""))}
			out, errOut, code := runCLIWith(t, deps, tt.in, "explain", "--format", "json", "-")
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if fake.calls != tt.calls {
				t.Errorf("%d STS calls, want %d (one per distinct encoded message)", fake.calls, tt.calls)
			}
			var rep struct {
				Denials []struct {
					Denial struct{ Resource string }
					Decode struct{ State string }
				}
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if len(rep.Denials) != len(tt.roles) {
				t.Fatalf("%d explanations, want %d", len(rep.Denials), len(tt.roles))
			}
			for i, d := range rep.Denials {
				if role := fmt.Sprintf("role/role-%02d", tt.roles[i]); d.Decode.State != "decoded" || !strings.HasSuffix(d.Denial.Resource, role) {
					t.Errorf("explanation %d: decode %s, resource %s; want decoded, %s", i, d.Decode.State, d.Denial.Resource, role)
				}
			}
		})
	}
}

// Several messages packed into one line (a JSON log line whose message
// holds them apart by escaped line breaks, two joined by "; ", a JSON
// array of error strings) are explained one by one, in order, as the same
// messages on lines of their own are; before, only the first was.
func TestExplainSeveralMessagesOnOneLine(t *testing.T) {
	t.Parallel()
	want := []string{
		"arn:aws:iam::111122223333:user/a backup:CreateBackupVault identity",
		"arn:aws:iam::111122223333:user/b kms:CreateGrant permissionsBoundary",
	}
	for name, text := range map[string]string{
		"json log line": `{"level":"error","time":"2026-12-04T18:00:00Z","msg":"AccessDenied: ` + severalA + `\nAccessDenied: ` + severalB + `"}` + "\n",
		"semicolon":     severalA + "; " + severalB + "\n",
		"pipe":          severalA + " | " + severalB + " | " + severalA + "\n",
		"json array":    `["AccessDeniedException: ` + severalA + `", "AccessDeniedException: ` + severalB + `"]`,
	} {
		t.Run(name, func(t *testing.T) {
			out, errOut, code := runCLI(t, text, "explain", "--no-decode", "--format", "json", "-")
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var rep struct {
				Denials []struct {
					Denial struct {
						Principal  struct{ ARN string }
						Action     string
						PolicyType string
					}
				}
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			var got []string
			for _, d := range rep.Denials {
				got = append(got, fmt.Sprintf("%s %s %s", d.Denial.Principal.ARN, d.Denial.Action, d.Denial.PolicyType))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("denials:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			text, _, _ := runCLI(t, text, "explain", "--no-decode", "-")
			if n := strings.Count(text, strings.Repeat("─", 60)); n != 1 {
				t.Errorf("text output holds %d separators, want 1 (two explanations):\n%s", n, text)
			}
		})
	}
}
