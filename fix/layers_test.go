package fix

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

// An explicit deny read from a message (no policy known) is fixed in the
// layer that denied, and the rendered commands are that layer's. (A zero
// location once stood for the SCP layer, so every such fix edited an SCP.)
func TestExplicitDenyFixesItsOwnLayer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		layer, principal, resource string
		kind                       TargetKind
		write                      string
	}{
		{"identity", "arn:aws:iam::111122223333:user/ops", "arn:aws:s3:::b/k", TargetIdentityPolicy, "aws iam put-user-policy --user-name ops --policy-name <policy-name>"},
		{"identity", "arn:aws:sts::111122223333:assumed-role/Ops/jane", "arn:aws:s3:::b/k", TargetIdentityPolicy, "aws iam create-policy-version --policy-arn <policy-arn>"},
		{"permissionsBoundary", "arn:aws:iam::111122223333:user/ops", "arn:aws:s3:::b/k", TargetBoundary, "aws iam create-policy-version --policy-arn <permissions-boundary-policy-arn>"},
		{"session", "arn:aws:sts::111122223333:assumed-role/Ops/jane", "arn:aws:s3:::b/k", TargetSessionPolicy, "aws sts assume-role --role-arn arn:aws:iam::111122223333:role/Ops"},
		{"scp", "arn:aws:iam::111122223333:user/ops", "arn:aws:s3:::b/k", TargetSCP, "aws organizations update-policy --policy-id <policy-id>"},
		{"rcp", "arn:aws:iam::111122223333:user/ops", "arn:aws:s3:::b/k", TargetRCP, "aws organizations update-policy --policy-id <policy-id>"},
		{"vpcEndpoint", "arn:aws:iam::111122223333:user/ops", "arn:aws:s3:::b/k", TargetVPCEndpoint, "aws ec2 modify-vpc-endpoint --vpc-endpoint-id <vpc-endpoint-id>"},
		{"resource", "arn:aws:iam::111122223333:user/ops", "arn:aws:s3:::b/k", TargetBucketPolicy, "aws s3api put-bucket-policy --bucket b"},
		{"resource", "arn:aws:iam::111122223333:user/ops", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", TargetKeyPolicy, "aws kms put-key-policy --key-id"},
		{"resource", "arn:aws:iam::111122223333:user/ops", "arn:aws:backup:us-east-1:111122223333:backup-vault:v", TargetVaultPolicy, "aws backup put-backup-vault-access-policy --backup-vault-name v"},
		{"resource", "arn:aws:iam::111122223333:user/ops", "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf", TargetResourcePolicy, "aws secretsmanager put-resource-policy --secret-id arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf"},
	}
	for _, tt := range tests {
		t.Run(tt.layer+"/"+string(tt.kind), func(t *testing.T) {
			t.Parallel()
			action := "s3:GetObject"
			switch {
			case strings.Contains(tt.resource, ":kms:"):
				action = "kms:Decrypt"
			case strings.Contains(tt.resource, ":backup:"):
				action = "backup:DeleteBackupVault"
			case strings.Contains(tt.resource, ":secretsmanager:"):
				action = "secretsmanager:GetSecretValue"
			}
			in := &eval.Input{Request: eval.Request{Principal: tt.principal, Action: action, Resource: tt.resource}}
			pl := PlanFor(Problem{Input: in, Layer: tt.layer, Explicit: true}, testOptions)
			if len(pl.Fixes) == 0 {
				t.Fatalf("no fix: %+v", pl)
			}
			f := pl.Fixes[0]
			c2 := strings.Join(f.Render.CLI, "\n")
			if f.Layer != tt.layer || f.Target.Kind != tt.kind || !strings.Contains(c2, "\n"+tt.write) && !strings.HasPrefix(c2, tt.write) {
				t.Errorf("%s: layer %q target %+v, want %s on %s:\n%s", f.ID, f.Layer, f.Target, tt.kind, tt.layer, c2)
			}
			if tt.kind != TargetSCP && tt.kind != TargetRCP && (strings.Contains(c2, "aws organizations") || strings.Contains(f.Title, "SCP")) {
				t.Errorf("%s: a fix of the %s names an SCP: %s\n%s", f.ID, tt.layer, f.Title, c2)
			}
			if f.Render.PolicyKind == "" {
				t.Errorf("%s: no policy kind", f.ID)
			}
		})
	}
}

