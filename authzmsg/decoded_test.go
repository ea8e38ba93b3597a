package authzmsg

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseDecodedWrapperAndInner(t *testing.T) {
	t.Parallel()
	wrapper := readFixture(t, "decoded/zatoima-wrapper.json")
	inner := readFixture(t, "decoded/zatoima-inner.json")
	a, err := ParseDecoded([]byte(wrapper))
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseDecoded([]byte(inner))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("wrapper and inner document read differently:\n%+v\n%+v", a, b)
	}
	want := &Decoded{
		Allowed:           false,
		ExplicitDeny:      false,
		MatchedStatements: []MatchedStatement{},
		Principal: DecodedPrincipal{
			ID:  "AROAR23YLZYEOUMEHOE2O:AWSBackup-AWSBackupROLEEC2",
			ARN: "arn:aws:sts::xxxxxxxxxxxxx:assumed-role/AWSBackupROLEEC2/AWSBackup-AWSBackupROLEEC2",
		},
		Action:   "iam:PassRole",
		Resource: "arn:aws:iam::xxxxxxxxxxxxx:role/IAM_ROLE_EC2_Access",
		Conditions: map[string][]string{
			"aws:Region":   {"ap-northeast-1"},
			"aws:Service":  {"ec2"},
			"aws:Resource": {"role/IAM_ROLE_EC2_Access"},
			"iam:RoleName": {"IAM_ROLE_EC2_Access"},
			"aws:Type":     {"role"},
			"aws:Account":  {"xxxxxxxxxxxxx"},
			"aws:ARN":      {"arn:aws:iam::xxxxxxxxxxxxx:role/IAM_ROLE_EC2_Access"},
		},
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("got  %+v\nwant %+v", a, want)
	}
}

func TestParseDecodedExplicitDeny(t *testing.T) {
	t.Parallel()
	d, err := ParseDecoded([]byte(readFixture(t, "decoded/explicit-deny-user-wrapper.json")))
	if err != nil {
		t.Fatal(err)
	}
	if !d.ExplicitDeny || d.Allowed || len(d.MatchedStatements) != 1 {
		t.Fatalf("got %+v", d)
	}
	s := d.MatchedStatements[0]
	if s.StatementID != "" || s.Effect != "DENY" || !reflect.DeepEqual(s.Principals, []string{"AIDA34JOWZ7JD6ORHXUBC"}) ||
		len(s.PrincipalGroups) != 0 || len(s.Actions) != 55 || s.Actions[1] != "ec2:RunInstances" ||
		!reflect.DeepEqual(s.Resources, []string{"*"}) || s.Conditions != nil || s.IsBoundary {
		t.Errorf("statement = %+v", s)
	}
	if d.Principal.Name != "fernandomjunior" || len(d.Conditions) != 15 || len(d.Failures) != 0 {
		t.Errorf("principal %+v, %d conditions, failures %v", d.Principal, len(d.Conditions), d.Failures)
	}
}

