package cli

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/smithy-go/middleware"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/awsnet"
	"github.com/deniedhq/denied/internal/testutil"
	"github.com/deniedhq/denied/jobs/awsjobs"
)

// runCLITimeout is runCLI that fails the test when denied does not end
// within d (a read that waits forever).
func runCLITimeout(t *testing.T, d time.Duration, stdin string, args ...string) (string, string, int) {
	t.Helper()
	type result struct {
		out, errOut string
		code        int
	}
	done := make(chan result, 1)
	go func() {
		out, errOut, code := runCLI(t, stdin, args...)
		done <- result{out, errOut, code}
	}()
	select {
	case r := <-done:
		return r.out, r.errOut, r.code
	case <-time.After(d):
		t.Fatalf("denied %s did not end within %v", strings.Join(args, " "), d)
		return "", "", 0
	}
}

// TestAuditOrgHostileFiles: in an organization snapshot, an account whose
// file is a FIFO, a link to /dev/zero, a loop of links or a directory is
// listed as unreadable with its file and what it is, at once, and the
// other accounts are audited. Before: the FIFO
// blocked audit forever (open waits for a writer), /dev/zero was read to
// the 512 MiB limit, and the errors did not name the file.
func TestAuditOrgHostileFiles(t *testing.T) {
	t.Parallel()
	dir := testutil.OrgDir(t, "999988887777", nil,
		testutil.OrgAccount{ID: "111122223333", Short: "../../testdata/org/111122223333.short.json"})
	x, err := account.ReadOrgIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string]string{ // account: what its file is, as the error says
		"200000000001": "not a regular file (a FIFO)",
		"200000000002": "not a regular file (a character device)",
		"200000000003": "too many levels of symbolic links",
		"200000000004": "not a regular file (a directory)",
		"200000000005": "no such file or directory",
	}
	mk := map[string]func(string) error{
		"200000000001": func(p string) error { return syscall.Mkfifo(p, 0o600) },
		"200000000002": func(p string) error { return os.Symlink("/dev/zero", p) },
		"200000000003": func(p string) error { return os.Symlink(filepath.Base(p), p) },
		"200000000004": func(p string) error { return os.Mkdir(p, 0o700) },
		"200000000005": func(p string) error { return nil },
	}
	for _, id := range []string{"200000000001", "200000000002", "200000000003", "200000000004", "200000000005"} {
		if err := mk[id](filepath.Join(dir, account.AccountFileName(id))); err != nil {
			t.Fatal(err)
		}
		x.Accounts = append(x.Accounts, account.OrgIndexAccount{ID: id, State: "ACTIVE", Status: account.AccountCollected, File: account.AccountFileName(id)})
		x.Organization.Accounts = append(x.Organization.Accounts, account.OrgAccount{ID: id, ParentID: "r-root"})
	}
	if err := account.WriteOrgIndex(dir, x); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLITimeout(t, 30*time.Second, "", "audit", "--snapshot", dir, "--format", "json")
	if code != ExitDenied { // 111122223333 has a denial: 1 takes precedence over 4
		t.Fatalf("exit %d, want %d: %s", code, ExitDenied, errOut)
	}
	var rep orgAuditReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Audited != 1 || rep.NotAudited != len(bad) {
		t.Errorf("audited %d, not audited %d; want 1 and %d", rep.Audited, rep.NotAudited, len(bad))
	}
	for _, a := range rep.PerAccount {
		want, ok := bad[a.Account]
		if !ok {
			continue
		}
		file := filepath.Join(dir, account.AccountFileName(a.Account))
		if a.Status != "unreadable" || !strings.Contains(a.Error, file+": ") || !strings.Contains(a.Error, want) {
			t.Errorf("account %s: %s %q; want unreadable, naming %s and %q", a.Account, a.Status, a.Error, file, want)
		}
	}
	// check of that account names the file too.
	_, errOut, code = runCLITimeout(t, 30*time.Second, "", "check", "backup", "--snapshot", dir, "--account", "200000000001")
	if code != ExitUsage || !strings.Contains(errOut, filepath.Join(dir, "200000000001.json")+": not a regular file (a FIFO)") {
		t.Errorf("check: exit %d, %q; want %d naming the FIFO", code, errOut, ExitUsage)
	}
}

