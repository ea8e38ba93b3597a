package simulate

import (
	"bytes"
	"strings"
	"testing"
)

const cacheCase = `{"id":"c","request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},"identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":[{"Sid":"ReadBucket","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}}]}`

// A cached document must not share the bytes of the line it came from:
// Stream reuses nothing today, but a caller of evaluateOwned may, and a
// kept document pinning its line would hold every input line in memory.
func TestCacheKeepsCopies(t *testing.T) {
	cache := NewCache(16)
	opt := Options{Cache: cache}
	line := []byte(cacheCase)
	first := string(evaluateOwned(line, opt).AppendJSON(nil))
	if !strings.Contains(first, `"ReadBucket"`) {
		t.Fatalf("result lacks the deciding Sid: %s", first)
	}
	// Scribble over the first line (the Sid's bytes included), then
	// evaluate the same case from fresh bytes: the cached document answers.
	copy(line[bytes.Index(line, []byte("ReadBucket")):], "XXXXXXXXXX")
	again := string(evaluateOwned([]byte(cacheCase), opt).AppendJSON(nil))
	if again != first {
		t.Fatalf("the cached document changed with its input line:\nfirst %s\nagain %s", first, again)
	}
	if len(cache.m) != 1 {
		t.Fatalf("cache holds %d documents, want 1", len(cache.m))
	}
}

func TestCacheSkipsLargeDocuments(t *testing.T) {
	var st []string
	for len(strings.Join(st, ",")) <= cacheDocMax {
		st = append(st, `{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-with-a-long-name/*"}`)
	}
	c := strings.Replace(cacheCase, `"Statement":[`, `"Statement":[`+strings.Join(st, ",")+",", 1)
	cache := NewCache(16)
	for range 2 {
		if r := evaluateOwned([]byte(c), Options{Cache: cache}); r.Error != nil || r.Decision != "Allowed" {
			t.Fatalf("got %+v %+v", r, r.Error)
		}
	}
	if len(cache.m) != 0 {
		t.Fatalf("a document over %d bytes was kept", cacheDocMax)
	}
}
