# The current boundary document is not known: add this statement to the Statement list
# of the aws_iam_policy that manages <permissions-boundary-policy-arn>.
locals {
  denied_statement = {
    Sid      = "AllowCreateBackupVault"
    Effect   = "Allow"
    Action   = "backup:CreateBackupVault"
    Resource = "arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault"
  }
}
