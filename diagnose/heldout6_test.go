package diagnose

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
)

// An assumed-role principal whose ARN ends at the role (the quoter or the
// tool printing it left the session name out: "assumed-role/AppRole") is
// still the role's session: the fixes edit the layer the message names and
// name the role (no fix was proposed: the request did not evaluate,
// "an assumed-role ARN reads assumed-role/ROLE/SESSION"). A redacted role
// name stays a placeholder; no command runs with the session placeholder.
func TestSessionlessAssumedRoleFixes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		message string
		kind    fix.TargetKind
		want    string // in the first fix's policy or target
	}{
		{"User: arn:aws:sts::111122223333:assumed-role/AppRole is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:Decrypt action",
			fix.TargetKeyPolicy, "arn:aws:iam::111122223333:role/AppRole"},
		{"AccessDenied: User: arn:aws:sts::111122223333:assumed-role/AppRole is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action",
			fix.TargetRoleInline, "AppRole"},
		{"* error reading KMS Key (xxxxx): AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/xxxxx is not authorized to perform: kms:DescribeKey on resource: arn:aws:kms:us-west-2:111122223333:key/xxxxx because no resource-based policy allows the kms:DescribeKey action",
			fix.TargetKeyPolicy, "arn:aws:iam::111122223333:role/<role-name>"},
		{"User: arn:aws:sts::111122223333:assumed-role/AppRole is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no session policy allows the s3:GetObject action",
			fix.TargetSessionPolicy, "AppRole"},
	} {
		d, err := authzmsg.Parse(tc.message)
		if err != nil {
			t.Fatal(err)
		}
		var first *fix.Fix
		var all []fix.Fix
		for _, fd := range Diagnose(d, Options{}) {
			if fd.Plan != nil {
				all = append(all, fd.Plan.Fixes...)
			}
			all = append(all, fd.Alternatives...)
		}
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
		text := first.Target.Name + " " + first.Target.ARN + " " + first.Render.PolicyJSON + " " + strings.Join(first.Render.CLI, "\n")
		if !strings.Contains(text, tc.want) {
			t.Errorf("%s: first fix does not name %s:\n%s", tc.message, tc.want, text)
		}
		for _, f := range all {
			for i, c := range f.Render.CLI {
				if strings.HasPrefix(c, "#") || !strings.Contains(c, PlaceholderSession) {
					continue
				}
				if i == 0 || !strings.HasPrefix(f.Render.CLI[i-1], "#") {
					t.Errorf("%s: fix %s runs with the session placeholder unmarked: %s", tc.message, f.ID, c)
				}
			}
			for _, c := range f.Render.CLI {
				if !strings.HasPrefix(c, "#") && strings.Contains(c, "xxxxx") {
					t.Errorf("%s: fix %s runs with a redacted name: %s", tc.message, f.ID, c)
				}
			}
		}
	}
}

// A denial that names its layer but no action (the quoter redacted it,
// "perform: xxxx"; the Knowledge Center's "perform API action") says so
// in its title and cause, in every language: its title once began with
// ": explicitly denied by a service control policy" and its cause read
// "calling  on *".
func TestGenericFindingWithoutAction(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"User: arn:aws:sts::111122223333:assumed-role/Audit/s is not authorized to perform: xxxx with an explicit deny in a service control policy",
		"The IAM Entity is not authorized to perform API action on resource: arn:aws:iam::123456789012:role/Admin with an explicit deny in a service control policy",
		"User: arn:aws:iam::111122223333:user/u is not authorized to perform: *** on resource: arn:aws:s3:::b because no identity-based policy allows the *** action",
	} {
		d, err := authzmsg.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if d.Action != "" {
			t.Fatalf("%s: action %q, want none", in, d.Action)
		}
		for _, fd := range Diagnose(d, Options{}) {
			for _, lang := range i18n.Langs {
				title := i18n.Strings(lang, fd.Title.ID, fd.Title.Args...)
				cause := i18n.Strings(lang, fd.Cause.ID, fd.Cause.Args...)
				if strings.HasPrefix(title, ":") || strings.Contains(title, "%!") {
					t.Errorf("%s [%s]: title %q", in, lang, title)
				}
				if strings.Contains(cause, "  ") || strings.Contains(cause, " ()") || strings.Contains(cause, "%!") {
					t.Errorf("%s [%s]: cause %q", in, lang, cause)
				}
				if want := i18n.T(lang, "unknown.action"); !strings.Contains(cause, want) {
					t.Errorf("%s [%s]: cause %q does not say %q", in, lang, cause, want)
				}
			}
		}
	}
}
