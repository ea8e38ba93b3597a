package fix

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

const (
	seedRole     = "arn:aws:iam::111122223333:role/AWSBackupROLEEC2"
	seedPassed   = "arn:aws:iam::111122223333:role/IAM_ROLE_EC2_Access"
	seedSession  = "arn:aws:sts::111122223333:assumed-role/AWSBackupROLEEC2/AWSBackup-AWSBackupROLEEC2"
	operatorRole = "arn:aws:iam::444455556666:role/BackupOperator"
)

// The Knowledge Center scenario: the restore role may not pass the
// instance's role to EC2.
func TestSeedRestorePassRole(t *testing.T) {
	t.Parallel()
	c := loadCase(t, "restore-passrole")
	in := inputOf(t, c)
	fixes := Propose(Problem{Input: in}, testOptions)
	if got, want := ids(fixes), []string{"identity-inline-allow", "restore-without-instance-role", "passrole-any-role"}; !equalStrings(got, want) {
		t.Fatalf("fixes = %v, want %v", got, want)
	}

	f1 := fixes[0]
	if f1.Kind != LeastPrivilege || f1.Layer != "identity" {
		t.Errorf("fix 1: kind %v layer %q", f1.Kind, f1.Layer)
	}
	want := Target{Kind: TargetRoleInline, Name: "AWSBackupROLEEC2", ARN: seedRole, PolicyName: "denied-allow-passrole-IAM_ROLE_EC2_Access"}
	if f1.Target != want {
		t.Errorf("fix 1 target = %+v, want %+v", f1.Target, want)
	}
	golden, err := os.ReadFile("../testdata/fix/seed-identity-inline-allow.json")
	if err != nil {
		t.Fatal(err)
	}
	if f1.Render.PolicyJSON != string(golden) {
		t.Errorf("fix 1 policy JSON:\n%s\nwant:\n%s", f1.Render.PolicyJSON, golden)
	}
	st := f1.Statement
	if st.Effect != policy.Allow || !equalStrings(st.Action, []string{"iam:PassRole"}) || !equalStrings(st.Resource, []string{seedPassed}) ||
		!equalStrings(condValues(st, "StringEquals", "iam:PassedToService"), []string{"ec2.amazonaws.com"}) || len(st.Conditions) != 1 {
		t.Errorf("fix 1 statement = %s", statementJSON(st))
	}
	if !f1.Verified || f1.VerifiedDecision != "Allowed" || f1.VerifiedAgainst != AgainstKnownPolicies || f1.StillDeniedBy != "" {
		t.Errorf("fix 1 verification: %v %q %q %q", f1.Verified, f1.VerifiedDecision, f1.VerifiedAgainst, f1.StillDeniedBy)
	}
	if !hasNote(f1.Notes, "managed-restores-policy-allows-passrole") {
		t.Errorf("fix 1 lacks the managed-policy note: %+v", f1.Notes)
	}
	for _, n := range f1.Notes {
		if n.ID == "managed-restores-policy-allows-passrole" && !(strings.Contains(n.Text, "AWSBackupServiceRolePolicyForRestores") && strings.Contains(n.Text, "v25") &&
			strings.Contains(n.Text, "2025-11-10") && strings.Contains(n.Text, "permissions boundary") && strings.Contains(n.Text, "SCP")) {
			t.Errorf("managed-policy note: %s", n.Text)
		}
	}
	if !strings.HasPrefix(f1.Render.CLI[0], "aws iam put-role-policy --role-name AWSBackupROLEEC2 --policy-name denied-allow-passrole-IAM_ROLE_EC2_Access --policy-document '{") {
		t.Errorf("fix 1 CLI = %q", f1.Render.CLI)
	}

	f2 := fixes[1]
	if f2.Kind != Alternative || f2.Document != nil || f2.Verified {
		t.Errorf("fix 2: kind %v, document %v, verified %v", f2.Kind, f2.Document != nil, f2.Verified)
	}
	cli := strings.Join(f2.Render.CLI, "\n")
	for _, want := range []string{
		"IamInstanceProfileName restore metadata key is omitted",
		"aws backup start-restore-job --recovery-point-arn <recovery-point-arn> --iam-role-arn " + seedRole,
		"aws ec2 associate-iam-instance-profile --instance-id <restored-instance-id> --iam-instance-profile Name=IAM_ROLE_EC2_Access",
	} {
		if !strings.Contains(cli, want) {
			t.Errorf("fix 2 CLI lacks %q:\n%s", want, cli)
		}
	}
	for _, l := range f2.Render.CLI {
		if strings.HasPrefix(l, "aws backup start-restore-job") && strings.Contains(l, "IamInstanceProfileName") {
			t.Errorf("the restore passes the instance profile: %s", l)
		}
	}

	f3 := fixes[2]
	if f3.Kind != Broad || !equalStrings(f3.Statement.Resource, []string{"arn:aws:iam::111122223333:role/*"}) || len(f3.Statement.Conditions) != 0 {
		t.Errorf("fix 3: kind %v, statement %s", f3.Kind, statementJSON(f3.Statement))
	}
	if !strings.Contains(f3.Risk, "privilege escalation") || !strings.Contains(f3.Risk, "administrator") {
		t.Errorf("fix 3 risk = %q", f3.Risk)
	}
	if !f3.Verified {
		t.Errorf("fix 3 not verified: %s", f3.StillDeniedBy)
	}

	pl := PlanFor(Problem{Input: in}, testOptions)
	if !pl.Verified || pl.Decision != "Allowed" || len(pl.Fixes) != 1 || !hasNote(pl.Notes, "managed-restores-policy-allows-passrole") {
		t.Errorf("plan: verified %v, decision %q, fixes %v, notes %v", pl.Verified, pl.Decision, ids(pl.Fixes), pl.Notes)
	}
	if res := evalCase(t, applyPublic(t, c, f1)); res.Decision != "Allowed" {
		t.Errorf("fix 1 applied by hand: %s (%s)", res.Decision, res.Layer)
	}
	if d := evalInput(t, in); d != "ImplicitDeny" {
		t.Errorf("the problem's input itself was changed: %s", d)
	}
}

