# Run with credentials of account 111122223333, which owns arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab: the principal's account 444455556666 cannot change this policy.
# The current key policy is not known and the update replaces it whole: fetch it, add the statement of the policy JSON to its Statement list, and submit the result.
aws kms get-key-policy --key-id arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab --policy-name default --query Policy --output text --region eu-west-1 > key-policy.json
aws kms put-key-policy --key-id arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab --policy-name default --policy file://key-policy.json --region eu-west-1
