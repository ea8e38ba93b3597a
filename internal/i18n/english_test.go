package i18n

import (
	"sort"
	"testing"
)

// No Japanese or Korean message of the catalog holds an English
// sentence (what EnglishIn calls one), whatever fills its arguments.
func TestCatalogHasNoEnglish(t *testing.T) {
	ids := IDs()
	sort.Strings(ids)
	for _, id := range ids {
		for _, l := range []Lang{JA, KO} {
			if e := EnglishIn(l, verb.ReplaceAllString(Text(l, id), "X")); len(e) > 0 {
				t.Errorf("%s (%s): English %q in %q", id, l, e, Text(l, id))
			}
		}
	}
	// It can fail.
	if e := EnglishIn(JA, "ロール X は the restore role を渡せません"); len(e) == 0 {
		t.Error("EnglishIn found no English in a Japanese sentence holding some")
	}
}
