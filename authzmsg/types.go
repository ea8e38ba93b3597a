package authzmsg

import (
	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/i18n"
)

// Form names the shape the access-denied text arrived in: the outermost
// envelope the parser recognised around (or instead of) the IAM message.
type Form string

// The forms Parse recognises. When one input holds several (a decoded
// document pasted under the console message, a Terraform diagnostic around a
// Go SDK error), the first that applies in this order wins: cloudtrail,
// decoded, terraform, sdk-go, sdk-js (JSON), cli, ec2-encoded, backup-job,
// console, sdk-js (text), then legacy or plain.
const (
	// FormPlain is the bare IAM sentence "User: ... is not authorized to
	// perform: ... because ..." (or "... with an explicit deny in ..."), or a
	// fragment of it that names the policy type.
	FormPlain Form = "plain"
	// FormCLI is the AWS CLI / boto3 rendering "An error occurred (Code) when
	// calling the Op operation: message".
	FormCLI Form = "cli"
	// FormSDKGo is the AWS SDK for Go v2 rendering "operation error Svc: Op,
	// https response error StatusCode: N, RequestID: R, api error Code: message".
	FormSDKGo Form = "sdk-go"
	// FormSDKJS is the AWS SDK for JavaScript rendering: the error object
	// printed as JSON (or by Node's inspector) with "name", "$metadata" and
	// "message", or "Code: message" with a Node stack trace of the SDK.
	FormSDKJS Form = "sdk-js"
	// FormTerraform is a Terraform diagnostic ("Error: creating X (id): ...",
	// or Terraform 0.11's "* aws_x.name: Error ...") around a Go SDK error.
	FormTerraform Form = "terraform"
	// FormSDKGoV1 is the aws-sdk-go v1 rendering "Code: message\n\tstatus
	// code: N, request id: R" (or "Code: message { RespMetadata: ... }") with
	// no Terraform diagnostic around it (eksctl and many Go tools print it).
	FormSDKGoV1 Form = "sdk-go-v1"
	// FormSDKJava is the AWS SDK for Java rendering "message (Service: S;
	// Status Code: N; Error Code: C; Request ID: R)" (v2: commas).
	FormSDKJava Form = "sdk-java"
	// FormSDKDotNet is an AWS SDK for .NET exception ("Amazon.X.AmazonXException:
	// message", "Amazon.Runtime.…").
	FormSDKDotNet Form = "sdk-dotnet"
	// FormCloudFormation is a CloudFormation stack event reason as the
	// console, eksctl or the CDK print it ("CREATE_FAILED", "API: svc:Action
	// message", "Resource handler returned message: ...").
	FormCloudFormation Form = "cloudformation"
	// FormSDK is an SDK error "Code: message" (or a code/message pair) with
	// nothing that tells which SDK printed it.
	FormSDK Form = "sdk"
	// FormCloudTrail is a CloudTrail event (one event, an array of events,
	// or a {"Records": [...]} log file).
	FormCloudTrail Form = "cloudtrail"
	// FormBackupJob is an AWS Backup job status or service message (see
	// BackupMessage), including the EC2 restore message that carries an
	// encoded authorization failure message.
	FormBackupJob Form = "backup-job"
	// FormDecoded is the output of "aws sts decode-authorization-message":
	// the {"DecodedMessage": "..."} wrapper or the inner document, possibly
	// abridged and possibly with other text around it.
	FormDecoded Form = "decoded"
	// FormConsole is text that carries "Encoded authorization failure
	// message:" without an error code or an SDK envelope: what the consoles
	// show, often inside prose in any language. EC2's bare "You are not
	// authorized to perform this operation." with no encoded message is not
	// this form.
	FormConsole Form = "console"
	// FormEC2Encoded is the EC2 API error UnauthorizedOperation
	// ("UnauthorizedOperation: You are not authorized to perform this
	// operation. [User: ...] Encoded authorization failure message: ...").
	FormEC2Encoded Form = "ec2-encoded"
	// FormLegacy is a message without the policy-type reason: "User: ... is
	// not authorized to perform: X on resource: Y" with nothing after it,
	// "Not authorized to perform sts:AssumeRole", or a bare access-denied
	// error code.
	FormLegacy Form = "legacy"
)

