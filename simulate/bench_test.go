package simulate_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/deniedhq/denied/simulate"
)

// smallCases returns n small, varied cases as JSON Lines: one identity
// policy, sometimes a boundary, an SCP level or a resource policy.
func smallCases(n int) []byte {
	var b bytes.Buffer
	actions := []string{"s3:GetObject", "backup:StartRestoreJob", "iam:PassRole", "kms:Decrypt", "ec2:RunInstances"}
	resources := []string{"arn:aws:s3:::bucket-%d/key", "arn:aws:backup:us-east-1:111122223333:recovery-point:%d", "arn:aws:iam::111122223333:role/app-%d", "arn:aws:kms:us-east-1:111122223333:key/%d", "arn:aws:ec2:us-east-1:111122223333:instance/i-%d"}
	for i := 0; i < n; i++ {
		k := i % len(actions)
		res := fmt.Sprintf(resources[k], i%7)
		fmt.Fprintf(&b, `{"id":"c%d","request":{"principal":"arn:aws:sts::111122223333:assumed-role/Role%d/s","action":"%s","resource":"%s","resourceAccount":"111122223333","context":{"aws:SourceIp":"10.0.%d.1"}},"identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["%s","s3:List*"],"Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/16"}}},{"Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::bucket-3/*"}]}}]`, i, i%5, actions[k], res, i%250, actions[k])
		if i%3 == 0 {
			b.WriteString(`,"permissionsBoundary":{"name":"b","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}}`)
		}
		if i%4 == 0 {
			b.WriteString(`,"serviceControlPolicies":[{"target":"r-root","policies":[{"name":"FullAWSAccess","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]}]`)
		}
		if k == 3 {
			b.WriteString(`,"resourcePolicy":{"name":"key","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}}`)
		}
		b.WriteString("}\n")
	}
	return b.Bytes()
}

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
