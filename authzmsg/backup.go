package authzmsg

import (
	"regexp"
	"strings"
	"sync"
)

// backupPattern is one AWS Backup job status or service message (domain
// reference §D.5 and §B).
type backupPattern struct {
	id      string
	summary string
	layer   string
	re      *regexp.Regexp
	// keys are lower-case literals one of which the text must hold before
	// re is tried.
	keys []string
	// arg names what the first capture group holds: "resource" or "role".
	arg string
}

// The patterns are matched against the text with its whitespace collapsed.
var backupPatterns = sync.OnceValue(func() []backupPattern {
	return []backupPattern{
		{
			id:      "backup.encoded-restore",
			keys:    []string{"aws backup role", "aws backup ロール"},
			summary: "A restore job (typically of an EC2 instance) was refused by EC2 for the restore role; the encoded message says which action, usually iam:PassRole of the instance's original role.",
			layer:   "decode",
			re:      regexp.MustCompile(`(?i)You are not authorized to perform this operation\.? Please consult the permissions associated with your AWS Backup role\(s\)|AWS Backup ロールに関するアクセス権限を確認してください`),
		},
		{
			id:      "backup.cannot-describe-resource",
			keys:    []string{"permission to describe resource"},
			summary: "The backup job role may not describe the protected resource (for S3, the role lacks the AWSBackupServiceRolePolicyForS3Backup permissions).",
			layer:   "identity",
			re:      regexp.MustCompile(`(?i)AWS Backup does not have permission to describe resource (\S+)`),
			arg:     "resource",
		},
		{
			id:      "backup.role-cannot-be-assumed",
			keys:    []string{"cannot be assumed"},
			summary: "AWS Backup could not assume the role: it does not exist in this account, or its trust policy does not allow backup.amazonaws.com.",
			layer:   "trust",
			re:      regexp.MustCompile(`(?i)The provided role (\S+) cannot be assumed by AWS Backup`),
			arg:     "role",
		},
		{
			id:      "backup.tag-getresources",
			keys:    []string{"tag:getresources"},
			summary: "The backup selection's role may not call tag:GetResources (missing AWSBackupServiceRolePolicyForBackup, or a role created moments ago that IAM has not propagated yet).",
			layer:   "identity",
			re:      regexp.MustCompile(`(?i)IAM Role (\S+) is not authorized to call tag:GetResources`),
			arg:     "role",
		},
		{
			id:      "backup.copy-access-denied",
			keys:    []string{"trying to call aws backup", "aws backup サービス呼び出し中にアクセスが拒否されました"},
			summary: "A cross-account copy was refused: the destination vault's access policy does not allow backup:CopyIntoBackupVault for the source account or organization.",
			layer:   "resource",
			re:      regexp.MustCompile(`(?i)Access Denied trying to call AWS Backup service|AWS Backup サービス呼び出し中にアクセスが拒否されました`),
		},
		{
			id:      "backup.same-organization",
			keys:    []string{"same organization", "같은 조직의 구성원이어야"},
			summary: "A cross-account copy needs the source and destination accounts in the same AWS Organizations organization.",
			layer:   "organization",
			re:      regexp.MustCompile(`(?i)Both source and destination account must be a member of the same organization|원본 계정과 대상 계정은 모두 같은 조직의 구성원이어야 합니다`),
		},
		{
			id:      "backup.kms-describekey-default-cmk",
			keys:    []string{"default cmk", "given key id", "주어진 키 id에 액세스할 수 없습니다"},
			summary: "The AMI's snapshots are encrypted with a key the destination cannot use (an AWS managed key such as aws/ebs cannot be shared): re-encrypt with a customer managed key shared with the destination.",
			layer:   "kms",
			re:      regexp.MustCompile(`(?i)Given key ID (?:is )?not accessible(?:\.? You must have DescribeKey permissions on the default CMK)?|주어진 키 ID에 액세스할 수 없습니다`),
		},
		{
			id:      "backup.insufficient-privileges",
			keys:    []string{"insufficient privileges", "このアクションを実行するには権限が不十分です"},
			summary: "The restore was refused: the caller may lack backup:StartRestoreJob, the restore role may lack the service's or KMS permissions, or the vault access policy denies StartRestoreJob.",
			layer:   "identity",
			re:      regexp.MustCompile(`(?i)Insufficient privileges to perform this action|このアクションを実行するには権限が不十分です`),
		},
		{
			id:      "backup.unshare-snapshot",
			keys:    []string{"unshare snapshot"},
			summary: "A cross-account copy could not unshare its snapshot, usually because the copy job's role was deleted before the copy finished.",
			layer:   "trust",
			re:      regexp.MustCompile(`(?i)Failed to unshare snapshot`),
		},
		{
			id:      "backup.ami-not-found",
			keys:    []string{"source ami not found"},
			summary: "The copy's source AMI is not visible in the destination: EC2 Allowed AMIs excludes the source account.",
			layer:   "service",
			re:      regexp.MustCompile(`(?i)Source AMI not found in Region`),
		},
		{
			id:      "backup.describe-vault-access-denied",
			keys:    []string{"describe backup vault"},
			summary: "Describing a backup vault was refused; AWS Backup answers AccessDenied for a vault that does not exist, so check that it exists before reading it as a permission problem.",
			layer:   "service",
			re:      regexp.MustCompile(`(?i)Access Denied trying to describe backup vault`),
		},
	}
})

