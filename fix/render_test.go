package fix

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/fix/golden")

const goldenDir = "../testdata/fix/golden"

// allFixes returns every fix of every case file, and of a few problems
// known only by their request.
func allFixes(t *testing.T) map[string][]Fix {
	t.Helper()
	out := map[string][]Fix{}
	for _, name := range caseNames(t) {
		out[name] = Propose(Problem{Input: inputOf(t, loadCase(t, name))}, testOptions)
	}
	for name, p := range requestOnlyProblems() {
		out[name] = Propose(p, testOptions)
	}
	return out
}

// requestOnlyProblems are denials read from error messages.
func requestOnlyProblems() map[string]Problem {
	vault := eval.Request{Principal: "arn:aws:sts::444455556666:assumed-role/BackupOperator/jdoe", Action: "backup:CreateBackupVault",
		Resource: "arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault"}
	return map[string]Problem{
		"message-boundary": {Input: &eval.Input{Request: vault}, Layer: "permissionsBoundary"},
		"message-scp-deny": {Input: &eval.Input{Request: vault}, Layer: "scp", Explicit: true, Deciding: []eval.StatementRef{
			{Layer: "scp", Policy: "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-regionfence", Effect: "Deny"}}},
		"message-key-policy": {Input: &eval.Input{Request: eval.Request{Principal: "arn:aws:iam::444455556666:user/bob", Action: "kms:Decrypt",
			Resource: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}, Layer: "resource"},
	}
}

// goldenFiles returns the files a fix renders to.
func goldenFiles(f Fix) map[string]string {
	files := map[string]string{}
	add := func(name, text string) {
		if text != "" {
			files[f.ID+name] = text
		}
	}
	add(".policy.json", f.Render.PolicyJSON)
	if len(f.Render.CLI) > 0 {
		add(".cli.sh", strings.Join(f.Render.CLI, "\n")+"\n")
	}
	add(".tf", f.Render.Terraform)
	add(".cfn.yaml", f.Render.CloudFormation)
	return files
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for name, fixes := range allFixes(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(goldenDir, name)
			want := map[string]string{}
			for _, f := range fixes {
				for k, v := range goldenFiles(f) {
					want[k] = v
				}
			}
			if *update {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				for k, v := range want {
					if err := os.WriteFile(filepath.Join(dir, k), []byte(v), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatalf("%v (run go test ./fix -update)", err)
			}
			for _, e := range entries {
				if _, ok := want[e.Name()]; !ok {
					t.Errorf("%s/%s: no fix renders it any more", name, e.Name())
				}
			}
			for k, v := range want {
				got, err := os.ReadFile(filepath.Join(dir, k))
				if err != nil {
					t.Errorf("%v (run go test ./fix -update)", err)
					continue
				}
				if string(got) != v {
					t.Errorf("%s/%s differs (run go test ./fix -update and review the diff):\n--- golden\n%s\n--- now\n%s", name, k, got, v)
				}
			}
		})
	}
}

// The JSON in every CLI command reads back, through the shell's quoting,
// as the fix's document.
func TestCLIPayloadRoundTrip(t *testing.T) {
	t.Parallel()
	payloads, quoted := 0, 0
	for name, fixes := range allFixes(t) {
		for _, f := range fixes {
			p, q := checkRendering(t, name, f)
			payloads += p
			quoted += q
		}
	}
	if payloads < 10 || quoted == 0 {
		t.Errorf("%d payloads, %d with a quote: the test cases no longer exercise the quoting", payloads, quoted)
	}
}

// shellSplit splits a command line as a POSIX shell does (quotes and
// backslashes; no expansions).
func shellSplit(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, errors.New("unterminated single quote")
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\"\\$`", s[i+1]) >= 0 {
					i++
				}
				cur.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New("unterminated double quote")
			}
			inWord = true
		case c == '\\':
			if i+1 < len(s) {
				i++
				cur.WriteByte(s[i])
			}
			inWord = true
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

func TestShellSplit(t *testing.T) {
	t.Parallel()
	got, err := shellSplit(`a 'b c' 'it'\''s' "d\"e" f\ g`)
	if err != nil || !equalStrings(got, []string{"a", "b c", "it's", `d"e`, "f g"}) {
		t.Errorf("shellSplit = %q, %v", got, err)
	}
	if _, err := shellSplit(`a 'b`); err == nil {
		t.Errorf("unterminated quote accepted")
	}
}

