// Package arn splits Amazon Resource Names
// (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE) and checks account IDs:
// the one ARN splitter of the module. It is a leaf: it imports only the
// standard library and nothing of this module, so that every package,
// the engine included, can use it.
package arn

import "strings"

// ARN is the fields of arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE.
// Resource keeps any further colons ("secret:name", "log-group:x:*").
type ARN struct {
	Partition, Service, Region, Account, Resource string
}

// Parse splits s when it is an ARN: "arn:" and five more colon-separated
// fields, any of which may be empty. It does not check the fields.
func Parse(s string) (ARN, bool) {
	f, n := Fields(s)
	if n != 6 || f[0] != "arn" {
		return ARN{}, false
	}
	return ARN{Partition: f[1], Service: f[2], Region: f[3], Account: f[4], Resource: f[5]}, true
}

// Fields splits s at its first five colons, as strings.SplitN(s, ":", 6)
// does but without allocating: f[:n] are the fields (n is 1 to 6), and the
// last of them keeps any further colons. The first field need not be
// "arn"; Parse checks that.
func Fields(s string) (f [6]string, n int) {
	for n < 5 {
		i := strings.IndexByte(s, ':')
		if i < 0 {
			break
		}
		f[n], s = s[:i], s[i+1:]
		n++
	}
	f[n] = s
	return f, n + 1
}

// FieldsVars is Fields for an ARN pattern of a policy, where a colon
// inside a ${...} policy variable ("${aws:username}") does not split.
func FieldsVars(s string) (f [6]string, n int) {
	start, depth := 0, 0
	for i := 0; i < len(s) && n < 5; i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
		case s[i] == '}' && depth > 0:
			depth--
		case s[i] == ':' && depth == 0:
			f[n] = s[start:i]
			n++
			start = i + 1
		}
	}
	f[n] = s[start:]
	return f, n + 1
}

// String joins the fields back into arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE.
func (a ARN) String() string {
	return "arn:" + a.Partition + ":" + a.Service + ":" + a.Region + ":" + a.Account + ":" + a.Resource
}

// LastField is the part of s after its last colon (all of s when it has
// none): the name in a backup vault's ARN (arn:...:backup-vault:NAME), or
// the resource of an ARN whose resource has no colon.
func LastField(s string) string {
	return s[strings.LastIndexByte(s, ':')+1:]
}

// Name is the part of s after its last slash (all of s when it has
// none): the name of an IAM role, user or instance profile in its ARN,
// whatever its path (arn:aws:iam::ACCOUNT:role/PATH/NAME).
func Name(s string) string {
	return s[strings.LastIndexByte(s, '/')+1:]
}

// Account is the account field of the ARN s ("" for an AWS-owned
// resource such as an S3 bucket), or "" when s is not an ARN.
func Account(s string) string {
	a, _ := Parse(s)
	return a.Account
}

// IsAccountID reports whether s is an AWS account ID: exactly 12 ASCII
// digits.
func IsAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
