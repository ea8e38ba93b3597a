// Package backupops is the AWS Backup operations catalog: for each operation a
// user performs with AWS Backup (create a vault, put a vault policy or lock,
// create a plan or selection, start a backup, restore or copy job, per
// resource type), the IAM requests that must be allowed, for the caller, for
// the job role (the service role passed in IamRoleArn) and, where relevant,
// for the service-linked role AWSServiceRoleForBackup, plus the conditions
// that are not IAM actions of the principal (trust policy, vault access
// policy, KMS key policy, AWS Organizations settings, service rules).
//
// The data is transcribed from the project's domain research document
// "AWS Backup permission failures" (sections 0, 1, A and E). Every operation,
// requirement and condition cites the document's source tags ("S33", "S35",
// "G9", ...); SourceURL resolves a tag to a URL. Items the document marks
// "(inferred)", and items this package infers itself, have Inferred set.
//
// Job-role requirements of backup and restore operations are the actions of
// the statements of the AWS managed policies AWSBackupServiceRolePolicyForBackup
// (v30), AWSBackupServiceRolePolicyForRestores (v35) and the S3 policies that
// the document lists for the resource type (Statement names the statement).
// They are what the managed policy grants for that type, which is an upper
// bound of what a job calls, not a proven minimum; Describe*/List* actions the
// document does not name are left out.
//
// Resources are templates with ${Name} placeholders, filled by
// (Operation).Expand from Params. Data is read-only: values returned by All
// and Lookup share memory with the catalog and must not be modified.
package backupops

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/deniedhq/denied/internal/arn"
)

// Principals of a Requirement.
const (
	// Caller is the identity that calls the AWS Backup API.
	Caller = "caller"
	// JobRole is the role passed to AWS Backup (IamRoleArn) and assumed by
	// backup.amazonaws.com for the job.
	JobRole = "jobRole"
	// ServiceLinkedRole is AWSServiceRoleForBackup.
	ServiceLinkedRole = "serviceLinkedRole"
)

// Kinds of a Condition.
const (
	// KindTrust concerns a role's trust policy.
	KindTrust = "trust"
	// KindVaultPolicy concerns a backup vault access policy.
	KindVaultPolicy = "vaultPolicy"
	// KindKeyPolicy concerns a KMS key policy.
	KindKeyPolicy = "keyPolicy"
	// KindOrganization concerns AWS Organizations: membership, settings,
	// SCPs and other organization policies.
	KindOrganization = "organization"
	// KindBucketPolicy concerns an Amazon S3 bucket policy (a kind added
	// to the four resource-policy and organization kinds for S3 restores).
	KindBucketPolicy = "bucketPolicy"
	// KindService is a rule of the service itself (not an IAM decision).
	KindService = "service"
)

// Circumstance is when a conditional requirement or condition applies,
// typed so that no code reads the English When text.
type Circumstance string

// Circumstances of a Requirement or Condition.
const (
	// Always: the requirement always applies (When is empty).
	Always Circumstance = ""
	// OnKey: the resource or recovery point is encrypted with a KMS key;
	// applies when Params.KeyARN is given.
	OnKey Circumstance = "kmsKey"
	// OnDestinationKey: the destination vault of a copy has a KMS key;
	// applies when Params.DestinationKeyARN is given.
	OnDestinationKey Circumstance = "destinationKey"
	// OnParameter: applies when the parameters of its templates are given
	// (a malware-scan role of a plan).
	OnParameter Circumstance = "parameter"
	// OnResourceType: applies to recovery points of the resource types in
	// Types.
	OnResourceType Circumstance = "resourceType"
	// OnOption: an option of the request that the parameters do not tell
	// (tags given, a Windows VSS backup, a continuous backup, ...).
	OnOption Circumstance = "option"
)

