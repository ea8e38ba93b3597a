package authz_test

import (
	"encoding/json"
	"testing"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/policy"
)

// layerDoc is one policy document of a generated case and the layer it
// is compiled for.
type layerDoc struct {
	layer authz.Layer
	p     *policy.Policy
}

// generatedDocs returns the documents of n cases from the differential
// generator (seed 1, as simulate's benchmarks and make bench-vs use), in
// case order, each parsed as simulate parses it: these are the documents
// simulate --jsonl compiles, nearly every one unique.
func generatedDocs(tb testing.TB, n int) []layerDoc {
	tb.Helper()
	type named struct {
		Document json.RawMessage `json:"document"`
	}
	type level struct {
		Policies []named `json:"policies"`
	}
	var docs []layerDoc
	add := func(l authz.Layer, raw json.RawMessage) {
		if len(raw) == 0 {
			return
		}
		p, clean := policy.ParseClean(raw, l == authz.LayerResource || l == authz.LayerVPCEndpoint)
		if !clean {
			var fs []policy.Finding
			p, fs = policy.Parse(raw)
			if policy.HasErrors(fs) || p == nil {
				return // simulate reports such a document instead of compiling it
			}
		}
		docs = append(docs, layerDoc{l, p})
	}
	g := casegen.New(1)
	for range n {
		var c struct {
			Identity []named `json:"identityPolicies"`
			Boundary *named  `json:"permissionsBoundary"`
			Session  *named  `json:"sessionPolicy"`
			Resource *named  `json:"resourcePolicy"`
			SCPs     []level `json:"serviceControlPolicies"`
			RCPs     []level `json:"resourceControlPolicies"`
			VPCE     []named `json:"vpcEndpointPolicies"`
		}
		if err := json.Unmarshal(g.Next(), &c); err != nil {
			tb.Fatal(err)
		}
		for _, np := range c.Identity {
			add(authz.LayerIdentity, np.Document)
		}
		if c.Boundary != nil {
			add(authz.LayerBoundary, c.Boundary.Document)
		}
		if c.Session != nil {
			add(authz.LayerSession, c.Session.Document)
		}
		if c.Resource != nil {
			add(authz.LayerResource, c.Resource.Document)
		}
		for _, lv := range c.SCPs {
			for _, np := range lv.Policies {
				add(authz.LayerSCP, np.Document)
			}
		}
		for _, lv := range c.RCPs {
			for _, np := range lv.Policies {
				add(authz.LayerRCP, np.Document)
			}
		}
		for _, np := range c.VPCE {
			add(authz.LayerVPCEndpoint, np.Document)
		}
	}
	return docs
}

// BenchmarkCompileGenerated measures compiling the policy documents of
// generated cases one by one, as simulate --jsonl compiles them (most are
// unique); ns/op, B/op and allocs/op are per document.
func BenchmarkCompileGenerated(b *testing.B) {
	docs := generatedDocs(b, 2000)
	var dst authz.CompiledPolicy
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		// An error (a resource-based statement without Principal) is a
		// result like any other here: it costs what it costs simulate.
		_ = authz.CompilePolicyInto(&dst, d.layer, authz.NamedPolicy{Policy: d.p})
	}
}
