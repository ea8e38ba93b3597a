package cli

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/internal/report"
)

const (
	auditUnknown    = "../../testdata/audit/unknown.json"
	auditUnreadable = "../../testdata/audit/unreadable.json"
)

// auditSummary is the JSON report's counts.
type auditSummary struct {
	Summary audit.Summary
	Items   []json.RawMessage
}

// Every false-success path: the item could not be checked, the exit code
// is 4, and every format has a line naming the cause.
func TestAuditUnchecked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, snapshot string
		args           []string
		rules          []string
		texts          []string
	}{
		{"unknown role, vault, key, key policy, resource type", auditUnknown, nil,
			[]string{audit.RuleUnknownRole, audit.RuleUnknownVault, audit.RuleUnknownKey, audit.RuleUnknownKeyPolicy, audit.RuleUnmappedResourceType},
			[]string{"role arn:aws:iam::111122223333:role/CustomRestoreRoel", "vault Archive is not in the snapshot", `resource type "Quantum Gizmo"`}},
		{"unreadable APIs", auditUnreadable, nil,
			[]string{audit.RuleUnreadableSCP, audit.RuleUnreadableRPs, audit.RuleUnreadableSelections},
			[]string{"SCPs unknown: organizations:ListPoliciesForTarget was denied when the snapshot was taken",
				"recovery points unknown (the snapshot may lack some): backup:ListRecoveryPointsByBackupVault was denied when the snapshot was taken",
				"backup plans and selections unknown (the snapshot may lack some): backup:ListBackupSelections was denied when the snapshot was taken"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, format := range auditFormats {
				args := append([]string{"audit", "--snapshot", tc.snapshot, "--format", format}, tc.args...)
				out, errOut, code := runCLI(t, "", args...)
				if code != ExitUnchecked {
					t.Errorf("%s: exit %d, want 4: %s", format, code, errOut)
				}
				for _, r := range tc.rules {
					if !strings.Contains(out, r) {
						t.Errorf("%s: no line names %s", format, r)
					}
				}
				if format != "json" { // JSON has the message ID and arguments, and the text
					for _, s := range tc.texts {
						if !strings.Contains(out, strings.ReplaceAll(s, `"`, "&#34;")) && !strings.Contains(out, s) &&
							!strings.Contains(out, strings.ReplaceAll(s, `"`, `\"`)) {
							t.Errorf("%s: %q not said", format, s)
						}
					}
				}
				if strings.Contains(out, "%!") || strings.Contains(out, "[audit.") {
					t.Errorf("%s: a message is missing or badly formatted:\n%s", format, out)
				}
				if strings.Contains(out, "would succeed") {
					t.Errorf("%s: claims success:\n%s", format, out)
				}
			}
		})
	}
}

