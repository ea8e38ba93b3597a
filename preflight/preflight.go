// Package preflight checks, before an AWS Backup operation is run, whether
// every IAM request it needs would be allowed in an account snapshot: the
// operation's requirements (catalog/backupops) are expanded for the given
// parameters, each becomes an eval input built from the snapshot for the
// right principal (the caller, or the job role's AWS Backup session), and
// each denied request gets a verified fix plan (package fix).
//
// It reads snapshots (account), the operation catalog (catalog/backupops) and plans fixes (fix);
// it must not import audit, diagnose, internal/collect, the case format (simulate) or the AWS
// SDK (internal/archtest), nor render (internal/report).
package preflight

import (
	"fmt"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/arn"
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
	// InstanceProfile is the name (or ARN) of an EC2 instance profile to
	// restore with; Resolve sets InstanceRole to its role.
	InstanceProfile string
	// ResourceARN is the protected resource of a backup; a representative
	// ARN is built from the resource type when empty.
	ResourceARN string
	// DestinationVaultARN, DestinationKeyARN, DestinationRegion and
	// DestinationAccount describe the destination of a copy.
	DestinationVaultARN string
	DestinationKeyARN   string
	DestinationRegion   string
	DestinationAccount  string
	// PlanID is the backup plan of create-selection.
	PlanID string
	// ScanRoleARN is the malware-scan role of create-plan.
	ScanRoleARN string
	// ChangeableForDays, MinRetentionDays and MaxRetentionDays are the
	// Vault Lock settings of put-vault-lock.
	ChangeableForDays, MinRetentionDays, MaxRetentionDays string
	// Now fixes the clock of the evaluations (tests); nil means time.Now.
	Now func() time.Time
	// Cache, when set, keeps parsed and compiled policies across checks
	// (audit runs many). Not safe for concurrent use.
	Cache *eval.Cache `json:"-"`
	// Plans, when set, keeps the fix plans made across checks: the same
	// denial met again is planned once (fix.Memo). Not safe for concurrent
	// use.
	Plans *fix.Memo `json:"-"`
	// Outcomes, when set, keeps the outcome of each distinct evaluation
	// across checks (see Outcomes): the same request with the same
	// policies is evaluated and planned once. Not safe for concurrent use.
	Outcomes *Outcomes `json:"-"`
	// Org, when set, gives the other accounts of the organization: the
	// destination account of a cross-account copy is then evaluated from
	// its own snapshot (its vault access policy, key policy,
	// service-linked role, SCPs and RCPs), and the organization's
	// cross-account backup setting is decided. Without it those facts are
	// could-not-check.
	Org OrgView `json:"-"`

	// causes are could-not-check causes Resolve found (an unknown instance
	// profile, say); Check reports them.
	causes []Cause
	// whatIf lists the parameters Resolve made up (representative ARNs).
	whatIf []string
	// chose are the parameters Resolve read to choose the operation
	// among the forms of a short name; fromRecoveryPoint those the
	// recovery point supplied; used the parameters the operation reads
	// (usedBy), set by Resolve.
	chose, fromRecoveryPoint []string
	used                     map[string]bool
	// pending are the causes of parameters the operation may not read,
	// reported only if it does.
	pending []pendingCause
}

