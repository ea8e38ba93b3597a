package collect

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/organizations"

	"github.com/deniedhq/denied/account"
)

// OrgAccountsAPI is the call that lists the accounts of the organization.
type OrgAccountsAPI interface {
	ListAccounts(context.Context, *organizations.ListAccountsInput, ...func(*organizations.Options)) (*organizations.ListAccountsOutput, error)
}

// BackupSettingsAPI is the call that reads AWS Backup's organization
// settings.
type BackupSettingsAPI interface {
	DescribeGlobalSettings(context.Context, *backup.DescribeGlobalSettingsInput, ...func(*backup.Options)) (*backup.DescribeGlobalSettingsOutput, error)
}

var (
	_ OrgAccountsAPI    = (*organizations.Client)(nil)
	_ BackupSettingsAPI = (*backup.Client)(nil)
)

// RegionalSettings is the AWS Backup settings client of one region.
type RegionalSettings struct {
	Region string
	API    BackupSettingsAPI
}

// OrgSource is what an organization collection reads through.
type OrgSource struct {
	// Self is the caller's clients: its STS names the caller's account,
	// its Organizations reads the tree and the policies, and the caller's
	// own account is collected through it.
	Self *Clients
	// Accounts lists the accounts (the caller's credentials).
	Accounts OrgAccountsAPI
	// BackupSettings read backup:DescribeGlobalSettings (the caller's
	// credentials), one per region.
	BackupSettings []RegionalSettings
	// Assume returns the clients of another account, through the role,
	// with the role's credentials already obtained: an *AssumeRoleError
	// when they could not be.
	Assume func(ctx context.Context, accountID string) (*Clients, error)
}

// AssumeRoleError is a role that could not be assumed.
type AssumeRoleError struct {
	RoleARN string
	Err     string // redacted
}

func (e *AssumeRoleError) Error() string {
	return "sts:AssumeRole " + e.RoleARN + ": " + e.Err
}

// ListAccountsError is returned when the accounts of the organization
// could not be listed: nothing is collected then.
type ListAccountsError struct{ Err string }

func (e *ListAccountsError) Error() string {
	return "organizations:ListAccounts: " + e.Err
}

// SelectionError is an --accounts or --ou entry that names nothing of the
// organization.
type SelectionError struct{ What, ID, Why string }

func (e *SelectionError) Error() string {
	return fmt.Sprintf("%s %s: %s", e.What, e.ID, e.Why)
}

// OtherOrgError is returned when the directory holds the snapshot of
// another organization.
type OtherOrgError struct{ Dir, Have, Want string }

func (e *OtherOrgError) Error() string {
	return fmt.Sprintf("%s holds a snapshot of organization %s, not %s: use another directory", e.Dir, e.Have, e.Want)
}

// OrgProgress is the state of an organization collection.
type OrgProgress struct {
	Accounts int // accounts listed
	Done     int // accounts finished (collected, failed, skipped or resumed)
	Failed   int // accounts that could not be collected
	Resumed  int // accounts already collected by an earlier run
	Calls    int // calls done, all accounts together
	Errors   int // calls that failed for good
	Retries  int
}

// OrgOptions tune an organization collection.
type OrgOptions struct {
	// Account is the options of each account's collection (Concurrency is
	// per account; OnProgress and OnStep are replaced).
	Account Options
	// AccountConcurrency bounds the accounts collected at once (default 4).
	AccountConcurrency int
	// Refresh recollects accounts that a previous run already wrote.
	Refresh bool
	// RoleName is recorded in the index.
	RoleName string
	// Accounts and OUs select the accounts collected, for sharding: the
	// accounts listed, and those under the OUs listed (at any depth). Empty
	// both: every account. The others are in the index as skipped.
	Accounts []string
	OUs      []string
	// OnProgress is called whenever the state changes; it may be called
	// concurrently.
	OnProgress func(OrgProgress)
	// OnAccount is called when an account is finished (not for those
	// Accounts and OUs leave out), with resumed true
	// for an account an earlier run collected; it may be called
	// concurrently.
	OnAccount func(a account.OrgIndexAccount, resumed bool)
}

