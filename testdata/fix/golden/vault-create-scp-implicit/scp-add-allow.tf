# Not usable as-is: replace <policy-name> first.
import {
  to = aws_organizations_policy.p_allowlist
  id = "p-allowlist"
}

# `name`: replace <policy-name> with the policy's current name (aws organizations describe-policy --policy-id p-allowlist --query Policy.PolicySummary.Name --output text), which is not known here.
resource "aws_organizations_policy" "p_allowlist" {
  name = "<policy-name>"
  type = "SERVICE_CONTROL_POLICY"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowedServices"
        Effect   = "Allow"
        Action   = ["ec2:*", "s3:*", "kms:*"]
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
