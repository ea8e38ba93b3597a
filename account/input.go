package account

import (
	"strings"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/arn"
)

// Docs converts named documents to the pipeline's documents (sharing
// their text).
func Docs(nds []NamedDocument) []eval.Doc {
	out := make([]eval.Doc, 0, len(nds))
	for _, d := range nds {
		out = append(out, eval.Doc{Name: d.Name, Text: d.Document})
	}
	return out
}

// Doc converts one named document, nil for nil.
func Doc(nd *NamedDocument) *eval.Doc {
	if nd == nil {
		return nil
	}
	return &eval.Doc{Name: nd.Name, Text: nd.Document}
}

// Levels converts organization levels to the pipeline's levels.
func Levels(ls []Level) []eval.Level {
	out := make([]eval.Level, 0, len(ls))
	for _, l := range ls {
		out = append(out, eval.Level{Target: l.Target, Policies: Docs(l.Policies)})
	}
	return out
}

// Input is the evaluation input of a request in this snapshot: principal
// (a role, a session of a role, or a user of the snapshot) calls action
// on resource ("" or "*" for none) with the context values ctx (nil for
// none; the map is shared, not copied). It holds every layer the snapshot
// knows:
//   - the identity policies and the permissions boundary of the principal
//     (of the role behind a session);
//   - the SCP levels of the principal's account and the RCP levels of the
//     resource's account (its ARN's account, else the snapshot's), when
//     the snapshot has an organization; its management account;
//   - the resource-based policy, when the snapshot has it: a KMS key's
//     policy for a kms: action on the key, a role's trust policy for
//     sts:AssumeRole, a backup vault's access policy for a backup: action
//     on the vault or on a recovery point in it.
//
// A principal the snapshot lacks, or a managed policy it lacks, is an
// error. Whether what the snapshot lacks (an unreadable call, a key not
// listed) changes the verdict is the caller's to judge.
func (s *Snapshot) Input(principal, action, resource string, ctx map[string][]string) (*eval.Input, error) {
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
	var err error
	if in.Identity, in.Boundary, in.SCPs, err = s.PrincipalPolicies(principal); err != nil {
		return nil, err
	}
	rcps, err := s.RCPLevels(resAcct)
	if err != nil {
		return nil, err
	}
	if len(rcps) > 0 {
		in.RCPs = Levels(rcps)
	}
	in.Resource = s.ResourcePolicy(action, resource)
	return in, nil
}

// PrincipalPolicies returns the policies that go with principal (a role,
// a session of a role, or a user of the snapshot) wherever it calls: its
// identity policies (inline, then managed; a user's then its groups'), its
// permissions boundary (nil when none) and the SCP levels of its account
// (empty when SCPs do not apply).
func (s *Snapshot) PrincipalPolicies(principal string) (identity []eval.Doc, boundary *eval.Doc, scps []eval.Level, err error) {
	ids, err := s.IdentityPolicies(principal)
	if err != nil {
		return nil, nil, nil, err
	}
	b, err := s.Boundary(principal)
	if err != nil {
		return nil, nil, nil, err
	}
	ls, err := s.SCPLevels(arn.Account(principal))
	if err != nil {
		return nil, nil, nil, err
	}
	return Docs(ids), Doc(b), Levels(ls), nil
}

// ResourcePolicy is the resource-based policy the snapshot has for a
// request of action on resource (see Input), nil when none.
func (s *Snapshot) ResourcePolicy(action, resource string) *eval.Doc {
	switch {
	case strings.HasPrefix(action, "kms:") && resource != "*" && resource != "":
		if k, ok := s.Key(resource); ok && len(k.Policy) > 0 {
			return &eval.Doc{Name: k.ARN, Text: []byte(k.Policy)}
		}
	case action == "sts:AssumeRole":
		if r, ok := s.Role(resource); ok {
			return &eval.Doc{Name: r.ARN, Text: []byte(r.TrustPolicy)}
		}
	case strings.HasPrefix(action, "backup:"):
		ref := ""
		if strings.Contains(resource, ":backup-vault:") {
			ref = resource
		} else {
			for i := range s.RecoveryPoints {
				if s.RecoveryPoints[i].ARN == resource {
					ref = s.RecoveryPoints[i].VaultName
				}
			}
		}
		if v, ok := s.Vault(ref); ok && ref != "" && len(v.AccessPolicy) > 0 {
			return &eval.Doc{Name: v.ARN, Text: []byte(v.AccessPolicy)}
		}
	}
	return nil
}
