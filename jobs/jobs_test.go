package jobs_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/jobs"
	"github.com/deniedhq/denied/jobs/awsjobs"
	"github.com/deniedhq/denied/jobs/jobstest"
)

const fixture = "../testdata/jobs/account.json"

var since = time.Date(2026, 12, 1, 6, 0, 0, 0, time.UTC)

// client is the real SDK client pointed at the fake endpoint.
var client = jobstest.Client

func TestExplainGroups(t *testing.T) {
	srv := jobstest.New(t, fixture)
	js, errs := awsjobs.Read(context.Background(), client(srv.URL), jobs.Filter{Since: since, States: []string{"FAILED", "ABORTED", "PARTIAL", "EXPIRED"}})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	decodes := 0
	r := jobs.Explain(context.Background(), js, jobs.Options{Decode: func(_ context.Context, d *authzmsg.Denial) diagnose.DecodeStatus {
		decodes++
		return diagnose.DecodeStatus{State: "failed"}
	}})
	if decodes != 1 {
		t.Errorf("%d decodes for one distinct encoded message", decodes)
	}
	if r.Jobs != len(js) || r.AuthorizationJobs+r.OtherJobs != r.Jobs {
		t.Errorf("counts %+v for %d jobs", r, len(js))
	}
	sum := 0
	got := map[string]int{}
	for _, g := range r.Groups {
		sum += g.Count
		if g.Count != len(g.Jobs) {
			t.Errorf("%s: count %d, %d jobs", g.Rule, g.Count, len(g.Jobs))
		}
		n := 0
		for _, e := range g.Explanations {
			n += e.Jobs
		}
		if n != g.Count {
			t.Errorf("%s: explanations cover %d of %d jobs", g.Rule, n, g.Count)
		}
		got[g.Rule] += g.Count
	}
	if sum != r.Jobs {
		t.Errorf("groups hold %d of %d jobs", sum, r.Jobs)
	}
	want := map[string]int{
		"backup.job.cannot-describe-resource": 3,
		"backup.job.role-cannot-be-assumed":   1,
		"backup.job.tag-getresources":         1,
		"backup.ec2-restore-encoded":          2,
		"backup.job.insufficient-privileges":  1,
		"backup.job.copy-access-denied":       1,
		"backup.job.same-organization":        1,
		jobs.NotAuthorization:                 1,
		// The job with no status message: not proven unrelated to
		// permissions.
		jobs.NotRecognized: 1,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d jobs, want %d (all: %v)", k, got[k], v, got)
		}
	}
	if r.Causes != 7 || r.OtherJobs != 2 || r.UnrecognizedJobs != 1 {
		t.Errorf("causes %d, other jobs %d, unrecognized %d", r.Causes, r.OtherJobs, r.UnrecognizedJobs)
	}
	// Authorization causes first, most jobs first.
	if r.Groups[0].Rule != "backup.job.cannot-describe-resource" || r.Groups[len(r.Groups)-1].Authorization {
		t.Errorf("order: first %s, last %s", r.Groups[0].Rule, r.Groups[len(r.Groups)-1].Rule)
	}
	if g := r.Groups[0]; strings.Join(g.Resources, " ") != "arn:aws:s3:::app-data-bucket arn:aws:s3:::app-logs-bucket" || len(g.Explanations) != 2 {
		t.Errorf("resources %v, %d messages", g.Resources, len(g.Explanations))
	}
}

// Without a decoder nothing is decoded, and the message says so.
func TestExplainNoDecode(t *testing.T) {
	msg := "You are not authorized to perform this operation. Please consult the permissions associated with your AWS Backup role(s), and refer to the AWS Backup documentation for more details. Encoded authorization failure message: " + strings.Repeat("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_", 8)
	r := jobs.Explain(context.Background(), []jobs.Job{{Kind: jobs.KindRestore, ID: "r", Message: msg}}, jobs.Options{})
	e := r.Groups[0].Explanations[0]
	if e.Decode.State != "skipped" || e.Decode.Msg == nil || e.Decode.Msg.ID != "decode.skipped" || r.Causes != 1 {
		t.Errorf("decode %+v, causes %d", e.Decode, r.Causes)
	}
}

// BenchmarkExplain groups 10,000 jobs with 200 distinct messages (the
// job messages of the fixtures, 50 variants each).
func BenchmarkExplain(b *testing.B) {
	msgs := []string{
		"Your backup job failed as AWS Backup does not have permission to describe resource arn:aws:s3:::bucket-%d. Please review your IAM policies to ensure AWS Backup can protect your resources.",
		"IAM Role arn:aws:iam::111122223333:role/Role%d is not authorized to call tag:GetResources",
		"The provided role arn:aws:iam::111122223333:role/Role%d cannot be assumed by AWS Backup.",
		"Backup job expired before completion. %d",
	}
	var js []jobs.Job
	for i := 0; i < 10000; i++ {
		m := msgs[i%len(msgs)]
		js = append(js, jobs.Job{Kind: jobs.KindBackup, ID: fmt.Sprint(i), Resource: fmt.Sprintf("arn:aws:s3:::bucket-%d", i%50),
			RoleARN: "arn:aws:iam::111122223333:role/JobRole", Message: fmt.Sprintf(m, (i/len(msgs))%50)})
	}
	b.ReportAllocs()
	for b.Loop() {
		r := jobs.Explain(context.Background(), js, jobs.Options{})
		if r.Jobs != len(js) {
			b.Fatal(r.Jobs)
		}
	}
}
