package cli

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/collect"
	"github.com/deniedhq/denied/internal/testutil"
)

func collectEnv(t *testing.T, endpoint string) {
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "", "AWS_PROFILE": "",
		"AWS_REGION": "us-east-1", "AWS_CONFIG_FILE": "/nonexistent/config", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
		"AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL": endpoint, "AWS_MAX_ATTEMPTS": "1",
	} {
		t.Setenv(k, v)
	}
}

// testCreds are the static credentials of the AWS test servers.
var testCreds = credentials.NewStaticCredentialsProvider("testing", "testing", "")

// testAWS returns Deps whose AWS clients (collect, --live, --org) talk to
// endpoint with creds, at most attempts attempts a call (0: the default),
// in us-east-1 unless a flag names a Region. The process environment is
// not touched, so the tests that use it run in parallel.
func testAWS(endpoint string, creds aws.CredentialsProvider, attempts int) Deps {
	fill := func(o collect.SDKOptions) collect.SDKOptions {
		o.Endpoint, o.Credentials = endpoint, creds
		if o.MaxAttempts == 0 {
			o.MaxAttempts = attempts
		}
		if o.Region == "" {
			o.Region = "us-east-1"
		}
		return o
	}
	return Deps{
		Now: testNow,
		CollectClients: func(ctx context.Context, o collect.SDKOptions) (*collect.Clients, error) {
			return collect.NewSDKClients(ctx, fill(o))
		},
		OrgSource: func(ctx context.Context, o collect.OrgSDKOptions) (*collect.OrgSource, error) {
			o.SDKOptions = fill(o.SDKOptions)
			return collect.NewSDKOrg(ctx, o)
		},
	}
}

// denied collect against moto_server through the standard AWS
// configuration of the process environment (AWS_ENDPOINT_URL and the
// rest), end to end: not parallel, as it sets that environment.
func TestCollectCommand(t *testing.T) {
	moto := testutil.StartMoto(t)
	collectEnv(t, moto)
	out := filepath.Join(t.TempDir(), "snap.json")
	var stdout, stderr bytes.Buffer
	env := &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	err := Run(context.Background(), env, []string{"collect", "-o", out, "--regions", "us-east-1,eu-west-1", "--lang", "en"})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("stat %v %v", fi, err)
	}
	s, err := account.LoadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if s.AccountID != "123456789012" {
		t.Errorf("account %q", s.AccountID)
	}
	for _, want := range []string{"iam: ", "backup (eu-west-1): ", "snapshot written to " + out} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	if strings.Contains(stderr.String(), "testing") {
		t.Error("stderr shows the credentials")
	}
}

func TestCollectCommandNothingRead(t *testing.T) {
	t.Parallel()
	deny := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(403)
		w.Write([]byte(`{"__type":"AccessDeniedException","Message":"denied"}`))
	}))
	defer deny.Close()
	var stdout, stderr bytes.Buffer
	env := &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }, Deps: testAWS(deny.URL, testCreds, 1)}
	err := Run(context.Background(), env, []string{"collect", "--lang", "en"})
	if ExitCode(err) != ExitRuntime || !strings.Contains(err.Error(), "nothing could be read") {
		t.Fatalf("err %v (exit %d)", err, ExitCode(err))
	}
	if !strings.Contains(stderr.String(), "could not read organizations:DescribeOrganization") || stdout.Len() != 0 {
		t.Errorf("stderr %s stdout %s", stderr.String(), stdout.String())
	}
}
