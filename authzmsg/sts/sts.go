// Package sts is the AWS SDK adapter of authzmsg's Decoder port: it calls
// sts:DecodeAuthorizationMessage through the AWS SDK for Go v2 and maps its
// failures to authzmsg's errors.
//
// It is the only package of the explain path that imports the AWS SDK;
// authzmsg itself must not, so that parsing and the offline commands do not
// link or initialise the SDK.
package sts

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	awssts "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/internal/awsnet"
	"github.com/deniedhq/denied/internal/redact"
)

// Options configures New. The zero value uses the standard AWS
// configuration: AWS_PROFILE, the environment's credentials, the shared
// config and credentials files, SSO, the container and instance roles; the
// Region from AWS_REGION or the profile; the endpoint from AWS_ENDPOINT_URL_STS,
// AWS_ENDPOINT_URL or the profile's endpoint_url.
type Options struct {
	// Profile is the shared configuration profile (--profile).
	Profile string
	// Region overrides the configured Region. STS has an endpoint in every
	// Region; with no Region configured anywhere, us-east-1 is used.
	Region string
	// Endpoint overrides the endpoint the SDK would resolve.
	Endpoint string
	// Credentials overrides the default credential chain.
	Credentials aws.CredentialsProvider
	// HTTPClient overrides the SDK's HTTP client (and CallTimeout).
	HTTPClient *http.Client
	// CallTimeout bounds each attempt of the call (connect, answer, body);
	// 0 means 30 s. Without it an endpoint that takes the connection and
	// never answers would hang the decode.
	CallTimeout time.Duration
	// MaxAttempts is the number of attempts for a retryable failure such as
	// throttling; 0 keeps the SDK's default (3).
	MaxAttempts int
	// MaxBackoff caps the delay between attempts; 0 keeps the SDK's default
	// (20 s).
	MaxBackoff time.Duration
}

// decoder is the authzmsg.Decoder over the AWS SDK for Go v2.
type decoder struct {
	client *awssts.Client
	creds  aws.CredentialsProvider
	region string
}

// New returns an authzmsg.Decoder that calls sts:DecodeAuthorizationMessage
// through the AWS SDK for Go v2. It loads the configuration but does not
// call AWS or fetch credentials: that happens on the first decode.
func New(ctx context.Context, opts Options) (authzmsg.Decoder, error) {
	var lo []func(*config.LoadOptions) error
	if opts.Profile != "" {
		lo = append(lo, config.WithSharedConfigProfile(opts.Profile))
	}
	if opts.Region != "" {
		lo = append(lo, config.WithRegion(opts.Region))
	}
	if opts.Credentials != nil {
		lo = append(lo, config.WithCredentialsProvider(opts.Credentials))
	}
	if opts.HTTPClient != nil {
		lo = append(lo, config.WithHTTPClient(opts.HTTPClient))
	} else {
		lo = append(lo, config.WithHTTPClient(awsnet.HTTPClient(awsnet.Options{CallTimeout: opts.CallTimeout})))
	}
	if opts.Endpoint != "" {
		lo = append(lo, config.WithBaseEndpoint(opts.Endpoint))
	}
	if opts.MaxAttempts > 0 || opts.MaxBackoff > 0 {
		lo = append(lo, config.WithRetryer(func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				if opts.MaxAttempts > 0 {
					o.MaxAttempts = opts.MaxAttempts
				}
				if opts.MaxBackoff > 0 {
					o.MaxBackoff = opts.MaxBackoff
				}
			})
		}))
	}
	cfg, err := config.LoadDefaultConfig(ctx, lo...)
	if err != nil {
		var pe config.SharedConfigProfileNotExistError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%w (profile %q is not in the shared config or credentials file)", authzmsg.ErrNoCredentials, pe.Profile)
		}
		return nil, fmt.Errorf("loading the AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	cfg.APIOptions = append(cfg.APIOptions, awsnet.LimitBody(awsnet.MaxBody))
	return &decoder{client: awssts.NewFromConfig(cfg), creds: cfg.Credentials, region: cfg.Region}, nil
}

// String describes the decoder without its credentials.
func (d *decoder) String() string { return "sts decoder (region " + d.region + ")" }