// IAM Identity Center roles sit under role/aws-reserved/sso.amazonaws.com/
// (and a Region segment in some accounts): the exemption's aws:PrincipalArn
// pattern includes that path, and a suffix the message elided ("XXX", as in
// the LangSmith forum message of testdata/messages/forms.json,
// kms-not-exist-sso-session) is left open, never kept.
func TestSSORoleExemption(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ principal, want string }{
		{"arn:aws:sts::444455556666:assumed-role/AWSReservedSSO_AdministratorAccess_XXX/user@example.com", "arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_AdministratorAccess_*"},
		{"arn:aws:sts::444455556666:assumed-role/AWSReservedSSO_runtime_516d9477c780e165/jane", "arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_runtime_516d9477c780e165"},
	} {
		c := loadCase(t, "vault-create-scp-deny")
		c.Request.Principal = tt.principal
		// A Region outside the fence, so that the SCP's Deny matches.
		c.Request.Resource = "arn:aws:backup:eu-west-3:444455556666:backup-vault:MyVault"
		setCaseContext(c, "aws:RequestedRegion", "eu-west-3")
		pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
		if len(pl.Fixes) == 0 || pl.Fixes[0].Target.Kind != TargetSCP {
			t.Fatalf("%s: fixes %+v", tt.principal, pl.Fixes)
		}
		f := pl.Fixes[0]
		if got := condValues(f.Statement, "ArnNotLike", "aws:PrincipalArn"); !equalStrings(got, []string{tt.want}) || !f.Verified {
			t.Errorf("%s: exemption %v (verified %v), want %s", tt.principal, got, f.Verified, tt.want)
		}
		if strings.Contains(f.Render.PolicyJSON, "XXX") {
			t.Errorf("the elided suffix is kept:\n%s", f.Render.PolicyJSON)
		}
	}
	// The pattern matches the role under a Region segment of the path too.
	c := loadCase(t, "vault-create-scp-deny")
	c.Request.Principal = "arn:aws:sts::444455556666:assumed-role/AWSReservedSSO_runtime_516d9477c780e165/jane"
	c.Request.Resource = "arn:aws:backup:eu-west-3:444455556666:backup-vault:MyVault"
	setCaseContext(c, "aws:RequestedRegion", "eu-west-3")
	pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
	setCaseContext(c, "aws:PrincipalArn", "arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_runtime_516d9477c780e165")
	if r := evalCase(t, applyPublic(t, c, pl.Fixes[0])); r.Decision != "Allowed" {
		t.Errorf("with a Region segment in the role's path: %s", r.Decision)
	}
}

// An RCP's Deny is explained as the guardrail it enforces before the
// exemption.
func TestRCPGuardrailNote(t *testing.T) {
	t.Parallel()
	pl := PlanFor(Problem{Input: inputOf(t, loadCase(t, "rcp-kms-perimeter"))}, testOptions)
	if len(pl.Fixes) == 0 || pl.Fixes[0].ID != "rcp-exempt" {
		t.Fatalf("fixes %+v", pl.Fixes)
	}
	var note *Note
	for i, n := range pl.Fixes[0].Notes {
		if n.ID == "rcp-guardrail.organization" {
			note = &pl.Fixes[0].Notes[i]
		}
	}
	if note == nil || note.Args[0] != "o-a1b2c3d4e5" || note.Args[1] != "aws:PrincipalOrgID" {
		t.Errorf("notes %+v", pl.Fixes[0].Notes)
	}
}

// When an Allow covers the request but its condition fails, the fix says
// which condition and how to meet it; the Allow without the condition is
// only a broad alternative, labelled with that risk. The case is the
// conformance case conditions/bool-missing-key (an Allow under
// aws:MultiFactorAuthPresent, a request without MFA).
func TestConditionKept(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../testdata/conformance/conditions/bool-missing-key.json")
	if err != nil {
		t.Fatal(err)
	}
	var w struct{ Case json.RawMessage }
	if err := json.Unmarshal(data, &w); err != nil {
		t.Fatal(err)
	}
	c, err := simulate.DecodeCase(w.Case)
	if err != nil {
		t.Fatal(err)
	}
	fixes := Propose(Problem{Input: inputOf(t, c)}, testOptions)
	if len(fixes) < 2 || fixes[0].ID != "meet-condition" || fixes[0].Kind != Alternative {
		t.Fatalf("fixes %v, want meet-condition first", ids(fixes))
	}
	m := fixes[0]
	if m.TitleMsg.Args[2] != "Bool" || m.TitleMsg.Args[3] != "aws:MultiFactorAuthPresent" || m.TitleMsg.Args[4] != "true" || m.TitleMsg.Args[5] != "@fix.condition.absent" {
		t.Errorf("meet-condition %v", m.TitleMsg.Args)
	}
	var broad *Fix
	for i := range fixes {
		if fixes[i].ID == "identity-inline-allow-unconditional" {
			broad = &fixes[i]
		}
	}
	if broad == nil || broad.Kind != Broad || broad.RiskMsg == nil || broad.RiskMsg.ID != "fix.risk.drops-condition" || !strings.Contains(broad.Risk, "aws:MultiFactorAuthPresent") {
		t.Errorf("unconditional alternative %+v", broad)
	}
}

