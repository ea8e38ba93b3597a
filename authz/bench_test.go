package authz_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/policy"
)

// referenceInput builds the reference workload scaled by factor: two
// identity policies of 20*factor statements each, a permissions boundary,
// two SCP levels, a resource policy, with conditions throughout.
func referenceInput(tb testing.TB, factor int) authz.Input {
	tb.Helper()
	parse := func(doc string) *policy.Policy {
		p, fs := policy.Parse([]byte(doc))
		if policy.HasErrors(fs) {
			tb.Fatalf("reference policy: %v", fs)
		}
		return p
	}
	identity := func(seed int) string {
		var st []string
		services := []string{"s3", "ec2", "dynamodb", "sqs", "iam", "lambda", "kms", "logs", "backup", "rds"}
		for i := 0; i < 20*factor; i++ {
			svc := services[(i+seed)%len(services)]
			switch i % 4 {
			case 0:
				st = append(st, fmt.Sprintf(`{"Sid":"S%d","Effect":"Allow","Action":["%s:Get*","%s:List*"],"Resource":"arn:aws:%s:us-east-1:111122223333:thing/%d/*"}`, i, svc, svc, svc, i))
			case 1:
				st = append(st, fmt.Sprintf(`{"Sid":"S%d","Effect":"Allow","Action":"%s:Describe*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}}`, i, svc))
			case 2:
				st = append(st, fmt.Sprintf(`{"Sid":"S%d","Effect":"Deny","Action":"%s:Delete*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}`, i, svc))
			case 3:
				st = append(st, fmt.Sprintf(`{"Sid":"S%d","Effect":"Allow","Action":["%s:Put*","%s:Create*"],"Resource":"arn:aws:%s:*:111122223333:${aws:PrincipalTag/team}/*","Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}}`, i, svc, svc, svc))
			}
		}
		st = append(st, `{"Sid":"Pass","Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app/*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}`)
		return `{"Version":"2012-10-17","Statement":[` + strings.Join(st, ",") + `]}`
	}
	return authz.Input{
		Identity: []authz.NamedPolicy{
			{Name: "arn:aws:iam::111122223333:policy/app-a", Policy: parse(identity(0))},
			{Name: "arn:aws:iam::111122223333:policy/app-b", Policy: parse(identity(5))},
		},
		Boundary: &authz.NamedPolicy{Name: "arn:aws:iam::111122223333:policy/boundary", Policy: parse(`{"Version":"2012-10-17","Statement":[
			{"Effect":"Allow","NotAction":["iam:CreateUser","iam:DeleteRole*"],"Resource":"*"},
			{"Effect":"Deny","Action":"iam:PassRole","NotResource":"arn:aws:iam::111122223333:role/app/*"}]}`)},
		SCPs: []authz.Level{
			{Target: "r-root", Policies: []authz.NamedPolicy{{Name: "FullAWSAccess", Policy: parse(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)}}},
			{Target: "ou-prod", Policies: []authz.NamedPolicy{{Name: "RegionFence", Policy: parse(`{"Version":"2012-10-17","Statement":[
				{"Effect":"Allow","Action":"*","Resource":"*"},
				{"Sid":"RegionFence","Effect":"Deny","NotAction":["iam:*","sts:*","organizations:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}}]}`)}}},
		},
		Resource: &authz.NamedPolicy{Name: "trust", Policy: parse(`{"Version":"2012-10-17","Statement":[
			{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"iam:PassRole","Resource":"*"},
			{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-abc123"}}}]}`)},
	}
}

func referenceRequest(tb testing.TB) *authz.Request {
	r, err := authz.NewRequest(authz.RequestInput{
		Principal: "arn:aws:sts::111122223333:assumed-role/AWSBackupROLEEC2/AWSBackup-AWSBackupROLEEC2",
		Action:    "iam:PassRole",
		Resource:  "arn:aws:iam::111122223333:role/app/IAM_ROLE_EC2_Access",
		Context: map[string][]string{
			"iam:PassedToService":        {"ec2.amazonaws.com"},
			"aws:RequestedRegion":        {"us-east-1"},
			"aws:SourceIp":               {"10.1.2.3"},
			"aws:MultiFactorAuthPresent": {"true"},
			"aws:PrincipalOrgID":         {"o-abc123"},
			"aws:PrincipalTag/team":      {"platform"},
		},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func TestReferenceWorkload(t *testing.T) {
	for _, f := range []int{1, 10} {
		set, err := authz.Compile(referenceInput(t, f))
		if err != nil {
			t.Fatal(err)
		}
		var res authz.Result
		set.Evaluate(referenceRequest(t), &res)
		if res.Decision != authz.Allowed || res.Layer != authz.LayerIdentity {
			t.Fatalf("factor %d: got %v at %v, want Allowed at identity", f, res.Decision, res.Layer)
		}
		req := referenceRequest(t)
		if n := testing.AllocsPerRun(1000, func() { set.Evaluate(req, &res) }); n != 0 {
			t.Errorf("factor %d: %v allocations per evaluation, want 0", f, n)
		}
	}
}

func benchmarkReference(b *testing.B, factor int) {
	set, err := authz.Compile(referenceInput(b, factor))
	if err != nil {
		b.Fatal(err)
	}
	req := referenceRequest(b)
	var res authz.Result
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		set.Evaluate(req, &res)
	}
	if res.Decision != authz.Allowed {
		b.Fatalf("decision %v", res.Decision)
	}
}

func BenchmarkEvaluateReference1x(b *testing.B)   { benchmarkReference(b, 1) }
func BenchmarkEvaluateReference10x(b *testing.B)  { benchmarkReference(b, 10) }
func BenchmarkEvaluateReference100x(b *testing.B) { benchmarkReference(b, 100) }
