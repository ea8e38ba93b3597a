// Package cli holds denied's commands on spf13/cobra and pflag: each
// command binds the flag groups it shares with the others (flags.go), checks
// them and runs with what its Env gives it (streams, environment, and in
// Env.Deps the clock and the AWS clients, so tests run in parallel), and
// maps every error to one exit code (errors.go).
//
// It binds and runs only: evaluation, diagnosis and rendering live in their
// own packages (internal/report writes every output). Only cmd/denied
// imports it; it is the only package that imports cobra and pflag, and it
// must not use text/template (see usage), which would turn off the linker's
// dead-code elimination.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/deniedhq/denied/authzmsg"
	authzsts "github.com/deniedhq/denied/authzmsg/sts"
	"github.com/deniedhq/denied/internal/collect"
	"github.com/deniedhq/denied/internal/editdist"
	"github.com/deniedhq/denied/jobs/awsjobs"
)

// Version is set at build time.
var Version = "dev"

// Env is what a command may touch: its streams, its environment and its
// dependencies. Tests give each run its own Env, so they run in parallel.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether Stdout is a terminal (for colour).
	IsTerminal bool
	// StderrIsTerminal reports whether Stderr is a terminal (progress
	// lines are rewritten in place there).
	StderrIsTerminal bool
	// TermWidth is the width of the terminal Stdout is, in columns; 0
	// when Stdout is not a terminal or its size is not known.
	TermWidth int
	// Deps are the clock and the AWS clients; a nil field takes its
	// production default.
	Deps Deps
	// SetGCPercent sets the process's garbage-collection percentage and
	// returns the previous one (debug.SetGCPercent in DefaultEnv); nil
	// leaves the collector alone (tests, embedders).
	SetGCPercent func(int) int
}

// Deps are what commands reach outside the process with, and the clock.
// A nil or zero field takes its production default (see withDefaults).
type Deps struct {
	// Now is the clock of check, audit, explain, jobs and simulate; nil
	// means time.Now.
	Now func() time.Time
	// STSDecoder builds the STS port that decodes encoded authorization
	// messages (explain, jobs).
	STSDecoder func(ctx context.Context, profile, region string) (authzmsg.Decoder, error)
	// JobsClient builds the AWS Backup client of denied jobs, each attempt
	// of a call bounded by callTimeout (--call-timeout).
	JobsClient func(ctx context.Context, profile, region string, callTimeout time.Duration) (awsjobs.API, error)
	// CollectClients builds the AWS clients of a collection (collect, and
	// check, audit and explain with --live).
	CollectClients func(ctx context.Context, o collect.SDKOptions) (*collect.Clients, error)
	// OrgSource builds the AWS clients of collect --org.
	OrgSource func(ctx context.Context, o collect.OrgSDKOptions) (*collect.OrgSource, error)
	// ProgressEvery is how often a progress line is written when stderr
	// is not a terminal; 0 means every 10 seconds.
	ProgressEvery time.Duration
}

// withDefaults returns d with the production default of every unset field.
func (d Deps) withDefaults() Deps {
	if d.STSDecoder == nil {
		d.STSDecoder = func(ctx context.Context, profile, region string) (authzmsg.Decoder, error) {
			return authzsts.New(ctx, authzsts.Options{Profile: profile, Region: region})
		}
	}
	if d.JobsClient == nil {
		d.JobsClient = newJobsClient
	}
	if d.CollectClients == nil {
		d.CollectClients = collect.NewSDKClients
	}
	if d.OrgSource == nil {
		d.OrgSource = collect.NewSDKOrg
	}
	if d.ProgressEvery <= 0 {
		d.ProgressEvery = 10 * time.Second
	}
	return d
}

// now is the time on the clock of d.
func (d Deps) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

// DefaultEnv is the process's environment.
func DefaultEnv() *Env {
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, SetGCPercent: debug.SetGCPercent}
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		env.IsTerminal = true
		if w, _, err := term.GetSize(fd); err == nil {
			env.TermWidth = w
		}
	}
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		env.StderrIsTerminal = true
	}
	return env
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

const rootLong = `denied: why AWS said no, and how to fix it.

Exit codes: 0 success, 1 something would be denied, 2 bad input or usage, 3 AWS or runtime failure,
4 something could not be checked (check, audit, jobs, explain --snapshot or --live; 1 takes
precedence).`

// usage writes the usage of c: its synopsis, examples, subcommands and
// flags. It is Go code, not one of cobra's templates: text/template's
// method lookups by name would keep every exported method of the AWS SDK
// in the binary (cobra's own default avoids them the same way).
func usage(c *cobra.Command) error {
	var b strings.Builder
	b.WriteString("Usage:\n")
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "  %s COMMAND [flags] [args]\n", c.CommandPath())
	} else {
		fmt.Fprintf(&b, "  %s\n", c.UseLine())
	}
	if c.HasExample() {
		fmt.Fprintf(&b, "\nExamples:\n%s\n", c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\nCommands:\n")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "  %-*s %s\n", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(&b, "\nFlags:\n%s\n", strings.TrimRight(c.LocalFlags().FlagUsages(), " \n"))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(&b, "\nGlobal flags:\n%s\n", strings.TrimRight(c.InheritedFlags().FlagUsages(), " \n"))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\nRun '%[1]s help COMMAND' or '%[1]s COMMAND --help' for a command's flags.\n", c.CommandPath())
	}
	_, err := io.WriteString(c.OutOrStderr(), b.String())
	return err
}

