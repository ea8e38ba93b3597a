package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// TestCheckNeverClaimsUnproven is a metamorphic test of check's first
// rule: every operation below is allowed against a permissive snapshot
// (testdata/check/permissive.json: an administrator caller and job role,
// two vaults, a plan, recovery points of several types), and each change
// of one input to something the snapshot does not hold (a misspelled
// caller, role, vault, destination vault, recovery point, plan, instance
// profile or key; another Region, whose vaults and plans are not the
// snapshot's; an API the snapshot could not read) must never leave it
// "allowed": exit 1, 2 or 4, and no "would be allowed" line. The
// mutations are applied to every operation they can touch, so a new
// operation or flag is covered by adding its baseline. Found: a
// create-selection on a plan the snapshot lacks (or of another Region)
// was allowed, exit 0.
func TestCheckNeverClaimsUnproven(t *testing.T) {
	t.Parallel()
	const (
		snap = "../../testdata/check/permissive.json"
		iam  = "arn:aws:iam::111122223333:"
		rp   = "arn:aws:backup:eu-west-1:111122223333:recovery-point:"
	)
	who := []string{"--as", iam + "user/operator", "--role", iam + "role/BackupRole"}
	baselines := [][]string{
		{"restore", "--recovery-point", rp + "rp-ec2", "--instance-role", "original"},
		{"restore", "--recovery-point", rp + "rp-ec2", "--instance-profile", "AppRole"},
		{"restore", "--recovery-point", rp + "rp-ebs"},
		{"restore", "--recovery-point", rp + "rp-rds"},
		{"restore", "--recovery-point", rp + "rp-efs"},
		{"restore", "--recovery-point", rp + "rp-ddb"},
		{"restore", "--resource-type", "EBS", "--vault", "Default"},
		{"backup/EBS", "--vault", "Default", "--resource-arn", "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0123456789abcdef0"},
		{"put-vault-policy", "--vault", "Default"},
		{"put-vault-lock", "--vault", "Default", "--min-retention-days", "1", "--max-retention-days", "10"},
		{"create-selection", "--plan-id", "plan-1"},
		{"copy", "--recovery-point", rp + "rp-ebs", "--destination-vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:Second"},
	}
	// Snapshots with one API unreadable (and what it would have read
	// absent): what it hides is unknown, for the operations that need it.
	type unreadableSnap struct {
		path string
		ops  func(op string) bool
	}
	everyOp := func(string) bool { return true }
	unreadable := map[string]unreadableSnap{}
	for _, u := range []struct {
		u     account.Unreadable
		ops   func(string) bool
		empty func(*account.Snapshot)
	}{
		{account.Unreadable{Service: "iam", Call: "GetAccountAuthorizationDetails", Error: "AccessDenied"}, everyOp, nil},
		{account.Unreadable{Service: "organizations", Call: "ListPoliciesForTarget", Error: "AccessDeniedException"}, everyOp, nil},
		{account.Unreadable{Service: "backup", Call: "ListBackupVaults", Region: "eu-west-1", Error: "AccessDeniedException"},
			func(op string) bool { return op != "create-selection" }, func(s *account.Snapshot) { s.BackupVaults, s.RecoveryPoints = nil, nil }},
		{account.Unreadable{Service: "backup", Call: "ListBackupPlans", Region: "eu-west-1", Error: "AccessDeniedException"},
			func(op string) bool { return op == "create-selection" }, func(s *account.Snapshot) { s.BackupPlans = nil }},
	} {
		unreadable[u.u.API()] = unreadableSnap{unreadableShort(t, snap, u.u, u.empty), u.ops}
	}
	type mutation struct {
		name  string
		apply func(args []string) []string // nil: does not apply
	}
	replace := func(old, new string) func([]string) []string {
		return func(args []string) []string {
			out, hit := make([]string, len(args)), false
			for i, a := range args {
				out[i] = a
				if strings.Contains(a, old) {
					out[i], hit = strings.Replace(a, old, new, 1), true
				}
			}
			if !hit {
				return nil
			}
			return out
		}
	}
	flagValue := func(flag, value string) func([]string) []string {
		return func(args []string) []string {
			for i := 0; i+1 < len(args); i++ {
				if args[i] == flag {
					out := append([]string(nil), args...)
					out[i+1] = value
					return out
				}
			}
			return nil
		}
	}
	muts := []mutation{
		{"unknown caller", replace("user/operator", "user/operatorr")},
		{"unknown role", func(args []string) []string {
			if strings.HasPrefix(args[0], "put-vault-") {
				return nil // the operation passes no role
			}
			return replace("role/BackupRole", "role/BackupRolee")(args)
		}},
		{"unknown vault", flagValue("--vault", "Defaultt")},
		{"unknown destination vault", flagValue("--destination-vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:Secondd")},
		{"unknown recovery point", replace(":rp-", ":rp-x")},
		{"unknown plan", flagValue("--plan-id", "plan-2")},
		{"plan name for another id", replace("plan-1", "Plan-1")},
		{"unknown instance profile", flagValue("--instance-profile", "NoSuchProfile")},
		{"another Region", func(args []string) []string {
			if args[0] == "create-vault" {
				return nil // a new vault may be created anywhere
			}
			return append(append([]string(nil), args...), "--region", "eu-west-2")
		}},
		{"unknown key", func(args []string) []string {
			if args[0] != "restore" && args[0] != "copy" && !strings.HasPrefix(args[0], "backup") {
				return nil // the operation takes no key
			}
			return append(append([]string(nil), args...), "--kms-key", "arn:aws:kms:eu-west-1:111122223333:key/9999ffff-99ff-99ff-99ff-999999999999")
		}},
	}
	for api, u := range unreadable {
		muts = append(muts, mutation{"unreadable " + api, func(args []string) []string {
			if !u.ops(args[0]) {
				return nil
			}
			return replace(snap, u.path)(args)
		}})
	}
	mutated := 0
	for _, b := range baselines {
		base := append(append(append([]string{}, b...), "--snapshot", snap), who...)
		out, errOut, code := runCLI(t, "", append([]string{"check"}, append(base, "--lang", "en")...)...)
		if code != ExitOK {
			t.Fatalf("baseline %v: exit %d, want 0 (the fixture must allow it):\n%s%s", b, code, out, errOut)
		}
		for _, m := range muts {
			args := m.apply(base)
			if args == nil {
				continue
			}
			mutated++
			out, errOut, code := runCLI(t, "", append([]string{"check"}, append(args, "--lang", "en")...)...)
			if code == ExitOK || strings.Contains(out, "would be allowed") {
				t.Errorf("%s: %v: exit %d, want 1, 2 or 4 and no success:\n%s%s", m.name, b, code, out, errOut)
			}
		}
	}
	if mutated < 60 {
		t.Errorf("only %d mutated checks ran", mutated)
	}
}

