package testutil

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	backuptypes "github.com/aws/aws-sdk-go-v2/service/backup/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
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
	// The calls that create are made once each by createOnce, with the
	// SDK's retries off; the reads and sts:AssumeRole retry as usual.
	once := cfg.Copy()
	once.Retryer = func() aws.Retryer { return aws.NopRetryer{} }
	oc, ocOnce := organizations.NewFromConfig(cfg), organizations.NewFromConfig(once)
	var org Org
	createOnce(t, "CreateOrganization", func() error {
		out, err := ocOnce.CreateOrganization(ctx, &organizations.CreateOrganizationInput{FeatureSet: orgtypes.OrganizationFeatureSetAll})
		if err == nil {
			org = Org{ID: aws.ToString(out.Organization.Id), ManagementID: aws.ToString(out.Organization.MasterAccountId)}
		}
		return err
	}, func() (bool, error) {
		out, err := oc.DescribeOrganization(ctx, &organizations.DescribeOrganizationInput{})
		var notInUse *orgtypes.AWSOrganizationsNotInUseException
		if errors.As(err, &notInUse) {
			return false, nil
		}
		if err == nil {
			org = Org{ID: aws.ToString(out.Organization.Id), ManagementID: aws.ToString(out.Organization.MasterAccountId)}
		}
		return err == nil, err
	})
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
		name, email := fmt.Sprintf("member-%d", i), fmt.Sprintf("member-%d@example.com", i)
		var id string
		createOnce(t, "CreateAccount "+name, func() error {
			ca, err := ocOnce.CreateAccount(ctx, &organizations.CreateAccountInput{AccountName: aws.String(name), Email: aws.String(email)})
			if err == nil {
				if id = aws.ToString(ca.CreateAccountStatus.AccountId); id == "" {
					t.Fatalf("CreateAccount %d: no account id (state %s)", i, ca.CreateAccountStatus.State)
				}
			}
			return err
		}, func() (bool, error) {
			p := organizations.NewListAccountsPaginator(oc, &organizations.ListAccountsInput{})
			for p.HasMorePages() {
				page, err := p.NextPage(ctx)
				if err != nil {
					return false, err
				}
				for _, a := range page.Accounts {
					if aws.ToString(a.Email) == email {
						id = aws.ToString(a.Id)
						return true, nil
					}
				}
			}
			return false, nil
		})
		org.Members = append(org.Members, id)
		ar, err := stsc.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::" + id + ":role/OrganizationAccountAccessRole"), RoleSessionName: aws.String("seed")})
		if err != nil {
			t.Fatalf("AssumeRole OrganizationAccountAccessRole in %s: %v", id, err)
		}
		mc := cfg.Copy()
		mc.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(ar.Credentials.AccessKeyId), aws.ToString(ar.Credentials.SecretAccessKey), aws.ToString(ar.Credentials.SessionToken))
		mcOnce := mc.Copy()
		mcOnce.Retryer = once.Retryer
		vault := fmt.Sprintf("vault-%d", i)
		createOnce(t, "CreateBackupVault "+vault+" in "+id, func() error {
			_, err := backup.NewFromConfig(mcOnce).CreateBackupVault(ctx, &backup.CreateBackupVaultInput{BackupVaultName: aws.String(vault)})
			return err
		}, func() (bool, error) {
			_, err := backup.NewFromConfig(mc).DescribeBackupVault(ctx, &backup.DescribeBackupVaultInput{BackupVaultName: aws.String(vault)})
			var nf *backuptypes.ResourceNotFoundException
			if errors.As(err, &nf) {
				return false, nil
			}
			return err == nil, err
		})
		if noRole[i] {
			org.WithoutRole = append(org.WithoutRole, id)
			continue
		}
		createOnce(t, "CreateRole "+o.RoleName+" in "+id, func() error {
			_, err := iam.NewFromConfig(mcOnce).CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(o.RoleName), AssumeRolePolicyDocument: aws.String(trust)})
			return err
		}, func() (bool, error) {
			_, err := iam.NewFromConfig(mc).GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(o.RoleName)})
			var nse *iamtypes.NoSuchEntityException
			if errors.As(err, &nse) {
				return false, nil
			}
			return err == nil, err
		})
	}
	return org
}

// createOnce makes create, a call that creates something (its client does
// not retry), so that it is done once. An attempt whose answer did not
// come back (a reset or closed connection, a 5xx, throttling: what the SDK
// retries) may have been done all the same; the SDK's retry of it then
// failed with AlreadyInOrganizationException, AlreadyExistsException or
// EntityAlreadyExists, or made a second account. Here, after such an
// error, found (a read) says whether the earlier attempt did it; only if
// not is create tried again.
func createOnce(t testing.TB, what string, create func() error, found func() (bool, error)) {
	t.Helper()
	const attempts = 5
	var err error
	for attempt := 1; attempt <= attempts; attempt++ {
		if attempt > 1 {
			time.Sleep(time.Duration(attempt-1) * 200 * time.Millisecond)
			ok, ferr := found()
			if ok {
				return
			}
			if ferr != nil {
				err = fmt.Errorf("%w; then, looking whether it was done: %v", err, ferr)
				continue
			}
		}
		if err = create(); err == nil || !retryable(err) {
			break
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// retryable is whether the SDK's standard retryer would try err again.
func retryable(err error) bool {
	return retry.IsErrorRetryables(retry.DefaultRetryables).IsErrorRetryable(err) == aws.TrueTernary
}
