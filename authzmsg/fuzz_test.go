package authzmsg

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds returns every message fixture: the forms table, the real
// corpus, the seeds, the decoded documents and the CloudTrail events.
func fuzzSeeds(f testing.TB) []string {
	var seeds []string
	for _, c := range loadFormCases(f) {
		seeds = append(seeds, c.Input)
	}
	for _, e := range loadCorpus(f) {
		seeds = append(seeds, e.Text)
	}
	for _, pattern := range []string{"seeds/*.txt", "decoded/*", "cloudtrail/*.json", "samples/*.txt"} {
		files, err := filepath.Glob(filepath.Join(messagesDir, pattern))
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range files {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			seeds = append(seeds, string(b))
		}
	}
	return seeds
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	// Several messages in one text (TestParseAllSeveralMessages).
	f.Add(msgA + "\n" + msgB + "\n")
	f.Add("retry 1/2: " + msgAWrapped + "\nretry 2/2: " + msgA + "\nAn error occurred (AccessDeniedException) when calling the CreateGrant operation:\n" + msgB)
	f.Add("You are not authorized to perform this operation.\n" + msgA + "\n" + ec2Pre + encX + "\n" + ec2Pre + encY)
	// Several messages on one line (TestParseAllSeveralMessages).
	f.Add(`{"level":"error","msg":"AccessDenied: ` + msgA + `\nAccessDenied: ` + msgB + `"}`)
	f.Add(`["AccessDeniedException: ` + msgA + `", "` + msgB + `"]`)
	f.Add(msgA + "; " + msgB + " | " + msgA + " - Sender AccessDenied " + msgA)
	f.Fuzz(func(t *testing.T, text string) {
		ds, err := ParseAll(text)
		if err != nil {
			if !errors.Is(err, ErrNoDenial) {
				t.Fatalf("ParseAll error %v is not ErrNoDenial", err)
			}
			if len(ds) != 0 {
				t.Fatalf("ParseAll returned denials with an error")
			}
			return
		}
		if len(ds) == 0 {
			t.Fatal("ParseAll returned no denial and no error")
		}
		for _, d := range ds {
			if d == nil {
				t.Fatal("nil Denial")
			}
			if d.Action != "" && !ValidAction(d.Action) {
				t.Fatalf("Action %q is not svc:Name shaped", d.Action)
			}
			if strings.Contains(d.Principal.ARN+d.Resource+d.PolicyARN, sentinel) && !strings.Contains(text, sentinel) {
				t.Fatalf("placeholder sentinel left in principal %q / resource %q / policy %q", d.Principal.ARN, d.Resource, d.PolicyARN)
			}
			if d.Form == "" || d.Decision == "" || d.PolicyType == "" || d.Principal.Kind == "" {
				t.Fatalf("unset enum: form %q decision %q policy type %q kind %q", d.Form, d.Decision, d.PolicyType, d.Principal.Kind)
			}
			if d.Encoded != "" && CleanEncoded(d.Encoded) != d.Encoded {
				t.Fatalf("Encoded holds whitespace: %q", d.Encoded)
			}
			if utf8.ValidString(text) && !utf8.ValidString(d.Raw) {
				t.Fatalf("Raw is not valid UTF-8 though the input was")
			}
		}
		d, err := Parse(text)
		if err != nil || d.Form != ds[0].Form || d.Action != ds[0].Action {
			t.Fatalf("Parse and ParseAll disagree: %v", err)
		}
	})
}

func FuzzParseDecoded(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add([]byte(s))
	}
	f.Add([]byte(`{"DecodedMessage": "{\"allowed\":false}"}`))
	f.Add([]byte(`{"matchedStatements": [{"principals": ["SCOPE_POLICY_ISSUER"], "effect": "DENY"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseDecoded(data)
		if err != nil {
			var de *DecodedError
			if !errors.As(err, &de) {
				t.Fatalf("error %T %v is not a *DecodedError", err, err)
			}
			if d != nil {
				t.Fatal("a Decoded and an error")
			}
			return
		}
		if d == nil {
			t.Fatal("no Decoded and no error")
		}
		for _, s := range d.MatchedStatements {
			boundary := false
			for _, p := range s.Principals {
				boundary = boundary || p == "SCOPE_POLICY_ISSUER"
			}
			if boundary != s.IsBoundary {
				t.Fatalf("IsBoundary %v for principals %v", s.IsBoundary, s.Principals)
			}
		}
	})
}
