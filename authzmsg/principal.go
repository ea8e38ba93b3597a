package authzmsg

import (
	"regexp"
	"strings"
	"sync"

	"github.com/deniedhq/denied/internal/arn"
)

// actionRE is the shape of an IAM action in a message: a service prefix and
// an action name. Both parts start with a letter or digit.
var actionRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*:[A-Za-z0-9][A-Za-z0-9_-]*$`)
})

// ValidAction reports whether s is shaped like an IAM action ("svc:Name").
func ValidAction(s string) bool { return len(s) <= 256 && actionRE().MatchString(s) }

// IsRedacted reports whether s is a placeholder a person put in place of a
// value: "xxxx", "XXXXXXXXXXXXX", "****", "<account-ID>", "{account-id}",
// "…", "...", "accountID".
func IsRedacted(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.Contains(s, "…") || strings.Contains(s, "...") {
		return true
	}
	if (strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">")) || (strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}")) {
		return true
	}
	if len(s) >= 3 && strings.Trim(s, "xX") == "" {
		return true
	}
	if len(s) >= 3 && strings.Trim(s, "*") == "" {
		return true
	}
	switch strings.ToLower(s) {
	case "accountid", "account-id", "account_id", "acct", "account", "redacted":
		return true
	}
	return false
}

// containsPlaceholder reports whether s holds a placeholder anywhere: an
// ellipsis, an <angle> or {brace} placeholder, or a run of 4 or more x/X or *.
var placeholderRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`…|\.\.\.|<[^<>]{1,40}>|\{[A-Za-z_-]{1,40}\}|(?:^|[^A-Za-z])[xX]{4,}(?:$|[^A-Za-z])|\*{3,}`)
})

func containsPlaceholder(s string) bool { return placeholderRE().MatchString(s) }

// ParsePrincipal reads a principal as messages write it: an IAM user, role,
// assumed-role session, federated user or root ARN, a service principal
// ("backup.amazonaws.com"), or a placeholder.
func ParsePrincipal(s string) Principal {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "\"'`")
	p := Principal{ARN: s, Kind: KindUnknown}
	if s == "" {
		return p
	}
	if strings.HasSuffix(s, ".amazonaws.com") || strings.HasSuffix(s, ".amazonaws.com.cn") {
		p.Kind = KindService
		p.Name = s
		return p
	}
	a, ok := arn.Parse(s)
	service, account, res := a.Service, a.Account, a.Resource
	if !ok {
		p.Redacted = IsRedacted(s) || containsPlaceholder(s)
		return p
	}
	p.Account = account
	if account != "" && !arn.IsAccountID(account) && account != "aws" {
		p.Redacted = true
	}
	switch {
	case service == "iam" && res == "root":
		p.Kind = KindRoot
	case service == "iam" && strings.HasPrefix(res, "user/"):
		p.Kind = KindUser
		p.Name = lastSegment(res)
	case service == "iam" && strings.HasPrefix(res, "role/"):
		p.Kind = KindRole
		p.Name = lastSegment(res)
	case service == "sts" && strings.HasPrefix(res, "assumed-role/"):
		p.Kind = KindAssumedRole
		rest := strings.TrimPrefix(res, "assumed-role/")
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			p.Name, p.Session = rest[:i], rest[i+1:]
		} else {
			p.Name = rest
		}
		if role, ok := strings.CutPrefix(p.Session, "AWSBackup-"); ok {
			p.IsBackupSession = true
			p.BackupRole = role
		}
	case service == "sts" && strings.HasPrefix(res, "federated-user/"):
		p.Kind = KindFederatedUser
		p.Name = strings.TrimPrefix(res, "federated-user/")
	}
	if containsPlaceholder(res) {
		p.Redacted = true
	}
	return p
}

func lastSegment(s string) string {
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// principalAccount returns the account ID of p when it is a real one.
func principalAccount(p Principal) string {
	if arn.IsAccountID(p.Account) {
		return p.Account
	}
	return ""
}
