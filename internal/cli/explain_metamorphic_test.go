package cli

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/deniedhq/denied/account"
)

// Identifiers of the permissive snapshot (testdata/check/permissive.json)
// the metamorphic tests of explain and jobs name in their messages.
const (
	metaAcct    = "111122223333"
	metaUser    = "arn:aws:iam::111122223333:user/operator"
	metaSession = "arn:aws:sts::111122223333:assumed-role/BackupRole/AWSBackup-BackupRole"
	metaRole    = "arn:aws:iam::111122223333:role/BackupRole"
	metaVault   = "arn:aws:backup:eu-west-1:111122223333:backup-vault:Default"
	metaVault2  = "arn:aws:backup:eu-west-1:111122223333:backup-vault:Second"
	metaKeyID   = "1234abcd-12ab-34cd-56ef-1234567890ab"
	metaKey     = "arn:aws:kms:eu-west-1:111122223333:key/" + metaKeyID
	metaRP      = "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ebs"
)

// permissiveWithKey writes the permissive snapshot with one customer
// managed key (its key policy delegating to IAM) and returns its path.
func permissiveWithKey(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile("../../testdata/check/permissive.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	m["kmsKeys"] = map[string]any{metaKeyID: map[string]any{"policy": map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{map[string]any{
			"Effect": "Allow", "Principal": map[string]any{"AWS": "arn:aws:iam::" + metaAcct + ":root"}, "Action": "kms:*", "Resource": "*",
		}},
	}}}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "permissive.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// metaUnreadable is a snapshot with one API unreadable and which of the
// requests it hides (by what the message names).
type metaUnreadable struct {
	name    string
	path    string
	about   string // what it hides: "role", "vaults", "recovery point", "key", "key policy"
	applies func(text string) bool
}

// metaUnreadables writes the snapshot at path with each API unreadable
// in turn (and what it would have read absent).
func metaUnreadables(t *testing.T, path string) []metaUnreadable {
	t.Helper()
	every := func(string) bool { return true }
	names := func(s string) func(string) bool { return func(text string) bool { return strings.Contains(text, s) } }
	var out []metaUnreadable
	for _, u := range []struct {
		u       account.Unreadable
		about   string
		applies func(string) bool
		empty   func(*account.Snapshot)
	}{
		{account.Unreadable{Service: "iam", Call: "GetAccountAuthorizationDetails", Error: "AccessDenied"}, "role", every, nil},
		{account.Unreadable{Service: "organizations", Call: "ListPoliciesForTarget", Error: "AccessDeniedException"}, "role", every, nil},
		{account.Unreadable{Service: "backup", Call: "ListBackupVaults", Region: "eu-west-1", Error: "AccessDeniedException"}, "vaults", names(":backup-vault:"),
			func(s *account.Snapshot) { s.BackupVaults, s.RecoveryPoints = nil, nil }},
		{account.Unreadable{Service: "backup", Call: "GetBackupVaultAccessPolicy", Region: "eu-west-1", Error: "AccessDeniedException"}, "vaults", names(":backup-vault:"), nil},
		{account.Unreadable{Service: "backup", Call: "ListRecoveryPointsByBackupVault", Region: "eu-west-1", Error: "AccessDeniedException"}, "recovery point", names(":recovery-point:"),
			func(s *account.Snapshot) { s.RecoveryPoints = nil }},
		{account.Unreadable{Service: "kms", Call: "ListKeys", Region: "eu-west-1", Error: "AccessDeniedException"}, "key", names(":key/"),
			func(s *account.Snapshot) { s.KMSKeys = nil }},
		{account.Unreadable{Service: "kms", Call: "GetKeyPolicy", Region: "eu-west-1", Error: "AccessDeniedException"}, "key policy", names(":key/"),
			func(s *account.Snapshot) {
				for i := range s.KMSKeys {
					s.KMSKeys[i].Policy = nil
				}
			}},
	} {
		out = append(out, metaUnreadable{"unreadable " + u.u.API(), unreadableShort(t, path, u.u, u.empty), u.about, u.applies})
	}
	return out
}

