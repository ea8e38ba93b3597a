resource "aws_iam_role_policy" "denied_allow_passrole_iam_role_ec2_access" {
  name = "denied-allow-passrole-IAM_ROLE_EC2_Access"
  role = "AWSBackupROLEEC2"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowPassRole"
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::111122223333:role/IAM_ROLE_EC2_Access"
        Condition = {
          StringEquals = {
            "iam:PassedToService" = "ec2.amazonaws.com"
          }
        }
      },
    ]
  })
}
