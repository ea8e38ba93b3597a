package casegen

// The types below mirror the `denied simulate` case format. They exist only
// to give the generated JSON a stable field order; maps (conditions, context)
// are marshalled with sorted keys by encoding/json.

type caseJSON struct {
	ID                      string        `json:"id"`
	ManagementAccount       string        `json:"managementAccount,omitempty"`
	Request                 requestJSON   `json:"request"`
	IdentityPolicies        []namedPolicy `json:"identityPolicies,omitempty"`
	PermissionsBoundary     *namedPolicy  `json:"permissionsBoundary,omitempty"`
	SessionPolicy           *namedPolicy  `json:"sessionPolicy,omitempty"`
	ResourcePolicy          *namedPolicy  `json:"resourcePolicy,omitempty"`
	ServiceControlPolicies  []orgLevel    `json:"serviceControlPolicies,omitempty"`
	ResourceControlPolicies []orgLevel    `json:"resourceControlPolicies,omitempty"`
	VpcEndpointPolicies     []namedPolicy `json:"vpcEndpointPolicies,omitempty"`
}

type requestJSON struct {
	Principal       string         `json:"principal"`
	Action          string         `json:"action"`
	Resource        string         `json:"resource"`
	ResourceAccount string         `json:"resourceAccount,omitempty"`
	Context         map[string]any `json:"context,omitempty"`
}

type namedPolicy struct {
	Name     string   `json:"name"`
	Document document `json:"document"`
}

type orgLevel struct {
	Target   string        `json:"target"`
	Policies []namedPolicy `json:"policies"`
}

type document struct {
	Version   string       `json:"Version"`
	ID        string       `json:"Id,omitempty"`
	Statement []*statement `json:"Statement"`
}

type statement struct {
	Sid          string                    `json:"Sid,omitempty"`
	Effect       string                    `json:"Effect"`
	Principal    any                       `json:"Principal,omitempty"`
	NotPrincipal any                       `json:"NotPrincipal,omitempty"`
	Action       any                       `json:"Action,omitempty"`
	NotAction    any                       `json:"NotAction,omitempty"`
	Resource     any                       `json:"Resource,omitempty"`
	NotResource  any                       `json:"NotResource,omitempty"`
	Condition    map[string]map[string]any `json:"Condition,omitempty"`
}

// one returns a single string as itself and longer lists as a list, the two
// shapes policy authors use.
func one(v []string) any {
	if len(v) == 1 {
		return v[0]
	}
	return v
}
