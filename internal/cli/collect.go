package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/collect"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/redact"
)

type collectInput struct {
	out             *outputFlags
	aws             awsFlags
	limits          liveLimits
	regionsS        string
	accountsS, ousS string

	output      string // "" or "-" for stdout
	profile     string
	region      string
	regions     []string
	concurrency int
	timeout     time.Duration // the whole collection; 0 for none
	callTimeout time.Duration // each attempt of each call
	lang        i18n.Lang

	// --org
	org                bool
	roleName           string
	externalID         string
	accountConcurrency int
	refresh            bool
	accounts, ous      []string
}

const collectLong = `Takes a read-only snapshot of the account through the AWS SDK, with the
standard AWS configuration (environment, shared files, AWS_ENDPOINT_URL_*,
AWS_MAX_ATTEMPTS, AWS_RETRY_MODE): IAM users, groups, roles, instance
profiles and managed policies; the organisation with its SCPs and RCPs; and,
in each region, KMS keys with their policies and AWS Backup vaults, plans and
recovery points. Calls that fail (AccessDenied, say) are listed under
"unreadable" in the snapshot and on stderr; the command fails only when
nothing could be read. The snapshot goes to FILE (mode 0600, gzip when it
ends in .gz), or stdout with -o - or no -o.

With --org, from the management account or a delegated administrator:
every account of organizations:ListAccounts is collected into DIR (mode
0700), the caller's own with its credentials, each other through
sts:AssumeRole of the role --role-name in it; DIR gets one snapshot per
account and organization.json, the index (the tree, SCPs, RCPs, AWS Backup
global settings, every account with its status). An account that could not
be collected is listed there with the reason (exit 3); a rerun skips the
accounts already collected, unless --refresh. --accounts and --ou collect
only those accounts and the accounts under those OUs (to shard a large
organization); the others are listed as skipped.`

// DefaultOrgRole is the role --org assumes when --role-name is not given:
// the one AWS Organizations creates in the accounts it creates.
const DefaultOrgRole = "OrganizationAccountAccessRole"

// sdkOptions are the SDK options of in.
func (in *collectInput) sdkOptions() collect.SDKOptions {
	return collect.SDKOptions{Profile: in.profile, Region: in.region, Regions: in.regions, CallTimeout: in.callTimeout}
}

