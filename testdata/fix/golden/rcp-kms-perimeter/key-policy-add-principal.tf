# Run with credentials of account 111122223333, which owns arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab: the principal's account 444455556666 cannot change this policy.
resource "aws_kms_key_policy" "key_1234abcd_12ab_34cd_56ef_1234567890ab" {
  key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "EnableIAM"
        Effect = "Allow"
        Principal = {
          AWS = "arn:aws:iam::111122223333:root"
        }
        Action   = "kms:*"
        Resource = "*"
      },
      {
        Sid    = "AllowPartnerCopyUse"
        Effect = "Allow"
        Principal = {
          AWS = "arn:aws:iam::444455556666:role/PartnerCopy"
        }
        Action   = "kms:Decrypt"
        Resource = "*"
        Condition = {
          StringEquals = {
            "kms:ViaService" = "backup.eu-west-1.amazonaws.com"
          }
        }
      },
    ]
  })
}
