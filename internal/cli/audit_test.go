package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/internal/report"
)

// auditReport is the JSON report as a consumer reads it.
type auditReport struct {
	SchemaVersion  string
	RecoveryPoints int
	Selections     int
	Failing        int
	// Fixes are the fixes findings refer to by FixRef.
	Fixes map[string]*struct{ Verified bool }
	Items []struct {
		ARN        string
		RoleSource string
		Findings   []struct {
			RuleID, Layer, Message, FixRef string
		}
	}
}

const (
	auditFailing = "../../testdata/audit/failing.json"
	auditClean   = "../../testdata/audit/clean.json"
)

func TestAuditFailing(t *testing.T) {
	t.Parallel()
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "json")
	if code != ExitDenied {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	var rep auditReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.SchemaVersion != audit.SchemaVersion || rep.RecoveryPoints != 2 || rep.Selections != 1 || rep.Failing != 2 {
		t.Fatalf("report %+v", rep)
	}
	var got []string
	for _, it := range rep.Items {
		for _, f := range it.Findings {
			got = append(got, it.ARN+" "+f.RuleID+" "+f.Layer)
			if fx := rep.Fixes[f.FixRef]; fx == nil || !fx.Verified || f.Message == "" {
				t.Errorf("%s: no verified fix or message", f.RuleID)
			}
		}
	}
	want := []string{
		"arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-app backup.ec2-restore-passrole identity",
		"weekly/weekly sts.assume-role resource",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAuditClean(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"text", "json", "markdown", "sarif"} {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditClean, "--format", format)
		if code != ExitOK {
			t.Errorf("%s: exit %d, want 0: %s\n%s", format, code, errOut, out)
		}
	}
}

// A clean audit says what its success covers: what the snapshot holds,
// not the facts no snapshot holds (a destination bucket's policy), which
// check lists; it said "Every restore checked would succeed." alone.
func TestAuditCleanSaysWhatItCovers(t *testing.T) {
	t.Parallel()
	for lang, want := range map[string]string{
		"en": "Every restore checked would succeed against what the snapshot holds; 3 items depend on 6 facts no snapshot holds, not verified",
		"ja": "3 件の項目が、スナップショットにない 6 件の事実に依存し",
		"ko": "항목 3개가 스냅샷에 없는 사실 6개에 의존하며",
	} {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditClean, "--lang", lang)
		flat := strings.Join(strings.Fields(out), "") // lines wrap anywhere in ja and ko
		if code != ExitOK || !strings.Contains(flat, strings.Join(strings.Fields(want), "")) || !strings.Contains(flat, "deniedcheckrestore--recovery-point") {
			t.Errorf("%s: exit %d, want 0 and %q:\n%s%s", lang, code, want, out, errOut)
		}
	}
}

