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

// An sts:AssumeRole message that names no policy type gives two candidate
// fixes; with a snapshot the evaluation says which layer refuses, and its
// plan replaces the candidates and the note that presents them (it stayed,
// "The two fixes are candidates", above the one fix left).
func TestExplainSnapshotAssumeRoleCandidatesReplaced(t *testing.T) {
	t.Parallel()
	const snap = "../../testdata/check/permissive.json"
	in := "User: arn:aws:iam::111122223333:user/operator is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/BackupRole\n"
	out, errOut, _ := runCLI(t, in, "explain", "--lang", "en", "--no-decode")
	if !strings.Contains(out, "The two fixes are candidates") || strings.Count(out, "Candidate: ") != 2 {
		t.Errorf("without a snapshot: want the two candidates and their note:\n%s%s", out, errOut)
	}
	out, errOut, code := runCLI(t, in, "explain", "--snapshot", snap, "--lang", "en")
	if code != ExitDenied || strings.Contains(out, "The two fixes are candidates") || strings.Contains(out, "Candidate: ") || !strings.Contains(out, "Fix 1 ") || strings.Contains(out, "Fix 2 ") {
		t.Errorf("with the snapshot: exit %d, want %d and its one fix alone:\n%s%s", code, ExitDenied, out, errOut)
	}
}
