package preflight

import (
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
)

// EvaluateRequest re-evaluates one request, as read from an access-denied
// message, against the snapshot's policies: the principal's identity
// policies, boundary, SCPs and RCPs, and the resource's key, vault or
// trust policy. An assumed-role session is evaluated with its role's
// policies (AWS Backup sessions included). When denied, the result holds
// the deciding statements and a fix plan verified against those policies.
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
	c := checker{snap: snap, p: Params{Now: now}}
	c.evaluate(&res, principal, policyPrincipal, roleARN)
	return res
}
