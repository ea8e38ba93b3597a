package authzmsg

import (
	"regexp"
	"strings"
	"sync"
)

// specialPattern is an access-denied message that is not the IAM sentence:
// a service's own wording for a refusal (KMS, RDS, EC2, Secrets Manager), a
// Terraform diagnostic that hides the STS error, or a console translation of
// the IAM sentence. Each is matched on the prepared, collapsed text.
type specialPattern struct {
	// keys are lower-case literals one of which the text must hold.
	keys  []string
	re    *regexp.Regexp
	apply func(d *Denial, m []string, n string)
}

var (
	secretARNRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`arn:[A-Za-z0-9-]+:secretsmanager:[^\s"',]+`) })
	roleForRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bfor role (arn:[^\s"',]+)`) })
)

var specialPatterns = sync.OnceValue(func() []specialPattern {
	return []specialPattern{
		{
			// KMS Decrypt's answer when the key of a ciphertext is missing, in
			// another Region, or not usable by the caller; S3, SSM and others
			// pass it on.
			keys: []string{"the ciphertext refers to a customer master key"},
			re:   regexp.MustCompile(`(?i)The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access`),
			apply: func(d *Denial, _ []string, _ string) {
				if d.Action == "" {
					d.Action = "kms:Decrypt"
					d.Notes = append(d.Notes, "action kms:Decrypt read from the message: KMS answers this to a Decrypt of a ciphertext, whichever service called it")
				}
				d.ResourceMayNotExist = true
				d.Notes = append(d.Notes, "the message does not say which: the KMS key of the ciphertext does not exist, is in another Region, or its key policy and the caller's policies do not allow kms:Decrypt")
			},
		},
		{
			// RDS (and AWS Backup copying an RDS snapshot): KMSKeyNotAccessibleFault.
			keys: []string{"snapshot kms key", "스냅샷 kms 키"},
			re:   regexp.MustCompile(`(?i)The source snapshot KMS key (?:\[(arn:[^\]\s]+)\] )?does not exist, is not enabled or you do not have permissions to access it|소스 스냅샷 KMS 키가 존재하지 않거나, 활성화되어 있지 않거나, 액세스할 수 있는 권한이 없습니다`),
			apply: func(d *Denial, m []string, _ string) {
				if m[1] != "" && d.Resource == "" {
					setResource(d, trimARN(m[1]))
				}
				d.ResourceMayNotExist = true
				d.Notes = append(d.Notes, "RDS cannot use the KMS key of the source snapshot: it does not exist in this Region, it is disabled, or its key policy does not allow this account (a cross-account copy needs the key shared with the destination account)")
			},
		},
		{
			keys: []string{"kms key is not accessible"},
			re:   regexp.MustCompile(`(?i)The specified KMS key is not accessible`),
			apply: func(d *Denial, _ []string, _ string) {
				d.ResourceMayNotExist = true
				d.Notes = append(d.Notes, "the service cannot use the KMS key named in the request: it does not exist, is disabled, or its key policy does not allow the caller")
			},
		},
		{
			// Secrets Manager: the caller may read the secret but not use its KMS
			// key.
			keys: []string{"access to kms is not allowed"},
			re:   regexp.MustCompile(`(?i)Access to KMS is not allowed`),
			apply: func(d *Denial, _ []string, n string) {
				if d.Resource == "" {
					if a := secretARNRE().FindString(n); a != "" {
						setResource(d, trimARN(a))
					}
				}
				d.Notes = append(d.Notes, "Secrets Manager could not use the secret's KMS key on the caller's behalf: reading needs kms:Decrypt and writing kms:GenerateDataKey on that key, allowed by its key policy (and by the caller's policies when the key policy delegates to IAM); the message names neither the key nor the action")
			},
		},
		{
			// EC2 AuthFailure: the AMI does not exist here or is not shared with
			// the account.
			keys: []string{"not authorized for images"},
			re:   regexp.MustCompile(`(?i)Not authorized for images:?\s*(?:\[([^\]]*)\])?`),
			apply: func(d *Denial, m []string, n string) {
				if d.Resource == "" && m[1] != "" {
					ids := strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' })
					if len(ids) > 0 {
						setResource(d, ids[0])
					}
				}
				if d.ErrorCode == "" && strings.Contains(n, "AuthFailure") {
					d.ErrorCode = "AuthFailure"
				}
				d.ResourceMayNotExist = true
				d.Notes = append(d.Notes, "EC2 answers AuthFailure \"Not authorized for images\" when the AMI does not exist in this Region, was deregistered, or is not shared with the account; it is not an IAM policy decision")
			},
		},
		{
			// Terraform's AWS provider when it cannot assume the provider role
			// (the older wording quotes the ARN, the newer puts it in
			// parentheses).
			keys: []string{"cannot be assumed"},
			re:   regexp.MustCompile(`(?i)(?:The role "(arn:[^"\s]+)"|IAM Role \((arn:[^)\s]+)\)) cannot be assumed`),
			apply: func(d *Denial, m []string, _ string) {
				role := m[1]
				if role == "" {
					role = m[2]
				}
				if d.Action == "" {
					d.Action = "sts:AssumeRole"
					d.Notes = append(d.Notes, "action sts:AssumeRole read from Terraform's \"cannot be assumed\": the provider assumes the role")
				}
				if d.Resource == "" {
					setResource(d, role)
				}
				if d.Reason == "" {
					d.Notes = append(d.Notes, "Terraform does not say why: the caller's policies may not allow sts:AssumeRole on the role, the role's trust policy may not trust the caller, or the role may not exist")
				}
			},
		},
		{
			// A service refusing to be passed a role of another account
			// (CodeDeploy, ECS...): iam:PassRole never crosses accounts.
			keys: []string{"cross-account pass role is not allowed"},
			re:   regexp.MustCompile(`(?i)Cross-account pass role is not allowed`),
			apply: func(d *Denial, _ []string, _ string) {
				if d.Action == "" {
					d.Action = "iam:PassRole"
					d.Notes = append(d.Notes, "action iam:PassRole read from \"Cross-account pass role is not allowed\"")
				}
				d.Notes = append(d.Notes, "a role can be passed only to a service of its own account: no policy change allows passing a role of another account; pass a role of the account that makes the request")
			},
		},
		{
			// SQS names the queue by its URL and neither the action nor the
			// policy type: "Access to the resource https://sqs.REGION.
			// amazonaws.com/ACCOUNT/QUEUE is denied."
			keys: []string{"access to the resource http"},
			re:   regexp.MustCompile(`(?i)Access to the resource (https?://sqs\.[\w.-]*amazonaws\.com(?:\.cn)?/[^\s"'\\]+) is denied`),
			apply: func(d *Denial, m []string, _ string) {
				if d.Resource == "" {
					setResource(d, m[1])
					d.Notes = append(d.Notes, "the queue was read from SQS's \"Access to the resource URL is denied\": SQS names neither the action nor the policy type")
				}
			},
		},
		{
			// The AWS Knowledge Center's Japanese rendering of the IAM sentence
			// with an explicit deny.
			keys: []string{"は実行する権限がありません"},
			re:   regexp.MustCompile(`ユーザー\s*:\s*(\S+) は実行する権限がありません\s*:\s*リソースの (\S+?):\s+(.+?)\s*\(明示的な拒否\)`),
			apply: func(d *Denial, m []string, _ string) {
				if d.Principal.ARN == "" {
					d.Principal = ParsePrincipal(m[1])
				}
				if d.Action == "" && ValidAction(m[2]) {
					d.Action = m[2]
				}
				if d.Resource == "" {
					setResource(d, m[3])
				}
				if d.Decision == DecisionUnknown {
					d.Decision = ExplicitDeny
					d.Reason = "(明示的な拒否)"
					d.Notes = append(d.Notes, "read from the Japanese console text: \"明示的な拒否\" is \"explicit deny\"; it names no policy type")
				}
			},
		},
		{
			// The AWS Knowledge Center's Korean rendering of the IAM sentence
			// with an explicit deny: "사용자 P가 명시적 거부가 있는 리소스 R의 A를
			// 수행할 권한이 없습니다" (the particles 가/이, 의 and 를/을 are
			// glued to the principal, the resource and the action).
			keys: []string{"수행할 권한이 없습니다"},
			re:   regexp.MustCompile(`사용자\s*:?\s*(arn:[!-~]+?)\s*[가이]\s+명시적 거부가 있는 리소스\s+(.+?)의\s+([A-Za-z0-9-]+:[A-Za-z0-9_-]+)(?:을|를)\s+수행할 권한이 없습니다`),
			apply: func(d *Denial, m []string, _ string) {
				if d.Principal.ARN == "" {
					d.Principal = ParsePrincipal(m[1])
				}
				if d.Action == "" && ValidAction(m[3]) {
					d.Action = m[3]
				}
				if d.Resource == "" {
					setResource(d, m[2])
				}
				if d.Decision == DecisionUnknown {
					d.Decision = ExplicitDeny
					d.Reason = "명시적 거부"
					d.Notes = append(d.Notes, "read from the Korean console text: \"명시적 거부\" is \"explicit deny\"; it names no policy type")
				}
			},
		},
	}
})

// matchSpecial applies every special pattern found in n (the prepared,
// collapsed text; low is its lower-case form) and reports whether one was.
func matchSpecial(d *Denial, n, low string) bool {
	found := false
	for _, p := range specialPatterns() {
		if !containsAny(low, p.keys) {
			continue
		}
		m := p.re.FindStringSubmatch(n)
		if m == nil {
			continue
		}
		p.apply(d, m, n)
		found = true
	}
	// The .NET SDK's web-identity provider names the role in its own
	// wrapper: "Error calling AssumeRole for role arn:... ---> ... Not
	// authorized to perform sts:AssumeRoleWithWebIdentity".
	if d.Resource == "" && strings.HasPrefix(d.Action, "sts:AssumeRole") && strings.Contains(low, "for role arn:") {
		if m := roleForRE().FindStringSubmatch(n); m != nil {
			setResource(d, cleanToken(m[1]))
			d.Notes = append(d.Notes, "the role was read from the SDK's wrapper (\"for role ...\"), not from the IAM message")
		}
	}
	return found
}
