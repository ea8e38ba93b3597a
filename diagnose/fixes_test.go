package diagnose

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
)

func TestRestoreAccount(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"arn:aws:iam::xxxxxxxxxxxx:role/App", "arn:aws:iam::" + PlaceholderAccount + ":role/App", true},
		{"arn:aws:kms:us-east-1:<account-ID>:key/k:x", "arn:aws:kms:us-east-1:" + PlaceholderAccount + ":key/k:x", true},
		{"arn:aws:iam::111122223333:role/App", "arn:aws:iam::111122223333:role/App", false},
		{"arn:aws:s3:::bucket", "arn:aws:s3:::bucket", false},
		{"arn:aws:iam::Prod:role/App", "arn:aws:iam::Prod:role/App", false},
		{"arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", false},
		// Not 12 digits: a reader's redaction.
		{"arn:aws:sts::111111:assumed-role/App/s", "arn:aws:sts::" + PlaceholderAccount + ":assumed-role/App/s", true},
		{"arn:aws:iam::0123456789:user/u", "arn:aws:iam::" + PlaceholderAccount + ":user/u", true},
		{"arn:aws:rds:eu-west-2:REMOVED:db:d", "arn:aws:rds:eu-west-2:" + PlaceholderAccount + ":db:d", true},
		{"arn:aws:sts::97_________2:assumed-role/R/s", "arn:aws:sts::" + PlaceholderAccount + ":assumed-role/R/s", true},
		{"arn:aws:iam::_________:role/r", "arn:aws:iam::" + PlaceholderAccount + ":role/r", true},
		{"arn:aws:iam::1234567890123:role/r", "arn:aws:iam::" + PlaceholderAccount + ":role/r", true},
		{"arn:aws:iam::xxxx", "arn:aws:iam::xxxx", false},
		{"arn:aws:iam::xxxx:role/a\nb", "arn:aws:iam::xxxx:role/a\nb", false},
		{"role/xxxx", "role/xxxx", false},
	} {
		got, ok := restoreAccount(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("restoreAccount(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// A message that hides one side's account (the principal's or the key's)
// does not say which account owns the policy: the fixes say nothing about
// another account's credentials, in any rendering, since the hidden account
// may be the other one. When both are shown and differ, they do.
func TestRedactedAccountNotAnotherAccount(t *testing.T) {
	t.Parallel()
	const key = ":key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:Decrypt action"
	for _, tc := range []struct {
		name, message string
		owner         bool
	}{
		{"key account hidden", "User: arn:aws:sts::123456789012:assumed-role/AppRole/s is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:xxxxxxxxxxxx" + key, false},
		{"principal account hidden", "User: arn:aws:sts::XXXXXXXXXXXX:assumed-role/AppRole/s is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:111122223333" + key, false},
		{"both shown", "User: arn:aws:sts::123456789012:assumed-role/AppRole/s is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:111122223333" + key, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := authzmsg.Parse(tc.message)
			if err != nil {
				t.Fatal(err)
			}
			fs := Diagnose(d, Options{})
			n := 0
			for _, f := range fs {
				if f.Plan == nil {
					continue
				}
				for _, fx := range append(append([]fix.Fix(nil), f.Plan.Fixes...), f.Alternatives...) {
					if fx.Target.Kind != fix.TargetKeyPolicy {
						continue
					}
					n++
					for _, lang := range []i18n.Lang{i18n.EN, i18n.JA, i18n.KO} {
						r := fx.Render.In(lang)
						all := strings.Join(r.CLI, "\n") + "\n" + r.Terraform + "\n" + r.CloudFormation
						says := strings.Count(all, "111122223333") > 0 && (strings.Contains(all, "Run with credentials of account") || strings.Contains(all, "の認証情報で実行") || strings.Contains(all, "자격 증명으로 실행"))
						if tc.owner {
							if lang == i18n.EN && strings.Count(all, "# Run with credentials of account 111122223333") != 3 {
								t.Errorf("%s: the owner line is not on each rendering:\n%s", fx.ID, all)
							}
							continue
						}
						if says || strings.Contains(all, "credentials of account") {
							t.Errorf("%s (%s): a hidden account is said to be another one:\n%s", fx.ID, lang, all)
						}
					}
				}
			}
			if n == 0 {
				t.Fatalf("no key policy fix: %+v", fs)
			}
		})
	}
}

// A resource name the message cut short ("role/EC2Ro...", the parser
// reading the "..." as the sentence's end; "my-bucket/da…"; "key/1234abcd-...")
// is in no fix: a placeholder stands for it in every rendering, and the
// commands holding it are marked as not runnable. The request is not
// evaluated against a snapshot either. (The fixes once allowed iam:PassRole
// on "role/EC2Ro", a role that is not the one denied.)
func TestCutResourceNameInNoFix(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ message, cut, placeholder string }{
		{"User: arn:aws:sts::123456789012:assumed-role/AWSBackupDefaultServiceRole/AWSBackup-AWSBackupDefaultServiceRole is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/EC2Ro... because no identity-based policy allows the iam:PassRole action", "EC2Ro", "<role-name>"},
		{"User: arn:aws:sts::123456789012:assumed-role/AppRole/s is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::my-bucket/da… because no identity-based policy allows the s3:GetObject action", "/da", "<object-key>"},
		{"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/1234abcd-... because no resource-based policy allows the kms:Decrypt action", "1234abcd", "<key-id>"},
	} {
		d, err := authzmsg.Parse(tc.message)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := RequestOf(d); ok {
			t.Errorf("%s: a request with a cut resource is evaluated again", tc.cut)
		}
		n := 0
		for _, f := range Diagnose(d, Options{}) {
			if f.Plan == nil {
				continue
			}
			for _, fx := range append(append([]fix.Fix(nil), f.Plan.Fixes...), f.Alternatives...) {
				n++
				r := fx.Render
				for _, text := range append([]string{r.PolicyJSON, r.Terraform, r.CloudFormation, fx.Target.ARN, fx.Target.Name, fx.Target.PolicyName}, r.CLI...) {
					if strings.Contains(text, tc.cut) {
						t.Errorf("%s: %s names the cut resource: %s", tc.cut, fx.ID, text)
					}
				}
				if fx.Kind == fix.LeastPrivilege && !contains(r.Placeholders, tc.placeholder) && !strings.Contains(r.PolicyJSON, tc.placeholder) {
					t.Errorf("%s: %s has no %s: %v\n%s", tc.cut, fx.ID, tc.placeholder, r.Placeholders, strings.Join(r.CLI, "\n"))
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no fix", tc.cut)
		}
	}
}

// A denial by a Lambda function's resource-based policy, as the real
// corpus quotes it with both ARNs cut short
// (openillumi-lambda-cross-account-resource-elided), gets the function
// policy's fix first, aws lambda add-permission with the function and the
// role as placeholders marked not runnable and how to find them, and the
// caller's identity fix after it (with the owner's account hidden, the
// request may cross accounts). Before, it got no fix at all.
func TestLambdaFunctionPolicyFixCutShort(t *testing.T) {
	t.Parallel()
	const message = "User: arn:aws:sts::984589850232:assumed-role/... is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:... because no resource-based policy allows the lambda:InvokeFunction action"
	d, err := authzmsg.Parse(message)
	if err != nil {
		t.Fatal(err)
	}
	fs := Diagnose(d, Options{})
	if len(fs) == 0 || fs[0].Plan == nil || len(fs[0].Plan.Fixes) != 2 {
		t.Fatalf("findings %+v: want a plan of two fixes", fs)
	}
	pl := fs[0].Plan
	f, id := pl.Fixes[0], pl.Fixes[1]
	if f.Layer != "resource" || f.Target.Kind != fix.TargetFunctionPolicy || f.Render.PolicyKind != "Lambda function policy (resource-based)" {
		t.Errorf("first fix %s: layer %q, target %q, kind %q", f.ID, f.Layer, f.Target.Kind, f.Render.PolicyKind)
	}
	if id.Layer != "identity" || !pl.Verified {
		t.Errorf("second fix %s: layer %q; plan verified %v", id.ID, id.Layer, pl.Verified)
	}
	const cmd = "aws lambda add-permission --function-name <function-name> --statement-id AllowInvokeFunction --action lambda:InvokeFunction --principal 'arn:aws:iam::984589850232:role/<role-name>'"
	const mark = "# Not runnable as-is: replace <function-name>, <role-name> first. <function-name>: aws lambda list-functions --query 'Functions[].[FunctionName,FunctionArn]' --output text with credentials of the function's account, in its Region, or ask the function's owner <role-name>: aws iam list-roles"
	cli := f.Render.CLI
	if len(cli) < 2 || cli[len(cli)-1] != cmd || !strings.HasPrefix(cli[len(cli)-2], mark) {
		t.Errorf("CLI:\n%s\nwant the last two lines\n%s...\n%s", strings.Join(cli, "\n"), mark, cmd)
	}
	if !strings.Contains(f.Render.PolicyJSON, `"Resource": "arn:aws:lambda:<region>:<ACCOUNT_ID>:function:<function-name>"`) {
		t.Errorf("policy JSON:\n%s", f.Render.PolicyJSON)
	}
	for _, fx := range pl.Fixes {
		for _, text := range append([]string{fx.Render.PolicyJSON, fx.Render.Terraform, fx.Render.CloudFormation, fx.Title}, fx.Render.CLI...) {
			if strings.Contains(text, "...") || strings.Contains(text, "000000000000") {
				t.Errorf("%s names what the message cut or the placeholder account: %s", fx.ID, text)
			}
		}
	}
	if !strings.Contains(f.Render.Terraform, `resource "aws_lambda_permission"`) || !strings.Contains(f.Render.CloudFormation, "Type: AWS::Lambda::Permission") {
		t.Errorf("IaC:\n%s\n%s", f.Render.Terraform, f.Render.CloudFormation)
	}
}

// An assumed-role principal whose role name the message cut short or
// redacted is the session of role <role-name>, the role its fixes name:
// a resource-based policy's statement naming arn:...:role/<role-name>
// then lets that request through, and the plan is verified (it was not:
// the statement named another role than the request's, "xxxxx" or
// "...").
func TestElidedRoleNameFixesVerified(t *testing.T) {
	t.Parallel()
	for _, message := range []string{
		"User: arn:aws:sts::123456789012:assumed-role/xxxxx is not authorized to perform: kms:DescribeKey on resource: arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:DescribeKey action",
		"User: arn:aws:sts::123456789012:assumed-role/Deploy.../s1 is not authorized to perform: kms:DescribeKey on resource: arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:DescribeKey action",
		"User: arn:aws:sts::984589850232:assumed-role/... is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:... because no resource-based policy allows the lambda:InvokeFunction action",
	} {
		d, err := authzmsg.Parse(message)
		if err != nil {
			t.Fatal(err)
		}
		fs := Diagnose(d, Options{})
		if len(fs) == 0 || fs[0].Plan == nil || len(fs[0].Plan.Fixes) == 0 {
			t.Errorf("%s: no plan", message)
			continue
		}
		pl := fs[0].Plan
		if !pl.Verified {
			t.Errorf("%s: plan %s not verified: %s still denies", message, pl.Fixes[0].ID, pl.StillDeniedBy)
		}
		if !strings.Contains(pl.Fixes[0].Render.PolicyJSON, ":role/<role-name>") {
			t.Errorf("%s: the fix does not name role <role-name>:\n%s", message, pl.Fixes[0].Render.PolicyJSON)
		}
	}
}

// A denial of lambda:GetLayerVersion by a layer version's resource-based
// policy (a function of another account using the layer) gets the layer
// version policy's fix first, aws lambda add-layer-version-permission
// naming the caller's account, and the caller's identity fix after it;
// with the layer's ARN cut short, the layer name and version number are
// placeholders marked not runnable with how to find them. Before, it got
// the generic resource-policy comment ("apply the document with the
// lambda API call ... it replaces the whole policy"), or no fix at all.
func TestLambdaLayerPolicyFix(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		message, cmd string
		marks        []string
	}{
		{
			message: "User: arn:aws:sts::444455556666:assumed-role/Deployer/s1 is not authorized to perform: lambda:GetLayerVersion on resource: arn:aws:lambda:us-east-1:111122223333:layer:shared-deps:3 because no resource-based policy allows the lambda:GetLayerVersion action",
			cmd:     "aws lambda add-layer-version-permission --layer-name arn:aws:lambda:us-east-1:111122223333:layer:shared-deps --version-number 3 --statement-id AllowAccount444455556666GetLayerVersion --action lambda:GetLayerVersion --principal 444455556666 --region us-east-1",
		},
		{
			message: "User: arn:aws:sts::444455556666:assumed-role/Deployer/s1 is not authorized to perform: lambda:GetLayerVersion on resource: arn:aws:lambda:... because no resource-based policy allows the lambda:GetLayerVersion action",
			cmd:     "aws lambda add-layer-version-permission --layer-name <layer-name> --version-number <version-number> --statement-id AllowAccount444455556666GetLayerVersion --action lambda:GetLayerVersion --principal 444455556666",
			marks: []string{"# Not runnable as-is: replace <layer-name>, <version-number> first.",
				"<layer-name>: aws lambda list-layers --query 'Layers[].[LayerName,LayerArn]' --output text with credentials of the layer's account, in its Region, or ask the layer's owner",
				"arn:aws:lambda:<region>:<ACCOUNT_ID>:layer:<layer-name>:<version-number>",
				"<version-number>: aws lambda list-layer-versions --layer-name <layer-name> --query 'LayerVersions[].[Version,LayerVersionArn]' --output text"},
		},
	} {
		d, err := authzmsg.Parse(tt.message)
		if err != nil {
			t.Fatal(err)
		}
		fs := Diagnose(d, Options{})
		if len(fs) == 0 || fs[0].Plan == nil || len(fs[0].Plan.Fixes) != 2 {
			t.Errorf("%s: findings %+v: want a plan of two fixes", tt.message, fs)
			continue
		}
		pl := fs[0].Plan
		f, id := pl.Fixes[0], pl.Fixes[1]
		if f.Layer != "resource" || f.Target.Kind != fix.TargetLayerPolicy || f.Render.PolicyKind != "Lambda layer version policy (resource-based)" {
			t.Errorf("first fix %s: layer %q, target %q, kind %q", f.ID, f.Layer, f.Target.Kind, f.Render.PolicyKind)
		}
		if id.Layer != "identity" || !pl.Verified {
			t.Errorf("second fix %s: layer %q; plan verified %v (%s)", id.ID, id.Layer, pl.Verified, pl.StillDeniedBy)
		}
		cli := f.Render.CLI
		if len(cli) < 2 || cli[len(cli)-1] != tt.cmd {
			t.Errorf("CLI:\n%s\nwant the last line\n%s", strings.Join(cli, "\n"), tt.cmd)
			continue
		}
		for _, m := range tt.marks {
			if !strings.Contains(strings.Join(cli[:len(cli)-1], "\n"), m) {
				t.Errorf("the comments before the command %q have no %q", cli[:len(cli)-1], m)
			}
		}
		for _, text := range append([]string{f.Render.PolicyJSON, f.Render.Terraform, f.Render.CloudFormation, f.Title}, cli...) {
			if strings.Contains(text, "...") || strings.Contains(text, "000000000000") || strings.Contains(text, "replaces the whole policy") {
				t.Errorf("%s: %s", f.ID, text)
			}
		}
	}
}
