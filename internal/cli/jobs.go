package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/backup"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/jobs"
)

type jobsInput struct {
	since    time.Duration
	states   []string
	kinds    []jobs.Kind
	format   string
	lang     i18n.Lang
	noDecode bool
	profile  string
	region   string
}

const jobsSynopsis = `[--since 24h] [--state FAILED,ABORTED,PARTIAL] [--type backup,restore,copy] [--format text|json|markdown] [--lang en|ja|ko] [--no-decode] [--profile NAME] [--region REGION]

Reads the failed, aborted and partial AWS Backup jobs of the account (backup,
restore and copy jobs, through ListBackupJobs, ListRestoreJobs and
ListCopyJobs, read-only) and explains why they failed: each distinct status
message is explained once, as denied explain does (an encoded authorization
failure message is decoded through AWS STS unless --no-decode), and the jobs
are grouped by cause, with their resources and the fix of each cause. Jobs whose
message is not an access denial are listed apart. Exit 1 when an
authorization cause was found, 0 when none, 3 when AWS Backup could not be
read and no cause was found.`

// jobsNow fixes the clock in tests.
var jobsNow = time.Now

// jobsClient builds the AWS Backup client from the standard AWS
// configuration.
var jobsClient = func(ctx context.Context, profile, region string) (jobs.API, error) {
	var lo []func(*config.LoadOptions) error
	if profile != "" {
		lo = append(lo, config.WithSharedConfigProfile(profile))
	}
	if region != "" {
		lo = append(lo, config.WithRegion(region))
	}
	cfg, err := config.LoadDefaultConfig(ctx, lo...)
	if err != nil {
		return nil, err
	}
	if cfg.Region == "" {
		return nil, errJobsNoRegion
	}
	return backup.NewFromConfig(cfg), nil
}

var errJobsNoRegion = errors.New("no AWS Region")

func bindJobs(env *Env, args []string) (*jobsInput, error) {
	in := &jobsInput{}
	var lang, states, kinds, since string
	fs := newFlagSet(env, "jobs", jobsSynopsis)
	fs.StringVar(&since, "since", "24h", "read jobs created in this last `DURATION` (Go duration: 24h, 90m; 0 for every job AWS Backup keeps)")
	fs.StringVar(&states, "state", strings.Join(jobs.DefaultStates, ","), "comma-separated job states to read")
	fs.StringVar(&kinds, "type", "backup,restore,copy", "comma-separated job types: backup, restore, copy")
	fs.StringVar(&in.format, "format", "text", "output format: text, json or markdown")
	fs.StringVar(&lang, "lang", "", "language: en, ja or ko (default from LC_ALL, LC_MESSAGES, LANG)")
	fs.BoolVar(&in.noDecode, "no-decode", false, "do not call AWS STS to decode encoded messages")
	fs.StringVar(&in.profile, "profile", "", "AWS profile (default: the standard AWS configuration)")
	fs.StringVar(&in.region, "region", "", "AWS Region to read the jobs of (default: the configured one)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	l, err := i18n.Detect(lang, env.Getenv)
	if err != nil {
		l, _ = i18n.Detect("", env.Getenv)
		return nil, usageErr("%s", i18n.T(l, "cli.explain.lang", lang))
	}
	in.lang = l
	if len(pos) > 0 {
		return nil, usageErr("%s", i18n.T(l, "jobs.args", pos[0]))
	}
	switch in.format {
	case "text", "json", "markdown":
	default:
		return nil, usageErr("%s", i18n.T(l, "cli.explain.format", in.format))
	}
	d, err := time.ParseDuration(strings.TrimSpace(since))
	if err != nil || d < 0 {
		return nil, usageErr("%s", i18n.T(l, "jobs.since", since))
	}
	in.since = d
	for _, s := range strings.Split(states, ",") {
		s = strings.ToUpper(strings.TrimSpace(s))
		if s == "" {
			continue
		}
		if !jobs.ValidState(s) {
			return nil, usageErr("%s", i18n.T(l, "jobs.state", s))
		}
		in.states = append(in.states, s)
	}
	if len(in.states) == 0 {
		return nil, usageErr("%s", i18n.T(l, "jobs.state", states))
	}
	for _, k := range strings.Split(kinds, ",") {
		switch k = strings.ToLower(strings.TrimSpace(k)); jobs.Kind(k) {
		case jobs.KindBackup, jobs.KindRestore, jobs.KindCopy:
			in.kinds = append(in.kinds, jobs.Kind(k))
		case "":
		default:
			return nil, usageErr("%s", i18n.T(l, "jobs.type", k))
		}
	}
	if len(in.kinds) == 0 {
		return nil, usageErr("%s", i18n.T(l, "jobs.type", kinds))
	}
	return in, nil
}

func runJobs(ctx context.Context, env *Env, args []string) error {
	in, err := bindJobs(env, args)
	if err != nil {
		return err
	}
	api, err := jobsClient(ctx, in.profile, in.region)
	if err != nil {
		if errors.Is(err, errJobsNoRegion) {
			return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(in.lang, "jobs.no-region"))}
		}
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(in.lang, "jobs.config", err.Error()))}
	}
	f := jobs.Filter{States: in.states, Kinds: in.kinds}
	if in.since > 0 {
		f.Since = jobsNow().UTC().Add(-in.since).Truncate(time.Second)
	}
	list, readErrs := jobs.Read(ctx, api, f)
	for _, e := range readErrs {
		fmt.Fprintln(env.Stderr, i18n.T(in.lang, "jobs.unreadable", e.Call, e.State, e.Message))
	}
	opt := jobs.Options{}
	if !in.noDecode {
		var dec authzmsg.Decoder
		var derr error
		opt.Decode = func(ctx context.Context, d *authzmsg.Denial) report.DecodeStatus {
			if dec == nil && derr == nil {
				dec, derr = stsDecoder(ctx, in.profile, in.region)
			}
			err := derr
			if err == nil {
				err = authzmsg.Decode(ctx, dec, d)
			}
			return decodeStatus(err)
		}
	}
	rep := jobs.Explain(ctx, list, opt)
	o := report.Options{Lang: in.lang, Color: env.IsTerminal && env.Getenv("NO_COLOR") == "" && env.Getenv("TERM") != "dumb", Width: env.Width()}
	jr := jobsView{in: in, f: f, rep: rep, errs: readErrs, o: o}
	switch in.format {
	case "json":
		err = jr.json(env.Stdout)
	default:
		err = jr.text(env.Stdout, in.format == "markdown")
	}
	if err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	switch {
	case rep.Causes > 0:
		return &Error{Code: ExitDenied, Err: errSilent}
	case len(readErrs) > 0:
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(in.lang, "jobs.partial", len(readErrs)))}
	}
	return nil
}