// Every file a command reads (file://NAME) is named, and written before it:
// by a command of the fix (... > NAME) or, when no AWS call returns the
// document (a session policy), by the reader, as a comment line before it
// says. ("--policy file://" once stood for a session policy nobody wrote.)
func TestFileArgumentsWritten(t *testing.T) {
	t.Parallel()
	principals := []string{"arn:aws:sts::111122223333:assumed-role/Ops/jane", "arn:aws:iam::111122223333:user/ops", "arn:aws:sts::111122223333:federated-user/bob"}
	layers := []string{"identity", "permissionsBoundary", "session", "scp", "rcp", "vpcEndpoint", "resource"}
	fileRE := regexp.MustCompile(`file://(\S*)`)
	for _, principal := range principals {
		for _, layer := range layers {
			for _, explicit := range []bool{false, true} {
				in := &eval.Input{Request: eval.Request{Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"}}
				for _, f := range Propose(Problem{Input: in, Layer: layer, Explicit: explicit}, testOptions) {
					for _, lang := range []i18n.Lang{i18n.EN, i18n.JA, i18n.KO} {
						cli := f.Render.In(lang).CLI
						for i, c := range cli {
							if strings.HasPrefix(c, "#") {
								continue
							}
							for _, m := range fileRE.FindAllStringSubmatch(c, -1) {
								name := m[1]
								written := false
								for _, prev := range cli[:i] {
									if name != "" && (strings.HasSuffix(prev, "> "+name) || strings.HasPrefix(prev, "#") && strings.Contains(prev, name)) {
										written = true
									}
								}
								if !written {
									t.Errorf("%s %s explicit=%v %s (%s): %q reads file://%s, which nothing before it writes:\n%s", principal, layer, explicit, f.ID, lang, c, name, strings.Join(cli, "\n"))
								}
							}
						}
					}
				}
			}
		}
	}
}

// An Allow a least-privilege fix adds names the request's resource when the
// request names one, in every layer that takes a Resource element (a key
// policy applies to its own key: "*" there is that key; a trust policy has
// no Resource). An SCP's Allow once was on "*", allowing the action on
// every resource of every account below.
func TestAllowNamesTheResource(t *testing.T) {
	t.Parallel()
	const resource = "arn:aws:s3:::b/k"
	for _, layer := range []string{"identity", "permissionsBoundary", "session", "scp", "vpcEndpoint", "resource"} {
		in := &eval.Input{Request: eval.Request{Principal: "arn:aws:sts::111122223333:assumed-role/Ops/jane", Action: "s3:GetObject", Resource: resource}}
		pl := PlanFor(Problem{Input: in, Layer: layer}, testOptions)
		if len(pl.Fixes) == 0 {
			t.Fatalf("%s: no fix: %s", layer, pl.Error)
		}
		for _, f := range pl.Fixes {
			if f.Statement == nil || f.Statement.Effect != policy.Allow {
				continue
			}
			if !equalStrings(f.Statement.Resource, []string{resource}) || f.Statement.NotResource != nil {
				t.Errorf("%s: %s allows %v, want %s only:\n%s", layer, f.ID, f.Statement.Resource, resource, f.Render.PolicyJSON)
			}
			if f.Layer != "resource" && !strings.Contains(f.Title, resource) {
				t.Errorf("%s: %s: the title does not name the resource: %s", layer, f.ID, f.Title)
			}
		}
	}
	// Loaded from a case: the SCP level that lacks an Allow gets one for the resource.
	c := loadCase(t, "vault-create-scp-implicit")
	pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
	if f := byID(pl.Fixes, "scp-add-allow"); f == nil || !equalStrings(f.Statement.Resource, []string{c.Request.Resource}) || !pl.Verified {
		t.Errorf("scp-add-allow of vault-create-scp-implicit: %+v (plan verified %v)", f, pl.Verified)
	}
}

// The Terraform and CloudFormation of an SCP or RCP fix name the policy by
// its name when it is known, else by a <policy-name> placeholder that a
// comment line says how to fill in; never by its ID, which they would make
// its name (an applied import renamed the policy to "p-...").
func TestOrgPolicyNameNeverTheID(t *testing.T) {
	t.Parallel()
	req := eval.Request{Principal: "arn:aws:sts::111122223333:assumed-role/Ops/jane", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"}
	doc := func(effect string) []byte {
		return []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"D","Effect":"` + effect + `","Action":"s3:GetObject","Resource":"*"}]}`)
	}
	allowAll := []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)
	ec2Only := []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}`)
	arnName := "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-abcd1234"
	tests := []struct {
		name, policyName, want string
		deny                   bool
	}{
		{"deny named by ARN", arnName, "<policy-name>", true},
		{"deny named by ID", "p-abcd1234", "<policy-name>", true},
		{"allow missing, named by ID", "p-abcd1234", "<policy-name>", false},
		{"deny named by name", "RegionFence", "RegionFence", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			text := ec2Only
			if tt.deny {
				text = doc("Deny")
			}
			in := &eval.Input{Request: req, Identity: []eval.Doc{{Name: "inline", Text: allowAll}},
				SCPs: []eval.Level{{Target: "r-abcd", Policies: []eval.Doc{{Name: "FullAWSAccess", Text: allowAll}}}, {Target: "111122223333", Policies: []eval.Doc{{Name: tt.policyName, Text: text}}}}}
			pl := PlanFor(Problem{Input: in}, testOptions)
			if len(pl.Fixes) != 1 || pl.Fixes[0].Layer != "scp" || !pl.Verified {
				t.Fatalf("plan %v verified %v: %s", ids(pl.Fixes), pl.Verified, pl.Error)
			}
			f := pl.Fixes[0]
			if !strings.Contains(f.Render.Terraform, `  name    = "`+tt.want+`"`) && !strings.Contains(f.Render.Terraform, `  name = "`+tt.want+`"`) {
				t.Errorf("terraform does not name the policy %q:\n%s", tt.want, f.Render.Terraform)
			}
			if !strings.Contains(f.Render.CloudFormation, "Name: "+tt.want+"\n") && !strings.Contains(f.Render.CloudFormation, "Name: '"+tt.want+"'\n") {
				t.Errorf("cloudformation does not name the policy %q:\n%s", tt.want, f.Render.CloudFormation)
			}
			for _, body := range []string{f.Render.Terraform, f.Render.CloudFormation} {
				if strings.Contains(body, `name = "p-`) || strings.Contains(body, "Name: p-") {
					t.Errorf("the policy ID is written as its name:\n%s", body)
				}
				if tt.want == "<policy-name>" && !strings.Contains(body, "replace <policy-name> with the policy's current name (aws organizations describe-policy --policy-id p-abcd1234") {
					t.Errorf("no comment says how to find the name:\n%s", body)
				}
			}
		})
	}
}

