package fix

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/simulate"
)

// Every comment line of every AWS CLI, Terraform and CloudFormation
// rendering is written from a message of the catalog ("fixcli." messages,
// internal/i18n/fixcli.go), kept in Renderings.Comments, so that a
// Japanese or Korean report shows it translated: over the same fixes as
// TestMessagesMatchEnglish, each comment line has its message, and
// Renderings.In says it, in Japanese and Korean, completely and without
// English left.
func TestCLICommentsTranslated(t *testing.T) {
	t.Parallel()
	var fixes []Fix
	for _, data := range corpusAndGeneratedCases(t) {
		c, err := simulate.DecodeCase(data)
		if err != nil {
			continue
		}
		pr, err := simulate.Prepare(c, simulate.Options{Now: testOptions.Now, AllowUnknownActions: true})
		if err != nil || pr.Evaluate().Decision == "Allowed" {
			continue
		}
		pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
		fixes = append(fixes, append(pl.Fixes, pl.others...)...)
	}
	seed := PlanFor(Problem{Input: inputOf(t, loadCase(t, "restore-passrole"))}, testOptions)
	fixes = append(fixes, append(seed.Fixes, seed.others...)...)
	for _, fs := range allFixes(t) {
		fixes = append(fixes, fs...)
	}
	seen := map[string]bool{}
	for _, f := range fixes {
		lines := append([]string(nil), f.Render.CLI...)
		for _, body := range []string{f.Render.Terraform, f.Render.CloudFormation} {
			for _, l := range strings.Split(body, "\n") {
				lines = append(lines, strings.TrimLeft(l, " "))
			}
		}
		for _, line := range lines {
			if !strings.HasPrefix(line, "#") || seen[line] {
				continue
			}
			seen[line] = true
			m, ok := f.Render.Comments[line]
			if !ok || !strings.HasPrefix(m.ID, "fixcli.") || !i18n.Has(m.ID) {
				t.Errorf("%s: CLI comment with no message in internal/i18n/fixcli.go:\n%s", f.ID, line)
				continue
			}
			for _, l := range []i18n.Lang{i18n.JA, i18n.KO} {
				got := f.Render.In(l).commentIn(l, line)
				if strings.Contains(got, "%!") || !strings.HasPrefix(got, "# ") {
					t.Errorf("%s: %q in %s: %q", f.ID, line, l, got)
				}
				if e := i18n.EnglishIn(l, got); len(e) > 0 {
					t.Errorf("%s: %q in %s keeps English %q: %q", f.ID, line, l, e, got)
				}
			}
		}
	}
	if len(seen) < 10 {
		t.Errorf("only %d distinct comment lines: the cases no longer exercise the renderings", len(seen))
	}
	t.Logf("%d distinct comment lines", len(seen))
}
