package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/preflight"
)

type checkInput struct {
	limits    *liveLimits
	operation string
	snapshot  string
	live      bool
	list      bool
	profile   string
	format    string
	output    string
	lang      i18n.Lang
	params    preflight.Params
}

const checkSynopsis = `OPERATION (--snapshot FILE|- | --live [--profile NAME]) [--as ARN] [--role ARN] [--vault NAME] [--kms-key ARN] [--recovery-point ARN | --resource-type T] [--instance-role original|none|ARN | --instance-profile NAME] [--resource-arn ARN] [--destination-vault ARN] [--destination-kms-key ARN] [--format text|json|markdown] [--output FILE] [--lang en|ja|ko]
       denied check --list [--format text|json|markdown]

Checks, before running an AWS Backup operation, whether every IAM request it
needs would be allowed, in an account snapshot (--snapshot FILE, full or
short form; - reads standard input) or in the account itself, read live and
read-only as denied collect does (--live, with --profile, --region and the
standard AWS configuration). OPERATION is an operation id (restore/EC2,
create-vault/cmk, ...) or one of restore, create-vault, backup, copy,
create-selection, put-vault-policy, or collect (may --as read the account as
denied collect does); --list shows them all. Without --recovery-point, a
restore or copy is a what-if on a representative recovery point built from
--resource-type, --vault and --kms-key; a backup without --resource-arn, on a
representative resource.
Exit 0 when every request is allowed, 1 when one would be denied, 4 when
nothing is denied but something could not be checked (an unknown role,
vault or key, a policy the snapshot could not read, a missing parameter),
2 for usage errors, 3 for runtime failures.`

// checkNow fixes the clock of check (tests set it).
var checkNow func() time.Time

