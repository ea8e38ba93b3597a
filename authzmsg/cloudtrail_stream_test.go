package authzmsg

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestParseCloudTrailLogAsParseAll: record by record gives what ParseAll
// gives, on a real log and on the same events as a log of many records.
func TestParseCloudTrailLogAsParseAll(t *testing.T) {
	raw, err := os.ReadFile("../testdata/messages/cloudtrail/stratus-records.json")
	if err != nil {
		t.Fatal(err)
	}
	real := string(raw)
	// The same records, 300 times, with a BOM and CRLF line ends.
	body := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(real), `{`), `}`)
	inner := body[strings.Index(body, "[")+1 : strings.LastIndex(body, "]")]
	many := "\ufeff{\"Records\":[" + strings.TrimSuffix(strings.Repeat(inner+",", 300), ",") + "]}\r\n"
	for name, text := range map[string]string{"real": real, "many": many} {
		want, err := ParseAll(text)
		if err != nil {
			t.Fatalf("%s: ParseAll: %v", name, err)
		}
		got, ok := ParseCloudTrailLog(text)
		if !ok {
			t.Fatalf("%s: not read as a CloudTrail log", name)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: %d denials record by record, %d from ParseAll, or they differ", name, len(got), len(want))
		}
	}
	if got, _ := ParseCloudTrailLog(many); len(got) != 300 {
		t.Fatalf("%d denials, want 300", len(got))
	}
}

// TestParseCloudTrailLogDeclines: what is not a lone Records list is left to
// ParseAll.
func TestParseCloudTrailLogDeclines(t *testing.T) {
	for _, text := range []string{
		`{"Records":[]}`, // no denial: ParseAll says so
		`{"Records":[{"errorCode":"AccessDenied"}],"x":1}`,
		`{"x":1,"Records":[]}`,
		`{"Records":[{"errorCode":"AccessDenied","eventSource":"s3.amazonaws.com"}]} trailing`,
		`{"Records":{"a":1}}`,
		`{"Records":[{"errorCode":"AccessDenied"`,
		`[{"eventSource":"s3.amazonaws.com","eventName":"GetObject","errorCode":"AccessDenied"}]`,
		`User: arn:aws:iam::1:user/x is not authorized`,
	} {
		if ds, ok := ParseCloudTrailLog(text); ok {
			t.Errorf("%q: read as a log (%d denials)", text, len(ds))
		}
	}
}

// FuzzParseCloudTrailLog: whatever it reads as a log, ParseAll reads the
// same way.
func FuzzParseCloudTrailLog(f *testing.F) {
	f.Add(`{"Records":[{"eventSource":"s3.amazonaws.com","eventName":"GetObject","errorCode":"AccessDenied","errorMessage":"Access Denied"}]}`)
	f.Add(`{"records":[{"errorCode":"AccessDenied"},1,"x",{"errorCode":"Client.UnauthorizedOperation","userIdentity":{"arn":"arn:aws:iam::111122223333:user/a"}}]}`)
	f.Add("\ufeff {\"Records\":[]}\r\n")
	f.Fuzz(func(t *testing.T, text string) {
		got, ok := ParseCloudTrailLog(text)
		if !ok {
			return
		}
		want, err := ParseAll(text)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %d denials record by record; ParseAll: %d, %v", text, len(got), len(want), err)
		}
	})
}
