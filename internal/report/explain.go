package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/preflight"
)

// SchemaVersion is the version of the JSON explain report.
const SchemaVersion = "1"

// DefaultWidth is the width text output is wrapped to when Options.Width
// is 0.
const DefaultWidth = 100

// Explained is one denial with its diagnosis.
type Explained struct {
	Denial   *authzmsg.Denial
	Decode   diagnose.DecodeStatus
	Findings []diagnose.Finding
	// Snapshot is the request re-evaluated against an account snapshot
	// (explain --snapshot), when there was one.
	Snapshot *preflight.Result
}

func (o Options) msg(m diagnose.Msg) string { return o.t(m.ID, m.Args...) }

// cause is f's cause in o's language: as the message's claim when the
// snapshot's policies allow the request (diagnose.Finding.Claimed).
func (o Options) cause(f diagnose.Finding) string {
	if f.Claimed {
		return o.t("report.cause.claimed", o.msg(f.Cause))
	}
	return o.msg(f.Cause)
}

// title is f's title in o's language: as the message's claim when the
// snapshot's policies allow the request (diagnose.Finding.Claimed), with
// the title's own ".claimed" wording when it has one.
func (o Options) title(f diagnose.Finding) string {
	if !f.Claimed {
		return o.msg(f.Title)
	}
	if id := f.Title.ID + ".claimed"; i18n.Has(id) {
		return o.t(id, f.Title.Args...)
	}
	return o.t("report.title.claimed", o.msg(f.Title))
}

// --- JSON -------------------------------------------------------------

type jsonExplain struct {
	Denial   *authzmsg.Denial      `json:"denial"`
	Decode   diagnose.DecodeStatus `json:"decode"`
	Snapshot *preflight.Result     `json:"snapshot,omitempty"`
	Findings []jsonFinding         `json:"findings"`
}

type jsonFinding struct {
	diagnose.Finding
	TitleText  string   `json:"titleText"`
	CauseText  string   `json:"causeText"`
	ChecksText []string `json:"checksText,omitempty"`
	NotesText  []string `json:"notesText,omitempty"`
}

// Explain is the report of denied explain: each denial with its diagnosis.
type Explain []Explained

func (Explain) name() string { return "explain" }

// writeJSON writes the explain report as JSON with schemaVersion.
func (ex Explain) writeJSON(w io.Writer, o Options) error {
	return ex.stream(w, JSON, o)
}

// jsonExplained is e as the JSON report holds it, its messages rendered in
// o's language.
func jsonExplained(e Explained, o Options) jsonExplain {
	je := jsonExplain{Denial: e.Denial, Decode: e.Decode, Snapshot: e.Snapshot, Findings: []jsonFinding{}}
	for _, f := range e.Findings {
		jf := jsonFinding{Finding: f, TitleText: o.title(f), CauseText: o.cause(f)}
		for _, c := range f.Checks {
			jf.ChecksText = append(jf.ChecksText, o.msg(c))
		}
		for _, n := range f.Notes {
			jf.NotesText = append(jf.NotesText, o.msg(n))
		}
		je.Findings = append(je.Findings, jf)
	}
	return je
}

// stream writes ex through an ExplainWriter: the whole report and the
// streamed one are the same bytes because they are the same code.
func (ex Explain) stream(w io.Writer, f Format, o Options) error {
	x, err := NewExplainWriter(w, f, o)
	if err != nil {
		return err
	}
	for _, e := range ex {
		if err := x.Add(e); err != nil {
			return err
		}
	}
	return x.Close()
}

// ExplainWriter writes the explain report one denial at a time, each as
// soon as it is explained, so that a CloudTrail log of 100,000 denials is
// never held whole: memory stays that of one explanation. The bytes are
// those of one JSON document {schemaVersion, lang, denials} indented by
// two spaces (each denial at depth two), or of one text or Markdown
// report with its separators.
type ExplainWriter struct {
	w   io.Writer
	f   Format
	s   style
	n   int
	buf bytes.Buffer
}

// NewExplainWriter starts an explain report in format f (text, markdown
// or json) on w. Nothing is written before the first Add or Close.
func NewExplainWriter(w io.Writer, f Format, o Options) (*ExplainWriter, error) {
	switch f {
	case Text, Markdown, JSON:
	default:
		return nil, fmt.Errorf("report: explain has no %q format", f)
	}
	return &ExplainWriter{w: w, f: f, s: style{o: o, md: f == Markdown}}, nil
}

