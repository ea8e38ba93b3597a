package testutil

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
)

// creates is whether r is one of SeedOrg's calls that create something.
func creates(r *http.Request, key string) bool {
	target := r.Header.Get("X-Amz-Target")
	return strings.HasSuffix(target, ".CreateOrganization") || strings.HasSuffix(target, ".CreateAccount") ||
		(r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/backup-vaults/")) ||
		strings.Contains(key, "Action=CreateRole&")
}

// Under load an answer can be lost after moto did the work (the
// connection reset, a 5xx from a proxy): SeedOrg's creating calls are
// done once all the same. The SDK's retry of them once failed the test
// with AlreadyInOrganizationException (CreateOrganization),
// AlreadyExistsException (CreateBackupVault) or EntityAlreadyExists
// (CreateRole), or made a second member account (CreateAccount).
func TestSeedOrgAnswersLost(t *testing.T) {
	moto := StartMoto(t)
	proxy := StartFaultProxy(t, moto, func(r *http.Request, key string, attempt int) Fault {
		if attempt == 1 && creates(r, key) {
			return Lost
		}
		return Pass
	})
	org := SeedOrg(t, proxy.URL, SeedOrgOptions{Members: 2, RoleName: "Reader", NoRole: []int{1}})
	if n := proxy.Counts()[Lost]; n != 6 { // the organization, 2 accounts, 2 vaults, 1 role
		t.Errorf("%d answers lost, want 6", n)
	}
	if len(org.Members) != 2 || org.Members[0] == "" || org.Members[1] == "" || org.ID == "" || org.ManagementID == "" {
		t.Fatalf("org %+v", org)
	}
	oc := organizations.NewFromConfig(aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(moto),
		Credentials: credentials.NewStaticCredentialsProvider("testing", "testing", "")})
	out, err := oc.ListAccounts(context.Background(), &organizations.ListAccountsInput{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range out.Accounts {
		ids = append(ids, aws.ToString(a.Id))
	}
	if len(ids) != 3 {
		t.Errorf("accounts %v, want the management account and 2 members", ids)
	}
}
