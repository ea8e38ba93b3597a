// Package awsjobs reads the failed, aborted and partial AWS Backup jobs of an
// account (backup, restore and copy jobs) through the AWS Backup API, for
// package jobs to group and explain. It is the part of the jobs command that
// imports the AWS SDK (its Backup client and job types), kept apart so that
// package jobs and internal/report link no SDK.
package awsjobs

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/deniedhq/denied/jobs"
)

// API is the AWS Backup calls the reader makes.
type API interface {
	ListBackupJobs(context.Context, *backup.ListBackupJobsInput, ...func(*backup.Options)) (*backup.ListBackupJobsOutput, error)
	ListRestoreJobs(context.Context, *backup.ListRestoreJobsInput, ...func(*backup.Options)) (*backup.ListRestoreJobsOutput, error)
	ListCopyJobs(context.Context, *backup.ListCopyJobsInput, ...func(*backup.Options)) (*backup.ListCopyJobsOutput, error)
}

var _ API = (*backup.Client)(nil)

// Read lists the jobs f selects, one paginated call per kind and state.
// A call that fails is returned in the errors and the others go on. The
// jobs are sorted by creation time (newest first), then job ID.
func Read(ctx context.Context, api API, f jobs.Filter) ([]jobs.Job, []*jobs.ReadError) {
	states := f.States
	if len(states) == 0 {
		states = jobs.DefaultStates
	}
	kinds := f.Kinds
	if len(kinds) == 0 {
		kinds = jobs.Kinds
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
	var out []jobs.Job
	var errs []*jobs.ReadError
	seen := map[string]bool{}
	add := func(j jobs.Job) {
		key := string(j.Kind) + "/" + j.ID
		if !seen[key] {
			seen[key] = true
			out = append(out, j)
		}
	}
	for _, k := range kinds {
		for _, st := range states {
			if !k.HasState(st) {
				continue
			}
			var err error
			switch k {
			case jobs.KindBackup:
				err = readBackup(ctx, api, st, since, acct, maxPages, add)
			case jobs.KindRestore:
				err = readRestore(ctx, api, st, since, acct, maxPages, add)
			case jobs.KindCopy:
				err = readCopy(ctx, api, st, since, acct, maxPages, add)
			}
			if err != nil {
				errs = append(errs, &jobs.ReadError{Call: "backup:" + callName(k), State: st, Err: err, Message: err.Error()})
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

func callName(k jobs.Kind) string {
	switch k {
	case jobs.KindRestore:
		return "ListRestoreJobs"
	case jobs.KindCopy:
		return "ListCopyJobs"
	}
	return "ListBackupJobs"
}

func readBackup(ctx context.Context, api API, st string, since *time.Time, acct *string, maxPages int, add func(jobs.Job)) error {
	p := backup.NewListBackupJobsPaginator(api, &backup.ListBackupJobsInput{ByState: types.BackupJobState(st), ByCreatedAfter: since, ByAccountId: acct})
	for n := 0; p.HasMorePages() && n < maxPages; n++ {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, j := range page.BackupJobs {
			add(jobs.Job{Kind: jobs.KindBackup, ID: aws.ToString(j.BackupJobId), State: string(j.State),
				Resource: aws.ToString(j.ResourceArn), ResourceType: aws.ToString(j.ResourceType),
				RoleARN: aws.ToString(j.IamRoleArn), Vault: aws.ToString(j.BackupVaultName), AccountID: aws.ToString(j.AccountId),
				Created: aws.ToTime(j.CreationDate).UTC(), Message: aws.ToString(j.StatusMessage)})
		}
	}
	return nil
}

func readRestore(ctx context.Context, api API, st string, since *time.Time, acct *string, maxPages int, add func(jobs.Job)) error {
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
			add(jobs.Job{Kind: jobs.KindRestore, ID: aws.ToString(j.RestoreJobId), State: string(j.Status),
				Resource: res, ResourceType: aws.ToString(j.ResourceType),
				RoleARN: aws.ToString(j.IamRoleArn), AccountID: aws.ToString(j.AccountId),
				Created: aws.ToTime(j.CreationDate).UTC(), Message: aws.ToString(j.StatusMessage)})
		}
	}
	return nil
}

func readCopy(ctx context.Context, api API, st string, since *time.Time, acct *string, maxPages int, add func(jobs.Job)) error {
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
			add(jobs.Job{Kind: jobs.KindCopy, ID: aws.ToString(j.CopyJobId), State: string(j.State),
				Resource: res, ResourceType: aws.ToString(j.ResourceType),
				RoleARN: aws.ToString(j.IamRoleArn), AccountID: aws.ToString(j.AccountId),
				Created: aws.ToTime(j.CreationDate).UTC(), Message: strings.TrimSpace(aws.ToString(j.StatusMessage))})
		}
	}
	return nil
}