// TestOrgIndexHostile: an organization index that is a link to /dev/zero
// is not taken for an organization snapshot; one of endless JSON-looking
// bytes is refused at the snapshot size limit; neither hangs nor holds
// more than the limit (before: os.ReadFile read it whole, unbounded).
func TestOrgIndexHostile(t *testing.T) {
	t.Setenv(account.MaxSizeEnv, "1")
	dir := t.TempDir()
	idx := filepath.Join(dir, account.OrgIndexFile)
	if err := os.WriteFile(idx, []byte(`{"schemaVersion":1,"accounts":[],"generator":"`+strings.Repeat("x", 2<<20)+`"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCLITimeout(t, 30*time.Second, "", "audit", "--snapshot", dir)
	if code != ExitUsage || !strings.Contains(errOut, idx+": snapshot larger than 1 MiB") {
		t.Errorf("index over the limit: exit %d, %q; want %d and the limit, naming the index", code, errOut, ExitUsage)
	}
	os.Remove(idx)
	if err := os.Symlink("/dev/zero", idx); err != nil {
		t.Fatal(err)
	}
	if account.IsOrgDir(dir) {
		t.Error("a directory whose index is /dev/zero is taken for an organization snapshot")
	}
	if _, err := account.ReadOrgIndex(dir); err == nil || !strings.Contains(err.Error(), idx+": not a regular file (a character device)") {
		t.Errorf("ReadOrgIndex: %v; want it to name the index, a character device", err)
	}
}

// runCLIEnv runs denied with stdin r and the environment vars.
func runCLIEnv(t *testing.T, vars map[string]string, r io.Reader, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: r, Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return vars[k] }, Deps: Deps{Now: testNow}}
	err := Run(context.Background(), env, args)
	if err != nil && err.Error() != "" {
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), ExitCode(err)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TestExplainInputLimit: explain's input, stdin or a file, over the limit
// (DENIED_EXPLAIN_MAX_MIB, 512 MiB by default) is refused with exit 2,
// naming the input and the limit, reading no more than the limit (a file
// by its size, unread). Before: read whole, without a limit: 3 GB of NUL
// bytes on stdin peaked at 4.2 GB, and /dev/zero ran out of memory.
func TestExplainInputLimit(t *testing.T) {
	t.Parallel()
	vars := map[string]string{MaxExplainInputEnv: "1"}
	msg := "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: backup:StartBackupJob on resource: arn:aws:backup:us-east-1:123456789012:backup-vault:v because no identity-based policy allows the backup:StartBackupJob action\n"
	big := io.MultiReader(strings.NewReader(msg), io.LimitReader(zeros{}, 8<<20))
	r := &countingReader{r: big}
	_, errOut, code := runCLIEnv(t, vars, r, "explain", "--no-decode", "-")
	if code != ExitUsage || !strings.Contains(errOut, "standard input is larger than 1 MiB (the limit; set DENIED_EXPLAIN_MAX_MIB") {
		t.Errorf("stdin: exit %d, %q; want %d and the limit", code, errOut, ExitUsage)
	}
	if r.n > 1<<20+1 {
		t.Errorf("stdin: %d bytes read, want the limit and one byte", r.n)
	}
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, []byte(msg+strings.Repeat("x", 2<<20)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = runCLIEnv(t, vars, strings.NewReader(""), "explain", "--no-decode", "--lang", "ja", path)
	if code != ExitUsage || !strings.Contains(errOut, path+" は 1 MiB (上限) を超えています") {
		t.Errorf("file: exit %d, %q; want %d and the limit in Japanese", code, errOut, ExitUsage)
	}
	// Within the limit: explained; a bad limit is a usage error.
	if out, errOut, code := runCLIEnv(t, vars, strings.NewReader(msg), "explain", "--no-decode", "-"); code != 0 || !strings.Contains(out, "backup:StartBackupJob") {
		t.Errorf("within the limit: exit %d, %s", code, errOut)
	}
	if _, errOut, code := runCLIEnv(t, map[string]string{MaxExplainInputEnv: "0"}, strings.NewReader(msg), "explain", "-"); code != ExitUsage || !strings.Contains(errOut, `DENIED_EXPLAIN_MAX_MIB="0": want a whole number of MiB`) {
		t.Errorf("limit 0: exit %d, %q", code, errOut)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestExplainJSONCutWarns: input that starts as JSON and never closes (a
// CloudTrail log or a list-backup-jobs answer cut short) is read as text,
// and stderr says so, with where the JSON starts and where the input
// ends. Before: nothing said so (a job answer cut in its status message
// was explained as action "backup:St", exit 0, silently).
func TestExplainJSONCutWarns(t *testing.T) {
	t.Parallel()
	jobs := `{"BackupJobs":[{"BackupJobId":"1","State":"FAILED","StatusMessage":"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: backup:StartBackupJob on resource: arn:aws:backup:us-east-1:123456789012:backup-vault:v because no identity-based policy allows the backup:StartBackupJob action"}]}`
	cut := "\n  " + jobs[:150]
	_, errOut, _ := runCLI(t, cut, "explain", "--no-decode", "-")
	want := fmt.Sprintf("denied explain: warning: standard input starts as JSON at 2:3 that does not close by its end (byte %d): the input looks cut", len(cut))
	if !strings.Contains(errOut, want) {
		t.Errorf("cut: stderr %q; want %q", errOut, want)
	}
	if out, errOut, code := runCLI(t, jobs, "explain", "--no-decode", "-"); code != 0 || errOut != "" || !strings.Contains(out, "backup:StartBackupJob") {
		t.Errorf("whole: exit %d, stderr %q", code, errOut)
	}
	// Deeply nested, but closed: no warning.
	deep := `{"Records":[{"errorCode":"AccessDenied","a":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}]}`
	if _, errOut, _ := runCLI(t, deep, "explain", "--no-decode", "-"); strings.Contains(errOut, "warning") {
		t.Errorf("nested: stderr %q", errOut)
	}
}

// TestExplainHostileText pins what explain does with hostile text (these
// passed before: the cases are here so that they keep passing): NUL
// bytes, invalid UTF-8, a 16 MB line (100 MB measured by hand: 1.1 s, 131
// MB), a 10 MB "encoded message", JSON nested 100,000 levels deep in a
// CloudTrail-looking blob or cut inside its nesting. Each ends in a few
// seconds with an explanation (exit 0) or the no-denial usage error (exit
// 2), never a panic.
func TestExplainHostileText(t *testing.T) {
	t.Parallel()
	msg := "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: backup:StartBackupJob on resource: arn:aws:backup:us-east-1:123456789012:backup-vault:v because no identity-based policy allows the backup:StartBackupJob action"
	enc := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0xfb, 0xef, 0xbe}, 2_500_000))
	for _, tc := range []struct {
		name, in string
		code     int
		want     string // in stdout (exit 0) or stderr
	}{
		{"NUL bytes", strings.Repeat("\x00", 1000) + msg + strings.Repeat("\x00\xff", 1000), 0, "backup:StartBackupJob"},
		{"invalid UTF-8", "\xff\xfe\xc3" + msg + "\xed\xa0\x80", 0, "backup:StartBackupJob"},
		{"a 16 MB line", strings.Repeat("x", 16<<20) + "\n" + msg, ExitUsage, "no access-denied message found"},
		{"a 16 MB line after the message", msg + " " + strings.Repeat("y", 16<<20), 0, "backup:StartBackupJob"},
		{"a 10 MB encoded message", "An error occurred (AccessDenied) when calling the StartBackupJob operation: You are not authorized to perform this operation. Encoded authorization failure message: " + enc, 0, "The message is encoded"},
		{"nesting 100,000 deep", `{"Records":[{"errorCode":"AccessDenied","errorMessage":"x","a":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}]}`, 0, "Access denied"},
		{"nesting 100,000 deep, cut", `{"Records":` + strings.Repeat("[", 100000), ExitUsage, "no access-denied message found"},
	} {
		start := time.Now()
		out, errOut, code := runCLI(t, tc.in, "explain", "--no-decode", "-")
		if code != tc.code || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tc.name, code, errOut, tc.code, tc.want)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: %v", tc.name, d)
		}
	}
}

// TestSimulateJSONLHostile: hostile lines of simulate --jsonl each get an
// error result at their place (line, line:column in the policy document,
// JSON pointer) and the stream goes on, exit 2 at the end: nesting
// 100,000 deep in a policy document and in a case, a number of 100,000
// digits (its error result was 100,199 bytes long, the number quoted
// whole: now elided to a few dozen characters), a duplicate key deep in a
// condition. The nesting and duplicate lines passed before.
func TestSimulateJSONLHostile(t *testing.T) {
	t.Parallel()
	req := `"request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"}`
	doc := func(cond string) string {
		return `{` + req + `,"identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":` + cond + `}]}}]}`
	}
	lines := []struct{ in, want, pointer string }{
		{doc(`{"StringEquals":{"aws:username":` + strings.Repeat("[", 100000) + `"a"` + strings.Repeat("]", 100000) + `}}`), `line 1: identity policy "p", 1:`, "/identityPolicies/0/document/Statement/0/Condition/StringEquals/aws:username/0"},
		{`{"request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","context":{"x":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}}}`, "line 2: invalid JSON at 1:", ""},
		{doc(`{"NumericLessThan":{"aws:MultiFactorAuthAge":` + strings.Repeat("9", 100000) + `}}`), `line 3: identity policy "p", 1:127: NumericLessThan: "` + strings.Repeat("9", 40) + `"…"` + strings.Repeat("9", 20) + `" is not a number`, "/identityPolicies/0/document/Statement/0/Condition/NumericLessThan/aws:MultiFactorAuthAge"},
		{doc(`{"StringEquals":{"aws:username":"a","aws:username":"b"}}`), `line 4: identity policy "p", 1:`, "/identityPolicies/0/document/Statement/0/Condition/StringEquals/aws:username"},
		{doc(`{"StringEquals":{"aws:username":"a"}}`), "", ""},
	}
	var in strings.Builder
	for _, l := range lines {
		in.WriteString(l.in + "\n")
	}
	out, errOut, code := runCLI(t, in.String(), "simulate", "--jsonl")
	if code != ExitUsage {
		t.Fatalf("exit %d, want %d: %s", code, ExitUsage, errOut)
	}
	results := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(results) != len(lines) {
		t.Fatalf("%d results, want %d", len(results), len(lines))
	}
	for i, l := range lines {
		var r struct {
			Decision string
			Error    *struct{ Message, Path string }
		}
		if err := json.Unmarshal([]byte(results[i]), &r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if l.want == "" {
			if r.Error != nil || r.Decision != "Allowed" { // aws:username is the user's name

				t.Errorf("line %d: %s; want evaluated", i+1, results[i])
			}
			continue
		}
		if r.Error == nil || !strings.HasPrefix(r.Error.Message, l.want) || r.Error.Path != l.pointer {
			t.Errorf("line %d: %.300s; want %q at %q", i+1, results[i], l.want, l.pointer)
		}
		if len(results[i]) > 1000 {
			t.Errorf("line %d: error result of %d bytes, want it short", i+1, len(results[i]))
		}
	}
}

// TestJobsHostileAnswers: AWS Backup answers that are cut, of the wrong
// types or never end are each a read error naming the call and the state,
// and the other calls go on: the job of the good answer is explained
// (exit 1). Before: an answer that never ends was read without bound (the
// test process was killed at 23 GB after 150 s; jobs' client had no call
// timeout either); now awsnet.LimitBody (awsnet.MaxBody, 256 MiB; 1 MiB
// here) fails that call.
func TestJobsHostileAnswers(t *testing.T) {
	t.Parallel()
	good := `{"BackupJobs":[{"BackupJobId":"j1","State":"FAILED","AccountId":"111122223333","ResourceArn":"arn:aws:ec2:us-east-1:111122223333:volume/vol-1","StatusMessage":"User: arn:aws:iam::111122223333:user/alice is not authorized to perform: backup:StartBackupJob on resource: arn:aws:backup:us-east-1:111122223333:backup-vault:v because no identity-based policy allows the backup:StartBackupJob action"}]}`
	answers := map[string]func(w http.ResponseWriter){
		"FAILED":  func(w http.ResponseWriter) { io.WriteString(w, good) },
		"ABORTED": func(w http.ResponseWriter) { io.WriteString(w, good[:60]) },                                          // cut
		"PARTIAL": func(w http.ResponseWriter) { io.WriteString(w, `{"BackupJobs":[{"BackupJobId":7,"State":["x"]}]}`) }, // wrong types
		"EXPIRED": func(w http.ResponseWriter) { // never ends
			io.WriteString(w, `{"BackupJobs":[{"BackupJobId":"j2","StatusMessage":"`)
			io.Copy(w, &repeat{b: 'a'})
		},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if f, ok := answers[r.URL.Query().Get("state")]; ok && strings.HasPrefix(r.URL.Path, "/backup-jobs") {
			f(w)
			return
		}
		io.WriteString(w, `{}`)
	}))
	t.Cleanup(srv.Close)
	deps := jobsDeps
	deps.JobsClient = func(_ context.Context, _, region string, _ time.Duration) (awsjobs.API, error) {
		return backup.New(backup.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
			Credentials: credentials.NewStaticCredentialsProvider("AKIDJOBSTEST", "s", ""), RetryMaxAttempts: 1,
			APIOptions: []func(*middleware.Stack) error{awsnet.LimitBody(1 << 20)}}), nil
	}
	out, errOut, code := runCLIWith(t, deps, "", "jobs", "--no-decode", "--type", "backup", "--format", "json", "--state", "FAILED,ABORTED,PARTIAL,EXPIRED")
	if code != ExitDenied {
		t.Fatalf("exit %d, want %d: %s", code, ExitDenied, errOut)
	}
	for _, want := range []string{
		"could not read backup:ListBackupJobs (state ABORTED): operation error Backup: ListBackupJobs, https response error StatusCode: 200, RequestID: , deserialization failed, unterminated string",
		"could not read backup:ListBackupJobs (state PARTIAL): operation error Backup: ListBackupJobs, https response error StatusCode: 200, RequestID: , deserialization failed, expected string, got 7",
		"could not read backup:ListBackupJobs (state EXPIRED): ", "answer larger than 1 MiB (denied's limit of one AWS answer)",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, `"jobId": "j1"`) {
		t.Errorf("the good answer's job is not in the report:\n%.2000s", out)
	}
}

