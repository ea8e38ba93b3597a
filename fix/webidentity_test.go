package fix

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/simulate"
)

// A web identity or SAML caller denied by a Deny in the role's trust
// policy is excepted by the subject of its token or assertion, which the
// request carries, never by aws:PrincipalArn, which it does not: with the
// subject given the plan verifies; without it the exemption names a
// placeholder, the plan is not verified and says which key to fill in.
func TestWebIdentityDenyExemptsBySubject(t *testing.T) {
	t.Parallel()
	const gh = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
	const okta = "arn:aws:iam::111122223333:saml-provider/Okta"
	trust := func(fed, action string, allow bool) string {
		s := `{"Version":"2012-10-17","Statement":[{"Sid":"NoProvider","Effect":"Deny","Principal":{"Federated":"` + fed + `"},"Action":"` + action + `"}`
		if allow {
			s += `,{"Effect":"Allow","Principal":{"Federated":"` + fed + `"},"Action":"` + action + `"}`
		}
		return s + `]}`
	}
	for _, tt := range []struct {
		name, principal, action, key, sub string
		allow                             bool
	}{
		{"cognito-deny-only", "cognito-identity.amazonaws.com", "sts:AssumeRoleWithWebIdentity", "cognito-identity.amazonaws.com:sub", "us-east-1:12345678-1234-1234-1234-123456789012", false},
		{"saml", okta, "sts:AssumeRoleWithSAML", "saml:sub", "alice@example.com", true},
		{"google", "accounts.google.com", "sts:AssumeRoleWithWebIdentity", "accounts.google.com:sub", "109220063452404746097", true},
		{"github-no-sub", gh, "sts:AssumeRoleWithWebIdentity", "token.actions.githubusercontent.com:sub", "", true},
		{"saml-no-sub", okta, "sts:AssumeRoleWithSAML", "saml:sub", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := ""
			if tt.sub != "" {
				ctx = `,"context":{"` + tt.key + `":"` + tt.sub + `"}`
			}
			data := `{"id":"` + tt.name + `","request":{"principal":"` + tt.principal + `","action":"` + tt.action + `","resource":"arn:aws:iam::111122223333:role/Deploy","resourceAccount":"111122223333"` + ctx + `},` +
				`"resourcePolicy":{"name":"trust-policy","document":` + trust(tt.principal, tt.action, tt.allow) + `}}`
			c, err := simulate.DecodeCase([]byte(data))
			if err != nil {
				t.Fatal(err)
			}
			pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
			if len(pl.Fixes) == 0 {
				t.Fatalf("no fix: %+v", pl)
			}
			f := pl.Fixes[0]
			if got := condValues(f.Statement, "ArnNotLike", "aws:PrincipalArn"); got != nil {
				t.Errorf("exemption by aws:PrincipalArn %v, which the request does not carry", got)
			}
			want := tt.sub
			if want == "" {
				want = "<" + tt.key + ">"
			}
			if got := condValues(f.Statement, "StringNotEquals", tt.key); !equalStrings(got, []string{want}) {
				t.Errorf("exemption %s = %v, want %q", tt.key, got, want)
			}
			if tt.sub != "" {
				if last := pl.Fixes[len(pl.Fixes)-1]; !last.Verified || tt.allow && !pl.Verified {
					t.Errorf("plan %v not verified (still denied by %q)", ids(pl.Fixes), pl.StillDeniedBy)
				}
				if !tt.allow && (len(pl.Fixes) != 2 || pl.Fixes[1].ID != "trust-add-principal") {
					t.Errorf("a trust policy holding only the Deny: plan %v, want the exemption and trust-add-principal", ids(pl.Fixes))
				}
				return
			}
			if pl.Verified || f.Verified || pl.Decision != "" {
				t.Errorf("plan with a placeholder subject verified: %+v", pl)
			}
			if !hasNote(pl.Notes, "federated-subject-unknown") || !contains(f.Render.Placeholders, want) {
				t.Errorf("notes %v, placeholders %v: want the subject note and %s", pl.Notes, f.Render.Placeholders, want)
			}
			for _, line := range f.Render.CLI {
				if strings.Contains(line, want) && !strings.HasPrefix(line, "#") {
					return
				}
			}
			t.Errorf("no command names %s: %v", want, f.Render.CLI)
		})
	}
}
