package diagnose

import (
	"strings"

	"github.com/deniedhq/denied/authzmsg"
)

// Rule returns the finding Diagnose would give first for d, without fixes:
// the rule ID, layer, title and cause that explain the denial. Other
// reports (audit, SARIF) use it so that one denial has one rule ID
// whichever command finds it.
func Rule(d *authzmsg.Denial) Finding {
	for _, r := range rules {
		if f, ok := r(d); ok && !strings.HasPrefix(f.Rule, "trap.") && !strings.HasPrefix(f.Rule, "decode.") {
			return f
		}
	}
	f, _ := genericRule(d)
	return f
}
