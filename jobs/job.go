// Package jobs holds the failed, aborted and partial AWS Backup jobs of an
// account (backup, restore and copy jobs), as jobs/awsjobs reads them, and
// groups them by cause: each distinct status message is explained once
// (parsed, decoded when it carries an encoded authorization failure
// message, diagnosed), and the jobs are grouped by the diagnosis rule.
//
// It does not import the AWS SDK: the jobs are read through the AWS Backup
// API by package jobs/awsjobs, so that internal/report, which writes the
// reports of jobs, and the offline explain path link no SDK
// (internal/archtest checks it). It must not import internal/cli or render
// (internal/report writes its reports).
package jobs

import (
	"fmt"
	"time"
)

// Kind is a kind of job.
type Kind string

// Kinds of job.
const (
	KindBackup  Kind = "backup"
	KindRestore Kind = "restore"
	KindCopy    Kind = "copy"
)

// Kinds lists every kind, in the order they are read.
var Kinds = []Kind{KindBackup, KindRestore, KindCopy}

// DefaultStates are the states read when none is asked for.
var DefaultStates = []string{"FAILED", "ABORTED", "PARTIAL"}

// States are the job states the API filters by, per kind (restore jobs
// have no PARTIAL state, copy jobs no ABORTED one).
var States = map[Kind][]string{
	KindBackup:  {"CREATED", "PENDING", "RUNNING", "ABORTING", "ABORTED", "COMPLETED", "FAILED", "EXPIRED", "PARTIAL"},
	KindRestore: {"PENDING", "RUNNING", "COMPLETED", "ABORTED", "FAILED"},
	KindCopy:    {"CREATED", "RUNNING", "COMPLETED", "FAILED", "PARTIAL"},
}

// ValidState reports whether some kind of job has state s.
func ValidState(s string) bool {
	for _, k := range Kinds {
		if k.HasState(s) {
			return true
		}
	}
	return false
}

// HasState reports whether jobs of kind k have state s.
func (k Kind) HasState(s string) bool {
	for _, x := range States[k] {
		if x == s {
			return true
		}
	}
	return false
}

// Job is one AWS Backup job, with the fields the report uses.
type Job struct {
	Kind  Kind   `json:"type"`
	ID    string `json:"jobId"`
	State string `json:"state"`
	// Resource is the protected resource (for a restore job, the source
	// resource, else the recovery point).
	Resource     string `json:"resource,omitempty"`
	ResourceType string `json:"resourceType,omitempty"`
	RoleARN      string `json:"roleArn,omitempty"`
	// Vault is the backup vault of a backup job (BackupVaultName).
	Vault     string    `json:"vault,omitempty"`
	AccountID string    `json:"accountId,omitempty"`
	Created   time.Time `json:"created"`
	Message   string    `json:"statusMessage"`
}

// Filter selects the jobs to read.
type Filter struct {
	// Since is passed as ByCreatedAfter; zero reads every job the API
	// keeps (AWS Backup keeps job records for 30 days).
	Since time.Time
	// States are the states to read (DefaultStates when empty). A state a
	// kind does not have is not asked of that kind.
	States []string
	// Kinds are the kinds to read (all when empty).
	Kinds []Kind
	// MaxPages bounds the pages read per call and state (0: 1,000).
	MaxPages int
	// Account is passed as ByAccountId: the jobs of that member account,
	// or with AllAccounts every account of the organization (AWS Backup's
	// cross-account monitoring, from the management account or a
	// delegated administrator). Empty: the caller's account.
	Account string
}

// AllAccounts is the Account of a Filter that reads the jobs of every
// account of the organization.
const AllAccounts = "*"

// ReadError is one API call (operation and state) that could not be
// read.
type ReadError struct {
	Call  string `json:"call"` // "backup:ListRestoreJobs"
	State string `json:"state"`
	Err   error  `json:"-"`
	// Message is Err's text.
	Message string `json:"error"`
}

func (e *ReadError) Error() string { return fmt.Sprintf("%s (state %s): %v", e.Call, e.State, e.Err) }
func (e *ReadError) Unwrap() error { return e.Err }
