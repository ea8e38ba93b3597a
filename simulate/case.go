// Package simulate implements the `denied simulate` case contract: a JSON
// case holding one request and the policies of every layer goes in; the
// decision, every layer's verdict, the deciding statements, the missing
// context and the AWS message come out. It also reads the input of
// `aws iam simulate-custom-policy` and answers in the shape of its output.
package simulate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/catalog"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/jsonx"
	"github.com/deniedhq/denied/policy"
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

// Source is a parsed policy with the text it was parsed from, so that
// reports can quote its lines.
type Source struct {
	Layer  authz.Layer
	Name   string
	Path   string // JSON pointer of the document in the case
	Text   []byte
	Policy *policy.Policy
}

// Prepared is a decoded, validated case: the request and the compiled
// policy set, ready to evaluate.
type Prepared struct {
	Case     *Case
	Request  *authz.Request
	Set      *authz.Set
	Sources  []*Source
	Warnings []Warning
	// ignored are the (lower-cased) context keys left out because the
	// action never carries them: supplying them changes nothing.
	ignored []string
}

// Warning is a non-fatal finding about a case.
type Warning struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Options control how cases are prepared.
type Options struct {
	// Now gives the time used for aws:CurrentTime and aws:EpochTime when
	// the case does not set them. Nil means time.Now.
	Now func() time.Time
	// AllowUnknownActions turns an action the service catalog does not
	// know into a warning instead of an error.
	AllowUnknownActions bool
	// Cache, when set, keeps parsed and compiled policy documents so that
	// a document seen again (the same SCPs in every case of a batch) is
	// parsed and compiled once. A Cache is not safe for concurrent use:
	// Stream gives each worker its own.
	Cache *Cache
}

