package casegen

import (
	"bytes"
	"fmt"
)

// SmallCases returns n small cases as JSON Lines, the workload of the
// `simulate --jsonl` throughput target: one identity policy of two
// statements with a condition, and for some cases a permissions boundary,
// an SCP level or a key policy. Many documents repeat across cases, as
// they do when one organisation's roles are checked.
func SmallCases(n int) []byte {
	var b bytes.Buffer
	actions := []string{"s3:GetObject", "backup:StartRestoreJob", "iam:PassRole", "kms:Decrypt", "ec2:RunInstances"}
	resources := []string{"arn:aws:s3:::bucket-%d/key", "arn:aws:backup:us-east-1:111122223333:recovery-point:%d", "arn:aws:iam::111122223333:role/app-%d", "arn:aws:kms:us-east-1:111122223333:key/%d", "arn:aws:ec2:us-east-1:111122223333:instance/i-%d"}
	for i := 0; i < n; i++ {
		k := i % len(actions)
		res := fmt.Sprintf(resources[k], i%7)
		fmt.Fprintf(&b, `{"id":"c%d","request":{"principal":"arn:aws:sts::111122223333:assumed-role/Role%d/s","action":"%s","resource":"%s","resourceAccount":"111122223333","context":{"aws:SourceIp":"10.0.%d.1"}},"identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["%s","s3:List*"],"Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/16"}}},{"Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::bucket-3/*"}]}}]`, i, i%5, actions[k], res, i%250, actions[k])
		if i%3 == 0 {
			b.WriteString(`,"permissionsBoundary":{"name":"b","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}}`)
		}
		if i%4 == 0 {
			b.WriteString(`,"serviceControlPolicies":[{"target":"r-root","policies":[{"name":"FullAWSAccess","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]}]`)
		}
		if k == 3 {
			b.WriteString(`,"resourcePolicy":{"name":"key","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}}`)
		}
		b.WriteString("}\n")
	}
	return b.Bytes()
}
