package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/testutil"
)

func TestCollectOrgCommand(t *testing.T) {
	t.Parallel()
	moto := testutil.StartMoto(t)
	org := testutil.SeedOrg(t, moto, testutil.SeedOrgOptions{Members: 3, RoleName: "DeniedReadOnly", NoRole: []int{1}})
	gate := testutil.StartOrgGate(t, moto)
	deps := testAWS(gate.URL, testCreds, 1)
	dir := filepath.Join(t.TempDir(), "org")
	run := func(args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		env := &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }, Deps: deps}
		err := Run(context.Background(), env, append([]string{"collect", "--org", "-o", dir, "--role-name", "DeniedReadOnly", "--lang", "en"}, args...))
		if stdout.Len() != 0 {
			t.Errorf("stdout: %s", stdout.String())
		}
		return stderr.String(), err
	}
	stderr, err := run("--account-concurrency", "2")
	if ExitCode(err) != ExitRuntime || !strings.Contains(err.Error(), "1 accounts could not be collected; "+filepath.Join(dir, "organization.json")) {
		t.Fatalf("err %v (exit %d)\n%s", err, ExitCode(err), stderr)
	}
	missing := org.WithoutRole[0]
	for _, want := range []string{
		"account " + missing + " (member-1): failed: sts:AssumeRole arn:aws:iam::" + missing + ":role/DeniedReadOnly: AccessDenied: ",
		"account " + org.Members[0] + " (member-0): collected, ",
		"account " + org.ManagementID + " (master): collected, 0 calls failed",
		"organization snapshot written to " + dir + ": 3 of 4 accounts collected, 1 failed, 0 skipped",
		"could not read backup:DescribeGlobalSettings in us-east-1: ",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "testing") {
		t.Error("stderr shows the credentials")
	}
	o, err := account.OpenOrg(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for m, err := range o.Accounts() {
		if err != nil {
			t.Error(err)
		}
		if m.Snapshot != nil {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d snapshots read back, want 3", n)
	}

	// The rerun skips what is done and tries the failed account again.
	stderr, err = run()
	if ExitCode(err) != ExitRuntime {
		t.Fatalf("rerun: %v\n%s", err, stderr)
	}
	for _, want := range []string{
		"account " + org.Members[0] + " (member-0): already collected, skipped (--refresh collects it again)",
		"account " + missing + " (member-1): failed: ",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("rerun: stderr lacks %q:\n%s", want, stderr)
		}
	}
	// An account outside the organization is a usage error, before any
	// account is collected.
	before := gate.AssumedTotal()
	if _, err := run("--accounts", "999999999999"); ExitCode(err) != ExitUsage || !strings.Contains(err.Error(), "--accounts 999999999999: not among the accounts") {
		t.Errorf("--accounts outside: %v", err)
	}
	if gate.AssumedTotal() != before {
		t.Error("roles were assumed")
	}
	stderr, _ = run("--refresh")
	if strings.Contains(stderr, "already collected") || !strings.Contains(stderr, "account "+org.Members[0]+" (member-0): collected") {
		t.Errorf("--refresh:\n%s", stderr)
	}
}

func TestCollectOrgUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "f.json")
	if err := os.WriteFile(file, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no dir", []string{"--org"}, "give it with -o DIR"},
		{"stdout", []string{"--org", "-o", "-"}, "give it with -o DIR"},
		{"a file", []string{"--org", "-o", file}, "is a file; collect --org writes a directory"},
		{"missing parent", []string{"--org", "-o", filepath.Join(dir, "no", "org")}, "does not exist"},
		{"role without org", []string{"--role-name", "R"}, "--role-name applies to collect --org only"},
		{"refresh without org", []string{"--refresh"}, "--refresh applies to collect --org only"},
		{"bad role", []string{"--org", "-o", dir, "--role-name", "a b"}, `--role-name "a b" is not an IAM role name`},
		{"bad account", []string{"--org", "-o", dir, "--accounts", "12345"}, `--accounts: "12345" is not a 12-digit account id`},
		{"bad ou", []string{"--org", "-o", dir, "--ou", "prod"}, `--ou: "prod" is not an OU id`},
		{"ou without org", []string{"--ou", "ou-ab12-cdef3456"}, "--ou applies to collect --org only"},
		{"account concurrency", []string{"--org", "-o", dir, "--account-concurrency", "0"}, "--account-concurrency must be at least 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			env := &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
			err := Run(context.Background(), env, append([]string{"collect", "--lang", "en"}, tc.args...))
			if ExitCode(err) != ExitUsage || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v (exit %d), want usage error with %q", err, ExitCode(err), tc.want)
			}
		})
	}
}
