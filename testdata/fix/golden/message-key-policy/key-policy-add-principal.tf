# Run with credentials of account 111122223333, which owns arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab: the principal's account 444455556666 cannot change this policy.
# The current key policy is not known: add this statement to the Statement list
# of the aws_kms_key_policy (or the policy of the aws_kms_key) of arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab.
locals {
  denied_statement = {
    Sid    = "AllowBobUse"
    Effect = "Allow"
    Principal = {
      AWS = "arn:aws:iam::444455556666:user/bob"
    }
    Action   = "kms:Decrypt"
    Resource = "*"
  }
}
