package collect

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/redact"
)

// Errors of Collect.
var (
	// ErrNothingRead is returned when no call succeeded.
	ErrNothingRead = errors.New("collect: nothing could be read")
	// ErrNoAccount is returned when no call named the account.
	ErrNoAccount = errors.New("collect: the account id could not be determined")
	// ErrNoRegion is returned when no region is configured or given.
	ErrNoRegion = errors.New("collect: no region configured")
)

// UnreachableError is returned when the first call (sts:GetCallerIdentity)
// got no answer at all: the endpoint refused or did not take the
// connection, or never answered. Nothing else is tried.
type UnreachableError struct {
	Err string // the failure, redacted
}

func (e *UnreachableError) Error() string {
	return "collect: AWS could not be reached (sts:GetCallerIdentity): " + e.Err
}

// AccountError is returned when Options.Account is set and
// sts:GetCallerIdentity names another account: nothing else is read.
type AccountError struct {
	Want, Got string // the account asked for, the credentials' account
}

func (e *AccountError) Error() string {
	return "collect: the credentials are of account " + e.Got + ", not " + e.Want
}

// Progress is the state of a collection, for a progress line.
type Progress struct {
	Started, Done int // calls
	Failed        int // calls that failed for good (unreadable)
	Retries       int // attempts after a failed one, so far
	LastRetry     *Retry
}

// Step is a finished part of the collection, for progress logs.
type Step struct {
	Service string // "iam", "organizations", "kms", "backup"
	Region  string // "" for global services
	Items   int    // resources read
}

// Options tune a collection.
type Options struct {
	// Concurrency bounds the calls in flight (default 8).
	Concurrency int
	// OnProgress is called after every call and every retry with the
	// state so far. It may be called concurrently.
	OnProgress func(Progress)
	// OnStep is called when a part of the collection is done. It may be
	// called concurrently.
	OnStep func(Step)
	// Generator is written to Snapshot.Generator.
	Generator string
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Account, when set, is the account the caller means to read: when
	// sts:GetCallerIdentity names another, Collect returns *AccountError
	// before reading anything (a mistyped --account no longer costs a
	// whole read before it is refused).
	Account string
}

type run struct {
	ctx  context.Context
	opt  Options
	sem  chan struct{}
	wg   sync.WaitGroup
	mu   sync.Mutex
	snap *account.Snapshot

	started, done, ok, failed, retries int
	lastRetry                          *Retry
	accountIDs                         []string
}

func (r *run) retried(rt Retry) {
	rt.Service = strings.ToLower(rt.Service)
	r.mu.Lock()
	r.retries++
	r.lastRetry = &rt
	p := r.progress()
	r.mu.Unlock()
	if r.opt.OnProgress != nil {
		r.opt.OnProgress(p)
	}
}

// progress is the state; r.mu is held.
func (r *run) progress() Progress {
	return Progress{Started: r.started, Done: r.done, Failed: r.failed, Retries: r.retries, LastRetry: r.lastRetry}
}

