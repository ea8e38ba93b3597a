package cli

import (
	"context"
	"errors"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/collect"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/redact"
)

// liveSnapshot reads the account live, read-only, as denied collect does
// (same clients, same permissions, same time limits), for check, audit and
// explain without a snapshot file. What cannot be read is reported on
// stderr.
func liveSnapshot(ctx context.Context, env *Env, lang i18n.Lang, profile, region string, l *liveLimits) (*account.Snapshot, error) {
	return liveSnapshotOf(ctx, env, lang, profile, region, "", l)
}

// liveSnapshotOf is liveSnapshot of the account acct ("" for the
// credentials'): credentials of another account are a *collect.AccountError
// found by the first call, before anything is read.
func liveSnapshotOf(ctx context.Context, env *Env, lang i18n.Lang, profile, region, acct string, l *liveLimits) (*account.Snapshot, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	clients, err := env.Deps.CollectClients(ctx, collect.SDKOptions{Profile: profile, Region: region, CallTimeout: l.call})
	if err != nil {
		return nil, &Error{Code: ExitRuntime, Err: errors.New(redact.String(err.Error()))}
	}
	return collectWithProgress(ctx, env, lang, l.timeout, clients, collect.Options{Generator: "denied " + Version + " (live)", Account: acct}, false)
}
