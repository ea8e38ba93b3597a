package jobs_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/jobs"
	"github.com/deniedhq/denied/preflight"
)

// refusingDecoder is STS refusing sts:DecodeAuthorizationMessage.
type refusingDecoder struct{}

func (refusingDecoder) DecodeAuthorizationMessage(context.Context, string) (string, error) {
	return "", errors.New("AccessDenied: User: arn:aws:iam::111122223333:user/dev is not authorized to perform: sts:DecodeAuthorizationMessage")
}

// A job message naming its request and carrying an encoded message that
// is not decoded has "decode the message first" as findings[0] and the
// PassRole finding (the one jobs shows) after it. The snapshot confirms
// the denial: the shown finding has the snapshot's plan, verified against
// the account's policies. Before, only findings[0] (the decode finding,
// with no plan) could take it, and jobs showed the plan verified against
// the message alone.
func TestRecheckPlanReachesShownFinding(t *testing.T) {
	t.Parallel()
	s := recheckSnapshot(t, func(*account.Snapshot) {})
	msg := "User: arn:aws:sts::111122223333:assumed-role/BackupOnlyRole/AWSBackup-BackupOnlyRole is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/NoPolicyRole because no identity-based policy allows the iam:PassRole action. Encoded authorization failure message: " + strings.Repeat("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_", 8)
	r := jobs.Explain(context.Background(), []jobs.Job{{Kind: jobs.KindRestore, ID: "r", Message: msg, RoleARN: "arn:aws:iam::111122223333:role/BackupOnlyRole"}}, jobs.Options{
		Snapshot: func(string) *account.Snapshot { return s },
		Now:      func() time.Time { return time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC) },
		Decode: func(ctx context.Context, d *authzmsg.Denial) diagnose.DecodeStatus {
			return diagnose.DecodeResult(authzmsg.Decode(ctx, refusingDecoder{}, d))
		},
	})
	if len(r.Groups) == 0 || len(r.Groups[0].Explanations) == 0 {
		t.Fatalf("no explanation: %+v", r)
	}
	e := r.Groups[0].Explanations[0]
	if e.Snapshot == nil || e.Snapshot.Verdict != preflight.ImplicitDeny || e.Snapshot.Plan == nil {
		t.Fatalf("snapshot %+v; want the implicit deny confirmed, with a plan", e.Snapshot)
	}
	if len(e.Findings) < 2 || e.Findings[0].Rule != "decode.encoded-message" {
		t.Fatalf("findings %+v; want decode first", e.Findings)
	}
	if e.Finding == nil || e.Finding.Rule != "backup.ec2-restore-passrole" || e.Finding.Plan == nil {
		t.Fatalf("shown finding %+v", e.Finding)
	}
	if e.Finding.Plan != e.Snapshot.Plan || e.Finding.Plan.VerifiedAgainst != fix.AgainstKnownPolicies || !e.Finding.Plan.Verified {
		t.Errorf("shown finding's plan verified against %q (verified %v); want the snapshot's plan, verified against %q",
			e.Finding.Plan.VerifiedAgainst, e.Finding.Plan.Verified, fix.AgainstKnownPolicies)
	}
}
