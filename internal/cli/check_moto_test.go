package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/testutil"
	"github.com/deniedhq/denied/preflight"
)

// awsCLI runs the aws CLI against moto_server.
func awsCLI(t *testing.T, endpoint string, args ...string) {
	t.Helper()
	cmd := exec.Command("aws", append([]string{"--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json"}, args...)...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=testing", "AWS_SECRET_ACCESS_KEY=testing", "AWS_CONFIG_FILE=/nonexistent/config",
		"AWS_SHARED_CREDENTIALS_FILE=/nonexistent/credentials", "AWS_PAGER=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("aws %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// The seed scenario (a restore role without iam:PassRole on the instance
// profile's role, AWS Backup docs "Troubleshooting" / seeds 000-003) as a
// what-if: an account built in moto_server with the aws CLI, collected
// with denied collect, and checked without any recovery point.
func TestCheckSeedWhatIfOnMoto(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("aws"); err != nil {
		t.Skip("aws CLI not installed")
	}
	moto := testutil.StartMoto(t)
	const (
		acct        = "arn:aws:iam::123456789012:"
		backupTrust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
		ec2Trust    = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
		ec2Restore  = `{"Version":"2012-10-17","Statement":[{"Sid":"EC2Restore","Effect":"Allow","Action":["ec2:RunInstances","ec2:TerminateInstances","ec2:CreateTags"],"Resource":"*"}]}`
		withPass    = `{"Version":"2012-10-17","Statement":[{"Sid":"EC2Restore","Effect":"Allow","Action":["ec2:RunInstances","ec2:TerminateInstances","ec2:CreateTags","iam:PassRole"],"Resource":"*"}]}`
		boundary    = `{"Version":"2012-10-17","Statement":[{"Sid":"OnlyEC2","Effect":"Allow","Action":["ec2:*","backup:*"],"Resource":"*"}]}`
		operator    = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"backup:StartRestoreJob","Resource":"*"},{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/*RestoreRole","Condition":{"StringEquals":{"iam:PassedToService":"backup.amazonaws.com"}}}]}`
		instRole    = "AmazonSSMRoleForInstancesQuickSetup"
	)
	for _, args := range [][]string{
		{"iam", "create-role", "--role-name", "CustomRestoreRole", "--assume-role-policy-document", backupTrust},
		{"iam", "put-role-policy", "--role-name", "CustomRestoreRole", "--policy-name", "restore-ec2", "--policy-document", ec2Restore},
		{"iam", "create-policy", "--policy-name", "RestoreBoundary", "--policy-document", boundary},
		{"iam", "create-role", "--role-name", "BoundedRestoreRole", "--assume-role-policy-document", backupTrust,
			"--permissions-boundary", "arn:aws:iam::123456789012:policy/RestoreBoundary"},
		{"iam", "put-role-policy", "--role-name", "BoundedRestoreRole", "--policy-name", "restore-ec2", "--policy-document", withPass},
		{"iam", "create-role", "--role-name", instRole, "--assume-role-policy-document", ec2Trust},
		{"iam", "create-instance-profile", "--instance-profile-name", instRole},
		{"iam", "add-role-to-instance-profile", "--instance-profile-name", instRole, "--role-name", instRole},
		{"iam", "create-user", "--user-name", "operator"},
		{"iam", "put-user-policy", "--user-name", "operator", "--policy-name", "restore", "--policy-document", operator},
		{"backup", "create-backup-vault", "--backup-vault-name", "Default"},
	} {
		awsCLI(t, moto, args...)
	}
	// moto_server lacks GetBackupVaultAccessPolicy: answer it as AWS does
	// for a vault without a policy (REST-JSON ResourceNotFoundException).
	target, _ := url.Parse(moto)
	proxy := httputil.NewSingleHostReverseProxy(target)
	stub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && strings.HasSuffix(strings.TrimSuffix(r.URL.Path, "/"), "/access-policy") {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("X-Amzn-Errortype", "ResourceNotFoundException")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"Message":"Backup vault Default has no access policy"}`))
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(stub.Close)
	snap := filepath.Join(t.TempDir(), "snap.json")
	var stdout, stderr bytes.Buffer
	env := &Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }, Deps: testAWS(stub.URL, testCreds, 1)}
	if err := Run(context.Background(), env, []string{"collect", "-o", snap, "--regions", "us-east-1", "--lang", "en"}); err != nil {
		t.Fatalf("collect: %v\n%s", err, stderr.String())
	}
	base := []string{"check", "restore", "--snapshot", snap, "--resource-type", "ec2", "--vault", "Default", "--as", acct + "user/operator", "--format", "json"}
	for _, tt := range []struct {
		name  string
		args  []string
		code  int
		layer string // the layer that denies iam:PassRole of the instance role
	}{
		{name: "no PassRole", code: ExitDenied, layer: "identity",
			args: []string{"--role", acct + "role/CustomRestoreRole", "--instance-profile", instRole}},
		{name: "no instance role", code: ExitOK,
			args: []string{"--role", acct + "role/CustomRestoreRole", "--instance-role", "none"}},
		{name: "boundary withholds PassRole", code: ExitDenied, layer: "permissionsBoundary",
			args: []string{"--role", acct + "role/BoundedRestoreRole", "--instance-profile", instRole}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", append(base, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s\n%s", code, tt.code, errOut, out)
			}
			var rep struct {
				Status     preflight.Status  `json:"status"`
				Parameters map[string]string `json:"parameters"`
				Results    []struct {
					preflight.Result
					Plan json.RawMessage `json:"fix"`
				} `json:"results"`
				Causes []preflight.Cause `json:"causes"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Parameters["recoveryPoint"] == "" || !strings.Contains(rep.Parameters["recoveryPoint"], ":recovery-point:") {
				t.Errorf("no representative recovery point: %v", rep.Parameters)
			}
			var passRole *preflight.Result
			for i, r := range rep.Results {
				if r.Action == "iam:PassRole" && r.Principal == "jobRole" {
					passRole = &rep.Results[i].Result
				}
				if tt.layer == "" && r.Status() != preflight.StatusAllowed && r.Status() != preflight.StatusNotApplicable {
					t.Errorf("%s %s: %s", r.Action, r.Resource, r.Verdict)
				}
			}
			if tt.layer == "" {
				if passRole != nil || rep.Status != preflight.StatusAllowed {
					t.Errorf("status %s (causes %v), instance role PassRole %+v", rep.Status, rep.Causes, passRole)
				}
				return
			}
			if passRole == nil || passRole.Resource != acct+"role/"+instRole || !passRole.Denied() || passRole.Layer != tt.layer {
				t.Fatalf("iam:PassRole of the instance role: %+v", passRole)
			}
			if !strings.Contains(passRole.Message, "iam:PassRole on resource: "+acct+"role/"+instRole) {
				t.Errorf("message %q does not name the instance role", passRole.Message)
			}
			if tt.layer == "permissionsBoundary" {
				var named bool
				for _, d := range passRole.Deciding {
					named = named || strings.Contains(d.Policy, "RestoreBoundary")
				}
				if !named && !strings.Contains(passRole.Message, "permissions boundary") {
					t.Errorf("the boundary is not named: %+v %q", passRole.Deciding, passRole.Message)
				}
				text, _, _ := runCLI(t, "", append(append(base[:len(base)-2:len(base)-2], tt.args...), "--lang", "en")...)
				if !strings.Contains(text, "permissions boundary") {
					t.Errorf("text does not name the boundary:\n%s", text)
				}
			}
		})
	}
}
