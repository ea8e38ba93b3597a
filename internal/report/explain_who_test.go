package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/internal/i18n"
)

// A principal or resource ARN that a reader edited with a space in it
// ("arn:aws:sts::[account id]:assumed-role/...") is one identifier: its
// "Who" and "Resource" rows keep it whole on one line, as a long ARN
// without a space is kept (it was broken at the space, the rest of the ARN
// under it); a Decision too long for its line is still wrapped.
func TestExplainWhoRowKeepsARNWhole(t *testing.T) {
	const who = "arn:aws:sts::[account id]:assumed-role/limit-monitor-limitCheckStack-GQH-LimitMonitorRole-1HLZ084R28ABB/limit-monitor-limitCheckStack-LimitMonitorFunction-ENB26B3ETQB8"
	const res = "arn:aws:s3:::[bucket name]/[object key]"
	d, err := authzmsg.Parse("User: " + who + " is not authorized to perform: s3:GetObject on resource: " + res + " with an explicit deny in a service control policy")
	if err != nil {
		t.Fatal(err)
	}
	if d.Principal.ARN != who || d.Resource != res {
		t.Fatalf("principal %q resource %q", d.Principal.ARN, d.Resource)
	}
	for _, lang := range i18n.Langs {
		var b bytes.Buffer
		e := Explained{Denial: d, Decode: diagnose.DecodeStatus{State: "none"}, Findings: diagnose.Diagnose(d, diagnose.Options{})}
		if err := Write(&b, Text, Explain([]Explained{e}), Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, id := range []string{who, res} {
			found := false
			for _, l := range strings.Split(out, "\n") {
				found = found || strings.HasSuffix(l, "  "+id)
			}
			if !found {
				t.Errorf("%s: %s not whole on one line:\n%s", lang, id, out)
			}
		}
		if strings.Contains(out, "\u00a0") {
			t.Errorf("%s: a no-break space left in the output", lang)
		}
		label := "  " + i18n.T(lang, "report.decision")
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, label) && i18n.Width(l) > DefaultWidth {
				t.Errorf("%s: decision row not wrapped: %q", lang, l)
			}
		}
	}
}
