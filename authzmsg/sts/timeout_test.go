package sts

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/deniedhq/denied/internal/testutil"
)

// An STS endpoint that takes the connection and never answers fails the
// decode after the attempts' call timeouts instead of hanging it.
func TestSTSDecodeDoesNotHang(t *testing.T) {
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/none")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := New(ctx, Options{
		Region: "us-east-1", Endpoint: testutil.Unanswering(t), CallTimeout: 200 * time.Millisecond,
		MaxAttempts: 2, MaxBackoff: 10 * time.Millisecond,
		Credentials: credentials.NewStaticCredentialsProvider(testAccessKey, testSecretKey, ""),
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.DecodeAuthorizationMessage(ctx, "LFKgZ-6vRe92Bt2SLH84UQGBPJUTPs8oDvZyKm2WgGmGi6J0etYeX0NN3pwe5bmPttEzVW7PqAjkUf4")
	if err == nil {
		t.Fatal("a decode against an endpoint that never answers succeeded")
	}
	if ctx.Err() != nil {
		t.Fatalf("the decode ran into the test's deadline: %v", err)
	}
}