// CollectOrg collects the organization into dir (created with mode 0700
// when missing): every account organizations:ListAccounts returns, each
// into its own snapshot file (mode 0600; the caller's account through
// src.Self, the others through src.Assume), then the index
// (account.OrgIndexFile), written also when ctx is cancelled, with the
// accounts not done marked interrupted. An account that could not be
// collected is in the index as failed with the reason; the others go on.
// Unless opt.Refresh, an account whose file exists is not collected again.
//
// The error is *UnreachableError or *ListAccountsError when nothing could
// be collected, *OtherOrgError when dir holds another organization, an
// error writing the files, or ctx's error (the index is written then).
func CollectOrg(ctx context.Context, src *OrgSource, dir string, opt OrgOptions) (*account.OrgIndex, error) {
	if opt.AccountConcurrency <= 0 {
		opt.AccountConcurrency = 4
	}
	if opt.Account.Now == nil {
		opt.Account.Now = time.Now
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	prev, err := account.ReadOrgIndex(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	x := &account.OrgIndex{
		SchemaVersion: account.OrgSchemaVersion,
		Generator:     opt.Account.Generator,
		CollectedAt:   opt.Account.Now().UTC().Format(time.RFC3339),
		RoleName:      opt.RoleName,
	}

	// The caller's account and the organization, with the caller's
	// credentials.
	orgOpt := opt.Account
	orgOpt.OnProgress, orgOpt.OnStep = nil, nil
	top, err := Collect(ctx, &Clients{STS: src.Self.STS, Organizations: src.Self.Organizations}, orgOpt)
	var ue *UnreachableError
	if errors.As(err, &ue) || ctx.Err() != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	if top != nil {
		x.CollectorAccountID, x.Partition = top.AccountID, top.Partition
		x.Organization = top.Organization
		x.Unreadable = top.Unreadable
	}
	if prev != nil && x.Organization != nil && prev.Organization != nil && prev.Organization.ID != x.Organization.ID {
		return nil, &OtherOrgError{Dir: dir, Have: prev.Organization.ID, Want: x.Organization.ID}
	}
	listed, err := listAccounts(ctx, src.Accounts)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &ListAccountsError{Err: errText(err)}
	}
	for _, rs := range src.BackupSettings {
		out, err := rs.API.DescribeGlobalSettings(ctx, &backup.DescribeGlobalSettingsInput{})
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			x.Unreadable = append(x.Unreadable, account.Unreadable{Service: "backup", Call: "DescribeGlobalSettings", Region: rs.Region, Error: errText(err)})
			continue
		}
		x.BackupGlobalSettings = append(x.BackupGlobalSettings, account.BackupGlobalSettings{Region: rs.Region, Settings: out.GlobalSettings, LastUpdateTime: timeText(out.LastUpdateTime)})
	}

	selected, err := selection(x.Organization, listed, opt.Accounts, opt.OUs)
	if err != nil {
		return nil, err
	}
	o := &orgRun{src: src, dir: dir, opt: opt, org: x.Organization, self: x.CollectorAccountID, last: map[string]Progress{}}
	for _, u := range x.Unreadable {
		if u.Service == "organizations" {
			o.orgUnreadable = append(o.orgUnreadable, u)
		}
	}
	o.p.Accounts = len(listed)
	prevByID := map[string]account.OrgIndexAccount{}
	if prev != nil {
		for _, a := range prev.Accounts {
			prevByID[a.ID] = a
		}
	}
	x.Accounts = listed
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(opt.AccountConcurrency, max(len(listed), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				o.account(ctx, &x.Accounts[i])
			}
		}()
	}
feed:
	for i := range x.Accounts {
		a := &x.Accounts[i]
		if selected != nil && !selected[a.ID] {
			if o.resume(a, prevByID[a.ID]) { // an earlier run's file stays in the index
				continue
			}
			a.Status, a.Error = account.AccountSkipped, "not selected (--accounts, --ou)"
			o.finishQuiet()
			continue
		}
		if a.State != "" && a.State != "ACTIVE" {
			a.Status, a.Error = account.AccountSkipped, "the account is "+a.State+" in AWS Organizations"
			o.finish(a, false)
			continue
		}
		if !opt.Refresh && o.resume(a, prevByID[a.ID]) {
			continue
		}
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	for i := range x.Accounts {
		if a := &x.Accounts[i]; a.Status == "" {
			a.Status, a.Error = account.AccountInterrupted, "the collection was stopped before this account was done"
		}
	}
	if err := account.WriteOrgIndex(dir, x); err != nil {
		return x, err
	}
	if err := ctx.Err(); err != nil {
		return x, err
	}
	if o.writeErr != nil {
		return x, o.writeErr
	}
	return x, nil
}

