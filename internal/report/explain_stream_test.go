package report

import (
	"bytes"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/diagnose"
	"github.com/deniedhq/denied/internal/i18n"
)

// The streamed JSON report is, byte for byte, the one document
// {schemaVersion, lang, denials} encoded whole with a two-space indent,
// for no denial, one and several (messages with '<', '&' and quotes, which
// must stay unescaped).
func TestExplainWriterJSONIsWholeDocument(t *testing.T) {
	texts := []string{
		`User: arn:aws:iam::123456789012:user/a<b>&c is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action`,
		`User: arn:aws:sts::123456789012:assumed-role/R/s is not authorized to perform: backup:CreateBackupVault on resource: arn:aws:backup:us-east-1:123456789012:backup-vault:v with an explicit deny in a service control policy`,
		`User: arn:aws:iam::123456789012:user/u is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/EC2 because no permissions boundary allows the iam:PassRole action`,
	}
	var all []Explained
	for _, s := range texts {
		d, err := authzmsg.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, Explained{Denial: d, Decode: diagnose.DecodeStatus{State: "none"}, Findings: diagnose.Diagnose(d, diagnose.Options{})})
	}
	for n := 0; n <= len(all); n++ {
		for _, lang := range i18n.Langs {
			o := Options{Lang: lang}
			var got bytes.Buffer
			if err := Write(&got, JSON, Explain(all[:n]), o); err != nil {
				t.Fatal(err)
			}
			whole := struct {
				SchemaVersion string        `json:"schemaVersion"`
				Lang          i18n.Lang     `json:"lang"`
				Denials       []jsonExplain `json:"denials"`
			}{SchemaVersion, lang, []jsonExplain{}}
			for _, e := range all[:n] {
				whole.Denials = append(whole.Denials, jsonExplained(e, o))
			}
			var want bytes.Buffer
			if err := writeJSON(&want, whole); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%d denials, %s: streamed JSON differs from the whole document:\n%s\nwant:\n%s", n, lang, got.Bytes(), want.Bytes())
			}
		}
	}
}

func TestExplainWriterUnknownFormat(t *testing.T) {
	if _, err := NewExplainWriter(&bytes.Buffer{}, SARIF, Options{}); err == nil {
		t.Error("explain has no SARIF report; want an error")
	}
}
