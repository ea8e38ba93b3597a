package diagnose

import (
	"strings"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/internal/arn"
)

// ruleAssumeRole explains a refused sts:AssumeRole, AssumeRoleWithWebIdentity
// or AssumeRoleWithSAML through the target role's trust policy: the
// provider and the token's claims for federation, a target that is a user,
// a role assuming itself, role chaining. A message that names another
// layer (the caller's identity policy, an SCP) is left to that layer's rule.
func ruleAssumeRole(d *authzmsg.Denial) (Finding, bool) {
	if d.Backup != nil {
		return Finding{}, false // AWS Backup's job messages have their own rules
	}
	kind := ""
	switch {
	case actionIs(d, "sts:AssumeRoleWithWebIdentity") || d.Action == "" && operationIs(d, "AssumeRoleWithWebIdentity"):
		kind = "oidc"
	case actionIs(d, "sts:AssumeRoleWithSAML") || d.Action == "" && operationIs(d, "AssumeRoleWithSAML"):
		kind = "saml"
	case actionIs(d, "sts:AssumeRole") || d.Action == "" && operationIs(d, "AssumeRole"):
		kind = "role"
	default:
		return Finding{}, false
	}
	switch d.PolicyType {
	case authzmsg.PolicyTrust, authzmsg.PolicyUnknown, "", authzmsg.PolicyResource:
	default:
		if kind == "role" {
			return Finding{}, false // the caller's own layer refused it: the generic rule says which
		}
	}
	target := d.Resource
	if d.ResourceKind != "arn" {
		target = ""
	}
	// A role name the message redacted or cut short is no name to run
	// get-role with: the check says <role-name> instead, as the fixes do.
	role := orDefault(resourceName(unredactedNames(uncut(d.Raw, target))), "<role-name>")
	f := Finding{Rule: "sts.assume-role", Layer: "resource", Title: msg("assume.title", role)}
	read := msg("assume.check.read", role)
	switch {
	case strings.Contains(target, ":user/"):
		f.Rule, f.Layer = "sts.assume-role-target-user", "trust"
		f.Title = msg("assume.user.title")
		f.Cause = msg("assume.user.cause", principalName(d), target)
		return f, true
	case kind == "oidc":
		f.Rule = "sts.assume-role-web-identity"
		f.Cause = msg("assume.oidc.cause", role)
		f.Checks = []Msg{read, msg("assume.check.oidc.provider"), msg("assume.check.oidc.claims")}
		return f, true
	case kind == "saml":
		f.Rule = "sts.assume-role-saml"
		f.Cause = msg("assume.saml.cause", role)
		f.Checks = []Msg{read, msg("assume.check.saml")}
		return f, true
	case selfAssume(d, target):
		f.Rule = "sts.assume-role-self"
		f.Cause = msg("assume.self.cause", role)
		f.Checks = []Msg{msg("assume.check.self"), read}
		return f, true
	case d.Principal.Kind == authzmsg.KindAssumedRole:
		f.Rule = "sts.assume-role-chained"
		f.Cause = msg("assume.chain.cause", d.Principal.Name, role)
		f.Checks = []Msg{read, msg("assume.check.conditions"), msg("assume.check.caller", role), msg("assume.check.chain-duration")}
	default:
		f.Cause = msg("assume.cause", principalName(d), role)
		f.Checks = []Msg{read, msg("assume.check.conditions"), msg("assume.check.caller", role)}
	}
	if kind == "role" && (d.PolicyType == authzmsg.PolicyUnknown || d.PolicyType == "") {
		// The message names no policy type ("is not authorized to perform:
		// sts:AssumeRole on resource: ROLE" and nothing after it): AWS says
		// it so whether the role's trust policy does not trust the caller
		// or the caller's own identity-based policy does not allow
		// sts:AssumeRole on the role, and both must allow the request
		// across accounts (in the role's account, a trust policy naming
		// the caller's ARN suffices). Neither is claimed: the title and
		// the cause say both, and each gets its candidate fix.
		f.Layer = "unknown"
		f.candidates = []string{"resource", "identity"}
		f.Title = msg("assume.unnamed.title", role)
		f.Notes = append(f.Notes, msg("assume.unnamed.note", principalName(d), role))
		f.Checks = append(f.Checks, msg("assume.check.unnamed-identity", principalName(d), role))
	}
	return f, true
}

// selfAssume reports whether a role session tries to assume its own role.
func selfAssume(d *authzmsg.Denial, target string) bool {
	if d.Principal.Kind != authzmsg.KindAssumedRole || target == "" || d.Principal.Name == "" {
		return false
	}
	return strings.EqualFold(resourceName(target), d.Principal.Name) && arn.Account(target) == arn.Account(d.Principal.ARN)
}

// ruleServiceSession: a session policy refused the request, and the session
// is one an AWS service creates with a session policy of its own (an
// Amazon Cognito identity pool, Amazon Managed Service for Apache Flink):
// the advice is the service's limits, not a session policy to pass.
func ruleServiceSession(d *authzmsg.Denial) (Finding, bool) {
	if d.PolicyType != authzmsg.PolicySession || d.Principal.Kind != authzmsg.KindAssumedRole {
		return Finding{}, false
	}
	svc := ""
	switch {
	case d.Principal.Session == "CognitoIdentityCredentials":
		svc = "cognito"
	case d.Principal.Session == "FlinkApplicationStateSession" || strings.HasPrefix(d.Principal.Name, "AWSKinesisAnalytics"):
		svc = "flink"
	default:
		return Finding{}, false
	}
	return Finding{
		Rule: "session.service-managed-" + svc, Layer: "service",
		Title:  msg("servicesession." + svc + ".title"),
		Cause:  msg("servicesession."+svc+".cause", d.Principal.Name, d.Action),
		Checks: []Msg{msg("servicesession." + svc + ".check")},
	}, true
}
