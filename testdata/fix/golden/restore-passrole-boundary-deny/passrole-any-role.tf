resource "aws_iam_role_policy" "denied_allow_passrole_any_role" {
  name = "denied-allow-passrole-any-role"
  role = "AWSBackupROLEEC2"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowPassAnyRole"
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::111122223333:role/*"
      },
    ]
  })
}
