package collect

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// OrgSDKOptions selects the AWS configuration of an organization
// collection and the role assumed in the accounts.
type OrgSDKOptions struct {
	SDKOptions
	// RoleName is the role assumed in every other account (a name, or a
	// path and name like "audit/DeniedReadOnly").
	RoleName string
	// ExternalID is passed to sts:AssumeRole when not empty.
	ExternalID string
	// SessionName is the role session name (default "denied-collect").
	SessionName string
}

// NewSDKOrg builds the clients of an organization collection from the
// standard AWS configuration (see NewSDKClients): the caller's clients,
// and for every other account the same clients with the credentials of
// the role RoleName in that account, obtained through sts:AssumeRole with
// the caller's credentials (and renewed by the SDK before they expire). It
// makes no call.
func NewSDKOrg(ctx context.Context, o OrgSDKOptions) (*OrgSource, error) {
	cfg, regions, err := loadConfig(ctx, o.SDKOptions)
	if err != nil {
		return nil, err
	}
	self := clientsFromConfig(cfg, regions)
	orgCfg := cfg.Copy()
	orgCfg.Region = globalRegion(cfg.Region)
	src := &OrgSource{Self: self, Accounts: organizations.NewFromConfig(orgCfg)}
	for _, r := range regions {
		rc := cfg.Copy()
		rc.Region = r
		src.BackupSettings = append(src.BackupSettings, RegionalSettings{Region: r, API: backup.NewFromConfig(rc)})
	}
	stsc := sts.NewFromConfig(cfg)
	partition := partitionOf(cfg.Region)
	session := o.SessionName
	if session == "" {
		session = "denied-collect"
	}
	role := strings.TrimPrefix(o.RoleName, "/")
	src.Assume = func(ctx context.Context, accountID string) (*Clients, error) {
		arn := "arn:" + partition + ":iam::" + accountID + ":role/" + role
		creds := aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(stsc, arn, func(ao *stscreds.AssumeRoleOptions) {
			ao.RoleSessionName = session
			if o.ExternalID != "" {
				ao.ExternalID = aws.String(o.ExternalID)
			}
		}))
		if _, err := creds.Retrieve(ctx); err != nil {
			return nil, &AssumeRoleError{RoleARN: arn, Err: errText(err)}
		}
		ac := cfg.Copy()
		ac.Credentials = creds
		return clientsFromConfig(ac, regions), nil
	}
	return src, nil
}

// partitionOf is the partition of a region.
func partitionOf(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	}
	return "aws"
}