// Decision is what the message says about the kind of denial.
type Decision string

// Decisions.
const (
	// ImplicitDeny: no policy of the named type allowed the action.
	ImplicitDeny Decision = "ImplicitDeny"
	// ExplicitDeny: a Deny statement in the named policy type matched. AWS
	// reports service control policy denials as explicit even when they are
	// implicit.
	ExplicitDeny Decision = "ExplicitDeny"
	// DecisionUnknown: the message does not say.
	DecisionUnknown Decision = "Unknown"
)

// PolicyType is the policy layer the message names. The string values are
// the layer names the authz engine uses (authz.Layer's String forms), with
// "trust" and "unknown" besides; Layer converts one to the engine's type.
type PolicyType string

// Layer is the engine's layer of the policy type: a role's trust policy is
// its resource-based policy; PolicyUnknown (and "") is no layer. This is
// the one conversion from a message's policy type to an authz.Layer.
func (p PolicyType) Layer() (authz.Layer, bool) {
	switch p {
	case PolicyTrust:
		return authz.LayerResource, true
	case PolicyUnknown, "":
		return 0, false
	}
	return authz.ParseLayer(string(p))
}

// Policy types.
const (
	PolicyIdentity            PolicyType = "identity"
	PolicyResource            PolicyType = "resource"
	PolicyPermissionsBoundary PolicyType = "permissionsBoundary"
	PolicySession             PolicyType = "session"
	PolicySCP                 PolicyType = "scp"
	PolicyRCP                 PolicyType = "rcp"
	PolicyVPCEndpoint         PolicyType = "vpcEndpoint"
	PolicyTrust               PolicyType = "trust"
	PolicyUnknown             PolicyType = "unknown"
)

// PrincipalKind is the kind of principal an ARN (or name) denotes.
type PrincipalKind string

// Principal kinds.
const (
	KindUser          PrincipalKind = "user"
	KindRole          PrincipalKind = "role"
	KindAssumedRole   PrincipalKind = "assumed-role"
	KindFederatedUser PrincipalKind = "federated-user"
	KindRoot          PrincipalKind = "root"
	KindService       PrincipalKind = "service"
	KindUnknown       PrincipalKind = "unknown"
)

// Principal is the principal that was refused.
type Principal struct {
	// ARN is the principal as the message gave it: normally an ARN, but it
	// may be a placeholder ("xxxx", "<assumed role>") or a service name.
	ARN string `json:"arn,omitempty"`
	// ID is the unique ID (AIDA..., AROA...:session) when a decoded message
	// or a CloudTrail event carries it.
	ID   string        `json:"id,omitempty"`
	Kind PrincipalKind `json:"kind"`
	// Account is the account field of the ARN as written (it may be a
	// placeholder: see Redacted).
	Account string `json:"account,omitempty"`
	// Name is the user name, role name or federated user name (for an
	// assumed-role session: the role's name).
	Name string `json:"name,omitempty"`
	// Session is the role session name of an assumed-role principal.
	Session string `json:"session,omitempty"`
	// IsBackupSession is true for the sessions AWS Backup opens with a job
	// role: session name "AWSBackup-<role name>".
	IsBackupSession bool `json:"isBackupSession,omitempty"`
	// BackupRole is the role named by an AWSBackup- session name.
	BackupRole string `json:"backupRole,omitempty"`
	// Redacted is true when the principal, or its account, was replaced by
	// a placeholder ("xxxx", "****", "<account-ID>", "{account-id}", "…").
	Redacted bool `json:"redacted,omitempty"`
}

