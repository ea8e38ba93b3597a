package preflight

import (
	"fmt"
	"sort"
	"strings"

	"github.com/deniedhq/denied/account"
)

// Status is the three-valued outcome of a result or a report: a request
// (or an operation) is allowed, denied, or could not be checked. A request
// whose inputs were not known (principal, role, vault, key, instance
// profile, a policy the snapshot could not read, a missing parameter) is
// never Allowed.
type Status string

const (
	// StatusAllowed: every checked request would be allowed.
	StatusAllowed Status = "allowed"
	// StatusDenied: a request would be denied (whatever else is unknown:
	// a denial the snapshot proves stands).
	StatusDenied Status = "denied"
	// StatusCouldNotCheck: nothing is proven denied, but something could
	// not be checked; Causes say what.
	StatusCouldNotCheck Status = "couldNotCheck"
	// StatusNotApplicable: the request applies only in circumstances the
	// parameters do not give (tags given, a VSS backup, ...); it counts
	// neither way.
	StatusNotApplicable Status = "notApplicable"
)

// CouldNotCheck is the verdict of a Result whose inputs were not known
// (see Result.Cause).
const CouldNotCheck = "CouldNotCheck"

// CauseKind is why a request could not be checked.
type CauseKind string

// Kinds of a Cause.
const (
	// CauseUnknownPrincipal: the caller (--as) is not a user or role of the
	// snapshot.
	CauseUnknownPrincipal CauseKind = "unknownPrincipal"
	// CauseUnknownRole: the job role (--role) is not in the snapshot, or
	// was given as a name instead of an ARN (Suggestion holds the ARN).
	CauseUnknownRole CauseKind = "unknownRole"
	// CauseUnknownVault: the backup vault is not in the snapshot.
	CauseUnknownVault CauseKind = "unknownVault"
	// CauseUnknownPlan: the backup plan (create-selection's --plan-id) is
	// not in the snapshot, which read the account's plans (AWS answers
	// CreateBackupSelection on a plan that does not exist with
	// ResourceNotFoundException, whatever the policies allow).
	CauseUnknownPlan CauseKind = "unknownPlan"
	// CauseUnknownRecoveryPoint: the recovery point a request acts on
	// (explain's and jobs' requests, which name it by ARN) is not in the
	// snapshot, so neither is the vault whose access policy governs it.
	CauseUnknownRecoveryPoint CauseKind = "unknownRecoveryPoint"
	// CauseUnknownKey: the KMS key is not in the snapshot.
	CauseUnknownKey CauseKind = "unknownKey"
	// CauseUnknownKeyState: the KMS key is in the snapshot but its state
	// (Enabled, Disabled, PendingDeletion, ...) is not; API names the
	// unreadable call that hid it, when one did.
	CauseUnknownKeyState CauseKind = "unknownKeyState"
	// CauseUnknownInstanceProfile: the instance profile is not in the
	// snapshot, or carries no role.
	CauseUnknownInstanceProfile CauseKind = "unknownInstanceProfile"
	// CauseUnreadable: an API the collector could not call hides a policy
	// layer or resource the request needs (API and Hides say which).
	CauseUnreadable CauseKind = "unreadable"
	// CauseMissingParameter: a parameter the request needs was not given
	// (Flag names it).
	CauseMissingParameter CauseKind = "missingParameter"
	// CauseEvaluation: the engine could not evaluate the request (a policy
	// that does not parse, say; Error holds the message).
	CauseEvaluation CauseKind = "evaluationError"
	// CauseOutsideSnapshot: the fact belongs to another account (Subject)
	// or to the organization, and the check has one account's snapshot:
	// an organization snapshot (collect --org) holds it.
	CauseOutsideSnapshot CauseKind = "outsideSnapshot"
	// CauseAccountNotCollected: the organization snapshot does not hold
	// the account Subject (not listed, or not collected: Error says why).
	CauseAccountNotCollected CauseKind = "accountNotCollected"
	// CauseResourcePolicyMayDeny: the principal's policies in the snapshot
	// allow the request, but the resource carries a resource-based policy
	// no snapshot holds (Policy says which kind, Subject the resource:
	// account.UnheldPolicy), and that policy may deny it (across
	// accounts, it must allow it too).
	CauseResourcePolicyMayDeny CauseKind = "resourcePolicyMayDeny"
	// CauseResourcePolicyMayAllow: nothing of the principal's policies in
	// the snapshot allows the request (an implicit deny of its identity
	// policies, boundary or session policy), but within one account the
	// resource-based policy no snapshot holds (Policy, Subject) may allow
	// it on its own.
	CauseResourcePolicyMayAllow CauseKind = "resourcePolicyMayAllow"
	// CauseOrgAccountsUnlisted: the snapshot describes the organization
	// (Flag: its id) but does not list its member accounts (a short form's
	// org without "accounts": account.Organization.AccountsUnlisted), so
	// whether account Subject is a member is unknown.
	CauseOrgAccountsUnlisted CauseKind = "orgAccountsUnlisted"
	// CauseSettingNotRecorded: the organization snapshot holds no answer
	// of backup:DescribeGlobalSettings naming AWS Backup's setting
	// Subject (isCrossAccountBackupEnabled), and records no failed call
	// either: an index written by an older denied or another tool, or an
	// answer without the setting. The accounts were collected; the setting
	// was not.
	CauseSettingNotRecorded CauseKind = "settingNotRecorded"
)

