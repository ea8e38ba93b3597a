package cli

import (
	"context"
	"fmt"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/collect"
	"github.com/deniedhq/denied/internal/i18n"
)

// liveSnapshot reads the account live, read-only, as denied collect does
// (same clients, same permissions), for check and explain without a
// snapshot file. What cannot be read is reported on stderr.
func liveSnapshot(ctx context.Context, env *Env, lang i18n.Lang, profile, region string) (*account.Snapshot, error) {
	in := &collectInput{profile: profile, region: region, lang: lang}
	clients, err := collectClients(ctx, in)
	if err != nil {
		return nil, &Error{Code: ExitRuntime, Err: err}
	}
	snap, err := collect.Collect(ctx, clients, collect.Options{Generator: "denied " + Version + " (live)"})
	if snap != nil {
		for _, u := range snap.Unreadable {
			fmt.Fprintln(env.Stderr, i18n.T(lang, "collect.unreadable.region", u.Service, u.Call, u.Region, u.Error))
		}
	}
	if err != nil {
		return nil, &Error{Code: ExitRuntime, Err: err}
	}
	return snap, nil
}
