package authz

import "strings"

// Message returns the plain-text message AWS returns when it refuses the
// request, in the grammar of the IAM User Guide ("User: ... is not
// authorized to perform: ... because no ... allows the ... action"), or ""
// when the request is allowed (or r is nil). The ARN of the denying policy is appended
// to an explicit deny, as AWS does for same-account and same-organization
// requests, when the policy was named by its ARN.
func (res *Result) Message(r *Request) string {
	if res.Decision == Allowed || r == nil {
		return ""
	}
	if r.refused.note != "" && res.Decision == ImplicitDeny && res.Layers[LayerIdentity].Note == r.refused.note {
		// AWS's own answer where it is documented; none is invented.
		return r.refused.msg
	}
	if r.Principal.Kind == PrincipalIdentityProvider {
		// STS answers a web identity or SAML federation it refuses
		// with "Not authorized to perform sts:AssumeRoleWithSAML" (IAM
		// User Guide, Troubleshooting SAML 2.0 federation) and
		// "... sts:AssumeRoleWithWebIdentity"; no other is known.
		switch r.action {
		case "sts:assumerolewithsaml":
			return "Not authorized to perform sts:AssumeRoleWithSAML"
		case "sts:assumerolewithwebidentity":
			return "Not authorized to perform sts:AssumeRoleWithWebIdentity"
		}
		return ""
	}
	var b strings.Builder
	// Room for the longest form at once: grown by doubling, the message
	// was four allocations a denied case of `denied simulate`.
	n := len("User: anonymous is not authorized to perform:  on resource:  because no resource control policy allows the  action: ") + len(r.Principal.ARN) + 2*len(r.Action) + len(r.Resource)
	if len(res.Deciding) > 0 {
		n += len(res.Deciding[0].Policy)
	}
	b.Grow(n)
	b.WriteString("User: ")
	if r.Principal.Kind == PrincipalAnonymous {
		b.WriteString("anonymous")
	} else {
		b.WriteString(r.Principal.ARN)
	}
	b.WriteString(" is not authorized to perform: ")
	b.WriteString(r.Action)
	if r.Resource != "*" && r.Resource != "" {
		b.WriteString(" on resource: ")
		b.WriteString(r.Resource)
	}
	l := res.Layer
	switch {
	case res.Decision == ExplicitDeny || l == LayerSCP:
		b.WriteString(" with an explicit deny in ")
		b.WriteString(article(l))
		b.WriteString(l.PolicyType())
		if res.Decision == ExplicitDeny && len(res.Deciding) > 0 && !r.CrossAccount() {
			name := res.Deciding[0].Policy
			if strings.HasPrefix(name, "arn:") && l != LayerResource && l != LayerVPCEndpoint {
				b.WriteString(": ")
				b.WriteString(name)
			}
		}
	default:
		b.WriteString(" because no ")
		b.WriteString(l.PolicyType())
		b.WriteString(" allows the ")
		b.WriteString(r.Action)
		b.WriteString(" action")
	}
	return b.String()
}

func article(l Layer) string {
	if l == LayerIdentity {
		return "an "
	}
	return "a "
}
