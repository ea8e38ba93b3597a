resource "aws_kms_key_policy" "key_mrk_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d" {
  key_id = "arn:aws:kms:us-west-2:444455556666:key/mrk-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "Allow access for Key Administrators"
        Effect = "Allow"
        Principal = {
          AWS = "arn:aws:iam::444455556666:role/KeyAdmin"
        }
        Action   = ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]
        Resource = "*"
      },
      {
        Sid    = "AllowBackupOperatorUse"
        Effect = "Allow"
        Principal = {
          AWS = "arn:aws:iam::444455556666:role/BackupOperator"
        }
        Action   = "kms:CreateGrant"
        Resource = "*"
        Condition = {
          StringEquals = {
            "kms:ViaService" = "backup.us-west-2.amazonaws.com"
          }
          Bool = {
            "kms:GrantIsForAWSResource" = "true"
          }
        }
      },
    ]
  })
}
