package diagnose

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
)

// A name the reader blanked with underscores ("AWSReservedSSO_____________",
// "role-________-us-east-2") or replaced by a {placeholder} or ${VARIABLE}
// (IAM names hold neither braces nor "$") is no name to run a command with:
// no command of any fix holds it (they once ran "aws iam put-role-policy
// --role-name AWSReservedSSO_____________" and "--role-name
// '${CLUSTER_NAME}-karpenter'").
func TestBlankedNamesInNoCommand(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ message, blank string }{
		{"User: arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_____________/C____@____.org is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/app because no identity-based policy allows the iam:CreateRole action", "___"},
		{"User: arn:aws:sts::123456789012:assumed-role/AppRole/s is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/cdk-hnb659fds-image-publishing-role-________-us-east-2 because no identity-based policy allows the iam:CreateRole action", "___"},
		{"User: arn:aws:sts::123456789012:assumed-role/{role}/jrykowski is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k with an explicit deny in an identity-based policy", "{role}"},
		{"User: arn:aws:sts::123456789012:assumed-role/${CLUSTER_NAME}-karpenter/1717079343811266923 is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/KarpenterNodeRole-${CLUSTER_NAME} because no identity-based policy allows the iam:PassRole action", "${"},
		{"User: arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_____________/C____@____.org is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no session policy allows the s3:GetObject action", "___"},
	} {
		d, err := authzmsg.Parse(tc.message)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, fd := range Diagnose(d, Options{}) {
			var fixes = fd.Alternatives
			if fd.Plan != nil {
				fixes = append(fixes, fd.Plan.Fixes...)
			}
			for _, f := range fixes {
				n++
				for _, c := range f.Render.CLI {
					if !strings.HasPrefix(c, "#") && strings.Contains(c, tc.blank) {
						t.Errorf("%s: fix %s runs with a blanked name: %s", tc.message, f.ID, c)
					}
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no fix", tc.message)
		}
	}
}
