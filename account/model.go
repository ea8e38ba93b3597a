// Package account is the account model denied evaluates offline: IAM users,
// groups, roles, instance profiles and customer managed policies; the
// organisation with its SCPs and RCPs; KMS keys; AWS Backup vaults, plans and
// recovery points. A Snapshot is read from and written to a versioned JSON
// format (see README.md), gzip-compressed or not, and can be expanded from a
// short hand-written form (see Short and Expand).
//
// AWS managed policies need not be in a snapshot: a policy ARN that the
// snapshot does not define is resolved from the embedded catalog
// (catalog/managed).
//
// Snapshot.PrincipalPolicies and Snapshot.RCPLevels give the layers of a
// request's evaluation input (eval.Input) that go with its principal and
// its resource's account, with what unreadable calls may have left out
// (Incomplete). The package does not look up a request's resource-based
// policy (a KMS key policy, a role's trust policy, a backup vault's access
// policy, the vault of a recovery point named by its Backup ARN or by its
// resource's ARN such as arn:aws:ec2:REGION::snapshot/snap-...): preflight
// does, the one lookup of those rules (an unknown or unreadable resource
// is "could not check" there), so build an input from a snapshot through
// preflight, not from these layers alone. The package must not import
// simulate, preflight, fix, the CLI or the AWS SDK.
package account

import (
	"bytes"
	"encoding/json"

	"github.com/deniedhq/denied/internal/arn"
)

// SchemaVersion is the version of the snapshot format this package reads and
// writes. Snapshots of a later version are refused.
const SchemaVersion = 1

// Snapshot is one account (or several accounts of an organisation) at a point
// in time. Fields marked "required" must be present and non-empty.
type Snapshot struct {
	// SchemaVersion is the format version, SchemaVersion (required).
	SchemaVersion int `json:"schemaVersion" account:"required"`
	// Generator names what wrote the snapshot, e.g. "denied collect 0.4.0".
	Generator string `json:"generator,omitempty"`
	// CollectedAt is when the snapshot was taken (RFC 3339).
	CollectedAt string `json:"collectedAt,omitempty"`
	// AccountID is the 12-digit account the snapshot describes (required).
	AccountID string `json:"accountId" account:"required"`
	// Partition is the AWS partition ("aws" when empty).
	Partition string `json:"partition,omitempty"`
	// Region is the region regional resources (KMS, Backup) were read in.
	Region string `json:"region,omitempty"`

	Users            []User            `json:"users,omitempty"`
	Groups           []Group           `json:"groups,omitempty"`
	Roles            []Role            `json:"roles,omitempty"`
	InstanceProfiles []InstanceProfile `json:"instanceProfiles,omitempty"`
	// Policies are managed policies with their documents: the account's
	// customer managed policies, and AWS managed policies when the
	// collector fetched them (those override the embedded catalog).
	Policies []ManagedPolicy `json:"policies,omitempty"`

	// Organization is the AWS Organizations view, when known.
	Organization *Organization `json:"organization,omitempty"`

	KMSKeys        []KMSKey        `json:"kmsKeys,omitempty"`
	BackupVaults   []BackupVault   `json:"backupVaults,omitempty"`
	BackupPlans    []BackupPlan    `json:"backupPlans,omitempty"`
	RecoveryPoints []RecoveryPoint `json:"recoveryPoints,omitempty"`

	// Unreadable lists what the collector could not read (an AccessDenied
	// on Organizations, say): the snapshot is partial there, and evaluation
	// must not take the missing part as empty.
	Unreadable []Unreadable `json:"unreadable,omitempty"`

	idx *index // built on first use by the lookup helpers
}

// Unreadable is one call the collector could not make.
type Unreadable struct {
	Service string `json:"service"`          // "iam", "organizations", "kms", "backup"
	Call    string `json:"call"`             // API operation, e.g. "ListRoots"
	Region  string `json:"region,omitempty"` // for regional services
	Error   string `json:"error"`            // the error as AWS returned it
}

// Document is a policy document as it appears in a snapshot: a JSON object,
// or a JSON string holding the document, URL-encoded or not (as IAM APIs
// return it). Text returns the document itself.
type Document []byte

// MarshalJSON writes the document as it was read.
func (d Document) MarshalJSON() ([]byte, error) {
	if len(d) == 0 {
		return []byte("null"), nil
	}
	return d, nil
}

// UnmarshalJSON keeps a copy of the raw value.
func (d *Document) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*d = nil
		return nil
	}
	*d = append((*d)[:0], b...)
	return nil
}

// InlinePolicy is a policy embedded in a user, group or role.
type InlinePolicy struct {
	Name     string   `json:"name" account:"required"`
	Document Document `json:"document" account:"required"`
}

// Tag is an IAM tag.
type Tag struct {
	Key   string `json:"key" account:"required"`
	Value string `json:"value"`
}

