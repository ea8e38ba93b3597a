package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/deniedhq/denied/internal/awsnet"
	"github.com/deniedhq/denied/internal/i18n"
)

// The flag groups: each concern's flags are declared once, here, and bound
// by every command that has them (as trivy's pkg/flag). A group binds its
// flags on a command's flag set, then checks its values once they are
// parsed.

// valuesAnnotation annotates a flag with the values shell completion
// offers for it (see completeValues).
const valuesAnnotation = "denied_values"

// outputFlags are --format (when the command has formats), --lang (when
// its output is translated) and, for the commands that write a report,
// --output.
type outputFlags struct {
	formats   []string // the first is the default; none: no --format
	hasLang   bool
	hasOutput bool

	format string
	output string
	lang   string
	// Lang is the language of the output and of the command's errors,
	// set by check.
	Lang i18n.Lang
}

// Output kinds of newOutputFlags.
const (
	withLang   = 1 << iota // --lang
	withOutput             // --output
)

func newOutputFlags(kind int, formats ...string) *outputFlags {
	return &outputFlags{formats: formats, hasLang: kind&withLang != 0, hasOutput: kind&withOutput != 0}
}

func (o *outputFlags) bind(fs *pflag.FlagSet) {
	if len(o.formats) > 0 {
		fs.StringVar(&o.format, "format", o.formats[0], "output `FORMAT`: "+orList(o.formats))
		_ = fs.SetAnnotation("format", valuesAnnotation, o.formats)
	}
	if o.hasOutput {
		fs.StringVar(&o.output, "output", "", "write the report to `FILE` (mode 0600) instead of standard output")
	}
	if o.hasLang {
		fs.StringVar(&o.lang, "lang", "", "`LANGUAGE`: en, ja or ko (default from LC_ALL, LC_MESSAGES, LANG)")
		_ = fs.SetAnnotation("lang", valuesAnnotation, []string{"en", "ja", "ko"})
	}
}

// check detects the language first (a --lang that names none is told in
// the environment's), then checks the format and that --output could be
// written, before anything is read.
func (o *outputFlags) check(env *Env) error {
	l, err := i18n.Detect(o.lang, env.Getenv)
	if err != nil {
		l, _ = i18n.Detect("", env.Getenv)
		o.Lang = l
		return usageErr("%s", i18n.T(l, "cli.explain.lang", o.lang))
	}
	o.Lang = l
	if len(o.formats) > 0 && !slices.Contains(o.formats, o.format) {
		if slices.Equal(o.formats, []string{"text", "json", "markdown"}) {
			return usageErr("%s", i18n.T(l, "cli.explain.format", o.format))
		}
		return usageErr("--format must be %s, not %q", orList(o.formats), o.format)
	}
	if o.hasOutput {
		return validateOutput(o.output)
	}
	return nil
}

// validateOutput checks that --output can be written (its directory
// exists and it is not a directory) before anything is read.
func validateOutput(path string) error {
	if path == "" {
		return nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return usageErr("--output %s is a directory", path)
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return usageErr("--output %s: directory %s does not exist", path, dir)
	}
	return nil
}

// orList is "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// awsFlags are --profile and --region: the standard AWS configuration to
// read the account with.
type awsFlags struct {
	profile string
	region  string
}

func (a *awsFlags) bind(fs *pflag.FlagSet) {
	fs.StringVar(&a.profile, "profile", "", "AWS `PROFILE` (default: the standard AWS configuration)")
	fs.StringVar(&a.region, "region", "", "AWS `REGION` (default: the configured one)")
}

// sourceFlags say where the account comes from: a snapshot file
// (--snapshot) or the account itself, read live (--live, with --profile and
// --region).
type sourceFlags struct {
	stdin bool // --snapshot - reads standard input
	awsFlags
	snapshot string
	live     bool
}

func (s *sourceFlags) bind(fs *pflag.FlagSet) {
	u := "account snapshot `FILE` from denied collect (JSON, optionally gzip-compressed; full or short form), or an organization snapshot directory from denied collect --org"
	if s.stdin {
		u += "; - reads standard input"
	}
	fs.StringVar(&s.snapshot, "snapshot", "", u)
	fs.BoolVar(&s.live, "live", false, "read the account itself, live and read-only, as denied collect does")
	s.awsFlags.bind(fs)
}

// check fails when both sources are given.
func (s *sourceFlags) check(lang i18n.Lang) error {
	if s.snapshot != "" && s.live {
		return usageErr("%s", i18n.T(lang, "cli.explain.snapshot-and-live"))
	}
	return nil
}

// Environment variables that set the default of --timeout and
// --call-timeout, for collect and for check, audit and explain in live mode.
const (
	envTimeout     = "DENIED_TIMEOUT"
	envCallTimeout = "DENIED_CALL_TIMEOUT"
)

// liveLimits are the time limits of a live read: --timeout and
// --call-timeout, defaulting to DENIED_TIMEOUT and DENIED_CALL_TIMEOUT.
type liveLimits struct {
	timeout, call time.Duration
	err           error // a bad environment default, reported by check
}

func (l *liveLimits) bind(env *Env, fs *pflag.FlagSet) {
	l.timeout, l.call, l.err = envTimeouts(env)
	fs.DurationVar(&l.timeout, "timeout", l.timeout, "give up reading the account after `DURATION` (e.g. 10m; 0 for no limit; "+envTimeout+" sets the default)")
	fs.DurationVar(&l.call, "call-timeout", l.call, "give up one attempt of an AWS call (connect, answer, body) after `DURATION` ("+envCallTimeout+" sets the default)")
}

// check reports a bad default or flag value.
func (l *liveLimits) check() error {
	switch {
	case l.err != nil:
		return l.err
	case l.timeout < 0:
		return usageErr("--timeout must not be negative, not %s", l.timeout)
	case l.call <= 0:
		return usageErr("--call-timeout must be positive, not %s", l.call)
	}
	return nil
}

// envTimeouts reads the defaults of --timeout and --call-timeout.
func envTimeouts(env *Env) (timeout, call time.Duration, err error) {
	call = awsnet.DefaultCallTimeout
	for _, v := range []struct {
		name string
		d    *time.Duration
	}{{envTimeout, &timeout}, {envCallTimeout, &call}} {
		s := ""
		if env.Getenv != nil {
			s = strings.TrimSpace(env.Getenv(v.name))
		}
		if s == "" {
			continue
		}
		d, perr := time.ParseDuration(s)
		if perr != nil || d < 0 || d == 0 && v.d == &call {
			return 0, 0, usageErr("%s=%q is not a duration like 30s or 10m", v.name, s)
		}
		*v.d = d
	}
	return timeout, call, nil
}

// decodeFlags are --no-decode: whether encoded authorization messages are
// decoded through AWS STS.
type decodeFlags struct {
	noDecode bool
}

func (d *decodeFlags) bind(fs *pflag.FlagSet) {
	fs.BoolVar(&d.noDecode, "no-decode", false, "do not call AWS STS to decode encoded authorization messages")
}