// Add writes one explained denial.
func (x *ExplainWriter) Add(e Explained) error {
	part, err := x.Render(e)
	if err != nil {
		return err
	}
	return x.WritePart(part)
}

// Render returns e's part of the report, without what separates it from
// the others. It reads only the writer's options, so explanations can be
// rendered by several goroutines at once and written in order by
// WritePart.
func (x *ExplainWriter) Render(e Explained) ([]byte, error) {
	var b bytes.Buffer
	if x.f == JSON {
		enc := json.NewEncoder(&b)
		enc.SetIndent("    ", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(jsonExplained(e, x.s.o)); err != nil {
			return nil, err
		}
		// Encode ends with a newline the separator or the closing
		// bracket supplies instead.
		// Fixes encode themselves with json.Marshal, which escapes HTML:
		// written as the rest of the report is.
		return unescapeHTML(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
	}
	var sb strings.Builder
	x.s.explained(&sb, e)
	return []byte(sb.String()), nil
}

// WritePart writes a part Render returned after those written before it.
func (x *ExplainWriter) WritePart(part []byte) error {
	x.buf.Reset()
	switch {
	case x.f == JSON && x.n == 0:
		x.jsonHead()
		x.buf.WriteString("\n    ")
	case x.f == JSON:
		x.buf.WriteString(",\n    ")
	case x.n > 0 && x.s.md:
		x.buf.WriteString("\n---\n\n")
	case x.n > 0:
		x.buf.WriteString("\n" + strings.Repeat("─", 60) + "\n\n")
	}
	x.n++
	x.buf.Write(part)
	_, err := x.w.Write(x.buf.Bytes())
	return err
}

// Close ends the report; a JSON report of no denial has "denials": [].
func (x *ExplainWriter) Close() error {
	if x.f != JSON {
		return nil
	}
	x.buf.Reset()
	if x.n == 0 {
		x.jsonHead()
		x.buf.WriteString("]\n}\n")
	} else {
		x.buf.WriteString("\n  ]\n}\n")
	}
	_, err := x.w.Write(x.buf.Bytes())
	return err
}

// jsonHead writes the report's fields before its denials.
func (x *ExplainWriter) jsonHead() {
	lang, _ := json.Marshal(x.s.o.Lang)
	x.buf.WriteString(`{` + "\n" + `  "schemaVersion": "` + SchemaVersion + `",` + "\n" + `  "lang": `)
	x.buf.Write(lang)
	x.buf.WriteString(",\n  \"denials\": [")
}

// --- text and markdown --------------------------------------------------

type style struct {
	o  Options
	md bool
}

func (s style) bold(x string) string {
	switch {
	case s.md:
		return "**" + x + "**"
	case s.o.Color:
		return "\x1b[1m" + x + "\x1b[0m"
	}
	return x
}

func (s style) color(code, x string) string {
	if s.o.Color && !s.md {
		return "\x1b[" + code + "m" + x + "\x1b[0m"
	}
	return x
}

// writeText writes the explain report for a terminal, or as Markdown,
// ready for a ticket.
func (ex Explain) writeText(w io.Writer, o Options, md bool) error {
	f := Text
	if md {
		f = Markdown
	}
	return ex.stream(w, f, o)
}

func (s style) explained(b *strings.Builder, e Explained) {
	o := s.o
	d := e.Denial
	title := o.t("report.title.none")
	if len(e.Findings) > 0 {
		title = o.title(e.Findings[0])
	}
	if s.md {
		fmt.Fprintf(b, "## %s\n\n", title)
	} else {
		for _, l := range i18n.Wrap(title, s.width()) {
			fmt.Fprintf(b, "%s\n", s.bold(l))
		}
		b.WriteString("\n")
	}
	// The request.
	rows := [][]string{}
	whole := map[int]bool{} // the rows that hold one identifier
	add := func(label, value string) {
		if value != "" {
			rows = append(rows, []string{o.t(label), value})
		}
	}
	addWhole := func(label, value string) {
		if value != "" {
			whole[len(rows)] = true
		}
		add(label, value)
	}
	addWhole("report.who", d.Principal.ARN)
	if d.Principal.IsBackupSession && d.Principal.BackupRole != "" && len(rows) > 0 {
		rows[len(rows)-1][1] += " " + o.t("report.backup-session", d.Principal.BackupRole)
		whole[len(rows)-1] = false
	}
	add("report.action", d.Action)
	addWhole("report.resource", d.Resource)
	decision := "decision." + string(d.Decision)
	if d.Decision == authzmsg.ExplicitDeny && d.PolicyType == authzmsg.PolicySCP && d.Decoded == nil {
		// AWS words an SCP's missing Allow as an explicit deny too: the
		// message alone does not say a Deny statement matched.
		decision = "decision.ExplicitDeny.scp"
	}
	add("report.decision", o.t(decision)+layerSuffix(o, d))
	if d.PolicyARN != "" {
		addWhole("report.policy", d.PolicyARN)
	}
	add("report.read-from", o.t("form."+string(d.Form))+decodeSuffix(o, e.Decode))
	if s.md {
		b.WriteString("| | |\n|---|---|\n")
		for _, r := range rows {
			fmt.Fprintf(b, "| %s | `%s` |\n", r[0], strings.ReplaceAll(r[1], "|", "\\|"))
		}
		b.WriteString("\n")
	} else {
		tr := make([][2]string, len(rows))
		for i, r := range rows {
			tr[i] = [2]string{r[0], r[1]}
			if whole[i] {
				// An ARN a reader edited may hold a space ("arn:aws:sts::[account
				// id]:assumed-role/..."): it is one identifier all the same, not
				// to be broken there.
				tr[i][1] = strings.ReplaceAll(r[1], " ", "\u00a0")
			}
		}
		b.WriteString(strings.ReplaceAll(i18n.WrapTable(tr, "  ", s.width()), "\u00a0", " "))
		b.WriteString("\n")
	}
	if e.Decode.State == "failed" || e.Decode.State == "skipped" && e.Decode.Msg != nil {
		s.para(b, "", s.color("33", o.msg(*e.Decode.Msg)))
		if e.Decode.Detail != "" {
			s.para(b, "", e.Decode.Detail)
		}
		b.WriteString("\n")
	}
	if e.Snapshot != nil {
		s.snapshot(b, e.Snapshot)
	}
	for i, f := range e.Findings {
		s.finding(b, i, f)
	}
	if len(d.Unreadable) > 0 {
		s.heading(b, o.t("report.unreadable"))
		for _, u := range d.UnreadableIn(o.Lang) {
			s.item(b, u)
		}
		b.WriteString("\n")
	}
}

// snapshot renders the re-evaluation against an account snapshot: the
// engine's decision with the snapshot's policies and the deciding
// statements.
func (s style) snapshot(b *strings.Builder, r *preflight.Result) {
	o := s.o
	s.heading(b, o.t("report.snapshot.heading"))
	if line, ok := snapshotUnchecked(o.Lang, r); ok {
		if unheldCause(r) {
			line = s.color("33", line)
		}
		s.para(b, "", line)
		b.WriteString("\n")
		return
	}
	switch {
	case !r.Denied():
		s.para(b, "", s.color("33", o.t("report.snapshot.allowed")))
	default:
		s.para(b, "", o.t("report.snapshot.denied", o.t("decision."+r.Verdict), o.t("layer."+r.Layer)))
		for _, d := range r.Deciding {
			sid := d.Sid
			if sid == "" {
				sid = "-"
			}
			s.item(b, o.t("report.snapshot.statement", o.t("layer."+d.Layer), d.Policy, fmt.Sprint(d.Statement), sid))
		}
		if len(r.Deciding) == 0 {
			s.item(b, o.t("report.snapshot.no-allow", o.t("layer."+r.Layer)))
		}
		if w := r.FixWithheld; w != nil {
			s.para(b, "", withheldText(o.Lang, "report.snapshot.fix-withheld", *w))
		}
	}
	b.WriteString("\n")
}

// snapshotUnchecked is the line of a re-evaluation that decided nothing,
// in lang (explain's and jobs' reports): a resource-based policy no
// snapshot holds, an unknown principal, another cause (what it names came
// from the message, not from one of check's flags) or an error.
func snapshotUnchecked(lang i18n.Lang, r *preflight.Result) (string, bool) {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	switch {
	case unheldCause(r):
		return t("report.snapshot.could-not-check", causeText(lang, *r.Cause)), true
	case r.Skip == "preflight.skip.unknown-principal":
		// Before Error, which holds the same cause in English and names
		// check's --as.
		return t("report.snapshot.unknown-principal", r.PrincipalARN), true
	case r.Cause != nil && r.Verdict == preflight.CouldNotCheck:
		c := *r.Cause
		if c.Flag != "" {
			c.Flag = t("report.snapshot.from-message")
		}
		return t("report.snapshot.error", causeText(lang, c)), true
	case r.Error != "":
		return t("report.snapshot.error", r.Error), true
	case r.Skip != "":
		return t("report.snapshot.unknown-principal", r.PrincipalARN), true
	}
	return "", false
}

// unheldCause reports whether r could not be checked for a resource-based
// policy no snapshot holds (said in the report's language, not as
// r.Error).
func unheldCause(r *preflight.Result) bool {
	return r.Cause != nil && (r.Cause.Kind == preflight.CauseResourcePolicyMayDeny || r.Cause.Kind == preflight.CauseResourcePolicyMayAllow)
}

func layerSuffix(o Options, d *authzmsg.Denial) string {
	if d.PolicyType == "" || d.PolicyType == authzmsg.PolicyUnknown {
		return ""
	}
	return " — " + o.t("layer."+layerID(d.PolicyType))
}

func layerID(p authzmsg.PolicyType) string {
	if p == authzmsg.PolicyTrust {
		return "trust"
	}
	return string(p)
}

func decodeSuffix(o Options, ds diagnose.DecodeStatus) string {
	if ds.State == "decoded" {
		return " (" + o.t("report.decoded") + ")"
	}
	return ""
}

// width is the number of columns text output is wrapped to.
func (s style) width() int {
	if s.o.Width > 0 {
		return s.o.Width
	}
	return DefaultWidth
}

func (s style) heading(b *strings.Builder, h string) {
	if s.md {
		fmt.Fprintf(b, "### %s\n\n", h)
		return
	}
	for _, l := range i18n.Wrap(h, s.width()) {
		fmt.Fprintf(b, "%s\n", s.bold(l))
	}
}

func (s style) para(b *strings.Builder, indent, text string) {
	if s.md {
		b.WriteString(text + "\n")
		return
	}
	for _, l := range i18n.Wrap(text, s.width()-len(indent)-2) {
		b.WriteString("  " + indent + l + "\n")
	}
}

func (s style) item(b *strings.Builder, text string) {
	if s.md {
		b.WriteString("- " + text + "\n")
		return
	}
	for i, l := range i18n.Wrap(text, s.width()-4) {
		if i == 0 {
			b.WriteString("  - " + l + "\n")
		} else {
			b.WriteString("    " + l + "\n")
		}
	}
}

func (s style) finding(b *strings.Builder, i int, f diagnose.Finding) {
	o := s.o
	if i > 0 {
		s.heading(b, o.title(f))
	}
	s.heading(b, o.t("report.cause")+" ["+f.Rule+"]")
	s.para(b, "", o.cause(f))
	b.WriteString("\n")
	if len(f.Checks) > 0 {
		s.heading(b, o.t("report.checks"))
		for _, c := range f.Checks {
			s.item(b, o.msg(c))
		}
		b.WriteString("\n")
	}
	if f.Plan != nil {
		// A plan of the snapshot verified without a resource-based
		// policy no snapshot holds says so first, as check does.
		if l, ok := unheldPlanLabel(o.Lang, f.Plan); ok && len(f.Plan.Fixes) > 0 {
			s.para(b, "", s.color("33", l))
			b.WriteString("\n")
		}
		for j, fx := range f.Plan.Fixes {
			s.fix(b, j+1, fx, f.Plan)
		}
		if len(f.Plan.Fixes) > 1 {
			if f.Plan.Verified {
				s.para(b, "", s.color("32", o.t("report.plan.verified", o.verdict(f.Plan.Decision))))
			} else {
				s.para(b, "", s.color("31", o.t("report.plan.not-verified", f.Plan.StillDeniedBy)))
			}
			b.WriteString("\n")
		}
	}
	n := 0
	if f.Plan != nil {
		n = len(f.Plan.Fixes)
	}
	for _, a := range f.Alternatives {
		n++
		s.fix(b, n, a, nil)
	}
	var notes []string
	for _, m := range f.Notes {
		notes = append(notes, o.msg(m))
	}
	seen := map[string]bool{}
	if f.Plan != nil {
		for _, nt := range f.Plan.Notes {
			if !seen[nt.ID] {
				seen[nt.ID] = true
				notes = append(notes, o.fixNote(nt))
			}
		}
	}
	if len(notes) > 0 {
		s.heading(b, o.t("report.notes"))
		for _, nt := range notes {
			s.item(b, nt)
		}
		b.WriteString("\n")
	}
}

func (o Options) fixNote(n fix.Note) string {
	id := "fixnote." + n.ID
	if i18n.Has(id) {
		return o.t(id, n.Args...)
	}
	return n.Text
}

func (o Options) fixTitle(f fix.Fix) string {
	if f.TitleMsg.ID != "" && i18n.Has(f.TitleMsg.ID) {
		return o.t(f.TitleMsg.ID, f.TitleMsg.Args...)
	}
	return f.Title
}

func (s style) fix(b *strings.Builder, n int, f fix.Fix, plan *fix.Plan) {
	o := s.o
	kind := fixKind(o.Lang, &f)
	head := o.t("report.fix", fmt.Sprint(n), kind)
	if f.Kind != fix.Alternative {
		switch {
		case f.Verified:
			head += " — " + s.color("32", o.t("report.verified", o.verdict(f.VerifiedDecision), o.t("against."+AgainstID(f.VerifiedAgainst))))
		case f.StillDeniedBy != "":
			head += " — " + o.t(WithNextID(f), o.t("layer."+f.StillDeniedBy))
		default:
			head += " — " + s.color("31", o.t("report.not-verified"))
		}
	}
	s.heading(b, head)
	s.para(b, "", o.fixTitle(f))
	if f.RiskMsg != nil && i18n.Has(f.RiskMsg.ID) {
		s.para(b, "", s.color("33", o.t("report.risk")+" "+o.t(f.RiskMsg.ID, f.RiskMsg.Args...)))
	} else if f.Risk != "" {
		s.para(b, "", s.color("33", o.t("report.risk")+" "+f.Risk))
	}
	for _, nt := range f.Notes {
		if plan != nil && containsNote(plan.Notes, nt.ID) {
			continue
		}
		s.para(b, "", o.fixNote(nt))
	}
	b.WriteString("\n")
	show := func(key, label, lang, body string) {
		if body == "" || (!s.md && !o.Show[key]) {
			return
		}
		if s.md {
			fmt.Fprintf(b, "%s\n\n```%s\n%s\n```\n\n", s.bold(o.t(label)), lang, strings.TrimRight(body, "\n"))
			return
		}
		fmt.Fprintf(b, "  %s\n", o.t(label))
		for _, l := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
			b.WriteString("    " + l + "\n")
		}
		b.WriteString("\n")
	}
	r := f.Render.In(o.Lang)
	show("policy", "report.render.policy", "json", r.PolicyJSON)
	show("cli", "same.render.cli", "sh", strings.Join(r.CLI, "\n"))
	show("terraform", "same.render.terraform", "hcl", r.Terraform)
	show("cloudformation", "same.render.cloudformation", "yaml", r.CloudFormation)
}

// verdict is the engine's decision ("Allowed") in the report's language.
func (o Options) verdict(d string) string { return i18n.Verdict(o.Lang, d) }

func containsNote(ns []fix.Note, id string) bool {
	for _, n := range ns {
		if n.ID == id {
			return true
		}
	}
	return false
}

// KindID names a kind of fix in the message catalog ("kind." + KindID).
func KindID(k fix.Kind) string {
	switch k {
	case fix.LeastPrivilege:
		return "least-privilege"
	case fix.Alternative:
		return "alternative"
	case fix.Broad:
		return "broad"
	}
	return "other"
}

// AgainstID names what a fix was verified against in the message
// catalog ("against." + AgainstID).
// WithNextID is the message of a fix that the engine found not enough
// alone, f.StillDeniedBy still refusing: when the fix was checked against
// the request alone, that layer's policies are not known (a message shows
// only the layer that denied), so the text may not say that it refuses
// too, only that it must allow as well.
func WithNextID(f fix.Fix) string {
	for _, n := range f.Notes {
		if strings.HasPrefix(n.ID, "candidate-") {
			// One of the candidate fixes of a message that names no
			// layer: no other fix goes with it, the other candidate is
			// the other refusal.
			return "report.candidate-also"
		}
	}
	if f.VerifiedAgainst == fix.AgainstRequestOnly {
		return "report.verified-with-next-unknown"
	}
	return "report.verified-with-next"
}

func AgainstID(s string) string {
	if s == fix.AgainstKnownPolicies {
		return "known"
	}
	return "request"
}
