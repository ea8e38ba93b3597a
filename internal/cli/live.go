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
// (same clients, same permissions, same time limits: DENIED_TIMEOUT and
// DENIED_CALL_TIMEOUT), for check and explain without a snapshot file.
// What cannot be read is reported on stderr.
func liveSnapshot(ctx context.Context, env *Env, lang i18n.Lang, profile, region string) (*account.Snapshot, error) {
	timeout, call, err := envTimeouts(env)
	if err != nil {
		return nil, err
	}
	in := &collectInput{profile: profile, region: region, lang: lang, callTimeout: call}
	clients, err := collectClients(ctx, in)
	if err != nil {
		return nil, &Error{Code: ExitRuntime, Err: errors.New(redact.String(err.Error()))}
	}
	return collectWithProgress(ctx, env, lang, timeout, clients, collect.Options{Generator: "denied " + Version + " (live)"}, false)
}