// unreadableShort writes a copy of the short-form snapshot at path whose
// expanded form lists u as unreadable, with what empty removes (what the
// call would have read), and returns its path.
func unreadableShort(t *testing.T, path string, u account.Unreadable, empty func(*account.Snapshot)) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := account.LoadShort(f)
	if err != nil {
		t.Fatal(err)
	}
	s.Unreadable = append(s.Unreadable, u)
	if empty != nil {
		empty(s)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "snap.json")
	if err := os.WriteFile(out, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

// A create-selection on a plan the snapshot lacks could not be checked,
// naming the plan and the id it likely means.
func TestCheckUnknownPlan(t *testing.T) {
	t.Parallel()
	args := []string{"check", "create-selection", "--snapshot", "../../testdata/check/permissive.json",
		"--as", "arn:aws:iam::111122223333:user/operator", "--role", "arn:aws:iam::111122223333:role/BackupRole", "--plan-id", "plan-2"}
	out, errOut, code := runCLI(t, "", append(args, "--format", "json")...)
	if code != ExitUnchecked {
		t.Fatalf("exit %d, want %d: %s%s", code, ExitUnchecked, out, errOut)
	}
	var rep struct {
		Causes []struct{ Kind, Subject, Flag, Suggestion string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Causes) != 1 || rep.Causes[0].Kind != "unknownPlan" || rep.Causes[0].Subject != "plan-2" || rep.Causes[0].Flag != "--plan-id" || rep.Causes[0].Suggestion != "plan-1" {
		t.Errorf("causes %+v, want one unknownPlan of plan-2 suggesting plan-1", rep.Causes)
	}
	for lang, want := range map[string]string{"en": "Backup plan plan-2 (--plan-id) is not in the snapshot", "ja": "バックアッププラン plan-2 (--plan-id) がスナップショットにありません", "ko": "백업 계획 plan-2(--plan-id)이(가) 스냅샷에 없습니다"} {
		text, _, code := runCLI(t, "", append(args, "--lang", lang)...)
		if code != ExitUnchecked || !strings.Contains(text, want) || strings.Contains(text, "preflight.cause") {
			t.Errorf("%s: exit %d, want %q:\n%s", lang, code, want, text)
		}
	}
}
