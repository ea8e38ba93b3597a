package account_test

import (
	"slices"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
)

// An unreadable call that hides a principal's policies (an IAM call, an
// Organizations call for its SCPs) is carried by PrincipalPolicies (and
// RCPIncomplete) as Incomplete, not dropped: before, the input was returned as if
// the snapshot held every policy, and an allowance or an implicit deny
// computed from it read as proven. What Unproven leaves standing: an
// explicit deny of a policy the snapshot holds, and an implicit deny of a
// layer it read in full.
func TestInputIncompletePrincipal(t *testing.T) {
	t.Parallel()
	const role = "arn:aws:iam::111122223333:role/app/role-00000" // has the boundary
	const acct = "111122223333"
	denyInline := account.InlinePolicy{Name: "deny-put", Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}`)}
	unreadable := func(service, call string) func(*account.Snapshot) {
		return func(s *account.Snapshot) {
			s.Unreadable = append(s.Unreadable, account.Unreadable{Service: service, Call: call, Error: "AccessDenied"})
		}
	}
	run := func(t *testing.T, s *account.Snapshot, action, resource string) (eval.Outcome, account.Incomplete) {
		t.Helper()
		in, gaps, err := input(s, role, action, resource, map[string][]string{"aws:RequestedRegion": {"us-east-1"}})
		if err != nil {
			t.Fatal(err)
		}
		out, err := eval.Run(in, eval.Options{Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }})
		if err != nil {
			t.Fatal(err)
		}
		return *out, gaps
	}
	for _, tt := range []struct {
		name             string
		edit             []func(*account.Snapshot)
		action, resource string
		decision         authz.Decision
		layer            authz.Layer
		unproven         string // the API of the gap that leaves it unproven, "" when it stands
		layers           []authz.Layer
	}{
		{name: "nothing unreadable", action: "s3:ListAllMyBuckets", resource: "*", decision: authz.Allowed, layer: authz.LayerIdentity},
		{name: "an unreadable call that hides no policy", edit: []func(*account.Snapshot){unreadable("sts", "GetCallerIdentity")},
			action: "s3:ListAllMyBuckets", resource: "*", decision: authz.Allowed, layer: authz.LayerIdentity},
		{name: "allowed, ListAttachedRolePolicies unreadable", edit: []func(*account.Snapshot){unreadable("iam", "ListAttachedRolePolicies")},
			action: "s3:ListAllMyBuckets", resource: "*", decision: authz.Allowed, layer: authz.LayerIdentity,
			unproven: "iam:ListAttachedRolePolicies", layers: []authz.Layer{authz.LayerIdentity}},
		{name: "identity implicit deny, GetRolePolicy unreadable", edit: []func(*account.Snapshot){unreadable("iam", "GetRolePolicy")},
			action: "ec2:RunInstances", resource: "*", decision: authz.ImplicitDeny, layer: authz.LayerIdentity,
			unproven: "iam:GetRolePolicy", layers: []authz.Layer{authz.LayerIdentity}},
		{name: "explicit deny read, ListRolePolicies unreadable",
			edit:   []func(*account.Snapshot){unreadable("iam", "ListRolePolicies"), func(s *account.Snapshot) { s.Roles[0].InlinePolicies = append(s.Roles[0].InlinePolicies, denyInline) }},
			action: "s3:PutObject", resource: "arn:aws:s3:::b/k", decision: authz.ExplicitDeny, layer: authz.LayerIdentity, layers: []authz.Layer{authz.LayerIdentity}},
		{name: "a managed policy hidden by GetPolicyVersion is left out, the deny read stands",
			edit: []func(*account.Snapshot){unreadable("iam", "GetPolicyVersion"), func(s *account.Snapshot) {
				s.Roles[0].InlinePolicies = append(s.Roles[0].InlinePolicies, denyInline)
				s.Roles[0].ManagedPolicies = append(s.Roles[0].ManagedPolicies, "arn:aws:iam::111122223333:policy/Unread")
			}},
			action: "s3:PutObject", resource: "arn:aws:s3:::b/k", decision: authz.ExplicitDeny, layer: authz.LayerIdentity, layers: []authz.Layer{authz.LayerIdentity}},
		{name: "the boundary's document hidden: left out, the allowance unproven",
			edit:   []func(*account.Snapshot){unreadable("iam", "GetPolicyVersion"), func(s *account.Snapshot) { s.Policies = nil }},
			action: "s3:ListAllMyBuckets", resource: "*", decision: authz.Allowed, layer: authz.LayerIdentity,
			unproven: "iam:GetPolicyVersion", layers: []authz.Layer{authz.LayerIdentity, authz.LayerBoundary}},
		{name: "a boundary held denies, IAM unreadable", edit: []func(*account.Snapshot){unreadable("iam", "GetAccountAuthorizationDetails")},
			action: "kms:ListAliases", resource: "*", decision: authz.ImplicitDeny, layer: authz.LayerBoundary, layers: []authz.Layer{authz.LayerIdentity}},
		{name: "an SCP level without an allow, DescribePolicy unreadable",
			edit: []func(*account.Snapshot){unreadable("organizations", "DescribePolicy"), func(s *account.Snapshot) {
				// The OU's allowing SCP could not be described: the
				// OU's level holds only DenyOtherRegions.
				s.Organization.Policies[0].Targets = []string{"r-root", acct}
			}},
			action: "s3:ListAllMyBuckets", resource: "*", decision: authz.ImplicitDeny, layer: authz.LayerSCP,
			unproven: "organizations:DescribePolicy", layers: []authz.Layer{authz.LayerSCP, authz.LayerRCP}},
		{name: "an SCP's explicit deny, DescribePolicy unreadable",
			edit: []func(*account.Snapshot){unreadable("organizations", "DescribePolicy"), func(s *account.Snapshot) {
				s.Organization.Policies = append(s.Organization.Policies, account.OrgPolicy{ID: "p-nodelete", Name: "NoDelete", Type: account.SCP, Targets: []string{"r-root"},
					Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`)})
			}},
			action: "s3:ListAllMyBuckets", resource: "*", decision: authz.ExplicitDeny, layer: authz.LayerSCP,
			layers: []authz.Layer{authz.LayerSCP, authz.LayerRCP}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := account.Synthetic(4, 1)
			for _, e := range tt.edit {
				e(s)
			}
			out, gaps := run(t, s, tt.action, tt.resource)
			if out.Decision != tt.decision || out.Layer != tt.layer {
				t.Fatalf("%s at %s, want %s at %s", out.Decision, out.Layer, tt.decision, tt.layer)
			}
			var layers []authz.Layer
			for _, g := range gaps {
				layers = append(layers, g.Layer)
			}
			if !slices.Equal(layers, tt.layers) {
				t.Errorf("gaps of layers %v, want %v (%+v)", layers, tt.layers, gaps)
			}
			g, unproven := gaps.Unproven(out.Decision, out.Layer)
			switch {
			case tt.unproven == "" && unproven:
				t.Errorf("%s at %s taken as unproven by %+v; it stands", out.Decision, out.Layer, g)
			case tt.unproven != "" && (!unproven || g.Call.API() != tt.unproven):
				t.Errorf("%s at %s: unproven %v by %+v, want unproven by %s", out.Decision, out.Layer, unproven, g, tt.unproven)
			}
			ps, err := s.PrincipalPolicies(role)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps.Incomplete) != len(slices.DeleteFunc(slices.Clone(tt.layers), func(l authz.Layer) bool { return l == authz.LayerRCP })) {
				t.Errorf("PrincipalPolicies: gaps %+v, want those of the input but the RCPs'", ps.Incomplete)
			}
		})
	}
	// A missing managed policy no unreadable call explains stays an error.
	s := account.Synthetic(4, 1)
	s.Policies = nil
	if _, err := s.PrincipalPolicies(role); err == nil {
		t.Error("a boundary the snapshot lacks, nothing unreadable: no error")
	}
	// The management account's principals have no SCPs, so none are
	// missing; RCPs do not restrict its resources.
	s = account.Synthetic(4, 1)
	s.Unreadable = []account.Unreadable{{Service: "organizations", Call: "ListPoliciesForTarget"}}
	if gaps := s.RCPIncomplete("999988887777"); gaps != nil {
		t.Errorf("RCPs of the management account: gaps %+v", gaps)
	}
	if gaps := s.RCPIncomplete(acct); len(gaps) != 1 || gaps[0].Layer != authz.LayerRCP {
		t.Errorf("RCPs of a member account: gaps %+v", gaps)
	}
}

