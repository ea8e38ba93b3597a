package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
)

// buildDenied builds the command into a temporary folder.
func buildDenied(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "denied")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// The process maps errors to the documented exit codes and prints them
// on stderr.
func TestExitCodes(t *testing.T) {
	bin := buildDenied(t)
	for _, tt := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"version"}, 0, ""},
		{[]string{"simulate", "../../examples/restore-passrole.json"}, 0, ""},
		{[]string{"nope"}, 2, "unknown command"},
		{nil, 2, "Usage:"},
		{[]string{"--help"}, 0, ""},
		{[]string{"help", "check"}, 0, ""},
		{[]string{"check", "--formt", "json"}, 2, "did you mean --format?"},
		{[]string{"completion", "zsh"}, 0, ""},
		{[]string{"simulate", "/nonexistent"}, 2, "no such file"},
		{[]string{"explain", "--no-decode", "../../testdata/messages/decoded/zatoima-wrapper.json"}, 0, ""},
	} {
		cmd := exec.Command(bin, tt.args...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		if code != tt.code || !strings.Contains(stderr.String(), tt.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.err)
		}
	}
}

// BenchmarkExplainColdProcess runs `denied explain` on a decoded message
// in a new process each time, with no network: the target is under 50 ms.
func BenchmarkExplainColdProcess(b *testing.B) {
	bin := buildDenied(b)
	input := "../../testdata/messages/decoded/zatoima-wrapper.json"
	if _, err := os.Stat(input); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out, err := exec.Command(bin, "explain", "--no-decode", input).CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/process")
}

// The linker's dead-code elimination stays on: nothing reachable looks
// methods up by name (text/template does: a cobra usage or version template
// would keep every exported method of the AWS SDK, 15 MB). iam's
// CreateUser is never called (denied only reads), so it must not be linked.
func TestDeadCodeEliminated(t *testing.T) {
	bin := buildDenied(t)
	out, err := exec.Command("go", "tool", "nm", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "service/iam.(*Client).CreateUser\n") {
		t.Error("the binary links iam's CreateUser: dead-code elimination is off (a text/template reached from main?)")
	}
}

// BenchmarkAudit10kFailing runs `denied audit` in a new process on a
// snapshot of 10,000 roles and 10,000 recovery points that all fail
// (account.SyntheticRecoveryPoints), once per format, writing the report
// to a file: wall time, peak RSS and report size. DENIED_BASELINE=BIN runs
// another binary (one built from main, say) on the same snapshot in the
// same run. Run it once: -benchtime 1x.
func BenchmarkAudit10kFailing(b *testing.B) {
	dir := b.TempDir()
	snap := filepath.Join(dir, "snapshot.json")
	s := account.Synthetic(10000, 1)
	account.SyntheticRecoveryPoints(s, 10000)
	if err := account.WriteFile(snap, s); err != nil {
		b.Fatal(err)
	}
	bins := [][2]string{{"denied", buildDenied(b)}}
	if base := os.Getenv("DENIED_BASELINE"); base != "" {
		bins = append(bins, [2]string{"baseline", base})
	}
	for _, format := range []string{"text", "json", "markdown", "sarif", "junit"} {
		for _, bin := range bins {
			b.Run(format+"/"+bin[0], func(b *testing.B) {
				out := filepath.Join(dir, "report."+format)
				var peak int64
				var wall time.Duration
				for b.Loop() {
					cmd := exec.Command(bin[1], "audit", "--snapshot", snap, "--format", format, "--output", out)
					start := time.Now()
					err := cmd.Run()
					wall += time.Since(start)
					if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
						b.Fatalf("exit: %v (want 1: every recovery point fails)", err)
					}
					if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
						peak = max(peak, ru.Maxrss) // KiB on Linux
					}
				}
				fi, err := os.Stat(out)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(wall.Seconds()/float64(b.N), "s/process")
				b.ReportMetric(float64(peak)/1024, "peak-MiB")
				b.ReportMetric(float64(fi.Size())/1e6, "MB-out")
			})
		}
	}
}
