package cli

import (
	"context"
	"errors"
	"flag"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/collect"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/redact"
)

// liveLimits are the time limits of a live read: --timeout and
// --call-timeout, defaulting to DENIED_TIMEOUT and DENIED_CALL_TIMEOUT, as
// denied collect has them.
type liveLimits struct {
	timeout, call time.Duration
	err           error // a bad environment default, reported after parsing
}

// bindLiveLimits declares --timeout and --call-timeout on fs.
func bindLiveLimits(env *Env, fs *flag.FlagSet) *liveLimits {
	l := &liveLimits{}
	l.timeout, l.call, l.err = envTimeouts(env)
	fs.DurationVar(&l.timeout, "timeout", l.timeout, "with --live: give up reading the account after `DURATION` (0 for no limit; default from "+envTimeout+")")
	fs.DurationVar(&l.call, "call-timeout", l.call, "with --live: give up one attempt of a call after `DURATION` (default from "+envCallTimeout+")")
	return l
}

// check reports a bad default or flag value.
func (l *liveLimits) check() error {
	if l.err != nil {
		return l.err
	}
	if l.timeout < 0 || l.call <= 0 {
		return usageErr("--timeout must be 0 or more and --call-timeout more than 0")
	}
	return nil
}

// liveSnapshot reads the account live, read-only, as denied collect does
// (same clients, same permissions, same time limits), for check, audit and
// explain without a snapshot file. What cannot be read is reported on
// stderr.
func liveSnapshot(ctx context.Context, env *Env, lang i18n.Lang, profile, region string, l *liveLimits) (*account.Snapshot, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	timeout, call := l.timeout, l.call
	in := &collectInput{profile: profile, region: region, lang: lang, callTimeout: call}
	clients, err := collectClients(ctx, in)
	if err != nil {
		return nil, &Error{Code: ExitRuntime, Err: errors.New(redact.String(err.Error()))}
	}
	return collectWithProgress(ctx, env, lang, timeout, clients, collect.Options{Generator: "denied " + Version + " (live)"}, false)
}