// Denial is one access-denied message, read into its parts. Fields the input
// did not carry are left empty; Unreadable names what was there but could
// not be read, and Notes what was inferred rather than read.
type Denial struct {
	Form      Form      `json:"form"`
	Principal Principal `json:"principal"`
	// Action is "service:Name" (for example "iam:PassRole"), or "" when the
	// message does not name one. It is never anything else.
	Action string `json:"action,omitempty"`
	// Resource is the resource as the message names it (quotes removed).
	Resource string `json:"resource,omitempty"`
	// ResourceKind is "arn" for an ARN, "word" for anything else ("role
	// voclabs", "*", a placeholder), and "" when there is no resource.
	ResourceKind string     `json:"resourceKind,omitempty"`
	Decision     Decision   `json:"decision"`
	PolicyType   PolicyType `json:"policyType"`
	// PolicyARN is the denying policy's ARN when the message carries it
	// (the 2025-2026 "with an explicit deny in a ...: arn:..." suffix).
	PolicyARN string `json:"policyArn,omitempty"`
	// Transitive is true for "... transitively through a service control
	// policy".
	Transitive bool `json:"transitive,omitempty"`
	// Reason is the message's own reason clause, verbatim ("because no
	// identity-based policy allows the iam:PassRole action").
	Reason string `json:"reason,omitempty"`
	// ResourceMayNotExist is true when the message itself allows that the
	// resource does not exist (KMS: "because the resource does not exist in
	// this Region, no resource-based policies allow access, or ...").
	ResourceMayNotExist bool `json:"resourceMayNotExist,omitempty"`
	// CiphertextKey is true when the message names the resource only as
	// "the resource associated with this ciphertext" (KMS): the KMS key
	// that encrypted the ciphertext, whose ARN the message does not give.
	CiphertextKey bool `json:"ciphertextKey,omitempty"`

	ErrorCode  string `json:"errorCode,omitempty"`
	Operation  string `json:"operation,omitempty"`
	Service    string `json:"service,omitempty"`
	RequestID  string `json:"requestId,omitempty"`
	HTTPStatus int    `json:"httpStatus,omitempty"`

	// Encoded is the encoded authorization failure message with every
	// whitespace character removed, ready for sts:DecodeAuthorizationMessage.
	Encoded string `json:"encoded,omitempty"`
	// EncodedTruncated is true when the encoded message was cut (CloudTrail
	// cuts errorMessage at 1,024 characters; copies end in "..."). STS
	// cannot decode a truncated message.
	EncodedTruncated bool `json:"encodedTruncated,omitempty"`
	// EncodedOmitted is true when the text had a placeholder where the
	// encoded message belongs ("<省略>", "<omitted>", "…").
	EncodedOmitted bool `json:"encodedOmitted,omitempty"`

	// Decoded is the decoded authorization message when the input was (or
	// contained) one, or after Decode.
	Decoded *Decoded `json:"decoded,omitempty"`
	// DenyMatch is the Deny statement that matched, when a decoded message
	// says explicitDeny: true and lists it: the cause to explain and the
	// statement a fix must edit or except.
	DenyMatch *DenyMatch `json:"denyMatch,omitempty"`
	// Backup is set for AWS Backup job status and service messages.
	Backup *BackupMessage `json:"backup,omitempty"`
	// CloudTrail is set when the denial came from a CloudTrail event.
	CloudTrail *CloudTrailEvent `json:"cloudTrail,omitempty"`
	// Context holds the request context (condition keys and their values)
	// of a decoded message.
	Context map[string][]string `json:"context,omitempty"`

	// Region and AccountID are filled when known: from CloudTrail, from
	// ARNs (AccountID is the principal's account), from the decoded
	// context's aws:Region.
	Region    string `json:"region,omitempty"`
	AccountID string `json:"accountId,omitempty"`

	// Redacted lists the parts replaced by placeholders: "principal",
	// "account", "resource", "policyArn".
	Redacted []string `json:"redacted,omitempty"`
	// Unreadable names, each in a short English phrase, what was present but
	// could not be read.
	Unreadable []string `json:"unreadable,omitempty"`
	// unreadableMsgs are the messages of Unreadable (UnreadableIn).
	unreadableMsgs []i18n.Message
	// Notes names what was inferred rather than read.
	Notes []string `json:"notes,omitempty"`
	// Raw is the message text the Denial was read from.
	Raw string `json:"raw"`
}

