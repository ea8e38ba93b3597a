// Package preflight checks, before an AWS Backup operation is run, whether
// every IAM request it needs would be allowed in an account snapshot: the
// operation's requirements (catalog/backupops) are expanded for the given
// parameters, each becomes a simulate case built from the snapshot for the
// right principal (the caller, or the job role's AWS Backup session), and
// each denied request gets a verified fix plan (package fix).
package preflight

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/collect"
	"github.com/deniedhq/denied/simulate"
)

// SchemaVersion is the version of the JSON report.
const SchemaVersion = "1"

// Verdicts of a Result besides the engine's decisions (Allowed,
// ExplicitDeny, ImplicitDeny).
const (
	Allowed      = "Allowed"
	ExplicitDeny = "ExplicitDeny"
	ImplicitDeny = "ImplicitDeny"
	// Skipped: the request was not evaluated (see Result.Skip).
	Skipped = "Skipped"
	// Error: the request could not be evaluated (see Result.Error).
	Error = "Error"
)

// Principal of the trust-policy check (not a backupops principal).
const ServicePrincipal = "service"

// Instance role choices of an EC2 restore.
const (
	InstanceRoleOriginal = "original"
	InstanceRoleNone     = "none"
)

// Params are the inputs of a check.
type Params struct {
	// Caller is the ARN of the identity that calls AWS Backup; empty:
	// caller requirements are skipped.
	Caller string
	// RoleARN is the job role (IamRoleArn).
	RoleARN string
	// Partition, Region and Account default to the snapshot's.
	Partition, Region, Account string
	VaultName                  string
	KeyARN                     string
	RecoveryPointARN           string
	// ResourceType is AWS Backup's resource type (EC2, EBS, ...); taken
	// from the recovery point when empty.
	ResourceType string
	// InstanceRole is "", InstanceRoleOriginal, InstanceRoleNone or a role
	// ARN (EC2 restores).
	InstanceRole string
	// Now fixes the clock of the evaluations (tests); nil means time.Now.
	Now func() time.Time
	// Cache, when set, keeps parsed and compiled policies across checks
	// (audit runs many). Not safe for concurrent use.
	Cache *simulate.Cache `json:"-"`
}

// Report is the outcome of a check.
type Report struct {
	SchemaVersion string            `json:"schemaVersion"`
	Operation     string            `json:"operation"`
	Title         string            `json:"title"`
	Account       string            `json:"account"`
	Region        string            `json:"region"`
	Caller        string            `json:"caller,omitempty"`
	Role          string            `json:"role,omitempty"`
	Parameters    map[string]string `json:"parameters,omitempty"`
	// Passed of Total evaluated results are allowed.
	Passed  int `json:"passed"`
	Total   int `json:"total"`
	Skipped int `json:"skipped"`
	// OK is true when nothing evaluated is denied.
	OK       bool        `json:"ok"`
	Results  []Result    `json:"results"`
	ToVerify []Condition `json:"toVerify,omitempty"`
	Notes    []Note      `json:"notes,omitempty"`
	Sources  []string    `json:"sources,omitempty"`
	Error    string      `json:"error,omitempty"`
}

// Result is one request and what the engine says about it.
type Result struct {
	// Principal is caller, jobRole, serviceLinkedRole, or service (the
	// trust-policy check of the job role).
	Principal    string            `json:"principal"`
	PrincipalARN string            `json:"principalArn,omitempty"`
	Action       string            `json:"action"`
	Resource     string            `json:"resource"`
	Context      map[string]string `json:"context,omitempty"`
	When         string            `json:"when,omitempty"`
	Inferred     bool              `json:"inferred,omitempty"`
	// ResourcePolicy names the resource policy evaluated, if any
	// ("kmsKeyPolicy", "backupVaultPolicy", "trustPolicy").
	ResourcePolicy string                  `json:"resourcePolicy,omitempty"`
	Verdict        string                  `json:"verdict"`
	Layer          string                  `json:"layer,omitempty"`
	Deciding       []simulate.StatementRef `json:"deciding,omitempty"`
	Message        string                  `json:"message,omitempty"`
	Plan           *fix.Plan               `json:"fix,omitempty"`
	// Skip is the id of the note saying why the request was not evaluated.
	Skip  string `json:"skip,omitempty"`
	Error string `json:"error,omitempty"`
	// Case is the evaluated case (for `denied simulate`).
	Case *simulate.Case `json:"-"`
}

// Denied reports whether the engine refused the request.
func (r Result) Denied() bool { return r.Verdict == ExplicitDeny || r.Verdict == ImplicitDeny }

