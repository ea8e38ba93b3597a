package simulate_test

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/simulate"
)

// TestWebIdentityProviderKeys: sts:AssumeRoleWithWebIdentity carries its
// OIDC provider's keys ("for an OIDC provider, the keys are the
// provider's URL followed by :aud, :sub", IAM User Guide, Available keys
// for AWS web identity federation), GitHub's among them, which the
// catalog does not list for the action: a trust policy narrowing GitHub
// callers by repository allows the repository it names and refuses
// another (before: the key was ignored and every such call refused).
// Another action still ignores the key.
func TestWebIdentityProviderKeys(t *testing.T) {
	const trust = `"resourcePolicy":{"document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:o/r:ref:refs/heads/main"}}}]}}`
	c := func(action, sub string) string {
		return `{"request":{"principal":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com","action":"` + action + `","resource":"arn:aws:iam::111122223333:role/ci","context":{"token.actions.githubusercontent.com:sub":"` + sub + `","token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}},` + trust + `}`
	}
	for _, tt := range []struct {
		action, sub, decision string
		ignored               bool
	}{
		{"sts:AssumeRoleWithWebIdentity", "repo:o/r:ref:refs/heads/main", "Allowed", false},
		{"sts:AssumeRoleWithWebIdentity", "repo:o/other:ref:refs/heads/main", "ImplicitDeny", false},
		{"sts:TagSession", "repo:o/r:ref:refs/heads/main", "ImplicitDeny", true},
	} {
		r := simulate.EvaluateJSON([]byte(c(tt.action, tt.sub)))
		if r.Error != nil {
			t.Fatalf("%s %s: %v", tt.action, tt.sub, r.Error)
		}
		ignored := false
		for _, w := range r.Warnings {
			ignored = ignored || strings.Contains(w.Message, "so it is ignored")
		}
		if r.Decision != tt.decision || ignored != tt.ignored {
			t.Errorf("%s %s: %s, ignored %v (warnings %v); want %s, ignored %v", tt.action, tt.sub, r.Decision, ignored, r.Warnings, tt.decision, tt.ignored)
		}
	}
}
