package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	backuptypes "github.com/aws/aws-sdk-go-v2/service/backup/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/internal/collect"
)

// audit --live reads the account as collect does and audits it: a
// moto_server account with a vault and a backup plan. moto does not answer
// every AWS Backup call the collector makes (ListBackupSelections,
// ListRecoveryPointsByBackupVault): each call it could not read must show
// as a could-not-check item naming it (exit 4), never as a success.
func TestAuditLive(t *testing.T) {
	t.Parallel()
	url, creds, deps := liveMoto(t)
	ctx := context.Background()
	client := iam.New(iam.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds})
	if _, err := client.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("LiveRestoreRole"),
		AssumeRolePolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)}); err != nil {
		t.Fatal(err)
	}
	bk := backup.New(backup.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds})
	if _, err := bk.CreateBackupVault(ctx, &backup.CreateBackupVaultInput{BackupVaultName: aws.String("LiveVault")}); err != nil {
		t.Fatal(err)
	}
	if _, err := bk.CreateBackupPlan(ctx, &backup.CreateBackupPlanInput{BackupPlan: &backuptypes.BackupPlanInput{BackupPlanName: aws.String("live"),
		Rules: []backuptypes.BackupRuleInput{{RuleName: aws.String("daily"), TargetBackupVaultName: aws.String("LiveVault")}}}}); err != nil {
		t.Fatal(err)
	}
	// Two attempts, not the collector's ten: moto's 500s are not transient.
	live := deps.CollectClients
	deps.CollectClients = func(ctx context.Context, o collect.SDKOptions) (*collect.Clients, error) {
		o.MaxAttempts = 2
		return live(ctx, o)
	}
	stdout, stderr, code := runCLIWith(t, deps, "", "audit", "--live", "--format", "json")
	var rep struct {
		Summary audit.Summary
		Items   []struct {
			Kind, ARN string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("exit %d: %v\n%s", code, err, stderr)
	}
	unread := map[string]bool{}
	for _, l := range strings.Split(stderr, "\n") {
		if f := strings.Fields(l); len(f) > 3 && strings.HasPrefix(l, "could not read ") {
			unread[f[3]] = true
		}
	}
	items := map[string]bool{}
	for _, it := range rep.Items {
		if it.Kind == audit.KindSnapshot {
			items[it.ARN] = true
		}
	}
	for call := range unread {
		if strings.HasPrefix(call, "backup:List") && !items[call] {
			t.Errorf("%s could not be read, and no item says so: %+v", call, rep.Items)
		}
	}
	wantCode := ExitOK
	if rep.Summary.Unchecked > 0 {
		wantCode = ExitUnchecked
	}
	if rep.Summary.Failed > 0 {
		wantCode = ExitDenied
	}
	if code != wantCode || (len(unread) > 0 && rep.Summary.Unchecked == 0) {
		t.Errorf("exit %d, summary %+v, unreadable %v", code, rep.Summary, unread)
	}
	t.Logf("exit %d, summary %+v, unreadable %v", code, rep.Summary, unread)
	if strings.Contains(stdout+stderr, "test-secret-never-printed") {
		t.Error("the secret key was printed")
	}
	for _, args := range [][]string{{"audit", "--live", "--snapshot", auditFailing}, {"audit", "--profile", "p", "--snapshot", auditFailing}} {
		if _, _, code := runCLI(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
