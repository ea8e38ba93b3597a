package fix

import (
	"encoding/json"
	"testing"

	"github.com/deniedhq/denied/simulate"
)

// The vault-creation permission set allows every call CreateBackupVault
// makes, and nothing on other vaults or keys.
func TestCreateVaultPolicy(t *testing.T) {
	t.Parallel()
	const (
		vault = "arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault"
		key   = "arn:aws:kms:us-west-2:444455556666:key/mrk-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"
		other = "arn:aws:kms:us-west-2:444455556666:key/other"
	)
	keyPolicy := json.RawMessage(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kms:*","Resource":"*"}]}`)
	decide := func(p json.RawMessage, action, resource string) string {
		c := &simulate.Case{
			Request:          simulate.CaseRequest{Principal: "arn:aws:sts::444455556666:assumed-role/BackupOperator/jdoe", Action: action, Resource: resource},
			IdentityPolicies: []simulate.PolicyDoc{{Name: "vault", Document: p}},
			ResourcePolicy:   &simulate.PolicyDoc{Name: "key-policy", Document: keyPolicy},
		}
		if resource != key && resource != other {
			c.ResourcePolicy = nil
		}
		return evalCase(t, c).Decision
	}
	plain, _ := CreateVaultPolicy(vault, key).MarshalJSON()
	tagged, _ := CreateTaggedVaultPolicy(vault, key).MarshalJSON()
	tests := []struct {
		action, resource    string
		wantPlain, wantTags string
	}{
		{"backup:CreateBackupVault", vault, "Allowed", "Allowed"},
		{"backup-storage:MountCapsule", "", "Allowed", "Allowed"},
		{"kms:CreateGrant", key, "Allowed", "Allowed"},
		{"kms:DescribeKey", key, "Allowed", "Allowed"},
		{"kms:RetireGrant", key, "Allowed", "Allowed"},
		{"kms:Decrypt", key, "Allowed", "Allowed"},
		{"kms:GenerateDataKey", key, "Allowed", "Allowed"},
		{"backup:TagResource", vault, "ImplicitDeny", "Allowed"},
		{"kms:Decrypt", other, "ImplicitDeny", "ImplicitDeny"},
		{"backup:CreateBackupVault", "arn:aws:backup:us-west-2:444455556666:backup-vault:Other", "ImplicitDeny", "ImplicitDeny"},
		{"kms:Encrypt", key, "ImplicitDeny", "ImplicitDeny"},
	}
	for _, tt := range tests {
		if got := decide(plain, tt.action, tt.resource); got != tt.wantPlain {
			t.Errorf("CreateVaultPolicy: %s on %q = %s, want %s", tt.action, tt.resource, got, tt.wantPlain)
		}
		if got := decide(tagged, tt.action, tt.resource); got != tt.wantTags {
			t.Errorf("CreateTaggedVaultPolicy: %s on %q = %s, want %s", tt.action, tt.resource, got, tt.wantTags)
		}
	}
	if p := CreateVaultPolicy(vault, ""); len(p.Statements) != 2 {
		t.Errorf("with the AWS managed key: %d statements, want 2 (no KMS statement)", len(p.Statements))
	}
}
