package preflight

import (
	"sort"
	"strings"

	"github.com/deniedhq/denied/catalog/backupops"
)

// The parameters an operation reads, and so the flags of denied check a
// check of it uses: a flag given that the operation does not read is
// ignored, and the report says so (Report.IgnoredFlags), so that nobody
// takes a key or role given to an operation that never looks at it for a
// checked one.
//
// What an operation reads is derived from what the check does with it:
// the placeholders of its templates (backupops.Operation.Params), the
// principals of its requirements (a job role's requests read --role), the
// circumstances of its requirements and decided conditions (a request
// "when encrypted with a KMS key" reads --kms-key, a per-type one
// --resource-type), what each kind of decided condition reads
// (decisionReads), the vault whose access policy the requests on a
// recovery point are evaluated with; and, at Resolve, what chose the
// operation among the forms of a short name (the instance role of an EC2
// restore) and what the recovery point supplied that the operation reads.

// flagParams are check's flags of an operation's parameters, each with
// the parameter it gives: a backupops parameter, or Caller and
// ResourceType. --instance-role and --instance-profile both give the
// instance role; --name is --vault. Flags not listed here (--snapshot,
// --live, --profile, --region, --account, --format, --lang, --output,
// --timeout, --call-timeout, --as) are read by every check and never
// ignored.
var flagParams = map[string]string{
	"--role":                "RoleARN",
	"--vault":               "VaultName",
	"--name":                "VaultName",
	"--kms-key":             "KeyARN",
	"--recovery-point":      "RecoveryPointARN",
	"--resource-type":       "ResourceType",
	"--instance-role":       "InstanceRoleARN",
	"--instance-profile":    "InstanceRoleARN",
	"--resource-arn":        "ResourceARN",
	"--destination-vault":   "DestinationVaultARN",
	"--destination-kms-key": "DestinationKeyARN",
	"--destination-region":  "DestinationRegion",
	"--destination-account": "DestinationAccount",
	"--plan-id":             "PlanID",
	"--scan-role":           "ScanRoleARN",
	"--changeable-for-days": "ChangeableForDays",
	"--min-retention-days":  "MinRetentionDays",
	"--max-retention-days":  "MaxRetentionDays",
}

// ParamOfFlag returns the parameter a flag of denied check gives, and
// whether the flag is one an operation may not read (false: a flag every
// check reads, or no flag of check).
func ParamOfFlag(flag string) (string, bool) {
	q, ok := flagParams[flag]
	return q, ok
}

// decisionReads are the parameters each way of deciding a condition reads
// (conditions.go), besides those of its circumstance (Applies).
var decisionReads = map[backupops.Decision][]string{
	backupops.DecideTrust:                  {"RoleARN"},
	backupops.DecideRequests:               nil, // a vault policy's reads the vault: see conditionReads
	backupops.DecideKeyState:               {"KeyARN"},
	backupops.DecideDestinationKeyState:    {"DestinationKeyARN", "DestinationVaultARN", "DestinationRegion"},
	backupops.DecideVaultKeyState:          {"VaultName"},
	backupops.DecideVaultLock:              {"VaultName"},
	backupops.DecideSameOrganization:       {"DestinationVaultARN"},
	backupops.DecideDestinationVault:       {"DestinationVaultARN", "DestinationKeyARN", "ResourceType"},
	backupops.DecideDestinationVaultPolicy: {"DestinationVaultARN"},
	backupops.DecideSourceKey:              {"KeyARN", "DestinationVaultARN"},
	backupops.DecideCrossAccountSetting:    nil,
}

// circumstanceReads are the parameters that tell whether a conditional
// requirement or condition applies (applies, conditionApplies).
var circumstanceReads = map[backupops.Circumstance]string{
	backupops.OnKey:            "KeyARN",
	backupops.OnDestinationKey: "DestinationKeyARN",
	backupops.OnResourceType:   "ResourceType",
}

// conditionReads are the parameters a decided condition reads.
func conditionReads(cd backupops.Condition) []string {
	if cd.Decide == backupops.Listed {
		return nil // listed to verify, whatever the parameters
	}
	reads := append([]string(nil), decisionReads[cd.Decide]...)
	if cd.Decide == backupops.DecideRequests && cd.Kind == backupops.KindVaultPolicy {
		reads = append(reads, "VaultName") // theVault
	}
	if q, ok := circumstanceReads[cd.Applies]; ok {
		reads = append(reads, q)
	}
	return reads
}

// UsedParams returns the parameters a check of op reads, by op itself
// (without what Resolve reads to choose it from a short name).
func UsedParams(op backupops.Operation) map[string]bool {
	used := map[string]bool{}
	for _, q := range op.Params {
		used[q] = true
	}
	if op.ResourceType != "" {
		// The operation is of a resource type: its per-type requests
		// and conditions, and the forms of a short name, read it.
		used["ResourceType"] = true
	}
	for _, r := range op.Requirements {
		switch r.Principal {
		case backupops.Caller:
			used["Caller"] = true
		case backupops.JobRole:
			used["RoleARN"] = true
		}
		if q, ok := circumstanceReads[r.Applies]; ok {
			used[q] = true
		}
		if strings.HasPrefix(r.Action, "backup:") && strings.Contains(r.Resource, "${RecoveryPointARN}") {
			// A request on the recovery point is evaluated with the
			// access policy of its vault (vaultOf).
			used["VaultName"] = true
		}
	}
	for _, cd := range op.Conditions {
		for _, q := range conditionReads(cd) {
			used[q] = true
		}
	}
	return used
}

// OperationFlags returns the flags of denied check that a check of op
// reads, sorted (--name, the same as --vault, and the flags every check
// reads left out).
func OperationFlags(op backupops.Operation) []string {
	used := UsedParams(op)
	var out []string
	for f, q := range flagParams {
		if used[q] && f != "--name" {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// usedBy completes the parameters op reads (UsedParams) with those
// Resolve read to choose it (p.chose) and the recovery point, when it
// supplied a parameter op reads (p.fromRecoveryPoint).
func usedBy(op backupops.Operation, p Params) map[string]bool {
	used := UsedParams(op)
	for _, q := range p.chose {
		used[q] = true
	}
	for _, q := range p.fromRecoveryPoint {
		if used[q] || q == "Region" {
			used["RecoveryPointARN"] = true
		}
	}
	return used
}

// IgnoredFlags returns, of the flags given (denied check's names), in
// their order and each once, those the operation p was resolved for
// (Resolve) does not read: the check was made without them.
func IgnoredFlags(p Params, given []string) []string {
	if p.used == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range given {
		q, ok := flagParams[f]
		if !ok || p.used[q] || seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, f)
	}
	return out
}
