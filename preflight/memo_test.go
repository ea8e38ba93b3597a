package preflight

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/fix"
)

// Checks sharing an Outcomes (with a policy cache and a fix memo, as audit
// runs them) report what each check alone reports, and the Outcomes
// answers the repeated evaluations: the restores of a synthetic account's
// recovery points with their own role and with two other roles.
func TestOutcomesReportAsEachCheckAlone(t *testing.T) {
	snap := account.Synthetic(120, 3)
	account.SyntheticRecoveryPoints(snap, 20)
	shared := Params{Now: testNow, Cache: eval.NewCache(4096), Plans: fix.NewMemo(4096), Outcomes: NewOutcomes(4096)}
	checks := 0
	for _, rp := range snap.RecoveryPoints {
		for _, role := range []string{rp.IAMRoleARN, snap.Roles[0].ARN, snap.Roles[7].ARN} {
			p := Params{RoleARN: role, VaultName: rp.VaultName, KeyARN: rp.EncryptionKeyARN, ResourceType: rp.ResourceType,
				RecoveryPointARN: rp.ARN, Now: testNow}
			if ip := rp.InstanceProfileName(); ip != "" {
				p.InstanceProfile = ip
			}
			op, rp1, _, err := Resolve(snap, "restore", p)
			if err != nil {
				t.Fatal(err)
			}
			alone, err := json.Marshal(Check(snap, op, rp1))
			if err != nil {
				t.Fatal(err)
			}
			rp2 := rp1
			rp2.Cache, rp2.Plans, rp2.Outcomes = shared.Cache, shared.Plans, shared.Outcomes
			memo, err := json.Marshal(Check(snap, op, rp2))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(alone, memo) {
				t.Fatalf("%s with %s: with the shared outcomes\n%s\nalone\n%s", rp.ARN, role, memo, alone)
			}
			checks++
		}
	}
	if shared.Outcomes.Hits() == 0 {
		t.Fatalf("%d checks: no evaluation answered from the outcomes", checks)
	}
	t.Logf("%d checks, %d evaluations answered from the outcomes", checks, shared.Outcomes.Hits())
}

// The key of an input names every part of it: changing any one gives
// another key; the same input, and a copy sharing its documents, give
// the same key; equal bytes held elsewhere give another key (never a
// hit for documents that are not the same bytes).
func TestOutcomesKeyNamesEveryPart(t *testing.T) {
	doc := func(s string) eval.Doc { return eval.Doc{Name: "n", Text: []byte(s)} }
	one := func(s string) *eval.Doc { d := doc(s); return &d }
	base := func() *eval.Input {
		return &eval.Input{Request: eval.Request{Principal: "arn:aws:iam::111122223333:role/R", Action: "s3:GetObject",
			Resource: "arn:aws:s3:::b/k", ResourceAccount: "111122223333", Context: map[string][]string{"aws:SourceIp": {"10.0.0.1"}}},
			ManagementAccount: "999988887777", Identity: []eval.Doc{doc(`{"a":1}`)}, Boundary: one(`{"b":1}`), Session: one(`{"s":1}`),
			Resource: one(`{"r":1}`), SCPs: []eval.Level{{Target: "r-root", Policies: []eval.Doc{doc(`{"c":1}`)}}},
			RCPs: []eval.Level{{Target: "r-root", Policies: []eval.Doc{doc(`{"d":1}`)}}}, VPCEndpoint: []eval.Doc{doc(`{"e":1}`)}}
	}
	o := NewOutcomes(16)
	in := base()
	fo := fix.Options{KeyID: "k", RoleARN: "arn:aws:iam::111122223333:role/R", InstanceProfile: "ip"}
	k0 := string(o.key(in, fo))
	same := *in
	if k := string(o.key(&same, fo)); k != k0 {
		t.Fatal("a copy sharing the documents has another key")
	}
	changes := map[string]func(in *eval.Input, fo *fix.Options){
		"principal":         func(in *eval.Input, _ *fix.Options) { in.Request.Principal += "x" },
		"action":            func(in *eval.Input, _ *fix.Options) { in.Request.Action += "x" },
		"resource":          func(in *eval.Input, _ *fix.Options) { in.Request.Resource += "x" },
		"resource account":  func(in *eval.Input, _ *fix.Options) { in.Request.ResourceAccount = "444455556666" },
		"federating user":   func(in *eval.Input, _ *fix.Options) { in.Request.FederatingUser = "u" },
		"context value":     func(in *eval.Input, _ *fix.Options) { in.Request.Context["aws:SourceIp"] = []string{"10.0.0.2"} },
		"context key":       func(in *eval.Input, _ *fix.Options) { in.Request.Context["aws:SourceVpc"] = []string{"v"} },
		"management":        func(in *eval.Input, _ *fix.Options) { in.ManagementAccount = "" },
		"identity bytes":    func(in *eval.Input, _ *fix.Options) { in.Identity[0] = doc(`{"a":1}`) },
		"identity name":     func(in *eval.Input, _ *fix.Options) { in.Identity[0].Name = "m" },
		"identity count":    func(in *eval.Input, _ *fix.Options) { in.Identity = append(in.Identity, in.Identity[0]) },
		"boundary":          func(in *eval.Input, _ *fix.Options) { in.Boundary = nil },
		"session":           func(in *eval.Input, _ *fix.Options) { in.Session = one(`{"s":1}`) },
		"resource policy":   func(in *eval.Input, _ *fix.Options) { in.Resource = one(`{"r":2}`) },
		"scp target":        func(in *eval.Input, _ *fix.Options) { in.SCPs[0].Target = "ou-x" },
		"scp bytes":         func(in *eval.Input, _ *fix.Options) { in.SCPs[0].Policies[0] = doc(`{"c":1}`) },
		"rcp levels":        func(in *eval.Input, _ *fix.Options) { in.RCPs = nil },
		"vpc endpoint":      func(in *eval.Input, _ *fix.Options) { in.VPCEndpoint = nil },
		"fix key":           func(_ *eval.Input, fo *fix.Options) { fo.KeyID = "" },
		"fix role":          func(_ *eval.Input, fo *fix.Options) { fo.RoleARN = "" },
		"fix profile":       func(_ *eval.Input, fo *fix.Options) { fo.InstanceProfile = "" },
		"fix rounds":        func(_ *eval.Input, fo *fix.Options) { fo.MaxRounds = 2 },
		"document to empty": func(in *eval.Input, _ *fix.Options) { in.Boundary = one("") },
	}
	for name, change := range changes {
		in, fo := base(), fo
		// base() allocates new documents: key the new input first, so
		// that only the change differs.
		k := string(o.key(in, fo))
		change(in, &fo)
		if string(o.key(in, fo)) == k {
			t.Errorf("%s: the key did not change", name)
		}
	}
}