// A name the message cut short ("AppRo...", "XXX") is in no command of any
// rendering, nor in a command a comment line gives to find a value: it
// becomes a placeholder. (The command finding a boundary's ARN once read
// "aws iam get-role --role-name AppRo...".)
func TestElidedNamesInNoCommand(t *testing.T) {
	t.Parallel()
	principals := []string{
		"arn:aws:sts::111122223333:assumed-role/AppRo.../jane",
		"arn:aws:sts::111122223333:assumed-role/AppRole/ja...",
		"arn:aws:iam::111122223333:user/bo…",
		"arn:aws:sts::111122223333:federated-user/bobXXX",
		// Names blanked with underscores, or a {placeholder} or ${VARIABLE}
		// in their place (an IAM name holds neither braces nor "$").
		"arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_____________/C____@____.org",
		"arn:aws:sts::111122223333:assumed-role/{role}/jrykowski",
		"arn:aws:sts::111122223333:assumed-role/${CLUSTER_NAME}-karpenter/1717079343811266923",
		"arn:aws:iam::111122223333:user/<iam user name>",
	}
	layers := []string{"identity", "permissionsBoundary", "session", "scp", "rcp", "vpcEndpoint", "resource"}
	cutRE := regexp.MustCompile(`\.\.\.|…|XXX|___|\{[\w ]+\}|<iam user name>`)
	for _, principal := range principals {
		for _, layer := range layers {
			for _, explicit := range []bool{false, true} {
				in := &eval.Input{Request: eval.Request{Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"}}
				for _, f := range Propose(Problem{Input: in, Layer: layer, Explicit: explicit}, testOptions) {
					for _, c := range f.Render.CLI {
						cmd := c
						if strings.HasPrefix(c, "#") {
							// Only the commands a comment gives (after "<placeholder>: ").
							_, after, ok := strings.Cut(c, ">: ")
							if !ok {
								continue
							}
							cmd = after
						}
						if cutRE.MatchString(cmd) {
							t.Errorf("%s %s explicit=%v %s: a name cut short in %q", principal, layer, explicit, f.ID, c)
						}
					}
					for _, body := range []string{f.Render.Terraform, f.Render.CloudFormation} {
						for _, l := range strings.Split(body, "\n") {
							if !strings.HasPrefix(strings.TrimSpace(l), "#") && cutRE.MatchString(l) {
								t.Errorf("%s %s explicit=%v %s: a name cut short in %q", principal, layer, explicit, f.ID, l)
							}
						}
					}
				}
			}
		}
	}
}

// When several layers lack an Allow, the plan fixes every one of them, in
// the engine's order, and is verified: here two SCP levels, the identity
// policy, the permissions boundary and the session policy (five layers; the
// plan once stopped after four, unverified, still denied by the session
// policy).
func TestEveryLayerThatLacksAnAllowIsFixed(t *testing.T) {
	t.Parallel()
	allowAll := []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)
	ec2 := []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}`)
	in := &eval.Input{
		Request:  eval.Request{Principal: "arn:aws:sts::111122223333:assumed-role/AppRole/s", Action: "s3:PutObject", Resource: "arn:aws:s3:::app-bucket/data.csv"},
		Identity: []eval.Doc{{Name: "inline-app", Text: ec2}},
		Boundary: &eval.Doc{Name: "arn:aws:iam::111122223333:policy/B", Text: ec2},
		Session:  &eval.Doc{Name: "session", Text: ec2},
		SCPs: []eval.Level{
			{Target: "r-abcd", Policies: []eval.Doc{{Name: "FullAWSAccess", Text: allowAll}}},
			{Target: "ou-abcd-11111111", Policies: []eval.Doc{{Name: "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-ou111111", Text: ec2}}},
			{Target: "111122223333", Policies: []eval.Doc{{Name: "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-acct1111", Text: ec2}}},
		},
	}
	pl := PlanFor(Problem{Input: in}, testOptions)
	var got []string
	for _, f := range pl.Fixes {
		got = append(got, f.Layer+"/"+f.Target.AttachedTo)
	}
	want := []string{"scp/ou-abcd-11111111", "scp/111122223333", "identity/", "permissionsBoundary/", "session/"}
	if !equalStrings(got, want) || !pl.Verified || pl.Decision != "Allowed" {
		t.Errorf("plan %v (verified %v, %s, still denied by %q), want %v", got, pl.Verified, pl.Decision, pl.StillDeniedBy, want)
	}
	if last := pl.Fixes[len(pl.Fixes)-1]; !last.Verified {
		t.Errorf("the last fix, applied after the others, is not verified: %+v", last)
	}
}

// An AWS managed policy cannot be changed (iam:CreatePolicyVersion on it is
// refused): a fix to one, an identity policy or a permissions boundary,
// known or only named by the message, creates a customer managed copy with
// the change and puts it in its place, says so in every rendering and
// language, and no command writes to the AWS managed policy. (The fixes once
// ran create-policy-version on arn:aws:iam::aws:policy/...)
func TestAWSManagedPolicyIsCopied(t *testing.T) {
	t.Parallel()
	req := eval.Request{Principal: "arn:aws:sts::111122223333:assumed-role/AppRole/s", Action: "s3:PutObject", Resource: "arn:aws:s3:::b/k"}
	allowAll := []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)
	readOnly := []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}`)
	denyAll := []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}`)
	const ro, da = "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AWSDenyAll"
	tests := []struct {
		name   string
		p      Problem
		arn    string
		attach string // the command that puts the copy in place
	}{
		{"boundary known", Problem{Input: &eval.Input{Request: req, Identity: []eval.Doc{{Name: "inline", Text: allowAll}}, Boundary: &eval.Doc{Name: ro, Text: readOnly}}}, ro,
			"aws iam put-role-permissions-boundary --role-name AppRole --permissions-boundary arn:aws:iam::111122223333:policy/denied-ReadOnlyAccess"},
		{"identity deny known", Problem{Input: &eval.Input{Request: req, Identity: []eval.Doc{{Name: "inline", Text: allowAll}, {Name: da, Text: denyAll}}}}, da,
			"aws iam attach-role-policy --role-name AppRole --policy-arn arn:aws:iam::111122223333:policy/denied-AWSDenyAll"},
		{"identity deny from a message", Problem{Input: &eval.Input{Request: req}, Layer: "identity", Explicit: true, Deciding: []eval.StatementRef{{Layer: "identity", Policy: da, Statement: -1}}}, da,
			"aws iam attach-role-policy --role-name AppRole --policy-arn arn:aws:iam::111122223333:policy/denied-AWSDenyAll"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pl := PlanFor(tt.p, testOptions)
			if len(pl.Fixes) != 1 {
				t.Fatalf("plan %v: %s", ids(pl.Fixes), pl.Error)
			}
			f := pl.Fixes[0]
			if !hasNote(f.Notes, "aws-managed-policy") && !hasNote(f.Notes, "aws-managed-boundary") {
				t.Errorf("no note says the policy cannot be changed: %+v", f.Notes)
			}
			if !strings.Contains(f.Render.PolicyKind, "AWS managed") {
				t.Errorf("policy kind %q", f.Render.PolicyKind)
			}
			cli := strings.Join(f.Render.CLI, "\n")
			for _, c := range f.Render.CLI {
				for _, w := range []string{"create-policy-version", "set-default-policy-version", "delete-policy-version"} {
					if strings.Contains(c, w) && strings.Contains(c, tt.arn) {
						t.Errorf("a command writes to the AWS managed policy: %s", c)
					}
				}
			}
			if !strings.Contains(cli, "\naws iam create-policy --policy-name denied-") || !strings.Contains(cli, "\n"+tt.attach) {
				t.Errorf("no copy created and put in place:\n%s", cli)
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.JA, i18n.KO} {
				r := f.Render.In(lang)
				for _, body := range []string{strings.Join(r.CLI, "\n"), r.Terraform, r.CloudFormation} {
					if !strings.Contains(body, tt.arn) {
						t.Errorf("%s: a rendering does not name %s:\n%s", lang, tt.arn, body)
					}
					if lang != i18n.EN && strings.Contains(body, "is an AWS managed policy, which cannot be changed") {
						t.Errorf("%s: a comment is left in English:\n%s", lang, body)
					}
				}
			}
		})
	}
}

// An Allow that covers the request but for its condition states that
// condition on purpose in every layer, not only in identity policies: a
// trust policy's sts:ExternalId, a key policy's kms:ViaService, a boundary's,
// an SCP's or a session policy's aws:RequestedRegion or MFA, a bucket
// policy's aws:SourceIp. The fix is to meet it; an Allow without it is only
// a broad alternative labelled with that risk, never a least-privilege fix.
// (The fixes of these layers once added the Allow without the condition.)
func TestConditionKeptInEveryLayer(t *testing.T) {
	t.Parallel()
	const principal = "arn:aws:sts::111122223333:assumed-role/AppRole/s"
	allowAll := eval.Doc{Name: "inline", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)}
	cond := func(st string) []byte { return []byte(`{"Version":"2012-10-17","Statement":[` + st + `]}`) }
	const region = `"Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}`
	s3get := eval.Request{Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"}
	tests := []struct {
		name, key, broad string
		in               eval.Input
	}{
		{"trust", "sts:ExternalId", "trust-add-principal-unconditional", eval.Input{
			Request:  eval.Request{Principal: principal, Action: "sts:AssumeRole", Resource: "arn:aws:iam::444455556666:role/Vendor"},
			Identity: []eval.Doc{allowAll},
			Resource: &eval.Doc{Name: "trust", Text: cond(`{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/AppRole"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"abc-123"}}}`)}}},
		{"key", "kms:ViaService", "key-policy-add-principal-unconditional", eval.Input{
			Request:  eval.Request{Principal: principal, Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
			Identity: []eval.Doc{allowAll},
			Resource: &eval.Doc{Name: "key", Text: cond(`{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/AppRole"},"Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}}`)}}},
		{"bucket", "aws:SourceIp", "bucket-policy-add-statement-unconditional", eval.Input{
			Request:  eval.Request{Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", ResourceAccount: "444455556666"},
			Identity: []eval.Doc{allowAll},
			Resource: &eval.Doc{Name: "bucket", Text: cond(`{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/AppRole"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}`)}}},
		{"boundary", "aws:RequestedRegion", "boundary-add-statement-unconditional", eval.Input{
			Request: s3get, Identity: []eval.Doc{allowAll},
			Boundary: &eval.Doc{Name: "arn:aws:iam::111122223333:policy/B", Text: cond(`{"Effect":"Allow","Action":"s3:*","Resource":"*",` + region + `}`)}}},
		{"scp", "aws:RequestedRegion", "scp-add-allow-unconditional", eval.Input{
			Request: s3get, Identity: []eval.Doc{allowAll},
			SCPs: []eval.Level{{Target: "r-abcd", Policies: []eval.Doc{{Name: "FullAWSAccess", Text: allowAll.Text}}},
				{Target: "111122223333", Policies: []eval.Doc{{Name: "p-acct1111", Text: cond(`{"Effect":"Allow","Action":"s3:*","Resource":"*",` + region + `}`)}}}}}},
		{"session", "aws:MultiFactorAuthPresent", "session-policy-widen-unconditional", eval.Input{
			Request: s3get, Identity: []eval.Doc{allowAll},
			Session: &eval.Doc{Name: "sess", Text: cond(`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}`)}}},
		{"vpcEndpoint", "aws:PrincipalAccount", "vpce-policy-add-statement-unconditional", eval.Input{
			Request: s3get, Identity: []eval.Doc{allowAll},
			VPCEndpoint: []eval.Doc{{Name: "vpce-0abc", Text: cond(`{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"999988887777"}}}`)}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := tt.in
			pl := PlanFor(Problem{Input: &in}, testOptions)
			for _, f := range pl.Fixes {
				if f.Layer == tt.name || tt.name == "trust" || tt.name == "key" || tt.name == "bucket" {
					t.Errorf("least-privilege fix %s drops the condition on %s: %s", f.ID, tt.key, f.Render.PolicyJSON)
				}
			}
			others := pl.Others()
			if len(others) == 0 || others[0].ID != "meet-condition" || others[0].TitleMsg.Args[3] != tt.key {
				t.Fatalf("fixes %v, want meet-condition on %s first", ids(others), tt.key)
			}
			b := byID(others, tt.broad)
			if b == nil || b.Kind != Broad || b.RiskMsg == nil || b.RiskMsg.ID != "fix.risk.drops-condition" || !strings.Contains(b.Risk, tt.key) {
				t.Errorf("no broad %s labelled with the condition it drops: %v %+v", tt.broad, ids(others), b)
			}
		})
	}
}

// A statement a fix adds to a known document takes a Sid that no statement
// of the document has: IAM ("the Sid value must be unique within a JSON
// policy"), S3 and the other services refuse a policy whose statements share
// one. (The boundary and bucket policy fixes once added a second
// "AllowGetObject".)
func TestAddedSidIsUnique(t *testing.T) {
	t.Parallel()
	const principal = "arn:aws:sts::111122223333:assumed-role/AppRole/s"
	allowAll := eval.Doc{Name: "inline", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)}
	for _, in := range []eval.Input{
		{Request: eval.Request{Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"}, Identity: []eval.Doc{allowAll},
			Boundary: &eval.Doc{Name: "arn:aws:iam::111122223333:policy/B", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"AllowGetObject","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::other/*"},{"Sid":"AllowGetObject2","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::third/*"}]}`)}},
		{Request: eval.Request{Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", ResourceAccount: "444455556666"}, Identity: []eval.Doc{allowAll},
			Resource: &eval.Doc{Name: "bucket", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"AllowAppRoleGetObject","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/AppRole"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/public/*"}]}`)}},
	} {
		in := in
		pl := PlanFor(Problem{Input: &in}, testOptions)
		if len(pl.Fixes) != 1 || !pl.Verified {
			t.Fatalf("plan %v verified %v", ids(pl.Fixes), pl.Verified)
		}
		f := pl.Fixes[0]
		seen := map[string]bool{}
		for _, st := range f.Document.Statements {
			if st.Sid != "" && seen[st.Sid] {
				t.Errorf("%s: Sid %q twice:\n%s", f.ID, st.Sid, f.Render.PolicyJSON)
			}
			seen[st.Sid] = true
		}
		if f.Statement != f.Document.Statements[len(f.Document.Statements)-1] {
			t.Errorf("%s: the statement shown is not the one added", f.ID)
		}
	}
}