// Collect reads the account through c. What cannot be read is recorded in
// the snapshot's Unreadable list; the error is ErrNothingRead only when no
// call (apart from STS) succeeded, *UnreachableError when the first call
// got no answer at all, or ctx's error when it was cancelled or its
// deadline passed (and no snapshot is returned then).
//
// The first call, sts:GetCallerIdentity, is made alone with at most two
// attempts and none more when the endpoint cannot be connected to, so that
// a dead or wrong endpoint fails in seconds instead of through the retries
// of every call.
func Collect(ctx context.Context, c *Clients, opt Options) (*account.Snapshot, error) {
	if opt.Concurrency <= 0 {
		opt.Concurrency = 8
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	r := &run{opt: opt, sem: make(chan struct{}, opt.Concurrency), snap: &account.Snapshot{
		SchemaVersion: account.SchemaVersion,
		Generator:     opt.Generator,
		CollectedAt:   opt.Now().UTC().Format(time.RFC3339),
	}}
	r.ctx = context.WithValue(ctx, observerKey{}, r)
	if len(c.Regions) > 0 {
		r.snap.Region = c.Regions[0].Region
	}
	if c.STS != nil {
		var out *sts.GetCallerIdentityOutput
		var perr error
		if r.call("sts", "GetCallerIdentity", "", func() (err error) {
			out, err = c.STS.GetCallerIdentity(r.ctx, &sts.GetCallerIdentityInput{}, probeOptions)
			perr = err
			return err
		}) {
			r.mu.Lock()
			r.ok-- // naming the caller is not reading the account
			if out.Account != nil {
				r.snap.AccountID = *out.Account
			}
			if a, _ := arn.Parse(aws.ToString(out.Arn)); a.Partition != "" {
				r.snap.Partition = a.Partition
			}
			r.mu.Unlock()
		} else if err := ctx.Err(); err != nil {
			return nil, err
		} else if unanswered(perr) {
			return nil, &UnreachableError{Err: errText(perr)}
		}
		if got := r.snap.AccountID; opt.Account != "" && got != "" && got != opt.Account {
			return nil, &AccountError{Want: opt.Account, Got: got}
		}
	}
	if c.IAM != nil {
		r.spawn(func() { r.iam(c.IAM) })
	}
	if c.Organizations != nil {
		r.spawn(func() { r.organizations(c.Organizations) })
	}
	for _, rc := range c.Regions {
		if rc.KMS != nil {
			r.spawn(func() { r.kms(rc.Region, rc.KMS) })
		}
		if rc.Backup != nil {
			r.spawn(func() { r.backup(rc.Region, rc.Backup) })
		}
	}
	r.wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := r.snap
	if r.ok <= 0 {
		return s, ErrNothingRead
	}
	if s.AccountID == "" {
		s.AccountID = r.guessAccount()
	}
	if s.Partition == "aws" {
		s.Partition = ""
	}
	if s.AccountID == "" {
		return s, ErrNoAccount
	}
	sortSnapshot(s)
	return s, nil
}

// spawn runs fn in a goroutine of the run. Goroutines are not bounded;
// calls are (call holds the semaphore only for the call itself, so nested
// spawns cannot deadlock).
func (r *run) spawn(fn func()) {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		fn()
	}()
}

// call makes one AWS call under the concurrency bound; a failure is
// recorded as unreadable and false returned.
func (r *run) call(service, op, region string, fn func() error) bool {
	r.mu.Lock()
	r.started++
	r.mu.Unlock()
	var err error
	select {
	case r.sem <- struct{}{}:
		err = fn()
		<-r.sem
	case <-r.ctx.Done():
		err = r.ctx.Err()
	}
	r.mu.Lock()
	if err == nil || r.ctx.Err() == nil { // a call cut by the context is not done
		r.done++
	}
	if err == nil {
		r.ok++
	} else if r.ctx.Err() == nil {
		r.failed++
		r.snap.Unreadable = append(r.snap.Unreadable, account.Unreadable{Service: service, Call: op, Region: region, Error: errText(err)})
	}
	p := r.progress()
	r.mu.Unlock()
	if r.opt.OnProgress != nil {
		r.opt.OnProgress(p)
	}
	return err == nil
}

// callQuiet is call for a failure that is an answer (ResourceNotFound for
// an absent optional policy, say): codes listed are neither recorded nor
// counted as failures.
func (r *run) callQuiet(service, op, region string, fn func() error, codes ...string) (ok, absent bool) {
	var quiet bool
	ok = r.call(service, op, region, func() error {
		err := fn()
		var ae smithy.APIError
		if err != nil && errors.As(err, &ae) {
			for _, c := range codes {
				if ae.ErrorCode() == c {
					quiet = true
					return nil
				}
			}
		}
		return err
	})
	return ok && !quiet, quiet
}

func (r *run) step(service, region string, n int) {
	if r.opt.OnStep != nil {
		r.opt.OnStep(Step{Service: service, Region: region, Items: n})
	}
}

func (r *run) sawARN(s string) {
	if id := arn.Account(s); arn.IsAccountID(id) {
		r.mu.Lock()
		r.accountIDs = append(r.accountIDs, id)
		r.mu.Unlock()
	}
}

func (r *run) guessAccount() string {
	if len(r.accountIDs) == 0 {
		return ""
	}
	return r.accountIDs[0]
}

