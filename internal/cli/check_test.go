package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/preflight"
)

const (
	checkRestore = "../../testdata/check/restore.json"
	checkVault   = "../../testdata/check/create-vault.json"
	acct         = "arn:aws:iam::111122223333:"
	rpEC2        = "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ec2"
	vaultKey     = "arn:aws:kms:eu-west-1:111122223333:key/1111aaaa-11aa-11aa-11aa-111111111111"
	lockedKey    = "arn:aws:kms:eu-west-1:111122223333:key/2222bbbb-22bb-22bb-22bb-222222222222"
)

// The reference cases, end to end: exit code, the operation chosen, and for
// a denial the action, deciding layer, AWS message and a verified fix.
func TestCheckReference(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		args    []string
		code    int
		op      string
		action  string // denied action
		layer   string // its deciding layer
		message string // its AWS message
		policy  string // the deciding policy, when a statement decides
		golden  string
	}{
		{name: "restore-custom-role", code: 1, op: "restore/EC2/original-role",
			args:    []string{checkRestore, "--as", acct + "user/operator", "--role", acct + "role/CustomRestoreRole", "--recovery-point", rpEC2},
			action:  "iam:PassRole",
			layer:   "identity",
			message: "User: arn:aws:sts::111122223333:assumed-role/CustomRestoreRole/AWSBackup-CustomRestoreRole is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/AppRole because no identity-based policy allows the iam:PassRole action",
			golden:  "restore-custom-role"},
		{name: "restore-custom-role-no-instance-role", code: 0, op: "restore/EC2",
			args: []string{checkRestore, "--as", acct + "user/operator", "--role", acct + "role/CustomRestoreRole", "--recovery-point", rpEC2, "--instance-role", "none"}},
		{name: "restore-managed-policy", code: 0, op: "restore/EC2/original-role",
			args: []string{checkRestore, "--as", acct + "user/operator", "--role", acct + "role/ManagedRestoreRole", "--recovery-point", rpEC2}},
		{name: "restore-boundary", code: 1, op: "restore/EC2/original-role",
			args:    []string{checkRestore, "--role", acct + "role/BoundedRestoreRole", "--recovery-point", rpEC2},
			action:  "iam:PassRole",
			layer:   "permissionsBoundary",
			message: "User: arn:aws:sts::111122223333:assumed-role/BoundedRestoreRole/AWSBackup-BoundedRestoreRole is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/AppRole because no permissions boundary allows the iam:PassRole action"},
		{name: "restore-untrusted-role", code: 1, op: "restore/EC2",
			args:   []string{checkRestore, "--role", acct + "role/UntrustedRestoreRole", "--resource-type", "EC2", "--recovery-point", rpEC2, "--instance-role", "none"},
			action: "sts:AssumeRole", layer: "resource"},
		{name: "create-vault-ok", code: 0, op: "create-vault/cmk",
			args: []string{checkVault, "--vault", "V", "--kms-key", vaultKey, "--as", acct + "user/vaultadmin"}},
		{name: "create-vault-alias-and-vault-arn", code: 0, op: "create-vault/cmk",
			args: []string{checkVault, "--vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:V", "--kms-key", "alias/vault-key", "--as", acct + "user/vaultadmin"}},
		{name: "create-vault-identity", code: 1, op: "create-vault/cmk",
			args:    []string{checkVault, "--vault", "V", "--kms-key", vaultKey, "--as", acct + "user/nokms"},
			action:  "kms:CreateGrant",
			layer:   "identity",
			message: "User: arn:aws:iam::111122223333:user/nokms is not authorized to perform: kms:CreateGrant on resource: " + vaultKey + " because no identity-based policy allows the kms:CreateGrant action"},
		{name: "create-vault-boundary", code: 1, op: "create-vault/cmk",
			args:   []string{checkVault, "--vault", "V", "--kms-key", vaultKey, "--as", acct + "user/bounded"},
			action: "kms:CreateGrant", layer: "permissionsBoundary"},
		{name: "create-vault-scp", code: 1, op: "create-vault/cmk",
			args:    []string{checkVault, "--vault", "V", "--kms-key", vaultKey, "--as", acct + "user/contractor-1"},
			action:  "kms:CreateGrant",
			layer:   "scp",
			message: "User: arn:aws:iam::111122223333:user/contractor-1 is not authorized to perform: kms:CreateGrant on resource: " + vaultKey + " with an explicit deny in a service control policy",
			policy:  "DenyContractorKMS",
			golden:  "create-vault-scp"},
		{name: "create-vault-key-policy", code: 1, op: "create-vault/cmk",
			args:   []string{checkVault, "--vault", "V", "--kms-key", lockedKey, "--as", acct + "user/vaultadmin"},
			action: "kms:CreateGrant", layer: "resource"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"check", "restore", "--snapshot"}, tt.args...)
			if strings.Contains(tt.name, "vault") {
				args[1] = "create-vault"
			}
			out, errOut, code := runCLI(t, "", append(args, "--format", "json")...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s\n%s", code, tt.code, errOut, out)
			}
			var rep checkReport
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.SchemaVersion != preflight.SchemaVersion || rep.Operation != tt.op {
				t.Errorf("schema %q operation %q, want %q", rep.SchemaVersion, rep.Operation, tt.op)
			}
			if tt.action == "" {
				if !rep.OK || rep.Passed != rep.Total || rep.Total == 0 {
					t.Errorf("want every requirement to pass: %d of %d", rep.Passed, rep.Total)
				}
			} else {
				var found bool
				for _, r := range rep.Results {
					if r.Verdict != preflight.ImplicitDeny && r.Verdict != preflight.ExplicitDeny {
						continue
					}
					if r.Layer != tt.layer {
						t.Errorf("%s denied by %s, want %s", r.Action, r.Layer, tt.layer)
					}
					if r.Plan == nil || len(r.Plan.Fixes) == 0 || !r.Plan.Verified || r.Plan.Fixes[0].Render.PolicyJSON == "" || len(r.Plan.Fixes[0].Render.CLI) == 0 || !r.Plan.Fixes[0].Verified {
						t.Errorf("%s: no verified fix with policy and CLI: %+v", r.Action, r.Plan)
					}
					if r.Action != tt.action {
						continue
					}
					found = true
					if tt.message != "" && r.Message != tt.message {
						t.Errorf("message\n got %s\nwant %s", r.Message, tt.message)
					}
					if tt.policy != "" && (len(r.Deciding) == 0 || r.Deciding[0].Policy != tt.policy) {
						t.Errorf("deciding %+v, want policy %s", r.Deciding, tt.policy)
					}
					if r.Plan == nil || len(r.Plan.Fixes) == 0 || !r.Plan.Verified || r.Plan.Fixes[0].Render.PolicyJSON == "" || len(r.Plan.Fixes[0].Render.CLI) == 0 || !r.Plan.Fixes[0].Verified {
						t.Errorf("no verified fix with policy and CLI: %+v", r.Plan)
					}
				}
				if !found {
					t.Errorf("%s not denied by %s", tt.action, tt.layer)
				}
			}
			if tt.golden == "" {
				return
			}
			golden(t, "check/"+tt.golden+".json", out)
			text, errOut, code := runCLI(t, "", append(args, "--lang", "en")...)
			if code != tt.code {
				t.Fatalf("text: exit %d: %s", code, errOut)
			}
			golden(t, "check/"+tt.golden+".txt", text)
		})
	}
}

