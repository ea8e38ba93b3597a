package casegen

import (
	"bytes"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/deniedhq/denied/simulate"
)

// caseDocs lists the documents of c by layer, in case order.
func caseDocs(c *simulate.Case) [][2]string {
	var out [][2]string
	add := func(layer string, d *simulate.PolicyDoc) {
		if d != nil {
			out = append(out, [2]string{layer, string(d.Document)})
		}
	}
	for i := range c.IdentityPolicies {
		add("identity", &c.IdentityPolicies[i])
	}
	add("boundary", c.PermissionsBoundary)
	add("session", c.SessionPolicy)
	add("resource", c.ResourcePolicy)
	for _, l := range c.ServiceControlPolicies {
		for i := range l.Policies {
			add("scp", &l.Policies[i])
		}
	}
	for _, l := range c.ResourceControlPolicies {
		for i := range l.Policies {
			add("rcp", &l.Policies[i])
		}
	}
	for i := range c.VPCEndpointPolicies {
		add("vpce", &c.VPCEndpointPolicies[i])
	}
	return out
}

// decodeStringDoc decodes a document given as a JSON string, by the rules
// the README states (a JSON string holding the document, URL-encoded or
// not), with its own code: it returns the document's compact JSON and its
// form.
func decodeStringDoc(t *testing.T, id, raw string) (string, string) {
	var s string
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		t.Fatalf("%s: document %s: %v", id, raw, err)
	}
	form := FeatDocString
	text := strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(text, "\ufeff"); ok {
		if !strings.HasPrefix(rest, "%7B") {
			t.Fatalf("%s: a byte order mark before %q", id, rest[:min(10, len(rest))])
		}
		form, text = FeatDocURLEncodedBOM, rest
	}
	if !strings.HasPrefix(text, "{") {
		if form != FeatDocURLEncodedBOM {
			form = FeatDocURLEncoded
		}
		if !strings.HasPrefix(text, "%") {
			t.Fatalf("%s: a string document that is neither JSON nor URL-encoded: %q", id, s)
		}
		if strings.Contains(text, "+") {
			t.Fatalf("%s: a \"+\" in a URL-encoded document (IAM writes a space as %%20): %q", id, s)
		}
		u, err := url.PathUnescape(text)
		if err != nil {
			t.Fatalf("%s: %v: %q", id, err, s)
		}
		text = u
	}
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(text)); err != nil {
		t.Fatalf("%s: the decoded document is not JSON: %v: %q", id, err, text)
	}
	return b.String(), form
}

// TestDocumentStrings checks that the generator writes some documents of
// every layer as JSON strings, plain and URL-encoded (starting with "%",
// and after a byte order mark, the two ways eval.DocumentText recognises
// URL-encoded text), at a share near docStringShare; that each decodes to
// the object the generator writes without them; that the cases are
// otherwise the same; and that the features name each form.
func TestDocumentStrings(t *testing.T) {
	const n = 3000
	plain := New(5)
	plain.plainDocs = true
	g := New(5)
	forms := map[string]int{}
	layers := map[string]int{}
	total, strs := 0, 0
	for range n {
		c, p := g.NextCase(), plain.NextCase()
		var got, want simulate.Case
		if err := json.Unmarshal(c.JSON, &got); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(p.JSON, &want); err != nil {
			t.Fatal(err)
		}
		gd, wd := caseDocs(&got), caseDocs(&want)
		if len(gd) != len(wd) {
			t.Fatalf("%s: %d documents, %d without string documents", c.ID, len(gd), len(wd))
		}
		caseForms := map[string]bool{}
		for i := range gd {
			total++
			if gd[i][1] == wd[i][1] {
				continue
			}
			if !strings.HasPrefix(wd[i][1], "{") || !strings.HasPrefix(gd[i][1], `"`) {
				t.Fatalf("%s: %s document %s, without string documents %s", c.ID, gd[i][0], gd[i][1], wd[i][1])
			}
			strs++
			text, form := decodeStringDoc(t, c.ID, gd[i][1])
			if text != wd[i][1] {
				t.Fatalf("%s: %s document %s decodes to\n%s\nwant\n%s", c.ID, gd[i][0], gd[i][1], text, wd[i][1])
			}
			forms[form]++
			layers[gd[i][0]]++
			caseForms[form] = true
		}
		// Everything else is the case the generator makes without them.
		clearDocs(&got)
		clearDocs(&want)
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(want)
		if !bytes.Equal(a, b) {
			t.Fatalf("%s: the case differs beyond its string documents:\n%s\n%s", c.ID, a, b)
		}
		for _, f := range []string{FeatDocString, FeatDocURLEncoded, FeatDocURLEncodedBOM} {
			if slices.Contains(c.Features, f) != caseForms[f] {
				t.Fatalf("%s: features %v, documents written as %v", c.ID, c.Features, caseForms)
			}
		}
		if !slices.Equal(slices.DeleteFunc(slices.Clone(c.Features), func(f string) bool { return strings.HasPrefix(f, "doc:") }), p.Features) {
			t.Fatalf("%s: features %v, without string documents %v", c.ID, c.Features, p.Features)
		}
	}
	t.Logf("%d of %d documents as strings: %v; by layer %v", strs, total, forms, layers)
	for _, f := range []string{FeatDocString, FeatDocURLEncoded, FeatDocURLEncodedBOM} {
		if forms[f] < 5 {
			t.Errorf("%s: %d documents in %d cases", f, forms[f], n)
		}
	}
	for _, l := range []string{"identity", "boundary", "session", "resource", "scp", "rcp", "vpce"} {
		if layers[l] == 0 {
			t.Errorf("no %s document written as a string in %d cases", l, n)
		}
	}
	if share := float64(strs) / float64(total); share < 0.03 || share > 0.05 {
		t.Errorf("%d of %d documents (%.1f%%) written as strings, want 3-5%%", strs, total, 100*share)
	}
}

// clearDocs empties the documents of c.
func clearDocs(c *simulate.Case) {
	clr := func(d *simulate.PolicyDoc) {
		if d != nil {
			d.Document = json.RawMessage(`null`)
		}
	}
	for i := range c.IdentityPolicies {
		clr(&c.IdentityPolicies[i])
	}
	clr(c.PermissionsBoundary)
	clr(c.SessionPolicy)
	clr(c.ResourcePolicy)
	for _, lvls := range [][]simulate.OrgLevel{c.ServiceControlPolicies, c.ResourceControlPolicies} {
		for _, l := range lvls {
			for i := range l.Policies {
				clr(&l.Policies[i])
			}
		}
	}
	for i := range c.VPCEndpointPolicies {
		clr(&c.VPCEndpointPolicies[i])
	}
}

func TestIAMEscape(t *testing.T) {
	const doc = `{"Sid":"Enable IAM User Permissions","Resource":"arn:aws:s3:::b/a+b~c_d-e.f*"}`
	got := iamEscape(doc)
	want := "%7B%22Sid%22%3A%22Enable%20IAM%20User%20Permissions%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Ab%2Fa%2Bb~c_d-e.f%2A%22%7D"
	if got != want {
		t.Errorf("iamEscape = %s\nwant       %s", got, want)
	}
	if back, err := url.PathUnescape(got); err != nil || back != doc {
		t.Errorf("PathUnescape(iamEscape(doc)) = %q, %v", back, err)
	}
	if got, want := lowerEscapes("%7B%2Fa%C3%A9"), "%7b%2fa%c3%a9"; got != want {
		t.Errorf("lowerEscapes = %s, want %s", got, want)
	}
}