// A failure takes precedence over could-not-check: exit 1.
func TestAuditExitPrecedence(t *testing.T) {
	t.Parallel()
	f, err := os.Open(auditFailing)
	if err != nil {
		t.Fatal(err)
	}
	s, err := account.LoadShort(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	s.Unreadable = []account.Unreadable{{Service: "backup", Call: "ListRecoveryPointsByBackupVault", Region: "eu-west-1", Error: "AccessDeniedException: denied"}}
	path := filepath.Join(t.TempDir(), "snap.json")
	if err := account.WriteFile(path, s); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, "", "audit", "--snapshot", path, "--format", "json")
	var rep auditSummary
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if code != ExitDenied || rep.Summary.Failed != 2 || rep.Summary.Unchecked != 1 {
		t.Errorf("exit %d, summary %+v", code, rep.Summary)
	}
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../../testdata/audit/schema/sarif-2.1.0-rtm.5.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// The SARIF log is valid against the SARIF 2.1.0 schema and has what
// GitHub code scanning requires and reads
// (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
// tool.driver.name and rules, each result's ruleId, message.text, a
// physical location with a relative URI and a startLine, and
// partialFingerprints; each rule's help, helpUri and a numeric
// security-severity.
func TestAuditSARIFSchema(t *testing.T) {
	t.Parallel()
	sch := compileSARIFSchema(t)
	// The validator refuses what the schema forbids.
	bad, _, _ := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "sarif")
	bad = strings.Replace(bad, `"level": "error"`, `"level": "fatal"`, 1)
	if inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad)); err != nil || sch.Validate(inst) == nil {
		t.Errorf("a SARIF log with level \"fatal\" validates (%v)", err)
	}
	for _, snap := range []string{auditFailing, auditClean, auditUnknown, auditUnreadable} {
		out, _, _ := runCLI(t, "", "audit", "--snapshot", snap, "--format", "sarif")
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, "%!") {
			t.Errorf("%s: badly formatted message", snap)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: %v", snap, err)
		}
		var log struct {
			Version string
			Runs    []struct {
				Tool struct {
					Driver struct {
						Name, Version string
						Rules         []struct {
							ID               string
							ShortDescription struct{ Text string }
							Help             struct{ Text, Markdown string }
							HelpURI          string
							Properties       map[string]any
						}
					}
				}
				Results []struct {
					RuleID    string
					RuleIndex int
					Level     string
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation *struct {
							ArtifactLocation struct{ URI string }
							Region           struct{ StartLine int }
						}
					}
					PartialFingerprints map[string]string
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if log.Version != "2.1.0" || run.Tool.Driver.Name != "denied" || run.Tool.Driver.Version == "" {
			t.Errorf("%s: version %q, driver %+v", snap, log.Version, run.Tool.Driver.Name)
		}
		rules := map[string]int{}
		for i, r := range run.Tool.Driver.Rules {
			rules[r.ID] = i
			sev, _ := r.Properties["security-severity"].(string)
			if r.ShortDescription.Text == "" || r.Help.Text == "" || r.HelpURI == "" || sev == "" || strings.HasPrefix(r.ShortDescription.Text, "[") {
				t.Errorf("%s: rule %s: %+v", snap, r.ID, r)
			}
		}
		for _, r := range run.Results {
			i, ok := rules[r.RuleID]
			if !ok || i != r.RuleIndex || r.Message.Text == "" || len(r.Locations) != 1 || r.Locations[0].PhysicalLocation == nil ||
				r.Locations[0].PhysicalLocation.Region.StartLine < 1 || r.Locations[0].PhysicalLocation.ArtifactLocation.URI == "" ||
				len(r.PartialFingerprints) == 0 {
				t.Errorf("%s: result %+v", snap, r)
			}
		}
	}
}

// The SARIF lines point at the recovery point, selection or unreadable
// entry in the file.
func TestAuditSARIFLines(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(auditUnreadable)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	out, _, _ := runCLI(t, "", "audit", "--snapshot", auditUnreadable, "--format", "sarif")
	var log report.SARIFLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	for _, r := range log.Runs[0].Results {
		l := lines[r.Locations[0].PhysicalLocation.Region.StartLine-1]
		next := lines[r.Locations[0].PhysicalLocation.Region.StartLine]
		name := r.Locations[0].LogicalLocations[0].Name
		var want string
		switch {
		case strings.HasPrefix(name, "arn:"):
			want = `"arn": "` + name + `"`
		case strings.Contains(name, "/"): // plan/selection
			want = `"id": "` + name[strings.Index(name, "/")+1:] + `"`
		default:
			want = `"call": "` + name[strings.Index(name, ":")+1:] + `"`
		}
		if !strings.Contains(l, "{") || !strings.Contains(strings.Join(lines[r.Locations[0].PhysicalLocation.Region.StartLine-1:r.Locations[0].PhysicalLocation.Region.StartLine+3], "\n"), want) {
			t.Errorf("%s: line %d %q %q does not start it", name, r.Locations[0].PhysicalLocation.Region.StartLine, l, next)
		}
	}
}

