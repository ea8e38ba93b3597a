// Package cli holds denied's commands: each is an input struct of parsed
// flags, a function that binds them, and a run function that takes its
// dependencies as arguments.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"
)

// Version is set at build time.
var Version = "dev"

// Env is what a command may touch: its streams and environment.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether Stdout is a terminal (for colour).
	IsTerminal bool
	// TermWidth is the width of the terminal Stdout is, in columns; 0
	// when Stdout is not a terminal or its size is not known.
	TermWidth int
}

// DefaultWidth is the width text output is wrapped to when Stdout is not
// a terminal and COLUMNS does not say otherwise.
const DefaultWidth = 100

// MinWidth is the narrowest width COLUMNS may ask for.
const MinWidth = 20

// Width returns the number of columns text output is wrapped to: COLUMNS
// when it is a whole number of at least MinWidth, else the terminal's
// width when Stdout is a terminal, else DefaultWidth.
func (e *Env) Width() int {
	if e.Getenv != nil {
		if n, err := strconv.Atoi(strings.TrimSpace(e.Getenv("COLUMNS"))); err == nil && n >= MinWidth {
			return n
		}
	}
	if e.TermWidth >= MinWidth {
		return e.TermWidth
	}
	return DefaultWidth
}

// DefaultEnv is the process's environment.
func DefaultEnv() *Env {
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		env.IsTerminal = true
		if w, _, err := term.GetSize(fd); err == nil {
			env.TermWidth = w
		}
	}
	return env
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

func commands() []command {
	return []command{

		{"audit", "check every recovery point and backup selection of a snapshot for restores that would fail", runAudit},
		{"check", "check whether an AWS Backup operation would be allowed, with fixes", runCheck},
		{"collect", "take a read-only snapshot of an account through the AWS SDK", runCollect},
		{"explain", "explain an access-denied error: cause, layer and a verified fix", runExplain},
		{"jobs", "explain why the account's failed AWS Backup jobs failed, grouped by cause", runJobs},
		{"simulate", "evaluate one request against its policies (the engine)", runSimulate},
		{"version", "print the version", func(_ context.Context, env *Env, _ []string) error {
			fmt.Fprintf(env.Stdout, "denied %s\n", Version)
			return nil
		}},
	}
}

const usageText = `denied: why AWS said no, and how to fix it.

Usage: denied COMMAND [flags] [args]

Commands:
%s
Run 'denied COMMAND -h' for a command's flags.
Exit codes: 0 success, 1 something would be denied, 2 bad input or usage, 3 AWS or runtime failure,
4 something could not be checked (check, audit; 1 takes precedence).
`

func usage(w io.Writer) {
	var b strings.Builder
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, usageText, b.String())
}

// Run runs denied with args (without the program name).
func Run(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		usage(env.Stderr)
		return &Error{Code: ExitUsage, Err: errSilent}
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(env.Stdout)
		return nil
	case "-v", "--version":
		args = []string{"version"}
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	usage(env.Stderr)
	return usageErr("unknown command %q", args[0])
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(env *Env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: denied %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses flags that may come before or after the positional
// arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, &Error{Code: ExitOK, Err: errSilent}
			}
			return nil, &Error{Code: ExitUsage, Err: errSilent}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
