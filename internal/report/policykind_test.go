package report

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
)

// TestPolicyKindRenderings: for every kind of target, the JUnit/SARIF
// summary (policyKind) names what render.policyKind names, in each
// language; a fix that edits no policy is headed in text and Markdown by
// the same "no policy change" label, never by a policy.
func TestPolicyKindRenderings(t *testing.T) {
	for _, k := range fix.TargetKinds() {
		f := &fix.Fix{Kind: fix.LeastPrivilege, Target: fix.Target{Kind: k}}
		if !k.EditsPolicy() {
			f.Kind = fix.Alternative
		}
		id := fix.PolicyKindID(f.Target)
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA, i18n.KO} {
			got := policyKind(lang, f)
			if id == "" || got != i18n.T(lang, id) {
				t.Errorf("%s %s: JUnit/SARIF kind %q, want %s's", k, lang, got, id)
			}
			head := fixKind(lang, f)
			if !k.EditsPolicy() && head != i18n.T(lang, "audit.policy-kind.none") {
				t.Errorf("%s %s: text head %q", k, lang, head)
			}
		}
		if !k.EditsPolicy() && !strings.HasPrefix(policyKind(i18n.EN, f), "no policy change") {
			t.Errorf("%s: %q", k, policyKind(i18n.EN, f))
		}
	}
}
