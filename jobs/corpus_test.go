package jobs

import (
	"context"
	"encoding/json"
	"os"
	"path"
	"strings"
	"testing"
)

// TestJobMessageCorpus explains every status message of
// testdata/jobs/messages.json (real messages, each with its source and the
// reading written before the code ran on it) and checks the class, the
// rule, the layer, and the role, resource and action it must name.
func TestJobMessageCorpus(t *testing.T) {
	b, err := os.ReadFile("../testdata/jobs/messages.json")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Messages []struct {
			ID      string            `json:"id"`
			Source  string            `json:"source"`
			Message string            `json:"message"`
			Expect  map[string]string `json:"expect"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	sourced := 0
	for _, m := range c.Messages {
		if m.Source == "" || m.Message == "" || m.Expect["class"] == "" {
			t.Errorf("%s: needs a source, a message and an expected class", m.ID)
		}
		if m.Source != "brief" {
			sourced++
		}
		t.Run(m.ID, func(t *testing.T) {
			// The job names a role and a resource of its own, which an
			// explanation may use only where the message names none.
			job := Job{Kind: KindBackup, ID: "j1", State: "FAILED", Message: m.Message,
				RoleARN: "arn:aws:iam::111122223333:role/JobRole", Resource: "arn:aws:s3:::job-bucket"}
			r := Explain(context.Background(), []Job{job}, Options{})
			if len(r.Groups) != 1 || len(r.Groups[0].Explanations) != 1 {
				t.Fatalf("groups %+v", r.Groups)
			}
			g, e := r.Groups[0], r.Groups[0].Explanations[0]
			want := m.Expect
			if e.Class != want["class"] {
				t.Fatalf("class %q, want %q (rule %s)", e.Class, want["class"], g.Rule)
			}
			if (e.Class == ClassAuthorization) != g.Authorization || (e.Class == ClassAuthorization) != (r.Causes == 1) {
				t.Errorf("class %s but group authorization %v, causes %d", e.Class, g.Authorization, r.Causes)
			}
			switch e.Class {
			case ClassNotRecognized:
				if g.Rule != NotRecognized || r.UnrecognizedJobs != 1 {
					t.Errorf("rule %s, unrecognized %d", g.Rule, r.UnrecognizedJobs)
				}
				return
			case ClassNotAuthorization:
				if g.Rule != NotAuthorization || r.UnrecognizedJobs != 0 {
					t.Errorf("rule %s, unrecognized %d", g.Rule, r.UnrecognizedJobs)
				}
				return
			}
			f := e.Finding
			if w := want["rule"]; w != "" && f.Rule != w {
				t.Errorf("rule %s, want %s", f.Rule, w)
			}
			if w := want["layer"]; w != "" && f.Layer != w {
				t.Errorf("layer %q, want %q", f.Layer, w)
			}
			named := strings.Join(f.Cause.Args, "\x00")
			if e.Denial != nil {
				named += "\x00" + e.Denial.Resource + "\x00" + e.Denial.Action
				if e.Denial.Backup != nil {
					named += "\x00" + e.Denial.Backup.ResourceARN + "\x00" + e.Denial.Backup.RoleARN
				}
			}
			if w := want["role"]; w != "" && !strings.Contains(named, path.Base(w)) {
				t.Errorf("role %s not named: %q", w, named)
			}
			if w := want["role"]; w != "" && strings.Contains(named, "JobRole") {
				t.Errorf("the message names role %s, but the job's role is named: %q", w, named)
			}
			if w := want["resource"]; w != "" && !strings.Contains(named, w) {
				t.Errorf("resource %s not named: %q", w, named)
			}
			if w := want["action"]; w != "" && (e.Denial == nil || e.Denial.Action != w) {
				t.Errorf("action, want %s: %+v", w, e.Denial)
			}
		})
	}
	if sourced < 20 {
		t.Errorf("%d messages with a public source, want at least 20", sourced)
	}
}

// TestJobMessageNotRecognized: a message that is neither an access denial
// nor a known failure of another kind, and an empty one, are "not
// recognized", never "not an authorization failure".
func TestJobMessageNotRecognized(t *testing.T) {
	for _, msg := range []string{"", "  ", "An unknown error occurred while processing the job.", "ERROR_9999"} {
		r := Explain(context.Background(), []Job{{Kind: KindBackup, ID: "j", Message: msg}}, Options{})
		if g := r.Groups[0]; g.Rule != NotRecognized || g.Authorization || r.UnrecognizedJobs != 1 || r.OtherJobs != 1 {
			t.Errorf("%q: rule %s authorization %v unrecognized %d", msg, g.Rule, g.Authorization, r.UnrecognizedJobs)
		}
	}
}

// TestJobMessageRoleFromJob: "Unable to assume role" names no role: the
// job's role is the one whose trust policy is at fault, one explanation
// per role.
func TestJobMessageRoleFromJob(t *testing.T) {
	js := []Job{
		{Kind: KindBackup, ID: "a", Message: "Unable to assume role", RoleARN: "arn:aws:iam::111122223333:role/RoleA"},
		{Kind: KindBackup, ID: "b", Message: "Unable to assume role", RoleARN: "arn:aws:iam::111122223333:role/RoleB"},
		{Kind: KindBackup, ID: "c", Message: "Insufficient permissions to access S3 bucket", RoleARN: "arn:aws:iam::111122223333:role/RoleA", Resource: "arn:aws:s3:::b1"},
	}
	r := Explain(context.Background(), js, Options{})
	if r.Causes != 2 || r.AuthorizationJobs != 3 {
		t.Fatalf("causes %d jobs %d", r.Causes, r.AuthorizationJobs)
	}
	g := r.Groups[0]
	if g.Rule != "backup.job.role-cannot-be-assumed" || g.Explanations[0].Finding.Layer != "trust" || len(g.Explanations) != 2 {
		t.Fatalf("group %s %d explanations", g.Rule, len(g.Explanations))
	}
	for i, role := range []string{"RoleA", "RoleB"} {
		e := g.Explanations[i]
		if !strings.HasSuffix(e.RoleFromJob, role) || !strings.Contains(strings.Join(e.Finding.Cause.Args, " "), role) {
			t.Errorf("explanation %d: role from job %q, cause %v", i, e.RoleFromJob, e.Finding.Cause.Args)
		}
	}
	s3 := r.Groups[1].Explanations[0]
	if args := strings.Join(s3.Finding.Cause.Args, " "); !strings.Contains(args, "RoleA") || !strings.Contains(args, "arn:aws:s3:::b1") {
		t.Errorf("s3 cause %v", s3.Finding.Cause.Args)
	}
}
