// Package fix synthesizes the smallest correct change that lets a denied
// request through, verifies it with the engine, and renders it ready to
// paste: policy JSON, AWS CLI commands, Terraform and CloudFormation.
//
// A fix is least privilege by default: the exact action on the exact
// resource, attached where the denial happened, with the condition that
// states intent (iam:PassedToService, kms:ViaService,
// kms:GrantIsForAWSResource). Broader changes that articles suggest appear
// only as labelled alternatives with their risk stated, and changes that
// are not IAM changes at all (restore without the instance role) are fixes
// too. A Deny is never deleted silently: it is narrowed with an exception
// for this request, and the original is shown next to the change.
//
// It works on the evaluation pipeline's input (eval.Input: the request and
// the named policies of every layer). Every fix that changes a policy is an
// edit that replaces (or adds) one named policy of a copy of the input, and
// the input is evaluated again: only that document is parsed and compiled
// again, the others come from the cache. When another layer still denies,
// the next layer's fix is synthesized too (a bounded number of rounds), and
// the combination is verified as a Plan. The package never changes an
// account.
//
// It works on the pipeline (eval), the engine (authz) and the policy model, and takes its
// sentences from internal/i18n message ids; it must not import account, preflight, diagnose or
// the AWS SDK (internal/archtest), so that every layer above can propose fixes; nor simulate, the
// case format (internal/archtest): the deciding statements are eval's StatementRef.
package fix

import (
	"encoding/json"
	"time"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/policy"
)

// Problem is a denied request with whatever policies are known. Input may
// hold only the request when the policies are unknown, as when the denial
// was read from an error message.
type Problem struct {
	Input *eval.Input
	// Layer is the deciding layer (identity, resource, permissionsBoundary,
	// session, scp, rcp, vpcEndpoint). Empty: evaluate the case to find it.
	Layer string
	// Explicit is true for an explicit deny.
	Explicit bool
	// Deciding are the deciding statements, as every output writes them.
	// Empty: taken from evaluating the case.
	Deciding []eval.StatementRef
	// DenyStatements are Deny statements known to have matched while the
	// policy that holds them is not (a decoded authorization message lists
	// them). An explicit deny's fix is then the narrowed statement, to put
	// in place of the original in that policy.
	DenyStatements []*policy.Statement
	// Prepared, when set, is Input as eval.Prepare prepared it with the
	// clock of Options.Now (its Cache and AllowUnknownActions do not
	// matter: an input that prepares without error prepares to the same
	// policies and request either way): the plan's first evaluation of the
	// input as given is then that one, not a second preparation of the same
	// input. The plan is the same with it or without it.
	Prepared *eval.Prepared
}

// Options tune synthesis and verification.
type Options struct {
	// KeyID names the KMS key in key-policy renderings (a key ID, key ARN
	// or alias). Empty: the key ARN of the request's resource.
	KeyID string
	// RoleARN is the full ARN of the principal's role, with its path,
	// when known. An assumed-role session ARN does not carry the path, so
	// without it the role ARN is rebuilt as arn:aws:iam::ACCOUNT:role/NAME
	// (except for AWSBackupDefaultServiceRole, which AWS creates under
	// /service-role/).
	RoleARN string
	// InstanceProfile is the instance profile to attach after a restore
	// without an instance role. Empty: the passed role's name, which is
	// the name the console gives a role's instance profile.
	InstanceProfile string
	// MaxRounds bounds how many layers are fixed one after the other.
	// Zero means 13, enough for every layer (and every SCP level) at once.
	MaxRounds int
	// Now is the time used for aws:CurrentTime when verifying. Nil means
	// time.Now.
	Now func() time.Time
	// Cache, when set, keeps parsed and compiled policies across the
	// verifications (they re-evaluate the same large policies many times)
	// and across plans. Not safe for concurrent use.
	Cache *eval.Cache
	// Memo, when set, keeps the plans made, so that the same problem
	// planned again with the same options is answered from it (see Memo).
	Memo *Memo
}

// Kind says what sort of fix a Fix is.
type Kind uint8

