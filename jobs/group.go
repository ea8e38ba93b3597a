package jobs

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/preflight"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
)

// NotAuthorization is the rule of a group of jobs whose status message is
// not an access denial (a resource busy, a timeout, no message at all).
const NotAuthorization = "not-authorization"

// Explanation is one distinct status message, explained once.
type Explanation struct {
	Message string `json:"statusMessage"`
	// Jobs is the number of jobs that failed with this message.
	Jobs int `json:"jobs"`
	// Denial is the message read as an access denial (nil when it is
	// not one).
	Denial *authzmsg.Denial `json:"denial,omitempty"`
	// Decode says what happened with its encoded message, if any.
	Decode diagnose.DecodeStatus `json:"decode"`
	// RoleFromJob is the job role (the jobs' IamRoleArn) when the message
	// names none and the diagnosis took the role from the jobs; the jobs
	// of one message with different roles are then explained apart.
	RoleFromJob string `json:"roleFromJob,omitempty"`
	// Snapshot is the denied request evaluated again against the snapshot
	// of the principal's account (Options.Snapshot), with the fix planned
	// and verified against those policies (none when an unreadable call
	// may have left some out: account.Incomplete); nil without a
	// snapshot, or when the message does not name the request.
	Snapshot *preflight.Result `json:"snapshot,omitempty"`
	// Recheck is a cause read outside IAM's grammar (Finding from a job
	// pattern) evaluated again against the snapshot (Options.Snapshot):
	// the job role's requests, the key policy or the key's state, or why
	// it was not; nil without a snapshot.
	Recheck *Recheck `json:"recheck,omitempty"`
	// Class is "authorization" (a permission, trust or key-access
	// failure: the message has a Finding), "not-authorization" (recognized
	// as a failure of another kind: an expired job, a quota, a resource
	// not found) or "not-recognized" (neither: it may still be a
	// permission failure; an empty message is one).
	Class string `json:"class"`
	// Finding is the diagnosis the group is keyed by; Findings every one.
	Finding  *diagnose.Finding  `json:"-"`
	Findings []diagnose.Finding `json:"-"`
	// own is the message as read by jobPatterns (not IAM's grammar).
	own *ownMatch
}

// Classes of Explanation.
const (
	ClassAuthorization    = "authorization"
	ClassNotAuthorization = "not-authorization"
	ClassNotRecognized    = "not-recognized"
)

// Group is the jobs that failed for one cause.
type Group struct {
	// Rule is the diagnosis rule ID, NotAuthorization or NotRecognized.
	Rule string `json:"rule"`
	// Authorization is false for NotAuthorization and NotRecognized groups.
	Authorization bool `json:"authorization"`
	// Count is the number of jobs.
	Count int `json:"count"`
	// Resources are the distinct resources of the jobs, sorted.
	Resources []string `json:"resources"`
	// Accounts are the distinct accounts of the jobs, sorted (jobs read
	// across the organization).
	Accounts []string `json:"accounts,omitempty"`
	// Jobs are the jobs, in the order Read returned them.
	Jobs []Job `json:"jobs"`
	// Explanations are the distinct messages, in order of first job.
	Explanations []*Explanation `json:"explanations"`
}

// Options tune Explain.
type Options struct {
	// Decode decodes the encoded authorization failure message of a denial
	// (through STS) and says what happened; nil skips decoding
	// (--no-decode). It is called at most once per distinct message.
	Decode func(ctx context.Context, d *authzmsg.Denial) diagnose.DecodeStatus
	// Diagnose tunes the diagnosis.
	Diagnose diagnose.Options
	// Snapshot, when set, returns the snapshot of an account (nil when it
	// has none): each denial is evaluated again against the snapshot of
	// its principal's account, and its fix verified there.
	Snapshot func(accountID string) *account.Snapshot
	// Now fixes the clock of those evaluations (nil: time.Now).
	Now func() time.Time
}

