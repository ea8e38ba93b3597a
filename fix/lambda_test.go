package fix

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/policy"
)

// addPermissionStatement is the statement Lambda writes into the function
// policy for an aws lambda add-permission command (AddPermission, Lambda
// API Reference): Sid the statement ID, an account ID as its root, a
// service as a Service principal, the qualifier appended to the function
// ARN, SourceArn as ArnLike and SourceAccount as StringEquals. It fails
// the test on a flag it does not know.
func addPermissionStatement(t *testing.T, cmd string) map[string]any {
	t.Helper()
	words, err := shellSplit(cmd)
	if err != nil || len(words) < 3 || strings.Join(words[:3], " ") != "aws lambda add-permission" {
		t.Fatalf("not an add-permission command: %s (%v)", cmd, err)
	}
	flags := map[string]string{}
	for i := 3; i < len(words); i += 2 {
		if i+1 >= len(words) {
			t.Fatalf("flag %s without a value: %s", words[i], cmd)
		}
		switch words[i] {
		case "--function-name", "--statement-id", "--action", "--principal", "--source-arn", "--source-account", "--qualifier", "--region":
		default:
			t.Fatalf("flag %s: %s", words[i], cmd)
		}
		flags[words[i]] = words[i+1]
	}
	fn := flags["--function-name"]
	if q := flags["--qualifier"]; q != "" {
		fn += ":" + q
	}
	var principal any
	switch p := flags["--principal"]; {
	case p == "*":
		principal = "*"
	case arn.IsAccountID(p):
		principal = map[string]any{"AWS": "arn:aws:iam::" + p + ":root"}
	case strings.HasSuffix(p, ".amazonaws.com"):
		principal = map[string]any{"Service": p}
	default:
		principal = map[string]any{"AWS": p}
	}
	st := map[string]any{"Sid": flags["--statement-id"], "Effect": "Allow", "Principal": principal, "Action": flags["--action"], "Resource": fn}
	cond := map[string]any{}
	if v := flags["--source-arn"]; v != "" {
		cond["ArnLike"] = map[string]any{"AWS:SourceArn": v}
	}
	if v := flags["--source-account"]; v != "" {
		cond["StringEquals"] = map[string]any{"AWS:SourceAccount": v}
	}
	if len(cond) > 0 {
		st["Condition"] = cond
	}
	return st
}

