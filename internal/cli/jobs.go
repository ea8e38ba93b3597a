package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/spf13/cobra"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/awsnet"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/jobs"
	"github.com/deniedhq/denied/jobs/awsjobs"
	"github.com/deniedhq/denied/preflight"
)

type jobsInput struct {
	out     *outputFlags
	src     sourceFlags
	limits  *liveLimits
	decode  decodeFlags
	org     bool
	account string
	sinceS  string
	statesS string
	kindsS  string

	since    time.Duration
	states   []string
	kinds    []jobs.Kind
	format   string
	lang     i18n.Lang
	noDecode bool
	profile  string
	region   string
}

const jobsLong = `Reads the failed, aborted and partial AWS Backup jobs of the account (backup,
restore and copy jobs, through ListBackupJobs, ListRestoreJobs and
ListCopyJobs, read-only) and explains why they failed: each distinct status
message is explained once, as denied explain does (an encoded authorization
failure message is decoded through AWS STS unless --no-decode), and the jobs
are grouped by cause, with their resources and the fix of each cause. Jobs whose
message is recognized as another kind of failure are listed apart, and so are
those whose message is not recognized (they may still be permission failures).

Exit 1 when an authorization cause was found; 3 when AWS Backup could not be
read and no cause was found; 4 when no cause was found but a message was not
recognized; 0 otherwise.`

// newJobsClient builds the AWS Backup client from the standard AWS
// configuration, with denied's HTTP client (each attempt bounded by
// callTimeout) and answers bounded by awsnet.MaxBody.
func newJobsClient(ctx context.Context, profile, region string, callTimeout time.Duration) (awsjobs.API, error) {
	lo := []func(*config.LoadOptions) error{config.WithHTTPClient(awsnet.HTTPClient(awsnet.Options{CallTimeout: callTimeout}))}
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
	cfg.APIOptions = append(cfg.APIOptions, awsnet.LimitBody(awsnet.MaxBody))
	return backup.NewFromConfig(cfg), nil
}

var errJobsNoRegion = errors.New("no AWS Region")

func newJobsCmd(env *Env) *cobra.Command {
	in := &jobsInput{out: newOutputFlags(withLang, "text", "json", "markdown"), limits: &liveLimits{}}
	cmd := &cobra.Command{
		Use:   "jobs",
		Short: "explain why the account's failed AWS Backup jobs failed, grouped by cause",
		Long:  jobsLong,
	}
	fs := cmd.Flags()
	fs.StringVar(&in.sinceS, "since", "24h", "read jobs created in this last `DURATION` (Go duration: 24h, 90m; 0 for every job AWS Backup keeps)")
	fs.StringVar(&in.statesS, "state", strings.Join(jobs.DefaultStates, ","), "comma-separated job `STATES` to read")
	fs.StringVar(&in.kindsS, "type", "backup,restore,copy", "comma-separated job `TYPES`: backup, restore, copy")
	fs.BoolVar(&in.org, "org", false, "read the jobs of every account of the organization (AWS Backup cross-account monitoring: from the management account or a delegated administrator)")
	fs.StringVar(&in.account, "account", "", "read the jobs of the member account `ID` (cross-account monitoring)")
	in.out.bind(fs)
	in.decode.bind(fs)
	in.src.bind(fs)
	in.limits.bind(env, fs)
	cmd.RunE = runE(func(cmd *cobra.Command, args []string) error {
		if err := in.check(env, args); err != nil {
			return err
		}
		return runJobs(cmd.Context(), env, in)
	})
	return cmd
}

func (in *jobsInput) check(env *Env, pos []string) error {
	if err := in.out.check(env); err != nil {
		return err
	}
	l := in.out.Lang
	in.lang, in.format = l, in.out.format
	in.noDecode, in.profile, in.region = in.decode.noDecode, in.src.profile, in.src.region
	if err := in.src.check(l); err != nil {
		return err
	}
	if in.org && in.account != "" {
		return usageErr("give --org or --account, not both")
	}
	if in.account != "" && !arn.IsAccountID(in.account) {
		return usageErr("--account %q is not a 12-digit account id", in.account)
	}
	if len(pos) > 0 {
		return usageErr("%s", i18n.T(l, "jobs.args", pos[0]))
	}
	since, states, kinds := in.sinceS, in.statesS, in.kindsS
	d, err := time.ParseDuration(strings.TrimSpace(since))
	if err != nil || d < 0 {
		return usageErr("%s", i18n.T(l, "jobs.since", since))
	}
	in.since = d
	in.states, in.kinds = nil, nil
	for _, s := range strings.Split(states, ",") {
		s = strings.ToUpper(strings.TrimSpace(s))
		if s == "" {
			continue
		}
		if !jobs.ValidState(s) {
			return usageErr("%s", i18n.T(l, "jobs.state", s))
		}
		in.states = append(in.states, s)
	}
	if len(in.states) == 0 {
		return usageErr("%s", i18n.T(l, "jobs.state", states))
	}
	for _, k := range strings.Split(kinds, ",") {
		switch k = strings.ToLower(strings.TrimSpace(k)); jobs.Kind(k) {
		case jobs.KindBackup, jobs.KindRestore, jobs.KindCopy:
			in.kinds = append(in.kinds, jobs.Kind(k))
		case "":
		default:
			return usageErr("%s", i18n.T(l, "jobs.type", k))
		}
	}
	if len(in.kinds) == 0 {
		return usageErr("%s", i18n.T(l, "jobs.type", kinds))
	}
	return nil
}

