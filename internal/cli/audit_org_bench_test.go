package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// BenchmarkAuditOrg is `denied audit --snapshot DIR --format json` of a
// synthetic organization (account.SyntheticOrg) of
// DENIED_BENCH_ORG_ACCOUNTS member accounts (default 4) of 1,000 roles and
// 100 recovery points each. The 1,000-account target is measured on the
// binary (README, Performance).
func BenchmarkAuditOrg(b *testing.B) {
	n := 4
	if v, err := strconv.Atoi(os.Getenv("DENIED_BENCH_ORG_ACCOUNTS")); err == nil && v > 0 {
		n = v
	}
	dir := b.TempDir()
	if err := account.SyntheticOrg(dir, account.SyntheticOrgOptions{Accounts: n, Roles: 1000, RecoveryPoints: 100, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"json", "text"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				var errb bytes.Buffer
				env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &errb, Getenv: func(string) string { return "" }, Deps: Deps{Now: testNow}}
				if code := ExitCode(Run(context.Background(), env, []string{"audit", "--snapshot", dir, "--format", format})); code != ExitDenied {
					b.Fatalf("exit %d: %s", code, errb.String())
				}
			}
		})
	}
}
