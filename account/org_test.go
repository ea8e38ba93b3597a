package account

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const allowAll = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`

// testOrg is root → ou-a → ou-b → 111111111111; 222222222222 under the
// root; 333333333333 (management) under the root.
func testOrg() *Organization {
	return &Organization{
		ID: "o-test", ManagementAccountID: "333333333333", RootID: "r-1",
		OUs: []OrganizationalUnit{{ID: "ou-b", ParentID: "ou-a"}, {ID: "ou-a", ParentID: "r-1"}, {ID: "ou-c", ParentID: "r-1"}},
		Accounts: []OrgAccount{
			{ID: "111111111111", ParentID: "ou-b"}, {ID: "222222222222", ParentID: "r-1"}, {ID: "333333333333", ParentID: "r-1"},
		},
		Policies: []OrgPolicy{
			{ID: "p-full", Name: "FullAWSAccess", Type: SCP, Document: Document(allowAll), Targets: []string{"r-1", "ou-a", "ou-b", "ou-c", "111111111111", "222222222222"}},
			{ID: "p-c", Name: "OnlyC", Type: SCP, Document: Document(allowAll), Targets: []string{"ou-c"}},
			{ID: "p-rcp", Name: "RCP", Type: RCP, Document: Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`), Targets: []string{"ou-b"}},
		},
	}
}

func TestForAccount(t *testing.T) {
	t.Parallel()
	o := testOrg()
	whole := &Snapshot{Organization: o}
	for _, tc := range []struct {
		id       string
		ous      []string
		policies []string
	}{
		{"111111111111", []string{"ou-a", "ou-b"}, []string{"p-full", "p-rcp"}},
		{"222222222222", nil, []string{"p-full"}},
		{"999999999999", nil, []string{"p-full"}}, // not in the organization: the root only
	} {
		t.Run(tc.id, func(t *testing.T) {
			part := o.ForAccount(tc.id)
			var ous, pols []string
			for _, ou := range part.OUs {
				ous = append(ous, ou.ID)
			}
			for _, p := range part.Policies {
				pols = append(pols, p.ID)
			}
			if !slices.Equal(ous, tc.ous) || !slices.Equal(pols, tc.policies) {
				t.Errorf("OUs %v policies %v, want %v %v", ous, pols, tc.ous, tc.policies)
			}
			// The levels read from the part are those of the whole.
			for _, typ := range []string{SCP, RCP} {
				want, err1 := whole.levels(tc.id, typ)
				got, err2 := (&Snapshot{Organization: part}).levels(tc.id, typ)
				if err1 != nil || err2 != nil || len(got) != len(want) {
					t.Fatalf("%s levels: part %v (%v), whole %v (%v)", typ, got, err2, want, err1)
				}
				for i := range want {
					if want[i].Target != got[i].Target || len(want[i].Policies) != len(got[i].Policies) {
						t.Errorf("%s level %d: part %+v, whole %+v", typ, i, got[i], want[i])
					}
				}
			}
		})
	}
	if (*Organization)(nil).ForAccount("1") != nil {
		t.Error("nil organization")
	}
}