// A denial read from an error message: only the request is known, and the
// message carries no iam:PassedToService.
func TestSeedFromMessageOnly(t *testing.T) {
	t.Parallel()
	in := &eval.Input{Request: eval.Request{Principal: seedSession, Action: "iam:PassRole", Resource: seedPassed}}
	pl := PlanFor(Problem{Input: in, Layer: "identity"}, testOptions)
	if len(pl.Fixes) != 1 || pl.Fixes[0].ID != "identity-inline-allow" {
		t.Fatalf("plan fixes = %v (%s)", ids(pl.Fixes), pl.Error)
	}
	f := pl.Fixes[0]
	if got := condValues(f.Statement, "StringEquals", "iam:PassedToService"); !equalStrings(got, []string{"ec2.amazonaws.com"}) {
		t.Errorf("inferred PassedToService = %v", got)
	}
	if !f.Verified || f.VerifiedAgainst != AgainstRequestOnly || !pl.Verified || pl.VerifiedAgainst != AgainstRequestOnly {
		t.Errorf("verification: fix %v %q, plan %v %q", f.Verified, f.VerifiedAgainst, pl.Verified, pl.VerifiedAgainst)
	}
	if !hasNote(f.Notes, "passed-to-service-inferred") || !hasNote(f.Notes, "managed-restores-policy-allows-passrole") {
		t.Errorf("notes = %+v", f.Notes)
	}
	if len(in.Request.Context) != 0 {
		t.Errorf("the problem's request was changed: %v", in.Request.Context)
	}
}

// The seed scenario when the boundary denies the PassRole and the role's
// own policy does not allow it: two layers, fixed one after the other.
func TestSeedBoundaryDenyChain(t *testing.T) {
	t.Parallel()
	c := loadCase(t, "restore-passrole-boundary-deny")
	pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
	if got, want := ids(pl.Fixes), []string{"boundary-narrow-deny", "identity-inline-allow"}; !equalStrings(got, want) {
		t.Fatalf("plan = %v, want %v", got, want)
	}
	b, id := pl.Fixes[0], pl.Fixes[1]
	if b.Verified || b.StillDeniedBy != "identity" || !id.Verified || !equalStrings(id.After, []string{"boundary-narrow-deny"}) || !pl.Verified {
		t.Errorf("chain: boundary %v/%q, identity %v after %v, plan %v", b.Verified, b.StillDeniedBy, id.Verified, id.After, pl.Verified)
	}
	if b.Target.Kind != TargetBoundary || b.Target.ARN != "arn:aws:iam::111122223333:policy/BackupBoundary" {
		t.Errorf("boundary target = %+v", b.Target)
	}
	// The Deny is narrowed, not deleted.
	if b.Original == nil || b.Original.Effect != policy.Deny || b.Statement.Effect != policy.Deny || b.Statement.Sid != "NoPassRoleToEC2" ||
		!equalStrings(b.Statement.NotResource, []string{seedPassed}) || b.Statement.Resource != nil || len(b.Document.Statements) != 2 {
		t.Errorf("narrowed deny = %s (document has %d statements)", statementJSON(b.Statement), len(b.Document.Statements))
	}
	if !equalStrings(b.Original.Resource, []string{"*"}) {
		t.Errorf("the original statement was changed: %s", statementJSON(b.Original))
	}
	for _, f := range pl.Fixes {
		if res := evalCase(t, applyPublic(t, c, f)); res.Decision == "Allowed" {
			t.Errorf("%s alone allows the request: the plan needs both", f.ID)
		}
	}
	if res := evalCase(t, applyPublic(t, c, pl.Fixes...)); res.Decision != "Allowed" {
		t.Errorf("plan applied by hand: %s (%s)", res.Decision, res.Layer)
	}
	all := Propose(Problem{Input: inputOf(t, c)}, testOptions)
	if got, want := ids(all), []string{"boundary-narrow-deny", "identity-inline-allow", "restore-without-instance-role", "passrole-any-role"}; !equalStrings(got, want) {
		t.Errorf("Propose = %v, want %v", got, want)
	}
}

