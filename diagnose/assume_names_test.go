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

// An account token says whose account it stands for: the caller's, the
// resource owner's (maybe another account: then the fixes' two layers are
// explained), or both, taken to be one account.
func TestRedactedAccountSaysWhose(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ message, note string }{
		{"AWS error message: User: arn:aws:iam::793525387755:user/ScvIntegrationUser is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::xxxxxxxxxxxxxxx:role/Deployer", "note.redacted-account.resource"},
		{"User: arn:aws:iam::XXXXXXXXXXXX:user/bob is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::my-bucket/k because no identity-based policy allows the s3:GetObject action", "note.redacted-account.principal"},
		{"User: arn:aws:sts::XXXXXXX:assumed-role/Administrator/x is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::XXXXXX:role/COCAAssumeRole", "note.redacted-account"},
	} {
		d, err := authzmsg.Parse(tc.message)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, f := range Diagnose(d, Options{}) {
			for _, n := range f.Notes {
				if strings.HasPrefix(n.ID, "note.redacted") {
					ids = append(ids, n.ID)
				}
			}
		}
		if len(ids) == 0 || ids[0] != tc.note {
			t.Errorf("%s: notes %v, want %s first", tc.message[:40], ids, tc.note)
		}
		if tc.note == "note.redacted-account.resource" && (len(ids) < 2 || ids[1] != "note.redacted-cross") {
			t.Errorf("resource account hidden, trust and identity fixes: notes %v lack note.redacted-cross", ids)
		}
	}
}