func TestAuditJUnit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		snap                            string
		tests, failures, errors, passed int
	}{
		{auditFailing, 3, 2, 0, 1},
		{auditUnknown, 7, 0, 5, 2},
		{auditClean, 3, 0, 0, 3},
	} {
		out, _, _ := runCLI(t, "", "audit", "--snapshot", tc.snap, "--format", "junit")
		if !strings.HasPrefix(out, xml.Header) {
			t.Errorf("%s: no XML header", tc.snap)
		}
		var s report.JUnitSuites
		dec := xml.NewDecoder(strings.NewReader(out))
		dec.Strict = true
		if err := dec.Decode(&s); err != nil {
			t.Fatalf("%s: not well-formed: %v", tc.snap, err)
		}
		su := s.Suites[0]
		passed := 0
		for _, c := range su.Cases {
			if c.Failure == nil && c.Error == nil && c.Skipped == nil {
				passed++
			}
		}
		if s.Tests != tc.tests || su.Tests != len(su.Cases) || su.Failures != tc.failures || su.Errors != tc.errors || passed != tc.passed {
			t.Errorf("%s: tests %d/%d cases, failures %d, errors %d, passed %d", tc.snap, s.Tests, len(su.Cases), su.Failures, su.Errors, passed)
		}
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The ignore file: an entry ignores until the end of its expiry date
// (the test clock is 2026-11-23); an expired entry warns and ignores
// nothing; a bad line is a usage error naming file and line.
func TestAuditIgnoreFile(t *testing.T) {
	t.Parallel()
	const rp = "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-app"
	for _, tc := range []struct {
		name, file string
		code       int
		ignored    int
		warn       string
	}{
		{"one of two", "# accepted\nbackup.ec2-restore-passrole " + rp + " 2026-11-23 AppRole is retired (TICKET-1)\n", ExitDenied, 1, ""},
		{"both", "backup.ec2-restore-passrole " + rp + " 2026-12-31 AppRole is retired\n* weekly/* 2027-01-31 plan being replaced\n", ExitOK, 2, ""},
		{"expired", "backup.ec2-restore-passrole " + rp + " 2026-11-22 AppRole is retired\n", ExitDenied, 0, "expired on 2026-11-22"},
		{"rule everywhere", "sts.assume-role * 2026-12-01 known\n", ExitDenied, 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, "ignore", tc.file)
			out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "json", "--ignore-file", path)
			var rep auditSummary
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if code != tc.code || rep.Summary.Ignored != tc.ignored {
				t.Errorf("exit %d, summary %+v", code, rep.Summary)
			}
			if tc.warn != "" && (!strings.Contains(errOut, tc.warn) || !strings.Contains(errOut, path+":1")) {
				t.Errorf("no warning %q: %s", tc.warn, errOut)
			}
			if tc.warn == "" && errOut != "" {
				t.Errorf("stderr %s", errOut)
			}
		})
	}
	for _, bad := range []string{"backup.ec2-restore-passrole " + rp + " 2026-12-31\n", "x y 31/12/2026 reason\n", "* * 2026-12-31 everything\n"} {
		path := writeFile(t, "ignore", "# comment\n"+bad)
		_, errOut, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--ignore-file", path)
		if code != ExitUsage || !strings.Contains(errOut, path+":2:") {
			t.Errorf("%q: exit %d, %s", bad, code, errOut)
		}
	}
}

func TestAuditSeverity(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		sev                    string
		code, failed, filtered int
	}{
		{"critical", ExitDenied, 1, 1},
		{"HIGH, critical", ExitDenied, 2, 0},
		{"low", ExitOK, 0, 2},
	} {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "json", "--severity", tc.sev)
		var rep auditSummary
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%s: %v %s", tc.sev, err, errOut)
		}
		if code != tc.code || rep.Summary.Failed != tc.failed || rep.Summary.Filtered != tc.filtered {
			t.Errorf("%s: exit %d, summary %+v", tc.sev, code, rep.Summary)
		}
	}
	if _, _, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--severity", "urgent"); code != ExitUsage {
		t.Errorf("--severity urgent: exit %d", code)
	}
}

func TestAuditOutputFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.sarif")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "sarif", "--output", path)
	if code != ExitDenied || out != "" {
		t.Fatalf("exit %d, stdout %q: %s", code, out, errOut)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	got, _ := os.ReadFile(path)
	want, _, _ := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "sarif")
	if string(got) != want {
		t.Errorf("file differs from stdout")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	for _, bad := range []string{filepath.Join(dir, "no", "such", "dir", "x.sarif"), dir} {
		if _, _, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--output", bad); code != ExitUsage {
			t.Errorf("--output %s: exit %d", bad, code)
		}
	}
}