// checkReport is the part of the JSON report the tests read.
type checkReport struct {
	SchemaVersion string `json:"schemaVersion"`
	Operation     string `json:"operation"`
	Passed, Total int
	OK            bool `json:"ok"`
	Results       []struct {
		Action   string                    `json:"action"`
		Verdict  string                    `json:"verdict"`
		Layer    string                    `json:"layer"`
		Message  string                    `json:"message"`
		Deciding []struct{ Policy string } `json:"deciding"`
		Plan     *struct {
			Verified bool `json:"verified"`
			Fixes    []struct {
				Verified bool `json:"verified"`
				Render   struct {
					PolicyJSON string   `json:"policyJson"`
					CLI        []string `json:"cli"`
				} `json:"render"`
			} `json:"fixes"`
		} `json:"fix"`
	} `json:"results"`
}

func TestCheckTextNamesLayerAndFix(t *testing.T) {
	t.Parallel()
	out, _, code := runCLI(t, "", "check", "create-vault", "--snapshot", checkVault, "--vault", "V", "--kms-key", vaultKey, "--as", acct+"user/bounded")
	if code != ExitDenied {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"of 7 requirements pass", "permissions boundary", "AWS says:", "aws iam create-policy-version", "verified by the engine"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	ja, _, _ := runCLI(t, "", "check", "create-vault", "--snapshot", checkVault, "--vault", "V", "--kms-key", vaultKey, "--as", acct+"user/bounded", "--lang", "ja")
	for _, want := range []string{"プリンシパル", "件の要件を満たしています", "アクセス許可の境界"} {
		if !strings.Contains(ja, want) {
			t.Errorf("Japanese text lacks %q:\n%s", want, ja)
		}
	}
	md, _, _ := runCLI(t, "", "check", "create-vault", "--snapshot", checkVault, "--vault", "V", "--kms-key", vaultKey, "--as", acct+"user/bounded", "--format", "markdown")
	if !strings.Contains(md, "| PRINCIPAL |") || !strings.Contains(md, "```json") {
		t.Errorf("markdown output:\n%s", md)
	}
}

func TestCheckErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"check", "--snapshot", checkRestore}, "check takes one OPERATION"},
		{[]string{"check", "frobnicate", "--snapshot", checkRestore}, "unknown operation"},
		{[]string{"check", "restore", "--snapshot", checkRestore}, "restore needs --recovery-point or --resource-type"},
		{[]string{"check", "restore", "--snapshot", checkRestore, "--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:nope"}, "not in the snapshot"},
		{[]string{"check", "restore", "--snapshot", checkRestore, "--recovery-point", rpEC2, "--instance-role", "AppRole"}, "--instance-role must be original, none or a role ARN"},
		// A flag that contradicts what the recovery point records would
		// check another operation, vault or key (was: exit 0, a restore of
		// an EC2 instance checked for an EBS recovery point).
		{[]string{"check", "restore", "--snapshot", "../../testdata/check/permissive.json", "--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs", "--resource-type", "EC2"}, "--resource-type EC2 is not the type of recovery point"},
		{[]string{"check", "restore", "--snapshot", "../../testdata/check/permissive.json", "--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs", "--vault", "Second"}, "--vault Second is not the vault of recovery point"},
		{[]string{"check", "restore/EC2", "--snapshot", "../../testdata/check/permissive.json", "--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs"}, "operation restore/EC2 restores or backs up EC2, but recovery point"},
		{[]string{"check", "restore/EC2", "--snapshot", "../../testdata/check/permissive.json", "--resource-type", "RDS", "--vault", "Default"}, "operation restore/EC2 restores or backs up EC2, not --resource-type RDS"},
		// A resource or destination flag that contradicts an ARN given
		// (was: exit 0 for an RDS database backed up as an EBS volume,
		// exit 1 for another account's volume, and a copy's
		// --destination-region/--destination-account silently overruled).
		{[]string{"check", "backup/EBS", "--snapshot", "../../testdata/check/permissive.json", "--vault", "Default", "--resource-arn", "arn:aws:rds:eu-west-1:111122223333:db:db1"}, "is not a resource of type EBS"},
		{[]string{"check", "backup/EBS", "--snapshot", "../../testdata/check/permissive.json", "--vault", "Default", "--resource-arn", "arn:aws:ec2:eu-west-1:444455556666:volume/vol-0123456789abcdef0"}, "is of account 444455556666, not of the snapshot's account 111122223333"},
		{[]string{"check", "backup/EBS", "--snapshot", "../../testdata/check/permissive.json", "--vault", "Default", "--region", "eu-west-1", "--resource-arn", "arn:aws:ec2:us-east-1:111122223333:volume/vol-0123456789abcdef0"}, "is in us-east-1, not in --region eu-west-1"},
		{[]string{"check", "copy", "--snapshot", "../../testdata/check/permissive.json", "--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs", "--destination-vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:Second", "--destination-region", "us-east-1"}, "--destination-region us-east-1 is not the Region of --destination-vault"},
		{[]string{"check", "copy", "--snapshot", "../../testdata/check/permissive.json", "--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs", "--destination-vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:Second", "--destination-account", "444455556666"}, "--destination-account 444455556666 is not the account of --destination-vault"},
		{[]string{"check", "copy", "--snapshot", "../../testdata/check/permissive.json", "--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs", "--resource-type", "RDS", "--destination-vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:Second"}, "--resource-type RDS is not the type of recovery point"},
		{[]string{"check", "restore", "--snapshot", "nonexistent.json", "--resource-type", "EC2"}, "nonexistent.json"},
		{[]string{"check", "restore", "--snapshot", checkRestore, "--format", "xml"}, "--format must be"},
		// Usage errors come before anything is read: no snapshot and no
		// --live, a misspelled operation, a bad ARN, an unwritable output.
		{[]string{"check", "restore", "--resource-type", "EC2"}, "check needs --snapshot FILE"},
		{[]string{"check", "resotre", "--live"}, `unknown operation "resotre" (did you mean restore?)`},
		{[]string{"check", "restore", "--snapshot", "nonexistent.json", "--live"}, "--snapshot and --live exclude each other"},
		{[]string{"check", "restore", "--live", "--resource-type", "EC3"}, "did you mean EC2?"},
		{[]string{"check", "restore", "--live", "--resource-type", "EC2", "--role", "arn:aws:iam::1111:role/R"}, "account \"1111\" is not 12 digits"},
		{[]string{"check", "restore", "--live", "--resource-type", "EC2", "--recovery-point", "rp-1"}, "--recovery-point: \"rp-1\" is not an ARN"},
		{[]string{"check", "copy", "--live", "--destination-vault", "arn:aws:kms:eu-west-1:111122223333:key/k"}, "is a kms ARN, not a backup one"},
		{[]string{"check", "restore", "--live", "--resource-type", "EC2", "--output", "/nonexistent-dir/report.json"}, "does not exist"},
		{[]string{"check", "restore", "--live", "--resource-type", "EC2", "--instance-profile", "P", "--instance-role", "none"}, "not both"},
		{[]string{"check", "restore", "--live", "--as", "operator", "--resource-type", "EC2"}, `--as: "operator" is not an ARN`},
	} {
		_, errOut, code := runCLI(t, "", tt.args...)
		if code != ExitUsage || !strings.Contains(errOut, tt.msg) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, errOut, ExitUsage, tt.msg)
		}
	}
}

