package authz

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"github.com/deniedhq/denied/internal/arn"
)

// PrincipalKind is the kind of principal that makes a request.
type PrincipalKind uint8

// Principal kinds.
const (
	PrincipalUnknown   PrincipalKind = iota
	PrincipalUser                    // arn:aws:iam::ACCT:user/NAME
	PrincipalRole                    // arn:aws:iam::ACCT:role/NAME (a role used directly, rare)
	PrincipalSession                 // arn:aws:sts::ACCT:assumed-role/ROLE/SESSION
	PrincipalFederated               // arn:aws:sts::ACCT:federated-user/NAME
	PrincipalRoot                    // arn:aws:iam::ACCT:root
	PrincipalService                 // backup.amazonaws.com
	PrincipalAnonymous               // "*"
	// PrincipalIdentityProvider is a web identity or SAML identity
	// provider calling sts:AssumeRoleWithWebIdentity or
	// sts:AssumeRoleWithSAML: cognito-identity.amazonaws.com,
	// www.amazon.com, graph.facebook.com, accounts.google.com, or
	// arn:aws:iam::ACCT:oidc-provider/HOST or saml-provider/NAME. A role
	// trust policy names it with "Principal": {"Federated": ...}.
	PrincipalIdentityProvider
)

func (k PrincipalKind) String() string {
	switch k {
	case PrincipalUser:
		return "User"
	case PrincipalRole, PrincipalSession:
		return "AssumedRole"
	case PrincipalFederated:
		return "FederatedUser"
	case PrincipalRoot:
		return "Account"
	case PrincipalService:
		return "Service"
	case PrincipalAnonymous:
		return "Anonymous"
	case PrincipalIdentityProvider:
		return "IdentityProvider"
	}
	return "Unknown"
}

// Principal is the parsed identity that makes a request.
type Principal struct {
	Kind      PrincipalKind
	ARN       string // as given ("*" for anonymous, the service name for services)
	Partition string
	Account   string
	// Name is the user name, role name (without path), or federated user name.
	Name string
	// Path is the IAM path of a user or role ("/" when none). Sessions do
	// not carry their role's path.
	Path string
	// Session is the role session name of an assumed-role principal.
	Session string
	// RoleARN is the ARN of the role behind a session (without path, as a
	// session ARN does not carry it), or the role's own ARN.
	RoleARN string
	// FederatingUser is, for a federated user session, the ARN of the IAM
	// user that called GetFederationToken, when known ("" otherwise: the
	// session ARN does not say).
	FederatingUser string
}

// ServiceLinked reports whether the principal is a service-linked role or
// one of its sessions: SCPs and RCPs do not restrict those.
func (p *Principal) ServiceLinked() bool {
	if p.Kind != PrincipalRole && p.Kind != PrincipalSession {
		return false
	}
	return strings.HasPrefix(p.Path, "/aws-service-role/") || strings.HasPrefix(p.Name, "AWSServiceRoleFor")
}

