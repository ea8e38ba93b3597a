package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/internal/arn"
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
	f, n := arn.Fields(v)
	switch {
	case n != 6 || f[0] != "arn" || f[1] == "" || f[2] == "" || f[5] == "":
		return usageErr("%s: %q is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)", flag, v)
	case service != "" && f[2] != service:
		return usageErr("%s: %q is a %s ARN, not a %s one", flag, v, f[2], service)
	case f[4] != "" && !arn.IsAccountID(f[4]) && f[4] != "aws":
		return usageErr("%s: %q: account %q is not 12 digits", flag, v, f[4])
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
		return writeCheckOutput(env, in, func(w io.Writer) error {
			return report.Write(w, report.Format(in.format), report.Operations(), report.Options{Lang: in.lang})
		})
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
		return report.Write(w, report.Format(in.format), &report.Check{Report: rep}, report.Options{Lang: in.lang})
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
