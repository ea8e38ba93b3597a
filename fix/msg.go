package fix

import (
	"strings"

	"github.com/deniedhq/denied/internal/i18n"
)

// Every sentence this package writes is an i18n message, written once,
// in the catalog (internal/i18n/fix.go and fixcli.go): Fix.TitleMsg,
// Fix.RiskMsg, "fixnote." + Note.ID with Note.Args, and the comment lines
// of the renderings (Renderings.Comments). Fix.Title, Fix.Risk, Note.Text
// and the comment lines themselves are those messages in English. Names,
// ARNs and actions are arguments as they are; a phrase is an argument
// "@" + its message ID.

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
	case TargetFunctionPolicy:
		return "function-policy", []string{nameArg(t)}
	case TargetLayerPolicy:
		return "layer-policy", []string{nameArg(t)}
	}
	return "resource-policy", []string{t.ARN}
}

// principalForm is describePrincipal(t) as a message form ("role",
// "user", "federated") and its arguments.
func principalForm(t Target) (form string, args []string) {
	switch {
	case t.Name == UnknownPrincipalName:
		return "principal", nil
	case t.Kind == TargetRoleInline || t.Kind == TargetIdentityPolicy && isRoleARN(t.ARN):
		return "role", []string{t.Name}
	case t.Name == "":
		return "federated", nil
	}
	return "user", []string{t.Name}
}

// policyNoun is what sort of policy a target is, without its name, as a
// message argument.
func policyNoun(t Target) string {
	switch t.Kind {
	case TargetRoleInline, TargetUserInline:
		return "@fix.noun.inline-policy"
	case TargetIdentityPolicy:
		return "@fix.noun.identity-policy"
	case TargetManagedPolicy:
		return "@fix.noun.managed-policy"
	case TargetBoundary:
		return "@fix.noun.permissions-boundary"
	case TargetSessionPolicy:
		return "@fix.noun.session-policy"
	case TargetSCP:
		return "@fix.noun.scp"
	case TargetRCP:
		return "@fix.noun.rcp"
	case TargetKeyPolicy:
		return "@fix.noun.key-policy"
	case TargetTrustPolicy:
		return "@fix.noun.trust-policy"
	case TargetVaultPolicy:
		return "@fix.noun.vault-access-policy"
	case TargetBucketPolicy:
		return "@fix.noun.bucket-policy"
	case TargetFunctionPolicy:
		return "@fix.noun.function-policy"
	case TargetLayerPolicy:
		return "@fix.noun.layer-policy"
	case TargetVPCEndpoint:
		return "@fix.noun.vpce-policy"
	}
	return "@fix.noun.resource-policy"
}

// exemptions says how the Deny statements of one policy were narrowed:
// to every resource but the request's, to every principal but the
// requester, or some one way and some the other.
type exemptions struct {
	byResource, byPrincipal bool
	resource, principal     string // what is excepted
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
// resource, or both, as a message argument.
func (e exemptions) scope() string {
	switch {
	case e.byResource && e.byPrincipal:
		return "@fix.scope.resource-principal"
	case e.byResource:
		return "@fix.scope.resource"
	}
	return "@fix.scope.principal"
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

// note is the note "fixnote." + id says with args; its Text is that
// message in English.
func note(id string, args ...string) Note {
	return Note{ID: id, Text: i18n.Strings(i18n.EN, "fixnote."+id, args...), Args: args}
}

// english is m in English.
func english(m Msg) string { return i18n.Strings(i18n.EN, m.ID, m.Args...) }

// texts fills the English sentences of f from its messages.
func texts(f *Fix) {
	if f.TitleMsg.ID != "" {
		f.Title = english(f.TitleMsg)
	}
	if f.RiskMsg != nil {
		f.Risk = english(*f.RiskMsg)
	}
}
