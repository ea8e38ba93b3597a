package simulate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/jsonx"
)

// CustomPolicyInput is the input of `aws iam simulate-custom-policy`
// (the shape of --cli-input-json).
type CustomPolicyInput struct {
	PolicyInputList                    []string       `json:"PolicyInputList"`
	PermissionsBoundaryPolicyInputList []string       `json:"PermissionsBoundaryPolicyInputList,omitempty"`
	ActionNames                        []string       `json:"ActionNames"`
	ResourceArns                       []string       `json:"ResourceArns,omitempty"`
	ResourcePolicy                     string         `json:"ResourcePolicy,omitempty"`
	ResourceOwner                      string         `json:"ResourceOwner,omitempty"`
	CallerArn                          string         `json:"CallerArn,omitempty"`
	ContextEntries                     []ContextEntry `json:"ContextEntries,omitempty"`
	ResourceHandlingOption             string         `json:"ResourceHandlingOption,omitempty"`
	MaxItems                           int            `json:"MaxItems,omitempty"`
	Marker                             string         `json:"Marker,omitempty"`
}

// ContextEntry is one context key of a simulate-custom-policy input.
type ContextEntry struct {
	ContextKeyName   string   `json:"ContextKeyName"`
	ContextKeyValues []string `json:"ContextKeyValues"`
	ContextKeyType   string   `json:"ContextKeyType,omitempty"`
}

// CustomPolicyOutput is the output shape of simulate-custom-policy.
type CustomPolicyOutput struct {
	EvaluationResults []EvaluationResult `json:"EvaluationResults"`
	IsTruncated       bool               `json:"IsTruncated"`
}

// EvaluationResult is one action × resource result.
type EvaluationResult struct {
	EvalActionName                    string             `json:"EvalActionName"`
	EvalResourceName                  string             `json:"EvalResourceName"`
	EvalDecision                      string             `json:"EvalDecision"`
	MatchedStatements                 []MatchedStatement `json:"MatchedStatements"`
	MissingContextValues              []string           `json:"MissingContextValues"`
	EvalDecisionDetails               map[string]string  `json:"EvalDecisionDetails,omitempty"`
	PermissionsBoundaryDecisionDetail *BoundaryDetail    `json:"PermissionsBoundaryDecisionDetail,omitempty"`
	// Message is denied's addition: the AWS message the request would get.
	Message string `json:"Message,omitempty"`
}

// MatchedStatement names a statement in the simulate-custom-policy style.
type MatchedStatement struct {
	SourcePolicyID   string   `json:"SourcePolicyId"`
	SourcePolicyType string   `json:"SourcePolicyType"`
	StartPosition    Position `json:"StartPosition"`
	EndPosition      Position `json:"EndPosition"`
}

// Position is a 1-based line and column.
type Position struct {
	Line   int `json:"Line"`
	Column int `json:"Column"`
}

// BoundaryDetail says whether the permissions boundary allowed.
type BoundaryDetail struct {
	AllowedByPermissionsBoundary bool `json:"AllowedByPermissionsBoundary"`
}

// IsCustomPolicyInput reports whether data looks like a
// simulate-custom-policy input.
func IsCustomPolicyInput(data []byte) bool {
	return bytes.Contains(data, []byte(`"PolicyInputList"`)) || bytes.Contains(data, []byte(`"ActionNames"`))
}

// EvaluateCustomPolicy answers a simulate-custom-policy input.
func EvaluateCustomPolicy(data []byte, opt Options) (*CustomPolicyOutput, error) {
	var in CustomPolicyInput
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, jsonError(data, err)
	}
	if len(in.ActionNames) == 0 {
		return nil, &CaseError{Path: "/ActionNames", Message: "ActionNames needs at least one action"}
	}
	resources := in.ResourceArns
	if len(resources) == 0 {
		resources = []string{"*"}
	}
	caller := in.CallerArn
	owner := ""
	if in.ResourceOwner != "" {
		if parts, n := arn.Fields(in.ResourceOwner); n >= 5 {
			owner = parts[4]
		} else {
			owner = in.ResourceOwner
		}
	}
	if caller == "" {
		acct := owner
		if acct == "" {
			acct = "123456789012"
		}
		caller = "arn:aws:iam::" + acct + ":user/simulated-caller"
	}
	ctx := map[string]json.RawMessage{}
	for i, e := range in.ContextEntries {
		if e.ContextKeyName == "" {
			return nil, &CaseError{Path: fmt.Sprintf("/ContextEntries/%d/ContextKeyName", i), Message: "missing context key name"}
		}
		b, _ := json.Marshal(e.ContextKeyValues)
		ctx[e.ContextKeyName] = b
	}
	doc := func(s string) json.RawMessage { b, _ := json.Marshal(s); return b }
	out := &CustomPolicyOutput{}
	for _, action := range in.ActionNames {
		for _, res := range resources {
			c := &Case{Request: CaseRequest{Principal: caller, Action: action, Resource: res, ResourceAccount: owner, Context: ctx}}
			for i, p := range in.PolicyInputList {
				c.IdentityPolicies = append(c.IdentityPolicies, PolicyDoc{Name: fmt.Sprintf("PolicyInputList.%d", i+1), Document: doc(p)})
			}
			if len(in.PermissionsBoundaryPolicyInputList) > 0 {
				c.PermissionsBoundary = &PolicyDoc{Name: "PermissionsBoundaryPolicyInputList.1", Document: doc(in.PermissionsBoundaryPolicyInputList[0])}
			}
			if in.ResourcePolicy != "" {
				c.ResourcePolicy = &PolicyDoc{Name: "ResourcePolicy", Document: doc(in.ResourcePolicy)}
			}
			pr, err := Prepare(c, opt)
			if err != nil {
				return nil, err
			}
			r := pr.Evaluate()
			er := EvaluationResult{
				EvalActionName:       action,
				EvalResourceName:     res,
				EvalDecision:         cliDecision(r.Decision),
				MatchedStatements:    []MatchedStatement{},
				MissingContextValues: append([]string{}, r.MissingContext...),
				Message:              r.Message,
			}
			for _, d := range r.Deciding {
				src := pr.source(d.Layer, d.Policy)
				ms := MatchedStatement{SourcePolicyID: d.Policy, SourcePolicyType: cliPolicyType(d.Layer), StartPosition: Position{d.Line, d.Column}}
				if src != nil {
					lines := strings.Split(string(src.Text), "\n")
					start := offsetOf(lines, d.Line, d.Column)
					if start >= 0 && start < len(src.Text) {
						end := statementEnd(src.Text, start)
						l, col := jsonx.LineCol(src.Text, end)
						ms.EndPosition = Position{l, col}
					}
				}
				er.MatchedStatements = append(er.MatchedStatements, ms)
			}
			if c.PermissionsBoundary != nil {
				for _, l := range r.Layers {
					if l.Layer == authz.LayerBoundary.String() {
						er.PermissionsBoundaryDecisionDetail = &BoundaryDetail{AllowedByPermissionsBoundary: l.Verdict == "Allow"}
					}
				}
			}
			out.EvaluationResults = append(out.EvaluationResults, er)
		}
	}
	return out, nil
}

func cliDecision(d string) string {
	switch d {
	case "Allowed":
		return "allowed"
	case "ExplicitDeny":
		return "explicitDeny"
	}
	return "implicitDeny"
}

func cliPolicyType(layer string) string {
	switch layer {
	case "resource":
		return "Resource Policy"
	case "permissionsBoundary":
		return "Permissions Boundary Policy"
	}
	return "IAM Policy"
}
