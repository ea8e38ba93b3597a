package preflight

import (
	"os"
	"strings"
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/fix"
)

// TestCheckUnheldBucketPolicy: Check takes the bucket policy no snapshot
// holds as absent no more (it did: allowed, or denied at the identity
// layer): the S3 requests of a backup of a bucket the job role's policies
// allow may be denied by it, those they refuse in one account may be
// allowed by it (could not check); an explicit deny stands.
func TestCheckUnheldBucketPolicy(t *testing.T) {
	snap, err := account.LoadFile("../testdata/check/unheld-s3.json")
	if err != nil {
		t.Fatal(err)
	}
	for role, want := range map[string]string{"S3Role": "resourcePolicyMayDeny", "NoS3Role": "resourcePolicyMayAllow", "DenyS3Role": "ExplicitDeny"} {
		p := Params{Caller: "arn:aws:iam::111122223333:user/admin", RoleARN: "arn:aws:iam::111122223333:role/" + role,
			VaultName: "Default", ResourceARN: "arn:aws:s3:::data-bucket"}
		op, p, _, err := Resolve(snap, "backup/S3", p)
		if err != nil {
			t.Fatal(err)
		}
		rep := Check(snap, op, p)
		for _, r := range rep.Results {
			if !strings.HasPrefix(r.Action, "s3:") {
				continue
			}
			got := r.Verdict
			if r.Cause != nil {
				got = string(r.Cause.Kind)
			}
			if w := want; got != w && !(want == "ExplicitDeny" && r.Action != "s3:GetObject" && got == "resourcePolicyMayDeny") {
				t.Errorf("%s: %s on %s: %s, want %s", role, r.Action, r.Resource, got, w)
			}
		}
		wantStatus := StatusCouldNotCheck
		if want == "ExplicitDeny" {
			wantStatus = StatusDenied
		}
		if rep.Status != wantStatus {
			t.Errorf("%s: status %s, want %s", role, rep.Status, wantStatus)
		}
	}
}

// TestCheckUnheldKeepsPlan: a denial that stands on a resource whose
// resource-based policy no snapshot holds (an explicit deny of the
// identity-based policy, an SCP's deny) keeps its fix plan, which edits
// the layer that denied, verified against the policies the snapshot
// holds and labelled with the bucket policy it lacks, and the report
// lists that policy to verify; a could-not-check resourcePolicyMayAllow
// keeps its verified identity-policy plan, labelled the same way; a
// resourcePolicyMayDeny has none. Before, every plan on the bucket was
// dropped.
func TestCheckUnheldKeepsPlan(t *testing.T) {
	const bucket = "arn:aws:s3:::data-bucket"
	for _, tt := range []struct {
		file, role string
		verdict    string // of s3:GetObject
		layer      string // the layer its plan's first fix edits
		target     fix.TargetKind
		toVerify   bool
	}{
		{"unheld-s3.json", "DenyS3Role", ExplicitDeny, "identity", fix.TargetRoleInline, true},
		{"unheld-s3-scp.short.json", "S3Role", ExplicitDeny, "scp", fix.TargetSCP, true},
		{"unheld-s3.json", "NoS3Role", CouldNotCheck, "identity", fix.TargetRoleInline, false},
		{"unheld-s3.json", "S3Role", CouldNotCheck, "", "", false},
	} {
		var snap *account.Snapshot
		f, err := os.Open("../testdata/check/" + tt.file)
		if err == nil {
			if strings.HasSuffix(tt.file, ".short.json") {
				snap, err = account.LoadShort(f)
			} else {
				snap, err = account.Load(f)
			}
			f.Close()
		}
		if err != nil {
			t.Fatal(err)
		}
		p := Params{Caller: "arn:aws:iam::111122223333:user/admin", RoleARN: "arn:aws:iam::111122223333:role/" + tt.role,
			VaultName: "Default", ResourceARN: bucket}
		op, p, _, err := Resolve(snap, "backup/S3", p)
		if err != nil {
			t.Fatal(err)
		}
		rep := Check(snap, op, p)
		name := tt.file + " " + tt.role
		found := false
		for _, r := range rep.Results {
			if r.Action != "s3:GetObject" {
				continue
			}
			found = true
			if r.Verdict != tt.verdict {
				t.Errorf("%s: s3:GetObject %s, want %s", name, r.Verdict, tt.verdict)
			}
			if tt.layer == "" {
				if r.Plan != nil {
					t.Errorf("%s: a plan for %s: %+v", name, r.Verdict, r.Plan)
				}
				continue
			}
			if r.Plan == nil || len(r.Plan.Fixes) == 0 {
				t.Errorf("%s: no fix plan", name)
				continue
			}
			f := r.Plan.Fixes[0]
			if !r.Plan.Verified || f.Layer != tt.layer || f.Target.Kind != tt.target || !f.Verified || f.Render.PolicyKind == "" {
				t.Errorf("%s: plan verified %v, first fix %s %s %s verified %v (%q), want a verified edit of %s %s",
					name, r.Plan.Verified, f.ID, f.Layer, f.Target.Kind, f.Verified, f.Render.PolicyKind, tt.layer, tt.target)
			}
			if u := r.Plan.Unheld; u == nil || u.Policy != account.PolicyBucket || u.Resource != bucket || !strings.Contains(u.Text, "the bucket policy of "+bucket+" is not held") {
				t.Errorf("%s: plan not labelled with the bucket policy it lacks: %+v", name, u)
			}
		}
		if !found {
			t.Errorf("%s: no s3:GetObject", name)
		}
		n := 0
		for _, c := range rep.ToVerify {
			if c.Policy != "" {
				n++
				if c.Policy != account.PolicyBucket || c.Subject != bucket || c.Kind != "bucketPolicy" {
					t.Errorf("%s: to verify %+v, want the bucket policy of %s", name, c, bucket)
				}
			}
		}
		if want := map[bool]int{true: 1}[tt.toVerify]; n != want {
			t.Errorf("%s: %d unheld policies to verify, want %d: %+v", name, n, want, rep.ToVerify)
		}
	}
}

