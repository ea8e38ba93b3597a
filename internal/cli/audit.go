package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/internal/i18n"
)

type auditInput struct {
	limits     *liveLimits
	snapshot   string
	live       bool
	profile    string
	region     string
	format     string
	output     string
	ignoreFile string
	summary    bool
	lang       i18n.Lang
	opt        audit.Options
}

const auditSynopsis = `(--snapshot FILE|- | --live [--profile NAME] [--region R]) [--as CALLER_ARN] [--role ARN] [--format text|json|markdown|sarif|junit]
       [--output FILE] [--severity critical,high,medium,low] [--ignore-file FILE] [--summary] [--lang en|ja|ko]

Checks every recovery point of an account snapshot for a restore that would
fail (with the recovery point's restore role: --role, else its own role, else
the role of the backup selection for its vault, else
AWSBackupDefaultServiceRole), and every backup selection for a role AWS Backup
may assume. An item the snapshot cannot decide (a role, vault, key or
instance profile it does not hold, a resource type no operation covers, a
part of the account it could not read) is "could not be checked", never a
success.

Exit 0 when every item passed, 1 when something would fail (even if other
items could not be checked), 4 when nothing would fail but something could
not be checked, 2 on bad input, 3 on a runtime failure.`

// auditNow fixes the clock of audit (tests set it).
var auditNow func() time.Time

var auditFormats = []string{"text", "json", "markdown", "sarif", "junit"}

func bindAudit(env *Env, args []string) (*auditInput, error) {
	in := &auditInput{}
	var lang, severity string
	fs := newFlagSet(env, "audit", auditSynopsis)
	in.limits = bindLiveLimits(env, fs)
	fs.StringVar(&in.snapshot, "snapshot", "", "account snapshot file (JSON, optionally gzip-compressed; full or short form; - reads stdin)")
	fs.BoolVar(&in.live, "live", false, "audit the account itself, read live and read-only as denied collect does")
	fs.StringVar(&in.profile, "profile", "", "AWS profile to read the account with (--live)")
	fs.StringVar(&in.region, "region", "", "region to read KMS and AWS Backup in (--live; default from the AWS configuration)")
	fs.StringVar(&in.opt.Caller, "as", "", "ARN of the caller who starts restores; without it the caller's requests are skipped")
	fs.StringVar(&in.opt.Role, "role", "", "ARN of the restore role to use for every recovery point")
	fs.StringVar(&in.format, "format", "text", "output format: "+strings.Join(auditFormats, ", "))
	fs.StringVar(&in.output, "output", "", "write the report to FILE (mode 0600) instead of stdout")
	fs.StringVar(&severity, "severity", "", "report only causes of these severities (comma-separated: critical, high, medium, low)")
	fs.StringVar(&in.ignoreFile, "ignore-file", "", "file of causes to ignore: RULE-ID RESOURCE EXPIRES(YYYY-MM-DD) REASON, one a line")
	fs.BoolVar(&in.summary, "summary", false, "print the summary and the causes only, not every item (text, markdown, json)")
	fs.StringVar(&lang, "lang", "", "language: en, ja or ko (default from LC_ALL, LC_MESSAGES, LANG)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if in.lang, err = i18n.Detect(lang, env.Getenv); err != nil {
		return nil, usageErr("%v", err)
	}
	known := false
	for _, f := range auditFormats {
		known = known || f == in.format
	}
	if !known {
		return nil, usageErr("--format must be one of %s, not %q", strings.Join(auditFormats, ", "), in.format)
	}
	if len(pos) != 0 {
		return nil, usageErr("audit takes no arguments, got %q", pos)
	}
	switch {
	case in.snapshot != "" && in.live:
		return nil, usageErr("--snapshot and --live exclude each other")
	case in.snapshot == "" && !in.live:
		return nil, usageErr("%s", i18n.T(in.lang, "audit.err.no-snapshot"))
	case (in.profile != "" || in.region != "") && !in.live:
		return nil, usageErr("--profile and --region need --live")
	}
	if in.summary && (in.format == "sarif" || in.format == "junit") {
		return nil, usageErr("--summary applies to text, markdown and json, not %s", in.format)
	}
	if severity != "" {
		for _, s := range strings.Split(severity, ",") {
			s = strings.ToLower(strings.TrimSpace(s))
			if !contains(audit.Severities, s) {
				return nil, usageErr("--severity: %q is not one of %s", s, strings.Join(audit.Severities, ", "))
			}
			in.opt.Severities = append(in.opt.Severities, s)
		}
	}
	if in.output != "" {
		if fi, err := os.Stat(filepath.Dir(in.output)); err != nil || !fi.IsDir() {
			return nil, usageErr("--output %s: directory %s does not exist", in.output, filepath.Dir(in.output))
		}
		if fi, err := os.Stat(in.output); err == nil && fi.IsDir() {
			return nil, usageErr("--output %s is a directory", in.output)
		}
	}
	if in.ignoreFile != "" {
		f, err := os.Open(in.ignoreFile)
		if err != nil {
			return nil, usageErr("--ignore-file: %v", err)
		}
		in.opt.Ignore, err = audit.ParseIgnore(f, in.ignoreFile)
		f.Close()
		if err != nil {
			return nil, usageErr("--ignore-file: %v", err)
		}
	}
	in.opt.Now = auditNow
	return in, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// auditSnapshot is a snapshot read for audit, with what reports need to
// point into its file.
type auditSnapshot struct {
	snap  *account.Snapshot
	short bool
	// uri is the file as reports name it ("" for stdin).
	uri   string
	lines map[string]int
}

// readAuditSnapshot reads a snapshot in the full form, or else the short
// form, from path ("-": r), keeping the lines of its objects.
func readAuditSnapshot(path string, r io.Reader) (*auditSnapshot, error) {
	// Errors do not name the file: the caller names it once.
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return nil, pe.Err
			}
			return nil, err
		}
		defer f.Close()
		r = f
	}
	// The size limit and gzip handling are the loader's (a small gzip
	// file that decompresses past the limit is refused at once).
	data, err := account.ReadData(r)
	if err != nil {
		return nil, err
	}
	as := &auditSnapshot{lines: account.Lines(data, 4)}
	if path != "-" {
		as.uri = filepath.ToSlash(path)
	}
	as.snap, err = account.Parse(data)
	if err == nil {
		return as, nil
	}
	if s, serr := account.LoadShort(bytes.NewReader(data)); serr == nil {
		as.snap, as.short = s, true
		return as, nil
	}
	return nil, err
}

