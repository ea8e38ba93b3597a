package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/collect"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/preflight"
)

type checkInput struct {
	out *outputFlags
	src sourceFlags

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
	// given are the flags given on the command line, sorted.
	given []string
}

const checkLong = `Checks, before running an AWS Backup operation, whether every IAM request it
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
A flag the operation does not read (check --list shows those each reads) is
reported ignored, and the check made without it.

Exit 0 when every request is allowed, 1 when one would be denied, 4 when
nothing is denied but something could not be checked (an unknown role,
vault or key, a policy the snapshot could not read, a missing parameter),
2 for usage errors, 3 for runtime failures.`

func newCheckCmd(env *Env) *cobra.Command {
	in := &checkInput{out: newOutputFlags(withLang|withOutput, "text", "json", "markdown"), src: sourceFlags{stdin: true}, limits: &liveLimits{}}
	cmd := &cobra.Command{
		Use:     "check OPERATION (--snapshot FILE|- | --live)",
		Example: "  denied check restore --snapshot snap.json --resource-type ec2 --vault Default --as ARN --role ARN\n  denied check --list",
		Short:   "check whether an AWS Backup operation would be allowed, with fixes",
		Long:    checkLong,
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			ops := append([]string{}, preflight.Aliases...)
			for _, e := range report.Operations().Operations {
				ops = append(ops, e.ID)
			}
			return ops, cobra.ShellCompDirectiveNoFileComp
		},
	}
	p := &in.params
	fs := cmd.Flags()
	in.src.bind(fs)
	fs.Lookup("region").Usage = "`REGION` of the operation (default: the snapshot's; with --live, also the Region read)"
	in.limits.bind(env, fs)
	fs.BoolVar(&in.list, "list", false, "list the operations, their resource types and what each checks")
	fs.StringVar(&p.Caller, "as", "", "`ARN` of the caller (user or role); without it the caller's requests could not be checked")
	fs.StringVar(&p.RoleARN, "role", "", "`ARN` of the job role passed to AWS Backup (IamRoleArn)")
	fs.StringVar(&p.VaultName, "vault", "", "backup vault `NAME` (the source vault of a copy)")
	fs.StringVar(&p.VaultName, "name", "", "backup vault `NAME` (create-vault; same as --vault)")
	fs.StringVar(&p.KeyARN, "kms-key", "", "KMS key `ARN` (of the vault for create-vault; of the resource or recovery point otherwise)")
	fs.StringVar(&p.RecoveryPointARN, "recovery-point", "", "recovery point `ARN` in the snapshot (gives the resource type, vault, key and instance profile)")
	fs.StringVar(&p.ResourceType, "resource-type", "", "resource `TYPE`, any case, as AWS Backup writes it or not: EC2, EBS, RDS, S3, VirtualMachine, \"Storage Gateway\", ...")
	fs.StringVar(&p.InstanceRole, "instance-role", "", "EC2 restore: original, none or a role `ARN`")
	fs.StringVar(&p.InstanceProfile, "instance-profile", "", "EC2 restore: instance profile `NAME`, resolved through the snapshot's instance profiles")
	fs.StringVar(&p.ResourceARN, "resource-arn", "", "backup: the protected resource's `ARN` (default: a representative ARN of --resource-type)")
	fs.StringVar(&p.DestinationVaultARN, "destination-vault", "", "copy: destination vault `ARN` (its region and account choose same-region, cross-region or cross-account)")
	fs.StringVar(&p.DestinationKeyARN, "destination-kms-key", "", "copy: KMS key `ARN` of the destination vault")
	fs.StringVar(&p.DestinationRegion, "destination-region", "", "copy: destination `REGION` (default: that of --destination-vault)")
	fs.StringVar(&p.DestinationAccount, "destination-account", "", "copy: destination `ACCOUNT` (default: that of --destination-vault)")
	fs.StringVar(&p.PlanID, "plan-id", "", "create-selection: backup plan `ID`")
	fs.StringVar(&p.ScanRoleARN, "scan-role", "", "create-plan: `ARN` of the malware-scan role the plan names")
	fs.StringVar(&p.ChangeableForDays, "changeable-for-days", "", "put-vault-lock: ChangeableForDays, `N` days (compliance mode)")
	fs.StringVar(&p.MinRetentionDays, "min-retention-days", "", "put-vault-lock: MinRetentionDays, `N` days")
	fs.StringVar(&p.MaxRetentionDays, "max-retention-days", "", "put-vault-lock: MaxRetentionDays, `N` days")
	fs.StringVar(&p.Account, "account", "", "`ID` of the account to check (default: the snapshot's); another one than the snapshot's (or, with --live, the credentials') is a usage error, unless --snapshot is an organization snapshot that collected it")
	in.out.bind(fs)
	cmd.RunE = runE(func(cmd *cobra.Command, args []string) error {
		if err := in.check(env, args); err != nil {
			return err
		}
		cmd.Flags().Visit(func(f *pflag.Flag) { in.given = append(in.given, "--"+f.Name) })
		return runCheck(cmd.Context(), env, in)
	})
	return cmd
}

