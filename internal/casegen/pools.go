package casegen

import "strings"

// Accounts, organisation and names used by generated cases. Two accounts
// belong to the same organisation; the third is outside it.
const (
	acctA    = "111122223333" // main account (member)
	acctB    = "444455556666" // second member account
	acctC    = "777788889999" // account outside the organisation
	acctMgmt = "999988887777" // organisation management account (never a principal or resource account here)
	orgID    = "o-a1b2c3d4e5"
	otherOrg = "o-zz99yy88xx"
	orgRoot  = "r-a1b2"
	ouProd   = "ou-a1b2-prod1234"
	ouDev    = "ou-a1b2-dev56789"
)

// kind is the value type of a condition key.
type kind uint8

const (
	kString kind = iota
	kNumeric
	kDate
	kBool
	kIP
	kARN
)

// keySpec describes a condition key the generator can use: its type,
// whether it is multivalued, and a small realistic domain of values so that
// policies and request contexts collide often enough to match.
type keySpec struct {
	name   string
	kind   kind
	multi  bool
	values []string
}

var (
	regions    = []string{"us-east-1", "eu-west-1", "ap-southeast-2"}
	teams      = []string{"platform", "data", "security"}
	envs       = []string{"prod", "dev", "staging"}
	userNames  = []string{"alice", "bob", "carol", "deploy-bot"}
	roleNames  = []string{"AppRole", "DeployRole", "BackupRole", "ReadOnlyRole"}
	sessNames  = []string{"alice@example.com", "ci-run-4821", "i-0abc123def4567890", "botocore-session-1700000000"}
	ipsIn      = []string{"203.0.113.10", "203.0.113.77", "10.1.2.3", "10.20.30.40"}
	ipsOut     = []string{"198.51.100.7", "192.0.2.44", "172.16.5.9"}
	cidrs      = []string{"203.0.113.0/24", "10.0.0.0/8", "198.51.100.0/25", "192.0.2.0/24", "203.0.113.64/26"}
	vpcs       = []string{"vpc-0a1b2c3d", "vpc-99887766"}
	vpces      = []string{"vpce-0123abcd", "vpce-0fedcba9"}
	times      = []string{"2025-03-14T09:30:00Z", "2024-11-02T18:05:00Z", "2026-01-20T12:00:00Z", "2025-07-01T00:00:00Z"}
	epochs     = []string{"1741944600", "1730570700", "1768910400", "1751328000"}
	calledVias = []string{"cloudformation.amazonaws.com", "athena.amazonaws.com", "dynamodb.amazonaws.com"}
	svcNames   = []string{"backup.amazonaws.com", "ec2.amazonaws.com", "lambda.amazonaws.com", "cloudtrail.amazonaws.com", "sns.amazonaws.com", "events.amazonaws.com", "logs.amazonaws.com", "s3.amazonaws.com"}
)

// orgPath is the aws:PrincipalOrgPaths value of an account.
func orgPath(acct string) string {
	switch acct {
	case acctA:
		return orgID + "/" + orgRoot + "/" + ouProd + "/"
	case acctB:
		return orgID + "/" + orgRoot + "/" + ouDev + "/"
	}
	return otherOrg + "/r-zz99/"
}

// resource is one resource instance of an action's resource type.
type resource struct {
	arn string
	// match are policy Resource patterns that match arn; nomatch are
	// realistic patterns of the same type that do not.
	match, nomatch []string
	// tagKey/tagVal: aws:ResourceTag/<tagKey> the resource carries (may be empty).
	tagKey, tagVal string
}

// actionSpec is one action of the pool.
type actionSpec struct {
	action string
	weight int
	// res builds a resource in account acct; nil for wildcard-only actions.
	res func(g *Generator, acct string) resource
	// siblings are other actions of the same service, for non-matching
	// Action elements and NotAction lists.
	siblings []string
	// prefixes are action wildcards that match this action (besides svc:*).
	prefixes []string
	keys     []keySpec
	// resourcePolicy: the resource type has a resource-based policy.
	resourcePolicy bool
	// tagging: the action accepts aws:RequestTag/* and aws:TagKeys.
	tagging bool
	// resourceTags: aws:ResourceTag/* is meaningful for the resource.
	resourceTags bool
	// services that call this action as a service principal.
	servicePrincipals []string
	// anonymous: an unsigned request for this action is realistic.
	anonymous bool
	// crossAccount: cross-account access to this resource type is realistic.
	crossAccount bool
}