type repeat struct{ b byte }

func (r *repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.b
	}
	return len(p), nil
}

// TestJobsHangingEndpoint: an AWS Backup endpoint that never answers does
// not hang jobs: --timeout ends the reading (the calls cut are read
// errors, stderr says the timeout passed, exit 3: nothing was read), and
// --call-timeout reaches the Backup client, which bounds each attempt with
// it. Before: jobs took neither (the Backup client was the SDK's, without
// a timeout; --timeout and --call-timeout bound only --live): it waited
// for ever.
func TestJobsHangingEndpoint(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(func() { close(release); srv.Close() })
	var gotCall time.Duration
	deps := jobsDeps
	deps.JobsClient = func(_ context.Context, _, region string, call time.Duration) (awsjobs.API, error) {
		gotCall = call
		return backup.New(backup.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
			Credentials: credentials.NewStaticCredentialsProvider("AKIDJOBSTEST", "s", ""), RetryMaxAttempts: 1}), nil
	}
	start := time.Now()
	_, errOut, code := runCLITimeoutWith(t, 30*time.Second, deps, "jobs", "--no-decode", "--type", "backup", "--state", "FAILED", "--timeout", "500ms", "--call-timeout", "7s")
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("jobs took %v with --timeout 500ms", d)
	}
	if code != ExitRuntime || !strings.Contains(errOut, "the --timeout of 500ms passed while the jobs were read") || !strings.Contains(errOut, "could not read backup:ListBackupJobs (state FAILED)") {
		t.Errorf("exit %d, %q; want %d, the timeout and the call not read", code, errOut, ExitRuntime)
	}
	if gotCall != 7*time.Second {
		t.Errorf("the Backup client got call timeout %v, want the flag's 7s", gotCall)
	}
}

// runCLITimeoutWith is runCLIWith that fails the test when denied does not
// end within d.
func runCLITimeoutWith(t *testing.T, d time.Duration, deps Deps, args ...string) (string, string, int) {
	t.Helper()
	type result struct {
		out, errOut string
		code        int
	}
	done := make(chan result, 1)
	go func() {
		out, errOut, code := runCLIWith(t, deps, "", args...)
		done <- result{out, errOut, code}
	}()
	select {
	case r := <-done:
		return r.out, r.errOut, r.code
	case <-time.After(d):
		t.Fatalf("denied %s did not end within %v", strings.Join(args, " "), d)
		return "", "", 0
	}
}
