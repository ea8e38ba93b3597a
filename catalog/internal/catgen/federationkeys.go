package catgen

import "strings"

// federationKeys are condition keys of web identity (OIDC) and SAML
// federation that trust policies use and that iam-data does not list. They
// are added to the sts service, where iam-data keeps the other federation
// keys (accounts.google.com:aud, cognito-identity.amazonaws.com:amr,
// saml:aud, token.actions.githubusercontent.com:repository, ...); a key
// that iam-data lists itself keeps iam-data's definition.
//
// Sources:
//   - IAM User Guide, "Available keys for AWS web identity federation" and
//     "Available keys for SAML-based AWS STS federation"
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html):
//     for an OIDC provider, the keys are the provider's URL followed by
//     ":aud", ":sub" (and ":amr" for Amazon Cognito).
//   - IAM User Guide, "Create a role for OpenID Connect federation"
//     (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html):
//     the GitHub Actions trust policy with
//     token.actions.githubusercontent.com:aud and :sub.
//   - Amazon EKS User Guide, "Assign IAM roles to Kubernetes service
//     accounts"
//     (https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html):
//     oidc.eks.REGION.amazonaws.com/id/ID:sub and :aud.
//
// Templated names use the ${Name} spelling of the Service Authorization
// Reference, as iam-data does for token.actions.${Domain}.ghe.com.
var federationKeys = []globalKey{
	{"token.actions.githubusercontent.com:aud", "String", "Filters access by the audience (aud claim) of the GitHub Actions OIDC token; sts.amazonaws.com for the official action"},
	{"token.actions.githubusercontent.com:sub", "String", "Filters access by the subject (sub claim) of the GitHub Actions OIDC token: repo:OWNER/REPO:ref:refs/heads/BRANCH, :environment:NAME, :pull_request"},
	{"token.actions.${Domain}.ghe.com:aud", "String", "Filters access by the audience (aud claim) of the OIDC token of GitHub Enterprise Cloud with data residency"},
	{"token.actions.${Domain}.ghe.com:sub", "String", "Filters access by the subject (sub claim) of the OIDC token of GitHub Enterprise Cloud with data residency"},
	{"oidc.eks.${Region}.amazonaws.com/id/${ClusterOidcId}:aud", "String", "Filters access by the audience (aud claim) of the Amazon EKS cluster's service account token; sts.amazonaws.com"},
	{"oidc.eks.${Region}.amazonaws.com/id/${ClusterOidcId}:sub", "String", "Filters access by the subject (sub claim) of the Amazon EKS cluster's service account token: system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT"},
	{"oidc.eks.${Region}.amazonaws.com/id/${ClusterOidcId}:amr", "String", "Filters access by the authentication methods reference (amr claim) of the Amazon EKS cluster's service account token"},
}

// addFederationKeys adds federationKeys to the sts service s and to keys,
// where iam-data does not define them.
func addFederationKeys(s *service, keys map[string]*condKey) {
	for _, k := range federationKeys {
		lk := strings.ToLower(k.Name)
		if keys[lk] != nil {
			continue
		}
		keys[lk] = &condKey{Name: k.Name, Type: k.Type, Description: k.Description, defined: s.Prefix}
		s.Keys = append(s.Keys, k.Name)
	}
}
