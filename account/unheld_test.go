package account

import "testing"

// UnheldPolicy names the policy no snapshot holds and the resource that
// carries it: the bucket of an object, the access point an object goes
// through, a function's version or alias; a resource of a service without
// resource-based policies, "*" or a non-ARN has none.
func TestUnheldPolicy(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		resource, kind, holder string
	}{
		{"arn:aws:s3:::my-bucket/a/b.txt", PolicyBucket, "arn:aws:s3:::my-bucket"},
		{"arn:aws:s3:::my-bucket", PolicyBucket, "arn:aws:s3:::my-bucket"},
		{"arn:aws:s3:eu-west-1:111122223333:accesspoint/ap/object/k", PolicyAccessPoint, "arn:aws:s3:eu-west-1:111122223333:accesspoint/ap"},
		{"arn:aws:s3express:eu-west-1:111122223333:bucket/b--euw1-az1--x-s3", PolicyBucket, "arn:aws:s3express:eu-west-1:111122223333:bucket/b--euw1-az1--x-s3"},
		{"arn:aws:sqs:eu-west-1:111122223333:q", PolicyQueue, "arn:aws:sqs:eu-west-1:111122223333:q"},
		{"arn:aws:sns:eu-west-1:111122223333:t", PolicyTopic, "arn:aws:sns:eu-west-1:111122223333:t"},
		{"arn:aws:lambda:eu-west-1:111122223333:function:f:prod", PolicyFunction, "arn:aws:lambda:eu-west-1:111122223333:function:f:prod"},
		{"arn:aws:secretsmanager:eu-west-1:111122223333:secret:s-AbCdEf", PolicySecret, "arn:aws:secretsmanager:eu-west-1:111122223333:secret:s-AbCdEf"},
		{"arn:aws:ecr:eu-west-1:111122223333:repository/r", PolicyRepository, "arn:aws:ecr:eu-west-1:111122223333:repository/r"},
		{"arn:aws:dynamodb:eu-west-1:111122223333:table/t", PolicyResource, "arn:aws:dynamodb:eu-west-1:111122223333:table/t"},
		{"arn:aws:s3:eu-west-1:111122223333:job/j", "", ""},
		{"arn:aws:ec2:eu-west-1:111122223333:instance/i-1", "", ""},
		{"arn:aws:kms:eu-west-1:111122223333:key/k", "", ""},
		{"arn:aws:backup:eu-west-1:111122223333:backup-vault:Default", "", ""},
		{"*", "", ""},
		{"my-bucket", "", ""},
	} {
		kind, holder, ok := UnheldPolicy(tt.resource)
		if kind != tt.kind || holder != tt.holder || ok != (tt.kind != "") {
			t.Errorf("UnheldPolicy(%q) = %q, %q, %v; want %q, %q", tt.resource, kind, holder, ok, tt.kind, tt.holder)
		}
	}
}
