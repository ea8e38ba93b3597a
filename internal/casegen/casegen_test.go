package casegen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/deniedhq/denied/policy"
	"github.com/deniedhq/denied/simulate"
)

func TestDeterministic(t *testing.T) {
	a := Generate(42, 300)
	b := Generate(42, 300)
	g := New(42)
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Fatalf("case %d differs between two runs with the same seed", i)
		}
		if c := g.Next(); !bytes.Equal(a[i], c) {
			t.Fatalf("case %d: Generate and New(...).Next disagree", i)
		}
	}
	cs := GenerateCases(42, 300)
	for i := range cs {
		if !bytes.Equal(cs[i].JSON, a[i]) {
			t.Fatalf("case %d: GenerateCases and Generate disagree", i)
		}
		if want := fmt.Sprintf("g-42-%d", i); cs[i].ID != want {
			t.Fatalf("case %d has id %q, want %q", i, cs[i].ID, want)
		}
	}
	other := Generate(43, 300)
	same := 0
	for i := range a {
		if bytes.Equal(a[i], other[i]) {
			same++
		}
	}
	if same > 3 {
		t.Errorf("seeds 42 and 43 produced %d identical cases", same)
	}
}

// TestValidJSON checks that every case is one line of JSON that decodes
// into the case format with no unknown fields, has the id it claims, and
// keeps the constraints the oracle relies on.
func TestValidJSON(t *testing.T) {
	for _, c := range GenerateCases(7, 3000) {
		if bytes.ContainsAny(c.JSON, "\n\r") {
			t.Fatalf("%s: not a single line", c.ID)
		}
		var v simulate.Case
		dec := json.NewDecoder(bytes.NewReader(c.JSON))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("%s: %v\n%s", c.ID, err, c.JSON)
		}
		if v.ID != c.ID {
			t.Fatalf("case id %q, want %q", v.ID, c.ID)
		}
		r := v.Request
		if r.Principal == "" || r.Action == "" || r.Resource == "" || len(r.ResourceAccount) != 12 && !(r.ResourceAccount == "" && slices.Contains(c.Features, FeatNoResourceAccount)) {
			t.Fatalf("%s: incomplete request %+v", c.ID, r)
		}
		if r.ResourceAccount == "" && (len(strings.Split(r.Resource, ":")) < 6 || len(strings.Split(r.Resource, ":")[4]) != 12) {
			t.Fatalf("%s: no resourceAccount, and the resource ARN carries none: %s", c.ID, r.Resource)
		}
		if r.Principal == "*" && (len(v.IdentityPolicies) > 0 || v.PermissionsBoundary != nil || v.SessionPolicy != nil || len(v.ServiceControlPolicies) > 0) {
			t.Fatalf("%s: anonymous request with principal-side policies", c.ID)
		}
		if v.SessionPolicy != nil && !strings.Contains(r.Principal, ":assumed-role/") && !strings.Contains(r.Principal, ":federated-user/") {
			t.Fatalf("%s: session policy for %s", c.ID, r.Principal)
		}
		if strings.Contains(r.Principal, ":federated-user/") && v.SessionPolicy == nil {
			t.Fatalf("%s: federated user without a session policy", c.ID)
		}
		for _, k := range []string{"aws:CurrentTime", "aws:EpochTime"} {
			if _, ok := r.Context[k]; !ok {
				t.Fatalf("%s: context lacks %s", c.ID, k)
			}
		}
		for _, lvl := range append(v.ServiceControlPolicies, v.ResourceControlPolicies...) {
			if len(lvl.Policies) == 0 || lvl.Target == "" {
				t.Fatalf("%s: empty org level", c.ID)
			}
		}
		for _, lvl := range v.ResourceControlPolicies {
			if lvl.Policies[0].Name != "RCPFullAWSAccess" {
				t.Fatalf("%s: RCP level without RCPFullAWSAccess", c.ID)
			}
		}
		for _, p := range v.VPCEndpointPolicies {
			d, fs := policy.ParseDocument(p.Document) // an object or a string holding one
			if policy.HasErrors(fs) {
				t.Fatalf("%s: endpoint policy: %v", c.ID, fs)
			}
			for _, st := range d.Statements {
				if st.Principal == nil || !st.Principal.Wildcard {
					t.Fatalf("%s: endpoint policy statement with principal %+v", c.ID, st.Principal)
				}
			}
		}
		if len(c.Features) == 0 {
			t.Fatalf("%s: no features", c.ID)
		}
	}
}

// TestDistribution checks that a batch covers every principal type, every
// layer, every condition operator and the main policy forms.
func TestDistribution(t *testing.T) {
	const n = 5000
	count := map[string]int{}
	for _, c := range GenerateCases(1, n) {
		for _, f := range c.Features {
			count[f]++
		}
	}
	want := []string{
		"principal:user", "principal:role-session", "principal:federated-user", "principal:root", "principal:service", "principal:anonymous",
		"cross-account", "wildcard-only-action",
		"layer:identity", "layer:boundary", "layer:session", "layer:resource", "layer:scp", "layer:rcp", "layer:vpce",
		"notaction", "notresource", "notprincipal", "action-wildcard", "action-case", "resource-wildcard",
		"rp-principal:star", "rp-principal:aws-star", "rp-principal:account", "rp-principal:role-arn", "rp-principal:session-arn",
		"trust-policy", "kms-root-statement", "missing-key", "key-present", "var-resource", "var-condition", "var-default", "var-missing", "var-missing-negated", "var-arn-field",
		"set-operator-on-single-valued-key", "ctx:single-as-array", "condition-key-case",
		FeatDocString, FeatDocURLEncoded, FeatDocURLEncodedBOM,
		FeatPolicyID, FeatStatementObject, FeatVersion2008, FeatVersionMissing, FeatOldVersionVariable, FeatActionQuestion, FeatVarEscape,
		FeatCanonicalUser, FeatFederatedOther, FeatCtxBool, FeatCtxNumber, FeatNoResourceAccount, FeatFederatingUser, FeatWebIdentity, FeatSAML,
	}
	want = append(want, Classes...)
	for _, op := range []string{"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
		"NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
		"DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
		"Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
		"StringEqualsIfExists", "NumericLessThanIfExists", "BoolIfExists", "IpAddressIfExists", "ArnLikeIfExists", "DateGreaterThanIfExists",
		"ForAnyValue:StringEquals", "ForAllValues:StringEquals", "ForAnyValue:StringLike", "ForAllValues:StringLike", "ForAllValues:StringNotLike"} {
		want = append(want, "op:"+op)
	}
	for _, f := range want {
		if count[f] == 0 {
			t.Errorf("feature %q never generated in %d cases", f, n)
		}
	}
	// No principal kind or layer dominates or vanishes.
	for _, f := range []string{"principal:user", "principal:role-session"} {
		if c := count[f]; c < n/5 || c > n/2 {
			t.Errorf("%s in %d of %d cases", f, c, n)
		}
	}
	for _, f := range []string{"principal:federated-user", "principal:root", "principal:service", "principal:anonymous", "cross-account"} {
		if c := count[f]; c < n/50 || c > n/4 {
			t.Errorf("%s in %d of %d cases", f, c, n)
		}
	}
	actions := 0
	for f := range count {
		if strings.HasPrefix(f, "action:") {
			actions++
		}
	}
	if actions < 25 {
		t.Errorf("only %d distinct actions in %d cases", actions, n)
	}
}

func BenchmarkNext(b *testing.B) {
	g := New(1)
	for b.Loop() {
		g.Next()
	}
}
