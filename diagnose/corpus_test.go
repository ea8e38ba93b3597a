package diagnose

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
)

// corpusInputs returns every message of testdata/messages (the forms
// table, and every file of samples, seeds, decoded, cloudtrail and real,
// when present) and of testdata/fix/messages, by name.
func corpusInputs(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
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
		if f.Input != "" {
			out["forms.json#"+f.Name] = f.Input
		}
	}
	for _, dir := range []string{"../testdata/messages/samples", "../testdata/messages/seeds", "../testdata/messages/decoded", "../testdata/messages/cloudtrail", "../testdata/messages/real", "../testdata/fix/messages"} {
		err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return filepath.SkipDir
				}
				return err
			}
			base := filepath.Base(path)
			if e.IsDir() || strings.HasSuffix(path, ".md") || base == "sources.json" || base == "baseline.json" {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			name := strings.TrimPrefix(path, "../testdata/")
			if !strings.HasSuffix(path, ".jsonl") {
				out[name] = string(b)
				return nil
			}
			// One message a line: {"id", "source", "text", "want"}.
			for i, line := range strings.Split(string(b), "\n") {
				if strings.TrimSpace(line) == "" {
					continue
				}
				var m struct{ ID, Text string }
				if err := json.Unmarshal([]byte(line), &m); err != nil {
					t.Fatalf("%s:%d: %v", name, i+1, err)
				}
				out[name+"#"+m.ID] = m.Text
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// kindRule is what the fixes of one kind of target must look like: the
// layers that kind belongs to, the noun its title names, the AWS CLI
// commands that read and write that kind of policy (every command of the
// rendering is one of them, and one of the write commands is there), and
// the Terraform and CloudFormation words that name it.
type kindRule struct {
	layers     []string
	title      string
	commands   *regexp.Regexp
	write      *regexp.Regexp
	tf, cfn    []string
	policyKind string
}

var kindRules = map[fix.TargetKind]kindRule{
	fix.TargetRoleInline:    {[]string{"identity"}, "inline policy", regexp.MustCompile(`^aws iam (put|get)-role-policy `), regexp.MustCompile(`^aws iam put-role-policy `), []string{"aws_iam_role_policy"}, []string{"AWS::IAM::RolePolicy"}, "identity-based"},
	fix.TargetUserInline:    {[]string{"identity"}, "inline policy", regexp.MustCompile(`^aws iam (put|get)-user-policy `), regexp.MustCompile(`^aws iam put-user-policy `), []string{"aws_iam_user_policy"}, []string{"AWS::IAM::UserPolicy"}, "identity-based"},
	fix.TargetManagedPolicy: {[]string{"identity"}, "managed policy", regexp.MustCompile(`^aws iam (create-policy-version|get-policy-version) `), regexp.MustCompile(`^aws iam create-policy-version .* --set-as-default$`), []string{"aws_iam_policy"}, []string{"AWS::IAM::ManagedPolicy"}, "identity-based"},
	// (a new inline policy of a principal whose kind is not known is
	// rendered for a role and for a user: aws_iam_role_policy and
	// aws_iam_user_policy, no managed policy)
	fix.TargetIdentityPolicy: {[]string{"identity"}, "identity-based policy", regexp.MustCompile(`^aws iam (list-(attached-)?(role|user)-policies|(get|put)-(role|user)-policy|get-policy-version|create-policy-version) `), regexp.MustCompile(`^aws iam (put-(role|user)-policy|create-policy-version) `), []string{"aws_iam_policy", "aws_iam_role_policy"}, []string{"AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy"}, "identity-based"},
	fix.TargetBoundary:       {[]string{"permissionsBoundary"}, "permissions boundary", regexp.MustCompile(`^aws iam (create-policy-version|get-policy-version) `), regexp.MustCompile(`^aws iam create-policy-version .* --set-as-default$`), []string{"aws_iam_policy"}, []string{"AWS::IAM::ManagedPolicy"}, "permissions boundary"},
	fix.TargetSessionPolicy:  {[]string{"session"}, "session policy", regexp.MustCompile(`^aws sts (assume-role|get-federation-token) `), regexp.MustCompile(`^aws sts (assume-role|get-federation-token) .*--policy `), []string{"session policy", "assume_role"}, []string{"ession polic"}, "session policy"},
	fix.TargetSCP:            {[]string{"scp"}, "SCP", regexp.MustCompile(`^aws organizations (update-policy|describe-policy) `), regexp.MustCompile(`^aws organizations update-policy `), []string{"aws_organizations_policy"}, []string{"AWS::Organizations::Policy"}, "service control policy"},
	fix.TargetRCP:            {[]string{"rcp"}, "RCP", regexp.MustCompile(`^aws organizations (update-policy|describe-policy) `), regexp.MustCompile(`^aws organizations update-policy `), []string{"aws_organizations_policy"}, []string{"AWS::Organizations::Policy"}, "resource control policy"},
	fix.TargetKeyPolicy:      {[]string{"resource"}, "key policy", regexp.MustCompile(`^aws kms (put|get)-key-policy `), regexp.MustCompile(`^aws kms put-key-policy `), []string{"aws_kms_key_policy"}, []string{"AWS::KMS::Key"}, "KMS key policy"},
	fix.TargetTrustPolicy:    {[]string{"resource"}, "trust policy", regexp.MustCompile(`^aws iam (update-assume-role-policy|get-role) `), regexp.MustCompile(`^aws iam update-assume-role-policy `), []string{"assume_role_policy"}, []string{"AssumeRolePolicyDocument"}, "trust policy"},
	fix.TargetVaultPolicy:    {[]string{"resource"}, "access policy of", regexp.MustCompile(`^aws backup (put|get)-backup-vault-access-policy `), regexp.MustCompile(`^aws backup put-backup-vault-access-policy `), []string{"aws_backup_vault_policy"}, []string{"AWS::Backup::BackupVault"}, "vault access policy"},
	fix.TargetBucketPolicy:   {[]string{"resource"}, "bucket policy", regexp.MustCompile(`^aws s3api (put|get)-bucket-policy `), regexp.MustCompile(`^aws s3api put-bucket-policy `), []string{"aws_s3_bucket_policy"}, []string{"AWS::S3::BucketPolicy"}, "bucket policy"},
	fix.TargetFunctionPolicy: {[]string{"resource"}, "Lambda function policy", regexp.MustCompile(`^aws lambda (add-permission|get-policy) `), regexp.MustCompile(`^aws lambda add-permission `), []string{"aws_lambda_permission"}, []string{"AWS::Lambda::Permission"}, "Lambda function policy (resource-based)"},
	fix.TargetVPCEndpoint:    {[]string{"vpcEndpoint"}, "VPC endpoint policy", regexp.MustCompile(`^aws ec2 (modify-vpc-endpoint|describe-vpc-endpoints) `), regexp.MustCompile(`^aws ec2 modify-vpc-endpoint .*--policy-document `), []string{"aws_vpc_endpoint_policy"}, []string{"AWS::EC2::VPCEndpoint"}, "VPC endpoint policy"},
	fix.TargetResourcePolicy: {[]string{"resource"}, "resource-based policy", regexp.MustCompile(`^aws (secretsmanager (put|get)-resource-policy|sns (set|get)-topic-attributes|ecr (set|get)-repository-policy|sqs (set|get)-queue-attributes) `), regexp.MustCompile(`^aws (secretsmanager put-resource-policy|sns set-topic-attributes|ecr set-repository-policy|sqs set-queue-attributes) `), []string{"aws_secretsmanager_secret_policy", "aws_sns_topic_policy", "aws_ecr_repository_policy", "aws_sqs_queue_policy"}, []string{"AWS::SecretsManager::ResourcePolicy", "AWS::SNS::TopicPolicy", "AWS::ECR::Repository", "AWS::SQS::QueuePolicy"}, "resource-based policy"},
}

var placeholder = regexp.MustCompile(`<[^<>\n]{1,80}>`)

// checkFix fails when a fix does not edit a policy of the layer its
// target belongs to, or when a rendering does not name that kind of
// policy, runs a command of another kind, keeps an elided or invented
// identifier, or does not mark a command with a placeholder.
func checkFix(t *testing.T, where string, f fix.Fix) {
	t.Helper()
	if f.Target.Kind == fix.TargetRestoreJob || f.Kind == fix.Alternative && f.Document == nil {
		return
	}
	kr, ok := kindRules[f.Target.Kind]
	if !ok {
		t.Errorf("%s: fix %s: target kind %q has no rule", where, f.ID, f.Target.Kind)
		return
	}
	if !contains(kr.layers, f.Layer) {
		t.Errorf("%s: fix %s edits a %s but says layer %q", where, f.ID, f.Target.Kind, f.Layer)
	}
	if f.Target.Kind == fix.TargetIdentityPolicy && f.Target.Name == fix.UnknownPrincipalName && f.Statement != nil && f.Original == nil {
		kr.title = "inline policy" // a new one, on a principal whose kind is not known
	}
	if !strings.Contains(f.Title, kr.title) {
		t.Errorf("%s: fix %s: title %q does not name the %s", where, f.ID, f.Title, kr.title)
	}
	if strings.Contains(f.Title, "policy of *") || strings.Contains(f.Title, "(name unknown)") && f.Target.Kind == fix.TargetResourcePolicy {
		t.Errorf("%s: fix %s: title %q names no policy", where, f.ID, f.Title)
	}
	if !strings.Contains(f.Render.PolicyKind, kr.policyKind) {
		t.Errorf("%s: fix %s: policy kind %q, want %q", where, f.ID, f.Render.PolicyKind, kr.policyKind)
	}
	if f.Document != nil && f.Render.PolicyJSON == "" {
		t.Errorf("%s: fix %s: no policy JSON", where, f.ID)
	}
	wrote := false
	for i, c := range f.Render.CLI {
		if strings.HasPrefix(c, "#") {
			continue
		}
		if !kr.commands.MatchString(c) {
			t.Errorf("%s: fix %s (%s): command of another kind of policy: %s", where, f.ID, f.Target.Kind, c)
		}
		wrote = wrote || kr.write.MatchString(c)
		if placeholder.MatchString(c) && (i == 0 || !strings.HasPrefix(f.Render.CLI[i-1], "# Not runnable as-is: replace ")) {
			t.Errorf("%s: fix %s: command with a placeholder not marked as not runnable: %s", where, f.ID, c)
		}
		for _, bad := range []string{"…", "...", "vpce-0 ", "XXX", "xxxx", "___", "${"} {
			if strings.Contains(c, bad) {
				t.Errorf("%s: fix %s: command keeps %q from the message: %s", where, f.ID, bad, c)
			}
		}
	}
	if !wrote {
		t.Errorf("%s: fix %s (%s): no command writes that kind of policy: %q", where, f.ID, f.Target.Kind, f.Render.CLI)
	}
	for _, r := range []struct {
		name, text string
		want       []string
	}{{"Terraform", f.Render.Terraform, kr.tf}, {"CloudFormation", f.Render.CloudFormation, kr.cfn}} {
		if r.text == "" {
			continue
		}
		named := false
		for _, w := range r.want {
			named = named || strings.Contains(r.text, w)
		}
		if !named {
			t.Errorf("%s: fix %s: %s does not name %v:\n%s", where, f.ID, r.name, r.want, r.text)
		}
		checkIaCMarked(t, where+" fix "+f.ID+" "+r.name, r.text, f.Render, r.name == "Terraform")
	}
}

// checkIaCMarked fails when a Terraform or CloudFormation body whose code
// holds a placeholder does not start with the line that says it is not
// usable as it is and names each of them, in English, Japanese and Korean.
func checkIaCMarked(t *testing.T, where, body string, r fix.Renderings, tf bool) {
	t.Helper()
	var ps []string
	for _, l := range strings.Split(body, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "#") {
			continue
		}
		ps = append(ps, placeholder.FindAllString(l, -1)...)
	}
	if len(ps) == 0 {
		return
	}
	for lang, head := range map[i18n.Lang]string{i18n.EN: "# Not usable as-is: replace ", i18n.JA: "# このままでは使えません: 先に ", i18n.KO: "# 이대로는 사용할 수 없습니다: 먼저 "} {
		b := r.In(lang).CloudFormation
		if tf {
			b = r.In(lang).Terraform
		}
		first, _, _ := strings.Cut(b, "\n")
		if !strings.HasPrefix(first, head) {
			t.Errorf("%s (%s): placeholders %v not marked; first line %q", where, lang, ps, first)
			continue
		}
		for _, p := range ps {
			if !strings.Contains(first, p) {
				t.Errorf("%s (%s): mark does not name %s: %q", where, lang, p, first)
			}
		}
	}
}

// For every fix over every message of the corpus, the edited document is
// that of the layer that denied, and every rendering names that kind of
// policy.
func TestCorpusFixesEditTheDenyingLayer(t *testing.T) {
	t.Parallel()
	kinds := map[fix.TargetKind]int{}
	fixes, denials := 0, 0
	for name, text := range corpusInputs(t) {
		ds, err := authzmsg.ParseAll(text)
		if err != nil {
			continue
		}
		for _, d := range ds {
			denials++
			for _, fd := range Diagnose(d, Options{}) {
				checkMsgs(t, []Finding{fd})
				where := name + " [" + fd.Rule + "]"
				if fd.Plan != nil {
					for i, f := range fd.Plan.Fixes {
						if i == 0 && f.Layer != fd.Layer {
							t.Errorf("%s: first fix %s edits layer %q, the finding's layer is %q", where, f.ID, f.Layer, fd.Layer)
						}
						if d.Decision == authzmsg.ExplicitDeny && f.Layer != fd.Layer && !strings.HasSuffix(f.TitleMsg.ID, ".cross-account") {
							t.Errorf("%s: fix %s of an explicit deny edits layer %q, not %q", where, f.ID, f.Layer, fd.Layer)
						}
						checkFix(t, where, f)
						kinds[f.Target.Kind]++
						fixes++
					}
				}
				for _, f := range fd.Alternatives {
					checkFix(t, where, f)
					fixes++
				}
			}
		}
	}
	t.Logf("%d denials, %d fixes checked, by target kind: %v", denials, fixes, kinds)
	for _, k := range []fix.TargetKind{fix.TargetRoleInline, fix.TargetUserInline, fix.TargetIdentityPolicy, fix.TargetManagedPolicy, fix.TargetBoundary, fix.TargetSessionPolicy, fix.TargetSCP, fix.TargetKeyPolicy, fix.TargetTrustPolicy, fix.TargetVaultPolicy, fix.TargetVPCEndpoint} {
		if kinds[k] == 0 {
			t.Errorf("no fix of kind %s in the corpus", k)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
