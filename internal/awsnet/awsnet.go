// Package awsnet bounds the time AWS SDK calls may take: the HTTP client
// every SDK client of denied uses (connect, TLS handshake, response headers
// and the whole attempt are limited) and the retry settings (the AWS
// configuration's AWS_MAX_ATTEMPTS, AWS_RETRY_MODE, max_attempts and
// retry_mode honoured; denied's defaults when none is set).
//
// It imports nothing of this module.
package awsnet

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Defaults.
const (
	// DefaultCallTimeout bounds one attempt of a call: connecting, sending,
	// the response headers and reading the whole body.
	DefaultCallTimeout = 30 * time.Second
	// ConnectTimeout bounds the TCP connect and the TLS handshake of an
	// attempt (or the call timeout when shorter).
	ConnectTimeout = 10 * time.Second
	// DefaultMaxAttempts is the number of attempts of a throttled or
	// transient failure when the AWS configuration sets neither
	// AWS_MAX_ATTEMPTS / max_attempts nor AWS_RETRY_MODE / retry_mode.
	DefaultMaxAttempts = 5
)

// Options tune the calls. The zero value takes the defaults.
type Options struct {
	// CallTimeout bounds each attempt (default DefaultCallTimeout).
	CallTimeout time.Duration
	// MaxAttempts overrides the configured attempts when > 0.
	MaxAttempts int
	// MaxBackoff caps the delay between attempts (default the SDK's 20 s).
	MaxBackoff time.Duration
}

// Timeout is o's call timeout.
func (o Options) Timeout() time.Duration {
	if o.CallTimeout > 0 {
		return o.CallTimeout
	}
	return DefaultCallTimeout
}

// HTTPClient is the SDK's buildable HTTP client with every phase of an
// attempt bounded by o's call timeout (and connecting by ConnectTimeout).
// It is a *awshttp.BuildableClient, so the SDK keeps it as given.
func HTTPClient(o Options) *awshttp.BuildableClient {
	call := o.Timeout()
	connect := min(ConnectTimeout, call)
	return awshttp.NewBuildableClient().
		WithTimeout(call).
		WithDialerOptions(func(d *net.Dialer) { d.Timeout = connect }).
		WithTransportOptions(func(tr *http.Transport) {
			tr.TLSHandshakeTimeout = connect
			tr.ResponseHeaderTimeout = call
			tr.ExpectContinueTimeout = time.Second
		})
}

// ApplyRetry sets cfg's retry behaviour after config.LoadDefaultConfig has
// read the AWS configuration into it. An explicit o.MaxAttempts wins over
// the configuration. A configured retry mode (standard or adaptive) gets the
// SDK's own retryer with the configured or the SDK's default attempts.
// Otherwise denied's: the standard retryer with the configured attempts or
// DefaultMaxAttempts and no client-side retry quota (a collection makes
// hundreds of calls through one client; the quota would turn a burst of
// throttling into failures the retries could have absorbed).
func ApplyRetry(cfg *aws.Config, o Options) {
	if o.MaxAttempts > 0 {
		cfg.RetryMaxAttempts = o.MaxAttempts
	}
	if cfg.RetryMode != "" {
		cfg.Retryer = nil
		return
	}
	attempts := cfg.RetryMaxAttempts
	if attempts <= 0 {
		attempts = DefaultMaxAttempts
	}
	cfg.Retryer = func() aws.Retryer {
		return retry.NewStandard(func(so *retry.StandardOptions) {
			so.MaxAttempts = attempts
			so.RateLimiter = ratelimit.None
			if o.MaxBackoff > 0 {
				so.MaxBackoff = o.MaxBackoff
			}
		})
	}
}

// MaxBody is the most bytes of one AWS answer denied reads: 256 MiB, far
// above the largest real page (an IAM GetAccountAuthorizationDetails or
// ListBackupJobs page of 1,000 jobs is a few MB), so that an endpoint that
// never ends its answer fails that call, not the process's memory.
const MaxBody = 256 << 20

// LimitBody is an API option (aws.Config.APIOptions, or a client's
// Options.APIOptions) under which an answer whose body passes max bytes
// fails its call with an error saying so, as a cut answer does.
func LimitBody(max int64) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Deserialize.Add(middleware.DeserializeMiddlewareFunc("deniedLimitBody",
			func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
				out, md, err := next.HandleDeserialize(ctx, in)
				if resp, ok := out.RawResponse.(*smithyhttp.Response); ok && resp.Body != nil {
					resp.Body = &limitedBody{ReadCloser: resp.Body, left: max, max: max}
				}
				return out, md, err
			}), middleware.After)
	}
}

// limitedBody fails a read past max bytes.
type limitedBody struct {
	io.ReadCloser
	left, max int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One byte more tells an answer of exactly max bytes from a
		// longer one.
		var one [1]byte
		if n, _ := io.ReadFull(b.ReadCloser, one[:]); n == 0 {
			return 0, io.EOF
		}
		return 0, fmt.Errorf("answer larger than %d MiB (denied's limit of one AWS answer)", b.max>>20)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.ReadCloser.Read(p)
	b.left -= int64(n)
	return n, err
}
