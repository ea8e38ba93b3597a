resource "aws_iam_user_policy" "denied_allow_decrypt_1234abcd_12ab_34cd_56ef_1234567890ab" {
  name = "denied-allow-decrypt-1234abcd-12ab-34cd-56ef-1234567890ab"
  user = "bob"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowDecrypt"
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      },
    ]
  })
}
