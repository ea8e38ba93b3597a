package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
)

// SARIFLog is SARIF 2.1.0, the parts denied writes, with what GitHub code scanning
// reads: rules with help and security-severity, results with a physical
// location (the snapshot file and line) and partial fingerprints.
type SARIFLog struct {
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
	// ToolExecutionNotifications say, for each item with facts no
	// snapshot holds, which (notes: not results, so no alert and no
	// failure).
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
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

// SARIFMaxResults is the most results GitHub code scanning accepts in one
// run (it rejects more, and shows the 5,000 most severe).
const SARIFMaxResults = 25000

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

// sarifRef is one result of the log, before it is built: the gap or
// finding k of item i.
type sarifRef struct {
	item, k int
	gap     bool
	sev     string
}

// writeSARIF writes the log result by result: a first pass over the items
// gives the rules (the run's driver comes first) and, past SARIFMaxResults,
// which results are kept; the second builds and writes each result.
func (a *Audit) writeSARIF(w io.Writer, o Options) error {
	rep, lang := a.Report, o.Lang
	fillGapTexts(&rep, lang)
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	src := a.Source
	if src == nil {
		src = noSource{}
	}
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "denied", Version: o.Version,
		InformationURI: "https://github.com/deniedhq/denied", Rules: []sarifRule{}}}, Results: []sarifResult{},
		AutomationDetails: &sarifAutomation{ID: "denied-audit/" + rep.Account + "/"},
		ColumnKind:        "unicodeCodePoints",
		Invocations:       []sarifInvocation{{ExecutionSuccessful: true}}}
	uri := sarifURI(src.URI())
	if uri != "" {
		run.Artifacts = []sarifArtifact{{Location: sarifArtifactLocation{URI: uri}}}
	}
	type ruleInfo struct {
		sev   string
		title diagnose.Msg
	}
	rules := map[string]ruleInfo{}
	var refs []sarifRef
	for i, it := range rep.Items {
		for k, g := range it.Unchecked {
			if g.Ignored == "" && !g.Filtered {
				rules[g.RuleID] = ruleInfo{sev: g.Severity}
				refs = append(refs, sarifRef{item: i, k: k, gap: true, sev: g.Severity})
			}
		}
		for k, f := range it.Findings {
			if f.Ignored == "" && !f.Filtered {
				rules[f.RuleID] = ruleInfo{sev: f.Severity, title: f.Title}
				refs = append(refs, sarifRef{item: i, k: k, sev: f.Severity})
			}
		}
	}
	if len(refs) > SARIFMaxResults {
		// GitHub rejects a run of more than 25,000 results: keep the
		// most severe, and say so.
		sort.SliceStable(refs, func(i, j int) bool { return securitySeverity[refs[i].sev] > securitySeverity[refs[j].sev] })
		run.Properties = map[string]any{"truncated": map[string]int{"results": len(refs), "kept": SARIFMaxResults}}
		o.warn(t("audit.sarif.truncated", strconv.Itoa(len(refs)), strconv.Itoa(SARIFMaxResults)))
		refs = refs[:SARIFMaxResults]
	}
	// Each distinct fix with commands once, in the help of the rules
	// whose results have it (as the JSON report's fix table numbers
	// them); a result names it by reference.
	fixes, err := newFixTable(rep.Items)
	if err != nil {
		return err
	}
	ruleFixes := map[string][]*fix.Fix{}
	listed := map[string]bool{} // rule and fix reference
	for _, ref := range refs {
		if ref.gap {
			continue
		}
		f := rep.Items[ref.item].Findings[ref.k]
		if f.Fix == nil || len(f.Fix.Render.CLI) == 0 {
			continue
		}
		if k := f.RuleID + "\x00" + fixes.ref[f.Fix]; !listed[k] {
			listed[k] = true
			ruleFixes[f.RuleID] = append(ruleFixes[f.RuleID], f.Fix)
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
		md := help + "\n\n" + "[" + t("audit.rule.docs") + "](" + auditHelpURI + ")"
		if fs := ruleFixes[id]; len(fs) > 0 {
			help, md = help+"\n\n"+t("audit.sarif.fixes")+":", md+"\n\n### "+t("audit.sarif.fixes")
			for _, f := range fs {
				lines := fixSummary(lang, f)
				help += "\n\n" + fixes.ref[f] + ": " + strings.Join(lines, "\n")
				md += "\n\n#### " + fixes.ref[f] + "\n\n" + lines[0]
				if cmds := fixCommands(lang, f, ""); len(cmds) > 1 {
					md += "\n\n" + cmds[0] + "\n\n```sh\n" + strings.Join(cmds[1:], "\n") + "\n```"
				} else if len(cmds) == 1 {
					md += "\n\n" + cmds[0]
				}
			}
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: id, Name: ruleName(id), ShortDescription: sarifText{short},
			FullDescription: sarifText{full}, Help: sarifMultiText{Text: help, Markdown: md},
			HelpURI: auditHelpURI, DefaultConfiguration: sarifConfig{Level: sarifLevel(ri.sev)},
			Properties: sarifRuleProps{SecuritySeverity: securitySeverity[ri.sev], Severity: ri.sev, Tags: []string{"security", "aws", "aws-backup", "iam"}, Precision: "high"}})
	}
	if run.Properties == nil {
		run.Properties = map[string]any{}
	}
	run.Properties["summary"] = rep.Summary
	// The facts to verify of the items, failing or passing, as notes:
	// each distinct group of facts once (groupToVerify, as the text
	// report lists them), the items it concerns as its locations.
	byRef := map[itemRef]audit.Item{}
	for _, items := range [][]audit.Item{rep.Items, rep.Passed} {
		for _, it := range items {
			if len(it.ToVerify) > 0 {
				if _, ok := byRef[itemRef{it.Kind, it.ARN}]; !ok {
					byRef[itemRef{it.Kind, it.ARN}] = it
				}
			}
		}
	}
	for _, g := range groupToVerify(rep) {
		facts := make([]string, len(g.conds))
		for i, c := range g.conds {
			facts[i] = "[" + kindLabel(lang, c.Kind) + "] " + toVerifyText(lang, c)
		}
		n := sarifNotification{Level: "note"}
		seen := map[itemRef]bool{}
		for _, r := range g.items {
			if !seen[r] {
				seen[r] = true
				n.Locations = append(n.Locations, itemLocation(byRef[r], src, uri))
			}
		}
		items := i18n.N(lang, len(n.Locations), "audit.to-verify.count.items", strconv.Itoa(len(n.Locations)))
		n.Message = sarifText{t("audit.sarif.to-verify.group", items, strings.Join(facts, " "))}
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, n)
	}

	// The log with no results, cut where they go.
	j := newJSONStream(w)
	log, err := j.indented(SARIFLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}, 0)
	if err != nil {
		return err
	}
	const results = "\n      \"results\": []"
	cut := bytes.Index(log, []byte(results))
	if cut < 0 {
		return fmt.Errorf("report: no results in the SARIF log")
	}
	rest := append([]byte(nil), log[cut+len(results)-1:]...)
	j.w.Write(log[:cut+len(results)-1])
	for n, ref := range refs {
		r := sarifResultOf(rep.Items[ref.item], ref, src, uri, lang, fixes)
		r.RuleIndex = index[r.RuleID]
		j.elem(n, 4)
		if err := j.value(&r, 4); err != nil {
			return err
		}
	}
	if len(refs) > 0 {
		j.w.WriteString("\n      ")
	}
	j.w.Write(rest)
	j.w.WriteByte('\n')
	return j.flush()
}

