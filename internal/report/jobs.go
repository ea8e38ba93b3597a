package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/jobs"
	"github.com/deniedhq/denied/preflight"
)

// Jobs is the report of denied jobs.
type Jobs struct {
	Report *jobs.Report
	// Filter and Kinds are what was read.
	Filter jobs.Filter
	Kinds  []jobs.Kind
	// Unreadable are the listings AWS Backup refused.
	Unreadable []*jobs.ReadError
}

func (*Jobs) name() string { return "jobs" }

func (j *Jobs) view(o Options) jobsView {
	return jobsView{kinds: j.Kinds, f: j.Filter, rep: j.Report, errs: j.Unreadable, o: o}
}

func (j *Jobs) writeText(w io.Writer, o Options, md bool) error { return j.view(o).text(w, md) }

func (j *Jobs) writeJSON(w io.Writer, o Options) error { return j.view(o).json(w) }

// jobsView renders a jobs report.
type jobsView struct {
	kinds []jobs.Kind
	f     jobs.Filter
	rep   *jobs.Report
	errs  []*jobs.ReadError
	o     Options
}

func (v jobsView) t(id string, args ...any) string {
	for i, a := range args {
		if s, ok := a.(string); ok && strings.HasPrefix(s, "@") && i18n.Has(s[1:]) {
			args[i] = i18n.T(v.o.Lang, s[1:])
		}
	}
	return i18n.T(v.o.Lang, id, args...)
}

func (v jobsView) msg(m diagnose.Msg) string {
	a := make([]any, len(m.Args))
	for i, s := range m.Args {
		a[i] = s
	}
	return v.t(m.ID, a...)
}

func (v jobsView) sinceText() string {
	if v.f.Since.IsZero() {
		return v.t("jobs.since.any")
	}
	return v.f.Since.Format(time.RFC3339)
}

func (v jobsView) kindsText(ks []jobs.Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = v.t("jobs.kind." + string(k))
	}
	return strings.Join(s, ", ")
}

// groupTitle is a group's title: the finding's title, or "not an
// authorization failure".
func (v jobsView) groupTitle(g *jobs.Group) string {
	if g.Rule == jobs.NotRecognized {
		return v.t("jobs.not-recognized")
	}
	if !g.Authorization {
		return v.t("jobs.not-authorization")
	}
	return v.o.title(*g.Explanations[0].Finding)
}

// --- text and markdown ----------------------------------------------------

