package awsjobs_test

import (
	"context"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/deniedhq/denied/jobs"
	"github.com/deniedhq/denied/jobs/awsjobs"
	"github.com/deniedhq/denied/jobs/jobstest"
)

const fixture = "../../testdata/jobs/account.json"

var since = time.Date(2026, 12, 1, 6, 0, 0, 0, time.UTC)

// client is the real SDK client pointed at the fake endpoint.
var client = jobstest.Client

func ids(js []jobs.Job) []string {
	var out []string
	for _, j := range js {
		out = append(out, string(j.Kind)+":"+j.ID[:1]+j.ID[len(j.ID)-2:])
	}
	sort.Strings(out)
	return out
}

func TestRead(t *testing.T) {
	for _, tt := range []struct {
		name string
		f    jobs.Filter
		want string
	}{
		{"default states since", jobs.Filter{Since: since},
			"backup:B01 backup:B02 backup:B03 backup:B04 backup:B05 backup:B07 copy:C01 copy:C02 restore:R01 restore:R02 restore:R03"},
		{"every time", jobs.Filter{},
			"backup:B01 backup:B02 backup:B03 backup:B04 backup:B05 backup:B07 backup:B08 copy:C01 copy:C02 restore:R01 restore:R02 restore:R03"},
		{"expired only", jobs.Filter{Since: since, States: []string{"EXPIRED"}}, "backup:B06"},
		{"restore only", jobs.Filter{Since: since, Kinds: []jobs.Kind{jobs.KindRestore}}, "restore:R01 restore:R02 restore:R03"},
		{"aborted", jobs.Filter{Since: since, States: []string{"ABORTED"}}, "backup:B05 backup:B07"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := jobstest.New(t, fixture)
			got, errs := awsjobs.Read(context.Background(), client(srv.URL), tt.f)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if g := strings.Join(ids(got), " "); g != tt.want {
				t.Errorf("jobs\n got %s\nwant %s", g, tt.want)
			}
			for _, r := range srv.Requests() {
				if !r.Signed {
					t.Errorf("%s not signed", r.Path)
				}
				if !tt.f.Since.IsZero() && r.Query["createdAfter"] == "" {
					t.Errorf("%s without createdAfter: %v", r.Path, r.Query)
				}
			}
		})
	}
}

// Every page is read, with the token of the one before; each state is
// its own call, and a state a kind lacks is not asked of it.
func TestReadPaginates(t *testing.T) {
	srv := jobstest.New(t, fixture)
	srv.PageSize = 1
	got, errs := awsjobs.Read(context.Background(), client(srv.URL), jobs.Filter{Since: since, States: []string{"FAILED", "PARTIAL"}})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(got) != 9 { // B01 B02 B03 B04, R01 R02 R03, C01 C02
		t.Errorf("%d jobs: %v", len(got), ids(got))
	}
	var tokens int
	var calls []string
	for _, r := range srv.Requests() {
		if r.Query["nextToken"] != "" {
			tokens++
		}
		st := r.Query["state"] + r.Query["status"]
		if r.Query["nextToken"] == "" {
			calls = append(calls, r.Path+"?"+st)
		}
	}
	// 4 FAILED backup jobs in 4 pages: 3 follow-up requests; 3 restore: 2; 2 copy: 1.
	if tokens != 3+2+1 {
		t.Errorf("%d follow-up pages, want 6", tokens)
	}
	want := "/backup-jobs?FAILED /backup-jobs?PARTIAL /restore-jobs?FAILED /copy-jobs?FAILED /copy-jobs?PARTIAL"
	if g := strings.Join(calls, " "); g != want {
		t.Errorf("calls\n got %s\nwant %s", g, want)
	}
	// Newest first.
	for i := 1; i < len(got); i++ {
		if got[i].Created.After(got[i-1].Created) {
			t.Errorf("not sorted at %d", i)
		}
	}
}

// A call that is refused is reported by name; the others are still read.
func TestReadAccessDenied(t *testing.T) {
	srv := jobstest.New(t, fixture)
	srv.Deny = map[string]string{"ListRestoreJobs": "User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: backup:ListRestoreJobs because no identity-based policy allows the backup:ListRestoreJobs action"}
	got, errs := awsjobs.Read(context.Background(), client(srv.URL), jobs.Filter{Since: since})
	if len(errs) != 2 { // FAILED and ABORTED (restore jobs have no PARTIAL)
		t.Fatalf("errors %v", errs)
	}
	for _, e := range errs {
		var ae smithy.APIError
		if e.Call != "backup:ListRestoreJobs" || !errors.As(e, &ae) || ae.ErrorCode() != "AccessDeniedException" {
			t.Errorf("error %+v", e)
		}
		if strings.Contains(e.Error(), "jobs-test-secret") {
			t.Error("the secret key is in the error")
		}
	}
	if g := strings.Join(ids(got), " "); g != "backup:B01 backup:B02 backup:B03 backup:B04 backup:B05 backup:B07 copy:C01 copy:C02" {
		t.Errorf("jobs %s", g)
	}
}
