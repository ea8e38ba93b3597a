// Package audit checks a whole account snapshot for restores that would
// fail: every recovery point is checked for a restore (package preflight)
// with the restore role chosen for it, and every backup selection for a
// role that AWS Backup may assume (and, when its plan's vault holds
// recovery points, for a restore with that role).
//
// Every item ends in one of three results: it passes (every request was
// evaluated and allowed), it fails (some request would be denied), or it
// could not be checked (a role, vault, key or instance profile the snapshot
// does not hold, a resource type no operation covers, a part of the
// account the snapshot could not read). "Could not be checked" is never
// reported as success.
//
// Each item also carries the facts its checks depend on that no snapshot
// holds (Item.ToVerify: a restore's destination bucket policy, say), as
// `denied check` lists them under "To verify": they change no result.
//
// Recovery points that share an operation, role, instance role, vault and
// key share one evaluation: results are cached on that combination.
//
// It builds on preflight (one check per operation), diagnose (rule IDs) and fix; it must not
// import the AWS SDK, internal/collect or internal/cli (internal/archtest checks the SDK), nor
// the case format (simulate: archtest), nor render: the writers of its reports live in
// internal/report.
package audit

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/preflight"
)

// SchemaVersion is the version of the JSON report.
const SchemaVersion = "3"

// DefaultServiceRole is the role AWS Backup creates for its console.
const DefaultServiceRole = "AWSBackupDefaultServiceRole"

// Kinds of items.
const (
	KindRecoveryPoint = "recoveryPoint"
	KindSelection     = "selection"
	// KindSnapshot is a part of the account the snapshot could not read
	// (recovery points or selections that may exist but are not in it).
	KindSnapshot = "snapshot"
)

// Results of an item.
const (
	// Pass: every request was evaluated and allowed.
	Pass = "pass"
	// Fail: some request would be denied.
	Fail = "fail"
	// Unchecked: something the result depends on is not in the snapshot.
	Unchecked = "could-not-check"
	// Ignored: every cause is ignored by the ignore file.
	Ignored = "ignored"
	// Filtered: every cause is below the --severity filter.
	Filtered = "filtered"
)

// Severities, highest first.
const (
	Critical = "critical"
	High     = "high"
	Medium   = "medium"
	Low      = "low"
)

// Severities lists the severities, highest first.
var Severities = []string{Critical, High, Medium, Low}

// Where the restore role of a recovery point came from.
const (
	RoleFromFlag          = "flag"
	RoleFromRecoveryPoint = "recoveryPoint"
	RoleFromSelection     = "selection"
	RoleFromDefault       = "defaultServiceRole"
	RoleNone              = "none"
)

// Rule IDs of the causes that leave an item unchecked. Denials use the
// rule IDs of package diagnose (what `denied explain` says for the message
// AWS would return).
const (
	RuleUnknownRole            = "unchecked.unknown-role"
	RuleNoRole                 = "unchecked.no-role"
	RuleUnknownVault           = "unchecked.unknown-vault"
	RuleUnknownKey             = "unchecked.unknown-key"
	RuleUnknownKeyPolicy       = "unchecked.unknown-key-policy"
	RuleUnknownInstanceProfile = "unchecked.unknown-instance-profile"
	RuleUnknownPrincipal       = "unchecked.unknown-principal"
	RuleUnmappedResourceType   = "unchecked.unmapped-resource-type"
	RuleNotEvaluated           = "unchecked.not-evaluated"
	RuleServiceLinked          = "unchecked.service-linked-role"
	RuleUnreadableSCP          = "unchecked.unreadable-scps"
	RuleUnreadableIAM          = "unchecked.unreadable-iam"
	RuleUnreadableVaults       = "unchecked.unreadable-vaults"
	RuleUnreadableKMS          = "unchecked.unreadable-kms"
	RuleUnreadableMetadata     = "unchecked.unreadable-restore-metadata"
	RuleUnreadableRPs          = "unchecked.unreadable-recovery-points"
	RuleUnreadableSelections   = "unchecked.unreadable-selections"
	RuleUnreadableOther        = "unchecked.unreadable"
	// RuleOutsideSnapshot: a fact of another account (the destination of
	// a copy, the organization's settings) and a one-account snapshot; a
	// fact the snapshot does not record (a short form's organization's
	// accounts, an AWS Backup setting an organization snapshot lacks).
	RuleOutsideSnapshot = "unchecked.outside-snapshot"
	// RuleAccountNotCollected: the organization snapshot does not hold the
	// other account (not listed, or its collection failed).
	RuleAccountNotCollected = "unchecked.account-not-collected"
	// RuleResourcePolicy: a resource-based policy no snapshot holds (an
	// S3 bucket's, ...) may deny a request the principal's policies
	// allow, or allow one they do not (preflight.CauseResourcePolicyMay*).
	RuleResourcePolicy = "unchecked.resource-policy"
)

// Severity is the severity of a rule: a selection whose role AWS Backup
// cannot assume (no backups at all) is critical, a restore that would be
// denied high, a result that could not be checked medium.
func Severity(rule string) string {
	switch {
	case strings.HasPrefix(rule, "iam.trust-"), rule == "sts.assume-role":
		// AWS Backup (a service principal) refused sts:AssumeRole by the
		// role's trust policy: diagnose names it sts.assume-role.
		return Critical
	case strings.HasPrefix(rule, "unchecked."):
		return Medium
	}
	return High
}