// pendingCause is a could-not-check cause of parameter param.
type pendingCause struct {
	Cause
	param string
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
	// Status is the three-valued outcome: allowed (every request allowed,
	// every input known), denied (a request would be denied) or
	// couldNotCheck (nothing denied, something unknown: see Causes).
	Status Status `json:"status"`
	// Passed of Total applicable results are allowed, Denied are denied
	// and Unchecked could not be checked; Skipped do not apply to the
	// parameters given.
	Passed    int `json:"passed"`
	Total     int `json:"total"`
	Denied    int `json:"denied"`
	Unchecked int `json:"couldNotCheck"`
	Skipped   int `json:"skipped"`
	// ConditionsHeld counts the decided Conditions that hold;
	// ConditionsFailed and ConditionsUnchecked those that fail or could not
	// be checked on their own (not through a request counted above).
	ConditionsHeld      int `json:"conditionsHeld"`
	ConditionsFailed    int `json:"conditionsFailed"`
	ConditionsUnchecked int `json:"conditionsCouldNotCheck"`
	// OK is true when Status is allowed.
	OK bool `json:"ok"`
	// Causes are why something could not be checked, each once.
	Causes  []Cause  `json:"causes,omitempty"`
	Results []Result `json:"results"`
	// Conditions are the operation's conditions the snapshot decides,
	// each with its outcome; ToVerify are those no snapshot holds.
	Conditions []ConditionResult `json:"conditions,omitempty"`
	ToVerify   []Condition       `json:"toVerify,omitempty"`
	Notes      []Note            `json:"notes,omitempty"`
	// IgnoredFlags are the flags given that the operation does not read
	// (IgnoredFlags): the check was made without them.
	IgnoredFlags []string `json:"ignoredFlags,omitempty"`
	Sources      []string `json:"sources,omitempty"`
	Error        string   `json:"error,omitempty"`
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
	ResourcePolicy string `json:"resourcePolicy,omitempty"`
	Verdict        string `json:"verdict"`
	// Rule is the diagnose rule ID that names a denial (set by the
	// reports through audit.RuleFor, the one naming of denials).
	Rule     string              `json:"rule,omitempty"`
	Layer    string              `json:"layer,omitempty"`
	Deciding []eval.StatementRef `json:"deciding,omitempty"`
	Message  string              `json:"message,omitempty"`
	Plan     *fix.Plan           `json:"fix,omitempty"`
	// FixWithheld says why a denial that stands has no fix plan (an
	// unreadable call may have left out policies it would be verified
	// against); nil otherwise.
	FixWithheld *Withheld `json:"fixWithheld,omitempty"`
	// Skip is the id of the note saying why the request was not evaluated.
	Skip  string `json:"skip,omitempty"`
	Error string `json:"error,omitempty"`
	// Cause is why the request could not be checked (Verdict
	// CouldNotCheck or Error).
	Cause *Cause `json:"cause,omitempty"`
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
	// Policy and Subject name, for a condition that is no text of the
	// catalog, the resource-based policy no snapshot holds behind a
	// denial that stands (account.UnheldPolicy's kind, and the resource
	// that carries it): it must not deny either, and the denial's fix
	// plan is verified without it (see unheldPolicy).
	Policy  string `json:"policy,omitempty"`
	Subject string `json:"subject,omitempty"`
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
	for _, a := range backupops.CollectActions {
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
// recovery point's type, vault, key and instance profile role, an instance
// profile's role; without a recovery point or resource ARN (a what-if), it
// builds a representative ARN from the other parameters. It returns the
// notes of what it inferred. Bad input (an unknown operation or resource
// type, contradictory flags) is an *InputError; inputs the snapshot lacks
// are could-not-check causes that Check reports.
func Resolve(snap *account.Snapshot, name string, p Params) (backupops.Operation, Params, []Note, error) {
	var notes []Note
	if p.Account != "" && p.Account != snap.AccountID {
		// The snapshot holds nothing of another account: its requests
		// would be evaluated against policies and resources that are not
		// there (an organization's other accounts are reached through
		// p.Org, from the checked account's snapshot).
		return backupops.Operation{}, p, nil, inputErr("--account %s is not the snapshot's account (%s)", p.Account, snap.AccountID)
	}
	if name == "collect" {
		if p.Caller == "" {
			return backupops.Operation{}, p, nil, inputErr("check collect needs --as: the principal that will run denied collect")
		}
		if p.Account == "" {
			p.Account = snap.AccountID
		}
		op := CollectOperation()
		p.used = usedBy(op, p)
		return op, p, nil, nil
	}
	if err := ValidateOperation(name); err != nil {
		return backupops.Operation{}, p, nil, err
	}
	if p.Partition == "" {
		p.Partition = snap.Partition
		if p.Partition == "" {
			p.Partition = "aws"
		}
	}
	if a, ok := arn.Parse(p.RecoveryPointARN); ok && a.Region != "" {
		// A recovery point is restored or copied in its own Region, with
		// its vault there (vault names are unique per Region only).
		switch {
		case p.Region == "":
			p.Region = a.Region
			p.fromRecoveryPoint = append(p.fromRecoveryPoint, "Region")
		case p.Region != a.Region:
			return backupops.Operation{}, p, nil, inputErr("recovery point %s is in %s, not in --region %s: a recovery point is restored or copied in its own Region (leave out --region)", p.RecoveryPointARN, a.Region, p.Region)
		}
	}
	if a, ok := arn.Parse(p.ResourceARN); ok {
		// A resource is backed up in its own Region and account, into a
		// vault there.
		switch {
		case a.Region != "" && p.Region != "" && p.Region != a.Region:
			return backupops.Operation{}, p, nil, inputErr("--resource-arn %s is in %s, not in --region %s: AWS Backup backs up a resource in its own Region (leave out --region)", p.ResourceARN, a.Region, p.Region)
		case a.Account != "" && a.Account != snap.AccountID:
			return backupops.Operation{}, p, nil, inputErr("--resource-arn %s is of account %s, not of the snapshot's account %s: AWS Backup backs up a resource in its own account (check with that account's snapshot)", p.ResourceARN, a.Account, snap.AccountID)
		case a.Region != "" && p.Region == "":
			p.Region = a.Region
		}
	}
	if f, n := arn.Fields(p.DestinationVaultARN); n == 6 {
		// The destination vault's ARN names its Region and account: the
		// flags for them may only repeat it.
		if p.DestinationRegion != "" && f[3] != "" && p.DestinationRegion != f[3] {
			return backupops.Operation{}, p, nil, inputErr("--destination-region %s is not the Region of --destination-vault %s (%s): leave out --destination-region", p.DestinationRegion, p.DestinationVaultARN, f[3])
		}
		if p.DestinationAccount != "" && f[4] != "" && p.DestinationAccount != f[4] {
			return backupops.Operation{}, p, nil, inputErr("--destination-account %s is not the account of --destination-vault %s (%s): leave out --destination-account", p.DestinationAccount, p.DestinationVaultARN, f[4])
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
			us := snap.UnreadableFor(account.HiddenRecoveryPoints, p.Region)
			switch {
			case len(us) > 0 && p.ResourceType != "":
				// Checked with the flags' type; what the recovery point
				// would have told (its vault, key, instance profile) is
				// unknown.
				p.pending = append(p.pending, pendingCause{unreadableCause(us[0], account.HiddenRecoveryPoints), "RecoveryPointARN"})
			case len(us) > 0:
				return backupops.Operation{}, p, nil, inputErr("recovery point %s is not in the snapshot, whose recovery points are unknown (%s was denied when it was taken): give --resource-type, --vault and --kms-key", p.RecoveryPointARN, us[0].API())
			default:
				return backupops.Operation{}, p, nil, inputErr("recovery point %s is not in the snapshot (leave out --recovery-point to check a what-if with --resource-type, --vault and --kms-key)", p.RecoveryPointARN)
			}
		}
	}
	if rp != nil {
		// What the recovery point records decides: a flag that says
		// otherwise would check another operation (a restore of an EC2
		// instance from an EBS snapshot), vault or key than the one the
		// recovery point is restored or copied with.
		if err := contradicts(rp, p, snap); err != nil {
			return backupops.Operation{}, p, nil, err
		}
		if p.ResourceType == "" && rp.ResourceType != "" {
			p.ResourceType = rp.ResourceType
			p.fromRecoveryPoint = append(p.fromRecoveryPoint, "ResourceType")
		}
		if p.VaultName == "" && rp.VaultName != "" {
			p.VaultName = rp.VaultName
			p.fromRecoveryPoint = append(p.fromRecoveryPoint, "VaultName")
		}
		if p.KeyARN == "" && rp.EncryptionKeyARN != "" {
			p.KeyARN = rp.EncryptionKeyARN
			p.fromRecoveryPoint = append(p.fromRecoveryPoint, "KeyARN")
		}
	}
	if strings.HasPrefix(p.VaultName, "arn:") {
		// The checked vault is the snapshot's account's in the checked
		// Region: a vault ARN of another account or Region is not
		// matched by its name to a vault the snapshot holds.
		given := p.VaultName
		p.VaultName = arn.LastField(given)
		if f, n := arn.Fields(given); n != 6 || f[4] != snap.AccountID || f[3] != p.Region {
			p.pending = append(p.pending, pendingCause{Cause{Kind: CauseUnknownVault, Subject: given, Flag: "--vault"}, "VaultName"})
		}
	}
	if k, ok := snap.KeyIn(p.KeyARN, p.Region); ok && p.KeyARN != k.ARN {
		// A key id or alias, of the checked Region: the requests name the
		// key's ARN.
		p.KeyARN = k.ARN
	}
	dsnap := snap
	if p.Org != nil && p.DestinationVaultARN != "" {
		if acct := arn.Account(p.DestinationVaultARN); acct != "" && acct != snap.AccountID {
			if ds, cause := p.Org.Account(acct); cause == nil {
				dsnap = ds
			}
		}
	}
	destRegion := p.Region
	if f, n := arn.Fields(p.DestinationVaultARN); n == 6 && f[3] != "" {
		destRegion = f[3]
	}
	if k, ok := dsnap.KeyIn(p.DestinationKeyARN, destRegion); ok && p.DestinationKeyARN != k.ARN {
		p.DestinationKeyARN = k.ARN
	}
	if p.DestinationKeyARN == "" && dsnap != snap {
		// The destination vault's key, from the destination account.
		if v, ok := dsnap.Vault(p.DestinationVaultARN); ok && v.EncryptionKeyARN != "" {
			p.DestinationKeyARN = v.EncryptionKeyARN
			notes = append(notes, Note{ID: "preflight.note.destination-key", Args: []string{v.ARN, v.EncryptionKeyARN}})
		}
	}
	if p.ResourceType != "" {
		rt, ok := backupops.NormalizeResourceType(p.ResourceType)
		if !ok {
			_, err := backupops.ForResourceType(backupops.VerbRestore, p.ResourceType)
			return backupops.Operation{}, p, nil, inputErr("--resource-type: %v", err)
		}
		p.ResourceType = rt
	}
	if p.InstanceProfile != "" {
		if p.InstanceRole != "" {
			return backupops.Operation{}, p, nil, inputErr("give --instance-profile or --instance-role, not both")
		}
		ip, ok := snap.InstanceProfile(p.InstanceProfile)
		role := ""
		if ok {
			role = instanceProfileRole(snap, p.InstanceProfile)
		}
		if role == "" {
			p.pending = append(p.pending, pendingCause{Cause{Kind: CauseUnknownInstanceProfile, Subject: p.InstanceProfile, Flag: "--instance-profile"}, "InstanceRoleARN"})
			p.InstanceRole = "unresolved"
		} else {
			p.InstanceRole = role
			notes = append(notes, Note{ID: "preflight.note.instance-profile.given", Args: []string{ip.Name, role}})
		}
	}
	id := name
	switch name {
	case "restore":
		p.chose = append(p.chose, "ResourceType")
		if p.ResourceType == "" {
			return backupops.Operation{}, p, nil, inputErr("restore needs --recovery-point or --resource-type")
		}
		op, err := backupops.ForResourceType(backupops.VerbRestore, p.ResourceType)
		if err != nil {
			return op, p, nil, inputErr("%v", err)
		}
		id = op.ID
		if p.ResourceType == "EC2" && rp != nil && p.InstanceRole == "" && rp.InstanceProfileName() == "" && len(rp.RestoreMetadata) == 0 {
			// Without its restore metadata, whether the recovery point
			// restores an instance profile is unknown.
			if us := snap.UnreadableFor(account.HiddenRestoreMetadata, p.Region); len(us) > 0 {
				p.causes = append(p.causes, unreadableCause(us[0], account.HiddenRestoreMetadata))
				p.InstanceRole = "unresolved"
			}
		}
		if p.ResourceType == "EC2" {
			p.chose = append(p.chose, "InstanceRoleARN")
			switch {
			case p.InstanceRole == InstanceRoleNone:
			case p.InstanceRole == InstanceRoleOriginal, p.InstanceRole == "" && rp != nil && rp.InstanceProfileName() != "":
				id = "restore/EC2/original-role"
			case p.InstanceRole != "":
				id = "restore/EC2/instance-role"
			}
		}
	case "backup":
		p.chose = append(p.chose, "ResourceType")
		if p.ResourceType == "" {
			return backupops.Operation{}, p, nil, inputErr("backup needs --resource-type")
		}
		op, err := backupops.ForResourceType(backupops.VerbBackup, p.ResourceType)
		if err != nil {
			return op, p, nil, inputErr("%v", err)
		}
		id = op.ID
	case "copy":
		p.chose = append(p.chose, "DestinationVaultARN")
		id = "copy/same-region"
		if f, n := arn.Fields(p.DestinationVaultARN); n == 6 {
			switch {
			case f[4] != "" && f[4] != p.Account:
				id = "copy/cross-account"
			case f[3] != "" && f[3] != p.Region:
				id = "copy/cross-region"
			}
		}
	case "create-vault":
		p.chose = append(p.chose, "KeyARN")
		if k, ok := snap.KeyIn(p.KeyARN, p.Region); ok && k.KeyManager == account.KeyManagerCustomer {
			id = "create-vault/cmk"
		}
	}
	op, ok := backupops.Lookup(id)
	if !ok {
		return op, p, nil, inputErr("unknown operation %q (known: %s, or an operation id such as restore/EC2)", id, strings.Join(Aliases, ", "))
	}
	if p.ResourceType == "" && op.ResourceType != "" {
		p.ResourceType = op.ResourceType
	}
	if rp != nil && op.ResourceType != "" {
		if want, ok := backupops.NormalizeResourceType(rp.ResourceType); ok && want != op.ResourceType {
			return op, p, nil, inputErr("operation %s restores or backs up %s, but recovery point %s is of type %s: give restore, which takes the operation from the recovery point (the %s one)", op.ID, op.ResourceType, rp.ARN, rp.ResourceType, want)
		}
	}
	if p.ResourceARN != "" && op.ResourceType != "" {
		if t, ok := representative[op.ResourceType]; ok && !sameResourceKind(p.ResourceARN, t) {
			return op, p, nil, inputErr("--resource-arn %s is not a resource of type %s (such as %s): give the operation of its type, or backup with --resource-type", p.ResourceARN, op.ResourceType, strings.NewReplacer("${P}", p.Partition, "${R}", p.Region, "${A}", snap.AccountID).Replace(t))
		}
	}
	if rt := p.ResourceType; rt != "" && op.ResourceType != "" && rt != op.ResourceType {
		// An operation id of one type with --resource-type of another
		// would judge its type-specific requests for the other.
		return op, p, nil, inputErr("operation %s restores or backs up %s, not --resource-type %s: give restore or backup with --resource-type, or leave it out", op.ID, op.ResourceType, rt)
	}
	switch id {
	case "restore/EC2/original-role":
		if p.InstanceRole != "" && p.InstanceRole != InstanceRoleOriginal {
			break
		}
		if rp == nil || rp.InstanceProfileName() == "" {
			return op, p, nil, inputErr("--instance-role original needs a --recovery-point whose restore metadata names an instance profile (or give --instance-profile NAME)")
		}
		ip := rp.InstanceProfileName()
		role := instanceProfileRole(snap, ip)
		if role == "" {
			p.causes = append(p.causes, Cause{Kind: CauseUnknownInstanceProfile, Subject: ip, Flag: "--recovery-point"})
			p.InstanceRole = ""
			break
		}
		p.InstanceRole = role
		notes = append(notes, Note{ID: "preflight.note.instance-profile", Args: []string{ip, role}})
	case "restore/EC2/instance-role":
		if p.InstanceRole == "unresolved" {
			p.InstanceRole = ""
			break
		}
		if !strings.HasPrefix(p.InstanceRole, "arn:") {
			return op, p, nil, inputErr("--instance-role must be original, none or a role ARN, not %q (an instance profile name goes in --instance-profile)", p.InstanceRole)
		}
	}
	whatIf(&p, op)
	p.used = usedBy(op, p)
	// A parameter the operation does not read is ignored (IgnoredFlags):
	// what is unknown of it is no cause, nor the instance profile's role a
	// note.
	for _, pc := range p.pending {
		if p.used[pc.param] {
			p.causes = append(p.causes, pc.Cause)
		}
	}
	p.pending = nil
	if !p.used["InstanceRoleARN"] {
		kept := notes[:0]
		for _, n := range notes {
			if n.ID != "preflight.note.instance-profile.given" {
				kept = append(kept, n)
			}
		}
		notes = kept
	}
	return op, p, notes, nil
}

// whatIf fills, for an operation on a resource that need not exist (a
// what-if), the ARNs the parameters do not give with representative ones
// built from them, and records which.
func whatIf(p *Params, op backupops.Operation) {
	uses := map[string]bool{}
	for _, q := range op.Params {
		uses[q] = true
	}
	if uses["RecoveryPointARN"] && p.RecoveryPointARN == "" && op.ID != "collect" {
		p.RecoveryPointARN = fmt.Sprintf("arn:%s:backup:%s:%s:recovery-point:what-if", p.Partition, p.Region, p.Account)
		p.whatIf = append(p.whatIf, "recoveryPoint")
	}
	if uses["ResourceARN"] && p.ResourceARN == "" {
		if t, ok := representative[op.ResourceType]; ok {
			p.ResourceARN = strings.NewReplacer("${P}", p.Partition, "${R}", p.Region, "${A}", p.Account).Replace(t)
			p.whatIf = append(p.whatIf, "resourceArn")
		}
	}
}

// representative are the ARNs of a protected resource of each type that a
// what-if backup checks against (${P}artition, ${R}egion, ${A}ccount).
var representative = map[string]string{
	"EC2":            "arn:${P}:ec2:${R}:${A}:instance/i-00000000000000000",
	"EBS":            "arn:${P}:ec2:${R}:${A}:volume/vol-00000000000000000",
	"RDS":            "arn:${P}:rds:${R}:${A}:db:what-if",
	"Aurora":         "arn:${P}:rds:${R}:${A}:cluster:what-if",
	"DocumentDB":     "arn:${P}:rds:${R}:${A}:cluster:what-if",
	"Neptune":        "arn:${P}:rds:${R}:${A}:cluster:what-if",
	"DynamoDB":       "arn:${P}:dynamodb:${R}:${A}:table/what-if",
	"EFS":            "arn:${P}:elasticfilesystem:${R}:${A}:file-system/fs-00000000",
	"FSx":            "arn:${P}:fsx:${R}:${A}:file-system/fs-00000000000000000",
	"S3":             "arn:${P}:s3:::what-if",
	"StorageGateway": "arn:${P}:storagegateway:${R}:${A}:gateway/sgw-00000000/volume/vol-00000000",
	"VMware":         "arn:${P}:backup-gateway:${R}:${A}:vm/vm-00000000",
	"CloudFormation": "arn:${P}:cloudformation:${R}:${A}:stack/what-if/00000000-0000-0000-0000-000000000000",
	"Timestream":     "arn:${P}:timestream:${R}:${A}:database/what-if/table/what-if",
	"SAPHANA":        "arn:${P}:ssm-sap:${R}:${A}:HANA/what-if/DB/what-if",
	"Redshift":       "arn:${P}:redshift:${R}:${A}:cluster:what-if",
}

// sameResourceKind reports whether the ARN s names a resource of the kind
// of the representative ARN template t: the same service and the same
// resource kind (the resource's text up to its first '/' or ':', such as
// volume or db; none for an S3 bucket). An ARN that does not parse is
// left to the requests to judge.
func sameResourceKind(s, t string) bool {
	a, n := arn.Fields(s)
	b, m := arn.Fields(t)
	if n != 6 || m != 6 {
		return true
	}
	kind := func(r string) string {
		if i := strings.IndexAny(r, "/:"); i >= 0 {
			return r[:i]
		}
		return ""
	}
	return a[2] == b[2] && kind(a[5]) == kind(b[5])
}

// ValidateOperation checks an operation name (an alias or an operation ID)
// without a snapshot, suggesting the closest names.
func ValidateOperation(name string) error {
	if name == "collect" {
		return nil
	}
	for _, a := range Aliases {
		if a == name {
			return nil
		}
	}
	if _, ok := backupops.Lookup(name); ok {
		return nil
	}
	cands := append([]string(nil), Aliases...)
	for _, op := range backupops.All() {
		cands = append(cands, op.ID)
	}
	msg := fmt.Sprintf("unknown operation %q", name)
	if s := backupops.Suggest(name, cands); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(s, " or "))
	}
	return inputErr("%s; known: %s, or an operation id such as restore/EC2 (denied check --list shows them all)", msg, strings.Join(Aliases, ", "))
}