// Vault creation (the Knowledge Center's second article) denied by each
// layer in turn.
func TestVaultCreation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		plan   []string
		target Target
		check  func(t *testing.T, f Fix)
	}{
		{
			name:   "vault-create-identity",
			plan:   []string{"identity-inline-allow"},
			target: Target{Kind: TargetRoleInline, Name: "BackupOperator", ARN: operatorRole, PolicyName: "denied-allow-createbackupvault-MyVault"},
			check: func(t *testing.T, f Fix) {
				if !equalStrings(f.Statement.Resource, []string{"arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault"}) || len(f.Statement.Conditions) != 0 {
					t.Errorf("statement = %s", statementJSON(f.Statement))
				}
			},
		},
		{
			name:   "vault-create-boundary-implicit",
			plan:   []string{"boundary-add-statement"},
			target: Target{Kind: TargetBoundary, Name: "OperatorBoundary", ARN: "arn:aws:iam::444455556666:policy/boundaries/OperatorBoundary"},
			check: func(t *testing.T, f Fix) {
				if !f.Complete || len(f.Document.Statements) != 2 || f.Document.Statements[1] != f.Statement {
					t.Errorf("merged boundary = %s", f.Render.PolicyJSON)
				}
				if !strings.Contains(strings.Join(f.Render.CLI, "\n"), "aws iam create-policy-version --policy-arn arn:aws:iam::444455556666:policy/boundaries/OperatorBoundary --policy-document '") ||
					!strings.HasSuffix(f.Render.CLI[len(f.Render.CLI)-1], "--set-as-default") {
					t.Errorf("CLI = %q", f.Render.CLI)
				}
				if !strings.Contains(f.Render.Terraform, `path = "/boundaries/"`) {
					t.Errorf("terraform lacks the policy path:\n%s", f.Render.Terraform)
				}
			},
		},
		{
			name:   "vault-create-boundary-explicit",
			plan:   []string{"boundary-narrow-deny"},
			target: Target{Kind: TargetBoundary, Name: "OperatorBoundary", ARN: "arn:aws:iam::444455556666:policy/OperatorBoundary"},
			check: func(t *testing.T, f Fix) {
				if f.Original.Sid != "NoVaultsOutsideHome" || f.Statement.Effect != policy.Deny ||
					!equalStrings(f.Statement.NotResource, []string{"arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault"}) ||
					!equalStrings(condValues(f.Statement, "StringNotEquals", "aws:RequestedRegion"), []string{"us-east-1"}) {
					t.Errorf("narrowed = %s", statementJSON(f.Statement))
				}
			},
		},
		{
			name: "vault-create-scp-deny",
			plan: []string{"scp-exempt"},
			target: Target{Kind: TargetSCP, ARN: "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-regionfence",
				PolicyID: "p-regionfence", AttachedTo: "ou-prod-1a2b3c4d"},
			check: func(t *testing.T, f Fix) {
				if f.Original.Sid != "RegionFence" || !equalStrings(condValues(f.Statement, "ArnNotLike", "aws:PrincipalArn"), []string{operatorRole}) ||
					!equalStrings(condValues(f.Statement, "StringNotEquals", "aws:RequestedRegion"), []string{"us-east-1", "ap-northeast-1"}) {
					t.Errorf("exempted = %s", statementJSON(f.Statement))
				}
				if len(f.Document.Statements) != 3 || f.Document.Statements[2].Effect != policy.Deny {
					t.Errorf("the other statements of the SCP must stay: %s", f.Render.PolicyJSON)
				}
				if !strings.HasPrefix(f.Render.CLI[len(f.Render.CLI)-1], "aws organizations update-policy --policy-id p-regionfence --content '") {
					t.Errorf("CLI = %q", f.Render.CLI)
				}
			},
		},
		{
			name: "vault-create-scp-implicit",
			plan: []string{"scp-add-allow"},
			target: Target{Kind: TargetSCP, ARN: "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-allowlist",
				PolicyID: "p-allowlist", AttachedTo: "ou-workloads-5e6f7a8b"},
			check: func(t *testing.T, f Fix) {
				if f.Statement.Effect != policy.Allow || !equalStrings(f.Statement.Action, []string{"backup:CreateBackupVault"}) || len(f.Document.Statements) != 2 {
					t.Errorf("SCP = %s", f.Render.PolicyJSON)
				}
			},
		},
		{
			name:   "vault-create-key-policy",
			plan:   []string{"key-policy-add-principal"},
			target: Target{Kind: TargetKeyPolicy, Name: "arn:aws:kms:us-west-2:444455556666:key/mrk-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", ARN: "arn:aws:kms:us-west-2:444455556666:key/mrk-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", Region: "us-west-2"},
			check: func(t *testing.T, f Fix) {
				st := f.Statement
				if st.Sid != "AllowBackupOperatorUse" || st.Principal == nil || !equalStrings(st.Principal.AWS, []string{operatorRole}) ||
					!equalStrings(st.Resource, []string{"*"}) || !equalStrings(st.Action, []string{"kms:CreateGrant"}) ||
					!equalStrings(condValues(st, "StringEquals", "kms:ViaService"), []string{"backup.us-west-2.amazonaws.com"}) ||
					!equalStrings(condValues(st, "Bool", "kms:GrantIsForAWSResource"), []string{"true"}) {
					t.Errorf("key policy statement = %s", statementJSON(st))
				}
				last := f.Render.CLI[len(f.Render.CLI)-1]
				if !strings.HasPrefix(last, "aws kms put-key-policy --key-id arn:aws:kms:us-west-2:444455556666:key/mrk-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d --policy-name default --policy '") {
					t.Errorf("CLI = %q", last)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := loadCase(t, tt.name)
			if res := evalCase(t, c); res.Decision == "Allowed" {
				t.Fatalf("the case is not denied")
			}
			pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
			if !equalStrings(ids(pl.Fixes), tt.plan) {
				t.Fatalf("plan = %v, want %v (%s)", ids(pl.Fixes), tt.plan, pl.Error)
			}
			f := pl.Fixes[0]
			if f.Target != tt.target {
				t.Errorf("target = %+v\nwant     %+v", f.Target, tt.target)
			}
			if f.Kind != LeastPrivilege || !f.Verified || f.VerifiedAgainst != AgainstKnownPolicies || !pl.Verified || pl.Decision != "Allowed" {
				t.Errorf("verification: fix %v %q, plan %v %q", f.Verified, f.StillDeniedBy, pl.Verified, pl.StillDeniedBy)
			}
			if res := evalCase(t, applyPublic(t, c, pl.Fixes...)); res.Decision != "Allowed" {
				t.Errorf("plan applied by hand: %s (%s) %v", res.Decision, res.Layer, res.Deciding)
			}
			tt.check(t, f)
		})
	}
}

