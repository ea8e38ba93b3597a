# Not usable as-is: replace <policy-name> first.
import {
  to = aws_organizations_policy.p_regionfence
  id = "p-regionfence"
}

# `name`: replace <policy-name> with the policy's current name (aws organizations describe-policy --policy-id p-regionfence --query Policy.PolicySummary.Name --output text), which is not known here.
resource "aws_organizations_policy" "p_regionfence" {
  name = "<policy-name>"
  type = "SERVICE_CONTROL_POLICY"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
      {
        Sid       = "RegionFence"
        Effect    = "Deny"
        NotAction = ["iam:*", "organizations:*", "sts:*"]
        Resource  = "*"
        Condition = {
          StringNotEquals = {
            "aws:RequestedRegion" = ["us-east-1", "ap-northeast-1"]
          }
          ArnNotLike = {
            "aws:PrincipalArn" = "arn:aws:iam::444455556666:role/BackupOperator"
          }
        }
      },
      {
        Sid      = "ProtectOwnerTag"
        Effect   = "Deny"
        Action   = "backup:UntagResource"
        Resource = "*"
        Condition = {
          StringEquals = {
            "aws:ResourceTag/owner" = "O'Brien's team"
          }
        }
      },
    ]
  })
}
