package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/backup"

	"github.com/deniedhq/denied/authzmsg"
	authzsts "github.com/deniedhq/denied/authzmsg/sts"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/jobs"
	"github.com/deniedhq/denied/jobs/awsjobs"
	"github.com/deniedhq/denied/jobs/jobstest"
)

const jobsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

// jobsSetup starts the fake AWS Backup and STS endpoints; its Deps have
// SDK clients pointed at them (static test credentials, one attempt) and
// the clock at 2026-12-02T06:00Z.
func jobsSetup(t *testing.T) (*jobstest.Server, *fakeSTS, Deps) {
	t.Helper()
	return jobsSetupFixture(t, "../../testdata/jobs/account.json")
}

// jobsSetupFixture is jobsSetup serving the jobs of another fixture.
func jobsSetupFixture(t *testing.T, fixture string) (*jobstest.Server, *fakeSTS, Deps) {
	t.Helper()
	wrapper, err := os.ReadFile("../../testdata/jobs/decoded-zatoima.json")
	if err != nil {
		t.Fatal(err)
	}
	var w struct{ DecodedMessage string }
	if err := json.Unmarshal(wrapper, &w); err != nil {
		t.Fatal(err)
	}
	srv := jobstest.New(t, fixture)
	sts := &fakeSTS{decoded: w.DecodedMessage}
	stsSrv := httptest.NewServer(sts)
	t.Cleanup(stsSrv.Close)
	creds := credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", jobsSecret, "")
	deps := jobsDeps
	deps.JobsClient = func(_ context.Context, _, region string, _ time.Duration) (awsjobs.API, error) {
		if region == "" {
			region = "us-east-1"
		}
		return backup.New(backup.Options{Region: region, BaseEndpoint: aws.String(srv.URL), Credentials: creds, RetryMaxAttempts: 1}), nil
	}
	deps.STSDecoder = fakeSTSDecoder(stsSrv.URL, creds)
	return srv, sts, deps
}

// fakeSTSDecoder builds the SDK's STS decoder against the fake STS at url.
func fakeSTSDecoder(url string, creds aws.CredentialsProvider) func(context.Context, string, string) (authzmsg.Decoder, error) {
	return func(ctx context.Context, profile, region string) (authzmsg.Decoder, error) {
		if region == "" {
			region = "us-east-1"
		}
		return authzsts.New(ctx, authzsts.Options{Profile: profile, Region: region, Endpoint: url, Credentials: creds, MaxAttempts: 1})
	}
}

func TestJobsGolden(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"default", nil},
		{"no-decode", []string{"--no-decode"}},
	} {
		for _, lang := range []string{"en", "ja", "ko"} {
			for _, format := range []string{"text", "json", "markdown"} {
				t.Run(tt.name+"/"+lang+"/"+format, func(t *testing.T) {
					_, sts, deps := jobsSetup(t)
					args := append([]string{"jobs", "--lang", lang, "--format", format}, tt.args...)
					out, errOut, code := runCLIWith(t, deps, "", args...)
					if code != ExitDenied {
						t.Fatalf("exit %d, want 1: %s", code, errOut)
					}
					wantCalls := 1
					if tt.name == "no-decode" {
						wantCalls = 0
					}
					if sts.calls != wantCalls {
						t.Errorf("%d STS calls for one distinct encoded message, want %d", sts.calls, wantCalls)
					}
					if strings.Contains(out+errOut, jobsSecret) {
						t.Error("the secret key was printed")
					}
					if lang != "en" && format != "json" {
						for _, e := range i18n.EnglishIn(i18n.Lang(lang), out) {
							t.Errorf("English in the %s report: %q", lang, e)
						}
					}
					ext := map[string]string{"text": "txt", "json": "json", "markdown": "md"}[format]
					golden(t, "jobs/"+tt.name+"."+lang+"."+ext, out)
				})
			}
		}
	}
}

type jobsReport struct {
	Summary struct {
		Jobs, AuthorizationJobs, OtherJobs, Causes, Messages int
	}
	Unreadable []struct{ Call, State, Error string }
	Groups     []struct {
		Rule          string
		Authorization bool
		Count         int
		Resources     []string
		Jobs          []struct{ JobID string }
		Explanations  []struct {
			StatusMessage string
			Jobs          int
			Decode        struct{ State string }
			Finding       *struct{ Rule string }
		}
	}
}

