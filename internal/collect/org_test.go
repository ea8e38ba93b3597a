package collect

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/organizations"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/testutil"
)

const orgRole = "DeniedReadOnly"

// orgSource builds the SDK sources through the gate, as the CLI does.
func orgSource(t testing.TB, gate *testutil.OrgGate, externalID string) *OrgSource {
	t.Helper()
	src, err := NewSDKOrg(context.Background(), OrgSDKOptions{RoleName: orgRole, ExternalID: externalID})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func setOrgEnv(t testing.TB, endpoint string) {
	setEnv(t, endpoint, map[string]string{"AWS_MAX_ATTEMPTS": "2"})
}

func byID(x *account.OrgIndex) map[string]account.OrgIndexAccount {
	m := map[string]account.OrgIndexAccount{}
	for _, a := range x.Accounts {
		m[a.ID] = a
	}
	return m
}

func TestCollectOrgMoto(t *testing.T) {
	moto := testutil.StartMoto(t)
	org := testutil.SeedOrg(t, moto, testutil.SeedOrgOptions{Members: 4, RoleName: orgRole, NoRole: []int{2}})
	gate := testutil.StartOrgGate(t, moto)
	gate.GlobalSettings = map[string]string{"isCrossAccountBackupEnabled": "true"}
	setOrgEnv(t, gate.URL)
	dir := filepath.Join(t.TempDir(), "org")
	var mu sync.Mutex
	var last OrgProgress
	var finished []string
	opt := OrgOptions{AccountConcurrency: 3, RoleName: orgRole, Account: Options{Generator: "test"},
		OnProgress: func(p OrgProgress) {
			mu.Lock()
			if p.Done >= last.Done && p.Calls >= last.Calls {
				last = p
			}
			mu.Unlock()
		},
		OnAccount: func(a account.OrgIndexAccount, _ bool) {
			mu.Lock()
			finished = append(finished, a.ID)
			mu.Unlock()
		}}
	x, err := CollectOrg(context.Background(), orgSource(t, gate, ""), dir, opt)
	if err != nil {
		t.Fatalf("CollectOrg: %v", err)
	}
	if x.Organization == nil || x.Organization.ID != org.ID || x.CollectorAccountID != org.ManagementID {
		t.Fatalf("organization %+v, collector %s; want %s, %s", x.Organization, x.CollectorAccountID, org.ID, org.ManagementID)
	}
	if len(x.BackupGlobalSettings) != 1 || x.BackupGlobalSettings[0].Settings["isCrossAccountBackupEnabled"] != "true" {
		t.Errorf("backup global settings %+v", x.BackupGlobalSettings)
	}
	accts := byID(x)
	want := append([]string{org.ManagementID}, org.Members...)
	if len(accts) != len(want) {
		t.Fatalf("index has %d accounts, want %d: %+v", len(accts), len(want), x.Accounts)
	}
	missing := org.WithoutRole[0]
	for _, id := range want {
		a, ok := accts[id]
		switch {
		case !ok:
			t.Errorf("account %s missing from the index", id)
		case id == missing:
			if a.Status != account.AccountFailed || !strings.Contains(a.Error, "AccessDenied") || !strings.Contains(a.Error, "role/"+orgRole) || a.File != "" {
				t.Errorf("account without the role: %+v", a)
			}
			if _, err := os.Stat(filepath.Join(dir, account.AccountFileName(id))); err == nil {
				t.Errorf("a file was written for the failed account %s", id)
			}
		default:
			if a.Status != account.AccountCollected || a.File != account.AccountFileName(id) {
				t.Errorf("account %s: %+v", id, a)
			}
		}
	}
	if gate.Assumed("arn:aws:iam::"+org.ManagementID+":role/"+orgRole) != 0 {
		t.Error("the management account was collected through the role, not the caller's credentials")
	}
	if gate.Refused("arn:aws:iam::"+missing+":role/"+orgRole) == 0 {
		t.Error("the gate never refused the missing role")
	}
	if last.Accounts != 5 || last.Done != 5 || last.Failed != 1 || last.Calls == 0 {
		t.Errorf("last progress %+v", last)
	}
	if len(finished) != 5 {
		t.Errorf("OnAccount called for %v", finished)
	}

	if b, err := os.ReadFile(filepath.Join(dir, account.OrgIndexFile)); err == nil && testing.Verbose() {
		t.Logf("index:\n%s", b)
	}
	// Modes.
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %v (%v), want 0700", fi.Mode().Perm(), err)
	}
	for _, name := range []string{account.OrgIndexFile, account.AccountFileName(org.Members[0])} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v (%v), want 0600", name, fi.Mode().Perm(), err)
		}
	}

	// Reading it back, one account at a time.
	o, err := account.OpenOrg(dir)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for m, err := range o.Accounts() {
		if err != nil {
			t.Errorf("account %s: %v", m.Account.ID, err)
			continue
		}
		seen = append(seen, m.Account.ID)
		if m.Account.ID == missing {
			if m.Snapshot != nil {
				t.Error("a snapshot for the failed account")
			}
			continue
		}
		s := m.Snapshot
		if s == nil || s.AccountID != m.Account.ID {
			t.Fatalf("member %s: snapshot %v", m.Account.ID, s)
		}
		if s.Organization == nil || len(s.Organization.Accounts) != 1 || s.Organization.Accounts[0].ID != s.AccountID {
			t.Errorf("member %s: organization %+v, want the account's own part", s.AccountID, s.Organization)
		}
		if m.Account.ID != org.ManagementID {
			i := slices.Index(org.Members, m.Account.ID)
			if len(s.BackupVaults) != 1 || !strings.HasSuffix(s.BackupVaults[0].Name, "-"+string(rune('0'+i))) {
				t.Errorf("member %s: vaults %+v, want its own vault-%d", s.AccountID, s.BackupVaults, i)
			}
			if _, ok := s.Role("arn:aws:iam::" + s.AccountID + ":role/" + orgRole); !ok {
				t.Errorf("member %s: the role %s is not in its snapshot", s.AccountID, orgRole)
			}
		}
	}
	slices.Sort(want)
	if !slices.Equal(seen, want) {
		t.Errorf("iterated %v, want %v", seen, want)
	}

	// A rerun skips the collected accounts and tries the failed one again.
	before := gate.AssumedTotal()
	mtime := modTime(t, filepath.Join(dir, account.AccountFileName(org.Members[0])))
	x2, err := CollectOrg(context.Background(), orgSource(t, gate, ""), dir, OrgOptions{RoleName: orgRole})
	if err != nil {
		t.Fatal(err)
	}
	if n := gate.AssumedTotal() - before; n != 0 {
		t.Errorf("the rerun assumed %d roles, want 0 (all collected already)", n)
	}
	if gate.Refused("arn:aws:iam::"+missing+":role/"+orgRole) != 2 {
		t.Error("the rerun did not try the failed account again")
	}
	if !modTime(t, filepath.Join(dir, account.AccountFileName(org.Members[0]))).Equal(mtime) {
		t.Error("the rerun rewrote a collected account")
	}
	if a := byID(x2)[org.Members[0]]; a.Status != account.AccountCollected || a.CollectedAt != accts[org.Members[0]].CollectedAt {
		t.Errorf("resumed account %+v, want as before %+v", a, accts[org.Members[0]])
	}

	// --refresh collects them again.
	before = gate.AssumedTotal()
	if _, err := CollectOrg(context.Background(), orgSource(t, gate, ""), dir, OrgOptions{RoleName: orgRole, Refresh: true}); err != nil {
		t.Fatal(err)
	}
	if n := gate.AssumedTotal() - before; n != len(org.Members)-1 {
		t.Errorf("the refresh assumed %d roles, want %d", n, len(org.Members)-1)
	}
}

