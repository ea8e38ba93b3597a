package account_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
)

func TestSnapshotInput(t *testing.T) {
	t.Parallel()
	s := account.Synthetic(10, 1)
	s.BackupVaults[0].AccessPolicy = account.Document(`{"Version":"2012-10-17","Statement":[{"Sid":"NoDelete","Effect":"Deny","Principal":"*","Action":"backup:DeleteRecoveryPoint","Resource":"*"}]}`)
	role := s.Roles[0].ARN // has a permissions boundary
	s.KMSKeys[0].Policy = account.Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"` + role + `"},"Action":"kms:Decrypt","Resource":"*"}]}`)
	session := "arn:aws:sts::111122223333:assumed-role/role-00000/s"
	key := s.KMSKeys[0].ARN
	vault := s.BackupVaults[0].ARN
	rp := s.RecoveryPoints[0].ARN
	tests := []struct {
		name, principal, action, resource string
		resourcePolicy                    string // the resource policy's name, "" for none
		decision                          authz.Decision
		layer                             authz.Layer
	}{
		{"identity and SCPs", role, "s3:GetObject", "arn:aws:s3:::b/k", "", authz.Allowed, authz.LayerIdentity},
		{"a session of the role", session, "s3:GetObject", "arn:aws:s3:::b/k", "", authz.Allowed, authz.LayerIdentity},
		{"key policy, limited by the boundary", role, "kms:Decrypt", key, key, authz.ImplicitDeny, authz.LayerBoundary},
		{"trust policy", "backup.amazonaws.com", "sts:AssumeRole", role, role, authz.Allowed, authz.LayerResource},
		{"vault policy on a recovery point", role, "backup:DeleteRecoveryPoint", rp, vault, authz.ExplicitDeny, authz.LayerResource},
		{"vault policy on the vault", role, "backup:DescribeBackupVault", vault, vault, authz.Allowed, authz.LayerIdentity},
		{"no resource", role, "s3:ListAllMyBuckets", "", "", authz.Allowed, authz.LayerIdentity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			policies := tt.principal
			if tt.action == "sts:AssumeRole" {
				policies = role // the service has no identity policies; check the role's instead
			}
			in, gaps, err := s.Input(policies, tt.action, tt.resource, map[string][]string{"aws:RequestedRegion": {"us-east-1"}})
			if err != nil {
				t.Fatal(err)
			}
			if gaps != nil {
				t.Fatalf("gaps %+v in a snapshot with nothing unreadable", gaps)
			}
			in.Request.Principal = tt.principal
			if tt.action == "sts:AssumeRole" {
				in.Identity, in.Boundary, in.SCPs = nil, nil, nil
			} else {
				if len(in.Identity) != 4 || in.Identity[0].Name != "inline-0" || !strings.HasPrefix(in.Identity[2].Name, "arn:aws:iam::aws:policy/") {
					t.Fatalf("identity policies %v, want the role's two inline then two managed", names(in.Identity))
				}
				if in.Boundary == nil || in.Boundary.Name != "arn:aws:iam::111122223333:policy/Boundary" {
					t.Fatalf("boundary %+v", in.Boundary)
				}
				if len(in.SCPs) != 3 || in.SCPs[1].Target != "ou-root-prod" {
					t.Fatalf("SCP levels %+v, want root, OU, account", in.SCPs)
				}
			}
			if in.ManagementAccount != "999988887777" || in.Request.ResourceAccount != "111122223333" {
				t.Fatalf("management account %q, resource account %q", in.ManagementAccount, in.Request.ResourceAccount)
			}
			got := ""
			if in.Resource != nil {
				got = in.Resource.Name
			}
			if got != tt.resourcePolicy {
				t.Fatalf("resource policy %q, want %q", got, tt.resourcePolicy)
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
	if _, _, err := s.Input("arn:aws:iam::111122223333:role/nobody", "s3:GetObject", "*", nil); err == nil {
		t.Fatal("a principal the snapshot lacks gave an input")
	}
}

func names(ds []eval.Doc) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Name)
	}
	return out
}

// TestSnapshotInputIncomplete: a resource whose policy the snapshot cannot
// tell gives no input (ErrIncomplete), never one without that policy.
func TestSnapshotInputIncomplete(t *testing.T) {
	t.Parallel()
	base := account.Synthetic(2, 1)
	role := base.Roles[0].ARN
	vault := base.BackupVaults[0].ARN
	key := base.KMSKeys[0].ARN
	unreadable := func(service, call string) func(*account.Snapshot) {
		return func(s *account.Snapshot) {
			s.Unreadable = append(s.Unreadable, account.Unreadable{Service: service, Call: call, Region: "us-east-1", Error: "AccessDenied"})
		}
	}
	tests := []struct {
		name, action, resource string
		edit                   func(*account.Snapshot)
		wantErr                string // "" for an input
	}{
		{"unknown key", "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000000", nil, "KMS key"},
		{"key policy unreadable", "kms:Decrypt", key, func(s *account.Snapshot) {
			s.KMSKeys[0].Policy = nil
			unreadable("kms", "GetKeyPolicy")(s)
		}, "kms:GetKeyPolicy was unreadable"},
		{"key without a policy, nothing unreadable", "kms:Decrypt", key, func(s *account.Snapshot) { s.KMSKeys[0].Policy = nil }, ""},
		{"unknown role", "sts:AssumeRole", "arn:aws:iam::111122223333:role/nobody", nil, "role"},
		{"unknown vault", "backup:DescribeBackupVault", "arn:aws:backup:us-east-1:111122223333:backup-vault:nope", nil, "backup vault"},
		{"vault to be created", "backup:CreateBackupVault", "arn:aws:backup:us-east-1:111122223333:backup-vault:nope", nil, ""},
		{"vault policy unreadable", "backup:DescribeBackupVault", vault, func(s *account.Snapshot) {
			s.BackupVaults[0].AccessPolicy = nil
			unreadable("backup", "GetBackupVaultAccessPolicy")(s)
		}, "backup:GetBackupVaultAccessPolicy was unreadable"},
		{"unknown recovery point", "backup:StartRestoreJob", "arn:aws:backup:us-east-1:111122223333:recovery-point:nope", nil, "recovery point"},
		{"an AMI, recovery points unreadable", "backup:StartRestoreJob", "arn:aws:ec2:us-east-1::image/ami-0123456789abcdef0", unreadable("backup", "ListRecoveryPointsByBackupVault"), "recovery point"},
		{"an AMI the snapshot does not list", "backup:StartRestoreJob", "arn:aws:ec2:us-east-1::image/ami-0123456789abcdef0", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := account.Synthetic(2, 1)
			if tt.edit != nil {
				tt.edit(s)
			}
			_, _, err := s.Input(role, tt.action, tt.resource, nil)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("error %v, want an input", err)
			case tt.wantErr != "" && (err == nil || !errors.Is(err, account.ErrIncomplete) || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error %v, want ErrIncomplete naming %q", err, tt.wantErr)
			}
		})
	}
}