// jobsView renders a jobs report.
type jobsView struct {
	in   *jobsInput
	f    jobs.Filter
	rep  *jobs.Report
	errs []*jobs.ReadError
	o    report.Options
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
	if !g.Authorization {
		return v.t("jobs.not-authorization")
	}
	return v.msg(g.Explanations[0].Finding.Title)
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
	para("", v.t("jobs.summary", r.Jobs, strings.Join(v.f.States, ", "), v.kindsText(v.in.kinds), r.AuthorizationJobs, r.Causes, r.OtherJobs))
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
				c := v.msg(e.Finding.Cause)
				if !seen[c] {
					seen[c] = true
					para("  ", c)
				}
			}
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
			if e.RoleFromJob != "" {
				para("    ", v.t("jobs.role-from-job", e.RoleFromJob))
			}
			if e.Decode.Msg != nil && (e.Decode.State == "failed" || e.Decode.State == "skipped") {
				para("    ", v.msg(*e.Decode.Msg))
			} else if e.Decode.State == "decoded" {
				para("    ", v.t("jobs.decoded"))
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
		var key strings.Builder
		for _, fx := range f.Plan.Fixes {
			key.WriteString(fx.Title + "\x00" + fx.Render.PolicyJSON + "\x00")
		}
		if seen[key.String()] {
			continue
		}
		seen[key.String()] = true
		for _, fx := range f.Plan.Fixes {
			n++
			head := v.t("report.fix", fmt.Sprint(n), v.t("kind."+report.KindID(fx.Kind)))
			switch {
			case fx.Verified:
				head += " — " + v.t("report.verified", i18n.Verdict(v.o.Lang, fx.VerifiedDecision), v.t("against."+report.AgainstID(fx.VerifiedAgainst)))
			case fx.StillDeniedBy != "":
				head += " — " + v.t("report.verified-with-next", v.t("layer."+fx.StillDeniedBy))
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
				jobsCode(b, md, "  ", v.t("same.render.cli"), "sh", strings.Join(i18n.CLILines(v.o.Lang, fx.Render.CLI), "\n"))
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
	out := jobsJSON{SchemaVersion: JobsSchemaVersion, Lang: v.o.Lang, States: v.f.States, Types: v.in.kinds,
		Summary:    jobsSummaryJSON{Jobs: r.Jobs, AuthorizationJobs: r.AuthorizationJobs, OtherJobs: r.OtherJobs, Causes: r.Causes, Messages: r.Messages},
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
				f := &jsonFindingText{Finding: *e.Finding, TitleText: v.msg(e.Finding.Title), CauseText: v.msg(e.Finding.Cause)}
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
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
