package fix

import (
	"encoding/json"
	"testing"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/policy"
)

// actionCannotMatch never says a statement cannot match an action that
// the engine lets it allow: every pair of action values and requested
// actions below, each value alone in an identity policy.
func TestActionCannotMatchAgreesWithTheEngine(t *testing.T) {
	values := []string{"*", "ec2:*", "EC2:Run*", "ec2:RunInstances", "ec2:runinstances", "ec2:?unInstances", "ec2:Run?nstances",
		"ec2:Run", "ec2:RunInstancesX", "s3:*", "e*", "*:RunInstances", "ec2*", "ec2:RunInstances ", " ec2:RunInstances",
		"ec2:Run*,s3:*", "ÉC2:*", "iam:PassRole", "iam:Pass*", "IAM:PASSROLE", "iam:*Role", "?am:PassRole", "ec2:CreateTags"}
	actions := []string{"ec2:RunInstances", "EC2:RUNINSTANCES", " ec2:RunInstances ", "iam:PassRole", "ec2:CreateTags", "s3:GetObject"}
	said, allowed := 0, 0
	for _, v := range values {
		for _, notAction := range []bool{false, true} {
			st := map[string]any{"Effect": "Allow", "Resource": "*"}
			if notAction {
				st["NotAction"] = []string{v}
			} else {
				st["Action"] = []string{v}
			}
			doc, err := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": []any{st}})
			if err != nil {
				t.Fatal(err)
			}
			p, findings := policy.Parse(doc)
			if p == nil || policy.HasErrors(findings) || len(p.Statements) != 1 {
				continue
			}
			for _, a := range actions {
				in := &eval.Input{Request: eval.Request{Principal: "arn:aws:iam::111122223333:role/R", Action: a, Resource: "*"},
					Identity: []eval.Doc{{Name: "p", Text: doc}}}
				out, err := eval.Run(in, eval.Options{Now: testOptions.Now, AllowUnknownActions: true})
				if err != nil {
					t.Fatalf("%q on %q: %v", v, a, err)
				}
				cannot := actionCannotMatch(p.Statements[0], a)
				if out.Allowed() {
					allowed++
					if cannot {
						t.Errorf("Action %q (not: %v) allows %q, yet actionCannotMatch says it cannot match", v, notAction, a)
					}
				}
				if cannot {
					said++
				}
			}
		}
	}
	if said == 0 || allowed == 0 {
		t.Fatalf("%d pairs said unmatchable, %d allowed: the test tests nothing", said, allowed)
	}
}
