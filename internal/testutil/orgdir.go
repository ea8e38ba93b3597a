package testutil

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/deniedhq/denied/account"
)

// OrgAccount is one account of an organization snapshot OrgDir writes:
// collected from the short-form file Short, or, when Short is empty,
// listed with Status (failed, skipped) and Error.
type OrgAccount struct {
	ID     string
	Short  string
	Status string
	Error  string
}

// OrgDir writes, into a new directory, an organization snapshot as
// `denied collect --org` does: the index (the organization of every
// account under its root, with the SCPs and RCPs of their short forms, and
// the AWS Backup global settings given) and one full snapshot per
// collected account. It returns the directory.
func OrgDir(t testing.TB, management string, settings map[string]string, accounts ...OrgAccount) string {
	t.Helper()
	dir := t.TempDir()
	org := &account.Organization{ID: "o-exampleorgid", ManagementAccountID: management, RootID: "r-root"}
	seen := map[string]int{}
	x := &account.OrgIndex{SchemaVersion: account.OrgSchemaVersion, CollectorAccountID: management, Partition: "aws",
		RoleName: "DeniedReadOnly", Organization: org}
	if settings != nil {
		x.BackupGlobalSettings = []account.BackupGlobalSettings{{Region: "eu-west-1", Settings: settings}}
	}
	snaps := map[string]*account.Snapshot{}
	for _, a := range accounts {
		org.Accounts = append(org.Accounts, account.OrgAccount{ID: a.ID, ParentID: "r-root"})
		if a.Short == "" {
			x.Accounts = append(x.Accounts, account.OrgIndexAccount{ID: a.ID, State: "ACTIVE", Status: a.Status, Error: a.Error})
			continue
		}
		f, err := os.Open(a.Short)
		if err != nil {
			t.Fatal(err)
		}
		s, err := account.LoadShort(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", a.Short, err)
		}
		if s.Organization != nil {
			for _, p := range s.Organization.Policies {
				i, ok := seen[p.ID+p.Name]
				if !ok {
					seen[p.ID+p.Name] = len(org.Policies)
					org.Policies = append(org.Policies, p)
					continue
				}
				for _, t := range p.Targets {
					if !slices.Contains(org.Policies[i].Targets, t) {
						org.Policies[i].Targets = append(org.Policies[i].Targets, t)
					}
				}
			}
		}
		snaps[a.ID] = s
		x.Accounts = append(x.Accounts, account.OrgIndexAccount{ID: a.ID, State: "ACTIVE", Status: account.AccountCollected,
			File: account.AccountFileName(a.ID)})
	}
	for id, s := range snaps {
		s.Organization = org.ForAccount(id)
		if err := account.WriteFile(filepath.Join(dir, account.AccountFileName(id)), s); err != nil {
			t.Fatal(err)
		}
	}
	if err := account.WriteOrgIndex(dir, x); err != nil {
		t.Fatal(err)
	}
	return dir
}
