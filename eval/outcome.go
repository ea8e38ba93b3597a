package eval

import "github.com/deniedhq/denied/authz"

// Outcome is what an evaluation gives: the engine's result, the AWS
// message, the sources of the deciding statements, the missing context
// that could change the verdict, and the warnings of the input.
type Outcome struct {
	authz.Result
	// Message is the message AWS returns for this outcome ("" when
	// Allowed).
	Message string
	// Sources holds the source of each deciding statement, in the order of
	// Result.Deciding (nil for a statement whose source is not known).
	Sources []*Source
	// MissingContext lists the context keys a statement tested but the
	// request lacks, without those the action never carries.
	MissingContext []string
	Warnings       []Warning
}

// Allowed reports whether the request is allowed.
func (o *Outcome) Allowed() bool { return o.Decision == authz.Allowed }

// EvaluateInto evaluates the prepared input into ar (which it reuses),
// without allocating.
func (pr *Prepared) EvaluateInto(ar *authz.Result) { pr.Set.Evaluate(pr.Request, ar) }

// Missing appends to dst the keys of ar.Missing that the request could
// carry (those the action never carries are left out).
func (pr *Prepared) Missing(dst []string, ar *authz.Result) []string {
	for _, k := range ar.Missing {
		if !pr.Ignored(k) {
			dst = append(dst, k)
		}
	}
	return dst
}

// Evaluate evaluates the prepared input.
func (pr *Prepared) Evaluate() *Outcome {
	o := &Outcome{Warnings: pr.Warnings}
	pr.Set.Evaluate(pr.Request, &o.Result)
	o.Message = o.Result.Message(pr.Request)
	if len(o.Deciding) > 0 {
		o.Sources = make([]*Source, len(o.Deciding))
		for i, ref := range o.Deciding {
			o.Sources[i] = pr.Source(ref)
		}
	}
	o.MissingContext = pr.Missing(nil, &o.Result)
	return o
}

// Run prepares and evaluates an input.
func Run(in *Input, opt Options) (*Outcome, error) {
	pr, err := Prepare(in, opt)
	if err != nil {
		return nil, err
	}
	return pr.Evaluate(), nil
}
