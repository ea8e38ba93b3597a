package policy

import (
	"encoding/json"
	"reflect"
	"testing"
)

// stripPositions returns a deep copy of p without positions, pointers and
// the StatementIsObject flag, for comparing models.
func stripPositions(p *Policy) *Policy {
	if p == nil {
		return nil
	}
	q := *p
	q.Pos = Pos{}
	q.StatementIsObject = false
	q.Statements = nil
	for _, s := range p.Statements {
		t := *s
		t.Pos, t.Pointer = Pos{}, ""
		for _, pr := range []**Principal{&t.Principal, &t.NotPrincipal} {
			if *pr != nil {
				c := **pr
				c.Pos = Pos{}
				*pr = &c
			}
		}
		t.Conditions = nil
		for _, c := range s.Conditions {
			c.Pos, c.Pointer = Pos{}, ""
			t.Conditions = append(t.Conditions, c)
		}
		q.Statements = append(q.Statements, &t)
	}
	return &q
}

func TestMarshalJSON(t *testing.T) {
	t.Parallel()
	const doc = `{
	  "Statement": {
	    "Condition": {
	      "NumericLessThan": {"s3:max-keys": 10.5e1},
	      "StringEquals": {"aws:PrincipalTag/a\"b": ["x", "y"], "c": true}
	    },
	    "Resource": ["*"],
	    "NotAction": "iam:*",
	    "Principal": {"CanonicalUser": "abc", "AWS": ["*"], "Federated": [], "Service": ["s.amazonaws.com", "t.amazonaws.com"]},
	    "Effect": "Deny",
	    "Sid": ""
	  },
	  "Id": "i\u0001d",
	  "Version": "2012-10-17"
	}`
	p, fs := Parse([]byte(doc))
	if HasErrors(fs) {
		t.Fatal(fs)
	}
	got, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"Version":"2012-10-17","Id":"i\u0001d","Statement":[{"Sid":"","Effect":"Deny",` +
		`"Principal":{"AWS":"*","Service":["s.amazonaws.com","t.amazonaws.com"],"Federated":[],"CanonicalUser":"abc"},` +
		`"NotAction":"iam:*","Resource":"*",` +
		`"Condition":{"NumericLessThan":{"s3:max-keys":10.5e1},"StringEquals":{"aws:PrincipalTag/a\"b":["x","y"],"c":true}}}]}`
	if string(got) != want {
		t.Errorf("MarshalJSON:\n got %s\nwant %s", got, want)
	}
	// encoding/json accepts the output and calls the method.
	viaJSON, err := json.Marshal(p)
	if err != nil || string(viaJSON) != want {
		t.Errorf("json.Marshal = %s, %v", viaJSON, err)
	}
}

func TestFormat(t *testing.T) {
	t.Parallel()
	p, _ := Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false},"StringLike":{"s3:prefix":[]}}},{"Effect":"Deny","Action":[],"NotResource":"arn:aws:s3:::b"}]}`))
	want := `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": "*",
      "Action": [
        "s3:GetObject",
        "s3:ListBucket"
      ],
      "Resource": "*",
      "Condition": {
        "Bool": {
          "aws:SecureTransport": false
        },
        "StringLike": {
          "s3:prefix": []
        }
      }
    },
    {
      "Effect": "Deny",
      "Action": [],
      "NotResource": "arn:aws:s3:::b"
    }
  ]
}
`
	if got := string(Format(p)); got != want {
		t.Errorf("Format:\n%s\nwant:\n%s", got, want)
	}
}

