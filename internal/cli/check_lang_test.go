package cli

import (
	"sort"
	"strings"
	"testing"

	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/preflight"
)

// withoutIdentifiers drops from a check report what is no prose of
// denied's: the AWS message quoted under "AWS says:" (indented, in the
// text form; fenced in Markdown), and the names the CLI takes as they are
// (the operation aliases and AWS Backup's resource type values, such as
// "SAP HANA on Amazon EC2").
func withoutIdentifiers(l i18n.Lang, report string) string {
	names := []string{strings.Join(preflight.Aliases, ", ")}
	for _, rt := range backupops.ResourceTypes() {
		for _, n := range append([]string{rt.AWS}, rt.Aliases...) {
			if strings.Contains(n, " ") {
				names = append(names, n)
			}
		}
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	label := i18n.T(l, "preflight.aws-says")
	var b strings.Builder
	quoted := false
	for _, line := range strings.Split(report, "\n") {
		switch {
		case strings.TrimSpace(line) == label:
			quoted = true
			continue
		case quoted && strings.HasPrefix(line, "    "):
			continue
		}
		quoted = false
		for _, n := range names {
			if n != "" {
				line = strings.ReplaceAll(line, n, " ")
			}
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// checkLangCases are check reports that, together, show titles,
// conditions decided and to verify, when phrases, causes, what-if notes
// and fixes.
var checkLangCases = []struct {
	name string
	args []string
}{
	{"restore/EC2 what-if with an instance profile", []string{"check", "restore", "--snapshot", checkRestore, "--resource-type", "ec2", "--vault", "Default",
		"--as", acct + "user/operator", "--role", acct + "role/CustomRestoreRole", "--instance-profile", "AppRole"}},
	{"restore/EC2 original role", []string{"check", "restore", "--snapshot", checkRestore, "--as", acct + "user/operator", "--role", acct + "role/CustomRestoreRole", "--recovery-point", rpEC2}},
	{"restore/S3 what-if, no caller", []string{"check", "restore", "--snapshot", checkRestore, "--resource-type", "s3", "--vault", "Default", "--role", acct + "role/ManagedRestoreRole"}},
	{"create-vault default key", []string{"check", "create-vault", "--snapshot", checkVault, "--vault", "V", "--as", acct + "user/vaultadmin"}},
	{"create-vault/cmk denied by an SCP", []string{"check", "create-vault", "--snapshot", checkVault, "--vault", "V", "--kms-key", vaultKey, "--as", acct + "user/contractor-1"}},
	{"copy/cross-account", []string{"check", "copy", "--snapshot", checkRestore, "--recovery-point", rpEC2, "--as", acct + "user/operator", "--role", acct + "role/ManagedRestoreRole",
		"--destination-vault", "arn:aws:backup:eu-west-1:444455556666:backup-vault:Central", "--destination-kms-key", "arn:aws:kms:eu-west-1:444455556666:key/3333cccc-33cc-33cc-33cc-333333333333"}},
	{"copy/same-region", []string{"check", "copy", "--snapshot", checkRestore, "--recovery-point", rpEC2, "--role", acct + "role/ManagedRestoreRole",
		"--destination-vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:Other"}},
	{"backup/EC2 what-if", []string{"check", "backup", "--snapshot", checkRestore, "--resource-type", "EC2", "--vault", "Default", "--as", acct + "user/operator", "--role", acct + "role/ManagedRestoreRole"}},
	{"create-selection", []string{"check", "create-selection", "--snapshot", checkRestore, "--plan-id", "p-1", "--as", acct + "user/operator", "--role", acct + "role/ManagedRestoreRole"}},
	{"put-vault-lock", []string{"check", "put-vault-lock", "--snapshot", checkVault, "--vault", "V", "--as", acct + "user/vaultadmin", "--changeable-for-days", "3"}},
	{"list", []string{"check", "--list"}},
}

// checkLangGoldens are the Japanese and Korean reports kept as goldens
// (testdata/golden/check/NAME.LANG.txt|md), by case name and format.
var checkLangGoldens = map[string]string{
	"restore/EC2 what-if with an instance profile text": "restore-what-if",
	"copy/cross-account markdown":                       "copy-cross-account",
	"create-vault/cmk denied by an SCP text":            "create-vault-scp",
}

// No English sentence is left in a Japanese or Korean check report, text
// or Markdown (what counts as English: i18n.EnglishIn): not in the
// operation's title, the conditions decided or to verify, their when
// phrases, the notes, nor the list of operations.
func TestCheckNoEnglishInTranslations(t *testing.T) {
	t.Parallel()
	for _, tc := range checkLangCases {
		for _, format := range []string{"text", "markdown"} {
			var en string
			for _, l := range i18n.Langs {
				out, errOut, code := runCLI(t, "", append(append([]string{}, tc.args...), "--format", format, "--lang", string(l))...)
				if code != ExitOK && code != ExitDenied && code != ExitUnchecked {
					t.Fatalf("%s %s %s: exit %d: %s", tc.name, format, l, code, errOut)
				}
				if l == i18n.EN {
					en = out
					continue
				}
				if g := checkLangGoldens[tc.name+" "+format]; g != "" {
					golden(t, "check/"+g+"."+string(l)+map[string]string{"text": ".txt", "markdown": ".md"}[format], out)
				}
				if out == en {
					t.Errorf("%s %s %s: the report is the English one", tc.name, format, l)
				}
				for _, e := range i18n.EnglishIn(l, withoutIdentifiers(l, out)) {
					t.Errorf("%s %s %s: English %q", tc.name, format, l, e)
					for _, line := range strings.Split(out, "\n") {
						if strings.Contains(line, e) {
							t.Logf("in %q", line)
						}
					}
				}
			}
		}
	}
}

// The English report shows the catalog's texts, and the Japanese and
// Korean ones their translations, for every condition of the operation.
func TestCheckRendersCatalogTranslations(t *testing.T) {
	t.Parallel()
	op, _ := backupops.Lookup("restore/EC2/instance-role")
	args := append(append([]string{}, checkLangCases[0].args...), "--lang")
	en, _, _ := runCLI(t, "", append(args, "en")...)
	ja, _, _ := runCLI(t, "", append(args, "ja")...)
	if !strings.Contains(en, op.Title) || !strings.Contains(ja, i18n.T(i18n.JA, backupops.TitleID(op.ID))) || strings.Contains(ja, op.Title) {
		t.Errorf("title: en has %q: %v; ja has its translation: %v", op.Title, strings.Contains(en, op.Title), strings.Contains(ja, i18n.T(i18n.JA, backupops.TitleID(op.ID))))
	}
	for _, c := range op.Conditions {
		if c.Decide == backupops.DecideTrust {
			continue // a row of the table (sts:AssumeRole), not a text
		}
		if !strings.Contains(en, c.Text) {
			t.Errorf("en lacks %q", c.Text)
		}
		if tr := i18n.T(i18n.JA, c.ID); !strings.Contains(ja, tr) || strings.Contains(ja, c.Text) {
			t.Errorf("ja lacks %q (or still has %q)", tr, c.Text)
		}
		if c.When != "" && !strings.Contains(ja, i18n.T(i18n.JA, backupops.WhenID(c.When))) {
			t.Errorf("ja lacks the when phrase of %q", c.Text)
		}
	}
}

// Every operation of the catalog, checked in Japanese and Korean, shows
// its title in that language and no English (the EC2 instance-role
// operations need an instance profile, given for both).
func TestCheckEveryOperationTranslated(t *testing.T) {
	t.Parallel()
	for _, op := range backupops.All() {
		args := []string{"check", op.ID, "--snapshot", checkRestore, "--as", acct + "user/operator", "--role", acct + "role/ManagedRestoreRole", "--kms-key", vaultKey}
		if op.ID == "restore/EC2/instance-role" || op.ID == "restore/EC2/original-role" {
			args = append(args, "--instance-profile", "AppRole")
		}
		for _, l := range []i18n.Lang{i18n.JA, i18n.KO} {
			out, errOut, code := runCLI(t, "", append(args, "--lang", string(l))...)
			if code == ExitUsage || code == ExitRuntime {
				t.Errorf("%s %s: exit %d: %s", op.ID, l, code, errOut)
				continue
			}
			if !strings.Contains(out, i18n.T(l, backupops.TitleID(op.ID))) || strings.Contains(out, op.Title) {
				t.Errorf("%s %s: title not translated:\n%s", op.ID, l, out)
			}
			for _, e := range i18n.EnglishIn(l, withoutIdentifiers(l, out)) {
				t.Errorf("%s %s: English %q", op.ID, l, e)
			}
		}
	}
}
