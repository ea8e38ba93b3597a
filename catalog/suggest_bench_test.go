package catalog

import "testing"

// BenchmarkSuggestAction measures "did you mean" for unknown actions: a
// typo in a known service, an unknown service, no service prefix, and a
// long name.
func BenchmarkSuggestAction(b *testing.B) {
	for _, bc := range []struct{ name, action string }{
		{"typo", "backup:StartBakupJob"},
		{"unknown-service", "foo:GetThing"},
		{"short-service", "s4:GetObjet"},
		{"no-prefix", "StartBakupJob"},
		{"long", "s3:" + string(make([]byte, 120))},
	} {
		bc := bc
		SuggestAction(bc.action) // decode the catalog first
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				get().suggestAction(bc.action) // not the cache
			}
		})
	}
}

func TestSuggestActionCached(t *testing.T) {
	first := SuggestAction("backup:StartBakupJob")
	if len(first) == 0 || first[0] != "backup:StartBackupJob" {
		t.Fatalf("SuggestAction = %v", first)
	}
	first[0] = "changed by the caller"
	if again := SuggestAction("backup:StartBakupJob"); again[0] != "backup:StartBackupJob" {
		t.Fatalf("cached answer changed by a caller: %v", again)
	}
}
