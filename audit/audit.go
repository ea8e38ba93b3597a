// Package audit checks a whole account snapshot for restores that would
// fail: every recovery point is checked for a restore (package preflight)
// with the restore role chosen for it, and every backup selection for a
// role that AWS Backup may assume (and, when its plan's vault holds
// recovery points, for a restore with that role).
//
// Recovery points that share an operation, role, instance role, vault and
// key share one evaluation: results are cached on that combination.
package audit

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/preflight"
	"github.com/deniedhq/denied/simulate"
)

// SchemaVersion is the version of the JSON report.
const SchemaVersion = "1"

// DefaultServiceRole is the role AWS Backup creates for its console.
const DefaultServiceRole = "AWSBackupDefaultServiceRole"

// Kinds of items.
const (
	KindRecoveryPoint = "recoveryPoint"
	KindSelection     = "selection"
)

// Where the restore role of a recovery point came from.
const (
	RoleFromFlag          = "flag"
	RoleFromRecoveryPoint = "recoveryPoint"
	RoleFromSelection     = "selection"
	RoleFromDefault       = "defaultServiceRole"
	RoleNone              = "none"
)

// Options are the inputs of an audit.
type Options struct {
	// Caller is the identity that starts restores; empty: its requests
	// are not checked.
	Caller string
	// Role, when set, is the restore role of every recovery point.
	Role string
	// Now fixes the clock of the evaluations (tests).
	Now func() time.Time
}

// Report is the outcome of an audit.
type Report struct {
	SchemaVersion  string `json:"schemaVersion"`
	Account        string `json:"account"`
	Region         string `json:"region,omitempty"`
	Caller         string `json:"caller,omitempty"`
	RecoveryPoints int    `json:"recoveryPoints"`
	Selections     int    `json:"selections"`
	// Failing is the number of items that would fail.
	Failing int `json:"failing"`
	// Evaluations is the number of distinct preflight checks run.
	Evaluations int  `json:"evaluations"`
	OK          bool `json:"ok"`
	// Causes group the findings of the failing items.
	Causes []Cause `json:"causes"`
	// Items are the failing items (recovery points, then selections).
	Items []Item `json:"items"`
}

// Cause is one rule/action/layer and how many items it makes fail.
type Cause struct {
	RuleID string `json:"ruleId"`
	Action string `json:"action"`
	Layer  string `json:"layer"`
	Count  int    `json:"count"`
}

// Item is one recovery point or selection checked.
type Item struct {
	Kind string `json:"kind"`
	// ARN is the recovery point's ARN, or the selection's "plan/selection".
	ARN          string `json:"arn"`
	ResourceType string `json:"resourceType,omitempty"`
	Vault        string `json:"vault,omitempty"`
	Operation    string `json:"operation,omitempty"`
	Role         string `json:"role,omitempty"`
	RoleSource   string `json:"roleSource,omitempty"`
	InstanceRole string `json:"instanceRole,omitempty"`
	OK           bool   `json:"ok"`
	// Error says why the item could not be checked.
	Error    string    `json:"error,omitempty"`
	Findings []Finding `json:"findings,omitempty"`
}

// Finding is one requirement that would fail.
type Finding struct {
	RuleID       string                  `json:"ruleId"`
	Principal    string                  `json:"principal"`
	PrincipalARN string                  `json:"principalArn,omitempty"`
	Action       string                  `json:"action"`
	Resource     string                  `json:"resource"`
	Verdict      string                  `json:"verdict"`
	Layer        string                  `json:"layer,omitempty"`
	Message      string                  `json:"message,omitempty"`
	Deciding     []simulate.StatementRef `json:"deciding,omitempty"`
	Error        string                  `json:"error,omitempty"`
	// Fix is the first fix of the plan, when one was found.
	Fix *fix.Fix `json:"fix,omitempty"`
}

// RuleID names a failing requirement: denied.KIND.SERVICE-ACTION.
func RuleID(kind, action string) string {
	return "denied." + kind + "." + strings.ToLower(strings.ReplaceAll(action, ":", "-"))
}

type cacheKey struct {
	resourceType, opID, role, instanceRole, vault, key, caller, rp string
}

type cached struct {
	op       string
	findings []Finding
	err      string
}

type auditor struct {
	snap    *account.Snapshot
	opt     Options
	cache   map[cacheKey]*cached
	evals   int
	ipRole  map[string]string // instance profile name → role ARN
	vaults  map[string]string // vault name → selection role ARN
	defRole string
	// policies keeps parsed and compiled policies across the checks.
	policies *simulate.Cache
}