// Kinds of fixes.
const (
	// LeastPrivilege is the narrowest policy change that lets the request
	// through.
	LeastPrivilege Kind = iota + 1
	// Alternative avoids the denied request without an IAM change.
	Alternative
	// Broad is a wider policy change (often the one articles suggest);
	// Risk says why it is riskier.
	Broad
)

func (k Kind) String() string {
	switch k {
	case LeastPrivilege:
		return "LeastPrivilege"
	case Alternative:
		return "Alternative"
	case Broad:
		return "Broad"
	}
	return "Unknown"
}

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// TargetKind is the kind of thing a fix changes.
type TargetKind string

// Target kinds.
const (
	TargetRoleInline     TargetKind = "roleInlinePolicy"      // a new inline policy on a role
	TargetUserInline     TargetKind = "userInlinePolicy"      // a new inline policy on a user
	TargetManagedPolicy  TargetKind = "managedPolicy"         // a customer managed policy attached to the principal
	TargetIdentityPolicy TargetKind = "identityPolicy"        // an identity-based policy of the principal, inline or managed: which one is not known
	TargetBoundary       TargetKind = "permissionsBoundary"   // the managed policy used as permissions boundary
	TargetSessionPolicy  TargetKind = "sessionPolicy"         // the policy passed to AssumeRole or GetFederationToken
	TargetSCP            TargetKind = "serviceControlPolicy"  // an SCP
	TargetRCP            TargetKind = "resourceControlPolicy" // an RCP
	TargetKeyPolicy      TargetKind = "kmsKeyPolicy"          // a KMS key policy
	TargetTrustPolicy    TargetKind = "trustPolicy"           // a role's trust policy
	TargetVaultPolicy    TargetKind = "backupVaultPolicy"     // an AWS Backup vault access policy
	TargetBucketPolicy   TargetKind = "bucketPolicy"          // an S3 bucket policy
	TargetFunctionPolicy TargetKind = "lambdaFunctionPolicy"  // a Lambda function policy (resource-based), one statement a permission
	TargetVPCEndpoint    TargetKind = "vpcEndpointPolicy"     // a VPC endpoint policy
	TargetResourcePolicy TargetKind = "resourcePolicy"        // another resource-based policy
	TargetRestoreJob     TargetKind = "restoreJob"            // how an AWS Backup restore is started (no policy change)
	TargetRequest        TargetKind = "request"               // how the request is made, to meet a policy's condition (no policy change)
)

// TargetLayerPolicy is a Lambda layer version policy (resource-based), one
// statement a permission that add-layer-version-permission adds.
const TargetLayerPolicy TargetKind = "lambdaLayerVersionPolicy"

// TargetKinds are every kind of target, in the order they are declared.
func TargetKinds() []TargetKind {
	return []TargetKind{
		TargetRoleInline, TargetUserInline, TargetManagedPolicy, TargetIdentityPolicy, TargetBoundary,
		TargetSessionPolicy, TargetSCP, TargetRCP, TargetKeyPolicy, TargetTrustPolicy, TargetVaultPolicy,
		TargetBucketPolicy, TargetFunctionPolicy, TargetVPCEndpoint, TargetResourcePolicy,
		TargetRestoreJob, TargetRequest, TargetLayerPolicy,
	}
}

// EditsPolicy reports whether a fix of this kind of target edits a
// policy: all but a restore job's and a request's, which change how the
// request is made.
func (k TargetKind) EditsPolicy() bool {
	return k != TargetRestoreJob && k != TargetRequest
}

// Target is what a fix changes.
type Target struct {
	Kind TargetKind `json:"kind"`
	// Name names the thing changed: the role or user (inline and trust
	// policies), the policy (boundary, SCP, RCP, session, endpoint), the
	// key, vault or bucket.
	Name string `json:"name,omitempty"`
	// ARN is the ARN of the same thing, when known.
	ARN string `json:"arn,omitempty"`
	// PolicyName is the name of the inline policy to create.
	PolicyName string `json:"policyName,omitempty"`
	// PolicyID is the Organizations policy ID (p-...) of an SCP or RCP,
	// or the VPC endpoint ID (vpce-...), when known.
	PolicyID string `json:"policyId,omitempty"`
	// AttachedTo is the root, OU or account an SCP or RCP is attached to.
	AttachedTo string `json:"attachedTo,omitempty"`
	// Region is the Region of a regional resource (key, vault).
	Region string `json:"region,omitempty"`
}

