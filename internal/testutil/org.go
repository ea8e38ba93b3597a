package testutil

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Org is an organization created in moto by SeedOrg.
type Org struct {
	ID           string
	ManagementID string
	Members      []string // member account ids, in creation order
	WithoutRole  []string // members where the read-only role was not created
}

// SeedOrgOptions shape SeedOrg's organization.
type SeedOrgOptions struct {
	Members    int
	RoleName   string // the read-only role created in each member
	ExternalID string // when set, the role's trust requires it
	// NoRole lists member indexes (0-based) that get no role.
	NoRole []int
}

// SeedOrg creates, in the moto_server at endpoint (directly, not through a
// gate), an organization with the default credentials' account
// (123456789012) as management account and o.Members member accounts
// (organizations:CreateOrganization, CreateAccount). In each member it
// creates, through moto's OrganizationAccountAccessRole, the role
// o.RoleName trusting the management account, and a backup vault named
// after the member, so that each account has something to read.
func SeedOrg(t testing.TB, endpoint string, o SeedOrgOptions) Org {
	t.Helper()
	ctx := context.Background()
	cfg := aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("testing", "testing", ""),
		BaseEndpoint: aws.String(endpoint),
	}
	oc := organizations.NewFromConfig(cfg)
	out, err := oc.CreateOrganization(ctx, &organizations.CreateOrganizationInput{FeatureSet: orgtypes.OrganizationFeatureSetAll})
	if err != nil {
		t.Fatalf("CreateOrganization: %v", err)
	}
	org := Org{ID: aws.ToString(out.Organization.Id), ManagementID: aws.ToString(out.Organization.MasterAccountId)}
	noRole := map[int]bool{}
	for _, i := range o.NoRole {
		noRole[i] = true
	}
	stsc := sts.NewFromConfig(cfg)
	trust := fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole"}]}`, org.ManagementID)
	if o.ExternalID != "" {
		trust = fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":%q}}}]}`, org.ManagementID, o.ExternalID)
	}
	for i := range o.Members {
		ca, err := oc.CreateAccount(ctx, &organizations.CreateAccountInput{AccountName: aws.String(fmt.Sprintf("member-%d", i)), Email: aws.String(fmt.Sprintf("member-%d@example.com", i))})
		if err != nil {
			t.Fatalf("CreateAccount: %v", err)
		}
		id := aws.ToString(ca.CreateAccountStatus.AccountId)
		if id == "" {
			t.Fatalf("CreateAccount %d: no account id (state %s)", i, ca.CreateAccountStatus.State)
		}
		org.Members = append(org.Members, id)
		ar, err := stsc.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::" + id + ":role/OrganizationAccountAccessRole"), RoleSessionName: aws.String("seed")})
		if err != nil {
			t.Fatalf("AssumeRole OrganizationAccountAccessRole in %s: %v", id, err)
		}
		mc := cfg.Copy()
		mc.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(ar.Credentials.AccessKeyId), aws.ToString(ar.Credentials.SecretAccessKey), aws.ToString(ar.Credentials.SessionToken))
		if _, err := backup.NewFromConfig(mc).CreateBackupVault(ctx, &backup.CreateBackupVaultInput{BackupVaultName: aws.String(fmt.Sprintf("vault-%d", i))}); err != nil {
			t.Fatalf("CreateBackupVault in %s: %v", id, err)
		}
		if noRole[i] {
			org.WithoutRole = append(org.WithoutRole, id)
			continue
		}
		if _, err := iam.NewFromConfig(mc).CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(o.RoleName), AssumeRolePolicyDocument: aws.String(trust)}); err != nil {
			t.Fatalf("CreateRole %s in %s: %v", o.RoleName, id, err)
		}
	}
	return org
}
