package fix

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/i18n"
)

// addLayerPermissionStatement is the statement Lambda writes into a layer
// version's policy for an aws lambda add-layer-version-permission command
// (AddLayerVersionPermission, Lambda API Reference): Sid the statement ID,
// an account ID as its root, "*" as "*", the organization as
// aws:PrincipalOrgID, the layer version's ARN as its Resource. It fails
// the test on a flag it does not know.
func addLayerPermissionStatement(t *testing.T, cmd string) map[string]any {
	t.Helper()
	words, err := shellSplit(cmd)
	if err != nil || len(words) < 3 || strings.Join(words[:3], " ") != "aws lambda add-layer-version-permission" {
		t.Fatalf("not an add-layer-version-permission command: %s (%v)", cmd, err)
	}
	flags := map[string]string{}
	for i := 3; i < len(words); i += 2 {
		if i+1 >= len(words) {
			t.Fatalf("flag %s without a value: %s", words[i], cmd)
		}
		switch words[i] {
		case "--layer-name", "--version-number", "--statement-id", "--action", "--principal", "--organization-id", "--region":
		default:
			t.Fatalf("flag %s: %s", words[i], cmd)
		}
		flags[words[i]] = words[i+1]
	}
	if flags["--action"] != "lambda:GetLayerVersion" {
		t.Fatalf("action %q: AddLayerVersionPermission takes lambda:GetLayerVersion only", flags["--action"])
	}
	layer := flags["--layer-name"]
	if a, ok := arn.Parse(layer); !ok || !strings.HasPrefix(a.Resource, "layer:") || strings.Count(a.Resource, ":") != 1 {
		t.Fatalf("--layer-name %q: want the layer's ARN", layer)
	}
	var principal any
	switch p := flags["--principal"]; {
	case p == "*":
		principal = "*"
	case arn.IsAccountID(p):
		principal = map[string]any{"AWS": "arn:aws:iam::" + p + ":root"}
	default:
		t.Fatalf("--principal %q: AddLayerVersionPermission takes an account ID or *", p)
	}
	st := map[string]any{"Sid": flags["--statement-id"], "Effect": "Allow", "Principal": principal, "Action": "lambda:GetLayerVersion",
		"Resource": layer + ":" + flags["--version-number"]}
	if v := flags["--organization-id"]; v != "" {
		st["Condition"] = map[string]any{"StringEquals": map[string]any{"aws:PrincipalOrgID": v}}
	}
	return st
}

func withLayerPermission(t *testing.T, cmd string) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": []any{addLayerPermissionStatement(t, cmd)}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A function of another account using a layer (lambda:GetLayerVersion on
// the layer version, no resource-based policy allowing it) is fixed by
// the layer version's policy: aws lambda add-layer-version-permission
// naming the caller's account, and the caller's identity policy across
// accounts. Applying the command as Lambda does lets the request through,
// as the engine verified. Before, the fix was a resource-policy document
// with a comment saying to apply it with "the lambda API call" that
// replaces the whole policy.
func TestLayerPolicyFix(t *testing.T) {
	t.Parallel()
	const layer = "arn:aws:lambda:us-east-2:111122223333:layer:shared-deps:7"
	req := eval.Request{Principal: "arn:aws:sts::444455556666:assumed-role/Deployer/s1", Action: "lambda:GetLayerVersion", Resource: layer}
	pl := PlanFor(Problem{Input: &eval.Input{Request: req}, Layer: "resource"}, testOptions)
	if !equalStrings(ids(pl.Fixes), []string{"layer-policy-add-permission", "identity-inline-allow"}) {
		t.Fatalf("plan = %v (%s)", ids(pl.Fixes), pl.Error)
	}
	if !pl.Verified {
		t.Errorf("plan not verified: %q", pl.StillDeniedBy)
	}
	f := pl.Fixes[0]
	if f.Target.Kind != TargetLayerPolicy || f.Layer != "resource" || f.Target.Name != "shared-deps" || f.Target.ARN != layer {
		t.Errorf("target %+v, layer %q", f.Target, f.Layer)
	}
	if f.Complete || f.Document == nil || len(f.Document.Statements) != 1 {
		t.Errorf("document: complete %v, %+v; want the statement alone", f.Complete, f.Document)
	}
	for _, id := range []string{"layer-policy-add-permission", "layer-policy-account-principal"} {
		if !hasNote(f.Notes, id) {
			t.Errorf("no note %s: %v", id, f.Notes)
		}
	}
	if hasNote(f.Notes, "document-unknown") {
		t.Errorf("note document-unknown: add-layer-version-permission replaces no document")
	}
	const want = "aws lambda add-layer-version-permission --layer-name arn:aws:lambda:us-east-2:111122223333:layer:shared-deps --version-number 7 --statement-id AllowAccount444455556666GetLayerVersion --action lambda:GetLayerVersion --principal 444455556666 --region us-east-2"
	got := command(t, f)
	if got != want {
		t.Errorf("command\n%s\nwant\n%s", got, want)
	}
	for _, l := range f.Render.CLI {
		if strings.Contains(l, "replaces the whole policy") {
			t.Errorf("CLI says the whole policy is replaced: %s", l)
		}
	}
	in := &eval.Input{Request: req, Resource: &eval.Doc{Name: "layer-policy", Text: withLayerPermission(t, got)}}
	if d := evalInput(t, in); d == "Allowed" {
		t.Fatalf("the layer policy alone allows a request of another account: the identity fix is needed")
	}
	for _, x := range pl.Fixes[1:] {
		in.Identity = append(in.Identity, eval.Doc{Name: x.Target.PolicyName, Text: []byte(x.Render.PolicyJSON)})
	}
	if d := evalInput(t, in); d != "Allowed" {
		t.Errorf("add-layer-version-permission applied with the identity fix: %s", d)
	}
}