// Options are the inputs of an audit.
type Options struct {
	// Caller is the identity that starts restores; empty: its requests
	// are not checked.
	Caller string
	// Role, when set, is the restore role of every recovery point.
	Role string
	// Severities, when not empty, are the severities reported: causes of
	// other severities are filtered out.
	Severities []string
	// Ignore are the ignore-file entries.
	Ignore []IgnoreEntry
	// ListPassed keeps every item that passed in Report.Passed (JUnit
	// lists every test case); without it Report.Passed keeps those with
	// facts to verify only.
	ListPassed bool
	// Now fixes the clock of the evaluations and of ignore-entry expiry
	// (tests); nil means time.Now.
	Now func() time.Time
	// Org, when set, gives the other accounts of the organization: the
	// copy rules of backup plans are checked against their destination
	// account (see preflight.Params.Org).
	Org preflight.OrgView
}

// Report is the outcome of an audit.
type Report struct {
	SchemaVersion  string `json:"schemaVersion"`
	Account        string `json:"account"`
	Region         string `json:"region,omitempty"`
	Caller         string `json:"caller,omitempty"`
	RecoveryPoints int    `json:"recoveryPoints"`
	Selections     int    `json:"selections"`
	// CopyRules counts the copy actions of the plans' rules checked.
	CopyRules int     `json:"copyRules,omitempty"`
	Summary   Summary `json:"summary"`
	// Failing is the number of items that would fail (Summary.Failed).
	Failing int `json:"failing"`
	// Evaluations is the number of distinct preflight checks run.
	Evaluations int `json:"evaluations"`
	// OK is true when every item passed (or was ignored or filtered).
	OK bool `json:"ok"`
	// NothingToAudit is true when the snapshot holds no item at all: no
	// recovery point, backup selection or copy rule, and no unreadable
	// AWS Backup call (which would be an unchecked item). OK is then true
	// but nothing was proven: the reports say there was nothing to audit,
	// never that every restore would succeed.
	NothingToAudit bool `json:"nothingToAudit,omitempty"`
	// Causes count the failing and unchecked items, each under exactly one
	// cause (its first): the counts of Fail causes add up to
	// Summary.Failed, those of Unchecked causes to Summary.Unchecked.
	Causes []Cause `json:"causes"`
	// Items are the items that did not pass (recovery points, selections,
	// then unreadable parts of the snapshot).
	Items []Item `json:"items"`
	// Passed are the items that passed: every one with
	// Options.ListPassed, else those with facts to verify (Item.ToVerify),
	// each with its kind, ARN, pointer, operation and facts to verify.
	Passed []Item `json:"passed,omitempty"`
	// ExpiredIgnores are ignore-file entries past their expiry date: they
	// no longer ignore anything.
	ExpiredIgnores []IgnoreEntry `json:"expiredIgnores,omitempty"`
}

// Summary counts the items by result: Items = Passed + Failed + Unchecked
// + Ignored + Filtered.
type Summary struct {
	Items     int `json:"items"`
	Passed    int `json:"passed"`
	Failed    int `json:"failed"`
	Unchecked int `json:"couldNotCheck"`
	Ignored   int `json:"ignored"`
	Filtered  int `json:"filtered"`
	// ToVerify counts the items, whatever their result, with facts to
	// verify (Item.ToVerify): not a result, it is not in Items' sum.
	ToVerify int `json:"toVerify"`
}

// Cause is one rule/action/layer and how many items it is the first cause
// of.
type Cause struct {
	RuleID   string `json:"ruleId"`
	Result   string `json:"result"` // Fail or Unchecked
	Severity string `json:"severity"`
	Action   string `json:"action,omitempty"`
	Layer    string `json:"layer,omitempty"`
	Count    int    `json:"count"`
}

// Item is one recovery point, selection or unreadable part of the
// snapshot.
type Item struct {
	Kind string `json:"kind"`
	// ARN is the recovery point's ARN, the selection's "plan/selection",
	// or the unreadable call ("backup:ListRecoveryPointsByBackupVault").
	ARN string `json:"arn"`
	// Pointer is the JSON pointer of the item in a full-form snapshot
	// ("/recoveryPoints/3", "/backupPlans/0/selections/1", "/unreadable/2").
	Pointer      string `json:"pointer,omitempty"`
	Plan         string `json:"plan,omitempty"`
	ResourceType string `json:"resourceType,omitempty"`
	Vault        string `json:"vault,omitempty"`
	Operation    string `json:"operation,omitempty"`
	Role         string `json:"role,omitempty"`
	RoleSource   string `json:"roleSource,omitempty"`
	InstanceRole string `json:"instanceRole,omitempty"`
	// Result is Pass, Fail, Unchecked, Ignored or Filtered.
	Result string `json:"result"`
	// Severity is the highest severity of the causes that decided Result.
	Severity string    `json:"severity,omitempty"`
	OK       bool      `json:"ok"`
	Findings []Finding `json:"findings,omitempty"`
	// Unchecked are the causes that leave the item unchecked.
	Unchecked []Gap `json:"couldNotCheck,omitempty"`
	// ToVerify are the conditions of the item's checks that no snapshot
	// holds (a restore's destination bucket policy, say), as
	// `denied check` lists them under "To verify" (preflight
	// Report.ToVerify): not verified, neither a failure nor a cause of
	// could-not-check. May be shared with other items of the same
	// check: not to be modified.
	ToVerify []preflight.Condition `json:"toVerify,omitempty"`
}

