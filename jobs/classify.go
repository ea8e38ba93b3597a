package jobs

import (
	"regexp"
	"strings"
	"sync"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
)

// NotRecognized is the rule of a group of jobs whose status message is
// neither read as an access denial nor recognized as another kind of
// failure: it is not claimed to be unrelated to permissions.
const NotRecognized = "not-recognized"

// jobPattern is an AWS Backup job status message that authzmsg does not
// read (it is not in IAM's grammar) but that names a permission, trust or
// key-access failure. Its finding is "backup.job." + id, with the texts
// "jobs.rule." + id + ".title", ".cause" (role, resource) and ".check".
type jobPattern struct {
	id    string
	layer string
	re    *regexp.Regexp
	// role and resource are the capture groups (1-based, 0 for none) that
	// hold the role and the resource (a bucket, a KMS key) the message
	// names.
	role, resource int
}

// The patterns are matched, in order, against the message with its
// whitespace collapsed.
var jobPatterns = sync.OnceValue(func() []jobPattern {
	arn := `(arn:[A-Za-z0-9-]+:[^\s"',]+?)`
	return []jobPattern{
		{
			// "IAM Role arn:... does not have sufficient permissions to
			// execute the backup": the job role's identity-based policies.
			id: "role-insufficient-permissions", layer: "identity",
			re:   regexp.MustCompile(`(?i)\b(?:IAM )?role (?:` + arn + ` )?does not have (?:sufficient|enough|the required) permissions?`),
			role: 1,
		},
		{
			// "Insufficient permissions to access S3 bucket <name>": the
			// job role's identity policy, or the bucket policy.
			id: "s3-insufficient-permissions", layer: "identity",
			re:       regexp.MustCompile(`(?i)\b(?:insufficient|missing|not enough) permissions? (?:to access|for|on) (?:the )?(?:Amazon )?S3 bucket(?:\s+(arn:aws[a-z-]*:s3:::[^\s"',]+?|[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]))?(?:[.,;:]|\s|$)`),
			resource: 1,
		},
		{
			// A KMS key that is disabled, pending deletion or otherwise not
			// in a usable state (KMSInvalidStateException, DisabledException):
			// no policy edit helps; the key must be enabled again.
			id: "kms-key-state", layer: "kms",
			re:       regexp.MustCompile(`(?i)(?:key\s+)?` + arn + `\s+is\s+(?:disabled|pending deletion|pending import|pending replica deletion|unavailable)\b|(?:KMS )?key (?:is )?(?:disabled|pending deletion|scheduled for deletion)\b|KMSInvalidStateException|KMS\.?DisabledException`),
			resource: 1,
		},
		{
			// "The key <arn> is not accessible", "KMS key ... access denied",
			// "KMSAccessDeniedException" without IAM's sentence: the key
			// policy (or, when it delegates to IAM, the role's policy).
			id: "kms-key-not-accessible", layer: "kms",
			re:       regexp.MustCompile(`(?i)\b(?:KMS )?key\s+(?:` + arn + `\s+)?(?:is )?(?:not accessible|inaccessible|cannot be accessed|could not be accessed|access (?:is )?denied)|KMSAccessDenied(?:Exception)?\b`),
			resource: 1,
		},
		{
			// "Unable to assume role", "could not assume the role <arn>":
			// the job role's trust policy (or the role does not exist).
			id: "unable-to-assume-role", layer: "trust",
			re:   regexp.MustCompile(`(?i)\b(?:unable to|could not|cannot|can't|failed to) assume (?:the )?(?:IAM |provided |specified |service )?role(?:\s+` + arn + `)?`),
			role: 1,
		},
	}
})

