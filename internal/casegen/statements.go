package casegen

import (
	"strings"
	"unicode"

	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

const version = "2012-10-17"

// actionElem fills Action or NotAction of st. relevant biases it towards
// matching the request's action.
func (g *Generator) actionElem(s *scn, st *policy.Statement, pMatch float64, allowNot bool) {
	a := s.spec
	var acts []string
	matching := g.chance(pMatch)
	if matching {
		switch g.weighted(30, 10, 20, 15, 10) {
		case 0:
			acts = []string{a.action}
			if g.xChance(0.06) {
				acts = []string{g.questionAction(a.action)}
			}
		case 1:
			g.tag("action-case")
			acts = []string{caseVary(g, a.action)}
		case 2:
			acts = []string{a.service() + ":*"}
		case 3:
			acts = []string{pick(g, a.prefixes)}
			g.tag("action-wildcard")
		case 4:
			acts = []string{"*"}
		}
		if g.chance(0.3) {
			acts = append(acts, pick(g, a.siblings))
		}
	} else {
		acts = []string{pick(g, a.siblings)}
		if g.chance(0.3) {
			acts = append(acts, pick(g, []string{"ec2:Describe*", "cloudwatch:PutMetricData", "logs:CreateLogGroup", "sns:Publish", "s3:ListAllMyBuckets"}))
		}
	}
	if allowNot && g.chance(0.12) {
		g.tag("notaction")
		// NotAction matches when the request's action is not listed, so
		// invert the intent: list other actions to match, or the action
		// itself (or a wildcard covering it) to miss.
		filler := "iam:*"
		if a.service() == "iam" {
			filler = "organizations:*"
		}
		if matching {
			st.NotAction = []string{pick(g, a.siblings), filler}
		} else {
			st.NotAction = []string{pick(g, []string{a.action, a.service() + ":*", pick(g, a.prefixes)}), filler}
		}
		return
	}
	st.Action = acts
}

// resourceElem fills Resource or NotResource of st.
func (g *Generator) resourceElem(s *scn, st *policy.Statement, pMatch float64, allowNot bool) {
	r := s.res
	matching := g.chance(pMatch)
	var pats []string
	if matching {
		if g.chance(0.35) || len(r.match) == 1 {
			pats = []string{"*"}
		} else {
			p := pick(g, r.match[1:])
			if strings.Contains(p, "${") {
				g.tag("var-resource")
				g.noteVars(s, p)
			} else if strings.ContainsAny(p, "*?") {
				g.tag("resource-wildcard")
			}
			if g.chance(0.4) {
				p = r.match[0]
			}
			pats = []string{p}
		}
		if len(r.nomatch) > 0 && g.chance(0.25) {
			pats = append(pats, pick(g, r.nomatch))
		}
	} else {
		if len(r.nomatch) == 0 {
			pats = []string{"arn:aws:s3:::unrelated-bucket/*"}
		} else {
			pats = []string{pick(g, r.nomatch)}
		}
		if g.xChance(0.08) {
			if p, ok := g.escapedPattern(r); ok {
				pats = []string{p}
			}
		}
	}
	if allowNot && r.arn != "*" && g.chance(0.1) {
		g.tag("notresource")
		if matching {
			if len(r.nomatch) > 0 {
				st.NotResource = []string{pick(g, r.nomatch)}
			} else {
				st.NotResource = []string{"arn:aws:s3:::unrelated-bucket/*"}
			}
		} else {
			st.NotResource = []string{r.match[0]}
		}
		return
	}
	st.Resource = pats
}

// identityPolicy builds an identity-style policy (identity, boundary,
// session or VPC endpoint policy).
func (g *Generator) identityPolicy(s *scn, layer string, n int) *policy.Policy {
	d := newPolicy()
	for i := 0; i < n; i++ {
		st := &policy.Statement{Effect: policy.Allow}
		pAllow, pAct, pRes, pCond := 0.86, 0.72, 0.75, 0.4
		switch layer {
		case "boundary", "session":
			pAllow, pAct, pRes, pCond = 0.92, 0.8, 0.85, 0.3
		case "vpce":
			pAllow, pAct, pRes, pCond = 0.85, 0.8, 0.85, 0.3
			st.Principal = anyone()
		}
		if !g.chance(pAllow) {
			st.Effect = policy.Deny
			pCond += 0.25
		}
		if g.chance(0.3) {
			st.Sid = []string{"AllowApp", "DenyUnlessTagged", "Stmt1", "Guardrail", "ReadOnly"}[g.r.IntN(5)] + string(rune('A'+i))
		}
		g.actionElem(s, st, pAct, layer != "vpce")
		g.resourceElem(s, st, pRes, layer != "vpce")
		g.conditions(s, st, pCond)
		d.Statements = append(d.Statements, st)
	}
	return d
}

// principalFor returns a Principal value; matching biases it towards
// naming the requester.
func (g *Generator) principalFor(s *scn, matching bool) (*policy.Principal, bool) {
	other := []*policy.Principal{
		awsPrincipal("arn:aws:iam::" + acctC + ":root"),
		awsPrincipal("arn:aws:iam::" + acctB + ":user/mallory"),
		awsPrincipal("arn:aws:iam::" + acctA + ":role/OtherRole"),
		servicePrincipal("config.amazonaws.com"),
		awsPrincipal(acctC),
	}
	if !matching {
		p := pick(g, other)
		if g.xChance(0.12) {
			p = g.otherPrincipal()
		}
		return p, false
	}
	var forms []*policy.Principal
	wild := []*policy.Principal{anyone(), awsPrincipal("*")}
	switch s.kind {
	case pAnon:
		forms = wild
	case pService:
		forms = []*policy.Principal{servicePrincipal(s.svc), servicePrincipal(s.svc, "config.amazonaws.com"), anyone()}
	case pRoot:
		forms = append(wild, awsPrincipal(s.pAcct), awsPrincipal(s.principal))
	case pUser:
		forms = append(wild, awsPrincipal(s.pAcct), awsPrincipal("arn:aws:iam::"+s.pAcct+":root"),
			awsPrincipal(s.userArn), awsPrincipal(s.userArn), awsPrincipal(s.userArn, "arn:aws:iam::"+acctC+":root"))
	case pSession:
		forms = append(wild, awsPrincipal(s.pAcct), awsPrincipal("arn:aws:iam::"+s.pAcct+":root"),
			awsPrincipal(s.roleArn), awsPrincipal(s.roleArn))
		if !s.hasSess {
			forms = append(forms, awsPrincipal(s.principal))
		}
	case pFederated:
		forms = append(wild, awsPrincipal(s.pAcct), awsPrincipal(s.userArn), awsPrincipal(s.principal))
	}
	f := pick(g, forms)
	if !f.Wildcard {
		if len(f.AWS) == 1 {
			switch v := f.AWS[0]; {
			case v == s.principal && s.kind == pSession:
				g.tag("rp-principal:session-arn")
			case v == s.principal && s.kind == pFederated:
				g.tag("rp-principal:federated-session-arn")
			case v == s.roleArn && s.roleArn != "":
				g.tag("rp-principal:role-arn")
			case v == s.userArn && s.kind == pFederated:
				g.tag("rp-principal:federated-iam-user")
			case v == s.pAcct || strings.HasSuffix(v, ":root") && v != s.principal:
				g.tag("rp-principal:account")
			case v == "*":
				g.tag("rp-principal:aws-star")
			}
		}
	} else {
		g.tag("rp-principal:star")
	}
	return f, true
}

// resourcePolicy builds the resource-based policy of the request's resource.
func (g *Generator) resourcePolicy(s *scn) *policy.Policy {
	d := newPolicy()
	trust := s.spec.action == "sts:AssumeRole"
	if s.spec.service() == "kms" && g.chance(0.7) {
		g.tag("kms-root-statement")
		d.Statements = append(d.Statements, &policy.Statement{Sid: "Enable IAM User Permissions", Effect: policy.Allow,
			Principal: awsPrincipal("arn:aws:iam::" + s.resAcct + ":root"), Action: []string{"kms:*"}, Resource: []string{"*"}})
	}
	if trust {
		g.tag("trust-policy")
	}
	n := 1 + g.weighted(45, 35, 20)
	for i := 0; i < n; i++ {
		st := &policy.Statement{Effect: policy.Allow}
		if g.chance(0.2) {
			st.Effect = policy.Deny
		}
		matching := g.chance(0.75)
		if st.Effect == policy.Deny && g.chance(0.15) && s.kind != pService {
			g.tag("notprincipal")
			st.NotPrincipal = g.notPrincipal(s)
		} else {
			p, _ := g.principalFor(s, matching)
			st.Principal = p
		}
		if trust {
			if g.chance(0.8) {
				st.Action = []string{"sts:AssumeRole"}
			} else {
				st.Action = []string{"sts:AssumeRole", "sts:TagSession"}
			}
			if g.chance(0.1) {
				st.Action = []string{"sts:AssumeRoleWithWebIdentity"}
			}
		} else {
			g.actionElem(s, st, 0.78, false)
			g.resourceElem(s, st, 0.85, false)
		}
		pCond := 0.4
		if st.Effect == policy.Deny {
			pCond = 0.75
		}
		if st.Principal != nil && st.Principal.Wildcard && st.Effect == policy.Allow {
			pCond = 0.6
		}
		g.conditions(s, st, pCond)
		d.Statements = append(d.Statements, st)
	}
	return d
}

// notPrincipal lists principals a Deny does not apply to: either unrelated
// ones, or the requester with its whole chain (account, role or user, and
// session), so that the meaning does not hinge on partial listings.
func (g *Generator) notPrincipal(s *scn) *policy.Principal {
	if s.kind == pAnon || s.kind == pRoot || g.chance(0.5) {
		// The management account is never the requester's, so whether an
		// account ARN in NotPrincipal exempts the whole account (iam-simulate)
		// or only that account's root identity does not matter here.
		return awsPrincipal("arn:aws:iam::"+acctA+":role/BreakGlass", "arn:aws:iam::"+acctMgmt+":root")
	}
	root := "arn:aws:iam::" + s.pAcct + ":root"
	switch s.kind {
	case pSession:
		return awsPrincipal(root, s.roleArn, s.principal)
	case pFederated:
		return awsPrincipal(root, s.userArn, s.principal)
	}
	return awsPrincipal(root, s.principal)
}

// scps builds 1-3 SCP levels: organisation root, OU and account.
func (g *Generator) scps(s *scn) []simulate.OrgLevel {
	ou := ouProd
	if s.pAcct == acctB {
		ou = ouDev
	}
	targets := []string{orgRoot, ou, s.pAcct}
	n := 1 + g.weighted(40, 35, 25)
	var out []simulate.OrgLevel
	for i := 0; i < n; i++ {
		lvl := simulate.OrgLevel{Target: targets[i]}
		if g.chance(0.85) {
			lvl.Policies = append(lvl.Policies, doc("FullAWSAccess", newPolicy(&policy.Statement{Effect: policy.Allow, Action: []string{"*"}, Resource: []string{"*"}})))
		} else {
			g.tag("scp-allow-list")
			st := &policy.Statement{Effect: policy.Allow}
			g.actionElem(s, st, 0.7, true)
			st.Resource = []string{"*"}
			d := newPolicy(st)
			if g.chance(0.5) {
				d.Statements = append(d.Statements, &policy.Statement{Effect: policy.Allow, Action: []string{"sts:*", "iam:*"}, Resource: []string{"*"}})
			}
			lvl.Policies = append(lvl.Policies, doc("AllowListedServices", d))
		}
		if g.chance(0.45) {
			d := newPolicy()
			for j := 0; j < 1+g.weighted(60, 30, 10); j++ {
				st := &policy.Statement{Effect: policy.Deny}
				g.actionElem(s, st, 0.45, true)
				g.resourceElem(s, st, 0.9, false)
				g.conditions(s, st, 0.8)
				d.Statements = append(d.Statements, st)
			}
			lvl.Policies = append(lvl.Policies, doc(pick(g, []string{"DenyGuardrails", "RegionLock", "ProtectSecurity"}), d))
		}
		out = append(out, lvl)
	}
	return out
}

// rcps builds 1-2 RCP levels. Each level holds RCPFullAWSAccess, which AWS
// attaches everywhere and does not let anyone detach, plus guardrails.
func (g *Generator) rcps(s *scn) []simulate.OrgLevel {
	targets := []string{orgRoot, s.resAcct}
	n := 1 + g.weighted(65, 35)
	var out []simulate.OrgLevel
	for i := 0; i < n; i++ {
		lvl := simulate.OrgLevel{Target: targets[i], Policies: []simulate.PolicyDoc{doc("RCPFullAWSAccess",
			newPolicy(&policy.Statement{Effect: policy.Allow, Principal: anyone(), Action: []string{"*"}, Resource: []string{"*"}}))}}
		if g.chance(0.75) {
			d := newPolicy()
			for j := 0; j < 1+g.weighted(60, 30, 10); j++ {
				st := &policy.Statement{Effect: policy.Deny, Principal: anyone()}
				svc := s.spec.service()
				if !contains(rcpServices, svc) || g.chance(0.3) {
					svc = pick(g, rcpServices)
				}
				switch g.r.IntN(3) {
				case 0:
					st.Action = []string{svc + ":*"}
				case 1:
					if svc == s.spec.service() {
						st.Action = []string{s.spec.action}
					} else {
						st.Action = []string{svc + ":*"}
					}
				default:
					st.Action = []string{svc + ":*", pick(g, rcpServices) + ":*"}
				}
				if g.chance(0.8) {
					st.Resource = []string{"*"}
				} else {
					g.resourceElem(s, st, 0.8, false)
				}
				g.rcpConditions(s, st)
				d.Statements = append(d.Statements, st)
			}
			lvl.Policies = append(lvl.Policies, doc(pick(g, []string{"EnforceSecureTransport", "DataPerimeter", "ConfusedDeputy"}), d))
		}
		out = append(out, lvl)
	}
	return out
}

// rcpConditions adds the data-perimeter conditions RCPs typically carry.
func (g *Generator) rcpConditions(s *scn, st *policy.Statement) {
	switch g.r.IntN(5) {
	case 0:
		setCondition(st, "BoolIfExists", "aws:SecureTransport", "false")
		g.tag("op:BoolIfExists")
	case 1:
		setCondition(st, "StringNotEqualsIfExists", "aws:PrincipalOrgID", orgID)
		setCondition(st, "BoolIfExists", "aws:PrincipalIsAWSService", "false")
		g.tag("op:StringNotEqualsIfExists")
		g.tag("op:BoolIfExists")
	case 2:
		setCondition(st, "StringNotEqualsIfExists", "aws:SourceOrgID", orgID)
		setCondition(st, "Null", "aws:SourceAccount", "false")
		setCondition(st, "Bool", "aws:PrincipalIsAWSService", "true")
		g.tag("op:StringNotEqualsIfExists")
		g.tag("op:Null")
		g.tag("op:Bool")
	default:
		g.conditions(s, st, 1)
	}
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// caseVary changes the case of some letters of an action name (service
// prefixes and action names are case-insensitive).
func caseVary(g *Generator, s string) string {
	b := []rune(s)
	for i, r := range b {
		if unicode.IsLetter(r) && g.chance(0.4) {
			if unicode.IsUpper(r) {
				b[i] = unicode.ToLower(r)
			} else {
				b[i] = unicode.ToUpper(r)
			}
		}
	}
	return string(b)
}