// Cause is one reason a request could not be checked.
type Cause struct {
	Kind CauseKind `json:"kind"`
	// Subject is what is unknown: an ARN or name (unknown*), the
	// parameter (missingParameter).
	Subject string `json:"subject,omitempty"`
	// Flag is the command-line flag that gives the missing or unknown
	// input ("--role", "--kms-key", ...).
	Flag string `json:"flag,omitempty"`
	// API is the unreadable call, "service:Operation"
	// ("organizations:ListPoliciesForTarget").
	API string `json:"api,omitempty"`
	// Hides is what the unreadable call hides (account.Hidden).
	Hides account.Hidden `json:"hides,omitempty"`
	// Error is the error AWS returned to the collector (unreadable), or the
	// engine's error (evaluationError).
	Error string `json:"error,omitempty"`
	// Suggestion is a likely intended value ("did you mean"): the ARN of a
	// role given by name, say.
	Suggestion string `json:"suggestion,omitempty"`
	// Policy is the kind of resource-based policy no snapshot holds
	// (resourcePolicyMay*): account.PolicyBucket, PolicyQueue, ...
	Policy string `json:"policy,omitempty"`
}

// WithheldUnreadable is the reason of a Withheld fix: an unreadable call
// of the snapshot may have left out some of the policies the denial's fix
// would be verified against (account.Incomplete).
const WithheldUnreadable = "unreadable"

// Withheld says why a denial that stands has no fix plan: one verified
// against the policies the snapshot holds proves nothing while an
// unreadable call may have left some out (a policy it lacks may deny too,
// or none may allow).
type Withheld struct {
	// Reason is WithheldUnreadable.
	Reason string `json:"reason"`
	// API is the unreadable call, "service:Operation"
	// ("iam:GetAccountAuthorizationDetails").
	API string `json:"api"`
	// Hides is what it hides (account.Hidden: iam, scps, organization).
	Hides account.Hidden `json:"hides,omitempty"`
	// Error is the error AWS returned to the collector.
	Error string `json:"error,omitempty"`
	// Calls are all the unreadable calls that left the policies
	// incomplete, the first (API, Hides, Error above) included, one per
	// call.
	Calls []WithheldCall `json:"calls,omitempty"`
}

// WithheldCall is one unreadable call of a Withheld.
type WithheldCall struct {
	API   string         `json:"api"`
	Hides account.Hidden `json:"hides,omitempty"`
	Error string         `json:"error,omitempty"`
}

// All returns w's calls: Calls, or the one of API when it has none.
func (w Withheld) All() []WithheldCall {
	if len(w.Calls) > 0 {
		return w.Calls
	}
	return []WithheldCall{{API: w.API, Hides: w.Hides, Error: w.Error}}
}

// String states why the fix was withheld, in English (the CLI renders it
// through i18n).
func (w Withheld) String() string {
	if calls := w.All(); len(calls) > 1 {
		var parts []string
		for _, c := range calls {
			what, ok := withheldNouns[c.Hides]
			if !ok {
				what = account.HiddenText(c.Hides)
			}
			parts = append(parts, what+" ("+c.API+")")
		}
		list := strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
		return fmt.Sprintf("no fix proposed: the snapshot could not read %s (denied when it was taken), so no fix can be verified against the policies that apply; collect again with read access, then re-run", list)
	}
	what, ok := withheldNouns[w.Hides]
	if !ok {
		what = account.HiddenText(w.Hides)
	}
	return fmt.Sprintf("no fix proposed: the snapshot could not read %s (%s was denied when it was taken), so no fix can be verified against the policies that apply; collect again with read access, then re-run", what, w.API)
}

