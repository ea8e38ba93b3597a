package archtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/deniedhq/denied"

// sdkFree are the packages that must not link the AWS SDK: the engine, the
// evaluation pipeline, the fixes, the diagnosis, the checks and the
// offline explain path, the grouping of jobs and the reports. Only the
// collector, the live modes, jobs/awsjobs and authzmsg/sts may. Every
// package listed must exist: one renamed or moved fails the test instead
// of going unchecked.
var sdkFree = []string{
	"authz", "eval", "fix", "diagnose", "preflight", "audit",
	"authzmsg", "policy", "simulate", "account", "catalog", "catalog/backupops", "catalog/managed",
	"internal/i18n", "jobs", "internal/report",
}

// sdkPrefixes are the import paths of the AWS SDK for Go v2 and smithy-go.
var sdkPrefixes = []string{"github.com/aws/"}

func TestNoAWSSDK(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command in PATH")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for _, p := range sdkFree {
		if st, err := os.Stat(filepath.Join(root, p)); err != nil || !st.IsDir() {
			t.Errorf("%s is listed as SDK-free but does not exist: update the list", p)
			continue
		}
		pkgs = append(pkgs, module+"/"+p)
	}
	for _, p := range pkgs {
		cmd := exec.Command(goBin, "list", "-deps", p)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			msg := ""
			if ee, ok := err.(*exec.ExitError); ok {
				msg = string(ee.Stderr)
			}
			t.Fatalf("go list -deps %s: %v\n%s", p, err, msg)
		}
		var bad []string
		for _, dep := range strings.Fields(string(out)) {
			for _, pre := range sdkPrefixes {
				if strings.HasPrefix(dep, pre) {
					bad = append(bad, dep)
				}
			}
		}
		if len(bad) > 0 {
			t.Errorf("%s links the AWS SDK (%d packages), through: %s\n(find the path with: go list -deps -f '{{.ImportPath}}: {{.Imports}}' ./%s | grep aws)",
				strings.TrimPrefix(p, module+"/"), len(bad), strings.Join(bad[:min(len(bad), 5)], ", "), strings.TrimPrefix(p, module+"/"))
		}
	}
}

// TestAuthzPure keeps the engine's direct imports to the standard library,
// the policy language and internal/arn: no service catalog (what the
// engine needs to know about services is passed in), no case format.
func TestAuthzPure(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command in PATH")
	}
	cmd := exec.Command(goBin, "list", "-f", "{{join .Imports \" \"}}", module+"/authz")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list authz: %v", err)
	}
	allowed := map[string]bool{module + "/policy": true, module + "/internal/arn": true}
	for _, imp := range strings.Fields(string(out)) {
		if strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") && !allowed[imp] {
			t.Errorf("authz imports %s; the engine imports only the standard library, policy and internal/arn", imp)
		}
	}
}

// layerDeps are module packages that a package must not link (directly or
// not): the pipeline does not know the case format, the snapshot or the
// fixes; the case format does not know the snapshot or the checks; the
// fixes, checks and diagnosis work on the pipeline, not the case format.
var layerDeps = map[string][]string{
	"fix":       {"simulate", "account", "preflight", "audit", "diagnose", "internal/cli", "internal/report"},
	"preflight": {"simulate", "internal/cli", "internal/report"},
	"audit":     {"simulate", "internal/cli", "internal/report"},
	"diagnose":  {"simulate", "internal/cli", "internal/report"},
	"eval":      {"simulate", "account", "fix", "preflight", "audit", "diagnose", "internal/cli", "internal/report"},
	"simulate":  {"account", "preflight", "audit", "diagnose", "fix", "internal/cli", "internal/report"},
	"account":   {"simulate", "preflight", "audit", "diagnose", "fix", "internal/cli", "internal/report"},
}

func TestLayerDeps(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command in PATH")
	}
	for pkg, banned := range layerDeps {
		cmd := exec.Command(goBin, "list", "-deps", module+"/"+pkg)
		cmd.Dir = "../.."
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		deps := map[string]bool{}
		for _, d := range strings.Fields(string(out)) {
			deps[d] = true
		}
		for _, b := range banned {
			if deps[module+"/"+b] {
				t.Errorf("%s links %s (find the path with: go list -deps -f '{{.ImportPath}}: {{.Imports}}' ./%s | grep %s)", pkg, b, pkg, b)
			}
		}
	}
}