// An SCP level the snapshot holds no policy of while an Organizations call
// was unreadable (ListPoliciesForTarget for it) is left out of the input,
// its target in the SCP gap's Missing, instead of an input the engine
// rejects ("this SCP level has no policies"): an allowance is then
// unproven by the call, an explicit deny of a policy held stands. With
// nothing unreadable, the level stays (the engine's error).
func TestSCPLevelUnlistedLeftOut(t *testing.T) {
	t.Parallel()
	const role = "arn:aws:iam::111122223333:role/app/role-00000"
	const acct = "111122223333"
	unlisted := func(us ...account.Unreadable) *account.Snapshot {
		s := account.Synthetic(4, 1)
		for i := range s.Organization.Policies {
			p := &s.Organization.Policies[i]
			p.Targets = slices.DeleteFunc(p.Targets, func(x string) bool { return x == acct })
			if len(p.Targets) == 0 {
				p.Targets = []string{s.Organization.RootID}
			}
		}
		s.Unreadable = us
		return s
	}
	ctx := map[string][]string{"aws:RequestedRegion": {"us-east-1"}}
	opts := eval.Options{Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }}
	in, _, err := input(unlisted(), role, "s3:ListAllMyBuckets", "*", ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := eval.Run(in, opts); err == nil {
		t.Fatal("nothing unreadable: a level without SCPs evaluated")
	}
	list := account.Unreadable{Service: "organizations", Call: "ListPoliciesForTarget", Error: "AccessDenied"}
	in, gaps, err := input(unlisted(list), role, "s3:ListAllMyBuckets", "*", ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range in.SCPs {
		if l.Target == acct {
			t.Errorf("the account's level kept: %+v", l)
		}
	}
	out, err := eval.Run(in, opts)
	if err != nil {
		t.Fatalf("ListPoliciesForTarget unreadable: %v", err)
	}
	if g, ok := gaps.Unproven(out.Decision, out.Layer); !ok || g.Layer != authz.LayerSCP || g.Call.API() != "organizations:ListPoliciesForTarget" || !slices.Contains(g.Missing, acct) {
		t.Errorf("%s at %s: unproven %v by %+v; want unproven by the SCP gap naming the account's level", out.Decision, out.Layer, ok, g)
	}
}
