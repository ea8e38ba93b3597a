# The session policy is passed by whoever creates the session; in Terraform, the provider's assume_role block:
provider "aws" {
  assume_role {
    role_arn     = "arn:aws:iam::111122223333:role/BackupOperator"
    session_name = "alice"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Sid      = "ReadOnly"
          Effect   = "Allow"
          Action   = ["backup:Describe*", "backup:List*"]
          Resource = "*"
        },
        {
          Sid      = "AllowStartRestoreJob"
          Effect   = "Allow"
          Action   = "backup:StartRestoreJob"
          Resource = "arn:aws:backup:us-east-1:111122223333:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45"
        },
      ]
    })
  }
}
