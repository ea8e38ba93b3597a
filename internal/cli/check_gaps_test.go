package cli

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// A KMS key the snapshot holds without its state (kms:DescribeKey
// unreadable for it, an older snapshot) is not taken as enabled: the
// key-state condition could not be checked (it said "key ... is enabled
// and in the Region", exit 0). A disabled key still fails; an enabled one
// still holds.
func TestCheckKeyStateUnknown(t *testing.T) {
	t.Parallel()
	withState := func(state string, us ...account.Unreadable) string {
		return mutatedSnapshot(t, checkVault, func(s *account.Snapshot) {
			for i := range s.KMSKeys {
				s.KMSKeys[i].KeyState = state
			}
			s.Unreadable = us
		})
	}
	describe := account.Unreadable{Service: "kms", Call: "DescribeKey", Region: "eu-west-1", Error: "AccessDeniedException"}
	for _, tt := range []struct {
		name, snap string
		code       int
		want, not  string
	}{
		{"no state", withState(""), ExitUnchecked,
			"State of KMS key " + vaultKey + " (--kms-key) is unknown: the snapshot does not record it.", "is enabled"},
		{"no state, DescribeKey unreadable", withState("", describe), ExitUnchecked,
			"State of KMS key " + vaultKey + " (--kms-key) is unknown: kms:DescribeKey was denied when the snapshot was taken.", "is enabled"},
		{"disabled", withState("Disabled"), ExitDenied, "is Disabled", "is enabled"},
		{"enabled", withState("Enabled"), ExitOK, "is enabled and in the Region", "could not"},
	} {
		out, errOut, code := runCLI(t, "", "check", "create-vault", "--snapshot", tt.snap, "--vault", "V", "--kms-key", vaultKey,
			"--as", acct+"user/vaultadmin", "--lang", "en")
		if code != tt.code || !strings.Contains(out, tt.want) || strings.Contains(out, tt.not) {
			t.Errorf("%s: exit %d, want %d with %q and without %q:\n%s%s", tt.name, code, tt.code, tt.want, tt.not, out, errOut)
		}
	}
}

// A role the snapshot holds while the call that gives a role's policies
// was unreadable (a snapshot written by another tool, or pieced together)
// is not taken as fully read: its identity-policy verdict could not be
// checked (it was evaluated with the policies listed: exit 0). A denial
// the policies it has prove (a permissions boundary's) stands.
func TestCheckRolePoliciesUnreadable(t *testing.T) {
	t.Parallel()
	for _, call := range []string{"ListRoles", "GetRole", "ListRolePolicies", "GetRolePolicy", "ListAttachedRolePolicies", "GetAccountAuthorizationDetails"} {
		snap := unreadableSnapshot(t, checkRestore, account.Unreadable{Service: "iam", Call: call, Error: "AccessDenied"})
		out, errOut, code := runCLI(t, "", "check", "restore", "--snapshot", snap, "--as", acct+"user/operator", "--role", acct+"role/ManagedRestoreRole",
			"--recovery-point", rpEC2, "--instance-role", "none", "--lang", "en")
		if code != ExitUnchecked || !strings.Contains(out, "IAM users, roles and their policies unknown: iam:"+call+" was denied") ||
			strings.Contains(out, "would be allowed") {
			t.Errorf("iam:%s unreadable: exit %d, want %d naming it:\n%s%s", call, code, ExitUnchecked, out, errOut)
		}
		out, errOut, code = runCLI(t, "", "check", "restore", "--snapshot", snap, "--role", acct+"role/BoundedRestoreRole",
			"--recovery-point", rpEC2, "--lang", "en")
		if code != ExitDenied || !strings.Contains(out, "no permissions boundary allows the iam:PassRole action") {
			t.Errorf("iam:%s unreadable, boundary denial: exit %d, want %d:\n%s%s", call, code, ExitDenied, out, errOut)
		}
	}
	// A call that reads no IAM principal's policies changes nothing.
	snap := unreadableSnapshot(t, checkRestore, account.Unreadable{Service: "sts", Call: "GetCallerIdentity", Error: "AccessDenied"})
	out, errOut, code := runCLI(t, "", "check", "restore", "--snapshot", snap, "--as", acct+"user/operator", "--role", acct+"role/ManagedRestoreRole",
		"--recovery-point", rpEC2, "--instance-role", "none", "--lang", "en")
	if code != ExitOK {
		t.Errorf("sts:GetCallerIdentity unreadable: exit %d, want %d:\n%s%s", code, ExitOK, out, errOut)
	}
}

// A --role ARN with a path names the role of that path: the snapshot's
// same-named role of another path is not it (it was taken for it: exit 0).
// An ARN without a path still finds the role by name.
func TestCheckRoleARNPath(t *testing.T) {
	t.Parallel()
	snap := mutatedSnapshot(t, checkRestore, func(s *account.Snapshot) {
		for i := range s.Roles {
			if s.Roles[i].Name == "CustomRestoreRole" {
				s.Roles[i].Path = "/service-role/"
				s.Roles[i].ARN = acct + "role/service-role/CustomRestoreRole"
			}
		}
	})
	for _, tt := range []struct {
		role string
		code int
	}{
		{acct + "role/service-role/ManagedRestoreRole", ExitUnchecked}, // snapshot: role/ManagedRestoreRole
		{acct + "role/other/CustomRestoreRole", ExitUnchecked},         // snapshot: role/service-role/CustomRestoreRole
		{acct + "role/service-role/CustomRestoreRole", ExitOK},
		{acct + "role/CustomRestoreRole", ExitOK},
		{acct + "role/ManagedRestoreRole", ExitOK},
	} {
		out, errOut, code := runCLI(t, "", "check", "restore", "--snapshot", snap, "--as", acct+"user/operator", "--role", tt.role,
			"--recovery-point", rpEC2, "--instance-role", "none", "--lang", "en")
		want := "Role " + tt.role + " (--role) is not in the snapshot."
		if code != tt.code || strings.Contains(out, want) != (tt.code == ExitUnchecked) {
			t.Errorf("--role %s: exit %d, want %d (%q iff could not check):\n%s%s", tt.role, code, tt.code, want, out, errOut)
		}
	}
}
