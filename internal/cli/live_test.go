package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/deniedhq/denied/internal/testutil"
)

// liveMoto starts a moto_server and returns its URL, the static test
// credentials for seeding it through the SDK, and Deps whose AWS clients
// read it (us-east-1); the process environment is not touched.
func liveMoto(t *testing.T) (string, aws.CredentialsProvider, Deps) {
	t.Helper()
	url := testutil.StartMoto(t)
	creds := credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret-never-printed", "")
	return url, creds, testAWS(url, creds, 0)
}

// Without --snapshot, check reads the account live (read-only, as collect
// does) and checks against it: here a moto_server account whose user has
// no permissions at all, so creating a vault would be refused.
func TestCheckLive(t *testing.T) {
	t.Parallel()
	url, creds, deps := liveMoto(t)
	client := iam.New(iam.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds})
	out, err := client.CreateUser(context.Background(), &iam.CreateUserInput{UserName: aws.String("live-operator")})
	if err != nil {
		t.Fatal(err)
	}
	user := aws.ToString(out.User.Arn)
	stdout, stderr, code := runCLIWith(t, deps, "", "check", "create-vault", "--live", "--vault", "LiveVault", "--as", user, "--format", "json")
	if code != ExitDenied {
		t.Fatalf("exit %d, want %d (the user has no permissions)\n%s\n%s", code, ExitDenied, stdout, stderr)
	}
	if !strings.Contains(stdout, `"backup:CreateBackupVault"`) || !strings.Contains(stdout, user) || !strings.Contains(stdout, "no identity-based policy allows the backup:CreateBackupVault action") {
		t.Errorf("the report does not show the user's refused backup:CreateBackupVault:\n%s", stdout)
	}
	if strings.Contains(stdout+stderr, "test-secret-never-printed") {
		t.Error("the secret key was printed")
	}
}
