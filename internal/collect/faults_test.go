package collect

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/testutil"
)

// Credentials shaped like real ones (AWS documentation's examples), so that
// an echo of them anywhere would be caught.
const (
	fakeKeyID  = "ASIAIOSFODNN7EXAMPLE"
	fakeSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
)

var fakeToken = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD" + strings.Repeat("Zm9vYmFyYmF6cXV4+", 16) + "=="

func setFakeCredentials(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", fakeKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", fakeSecret)
	t.Setenv("AWS_SESSION_TOKEN", fakeToken)
}

// collectThrough seeds nothing: it collects through proxies in front of
// moto and the Backup stub and returns the snapshot as saved.
func collectThrough(t *testing.T, ctx context.Context, moto, stub string, plan testutil.Plan) (string, *account.Snapshot, map[testutil.Fault]int, error) {
	t.Helper()
	pm := testutil.StartFaultProxy(t, moto, plan)
	pb := testutil.StartFaultProxy(t, stub, plan)
	t.Setenv("AWS_ENDPOINT_URL", pm.URL)
	t.Setenv("AWS_ENDPOINT_URL_BACKUP", pb.URL)
	clients := must(NewSDKClients(ctx, SDKOptions{CallTimeout: 3 * time.Second, MaxBackoff: 20 * time.Millisecond}))
	snap, err := Collect(ctx, clients, Options{Concurrency: 4, Now: func() time.Time { return time.Unix(0, 0) }})
	counts := pm.Counts()
	for f, n := range pb.Counts() {
		counts[f] += n
	}
	t.Logf("faults served: %v", counts)
	if snap == nil {
		return "", nil, counts, err
	}
	var b strings.Builder
	if serr := account.Save(&b, snap, false); serr != nil {
		t.Fatal(serr)
	}
	return b.String(), snap, counts, err
}

// Through a proxy answering a share of the attempts with 500s, throttling
// (400 and 503), resets, closes without reply, slow, stalled and
// never-answered responses, and 500s that echo the credentials, the
// collection (with AWS_MAX_ATTEMPTS=4 from the environment) gives the same
// snapshot as a clean run, and ends.
func TestCollectSurvivesFaults(t *testing.T) {
	moto := testutil.StartMoto(t)
	var planID string
	stub := backupStub(t, &moto, &planID)
	setEnv(t, moto, map[string]string{"AWS_ENDPOINT_URL_BACKUP": stub.URL})
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	planID, _ = seed(t, ctx, must(config.LoadDefaultConfig(ctx)))
	setFakeCredentials(t)
	t.Setenv("AWS_MAX_ATTEMPTS", "4")

	clean, _, _, err := collectThrough(t, ctx, moto, stub.URL, func(*http.Request, string, int) testutil.Fault { return testutil.Pass })
	if err != nil {
		t.Fatal(err)
	}
	faulty, snap, counts, err := collectThrough(t, ctx, moto, stub.URL, testutil.Transient(2, "Action=GetCallerIdentity"))
	if err != nil {
		t.Fatalf("%v (unreadable %+v)", err, snap)
	}
	for _, f := range testutil.FaultKinds {
		if counts[f] == 0 {
			t.Errorf("no %s fault was served: %v", f, counts)
		}
	}
	if faulty != clean {
		t.Errorf("the snapshot under faults differs from the clean one:\n--- clean\n%s\n--- faulty\n%s", clean, faulty)
	}
	if strings.Contains(clean, "unreadable") {
		t.Errorf("the clean run has unreadable calls:\n%s", clean)
	}

	// A call that always fails is listed, once, with the echoed
	// credentials removed; everything else is as in the clean run.
	plan := testutil.Transient(2, "Action=GetCallerIdentity")
	always := func(r *http.Request, key string, attempt int) testutil.Fault {
		if r.Header.Get("X-Amz-Target") == "TrentService.GetKeyPolicy" {
			return testutil.Echo
		}
		return plan(r, key, attempt)
	}
	partial, snap, _, err := collectThrough(t, ctx, moto, stub.URL, always)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fakeKeyID, fakeSecret, fakeToken[:40], "Signature="} {
		if strings.Contains(partial, s) {
			t.Errorf("the snapshot shows %q", s)
		}
	}
	if len(snap.Unreadable) == 0 {
		t.Fatal("GetKeyPolicy failed for good but nothing is unreadable")
	}
	for _, u := range snap.Unreadable {
		if u.Service != "kms" || u.Call != "GetKeyPolicy" || u.Region != "us-east-1" || !strings.HasPrefix(u.Error, "InternalFailure: request headers: X-Amz-Security-Token: [REDACTED]; Authorization: [REDACTED]") {
			t.Errorf("unreadable %+v", u)
		}
	}
	for _, k := range snap.KMSKeys {
		if k.Policy != nil {
			t.Errorf("key %s has a policy though GetKeyPolicy always failed", k.ARN)
		}
	}
}