// ParsePrincipal parses the principal of a request: an IAM user, role,
// assumed-role session, federated user or root ARN; a service principal
// (name.amazonaws.com); a web identity or SAML identity provider (the four
// web identity providers the IAM User Guide names, or an oidc-provider or
// saml-provider ARN); or "*" for an anonymous request.
func ParsePrincipal(s string) (Principal, error) {
	p := Principal{ARN: s}
	switch {
	case s == "":
		return p, fmt.Errorf("principal is empty")
	case s == "*" || strings.EqualFold(s, "anonymous"):
		p.Kind = PrincipalAnonymous
		p.ARN = "*"
		return p, nil
	case !strings.HasPrefix(s, "arn:"):
		if strings.Contains(s, ".") && !strings.ContainsAny(s, ":/ ") {
			p.Kind = PrincipalService
			if webIdentityProvider(s) {
				p.Kind = PrincipalIdentityProvider
			}
			return p, nil
		}
		return p, fmt.Errorf("principal %q is neither an ARN, a service principal nor \"*\"", s)
	}
	a, ok := arn.Parse(s)
	if !ok {
		return p, fmt.Errorf("principal %q is not a valid ARN: it needs 6 colon-separated parts", s)
	}
	p.Partition, p.Account = a.Partition, a.Account
	service, res := a.Service, a.Resource
	if !arn.IsAccountID(p.Account) {
		return p, fmt.Errorf("principal %q has no 12-digit account ID", s)
	}
	switch {
	case service == "iam" && res == "root":
		p.Kind = PrincipalRoot
	case service == "iam" && strings.HasPrefix(res, "user/"):
		p.Kind = PrincipalUser
		p.Path, p.Name = splitPath(res[len("user/"):])
	case service == "iam" && strings.HasPrefix(res, "role/"):
		p.Kind = PrincipalRole
		p.Path, p.Name = splitPath(res[len("role/"):])
		p.RoleARN = s
	case service == "sts" && strings.HasPrefix(res, "assumed-role/"):
		rest := res[len("assumed-role/"):]
		i := strings.IndexByte(rest, '/')
		if i <= 0 || i == len(rest)-1 {
			return p, fmt.Errorf("principal %q: an assumed-role ARN reads assumed-role/ROLE/SESSION", s)
		}
		p.Kind = PrincipalSession
		p.Name, p.Session, p.Path = rest[:i], rest[i+1:], "/"
		p.RoleARN = "arn:" + p.Partition + ":iam::" + p.Account + ":role/" + p.Name
	case service == "sts" && strings.HasPrefix(res, "federated-user/"):
		p.Kind = PrincipalFederated
		p.Name = res[len("federated-user/"):]
	case service == "iam" && strings.HasPrefix(res, "oidc-provider/"):
		p.Kind = PrincipalIdentityProvider
		p.Name = res[len("oidc-provider/"):]
	case service == "iam" && strings.HasPrefix(res, "saml-provider/"):
		p.Kind = PrincipalIdentityProvider
		p.Name = res[len("saml-provider/"):]
	default:
		return p, fmt.Errorf("principal %q is not a user, role, assumed-role, federated-user or root ARN", s)
	}
	if p.Kind != PrincipalRoot && p.Name == "" {
		return p, fmt.Errorf("principal %q has no name", s)
	}
	return p, nil
}

// webIdentityProviders are the web identity providers a role trust policy
// names by name ("Principal": {"Federated": "accounts.google.com"}; IAM
// User Guide, AWS JSON policy elements: Principal, Web identity session
// principals).
var webIdentityProviders = [...]string{"cognito-identity.amazonaws.com", "www.amazon.com", "graph.facebook.com", "accounts.google.com"}

