package catgen

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// globalKey is one AWS global condition context key.
type globalKey struct {
	Name, Type, Description string
}

// globalKeys lists the AWS global condition context keys (prefix "aws:").
//
// iam-data does not ship these in its data/ directory: the service files only
// mention aws:RequestTag/${TagKey}, aws:ResourceTag/${TagKey} and aws:TagKeys,
// and the package keeps its own list in code (dist/cjs/globalConditionKeys.js).
// This table is written by hand from the IAM User Guide page "AWS global
// condition context keys"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html),
// one entry per key, with the data type stated there ("String (list)" is
// ArrayOfString). When the iam-data package directory also holds
// dist/cjs/globalConditionKeys.js, the generator checks this table against it
// and fails on any key or type it does not know about, unless the difference
// is listed in reviewedGlobalKeyDifferences.
//
// Cross-service keys that the guide lists with the global keys but that carry
// a service prefix (ec2:SourceInstanceArn, lambda:SourceFunctionArn,
// identitystore:UserId, ...) are defined in the service data and are not
// repeated here.
//
// Templated names use the ${TagKey} spelling of the Service Authorization
// Reference rather than the guide's "tag-key".
var globalKeys = []globalKey{
	// Properties of the principal.
	{"aws:PrincipalArn", "ARN", "Filters access by the ARN of the principal that made the request"},
	{"aws:PrincipalAccount", "String", "Filters access by the account to which the requesting principal belongs"},
	{"aws:PrincipalOrgPaths", "ArrayOfString", "Filters access by the AWS Organizations paths of the requesting principal's account"},
	{"aws:PrincipalOrgID", "String", "Filters access by the AWS Organizations ID of the requesting principal's account"},
	{"aws:PrincipalTag/${TagKey}", "String", "Filters access by a tag attached to the requesting principal"},
	{"aws:PrincipalIsAWSService", "Bool", "Filters access by whether the request is made directly by an AWS service principal"},
	{"aws:PrincipalServiceName", "String", "Filters access by the name of the AWS service principal that made the request"},
	{"aws:PrincipalServiceNamesList", "ArrayOfString", "Filters access by all the names of the AWS service principal that made the request"},
	{"aws:PrincipalType", "String", "Filters access by the type of the requesting principal"},
	{"aws:userid", "String", "Filters access by the unique identifier of the requesting principal"},
	{"aws:username", "String", "Filters access by the user name of the requesting IAM user"},

	// Properties of a role session.
	{"aws:AssumedRoot", "Bool", "Filters access by whether the request uses credentials from sts:AssumeRoot"},
	{"aws:FederatedProvider", "String", "Filters access by the identity provider that authenticated the federated principal"},
	{"aws:TokenIssueTime", "Date", "Filters access by the time the temporary security credentials were issued"},
	{"aws:SignInSessionArn", "ARN", "Filters access by the ARN of the AWS Sign-In OAuth session the request comes from"},
	{"aws:MultiFactorAuthAge", "Numeric", "Filters access by the number of seconds since the principal authenticated with MFA"},
	{"aws:MultiFactorAuthPresent", "Bool", "Filters access by whether MFA was used to validate the temporary credentials of the request"},
	{"aws:ChatbotSourceArn", "ARN", "Filters access by the ARN of the chat configuration that initiated the role session"},
	{"aws:Ec2InstanceSourceVpc", "String", "Filters access by the VPC to which the Amazon EC2 role credentials were delivered"},
	{"aws:Ec2InstanceSourcePrivateIPv4", "IPAddress", "Filters access by the private IPv4 address of the instance to which the Amazon EC2 role credentials were delivered"},
	{"aws:SourceIdentity", "String", "Filters access by the source identity set when the role was assumed"},

	// Properties of the network.
	{"aws:SourceIp", "IPAddress", "Filters access by the IP address of the requester"},
	{"aws:SourceVpc", "String", "Filters access by the VPC through whose endpoint the request was made"},
	{"aws:SourceVpcArn", "ARN", "Filters access by the ARN of the VPC through whose endpoint the request was made"},
	{"aws:SourceVpce", "String", "Filters access by the VPC endpoint through which the request was made"},
	{"aws:VpceAccount", "String", "Filters access by the account that owns the VPC endpoint through which the request was made"},
	{"aws:VpceOrgID", "String", "Filters access by the AWS Organizations ID of the account that owns the VPC endpoint of the request"},
	{"aws:VpceOrgPaths", "ArrayOfString", "Filters access by the AWS Organizations paths of the account that owns the VPC endpoint of the request"},
	{"aws:VpcSourceIp", "IPAddress", "Filters access by the IP address from which a request was made through a VPC endpoint"},

	// Properties of the resource.
	{"aws:ResourceAccount", "String", "Filters access by the account that owns the requested resource"},
	{"aws:ResourceOrgID", "String", "Filters access by the AWS Organizations ID of the account that owns the requested resource"},
	{"aws:ResourceOrgPaths", "ArrayOfString", "Filters access by the AWS Organizations paths of the account that owns the requested resource"},
	{"aws:ResourceTag/${TagKey}", "String", "Filters access by a tag attached to the requested resource"},

	// Properties of the request.
	{"aws:CalledVia", "ArrayOfString", "Filters access by the services that made the request on behalf of the principal"},
	{"aws:CalledViaFirst", "String", "Filters access by the first service that made the request on behalf of the principal"},
	{"aws:CalledViaLast", "String", "Filters access by the last service that made the request on behalf of the principal"},
	{"aws:CalledViaAWSMCP", "String", "Filters access by the AWS MCP service that made the request on behalf of the principal"},
	{"aws:ViaAWSService", "Bool", "Filters access by whether an AWS service made the request on behalf of the principal using forward access sessions"},
	{"aws:ViaAWSMCPService", "Bool", "Filters access by whether an AWS MCP service made the request on behalf of the principal"},
	{"aws:CurrentTime", "Date", "Filters access by the date and time of the request"},
	// The guide gives "Date, Numeric": the key accepts both a date and a number
	// of seconds since the epoch. iam-data records Date, and so do we.
	{"aws:EpochTime", "Date", "Filters access by the date and time of the request, in epoch (Unix) time"},
	{"aws:referer", "String", "Filters access by the HTTP referer of the request"},
	{"aws:RequestedRegion", "String", "Filters access by the AWS Region that was called in the request"},
	{"aws:RequestTag/${TagKey}", "String", "Filters access by a tag key and value passed in the request"},
	{"aws:TagKeys", "ArrayOfString", "Filters access by the tag keys passed in the request"},
	{"aws:SecureTransport", "Bool", "Filters access by whether the request was sent using TLS"},
	{"aws:SourceAccount", "String", "Filters access by the account of the resource on whose behalf an AWS service principal makes the request"},
	{"aws:SourceArn", "ARN", "Filters access by the ARN of the resource on whose behalf an AWS service principal makes the request"},
	{"aws:SourceOrgID", "String", "Filters access by the AWS Organizations ID of the resource on whose behalf an AWS service principal makes the request"},
	{"aws:SourceOrgPaths", "ArrayOfString", "Filters access by the AWS Organizations paths of the resource on whose behalf an AWS service principal makes the request"},
	// Legacy key, no longer in the guide's list; still honoured by services
	// such as Amazon SNS and kept by iam-data.
	{"aws:SourceOwner", "String", "Filters access by the account that owns the resource on whose behalf an AWS service principal makes the request (legacy)"},
	{"aws:UserAgent", "String", "Filters access by the client application of the requester"},
	{"aws:IsMcpServiceAction", "Bool", "Filters access by whether the action being authorized is an MCP service action"},
}

