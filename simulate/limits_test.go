package simulate_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/deniedhq/denied/simulate"
)

// limitCase is a case whose one identity policy allows s3:GetObject on
// resource, with the request's resource and context.
func limitCase(t *testing.T, resource, reqResource string, ctx map[string]any, extra map[string]any) []byte {
	t.Helper()
	c := map[string]any{
		"request": map[string]any{
			"principal": "arn:aws:iam::111122223333:user/alice",
			"action":    "s3:GetObject",
			"resource":  reqResource,
			"context":   ctx,
		},
		"identityPolicies": []any{map[string]any{"name": "p", "document": map[string]any{
			"Version":   "2012-10-17",
			"Statement": []any{map[string]any{"Effect": "Allow", "Action": "s3:GetObject", "Resource": resource}},
		}}},
	}
	for k, v := range extra {
		c[k] = v
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLimits(t *testing.T) {
	prefix := "arn:aws:s3:::bucket/"
	maxARN := prefix + strings.Repeat("a", 2048-len(prefix))
	bigPolicy := func(n int) map[string]any {
		return map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
			"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::" + strings.Repeat("b", n),
		}}}
	}
	tests := []struct {
		name      string
		c         []byte
		decision  string
		errPath   string
		errSubstr string
	}{
		// A 10,000-character wildcard against an ARN of the longest length
		// AWS accepts: evaluated, and right.
		{"long wildcard, no match", limitCase(t, "arn:aws:s3:::*"+strings.Repeat("a", 9986)+"b", maxARN, nil, nil), "ImplicitDeny", "", ""},
		{"long wildcard, match", limitCase(t, "arn:aws:s3:::bucket/"+strings.Repeat("a*", 2000), maxARN, nil, nil), "Allowed", "", ""},
		{"long wildcard with ?, match", limitCase(t, "arn:aws:s3:::*"+strings.Repeat("a?", 1000)+"*", maxARN, nil, nil), "Allowed", "", ""},
		{"ARN over the limit", limitCase(t, "*", maxARN+"a", nil, nil), "", "/request/resource", "2049 characters long; the most AWS accepts is 2048"},
		{"context value over the limit", limitCase(t, "*", maxARN, map[string]any{"s3:prefix": strings.Repeat("p", 1<<20)}, nil), "", "/request/context/s3:prefix", "denied reads values up to 4096 bytes"},
		// Identity policies may be AWS managed policies, of any size.
		{"big identity policy", limitCase(t, "arn:aws:s3:::"+strings.Repeat("b", 20000), maxARN, nil, nil), "ImplicitDeny", "", ""},
		{"resource policy over the limit", limitCase(t, "*", maxARN, nil, map[string]any{"resourcePolicy": map[string]any{"document": bigPolicy(33000)}}), "", "/resourcePolicy/document", "AWS accepts at most 32768 in a resource-based policy"},
		{"VPC endpoint policy over the limit", limitCase(t, "*", maxARN, nil, map[string]any{"vpcEndpointPolicies": []any{map[string]any{"document": bigPolicy(21000)}}}), "", "/vpcEndpointPolicies/0/document", "at most 20480"},
		{"SCP over the limit", limitCase(t, "*", maxARN, nil, map[string]any{"serviceControlPolicies": []any{map[string]any{"policies": []any{map[string]any{"name": "big", "document": bigPolicy(5200)}}}}}), "", "/serviceControlPolicies/0/policies/0/document", "at most 5120 in a service control policy"},
		{"SCP at the limit, white space not counted", limitCase(t, "*", maxARN, nil, map[string]any{"serviceControlPolicies": []any{map[string]any{"policies": []any{map[string]any{"name": "spaced", "document": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}" + strings.Repeat(" ", 6000)}}}}}), "Allowed", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := simulate.EvaluateJSON(tc.c)
			if tc.errPath != "" {
				if r.Error == nil || r.Error.Path != tc.errPath || !strings.Contains(r.Error.Message, tc.errSubstr) {
					t.Fatalf("result %.300v, want an error at %s with %q", r.Error, tc.errPath, tc.errSubstr)
				}
				if len(r.Error.Message) > 500 {
					t.Fatalf("the error echoes the value: %.300s", r.Error.Message)
				}
				return
			}
			if r.Error != nil {
				t.Fatalf("error %.300v", r.Error)
			}
			if r.Decision != tc.decision {
				t.Fatalf("decision %s, want %s", r.Decision, tc.decision)
			}
		})
	}
}

// TestConditionValuesWithPosition: values that only compiling would
// refuse are reported at the condition, with its line:column.
func TestConditionValuesWithPosition(t *testing.T) {
	for _, tc := range []struct{ cond, path, msg string }{
		{`{"NumericLessThan":{"s3:max-keys":1e400}}`, "/identityPolicies/0/document/Statement/0/Condition/NumericLessThan/s3:max-keys", `2:33: NumericLessThan: "1e400" is not a number`},
		{`{"NumericLessThan":{"s3:max-keys":"1e400"}}`, "/identityPolicies/0/document/Statement/0/Condition/NumericLessThan/s3:max-keys", `2:33: NumericLessThan: "1e400" is not a number`},
		{`{"DateLessThan":{"aws:CurrentTime":"2024-12-31T23:59:60Z"}}`, "/identityPolicies/0/document/Statement/0/Condition/DateLessThan/aws:CurrentTime", `2:30: DateLessThan: "2024-12-31T23:59:60Z" is not a date`},
	} {
		c := `{"request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},
"identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
"Condition":` + tc.cond + `}]}}]}`
		r := simulate.EvaluateJSON([]byte(c))
		if r.Error == nil || r.Error.Path != tc.path || !strings.Contains(r.Error.Message, tc.msg) {
			t.Errorf("%s: error %+v, want %s and %q", tc.cond, r.Error, tc.path, tc.msg)
		}
	}
}