// Requirement is one IAM request a principal must be allowed to make.
type Requirement struct {
	// Principal is Caller, JobRole or ServiceLinkedRole.
	Principal string
	// Action is "service:Name", e.g. "backup:StartRestoreJob".
	Action string
	// Resource is an ARN template such as
	// "arn:${Partition}:backup:${Region}:${Account}:backup-vault:${VaultName}",
	// or "*".
	Resource string
	// Context holds request context keys and their (template) values, e.g.
	// iam:PassedToService = backup.amazonaws.com.
	Context map[string]string
	// When is empty if the requirement always applies, otherwise the
	// circumstance in which it applies ("tags given", "customer managed
	// key", ...).
	When string
	// Applies is the typed form of When; Types are the resource types of
	// OnResourceType.
	Applies Circumstance
	Types   []string
	// Statement names the AWS managed policy statement ("Policy/Sid") the
	// requirement is transcribed from, if any.
	Statement string
	// Inferred is set when the requirement is reasoning rather than a
	// statement of a source.
	Inferred bool
	// Note is an optional remark.
	Note string
	// Source are the domain document's source tags.
	Source []string
}

// Decision is how a condition is decided from an account snapshot; Listed
// conditions are facts no snapshot holds, left for a person to verify.
type Decision string

// Decisions of a Condition.
const (
	// Listed: no snapshot holds the fact (a service rule, console
	// behaviour, a setting the collector does not read).
	Listed Decision = ""
	// DecideTrust: the job role's trust policy, evaluated for
	// backup.amazonaws.com calling sts:AssumeRole.
	DecideTrust Decision = "trust"
	// DecideRequests: a policy layer that every request evaluation of the
	// operation includes (SCPs, RCPs, permissions boundaries, the vault
	// access policy of requests on the vault or its recovery points, the
	// key policy of KMS requests): decided by those requests' verdicts.
	DecideRequests Decision = "requests"
	// DecideKeyState: the KMS key is enabled and in the operation's
	// Region.
	DecideKeyState Decision = "keyState"
	// DecideDestinationKeyState: the destination vault's KMS key of a copy
	// (DestinationKeyARN, else the destination vault's key) is enabled and
	// in the destination Region.
	DecideDestinationKeyState Decision = "destinationKeyState"
	// DecideVaultKeyState: the KMS key of the operation's vault (which
	// encrypts the backups of fully managed resource types) is enabled.
	DecideVaultKeyState Decision = "vaultKeyState"
	// DecideVaultLock: the vault's Vault Lock configuration (a compliance
	// lock past its grace period cannot be changed).
	DecideVaultLock Decision = "vaultLock"
	// DecideSameOrganization: source and destination accounts of a copy are
	// members of the snapshot's organization.
	DecideSameOrganization Decision = "sameOrganization"
	// DecideDestinationVault: the destination vault of a cross-account copy
	// is not the default vault (whose AWS managed key cannot be shared)
	// for types not fully managed by AWS Backup.
	DecideDestinationVault Decision = "destinationVault"
	// DecideDestinationVaultPolicy: the destination vault's access policy
	// allows backup:CopyIntoBackupVault from the source account.
	DecideDestinationVaultPolicy Decision = "destinationVaultPolicy"
	// DecideSourceKey: the source recovery point's key is a customer
	// managed key (AWS managed keys cannot be shared across accounts).
	DecideSourceKey Decision = "sourceKey"
	// DecideCrossAccountSetting: the organization's AWS Backup global
	// setting isCrossAccountBackupEnabled is true (an organization
	// snapshot holds it).
	DecideCrossAccountSetting Decision = "crossAccountSetting"
)

// Condition is a requirement that is not an IAM action of a principal.
type Condition struct {
	// ID is the condition's message id, ConditionID(Kind, Text), under
	// which internal/i18n keeps its translations.
	ID string
	// Kind is KindTrust, KindVaultPolicy, KindKeyPolicy, KindBucketPolicy,
	// KindOrganization or KindService.
	Kind string
	// Text states the condition in English.
	Text string
	// When is empty if the condition always applies; Applies and Types
	// are its typed form, as for a Requirement.
	When    string
	Applies Circumstance
	Types   []string
	// Inferred is set when the condition is reasoning rather than a
	// statement of a source.
	Inferred bool
	// Decide is how a snapshot decides the condition (Listed: it does
	// not).
	Decide Decision
	// Source are the domain document's source tags.
	Source []string
}

// Message ids of the catalog's texts. Translations (internal/i18n) are
// keyed by them, so they must stay the same when ops.go is edited in ways
// that do not change a text, and change when a text changes:
//   - an operation's title is keyed by the operation ID, which is public
//     (the CLI's OPERATION argument) and never reused;
//   - a condition and a "when" phrase are keyed by a digest of their
//     English text (and the condition's kind). Reordering, inserting or
//     removing conditions, or sharing one condition between operations,
//     leaves every other id as it is; editing a text gives it a new id,
//     so that its stale translation cannot be shown for the new English
//     (internal/i18n's tests then ask for the translation of the new id).
//
// An index-based id (operation + position) would shift on every insertion
// and would give one shared condition as many ids as operations.

