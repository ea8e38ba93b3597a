package diagnose

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/policy"
)

// allFixes is every fix of the findings, in the order the report shows
// them.
func allFixes(fs []Finding) []fix.Fix {
	var out []fix.Fix
	for _, fd := range fs {
		if fd.Plan != nil {
			out = append(out, fd.Plan.Fixes...)
		}
		out = append(out, fd.Alternatives...)
	}
	return out
}

func hasFindingMsg(fs []Finding, id string) bool {
	for _, fd := range fs {
		if hasMsg(fd.Notes, id) || hasMsg(fd.Checks, id) {
			return true
		}
	}
	return false
}

// A message that does not say who was denied (no principal, "User
// xxxxxxx", "User: [redacted]") but names its layer gets that layer's fix
// all the same (none was proposed: the request did not evaluate without a
// principal ARN): an identity-based fix is rendered for a role and for a
// user, each command with its placeholder (<role-name>, <user-name>) and
// marked not runnable with how to find the value; a resource-based
// policy's statement names <principal-arn>; no command or policy holds
// the message's placeholder, the stand-in's name or its ARN; a note says
// what the tokens stand for. A KMS key the message names only as "the
// resource associated with this ciphertext", or as "[redacted]", is a key
// of placeholders, not "*".
func TestUnnamedPrincipalFixes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		message string
		kind    fix.TargetKind // of the first policy fix
		want    []string       // in its renderings
	}{
		{"because no identity-based policy allows the iam:PassRole action(Service:Lambda, status code:403)",
			fix.TargetIdentityPolicy, []string{"aws iam put-role-policy --role-name <role-name> ", "aws iam put-user-policy --user-name <user-name> "}},
		{"User xxxxxxx is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because no identity-based policy allows the kms:Decrypt action",
			fix.TargetIdentityPolicy, []string{"aws iam put-role-policy --role-name <role-name> ", `"Resource":"arn:aws:kms:<region>:<ACCOUNT_ID>:key/<key-id>"`, `resource "aws_iam_user_policy"`, "AWS::IAM::RolePolicy"}},
		{"An error occurred (AccessDeniedException) when calling the GetKeyRotationStatus operation: User: [redacted] is not authorized to perform: kms:GetKeyRotationStatus on resource: [redacted] because no resource-based policy allows the kms:GetKeyRotationStatus action",
			fix.TargetKeyPolicy, []string{`"AWS": "<principal-arn>"`, "aws kms put-key-policy --key-id 'arn:aws:kms:<region>:<ACCOUNT_ID>:key/<key-id>'"}},
		{"User: xxxx is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k with an explicit deny in an identity-based policy",
			fix.TargetIdentityPolicy, []string{"aws iam list-role-policies --role-name <role-name>", "aws iam list-user-policies --user-name <user-name>", `"aws:PrincipalArn": "<principal-arn>"`}},
	} {
		fs := Diagnose(parse(t, tc.message), Options{})
		checkMsgs(t, fs)
		var first *fix.Fix
		all := allFixes(fs)
		for i := range all {
			if fixLayerOf(all[i]) != "" {
				first = &all[i]
				break
			}
		}
		if first == nil {
			t.Errorf("%s: no policy fix", tc.message)
			continue
		}
		if first.Target.Kind != tc.kind {
			t.Errorf("%s: first fix edits %s, want %s", tc.message, first.Target.Kind, tc.kind)
		}
		if first.Statement != nil && first.Original == nil && (fs[0].Plan == nil || !fs[0].Plan.Verified) {
			t.Errorf("%s: plan of fix %s not verified", tc.message, first.ID)
		}
		var notes []string
		for _, n := range first.Notes {
			notes = append(notes, n.Text)
		}
		text := first.Render.PolicyJSON + "\n" + strings.Join(first.Render.CLI, "\n") + "\n" + first.Render.Terraform + "\n" + first.Render.CloudFormation + "\n" + strings.Join(notes, "\n")
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: fix %s does not hold %q:\n%s", tc.message, first.ID, w, text)
			}
		}
		for _, f := range all {
			checkFix(t, tc.message, f)
			for _, lang := range i18n.Langs {
				r := f.Render.In(lang)
				body := strings.Join(r.CLI, "\n") + r.PolicyJSON + r.Terraform + r.CloudFormation + f.Title
				for _, bad := range []string{"xxxx", "[redacted]", fix.UnknownPrincipalName, standInPrincipal, "user/<", "000000000000"} {
					if strings.Contains(body, bad) {
						t.Errorf("%s: fix %s (%s) holds %q:\n%s", tc.message, f.ID, lang, bad, body)
					}
				}
			}
		}
		if !hasFindingMsg(fs, "note.principal-unknown") {
			t.Errorf("%s: no note says who the fixes are for", tc.message)
		}
	}
}

