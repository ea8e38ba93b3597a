package preflight

import (
	"os"
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/eval"
)

// BenchmarkCheckRestoreWhatIf measures one what-if EC2 restore check with an
// instance profile (13 requests, trust and 2 decided conditions) on the
// restore test snapshot, with and without a shared policy cache.
func BenchmarkCheckRestoreWhatIf(b *testing.B) {
	f, err := os.Open("../testdata/check/restore.json")
	if err != nil {
		b.Fatal(err)
	}
	snap, err := account.LoadShort(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	p := Params{Caller: "arn:aws:iam::111122223333:user/operator", RoleARN: "arn:aws:iam::111122223333:role/CustomRestoreRole",
		ResourceType: "ec2", VaultName: "Default", InstanceProfile: "AppRole"}
	op, rp, _, err := Resolve(snap, "restore", p)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("cold", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if rep := Check(snap, op, rp); rep.Status != StatusDenied {
				b.Fatal(rep.Status)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		rp := rp
		rp.Cache = eval.NewCache(256)
		for i := 0; i < b.N; i++ {
			if rep := Check(snap, op, rp); rep.Status != StatusDenied {
				b.Fatal(rep.Status)
			}
		}
	})
}
