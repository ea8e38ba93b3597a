package preflight

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/catalog/managed"
)

// Every job-role requirement transcribed from a statement of an AWS managed
// policy ("AWSBackupServiceRolePolicyForRestores/EBSPermissions") must be
// allowed by that managed policy alone: otherwise a role with exactly the
// policy AWS recommends would be reported as denied (a false "would fail"),
// which is the worst answer a preflight can give. The requirement is
// evaluated with the representative values a what-if check uses.
func TestManagedPolicyRequirementsAreAllowedByTheirPolicy(t *testing.T) {
	vals := representativeParams()
	var bad []string
	checked := 0
	for _, op := range backupops.All() {
		for _, r := range op.Requirements {
			// A policy whose statements have no Sid is cited by its name.
			pol, _, _ := strings.Cut(r.Statement, "/")
			if pol == "" || r.Principal != backupops.JobRole {
				continue
			}
			if _, found := managed.Lookup(pol); !found {
				t.Errorf("%s: %s cites %q, which is not an AWS managed policy", op.ID, r.Action, r.Statement)
				continue
			}
			cr, res, ok := evaluateCited(t, op, r, vals, fmt.Sprintf(`"managed": [%q]`, pol))
			if !ok {
				continue // a parameter this table does not give
			}
			checked++
			if !identityAllows(res) {
				bad = append(bad, fmt.Sprintf("%s: %s on %s (context %v) cites %s but that policy gives %s", op.ID, cr.Action, cr.Resource, cr.Context, r.Statement, res.Verdict))
			}
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
	if checked < 50 {
		t.Fatalf("only %d requirements checked: the test no longer sees the catalog", checked)
	}
	t.Logf("%d managed-policy requirements checked", checked)
}

// identityAllows reports whether the principal's policies allow res: it
// is allowed, or could not be checked only for a resource-based policy
// no snapshot holds (an S3 bucket's, ...), which could still deny it.
func identityAllows(res Result) bool {
	return res.Verdict == Allowed || res.Cause != nil && res.Cause.Kind == CauseResourcePolicyMayDeny
}

const (
	testAccount = "111122223333"
	testSession = "arn:aws:sts::" + testAccount + ":assumed-role/R/AWSBackup-R"
)

func testNow() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }

// representativeParams are the values a what-if check uses. The instance
// role AppRole is a role of the snapshots below: iam:PassRole of a role the
// snapshot lacks is could-not-check, whatever the policy says.
func representativeParams() backupops.Params {
	const acct = testAccount
	return backupops.Params{
		Partition: "aws", Region: "eu-west-1", Account: acct, VaultName: "Vault",
		KeyARN:              "arn:aws:kms:eu-west-1:" + acct + ":key/1234abcd-12ab-34cd-56ef-1234567890ab",
		RoleARN:             "arn:aws:iam::" + acct + ":role/R",
		InstanceRoleARN:     "arn:aws:iam::" + acct + ":role/AppRole",
		RecoveryPointARN:    "arn:aws:backup:eu-west-1:" + acct + ":recovery-point:rp-1",
		ResourceARN:         "",
		PlanID:              "plan-1",
		ScanRoleARN:         "arn:aws:iam::" + acct + ":role/Scan",
		DestinationVaultARN: "arn:aws:backup:eu-west-1:" + acct + ":backup-vault:Dest",
		DestinationKeyARN:   "arn:aws:kms:eu-west-1:" + acct + ":key/5678abcd-12ab-34cd-56ef-1234567890ab",
		DestinationRegion:   "eu-west-1", DestinationAccount: acct,
	}
}

// evaluateCited expands one requirement of op with the representative
// values (and the operation's representative resource) and evaluates it for
// the job role R, whose policies are role (a short-form role's fields, such
// as "managed": [...]), in a snapshot holding the vaults, recovery point,
// keys and instance role the values name. ok is false when the requirement needs a parameter
// the values do not give.
func evaluateCited(t *testing.T, op backupops.Operation, r backupops.Requirement, vals backupops.Params, role string) (backupops.ConcreteRequest, Result, bool) {
	t.Helper()
	vals.ResourceARN = representativeResource(op)
	one := backupops.Operation{ID: op.ID, Requirements: []backupops.Requirement{r}}
	crs := one.ExpandEach(vals)
	if len(crs) != 1 || len(crs[0].Missing) > 0 {
		return backupops.ConcreteRequest{}, Result{}, false
	}
	cr := crs[0]
	snap, err := account.LoadShort(strings.NewReader(fmt.Sprintf(`{"account": %q, "region": "eu-west-1",
		"roles": {"R": {"trust": "backup.amazonaws.com", %s}, "AppRole": {"trust": "ec2.amazonaws.com", "instanceProfile": true}},
		"vaults": {"Vault": {}, "Dest": {}},
		"recoveryPoints": [{"id": "rp-1", "type": "EBS", "vault": "Vault"}],
		"kmsKeys": {"1234abcd-12ab-34cd-56ef-1234567890ab": {"policy": %s}, "5678abcd-12ab-34cd-56ef-1234567890ab": {"policy": %s}}}`,
		testAccount, role, rootKeyPolicy, rootKeyPolicy)))
	if err != nil {
		t.Fatal(err)
	}
	return cr, EvaluateRequest(snap, testSession, cr.Action, cr.Resource, cr.Context, testNow), true
}

// rootKeyPolicy is the default key policy: the account's IAM policies decide.
const rootKeyPolicy = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}`

// representativeResource is a resource ARN of the operation's resource type
// for requirements on ${ResourceARN}.
func representativeResource(op backupops.Operation) string {
	id := op.ID
	switch {
	case strings.HasSuffix(id, "/EBS"):
		return "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0123456789abcdef0"
	case strings.HasSuffix(id, "/EC2"):
		return "arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0"
	case strings.HasSuffix(id, "/RDS"):
		return "arn:aws:rds:eu-west-1:111122223333:db:db-1"
	case strings.HasSuffix(id, "/DynamoDB"):
		return "arn:aws:dynamodb:eu-west-1:111122223333:table/t"
	case strings.HasSuffix(id, "/EFS"):
		return "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-01234567"
	case strings.HasSuffix(id, "/S3"):
		return "arn:aws:s3:::bucket"
	case strings.HasSuffix(id, "/Aurora"), strings.HasSuffix(id, "/DocumentDB"), strings.HasSuffix(id, "/Neptune"):
		return "arn:aws:rds:eu-west-1:111122223333:cluster:c-1"
	case strings.HasSuffix(id, "/FSx"):
		return "arn:aws:fsx:eu-west-1:111122223333:file-system/fs-0123456789abcdef0"
	case strings.HasSuffix(id, "/StorageGateway"):
		return "arn:aws:storagegateway:eu-west-1:111122223333:gateway/sgw-12A3456B/volume/vol-1122AABB"
	case strings.HasSuffix(id, "/SAPHANA"):
		return "arn:aws:ssm-sap:eu-west-1:111122223333:HANA/app/DB/db"
	case strings.HasSuffix(id, "/CloudFormation"):
		return "arn:aws:cloudformation:eu-west-1:111122223333:stack/s/0123"
	case strings.HasSuffix(id, "/Timestream"):
		return "arn:aws:timestream:eu-west-1:111122223333:database/d/table/t"
	case strings.HasSuffix(id, "/Redshift"):
		return "arn:aws:redshift:eu-west-1:111122223333:cluster:c-1"
	case strings.HasSuffix(id, "/VMware"):
		return "arn:aws:backup-gateway:eu-west-1:111122223333:vm/vm-0123456789abcdef0"
	}
	return ""
}
