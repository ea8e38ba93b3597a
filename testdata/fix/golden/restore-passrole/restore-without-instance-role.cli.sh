# Restore with "Proceed with no IAM role": the IamInstanceProfileName restore metadata key is omitted,
# so the restore role AWSBackupROLEEC2 passes no role to EC2 and needs no iam:PassRole.
aws backup get-recovery-point-restore-metadata --backup-vault-name <backup-vault-name> --recovery-point-arn <recovery-point-arn> --query RestoreMetadata --output json > restore-metadata.json
jq 'del(.IamInstanceProfileName)' restore-metadata.json > restore-metadata-no-role.json
aws backup start-restore-job --recovery-point-arn <recovery-point-arn> --iam-role-arn arn:aws:iam::111122223333:role/AWSBackupROLEEC2 --resource-type EC2 --metadata file://restore-metadata-no-role.json
# When the job has completed, find the instance (aws backup describe-restore-job --restore-job-id <restore-job-id> --query CreatedResourceArn)
# and attach the instance profile that holds IAM_ROLE_EC2_Access (the console names it after the role; aws iam list-instance-profiles-for-role --role-name IAM_ROLE_EC2_Access):
aws ec2 associate-iam-instance-profile --instance-id <restored-instance-id> --iam-instance-profile Name=IAM_ROLE_EC2_Access