// metaReplace is the mutation replacing every old in text by new (""
// when text holds no old: it does not apply).
func metaReplace(text, old, new string) string {
	if !strings.Contains(text, old) {
		return ""
	}
	return strings.ReplaceAll(text, old, new)
}

// TestExplainNeverClaimsUnproven is explain --snapshot's metamorphic
// test, as TestCheckNeverClaimsUnproven is check's: each message below
// (the forms explain reads: IAM's sentence, the AWS SDK for Go v2's
// "operation error", boto3's "An error occurred", a CloudTrail record's
// errorMessage, AWS Backup's encoded "You are not authorized to perform
// this operation" decoded through STS into the job role's request) names
// a request the permissive snapshot allows: exit 0, "the engine allows
// this request". Each change of one identifier of the message to one the
// snapshot does not hold (a misspelled user or role, a principal of
// another account, a vault, destination vault, recovery point or key it
// lacks or of another account or Region, a resource whose resource-based
// policy no snapshot holds: an S3 bucket, an SQS queue, a Lambda
// function), and each snapshot with one API it needs unreadable, must
// never leave it allowed: exit 1 or 4 (not 2: the mutated input stays
// good), no "allows" line, and no Allowed verdict in JSON. Found: a
// request on a recovery point (backup:StartRestoreJob on
// arn:aws:backup:...:recovery-point:ID) was evaluated with no vault's
// access policy, so one the snapshot lacks (mistyped, of another Region,
// or with the recovery points unreadable) was allowed, exit 0; it is
// could-not-check unknownRecoveryPoint (or unreadable), exit 4, and one
// the snapshot holds is evaluated with its vault's access policy.
func TestExplainNeverClaimsUnproven(t *testing.T) {
	t.Parallel()
	snap := permissiveWithKey(t)
	identity := func(action string) string {
		return " because no identity-based policy allows the " + action + " action"
	}
	decoded := func(principal, action, resource string) string {
		ctx := `{"allowed":false,"explicitDeny":false,"matchedStatements":{"items":[]},"failures":{"items":[]},"context":{"principal":{"id":"AROAEXAMPLEID:AWSBackup-BackupRole","arn":"` + principal +
			`"},"action":"` + action + `","resource":"` + resource + `","conditions":{"items":[{"key":"aws:Region","values":{"items":[{"value":"eu-west-1"}]}},{"key":"aws:Account","values":{"items":[{"value":"` + metaAcct + `"}]}}]}}}`
		return ctx
	}
	const backupEncoded = "You are not authorized to perform this operation. Please consult the permissions associated with your AWS Backup role(s), and refer to the AWS Backup documentation for more details. Encoded authorization failure message: "
	cloudTrail := func(principal, action, resource string) string {
		b, err := json.Marshal(map[string]any{
			"eventVersion": "1.09", "eventSource": "backup.amazonaws.com", "eventName": strings.TrimPrefix(action, "backup:"),
			"awsRegion": "eu-west-1", "errorCode": "AccessDenied", "recipientAccountId": metaAcct,
			"errorMessage": "User: " + principal + " is not authorized to perform: " + action + " on resource: " + resource + identity(action),
			"userIdentity": map[string]any{"type": "IAMUser", "arn": principal, "accountId": metaAcct},
		})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	type message struct {
		name             string
		text             string // the input
		decoded          string // what STS decodes the input's blob into (none: --no-decode)
		action, resource string // the request's, as the text names them
		regional         bool   // the resource is one of the snapshot's Region
	}
	messages := []message{
		{name: "IAM sentence, vault policy",
			text:   "User: " + metaUser + " is not authorized to perform: backup:PutBackupVaultAccessPolicy on resource: " + metaVault + identity("backup:PutBackupVaultAccessPolicy"),
			action: "backup:PutBackupVaultAccessPolicy", resource: metaVault, regional: true},
		{name: "IAM sentence, restore PassRole",
			text:   "User: " + metaSession + " is not authorized to perform: iam:PassRole on resource: arn:aws:iam::" + metaAcct + ":role/AppRole" + identity("iam:PassRole"),
			action: "iam:PassRole", resource: "arn:aws:iam::" + metaAcct + ":role/AppRole"},
		{name: "Go SDK v2, backup job",
			text:   "operation error Backup: StartBackupJob, https response error StatusCode: 400, RequestID: 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0, api error AccessDeniedException: User: " + metaUser + " is not authorized to perform: backup:StartBackupJob on resource: " + metaVault + identity("backup:StartBackupJob"),
			action: "backup:StartBackupJob", resource: metaVault, regional: true},
		{name: "boto3, key policy",
			text:   "An error occurred (AccessDeniedException) when calling the Decrypt operation: User: " + metaSession + " is not authorized to perform: kms:Decrypt on resource: " + metaKey + " because no resource-based policy allows the kms:Decrypt action",
			action: "kms:Decrypt", resource: metaKey, regional: true},
		{name: "boto3, restore",
			text:   "An error occurred (AccessDeniedException) when calling the StartRestoreJob operation: User: " + metaUser + " is not authorized to perform: backup:StartRestoreJob on resource: " + metaRP + identity("backup:StartRestoreJob"),
			action: "backup:StartRestoreJob", resource: metaRP, regional: true},
		{name: "IAM sentence, copy into the destination vault",
			text:   "User: " + metaSession + " is not authorized to perform: backup:CopyIntoBackupVault on resource: " + metaVault2 + identity("backup:CopyIntoBackupVault"),
			action: "backup:CopyIntoBackupVault", resource: metaVault2, regional: true},
		{name: "CloudTrail record",
			text:   cloudTrail(metaUser, "backup:DeleteBackupVault", metaVault),
			action: "backup:DeleteBackupVault", resource: metaVault, regional: true},
		{name: "AWS Backup encoded, restore PassRole",
			text:    backupEncoded + blobHead + blobTail,
			decoded: decoded(metaSession, "iam:PassRole", "arn:aws:iam::"+metaAcct+":role/AppRole"),
			action:  "iam:PassRole", resource: "arn:aws:iam::" + metaAcct + ":role/AppRole"},
		{name: "AWS Backup encoded, key grant",
			text:    backupEncoded + blobHead + blobTail,
			decoded: decoded(metaSession, "kms:CreateGrant", metaKey),
			action:  "kms:CreateGrant", resource: metaKey, regional: true},
	}
	// A mutation changes the message (text and decoded alike): "" when it
	// does not apply.
	type mutation struct {
		name  string
		apply func(m message, s string) string
	}
	replace := func(old, new string) func(message, string) string {
		return func(_ message, s string) string { return metaReplace(s, old, new) }
	}
	unheld := func(action, resource string) func(message, string) string {
		return func(m message, s string) string {
			return strings.ReplaceAll(metaReplace(s, m.resource, resource), m.action, action)
		}
	}
	muts := []mutation{
		{"misspelled user", replace("user/operator", "user/operatorr")},
		{"misspelled role", replace("BackupRole", "BackupRolee")},
		{"user of another account", replace("arn:aws:iam::"+metaAcct+":user/", "arn:aws:iam::444455556666:user/")},
		{"role of another account", replace("arn:aws:sts::"+metaAcct+":assumed-role/", "arn:aws:sts::444455556666:assumed-role/")},
		{"unknown vault", replace("backup-vault:Default", "backup-vault:Defaultt")},
		{"unknown destination vault", replace("backup-vault:Second", "backup-vault:Secondd")},
		{"vault of another account", replace("eu-west-1:"+metaAcct+":backup-vault:", "eu-west-1:444455556666:backup-vault:")},
		{"unknown recovery point", replace(":recovery-point:rp-", ":recovery-point:rp-x")},
		{"unknown key", replace(metaKeyID, "9999ffff-99ff-99ff-99ff-999999999999")},
		{"key of another account", replace("eu-west-1:"+metaAcct+":key/", "eu-west-1:444455556666:key/")},
		{"another Region", func(m message, s string) string {
			if !m.regional {
				return "" // an IAM request is the same in every Region
			}
			return metaReplace(s, "eu-west-1", "eu-west-2")
		}},
		{"S3 bucket", unheld("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/backup.tar")},
		{"SQS queue", unheld("sqs:SendMessage", "arn:aws:sqs:eu-west-1:"+metaAcct+":backup-events")},
		{"Lambda function", unheld("lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:"+metaAcct+":function:backup-hook")},
	}
	run := func(t *testing.T, m message, snap, format string) (string, string, int) {
		t.Helper()
		args := []string{"explain", "--snapshot", snap, "--format", format, "--lang", "en", "-"}
		if m.decoded == "" {
			return runCLI(t, m.text, append(args, "--no-decode")...)
		}
		fake := &fakeSTS{decoded: m.decoded}
		srv := httptest.NewServer(fake)
		defer srv.Close()
		deps := Deps{Now: testNow, STSDecoder: fakeSTSDecoder(srv.URL, credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "secret", ""))}
		return runCLIWith(t, deps, m.text, args...)
	}
	// allowed is whether a run says the snapshot's policies allow the
	// request: exit 0, the text's line, the JSON's verdict.
	const allows = "With the snapshot's policies the engine allows"
	verdicts := func(t *testing.T, out string) []string {
		t.Helper()
		var rep struct {
			Denials []struct {
				Snapshot *struct{ Verdict string } `json:"snapshot"`
			} `json:"denials"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("JSON report: %v\n%s", err, out)
		}
		var v []string
		for _, d := range rep.Denials {
			if d.Snapshot != nil {
				v = append(v, d.Snapshot.Verdict)
			} else {
				v = append(v, "")
			}
		}
		return v
	}
	unreadable := metaUnreadables(t, snap)
	mutated := 0
	for _, m := range messages {
		out, errOut, code := run(t, m, snap, "text")
		if code != ExitOK || !strings.Contains(strings.Join(strings.Fields(out), " "), allows) {
			t.Fatalf("baseline %s: exit %d, want 0 and %q (the fixture must allow it):\n%s%s", m.name, code, allows, out, errOut)
		}
		if out, _, _ := run(t, m, snap, "json"); strings.Join(verdicts(t, out), ",") != "Allowed" {
			t.Fatalf("baseline %s: verdicts %v, want Allowed", m.name, verdicts(t, out))
		}
		check := func(what string, mm message, snap string) {
			mutated++
			out, errOut, code := run(t, mm, snap, "text")
			if (code != ExitDenied && code != ExitUnchecked) || strings.Contains(strings.Join(strings.Fields(out), " "), allows) {
				t.Errorf("%s: %s: exit %d, want 1 or 4 and no %q:\n%s%s", what, m.name, code, allows, out, errOut)
				return
			}
			out, _, _ = run(t, mm, snap, "json")
			for _, v := range verdicts(t, out) {
				if v == "Allowed" {
					t.Errorf("%s: %s: JSON verdict Allowed", what, m.name)
				}
			}
		}
		for _, mut := range muts {
			mm := m
			mm.text, mm.decoded = mut.apply(m, m.text), mut.apply(m, m.decoded)
			if m.decoded != "" {
				if mm.decoded == "" {
					continue
				}
				mm.text = m.text // the blob stands for the decoded request
			}
			if mm.text == "" {
				continue
			}
			check(mut.name, mm, snap)
		}
		for _, u := range unreadable {
			if u.applies(m.text + m.decoded) {
				check(u.name, m, u.path)
			}
		}
	}
	t.Logf("%d mutated messages", mutated)
	if mutated < 90 {
		t.Errorf("only %d mutated messages ran", mutated)
	}
}

// TestJobsNeverClaimsUnproven is jobs --snapshot's metamorphic test, as
// TestExplainNeverClaimsUnproven is explain's: each failed job below (a
// backup job refused by its role's permissions, by the key, by the key's
// state; a restore job whose encoded message STS decodes into the role's
// iam:PassRole, and one in IAM's grammar; a copy job refused on the
// destination vault, and one whose encoded message names the key) has its
// cause evaluated again and allowed by the permissive snapshot: the
// re-evaluation says "the engine allows" (snapshot verdict Allowed, or
// recheck status allowed). Each change of the job's role, vault, resource,
// key or Region to one the snapshot does not hold, or of the resource to
// one whose resource-based policy no snapshot holds, and each snapshot
// with one API it needs unreadable, must never leave it allowed. The exit
// code is 1 in every case (the job failed for an authorization cause,
// whatever the snapshot says), so what is checked is the report's
// verdict: no "allows" line in text, no Allowed verdict or allowed status
// in JSON. A mutation applies where the cause depends on what it changes
// (a key's state on no role, a key's policy on no vault). Found: the
// restore job's recovery point the snapshot lacks was allowed, as in
// TestExplainNeverClaimsUnproven (the same evaluation).
func TestJobsNeverClaimsUnproven(t *testing.T) {
	t.Parallel()
	snap := permissiveWithKey(t)
	const (
		created = 1796169600 // 2026-12-01T22:40Z, within --since 24h of jobsDeps' clock
		vol     = "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0123456789abcdef0"
	)
	backupEncoded := "You are not authorized to perform this operation. Please consult the permissions associated with your AWS Backup role(s), and refer to the AWS Backup documentation for more details. Encoded authorization failure message: " + blobHead + blobTail
	decoded := func(action, resource string) string {
		return `{"allowed":false,"explicitDeny":false,"matchedStatements":{"items":[]},"failures":{"items":[]},"context":{"principal":{"id":"AROAEXAMPLEID:AWSBackup-BackupRole","arn":"` + metaSession +
			`"},"action":"` + action + `","resource":"` + resource + `","conditions":{"items":[{"key":"aws:Region","values":{"items":[{"value":"eu-west-1"}]}}]}}}`
	}
	backupJob := func(msg string) map[string]any {
		return map[string]any{"BackupJobId": "B0000010-0000-0000-0000-000000000001", "State": "FAILED", "ResourceType": "EBS",
			"ResourceArn": vol, "IamRoleArn": metaRole, "BackupVaultName": "Default", "BackupVaultArn": metaVault,
			"AccountId": metaAcct, "CreationDate": created, "StatusMessage": msg}
	}
	type job struct {
		name    string
		kind    string // BackupJobs, RestoreJobs, CopyJobs
		job     map[string]any
		decoded string   // what STS decodes the message's blob into
		about   []string // what its cause depends on: the mutations' and unreadable APIs' about
	}
	jobsList := []job{
		{name: "backup job, role's permissions", kind: "BackupJobs", about: []string{"role", "vault", "vaults", "resource", "region"},
			job: backupJob("IAM Role " + metaRole + " does not have sufficient permissions to execute the backup")},
		// The role's KMS requests on the key: not the vault's or resource's.
		{name: "backup job, key not accessible", kind: "BackupJobs", about: []string{"role", "key", "key policy", "region"},
			job: backupJob("The key " + metaKey + " is not accessible")},
		// The key's state: no one's permissions.
		{name: "backup job, key disabled", kind: "BackupJobs", about: []string{"key", "region"},
			job: backupJob("The key " + metaKey + " is disabled")},
		{name: "backup job, IAM sentence", kind: "BackupJobs", about: []string{"role", "resource"},
			job: backupJob("User: " + metaSession + " is not authorized to perform: ec2:CreateSnapshot on resource: " + vol + " because no identity-based policy allows the ec2:CreateSnapshot action")},
		{name: "restore job, encoded PassRole", kind: "RestoreJobs", about: []string{"role"},
			job: map[string]any{"RestoreJobId": "R0000010-0000-0000-0000-000000000001", "Status": "FAILED", "ResourceType": "EC2",
				"SourceResourceArn": "arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0", "RecoveryPointArn": "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-ec2",
				"IamRoleArn": metaRole, "AccountId": metaAcct, "CreationDate": created, "StatusMessage": backupEncoded},
			decoded: decoded("iam:PassRole", "arn:aws:iam::"+metaAcct+":role/AppRole")},
		{name: "restore job, IAM sentence", kind: "RestoreJobs", about: []string{"role", "recovery point", "region"},
			job: map[string]any{"RestoreJobId": "R0000010-0000-0000-0000-000000000002", "Status": "FAILED", "ResourceType": "EBS",
				"RecoveryPointArn": metaRP, "IamRoleArn": metaRole, "AccountId": metaAcct, "CreationDate": created,
				"StatusMessage": "User: " + metaSession + " is not authorized to perform: backup:StartRestoreJob on resource: " + metaRP + " because no identity-based policy allows the backup:StartRestoreJob action"}},
		{name: "copy job, destination vault", kind: "CopyJobs", about: []string{"role", "destination vault", "vaults", "region"},
			job: map[string]any{"CopyJobId": "C0000010-0000-0000-0000-000000000001", "State": "FAILED", "ResourceType": "EBS", "ResourceArn": vol,
				"SourceRecoveryPointArn": metaRP, "SourceBackupVaultArn": metaVault, "DestinationBackupVaultArn": metaVault2,
				"IamRoleArn": metaRole, "AccountId": metaAcct, "CreationDate": created,
				"StatusMessage": "User: " + metaSession + " is not authorized to perform: backup:CopyIntoBackupVault on resource: " + metaVault2 + " because no resource-based policy allows the backup:CopyIntoBackupVault action"}},
		{name: "copy job, encoded key grant", kind: "CopyJobs", about: []string{"role", "key", "key policy", "region"},
			job: map[string]any{"CopyJobId": "C0000010-0000-0000-0000-000000000002", "State": "FAILED", "ResourceType": "EBS", "ResourceArn": vol,
				"SourceRecoveryPointArn": metaRP, "SourceBackupVaultArn": metaVault, "DestinationBackupVaultArn": metaVault2,
				"IamRoleArn": metaRole, "AccountId": metaAcct, "CreationDate": created, "StatusMessage": backupEncoded},
			decoded: decoded("kms:CreateGrant", metaKey)},
	}
	// The job as JSON text (fixture) and its decoded message: a mutation
	// replaces in both.
	text := func(j job) string {
		b, err := json.Marshal(map[string]any{j.kind: []any{j.job}})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	run := func(t *testing.T, fixture, decodedMsg, snap, format string) (string, string, int) {
		t.Helper()
		path := filepath.Join(t.TempDir(), "jobs.json")
		if err := os.WriteFile(path, []byte(fixture), 0o600); err != nil {
			t.Fatal(err)
		}
		_, _, deps := jobsSetupFixture(t, path)
		if decodedMsg != "" {
			srv := httptest.NewServer(&fakeSTS{decoded: decodedMsg})
			defer srv.Close()
			deps.STSDecoder = fakeSTSDecoder(srv.URL, credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", jobsSecret, ""))
		}
		return runCLIWith(t, deps, "", "jobs", "--snapshot", snap, "--region", "eu-west-1", "--format", format, "--lang", "en")
	}
	// allowed is what says the snapshot allows the job's cause: in text,
	// the re-evaluations' lines; in JSON, a verdict or status.
	allowedText := []string{"the engine allows", "may have been enabled again"}
	allowedJSON := func(t *testing.T, out string) []string {
		t.Helper()
		var rep struct {
			Groups []struct {
				Explanations []struct {
					Snapshot *struct{ Verdict string } `json:"snapshot"`
					Recheck  *struct{ Status string }  `json:"recheck"`
				} `json:"explanations"`
			} `json:"groups"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("JSON report: %v\n%s", err, out)
		}
		var v []string
		for _, g := range rep.Groups {
			for _, e := range g.Explanations {
				if e.Snapshot != nil && e.Snapshot.Verdict == "Allowed" {
					v = append(v, "snapshot verdict Allowed")
				}
				if e.Recheck != nil && e.Recheck.Status == "allowed" {
					v = append(v, "recheck status allowed")
				}
			}
		}
		return v
	}
	type mutation struct {
		name, about string
		apply       func(s string) string
	}
	replace := func(old, new string) func(string) string {
		return func(s string) string { return metaReplace(s, old, new) }
	}
	muts := []mutation{
		{"misspelled role", "role", replace("BackupRole", "BackupRolee")},
		{"role of another account", "role", func(s string) string {
			if !strings.Contains(s, "arn:aws:iam::"+metaAcct+":role/") && !strings.Contains(s, "arn:aws:sts::"+metaAcct+":assumed-role/") {
				return ""
			}
			s = strings.ReplaceAll(s, "arn:aws:iam::"+metaAcct+":role/", "arn:aws:iam::444455556666:role/")
			return strings.ReplaceAll(s, "arn:aws:sts::"+metaAcct+":assumed-role/", "arn:aws:sts::444455556666:assumed-role/")
		}},
		{"unknown vault", "vault", replace("Default", "Defaultt")},
		{"unknown destination vault", "destination vault", replace("backup-vault:Second", "backup-vault:Secondd")},
		{"destination vault of another account", "destination vault", replace("eu-west-1:"+metaAcct+":backup-vault:Second", "eu-west-1:444455556666:backup-vault:Second")},
		{"unknown recovery point", "recovery point", replace(":recovery-point:rp-", ":recovery-point:rp-x")},
		{"unknown key", "key", replace(metaKeyID, "9999ffff-99ff-99ff-99ff-999999999999")},
		// The Region of everything the job names: its vault, recovery
		// point and key are then of a Region the snapshot does not hold.
		{"another Region", "region", replace("eu-west-1", "eu-west-2")},
		{"S3 bucket", "resource", func(s string) string {
			s = metaReplace(s, vol, "arn:aws:s3:::amzn-s3-demo-bucket")
			return strings.ReplaceAll(strings.ReplaceAll(s, `"EBS"`, `"S3"`), "ec2:CreateSnapshot", "s3:GetBucketTagging")
		}},
	}
	unreadable := metaUnreadables(t, snap)
	mutated := 0
	for _, j := range jobsList {
		fixture := text(j)
		out, errOut, code := run(t, fixture, j.decoded, snap, "text")
		if flat := strings.Join(strings.Fields(out), " "); code != ExitDenied || !strings.Contains(flat, allowedText[0]) && !strings.Contains(flat, allowedText[1]) {
			t.Fatalf("baseline %s: exit %d, want 1 and the snapshot allowing it:\n%s%s", j.name, code, out, errOut)
		}
		if out, _, _ := run(t, fixture, j.decoded, snap, "json"); len(allowedJSON(t, out)) == 0 {
			t.Fatalf("baseline %s: nothing allowed in JSON:\n%s", j.name, out)
		}
		check := func(what, fixture, decodedMsg, snap string) {
			mutated++
			out, errOut, code := run(t, fixture, decodedMsg, snap, "text")
			if code != ExitDenied {
				t.Errorf("%s: %s: exit %d, want 1 (the job failed):\n%s%s", what, j.name, code, out, errOut)
			}
			for _, s := range allowedText {
				if strings.Contains(strings.Join(strings.Fields(out), " "), s) {
					t.Errorf("%s: %s: the report says %q:\n%s", what, j.name, s, out)
				}
			}
			out, _, _ = run(t, fixture, decodedMsg, snap, "json")
			if v := allowedJSON(t, out); len(v) > 0 {
				t.Errorf("%s: %s: JSON %v", what, j.name, v)
			}
		}
		about := func(what string) bool { return slices.Contains(j.about, what) }
		for _, m := range muts {
			if !about(m.about) {
				continue
			}
			f, d := m.apply(fixture), m.apply(j.decoded)
			switch {
			case f == "" && d == "":
				continue
			case f == "":
				f = fixture
			case d == "":
				d = j.decoded
			}
			check(m.name, f, d, snap)
		}
		for _, u := range unreadable {
			if about(u.about) {
				check(u.name, fixture, j.decoded, u.path)
			}
		}
	}
	t.Logf("%d mutated jobs", mutated)
	if mutated < 50 {
		t.Errorf("only %d mutated jobs ran", mutated)
	}
}
