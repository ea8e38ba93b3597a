package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/internal/i18n"
	"github.com/deniedhq/denied/internal/report"
)

// corpusDenials parses every message of the real-message corpus, twice
// over, so that a run crosses explainBatch's boundary.
func corpusDenials(t *testing.T) []*authzmsg.Denial {
	t.Helper()
	files, err := filepath.Glob("../../testdata/messages/real/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	sort.Strings(files)
	var all []byte
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	var ds []*authzmsg.Denial
	for range 2 {
		sc := bufio.NewScanner(bytes.NewReader(all))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var m struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Fatal(err)
			}
			if d, err := authzmsg.Parse(m.Text); err == nil {
				ds = append(ds, d)
			}
		}
	}
	if len(ds) <= explainBatch {
		t.Fatalf("%d denials: too few to cross a batch (%d)", len(ds), explainBatch)
	}
	return ds
}

// explainParallel writes the bytes the one-at-a-time loop writes, in every
// format and language, across batches (run under -race: the explanations
// are made on every CPU at once).
func TestExplainParallelSameBytes(t *testing.T) {
	one := func(d *authzmsg.Denial) report.Explained {
		return report.Explained{Denial: d, Decode: diagnose.DecodeStatus{State: "none"}, Findings: diagnose.Diagnose(d, diagnose.Options{})}
	}
	for _, f := range []report.Format{report.Text, report.Markdown, report.JSON} {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
			o := report.Options{Lang: lang, Width: 80}
			var seq, par bytes.Buffer
			w, err := report.NewExplainWriter(&seq, f, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range corpusDenials(t) {
				if err := w.Add(one(d)); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			w, _ = report.NewExplainWriter(&par, f, o)
			if err := explainParallel(w, corpusDenials(t), one); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(seq.Bytes(), par.Bytes()) {
				t.Errorf("%s/%s: parallel output differs from one at a time (%d and %d bytes)", f, lang, seq.Len(), par.Len())
			}
			if f == report.JSON && !json.Valid(par.Bytes()) {
				t.Errorf("%s: not valid JSON", lang)
			}
		}
	}
}
