package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/deniedhq/denied/jobs/awsjobs"
	"github.com/deniedhq/denied/jobs/jobstest"
)

// jobsOrgSetup serves the jobs of two member accounts to the management
// account 111122223333.
func jobsOrgSetup(t *testing.T) (*jobstest.Server, Deps) {
	t.Helper()
	srv := jobstest.New(t, "../../testdata/jobs/org.json")
	srv.Self, srv.Management = "111122223333", true
	creds := credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", jobsSecret, "")
	deps := jobsDeps
	deps.JobsClient = func(context.Context, string, string, time.Duration) (awsjobs.API, error) {
		return backup.New(backup.Options{Region: "eu-west-1", BaseEndpoint: aws.String(srv.URL), Credentials: creds, RetryMaxAttempts: 1}), nil
	}
	return srv, deps
}

// jobs --org reads every member account's jobs (ByAccountId=*) and groups
// them by cause across accounts.
func TestJobsAcrossTheOrganization(t *testing.T) {
	t.Parallel()
	srv, deps := jobsOrgSetup(t)
	r, errOut, code := runJobsJSON(t, deps, "--org", "--since", "0", "--type", "backup", "--no-decode")
	if code != ExitDenied || r.Summary.Jobs != 2 || len(r.Groups) != 1 || r.Groups[0].Count != 2 {
		t.Fatalf("exit %d, %+v %s", code, r, errOut)
	}
	for _, q := range srv.Requests() {
		if q.Query["accountId"] != "*" {
			t.Errorf("request without accountId=*: %+v", q)
		}
	}
	out, _, _ := runCLIWith(t, deps, "", "jobs", "--org", "--since", "0", "--type", "backup", "--no-decode", "--format", "json")
	var raw struct {
		Groups []struct{ Accounts []string }
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw.Groups) != 1 || len(raw.Groups[0].Accounts) != 2 {
		t.Fatalf("accounts of the group: %v %+v", err, raw)
	}
	// Without --org: the caller's own account only.
	r, _, _ = runJobsJSON(t, deps, "--since", "0", "--type", "backup", "--no-decode")
	if r.Summary.Jobs != 1 {
		t.Errorf("own account: %d jobs, want 1", r.Summary.Jobs)
	}
	// --account: that member account.
	r, _, _ = runJobsJSON(t, deps, "--account", "444455556666", "--since", "0", "--type", "backup", "--no-decode")
	if r.Summary.Jobs != 1 {
		t.Errorf("--account: %d jobs, want 1", r.Summary.Jobs)
	}
	if _, _, code := runJobsJSON(t, deps, "--account", "4444", "--no-decode"); code != ExitUsage {
		t.Errorf("bad --account: exit %d", code)
	}
}

// jobs --snapshot evaluates each denial again against the snapshot of its
// principal's account; an account the snapshot does not hold is left as
// the message says.
func TestJobsReevaluatedAgainstASnapshot(t *testing.T) {
	t.Parallel()
	_, deps := jobsOrgSetup(t)
	out, errOut, code := runCLIWith(t, deps, "", "jobs", "--org", "--since", "0", "--type", "backup", "--no-decode", "--format", "json",
		"--snapshot", "../../testdata/jobs/snapshot-111122223333.short.json")
	if code != ExitDenied {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var raw struct {
		Groups []struct {
			Explanations []struct {
				StatusMessage string
				Snapshot      *struct {
					Verdict, Layer, PrincipalArn string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range raw.Groups[0].Explanations {
		if e.Snapshot == nil {
			continue
		}
		n++
		if e.Snapshot.Verdict != "ImplicitDeny" || e.Snapshot.Layer != "identity" {
			t.Errorf("re-evaluated: %+v", e.Snapshot)
		}
	}
	if n != 1 {
		t.Fatalf("%d explanations re-evaluated, want 1 (the account of the snapshot): %s", n, out)
	}
	text, _, _ := runCLIWith(t, deps, "", "jobs", "--org", "--since", "0", "--type", "backup", "--no-decode", "--lang", "en",
		"--snapshot", "../../testdata/jobs/snapshot-111122223333.short.json")
	if !strings.Contains(text, "With the snapshot's policies the engine also refuses") {
		t.Errorf("text does not say the snapshot's verdict:\n%s", text)
	}
}
