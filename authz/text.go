package authz

import (
	"fmt"
	"strings"
)

// Layer, Decision and Verdict marshal as their String forms ("scp",
// "permissionsBoundary"; "ExplicitDeny"; "ImplicitDeny"), the names the
// simulate case and result formats use, so that a field of one of these
// types reads and writes JSON, YAML or flags as text. Unmarshalling
// refuses any other name and says which it wanted.

// ParseLayer returns the layer named s (a String form, in any case:
// "scp", "SCP", "permissionsBoundary").
func ParseLayer(s string) (Layer, bool) {
	for _, l := range Layers {
		if strings.EqualFold(l.String(), s) {
			return l, true
		}
	}
	return 0, false
}

// LayerNames lists the String forms of every layer, in listing order,
// for messages that say which names are known.
const LayerNames = "scp, rcp, vpcEndpoint, resource, identity, permissionsBoundary, session"

// MarshalText returns the layer's String form; a value that is no layer
// is an error.
func (l Layer) MarshalText() ([]byte, error) {
	if l >= numLayers {
		return nil, fmt.Errorf("authz: no layer %d", uint8(l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText reads a layer's String form (in any case, as ParseLayer).
func (l *Layer) UnmarshalText(b []byte) error {
	v, ok := ParseLayer(string(b))
	if !ok {
		return fmt.Errorf("unknown layer %q (want %s)", b, LayerNames)
	}
	*l = v
	return nil
}

// MarshalText returns the decision's String form.
func (d Decision) MarshalText() ([]byte, error) {
	if d > Allowed {
		return nil, fmt.Errorf("authz: no decision %d", uint8(d))
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads a decision's String form (exactly).
func (d *Decision) UnmarshalText(b []byte) error {
	for _, v := range [...]Decision{ImplicitDeny, ExplicitDeny, Allowed} {
		if v.String() == string(b) {
			*d = v
			return nil
		}
	}
	return fmt.Errorf("unknown decision %q (want Allowed, ExplicitDeny or ImplicitDeny)", b)
}

// MarshalText returns the verdict's String form.
func (v Verdict) MarshalText() ([]byte, error) {
	if v > Deny {
		return nil, fmt.Errorf("authz: no verdict %d", uint8(v))
	}
	return []byte(v.String()), nil
}

// UnmarshalText reads a verdict's String form (exactly).
func (v *Verdict) UnmarshalText(b []byte) error {
	for _, w := range [...]Verdict{Absent, NotApplicable, Allow, NoAllow, Deny} {
		if w.String() == string(b) {
			*v = w
			return nil
		}
	}
	return fmt.Errorf("unknown verdict %q (want Absent, NotApplicable, Allow, ImplicitDeny or ExplicitDeny)", b)
}
