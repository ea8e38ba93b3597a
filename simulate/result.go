package simulate

import (
	"bytes"
	"sync"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
)

// SchemaVersion is the version of the result format.
const SchemaVersion = "1"

// Result is the outcome of one case, as written by `denied simulate`.
type Result struct {
	ID             string         `json:"id,omitempty"`
	Decision       string         `json:"decision,omitempty"`
	Layer          string         `json:"layer,omitempty"`
	Layers         []LayerResult  `json:"layers,omitempty"`
	Deciding       []StatementRef `json:"deciding,omitempty"`
	MissingContext []string       `json:"missingContext,omitempty"`
	Message        string         `json:"message,omitempty"`
	Warnings       []Warning      `json:"warnings,omitempty"`
	Error          *CaseError     `json:"error,omitempty"`
}

// LayerResult is one layer's verdict.
type LayerResult struct {
	Layer    string `json:"layer"`
	Verdict  string `json:"verdict"`
	Required bool   `json:"required,omitempty"`
	Note     string `json:"note,omitempty"`
	Target   string `json:"target,omitempty"`
}

// StatementRef names a deciding statement: the pipeline's reference, the
// one shape every output writes.
type StatementRef = eval.StatementRef

var resultPool = sync.Pool{New: func() any { return new(authz.Result) }}

// Evaluate evaluates a prepared case.
func (pr *Prepared) Evaluate() *Result {
	ar := resultPool.Get().(*authz.Result)
	defer resultPool.Put(ar)
	pr.EvaluateInto(ar)
	return pr.result(ar)
}

func (pr *Prepared) result(ar *authz.Result) *Result {
	return pr.resultInto(ar, &Result{})
}

// evaluateIn is Evaluate, the result in res (see scratch), whose lists'
// memory it reuses.
func (pr *Prepared) evaluateIn(res *Result) *Result {
	ar := resultPool.Get().(*authz.Result)
	defer resultPool.Put(ar)
	pr.EvaluateInto(ar)
	layers, deciding, missing := res.Layers[:0], res.Deciding[:0], res.MissingContext[:0]
	clear(res.Layers)
	clear(res.Deciding)
	clear(res.MissingContext)
	*res = Result{Layers: layers, Deciding: deciding, MissingContext: missing}
	return pr.resultInto(ar, res)
}

// resultInto fills res, zero but for the memory of its lists, with the
// result of ar.
func (pr *Prepared) resultInto(ar *authz.Result, res *Result) *Result {
	res.ID = pr.Case.ID
	res.Decision = ar.Decision.String()
	res.Layer = ar.Layer.String()
	res.Message = ar.Message(pr.Request)
	res.Warnings = pr.warnings()
	n := 0
	for _, lv := range ar.Layers {
		if lv.Verdict != authz.Absent {
			n++
		}
	}
	if n > 0 && cap(res.Layers) < n {
		res.Layers = make([]LayerResult, 0, n)
	}
	for _, lv := range ar.Layers {
		if lv.Verdict == authz.Absent {
			continue
		}
		res.Layers = append(res.Layers, LayerResult{
			Layer:    lv.Layer.String(),
			Verdict:  lv.Verdict.String(),
			Required: lv.Required,
			Note:     lv.Note,
			Target:   lv.Target,
		})
	}
	if res.Deciding == nil {
		res.Deciding = eval.StatementRefs(ar.Deciding)
	} else {
		res.Deciding = eval.AppendStatementRefs(res.Deciding, ar.Deciding)
	}
	res.MissingContext = pr.Missing(res.MissingContext, ar)
	return res
}

// EvaluateJSON decodes one case and evaluates it. It never panics; a case
// that cannot be evaluated gives a Result with Error set.
func EvaluateJSON(data []byte) *Result {
	return EvaluateJSONWith(data, Options{})
}

// EvaluateJSONWith is EvaluateJSON with options. data is not retained.
func EvaluateJSONWith(data []byte, opt Options) *Result {
	return evaluateOwned(bytes.Clone(data), opt, nil)
}

// evaluateOwned evaluates a case whose bytes nobody modifies afterwards:
// the parsed policies share them.
//
// With sc, the case is decoded and prepared in sc's memory: the result
// must be written out before sc is used again.
func evaluateOwned(data []byte, opt Options, sc *scratch) (res *Result) {
	defer func() {
		if r := recover(); r != nil {
			res = &Result{Error: &CaseError{Message: "internal error evaluating this case (please report it)"}}
		}
	}()
	var sb *sharedBlock
	if sc != nil {
		sb = &sc.c
	}
	c, err := decodeCaseIn(data, true, sb)
	if err != nil {
		return errorResult(c.ID, err)
	}
	pr, err := prepareIn(c, opt, sc)
	if err != nil {
		return errorResult(c.ID, err)
	}
	if sc != nil {
		return pr.evaluateIn(&sc.res)
	}
	return pr.Evaluate()
}

func errorResult(id string, err error) *Result {
	// Always a fresh CaseError: the caller (Stream) edits it, and an error
	// may come from a cache that other cases share.
	var ce CaseError
	if e, ok := err.(*CaseError); ok {
		ce = *e
	} else {
		ce = CaseError{Message: err.Error()}
	}
	return &Result{ID: id, Error: &ce}
}
