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

// scpLevelWithoutAllow is checkRestore with the account's SCP level
// holding only a Deny of something else (its FullAWSAccess not listed,
// as when organizations:DescribePolicy failed for the SCP that allows),
// and the unreadable calls us.
func scpLevelWithoutAllow(t *testing.T, us ...account.Unreadable) string {
	return mutatedSnapshot(t, checkRestore, func(s *account.Snapshot) {
		o := s.Organization
		for i := range o.Policies {
			o.Policies[i].Targets = []string{o.RootID}
		}
		o.Policies = append(o.Policies, account.OrgPolicy{ID: "p-noleave", Name: "NoLeave", Type: account.SCP, Targets: []string{s.AccountID},
			Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}`)})
		s.Unreadable = us
	})
}

// An SCP level without an allow while an Organizations call was
// unreadable proves no denial: the SCP that allows may be the one the
// snapshot could not read. check says could not check (exit 4) naming the
// call; before, it said denied by the SCP (exit 1). With every SCP read it
// is a denial; an explicit SCP deny stands either way.
func TestCheckSCPLevelUnreadable(t *testing.T) {
	t.Parallel()
	args := func(snap string) []string {
		return []string{"check", "restore", "--snapshot", snap, "--as", acct + "user/operator", "--role", acct + "role/ManagedRestoreRole",
			"--recovery-point", rpEC2, "--instance-role", "none", "--lang", "en"}
	}
	out, errOut, code := runCLI(t, "", args(scpLevelWithoutAllow(t))...)
	if code != ExitDenied {
		t.Fatalf("every SCP read: exit %d, want %d:\n%s%s", code, ExitDenied, out, errOut)
	}
	describe := account.Unreadable{Service: "organizations", Call: "DescribePolicy", Error: "AccessDenied"}
	out, errOut, code = runCLI(t, "", args(scpLevelWithoutAllow(t, describe))...)
	if code != ExitUnchecked || !strings.Contains(out, "SCPs unknown: organizations:DescribePolicy was denied when the snapshot was taken.") {
		t.Errorf("DescribePolicy unreadable: exit %d, want %d naming the call:\n%s%s", code, ExitUnchecked, out, errOut)
	}
	deny := mutatedSnapshot(t, checkRestore, func(s *account.Snapshot) {
		s.Organization.Policies = append(s.Organization.Policies, account.OrgPolicy{ID: "p-norun", Name: "NoRun", Type: account.SCP, Targets: []string{s.Organization.RootID},
			Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:RunInstances","Resource":"*"}]}`)})
		s.Unreadable = []account.Unreadable{describe}
	})
	out, errOut, code = runCLI(t, "", args(deny)...)
	if code != ExitDenied || !strings.Contains(out, "ec2:RunInstances") {
		t.Errorf("an SCP's explicit deny, DescribePolicy unreadable: exit %d, want %d:\n%s%s", code, ExitDenied, out, errOut)
	}
}

// explain --snapshot with an IAM call unreadable: the explicit deny the
// snapshot holds still refuses the request (exit 1), but its fix is not said
// verified against the known policies (some may be missing); before, the
// snapshot's plan was shown as verified against them.
func TestExplainSnapshotIAMUnreadableFix(t *testing.T) {
	t.Parallel()
	snap := func(us ...account.Unreadable) string {
		return mutatedSnapshot(t, checkRestore, func(s *account.Snapshot) {
			for i := range s.Roles {
				if s.Roles[i].Name == "ManagedRestoreRole" {
					s.Roles[i].InlinePolicies = append(s.Roles[i].InlinePolicies, account.InlinePolicy{Name: "no-run",
						Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Sid":"NoRun","Effect":"Deny","Action":"ec2:RunInstances","Resource":"*"}]}`)})
				}
			}
			s.Unreadable = us
		})
	}
	const msg = "User: arn:aws:sts::111122223333:assumed-role/ManagedRestoreRole/AWSBackup-ManagedRestoreRole is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:111122223333:instance/* with an explicit deny in an identity-based policy"
	out, errOut, code := runCLI(t, "", "explain", "--lang", "en", "--snapshot", snap(), msg)
	if code != ExitDenied || !strings.Contains(out, "against the known policies") {
		t.Fatalf("all read: exit %d, want 1 and the fix verified against the known policies:\n%s%s", code, out, errOut)
	}
	out, errOut, code = runCLI(t, "", "explain", "--lang", "en", "--snapshot", snap(account.Unreadable{Service: "iam", Call: "ListRolePolicies", Error: "AccessDenied"}), msg)
	if code != ExitDenied || strings.Contains(out, "against the known policies") || !strings.Contains(out, "explicit deny") {
		t.Errorf("iam:ListRolePolicies unreadable: exit %d, want 1 with the explicit deny and no fix verified against the known policies:\n%s%s", code, out, errOut)
	}
}

// A managed policy the snapshot names for a role but lacks while an IAM
// call was unreadable (iam:GetPolicyVersion) is left out, not an error:
// the explicit deny of an inline policy the snapshot holds is a denial
// (exit 1); before, the whole request could not be evaluated ("managed
// policy ... is not in the snapshot", exit 4). Nothing unreadable, the
// missing policy is still an error.
func TestCheckManagedPolicyHidden(t *testing.T) {
	t.Parallel()
	snap := func(us ...account.Unreadable) string {
		return mutatedSnapshot(t, checkRestore, func(s *account.Snapshot) {
			for i := range s.Roles {
				if s.Roles[i].Name == "ManagedRestoreRole" {
					s.Roles[i].ManagedPolicies = append(s.Roles[i].ManagedPolicies, "arn:aws:iam::111122223333:policy/Unread")
					s.Roles[i].InlinePolicies = append(s.Roles[i].InlinePolicies, account.InlinePolicy{Name: "no-run",
						Document: account.Document(`{"Version":"2012-10-17","Statement":[{"Sid":"NoRun","Effect":"Deny","Action":"ec2:RunInstances","Resource":"*"}]}`)})
				}
			}
			s.Unreadable = us
		})
	}
	args := func(snap string) []string {
		return []string{"check", "restore", "--snapshot", snap, "--as", acct + "user/operator", "--role", acct + "role/ManagedRestoreRole",
			"--recovery-point", rpEC2, "--instance-role", "none", "--lang", "en"}
	}
	out, errOut, code := runCLI(t, "", args(snap(account.Unreadable{Service: "iam", Call: "GetPolicyVersion", Error: "AccessDenied"}))...)
	if code != ExitDenied || !strings.Contains(out, "ec2:RunInstances") || !strings.Contains(out, "explicit deny") {
		t.Errorf("iam:GetPolicyVersion unreadable: exit %d, want %d with the explicit deny:\n%s%s", code, ExitDenied, out, errOut)
	}
	out, errOut, code = runCLI(t, "", args(snap())...)
	if code != ExitUnchecked || !strings.Contains(out, "arn:aws:iam::111122223333:policy/Unread") {
		t.Errorf("nothing unreadable: exit %d, want %d naming the missing policy:\n%s%s", code, ExitUnchecked, out, errOut)
	}
}