// withPermission is the function policy doc (nil: none yet) with the
// statement cmd adds.
func withPermission(t *testing.T, doc []byte, cmd string) []byte {
	t.Helper()
	p := map[string]any{"Version": "2012-10-17", "Statement": []any{}}
	if doc != nil {
		if err := json.Unmarshal(doc, &p); err != nil {
			t.Fatal(err)
		}
	}
	p["Statement"] = append(p["Statement"].([]any), addPermissionStatement(t, cmd))
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// command is the one command of a rendering that is not a comment.
func command(t *testing.T, f Fix) string {
	t.Helper()
	var cmds []string
	for _, l := range f.Render.CLI {
		if !strings.HasPrefix(l, "#") {
			cmds = append(cmds, l)
		}
	}
	if len(cmds) != 1 {
		t.Fatalf("%s: commands %q, want one", f.ID, cmds)
	}
	return cmds[0]
}

// A denial by a Lambda function's resource-based policy is fixed by that
// policy: aws lambda add-permission with the function's real ARN, the
// statement ID, the action and the principal (with the source when a
// service calls), and across accounts the caller's identity policy too.
// Applying the command as Lambda does (the statement it writes added to
// the function policy) lets the request through, as the engine verified.
func TestFunctionPolicyFix(t *testing.T) {
	t.Parallel()
	const fn = "arn:aws:lambda:eu-west-1:111122223333:function:f"
	role := "arn:aws:sts::111122223333:assumed-role/Caller/s1"
	tests := []struct {
		name    string
		req     eval.Request
		plan    []string
		cmd     string
		notes   []string
		verify1 bool // the function policy's fix alone is Allowed
	}{
		{
			name: "same account", req: eval.Request{Principal: role, Action: "lambda:InvokeFunction", Resource: fn},
			plan:    []string{"function-policy-add-permission"},
			cmd:     "aws lambda add-permission --function-name " + fn + " --statement-id AllowCallerInvokeFunction --action lambda:InvokeFunction --principal arn:aws:iam::111122223333:role/Caller --region eu-west-1",
			verify1: true,
		},
		{
			name: "cross account, alias", req: eval.Request{Principal: "arn:aws:sts::444455556666:assumed-role/Caller/s1", Action: "lambda:InvokeFunction", Resource: fn + ":live"},
			plan: []string{"function-policy-add-permission", "identity-inline-allow"},
			cmd:  "aws lambda add-permission --function-name " + fn + " --statement-id AllowCallerInvokeFunction --action lambda:InvokeFunction --principal arn:aws:iam::444455556666:role/Caller --qualifier live --region eu-west-1",
		},
		{
			name: "service with its source", req: eval.Request{Principal: "s3.amazonaws.com", Action: "lambda:InvokeFunction", Resource: fn,
				Context: map[string][]string{"aws:SourceArn": {"arn:aws:s3:::uploads"}, "aws:SourceAccount": {"111122223333"}}},
			plan:    []string{"function-policy-add-permission"},
			cmd:     "aws lambda add-permission --function-name " + fn + " --statement-id AllowS3InvokeFunction --action lambda:InvokeFunction --principal s3.amazonaws.com --source-arn arn:aws:s3:::uploads --source-account 111122223333 --region eu-west-1",
			verify1: true,
		},
		{
			name: "service without its source", req: eval.Request{Principal: "sns.amazonaws.com", Action: "lambda:InvokeFunction", Resource: fn},
			plan:    []string{"function-policy-add-permission"},
			cmd:     "aws lambda add-permission --function-name " + fn + " --statement-id AllowSnsInvokeFunction --action lambda:InvokeFunction --principal sns.amazonaws.com --region eu-west-1",
			notes:   []string{"function-policy-source-unknown"},
			verify1: true,
		},
		{
			name: "IAM Identity Center role across accounts", req: eval.Request{Principal: "arn:aws:sts::444455556666:assumed-role/AWSReservedSSO_Dev_0123456789abcdef/jdoe", Action: "lambda:InvokeFunction", Resource: fn},
			plan:  []string{"function-policy-add-permission", "identity-inline-allow"},
			cmd:   "aws lambda add-permission --function-name " + fn + " --statement-id AllowAWSReservedSSODev0123456789abcdefInvokeFunction --action lambda:InvokeFunction --principal 444455556666 --region eu-west-1",
			notes: []string{"function-policy-account-principal"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pl := PlanFor(Problem{Input: &eval.Input{Request: tt.req}, Layer: "resource"}, testOptions)
			if !equalStrings(ids(pl.Fixes), tt.plan) {
				t.Fatalf("plan = %v, want %v (%s)", ids(pl.Fixes), tt.plan, pl.Error)
			}
			if !pl.Verified || pl.VerifiedAgainst != AgainstRequestOnly {
				t.Errorf("plan not verified: %v %q %q", pl.Verified, pl.VerifiedAgainst, pl.StillDeniedBy)
			}
			f := pl.Fixes[0]
			if f.Target.Kind != TargetFunctionPolicy || f.Layer != "resource" || f.Target.Name != "f" || f.Target.ARN != tt.req.Resource {
				t.Errorf("target %+v, layer %q", f.Target, f.Layer)
			}
			if f.Verified != tt.verify1 {
				t.Errorf("fix alone verified %v (still denied by %q), want %v", f.Verified, f.StillDeniedBy, tt.verify1)
			}
			if f.Complete || f.Document == nil || len(f.Document.Statements) != 1 || f.Document.Statements[0] != f.Statement {
				t.Errorf("document: complete %v, %+v; want the statement alone", f.Complete, f.Document)
			}
			got := command(t, f)
			if got != tt.cmd {
				t.Errorf("command\n%s\nwant\n%s", got, tt.cmd)
			}
			for _, id := range append([]string{"function-policy-add-permission"}, tt.notes...) {
				if !hasNote(f.Notes, id) {
					t.Errorf("no note %s: %v", id, f.Notes)
				}
			}
			if hasNote(f.Notes, "document-unknown") {
				t.Errorf("note document-unknown: add-permission replaces no document")
			}
			// The command applied as Lambda applies it, with the plan's
			// other fixes (the caller's identity policy), is Allowed.
			in := &eval.Input{Request: tt.req, Resource: &eval.Doc{Name: "function-policy", Text: withPermission(t, nil, got)}}
			for _, x := range pl.Fixes[1:] {
				in.Identity = append(in.Identity, eval.Doc{Name: x.Target.PolicyName, Text: []byte(x.Render.PolicyJSON)})
			}
			if d := evalInput(t, in); d != "Allowed" {
				t.Errorf("add-permission applied: %s", d)
			}
		})
	}
}

// With the function policy known, the statement is verified merged into
// it, takes a statement ID the policy does not hold, and is rendered
// alone: add-permission keeps the statements already there.
func TestFunctionPolicyKnown(t *testing.T) {
	t.Parallel()
	c := loadCase(t, "lambda-invoke-cross-account")
	pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
	if !equalStrings(ids(pl.Fixes), []string{"function-policy-add-permission"}) {
		t.Fatalf("plan = %v (%s): the identity policy already allows it", ids(pl.Fixes), pl.Error)
	}
	f := pl.Fixes[0]
	if !f.Verified || f.VerifiedAgainst != AgainstKnownPolicies || !pl.Verified {
		t.Errorf("not verified: %v %q", f.Verified, f.StillDeniedBy)
	}
	if f.Statement.Sid != "AllowOrderProcessorInvokeFunction2" || len(f.Document.Statements) != 1 || f.Complete {
		t.Errorf("statement %s, %d statements, complete %v", f.Statement.Sid, len(f.Document.Statements), f.Complete)
	}
	const want = "aws lambda add-permission --function-name arn:aws:lambda:eu-west-1:111122223333:function:charge-card --statement-id AllowOrderProcessorInvokeFunction2 --action lambda:InvokeFunction --principal arn:aws:iam::444455556666:role/OrderProcessor --qualifier live --region eu-west-1"
	cmd := command(t, f)
	if cmd != want {
		t.Errorf("command\n%s\nwant\n%s", cmd, want)
	}
	if got := evalCase(t, c).Decision; got == "Allowed" {
		t.Fatalf("the case is %s", got)
	}
	applied := cloneCase(c)
	applied.ResourcePolicy.Document = withPermission(t, c.ResourcePolicy.Document, cmd)
	if res := evalCase(t, applied); res.Decision != "Allowed" {
		t.Errorf("add-permission applied: %s (%s)", res.Decision, res.Layer)
	}
}

// Every rendering of a function policy fix names the policy kind, in
// English, Japanese and Korean: the AWS CLI's add-permission, Terraform's
// aws_lambda_permission, CloudFormation's AWS::Lambda::Permission, and
// the statement JSON is the statement verified.
func TestFunctionPolicyRenderings(t *testing.T) {
	t.Parallel()
	req := eval.Request{Principal: "arn:aws:sts::444455556666:assumed-role/Caller/s1", Action: "lambda:InvokeFunction", Resource: "arn:aws:lambda:eu-west-1:111122223333:function:f:live"}
	f := Propose(Problem{Input: &eval.Input{Request: req}, Layer: "resource"}, testOptions)[0]
	if f.Render.PolicyKind != "Lambda function policy (resource-based)" {
		t.Errorf("policy kind %q", f.Render.PolicyKind)
	}
	if !strings.Contains(f.Title, "the Lambda function policy (resource-based) of "+req.Resource) {
		t.Errorf("title %q", f.Title)
	}
	p, findings := policy.Parse([]byte(f.Render.PolicyJSON))
	if p == nil || policy.HasErrors(findings) || len(p.Statements) != 1 {
		t.Fatalf("policy JSON: %v\n%s", findings, f.Render.PolicyJSON)
	}
	got, _ := p.MarshalJSON()
	want, _ := newPolicy(f.Statement).MarshalJSON()
	if string(got) != string(want) {
		t.Errorf("policy JSON\n%s\nis not the statement verified\n%s", got, want)
	}
	for _, l := range []string{
		`resource "aws_lambda_permission" "allowcallerinvokefunction" {`,
		`  statement_id  = "AllowCallerInvokeFunction"`,
		`  function_name = "arn:aws:lambda:eu-west-1:111122223333:function:f"`,
		`  principal     = "arn:aws:iam::444455556666:role/Caller"`,
		`  qualifier     = "live"`,
	} {
		if !strings.Contains(f.Render.Terraform, l+"\n") {
			t.Errorf("Terraform has no line %q:\n%s", l, f.Render.Terraform)
		}
	}
	for _, l := range []string{
		"    Type: AWS::Lambda::Permission",
		"      Action: lambda:InvokeFunction",
		"      FunctionName: arn:aws:lambda:eu-west-1:111122223333:function:f:live",
		"      Principal: arn:aws:iam::444455556666:role/Caller",
	} {
		if !strings.Contains(f.Render.CloudFormation, l+"\n") {
			t.Errorf("CloudFormation has no line %q:\n%s", l, f.Render.CloudFormation)
		}
	}
	kind := map[i18n.Lang]string{i18n.EN: "# Lambda function policy (resource-based) of ", i18n.JA: "の Lambda 関数ポリシー (リソースベース): ", i18n.KO: "의 Lambda 함수 정책(리소스 기반): "}
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

// A statement add-permission cannot write (a narrowed Deny of a function
// policy) is the policy JSON with comment lines saying so: no command
// stands for it.
func TestFunctionPolicyDenyNarrowed(t *testing.T) {
	t.Parallel()
	const fn = "arn:aws:lambda:eu-west-1:111122223333:function:f"
	in := &eval.Input{
		Request:  eval.Request{Principal: "arn:aws:sts::111122223333:assumed-role/Caller/s1", Action: "lambda:InvokeFunction", Resource: fn},
		Identity: []eval.Doc{{Name: "invoke", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"*"}]}`)}},
		Resource: &eval.Doc{Name: "function-policy", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"NoOne","Effect":"Deny","Principal":"*","Action":"lambda:*","Resource":"` + fn + `"}]}`)},
	}
	pl := PlanFor(Problem{Input: in}, testOptions)
	if len(pl.Fixes) == 0 {
		t.Fatalf("no fix (%s)", pl.Error)
	}
	f := pl.Fixes[0]
	if f.Target.Kind != TargetFunctionPolicy || f.Original == nil || !f.Verified {
		t.Fatalf("fix %s: target %q, original %v, verified %v", f.ID, f.Target.Kind, f.Original, f.Verified)
	}
	for _, l := range f.Render.CLI {
		if !strings.HasPrefix(l, "#") {
			t.Errorf("a command for a statement add-permission cannot write: %s", l)
		}
	}
	if len(f.Render.CLI) == 0 || !strings.Contains(f.Render.CLI[0], "cannot write this statement") || !strings.Contains(f.Render.CLI[0], "aws lambda get-policy --function-name "+fn+" ") {
		t.Errorf("CLI %q", f.Render.CLI)
	}
	if !strings.Contains(f.Render.PolicyJSON, `"Effect": "Deny"`) || !strings.Contains(f.Render.Terraform, "aws_lambda_permission cannot hold this statement") {
		t.Errorf("renderings:\n%s\n%s", f.Render.PolicyJSON, f.Render.Terraform)
	}
}
