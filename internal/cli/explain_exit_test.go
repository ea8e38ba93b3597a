package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
)

// explain --snapshot exits as check does on the re-evaluation: 1 when the
// snapshot's policies deny a message's request, 4 when a re-evaluation
// could not decide (an unknown principal or vault, a bucket policy no
// snapshot holds, a message naming no request to evaluate), 0 when they
// allow every one; 1 takes precedence over 4. Without --snapshot, every
// message explained is exit 0. Before, explain --snapshot exited 0 in
// every case: success that nothing proved.
func TestExplainSnapshotExitCode(t *testing.T) {
	t.Parallel()
	restore := filepath.Join("..", "..", "testdata", "check", "restore.json")
	vault := filepath.Join("..", "..", "testdata", "check", "create-vault.json")
	unheld := filepath.Join("..", "..", "testdata", "explain", "unheld-policies.json")
	passRole := func(role string) string {
		return "User: arn:aws:sts::111122223333:assumed-role/" + role + "/AWSBackup-" + role + " is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/AppRole because no identity-based policy allows the iam:PassRole action"
	}
	createVault := func(user, vault string) string {
		return "User: arn:aws:iam::111122223333:user/" + user + " is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:eu-west-1:111122223333:backup-vault:" + vault + " because no identity-based policy allows the backup:CreateBackupVault action"
	}
	getObject := func(user string) string {
		return "User: arn:aws:iam::111122223333:user/" + user + ` is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::my-bucket/key.txt" because no resource-based policy allows the s3:GetObject action`
	}
	const noRequest = "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied"
	for _, tt := range []struct {
		name, snap string
		msgs       []string
		want       int
	}{
		{"denied at the identity layer", restore, []string{passRole("CustomRestoreRole")}, ExitDenied},
		{"denied by the boundary", restore, []string{passRole("BoundedRestoreRole")}, ExitDenied},
		{"allowed by the snapshot", restore, []string{passRole("ManagedRestoreRole")}, ExitOK},
		{"unknown role", restore, []string{passRole("NoSuchRole")}, ExitUnchecked},
		{"unknown principal", vault, []string{createVault("ghost", "nosuch")}, ExitUnchecked},
		{"unknown vault", vault, []string{createVault("vaultadmin", "nosuch")}, ExitUnchecked},
		{"bucket policy may deny", unheld, []string{getObject("reader")}, ExitUnchecked},
		{"bucket policy may allow", unheld, []string{getObject("nobody")}, ExitUnchecked},
		{"explicit deny stands", unheld, []string{getObject("denier")}, ExitDenied},
		{"no request to evaluate", restore, []string{noRequest}, ExitUnchecked},
		{"denied and unknown", restore, []string{passRole("NoSuchRole"), passRole("CustomRestoreRole")}, ExitDenied},
		{"allowed and unknown", restore, []string{passRole("ManagedRestoreRole"), passRole("NoSuchRole")}, ExitUnchecked},
	} {
		input := strings.Join(tt.msgs, "\n") + "\n"
		for _, format := range []string{"text", "json", "markdown"} {
			out, errOut, code := runCLI(t, input, "explain", "--no-decode", "--format", format, "--snapshot", tt.snap, "-")
			if code != tt.want {
				t.Errorf("%s (%s): exit %d, want %d: %s\n%s", tt.name, format, code, tt.want, errOut, out)
			}
			if out == "" {
				t.Errorf("%s (%s): no report", tt.name, format)
			}
			if tt.want == ExitUnchecked && !strings.Contains(errOut, "could not be checked against the snapshot") {
				t.Errorf("%s (%s): stderr %q says nothing of what could not be checked", tt.name, format, errOut)
			}
			if tt.want != ExitUnchecked && errOut != "" {
				t.Errorf("%s (%s): stderr %q", tt.name, format, errOut)
			}
		}
		// Without a snapshot nothing is re-evaluated: explained, exit 0.
		if _, errOut, code := runCLI(t, input, "explain", "--no-decode", "-"); code != ExitOK {
			t.Errorf("%s without --snapshot: exit %d, want 0: %s", tt.name, code, errOut)
		}
	}
	// The count, singular or plural, in the report's language.
	for lang, want := range map[string]string{
		"en": "2 messages could not be checked against the snapshot",
		"ja": "スナップショットに対してチェックできなかったメッセージが 2 件あります",
		"ko": "스냅샷 기준으로 점검할 수 없었던 메시지가 2개 있습니다",
	} {
		_, errOut, code := runCLI(t, passRole("NoSuchRole")+"\n"+passRole("OtherRole")+"\n", "explain", "--no-decode", "--lang", lang, "--snapshot", restore, "-")
		if code != ExitUnchecked || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, stderr %q, want 4 and %q", lang, code, errOut, want)
		}
	}
	if _, errOut, _ := runCLI(t, "", "explain", "--no-decode", "--snapshot", restore, passRole("NoSuchRole")); !strings.Contains(errOut, "1 message could not be checked against the snapshot: nothing proves whether its policies deny its request") {
		t.Errorf("one message: stderr %q", errOut)
	}
}

// explain --live exits as explain --snapshot: the account read live (a
// moto_server) denies the request of a user without permissions (1), and
// cannot decide that of a user it does not hold (4).
func TestExplainLiveExitCode(t *testing.T) {
	t.Parallel()
	url, creds, deps := liveMoto(t)
	client := iam.New(iam.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds})
	out, err := client.CreateUser(context.Background(), &iam.CreateUserInput{UserName: aws.String("live-operator")})
	if err != nil {
		t.Fatal(err)
	}
	user := aws.ToString(out.User.Arn)
	acct := strings.Split(user, ":")[4]
	msg := func(principal string) string {
		return "User: " + principal + " is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action"
	}
	for principal, want := range map[string]int{
		user:                                   ExitDenied,
		"arn:aws:iam::" + acct + ":user/ghost": ExitUnchecked,
	} {
		stdout, stderr, code := runCLIWith(t, deps, "", "explain", "--no-decode", "--live", msg(principal))
		if code != want {
			t.Errorf("%s: exit %d, want %d\n%s\n%s", principal, code, want, stdout, stderr)
		}
	}
}
