import {
  to = aws_iam_policy.backupboundary
  id = "arn:aws:iam::111122223333:policy/BackupBoundary"
}

resource "aws_iam_policy" "backupboundary" {
  name = "BackupBoundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowAll"
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
      {
        Sid         = "NoPassRoleToEC2"
        Effect      = "Deny"
        Action      = "iam:PassRole"
        NotResource = "arn:aws:iam::111122223333:role/IAM_ROLE_EC2_Access"
        Condition = {
          StringEquals = {
            "iam:PassedToService" = "ec2.amazonaws.com"
          }
        }
      },
    ]
  })
}
