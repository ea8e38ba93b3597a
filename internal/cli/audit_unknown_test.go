package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/testutil"
	"github.com/deniedhq/denied/preflight"
)

// checkCause is the line check prints for the one cause of its check of
// rp-plain of the clean snapshot with args, in lang.
func checkCause(t *testing.T, lang string, args ...string) string {
	t.Helper()
	out, errOut, code := runCLI(t, "", append([]string{"check", "restore", "--snapshot", auditClean, "--lang", lang,
		"--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-plain"}, args...)...)
	if code != ExitUnchecked {
		t.Fatalf("check %v: exit %d, want 4: %s\n%s", args, code, errOut, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "- ") && strings.Contains(l, args[1]) {
			return strings.TrimPrefix(l, "- ")
		}
	}
	t.Fatalf("check %v names no cause:\n%s", args, out)
	return ""
}

// audit --role or --as naming a role or principal the snapshot lacks is no
// usage error (it was exit 2): as check, the items that depend on it could
// not be checked (exit 4), with check's cause and "did you mean", in every
// format; the other items are audited as usual.
func TestAuditUnknownRoleOrCaller(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		flag, value string
		// unchecked and passed items of the clean snapshot.
		unchecked, passed int
		suggest           string
	}{
		{"--role", "arn:aws:iam::111122223333:role/ManagedRestoreRol", 2, 1, "arn:aws:iam::111122223333:role/ManagedRestoreRole"},
		{"--role", "arn:aws:iam::111122223333:role/Xyzzy", 2, 1, ""},
		{"--as", "arn:aws:iam::111122223333:user/operatr", 3, 0, ""},
	} {
		for _, lang := range []string{"en", "ja", "ko"} {
			want := checkCause(t, lang, tc.flag, tc.value)
			if tc.suggest != "" && !strings.Contains(want, tc.suggest) {
				t.Fatalf("check's cause %q suggests no %s", want, tc.suggest)
			}
			formats := []string{"text"}
			if lang == "en" {
				formats = auditFormats
			}
			for _, f := range formats {
				out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditClean, tc.flag, tc.value, "--format", f, "--lang", lang)
				if code != ExitUnchecked {
					t.Errorf("%s %s %s %s: exit %d, want 4: %s", tc.flag, tc.value, f, lang, code, errOut)
					continue
				}
				if n := strings.Count(out, want); n < tc.unchecked {
					t.Errorf("%s %s %s %s: check's cause %q %d times, want %d:\n%s", tc.flag, tc.value, f, lang, want, n, tc.unchecked, out)
				}
			}
		}
		out, _, _ := runCLI(t, "", "audit", "--snapshot", auditClean, tc.flag, tc.value, "--format", "json")
		var rep struct {
			Summary struct {
				Passed, Failed int
				Unchecked      int `json:"couldNotCheck"`
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		if s := rep.Summary; s.Unchecked != tc.unchecked || s.Passed != tc.passed || s.Failed != 0 {
			t.Errorf("%s %s: summary %+v, want %d unchecked, %d passed", tc.flag, tc.value, s, tc.unchecked, tc.passed)
		}
	}
	// Something that fails still fails: exit 1 (the selection's role is
	// untrusted whatever --role says).
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--role", "arn:aws:iam::111122223333:role/Nope", "--format", "json")
	if code != ExitDenied || !strings.Contains(out, "arn:aws:iam::111122223333:role/Nope (--role) is not in the snapshot.") {
		t.Errorf("failing snapshot, unknown --role: exit %d, want 1: %s\n%s", code, errOut, out)
	}
}

// A --role or --as that is no ARN at all (for --role, nor a role name), or
// an ARN of the wrong kind, stays a usage error, named.
func TestAuditMalformedRoleOrCaller(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--role", "service-role/ManagedRestoreRole"},
		{"--role", "Managed Restore Role"},
		{"--role", strings.Repeat("R", 65)},
		{"--role", "arn:aws:s3:::bucket"},
		{"--role", "arn:aws:iam::1234:role/R"},
		{"--as", "operator"},
		{"--as", "arn:aws:iam"},
	} {
		_, errOut, code := runCLI(t, "", append([]string{"audit", "--snapshot", auditClean}, args...)...)
		if code != ExitUsage || !strings.Contains(errOut, args[0]+": ") || !strings.Contains(errOut, args[1]) {
			t.Errorf("%v: exit %d, want 2 naming the flag and value: %s", args, code, errOut)
		}
	}
}