// Condition is a non-IAM condition of the operation left for a person to
// verify.
type Condition struct {
	Kind     string `json:"kind"`
	Text     string `json:"text"`
	When     string `json:"when,omitempty"`
	Inferred bool   `json:"inferred,omitempty"`
}

// Note is a remark about the check: ID is a message id, Args its arguments.
type Note struct {
	ID   string   `json:"id"`
	Args []string `json:"args,omitempty"`
}

// Aliases map the short operation names to their resolution.
var Aliases = []string{"restore", "create-vault", "backup", "copy", "create-selection", "put-vault-policy", "collect"}

// CollectOperation is the operation `denied check collect` checks: may the
// caller read the account as denied collect does.
func CollectOperation() backupops.Operation {
	op := backupops.Operation{ID: "collect", Title: "Read the account as denied collect does (read-only)"}
	for _, a := range collect.Permissions {
		op.Requirements = append(op.Requirements, backupops.Requirement{Principal: backupops.Caller, Action: a, Resource: "*", Source: []string{"denied collect"}})
	}
	return op
}

// InputError is bad input: an unknown operation, recovery point or role, a
// missing parameter.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErr(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// Resolve picks the backupops operation for name (an operation ID or an
// alias) and completes p from the snapshot: region and account, the
// recovery point's type, vault, key and instance profile role. It returns
// the notes of what it inferred.
func Resolve(snap *account.Snapshot, name string, p Params) (backupops.Operation, Params, []Note, error) {
	var notes []Note
	if name == "collect" {
		if p.Caller == "" {
			return backupops.Operation{}, p, nil, inputErr("check collect needs --as: the principal that will run denied collect")
		}
		if p.Account == "" {
			p.Account = snap.AccountID
		}
		return CollectOperation(), p, nil, nil
	}
	if p.Partition == "" {
		p.Partition = snap.Partition
		if p.Partition == "" {
			p.Partition = "aws"
		}
	}
	if p.Region == "" {
		p.Region = snap.Region
	}
	if p.Account == "" {
		p.Account = snap.AccountID
	}
	var rp *account.RecoveryPoint
	if p.RecoveryPointARN != "" {
		for i := range snap.RecoveryPoints {
			if snap.RecoveryPoints[i].ARN == p.RecoveryPointARN {
				rp = &snap.RecoveryPoints[i]
			}
		}
		if rp == nil {
			return backupops.Operation{}, p, nil, inputErr("recovery point %s is not in the snapshot", p.RecoveryPointARN)
		}
		if p.ResourceType == "" {
			p.ResourceType = rp.ResourceType
		}
		if p.VaultName == "" {
			p.VaultName = rp.VaultName
		}
		if p.KeyARN == "" {
			p.KeyARN = rp.EncryptionKeyARN
		}
	}
	id := name
	switch name {
	case "restore":
		if p.ResourceType == "" {
			return backupops.Operation{}, p, nil, inputErr("restore needs --recovery-point or --resource-type")
		}
		id = "restore/" + p.ResourceType
		if p.ResourceType == "EC2" {
			switch {
			case p.InstanceRole == InstanceRoleNone:
			case p.InstanceRole == InstanceRoleOriginal, p.InstanceRole == "" && rp != nil && rp.InstanceProfileName() != "":
				id = "restore/EC2/original-role"
			case p.InstanceRole != "":
				id = "restore/EC2/instance-role"
			}
		}
	case "backup":
		if p.ResourceType == "" {
			return backupops.Operation{}, p, nil, inputErr("backup needs --resource-type")
		}
		id = "backup/" + p.ResourceType
	case "copy":
		id = "copy/same-region"
	case "create-vault":
		if k := key(snap, p.KeyARN); k != nil && k.KeyManager == account.KeyManagerCustomer {
			id = "create-vault/cmk"
		}
	}
	op, ok := backupops.Lookup(id)
	if !ok {
		return op, p, nil, inputErr("unknown operation %q (known: %s, or an operation id such as restore/EC2)", id, strings.Join(Aliases, ", "))
	}
	switch id {
	case "restore/EC2/original-role":
		if p.InstanceRole != "" && p.InstanceRole != InstanceRoleOriginal {
			break
		}
		if rp == nil || rp.InstanceProfileName() == "" {
			return op, p, nil, inputErr("--instance-role original needs a --recovery-point whose restore metadata names an instance profile")
		}
		ip := rp.InstanceProfileName()
		role := instanceProfileRole(snap, ip)
		if role == "" {
			return op, p, nil, inputErr("instance profile %s of the recovery point is not in the snapshot", ip)
		}
		p.InstanceRole = role
		notes = append(notes, Note{ID: "preflight.note.instance-profile", Args: []string{ip, role}})
	case "restore/EC2/instance-role":
		if !strings.HasPrefix(p.InstanceRole, "arn:") {
			return op, p, nil, inputErr("--instance-role must be original, none or a role ARN, not %q", p.InstanceRole)
		}
	}
	return op, p, notes, nil
}

