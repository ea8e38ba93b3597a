package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/preflight"
)

// Check is the report of denied check on one operation.
type Check struct {
	Report preflight.Report
}

func (*Check) name() string { return "check" }

func (c *Check) writeJSON(w io.Writer, _ Options) error { return writeJSON(w, c.Report) }

func (c *Check) writeText(w io.Writer, o Options, md bool) error {
	_, err := io.WriteString(w, checkText(c.Report, o.Lang, md))
	return err
}

func checkText(rep preflight.Report, lang i18n.Lang, md bool) string {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	// n is a sentence about count things, in its singular or plural form.
	n := func(count int, id string) string { return i18n.N(lang, count, id, strconv.Itoa(count)) }
	var b strings.Builder
	heading := func(level int, s string) {
		if md {
			fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", level), s)
			return
		}
		b.WriteString(s + "\n")
		if level == 1 {
			b.WriteString(strings.Repeat("=", i18n.Width(s)) + "\n")
		}
		b.WriteString("\n")
	}
	code := func(lang, body string) {
		body = strings.TrimRight(body, "\n")
		if md {
			fmt.Fprintf(&b, "```%s\n%s\n```\n\n", lang, body)
			return
		}
		for _, l := range strings.Split(body, "\n") {
			b.WriteString("    " + l + "\n")
		}
		b.WriteString("\n")
	}
	heading(1, t("preflight.title", rep.Operation))
	b.WriteString(opTitle(lang, rep.Operation, rep.Title) + "\n\n")
	if rep.Error != "" {
		b.WriteString(t("preflight.error", rep.Error) + "\n")
		return b.String()
	}
	b.WriteString(t("preflight.summary", strconv.Itoa(rep.Passed), strconv.Itoa(rep.Total)))
	if rep.Skipped > 0 {
		b.WriteString(" " + n(rep.Skipped, "preflight.summary.skipped"))
	}
	b.WriteString("\n")
	if k := len(rep.Conditions); k > 0 {
		b.WriteString(t("preflight.summary.conditions", strconv.Itoa(rep.ConditionsHeld), strconv.Itoa(k)))
		if failed := k - rep.ConditionsHeld; failed > 0 {
			b.WriteString(" " + n(failed, "preflight.summary.conditions.failed"))
		}
		b.WriteString("\n")
	}
	// A flag given that the operation does not read: the check was made
	// without it, whatever it says below.
	for _, f := range rep.IgnoredFlags {
		b.WriteString(t("preflight.ignored-flag", f, rep.Operation) + "\n")
	}
	switch rep.Status {
	case preflight.StatusAllowed:
		b.WriteString(t("preflight.ok") + "\n\n")
	case preflight.StatusDenied:
		if rep.Denied > 0 {
			b.WriteString(n(rep.Denied, "preflight.denied") + " ")
		}
		if rep.ConditionsFailed > 0 {
			b.WriteString(n(rep.ConditionsFailed, "preflight.conditions.failed") + " ")
		}
		if rep.Unchecked > 0 {
			b.WriteString(n(rep.Unchecked, "preflight.unchecked.also") + " ")
		}
		if rep.ConditionsUnchecked > 0 {
			b.WriteString(n(rep.ConditionsUnchecked, "preflight.unchecked.conditions.also"))
		}
		trimSpace(&b)
		b.WriteString("\n")
		uncheckedConditions(&b, lang, rep)
		b.WriteString("\n")
	default:
		// A request that could not be checked is counted as one; a
		// condition of the operation that could not be decided (every
		// request evaluated) is named, with why, never counted as a
		// request.
		switch {
		case rep.Unchecked > 0:
			b.WriteString(n(rep.Unchecked, "preflight.unchecked"))
			if rep.ConditionsUnchecked > 0 {
				b.WriteString(" " + n(rep.ConditionsUnchecked, "preflight.unchecked.conditions.also"))
			}
		case rep.ConditionsUnchecked > 0:
			b.WriteString(n(rep.ConditionsUnchecked, "preflight.unchecked.conditions"))
		default:
			b.WriteString(t("preflight.unchecked.inputs"))
		}
		b.WriteString("\n")
		uncheckedConditions(&b, lang, rep)
		b.WriteString("\n")
	}
	if len(rep.Causes) > 0 {
		heading(2, t("preflight.causes"))
		for _, c := range rep.Causes {
			b.WriteString("- " + causeText(lang, c) + "\n")
		}
		b.WriteString("\n")
	}
	rows := [][]string{{t("preflight.col.principal"), t("preflight.col.action"), t("preflight.col.resource"), t("preflight.col.verdict"), t("preflight.col.layer")}}
	for _, r := range rep.Results {
		layer := ""
		switch {
		case r.Cause != nil:
			layer = t("preflight.cause.short." + string(r.Cause.Kind))
		case r.Skip == "preflight.skip.when" && r.When != "":
			layer = t("preflight.when", whenText(lang, r.When))
		case r.Skip != "":
			layer = t(r.Skip)
		case r.Error != "":
			layer = r.Error
		case r.Layer != "":
			layer = t("layer." + r.Layer)
		}
		rows = append(rows, []string{t("preflight.principal." + r.Principal), r.Action, r.Resource, t("preflight.verdict." + r.Verdict), layer})
	}
	if md {
		for i, row := range rows {
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
			if i == 0 {
				b.WriteString(strings.Repeat("|---", len(row)) + "|\n")
			}
		}
		b.WriteString("\n")
	} else {
		b.WriteString(i18n.Table(rows) + "\n")
	}
	// plan writes the fix plan of r, labelled when it is verified
	// without a resource-based policy no snapshot holds.
	plan := func(r preflight.Result) {
		if r.Plan == nil {
			if w := r.FixWithheld; w != nil {
				b.WriteString(withheldText(lang, "preflight.fix-withheld", *w) + "\n\n")
			}
			return
		}
		if r.Plan.Error != "" {
			b.WriteString(t("preflight.no-fix", r.Plan.Error) + "\n\n")
			return
		}
		if l, ok := unheldPlanLabel(lang, r.Plan); ok {
			b.WriteString(l + "\n\n")
		}
		for i, f := range r.Plan.Fixes {
			head := t("report.fix", strconv.Itoa(i+1), fixKind(lang, &f))
			if f.Verified {
				head += " — " + t("report.verified", i18n.Verdict(lang, f.VerifiedDecision), t("against."+AgainstID(f.VerifiedAgainst)))
			} else if f.StillDeniedBy != "" {
				head += " — " + t(WithNextID(f), t("layer."+f.StillDeniedBy))
			} else {
				head += " — " + t("report.not-verified")
			}
			heading(3, head)
			title := f.Title
			if f.TitleMsg.ID != "" && i18n.Has(f.TitleMsg.ID) {
				a := make([]any, len(f.TitleMsg.Args))
				for j, s := range f.TitleMsg.Args {
					if strings.HasPrefix(s, "@") && i18n.Has(s[1:]) {
						s = t(s[1:])
					}
					a[j] = s
				}
				title = t(f.TitleMsg.ID, a...)
			}
			b.WriteString(title + "\n\n")
			if f.Render.PolicyJSON != "" {
				b.WriteString(t("report.render.policy") + "\n")
				code("json", f.Render.PolicyJSON)
			}
			if len(f.Render.CLI) > 0 {
				b.WriteString(t("same.render.cli") + "\n")
				code("sh", strings.Join(f.Render.In(lang).CLI, "\n"))
			}
		}
	}
	nf := 0
	for _, r := range rep.Results {
		if !r.Denied() {
			continue
		}
		nf++
		who := r.PrincipalARN
		heading(2, t("preflight.failure", strconv.Itoa(nf), who, r.Action, r.Resource))
		if r.Rule != "" {
			b.WriteString(t("preflight.rule", r.Rule) + "\n\n")
		}
		b.WriteString(t("preflight.aws-says") + "\n")
		code("", r.Message)
		if len(r.Deciding) == 0 {
			b.WriteString(t("preflight.deciding.none", t("layer."+r.Layer)) + "\n\n")
		}
		for _, d := range r.Deciding {
			name := d.Policy
			if d.Sid != "" {
				name += " / " + d.Sid
			} else {
				name += fmt.Sprintf(" / #%d", d.Statement)
			}
			b.WriteString(t("preflight.deciding", fmt.Sprintf("%s %s (%s)", t("layer."+d.Layer), name, d.Effect)) + "\n")
		}
		if len(r.Deciding) > 0 {
			b.WriteString("\n")
		}
		plan(r)
	}
	// A request that could not be checked has a plan when the policies
	// the snapshot holds refuse it and one it lacks may allow it
	// (resourcePolicyMayAllow): the fix of the layer that refused, should
	// that policy not allow it.
	nu := 0
	for _, r := range rep.Results {
		if !r.CouldNotCheck() || r.Plan == nil || len(r.Plan.Fixes) == 0 {
			continue
		}
		nu++
		heading(2, t("preflight.unchecked.failure", strconv.Itoa(nu), r.PrincipalARN, r.Action, r.Resource))
		if r.Cause != nil {
			b.WriteString(causeText(lang, *r.Cause) + "\n\n")
		}
		plan(r)
	}
	if len(rep.Conditions) > 0 {
		heading(2, t("preflight.decided"))
		for _, c := range rep.Conditions {
			a := make([]any, len(c.Detail.Args))
			for i, s := range c.Detail.Args {
				a[i] = s
			}
			// A denying layer is named, as in the table, not given by id.
			if c.Detail.ID == "preflight.cond.denied-by" && len(a) == 3 && i18n.Has("layer."+c.Detail.Args[2]) {
				a[2] = t("layer." + c.Detail.Args[2])
			}
			detail := t(c.Detail.ID, a...)
			if len(c.Detail.Args) > 0 && c.Detail.Args[0] == "1" {
				detail = i18n.N(lang, 1, c.Detail.ID, a...) // "the 1 request", not "1 request(s)"
			}
			if c.Cause != nil {
				detail = causeText(lang, *c.Cause)
			}
			b.WriteString("- [" + kindLabel(lang, c.Kind) + "] " + t("preflight.cond.status."+string(c.Outcome)) + ": " + condText(lang, c.Kind, c.Text) + " — " + detail + "\n")
			if c.Fix != nil {
				b.WriteString("  " + t("preflight.cond.fix", noteText(lang, *c.Fix)) + "\n")
			}
		}
		b.WriteString("\n")
	}
	if len(rep.ToVerify) > 0 {
		heading(2, t("preflight.to-verify"))
		for _, c := range rep.ToVerify {
			text := condText(lang, c.Kind, c.Text)
			if c.Policy != "" {
				text = t("preflight.verify.unheld", unheldNoun(lang, c.Policy, c.Subject))
			}
			line := "- [" + kindLabel(lang, c.Kind) + "] " + text
			if c.When != "" {
				line += " " + t("preflight.when", whenText(lang, c.When))
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("\n")
	}
	if len(rep.Notes) > 0 {
		heading(2, t("report.notes"))
		for _, nt := range rep.Notes {
			a := make([]any, len(nt.Args))
			for i, s := range nt.Args {
				a[i] = s
			}
			// The what-if note names a report parameter (recoveryPoint,
			// resourceArn): in Japanese and Korean, by what it is and its
			// flag.
			if nt.ID == "preflight.note.what-if" && len(a) > 0 && lang != i18n.EN && i18n.Has("preflight.param."+nt.Args[0]) {
				a[0] = t("preflight.param." + nt.Args[0])
			}
			b.WriteString("- " + t(nt.ID, a...) + "\n")
		}
	}
	return b.String()
}

// The catalog's texts (operation titles, conditions, when phrases) are
// English in the report (and its JSON); they are shown in lang through
// the message ids catalog/backupops derives from them. A text without a
// translation (none, the tests see to it) is shown as it is.

// catalogText returns message id in lang, or en when lang is English or
// the id has no message.
func catalogText(lang i18n.Lang, id, en string) string {
	if lang == i18n.EN || !i18n.Has(id) {
		return en
	}
	return i18n.T(lang, id)
}

// opTitle is the title of operation id in lang.
func opTitle(lang i18n.Lang, id, en string) string {
	return catalogText(lang, backupops.TitleID(id), en)
}

// condText is a condition's text in lang.
func condText(lang i18n.Lang, kind, en string) string {
	return catalogText(lang, backupops.ConditionID(kind, en), en)
}

// whenText is a "when" phrase in lang.
func whenText(lang i18n.Lang, en string) string {
	return catalogText(lang, backupops.WhenID(en), en)
}

// kindLabel is a condition kind as the report labels it: the kind itself
// in English (as in JSON), its name in Japanese and Korean.
func kindLabel(lang i18n.Lang, kind string) string {
	return catalogText(lang, "backupops.kind."+kind, kind)
}

// uncheckedConditions lists, under the summary, each condition of the
// operation that could not be decided on its own (not through a request
// counted above): which, and why.
func uncheckedConditions(b *strings.Builder, lang i18n.Lang, rep preflight.Report) {
	for _, c := range rep.Conditions {
		if c.Outcome != preflight.StatusCouldNotCheck || c.FromRequests {
			continue
		}
		name := condText(lang, c.Kind, c.Text)
		if id := "preflight.decide." + string(c.Decide); i18n.Has(id) {
			name = i18n.T(lang, id)
		}
		why := i18n.T(lang, "preflight.cond.unknown")
		if c.Cause != nil {
			why = causeText(lang, *c.Cause)
		}
		b.WriteString("- [" + kindLabel(lang, c.Kind) + "] " + name + ": " + why + "\n")
	}
}

// causeText renders a could-not-check cause in lang.
func causeText(lang i18n.Lang, c preflight.Cause) string {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	var s string
	switch c.Kind {
	case preflight.CauseUnreadable:
		s = t("preflight.cause.unreadable", t("preflight.hidden."+string(c.Hides)), c.API)
		if c.Error != "" {
			s += " (" + c.Error + ")"
		}
	case preflight.CauseUnknownKeyState:
		if c.API != "" {
			s = t("preflight.cause.unknownKeyState.unreadable", c.Subject, c.Flag, c.API)
		} else {
			s = t("preflight.cause.unknownKeyState", c.Subject, c.Flag)
		}
	case preflight.CauseMissingParameter:
		s = t("preflight.cause.missingParameter", c.Flag)
	case preflight.CauseEvaluation:
		s = t("preflight.cause.evaluationError", c.Error)
	case preflight.CauseAccountNotCollected:
		s = t("preflight.cause.accountNotCollected", c.Subject, c.Error)
	case preflight.CauseSettingNotRecorded:
		s = t("preflight.cause.settingNotRecorded", c.Subject)
	case preflight.CauseResourcePolicyMayDeny, preflight.CauseResourcePolicyMayAllow:
		s = t("preflight.cause."+string(c.Kind), unheldNoun(lang, c.Policy, c.Subject))
	default:
		s = t("preflight.cause."+string(c.Kind), c.Subject, c.Flag)
	}
	if c.Suggestion != "" {
		s += " " + t("preflight.cause.suggest", c.Suggestion)
	}
	return s
}

// withheldText says, in lang, why the fix of a denial that stands was
// withheld (preflight.Withheld): message id (preflight.fix-withheld,
// report.snapshot.fix-withheld) with what the call hides and the call.
func withheldText(lang i18n.Lang, id string, w preflight.Withheld) string {
	noun := func(h account.Hidden) string {
		what := "preflight.withheld.what." + string(h)
		if !i18n.Has(what) {
			what = "preflight.hidden." + string(h)
		}
		return i18n.T(lang, what)
	}
	calls := w.All()
	if len(calls) == 1 {
		return i18n.T(lang, id, noun(calls[0].Hides), calls[0].API)
	}
	// Several unreadable calls: each named, with what it hides.
	var parts []string
	for _, c := range calls {
		parts = append(parts, i18n.T(lang, "same.withheld.call", noun(c.Hides), c.API))
	}
	list := strings.Join(parts[:len(parts)-1], i18n.T(lang, "same.withheld.comma")) + i18n.T(lang, "preflight.withheld.and") + parts[len(parts)-1]
	return i18n.T(lang, id+".several", list)
}

// unheldPlanLabel is, in lang, the label of a fix plan verified without
// a resource-based policy no snapshot holds (fix.Plan.Unheld): what it is
// verified against, and that the policy may still deny. check, explain
// --snapshot and jobs --snapshot show it above the plan's fixes.
func unheldPlanLabel(lang i18n.Lang, pl *fix.Plan) (string, bool) {
	if pl == nil || pl.Unheld == nil {
		return "", false
	}
	id := "preflight.plan.unheld"
	if !pl.Verified {
		id += ".unverified"
	}
	return i18n.T(lang, id, unheldNoun(lang, pl.Unheld.Policy, pl.Unheld.Resource)), true
}

// unheldNoun names, in lang, the resource-based policy of kind
// (account.UnheldPolicy's) that resource carries and no snapshot holds.
func unheldNoun(lang i18n.Lang, kind, resource string) string {
	if !i18n.Has("preflight.unheld." + kind) {
		kind = "resourcePolicy"
	}
	return i18n.T(lang, "preflight.unheld."+kind, resource)
}

// OperationList is the JSON form of `denied check --list`: every operation
// with its requests and conditions.
type OperationList struct {
	SchemaVersion string      `json:"schemaVersion"`
	Aliases       []string    `json:"aliases"`
	Operations    []ListEntry `json:"operations"`
	ResourceTypes []struct {
		Name    string   `json:"name"`
		AWS     string   `json:"aws"`
		Aliases []string `json:"aliases,omitempty"`
	} `json:"resourceTypes"`
	Decided    int `json:"conditionsDecided"`
	Conditions int `json:"conditions"`
}

func (*OperationList) name() string { return "check --list" }

func (l *OperationList) writeJSON(w io.Writer, _ Options) error { return writeJSON(w, l) }

// ListEntry is one operation of `denied check --list`.
type ListEntry struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	ResourceType string   `json:"resourceType,omitempty"`
	AWSType      string   `json:"awsResourceType,omitempty"`
	Requests     int      `json:"requests"`
	Principals   []string `json:"principals"`
	Params       []string `json:"flags,omitempty"`
	// Decided of Conditions are decided from a snapshot; the rest are
	// listed to verify.
	Decided    int `json:"conditionsDecided"`
	Conditions int `json:"conditions"`
	// Checks are the IAM requests, and ConditionList the conditions,
	// with how each is decided ("" for listed to verify).
	Checks        []listCheck     `json:"checks"`
	ConditionList []listCondition `json:"conditionList,omitempty"`
}

type listCheck struct {
	Principal string `json:"principal"`
	Action    string `json:"action"`
	Resource  string `json:"resource"`
	When      string `json:"when,omitempty"`
}

type listCondition struct {
	Kind   string             `json:"kind"`
	Decide backupops.Decision `json:"decide,omitempty"`
	Text   string             `json:"text"`
	When   string             `json:"when,omitempty"`
}

// Operations is the list of every operation check knows.
func Operations() *OperationList {
	rep := &OperationList{SchemaVersion: preflight.SchemaVersion, Aliases: preflight.Aliases}
	aws := map[string]string{}
	for _, rt := range backupops.ResourceTypes() {
		aws[rt.Name] = rt.AWS
		rep.ResourceTypes = append(rep.ResourceTypes, struct {
			Name    string   `json:"name"`
			AWS     string   `json:"aws"`
			Aliases []string `json:"aliases,omitempty"`
		}{rt.Name, rt.AWS, rt.Aliases})
	}
	ops := append([]backupops.Operation{preflight.CollectOperation()}, backupops.All()...)
	for _, op := range ops {
		e := ListEntry{ID: op.ID, Title: op.Title, ResourceType: op.ResourceType, AWSType: aws[op.ResourceType], Requests: len(op.Requirements)}
		seen := map[string]bool{}
		for _, c := range op.Conditions {
			e.ConditionList = append(e.ConditionList, listCondition{Kind: c.Kind, Decide: c.Decide, Text: c.Text, When: c.When})
		}
		for _, r := range op.Requirements {
			e.Checks = append(e.Checks, listCheck{Principal: r.Principal, Action: r.Action, Resource: r.Resource, When: r.When})
			if !seen[r.Principal] {
				seen[r.Principal] = true
				e.Principals = append(e.Principals, r.Principal)
			}
		}
		// The flags a check of the operation reads; any other is
		// ignored (a flag every check reads is not listed).
		e.Params = preflight.OperationFlags(op)
		e.Decided, e.Conditions = op.Decided()
		rep.Decided += e.Decided
		rep.Conditions += e.Conditions
		rep.Operations = append(rep.Operations, e)
	}
	return rep
}

// writeText writes `denied check --list` as text or Markdown.
func (rep *OperationList) writeText(w io.Writer, o Options, md bool) error {
	t := func(id string, args ...any) string { return i18n.T(o.Lang, id, args...) }
	var b strings.Builder
	if md {
		b.WriteString("# " + t("preflight.list.title") + "\n\n")
	} else {
		title := t("preflight.list.title")
		b.WriteString(title + "\n" + strings.Repeat("=", i18n.Width(title)) + "\n\n")
	}
	b.WriteString(t("preflight.list.aliases", strings.Join(rep.Aliases, ", ")) + "\n")
	b.WriteString(t("preflight.list.decided", strconv.Itoa(rep.Decided), strconv.Itoa(rep.Conditions)) + "\n\n")
	rows := [][]string{{t("preflight.list.col.operation"), t("preflight.list.col.type"), t("preflight.list.col.requests"), t("preflight.list.col.decided"), t("preflight.list.col.flags")}}
	for _, e := range rep.Operations {
		typ := e.ResourceType
		if e.AWSType != "" && e.AWSType != e.ResourceType {
			typ += " (" + e.AWSType + ")"
		}
		rows = append(rows, []string{e.ID, typ, strconv.Itoa(e.Requests), fmt.Sprintf("%d/%d", e.Decided, e.Conditions), strings.Join(e.Params, " ")})
	}
	writeRows(&b, rows, md)
	b.WriteString("\n" + t("preflight.list.types") + "\n\n")
	rows = [][]string{{t("preflight.list.col.type"), t("preflight.list.col.aws"), t("preflight.list.col.aliases")}}
	for _, rt := range rep.ResourceTypes {
		rows = append(rows, []string{rt.Name, rt.AWS, strings.Join(rt.Aliases, ", ")})
	}
	writeRows(&b, rows, md)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRows writes a table: a Markdown table, or aligned text columns.
func writeRows(b *strings.Builder, rows [][]string, md bool) {
	if !md {
		b.WriteString(i18n.Table(rows))
		return
	}
	for i, row := range rows {
		b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		if i == 0 {
			b.WriteString(strings.Repeat("|---", len(row)) + "|\n")
		}
	}
}

// trimSpace drops trailing blanks of b.
func trimSpace(b *strings.Builder) {
	s := strings.TrimRight(b.String(), " ")
	b.Reset()
	b.WriteString(s)
}

// noteText is note n (a message id and its arguments) in lang.
func noteText(lang i18n.Lang, n preflight.Note) string {
	a := make([]any, len(n.Args))
	for i, s := range n.Args {
		a[i] = s
	}
	return i18n.T(lang, n.ID, a...)
}
