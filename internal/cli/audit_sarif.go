package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/internal/i18n"
)

// SARIF 2.1.0, the parts denied writes, with what GitHub code scanning
// reads: rules with help and security-severity, results with a physical
// location (the snapshot file and line) and partial fingerprints.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool              sarifTool         `json:"tool"`
	AutomationDetails *sarifAutomation  `json:"automationDetails,omitempty"`
	Results           []sarifResult     `json:"results"`
	Properties        map[string]any    `json:"properties,omitempty"`
	Artifacts         []sarifArtifact   `json:"artifacts,omitempty"`
	ColumnKind        string            `json:"columnKind,omitempty"`
	Invocations       []sarifInvocation `json:"invocations,omitempty"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifArtifact struct {
	Location sarifArtifactLocation `json:"location"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool `json:"executionSuccessful"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMultiText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifMultiText `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	SecuritySeverity string   `json:"security-severity"`
	Severity         string   `json:"severity"`
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]string `json:"properties,omitempty"`
}

type sarifLocation struct {
	ID               int            `json:"id,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifLogical struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

// sarifMaxResults is the most results GitHub code scanning accepts in one
// run (it rejects more, and shows the 5,000 most severe).
const sarifMaxResults = 25000

// HelpURI is where the rules are documented.
const auditHelpURI = "https://github.com/deniedhq/denied/blob/main/README.md#denied-audit"

// securitySeverity is GitHub's numeric severity (over 9.0 critical, 7.0 to
// 8.9 high, 4.0 to 6.9 medium, under 4.0 low).
var securitySeverity = map[string]string{audit.Critical: "9.5", audit.High: "8.0", audit.Medium: "5.5", audit.Low: "3.0"}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(sev string) string {
	switch sev {
	case audit.Critical, audit.High:
		return "error"
	case audit.Medium:
		return "warning"
	}
	return "note"
}

// ruleText is a rule's one-line description and its help.
func ruleText(lang i18n.Lang, id string, title diagnose.Msg) (short, help string) {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	switch {
	case i18n.Has("audit.rule." + id):
		short = t("audit.rule." + id)
	case title.ID != "" && i18n.Has(title.ID):
		// The title's arguments name one request: the rule's says "a
		// request the restore needs".
		args := make([]any, strings.Count(i18n.Text(i18n.EN, title.ID), "%s"))
		for i := range args {
			args[i] = t("audit.rule.some-request")
		}
		short = t(title.ID, args...)
	default:
		short = id
	}
	if strings.HasPrefix(id, "unchecked.") {
		return short, t("audit.rule.help.unchecked")
	}
	return short, t("audit.rule.help.fail")
}

// sarifURI is the snapshot file as a URI relative to the working directory
// (GitHub reads locations relative to the repository root).
func sarifURI(path string) string {
	if path == "" {
		return ""
	}
	p := filepath.FromSlash(path)
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	p = filepath.ToSlash(filepath.Clean(p))
	if filepath.IsAbs(filepath.FromSlash(p)) {
		return "file://" + p
	}
	return p
}

func fingerprint(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:16])
}

func auditSARIF(rep audit.Report, as *auditSnapshot, lang i18n.Lang) sarifLog {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "denied", Version: Version,
		InformationURI: "https://github.com/deniedhq/denied", Rules: []sarifRule{}}}, Results: []sarifResult{},
		AutomationDetails: &sarifAutomation{ID: "denied-audit/" + rep.Account + "/"},
		ColumnKind:        "unicodeCodePoints",
		Invocations:       []sarifInvocation{{ExecutionSuccessful: true}}}
	uri := sarifURI(as.uri)
	if uri != "" {
		run.Artifacts = []sarifArtifact{{Location: sarifArtifactLocation{URI: uri}}}
	}
	type ruleInfo struct {
		sev   string
		title diagnose.Msg
	}
	rules := map[string]ruleInfo{}
	var results []sarifResult
	for _, it := range rep.Items {
		loc := sarifLocation{LogicalLocations: []sarifLogical{{Name: it.ARN, FullyQualifiedName: it.ARN, Kind: "resource"}}}
		if uri != "" {
			line := as.line(it)
			if line < 1 {
				line = 1
			}
			loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifactLocation{URI: uri}, Region: sarifRegion{StartLine: line}}
		}
		add := func(rule, sev, msg string, title diagnose.Msg, role string, fp ...string) {
			rules[rule] = ruleInfo{sev: sev, title: title}
			r := sarifResult{RuleID: rule, Level: sarifLevel(sev), Message: sarifText{msg}, Locations: []sarifLocation{loc},
				PartialFingerprints: map[string]string{"deniedFinding/v1": fingerprint(append([]string{rule, it.ARN}, fp...)...)},
				Properties:          map[string]string{"result": it.Result, "severity": sev}}
			// The role whose policy decides, where it is in the file.
			if l := as.roleLine(role); uri != "" && l > 0 {
				r.RelatedLocations = []sarifLocation{{ID: 1, Message: &sarifText{t("audit.sarif.role", role)},
					PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifactLocation{URI: uri}, Region: sarifRegion{StartLine: l}}}}
			}
			results = append(results, r)
		}
		for _, g := range it.Unchecked {
			if g.Ignored != "" || g.Filtered {
				continue
			}
			add(g.RuleID, g.Severity, t("audit.sarif.unchecked", t("audit.item."+it.Kind, it.ARN), g.Text), diagnose.Msg{}, "", g.MsgID, strings.Join(g.Args, "\x00"))
		}
		for _, f := range it.Findings {
			if f.Ignored != "" || f.Filtered {
				continue
			}
			msg := t("audit.sarif.message", f.Action, f.PrincipalARN, f.Resource, auditLayer(lang, f.Layer), t("audit.item."+it.Kind, it.ARN))
			if f.Message != "" {
				msg += " " + t("audit.aws-says", f.Message)
			}
			if f.Fix != nil {
				id := "audit.fix"
				if !f.Fix.Verified {
					id = "audit.fix.unverified"
				}
				msg += " " + t(id, fixTitle(lang, f.Fix.Title, f.Fix.TitleMsg.ID, f.Fix.TitleMsg.Args))
			}
			role := f.PrincipalARN
			if f.Action == "sts:AssumeRole" {
				role = f.Resource
			}
			add(f.RuleID, f.Severity, msg, f.Title, role, f.PrincipalARN, f.Action, f.Resource)
		}
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	index := map[string]int{}
	for i, id := range ids {
		index[id] = i
		ri := rules[id]
		short, help := ruleText(lang, id, ri.title)
		full := strings.TrimSuffix(short, ".") + ". " + t("audit.rule.severity", ri.sev)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: id, Name: ruleName(id), ShortDescription: sarifText{short},
			FullDescription: sarifText{full}, Help: sarifMultiText{Text: help, Markdown: help + "\n\n" + "[" + t("audit.rule.docs") + "](" + auditHelpURI + ")"},
			HelpURI: auditHelpURI, DefaultConfiguration: sarifConfig{Level: sarifLevel(ri.sev)},
			Properties: sarifRuleProps{SecuritySeverity: securitySeverity[ri.sev], Severity: ri.sev, Tags: []string{"security", "aws", "aws-backup", "iam"}, Precision: "high"}})
	}
	for i := range results {
		results[i].RuleIndex = index[results[i].RuleID]
	}
	run.Properties = map[string]any{"summary": rep.Summary}
	if len(results) > sarifMaxResults {
		// GitHub rejects a run of more than 25,000 results: keep the
		// most severe, and say so.
		sort.SliceStable(results, func(i, j int) bool {
			return securitySeverity[results[i].Properties["severity"]] > securitySeverity[results[j].Properties["severity"]]
		})
		run.Properties["truncated"] = map[string]int{"results": len(results), "kept": sarifMaxResults}
		results = results[:sarifMaxResults]
	}
	run.Results = append(run.Results, results...)
	return sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
}

// ruleName is a rule ID in the PascalCase SARIF uses for names
// ("backup.ec2-restore-passrole" → "BackupEc2RestorePassrole").
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '.' || r == '-' {
			up = true
			continue
		}
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		up = false
		b.WriteRune(r)
	}
	return b.String()
}

// JUnit XML, as CI systems (Jenkins, GitLab, GitHub test reporters) read
// it: one test case per item; a failure for an item that would fail, an
// error for one that could not be checked, skipped for an ignored or
// filtered one.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// writeJUnit writes the report as JUnit XML. Passed items are listed too:
// a suite of every recovery point and selection checked.
func writeJUnit(w io.Writer, rep audit.Report, lang i18n.Lang) error {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	s := junitSuite{Name: "denied audit " + rep.Account, Properties: []junitProperty{{"account", rep.Account}, {"region", rep.Region},
		{"passed", strconv.Itoa(rep.Summary.Passed)}}}
	for _, it := range rep.Passed {
		s.Cases = append(s.Cases, junitCase{Name: it.ARN, Classname: "denied.audit." + it.Kind})
	}
	for _, it := range rep.Items {
		c := junitCase{Name: it.ARN, Classname: "denied.audit." + it.Kind}
		var lines []string
		var first string
		for _, f := range it.Findings {
			if f.Ignored == "" && !f.Filtered {
				lines = append(lines, f.RuleID+": "+t("audit.sarif.message", f.Action, f.PrincipalARN, f.Resource, auditLayer(lang, f.Layer), it.ARN))
				if first == "" {
					first = f.RuleID
				}
			}
		}
		for _, g := range it.Unchecked {
			if g.Ignored == "" && !g.Filtered {
				lines = append(lines, g.RuleID+": "+g.Text)
				if first == "" {
					first = g.RuleID
				}
			}
		}
		text := strings.Join(lines, "\n")
		switch it.Result {
		case audit.Fail:
			c.Failure = &junitProblem{Message: t("audit.result.fail") + ": " + first, Type: first, Text: text}
			s.Failures++
		case audit.Unchecked:
			c.Error = &junitProblem{Message: t("audit.result.could-not-check") + ": " + first, Type: first, Text: text}
			s.Errors++
		default:
			reason := t("audit.result." + it.Result)
			var why []string
			for _, f := range it.Findings {
				if f.Ignored != "" {
					why = append(why, f.RuleID+": "+f.Ignored)
				}
			}
			for _, g := range it.Unchecked {
				if g.Ignored != "" {
					why = append(why, g.RuleID+": "+g.Ignored)
				}
			}
			if len(why) > 0 {
				reason += " (" + strings.Join(why, "; ") + ")"
			}
			c.Skipped = &junitSkipped{Message: reason}
			s.Skipped++
		}
		s.Cases = append(s.Cases, c)
	}
	s.Tests = len(s.Cases)
	out := junitSuites{Name: "denied audit", Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Skipped: s.Skipped, Suites: []junitSuite{s}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}
