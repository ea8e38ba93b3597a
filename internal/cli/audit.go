package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/jsonx"
	"github.com/deniedhq/denied/internal/report"
)

type auditInput struct {
	out *outputFlags
	src sourceFlags

	limits     *liveLimits
	snapshot   string
	live       bool
	profile    string
	region     string
	format     string
	output     string
	severity   string
	ignoreFile string
	summary    bool
	accounts   string
	ous        string
	lang       i18n.Lang
	opt        audit.Options
}

const auditLong = `Checks every recovery point of an account snapshot for a restore that would
fail (with the recovery point's restore role: --role, else its own role, else
the role of the backup selection for its vault, else
AWSBackupDefaultServiceRole), and every backup selection for a role AWS Backup
may assume. An item the snapshot cannot decide (a role, vault, key or
instance profile it does not hold, a --role or --as ARN it does not hold, a
--role given by name (its ARN is suggested, as check does), a resource type no operation covers, a
part of the account it could not read) is "could not be checked", never a
success.

Exit 0 when every item passed, 1 when something would fail (even if other
items could not be checked), 4 when nothing would fail but something could
not be checked, 2 on bad input, 3 on a runtime failure.`

var auditFormats = []string{"text", "json", "markdown", "sarif", "junit"}

func newAuditCmd(env *Env) *cobra.Command {
	in := &auditInput{out: newOutputFlags(withLang|withOutput, auditFormats...), src: sourceFlags{stdin: true}, limits: &liveLimits{}}
	cmd := &cobra.Command{
		Use:   "audit (--snapshot FILE|- | --live)",
		Short: "check every recovery point and backup selection of a snapshot for restores that would fail",
		Long:  auditLong,
	}
	fs := cmd.Flags()
	in.src.bind(fs)
	in.limits.bind(env, fs)
	fs.StringVar(&in.opt.Caller, "as", "", "`ARN` of the caller who starts restores; without it the caller's requests are skipped")
	fs.StringVar(&in.opt.Role, "role", "", "`ARN` of the restore role to use for every recovery point")
	in.out.bind(fs)
	fs.StringVar(&in.severity, "severity", "", "report only causes of these `SEVERITIES` (comma-separated: critical, high, medium, low)")
	fs.StringVar(&in.ignoreFile, "ignore-file", "", "`FILE` of causes to ignore: RULE-ID RESOURCE EXPIRES(YYYY-MM-DD) REASON, one a line")
	fs.BoolVar(&in.summary, "summary", false, "print the summary and the causes only, not every item (text, markdown, json)")
	fs.StringVar(&in.accounts, "accounts", "", "organization snapshot (--snapshot DIR) only: audit only these comma-separated account `IDS`, one shard of the organization (copy destinations are still read from the whole snapshot)")
	fs.StringVar(&in.ous, "ou", "", "organization snapshot (--snapshot DIR) only: audit only the accounts under these OUs, at any depth (comma-separated `IDS`, ou-... or r-...); with --accounts, both")
	cmd.RunE = runE(func(cmd *cobra.Command, args []string) error {
		if err := in.check(env, args); err != nil {
			return err
		}
		return runAudit(cmd.Context(), env, in)
	})
	return cmd
}

func (in *auditInput) check(env *Env, pos []string) error {
	if err := in.out.check(env); err != nil {
		return err
	}
	in.lang, in.format, in.output = in.out.Lang, in.out.format, in.out.output
	in.snapshot, in.live, in.profile, in.region = in.src.snapshot, in.src.live, in.src.profile, in.src.region
	if len(pos) != 0 {
		return usageErr("audit takes no arguments, got %q", pos)
	}
	if err := in.src.check(in.lang); err != nil {
		return err
	}
	switch {
	case in.snapshot == "" && !in.live:
		return usageErr("%s", i18n.T(in.lang, "audit.err.no-snapshot"))
	case (in.profile != "" || in.region != "") && !in.live:
		return usageErr("--profile and --region need --live")
	}
	// The syntax of --as and --role, before anything is read: a value that
	// is no ARN (for --role, nor a role name) is bad input; an ARN or role
	// name the snapshot lacks is not (its items could not be checked), as
	// in check: a role given by name could not be checked, and its ARN is
	// suggested.
	if in.opt.Caller != "" {
		if err := checkARN("--as", in.opt.Caller, ""); err != nil {
			return err
		}
	}
	if in.opt.Role != "" {
		if err := checkRoleFlag("--role", in.opt.Role); err != nil {
			return err
		}
	}
	if in.summary && (in.format == "sarif" || in.format == "junit") {
		return usageErr("--summary applies to text, markdown and json, not %s", in.format)
	}
	if in.severity != "" {
		for _, s := range strings.Split(in.severity, ",") {
			s = strings.ToLower(strings.TrimSpace(s))
			if !contains(audit.Severities, s) {
				return usageErr("--severity: %q is not one of %s", s, strings.Join(audit.Severities, ", "))
			}
			in.opt.Severities = append(in.opt.Severities, s)
		}
	}
	if in.ignoreFile != "" {
		f, err := os.Open(in.ignoreFile)
		if err != nil {
			return usageErr("--ignore-file: %v", err)
		}
		in.opt.Ignore, err = audit.ParseIgnore(f, in.ignoreFile)
		f.Close()
		if ie := (*audit.IgnoreError)(nil); errors.As(err, &ie) {
			return usageErr("--ignore-file: %s", ie.Text(in.lang))
		}
		if err != nil {
			return usageErr("--ignore-file: %v", err)
		}
	}
	in.opt.Now = env.Deps.Now
	return nil
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
	uri string
	// data is the file's text; its line index is built on the first
	// lookup (only SARIF asks for lines: the index costs about as much as
	// the snapshot's decoding).
	data      []byte
	linesOnce sync.Once
	lines     map[string]int
}

