package diagnose

import (
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/policy"
)

// AWS reports an SCP's missing Allow as "with an explicit deny in a
// service control policy" too (IAM User Guide, access-denied messages), so
// a message alone gets both fixes: narrow the Deny of the SCP it names, or
// add the Allow to an SCP; both edit the SCP layer, never another, and the
// note says why. The example is the IAM User Guide's own message.
func TestSCPReportedDenyAlsoGetsAllow(t *testing.T) {
	t.Parallel()
	d, err := authzmsg.Parse("User: arn:aws:sts::123456789012:assumed-role/Ops/alice is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::123456789012:role/* with an explicit deny in a service control policy: arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd")
	if err != nil {
		t.Fatal(err)
	}
	var allow, noted bool
	for _, f := range Diagnose(d, Options{}) {
		noted = noted || hasMsg(f.Notes, "generic.scp.note")
		var all []fix.Fix
		if f.Plan != nil {
			all = append(all, f.Plan.Fixes...)
		}
		for _, x := range append(all, f.Alternatives...) {
			if x.Layer != "" && x.Layer != "scp" {
				t.Errorf("%s edits the %s layer; the SCP denied", x.ID, x.Layer)
			}
			if x.Layer == "scp" && x.Original == nil && x.Statement != nil && x.Statement.Effect == policy.Allow {
				allow = true
			}
		}
	}
	if !allow {
		t.Error("no fix adds the Allow an SCP level may lack")
	}
	if !noted {
		t.Error("no note says AWS reports an SCP's missing Allow as an explicit deny")
	}
}
