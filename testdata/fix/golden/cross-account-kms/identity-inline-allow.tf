resource "aws_iam_role_policy" "denied_allow_creategrant_1234abcd_12ab_34cd_56ef_1234567890ab" {
  name = "denied-allow-creategrant-1234abcd-12ab-34cd-56ef-1234567890ab"
  role = "BackupCopyRole"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowCreateGrant"
        Effect   = "Allow"
        Action   = "kms:CreateGrant"
        Resource = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
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
