package cli

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/collect"
	"github.com/deniedhq/denied/internal/testutil"
)

// Credentials shaped like real ones (the AWS documentation's examples).
const (
	netKeyID  = "ASIAIOSFODNN7EXAMPLE"
	netSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
)

var netToken = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD" + strings.Repeat("Zm9vYmFyYmF6cXV4+", 16) + "=="

// netCreds are credentials shaped like real ones, for the tests that check
// none is printed.
var netCreds = credentials.NewStaticCredentialsProvider(netKeyID, netSecret, netToken)

func noCredentials(t *testing.T, where, text string) {
	t.Helper()
	for _, s := range []string{netKeyID, netSecret, netToken[:40], "Signature="} {
		if strings.Contains(text, s) {
			t.Errorf("%s shows %q:\n%s", where, s, text)
		}
	}
}

// runCollectCLI runs denied collect with env's Getenv reading vars.
func runCollectCLI(t *testing.T, ctx context.Context, vars map[string]string, args ...string) (string, string, error) {
	t.Helper()
	return runCollectCLIWith(t, ctx, Deps{}, vars, args...)
}

// runCollectCLIWith is runCollectCLI with deps.
func runCollectCLIWith(t *testing.T, ctx context.Context, deps Deps, vars map[string]string, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return vars[k] }, Deps: deps}
	err := Run(ctx, env, append([]string{"collect", "--lang", "en"}, args...))
	return stdout.String(), stderr.String(), err
}

// Bad flags and an output that could not be written are usage errors
// found before any AWS call.
func TestCollectUsageBeforeAnyCall(t *testing.T) {
	t.Parallel()
	deps := Deps{CollectClients: func(context.Context, collect.SDKOptions) (*collect.Clients, error) {
		t.Error("AWS clients built for a usage error")
		return nil, errors.New("no")
	}}
	dir := t.TempDir()
	tests := []struct {
		name string
		vars map[string]string
		args []string
		want string
	}{
		{"output is a folder", nil, []string{"-o", dir}, "is a folder"},
		{"output folder missing", nil, []string{"-o", filepath.Join(dir, "no", "snap.json")}, "does not exist"},
		{"output under a file", nil, []string{"-o", filepath.Join(dir, "f", "snap.json")}, "is not a folder"},
		{"region name", nil, []string{"--region", "Ireland"}, `"Ireland" is not an AWS Region name`},
		{"regions name", nil, []string{"--regions", "eu-west-1,eu-west"}, `"eu-west" is not an AWS Region name`},
		{"negative timeout", nil, []string{"--timeout", "-1s"}, "--timeout must not be negative"},
		{"zero call timeout", nil, []string{"--call-timeout", "0s"}, "--call-timeout must be positive"},
		{"bad DENIED_TIMEOUT", map[string]string{"DENIED_TIMEOUT": "soon"}, nil, `DENIED_TIMEOUT="soon"`},
	}
	if err := os.WriteFile(filepath.Join(dir, "f"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, err := runCollectCLIWith(t, context.Background(), deps, tt.vars, tt.args...)
			if ExitCode(err) != ExitUsage || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("exit %d err %v, want exit 2 with %q (stderr %s)", ExitCode(err), err, tt.want, stderr)
			}
		})
	}
}

func TestCollectRegionsDeduplicated(t *testing.T) {
	t.Parallel()
	var got []string
	deps := Deps{CollectClients: func(_ context.Context, o collect.SDKOptions) (*collect.Clients, error) {
		got = o.Regions
		return nil, errors.New("no clients in this test")
	}}
	_, _, err := runCollectCLIWith(t, context.Background(), deps, nil, "--regions", "eu-west-1, eu-west-1,us-east-1,,eu-west-1")
	if ExitCode(err) != ExitRuntime {
		t.Fatalf("exit %d: %v", ExitCode(err), err)
	}
	if want := []string{"eu-west-1", "us-east-1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("regions %v, want %v", got, want)
	}
}

// -o - writes the snapshot to stdout, not to a file named "-".
func TestCollectDashIsStdout(t *testing.T) {
	moto := testutil.StartMoto(t)
	collectEnv(t, moto)
	t.Chdir(t.TempDir())
	stdout, stderr, err := runCollectCLI(t, context.Background(), nil, "-o", "-")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if _, err := account.Parse([]byte(stdout)); err != nil {
		t.Errorf("stdout is not a snapshot: %v\n%s", err, stdout)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("a file named - was written")
	}
}

// Failures are printed without credentials the server echoed, and a
// global service's call is named without an empty region.
func TestCollectRedactsEchoedCredentials(t *testing.T) {
	t.Parallel()
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		testutil.WriteAWSError(w, r, 403, "AccessDeniedException", "denied; you sent Authorization: "+r.Header.Get("Authorization")+
			" and X-Amz-Security-Token="+r.Header.Get("X-Amz-Security-Token")+" secret "+netSecret)
	}))
	defer echo.Close()
	deps := testAWS(echo.URL, netCreds, 1)
	for _, live := range []bool{false, true} {
		var stdout, stderr, errText string
		var code int
		if live {
			stdout, stderr, code = runCLIWith(t, deps, "", "check", "create-vault", "--live", "--vault", "V", "--as", "arn:aws:iam::123456789012:role/R", "--lang", "en")
		} else {
			var err error
			stdout, stderr, err = runCollectCLIWith(t, context.Background(), deps, nil)
			code, errText = ExitCode(err), err.Error()
		}
		if code != ExitRuntime {
			t.Errorf("live %v: exit %d, want 3", live, code)
		}
		noCredentials(t, "stderr", stderr+stdout+errText)
		if !strings.Contains(stderr, "could not read sts:GetCallerIdentity: AccessDeniedException: denied; you sent Authorization: [REDACTED]") {
			t.Errorf("live %v: stderr lacks the redacted sts failure:\n%s", live, stderr)
		}
		if strings.Contains(stderr, " in : ") {
			t.Errorf("live %v: an empty region is printed:\n%s", live, stderr)
		}
	}
}