// Finding is one requirement that would fail.
type Finding struct {
	RuleID       string              `json:"ruleId"`
	Severity     string              `json:"severity"`
	Principal    string              `json:"principal"`
	PrincipalARN string              `json:"principalArn,omitempty"`
	Action       string              `json:"action"`
	Resource     string              `json:"resource"`
	Verdict      string              `json:"verdict"`
	Layer        string              `json:"layer,omitempty"`
	Message      string              `json:"message,omitempty"`
	Deciding     []eval.StatementRef `json:"deciding,omitempty"`
	// Title is the diagnose rule's title (an i18n message).
	Title diagnose.Msg `json:"title"`
	// Fix is the first fix of the plan, when one was found.
	Fix *fix.Fix `json:"fix,omitempty"`
	// FixWithheld says why a denial that stands has no fix: an
	// unreadable call may have left out policies it would be verified
	// against (preflight.Result.FixWithheld).
	FixWithheld *preflight.Withheld `json:"fixWithheld,omitempty"`
	// Detail says what decided a failed condition (RuleCopyCondition,
	// RuleKeyState): a message id of package preflight and its arguments.
	Detail *diagnose.Msg `json:"detail,omitempty"`
	// Remedy says how to make a failed condition hold, when the snapshot
	// tells (RuleKeyState: the command that enables the key).
	Remedy *diagnose.Msg `json:"remedy,omitempty"`
	// Ignored is the reason of the ignore-file entry that ignores it.
	Ignored string `json:"ignored,omitempty"`
	// Filtered is true when its severity is below the --severity filter.
	Filtered bool `json:"filtered,omitempty"`
}

// Gap is one cause that leaves an item unchecked: RuleID, and the i18n
// message MsgID with Args that says it. Text is that message in the
// report's language, filled by the renderer.
type Gap struct {
	RuleID   string   `json:"ruleId"`
	Severity string   `json:"severity"`
	MsgID    string   `json:"messageId"`
	Args     []string `json:"args,omitempty"`
	Text     string   `json:"message,omitempty"`
	Ignored  string   `json:"ignored,omitempty"`
	Filtered bool     `json:"filtered,omitempty"`
}

func gap(rule, id string, args ...string) Gap {
	return Gap{RuleID: rule, Severity: Severity(rule), MsgID: id, Args: args}
}

type cacheKey struct {
	resourceType, opID, role, instanceRole, region, vault, key, caller, rp string
}

// vaultKey names a backup vault: vault names are unique per account and
// Region only ("Default" is in every Region).
type vaultKey struct{ region, name string }

type cached struct {
	op       string
	findings []Finding
	gaps     []Gap
	toVerify []preflight.Condition
}

type auditor struct {
	snap    *account.Snapshot
	opt     Options
	cache   map[cacheKey]*cached
	evals   int
	ipRole  map[string]string   // instance profile name → role ARN
	vaults  map[vaultKey]string // vault (Region, name) → selection role ARN
	defRole string
	// known: whether the snapshot has the vault (Snapshot.VaultIn, as
	// the checks look it up)
	known map[vaultKey]bool
	// gaps of the unreadable parts of the snapshot
	unread unreadable
	// policies keeps parsed and compiled policies across the checks.
	policies *eval.Cache
	// plans keeps the fix plans made: the same denial (same request, same
	// policies) met by several checks is planned and verified once.
	plans *fix.Memo
	// outcomes keeps the outcome of each distinct evaluation: the restore
	// checks of a selection's recovery points repeat most requests.
	outcomes *preflight.Outcomes
	// rules keeps the rule of each denial met (ruleFor).
	rules map[ruleKey]diagnose.Finding
}

// largeDocs are the large policy documents every audit of the process
// shares (eval.Pool): the AWS managed policies of an organization's
// members, audited one per CPU, are parsed once, not once a member.
var largeDocs = eval.NewPool()

