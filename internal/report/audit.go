package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/preflight"
)

// Audit is the report of denied audit.
type Audit struct {
	Report audit.Report
	// Source points into the snapshot file the audit read (SARIF
	// locations); nil when there is no file (--live).
	Source Locator
	// SummaryOnly leaves the items out (text, markdown, JSON).
	SummaryOnly bool
}

// Locator points into the snapshot file an audit read.
type Locator interface {
	// URI is the file as reports name it, slash-separated ("" for none).
	URI() string
	// Line is the line of an item in the file, or 0.
	Line(it audit.Item) int
	// RoleLine is the line of a role in the file, or 0.
	RoleLine(arn string) int
}

func (*Audit) name() string { return "audit" }

func (a *Audit) writeText(w io.Writer, o Options, md bool) error {
	rep := a.Report
	fillGapTexts(&rep, o.Lang)
	b := bufio.NewWriterSize(w, bufSize)
	auditText(b, rep, o.Lang, md, a.SummaryOnly)
	return b.Flush()
}

// fillGapTexts writes each could-not-check cause's message in lang.
func fillGapTexts(rep *audit.Report, lang i18n.Lang) {
	for i := range rep.Items {
		for j := range rep.Items[i].Unchecked {
			g := &rep.Items[i].Unchecked[j]
			g.Text = i18n.T(lang, g.MsgID, tArgs(lang, g.Args)...)
		}
	}
}

func auditLayer(lang i18n.Lang, layer string) string {
	if layer == "" {
		return i18n.T(lang, "layer.unknown")
	}
	return i18n.T(lang, "layer."+layer)
}

// fixTitle is a fix's title in lang (as check renders it).
func fixTitle(lang i18n.Lang, title, id string, args []string) string {
	if id == "" || !i18n.Has(id) {
		return title
	}
	return i18n.T(lang, id, tArgs(lang, args)...)
}

// summaryLine is the sentence of counts that add up to the items.
func summaryLine(rep audit.Report, lang i18n.Lang) string {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	// n is a count of things, in its singular or plural form.
	n := func(count int, id string) string { return i18n.N(lang, count, id, strconv.Itoa(count)) }
	s := rep.Summary
	var out string
	if rep.CopyRules > 0 {
		out = t("audit.summary.copy", n(rep.RecoveryPoints, "audit.count.recovery-points"), n(rep.Selections, "audit.count.selections"), n(rep.CopyRules, "audit.count.copy-rules"),
			n(s.Items-rep.RecoveryPoints-rep.Selections-rep.CopyRules, "audit.count.unreadable"), strconv.Itoa(s.Passed), strconv.Itoa(s.Failed), strconv.Itoa(s.Unchecked))
	} else {
		out = t("audit.summary", n(rep.RecoveryPoints, "audit.count.recovery-points"), n(rep.Selections, "audit.count.selections"), n(s.Items-rep.RecoveryPoints-rep.Selections, "audit.count.unreadable"),
			strconv.Itoa(s.Passed), strconv.Itoa(s.Failed), strconv.Itoa(s.Unchecked))
	}
	if s.Ignored > 0 {
		out += " " + t("audit.summary.ignored", strconv.Itoa(s.Ignored))
	}
	if s.Filtered > 0 {
		out += " " + t("audit.summary.filtered", strconv.Itoa(s.Filtered))
	}
	return out
}