func (in *checkInput) check(env *Env, pos []string) error {
	p := &in.params
	if err := in.out.check(env); err != nil {
		return err
	}
	in.lang, in.format, in.output = in.out.Lang, in.out.format, in.out.output
	in.snapshot, in.live, in.profile, p.Region = in.src.snapshot, in.src.live, in.src.profile, in.src.region
	if in.list {
		if len(pos) > 0 {
			return usageErr("--list takes no OPERATION")
		}
		return nil
	}
	if len(pos) != 1 {
		return usageErr("check takes one OPERATION (%s, or an operation id; denied check --list shows them), got %d", strings.Join(preflight.Aliases, ", "), len(pos))
	}
	in.operation = pos[0]
	if err := preflight.ValidateOperation(in.operation); err != nil {
		return usageErr("%v", err)
	}
	if err := in.src.check(in.lang); err != nil {
		return err
	}
	switch {
	case in.snapshot == "" && !in.live:
		return usageErr("check needs --snapshot FILE (an account snapshot, - for standard input) or --live (read the account itself, read-only)")
	case in.profile != "" && !in.live:
		return usageErr("--profile needs --live")
	}
	if p.Account != "" && !arn.IsAccountID(p.Account) {
		return usageErr("%s", i18n.T(in.lang, "cli.check.account.id", p.Account))
	}
	if err := validateCheckParams(p); err != nil {
		return err
	}
	if a, ok := arn.Parse(p.RecoveryPointARN); ok && a.Region != "" && p.Region != "" && p.Region != a.Region {
		// Restored or copied in its own Region only; without --region the
		// check is in that Region.
		return usageErr("%s", i18n.T(in.lang, "cli.check.recovery-point.region", p.RecoveryPointARN, a.Region, p.Region))
	}
	p.Now = env.Deps.Now
	return nil
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
		if f.value == "" {
			continue
		}
		if f.flag == "--role" {
			if err := checkRoleFlag(f.flag, f.value); err != nil {
				return err
			}
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

// checkRoleFlag checks the syntax of a role flag (check's and audit's
// --role): a role ARN (checkARN), or a role name as IAM allows one (1 to
// 64 letters, digits and +=,.@_-). A name is no usage error: the check or
// audit reports the requests of that role could not be checked and
// suggests its ARN (preflight.UnknownRole), exit 4; anything else (a path
// and name, spaces) is bad input, exit 2.
func checkRoleFlag(flag, v string) error {
	if strings.HasPrefix(v, "arn:") {
		return checkARN(flag, v, "iam")
	}
	if !validRoleName(v) {
		return usageErr("%s: %q is neither a role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME) nor a role name (1 to 64 letters, digits and +=,.@_-)", flag, v)
	}
	return nil
}

// validRoleName reports whether s is a role name IAM accepts.
func validRoleName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.ContainsRune("+=,.@_-", c):
		default:
			return false
		}
	}
	return true
}

// loadSnapshot reads a snapshot in the full form, or else the short form;
// its errors are those of the form the file looks like (account.ParseAny).
func loadSnapshot(path string) (*account.Snapshot, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err // the caller names the file once
		}
		return nil, err
	}
	defer f.Close()
	data, err := account.ReadData(f)
	if err != nil {
		return nil, err
	}
	snap, _, err := account.ParseAny(data)
	return snap, err
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
	snap, _, err := account.ParseAny(data)
	if err != nil {
		return nil, fmt.Errorf("standard input: %w", err)
	}
	return snap, nil
}

func runCheck(ctx context.Context, env *Env, in *checkInput) error {
	var err error
	if in.list {
		return writeCheckOutput(env, in, func(w io.Writer) error {
			return report.Write(w, report.Format(in.format), report.Operations(), report.Options{Lang: in.lang})
		})
	}
	var snap *account.Snapshot
	if in.live {
		if snap, err = liveSnapshotOf(ctx, env, in.lang, in.profile, in.params.Region, in.params.Account, in.limits); err != nil {
			if ae := (*collect.AccountError)(nil); errors.As(err, &ae) {
				return usageErr("%s", i18n.T(in.lang, "cli.check.account.live", ae.Want, ae.Got))
			}
			return err
		}
	} else if in.snapshot != "-" && account.IsOrgDir(in.snapshot) {
		// An organization snapshot: the account checked, and the others
		// (the destination of a cross-account copy) through Params.Org.
		if snap, in.params.Org, err = openOrgAccount(in.lang, in.snapshot, in.params.Account,
			orgARN{"--recovery-point", in.params.RecoveryPointARN}, orgARN{"--role", in.params.RoleARN}, orgARN{"--as", in.params.Caller}); err != nil {
			return usageErr("%v", err)
		}
	} else if snap, err = readSnapshot(env, in.snapshot); err != nil {
		return usageErr("%v", err)
	}
	if a := in.params.Account; a != "" && a != snap.AccountID {
		// A one-account snapshot (or the account read live) holds nothing
		// of another account: its requests would be evaluated against
		// policies and resources that are not there, and reported denied.
		id := "cli.check.account.snapshot"
		if in.live {
			id = "cli.check.account.live"
		}
		return usageErr("%s", i18n.T(in.lang, id, a, snap.AccountID))
	}
	op, p, notes, err := preflight.Resolve(snap, in.operation, in.params)
	if err != nil {
		var ie *preflight.InputError
		if errors.As(err, &ie) {
			return usageErr("%v", err)
		}
		return &Error{Code: ExitRuntime, Err: err}
	}
	// One check evaluates many requests, and each denied one again while
	// its fix plan is verified: the same policies (an AWS managed policy of
	// thousands of actions, the role's) are parsed and compiled once for
	// the whole check, not at every evaluation.
	if p.Cache == nil {
		p.Cache = eval.NewCache(checkCacheDocs)
	}
	rep := preflight.Check(snap, op, p)
	rep.Notes = append(rep.Notes, notes...)
	// A flag the operation does not read is said, not an error: scripts
	// give the same flags to many operations.
	rep.IgnoredFlags = preflight.IgnoredFlags(p, in.given)
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

// checkCacheDocs bounds the policy documents one check keeps parsed.
const checkCacheDocs = 4096

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
