package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/preflight"
)

// lineSource puts each item on its own line of snap.json.
type lineSource map[string]int

func (lineSource) URI() string               { return "snap.json" }
func (s lineSource) Line(it audit.Item) int  { return s[it.ARN] }
func (s lineSource) RoleLine(arn string) int { return s[arn] }

// sarifLogJSON is the SARIF 2.1.0 log, the parts checked here.
type sarifLogJSON struct {
	Schema  string `json:"$schema"`
	Version string
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string
				Rules []struct {
					ID               string
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
				}
			}
		}
		Artifacts []struct {
			Location struct{ URI string }
		}
		Results []struct {
			RuleID    string
			RuleIndex *int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation struct{ URI string }
					Region           struct{ StartLine int }
				}
				LogicalLocations []struct{ FullyQualifiedName string }
			}
			RelatedLocations []struct{ ID int }
			Properties       map[string]string
		}
		Invocations []struct {
			ExecutionSuccessful        *bool
			ToolExecutionNotifications []struct {
				Level     string
				Message   struct{ Text string }
				Locations []json.RawMessage
			}
		}
	}
}

// checkSARIF checks log against the SARIF 2.1.0 schema (the copy in
// testdata) and what the schema cannot say: a result's ruleIndex is the
// index of its rule, rule IDs are unique, every message has a text, a
// level is one of SARIF's, a notification's locations are unique (SARIF
// 2.1.0 §3.58.4: an array of unique location objects), each physical
// location is in an artifact of the run and starts on a line.
func checkSARIF(t *testing.T, out []byte) sarifLogJSON {
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
	if err := c.AddResource("sarif-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("not SARIF 2.1.0: %v", err)
	}
	var log sarifLogJSON
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || log.Schema == "" || len(log.Runs) != 1 {
		t.Fatalf("version %q, $schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name == "" {
		t.Error("no tool.driver.name")
	}
	levels := map[string]bool{"none": true, "note": true, "warning": true, "error": true}
	ids := map[string]bool{}
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == "" || ids[r.ID] || r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" {
			t.Errorf("rule %+v: no ID, a repeated one, or no text", r)
		}
		ids[r.ID] = true
	}
	artifacts := map[string]bool{}
	for _, a := range run.Artifacts {
		artifacts[a.Location.URI] = true
	}
	for i, r := range run.Results {
		if r.RuleIndex == nil || *r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Fatalf("result %d: ruleIndex %v is not rule %s", i, r.RuleIndex, r.RuleID)
		}
		if r.Message.Text == "" || !levels[r.Level] || len(r.Locations) == 0 {
			t.Errorf("result %d: message %q, level %q, %d locations", i, r.Message.Text, r.Level, len(r.Locations))
		}
		for _, l := range r.Locations {
			if pl := l.PhysicalLocation; pl != nil && (!artifacts[pl.ArtifactLocation.URI] || pl.Region.StartLine < 1) {
				t.Errorf("result %d: location %+v is in no artifact of the run, or on no line", i, pl)
			}
		}
		seen := map[int]bool{}
		for _, l := range r.RelatedLocations {
			if seen[l.ID] {
				t.Errorf("result %d: related location id %d twice", i, l.ID)
			}
			seen[l.ID] = true
		}
	}
	for _, inv := range run.Invocations {
		if inv.ExecutionSuccessful == nil {
			t.Error("invocation without executionSuccessful")
		}
		for i, n := range inv.ToolExecutionNotifications {
			if n.Message.Text == "" || !levels[n.Level] {
				t.Errorf("notification %d: message %q, level %q", i, n.Message.Text, n.Level)
			}
			seen := map[string]bool{}
			for _, l := range n.Locations {
				if seen[string(l)] {
					t.Errorf("notification %d: location %s twice", i, l)
				}
				seen[string(l)] = true
			}
		}
	}
	return log
}