// Terraform renderings are balanced, use jsonencode for whole documents
// and, when terraform is installed, are formatted as terraform fmt
// formats them.
func TestTerraform(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{}
	for name, fixes := range allFixes(t) {
		for _, f := range fixes {
			src := f.Render.Terraform
			if src == "" {
				continue
			}
			if err := balanced(src); err != nil {
				t.Errorf("%s/%s: %v\n%s", name, f.ID, err, src)
			}
			if f.Complete && (f.Target.Kind != TargetSessionPolicy || strings.Contains(src, "provider")) && !strings.Contains(src, "jsonencode({") {
				t.Errorf("%s/%s: no jsonencode:\n%s", name, f.ID, src)
			}
			if strings.Contains(src, `"{\"`) {
				t.Errorf("%s/%s: the policy is a JSON string, not HCL:\n%s", name, f.ID, src)
			}
			file := name + "." + f.ID + ".tf"
			files[file] = src
			if err := os.WriteFile(filepath.Join(dir, file), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(files) < 10 {
		t.Errorf("only %d Terraform renderings", len(files))
	}
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Log("terraform is not installed: formatting not checked")
		return
	}
	// terraform fmt -check lists the files it would change and fails on
	// syntax errors.
	out, err := exec.Command(tf, "fmt", "-check", "-list=true", dir).CombinedOutput()
	if err != nil {
		t.Errorf("terraform fmt -check: %v\n%s", err, out)
		for _, l := range strings.Fields(string(out)) {
			if src, ok := files[filepath.Base(l)]; ok {
				t.Errorf("%s:\n%s", filepath.Base(l), src)
			}
		}
	}
}

// balanced checks that braces, brackets and parentheses outside strings
// and comments pair up.
func balanced(src string) error {
	var stack []byte
	pairs := map[byte]byte{'}': '{', ']': '[', ')': '('}
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		in := false
		for i := 0; i < len(line); i++ {
			c := line[i]
			switch {
			case in && c == '\\':
				i++
			case c == '"':
				in = !in
			case in:
			case c == '{' || c == '[' || c == '(':
				stack = append(stack, c)
			case c == '}' || c == ']' || c == ')':
				if len(stack) == 0 || stack[len(stack)-1] != pairs[c] {
					return errors.New("unbalanced " + string(c))
				}
				stack = stack[:len(stack)-1]
			}
		}
		if in {
			return errors.New("unterminated string")
		}
	}
	if len(stack) > 0 {
		return errors.New("unclosed " + string(stack))
	}
	return nil
}

func TestHCLValues(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"${aws:username}", `"$${aws:username}"`},
		{"%{x}", `"%%{x}"`},
		{"$x % {", `"$x % {"`},
		{"a\"b\\c\nd", `"a\"b\\c\nd"`},
	}
	for _, tt := range tests {
		if got := hclString(tt.in); got != tt.want {
			t.Errorf("hclString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	for k, want := range map[string]string{"Version": "Version", "aws:PrincipalArn": `"aws:PrincipalArn"`, "a-b": "a-b", "1a": `"1a"`} {
		if got := hclKey(k); got != want {
			t.Errorf("hclKey(%q) = %s, want %s", k, got, want)
		}
	}
	p, _ := policy.Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/home/${aws:username}/*"}]}`))
	b, _ := p.MarshalJSON()
	n, err := parseTree(b)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	writeHCLValue(&sb, n, 0)
	if !strings.Contains(sb.String(), `Resource = "arn:aws:s3:::b/home/$${aws:username}/*"`) {
		t.Errorf("policy variable not escaped:\n%s", sb.String())
	}
}

// CloudFormation renderings name the right resource type and, when
// Python's yaml module is installed, load as YAML.
func TestCloudFormation(t *testing.T) {
	t.Parallel()
	types := map[TargetKind]string{
		TargetRoleInline: "AWS::IAM::RolePolicy", TargetUserInline: "AWS::IAM::UserPolicy", TargetBoundary: "AWS::IAM::ManagedPolicy",
		TargetSCP: "AWS::Organizations::Policy", TargetKeyPolicy: "AWS::KMS::Key", TargetTrustPolicy: "AWS::IAM::Role",
		TargetVaultPolicy: "AWS::Backup::BackupVault",
	}
	dir := t.TempDir()
	var paths []string
	seen := map[TargetKind]bool{}
	for name, fixes := range allFixes(t) {
		for _, f := range fixes {
			src := f.Render.CloudFormation
			if src == "" {
				continue
			}
			if typ, ok := types[f.Target.Kind]; ok && f.Complete {
				seen[f.Target.Kind] = true
				if !strings.Contains(src, "\n    Type: "+typ+"\n") {
					t.Errorf("%s/%s: not a %s:\n%s", name, f.ID, typ, src)
				}
			}
			path := filepath.Join(dir, name+"."+f.ID+".yaml")
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, path)
		}
	}
	var missing []string
	for k := range types {
		if !seen[k] {
			missing = append(missing, string(k))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("no case renders %v", missing)
	}
	py, err := exec.LookPath("python3")
	if err != nil || exec.Command(py, "-c", "import yaml").Run() != nil {
		t.Log("python3 with yaml is not installed: YAML syntax not checked")
		return
	}
	const script = `
import sys, yaml
bad = 0
for p in sys.argv[1:]:
    try:
        yaml.safe_load(open(p))
    except Exception as e:
        print(p, e)
        bad += 1
sys.exit(1 if bad else 0)
`
	if out, err := exec.Command(py, append([]string{"-c", script}, paths...)...).CombinedOutput(); err != nil {
		t.Errorf("not YAML: %v\n%s", err, out)
	}
}

func TestYAMLScalars(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Allow": "Allow", "iam:PassRole": "iam:PassRole", "*": "'*'", "2012-10-17": "'2012-10-17'", "yes": "'yes'",
		"O'Brien": "'O''Brien'", "a: b": "'a: b'", "ends:": "'ends:'", "a\nb": `"a\nb"`, "": "''",
	} {
		if got := yamlScalar(str(in)); got != want {
			t.Errorf("yamlScalar(%q) = %s, want %s", in, got, want)
		}
	}
}

// BenchmarkRender renders every fix of every case of the corpus (the
// plans are made once, outside the loop).
func BenchmarkRender(b *testing.B) {
	var fixes []Fix
	var ris []*reqInfo
	files, _ := filepath.Glob(filepath.Join(casesDir, "*.json"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		c, err := simulate.DecodeCase(data)
		if err != nil {
			b.Fatal(err)
		}
		in, err := c.Input()
		if err != nil {
			b.Fatal(err)
		}
		ri, err := newReqInfo(in, testOptions, nil)
		if err != nil {
			continue
		}
		for _, f := range PlanFor(Problem{Input: in}, testOptions).Proposals() {
			f.Render = Renderings{}
			fixes = append(fixes, f)
			ris = append(ris, ri)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range fixes {
			f := fixes[i]
			render(&f, ris[i])
		}
	}
	b.ReportMetric(float64(len(fixes)), "fixes")
}