func bindCheck(env *Env, args []string) (*checkInput, error) {
	in := &checkInput{}
	var lang string
	p := &in.params
	fs := newFlagSet(env, "check", checkSynopsis)
	in.limits = bindLiveLimits(env, fs)
	fs.StringVar(&in.snapshot, "snapshot", "", "account snapshot file (JSON, optionally gzip-compressed; full or short form); - reads standard input")
	fs.BoolVar(&in.live, "live", false, "check against the account itself, read live and read-only as denied collect does")
	fs.BoolVar(&in.list, "list", false, "list the operations, their resource types and what each checks")
	fs.StringVar(&in.profile, "profile", "", "AWS profile to read the account with (--live)")
	fs.StringVar(&p.Caller, "as", "", "ARN of the caller (user or role); without it the caller's requests could not be checked")
	fs.StringVar(&p.RoleARN, "role", "", "ARN of the job role passed to AWS Backup (IamRoleArn)")
	fs.StringVar(&p.VaultName, "vault", "", "backup vault name (the source vault of a copy)")
	fs.StringVar(&p.VaultName, "name", "", "backup vault name (create-vault; same as --vault)")
	fs.StringVar(&p.KeyARN, "kms-key", "", "KMS key ARN (of the vault for create-vault; of the resource or recovery point otherwise)")
	fs.StringVar(&p.RecoveryPointARN, "recovery-point", "", "recovery point ARN in the snapshot (gives the resource type, vault, key and instance profile)")
	fs.StringVar(&p.ResourceType, "resource-type", "", "resource type, any case, as AWS Backup writes it or not: EC2, EBS, RDS, S3, VirtualMachine, \"Storage Gateway\", ...")
	fs.StringVar(&p.InstanceRole, "instance-role", "", "EC2 restore: original, none or a role ARN")
	fs.StringVar(&p.InstanceProfile, "instance-profile", "", "EC2 restore: instance profile name, resolved through the snapshot's instance profiles")
	fs.StringVar(&p.ResourceARN, "resource-arn", "", "backup: the protected resource (default: a representative ARN of --resource-type)")
	fs.StringVar(&p.DestinationVaultARN, "destination-vault", "", "copy: destination vault ARN (its region and account choose same-region, cross-region or cross-account)")
	fs.StringVar(&p.DestinationKeyARN, "destination-kms-key", "", "copy: KMS key ARN of the destination vault")
	fs.StringVar(&p.DestinationRegion, "destination-region", "", "copy: destination Region (default: that of --destination-vault)")
	fs.StringVar(&p.DestinationAccount, "destination-account", "", "copy: destination account (default: that of --destination-vault)")
	fs.StringVar(&p.PlanID, "plan-id", "", "create-selection: backup plan id")
	fs.StringVar(&p.ScanRoleARN, "scan-role", "", "create-plan: ARN of the malware-scan role the plan names")
	fs.StringVar(&p.ChangeableForDays, "changeable-for-days", "", "put-vault-lock: ChangeableForDays (compliance mode)")
	fs.StringVar(&p.MinRetentionDays, "min-retention-days", "", "put-vault-lock: MinRetentionDays")
	fs.StringVar(&p.MaxRetentionDays, "max-retention-days", "", "put-vault-lock: MaxRetentionDays")
	fs.StringVar(&p.Region, "region", "", "Region (default: the snapshot's)")
	fs.StringVar(&p.Account, "account", "", "account id (default: the snapshot's)")
	fs.StringVar(&in.format, "format", "text", "output format: text, json or markdown")
	fs.StringVar(&in.output, "output", "", "write the report to FILE (mode 0600) instead of standard output")
	fs.StringVar(&lang, "lang", "", "language: en, ja or ko (default from LC_ALL, LC_MESSAGES, LANG)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	switch in.format {
	case "text", "json", "markdown":
	default:
		return nil, usageErr("--format must be text, json or markdown, not %q", in.format)
	}
	if in.lang, err = i18n.Detect(lang, env.Getenv); err != nil {
		return nil, usageErr("%v", err)
	}
	if in.list {
		if len(pos) > 0 {
			return nil, usageErr("--list takes no OPERATION")
		}
		return in, nil
	}
	if len(pos) != 1 {
		return nil, usageErr("check takes one OPERATION (%s, or an operation id; denied check --list shows them), got %d", strings.Join(preflight.Aliases, ", "), len(pos))
	}
	in.operation = pos[0]
	if err := preflight.ValidateOperation(in.operation); err != nil {
		return nil, usageErr("%v", err)
	}
	switch {
	case in.snapshot != "" && in.live:
		return nil, usageErr("--snapshot and --live exclude each other")
	case in.snapshot == "" && !in.live:
		return nil, usageErr("check needs --snapshot FILE (an account snapshot, - for standard input) or --live (read the account itself, read-only)")
	case in.profile != "" && !in.live:
		return nil, usageErr("--profile needs --live")
	}
	if err := validateCheckParams(p); err != nil {
		return nil, err
	}
	if err := validateOutput(in.output); err != nil {
		return nil, err
	}
	p.Now = checkNow
	return in, nil
}

// validateCheckParams checks the syntax of every ARN flag, before anything
// is read. A role given by name is not an error: the check reports it
// could not be checked and suggests the ARN.
func validateCheckParams(p *preflight.Params) error {
	for _, f := range []struct{ flag, value, service string }{
		{"--as", p.Caller, ""},
		{"--role", p.RoleARN, "iam"},
		{"--recovery-point", p.RecoveryPointARN, ""},
		{"--resource-arn", p.ResourceARN, ""},
		{"--destination-vault", p.DestinationVaultARN, "backup"},
		{"--destination-kms-key", p.DestinationKeyARN, "kms"},
		{"--scan-role", p.ScanRoleARN, "iam"},
	} {
		if f.value == "" || (f.flag == "--role" && !strings.HasPrefix(f.value, "arn:")) {
			continue
		}
		if err := checkARN(f.flag, f.value, f.service); err != nil {
			return err
		}
	}
	if strings.HasPrefix(p.KeyARN, "arn:") {
		if err := checkARN("--kms-key", p.KeyARN, "kms"); err != nil {
			return err
		}
	}
	switch ir := p.InstanceRole; {
	case ir == "", ir == preflight.InstanceRoleOriginal, ir == preflight.InstanceRoleNone:
	case strings.HasPrefix(ir, "arn:"):
		if err := checkARN("--instance-role", ir, "iam"); err != nil {
			return err
		}
	default:
		return usageErr("--instance-role must be original, none or a role ARN, not %q (an instance profile name goes in --instance-profile)", ir)
	}
	if p.InstanceProfile != "" && p.InstanceRole != "" {
		return usageErr("give --instance-profile or --instance-role, not both")
	}
	if p.ResourceType != "" {
		if _, ok := backupops.NormalizeResourceType(p.ResourceType); !ok {
			_, err := backupops.ForResourceType(backupops.VerbRestore, p.ResourceType)
			return usageErr("--resource-type: %v", err)
		}
	}
	return nil
}