// Run audits snap.
func Run(snap *account.Snapshot, opt Options) Report {
	// --role and --as as the snapshot names them; one it lacks is kept as
	// given: the items that depend on it could not be checked.
	if r, ok := snap.Role(opt.Role); ok && opt.Role != "" {
		opt.Role = r.ARN
	}
	if r, ok := snap.Role(opt.Caller); ok && opt.Caller != "" {
		opt.Caller = r.ARN
	}
	a := &auditor{snap: snap, opt: opt, cache: map[cacheKey]*cached{}, ipRole: map[string]string{}, vaults: map[vaultKey]string{},
		known: map[vaultKey]bool{}, policies: eval.NewCache(4096), plans: fix.NewMemo(4096),
		outcomes: preflight.NewOutcomes(16384)}
	// The documents the checks prepare are the snapshot's, which nothing
	// modifies while the audit runs, and the ones fix plans write once for
	// each change: the cache may find them by the identity of their bytes,
	// and the memo hash each large one once.
	a.policies.SameBytes()
	a.policies.UsePool(largeDocs)
	a.plans.SameBytes()
	a.unread = classify(snap.Unreadable)
	for _, ip := range snap.InstanceProfiles {
		name := ip.Name
		if name == "" {
			name = arn.Name(ip.ARN)
		}
		if len(ip.Roles) == 0 {
			continue
		}
		r := ip.Roles[0]
		if role, ok := snap.Role(r); ok {
			r = role.ARN
		} else if !strings.HasPrefix(r, "arn:") {
			for i := range snap.Roles {
				if snap.Roles[i].Name == r {
					r = snap.Roles[i].ARN
				}
			}
		}
		if _, dup := a.ipRole[name]; !dup {
			a.ipRole[name] = r
		}
	}
	for i := range snap.BackupPlans {
		p := &snap.BackupPlans[i]
		if len(p.Selections) == 0 {
			continue
		}
		region := a.planRegion(p)
		for _, r := range p.Rules {
			if k := (vaultKey{region, r.TargetVault}); a.vaults[k] == "" {
				a.vaults[k] = p.Selections[0].IAMRoleARN
			}
		}
	}
	for i := range snap.Roles {
		if snap.Roles[i].Name == DefaultServiceRole || strings.HasSuffix(snap.Roles[i].ARN, "/"+DefaultServiceRole) {
			a.defRole = snap.Roles[i].ARN
			break
		}
	}

	rep := Report{SchemaVersion: SchemaVersion, Account: snap.AccountID, Region: snap.Region, Caller: opt.Caller,
		RecoveryPoints: len(snap.RecoveryPoints), Items: []Item{}, Causes: []Cause{}}
	f := newFilter(opt)
	causes := map[Cause]int{}
	add := func(it Item) {
		a.global(&it)
		cause := f.apply(&it)
		rep.Summary.Items++
		if len(it.ToVerify) > 0 {
			rep.Summary.ToVerify++
		}
		switch it.Result {
		case Pass:
			rep.Summary.Passed++
			if opt.ListPassed || len(it.ToVerify) > 0 {
				rep.Passed = append(rep.Passed, Item{Kind: it.Kind, ARN: it.ARN, Pointer: it.Pointer, Operation: it.Operation, Result: Pass, OK: true,
					ToVerify: it.ToVerify})
			}
			return
		case Fail:
			rep.Summary.Failed++
		case Unchecked:
			rep.Summary.Unchecked++
		case Ignored:
			rep.Summary.Ignored++
		case Filtered:
			rep.Summary.Filtered++
		}
		if cause != nil {
			causes[*cause]++
		}
		rep.Items = append(rep.Items, it)
	}
	for i := range snap.RecoveryPoints {
		add(a.recoveryPoint(i))
	}
	for i, p := range snap.BackupPlans {
		for j, s := range p.Selections {
			rep.Selections++
			it := a.selection(p, j, s)
			it.Pointer = "/backupPlans/" + strconv.Itoa(i) + "/selections/" + strconv.Itoa(j)
			add(it)
		}
	}
	for i, p := range snap.BackupPlans {
		for _, it := range a.copyRules(p, i) {
			rep.CopyRules++
			add(it)
		}
	}
	for _, it := range a.unread.items {
		add(it)
	}
	for c, n := range causes {
		c.Count = n
		rep.Causes = append(rep.Causes, c)
	}
	sort.Slice(rep.Causes, func(i, j int) bool {
		ci, cj := rep.Causes[i], rep.Causes[j]
		if ci.Result != cj.Result {
			return ci.Result == Fail
		}
		if ci.Count != cj.Count {
			return ci.Count > cj.Count
		}
		if ci.RuleID != cj.RuleID {
			return ci.RuleID < cj.RuleID
		}
		if ci.Action != cj.Action {
			return ci.Action < cj.Action
		}
		return ci.Layer < cj.Layer
	})
	rep.Evaluations = a.evals
	rep.Failing = rep.Summary.Failed
	rep.OK = rep.Summary.Failed == 0 && rep.Summary.Unchecked == 0
	rep.NothingToAudit = rep.Summary.Items == 0
	rep.ExpiredIgnores = f.expired
	return rep
}

func vaultName(v account.BackupVault) string {
	if v.Name != "" {
		return v.Name
	}
	return arn.LastField(v.ARN)
}

// rpRegion is the Region of rp (its ARN's), where its vault, its restore
// and the plans protecting its vault are; the snapshot's Region when its
// ARN names none.
func (a *auditor) rpRegion(rp *account.RecoveryPoint) string {
	if r := rp.Region(); r != "" {
		return r
	}
	return a.snap.Region
}

// planRegion is the Region of plan p (its ARN's), where its rules' target
// vaults are; the snapshot's Region when it has no ARN naming one.
func (a *auditor) planRegion(p *account.BackupPlan) string {
	if r := p.Region(); r != "" {
		return r
	}
	return a.snap.Region
}

// hasVault reports whether the snapshot has the vault named name in
// region, as the checks find it (Snapshot.VaultIn): a same-named vault of
// another Region is not it.
func (a *auditor) hasVault(name, region string) bool {
	k := vaultKey{region, name}
	ok, seen := a.known[k]
	if !seen {
		_, ok = a.snap.VaultIn(name, region)
		a.known[k] = ok
	}
	return ok
}

// unknownVault is the gap of a recovery point's vault the snapshot lacks
// in its Region, naming the Regions where it has vaults of that name.
func (a *auditor) unknownVault(name, region string) Gap {
	var elsewhere []string
	for _, v := range a.snap.BackupVaults {
		if f, n := arn.Fields(v.ARN); vaultName(v) == name && n == 6 && f[3] != region && !slices.Contains(elsewhere, f[3]) {
			elsewhere = append(elsewhere, f[3])
		}
	}
	if len(elsewhere) == 0 || region == "" {
		return gap(RuleUnknownVault, "audit.gap.unknown-vault", name)
	}
	sort.Strings(elsewhere)
	return gap(RuleUnknownVault, "audit.gap.unknown-vault.region", name, region, strings.Join(elsewhere, ", "))
}

