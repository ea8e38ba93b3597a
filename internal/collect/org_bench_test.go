package collect

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/testutil"
)

// BenchmarkCollectOrg collects an organization of N member accounts (each
// with a role and a backup vault) from moto_server, through the STS gate,
// with 1 and 8 accounts at a time (each account with its own 8 calls in
// flight). Compare the accounts=1 and accounts=8 times of one size for the
// speed-up. moto is one Python process answering on loopback: it is
// CPU-bound, so against it alone parallel accounts gain nothing; latency=50ms
// adds a round trip to every answer, as AWS has, which is what parallel
// accounts overlap.
//
//	go test ./internal/collect -run '^$' -bench CollectOrg -benchtime 1x
func BenchmarkCollectOrg(b *testing.B) {
	for _, n := range []int{10, 100} {
		b.Run(fmt.Sprintf("members=%d", n), func(b *testing.B) {
			moto := testutil.StartMoto(b)
			testutil.SeedOrg(b, moto, testutil.SeedOrgOptions{Members: n, RoleName: orgRole})
			for _, lat := range []time.Duration{0, 50 * time.Millisecond} {
				gate := testutil.StartOrgGate(b, moto)
				gate.Latency = lat
				setOrgEnv(b, gate.URL)
				for _, c := range []int{1, 8} {
					b.Run(fmt.Sprintf("latency=%v/accounts=%d", lat, c), func(b *testing.B) {
						dir := filepath.Join(b.TempDir(), "org")
						src := orgSource(b, gate, "")
						for b.Loop() {
							x, err := CollectOrg(context.Background(), src, dir, OrgOptions{AccountConcurrency: c, Refresh: true, RoleName: orgRole})
							if err != nil {
								b.Fatal(err)
							}
							for _, a := range x.Accounts {
								if a.Status != account.AccountCollected {
									b.Fatalf("account %s: %s %s", a.ID, a.Status, a.Error)
								}
							}
						}
						b.ReportMetric(float64(n+1), "accounts/op")
					})
				}
			}
		})
	}
}
