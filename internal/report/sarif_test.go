package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/deniedhq/denied/audit"
)

// More results than GitHub accepts in a run: the most severe 25,000 are
// kept, the run says how many there were, and the writer warns.
func TestAuditSARIFTruncated(t *testing.T) {
	rep := audit.Report{Account: "111122223333"}
	for i := range SARIFMaxResults + 10 {
		it := audit.Item{Kind: audit.KindRecoveryPoint, ARN: fmt.Sprintf("arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-%d", i), Result: audit.Fail}
		it.Findings = []audit.Finding{{RuleID: "iam.identity-implicit", Severity: audit.High, Action: "ec2:CreateTags", Resource: "*"}}
		if i >= SARIFMaxResults {
			it.Findings[0].RuleID, it.Findings[0].Severity = "sts.assume-role", audit.Critical
		}
		rep.Items = append(rep.Items, it)
	}
	var b bytes.Buffer
	var warned []string
	o := Options{Lang: "en", Warn: func(msg string) { warned = append(warned, msg) }}
	if err := Write(&b, SARIF, &Audit{Report: rep}, o); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results    []struct{ RuleID string }
			Properties struct{ Truncated map[string]int }
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	tr := run.Properties.Truncated
	if len(run.Results) != SARIFMaxResults || tr["results"] != SARIFMaxResults+10 || tr["kept"] != SARIFMaxResults || run.Results[0].RuleID != "sts.assume-role" ||
		run.Results[9].RuleID != "sts.assume-role" || run.Results[10].RuleID != "iam.identity-implicit" {
		t.Errorf("%d results, %v, first %s", len(run.Results), tr, run.Results[0].RuleID)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "25000") {
		t.Errorf("warnings %q", warned)
	}
}

// A document has the formats it has: asking for another is an error,
// not an empty report.
func TestWriteUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, SARIF, &Check{}, Options{Lang: "en"}); err == nil || b.Len() != 0 {
		t.Errorf("check as SARIF: %v, %q", err, b.String())
	}
	if err := Write(&b, Format("yaml"), &Audit{}, Options{Lang: "en"}); err == nil || b.Len() != 0 {
		t.Errorf("audit as yaml: %v, %q", err, b.String())
	}
}
