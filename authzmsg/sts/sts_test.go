package sts

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
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

	"github.com/deniedhq/denied/authzmsg"
)

const (
	testAccessKey = "AKIDDENIEDTEST00001"
	testSecretKey = "s3cr3t/DeniedTestSecretKey+DoNotPrint0000"
)

// stsRequest is what the fake STS endpoint received.
type stsRequest struct {
	Action, Version, Encoded string
	Authorization            string
	ContentType              string
}

// fakeSTS speaks the STS Query protocol for DecodeAuthorizationMessage.
type fakeSTS struct {
	mu       sync.Mutex
	requests []stsRequest
	// respond writes the response for the n-th request (from 1).
	respond func(w http.ResponseWriter, n int)
}

func (s *fakeSTS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.requests = append(s.requests, stsRequest{
		Action:        r.PostForm.Get("Action"),
		Version:       r.PostForm.Get("Version"),
		Encoded:       r.PostForm.Get("EncodedMessage"),
		Authorization: r.Header.Get("Authorization"),
		ContentType:   r.Header.Get("Content-Type"),
	})
	n := len(s.requests)
	s.mu.Unlock()
	s.respond(w, n)
}

func (s *fakeSTS) got() []stsRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]stsRequest(nil), s.requests...)
}

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func stsSuccess(decoded string) func(http.ResponseWriter, int) {
	return func(w http.ResponseWriter, n int) {
		w.Header().Set("Content-Type", "text/xml")
		w.Header().Set("x-amzn-RequestId", fmt.Sprintf("req-ok-%d", n))
		fmt.Fprintf(w, `<DecodeAuthorizationMessageResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><DecodeAuthorizationMessageResult><DecodedMessage>%s</DecodedMessage></DecodeAuthorizationMessageResult><ResponseMetadata><RequestId>req-ok-%d</RequestId></ResponseMetadata></DecodeAuthorizationMessageResponse>`, xmlEscape(decoded), n)
	}
}

func stsError(status int, code, message string) func(http.ResponseWriter, int) {
	return func(w http.ResponseWriter, n int) {
		w.Header().Set("Content-Type", "text/xml")
		w.Header().Set("x-amzn-RequestId", fmt.Sprintf("req-err-%d", n))
		w.WriteHeader(status)
		fmt.Fprintf(w, `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>req-err-%d</RequestId></ErrorResponse>`, code, xmlEscape(message), n)
	}
}

// isolateAWSEnv clears the AWS configuration the machine may have, so the
// SDK reads only what a test sets, and never reaches an instance metadata
// service.
func isolateAWSEnv(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	for _, k := range []string{
		"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
		"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
		"AWS_DEFAULT_REGION", "AWS_REGION", "AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
	} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_REGION", "us-east-1")
}

// captureOutput runs fn with os.Stdout and os.Stderr sent to a buffer and
// returns what was printed.
func captureOutput(t *testing.T, fn func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = w, w
	done := make(chan []byte)
	go func() { b, _ := io.ReadAll(r); done <- b }()
	defer func() {
		os.Stdout, os.Stderr = stdout, stderr
	}()
	fn()
	w.Close()
	os.Stdout, os.Stderr = stdout, stderr
	return string(<-done)
}