func TestMarshalModel(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		p    *Policy
		want string
	}{
		{name: "nil", p: nil, want: `null`},
		{name: "empty", p: &Policy{}, want: `{"Statement":[]}`},
		{
			name: "conditions grouped in order of first appearance",
			p: &Policy{Statements: []*Statement{{Effect: Allow, Conditions: []Condition{
				{Operator: "A", Key: "k1", Values: []string{"1"}},
				{Operator: "B", Key: "k2", Values: []string{"2"}},
				{Operator: "A", Key: "k3", Values: []string{"3"}},
				{Operator: "A", Key: "k1", Values: []string{"4", "5"}},
			}}}},
			want: `{"Statement":[{"Effect":"Allow","Condition":{"A":{"k1":["1","4","5"],"k3":"3"},"B":{"k2":"2"}}}]}`,
		},
		{
			name: "value kinds",
			p: &Policy{Statements: []*Statement{{Conditions: []Condition{
				{Operator: "X", Key: "k", Values: []string{"1", "true", "1.", "yes", "2", "-0.5E-3"}, ValueKinds: []ValueKind{KindNumber, KindBool, KindNumber, KindBool, KindString}},
			}}}},
			want: `{"Statement":[{"Condition":{"X":{"k":[1,true,"1.","yes","2","-0.5E-3"]}}}]}`,
		},
		{
			name: "no values",
			p:    &Policy{Statements: []*Statement{{Conditions: []Condition{{Operator: "X", Key: "k"}}}}},
			want: `{"Statement":[{"Condition":{"X":{"k":[]}}}]}`,
		},
		{
			name: "unknown effect, nil statement and Sid",
			p:    &Policy{Version: "v", Statements: []*Statement{nil, {Sid: "s", Effect: EffectUnknown, Action: []string{}}}},
			want: `{"Version":"v","Statement":[{"Sid":"s","Action":[]}]}`,
		},
		{
			name: "string escapes",
			p:    &Policy{ID: "\"\\\n\r\t\b\f\x1f\x7f<>&é\xff/\u2028"},
			want: `{"Id":"\"\\\n\r\t\b\f\u001f` + "\x7f<>&é" + `\ufffd/` + "\u2028" + `","Statement":[]}`,
		},
		{
			name: "principal wildcard wins",
			p:    &Policy{Statements: []*Statement{{NotPrincipal: &Principal{Wildcard: true, AWS: []string{"x"}}, Principal: &Principal{}}}},
			want: `{"Statement":[{"Principal":{},"NotPrincipal":"*"}]}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := tt.p.MarshalJSON()
			if err != nil || string(got) != tt.want {
				t.Errorf("MarshalJSON = %s, %v\nwant %s", got, err, tt.want)
			}
			if !json.Valid(got) {
				t.Errorf("invalid JSON: %s", got)
			}
			if f := Format(tt.p); !json.Valid(f) {
				t.Errorf("Format gives invalid JSON: %s", f)
			}
		})
	}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	docs := map[string]string{
		"trust policy":   trustPolicy,
		"KMS key policy": kmsKeyPolicy,
		"SCP":            scpNotAction,
		"variables":      variablesPolicy,
		"no version":     `{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::${literal}"}}`,
		"empty lists":    `{"Version": "2012-10-17", "Id": "x", "Statement": [{"Sid": "", "Effect": "Deny", "NotAction": [], "NotResource": [], "Principal": {}}]}`,
		"escapes":        `{"Version": "2012-10-17", "Statement": [{"Sid": "\u00e9\ud83d\ude00\t", "Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"a\/~\"": ["\u0000", "\\", 1e-7, -0, false]}}}]}`,
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, fs := Parse([]byte(doc))
			if HasErrors(fs) {
				t.Fatal(fs)
			}
			for _, out := range [][]byte{Format(p), must(p.MarshalJSON())} {
				q, qfs := Parse(out)
				if HasErrors(qfs) {
					t.Fatalf("reparse: %v\n%s", qfs, out)
				}
				if len(qfs) != len(fs) {
					t.Errorf("reparse gives %d findings, the original %d: %v", len(qfs), len(fs), qfs)
				}
				if !reflect.DeepEqual(stripPositions(p), stripPositions(q)) {
					t.Errorf("round trip changed the policy:\n%s", out)
				}
				if again := Format(q); string(again) != string(Format(p)) {
					t.Errorf("Format is not stable:\n%s\n%s", Format(p), again)
				}
			}
		})
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestIsJSONNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"0": true, "-0": true, "12": true, "1.5": true, "1e5": true, "-2.5E-3": true,
		"": false, "-": false, "01": false, "1.": false, ".5": false, "+1": false,
		"1 ": false, " 1": false, "1e": false, "0x1": false, "NaN": false,
	} {
		if got := IsJSONNumber(s); got != want {
			t.Errorf("IsJSONNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
