package cli

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/internal/i18n"
)

type auditInput struct {
	snapshot string
	format   string
	lang     i18n.Lang
	opt      audit.Options
}

const auditSynopsis = `--snapshot FILE [--as CALLER_ARN] [--role ARN] [--format text|json|markdown|sarif] [--lang en|ja|ko]

Checks every recovery point of an account snapshot for a restore that would
fail (with the recovery point's restore role: --role, else its own role, else
the role of the backup selection for its vault, else
AWSBackupDefaultServiceRole), and every backup selection for a role AWS Backup
may assume. Exit 0 when everything would succeed, 1 when something would fail,
2 on bad input.`

// auditNow fixes the clock of audit (tests set it).
var auditNow func() time.Time

func bindAudit(env *Env, args []string) (*auditInput, error) {
	in := &auditInput{}
	var lang string
	fs := newFlagSet(env, "audit", auditSynopsis)
	fs.StringVar(&in.snapshot, "snapshot", "", "account snapshot file (JSON, optionally gzip-compressed; full or short form)")
	fs.StringVar(&in.opt.Caller, "as", "", "ARN of the caller who starts restores; without it the caller's requests are skipped")
	fs.StringVar(&in.opt.Role, "role", "", "ARN of the restore role to use for every recovery point")
	fs.StringVar(&in.format, "format", "text", "output format: text, json, markdown or sarif")
	fs.StringVar(&lang, "lang", "", "language: en, ja or ko (default from LC_ALL, LC_MESSAGES, LANG)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	switch in.format {
	case "text", "json", "markdown", "sarif":
	default:
		return nil, usageErr("--format must be text, json, markdown or sarif, not %q", in.format)
	}
	if in.lang, err = i18n.Detect(lang, env.Getenv); err != nil {
		return nil, usageErr("%v", err)
	}
	if len(pos) != 0 {
		return nil, usageErr("audit takes no arguments, got %q", pos)
	}
	if in.snapshot == "" {
		return nil, usageErr("%s", i18n.T(in.lang, "audit.err.no-snapshot"))
	}
	in.opt.Now = auditNow
	return in, nil
}

func runAudit(_ context.Context, env *Env, args []string) error {
	in, err := bindAudit(env, args)
	if err != nil {
		return err
	}
	snap, err := loadSnapshot(in.snapshot)
	if err != nil {
		return usageErr("%s: %v", in.snapshot, err)
	}
	if in.opt.Role != "" {
		r, ok := snap.Role(in.opt.Role)
		if !ok {
			return usageErr("%s", i18n.T(in.lang, "audit.err.role", in.opt.Role))
		}
		in.opt.Role = r.ARN
	}
	rep := audit.Run(snap, in.opt)
	switch in.format {
	case "json":
		err = writeJSON(env.Stdout, rep)
	case "sarif":
		err = writeJSON(env.Stdout, auditSARIF(rep, in.lang))
	default:
		_, err = fmt.Fprint(env.Stdout, auditText(rep, in.lang, in.format == "markdown"))
	}
	if err != nil {
		return &Error{Code: ExitRuntime, Err: err}
	}
	if !rep.OK {
		return &Error{Code: ExitDenied, Err: errSilent}
	}
	return nil
}

func auditLayer(lang i18n.Lang, layer string) string {
	switch layer {
	case "error":
		return i18n.T(lang, "audit.layer.error")
	case "":
		return i18n.T(lang, "layer.unknown")
	}
	return i18n.T(lang, "layer."+layer)
}

// fixTitle is a fix's title in lang (as check renders it).
func fixTitle(lang i18n.Lang, title, id string, args []string) string {
	if id == "" || !i18n.Has(id) {
		return title
	}
	a := make([]any, len(args))
	for j, s := range args {
		if strings.HasPrefix(s, "@") && i18n.Has(s[1:]) {
			s = i18n.T(lang, s[1:])
		}
		a[j] = s
	}
	return i18n.T(lang, id, a...)
}

