resource "aws_vpc_endpoint_policy" "vpce_0a1b2c3d4e5f67890" {
  vpc_endpoint_id = "vpce-0a1b2c3d4e5f67890"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:ListBucket"
        Resource  = "*"
      },
      {
        Sid    = "AllowGetObject"
        Effect = "Allow"
        Principal = {
          AWS = "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole"
        }
        Action   = "s3:GetObject"
        Resource = "arn:aws:s3:::app-data/reports/2026.csv"
      },
    ]
  })
}
