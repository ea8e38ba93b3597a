package authz

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestLayerText(t *testing.T) {
	t.Parallel()
	var names []string
	for _, l := range Layers {
		b, err := l.MarshalText()
		if err != nil || string(b) != l.String() {
			t.Fatalf("%v.MarshalText() = %q, %v", l, b, err)
		}
		names = append(names, l.String())
		var back Layer
		if err := back.UnmarshalText([]byte(strings.ToUpper(l.String()))); err != nil || back != l {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", strings.ToUpper(l.String()), back, err, l)
		}
	}
	if got := strings.Join(names, ", "); got != LayerNames {
		t.Errorf("LayerNames = %q, the layers say %q", LayerNames, got)
	}
	if _, err := numLayers.MarshalText(); err == nil {
		t.Error("MarshalText of a value that is no layer: no error")
	}
	var l Layer
	if err := l.UnmarshalText([]byte("kms")); err == nil || !strings.Contains(err.Error(), `"kms"`) {
		t.Errorf("UnmarshalText(kms) = %v, want an error naming it", err)
	}
	// In JSON, as a value and as a map key.
	b, err := json.Marshal(map[Layer][]Layer{LayerBoundary: {LayerSCP, LayerVPCEndpoint}})
	if err != nil || string(b) != `{"permissionsBoundary":["scp","vpcEndpoint"]}` {
		t.Fatalf("json.Marshal = %s, %v", b, err)
	}
	var m map[Layer][]Layer
	if err := json.Unmarshal(b, &m); err != nil || len(m[LayerBoundary]) != 2 || m[LayerBoundary][1] != LayerVPCEndpoint {
		t.Errorf("json.Unmarshal(%s) = %v, %v", b, m, err)
	}
}

func TestDecisionVerdictText(t *testing.T) {
	t.Parallel()
	for _, d := range []Decision{ImplicitDeny, ExplicitDeny, Allowed} {
		b, err := d.MarshalText()
		var back Decision = 7
		if err != nil || string(b) != d.String() || back.UnmarshalText(b) != nil || back != d {
			t.Errorf("decision %v: %q, %v, back %v", d, b, err, back)
		}
	}
	for _, v := range []Verdict{Absent, NotApplicable, Allow, NoAllow, Deny} {
		b, err := v.MarshalText()
		var back Verdict = 9
		if err != nil || string(b) != v.String() || back.UnmarshalText(b) != nil || back != v {
			t.Errorf("verdict %v: %q, %v, back %v", v, b, err, back)
		}
	}
	var d Decision
	if d.UnmarshalText([]byte("allowed")) == nil {
		t.Error(`Decision.UnmarshalText("allowed"): no error (names are exact)`)
	}
	if _, err := Decision(3).MarshalText(); err == nil {
		t.Error("MarshalText of a value that is no decision: no error")
	}
	var v Verdict
	if v.UnmarshalText([]byte("Deny")) == nil {
		t.Error(`Verdict.UnmarshalText("Deny"): no error`)
	}
	if _, err := Verdict(5).MarshalText(); err == nil {
		t.Error("MarshalText of a value that is no verdict: no error")
	}
}
