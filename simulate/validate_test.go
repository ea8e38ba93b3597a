package simulate_test

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/simulate"
)

func TestCatalogValidation(t *testing.T) {
	t.Parallel()
	base := `{"request":{"principal":"arn:aws:iam::111122223333:user/a","action":%ACTION%,"resource":%RES%,"context":%CTX%},"identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":%PACT%,"Resource":"*","Condition":%COND%}]}}]}`
	mk := func(action, res, ctx, pact, cond string) []byte {
		r := strings.NewReplacer("%ACTION%", action, "%RES%", res, "%CTX%", ctx, "%PACT%", pact, "%COND%", cond)
		return []byte(r.Replace(base))
	}
	tests := []struct {
		name      string
		data      []byte
		wantError string
		wantWarn  string
	}{
		{"unknown action suggests", mk(`"backup:StartRestorJob"`, `"*"`, `{}`, `"*"`, `{}`), "did you mean backup:StartRestoreJob", ""},
		{"unknown service", mk(`"backups:StartRestoreJob"`, `"*"`, `{}`, `"*"`, `{}`), "backup:StartRestoreJob", ""},
		{"wrong resource type", mk(`"backup:CreateBackupVault"`, `"arn:aws:iam::111122223333:role/x"`, `{}`, `"*"`, `{}`), "", "not an ARN of a resource type backup:CreateBackupVault acts on (backupVault)"},
		{"policy action typo", mk(`"s3:GetObject"`, `"arn:aws:s3:::b/k"`, `{}`, `"s3:GetObjekt"`, `{}`), "", `unknown action "s3:GetObjekt"; did you mean s3:GetObject`},
		{"pattern matches nothing", mk(`"s3:GetObject"`, `"arn:aws:s3:::b/k"`, `{}`, `"s3:Frobnicate*"`, `{}`), "", "matches no known action"},
		{"numeric operator on string key", mk(`"s3:GetObject"`, `"arn:aws:s3:::b/k"`, `{}`, `"*"`, `{"NumericLessThan":{"aws:username":"3"}}`), "", "compares Numeric values but aws:username is of type String"},
		{"multivalued key without set operator", mk(`"s3:GetObject"`, `"arn:aws:s3:::b/k"`, `{}`, `"*"`, `{"StringEquals":{"aws:TagKeys":"a"}}`), "", "use ForAnyValue: or ForAllValues:"},
		{"bad context value", mk(`"s3:GetObject"`, `"arn:aws:s3:::b/k"`, `{"aws:SourceIp":"not-an-ip"}`, `"*"`, `{}`), "", `"not-an-ip" is not a valid IPAddress value`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := simulate.EvaluateJSONWith(tt.data, fixedNow)
			if tt.wantError != "" {
				if res.Error == nil || !strings.Contains(res.Error.Message, tt.wantError) {
					t.Fatalf("error %+v, want one containing %q", res.Error, tt.wantError)
				}
				return
			}
			if res.Error != nil {
				t.Fatalf("unexpected error %v", res.Error)
			}
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, tt.wantWarn) {
					return
				}
			}
			t.Fatalf("warnings %+v, want one containing %q", res.Warnings, tt.wantWarn)
		})
	}
	// With AllowUnknownActions the case is evaluated and warned about.
	res := simulate.EvaluateJSONWith(mk(`"backup:StartRestorJob"`, `"*"`, `{}`, `"*"`, `{}`), simulate.Options{AllowUnknownActions: true})
	if res.Error != nil || res.Decision != "Allowed" || len(res.Warnings) == 0 {
		t.Fatalf("AllowUnknownActions: %+v", res)
	}
}