// A Deny that applies because of how the request is sent (no TLS, another
// network or Region, no MFA, no encryption) is a guardrail the request can
// meet: the plan offers sending it so (a fix without a policy change) and
// the exemption says that meeting the guardrail comes first. A Deny on who
// sends it (aws:PrincipalOrgID) gets no such fix.
func TestDenyGuardrailCanBeMet(t *testing.T) {
	t.Parallel()
	const principal = "arn:aws:sts::111122223333:assumed-role/AppRole/s"
	allowAll := eval.Doc{Name: "inline", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)}
	tests := []struct {
		name, key string
		in        eval.Input
	}{
		{"bucket TLS", "aws:SecureTransport", eval.Input{
			Request:  eval.Request{Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Context: map[string][]string{"aws:SecureTransport": {"false"}}},
			Identity: []eval.Doc{allowAll},
			Resource: &eval.Doc{Name: "bucket", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"TLS","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`)}}},
		{"SCP Region", "aws:RequestedRegion", eval.Input{
			Request:  eval.Request{Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Context: map[string][]string{"aws:RequestedRegion": {"eu-west-1"}}},
			Identity: []eval.Doc{allowAll},
			SCPs:     []eval.Level{{Target: "r-abcd", Policies: []eval.Doc{{Name: "p-fence1234", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"RegionFence","Effect":"Deny","NotAction":"iam:*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east-1"}}}]}`)}}}}}},
		{"SCP organization", "", eval.Input{
			Request:  eval.Request{Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
			Identity: []eval.Doc{allowAll},
			SCPs:     []eval.Level{{Target: "r-abcd", Policies: []eval.Doc{{Name: "p-org12345", Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"Org","Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-aaaa"}}}]}`)}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := tt.in
			pl := PlanFor(Problem{Input: &in}, testOptions)
			if len(pl.Fixes) != 1 || !pl.Verified {
				t.Fatalf("plan %v verified %v", ids(pl.Fixes), pl.Verified)
			}
			avoid := byID(pl.Others(), "avoid-deny-condition")
			if tt.key == "" {
				if avoid != nil || hasNote(pl.Fixes[0].Notes, "deny-guardrail") {
					t.Errorf("a Deny on who sends the request is offered as a guardrail to meet: %v", ids(pl.Others()))
				}
				return
			}
			if avoid == nil || avoid.Kind != Alternative || avoid.TitleMsg.Args[3] != tt.key || avoid.Target.Kind != TargetRequest {
				t.Fatalf("no fix sends the request so that %s no longer denies: %v", tt.key, ids(pl.Others()))
			}
			if !hasNote(pl.Fixes[0].Notes, "deny-guardrail") {
				t.Errorf("the exemption does not say meeting the guardrail comes first: %+v", pl.Fixes[0].Notes)
			}
		})
	}
}