// User is an IAM user.
type User struct {
	ARN    string `json:"arn" account:"required"` // arn:aws:iam::111122223333:user/path/name
	Name   string `json:"name,omitempty"`         // derived from ARN when empty
	Path   string `json:"path,omitempty"`         // "/" when empty
	UserID string `json:"userId,omitempty"`       // AIDA...
	// Groups are the ARNs of the groups the user belongs to.
	Groups         []string       `json:"groups,omitempty"`
	InlinePolicies []InlinePolicy `json:"inlinePolicies,omitempty"`
	// ManagedPolicies are the ARNs of the attached managed policies.
	ManagedPolicies []string `json:"managedPolicies,omitempty"`
	// PermissionsBoundary is the ARN of the boundary policy, if any.
	PermissionsBoundary string `json:"permissionsBoundary,omitempty"`
	Tags                []Tag  `json:"tags,omitempty"`
}

// Group is an IAM group.
type Group struct {
	ARN             string         `json:"arn" account:"required"`
	Name            string         `json:"name,omitempty"`
	Path            string         `json:"path,omitempty"`
	GroupID         string         `json:"groupId,omitempty"`
	InlinePolicies  []InlinePolicy `json:"inlinePolicies,omitempty"`
	ManagedPolicies []string       `json:"managedPolicies,omitempty"`
}

// Role is an IAM role.
type Role struct {
	ARN    string `json:"arn" account:"required"` // arn:aws:iam::111122223333:role/path/name
	Name   string `json:"name,omitempty"`
	Path   string `json:"path,omitempty"`
	RoleID string `json:"roleId,omitempty"` // AROA...
	// TrustPolicy is the role's assume-role policy document (required).
	TrustPolicy     Document       `json:"trustPolicy" account:"required"`
	InlinePolicies  []InlinePolicy `json:"inlinePolicies,omitempty"`
	ManagedPolicies []string       `json:"managedPolicies,omitempty"`
	// PermissionsBoundary is the ARN of the boundary policy, if any.
	PermissionsBoundary string `json:"permissionsBoundary,omitempty"`
	MaxSessionDuration  int    `json:"maxSessionDuration,omitempty"` // seconds
	Tags                []Tag  `json:"tags,omitempty"`
}

// InstanceProfile is an EC2 instance profile and the role(s) it carries.
type InstanceProfile struct {
	ARN  string `json:"arn" account:"required"`
	Name string `json:"name,omitempty"`
	Path string `json:"path,omitempty"`
	// Roles are role ARNs (IAM allows at most one).
	Roles []string `json:"roles,omitempty"`
}

// ManagedPolicy is a managed policy and its default version.
type ManagedPolicy struct {
	ARN        string   `json:"arn" account:"required"`
	Name       string   `json:"name,omitempty"`
	Path       string   `json:"path,omitempty"`
	VersionID  string   `json:"versionId,omitempty"`  // default version, e.g. "v3"
	UpdateDate string   `json:"updateDate,omitempty"` // RFC 3339
	Document   Document `json:"document" account:"required"`
}

// Organization is the AWS Organizations structure the account belongs to.
type Organization struct {
	ID                  string `json:"id,omitempty"` // o-...
	ManagementAccountID string `json:"managementAccountId,omitempty"`
	// RootID is the root's id (r-...) (required).
	RootID string `json:"rootId" account:"required"`
	// OUs are the organisational units; each names its parent (root or OU).
	OUs []OrganizationalUnit `json:"ous,omitempty"`
	// Accounts are the member accounts; each names its parent.
	Accounts []OrgAccount `json:"accounts,omitempty"`
	// Policies are the SCPs and RCPs, each with the targets it is attached to.
	Policies []OrgPolicy `json:"policies,omitempty"`
	// AccountsUnlisted is set when the snapshot does not list the
	// organization's member accounts: a short form's org without
	// "accounts" (Expand) holds the account and its management account
	// alone, so an account it does not list may still be a member. Not
	// part of the full form.
	AccountsUnlisted bool `json:"-"`
}

// OrganizationalUnit is an OU.
type OrganizationalUnit struct {
	ID       string `json:"id" account:"required"` // ou-...
	Name     string `json:"name,omitempty"`
	ParentID string `json:"parentId" account:"required"` // r-... or ou-...
}

// OrgAccount is an account of the organisation.
type OrgAccount struct {
	ID       string `json:"id" account:"required"`
	Name     string `json:"name,omitempty"`
	ParentID string `json:"parentId" account:"required"`
}

// Organization policy types.
const (
	SCP = "SERVICE_CONTROL_POLICY"
	RCP = "RESOURCE_CONTROL_POLICY"
)

// OrgPolicy is a service or resource control policy.
type OrgPolicy struct {
	ID         string   `json:"id,omitempty"` // p-...
	Name       string   `json:"name" account:"required"`
	ARN        string   `json:"arn,omitempty"`
	Type       string   `json:"type" account:"required"` // SCP or RCP
	AWSManaged bool     `json:"awsManaged,omitempty"`
	Document   Document `json:"document" account:"required"`
	// Targets are the root, OU and account ids the policy is attached to.
	Targets []string `json:"targets,omitempty"`
}

