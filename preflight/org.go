package preflight

import (
	"sync"

	"github.com/deniedhq/denied/account"
)

// OrgView is what a check sees of the rest of an organization: the
// snapshots of other accounts (the destination of a cross-account copy)
// and the organization's AWS Backup settings. Params.Org is nil when the
// check has one account's snapshot only; the facts of other accounts are
// then unknown, never assumed.
type OrgView interface {
	// Account returns the snapshot of the account accountID, or the cause
	// it is not known (the organization snapshot does not list it, or
	// lists it as not collected).
	Account(accountID string) (*account.Snapshot, *Cause)
	// BackupSetting returns an AWS Backup global setting of the
	// organization (backup:DescribeGlobalSettings, e.g.
	// "isCrossAccountBackupEnabled") as read in region, or the cause it is
	// unknown.
	BackupSetting(region, name string) (string, *Cause)
	// Organization is the whole organization (its tree, SCPs and RCPs),
	// nil when it could not be read.
	Organization() *account.Organization
}

// SettingCrossAccountBackup is the AWS Backup global setting that allows
// cross-account copies in the organization.
const SettingCrossAccountBackup = "isCrossAccountBackupEnabled"

// NewOrgView returns the OrgView of an organization snapshot. Snapshots
// of other accounts are loaded on first use and kept, at most keep of
// them (the oldest is dropped first; keep < 1 means 8): an organization
// usually copies into a few central accounts, so these stay loaded while
// the accounts that copy into them are checked one at a time. It is safe
// for concurrent use.
func NewOrgView(o *account.Org, keep int) OrgView {
	if keep < 1 {
		keep = 8
	}
	return &orgView{org: o, keep: keep, loaded: map[string]orgEntry{}}
}

type orgView struct {
	org    *account.Org
	keep   int
	mu     sync.Mutex
	loaded map[string]orgEntry
	order  []string
}

type orgEntry struct {
	snap  *account.Snapshot
	cause *Cause
}

func (v *orgView) Account(id string) (*account.Snapshot, *Cause) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if e, ok := v.loaded[id]; ok {
		return e.snap, e.cause
	}
	var e orgEntry
	idx := -1
	for i, a := range v.org.Index.Accounts {
		if a.ID == id {
			idx = i
			break
		}
	}
	switch {
	case idx < 0:
		e.cause = &Cause{Kind: CauseAccountNotCollected, Subject: id, Error: "not an account of the organization"}
	case v.org.Index.Accounts[idx].Status != account.AccountCollected:
		a := v.org.Index.Accounts[idx]
		why := a.Status
		if a.Error != "" {
			why += ": " + a.Error
		}
		e.cause = &Cause{Kind: CauseAccountNotCollected, Subject: id, Error: why}
	default:
		s, err := v.org.LoadAccount(v.org.Index.Accounts[idx])
		if err != nil {
			e.cause = &Cause{Kind: CauseAccountNotCollected, Subject: id, Error: err.Error()}
		} else {
			e.snap = s
		}
	}
	if len(v.order) >= v.keep {
		delete(v.loaded, v.order[0])
		v.order = v.order[1:]
	}
	v.loaded[id] = e
	v.order = append(v.order, id)
	return e.snap, e.cause
}

func (v *orgView) BackupSetting(region, name string) (string, *Cause) {
	x := v.org.Index
	find := func(match func(account.BackupGlobalSettings) bool) (string, bool) {
		for _, g := range x.BackupGlobalSettings {
			if match(g) {
				if val, ok := g.Settings[name]; ok {
					return val, true
				}
			}
		}
		return "", false
	}
	if val, ok := find(func(g account.BackupGlobalSettings) bool { return g.Region == region }); ok {
		return val, nil
	}
	// The setting is the organization's: a reading in another Region
	// tells it too.
	if val, ok := find(func(account.BackupGlobalSettings) bool { return true }); ok {
		return val, nil
	}
	for _, u := range x.Unreadable {
		if u.Service == "backup" && u.Call == "DescribeGlobalSettings" {
			return "", &Cause{Kind: CauseUnreadable, API: u.API(), Hides: account.HiddenBackupSettings, Error: u.Error}
		}
	}
	// Not recorded: the setting is missing, not the account (before,
	// "account <collector> is not in the organization snapshot" for an
	// account it holds).
	return "", &Cause{Kind: CauseSettingNotRecorded, Subject: name}
}

func (v *orgView) Organization() *account.Organization { return v.org.Index.Organization }