// DenyMatch is the matched Deny statement of a decoded authorization
// message. A decoded message names the statement (its Sid, which may be
// empty, its actions, resources and conditions) but not the policy that
// holds it: PolicyType is permissionsBoundary when the statement is a
// boundary's (its principals hold SCOPE_POLICY_ISSUER) and unknown
// otherwise; the message's own policy type, when it names one, is in
// Denial.PolicyType.
type DenyMatch struct {
	PolicyType PolicyType       `json:"policyType"`
	Statement  MatchedStatement `json:"statement"`
	// Others is how many more Deny statements matched.
	Others int `json:"others,omitempty"`
}

// BackupMessage is an AWS Backup job status or service message (domain
// reference §D.5): a stable pattern ID and what the message names.
type BackupMessage struct {
	// ID is stable: backup.encoded-restore, backup.cannot-describe-resource,
	// backup.role-cannot-be-assumed, backup.tag-getresources,
	// backup.copy-access-denied, backup.same-organization,
	// backup.kms-describekey-default-cmk, backup.insufficient-privileges,
	// backup.unshare-snapshot, backup.ami-not-found,
	// backup.describe-vault-access-denied.
	ID string `json:"id"`
	// Summary says in one English sentence what the message means.
	Summary string `json:"summary"`
	// Layer is where the failure usually lies: "identity" (the job role's
	// or caller's permissions), "trust" (the job role's trust policy or the
	// role is missing), "resource" (a vault access policy), "kms" (a key
	// policy or key kind), "organization" (Organizations settings),
	// "service" (a service-side constraint), or "decode" (decode the
	// encoded message to know).
	Layer string `json:"layer"`
	// RoleARN is the job role the message names, if any.
	RoleARN string `json:"roleArn,omitempty"`
	// ResourceARN is the protected resource the message names, if any.
	ResourceARN string `json:"resourceArn,omitempty"`
	// ARNs lists every ARN in the message, in order.
	ARNs []string `json:"arns,omitempty"`
	// Code is a service error code the message carries (ERROR_3018).
	Code string `json:"code,omitempty"`
}

// CloudTrailEvent holds the fields of a CloudTrail event that matter for an
// access denial.
type CloudTrailEvent struct {
	EventSource        string `json:"eventSource,omitempty"`
	EventName          string `json:"eventName,omitempty"`
	EventTime          string `json:"eventTime,omitempty"`
	EventID            string `json:"eventId,omitempty"`
	AWSRegion          string `json:"awsRegion,omitempty"`
	SourceIPAddress    string `json:"sourceIpAddress,omitempty"`
	UserAgent          string `json:"userAgent,omitempty"`
	RecipientAccountID string `json:"recipientAccountId,omitempty"`
	ErrorCode          string `json:"errorCode,omitempty"`
	ErrorMessage       string `json:"errorMessage,omitempty"`
	// ErrorMessageTruncated is true when errorMessage looks cut at
	// CloudTrail's 1,024-character limit.
	ErrorMessageTruncated bool `json:"errorMessageTruncated,omitempty"`
	// UserIdentity type ("IAMUser", "AssumedRole", "AWSService", ...), ARN,
	// principal ID, account ID, invokedBy and the session issuer's ARN.
	IdentityType     string `json:"identityType,omitempty"`
	IdentityARN      string `json:"identityArn,omitempty"`
	PrincipalID      string `json:"principalId,omitempty"`
	IdentityAccount  string `json:"identityAccountId,omitempty"`
	InvokedBy        string `json:"invokedBy,omitempty"`
	SessionIssuerARN string `json:"sessionIssuerArn,omitempty"`
	// RequestParameters is the event's requestParameters, with string
	// values flattened by JSON path ("roleArn", "instancesSet.items.0.imageId").
	RequestParameters map[string]string `json:"requestParameters,omitempty"`
}
