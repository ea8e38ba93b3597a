package simulate_test

import (
	"testing"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/simulate"
)

// Every path of an eval.Input maps to the JSON pointer of its field in a
// case, as the case format's error messages name it.
func TestPointer(t *testing.T) {
	t.Parallel()
	f := func(fl eval.Field) eval.Path { return eval.Path{Field: fl, Level: -1, Index: -1} }
	tests := []struct {
		path eval.Path
		want string
	}{
		{f(eval.FieldNone), ""},
		{f(eval.FieldRequest), "/request"},
		{f(eval.FieldPrincipal), "/request/principal"},
		{f(eval.FieldAction), "/request/action"},
		{f(eval.FieldResource), "/request/resource"},
		{f(eval.FieldResourceAccount), "/request/resourceAccount"},
		{f(eval.FieldFederatingUser), "/request/federatingUser"},
		{f(eval.FieldContext), "/request/context"},
		{eval.Path{Field: eval.FieldContext, Key: "a/b~c", Level: -1, Index: -1}, "/request/context/a~1b~0c"},
		{f(eval.FieldManagementAccount), "/managementAccount"},
		{eval.Path{Field: eval.FieldIdentity, Level: -1, Index: 12, Pointer: "/Statement/0"}, "/identityPolicies/12/document/Statement/0"},
		{f(eval.FieldBoundary), "/permissionsBoundary/document"},
		{f(eval.FieldSession), "/sessionPolicy/document"},
		{eval.Path{Field: eval.FieldResourceDoc, Level: -1, Index: -1, Pointer: "/Statement"}, "/resourcePolicy/document/Statement"},
		{eval.Path{Field: eval.FieldSCPs, Level: 1, Index: 2}, "/serviceControlPolicies/1/policies/2/document"},
		{eval.Path{Field: eval.FieldSCPs, Level: 9, Index: -1}, "/serviceControlPolicies/9/policies"},
		{eval.Path{Field: eval.FieldRCPs, Level: 0, Index: 5}, "/resourceControlPolicies/0/policies/5/document"},
		{eval.Path{Field: eval.FieldVPCEndpoint, Level: -1, Index: 0}, "/vpcEndpointPolicies/0/document"},
	}
	for _, tt := range tests {
		if got := simulate.Pointer(tt.path); got != tt.want {
			t.Errorf("Pointer(%+v) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
