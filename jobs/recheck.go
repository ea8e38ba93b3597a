package jobs

import (
	"strings"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/preflight"
)

// Recheck is a cause read from a status message outside IAM's grammar (a
// jobPattern other than "Unable to assume role", which is read as the
// trust-policy denial and evaluated as IAM's are) evaluated again against
// the snapshot of the account that holds what decides it: the job role's
// requests for a backup of the job's resource type (its identity-based
// policies, boundary, SCPs and the resource policies the snapshot holds),
// the key policy for a key not accessible, the key's state for a key
// disabled or pending deletion.
type Recheck struct {
	// Status is denied (the snapshot shows the cause: a request of the job
	// role refused, the key in a state that refuses its use), allowed (it
	// does not: every request evaluated is allowed, the key is enabled) or
	// couldNotCheck (Cause or Reason says what was not evaluated and why).
	Status preflight.Status `json:"status"`
	// Operation is the catalog operation (denied check) whose job-role
	// requests were evaluated, with the job's role, vault and resource.
	Operation string `json:"operation,omitempty"`
	// Results are those requests (for an S3 bucket, its S3 requests; for
	// a key, its KMS requests), of the first job of the explanation.
	Results []preflight.Result `json:"results,omitempty"`
	// Key and KeyState are the key and its state in the snapshot.
	Key      string `json:"key,omitempty"`
	KeyState string `json:"keyState,omitempty"`
	// Detail says what decided a key's state (denied check's condition
	// detail: preflight.cond.key-ok, key-aws-managed, key-state), and
	// Fix how to make a key that is not enabled usable again (the AWS CLI
	// commands naming its ARN: preflight.KeyStateFix).
	Detail *preflight.Note `json:"detail,omitempty"`
	Fix    *preflight.Note `json:"fix,omitempty"`
	// Cause is why a request could not be checked (the role or key not in
	// the snapshot, an unreadable call).
	Cause *preflight.Cause `json:"cause,omitempty"`
	// Reason says what was not evaluated and why (a job kind denied has
	// no requests for). The bucket policy no snapshot holds is a Cause
	// (preflight.CauseResourcePolicyMayDeny, ...MayAllow), as in denied
	// check.
	Reason *diagnose.Msg `json:"reason,omitempty"`
}

// recheck evaluates own (with the role and resource the finding names)
// for job j against the snapshot of its account; nil without snapshots.
func recheck(own *ownMatch, role, resource string, j Job, o Options) *Recheck {
	if o.Snapshot == nil {
		return nil
	}
	unchecked := func(id string, args ...string) *Recheck {
		return &Recheck{Status: preflight.StatusCouldNotCheck, Reason: &diagnose.Msg{ID: "jobs.recheck." + id, Args: args}}
	}
	if own.p.id == "kms-key-state" {
		if resource == "" {
			return unchecked("no-key")
		}
		snap := o.Snapshot(arn.Account(resource))
		if snap == nil {
			return unchecked("no-snapshot", orUnknown(arn.Account(resource), "?"))
		}
		return keyState(snap, resource)
	}
	if role == "" {
		return unchecked("no-role")
	}
	snap := o.Snapshot(arn.Account(role))
	if snap == nil {
		return unchecked("no-snapshot", orUnknown(arn.Account(role), "?"))
	}
	if j.Kind != KindBackup {
		// The messages say "to execute the backup"; the requests of
		// restore and copy jobs need their recovery point, which the job
		// listing does not tie to these messages.
		return unchecked("not-backup", string(j.Kind))
	}
	typ := j.ResourceType
	if own.p.id == "s3-insufficient-permissions" {
		typ = "S3"
	}
	op, err := backupops.ForResourceType(backupops.VerbBackup, typ)
	if err != nil {
		return unchecked("type", orUnknown(typ, "?"))
	}
	p := preflight.Params{RoleARN: role, VaultName: j.Vault, ResourceARN: j.Resource, ResourceType: typ, Now: o.Now}
	if own.p.id == "s3-insufficient-permissions" && resource != "" {
		p.ResourceARN = bucketARN(resource, snap.Partition)
	}
	if own.p.id == "kms-key-not-accessible" {
		if resource == "" {
			return unchecked("no-key")
		}
		p.KeyARN = resource
	}
	if a, ok := arn.Parse(p.ResourceARN); ok && a.Region != "" {
		p.Region = a.Region
	} else if a, ok := arn.Parse(p.KeyARN); ok && a.Region != "" {
		p.Region = a.Region
	}
	op, p, _, err = preflight.Resolve(snap, op.ID, p)
	if err != nil {
		return unchecked("error", err.Error())
	}
	rc := &Recheck{Operation: op.ID}
	for _, r := range preflight.Check(snap, op, p).Results {
		if r.Principal != backupops.JobRole || r.Status() == preflight.StatusNotApplicable {
			continue
		}
		switch own.p.id {
		case "s3-insufficient-permissions":
			if !strings.HasPrefix(r.Action, "s3:") {
				continue
			}
		case "kms-key-not-accessible":
			if !strings.HasPrefix(r.Action, "kms:") {
				continue
			}
		}
		rc.Results = append(rc.Results, r)
	}
	rc.Status = preflight.StatusAllowed
	for _, r := range rc.Results {
		switch {
		case r.Denied():
			rc.Status = preflight.StatusDenied
		case r.CouldNotCheck() && rc.Status != preflight.StatusDenied:
			rc.Status = preflight.StatusCouldNotCheck
			// The first cause; one that the role's policies allow
			// nothing of gives way to one that they do not (a bucket
			// policy that may allow a request they refuse).
			if r.Cause != nil && (rc.Cause == nil || rc.Cause.Kind == preflight.CauseResourcePolicyMayDeny && r.Cause.Kind == preflight.CauseResourcePolicyMayAllow) {
				c := *r.Cause
				rc.Cause = &c
			}
		}
	}
	switch {
	case len(rc.Results) == 0:
		rc.Status, rc.Reason = preflight.StatusCouldNotCheck, &diagnose.Msg{ID: "jobs.recheck.no-requests", Args: []string{op.ID}}
	case rc.Status == preflight.StatusCouldNotCheck && rc.Cause == nil:
		rc.Reason = &diagnose.Msg{ID: "jobs.recheck.error", Args: []string{firstError(rc.Results)}}
	}
	if rc.Cause != nil {
		// The cause names where the job gave the value, not a flag of
		// denied check.
		fields := map[string]string{"--role": "IamRoleArn", "--vault": "BackupVaultName", "--resource-arn": "ResourceArn", "--kms-key": "StatusMessage"}
		if own.role != "" {
			fields["--role"] = "StatusMessage"
		}
		if own.resource != "" && own.p.id == "s3-insufficient-permissions" {
			fields["--resource-arn"] = "StatusMessage"
		}
		if f, ok := fields[rc.Cause.Flag]; ok {
			rc.Cause.Flag = f
		}
	}
	return rc
}