// GoString is String: %#v must not print the credentials either.
func (d *decoder) GoString() string { return d.String() }

// DecodeAuthorizationMessage calls sts:DecodeAuthorizationMessage with the
// message cleaned of whitespace, and maps failures to authzmsg.ErrNoCredentials,
// *authzmsg.DecodeDeniedError, authzmsg.ErrInvalidMessage and authzmsg.ErrThrottled.
func (d *decoder) DecodeAuthorizationMessage(ctx context.Context, encoded string) (string, error) {
	encoded = authzmsg.CleanEncoded(encoded)
	if encoded == "" {
		return "", fmt.Errorf("%w: the encoded message is empty", authzmsg.ErrInvalidMessage)
	}
	if len(encoded) > 10240 {
		return "", fmt.Errorf("%w: the encoded message is %d characters long, more than the 10,240 STS accepts", authzmsg.ErrInvalidMessage, len(encoded))
	}
	if d.creds == nil {
		return "", authzmsg.ErrNoCredentials
	}
	if _, err := d.creds.Retrieve(ctx); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", fmt.Errorf("%w (%s)", authzmsg.ErrNoCredentials, credentialFailure(err))
	}
	out, err := d.client.DecodeAuthorizationMessage(ctx, &awssts.DecodeAuthorizationMessageInput{EncodedMessage: aws.String(encoded)})
	if err != nil {
		return "", mapSTSError(err)
	}
	if out.DecodedMessage == nil {
		return "", errors.New("sts:DecodeAuthorizationMessage returned no DecodedMessage")
	}
	return *out.DecodedMessage, nil
}

// credentialFailure says why credentials could not be had, in one line
// (the SDK's errors name providers and files, never secrets).
func credentialFailure(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// credentialCodes are the error codes of credentials AWS rejected.
var credentialCodes = map[string]bool{
	"InvalidClientTokenId": true, "SignatureDoesNotMatch": true, "ExpiredToken": true,
	"ExpiredTokenException": true, "UnrecognizedClientException": true, "InvalidAccessKeyId": true,
	"IncompleteSignature": true, "MissingAuthenticationToken": true, "InvalidToken": true,
}

func mapSTSError(err error) error {
	mapped := mapSTSErrorText(err)
	var de *authzmsg.DecodeDeniedError
	if errors.As(mapped, &de) {
		return mapped
	}
	return redactedError{mapped}
}

// redactedError prints its error with anything shaped like a credential
// removed: STS error texts, and what a proxy in front of it echoes, can
// hold the request's access key id or session token.
type redactedError struct{ err error }

func (e redactedError) Error() string { return redact.String(e.err.Error()) }
func (e redactedError) Unwrap() error { return e.err }

func mapSTSErrorText(err error) error {
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		return fmt.Errorf("calling sts:DecodeAuthorizationMessage: %w", err)
	}
	reqID := ""
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		reqID = re.ServiceRequestID()
	}
	code := ae.ErrorCode()
	switch {
	case code == "AccessDenied" || code == "AccessDeniedException":
		de := &authzmsg.DecodeDeniedError{Message: redact.String(ae.ErrorMessage()), RequestID: reqID}
		if den, perr := authzmsg.Parse(ae.ErrorMessage()); perr == nil && den.Principal.ARN != "" && !den.Principal.Redacted {
			de.Principal = den.Principal.ARN
		}
		return de
	case code == "InvalidAuthorizationMessageException":
		return fmt.Errorf("%w (STS: %s; request ID %s)", authzmsg.ErrInvalidMessage, ae.ErrorMessage(), reqID)
	case isThrottle(code):
		return fmt.Errorf("%w (STS: %s %s; request ID %s)", authzmsg.ErrThrottled, code, ae.ErrorMessage(), reqID)
	case credentialCodes[code]:
		return fmt.Errorf("%w (AWS rejected the credentials: %s: %s)", authzmsg.ErrNoCredentials, code, ae.ErrorMessage())
	}
	return fmt.Errorf("calling sts:DecodeAuthorizationMessage: %w", err)
}

func isThrottle(code string) bool {
	_, ok := retry.DefaultThrottleErrorCodes[code]
	return ok
}
