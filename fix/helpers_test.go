package fix

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

const casesDir = "../testdata/fix/cases"

// testOptions fixes the clock so that runs are reproducible.
var testOptions = Options{Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }}

func loadCase(t *testing.T, name string) *simulate.Case {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(casesDir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := simulate.DecodeCase(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

func caseNames(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(casesDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in %s: %v", casesDir, err)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	return names
}

func evalCase(t *testing.T, c *simulate.Case) *simulate.Result {
	t.Helper()
	pr, err := simulate.Prepare(c, simulate.Options{Now: testOptions.Now, AllowUnknownActions: true})
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	return pr.Evaluate()
}

// applyPublic applies a fix to a copy of c using only what the fix shows
// a user: its target and its rendered policy JSON. It fails the test when
// the target cannot be found in the case.
func applyPublic(t *testing.T, c *simulate.Case, fixes ...Fix) *simulate.Case {
	t.Helper()
	c = cloneCase(c)
	for _, f := range fixes {
		if !f.Complete || f.Render.PolicyJSON == "" {
			t.Fatalf("%s: not a complete document", f.ID)
		}
		doc := json.RawMessage(f.Render.PolicyJSON)
		set := func(d *simulate.PolicyDoc, what string) {
			if d == nil {
				t.Fatalf("%s: the case has no %s", f.ID, what)
			}
			d.Document = doc
		}
		switch tg := f.Target; tg.Kind {
		case TargetRoleInline, TargetUserInline:
			found := false
			for i := range c.IdentityPolicies {
				if c.IdentityPolicies[i].Name == tg.PolicyName {
					c.IdentityPolicies[i].Document, found = doc, true
				}
			}
			if !found {
				c.IdentityPolicies = append(c.IdentityPolicies, simulate.PolicyDoc{Name: tg.PolicyName, Document: doc})
			}
		case TargetManagedPolicy:
			var d *simulate.PolicyDoc
			for i := range c.IdentityPolicies {
				if c.IdentityPolicies[i].Name == tg.ARN {
					d = &c.IdentityPolicies[i]
				}
			}
			set(d, "managed policy "+tg.ARN)
		case TargetBoundary:
			if c.PermissionsBoundary != nil && c.PermissionsBoundary.Name != tg.ARN {
				t.Fatalf("%s: boundary target %q, case has %q", f.ID, tg.ARN, c.PermissionsBoundary.Name)
			}
			set(c.PermissionsBoundary, "boundary")
		case TargetSessionPolicy:
			set(c.SessionPolicy, "session policy")
		case TargetSCP, TargetRCP:
			levels := c.ServiceControlPolicies
			if tg.Kind == TargetRCP {
				levels = c.ResourceControlPolicies
			}
			var d *simulate.PolicyDoc
			for _, lv := range levels {
				for i := range lv.Policies {
					n := lv.Policies[i].Name
					if n != "" && (n == tg.ARN || n == tg.Name) && (tg.AttachedTo == "" || lv.Target == tg.AttachedTo) {
						if d != nil {
							t.Fatalf("%s: target matches two policies", f.ID)
						}
						d = &lv.Policies[i]
					}
				}
			}
			set(d, "org policy "+tg.ARN+tg.Name)
		case TargetVPCEndpoint:
			var d *simulate.PolicyDoc
			for i := range c.VPCEndpointPolicies {
				if c.VPCEndpointPolicies[i].Name == tg.Name {
					d = &c.VPCEndpointPolicies[i]
				}
			}
			set(d, "endpoint policy "+tg.Name)
		case TargetKeyPolicy, TargetTrustPolicy, TargetVaultPolicy, TargetBucketPolicy, TargetResourcePolicy:
			set(c.ResourcePolicy, "resource policy")
		default:
			t.Fatalf("%s: cannot apply target kind %q", f.ID, tg.Kind)
		}
	}
	return c
}

func byID(fixes []Fix, id string) *Fix {
	for i := range fixes {
		if fixes[i].ID == id {
			return &fixes[i]
		}
	}
	return nil
}

func ids(fixes []Fix) []string {
	out := make([]string, len(fixes))
	for i, f := range fixes {
		out[i] = f.ID
	}
	return out
}

func hasNote(notes []Note, id string) bool {
	for _, n := range notes {
		if n.ID == id {
			return true
		}
	}
	return false
}

// condValues returns the values of the condition (op, key) of st.
func condValues(st *policy.Statement, op, key string) []string {
	var out []string
	for _, c := range st.Conditions {
		if c.Operator == op && strings.EqualFold(c.Key, key) {
			out = append(out, c.Values...)
		}
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// corpusAndGeneratedCases returns the cases of the conformance corpus and
// 1,000 generated cases.
func corpusAndGeneratedCases(t *testing.T) [][]byte {
	t.Helper()
	var cases [][]byte
	files, _ := filepath.Glob("../testdata/conformance/*/*.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var w struct{ Case json.RawMessage }
		if json.Unmarshal(data, &w) == nil && w.Case != nil {
			cases = append(cases, w.Case)
		}
	}
	return append(cases, casegen.Generate(7, 1000)...)
}

// cloneCase copies a case deeply enough that changing the copy's policies
// or context leaves the original alone.
func cloneCase(c *simulate.Case) *simulate.Case {
	n := *c
	if c.Request.Context != nil {
		n.Request.Context = make(map[string]json.RawMessage, len(c.Request.Context))
		for k, v := range c.Request.Context {
			n.Request.Context[k] = v
		}
	}
	n.IdentityPolicies = append([]simulate.PolicyDoc(nil), c.IdentityPolicies...)
	one := func(d *simulate.PolicyDoc) *simulate.PolicyDoc {
		if d == nil {
			return nil
		}
		x := *d
		return &x
	}
	n.PermissionsBoundary = one(c.PermissionsBoundary)
	n.SessionPolicy = one(c.SessionPolicy)
	n.ResourcePolicy = one(c.ResourcePolicy)
	levels := func(ls []simulate.OrgLevel) []simulate.OrgLevel {
		if ls == nil {
			return nil
		}
		out := make([]simulate.OrgLevel, len(ls))
		for i, l := range ls {
			out[i] = simulate.OrgLevel{Target: l.Target, Policies: append([]simulate.PolicyDoc(nil), l.Policies...)}
		}
		return out
	}
	n.ServiceControlPolicies = levels(c.ServiceControlPolicies)
	n.ResourceControlPolicies = levels(c.ResourceControlPolicies)
	n.VPCEndpointPolicies = append([]simulate.PolicyDoc(nil), c.VPCEndpointPolicies...)
	return &n
}

// setCaseContext sets key = value in the case's request context.
func setCaseContext(c *simulate.Case, key, value string) {
	raw, _ := json.Marshal(value)
	if c.Request.Context == nil {
		c.Request.Context = map[string]json.RawMessage{}
	}
	c.Request.Context[key] = raw
}

// inputOf is the case's pipeline input, as Problem takes it.
func inputOf(t testing.TB, c *simulate.Case) *eval.Input {
	t.Helper()
	in, err := c.Input()
	if err != nil {
		t.Fatalf("case input: %v", err)
	}
	return in
}

// evalInput is the decision of in, evaluated by the pipeline.
func evalInput(t *testing.T, in *eval.Input) string {
	t.Helper()
	pr, err := eval.Prepare(in, eval.Options{Now: testOptions.Now, AllowUnknownActions: true})
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	return pr.Evaluate().Decision.String()
}
