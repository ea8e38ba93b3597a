package authz_test

import (
	"fmt"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/policy"
)

// The restore role may pass only the instance's role, and only to EC2.
func Example() {
	doc, _ := policy.Parse([]byte(`{"Version": "2012-10-17", "Statement": [{
		"Effect": "Allow", "Action": "iam:PassRole",
		"Resource": "arn:aws:iam::111122223333:role/IAM_ROLE_EC2_Access",
		"Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}]}`))
	set, err := authz.Compile(authz.Input{Identity: []authz.NamedPolicy{{Name: "allow-passrole", Policy: doc}}})
	if err != nil {
		panic(err)
	}
	var res authz.Result
	var last *authz.Request
	for _, service := range []string{"ec2.amazonaws.com", "lambda.amazonaws.com"} {
		req, err := authz.NewRequest(authz.RequestInput{
			Principal: "arn:aws:sts::111122223333:assumed-role/AWSBackupROLEEC2/AWSBackup-AWSBackupROLEEC2",
			Action:    "iam:PassRole",
			Resource:  "arn:aws:iam::111122223333:role/IAM_ROLE_EC2_Access",
			Context:   map[string][]string{"iam:PassedToService": {service}},
		})
		if err != nil {
			panic(err)
		}
		set.Evaluate(req, &res)
		fmt.Println(service, res.Decision, res.Layer)
		last = req
	}
	fmt.Println(res.Message(last))
	// Output:
	// ec2.amazonaws.com Allowed identity
	// lambda.amazonaws.com ImplicitDeny identity
	// User: arn:aws:sts::111122223333:assumed-role/AWSBackupROLEEC2/AWSBackup-AWSBackupROLEEC2 is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/IAM_ROLE_EC2_Access because no identity-based policy allows the iam:PassRole action
}