// check collect verifies that a principal may read the account as denied
// collect does.
func TestCheckCollectPermissions(t *testing.T) {
	t.Parallel()
	snap := "../../testdata/check/collect.json"
	_, errOut, code := runCLI(t, "", "check", "collect", "--snapshot", snap, "--as", "arn:aws:iam::111122223333:user/auditor")
	if code != ExitOK {
		t.Errorf("auditor: exit %d, want 0: %s", code, errOut)
	}
	out, _, code := runCLI(t, "", "check", "collect", "--snapshot", snap, "--as", "arn:aws:iam::111122223333:user/dev")
	if code != ExitDenied || !strings.Contains(out, "iam:GetAccountAuthorizationDetails") {
		t.Errorf("dev: exit %d, want 1 naming iam:GetAccountAuthorizationDetails:\n%s", code, out)
	}
	_, errOut, code = runCLI(t, "", "check", "collect", "--snapshot", snap)
	if code != ExitUsage || !strings.Contains(errOut, "--as") {
		t.Errorf("no --as: exit %d, %q", code, errOut)
	}
}

// unreadableSnapshot writes the restore test data in the full form with the
// given unreadable calls, as denied collect records them.
func unreadableSnapshot(t *testing.T, src string, us ...account.Unreadable) string {
	t.Helper()
	return mutatedSnapshot(t, src, func(s *account.Snapshot) { s.Unreadable = us })
}

