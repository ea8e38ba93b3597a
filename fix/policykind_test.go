package fix

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/i18n"
)

// TestPolicyKindEveryTarget: every TargetKind constant declared in the
// package is in TargetKinds and has a label in en, ja and ko; the English
// one is the JSON's render.policyKind (kindName); a target that is no
// policy says "no policy change", a policy's names a policy.
func TestPolicyKindEveryTarget(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	declared := map[TargetKind]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok {
				if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "TargetKind" {
					for _, v := range vs.Values {
						if bl, ok := v.(*ast.BasicLit); ok {
							declared[TargetKind(strings.Trim(bl.Value, `"`))] = true
						}
					}
				}
			}
			return true
		})
	}
	listed := map[TargetKind]bool{}
	for _, k := range TargetKinds() {
		listed[k] = true
	}
	if len(declared) < 18 {
		t.Fatalf("found %d TargetKind constants", len(declared))
	}
	for k := range declared {
		if !listed[k] {
			t.Errorf("TargetKind %q is not in TargetKinds()", k)
		}
	}
	for _, k := range TargetKinds() {
		for _, arn := range []string{"", "arn:aws:iam::aws:policy/AdministratorAccess"} {
			tg := Target{Kind: k, ARN: arn}
			id := PolicyKindID(tg)
			if id == "" {
				t.Errorf("%s: no policy-kind message", k)
				continue
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.JA, i18n.KO} {
				if i18n.Text(lang, id) == "" || i18n.Text(lang, id) == id {
					t.Errorf("%s: %s has no %s text", k, id, lang)
				}
			}
			en := kindName(tg)
			if en != i18n.T(i18n.EN, id) {
				t.Errorf("%s: kindName %q, i18n %q", k, en, i18n.T(i18n.EN, id))
			}
			noPolicy := k == TargetRestoreJob || k == TargetRequest
			switch {
			case noPolicy && en != "no policy change: a change to the request":
				t.Errorf("%s changes no policy, labelled %q", k, en)
			case !noPolicy && (strings.Contains(en, "no policy") || !strings.Contains(en, "polic") && !strings.Contains(en, "boundary")):
				t.Errorf("%s edits a policy, labelled %q", k, en)
			}
		}
	}
}
