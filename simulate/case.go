// Package simulate implements the `denied simulate` case contract: a JSON
// case holding one request and the policies of every layer goes in; the
// decision, every layer's verdict, the deciding statements, the missing
// context and the AWS message come out. It holds the strict case decoder,
// the result encoder, the JSON Lines stream, the text output, the adapter
// of `aws iam simulate-custom-policy` (its input, and answers in the shape
// of its output) and the conversion of a case to an eval.Input (eval.Path
// written as the case's JSON pointers). The evaluation itself (catalog
// validation, parse, compile, document cache) is eval's.
//
// It must not import account, preflight, audit, diagnose, fix, the CLI,
// the reports or the AWS SDK (internal/archtest).
package simulate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/jsonx"
)

// Case is one simulate case as read from JSON.
type Case struct {
	ID                      string      `json:"id,omitempty"`
	ManagementAccount       string      `json:"managementAccount,omitempty"`
	Request                 CaseRequest `json:"request"`
	IdentityPolicies        []PolicyDoc `json:"identityPolicies,omitempty"`
	PermissionsBoundary     *PolicyDoc  `json:"permissionsBoundary,omitempty"`
	SessionPolicy           *PolicyDoc  `json:"sessionPolicy,omitempty"`
	ResourcePolicy          *PolicyDoc  `json:"resourcePolicy,omitempty"`
	ServiceControlPolicies  []OrgLevel  `json:"serviceControlPolicies,omitempty"`
	ResourceControlPolicies []OrgLevel  `json:"resourceControlPolicies,omitempty"`
	VPCEndpointPolicies     []PolicyDoc `json:"vpcEndpointPolicies,omitempty"`

	// shared: the case was decoded from bytes nobody modifies afterwards
	// (evaluateOwned), so its context values may share them.
	shared bool
}

// CaseRequest is the request of a case.
type CaseRequest struct {
	Principal       string `json:"principal"`
	Action          string `json:"action"`
	Resource        string `json:"resource,omitempty"`
	ResourceAccount string `json:"resourceAccount,omitempty"`
	// FederatingUser is, for a federated user session
	// (GetFederationToken), the ARN of the IAM user that created it. The
	// session ARN does not say which user that was; a resource-based
	// policy that names this user applies to the session too, limited by
	// the session policy.
	FederatingUser string                     `json:"federatingUser,omitempty"`
	Context        map[string]json.RawMessage `json:"context,omitempty"`

	// ctxDone: the context was decoded while the case was (a case
	// decoded from bytes of its own): ctxList holds it and Context is
	// nil; ctxErr is the first value that could not be decoded.
	ctxDone bool
	ctxList []authz.ContextEntry
	ctxErr  error
}

// PolicyDoc is a named policy document. Document may be a JSON object, or
// a JSON string holding the document, URL-encoded or not.
type PolicyDoc struct {
	Name     string          `json:"name,omitempty"`
	Document json.RawMessage `json:"document"`
}

// OrgLevel is one level of SCPs or RCPs.
type OrgLevel struct {
	Target   string      `json:"target,omitempty"`
	Policies []PolicyDoc `json:"policies"`
}

// CaseError is a case that cannot be evaluated: what is wrong and where
// (a JSON pointer into the case, and a line:column inside a policy
// document when the problem is there).
type CaseError struct {
	Message string `json:"message"`
	Path    string `json:"path,omitempty"`
}

func (e *CaseError) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// Source is a parsed policy with the text it was parsed from.
type Source = eval.Source

// Prepared is a decoded, validated case: the request and the compiled
// policy set, ready to evaluate (eval.Prepared), and the case.
type Prepared struct {
	Case *Case
	*eval.Prepared
}

// Warning is a non-fatal finding about a case.
type Warning struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Options control how cases are prepared (see eval.Options). A Cache is
// not safe for concurrent use: Stream gives each worker its own.
type Options = eval.Options

// Cache keeps parsed and compiled policy documents (see eval.Cache).
type Cache = eval.Cache

// NewCache returns a cache of at most max documents.
func NewCache(max int) *Cache { return eval.NewCache(max) }

// DecodeCase decodes one case strictly: unknown fields, duplicate fields
// and wrong types are errors naming their JSON pointer. On error the
// returned case holds what was read (its ID, when it came first).
func DecodeCase(data []byte) (*Case, error) {
	return decodeCase(data, false)
}

// jsonError turns an encoding/json error into a CaseError with a line and
// column.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		l, c := jsonx.LineCol(data, int(se.Offset))
		return &CaseError{Message: fmt.Sprintf("invalid JSON at %d:%d: %v", l, c, se)}
	case errors.As(err, &te):
		path := "/" + strings.ReplaceAll(te.Field, ".", "/")
		return &CaseError{Path: path, Message: fmt.Sprintf("%s must be %s, not %s", fieldName(te.Field), typeName(te.Type.String()), te.Value)}
	}
	msg := err.Error()
	if strings.HasPrefix(msg, "json: unknown field ") {
		f := strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
		return &CaseError{Message: fmt.Sprintf("unknown field %q (known: id, managementAccount, request, identityPolicies, permissionsBoundary, sessionPolicy, resourcePolicy, serviceControlPolicies, resourceControlPolicies, vpcEndpointPolicies)", f)}
	}
	if errors.Is(err, errUnexpectedEOF) || strings.Contains(msg, "unexpected EOF") || msg == "EOF" {
		return &CaseError{Message: "invalid JSON: the case ends before it is complete"}
	}
	return &CaseError{Message: "invalid case: " + strings.TrimPrefix(msg, "json: ")}
}