// A KMS alias has no policy of its own: a denial on an alias ARN is fixed in
// the key policy of the key behind it, named by a <key-id> placeholder
// (get-key-policy and put-key-policy take no alias) that describe-key on the
// alias finds. (Such a fix once targeted "the resource-based policy of
// alias/...", set by no command.)
func TestKMSAliasFixesItsKeyPolicy(t *testing.T) {
	t.Parallel()
	const alias = "arn:aws:kms:us-east-1:111122223333:alias/app-key"
	for _, explicit := range []bool{false, true} {
		in := &eval.Input{Request: eval.Request{Principal: "arn:aws:sts::111122223333:assumed-role/AppRole/s", Action: "kms:Decrypt", Resource: alias}}
		pl := PlanFor(Problem{Input: in, Layer: "resource", Explicit: explicit}, testOptions)
		if len(pl.Fixes) == 0 {
			t.Fatalf("explicit=%v: no fix: %s", explicit, pl.Error)
		}
		f := pl.Fixes[0]
		cli := strings.Join(f.Render.CLI, "\n")
		if f.Target.Kind != TargetKeyPolicy || f.Render.PolicyKind != "KMS key policy" ||
			!strings.Contains(cli, "\naws kms put-key-policy --key-id <key-id> ") ||
			!strings.Contains(cli, "<key-id>: aws kms describe-key --key-id "+alias+" --query KeyMetadata.Arn --output text") {
			t.Errorf("explicit=%v: %s %+v (%s):\n%s", explicit, f.ID, f.Target, f.Render.PolicyKind, cli)
		}
		if f.Statement != nil && !equalStrings(f.Statement.Resource, []string{"*"}) && f.Statement.Effect == policy.Allow {
			t.Errorf("explicit=%v: a key policy statement names %v", explicit, f.Statement.Resource)
		}
	}
}

