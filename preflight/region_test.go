package preflight

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
)

// Every request carries aws:RequestedRegion: a Region-fence SCP (Deny
// outside the allowed Regions, StringNotEquals aws:RequestedRegion) lets
// the operation's own Region through and denies another; IAM calls are
// made in us-east-1.
func TestRequestedRegionUnderARegionFence(t *testing.T) {
	const short = `{"account": "111122223333", "region": "eu-west-1", "org": {"management": "999988887777"},
	  "orgPolicies": {"fence": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*",
	    "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}}]}},
	  "scps": {"r-root": ["FullAWSAccess", "fence"], "111122223333": ["FullAWSAccess"]},
	  "roles": {"BackupRole": {"trust": "backup.amazonaws.com", "managed": ["AWSBackupServiceRolePolicyForBackup"]}},
	  "vaults": {"Default": {}}}`
	snap, err := account.LoadShort(strings.NewReader(short))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		region string
		want   Status
	}{{"eu-west-1", StatusAllowed}, {"us-west-2", StatusDenied}} {
		p := Params{RoleARN: "arn:aws:iam::111122223333:role/BackupRole", ResourceType: "EBS", VaultName: "Default", Region: tt.region}
		op, p, _, err := Resolve(snap, "backup", p)
		if err != nil {
			t.Fatal(err)
		}
		rep := Check(snap, op, p)
		var job []Result
		for _, r := range rep.Results {
			if r.Principal == "jobRole" && r.Status() != StatusNotApplicable {
				job = append(job, r)
			}
		}
		n := 0
		for _, r := range job {
			if r.Status() == StatusCouldNotCheck && tt.want == StatusDenied {
				continue // the vault of another Region is not in the snapshot
			}
			n++
			if r.Status() != tt.want || tt.want == StatusDenied && r.Layer != "scp" {
				t.Errorf("%s: %s on %s is %s (%s), want %s", tt.region, r.Action, r.Resource, r.Status(), r.Layer, tt.want)
			}
		}
		if n == 0 {
			t.Errorf("%s: no job-role request evaluated", tt.region)
		}
		if got := requestedRegion("iam:GetRole", "arn:aws:iam::111122223333:role/BackupRole", tt.region, "aws"); got != "us-east-1" {
			t.Errorf("IAM call's Region %s", got)
		}
	}
}
