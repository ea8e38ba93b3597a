package authz

import (
	"strings"

	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/policy"
)

// strength is how specifically a Principal element names the requester.
// Resource-policy grants behave differently by strength: an account
// principal only delegates to the account's IAM policies, while a grant
// that names a user or a role session directly is not limited by an
// implicit deny in a permissions boundary or session policy.
type strength uint8

const (
	matchNone     strength = iota
	matchAccount           // the account (root ARN or account ID)
	matchWildcard          // "*" or {"AWS": "*"}
	matchRole              // the role behind a session
	matchDirect            // the user, role session, federated user or service itself
)

type roleRef struct{ account, name string }

type cprincipal struct {
	anyone   bool // "Principal": "*"
	anyAWS   bool // {"AWS": "*"}
	accounts []string
	arns     []string
	roles    []roleRef
	services []string // lower-cased
	others   []string // Federated and CanonicalUser values
	fed      []string // Federated values, trimmed
}

// Shared compiled forms of the Principal elements that name no one in
// particular ("*", {"AWS": "*"}): they are most of the Principal elements
// of the generated and real resource policies, and a cprincipal of their
// own was a tenth of the bytes compiling allocated
// (BenchmarkCompileGenerated). A cprincipal is never written once compiled.
var (
	anyonePrincipal = &cprincipal{anyone: true}
	anyAWSPrincipal = &cprincipal{anyAWS: true}
)

func compilePrincipal(p *policy.Principal) *cprincipal {
	if len(p.Service) == 0 && len(p.Federated) == 0 && len(p.CanonicalUser) == 0 {
		switch {
		case p.Wildcard && len(p.AWS) == 0:
			return anyonePrincipal
		case !p.Wildcard && len(p.AWS) == 1 && strings.TrimSpace(p.AWS[0]) == "*":
			return anyAWSPrincipal
		}
	}
	cp := &cprincipal{anyone: p.Wildcard}
	for _, v := range p.AWS {
		v = strings.TrimSpace(v)
		switch {
		case v == "*":
			cp.anyAWS = true
		case arn.IsAccountID(v):
			cp.accounts = append(cp.accounts, v)
		default:
			parts, n := arn.Fields(v)
			if n == 6 && parts[2] == "iam" && parts[5] == "root" {
				cp.accounts = append(cp.accounts, parts[4])
				continue
			}
			if n == 6 && parts[2] == "iam" && strings.HasPrefix(parts[5], "role/") {
				_, name := splitPath(parts[5][len("role/"):])
				cp.roles = append(cp.roles, roleRef{account: parts[4], name: name})
			}
			cp.arns = append(cp.arns, v)
		}
	}
	for _, v := range p.Service {
		cp.services = append(cp.services, strings.ToLower(strings.TrimSpace(v)))
	}
	for _, v := range p.Federated {
		cp.fed = append(cp.fed, strings.TrimSpace(v))
	}
	cp.others = append(cp.others, p.Federated...)
	cp.others = append(cp.others, p.CanonicalUser...)
	return cp
}

// federated reports whether the element's Federated values name the
// identity provider p: a provider ARN exactly, a web identity provider's
// name in any case.
func (cp *cprincipal) federated(p *Principal) bool {
	for _, v := range cp.fed {
		if v == p.ARN || !strings.HasPrefix(v, "arn:") && strings.EqualFold(v, p.ARN) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func (cp *cprincipal) hasRole(p *Principal) bool {
	if p.Kind != PrincipalSession && p.Kind != PrincipalRole {
		return false
	}
	for _, r := range cp.roles {
		if r.account == p.Account && r.name == p.Name {
			return true
		}
	}
	return false
}

// match returns how specifically the Principal element names p.
func (cp *cprincipal) match(p *Principal) strength {
	switch p.Kind {
	case PrincipalAnonymous:
		// "*" and {"AWS": "*"} both include anonymous requests.
		if cp.anyone || cp.anyAWS {
			return matchWildcard
		}
		return matchNone
	case PrincipalService:
		for _, s := range cp.services {
			if strings.EqualFold(s, p.ARN) {
				return matchDirect
			}
		}
		if cp.anyone {
			return matchWildcard
		}
		return matchNone
	case PrincipalIdentityProvider:
		// "Principal": {"Federated": ...} names a web identity or SAML
		// provider; {"AWS": "*"} names AWS principals only.
		if cp.federated(p) {
			return matchDirect
		}
		if cp.anyone {
			return matchWildcard
		}
		return matchNone
	}
	if p.FederatingUser != "" && contains(cp.arns, p.FederatingUser) && !contains(cp.arns, p.ARN) {
		// A policy naming the IAM user applies to its federated session,
		// within the session policy (IAM User Guide, session policies).
		return matchRole
	}
	if contains(cp.arns, p.ARN) || contains(cp.others, p.ARN) {
		if p.Kind == PrincipalRole {
			return matchRole
		}
		return matchDirect
	}
	if cp.hasRole(p) {
		return matchRole
	}
	if cp.anyone || cp.anyAWS {
		return matchWildcard
	}
	if contains(cp.accounts, p.Account) {
		if p.Kind == PrincipalRoot {
			return matchDirect
		}
		return matchAccount
	}
	return matchNone
}

// notMatch reports whether a NotPrincipal element applies to p: AWS
// evaluates each identity a request carries (the account, the role behind
// a session, the user or session itself) and the statement applies unless
// every one of them is listed.
func (cp *cprincipal) notMatch(p *Principal) bool {
	if cp.anyone {
		return false
	}
	switch p.Kind {
	case PrincipalAnonymous:
		return !cp.anyAWS
	case PrincipalService:
		for _, s := range cp.services {
			if strings.EqualFold(s, p.ARN) {
				return false
			}
		}
		return true
	case PrincipalIdentityProvider:
		return !cp.federated(p)
	}
	if cp.anyAWS {
		return false
	}
	if !contains(cp.accounts, p.Account) {
		return true
	}
	switch p.Kind {
	case PrincipalRoot:
		return false
	case PrincipalSession:
		return !contains(cp.arns, p.ARN) || !cp.hasRole(p)
	case PrincipalRole:
		return !cp.hasRole(p)
	}
	return !contains(cp.arns, p.ARN)
}

// listsAny reports whether a NotPrincipal element lists any identity the
// request carries: the user, role session, federated user or service
// itself, the role behind a session, or the account.
func (cp *cprincipal) listsAny(p *Principal) bool {
	if cp.anyone {
		return true
	}
	switch p.Kind {
	case PrincipalAnonymous:
		return cp.anyAWS
	case PrincipalService:
		for _, s := range cp.services {
			if strings.EqualFold(s, p.ARN) {
				return true
			}
		}
		return false
	case PrincipalIdentityProvider:
		return cp.federated(p)
	}
	return cp.anyAWS || contains(cp.accounts, p.Account) || contains(cp.arns, p.ARN) || contains(cp.others, p.ARN) || cp.hasRole(p) ||
		p.FederatingUser != "" && contains(cp.arns, p.FederatingUser)
}