func TestAuditSummaryOnly(t *testing.T) {
	t.Parallel()
	out, _, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--summary")
	if code != ExitDenied || strings.Contains(out, "Findings") || !strings.Contains(out, "backup.ec2-restore-passrole") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	out, _, _ = runCLI(t, "", "audit", "--snapshot", auditFailing, "--summary", "--format", "json")
	var rep auditSummary
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Items) != 0 || rep.Summary.Failed != 2 {
		t.Errorf("%v %+v", err, rep)
	}
	if _, _, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--summary", "--format", "sarif"); code != ExitUsage {
		t.Errorf("--summary --format sarif: exit %d", code)
	}
}

// --snapshot - reads stdin; SARIF then has no file to point at.
func TestAuditStdin(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(auditFailing)
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, string(data), "audit", "--snapshot", "-", "--summary")
	if code != ExitDenied || !strings.Contains(out, "2 would fail") {
		t.Errorf("exit %d: %s\n%s", code, errOut, out)
	}
}

// A caller the snapshot lacks: its requests could not be checked, and a
// proven failure still exits 1 (TestAuditUnknownRoleOrCaller has the rest).
func TestAuditUnknownCaller(t *testing.T) {
	t.Parallel()
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--as", "arn:aws:iam::111122223333:user/nobody")
	if code != ExitDenied || !strings.Contains(out, "Principal arn:aws:iam::111122223333:user/nobody (--as) is not in the snapshot.") {
		t.Errorf("exit %d, want 1: %s\n%s", code, errOut, out)
	}
}

// The README's ignore-file example parses, and ignores what it says.
func TestAuditReadmeIgnoreExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	i := strings.Index(s, "```text\n# RULE-ID")
	if i < 0 {
		t.Fatal("no ignore-file example in the README")
	}
	block := s[i+len("```text\n"):]
	block = block[:strings.Index(block, "```")]
	es, err := audit.ParseIgnore(strings.NewReader(block), "README.md")
	if err != nil || len(es) != 3 {
		t.Fatalf("%v %+v", err, es)
	}
	path := writeFile(t, "ignore", block)
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "json", "--ignore-file", path)
	var rep auditSummary
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitOK || rep.Summary.Ignored != 2 || errOut != "" {
		t.Errorf("exit %d, %+v: %s %v", code, rep.Summary, errOut, err)
	}
}

// One rule-ID scheme: for each denial audit finds, `denied explain` on the
// message AWS would return names the same rule first.
func TestAuditRuleIDsMatchExplain(t *testing.T) {
	t.Parallel()
	out, _, _ := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "json")
	var rep struct {
		Items []struct {
			Findings []struct{ RuleID, Message, Action string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, it := range rep.Items {
		for _, f := range it.Findings {
			if f.Action == "sts:AssumeRole" {
				// AWS Backup reports an untrusted role in a job status
				// message, not this sentence; explain's rule for a trust
				// policy denial is the same rule (sts.assume-role).
				continue
			}
			n++
			ex, errOut, _ := runCLI(t, f.Message, "explain", "--format", "json")
			var e struct {
				Denials []struct{ Findings []struct{ Rule string } }
			}
			if err := json.Unmarshal([]byte(ex), &e); err != nil || len(e.Denials) == 0 || len(e.Denials[0].Findings) == 0 {
				t.Fatalf("explain %q: %v %s", f.Message, err, errOut)
			}
			if got := e.Denials[0].Findings[0].Rule; got != f.RuleID {
				t.Errorf("audit says %s, explain says %s for %q", f.RuleID, got, f.Message)
			}
		}
	}
	if n == 0 {
		t.Fatal("no denial compared")
	}
}

// JUnit: ignored items are skipped, with the entry's reason.
func TestAuditJUnitIgnored(t *testing.T) {
	t.Parallel()
	path := writeFile(t, "ignore", "backup.ec2-restore-passrole * 2026-12-31 AppRole is retired\n")
	out, _, code := runCLI(t, "", "audit", "--snapshot", auditFailing, "--format", "junit", "--ignore-file", path)
	var s report.JUnitSuites
	if err := xml.Unmarshal([]byte(out), &s); err != nil || code != ExitDenied {
		t.Fatalf("exit %d: %v", code, err)
	}
	su := s.Suites[0]
	if su.Skipped != 1 || su.Failures != 1 || !strings.Contains(out, `message="ignored (backup.ec2-restore-passrole: AppRole is retired)"`) {
		t.Errorf("skipped %d, failures %d:\n%s", su.Skipped, su.Failures, out)
	}
}
