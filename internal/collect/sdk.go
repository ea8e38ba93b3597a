package collect

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"

	"github.com/deniedhq/denied/internal/awsnet"
)

// SDKOptions selects the AWS configuration.
type SDKOptions struct {
	Profile string // shared config profile; "" for the default chain
	Region  string // region of the configuration; "" for the configured one
	// Regions are the regions KMS and Backup are read in; empty means the
	// configuration's region.
	Regions []string
	// CallTimeout bounds each attempt of each call: connecting, the
	// response headers and the body (default awsnet.DefaultCallTimeout).
	CallTimeout time.Duration
	// MaxAttempts overrides the attempts of throttled and transient calls;
	// 0 takes AWS_MAX_ATTEMPTS or the profile's max_attempts, else
	// awsnet.DefaultMaxAttempts.
	MaxAttempts int
	// MaxBackoff caps the delay between attempts (default 20 s).
	MaxBackoff time.Duration
	// Endpoint overrides the endpoint of every service ("" for the
	// configured ones, AWS_ENDPOINT_URL_* included), and Credentials the
	// default credential chain: for a test server.
	Endpoint    string
	Credentials aws.CredentialsProvider
}

// NewSDKClients builds the SDK clients from the standard AWS configuration
// (environment, shared files, AWS_ENDPOINT_URL_* and the rest, through
// config.LoadDefaultConfig), with every attempt bounded in time and the
// configured retry settings (see awsnet). It makes no call.
func NewSDKClients(ctx context.Context, o SDKOptions) (*Clients, error) {
	cfg, regions, err := loadConfig(ctx, o)
	if err != nil {
		return nil, err
	}
	return clientsFromConfig(cfg, regions), nil
}

// loadConfig reads the AWS configuration with denied's HTTP client, retry
// settings and attempt observer, and the regions to read.
func loadConfig(ctx context.Context, o SDKOptions) (aws.Config, []string, error) {
	no := awsnet.Options{CallTimeout: o.CallTimeout, MaxAttempts: o.MaxAttempts, MaxBackoff: o.MaxBackoff}
	opts := []func(*config.LoadOptions) error{config.WithHTTPClient(awsnet.HTTPClient(no))}
	if o.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(o.Profile))
	}
	if o.Region != "" {
		opts = append(opts, config.WithRegion(o.Region))
	}
	if o.Endpoint != "" {
		opts = append(opts, config.WithBaseEndpoint(o.Endpoint))
	}
	if o.Credentials != nil {
		opts = append(opts, config.WithCredentialsProvider(o.Credentials))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return aws.Config{}, nil, err
	}
	awsnet.ApplyRetry(&cfg, no)
	cfg.Logger = logging.Nop{} // failures are reported as unreadable; the SDK's warnings would only clutter stderr
	cfg.APIOptions = append(cfg.APIOptions, observeAttempts, awsnet.LimitBody(awsnet.MaxBody))
	regions := o.Regions
	if len(regions) == 0 {
		if cfg.Region == "" {
			return aws.Config{}, nil, ErrNoRegion
		}
		regions = []string{cfg.Region}
	}
	if cfg.Region == "" {
		cfg.Region = regions[0]
	}
	return cfg, regions, nil
}

// globalRegion is the region global services (Organizations) are served
// from in the partition of region.
func globalRegion(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "cn-northwest-1"
	case strings.HasPrefix(region, "us-gov-"):
		return "us-gov-west-1"
	}
	return "us-east-1"
}

// clientsFromConfig builds the collector's clients from cfg.
func clientsFromConfig(cfg aws.Config, regions []string) *Clients {
	// Organizations is a global service served from us-east-1 (aws
	// partition); IAM's client resolves its global endpoint itself.
	orgCfg := cfg.Copy()
	orgCfg.Region = globalRegion(cfg.Region)
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
	return c
}

// Retry is an attempt after a failed one, for progress logs.
type Retry struct {
	Service string // the SDK's service id: "KMS", "Backup"...
	Call    string
	Region  string
	Attempt int    // 2 for the first retry
	Err     string // the failure retried, redacted
}

// observer receives the attempts of the calls made with its context.
type observer interface{ retried(Retry) }

type observerKey struct{}

type attemptsKey struct{}

type attempts struct {
	n       atomic.Int32
	lastErr atomic.Value // string
}

// observeAttempts adds to a client's stack a middleware that counts the
// attempts of each call (inside the retry loop) and tells the observer in
// the call's context (Collect's run) about every retry.
func observeAttempts(stack *middleware.Stack) error {
	if err := stack.Initialize.Add(middleware.InitializeMiddlewareFunc("denied.attempts", func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
		return next.HandleInitialize(middleware.WithStackValue(ctx, attemptsKey{}, &attempts{}), in)
	}), middleware.Before); err != nil {
		return err
	}
	return stack.Finalize.Insert(middleware.FinalizeMiddlewareFunc("denied.attempt", func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
		a, _ := middleware.GetStackValue(ctx, attemptsKey{}).(*attempts)
		if a != nil {
			if n := int(a.n.Add(1)); n > 1 {
				if ob, ok := ctx.Value(observerKey{}).(observer); ok {
					last, _ := a.lastErr.Load().(string)
					ob.retried(Retry{Service: awsmiddleware.GetServiceID(ctx), Call: awsmiddleware.GetOperationName(ctx),
						Region: awsmiddleware.GetRegion(ctx), Attempt: n, Err: last})
				}
			}
		}
		out, md, err := next.HandleFinalize(ctx, in)
		if err != nil && a != nil {
			a.lastErr.Store(errText(err))
		}
		return out, md, err
	}), "Retry", middleware.After)
}

// probeRetryer is the retryer of the first call: at most two attempts, and
// none more when the endpoint could not be connected to at all.
type probeRetryer struct{ aws.RetryerV2 }

func (p probeRetryer) IsErrorRetryable(err error) bool {
	return !isDialError(err) && p.RetryerV2.IsErrorRetryable(err)
}

func probeOptions(o *sts.Options) {
	if o.Retryer == nil {
		return
	}
	n := min(o.Retryer.MaxAttempts(), 2)
	if n < 1 {
		n = 2
	}
	r := retry.AddWithMaxAttempts(o.Retryer, n)
	if v2, ok := r.(aws.RetryerV2); ok {
		r = probeRetryer{v2}
	}
	o.Retryer = r
}

// isDialError reports whether err is a failure to connect (refused,
// unreachable, DNS, connect timeout), not a failure after connecting.
func isDialError(err error) bool {
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Op == "dial" {
		return true
	}
	var de *net.DNSError
	return errors.As(err, &de)
}
