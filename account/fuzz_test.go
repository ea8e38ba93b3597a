package account

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzLoad: the loader never panics, and what it accepts is valid JSON
// and valid UTF-8, gzip-compressed or not.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(`{"schemaVersion":1,"accountId":"1","accountId":"2"}`))
	f.Add([]byte("{\"schemaVersion\":1,\"accountId\":\"1\xff\"}"))
	f.Add([]byte(snapshotWithCondition(`{"NumericLessThan":{"s3:max-keys":1e400}}`)))
	f.Add([]byte(snapshotWithCondition(`{"DateLessThan":{"aws:CurrentTime":"2024-12-31T23:59:60Z"}}`)))
	f.Add(gzipBomb(f, 1000))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Load(bytes.NewReader(data))
		if err != nil || bytes.HasPrefix(data, gzipMagic) {
			return
		}
		if s == nil || !json.Valid(data) || !utf8.Valid(data) {
			t.Fatalf("accepted %q", data)
		}
	})
}