// auditText writes the report as text or Markdown to b, item by item (b
// keeps the first write error).
func auditText(b *bufio.Writer, rep audit.Report, lang i18n.Lang, md, summaryOnly bool) {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	heading := func(level int, s string) {
		if md {
			fmt.Fprintf(b, "%s %s\n\n", strings.Repeat("#", level), s)
			return
		}
		b.WriteString(s + "\n")
		if level == 1 {
			b.WriteString(strings.Repeat("=", i18n.Width(s)) + "\n")
		} else if level == 2 {
			b.WriteString(strings.Repeat("-", i18n.Width(s)) + "\n")
		}
		b.WriteString("\n")
	}
	bullet := func(s string) {
		if md {
			b.WriteString("- " + s + "\n")
			return
		}
		b.WriteString("  " + s + "\n")
	}
	heading(1, t("audit.title", rep.Account))
	b.WriteString(summaryLine(rep, lang) + "\n")
	switch {
	case rep.Summary.Failed > 0:
	case rep.Summary.Unchecked > 0:
		b.WriteString(i18n.N(lang, rep.Summary.Unchecked, "audit.not-proven", strconv.Itoa(rep.Summary.Unchecked)) + "\n")
	case rep.Summary.Ignored > 0 || rep.Summary.Filtered > 0:
		b.WriteString(t("audit.ok.suppressed") + "\n")
	case rep.NothingToAudit:
		b.WriteString(t("audit.nothing") + "\n")
	case rep.Summary.ToVerify > 0 && summaryOnly:
		b.WriteString(i18n.N(lang, rep.Summary.ToVerify, "audit.ok.to-verify.summary", strconv.Itoa(rep.Summary.ToVerify)) + "\n")
	case rep.Summary.ToVerify > 0:
		b.WriteString(i18n.N(lang, rep.Summary.ToVerify, "audit.ok.to-verify", strconv.Itoa(rep.Summary.ToVerify)) + "\n")
	default:
		b.WriteString(t("audit.ok") + "\n")
	}
	if rep.Caller == "" {
		b.WriteString(t("audit.no-caller") + "\n")
	}
	b.WriteString("\n")
	if len(rep.Causes) > 0 {
		heading(2, t("audit.causes"))
		rows := [][]string{{t("audit.col.rule"), t("audit.col.severity"), t("audit.col.result"), t("audit.col.action"), t("audit.col.layer"), t("audit.col.count")}}
		for _, c := range rep.Causes {
			action, layer := c.Action, auditLayer(lang, c.Layer)
			if c.Result == audit.Unchecked {
				action, layer = "-", "-"
			}
			rows = append(rows, []string{c.RuleID, c.Severity, t("audit.result." + c.Result), action, layer, strconv.Itoa(c.Count)})
		}
		if md {
			for i, row := range rows {
				b.WriteString("| " + strings.Join(row, " | ") + " |\n")
				if i == 0 {
					b.WriteString(strings.Repeat("|---", len(row)) + "|\n")
				}
			}
		} else {
			b.WriteString(i18n.Table(rows))
		}
		total := rep.Summary.Failed + rep.Summary.Unchecked
		b.WriteString("\n" + i18n.N(lang, total, "audit.causes.total", strconv.Itoa(rep.Summary.Failed), strconv.Itoa(rep.Summary.Unchecked),
			strconv.Itoa(total)) + "\n\n")
	}
	if summaryOnly {
		return
	}
	toVerify := func(it audit.Item) {
		for _, c := range it.ToVerify {
			bullet(toVerifyLine(lang, c))
		}
	}
	defer func() {
		// The items that pass with facts to verify, each with them.
		var passed []audit.Item
		for _, it := range rep.Passed {
			if len(it.ToVerify) > 0 {
				passed = append(passed, it)
			}
		}
		if len(passed) == 0 {
			return
		}
		if len(rep.Items) > 0 {
			b.WriteString("\n")
		}
		heading(2, t("audit.to-verify.passed"))
		for i, it := range passed {
			if i > 0 {
				b.WriteString("\n")
			}
			heading(3, t("audit.item."+it.Kind, it.ARN)+" — "+t("audit.result."+it.Result))
			if it.Operation != "" {
				bullet(t("audit.operation", it.Operation))
			}
			toVerify(it)
		}
	}()
	if len(rep.Items) == 0 {
		return
	}
	heading(2, t("audit.findings"))
	for _, it := range rep.Items {
		heading(3, t("audit.item."+it.Kind, it.ARN)+" — "+t("audit.result."+it.Result))
		if it.Operation != "" {
			bullet(t("audit.operation", it.Operation))
		}
		switch {
		case it.Kind == audit.KindSnapshot:
		case it.Kind == audit.KindSelection:
			bullet(t("audit.selection-role", it.Role))
		case it.Role == "":
			bullet(t("audit.role.none"))
		default:
			bullet(t("audit.role", it.Role, t("audit.role-source."+it.RoleSource)))
		}
		if it.InstanceRole != "" {
			bullet(t("audit.instance-role", it.InstanceRole))
		}
		for _, g := range it.Unchecked {
			bullet(suppressed(lang, t("audit.unchecked", g.RuleID, g.Text), g.Ignored, g.Filtered))
		}
		for _, f := range it.Findings {
			if f.RuleID == audit.RuleKeyState {
				// A key the operation uses is not enabled: which, its
				// state, and the command that enables it.
				bullet(suppressed(lang, t("audit.key-state", f.RuleID, msgText(lang, f.Detail)), f.Ignored, f.Filtered))
				if f.Remedy != nil && f.Ignored == "" && !f.Filtered {
					bullet(t("audit.remedy", msgText(lang, f.Remedy)))
				}
				continue
			}
			if f.RuleID == audit.RuleCopyCondition {
				// A condition of the copy fails: its text, and what
				// decided it.
				line := t("audit.copy-condition", f.RuleID, t(f.Title.ID))
				if f.Detail != nil {
					args := make([]any, len(f.Detail.Args))
					for i, a := range f.Detail.Args {
						args[i] = a
					}
					line += " — " + t(f.Detail.ID, args...)
				}
				bullet(suppressed(lang, line, f.Ignored, f.Filtered))
				continue
			}
			bullet(suppressed(lang, t("audit.denied", f.RuleID, f.PrincipalARN, f.Action, f.Resource, auditLayer(lang, f.Layer)), f.Ignored, f.Filtered))
			if f.Ignored != "" || f.Filtered {
				continue
			}
			if f.Message != "" {
				bullet(t("audit.aws-says", f.Message))
			}
			if f.Fix != nil {
				title := fixTitle(lang, f.Fix.Title, f.Fix.TitleMsg.ID, f.Fix.TitleMsg.Args)
				if f.Fix.Verified {
					bullet(t("audit.fix", title))
				} else {
					bullet(t("audit.fix.unverified", title))
				}
			} else if f.FixWithheld != nil {
				bullet(withheldText(lang, "preflight.fix-withheld", *f.FixWithheld))
			}
		}
		toVerify(it)
		b.WriteString("\n")
	}
	b.WriteString(t("audit.more-detail") + "\n")
}

