package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// A key-state message of a failed job is decided against the snapshot as
// denied check decides a key's state (preflight.KeyStateOf): an AWS managed
// key, which AWS KMS keeps enabled, is usable even when the snapshot does
// not record its state; a key not enabled is denied with the fix naming its
// real ARN and Region (enable-key; cancel-key-deletion && enable-key); a
// state not recorded is could-not-check naming the call that hid it.
// Before, jobs had a check of its own: the AWS managed key could not be
// checked, a denial carried no fix, and an unrecorded state was a reason
// without the unreadable kms:DescribeKey.
func TestJobsRecheckKeyState(t *testing.T) {
	t.Parallel()
	_, _, deps := jobsSetupFixture(t, "../../testdata/jobs/recheck-keys.json")
	snap := []string{"--snapshot", "../../testdata/jobs/recheck-keys-snapshot.json"}
	out, errOut, code := runCLIWith(t, deps, "", append([]string{"jobs", "--format", "json", "--lang", "en"}, snap...)...)
	if code != ExitDenied {
		t.Fatalf("exit %d, want 1: %s\n%s", code, errOut, out)
	}
	var r struct {
		Groups []struct {
			Explanations []struct {
				Message string `json:"statusMessage"`
				Recheck *struct {
					Status   string `json:"status"`
					Key      string `json:"key"`
					KeyState string `json:"keyState"`
					Detail   *struct {
						ID string `json:"id"`
					} `json:"detail"`
					Fix *struct {
						ID   string   `json:"id"`
						Args []string `json:"args"`
					} `json:"fix"`
					Cause *struct {
						Kind string `json:"kind"`
						API  string `json:"api"`
					} `json:"cause"`
				} `json:"recheck"`
			} `json:"explanations"`
		} `json:"groups"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	key := "arn:aws:kms:us-east-1:111122223333:key/"
	awsKey := key + "5555eeee-55ee-55ee-55ee-555555555555"
	type want struct{ status, key, detail, fix, command, cause, api string }
	wants := map[string]want{
		awsKey + " is disabled": {status: "allowed", key: awsKey, detail: "preflight.cond.key-aws-managed"},
		"arn:aws:kms:us-east-1:111122223333:alias/aws/backup is disabled": {status: "allowed", key: awsKey, detail: "preflight.cond.key-aws-managed"},
		key + "6666ffff-66ff-66ff-66ff-666666666666 is disabled": {status: "denied", key: key + "6666ffff-66ff-66ff-66ff-666666666666", detail: "preflight.cond.key-state",
			fix: "preflight.fix.enable-key", command: "aws kms enable-key --key-id " + key + "6666ffff-66ff-66ff-66ff-666666666666 --region us-east-1"},
		key + "7777aaaa-77aa-77aa-77aa-777777777777 is pending deletion": {status: "denied", key: key + "7777aaaa-77aa-77aa-77aa-777777777777", detail: "preflight.cond.key-state",
			fix: "preflight.fix.cancel-key-deletion", command: "aws kms cancel-key-deletion --key-id " + key + "7777aaaa-77aa-77aa-77aa-777777777777 --region us-east-1 && aws kms enable-key --key-id " + key + "7777aaaa-77aa-77aa-77aa-777777777777 --region us-east-1"},
		key + "8888bbbb-88bb-88bb-88bb-888888888888 is disabled": {status: "couldNotCheck", key: key + "8888bbbb-88bb-88bb-88bb-888888888888", cause: "unknownKeyState", api: "kms:DescribeKey"},
	}
	for msg, w := range wants {
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
				got := want{status: rc.Status, key: rc.Key}
				if rc.Detail != nil {
					got.detail = rc.Detail.ID
				}
				if rc.Fix != nil {
					got.fix = rc.Fix.ID
					if len(rc.Fix.Args) > 0 {
						got.command = rc.Fix.Args[0]
					}
				}
				if rc.Cause != nil {
					got.cause, got.api = rc.Cause.Kind, rc.Cause.API
				}
				if got != w {
					t.Errorf("%s:\n got %+v\nwant %+v", msg, got, w)
				}
			}
		}
		if found != 1 {
			t.Errorf("%s: %d explanations, want 1", msg, found)
		}
	}

	text, _, _ := runCLIWith(t, deps, "", append([]string{"jobs", "--lang", "en"}, snap...)...)
	flat := strings.Join(strings.Fields(text), " ")
	for _, s := range []string{
		"In the snapshot the key " + awsKey + " is an AWS managed key, which AWS KMS keeps enabled",
		"Fix: enable the key, with the credentials of account 111122223333: aws kms enable-key --key-id " + key + "6666ffff-66ff-66ff-66ff-666666666666 --region us-east-1",
		"Fix: cancel the key's deletion, then enable it",
		"Could not check against the snapshot: State of KMS key " + key + "8888bbbb-88bb-88bb-88bb-888888888888 (StatusMessage) is unknown: kms:DescribeKey was denied when the snapshot was taken.",
	} {
		if !strings.Contains(flat, s) {
			t.Errorf("text lacks %q:\n%s", s, text)
		}
	}
	for _, lang := range []string{"ja", "ko"} {
		out, _, _ := runCLIWith(t, deps, "", append([]string{"jobs", "--lang", lang}, snap...)...)
		if strings.Contains(out, "[jobs.") || strings.Contains(out, "[preflight.") || strings.Contains(out, "AWS managed key, which") || strings.Contains(out, "Fix: ") {
			t.Errorf("%s: English or a missing message:\n%s", lang, out)
		}
	}
}
