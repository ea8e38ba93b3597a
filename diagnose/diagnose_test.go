package diagnose

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
)

// checkMsgs fails when a finding uses a message the catalog lacks.
func checkMsgs(t *testing.T, fs []Finding) {
	t.Helper()
	for _, f := range fs {
		all := append([]Msg{f.Title, f.Cause}, append(f.Checks, f.Notes...)...)
		for _, m := range all {
			if !i18n.Has(m.ID) {
				t.Errorf("rule %s: message %q is not in the catalog", f.Rule, m.ID)
			}
			for _, a := range m.Args {
				if strings.HasPrefix(a, "@") && !i18n.Has(a[1:]) {
					t.Errorf("rule %s: argument %q is not in the catalog", f.Rule, a)
				}
			}
		}
	}
}

func parse(t *testing.T, text string) *authzmsg.Denial {
	t.Helper()
	d, err := authzmsg.Parse(text)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return d
}

func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/messages/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The seed case must come out exactly: the restore role may not pass the
// instance's role; fix 1 is the least-privilege inline policy (verified),
// then "Proceed with no IAM role", then the broad role/* policy labelled
// riskier; the managed-policy note is there.
func TestSeedRestorePassRole(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"decoded/zatoima-wrapper.json", "seeds/003_00f8f2943710bdf3.txt"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fs := Diagnose(parse(t, fixture(t, name)), Options{})
			checkMsgs(t, fs)
			if len(fs) == 0 || fs[0].Rule != "backup.ec2-restore-passrole" {
				t.Fatalf("findings %+v, want backup.ec2-restore-passrole first", rules0(fs))
			}
			f := fs[0]
			if f.Cause.Args[0] != "AWSBackupROLEEC2" || f.Cause.Args[1] != "IAM_ROLE_EC2_Access" {
				t.Errorf("cause args %v", f.Cause.Args)
			}
			if f.Plan == nil || !f.Plan.Verified || len(f.Plan.Fixes) != 1 {
				t.Fatalf("plan %+v", f.Plan)
			}
			fx := f.Plan.Fixes[0]
			if fx.ID != "identity-inline-allow" || fx.Target.Name != "AWSBackupROLEEC2" {
				t.Errorf("fix 1 %s on %+v", fx.ID, fx.Target)
			}
			for _, want := range []string{`"iam:PassRole"`, `arn:aws:iam::<ACCOUNT_ID>:role/IAM_ROLE_EC2_Access`, `"iam:PassedToService": "ec2.amazonaws.com"`} {
				if !strings.Contains(fx.Render.PolicyJSON, want) {
					t.Errorf("fix 1 policy lacks %s:\n%s", want, fx.Render.PolicyJSON)
				}
			}
			var alt, broad bool
			for _, a := range f.Alternatives {
				alt = alt || (a.ID == "restore-without-instance-role" && a.Kind == fix.Alternative)
				broad = broad || (a.ID == "passrole-any-role" && a.Kind == fix.Broad && a.Risk != "")
			}
			if !alt || !broad {
				t.Errorf("alternatives %+v", f.Alternatives)
			}
			managed := hasMsg(f.Notes, "backup.ec2passrole.note.managed")
			for _, n := range f.Plan.Notes {
				managed = managed || n.ID == "managed-restores-policy-allows-passrole"
				if strings.Contains(n.Text, PlaceholderAccount) {
					t.Errorf("note shows the placeholder account: %s", n.Text)
				}
			}
			if !managed || !hasMsgPrefix(f.Notes, "note.redacted-account") {
				t.Errorf("notes %+v, plan notes %+v", f.Notes, f.Plan.Notes)
			}
		})
	}
}

func TestRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, rule, layer string
	}{
		{"vault identity", "User: arn:aws:iam::444455556666:user/ops is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault because no identity-based policy allows the backup:CreateBackupVault action", "backup.create-vault", "identity"},
		{"vault boundary", "User: arn:aws:iam::444455556666:user/ops is not authorized to perform: backup-storage:MountCapsule because no permissions boundary allows the backup-storage:MountCapsule action", "backup.create-vault", "permissionsBoundary"},
		{"vault scp", "An error occurred (AccessDeniedException) when calling the CreateBackupVault operation: User: arn:aws:sts::444455556666:assumed-role/Ops/jane is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault with an explicit deny in a service control policy", "backup.create-vault", "scp"},
		{"vault kms", "User: arn:aws:iam::444455556666:user/ops is not authorized to perform: kms:CreateGrant on resource: arn:aws:kms:us-west-2:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:CreateGrant action", "kms.key-policy", "resource"},
		{"restore caller", "User: arn:aws:iam::326912278139:user/xxxx is not authorized to perform: backup:StartRestoreJob on resource: arn:aws:backup:eu-west-2:326912278139:recovery-point:ef63aad because no identity-based policy allows the backup:StartRestoreJob action", "backup.start-restore", "identity"},
		{"vault policy", "User: arn:aws:sts::111122223333:assumed-role/Admin/s is not authorized to perform: backup:DeleteBackupVaultAccessPolicy on resource: arn:aws:backup:us-east-1:111122223333:backup-vault:aws/efs/automatic-backup-vault with an explicit deny in a resource-based policy", "backup.vault-policy-deny", "resource"},
		{"decode denied", "User: arn:aws:iam::111122223333:user/dev is not authorized to perform: sts:DecodeAuthorizationMessage because no identity-based policy allows the sts:DecodeAuthorizationMessage action", "sts.decode-denied", "identity"},
		{"caller passrole", "User: arn:aws:iam::111122223333:user/ops is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/BackupRole because no identity-based policy allows the iam:PassRole action", "backup.caller-passrole", "identity"},
		{"generic s3", "User: arn:aws:iam::111122223333:user/ops is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::b/k\" with an explicit deny in a permissions boundary: arn:aws:iam::111122223333:policy/Boundary", "iam.permissionsBoundary-explicit", "permissionsBoundary"},
		{"job role trust", "The provided role arn:aws:iam::111122223333:role/Backup-Role cannot be assumed by AWS Backup.", "backup.job.role-cannot-be-assumed", "trust"},
		{"encoded restore", "You are not authorized to perform this operation. Please consult the permissions associated with your AWS Backup role(s), and refer to the AWS Backup documentation for more details. Encoded authorization failure message: <omitted>", "backup.ec2-restore-encoded", "decode"},
		{"missing vault", "An error occurred (AccessDeniedException) when calling the DescribeBackupVault operation: Insufficient privileges to perform this action.", "trap.describe-missing-vault", "service"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := Diagnose(parse(t, tt.text), Options{})
			checkMsgs(t, fs)
			for _, f := range fs {
				if f.Rule == tt.rule {
					if f.Layer != tt.layer {
						t.Errorf("layer %q, want %q", f.Layer, tt.layer)
					}
					return
				}
			}
			t.Fatalf("rules %v, want %s", rules0(fs), tt.rule)
		})
	}
}

// Every IAM fix the rules attach is verified by the engine.
func TestFixesVerified(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"User: arn:aws:iam::444455556666:user/ops is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault because no identity-based policy allows the backup:CreateBackupVault action",
		"User: arn:aws:iam::444455556666:user/ops is not authorized to perform: kms:CreateGrant on resource: arn:aws:kms:us-west-2:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:CreateGrant action",
		"User: arn:aws:iam::444455556666:user/ops is not authorized to perform: backup-storage:MountCapsule because no permissions boundary allows the backup-storage:MountCapsule action",
	} {
		fs := Diagnose(parse(t, text), Options{})
		if len(fs) == 0 || fs[0].Plan == nil || !fs[0].Plan.Verified || fs[0].Plan.Decision != "Allowed" {
			t.Errorf("%s\nplan not verified: %+v", text, fs[0].Plan)
		}
	}
}

func rules0(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

// Every form in the message corpus yields findings whose messages are all
// in the catalog.
func TestCorpusMessagesTranslated(t *testing.T) {
	t.Parallel()
	var cases []struct {
		Name  string `json:"name"`
		Input string `json:"input"`
	}
	b, err := os.ReadFile("../testdata/messages/forms.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cases {
		ds, err := authzmsg.ParseAll(c.Input)
		if err != nil {
			continue
		}
		for _, d := range ds {
			fs := Diagnose(d, Options{})
			if len(fs) == 0 {
				t.Errorf("%s: no finding", c.Name)
			}
			checkMsgs(t, fs)
			n++
		}
	}
	if n < 40 {
		t.Errorf("only %d denials diagnosed", n)
	}
}

func hasMsgPrefix(ms []Msg, prefix string) bool {
	for _, m := range ms {
		if strings.HasPrefix(m.ID, prefix) {
			return true
		}
	}
	return false
}

// The encoded-restore finding says EC2 returned an encoded message only
// when the text holds one; a status message cut before it, or with a
// placeholder in its place, says which call was refused is not known.
func TestEncodedRestoreCauseSaysWhatTheTextHolds(t *testing.T) {
	t.Parallel()
	const head = "You are not authorized to perform this operation. Please consult the permissions associated with your AWS Backup role(s), and refer to the AWS Backup documentation for more details."
	for _, tt := range []struct {
		name, text, cause, check string
	}{
		{"with message", head + " Encoded authorization failure message: " + strings.Repeat("AbCdEf0123_-", 12), "backup.encrestore.cause", "decode.how"},
		{"cut before it", head, "backup.encrestore.cause.no-message", "backup.encrestore.check.whole-status"},
		{"placeholder", head + " Encoded authorization failure message: <omitted>", "backup.encrestore.cause.no-message", "backup.encrestore.check.whole-status"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, f := range Diagnose(parse(t, tt.text), Options{}) {
				if f.Rule != "backup.ec2-restore-encoded" {
					continue
				}
				if f.Cause.ID != tt.cause {
					t.Errorf("cause %s, want %s", f.Cause.ID, tt.cause)
				}
				var ids []string
				for _, c := range f.Checks {
					ids = append(ids, c.ID)
				}
				if !slices.Contains(ids, tt.check) {
					t.Errorf("checks %v, want %s among them", ids, tt.check)
				}
				return
			}
			t.Fatal("no backup.ec2-restore-encoded finding")
		})
	}
}
