package cli

import (
	"errors"
	"fmt"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/preflight"
)

// orgARN is an ARN flag that may name the account a check is about.
type orgARN struct{ flag, value string }

// openOrgAccount opens the organization snapshot in dir and loads the
// account a check is about: --account, else the account of the first ARN
// of arns that names one (the recovery point, the job role, the caller).
// The other accounts are reached through the returned view. An account
// the index does not list, or lists as not collected, is an error naming
// it and the flag it comes from: nothing of it can be evaluated.
func openOrgAccount(lang i18n.Lang, dir, acct string, arns ...orgARN) (*account.Snapshot, preflight.OrgView, error) {
	o, err := account.OpenOrg(dir)
	if err != nil {
		return nil, nil, err
	}
	from := "--account"
	if acct == "" {
		for _, a := range arns {
			if acct = arn.Account(a.value); acct != "" {
				from = i18n.T(lang, "cli.check.account.from-arn", a.flag, a.value)
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
		if a.Status != account.AccountCollected {
			status := a.Status
			if a.Error != "" {
				status += ": " + a.Error
			}
			return nil, nil, errors.New(i18n.T(lang, "cli.check.account.org-not-collected", dir, acct, from, status))
		}
		s, err := o.LoadAccount(a)
		if err != nil {
			return nil, nil, err // it names the file, in dir
		}
		return s, preflight.NewOrgView(o, 0), nil
	}
	return nil, nil, errors.New(i18n.N(lang, len(o.Index.Accounts), "cli.check.account.org-member", dir, acct, from, len(o.Index.Accounts)))
}