func webIdentityProvider(s string) bool {
	for _, w := range webIdentityProviders {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// SAMLProvider reports whether the principal is a SAML identity provider
// (arn:...:iam::ACCT:saml-provider/NAME).
func (p *Principal) SAMLProvider() bool {
	return p.Kind == PrincipalIdentityProvider && strings.HasPrefix(p.ARN, "arn:") && strings.Contains(p.ARN, ":saml-provider/")
}

func splitPath(s string) (path, name string) {
	i := strings.LastIndexByte(s, '/')
	if i < 0 {
		return "/", s
	}
	return "/" + s[:i+1], s[i+1:]
}

// Request is one authorization request, prepared for evaluation: build it
// once with NewRequest and evaluate it against any number of policy sets.
type Request struct {
	Principal       Principal
	Action          string // as given
	Resource        string // ARN, or "*" for actions without resource types
	ResourceAccount string
	// Context holds the request context with lower-cased keys. Use
	// NewRequest, or Context.Set, so keys are normalised.
	Context Context

	action  string  // lower-cased action
	service string  // lower-cased service prefix of the action
	resARN  arnView // the resource split into its six parts
	refused refusal // why AWS refuses the request whatever the policies say
	// implied holds the values of the implied keys fillImplied sets, in
	// the request's own allocation instead of one of their own.
	implied [6]string
}

// Service returns the lower-cased service prefix of the action.
func (r *Request) Service() string { return r.service }

// CrossAccount reports whether the principal and the resource belong to
// different accounts.
func (r *Request) CrossAccount() bool {
	a := r.Principal.Account
	return a != "" && r.ResourceAccount != "" && a != r.ResourceAccount
}

// RequestInput is what a Request is built from.
type RequestInput struct {
	Principal       string
	Action          string
	Resource        string
	ResourceAccount string
	// FederatingUser names the IAM user behind a federated user session.
	FederatingUser string
	Context        map[string][]string
	// ContextList holds more of the context, as a list: for a caller
	// that reads the keys in order (simulate's case decoder), which would
	// otherwise build a map only for NewRequest to read it (a map a case,
	// a tenth of simulate's allocations on generated cases). NewRequest
	// takes the keys of both, Context's first; a key appears once.
	ContextList []ContextEntry
}

// ContextEntry is one key of a request context, as given, and its
// values.
type ContextEntry struct {
	Key    string
	Values []string
}

// NewRequest validates and prepares a request. Context keys are matched
// case-insensitively; the keys the request implies (aws:PrincipalArn,
// aws:PrincipalAccount, aws:PrincipalType, aws:username, aws:userid where
// it is derivable, aws:ResourceAccount, aws:PrincipalIsAWSService,
// aws:PrincipalServiceName) are filled in unless given.
func NewRequest(in RequestInput) (*Request, error) {
	return NewRequestKnown(in, Known{})
}

// LowerKey is a context key as a Request's Context holds it: its ASCII
// letters lower-cased (AWS folds no other).
func LowerKey(k string) string { return asciiLower(k) }

// Known is what a caller that memoises what it reads of requests (eval's
// Cache) knows of a RequestInput already, for NewRequestKnown.
type Known struct {
	// Lowered[i], when i < len(Lowered) and it is not "", is
	// LowerKey(in.ContextList[i].Key): NewRequest then does not lower the
	// key again, a hash of the key a key (an eighth of validating and
	// preparing a generated case's request, whose 15 keys or so are all
	// written in mixed case).
	Lowered []string
	// Principal, when not nil, is what ParsePrincipal(in.Principal)
	// returned without an error (about a thousand instructions a
	// generated case, and for a session the role ARN it builds).
	Principal *Principal
	// Reuse, when not nil, is a request made before whose memory (the
	// struct, its context's map) the new request takes: that request
	// must not be used again (the workers of `denied simulate`, done with
	// each case before the next).
	Reuse *Request
}

// NewRequestKnown is NewRequest for a caller that knows some of what it
// reads of in already (Known); the request is the same.
func NewRequestKnown(in RequestInput, known Known) (*Request, error) {
	if err := checkRequestLimits(in); err != nil {
		return nil, err
	}
	var p Principal
	if known.Principal != nil {
		p = *known.Principal
	} else {
		var err error
		if p, err = ParsePrincipal(in.Principal); err != nil {
			return nil, &FieldError{Field: "principal", Err: err}
		}
	}
	lowered := known.Lowered
	if in.FederatingUser != "" {
		u, err := ParsePrincipal(in.FederatingUser)
		switch {
		case p.Kind != PrincipalFederated:
			return nil, &FieldError{Field: "federatingUser", Err: fmt.Errorf("federatingUser is only for a federated user session (arn:aws:sts::ACCOUNT:federated-user/NAME)")}
		case err != nil || u.Kind != PrincipalUser:
			return nil, &FieldError{Field: "federatingUser", Err: fmt.Errorf("federatingUser %q is not an IAM user ARN (arn:aws:iam::ACCOUNT:user/NAME)", in.FederatingUser)}
		case u.Account != p.Account:
			return nil, &FieldError{Field: "federatingUser", Err: fmt.Errorf("federatingUser %q is not in the session's account %s", in.FederatingUser, p.Account)}
		}
		p.FederatingUser = in.FederatingUser
	}
	action := strings.TrimSpace(in.Action)
	i := strings.IndexByte(action, ':')
	if i <= 0 || i == len(action)-1 || strings.ContainsAny(action, "*? ") {
		return nil, &FieldError{Field: "action", Err: fmt.Errorf("action %q must read service:Action (no wildcards)", in.Action)}
	}
	r := known.Reuse
	var ctx Context
	if r != nil {
		if ctx = r.Context; len(ctx) > 256 {
			ctx = nil // a huge context's map is not kept: clearing it costs its size
		}
		clear(ctx)
		*r = Request{Principal: p, Action: action, Resource: in.Resource, action: asciiLower(action)}
	} else {
		r = &Request{
			Principal: p,
			Action:    action,
			Resource:  in.Resource,
			action:    asciiLower(action),
		}
	}
	r.service = r.action[:i]
	if r.Resource == "" {
		r.Resource = "*"
	}
	if r.Resource != "*" {
		v, ok := splitARN(r.Resource)
		if !ok {
			return nil, &FieldError{Field: "resource", Err: fmt.Errorf("resource %q is not an ARN (arn:partition:service:region:account:resource) nor \"*\"", r.Resource)}
		}
		r.resARN = v
	}
	r.ResourceAccount = in.ResourceAccount
	awsOwned := false
	if r.ResourceAccount == "" && r.Resource != "*" {
		r.ResourceAccount = r.resARN.field(r.Resource, 4)
		// AWS managed policies (arn:aws:iam::aws:policy/...) belong to
		// no account; the caller's identity policies decide, as for
		// its own resources.
		if r.ResourceAccount == "aws" {
			r.ResourceAccount, awsOwned = p.Account, true
		}
	}
	if r.ResourceAccount != "" && !arn.IsAccountID(r.ResourceAccount) {
		return nil, &FieldError{Field: "resourceAccount", Err: fmt.Errorf("resource account %q is not a 12-digit account ID", r.ResourceAccount)}
	}
	if r.ResourceAccount == "" && r.Resource == "*" {
		r.ResourceAccount = p.Account
	}
	// The map is made for the keys it ends with: the given ones, and the
	// implied ones (and eval's clock keys) not given. A hint of the given
	// keys and 8 made a table twice the size for most contexts of 21 keys
	// or more (generated cases give 10 to 25, the implied ones among
	// them): its largest allocation.
	var given uint16
	sized := func(n int) Context {
		if ctx != nil {
			return ctx
		}
		return make(Context, n+bits.OnesCount16(impliedMask(p.Kind, r.ResourceAccount != "")&^given))
	}
	if len(in.Context) == 0 && len(lowered) == len(in.ContextList) && !slices.Contains(lowered, "") {
		// Every key lowered by the caller (eval's, for a simulate case):
		// the keys are counted and put straight from its lists, without
		// the block of lowered entries below, which cost more to clear
		// and fill than the keys to count.
		for _, lk := range lowered {
			given |= impliedBit(lk)
		}
		r.Context = sized(len(lowered))
		for i := range in.ContextList {
			r.Context[lowered[i]] = in.ContextList[i].Values
		}
	} else {
		var buf [32]ContextEntry
		entries := buf[:0]
		for k, v := range in.Context {
			lk := asciiLower(k)
			given |= impliedBit(lk)
			entries = append(entries, ContextEntry{Key: lk, Values: v})
		}
		for i, e := range in.ContextList {
			lk := ""
			if i < len(lowered) {
				lk = lowered[i]
			}
			if lk == "" {
				lk = asciiLower(e.Key)
			}
			given |= impliedBit(lk)
			entries = append(entries, ContextEntry{Key: lk, Values: e.Values})
		}
		r.Context = sized(len(entries))
		for _, e := range entries {
			r.Context[e.Key] = e.Values
		}
	}
	givenRA := given&bitResourceAccount != 0
	r.fillImplied(given)
	if awsOwned && !givenRA {
		delete(r.Context, "aws:resourceaccount")
	}
	r.refused = refusalOf(r)
	return r, nil
}

// fillImplied sets the implied keys that are not given (given holds
// their bits, impliedBit): the context holds the given keys alone, so a
// key is in it exactly when its bit is in given, and none is looked up.
func (r *Request) fillImplied(given uint16) {
	p := &r.Principal
	n := 0
	set := func(bit uint16, k string, v string) {
		if given&bit == 0 {
			r.implied[n] = v
			r.Context[k] = r.implied[n : n+1 : n+1]
			n++
		}
	}
	switch p.Kind {
	case PrincipalService:
		set(bitIsAWSService, "aws:principalisawsservice", "true")
		set(bitServiceName, "aws:principalservicename", p.ARN)
	case PrincipalIdentityProvider:
		// aws:FederatedProvider "is present ... in the role-trust
		// policy when an OIDC provider is used to call
		// AssumeRoleWithWebIdentity": the provider's name for a
		// built-in one (cognito-identity.amazonaws.com), its ARN for
		// another (IAM User Guide, global condition context keys).
		if !p.SAMLProvider() {
			set(bitFederatedProvider, "aws:federatedprovider", p.ARN)
		}
	case PrincipalAnonymous:
		// "This key is included in the request context for all
		// requests, including anonymous requests" (IAM User Guide,
		// global condition context keys: aws:PrincipalAccount,
		// aws:PrincipalType, aws:userid); "For anonymous requests, the
		// request context returns anonymous" (aws:PrincipalAccount), and
		// the Principal key values table gives aws:userid anonymous and
		// aws:PrincipalType Anonymous.
		set(bitAccount, "aws:principalaccount", "anonymous")
		set(bitType, "aws:principaltype", p.Kind.String())
		set(bitUserID, "aws:userid", "anonymous")
	default:
		set(bitIsAWSService, "aws:principalisawsservice", "false")
		set(bitAccount, "aws:principalaccount", p.Account)
		set(bitType, "aws:principaltype", p.Kind.String())
		switch p.Kind {
		case PrincipalSession, PrincipalRole:
			set(bitARN, "aws:principalarn", p.RoleARN)
		default:
			set(bitARN, "aws:principalarn", p.ARN)
		}
		switch p.Kind {
		case PrincipalUser:
			set(bitUsername, "aws:username", p.Name)
		case PrincipalRoot:
			set(bitUserID, "aws:userid", p.Account)
		case PrincipalFederated:
			set(bitUserID, "aws:userid", p.Account+":"+p.Name)
		}
	}
	if r.ResourceAccount != "" {
		set(bitResourceAccount, "aws:resourceaccount", r.ResourceAccount)
	}
}

// The keys fillImplied may set, and the clock keys eval sets when absent
// (aws:CurrentTime, aws:EpochTime), as bits: NewRequest sizes the context
// for those not given.
const (
	bitIsAWSService uint16 = 1 << iota
	bitServiceName
	bitAccount
	bitType
	bitARN
	bitUsername
	bitUserID
	bitResourceAccount
	bitCurrentTime
	bitEpochTime
	bitFederatedProvider
)

// impliedBit is the bit of the lower-cased key lk, 0 for a key that is
// never implied.
func impliedBit(lk string) uint16 {
	if !strings.HasPrefix(lk, "aws:") {
		return 0
	}
	switch lk[len("aws:"):] {
	case "principalisawsservice":
		return bitIsAWSService
	case "principalservicename":
		return bitServiceName
	case "principalaccount":
		return bitAccount
	case "principaltype":
		return bitType
	case "principalarn":
		return bitARN
	case "username":
		return bitUsername
	case "userid":
		return bitUserID
	case "resourceaccount":
		return bitResourceAccount
	case "currenttime":
		return bitCurrentTime
	case "epochtime":
		return bitEpochTime
	case "federatedprovider":
		return bitFederatedProvider
	}
	return 0
}

// impliedMask is the keys fillImplied sets for a principal of kind k (and
// a resource account when ra), and the clock keys.
func impliedMask(k PrincipalKind, ra bool) uint16 {
	m := bitCurrentTime | bitEpochTime
	switch k {
	case PrincipalService:
		m |= bitIsAWSService | bitServiceName
	case PrincipalIdentityProvider:
		m |= bitFederatedProvider
	case PrincipalAnonymous:
		m |= bitAccount | bitType | bitUserID
	default:
		m |= bitIsAWSService | bitAccount | bitType | bitARN
		switch k {
		case PrincipalUser:
			m |= bitUsername
		case PrincipalRoot, PrincipalFederated:
			m |= bitUserID
		}
	}
	if ra {
		m |= bitResourceAccount
	}
	return m
}

// Context is a request context: lower-cased key → values.
type Context map[string][]string

// Set stores values under key (case-insensitive).
func (c Context) Set(key string, values ...string) { c[asciiLower(key)] = values }

// Get returns the values of key (case-insensitive).
func (c Context) Get(key string) ([]string, bool) {
	v, ok := c[asciiLower(key)]
	return v, ok
}

// FieldError is an error in one field of a RequestInput, named by the
// field (principal, action, resource, resourceAccount, federatingUser,
// context) and, for a context value, by its key. It names no position in
// any input format: a caller that read the request from a document maps
// the field to its own location there.
type FieldError struct {
	Field string
	Key   string // the context key, for Field "context"; "" otherwise
	Err   error
}

func (e *FieldError) Error() string {
	if e.Key != "" {
		return e.Field + "[" + e.Key + "]: " + e.Err.Error()
	}
	return e.Field + ": " + e.Err.Error()
}
func (e *FieldError) Unwrap() error { return e.Err }

// arnView records where the six fields of an ARN start and end.
type arnView struct {
	ends [6]uint16 // end offset of each field; field i starts at ends[i-1]+1
}

func splitARN(s string) (arnView, bool) {
	var v arnView
	f, n := arn.Fields(s)
	if len(s) > 65535 || n != 6 || f[0] != "arn" {
		return v, false
	}
	end := -1
	for i := range f {
		end += 1 + len(f[i])
		v.ends[i] = uint16(end)
	}
	return v, true
}

func (v arnView) field(s string, i int) string {
	start := 0
	if i > 0 {
		start = int(v.ends[i-1]) + 1
	}
	return s[start:v.ends[i]]
}