// checkARN checks arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE.
func checkARN(flag, v, service string) error {
	f := strings.SplitN(v, ":", 6)
	switch {
	case len(f) != 6 || f[0] != "arn" || f[1] == "" || f[2] == "" || f[5] == "":
		return usageErr("%s: %q is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)", flag, v)
	case service != "" && f[2] != service:
		return usageErr("%s: %q is a %s ARN, not a %s one", flag, v, f[2], service)
	case f[4] != "" && !isAccountID(f[4]) && f[4] != "aws":
		return usageErr("%s: %q: account %q is not 12 digits", flag, v, f[4])
	}
	return nil
}

func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
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

// loadSnapshot reads a snapshot in the full form, or else the short form.
func loadSnapshot(path string) (*account.Snapshot, error) {
	snap, err := account.LoadFile(path)
	if err == nil {
		return snap, nil
	}
	if ae := (*account.Error)(nil); !errors.As(err, &ae) {
		// Not a problem of the content (unreadable, too large): the short
		// form would fail the same way, after reading it all again.
		return nil, err
	}
	f, ferr := os.Open(path)
	if ferr != nil {
		return nil, err // LoadFile's error does not repeat the file's name
	}
	defer f.Close()
	if s, serr := account.LoadShort(f); serr == nil {
		return s, nil
	}
	return nil, err
}