// A KMS message that names the key only as "the resource associated with
// this ciphertext" is read so (Denial.CiphertextKey), and its cause says
// the KMS key of the ciphertext, in every language, not "on *"; the fix
// names a key of placeholders (its owner may be another account).
func TestCiphertextKeyCause(t *testing.T) {
	t.Parallel()
	d := parse(t, "User: arn:aws:iam::111122223333:user/u is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because no identity-based policy allows the kms:Decrypt action")
	if !d.CiphertextKey || d.Resource != "" {
		t.Fatalf("CiphertextKey %v, resource %q", d.CiphertextKey, d.Resource)
	}
	fs := Diagnose(d, Options{})
	if len(fs) == 0 {
		t.Fatal("no finding")
	}
	for _, lang := range i18n.Langs {
		cause := i18n.Strings(lang, fs[0].Cause.ID, fs[0].Cause.Args...)
		if strings.Contains(cause, " *") || !strings.Contains(cause, "KMS") {
			t.Errorf("[%s] cause %q", lang, cause)
		}
	}
	first := allFixes(fs)[0]
	if first.Target.Kind != fix.TargetUserInline || !strings.Contains(first.Render.PolicyJSON, `"arn:aws:kms:<region>:<ACCOUNT_ID>:key/<key-id>"`) {
		t.Errorf("fix %s on %+v:\n%s", first.ID, first.Target, first.Render.PolicyJSON)
	}
}

// An SCP's explicit deny whose message redacts the action ("perform:
// xxxx") gets the SCP's fix that does not depend on the action, the
// exemption of the principal from the Deny (none was proposed), and the
// steps that find the SCPs and the Deny (list-parents,
// list-policies-for-target, describe-policy); no Allow of a placeholder
// action is offered, and a note says what the placeholder stands for.
func TestSCPActionUnnamedFix(t *testing.T) {
	t.Parallel()
	fs := Diagnose(parse(t, "(Client.UnauthorizedOperation) `ou are not authorized to perform this operation. User: arn:aws:sts::xxxx:assumed-role/cloudbeat-securityaudit/aws-go-sdk-xxxx is not authorized to perform: xxxx with an explicit deny in a service control policy`"), Options{})
	checkMsgs(t, fs)
	all := allFixes(fs)
	if len(all) == 0 || all[0].Target.Kind != fix.TargetSCP || all[0].ID != "scp-exempt" {
		t.Fatalf("fixes %+v", all)
	}
	if !strings.Contains(all[0].Title, "role/cloudbeat-securityaudit") {
		t.Errorf("title %q", all[0].Title)
	}
	for _, f := range all {
		if strings.Contains(f.Render.PolicyJSON, PlaceholderAction) || f.Statement != nil && f.Statement.Effect == policy.Allow {
			t.Errorf("fix %s allows the placeholder action:\n%s", f.ID, f.Render.PolicyJSON)
		}
	}
	if !hasFindingMsg(fs, "note.action-unknown") || !hasFindingMsg(fs, "generic.scp.find-deny") {
		t.Errorf("notes/checks %+v", fs)
	}
	for _, fd := range fs {
		for _, m := range fd.Checks {
			if m.ID != "generic.scp.find-deny" {
				continue
			}
			b, _ := json.Marshal(m.Args)
			for _, w := range []string{"list-parents", "list-policies-for-target", "describe-policy"} {
				if !strings.Contains(string(b), w) {
					t.Errorf("steps %s do not say %s", b, w)
				}
			}
		}
	}
}