// A dead endpoint fails at once with a message naming the cause.
func TestCollectUnreachable(t *testing.T) {
	t.Parallel()
	deps := testAWS(testutil.DeadEndpoint(t), testCreds, 1)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out := filepath.Join(t.TempDir(), "snap.json")
	_, stderr, err := runCollectCLIWith(t, ctx, deps, nil, "-o", out)
	if ExitCode(err) != ExitRuntime || !strings.Contains(err.Error(), "AWS could not be reached") || !strings.Contains(err.Error(), "connection refused") {
		t.Fatalf("exit %d err %v\n%s", ExitCode(err), err, stderr)
	}
	if ctx.Err() != nil {
		t.Fatal("ran into the test's deadline")
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a snapshot was written")
	}
}

// Ctrl-C (the context cancelled) and --timeout end a collection that
// hangs with a clear message, and no file.
func TestCollectInterruptedAndTimeout(t *testing.T) {
	t.Parallel()
	deps := testAWS(testutil.Unanswering(t), testCreds, 1)
	dir := t.TempDir()
	t.Run("interrupted", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel)
		out := filepath.Join(dir, "a.json")
		_, stderr, err := runCollectCLIWith(t, ctx, deps, nil, "-o", out)
		if ExitCode(err) != ExitRuntime || err.Error() != "interrupted: no snapshot was written" || strings.Contains(stderr, "context canceled") {
			t.Errorf("exit %d err %v\n%s", ExitCode(err), err, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("a snapshot was written")
		}
	})
	t.Run("timeout", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		out := filepath.Join(dir, "b.json")
		_, stderr, err := runCollectCLIWith(t, ctx, deps, nil, "-o", out, "--timeout", "300ms")
		if ExitCode(err) != ExitRuntime || !strings.HasPrefix(err.Error(), "the collection did not finish within --timeout 300ms (0 of 1 calls done)") {
			t.Errorf("exit %d err %v\n%s", ExitCode(err), err, stderr)
		}
		if ctx.Err() != nil {
			t.Error("ran into the test's deadline")
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("a snapshot was written")
		}
	})
}

// denied collect through a proxy that injects faults into a share of the
// calls to moto_server writes the same snapshot as a clean run, exit 0,
// with progress on stderr and no credentials anywhere.
func TestCollectCommandUnderFaults(t *testing.T) {
	t.Parallel()
	moto := testutil.StartMoto(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dir := t.TempDir()
	run := func(name string, plan testutil.Plan) (*account.Snapshot, string) {
		p := testutil.StartFaultProxy(t, moto, plan)
		deps := testAWS(p.URL, netCreds, 4)
		deps.ProgressEvery = 20 * time.Millisecond
		out := filepath.Join(dir, name)
		_, stderr, err := runCollectCLIWith(t, ctx, deps, nil, "-o", out, "--regions", "us-east-1,eu-west-1", "--call-timeout", "3s")
		if err != nil {
			t.Fatalf("%s: exit %d: %v\n%s", name, ExitCode(err), err, stderr)
		}
		t.Logf("%s: faults %v", name, p.Counts())
		s, err := account.LoadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		s.CollectedAt = ""
		return s, stderr
	}
	clean, _ := run("clean.json", func(*http.Request, string, int) testutil.Fault { return testutil.Pass })
	faulty, stderr := run("faulty.json", testutil.Transient(2, "Action=GetCallerIdentity"))
	if !reflect.DeepEqual(clean, faulty) {
		t.Errorf("snapshots differ:\nclean  %+v\nfaulty %+v", clean, faulty)
	}
	noCredentials(t, "stderr", stderr)
	if !strings.Contains(stderr, "collecting: ") || !strings.Contains(stderr, "retries") {
		t.Errorf("no progress on stderr:\n%s", stderr)
	}
	if ctx.Err() != nil {
		t.Error("ran into the test's deadline")
	}
}

// check, audit and explain in live mode take --timeout and --call-timeout
// as collect does: a hanging endpoint ends with the deadline's message.
func TestLiveModesTakeTimeouts(t *testing.T) {
	t.Parallel()
	deps := testAWS(testutil.Unanswering(t), netCreds, 1)
	for _, args := range [][]string{
		{"check", "create-vault", "--live", "--vault", "V", "--as", "arn:aws:iam::123456789012:role/R", "--timeout", "300ms"},
		{"audit", "--live", "--timeout", "300ms"},
		{"explain", "--live", "--no-decode", "--timeout", "300ms",
			"User: arn:aws:iam::123456789012:user/u is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:us-east-1:123456789012:backup-vault:v because no identity-based policy allows the backup:CreateBackupVault action"},
	} {
		_, stderr, code := runCLIWith(t, deps, "", args...)
		if code != ExitRuntime || !strings.Contains(stderr, "did not finish within --timeout 300ms") {
			t.Errorf("%v: exit %d\n%s", args[0], code, stderr)
		}
	}
	_, stderr, code := runCLIWith(t, deps, "", "check", "create-vault", "--live", "--vault", "V", "--call-timeout", "0s")
	if code != ExitUsage || !strings.Contains(stderr, "--call-timeout") {
		t.Errorf("zero --call-timeout: exit %d\n%s", code, stderr)
	}
}
