# Change the Deny in the aws_organizations_policy p-regionfence as the notes say.
