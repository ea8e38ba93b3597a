package preflight

import (
	"errors"
	"strings"
	"testing"
)

// Resolve refuses an account the snapshot is not of, for every caller of
// the package: the snapshot holds nothing of it (it went on and checked
// what-if ARNs of that account against the snapshot's policies).
func TestResolveAccountNotTheSnapshots(t *testing.T) {
	snap := condSnap(t, nil)
	for _, op := range []string{"collect", "put-vault-policy", "restore"} {
		p := Params{Caller: "arn:aws:iam::111122223333:user/operator", VaultName: "Source", ResourceType: "EBS"}
		p.Account = "222233334444"
		_, _, _, err := Resolve(snap, op, p)
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), "--account 222233334444 is not the snapshot's account (111122223333)") {
			t.Errorf("%s: err %v, want an InputError naming both accounts", op, err)
		}
		p.Account = "111122223333"
		if _, _, _, err := Resolve(snap, op, p); err != nil {
			t.Errorf("%s with the snapshot's account: %v", op, err)
		}
	}
}
