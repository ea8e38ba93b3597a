package authz

import (
	"fmt"
	"unicode/utf8"

	"github.com/deniedhq/denied/policy"
)

// Limits on a request, from what AWS documents (IAM API Reference:
// SimulatePrincipalPolicy and SimulateCustomPolicy; IAM User Guide, "IAM
// and AWS STS quotas"):
//
//   - MaxARNLength: an ARN (the principal, the resource) is at most 2,048
//     characters (ResourceArns, PolicySourceArn, CallerArn: "Maximum length
//     of 2048").
//   - MaxActionLength: an action name is at most 128 characters
//     (ActionNames: "Maximum length of 128").
//   - MaxContextKeyLength: a condition key is at most 256 characters
//     (ContextEntry.ContextKeyName: "Maximum length of 256").
//   - MaxContextValueLength: AWS documents no maximum for a context value;
//     the longest real values are ARNs (2,048) and S3 object keys (1,024
//     bytes). denied refuses values over 4,096 bytes, so that the work a
//     request costs stays bounded.
//   - MaxContextValues: values of one multi-valued key (1,000).
const (
	MaxARNLength          = 2048
	MaxActionLength       = 128
	MaxContextKeyLength   = 256
	MaxContextValueLength = 4096
	MaxContextValues      = 1000
)

// LimitError is a request value over one of the limits above.
type LimitError struct {
	What  string // "ARN", "action", ...
	Len   int    // its length, in characters (bytes for a context value)
	Limit int
	Value string // the value, elided (see Elide)
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%s %s is %d characters long; the most AWS accepts is %d", e.What, e.Value, e.Len, e.Limit)
}

// Elide quotes s, shortened to its first and last characters around "…"
// when it is longer than n runes, so that a message never echoes a huge
// value whole.
func Elide(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return fmt.Sprintf("%q", s)
	}
	head, tail := n*2/3, n/3
	i := 0
	for k := 0; k < head; k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	j := len(s)
	for k := 0; k < tail; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:j])
		j -= w
	}
	return fmt.Sprintf("%q…%q", s[:i], s[j:])
}

// checkRequestLimits refuses a request with a value over the limits, with
// the field it is in.
func checkRequestLimits(in RequestInput) error {
	// A string of at most limit bytes has at most limit characters: only a
	// longer one is counted (counting every context key cost 2% of
	// simulate's instructions on generated cases).
	chars := func(s string, limit int) int {
		if len(s) <= limit {
			return 0
		}
		return utf8.RuneCountInString(s)
	}
	if n := chars(in.Principal, MaxARNLength); n > MaxARNLength {
		return &FieldError{Field: "principal", Err: &LimitError{What: "principal", Len: n, Limit: MaxARNLength, Value: Elide(in.Principal, 60)}}
	}
	if n := chars(in.Action, MaxActionLength); n > MaxActionLength {
		return &FieldError{Field: "action", Err: &LimitError{What: "action", Len: n, Limit: MaxActionLength, Value: Elide(in.Action, 60)}}
	}
	if n := chars(in.Resource, MaxARNLength); n > MaxARNLength {
		return &FieldError{Field: "resource", Err: &LimitError{What: "resource ARN", Len: n, Limit: MaxARNLength, Value: Elide(in.Resource, 60)}}
	}
	for k, vs := range in.Context {
		if err := checkContextLimits(k, vs); err != nil {
			return err
		}
	}
	for _, e := range in.ContextList {
		if err := checkContextLimits(e.Key, e.Values); err != nil {
			return err
		}
	}
	return nil
}

// checkContextLimits refuses a context key or values over the limits.
func checkContextLimits(k string, vs []string) error {
	if len(k) > MaxContextKeyLength {
		if n := utf8.RuneCountInString(k); n > MaxContextKeyLength {
			return &FieldError{Field: "context", Err: &LimitError{What: "condition key", Len: n, Limit: MaxContextKeyLength, Value: Elide(k, 60)}}
		}
	}
	if len(vs) > MaxContextValues {
		return &FieldError{Field: "context", Key: k, Err: fmt.Errorf("%d values; denied reads at most %d values for one key", len(vs), MaxContextValues)}
	}
	for _, v := range vs {
		if len(v) > MaxContextValueLength {
			return &FieldError{Field: "context", Key: k, Err: fmt.Errorf("context value %s is %d bytes long; denied reads values up to %d bytes (AWS documents no maximum; the longest real ones, ARNs, have 2,048 characters)", Elide(v, 60), len(v), MaxContextValueLength)}
		}
	}
	return nil
}

// CheckCondition reports what the engine cannot interpret in one
// condition (a number out of range such as 1e400, a date such as
// 23:59:60Z, an IP address that is not one), as Compile would, so that a
// loader can name the condition's position.
func CheckCondition(c *policy.Condition) error {
	_, err := checkOnly.condition(c, true)
	return err
}
