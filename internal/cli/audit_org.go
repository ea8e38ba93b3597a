package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"sort"
	"strconv"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/collect"
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
// in dir, each against the others for its copy rules. Accounts are loaded
// and audited a few at a time (one per CPU), each dropped as soon as its
// part of the report is written to a temporary spool file (mode 0600), so
// that memory does not grow with the number of accounts; destination
// accounts of copies stay loaded, a few at most. The header (totals and
// causes over the organization) is written first, then the spool, so the
// output is the same as if it had been built in memory. An account that
// was not collected, or whose file cannot be loaded, is listed and makes
// the audit could-not-check: never silently missing.
func runAuditOrg(env *Env, in *auditInput, dir string) error {
	o, err := account.OpenOrg(dir)
	if err != nil {
		return usageErr("%s: %v", dir, err)
	}
	shard, err := selectOrgAccounts(o, in.accounts, in.ous)
	if err != nil {
		return err
	}
	view := preflight.NewOrgView(o, 0)
	out := orgAuditReport{SchemaVersion: audit.SchemaVersion, Causes: []orgCause{}}
	if x := o.Index.Organization; x != nil {
		out.Organization = x.ID
	}
	causes := map[audit.Cause]*orgCause{}
	spool, err := os.CreateTemp("", "denied-audit-org-*")
	if err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	defer os.Remove(spool.Name())
	defer spool.Close()
	sw := bufio.NewWriterSize(spool, 256<<10)
	ro := report.Options{Lang: in.lang, Version: Version, Warn: func(msg string) { fmt.Fprintf(env.Stderr, "denied: %s\n", msg) }}
	t := func(id string, args ...any) string { return i18n.T(in.lang, id, args...) }
	md := in.format == "markdown"
	var werr error
	parts := 0 // JSON elements or SARIF runs written to the spool
	// JUnit's totals lead the document: its suites are spooled like the
	// other formats' parts, and the totals written before them at the end.
	junit := report.JUnitSuites{Name: "denied audit"}
	for r := range auditOrgAccounts(shard, func(a account.OrgIndexAccount) orgAccountResult {
		return auditOrgAccount(o, view, in, ro, t, a)
	}) {
		if r.err != nil {
			return &Error{Code: ExitRuntime, Err: r.err}
		}
		out.Accounts++
		junit.Tests += r.junit.Tests
		junit.Failures += r.junit.Failures
		junit.Errors += r.junit.Errors
		junit.Skipped += r.junit.Skipped
		if r.rep == nil {
			out.NotAudited++
		} else {
			rep := r.rep
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
			s.ToVerify += rep.Summary.ToVerify
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
		}
		for _, p := range r.parts {
			if werr != nil {
				break
			}
			switch in.format {
			case "json", "sarif", "junit":
				if parts > 0 {
					sep := ",\n"
					if in.format == "junit" {
						sep = "\n"
					}
					_, werr = sw.WriteString(sep)
				}
				if werr == nil {
					_, werr = sw.Write(p)
				}
				parts++
			default:
				_, werr = sw.Write(p)
			}
		}
	}
	if werr == nil {
		werr = sw.Flush()
	}
	if werr != nil {
		return &Error{Code: ExitRuntime, Err: werr}
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
	// head and tail surround the spooled parts.
	var head, tail []byte
	switch in.format {
	case "junit":
		// As xml.MarshalIndent of the suites writes it: without suites it
		// ends in "></testsuites>"; the spooled suites go before the end tag.
		x, err := xml.MarshalIndent(junit, "", "  ")
		if err != nil {
			return &Error{Code: ExitRuntime, Err: err}
		}
		head = append([]byte(xml.Header), bytes.TrimSuffix(x, []byte("</testsuites>"))...)
		tail = []byte("</testsuites>\n")
		if parts > 0 {
			head = append(head, '\n')
			tail = append([]byte("\n"), tail...)
		}
	case "json":
		// The report without its accounts ends in `"perAccount": null\n}`;
		// the accounts go in its place, as MarshalIndent would write them.
		if head, err = marshalIndent(out, ""); err != nil {
			return &Error{Code: ExitRuntime, Err: err}
		}
		head = bytes.TrimSuffix(head, []byte("null\n}"))
		if parts == 0 {
			head, tail = append(head, "null"...), []byte("\n}\n")
		} else {
			head, tail = append(head, "[\n"...), []byte("\n  ]\n}\n")
		}
	case "sarif":
		// As MarshalIndent of {"$schema", "runs", "version"} writes it.
		head = []byte("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [")
		tail = []byte("],\n  \"version\": \"2.1.0\"\n}\n")
		if parts > 0 {
			head = append(head, '\n')
			tail = append([]byte("\n  "), tail...)
		}
	default:
		var b bytes.Buffer
		// n is a count of things, in its singular or plural form.
		n := func(count int, id string) string { return i18n.N(in.lang, count, id, strconv.Itoa(count)) }
		h := t("audit.org.title", n(out.Accounts, "audit.org.count.accounts"), strconv.Itoa(out.Audited), strconv.Itoa(out.NotAudited))
		if md {
			fmt.Fprintf(&b, "# %s\n\n", h)
		} else {
			fmt.Fprintf(&b, "%s\n\n", h)
		}
		fmt.Fprintf(&b, "%s\n\n", t("audit.org.summary", n(out.Summary.Items, "audit.org.count.items"), strconv.Itoa(out.Summary.Failed),
			strconv.Itoa(out.Summary.Unchecked), n(out.CopyRules, "audit.org.count.copy-rules")))
		for _, c := range out.Causes {
			if c.Action == "" {
				// A condition or a cause of could-not-check: no action.
				fmt.Fprintf(&b, "- %s\n", t("audit.org.cause.rule", c.RuleID, n(c.Count, "audit.org.count.items"), n(c.Accounts, "audit.org.count.accounts")))
				continue
			}
			fmt.Fprintf(&b, "- %s\n", t("audit.org.cause", c.RuleID, c.Action, n(c.Count, "audit.org.count.items"), n(c.Accounts, "audit.org.count.accounts")))
		}
		b.WriteString("\n")
		head = b.Bytes()
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	if err := writeOutput(env, in.output, func(w io.Writer) error {
		_, err := io.Copy(w, io.MultiReader(bytes.NewReader(head), spool, bytes.NewReader(tail)))
		return err
	}); err != nil {
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

// orgAccountResult is one account of an organization audit: its audit
// (nil when it was not audited), its parts of the output (text or
// markdown; JSON elements of perAccount, indented in place; SARIF runs,
// indented in place), or the error that stops the audit.
type orgAccountResult struct {
	rep   *audit.Report
	parts [][]byte
	// junit holds the totals of the account's JUnit suites (its suites
	// are in parts).
	junit report.JUnitSuites
	err   error
}

// auditOrgAccounts yields the results of audit for every account of the
// index, in its order, computing up to GOMAXPROCS of them at once and
// holding at most twice as many finished ones.
func auditOrgAccounts(accounts []account.OrgIndexAccount, work func(account.OrgIndexAccount) orgAccountResult) iter.Seq[orgAccountResult] {
	return func(yield func(orgAccountResult) bool) {
		n := runtime.GOMAXPROCS(0)
		order := make(chan chan orgAccountResult, n)
		done := make(chan struct{})
		defer close(done)
		go func() {
			defer close(order)
			sem := make(chan struct{}, n)
			for _, a := range accounts {
				ch := make(chan orgAccountResult, 1)
				select {
				case sem <- struct{}{}:
				case <-done:
					return
				}
				select {
				case order <- ch:
				case <-done:
					<-sem
					return
				}
				go func() {
					defer func() { <-sem }()
					ch <- work(a)
				}()
			}
		}()
		for ch := range order {
			if !yield(<-ch) {
				return
			}
		}
	}
}

// auditOrgAccount loads and audits one account of the index and renders
// its part of the output.
func auditOrgAccount(o *account.Org, view preflight.OrgView, in *auditInput, ro report.Options, t func(string, ...any) string, a account.OrgIndexAccount) orgAccountResult {
	ar := orgAccountReport{Account: a.ID, Name: a.Name, Status: a.Status, Error: a.Error}
	var snap *account.Snapshot
	if a.Status == account.AccountCollected {
		var lerr error
		if snap, lerr = o.LoadAccount(a); lerr != nil {
			ar.Status, ar.Error = "unreadable", lerr.Error()
		}
	}
	var r orgAccountResult
	if snap == nil {
		switch in.format {
		case "json":
			el, err := marshalIndent(ar, "    ")
			if err != nil {
				return orgAccountResult{err: err}
			}
			r.parts = [][]byte{append([]byte("    "), el...)}
		case "junit":
			// An account not audited is an error of its own suite.
			r.junit.Suites = append(r.junit.Suites, report.JUnitNotAudited(ar.Account, ar.Status, ar.Error))
			if err := r.junitParts(); err != nil {
				return orgAccountResult{err: err}
			}
		case "text", "markdown":
			line := t("audit.org.not-audited", ar.Account, ar.Status, ar.Error)
			if in.format == "markdown" {
				r.parts = [][]byte{[]byte("## " + line + "\n\n")}
			} else {
				r.parts = [][]byte{[]byte(line + "\n\n")}
			}
		}
		return r
	}
	opt := in.opt
	opt.Org = view
	opt.ListPassed = in.format == "junit"
	rep := audit.Run(snap, opt)
	snap = nil
	doc := &report.Audit{Report: rep, SummaryOnly: in.summary}
	var b bytes.Buffer
	switch in.format {
	case "json":
		// As marshalIndent(ar, "    ") writes ar with the report as its
		// json.RawMessage (indented at the depth of its member), with the
		// report written there directly instead of written, compacted and
		// indented again.
		el, err := marshalIndent(ar, "    ")
		if err != nil {
			return orgAccountResult{err: err}
		}
		const closer = "\n    }"
		b.WriteString("    ")
		b.Write(el[:len(el)-len(closer)])
		b.WriteString(",\n      \"report\": ")
		if err := report.WriteAuditJSONAt(&b, doc, ro, 3); err != nil {
			return orgAccountResult{err: err}
		}
		b.WriteString(closer)
		r.parts = [][]byte{b.Bytes()}
	case "junit":
		if err := report.Write(&b, report.JUnit, doc, ro); err != nil {
			return orgAccountResult{err: err}
		}
		if err := xml.Unmarshal(b.Bytes(), &r.junit); err != nil {
			return orgAccountResult{err: err}
		}
		if err := r.junitParts(); err != nil {
			return orgAccountResult{err: err}
		}
	case "sarif":
		if err := report.Write(&b, report.SARIF, doc, ro); err != nil {
			return orgAccountResult{err: err}
		}
		var log struct {
			Runs []json.RawMessage `json:"runs"`
		}
		if err := json.Unmarshal(b.Bytes(), &log); err != nil {
			return orgAccountResult{err: err}
		}
		for _, run := range log.Runs {
			// Re-indented at its depth, not HTML-escaped: as the
			// single-account SARIF writes it.
			var ib bytes.Buffer
			ib.WriteString("    ")
			if err := json.Indent(&ib, run, "    ", "  "); err != nil {
				return orgAccountResult{err: err}
			}
			r.parts = append(r.parts, ib.Bytes())
		}
	default:
		if err := report.Write(&b, report.Format(in.format), doc, ro); err != nil {
			return orgAccountResult{err: err}
		}
		b.WriteString("\n")
		r.parts = [][]byte{b.Bytes()}
	}
	// Only the totals and causes of the report are needed from here on.
	r.rep = &audit.Report{RecoveryPoints: rep.RecoveryPoints, Selections: rep.Selections, CopyRules: rep.CopyRules,
		Summary: rep.Summary, Causes: rep.Causes}
	return r
}

// junitParts moves the account's JUnit suites into its parts, each
// indented as a child of <testsuites> (as xml.MarshalIndent of the whole
// document writes it), and keeps their totals in r.junit.
func (r *orgAccountResult) junitParts() error {
	r.junit.Tests, r.junit.Failures, r.junit.Errors, r.junit.Skipped = 0, 0, 0, 0
	for _, st := range r.junit.Suites {
		var b bytes.Buffer
		enc := xml.NewEncoder(&b)
		enc.Indent("  ", "  ")
		if err := enc.EncodeElement(st, xml.StartElement{Name: xml.Name{Local: "testsuite"}}); err != nil {
			return err
		}
		if err := enc.Close(); err != nil {
			return err
		}
		r.parts = append(r.parts, b.Bytes())
		r.junit.Tests += st.Tests
		r.junit.Failures += st.Failures
		r.junit.Errors += st.Errors
		r.junit.Skipped += st.Skipped
	}
	r.junit.Suites = nil
	return nil
}

// selectOrgAccounts is the index's accounts that audit --accounts and --ou
// select, in the index's order: all of them without the flags. An ID that
// is not an account or OU ID, or not in the snapshot, is a usage error, so a
// shard never silently audits less than it names.
func selectOrgAccounts(o *account.Org, accounts, ous string) ([]account.OrgIndexAccount, error) {
	if accounts == "" && ous == "" {
		return o.Index.Accounts, nil
	}
	known := map[string]bool{}
	for _, a := range o.Index.Accounts {
		known[a.ID] = true
	}
	var ids, ouIDs []string
	for _, id := range splitList(accounts) {
		if !arn.IsAccountID(id) {
			return nil, usageErr("--accounts: %q is not a 12-digit account ID", id)
		}
		if !known[id] {
			return nil, usageErr("--accounts: %s is not in the organization snapshot", id)
		}
		ids = append(ids, id)
	}
	for _, id := range splitList(ous) {
		if !ouID().MatchString(id) {
			return nil, usageErr("--ou: %q is not an OU id (ou-...) or a root id (r-...)", id)
		}
		ouIDs = append(ouIDs, id)
	}
	if len(ids) == 0 && len(ouIDs) == 0 {
		return nil, usageErr("--accounts and --ou: no account or OU named")
	}
	sel, err := collect.Selection(o.Index.Organization, o.Index.Accounts, ids, ouIDs)
	var se *collect.SelectionError
	if errors.As(err, &se) {
		return nil, usageErr("--ou %s: %s", se.ID, se.Why)
	} else if err != nil {
		return nil, usageErr("%v", err)
	}
	var out []account.OrgIndexAccount
	for _, a := range o.Index.Accounts {
		if sel[a.ID] {
			out = append(out, a)
		}
	}
	return out, nil
}

// marshalIndent is json.MarshalIndent(v, prefix, "  ") without HTML
// escaping: the organization's JSON writes "<", ">" and "&" as they are,
// as the single-account report does (an AWS CLI command's "> file.json",
// an error message).
func marshalIndent(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
