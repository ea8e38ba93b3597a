package fix

import (
	"testing"

	"github.com/deniedhq/denied/eval"
)

// A resource whose name, Region or account the message hid, and that the
// diagnosis wrote with placeholders ("arn:aws:secretsmanager:<region>:
// 111122223333:secret:<resource-name>"), is still one resource: a resource
// policy's fix names it with the placeholders (none was proposed: an
// elided resource was taken for an unknown one). A resource elided with
// "..." or a pattern ("secret:*") is still not one resource: no fix.
// Real message: heldout7 tfaws-35549-go-v2-secret-rbp-angle-placeholders.
func TestResourcePolicyFixWithPlaceholders(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		resource string
		want     int
	}{
		{"arn:aws:secretsmanager:<region>:111122223333:secret:<resource-name>", 1},
		{"arn:aws:secretsmanager:us-east-1:111122223333:secret:<resource-name>", 1},
		{"arn:aws:secretsmanager:us-east-1:111122223333:secret:...", 0},
		{"arn:aws:secretsmanager:us-east-1:111122223333:secret:*", 0},
	} {
		in := &eval.Input{Request: eval.Request{Principal: "arn:aws:iam::111122223333:user/alice", Action: "secretsmanager:GetResourcePolicy", Resource: tc.resource}}
		pl := PlanFor(Problem{Input: in, Layer: "resource"}, testOptions)
		n := 0
		for _, f := range pl.Fixes {
			if f.Target.Kind == TargetResourcePolicy {
				n++
				if f.Target.ARN != tc.resource {
					t.Errorf("%s: fix edits the policy of %s", tc.resource, f.Target.ARN)
				}
			}
		}
		if n != tc.want {
			t.Errorf("%s: %d resource policy fixes (%v %s), want %d", tc.resource, n, ids(pl.Fixes), pl.Error, tc.want)
		}
	}
}