func instanceProfileRole(snap *account.Snapshot, name string) string {
	for _, ip := range snap.InstanceProfiles {
		n := ip.Name
		if n == "" {
			n = arn.Name(ip.ARN)
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

// paramFlags names the command-line flag of each backupops parameter, for
// could-not-check causes.
var paramFlags = map[string]string{
	"Partition":           "--partition",
	"Region":              "--region",
	"Account":             "--account",
	"VaultName":           "--vault",
	"KeyARN":              "--kms-key",
	"RoleARN":             "--role",
	"InstanceRoleARN":     "--instance-role or --instance-profile",
	"RecoveryPointARN":    "--recovery-point",
	"ResourceARN":         "--resource-arn",
	"PlanID":              "--plan-id",
	"ScanRoleARN":         "--scan-role",
	"DestinationVaultARN": "--destination-vault",
	"DestinationKeyARN":   "--destination-kms-key",
	"DestinationRegion":   "--destination-region",
	"DestinationAccount":  "--destination-account",
	"ChangeableForDays":   "--changeable-for-days",
	"MinRetentionDays":    "--min-retention-days",
	"MaxRetentionDays":    "--max-retention-days",
}

// FlagOf returns the flag that gives a backupops parameter.
func FlagOf(param string) string {
	if f, ok := paramFlags[param]; ok {
		return f
	}
	return param
}

func missingCause(param string) Cause {
	return Cause{Kind: CauseMissingParameter, Subject: param, Flag: FlagOf(param)}
}

// Check evaluates every request of op with p (completed by Resolve) in
// snap. Requests whose inputs are unknown are CouldNotCheck with a Cause;
// the report's Status is denied when one request is denied, else
// couldNotCheck when one could not be checked, else allowed.
func Check(snap *account.Snapshot, op backupops.Operation, p Params) Report {
	rep := Report{SchemaVersion: SchemaVersion, Operation: op.ID, Title: op.Title, Account: p.Account, Region: p.Region,
		Caller: p.Caller, Role: p.RoleARN, Sources: op.Sources, Results: []Result{}}
	bp := backupops.Params{Partition: p.Partition, Region: p.Region, Account: p.Account, VaultName: p.VaultName,
		KeyARN: p.KeyARN, RoleARN: p.RoleARN, RecoveryPointARN: p.RecoveryPointARN, ResourceARN: p.ResourceARN,
		DestinationVaultARN: p.DestinationVaultARN, DestinationKeyARN: p.DestinationKeyARN,
		DestinationRegion: p.DestinationRegion, DestinationAccount: p.DestinationAccount, PlanID: p.PlanID, ScanRoleARN: p.ScanRoleARN,
		ChangeableForDays: p.ChangeableForDays, MinRetentionDays: p.MinRetentionDays, MaxRetentionDays: p.MaxRetentionDays}
	if strings.HasPrefix(p.InstanceRole, "arn:") {
		bp.InstanceRoleARN = p.InstanceRole
	}
	rep.Parameters = map[string]string{}
	for k, v := range map[string]struct{ param, value string }{"vault": {"VaultName", p.VaultName}, "kmsKey": {"KeyARN", p.KeyARN},
		"recoveryPoint": {"RecoveryPointARN", p.RecoveryPointARN}, "resourceType": {"ResourceType", p.ResourceType},
		"instanceRole": {"InstanceRoleARN", bp.InstanceRoleARN}, "instanceProfile": {"InstanceRoleARN", p.InstanceProfile},
		"resourceArn": {"ResourceARN", p.ResourceARN}, "destinationVault": {"DestinationVaultARN", p.DestinationVaultARN},
		"destinationKmsKey": {"DestinationKeyARN", p.DestinationKeyARN}} {
		// A parameter the operation does not read is not one it was
		// checked with (Resolve sets used; without it, every one given).
		if v.value != "" && (p.used == nil || p.used[v.param]) {
			rep.Parameters[k] = v.value
		}
	}
	if p.used != nil && !p.used["RoleARN"] {
		rep.Role = ""
	}
	rep.Causes = append(rep.Causes, p.causes...)
	for _, w := range p.whatIf {
		rep.Notes = append(rep.Notes, Note{ID: "preflight.note.what-if", Args: []string{w, rep.Parameters[w]}})
	}
	// A resource-based policy no snapshot holds (an S3 bucket's, ...) is
	// not taken as absent: see unheldPolicy.
	c := checker{snap: snap, p: p, op: op, unheld: true}
	for i, r := range op.ExpandEach(bp) {
		res := Result{Principal: r.Principal, PrincipalARN: r.PrincipalARN, Action: r.Action, Resource: r.Resource,
			Context: r.Context, When: r.When, Inferred: r.Inferred}
		id := fmt.Sprintf("%s#%d", op.ID, i+1)
		switch {
		case !applies(r, p):
			res.Verdict, res.Skip = Skipped, "preflight.skip.when"
		case len(r.Missing) > 0:
			res.couldNotCheck(c.missing(r.Missing[0]))
			for _, m := range r.Missing[1:] {
				rep.Causes = append(rep.Causes, c.missing(m))
			}
		case r.Principal == backupops.Caller:
			if p.Caller == "" {
				res.couldNotCheck(missingCause("Caller"))
				res.Cause.Flag = "--as"
				break
			}
			res.PrincipalARN = p.Caller
			c.evaluate(&res, p.Caller, p.Caller, "")
			unheldPolicy(&res, snap.AccountID)
		case r.Principal == backupops.JobRole:
			if p.RoleARN == "" {
				res.couldNotCheck(missingCause("RoleARN"))
				break
			}
			role, ok := snap.Role(p.RoleARN)
			if !ok {
				res.couldNotCheck(c.unknownRole(p.RoleARN, "--role"))
				break
			}
			c.evaluate(&res, sessionARN(p.Partition, p.Account, role.Name), role.ARN, role.ARN)
			unheldPolicy(&res, snap.AccountID)
		default:
			c.serviceLinked(&res, id)
		}
		rep.Results = append(rep.Results, res)
	}
	var decide []backupops.Condition
	for _, cd := range op.Conditions {
		switch {
		case cd.Decide == backupops.Listed || !c.conditionApplies(cd):
			rep.ToVerify = append(rep.ToVerify, Condition{Kind: cd.Kind, Text: cd.Text, When: cd.When, Inferred: cd.Inferred})
		case cd.Decide == backupops.DecideTrust:
			if role, ok := snap.Role(p.RoleARN); ok {
				rep.Results = append(rep.Results, c.trust(role))
			}
			// An unknown or missing role already makes the job role's
			// requests could-not-check.
		default:
			decide = append(decide, cd)
		}
	}
	for _, cd := range decide {
		rep.Conditions = append(rep.Conditions, c.decide(cd, rep.Results))
	}
	rep.ToVerify = append(rep.ToVerify, unheldToVerify(rep.Results)...)
	rep.tally()
	return rep
}

// unheldToVerify lists, once each, the resource-based policies no
// snapshot holds (account.UnheldPolicy) of the requests whose denial
// stands (an explicit deny, an SCP's or RCP's, the caller's side across
// accounts: unheldPolicy): nothing else of the report says that AWS
// evaluates them too. A request that could not be checked for one has
// it as its cause.
func unheldToVerify(results []Result) []Condition {
	var out []Condition
	seen := map[string]bool{}
	for _, r := range results {
		if !r.Denied() {
			continue
		}
		kind, holder, ok := account.UnheldPolicy(r.Resource)
		if !ok || strings.ContainsAny(holder, "*?") || seen[holder] {
			continue
		}
		seen[holder] = true
		ck := "resourcePolicy"
		if kind == account.PolicyBucket || kind == account.PolicyAccessPoint {
			ck = backupops.KindBucketPolicy
		}
		out = append(out, Condition{Kind: ck, Policy: kind, Subject: holder,
			Text: "No snapshot holds " + policyNoun(kind, holder) + ": it must not deny the requests on it (across accounts it must also allow them); the fix plans above are verified without it."})
	}
	return out
}

// missing is the cause of a missing parameter; an instance role Resolve
// could not resolve gives its own cause.
func (c checker) missing(param string) Cause {
	if param == "InstanceRoleARN" {
		for _, k := range c.p.causes {
			if k.Kind == CauseUnknownInstanceProfile || k.Hides == account.HiddenRestoreMetadata {
				return k
			}
		}
	}
	return missingCause(param)
}

// unknownRole is the cause of a role ARN (or name) the snapshot lacks: the
// IAM data was unreadable, or the role is unknown; a name given instead of
// an ARN suggests the ARN.
func (c checker) unknownRole(given, flag string) Cause {
	return UnknownRole(c.snap, c.p.Partition, given, flag)
}

// UnknownRole is the cause of a role ARN (or name) given with flag that
// snap lacks, as check reports it: the IAM data was unreadable, or the
// role is unknown, with the role it likely means (the ARN of a role given
// by name, in partition, or the closest name: a typo). audit reports its
// --role with it.
func UnknownRole(snap *account.Snapshot, partition, given, flag string) Cause {
	if us := snap.UnreadableFor(account.HiddenIAM, ""); len(us) > 0 {
		return unreadableCause(us[0], account.HiddenIAM)
	}
	cause := Cause{Kind: CauseUnknownRole, Subject: given, Flag: flag}
	if !strings.HasPrefix(given, "arn:") {
		if r, ok := snap.RoleByName(given); ok {
			cause.Suggestion = r.ARN
		} else {
			if partition == "" {
				partition = "aws"
			}
			cause.Suggestion = fmt.Sprintf("arn:%s:iam::%s:role/%s", partition, snap.AccountID, given)
		}
		return cause
	}
	name := arn.Name(given)
	var names []string
	byName := map[string]string{}
	for _, r := range snap.Roles {
		names = append(names, r.Name)
		byName[r.Name] = r.ARN
	}
	if s := backupops.Suggest(name, names); len(s) > 0 {
		cause.Suggestion = byName[s[0]]
	}
	return cause
}

func unreadableCause(u account.Unreadable, h account.Hidden) Cause {
	return Cause{Kind: CauseUnreadable, API: u.API(), Hides: h, Error: u.Error}
}

// serviceLinked evaluates a request of AWSServiceRoleForBackup when the
// snapshot holds the role (same account), else reports it unknown.
func (c checker) serviceLinked(res *Result, id string) {
	snap, cause := c.snapOf(arn.Account(res.PrincipalARN))
	if cause != nil {
		res.couldNotCheck(*cause)
		return
	}
	role, ok := snap.Role(res.PrincipalARN)
	if res.PrincipalARN == "" || !ok {
		subject := res.PrincipalARN
		if subject == "" {
			subject = "AWSServiceRoleForBackup"
		}
		cause := Cause{Kind: CauseUnknownRole, Subject: subject, Flag: "--destination-vault"}
		if us := snap.UnreadableFor(account.HiddenIAM, ""); len(us) > 0 && arn.Account(res.PrincipalARN) == snap.AccountID {
			cause = unreadableCause(us[0], account.HiddenIAM)
		}
		res.couldNotCheck(cause)
		return
	}
	c.evaluate(res, role.ARN, role.ARN, role.ARN)
}

// applies reports whether a conditional requirement applies, from its
// typed circumstance: KMS requirements when their key is given (ExpandEach
// left them out otherwise), per-type ones when the type is the resource
// type; options of the request that the parameters do not tell (tags given,
// tag-based selection, ...) do not apply.
func applies(r backupops.ConcreteRequest, p Params) bool {
	switch r.Applies {
	case backupops.Always, backupops.OnKey, backupops.OnDestinationKey, backupops.OnParameter:
		return true
	case backupops.OnResourceType:
		for _, t := range r.Types {
			if t == p.ResourceType {
				return true
			}
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
	op   backupops.Operation
	// unheld: a request across accounts whose resource carries a policy
	// no snapshot holds (account.UnheldPolicy) is evaluated with a
	// stand-in for it that allows everything, so that the verdict is the
	// caller's side's (EvaluateRequest).
	unheld bool
}

// snapOf returns the snapshot that holds the principals and resources of
// account acct: the checked account's own; with an organization view,
// the other account's (or the cause it is unknown). Without one, the
// checked account's snapshot answers for every account: its lookups of
// another account's resources find nothing, and the requests that need
// them are could-not-check.
func (c checker) snapOf(acct string) (*account.Snapshot, *Cause) {
	if acct == "" || acct == c.snap.AccountID || c.p.Org == nil {
		return c.snap, nil
	}
	return c.p.Org.Account(acct)
}

func (c checker) opts() eval.Options { return eval.Options{Now: c.p.Now, Cache: c.p.Cache} }

// evaluate builds the case of res for principal (whose policies are those
// of policyPrincipal), evaluates it and, when denied, plans the fix. Inputs
// the snapshot lacks make the result CouldNotCheck: an unknown principal,
// key or vault, a policy an unreadable call hides; so does a verdict that
// the policies an unreadable call may have left out of the principal's
// (account.Incomplete: its identity policies, boundary, SCPs, the
// resource account's RCPs) could change (see incomplete).
func (c checker) evaluate(res *Result, principal, policyPrincipal, roleARN string) {
	cs := &eval.Input{Request: eval.Request{Principal: principal, Action: res.Action, Resource: res.Resource}}
	if c.snap.Organization != nil {
		cs.ManagementAccount = c.snap.Organization.ManagementAccountID
	}
	ctx := map[string][]string{}
	for k, v := range res.Context {
		ctx[k] = []string{v}
	}
	if roleARN != "" {
		ctx["aws:PrincipalArn"] = []string{roleARN}
	}
	if _, given := ctx["aws:RequestedRegion"]; !given {
		if r := requestedRegion(res.Action, res.Resource, c.p.Region, c.p.Partition); r != "" {
			ctx["aws:RequestedRegion"] = []string{r}
		}
	}
	if len(ctx) > 0 {
		cs.Request.Context = ctx
	}
	resAcct := arn.Account(res.Resource)
	if res.Resource == "*" || resAcct == "" {
		resAcct = c.snap.AccountID
	}
	cs.Request.ResourceAccount = resAcct
	ps, pcause := c.snapOf(arn.Account(policyPrincipal))
	if pcause != nil {
		res.couldNotCheck(*pcause)
		return
	}
	rs, rcause := c.snapOf(resAcct)
	if rcause != nil {
		res.couldNotCheck(*rcause)
		return
	}
	if _, isRole := ps.Role(policyPrincipal); !isRole {
		if _, isUser := ps.User(policyPrincipal); !isUser {
			cause := Cause{Kind: CauseUnknownPrincipal, Subject: policyPrincipal, Flag: "--as"}
			if us := ps.UnreadableFor(account.HiddenIAM, ""); len(us) > 0 {
				cause = unreadableCause(us[0], account.HiddenIAM)
			}
			res.couldNotCheck(cause)
			if cause.Kind == CauseUnknownPrincipal {
				res.Skip = "preflight.skip.unknown-principal"
			}
			return
		}
	}
	pol, err := ps.PrincipalPolicies(policyPrincipal)
	if err != nil {
		res.evalError(err)
		return
	}
	cs.Identity, cs.Boundary, cs.SCPs = pol.Identity, pol.Boundary, pol.SCPs
	// The resource account's RCPs apply too, but to an AWS managed key:
	// "Resource control policies in your organization do not apply to
	// AWS managed keys" (AWS KMS Developer Guide, Resource control
	// policies in AWS KMS).
	gaps := pol.Incomplete
	if !awsManagedKey(rs, res.Action, res.Resource, c.p.Region) {
		gaps = append(gaps, rs.RCPIncomplete(resAcct)...)
		rcps, err := rs.RCPLevels(resAcct)
		if err != nil {
			res.evalError(err)
			return
		}
		cs.RCPs = account.Levels(rcps)
	}
	if res.Action == "iam:PassRole" {
		// Passing a role the snapshot lacks: a typo, or a name instead
		// of an ARN; any verdict would be about a role that may not exist.
		if _, ok := c.snap.Role(res.Resource); !ok {
			flag := "--role"
			switch res.Resource {
			case c.p.InstanceRole:
				flag = "--instance-role"
			case c.p.ScanRoleARN:
				flag = "--scan-role"
			}
			res.couldNotCheck(c.unknownRole(res.Resource, flag))
			return
		}
	}
	fo := fix.Options{Now: c.p.Now, RoleARN: roleARN, Cache: c.p.Cache, Memo: c.p.Plans}
	unknown, cause := c.resourcePolicy(res, cs, &fo, rs)
	if unknown {
		res.couldNotCheck(cause)
		return
	}
	if c.unheld && cs.Resource == nil && arn.Account(policyPrincipal) != resAcct {
		if _, holder, ok := account.UnheldPolicy(res.Resource); ok && !strings.ContainsAny(holder, "*?") {
			cs.Resource = standIn(holder)
		}
	}
	if res.Action == "iam:PassRole" && strings.HasPrefix(c.p.InstanceRole, "arn:") && res.Resource == c.p.InstanceRole {
		fo.InstanceProfile = instanceProfileOf(c.snap, res.Resource)
	}
	c.run(res, cs, fo)
	incomplete(res, gaps)
}

// incomplete makes res could-not-check when gaps (what unreadable calls
// hid of its policies) leave its verdict unproven
// (account.Incomplete.Unproven): an allowance, an implicit deny of an
// identity policy or an SCP level the snapshot may not hold in full. A
// denial that stands (an explicit deny of a policy it holds, the implicit
// deny of a boundary or key policy it holds) keeps its deciding
// statements, not its fix plan: one verified against incomplete policies
// proves nothing, and FixWithheld says so, naming each gap's call.
func incomplete(res *Result, gaps account.Incomplete) {
	if len(gaps) == 0 {
		return
	}
	var d authz.Decision
	switch res.Verdict {
	case Allowed:
		d = authz.Allowed
	case ExplicitDeny:
		d = authz.ExplicitDeny
	case ImplicitDeny:
		d = authz.ImplicitDeny
	default:
		return // could-not-check already says why
	}
	l, known := authz.ParseLayer(res.Layer)
	if !known && d == authz.ImplicitDeny {
		// A denial of no known layer: nothing says it stands.
		res.couldNotCheck(unreadableCause(gaps[0].Call, gaps[0].Hidden))
		return
	}
	if g, ok := gaps.Unproven(d, l); ok {
		res.couldNotCheck(unreadableCause(g.Call, g.Hidden))
		return
	}
	res.Plan = nil
	g := gaps[0]
	res.FixWithheld = &Withheld{Reason: WithheldUnreadable, API: g.Call.API(), Hides: g.Hidden, Error: g.Call.Error}
	seen := map[string]bool{}
	for _, g := range gaps {
		if c := (WithheldCall{API: g.Call.API(), Hides: g.Hidden, Error: g.Call.Error}); !seen[c.API] {
			// One per call: the SCP and RCP gaps of one Organizations
			// call are the same call.
			seen[c.API] = true
			res.FixWithheld.Calls = append(res.FixWithheld.Calls, c)
		}
	}
}

// requestedRegion is the aws:RequestedRegion every AWS request carries:
// the Region of the resource when its ARN names one, else the operation's
// Region; the global services IAM and Organizations have their one
// endpoint in us-east-1 in the aws partition ("IAM calls are always made
// to the us-east-1 Region", IAM User Guide, aws:RequestedRegion), except
// iam:PassRole, which is no call of its own but part of the call that
// passes the role. Without it a Region-fence SCP (Deny ... StringNotEquals
// aws:RequestedRegion) would deny every request, the key being absent.
func requestedRegion(action, resource, region, partition string) string {
	service, _, _ := strings.Cut(action, ":")
	if (service == "iam" && action != "iam:PassRole" || service == "organizations") && (partition == "" || partition == "aws") {
		return "us-east-1"
	}
	if a, ok := arn.Parse(resource); ok && a.Region != "" {
		return a.Region
	}
	return region
}

// evalError makes res could-not-check for an error of the engine or of
// the snapshot's data (a managed policy it lacks, say).
func (res *Result) evalError(err error) {
	res.Verdict, res.Error = Error, err.Error()
	res.Cause = &Cause{Kind: CauseEvaluation, Error: err.Error()}
}

// resourcePolicy attaches the resource policy of res to cs: the KMS key's
// policy, the backup vault's access policy (for a request on the vault or
// on a recovery point in it), a role's trust policy (sts:AssumeRole). It
// reports a resource the snapshot lacks, or whose policy an unreadable call
// hides. snap is the snapshot of the resource's account.
func (c checker) resourcePolicy(res *Result, cs *eval.Input, fo *fix.Options, snap *account.Snapshot) (bool, Cause) {
	region := c.p.Region
	switch {
	case strings.HasPrefix(res.Action, "kms:") && res.Resource != "*":
		k, ok := snap.KeyIn(res.Resource, region)
		if !ok {
			if us := snap.UnreadableFor(account.HiddenKMSKeys, region); len(us) > 0 {
				return true, unreadableCause(us[0], account.HiddenKMSKeys)
			}
			flag := "--kms-key"
			if res.Resource == c.p.DestinationKeyARN {
				flag = "--destination-kms-key"
			}
			return true, Cause{Kind: CauseUnknownKey, Subject: res.Resource, Flag: flag}
		}
		if len(k.Policy) == 0 {
			if us := snap.UnreadableFor(account.HiddenKeyPolicies, region); len(us) > 0 {
				return true, unreadableCause(us[0], account.HiddenKeyPolicies)
			}
			return false, Cause{}
		}
		cs.Resource = &eval.Doc{Name: k.ARN, Text: k.Policy}
		res.ResourcePolicy = string(fix.TargetKeyPolicy)
		fo.KeyID = k.ARN
	case res.Action == "sts:AssumeRole":
		r, ok := snap.Role(res.Resource)
		if !ok {
			if !strings.Contains(res.Resource, ":role/") {
				return false, Cause{}
			}
			// A role the snapshot lacks: its trust policy, which must
			// allow the caller, is unknown (evaluated without one, every
			// AssumeRole read "implicitly denied by the resource-based
			// policy", exit 1, for a role that may well trust the caller).
			return true, c.unknownRole(res.Resource, "--role")
		}
		cs.Resource = &eval.Doc{Name: r.ARN, Text: r.TrustPolicy}
		res.ResourcePolicy = string(fix.TargetTrustPolicy)
	case strings.HasPrefix(res.Action, "backup:") && isPlanARN(res.Resource):
		// A request on a backup plan (CreateBackupSelection): the plan
		// has no resource policy, but one the snapshot does not hold
		// does not exist, as far as it knows.
		if _, ok := snap.PlanIn(arn.LastField(res.Resource), region); ok {
			return false, Cause{}
		}
		if us := snap.UnreadableFor(account.HiddenPlans, region); len(us) > 0 {
			return true, unreadableCause(us[0], account.HiddenPlans)
		}
		return true, c.unknownPlan(arn.LastField(res.Resource), region)
	case strings.HasPrefix(res.Action, "backup:"):
		ref, flag := c.vaultOf(res.Resource)
		if ref == "" && isRecoveryPointARN(res.Action, res.Resource) {
			// A recovery point no flag gave (explain's and jobs'
			// requests): its vault's access policy is the resource
			// policy, so one the snapshot lacks leaves it unknown.
			rp, cause := recoveryPointIn(snap, res.Resource)
			if rp == nil {
				return true, cause
			}
			ref, flag = rp.VaultName, "--recovery-point"
			if r := rp.Region(); r != "" {
				region = r
			}
		}
		if ref == "" {
			return false, Cause{}
		}
		v, ok := snap.VaultIn(ref, region)
		if !ok {
			if strings.HasPrefix(c.op.ID, "create-vault") {
				return false, Cause{}
			}
			if us := snap.UnreadableFor(account.HiddenVaults, region); len(us) > 0 {
				return true, unreadableCause(us[0], account.HiddenVaults)
			}
			return true, Cause{Kind: CauseUnknownVault, Subject: ref, Flag: flag}
		}
		if len(v.AccessPolicy) == 0 {
			if us := snap.UnreadableFor(account.HiddenVaultPolicies, region); len(us) > 0 {
				return true, unreadableCause(us[0], account.HiddenVaultPolicies)
			}
			return false, Cause{}
		}
		cs.Resource = &eval.Doc{Name: v.ARN, Text: v.AccessPolicy}
		res.ResourcePolicy = string(fix.TargetVaultPolicy)
	}
	return false, Cause{}
}

// isRecoveryPointARN reports whether a request of action (backup:*) on
// resource is on one AWS Backup recovery point named by its ARN, not a
// pattern (recovery-point:* of those a backup job creates): a recovery
// point AWS Backup stores itself
// (arn:aws:backup:REGION:ACCOUNT:recovery-point:ID), or, for the
// actions that act on a recovery point (StartRestoreJob, StartCopyJob,
// ...), the ARN of the resource AWS Backup keeps it as, which is its
// recovery point ARN (RecoveryPointArn of ListRecoveryPointsByBackupVault,
// StartRestoreJob and StartCopyJob): an EBS snapshot
// (arn:aws:ec2:REGION::snapshot/snap-...), an EC2 image
// (arn:aws:ec2:REGION::image/ami-...), an RDS or Aurora snapshot
// (arn:aws:rds:REGION:ACCOUNT:snapshot:awsbackup:job-...,
// cluster-snapshot:awsbackup:job-...), ... An ec2: or rds: action on the
// same ARN is a request on that resource, not on a recovery point.
func isRecoveryPointARN(action, resource string) bool {
	f, n := arn.Fields(resource)
	if n != 6 || strings.ContainsAny(resource, "*?") {
		return false
	}
	if f[2] == "backup" {
		return strings.HasPrefix(f[5], "recovery-point:")
	}
	return recoveryPointActions[action]
}

// recoveryPointActions are the AWS Backup actions whose resource is a
// recovery point (Service Authorization Reference, AWS Backup: resource
// type recoveryPoint), whatever the ARN it is named by.
var recoveryPointActions = map[string]bool{
	"backup:StartRestoreJob":                     true,
	"backup:StartCopyJob":                        true,
	"backup:CopyFromBackupVault":                 true,
	"backup:DeleteRecoveryPoint":                 true,
	"backup:DescribeRecoveryPoint":               true,
	"backup:GetRecoveryPointRestoreMetadata":     true,
	"backup:UpdateRecoveryPointLifecycle":        true,
	"backup:DisassociateRecoveryPoint":           true,
	"backup:DisassociateRecoveryPointFromParent": true,
	"backup:GetRecoveryPointIndexDetails":        true,
	"backup:UpdateRecoveryPointIndexSettings":    true,
}

// recoveryPointIn returns the recovery point of snap with this ARN, or
// why it is not known: the snapshot's recovery points of its Region
// unreadable, or it lacks it (a mistyped or deleted one, one of another
// Region: AWS answers a request on a recovery point that does not exist
// with ResourceNotFoundException, and which vault's access policy
// governs it is unknown).
func recoveryPointIn(snap *account.Snapshot, rpARN string) (*account.RecoveryPoint, Cause) {
	for i := range snap.RecoveryPoints {
		if snap.RecoveryPoints[i].ARN == rpARN {
			return &snap.RecoveryPoints[i], Cause{}
		}
	}
	region := ""
	if a, ok := arn.Parse(rpARN); ok {
		region = a.Region
	}
	if us := snap.UnreadableFor(account.HiddenRecoveryPoints, region); len(us) > 0 {
		return nil, unreadableCause(us[0], account.HiddenRecoveryPoints)
	}
	return nil, Cause{Kind: CauseUnknownRecoveryPoint, Subject: rpARN, Flag: "--recovery-point"}
}

// awsManagedKey reports whether a KMS request acts on a key snap holds
// as AWS managed (in region, or the key ARN's).
func awsManagedKey(snap *account.Snapshot, action, resource, region string) bool {
	if !strings.HasPrefix(action, "kms:") || resource == "*" {
		return false
	}
	k, ok := snap.KeyIn(resource, region)
	return ok && k.KeyManager == account.KeyManagerAWS
}

// isPlanARN reports whether resource is the ARN of a backup plan.
func isPlanARN(resource string) bool {
	f, n := arn.Fields(resource)
	return n == 6 && f[2] == "backup" && strings.HasPrefix(f[5], "backup-plan:")
}

// unknownPlan is the cause of a plan id (--plan-id) that the snapshot's
// plans in region lack, with the id it likely means: that of the plan the
// value names (a name given for an id), or the closest id (a typo).
func (c checker) unknownPlan(id, region string) Cause {
	cause := Cause{Kind: CauseUnknownPlan, Subject: id, Flag: "--plan-id"}
	var ids []string
	for i := range c.snap.BackupPlans {
		pl := &c.snap.BackupPlans[i]
		if r := pl.Region(); r != "" && r != region {
			continue
		}
		if pl.Name == id {
			cause.Suggestion = pl.ID
			return cause
		}
		ids = append(ids, pl.ID)
	}
	if s := backupops.Suggest(id, ids); len(s) > 0 {
		cause.Suggestion = s[0]
	}
	return cause
}

// contradicts returns the usage error of a --resource-type, --vault or
// --kms-key that is not what the recovery point rp records (its type, its
// vault, the key it is encrypted with), nil when each agrees or is not
// given.
func contradicts(rp *account.RecoveryPoint, p Params, snap *account.Snapshot) error {
	if p.ResourceType != "" {
		given, ok1 := backupops.NormalizeResourceType(p.ResourceType)
		want, ok2 := backupops.NormalizeResourceType(rp.ResourceType)
		if ok1 && ok2 && given != want {
			return inputErr("--resource-type %s is not the type of recovery point %s (%s): leave out --resource-type, the recovery point gives it", p.ResourceType, rp.ARN, rp.ResourceType)
		}
	}
	if v := p.VaultName; v != "" && rp.VaultName != "" {
		name := v
		if strings.HasPrefix(v, "arn:") {
			name = arn.LastField(v)
		}
		if name != rp.VaultName {
			return inputErr("--vault %s is not the vault of recovery point %s (%s): leave out --vault, the recovery point gives it", v, rp.ARN, rp.VaultName)
		}
	}
	if k := p.KeyARN; k != "" && rp.EncryptionKeyARN != "" && k != rp.EncryptionKeyARN {
		region := rp.Region()
		given, ok1 := snap.KeyIn(k, region)
		want, ok2 := snap.KeyIn(rp.EncryptionKeyARN, region)
		if !ok1 || !ok2 || given.ARN != want.ARN {
			return inputErr("--kms-key %s is not the key recovery point %s is encrypted with (%s): leave out --kms-key, the recovery point gives it", k, rp.ARN, rp.EncryptionKeyARN)
		}
	}
	return nil
}

// vaultOf returns the vault (name or ARN) a backup request acts on, and the
// flag that names it: the vault ARN itself, the destination vault of a
// copy, or the vault holding the recovery point.
func (c checker) vaultOf(resource string) (string, string) {
	switch {
	case resource == c.p.DestinationVaultARN && resource != "":
		return resource, "--destination-vault"
	case strings.Contains(resource, ":backup-vault:"):
		return resource, "--vault"
	case resource != "" && resource == c.p.RecoveryPointARN && c.p.VaultName != "":
		return c.p.VaultName, "--vault"
	}
	return "", ""
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

func (c checker) run(res *Result, in *eval.Input, fo fix.Options) {
	if o := c.p.Outcomes; o != nil {
		k := o.key(in, fo)
		if o.get(k, res) {
			return
		}
		c.eval(res, in, fo)
		o.put(k, in, res)
		return
	}
	c.eval(res, in, fo)
}

// eval evaluates in for res and, when denied, plans the fix.
func (c checker) eval(res *Result, in *eval.Input, fo fix.Options) {
	// eval.Run, keeping the prepared input for the fix plan.
	pr, err := eval.Prepare(in, c.opts())
	if err != nil {
		res.evalError(err)
		return
	}
	out := pr.Evaluate()
	res.Verdict = out.Decision.String()
	if res.Verdict == Allowed {
		return
	}
	res.Layer = out.Layer.String()
	res.Deciding = eval.StatementRefs(out.Deciding)
	res.Message = out.Message
	pl := fix.PlanFor(fix.Problem{Input: in, Layer: res.Layer, Explicit: out.Decision == authz.ExplicitDeny, Deciding: res.Deciding, Prepared: pr}, fo)
	res.Plan = &pl
}

// trust checks that backup.amazonaws.com may assume the job role.
// Trust checks that backup.amazonaws.com may assume role (its trust
// policy, evaluated for sts:AssumeRole), with a verified fix plan when it
// may not: the one trust check of check and audit; now and cache are as
// in Params.
func Trust(role *account.Role, now func() time.Time, cache *eval.Cache) Result {
	return checker{p: Params{Now: now, Cache: cache}}.trustCase(role)
}

func (c checker) trust(role *account.Role) Result {
	return c.trustCase(role)
}

func (c checker) trustCase(role *account.Role) Result {
	res := Result{Principal: ServicePrincipal, PrincipalARN: "backup.amazonaws.com", Action: "sts:AssumeRole", Resource: role.ARN,
		ResourcePolicy: string(fix.TargetTrustPolicy)}
	in := &eval.Input{Request: eval.Request{Principal: "backup.amazonaws.com", Action: "sts:AssumeRole",
		Resource: role.ARN, ResourceAccount: arn.Account(role.ARN)},
		Resource: &eval.Doc{Name: role.ARN, Text: role.TrustPolicy}}
	c.run(&res, in, fix.Options{Now: c.p.Now, RoleARN: role.ARN, Cache: c.p.Cache})
	return res
}
