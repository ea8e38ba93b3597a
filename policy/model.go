// Package policy is the IAM policy language: a strict parser that keeps the
// position of every element, the model it produces, and the findings it
// reports about documents that AWS would reject or that do not mean what
// their author probably meant.
//
// It imports only internal/arn and internal/jsonx: no engine, no catalog, no AWS SDK.
package policy

import "fmt"

// Versions of the policy language.
const (
	Version2012 = "2012-10-17"
	Version2008 = "2008-10-17"
)

// Pos is a position in a policy document: 1-based line and column (in
// bytes), and the 0-based byte offset. The zero Pos means "unknown".
type Pos struct {
	Line, Col, Offset int
}

// IsValid reports whether p holds a position.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string {
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// Effect is a statement's effect.
type Effect uint8

// Effects.
const (
	EffectUnknown Effect = iota
	Allow
	Deny
)

func (e Effect) String() string {
	switch e {
	case Allow:
		return "Allow"
	case Deny:
		return "Deny"
	}
	return "Unknown"
}

// Policy is a parsed policy document.
type Policy struct {
	Version    string // "" when the element is absent (AWS then assumes 2008-10-17)
	ID         string
	Statements []*Statement
	// StatementIsObject records that Statement was written as a single
	// object rather than a list.
	StatementIsObject bool
	Pos               Pos // position of the document's opening brace
}

// Variables reports whether policy variables are interpreted in this
// document: only with Version 2012-10-17.
func (p *Policy) Variables() bool { return p.Version == Version2012 }

// Statement is one statement of a policy.
type Statement struct {
	Index int    // position in the Statement list, 0-based
	Sid   string // "" when absent
	// HasSid distinguishes an absent Sid from an empty one.
	HasSid bool
	Effect Effect

	Principal    *Principal // nil when the element is absent
	NotPrincipal *Principal

	// Action and NotAction hold the values as written. A nil slice means
	// the element is absent; a present element always has a non-nil slice.
	Action    []string
	NotAction []string

	Resource    []string
	NotResource []string

	// Conditions in document order: one entry per (operator, key) pair.
	Conditions []Condition

	Pos     Pos    // position of the statement's opening brace
	Pointer string // JSON pointer of the statement, e.g. "/Statement/0"
}

// Principal is the value of a Principal or NotPrincipal element.
type Principal struct {
	// Wildcard is true for "Principal": "*".
	Wildcard bool
	// Values per principal type, as written. "*" may appear inside AWS.
	AWS           []string
	Service       []string
	Federated     []string
	CanonicalUser []string
	Pos           Pos
}

// Condition is one condition key test: an operator and a key with its
// values. A block {"StringEquals": {"a": "x", "b": ["y", "z"]}} gives two
// Conditions.
type Condition struct {
	Operator string   // as written, e.g. "ForAnyValue:StringLikeIfExists"
	Key      string   // as written
	Values   []string // JSON strings as is; numbers and booleans as their JSON text
	// ValueKinds records, per value, whether it was written as a JSON
	// string, number or boolean.
	ValueKinds []ValueKind
	Pos        Pos    // position of the key
	Pointer    string // JSON pointer of the key, e.g. "/Statement/0/Condition/StringEquals/aws:SourceVpc"
}

// ValueKind is the JSON type a condition value was written as.
type ValueKind uint8

// Value kinds.
const (
	KindString ValueKind = iota
	KindNumber
	KindBool
)

// Severity of a finding.
type Severity uint8

// Severities. An Error means AWS would reject the document (or it cannot be
// understood); a Warning means the document is accepted but probably does
// not do what was meant.
const (
	Warning Severity = iota + 1
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Finding is a problem found in a document.
type Finding struct {
	Severity Severity
	Code     string // stable identifier, e.g. "duplicate-key"
	Message  string
	Pos      Pos
	Pointer  string // JSON pointer of the element concerned
}

func (f Finding) String() string {
	ptr := f.Pointer
	if ptr == "" {
		ptr = "/"
	}
	return fmt.Sprintf("%s: %s %s: %s (%s)", f.Pos, f.Severity, f.Code, f.Message, ptr)
}
