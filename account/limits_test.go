package account

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"strings"
	"testing"
)

// snapshotWithCondition is a snapshot whose one role has an inline policy
// with the condition block cond (on line 3).
func snapshotWithCondition(cond string) string {
	return `{"schemaVersion":1,"accountId":"111122223333","roles":[{"arn":"arn:aws:iam::111122223333:role/R","trustPolicy":{"Version":"2012-10-17","Statement":[]},
"inlinePolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*",
"Condition":` + cond + `}]}}]}]}`
}

func TestLoadOddInputs(t *testing.T) {
	t.Parallel()
	longARN := "arn:aws:iam::111122223333:role/" + strings.Repeat("r", 3000)
	tests := []struct {
		name, in          string
		wantPointer       string
		wantMsg           string
		wantLine, wantCol int
		notInMsg          string
	}{
		{"duplicate key", "{\"schemaVersion\":1,\n\"accountId\":\"1\",\"accountId\":\"2\"}", "/accountId", `the field "accountId" appears twice`, 2, 17, ""},
		{"duplicate key in a long object", `{"schemaVersion":1,"accountId":"1","roles":[{"arn":"a","trustPolicy":{` + manyTags(40) + `,"k7a":"again"}}]}`, "/roles/0/trustPolicy/k7a", "appears twice", 1, 0, ""},
		{"invalid UTF-8", "{\"schemaVersion\":1,\n\"accountId\":\"1\xff\"}", "/accountId", "invalid UTF-8 byte 0xFF", 2, 15, ""},
		{"invalid UTF-8 in a key", "{\"schemaVersion\":1,\"account\xc3(\":\"1\"}", "", "invalid UTF-8 byte 0xC3", 1, 28, ""},
		{"number out of range", snapshotWithCondition(`{"NumericLessThan":{"s3:max-keys":1e400}}`), "/roles/0/inlinePolicies/0/document/Statement/0/Condition/NumericLessThan/s3:max-keys", "the number \"1e400\" is out of range", 3, 47, ""},
		{"number out of range as a string", snapshotWithCondition(`{"NumericLessThan":{"s3:max-keys":"1e400"}}`), "/roles/0/inlinePolicies/0/document/Statement/0/Condition/NumericLessThan/s3:max-keys", `"1e400" is not a number`, 2, 0, ""},
		{"leap second", snapshotWithCondition(`{"DateLessThan":{"aws:CurrentTime":"2024-12-31T23:59:60Z"}}`), "/roles/0/inlinePolicies/0/document/Statement/0/Condition/DateLessThan/aws:CurrentTime", "is not a date", 2, 0, ""},
		{"key listed twice", `{"schemaVersion":1,"accountId":"111122223333","kmsKeys":[{"arn":"arn:aws:kms:eu-west-1:111122223333:key/k","keyManager":"CUSTOMER"},{"arn":"arn:aws:kms:eu-west-1:111122223333:key/other","keyManager":"CUSTOMER"},{"arn":"arn:aws:kms:eu-west-1:111122223333:key/k","keyManager":"CUSTOMER"}]}`, "/kmsKeys/2/arn", "is listed twice (also at /kmsKeys/0)", 0, 0, ""},
		{"vault listed twice", `{"schemaVersion":1,"accountId":"111122223333","backupVaults":[{"name":"v","arn":"arn:aws:backup:eu-west-1:111122223333:backup-vault:v"},{"name":"v","arn":"arn:aws:backup:eu-west-1:111122223333:backup-vault:v"}]}`, "/backupVaults/1/arn", "listed twice", 0, 0, ""},
		{"ARN too long", `{"schemaVersion":1,"accountId":"111122223333","roles":[{"arn":"` + longARN + `","trustPolicy":{"Version":"2012-10-17","Statement":[]}}]}`, "/roles/0/arn", "is 3031 characters long; AWS ARNs have at most 2048", 0, 0, strings.Repeat("r", 100)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(strings.NewReader(tc.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if e.Pointer != tc.wantPointer || !strings.Contains(e.Message, tc.wantMsg) {
				t.Errorf("got %q (pointer %q), want pointer %q and message containing %q", err, e.Pointer, tc.wantPointer, tc.wantMsg)
			}
			if tc.wantLine != 0 && e.Line != tc.wantLine {
				t.Errorf("line %d, want %d (%v)", e.Line, tc.wantLine, err)
			}
			if tc.wantCol != 0 && e.Col != tc.wantCol {
				t.Errorf("column %d, want %d (%v)", e.Col, tc.wantCol, err)
			}
			if tc.notInMsg != "" && strings.Contains(err.Error(), tc.notInMsg) {
				t.Errorf("message echoes the value whole: %.200s…", err)
			}
		})
	}
}

func manyTags(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"k` + string(rune('0'+i%10)) + string(rune('a'+i/10)) + `":"v"`)
	}
	return b.String()
}

// gzipBomb compresses n bytes of spaces around a minimal snapshot.
func gzipBomb(t testing.TB, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	zw.Write([]byte(`{"schemaVersion":1,"accountId":"111122223333"`))
	spaces := bytes.Repeat([]byte{' '}, 1<<20)
	for w := 0; w < n; w += len(spaces) {
		zw.Write(spaces[:min(len(spaces), n-w)])
	}
	zw.Write([]byte("}"))
	zw.Close()
	return b.Bytes()
}

// TestLoadGzipBomb: a small file that decompresses past the limit is
// refused with the limit and the way to raise it.
func TestLoadGzipBomb(t *testing.T) {
	if raceEnabled {
		t.Skip("512 MiB of decompression under the race detector takes minutes; TestLoadSizeLimitFromEnvironment covers the code")
	}
	bomb := gzipBomb(t, DefaultMaxSize+1)
	if len(bomb) > 2<<20 {
		t.Fatalf("bomb is %d bytes compressed", len(bomb))
	}
	_, err := Load(bytes.NewReader(bomb))
	var tl *TooLargeError
	if !errors.As(err, &tl) || !tl.Compressed || tl.Limit != DefaultMaxSize {
		t.Fatalf("err = %v, want a TooLargeError at the default limit", err)
	}
	if want := "snapshot decompresses to more than 512 MiB (the limit; set DENIED_SNAPSHOT_MAX_MIB"; !strings.Contains(err.Error(), want) {
		t.Fatalf("message %q, want %q", err, want)
	}
}

func TestLoadSizeLimitFromEnvironment(t *testing.T) {
	small := gzipBomb(t, 3<<20)
	t.Setenv(MaxSizeEnv, "2")
	if _, err := Load(bytes.NewReader(small)); err == nil || !strings.Contains(err.Error(), "more than 2 MiB") {
		t.Fatalf("limit 2 MiB: err = %v", err)
	}
	plain := `{"schemaVersion":1,"accountId":"111122223333"` + strings.Repeat(" ", 3<<20) + "}"
	if _, err := Load(strings.NewReader(plain)); err == nil || !strings.Contains(err.Error(), "snapshot larger than 2 MiB") {
		t.Fatalf("plain file over 2 MiB: err = %v", err)
	}
	t.Setenv(MaxSizeEnv, "4")
	if _, err := Load(bytes.NewReader(small)); err != nil {
		t.Fatalf("limit 4 MiB: %v", err)
	}
	t.Setenv(MaxSizeEnv, "lots")
	if _, err := Load(bytes.NewReader(small)); err == nil || !strings.Contains(err.Error(), `DENIED_SNAPSHOT_MAX_MIB="lots"`) {
		t.Fatalf("bad value: err = %v", err)
	}
}

// TestLoadFileErrorsDoNotNameTheFile: the caller names the file once.
func TestLoadFileErrorsDoNotNameTheFile(t *testing.T) {
	dir := t.TempDir()
	bad := dir + "/dup.json"
	if err := os.WriteFile(bad, []byte(`{"schemaVersion":1,"accountId":"1","accountId":"2"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{bad, dir + "/missing.json"} {
		_, err := LoadFile(path)
		if err == nil || strings.Contains(err.Error(), dir) {
			t.Errorf("LoadFile(%s): %v; want an error without the file's name", path, err)
		}
	}
}