func (a *actionSpec) service() string { return a.action[:strings.IndexByte(a.action, ':')] }

var buckets = []string{"prod-data", "app-logs", "team-shared", "public-assets"}

func s3Object(g *Generator, _ string) resource {
	b := pick(g, buckets)
	var key string
	switch g.r.IntN(4) {
	case 0:
		key = "home/" + pick(g, userNames) + "/notes.txt"
		if g.userName != "" && g.chance(0.6) {
			key = "home/" + g.userName + "/notes.txt"
		}
	case 1:
		key = "team/" + pick(g, teams) + "/plan.md"
	case 2:
		key = "reports/2025/q" + pick(g, []string{"1", "2", "3"}) + ".csv"
	default:
		key = "public/index.html"
	}
	arn := "arn:aws:s3:::" + b + "/" + key
	dir := key[:strings.LastIndexByte(key, '/')+1]
	r := resource{arn: arn,
		match: []string{arn, "arn:aws:s3:::" + b + "/*", "arn:aws:s3:::" + b + "/" + dir + "*", "arn:aws:s3:::*/" + key,
			"arn:aws:s3:::" + b + "/" + key[:len(key)-1] + "?", "arn:aws:s3:::" + b[:3] + "*"},
		nomatch: []string{"arn:aws:s3:::" + b, "arn:aws:s3:::" + otherOf(g, buckets, b) + "/*", "arn:aws:s3:::" + b + "/archive/*",
			"arn:aws:s3:::" + strings.ToUpper(b[:1]) + b[1:] + "/*"},
	}
	if strings.HasPrefix(key, "home/") {
		r.match = append(r.match, "arn:aws:s3:::"+b+"/home/${aws:username}/*")
	}
	if strings.HasPrefix(key, "team/") {
		r.match = append(r.match, "arn:aws:s3:::"+b+"/team/${aws:PrincipalTag/team}/*", "arn:aws:s3:::"+b+"/team/${aws:PrincipalTag/team, 'shared'}/*")
	}
	return r
}

func s3Bucket(g *Generator, _ string) resource {
	b := pick(g, buckets)
	arn := "arn:aws:s3:::" + b
	return resource{arn: arn,
		match:   []string{arn, "arn:aws:s3:::*", "arn:aws:s3:::" + b[:4] + "*"},
		nomatch: []string{arn + "/*", "arn:aws:s3:::" + otherOf(g, buckets, b)},
	}
}

// regional builds an ARN arn:aws:<svc>:<region>:<acct>:<typ><name>.
func regional(g *Generator, acct, svc, typ string, names []string) resource {
	region := "us-east-1"
	if g.chance(0.25) {
		region = pick(g, regions)
	}
	n := pick(g, names)
	head := "arn:aws:" + svc + ":" + region + ":" + acct + ":"
	arn := head + typ + n
	other := acctB
	if acct == acctB {
		other = acctA
	}
	r := resource{arn: arn,
		match: []string{arn, head + typ + "*", "arn:aws:" + svc + ":*:" + acct + ":" + typ + n, "arn:aws:" + svc + ":" + region + ":*:" + typ + "*",
			head + typ + n[:len(n)-1] + "?", "arn:aws:" + svc + ":*:*:" + typ + n[:2] + "*"},
		nomatch: []string{head + typ + otherOf(g, names, n), "arn:aws:" + svc + ":" + region + ":" + other + ":" + typ + n,
			"arn:aws:" + svc + ":" + otherOf(g, regions, region) + ":" + acct + ":" + typ + n},
	}
	if g.chance(0.5) {
		r.tagKey, r.tagVal = "env", pick(g, envs)
	}
	return r
}

func kmsKey(g *Generator, acct string) resource {
	return regional(g, acct, "kms", "key/", []string{"1234abcd-12ab-34cd-56ef-1234567890ab", "0987dcba-09fe-87dc-65ba-ab0987654321", "mrk-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"})
}

