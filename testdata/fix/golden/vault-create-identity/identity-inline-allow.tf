resource "aws_iam_role_policy" "denied_allow_createbackupvault_myvault" {
  name = "denied-allow-createbackupvault-MyVault"
  role = "BackupOperator"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowCreateBackupVault"
        Effect   = "Allow"
        Action   = "backup:CreateBackupVault"
        Resource = "arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault"
      },
    ]
  })
}
