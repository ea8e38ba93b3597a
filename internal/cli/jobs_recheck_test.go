package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// recheckJSON is what TestJobsRecheck reads of the JSON jobs report.
type recheckJSON struct {
	Groups []struct {
		Rule         string `json:"rule"`
		Explanations []struct {
			Message string `json:"statusMessage"`
			Jobs    int    `json:"jobs"`
			Recheck *struct {
				Status  string `json:"status"`
				Results []struct {
					Action  string `json:"action"`
					Verdict string `json:"verdict"`
					Layer   string `json:"layer"`
				} `json:"results"`
				KeyState string `json:"keyState"`
				Cause    *struct {
					Kind string `json:"kind"`
				} `json:"cause"`
				Reason *struct {
					ID string `json:"id"`
				} `json:"reason"`
			} `json:"recheck"`
		} `json:"explanations"`
	} `json:"groups"`
}

// The causes d990d6f reads from job status messages outside IAM's grammar
// are evaluated again against the snapshot with --snapshot, as IAM's
// denials are: the job role's requests for a backup of the job's type (its
// identity-based policies), the key policy, the key's state; what the
// snapshot cannot decide (a bucket policy, a role or key it lacks, a
// restore job) is could-not-check saying why. Before, none of them but
// "Unable to assume role" was re-evaluated: the report said nothing of the
// snapshot.
func TestJobsRecheck(t *testing.T) {
	t.Parallel()
	_, _, deps := jobsSetupFixture(t, "../../testdata/jobs/recheck.json")
	snap := []string{"--snapshot", "../../testdata/jobs/recheck-snapshot.json"}
	out, errOut, code := runCLIWith(t, deps, "", append([]string{"jobs", "--format", "json", "--lang", "en"}, snap...)...)
	if code != ExitDenied {
		t.Fatalf("exit %d, want 1: %s\n%s", code, errOut, out)
	}
	var r recheckJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	type want struct {
		status, action, layer, keyState, cause, reason string
		jobs                                           int
	}
	key := "arn:aws:kms:us-east-1:111122223333:key/"
	for msg, w := range map[string]want{
		"role/NoPolicyRole does not have":                                {status: "denied", action: "ec2:CreateSnapshot", layer: "identity", jobs: 2},
		"role/FullBackupRole does not have":                              {status: "allowed", jobs: 1},
		"role/GoneRole does not have":                                    {status: "couldNotCheck", cause: "unknownRole", jobs: 1},
		"role/RestoreRole does not have":                                 {status: "couldNotCheck", reason: "jobs.recheck.not-backup", jobs: 1},
		key + "1111aaaa-11aa-11aa-11aa-111111111111 is pending deletion": {status: "denied", keyState: "PendingDeletion", jobs: 1},
		key + "2222bbbb-22bb-22bb-22bb-222222222222 is disabled":         {status: "allowed", keyState: "Enabled", jobs: 1},
		key + "4444dddd-44dd-44dd-44dd-444444444444 is disabled":         {status: "couldNotCheck", cause: "unknownKey", jobs: 1},
		key + "3333cccc-33cc-33cc-33cc-333333333333 is not accessible":   {status: "denied", action: "kms:DescribeKey", layer: "resource", jobs: 1},
		key + "2222bbbb-22bb-22bb-22bb-222222222222 is not accessible":   {status: "allowed", jobs: 1},
	} {
		found := 0
		for _, g := range r.Groups {
			for _, e := range g.Explanations {
				if !strings.Contains(e.Message, msg) {
					continue
				}
				found++
				rc := e.Recheck
				if rc == nil {
					t.Errorf("%s: not re-evaluated", msg)
					continue
				}
				ok := rc.Status == w.status && e.Jobs == w.jobs && rc.KeyState == w.keyState &&
					(w.cause == "") == (rc.Cause == nil) && (rc.Cause == nil || rc.Cause.Kind == w.cause) &&
					(w.reason == "") == (rc.Reason == nil) && (rc.Reason == nil || rc.Reason.ID == w.reason)
				if w.action != "" {
					denied := false
					for _, res := range rc.Results {
						denied = denied || res.Action == w.action && res.Verdict == "ImplicitDeny" && res.Layer == w.layer
					}
					ok = ok && denied
				}
				if !ok {
					t.Errorf("%s: jobs %d, recheck %+v; want %+v", msg, e.Jobs, *rc, w)
				}
			}
		}
		if found != 1 {
			t.Errorf("%s: %d explanations, want 1", msg, found)
		}
	}
	// S3: the identity side is decided, the bucket policy never is: the
	// role's policies allowing or (in the bucket's account) refusing the
	// S3 requests, the bucket policy could deny or allow them: could not
	// check, as denied check says (it was denied, with a note, for a
	// refusal).
	s3 := map[string]string{}
	for _, g := range r.Groups {
		if g.Rule != "backup.job.s3-insufficient-permissions" {
			continue
		}
		for _, e := range g.Explanations {
			if rc := e.Recheck; rc != nil {
				k := ""
				if rc.Cause != nil {
					k = string(rc.Cause.Kind)
				}
				if rc.Reason != nil {
					k += "+" + rc.Reason.ID
				}
				s3[k] = rc.Status
			}
		}
	}
	if len(s3) != 2 || s3["resourcePolicyMayAllow"] != "couldNotCheck" || s3["resourcePolicyMayDeny"] != "couldNotCheck" {
		t.Errorf("S3 rechecks %v, want couldNotCheck for resourcePolicyMayAllow and resourcePolicyMayDeny", s3)
	}

	text, _, _ := runCLIWith(t, deps, "", append([]string{"jobs", "--lang", "en"}, snap...)...)
	flat := strings.Join(strings.Fields(text), " ")
	for _, s := range []string{
		"Against the snapshot the engine also refuses the job role ec2:CreateSnapshot on arn:aws:ec2:us-east-1:111122223333:volume/",
		"Against the snapshot the engine allows each of the 6 requests of the job role that denied check knows for backup/EBS",
		"Could not check against the snapshot: Role arn:aws:iam::111122223333:role/GoneRole (StatusMessage) is not in the snapshot.",
		"Not re-evaluated against the snapshot: denied knows the job role's requests of backup jobs, not of a restore job.",
		"Could not check against the snapshot: The principal's policies in the snapshot allow the request, but the snapshot does not hold the bucket policy of arn:aws:s3:::logs-bucket, which may deny it",
		"Could not check against the snapshot: Nothing of the principal's policies in the snapshot allows the request, but the snapshot does not hold the bucket policy of arn:aws:s3:::",
		"is PendingDeletion: in that state it cannot be used, whatever its policy",
		"is Enabled: it may have been enabled again since the job failed",
		"in the resource-based policy",
	} {
		if !strings.Contains(flat, s) {
			t.Errorf("text lacks %q:\n%s", s, text)
		}
	}
	for _, lang := range []string{"ja", "ko"} {
		out, _, _ := runCLIWith(t, deps, "", append([]string{"jobs", "--lang", lang}, snap...)...)
		if strings.Contains(out, "[jobs.") || strings.Contains(out, "Against the snapshot") || strings.Contains(out, "re-evaluated") {
			t.Errorf("%s: English or a missing message:\n%s", lang, out)
		}
	}
	// Without a snapshot nothing is said to be re-evaluated.
	out, _, _ = runCLIWith(t, deps, "", "jobs", "--format", "json", "--lang", "en")
	if strings.Contains(out, `"recheck"`) {
		t.Errorf("recheck without a snapshot:\n%s", out)
	}
}
