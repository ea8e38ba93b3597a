package authzmsg_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/report"
)

// textDefectRE finds what an explanation should never print: an unknown
// value shown as "?", a pair of them, and "a" before a vowel-initial policy
// type.
var textDefectRE = regexp.MustCompile(`\(\?, \?\)|\(\?\)|(?:^|\s)\?(?:\s|[.,:]|$)|\ba identity-based\b`)

// TestExplainRealCorpus runs every message of the real corpus through the
// whole explanation (parse, diagnose, the text report in English, Japanese
// and Korean): each must give at least one finding and a report. It prints
// how many reports still show an unknown value as "?" or a wrong article
// (rendered by packages diagnose and i18n), without failing on them.
func TestExplainRealCorpus(t *testing.T) {
	var all bytes.Buffer
	files, err := filepath.Glob("../testdata/messages/real/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	sort.Strings(files)
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	sc := bufio.NewScanner(&all)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	defects := map[i18n.Lang]int{}
	n := 0
	for sc.Scan() {
		var e struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		n++
		d, err := authzmsg.Parse(e.Text)
		if err != nil {
			t.Errorf("%s: %v", e.ID, err)
			continue
		}
		findings := diagnose.Diagnose(d, diagnose.Options{})
		if len(findings) == 0 {
			t.Errorf("%s: no finding", e.ID)
			continue
		}
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA, i18n.KO} {
			var b bytes.Buffer
			ex := []report.Explained{{Denial: d, Decode: diagnose.DecodeStatus{State: "skipped"}, Findings: findings}}
			if err := report.Write(&b, report.Text, report.Explain(ex), report.Options{Lang: lang}); err != nil {
				t.Errorf("%s (%s): %v", e.ID, lang, err)
				continue
			}
			if strings.TrimSpace(b.String()) == "" {
				t.Errorf("%s (%s): empty report", e.ID, lang)
			}
			if m := textDefectRE.FindString(b.String()); m != "" {
				defects[lang]++
				t.Errorf("%s (%s): an unknown shown as \"?\" or a wrong article: %q", e.ID, lang, strings.TrimSpace(m))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("explained %d real messages; reports with an unknown shown as \"?\" or a wrong article: en %d, ja %d, ko %d", n, defects[i18n.EN], defects[i18n.JA], defects[i18n.KO])
}
