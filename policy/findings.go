package policy

import (
	"cmp"
	"fmt"
	"slices"
)

// Finding codes. Each Finding's Code is one of these; they are stable and
// may be used to filter or suppress findings. Codes marked "warning" are
// reported with Severity Warning, all others with Severity Error.
const (
	// CodeInvalidJSON: a JSON syntax error, trailing data after the
	// document, or text that cannot be unwrapped or URL-decoded.
	CodeInvalidJSON = "invalid-json"
	// CodeNotObject: the document, a statement, a Condition block or an
	// operator block is not a JSON object.
	CodeNotObject = "not-object"
	// CodeDuplicateKey: a key appears twice in one object, or a known
	// element is written twice with different case. The last one is used.
	CodeDuplicateKey = "duplicate-key"
	// CodeWrongKeyCase: a known element or condition operator written with
	// the wrong case, e.g. "action". The element is still interpreted.
	CodeWrongKeyCase = "wrong-key-case"
	// CodeUnknownElement: an element that is not part of the policy
	// grammar at that place (document, statement or principal type).
	CodeUnknownElement = "unknown-element"
	// CodeMissingStatement: the document has no Statement element.
	CodeMissingStatement = "missing-statement"
	// CodeMissingEffect: a statement has no Effect element.
	CodeMissingEffect = "missing-effect"
	// CodeInvalidEffect: Effect is not exactly "Allow" or "Deny".
	CodeInvalidEffect = "invalid-effect"
	// CodeActionAndNotAction: a statement has both Action and NotAction.
	CodeActionAndNotAction = "action-and-notaction"
	// CodeResourceAndNotResource: a statement has both Resource and
	// NotResource.
	CodeResourceAndNotResource = "resource-and-notresource"
	// CodePrincipalAndNotPrincipal: a statement has both Principal and
	// NotPrincipal.
	CodePrincipalAndNotPrincipal = "principal-and-notprincipal"
	// CodeMissingAction: a statement has neither Action nor NotAction.
	CodeMissingAction = "missing-action"
	// CodeMissingResource (warning): a statement has neither Resource nor
	// NotResource. Identity policies require one; resource-based policies
	// such as role trust policies omit it.
	CodeMissingResource = "missing-resource"
	// CodeWrongType: an element has the wrong JSON type.
	CodeWrongType = "wrong-type"
	// CodeUnknownVersion: Version is neither "2012-10-17" nor "2008-10-17".
	CodeUnknownVersion = "unknown-version"
	// CodeMissingVersion (warning): no Version element; AWS then assumes
	// 2008-10-17, in which policy variables are not interpreted.
	CodeMissingVersion = "missing-version"
	// CodeVariablesIn2008 (warning): a "${...}" policy variable in a
	// document whose version does not interpret variables: the text is
	// matched literally.
	CodeVariablesIn2008 = "variables-in-2008"
	// CodeMalformedARN: a Resource or NotResource value that is neither
	// "*" nor an ARN, or a malformed AWS principal.
	CodeMalformedARN = "malformed-arn"
	// CodeMalformedServicePrincipal (warning): a Service principal that
	// does not look like "name.amazonaws.com".
	CodeMalformedServicePrincipal = "malformed-service-principal"
	// CodePrincipalUniqueID (warning): an AWS principal written as an IAM
	// unique ID such as "AROA...", which is what AWS shows in place of a
	// deleted principal; it matches no current principal.
	CodePrincipalUniqueID = "principal-unique-id"
	// CodeMalformedAction: an Action or NotAction value that IAM refuses:
	// not "*" and without a service prefix, with an empty or malformed
	// prefix, or with more than one colon.
	CodeMalformedAction = "malformed-action"
	// CodeActionNeverMatches (warning): an Action or NotAction value that
	// IAM accepts and stores but that matches no action: spaces around
	// it, nothing after the colon, a comma ("s3:GetObject,PutObject"), or
	// another character no action name holds. It is evaluated literally:
	// in Action it matches nothing, in NotAction it excludes nothing.
	CodeActionNeverMatches = "action-never-matches"
	// CodeUnknownConditionOperator: a condition operator that does not
	// exist (operators are case-sensitive; a known operator in the wrong
	// case is reported as CodeWrongKeyCase instead).
	CodeUnknownConditionOperator = "unknown-condition-operator"
	// CodeBoolVariable (warning): a policy variable in a Bool condition
	// value, which AWS documents both ways: the IAM User Guide's Condition
	// operators page lists policy variables as supported for Boolean
	// operators, its Variables and tags page names Boolean among the
	// operators that cannot use them. It is replaced, then the value is
	// read as true or false.
	CodeBoolVariable = "bool-policy-variable"
	// CodeShortARNPattern (warning): an Arn* condition value other than
	// "*" with fewer than six colon-separated fields ("arn:aws:iam::*").
	// AWS documents these operators as comparing the six fields one by
	// one and does not say what a shorter value matches; the engine
	// matches it against the whole ARN, where a wildcard may span colons.
	CodeShortARNPattern = "arn-pattern-short"
	// CodeSetOperatorWithNull (warning): ForAllValues: or ForAnyValue:
	// used with the Null operator.
	CodeSetOperatorWithNull = "set-operator-with-null"
	// CodeEmptyConditionValues: a condition key with an empty list of
	// values.
	CodeEmptyConditionValues = "empty-condition-values"
	// CodeInvalidConditionValue: a condition value that cannot be of the
	// operator's type (a number, date, boolean or IP address).
	CodeInvalidConditionValue = "invalid-condition-value"
	// CodeEmptyStatementList (warning): "Statement": [].
	CodeEmptyStatementList = "empty-statement-list"
	// CodeSidInvalid (warning): a Sid with characters other than ASCII
	// letters and digits, which identity policies do not allow.
	CodeSidInvalid = "sid-invalid"
	// CodeEmptyValueList (warning): an empty Action, NotAction, Resource,
	// NotResource, principal or Condition element, which matches nothing
	// (or, for the Not elements, everything).
	CodeEmptyValueList = "empty-value-list"
)

// HasErrors reports whether fs holds at least one finding of Severity
// Error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// sortFindings orders findings by position, keeping the order in which
// findings at the same position were made.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Compare(a.Pos.Offset, b.Pos.Offset)
	})
}

// findings collects findings.
type findings struct {
	list []Finding
}

func (f *findings) add(sev Severity, code string, pos Pos, ptr string, format string, args ...any) {
	f.list = append(f.list, Finding{
		Severity: sev,
		Code:     code,
		Message:  fmt.Sprintf(format, args...),
		Pos:      pos,
		Pointer:  ptr,
	})
}
