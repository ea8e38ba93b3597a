package policy

import "unsafe"

// policyParts are the parts of a policy's block.
type policyParts struct {
	pol   *Policy
	ptrs  []*Statement
	stmts []Statement
	prins []Principal
	strs  []string
	conds []Condition
	bytes []byte
}

// newPolicyParts allocates the parts of a policy of nst statements,
// nprin principals (at most one a statement), nstr strings, ncond
// conditions and nb bytes (value kinds and pointers): the policy, its
// statements, their pointers and principals in one block for the usual
// numbers of statements, the strings, the conditions and the bytes in a
// block each.
func newPolicyParts(nst, nprin, nstr, ncond, nb int) policyParts {
	var pp policyParts
	pp.pol, pp.ptrs, pp.stmts, pp.prins = newStatements(nst, nprin > 0)
	pp.prins = pp.prins[:nprin]
	pp.strs = make([]string, nstr)
	if ncond > 0 {
		pp.conds = make([]Condition, ncond)
		pp.bytes = make([]byte, nb)
	}
	return pp
}

// policyBlock is a policy with its statements, their pointers and
// principals: P is [n]*Statement, S [n]Statement and R [n]Principal.
type policyBlock[P, S, R any] struct {
	pol   Policy
	ptrs  P
	stmts S
	prins R
}

// stmtBlock is a policy with its statements and their pointers, for a
// policy without principals (no zero-length array at the block's end:
// a pointer to it would straddle allocations, which checkptr refuses).
type stmtBlock[P, S any] struct {
	pol   Policy
	ptrs  P
	stmts S
}

func newBlock[P, S, R any](n int) (*Policy, []*Statement, []Statement, []Principal) {
	b := new(policyBlock[P, S, R])
	return &b.pol, unsafe.Slice((**Statement)(unsafe.Pointer(&b.ptrs)), n), unsafe.Slice((*Statement)(unsafe.Pointer(&b.stmts)), n),
		unsafe.Slice((*Principal)(unsafe.Pointer(&b.prins)), n)
}

func newStmtBlock[P, S any](n int) (*Policy, []*Statement, []Statement, []Principal) {
	b := new(stmtBlock[P, S])
	return &b.pol, unsafe.Slice((**Statement)(unsafe.Pointer(&b.ptrs)), n), unsafe.Slice((*Statement)(unsafe.Pointer(&b.stmts)), n), nil
}

// newStatements returns a policy, n statements, n pointers and, if
// prins, n principals (else nil), in one allocation for the usual
// numbers.
func newStatements(n int, prins bool) (*Policy, []*Statement, []Statement, []Principal) {
	if prins {
		switch n {
		case 1:
			return newBlock[[1]*Statement, [1]Statement, [1]Principal](n)
		case 2:
			return newBlock[[2]*Statement, [2]Statement, [2]Principal](n)
		case 3:
			return newBlock[[3]*Statement, [3]Statement, [3]Principal](n)
		case 4:
			return newBlock[[4]*Statement, [4]Statement, [4]Principal](n)
		}
		return new(Policy), make([]*Statement, n), make([]Statement, n), make([]Principal, n)
	}
	switch n {
	case 1:
		return newStmtBlock[[1]*Statement, [1]Statement](n)
	case 2:
		return newStmtBlock[[2]*Statement, [2]Statement](n)
	case 3:
		return newStmtBlock[[3]*Statement, [3]Statement](n)
	case 4:
		return newStmtBlock[[4]*Statement, [4]Statement](n)
	case 5:
		return newStmtBlock[[5]*Statement, [5]Statement](n)
	case 6:
		return newStmtBlock[[6]*Statement, [6]Statement](n)
	case 7:
		return newStmtBlock[[7]*Statement, [7]Statement](n)
	case 8:
		return newStmtBlock[[8]*Statement, [8]Statement](n)
	}
	return new(Policy), make([]*Statement, n), make([]Statement, n), nil
}