// KMS key managers.
const (
	KeyManagerAWS      = "AWS"
	KeyManagerCustomer = "CUSTOMER"
)

// KMSKey is a KMS key.
type KMSKey struct {
	ARN   string `json:"arn" account:"required"`
	KeyID string `json:"keyId,omitempty"`
	// KeyManager is KeyManagerAWS or KeyManagerCustomer (required).
	KeyManager  string   `json:"keyManager" account:"required"`
	KeyState    string   `json:"keyState,omitempty"` // Enabled, Disabled, PendingDeletion...
	Description string   `json:"description,omitempty"`
	Policy      Document `json:"policy,omitempty"` // the key policy
	// Aliases are alias names ("alias/aws/backup").
	Aliases []string `json:"aliases,omitempty"`
}

// BackupVault is an AWS Backup vault.
type BackupVault struct {
	ARN  string `json:"arn" account:"required"`
	Name string `json:"name,omitempty"`
	// AccessPolicy is the vault's access policy, if any.
	AccessPolicy Document `json:"accessPolicy,omitempty"`
	// EncryptionKeyARN is the KMS key that encrypts the recovery points.
	EncryptionKeyARN string     `json:"encryptionKeyArn,omitempty"`
	Lock             *VaultLock `json:"lock,omitempty"`
}

// VaultLock is an AWS Backup Vault Lock configuration.
type VaultLock struct {
	MinRetentionDays int    `json:"minRetentionDays,omitempty"`
	MaxRetentionDays int    `json:"maxRetentionDays,omitempty"`
	LockDate         string `json:"lockDate,omitempty"` // when it becomes immutable (compliance mode)
	Mode             string `json:"mode,omitempty"`     // "governance" or "compliance"
}

// BackupPlan is an AWS Backup plan.
type BackupPlan struct {
	ID         string            `json:"id,omitempty"`
	ARN        string            `json:"arn,omitempty"`
	Name       string            `json:"name" account:"required"`
	Rules      []BackupRule      `json:"rules,omitempty"`
	Selections []BackupSelection `json:"selections,omitempty"`
}

// BackupRule is a rule of a backup plan.
type BackupRule struct {
	Name string `json:"name" account:"required"`
	// TargetVault is the name of the vault the rule backs up to.
	TargetVault string `json:"targetVault" account:"required"`
	// CopyTo are the ARNs of the vaults copies go to.
	CopyTo []string `json:"copyTo,omitempty"`
}

// BackupSelection assigns resources to a plan, with the role that backs them up.
type BackupSelection struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// IAMRoleARN is the role AWS Backup assumes (required).
	IAMRoleARN   string   `json:"iamRoleArn" account:"required"`
	Resources    []string `json:"resources,omitempty"`
	NotResources []string `json:"notResources,omitempty"`
}

// RecoveryPoint is a backup in a vault.
type RecoveryPoint struct {
	ARN string `json:"arn" account:"required"`
	// ResourceType is AWS Backup's resource type: EC2, EBS, RDS, S3, ...
	ResourceType string `json:"resourceType" account:"required"`
	// VaultName is the vault that holds it (required).
	VaultName string `json:"vaultName" account:"required"`
	// SourceResourceARN is the resource that was backed up.
	SourceResourceARN string `json:"sourceResourceArn,omitempty"`
	// IAMRoleARN is the role that created the recovery point.
	IAMRoleARN       string `json:"iamRoleArn,omitempty"`
	EncryptionKeyARN string `json:"encryptionKeyArn,omitempty"`
	Status           string `json:"status,omitempty"`
	CreationDate     string `json:"creationDate,omitempty"`
	// RestoreMetadata is GetRecoveryPointRestoreMetadata's map; for EC2 it
	// holds the instance profile under "IamInstanceProfileName".
	RestoreMetadata map[string]string `json:"restoreMetadata,omitempty"`
}

// Region is the Region of the recovery point, from its ARN (every
// recovery point ARN names one: arn:aws:backup:REGION:..., an EC2 image's
// or EBS snapshot's arn:aws:ec2:REGION::...), or "" when the ARN names
// none. Its vault is the vault of that name in that Region.
func (rp *RecoveryPoint) Region() string {
	return arnRegion(rp.ARN)
}

// Region is the Region of the backup plan, from its ARN, or "" when it has
// none. Its rules' target vaults are the vaults of those names in that
// Region.
func (p *BackupPlan) Region() string {
	return arnRegion(p.ARN)
}

func arnRegion(s string) string {
	if a, ok := arn.Parse(s); ok {
		return a.Region
	}
	return ""
}

// InstanceProfileName returns the EC2 instance profile recorded in the
// restore metadata, or "".
func (rp *RecoveryPoint) InstanceProfileName() string {
	return rp.RestoreMetadata["IamInstanceProfileName"]
}

// Document writes itself as raw JSON.
var _ json.Marshaler = Document(nil)
