// Command synthsnap writes a synthetic single-account snapshot for
// benchmarks of `denied audit --snapshot FILE`: account.Synthetic of -roles
// roles, its recovery points replaced by -rps of
// account.SyntheticRecoveryPoints (every one failing), as
// BenchmarkAudit10kFailing in cmd/denied builds its 10,000-role file:
//
//	go run ./internal/synthsnap -roles 100000 -rps 100000 FILE
//
// -rps -1 keeps Synthetic's own recovery points (one per ten roles, EC2,
// passing or failing as the account's policies say). The file is written
// mode 0600 (account.WriteFile): it has the shape of account data. It
// imports the account package only.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/deniedhq/denied/account"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("synthsnap", flag.ContinueOnError)
	fs.SetOutput(stderr)
	roles := fs.Int("roles", 10000, "roles (account.Synthetic)")
	rps := fs.Int("rps", 10000, "recovery points, all failing (account.SyntheticRecoveryPoints); -1 keeps Synthetic's own")
	seed := fs.Uint64("seed", 1, "seed: the same seed writes the same snapshot")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: synthsnap [flags] FILE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	// SyntheticRecoveryPoints needs a role and an instance profile (one
	// per ten roles, the first at role 0).
	if fs.NArg() != 1 || *roles < 1 || *rps < -1 {
		fs.Usage()
		return 2
	}
	s := account.Synthetic(*roles, *seed)
	if *rps >= 0 {
		account.SyntheticRecoveryPoints(s, *rps)
	}
	if err := account.WriteFile(fs.Arg(0), s); err != nil {
		fmt.Fprintln(stderr, "synthsnap:", err)
		return 1
	}
	return 0
}
