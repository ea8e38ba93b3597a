package collect

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// SDKOptions selects the AWS configuration.
type SDKOptions struct {
	Profile string // shared config profile; "" for the default chain
	Region  string // region of the configuration; "" for the configured one
	// Regions are the regions KMS and Backup are read in; empty means the
	// configuration's region.
	Regions []string
	// MaxAttempts bounds the retries of throttled and transient calls
	// (default 10).
	MaxAttempts int
}

// NewSDKClients builds the SDK clients from the standard AWS configuration
// (environment, shared files, AWS_ENDPOINT_URL_* and the rest, through
// config.LoadDefaultConfig), with a standard retryer that backs off on
// throttling and makes more attempts than the default.
func NewSDKClients(ctx context.Context, o SDKOptions) (*Clients, error) {
	attempts := o.MaxAttempts
	if attempts <= 0 {
		attempts = 10
	}
	opts := []func(*config.LoadOptions) error{
		config.WithRetryer(func() aws.Retryer {
			return retry.NewStandard(func(so *retry.StandardOptions) {
				so.MaxAttempts = attempts
				so.MaxBackoff = 20 * time.Second
			})
		}),
	}
	if o.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(o.Profile))
	}
	if o.Region != "" {
		opts = append(opts, config.WithRegion(o.Region))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, err
	}
	regions := o.Regions
	if len(regions) == 0 {
		if cfg.Region == "" {
			return nil, ErrNoRegion
		}
		regions = []string{cfg.Region}
	}
	if cfg.Region == "" {
		cfg.Region = regions[0]
	}
	// Organizations is a global service served from us-east-1 (aws
	// partition); IAM's client resolves its global endpoint itself.
	orgCfg := cfg.Copy()
	if strings.HasPrefix(cfg.Region, "cn-") {
		orgCfg.Region = "cn-northwest-1"
	} else if strings.HasPrefix(cfg.Region, "us-gov-") {
		orgCfg.Region = "us-gov-west-1"
	} else {
		orgCfg.Region = "us-east-1"
	}
	c := &Clients{
		STS:           sts.NewFromConfig(cfg),
		IAM:           iam.NewFromConfig(cfg),
		Organizations: organizations.NewFromConfig(orgCfg),
	}
	for _, r := range regions {
		rc := cfg.Copy()
		rc.Region = r
		c.Regions = append(c.Regions, Regional{Region: r, KMS: kms.NewFromConfig(rc), Backup: backup.NewFromConfig(rc)})
	}
	return c, nil
}