func (v jobsView) text(w io.Writer, md bool) error {
	var b strings.Builder
	width := v.o.Width
	if width <= 0 {
		width = DefaultWidth
	}
	bold := func(s string) string {
		switch {
		case md:
			return "**" + s + "**"
		case v.o.Color:
			return "\x1b[1m" + s + "\x1b[0m"
		}
		return s
	}
	para := func(indent, s string) {
		if md {
			if len(indent) >= 4 { // a note under a list item
				s = "  " + s
			}
			b.WriteString(s + "\n")
			return
		}
		for _, l := range i18n.Wrap(s, width-len(indent)) {
			b.WriteString(indent + l + "\n")
		}
	}
	item := func(indent, s string) {
		if md {
			b.WriteString("- " + s + "\n")
			return
		}
		for i, l := range i18n.Wrap(s, width-len(indent)-2) {
			if i == 0 {
				b.WriteString(indent + "- " + l + "\n")
			} else {
				b.WriteString(indent + "  " + l + "\n")
			}
		}
	}
	heading := func(level int, s string) {
		if md {
			fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", level), s)
			return
		}
		for _, l := range i18n.Wrap(s, width) {
			b.WriteString(bold(l) + "\n")
		}
		b.WriteString("\n")
	}
	r := v.rep
	heading(1, v.t("jobs.title", v.sinceText()))
	para("", v.t("jobs.summary", r.Jobs, strings.Join(v.f.States, ", "), v.kindsText(v.kinds), r.AuthorizationJobs, r.Causes, r.OtherJobs))
	if r.UnrecognizedJobs > 0 {
		para("", v.t("jobs.summary.unrecognized", r.UnrecognizedJobs))
	}
	b.WriteString("\n")
	if len(v.errs) > 0 {
		heading(2, v.t("jobs.unreadable.heading"))
		for _, e := range v.errs {
			item("", v.t("jobs.unreadable", e.Call, e.State, e.Message))
		}
		b.WriteString("\n")
	}
	if r.Jobs == 0 {
		if len(v.errs) == 0 {
			para("", v.t("jobs.none"))
		} else {
			para("", v.t("jobs.none.partial"))
		}
	}
	for i, g := range r.Groups {
		title := fmt.Sprintf("%d. %s", i+1, v.groupTitle(g))
		if g.Authorization {
			title += " [" + g.Rule + "]"
		}
		heading(2, title+" — "+v.t("jobs.count", g.Count))
		if g.Authorization {
			seen := map[string]bool{}
			for _, e := range g.Explanations {
				c := v.o.cause(*e.Finding)
				if !seen[c] {
					seen[c] = true
					para("  ", c)
				}
			}
			b.WriteString("\n")
		}
		if g.Rule == jobs.NotRecognized {
			para("  ", v.t("jobs.not-recognized.note"))
			b.WriteString("\n")
		}
		if len(g.Resources) > 0 {
			para("  ", bold(v.t("jobs.resources")))
			for _, res := range g.Resources {
				item("  ", res)
			}
			b.WriteString("\n")
		}
		para("  ", bold(v.t("jobs.jobs")))
		for _, j := range g.Jobs {
			item("  ", fmt.Sprintf("%s %s %s %s", v.t("jobs.kind."+string(j.Kind)), j.ID, j.State, j.Created.Format(time.RFC3339)))
		}
		b.WriteString("\n")
		para("  ", bold(v.t("jobs.messages")))
		for _, e := range g.Explanations {
			m := e.Message
			if m == "" {
				item("  ", v.t("jobs.no-message")+" "+v.t("jobs.count.paren", e.Jobs))
			} else {
				// The status message is AWS's own text, quoted whole on
				// one line (never wrapped): it is copied into searches.
				if md {
					b.WriteString("- `" + strings.ReplaceAll(m, "`", "'") + "` " + v.t("jobs.count.paren", e.Jobs) + "\n")
				} else {
					b.WriteString("  - " + strconvQuote(m) + " " + v.t("jobs.count.paren", e.Jobs) + "\n")
				}
			}
			// The cause of a key's state is the key, whatever role the
			// jobs have: the job role is named only for a role's cause.
			if key, ok := e.KeyState(); ok {
				if key != "" && e.Rechecked() {
					// The snapshot finds the key usable: the message's
					// claim, not the cause.
					para("    ", v.t("jobs.key-state-key.claimed", key))
				} else if key != "" {
					para("    ", v.t("jobs.key-state-key", key))
				} else {
					para("    ", v.t("jobs.key-state-no-key"))
				}
			} else if e.RoleFromJob != "" {
				para("    ", v.t("jobs.role-from-job", e.RoleFromJob))
			}
			if e.Decode.Msg != nil && (e.Decode.State == "failed" || e.Decode.State == "skipped") {
				para("    ", v.msg(*e.Decode.Msg))
			} else if e.Decode.State == "decoded" {
				para("    ", v.t("jobs.decoded"))
			}
			if r := e.Snapshot; r != nil {
				// Evaluated again against the snapshot of the
				// principal's account.
				line, unchecked := snapshotUnchecked(v.o.Lang, r)
				switch {
				case unchecked:
					para("    ", line)
				case !r.Denied():
					para("    ", v.t("report.snapshot.allowed"))
				default:
					para("    ", v.t("report.snapshot.denied", v.t("decision."+r.Verdict), v.t("layer."+r.Layer)))
					if w := r.FixWithheld; w != nil {
						para("    ", withheldText(v.o.Lang, "report.snapshot.fix-withheld", *w))
					}
				}
			}
			for _, l := range v.recheckLines(e.Recheck) {
				para("    ", l)
			}
		}
		b.WriteString("\n")
		if g.Authorization {
			v.fixText(&b, g, md, para, item, bold)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// recheckLines say what the snapshot says of a cause read outside IAM's
// grammar: the requests it refuses, the key's state, that it allows them,
// or what was not evaluated and why.
func (v jobsView) recheckLines(rc *jobs.Recheck) []string {
	if rc == nil {
		return nil
	}
	var out []string
	switch {
	case rc.Cause != nil:
		out = append(out, v.t("jobs.recheck.cause", causeText(v.o.Lang, *rc.Cause)))
	case rc.KeyState != "" && rc.Status == preflight.StatusDenied:
		out = append(out, v.t("jobs.recheck.key-state.denied", rc.Key, rc.KeyState))
	case rc.KeyState != "" && rc.Status == preflight.StatusAllowed:
		out = append(out, v.t("jobs.recheck.key-state.allowed", rc.Key, rc.KeyState))
	case rc.Detail != nil && rc.Detail.ID == "preflight.cond.key-aws-managed":
		out = append(out, v.t("jobs.recheck.key-aws-managed", rc.Key))
	case rc.Status == preflight.StatusAllowed:
		out = append(out, v.t("jobs.recheck.allowed", len(rc.Results), rc.Operation))
	case rc.Status == preflight.StatusDenied:
		for _, r := range rc.Results {
			if r.Denied() {
				out = append(out, v.t("jobs.recheck.denied", r.Action, r.Resource, v.t("decision."+r.Verdict), v.t("layer."+r.Layer)))
			}
		}
	}
	if rc.Reason != nil {
		out = append(out, v.msg(*rc.Reason))
	}
	if rc.Fix != nil {
		// The key's real ARN and Region, as denied check gives it.
		out = append(out, v.t("preflight.cond.fix", noteText(v.o.Lang, *rc.Fix)))
	}
	return out
}

// fixText renders the fix of a cause: the engine-verified plan of its
// messages, each distinct plan once (messages of one cause that differ
// only in a resource the fix does not name share it), else what to check.
func (v jobsView) fixText(b *strings.Builder, g *jobs.Group, md bool, para, item func(string, string), bold func(string) string) {
	seen := map[string]bool{}
	n := 0
	for _, e := range g.Explanations {
		f := e.Finding
		if f == nil || f.Plan == nil || len(f.Plan.Fixes) == 0 {
			continue
		}
		label, unheld := unheldPlanLabel(v.o.Lang, f.Plan)
		fixes := f.Plan.Fixes
		if unheld && e.Snapshot != nil && e.Snapshot.Verdict == preflight.CouldNotCheck {
			// After the snapshot's plan of a request that could not be
			// checked, the fixes verified against the message alone
			// that edit another layer (diagnose.Reevaluate), as explain
			// shows them.
			for _, a := range f.Alternatives {
				if a.Kind == fix.LeastPrivilege && a.VerifiedAgainst == fix.AgainstRequestOnly {
					fixes = append(slices.Clip(fixes), a)
				}
			}
		}
		var key strings.Builder
		key.WriteString(label + "\x00")
		for _, fx := range fixes {
			key.WriteString(fx.Title + "\x00" + fx.Render.PolicyJSON + "\x00")
		}
		if seen[key.String()] {
			continue
		}
		seen[key.String()] = true
		if unheld {
			// Verified without a resource-based policy no snapshot
			// holds, as check labels it.
			para("  ", label)
			b.WriteString("\n")
		}
		for _, fx := range fixes {
			n++
			head := v.t("report.fix", fmt.Sprint(n), fixKind(v.o.Lang, &fx))
			switch {
			case fx.Verified:
				head += " — " + v.t("report.verified", i18n.Verdict(v.o.Lang, fx.VerifiedDecision), v.t("against."+AgainstID(fx.VerifiedAgainst)))
			case fx.StillDeniedBy != "":
				head += " — " + v.t(WithNextID(fx), v.t("layer."+fx.StillDeniedBy))
			default:
				head += " — " + v.t("report.not-verified")
			}
			para("  ", bold(head))
			para("  ", jobsFixTitle(v.o.Lang, fx))
			b.WriteString("\n")
			if fx.Render.PolicyJSON != "" {
				jobsCode(b, md, "  ", v.t("report.render.policy"), "json", fx.Render.PolicyJSON)
			}
			if len(fx.Render.CLI) > 0 {
				jobsCode(b, md, "  ", v.t("same.render.cli"), "sh", strings.Join(fx.Render.In(v.o.Lang).CLI, "\n"))
			}
		}
	}
	if n > 0 {
		return
	}
	var checks []string
	for _, e := range g.Explanations {
		for _, c := range e.Finding.Checks {
			if t := v.msg(c); !seen[t] {
				seen[t] = true
				checks = append(checks, t)
			}
		}
	}
	if len(checks) > 0 {
		para("  ", bold(v.t("report.checks")))
		for _, c := range checks {
			item("  ", c)
		}
		b.WriteString("\n")
	}
}

// strconvQuote quotes a status message for text output.
func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

func jobsFixTitle(l i18n.Lang, f fix.Fix) string {
	if f.TitleMsg.ID != "" && i18n.Has(f.TitleMsg.ID) {
		a := make([]any, len(f.TitleMsg.Args))
		for i, s := range f.TitleMsg.Args {
			a[i] = s
		}
		return i18n.T(l, f.TitleMsg.ID, a...)
	}
	return f.Title
}

func jobsCode(b *strings.Builder, md bool, indent, label, lang, body string) {
	body = strings.TrimRight(body, "\n")
	if md {
		fmt.Fprintf(b, "**%s**\n\n```%s\n%s\n```\n\n", label, lang, body)
		return
	}
	b.WriteString(indent + label + "\n")
	for _, l := range strings.Split(body, "\n") {
		b.WriteString(indent + "    " + l + "\n")
	}
	b.WriteString("\n")
}

// --- JSON -------------------------------------------------------------------

// JobsSchemaVersion is the version of the JSON jobs report.
const JobsSchemaVersion = "1"

type jobsJSON struct {
	SchemaVersion string            `json:"schemaVersion"`
	Lang          i18n.Lang         `json:"lang"`
	Since         *time.Time        `json:"since,omitempty"`
	States        []string          `json:"states"`
	Types         []jobs.Kind       `json:"types"`
	Summary       jobsSummaryJSON   `json:"summary"`
	Unreadable    []*jobs.ReadError `json:"unreadable"`
	Groups        []jobsGroupJSON   `json:"groups"`
}

type jobsSummaryJSON struct {
	Jobs              int `json:"jobs"`
	AuthorizationJobs int `json:"authorizationJobs"`
	OtherJobs         int `json:"otherJobs"`
	UnrecognizedJobs  int `json:"unrecognizedJobs"`
	Causes            int `json:"causes"`
	Messages          int `json:"messages"`
}

type jobsGroupJSON struct {
	*jobs.Group
	Title        string            `json:"title"`
	Explanations []jobsExplainJSON `json:"explanations"`
}

type jobsExplainJSON struct {
	*jobs.Explanation
	Finding *jsonFindingText `json:"finding,omitempty"`
}

type jsonFindingText struct {
	diagnose.Finding
	TitleText  string   `json:"titleText"`
	CauseText  string   `json:"causeText"`
	ChecksText []string `json:"checksText,omitempty"`
	NotesText  []string `json:"notesText,omitempty"`
}

func (v jobsView) json(w io.Writer) error {
	r := v.rep
	out := jobsJSON{SchemaVersion: JobsSchemaVersion, Lang: v.o.Lang, States: v.f.States, Types: v.kinds,
		Summary:    jobsSummaryJSON{Jobs: r.Jobs, AuthorizationJobs: r.AuthorizationJobs, OtherJobs: r.OtherJobs, UnrecognizedJobs: r.UnrecognizedJobs, Causes: r.Causes, Messages: r.Messages},
		Unreadable: v.errs, Groups: []jobsGroupJSON{}}
	if !v.f.Since.IsZero() {
		s := v.f.Since
		out.Since = &s
	}
	if out.Unreadable == nil {
		out.Unreadable = []*jobs.ReadError{}
	}
	for _, g := range r.Groups {
		jg := jobsGroupJSON{Group: g, Title: v.groupTitle(g), Explanations: []jobsExplainJSON{}}
		for _, e := range g.Explanations {
			je := jobsExplainJSON{Explanation: e}
			if e.Finding != nil {
				f := &jsonFindingText{Finding: *e.Finding, TitleText: v.o.title(*e.Finding), CauseText: v.o.cause(*e.Finding)}
				for _, c := range e.Finding.Checks {
					f.ChecksText = append(f.ChecksText, v.msg(c))
				}
				for _, n := range e.Finding.Notes {
					f.NotesText = append(f.NotesText, v.msg(n))
				}
				je.Finding = f
			}
			jg.Explanations = append(jg.Explanations, je)
		}
		out.Groups = append(out.Groups, jg)
	}
	return writeJSON(w, out)
}
