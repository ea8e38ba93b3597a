package awsnet

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestHTTPClientBoundsEveryPhase(t *testing.T) {
	for _, tt := range []struct {
		call, wantCall, wantConnect time.Duration
	}{
		{0, DefaultCallTimeout, ConnectTimeout},
		{2 * time.Second, 2 * time.Second, 2 * time.Second},
		{time.Minute, time.Minute, ConnectTimeout},
	} {
		c := HTTPClient(Options{CallTimeout: tt.call})
		tr := c.GetTransport()
		if c.GetTimeout() != tt.wantCall || tr.ResponseHeaderTimeout != tt.wantCall || tr.TLSHandshakeTimeout != tt.wantConnect || c.GetDialer().Timeout != tt.wantConnect {
			t.Errorf("call %s: client %s, headers %s, TLS %s, dial %s", tt.call, c.GetTimeout(), tr.ResponseHeaderTimeout, tr.TLSHandshakeTimeout, c.GetDialer().Timeout)
		}
	}
}

func TestApplyRetry(t *testing.T) {
	for _, tt := range []struct {
		name       string
		cfg        aws.Config
		o          Options
		wantNil    bool // the SDK builds its own retryer
		wantMax    int
		wantCfgMax int
	}{
		{"unset", aws.Config{}, Options{}, false, DefaultMaxAttempts, 0},
		{"configured attempts", aws.Config{RetryMaxAttempts: 3}, Options{}, false, 3, 3},
		{"option wins", aws.Config{RetryMaxAttempts: 3}, Options{MaxAttempts: 1}, false, 1, 1},
		{"configured mode", aws.Config{RetryMode: aws.RetryModeAdaptive, RetryMaxAttempts: 4}, Options{}, true, 0, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			ApplyRetry(&cfg, tt.o)
			if (cfg.Retryer == nil) != tt.wantNil || cfg.RetryMaxAttempts != tt.wantCfgMax {
				t.Fatalf("retryer nil %v, RetryMaxAttempts %d", cfg.Retryer == nil, cfg.RetryMaxAttempts)
			}
			if cfg.Retryer != nil {
				if got := cfg.Retryer().MaxAttempts(); got != tt.wantMax {
					t.Errorf("max attempts %d, want %d", got, tt.wantMax)
				}
			}
		})
	}
}