func runJobs(ctx context.Context, env *Env, in *jobsInput) error {
	if err := in.limits.check(); err != nil {
		return err
	}
	api, err := env.Deps.JobsClient(ctx, in.profile, in.region, in.limits.call)
	if err != nil {
		if errors.Is(err, errJobsNoRegion) {
			return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(in.lang, "jobs.no-region"))}
		}
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(in.lang, "jobs.config", err.Error()))}
	}
	f := jobs.Filter{States: in.states, Kinds: in.kinds, Account: in.account}
	if in.org {
		f.Account = jobs.AllAccounts
	}
	if in.since > 0 {
		f.Since = env.Deps.now().UTC().Add(-in.since).Truncate(time.Second)
	}
	// --timeout bounds the reading of the jobs (a --live snapshot has its
	// own, liveSnapshot's).
	rctx, cancel := ctx, context.CancelFunc(func() {})
	if in.limits.timeout > 0 {
		rctx, cancel = context.WithTimeoutCause(ctx, in.limits.timeout, errTimedOut)
	}
	list, readErrs := awsjobs.Read(rctx, api, f)
	timedOut := context.Cause(rctx) == errTimedOut
	cancel()
	if timedOut {
		fmt.Fprintln(env.Stderr, i18n.T(in.lang, "jobs.timeout", in.limits.timeout))
	}
	for _, e := range readErrs {
		fmt.Fprintln(env.Stderr, i18n.T(in.lang, "jobs.unreadable", e.Call, e.State, e.Message))
	}
	opt := jobs.Options{}
	if !in.noDecode {
		var dec authzmsg.Decoder
		var derr error
		opt.Decode = func(ctx context.Context, d *authzmsg.Denial) diagnose.DecodeStatus {
			if dec == nil && derr == nil {
				dec, derr = env.Deps.STSDecoder(ctx, in.profile, in.region)
			}
			err := derr
			if err == nil {
				err = authzmsg.Decode(ctx, dec, d)
			}
			return diagnose.DecodeResult(err)
		}
	}
	// With --snapshot or --live, each denial is evaluated again against
	// the policies of its principal's account and its fix verified there.
	switch {
	case in.src.snapshot != "" && account.IsOrgDir(in.src.snapshot):
		o, err := account.OpenOrg(in.src.snapshot)
		if err != nil {
			return usageErr("%s: %v", in.src.snapshot, err)
		}
		view := preflight.NewOrgView(o, 0)
		opt.Snapshot = func(id string) *account.Snapshot {
			s, _ := view.Account(id)
			return s
		}
	case in.src.snapshot != "":
		snap, err := readSnapshot(env, in.src.snapshot)
		if err != nil {
			return usageErr("%v", err)
		}
		opt.Snapshot = func(id string) *account.Snapshot {
			if id == snap.AccountID {
				return snap
			}
			return nil
		}
	case in.src.live:
		snap, err := liveSnapshot(ctx, env, in.lang, in.profile, in.region, in.limits)
		if err != nil {
			return err
		}
		opt.Snapshot = func(id string) *account.Snapshot {
			if id == snap.AccountID {
				return snap
			}
			return nil
		}
	}
	opt.Now = env.Deps.Now
	rep := jobs.Explain(ctx, list, opt)
	o := report.Options{Lang: in.lang, Color: env.IsTerminal && env.Getenv("NO_COLOR") == "" && env.Getenv("TERM") != "dumb", Width: env.Width()}
	doc := &report.Jobs{Report: rep, Filter: f, Kinds: in.kinds, Unreadable: readErrs}
	if err := report.Write(env.Stdout, report.Format(in.format), doc, o); err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	switch {
	case rep.Causes > 0:
		return &Error{Code: ExitDenied, Err: errSilent}
	case len(readErrs) > 0:
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(in.lang, "jobs.partial", len(readErrs)))}
	case rep.UnrecognizedJobs > 0:
		// A message denied does not recognize is not proven unrelated
		// to permissions: could not check, never success.
		return &Error{Code: ExitUnchecked, Err: errors.New(i18n.T(in.lang, "jobs.unrecognized", rep.UnrecognizedJobs))}
	}
	return nil
}