// TitleID returns the message id of an operation's title.
func TitleID(operationID string) string { return "backupops.title." + operationID }

// ConditionID returns the message id of a condition's text.
func ConditionID(kind, text string) string {
	return "backupops.cond." + kind + "." + digest(text)
}

// WhenID returns the message id of a "when" phrase (Requirement.When,
// Condition.When).
func WhenID(when string) string { return "backupops.when." + digest(when) }

// digest is the first 40 bits of the SHA-256 of s, in hex.
func digest(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:5])
}

// Decided returns how many of the operation's conditions a snapshot
// decides, and how many it lists.
func (op Operation) Decided() (decided, listed int) {
	for _, c := range op.Conditions {
		if c.Decide != Listed {
			decided++
		}
	}
	return decided, len(op.Conditions)
}

// Operation is an AWS Backup operation and what it requires.
type Operation struct {
	// ID identifies the operation: "create-vault", "create-vault/cmk",
	// "backup/EC2", "restore/EC2/instance-role", "copy/cross-account", ...
	ID string
	// Title describes the operation.
	Title string
	// ResourceType is the protected resource type ("EC2", "S3", ...) of
	// backup and restore operations, "" otherwise.
	ResourceType string
	// Requirements are the IAM requests to be allowed.
	Requirements []Requirement
	// Conditions are the non-IAM conditions.
	Conditions []Condition
	// Sources are the source tags of the operation, its requirements and
	// its conditions, sorted.
	Sources []string
	// URLs are the URLs of Sources, in the same order.
	URLs []string
	// Params are the names of the parameters the operation's templates use,
	// sorted.
	Params []string
}

// Params fills the placeholders of requirement templates. A field's
// placeholder is its name: ${Partition}, ${Region}, ...
type Params struct {
	Partition string // "aws", "aws-cn", "aws-us-gov"
	Region    string // Region of the operation (source Region of a copy)
	Account   string // account of the operation (source account of a copy)
	VaultName string // the backup vault (source vault of a copy)
	// KeyARN is the KMS key at issue: the vault's key for create-vault; the
	// key encrypting the resource or recovery point for backup, restore and
	// copy (the source key of a copy).
	KeyARN string
	// RoleARN is the job role passed to AWS Backup (IamRoleArn).
	RoleARN string
	// InstanceRoleARN is the role of the instance profile of a restored EC2
	// instance.
	InstanceRoleARN string
	// RecoveryPointARN is the recovery point restored or copied.
	RecoveryPointARN string
	// ResourceARN is the protected resource backed up (or the bucket, for S3).
	ResourceARN string
	// PlanID is the backup plan of a selection.
	PlanID string
	// ScanRoleARN is a malware-scan role named in a backup plan.
	ScanRoleARN string
	// DestinationVaultARN is the destination vault of a copy.
	DestinationVaultARN string
	// DestinationKeyARN is the KMS key of the destination vault of a copy.
	DestinationKeyARN string
	// DestinationRegion and DestinationAccount locate the destination of a
	// copy; when empty they are taken from DestinationVaultARN.
	DestinationRegion  string
	DestinationAccount string
	// ChangeableForDays, MinRetentionDays and MaxRetentionDays are the
	// vault lock settings; when empty the corresponding context key is
	// absent from the request, as it is when the setting is not given.
	ChangeableForDays string
	MinRetentionDays  string
	MaxRetentionDays  string
}

// optionalContextParams are parameters whose absence removes a context
// entry instead of being an error.
var optionalContextParams = map[string]bool{
	"ChangeableForDays": true,
	"MinRetentionDays":  true,
	"MaxRetentionDays":  true,
}