// line returns the line of the object at JSON pointer ptr, or 0.
func (as *auditSnapshot) line(ptr string) int {
	as.linesOnce.Do(func() {
		if as.data != nil {
			as.lines = account.Lines(as.data, 4)
		}
	})
	return as.lines[ptr]
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
	as := &auditSnapshot{data: data}
	if path != "-" {
		as.uri = filepath.ToSlash(path)
	}
	if as.snap, as.short, err = account.ParseAny(data); err != nil {
		return nil, err
	}
	return as, nil
}

// URI is the snapshot file as reports name it ("" for stdin).
func (as *auditSnapshot) URI() string { return as.uri }

// RoleLine is the line of a role in the snapshot file, or 0.
func (as *auditSnapshot) RoleLine(arn string) int {
	r, ok := as.snap.Role(arn)
	if !ok {
		return 0
	}
	if as.short {
		return as.line("/roles/" + jsonx.PointerToken(r.Name))
	}
	for i := range as.snap.Roles {
		if as.snap.Roles[i].ARN == r.ARN {
			return as.line("/roles/" + strconv.Itoa(i))
		}
	}
	return 0
}

// Line is the line of an item in the snapshot file, or 0.
func (as *auditSnapshot) Line(it audit.Item) int {
	ptr := it.Pointer
	if as.short && it.Kind == audit.KindSelection {
		ptr = "/plans/" + jsonx.PointerToken(it.Plan)
	}
	return as.line(ptr)
}

func runAudit(ctx context.Context, env *Env, in *auditInput) error {
	var err error
	var as *auditSnapshot
	if in.live {
		// Read live: no file for reports to point into.
		snap, err := liveSnapshot(ctx, env, in.lang, in.profile, in.region, in.limits)
		if err != nil {
			return err
		}
		as = &auditSnapshot{snap: snap}
	} else if in.snapshot != "-" && account.IsOrgDir(in.snapshot) {
		return runAuditOrg(env, in, in.snapshot)
	} else if in.accounts != "" || in.ous != "" {
		return usageErr("--accounts and --ou select accounts of an organization snapshot (--snapshot DIR); %s is one account's snapshot", in.snapshot)
	} else if as, err = readAuditSnapshot(in.snapshot, env.Stdin); err != nil {
		return usageErr("%s: %v", in.snapshot, err)
	}
	snap := as.snap
	// A --role or --as the snapshot lacks is no usage error: the items
	// that depend on it could not be checked (audit.Run), as in check.
	in.opt.ListPassed = in.format == "junit"
	rep := audit.Run(snap, in.opt)
	for _, e := range rep.ExpiredIgnores {
		fmt.Fprintf(env.Stderr, "denied: %s\n", i18n.T(in.lang, "audit.ignore.expired", e.File+":"+strconv.Itoa(e.Line), e.RuleID, e.Resource, e.Expires))
	}
	o := report.Options{Lang: in.lang, Version: Version, Warn: func(msg string) { fmt.Fprintf(env.Stderr, "denied: %s\n", msg) }}
	doc := &report.Audit{Report: rep, Source: as, SummaryOnly: in.summary}
	err = writeOutput(env, in.output, func(w io.Writer) error { return report.Write(w, report.Format(in.format), doc, o) })
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

// writeOutput streams a report to stdout, or to path with mode 0600 (the
// report names the account's roles and resources): through a temporary
// file in the same directory, renamed over path, so that a failure leaves
// any earlier report whole.
func writeOutput(env *Env, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(env.Stdout)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = f.Chmod(0o600)
	if err == nil {
		err = write(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		if u := errors.Unwrap(err); u != nil {
			err = u
		}
		return fmt.Errorf("--output %s: %w", path, err)
	}
	return nil
}