func modTime(t *testing.T, path string) time.Time {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.ModTime()
}

// The external id reaches sts:AssumeRole; without it the roles whose trust
// requires it cannot be assumed. DescribeGlobalSettings, which moto lacks,
// is recorded as unreadable.
func TestCollectOrgExternalID(t *testing.T) {
	moto := testutil.StartMoto(t)
	org := testutil.SeedOrg(t, moto, testutil.SeedOrgOptions{Members: 2, RoleName: orgRole, ExternalID: "ext-123"})
	gate := testutil.StartOrgGate(t, moto)
	setOrgEnv(t, gate.URL)
	for _, tc := range []struct {
		name, ext string
		want      string
	}{
		{"without", "", account.AccountFailed},
		{"wrong", "ext-999", account.AccountFailed},
		{"with", "ext-123", account.AccountCollected},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := CollectOrg(context.Background(), orgSource(t, gate, tc.ext), t.TempDir(), OrgOptions{RoleName: orgRole})
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range org.Members {
				if a := byID(x)[id]; a.Status != tc.want {
					t.Errorf("member %s: %+v, want %s", id, a, tc.want)
				}
			}
			if a := byID(x)[org.ManagementID]; a.Status != account.AccountCollected {
				t.Errorf("management account: %+v", a)
			}
			if len(x.BackupGlobalSettings) != 0 || !slices.ContainsFunc(x.Unreadable, func(u account.Unreadable) bool { return u.Call == "DescribeGlobalSettings" }) {
				t.Errorf("DescribeGlobalSettings: settings %+v, unreadable %+v", x.BackupGlobalSettings, x.Unreadable)
			}
		})
	}
}