func (p Params) values() map[string]string {
	v := map[string]string{
		"Partition":           p.Partition,
		"Region":              p.Region,
		"Account":             p.Account,
		"VaultName":           p.VaultName,
		"KeyARN":              p.KeyARN,
		"RoleARN":             p.RoleARN,
		"InstanceRoleARN":     p.InstanceRoleARN,
		"RecoveryPointARN":    p.RecoveryPointARN,
		"ResourceARN":         p.ResourceARN,
		"PlanID":              p.PlanID,
		"ScanRoleARN":         p.ScanRoleARN,
		"DestinationVaultARN": p.DestinationVaultARN,
		"DestinationKeyARN":   p.DestinationKeyARN,
		"DestinationRegion":   p.DestinationRegion,
		"DestinationAccount":  p.DestinationAccount,
		"ChangeableForDays":   p.ChangeableForDays,
		"MinRetentionDays":    p.MinRetentionDays,
		"MaxRetentionDays":    p.MaxRetentionDays,
	}
	if a, ok := arn.Parse(p.DestinationVaultARN); ok {
		if v["DestinationRegion"] == "" {
			v["DestinationRegion"] = a.Region
		}
		if v["DestinationAccount"] == "" {
			v["DestinationAccount"] = a.Account
		}
	}
	return v
}

// ConcreteRequest is a Requirement with its templates filled.
type ConcreteRequest struct {
	// Principal is Caller, JobRole or ServiceLinkedRole.
	Principal string
	// PrincipalARN is the role's ARN for JobRole (Params.RoleARN) and
	// ServiceLinkedRole (in the destination account of a copy) when known,
	// "" for Caller.
	PrincipalARN string
	Action       string
	Resource     string
	Context      map[string]string
	// When, Applies, Types and Inferred are copied from the Requirement.
	When     string
	Applies  Circumstance
	Types    []string
	Inferred bool
	// Missing names the parameters an always-applying requirement lacks
	// (ExpandEach only); Resource and Context then hold what could be
	// filled.
	Missing []string
}

// MissingParamsError reports the parameters that required requirements of
// an operation need and Params does not give.
type MissingParamsError struct {
	Operation string
	Params    []string
}

func (e *MissingParamsError) Error() string {
	return fmt.Sprintf("backupops: %s: missing parameter(s) %s", e.Operation, strings.Join(e.Params, ", "))
}

// placeholder is a template's ${Name}; the catalog's checks read it, fill
// scans for it by hand.
var placeholder = regexp.MustCompile(`\$\{([A-Za-z]+)\}`)

// fill replaces the placeholders of tmpl, ${Name} with Name one or more
// ASCII letters, leftmost first as a regexp `\$\{([A-Za-z]+)\}` would
// find them; it returns the names of the placeholders that have no value.
// Written by hand: the regexp's ReplaceAllStringFunc took 2.6% of an
// organization audit's CPU (every request of every check fills its
// templates), and most templates hold one or two placeholders.
func fill(tmpl string, vals map[string]string) (string, []string) {
	var missing []string
	i := strings.Index(tmpl, "${")
	if i < 0 {
		return tmpl, nil
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 32)
	last := 0
	for i >= 0 {
		j := i + 2
		for j < len(tmpl) && (tmpl[j] >= 'A' && tmpl[j] <= 'Z' || tmpl[j] >= 'a' && tmpl[j] <= 'z') {
			j++
		}
		next := i + 1
		if j > i+2 && j < len(tmpl) && tmpl[j] == '}' {
			name := tmpl[i+2 : j]
			v := vals[name]
			if v == "" {
				missing = append(missing, name)
			}
			b.WriteString(tmpl[last:i])
			b.WriteString(v)
			last, next = j+1, j+1
		}
		k := strings.Index(tmpl[next:], "${")
		if k < 0 {
			break
		}
		i = next + k
	}
	b.WriteString(tmpl[last:])
	return b.String(), missing
}

// Expand fills the templates of the operation's requirements from params.
// Requirements that always apply need all their placeholders: when some are
// missing, Expand returns a *MissingParamsError naming them. Conditional
// requirements (When set) are expanded when their parameters are given and
// left out otherwise. A context entry whose value needs a vault lock setting
// that is not given is left out.
func (op Operation) Expand(params Params) ([]ConcreteRequest, error) {
	all := op.ExpandEach(params)
	out := all[:0:0]
	missing := map[string]bool{}
	for _, r := range all {
		if len(r.Missing) == 0 {
			out = append(out, r)
			continue
		}
		for _, m := range r.Missing {
			missing[m] = true
		}
	}
	if len(missing) > 0 {
		e := &MissingParamsError{Operation: op.ID}
		for m := range missing {
			e.Params = append(e.Params, m)
		}
		sort.Strings(e.Params)
		return nil, e
	}
	return out, nil
}