var errUnexpectedEOF = errors.New("unexpected EOF")

func fieldName(f string) string {
	if f == "" {
		return "the case"
	}
	return f
}

func typeName(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "an array"
	case strings.HasPrefix(t, "map["), strings.Contains(t, "simulate."):
		return "an object"
	case t == "string":
		return "a string"
	}
	return t
}

// Prepare validates a case, parses and compiles its policies and builds
// the request: it decodes the context and calls eval.Prepare on the
// case's Input. The prepared case shares the memory of the case's policy
// documents: do not modify them afterwards.
func Prepare(c *Case, opt Options) (*Prepared, error) {
	return prepareIn(c, opt, nil)
}

// prepareIn is Prepare, with the case's Input in sc when sc is not nil
// (see scratch).
func prepareIn(c *Case, opt Options, sc *scratch) (*Prepared, error) {
	var ib *inputBlock
	if sc != nil {
		ib = &sc.in
	}
	in, err := c.inputIn(true, ib)
	if err != nil {
		return nil, err
	}
	ep, err := eval.Prepare(in, opt)
	if err != nil {
		return nil, caseError(err)
	}
	return &Prepared{Case: c, Prepared: ep}, nil
}

// Input converts a case to the pipeline's input: the context values
// decoded to strings, the documents named as in the case. The input
// shares the case's documents.
func (c *Case) Input() (*eval.Input, error) { return c.input(false) }

// input is Input; with asList, a context decoded with the case stays the
// list it was decoded to (Request.ContextList), not a map, for Prepare.
func (c *Case) input(asList bool) (*eval.Input, error) { return c.inputIn(asList, nil) }

// inputIn is input, into blk (cleared first) when it is not nil.
func (c *Case) inputIn(asList bool, blk *inputBlock) (*eval.Input, error) {
	var ctx map[string][]string
	var ctxList []authz.ContextEntry
	var err error
	switch {
	case !c.Request.ctxDone:
		ctx, err = decodeContext(c.Request.Context, c.shared)
	case c.Request.ctxErr != nil:
		err = c.Request.ctxErr
	case asList:
		ctxList = c.Request.ctxList
	default:
		ctx = make(map[string][]string, len(c.Request.ctxList))
		for _, e := range c.Request.ctxList {
			ctx[e.Key] = e.Values
		}
	}
	if err != nil {
		return nil, err
	}
	if blk == nil {
		blk = &inputBlock{}
	} else {
		*blk = inputBlock{}
	}
	in := &blk.in
	*in = eval.Input{
		Request: eval.Request{
			Principal:       c.Request.Principal,
			Action:          c.Request.Action,
			Resource:        c.Request.Resource,
			ResourceAccount: c.Request.ResourceAccount,
			FederatingUser:  c.Request.FederatingUser,
			Context:         ctx,
			ContextList:     ctxList,
		},
		ManagementAccount: c.ManagementAccount,
	}
	// Every document and level in one allocation each.
	n := len(c.IdentityPolicies) + len(c.VPCEndpointPolicies)
	for _, d := range [...]*PolicyDoc{c.PermissionsBoundary, c.SessionPolicy, c.ResourcePolicy} {
		if d != nil {
			n++
		}
	}
	for _, lv := range c.ServiceControlPolicies {
		n += len(lv.Policies)
	}
	for _, lv := range c.ResourceControlPolicies {
		n += len(lv.Policies)
	}
	docs := blk.docs[:0:min(n, len(blk.docs))]
	if n > len(blk.docs) {
		docs = make([]eval.Doc, 0, n)
	}
	list := func(src []PolicyDoc) []eval.Doc {
		if len(src) == 0 {
			return nil
		}
		i := len(docs)
		for _, d := range src {
			docs = append(docs, eval.Doc{Name: d.Name, Text: d.Document})
		}
		return docs[i:len(docs):len(docs)]
	}
	one := func(d *PolicyDoc) *eval.Doc {
		if d == nil {
			return nil
		}
		docs = append(docs, eval.Doc{Name: d.Name, Text: d.Document})
		return &docs[len(docs)-1]
	}
	in.Identity = list(c.IdentityPolicies)
	in.Boundary = one(c.PermissionsBoundary)
	in.Session = one(c.SessionPolicy)
	in.Resource = one(c.ResourcePolicy)
	if nl := len(c.ServiceControlPolicies) + len(c.ResourceControlPolicies); nl > 0 {
		levels := make([]eval.Level, 0, nl)
		conv := func(src []OrgLevel) []eval.Level {
			if len(src) == 0 {
				return nil
			}
			i := len(levels)
			for _, lv := range src {
				levels = append(levels, eval.Level{Target: lv.Target, Policies: list(lv.Policies)})
			}
			return levels[i:len(levels):len(levels)]
		}
		in.SCPs = conv(c.ServiceControlPolicies)
		in.RCPs = conv(c.ResourceControlPolicies)
	}
	in.VPCEndpoint = list(c.VPCEndpointPolicies)
	return in, nil
}