// A cross-account key: the key policy must name the role and the role's
// own account must allow the request too.
func TestCrossAccountKMS(t *testing.T) {
	t.Parallel()
	c := loadCase(t, "cross-account-kms")
	pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
	if got, want := ids(pl.Fixes), []string{"key-policy-add-principal", "identity-inline-allow"}; !equalStrings(got, want) {
		t.Fatalf("plan = %v, want %v", got, want)
	}
	key, id := pl.Fixes[0], pl.Fixes[1]
	const keyARN = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	if key.Target.Kind != TargetKeyPolicy || key.Target.ARN != keyARN || !equalStrings(key.Statement.Principal.AWS, []string{"arn:aws:iam::444455556666:role/BackupCopyRole"}) {
		t.Errorf("key fix: target %+v, statement %s", key.Target, statementJSON(key.Statement))
	}
	if key.Verified || key.StillDeniedBy != "identity" {
		t.Errorf("the key fix alone: verified %v, still denied by %q", key.Verified, key.StillDeniedBy)
	}
	if id.Target.Kind != TargetRoleInline || id.Target.Name != "BackupCopyRole" || !equalStrings(id.Statement.Resource, []string{keyARN}) || !id.Verified {
		t.Errorf("identity fix: %+v %s verified %v", id.Target, statementJSON(id.Statement), id.Verified)
	}
	if !pl.Verified || pl.Decision != "Allowed" {
		t.Errorf("plan: %v %q %q", pl.Verified, pl.Decision, pl.StillDeniedBy)
	}
	if res := evalCase(t, applyPublic(t, c, key, id)); res.Decision != "Allowed" {
		t.Errorf("both applied by hand: %s (%s)", res.Decision, res.Layer)
	}
	for _, f := range []Fix{key, id} {
		if res := evalCase(t, applyPublic(t, c, f)); res.Decision == "Allowed" {
			t.Errorf("%s alone allows the request", f.ID)
		}
	}
	if byID(Propose(Problem{Input: inputOf(t, c)}, testOptions), "key-policy-delegate-to-iam") != nil {
		t.Errorf("a cross-account key must not be offered IAM delegation")
	}
}