// mutatedSnapshot writes the test data of src in the full form, changed by
// mutate.
func mutatedSnapshot(t *testing.T, src string, mutate func(*account.Snapshot)) string {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	snap, err := account.LoadShort(f)
	if err != nil {
		t.Fatal(err)
	}
	mutate(snap)
	b, err := json.Marshal(snap)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "snapshot.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every path that used to report a false success ("0 of 0 requirements
// pass ... would be allowed", exit 0) now says could not check, names the
// cause and exits 4.
func TestCheckCouldNotCheck(t *testing.T) {
	t.Parallel()
	denied := "AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/Auditor/s is not authorized to perform: organizations:ListPoliciesForTarget"
	orgSnap := unreadableSnapshot(t, checkRestore, account.Unreadable{Service: "organizations", Call: "ListPoliciesForTarget", Error: denied})
	iamSnap := unreadableSnapshot(t, checkRestore, account.Unreadable{Service: "iam", Call: "GetAccountAuthorizationDetails", Error: "AccessDenied"})
	// Calls the collector does not make, or a service written otherwise,
	// hide what their service gives (they once hid nothing: exit 0).
	listRolesSnap := unreadableSnapshot(t, checkRestore, account.Unreadable{Service: "iam", Call: "ListRoles", Error: "AccessDenied"})
	upperOrgSnap := unreadableSnapshot(t, checkRestore, account.Unreadable{Service: "Organizations", Call: "ListAccounts", Error: "AccessDenied"})
	keysSnap := unreadableSnapshot(t, checkVault, account.Unreadable{Service: "kms", Call: "ListKeys", Region: "eu-west-1", Error: "AccessDeniedException"})
	metaSnap := mutatedSnapshot(t, checkRestore, func(s *account.Snapshot) {
		for i := range s.RecoveryPoints {
			s.RecoveryPoints[i].RestoreMetadata = nil
		}
		s.Unreadable = []account.Unreadable{{Service: "backup", Call: "GetRecoveryPointRestoreMetadata", Region: "eu-west-1", Error: "AccessDeniedException"}}
	})
	rpSnap := mutatedSnapshot(t, checkRestore, func(s *account.Snapshot) {
		s.RecoveryPoints = nil
		s.Unreadable = []account.Unreadable{{Service: "backup", Call: "ListRecoveryPointsByBackupVault", Region: "eu-west-1", Error: "AccessDeniedException"}}
	})
	operator := acct + "user/operator"
	for _, tt := range []struct {
		name       string
		args       []string
		kind       preflight.CauseKind
		suggestion string
		text       string // in the text output
	}{
		{name: "misspelled-role", kind: preflight.CauseUnknownRole, suggestion: acct + "role/CustomRestoreRole",
			args: []string{"restore", "--snapshot", checkRestore, "--as", operator, "--role", acct + "role/CustomRestoreRoel", "--recovery-point", rpEC2, "--instance-role", "none"},
			text: "Role arn:aws:iam::111122223333:role/CustomRestoreRoel (--role) is not in the snapshot. Did you mean arn:aws:iam::111122223333:role/CustomRestoreRole?"},
		{name: "role-name", kind: preflight.CauseUnknownRole, suggestion: acct + "role/CustomRestoreRole",
			args: []string{"restore", "--snapshot", checkRestore, "--as", operator, "--role", "CustomRestoreRole", "--recovery-point", rpEC2, "--instance-role", "none"},
			text: "Did you mean arn:aws:iam::111122223333:role/CustomRestoreRole?"},
		{name: "unknown-caller", kind: preflight.CauseUnknownPrincipal,
			args: []string{"restore", "--snapshot", checkRestore, "--as", acct + "user/nobody", "--role", acct + "role/ManagedRestoreRole", "--recovery-point", rpEC2, "--instance-role", "none"},
			text: "Principal arn:aws:iam::111122223333:user/nobody (--as) is not in the snapshot."},
		{name: "unreadable-scps", kind: preflight.CauseUnreadable,
			args: []string{"restore", "--snapshot", orgSnap, "--as", operator, "--role", acct + "role/ManagedRestoreRole", "--recovery-point", rpEC2, "--instance-role", "none"},
			text: "SCPs unknown: organizations:ListPoliciesForTarget was denied when the snapshot was taken."},
		{name: "unreadable-iam-other-call", kind: preflight.CauseUnreadable,
			args: []string{"restore", "--snapshot", listRolesSnap, "--as", operator, "--role", acct + "role/NotCollected", "--recovery-point", rpEC2, "--instance-role", "none"},
			text: "iam:ListRoles was denied"},
		{name: "unreadable-org-other-call", kind: preflight.CauseUnreadable,
			args: []string{"restore", "--snapshot", upperOrgSnap, "--as", operator, "--role", acct + "role/ManagedRestoreRole", "--recovery-point", rpEC2, "--instance-role", "none"},
			text: "Organizations:ListAccounts was denied"},
		{name: "unreadable-iam", kind: preflight.CauseUnreadable,
			args: []string{"restore", "--snapshot", iamSnap, "--as", operator, "--role", acct + "role/NotCollected", "--recovery-point", rpEC2, "--instance-role", "none"},
			text: "IAM users, roles and their policies unknown: iam:GetAccountAuthorizationDetails was denied"},
		{name: "unreadable-restore-metadata", kind: preflight.CauseUnreadable,
			args: []string{"restore", "--snapshot", metaSnap, "--as", operator, "--role", acct + "role/ManagedRestoreRole", "--recovery-point", rpEC2},
			text: "Restore metadata unknown: backup:GetRecoveryPointRestoreMetadata was denied when the snapshot was taken."},
		{name: "unreadable-recovery-points", kind: preflight.CauseUnreadable,
			args: []string{"restore", "--snapshot", rpSnap, "--as", operator, "--role", acct + "role/ManagedRestoreRole", "--recovery-point", rpEC2, "--resource-type", "EC2", "--vault", "Default", "--instance-role", "none"},
			text: "Recovery points unknown: backup:ListRecoveryPointsByBackupVault was denied when the snapshot was taken."},
		{name: "unknown-vault", kind: preflight.CauseUnknownVault,
			args: []string{"put-vault-policy", "--snapshot", checkRestore, "--as", operator, "--vault", "NoSuchVault"},
			text: "Backup vault arn:aws:backup:eu-west-1:111122223333:backup-vault:NoSuchVault (--vault) is not in the snapshot."},
		{name: "unknown-key", kind: preflight.CauseUnknownKey,
			args: []string{"create-vault", "--snapshot", checkVault, "--vault", "V", "--kms-key", "arn:aws:kms:eu-west-1:111122223333:key/9999ffff-99ff-99ff-99ff-999999999999", "--as", acct + "user/vaultadmin"},
			text: "KMS key arn:aws:kms:eu-west-1:111122223333:key/9999ffff-99ff-99ff-99ff-999999999999 (--kms-key) is not in the snapshot."},
		{name: "unreadable-keys", kind: preflight.CauseUnreadable,
			args: []string{"create-vault", "--snapshot", keysSnap, "--vault", "V", "--kms-key", "arn:aws:kms:eu-west-1:111122223333:key/9999ffff-99ff-99ff-99ff-999999999999", "--as", acct + "user/vaultadmin"},
			text: "KMS keys unknown: kms:ListKeys was denied when the snapshot was taken."},
		{name: "unknown-instance-profile", kind: preflight.CauseUnknownInstanceProfile,
			args: []string{"restore", "--snapshot", checkRestore, "--as", operator, "--role", acct + "role/ManagedRestoreRole", "--resource-type", "EC2", "--vault", "Default", "--instance-profile", "NoSuchProfile"},
			text: "Instance profile NoSuchProfile (--instance-profile) is not in the snapshot or has no role."},
		{name: "what-if-without-vault", kind: preflight.CauseMissingParameter,
			args: []string{"restore", "--snapshot", checkRestore, "--as", operator, "--role", acct + "role/ManagedRestoreRole", "--resource-type", "EC2", "--instance-role", "none"},
			text: "Missing --vault."},
		{name: "missing-vault", kind: preflight.CauseMissingParameter,
			args: []string{"create-vault", "--snapshot", checkVault, "--as", acct + "user/vaultadmin"},
			text: "Missing --vault."},
		{name: "missing-caller", kind: preflight.CauseMissingParameter,
			args: []string{"restore", "--snapshot", checkRestore, "--role", acct + "role/ManagedRestoreRole", "--recovery-point", rpEC2, "--instance-role", "none"},
			text: "Missing --as."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"check"}, tt.args...)
			out, errOut, code := runCLI(t, "", append(args, "--format", "json")...)
			if code != ExitUnchecked {
				t.Fatalf("exit %d, want %d: %s\n%s", code, ExitUnchecked, errOut, out)
			}
			var rep preflight.Report
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.OK || rep.Status != preflight.StatusCouldNotCheck || (rep.Unchecked+rep.ConditionsUnchecked == 0 && len(rep.Causes) == 0) {
				t.Errorf("status %q ok %v unchecked %d+%d, want couldNotCheck", rep.Status, rep.OK, rep.Unchecked, rep.ConditionsUnchecked)
			}
			var found bool
			for _, c := range rep.Causes {
				if c.Kind == tt.kind && (tt.suggestion == "" || c.Suggestion == tt.suggestion) {
					found = true
				}
			}
			if !found {
				t.Errorf("causes %+v lack %s (suggestion %q)", rep.Causes, tt.kind, tt.suggestion)
			}
			for _, r := range rep.Results {
				if r.Status() == preflight.StatusCouldNotCheck && r.Cause == nil {
					t.Errorf("%s could not be checked without a cause", r.Action)
				}
			}
			for _, format := range []string{"text", "markdown"} {
				text, _, code := runCLI(t, "", append(args, "--format", format, "--lang", "en")...)
				if code != ExitUnchecked || !strings.Contains(text, tt.text) || strings.Contains(text, "would be allowed") {
					t.Errorf("%s: exit %d; want %d, %q and no success:\n%s", format, code, ExitUnchecked, tt.text, text)
				}
			}
		})
	}
}

