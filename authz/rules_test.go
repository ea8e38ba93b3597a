package authz

import (
	"errors"
	"testing"

	"github.com/deniedhq/denied/policy"
)

func mustParse(t *testing.T, doc string) *policy.Policy {
	t.Helper()
	p, fs := policy.Parse([]byte(doc))
	if policy.HasErrors(fs) {
		t.Fatalf("parse %s: %v", doc, fs)
	}
	return p
}

// TestResourceBasedStatementNeedsPrincipal: every resource-based layer
// refuses a statement without Principal; identity-side layers do not
// need one (issue 7, item 2).
func TestResourceBasedStatementNeedsPrincipal(t *testing.T) {
	t.Parallel()
	p := mustParse(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`)
	for _, l := range Layers {
		_, err := CompilePolicy(l, NamedPolicy{Name: "p", Policy: p})
		var ce *CompileError
		switch l {
		case LayerResource, LayerRCP, LayerVPCEndpoint:
			if !errors.Is(err, ErrNoPrincipal) || !errors.As(err, &ce) || ce.Statement != 1 {
				t.Errorf("%s: err = %v, want ErrNoPrincipal at statement 1", l, err)
			}
		default:
			if err != nil {
				t.Errorf("%s: %v", l, err)
			}
		}
	}
}

type ruleCase struct {
	name      string
	principal string
	action    string
	resource  string
	fedUser   string
	identity  string
	resPolicy string
	want      Decision
	note      string // note of the identity layer
}

func runRules(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		in := Input{}
		if c.identity != "" {
			in.Identity = []NamedPolicy{{Name: "id", Policy: mustParse(t, c.identity)}}
		}
		if c.resPolicy != "" {
			in.Resource = &NamedPolicy{Name: "rp", Policy: mustParse(t, c.resPolicy)}
		}
		set, err := Compile(in)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		r, err := NewRequest(RequestInput{Principal: c.principal, Action: c.action, Resource: c.resource, ResourceAccount: "111122223333", FederatingUser: c.fedUser})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var res Result
		set.Evaluate(r, &res)
		if res.Decision != c.want || (c.note != "" && res.Layers[LayerIdentity].Note != c.note) {
			t.Errorf("%s: %s (identity note %q), want %s (%q)", c.name, res.Decision, res.Layers[LayerIdentity].Note, c.want, c.note)
		}
	}
}

// TestAllowNotPrincipal: an Allow with NotPrincipal never applies to a
// caller any of whose identities is listed (issue 7, item 3).
func TestAllowNotPrincipal(t *testing.T) {
	t.Parallel()
	rp := func(listed string) string {
		return `{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotPrincipal":{"AWS":"` + listed + `"},"Action":"s3:GetObject","Resource":"*"}}`
	}
	sess := "arn:aws:sts::444455556666:assumed-role/Reader/s1"
	idp := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`
	obj := "arn:aws:s3:::b/k"
	runRules(t, []ruleCase{
		{name: "role listed", principal: sess, action: "s3:GetObject", resource: obj, identity: idp, resPolicy: rp("arn:aws:iam::444455556666:role/Reader"), want: ImplicitDeny},
		{name: "session listed", principal: sess, action: "s3:GetObject", resource: obj, identity: idp, resPolicy: rp(sess), want: ImplicitDeny},
		{name: "account listed", principal: sess, action: "s3:GetObject", resource: obj, identity: idp, resPolicy: rp("444455556666"), want: ImplicitDeny},
		{name: "root ARN listed", principal: sess, action: "s3:GetObject", resource: obj, identity: idp, resPolicy: rp("arn:aws:iam::444455556666:root"), want: ImplicitDeny},
		{name: "other listed", principal: sess, action: "s3:GetObject", resource: obj, identity: idp, resPolicy: rp("arn:aws:iam::444455556666:role/Other"), want: Allowed},
		{name: "user listed", principal: "arn:aws:iam::444455556666:user/bob", action: "s3:GetObject", resource: obj, identity: idp, resPolicy: rp("arn:aws:iam::444455556666:user/bob"), want: ImplicitDeny},
		{name: "federating user listed", principal: "arn:aws:sts::444455556666:federated-user/x", fedUser: "arn:aws:iam::444455556666:user/bob", action: "s3:GetObject", resource: obj, identity: idp, resPolicy: rp("arn:aws:iam::444455556666:user/bob"), want: ImplicitDeny},
	})
}

// TestRefusedWhateverThePolicies: requests AWS refuses are not Allowed
// even by an administrator, and an explicit deny stays one (issue 7,
// items 4 and 5).
func TestRefusedWhateverThePolicies(t *testing.T) {
	t.Parallel()
	admin := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`
	deny := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}`
	user := "arn:aws:iam::111122223333:user/admin"
	slr := "arn:aws:iam::111122223333:role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup"
	trust := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}}`
	runRules(t, []ruleCase{
		{name: "root assumes role", principal: "arn:aws:iam::111122223333:root", action: "sts:AssumeRole", resource: "arn:aws:iam::111122223333:role/Admin", resPolicy: trust, want: ImplicitDeny, note: NoteRootCannotAssumeRole},
		{name: "user assumes role", principal: user, action: "sts:AssumeRole", resource: "arn:aws:iam::111122223333:role/Admin", identity: admin, resPolicy: trust, want: Allowed},
		{name: "root other action", principal: "arn:aws:iam::111122223333:root", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: Allowed},
		{name: "managed policy version", principal: user, action: "iam:CreatePolicyVersion", resource: "arn:aws:iam::aws:policy/ReadOnlyAccess", identity: admin, want: ImplicitDeny, note: NoteAWSManagedPolicy},
		{name: "managed policy read", principal: user, action: "iam:GetPolicyVersion", resource: "arn:aws:iam::aws:policy/ReadOnlyAccess", identity: admin, want: Allowed},
		{name: "customer policy version", principal: user, action: "iam:CreatePolicyVersion", resource: "arn:aws:iam::111122223333:policy/Mine", identity: admin, want: Allowed},
		{name: "slr delete", principal: user, action: "iam:DeleteRole", resource: slr, identity: admin, want: ImplicitDeny, note: NoteProtectedRole},
		{name: "slr pass", principal: user, action: "iam:PassRole", resource: slr, identity: admin, want: Allowed},
		{name: "slr description", principal: user, action: "iam:UpdateRoleDescription", resource: slr, identity: admin, want: Allowed},
		{name: "slr explicit deny", principal: user, action: "iam:DeleteRole", resource: slr, identity: deny, want: ExplicitDeny},
		{name: "reserved role", principal: user, action: "iam:AttachRolePolicy", resource: "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_X_1", identity: admin, want: ImplicitDeny, note: NoteProtectedRole},
		{name: "aws alias", principal: user, action: "kms:UpdateAlias", resource: "arn:aws:kms:us-east-1:111122223333:alias/aws/s3", identity: admin, want: ImplicitDeny, note: NoteAWSAlias},
		{name: "own alias", principal: user, action: "kms:UpdateAlias", resource: "arn:aws:kms:us-east-1:111122223333:alias/app", identity: admin, want: Allowed},
	})
}

