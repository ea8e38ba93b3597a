package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/preflight"
)

// junitDoc is JUnit XML as a consumer reads it: the text of each
// element, not only its attributes (GitLab shows the text of <failure>,
// <error> and <skipped> and ignores their message).
type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Skipped  int `xml:"skipped,attr"`
	Cases    []struct {
		Name    string `xml:"name,attr"`
		Failure *struct {
			Message string `xml:"message,attr"`
			Text    string `xml:",chardata"`
		} `xml:"failure"`
		Error *struct {
			Message string `xml:"message,attr"`
			Text    string `xml:",chardata"`
		} `xml:"error"`
		Skipped *struct {
			Message string `xml:"message,attr"`
			Text    string `xml:",chardata"`
		} `xml:"skipped"`
		SystemOut *string `xml:"system-out"`
	} `xml:"testsuite>testcase"`
}

// junitReport is a report with one item of each kind a CI reader must be
// told about: a failure with a runnable fix, one whose fix needs a value
// the snapshot lacks, one whose fix was withheld, an item that could not
// be checked and an ignored one. Its texts hold what XML 1.0 cannot
// (control characters, invalid UTF-8) and the end of a CDATA section.
func junitReport() audit.Report {
	const rp = "arn:aws:backup:eu-west-1:111122223333:recovery-point:"
	verify := []preflight.Condition{{Kind: "bucketPolicy", Text: "The destination bucket policy must allow the restore role."}}
	runnable := &fix.Fix{Kind: fix.LeastPrivilege, Layer: "identity", Verified: true,
		Title:  "Allow iam:PassRole on arn:aws:iam::111122223333:role/AppRole in a new inline policy p on role R",
		Target: fix.Target{Kind: fix.TargetRoleInline, Name: "R"},
		Render: fix.Renderings{CLI: []string{"# a comment line", `aws iam put-role-policy --role-name R --policy-name p --policy-document '{"Statement":[]}'`}}}
	placeholder := &fix.Fix{Kind: fix.LeastPrivilege, Layer: "resource", Title: "Allow the role in the key policy",
		Target: fix.Target{Kind: fix.TargetKeyPolicy},
		Render: fix.Renderings{Placeholders: []string{"<KEY_ADMIN_ROLE>"}, CLI: []string{"# <KEY_ADMIN_ROLE>: not runnable as it is", "aws kms put-key-policy --key-id k --policy <KEY_ADMIN_ROLE>"}}}
	withheld := &preflight.Withheld{Reason: preflight.WithheldUnreadable, API: "iam:GetAccountAuthorizationDetails", Hides: account.HiddenIAM,
		Error: "AccessDenied: not authorized", Calls: []preflight.WithheldCall{
			{API: "iam:GetAccountAuthorizationDetails", Hides: account.HiddenIAM, Error: "AccessDenied: not authorized"},
			{API: "organizations:ListPolicies", Hides: account.HiddenSCPs, Error: "AWSOrganizationsNotInUseException"}}}
	finding := func(rule string) audit.Finding {
		return audit.Finding{RuleID: rule, Severity: audit.High, PrincipalARN: "arn:aws:iam::111122223333:role/R", Action: "iam:PassRole",
			Resource: "arn:aws:iam::111122223333:role/AppRole", Layer: "identity"}
	}
	fixed := finding("backup.ec2-restore-passrole")
	fixed.Message = "User: R is not authorized\x01 to perform: iam:PassRole ]]> \xff end"
	fixed.Fix = runnable
	needs := finding("kms.key-policy")
	needs.Fix = placeholder
	unfixed := finding("iam.identity-implicit")
	unfixed.FixWithheld = withheld
	ignored := finding("backup.ec2-restore-passrole")
	ignored.Ignored = "AppRole is retired"
	return audit.Report{Account: "111122223333", Region: "eu-west-1", Summary: audit.Summary{Items: 5, Failed: 3, Unchecked: 1, Ignored: 1},
		Items: []audit.Item{
			{Kind: audit.KindRecoveryPoint, ARN: rp + "rp-fix\x1b", Result: audit.Fail, Findings: []audit.Finding{fixed}, ToVerify: verify},
			{Kind: audit.KindRecoveryPoint, ARN: rp + "rp-placeholder", Result: audit.Fail, Findings: []audit.Finding{needs}},
			{Kind: audit.KindRecoveryPoint, ARN: rp + "rp-withheld", Result: audit.Fail, Findings: []audit.Finding{unfixed}},
			{Kind: audit.KindRecoveryPoint, ARN: rp + "rp-vault", Result: audit.Unchecked, ToVerify: verify,
				Unchecked: []audit.Gap{{RuleID: audit.RuleUnknownVault, Severity: audit.Medium, MsgID: "audit.gap.unknown-vault", Args: []string{"Archive"}}}},
			{Kind: audit.KindRecoveryPoint, ARN: rp + "rp-ignored", Result: audit.Ignored, Findings: []audit.Finding{ignored}},
		}}
}

