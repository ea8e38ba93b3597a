package account_test

import (
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/arn"
)

// input is the evaluation input of a request in s from the layers the
// package gives (PrincipalPolicies, RCPLevels, RCPIncomplete), as
// preflight builds it, without a resource-based policy: preflight alone
// looks that up.
func input(s *account.Snapshot, principal, action, resource string, ctx map[string][]string) (*eval.Input, account.Incomplete, error) {
	in := &eval.Input{Request: eval.Request{Principal: principal, Action: action, Resource: resource, Context: ctx}}
	if in.Request.Resource == "" {
		in.Request.Resource = "*"
	}
	resAcct := arn.Account(resource)
	if resource == "*" || resAcct == "" {
		resAcct = s.AccountID
	}
	in.Request.ResourceAccount = resAcct
	if s.Organization != nil {
		in.ManagementAccount = s.Organization.ManagementAccountID
	}
	ps, err := s.PrincipalPolicies(principal)
	if err != nil {
		return nil, nil, err
	}
	in.Identity, in.Boundary, in.SCPs = ps.Identity, ps.Boundary, ps.SCPs
	rcps, err := s.RCPLevels(resAcct)
	if err != nil {
		return nil, nil, err
	}
	if len(rcps) > 0 {
		in.RCPs = account.Levels(rcps)
	}
	return in, append(ps.Incomplete, s.RCPIncomplete(resAcct)...), nil
}

// TestPrincipalPolicies: the identity policies, boundary and SCP levels of
// a role, and of a session of it, evaluate as AWS would. (The resource
// policy is preflight's: preflight's tests pin it, TestEvaluateRequestRecoveryPoint
// among them.)
func TestPrincipalPolicies(t *testing.T) {
	t.Parallel()
	s := account.Synthetic(10, 1)
	role := s.Roles[0].ARN // has a permissions boundary
	session := "arn:aws:sts::111122223333:assumed-role/role-00000/s"
	tests := []struct {
		name, principal, action, resource string
		decision                          authz.Decision
		layer                             authz.Layer
	}{
		{"identity and SCPs", role, "s3:GetObject", "arn:aws:s3:::b/k", authz.Allowed, authz.LayerIdentity},
		{"a session of the role", session, "s3:GetObject", "arn:aws:s3:::b/k", authz.Allowed, authz.LayerIdentity},
		{"no resource", role, "s3:ListAllMyBuckets", "", authz.Allowed, authz.LayerIdentity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in, gaps, err := input(s, tt.principal, tt.action, tt.resource, map[string][]string{"aws:RequestedRegion": {"us-east-1"}})
			if err != nil {
				t.Fatal(err)
			}
			if gaps != nil {
				t.Fatalf("gaps %+v in a snapshot with nothing unreadable", gaps)
			}
			if len(in.Identity) != 4 || in.Identity[0].Name != "inline-0" || !strings.HasPrefix(in.Identity[2].Name, "arn:aws:iam::aws:policy/") {
				t.Fatalf("identity policies %v, want the role's two inline then two managed", names(in.Identity))
			}
			if in.Boundary == nil || in.Boundary.Name != "arn:aws:iam::111122223333:policy/Boundary" {
				t.Fatalf("boundary %+v", in.Boundary)
			}
			if len(in.SCPs) != 3 || in.SCPs[1].Target != "ou-root-prod" {
				t.Fatalf("SCP levels %+v, want root, OU, account", in.SCPs)
			}
			if in.ManagementAccount != "999988887777" || in.Request.ResourceAccount != "111122223333" {
				t.Fatalf("management account %q, resource account %q", in.ManagementAccount, in.Request.ResourceAccount)
			}
			out, err := eval.Run(in, eval.Options{Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }})
			if err != nil {
				t.Fatal(err)
			}
			if out.Decision != tt.decision || out.Layer != tt.layer {
				t.Fatalf("got %s at %s, want %s at %s (%+v)", out.Decision, out.Layer, tt.decision, tt.layer, out.Deciding)
			}
		})
	}
	if _, err := s.PrincipalPolicies("arn:aws:iam::111122223333:role/nobody"); err == nil {
		t.Fatal("a principal the snapshot lacks gave policies")
	}
}

func names(ds []eval.Doc) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Name)
	}
	return out
}