// ExpandEach is Expand that keeps going: a requirement that always applies
// and lacks parameters is returned with Missing naming them (sorted, once
// each), so that a caller can report it as not checkable and check the
// rest.
func (op Operation) ExpandEach(params Params) []ConcreteRequest {
	vals := params.values()
	var out []ConcreteRequest
	for _, r := range op.Requirements {
		res, miss := fill(r.Resource, vals)
		var ctx map[string]string
		for k, tv := range r.Context {
			v, m := fill(tv, vals)
			if len(m) > 0 && allOptional(m) {
				continue
			}
			miss = append(miss, m...)
			if ctx == nil {
				ctx = make(map[string]string, len(r.Context))
			}
			ctx[k] = v
		}
		if len(miss) > 0 && r.When != "" {
			continue
		}
		cr := ConcreteRequest{
			Principal:    r.Principal,
			PrincipalARN: principalARN(r.Principal, vals),
			Action:       r.Action,
			Resource:     res,
			Context:      ctx,
			When:         r.When,
			Applies:      r.Applies,
			Types:        r.Types,
			Inferred:     r.Inferred,
		}
		if len(miss) > 0 {
			set := map[string]bool{}
			for _, m := range miss {
				set[m] = true
			}
			cr.Missing = sortedKeys(set)
		}
		out = append(out, cr)
	}
	return out
}

func allOptional(names []string) bool {
	for _, n := range names {
		if !optionalContextParams[n] {
			return false
		}
	}
	return true
}

const slrTemplate = "arn:${Partition}:iam::${DestinationAccount}:role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup"

func principalARN(principal string, vals map[string]string) string {
	switch principal {
	case JobRole:
		return vals["RoleARN"]
	case ServiceLinkedRole:
		if s, miss := fill(slrTemplate, vals); len(miss) == 0 {
			return s
		}
	}
	return ""
}

// All returns the operations, sorted by ID.
func All() []Operation { return opCatalog().ops }

// Lookup returns the operation with the given ID.
func Lookup(id string) (Operation, bool) {
	c := opCatalog()
	i, ok := c.byID[id]
	if !ok {
		return Operation{}, false
	}
	return c.ops[i], true
}

// opCatalog builds the operations on first use, not at process start:
// most commands (simulate, explain) never need them, and building them
// takes a few milliseconds.
var opCatalog = sync.OnceValue(func() (c struct {
	ops  []Operation
	byID map[string]int
}) {
	c.ops = buildOperations()
	c.byID = indexOperations(c.ops)
	return c
})

func indexOperations(ops []Operation) map[string]int {
	m := make(map[string]int, len(ops))
	for i, op := range ops {
		if _, dup := m[op.ID]; dup {
			panic("backupops: duplicate operation " + op.ID)
		}
		m[op.ID] = i
	}
	return m
}

// finish computes the derived fields of the operations and sorts them.
func finish(ops []Operation) []Operation {
	for i := range ops {
		op := &ops[i]
		tags := map[string]bool{}
		params := map[string]bool{}
		for _, s := range op.Sources {
			tags[s] = true
		}
		for _, r := range op.Requirements {
			for _, s := range r.Source {
				tags[s] = true
			}
			for _, m := range placeholder.FindAllStringSubmatch(r.Resource, -1) {
				params[m[1]] = true
			}
			for _, v := range r.Context {
				for _, m := range placeholder.FindAllStringSubmatch(v, -1) {
					params[m[1]] = true
				}
			}
		}
		// Conditions may share their backing array with other
		// operations (append of a common list): copy before setting IDs.
		op.Conditions = append([]Condition(nil), op.Conditions...)
		for j := range op.Conditions {
			c := &op.Conditions[j]
			c.ID = ConditionID(c.Kind, c.Text)
			for _, s := range c.Source {
				tags[s] = true
			}
		}
		op.Sources = sortedKeys(tags)
		op.URLs = make([]string, len(op.Sources))
		for j, s := range op.Sources {
			op.URLs[j] = sourceURLs[s]
		}
		op.Params = sortedKeys(params)
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].ID < ops[j].ID })
	return ops
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