var (
	arnRE       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`arn:[A-Za-z0-9-]+:[^\s"',\\]+`) })
	errorCodeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(ERROR_[0-9]{3,5})\b`) })
)

// trimARN removes punctuation that ends the sentence around an ARN, and
// closing brackets that have no opening one in it.
func trimARN(s string) string { return trimARNPunct(s, ".;:,") }

// trimARNPunct is trimARN with the sentence punctuation to remove given.
func trimARNPunct(s, punct string) string {
	pairs := map[byte]byte{')': '(', ']': '[', '}': '{', '>': '<'}
	for len(s) > 0 {
		// An ellipsis is a person's elision, not punctuation.
		if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
			return s
		}
		c := s[len(s)-1]
		switch {
		case strings.IndexByte(punct, c) >= 0:
		case pairs[c] != 0 && strings.Count(s, string(pairs[c])) < strings.Count(s, string(c)):
		case (c == '\'' || c == '"' || c == '`') && strings.Count(s, string(c))%2 == 1:
			// The closing quote of a quotation the ARN ended
			// ("ClientError('... role/Name')").
		default:
			return s
		}
		s = s[:len(s)-1]
	}
	return s
}

// allARNs returns every ARN in s, in order, without repeats.
func allARNs(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range arnRE().FindAllString(s, -1) {
		a = trimARN(a)
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// matchBackup finds the first AWS Backup message in n (collapsed text);
// low is n in lower case.
func matchBackup(n, low string) *BackupMessage {
	for _, p := range backupPatterns() {
		if !containsAny(low, p.keys) {
			continue
		}
		m := p.re.FindStringSubmatch(n)
		if m == nil {
			continue
		}
		b := &BackupMessage{ID: p.id, Summary: p.summary, Layer: p.layer, ARNs: allARNs(m[0])}
		if len(m) > 1 {
			arg := trimARN(m[1])
			switch p.arg {
			case "resource":
				b.ResourceARN = arg
			case "role":
				b.RoleARN = arg
			}
		}
		if c := errorCodeRE().FindStringSubmatch(n); c != nil {
			b.Code = c[1]
		}
		return b
	}
	return nil
}

// applyBackup fills the denial's fields from what an AWS Backup message
// names.
func applyBackup(d *Denial, b *BackupMessage) {
	d.Backup = b
	switch b.ID {
	case "backup.cannot-describe-resource":
		if d.Resource == "" {
			setResource(d, b.ResourceARN)
		}
	case "backup.role-cannot-be-assumed":
		if d.Action == "" {
			d.Action = "sts:AssumeRole"
			d.Notes = append(d.Notes, "action sts:AssumeRole inferred: AWS Backup assumes the job role")
		}
		if d.Principal.ARN == "" {
			d.Principal = ParsePrincipal("backup.amazonaws.com")
			d.Notes = append(d.Notes, "principal backup.amazonaws.com inferred: the service assumes the job role")
		}
		if d.Resource == "" {
			setResource(d, b.RoleARN)
		}
	case "backup.tag-getresources":
		if d.Principal.ARN == "" {
			d.Principal = ParsePrincipal(b.RoleARN)
		}
		if d.Action == "" {
			d.Action = "tag:GetResources"
		}
	case "backup.kms-describekey-default-cmk":
		if d.Action == "" && strings.Contains(d.Raw, "DescribeKey") {
			d.Action = "kms:DescribeKey"
			d.Notes = append(d.Notes, "action kms:DescribeKey read from \"DescribeKey permissions\"")
		}
	}
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