// Other layers and targets.
func TestOtherLayers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		fixes  []string // Propose, in order
		target TargetKind
		check  func(t *testing.T, fixes []Fix)
	}{
		{
			name: "session-policy", fixes: []string{"session-policy-widen"}, target: TargetSessionPolicy,
			check: func(t *testing.T, fixes []Fix) {
				cli := strings.Join(fixes[0].Render.CLI, "\n")
				if !strings.Contains(cli, "aws sts assume-role --role-arn arn:aws:iam::111122223333:role/BackupOperator --role-session-name alice --policy '") ||
					!strings.Contains(cli, "whoever calls AssumeRole or GetFederationToken") {
					t.Errorf("CLI = %s", cli)
				}
			},
		},
		{
			name: "trust-backup-service", fixes: []string{"trust-add-principal"}, target: TargetTrustPolicy,
			check: func(t *testing.T, fixes []Fix) {
				st := fixes[0].Statement
				if st.Principal == nil || !equalStrings(st.Principal.Service, []string{"backup.amazonaws.com"}) || st.Resource != nil {
					t.Errorf("trust statement = %s", statementJSON(st))
				}
				if !strings.HasPrefix(fixes[0].Render.CLI[len(fixes[0].Render.CLI)-1], "aws iam update-assume-role-policy --role-name Backup-Role --policy-document '") {
					t.Errorf("CLI = %q", fixes[0].Render.CLI)
				}
			},
		},
		{
			name: "identity-deny", fixes: []string{"identity-narrow-deny", "avoid-deny-condition"}, target: TargetUserInline,
			check: func(t *testing.T, fixes []Fix) {
				if a := fixes[1]; a.Kind != Alternative || a.TitleMsg.Args[3] != "aws:MultiFactorAuthPresent" {
					t.Errorf("the MFA guardrail is not offered to meet: %+v", a.TitleMsg)
				}
				f := fixes[0]
				if f.Target.PolicyName != "BackupRestore" || f.Original.Sid != "RequireMFA" || f.Statement.Effect != policy.Deny || len(f.Document.Statements) != 2 {
					t.Errorf("narrowed %s in %+v", statementJSON(f.Statement), f.Target)
				}
				if !hasNote(f.Notes, "deny-on-purpose") {
					t.Errorf("notes = %+v", f.Notes)
				}
			},
		},
		{
			name: "efs-vault-deny", fixes: []string{"vault-policy-exempt"}, target: TargetVaultPolicy,
			check: func(t *testing.T, fixes []Fix) {
				if got := condValues(fixes[0].Statement, "ArnNotLike", "aws:PrincipalArn"); !equalStrings(got, []string{"arn:aws:iam::111122223333:role/SAAssumedRole"}) {
					t.Errorf("exemption = %v", got)
				}
				if fixes[0].Target.Name != "aws/efs/automatic-backup-vault" || fixes[0].Target.Region != "us-east-1" {
					t.Errorf("target = %+v", fixes[0].Target)
				}
			},
		},
		{
			name: "vault-policy-deny-recovery-point", fixes: []string{"vault-policy-exempt", "vault-policy-remove-deny"}, target: TargetVaultPolicy,
			check: func(t *testing.T, fixes []Fix) {
				got := condValues(fixes[0].Statement, "ArnNotLike", "aws:PrincipalArn")
				if fixes[0].Target.Name != "" || !strings.Contains(strings.Join(fixes[0].Render.CLI, "\n"), "\naws backup put-backup-vault-access-policy --backup-vault-name <backup-vault-name>") || !contains(fixes[0].Render.Placeholders, "<backup-vault-name>") {
					t.Errorf("a recovery point ARN does not name its vault: %+v %q", fixes[0].Target, fixes[0].Render.CLI)
				}
				if !equalStrings(got, []string{"arn:aws:iam::111122223333:role/BreakGlass", "arn:aws:iam::111122223333:role/BackupAdmin"}) {
					t.Errorf("exemption = %v", got)
				}
				rm := fixes[1]
				if rm.Kind != Broad || rm.Risk == "" || !rm.Verified || len(rm.Document.Statements) != 1 || rm.Document.Statements[0].Sid != "AllowCopyFromOrg" {
					t.Errorf("remove-deny: %v %q %s", rm.Kind, rm.Risk, rm.Render.PolicyJSON)
				}
			},
		},
		{
			name: "rcp-kms-perimeter", fixes: []string{"rcp-exempt", "key-policy-add-principal"}, target: TargetRCP,
			check: func(t *testing.T, fixes []Fix) {
				r, k := fixes[0], fixes[1]
				if r.Verified || r.StillDeniedBy != "resource" || !k.Verified || !equalStrings(k.After, []string{"rcp-exempt"}) {
					t.Errorf("chain: rcp %v %q, key %v after %v", r.Verified, r.StillDeniedBy, k.Verified, k.After)
				}
				if got := condValues(r.Statement, "ArnNotLike", "aws:PrincipalArn"); !equalStrings(got, []string{"arn:aws:iam::444455556666:role/PartnerCopy"}) || r.Target.PolicyID != "p-perimeter" {
					t.Errorf("rcp exemption = %v in %+v", got, r.Target)
				}
				if !strings.Contains(r.Render.Terraform, `type = "RESOURCE_CONTROL_POLICY"`) {
					t.Errorf("terraform:\n%s", r.Render.Terraform)
				}
			},
		},
		{
			name: "vpce-s3", fixes: []string{"vpce-policy-add-statement"}, target: TargetVPCEndpoint,
			check: func(t *testing.T, fixes []Fix) {
				st := fixes[0].Statement
				if !equalStrings(st.Principal.AWS, []string{"arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole"}) || !equalStrings(st.Resource, []string{"arn:aws:s3:::app-data/reports/2026.csv"}) {
					t.Errorf("endpoint statement = %s", statementJSON(st))
				}
				if !strings.HasPrefix(fixes[0].Render.CLI[1], "aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-0a1b2c3d4e5f67890 --policy-document '") {
					t.Errorf("CLI = %q", fixes[0].Render.CLI)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := loadCase(t, tt.name)
			fixes := Propose(Problem{Input: inputOf(t, c)}, testOptions)
			if !equalStrings(ids(fixes), tt.fixes) {
				t.Fatalf("fixes = %v, want %v", ids(fixes), tt.fixes)
			}
			if fixes[0].Target.Kind != tt.target {
				t.Errorf("fix 1: target %q", fixes[0].Target.Kind)
			}
			pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
			if !pl.Verified {
				t.Errorf("plan %v not verified: still denied by %s", ids(pl.Fixes), pl.StillDeniedBy)
			}
			if res := evalCase(t, applyPublic(t, c, pl.Fixes...)); res.Decision != "Allowed" {
				t.Errorf("plan applied by hand: %s (%s)", res.Decision, res.Layer)
			}
			tt.check(t, fixes)
		})
	}
}

