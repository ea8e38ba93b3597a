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
