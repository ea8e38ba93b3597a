package authzmsg

import (
	"testing"

	"github.com/deniedhq/denied/authz"
)

func TestPolicyTypeLayer(t *testing.T) {
	t.Parallel()
	for p, want := range map[PolicyType]authz.Layer{
		PolicyIdentity: authz.LayerIdentity, PolicyResource: authz.LayerResource, PolicyPermissionsBoundary: authz.LayerBoundary,
		PolicySession: authz.LayerSession, PolicySCP: authz.LayerSCP, PolicyRCP: authz.LayerRCP, PolicyVPCEndpoint: authz.LayerVPCEndpoint,
		PolicyTrust: authz.LayerResource,
	} {
		if l, ok := p.Layer(); !ok || l != want {
			t.Errorf("%q.Layer() = %v, %v; want %v", p, l, ok, want)
		}
		if p != PolicyTrust && string(p) != want.String() {
			t.Errorf("PolicyType %q is not the engine's name %q", p, want)
		}
	}
	for _, p := range []PolicyType{PolicyUnknown, "", "kms"} {
		if l, ok := p.Layer(); ok {
			t.Errorf("%q.Layer() = %v, true; want no layer", p, l)
		}
	}
}