// scratch is the memory a Stream worker decodes and prepares each of its
// cases in, again and again, instead of blocks allocated for each: a case
// of the stream is done with (its result written) before the worker reads
// the next, and nothing kept (the document cache, its memos) points into
// it: the cache keeps copies of its own, and the strings of a case are
// its line's; the result is written out before the next case too. On
// generated cases the two blocks were 3 KB of 17 KB allocated a case.
type scratch struct {
	c   sharedBlock
	in  inputBlock
	res Result
}

// inputBlock is an Input with room for the usual few documents, in one
// allocation.
type inputBlock struct {
	in   eval.Input
	docs [6]eval.Doc
}

// caseError turns an error of eval into a CaseError naming its JSON
// pointer in the case.
func caseError(err error) error {
	var ee *eval.Error
	if errors.As(err, &ee) {
		return &CaseError{Path: Pointer(ee.Path), Message: ee.Message}
	}
	return err
}

// Pointer is the JSON pointer, in a case, of a path of its Input: the
// case's fields are the Input's, so this is the path as eval writes it
// (eval.Path.String).
func Pointer(p eval.Path) string { return p.String() }

// source finds a policy's source by layer name and policy name.
func (pr *Prepared) source(layer, name string) *Source {
	for i := range pr.Sources {
		if s := &pr.Sources[i]; s.Name == name && s.Layer.String() == layer {
			return s
		}
	}
	return nil
}

// warnings converts the prepared input's warnings to the case's JSON
// pointers.
func (pr *Prepared) warnings() []Warning {
	if len(pr.Prepared.Warnings) == 0 {
		return nil
	}
	out := make([]Warning, len(pr.Prepared.Warnings))
	for i, w := range pr.Prepared.Warnings {
		out[i] = Warning{Path: Pointer(w.Path), Message: w.Message}
	}
	return out
}

// decodeContext converts context values (string, number, bool, or arrays
// of those) to strings.
//
// With shared, the values may share the memory of in's.
func decodeContext(in map[string]json.RawMessage, shared bool) (map[string][]string, error) {
	out := make(map[string][]string, len(in))
	// The single values' lists, carved out of one block.
	one := make([]string, 0, len(in))
	for k, raw := range in {
		vals, err := contextValues(k, raw, shared, &one)
		if err != nil {
			return nil, err
		}
		out[k] = vals
	}
	return out, nil
}

// contextValues converts the value raw of context key k to strings. A
// single value's list is carved out of *one.
func contextValues(k string, raw json.RawMessage, shared bool, one *[]string) ([]string, error) {
	path := func() string { return "/request/context/" + jsonx.PointerToken(k) }
	if strings.TrimSpace(k) == "" {
		return nil, &CaseError{Path: path(), Message: "a context key is empty"}
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '[' {
		d := &decoder{data: raw, shared: shared}
		vals := []string{}
		err := d.array(func(i int) error {
			item, err := d.skip(0)
			if err != nil {
				return err
			}
			v, err := scalar(item, shared)
			if err != nil {
				return &CaseError{Path: path() + "/" + strconv.Itoa(i), Message: err.Error()}
			}
			vals = append(vals, v)
			return nil
		})
		if err != nil {
			if ce, ok := err.(*CaseError); ok {
				return nil, ce
			}
			return nil, &CaseError{Path: path(), Message: "invalid value: " + err.Error()}
		}
		return vals, nil
	}
	v, err := scalar(raw, shared)
	if err != nil {
		return nil, &CaseError{Path: path(), Message: err.Error()}
	}
	return carveOne(one, v), nil
}

// carveOne returns the list of the single value v, carved out of *one.
func carveOne(one *[]string, v string) []string {
	o := *one
	if len(o) == cap(o) {
		o = make([]string, 0, max(8, 2*cap(o)))
	}
	o = append(o, v)
	*one = o
	return o[len(o)-1 : len(o) : len(o)]
}

func scalar(raw json.RawMessage, shared bool) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", errors.New("empty value")
	}
	d := &decoder{data: raw, shared: shared}
	switch raw[0] {
	case '"':
		return d.str()
	case 't':
		if string(raw) == "true" {
			return "true", nil
		}
	case 'f':
		if string(raw) == "false" {
			return "false", nil
		}
	case 'n':
		return "", errors.New("a context value cannot be null: leave the key out instead")
	case '{':
		return "", errors.New("a context value must be a string, number, boolean or an array of them, not an object")
	case '[':
		return "", errors.New("a context value inside an array cannot be an array")
	default:
		if b, err := d.skip(0); err == nil && len(b) == len(raw) {
			return d.text(raw), nil
		}
	}
	return "", fmt.Errorf("invalid value %s", raw)
}
