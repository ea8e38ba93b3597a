package testutil

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// The harness starts a real moto_server that the AWS SDK for Go v2 talks
// to: STS GetCallerIdentity answers with moto's default account.
func TestStartMoto(t *testing.T) {
	url := StartMoto(t)
	client := sts.New(sts.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", ""),
	})
	out, err := client.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatalf("GetCallerIdentity against moto: %v", err)
	}
	if out.Account == nil || len(*out.Account) != 12 || !strings.HasPrefix(aws.ToString(out.Arn), "arn:aws:") {
		t.Fatalf("unexpected identity %+v", out)
	}
}
