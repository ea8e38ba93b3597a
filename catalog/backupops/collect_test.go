package backupops

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/deniedhq/denied/catalog"
)

// Every action denied collect calls exists, is read-only (List, Get, Describe), and the
// README's minimal policy lists exactly these.
func TestPermissions(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(slices.Clone(CollectActions), CollectOrgActions...) {
		a, ok := catalog.LookupAction(p)
		if !ok {
			t.Errorf("%s is not a known action", p)
			continue
		}
		if a.AccessLevel != "List" && a.AccessLevel != "Read" && p != "sts:GetCallerIdentity" && p != "sts:AssumeRole" {
			t.Errorf("%s has access level %q: the collector must only read", p, a.AccessLevel)
		}
		if !strings.Contains(string(readme), `"`+p+`"`) {
			t.Errorf("README.md's collector policy lacks %s", p)
		}
	}
}
