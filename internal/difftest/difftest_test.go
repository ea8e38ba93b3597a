package difftest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/simulate"
)

var (
	flagN    = flag.Int("difftest.n", 20000, "number of generated cases for TestDifferential")
	flagSeed = flag.Uint64("difftest.seed", 20251123, "generator seed for TestDifferential")
	flagMax  = flag.Int("difftest.report", 50, "how many unexplained disagreements TestDifferential writes out")
)

// TestDifferential generates cases, evaluates them with our engine and with
// the oracle (one Node process fed as a stream), and fails on any
// disagreement that no adjudication record in testdata/adjudicated covers.
//
// The oracle is installed with `npm ci` into a temporary folder, or taken
// from $DENIED_ORACLE_DIR/node_modules. Without node and npm, or when the
// install fails, the test is skipped, except with CI=true, where it fails.
// Unexplained disagreements are written (case, features, both answers) to
// $DENIED_DIFF_OUT or to a fresh temporary folder, whose path is printed.
func TestDifferential(t *testing.T) {
	n, seed := *flagN, *flagSeed
	if testing.Short() && n > 2000 {
		n = 2000
	}
	t.Logf("difftest: seed=%d n=%d (rerun with -difftest.seed=%d -difftest.n=%d)", seed, n, seed, n)

	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	records, err := LoadRecords(filepath.Join(root, "testdata", "adjudicated"))
	if err != nil {
		t.Fatalf("adjudication records: %v", err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	nodeModules, err := NodeModules(ctx, root, t.TempDir())
	if err != nil {
		msg := fmt.Sprintf("oracle unavailable: %v", err)
		if errors.Is(err, ErrNoNode) {
			msg = "oracle unavailable: node and npm are not installed (apt-get install nodejs npm), or set " + OracleDirEnv
		}
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}

	cases := casegen.GenerateCases(seed, n)
	data := make([][]byte, n)
	for i, c := range cases {
		data[i] = c.JSON
	}

	// Our engine runs while the oracle process works through the stream.
	ours := make([]*simulate.Result, n)
	oursDone := make(chan time.Duration, 1)
	go func() {
		start := time.Now()
		for i, d := range data {
			ours[i] = evaluate(d)
		}
		oursDone <- time.Since(start)
	}()
	start := time.Now()
	answers, err := RunOracle(ctx, root, nodeModules, data)
	oracleTime := time.Since(start)
	oursTime := <-oursDone
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	t.Logf("oracle: %d cases in %v; denied: %d cases in %v", n, oracleTime.Round(time.Millisecond), n, oursTime.Round(time.Millisecond))

	feats := map[string]*featStat{}
	perFeature := func(fs []string, do func(*featStat)) {
		for _, f := range fs {
			st := feats[f]
			if st == nil {
				st = &featStat{}
				feats[f] = st
			}
			do(st)
		}
	}
	var (
		compared, agree, adjudicated, oracleErrs, ignored int
		mix                                               = map[string]int{}
		oracleErrSamples                                  []string
		hits                                              = make([]int, len(records))
		unexplained                                       []disagreement
		unexplainedN                                      int
	)
	for i, c := range cases {
		a := answers[i]
		if a.ID != c.ID {
			t.Fatalf("oracle answer %d has id %q, want %q", i, a.ID, c.ID)
		}
		if len(a.Ignored) > 0 && !slices.Contains(c.Features, casegen.ClassIgnoredContextKey) {
			ignored++
		}
		got := decisionOf(ours[i])
		if a.Error != "" {
			if ours[i] != nil && ours[i].Error != nil {
				// Both refuse the case (a resource-based statement without
				// Principal, say): they agree.
				compared++
				agree++
				mix["refused"]++
				perFeature(c.Features, func(f *featStat) { f.compared++; f.agree++ })
				continue
			}
			oracleErrs++
			if len(oracleErrSamples) < 5 {
				oracleErrSamples = append(oracleErrSamples, c.ID+": "+a.Error)
			}
			continue
		}
		compared++
		mix[a.Decision]++
		perFeature(c.Features, func(f *featStat) { f.compared++ })
		if got == a.Decision {
			agree++
			perFeature(c.Features, func(f *featStat) { f.agree++ })
			continue
		}
		action := requestAction(c.JSON)
		recorded := false
		for j := range records {
			if records[j].Applies(action, c.Features, a.Decision, got) {
				hits[j]++
				recorded = true
				break
			}
		}
		if recorded {
			adjudicated++
			perFeature(c.Features, func(f *featStat) { f.adjudicated++ })
			continue
		}
		unexplainedN++
		perFeature(c.Features, func(f *featStat) { f.unexplained++ })
		if len(unexplained) < *flagMax {
			res, _ := json.Marshal(ours[i])
			unexplained = append(unexplained, disagreement{ID: c.ID, Features: c.Features, Oracle: a.Decision, Denied: got,
				DeniedResult: res, Case: c.JSON})
		}
	}

	pct := func(a, b int) float64 {
		if b == 0 {
			return 100
		}
		return 100 * float64(a) / float64(b)
	}
	t.Logf("agreement: %d/%d (%.2f%%)", agree, compared, pct(agree, compared))
	if path := os.Getenv("DENIED_DIFF_SUMMARY"); path != "" {
		summary := fmt.Sprintf("differential test (seed %d): agreement %d/%d (%.2f%%), adjudicated %d, unexplained %d, oracle validation errors %d\n",
			*flagSeed, agree, compared, pct(agree, compared), adjudicated, unexplainedN, oracleErrs)
		summary += featureSummary(feats)
		if err := os.WriteFile(path, []byte(summary), 0o600); err != nil {
			t.Errorf("writing the summary: %v", err)
		}
	}
	t.Logf("adjudicated disagreements: %d; unexplained disagreements: %d", adjudicated, unexplainedN)
	t.Logf("agreement per feature class:\n%s", featureSummary(classesOnly(feats)))
	t.Logf("oracle outcome mix: Allowed %d (%.1f%%), ExplicitDeny %d (%.1f%%), ImplicitDeny %d (%.1f%%)",
		mix[Allowed], pct(mix[Allowed], compared), mix[ExplicitDeny], pct(mix[ExplicitDeny], compared), mix[ImplicitDeny], pct(mix[ImplicitDeny], compared))
	t.Logf("oracle validation errors (not counted as disagreements): %d", oracleErrs)
	for _, s := range oracleErrSamples {
		t.Logf("  oracle refused %s", s)
	}
	for j, r := range records {
		if hits[j] > 0 {
			t.Logf("  adjudicated by %s: %d", r.Name, hits[j])
		}
	}
	if ignored > 0 {
		t.Logf("warning: in %d cases the oracle dropped context keys it does not consider valid for the action; fix the generator", ignored)
	}
	if oracleErrs*100 > n {
		t.Errorf("the oracle refused %d of %d cases (more than 1%%): the generator makes cases it does not accept", oracleErrs, n)
	}
	if unexplainedN > 0 {
		path, err := writeDisagreements(unexplained)
		if err != nil {
			t.Errorf("writing disagreements: %v", err)
		}
		t.Errorf("%d disagreements with the oracle are not covered by testdata/adjudicated; the first %d are in %s",
			unexplainedN, len(unexplained), path)
	}
}

// evaluate runs our engine on one case; a panic becomes an error result.
func evaluate(data []byte) (res *simulate.Result) {
	defer func() {
		if r := recover(); r != nil {
			res = &simulate.Result{Error: &simulate.CaseError{Message: fmt.Sprintf("panic: %v", r)}}
		}
	}()
	return simulate.EvaluateJSON(data)
}

// decisionOf is our decision, or "error: <message>" when the engine could
// not evaluate the case.
func decisionOf(r *simulate.Result) string {
	switch {
	case r == nil:
		return "error: nil result"
	case r.Error != nil:
		if r.Error.Path != "" {
			return "error: " + r.Error.Path + ": " + r.Error.Message
		}
		return "error: " + r.Error.Message
	}
	return r.Decision
}

func requestAction(c []byte) string {
	var v struct {
		Request struct {
			Action string `json:"action"`
		} `json:"request"`
	}
	_ = json.Unmarshal(c, &v)
	return v.Request.Action
}

type disagreement struct {
	ID           string          `json:"id"`
	Features     []string        `json:"features"`
	Oracle       string          `json:"oracle"`
	Denied       string          `json:"denied"`
	DeniedResult json.RawMessage `json:"deniedResult"`
	Case         json.RawMessage `json:"case"`
}

// writeDisagreements writes one disagreement per line to
// $DENIED_DIFF_OUT/disagreements.jsonl, or to a new temporary folder that
// outlives the test, and returns the file's path.
func writeDisagreements(ds []disagreement) (string, error) {
	dir := os.Getenv("DENIED_DIFF_OUT")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "denied-difftest-"); err != nil {
			return "", err
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	p := filepath.Join(dir, "disagreements.jsonl")
	f, err := os.Create(p)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriter(f)
	for _, d := range ds {
		line, err := json.Marshal(d)
		if err != nil {
			f.Close()
			return "", err
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return "", err
	}
	return p, f.Close()
}

// TestAdjudicationRecords checks that every record in testdata/adjudicated
// is well formed.
func TestAdjudicationRecords(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	records, err := LoadRecords(filepath.Join(root, "testdata", "adjudicated"))
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(records))
	for i, r := range records {
		names[i] = r.Name
	}
	sort.Strings(names)
	t.Logf("%d adjudication records: %s", len(records), strings.Join(names, ", "))
}

func TestRecordApplies(t *testing.T) {
	r := Record{Match: Match{Action: "s3:Get*", Operator: "StringLike", Feature: "principal:root"}, Oracle: ImplicitDeny, Denied: "we allow"}
	feats := []string{"op:StringLike", "principal:root"}
	if !r.Applies("S3:GetObject", feats, ImplicitDeny, Allowed) {
		t.Error("record should apply")
	}
	if r.Applies("s3:PutObject", feats, ImplicitDeny, Allowed) {
		t.Error("action glob should not match s3:PutObject")
	}
	if r.Applies("s3:GetObject", feats[:1], ImplicitDeny, Allowed) {
		t.Error("missing feature should not match")
	}
	if r.Applies("s3:GetObject", feats, Allowed, ImplicitDeny) {
		t.Error("oracle decision constraint should not match")
	}
}

// featStat counts the cases of one feature tag.
type featStat struct{ compared, agree, adjudicated, unexplained int }

// featureSummary is one line per feature tag, the generator's classes
// (class:*) first: agreement, adjudicated and unexplained disagreements.
func featureSummary(feats map[string]*featStat) string {
	names := make([]string, 0, len(feats))
	for f := range feats {
		names = append(names, f)
	}
	sort.Slice(names, func(i, j int) bool {
		ci, cj := strings.HasPrefix(names[i], "class:"), strings.HasPrefix(names[j], "class:")
		if ci != cj {
			return ci
		}
		return names[i] < names[j]
	})
	var b strings.Builder
	for _, f := range names {
		st := feats[f]
		p := 100.0
		if st.compared > 0 {
			p = 100 * float64(st.agree) / float64(st.compared)
		}
		fmt.Fprintf(&b, "  %-50s agree %5d/%-5d (%6.2f%%)  adjudicated %4d  unexplained %4d\n", f, st.agree, st.compared, p, st.adjudicated, st.unexplained)
	}
	return b.String()
}

func classesOnly(feats map[string]*featStat) map[string]*featStat {
	out := map[string]*featStat{}
	for f, st := range feats {
		if strings.HasPrefix(f, "class:") {
			out[f] = st
		}
	}
	return out
}
