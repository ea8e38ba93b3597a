package report

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/preflight"
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
			Error: &junitProblem{Message: "account not audited (" + status + ")", Type: "notAudited", Text: xmlText(why)}}}}
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
	SystemOut *junitOutput `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// junitSkipped says why a case was skipped in its message (Jenkins reads
// it) and its text (GitLab reads that).
type junitSkipped struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",cdata"`
}

// junitOutput is the <system-out> of a test case.
type junitOutput struct {
	Text string `xml:",cdata"`
}

// The texts of the elements are written as CDATA, so that their lines,
// quotes and JSON read as they are in the file (as character data,
// encoding/xml writes every newline and quote as a character reference).
// encoding/xml writes CDATA unfiltered: each text passes through xmlText
// first, a control character there would make the document invalid XML.

// xmlText is s with what XML 1.0 cannot hold (control characters other
// than tab and newline, U+FFFE, U+FFFF, invalid UTF-8) replaced by U+FFFD,
// and carriage returns made newlines (as a parser reads them).
func xmlText(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; {
		r, n := utf8.DecodeRuneInString(s[i:])
		clean = xmlChar(r, n) && r != '\r'
		i += n
	}
	if clean {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			b.WriteByte('\n')
		case !xmlChar(r, n):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// xmlChar reports whether rune r, decoded from n bytes, is a character
// XML 1.0 allows (Char production).
func xmlChar(r rune, n int) bool {
	if r == utf8.RuneError && n == 1 {
		return false // invalid UTF-8
	}
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
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
		if err := enc.EncodeElement(junitCase{Name: it.ARN, Classname: "denied.audit." + it.Kind, SystemOut: systemOut(junitToVerify(it, lang))}, start); err != nil {
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

// junitCaseOf is the test case of an item that did not pass. The text of
// its <failure> or <error> is all a reader gets (GitLab shows it and
// ignores the message attribute, GitHub's test reporters show it): each
// cause, what AWS says, the fix (the kind of policy it changes, the change,
// the AWS CLI commands when they are runnable as they are) or why none is
// proposed, then the facts to verify. An item that could not be checked is
// an <error>, never <skipped>: a CI system counts a skipped case as no
// problem, and nothing proved the restore works.
func junitCaseOf(it audit.Item, lang i18n.Lang) junitCase {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	c := junitCase{Name: it.ARN, Classname: "denied.audit." + it.Kind}
	var lines []string
	var first string
	for _, f := range it.Findings {
		if f.Ignored != "" || f.Filtered {
			continue
		}
		lines = append(lines, f.RuleID+": "+findingLine(lang, f, it.ARN))
		if first == "" {
			first = f.RuleID
		}
		var more []string
		if f.Message != "" {
			more = append(more, t("audit.aws-says", f.Message))
		}
		if f.Fix != nil {
			more = append(more, fixSummary(lang, f.Fix)...)
		} else if f.FixWithheld != nil {
			more = append(more, withheldLines(lang, *f.FixWithheld)...)
		}
		for _, l := range more {
			lines = append(lines, "  "+l)
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
	facts := junitToVerify(it, lang)
	if facts != "" && (it.Result == audit.Fail || it.Result == audit.Unchecked) {
		// In the failure's text, not in <system-out> as well: GitLab
		// appends a failed case's output to it.
		lines = append(lines, "", facts)
	} else {
		c.SystemOut = systemOut(facts)
	}
	text := xmlText(strings.Join(lines, "\n"))
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
		c.Skipped = &junitSkipped{Message: reason, Text: xmlText(reason)}
	}
	return c
}

// policyKind names, in lang, the kind of policy fix f changes (the layer
// that denied): "KMS key policy", "role trust policy", ..., or that it
// changes none (fix.PolicyKindID); the layer for a kind it does not know.
func policyKind(lang i18n.Lang, f *fix.Fix) string {
	if id := fix.PolicyKindID(f.Target); id != "" {
		return i18n.T(lang, id)
	}
	return auditLayer(lang, f.Layer)
}

// fixKind is the kind of fix f as the text and Markdown reports head it:
// least privilege, riskier alternative; for a fix that changes no policy,
// what policyKind names it ("no policy change: a change to the request").
func fixKind(lang i18n.Lang, f *fix.Fix) string {
	if !f.Target.Kind.EditsPolicy() {
		return policyKind(lang, f)
	}
	return i18n.T(lang, "kind."+KindID(f.Kind))
}

// fixSummary is fix f in lines: whether it is verified, the kind of
// policy it changes and the change; then its AWS CLI commands (and their
// comment lines) when they hold no placeholder, else which placeholders
// they need (a command is never given with a value the snapshot does not
// hold).
func fixSummary(lang i18n.Lang, f *fix.Fix) []string {
	id := "audit.junit.fix"
	if !f.Verified {
		id += ".unverified"
	}
	lines := []string{i18n.T(lang, id, policyKind(lang, f), fixTitle(lang, f.Title, f.TitleMsg.ID, f.TitleMsg.Args))}
	return append(lines, fixCommands(lang, f, "  ")...)
}

// fixCommands is the AWS CLI of fix f, each command indented by ind under
// a label, when it is runnable as it is; the placeholders it needs when it
// is not; nothing when the fix has no command.
func fixCommands(lang i18n.Lang, f *fix.Fix, ind string) []string {
	r := f.Render.In(lang)
	if len(r.CLI) == 0 {
		return nil
	}
	if len(r.Placeholders) > 0 {
		return []string{i18n.T(lang, "audit.junit.cli.placeholders", strings.Join(r.Placeholders, i18n.T(lang, "same.withheld.comma")))}
	}
	lines := []string{i18n.T(lang, "audit.junit.cli")}
	for _, c := range r.CLI {
		lines = append(lines, ind+c)
	}
	return lines
}

// withheldLines says why no fix is proposed, naming each unreadable call,
// then the error AWS returned for each that has one.
func withheldLines(lang i18n.Lang, w preflight.Withheld) []string {
	lines := []string{withheldText(lang, "preflight.fix-withheld", w)}
	for _, c := range w.All() {
		if c.Error != "" {
			lines = append(lines, "  "+i18n.T(lang, "audit.junit.call-error", c.API, c.Error))
		}
	}
	return lines
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

// systemOut is the <system-out> of text, nil for none.
func systemOut(text string) *junitOutput {
	if text == "" {
		return nil
	}
	return &junitOutput{Text: xmlText(text)}
}