func iamRole(g *Generator, acct string) resource {
	n := pick(g, []string{"AppRole", "DeployRole", "service-role/BackupServiceRole", "ec2-instance-role", "lambda-exec"})
	arn := "arn:aws:iam::" + acct + ":role/" + n
	r := resource{arn: arn,
		match:   []string{arn, "arn:aws:iam::" + acct + ":role/*", "arn:aws:iam::*:role/" + n, "arn:aws:iam::" + acct + ":role/" + n[:3] + "*"},
		nomatch: []string{"arn:aws:iam::" + acct + ":role/admin-*", "arn:aws:iam::" + acct + ":user/*", "arn:aws:iam::" + acctC + ":role/" + n},
	}
	if g.chance(0.4) {
		r.tagKey, r.tagVal = "team", pick(g, teams)
	}
	return r
}

func iamUser(g *Generator, acct string) resource {
	n := pick(g, []string{"new-hire", "svc-ci", "contractor-7"})
	arn := "arn:aws:iam::" + acct + ":user/" + n
	return resource{arn: arn,
		match:   []string{arn, "arn:aws:iam::" + acct + ":user/*", "arn:aws:iam::*:user/" + n},
		nomatch: []string{"arn:aws:iam::" + acct + ":role/*", "arn:aws:iam::" + acct + ":user/admin-*"},
	}
}

func ec2Instance(g *Generator, acct string) resource {
	return regional(g, acct, "ec2", "instance/", []string{"i-0abcd1234ef567890", "i-0fedcba987654321a"})
}

