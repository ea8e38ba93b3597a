package simulate_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/simulate"
)

func smallCases(n int) []byte { return casegen.SmallCases(n) }

func TestSmallCasesEvaluate(t *testing.T) {
	st, err := simulate.Stream(bytes.NewReader(smallCases(500)), io.Discard, simulate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Cases != 500 || st.Errors != 0 {
		t.Fatalf("stats %+v, want 500 cases and no errors", st)
	}
	if st.Denied == 0 || st.Denied == st.Cases {
		t.Fatalf("stats %+v: want a mix of decisions", st)
	}
}

// BenchmarkStream measures `denied simulate --jsonl` end to end (decode,
// parse, compile, evaluate, encode) on small cases, on every CPU.
func BenchmarkStream(b *testing.B) {
	const n = 10000
	in := smallCases(n)
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := simulate.Stream(bytes.NewReader(in), io.Discard, simulate.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "cases/s")
}

// BenchmarkEvaluateJSON measures one small case on one core.
func BenchmarkEvaluateJSON(b *testing.B) {
	lines := bytes.Split(bytes.TrimSpace(smallCases(100)), []byte("\n"))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r := simulate.EvaluateJSON(lines[i%len(lines)]); r.Error != nil {
			b.Fatal(r.Error)
		}
	}
}

// generatedCases are cases from the differential generator: every layer,
// conditions and variables, about 2.3 KB each.
func generatedCases(n int) []byte {
	var b bytes.Buffer
	g := casegen.New(1)
	for range n {
		b.Write(g.Next())
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BenchmarkStreamGenerated measures `denied simulate --jsonl` end to end
// on generated cases, on every CPU; allocs/op are per case.
func BenchmarkStreamGenerated(b *testing.B) {
	const n = 5000
	in := generatedCases(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := simulate.Stream(bytes.NewReader(in), io.Discard, simulate.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "cases/s")
}

// BenchmarkCaseGenerated measures one generated case on one core, through
// a worker's cache as Stream uses it.
func BenchmarkCaseGenerated(b *testing.B) {
	lines := bytes.Split(bytes.TrimSpace(generatedCases(5000)), []byte("\n"))
	opt := simulate.Options{Cache: simulate.NewCache(4096)}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		simulate.EvaluateJSONWith(lines[i%len(lines)], opt)
	}
}

// sizedCase is one case whose two identity policies hold 10*factor
// statements each (with conditions, as in the engine's reference
// workload), plus a boundary and an SCP level.
func sizedCase(factor int) []byte {
	var st []string
	services := []string{"s3", "ec2", "dynamodb", "sqs", "iam", "lambda", "kms", "logs", "backup", "rds"}
	for i := 0; i < 10*factor; i++ {
		svc := services[i%len(services)]
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
	doc := `{"Version":"2012-10-17","Statement":[` + strings.Join(st, ",") + `,{"Sid":"Pass","Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app/*"}]}`
	return []byte(`{"id":"sized","request":{"principal":"arn:aws:sts::111122223333:assumed-role/AWSBackupROLEEC2/s","action":"iam:PassRole","resource":"arn:aws:iam::111122223333:role/app/x","context":{"aws:SourceIp":"10.1.2.3","aws:RequestedRegion":"us-east-1","aws:MultiFactorAuthPresent":"true","aws:PrincipalTag/team":"platform","iam:PassedToService":"ec2.amazonaws.com"}},` +
		`"identityPolicies":[{"name":"a","document":` + doc + `},{"name":"b","document":` + doc + `}],` +
		`"permissionsBoundary":{"name":"boundary","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:CreateUser"],"Resource":"*"}]}},` +
		`"serviceControlPolicies":[{"target":"r-root","policies":[{"name":"FullAWSAccess","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]}]}`)
}

// BenchmarkCaseSize measures one case of unique documents (no cache:
// every document is parsed, validated and compiled) against the size of
// its identity policies: 1x is 2 x 11 statements, about 3 KB.
func BenchmarkCaseSize(b *testing.B) {
	for _, f := range []int{1, 10, 100} {
		data := sizedCase(f)
		b.Run(fmt.Sprintf("%dx", f), func(b *testing.B) {
			if r := simulate.EvaluateJSON(data); r.Error != nil || r.Decision != "Allowed" {
				b.Fatalf("%+v %+v", r, r.Error)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				simulate.EvaluateJSON(data)
			}
		})
	}
}