// global adds the gaps that hold for every item (SCPs, IAM or vault
// policies the snapshot could not read) to an item that would otherwise
// pass: a denial found is a denial whatever those hold, an allowance is
// not.
func (a *auditor) global(it *Item) {
	if it.Kind == KindSnapshot || len(it.Findings) > 0 || len(it.Unchecked) > 0 {
		return
	}
	it.Unchecked = append(it.Unchecked, a.unread.global...)
}

// restoreRole picks the restore role of rp.
func (a *auditor) restoreRole(rp *account.RecoveryPoint) (string, string) {
	switch {
	case a.opt.Role != "":
		return a.opt.Role, RoleFromFlag
	case rp.IAMRoleARN != "":
		return rp.IAMRoleARN, RoleFromRecoveryPoint
	case a.vaults[vaultKey{a.rpRegion(rp), rp.VaultName}] != "":
		return a.vaults[vaultKey{a.rpRegion(rp), rp.VaultName}], RoleFromSelection
	case a.defRole != "":
		return a.defRole, RoleFromDefault
	}
	return "", RoleNone
}

func (a *auditor) recoveryPoint(i int) Item {
	rp := &a.snap.RecoveryPoints[i]
	role, src := a.restoreRole(rp)
	it := Item{Kind: KindRecoveryPoint, ARN: rp.ARN, Pointer: "/recoveryPoints/" + strconv.Itoa(i), ResourceType: rp.ResourceType,
		Vault: rp.VaultName, Role: role, RoleSource: src}
	a.restore(&it, rp, role)
	// The role's gap comes first: it is the cause the item is counted
	// under.
	switch {
	case role == "":
		it.Unchecked = append([]Gap{gap(RuleNoRole, "audit.gap.no-role")}, it.Unchecked...)
	case src == RoleFromFlag:
		if _, ok := a.snap.Role(role); !ok {
			// --role not in the snapshot: the cause and suggestion check
			// gives for it.
			it.Unchecked = append([]Gap{flagRoleGap(preflight.UnknownRole(a.snap, a.snap.Partition, role, "--role"))}, it.Unchecked...)
		}
	default:
		if _, ok := a.snap.Role(role); !ok {
			it.Unchecked = append([]Gap{a.unknownRole(role, "@audit.role-source."+src)}, it.Unchecked...)
		}
	}
	it.Unchecked = dedupe(it.Unchecked)
	return it
}

// restore checks the restore of rp with role and fills it.
func (a *auditor) restore(it *Item, rp *account.RecoveryPoint, role string) {
	// The restore is in the recovery point's Region, against its vault
	// there.
	region := a.rpRegion(rp)
	p := preflight.Params{Caller: a.opt.Caller, RoleARN: role, Region: region, VaultName: rp.VaultName, KeyARN: rp.EncryptionKeyARN,
		ResourceType: rp.ResourceType, RecoveryPointARN: rp.ARN, Now: a.opt.Now, Cache: a.policies, Plans: a.plans, Outcomes: a.outcomes}
	var pre []Gap
	if !a.hasVault(rp.VaultName, region) {
		pre = append(pre, a.unknownVault(rp.VaultName, region))
	}
	var unknownKey string
	if k := rp.EncryptionKeyARN; k != "" {
		switch kk := a.key(k, region); {
		case kk == nil:
			pre, unknownKey = append(pre, gap(RuleUnknownKey, "audit.gap.unknown-key", k)), k
		case len(kk.Policy) == 0:
			pre, unknownKey = append(pre, gap(RuleUnknownKeyPolicy, "audit.gap.unknown-key-policy", k)), k
		}
	}
	if _, err := backupops.ForResourceType(backupops.VerbRestore, rp.ResourceType); err != nil {
		// AWS Backup's own names (VirtualMachine, "Storage Gateway", ...)
		// map; a type no restore operation covers could not be checked.
		it.Operation = "restore"
		it.Unchecked = append(pre, gap(RuleUnmappedResourceType, "audit.gap.unmapped-resource-type", rp.ResourceType))
		return
	}
	name := "restore"
	if rt, _ := backupops.NormalizeResourceType(rp.ResourceType); rt == "EC2" {
		p.InstanceRole = preflight.InstanceRoleNone
		switch ip := rp.InstanceProfileName(); {
		case ip != "":
			r, ok := a.ipRole[ip]
			if !ok {
				pre = append(pre, gap(RuleUnknownInstanceProfile, "audit.gap.unknown-instance-profile", ip))
				break
			}
			name, p.InstanceRole = "restore/EC2/original-role", r
			it.InstanceRole = r
		case rp.RestoreMetadata == nil && a.unread.metadata != nil:
			pre = append(pre, *a.unread.metadata)
		}
	}
	k := cacheKey{resourceType: rp.ResourceType, opID: name, role: role, instanceRole: p.InstanceRole, region: region, vault: rp.VaultName,
		key: rp.EncryptionKeyARN, caller: a.opt.Caller}
	if a.opt.Caller != "" {
		// The caller's requests name the recovery point.
		k.rp = rp.ARN
	}
	c, ok := a.cache[k]
	if !ok {
		c = a.check(name, p)
		a.cache[k] = c
	}
	it.Operation = c.op
	it.Unchecked = dedupe(append(pre, c.gaps...))
	it.ToVerify = c.toVerify
	if unknownKey == "" {
		// Shared with the other items of the evaluation (see filter.apply).
		it.Findings = c.findings
		return
	}
	for _, f := range c.findings {
		// A denial on a key whose policy is unknown proves nothing: the
		// key policy may allow it. Its gap says so. The key's state does
		// not depend on its policy.
		if f.Resource != unknownKey || f.RuleID == RuleKeyState {
			it.Findings = append(it.Findings, f)
		}
	}
}

