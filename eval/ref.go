package eval

import "github.com/deniedhq/denied/authz"

// StatementRef names a deciding statement the way every output writes it
// (simulate results, preflight and audit JSON, the deciding statements a
// fix is given): the layer and effect as their names, the statement's
// index in its policy, its position and JSON pointer when known. It is
// the one home of this shape; simulate.StatementRef is an alias of it.
type StatementRef struct {
	Layer     string `json:"layer"`
	Target    string `json:"target,omitempty"`
	Policy    string `json:"policy"`
	Statement int    `json:"statement"`
	Sid       string `json:"sid,omitempty"`
	Effect    string `json:"effect"`
	Line      int    `json:"line,omitempty"`
	Column    int    `json:"column,omitempty"`
	Pointer   string `json:"pointer,omitempty"`
}

// StatementRefs converts the engine's deciding statements to references,
// nil for none.
func StatementRefs(refs []authz.StatementRef) []StatementRef {
	if len(refs) == 0 {
		return nil
	}
	return AppendStatementRefs(make([]StatementRef, 0, len(refs)), refs)
}

// AppendStatementRefs appends the references of refs to out (for a
// caller that reuses out's memory).
func AppendStatementRefs(out []StatementRef, refs []authz.StatementRef) []StatementRef {
	for _, ref := range refs {
		out = append(out, StatementRef{
			Layer:     ref.Layer.String(),
			Target:    ref.Target,
			Policy:    ref.Policy,
			Statement: ref.Index,
			Sid:       ref.Sid,
			Effect:    ref.Effect.String(),
			Line:      ref.Pos.Line,
			Column:    ref.Pos.Col,
			Pointer:   ref.Pointer,
		})
	}
	return out
}
