package i18n

import "testing"

// A message formats its phrase arguments ("@ID" and nested messages) in
// the same language, and Map changes only the plain strings.
func TestMessage(t *testing.T) {
	m := M("fixcli.iac.of-the", M("fixcli.phrase.tf-key-policy", "arn:aws:kms:us-east-1:111122223333:key/k"))
	if got, want := m.In(EN), "# of the aws_kms_key_policy (or the policy of the aws_kms_key) of arn:aws:kms:us-east-1:111122223333:key/k."; got != want {
		t.Errorf("EN: %q, want %q", got, want)
	}
	if got := m.In(JA); got == m.In(EN) || !contains(got, "arn:aws:kms:us-east-1:111122223333:key/k") {
		t.Errorf("JA: %q", got)
	}
	r := M("fixcli.current-unknown", "@fixcli.phrase.key-policy", "@fixcli.phrase.add-statement")
	if got, want := r.In(EN), "# The current key policy is not known and the update replaces it whole: fetch it, add the statement of the policy JSON to its Statement list, and submit the result."; got != want {
		t.Errorf("EN: %q, want %q", got, want)
	}
	mapped := m.Map(func(s string) string { return s + "!" })
	if got := mapped.Args[0].(Message).Args[0]; got != "arn:aws:kms:us-east-1:111122223333:key/k!" {
		t.Errorf("Map: %v", got)
	}
	if got := r.Map(func(s string) string { return "x" }).Args[0]; got != "@fixcli.phrase.key-policy" {
		t.Errorf("Map changed a phrase reference: %v", got)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
