package eval

import (
	"strconv"
	"time"

	"github.com/deniedhq/denied/authz"
)

// Doc is one named policy document. Text is a JSON object, or a JSON
// string holding the document, URL-encoded or not (as IAM's API returns
// policies).
type Doc struct {
	// Name is the policy's name or ARN, as reports name it; "" names it by
	// its place in the Input ("identity-0", "permissions-boundary").
	Name string
	Text []byte
}

// Level is one level of SCPs or RCPs (the root, an OU, the account).
type Level struct {
	Target   string
	Policies []Doc
}

// Request is the request to evaluate: the engine's authz.RequestInput,
// one type for both. Context holds the context values by key (matched
// case-insensitively); aws:CurrentTime and aws:EpochTime come from
// Options.Now when absent.
type Request = authz.RequestInput

// Input is one request and the policies of every layer. Prepare does not
// modify it, and a Prepared input shares the bytes of its documents: do
// not modify them afterwards (replace a Doc's Text with new bytes
// instead).
type Input struct {
	Request           Request
	ManagementAccount string
	Identity          []Doc
	Boundary          *Doc
	Session           *Doc
	Resource          *Doc
	SCPs              []Level
	RCPs              []Level
	VPCEndpoint       []Doc
}

// Options control how inputs are prepared.
type Options struct {
	// Now gives the time used for aws:CurrentTime and aws:EpochTime when
	// the request does not set them. Nil means time.Now.
	Now func() time.Time
	// AllowUnknownActions turns an action the service catalog does not
	// know into a warning instead of an error.
	AllowUnknownActions bool
	// Cache, when set, keeps parsed and compiled policy documents and the
	// catalog's answers. A Cache is not safe for concurrent use.
	Cache *Cache
	// RCPSupported reports whether resource control policies apply to a
	// service; nil means the service catalog's answer
	// (catalog.RCPSupported).
	RCPSupported func(service string) bool
	// Scratch, when set, is memory Prepare reuses from one call to the
	// next instead of allocating: each Prepare through a Scratch ends the
	// life of the Prepared the one before it returned (its Set, Sources,
	// compiled documents the Cache does not keep). For a caller that is
	// done with each prepared input before it prepares the next (the
	// workers of `denied simulate --jsonl`, which write a case's result
	// before reading the next). A Scratch is not safe for concurrent use.
	Scratch *Scratch
}

// Field names a field of an Input.
type Field uint8

// The fields of an Input.
const (
	FieldNone    Field = iota // the input as a whole (no one field)
	FieldRequest              // the request as a whole
	FieldPrincipal
	FieldAction
	FieldResource
	FieldResourceAccount
	FieldFederatingUser
	FieldContext // Path.Key names the context key ("" for the context as a whole)
	FieldManagementAccount
	FieldIdentity    // Path.Index
	FieldBoundary    //
	FieldSession     //
	FieldResourceDoc // the resource-based policy
	FieldSCPs        // Path.Level, Path.Index (-1: the level's list of policies)
	FieldRCPs        // Path.Level, Path.Index (-1: the level's list of policies)
	FieldVPCEndpoint // Path.Index
)

// Path names where in an Input a problem is.
type Path struct {
	Field Field
	// Key is the context key as given, for FieldContext.
	Key string
	// Level is the SCP or RCP level (FieldSCPs, FieldRCPs), -1 otherwise.
	Level int
	// Index is the policy within its field or level (FieldIdentity,
	// FieldVPCEndpoint, FieldSCPs, FieldRCPs); -1 for a field of one
	// policy, and for a level as a whole.
	Index int
	// Pointer is a JSON pointer inside the policy document ("" for the
	// document as a whole), for document fields.
	Pointer string
}

// Layer is the layer of the policies of a document field.
func (f Field) Layer() authz.Layer {
	switch f {
	case FieldBoundary:
		return authz.LayerBoundary
	case FieldSession:
		return authz.LayerSession
	case FieldResourceDoc:
		return authz.LayerResource
	case FieldSCPs:
		return authz.LayerSCP
	case FieldRCPs:
		return authz.LayerRCP
	case FieldVPCEndpoint:
		return authz.LayerVPCEndpoint
	}
	return authz.LayerIdentity
}

// in returns the path of a JSON pointer inside the document at p.
func (p Path) in(pointer string) Path {
	p.Pointer = pointer
	return p
}

// DefaultName is the name of a policy given without one, by its place:
// "identity-0", "vpce-0", "permissions-boundary", "session-policy",
// "resource-policy", "serviceControlPolicies-0-1",
// "resourceControlPolicies-0-1".
func (p Path) DefaultName() string {
	switch p.Field {
	case FieldIdentity:
		return "identity-" + strconv.Itoa(p.Index)
	case FieldVPCEndpoint:
		return "vpce-" + strconv.Itoa(p.Index)
	case FieldBoundary:
		return "permissions-boundary"
	case FieldSession:
		return "session-policy"
	case FieldResourceDoc:
		return "resource-policy"
	case FieldSCPs:
		return "serviceControlPolicies-" + strconv.Itoa(p.Level) + "-" + strconv.Itoa(p.Index)
	case FieldRCPs:
		return "resourceControlPolicies-" + strconv.Itoa(p.Level) + "-" + strconv.Itoa(p.Index)
	}
	return ""
}

// Error is an input that cannot be evaluated: what is wrong and where.
type Error struct {
	Path    Path
	Message string
}

// Error is "path: message" (as a simulate case's error reads), or the
// message alone when the problem is not in one field.
func (e *Error) Error() string {
	if p := e.Path.String(); p != "" {
		return p + ": " + e.Message
	}
	return e.Message
}

// Warning is a non-fatal finding about an input.
type Warning struct {
	Path    Path
	Message string
}

func fieldPath(f Field) Path { return Path{Field: f, Level: -1, Index: -1} }