// keyState decides a key-state message from the key's state in snap, as
// denied check decides a key's state (preflight.KeyStateOf): a key not
// enabled is denied with the fix naming its ARN, a state the snapshot does
// not record could not be checked (naming the unreadable call that hid it),
// an AWS managed key is enabled (AWS KMS keeps it so). Before, an AWS
// managed key without a recorded state could not be checked and a denial
// carried no fix.
func keyState(snap *account.Snapshot, key string) *Recheck {
	region := ""
	if a, ok := arn.Parse(key); ok {
		region = a.Region
	}
	d := preflight.KeyStateOf(snap, key, region, "StatusMessage")
	rc := &Recheck{Status: d.Status, Key: key, Cause: d.Cause, Fix: d.Fix}
	if d.Key != nil {
		rc.Key, rc.KeyState = d.Key.ARN, d.Key.KeyState
	}
	if d.Status != preflight.StatusCouldNotCheck {
		n := d.Detail
		rc.Detail = &n
	}
	return rc
}

// bucketARN is the ARN of a bucket the message names by name or ARN.
func bucketARN(b, partition string) string {
	if strings.HasPrefix(b, "arn:") {
		return b
	}
	if partition == "" {
		partition = "aws"
	}
	return "arn:" + partition + ":s3:::" + b
}

func firstError(rs []preflight.Result) string {
	for _, r := range rs {
		if r.Error != "" {
			return r.Error
		}
	}
	return "?"
}

// recheckKey tells apart the jobs of one own-matched message whose
// evaluation may differ: their role, kind, resource type, vault and
// resource.
func recheckKey(j Job) string {
	return strings.Join([]string{string(j.Kind), j.ResourceType, j.Vault, j.Resource, j.RoleARN}, "\x00")
}

// recheckSig is what a person reads of a recheck: jobs whose recheck
// says the same (every volume refused ec2:CreateSnapshot by the same
// layer) share an explanation.
func recheckSig(rc *Recheck) string {
	if rc == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(string(rc.Status) + "\x00" + rc.Operation + "\x00" + rc.KeyState + "\x00")
	for _, r := range rc.Results {
		if r.Status() != preflight.StatusAllowed {
			b.WriteString(r.Action + "\x00" + r.Verdict + "\x00" + r.Layer + "\x00")
		}
	}
	if rc.Cause != nil {
		b.WriteString(rc.Cause.String())
	}
	if rc.Reason != nil {
		b.WriteString(rc.Reason.ID + "\x00" + strings.Join(rc.Reason.Args, "\x00"))
	}
	return b.String()
}
