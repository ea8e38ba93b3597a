package casegen

import (
	"strings"

	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

// The classes below are cases that AWS answers by a rule of its own rather
// than by the ordinary evaluation (issue 7): action strings IAM stores but
// that match nothing, NotPrincipal with Allow, resource-based statements
// without Principal, requests AWS refuses whatever the policies say, dates
// at both ends of the range AWS accepts, and service keys an action never
// carries. Each case is tagged "class:<name>" so the differential summary
// reports the agreement per class.

// Class tags, one per class the generator produces on purpose.
const (
	ClassMalformedAction   = "class:malformed-action"
	ClassNotPrincipalAllow = "class:notprincipal-allow"
	ClassNotPrincipalDeny  = "class:notprincipal-deny"
	ClassMissingPrincipal  = "class:missing-principal"
	ClassAWSManagedPolicy  = "class:aws-managed-policy"
	ClassProtectedRole     = "class:protected-role"
	ClassAWSAlias          = "class:aws-kms-alias"
	ClassRootAssumeRole    = "class:root-assume-role"
	ClassRootCaller        = "class:root-caller"
	ClassDateExtreme       = "class:date-extreme"
	ClassIgnoredContextKey = "class:ignored-context-key"
)

// Classes lists every class tag.
var Classes = []string{ClassMalformedAction, ClassNotPrincipalAllow, ClassNotPrincipalDeny, ClassMissingPrincipal,
	ClassAWSManagedPolicy, ClassProtectedRole, ClassAWSAlias, ClassRootAssumeRole, ClassRootCaller, ClassDateExtreme, ClassIgnoredContextKey,
	ClassAnonymousCallerIdentity}

// malformedAction returns an action value IAM stores that matches no
// action, built from the request's action a.
func (g *Generator) malformedAction(a *actionSpec) string {
	svc, name, _ := strings.Cut(a.action, ":")
	sib := pick(g, a.siblings)
	_, sibName, _ := strings.Cut(sib, ":")
	switch g.r.IntN(6) {
	case 0:
		g.tag("malformed-action:comma")
		return svc + ":" + name + "," + sibName
	case 1:
		g.tag("malformed-action:comma-wildcards")
		return svc + ":" + name[:min(3, len(name))] + "*," + sibName[:min(3, len(sibName))] + "*"
	case 2:
		g.tag("malformed-action:trailing-comma")
		return a.action + ","
	case 3:
		g.tag("malformed-action:empty-name")
		return svc + ":" + pick(g, []string{"", " "})
	case 4:
		g.tag("malformed-action:trailing-space")
		return a.action + " "
	}
	g.tag("malformed-action:leading-space")
	return " " + a.action
}

// addClass turns some ordinary cases into cases of a class, by editing the
// policies already generated for them.
func (g *Generator) addClass(s *scn, c *simulate.Case) {
	if s.kind == pRoot {
		g.tag(ClassRootCaller)
	}
	if g.feats["notprincipal"] {
		g.tag(ClassNotPrincipalDeny)
	}
	switch g.weighted(84, 7, 5, 4) {
	case 1:
		// An identity policy or SCP statement whose Action or NotAction
		// holds a value that matches nothing.
		var docs []*simulate.PolicyDoc
		for i := range c.IdentityPolicies {
			docs = append(docs, &c.IdentityPolicies[i])
		}
		for i := range c.ServiceControlPolicies {
			for j := range c.ServiceControlPolicies[i].Policies {
				docs = append(docs, &c.ServiceControlPolicies[i].Policies[j])
			}
		}
		if len(docs) == 0 {
			return
		}
		editDoc(pick(g, docs), func(d *policy.Policy) {
			if len(d.Statements) == 0 {
				return
			}
			st := pick(g, d.Statements)
			bad := []string{g.malformedAction(s.spec)}
			g.tag(ClassMalformedAction)
			switch {
			case st.NotAction != nil:
				st.NotAction = bad
			case g.chance(0.5):
				st.Action = bad
			default:
				st.Action = nil
				st.NotAction = bad
				g.tag("notaction")
			}
		})
	case 2:
		// An Allow with NotPrincipal in the resource policy.
		if c.ResourcePolicy == nil || s.kind == pService || s.kind == pAnon || strings.HasPrefix(s.spec.action, "sts:") {
			return
		}
		g.tag(ClassNotPrincipalAllow)
		st := &policy.Statement{Effect: policy.Allow, Action: []string{s.spec.action}, Resource: []string{"*"}}
		if g.chance(0.5) {
			g.tag("notprincipal-allow:lists-caller")
			st.NotPrincipal = awsPrincipal(g.callerIdentity(s))
		} else {
			st.NotPrincipal = awsPrincipal("arn:aws:iam::" + acctA + ":role/BreakGlass")
		}
		editDoc(c.ResourcePolicy, func(d *policy.Policy) { d.Statements = append(d.Statements, st) })
	case 3:
		// A resource-based statement without Principal.
		if c.ResourcePolicy == nil {
			return
		}
		editDoc(c.ResourcePolicy, func(d *policy.Policy) {
			if len(d.Statements) == 0 {
				return
			}
			g.tag(ClassMissingPrincipal)
			st := pick(g, d.Statements)
			st.Principal, st.NotPrincipal = nil, nil
		})
	}
}

// callerIdentity returns one of the identities the caller carries: its
// account, its user or role, or its session.
func (g *Generator) callerIdentity(s *scn) string {
	ids := []string{"arn:aws:iam::" + s.pAcct + ":root", s.principal}
	if s.roleArn != "" {
		ids = append(ids, s.roleArn)
	}
	if s.kind == pRoot {
		ids = ids[:1]
	}
	return pick(g, ids)
}

// special builds, now and then, a case of a class the ordinary generator
// does not reach: requests AWS refuses whatever the policies say, dates
// at the ends of the range, and service keys the action never carries.
func (g *Generator) special(id string) *simulate.Case {
	allowAll := func(action string) []simulate.PolicyDoc {
		acts := []string{action}
		if g.chance(0.5) {
			acts = []string{"*"}
		}
		return []simulate.PolicyDoc{doc("inline-0", newPolicy(&policy.Statement{Effect: policy.Allow, Action: acts, Resource: []string{"*"}}))}
	}
	user := "arn:aws:iam::" + acctA + ":user/" + pick(g, userNames)
	ctx := map[string]any{"aws:ResourceAccount": acctA, "aws:PrincipalAccount": acctA, "aws:PrincipalArn": user, "aws:PrincipalType": "User"}
	ti := g.r.IntN(len(times))
	ctx["aws:CurrentTime"], ctx["aws:EpochTime"] = times[ti], epochs[ti]
	c := &simulate.Case{ID: id, Request: simulate.CaseRequest{Principal: user, ResourceAccount: acctA}}
	g.ctx = ctx
	defer func() { g.tag("action:" + c.Request.Action) }()
	switch g.r.IntN(6) {
	case 0:
		g.tag(ClassAWSManagedPolicy)
		g.tag("principal:user")
		c.Request.Action = pick(g, []string{"iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"})
		c.Request.Resource = "arn:aws:iam::aws:policy/" + pick(g, []string{"AdministratorAccess", "ReadOnlyAccess", "service-role/AWSBackupServiceRolePolicyForBackup"})
		c.IdentityPolicies = allowAll(c.Request.Action)
	case 1:
		g.tag(ClassProtectedRole)
		g.tag("principal:user")
		c.Request.Action = pick(g, []string{"iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:DeleteRole", "iam:DetachRolePolicy", "iam:DeleteRolePolicy"})
		c.Request.Resource = pick(g, []string{
			"arn:aws:iam::" + acctA + ":role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup",
			"arn:aws:iam::" + acctA + ":role/aws-service-role/organizations.amazonaws.com/AWSServiceRoleForOrganizations",
			"arn:aws:iam::" + acctA + ":role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef",
		})
		c.IdentityPolicies = allowAll(c.Request.Action)
	case 2:
		g.tag(ClassAWSAlias)
		g.tag("principal:user")
		c.Request.Action = pick(g, []string{"kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"})
		c.Request.Resource = "arn:aws:kms:us-east-1:" + acctA + ":alias/aws/" + pick(g, []string{"s3", "ebs", "backup"})
		c.IdentityPolicies = allowAll(c.Request.Action)
	case 3:
		g.tag(ClassRootAssumeRole)
		g.tag("principal:root")
		root := "arn:aws:iam::" + acctA + ":root"
		c.Request.Principal = root
		ctx["aws:PrincipalArn"], ctx["aws:PrincipalType"] = root, "Account"
		c.Request.Action = "sts:AssumeRole"
		c.Request.Resource = "arn:aws:iam::" + acctA + ":role/" + pick(g, roleNames)
		rp := doc("trust-policy", newPolicy(&policy.Statement{Effect: policy.Allow, Principal: awsPrincipal(pick(g, []string{acctA, root})), Action: []string{"sts:AssumeRole"}}))
		c.ResourcePolicy = &rp
	case 4:
		g.tag(ClassDateExtreme)
		g.tag("principal:user")
		c.Request.Action = "s3:GetObject"
		c.Request.Resource = "arn:aws:s3:::app-data/report.csv"
		op, key, val := pick(g, []string{"DateLessThan", "DateGreaterThan"}), pick(g, []string{"aws:CurrentTime", "aws:EpochTime"}), ""
		if op == "DateLessThan" {
			val = pick(g, []string{"9999-12-31T23:59:59Z", "253402300799", "1000-01-01T00:00:00Z"})
		} else {
			val = pick(g, []string{"1000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
		}
		if val == "253402300799" {
			g.tag("date-policy-epoch-seconds")
		}
		cond := []policy.Condition{{Operator: op, Key: key, Values: []string{val}}}
		sts := []*policy.Statement{{Effect: policy.Allow, Action: []string{"s3:GetObject"}, Resource: []string{"*"}, Conditions: cond}}
		if g.chance(0.5) {
			sts = []*policy.Statement{{Effect: policy.Allow, Action: []string{"s3:*"}, Resource: []string{"*"}}, {Effect: policy.Deny, Action: []string{"s3:GetObject"}, Resource: []string{"*"}, Conditions: cond}}
		}
		g.tag("op:" + op)
		c.IdentityPolicies = []simulate.PolicyDoc{doc("inline-0", newPolicy(sts...))}
	case 5:
		g.tag(ClassIgnoredContextKey)
		g.tag("principal:user")
		c.Request.Action = pick(g, []string{"kms:GenerateDataKey", "kms:Decrypt", "kms:Encrypt"})
		c.Request.Resource = "arn:aws:kms:us-east-1:" + acctA + ":key/1234abcd-12ab-34cd-56ef-1234567890ab"
		ctx["kms:GrantIsForAWSResource"] = pick(g, []string{"true", "false"})
		op := pick(g, []string{"Bool", "BoolIfExists", "Null"})
		val := "true"
		if op == "Null" {
			val = "false"
		}
		g.tag("op:" + op)
		eff := pick(g, []policy.Effect{policy.Allow, policy.Deny})
		sts := []*policy.Statement{{Effect: eff, Action: []string{"kms:*"}, Resource: []string{"*"},
			Conditions: []policy.Condition{{Operator: op, Key: "kms:GrantIsForAWSResource", Values: []string{val}}}}}
		if eff == policy.Deny {
			sts = append(sts, &policy.Statement{Effect: policy.Allow, Action: []string{"kms:*"}, Resource: []string{"*"}})
		}
		c.IdentityPolicies = []simulate.PolicyDoc{doc("inline-0", newPolicy(sts...))}
		rp := doc("key-policy", newPolicy(&policy.Statement{Effect: policy.Allow, Principal: awsPrincipal("arn:aws:iam::" + acctA + ":root"), Action: []string{"kms:*"}, Resource: []string{"*"}}))
		c.ResourcePolicy = &rp
	}
	return c
}