// key is the KMS key ref names (its ARN, or its key ID or an alias, in
// region: the same ID, a multi-Region key's, and the same alias, such as
// alias/aws/backup, are in several Regions).
func (a *auditor) key(ref, region string) *account.KMSKey {
	for i := range a.snap.KMSKeys {
		if k := &a.snap.KMSKeys[i]; k.ARN == ref {
			return k
		}
	}
	if f, n := arn.Fields(ref); n == 6 && f[0] == "arn" {
		region = f[3]
	}
	for i := range a.snap.KMSKeys {
		k := &a.snap.KMSKeys[i]
		if f, n := arn.Fields(k.ARN); region != "" && (n != 6 || f[3] != region) {
			continue
		}
		if k.KeyID == ref {
			return k
		}
		for _, al := range k.Aliases {
			if ref == al || strings.HasSuffix(ref, ":"+al) {
				return k
			}
		}
	}
	return nil
}

func (a *auditor) check(name string, p preflight.Params) *cached {
	c, _ := a.checkOp(name, p, a.opt.Caller == "")
	return c
}

// checkOp is check that also returns the preflight report (nil when the
// operation could not be resolved); without a caller (noCaller) the
// caller's requests are left out of the gaps.
func (a *auditor) checkOp(name string, p preflight.Params, noCaller bool) (*cached, *preflight.Report) {
	if p.Org == nil {
		p.Org = a.opt.Org
	}
	op, p, _, err := preflight.Resolve(a.snap, name, p)
	if err != nil {
		var ie *preflight.InputError
		if errors.As(err, &ie) && strings.HasPrefix(ie.Msg, "unknown operation") {
			return &cached{op: name, gaps: []Gap{gap(RuleUnmappedResourceType, "audit.gap.unmapped-resource-type", p.ResourceType)}}, nil
		}
		return &cached{op: name, gaps: []Gap{gap(RuleNotEvaluated, "audit.gap.not-evaluated", err.Error())}}, nil
	}
	a.evals++
	rep := preflight.Check(a.snap, op, p)
	c := &cached{op: op.ID, toVerify: rep.ToVerify}
	if rep.Error != "" {
		c.gaps = append(c.gaps, gap(RuleNotEvaluated, "audit.gap.not-evaluated", rep.Error))
	}
	for _, r := range rep.Results {
		if r.Denied() {
			c.findings = append(c.findings, a.finding(r))
		}
	}
	c.findings = append(c.findings, keyStateFindings(rep)...)
	sort.SliceStable(c.findings, func(i, j int) bool { return sevRank(c.findings[i].Severity) < sevRank(c.findings[j].Severity) })
	// rep.Causes lists every cause of a request that could not be
	// checked, once.
	for _, cause := range rep.Causes {
		if cause.Kind == preflight.CauseMissingParameter && (cause.Flag == "--as" || cause.Subject == "Caller") && noCaller {
			// Without --as the caller's requests are not checked: a
			// documented limit the report states.
			continue
		}
		c.gaps = append(c.gaps, gapOf(cause))
	}
	return c, &rep
}

// unknownRole is the gap of a role the snapshot lacks, with the role it
// likely means: the ARN of a role given by name, or the closest name (a
// typo).
func (a *auditor) unknownRole(role, source string) Gap {
	if !strings.HasPrefix(role, "arn:") {
		if r, ok := a.snap.RoleByName(role); ok {
			return gap(RuleUnknownRole, "audit.gap.unknown-role.suggest", role, source, r.ARN)
		}
	} else {
		name := role[strings.LastIndex(role, "/")+1:]
		names := make([]string, 0, len(a.snap.Roles))
		byName := map[string]string{}
		for _, r := range a.snap.Roles {
			names = append(names, r.Name)
			byName[r.Name] = r.ARN
		}
		if sg := backupops.Suggest(name, names); len(sg) > 0 {
			return gap(RuleUnknownRole, "audit.gap.unknown-role.suggest", role, source, byName[sg[0]])
		}
	}
	return gap(RuleUnknownRole, "audit.gap.unknown-role", role, source)
}

// flagRoleGap is the gap of the cause of a --role the snapshot lacks
// (preflight.UnknownRole): worded as check words it, with its suggestion.
func flagRoleGap(c preflight.Cause) Gap {
	switch {
	case c.Kind != preflight.CauseUnknownRole:
		// IAM unreadable: the role may exist.
		return gapOf(c)
	case c.Suggestion != "":
		return gap(RuleUnknownRole, "audit.gap.unknown-role.flag.suggest", c.Subject, c.Flag, c.Suggestion)
	}
	return gap(RuleUnknownRole, "audit.gap.unknown-role.flag", c.Subject, c.Flag)
}