// A directory of another organization is refused before anything is
// collected.
func TestCollectOrgOtherOrganization(t *testing.T) {
	moto := testutil.StartMoto(t)
	testutil.SeedOrg(t, moto, testutil.SeedOrgOptions{Members: 1, RoleName: orgRole})
	gate := testutil.StartOrgGate(t, moto)
	setOrgEnv(t, gate.URL)
	dir := t.TempDir()
	if err := account.WriteOrgIndex(dir, &account.OrgIndex{Organization: &account.Organization{ID: "o-other", RootID: "r-x"}, Accounts: []account.OrgIndexAccount{}}); err != nil {
		t.Fatal(err)
	}
	_, err := CollectOrg(context.Background(), orgSource(t, gate, ""), dir, OrgOptions{RoleName: orgRole})
	if oe, ok := err.(*OtherOrgError); !ok || oe.Have != "o-other" {
		t.Fatalf("err %v, want *OtherOrgError", err)
	}
	if gate.AssumedTotal() != 0 {
		t.Error("roles were assumed")
	}
}

// Accounts are collected at once up to AccountConcurrency, never more: the
// gate holds each sts:AssumeRole until 3 are waiting together.
func TestCollectOrgConcurrency(t *testing.T) {
	moto := testutil.StartMoto(t)
	testutil.SeedOrg(t, moto, testutil.SeedOrgOptions{Members: 5, RoleName: orgRole})
	for _, tc := range []struct {
		accounts int
		held     bool
	}{{3, true}, {1, false}} {
		t.Run(fmt.Sprint("accounts=", tc.accounts), func(t *testing.T) {
			gate := testutil.StartOrgGate(t, moto)
			wait := 30 * time.Second
			if !tc.held {
				wait = 200 * time.Millisecond // each call waits this long in vain
			}
			gate.HoldAssumeRole(3, wait)
			setOrgEnv(t, gate.URL)
			x, err := CollectOrg(context.Background(), orgSource(t, gate, ""), t.TempDir(), OrgOptions{AccountConcurrency: tc.accounts, RoleName: orgRole, Account: Options{Concurrency: 2}})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range x.Accounts {
				if a.Status != account.AccountCollected {
					t.Errorf("account %s: %s %s", a.ID, a.Status, a.Error)
				}
			}
			if gate.Held() != tc.held {
				t.Errorf("3 roles assumed at once: %v, want %v", gate.Held(), tc.held)
			}
			if m := gate.MaxAssumeRoleInFlight(); m > tc.accounts {
				t.Errorf("%d roles assumed at once, more than %d accounts at a time", m, tc.accounts)
			}
		})
	}
}

