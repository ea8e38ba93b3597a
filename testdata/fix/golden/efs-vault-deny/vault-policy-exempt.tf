resource "aws_backup_vault_policy" "aws_efs_automatic_backup_vault" {
  backup_vault_name = "aws/efs/automatic-backup-vault"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Deny"
        Principal = {
          AWS = "*"
        }
        Action   = ["backup:DeleteBackupVault", "backup:DeleteBackupVaultAccessPolicy", "backup:DeleteRecoveryPoint", "backup:StartCopyJob", "backup:StartRestoreJob", "backup:UpdateRecoveryPointLifecycle"]
        Resource = "*"
        Condition = {
          ArnNotLike = {
            "aws:PrincipalArn" = "arn:aws:iam::111122223333:role/SAAssumedRole"
          }
        }
      },
    ]
  })
}
