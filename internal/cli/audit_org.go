package cli

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/preflight"
)

// orgAccountReport is one account of `audit --snapshot DIR`: its status
// in the organization snapshot and, when collected and loaded, its audit.
type orgAccountReport struct {
	Account string `json:"account"`
	Name    string `json:"name,omitempty"`
	// Status is the index's (collected, failed, skipped, interrupted), or
	// "unreadable" for a collected file that could not be loaded.
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
	// Report is the account's audit, in the single-account JSON form.
	Report json.RawMessage `json:"report,omitempty"`
}

// orgCause is one cause over the organization: how many items of how
// many accounts it is the first cause of.
type orgCause struct {
	audit.Cause
	Accounts int `json:"accounts"`
}

// orgAuditReport is the JSON form of an organization audit.
type orgAuditReport struct {
	SchemaVersion  string        `json:"schemaVersion"`
	Organization   string        `json:"organization,omitempty"`
	Accounts       int           `json:"accounts"`
	Audited        int           `json:"audited"`
	NotAudited     int           `json:"notAudited"`
	Summary        audit.Summary `json:"summary"`
	RecoveryPoints int           `json:"recoveryPoints"`
	Selections     int           `json:"selections"`
	CopyRules      int           `json:"copyRules"`
	Causes         []orgCause    `json:"causes"`
	// PerAccount lists every account of the index, in its order.
	PerAccount []orgAccountReport `json:"perAccount"`
}