// toVerifyLine is a fact to verify, as check lists it under "To verify":
// its kind, its text and when it applies, in lang.
func toVerifyLine(lang i18n.Lang, c preflight.Condition) string {
	return i18n.T(lang, "audit.to-verify", kindLabel(lang, c.Kind), toVerifyText(lang, c))
}

// toVerifyText is a fact to verify and when it applies, in lang.
func toVerifyText(lang i18n.Lang, c preflight.Condition) string {
	text := condText(lang, c.Kind, c.Text)
	if c.When != "" {
		text += " " + i18n.T(lang, "preflight.when", whenText(lang, c.When))
	}
	return text
}

func suppressed(lang i18n.Lang, s, ignored string, filtered bool) string {
	switch {
	case ignored != "":
		return s + " " + i18n.T(lang, "audit.ignored-because", ignored)
	case filtered:
		return s + " " + i18n.T(lang, "audit.below-severity")
	}
	return s
}

// msgText is message m (an id and its arguments) in lang; "" for nil.
func msgText(lang i18n.Lang, m *diagnose.Msg) string {
	if m == nil {
		return ""
	}
	a := make([]any, len(m.Args))
	for i, s := range m.Args {
		a[i] = s
	}
	return i18n.T(lang, m.ID, a...)
}

// findingLine is the one-line message of finding f of item (SARIF,
// JUnit): the request that would be denied, or the key that is not
// enabled.
func findingLine(lang i18n.Lang, f audit.Finding, item string) string {
	if f.RuleID == audit.RuleKeyState {
		msg := i18n.T(lang, "audit.sarif.key-state", msgText(lang, f.Detail), item)
		if f.Remedy != nil {
			msg += " " + i18n.T(lang, "audit.remedy", msgText(lang, f.Remedy))
		}
		return msg
	}
	if f.RuleID == audit.RuleCopyCondition {
		// A condition of the copy, not a request: no principal or
		// action to name.
		return i18n.T(lang, "audit.sarif.copy-condition", i18n.T(lang, f.Title.ID), msgText(lang, f.Detail), item)
	}
	return i18n.T(lang, "audit.sarif.message", f.Action, f.PrincipalARN, f.Resource, auditLayer(lang, f.Layer), item)
}