// gapOf is the gap of a preflight cause.
func gapOf(c preflight.Cause) Gap {
	switch c.Kind {
	case preflight.CauseUnknownPrincipal:
		// The caller (--as): worded as check words it.
		return gap(RuleUnknownPrincipal, "audit.gap.unknown-principal.flag", c.Subject, c.Flag)
	case preflight.CauseUnknownRole:
		return gap(RuleUnknownRole, "audit.gap.unknown-role", c.Subject, c.Flag)
	case preflight.CauseUnknownVault:
		return gap(RuleUnknownVault, "audit.gap.unknown-vault", c.Subject)
	case preflight.CauseUnknownKey:
		return gap(RuleUnknownKey, "audit.gap.unknown-key", c.Subject)
	case preflight.CauseUnknownKeyState:
		return gap(RuleUnknownKey, "audit.gap.unknown-key-state", c.Subject)
	case preflight.CauseUnknownInstanceProfile:
		return gap(RuleUnknownInstanceProfile, "audit.gap.unknown-instance-profile", c.Subject)
	case preflight.CauseUnreadable:
		rule, base := RuleUnreadableOther, "audit.gap.unreadable"
		switch c.Hides {
		case account.HiddenSCPs, account.HiddenOrganization:
			rule, base = RuleUnreadableSCP, "audit.gap.unreadable-scps"
		case account.HiddenIAM:
			rule, base = RuleUnreadableIAM, "audit.gap.unreadable-iam"
		case account.HiddenKMSKeys, account.HiddenKeyPolicies:
			rule, base = RuleUnreadableKMS, "audit.gap.unreadable-kms"
		case account.HiddenVaults, account.HiddenVaultDetails, account.HiddenVaultPolicies:
			rule, base = RuleUnreadableVaults, "audit.gap.unreadable-vaults"
		case account.HiddenRestoreMetadata:
			rule, base = RuleUnreadableMetadata, "audit.gap.unreadable-restore-metadata"
		case account.HiddenRecoveryPoints:
			rule, base = RuleUnreadableRPs, "audit.gap.unreadable-recovery-points"
		case account.HiddenPlans:
			rule, base = RuleUnreadableSelections, "audit.gap.unreadable-selections"
		}
		if c.Error == "" || denied(c.Error) {
			return gap(rule, base+".denied", c.API)
		}
		return gap(rule, base+".failed", c.API, c.Error)
	case preflight.CauseMissingParameter:
		return gap(RuleNotEvaluated, "audit.gap.not-evaluated", c.String())
	case preflight.CauseOutsideSnapshot:
		return gap(RuleOutsideSnapshot, "audit.gap.outside-snapshot", c.Subject, c.Flag)
	case preflight.CauseAccountNotCollected:
		return gap(RuleAccountNotCollected, "audit.gap.account-not-collected", c.Subject, c.Error)
	case preflight.CauseSettingNotRecorded:
		return gap(RuleOutsideSnapshot, "audit.gap.setting-not-recorded", c.Subject)
	case preflight.CauseOrgAccountsUnlisted:
		return gap(RuleOutsideSnapshot, "audit.gap.org-accounts-unlisted", c.Subject, c.Flag)
	case preflight.CauseResourcePolicyMayDeny:
		return gap(RuleResourcePolicy, "audit.gap.resource-policy.may-deny", c.Subject)
	case preflight.CauseResourcePolicyMayAllow:
		return gap(RuleResourcePolicy, "audit.gap.resource-policy.may-allow", c.Subject)
	}
	return gap(RuleNotEvaluated, "audit.gap.not-evaluated", c.String())
}

// dedupe keeps the first gap of each rule: one line per cause.
func dedupe(gs []Gap) []Gap {
	if len(gs) < 2 {
		return gs
	}
	seen := map[string]bool{}
	out := gs[:0:0]
	for _, g := range gs {
		if !seen[g.RuleID] {
			seen[g.RuleID] = true
			out = append(out, g)
		}
	}
	return out
}

// finding turns a denied result into a finding named by the diagnose rule
// that explains the message AWS would return for it.
func (a *auditor) finding(r preflight.Result) Finding {
	f := Finding{Principal: r.Principal, PrincipalARN: r.PrincipalARN, Action: r.Action,
		Resource: r.Resource, Verdict: r.Verdict, Layer: r.Layer, Message: r.Message, Deciding: r.Deciding}
	rule := a.ruleFor(r)
	f.RuleID, f.Title, f.Severity = rule.Rule, rule.Title, Severity(rule.Rule)
	// A plan verified without a resource-based policy no snapshot holds
	// (fix.Plan.Unheld: check shows it, labelled) is no fix of an audit
	// finding, which would show it without that label.
	if r.Plan != nil && len(r.Plan.Fixes) > 0 && r.Plan.Unheld == nil {
		fx := r.Plan.Fixes[0]
		f.Fix = &fx
	}
	if w := r.FixWithheld; w != nil && f.Fix == nil {
		x := *w
		f.FixWithheld = &x
	}
	return f
}

// ruleKey is what RuleFor reads of a result.
type ruleKey struct {
	principal, principalARN, action, resource, verdict, layer, resourcePolicy, message string
}

// ruleFor is RuleFor, remembered per result: the same denial met by
// several items (every recovery point a role restores) is matched against
// the rules once (parsing its message is most of RuleFor's cost).
func (a *auditor) ruleFor(r preflight.Result) diagnose.Finding {
	k := ruleKey{r.Principal, r.PrincipalARN, r.Action, r.Resource, r.Verdict, r.Layer, r.ResourcePolicy, r.Message}
	f, ok := a.rules[k]
	if !ok {
		f = RuleFor(r)
		if a.rules == nil || len(a.rules) >= 4096 {
			a.rules = make(map[ruleKey]diagnose.Finding)
		}
		a.rules[k] = f
	}
	// Each finding gets arguments of its own.
	f.Title.Args = slices.Clone(f.Title.Args)
	return f
}

