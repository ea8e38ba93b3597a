package audit

import (
	"testing"
)

// A --role the snapshot lacks leaves the recovery points it restores
// could not be checked, with the cause and suggestion check gives
// (preflight.UnknownRole); the selections, which restore with their own
// role, are audited as usual.
func TestUnknownRoleFlag(t *testing.T) {
	typo := "arn:aws:iam::111122223333:role/ManagedRestoreRol"
	rep := Run(load(t, "clean"), Options{Now: now, Role: typo})
	if rep.Summary.Unchecked != 2 || rep.Summary.Passed != 1 || rep.Summary.Failed != 0 || rep.OK {
		t.Fatalf("summary %+v", rep.Summary)
	}
	for _, it := range rep.Items {
		if it.Kind != KindRecoveryPoint || len(it.Unchecked) == 0 {
			t.Fatalf("item %+v", it)
		}
		g := it.Unchecked[0]
		want := []string{typo, "--role", "arn:aws:iam::111122223333:role/ManagedRestoreRole"}
		if g.RuleID != RuleUnknownRole || g.MsgID != "audit.gap.unknown-role.flag.suggest" || len(g.Args) != 3 ||
			g.Args[0] != want[0] || g.Args[1] != want[1] || g.Args[2] != want[2] {
			t.Errorf("%s: first gap %+v, want %s %v", it.ARN, g, "audit.gap.unknown-role.flag.suggest", want)
		}
	}
	// No role it resembles: no suggestion.
	rep = Run(load(t, "clean"), Options{Now: now, Role: "arn:aws:iam::111122223333:role/Xyzzy"})
	if g := rep.Items[0].Unchecked[0]; g.MsgID != "audit.gap.unknown-role.flag" || len(g.Args) != 2 {
		t.Errorf("gap %+v", g)
	}
}

// A caller (--as) the snapshot lacks leaves every item whose requests it
// makes could not be checked, worded as check words it.
func TestUnknownCallerFlag(t *testing.T) {
	rep := Run(load(t, "clean"), Options{Now: now, Caller: "arn:aws:iam::111122223333:user/operatr"})
	if rep.Summary.Unchecked != 3 || rep.Summary.Passed != 0 || rep.OK {
		t.Fatalf("summary %+v", rep.Summary)
	}
	for _, it := range rep.Items {
		g := it.Unchecked[0]
		if g.RuleID != RuleUnknownPrincipal || g.MsgID != "audit.gap.unknown-principal.flag" || len(g.Args) != 2 ||
			g.Args[0] != "arn:aws:iam::111122223333:user/operatr" || g.Args[1] != "--as" {
			t.Errorf("%s: first gap %+v", it.ARN, g)
		}
	}
}
