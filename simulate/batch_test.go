package simulate_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/simulate"
)

// badLines are lines that fail in different ways but share an action and
// resource with each other, so a cache keyed on those would see them all.
var badLines = []string{
	`{"id":"bad-action","request":{"principal":"arn:aws:iam::111122223333:user/u","action":"s3:GetObjekt","resource":"arn:aws:s3:::b/k"}}`,
	`{"id":"bad-action-again","request":{"principal":"arn:aws:iam::111122223333:user/u","action":"s3:GetObjekt","resource":"arn:aws:s3:::b/k"}}`,
	`{"id":"bad-principal","request":{"principal":"nobody","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"}}`,
	`{"id":"bad-json","request":`,
	`{"id":"no-principal-rp","request":{"principal":"arn:aws:iam::111122223333:user/u","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","resourceAccount":"111122223333"},"resourcePolicy":{"document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}}}`,
	`{"id":"empty-scp-level","request":{"principal":"arn:aws:iam::111122223333:user/u","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","resourceAccount":"111122223333"},"serviceControlPolicies":[{"policies":[]}]}`,
}

// batchCases returns n generated cases mixed with the bad lines, in an
// order given by seed.
func batchCases(seed uint64, n int) [][]byte {
	lines := casegen.Generate(seed, n)
	for _, b := range badLines {
		lines = append(lines, []byte(b))
	}
	r := rand.New(rand.NewPCG(seed, 7))
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return lines
}

// alone is the result of one case evaluated by itself, as a --jsonl line
// numbered line would show it.
func alone(t testing.TB, data []byte, line int) string {
	res := simulate.EvaluateJSONWith(data, fixedNow)
	if res.Error != nil {
		if res.ID == "" {
			var v struct{ ID string }
			if json.Unmarshal(data, &v) == nil {
				res.ID = v.ID
			}
		}
		res.Error.Message = fmt.Sprintf("line %d: %s", line, res.Error.Message)
	}
	return string(res.AppendJSON(nil))
}

// checkBatch streams lines and checks that every result equals the case
// evaluated alone.
func checkBatch(t testing.TB, lines [][]byte) {
	var in bytes.Buffer
	for _, l := range lines {
		in.Write(l)
		in.WriteByte('\n')
	}
	var out bytes.Buffer
	if _, err := simulate.Stream(&in, &out, fixedNow); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d results for %d lines", len(got), len(lines))
	}
	for i, l := range lines {
		if want := alone(t, l, i+1); got[i] != want {
			t.Fatalf("line %d: in a batch\n%s\nalone\n%s", i+1, got[i], want)
		}
	}
}

// TestBatchEqualsAlone: a --jsonl batch gives every line the result it has
// when evaluated alone; in particular an error on one line never changes
// the error text of a later one (issue 7, item 6).
func TestBatchEqualsAlone(t *testing.T) {
	lines := batchCases(20261202, 600)
	// Repeat the bad lines after the first batch, so that the cache that
	// saw them first answers again.
	for _, b := range badLines {
		lines = append(lines, []byte(b))
	}
	checkBatch(t, lines)
}

// FuzzBatchEqualsAlone: whatever the cases and their order, a batch's
// results equal the same cases evaluated one by one.
func FuzzBatchEqualsAlone(f *testing.F) {
	f.Add(uint64(1), uint16(40), []byte(badLines[0]))
	f.Add(uint64(2), uint16(5), []byte(`{"id":"x"}`))
	f.Fuzz(func(t *testing.T, seed uint64, n uint16, extra []byte) {
		if bytes.ContainsAny(extra, "\r\n") || len(bytes.TrimSpace(extra)) == 0 {
			return
		}
		lines := batchCases(seed, int(n%60))
		r := rand.New(rand.NewPCG(seed, uint64(len(extra))))
		for k := 0; k < 3; k++ {
			at := r.IntN(len(lines) + 1)
			lines = append(lines[:at], append([][]byte{bytes.TrimSpace(extra)}, lines[at:]...)...)
		}
		checkBatch(t, lines)
	})
}

// TestStreamEqualsAloneGenerated: over 5,000 generated cases (every
// layer, string documents, errors), the stream's results (each worker
// decoding, preparing and compiling its cases in memory it reuses:
// scratch, eval.Scratch, authz.Mem) equal each case's evaluated alone in
// fresh memory, so no case sees anything of the one before it.
func TestStreamEqualsAloneGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("5,000 cases")
	}
	checkBatch(t, casegen.Generate(20261204, 5000))
}

// TestKeptEqualsCompiledForAction: a document the cache does not keep is
// compiled for its case's action alone (authz.CompilePolicyFor), one it
// keeps is compiled whole for the cases after; over 3,000 generated cases
// and the bad lines, each evaluated through a cache that keeps its
// documents (asked twice: a large document is kept when seen again)
// equals the case evaluated alone.
func TestKeptEqualsCompiledForAction(t *testing.T) {
	if testing.Short() {
		t.Skip("3,000 cases")
	}
	lines := batchCases(20261205, 3000)
	opt := fixedNow
	opt.Cache = simulate.NewCache(1 << 14)
	for i, l := range lines {
		simulate.EvaluateJSONWith(l, opt)
		kept := simulate.EvaluateJSONWith(l, opt)
		if kept.Error != nil {
			kept.Error.Message = fmt.Sprintf("line %d: %s", i+1, kept.Error.Message)
			if kept.ID == "" {
				var v struct{ ID string }
				if json.Unmarshal(l, &v) == nil {
					kept.ID = v.ID
				}
			}
		}
		if got, want := string(kept.AppendJSON(nil)), alone(t, l, i+1); got != want {
			t.Fatalf("line %d: kept\n%s\nalone\n%s", i+1, got, want)
		}
	}
	if st := opt.Cache.Stats(); st.Hits == 0 {
		t.Fatalf("the cache kept nothing: %+v", st)
	}
}
