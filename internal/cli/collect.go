package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/collect"
	"github.com/deniedhq/denied/internal/i18n"
)

type collectInput struct {
	output      string
	profile     string
	region      string
	regions     []string
	concurrency int
	lang        i18n.Lang
}

const collectSynopsis = `[-o FILE] [--profile NAME] [--region REGION] [--regions R1,R2] [--concurrency N] [--lang en|ja|ko]

Takes a read-only snapshot of the account through the AWS SDK, with the
standard AWS configuration (environment, shared files, AWS_ENDPOINT_URL_*):
IAM users, groups, roles, instance profiles and managed policies; the
organisation with its SCPs and RCPs; and, in each region, KMS keys with their
policies and AWS Backup vaults, plans and recovery points. Calls that fail
(AccessDenied, say) are listed under "unreadable" in the snapshot and on
stderr; the command fails only when nothing could be read. The snapshot goes
to FILE (mode 0600, gzip when it ends in .gz), or stdout.`

// collectClients builds the AWS clients; tests may replace it.
var collectClients = func(ctx context.Context, in *collectInput) (*collect.Clients, error) {
	return collect.NewSDKClients(ctx, collect.SDKOptions{Profile: in.profile, Region: in.region, Regions: in.regions})
}

// stderrIsTerminal reports whether env's stderr is a terminal (for the
// progress line).
var stderrIsTerminal = func(env *Env) bool {
	f, ok := env.Stderr.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func bindCollect(env *Env, args []string) (*collectInput, error) {
	in := &collectInput{}
	var lang, regions string
	fs := newFlagSet(env, "collect", collectSynopsis)
	fs.StringVar(&in.output, "o", "", "write the snapshot to `FILE` (mode 0600; gzip when it ends in .gz) instead of stdout")
	fs.StringVar(&in.profile, "profile", "", "AWS profile (default: the standard AWS configuration)")
	fs.StringVar(&in.region, "region", "", "AWS Region of the configuration (default: the configured one)")
	fs.StringVar(&regions, "regions", "", "comma-separated regions to read KMS and Backup in (default: the configured region)")
	fs.IntVar(&in.concurrency, "concurrency", 8, "AWS calls in flight at most")
	fs.StringVar(&lang, "lang", "", "language: en, ja or ko (default from LC_ALL, LC_MESSAGES, LANG)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) > 0 {
		return nil, usageErr("collect takes no arguments, got %q", pos[0])
	}
	if in.concurrency < 1 {
		return nil, usageErr("--concurrency must be at least 1, not %d", in.concurrency)
	}
	for _, r := range strings.Split(regions, ",") {
		if r = strings.TrimSpace(r); r != "" {
			in.regions = append(in.regions, r)
		}
	}
	if in.lang, err = i18n.Detect(lang, env.Getenv); err != nil {
		return nil, usageErr("%v", err)
	}
	return in, nil
}

func runCollect(ctx context.Context, env *Env, args []string) error {
	in, err := bindCollect(env, args)
	if err != nil {
		return err
	}
	clients, err := collectClients(ctx, in)
	if err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	return doCollect(ctx, env, in, clients)
}

func doCollect(ctx context.Context, env *Env, in *collectInput, clients *collect.Clients) error {
	var mu sync.Mutex
	term := stderrIsTerminal(env)
	opt := collect.Options{Concurrency: in.concurrency, Generator: "denied collect " + Version}
	if term {
		opt.OnCall = func(done, started int) {
			mu.Lock()
			fmt.Fprintf(env.Stderr, "\r\x1b[K%s", i18n.T(in.lang, "collect.progress", done, started))
			mu.Unlock()
		}
	} else {
		opt.OnStep = func(s collect.Step) {
			mu.Lock()
			defer mu.Unlock()
			if s.Region == "" {
				fmt.Fprintln(env.Stderr, i18n.T(in.lang, "collect.step", s.Service, s.Items))
			} else {
				fmt.Fprintln(env.Stderr, i18n.T(in.lang, "collect.step.region", s.Service, s.Region, s.Items))
			}
		}
	}
	snap, err := collect.Collect(ctx, clients, opt)
	if term {
		fmt.Fprint(env.Stderr, "\r\x1b[K")
	}
	if snap != nil {
		for _, u := range snap.Unreadable {
			if u.Region == "" {
				fmt.Fprintln(env.Stderr, i18n.T(in.lang, "collect.unreadable", u.Service, u.Call, u.Error))
			} else {
				fmt.Fprintln(env.Stderr, i18n.T(in.lang, "collect.unreadable.region", u.Service, u.Call, u.Region, u.Error))
			}
		}
	}
	switch {
	case errors.Is(err, collect.ErrNothingRead):
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(in.lang, "collect.nothing"))}
	case errors.Is(err, collect.ErrNoAccount):
		return &Error{Code: ExitRuntime, Err: errors.New(i18n.T(in.lang, "collect.no-account"))}
	case err != nil:
		return &Error{Code: ExitRuntime, Err: err}
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
		return &Error{Code: ExitRuntime, Err: err}
	}
	fmt.Fprintln(env.Stderr, i18n.T(in.lang, "collect.wrote", in.output))
	return nil
}
