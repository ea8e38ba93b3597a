package cli

import (
	"encoding/json"
	"encoding/xml"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/deniedhq/denied/preflight"
)

const (
	auditS3   = "../../testdata/audit/s3.json"
	auditS3RP = "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-bucket"
)

// An audit of an S3 recovery point says, for that item, that the restore's
// destination bucket policy is not verified (no snapshot holds it): the
// facts check lists under "To verify", in every format, non-failing (exit
// 0, no SARIF result, no JUnit failure), and the clean summary counts the
// items and facts and names the bucket policy. It printed the clean
// summary alone, and the JSON had no item to say it of.
func TestAuditToVerifyS3DestinationBucketPolicy(t *testing.T) {
	t.Parallel()
	for lang, want := range map[string][]string{
		"en": {"[bucketPolicy] The destination bucket policy must allow the restore role.",
			"1 item depends on 6 facts no snapshot holds (an S3 bucket policy among them), not verified"},
		"ja": {"[バケットポリシー]", "1 件の項目が、スナップショットにない 6 件の事実 (S3 バケットポリシーを含む)に依存し"},
		"ko": {"[버킷 정책]", "항목 1개가 스냅샷에 없는 사실 6개(S3 버킷 정책 포함)에 의존하며"},
	} {
		out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditS3, "--lang", lang)
		flat := strings.Join(strings.Fields(out), "") // lines wrap anywhere in ja and ko
		fact := strings.Index(flat, strings.Join(strings.Fields(want[0]), ""))
		if code != ExitOK || fact < 0 || !strings.Contains(flat[fact:], auditS3RP) {
			t.Fatalf("%s: exit %d, want 0 and %q, then the item %s:\n%s%s", lang, code, want[0], auditS3RP, out, errOut)
		}
		if !strings.Contains(flat, strings.Join(strings.Fields(want[1]), "")) {
			t.Errorf("%s: want %q:\n%s", lang, want[1], out)
		}
	}

	// JSON: the item, with check's "To verify" list for its restore.
	out, errOut, code := runCLI(t, "", "audit", "--snapshot", auditS3, "--format", "json")
	var rep struct {
		OK      bool
		Summary struct{ Items, Passed, ToVerify int }
		Items   []json.RawMessage
		Passed  []struct {
			ARN, Result string
			ToVerify    []preflight.Condition
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitOK {
		t.Fatalf("json: exit %d, %v:\n%s%s", code, err, out, errOut)
	}
	if !rep.OK || rep.Summary.Passed != 1 || rep.Summary.ToVerify != 1 || len(rep.Items) != 0 || len(rep.Passed) != 1 || rep.Passed[0].ARN != auditS3RP {
		t.Fatalf("json: want ok, 1 passed item with facts to verify, %s:\n%s", auditS3RP, out)
	}
	var bucket bool
	for _, c := range rep.Passed[0].ToVerify {
		bucket = bucket || c.Kind == "bucketPolicy" && c.Text == "The destination bucket policy must allow the restore role."
	}
	if !bucket {
		t.Errorf("json: no destination bucket policy to verify: %+v", rep.Passed[0].ToVerify)
	}
	// What check lists for the same restore, as check lists it.
	cout, _, _ := runCLI(t, "", "check", "restore", "--snapshot", auditS3, "--recovery-point", auditS3RP,
		"--role", "arn:aws:iam::111122223333:role/S3RestoreRole", "--format", "json")
	var check preflight.Report
	if err := json.Unmarshal([]byte(cout), &check); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(check.ToVerify, rep.Passed[0].ToVerify) {
		t.Errorf("audit's facts to verify are not check's:\naudit %+v\ncheck %+v", rep.Passed[0].ToVerify, check.ToVerify)
	}

	// --summary: the count, not the items.
	out, _, _ = runCLI(t, "", "audit", "--snapshot", auditS3, "--summary")
	if strings.Contains(out, auditS3RP) || !strings.Contains(out, "1 item depends on 6 facts no snapshot holds (an S3 bucket policy among them)") || !strings.Contains(out, "without --summary") {
		t.Errorf("--summary: want the count and no item:\n%s", out)
	}
	out, _, _ = runCLI(t, "", "audit", "--snapshot", auditS3, "--summary", "--format", "json")
	if strings.Contains(out, auditS3RP) || !strings.Contains(out, `"toVerify": 1`) {
		t.Errorf("--summary json: want the count and no item:\n%s", out)
	}

	// SARIF: a note of the run's invocation, not a result (no alert);
	// valid SARIF 2.1.0.
	out, _, code = runCLI(t, "", "audit", "--snapshot", auditS3, "--format", "sarif")
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := compileSARIFSchema(t).Validate(inst); err != nil {
		t.Errorf("sarif: %v", err)
	}
	var log struct {
		Runs []struct {
			Results     []json.RawMessage
			Invocations []struct {
				ToolExecutionNotifications []struct {
					Level     string
					Message   struct{ Text string }
					Locations []struct {
						LogicalLocations []struct{ FullyQualifiedName string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || code != ExitOK || len(log.Runs) != 1 || len(log.Runs[0].Results) != 0 ||
		len(log.Runs[0].Invocations) != 1 || len(log.Runs[0].Invocations[0].ToolExecutionNotifications) != 1 {
		t.Fatalf("sarif: exit %d, %v, want no result and one notification:\n%s", code, err, out)
	}
	// The item is the notification's location (a group of facts names
	// each item it concerns there, once).
	if n := log.Runs[0].Invocations[0].ToolExecutionNotifications[0]; n.Level != "note" || len(n.Locations) != 1 ||
		len(n.Locations[0].LogicalLocations) != 1 || n.Locations[0].LogicalLocations[0].FullyQualifiedName != auditS3RP ||
		!strings.Contains(n.Message.Text, "[bucketPolicy] The destination bucket policy must allow the restore role.") {
		t.Errorf("sarif: notification %+v", n)
	}

	// JUnit: the passing test case's output, not a failure.
	out, _, code = runCLI(t, "", "audit", "--snapshot", auditS3, "--format", "junit")
	var suites struct {
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Cases    []struct {
			Name      string    `xml:"name,attr"`
			Failure   *struct{} `xml:"failure"`
			SystemOut string    `xml:"system-out"`
		} `xml:"testsuite>testcase"`
	}
	if err := xml.Unmarshal([]byte(out), &suites); err != nil || code != ExitOK || suites.Failures+suites.Errors != 0 || len(suites.Cases) != 1 {
		t.Fatalf("junit: exit %d, %v:\n%s", code, err, out)
	}
	if c := suites.Cases[0]; c.Name != auditS3RP || c.Failure != nil || !strings.Contains(c.SystemOut, "To verify [bucketPolicy]: The destination bucket policy must allow the restore role.") {
		t.Errorf("junit: %+v", c)
	}
}