// An organization snapshot audits with --role and --as (refused before,
// exit 2), account by account: in an account that lacks them, the items
// that depend on them could not be checked, with check's cause.
func TestAuditOrganizationUnknownRoleOrCaller(t *testing.T) {
	t.Parallel()
	dir := testutil.OrgDir(t, "999988887777", map[string]string{preflight.SettingCrossAccountBackup: "true"},
		testutil.OrgAccount{ID: "111122223333", Short: "../../testdata/org/111122223333.short.json"},
		testutil.OrgAccount{ID: "444455556666", Short: "../../testdata/org/444455556666.short.json"})
	typo := "arn:aws:iam::111122223333:role/BackupRol"
	want := "Role " + typo + " (--role) is not in the snapshot. Did you mean arn:aws:iam::111122223333:role/BackupRole?"
	for _, f := range auditFormats {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--role", typo, "--format", f)
		// The copy into Closed still fails.
		if code != ExitDenied || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d, want 1 and %q: %s\n%s", f, code, want, errOut, out)
		}
	}
	// An unknown caller: each account's items that it makes requests for.
	caller := "arn:aws:iam::111122223333:user/operatr"
	for _, f := range auditFormats {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--role", typo, "--as", caller, "--format", f)
		if code != ExitDenied || !strings.Contains(out, want) || !strings.Contains(out, "Principal "+caller+" (--as) is not in the snapshot.") {
			t.Errorf("%s: exit %d, want 1 naming --role and --as: %s\n%s", f, code, errOut, out)
		}
	}
	// Per account: the restore of rp-ebs of 111122223333, whose role is
	// BackupRole, could not be checked with the typo; with the right role
	// it is not that cause.
	out, _, _ := runCLI(t, "", "audit", "--snapshot", dir, "--role", typo, "--format", "json")
	var rep struct {
		PerAccount []struct {
			Account string
			Report  struct {
				Items []struct {
					ARN       string
					Result    string
					Unchecked []struct{ RuleID string } `json:"couldNotCheck"`
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range rep.PerAccount {
		for _, it := range a.Report.Items {
			if it.ARN == "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs" {
				found = len(it.Unchecked) > 0 && it.Unchecked[0].RuleID == "unchecked.unknown-role"
			}
		}
	}
	if !found {
		t.Errorf("rp-ebs is not could-not-check for the unknown --role:\n%s", out)
	}
	// A role name, as check: could not be checked, its ARN suggested in
	// the account that holds it; a malformed one is still bad input.
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--role", "BackupRole")
	if want := "Role BackupRole (--role) is not in the snapshot. Did you mean arn:aws:iam::111122223333:role/BackupRole?"; code != ExitDenied || !strings.Contains(out, want) {
		t.Errorf("--role BackupRole: exit %d, want 1 and %q: %s\n%s", code, want, errOut, out)
	}
	if _, errOut, code := runCLI(t, "", "audit", "--snapshot", dir, "--role", "service-role/BackupRole"); code != ExitUsage {
		t.Errorf("--role service-role/BackupRole: exit %d, want 2: %s", code, errOut)
	}
}

// audit --role NAME (a role name, no ARN) is what check --role NAME is:
// the items restored with it could not be checked, with check's cause
// and the role's ARN suggested (the snapshot's role of that name, or the
// ARN it would have in the snapshot's account), exit 4, in every format
// and language; the selections are audited as usual. Before, exit 2
// ("--role: \"ManagedRestoreRole\" is not an ARN"), where check ran.
func TestAuditRoleName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, suggest string
	}{
		{"ManagedRestoreRole", "arn:aws:iam::111122223333:role/ManagedRestoreRole"},
		{"managedrestorerole", "arn:aws:iam::111122223333:role/ManagedRestoreRole"},
		{"NoSuchRole", "arn:aws:iam::111122223333:role/NoSuchRole"},
	} {
		for _, lang := range []string{"en", "ja", "ko"} {
			want := checkCause(t, lang, "--role", tc.name)
			if !strings.Contains(want, tc.suggest) {
				t.Fatalf("check's cause %q suggests no %s", want, tc.suggest)
			}
			formats := []string{"text"}
			if lang == "en" {
				formats = auditFormats
			}
			for _, f := range formats {
				out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditClean, "--role", tc.name, "--format", f, "--lang", lang)
				if code != ExitUnchecked {
					t.Errorf("--role %s %s %s: exit %d, want 4: %s", tc.name, f, lang, code, errOut)
					continue
				}
				if n := strings.Count(out, want); n < 2 {
					t.Errorf("--role %s %s %s: check's cause %q %d times, want 2:\n%s", tc.name, f, lang, want, n, out)
				}
			}
		}
		out, _, _ := runCLI(t, "", "audit", "--snapshot", auditClean, "--role", tc.name, "--format", "json")
		var rep struct {
			Summary struct {
				Passed, Failed int
				Unchecked      int `json:"couldNotCheck"`
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		if s := rep.Summary; s.Unchecked != 2 || s.Passed != 1 || s.Failed != 0 {
			t.Errorf("--role %s: summary %+v, want 2 unchecked, 1 passed", tc.name, s)
		}
	}
	// check and audit agree on what is bad input.
	for _, bad := range []string{"service-role/ManagedRestoreRole", "two words"} {
		_, _, checkCode := runCLI(t, "", "check", "restore", "--snapshot", auditClean, "--role", bad,
			"--recovery-point", "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-plain")
		_, errOut, code := runCLI(t, "", "audit", "--snapshot", auditClean, "--role", bad)
		if code != ExitUsage || checkCode != ExitUsage || !strings.Contains(errOut, "--role: ") {
			t.Errorf("--role %q: audit exit %d, check exit %d, want 2 for both: %s", bad, code, checkCode, errOut)
		}
	}
}