// sarifResult builds the result ref of item it.
func sarifResultOf(it audit.Item, ref sarifRef, src Locator, uri string, lang i18n.Lang, fixes *fixTable) sarifResult {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	loc := itemLocation(it, src, uri)
	result := func(rule, sev, msg, role string, fp ...string) sarifResult {
		r := sarifResult{RuleID: rule, Level: sarifLevel(sev), Message: sarifText{msg}, Locations: []sarifLocation{loc},
			PartialFingerprints: map[string]string{"deniedFinding/v1": fingerprint(append([]string{rule, it.ARN}, fp...)...)},
			Properties:          map[string]string{"result": it.Result, "severity": sev}}
		// The role whose policy decides, where it is in the file.
		if l := src.RoleLine(role); uri != "" && l > 0 {
			r.RelatedLocations = []sarifLocation{{ID: 1, Message: &sarifText{t("audit.sarif.role", role)},
				PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifactLocation{URI: uri}, Region: sarifRegion{StartLine: l}}}}
		}
		return r
	}
	if ref.gap {
		g := it.Unchecked[ref.k]
		return result(g.RuleID, g.Severity, t("audit.sarif.unchecked", t("audit.item."+it.Kind, it.ARN), g.Text), "", g.MsgID, strings.Join(g.Args, "\x00"))
	}
	f := it.Findings[ref.k]
	msg := findingLine(lang, f, t("audit.item."+it.Kind, it.ARN))
	if f.Message != "" {
		msg += " " + t("audit.aws-says", f.Message)
	}
	if f.Fix != nil {
		id := "audit.fix"
		if !f.Fix.Verified {
			id = "audit.fix.unverified"
		}
		msg += " " + t(id, fixTitle(lang, f.Fix.Title, f.Fix.TitleMsg.ID, f.Fix.TitleMsg.Args))
		if len(f.Fix.Render.CLI) > 0 {
			msg += " " + t("audit.sarif.fix-ref", fixes.ref[f.Fix])
		}
	} else if f.FixWithheld != nil {
		msg += " " + withheldText(lang, "preflight.fix-withheld", *f.FixWithheld)
	}
	role := f.PrincipalARN
	if f.Action == "sts:AssumeRole" {
		role = f.Resource
	}
	r := result(f.RuleID, f.Severity, msg, role, f.PrincipalARN, f.Action, f.Resource)
	if f.Fix != nil {
		r.Properties["fixRef"] = fixes.ref[f.Fix]
	}
	return r
}

// itemLocation is where item it is: its ARN, and its line in the file.
func itemLocation(it audit.Item, src Locator, uri string) sarifLocation {
	loc := sarifLocation{LogicalLocations: []sarifLogical{{Name: it.ARN, FullyQualifiedName: it.ARN, Kind: "resource"}}}
	if uri != "" {
		line := src.Line(it)
		if line < 1 {
			line = 1
		}
		loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifactLocation{URI: uri}, Region: sarifRegion{StartLine: line}}
	}
	return loc
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

// noSource is the Locator of a report without a file.
type noSource struct{}

func (noSource) URI() string         { return "" }
func (noSource) Line(audit.Item) int { return 0 }
func (noSource) RoleLine(string) int { return 0 }