// RuleFor is the diagnose rule (ID, title, cause) that names a denied
// preflight result: the rule explain gives for the message AWS would
// return, so that check, audit, SARIF and explain name one denial alike.
func RuleFor(r preflight.Result) diagnose.Finding {
	d := &authzmsg.Denial{Action: r.Action, Resource: r.Resource, ResourceKind: "arn", Decision: authzmsg.Decision(r.Verdict),
		PolicyType: authzmsg.PolicyType(r.Layer)}
	if !strings.HasPrefix(r.Resource, "arn:") {
		d.ResourceKind = "word"
	}
	switch r.Principal {
	case preflight.ServicePrincipal:
		d.Principal = authzmsg.ParsePrincipal(r.PrincipalARN)
		if r.ResourcePolicy == string(fix.TargetTrustPolicy) {
			d.PolicyType = authzmsg.PolicyTrust
		}
	case "jobRole":
		name := arn.Name(r.PrincipalARN)
		d.Principal = authzmsg.ParsePrincipal("arn:aws:sts::" + arn.Account(r.PrincipalARN) + ":assumed-role/" + name + "/AWSBackup-" + name)
	default:
		d.Principal = authzmsg.ParsePrincipal(r.PrincipalARN)
		d.Operation = "StartRestoreJob"
	}
	if r.Message != "" && d.PolicyType != authzmsg.PolicyTrust {
		// The rule explain gives for the message AWS would return.
		if md, err := authzmsg.Parse(r.Message); err == nil && md.Action != "" {
			d = md
		}
	}
	return diagnose.Rule(d)
}

func (a *auditor) selection(p account.BackupPlan, j int, s account.BackupSelection) Item {
	name := s.Name
	if name == "" {
		name = s.ID
	}
	if name == "" {
		name = "#" + strconv.Itoa(j+1)
	}
	it := Item{Kind: KindSelection, ARN: p.Name + "/" + name, Plan: p.Name, Role: s.IAMRoleARN}
	role, ok := a.snap.Role(s.IAMRoleARN)
	if !ok {
		it.Unchecked = append(it.Unchecked, a.unknownRole(s.IAMRoleARN, "@audit.role-source.selection-own"))
		return it
	}
	seenF, seenG, seenV := map[string]bool{}, map[string]bool{}, map[preflight.Condition]bool{}
	addFindings := func(fs []Finding) {
		for _, f := range fs {
			if k := f.RuleID + "\x00" + f.Action + "\x00" + f.Resource + "\x00" + f.PrincipalARN; !seenF[k] {
				seenF[k] = true
				it.Findings = append(it.Findings, f)
			}
		}
	}
	addGaps := func(gs []Gap) {
		for _, g := range gs {
			if k := g.RuleID + "\x00" + strings.Join(g.Args, "\x00"); !seenG[k] {
				seenG[k] = true
				it.Unchecked = append(it.Unchecked, g)
			}
		}
	}
	restored := false
	region := a.planRegion(&p)
	for _, r := range p.Rules {
		it.Vault = r.TargetVault
		if !a.hasVault(r.TargetVault, region) {
			// The rule backs up into a vault the snapshot lacks (AWS
			// Backup fails each job of it: nothing to restore), or
			// whose vaults it could not read: not a passing selection.
			addGaps([]Gap{a.unknownVault(r.TargetVault, region)})
		}
		for i := range a.snap.RecoveryPoints {
			rp := &a.snap.RecoveryPoints[i]
			if rp.VaultName != r.TargetVault || a.rpRegion(rp) != region {
				// Another vault, or a same-named one of another Region.
				continue
			}
			restored = true
			var sub Item
			a.restore(&sub, rp, role.ARN)
			addGaps(sub.Unchecked)
			addFindings(sub.Findings)
			// The facts to verify of each restore checked, once.
			it.ToVerify = addVerify(it.ToVerify, seenV, sub.ToVerify)
		}
	}
	if !restored {
		f, g := a.trust(role)
		addFindings(f)
		addGaps(g)
	}
	return it
}

// trust checks that backup.amazonaws.com may assume role.
func (a *auditor) trust(role *account.Role) ([]Finding, []Gap) {
	k := cacheKey{opID: "trust", role: role.ARN}
	if c, ok := a.cache[k]; ok {
		return c.findings, c.gaps
	}
	a.evals++
	res := preflight.Trust(role, a.opt.Now, a.policies)
	c := &cached{op: "trust"}
	switch {
	case res.Verdict == preflight.Error:
		c.gaps = []Gap{gap(RuleNotEvaluated, "audit.gap.not-evaluated", "sts:AssumeRole "+role.ARN+": "+res.Error)}
	case res.Denied():
		c.findings = []Finding{a.finding(res)}
	}
	a.cache[k] = c
	return c.findings, c.gaps
}

// addVerify appends to dst the conditions of cs not in seen (a condition
// several checks of one item list is listed once).
func addVerify(dst []preflight.Condition, seen map[preflight.Condition]bool, cs []preflight.Condition) []preflight.Condition {
	for _, c := range cs {
		if !seen[c] {
			seen[c] = true
			dst = append(dst, c)
		}
	}
	return dst
}