// withheldNouns name, in English, what the calls of a Withheld hide.
var withheldNouns = map[account.Hidden]string{
	account.HiddenIAM:          "the IAM users, roles and their policies",
	account.HiddenSCPs:         "the SCPs",
	account.HiddenOrganization: "the organization's SCPs and RCPs",
}

// policyNouns name the kinds of account.UnheldPolicy in English.
var policyNouns = map[string]string{
	account.PolicyBucket:      "the bucket policy of %s",
	account.PolicyAccessPoint: "the access point policy of %s",
	account.PolicyQueue:       "the queue policy of %s",
	account.PolicyTopic:       "the topic policy of %s",
	account.PolicyFunction:    "the function policy of %s",
	account.PolicySecret:      "the resource policy of secret %s",
	account.PolicyRepository:  "the repository policy of %s",
	account.PolicyResource:    "the resource-based policy of %s",
}

func policyNoun(kind, subject string) string {
	f, ok := policyNouns[kind]
	if !ok {
		f = policyNouns[account.PolicyResource]
	}
	return fmt.Sprintf(f, subject)
}

// String states the cause in English (the CLI renders it through i18n).
func (c Cause) String() string {
	var s string
	switch c.Kind {
	case CauseUnknownPrincipal:
		s = fmt.Sprintf("principal %s (%s) is not in the snapshot", c.Subject, c.Flag)
	case CauseUnknownRole:
		s = fmt.Sprintf("role %s (%s) is not in the snapshot", c.Subject, c.Flag)
	case CauseUnknownVault:
		s = fmt.Sprintf("backup vault %s (%s) is not in the snapshot", c.Subject, c.Flag)
	case CauseUnknownPlan:
		s = fmt.Sprintf("backup plan %s (%s) is not in the snapshot", c.Subject, c.Flag)
	case CauseUnknownRecoveryPoint:
		s = fmt.Sprintf("recovery point %s (%s) is not in the snapshot", c.Subject, c.Flag)
	case CauseUnknownKey:
		s = fmt.Sprintf("KMS key %s (%s) is not in the snapshot", c.Subject, c.Flag)
	case CauseUnknownKeyState:
		s = fmt.Sprintf("the state of KMS key %s (%s) is unknown: ", c.Subject, c.Flag)
		if c.API != "" {
			s += c.API + " was denied when the snapshot was taken"
		} else {
			s += "the snapshot does not record it"
		}
	case CauseUnknownInstanceProfile:
		s = fmt.Sprintf("instance profile %s (%s) is not in the snapshot or has no role", c.Subject, c.Flag)
	case CauseUnreadable:
		s = fmt.Sprintf("%s unknown: %s was denied when the snapshot was taken", account.HiddenText(c.Hides), c.API)
		if c.Error != "" {
			s += " (" + c.Error + ")"
		}
	case CauseMissingParameter:
		s = fmt.Sprintf("missing %s", c.Flag)
		if c.Subject != "" && c.Subject != c.Flag {
			s += " (" + c.Subject + ")"
		}
	case CauseEvaluation:
		s = "the engine could not evaluate the request: " + c.Error
	case CauseOutsideSnapshot:
		s = fmt.Sprintf("%s is a fact of account %s, outside the snapshot: check with an organization snapshot (denied collect --org)", c.Flag, c.Subject)
	case CauseAccountNotCollected:
		s = fmt.Sprintf("account %s is not in the organization snapshot (%s)", c.Subject, c.Error)
	case CauseSettingNotRecorded:
		s = fmt.Sprintf("AWS Backup's organization setting %s is not in the organization snapshot: it holds no answer of backup:DescribeGlobalSettings naming it; collect the organization again (denied collect --org)", c.Subject)
	case CauseOrgAccountsUnlisted:
		s = fmt.Sprintf("whether account %s is a member of organization %s is unknown: the snapshot does not list the organization's accounts (the short form's org.accounts lists them)", c.Subject, c.Flag)
	case CauseResourcePolicyMayDeny:
		s = fmt.Sprintf("the principal's policies in the snapshot allow the request, but the snapshot does not hold %s: it may deny the request (across accounts it must also allow it)", policyNoun(c.Policy, c.Subject))
	case CauseResourcePolicyMayAllow:
		s = fmt.Sprintf("nothing of the principal's policies in the snapshot allows the request, but the snapshot does not hold %s: within one account it may allow the request on its own", policyNoun(c.Policy, c.Subject))
	default:
		s = string(c.Kind) + " " + c.Subject
	}
	if c.Suggestion != "" {
		s += "; did you mean " + c.Suggestion + "?"
	}
	return s
}