// Every rendering of a layer version policy fix names the policy kind, in
// English, Japanese and Korean: add-layer-version-permission, Terraform's
// aws_lambda_layer_version_permission, CloudFormation's
// AWS::Lambda::LayerVersionPermission.
func TestLayerPolicyRenderings(t *testing.T) {
	t.Parallel()
	const layer = "arn:aws:lambda:us-east-2:111122223333:layer:shared-deps:7"
	req := eval.Request{Principal: "arn:aws:sts::444455556666:assumed-role/Deployer/s1", Action: "lambda:GetLayerVersion", Resource: layer}
	f := Propose(Problem{Input: &eval.Input{Request: req}, Layer: "resource"}, testOptions)[0]
	if f.Render.PolicyKind != "Lambda layer version policy (resource-based)" {
		t.Errorf("policy kind %q", f.Render.PolicyKind)
	}
	if !strings.Contains(f.Title, "the Lambda layer version policy (resource-based) of "+layer) {
		t.Errorf("title %q", f.Title)
	}
	if !strings.Contains(f.Render.PolicyJSON, `"AWS": "arn:aws:iam::444455556666:root"`) || !strings.Contains(f.Render.PolicyJSON, `"Resource": "`+layer+`"`) {
		t.Errorf("policy JSON:\n%s", f.Render.PolicyJSON)
	}
	for _, l := range []string{
		`resource "aws_lambda_layer_version_permission" "allowaccount444455556666getlayerversion" {`,
		`  layer_name     = "arn:aws:lambda:us-east-2:111122223333:layer:shared-deps"`,
		`  version_number = 7`,
		`  statement_id   = "AllowAccount444455556666GetLayerVersion"`,
		`  action         = "lambda:GetLayerVersion"`,
		`  principal      = "444455556666"`,
	} {
		if !strings.Contains(f.Render.Terraform, l+"\n") {
			t.Errorf("Terraform has no line %q:\n%s", l, f.Render.Terraform)
		}
	}
	for _, l := range []string{
		"    Type: AWS::Lambda::LayerVersionPermission",
		"      Action: lambda:GetLayerVersion",
		"      LayerVersionArn: " + layer,
		"      Principal: '444455556666'",
	} {
		if !strings.Contains(f.Render.CloudFormation, l+"\n") {
			t.Errorf("CloudFormation has no line %q:\n%s", l, f.Render.CloudFormation)
		}
	}
	kind := map[i18n.Lang]string{i18n.EN: "# Lambda layer version policy (resource-based) of ", i18n.JA: "の Lambda レイヤーバージョンポリシー (リソースベース): ", i18n.KO: "의 Lambda 계층 버전 정책(리소스 기반): "}
	owner := map[i18n.Lang]string{i18n.EN: "# Run with credentials of account 111122223333", i18n.JA: "# アカウント 111122223333 ", i18n.KO: "계정 111122223333의 자격 증명으로 실행하세요"}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA, i18n.KO} {
		r := f.Render.In(lang)
		for name, body := range map[string]string{"CLI": strings.Join(r.CLI, "\n"), "Terraform": r.Terraform, "CloudFormation": r.CloudFormation} {
			lines := strings.Split(body, "\n")
			if len(lines) < 3 || !strings.HasPrefix(lines[0], "# ") || !strings.Contains(lines[0], owner[lang]) {
				t.Errorf("%s %s: first line does not say whose credentials: %q", lang, name, lines[0])
			}
			if !strings.HasPrefix(lines[1], "# ") || !strings.Contains(lines[1], kind[lang]) {
				t.Errorf("%s %s: second line does not name the policy kind: %q", lang, name, lines[1])
			}
		}
	}
}