// TestLiteralActions: action values IAM stores but that name no action
// match nothing as Action and everything as NotAction (issue 7, item 1).
func TestLiteralActions(t *testing.T) {
	t.Parallel()
	for _, a := range []string{"s3:GetObject,PutObject", "s3:Get*,Put*", "s3:GetObject,", "s3:", "s3: ", "s3:GetObject ", " s3:GetObject", "s3:Get Object"} {
		act := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"` + a + `","Resource":"*"}}`
		notAct := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"` + a + `","Resource":"*"}}`
		runRules(t, []ruleCase{
			{name: "Action " + a, principal: "arn:aws:iam::111122223333:user/u", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", identity: act, want: ImplicitDeny},
			{name: "NotAction " + a, principal: "arn:aws:iam::111122223333:user/u", action: "s3:GetObject", resource: "arn:aws:s3:::b/k", identity: notAct, want: Allowed},
		})
	}
}

func TestFederatingUserValidated(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ principal, fed string }{
		{"arn:aws:iam::111122223333:user/u", "arn:aws:iam::111122223333:user/u"},
		{"arn:aws:sts::111122223333:federated-user/x", "arn:aws:iam::111122223333:role/r"},
		{"arn:aws:sts::111122223333:federated-user/x", "arn:aws:iam::444455556666:user/u"},
	} {
		_, err := NewRequest(RequestInput{Principal: c.principal, Action: "s3:GetObject", FederatingUser: c.fed})
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "federatingUser" {
			t.Errorf("%s with %s: err = %v, want a federatingUser error", c.principal, c.fed, err)
		}
	}
}

