package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/fix"
)

var auditNow = func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }

// synthetic is a snapshot where every one of n recovery points fails.
func synthetic(n int) audit.Report {
	s := account.Synthetic(1000, 1)
	account.SyntheticRecoveryPoints(s, n)
	return audit.Run(s, audit.Options{Now: auditNow, ListPassed: true})
}

// resolved is the JSON report with every fixRef replaced by its fix and
// the table dropped: the report as a whole, as json.Marshal writes it.
func resolved(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	fixes, _ := doc["fixes"].(map[string]any)
	delete(doc, "fixes")
	items, _ := doc["items"].([]any)
	for _, it := range items {
		fs, _ := it.(map[string]any)["findings"].([]any)
		for _, f := range fs {
			f := f.(map[string]any)
			ref, ok := f["fixRef"].(string)
			if !ok {
				continue
			}
			fx, ok := fixes[ref]
			if !ok {
				t.Fatalf("fixRef %q is not in the fix table", ref)
			}
			delete(f, "fixRef")
			f["fix"] = fx
		}
	}
	return doc
}

// The streamed JSON report, its fix references resolved, is the report
// audit.Run built; each fix is in the table once.
func TestAuditJSONFixTable(t *testing.T) {
	rep := synthetic(30)
	if rep.Failing == 0 {
		t.Fatalf("failing %d", rep.Failing)
	}
	var b bytes.Buffer
	if err := Write(&b, JSON, &Audit{Report: rep}, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	whole, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(whole, &want); err != nil {
		t.Fatal(err)
	}
	if got := resolved(t, b.Bytes()); !reflect.DeepEqual(got, want) {
		g, _ := json.Marshal(got)
		t.Errorf("resolved report differs:\n%.2000s\nwant\n%.2000s", g, whole)
	}
	var doc struct{ Fixes map[string]json.RawMessage }
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for ref, f := range doc.Fixes {
		var c bytes.Buffer
		json.Compact(&c, f)
		if other, dup := seen[c.String()]; dup {
			t.Errorf("fixes %s and %s are the same", ref, other)
		}
		seen[c.String()] = ref
	}
	withFix := 0
	for _, it := range rep.Items {
		for _, f := range it.Findings {
			if f.Fix != nil {
				withFix++
			}
		}
	}
	// Identical fixes are written once: fewer entries than findings.
	if len(doc.Fixes) == 0 || len(doc.Fixes) >= withFix {
		t.Errorf("%d fixes in the table for %d findings with a fix", len(doc.Fixes), withFix)
	}
}

// Identical fixes that are different values (two checks proposing the
// same change) are written once; different fixes are not merged.
func TestAuditJSONFixIdentity(t *testing.T) {
	a := &fix.Fix{ID: "x", Title: "Allow it"}
	b := &fix.Fix{ID: "x", Title: "Allow it"}
	c := &fix.Fix{ID: "x", Title: "Allow that"}
	rep := audit.Report{SchemaVersion: audit.SchemaVersion, Items: []audit.Item{
		{ARN: "a", Result: audit.Fail, Findings: []audit.Finding{{RuleID: "r", Fix: a}, {RuleID: "r2"}}},
		{ARN: "b", Result: audit.Fail, Findings: []audit.Finding{{RuleID: "r", Fix: b}, {RuleID: "r", Fix: c}}},
	}}
	var out bytes.Buffer
	if err := Write(&out, JSON, &Audit{Report: rep}, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Fixes map[string]struct{ Title string }
		Items []struct {
			Findings []struct {
				FixRef string
				Fix    json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	refs := []string{doc.Items[0].Findings[0].FixRef, doc.Items[0].Findings[1].FixRef, doc.Items[1].Findings[0].FixRef, doc.Items[1].Findings[1].FixRef}
	if len(doc.Fixes) != 2 || refs[0] != "fix-1" || refs[1] != "" || refs[2] != "fix-1" || refs[3] != "fix-2" ||
		doc.Fixes["fix-2"].Title != "Allow that" || doc.Items[0].Findings[0].Fix != nil {
		t.Errorf("fixes %v, refs %q:\n%s", doc.Fixes, refs, out.String())
	}
}

// Every format of a large report is valid and written item by item; a
// --summary JSON report has neither items nor fixes.
func TestAuditFormatsWellFormed(t *testing.T) {
	rep := synthetic(200)
	for _, f := range []Format{Text, Markdown, JSON, SARIF, JUnit} {
		var b bytes.Buffer
		if err := Write(&b, f, &Audit{Report: rep}, Options{Lang: "en"}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		switch f {
		case JSON, SARIF:
			if !json.Valid(b.Bytes()) {
				t.Errorf("%s: not JSON", f)
			}
		case JUnit:
			var s JUnitSuites
			tests := len(rep.Passed) + len(rep.Items)
			if err := xml.Unmarshal(b.Bytes(), &s); err != nil || s.Tests != tests || len(s.Suites[0].Cases) != tests || s.Failures != rep.Summary.Failed {
				t.Errorf("junit: %v, %d tests, %d failures; want %d and %d", err, s.Tests, s.Failures, tests, rep.Summary.Failed)
			}
		default:
			// Every item that did not pass is written once.
			for _, it := range []audit.Item{rep.Items[0], rep.Items[len(rep.Items)-1]} {
				if n := strings.Count(b.String(), it.ARN+" "); n != 1 {
					t.Errorf("%s: %s %d times", f, it.ARN, n)
				}
			}
		}
	}
	var b bytes.Buffer
	if err := Write(&b, JSON, &Audit{Report: rep, SummaryOnly: true}, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if _, ok := doc["items"]; ok {
		t.Error("--summary JSON has items")
	}
	if _, ok := doc["fixes"]; ok {
		t.Error("--summary JSON has fixes")
	}
}

// A write error stops the writer and is returned.
func TestAuditWriteError(t *testing.T) {
	rep := synthetic(50)
	for _, f := range []Format{Text, Markdown, JSON, SARIF, JUnit} {
		if err := Write(failingWriter{}, f, &Audit{Report: rep}, Options{Lang: "en"}); err == nil {
			t.Errorf("%s: no error", f)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write(p []byte) (int, error) { return 0, io.ErrShortWrite }

// BenchmarkAuditWrite10kFailing writes the report of 10,000 failing
// recovery points (account.SyntheticRecoveryPoints) in each format, the
// writer alone.
func BenchmarkAuditWrite10kFailing(b *testing.B) {
	rep := synthetic(10000)
	for _, f := range []Format{Text, Markdown, JSON, SARIF, JUnit} {
		b.Run(string(f), func(b *testing.B) {
			var n countWriter
			b.ReportAllocs()
			for b.Loop() {
				n = 0
				if err := Write(&n, f, &Audit{Report: rep}, Options{Lang: "en"}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/1e6, "MB-out")
		})
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// WriteAuditJSONAt writes what an Encoder without HTML escaping, indented
// as json.MarshalIndent indents, writes for a member holding Write's JSON
// as a json.RawMessage: "<", ">" and "&" as Write writes them, indented at
// the member's depth, byte for byte (the organization's JSON is built so).
func TestAuditJSONAtIsMarshalIndent(t *testing.T) {
	rep := synthetic(5)
	rep.Items[0].ARN = "arn:<&>\u2028"
	rep.Items[0].Findings = append([]audit.Finding{{RuleID: "r<1>", Fix: &fix.Fix{ID: "a&b", Title: "<Allow> it & more"}}}, rep.Items[0].Findings...)
	for _, summary := range []bool{false, true} {
		doc := &Audit{Report: rep, SummaryOnly: summary}
		var whole bytes.Buffer
		if err := Write(&whole, JSON, doc, Options{Lang: "en"}); err != nil {
			t.Fatal(err)
		}
		type member struct {
			ID     string          `json:"id"`
			Report json.RawMessage `json:"report"`
		}
		var wb bytes.Buffer
		enc := json.NewEncoder(&wb)
		enc.SetEscapeHTML(false)
		enc.SetIndent("    ", "  ")
		if err := enc.Encode(member{"x", bytes.TrimSpace(whole.Bytes())}); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimSuffix(wb.Bytes(), []byte("\n"))
		var got bytes.Buffer
		got.WriteString("{\n      \"id\": \"x\",\n      \"report\": ")
		if err := WriteAuditJSONAt(&got, doc, Options{Lang: "en"}, 3); err != nil {
			t.Fatal(err)
		}
		got.WriteString("\n    }")
		if !summary && (!bytes.Contains(got.Bytes(), []byte("arn:<&>")) || !bytes.Contains(got.Bytes(), []byte(`"<Allow> it & more"`)) ||
			bytes.Contains(got.Bytes(), []byte(`\u003c`)) || bytes.Contains(got.Bytes(), []byte(`\u0026`))) {
			t.Fatalf("the report's \"<&>\" is not written as it is:\n%s", got.Bytes())
		}
		if !bytes.Equal(got.Bytes(), want) {
			i := 0
			for i < got.Len() && i < len(want) && got.Bytes()[i] == want[i] {
				i++
			}
			t.Errorf("summary %v: differs at byte %d:\n%.300s\nwant\n%.300s", summary, i, got.Bytes()[max(0, i-100):], want[max(0, i-100):])
		}
	}
}