// roleLine is the line of a role in the snapshot file, or 0.
func (as *auditSnapshot) roleLine(arn string) int {
	r, ok := as.snap.Role(arn)
	if !ok {
		return 0
	}
	if as.short {
		return as.lines["/roles/"+strings.ReplaceAll(strings.ReplaceAll(r.Name, "~", "~0"), "/", "~1")]
	}
	for i := range as.snap.Roles {
		if as.snap.Roles[i].ARN == r.ARN {
			return as.lines["/roles/"+strconv.Itoa(i)]
		}
	}
	return 0
}

// line is the line of an item in the snapshot file, or 0.
func (as *auditSnapshot) line(it audit.Item) int {
	ptr := it.Pointer
	if as.short && it.Kind == audit.KindSelection {
		ptr = "/plans/" + strings.ReplaceAll(strings.ReplaceAll(it.Plan, "~", "~0"), "/", "~1")
	}
	return as.lines[ptr]
}

func runAudit(ctx context.Context, env *Env, args []string) error {
	in, err := bindAudit(env, args)
	if err != nil {
		return err
	}
	var as *auditSnapshot
	if in.live {
		// Read live: no file for reports to point into.
		snap, err := liveSnapshot(ctx, env, in.lang, in.profile, in.region, in.limits)
		if err != nil {
			return err
		}
		as = &auditSnapshot{snap: snap}
	} else if as, err = readAuditSnapshot(in.snapshot, env.Stdin); err != nil {
		return usageErr("%s: %v", in.snapshot, err)
	}
	snap := as.snap
	if in.opt.Role != "" {
		r, ok := snap.Role(in.opt.Role)
		if !ok {
			return usageErr("%s", i18n.T(in.lang, "audit.err.role", in.opt.Role))
		}
		in.opt.Role = r.ARN
	}
	if in.opt.Caller != "" {
		if r, ok := snap.Role(in.opt.Caller); ok {
			in.opt.Caller = r.ARN
		} else if _, ok := snap.User(in.opt.Caller); !ok {
			return usageErr("%s", i18n.T(in.lang, "audit.err.caller", in.opt.Caller))
		}
	}
	in.opt.ListPassed = in.format == "junit"
	rep := audit.Run(snap, in.opt)
	fillGapTexts(&rep, in.lang)
	for _, e := range rep.ExpiredIgnores {
		fmt.Fprintf(env.Stderr, "denied: %s\n", i18n.T(in.lang, "audit.ignore.expired", e.File+":"+strconv.Itoa(e.Line), e.RuleID, e.Resource, e.Expires))
	}
	var b bytes.Buffer
	switch in.format {
	case "json":
		if in.summary {
			rep.Items = nil
		}
		err = writeJSON(&b, rep)
	case "sarif":
		log := auditSARIF(rep, as, in.lang)
		if tr, ok := log.Runs[0].Properties["truncated"].(map[string]int); ok {
			fmt.Fprintf(env.Stderr, "denied: %s\n", i18n.T(in.lang, "audit.sarif.truncated", strconv.Itoa(tr["results"]), strconv.Itoa(tr["kept"])))
		}
		err = writeJSON(&b, log)
	case "junit":
		err = writeJUnit(&b, rep, in.lang)
	default:
		b.WriteString(auditText(rep, in.lang, in.format == "markdown", in.summary))
	}
	if err == nil {
		err = writeOutput(env, in.output, b.Bytes())
	}
	if err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	switch {
	case rep.Summary.Failed > 0:
		return &Error{Code: ExitDenied, Err: errSilent}
	case rep.Summary.Unchecked > 0:
		return &Error{Code: ExitUnchecked, Err: errSilent}
	}
	return nil
}

