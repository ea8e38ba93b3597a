# The current boundary document is not known and the update replaces it whole: fetch it, add the statement of the policy JSON to its Statement list, and submit the result.
# Not runnable as-is: replace <permissions-boundary-policy-arn> first. <permissions-boundary-policy-arn>: aws iam get-role --role-name BackupOperator --query Role.PermissionsBoundary.PermissionsBoundaryArn --output text
aws iam get-policy-version --policy-arn <permissions-boundary-policy-arn> --version-id "$(aws iam get-policy --policy-arn <permissions-boundary-policy-arn> --query Policy.DefaultVersionId --output text)" --query PolicyVersion.Document --output json > policy.json
# Not runnable as-is: replace <permissions-boundary-policy-arn> first.
aws iam create-policy-version --policy-arn <permissions-boundary-policy-arn> --policy-document file://policy.json --set-as-default