// runErr marks an error returned by a command's run function, as opposed
// to one of cobra's (an unknown command, a bad flag), which is a usage
// error.
type runErr struct{ err error }

func (e *runErr) Error() string { return e.err.Error() }

// runE adapts a command's run function to cobra.
func runE(fn func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if err := fn(cmd, args); err != nil {
			return &runErr{err}
		}
		return nil
	}
}

// newRoot builds the command tree of denied for env.
func newRoot(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:           "denied",
		Short:         "why AWS said no, and how to fix it",
		Long:          rootLong,
		SilenceErrors: true,
		SilenceUsage:  true,
		// A command is needed: without one (and without --version), the
		// usage on stderr and exit 2.
		RunE: runE(func(cmd *cobra.Command, _ []string) error {
			if v, _ := cmd.Flags().GetBool("version"); v {
				fmt.Fprintf(env.Stdout, "denied %s\n", Version)
				return nil
			}
			cmd.SetOut(env.Stderr)
			_ = cmd.Usage()
			return &Error{Code: ExitUsage, Err: errSilent}
		}),
	}
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetUsageFunc(usage)
	root.Flags().BoolP("version", "v", false, "print the version")
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(
		newAuditCmd(env),
		newCheckCmd(env),
		newCollectCmd(env),
		newExplainCmd(env),
		newJobsCmd(env),
		newSimulateCmd(env),
		&cobra.Command{
			Use:   "version",
			Short: "print the version",
			Args:  cobra.NoArgs,
			RunE: runE(func(*cobra.Command, []string) error {
				fmt.Fprintf(env.Stdout, "denied %s\n", Version)
				return nil
			}),
		},
	)
	root.SetHelpCommand(newHelpCmd(root))
	for _, c := range root.Commands() {
		completeValues(c)
	}
	return root
}

// completeValues has shell completion offer the values a flag group
// annotated its flags with (--format, --lang).
func completeValues(c *cobra.Command) {
	c.Flags().VisitAll(func(f *pflag.Flag) {
		values := f.Annotations[valuesAnnotation]
		if len(values) == 0 {
			return
		}
		_ = c.RegisterFlagCompletionFunc(f.Name, func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return values, cobra.ShellCompDirectiveNoFileComp
		})
	})
}

// newHelpCmd is `denied help [COMMAND]`: the help of COMMAND on stdout;
// an unknown COMMAND is a usage error, with suggestions.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "show the help of denied or of one command",
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, c := range root.Commands() {
				if c.IsAvailableCommand() {
					names = append(names, c.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: runE(func(_ *cobra.Command, args []string) error {
			c, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				return usageErr("no command %q in denied%s; 'denied help' lists them", strings.Join(args, " "), suggest(root.SuggestionsFor(args[len(args)-1])))
			}
			return c.Help()
		}),
	}
}

// flagError turns pflag's errors into usage errors naming the flag, with
// the closest flags of the command for a misspelled one.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	var name string
	switch {
	case strings.HasPrefix(msg, "unknown flag: --"):
		name = strings.TrimPrefix(msg, "unknown flag: --")
	case strings.HasPrefix(msg, "unknown shorthand flag: "):
		// -format: one dash before a long flag, as the standard flag
		// package took it.
		if i := strings.LastIndex(msg, " in -"); i >= 0 {
			name = msg[i+len(" in -"):]
		}
	}
	if name != "" {
		if f := cmd.Flags().Lookup(name); f != nil {
			msg += fmt.Sprintf(" (long flags take two dashes: --%s)", f.Name)
		} else {
			msg += suggest(flagSuggestions(cmd, name))
		}
	}
	return usageErr("%s\nRun '%s --help' for its flags.", msg, cmd.CommandPath())
}

// flagSuggestions are the flags of cmd close to name: within two edits,
// or starting with it.
func flagSuggestions(cmd *cobra.Command, name string) []string {
	var out []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		if editdist.Distance(strings.ToLower(name), f.Name) <= 2 || strings.HasPrefix(f.Name, strings.ToLower(name)) {
			out = append(out, "--"+f.Name)
		}
	})
	return out
}

// suggest is the "did you mean" of a usage error, or "".
func suggest(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return "; did you mean " + strings.Join(names, " or ") + "?"
}

// Run runs denied with args (without the program name).
func Run(ctx context.Context, env *Env, args []string) error {
	e := *env
	e.Deps = env.Deps.withDefaults()
	root := newRoot(&e)
	root.SetArgs(args)
	_, err := root.ExecuteContextC(ctx)
	if err == nil {
		return nil
	}
	var re *runErr
	if errors.As(err, &re) {
		return re.err
	}
	if ce := (*Error)(nil); errors.As(err, &ce) {
		return err // a flag error, already a usage error
	}
	// cobra's own: an unknown command (with its suggestions), a command
	// given arguments it takes none of.
	msg := strings.TrimRight(strings.ReplaceAll(err.Error(), "\n\nDid you mean this?\n\t", "; did you mean "), "\n")
	msg = strings.ReplaceAll(msg, "\n\t", " or ")
	if strings.Contains(msg, "did you mean ") {
		msg += "?"
	}
	return usageErr("%s\nRun 'denied --help' for the commands.", msg)
}
