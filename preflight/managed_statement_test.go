package preflight

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/catalog/managed"
)

// managedStatement returns the statement sid of the AWS managed policy pol as
// a one-statement policy document.
func managedStatement(t *testing.T, pol, sid string) (json.RawMessage, bool) {
	t.Helper()
	p, ok := managed.Lookup(pol)
	if !ok {
		return nil, false
	}
	var doc struct {
		Version   string
		Statement []json.RawMessage
	}
	if err := json.Unmarshal(p.Document, &doc); err != nil {
		t.Fatalf("%s: %v", pol, err)
	}
	for _, s := range doc.Statement {
		var head struct{ Sid string }
		if err := json.Unmarshal(s, &head); err != nil {
			t.Fatalf("%s: %v", pol, err)
		}
		if head.Sid == sid {
			one, err := json.Marshal(map[string]any{"Version": doc.Version, "Statement": []json.RawMessage{s}})
			if err != nil {
				t.Fatal(err)
			}
			return one, true
		}
	}
	return nil, false
}

// A requirement that cites "Policy/Sid" must be allowed by that statement
// alone: a Sid that exists but grants the action elsewhere in the policy (or
// on another resource, or under conditions the request does not meet) is a
// wrong citation, which the policy-level test cannot see.
func TestManagedPolicyRequirementsAreAllowedByTheirStatement(t *testing.T) {
	vals := representativeParams()
	var bad []string
	checked := 0
	for _, op := range backupops.All() {
		for _, r := range op.Requirements {
			pol, sid, ok := strings.Cut(r.Statement, "/")
			if !ok || r.Principal != backupops.JobRole {
				continue
			}
			stmt, found := managedStatement(t, pol, sid)
			if !found {
				bad = append(bad, fmt.Sprintf("%s: %s cites %s, which has no statement %q", op.ID, r.Action, r.Statement, sid))
				continue
			}
			cr, res, ok := evaluateCited(t, op, r, vals, fmt.Sprintf(`"inline": {"stmt": %s}`, stmt))
			if !ok {
				continue // a parameter this table does not give
			}
			checked++
			if !identityAllows(res) {
				bad = append(bad, fmt.Sprintf("%s: %s on %s (context %v) cites %s but that statement gives %s", op.ID, cr.Action, cr.Resource, cr.Context, r.Statement, res.Verdict))
			}
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
	if checked < 50 {
		t.Fatalf("only %d requirements checked: the test no longer sees the catalog", checked)
	}
	t.Logf("%d managed-policy statement citations checked", checked)
}