// --list shows every operation with its resource type and the count of
// conditions decided from a snapshot, in every format.
func TestCheckList(t *testing.T) {
	t.Parallel()
	out, errOut, code := runCLI(t, "", "check", "--list", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep report.OperationList
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	ids := map[string]report.ListEntry{}
	sum := 0
	for _, e := range rep.Operations {
		ids[e.ID] = e
		sum += e.Conditions
	}
	if e, ok := ids["restore/VMware"]; !ok || e.AWSType != "VirtualMachine" {
		t.Errorf("restore/VMware: %+v", e)
	}
	if e := ids["copy/cross-account"]; e.Decided == 0 || e.Decided > e.Conditions || len(e.ConditionList) != e.Conditions || len(e.Checks) != e.Requests {
		t.Errorf("copy/cross-account decided %d of %d, %d checks of %d", e.Decided, e.Conditions, len(e.Checks), e.Requests)
	}
	if sum != rep.Conditions || rep.Decided == 0 || rep.Decided >= rep.Conditions {
		t.Errorf("totals: decided %d of %d (sum %d)", rep.Decided, rep.Conditions, sum)
	}
	for _, format := range []string{"text", "markdown"} {
		out, _, code := runCLI(t, "", "check", "--list", "--format", format, "--lang", "en")
		if code != ExitOK || !strings.Contains(out, "restore/EC2/instance-role") || !strings.Contains(out, "SAP HANA on Amazon EC2") {
			t.Errorf("%s: exit %d:\n%s", format, code, out)
		}
	}
	golden(t, "check/list.txt", func() string { s, _, _ := runCLI(t, "", "check", "--list", "--lang", "en"); return s }())
}

// --snapshot - reads the snapshot from standard input; --output writes the
// report to a 0600 file.
func TestCheckStdinAndOutput(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(checkVault)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.json")
	out, errOut, code := runCLI(t, string(data), "check", "create-vault", "--snapshot", "-", "--vault", "V", "--kms-key", vaultKey, "--as", acct+"user/vaultadmin", "--format", "json", "--output", path)
	if code != ExitOK || out != "" {
		t.Fatalf("exit %d, stdout %q: %s", code, out, errOut)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("report file: %v %v", fi, err)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), `"status": "allowed"`) {
		t.Errorf("report:\n%s", b)
	}
}

// The README's decided-vs-listed numbers and per-operation table are those
// of `denied check --list`.
func TestCheckListInREADME(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	rep := report.Operations()
	want := "Of the " + strconv.Itoa(rep.Conditions) + " conditions the operations list beside their IAM requirements, " + strconv.Itoa(rep.Decided) + "\nare decided"
	if !strings.Contains(readme, want) {
		t.Errorf("README lacks %q", want)
	}
	if !strings.Contains(readme, "The other "+strconv.Itoa(rep.Conditions-rep.Decided)+" stay") {
		t.Errorf("README lacks the listed count %d", rep.Conditions-rep.Decided)
	}
	md, _, _ := runCLI(t, "", "check", "--list", "--format", "markdown", "--lang", "en")
	i := strings.Index(md, "| OPERATION |")
	j := strings.Index(md[i:], "\n\n")
	if i < 0 || j < 0 || !strings.Contains(readme, md[i:i+j]) {
		t.Error("README's operations table differs from denied check --list --format markdown")
	}
}
