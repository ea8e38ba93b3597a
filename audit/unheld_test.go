package audit

import (
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/preflight"
)

// TestGapResourcePolicy: a request preflight could not check for a
// resource-based policy no snapshot holds (an S3 bucket policy) is its
// own gap, worded in the report's language (it was not-evaluated with
// the cause's English text as its argument).
func TestGapResourcePolicy(t *testing.T) {
	for kind, msg := range map[preflight.CauseKind]string{
		preflight.CauseResourcePolicyMayDeny:  "audit.gap.resource-policy.may-deny",
		preflight.CauseResourcePolicyMayAllow: "audit.gap.resource-policy.may-allow",
	} {
		g := gapOf(preflight.Cause{Kind: kind, Subject: "arn:aws:s3:::data-bucket", Policy: account.PolicyBucket})
		if g.RuleID != RuleResourcePolicy || g.MsgID != msg || len(g.Args) != 1 || g.Args[0] != "arn:aws:s3:::data-bucket" {
			t.Errorf("%s: gap %+v, want %s %s(arn:aws:s3:::data-bucket)", kind, g, RuleResourcePolicy, msg)
		}
	}
}