// regionName is the shape of an AWS Region name: us-east-1, eu-central-2,
// us-gov-west-1, cn-northwest-1, us-isob-east-1.
var regionName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$`) })

// orgFlags are the flags that apply to collect --org only.
var orgFlags = []string{"role-name", "external-id", "account-concurrency", "refresh", "accounts", "ou"}

func newCollectCmd(env *Env) *cobra.Command {
	in := &collectInput{out: newOutputFlags(withLang)}
	cmd := &cobra.Command{
		Use:     "collect [-o FILE|-]",
		Example: "  denied collect -o snapshot.json.gz --regions eu-west-1,us-east-1\n  denied collect --org -o org-snapshot --role-name DeniedReadOnly",
		Short:   "take a read-only snapshot of an account through the AWS SDK",
		Long:    collectLong,
	}
	fs := cmd.Flags()
	fs.StringVarP(&in.output, "output", "o", "", "write the snapshot to `FILE` (mode 0600; gzip when it ends in .gz); - or none for stdout; with --org the directory")
	in.aws.bind(fs)
	fs.StringVar(&in.regionsS, "regions", "", "comma-separated `REGIONS` to read KMS and Backup in (default: the configured region)")
	fs.IntVar(&in.concurrency, "concurrency", 8, "AWS calls in flight at most (per account with --org)")
	in.limits.bind(env, fs)
	in.out.bind(fs)
	fs.BoolVar(&in.org, "org", false, "collect every account of the organization into the directory -o DIR")
	fs.StringVar(&in.roleName, "role-name", "", "with --org: the role `NAME` assumed in each account (default "+DefaultOrgRole+")")
	fs.StringVar(&in.externalID, "external-id", "", "with --org: the external `ID` sts:AssumeRole passes")
	fs.IntVar(&in.accountConcurrency, "account-concurrency", 4, "with --org: accounts collected at once at most")
	fs.BoolVar(&in.refresh, "refresh", false, "with --org: collect again the accounts an earlier run already wrote")
	fs.StringVar(&in.accountsS, "accounts", "", "with --org: collect only these accounts (comma-separated `IDS`)")
	fs.StringVar(&in.ousS, "ou", "", "with --org: collect only the accounts under these OUs, at any depth (comma-separated `IDS`, ou-... or r-...)")
	cmd.RunE = runE(func(cmd *cobra.Command, args []string) error {
		if err := in.check(env, fs, args); err != nil {
			return err
		}
		return runCollect(cmd.Context(), env, in)
	})
	return cmd
}

func (in *collectInput) check(env *Env, fs *pflag.FlagSet, pos []string) error {
	if err := in.limits.check(); err != nil {
		return err
	}
	in.timeout, in.callTimeout = in.limits.timeout, in.limits.call
	in.profile, in.region = in.aws.profile, in.aws.region
	if len(pos) > 0 {
		return usageErr("collect takes no arguments, got %q", pos[0])
	}
	if in.concurrency < 1 {
		return usageErr("--concurrency must be at least 1, not %d", in.concurrency)
	}
	if in.region != "" && !regionName().MatchString(in.region) {
		return usageErr("--region %q is not an AWS Region name (like eu-west-1)", in.region)
	}
	seen := map[string]bool{}
	in.regions = nil
	for _, r := range strings.Split(in.regionsS, ",") {
		if r = strings.TrimSpace(r); r == "" || seen[r] {
			continue
		}
		if !regionName().MatchString(r) {
			return usageErr("--regions: %q is not an AWS Region name (like eu-west-1)", r)
		}
		seen[r] = true
		in.regions = append(in.regions, r)
	}
	if in.org {
		if in.output == "" || in.output == "-" {
			return usageErr("collect --org writes a directory: give it with -o DIR")
		}
		if in.accountConcurrency < 1 {
			return usageErr("--account-concurrency must be at least 1, not %d", in.accountConcurrency)
		}
		if in.roleName == "" {
			in.roleName = DefaultOrgRole
		}
		for _, id := range splitList(in.accountsS) {
			if !arn.IsAccountID(id) {
				return usageErr("--accounts: %q is not a 12-digit account id", id)
			}
			in.accounts = append(in.accounts, id)
		}
		for _, id := range splitList(in.ousS) {
			if !ouID().MatchString(id) {
				return usageErr("--ou: %q is not an OU id (ou-...) or a root id (r-...)", id)
			}
			in.ous = append(in.ous, id)
		}
		if !roleName().MatchString(in.roleName) {
			return usageErr("--role-name %q is not an IAM role name (letters, digits and +=,.@_- ; a path before it with /)", in.roleName)
		}
		if err := checkOrgDir(in.output); err != nil {
			return err
		}
	} else {
		for _, f := range orgFlags {
			if fs.Changed(f) {
				return usageErr("--%s applies to collect --org only", f)
			}
		}
		if in.output == "-" {
			in.output = ""
		}
		if err := checkOutput(in.output); err != nil {
			return err
		}
	}
	if err := in.out.check(env); err != nil {
		return err
	}
	in.lang = in.out.Lang
	return nil
}

// roleName is an IAM role name (at most 64 characters), optionally after a
// path.
var roleName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([\w+=,.@-]+/)*[\w+=,.@-]{1,64}$`) })