// key identifies equal causes (for the report's deduplicated list).
func (c Cause) key() string {
	return strings.Join([]string{string(c.Kind), c.Subject, c.Flag, c.API, string(c.Hides), c.Policy}, "\x00")
}

// Status returns the three-valued outcome of the result.
func (r Result) Status() Status {
	switch r.Verdict {
	case Allowed:
		return StatusAllowed
	case ExplicitDeny, ImplicitDeny:
		return StatusDenied
	case Skipped:
		return StatusNotApplicable
	}
	return StatusCouldNotCheck
}

// CouldNotCheck reports whether the request could not be checked.
func (r Result) CouldNotCheck() bool { return r.Status() == StatusCouldNotCheck }

// couldNotCheck sets res to could-not-check for cause c.
func (res *Result) couldNotCheck(c Cause) {
	res.Verdict, res.Cause = CouldNotCheck, &c
	res.Layer, res.Deciding, res.Message, res.Plan, res.FixWithheld = "", nil, "", nil, nil
	// Error keeps renderers that know only Error from taking the result
	// for allowed.
	res.Error = c.String()
}

// tally computes the report's counts, status and deduplicated causes from
// its results.
func (rep *Report) tally() {
	rep.Passed, rep.Total, rep.Skipped, rep.Denied, rep.Unchecked = 0, 0, 0, 0, 0
	seen := map[string]bool{}
	for _, c := range rep.Causes {
		seen[c.key()] = true
	}
	for _, r := range rep.Results {
		switch r.Status() {
		case StatusNotApplicable:
			rep.Skipped++
			continue
		case StatusAllowed:
			rep.Passed++
		case StatusDenied:
			rep.Denied++
		default:
			rep.Unchecked++
			c := Cause{Kind: CauseEvaluation, Error: r.Error}
			if r.Cause != nil {
				c = *r.Cause
			}
			if !seen[c.key()] {
				seen[c.key()] = true
				rep.Causes = append(rep.Causes, c)
			}
		}
		rep.Total++
	}
	rep.ConditionsHeld, rep.ConditionsFailed, rep.ConditionsUnchecked = 0, 0, 0
	for _, c := range rep.Conditions {
		switch c.Outcome {
		case StatusAllowed:
			rep.ConditionsHeld++
		case StatusDenied:
			if !c.FromRequests {
				rep.ConditionsFailed++
			}
		case StatusCouldNotCheck:
			if !c.FromRequests {
				rep.ConditionsUnchecked++
			}
			if c.Cause != nil && !seen[c.Cause.key()] {
				seen[c.Cause.key()] = true
				rep.Causes = append(rep.Causes, *c.Cause)
			}
		}
	}
	sort.SliceStable(rep.Causes, func(i, j int) bool { return causeOrder(rep.Causes[i].Kind) < causeOrder(rep.Causes[j].Kind) })
	switch {
	case rep.Denied > 0 || rep.ConditionsFailed > 0:
		rep.Status = StatusDenied
	case rep.Unchecked > 0 || rep.ConditionsUnchecked > 0 || len(rep.Causes) > 0:
		rep.Status = StatusCouldNotCheck
	default:
		rep.Status = StatusAllowed
	}
	rep.OK = rep.Status == StatusAllowed
}

func causeOrder(k CauseKind) int {
	switch k {
	case CauseMissingParameter:
		return 0
	case CauseUnknownPrincipal, CauseUnknownRole, CauseUnknownVault, CauseUnknownPlan, CauseUnknownRecoveryPoint, CauseUnknownKey, CauseUnknownKeyState, CauseUnknownInstanceProfile:
		return 1
	case CauseUnreadable, CauseOutsideSnapshot, CauseAccountNotCollected, CauseResourcePolicyMayDeny, CauseResourcePolicyMayAllow, CauseOrgAccountsUnlisted, CauseSettingNotRecorded:
		return 2
	}
	return 3
}
