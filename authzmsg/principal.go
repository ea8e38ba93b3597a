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

// ValidAction reports whether s is shaped like an IAM action ("svc:Name"):
// actionRE, written out by hand because every parse of a message checks
// its action, and the regexp cost more than the rest of the check
// (TestFastPathsAgree and FuzzFastPaths hold it to actionRE).
func ValidAction(s string) bool {
	if len(s) > 256 {
		return false
	}
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return false
	}
	svc, name := s[:colon], s[colon+1:]
	if svc == "" || name == "" || !isAlnum(svc[0]) || !isAlnum(name[0]) {
		return false
	}
	for i := 1; i < len(svc); i++ {
		if c := svc[i]; !isAlnum(c) && c != '-' {
			return false
		}
	}
	for i := 1; i < len(name); i++ {
		if c := name[i]; !isAlnum(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

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

func containsPlaceholder(s string) bool {
	return mayHoldPlaceholder(s) && placeholderRE().MatchString(s)
}

// mayHoldPlaceholder reports whether s holds what every match of
// placeholderRE holds (one of "…", "...", '<', '{', "***", or four x or X
// in a row), so that the regexp runs only when it may match: the
// principal, resource and policy of every parsed message are checked, and
// few hold any of these. TestFastPathsAgree and FuzzFastPaths hold it to
// the regexp.
func mayHoldPlaceholder(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<', '{':
			return true
		case '.':
			if strings.HasPrefix(s[i:], "...") {
				return true
			}
		case '*':
			if strings.HasPrefix(s[i:], "***") {
				return true
			}
		case 'x', 'X':
			if i+4 <= len(s) && isX(s[i+1]) && isX(s[i+2]) && isX(s[i+3]) {
				return true
			}
		case 0xe2: // the first byte of "…"
			if strings.HasPrefix(s[i:], "…") {
				return true
			}
		}
	}
	return false
}

func isX(c byte) bool { return c == 'x' || c == 'X' }

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