func TestAuditBadInput(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"audit"},
		{"audit", "--snapshot", "../../testdata/audit/missing.json"},
		{"audit", "--snapshot", auditFailing, "--format", "xml"},
		{"audit", "--snapshot", auditFailing, "--role", "No/pe"}, // neither a role ARN nor a role name
		{"audit", "--snapshot", auditFailing, "extra"},
	} {
		if _, _, code := runCLI(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// --role overrides every recovery point's role: with the untrusted role
// both restores fail on the trust policy.
func TestAuditRoleFlag(t *testing.T) {
	t.Parallel()
	out, _, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "json", "--role", "arn:aws:iam::111122223333:role/UntrustedBackupRole")
	var rep auditReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitDenied {
		t.Fatalf("exit %d: %v", code, err)
	}
	if rep.Failing != 3 || rep.Items[0].RoleSource != audit.RoleFromFlag {
		t.Errorf("failing %d, role source %q", rep.Failing, rep.Items[0].RoleSource)
	}
}

func TestAuditGolden(t *testing.T) {
	t.Parallel()
	for format, ext := range map[string]string{"text": "txt", "json": "json", "markdown": "md", "sarif": "sarif", "junit": "xml"} {
		t.Run(format, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", format)
			if code != ExitDenied {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if format == "sarif" {
				var log report.SARIFLog
				if err := json.Unmarshal([]byte(out), &log); err != nil || log.Version != "2.1.0" || len(log.Runs[0].Results) != 2 ||
					log.Runs[0].Results[0].Locations[0].LogicalLocations[0].FullyQualifiedName != "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-app" {
					t.Errorf("sarif: %v %+v", err, log)
				}
				// The recovery point rp-app is on line 17 of the file.
				if pl := log.Runs[0].Results[0].Locations[0].PhysicalLocation; pl == nil || pl.Region.StartLine != 17 ||
					pl.ArtifactLocation.URI != "../../testdata/audit/failing.json" {
					t.Errorf("sarif location %+v", pl)
				}
				// The restore role CustomRestoreRole is on line 5.
				if rl := log.Runs[0].Results[0].RelatedLocations; len(rl) != 1 || rl[0].PhysicalLocation.Region.StartLine != 5 {
					t.Errorf("sarif related location %+v", rl)
				}
			}
			golden(t, "audit/failing."+ext, out)
		})
	}
	out, _, _ := runCLI(t, "", "audit", "--snapshot", auditFailing, "--lang", "ja")
	golden(t, "audit/failing.ja.txt", out)
}

// Goldens of the could-not-check reports.
func TestAuditUncheckedGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ snap, format, golden string }{
		{auditUnknown, "text", "audit/unknown.txt"},
		{auditUnreadable, "text", "audit/unreadable.txt"},
		{auditUnreadable, "sarif", "audit/unreadable.sarif"},
		{auditUnknown, "junit", "audit/unknown.xml"},
	} {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", tc.snap, "--format", tc.format)
		if code != ExitUnchecked {
			t.Fatalf("%s: exit %d: %s", tc.golden, code, errOut)
		}
		golden(t, tc.golden, out)
	}
}

// A small gzip snapshot that decompresses past the size limit is refused by
// audit and check alike, naming the file once (issue 13: a 1 MB file of
// 1 GiB of spaces took audit 24 s and 5.9 GB).
func TestSnapshotGzipBombRefused(t *testing.T) {
	t.Setenv(account.MaxSizeEnv, "1")
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(bytes.Repeat([]byte(" "), 3<<20)); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	path := filepath.Join(t.TempDir(), "bomb.json.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"audit", "--snapshot", path},
		{"check", "restore", "--snapshot", path, "--resource-type", "EBS"},
	} {
		_, errOut, code := runCLI(t, "", args...)
		if code != ExitUsage || !strings.Contains(errOut, "decompresses to more than 1 MiB") || strings.Count(errOut, path) != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	// Standard input too.
	_, errOut, code := runCLI(t, buf.String(), "audit", "--snapshot", "-")
	if code != ExitUsage || !strings.Contains(errOut, "decompresses to more than 1 MiB") {
		t.Errorf("stdin: exit %d, stderr %q", code, errOut)
	}
}

// An empty snapshot (no vault, recovery point or plan, nothing
// unreadable) says there was nothing to audit, never that every restore
// would succeed (exit 0: the AWS Backup calls were read and returned
// nothing). With backup:ListBackupVaults unreadable it is could-not-check
// (exit 4), naming the call: before, both said "Every restore checked
// would succeed" and exited 0.
func TestAuditEmptySnapshot(t *testing.T) {
	t.Parallel()
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", "../../testdata/audit/empty.json")
	if code != ExitOK || !strings.Contains(out, "Nothing to audit: the snapshot has no recovery points") || strings.Contains(out, "would succeed") {
		t.Errorf("empty: exit %d %s\n%s", code, errOut, out)
	}
	js, _, _ := runCLI(t, "", "audit", "--snapshot", "../../testdata/audit/empty.json", "--format", "json")
	var r struct{ NothingToAudit, OK bool }
	if err := json.Unmarshal([]byte(js), &r); err != nil || !r.NothingToAudit {
		t.Errorf("json %v %+v", err, r)
	}
	out, errOut, code = runCLI(t, "", "audit", "--snapshot", "../../testdata/audit/empty-unreadable.json")
	if code != ExitUnchecked || strings.Contains(out, "would succeed") || strings.Contains(out, "Nothing to audit") ||
		!strings.Contains(out, "backup:ListBackupVaults was denied") || !strings.Contains(out, "unchecked.unreadable-recovery-points") {
		t.Errorf("vaults unreadable: exit %d %s\n%s", code, errOut, out)
	}
}