// reviewedGlobalKeyDifferences lists, by lower-case key name, the known and
// reviewed differences between globalKeys and iam-data's own list; the value is
// the type iam-data gives.
var reviewedGlobalKeyDifferences = map[string]string{
	// The IAM User Guide gives "Data type – ARN".
	"aws:sourcevpcarn": "String",
}

var iamDataGlobalKeyRE = regexp.MustCompile(`key:\s*'([^']+)'\s*,\s*category:\s*'[^']*'\s*,\s*type:\s*'([^']+)'`)

// checkGlobalKeys compares globalKeys with the list that the iam-data package
// keeps in dist/cjs/globalConditionKeys.js (next to data/), when present.
// It returns one message per unexpected difference for aws:* keys, and
// warnings for the cross-service keys that the list also holds and that the
// service data disagrees with.
func checkGlobalKeys(pkgDir string, keys map[string]*condKey) (errs, warnings []string, checked bool, err error) {
	b, err := os.ReadFile(filepath.Join(pkgDir, "dist", "cjs", "globalConditionKeys.js"))
	if os.IsNotExist(err) {
		return nil, nil, false, nil
	}
	if err != nil {
		return nil, nil, false, err
	}
	ours := make(map[string]globalKey, len(globalKeys))
	for _, k := range globalKeys {
		ours[strings.ToLower(k.Name)] = k
	}
	matches := iamDataGlobalKeyRE.FindAllStringSubmatch(string(b), -1)
	if len(matches) == 0 {
		return nil, nil, true, fmt.Errorf("no keys found in %s: has its layout changed?", "dist/cjs/globalConditionKeys.js")
	}
	for _, m := range matches {
		name, typ := m[1], m[2]
		// iam-data spells templated keys "aws:PrincipalTag/tag-key".
		name = strings.Replace(name, "/tag-key", "/${TagKey}", 1)
		lower := strings.ToLower(name)
		if !strings.HasPrefix(lower, "aws:") {
			if k, ok := keys[lower]; !ok {
				warnings = append(warnings, fmt.Sprintf("iam-data global key %s is not in the service data", name))
			} else if k.Type != typ {
				warnings = append(warnings, fmt.Sprintf("iam-data global key %s has type %s, the service data %s", name, typ, k.Type))
			}
			continue
		}
		k, ok := ours[lower]
		switch {
		case !ok:
			errs = append(errs, fmt.Sprintf("iam-data global key %s (%s) is missing from the generator's table", name, typ))
		case k.Type != typ && reviewedGlobalKeyDifferences[lower] != typ:
			errs = append(errs, fmt.Sprintf("global key %s: iam-data says %s, the generator's table %s", name, typ, k.Type))
		}
	}
	sort.Strings(errs)
	sort.Strings(warnings)
	return errs, warnings, true, nil
}
