package authz

// rcpSupported reports whether resource control policies apply to the
// service's resources.
var rcpSupported = func(service string) bool {
	switch service {
	case "s3", "sts", "sqs", "secretsmanager", "kms", "dynamodb", "ecr", "aoss", "cognito-identity", "logs", "dsql", "s3tables", "s3express":
		return true
	}
	return false
}
