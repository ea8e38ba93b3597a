package cli

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
)

// The seed documents, verbatim, explained in every language and format.
var explainFixtures = map[string]string{
	"seed-ja-console":   "messages/seeds/000_226a516d13e3c17d.txt",
	"seed-ja-blog":      "messages/seeds/001_182cc03ca233d4d3.txt",
	"seed-ko-console":   "messages/seeds/002_0a56c7af45a57128.txt",
	"seed-en-blog":      "messages/seeds/003_00f8f2943710bdf3.txt",
	"decoded-zatoima":   "messages/decoded/zatoima-wrapper.json",
	"decoded-kc":        "messages/decoded/kc-abridged.txt",
	"vault-boundary":    "explain/vault-boundary.txt",
	"terraform-encoded": "messages/samples/terraform-ec2-plain-and-encoded.txt",
	// Fixes aimed at the layer that denied (issue 9).
	"decoded-explicit-deny": "messages/decoded/explicit-deny-user-wrapper.json",
	"sso-role-chained":      "fix/messages/sso-role-chained-assume.txt",
	"scp-redacted-account":  "fix/messages/scp-ssmmessages-placeholder-account.txt",
	"flink-session":         "fix/messages/flink-state-session.txt",
}

func TestExplainGolden(t *testing.T) {
	t.Parallel()
	for name, file := range explainFixtures {
		for _, lang := range []string{"en", "ja", "ko"} {
			for _, format := range []string{"text", "json", "markdown"} {
				t.Run(name+"/"+lang+"/"+format, func(t *testing.T) {
					out, errOut, code := runCLI(t, "", "explain", "--no-decode", "--lang", lang, "--format", format, "--show", "all", filepath.Join("..", "..", "testdata", file))
					if code != 0 {
						t.Fatalf("exit %d: %s", code, errOut)
					}
					ext := map[string]string{"text": "txt", "json": "json", "markdown": "md"}[format]
					golden(t, fmt.Sprintf("explain/%s.%s.%s", name, lang, ext), out)
				})
			}
		}
	}
}

// A language's output contains no English sentence from the catalog:
// spot-check that Japanese and Korean reports are translated.
func TestExplainTranslated(t *testing.T) {
	t.Parallel()
	out, _, _ := runCLI(t, "", "explain", "--no-decode", "--lang", "ja", filepath.Join("..", "..", "testdata", explainFixtures["seed-en-blog"]))
	for _, want := range []string{"復元ロール", "原因", "修正 1", "最小権限"} {
		if !strings.Contains(out, want) {
			t.Errorf("Japanese report lacks %q:\n%s", want, out)
		}
	}
	for _, english := range []string{"What to check", "The restore role", "Cause ["} {
		if strings.Contains(out, english) {
			t.Errorf("Japanese report contains English %q", english)
		}
	}
	out, _, _ = runCLI(t, "", "explain", "--no-decode", "--lang", "ko", filepath.Join("..", "..", "testdata", explainFixtures["seed-en-blog"]))
	for _, want := range []string{"복원 역할", "원인", "수정 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("Korean report lacks %q", want)
		}
	}
}

func TestExplainLangFromEnvironment(t *testing.T) {
	t.Parallel()
	var out strings.Builder
	env := &Env{Stdin: strings.NewReader("User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action"),
		Stdout: &out, Stderr: io.Discard, Getenv: func(k string) string {
			if k == "LANG" {
				return "ko_KR.UTF-8"
			}
			return ""
		}}
	if err := Run(t.Context(), env, []string{"explain", "-"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "원인") {
		t.Errorf("LANG=ko_KR did not give Korean:\n%s", out.String())
	}
}

func TestExplainErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		in   string
		msg  string
	}{
		{[]string{"explain", "-"}, "hello world", "no access-denied message found"},
		{[]string{"explain"}, "", "nothing to explain"},
		{[]string{"explain", "--format", "xml", "x"}, "", "--format must be text, json or markdown"},
		{[]string{"explain", "--lang", "fr", "x"}, "", "--lang must be en, ja or ko"},
		{[]string{"explain", "--show", "yaml", "x"}, "", "--show takes"},
		{[]string{"explain", "."}, "", ". is a directory"},
		{[]string{"explain", "no-such-message.txt"}, "", `no file named "no-such-message.txt", so it was read as the message: no access-denied message found`},
		{[]string{"explain", "not authorized at all"}, "", "no access-denied message found"},
	} {
		_, errOut, code := runCLI(t, tt.in, tt.args...)
		if code != ExitUsage || !strings.Contains(errOut, tt.msg) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, errOut, ExitUsage, tt.msg)
		}
	}
}

// fakeSTS answers DecodeAuthorizationMessage in the STS Query protocol.
type fakeSTS struct {
	decoded string
	code    string
	calls   int
	got     string
}