// A thousand recovery points that fail the same way, with the same
// facts to verify, and passed items with those facts: every failing item
// is a result, but what they share is written once. Each distinct group
// of facts is one notification whose locations are the items it concerns
// (was: one note per item, 1,010 identical notes), and each distinct fix
// with AWS CLI commands is in its rule's help once, the results naming it
// by the reference of the JSON report's fix table (fixRef). The log is
// valid SARIF 2.1.0. (Before: 1,011 notifications, no fixRef, no command.)
func TestAuditSARIFGroupsNotesAndFixes(t *testing.T) {
	const n, passed = 1000, 10
	const cmd = `aws iam put-role-policy --role-name R --policy-name p --policy-document '{"Statement":[]}'`
	shared := []preflight.Condition{
		{Kind: "keyPolicy", Text: "The key policy must allow the restore role."},
		{Kind: "service", Text: "Cross-account restore is not supported."},
	}
	newFix := func() *fix.Fix {
		return &fix.Fix{Kind: fix.LeastPrivilege, Layer: "identity", Verified: true, Title: "Allow iam:PassRole on AppRole in a new inline policy p on role R",
			Target: fix.Target{Kind: fix.TargetRoleInline, Name: "R"}, Render: fix.Renderings{CLI: []string{cmd}}}
	}
	// Two fixes equal in content (two checks found the same) are one.
	fixes := []*fix.Fix{newFix(), newFix()}
	src := lineSource{}
	rep := audit.Report{Account: "111122223333", Region: "eu-west-1", Summary: audit.Summary{Items: n + passed + 1, Failed: n + 1, Passed: passed}}
	for i := range n {
		arn := fmt.Sprintf("arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-%d", i)
		src[arn] = 10 + i
		rep.Items = append(rep.Items, audit.Item{Kind: audit.KindRecoveryPoint, ARN: arn, Result: audit.Fail, ToVerify: shared,
			Findings: []audit.Finding{{RuleID: "backup.ec2-restore-passrole", Severity: audit.High, PrincipalARN: "arn:aws:iam::111122223333:role/R",
				Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/AppRole", Layer: "identity", Fix: fixes[i%2]}}})
	}
	for i := range passed {
		arn := fmt.Sprintf("arn:aws:backup:eu-west-1:111122223333:recovery-point:ok-%d", i)
		src[arn] = 2000 + i
		rep.Passed = append(rep.Passed, audit.Item{Kind: audit.KindRecoveryPoint, ARN: arn, Result: audit.Pass, ToVerify: shared})
	}
	// One item with facts of its own, and a finding with no command.
	other := "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-s3"
	src[other] = 3000
	rep.Items = append(rep.Items, audit.Item{Kind: audit.KindRecoveryPoint, ARN: other, Result: audit.Fail,
		ToVerify: []preflight.Condition{{Kind: "bucketPolicy", Text: "The destination bucket policy must allow the restore role."}},
		Findings: []audit.Finding{{RuleID: "sts.assume-role", Severity: audit.Critical, PrincipalARN: "backup.amazonaws.com", Action: "sts:AssumeRole",
			Resource: "arn:aws:iam::111122223333:role/R", Layer: "resource"}}})

	var b bytes.Buffer
	if err := Write(&b, SARIF, &Audit{Report: rep, Source: src}, Options{Lang: i18n.EN, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	log := checkSARIF(t, b.Bytes())
	run := log.Runs[0]
	if len(run.Results) != n+1 {
		t.Fatalf("%d results, want one per failing item (%d)", len(run.Results), n+1)
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) != 2 {
		t.Errorf("%d notifications, want one per distinct group of facts (2)", len(notes))
	} else {
		if len(notes[0].Locations) != n+passed || !strings.Contains(notes[0].Message.Text, "for 1010 items") ||
			!strings.Contains(notes[0].Message.Text, "[keyPolicy] The key policy must allow the restore role. [service] Cross-account restore is not supported.") {
			t.Errorf("first notification: %d locations, %q", len(notes[0].Locations), notes[0].Message.Text)
		}
		if len(notes[1].Locations) != 1 || !strings.Contains(string(notes[1].Locations[0]), other) || !strings.Contains(notes[1].Message.Text, "[bucketPolicy]") {
			t.Errorf("second notification: %s, %q", notes[1].Locations, notes[1].Message.Text)
		}
	}
	for i, r := range run.Results[:n] {
		if r.Properties["fixRef"] != "fix-1" || !strings.Contains(r.Message.Text, "Fix (verified): Allow iam:PassRole on AppRole") ||
			!strings.Contains(r.Message.Text, "fix-1") || strings.Contains(r.Message.Text, cmd) {
			t.Fatalf("result %d: fixRef %q, message %q", i, r.Properties["fixRef"], r.Message.Text)
		}
	}
	if _, ok := run.Results[n].Properties["fixRef"]; ok {
		t.Errorf("a result without a fix has a fixRef: %v", run.Results[n].Properties)
	}
	// The command: once in the rule's help text, once in its Markdown.
	if c := strings.Count(b.String(), strings.ReplaceAll(cmd, `"`, `\"`)); c != 2 {
		t.Errorf("the fix's command is written %d times, want 2 (the rule's help, text and Markdown)", c)
	}
	var rule *struct {
		ID               string
		ShortDescription struct{ Text string }
		FullDescription  struct{ Text string }
		Help             struct{ Text, Markdown string }
	}
	for i := range run.Tool.Driver.Rules {
		if run.Tool.Driver.Rules[i].ID == "backup.ec2-restore-passrole" {
			rule = &run.Tool.Driver.Rules[i]
		}
	}
	if rule == nil || !strings.Contains(rule.Help.Text, "fix-1: Fix (verified), identity-based policy (inline policy of an IAM role): Allow iam:PassRole on AppRole") ||
		!strings.Contains(rule.Help.Text, "\n  "+cmd) || !strings.Contains(rule.Help.Markdown, "#### fix-1") || !strings.Contains(rule.Help.Markdown, "```sh\n"+cmd+"\n```") {
		t.Errorf("rule help: %+v", rule)
	}
	// The notes in the report's language.
	b.Reset()
	if err := Write(&b, SARIF, &Audit{Report: rep, Source: src}, Options{Lang: i18n.JA, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	log = checkSARIF(t, b.Bytes())
	if m := log.Runs[0].Invocations[0].ToolExecutionNotifications[0].Message.Text; !strings.HasPrefix(m, "要確認、スナップショットにない事実") {
		t.Errorf("ja notification %q", m)
	}
	if h := log.Runs[0].Tool.Driver.Rules[0].Help.Text; !strings.Contains(h, "この実行の結果の修正") || !strings.Contains(h, "AWS CLI (そのまま実行できます):") {
		t.Errorf("ja help %q", h)
	}
}
