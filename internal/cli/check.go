package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/preflight"
)

type checkInput struct {
	operation string
	snapshot  string
	profile   string
	format    string
	lang      i18n.Lang
	params    preflight.Params
}

const checkSynopsis = `OPERATION [--snapshot FILE | --profile NAME] [--as ARN] [--role ARN] [--vault NAME] [--kms-key ARN] [--recovery-point ARN] [--resource-type T] [--instance-role original|none|ARN] [--format text|json|markdown] [--lang en|ja|ko]

Checks, before running an AWS Backup operation, whether every IAM request it
needs would be allowed in an account snapshot (full or short form), or,
without --snapshot, in the account itself, read live and read-only as
denied collect does (--profile, --region, the standard AWS configuration).
OPERATION is an operation id (restore/EC2, create-vault/cmk, ...) or one of
restore, create-vault, backup, copy, create-selection, put-vault-policy, or
collect (may --as read the account as denied collect does).
Exit 0 when every checked request is allowed, 1 when one would be denied.`

// checkNow fixes the clock of check (tests set it).
var checkNow func() time.Time

func bindCheck(env *Env, args []string) (*checkInput, error) {
	in := &checkInput{}
	var lang string
	p := &in.params
	fs := newFlagSet(env, "check", checkSynopsis)
	fs.StringVar(&in.snapshot, "snapshot", "", "account snapshot file (JSON, optionally gzip-compressed; full or short form)")
	fs.StringVar(&in.profile, "profile", "", "AWS profile to read the account live with (without --snapshot)")
	fs.StringVar(&p.Caller, "as", "", "ARN of the caller (user or role); without it the caller's requests are skipped")
	fs.StringVar(&p.RoleARN, "role", "", "ARN of the job role passed to AWS Backup (IamRoleArn)")
	fs.StringVar(&p.VaultName, "vault", "", "backup vault name")
	fs.StringVar(&p.VaultName, "name", "", "backup vault name (create-vault; same as --vault)")
	fs.StringVar(&p.KeyARN, "kms-key", "", "KMS key ARN")
	fs.StringVar(&p.RecoveryPointARN, "recovery-point", "", "recovery point ARN (gives the resource type, vault, key and instance profile)")
	fs.StringVar(&p.ResourceType, "resource-type", "", "resource type: EC2, EBS, RDS, S3, ...")
	fs.StringVar(&p.InstanceRole, "instance-role", "", "EC2 restore: original, none or a role ARN")
	fs.StringVar(&p.Region, "region", "", "Region (default: the snapshot's)")
	fs.StringVar(&p.Account, "account", "", "account id (default: the snapshot's)")
	fs.StringVar(&in.format, "format", "text", "output format: text, json or markdown")
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
	if len(pos) != 1 {
		return nil, usageErr("check takes one OPERATION (%s, or an operation id), got %d", strings.Join(preflight.Aliases, ", "), len(pos))
	}
	in.operation = pos[0]
	p.Now = checkNow
	return in, nil
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

func runCheck(ctx context.Context, env *Env, args []string) error {
	in, err := bindCheck(env, args)
	if err != nil {
		return err
	}
	var snap *account.Snapshot
	if in.snapshot == "" {
		if snap, err = liveSnapshot(ctx, env, in.lang, in.profile, in.params.Region); err != nil {
			return err
		}
	} else if snap, err = loadSnapshot(in.snapshot); err != nil {
		return usageErr("%s: %v", in.snapshot, err)
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
	switch in.format {
	case "json":
		err = writeJSON(env.Stdout, rep)
	default:
		_, err = fmt.Fprint(env.Stdout, checkText(rep, in.lang, in.format == "markdown"))
	}
	if err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	switch {
	case rep.Error != "":
		return usageErr("%s", i18n.T(in.lang, "preflight.error", rep.Error))
	case !rep.OK:
		return &Error{Code: ExitDenied, Err: errSilent}
	}
	return nil
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
	b.WriteString(rep.Title + "\n\n")
	if rep.Error != "" {
		b.WriteString(t("preflight.error", rep.Error) + "\n")
		return b.String()
	}
	b.WriteString(t("preflight.summary", strconv.Itoa(rep.Passed), strconv.Itoa(rep.Total)))
	if rep.Skipped > 0 {
		b.WriteString(" " + t("preflight.summary.skipped", strconv.Itoa(rep.Skipped)))
	}
	b.WriteString("\n")
	denied := 0
	for _, r := range rep.Results {
		if r.Denied() || r.Verdict == preflight.Error {
			denied++
		}
	}
	if denied == 0 {
		b.WriteString(t("preflight.ok") + "\n\n")
	} else {
		b.WriteString(t("preflight.denied", strconv.Itoa(denied)) + "\n\n")
	}
	rows := [][]string{{t("preflight.col.principal"), t("preflight.col.action"), t("preflight.col.resource"), t("preflight.col.verdict"), t("preflight.col.layer")}}
	for _, r := range rep.Results {
		layer := ""
		switch {
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
				head += " — " + t("report.verified", f.VerifiedDecision, t("against."+report.AgainstID(f.VerifiedAgainst)))
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
				code("sh", strings.Join(f.Render.CLI, "\n"))
			}
		}
	}
	if len(rep.ToVerify) > 0 {
		heading(2, t("preflight.to-verify"))
		for _, c := range rep.ToVerify {
			line := "- [" + c.Kind + "] " + c.Text
			if c.When != "" {
				line += " " + t("preflight.when", c.When)
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
			b.WriteString("- " + t(nt.ID, a...) + "\n")
		}
	}
	return b.String()
}