// A service-linked role's permissions belong to AWS (put-role-policy on it
// is refused: UnmodifiableEntity), and it lives under /aws-service-role/
// SERVICE/, which its session ARN does not give: no fix edits its policies,
// and none names it by an ARN without that path (a placeholder stands for the
// service, which aws iam get-role finds) unless the caller gives its ARN.
// (The fixes once ran put-role-policy on AWSServiceRoleForBackup and named
// arn:aws:iam::ACCOUNT:role/AWSServiceRoleForBackup in a key policy.)
func TestServiceLinkedRole(t *testing.T) {
	t.Parallel()
	req := eval.Request{Principal: "arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForBackup/AWSBackup-AWSServiceRoleForBackup", Action: "kms:CreateGrant",
		Resource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}
	const real = "arn:aws:iam::111122223333:role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup"
	for _, tt := range []struct {
		layer, roleARN, want string
	}{
		{"identity", "", ""},
		{"resource", "", "arn:aws:iam::111122223333:role/aws-service-role/<service-principal>/AWSServiceRoleForBackup"},
		{"resource", real, real},
	} {
		opt := testOptions
		opt.RoleARN = tt.roleARN
		pl := PlanFor(Problem{Input: &eval.Input{Request: req}, Layer: tt.layer}, opt)
		if !hasNote(pl.Notes, "service-linked-role") {
			t.Errorf("%s: no note on the service-linked role: %+v", tt.layer, pl.Notes)
		}
		for _, f := range pl.Proposals() {
			all := strings.Join(f.Render.CLI, "\n") + f.Render.PolicyJSON + f.Render.Terraform + f.Render.CloudFormation
			if f.Layer == "identity" || strings.Contains(all, "put-role-policy") || strings.Contains(all, ":role/AWSServiceRoleForBackup") {
				t.Errorf("%s %q: %s edits the role's policies or names it without its path:\n%s", tt.layer, tt.roleARN, f.ID, all)
			}
		}
		if tt.want == "" {
			if len(pl.Fixes) != 0 {
				t.Errorf("identity: fixes %v for a role whose policies AWS owns", ids(pl.Fixes))
			}
			continue
		}
		if len(pl.Fixes) == 0 || pl.Fixes[0].Statement == nil || !equalStrings(pl.Fixes[0].Statement.Principal.AWS, []string{tt.want}) {
			t.Errorf("resource %q: fixes %v, want the key policy naming %s", tt.roleARN, ids(pl.Fixes), tt.want)
		}
	}
}
