// Package jobstest serves the AWS Backup job APIs (ListBackupJobs,
// ListRestoreJobs, ListCopyJobs) over HTTP in the REST-JSON protocol the
// AWS SDK speaks, from a fixture file, for tests: moto_server lacks them.
//
// Only tests import it.
package jobstest

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/backup"
)

// Client is the real AWS Backup client of the SDK pointed at the server
// at url (Server's URL), with test credentials and no retries.
func Client(url string) *backup.Client {
	return backup.New(backup.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(url),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDJOBSTEST", "jobs-test-secret", ""),
		RetryMaxAttempts: 1,
	})
}

// Request is one request the server received.
type Request struct {
	Path  string
	Query map[string]string
	// Signed is true when the request carried a SigV4 Authorization header.
	Signed bool
}

// Server is a fake AWS Backup endpoint.
type Server struct {
	*httptest.Server
	// PageSize is the number of jobs per page (default 2), so that
	// fixtures exercise pagination.
	PageSize int
	// Deny maps an operation ("ListRestoreJobs") to the AccessDenied
	// message the server answers it with.
	Deny map[string]string
	// Self, when set, is the caller's account: without an accountId
	// (ByAccountId) only its jobs are listed, as AWS Backup does; with
	// accountId=* every job when Management is set (cross-account
	// monitoring), else AccessDenied; with an account id, that account's
	// jobs (Management, or the caller's own account).
	Self       string
	Management bool

	jobs     map[string][]map[string]any // by list key
	mu       sync.Mutex
	requests []Request
}

var ops = map[string]struct{ op, list, state string }{
	"/backup-jobs":  {"ListBackupJobs", "BackupJobs", "State"},
	"/restore-jobs": {"ListRestoreJobs", "RestoreJobs", "Status"},
	"/copy-jobs":    {"ListCopyJobs", "CopyJobs", "State"},
}

// New starts a server serving the jobs of fixture (a JSON object with
// BackupJobs, RestoreJobs and CopyJobs arrays in the API's shapes; keys
// that start with "_" are comments and are not served). It is closed at
// the end of the test.
func New(t testing.TB, fixture string) *Server {
	t.Helper()
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", fixture, err)
	}
	s := &Server{PageSize: 2, jobs: map[string][]map[string]any{}}
	for _, o := range ops {
		var list []map[string]any
		if r, ok := raw[o.list]; ok {
			if err := json.Unmarshal(r, &list); err != nil {
				t.Fatalf("%s: %s: %v", fixture, o.list, err)
			}
		}
		for _, j := range list {
			for k := range j {
				if strings.HasPrefix(k, "_") {
					delete(j, k)
				}
			}
		}
		s.jobs[o.list] = list
	}
	s.Server = httptest.NewServer(s)
	t.Cleanup(s.Close)
	return s
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) fail(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-ErrorType", code)
	w.Header().Set("X-Amzn-RequestId", "req-"+code)
	w.WriteHeader(status)
	b, _ := json.Marshal(map[string]string{"__type": code, "Message": msg})
	w.Write(b)
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := map[string]string{}
	for k, v := range r.URL.Query() {
		q[k] = v[0]
	}
	s.mu.Lock()
	s.requests = append(s.requests, Request{Path: r.URL.Path, Query: q, Signed: strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256")})
	s.mu.Unlock()
	o, ok := ops[strings.TrimSuffix(r.URL.Path, "/")]
	if !ok || r.Method != http.MethodGet {
		s.fail(w, 404, "UnknownOperationException", "no such operation: "+r.Method+" "+r.URL.Path)
		return
	}
	if m, ok := s.Deny[o.op]; ok {
		s.fail(w, 403, "AccessDeniedException", m)
		return
	}
	state := q["state"]
	if o.list == "RestoreJobs" {
		state = q["status"]
	}
	var after time.Time
	if v := q["createdAfter"]; v != "" {
		var err error
		if after, err = parseTime(v); err != nil {
			s.fail(w, 400, "InvalidParameterValueException", "createdAfter: "+err.Error())
			return
		}
	}
	acct := q["accountId"]
	if s.Self != "" && acct != "" && acct != s.Self && !s.Management {
		s.fail(w, 403, "AccessDeniedException", "Cross-account monitoring requires the management account or a delegated administrator")
		return
	}
	if s.Self != "" && acct == "" {
		acct = s.Self
	}
	var sel []map[string]any
	for _, j := range s.jobs[o.list] {
		if state != "" && j[o.state] != state {
			continue
		}
		if acct != "" && acct != "*" && j["AccountId"] != acct {
			continue
		}
		if !after.IsZero() {
			c, _ := j["CreationDate"].(float64)
			if !time.Unix(int64(c), 0).After(after) {
				continue
			}
		}
		sel = append(sel, j)
	}
	start := 0
	if t := q["nextToken"]; t != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(t, "page-"))
		if err != nil || n < 0 || n > len(sel) {
			s.fail(w, 400, "InvalidParameterValueException", "bad nextToken")
			return
		}
		start = n
	}
	size := s.PageSize
	if size <= 0 {
		size = 2
	}
	end := min(start+size, len(sel))
	out := map[string]any{o.list: append([]map[string]any{}, sel[start:end]...)}
	if end < len(sel) {
		out["NextToken"] = fmt.Sprintf("page-%d", end)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-RequestId", "req-ok")
	json.NewEncoder(w).Encode(out)
}

// parseTime reads a timestamp query parameter: ISO 8601 (what the SDK
// sends) or epoch seconds.
func parseTime(v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return t, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("not a timestamp: %q", v)
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)), nil
}