// Run audits snap.
func Run(snap *account.Snapshot, opt Options) Report {
	a := &auditor{snap: snap, opt: opt, cache: map[cacheKey]*cached{}, ipRole: map[string]string{}, vaults: map[string]string{},
		policies: simulate.NewCache(4096)}
	for _, ip := range snap.InstanceProfiles {
		name := ip.Name
		if name == "" {
			name = ip.ARN[strings.LastIndex(ip.ARN, "/")+1:]
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
	for _, p := range snap.BackupPlans {
		if len(p.Selections) == 0 {
			continue
		}
		for _, r := range p.Rules {
			if _, ok := a.vaults[r.TargetVault]; !ok {
				a.vaults[r.TargetVault] = p.Selections[0].IAMRoleARN
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
	causes := map[Cause]int{}
	add := func(it Item) {
		if it.OK {
			return
		}
		rep.Failing++
		seen := map[Cause]bool{}
		for _, f := range it.Findings {
			c := Cause{RuleID: f.RuleID, Action: f.Action, Layer: f.Layer}
			if !seen[c] {
				seen[c] = true
				causes[c]++
			}
		}
		if it.Error != "" {
			causes[Cause{RuleID: "denied." + it.Kind + ".error", Layer: "error"}]++
		}
		rep.Items = append(rep.Items, it)
	}
	for i := range snap.RecoveryPoints {
		add(a.recoveryPoint(&snap.RecoveryPoints[i]))
	}
	for _, p := range snap.BackupPlans {
		for j, s := range p.Selections {
			rep.Selections++
			add(a.selection(p, j, s))
		}
	}
	for c, n := range causes {
		c.Count = n
		rep.Causes = append(rep.Causes, c)
	}
	sort.Slice(rep.Causes, func(i, j int) bool {
		ci, cj := rep.Causes[i], rep.Causes[j]
		if ci.Count != cj.Count {
			return ci.Count > cj.Count
		}
		if ci.RuleID != cj.RuleID {
			return ci.RuleID < cj.RuleID
		}
		return ci.Layer < cj.Layer
	})
	rep.Evaluations = a.evals
	rep.OK = rep.Failing == 0
	return rep
}

// restoreRole picks the restore role of rp.
func (a *auditor) restoreRole(rp *account.RecoveryPoint) (string, string) {
	switch {
	case a.opt.Role != "":
		return a.opt.Role, RoleFromFlag
	case rp.IAMRoleARN != "":
		return rp.IAMRoleARN, RoleFromRecoveryPoint
	case a.vaults[rp.VaultName] != "":
		return a.vaults[rp.VaultName], RoleFromSelection
	case a.defRole != "":
		return a.defRole, RoleFromDefault
	}
	return "", RoleNone
}

func (a *auditor) recoveryPoint(rp *account.RecoveryPoint) Item {
	role, src := a.restoreRole(rp)
	it := Item{Kind: KindRecoveryPoint, ARN: rp.ARN, ResourceType: rp.ResourceType, Vault: rp.VaultName, Role: role, RoleSource: src}
	a.restore(&it, rp, role)
	return it
}

// restore checks the restore of rp with role and fills it.
func (a *auditor) restore(it *Item, rp *account.RecoveryPoint, role string) {
	p := preflight.Params{Caller: a.opt.Caller, RoleARN: role, VaultName: rp.VaultName, KeyARN: rp.EncryptionKeyARN,
		ResourceType: rp.ResourceType, RecoveryPointARN: rp.ARN, Now: a.opt.Now, Cache: a.policies}
	name := "restore"
	if rp.ResourceType == "EC2" {
		p.InstanceRole = preflight.InstanceRoleNone
		if ip := rp.InstanceProfileName(); ip != "" {
			r, ok := a.ipRole[ip]
			if !ok {
				it.Error = "instance profile " + ip + " of the recovery point is not in the snapshot"
				return
			}
			name, p.InstanceRole = "restore/EC2/original-role", r
			it.InstanceRole = r
		}
	}
	k := cacheKey{resourceType: rp.ResourceType, opID: name, role: role, instanceRole: p.InstanceRole, vault: rp.VaultName,
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
	it.Operation, it.Error, it.Findings = c.op, c.err, c.findings
	it.OK = c.err == "" && len(c.findings) == 0
}

func (a *auditor) check(name string, p preflight.Params) *cached {
	op, p, _, err := preflight.Resolve(a.snap, name, p)
	if err != nil {
		return &cached{op: name, err: err.Error()}
	}
	a.evals++
	rep := preflight.Check(a.snap, op, p)
	c := &cached{op: op.ID, err: rep.Error}
	for _, r := range rep.Results {
		if !r.Denied() && r.Verdict != preflight.Error {
			continue
		}
		c.findings = append(c.findings, finding("restore", r))
	}
	return c
}

func finding(kind string, r preflight.Result) Finding {
	f := Finding{RuleID: RuleID(kind, r.Action), Principal: r.Principal, PrincipalARN: r.PrincipalARN, Action: r.Action,
		Resource: r.Resource, Verdict: r.Verdict, Layer: r.Layer, Message: r.Message, Deciding: r.Deciding, Error: r.Error}
	if r.Verdict == preflight.Error {
		f.Layer = "error"
	}
	if r.Plan != nil && len(r.Plan.Fixes) > 0 {
		fx := r.Plan.Fixes[0]
		f.Fix = &fx
	}
	return f
}

func (a *auditor) selection(p account.BackupPlan, j int, s account.BackupSelection) Item {
	name := s.Name
	if name == "" {
		name = s.ID
	}
	if name == "" {
		name = "#" + itoa(j+1)
	}
	it := Item{Kind: KindSelection, ARN: p.Name + "/" + name, Role: s.IAMRoleARN}
	role, ok := a.snap.Role(s.IAMRoleARN)
	if !ok {
		it.Error = "role " + s.IAMRoleARN + " is not in the snapshot"
		return it
	}
	seen := map[string]bool{}
	addFindings := func(fs []Finding) {
		for _, f := range fs {
			if k := f.RuleID + "\x00" + f.Resource + "\x00" + f.PrincipalARN; !seen[k] {
				seen[k] = true
				it.Findings = append(it.Findings, f)
			}
		}
	}
	restored := false
	for _, r := range p.Rules {
		it.Vault = r.TargetVault
		for i := range a.snap.RecoveryPoints {
			rp := &a.snap.RecoveryPoints[i]
			if rp.VaultName != r.TargetVault {
				continue
			}
			restored = true
			var sub Item
			a.restore(&sub, rp, role.ARN)
			if sub.Error != "" && it.Error == "" {
				it.Error = sub.Error
			}
			addFindings(sub.Findings)
		}
	}
	if !restored {
		addFindings(a.trust(role))
	}
	it.OK = it.Error == "" && len(it.Findings) == 0
	return it
}

// trust checks that backup.amazonaws.com may assume role.
func (a *auditor) trust(role *account.Role) []Finding {
	k := cacheKey{opID: "trust", role: role.ARN}
	if c, ok := a.cache[k]; ok {
		return c.findings
	}
	a.evals++
	acct := a.snap.AccountID
	if f := strings.SplitN(role.ARN, ":", 6); len(f) == 6 {
		acct = f[4]
	}
	res := preflight.Result{Principal: preflight.ServicePrincipal, PrincipalARN: "backup.amazonaws.com", Action: "sts:AssumeRole",
		Resource: role.ARN, ResourcePolicy: string(fix.TargetTrustPolicy)}
	cs := &simulate.Case{ID: "audit#trust", Request: simulate.CaseRequest{Principal: "backup.amazonaws.com", Action: "sts:AssumeRole",
		Resource: role.ARN, ResourceAccount: acct},
		ResourcePolicy: &simulate.PolicyDoc{Name: role.ARN, Document: json.RawMessage(role.TrustPolicy)}}
	c := &cached{op: "trust"}
	pr, err := simulate.Prepare(cs, simulate.Options{Now: a.opt.Now, Cache: a.policies})
	if err == nil {
		out := pr.Evaluate()
		switch {
		case out.Error != nil:
			res.Verdict, res.Error = preflight.Error, out.Error.Error()
		default:
			res.Verdict, res.Layer, res.Deciding, res.Message = out.Decision, out.Layer, out.Deciding, out.Message
			if res.Verdict != preflight.Allowed {
				pl := fix.PlanFor(fix.Problem{Case: cs, Layer: out.Layer, Explicit: out.Decision == preflight.ExplicitDeny, Deciding: out.Deciding},
					fix.Options{Now: a.opt.Now, RoleARN: role.ARN, Cache: a.policies})
				res.Plan = &pl
			}
		}
	} else {
		res.Verdict, res.Error = preflight.Error, err.Error()
	}
	if res.Denied() || res.Verdict == preflight.Error {
		c.findings = []Finding{finding(KindSelection, res)}
	}
	a.cache[k] = c
	return c.findings
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
