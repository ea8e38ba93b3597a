package account

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// SyntheticOrg writes a readable organization snapshot, the same for the
// same seed, with files 0600 and every kind of account the audit must
// handle.
func TestSyntheticOrg(t *testing.T) {
	t.Parallel()
	opt := SyntheticOrgOptions{Accounts: 6, Roles: 10, RecoveryPoints: 3, Seed: 7}
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := SyntheticOrg(dir, opt); err != nil {
			t.Fatal(err)
		}
	}
	o, err := OpenOrg(a)
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]int{}
	unreadable, loaded, copies := 0, 0, 0
	for m, lerr := range o.Accounts() {
		status[m.Account.Status]++
		if lerr != nil {
			unreadable++
			continue
		}
		if m.Snapshot == nil {
			continue
		}
		loaded++
		if m.Account.ID == SyntheticCentralAccount {
			if len(m.Snapshot.BackupVaults) != 2 {
				t.Errorf("central account vaults: %+v", m.Snapshot.BackupVaults)
			}
			continue
		}
		if n := len(m.Snapshot.RecoveryPoints); n != opt.RecoveryPoints {
			t.Errorf("%s: %d recovery points, want %d", m.Account.ID, n, opt.RecoveryPoints)
		}
		copies += len(m.Snapshot.BackupPlans[0].Rules[0].CopyTo)
	}
	if status[AccountCollected] != 5 || status[AccountFailed] != 1 || status[AccountSkipped] != 2 || unreadable != 1 || loaded != 4 {
		t.Errorf("statuses %v, %d unreadable, %d loaded", status, unreadable, loaded)
	}
	if copies <= 3 {
		t.Errorf("%d copy rules: want some members copying into both vaults", copies)
	}
	files, _ := filepath.Glob(filepath.Join(a, "*.json"))
	if len(files) != 6 { // the index, the central account, 4 members (one unreadable)
		t.Errorf("%d files", len(files))
	}
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", f, fi.Mode(), err)
		}
		x, _ := os.ReadFile(f)
		y, _ := os.ReadFile(filepath.Join(b, filepath.Base(f)))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs of the same seed", filepath.Base(f))
		}
	}
}