// errText is the error as AWS returned it, code and message, or the
// transport failure without the SDK's "operation error" prefix (the call
// is named beside it), with anything shaped like a credential removed.
func errText(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		if m := ae.ErrorMessage(); m != "" {
			return redact.String(ae.ErrorCode() + ": " + m)
		}
		return redact.String(ae.ErrorCode())
	}
	var se *smithyhttp.RequestSendError
	if errors.As(err, &se) && se.Err != nil {
		return redact.String(se.Err.Error()) // the URL and what failed
	}
	var oe *smithy.OperationError
	if errors.As(err, &oe) && oe.Err != nil {
		return redact.String(oe.Err.Error())
	}
	return redact.String(err.Error())
}

// unanswered reports whether err is a failure to send the request or get
// the response headers (refused, reset, closed, timed out): no HTTP answer
// at all. Missing credentials and AWS errors are not.
func unanswered(err error) bool {
	var se *smithyhttp.RequestSendError
	return errors.As(err, &se)
}

// doc turns a policy document as AWS returns it (URL-encoded for IAM) into
// a snapshot document: the JSON object itself when it is one, else the text
// as a JSON string (which account.Load decodes as IAM's encoding).
func doc(s string) account.Document {
	if s == "" {
		return nil
	}
	text := s
	if !json.Valid([]byte(text)) {
		if u, err := url.QueryUnescape(s); err == nil {
			text = u
		}
	}
	if t := strings.TrimSpace(text); strings.HasPrefix(t, "{") && json.Valid([]byte(t)) {
		return account.Document(t)
	}
	b, _ := json.Marshal(s)
	return account.Document(b)
}