// DecodeCase decodes one case strictly: unknown fields, duplicate fields
// and wrong types are errors naming their JSON pointer. On error the
// returned case holds what was read (its ID, when it came first).
func DecodeCase(data []byte) (*Case, error) {
	return decodeCase(data)
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
// the request. The prepared case shares the memory of the case's policy
// documents: do not modify them afterwards.
func Prepare(c *Case, opt Options) (*Prepared, error) {
	pr := &Prepared{Case: c}
	ctx, err := decodeContext(c.Request.Context)
	if err != nil {
		return nil, err
	}
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	if !hasKey(ctx, "aws:CurrentTime") || !hasKey(ctx, "aws:EpochTime") {
		t := now().UTC()
		if !hasKey(ctx, "aws:CurrentTime") {
			ctx["aws:CurrentTime"] = []string{t.Format(time.RFC3339)}
		}
		if !hasKey(ctx, "aws:EpochTime") {
			ctx["aws:EpochTime"] = []string{strconv.FormatInt(t.Unix(), 10)}
		}
	}
	if c.Request.Principal == "" {
		return nil, &CaseError{Path: "/request/principal", Message: "the request needs a principal (an ARN, a service principal, or \"*\" for anonymous)"}
	}
	if c.Request.Action == "" {
		return nil, &CaseError{Path: "/request/action", Message: "the request needs an action such as s3:GetObject"}
	}
	req, err := authz.NewRequest(authz.RequestInput{
		Principal:       c.Request.Principal,
		Action:          c.Request.Action,
		Resource:        c.Request.Resource,
		ResourceAccount: c.Request.ResourceAccount,
		FederatingUser:  c.Request.FederatingUser,
		Context:         ctx,
	})
	if err != nil {
		var fe *authz.FieldError
		if errors.As(err, &fe) {
			return nil, &CaseError{Path: requestPointer(fe), Message: fe.Err.Error()}
		}
		return nil, &CaseError{Path: "/request", Message: err.Error()}
	}
	pr.Request = req
	if err := pr.validateRequest(c, ctx, opt); err != nil {
		return nil, err
	}
	if note, msg := req.Refused(); note != "" {
		w := req.RefusalReason() + ": AWS refuses this request whatever the policies say (not Allowed unless a policy denies it explicitly)"
		if msg == "" {
			w += "; AWS documents no message for it"
		}
		pr.warn("/request", w)
	}
	if c.ManagementAccount != "" && !arn.IsAccountID(c.ManagementAccount) {
		return nil, &CaseError{Path: "/managementAccount", Message: fmt.Sprintf("%q is not a 12-digit account ID", c.ManagementAccount)}
	}

	cache := opt.Cache
	in := authz.Input{ManagementAccount: c.ManagementAccount, RCPSupported: catalog.RCPSupported}
	for i := range c.IdentityPolicies {
		np, err := pr.parse(authz.LayerIdentity, docLoc{field: "identityPolicies", i: i, j: -1}, &c.IdentityPolicies[i], cache)
		if err != nil {
			return nil, err
		}
		in.Identity = append(in.Identity, np)
	}
	one := func(l authz.Layer, field string, d *PolicyDoc) (*authz.NamedPolicy, error) {
		if d == nil {
			return nil, nil
		}
		np, err := pr.parse(l, docLoc{field: field, i: -1, j: -1}, d, cache)
		if err != nil {
			return nil, err
		}
		return &np, nil
	}
	if in.Boundary, err = one(authz.LayerBoundary, "permissionsBoundary", c.PermissionsBoundary); err != nil {
		return nil, err
	}
	if in.Session, err = one(authz.LayerSession, "sessionPolicy", c.SessionPolicy); err != nil {
		return nil, err
	}
	if in.Resource, err = one(authz.LayerResource, "resourcePolicy", c.ResourcePolicy); err != nil {
		return nil, err
	}
	levels := func(l authz.Layer, field string, src []OrgLevel) ([]authz.Level, error) {
		var out []authz.Level
		for i, lv := range src {
			if len(lv.Policies) == 0 && l == authz.LayerSCP {
				return nil, &CaseError{Path: fmt.Sprintf("/%s/%d/policies", field, i), Message: "this SCP level has no policies: AWS requires at least one SCP on every root, OU and account (a level without one would deny everything); leave out serviceControlPolicies when SCPs are off"}
			}
			level := authz.Level{Target: lv.Target}
			for j := range lv.Policies {
				np, err := pr.parse(l, docLoc{field: field, i: i, j: j}, &lv.Policies[j], cache)
				if err != nil {
					return nil, err
				}
				level.Policies = append(level.Policies, np)
			}
			out = append(out, level)
		}
		return out, nil
	}
	if in.SCPs, err = levels(authz.LayerSCP, "serviceControlPolicies", c.ServiceControlPolicies); err != nil {
		return nil, err
	}
	if in.RCPs, err = levels(authz.LayerRCP, "resourceControlPolicies", c.ResourceControlPolicies); err != nil {
		return nil, err
	}
	for i := range c.VPCEndpointPolicies {
		np, err := pr.parse(authz.LayerVPCEndpoint, docLoc{field: "vpcEndpointPolicies", i: i, j: -1}, &c.VPCEndpointPolicies[i], cache)
		if err != nil {
			return nil, err
		}
		in.VPCEndpoint = append(in.VPCEndpoint, np)
	}
	set, err := authz.Compile(in)
	if err != nil {
		return nil, &CaseError{Message: err.Error()}
	}
	pr.Set = set
	pr.warnFederatingUser()
	return pr, nil
}

// warnFederatingUser warns when a federated user session meets a
// resource-based policy that names an IAM user of its account: whether
// that statement applies depends on which IAM user created the session,
// which the session ARN does not say.
func (pr *Prepared) warnFederatingUser() {
	p := &pr.Request.Principal
	if p.Kind != authz.PrincipalFederated || p.FederatingUser != "" {
		return
	}
	var ws []Warning
	defer func() { pr.Warnings = append(pr.Warnings, ws...) }()
	prefix := "arn:" + p.Partition + ":iam::" + p.Account + ":user/"
	for _, src := range pr.Sources {
		if src.Layer != authz.LayerResource {
			continue
		}
		for _, st := range src.Policy.Statements {
			el, name := st.Principal, "/Principal/AWS"
			if el == nil {
				el, name = st.NotPrincipal, "/NotPrincipal/AWS"
			}
			if el == nil {
				continue
			}
			for i, v := range el.AWS {
				if strings.HasPrefix(v, prefix) {
					pth := st.Pointer + name
					if len(el.AWS) > 1 {
						pth += "/" + strconv.Itoa(i)
					}
					pth = src.Path + pth
					ws = append(ws, Warning{Path: pth, Message: fmt.Sprintf("%s policy %q names IAM user %s; it applies to the federated user session %s only if that user created the session with GetFederationToken, which the session ARN does not say: give request.federatingUser to decide (until then it is taken not to)", src.Layer, src.Name, v, p.ARN)})
				}
			}
		}
	}
}

// requestPointer is the JSON pointer, in a case, of the request field an
// engine error names.
func requestPointer(fe *authz.FieldError) string {
	p := "/request/" + fe.Field
	if fe.Key != "" {
		p += "/" + jsonx.PointerToken(fe.Key)
	}
	return p
}

func hasKey(ctx map[string][]string, key string) bool {
	for k := range ctx {
		if strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}

// Source returns the source of the policy a statement reference points at.
func (pr *Prepared) Source(ref authz.StatementRef) *Source {
	return pr.source(ref.Layer.String(), ref.Policy)
}

// source finds a policy's source by layer name and policy name.
func (pr *Prepared) source(layer, name string) *Source {
	for _, s := range pr.Sources {
		if s.Name == name && s.Layer.String() == layer {
			return s
		}
	}
	return nil
}

// docLoc locates a policy document in a case: field, level (i) and policy
// (j) indexes, -1 when not used. Its path and default name are only built
// when needed.
type docLoc struct {
	field string
	i, j  int
}

func (l docLoc) path() string {
	p := "/" + l.field
	if l.i >= 0 {
		p += "/" + strconv.Itoa(l.i)
	}
	if l.j >= 0 {
		p += "/policies/" + strconv.Itoa(l.j)
	}
	return p
}

// docPaths holds the document pointers of the first policies of each
// field, built once: every case names them.
var docPaths = func() map[docLoc]string {
	m := make(map[docLoc]string)
	for _, f := range []string{"permissionsBoundary", "sessionPolicy", "resourcePolicy"} {
		l := docLoc{field: f, i: -1, j: -1}
		m[l] = l.path() + "/document"
	}
	for _, f := range []string{"identityPolicies", "vpcEndpointPolicies"} {
		for i := 0; i < 8; i++ {
			l := docLoc{field: f, i: i, j: -1}
			m[l] = l.path() + "/document"
		}
	}
	for _, f := range []string{"serviceControlPolicies", "resourceControlPolicies"} {
		for i := 0; i < 8; i++ {
			for j := 0; j < 4; j++ {
				l := docLoc{field: f, i: i, j: j}
				m[l] = l.path() + "/document"
			}
		}
	}
	return m
}()

// docPath is path() + "/document".
func (l docLoc) docPath() string {
	if p, ok := docPaths[l]; ok {
		return p
	}
	return l.path() + "/document"
}

// defaultName names a policy that has no name: "identity-0",
// "permissions-boundary", "serviceControlPolicies-0-1".
func (l docLoc) defaultName() string {
	switch l.field {
	case "identityPolicies":
		return "identity-" + strconv.Itoa(l.i)
	case "vpcEndpointPolicies":
		return "vpce-" + strconv.Itoa(l.i)
	case "permissionsBoundary":
		return "permissions-boundary"
	case "sessionPolicy":
		return "session-policy"
	case "resourcePolicy":
		return "resource-policy"
	}
	return l.field + "-" + strconv.Itoa(l.i) + "-" + strconv.Itoa(l.j)
}

// parse decodes, parses, validates and compiles one policy document,
// through the cache when there is one.
func (pr *Prepared) parse(l authz.Layer, loc docLoc, d *PolicyDoc, cache *Cache) (authz.NamedPolicy, error) {
	name := d.Name
	if name == "" {
		name = loc.defaultName()
	}
	doc := cache.get(l, d.Document)
	if doc == nil {
		raw := d.Document
		if cache.cacheable(raw) {
			// A kept document must not pin the input line it came from.
			raw = cache.own(raw)
		}
		doc = pr.parseDoc(l, raw, cache)
		cache.put(l, raw, doc)
	}
	if doc.err != nil {
		return authz.NamedPolicy{}, &CaseError{Path: loc.docPath() + doc.err.Path, Message: fmt.Sprintf("%s policy %q, %s", l, name, doc.err.Message)}
	}
	for _, w := range doc.warnings {
		pr.Warnings = append(pr.Warnings, Warning{Path: loc.docPath() + w.Path, Message: fmt.Sprintf("%s policy %q, %s", l, name, w.Message)})
	}
	pr.Sources = append(pr.Sources, &Source{Layer: l, Name: name, Path: loc.docPath(), Text: doc.text, Policy: doc.policy})
	return authz.NamedPolicy{Name: name, Policy: doc.policy, Compiled: doc.compiled}, nil
}

// parsedDoc is a policy document parsed, validated and compiled for one
// layer, independent of the case it appeared in: paths are relative to
// the document.
type parsedDoc struct {
	text     []byte
	policy   *policy.Policy
	compiled *authz.CompiledPolicy
	warnings []Warning
	err      *CaseError
}

func (pr *Prepared) parseDoc(l authz.Layer, raw json.RawMessage, cache *Cache) *parsedDoc {
	doc := &parsedDoc{}
	text, err := DocumentText(raw)
	if err != nil {
		doc.err = &CaseError{Message: err.Error()}
		return doc
	}
	doc.text = text
	// The text is a slice of the case's own bytes, which nothing modifies.
	p, findings := policy.ParseShared(text)
	for _, f := range findings {
		if (l == authz.LayerResource || l == authz.LayerVPCEndpoint) && resourcePolicyFine[f.Code] {
			continue
		}
		msg := fmt.Sprintf("%s: %s", f.Pos, f.Message)
		if f.Severity == policy.Error {
			doc.err = &CaseError{Path: f.Pointer, Message: msg}
			return doc
		}
		doc.warnings = append(doc.warnings, Warning{Path: f.Pointer, Message: msg})
	}
	if p == nil {
		doc.err = &CaseError{Message: "no policy document"}
		return doc
	}
	doc.policy = p
	doc.warnings = append(doc.warnings, validatePolicy(p, cache)...)
	if ce := checkConditionValues(p); ce != nil {
		doc.err = ce
		return doc
	}
	c, err := authz.CompilePolicy(l, authz.NamedPolicy{Policy: p})
	if err != nil {
		var ce *authz.CompileError
		if errors.As(err, &ce) && ce.Statement >= 0 && ce.Statement < len(p.Statements) {
			st := p.Statements[ce.Statement]
			msg := ce.Err.Error()
			if errors.Is(ce.Err, authz.ErrNoPrincipal) {
				msg = fmt.Sprintf("statement %d%s at %s: %s", st.Index, sidNote(st.Sid), st.Pos, msg)
			}
			doc.err = &CaseError{Path: st.Pointer, Message: msg}
		} else {
			doc.err = &CaseError{Message: err.Error()}
		}
		return doc
	}
	doc.compiled = c
	return doc
}

// resourcePolicyFine are findings that concern identity-based policies
// only: resource-based and endpoint policies may omit Resource and use any
// characters in a Sid.
var resourcePolicyFine = map[string]bool{"missing-resource": true, "sid-invalid": true}

// DocumentText returns the text of a policy document given as a JSON
// object, or as a JSON string holding the document, URL-encoded or not.
func DocumentText(raw json.RawMessage) ([]byte, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, errors.New("the policy has no document")
	}
	if raw[0] != '"' {
		return raw, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("the document string is not valid JSON: %v", err)
	}
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "%") || (!strings.HasPrefix(t, "{") && strings.Contains(t, "%7B")) {
		u, err := url.PathUnescape(t)
		if err != nil {
			return nil, fmt.Errorf("the document looks URL-encoded but does not decode: %v", err)
		}
		t = u
	}
	return []byte(t), nil
}

// decodeContext converts context values (string, number, bool, or arrays
// of those) to strings.
func decodeContext(in map[string]json.RawMessage) (map[string][]string, error) {
	out := make(map[string][]string, len(in)+2)
	for k, raw := range in {
		path := func() string { return "/request/context/" + jsonx.PointerToken(k) }
		if strings.TrimSpace(k) == "" {
			return nil, &CaseError{Path: path(), Message: "a context key is empty"}
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) > 0 && raw[0] == '[' {
			d := &decoder{data: raw}
			vals := []string{}
			err := d.array(func(i int) error {
				item, err := d.skip(0)
				if err != nil {
					return err
				}
				v, err := scalar(item)
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
			out[k] = vals
			continue
		}
		v, err := scalar(raw)
		if err != nil {
			return nil, &CaseError{Path: path(), Message: err.Error()}
		}
		out[k] = []string{v}
	}
	return out, nil
}

func scalar(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", errors.New("empty value")
	}
	d := &decoder{data: raw}
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
			return string(raw), nil
		}
	}
	return "", fmt.Errorf("invalid value %s", raw)
}

func sidNote(sid string) string {
	if sid == "" {
		return ""
	}
	return fmt.Sprintf(" (Sid %q)", sid)
}
