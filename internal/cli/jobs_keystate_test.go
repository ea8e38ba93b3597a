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

// TestJobsRecheckAllowedClaim: a failed job whose recheck against the
// snapshot finds the request its message blames allowed has a summary
// that says the message's cause as the message's claim, and what the
// snapshot finds instead, not as fact: a key-state message on an AWS
// managed key whose state the snapshot does not record (alias/aws/backup,
// or its key ARN: AWS KMS keeps it enabled), one on a key Enabled in the
// snapshot, a role's insufficient permissions whose requests the engine
// all allows, a key not accessible whose KMS requests it allows; in text,
// Markdown and JSON (the finding's cause and causeText), en/ja/ko. The key
// line says the message blames the key, and the checks of a usable key
// say to retry and find the key the job uses. A denied or could-not-check
// recheck keeps the cause as before. Before, the summary said "The key
// ... cannot be used in its state" (and "The identity-based policies of
// the job role ... do not allow", "The key policy of ... does not allow")
// while the recheck below it said the key is AWS managed and enabled, or
// that the engine allows every request.
func TestJobsRecheckAllowedClaim(t *testing.T) {
	t.Parallel()
	const key = "arn:aws:kms:us-east-1:111122223333:key/"
	const role = "arn:aws:iam::111122223333:role/FullBackupRole"
	awsKey, alias := key+"5555eeee-55ee-55ee-55ee-555555555555", "arn:aws:kms:us-east-1:111122223333:alias/aws/backup"
	for _, fx := range []struct {
		jobs, snap string
		causes     map[string]string // message (part) -> the cause's id
		en         []string          // in the English text
		not        []string          // never in the English text
		ja, ko     []string
	}{
		{"recheck-keys.json", "recheck-keys-snapshot.json",
			map[string]string{
				alias + " is disabled":                                   "jobs.rule.kms-key-state.cause.aws-managed",
				awsKey + " is disabled":                                  "jobs.rule.kms-key-state.cause.aws-managed",
				key + "6666ffff-66ff-66ff-66ff-666666666666 is disabled": "jobs.rule.kms-key-state.cause",
				key + "8888bbbb-88bb-88bb-88bb-888888888888 is disabled": "jobs.rule.kms-key-state.cause",
			},
			[]string{
				"The job's message says that the key " + alias + " cannot be used in its state (disabled, pending deletion), but the recheck against the snapshot finds it an AWS managed key (" + awsKey + "), which AWS KMS keeps enabled",
				"the cause is elsewhere (a transient failure, or a key of another account or Region than the one the message names)",
				"The message blames the state of the key it names, " + alias + ", not a role's permissions; the snapshot does not confirm it",
				"Retry the job; if it fails again with this message, find the key the job uses",
				"The key " + key + "6666ffff-66ff-66ff-66ff-666666666666 cannot be used in its state",
				"The key " + key + "8888bbbb-88bb-88bb-88bb-888888888888 cannot be used in its state",
			},
			[]string{"The key " + alias + " cannot be used", "The key " + awsKey + " cannot be used", "The cause is the state of the key the message names, " + alias},
			[]string{"ジョブのメッセージはキー " + alias + " がその状態 (無効、削除待ち) では使用できないと述べています。しかしスナップショットでの再チェックでは、このキーは AWS KMS が常に有効にしている AWS マネージドキー (" + awsKey + ") です。"},
			[]string{"작업의 메시지는 키 " + alias + "을(를) 현재 상태(비활성화, 삭제 대기)에서는 사용할 수 없다고 말합니다. 그러나 스냅샷 기준 재점검에서 이 키는 AWS KMS가 항상 활성화해 두는 AWS 관리형 키(" + awsKey + ")입니다."}},
		{"recheck.json", "recheck-snapshot.json",
			map[string]string{
				"role/FullBackupRole does not have":                              "jobs.rule.role-insufficient-permissions.cause.claimed",
				"role/NoPolicyRole does not have":                                "jobs.rule.role-insufficient-permissions.cause",
				key + "2222bbbb-22bb-22bb-22bb-222222222222 is disabled":         "jobs.rule.kms-key-state.cause.enabled",
				key + "1111aaaa-11aa-11aa-11aa-111111111111 is pending deletion": "jobs.rule.kms-key-state.cause",
				key + "2222bbbb-22bb-22bb-22bb-222222222222 is not accessible":   "jobs.rule.kms-key-not-accessible.cause.claimed",
				key + "3333cccc-33cc-33cc-33cc-333333333333 is not accessible":   "jobs.rule.kms-key-not-accessible.cause",
			},
			[]string{
				"The job's message says that the identity-based policies of the job role " + role + " do not allow what AWS Backup does with this resource type",
				"but against the snapshot the engine allows each request of the job role that denied check knows for the backup: the cause is elsewhere",
				"The job's message says that the key " + key + "2222bbbb-22bb-22bb-22bb-222222222222 cannot be used in its state (disabled, pending deletion), but in the snapshot the key " + key + "2222bbbb-22bb-22bb-22bb-222222222222 is Enabled",
				"The job's message says that the job role " + role + " cannot use the key " + key + "2222bbbb-22bb-22bb-22bb-222222222222, but against the snapshot the engine allows each KMS request",
				"The identity-based policies of the job role arn:aws:iam::111122223333:role/NoPolicyRole do not allow",
				"The key policy of " + key + "3333cccc-33cc-33cc-33cc-333333333333 does not allow",
			},
			[]string{"The identity-based policies of the job role " + role + " do not allow", "The key " + key + "2222bbbb-22bb-22bb-22bb-222222222222 cannot be used", "The key policy of " + key + "2222bbbb-22bb-22bb-22bb-222222222222 does not allow"},
			[]string{"ジョブのメッセージによれば、ジョブロール " + role + " のアイデンティティベースのポリシーが", "ジョブのメッセージはジョブロール " + role + " がキー " + key + "2222bbbb-22bb-22bb-22bb-222222222222 を使用できないと述べています。"},
			[]string{"작업의 메시지에 따르면 작업 역할 " + role + "의 자격 증명 기반 정책이", "작업의 메시지는 작업 역할 " + role + "이(가) 키 " + key + "2222bbbb-22bb-22bb-22bb-222222222222을(를) 사용할 수 없다고 말합니다."}},
	} {
		_, _, deps := jobsSetupFixture(t, "../../testdata/jobs/"+fx.jobs)
		snap := []string{"--snapshot", "../../testdata/jobs/" + fx.snap}
		out, errOut, code := runCLIWith(t, deps, "", append([]string{"jobs", "--format", "json", "--lang", "en"}, snap...)...)
		if code != ExitDenied {
			t.Fatalf("%s: exit %d, want 1: %s", fx.jobs, code, errOut)
		}
		var r struct {
			Groups []struct {
				Explanations []struct {
					Message string `json:"statusMessage"`
					Finding *struct {
						Cause struct {
							ID string `json:"id"`
						} `json:"cause"`
						CauseText string `json:"causeText"`
					} `json:"finding"`
				} `json:"explanations"`
			} `json:"groups"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		for msg, id := range fx.causes {
			found := 0
			for _, g := range r.Groups {
				for _, e := range g.Explanations {
					if !strings.Contains(e.Message, msg) {
						continue
					}
					found++
					switch {
					case e.Finding == nil:
						t.Errorf("%s: no finding", msg)
					case e.Finding.Cause.ID != id:
						t.Errorf("%s: cause %s, want %s", msg, e.Finding.Cause.ID, id)
					case strings.HasSuffix(id, ".cause") == strings.HasPrefix(e.Finding.CauseText, "The job's message says"):
						t.Errorf("%s: causeText %q", msg, e.Finding.CauseText)
					}
				}
			}
			if found != 1 {
				t.Errorf("%s: %d explanations, want 1", msg, found)
			}
		}
		for _, lang := range []string{"en", "ja", "ko"} {
			for _, format := range []string{"text", "markdown"} {
				text, _, _ := runCLIWith(t, deps, "", append([]string{"jobs", "--format", format, "--lang", lang}, snap...)...)
				// Text wraps Japanese anywhere: compared without white space.
				bare := strings.Join(strings.Fields(text), "")
				want := map[string][]string{"en": fx.en, "ja": fx.ja, "ko": fx.ko}[lang]
				for _, w := range want {
					if !strings.Contains(bare, strings.Join(strings.Fields(w), "")) {
						t.Errorf("%s %s %s: no %q in\n%s", fx.jobs, lang, format, w, text)
					}
				}
				if lang == "en" {
					for _, w := range fx.not {
						if strings.Contains(bare, strings.Join(strings.Fields(w), "")) {
							t.Errorf("%s %s: %q (stated as fact) in\n%s", fx.jobs, format, w, text)
						}
					}
				}
				if strings.Contains(text, "[jobs.") || strings.Contains(text, "jobs.rule.") || lang != "en" && strings.Contains(text, "message says") {
					t.Errorf("%s %s %s: English or a missing message:\n%s", fx.jobs, lang, format, text)
				}
			}
		}
	}
}
