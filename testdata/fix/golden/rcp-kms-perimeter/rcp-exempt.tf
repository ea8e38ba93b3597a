# Not usable as-is: replace <policy-name> first.
import {
  to = aws_organizations_policy.p_perimeter
  id = "p-perimeter"
}

# `name`: replace <policy-name> with the policy's current name (aws organizations describe-policy --policy-id p-perimeter --query Policy.PolicySummary.Name --output text), which is not known here.
resource "aws_organizations_policy" "p_perimeter" {
  name = "<policy-name>"
  type = "RESOURCE_CONTROL_POLICY"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DataPerimeter"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["kms:*", "s3:*"]
        Resource  = "*"
        Condition = {
          StringNotEqualsIfExists = {
            "aws:PrincipalOrgID" = "o-a1b2c3d4e5"
          }
          BoolIfExists = {
            "aws:PrincipalIsAWSService" = "false"
          }
          ArnNotLike = {
            "aws:PrincipalArn" = "arn:aws:iam::444455556666:role/PartnerCopy"
          }
        }
      },
    ]
  })
}
