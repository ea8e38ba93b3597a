package i18n_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/preflight"
)

// catalogTexts returns every text of the operations catalog (and the
// collect operation of check) by its message id.
func catalogTexts() map[string]string {
	m := map[string]string{}
	ops := append([]backupops.Operation{preflight.CollectOperation()}, backupops.All()...)
	for _, op := range ops {
		m[backupops.TitleID(op.ID)] = op.Title
		for _, c := range op.Conditions {
			m[c.ID] = c.Text
			if c.When != "" {
				m[backupops.WhenID(c.When)] = c.When
			}
		}
		for _, r := range op.Requirements {
			if r.When != "" {
				m[backupops.WhenID(r.When)] = r.When
			}
		}
	}
	return m
}

// The English of internal/i18n/backupops.go is the catalog's text, word
// for word, for every title, condition and when phrase; every one has a
// Japanese and a Korean translation; none is left over from an old text.
func TestBackupopsTextsMatchCatalog(t *testing.T) {
	texts := catalogTexts()
	if len(texts) < 100 {
		t.Fatalf("%d catalog texts: the catalog holds more", len(texts))
	}
	ids := make([]string, 0, len(texts))
	for id := range texts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		en := texts[id]
		if !i18n.Has(id) {
			t.Errorf("no translation of %s %q (add it to internal/i18n/backupops.go)", id, en)
			continue
		}
		if got := i18n.Text(i18n.EN, id); got != en {
			t.Errorf("%s: English drifted from the catalog:\n i18n   %q\n catalog %q", id, got, en)
		}
		for _, l := range []i18n.Lang{i18n.JA, i18n.KO} {
			tr := i18n.Text(l, id)
			if tr == "" || tr == en {
				t.Errorf("%s (%s): not translated: %q", id, l, tr)
			}
			if e := i18n.EnglishIn(l, tr); len(e) > 0 {
				t.Errorf("%s (%s): English %q in %q", id, l, e, tr)
			}
		}
	}
	for _, id := range i18n.IDs() {
		if strings.HasPrefix(id, "backupops.") && !strings.HasPrefix(id, "backupops.kind.") {
			if _, ok := texts[id]; !ok {
				t.Errorf("%s %q is no text of the catalog any more (its English changed or it was removed)", id, i18n.Text(i18n.EN, id))
			}
		}
	}
	for _, k := range []string{backupops.KindTrust, backupops.KindVaultPolicy, backupops.KindKeyPolicy, backupops.KindBucketPolicy, backupops.KindOrganization, backupops.KindService} {
		if i18n.Text(i18n.EN, "backupops.kind."+k) != k {
			t.Errorf("kind %s: English label %q", k, i18n.Text(i18n.EN, "backupops.kind."+k))
		}
	}
}

// Identifiers (IAM actions, policy names, ARNs' parts) are kept in each
// translation: a translation that drops or renames one misleads.
func TestBackupopsTranslationsKeepIdentifiers(t *testing.T) {
	for id, en := range catalogTexts() {
		for _, tok := range strings.FieldsFunc(en, func(r rune) bool { return strings.ContainsRune(" ,;()\"", r) }) {
			tok = strings.TrimRight(tok, ".:")
			if !strings.Contains(tok, ":") && !strings.HasPrefix(tok, "AWSBackup") {
				continue
			}
			for _, l := range []i18n.Lang{i18n.JA, i18n.KO} {
				if !strings.Contains(i18n.Text(l, id), tok) {
					t.Errorf("%s (%s): %q lost from %q", id, l, tok, i18n.Text(l, id))
				}
			}
		}
	}
}