// When only the request is known (an error message), fixes to a layer's
// document say that the document is unknown.
func TestRequestOnly(t *testing.T) {
	t.Parallel()
	req := eval.Request{Principal: "arn:aws:sts::444455556666:assumed-role/BackupOperator/jdoe", Action: "backup:CreateBackupVault",
		Resource: "arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault"}

	t.Run("boundary", func(t *testing.T) {
		t.Parallel()
		pl := PlanFor(Problem{Input: &eval.Input{Request: req}, Layer: "permissionsBoundary"}, testOptions)
		if len(pl.Fixes) != 1 {
			t.Fatalf("plan = %v (%s)", ids(pl.Fixes), pl.Error)
		}
		f := pl.Fixes[0]
		if f.ID != "boundary-add-statement" || f.Complete || !f.Verified || f.VerifiedAgainst != AgainstRequestOnly || !hasNote(f.Notes, "document-unknown") {
			t.Errorf("fix: %s complete %v verified %v %q notes %v", f.ID, f.Complete, f.Verified, f.VerifiedAgainst, f.Notes)
		}
		cli := strings.Join(f.Render.CLI, "\n")
		if !strings.Contains(cli, "aws iam get-policy-version") || !strings.Contains(cli, "--policy-document file://policy.json --set-as-default") || strings.Contains(cli, "'{") {
			t.Errorf("a partial boundary must be fetched and merged, not submitted alone:\n%s", cli)
		}
		if !strings.Contains(f.Render.Terraform, "locals {") || !strings.Contains(f.Render.CloudFormation, "- Sid: AllowCreateBackupVault") {
			t.Errorf("partial renderings:\n%s\n%s", f.Render.Terraform, f.Render.CloudFormation)
		}
	})

	t.Run("scp explicit", func(t *testing.T) {
		t.Parallel()
		arn := "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-regionfence"
		pl := PlanFor(Problem{Input: &eval.Input{Request: req}, Layer: "scp", Explicit: true,
			Deciding: []eval.StatementRef{{Layer: "scp", Policy: arn, Effect: "Deny"}}}, testOptions)
		if len(pl.Fixes) != 1 {
			t.Fatalf("plan = %v (%s)", ids(pl.Fixes), pl.Error)
		}
		f := pl.Fixes[0]
		if f.ID != "scp-exempt" || f.Statement != nil || f.Verified || f.VerifiedAgainst != "" || f.Target.PolicyID != "p-regionfence" || pl.Verified {
			t.Errorf("fix: %+v verified %v %q, plan %v", f.Target, f.Verified, f.VerifiedAgainst, pl.Verified)
		}
		if !hasNote(f.Notes, "deny-unknown") || !strings.Contains(f.Notes[len(f.Notes)-1].Text, `{"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::444455556666:role/BackupOperator"}}`) {
			t.Errorf("notes = %+v", f.Notes)
		}
		if cli := strings.Join(f.Render.CLI, "\n"); !strings.Contains(cli, "aws organizations describe-policy --policy-id p-regionfence") {
			t.Errorf("CLI = %s", cli)
		}
	})

	t.Run("kms cross-account", func(t *testing.T) {
		t.Parallel()
		r := eval.Request{Principal: "arn:aws:iam::444455556666:user/bob", Action: "kms:Decrypt",
			Resource: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}
		pl := PlanFor(Problem{Input: &eval.Input{Request: r}, Layer: "resource"}, testOptions)
		if got := ids(pl.Fixes); !equalStrings(got, []string{"key-policy-add-principal", "identity-inline-allow"}) || !pl.Verified || pl.VerifiedAgainst != AgainstRequestOnly {
			t.Errorf("plan = %v verified %v %q", got, pl.Verified, pl.VerifiedAgainst)
		}
	})
}

