# Not usable as-is: replace <backup-vault-name> first. <backup-vault-name>: aws backup list-backup-vaults --query 'BackupVaultList[].BackupVaultName' --output text
resource "aws_backup_vault_policy" "backup_vault_name" {
  backup_vault_name = "<backup-vault-name>"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "AllowCopyFromOrg"
        Effect = "Allow"
        Principal = {
          AWS = "*"
        }
        Action   = "backup:CopyIntoBackupVault"
        Resource = "*"
        Condition = {
          StringEquals = {
            "aws:PrincipalOrgID" = "o-a1b2c3d4e5"
          }
        }
      },
    ]
  })
}