func instanceProfileRole(snap *account.Snapshot, name string) string {
	for _, ip := range snap.InstanceProfiles {
		n := ip.Name
		if n == "" {
			n = ip.ARN[strings.LastIndex(ip.ARN, "/")+1:]
		}
		if n == name && len(ip.Roles) > 0 {
			r := ip.Roles[0]
			if !strings.HasPrefix(r, "arn:") {
				if role, ok := findRoleByName(snap, r); ok {
					return role.ARN
				}
			}
			return r
		}
	}
	return ""
}

func findRoleByName(snap *account.Snapshot, name string) (*account.Role, bool) {
	for i := range snap.Roles {
		if snap.Roles[i].Name == name {
			return &snap.Roles[i], true
		}
	}
	return nil, false
}

func key(snap *account.Snapshot, arn string) *account.KMSKey {
	if arn == "" {
		return nil
	}
	for i := range snap.KMSKeys {
		if snap.KMSKeys[i].ARN == arn || snap.KMSKeys[i].KeyID == arn {
			return &snap.KMSKeys[i]
		}
	}
	return nil
}

func vault(snap *account.Snapshot, arn string) *account.BackupVault {
	for i := range snap.BackupVaults {
		if snap.BackupVaults[i].ARN == arn {
			return &snap.BackupVaults[i]
		}
	}
	return nil
}

// Check evaluates every request of op with p (completed by Resolve) in
// snap.
func Check(snap *account.Snapshot, op backupops.Operation, p Params) Report {
	rep := Report{SchemaVersion: SchemaVersion, Operation: op.ID, Title: op.Title, Account: p.Account, Region: p.Region,
		Caller: p.Caller, Role: p.RoleARN, Sources: op.Sources, Results: []Result{}}
	bp := backupops.Params{Partition: p.Partition, Region: p.Region, Account: p.Account, VaultName: p.VaultName,
		KeyARN: p.KeyARN, RoleARN: p.RoleARN, RecoveryPointARN: p.RecoveryPointARN}
	if strings.HasPrefix(p.InstanceRole, "arn:") {
		bp.InstanceRoleARN = p.InstanceRole
	}
	rep.Parameters = map[string]string{}
	for k, v := range map[string]string{"vault": p.VaultName, "kmsKey": p.KeyARN, "recoveryPoint": p.RecoveryPointARN,
		"resourceType": p.ResourceType, "instanceRole": bp.InstanceRoleARN} {
		if v != "" {
			rep.Parameters[k] = v
		}
	}
	reqs, err := op.Expand(bp)
	if err != nil {
		var me *backupops.MissingParamsError
		if errors.As(err, &me) {
			rep.Error = "missing: " + strings.Join(me.Params, ", ")
		} else {
			rep.Error = err.Error()
		}
		return rep
	}
	c := checker{snap: snap, p: p}
	if p.Caller == "" {
		rep.Notes = append(rep.Notes, Note{ID: "preflight.note.no-caller"})
	}
	for i, r := range reqs {
		res := Result{Principal: r.Principal, PrincipalARN: r.PrincipalARN, Action: r.Action, Resource: concrete(r, p),
			Context: r.Context, When: r.When, Inferred: r.Inferred}
		switch {
		case !applies(r.When, p):
			res.Verdict, res.Skip = Skipped, "preflight.skip.when"
		case r.Principal == backupops.Caller:
			if p.Caller == "" {
				res.Verdict, res.Skip = Skipped, "preflight.skip.no-caller"
				break
			}
			res.PrincipalARN = p.Caller
			c.evaluate(&res, fmt.Sprintf("%s#%d", op.ID, i+1), p.Caller, p.Caller, "")
		case r.Principal == backupops.JobRole:
			role, ok := snap.Role(p.RoleARN)
			if !ok {
				res.Verdict, res.Skip = Skipped, "preflight.skip.no-role"
				break
			}
			c.evaluate(&res, fmt.Sprintf("%s#%d", op.ID, i+1), sessionARN(p.Partition, p.Account, role.Name), role.ARN, role.ARN)
		default:
			res.Verdict, res.Skip = Skipped, "preflight.skip.service-linked"
		}
		rep.Results = append(rep.Results, res)
	}
	for _, cd := range op.Conditions {
		if cd.Kind == backupops.KindTrust && p.RoleARN != "" {
			if role, ok := snap.Role(p.RoleARN); ok {
				rep.Results = append(rep.Results, c.trust(op.ID, role))
				continue
			}
		}
		rep.ToVerify = append(rep.ToVerify, Condition{Kind: cd.Kind, Text: cd.Text, When: cd.When, Inferred: cd.Inferred})
	}
	if p.RoleARN == "" && hasJobRole(op) {
		rep.Notes = append(rep.Notes, Note{ID: "preflight.note.no-role"})
	}
	rep.OK = true
	for _, r := range rep.Results {
		switch {
		case r.Verdict == Skipped:
			rep.Skipped++
			continue
		case r.Verdict == Allowed:
			rep.Passed++
		default:
			rep.OK = false
		}
		rep.Total++
	}
	return rep
}