var pool = []*actionSpec{
	{action: "s3:GetObject", weight: 14, res: s3Object, siblings: []string{"s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetObjectAcl"},
		prefixes: []string{"s3:Get*", "s3:*Object", "s3:GetO*"}, resourcePolicy: true, anonymous: true, crossAccount: true,
		servicePrincipals: []string{"cloudtrail.amazonaws.com", "logs.amazonaws.com"},
		keys: []keySpec{{"s3:authType", kString, false, []string{"REST-HEADER", "REST-QUERY-STRING"}}, {"s3:signatureversion", kString, false, []string{"AWS4-HMAC-SHA256", "AWS"}},
			{"s3:TlsVersion", kNumeric, false, []string{"1.2", "1.3", "1.1"}}, {"s3:ExistingObjectTag/classification", kString, false, []string{"public", "confidential"}}}},
	{action: "s3:PutObject", weight: 10, res: s3Object, siblings: []string{"s3:GetObject", "s3:DeleteObject", "s3:PutObjectAcl"},
		prefixes: []string{"s3:Put*", "s3:*Object"}, resourcePolicy: true, anonymous: true, crossAccount: true,
		servicePrincipals: []string{"cloudtrail.amazonaws.com", "logs.amazonaws.com", "delivery.logs.amazonaws.com"},
		keys: []keySpec{{"s3:x-amz-acl", kString, false, []string{"private", "bucket-owner-full-control", "public-read"}},
			{"s3:x-amz-server-side-encryption", kString, false, []string{"aws:kms", "AES256"}},
			{"s3:x-amz-server-side-encryption-aws-kms-key-id", kARN, false, []string{"arn:aws:kms:us-east-1:" + acctA + ":key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:us-east-1:" + acctB + ":key/0987dcba-09fe-87dc-65ba-ab0987654321"}},
			{"s3:RequestObjectTagKeys", kString, true, []string{"classification", "owner", "project"}}}},
	{action: "s3:DeleteObject", weight: 4, res: s3Object, siblings: []string{"s3:GetObject", "s3:PutObject"}, prefixes: []string{"s3:Delete*"}, resourcePolicy: true, crossAccount: true},
	{action: "s3:ListBucket", weight: 5, res: s3Bucket, siblings: []string{"s3:GetObject", "s3:ListAllMyBuckets", "s3:GetBucketPolicy"}, prefixes: []string{"s3:List*"},
		resourcePolicy: true, anonymous: true, crossAccount: true,
		keys: []keySpec{{"s3:prefix", kString, false, []string{"home/alice/", "reports/", "public/", ""}}, {"s3:max-keys", kNumeric, false, []string{"100", "1000", "10"}}}},
	{action: "s3:ListAllMyBuckets", weight: 2, siblings: []string{"s3:ListBucket", "s3:GetObject"}, prefixes: []string{"s3:List*"}},
	{action: "kms:Decrypt", weight: 9, res: kmsKey, siblings: []string{"kms:Encrypt", "kms:GenerateDataKey", "kms:CreateGrant", "kms:DescribeKey"}, prefixes: []string{"kms:Decrypt*", "kms:De*"},
		resourcePolicy: true, crossAccount: true, resourceTags: true, servicePrincipals: []string{"logs.amazonaws.com", "backup.amazonaws.com", "cloudtrail.amazonaws.com"},
		keys: []keySpec{{"kms:ViaService", kString, false, []string{"s3.us-east-1.amazonaws.com", "secretsmanager.us-east-1.amazonaws.com", "ec2.us-east-1.amazonaws.com"}},
			{"kms:CallerAccount", kString, false, []string{acctA, acctB, acctC}},
			{"kms:EncryptionContextKeys", kString, true, []string{"aws:s3:arn", "department", "aws:logs:arn"}}, {"kms:EncryptionAlgorithm", kString, false, []string{"SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_256"}}}},
	{action: "kms:GenerateDataKey", weight: 5, res: kmsKey, siblings: []string{"kms:Decrypt", "kms:Encrypt"}, prefixes: []string{"kms:Generate*", "kms:GenerateDataKey*"},
		resourcePolicy: true, crossAccount: true, resourceTags: true, servicePrincipals: []string{"logs.amazonaws.com", "cloudtrail.amazonaws.com"},
		keys: []keySpec{{"kms:ViaService", kString, false, []string{"s3.us-east-1.amazonaws.com", "ec2.us-east-1.amazonaws.com"}}, {"kms:CallerAccount", kString, false, []string{acctA, acctB}}}},
	{action: "kms:CreateGrant", weight: 5, res: kmsKey, siblings: []string{"kms:Decrypt", "kms:RevokeGrant", "kms:ListGrants"}, prefixes: []string{"kms:Create*", "kms:*Grant*"},
		resourcePolicy: true, crossAccount: true, resourceTags: true, servicePrincipals: []string{"backup.amazonaws.com"},
		keys: []keySpec{{"kms:GrantIsForAWSResource", kBool, false, []string{"true", "false"}}, {"kms:GrantOperations", kString, true, []string{"Decrypt", "Encrypt", "GenerateDataKey", "CreateGrant"}},
			{"kms:GranteePrincipal", kString, false, []string{"arn:aws:iam::" + acctA + ":role/AppRole", "backup.amazonaws.com"}}, {"kms:ViaService", kString, false, []string{"ec2.us-east-1.amazonaws.com", "backup.us-east-1.amazonaws.com"}}}},
	{action: "iam:PassRole", weight: 9, res: iamRole, siblings: []string{"iam:GetRole", "iam:CreateRole", "iam:AttachRolePolicy"}, prefixes: []string{"iam:Pass*", "iam:*Role"},
		resourceTags: true,
		keys: []keySpec{{"iam:PassedToService", kString, false, []string{"ec2.amazonaws.com", "lambda.amazonaws.com", "backup.amazonaws.com", "ecs-tasks.amazonaws.com"}},
			{"iam:AssociatedResourceArn", kARN, false, []string{"arn:aws:ec2:us-east-1:" + acctA + ":instance/i-0abcd1234ef567890", "arn:aws:lambda:us-east-1:" + acctA + ":function:process-orders"}}}},
	{action: "iam:GetRole", weight: 2, res: iamRole, siblings: []string{"iam:PassRole", "iam:ListRoles"}, prefixes: []string{"iam:Get*"}, resourceTags: true},
	{action: "iam:CreateUser", weight: 3, res: iamUser, siblings: []string{"iam:DeleteUser", "iam:CreateAccessKey"}, prefixes: []string{"iam:Create*"}, tagging: true,
		keys: []keySpec{{"iam:PermissionsBoundary", kARN, false, []string{"arn:aws:iam::" + acctA + ":policy/DevBoundary", "arn:aws:iam::" + acctA + ":policy/Other"}}}},
	{action: "iam:ListRoles", weight: 1, siblings: []string{"iam:GetRole", "iam:ListUsers"}, prefixes: []string{"iam:List*"}},
	{action: "sts:AssumeRole", weight: 9, res: iamRole, siblings: []string{"sts:TagSession", "sts:AssumeRoleWithWebIdentity", "sts:GetSessionToken"}, prefixes: []string{"sts:Assume*", "sts:AssumeRole*"},
		resourcePolicy: true, crossAccount: true, tagging: true, servicePrincipals: []string{"ec2.amazonaws.com", "lambda.amazonaws.com", "backup.amazonaws.com"},
		keys: []keySpec{{"sts:ExternalId", kString, false, []string{"ext-4f1c9", "partner-777"}}, {"sts:RoleSessionName", kString, false, []string{"alice@example.com", "ci-run-4821"}},
			{"sts:SourceIdentity", kString, false, []string{"alice", "bob"}}, {"iam:ResourceTag/team", kString, false, teams}}},
	{action: "sts:GetCallerIdentity", weight: 1, siblings: []string{"sts:AssumeRole", "sts:GetSessionToken"}, prefixes: []string{"sts:Get*"}},
	{action: "backup:StartRestoreJob", weight: 3, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "backup", "recovery-point:", []string{"1EB3B5E7-9EB0-435A-A80B-108B488B0D45", "7C2D1F80-1A2B-4C3D-9E8F-0123456789AB"})
	}, siblings: []string{"backup:StartBackupJob", "backup:DeleteRecoveryPoint"}, prefixes: []string{"backup:Start*"}, resourceTags: true},
	{action: "backup:CreateBackupVault", weight: 3, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "backup", "backup-vault:", []string{"prod-vault", "default-vault", "audit-vault"})
	}, siblings: []string{"backup:DeleteBackupVault", "backup:StartBackupJob"}, prefixes: []string{"backup:Create*"}, tagging: true},
	{action: "backup:StartBackupJob", weight: 2, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "backup", "backup-vault:", []string{"prod-vault", "default-vault"})
	}, siblings: []string{"backup:StartRestoreJob", "backup:CreateBackupVault"}, prefixes: []string{"backup:Start*"}, resourceTags: true},
	{action: "ec2:RunInstances", weight: 4, res: ec2Instance, siblings: []string{"ec2:TerminateInstances", "ec2:StartInstances", "ec2:DescribeInstances"}, prefixes: []string{"ec2:Run*"},
		tagging: true, keys: []keySpec{{"ec2:InstanceType", kString, false, []string{"t3.micro", "m5.large", "p4d.24xlarge"}}, {"ec2:Region", kString, false, regions},
			{"ec2:MetadataHttpTokens", kString, false, []string{"required", "optional"}}}},
	{action: "ec2:TerminateInstances", weight: 3, res: ec2Instance, siblings: []string{"ec2:RunInstances", "ec2:StopInstances"}, prefixes: []string{"ec2:Terminate*", "ec2:*Instances"},
		resourceTags: true, keys: []keySpec{{"ec2:ResourceTag/env", kString, false, envs}, {"ec2:InstanceType", kString, false, []string{"t3.micro", "m5.large"}}}},
	{action: "ec2:DescribeInstances", weight: 2, siblings: []string{"ec2:DescribeVolumes", "ec2:RunInstances"}, prefixes: []string{"ec2:Describe*"}},
	{action: "dynamodb:GetItem", weight: 5, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "dynamodb", "table/", []string{"Orders", "Customers", "Sessions"})
	}, siblings: []string{"dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan"}, prefixes: []string{"dynamodb:Get*", "dynamodb:*Item"}, resourcePolicy: true, crossAccount: true, resourceTags: true,
		keys: []keySpec{{"dynamodb:LeadingKeys", kString, true, []string{"alice", "bob", "tenant-42"}}, {"dynamodb:Select", kString, false, []string{"ALL_ATTRIBUTES", "SPECIFIC_ATTRIBUTES"}},
			{"dynamodb:Attributes", kString, true, []string{"id", "status", "email"}}}},
	{action: "dynamodb:PutItem", weight: 3, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "dynamodb", "table/", []string{"Orders", "Customers"})
	}, siblings: []string{"dynamodb:GetItem", "dynamodb:DeleteItem"}, prefixes: []string{"dynamodb:Put*", "dynamodb:*Item"}, resourcePolicy: true, crossAccount: true, resourceTags: true,
		keys: []keySpec{{"dynamodb:LeadingKeys", kString, true, []string{"alice", "tenant-42"}}}},
	{action: "sqs:SendMessage", weight: 5, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "sqs", "", []string{"orders-queue", "events-dlq", "audit-queue"})
	}, siblings: []string{"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"}, prefixes: []string{"sqs:Send*", "sqs:*Message*"},
		resourcePolicy: true, crossAccount: true, resourceTags: true, anonymous: true, servicePrincipals: []string{"sns.amazonaws.com", "events.amazonaws.com", "s3.amazonaws.com"}},
	{action: "sqs:ReceiveMessage", weight: 2, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "sqs", "", []string{"orders-queue", "audit-queue"})
	}, siblings: []string{"sqs:SendMessage", "sqs:DeleteMessage"}, prefixes: []string{"sqs:Receive*"}, resourcePolicy: true, crossAccount: true, resourceTags: true},
	{action: "sns:Publish", weight: 3, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "sns", "", []string{"alerts", "order-events"})
	}, siblings: []string{"sns:Subscribe", "sns:CreateTopic"}, prefixes: []string{"sns:Pub*"}, resourcePolicy: true, crossAccount: true, resourceTags: true,
		servicePrincipals: []string{"events.amazonaws.com", "cloudwatch.amazonaws.com", "s3.amazonaws.com"}},
	{action: "secretsmanager:GetSecretValue", weight: 6, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "secretsmanager", "secret:", []string{"prod/db-AbCdEf", "dev/api-key-XyZ123", "shared/tls-Q1w2E3"})
	}, siblings: []string{"secretsmanager:PutSecretValue", "secretsmanager:DescribeSecret"}, prefixes: []string{"secretsmanager:Get*"}, resourcePolicy: true, crossAccount: true, resourceTags: true,
		keys: []keySpec{{"secretsmanager:VersionStage", kString, false, []string{"AWSCURRENT", "AWSPREVIOUS"}}, {"secretsmanager:SecretId", kARN, false, []string{
			"arn:aws:secretsmanager:us-east-1:" + acctA + ":secret:prod/db-AbCdEf", "arn:aws:secretsmanager:us-east-1:" + acctA + ":secret:dev/api-key-XyZ123"}}}},
	{action: "lambda:InvokeFunction", weight: 4, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "lambda", "function:", []string{"process-orders", "resize-image"})
	}, siblings: []string{"lambda:GetFunction", "lambda:UpdateFunctionCode"}, prefixes: []string{"lambda:Invoke*"}, resourcePolicy: true, crossAccount: true, resourceTags: true,
		servicePrincipals: []string{"events.amazonaws.com", "s3.amazonaws.com", "sns.amazonaws.com"},
		keys:              []keySpec{{"lambda:InvokedViaFunctionUrl", kBool, false, []string{"true", "false"}}}},
	{action: "logs:PutLogEvents", weight: 2, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "logs", "log-group:", []string{"/app/web:log-stream:i-0abc", "/aws/lambda/process-orders:log-stream:2025/01/01"})
	}, siblings: []string{"logs:CreateLogGroup", "logs:GetLogEvents"}, prefixes: []string{"logs:Put*"}, resourceTags: true},
	{action: "ssm:GetParameter", weight: 3, res: func(g *Generator, acct string) resource {
		return regional(g, acct, "ssm", "parameter/", []string{"prod/db/password", "dev/feature-flags"})
	}, siblings: []string{"ssm:PutParameter", "ssm:GetParameters"}, prefixes: []string{"ssm:GetParameter*", "ssm:Get*"}, resourceTags: true},
}

// rcpServices are the services whose actions RCP guardrails name.
var rcpServices = []string{"s3", "sts", "kms", "sqs", "secretsmanager"}

func pick[T any](g *Generator, xs []T) T { return xs[g.r.IntN(len(xs))] }

func otherOf(g *Generator, xs []string, not string) string {
	for range 8 {
		if x := pick(g, xs); x != not {
			return x
		}
	}
	return not + "-other"
}
