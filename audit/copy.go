package audit

import (
	"sort"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/preflight"
)

// KindCopyRule is a copy action of a backup plan's rule: the copy AWS
// Backup starts, with the plan's selection role, from the rule's vault to
// a destination vault (of this account, another Region or another
// account of the organization).
const KindCopyRule = "copyRule"

// RuleCopyCondition names a condition of a copy that would fail it
// although every IAM request is allowed (the organization's cross-account
// backup setting off, an account outside the organization, an AWS managed
// key that cannot be shared, ...). Its Title is the condition's text.
const RuleCopyCondition = "backup.copy-condition"

// copyRules are the items of the copy actions of plan p (index i): one per
// rule and destination, checked for each resource type the rule's vault
// holds recovery points of (or once, without a type, when it holds none).
func (a *auditor) copyRules(p account.BackupPlan, i int) []Item {
	if len(p.Selections) == 0 {
		// No selection: the plan backs nothing up, so copies nothing.
		return nil
	}
	role := p.Selections[0].IAMRoleARN
	region := a.planRegion(&p)
	var items []Item
	for j, r := range p.Rules {
		for k, dest := range r.CopyTo {
			it := Item{Kind: KindCopyRule, ARN: p.Name + "/" + r.Name + " -> " + dest, Plan: p.Name, Vault: r.TargetVault,
				Role: role, RoleSource: RoleFromSelection,
				Pointer: "/backupPlans/" + strconv.Itoa(i) + "/rules/" + strconv.Itoa(j) + "/copyTo/" + strconv.Itoa(k)}
			a.copyRule(&it, r, role, dest, region)
			items = append(items, it)
		}
	}
	return items
}

// copyRule checks the copies of rule r of a plan in region, from its
// target vault there.
func (a *auditor) copyRule(it *Item, r account.BackupRule, role, dest, region string) {
	types := map[string]string{} // resource type → the key of one recovery point of it
	for i := range a.snap.RecoveryPoints {
		if rp := &a.snap.RecoveryPoints[i]; rp.VaultName == r.TargetVault && a.rpRegion(rp) == region {
			if _, ok := types[rp.ResourceType]; !ok {
				types[rp.ResourceType] = rp.EncryptionKeyARN
			}
		}
	}
	names := make([]string, 0, len(types))
	for t := range types {
		names = append(names, t)
	}
	sort.Strings(names)
	if len(names) == 0 {
		names = []string{""}
	}
	seenF, seenG, seenV := map[string]bool{}, map[string]bool{}, map[preflight.Condition]bool{}
	for _, t := range names {
		p := preflight.Params{RoleARN: role, Region: region, VaultName: r.TargetVault, DestinationVaultARN: dest, ResourceType: t,
			KeyARN: types[t], Now: a.opt.Now, Cache: a.policies, Plans: a.plans, Outcomes: a.outcomes, Org: a.opt.Org}
		c, rep := a.checkOp("copy", p, true)
		if rep != nil {
			it.Operation = rep.Operation
			c.findings = append(c.findings, conditionFindings(*rep, dest)...)
			it.ToVerify = addVerify(it.ToVerify, seenV, rep.ToVerify)
		}
		for _, f := range c.findings {
			if k := f.RuleID + "\x00" + f.Action + "\x00" + f.Resource + "\x00" + f.PrincipalARN + "\x00" + f.Title.ID; !seenF[k] {
				seenF[k] = true
				it.Findings = append(it.Findings, f)
			}
		}
		for _, g := range c.gaps {
			if g.RuleID == RuleNotEvaluated && len(g.Args) > 0 && g.Args[0] == (preflight.Cause{Kind: preflight.CauseMissingParameter, Subject: "ResourceType", Flag: "--resource-type"}).String() {
				// The vault holds no recovery point: the types it will
				// copy are not known, and the type-specific requests are
				// not checked. Reported once.
				g = gap(RuleNotEvaluated, "audit.gap.copy-no-type", r.TargetVault)
			}
			if k := g.RuleID + "\x00" + g.MsgID + "\x00" + strings.Join(g.Args, "\x00"); !seenG[k] {
				seenG[k] = true
				it.Unchecked = append(it.Unchecked, g)
			}
		}
	}
	if len(names) == 1 {
		it.ResourceType = names[0]
	}
}

// conditionFindings are the conditions of a copy check that fail on their
// own (not through a denied request, which is a finding already).
func conditionFindings(rep preflight.Report, dest string) []Finding {
	var out []Finding
	for _, c := range rep.Conditions {
		if c.Outcome != preflight.StatusDenied || c.FromRequests || isKeyState(c.Decide) {
			// A key's state is a finding of its own (keyStateFindings).
			continue
		}
		out = append(out, Finding{RuleID: RuleCopyCondition, Severity: Severity(RuleCopyCondition), Principal: c.Kind,
			Resource: dest, Verdict: "conditionFails", Detail: &diagnose.Msg{ID: c.Detail.ID, Args: c.Detail.Args},
			Title: diagnoseMsg(backupops.ConditionID(c.Kind, c.Text))})
	}
	return out
}

func diagnoseMsg(id string) diagnose.Msg { return diagnose.Msg{ID: id} }

// RuleKeyState names a KMS key the operation uses that is not enabled
// (Disabled, PendingDeletion, PendingImport, Unavailable, ...): AWS KMS
// refuses every cryptographic operation with it (DisabledException,
// KMSInvalidStateException), so the restore, copy or backup fails
// whatever the policies allow. Its Detail names the key and its state,
// its Remedy the AWS CLI command that enables it.
const RuleKeyState = "kms.key-state"

// isKeyState reports whether d decides a KMS key's state.
func isKeyState(d backupops.Decision) bool {
	switch d {
	case backupops.DecideKeyState, backupops.DecideDestinationKeyState, backupops.DecideVaultKeyState:
		return true
	}
	return false
}

// keyStateFindings are the key-state conditions of a check that fail.
func keyStateFindings(rep preflight.Report) []Finding {
	var out []Finding
	for _, c := range rep.Conditions {
		if c.Outcome != preflight.StatusDenied || !isKeyState(c.Decide) || len(c.Detail.Args) == 0 {
			continue
		}
		f := Finding{RuleID: RuleKeyState, Severity: Severity(RuleKeyState), Principal: c.Kind, Resource: c.Detail.Args[0],
			Verdict: "conditionFails", Detail: &diagnose.Msg{ID: c.Detail.ID, Args: c.Detail.Args},
			Title: diagnoseMsg(backupops.ConditionID(c.Kind, c.Text))}
		if c.Fix != nil {
			f.Remedy = &diagnose.Msg{ID: c.Fix.ID, Args: c.Fix.Args}
		}
		out = append(out, f)
	}
	return out
}
