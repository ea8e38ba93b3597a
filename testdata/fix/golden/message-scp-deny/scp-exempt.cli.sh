# The current policy is not known and the update replaces it whole: fetch it, change the Deny that matches the request as the notes say, and submit the result.
aws organizations describe-policy --policy-id p-regionfence --query Policy.Content --output text > policy.json
aws organizations update-policy --policy-id p-regionfence --content file://policy.json
