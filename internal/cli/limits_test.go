package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/simulate"
)

// TestSimulateCaseOverLimit: a case file over simulate.MaxLine is refused
// with the limit, not with a JSON error at the cut.
func TestSimulateCaseOverLimit(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "big.json")
	head := `{"action":"s3:GetObject","resource":"arn:aws:s3:::b/k","pad":"`
	body := head + strings.Repeat("a", simulate.MaxLine) + `"}`
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCLI(t, "", "simulate", path)
	if code != ExitUsage || !strings.Contains(errOut, path+": case larger than 64 MiB") {
		t.Fatalf("exit %d, %q; want %d and the limit", code, errOut, ExitUsage)
	}
	if strings.Contains(errOut, "JSON") {
		t.Fatalf("error %q speaks of JSON: it should name the limit only", errOut)
	}
}

// bigCloudTrail returns a CloudTrail log of n copies of a real denial event
// (testdata/messages/cloudtrail/stratus-records.json), each with its own
// event ID and pad bytes of data CloudTrail may carry (additionalEventData).
func bigCloudTrail(t *testing.T, n, pad int) string {
	t.Helper()
	raw, err := os.ReadFile("../../testdata/messages/cloudtrail/stratus-records.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Records []map[string]any }
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var ev map[string]any
	for _, r := range doc.Records {
		if r["errorCode"] != nil {
			ev = r
		}
	}
	var b strings.Builder
	b.WriteString(`{"Records":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		ev["eventID"] = fmt.Sprintf("00000000-0000-0000-0000-%012d", i)
		ev["additionalEventData"] = map[string]any{"pad": strings.Repeat("x", pad)}
		e, _ := json.Marshal(ev)
		b.Write(e)
	}
	b.WriteString("]}\n")
	return b.String()
}

// TestExplainBigStdinCloudTrail: a CloudTrail export over 20 MiB on stdin
// gives the same explanations as the same file, one per denial.
func TestExplainBigStdinCloudTrail(t *testing.T) {
	t.Parallel()
	const n = 1200
	log := bigCloudTrail(t, n, 18<<10)
	if len(log) < 20<<20 {
		t.Fatalf("log is %d bytes, want over 20 MiB", len(log))
	}
	path := filepath.Join(t.TempDir(), "trail.json")
	if err := os.WriteFile(path, []byte(log), 0o600); err != nil {
		t.Fatal(err)
	}
	fromStdin, errOut, code := runCLI(t, log, "explain", "--no-decode", "--format", "json")
	if code != 0 {
		t.Fatalf("stdin: exit %d: %s", code, errOut)
	}
	fromFile, errOut, code := runCLI(t, "", "explain", "--no-decode", "--format", "json", path)
	if code != 0 {
		t.Fatalf("file: exit %d: %s", code, errOut)
	}
	if fromStdin != fromFile {
		t.Fatal("stdin and file give different explanations")
	}
	var r struct {
		Denials []struct {
			Denial struct {
				CloudTrail struct{ EventID string } `json:"cloudTrail"`
			} `json:"denial"`
		} `json:"denials"`
	}
	if err := json.Unmarshal([]byte(fromStdin), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Denials) != n {
		t.Fatalf("%d explanations, want %d", len(r.Denials), n)
	}
	if last := r.Denials[n-1].Denial.CloudTrail.EventID; last != fmt.Sprintf("00000000-0000-0000-0000-%012d", n-1) {
		t.Fatalf("last explanation is of event %q, want the last record's", last)
	}
}

// TestExplainLongTextSaysWhatIsNotRead: plain text over authzmsg.MaxText is
// explained from its start, and stderr says what was not read.
func TestExplainLongTextSaysWhatIsNotRead(t *testing.T) {
	t.Parallel()
	msg := "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: backup:StartBackupJob on resource: arn:aws:backup:us-east-1:123456789012:backup-vault:v because no identity-based policy allows the backup:StartBackupJob action\n"
	text := msg + strings.Repeat("log line\n", authzmsg.MaxText/9+10)
	out, errOut, code := runCLI(t, text, "explain", "--no-decode")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "backup:StartBackupJob") {
		t.Fatalf("output does not explain the message at the start:\n%s", out)
	}
	want := fmt.Sprintf("stdin is %d bytes of text (not JSON); only its first 1 MiB was read: what follows byte %d", len(text), authzmsg.MaxText)
	if !strings.Contains(errOut, want) {
		t.Fatalf("stderr %q; want %q", errOut, want)
	}
	// Short text: no warning.
	if _, errOut, _ := runCLI(t, msg, "explain", "--no-decode"); errOut != "" {
		t.Fatalf("stderr %q for short text, want nothing", errOut)
	}
}
