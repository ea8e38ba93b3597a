package cli

import (
	"strings"
	"testing"
)

// An AssumeRole denial on a role the snapshot lacks could not be checked:
// the role's trust policy, which must allow the caller, is unknown. It
// was evaluated without one: "the engine also refuses the request ... in
// the resource-based policy", exit 1, for a role that may trust the
// caller. A role the snapshot holds is judged by its trust policy.
func TestExplainSnapshotAssumeRoleUnknownRole(t *testing.T) {
	t.Parallel()
	const snap = "../../testdata/check/permissive.json"
	msg := func(role string) string {
		return "User: arn:aws:iam::111122223333:user/operator is not authorized to perform: sts:AssumeRole on resource: " + role + "\n"
	}
	for _, role := range []string{"arn:aws:iam::111122223333:role/NoSuchRole", "arn:aws:iam::444455556666:role/Remote"} {
		out, errOut, code := runCLI(t, msg(role), "explain", "--snapshot", snap, "--lang", "en")
		if code != ExitUnchecked || !strings.Contains(out, "is not in the snapshot") || strings.Contains(out, "engine also refuses") {
			t.Errorf("%s: exit %d, want %d and the role not in the snapshot:\n%s%s", role, code, ExitUnchecked, out, errOut)
		}
	}
	// BackupRole trusts backup.amazonaws.com only: its trust policy denies.
	out, errOut, code := runCLI(t, msg("arn:aws:iam::111122223333:role/BackupRole"), "explain", "--snapshot", snap, "--lang", "en")
	if code != ExitDenied || !strings.Contains(out, "engine also refuses") {
		t.Errorf("BackupRole: exit %d, want %d and a refusal:\n%s%s", code, ExitDenied, out, errOut)
	}
}
