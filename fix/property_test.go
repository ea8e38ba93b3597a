package fix

import (
	"bytes"
	"strings"
	"testing"

	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

// Properties of every plan, over the conformance corpus and generated
// cases: a plan that is not verified ran out of rounds (or the caller is
// anonymous, which no least-privilege fix can let through); every CLI
// payload reads back as its fix's document; every Terraform rendering is
// balanced.
func TestPlanProperties(t *testing.T) {
	t.Parallel()
	cases := corpusAndGeneratedCases(t)

	denied, verified, conditional := 0, 0, 0
	for _, data := range cases {
		c, err := simulate.DecodeCase(data)
		if err != nil {
			continue
		}
		pr, err := simulate.Prepare(c, simulate.Options{Now: testOptions.Now, AllowUnknownActions: true})
		if err != nil || pr.Evaluate().Decision == "Allowed" {
			continue
		}
		in, err := c.Input()
		if err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		if refusedByAWS(in) != "" {
			// AWS refuses it whatever the policies say: no fix exists.
			if pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions); len(pl.Fixes) > 0 || pl.Verified {
				t.Errorf("%s: AWS refuses the request, yet the plan proposes %v", c.ID, ids(pl.Fixes))
			}
			continue
		}
		denied++
		pl := PlanFor(Problem{Input: inputOf(t, c)}, testOptions)
		anonymous := c.Request.Principal == "*"
		switch {
		case pl.Verified:
			verified++
		case anonymous:
		case hasFix(pl.others, "meet-condition"):
			// An Allow matches but its condition fails: the fix is to meet
			// it, and the Allow without it is a labelled broad fix.
			conditional++
			unconditional := false
			for _, f := range pl.others {
				unconditional = unconditional || f.Kind == Broad && strings.HasSuffix(f.ID, "-unconditional") && f.RiskMsg != nil && f.RiskMsg.ID == "fix.risk.drops-condition"
			}
			if !unconditional {
				t.Errorf("%s: meet-condition without the unconditional alternative: %v", c.ID, ids(pl.others))
			}
		case len(pl.Fixes) < defaultRounds:
			t.Errorf("%s: plan %v stopped, still denied by %q (%s)", c.ID, ids(pl.Fixes), pl.StillDeniedBy, pl.Error)
		}
		for _, f := range append(pl.Fixes, pl.others...) {
			checkRendering(t, c.ID, f)
		}
	}
	if denied < 700 || verified+conditional < denied*9/10 {
		t.Errorf("%d denied cases, %d verified plans, %d conditions to meet", denied, verified, conditional)
	}
	t.Logf("%d denied cases, %d verified plans, %d conditions to meet", denied, verified, conditional)
}

// checkRendering checks that the JSON in every CLI command of f reads
// back, through the shell's quoting, as f's document, and that its
// Terraform is balanced. It returns how many payloads it read, and how
// many of them hold a single quote.
func checkRendering(t *testing.T, id string, f Fix) (payloads, quoted int) {
	t.Helper()
	for _, line := range f.Render.CLI {
		if strings.HasPrefix(line, "#") {
			continue
		}
		words, err := shellSplit(line)
		if err != nil {
			t.Errorf("%s/%s: %v: %s", id, f.ID, err, line)
			continue
		}
		for i := 0; i+1 < len(words); i++ {
			if words[i] != "--policy-document" && words[i] != "--policy" && words[i] != "--content" || strings.HasPrefix(words[i+1], "file://") {
				continue
			}
			payloads++
			if strings.Contains(words[i+1], "'") {
				quoted++
			}
			p, findings := policy.Parse([]byte(words[i+1]))
			if p == nil || policy.HasErrors(findings) {
				t.Errorf("%s/%s: payload does not parse: %v\n%s", id, f.ID, findings, words[i+1])
				continue
			}
			got, _ := p.MarshalJSON()
			want, _ := f.Document.MarshalJSON()
			if !bytes.Equal(got, want) {
				t.Errorf("%s/%s: payload\n%s\nis not the document\n%s", id, f.ID, got, want)
			}
		}
	}
	if err := balanced(f.Render.Terraform); err != nil {
		t.Errorf("%s/%s: %v\n%s", id, f.ID, err, f.Render.Terraform)
	}
	return payloads, quoted
}

func hasFix(fs []Fix, id string) bool {
	for _, f := range fs {
		if f.ID == id {
			return true
		}
	}
	return false
}
