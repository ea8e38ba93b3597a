package difftest

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Decisions, as our engine and the oracle adapter spell them.
const (
	Allowed      = "Allowed"
	ExplicitDeny = "ExplicitDeny"
	ImplicitDeny = "ImplicitDeny"
)

// Record is an adjudication record: a class of disagreements between the
// oracle and denied that has been settled against AWS's documentation. It is
// stored as testdata/adjudicated/<short-name>.json.
//
// A record applies to a disagreement when every field of Match that is set
// holds for the case, and, when Oracle or Denied is exactly one of the
// decision names (Allowed, ExplicitDeny, ImplicitDeny), the corresponding
// answer is that decision. Otherwise Oracle and Denied are free text.
type Record struct {
	// Name is the file name without .json.
	Name  string `json:"-"`
	Title string `json:"title"`
	Match Match  `json:"match"`
	// Oracle says what iam-simulate answers, Denied what we answer, AWS
	// what AWS does.
	Oracle string `json:"oracle"`
	Denied string `json:"denied"`
	AWS    string `json:"aws"`
	Doc    Doc    `json:"doc"`
}

// Match selects the cases a record is about. Every set field must hold.
type Match struct {
	// Action is a glob (* and ?) on the request's action, case-insensitive.
	Action string `json:"action,omitempty"`
	// Operator is a condition operator used somewhere in the case's
	// policies, e.g. "StringNotEqualsIfExists" (the generator tags it
	// "op:<operator>").
	Operator string `json:"operator,omitempty"`
	// Feature is a feature tag the generator attached to the case.
	Feature string `json:"feature,omitempty"`
	// Features are more feature tags that must all be present.
	Features []string `json:"features,omitempty"`
	// NotAction is a glob on the request's action that must not match,
	// case-insensitive.
	NotAction string `json:"notAction,omitempty"`
	// NotFeatures are feature tags none of which may be present.
	NotFeatures []string `json:"notFeatures,omitempty"`
}

// Doc is the passage of AWS's documentation that decides the question.
type Doc struct {
	URL string `json:"url"`
	// Section is the heading on the page that holds the passage.
	Section string `json:"section"`
	Passage string `json:"passage"`
	// Verbatim says whether Passage was compared word for word with the
	// page at URL. When it is false, Note says why (it begins with
	// "paraphrase") and Passage is not a quotation.
	Verbatim *bool  `json:"verbatim"`
	Note     string `json:"note,omitempty"`
}

func isDecision(s string) bool { return s == Allowed || s == ExplicitDeny || s == ImplicitDeny }

// LoadRecords reads and checks every *.json record in dir. A missing folder
// yields no records.
func LoadRecords(dir string) ([]Record, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []Record
	var errs []error
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var r Record
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", f, err))
			continue
		}
		r.Name = strings.TrimSuffix(filepath.Base(f), ".json")
		if err := r.check(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", f, err))
			continue
		}
		out = append(out, r)
	}
	return out, errors.Join(errs...)
}

func (r *Record) check() error {
	var missing []string
	if r.Title == "" {
		missing = append(missing, "title")
	}
	if r.Match.Action == "" && r.Match.Operator == "" && r.Match.Feature == "" && len(r.Match.Features) == 0 {
		missing = append(missing, "match (action, operator or feature)")
	}
	if r.Oracle == "" {
		missing = append(missing, "oracle")
	}
	if r.Denied == "" {
		missing = append(missing, "denied")
	}
	if r.AWS == "" {
		missing = append(missing, "aws")
	}
	if r.Doc.URL == "" || r.Doc.Section == "" || r.Doc.Passage == "" || r.Doc.Verbatim == nil {
		missing = append(missing, "doc.url, doc.section, doc.passage and doc.verbatim")
	} else if !*r.Doc.Verbatim && !strings.HasPrefix(r.Doc.Note, "paraphrase") {
		missing = append(missing, `doc.note beginning with "paraphrase" (doc.verbatim is false)`)
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	if r.Match.Action != "" {
		if _, err := path.Match(strings.ToLower(r.Match.Action), ""); err != nil {
			return fmt.Errorf("match.action: %v", err)
		}
	}
	return nil
}

// Applies reports whether the record covers a disagreement on a case with
// the given request action and feature tags, where the oracle answered
// oracle and denied answered denied.
func (r *Record) Applies(action string, features []string, oracle, denied string) bool {
	if r.Match.Action != "" {
		ok, _ := path.Match(strings.ToLower(r.Match.Action), strings.ToLower(action))
		if !ok {
			return false
		}
	}
	if r.Match.NotAction != "" {
		if ok, _ := path.Match(strings.ToLower(r.Match.NotAction), strings.ToLower(action)); ok {
			return false
		}
	}
	for _, f := range r.Match.NotFeatures {
		if slices.Contains(features, f) {
			return false
		}
	}
	if r.Match.Operator != "" && !slices.ContainsFunc(features, func(f string) bool {
		return strings.EqualFold(f, "op:"+r.Match.Operator)
	}) {
		return false
	}
	for _, f := range r.Match.Features {
		if !slices.Contains(features, f) {
			return false
		}
	}
	if r.Match.Feature != "" && !slices.Contains(features, r.Match.Feature) {
		return false
	}
	if isDecision(r.Oracle) && r.Oracle != oracle {
		return false
	}
	if isDecision(r.Denied) && r.Denied != denied {
		return false
	}
	return true
}
