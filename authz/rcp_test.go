package authz

import (
	"testing"

	"github.com/deniedhq/denied/policy"
)

// The caller decides which services RCPs apply to: an RCP that denies
// decides only for a service the caller says supports RCPs.
func TestRCPSupportedPassedIn(t *testing.T) {
	t.Parallel()
	allow, _ := policy.Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`))
	deny, _ := policy.Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}`))
	req, err := NewRequest(RequestInput{Principal: "arn:aws:iam::111122223333:user/u", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", ResourceAccount: "111122223333"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		supported func(string) bool
		want      Decision
		note      string
	}{
		{"nil: every service", nil, ExplicitDeny, ""},
		{"s3 supported", func(s string) bool { return s == "s3" }, ExplicitDeny, ""},
		{"s3 not supported", func(s string) bool { return s != "s3" }, Allowed, NoteServiceNotRCP},
	} {
		set, err := Compile(Input{
			Identity:     []NamedPolicy{{Name: "allow", Policy: allow}},
			RCPs:         []Level{{Target: "root", Policies: []NamedPolicy{{Name: "deny-s3", Policy: deny}}}},
			RCPSupported: c.supported,
		})
		if err != nil {
			t.Fatal(err)
		}
		var res Result
		set.Evaluate(req, &res)
		if res.Decision != c.want || res.Layers[LayerRCP].Note != c.note {
			t.Errorf("%s: %s, RCP note %q; want %s, note %q", c.name, res.Decision, res.Layers[LayerRCP].Note, c.want, c.note)
		}
	}
}

// An RCP does not restrict kms:RetireGrant, even when its Action is "*" or
// "kms:*" (KMS Developer Guide, Resource control policies in AWS KMS: the
// kms:RetireGrant permission is not effective in an RCP); other KMS actions
// on the same key stay restricted.
func TestRCPDoesNotRestrictRetireGrant(t *testing.T) {
	t.Parallel()
	allow, _ := policy.Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}`))
	key, _ := policy.Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kms:*","Resource":"*"}]}`))
	for _, action := range []string{"*", "kms:*", "kms:RetireGrant"} {
		deny, _ := policy.Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"` + action + `","Resource":"*"}]}`))
		set, err := Compile(Input{
			Identity: []NamedPolicy{{Name: "allow", Policy: allow}},
			Resource: &NamedPolicy{Name: "key", Policy: key},
			RCPs:     []Level{{Target: "root", Policies: []NamedPolicy{{Name: "deny", Policy: deny}}}},
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			action string
			want   Decision
			note   string
		}{
			{"kms:RetireGrant", Allowed, NoteRetireGrantNotRCP},
			{"kms:retiregrant", Allowed, NoteRetireGrantNotRCP},
			{"kms:RevokeGrant", ExplicitDeny, ""},
		} {
			if action == "kms:RetireGrant" && c.action == "kms:RevokeGrant" {
				continue // that RCP does not name RevokeGrant
			}
			req, err := NewRequest(RequestInput{Principal: "arn:aws:iam::444455556666:user/u", Action: c.action, Resource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
			if err != nil {
				t.Fatal(err)
			}
			var res Result
			set.Evaluate(req, &res)
			if res.Decision != c.want || res.Layers[LayerRCP].Note != c.note {
				t.Errorf("RCP Action %s, request %s: %s at %s, RCP note %q; want %s, note %q", action, c.action, res.Decision, res.Layer, res.Layers[LayerRCP].Note, c.want, c.note)
			}
		}
	}
}

// RCPs do not restrict a service-linked role, as the caller or as the
// role assumed, and nothing else (AWS Organizations User Guide, Resource
// control policies: "RCPs do not apply to calls made by service-linked
// roles"; "the service-linked role's trust policy is also not impacted by
// RCPs"). The RCP layer is not applicable with the note that says which;
// an ordinary role, a service role's trust and any other action on a
// service-linked role stay restricted.
func TestRCPServiceLinkedRoleExemptions(t *testing.T) {
	t.Parallel()
	allow, _ := policy.Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`))
	trust, _ := policy.Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}`))
	deny, _ := policy.Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}`))
	const slr = "arn:aws:iam::111122223333:role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup"
	const obj = "arn:aws:s3:::amzn-s3-demo-bucket/k"
	for _, c := range []struct {
		principal, action, resource string
		want                        Decision
		note                        string
	}{
		{slr, "s3:GetObject", obj, Allowed, NoteServiceLinkedRole},
		{"arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForBackup/AWSBackup-AWSServiceRoleForBackup", "s3:GetObject", obj, Allowed, NoteServiceLinkedRole},
		{"arn:aws:sts::111122223333:assumed-role/BackupOperator/ops", "s3:GetObject", obj, ExplicitDeny, ""},
		{"arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole", "s3:GetObject", obj, ExplicitDeny, ""},
		{"backup.amazonaws.com", "sts:AssumeRole", slr, Allowed, NoteServiceLinkedRoleTrust},
		{"backup.amazonaws.com", "sts:TagSession", slr, Allowed, NoteServiceLinkedRoleTrust},
		{"backup.amazonaws.com", "sts:AssumeRole", "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole", ExplicitDeny, ""},
		{"backup.amazonaws.com", "sts:AssumeRole", "arn:aws:iam::111122223333:role/AWSServiceRoleForBackup", ExplicitDeny, ""},
		{"arn:aws:iam::111122223333:user/admin", "iam:PassRole", slr, ExplicitDeny, ""},
	} {
		in := Input{RCPs: []Level{{Target: "root", Policies: []NamedPolicy{{Name: "deny", Policy: deny}}}}}
		if c.action == "sts:AssumeRole" || c.action == "sts:TagSession" {
			in.Resource = &NamedPolicy{Name: "trust", Policy: trust}
		} else {
			in.Identity = []NamedPolicy{{Name: "allow", Policy: allow}}
		}
		set, err := Compile(in)
		if err != nil {
			t.Fatal(err)
		}
		req, err := NewRequest(RequestInput{Principal: c.principal, Action: c.action, Resource: c.resource, ResourceAccount: "111122223333"})
		if err != nil {
			t.Fatal(err)
		}
		var res Result
		set.Evaluate(req, &res)
		if res.Decision != c.want || res.Layers[LayerRCP].Note != c.note {
			t.Errorf("%s %s on %s: %s at %s, RCP note %q; want %s, note %q", c.principal, c.action, c.resource, res.Decision, res.Layer, res.Layers[LayerRCP].Note, c.want, c.note)
		}
	}
}