// restoredInstance lists actions the catalog gives on "*" that act on the
// restored EC2 instance: the request names an instance, so a policy scoped
// to instance/* (as the AWS managed policy is) must match.
var restoredInstance = map[string]bool{"ec2:TerminateInstances": true, "ec2:CreateTags": true}

func concrete(r backupops.ConcreteRequest, p Params) string {
	if r.Resource == "*" && r.Principal == backupops.JobRole && restoredInstance[r.Action] && p.ResourceType == "EC2" {
		return fmt.Sprintf("arn:%s:ec2:%s:%s:instance/*", p.Partition, p.Region, p.Account)
	}
	return r.Resource
}

// applies reports whether a conditional requirement applies: KMS
// requirements apply when their key is given (Expand left them out
// otherwise), per-type ones when the type is the resource type; other
// circumstances (tags given, tag-based selection, ...) cannot be told from
// the parameters and are skipped.
func applies(when string, p Params) bool {
	switch {
	case when == "":
		return true
	case strings.Contains(when, "key"):
		return true
	case p.ResourceType != "" && strings.HasPrefix(when, p.ResourceType+" recovery point"):
		return true
	}
	return false
}

func hasJobRole(op backupops.Operation) bool {
	for _, r := range op.Requirements {
		if r.Principal == backupops.JobRole {
			return true
		}
	}
	return false
}

// sessionARN is the job role's AWS Backup session.
func sessionARN(partition, acct, roleName string) string {
	return fmt.Sprintf("arn:%s:sts::%s:assumed-role/%s/AWSBackup-%s", partition, acct, roleName, roleName)
}

type checker struct {
	snap *account.Snapshot
	p    Params
}

func (c checker) opts() simulate.Options { return simulate.Options{Now: c.p.Now, Cache: c.p.Cache} }

func docs(nds []account.NamedDocument) []simulate.PolicyDoc {
	out := make([]simulate.PolicyDoc, 0, len(nds))
	for _, d := range nds {
		out = append(out, simulate.PolicyDoc{Name: d.Name, Document: json.RawMessage(d.Document)})
	}
	return out
}

func levels(ls []account.Level) []simulate.OrgLevel {
	out := make([]simulate.OrgLevel, 0, len(ls))
	for _, l := range ls {
		out = append(out, simulate.OrgLevel{Target: l.Target, Policies: docs(l.Policies)})
	}
	return out
}

func arnAccount(arn string) string {
	f := strings.SplitN(arn, ":", 6)
	if len(f) == 6 && f[0] == "arn" {
		return f[4]
	}
	return ""
}

