# update-policy replaces the whole policy: this is the current document with the change merged in.
aws organizations update-policy --policy-id p-allowlist --content '{"Version":"2012-10-17","Statement":[{"Sid":"AllowedServices","Effect":"Allow","Action":["ec2:*","s3:*","kms:*"],"Resource":"*"},{"Sid":"AllowCreateBackupVault","Effect":"Allow","Action":"backup:CreateBackupVault","Resource":"*"}]}'
