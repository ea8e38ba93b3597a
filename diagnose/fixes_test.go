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
