package fix

import "strings"

// The i18n messages of the sentences this package writes. Every English
// Fix.Title, Fix.Risk and Note.Text goes with the message that says the
// same in every language (Fix.TitleMsg, Fix.RiskMsg, "fixnote." + Note.ID
// with Note.Args); the catalog is internal/i18n/fix.go. Names, ARNs and
// actions are arguments as they are; a phrase is an argument "@" + its
// message ID.

func msg(id string, args ...string) Msg { return Msg{ID: id, Args: args} }

func riskMsg(id string, args ...string) *Msg { m := msg(id, args...); return &m }

// nameArg is describeName(t) as a message argument.
func nameArg(t Target) string {
	switch {
	case t.ARN != "":
		return t.ARN
	case t.Name != "":
		return t.Name
	case t.PolicyID != "":
		return t.PolicyID
	}
	return "@fix.name-unknown"
}

// targetForm is describeTarget(t) as a message: the form, which the IDs
// of sentences naming a policy end with, and its arguments.
func targetForm(t Target) (form string, args []string) {
	switch t.Kind {
	case TargetRoleInline, TargetUserInline:
		pf, pargs := principalForm(t)
		return "inline-" + pf, append([]string{t.PolicyName}, pargs...)
	case TargetIdentityPolicy:
		pf, pargs := principalForm(t)
		return "identity-" + pf, pargs
	case TargetManagedPolicy:
		return "managed-policy", []string{nameArg(t)}
	case TargetBoundary:
		return "boundary", []string{nameArg(t)}
	case TargetSessionPolicy:
		return "session-policy", []string{nameArg(t)}
	case TargetSCP:
		return "scp", []string{nameArg(t)}
	case TargetRCP:
		return "rcp", []string{nameArg(t)}
	case TargetVPCEndpoint:
		return "vpce-policy", []string{nameArg(t)}
	case TargetKeyPolicy:
		return "key-policy", []string{t.ARN}
	case TargetTrustPolicy:
		return "trust-policy", []string{t.Name}
	case TargetVaultPolicy:
		if t.Name == "" {
			return "recovery-point-vault-policy", nil
		}
		return "vault-policy", []string{t.Name}
	case TargetBucketPolicy:
		return "bucket-policy", []string{t.Name}
	}
	return "resource-policy", []string{t.ARN}
}

// principalForm is describePrincipal(t) as a message form ("role",
// "user", "federated") and its arguments.
func principalForm(t Target) (form string, args []string) {
	switch {
	case t.Kind == TargetRoleInline || t.Kind == TargetIdentityPolicy && isRoleARN(t.ARN):
		return "role", []string{t.Name}
	case t.Name == "":
		return "federated", nil
	}
	return "user", []string{t.Name}
}

// policyNoun is what sort of policy a target is, without its name: in
// English, and as a message argument.
func policyNoun(t Target) (en, arg string) {
	switch t.Kind {
	case TargetRoleInline, TargetUserInline:
		return "inline policy", "@fix.noun.inline-policy"
	case TargetIdentityPolicy:
		return "identity-based policy", "@fix.noun.identity-policy"
	case TargetManagedPolicy:
		return "managed policy", "@fix.noun.managed-policy"
	case TargetBoundary:
		return "permissions boundary", "@fix.noun.permissions-boundary"
	case TargetSessionPolicy:
		return "session policy", "@fix.noun.session-policy"
	case TargetSCP:
		return "SCP", "@fix.noun.scp"
	case TargetRCP:
		return "RCP", "@fix.noun.rcp"
	case TargetKeyPolicy:
		return "key policy", "@fix.noun.key-policy"
	case TargetTrustPolicy:
		return "trust policy", "@fix.noun.trust-policy"
	case TargetVaultPolicy:
		return "vault access policy", "@fix.noun.vault-access-policy"
	case TargetBucketPolicy:
		return "bucket policy", "@fix.noun.bucket-policy"
	case TargetVPCEndpoint:
		return "VPC endpoint policy", "@fix.noun.vpce-policy"
	}
	return "resource-based policy", "@fix.noun.resource-policy"
}

// exemptions says how the Deny statements of one policy were narrowed:
// to every resource but the request's, to every principal but the
// requester, or some one way and some the other.
type exemptions struct {
	byResource, byPrincipal bool
	resource, principal     string // what is excepted
}

// english is what the narrowed statements still apply to, in English.
func (e exemptions) english() string {
	switch {
	case e.byResource && e.byPrincipal:
		return "everything but " + e.resource + "; every principal but " + e.principal
	case e.byResource:
		return "everything but " + e.resource
	}
	return "every principal but " + e.principal
}

// form is the message form of english and its arguments.
func (e exemptions) form() (string, []string) {
	switch {
	case e.byResource && e.byPrincipal:
		return "resource-principal", []string{e.resource, e.principal}
	case e.byResource:
		return "resource", []string{e.resource}
	}
	return "principal", []string{e.principal}
}

// scope is what the Deny is lifted for: this request's principal,
// resource, or both; in English and as a message argument.
func (e exemptions) scope() (en, arg string) {
	switch {
	case e.byResource && e.byPrincipal:
		return "resource and principal", "@fix.scope.resource-principal"
	case e.byResource:
		return "resource", "@fix.scope.resource"
	}
	return "principal", "@fix.scope.principal"
}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// isRoleARN reports whether arn names an IAM role.
func isRoleARN(arn string) bool { return strings.Contains(arn, ":role/") }
