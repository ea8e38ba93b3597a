package diagnose

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
)

// fixText is every rendering of every fix of the findings of message, in
// lang (titles, policy JSON, CLI, Terraform, CloudFormation, one fix after
// the other), and the findings' notes.
func fixText(t *testing.T, message string, lang i18n.Lang) (fixes map[fix.TargetKind]string, notes string) {
	t.Helper()
	d, err := authzmsg.Parse(message)
	if err != nil {
		t.Fatal(err)
	}
	fixes = map[fix.TargetKind]string{}
	var ns []string
	for _, f := range Diagnose(d, Options{}) {
		for _, n := range f.Notes {
			ns = append(ns, i18n.Strings(lang, n.ID, n.Args...))
		}
		var all []fix.Fix
		if f.Plan != nil {
			all = append(all, f.Plan.Fixes...)
		}
		for _, fx := range append(all, f.Alternatives...) { // a finding without a plan may have candidates
			r := fx.Render.In(lang)
			fixes[fx.Target.Kind] += strings.Join(append([]string{fx.Title, fx.Target.ARN, r.PolicyJSON, r.Terraform, r.CloudFormation}, r.CLI...), "\n") + "\n"
		}
	}
	return fixes, strings.Join(ns, "\n")
}

// The comment that says how to find the value of <ACCOUNT_ID> (on the
// commands, and on the Terraform and CloudFormation that hold it) follows
// whose account the placeholder stands for, as the note does: the caller's
// is what aws sts get-caller-identity prints, run by the caller (so said
// where the policy is changed by someone else: a resource's owner, the
// management account); a resource owner's, which may be another account, is
// found from the resource (a KMS key's own account prints it) or its owner,
// never with get-caller-identity. An SCP's ARN whose account the message
// hides names the management account (<MANAGEMENT_ACCOUNT_ID>), which aws
// organizations describe-organization prints; an identity-based policy's,
// the caller's account, which the message may show, as a CloudTrail
// event's userIdentity.accountId shows the account of a redacted
// userIdentity.arn. No fix names a placeholder account (000000000000,
// 000000000001). (Before, every comment said aws sts get-caller-identity,
// and a hidden policy ARN's account came out as 000000000000, in runnable
// commands too.)
func TestRedactedAccountFinderSaysWhose(t *testing.T) {
	t.Parallel()
	const (
		caller     = "aws sts get-caller-identity --query Account --output text"
		key        = "1234abcd-12ab-34cd-56ef-1234567890ab"
		describe   = "aws kms describe-key --key-id " + key + " --query KeyMetadata.AWSAccountId --output text"
		management = "aws organizations describe-organization --query Organization.MasterAccountId --output text"
	)
	type want struct {
		kind     fix.TargetKind
		has, not []string // in English
	}
	for _, tc := range []struct {
		name, message string
		want          []want
		notes         []string
	}{
		{"key account hidden",
			"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:***:key/" + key + " because no resource-based policy allows the kms:Decrypt action",
			[]want{
				{fix.TargetKeyPolicy, []string{"<ACCOUNT_ID>: " + describe + " with credentials of the key's account, or ask the key's owner"}, []string{"get-caller-identity"}},
				{fix.TargetUserInline, []string{"# Not usable as-is: replace <ACCOUNT_ID> first. <ACCOUNT_ID>: " + describe}, []string{"get-caller-identity"}},
			}, nil},
		{"role account hidden",
			"User: arn:aws:iam::793525387755:user/ScvIntegrationUser is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::xxxxxxxxxxxx:role/Deployer",
			[]want{
				{fix.TargetUserInline, []string{"<ACCOUNT_ID>: the account ID in arn:aws:iam::<ACCOUNT_ID>:role/Deployer as the request gave it in full, or ask the resource's owner"}, []string{"get-caller-identity"}},
			}, nil},
		{"caller account hidden, bucket policy",
			"User: arn:aws:iam::***:user/bob is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no resource-based policy allows the s3:GetObject action",
			[]want{
				{fix.TargetBucketPolicy, []string{"# Not usable as-is: replace <ACCOUNT_ID> first. <ACCOUNT_ID>: " + caller + ", run with the caller's credentials"}, nil},
			}, nil},
		{"both hidden, SCP changed from the management account",
			"User: arn:aws:sts::<AcctId>:assumed-role/EC2-Default-SSM-AD-Role/i-xxxxx is not authorized to perform: ssmmessages:CreateDataChannel on resource: arn:aws:ssmmessages:us-east-1:<AcctId>:* with an explicit deny in a service control policy",
			[]want{
				{fix.TargetSCP, []string{"<ACCOUNT_ID>: " + caller + ", run with the caller's credentials, or in the management account aws organizations list-accounts --query 'Accounts[].[Id,Name]' --output text"}, nil},
			}, nil},
		{"SCP account hidden",
			"User: arn:aws:sts::123456789012:assumed-role/Admin/x is not authorized to perform: backup:StartRestoreJob on resource: arn:aws:backup:us-east-1:123456789012:recovery-point:abc with an explicit deny in a service control policy: arn:aws:organizations::***:policy/o-abc123/service_control_policy/p-abc123",
			[]want{
				{fix.TargetSCP, []string{"arn:aws:organizations::<MANAGEMENT_ACCOUNT_ID>:policy/o-abc123/service_control_policy/p-abc123"}, []string{"<ACCOUNT_ID>", "get-caller-identity"}},
			}, []string{management}},
		{"caller account hidden in the ARN, given by the CloudTrail event",
			`{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::***:user/bob","accountId":"123456789012","userName":"bob"},"eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","errorCode":"AccessDenied","errorMessage":"User: arn:aws:iam::***:user/bob is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::b/k\" because no resource-based policy allows the s3:GetObject action"}`,
			[]want{
				{fix.TargetBucketPolicy, []string{`"AWS": "arn:aws:iam::123456789012:user/bob"`}, []string{"<ACCOUNT_ID>"}},
			}, nil},
		{"identity policy account hidden",
			"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k with an explicit deny in an identity-based policy: arn:aws:iam::***:policy/DenyAll",
			[]want{
				{fix.TargetManagedPolicy, []string{"aws iam create-policy-version --policy-arn arn:aws:iam::123456789012:policy/DenyAll"}, []string{"<ACCOUNT_ID>"}},
			}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fixes, notes := fixText(t, tc.message, i18n.EN)
			for kind, text := range fixes {
				if strings.Contains(text, PlaceholderAccount) || strings.Contains(text, "000000000001") {
					t.Errorf("%s fix names a placeholder account:\n%s", kind, text)
				}
			}
			for _, w := range tc.want {
				text, ok := fixes[w.kind]
				if !ok {
					t.Errorf("no %s fix; fixes of %v", w.kind, keys(fixes))
					continue
				}
				for _, s := range w.has {
					if !strings.Contains(text, s) {
						t.Errorf("%s fix lacks %q:\n%s", w.kind, s, text)
					}
				}
				for _, s := range w.not {
					if strings.Contains(text, s) {
						t.Errorf("%s fix holds %q:\n%s", w.kind, s, text)
					}
				}
			}
			for _, s := range tc.notes {
				if !strings.Contains(notes, s) {
					t.Errorf("notes lack %q:\n%s", s, notes)
				}
			}
			// Said in every language, with no English left around the commands.
			for _, lang := range []i18n.Lang{i18n.JA, i18n.KO} {
				fixes, _ := fixText(t, tc.message, lang)
				for kind, text := range fixes {
					for _, l := range strings.Split(text, "\n") {
						if l = strings.TrimSpace(l); strings.HasPrefix(l, "#") && strings.Contains(l, "<ACCOUNT_ID>:") {
							if e := i18n.EnglishIn(lang, l); len(e) > 0 {
								t.Errorf("%s fix (%s): English %q in %q", kind, lang, e, l)
							}
						}
					}
				}
			}
		})
	}
}

func keys(m map[fix.TargetKind]string) []fix.TargetKind {
	var ks []fix.TargetKind
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