// TestAnonymousImpliedKeys: an anonymous request carries
// aws:PrincipalAccount and aws:userid "anonymous" and aws:PrincipalType
// "Anonymous" (IAM User Guide, global condition context keys and the
// Principal key values table), and none of the keys of a signed request;
// a key given in the context is kept.
func TestAnonymousImpliedKeys(t *testing.T) {
	t.Parallel()
	r, err := NewRequest(RequestInput{Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/key", ResourceAccount: "111122223333"})
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"aws:PrincipalAccount": "anonymous", "aws:PrincipalType": "Anonymous", "aws:userid": "anonymous", "aws:ResourceAccount": "111122223333"} {
		if v, ok := r.Context.Get(k); !ok || len(v) != 1 || v[0] != want {
			t.Errorf("%s = %q (present %v), want %q", k, v, ok, want)
		}
	}
	for _, k := range []string{"aws:PrincipalArn", "aws:PrincipalIsAWSService", "aws:username", "aws:PrincipalServiceName"} {
		if v, ok := r.Context.Get(k); ok {
			t.Errorf("%s = %q, want absent for an anonymous request", k, v)
		}
	}
	r, err = NewRequest(RequestInput{Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/key", ResourceAccount: "111122223333",
		Context: map[string][]string{"AWS:USERID": {"given"}}})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Context.Get("aws:userid"); len(v) != 1 || v[0] != "given" {
		t.Errorf("given aws:userid replaced: %q", v)
	}
}

// TestIdentityProviderPrincipals: a web identity or SAML provider calling
// sts:AssumeRoleWith* is matched by the trust policy's Federated values
// (a provider ARN exactly, a web identity provider's name in any case),
// by "*", not by {"AWS": "*"}; identity policies do not apply to it; an
// OIDC provider carries aws:FederatedProvider, a SAML provider does not.
func TestIdentityProviderPrincipals(t *testing.T) {
	t.Parallel()
	const role = "arn:aws:iam::111122223333:role/WebAppRole"
	saml := "arn:aws:iam::111122223333:saml-provider/Okta"
	oidc := "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
	trust := func(principal, action string) string {
		return `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":` + principal + `,"Action":"` + action + `"}}`
	}
	all := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`
	web, samlAct := "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"
	runRules(t, []ruleCase{
		{name: "cognito named", principal: "cognito-identity.amazonaws.com", action: web, resource: role, resPolicy: trust(`{"Federated":"cognito-identity.amazonaws.com"}`, web), want: Allowed},
		{name: "google named in another case", principal: "accounts.google.com", action: web, resource: role, resPolicy: trust(`{"Federated":"Accounts.Google.com"}`, web), want: Allowed},
		{name: "other web provider", principal: "graph.facebook.com", action: web, resource: role, resPolicy: trust(`{"Federated":"accounts.google.com"}`, web), want: ImplicitDeny},
		{name: "service entry does not name a provider", principal: "cognito-identity.amazonaws.com", action: web, resource: role, resPolicy: trust(`{"Service":"cognito-identity.amazonaws.com"}`, web), want: ImplicitDeny},
		{name: "saml named", principal: saml, action: samlAct, resource: role, resPolicy: trust(`{"Federated":"`+saml+`"}`, samlAct), want: Allowed},
		{name: "saml ARN case", principal: saml, action: samlAct, resource: role, resPolicy: trust(`{"Federated":"arn:aws:iam::111122223333:saml-provider/okta"}`, samlAct), want: ImplicitDeny},
		{name: "oidc named", principal: oidc, action: web, resource: role, resPolicy: trust(`{"Federated":"`+oidc+`"}`, web), want: Allowed},
		{name: "star", principal: oidc, action: web, resource: role, resPolicy: trust(`"*"`, web), want: Allowed},
		{name: "AWS star", principal: oidc, action: web, resource: role, resPolicy: trust(`{"AWS":"*"}`, web), want: ImplicitDeny},
		{name: "identity policy does not apply", principal: oidc, action: web, resource: role, identity: all, want: ImplicitDeny, note: NoteNotAWSPrincipal},
	})
	for _, c := range []struct {
		principal string
		want      string // aws:FederatedProvider, "" when absent
	}{{"cognito-identity.amazonaws.com", "cognito-identity.amazonaws.com"}, {oidc, oidc}, {saml, ""}} {
		r, err := NewRequest(RequestInput{Principal: c.principal, Action: web, Resource: role})
		if err != nil {
			t.Fatal(err)
		}
		if r.Principal.Kind != PrincipalIdentityProvider {
			t.Errorf("%s: kind %s, want IdentityProvider", c.principal, r.Principal.Kind)
		}
		v, ok := r.Context.Get("aws:FederatedProvider")
		if c.want == "" && ok || c.want != "" && (len(v) != 1 || v[0] != c.want) {
			t.Errorf("%s: aws:FederatedProvider = %q (present %v), want %q", c.principal, v, ok, c.want)
		}
		for _, k := range []string{"aws:PrincipalIsAWSService", "aws:PrincipalServiceName", "aws:PrincipalArn"} {
			if _, ok := r.Context.Get(k); ok {
				t.Errorf("%s: %s set, want absent", c.principal, k)
			}
		}
	}
}
