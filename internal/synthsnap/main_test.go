package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/deniedhq/denied/account"
)

func TestWritesSnapshot(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "snap.json")
	var stderr bytes.Buffer
	if code := run([]string{"-roles", "30", "-rps", "7", path}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if m := fi.Mode().Perm(); m != 0o600 {
		t.Errorf("mode %v, want 0600: the file has the shape of account data", m)
	}
	s, err := account.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Roles) != 30 || len(s.RecoveryPoints) != 7 {
		t.Errorf("%d roles and %d recovery points, want 30 and 7", len(s.Roles), len(s.RecoveryPoints))
	}
	if len(s.BackupVaults) != 3 {
		t.Errorf("%d vaults, want 3 (SyntheticRecoveryPoints adds two)", len(s.BackupVaults))
	}

	// The same flags write the same bytes; -rps -1 keeps Synthetic's own
	// recovery points (one per ten roles).
	again := filepath.Join(dir, "again.json")
	if code := run([]string{"-roles", "30", "-rps", "7", again}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("the same flags wrote different snapshots")
	}
	own := filepath.Join(dir, "own.json")
	if code := run([]string{"-roles", "30", "-rps", "-1", own}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if s, err := account.LoadFile(own); err != nil || len(s.RecoveryPoints) != 3 {
		t.Errorf("-rps -1: %v, want Synthetic's 3 recovery points", err)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"-roles", "0", "x"}, {"-rps", "-2", "x"}, {"a", "b"}, {"-nope"}} {
		var stderr bytes.Buffer
		if code := run(args, &stderr); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}
