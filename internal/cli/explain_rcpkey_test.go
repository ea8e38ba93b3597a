package cli

import (
	"strings"
	"testing"
)

// "Resource control policies in your organization do not apply to AWS
// managed keys" (AWS KMS Developer Guide, Resource control policies in
// AWS KMS): an RCP Deny of kms:* refuses a customer managed key, never an
// AWS managed one. Before, explain --snapshot found the AWS managed key's
// request "explicit deny ... in the resource control policy", exit 1.
func TestExplainSnapshotRCPSkipsAWSManagedKey(t *testing.T) {
	t.Parallel()
	const snap = "../../testdata/check/rcp-aws-managed-key.json"
	for key, want := range map[string]int{
		"1111aaaa-11aa-11aa-11aa-111111111111": ExitOK,     // AWS managed
		"2222bbbb-22bb-22bb-22bb-222222222222": ExitDenied, // customer managed
	} {
		msg := "User: arn:aws:iam::111122223333:user/operator is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/" + key + "\n"
		out, errOut, code := runCLI(t, msg, "explain", "--snapshot", snap, "--lang", "en")
		rcp := strings.Contains(strings.Join(strings.Fields(out), " "), "in the resource control policy")
		if code != want || rcp != (want == ExitDenied) {
			t.Errorf("key %s: exit %d (RCP named: %v), want %d:\n%s%s", key, code, rcp, want, out, errOut)
		}
	}
}