// When the organization's tree cannot be read, every account's snapshot
// says so (unreadable), so that no SCP is taken as none.
func TestCollectOrgTreeUnreadable(t *testing.T) {
	moto := testutil.StartMoto(t)
	org := testutil.SeedOrg(t, moto, testutil.SeedOrgOptions{Members: 2, RoleName: orgRole})
	gate := testutil.StartOrgGate(t, moto)
	gate.Deny("AWSOrganizationsV20161128.ListRoots")
	setOrgEnv(t, gate.URL)
	dir := t.TempDir()
	x, err := CollectOrg(context.Background(), orgSource(t, gate, ""), dir, OrgOptions{RoleName: orgRole})
	if err != nil {
		t.Fatal(err)
	}
	if x.Organization != nil || !slices.ContainsFunc(x.Unreadable, func(u account.Unreadable) bool { return u.Call == "ListRoots" }) {
		t.Fatalf("organization %+v, unreadable %+v", x.Organization, x.Unreadable)
	}
	o, err := account.OpenOrg(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for m, err := range o.Accounts() {
		if err != nil {
			t.Fatal(err)
		}
		n++
		s := m.Snapshot
		if s.Organization != nil || !slices.ContainsFunc(s.Unreadable, func(u account.Unreadable) bool { return u.Service == "organizations" && u.Call == "ListRoots" }) {
			t.Errorf("account %s: organization %+v, unreadable %+v", s.AccountID, s.Organization, s.Unreadable)
		}
	}
	if n != len(org.Members)+1 {
		t.Errorf("%d accounts", n)
	}
}

// --ou and --accounts select the accounts (for sharding); the others are in
// the index as skipped, never missing.
func TestCollectOrgSelection(t *testing.T) {
	moto := testutil.StartMoto(t)
	org := testutil.SeedOrg(t, moto, testutil.SeedOrgOptions{Members: 3, RoleName: orgRole})
	oc := organizations.NewFromConfig(aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(moto),
		Credentials: credentials.NewStaticCredentialsProvider("testing", "testing", "")})
	ctx := context.Background()
	roots := must(oc.ListRoots(ctx, &organizations.ListRootsInput{}))
	root := aws.ToString(roots.Roots[0].Id)
	prod := must(oc.CreateOrganizationalUnit(ctx, &organizations.CreateOrganizationalUnitInput{ParentId: aws.String(root), Name: aws.String("prod")}))
	prodID := aws.ToString(prod.OrganizationalUnit.Id)
	inner := must(oc.CreateOrganizationalUnit(ctx, &organizations.CreateOrganizationalUnitInput{ParentId: aws.String(prodID), Name: aws.String("inner")}))
	must(oc.MoveAccount(ctx, &organizations.MoveAccountInput{AccountId: aws.String(org.Members[0]), SourceParentId: aws.String(root), DestinationParentId: aws.String(prodID)}))
	must(oc.MoveAccount(ctx, &organizations.MoveAccountInput{AccountId: aws.String(org.Members[1]), SourceParentId: aws.String(root), DestinationParentId: inner.OrganizationalUnit.Id}))
	gate := testutil.StartOrgGate(t, moto)
	setOrgEnv(t, gate.URL)
	for _, tc := range []struct {
		name     string
		accounts []string
		ous      []string
		want     []string
		err      string
	}{
		{"ou", nil, []string{prodID}, []string{org.Members[0], org.Members[1]}, ""},
		{"accounts", []string{org.Members[2]}, nil, []string{org.Members[2]}, ""},
		{"both", []string{org.ManagementID}, []string{aws.ToString(inner.OrganizationalUnit.Id)}, []string{org.ManagementID, org.Members[1]}, ""},
		{"unknown account", []string{"999999999999"}, nil, nil, "account 999999999999: not among the accounts"},
		{"unknown ou", nil, []string{"ou-none"}, nil, "OU ou-none: not an OU"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := CollectOrg(ctx, orgSource(t, gate, ""), t.TempDir(), OrgOptions{RoleName: orgRole, Accounts: tc.accounts, OUs: tc.ous})
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range x.Accounts {
				switch a.Status {
				case account.AccountCollected:
					got = append(got, a.ID)
				case account.AccountSkipped:
				default:
					t.Errorf("account %s: %+v", a.ID, a)
				}
			}
			slices.Sort(got)
			slices.Sort(tc.want)
			if !slices.Equal(got, tc.want) || len(x.Accounts) != len(org.Members)+1 {
				t.Errorf("collected %v of %d, want %v of %d", got, len(x.Accounts), tc.want, len(org.Members)+1)
			}
		})
	}
}

// Stopped after the first account, the run still writes the index (the
// others interrupted); the rerun collects only the rest.
func TestCollectOrgInterrupted(t *testing.T) {
	moto := testutil.StartMoto(t)
	org := testutil.SeedOrg(t, moto, testutil.SeedOrgOptions{Members: 4, RoleName: orgRole})
	gate := testutil.StartOrgGate(t, moto)
	setOrgEnv(t, gate.URL)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	x, err := CollectOrg(ctx, orgSource(t, gate, ""), dir, OrgOptions{AccountConcurrency: 1, RoleName: orgRole,
		OnAccount: func(account.OrgIndexAccount, bool) { cancel() }})
	if err != context.Canceled {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	done := 0
	for _, a := range x.Accounts {
		switch a.Status {
		case account.AccountCollected:
			done++
		case account.AccountInterrupted:
		default:
			t.Errorf("account %s: %+v", a.ID, a)
		}
	}
	if done != 1 {
		t.Fatalf("%d accounts collected before the stop, want 1", done)
	}
	o, err := account.OpenOrg(dir)
	if err != nil || len(o.Index.Accounts) != len(org.Members)+1 {
		t.Fatalf("index after the stop: %v %+v", err, o)
	}
	before := gate.AssumedTotal()
	x, err = CollectOrg(context.Background(), orgSource(t, gate, ""), dir, OrgOptions{RoleName: orgRole})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range x.Accounts {
		if a.Status != account.AccountCollected {
			t.Errorf("rerun: account %s: %+v", a.ID, a)
		}
	}
	// The rerun assumed the roles of the accounts not done, not more.
	want := len(org.Members)
	if o.Index.Accounts[0].ID != org.ManagementID || o.Index.Accounts[0].Status != account.AccountCollected {
		want-- // the one collected was a member
	}
	if n := gate.AssumedTotal() - before; n != want {
		t.Errorf("the rerun assumed %d roles, want %d", n, want)
	}
}
