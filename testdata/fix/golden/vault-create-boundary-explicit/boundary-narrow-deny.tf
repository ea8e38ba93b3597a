import {
  to = aws_iam_policy.operatorboundary
  id = "arn:aws:iam::444455556666:policy/OperatorBoundary"
}

resource "aws_iam_policy" "operatorboundary" {
  name = "OperatorBoundary"
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
        Sid         = "NoVaultsOutsideHome"
        Effect      = "Deny"
        Action      = ["backup:CreateBackupVault", "backup:CreateLogicallyAirGappedBackupVault"]
        NotResource = "arn:aws:backup:us-west-2:444455556666:backup-vault:MyVault"
        Condition = {
          StringNotEquals = {
            "aws:RequestedRegion" = "us-east-1"
          }
        }
      },
    ]
  })
}
