package diagnose

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
)

// The check "aws iam get-role --role-name NAME" never runs with a role name
// the message redacted or cut short: it says <role-name>, as the fixes do.
// The first message is real (testdata/messages/real, scv-examples-34).
func TestAssumeRoleCheckNamesNoHiddenRole(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ message, hidden string }{
		{"AWS error message: User: arn:aws:iam::793525387755:user/ScvIntegrationUser is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::xxxxxxxxxxxxxxx:role/xxxxxxxxxxxxxxxxxxxx", "xxxx"},
		{"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/Deploy...", "Deploy"},
		{"User: arn:aws:sts::123456789012:assumed-role/Admin/s is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/XXX-deployer", "XXX"},
	} {
		d, err := authzmsg.Parse(tc.message)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range Diagnose(d, Options{}) {
			for _, c := range append([]Msg{f.Title, f.Cause}, f.Checks...) {
				for _, a := range c.Args {
					if c.ID == "assume.check.read" {
						found = true
						if a != "<role-name>" {
							t.Errorf("%s: get-role with %q", tc.hidden, a)
						}
					}
					if strings.Contains(a, tc.hidden) {
						t.Errorf("%s: %s names the hidden role: %q", tc.hidden, c.ID, a)
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: no get-role check", tc.hidden)
		}
	}
}