// TestParseDecodedBoundary reads the permissions-boundary statement of the
// domain reference §C.3 example 4, written out in the §C.2 schema.
func TestParseDecodedBoundary(t *testing.T) {
	t.Parallel()
	doc := `{"allowed":false,"explicitDeny":true,"matchedStatements":{"items":[{"statementId":"","effect":"DENY",` +
		`"principals":{"items":[{"value":"SCOPE_POLICY_ISSUER"}]},"principalGroups":{"items":[]},` +
		`"actions":{"items":[{"value":"ec2:RunInstances"}]},"resources":{"items":[{"value":"*"}]},"conditions":{"items":[]}}]},` +
		`"failures":{"items":[]},"context":{"principal":{"id":"AIDAEXAMPLE","arn":"arn:aws:iam::111122223333:user/example"},` +
		`"action":"ec2:RunInstances","resource":"arn:aws:ec2:us-east-1:111122223333:instance/*","conditions":{"items":[]}}}`
	d, err := ParseDecoded([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.MatchedStatements) != 1 || !d.MatchedStatements[0].IsBoundary {
		t.Fatalf("got %+v", d.MatchedStatements)
	}
	den, err := Parse(doc)
	if err != nil {
		t.Fatal(err)
	}
	if den.Form != FormDecoded || den.PolicyType != PolicyPermissionsBoundary || den.Decision != ExplicitDeny {
		t.Errorf("form %q policy type %q decision %q", den.Form, den.PolicyType, den.Decision)
	}
}

// TestParseDecodedConsoleWrapped reads a wrapper whose JSON string a
// console broke over lines.
func TestParseDecodedConsoleWrapped(t *testing.T) {
	t.Parallel()
	wrapper := readFixture(t, "decoded/zatoima-wrapper.json")
	var b strings.Builder
	for i, r := range wrapper {
		b.WriteRune(r)
		if i > 0 && i%80 == 0 {
			b.WriteString("\n    ")
		}
	}
	d, err := ParseDecoded([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if d.Action != "iam:PassRole" || d.Resource != "arn:aws:iam::xxxxxxxxxxxxx:role/IAM_ROLE_EC2_Access" || len(d.Conditions) != 7 {
		t.Errorf("got %+v", d)
	}
}

func TestParseDecodedErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, doc   string
		pointer     string
		inWrapper   bool
		syntaxError bool
	}{
		{"empty", "  ", "", false, false},
		{"not JSON", "{\"allowed\": fals", "", false, true},
		{"array", "[1, 2]", "", false, false},
		{"unrelated object", `{"Version": "2012-10-17"}`, "", false, false},
		{"allowed not a boolean", `{"allowed": 1}`, "/allowed", false, false},
		{"statement effect not a string", `{"matchedStatements": {"items": [{"effect": {}}]}}`, "/matchedStatements/items/0/effect", false, false},
		{"items not an array", `{"failures": {"items": "none"}}`, "/failures/items", false, false},
		{"condition without key", `{"context": {"conditions": {"items": [{"values": {"items": []}}]}}}`, "/context/conditions/items/0/key", false, false},
		{"value without value", `{"context": {"conditions": {"items": [{"key": "aws:Region", "values": {"items": [{"v": "x"}]}}]}}}`, "/context/conditions/items/0/values/items/0", false, false},
		{"wrapper not a string", `{"DecodedMessage": {"allowed": false}}`, "/DecodedMessage", false, false},
		{"inner error", `{"DecodedMessage": "{\"context\": {\"action\": [5]}}"}`, "/context/action", true, false},
		{"trailing text", `{"allowed": false} {}`, "", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseDecoded([]byte(tt.doc))
			var de *DecodedError
			if !errors.As(err, &de) {
				t.Fatalf("got %v, want *DecodedError", err)
			}
			if de.Pointer != tt.pointer || de.InWrapper != tt.inWrapper || (de.Offset >= 0) != tt.syntaxError {
				t.Errorf("got pointer %q in wrapper %v offset %d; want %q %v syntax error %v (%v)", de.Pointer, de.InWrapper, de.Offset, tt.pointer, tt.inWrapper, tt.syntaxError, err)
			}
			if !strings.Contains(err.Error(), "decoded authorization message") {
				t.Errorf("error %q does not say what it was reading", err)
			}
		})
	}
}

// TestParseDecodedAbridged reads the Knowledge Center's abridged document
// the lenient way and names what it could not read.
func TestParseDecodedAbridged(t *testing.T) {
	t.Parallel()
	text := readFixture(t, "decoded/kc-abridged.txt")
	if _, err := ParseDecoded([]byte(text)); err == nil {
		t.Fatal("the strict reader accepted an abridged document")
	}
	den, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	d := den.Decoded
	if d == nil || !d.Abridged {
		t.Fatalf("Decoded = %+v", d)
	}
	if d.Principal.ID != "AROAAAAAAAAAA:AWSBackup-AWSBackupDefaultServiceRole" || d.Action != "iam:PassRole" {
		t.Errorf("got %+v", d)
	}
	if den.Decision != DecisionUnknown {
		t.Errorf("decision %q: explicitDeny is not in the abridged text", den.Decision)
	}
	joined := strings.Join(den.Unreadable, "; ")
	for _, want := range []string{"explicitDeny", "conditions"} {
		if !strings.Contains(joined, want) {
			t.Errorf("Unreadable %q does not name %s", joined, want)
		}
	}
}

// TestDecodedJSONRoundTrip checks the JSON shape other packages read.
func TestDecodedJSONRoundTrip(t *testing.T) {
	t.Parallel()
	d, err := ParseDecoded([]byte(readFixture(t, "decoded/explicit-deny-user-wrapper.json")))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"explicitDeny":true`, `"matchedStatements":[{"statementId":""`, `"principal":{"id":"AIDA34JOWZ7JD6ORHXUBC"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s: %s", key, b[:200])
		}
	}
	var back Decoded
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(&back, d) {
		t.Errorf("round trip: %v", err)
	}
}