// notAuthorization are the status messages recognized as failures that
// have nothing to do with permissions.
var notAuthorization = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)` + strings.Join([]string{
		`\bexpired before completion\b`, `\bjob expired\b`,
		`\bbackup window\b`, `\bcompletion window\b`,
		`\bresource (?:was )?not found\b`, `^(?:the )?resource (?:\S+ )?(?:does not|doesn't|no longer) exists?\b`,
		`\b(?:volume|instance|table|file system|db instance|db cluster|cluster|snapshot|recovery point|bucket)\b[^.]{0,80}\b(?:not found|does not exist|no longer exists)\b`,
		`\bquota\b`, `\blimit (?:exceeded|reached)\b`, `\bexceeded the maximum\b`, `\bcannot create more than\b`,
		`\bthrottl`, `\brate exceeded\b`,
		`\bnot in (?:a |an )?(?:valid|available|supported) state\b`, `\bis (?:currently )?in use\b`, `\balready in progress\b`,
		`\banother (?:backup|restore|copy) job\b`, `\bVSS\b`, `\bis not supported\b`,
	}, "|"))
})

var kmsKeyRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`arn:aws[a-z-]*:kms:[^\s"',]+`)
})

// ownMatch is a status message read by jobPatterns.
type ownMatch struct {
	p        jobPattern
	role     string
	resource string
}

// matchOwn reads msg with jobPatterns.
func matchOwn(msg string) *ownMatch {
	n := strings.Join(strings.Fields(msg), " ")
	for _, p := range jobPatterns() {
		m := p.re.FindStringSubmatch(n)
		if m == nil {
			continue
		}
		o := &ownMatch{p: p}
		if p.role > 0 && p.role < len(m) {
			o.role = trimPunct(m[p.role])
		}
		if p.resource > 0 && p.resource < len(m) {
			o.resource = trimPunct(m[p.resource])
		}
		if o.resource == "" && p.layer == "kms" {
			// "KMSInvalidStateException: arn:aws:kms:...:key/... is
			// pending deletion.": the key is named after the match.
			o.resource = trimPunct(kmsKeyRE().FindString(n))
		}
		return o
	}
	return nil
}

func trimPunct(s string) string { return strings.TrimRight(s, ".,;:)") }

// finding is the diagnosis of an own match, with the job's role and
// resource standing in for what the message does not name.
func (o *ownMatch) finding(jobRole, jobResource string) diagnose.Finding {
	role, res := o.role, o.resource
	if role == "" {
		role = jobRole
	}
	if res == "" && o.p.id == "s3-insufficient-permissions" {
		res = jobResource
	}
	key := "jobs.rule." + o.p.id
	return diagnose.Finding{
		Rule: "backup.job." + o.p.id, Layer: o.p.layer,
		Title:  diagnose.Msg{ID: key + ".title"},
		Cause:  diagnose.Msg{ID: key + ".cause", Args: []string{orUnknown(role, "@unknown.role"), orUnknown(res, "@unknown.resource")}},
		Checks: []diagnose.Msg{{ID: key + ".check"}},
	}
}

func orUnknown(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// assumeRoleDenial is "Unable to assume role" read as the denial AWS
// Backup's own "The provided role ... cannot be assumed by AWS Backup"
// is read as: backup.amazonaws.com refused sts:AssumeRole on the job
// role by its trust policy.
func assumeRoleDenial(msg, role string) *authzmsg.Denial {
	d := &authzmsg.Denial{Raw: msg, Action: "sts:AssumeRole", Principal: authzmsg.ParsePrincipal("backup.amazonaws.com"),
		Backup: &authzmsg.BackupMessage{ID: "backup.role-cannot-be-assumed", Layer: "trust", RoleARN: role,
			Summary: "AWS Backup could not assume the role: it does not exist in this account, or its trust policy does not allow backup.amazonaws.com."},
		Notes: []string{"action sts:AssumeRole inferred: AWS Backup assumes the job role", "principal backup.amazonaws.com inferred: the service assumes the job role"}}
	if role != "" {
		d.Resource, d.ResourceKind = role, "arn"
		d.Backup.ARNs = []string{role}
	}
	return d
}