// TestUnheldPolicyPlans: unheldPolicy keeps, for Check and
// EvaluateRequest (explain, jobs) alike, the plan of a denial that
// stands, labelled as verified or, when it does not let the request
// through, as only evaluated against the policies the snapshot holds; a
// resourcePolicyMayAllow keeps a verified plan only, labelled the same
// way (before, EvaluateRequest kept none for it: explain and jobs showed
// only the fix verified against the message alone).
func TestUnheldPolicyPlans(t *testing.T) {
	const obj, principal = "arn:aws:s3:::b/k", "arn:aws:iam::111122223333:role/R"
	plan := func(verified bool) *fix.Plan {
		return &fix.Plan{Verified: verified, Fixes: []fix.Fix{{ID: "identity-inline-allow", Layer: "identity", Verified: verified}}}
	}
	for _, tt := range []struct {
		name     string
		verdict  string
		layer    string
		verified bool
		want     string // in the label; "" for no plan
	}{
		{"explicit deny", ExplicitDeny, "identity", true, "Fix plan verified against the policies the snapshot holds; the bucket policy of arn:aws:s3:::b is not held"},
		{"explicit deny, plan not verified", ExplicitDeny, "identity", false, "Fix plan evaluated against the policies the snapshot holds (they still refuse"},
		{"SCP", ImplicitDeny, "scp", true, "Fix plan verified"},
		{"may allow", ImplicitDeny, "identity", true, "Fix plan verified against the policies the snapshot holds; the bucket policy of arn:aws:s3:::b is not held"},
		{"may allow, boundary", ImplicitDeny, "permissionsBoundary", true, "Fix plan verified"},
		{"may allow, plan not verified", ImplicitDeny, "identity", false, ""},
	} {
		res := Result{PrincipalARN: principal, Action: "s3:GetObject", Resource: obj, Verdict: tt.verdict, Layer: tt.layer, Plan: plan(tt.verified)}
		unheldPolicy(&res, "111122223333")
		switch {
		case tt.want == "" && res.Plan != nil:
			t.Errorf("%s: plan kept: %+v", tt.name, res.Plan)
		case tt.want != "" && (res.Plan == nil || res.Plan.Unheld == nil):
			t.Errorf("%s: plan %+v, want one labelled %q", tt.name, res.Plan, tt.want)
		case tt.want != "" && !strings.HasPrefix(res.Plan.Unheld.Text, tt.want):
			t.Errorf("%s: label %q, want %q", tt.name, res.Plan.Unheld.Text, tt.want)
		}
	}
}

// TestEvaluateRequestMayAllowKeepsPlan: EvaluateRequest (explain --snapshot,
// jobs --snapshot) of a request that no identity-based policy allows on an
// S3 object whose bucket policy no snapshot holds, within one account, is
// could-not-check (resourcePolicyMayAllow) and keeps the verified plan
// check shows for it: the identity-based policy edited, labelled as
// verified against the policies the snapshot holds. Before, it kept none.
func TestEvaluateRequestMayAllowKeepsPlan(t *testing.T) {
	snap, err := account.LoadFile("../testdata/check/unheld-s3.json")
	if err != nil {
		t.Fatal(err)
	}
	r := EvaluateRequest(snap, "arn:aws:iam::111122223333:role/NoS3Role", "s3:GetObject", "arn:aws:s3:::data-bucket/k", nil, nil)
	if r.Verdict != CouldNotCheck || r.Cause == nil || r.Cause.Kind != CauseResourcePolicyMayAllow {
		t.Fatalf("verdict %s, cause %+v, want CouldNotCheck, resourcePolicyMayAllow", r.Verdict, r.Cause)
	}
	switch p := r.Plan; {
	case p == nil || len(p.Fixes) == 0:
		t.Errorf("no plan")
	case !p.Verified || p.Fixes[0].Layer != "identity" || p.Fixes[0].Target.Kind != fix.TargetRoleInline:
		t.Errorf("plan %+v, want a verified edit of the role's identity-based policy", p)
	case p.Unheld == nil || p.Unheld.Policy != account.PolicyBucket || p.Unheld.Resource != "arn:aws:s3:::data-bucket":
		t.Errorf("plan labelled %+v, want the bucket policy of arn:aws:s3:::data-bucket", p.Unheld)
	}
}
