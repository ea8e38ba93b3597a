package cli

import (
	"strings"
	"testing"
)

// Help goes to stdout with exit 0, for denied and for each command, by
// -h, --help and denied help COMMAND; flags are shown with two dashes.
func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--help"}, {"-h"}, {"help"},
		{"check", "--help"}, {"check", "-h"}, {"help", "check"},
		{"audit", "-h"}, {"collect", "-h"}, {"explain", "-h"}, {"jobs", "-h"}, {"simulate", "-h"}, {"help", "version"},
	} {
		out, errOut, code := runCLI(t, "", args...)
		if code != ExitOK || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
		if !strings.Contains(out, "Usage:") {
			t.Errorf("%v: no usage on stdout:\n%s", args, out)
		}
	}
	out, _, _ := runCLI(t, "", "--help")
	for _, c := range []string{"audit", "check", "collect", "completion", "explain", "jobs", "simulate", "version", "Exit codes: 0 success"} {
		if !strings.Contains(out, c) {
			t.Errorf("denied --help does not name %q:\n%s", c, out)
		}
	}
	out, _, _ = runCLI(t, "", "help", "check")
	for _, f := range []string{"--snapshot FILE", "--live", "--format FORMAT", "--lang LANGUAGE", "--output FILE", "--timeout DURATION", "--as ARN", "Exit 0 when every request is allowed"} {
		if !strings.Contains(out, f) {
			t.Errorf("denied help check does not show %q:\n%s", f, out)
		}
	}
	if strings.Contains(out, " -format") {
		t.Errorf("denied help check shows a flag with one dash:\n%s", out)
	}
}

// Usage errors exit 2 on stderr, name the problem and suggest the command
// or flag meant.
func TestUsageErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"Usage:", "COMMAND"}},
		{[]string{"nope"}, []string{`unknown command "nope"`, "denied --help"}},
		{[]string{"explan"}, []string{`unknown command "explan"`, "did you mean explain?"}},
		{[]string{"check", "--formt", "json"}, []string{"unknown flag: --formt", "did you mean --format?", "denied check --help"}},
		{[]string{"audit", "--snapshot", "x", "--sumary"}, []string{"unknown flag: --sumary", "did you mean --summary?"}},
		{[]string{"simulate", "-format", "json"}, []string{"-format", "two dashes: --format"}},
		{[]string{"audit", "--snapshot", auditFailing, "--timeout", "soon"}, []string{`invalid argument "soon" for "--timeout"`}},
		{[]string{"check", "restore", "--snapshot"}, []string{"flag needs an argument: --snapshot"}},
		{[]string{"help", "chek"}, []string{`no command "chek"`, "did you mean check?"}},
		{[]string{"version", "x"}, []string{`unknown command "x"`}},
	} {
		out, errOut, code := runCLI(t, "", tt.args...)
		if code != ExitUsage || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want exit 2 and nothing on stdout", tt.args, code, out)
		}
		for _, w := range tt.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr %q does not say %q", tt.args, errOut, w)
			}
		}
	}
}

// The usage errors shared through the flag groups are in the language of
// --lang, else of the environment.
func TestGroupErrorsTranslated(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "restore", "--snapshot", "x", "--format", "yaml", "--lang", "ja"}, "--format には"},
		{[]string{"jobs", "--format", "yaml", "--lang", "ko"}, "--format에는"},
		{[]string{"audit", "--snapshot", "x", "--live", "--lang", "ja"}, "同時に指定できません"},
		{[]string{"check", "restore", "--snapshot", "x", "--live", "--lang", "ko"}, "함께 지정할 수 없습니다"},
		{[]string{"collect", "--lang", "fr"}, "--lang must be en, ja or ko"},
	} {
		_, errOut, code := runCLI(t, "", tt.args...)
		if code != ExitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 with %q", tt.args, code, errOut, tt.want)
		}
	}
}

// Flags may come before or after the positional arguments; -- ends them.
func TestFlagsAnywhere(t *testing.T) {
	t.Parallel()
	const c = "../../testdata/simulate/scp-region-fence.json"
	before, _, code1 := runCLI(t, "", "simulate", "--format", "json", c)
	after, _, code2 := runCLI(t, "", "simulate", c, "--format", "json")
	dash, _, code3 := runCLI(t, "", "simulate", "--format", "json", "--", c)
	if code1 != 0 || code2 != 0 || code3 != 0 || before != after || before != dash || !strings.HasPrefix(before, "{") {
		t.Errorf("exits %d %d %d; outputs differ:\n%s\n%s\n%s", code1, code2, code3, before, after, dash)
	}
}

// denied completion writes the completion script of each shell; the
// script completes commands and flags through denied __complete.
func TestCompletion(t *testing.T) {
	t.Parallel()
	for shell, want := range map[string]string{"bash": "__denied_", "zsh": "#compdef denied", "fish": "complete -c denied", "powershell": "Register-ArgumentCompleter"} {
		out, errOut, code := runCLI(t, "", "completion", shell)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("completion %s: exit %d, %q not in the script (stderr %q)", shell, code, want, errOut)
		}
	}
	out, _, _ := runCLI(t, "", "__complete", "ch")
	if !strings.Contains(out, "check") {
		t.Errorf("commands not completed:\n%s", out)
	}
	out, _, _ = runCLI(t, "", "__complete", "audit", "--for")
	if !strings.Contains(out, "--format") {
		t.Errorf("flags not completed:\n%s", out)
	}
	out, _, _ = runCLI(t, "", "__complete", "audit", "--format", "")
	for _, f := range []string{"sarif", "junit", "text"} {
		if !strings.Contains(out, f+"\n") {
			t.Errorf("--format values not completed (%s):\n%s", f, out)
		}
	}
	out, _, _ = runCLI(t, "", "__complete", "explain", "--lang", "")
	if !strings.Contains(out, "ja\n") {
		t.Errorf("--lang values not completed:\n%s", out)
	}
	out, _, _ = runCLI(t, "", "__complete", "check", "create-v")
	if !strings.Contains(out, "create-vault") {
		t.Errorf("operations not completed:\n%s", out)
	}
}

// -v and --version print the version, as denied version does.
func TestVersionFlag(t *testing.T) {
	t.Parallel()
	want, _, _ := runCLI(t, "", "version")
	for _, f := range []string{"-v", "--version"} {
		if out, _, code := runCLI(t, "", f); code != 0 || out != want {
			t.Errorf("%s: exit %d, %q; want %q", f, code, out, want)
		}
	}
}