// readSnapshot is loadSnapshot that reads standard input for "-".
func readSnapshot(env *Env, path string) (*account.Snapshot, error) {
	if path != "-" {
		s, err := loadSnapshot(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return s, nil
	}
	// Errors name the file, or standard input, once.
	data, err := account.ReadData(env.Stdin)
	if err != nil {
		return nil, fmt.Errorf("standard input: %w", err)
	}
	snap, err := account.Load(bytes.NewReader(data))
	if err == nil {
		return snap, nil
	}
	if s, serr := account.LoadShort(bytes.NewReader(data)); serr == nil {
		return s, nil
	}
	return nil, fmt.Errorf("standard input: %w", err)
}

func runCheck(ctx context.Context, env *Env, args []string) error {
	in, err := bindCheck(env, args)
	if err != nil {
		return err
	}
	if in.list {
		return writeCheckOutput(env, in, func(w io.Writer) error { return checkList(w, in.format, in.lang) })
	}
	var snap *account.Snapshot
	if in.live {
		if snap, err = liveSnapshot(ctx, env, in.lang, in.profile, in.params.Region, in.limits); err != nil {
			return err
		}
	} else if snap, err = readSnapshot(env, in.snapshot); err != nil {
		return usageErr("%v", err)
	}
	op, p, notes, err := preflight.Resolve(snap, in.operation, in.params)
	if err != nil {
		var ie *preflight.InputError
		if errors.As(err, &ie) {
			return usageErr("%v", err)
		}
		return &Error{Code: ExitRuntime, Err: err}
	}
	rep := preflight.Check(snap, op, p)
	rep.Notes = append(rep.Notes, notes...)
	for i := range rep.Results {
		if rep.Results[i].Denied() {
			// The rule ID explain, audit and SARIF give the same denial.
			rep.Results[i].Rule = audit.RuleFor(rep.Results[i]).Rule
		}
	}
	err = writeCheckOutput(env, in, func(w io.Writer) error {
		if in.format == "json" {
			return writeJSON(w, rep)
		}
		_, err := fmt.Fprint(w, checkText(rep, in.lang, in.format == "markdown"))
		return err
	})
	if err != nil {
		return err
	}
	return checkExit(rep)
}

// writeCheckOutput writes to --output (0600) or standard output.
func writeCheckOutput(env *Env, in *checkInput, write func(io.Writer) error) error {
	if in.output == "" {
		if err := write(env.Stdout); err != nil {
			return &Error{Code: ExitRuntime, Err: err}
		}
		return nil
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	if err := os.WriteFile(in.output, buf.Bytes(), 0o600); err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	return nil
}

// checkExit maps a report's status to the exit code: 0 allowed, 1 denied,
// 4 could not check.
func checkExit(rep preflight.Report) error {
	switch rep.Status {
	case preflight.StatusAllowed:
		return nil
	case preflight.StatusDenied:
		return &Error{Code: ExitDenied, Err: errSilent}
	}
	return &Error{Code: ExitUnchecked, Err: errSilent}
}

func checkText(rep preflight.Report, lang i18n.Lang, md bool) string {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	var b strings.Builder
	heading := func(level int, s string) {
		if md {
			fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", level), s)
			return
		}
		b.WriteString(s + "\n")
		if level == 1 {
			b.WriteString(strings.Repeat("=", i18n.Width(s)) + "\n")
		}
		b.WriteString("\n")
	}
	code := func(lang, body string) {
		body = strings.TrimRight(body, "\n")
		if md {
			fmt.Fprintf(&b, "```%s\n%s\n```\n\n", lang, body)
			return
		}
		for _, l := range strings.Split(body, "\n") {
			b.WriteString("    " + l + "\n")
		}
		b.WriteString("\n")
	}
	heading(1, t("preflight.title", rep.Operation))
	b.WriteString(opTitle(lang, rep.Operation, rep.Title) + "\n\n")
	if rep.Error != "" {
		b.WriteString(t("preflight.error", rep.Error) + "\n")
		return b.String()
	}
	b.WriteString(t("preflight.summary", strconv.Itoa(rep.Passed), strconv.Itoa(rep.Total)))
	if rep.Skipped > 0 {
		b.WriteString(" " + t("preflight.summary.skipped", strconv.Itoa(rep.Skipped)))
	}
	b.WriteString("\n")
	if n := len(rep.Conditions); n > 0 {
		b.WriteString(t("preflight.summary.conditions", strconv.Itoa(rep.ConditionsHeld), strconv.Itoa(n)))
		if failed := n - rep.ConditionsHeld; failed > 0 {
			b.WriteString(" " + t("preflight.summary.conditions.failed", strconv.Itoa(failed)))
		}
		b.WriteString("\n")
	}
	switch rep.Status {
	case preflight.StatusAllowed:
		b.WriteString(t("preflight.ok") + "\n\n")
	case preflight.StatusDenied:
		if rep.Denied > 0 {
			b.WriteString(t("preflight.denied", strconv.Itoa(rep.Denied)) + " ")
		}
		if rep.ConditionsFailed > 0 {
			b.WriteString(t("preflight.conditions.failed", strconv.Itoa(rep.ConditionsFailed)) + " ")
		}
		if u := rep.Unchecked + rep.ConditionsUnchecked; u > 0 {
			b.WriteString(t("preflight.unchecked.also", strconv.Itoa(u)))
		}
		trimSpace(&b)
		b.WriteString("\n\n")
	default:
		if n := rep.Unchecked + rep.ConditionsUnchecked; n > 0 {
			b.WriteString(t("preflight.unchecked", strconv.Itoa(n)) + "\n\n")
		} else {
			b.WriteString(t("preflight.unchecked.inputs") + "\n\n")
		}
	}
	if len(rep.Causes) > 0 {
		heading(2, t("preflight.causes"))
		for _, c := range rep.Causes {
			b.WriteString("- " + causeText(lang, c) + "\n")
		}
		b.WriteString("\n")
	}
	rows := [][]string{{t("preflight.col.principal"), t("preflight.col.action"), t("preflight.col.resource"), t("preflight.col.verdict"), t("preflight.col.layer")}}
	for _, r := range rep.Results {
		layer := ""
		switch {
		case r.Cause != nil:
			layer = t("preflight.cause.short." + string(r.Cause.Kind))
		case r.Skip == "preflight.skip.when" && r.When != "":
			layer = t("preflight.when", whenText(lang, r.When))
		case r.Skip != "":
			layer = t(r.Skip)
		case r.Error != "":
			layer = r.Error
		case r.Layer != "":
			layer = t("layer." + r.Layer)
		}
		rows = append(rows, []string{t("preflight.principal." + r.Principal), r.Action, r.Resource, t("preflight.verdict." + r.Verdict), layer})
	}
	if md {
		for i, row := range rows {
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
			if i == 0 {
				b.WriteString(strings.Repeat("|---", len(row)) + "|\n")
			}
		}
		b.WriteString("\n")
	} else {
		b.WriteString(i18n.Table(rows) + "\n")
	}
	n := 0
	for _, r := range rep.Results {
		if !r.Denied() {
			continue
		}
		n++
		who := r.PrincipalARN
		heading(2, t("preflight.failure", strconv.Itoa(n), who, r.Action, r.Resource))
		if r.Rule != "" {
			b.WriteString(t("preflight.rule", r.Rule) + "\n\n")
		}
		b.WriteString(t("preflight.aws-says") + "\n")
		code("", r.Message)
		if len(r.Deciding) == 0 {
			b.WriteString(t("preflight.deciding.none", t("layer."+r.Layer)) + "\n\n")
		}
		for _, d := range r.Deciding {
			name := d.Policy
			if d.Sid != "" {
				name += " / " + d.Sid
			} else {
				name += fmt.Sprintf(" / #%d", d.Statement)
			}
			b.WriteString(t("preflight.deciding", fmt.Sprintf("%s %s (%s)", t("layer."+d.Layer), name, d.Effect)) + "\n")
		}
		if len(r.Deciding) > 0 {
			b.WriteString("\n")
		}
		if r.Plan == nil {
			continue
		}
		if r.Plan.Error != "" {
			b.WriteString(t("preflight.no-fix", r.Plan.Error) + "\n\n")
			continue
		}
		for i, f := range r.Plan.Fixes {
			head := t("report.fix", strconv.Itoa(i+1), t("kind."+report.KindID(f.Kind)))
			if f.Verified {
				head += " — " + t("report.verified", i18n.Verdict(lang, f.VerifiedDecision), t("against."+report.AgainstID(f.VerifiedAgainst)))
			} else if f.StillDeniedBy != "" {
				head += " — " + t("report.verified-with-next", t("layer."+f.StillDeniedBy))
			} else {
				head += " — " + t("report.not-verified")
			}
			heading(3, head)
			title := f.Title
			if f.TitleMsg.ID != "" && i18n.Has(f.TitleMsg.ID) {
				a := make([]any, len(f.TitleMsg.Args))
				for j, s := range f.TitleMsg.Args {
					if strings.HasPrefix(s, "@") && i18n.Has(s[1:]) {
						s = t(s[1:])
					}
					a[j] = s
				}
				title = t(f.TitleMsg.ID, a...)
			}
			b.WriteString(title + "\n\n")
			if f.Render.PolicyJSON != "" {
				b.WriteString(t("report.render.policy") + "\n")
				code("json", f.Render.PolicyJSON)
			}
			if len(f.Render.CLI) > 0 {
				b.WriteString(t("same.render.cli") + "\n")
				code("sh", strings.Join(i18n.CLILines(lang, f.Render.CLI), "\n"))
			}
		}
	}
	if len(rep.Conditions) > 0 {
		heading(2, t("preflight.decided"))
		for _, c := range rep.Conditions {
			a := make([]any, len(c.Detail.Args))
			for i, s := range c.Detail.Args {
				a[i] = s
			}
			// A denying layer is named, as in the table, not given by id.
			if c.Detail.ID == "preflight.cond.denied-by" && len(a) == 3 && i18n.Has("layer."+c.Detail.Args[2]) {
				a[2] = t("layer." + c.Detail.Args[2])
			}
			detail := t(c.Detail.ID, a...)
			if c.Cause != nil {
				detail = causeText(lang, *c.Cause)
			}
			b.WriteString("- [" + kindLabel(lang, c.Kind) + "] " + t("preflight.cond.status."+string(c.Outcome)) + ": " + condText(lang, c.Kind, c.Text) + " — " + detail + "\n")
		}
		b.WriteString("\n")
	}
	if len(rep.ToVerify) > 0 {
		heading(2, t("preflight.to-verify"))
		for _, c := range rep.ToVerify {
			line := "- [" + kindLabel(lang, c.Kind) + "] " + condText(lang, c.Kind, c.Text)
			if c.When != "" {
				line += " " + t("preflight.when", whenText(lang, c.When))
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("\n")
	}
	if len(rep.Notes) > 0 {
		heading(2, t("report.notes"))
		for _, nt := range rep.Notes {
			a := make([]any, len(nt.Args))
			for i, s := range nt.Args {
				a[i] = s
			}
			// The what-if note names a report parameter (recoveryPoint,
			// resourceArn): in Japanese and Korean, by what it is and its
			// flag.
			if nt.ID == "preflight.note.what-if" && len(a) > 0 && lang != i18n.EN && i18n.Has("preflight.param."+nt.Args[0]) {
				a[0] = t("preflight.param." + nt.Args[0])
			}
			b.WriteString("- " + t(nt.ID, a...) + "\n")
		}
	}
	return b.String()
}

// The catalog's texts (operation titles, conditions, when phrases) are
// English in the report (and its JSON); they are shown in lang through
// the message ids catalog/backupops derives from them. A text without a
// translation (none, the tests see to it) is shown as it is.

// catalogText returns message id in lang, or en when lang is English or
// the id has no message.
func catalogText(lang i18n.Lang, id, en string) string {
	if lang == i18n.EN || !i18n.Has(id) {
		return en
	}
	return i18n.T(lang, id)
}

// opTitle is the title of operation id in lang.
func opTitle(lang i18n.Lang, id, en string) string {
	return catalogText(lang, backupops.TitleID(id), en)
}

// condText is a condition's text in lang.
func condText(lang i18n.Lang, kind, en string) string {
	return catalogText(lang, backupops.ConditionID(kind, en), en)
}

// whenText is a "when" phrase in lang.
func whenText(lang i18n.Lang, en string) string {
	return catalogText(lang, backupops.WhenID(en), en)
}

// kindLabel is a condition kind as the report labels it: the kind itself
// in English (as in JSON), its name in Japanese and Korean.
func kindLabel(lang i18n.Lang, kind string) string {
	return catalogText(lang, "backupops.kind."+kind, kind)
}

// causeText renders a could-not-check cause in lang.
func causeText(lang i18n.Lang, c preflight.Cause) string {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	var s string
	switch c.Kind {
	case preflight.CauseUnreadable:
		s = t("preflight.cause.unreadable", t("preflight.hidden."+string(c.Hides)), c.API)
		if c.Error != "" {
			s += " (" + c.Error + ")"
		}
	case preflight.CauseMissingParameter:
		s = t("preflight.cause.missingParameter", c.Flag)
	case preflight.CauseEvaluation:
		s = t("preflight.cause.evaluationError", c.Error)
	default:
		s = t("preflight.cause."+string(c.Kind), c.Subject, c.Flag)
	}
	if c.Suggestion != "" {
		s += " " + t("preflight.cause.suggest", c.Suggestion)
	}
	return s
}

// listEntry is one operation of `denied check --list`.
type listEntry struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	ResourceType string   `json:"resourceType,omitempty"`
	AWSType      string   `json:"awsResourceType,omitempty"`
	Requests     int      `json:"requests"`
	Principals   []string `json:"principals"`
	Params       []string `json:"flags,omitempty"`
	// Decided of Conditions are decided from a snapshot; the rest are
	// listed to verify.
	Decided    int `json:"conditionsDecided"`
	Conditions int `json:"conditions"`
	// Checks are the IAM requests, and ConditionList the conditions,
	// with how each is decided ("" for listed to verify).
	Checks        []listCheck     `json:"checks"`
	ConditionList []listCondition `json:"conditionList,omitempty"`
}

type listCheck struct {
	Principal string `json:"principal"`
	Action    string `json:"action"`
	Resource  string `json:"resource"`
	When      string `json:"when,omitempty"`
}

type listCondition struct {
	Kind   string             `json:"kind"`
	Decide backupops.Decision `json:"decide,omitempty"`
	Text   string             `json:"text"`
	When   string             `json:"when,omitempty"`
}

// listReport is the JSON form of `denied check --list`.
type listReport struct {
	SchemaVersion string      `json:"schemaVersion"`
	Aliases       []string    `json:"aliases"`
	Operations    []listEntry `json:"operations"`
	ResourceTypes []struct {
		Name    string   `json:"name"`
		AWS     string   `json:"aws"`
		Aliases []string `json:"aliases,omitempty"`
	} `json:"resourceTypes"`
	Decided    int `json:"conditionsDecided"`
	Conditions int `json:"conditions"`
}

func buildList() listReport {
	rep := listReport{SchemaVersion: preflight.SchemaVersion, Aliases: preflight.Aliases}
	aws := map[string]string{}
	for _, rt := range backupops.ResourceTypes() {
		aws[rt.Name] = rt.AWS
		rep.ResourceTypes = append(rep.ResourceTypes, struct {
			Name    string   `json:"name"`
			AWS     string   `json:"aws"`
			Aliases []string `json:"aliases,omitempty"`
		}{rt.Name, rt.AWS, rt.Aliases})
	}
	ops := append([]backupops.Operation{preflight.CollectOperation()}, backupops.All()...)
	for _, op := range ops {
		e := listEntry{ID: op.ID, Title: op.Title, ResourceType: op.ResourceType, AWSType: aws[op.ResourceType], Requests: len(op.Requirements)}
		seen := map[string]bool{}
		for _, c := range op.Conditions {
			e.ConditionList = append(e.ConditionList, listCondition{Kind: c.Kind, Decide: c.Decide, Text: c.Text, When: c.When})
		}
		for _, r := range op.Requirements {
			e.Checks = append(e.Checks, listCheck{Principal: r.Principal, Action: r.Action, Resource: r.Resource, When: r.When})
			if !seen[r.Principal] {
				seen[r.Principal] = true
				e.Principals = append(e.Principals, r.Principal)
			}
		}
		for _, q := range op.Params {
			switch q {
			case "Partition", "Region", "Account":
				continue
			}
			e.Params = append(e.Params, preflight.FlagOf(q))
		}
		e.Decided, e.Conditions = op.Decided()
		rep.Decided += e.Decided
		rep.Conditions += e.Conditions
		rep.Operations = append(rep.Operations, e)
	}
	return rep
}

// checkList writes `denied check --list`.
func checkList(w io.Writer, format string, lang i18n.Lang) error {
	rep := buildList()
	if format == "json" {
		return writeJSON(w, rep)
	}
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	md := format == "markdown"
	var b strings.Builder
	if md {
		b.WriteString("# " + t("preflight.list.title") + "\n\n")
	} else {
		title := t("preflight.list.title")
		b.WriteString(title + "\n" + strings.Repeat("=", i18n.Width(title)) + "\n\n")
	}
	b.WriteString(t("preflight.list.aliases", strings.Join(rep.Aliases, ", ")) + "\n")
	b.WriteString(t("preflight.list.decided", strconv.Itoa(rep.Decided), strconv.Itoa(rep.Conditions)) + "\n\n")
	rows := [][]string{{t("preflight.list.col.operation"), t("preflight.list.col.type"), t("preflight.list.col.requests"), t("preflight.list.col.decided"), t("preflight.list.col.flags")}}
	for _, e := range rep.Operations {
		typ := e.ResourceType
		if e.AWSType != "" && e.AWSType != e.ResourceType {
			typ += " (" + e.AWSType + ")"
		}
		rows = append(rows, []string{e.ID, typ, strconv.Itoa(e.Requests), fmt.Sprintf("%d/%d", e.Decided, e.Conditions), strings.Join(e.Params, " ")})
	}
	writeRows(&b, rows, md)
	b.WriteString("\n" + t("preflight.list.types") + "\n\n")
	rows = [][]string{{t("preflight.list.col.type"), t("preflight.list.col.aws"), t("preflight.list.col.aliases")}}
	for _, rt := range rep.ResourceTypes {
		rows = append(rows, []string{rt.Name, rt.AWS, strings.Join(rt.Aliases, ", ")})
	}
	writeRows(&b, rows, md)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRows writes a table: a Markdown table, or aligned text columns.
func writeRows(b *strings.Builder, rows [][]string, md bool) {
	if !md {
		b.WriteString(i18n.Table(rows))
		return
	}
	for i, row := range rows {
		b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		if i == 0 {
			b.WriteString(strings.Repeat("|---", len(row)) + "|\n")
		}
	}
}

// trimSpace drops trailing blanks of b.
func trimSpace(b *strings.Builder) {
	s := strings.TrimRight(b.String(), " ")
	b.Reset()
	b.WriteString(s)
}
