// Package jobs reads the failed, aborted and partial AWS Backup jobs of an
// account (backup, restore and copy jobs) through the AWS Backup API, and
// groups them by cause: each distinct status message is explained once
// (parsed, decoded when it carries an encoded authorization failure
// message, diagnosed), and the jobs are grouped by the diagnosis rule.
//
// It is the one core package that imports the AWS SDK (the Backup job types); it must not
// import internal/cli or render (internal/report writes its reports).
package jobs

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"
)

// API is the AWS Backup calls the reader makes.
type API interface {
	ListBackupJobs(context.Context, *backup.ListBackupJobsInput, ...func(*backup.Options)) (*backup.ListBackupJobsOutput, error)
	ListRestoreJobs(context.Context, *backup.ListRestoreJobsInput, ...func(*backup.Options)) (*backup.ListRestoreJobsOutput, error)
	ListCopyJobs(context.Context, *backup.ListCopyJobsInput, ...func(*backup.Options)) (*backup.ListCopyJobsOutput, error)
}

var _ API = (*backup.Client)(nil)

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
		if hasState(k, s) {
			return true
		}
	}
	return false
}

func hasState(k Kind, s string) bool {
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
	Resource     string    `json:"resource,omitempty"`
	ResourceType string    `json:"resourceType,omitempty"`
	RoleARN      string    `json:"roleArn,omitempty"`
	AccountID    string    `json:"accountId,omitempty"`
	Created      time.Time `json:"created"`
	Message      string    `json:"statusMessage"`
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

// Read lists the jobs f selects, one paginated call per kind and state.
// A call that fails is returned in the errors and the others go on. The
// jobs are sorted by creation time (newest first), then job ID.
func Read(ctx context.Context, api API, f Filter) ([]Job, []*ReadError) {
	states := f.States
	if len(states) == 0 {
		states = DefaultStates
	}
	kinds := f.Kinds
	if len(kinds) == 0 {
		kinds = Kinds
	}
	maxPages := f.MaxPages
	if maxPages <= 0 {
		maxPages = 1000
	}
	var since *time.Time
	if !f.Since.IsZero() {
		s := f.Since.UTC()
		since = &s
	}
	var acct *string
	if f.Account != "" {
		acct = aws.String(f.Account)
	}
	var out []Job
	var errs []*ReadError
	seen := map[string]bool{}
	add := func(j Job) {
		key := string(j.Kind) + "/" + j.ID
		if !seen[key] {
			seen[key] = true
			out = append(out, j)
		}
	}
	for _, k := range kinds {
		for _, st := range states {
			if !hasState(k, st) {
				continue
			}
			var err error
			switch k {
			case KindBackup:
				err = readBackup(ctx, api, st, since, acct, maxPages, add)
			case KindRestore:
				err = readRestore(ctx, api, st, since, acct, maxPages, add)
			case KindCopy:
				err = readCopy(ctx, api, st, since, acct, maxPages, add)
			}
			if err != nil {
				errs = append(errs, &ReadError{Call: "backup:" + callName(k), State: st, Err: err, Message: err.Error()})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.After(out[j].Created)
		}
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].ID < out[j].ID
	})
	return out, errs
}

func callName(k Kind) string {
	switch k {
	case KindRestore:
		return "ListRestoreJobs"
	case KindCopy:
		return "ListCopyJobs"
	}
	return "ListBackupJobs"
}

func readBackup(ctx context.Context, api API, st string, since *time.Time, acct *string, maxPages int, add func(Job)) error {
	p := backup.NewListBackupJobsPaginator(api, &backup.ListBackupJobsInput{ByState: types.BackupJobState(st), ByCreatedAfter: since, ByAccountId: acct})
	for n := 0; p.HasMorePages() && n < maxPages; n++ {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, j := range page.BackupJobs {
			add(Job{Kind: KindBackup, ID: aws.ToString(j.BackupJobId), State: string(j.State),
				Resource: aws.ToString(j.ResourceArn), ResourceType: aws.ToString(j.ResourceType),
				RoleARN: aws.ToString(j.IamRoleArn), AccountID: aws.ToString(j.AccountId),
				Created: aws.ToTime(j.CreationDate).UTC(), Message: aws.ToString(j.StatusMessage)})
		}
	}
	return nil
}

func readRestore(ctx context.Context, api API, st string, since *time.Time, acct *string, maxPages int, add func(Job)) error {
	p := backup.NewListRestoreJobsPaginator(api, &backup.ListRestoreJobsInput{ByStatus: types.RestoreJobStatus(st), ByCreatedAfter: since, ByAccountId: acct})
	for n := 0; p.HasMorePages() && n < maxPages; n++ {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, j := range page.RestoreJobs {
			res := aws.ToString(j.SourceResourceArn)
			if res == "" {
				res = aws.ToString(j.RecoveryPointArn)
			}
			add(Job{Kind: KindRestore, ID: aws.ToString(j.RestoreJobId), State: string(j.Status),
				Resource: res, ResourceType: aws.ToString(j.ResourceType),
				RoleARN: aws.ToString(j.IamRoleArn), AccountID: aws.ToString(j.AccountId),
				Created: aws.ToTime(j.CreationDate).UTC(), Message: aws.ToString(j.StatusMessage)})
		}
	}
	return nil
}

func readCopy(ctx context.Context, api API, st string, since *time.Time, acct *string, maxPages int, add func(Job)) error {
	p := backup.NewListCopyJobsPaginator(api, &backup.ListCopyJobsInput{ByState: types.CopyJobState(st), ByCreatedAfter: since, ByAccountId: acct})
	for n := 0; p.HasMorePages() && n < maxPages; n++ {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, j := range page.CopyJobs {
			res := aws.ToString(j.ResourceArn)
			if res == "" {
				res = aws.ToString(j.SourceRecoveryPointArn)
			}
			add(Job{Kind: KindCopy, ID: aws.ToString(j.CopyJobId), State: string(j.State),
				Resource: res, ResourceType: aws.ToString(j.ResourceType),
				RoleARN: aws.ToString(j.IamRoleArn), AccountID: aws.ToString(j.AccountId),
				Created: aws.ToTime(j.CreationDate).UTC(), Message: strings.TrimSpace(aws.ToString(j.StatusMessage))})
		}
	}
	return nil
}