func TestSTSDecodeEndToEnd(t *testing.T) {
	isolateAWSEnv(t)
	decoded := readFixture(t, "decoded/explicit-deny-user-wrapper.json")
	var wrapper struct{ DecodedMessage string }
	if err := json.Unmarshal([]byte(decoded), &wrapper); err != nil {
		t.Fatal(err)
	}
	srv := &fakeSTS{respond: stsSuccess(wrapper.DecodedMessage)}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	t.Setenv("AWS_ACCESS_KEY_ID", testAccessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", testSecretKey)
	t.Setenv("AWS_ENDPOINT_URL_STS", ts.URL)

	text, blob := consoleWithWrappedBlob(t)
	den, err := authzmsg.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if den.Form != authzmsg.FormConsole || den.Encoded != blob {
		t.Fatalf("Parse: form %q, encoded %d chars; want console and the %d-character blob", den.Form, len(den.Encoded), len(blob))
	}
	var out string
	printed := captureOutput(t, func() {
		ctx := context.Background()
		dec, err := New(ctx, Options{})
		if err != nil {
			t.Errorf("NewSTSDecoder: %v", err)
			return
		}
		out = fmt.Sprintf("%v %+v %#v", dec, dec, dec)
		if err := authzmsg.Decode(ctx, dec, den); err != nil {
			t.Errorf("Decode: %v", err)
		}
	})
	if strings.Contains(printed+out, testSecretKey) {
		t.Fatalf("the secret key was printed: %q", printed+out)
	}

	reqs := srv.got()
	if len(reqs) != 1 {
		t.Fatalf("STS received %d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Action != "DecodeAuthorizationMessage" || r.Version != "2011-06-15" {
		t.Errorf("Action=%q Version=%q", r.Action, r.Version)
	}
	if r.Encoded != blob || strings.ContainsAny(r.Encoded, " \t\r\n") {
		t.Errorf("EncodedMessage sent (%d chars) is not the cleaned blob (%d chars)", len(r.Encoded), len(blob))
	}
	if !strings.HasPrefix(r.Authorization, "AWS4-HMAC-SHA256 Credential="+testAccessKey+"/") || !strings.Contains(r.Authorization, "/us-east-1/sts/aws4_request") || !strings.Contains(r.Authorization, "Signature=") {
		t.Errorf("Authorization header is not SigV4 for sts: %q", r.Authorization)
	}
	if strings.Contains(r.Authorization, testSecretKey) {
		t.Errorf("the secret key was sent")
	}

	if den.Decoded == nil || !den.Decoded.ExplicitDeny {
		t.Fatalf("Decoded = %+v", den.Decoded)
	}
	if den.Principal.ARN != "arn:aws:iam::816678621138:user/fernandomjunior" || den.Principal.ID != "AIDA34JOWZ7JD6ORHXUBC" || den.Principal.Kind != authzmsg.KindUser {
		t.Errorf("principal = %+v", den.Principal)
	}
	if den.Action != "ec2:RunInstances" || den.Resource != "arn:aws:ec2:us-east-1:816678621138:instance/*" || den.Decision != authzmsg.ExplicitDeny {
		t.Errorf("action %q resource %q decision %q", den.Action, den.Resource, den.Decision)
	}
	if got := den.Context["ec2:InstanceType"]; len(got) != 1 || got[0] != "t2.micro" {
		t.Errorf("context ec2:InstanceType = %v", got)
	}
	if den.AccountID != "816678621138" || den.Region != "us-east-1" {
		t.Errorf("account %q region %q", den.AccountID, den.Region)
	}
	b, _ := json.Marshal(den)
	if strings.Contains(string(b), testSecretKey) {
		t.Errorf("the denial holds the secret key")
	}
}

// newTestDecoder points a decoder at ts with static credentials, through
// the options rather than the environment.
func newTestDecoder(t *testing.T, ts *httptest.Server) authzmsg.Decoder {
	t.Helper()
	dec, err := New(context.Background(), Options{
		Region:      "eu-west-2",
		Endpoint:    ts.URL,
		Credentials: credentials.NewStaticCredentialsProvider(testAccessKey, testSecretKey, ""),
		MaxBackoff:  20 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	return dec
}

func TestSTSErrors(t *testing.T) {
	isolateAWSEnv(t)
	const blob = "T-kSWIRFn32_fxSgyNzoE36avE5lRaRniAjDs-OdhlNgyecEbeTN_dCroUmnEqAbDOrevkgWv8iyUzs0XJxEDlAcgDztlJ"
	tests := []struct {
		name     string
		respond  func(http.ResponseWriter, int)
		requests int
		check    func(t *testing.T, err error)
	}{
		{
			name:     "access denied",
			respond:  stsError(http.StatusForbidden, "AccessDenied", "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:DecodeAuthorizationMessage because no identity-based policy allows the sts:DecodeAuthorizationMessage action"),
			requests: 1,
			check: func(t *testing.T, err error) {
				var de *authzmsg.DecodeDeniedError
				if !errors.As(err, &de) {
					t.Fatalf("got %T %v, want *authzmsg.DecodeDeniedError", err, err)
				}
				if de.Principal != "arn:aws:iam::111122223333:user/alice" || de.RequestID != "req-err-1" {
					t.Errorf("principal %q request ID %q", de.Principal, de.RequestID)
				}
				msg := err.Error()
				if !strings.Contains(msg, authzmsg.DecodePolicy) || !strings.Contains(msg, `"Action": "sts:DecodeAuthorizationMessage"`) {
					t.Errorf("the error does not carry the policy that grants the action:\n%s", msg)
				}
			},
		},
		{
			name:     "invalid or expired message",
			respond:  stsError(http.StatusBadRequest, "InvalidAuthorizationMessageException", "The message is invalid or has expired."),
			requests: 1,
			check: func(t *testing.T, err error) {
				if !errors.Is(err, authzmsg.ErrInvalidMessage) {
					t.Fatalf("got %v, want authzmsg.ErrInvalidMessage", err)
				}
				if !strings.Contains(err.Error(), "expire") || !strings.Contains(err.Error(), "line breaks") {
					t.Errorf("the error does not say messages expire or get damaged: %v", err)
				}
			},
		},
		{
			name:     "throttled after retries",
			respond:  stsError(http.StatusBadRequest, "Throttling", "Rate exceeded"),
			requests: 3,
			check: func(t *testing.T, err error) {
				if !errors.Is(err, authzmsg.ErrThrottled) {
					t.Fatalf("got %v, want authzmsg.ErrThrottled", err)
				}
			},
		},
		{
			name:     "rejected credentials",
			respond:  stsError(http.StatusForbidden, "InvalidClientTokenId", "The security token included in the request is invalid."),
			requests: 1,
			check: func(t *testing.T, err error) {
				if !errors.Is(err, authzmsg.ErrNoCredentials) {
					t.Fatalf("got %v, want authzmsg.ErrNoCredentials", err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeSTS{respond: tt.respond}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			var err error
			printed := captureOutput(t, func() {
				_, err = newTestDecoder(t, ts).DecodeAuthorizationMessage(context.Background(), blob[:40]+"\n  "+blob[40:])
			})
			tt.check(t, err)
			if n := len(srv.got()); n != tt.requests {
				t.Errorf("STS received %d requests, want %d", n, tt.requests)
			}
			for _, r := range srv.got() {
				if r.Encoded != blob {
					t.Errorf("sent %q, want the cleaned blob", r.Encoded)
				}
			}
			if strings.Contains(printed, testSecretKey) || strings.Contains(err.Error(), testSecretKey) {
				t.Errorf("the secret key was printed")
			}
		})
	}
}

func TestSTSNoCredentials(t *testing.T) {
	isolateAWSEnv(t)
	srv := &fakeSTS{respond: stsSuccess("{}")}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	t.Setenv("AWS_ENDPOINT_URL_STS", ts.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	dec, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = dec.DecodeAuthorizationMessage(ctx, "T-kSWIRFn32_fxSgyNzoE36avE5lRaRniAjDs")
	if !errors.Is(err, authzmsg.ErrNoCredentials) {
		t.Fatalf("got %v, want authzmsg.ErrNoCredentials", err)
	}
	for _, want := range []string{"--profile", "AWS_PROFILE", "AWS_ACCESS_KEY_ID"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not mention %s: %v", want, err)
		}
	}
	if n := len(srv.got()); n != 0 {
		t.Errorf("STS received %d requests without credentials", n)
	}

	_, err = New(ctx, Options{Profile: "no-such-profile"})
	if !errors.Is(err, authzmsg.ErrNoCredentials) || !strings.Contains(err.Error(), "no-such-profile") {
		t.Errorf("unknown profile: got %v, want authzmsg.ErrNoCredentials naming the profile", err)
	}
}

// TestSTSGenericEndpointEnv: AWS_ENDPOINT_URL (for every service) is
// honoured as the SDK does.
func TestSTSGenericEndpointEnv(t *testing.T) {
	isolateAWSEnv(t)
	srv := &fakeSTS{respond: stsSuccess(readFixture(t, "decoded/zatoima-inner.json"))}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	t.Setenv("AWS_ACCESS_KEY_ID", testAccessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", testSecretKey)
	t.Setenv("AWS_ENDPOINT_URL", ts.URL)
	dec, err := New(context.Background(), Options{Region: "ap-northeast-1"})
	if err != nil {
		t.Fatal(err)
	}
	out, err := dec.DecodeAuthorizationMessage(context.Background(), "T-kSWIRFn32_fxSgyNzoE36avE5lRaRniAjDs")
	if err != nil {
		t.Fatal(err)
	}
	if d, err := authzmsg.ParseDecoded([]byte(out)); err != nil || d.Action != "iam:PassRole" {
		t.Errorf("decoded %v, %v", d, err)
	}
	if reqs := srv.got(); len(reqs) != 1 || !strings.Contains(reqs[0].Authorization, "/ap-northeast-1/sts/aws4_request") {
		t.Errorf("requests %+v", reqs)
	}
}

const messagesDir = "../../testdata/messages"

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(messagesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// consoleWithWrappedBlob is a console page in Japanese around an EC2 error
// whose encoded message the console wrapped at 64 columns.
func consoleWithWrappedBlob(t *testing.T) (text, blob string) {
	t.Helper()
	den, err := authzmsg.Parse(readFixture(t, "samples/terraform-ec2-encoded-only.txt"))
	if err != nil {
		t.Fatal(err)
	}
	blob = den.Encoded
	var b strings.Builder
	b.WriteString("インスタンスの起動に失敗しました\nYou are not authorized to perform this operation. Encoded authorization failure message:\n")
	for i := 0; i < len(blob); i += 64 {
		b.WriteString("  " + blob[i:min(i+64, len(blob))] + "\n")
	}
	b.WriteString("詳細については、AWS のドキュメントを参照してください。\n")
	return b.String(), blob
}

// TestNoCallWithoutBlob: a denial without an encoded message, or with a
// truncated one, sends nothing to STS.
func TestNoCallWithoutBlob(t *testing.T) {
	isolateAWSEnv(t)
	srv := &fakeSTS{respond: stsSuccess("{}")}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	dec := newTestDecoder(t, ts)
	var cases []struct {
		Name      string `json:"name"`
		Input     string `json:"input"`
		InputFile string `json:"inputFile"`
		NoDenial  bool   `json:"noDenial"`
	}
	if err := json.Unmarshal([]byte(readFixture(t, "forms.json")), &cases); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cases {
		if c.NoDenial {
			continue
		}
		if c.InputFile != "" {
			c.Input = readFixture(t, c.InputFile)
		}
		den, err := authzmsg.Parse(c.Input)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if den.Encoded != "" && !den.EncodedTruncated {
			continue
		}
		n++
		if err := authzmsg.Decode(context.Background(), dec, den); err == nil {
			t.Errorf("%s: Decode without a whole encoded message succeeded", c.Name)
		}
	}
	if n == 0 {
		t.Fatal("forms.json has no case without a whole encoded message")
	}
	if got := len(srv.got()); got != 0 {
		t.Errorf("STS received %d requests; want none", got)
	}
}
