package report

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/internal/i18n"
)

// JUnitSuites is JUnit XML, as CI systems (Jenkins, GitLab, GitHub test reporters) read
// it: one test case per item; a failure for an item that would fail, an
// error for one that could not be checked, skipped for an ignored or
// filtered one.
type JUnitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

// JUnitNotAudited is the suite of an account an organization audit could
// not audit (not collected, or its snapshot unreadable): one test case in
// error, saying why.
func JUnitNotAudited(accountID, status, why string) junitSuite {
	return junitSuite{Name: "denied audit " + accountID, Tests: 1, Errors: 1,
		Properties: []junitProperty{{"account", accountID}, {"status", status}},
		Cases: []junitCase{{Name: accountID, Classname: "denied.audit.account",
			Error: &junitProblem{Message: "account not audited (" + status + ")", Type: "notAudited", Text: why}}}}
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
	// SystemOut lists the item's facts to verify (no snapshot holds
	// them): output of a test case, neither a failure nor an error.
	SystemOut string `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// writeJUnit writes the report as JUnit XML. Passed items are listed too
// (audit.Options.ListPassed): a suite of every recovery point and selection
// checked.
func (a *Audit) writeJUnit(w io.Writer, o Options) error {
	rep, lang := a.Report, o.Lang
	fillGapTexts(&rep, lang)
	s := junitSuite{Name: "denied audit " + rep.Account, Properties: []junitProperty{{"account", rep.Account}, {"region", rep.Region},
		{"passed", strconv.Itoa(rep.Summary.Passed)}}, Tests: len(rep.Passed) + len(rep.Items)}
	for _, it := range rep.Items {
		switch it.Result {
		case audit.Fail:
			s.Failures++
		case audit.Unchecked:
			s.Errors++
		default:
			s.Skipped++
		}
	}
	// The document without its test cases, cut where they go; then each
	// case, as xml.Encoder would indent them in it.
	var head bytes.Buffer
	enc := xml.NewEncoder(&head)
	enc.Indent("", "  ")
	if err := enc.Encode(JUnitSuites{Name: "denied audit", Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Skipped: s.Skipped, Suites: []junitSuite{s}}); err != nil {
		return err
	}
	const end = "\n  </testsuite>"
	cut := bytes.Index(head.Bytes(), []byte(end))
	if cut < 0 {
		return fmt.Errorf("report: no test suite in the JUnit document")
	}
	b := bufio.NewWriterSize(w, bufSize)
	b.WriteString(xml.Header)
	b.Write(head.Bytes()[:cut])
	if s.Tests > 0 {
		b.WriteByte('\n')
	}
	enc = xml.NewEncoder(b)
	enc.Indent("    ", "  ")
	start := xml.StartElement{Name: xml.Name{Local: "testcase"}}
	for _, it := range rep.Passed {
		if err := enc.EncodeElement(junitCase{Name: it.ARN, Classname: "denied.audit." + it.Kind, SystemOut: junitToVerify(it, lang)}, start); err != nil {
			return err
		}
	}
	for _, it := range rep.Items {
		if err := enc.EncodeElement(junitCaseOf(it, lang), start); err != nil {
			return err
		}
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	b.Write(head.Bytes()[cut:])
	b.WriteByte('\n')
	return b.Flush()
}

// junitCaseOf is the test case of an item that did not pass.
func junitCaseOf(it audit.Item, lang i18n.Lang) junitCase {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	c := junitCase{Name: it.ARN, Classname: "denied.audit." + it.Kind}
	var lines []string
	var first string
	for _, f := range it.Findings {
		if f.Ignored == "" && !f.Filtered {
			lines = append(lines, f.RuleID+": "+findingLine(lang, f, it.ARN))
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
	c.SystemOut = junitToVerify(it, lang)
	switch it.Result {
	case audit.Fail:
		c.Failure = &junitProblem{Message: t("audit.result.fail") + ": " + first, Type: first, Text: text}
	case audit.Unchecked:
		c.Error = &junitProblem{Message: t("audit.result.could-not-check") + ": " + first, Type: first, Text: text}
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
	}
	return c
}

// junitToVerify is the facts to verify of an item, one a line ("" for
// none).
func junitToVerify(it audit.Item, lang i18n.Lang) string {
	lines := make([]string, len(it.ToVerify))
	for i, c := range it.ToVerify {
		lines[i] = toVerifyLine(lang, c)
	}
	return strings.Join(lines, "\n")
}