func (f *fakeSTS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.calls++
	_ = r.ParseForm()
	f.got = r.Form.Get("EncodedMessage")
	if r.Form.Get("Action") != "DecodeAuthorizationMessage" || !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256") {
		w.WriteHeader(400)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	if f.code != "" {
		w.WriteHeader(403)
		fmt.Fprintf(w, `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>%s</Code><Message>User: arn:aws:iam::111122223333:user/dev is not authorized to perform: sts:DecodeAuthorizationMessage</Message></Error><RequestId>r1</RequestId></ErrorResponse>`, f.code)
		return
	}
	fmt.Fprintf(w, `<DecodeAuthorizationMessageResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><DecodeAuthorizationMessageResult><DecodedMessage>%s</DecodedMessage></DecodeAuthorizationMessageResult><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></DecodeAuthorizationMessageResponse>`, html.EscapeString(f.decoded))
}

// A realistic encoded message, cut by a console line break.
var (
	blobHead = strings.Repeat("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_", 5)
	blobTail = strings.Repeat("ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_-", 5)
)

// explain decodes through STS with the real SDK (pointed at a fake STS
// that speaks its protocol), then explains the decoded request.
func TestExplainDecodesThroughSTS(t *testing.T) {
	t.Parallel()
	wrapper, err := os.ReadFile("../../testdata/messages/decoded/zatoima-wrapper.json")
	if err != nil {
		t.Fatal(err)
	}
	var w struct{ DecodedMessage string }
	if err := json.Unmarshal(wrapper, &w); err != nil {
		t.Fatal(err)
	}
	const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	for _, tt := range []struct {
		name, code, want string
	}{
		{"decoded", "", "backup.ec2-restore-passrole"},
		{"denied", "AccessDenied", "decode.err.denied"},
		{"invalid", "InvalidAuthorizationMessageException", "decode.err.invalid"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fake := &fakeSTS{decoded: w.DecodedMessage, code: tt.code}
			srv := httptest.NewServer(fake)
			defer srv.Close()
			deps := Deps{Now: testNow, STSDecoder: fakeSTSDecoder(srv.URL, credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", secret, ""))}
			text := "You are not authorized to perform this operation. Please consult the permissions associated with your AWS Backup role(s), and refer to the AWS Backup documentation for more details. Encoded authorization failure message: " + blobHead + "\n" + blobTail
			out, errOut, code := runCLIWith(t, deps, text, "explain", "--format", "json", "-")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if fake.calls == 0 || fake.got != blobHead+blobTail {
				t.Errorf("STS got %q in %d calls, want the cleaned blob", fake.got, fake.calls)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("output lacks %s:\n%s", tt.want, out)
			}
			if strings.Contains(out+errOut, secret) {
				t.Error("the secret key was printed")
			}
		})
	}
}

// No network call when nothing needs decoding.
func TestExplainNoCallWithoutBlob(t *testing.T) {
	t.Parallel()
	fake := &fakeSTS{}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	deps := Deps{Now: testNow, STSDecoder: fakeSTSDecoder(srv.URL, credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "secret", ""))}
	_, errOut, code := runCLIWith(t, deps, "User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action", "explain", "-")
	if code != 0 || fake.calls != 0 {
		t.Errorf("exit %d (%s), %d STS calls; want 0 and none", code, errOut, fake.calls)
	}
}

