resource "aws_iam_user_policy" "backuprestore" {
  name = "BackupRestore"
  user = "alice"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Restore"
        Effect   = "Allow"
        Action   = ["backup:StartRestoreJob", "iam:PassRole"]
        Resource = "*"
      },
      {
        Sid         = "RequireMFA"
        Effect      = "Deny"
        Action      = ["backup:StartRestoreJob", "backup:DeleteRecoveryPoint"]
        NotResource = "arn:aws:backup:us-east-1:111122223333:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45"
        Condition = {
          BoolIfExists = {
            "aws:MultiFactorAuthPresent" = "false"
          }
        }
      },
    ]
  })
}
