// Command synthorg writes a synthetic organization snapshot
// (account.SyntheticOrg) for benchmarks of `denied audit --snapshot DIR`:
//
//	go run ./internal/synthorg -accounts 1000 -roles 1000 -rps 100 DIR
//
// It imports the account package only.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/deniedhq/denied/account"
)

func main() {
	o := account.SyntheticOrgOptions{}
	flag.IntVar(&o.Accounts, "accounts", 1000, "member accounts (the central backup account comes on top)")
	flag.IntVar(&o.Roles, "roles", 1000, "roles per member account")
	flag.IntVar(&o.RecoveryPoints, "rps", 100, "recovery points per member account")
	flag.Uint64Var(&o.Seed, "seed", 1, "seed: the same seed writes the same organization")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: synthorg [flags] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || o.Accounts < 0 || o.Roles < 1 || o.RecoveryPoints < 0 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fmt.Fprintln(os.Stderr, "synthorg:", err)
		os.Exit(1)
	}
	if err := account.SyntheticOrg(dir, o); err != nil {
		fmt.Fprintln(os.Stderr, "synthorg:", err)
		os.Exit(1)
	}
}
