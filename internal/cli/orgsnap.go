package cli

import (
	"fmt"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/preflight"
)

// openOrgAccount opens the organization snapshot in dir and loads the
// account a check is about: --account, else the account of the first ARN
// of arns that names one (the recovery point, the job role, the caller).
// The other accounts are reached through the returned view.
func openOrgAccount(dir, acct string, arns ...string) (*account.Snapshot, preflight.OrgView, error) {
	o, err := account.OpenOrg(dir)
	if err != nil {
		return nil, nil, err
	}
	if acct == "" {
		for _, a := range arns {
			if acct = arn.Account(a); acct != "" {
				break
			}
		}
	}
	if acct == "" {
		return nil, nil, fmt.Errorf("%s is an organization snapshot: name the account to check with --account ID (or give --recovery-point, --role or --as ARNs of that account)", dir)
	}
	for _, a := range o.Index.Accounts {
		if a.ID != acct {
			continue
		}
		s, err := o.LoadAccount(a)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", dir, err)
		}
		return s, preflight.NewOrgView(o, 0), nil
	}
	return nil, nil, fmt.Errorf("%s: account %s is not in the organization snapshot", dir, acct)
}
