// Package diagnose turns an access denial into findings: which rule
// explains it (a stable ID), the cause, what to check, and the fixes,
// verified with the engine. Every sentence is an i18n message ID with its
// arguments, so reports render it in English, Japanese or Korean.
//
// It also holds the re-evaluation of a denial's request against an
// account snapshot (RequestOf, Reevaluate: explain --snapshot and --live)
// and the status of a decode (DecodeResult). It must not import the AWS SDK,
// the collector, the CLI or the case format (simulate; internal/archtest):
// the live modes hand it a loaded snapshot.
package diagnose

import (
	"strings"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
)

// Msg is one sentence to show: an i18n message ID and its arguments.
type Msg struct {
	ID   string   `json:"id"`
	Args []string `json:"args,omitempty"`
}

func msg(id string, args ...string) Msg { return Msg{ID: id, Args: args} }

// Finding is one explanation of a denial.
type Finding struct {
	// Rule is the stable ID of the rule that matched, e.g.
	// "backup.ec2-restore-passrole" or "iam.identity-implicit".
	Rule string `json:"rule"`
	// Layer is the policy layer at fault, as the engine names layers
	// (identity, resource, permissionsBoundary, session, scp, rcp,
	// vpcEndpoint), or "trust", "kms", "organization", "service", "decode".
	Layer  string `json:"layer,omitempty"`
	Title  Msg    `json:"title"`
	Cause  Msg    `json:"cause"`
	Checks []Msg  `json:"checks,omitempty"`
	Notes  []Msg  `json:"notes,omitempty"`
	// Plan holds the least-privilege fixes that together let the request
	// through, verified by the engine; Alternatives the other fixes
	// (non-IAM ones, and broad ones labelled with their risk).
	Plan         *fix.Plan `json:"plan,omitempty"`
	Alternatives []fix.Fix `json:"alternatives,omitempty"`
	// Claimed says the cause is the message's claim, not a fact: the
	// request re-evaluated against an account snapshot is allowed
	// (Reevaluate), so the reports say it as what the message says.
	Claimed bool `json:"claimed,omitempty"`
	// candidates are the policy layers that may have refused the request
	// when the message does not say which (an sts:AssumeRole refusal
	// without a policy type: the role's trust policy, "resource", or the
	// caller's identity-based policy): the finding claims none, it has
	// no plan and one candidate fix per layer among its alternatives.
	candidates []string
}

// Options tune diagnosis.
type Options struct {
	Fix fix.Options
}

// Diagnose explains a denial: specific rules first (AWS Backup scenarios,
// traps that are not permission problems), then the generic rule for the
// layer the message names.
func Diagnose(d *authzmsg.Denial, opt Options) []Finding {
	var out []Finding
	for _, r := range rules {
		if f, ok := r(d); ok {
			out = append(out, f)
		}
	}
	if !coversLayer(out) {
		if f, ok := genericRule(d); ok {
			out = append(out, f)
		}
	}
	for i := range out {
		attachFixes(d, &out[i], opt)
	}
	return out
}

// coversLayer reports whether a specific finding already explains the
// denial's layer, so the generic rule would only repeat it.
func coversLayer(fs []Finding) bool {
	for _, f := range fs {
		if f.Rule != "" && !strings.HasPrefix(f.Rule, "trap.") && !strings.HasPrefix(f.Rule, "decode.") {
			return true
		}
	}
	return false
}

type rule func(d *authzmsg.Denial) (Finding, bool)

var rules = []rule{
	ruleDecodeFirst,
	ruleDecodeDenied,
	ruleDecodedDeny,
	ruleAssumeRole,
	ruleServiceSession,
	ruleBackupEC2RestorePassRole,
	ruleBackupEncodedRestore,
	ruleBackupCallerPassRole,
	ruleBackupCreateVault,
	ruleBackupStartRestore,
	ruleBackupVaultPolicyDeny,
	ruleDescribeMissingVault,
	ruleVaultLock,
	ruleBackupJobMessage,
	ruleKMSKeyPolicy,
}

// principalName returns a readable name for the denied principal.
func principalName(d *authzmsg.Denial) string {
	p := d.Principal
	switch {
	case p.IsBackupSession && p.BackupRole != "":
		return p.BackupRole
	case p.Name != "":
		return p.Name
	case p.ARN != "":
		return p.ARN
	}
	return "@unknown.principal"
}

// resourceName returns the last path element of an ARN ("role/x" → "x").
func resourceName(arn string) string {
	if i := strings.LastIndexAny(arn, "/:"); i >= 0 && i < len(arn)-1 {
		return arn[i+1:]
	}
	return arn
}

// layerOf is the engine's name of the layer the message names, or "".
func layerOf(d *authzmsg.Denial) string {
	if l, ok := d.PolicyType.Layer(); ok {
		return l.String()
	}
	return ""
}

func service(action string) string {
	if i := strings.IndexByte(action, ':'); i > 0 {
		return strings.ToLower(action[:i])
	}
	return ""
}

func actionIs(d *authzmsg.Denial, names ...string) bool {
	for _, n := range names {
		if strings.EqualFold(d.Action, n) {
			return true
		}
	}
	return false
}

func operationIs(d *authzmsg.Denial, names ...string) bool {
	op := d.Operation
	if d.CloudTrail != nil && op == "" {
		op = d.CloudTrail.EventName
	}
	for _, n := range names {
		if strings.EqualFold(op, n) {
			return true
		}
	}
	return false
}
