package authz

import "strings"

// Refusals: requests AWS refuses whatever the policies say. The decision
// is ImplicitDeny at the identity layer, whose note names the reason
// (unless a policy denies explicitly, which is reported as it is).
const (
	// NoteRootCannotAssumeRole: the root user calls sts:AssumeRole. "You
	// cannot assume a role when you are signed in as the AWS account root
	// user" (IAM User Guide, switching to a role); STS answers
	// AccessDenied "Roles may not be assumed by root accounts."
	NoteRootCannotAssumeRole = "root-cannot-assume-role"
	// NoteAWSManagedPolicy: a change to an AWS managed policy
	// (arn:aws:iam::aws:policy/...). "You cannot change the permissions
	// defined in AWS managed policies" (IAM User Guide, AWS managed
	// policies).
	NoteAWSManagedPolicy = "aws-managed-policy"
	// NoteProtectedRole: a change to a service-linked role
	// (/aws-service-role/) or an AWS-reserved role (/aws-reserved/), which
	// only the service that owns it may change or delete; IAM answers
	// UnmodifiableEntity.
	NoteProtectedRole = "aws-protected-role"
	// NoteAWSAlias: creating, updating or deleting a KMS alias in
	// alias/aws/, which is reserved for AWS managed keys.
	NoteAWSAlias = "aws-reserved-kms-alias"
	// NoteAnonymousCallerIdentity: an anonymous (unsigned) request calls
	// sts:GetCallerIdentity, which "Returns details about the IAM user or
	// role whose credentials are used to call the operation" (STS API
	// Reference); only AssumeRoleWithSAML and AssumeRoleWithWebIdentity
	// are called unsigned. STS answers the common error
	// MissingAuthenticationToken.
	NoteAnonymousCallerIdentity = "anonymous-get-caller-identity"
)

// missingAuthenticationToken is the STS API Reference's common error for a
// request without credentials.
const missingAuthenticationToken = "MissingAuthenticationToken: The request must contain either a valid (registered) AWS access key ID or X.509 certificate."

// refusal holds why AWS refuses a request whatever the policies say.
type refusal struct {
	note string
	msg  string // what AWS answers, "" when AWS documents no message
}

// Refused returns the note code and AWS's message when AWS refuses the
// request whatever the policies say ("" when it does not; the message is
// "" when AWS documents none).
func (r *Request) Refused() (note, message string) { return r.refused.note, r.refused.msg }

// managedPolicyChanges are the IAM actions that change a managed policy
// itself (its versions, its tags, its existence).
var managedPolicyChanges = map[string]bool{
	"iam:createpolicyversion":     true,
	"iam:deletepolicy":            true,
	"iam:deletepolicyversion":     true,
	"iam:setdefaultpolicyversion": true,
	"iam:tagpolicy":               true,
	"iam:untagpolicy":             true,
}

// protectedRoleChanges are the IAM actions that change a role's
// permissions, trust, boundary or existence. A service-linked role's
// description may be edited (iam:UpdateRoleDescription), it is deleted
// through iam:DeleteServiceLinkedRole, and it may be passed
// (iam:PassRole): those are not refused.
var protectedRoleChanges = map[string]bool{
	"iam:attachrolepolicy":              true,
	"iam:detachrolepolicy":              true,
	"iam:putrolepolicy":                 true,
	"iam:deleterolepolicy":              true,
	"iam:updateassumerolepolicy":        true,
	"iam:deleterole":                    true,
	"iam:putrolepermissionsboundary":    true,
	"iam:deleterolepermissionsboundary": true,
	"iam:updaterole":                    true,
}

// kmsAliasChanges are the KMS actions that create, retarget or delete an
// alias.
var kmsAliasChanges = map[string]bool{
	"kms:createalias": true,
	"kms:updatealias": true,
	"kms:deletealias": true,
}

// unmodifiableEntity is what IAM's API reference documents for the
// UnmodifiableEntity error of the role operations (DeleteRole,
// PutRolePolicy, UpdateAssumeRolePolicy, ...).
const unmodifiableEntity = "UnmodifiableEntity: The request was rejected because service-linked roles are protected AWS resources. Only the service that depends on the service-linked role can modify or delete the role on your behalf."

// refusalOf decides whether AWS refuses the request whatever the policies
// say. It is computed once per request.
func refusalOf(r *Request) refusal {
	if r.action == "sts:assumerole" && r.Principal.Kind == PrincipalRoot {
		return refusal{note: NoteRootCannotAssumeRole, msg: "Roles may not be assumed by root accounts."}
	}
	if r.action == "sts:getcalleridentity" && r.Principal.Kind == PrincipalAnonymous {
		return refusal{note: NoteAnonymousCallerIdentity, msg: missingAuthenticationToken}
	}
	if r.Resource == "*" {
		return refusal{}
	}
	svc, acct, res := r.resARN.field(r.Resource, 2), r.resARN.field(r.Resource, 4), r.resARN.field(r.Resource, 5)
	switch {
	case managedPolicyChanges[r.action] && svc == "iam" && acct == "aws" && strings.HasPrefix(res, "policy/"):
		return refusal{note: NoteAWSManagedPolicy}
	case protectedRoleChanges[r.action] && svc == "iam" && (strings.HasPrefix(res, "role/aws-service-role/") || strings.HasPrefix(res, "role/aws-reserved/")):
		if strings.HasPrefix(res, "role/aws-service-role/") {
			return refusal{note: NoteProtectedRole, msg: unmodifiableEntity}
		}
		return refusal{note: NoteProtectedRole}
	case kmsAliasChanges[r.action] && svc == "kms" && strings.HasPrefix(res, "alias/aws/"):
		return refusal{note: NoteAWSAlias}
	}
	return refusal{}
}

// applyRefusal turns a decision that is not an explicit deny into the
// implicit deny AWS gives a request it refuses whatever the policies say.
func (r *Request) applyRefusal(res *Result) {
	if r.refused.note == "" || res.Decision == ExplicitDeny {
		return
	}
	res.Decision, res.Layer = ImplicitDeny, LayerIdentity
	res.Deciding = res.Deciding[:0]
	for l := range res.Layers {
		res.Layers[l].Required = false
	}
	res.Layers[LayerIdentity] = LayerVerdict{Layer: LayerIdentity, Verdict: NoAllow, Required: true, Note: r.refused.note}
}

// RefusalReason is a sentence that says why AWS refuses the request
// whatever the policies say ("" when it does not).
func (r *Request) RefusalReason() string {
	switch r.refused.note {
	case NoteRootCannotAssumeRole:
		return "the root user cannot assume a role"
	case NoteAWSManagedPolicy:
		return r.Resource + " is an AWS managed policy: AWS does not let anyone change it"
	case NoteProtectedRole:
		return r.Resource + " is an AWS-reserved role: only AWS may change or delete it"
	case NoteAnonymousCallerIdentity:
		return "sts:GetCallerIdentity tells the caller whose credentials signed it: an anonymous request has none"
	case NoteAWSAlias:
		return r.Resource + " is in alias/aws/, which AWS reserves for AWS managed keys: no one may create, update or delete such an alias"
	}
	return ""
}