func timeText(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// ---- IAM ----

func (r *run) iam(c IAMAPI) {
	var users []iamtypes.UserDetail
	var groups []iamtypes.GroupDetail
	var roles []iamtypes.RoleDetail
	var policies []iamtypes.ManagedPolicyDetail
	p := iam.NewGetAccountAuthorizationDetailsPaginator(c, &iam.GetAccountAuthorizationDetailsInput{})
	for p.HasMorePages() {
		var out *iam.GetAccountAuthorizationDetailsOutput
		if !r.call("iam", "GetAccountAuthorizationDetails", "", func() (err error) {
			out, err = p.NextPage(r.ctx)
			return err
		}) {
			return // a partial listing would read as "no such role"
		}
		users = append(users, out.UserDetailList...)
		groups = append(groups, out.GroupDetailList...)
		roles = append(roles, out.RoleDetailList...)
		policies = append(policies, out.Policies...)
	}
	var s account.Snapshot
	groupARN := map[string]string{}
	for _, g := range groups {
		arn := aws.ToString(g.Arn)
		groupARN[aws.ToString(g.GroupName)] = arn
		s.Groups = append(s.Groups, account.Group{
			ARN: arn, Name: aws.ToString(g.GroupName), Path: aws.ToString(g.Path), GroupID: aws.ToString(g.GroupId),
			InlinePolicies: inline(g.GroupPolicyList), ManagedPolicies: attached(g.AttachedManagedPolicies),
		})
	}
	for _, u := range users {
		user := account.User{
			ARN: aws.ToString(u.Arn), Name: aws.ToString(u.UserName), Path: aws.ToString(u.Path), UserID: aws.ToString(u.UserId),
			InlinePolicies: inline(u.UserPolicyList), ManagedPolicies: attached(u.AttachedManagedPolicies),
			Tags: tags(u.Tags),
		}
		for _, g := range u.GroupList {
			if a, ok := groupARN[g]; ok {
				user.Groups = append(user.Groups, a)
			}
		}
		if u.PermissionsBoundary != nil {
			user.PermissionsBoundary = aws.ToString(u.PermissionsBoundary.PermissionsBoundaryArn)
		}
		s.Users = append(s.Users, user)
		r.sawARN(user.ARN)
	}
	profiles := map[string]*account.InstanceProfile{}
	for _, ro := range roles {
		role := account.Role{
			ARN: aws.ToString(ro.Arn), Name: aws.ToString(ro.RoleName), Path: aws.ToString(ro.Path), RoleID: aws.ToString(ro.RoleId),
			TrustPolicy:    doc(aws.ToString(ro.AssumeRolePolicyDocument)),
			InlinePolicies: inline(ro.RolePolicyList), ManagedPolicies: attached(ro.AttachedManagedPolicies),
			Tags: tags(ro.Tags),
		}
		if ro.PermissionsBoundary != nil {
			role.PermissionsBoundary = aws.ToString(ro.PermissionsBoundary.PermissionsBoundaryArn)
		}
		for _, ip := range ro.InstanceProfileList {
			arn := aws.ToString(ip.Arn)
			if _, ok := profiles[arn]; ok {
				continue
			}
			prof := &account.InstanceProfile{ARN: arn, Name: aws.ToString(ip.InstanceProfileName), Path: aws.ToString(ip.Path)}
			for _, pr := range ip.Roles {
				prof.Roles = append(prof.Roles, aws.ToString(pr.Arn))
			}
			profiles[arn] = prof
		}
		s.Roles = append(s.Roles, role)
		r.sawARN(role.ARN)
	}
	for _, prof := range profiles {
		s.InstanceProfiles = append(s.InstanceProfiles, *prof)
	}
	for _, mp := range policies {
		pol := account.ManagedPolicy{
			ARN: aws.ToString(mp.Arn), Name: aws.ToString(mp.PolicyName), Path: aws.ToString(mp.Path),
			VersionID: aws.ToString(mp.DefaultVersionId), UpdateDate: timeText(mp.UpdateDate),
		}
		for _, v := range mp.PolicyVersionList {
			if v.IsDefaultVersion {
				pol.Document = doc(aws.ToString(v.Document))
				pol.VersionID = aws.ToString(v.VersionId)
			}
		}
		if len(pol.Document) == 0 {
			continue // required; without it the catalog (AWS managed) applies
		}
		s.Policies = append(s.Policies, pol)
	}
	r.mu.Lock()
	r.snap.Users, r.snap.Groups, r.snap.Roles = s.Users, s.Groups, s.Roles
	r.snap.InstanceProfiles, r.snap.Policies = s.InstanceProfiles, s.Policies
	r.mu.Unlock()
	r.step("iam", "", len(s.Users)+len(s.Groups)+len(s.Roles)+len(s.InstanceProfiles)+len(s.Policies))
}

func inline(l []iamtypes.PolicyDetail) []account.InlinePolicy {
	var out []account.InlinePolicy
	for _, p := range l {
		out = append(out, account.InlinePolicy{Name: aws.ToString(p.PolicyName), Document: doc(aws.ToString(p.PolicyDocument))})
	}
	return out
}

func attached(l []iamtypes.AttachedPolicy) []string {
	var out []string
	for _, p := range l {
		out = append(out, aws.ToString(p.PolicyArn))
	}
	return out
}

func tags(l []iamtypes.Tag) []account.Tag {
	var out []account.Tag
	for _, t := range l {
		out = append(out, account.Tag{Key: aws.ToString(t.Key), Value: aws.ToString(t.Value)})
	}
	return out
}

// ---- Organizations ----

func (r *run) organizations(c OrganizationsAPI) {
	const svc = "organizations"
	var desc *organizations.DescribeOrganizationOutput
	ok, absent := r.callQuiet(svc, "DescribeOrganization", "", func() (err error) {
		desc, err = c.DescribeOrganization(r.ctx, &organizations.DescribeOrganizationInput{})
		return err
	}, "AWSOrganizationsNotInUseException")
	if absent {
		r.step(svc, "", 0)
		return
	}
	if !ok {
		return
	}
	org := &account.Organization{}
	if desc.Organization != nil {
		org.ID = aws.ToString(desc.Organization.Id)
		org.ManagementAccountID = aws.ToString(desc.Organization.MasterAccountId)
	}
	var roots *organizations.ListRootsOutput
	if !r.call(svc, "ListRoots", "", func() (err error) {
		roots, err = c.ListRoots(r.ctx, &organizations.ListRootsInput{})
		return err
	}) || len(roots.Roots) == 0 {
		return
	}
	org.RootID = aws.ToString(roots.Roots[0].Id)

	// Walk the tree from the root: each parent's OUs and accounts.
	var mu sync.Mutex
	var wg sync.WaitGroup
	var walk func(parent string)
	walk = func(parent string) {
		defer wg.Done()
		p := organizations.NewListOrganizationalUnitsForParentPaginator(c, &organizations.ListOrganizationalUnitsForParentInput{ParentId: aws.String(parent)})
		for p.HasMorePages() {
			var out *organizations.ListOrganizationalUnitsForParentOutput
			if !r.call(svc, "ListOrganizationalUnitsForParent", "", func() (err error) {
				out, err = p.NextPage(r.ctx)
				return err
			}) {
				break
			}
			for _, ou := range out.OrganizationalUnits {
				mu.Lock()
				org.OUs = append(org.OUs, account.OrganizationalUnit{ID: aws.ToString(ou.Id), Name: aws.ToString(ou.Name), ParentID: parent})
				mu.Unlock()
				wg.Add(1)
				go walk(aws.ToString(ou.Id))
			}
		}
		pa := organizations.NewListAccountsForParentPaginator(c, &organizations.ListAccountsForParentInput{ParentId: aws.String(parent)})
		for pa.HasMorePages() {
			var out *organizations.ListAccountsForParentOutput
			if !r.call(svc, "ListAccountsForParent", "", func() (err error) {
				out, err = pa.NextPage(r.ctx)
				return err
			}) {
				break
			}
			mu.Lock()
			for _, a := range out.Accounts {
				org.Accounts = append(org.Accounts, account.OrgAccount{ID: aws.ToString(a.Id), Name: aws.ToString(a.Name), ParentID: parent})
			}
			mu.Unlock()
		}
	}
	wg.Add(1)
	walk(org.RootID)
	wg.Wait()

	// Policies attached to each target, per type.
	targets := []string{org.RootID}
	for _, ou := range org.OUs {
		targets = append(targets, ou.ID)
	}
	for _, a := range org.Accounts {
		targets = append(targets, a.ID)
	}
	attachedTo := map[string][]string{} // policy id → targets
	for _, t := range targets {
		for _, typ := range []orgtypes.PolicyType{orgtypes.PolicyTypeServiceControlPolicy, orgtypes.PolicyTypeResourceControlPolicy} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p := organizations.NewListPoliciesForTargetPaginator(c, &organizations.ListPoliciesForTargetInput{TargetId: aws.String(t), Filter: typ})
				for p.HasMorePages() {
					var out *organizations.ListPoliciesForTargetOutput
					if !r.call(svc, "ListPoliciesForTarget", "", func() (err error) {
						out, err = p.NextPage(r.ctx)
						return err
					}) {
						return
					}
					mu.Lock()
					for _, ps := range out.Policies {
						id := aws.ToString(ps.Id)
						attachedTo[id] = append(attachedTo[id], t)
					}
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	for id, ts := range attachedTo {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out *organizations.DescribePolicyOutput
			if !r.call(svc, "DescribePolicy", "", func() (err error) {
				out, err = c.DescribePolicy(r.ctx, &organizations.DescribePolicyInput{PolicyId: aws.String(id)})
				return err
			}) || out.Policy == nil || out.Policy.PolicySummary == nil {
				return
			}
			sum := out.Policy.PolicySummary
			sort.Strings(ts)
			mu.Lock()
			org.Policies = append(org.Policies, account.OrgPolicy{
				ID: id, Name: aws.ToString(sum.Name), ARN: aws.ToString(sum.Arn), Type: string(sum.Type),
				AWSManaged: sum.AwsManaged, Document: doc(aws.ToString(out.Policy.Content)), Targets: ts,
			})
			mu.Unlock()
		}()
	}
	wg.Wait()
	r.mu.Lock()
	r.snap.Organization = org
	r.mu.Unlock()
	r.step(svc, "", len(org.OUs)+len(org.Accounts)+len(org.Policies))
}

// ---- KMS ----

func (r *run) kms(region string, c KMSAPI) {
	const svc = "kms"
	var mu sync.Mutex
	var wg sync.WaitGroup
	aliases := map[string][]string{} // key id → alias names
	aliasesOK := true
	wg.Add(1)
	go func() {
		defer wg.Done()
		p := kms.NewListAliasesPaginator(c, &kms.ListAliasesInput{})
		for p.HasMorePages() {
			var out *kms.ListAliasesOutput
			if !r.call(svc, "ListAliases", region, func() (err error) {
				out, err = p.NextPage(r.ctx)
				return err
			}) {
				aliasesOK = false
				return
			}
			mu.Lock()
			for _, a := range out.Aliases {
				if a.TargetKeyId != nil {
					aliases[*a.TargetKeyId] = append(aliases[*a.TargetKeyId], aws.ToString(a.AliasName))
				}
			}
			mu.Unlock()
		}
	}()
	var keys []account.KMSKey
	p := kms.NewListKeysPaginator(c, &kms.ListKeysInput{})
	for p.HasMorePages() {
		var out *kms.ListKeysOutput
		if !r.call(svc, "ListKeys", region, func() (err error) {
			out, err = p.NextPage(r.ctx)
			return err
		}) {
			break
		}
		for _, k := range out.Keys {
			id := aws.ToString(k.KeyId)
			wg.Add(1)
			go func() {
				defer wg.Done()
				var d *kms.DescribeKeyOutput
				if !r.call(svc, "DescribeKey", region, func() (err error) {
					d, err = c.DescribeKey(r.ctx, &kms.DescribeKeyInput{KeyId: aws.String(id)})
					return err
				}) || d.KeyMetadata == nil {
					return
				}
				m := d.KeyMetadata
				key := account.KMSKey{
					ARN: aws.ToString(m.Arn), KeyID: id, KeyManager: string(m.KeyManager),
					KeyState: string(m.KeyState), Description: aws.ToString(m.Description),
				}
				if key.ARN == "" {
					key.ARN = aws.ToString(k.KeyArn)
				}
				var pol *kms.GetKeyPolicyOutput
				if r.call(svc, "GetKeyPolicy", region, func() (err error) {
					pol, err = c.GetKeyPolicy(r.ctx, &kms.GetKeyPolicyInput{KeyId: aws.String(id), PolicyName: aws.String("default")})
					return err
				}) {
					key.Policy = doc(aws.ToString(pol.Policy))
				}
				r.sawARN(key.ARN)
				mu.Lock()
				keys = append(keys, key)
				mu.Unlock()
			}()
		}
	}
	wg.Wait()
	if aliasesOK {
		for i := range keys {
			keys[i].Aliases = aliases[keys[i].KeyID]
			sort.Strings(keys[i].Aliases)
		}
	}
	r.mu.Lock()
	r.snap.KMSKeys = append(r.snap.KMSKeys, keys...)
	r.mu.Unlock()
	r.step(svc, region, len(keys))
}

// ---- Backup ----

func (r *run) backup(region string, c BackupAPI) {
	const svc = "backup"
	var mu sync.Mutex
	var wg sync.WaitGroup
	var vaultPtrs []*account.BackupVault
	var points []account.RecoveryPoint
	var plans []account.BackupPlan

	pv := backup.NewListBackupVaultsPaginator(c, &backup.ListBackupVaultsInput{})
	for pv.HasMorePages() {
		var out *backup.ListBackupVaultsOutput
		if !r.call(svc, "ListBackupVaults", region, func() (err error) {
			out, err = pv.NextPage(r.ctx)
			return err
		}) {
			break
		}
		for _, v := range out.BackupVaultList {
			name := aws.ToString(v.BackupVaultName)
			vault := &account.BackupVault{ARN: aws.ToString(v.BackupVaultArn), Name: name, EncryptionKeyARN: aws.ToString(v.EncryptionKeyArn)}
			r.sawARN(vault.ARN)
			vaultPtrs = append(vaultPtrs, vault)
			wg.Add(3)
			go func() { // lock
				defer wg.Done()
				var d *backup.DescribeBackupVaultOutput
				if !r.call(svc, "DescribeBackupVault", region, func() (err error) {
					d, err = c.DescribeBackupVault(r.ctx, &backup.DescribeBackupVaultInput{BackupVaultName: aws.String(name)})
					return err
				}) {
					return
				}
				if d.Locked != nil && *d.Locked || d.MinRetentionDays != nil || d.MaxRetentionDays != nil {
					lock := &account.VaultLock{
						MinRetentionDays: int(aws.ToInt64(d.MinRetentionDays)), MaxRetentionDays: int(aws.ToInt64(d.MaxRetentionDays)),
						LockDate: timeText(d.LockDate), Mode: "governance",
					}
					if d.LockDate != nil {
						lock.Mode = "compliance"
					}
					mu.Lock()
					vault.Lock = lock
					mu.Unlock()
				}
			}()
			go func() { // access policy
				defer wg.Done()
				var ap *backup.GetBackupVaultAccessPolicyOutput
				if ok, _ := r.callQuiet(svc, "GetBackupVaultAccessPolicy", region, func() (err error) {
					ap, err = c.GetBackupVaultAccessPolicy(r.ctx, &backup.GetBackupVaultAccessPolicyInput{BackupVaultName: aws.String(name)})
					return err
				}, "ResourceNotFoundException"); ok {
					mu.Lock()
					vault.AccessPolicy = doc(aws.ToString(ap.Policy))
					mu.Unlock()
				}
			}()
			go func() { // recovery points
				defer wg.Done()
				p := backup.NewListRecoveryPointsByBackupVaultPaginator(c, &backup.ListRecoveryPointsByBackupVaultInput{BackupVaultName: aws.String(name)})
				for p.HasMorePages() {
					var out *backup.ListRecoveryPointsByBackupVaultOutput
					if !r.call(svc, "ListRecoveryPointsByBackupVault", region, func() (err error) {
						out, err = p.NextPage(r.ctx)
						return err
					}) {
						return
					}
					for _, rp := range out.RecoveryPoints {
						point := account.RecoveryPoint{
							ARN: aws.ToString(rp.RecoveryPointArn), ResourceType: aws.ToString(rp.ResourceType), VaultName: name,
							SourceResourceARN: aws.ToString(rp.ResourceArn), IAMRoleARN: aws.ToString(rp.IamRoleArn),
							EncryptionKeyARN: aws.ToString(rp.EncryptionKeyArn), Status: string(rp.Status), CreationDate: timeText(rp.CreationDate),
						}
						wg.Add(1)
						go func() {
							defer wg.Done()
							var md *backup.GetRecoveryPointRestoreMetadataOutput
							if r.call(svc, "GetRecoveryPointRestoreMetadata", region, func() (err error) {
								md, err = c.GetRecoveryPointRestoreMetadata(r.ctx, &backup.GetRecoveryPointRestoreMetadataInput{
									BackupVaultName: aws.String(name), RecoveryPointArn: aws.String(point.ARN),
								})
								return err
							}) && len(md.RestoreMetadata) > 0 {
								point.RestoreMetadata = md.RestoreMetadata
							}
							mu.Lock()
							points = append(points, point)
							mu.Unlock()
						}()
					}
				}
			}()
		}
	}
	pp := backup.NewListBackupPlansPaginator(c, &backup.ListBackupPlansInput{})
	for pp.HasMorePages() {
		var out *backup.ListBackupPlansOutput
		if !r.call(svc, "ListBackupPlans", region, func() (err error) {
			out, err = pp.NextPage(r.ctx)
			return err
		}) {
			break
		}
		for _, pl := range out.BackupPlansList {
			id := aws.ToString(pl.BackupPlanId)
			wg.Add(1)
			go func() {
				defer wg.Done()
				plan := account.BackupPlan{ID: id, ARN: aws.ToString(pl.BackupPlanArn), Name: aws.ToString(pl.BackupPlanName)}
				var g *backup.GetBackupPlanOutput
				if !r.call(svc, "GetBackupPlan", region, func() (err error) {
					g, err = c.GetBackupPlan(r.ctx, &backup.GetBackupPlanInput{BackupPlanId: aws.String(id)})
					return err
				}) {
					return
				}
				if g.BackupPlan != nil {
					if n := aws.ToString(g.BackupPlan.BackupPlanName); n != "" {
						plan.Name = n
					}
					for _, ru := range g.BackupPlan.Rules {
						rule := account.BackupRule{Name: aws.ToString(ru.RuleName), TargetVault: aws.ToString(ru.TargetBackupVaultName)}
						for _, ca := range ru.CopyActions {
							rule.CopyTo = append(rule.CopyTo, aws.ToString(ca.DestinationBackupVaultArn))
						}
						plan.Rules = append(plan.Rules, rule)
					}
				}
				ps := backup.NewListBackupSelectionsPaginator(c, &backup.ListBackupSelectionsInput{BackupPlanId: aws.String(id)})
				for ps.HasMorePages() {
					var out *backup.ListBackupSelectionsOutput
					if !r.call(svc, "ListBackupSelections", region, func() (err error) {
						out, err = ps.NextPage(r.ctx)
						return err
					}) {
						break
					}
					for _, se := range out.BackupSelectionsList {
						sel := account.BackupSelection{ID: aws.ToString(se.SelectionId), Name: aws.ToString(se.SelectionName), IAMRoleARN: aws.ToString(se.IamRoleArn)}
						var gs *backup.GetBackupSelectionOutput
						if r.call(svc, "GetBackupSelection", region, func() (err error) {
							gs, err = c.GetBackupSelection(r.ctx, &backup.GetBackupSelectionInput{BackupPlanId: aws.String(id), SelectionId: se.SelectionId})
							return err
						}) && gs.BackupSelection != nil {
							sel.Resources = gs.BackupSelection.Resources
							sel.NotResources = gs.BackupSelection.NotResources
							if a := aws.ToString(gs.BackupSelection.IamRoleArn); a != "" {
								sel.IAMRoleARN = a
							}
						}
						if sel.IAMRoleARN != "" {
							plan.Selections = append(plan.Selections, sel)
						}
					}
				}
				if plan.Name == "" {
					return
				}
				mu.Lock()
				plans = append(plans, plan)
				mu.Unlock()
			}()
		}
	}
	wg.Wait()
	vaults := make([]account.BackupVault, 0, len(vaultPtrs))
	for _, v := range vaultPtrs {
		vaults = append(vaults, *v)
	}
	r.mu.Lock()
	r.snap.BackupVaults = append(r.snap.BackupVaults, vaults...)
	r.snap.BackupPlans = append(r.snap.BackupPlans, plans...)
	r.snap.RecoveryPoints = append(r.snap.RecoveryPoints, points...)
	r.mu.Unlock()
	r.step(svc, region, len(vaults)+len(plans)+len(points))
}

func sortSnapshot(s *account.Snapshot) {
	sort.Slice(s.Users, func(i, j int) bool { return s.Users[i].ARN < s.Users[j].ARN })
	sort.Slice(s.Groups, func(i, j int) bool { return s.Groups[i].ARN < s.Groups[j].ARN })
	sort.Slice(s.Roles, func(i, j int) bool { return s.Roles[i].ARN < s.Roles[j].ARN })
	sort.Slice(s.InstanceProfiles, func(i, j int) bool { return s.InstanceProfiles[i].ARN < s.InstanceProfiles[j].ARN })
	sort.Slice(s.Policies, func(i, j int) bool { return s.Policies[i].ARN < s.Policies[j].ARN })
	sort.Slice(s.KMSKeys, func(i, j int) bool { return s.KMSKeys[i].ARN < s.KMSKeys[j].ARN })
	sort.Slice(s.BackupVaults, func(i, j int) bool { return s.BackupVaults[i].ARN < s.BackupVaults[j].ARN })
	sort.Slice(s.BackupPlans, func(i, j int) bool { return s.BackupPlans[i].Name < s.BackupPlans[j].Name })
	sort.Slice(s.RecoveryPoints, func(i, j int) bool { return s.RecoveryPoints[i].ARN < s.RecoveryPoints[j].ARN })
	if o := s.Organization; o != nil {
		sort.Slice(o.OUs, func(i, j int) bool { return o.OUs[i].ID < o.OUs[j].ID })
		sort.Slice(o.Accounts, func(i, j int) bool { return o.Accounts[i].ID < o.Accounts[j].ID })
		sort.Slice(o.Policies, func(i, j int) bool { return o.Policies[i].ID < o.Policies[j].ID })
	}
	sort.Slice(s.Unreadable, func(i, j int) bool {
		a, b := s.Unreadable[i], s.Unreadable[j]
		if a.Service != b.Service {
			return a.Service < b.Service
		}
		if a.Region != b.Region {
			return a.Region < b.Region
		}
		return a.Call < b.Call
	})
}
