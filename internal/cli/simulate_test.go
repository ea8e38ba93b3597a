package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// testNow is the clock of the tests of check, audit, explain and simulate.
func testNow() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

// runCLI runs denied with the test clock and the production AWS clients.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	return runCLIWith(t, Deps{Now: testNow}, stdin, args...)
}

// runCLIWith runs denied with deps, an empty environment and stdin.
func runCLIWith(t *testing.T, deps Deps, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Deps: deps}
	err := Run(context.Background(), env, args)
	if err != nil && err.Error() != "" {
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), ExitCode(err)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestSimulateGolden(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../../testdata/simulate/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".json")
		for _, format := range []string{"text", "json"} {
			t.Run(base+"/"+format, func(t *testing.T) {
				out, errOut, code := runCLI(t, "", "simulate", "--format", format, f)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				ext := ".txt"
				if format == "json" || strings.HasPrefix(base, "custom-policy") {
					ext = ".json"
				}
				if strings.HasPrefix(base, "custom-policy") && format == "text" {
					return
				}
				golden(t, "simulate/"+base+ext, out)
			})
		}
	}
}

func TestSimulateJSONL(t *testing.T) {
	t.Parallel()
	good, err := os.ReadFile("../../testdata/simulate/scp-region-fence.json")
	if err != nil {
		t.Fatal(err)
	}
	line := string(bytes.Join(bytes.Fields(good), []byte(" ")))
	in := line + "\n{\"id\":\"bad\",\"request\":{\"principal\":\"nobody\",\"action\":\"s3:GetObject\"}}\n\nnot json\n" + strings.Replace(line, "scp-region-fence", "again", 1) + "\n"
	out, errOut, code := runCLI(t, in, "simulate", "--jsonl")
	if code != ExitUsage {
		t.Errorf("exit %d, want %d (a bad line)", code, ExitUsage)
	}
	if !strings.Contains(errOut, "2 of 4 cases") {
		t.Errorf("stderr %q does not count the bad cases", errOut)
	}
	golden(t, "simulate/jsonl.jsonl", out)
}

func TestSimulateUsage(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		in   string
		code int
		msg  string
	}{
		{[]string{"simulate", "--format", "yaml"}, "", ExitUsage, "--format must be text or json"},
		{[]string{"simulate", "a", "b"}, "", ExitUsage, "one file"},
		{[]string{"simulate", "/nonexistent/case.json"}, "", ExitUsage, "no such file"},
		{[]string{"simulate"}, "", ExitUsage, "no case to simulate"},
		{[]string{"simulate"}, `{"request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject"},"identityPolicies":[{"document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","action":"*","Resource":"*"}]}}]}`, ExitUsage, "/identityPolicies/0/document/Statement/0"},
		{[]string{"simulate"}, `{"request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject"},"bogus":1}`, ExitUsage, `unknown field "bogus"`},
		{[]string{"nope"}, "", ExitUsage, `unknown command "nope"`},
	} {
		_, errOut, code := runCLI(t, tt.in, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d containing %q", tt.args, code, errOut, tt.code, tt.msg)
		}
	}
}