// Selection is selection for another reader of an organization snapshot
// (audit --accounts/--ou shards one): the accounts listed and those under the
// OUs listed, nil for all.
func Selection(org *account.Organization, listed []account.OrgIndexAccount, ids, ous []string) (map[string]bool, error) {
	return selection(org, listed, ids, ous)
}

// selection is the set of accounts to collect, nil for all.
func selection(org *account.Organization, listed []account.OrgIndexAccount, ids, ous []string) (map[string]bool, error) {
	if len(ids) == 0 && len(ous) == 0 {
		return nil, nil
	}
	known := map[string]bool{}
	for _, a := range listed {
		known[a.ID] = true
	}
	sel := map[string]bool{}
	for _, id := range ids {
		if !known[id] {
			return nil, &SelectionError{What: "account", ID: id, Why: "not among the accounts organizations:ListAccounts returned"}
		}
		sel[id] = true
	}
	if len(ous) == 0 {
		return sel, nil
	}
	if org == nil {
		return nil, &SelectionError{What: "OU", ID: ous[0], Why: "the organization tree could not be read"}
	}
	parent := map[string]string{}
	for _, ou := range org.OUs {
		parent[ou.ID] = ou.ParentID
	}
	want := map[string]bool{}
	for _, id := range ous {
		if _, ok := parent[id]; !ok && id != org.RootID {
			return nil, &SelectionError{What: "OU", ID: id, Why: "not an OU of the organization tree read"}
		}
		want[id] = true
	}
	for _, a := range org.Accounts {
		for p, n := a.ParentID, 0; p != "" && n <= len(org.OUs)+1; p, n = parent[p], n+1 {
			if want[p] {
				sel[a.ID] = true
				break
			}
		}
	}
	return sel, nil
}

