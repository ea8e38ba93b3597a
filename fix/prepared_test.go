package fix

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/simulate"
)

// A plan given the input prepared (Problem.Prepared) is the plan made
// without it, over the conformance corpus and generated cases: with the
// problem's own diagnosis and without, with the input prepared with and
// without unknown actions allowed.
func TestPlanWithPreparedInputIsTheSame(t *testing.T) {
	t.Parallel()
	planned := 0
	for _, data := range corpusAndGeneratedCases(t) {
		c, err := simulate.DecodeCase(data)
		if err != nil {
			continue
		}
		in, err := c.Input()
		if err != nil {
			continue
		}
		for _, allowUnknown := range []bool{false, true} {
			pr, err := eval.Prepare(in, eval.Options{Now: testOptions.Now, AllowUnknownActions: allowUnknown})
			if err != nil {
				continue
			}
			out := pr.Evaluate()
			if out.Allowed() {
				continue
			}
			for _, diagnosed := range []bool{false, true} {
				p := Problem{Input: inputOf(t, c)}
				if diagnosed {
					p.Layer, p.Explicit, p.Deciding = out.Layer.String(), out.Decision.String() == "ExplicitDeny", eval.StatementRefs(out.Deciding)
				}
				want := PlanFor(p, testOptions)
				p.Prepared = pr
				got := PlanFor(p, testOptions)
				if !reflect.DeepEqual(got, want) {
					wj, _ := json.Marshal(want)
					gj, _ := json.Marshal(got)
					t.Fatalf("%s: plan with the prepared input\n%s\nwant\n%s", c.ID, gj, wj)
				}
				planned++
			}
		}
	}
	if planned == 0 {
		t.Fatal("no plan compared")
	}
	t.Logf("%d plans compared", planned)
}