func auditText(rep audit.Report, lang i18n.Lang, md bool) string {
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
		} else if level == 2 {
			b.WriteString(strings.Repeat("-", i18n.Width(s)) + "\n")
		}
		b.WriteString("\n")
	}
	bullet := func(s string) {
		if md {
			b.WriteString("- " + s + "\n")
			return
		}
		b.WriteString("  " + s + "\n")
	}
	heading(1, t("audit.title", rep.Account))
	b.WriteString(t("audit.summary", strconv.Itoa(rep.RecoveryPoints), strconv.Itoa(rep.Selections), strconv.Itoa(rep.Failing)) + "\n")
	if rep.OK {
		b.WriteString(t("audit.ok") + "\n")
	}
	if rep.Caller == "" {
		b.WriteString(t("audit.no-caller") + "\n")
	}
	b.WriteString("\n")
	if len(rep.Causes) > 0 {
		heading(2, t("audit.causes"))
		rows := [][]string{{t("audit.col.rule"), t("audit.col.action"), t("audit.col.layer"), t("audit.col.count")}}
		for _, c := range rep.Causes {
			rows = append(rows, []string{c.RuleID, c.Action, auditLayer(lang, c.Layer), strconv.Itoa(c.Count)})
		}
		if md {
			for i, row := range rows {
				b.WriteString("| " + strings.Join(row, " | ") + " |\n")
				if i == 0 {
					b.WriteString(strings.Repeat("|---", len(row)) + "|\n")
				}
			}
		} else {
			b.WriteString(i18n.Table(rows))
		}
		b.WriteString("\n")
	}
	if len(rep.Items) == 0 {
		return b.String()
	}
	heading(2, t("audit.findings"))
	for _, it := range rep.Items {
		heading(3, t("audit.item."+it.Kind, it.ARN))
		if it.Operation != "" {
			bullet(t("audit.operation", it.Operation))
		}
		switch {
		case it.Kind == audit.KindSelection:
			bullet(t("audit.selection-role", it.Role))
		case it.Role == "":
			bullet(t("audit.role.none"))
		default:
			bullet(t("audit.role", it.Role, t("audit.role-source."+it.RoleSource)))
		}
		if it.InstanceRole != "" {
			bullet(t("audit.instance-role", it.InstanceRole))
		}
		if it.Error != "" {
			bullet(t("audit.error", it.Error))
		}
		for _, f := range it.Findings {
			if f.Error != "" {
				bullet(t("audit.error", f.Action+" "+f.Resource+": "+f.Error))
				continue
			}
			bullet(t("audit.denied", f.PrincipalARN, f.Action, f.Resource, auditLayer(lang, f.Layer)))
			if f.Message != "" {
				bullet(t("audit.aws-says", f.Message))
			}
			if f.Fix != nil {
				title := fixTitle(lang, f.Fix.Title, f.Fix.TitleMsg.ID, f.Fix.TitleMsg.Args)
				if f.Fix.Verified {
					bullet(t("audit.fix", title))
				} else {
					bullet(t("audit.fix.unverified", title))
				}
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(t("audit.more-detail") + "\n")
	return b.String()
}

// SARIF 2.1.0, the parts denied writes.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID               string    `json:"id"`
	ShortDescription sarifText `json:"shortDescription"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	LogicalLocations []sarifLogical `json:"logicalLocations"`
}

type sarifLogical struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

func auditSARIF(rep audit.Report, lang i18n.Lang) sarifLog {
	t := func(id string, args ...any) string { return i18n.T(lang, id, args...) }
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "denied", Version: Version,
		InformationURI: "https://github.com/deniedhq/denied", Rules: []sarifRule{}}}, Results: []sarifResult{}}
	rules := map[string]string{}
	for _, it := range rep.Items {
		loc := []sarifLocation{{LogicalLocations: []sarifLogical{{Name: it.ARN, FullyQualifiedName: it.ARN, Kind: "resource"}}}}
		if it.Error != "" {
			id := "denied." + it.Kind + ".error"
			rules[id] = t("audit.layer.error")
			run.Results = append(run.Results, sarifResult{RuleID: id, Level: "error", Message: sarifText{t("audit.sarif.error", it.ARN, it.Error)}, Locations: loc})
		}
		for _, f := range it.Findings {
			rules[f.RuleID] = t("audit.sarif.rule", f.Action)
			msg := t("audit.sarif.message", f.Action, f.PrincipalARN, f.Resource, auditLayer(lang, f.Layer), f.Message)
			if f.Error != "" {
				msg = t("audit.sarif.error", f.Action+" "+f.Resource, f.Error)
			}
			if f.Fix != nil {
				id := "audit.fix"
				if !f.Fix.Verified {
					id = "audit.fix.unverified"
				}
				msg += " " + t(id, fixTitle(lang, f.Fix.Title, f.Fix.TitleMsg.ID, f.Fix.TitleMsg.Args))
			}
			run.Results = append(run.Results, sarifResult{RuleID: f.RuleID, Level: "error", Message: sarifText{msg}, Locations: loc})
		}
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: id, ShortDescription: sarifText{rules[id]}})
	}
	return sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
}