// writeOutput writes a report to stdout, or to path with mode 0600 (the
// report names the account's roles and resources): through a temporary
// file in the same directory, renamed over path, so that a failure leaves
// any earlier report whole.
func writeOutput(env *Env, path string, data []byte) error {
	if path == "" {
		_, err := env.Stdout.Write(data)
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("--output %s: %w", path, errors.Unwrap(err))
	}
	return nil
}

// tArgs renders message arguments: "@id" is the message id in lang.
func tArgs(lang i18n.Lang, args []string) []any {
	a := make([]any, len(args))
	for j, s := range args {
		if strings.HasPrefix(s, "@") && i18n.Has(s[1:]) {
			s = i18n.T(lang, s[1:])
		}
		a[j] = s
	}
	return a
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
	s := rep.Summary
	out := t("audit.summary", strconv.Itoa(rep.RecoveryPoints), strconv.Itoa(rep.Selections), strconv.Itoa(s.Items-rep.RecoveryPoints-rep.Selections),
		strconv.Itoa(s.Passed), strconv.Itoa(s.Failed), strconv.Itoa(s.Unchecked))
	if s.Ignored > 0 {
		out += " " + t("audit.summary.ignored", strconv.Itoa(s.Ignored))
	}
	if s.Filtered > 0 {
		out += " " + t("audit.summary.filtered", strconv.Itoa(s.Filtered))
	}
	return out
}

func auditText(rep audit.Report, lang i18n.Lang, md, summaryOnly bool) string {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	var b strings.Builder
	heading := func(level int, s string) {
		if md {
			fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", level), s)
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
		b.WriteString(t("audit.not-proven", strconv.Itoa(rep.Summary.Unchecked)) + "\n")
	case rep.Summary.Ignored > 0 || rep.Summary.Filtered > 0:
		b.WriteString(t("audit.ok.suppressed") + "\n")
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
		b.WriteString("\n" + t("audit.causes.total", strconv.Itoa(rep.Summary.Failed), strconv.Itoa(rep.Summary.Unchecked),
			strconv.Itoa(rep.Summary.Failed+rep.Summary.Unchecked)) + "\n\n")
	}
	if summaryOnly || len(rep.Items) == 0 {
		return b.String()
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
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(t("audit.more-detail") + "\n")
	return b.String()
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