// The JUnit report tells a CI reader what the other formats do: a
// <failure> holds the cause, what AWS says, the fix (the kind of policy,
// the change, the AWS CLI when it is runnable as it is, else the
// placeholders it needs) or why none is proposed (each unreadable call and
// its error), then the facts to verify; an item that could not be checked
// is an <error> with its reason, an ignored one <skipped> with its reason
// as text. The document is XML that encoding/xml parses, whatever the
// snapshot's strings hold. (Before: the failure held the cause alone.)
func TestAuditJUnitFailureText(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, JUnit, &Audit{Report: junitReport()}, Options{Lang: i18n.EN}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !utf8.ValidString(out) {
		t.Fatalf("not UTF-8:\n%q", out)
	}
	var doc junitDoc
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("JUnit is not XML: %v\n%s", err, out)
	}
	if doc.Tests != 5 || doc.Failures != 3 || doc.Errors != 1 || doc.Skipped != 1 || len(doc.Cases) != 5 {
		t.Fatalf("tests %d, failures %d, errors %d, skipped %d, cases %d:\n%s", doc.Tests, doc.Failures, doc.Errors, doc.Skipped, len(doc.Cases), out)
	}
	has := func(what, text string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", what, w, text)
			}
		}
	}
	lacks := func(what, text string, not ...string) {
		t.Helper()
		for _, w := range not {
			if strings.Contains(text, w) {
				t.Errorf("%s has %q:\n%s", what, w, text)
			}
		}
	}
	c := doc.Cases[0]
	if c.Failure == nil || c.Name != "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-fix\uFFFD" {
		t.Fatalf("case 0: %+v", c)
	}
	has("runnable fix", c.Failure.Text,
		"backup.ec2-restore-passrole: iam:PassRole by arn:aws:iam::111122223333:role/R on arn:aws:iam::111122223333:role/AppRole would be denied (identity-based policy)",
		"AWS says: User: R is not authorized\uFFFD to perform: iam:PassRole ]]> \uFFFD end",
		"Fix (verified), identity-based policy (inline policy of an IAM role): Allow iam:PassRole on arn:aws:iam::111122223333:role/AppRole in a new inline policy p on role R",
		"AWS CLI (runnable as it is):\n    # a comment line\n    aws iam put-role-policy --role-name R --policy-name p --policy-document '{\"Statement\":[]}'",
		"\n\nTo verify [bucketPolicy]: The destination bucket policy must allow the restore role.")
	if c.SystemOut != nil {
		t.Errorf("a failure's facts are in its text, not in <system-out> too (GitLab shows both): %q", *c.SystemOut)
	}

	c = doc.Cases[1]
	if c.Failure == nil {
		t.Fatalf("case 1: %+v", c)
	}
	has("fix with a placeholder", c.Failure.Text, "Fix (not verified), KMS key policy: Allow the role in the key policy",
		"Its AWS CLI command needs <KEY_ADMIN_ROLE>, which the snapshot does not hold")
	lacks("fix with a placeholder", c.Failure.Text, "aws kms put-key-policy", "runnable as it is")

	c = doc.Cases[2]
	if c.Failure == nil {
		t.Fatalf("case 2: %+v", c)
	}
	has("withheld fix", c.Failure.Text, "iam.identity-implicit: ", "No fix proposed", "(iam:GetAccountAuthorizationDetails)", "(organizations:ListPolicies)",
		"iam:GetAccountAuthorizationDetails returned: AccessDenied: not authorized", "organizations:ListPolicies returned: AWSOrganizationsNotInUseException")
	lacks("withheld fix", c.Failure.Text, "Fix (")

	c = doc.Cases[3]
	if c.Error == nil || c.Failure != nil || c.Skipped != nil || c.Error.Message != "could not be checked: unchecked.unknown-vault" {
		t.Fatalf("an item that could not be checked is an <error>, never skipped: %+v", c)
	}
	has("could not check", c.Error.Text, "unchecked.unknown-vault: vault Archive is not in the snapshot", "To verify [bucketPolicy]")

	c = doc.Cases[4]
	if c.Skipped == nil || c.Failure != nil || c.Error != nil {
		t.Fatalf("case 4: %+v", c)
	}
	if want := "ignored (backup.ec2-restore-passrole: AppRole is retired)"; c.Skipped.Message != want || c.Skipped.Text != want {
		t.Errorf("skipped: message %q, text %q; want %q as both", c.Skipped.Message, c.Skipped.Text, want)
	}
	// Readable as it is: lines and quotes, not character references.
	lacks("document", out, "&#xA;", "&#34;", "&#39;")
}

// The JUnit texts are in the report's language.
func TestAuditJUnitFailureTextLang(t *testing.T) {
	for lang, want := range map[i18n.Lang][]string{
		i18n.JA: {"修正 (検証済み)、アイデンティティベースのポリシー (IAM ロールのインラインポリシー): ", "AWS CLI (そのまま実行できます):", "修正 (未検証)、KMS キーポリシー: ", "iam:GetAccountAuthorizationDetails のエラー: "},
		i18n.KO: {"수정(검증됨), 자격 증명 기반 정책(IAM 역할의 인라인 정책): ", "AWS CLI(그대로 실행할 수 있음):", "수정(검증되지 않음), KMS 키 정책: ", "iam:GetAccountAuthorizationDetails 오류: "},
	} {
		var b bytes.Buffer
		if err := Write(&b, JUnit, &Audit{Report: junitReport()}, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		var doc junitDoc
		if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		for _, w := range want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s lacks %q:\n%s", lang, w, b.String())
			}
		}
	}
}

// xmlText leaves what XML holds as it is and replaces the rest.
func TestXMLText(t *testing.T) {
	for in, want := range map[string]string{
		"plain ]]> <&> 日本語 \t\n": "plain ]]> <&> 日本語 \t\n",
		"a\x00b\x1fc\x7fd":       "a\uFFFDb\uFFFDc\x7fd",
		"a\r\nb\rc":              "a\nb\nc",
		"bad \xff\xfe utf-8":     "bad \uFFFD\uFFFD utf-8",
		"\uFFFE\uFFFF\U0001F600": "\uFFFD\uFFFD\U0001F600",
	} {
		if got := xmlText(in); got != want {
			t.Errorf("xmlText(%q) = %q, want %q", in, got, want)
		}
	}
}