// listAccounts lists every account, by id.
func listAccounts(ctx context.Context, c OrgAccountsAPI) ([]account.OrgIndexAccount, error) {
	var out []account.OrgIndexAccount
	p := organizations.NewListAccountsPaginator(c, &organizations.ListAccountsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.Accounts {
			state := string(a.State)
			if state == "" {
				state = string(a.Status) // older answers carry only Status
			}
			out = append(out, account.OrgIndexAccount{ID: aws.ToString(a.Id), Name: aws.ToString(a.Name), State: state})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

type orgRun struct {
	src  *OrgSource
	dir  string
	opt  OrgOptions
	org  *account.Organization
	self string

	// orgUnreadable are the Organizations calls that failed with the
	// caller's credentials: each account's snapshot lists them, so that a
	// missing or partial tree is never read as "no SCPs".
	orgUnreadable []account.Unreadable

	mu       sync.Mutex
	p        OrgProgress
	last     map[string]Progress // per account in progress
	writeErr error
}

// resume marks a as collected by an earlier run when its file exists.
func (o *orgRun) resume(a *account.OrgIndexAccount, prev account.OrgIndexAccount) bool {
	name := account.AccountFileName(a.ID)
	fi, err := os.Stat(filepath.Join(o.dir, name))
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	a.Status, a.File = account.AccountCollected, name
	if prev.Status == account.AccountCollected && prev.File == name {
		a.CollectedAt, a.Unreadable = prev.CollectedAt, prev.Unreadable
	} else {
		a.CollectedAt = fi.ModTime().UTC().Format(time.RFC3339)
	}
	o.finish(a, true)
	return true
}

// finishQuiet counts an account not selected, without OnAccount (a shard
// of a large organization would name every other account).
func (o *orgRun) finishQuiet() {
	o.mu.Lock()
	o.p.Done++
	p := o.p
	o.mu.Unlock()
	if o.opt.OnProgress != nil {
		o.opt.OnProgress(p)
	}
}

func (o *orgRun) finish(a *account.OrgIndexAccount, resumed bool) {
	o.mu.Lock()
	o.p.Done++
	if resumed {
		o.p.Resumed++
	}
	if a.Status == account.AccountFailed {
		o.p.Failed++
	}
	delete(o.last, a.ID)
	p := o.p
	o.mu.Unlock()
	if o.opt.OnAccount != nil {
		o.opt.OnAccount(*a, resumed)
	}
	if o.opt.OnProgress != nil {
		o.opt.OnProgress(p)
	}
}

// progress adds an account's progress to the totals.
func (o *orgRun) progress(id string, p Progress) {
	o.mu.Lock()
	l := o.last[id]
	if p.Done < l.Done || p.Retries < l.Retries || p.Failed < l.Failed { // out of order
		o.mu.Unlock()
		return
	}
	o.p.Calls += p.Done - l.Done
	o.p.Errors += p.Failed - l.Failed
	o.p.Retries += p.Retries - l.Retries
	o.last[id] = p
	t := o.p
	o.mu.Unlock()
	if o.opt.OnProgress != nil {
		o.opt.OnProgress(t)
	}
}

// account collects one account into its file and fills its index entry.
func (o *orgRun) account(ctx context.Context, a *account.OrgIndexAccount) {
	c, err := o.clients(ctx, a.ID)
	if err != nil {
		if ctx.Err() != nil {
			return // interrupted
		}
		a.Status, a.Error = account.AccountFailed, err.Error()
		o.finish(a, false)
		return
	}
	opt := o.opt.Account
	opt.OnStep = nil
	opt.OnProgress = func(p Progress) { o.progress(a.ID, p) }
	snap, err := Collect(ctx, c, opt)
	if ctx.Err() != nil {
		return // interrupted
	}
	var ue *UnreachableError
	switch {
	case err == nil && snap.AccountID != a.ID:
		err = fmt.Errorf("the credentials are of account %s, not %s", snap.AccountID, a.ID)
	case errors.Is(err, ErrNothingRead):
		err = fmt.Errorf("nothing could be read (%d calls failed%s)", len(snap.Unreadable), firstFailure(snap))
	case errors.As(err, &ue):
		err = errors.New(ue.Error())
	}
	if err != nil {
		a.Status, a.Error = account.AccountFailed, err.Error()
		o.finish(a, false)
		return
	}
	snap.Organization = o.org.ForAccount(a.ID)
	snap.Unreadable = append(snap.Unreadable, o.orgGaps(a.ID)...)
	name := account.AccountFileName(a.ID)
	if werr := account.WriteFile(filepath.Join(o.dir, name), snap); werr != nil {
		a.Status, a.Error = account.AccountFailed, "the snapshot could not be written: "+werr.Error()
		o.mu.Lock()
		if o.writeErr == nil {
			o.writeErr = werr
		}
		o.mu.Unlock()
		o.finish(a, false)
		return
	}
	a.Status, a.File, a.CollectedAt, a.Unreadable = account.AccountCollected, name, snap.CollectedAt, len(snap.Unreadable)
	o.finish(a, false)
}

// clients are the caller's own for its account (the tree is already read:
// no Organizations), else the role's.
func (o *orgRun) clients(ctx context.Context, id string) (*Clients, error) {
	if id == o.self {
		c := *o.src.Self
		c.Organizations = nil
		return &c, nil
	}
	if o.src.Assume == nil {
		return nil, errors.New("no role to assume")
	}
	c, err := o.src.Assume(ctx, id)
	if err != nil {
		return nil, err
	}
	c.Organizations = nil
	return c, nil
}

// orgGaps are the unreadable entries an account's snapshot gets for what
// of the organization could not be read: the failed Organizations calls,
// and the account missing from the tree that was read.
func (o *orgRun) orgGaps(id string) []account.Unreadable {
	gaps := slices.Clone(o.orgUnreadable)
	if o.org != nil {
		if part := o.org.ForAccount(id); len(part.Accounts) == 0 {
			gaps = append(gaps, account.Unreadable{Service: "organizations", Call: "ListAccountsForParent",
				Error: "the account is listed by ListAccounts but was not found in the organization tree read: its SCPs and RCPs are unknown"})
		}
	}
	return gaps
}

func firstFailure(s *account.Snapshot) string {
	if s == nil || len(s.Unreadable) == 0 {
		return ""
	}
	u := s.Unreadable[0]
	return "; " + u.Service + ":" + u.Call + ": " + u.Error
}
