import {
  to = aws_iam_policy.operatorboundary
  id = "arn:aws:iam::444455556666:policy/boundaries/OperatorBoundary"
}

resource "aws_iam_policy" "operatorboundary" {
  name = "OperatorBoundary"
  path = "/boundaries/"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ec2:*", "s3:*", "kms:*", "cloudwatch:*"]
        Resource = "*"
      },
      {
        Sid      = "AllowCreateBackupVault"
        Effect   = "Allow"
        Action   = "backup:CreateBackupVault"
        Resource = "arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault"
      },
    ]
  })
}