func runJobsJSON(t *testing.T, deps Deps, args ...string) (jobsReport, string, int) {
	t.Helper()
	out, errOut, code := runCLIWith(t, deps, "", append([]string{"jobs", "--format", "json", "--lang", "en"}, args...)...)
	var r jobsReport
	if out != "" {
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	return r, errOut, code
}

func TestJobsCounts(t *testing.T) {
	t.Parallel()
	_, _, deps := jobsSetup(t)
	r, errOut, code := runJobsJSON(t, deps)
	if code != ExitDenied {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	s := r.Summary
	if s.Jobs != 11 || s.AuthorizationJobs+s.OtherJobs != s.Jobs || s.Causes != 7 || s.OtherJobs != 1 {
		t.Errorf("summary %+v", s)
	}
	n := 0
	for _, g := range r.Groups {
		n += g.Count
		if len(g.Jobs) != g.Count {
			t.Errorf("%s: %d jobs listed, count %d", g.Rule, len(g.Jobs), g.Count)
		}
		for _, e := range g.Explanations {
			if g.Rule == "backup.ec2-restore-passrole" && e.Decode.State != "decoded" {
				t.Errorf("restore message not decoded: %+v", e.Decode)
			}
			if g.Authorization != (e.Finding != nil) {
				t.Errorf("%s: finding %v", g.Rule, e.Finding)
			}
		}
	}
	if n != s.Jobs {
		t.Errorf("groups hold %d jobs of %d", n, s.Jobs)
	}
	// The decoded restore message names its cause: the restore role may
	// not pass the instance's role.
	if r.Groups[0].Rule != "backup.job.cannot-describe-resource" || !hasRule(r, "backup.ec2-restore-passrole") {
		t.Errorf("rules %v", rules(r))
	}
}

func hasRule(r jobsReport, rule string) bool {
	for _, g := range r.Groups {
		if g.Rule == rule {
			return true
		}
	}
	return false
}

func rules(r jobsReport) []string {
	var out []string
	for _, g := range r.Groups {
		out = append(out, g.Rule)
	}
	return out
}

// STS refuses to decode: the restore jobs keep the undecoded cause, the
// refusal is said, and STS is asked once for the one distinct message.
func TestJobsDecodeRefused(t *testing.T) {
	t.Parallel()
	_, sts, deps := jobsSetup(t)
	sts.code = "AccessDenied"
	r, errOut, code := runJobsJSON(t, deps, "--type", "restore")
	if code != ExitDenied || sts.calls != 1 {
		t.Fatalf("exit %d, %d STS calls: %s", code, sts.calls, errOut)
	}
	var found bool
	for _, g := range r.Groups {
		if g.Rule == "backup.ec2-restore-encoded" {
			found = true
			if g.Count != 2 || g.Explanations[0].Decode.State != "failed" {
				t.Errorf("group %+v", g)
			}
		}
	}
	if !found {
		t.Errorf("rules %v", rules(r))
	}
}

// Filters: by state and type; jobs with no authorization cause exit 0.
func TestJobsFilters(t *testing.T) {
	t.Parallel()
	srv, _, deps := jobsSetup(t)
	r, errOut, code := runJobsJSON(t, deps, "--state", "expired", "--type", "backup")
	if code != ExitOK || r.Summary.Jobs != 1 || r.Summary.Causes != 0 || r.Groups[0].Authorization {
		t.Fatalf("exit %d (%s): %+v", code, errOut, r.Summary)
	}
	if !strings.Contains(r.Groups[0].Explanations[0].StatusMessage, "expired before completion") {
		t.Errorf("message %q", r.Groups[0].Explanations[0].StatusMessage)
	}
	for _, q := range srv.Requests() {
		if q.Path != "/backup-jobs" || q.Query["state"] != "EXPIRED" || q.Query["createdAfter"] == "" {
			t.Errorf("request %+v", q)
		}
	}
	r, _, code = runJobsJSON(t, deps, "--since", "0", "--type", "backup")
	if code != ExitDenied || r.Summary.Jobs != 7 {
		t.Errorf("--since 0: exit %d, %d jobs", code, r.Summary.Jobs)
	}
}

// A refused ListRestoreJobs is named; the other jobs are still explained.
func TestJobsAPIError(t *testing.T) {
	t.Parallel()
	srv, _, deps := jobsSetup(t)
	srv.Deny = map[string]string{"ListRestoreJobs": "User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: backup:ListRestoreJobs"}
	r, errOut, code := runJobsJSON(t, deps)
	if code != ExitDenied || r.Summary.Jobs != 8 || len(r.Unreadable) != 2 {
		t.Fatalf("exit %d, %d jobs, unreadable %v: %s", code, r.Summary.Jobs, r.Unreadable, errOut)
	}
	if r.Unreadable[0].Call != "backup:ListRestoreJobs" || !strings.Contains(r.Unreadable[0].Error, "AccessDenied") {
		t.Errorf("unreadable %+v", r.Unreadable[0])
	}
	if !strings.Contains(errOut, "could not read backup:ListRestoreJobs (state FAILED)") {
		t.Errorf("stderr %s", errOut)
	}
	out, _, _ := runCLIWith(t, deps, "", "jobs", "--lang", "en")
	golden(t, "jobs/restore-denied.en.txt", out)
	// Only restore jobs, refused: nothing proven, exit 3.
	_, errOut, code = runJobsJSON(t, deps, "--type", "restore")
	if code != ExitRuntime || !strings.Contains(errOut, "AWS Backup could not be read") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if strings.Contains(errOut, jobsSecret) {
		t.Error("secret printed")
	}
}

func TestJobsUsage(t *testing.T) {
	t.Parallel()
	_, _, deps := jobsSetup(t)
	for _, args := range [][]string{
		{"--since", "yesterday"},
		{"--since", "-1h"},
		{"--state", "BROKEN"},
		{"--state", ","},
		{"--type", "scan"},
		{"--format", "xml"},
		{"--lang", "fr"},
		{"extra"},
	} {
		_, errOut, code := runCLIWith(t, deps, "", append([]string{"jobs"}, args...)...)
		if code != ExitUsage || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// With no Region in the standard AWS configuration, jobs says so (exit 3).
// It sets the process environment the SDK reads, so it is not parallel.
func TestJobsNoRegion(t *testing.T) {
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": jobsSecret, "AWS_SESSION_TOKEN": "", "AWS_PROFILE": "",
		"AWS_REGION": "", "AWS_DEFAULT_REGION": "", "AWS_CONFIG_FILE": filepath.Join(t.TempDir(), "none"), "AWS_SHARED_CREDENTIALS_FILE": filepath.Join(t.TempDir(), "none"),
		"AWS_EC2_METADATA_DISABLED": "true",
	} {
		t.Setenv(k, v)
	}
	_, errOut, code := runCLIWith(t, jobsDeps, "", "jobs", "--lang", "en")
	if code != ExitRuntime || !strings.Contains(errOut, "no AWS Region") {
		t.Errorf("no region: exit %d, %s", code, errOut)
	}
}

// Two roles refused tag:GetResources: one cause, and a fix for each role
// (never the first role's fix for the second's jobs).
func TestJobsFixPerRole(t *testing.T) {
	t.Parallel()
	var list []jobs.Job
	for i, role := range []string{"RoleA", "RoleB", "RoleA"} {
		list = append(list, jobs.Job{Kind: jobs.KindBackup, ID: fmt.Sprint(i), State: "FAILED",
			Message: "IAM Role arn:aws:iam::111122223333:role/" + role + " is not authorized to call tag:GetResources"})
	}
	rep := jobs.Explain(context.Background(), list, jobs.Options{})
	if rep.Causes != 1 || rep.Groups[0].Count != 3 {
		t.Fatalf("%+v", rep)
	}
	var b strings.Builder
	if err := report.Write(&b, report.Text, &report.Jobs{Report: rep, Kinds: jobs.Kinds}, report.Options{Lang: i18n.EN}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"--role-name RoleA", "--role-name RoleB", "Fix 2 "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Fix 3 ") {
		t.Errorf("a fix repeated:\n%s", out)
	}
}

// jobsDeps has the clock of the jobs tests: 2026-12-02T06:00Z.
var jobsDeps = Deps{Now: func() time.Time { return time.Date(2026, 12, 2, 6, 0, 0, 0, time.UTC) }}

// Status messages that are permission, trust or key-access failures but
// not IAM sentences ("Unable to assume role", "Insufficient permissions to
// access S3 bucket", a KMS key pending deletion) are causes: exit 1, each
// naming the job's role or the key and the layer to fix; the expired job
// stays "not an authorization failure". Before, all four read "not an
// authorization failure" and the command exited 0.
func TestJobsPermissionFailures(t *testing.T) {
	t.Parallel()
	_, _, deps := jobsSetupFixture(t, "../../testdata/jobs/permission-failures.json")
	out, errOut, code := runCLIWith(t, deps, "", "jobs", "--lang", "en", "--state", "FAILED,EXPIRED")
	if code != ExitDenied {
		t.Fatalf("exit %d, want 1: %s\n%s", code, errOut, out)
	}
	for _, want := range []string{
		"3 failed for an authorization cause (3 causes), 1 for another reason",
		"AWS Backup cannot assume the job role [backup.job.role-cannot-be-assumed]",
		"The role NightlyBackupRole does not exist in this account, or its trust policy does not allow backup.amazonaws.com",
		"The job role cannot read the S3 bucket [backup.job.s3-insufficient-permissions]",
		"The job role arn:aws:iam::111122223333:role/NightlyBackupRole may not access the bucket arn:aws:s3:::app-data-bucket",
		"bucket policy",
		"The KMS key is disabled or pending deletion [backup.job.kms-key-state]",
		"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		"aws kms cancel-key-deletion --key-id <KEY_ID>",
		"Not an authorization failure",
	} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

// A message denied does not recognize is "not recognized", never "not an
// authorization failure", and with no cause found the command exits 4
// (could not check), not 0.
func TestJobsNotRecognized(t *testing.T) {
	t.Parallel()
	_, _, deps := jobsSetupFixture(t, "../../testdata/jobs/unrecognized.json")
	out, errOut, code := runCLIWith(t, deps, "", "jobs", "--lang", "en", "--state", "FAILED,EXPIRED")
	if code != ExitUnchecked {
		t.Fatalf("exit %d, want 4: %s\n%s", code, errOut, out)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"Status message not recognized: it may still be a permission failure", "1 of them have a status message that is not recognized", "Not an authorization failure"} {
		if !strings.Contains(flat, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "1 jobs have a status message that is not recognized") {
		t.Errorf("stderr %q", errOut)
	}
	r, _, code := runJobsJSON(t, deps, "--state", "FAILED,EXPIRED")
	if code != ExitUnchecked || len(r.Groups) != 2 || r.Groups[0].Rule != "not-recognized" || r.Groups[0].Authorization {
		t.Errorf("exit %d, groups %+v", code, r.Groups)
	}
}

// A cause about a KMS key's state (disabled, pending deletion) is the key,
// not the job role: the text and Markdown name the key the message names,
// or say it names none, and never "the cause names the jobs' role" (which
// they said of every key-state message, the job role standing in for a
// role the message had no reason to name).
func TestJobsKeyStateNamesTheKey(t *testing.T) {
	t.Parallel()
	_, _, deps := jobsSetupFixture(t, "../../testdata/jobs/key-state.json")
	const key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	for _, c := range []struct {
		lang, role, named, none string
	}{
		{"en", "the cause names the jobs' role", "The cause is the state of the key the message names, " + key + ", not a role's permissions.", "The message names no key: the cause is the state of the KMS key the jobs use"},
		{"ja", "原因にはジョブのロール", "原因はメッセージが示すキー " + key + " の状態", "メッセージにキーが含まれていません"},
		{"ko", "원인에는 작업의 역할", "원인은 메시지에 있는 키 " + key + "의 상태", "메시지에 키가 없습니다"},
	} {
		for _, format := range []string{"text", "markdown"} {
			out, errOut, code := runCLIWith(t, deps, "", "jobs", "--lang", c.lang, "--format", format)
			if code != ExitDenied {
				t.Fatalf("%s %s: exit %d, want 1: %s\n%s", c.lang, format, code, errOut, out)
			}
			flat := strings.Join(strings.Fields(out), " ")
			if strings.Contains(flat, c.role) {
				t.Errorf("%s %s: a key's state said to be the jobs' role:\n%s", c.lang, format, out)
			}
			for _, want := range []string{c.named, c.none} {
				if !strings.Contains(flat, want) {
					t.Errorf("%s %s: missing %q in\n%s", c.lang, format, want, out)
				}
			}
		}
	}
}