// A dead endpoint (connection refused) fails at the first call, without
// the retries of every call.
func TestCollectDeadEndpoint(t *testing.T) {
	setEnv(t, testutil.DeadEndpoint(t), nil)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	clients := must(NewSDKClients(ctx, SDKOptions{}))
	snap, err := Collect(ctx, clients, Options{})
	var ue *UnreachableError
	if !errors.As(err, &ue) || snap != nil || !strings.Contains(ue.Err, "connection refused") {
		t.Fatalf("snapshot %v err %v, want an UnreachableError", snap, err)
	}
	if ctx.Err() != nil {
		t.Fatal("the collection ran into the test's deadline")
	}
}

// An endpoint that takes the connection and never answers ends the
// collection after the first call's two attempts of CallTimeout each.
func TestCollectHangingEndpoint(t *testing.T) {
	setEnv(t, testutil.Unanswering(t), nil)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	clients := must(NewSDKClients(ctx, SDKOptions{CallTimeout: 200 * time.Millisecond, MaxBackoff: 10 * time.Millisecond}))
	var retries int
	_, err := Collect(ctx, clients, Options{OnProgress: func(p Progress) { retries = max(retries, p.Retries) }})
	var ue *UnreachableError
	if !errors.As(err, &ue) || ctx.Err() != nil {
		t.Fatalf("err %v (context %v), want an UnreachableError", err, ctx.Err())
	}
	if retries != 1 {
		t.Errorf("%d retries of the first call, want 1", retries)
	}
}

// The retry settings of the AWS configuration are honoured: the attempts a
// call makes against an endpoint that always answers 500.
func TestCollectRetrySettings(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		config string
		opt    int
		want   int
	}{
		{"default", nil, "", 0, 5},
		{"AWS_MAX_ATTEMPTS", map[string]string{"AWS_MAX_ATTEMPTS": "2"}, "", 0, 2},
		{"profile max_attempts", nil, "[default]\nmax_attempts = 3\n", 0, 3},
		{"profile retry_mode standard keeps the SDK's 3", nil, "[default]\nretry_mode = standard\n", 0, 3},
		{"AWS_RETRY_MODE adaptive with AWS_MAX_ATTEMPTS", map[string]string{"AWS_RETRY_MODE": "adaptive", "AWS_MAX_ATTEMPTS": "2"}, "", 0, 2},
		{"option over environment", map[string]string{"AWS_MAX_ATTEMPTS": "4"}, "", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls atomic.Int32
			p := testutil.StartFaultProxy(t, "http://127.0.0.1:1", func(r *http.Request, _ string, _ int) testutil.Fault {
				calls.Add(1)
				return testutil.Error500
			})
			setEnv(t, p.URL, tt.env)
			if tt.config != "" {
				f := t.TempDir() + "/config"
				if err := writeFile(f, tt.config); err != nil {
					t.Fatal(err)
				}
				t.Setenv("AWS_CONFIG_FILE", f)
			}
			ctx := context.Background()
			clients := must(NewSDKClients(ctx, SDKOptions{MaxAttempts: tt.opt, MaxBackoff: time.Millisecond}))
			_, err := clients.IAM.GetAccountAuthorizationDetails(ctx, &iam.GetAccountAuthorizationDetailsInput{})
			if err == nil {
				t.Fatal("no error from a 500")
			}
			if int(calls.Load()) != tt.want {
				t.Errorf("%d attempts, want %d", calls.Load(), tt.want)
			}
		})
	}
}

func writeFile(name, text string) error { return os.WriteFile(name, []byte(text), 0o600) }