// Report is the jobs grouped by cause.
type Report struct {
	Jobs int `json:"jobs"`
	// AuthorizationJobs + OtherJobs == Jobs.
	AuthorizationJobs int `json:"authorizationJobs"`
	OtherJobs         int `json:"otherJobs"`
	// UnrecognizedJobs are the OtherJobs whose message is not recognized
	// (or empty): not proven unrelated to permissions.
	UnrecognizedJobs int `json:"unrecognizedJobs"`
	// Causes is the number of authorization groups.
	Causes int `json:"causes"`
	// Messages is the number of distinct status messages explained.
	Messages int      `json:"messages"`
	Groups   []*Group `json:"groups"`
}

// Explain explains each distinct status message once and groups the jobs
// by the rule that explains their message: authorization causes first,
// most jobs first, then the messages that are not access denials.
func Explain(ctx context.Context, jobs []Job, o Options) *Report {
	byMsg := map[string]*Explanation{}
	byRule := map[string]*Group{}
	var order []*Group
	r := &Report{Jobs: len(jobs)}
	rechecks := map[string]*Recheck{}
	for _, j := range jobs {
		e := byMsg[j.Message]
		if e == nil {
			e = explainOne(ctx, j.Message, o)
			byMsg[j.Message] = e
			r.Messages++
		}
		msgKey := j.Message
		if needsRole(e, j) {
			msgKey = j.Message + "\x00" + j.RoleARN
			w := byMsg[msgKey]
			if w == nil {
				w = withRole(e, j, o)
				byMsg[msgKey] = w
			}
			e = w
		} else if k, ok := ownNeedsJob(e, j); ok {
			msgKey = j.Message + "\x00" + k
			w := byMsg[msgKey]
			if w == nil {
				w = ownWithJob(e, j)
				byMsg[msgKey] = w
			}
			e = w
		}
		if e.own != nil && o.Snapshot != nil {
			// Evaluated again per job (role, vault, resource); jobs whose
			// evaluation says the same share the explanation.
			ck := msgKey + "\x00recheck\x00" + recheckKey(j)
			rc, done := rechecks[ck]
			if !done {
				role, res := e.own.role, e.own.resource
				if role == "" {
					role = j.RoleARN
				}
				if res == "" && e.own.p.id == "s3-insufficient-permissions" {
					res = j.Resource
				}
				rc = recheck(e.own, role, res, j, o)
				rechecks[ck] = rc
			}
			key := msgKey + "\x00sig\x00" + recheckSig(rc)
			w := byMsg[key]
			if w == nil {
				c := *e
				c.Jobs, c.Recheck = 0, rc
				c.rechecked()
				w = &c
				byMsg[key] = w
			}
			e = w
		}
		e.Jobs++
		key := e.Class + "\x00" + j.Message
		if e.Finding != nil {
			key = e.Finding.Rule
		}
		g := byRule[key]
		if g == nil {
			g = &Group{Rule: NotAuthorization}
			switch {
			case e.Finding != nil:
				g.Rule, g.Authorization = e.Finding.Rule, true
			case e.Class == ClassNotRecognized:
				g.Rule = NotRecognized
			}
			byRule[key] = g
			order = append(order, g)
		}
		if !containsExpl(g.Explanations, e) {
			g.Explanations = append(g.Explanations, e)
		}
		g.Count++
		g.Jobs = append(g.Jobs, j)
		if j.Resource != "" && !containsStr(g.Resources, j.Resource) {
			g.Resources = append(g.Resources, j.Resource)
		}
		if j.AccountID != "" && !containsStr(g.Accounts, j.AccountID) {
			g.Accounts = append(g.Accounts, j.AccountID)
		}
	}
	for _, g := range order {
		sort.Strings(g.Resources)
		sort.Strings(g.Accounts)
		if g.Resources == nil {
			g.Resources = []string{}
		}
		if g.Authorization {
			r.Causes++
			r.AuthorizationJobs += g.Count
		} else {
			r.OtherJobs += g.Count
			if g.Rule == NotRecognized {
				r.UnrecognizedJobs += g.Count
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.Authorization != b.Authorization {
			return a.Authorization
		}
		if ua, ub := a.Rule == NotRecognized, b.Rule == NotRecognized; ua != ub {
			// Messages not recognized before those recognized as
			// another kind of failure: they may be permission failures.
			return ua
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Rule < b.Rule
	})
	r.Groups = order
	if r.Groups == nil {
		r.Groups = []*Group{}
	}
	return r
}

func containsExpl(es []*Explanation, e *Explanation) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// explainOne reads, decodes and diagnoses one status message. A message
// that is not an access denial has no Finding: it is recognized as
// another kind of failure, or not recognized.
func explainOne(ctx context.Context, msg string, o Options) *Explanation {
	e := &Explanation{Message: msg, Decode: diagnose.DecodeStatus{State: "none"}, Class: ClassNotRecognized}
	if strings.TrimSpace(msg) == "" {
		return e
	}
	own := matchOwn(msg)
	ds, err := authzmsg.ParseAll(msg)
	if (err != nil || len(ds) == 0) && own != nil && own.p.id == "unable-to-assume-role" {
		// AWS Backup's other wording of "The provided role ... cannot be
		// assumed by AWS Backup": read as that denial.
		ds, err, own = []*authzmsg.Denial{assumeRoleDenial(msg, own.role)}, nil, nil
	}
	if err != nil || len(ds) == 0 {
		switch {
		case own != nil:
			e.setOwn(own, "", "")
		case notAuthorization().MatchString(strings.Join(strings.Fields(msg), " ")):
			e.Class = ClassNotAuthorization
		}
		return e
	}
	d := ds[0]
	switch {
	case d.Encoded == "" || d.Decoded != nil:
	case o.Decode == nil:
		e.Decode = diagnose.DecodeStatus{State: "skipped", Msg: &diagnose.Msg{ID: "decode.skipped"}}
	case d.EncodedTruncated:
		e.Decode = diagnose.DecodeStatus{State: "skipped", Msg: &diagnose.Msg{ID: "decode.err.truncated"}}
	default:
		e.Decode = o.Decode(ctx, d)
	}
	e.Denial = d
	e.Findings = diagnose.Diagnose(d, o.Diagnose)
	e.Finding = primary(e.Findings)
	if own != nil && own.p.id != "unable-to-assume-role" && (e.Finding == nil || e.Finding.Rule == "iam.unknown") {
		// IAM's grammar read no more than "access denied" ("Access
		// denied: insufficient permissions to access S3 bucket ..."): the
		// job message names the layer.
		e.Denial, e.Findings, e.Finding = nil, nil, nil
		e.Decode = diagnose.DecodeStatus{State: "none"}
		e.setOwn(own, "", "")
		return e
	}
	if e.Finding != nil {
		e.Class = ClassAuthorization
	}
	reevaluate(e, o)
	return e
}

// setOwn explains e by an own match, with the job's role and resource
// standing in for what the message does not name.
func (e *Explanation) setOwn(own *ownMatch, jobRole, jobResource string) {
	e.own = own
	e.Findings = []diagnose.Finding{own.finding(jobRole, jobResource)}
	e.Finding = &e.Findings[0]
	e.Class = ClassAuthorization
}

// rechecked makes the cause of e, an own match whose recheck against the
// snapshot finds the request allowed (every request of the job role
// allowed, the key an AWS managed key AWS KMS keeps enabled or Enabled in
// the snapshot), say what the message says as the message's claim and
// that the snapshot does not bear it out ("jobs.rule." + id +
// ".cause.claimed"; for a key's state, ".cause.aws-managed" or
// ".cause.enabled" naming the snapshot's key, with a check that fits:
// retry, find the key the job uses): the summary no longer states as fact
// a cause the recheck contradicts. Its findings are its own (e is a copy
// of the message's explanation, one per recheck).
func (e *Explanation) rechecked() {
	rc := e.Recheck
	if rc == nil || rc.Status != preflight.StatusAllowed || e.own == nil || len(e.Findings) != 1 {
		return
	}
	e.Findings = slices.Clone(e.Findings)
	f := &e.Findings[0]
	e.Finding = f
	args := slices.Clone(f.Cause.Args) // role, resource
	id := "jobs.rule." + e.own.p.id + ".cause.claimed"
	if e.own.p.id == "kms-key-state" {
		key := rc.Key
		if key == "" {
			key = "@unknown.resource"
		}
		switch {
		case rc.Detail != nil && rc.Detail.ID == "preflight.cond.key-aws-managed":
			id, args = "jobs.rule.kms-key-state.cause.aws-managed", append(args, key)
		default:
			id, args = "jobs.rule.kms-key-state.cause.enabled", append(args, key, orUnknown(rc.KeyState, "Enabled"))
		}
		f.Checks = []diagnose.Msg{{ID: "jobs.rule.kms-key-state.check.rechecked"}}
	}
	f.Cause = diagnose.Msg{ID: id, Args: args}
}

// Rechecked reports whether e's recheck against the snapshot finds the
// request its message blames allowed (its cause then says the message's
// claim as such: rechecked).
func (e *Explanation) Rechecked() bool {
	return e.own != nil && e.Recheck != nil && e.Recheck.Status == preflight.StatusAllowed
}

// KeyState reports whether e's cause is the state of a KMS key (disabled,
// pending deletion) rather than a role's permissions or trust, and the key
// the message names ("" when it names none).
func (e *Explanation) KeyState() (key string, ok bool) {
	if e.own == nil || e.own.p.id != "kms-key-state" {
		return "", false
	}
	return e.own.resource, true
}

// ownNeedsJob reports whether e is an own match that names no role (or,
// for S3, no bucket) while the job does; the key tells the explanations
// of one message apart.
func ownNeedsJob(e *Explanation, j Job) (string, bool) {
	if e.own == nil || e.RoleFromJob != "" {
		return "", false
	}
	role := ""
	if e.own.role == "" && j.RoleARN != "" {
		role = j.RoleARN
	}
	res := ""
	if e.own.resource == "" && e.own.p.id == "s3-insufficient-permissions" && j.Resource != "" {
		res = j.Resource
	}
	if role == "" && res == "" {
		return "", false
	}
	return role + "\x00" + res, true
}

// ownWithJob explains e's own match again with the job's role and
// resource.
func ownWithJob(e *Explanation, j Job) *Explanation {
	w := &Explanation{Message: e.Message, Decode: e.Decode}
	role := ""
	if e.own.role == "" {
		role = j.RoleARN
	}
	w.setOwn(e.own, role, j.Resource)
	w.RoleFromJob = role
	return w
}

// reevaluate evaluates e's denial again against the snapshot of its
// principal's account: the role the message names, else the job's role.
func reevaluate(e *Explanation, o Options) {
	if o.Snapshot == nil || e.Denial == nil {
		return
	}
	d := e.Denial
	if d.Principal.ARN == "" && d.Backup != nil && d.Backup.RoleARN != "" {
		c := *d
		c.Principal = authzmsg.ParsePrincipal(d.Backup.RoleARN)
		d = &c
	}
	snap := o.Snapshot(arn.Account(d.Principal.ARN))
	if snap == nil {
		return
	}
	e.Snapshot = diagnose.Reevaluate(snap, d, e.Findings, o.Now)
	e.Finding = primary(e.Findings)
}

// needsRole reports whether e is an AWS Backup job message that names no
// role while the job names its role: the job's role is the one at fault.
func needsRole(e *Explanation, j Job) bool {
	d := e.Denial
	return d != nil && d.Backup != nil && d.Backup.RoleARN == "" && d.Decoded == nil && d.Encoded == "" && j.RoleARN != ""
}

// withRole explains e's message again with the job's role (and the job's
// resource when the message names none).
func withRole(e *Explanation, j Job, o Options) *Explanation {
	d := *e.Denial
	b := *d.Backup
	b.RoleARN = j.RoleARN
	if b.ResourceARN == "" {
		b.ResourceARN = j.Resource
	}
	d.Backup = &b
	w := &Explanation{Message: e.Message, Denial: &d, Decode: e.Decode, RoleFromJob: j.RoleARN, Class: e.Class}
	w.Findings = diagnose.Diagnose(&d, o.Diagnose)
	w.Finding = primary(w.Findings)
	if w.Finding != nil {
		w.Class = ClassAuthorization
	}
	reevaluate(w, o)
	return w
}

// primary is the finding that names the cause: the first that is not
// only "decode the message first", else the first.
func primary(fs []diagnose.Finding) *diagnose.Finding {
	for i := range fs {
		if !strings.HasPrefix(fs[i].Rule, "decode.") {
			return &fs[i]
		}
	}
	if len(fs) > 0 {
		return &fs[0]
	}
	return nil
}