func writeOrg(t *testing.T, snaps map[string]*Snapshot, extra ...OrgIndexAccount) string {
	t.Helper()
	dir := t.TempDir()
	x := &OrgIndex{Organization: testOrg()}
	for _, id := range []string{"111111111111", "222222222222", "333333333333"} {
		if s, ok := snaps[id]; ok {
			if err := WriteFile(filepath.Join(dir, AccountFileName(id)), s); err != nil {
				t.Fatal(err)
			}
			x.Accounts = append(x.Accounts, OrgIndexAccount{ID: id, Status: AccountCollected, File: AccountFileName(id)})
		}
	}
	x.Accounts = append(x.Accounts, extra...)
	if err := WriteOrgIndex(dir, x); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestOrgAccounts(t *testing.T) {
	t.Parallel()
	dir := writeOrg(t, map[string]*Snapshot{
		"111111111111": {AccountID: "111111111111"},
		"222222222222": {AccountID: "444444444444"}, // a file holding another account
	}, OrgIndexAccount{ID: "333333333333", Status: AccountFailed, Error: "sts:AssumeRole: AccessDenied"})
	if !IsOrgDir(dir) || IsOrgDir(t.TempDir()) {
		t.Error("IsOrgDir")
	}
	o, err := OpenOrg(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for m, err := range o.Accounts() {
		switch {
		case err != nil:
			if !strings.Contains(err.Error(), "holds account 444444444444, not 222222222222") {
				t.Errorf("error %v", err)
			}
			got = append(got, m.Account.ID+":error")
		case m.Snapshot == nil:
			got = append(got, m.Account.ID+":"+m.Account.Status)
		default:
			got = append(got, m.Snapshot.AccountID)
		}
	}
	if want := []string{"111111111111", "222222222222:error", "333333333333:failed"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// Stopping early stops loading.
	os.Remove(filepath.Join(dir, AccountFileName("111111111111")))
	n := 0
	for _, err := range o.Accounts() {
		n++
		if err == nil || !errors.Is(err, os.ErrNotExist) {
			t.Errorf("missing file: %v", err)
		}
		break
	}
	if n != 1 {
		t.Errorf("%d iterations after break", n)
	}
	if _, err := OpenOrg(t.TempDir()); !errors.Is(err, ErrNotOrgDir) {
		t.Errorf("OpenOrg of an empty folder: %v", err)
	}
}

func TestParseOrgIndexErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in, want string
	}{
		{"version", `{"schemaVersion":2,"accounts":[]}`, "snapshot /schemaVersion: unsupported organization index version 2"},
		{"no version", `{"accounts":[]}`, `snapshot /schemaVersion: missing required field "schemaVersion"`},
		{"unknown field", `{"schemaVersion":1,"accounts":[{"id":"1","status":"failed","colour":"x"}]}`, `snapshot /accounts/0/colour: unknown field "colour"`},
		{"status", `{"schemaVersion":1,"accounts":[{"id":"1","status":"done"}]}`, `snapshot /accounts/0/status: status "done": want`},
		{"no status", `{"schemaVersion":1,"accounts":[{"id":"1"}]}`, `snapshot /accounts/0/status: missing required field "status"`},
		{"no file", `{"schemaVersion":1,"accounts":[{"id":"1","status":"collected"}]}`, `snapshot /accounts/0/file: a collected account needs its file`},
		{"file outside", `{"schemaVersion":1,"accounts":[{"id":"1","status":"collected","file":"../x.json"}]}`, `snapshot /accounts/0/file: file "../x.json" must be a plain name`},
		{"policy type", `{"schemaVersion":1,"organization":{"rootId":"r","policies":[{"name":"p","type":"TAG_POLICY","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]},"accounts":[]}`, `snapshot /organization/policies/0/type: type "TAG_POLICY"`},
		{"policy document", `{"schemaVersion":1,"organization":{"rootId":"r","policies":[{"name":"p","type":"SERVICE_CONTROL_POLICY","document":{"Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}}]},"accounts":[]}`, `snapshot /organization/policies/0/document/Statement/0/Effect`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseOrgIndex([]byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v, want %q", err, tc.want)
			}
		})
	}
}

// The index example of README.md is a valid index.
func TestOrgIndexREADMEExample(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "## Organization snapshot")
	if !ok {
		t.Fatal("README.md has no organization snapshot section")
	}
	_, rest, _ = strings.Cut(rest, "```json\n")
	doc, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("no JSON example in the organization snapshot section")
	}
	x, err := ParseOrgIndex([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Accounts) != 3 || x.Accounts[1].Status != AccountFailed || x.Organization.ForAccount("111122223333").OUs[0].ID != "ou-prod" {
		t.Errorf("parsed %+v", x)
	}
}