func TestPassedToServiceUnknown(t *testing.T) {
	t.Parallel()
	in := &eval.Input{Request: eval.Request{Principal: "arn:aws:iam::111122223333:user/alice", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/AppRole"}}
	fixes := Propose(Problem{Input: in}, testOptions)
	if got := ids(fixes); !equalStrings(got, []string{"identity-inline-allow", "passrole-any-role"}) {
		t.Fatalf("fixes = %v", got)
	}
	// Never no condition (any service): a placeholder service, which the
	// verification's request carries, and a command marked not runnable.
	cs := fixes[0].Statement.Conditions
	if len(cs) != 1 || cs[0].Key != "iam:PassedToService" || !equalStrings(cs[0].Values, []string{PassedToServicePlaceholder}) ||
		!hasNote(fixes[0].Notes, "passed-to-service-unknown") || hasNote(fixes[0].Notes, "managed-restores-policy-allows-passrole") {
		t.Errorf("fix: %s notes %v", statementJSON(fixes[0].Statement), fixes[0].Notes)
	}
	if !fixes[0].Verified {
		t.Errorf("not verified: %+v", fixes[0])
	}
	cli := fixes[0].Render.CLI
	if fixes[0].Target.Kind != TargetUserInline || len(cli) != 2 || !strings.HasPrefix(cli[0], "# ") || !strings.Contains(cli[0], "<service>") ||
		!strings.HasPrefix(cli[1], "aws iam put-user-policy --user-name alice ") || !equalStrings(fixes[0].Render.Placeholders, []string{"<service>"}) {
		t.Errorf("target %+v CLI %q placeholders %q", fixes[0].Target, cli, fixes[0].Render.Placeholders)
	}
}

// AWSBackupDefaultServiceRole lives under /service-role/: policies must
// name it with its path, and verification must see that ARN.
func TestDefaultRolePath(t *testing.T) {
	t.Parallel()
	c := &simulate.Case{
		Request: simulate.CaseRequest{Principal: "arn:aws:sts::111122223333:assumed-role/AWSBackupDefaultServiceRole/AWSBackup-AWSBackupDefaultServiceRole",
			Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
		ServiceControlPolicies: []simulate.OrgLevel{{Target: "r-root", Policies: []simulate.PolicyDoc{{Name: "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-nokms",
			Document: json.RawMessage(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"NoKMS","Effect":"Deny","Action":"kms:*","Resource":"*"}]}`)}}}},
	}
	pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
	if len(pl.Fixes) == 0 || pl.Fixes[0].ID != "scp-exempt" {
		t.Fatalf("plan = %v (%s)", ids(pl.Fixes), pl.Error)
	}
	const role = "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole"
	if got := condValues(pl.Fixes[0].Statement, "ArnNotLike", "aws:PrincipalArn"); !equalStrings(got, []string{role}) || pl.Fixes[0].StillDeniedBy != "resource" {
		t.Errorf("exemption = %v, still denied by %q", got, pl.Fixes[0].StillDeniedBy)
	}
	// The case has no key policy: the key policy must allow too.
	if got := ids(pl.Fixes); !equalStrings(got, []string{"scp-exempt", "key-policy-add-principal"}) || !pl.Verified {
		t.Fatalf("plan = %v, verified %v (%s)", got, pl.Verified, pl.StillDeniedBy)
	}
	if k := pl.Fixes[1]; !equalStrings(k.Statement.Principal.AWS, []string{role}) || k.Statement.Sid != "AllowAWSBackupDefaultServiceRoleUse" || k.Complete {
		t.Errorf("key policy fix: %s complete %v", statementJSON(k.Statement), k.Complete)
	}
	if !hasNote(pl.Notes, "role-path") {
		t.Errorf("notes = %v", pl.Notes)
	}
}

func TestChainStopsAtMaxRounds(t *testing.T) {
	t.Parallel()
	c := loadCase(t, "restore-passrole-boundary-deny")
	opt := testOptions
	opt.MaxRounds = 1
	pl := PlanFor(Problem{Input: inputOf(t, c)}, opt)
	if len(pl.Fixes) != 1 || pl.Verified || pl.StillDeniedBy != "identity" || pl.Decision != "ImplicitDeny" {
		t.Errorf("plan = %v verified %v still %q decision %q", ids(pl.Fixes), pl.Verified, pl.StillDeniedBy, pl.Decision)
	}
}

func TestBadProblems(t *testing.T) {
	t.Parallel()
	for name, p := range map[string]Problem{
		"no case":       {},
		"no principal":  {Input: &eval.Input{Request: eval.Request{Action: "s3:GetObject"}}},
		"unknown layer": {Input: &eval.Input{Request: eval.Request{Principal: seedSession, Action: "iam:PassRole", Resource: seedPassed}}, Layer: "bucket"},
	} {
		pl := PlanFor(p, testOptions)
		if pl.Error == "" || len(pl.Fixes) != 0 || pl.Verified {
			t.Errorf("%s: plan %v verified %v error %q", name, ids(pl.Fixes), pl.Verified, pl.Error)
		}
		if len(Propose(p, testOptions)) != 0 {
			t.Errorf("%s: Propose returned fixes", name)
		}
	}
}

func TestAllowedNeedsNoFix(t *testing.T) {
	t.Parallel()
	c := loadCase(t, "restore-passrole")
	c = applyPublic(t, c, Propose(Problem{Input: inputOf(t, c)}, testOptions)[0])
	pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
	if len(pl.Fixes) != 0 || !pl.Verified || pl.Decision != "Allowed" {
		t.Errorf("plan = %v verified %v decision %q", ids(pl.Fixes), pl.Verified, pl.Decision)
	}
}

func TestFixJSON(t *testing.T) {
	t.Parallel()
	fixes := Propose(Problem{Input: inputOf(t, loadCase(t, "restore-passrole"))}, testOptions)
	b, err := json.Marshal(fixes[0])
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		ID        string
		Kind      string
		Statement map[string]any
		Document  map[string]any
		Verified  bool
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != "identity-inline-allow" || got.Kind != "LeastPrivilege" || got.Statement["Action"] != "iam:PassRole" || got.Document["Version"] != "2012-10-17" || !got.Verified {
		t.Errorf("JSON = %s", b)
	}
}

// The note that the fix's iam:PassedToService condition names a
// placeholder service went to the plan and its first fix whatever that
// fix was: an SCP Deny's exemption (aws:PrincipalArn) carries no such
// condition, and the SCP Allow added where none allows granted
// iam:PassRole with none (any service). The note is on the fixes whose
// statement carries the condition; the SCP Allow carries it, as the
// identity fix does.
func TestPassedToServiceNoteOnlyWithCondition(t *testing.T) {
	t.Parallel()
	r := eval.Request{Principal: "arn:aws:iam::111122223333:user/alice", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/AppRole"}

	pl := PlanFor(Problem{Input: &eval.Input{Request: r}, Layer: "scp", Explicit: true}, testOptions)
	if len(pl.Fixes) == 0 || pl.Fixes[0].ID != "scp-exempt" {
		t.Fatalf("explicit: fixes = %v", ids(pl.Fixes))
	}
	if hasNote(pl.Notes, "passed-to-service-unknown") {
		t.Errorf("explicit: plan notes %+v", pl.Notes)
	}
	for _, f := range append(append([]Fix(nil), pl.Fixes...), pl.others...) {
		if has := hasNote(f.Notes, "passed-to-service-unknown"); has != (f.Statement != nil && strings.Contains(string(statementJSON(f.Statement)), PassedToServicePlaceholder)) {
			t.Errorf("explicit: fix %s note %v, statement %s", f.ID, has, statementJSON(f.Statement))
		}
	}

	pl = PlanFor(Problem{Input: &eval.Input{Request: r}, Layer: "scp"}, testOptions)
	if len(pl.Fixes) == 0 || pl.Fixes[0].ID != "scp-add-allow" {
		t.Fatalf("implicit: fixes = %v", ids(pl.Fixes))
	}
	f := pl.Fixes[0]
	cs := f.Statement.Conditions
	if len(cs) != 1 || cs[0].Key != "iam:PassedToService" || !equalStrings(cs[0].Values, []string{PassedToServicePlaceholder}) || !hasNote(f.Notes, "passed-to-service-unknown") {
		t.Errorf("implicit: %s notes %+v", statementJSON(f.Statement), f.Notes)
	}
	if !f.Verified {
		t.Errorf("implicit: not verified")
	}
}
