package fix

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/deniedhq/denied/eval"
)

// A memo answers the same problem planned again with the plan made the
// first time (every case of the corpus: the same JSON, the same
// alternatives), and any change to the request, a document, the
// diagnosis or the options is another problem.
func TestMemo(t *testing.T) {
	t.Parallel()
	for _, same := range []bool{false, true} {
		t.Run(fmt.Sprintf("SameBytes=%v", same), func(t *testing.T) {
			t.Parallel()
			testMemo(t, same)
		})
	}
}

// testMemo is TestMemo with a memo told SameBytes or not.
func testMemo(t *testing.T, same bool) {
	plan := func(p Problem, opt Options) string {
		t.Helper()
		pl := PlanFor(p, opt)
		b, err := json.Marshal(struct {
			Plan
			Others []Fix
		}{pl, pl.Others()})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	memo := NewMemo(1024)
	if same {
		memo.SameBytes()
	}
	opt := testOptions
	opt.Memo = memo
	names := caseNames(t)
	for _, name := range names {
		p := Problem{Input: inputOf(t, loadCase(t, name))}
		want := plan(p, testOptions)
		if got := plan(p, opt); got != want {
			t.Fatalf("%s: the plan made with a memo differs:\n%s\nwant\n%s", name, got, want)
		}
		hits := memo.Hits()
		if got := plan(p, opt); got != want {
			t.Fatalf("%s: the plan answered by the memo differs:\n%s\nwant\n%s", name, got, want)
		}
		if memo.Hits() != hits+1 {
			t.Fatalf("%s: planned again, not answered by the memo", name)
		}
	}

	c := loadCase(t, "restore-passrole")
	in, err := c.Input()
	if err != nil {
		t.Fatal(err)
	}
	base := plan(Problem{Input: in}, opt)
	hits := memo.Hits()
	changes := map[string]func(p *Problem, o *Options){
		"resource": func(p *Problem, _ *Options) { p.Input.Request.Resource += "x" },
		"context":  func(p *Problem, _ *Options) { setContext(p.Input, "aws:SourceIp", "192.0.2.1") },
		"document": func(p *Problem, _ *Options) {
			d := &p.Input.Identity[0]
			d.Text = append(append([]byte(nil), d.Text[:len(d.Text)-1]...), ' ', '}')
		},
		"policy name": func(p *Problem, _ *Options) { p.Input.Identity[0].Name += "x" },
		"layer":       func(p *Problem, _ *Options) { p.Layer = "permissionsBoundary" },
		"role ARN":    func(_ *Problem, o *Options) { o.RoleARN = "arn:aws:iam::111122223333:role/path/x" },
		"max rounds":  func(_ *Problem, o *Options) { o.MaxRounds = 1 },
	}
	for what, change := range changes {
		p, o := Problem{Input: cloneInput(in)}, opt
		change(&p, &o)
		plan(p, o)
		if memo.Hits() != hits {
			t.Errorf("another %s: answered by the memo", what)
		}
	}
	if got := plan(Problem{Input: cloneInput(in)}, opt); got != base || memo.Hits() != hits+1 {
		t.Errorf("the unchanged problem was not answered by the memo (%d hits, want %d)", memo.Hits(), hits+1)
	}
	// A large document (hashed on its own, and with SameBytes once for
	// its bytes): the same text in other bytes is the same problem, one
	// byte changed in them another.
	large := func() []byte {
		st := strings.Repeat(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a-bucket-of-a-long-name/*"},`, memoLargeDoc/80+1)
		return []byte(`{"Version":"2012-10-17","Statement":[` + st + `{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}`)
	}
	withLarge := func(text []byte) Problem {
		p := Problem{Input: cloneInput(in)}
		p.Input.Identity = append(p.Input.Identity, eval.Doc{Name: "large", Text: text})
		return p
	}
	lbase := plan(withLarge(large()), opt)
	hits = memo.Hits()
	if got := plan(withLarge(large()), opt); got != lbase || memo.Hits() != hits+1 {
		t.Errorf("the same large document in other bytes was not answered by the memo (%d hits, want %d)", memo.Hits(), hits+1)
	}
	changed := large()
	changed[len(changed)-10] = 'c'
	plan(withLarge(changed), opt)
	if memo.Hits() != hits+1 {
		t.Errorf("a large document changed by one byte: answered by the memo")
	}
	var nilMemo *Memo
	if nilMemo.Hits() != 0 {
		t.Error("a nil memo has hits")
	}
}