// Msg is a sentence as an i18n message: the message ID and the strings
// it is formatted with. An argument that starts with "@" is itself the ID
// of a message (a phrase), translated before formatting.
type Msg struct {
	ID   string   `json:"id"`
	Args []string `json:"args,omitempty"`
}

// Note is a fact that goes with a fix or a plan. Its i18n message ID is
// "fixnote." + ID, formatted with Args; Text is that message in English.
type Note struct {
	ID   string   `json:"id"`
	Text string   `json:"text"`
	Args []string `json:"args,omitempty"`
}

// What a fix was verified against.
const (
	// AgainstKnownPolicies: the fix was applied to a copy of the case's
	// policies and the case evaluated again.
	AgainstKnownPolicies = "known policies"
	// AgainstRequestOnly: the case held no policies; the fix was
	// evaluated alone against the request (identity policy = the fix).
	AgainstRequestOnly = "request only"
)

// Fix is one way to let the request through.
type Fix struct {
	// ID is stable: identity-inline-allow, key-policy-add-principal, ...
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	// Layer is the layer the fix changes ("" for an Alternative).
	Layer string `json:"layer,omitempty"`
	// TitleMsg says what the fix does, as an i18n message; Title is that
	// message in English.
	Title    string `json:"title"`
	TitleMsg Msg    `json:"titleMsg"`
	Target   Target `json:"target"`
	// Statement is the statement added, or the changed statement.
	Statement *policy.Statement `json:"-"`
	// Original is the statement as it is now, when the fix changes one
	// (a narrowed Deny).
	Original *policy.Statement `json:"-"`
	// Document is the document to submit. When Complete, it is the whole
	// document: a new inline policy, or the current document with the
	// change merged in. Otherwise the current document is unknown and
	// Document holds only the statement to add.
	Document *policy.Policy `json:"document,omitempty"`
	Complete bool           `json:"complete,omitempty"`
	// RiskMsg says why a Broad fix is riskier, as an i18n message; Risk
	// is that message in English.
	Risk    string `json:"risk,omitempty"`
	RiskMsg *Msg   `json:"riskMsg,omitempty"`
	Notes   []Note `json:"notes,omitempty"`

	// Verified is true when the request, evaluated with this fix (and the
	// plan's fixes listed in After) applied, is Allowed.
	Verified         bool   `json:"verified"`
	VerifiedDecision string `json:"verifiedDecision,omitempty"`
	// VerifiedAgainst is AgainstKnownPolicies, AgainstRequestOnly, or ""
	// when the fix could not be evaluated (no policy change, or a change to
	// a document that is not known).
	VerifiedAgainst string `json:"verifiedAgainst,omitempty"`
	// StillDeniedBy is the layer that still denies after the fix.
	StillDeniedBy string `json:"stillDeniedBy,omitempty"`
	// After lists the IDs of the plan's fixes applied before this one
	// when it was verified.
	After []string `json:"after,omitempty"`

	Render Renderings `json:"render"`

	edit *edit // the policy the fix replaces in an input being verified
	// iacFind is how to find each placeholder's value (a Finder) named on
	// the Terraform and CloudFormation bodies' first line.
	iacFind map[string]any
}