// evaluate builds the case of res for principal (whose policies are those
// of policyPrincipal), evaluates it and, when denied, plans the fix.
func (c checker) evaluate(res *Result, id, principal, policyPrincipal, roleARN string) {
	cs := &simulate.Case{ID: id, Request: simulate.CaseRequest{Principal: principal, Action: res.Action, Resource: res.Resource}}
	if c.snap.Organization != nil {
		cs.ManagementAccount = c.snap.Organization.ManagementAccountID
	}
	ctx := map[string]json.RawMessage{}
	for k, v := range res.Context {
		b, _ := json.Marshal(v)
		ctx[k] = b
	}
	if roleARN != "" {
		b, _ := json.Marshal(roleARN)
		ctx["aws:PrincipalArn"] = b
	}
	if len(ctx) > 0 {
		cs.Request.Context = ctx
	}
	resAcct := arnAccount(res.Resource)
	if res.Resource == "*" || resAcct == "" {
		resAcct = c.snap.AccountID
	}
	cs.Request.ResourceAccount = resAcct
	ids, err := c.snap.IdentityPolicies(policyPrincipal)
	if err != nil {
		res.Verdict, res.Error = Error, err.Error()
		return
	}
	if _, isRole := c.snap.Role(policyPrincipal); !isRole {
		if _, isUser := c.snap.User(policyPrincipal); !isUser {
			res.Verdict, res.Skip = Skipped, "preflight.skip.unknown-principal"
			return
		}
	}
	cs.IdentityPolicies = docs(ids)
	if b, err := c.snap.Boundary(policyPrincipal); err != nil {
		res.Verdict, res.Error = Error, err.Error()
		return
	} else if b != nil {
		cs.PermissionsBoundary = &simulate.PolicyDoc{Name: b.Name, Document: json.RawMessage(b.Document)}
	}
	scps, err := c.snap.SCPLevels(arnAccount(policyPrincipal))
	if err != nil {
		res.Verdict, res.Error = Error, err.Error()
		return
	}
	cs.ServiceControlPolicies = levels(scps)
	rcps, err := c.snap.RCPLevels(resAcct)
	if err != nil {
		res.Verdict, res.Error = Error, err.Error()
		return
	}
	cs.ResourceControlPolicies = levels(rcps)
	fo := fix.Options{Now: c.p.Now, RoleARN: roleARN, Cache: c.p.Cache}
	if k := key(c.snap, res.Resource); k != nil && len(k.Policy) > 0 {
		cs.ResourcePolicy = &simulate.PolicyDoc{Name: k.ARN, Document: json.RawMessage(k.Policy)}
		res.ResourcePolicy = string(fix.TargetKeyPolicy)
		fo.KeyID = k.ARN
	} else if v := vault(c.snap, res.Resource); v != nil && len(v.AccessPolicy) > 0 {
		cs.ResourcePolicy = &simulate.PolicyDoc{Name: v.ARN, Document: json.RawMessage(v.AccessPolicy)}
		res.ResourcePolicy = string(fix.TargetVaultPolicy)
	} else if res.Action == "sts:AssumeRole" {
		if r, ok := c.snap.Role(res.Resource); ok {
			cs.ResourcePolicy = &simulate.PolicyDoc{Name: r.ARN, Document: json.RawMessage(r.TrustPolicy)}
			res.ResourcePolicy = string(fix.TargetTrustPolicy)
		}
	}
	if res.Action == "iam:PassRole" && strings.HasPrefix(c.p.InstanceRole, "arn:") && res.Resource == c.p.InstanceRole {
		fo.InstanceProfile = instanceProfileOf(c.snap, res.Resource)
	}
	c.run(res, cs, fo)
}

func instanceProfileOf(snap *account.Snapshot, roleARN string) string {
	for _, ip := range snap.InstanceProfiles {
		for _, r := range ip.Roles {
			if r == roleARN {
				return ip.Name
			}
		}
	}
	return ""
}

func (c checker) run(res *Result, cs *simulate.Case, fo fix.Options) {
	res.Case = cs
	pr, err := simulate.Prepare(cs, c.opts())
	if err != nil {
		res.Verdict, res.Error = Error, err.Error()
		return
	}
	out := pr.Evaluate()
	if out.Error != nil {
		res.Verdict, res.Error = Error, out.Error.Error()
		return
	}
	res.Verdict = out.Decision
	if res.Verdict == Allowed {
		return
	}
	res.Layer = out.Layer
	res.Deciding = out.Deciding
	res.Message = out.Message
	pl := fix.PlanFor(fix.Problem{Case: cs, Layer: out.Layer, Explicit: out.Decision == ExplicitDeny, Deciding: out.Deciding}, fo)
	res.Plan = &pl
}

// trust checks that backup.amazonaws.com may assume the job role.
func (c checker) trust(opID string, role *account.Role) Result {
	res := Result{Principal: ServicePrincipal, PrincipalARN: "backup.amazonaws.com", Action: "sts:AssumeRole", Resource: role.ARN,
		ResourcePolicy: string(fix.TargetTrustPolicy)}
	cs := &simulate.Case{ID: opID + "#trust", Request: simulate.CaseRequest{Principal: "backup.amazonaws.com", Action: "sts:AssumeRole",
		Resource: role.ARN, ResourceAccount: arnAccount(role.ARN)},
		ResourcePolicy: &simulate.PolicyDoc{Name: role.ARN, Document: json.RawMessage(role.TrustPolicy)}}
	c.run(&res, cs, fix.Options{Now: c.p.Now, RoleARN: role.ARN, Cache: c.p.Cache})
	return res
}
