package fix

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/simulate"
)

// Every sentence of every fix is also an i18n message: over the fixes
// of the denied cases of the conformance corpus, generated cases, the
// fix cases (the seed case among them) and the problems known only by
// their request, each message is in the catalog, and formatted in English
// it is exactly the English sentence. Formatted in Japanese and Korean it
// is complete (no missing or extra arguments, no "@" reference left).
func TestMessagesMatchEnglish(t *testing.T) {
	t.Parallel()
	cases := corpusAndGeneratedCases(t)

	type source struct {
		name  string
		fixes []Fix
		notes []Note
	}
	var sources []source
	for _, data := range cases {
		c, err := simulate.DecodeCase(data)
		if err != nil {
			continue
		}
		pr, err := simulate.Prepare(c, simulate.Options{Now: testOptions.Now, AllowUnknownActions: true})
		if err != nil || pr.Evaluate().Decision == "Allowed" {
			continue
		}
		pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
		sources = append(sources, source{c.ID, append(pl.Fixes, pl.others...), pl.Notes})
	}
	seed := PlanFor(Problem{Input: inputOf(t, loadCase(t, "restore-passrole"))}, testOptions)
	sources = append(sources, source{"seed", append(seed.Fixes, seed.others...), seed.Notes})
	for name, fixes := range allFixes(t) {
		sources = append(sources, source{name, fixes, nil})
	}

	titles, risks, notes := 0, 0, 0
	ids := map[string]bool{}
	check := func(where, id string, args []string, english string) {
		t.Helper()
		ids[id] = true
		if !i18n.Has(id) {
			t.Errorf("%s: message %q is not in the catalog (English: %s)", where, id, english)
			return
		}
		if got := format(i18n.EN, id, args); got != english {
			t.Errorf("%s: message %s %q formats as\n%s\nnot\n%s", where, id, args, got, english)
		}
		for _, l := range []i18n.Lang{i18n.JA, i18n.KO} {
			if got := format(l, id, args); strings.Contains(got, "%!") || strings.Contains(got, "@fix") {
				t.Errorf("%s: message %s %q in %s: %s", where, id, args, l, got)
			}
		}
	}
	for _, src := range sources {
		for _, f := range src.fixes {
			where := src.name + "/" + f.ID
			if f.TitleMsg.ID == "" {
				t.Errorf("%s: no TitleMsg (title %q)", where, f.Title)
			} else {
				check(where+" title", f.TitleMsg.ID, f.TitleMsg.Args, f.Title)
				titles++
			}
			switch {
			case f.RiskMsg != nil:
				check(where+" risk", f.RiskMsg.ID, f.RiskMsg.Args, f.Risk)
				risks++
			case f.Risk != "":
				t.Errorf("%s: no RiskMsg (risk %q)", where, f.Risk)
			}
			for _, n := range f.Notes {
				check(where+" note", "fixnote."+n.ID, n.Args, n.Text)
				notes++
			}
		}
		for _, n := range src.notes {
			check(src.name+" plan note", "fixnote."+n.ID, n.Args, n.Text)
			notes++
		}
	}
	if titles < 500 || risks == 0 || notes < 100 {
		t.Errorf("checked %d titles, %d risks, %d notes: the cases no longer exercise the messages", titles, risks, notes)
	}
	t.Logf("%d titles, %d risks, %d notes; %d distinct messages", titles, risks, notes, len(ids))
}

// format formats message id in lang as a renderer does: an argument
// "@ID" naming a message is replaced by that message's text first.
func format(lang i18n.Lang, id string, args []string) string {
	a := make([]any, len(args))
	for i, s := range args {
		if strings.HasPrefix(s, "@") && i18n.Has(s[1:]) {
			s = i18n.T(lang, s[1:])
		}
		a[i] = s
	}
	return i18n.T(lang, id, a...)
}
