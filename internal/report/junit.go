package report

import (
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

// writeJUnit writes the report as JUnit XML. Passed items are listed too
// (audit.Options.ListPassed): a suite of every recovery point and selection
// checked.
func (a *Audit) writeJUnit(w io.Writer, o Options) error {
	rep, lang := a.Report, o.Lang
	fillGapTexts(&rep, lang)
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
	out := JUnitSuites{Name: "denied audit", Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Skipped: s.Skipped, Suites: []junitSuite{s}}
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