// Colour only on a terminal, and never with NO_COLOR.
func TestExplainColour(t *testing.T) {
	t.Parallel()
	msg := "User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action"
	run := func(term bool, noColor string) string {
		var out strings.Builder
		env := &Env{Stdin: strings.NewReader(msg), Stdout: &out, Stderr: io.Discard, IsTerminal: term,
			Getenv: func(k string) string {
				if k == "NO_COLOR" {
					return noColor
				}
				return ""
			}}
		if err := Run(t.Context(), env, []string{"explain", "-"}); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	if !strings.Contains(run(true, ""), "\x1b[") {
		t.Error("no colour on a terminal")
	}
	if strings.Contains(run(true, "1"), "\x1b[") {
		t.Error("colour despite NO_COLOR")
	}
	if strings.Contains(run(false, ""), "\x1b[") {
		t.Error("colour when not on a terminal")
	}
}

// explain --snapshot re-evaluates the request with the account's policies:
// the message blames a permissions boundary only implicitly, the snapshot
// names the layer; a fix verified against the known policies replaces the
// request-only one; a role the snapshot lets through is said to be allowed.
func TestExplainSnapshot(t *testing.T) {
	t.Parallel()
	snap := filepath.Join("..", "..", "testdata", "check", "restore.json")
	msg := func(role string) string {
		return "User: arn:aws:sts::111122223333:assumed-role/" + role + "/AWSBackup-" + role + " is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/AppRole because no identity-based policy allows the iam:PassRole action"
	}
	for _, tt := range []struct {
		role, want, layer string
		code              int
	}{
		{"CustomRestoreRole", "ImplicitDeny", "identity", ExitDenied},
		{"BoundedRestoreRole", "ImplicitDeny", "permissionsBoundary", ExitDenied},
		{"ManagedRestoreRole", "Allowed", "", ExitOK},
	} {
		out, errOut, code := runCLI(t, "", "explain", "--format", "json", "--snapshot", snap, msg(tt.role))
		if code != tt.code {
			t.Fatalf("%s: exit %d: %s", tt.role, code, errOut)
		}
		var rep struct {
			Denials []struct {
				Snapshot *struct {
					Verdict string `json:"verdict"`
					Layer   string `json:"layer"`
				} `json:"snapshot"`
				Findings []struct {
					Plan *struct {
						Verified        bool   `json:"verified"`
						VerifiedAgainst string `json:"verifiedAgainst"`
					} `json:"plan"`
				} `json:"findings"`
			} `json:"denials"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		s := rep.Denials[0].Snapshot
		if s == nil || s.Verdict != tt.want || s.Layer != tt.layer {
			t.Errorf("%s: snapshot %+v, want %s at %q", tt.role, s, tt.want, tt.layer)
		}
		if tt.want != "Allowed" {
			p := rep.Denials[0].Findings[0].Plan
			if p == nil || !p.Verified || p.VerifiedAgainst != "known policies" {
				t.Errorf("%s: plan %+v, want one verified against the known policies", tt.role, p)
			}
		}
	}
	_, errOut, code := runCLI(t, "", "explain", "--snapshot", "/nonexistent.json", msg("X"))
	if code != ExitUsage || !strings.Contains(errOut, "nonexistent") {
		t.Errorf("missing snapshot: exit %d, %q", code, errOut)
	}
}

// concurrentSTS answers DecodeAuthorizationMessage after a delay, naming in
// the decoded document the role the encoded message stands for, and counts
// the calls in flight.
type concurrentSTS struct {
	doc               string
	mu                sync.Mutex
	inFlight, maxSeen int
	calls             int
}

func (f *concurrentSTS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	enc := r.Form.Get("EncodedMessage")
	if r.Form.Get("Action") != "DecodeAuthorizationMessage" || enc == "" {
		w.WriteHeader(400)
		return
	}
	f.mu.Lock()
	f.calls++
	f.inFlight++
	f.maxSeen = max(f.maxSeen, f.inFlight)
	f.mu.Unlock()
	// The later messages answer first, so an order kept by luck shows.
	i := int(enc[len(enc)-1] - 'A')
	time.Sleep(time.Duration(12-i) * 15 * time.Millisecond)
	f.mu.Lock()
	f.inFlight--
	f.mu.Unlock()
	doc := strings.ReplaceAll(f.doc, "IAM_ROLE_EC2_Access", fmt.Sprintf("role-%02d", i))
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<DecodeAuthorizationMessageResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><DecodeAuthorizationMessageResult><DecodedMessage>%s</DecodedMessage></DecodeAuthorizationMessageResult><ResponseMetadata><RequestId>r3</RequestId></ResponseMetadata></DecodeAuthorizationMessageResponse>`, html.EscapeString(doc))
}

// A file of many encoded messages is decoded a few STS calls at a time
// (never more than decodeWorkers), and explained in input order.
func TestExplainDecodesConcurrently(t *testing.T) {
	t.Parallel()
	wrapper, err := os.ReadFile("../../testdata/messages/decoded/zatoima-wrapper.json")
	if err != nil {
		t.Fatal(err)
	}
	var w struct{ DecodedMessage string }
	if err := json.Unmarshal(wrapper, &w); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(w.DecodedMessage, "IAM_ROLE_EC2_Access") {
		t.Fatal("the decoded fixture no longer names IAM_ROLE_EC2_Access")
	}
	fake := &concurrentSTS{doc: w.DecodedMessage}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	deps := Deps{Now: testNow, STSDecoder: fakeSTSDecoder(srv.URL, credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "secret", ""))}
	// A CloudTrail log is the input that holds many denials: n RunInstances
	// events, each with a whole (short) encoded message.
	const n = 12
	var records []map[string]any
	for i := range n {
		records = append(records, map[string]any{
			"eventVersion": "1.08", "eventSource": "ec2.amazonaws.com", "eventName": "RunInstances",
			"awsRegion": "us-east-1", "eventTime": "2026-12-01T00:00:00Z", "eventID": fmt.Sprintf("e-%02d", i),
			"userIdentity": map[string]any{"type": "IAMUser", "arn": "arn:aws:iam::111122223333:user/dev", "accountId": "111122223333"},
			"errorCode":    "Client.UnauthorizedOperation",
			"errorMessage": "You are not authorized to perform this operation. Encoded authorization failure message: " + blobHead + strings.Repeat(string(rune('A'+i)), 30),
		})
	}
	in, err := json.Marshal(map[string]any{"Records": records})
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLIWith(t, deps, string(in), "explain", "--format", "json", "-")
	if code > 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if fake.calls != n {
		t.Fatalf("%d STS calls, want %d", fake.calls, n)
	}
	if fake.maxSeen < 2 || fake.maxSeen > decodeWorkers {
		t.Errorf("%d calls in flight at most, want 2..%d", fake.maxSeen, decodeWorkers)
	}
	last := -1
	for i := range n {
		at := strings.Index(out, fmt.Sprintf("role-%02d", i))
		if at < 0 {
			t.Fatalf("output lacks role-%02d", i)
		}
		if at < last {
			t.Errorf("role-%02d is explained before role-%02d", i, i-1)
		}
		last = at
	}
}