// runAuditOrg audits every collected account of the organization snapshot
// in dir, one account in memory at a time (destination accounts of
// copies stay loaded, a few at most), each against the others for its
// copy rules. An account that was not collected, or whose file cannot be
// loaded, is listed and makes the audit could-not-check: never silently
// missing.
func runAuditOrg(env *Env, in *auditInput, dir string) error {
	o, err := account.OpenOrg(dir)
	if err != nil {
		return usageErr("%s: %v", dir, err)
	}
	view := preflight.NewOrgView(o, 0)
	out := orgAuditReport{SchemaVersion: audit.SchemaVersion, Causes: []orgCause{}}
	if x := o.Index.Organization; x != nil {
		out.Organization = x.ID
	}
	causes := map[audit.Cause]*orgCause{}
	var text bytes.Buffer
	var sarifRuns []json.RawMessage
	junit := report.JUnitSuites{Name: "denied audit"}
	ro := report.Options{Lang: in.lang, Version: Version, Warn: func(msg string) { fmt.Fprintf(env.Stderr, "denied: %s\n", msg) }}
	t := func(id string, args ...any) string { return i18n.T(in.lang, id, args...) }
	md := in.format == "markdown"
	for m, lerr := range o.Accounts() {
		out.Accounts++
		ar := orgAccountReport{Account: m.Account.ID, Name: m.Account.Name, Status: m.Account.Status, Error: m.Account.Error}
		if lerr != nil {
			ar.Status, ar.Error = "unreadable", lerr.Error()
		}
		if m.Snapshot == nil {
			out.NotAudited++
			if in.format == "junit" {
				// An account not audited is an error of its own suite.
				junit.Suites = append(junit.Suites, report.JUnitNotAudited(ar.Account, ar.Status, ar.Error))
			}
			out.PerAccount = append(out.PerAccount, ar)
			line := t("audit.org.not-audited", ar.Account, ar.Status, ar.Error)
			if md {
				fmt.Fprintf(&text, "## %s\n\n", line)
			} else if in.format == "text" {
				fmt.Fprintf(&text, "%s\n\n", line)
			}
			continue
		}
		opt := in.opt
		opt.Org = view
		opt.ListPassed = in.format == "junit"
		rep := audit.Run(m.Snapshot, opt)
		out.Audited++
		out.RecoveryPoints += rep.RecoveryPoints
		out.Selections += rep.Selections
		out.CopyRules += rep.CopyRules
		s := &out.Summary
		s.Items += rep.Summary.Items
		s.Passed += rep.Summary.Passed
		s.Failed += rep.Summary.Failed
		s.Unchecked += rep.Summary.Unchecked
		s.Ignored += rep.Summary.Ignored
		s.Filtered += rep.Summary.Filtered
		for _, c := range rep.Causes {
			k := c
			k.Count = 0
			oc := causes[k]
			if oc == nil {
				oc = &orgCause{Cause: k}
				causes[k] = oc
			}
			oc.Count += c.Count
			oc.Accounts++
		}
		doc := &report.Audit{Report: rep, SummaryOnly: in.summary}
		var b bytes.Buffer
		switch in.format {
		case "json":
			if err := report.Write(&b, report.JSON, doc, ro); err != nil {
				return &Error{Code: ExitRuntime, Err: err}
			}
			ar.Report = json.RawMessage(bytes.TrimSpace(b.Bytes()))
		case "junit":
			if err := report.Write(&b, report.JUnit, doc, ro); err != nil {
				return &Error{Code: ExitRuntime, Err: err}
			}
			var one report.JUnitSuites
			if err := xml.Unmarshal(b.Bytes(), &one); err != nil {
				return &Error{Code: ExitRuntime, Err: err}
			}
			junit.Suites = append(junit.Suites, one.Suites...)
		case "sarif":
			if err := report.Write(&b, report.SARIF, doc, ro); err != nil {
				return &Error{Code: ExitRuntime, Err: err}
			}
			var log struct {
				Runs []json.RawMessage `json:"runs"`
			}
			if err := json.Unmarshal(b.Bytes(), &log); err != nil {
				return &Error{Code: ExitRuntime, Err: err}
			}
			sarifRuns = append(sarifRuns, log.Runs...)
		default:
			if err := report.Write(&b, report.Format(in.format), doc, ro); err != nil {
				return &Error{Code: ExitRuntime, Err: err}
			}
			text.Write(b.Bytes())
			text.WriteString("\n")
		}
		out.PerAccount = append(out.PerAccount, ar)
	}
	for _, c := range causes {
		out.Causes = append(out.Causes, *c)
	}
	sort.Slice(out.Causes, func(i, j int) bool {
		ci, cj := out.Causes[i], out.Causes[j]
		if ci.Result != cj.Result {
			return ci.Result == audit.Fail
		}
		if ci.Count != cj.Count {
			return ci.Count > cj.Count
		}
		if ci.RuleID != cj.RuleID {
			return ci.RuleID < cj.RuleID
		}
		return ci.Action+ci.Layer < cj.Action+cj.Layer
	})
	var data []byte
	switch in.format {
	case "json":
		if data, err = json.MarshalIndent(out, "", "  "); err != nil {
			return &Error{Code: ExitRuntime, Err: err}
		}
		data = append(data, '\n')
	case "junit":
		for _, st := range junit.Suites {
			junit.Tests += st.Tests
			junit.Failures += st.Failures
			junit.Errors += st.Errors
			junit.Skipped += st.Skipped
		}
		x, err := xml.MarshalIndent(junit, "", "  ")
		if err != nil {
			return &Error{Code: ExitRuntime, Err: err}
		}
		data = append(append([]byte(xml.Header), x...), '\n')
	case "sarif":
		log := map[string]any{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": sarifRuns}
		if sarifRuns == nil {
			log["runs"] = []json.RawMessage{}
		}
		if data, err = json.MarshalIndent(log, "", "  "); err != nil {
			return &Error{Code: ExitRuntime, Err: err}
		}
		data = append(data, '\n')
	default:
		var b bytes.Buffer
		h := t("audit.org.title", strconv.Itoa(out.Accounts), strconv.Itoa(out.Audited), strconv.Itoa(out.NotAudited))
		if md {
			fmt.Fprintf(&b, "# %s\n\n", h)
		} else {
			fmt.Fprintf(&b, "%s\n\n", h)
		}
		fmt.Fprintf(&b, "%s\n\n", t("audit.org.summary", strconv.Itoa(out.Summary.Items), strconv.Itoa(out.Summary.Failed),
			strconv.Itoa(out.Summary.Unchecked), strconv.Itoa(out.CopyRules)))
		for _, c := range out.Causes {
			fmt.Fprintf(&b, "- %s\n", t("audit.org.cause", c.RuleID, c.Action, strconv.Itoa(c.Count), strconv.Itoa(c.Accounts)))
		}
		b.WriteString("\n")
		b.Write(text.Bytes())
		data = b.Bytes()
	}
	// The organization report holds each account's (stream it: a follow-up).
	if err := writeOutput(env, in.output, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	switch {
	case out.Summary.Failed > 0:
		return &Error{Code: ExitDenied, Err: errSilent}
	case out.Summary.Unchecked > 0 || out.NotAudited > 0:
		return &Error{Code: ExitUnchecked, Err: errSilent}
	}
	return nil
}
