package diagnose

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
)

// formInput returns the input of the forms.json entry name.
func formInput(t *testing.T, name string) string {
	t.Helper()
	var forms []struct {
		Name      string `json:"name"`
		Input     string `json:"input"`
		InputFile string `json:"inputFile"`
	}
	b, err := os.ReadFile("../testdata/messages/forms.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &forms); err != nil {
		t.Fatal(err)
	}
	for _, f := range forms {
		if f.Name == name {
			if f.InputFile != "" {
				return fixture(t, f.InputFile)
			}
			return f.Input
		}
	}
	t.Fatalf("no form %q", name)
	return ""
}

func realMessage(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/fix/messages/" + file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// corpusMessage returns the text of the message id of
// testdata/messages/real (corpus.jsonl and the later batches' files).
func corpusMessage(t *testing.T, id string) string {
	t.Helper()
	files, err := filepath.Glob("../testdata/messages/real/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	var all []byte
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	for _, line := range strings.Split(string(all), "\n") {
		var m struct{ ID, Text string }
		if json.Unmarshal([]byte(line), &m) == nil && m.ID == id {
			return m.Text
		}
	}
	t.Fatalf("no message %q in the real corpus", id)
	return ""
}

func findingOf(t *testing.T, fs []Finding, rule string) Finding {
	t.Helper()
	for _, f := range fs {
		if f.Rule == rule {
			return f
		}
	}
	t.Fatalf("rules %v, want %s", rules0(fs), rule)
	return Finding{}
}

func cli(f fix.Fix) string { return strings.Join(f.Render.CLI, "\n") }

// Each fix of issue 9's first section, on the public message that shows
// it (sources: testdata/messages/README.md and
// testdata/fix/messages/sources.json).
func TestFixBullets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, input, rule string
		check             func(t *testing.T, f Finding)
	}{
		// An explicit deny is fixed in the layer that denied, never in an SCP.
		{"identity explicit", formInput(t, "iam-guide-identity-explicit"), "iam.identity-explicit", func(t *testing.T, f Finding) {
			fx := f.Plan.Fixes[0]
			if fx.Target.Kind != fix.TargetIdentityPolicy || !strings.Contains(cli(fx), "aws iam list-attached-user-policies --user-name JohnDoe") ||
				!strings.Contains(cli(fx), "aws iam put-user-policy --user-name JohnDoe --policy-name <policy-name>") || strings.Contains(cli(fx), "organizations") {
				t.Errorf("%s on %+v:\n%s", fx.ID, fx.Target, cli(fx))
			}
		}},
		{"identity explicit, managed policy named", formInput(t, "cli-word-resource-policy-arn"), "iam.identity-explicit", func(t *testing.T, f Finding) {
			fx := f.Plan.Fixes[0]
			if fx.Target.Kind != fix.TargetManagedPolicy || !strings.Contains(cli(fx), "aws iam create-policy-version --policy-arn "+fx.Target.ARN) {
				t.Errorf("%s on %+v:\n%s", fx.ID, fx.Target, cli(fx))
			}
		}},
		{"boundary explicit", formInput(t, "iam-guide-boundary-explicit"), "iam.permissionsBoundary-explicit", func(t *testing.T, f Finding) {
			fx := f.Plan.Fixes[0]
			if fx.Target.Kind != fix.TargetBoundary || !strings.Contains(cli(fx), "aws iam create-policy-version --policy-arn") || !strings.Contains(cli(fx), ".PermissionsBoundary.PermissionsBoundaryArn") {
				t.Errorf("%s on %+v:\n%s", fx.ID, fx.Target, cli(fx))
			}
		}},
		{"vault policy explicit", formInput(t, "vault-policy-explicit-deny-session"), "backup.vault-policy-deny", func(t *testing.T, f Finding) {
			fx := f.Plan.Fixes[0]
			if fx.Target.Kind != fix.TargetVaultPolicy || !strings.Contains(cli(fx), "aws backup put-backup-vault-access-policy --backup-vault-name aws/efs/automatic-backup-vault") {
				t.Errorf("%s on %+v:\n%s", fx.ID, fx.Target, cli(fx))
			}
		}},
		{"session explicit", formInput(t, "iam-guide-sessions-explicit"), "iam.session-explicit", func(t *testing.T, f Finding) {
			if fx := f.Plan.Fixes[0]; fx.Target.Kind != fix.TargetSessionPolicy {
				t.Errorf("%s on %+v", fx.ID, fx.Target)
			}
		}},
		// An unknown ID is a placeholder, marked, with the command that finds it.
		{"VPC endpoint explicit", formInput(t, "iam-guide-vpce-explicit"), "iam.vpcEndpoint-explicit", func(t *testing.T, f Finding) {
			fx := f.Plan.Fixes[0]
			c := cli(fx)
			if fx.Target.Kind != fix.TargetVPCEndpoint || !strings.Contains(c, "--vpc-endpoint-id <vpc-endpoint-id>") || !strings.Contains(c, "# Not runnable as-is: replace <vpc-endpoint-id> first. <vpc-endpoint-id>: aws ec2 describe-vpc-endpoints") ||
				strings.Contains(c, "vpce-0") || !contains(fx.Render.Placeholders, "<vpc-endpoint-id>") {
				t.Errorf("%s on %+v:\n%s", fx.ID, fx.Target, c)
			}
		}},
		{"SCP with a redacted account", realMessage(t, "scp-ssmmessages-placeholder-account.txt"), "iam.scp-explicit", func(t *testing.T, f Finding) {
			fx := f.Plan.Fixes[0]
			c := cli(fx)
			if fx.Target.Kind != fix.TargetSCP || !strings.Contains(c, "<policy-id>: aws organizations list-policies --filter SERVICE_CONTROL_POLICY") || strings.Contains(c, "xxxxx") {
				t.Errorf("%s on %+v:\n%s", fx.ID, fx.Target, c)
			}
		}},
		{"role name cut short by the message", corpusMessage(t, "sst-4469-placeholders-with-spaces"), "iam.identity-implicit", func(t *testing.T, f Finding) {
			fx := f.Plan.Fixes[0]
			c := cli(fx)
			if fx.Target.Name != "<role-name>" || strings.Contains(c, "...") || !strings.Contains(c, "# Not runnable as-is: replace <role-name>") || !strings.Contains(c, "aws iam list-roles") {
				t.Errorf("%s on %+v:\n%s", fx.ID, fx.Target, c)
			}
		}},
		{"old explicit deny without a policy type", corpusMessage(t, "cloud-custodian-4736-old-explicit"), "iam.layer-unknown", func(t *testing.T, f Finding) {
			if !hasMsg(f.Checks, "generic.legacy.explicit") || f.Plan != nil {
				t.Errorf("checks %+v plan %+v", f.Checks, f.Plan)
			}
		}},
		// Service-owned sessions: the service's limits, no session policy to pass.
		{"Managed Flink session", realMessage(t, "flink-state-session.txt"), "session.service-managed-flink", func(t *testing.T, f Finding) {
			if f.Plan != nil || len(f.Alternatives) > 0 {
				t.Errorf("a service-owned session got fixes: %+v", f.Plan)
			}
		}},
		{"Cognito unauthenticated session", realMessage(t, "cognito-unauth-session-policy.txt"), "session.service-managed-cognito", func(t *testing.T, f Finding) {
			if f.Plan != nil || !hasMsg(f.Checks, "servicesession.cognito.check") {
				t.Errorf("plan %+v checks %+v", f.Plan, f.Checks)
			}
		}},
		// Assume-role denials through the trust policy.
		{"role assumes itself", formInput(t, "sdk-go-sts-assumerole"), "sts.assume-role-self", func(t *testing.T, f Finding) {
			if f.Cause.ID != "assume.self.cause" || f.Cause.Args[0] != "acme-core-gbl-security-terraform" || hasMsg(f.Checks, "check.layers.generic") {
				t.Errorf("cause %+v checks %+v", f.Cause, f.Checks)
			}
		}},
		// No policy type named: both candidates, neither claimed (no plan).
		{"cross-account assume", formInput(t, "terraform-box-sts-assumerole"), "sts.assume-role", func(t *testing.T, f Finding) {
			if f.Plan != nil || len(f.Alternatives) != 2 || f.Alternatives[0].Target.Kind != fix.TargetTrustPolicy || f.Alternatives[0].Target.Name != "TerraformCrossAccountRole" ||
				f.Alternatives[1].Target.Kind != fix.TargetUserInline || !hasMsg(f.Checks, "assume.check.conditions") ||
				!hasNote(f.Alternatives[0].Notes, "candidate-resource") || !hasNote(f.Alternatives[1].Notes, "candidate-identity") || f.Title.ID != "assume.unnamed.title" {
				t.Errorf("plan %+v alternatives %+v title %s", f.Plan, f.Alternatives, f.Title.ID)
			}
		}},
		{"trust policy, role not named", formInput(t, "iam-guide-trust-implicit-sic"), "sts.assume-role", func(t *testing.T, f Finding) {
			fx := f.Plan.Fixes[0]
			if fx.Target.Kind != fix.TargetTrustPolicy || !strings.Contains(cli(fx), "# Not runnable as-is: replace <role-name> first.") {
				t.Errorf("%s on %+v:\n%s", fx.ID, fx.Target, cli(fx))
			}
		}},
		{"GitHub OIDC", realMessage(t, "github-oidc-web-identity.txt"), "sts.assume-role-web-identity", func(t *testing.T, f Finding) {
			if !hasMsg(f.Checks, "assume.check.oidc.claims") || !hasMsg(f.Checks, "assume.check.oidc.provider") {
				t.Errorf("checks %+v", f.Checks)
			}
			if en := i18n.Text(i18n.EN, "assume.check.oidc.claims"); !strings.Contains(en, "token.actions.githubusercontent.com:sub") || !strings.Contains(en, "system:serviceaccount:") {
				t.Errorf("claims check: %s", en)
			}
		}},
		// IAM Identity Center roles: named by their aws-reserved path.
		{"IAM Identity Center role chaining", realMessage(t, "sso-role-chained-assume.txt"), "sts.assume-role-chained", func(t *testing.T, f Finding) {
			if f.Plan != nil || len(f.Alternatives) == 0 {
				t.Fatalf("plan %+v alternatives %d: want the candidates alone", f.Plan, len(f.Alternatives))
			}
			js := f.Alternatives[0].Render.PolicyJSON
			if !strings.Contains(js, `"aws:PrincipalArn": "arn:aws:iam::<ACCOUNT_ID>:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_runtime_516d9477c780e165"`) {
				t.Errorf("trust statement:\n%s", js)
			}
			for _, fx := range f.Alternatives {
				if fx.Target.Kind == fix.TargetRoleInline && !hasNote(fx.Notes, "sso-permission-set") {
					t.Errorf("%s on an Identity Center role without the permission-set note", fx.ID)
				}
			}
		}},
		// A decoded explicit deny: the matched statement is the cause and the fix.
		{"decoded explicit deny", fixture(t, "decoded/explicit-deny-user-wrapper.json"), "decoded.explicit-deny", func(t *testing.T, f Finding) {
			if f.Layer != "identity" || f.Cause.Args[0] != "@decoded.no-sid" || f.Cause.Args[1] != "@layer.identity" {
				t.Errorf("layer %q cause %+v", f.Layer, f.Cause)
			}
			fx := f.Plan.Fixes[0]
			if fx.Target.Kind != fix.TargetIdentityPolicy || fx.Original == nil || len(fx.Original.Action) != 55 || fx.Statement.NotResource[0] != "arn:aws:ec2:us-east-1:816678621138:instance/*" || !hasNote(fx.Notes, "deny-statement-known") {
				t.Errorf("%s on %+v: %+v", fx.ID, fx.Target, fx.Statement)
			}
		}},
		// The generic checklist, KMS advice and resource policies.
		{"resource policy of no resource", formInput(t, "iam-guide-resource-implicit"), "iam.resource-implicit", func(t *testing.T, f Finding) {
			if f.Plan != nil && len(f.Plan.Fixes) > 0 || !hasMsg(f.Checks, "generic.resource.unknown-resource") {
				t.Errorf("plan %+v checks %+v", f.Plan, f.Checks)
			}
		}},
		{"KMS outside AWS Backup", formInput(t, "kms-not-exist-sso-session"), "kms.key-policy", func(t *testing.T, f Finding) {
			if hasMsg(f.Checks, "kms.keypolicy.check.slr") || !hasMsg(f.Checks, "kms.keypolicy.check.via-service") {
				t.Errorf("checks %+v", f.Checks)
			}
		}},
		{"KMS message that names no AWS Backup resource", formInput(t, "kms-not-exist-backup-lag-vault"), "kms.key-policy", func(t *testing.T, f Finding) {
			if hasMsg(f.Checks, "kms.keypolicy.check.slr") {
				t.Errorf("checks %+v", f.Checks)
			}
		}},
		{"RCP guardrail", realMessage(t, "rcp-cognito-anonymous.txt"), "iam.rcp-explicit", func(t *testing.T, f Finding) {
			if !hasMsg(f.Checks, "generic.rcp.guardrail") || f.Plan != nil && len(f.Plan.Fixes) > 0 {
				t.Errorf("checks %+v plan %+v", f.Checks, f.Plan)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ds, err := authzmsg.ParseAll(tt.input)
			if err != nil {
				t.Fatal(err)
			}
			var fs []Finding
			for _, d := range ds {
				fs = append(fs, Diagnose(d, Options{})...)
			}
			checkMsgs(t, fs)
			f := findingOf(t, fs, tt.rule)
			if strings.HasPrefix(tt.rule, "iam.") || f.Plan != nil && len(f.Plan.Fixes) > 0 {
				if f.Plan == nil || len(f.Plan.Fixes) == 0 {
					if tt.check == nil {
						t.Fatal("no fix")
					}
				}
			}
			tt.check(t, f)
		})
	}
}

// The generic checklist names every layer, VPC endpoint policies and RCPs
// included.
func TestGenericChecklistNamesEveryLayer(t *testing.T) {
	t.Parallel()
	en := i18n.Text(i18n.EN, "check.layers.generic")
	for _, w := range []string{"identity-based", "permissions boundary", "SCP", "RCP", "session policy", "VPC endpoint", "resource's own policy"} {
		if !strings.Contains(en, w) {
			t.Errorf("checklist lacks %q: %s", w, en)
		}
	}
}

func hasNote(ns []fix.Note, id string) bool {
	for _, n := range ns {
		if n.ID == id {
			return true
		}
	}
	return false
}
