package simulate_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/simulate"
)

// corpusFile is one conformance case: a simulate case, what AWS decides,
// and the documentation that says so.
type corpusFile struct {
	Description string          `json:"description"`
	Source      json.RawMessage `json:"source"`
	Case        json.RawMessage `json:"case"`
	Expect      struct {
		Decision  string `json:"decision"`
		Layer     string `json:"layer"`
		Statement *struct {
			Layer  string `json:"layer"`
			Policy string `json:"policy"`
			Index  int    `json:"index"`
			Sid    string `json:"sid"`
		} `json:"statement"`
		Message string `json:"message"`
		// Error, when set, says the case is refused; the error text
		// must contain it.
		Error string `json:"error"`
		// Warning, when set, must be contained in one of the warnings.
		Warning string `json:"warning"`
		// Note, when set, is the note of the deciding layer.
		Note string `json:"note"`
	} `json:"expect"`
}

var fixedNow = simulate.Options{Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }}

// TestConformance runs every case of testdata/conformance and checks the
// decision, the deciding layer, the deciding statement and the message.
func TestConformance(t *testing.T) {
	var files []string
	err := filepath.WalkDir("../testdata/conformance", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".json") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 300 {
		t.Errorf("the corpus has %d cases, want at least 300", len(files))
	}
	for _, path := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(path), "../testdata/conformance/"), ".json")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var cf corpusFile
			if err := json.Unmarshal(data, &cf); err != nil {
				t.Fatalf("corpus file: %v", err)
			}
			if cf.Description == "" || len(cf.Source) == 0 || (cf.Expect.Decision == "") == (cf.Expect.Error == "") {
				t.Fatal("corpus file needs description, source and one of expect.decision and expect.error")
			}
			if err := checkSourceQuote(cf.Source); err != nil {
				t.Fatalf("source: %v", err)
			}
			res := simulate.EvaluateJSONWith(cf.Case, fixedNow)
			want := cf.Expect
			if want.Error != "" {
				if res.Error == nil || !strings.Contains(res.Error.Error(), want.Error) {
					t.Fatalf("%s\nwant an error containing %q, got\n%s", cf.Description, want.Error, dump(res))
				}
				return
			}
			if res.Error != nil {
				t.Fatalf("case error: %v", res.Error)
			}
			if want.Warning != "" && !slices.ContainsFunc(res.Warnings, func(w simulate.Warning) bool { return strings.Contains(w.Message, want.Warning) }) {
				t.Fatalf("no warning contains %q\n%s", want.Warning, dump(res))
			}
			if want.Note != "" && !slices.ContainsFunc(res.Layers, func(l simulate.LayerResult) bool { return l.Layer == res.Layer && l.Note == want.Note }) {
				t.Fatalf("the deciding layer %s has no note %q\n%s", res.Layer, want.Note, dump(res))
			}
			if res.Decision != want.Decision || (want.Layer != "" && res.Layer != want.Layer) {
				t.Fatalf("%s\ngot  %s at %s\nwant %s at %s\n%s", cf.Description, res.Decision, res.Layer, want.Decision, want.Layer, dump(res))
			}
			if s := want.Statement; s != nil {
				if len(res.Deciding) == 0 {
					t.Fatalf("no deciding statement, want %s %q #%d", s.Layer, s.Policy, s.Index)
				}
				d := res.Deciding[0]
				if d.Layer != s.Layer || d.Policy != s.Policy || d.Statement != s.Index || (s.Sid != "" && d.Sid != s.Sid) {
					t.Fatalf("deciding statement %s %q #%d (%s), want %s %q #%d (%s)\n%s", d.Layer, d.Policy, d.Statement, d.Sid, s.Layer, s.Policy, s.Index, s.Sid, dump(res))
				}
			}
			if want.Message != "" && res.Message != want.Message {
				t.Fatalf("message\ngot  %s\nwant %s", res.Message, want.Message)
			}
		})
	}
}

func dump(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

// checkSourceQuote checks a source that quotes AWS: a passage must say
// whether it was compared word for word with the page (verbatim), and one
// that was not must say so in a note beginning with "paraphrase".
func checkSourceQuote(raw json.RawMessage) error {
	var src struct {
		URL      string `json:"url"`
		Passage  string `json:"passage"`
		Verbatim *bool  `json:"verbatim"`
		Note     string `json:"note"`
	}
	if err := json.Unmarshal(raw, &src); err != nil {
		return err
	}
	switch {
	case src.Passage == "":
		return nil
	case src.URL == "":
		return fmt.Errorf("a passage needs the url of its page")
	case src.Verbatim == nil:
		return fmt.Errorf("a passage needs verbatim (true: compared word for word with the page)")
	case !*src.Verbatim && !strings.HasPrefix(src.Note, "paraphrase"):
		return fmt.Errorf(`a passage with verbatim false needs a note beginning with "paraphrase"`)
	}
	return nil
}