// The comment of a resource-based policy fix without a rendering of its
// own names the call that sets the policy of a service the fix package
// knows, and says it replaces the whole policy only where it does: not
// for Lambda (statements added one at a time), and for EventBridge only
// with --policy; for another service it says to check. Before, every
// service got "apply the document with the SERVICE API call ... (it
// replaces the whole policy)".
func TestResourceApplyPerService(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		arn, want string
		replaces  bool
	}{
		{"arn:aws:sqs:us-east-1:111122223333", "aws sqs set-queue-attributes (its Policy attribute), which replaces the whole policy", true},
		{"arn:aws:sns:us-east-1:111122223333", "aws sns set-topic-attributes --attribute-name Policy, which replaces the whole policy", true},
		{"arn:aws:ecr:us-east-1:111122223333:registry", "aws ecr set-repository-policy, which replaces the whole policy", true},
		{"arn:aws:secretsmanager:us-east-1:111122223333:other", "aws secretsmanager put-resource-policy, which replaces the whole policy", true},
		{"arn:aws:kms:us-east-1:111122223333:other", "aws kms put-key-policy, which replaces the whole policy", true},
		{"arn:aws:s3:::bucket", "aws s3api put-bucket-policy, which replaces the whole policy", true},
		{"arn:aws:glue:us-east-1:111122223333:catalog", "aws glue put-resource-policy, which replaces the whole policy", true},
		{"arn:aws:lambda:us-east-1:111122223333:layer:deps", "aws lambda add-permission (a function, version or alias) or aws lambda add-layer-version-permission (a layer version) adds one statement at a time and keeps the others (it never replaces the whole policy)", false},
		{"arn:aws:events:us-east-1:111122223333:event-bus/default", "aws events put-permission with --statement-id, --action and --principal adds one statement and keeps the others; with --policy it replaces the whole policy.", true},
		{"arn:aws:codeartifact:us-east-1:111122223333:repository/d/r", "apply the document with the codeartifact API call that sets that resource's policy (check in that service's documentation whether the call replaces the whole policy or adds statements to it", false},
	} {
		got := resourceApply(Target{Kind: TargetResourcePolicy, ARN: tt.arn}).In(i18n.EN)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q\nwant it to hold %q", tt.arn, got, tt.want)
		}
		if !tt.replaces && strings.Contains(got, "(it replaces the whole policy)") {
			t.Errorf("%s: %q says the whole policy is replaced", tt.arn, got)
		}
		for _, lang := range []i18n.Lang{i18n.JA, i18n.KO} {
			if l := resourceApply(Target{Kind: TargetResourcePolicy, ARN: tt.arn}).In(lang); l == got || !strings.HasPrefix(l, "# ") {
				t.Errorf("%s %s: %q", tt.arn, lang, l)
			}
		}
	}
	// Through a plan: an EventBridge bus's policy fix says so.
	req := eval.Request{Principal: "arn:aws:sts::444455556666:assumed-role/Sender/s1", Action: "events:PutEvents", Resource: "arn:aws:events:us-east-1:111122223333:event-bus/default"}
	f := Propose(Problem{Input: &eval.Input{Request: req}, Layer: "resource"}, testOptions)[0]
	if cli := strings.Join(f.Render.CLI, "\n"); !strings.Contains(cli, "aws events put-permission") || strings.Contains(cli, "(it replaces the whole policy)") {
		t.Errorf("EventBridge CLI:\n%s", cli)
	}
}
