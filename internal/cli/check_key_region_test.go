package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A key named by alias or key id is the one of the checked Region: the
// same alias (and a multi-Region key's id) is in several Regions. Here
// alias/vault-key is a key in us-east-1 (listed first) whose policy lets
// the account's IAM policies decide, and a key in eu-west-1 whose policy
// allows nobody: creating a vault with it in eu-west-1 is refused by the
// key policy, and it was allowed (exit 0) against the us-east-1 key.
func TestCheckKeyAliasInRegion(t *testing.T) {
	t.Parallel()
	const open = `{"Version":"2012-10-17","Statement":[{"Sid":"EnableIAM","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}`
	const closed = `{"Version":"2012-10-17","Statement":[{"Sid":"OnlyAdmins","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/KeyAdmin"},"Action":"kms:*","Resource":"*"}]}`
	text := `{"schemaVersion":1,"accountId":"111122223333","region":"eu-west-1","partition":"aws",
 "users":[{"arn":"arn:aws:iam::111122223333:user/admin","inlinePolicies":[{"name":"all","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]}],
 "kmsKeys":[
  {"arn":"arn:aws:kms:us-east-1:111122223333:key/mrk-1111aaaa11aa11aa11aa111111111111","keyId":"mrk-1111aaaa11aa11aa11aa111111111111","keyManager":"CUSTOMER","keyState":"Enabled","aliases":["alias/vault-key"],"policy":` + open + `},
  {"arn":"arn:aws:kms:eu-west-1:111122223333:key/mrk-1111aaaa11aa11aa11aa111111111111","keyId":"mrk-1111aaaa11aa11aa11aa111111111111","keyManager":"CUSTOMER","keyState":"Enabled","aliases":["alias/vault-key"],"policy":` + closed + `}]}`
	snap := filepath.Join(t.TempDir(), "snapshot.json")
	if err := os.WriteFile(snap, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"alias/vault-key", "mrk-1111aaaa11aa11aa11aa111111111111", "arn:aws:kms:eu-west-1:111122223333:alias/vault-key"} {
		for _, tt := range []struct {
			region string
			code   int
			text   string
		}{
			{"eu-west-1", ExitDenied, "arn:aws:kms:eu-west-1:111122223333:key/mrk-"},
			{"us-east-1", ExitOK, "arn:aws:kms:us-east-1:111122223333:key/mrk-"},
		} {
			if strings.HasPrefix(ref, "arn:") && tt.region != "eu-west-1" {
				continue // the alias ARN names its Region
			}
			out, errOut, code := runCLI(t, "", "check", "create-vault", "--snapshot", snap, "--as", "arn:aws:iam::111122223333:user/admin",
				"--vault", "v", "--kms-key", ref, "--region", tt.region, "--lang", "en")
			if code != tt.code || !strings.Contains(out, tt.text) {
				t.Errorf("--kms-key %s --region %s: exit %d, want %d naming %s:\n%s%s", ref, tt.region, code, tt.code, tt.text, out, errOut)
			}
		}
	}
}
