package eval

import (
	"fmt"
	"reflect"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/policy"
)

// CompareParse parses raw for layer l through the fast path and through
// the parser alone, each with a cache of its own, and describes how the
// two parsed documents differ ("" when they do not): the error, the
// warnings, the model and the compiled policy. clean reports whether the
// fast path took the document.
func CompareParse(l authz.Layer, raw []byte) (clean bool, diff string) {
	fast := parseDocWith(l, raw, NewCache(16), true)
	slow := parseDocWith(l, raw, NewCache(16), false)
	if text, err := DocumentText(raw); err == nil {
		_, clean = policy.ParseClean(text, l == authz.LayerResource || l == authz.LayerVPCEndpoint)
	}
	switch {
	case !reflect.DeepEqual(fast.err, slow.err):
		return clean, fmt.Sprintf("error %v, the parser's %v", fast.err, slow.err)
	case !reflect.DeepEqual(fast.warnings, slow.warnings):
		return clean, fmt.Sprintf("warnings %v, the parser's %v", fast.warnings, slow.warnings)
	case !reflect.DeepEqual(fast.model(), slow.model()):
		return clean, "the models differ"
	case (fast.compiled == nil) != (slow.compiled == nil) || !reflect.DeepEqual(fast.cp, slow.cp):
		return clean, "the compiled policies differ"
	}
	return clean, ""
}
