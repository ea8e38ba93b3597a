package diagnose

import (
	"slices"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/preflight"
)

// Request is the request a denial names, as the engine evaluates it: the
// principal's ARN, the action, the resource ARN ("*" when the message names
// none) and the request context's single-valued keys other than aws:*
// (those the account evaluation sets itself).
type Request struct {
	Principal string
	Action    string
	Resource  string
	Context   map[string]string
}

// RequestOf returns the request d names, and false when it names none that
// can be evaluated again: no action, no principal ARN, a redacted one, or a
// resource whose name the message cut short.
//
// An AWS Backup restore session passing a role passes the instance's role
// to EC2, but the message does not carry iam:PassedToService: RequestOf
// sets it to ec2.amazonaws.com (the fix package infers it the same way, and
// says so in a note of the plan).
func RequestOf(d *authzmsg.Denial) (Request, bool) {
	if d == nil || d.Action == "" || !strings.HasPrefix(d.Principal.ARN, "arn:") || d.Principal.Redacted {
		return Request{}, false
	}
	if d.ResourceKind == "arn" && cutShort(d.Raw, d.Resource) {
		return Request{}, false // the message cut the resource's name: which resource is not known
	}
	r := Request{Principal: d.Principal.ARN, Action: d.Action, Resource: "*", Context: map[string]string{}}
	if d.ResourceKind == "arn" {
		r.Resource = d.Resource
	}
	for k, v := range d.Context {
		if len(v) == 1 && !strings.HasPrefix(strings.ToLower(k), "aws:") {
			r.Context[k] = v[0]
		}
	}
	if strings.EqualFold(d.Action, "iam:PassRole") && d.Principal.IsBackupSession && r.Context["iam:PassedToService"] == "" {
		r.Context["iam:PassedToService"] = "ec2.amazonaws.com"
	}
	return r, true
}

// Reevaluate evaluates the request d names again against the account
// snapshot snap (every policy layer of the principal and the resource, as
// preflight.EvaluateRequest does) and returns the result, or nil when d
// names no request that can be evaluated (see RequestOf). A resource
// whose resource-based policy no snapshot holds (an S3 bucket, an SQS
// queue, a Lambda function, ...) makes the result could-not-check where
// that policy could change it; where it could not (the denial stands),
// its plan is labelled as verified against the policies the snapshot
// holds while that one may still deny (fix.Plan.Unheld, as check labels
// it) and replaces the findings' as any other (preflight.EvaluateRequest).
// So does the verified plan of a could-not-check resourcePolicyMayAllow
// (the identity-based policy, boundary or session policy edited, as check
// shows it); the fixes verified against the message alone that edit
// another layer (the bucket policy the message blames) stay, after it, as
// the planned finding's first alternatives.
// The fixes
// verified against the account's real policies replace, in the planned
// finding (the first with a plan: the one that blames the policy layer of
// the request evaluated, not "decode the message first", which has none),
// the ones verified against the request alone; when an unreadable call
// may have left some of those policies out (account.Incomplete), the
// result has no plan and the findings keep theirs.
//
// A request the snapshot's policies allow makes the findings that blame
// a policy (all but decoding and service traps) Claimed: their cause is
// what the message says, which the snapshot does not bear out. now is the
// clock (nil: time.Now).
func Reevaluate(snap *account.Snapshot, d *authzmsg.Denial, findings []Finding, now func() time.Time) *preflight.Result {
	req, ok := RequestOf(d)
	if snap == nil || !ok {
		return nil
	}
	r := preflight.EvaluateRequest(snap, req.Principal, req.Action, req.Resource, req.Context, now)
	if f := planned(findings); r.Plan != nil && f != nil {
		switch {
		case f.Plan == nil && r.Verdict != preflight.CouldNotCheck:
			// The candidates of a message that names no layer: the
			// snapshot's evaluation says which layer refuses, its plan
			// replaces them, and the note that presents them goes.
			f.Alternatives = nil
			f.Notes = slices.DeleteFunc(f.Notes, func(m Msg) bool { return m.ID == "assume.unnamed.note" })
		case f.Plan != nil && r.Verdict == preflight.CouldNotCheck:
			f.Alternatives = append(otherLayers(f.Plan.Fixes, r.Plan.Fixes), f.Alternatives...)
		}
		f.Plan = r.Plan
	}
	if r.Verdict == preflight.Allowed && r.Cause == nil && r.Error == "" && r.Skip == "" {
		for i := range findings {
			if f := &findings[i]; f.Layer != "decode" && f.Layer != "service" {
				f.Claimed = true
			}
		}
	}
	return &r
}

// planned returns the first of findings with a plan (verified against the
// message alone) or candidate fixes, the one the snapshot's plan is for,
// or nil.
func planned(findings []Finding) *Finding {
	for i := range findings {
		if findings[i].Plan != nil || len(findings[i].candidates) > 0 {
			return &findings[i]
		}
	}
	return nil
}

// otherLayers returns the fixes of msg (verified against the message
// alone) that edit a layer none of snap's (verified against the
// snapshot) edits.
func otherLayers(msg, snap []fix.Fix) []fix.Fix {
	layers := map[string]bool{}
	for _, f := range snap {
		layers[f.Layer] = true
	}
	var out []fix.Fix
	for _, f := range msg {
		if !layers[f.Layer] {
			out = append(out, f)
		}
	}
	return out
}
