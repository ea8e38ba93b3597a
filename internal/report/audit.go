package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/catalog/backupops"
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
	facts := groupToVerify(rep)
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
	case len(facts) > 0 && summaryOnly:
		b.WriteString(toVerifySentence(lang, "audit.ok.to-verify.summary", facts) + "\n")
	case len(facts) > 0:
		b.WriteString(toVerifySentence(lang, "audit.ok.to-verify", facts) + "\n")
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
	// Each distinct fact to verify once, with the items it concerns,
	// after the items (the facts of a failing item too).
	defer func() {
		if len(facts) == 0 {
			return
		}
		if len(rep.Items) > 0 {
			b.WriteString("\n")
		}
		heading(2, t("audit.to-verify.title"))
		b.WriteString(toVerifyCounts(lang, "audit.to-verify.intro", facts, "") + "\n\n")
		for i, g := range facts {
			if i > 0 {
				b.WriteString("\n")
			}
			for _, c := range g.conds {
				fact := t("same.audit.to-verify.fact", kindLabel(lang, c.Kind), toVerifyText(lang, c))
				if md {
					fact = "- " + fact
				}
				b.WriteString(fact + "\n")
			}
			count := i18n.N(lang, len(g.items), "audit.to-verify.items", strconv.Itoa(len(g.items)))
			var names []string
			for j, it := range g.items {
				if j == toVerifyShown && len(g.items) > toVerifyShown+1 {
					rest := len(g.items) - j
					names = append(names, i18n.N(lang, rest, "audit.to-verify.more", strconv.Itoa(rest)))
					break
				}
				names = append(names, t("audit.item."+it.kind, it.arn))
			}
			if md {
				// A paragraph: a list would run into the next facts'.
				b.WriteString("\n" + count + " " + strings.Join(names, t("same.audit.to-verify.sep")) + "\n")
				continue
			}
			b.WriteString("  " + count + "\n")
			for _, n := range names {
				b.WriteString("    " + n + "\n")
			}
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
		b.WriteString("\n")
	}
	b.WriteString(t("audit.more-detail") + "\n")
}

// toVerifyLine is a fact to verify, as check lists it under "To verify":
// its kind, its text and when it applies, in lang.
func toVerifyLine(lang i18n.Lang, c preflight.Condition) string {
	return i18n.T(lang, "audit.to-verify", kindLabel(lang, c.Kind), toVerifyText(lang, c))
}

// toVerifyShown is how many of the items facts to verify concern the
// text and Markdown name when there are more than one more (a sixth item
// is named, not counted): "and N more items" counts the others.
const toVerifyShown = 5

// itemRef names an item: its kind and ARN (or selection name).
type itemRef struct{ kind, arn string }

// verifyGroup is facts to verify that concern the same items, each
// distinct fact once, and those items, in the order of the report.
type verifyGroup struct {
	conds []preflight.Condition
	items []itemRef
}

// groupToVerify gathers the facts to verify of the report's items (those
// that did not pass, then those that passed): each distinct fact once,
// with the items it concerns, facts that concern the same items together.
// Ordered by how many items, then by first appearance.
func groupToVerify(rep audit.Report) []verifyGroup {
	var facts []verifyGroup // one fact each
	index := map[preflight.Condition]int{}
	for _, items := range [][]audit.Item{rep.Items, rep.Passed} {
		for _, it := range items {
			ref := itemRef{it.Kind, it.ARN}
			for _, c := range it.ToVerify {
				i, ok := index[c]
				if !ok {
					i = len(facts)
					index[c] = i
					facts = append(facts, verifyGroup{conds: []preflight.Condition{c}})
				}
				// An item lists a fact once (audit's addVerify).
				if n := len(facts[i].items); n == 0 || facts[i].items[n-1] != ref {
					facts[i].items = append(facts[i].items, ref)
				}
			}
		}
	}
	var groups []verifyGroup
	byItems := map[string]int{}
	for _, f := range facts {
		var k strings.Builder
		for _, it := range f.items {
			k.WriteString(it.kind + "\x00" + it.arn + "\x00")
		}
		if i, ok := byItems[k.String()]; ok {
			groups[i].conds = append(groups[i].conds, f.conds...)
			continue
		}
		byItems[k.String()] = len(groups)
		groups = append(groups, f)
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].items) > len(groups[j].items) })
	return groups
}

// toVerifySentence is message id (audit.ok.to-verify*) of groups: how
// many items depend on how many facts, and whether a bucket policy is
// among them.
func toVerifySentence(lang i18n.Lang, id string, groups []verifyGroup) string {
	bucket := ""
	for _, g := range groups {
		for _, c := range g.conds {
			if c.Kind == backupops.KindBucketPolicy {
				bucket = i18n.T(lang, "audit.to-verify.bucket")
			}
		}
	}
	return toVerifyCounts(lang, id, groups, bucket)
}

// toVerifyCounts is message id with the count of distinct items groups
// concern and the count of their facts (then extra, if the message takes
// it), in the singular or plural of the items.
func toVerifyCounts(lang i18n.Lang, id string, groups []verifyGroup, extra string) string {
	seen := map[itemRef]bool{}
	facts := 0
	for _, g := range groups {
		facts += len(g.conds)
		for _, it := range g.items {
			seen[it] = true
		}
	}
	items := i18n.N(lang, len(seen), "audit.to-verify.count.items", strconv.Itoa(len(seen)))
	nf := i18n.N(lang, facts, "audit.to-verify.count.facts", strconv.Itoa(facts))
	if strings.Count(i18n.Text(lang, id), "%s") > 2 {
		return i18n.N(lang, len(seen), id, items, nf, extra)
	}
	return i18n.N(lang, len(seen), id, items, nf)
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