var (
	ouID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(ou-[0-9a-z]+-[0-9a-z]+|r-[0-9a-z]+)$`) })
)

// splitList is a comma-separated list without blanks and duplicates.
func splitList(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// checkOrgDir fails at once, before any AWS call, when the organization
// snapshot could not be written to dir: a file, a missing parent folder,
// a folder that cannot be written.
func checkOrgDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case err == nil && !fi.IsDir():
		return usageErr("-o %s is a file; collect --org writes a directory", dir)
	case err == nil:
		f, err := os.CreateTemp(dir, ".snapshot-check-*")
		if err != nil {
			return usageErr("-o %s: the folder is not writable: %v", dir, errors.Unwrap(err))
		}
		f.Close()
		os.Remove(f.Name())
		return nil
	case !errors.Is(err, os.ErrNotExist):
		return usageErr("-o %s: %v", dir, err)
	}
	if err := checkOutput(dir); err != nil { // its parent
		return err
	}
	return nil
}

// checkOutput fails at once, before any AWS call, when the snapshot could
// not be written to path: a folder, a missing or read-only folder.
func checkOutput(path string) error {
	if path == "" {
		return nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return usageErr("-o %s is a folder; give a file name", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return usageErr("-o %s: the folder %s does not exist", path, dir)
	case err != nil:
		return usageErr("-o %s: %v", path, err)
	case !fi.IsDir():
		return usageErr("-o %s: %s is not a folder", path, dir)
	}
	f, err := os.CreateTemp(dir, ".snapshot-check-*")
	if err != nil {
		return usageErr("-o %s: the folder %s is not writable: %v", path, dir, errors.Unwrap(err))
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

func runCollect(ctx context.Context, env *Env, in *collectInput) error {
	if in.org {
		src, err := env.Deps.OrgSource(ctx, collect.OrgSDKOptions{SDKOptions: in.sdkOptions(), RoleName: in.roleName, ExternalID: in.externalID})
		if err != nil {
			return &Error{Code: ExitRuntime, Err: errors.New(redact.String(err.Error()))}
		}
		return doCollectOrg(ctx, env, in, src)
	}
	clients, err := env.Deps.CollectClients(ctx, in.sdkOptions())
	if err != nil {
		return &Error{Code: ExitRuntime, Err: errors.New(redact.String(err.Error()))}
	}
	return doCollect(ctx, env, in, clients)
}

func doCollect(ctx context.Context, env *Env, in *collectInput, clients *collect.Clients) error {
	opt := collect.Options{Concurrency: in.concurrency, Generator: "denied collect " + Version}
	snap, err := collectWithProgress(ctx, env, in.lang, in.timeout, clients, opt, true)
	if err != nil {
		return err
	}
	if n := len(snap.Unreadable); n > 0 {
		fmt.Fprintln(env.Stderr, i18n.T(in.lang, "collect.partial", n))
	}
	if in.output == "" {
		if err := account.Save(env.Stdout, snap, false); err != nil {
			return &Error{Code: ExitRuntime, Err: err}
		}
		return nil
	}
	if err := account.WriteFile(in.output, snap); err != nil {
		// the cause without the temporary file's name: the file is named once
		var pe *os.PathError
		var le *os.LinkError
		if errors.As(err, &pe) {
			err = pe.Err
		} else if errors.As(err, &le) {
			err = le.Err
		}
		return &Error{Code: ExitRuntime, Err: fmt.Errorf("could not write the snapshot to %s: %w", in.output, err)}
	}
	fmt.Fprintln(env.Stderr, i18n.T(in.lang, "collect.wrote", in.output))
	return nil
}

var errTimedOut = errors.New("the --timeout passed")

// collectWithProgress runs the collection under the overall timeout (0 for
// none) with progress on stderr: a line rewritten in place on a terminal,
// else (with steps) a line per part read and a line every progressEvery
// while calls are going on; then lists what could not be read. Its errors
// are the command's.
func collectWithProgress(ctx context.Context, env *Env, lang i18n.Lang, timeout time.Duration, clients *collect.Clients, opt collect.Options, steps bool) (*account.Snapshot, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, timeout, errTimedOut)
		defer cancel()
	}
	term := env.StderrIsTerminal
	var mu sync.Mutex // one writer on stderr at a time
	var last collect.Progress
	changed := false
	if steps && !term {
		opt.OnStep = func(s collect.Step) {
			mu.Lock()
			defer mu.Unlock()
			if s.Region == "" {
				fmt.Fprintln(env.Stderr, i18n.T(lang, "collect.step", s.Service, s.Items))
			} else {
				fmt.Fprintln(env.Stderr, i18n.T(lang, "collect.step.region", s.Service, s.Region, s.Items))
			}
		}
	}
	opt.OnProgress = func(p collect.Progress) {
		mu.Lock()
		defer mu.Unlock()
		if p.Done < last.Done || p.Retries < last.Retries { // out of order
			return
		}
		last, changed = p, true
		if term {
			fmt.Fprintf(env.Stderr, "\r\x1b[K%s", progressText(lang, p, false))
		}
	}
	stopTicker := func() {}
	if !term {
		stopTicker = everyProgress(env, &mu, &changed, func() string { return progressText(lang, last, true) })
	}
	snap, err := collect.Collect(ctx, clients, opt)
	stopTicker()
	mu.Lock()
	if term {
		fmt.Fprint(env.Stderr, "\r\x1b[K")
	}
	p := last
	mu.Unlock()
	if snap != nil {
		for _, u := range snap.Unreadable {
			fmt.Fprintln(env.Stderr, unreadableText(lang, u))
		}
	}
	var ue *collect.UnreachableError
	var ae *collect.AccountError
	switch {
	case err == nil:
		return snap, nil
	case errors.As(err, &ae):
		return nil, ae // the caller words it: it knows the flag
	case errors.Is(err, collect.ErrNothingRead):
		return nil, &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.nothing"))}
	case errors.Is(err, collect.ErrNoAccount):
		return nil, &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.no-account"))}
	case errors.As(err, &ue):
		return nil, &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.unreachable", ue.Err))}
	case context.Cause(ctx) == errTimedOut:
		return nil, &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.timeout", timeout, p.Done, p.Started))}
	case errors.Is(err, context.Canceled):
		return nil, &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.interrupted"))}
	}
	return nil, &Error{Code: ExitRuntime, Err: errors.New(redact.String(err.Error()))}
}

// progressText is the progress line; withRetry adds the last retry.
func progressText(lang i18n.Lang, p collect.Progress, withRetry bool) string {
	s := i18n.T(lang, "collect.progress", p.Done, p.Started, p.Failed, p.Retries)
	if r := p.LastRetry; withRetry && r != nil {
		s += "; " + i18n.T(lang, "collect.retrying", r.Service, r.Call, r.Region, r.Attempt, r.Err)
	}
	return s
}

// unreadableText is the line naming a call that could not be read, with
// the region for a regional service only.
func unreadableText(lang i18n.Lang, u account.Unreadable) string {
	if u.Region == "" {
		return i18n.T(lang, "collect.unreadable", u.Service, u.Call, redact.String(u.Error))
	}
	return i18n.T(lang, "collect.unreadable.region", u.Service, u.Call, u.Region, redact.String(u.Error))
}

// doCollectOrg collects the organization into in.output with progress on
// stderr: on a terminal one line rewritten in place; otherwise a line per
// account finished and, every progressEvery, the progress line. Accounts
// that could not be collected are listed at the end and make the exit
// code ExitRuntime, after the index and the other accounts are written.
func doCollectOrg(ctx context.Context, env *Env, in *collectInput, src *collect.OrgSource) error {
	if in.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, in.timeout, errTimedOut)
		defer cancel()
	}
	lang := in.lang
	term := env.StderrIsTerminal
	var mu sync.Mutex // one writer on stderr at a time
	var last collect.OrgProgress
	changed := false
	line := func(p collect.OrgProgress) string {
		return i18n.T(lang, "collect.org.progress", p.Done, p.Accounts, p.Failed, p.Resumed, p.Calls, p.Errors, p.Retries)
	}
	opt := collect.OrgOptions{
		Account:            collect.Options{Concurrency: in.concurrency, Generator: "denied collect " + Version},
		AccountConcurrency: in.accountConcurrency,
		Refresh:            in.refresh,
		RoleName:           in.roleName,
		Accounts:           in.accounts,
		OUs:                in.ous,
		OnProgress: func(p collect.OrgProgress) {
			mu.Lock()
			defer mu.Unlock()
			if p.Done < last.Done || p.Calls < last.Calls || p.Retries < last.Retries { // out of order
				return
			}
			last, changed = p, true
			if term {
				fmt.Fprintf(env.Stderr, "\r\x1b[K%s", line(p))
			}
		},
		OnAccount: func(a account.OrgIndexAccount, resumed bool) {
			if term && a.Status == account.AccountCollected {
				return // the progress line says it
			}
			mu.Lock()
			defer mu.Unlock()
			if term {
				fmt.Fprint(env.Stderr, "\r\x1b[K")
			}
			fmt.Fprintln(env.Stderr, orgAccountText(lang, a, resumed))
		},
	}
	stopTicker := func() {}
	if !term {
		stopTicker = everyProgress(env, &mu, &changed, func() string { return line(last) })
	}
	x, err := collect.CollectOrg(ctx, src, in.output, opt)
	stopTicker()
	mu.Lock()
	if term {
		fmt.Fprint(env.Stderr, "\r\x1b[K")
	}
	mu.Unlock()
	index := filepath.Join(in.output, account.OrgIndexFile)
	if x != nil {
		for _, u := range x.Unreadable {
			fmt.Fprintln(env.Stderr, unreadableText(lang, u))
		}
	}
	var ue *collect.UnreachableError
	var le *collect.ListAccountsError
	var oe *collect.OtherOrgError
	var se *collect.SelectionError
	switch {
	case errors.As(err, &se):
		return &Error{Code: ExitUsage, Err: fmt.Errorf("--%s %s: %s", map[string]string{"account": "accounts", "OU": "ou"}[se.What], se.ID, se.Why)}
	case err == nil:
	case errors.As(err, &ue):
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.unreachable", ue.Err))}
	case errors.As(err, &le):
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.org.list", le.Err))}
	case errors.As(err, &oe):
		return &Error{Code: ExitUsage, Err: errors.New(i18n.T(lang, "collect.org.other", oe.Dir, oe.Have, oe.Want))}
	case x != nil && context.Cause(ctx) == errTimedOut:
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.org.timeout", in.timeout, index))}
	case x != nil && errors.Is(err, context.Canceled):
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.org.interrupted", index))}
	case context.Cause(ctx) == errTimedOut:
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.timeout", in.timeout, 0, 0))}
	case errors.Is(err, context.Canceled):
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.interrupted"))}
	default:
		return &Error{Code: ExitRuntime, Err: errors.New(redact.String(err.Error()))}
	}
	collected, failed, skipped := 0, 0, 0
	for _, a := range x.Accounts {
		switch a.Status {
		case account.AccountCollected:
			collected++
		case account.AccountFailed:
			failed++
		default:
			skipped++
		}
	}
	fmt.Fprintln(env.Stderr, i18n.T(lang, "collect.org.wrote", in.output, collected, len(x.Accounts), failed, skipped))
	if failed > 0 {
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(lang, "collect.org.failed", failed, index))}
	}
	return nil
}

// orgAccountText is the line of a finished account.
func orgAccountText(lang i18n.Lang, a account.OrgIndexAccount, resumed bool) string {
	switch {
	case a.Status == account.AccountCollected && resumed:
		return i18n.T(lang, "collect.org.account.resumed", a.ID, a.Name)
	case a.Status == account.AccountCollected:
		return i18n.T(lang, "collect.org.account.done", a.ID, a.Name, a.Unreadable)
	}
	return i18n.T(lang, "collect.org.account.failed", a.ID, a.Name, a.Status, redact.String(a.Error))
}

// everyProgress prints line() on stderr every progressEvery while changed
// (both read under mu), for output that is not a terminal; the returned
// function stops it and waits for it to end.
func everyProgress(env *Env, mu *sync.Mutex, changed *bool, line func() string) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(env.Deps.ProgressEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				mu.Lock()
				if *changed {
					fmt.Fprintln(env.Stderr, line())
					*changed = false
				}
				mu.Unlock()
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
