package diagnose

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
)

// Diagnose (rules, fix plan and alternatives) of every message of the
// real corpus that parses; ns/op is per message.
func BenchmarkDiagnoseRealCorpus(b *testing.B) {
	f, err := os.Open("../testdata/messages/real/corpus.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var ds []*authzmsg.Denial
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var e struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		if d, err := authzmsg.Parse(e.Text); err == nil {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 {
		b.Fatal("no messages")
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		Diagnose(ds[n%len(ds)], Options{})
		n++
	}
}
