package preflight

import (
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/arn"
)

// EvaluateRequest re-evaluates one request, as read from an access-denied
// message, against the snapshot's policies: the principal's identity
// policies, boundary, SCPs and RCPs, and the resource's key, vault or
// trust policy. An assumed-role session is evaluated with its role's
// policies (AWS Backup sessions included). When denied, the result holds
// the deciding statements and a fix plan verified against those policies.
//
// A resource-based policy no snapshot holds (an S3 bucket policy, an SQS
// queue policy, ...: account.UnheldPolicy) is not taken as absent (see
// unheldPolicy): where it could change the verdict, the result could not
// be checked; where it could not, the verdict and its deciding statements
// stand, with their fix plan labelled (fix.Plan.Unheld) as verified
// against the policies the snapshot holds while that policy may still
// deny, as check labels it (explain --snapshot and jobs --snapshot show
// that plan instead of the one verified against the request alone); so
// does the verified plan of a could-not-check resourcePolicyMayAllow, as
// in check.
func EvaluateRequest(snap *account.Snapshot, principal, action, resource string, ctx map[string]string, now func() time.Time) Result {
	res := Result{Principal: "caller", PrincipalARN: principal, Action: action, Resource: resource, Context: ctx}
	if resource == "" {
		res.Resource = "*"
	}
	policyPrincipal, roleARN := principal, ""
	if strings.Contains(principal, ":assumed-role/") || strings.Contains(principal, ":role/") {
		if r, ok := snap.Role(principal); ok {
			policyPrincipal, roleARN = r.ARN, r.ARN
		}
	}
	c := checker{snap: snap, p: Params{Now: now}, unheld: true}
	c.evaluate(&res, principal, policyPrincipal, roleARN)
	unheldPolicy(&res, snap.AccountID)
	return res
}

// unheldPolicy makes res, a result of EvaluateRequest or Check, could-not-check
// when its resource carries a resource-based policy no snapshot holds
// (account.UnheldPolicy) and that policy could change its verdict: a
// request the principal's policies allow (the policy may deny it:
// CauseResourcePolicyMayDeny), or one they do not allow within one
// account (an implicit deny of the identity policies, boundary or session
// policy: the policy may allow it, CauseResourcePolicyMayAllow). An
// explicit deny stands, as does an implicit deny of an SCP or RCP, which
// no resource policy lifts, or of the caller's side across accounts,
// where both sides must allow. snapAccount is the account of a resource
// whose ARN names none (an S3 bucket's), as the evaluation took it.
// Across accounts the evaluation had a stand-in allowing everything for
// that policy (checker.unheld), so its verdict is the caller's side's.
//
// The fix plan of a denial that stands is kept, labelled
// (fix.Plan.Unheld) as verified against the policies the snapshot holds
// while the policy it lacks may still deny: it edits the layer that
// denied, which that policy cannot lift. That of a could-not-check
// resourcePolicyMayAllow is kept when it is verified (it lets the request
// through with that policy absent, edits the identity-based policy,
// boundary or session policy that refused it), labelled the same way, for
// Check and EvaluateRequest alike (explain and jobs showed, before, only
// the fix verified against the message alone).
func unheldPolicy(res *Result, snapAccount string) {
	kind, holder, ok := account.UnheldPolicy(res.Resource)
	if !ok || strings.ContainsAny(holder, "*?") {
		// A pattern (file-system/* of a file system the job creates)
		// names no one resource, so no one policy.
		return
	}
	plan := res.Plan
	res.Plan = nil
	keep := func() {
		if plan == nil || plan.Error != "" || len(plan.Fixes) == 0 {
			return
		}
		pl := plan.Clone()
		pl.Unheld = &fix.Unheld{Policy: kind, Resource: holder, Text: UnheldPlanText(kind, holder, pl.Verified)}
		res.Plan = &pl
	}
	cause := Cause{Subject: holder, Policy: kind}
	switch res.Verdict {
	case Allowed:
		cause.Kind = CauseResourcePolicyMayDeny
	case ImplicitDeny:
		resAcct := arn.Account(res.Resource)
		if resAcct == "" {
			resAcct = snapAccount
		}
		if pa := arn.Account(res.PrincipalARN); pa != "" && pa != resAcct {
			keep()
			return // across accounts the caller's side must allow too
		}
		// Within one account a resource policy granting the principal
		// allows without an identity allow, and one naming the user or
		// role session itself is not limited by the boundary or session
		// policy (IAM User Guide, policy evaluation logic); no resource
		// policy lifts an SCP's or RCP's implicit deny.
		if l, ok := authz.ParseLayer(res.Layer); !ok || l != authz.LayerIdentity && l != authz.LayerBoundary && l != authz.LayerSession {
			keep()
			return
		}
		cause.Kind = CauseResourcePolicyMayAllow
		res.couldNotCheck(cause)
		// The resource policy may allow the request already; if it does
		// not, a verified plan of the layer that refused lets it through
		// unless that policy denies.
		if plan != nil && plan.Verified {
			keep()
		}
		return
	case ExplicitDeny:
		keep()
		return
	default:
		return // could-not-check already says why
	}
	res.couldNotCheck(cause)
}

// UnheldPlanText says, in English, what a plan of a request on holder is
// verified against (fix.Unheld.Text): the policies the snapshot holds,
// not the resource-based policy of kind that holder carries; verified
// tells whether the plan lets the request through against those.
func UnheldPlanText(kind, holder string, verified bool) string {
	if !verified {
		return "Fix plan evaluated against the policies the snapshot holds (they still refuse the request with it); " + policyNoun(kind, holder) + " is not held and may deny the request too."
	}
	return "Fix plan verified against the policies the snapshot holds; " + policyNoun(kind, holder) + " is not held and may still deny the request."
}

// standIn is a resource-based policy that allows every request, standing
// for the policy of holder that no snapshot holds.
func standIn(holder string) *eval.Doc {
	return &eval.Doc{Name: "stand-in for the resource-based policy of " + holder,
		Text: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`)}
}