// Renderings are a fix, ready to paste.
type Renderings struct {
	// PolicyKind names, in English, the kind of policy the renderings
	// change (the layer that denied): "service control policy (SCP)",
	// "KMS key policy", ...; for a fix that changes no policy (a restore
	// job's or a request's), "no policy change: a change to the request".
	// It is the message PolicyKindID names, in English.
	PolicyKind string `json:"policyKind,omitempty"`
	// Placeholders lists the <placeholders> in the CLI commands: a
	// command holding one is not runnable as it is (a comment line before
	// it says so and how to find the value).
	Placeholders []string `json:"placeholders,omitempty"`
	// PolicyJSON is Document as 2-space indented JSON.
	PolicyJSON string `json:"policyJson,omitempty"`
	// CLI holds AWS CLI commands, one per element; elements starting with
	// "#" are comments.
	CLI            []string `json:"cli,omitempty"`
	Terraform      string   `json:"terraform,omitempty"`
	CloudFormation string   `json:"cloudFormation,omitempty"`
	// Comments are the messages of the comment lines of CLI, Terraform
	// and CloudFormation, by the line in English (indentation left
	// out): In says them in another language.
	Comments map[string]i18n.Message `json:"-"`
}

// MarshalJSON writes the fix with Statement and Original as policy JSON.
func (f Fix) MarshalJSON() ([]byte, error) {
	type plain Fix
	return json.Marshal(struct {
		plain
		Statement json.RawMessage `json:"statement,omitempty"`
		Original  json.RawMessage `json:"original,omitempty"`
	}{plain(f), statementJSON(f.Statement), statementJSON(f.Original)})
}

func statementJSON(s *policy.Statement) json.RawMessage {
	if s == nil {
		return nil
	}
	b, _ := (&policy.Policy{Statements: []*policy.Statement{s}}).MarshalJSON()
	// {"Statement":[ ... ]}
	const pre, post = len(`{"Statement":[`), len(`]}`)
	return b[pre : len(b)-post]
}

// Plan is the set of least-privilege fixes that together let the request
// through, in the order they were found (the deciding layer first). The
// alternative and broad fixes found on the way are returned by Propose.
type Plan struct {
	Fixes []Fix `json:"fixes"`
	// Verified is true when the request, evaluated with every fix
	// applied, is Allowed.
	Verified        bool   `json:"verified"`
	Decision        string `json:"decision,omitempty"`
	VerifiedAgainst string `json:"verifiedAgainst,omitempty"`
	StillDeniedBy   string `json:"stillDeniedBy,omitempty"`
	Notes           []Note `json:"notes,omitempty"`
	// Error says why the case could not be evaluated, when it could not.
	Error string `json:"error,omitempty"`
	// Unheld, when set, is a resource-based policy that AWS evaluates
	// for the request but that the plan was not verified against, its
	// document being unknown (no snapshot holds an S3 bucket policy): the
	// fixes are verified against the other policies, and that one may
	// still deny the request. PlanFor never sets it; the caller that
	// knows the policy is missing does (preflight).
	Unheld *Unheld `json:"unheldPolicy,omitempty"`

	others []Fix // alternatives and broad fixes, for Propose
}

// Unheld is a resource-based policy a plan was not verified against.
type Unheld struct {
	// Policy is its kind: bucketPolicy, queuePolicy, ... (as
	// account.UnheldPolicy names them).
	Policy string `json:"policy"`
	// Resource is the resource that carries it (the bucket of an object).
	Resource string `json:"resource"`
	// Text says, in English, what the plan is verified against and that
	// the policy may still deny (the reports say it in their language).
	Text string `json:"text"`
}

// Propose returns the fixes for a denied request, best first: the
// least-privilege fixes of the plan in order, then non-IAM alternatives,
// then broad fixes. It plans once: PlanFor(p, opt).Proposals().
func Propose(p Problem, opt Options) []Fix { return PlanFor(p, opt).Proposals() }

// Proposals returns the plan's fixes, then its alternatives (Others).
func (pl Plan) Proposals() []Fix {
	others := pl.Others()
	out := make([]Fix, 0, len(pl.Fixes)+len(others))
	return append(append(out, pl.Fixes...), others...)
}

// Others returns the fixes found while planning that are not part of the
// plan: the non-IAM alternatives, then the broad fixes.
func (pl Plan) Others() []Fix {
	var out []Fix
	for _, k := range []Kind{Alternative, Broad} {
		for _, f := range pl.others {
			if f.Kind == k {
				out = append(out, f)
			}
		}
	}
	return out
}
