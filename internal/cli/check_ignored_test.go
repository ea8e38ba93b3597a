package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/deniedhq/denied/internal/report"
	"github.com/deniedhq/denied/preflight"
)

const (
	permissiveSnap = "../../testdata/check/permissive.json"
	permissiveIAM  = "arn:aws:iam::111122223333:"
	permissiveRP   = "arn:aws:backup:eu-west-1:111122223333:recovery-point:"
	unknownKey     = "arn:aws:kms:eu-west-1:111122223333:key/9999ffff-99ff-99ff-99ff-999999999999"
)

// checkJSON runs check with args in JSON and returns its exit code and
// the report's status and ignored flags.
func checkJSON(t *testing.T, args ...string) (int, string, []string, string) {
	t.Helper()
	out, errOut, code := runCLI(t, "", append(append([]string{"check"}, args...), "--format", "json")...)
	var rep struct {
		Status       string
		IgnoredFlags []string
		Parameters   map[string]string
		Role         string
	}
	if code != ExitUsage && code != ExitRuntime {
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	return code, rep.Status, rep.IgnoredFlags, out + errOut
}

// A flag the operation does not read is reported ignored, in every
// format and language, and the exit code is the check's: before, an
// unknown key given to put-vault-policy, or a misspelled role to
// create-vault, read "Every checked request would be allowed." as if
// they had been checked.
func TestCheckIgnoredFlags(t *testing.T) {
	t.Parallel()
	who := []string{"--snapshot", permissiveSnap, "--as", permissiveIAM + "user/operator"}
	role := []string{"--role", permissiveIAM + "role/BackupRole"}
	for _, tt := range []struct {
		args    []string
		op      string
		code    int
		ignored []string
	}{
		{[]string{"put-vault-policy", "--vault", "Default", "--kms-key", unknownKey}, "put-vault-policy", ExitOK, []string{"--kms-key"}},
		{[]string{"create-vault", "--vault", "New", "--role", permissiveIAM + "role/Misspelled"}, "create-vault", ExitOK, []string{"--role"}},
		{append([]string{"backup/EBS", "--vault", "Default", "--plan-id", "plan-2"}, role...), "backup/EBS", ExitOK, []string{"--plan-id"}},
		{append([]string{"restore", "--recovery-point", permissiveRP + "rp-ebs", "--destination-vault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:Nope"}, role...), "restore/EBS", ExitOK, []string{"--destination-vault"}},
		// An unknown instance profile of a restore that passes none: exit
		// 4 (unknownInstanceProfile) before.
		{append([]string{"restore", "--recovery-point", permissiveRP + "rp-rds", "--instance-profile", "NoSuchProfile"}, role...), "restore/RDS", ExitOK, []string{"--instance-profile"}},
		{[]string{"collect", "--vault", "Default"}, "collect", ExitOK, []string{"--vault"}},
		// The exit code stays the check's: a missing --vault is could
		// not check, with the key still ignored.
		{append([]string{"put-vault-lock", "--kms-key", unknownKey, "--plan-id", "plan-1", "--kms-key", unknownKey}, role...), "put-vault-lock", ExitUnchecked, []string{"--kms-key", "--plan-id", "--role"}},
	} {
		args := append(append([]string{}, tt.args...), who...)
		code, status, ignored, out := checkJSON(t, args...)
		if code != tt.code || !slices.Equal(ignored, tt.ignored) {
			t.Errorf("%v: exit %d (%s), ignored %v; want exit %d, ignored %v\n%s", tt.args, code, status, ignored, tt.code, tt.ignored, out)
			continue
		}
		for _, format := range []string{"text", "markdown"} {
			for lang, want := range map[string]string{"en": "%s is not used by %s: ignored.", "ja": "%s は %s では使われません: 無視しました。", "ko": "%s은(는) %s에서 사용되지 않습니다: 무시했습니다."} {
				text, _, code := runCLI(t, "", append(append([]string{"check"}, args...), "--format", format, "--lang", lang)...)
				for _, f := range tt.ignored {
					if line := strings.Replace(strings.Replace(want, "%s", f, 1), "%s", tt.op, 1); code != tt.code || !strings.Contains(text, line) {
						t.Errorf("%v %s %s: exit %d, want %d and %q:\n%s", tt.args, format, lang, code, tt.code, line, text)
					}
				}
			}
		}
	}
	// Every flag read: none is said ignored.
	out, _, code := runCLI(t, "", append([]string{"check", "put-vault-policy", "--vault", "Default", "--lang", "en"}, who...)...)
	if code != ExitOK || strings.Contains(out, "ignored") {
		t.Errorf("exit %d, want 0 and no ignored flag:\n%s", code, out)
	}
}

// Every operation --list shows, given every flag it lists (and the short
// names with the flags of their what-if forms), reports no flag ignored:
// the flags an operation reads are not too few for what it documents.
func TestCheckDocumentedFlagsNotIgnored(t *testing.T) {
	t.Parallel()
	out, _, code := runCLI(t, "", "check", "--list", "--format", "json")
	if code != ExitOK {
		t.Fatalf("--list: exit %d", code)
	}
	var list report.OperationList
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	value := func(id, flag string) string {
		switch flag {
		case "--role":
			return permissiveIAM + "role/BackupRole"
		case "--vault":
			return "Default"
		case "--kms-key", "--destination-kms-key":
			return unknownKey
		case "--recovery-point":
			// A recovery point of the operation's type: one of another
			// type contradicts its --resource-type (a usage error).
			rt := "EBS"
			if e := strings.Split(id, "/"); len(e) > 1 && e[0] != "copy" {
				rt = e[1]
			}
			if rp, ok := map[string]string{"EC2": "rp-ec2", "EBS": "rp-ebs", "RDS": "rp-rds", "EFS": "rp-efs", "DynamoDB": "rp-ddb"}[rt]; ok {
				return permissiveRP + rp
			}
			return "" // none of that type in the snapshot: not given
		case "--resource-type":
			if e := strings.Split(id, "/"); len(e) > 1 && e[0] != "copy" {
				return e[1]
			}
			return "EBS"
		case "--instance-role":
			if id == "restore/EC2/original-role" {
				return "original"
			}
			return permissiveIAM + "role/AppRole"
		case "--instance-profile":
			return "AppRole"
		case "--resource-arn":
			// A resource of the operation's type: one of another kind is
			// a usage error.
			rt := "EBS"
			if e := strings.Split(id, "/"); len(e) > 1 {
				rt = e[1]
			}
			const r = "eu-west-1:111122223333:"
			if a, ok := map[string]string{
				"EC2": "arn:aws:ec2:" + r + "instance/i-0123456789abcdef0", "EBS": "arn:aws:ec2:" + r + "volume/vol-0123456789abcdef0",
				"RDS": "arn:aws:rds:" + r + "db:db1", "Aurora": "arn:aws:rds:" + r + "cluster:c1", "DocumentDB": "arn:aws:rds:" + r + "cluster:c1",
				"Neptune": "arn:aws:rds:" + r + "cluster:c1", "DynamoDB": "arn:aws:dynamodb:" + r + "table/t1",
				"EFS": "arn:aws:elasticfilesystem:" + r + "file-system/fs-0123456789abcdef0", "FSx": "arn:aws:fsx:" + r + "file-system/fs-0123456789abcdef0",
				"S3": "arn:aws:s3:::bucket-1", "StorageGateway": "arn:aws:storagegateway:" + r + "gateway/sgw-12A3456B/volume/vol-1122AABB",
				"CloudFormation": "arn:aws:cloudformation:" + r + "stack/s1/11111111-2222-3333-4444-555555555555",
				"Timestream":     "arn:aws:timestream:" + r + "database/d1/table/t1", "SAPHANA": "arn:aws:ssm-sap:" + r + "HANA/app/DB/db",
				"Redshift": "arn:aws:redshift:" + r + "cluster:c1", "VMware": "arn:aws:backup-gateway:" + r + "vm/vm-0123456789abcdef0",
			}[rt]; ok {
				return a
			}
			t.Fatalf("%s: no resource ARN of type %s", id, rt)
			return ""
		case "--destination-vault":
			return "arn:aws:backup:eu-west-1:111122223333:backup-vault:Second"
		case "--destination-region":
			return "eu-west-1"
		case "--destination-account":
			return "111122223333"
		case "--plan-id":
			return "plan-1"
		case "--scan-role":
			return permissiveIAM + "role/BackupRole"
		case "--changeable-for-days", "--min-retention-days":
			return "3"
		case "--max-retention-days":
			return "30"
		}
		t.Fatalf("%s: no value for %s", id, flag)
		return ""
	}
	type run struct {
		op    string
		flags []string
	}
	var runs []run
	for _, e := range list.Operations {
		// --instance-role and --instance-profile are read alike, and
		// not given together.
		var one, other []string
		for _, f := range e.Params {
			switch f {
			case "--instance-role":
				one = append(one, f)
			case "--instance-profile":
				other = append(other, f)
			default:
				one, other = append(one, f), append(other, f)
			}
		}
		runs = append(runs, run{e.ID, one})
		if !slices.Equal(one, other) && e.ID != "restore/EC2/original-role" {
			runs = append(runs, run{e.ID, other})
		}
	}
	runs = append(runs,
		run{"restore", []string{"--resource-type", "--vault", "--kms-key", "--role"}},
		run{"restore", []string{"--resource-type", "--vault", "--kms-key", "--role", "--instance-role"}},
		run{"restore", []string{"--resource-type", "--vault", "--kms-key", "--role", "--instance-profile"}},
		run{"restore", []string{"--recovery-point", "--role"}},
		run{"backup", []string{"--resource-type", "--vault", "--kms-key", "--role", "--resource-arn"}},
		run{"copy", []string{"--recovery-point", "--vault", "--kms-key", "--role", "--destination-vault", "--destination-kms-key"}},
		run{"create-vault", []string{"--name", "--kms-key"}},
	)
	for _, r := range runs {
		args := []string{r.op, "--snapshot", permissiveSnap, "--as", permissiveIAM + "user/operator"}
		for _, f := range r.flags {
			id := r.op
			if r.op == "restore" {
				id = "restore/EC2"
			}
			if f == "--name" {
				args = append(args, f, "New")
				continue
			}
			if v := value(id, f); v != "" {
				args = append(args, f, v)
			}
		}
		code, status, ignored, out := checkJSON(t, args...)
		if code == ExitUsage || code == ExitRuntime || len(ignored) > 0 {
			t.Errorf("%v: exit %d (%s), ignored %v; want a check and none ignored\n%s", args, code, status, ignored, out)
		}
	}
	if len(runs) < 45 {
		t.Errorf("only %d runs", len(runs))
	}
}

// Every flag of check is either one an operation may not read
// (preflight.ParamOfFlag) or one every check reads: a new flag must say
// which.
func TestCheckFlagsClassified(t *testing.T) {
	t.Parallel()
	every := []string{"--as", "--snapshot", "--live", "--profile", "--region", "--account", "--format", "--lang", "--output", "--timeout", "--call-timeout", "--list"}
	env := &Env{Getenv: func(string) string { return "" }}
	n := 0
	newCheckCmd(env).Flags().VisitAll(func(f *pflag.Flag) {
		n++
		name := "--" + f.Name
		_, read := preflight.ParamOfFlag(name)
		if read == slices.Contains(every, name) {
			t.Errorf("%s: an operation's flag %v, every check's %v: want exactly one", name, read, !read)
		}
	})
	if n < 25 {
		t.Errorf("only %d flags", n)
	}
}
