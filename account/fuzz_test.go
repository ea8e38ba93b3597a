package account

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
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

// FuzzFastDecode: what fastDecode accepts, decodeStrict (encoding/json and
// the shape walk) accepts too and decodes to the same snapshot; so Parse's
// fast path never changes a result nor hides an error.
func FuzzFastDecode(f *testing.F) {
	for _, seed := range fastDecodeSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFastDecode(t, data)
	})
}

func checkFastDecode(t *testing.T, data []byte) {
	t.Helper()
	var fast Snapshot
	if !fastDecode(data, &fast) {
		return
	}
	var slow Snapshot
	if err := decodeStrict(data, &slow); err != nil {
		t.Fatalf("fastDecode accepted what decodeStrict refuses (%v): %q", err, data)
	}
	if !reflect.DeepEqual(&fast, &slow) {
		t.Fatalf("fastDecode and decodeStrict differ on %q:\n%+v\n%+v", data, fast, slow)
	}
}

// fastDecodeSeeds are the snapshots of testdata, a synthetic one, and
// small inputs at the edges fastDecode leaves to decodeStrict.
func fastDecodeSeeds(t testing.TB) [][]byte {
	t.Helper()
	var seeds [][]byte
	files, _ := filepath.Glob("../testdata/*/*.json")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, data)
		if sh, err := LoadShort(bytes.NewReader(data)); err == nil {
			var full bytes.Buffer
			if err := Save(&full, sh, false); err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, full.Bytes())
		}
	}
	var buf bytes.Buffer
	if err := Save(&buf, Synthetic(5, 2), false); err != nil {
		t.Fatal(err)
	}
	seeds = append(seeds, buf.Bytes())
	for _, s := range []string{
		minimal,
		`null`, `{}`, ` {"schemaVersion":1} `, `{"schemaVersion":1}x`,
		`{"schemaVersion":1,"accountId":"1","accountId":"2"}`,
		`{"schemaVersion":-0,"accountId":"1"}`, `{"schemaVersion":1.0}`, `{"schemaVersion":01}`,
		`{"schemaVersion":9223372036854775808}`, `{"SchemaVersion":1}`, `{"schemaVersion":null,"accountId":null}`,
		`{"accountId":"a\"b\\c\/d\b\f\n\r\t\u00e9\u2028"}`, `{"accountId":"\ud83d\ude00"}`, `{"accountId":"\x41"}`,
		`{"accountId":"` + "\xff" + `"}`, `{"accountId":"` + "\x01" + `"}`, `{"accountId":"é"}`,
		`{"roles":[{"arn":"a","trustPolicy":"{\"Version\":\"2012-10-17\"}"}]}`,
		`{"roles":[{"arn":"a","trustPolicy":{"a":1,"a":2}}]}`, `{"roles":[{"arn":"a","trustPolicy":{"a":{"b":1},"b":{"b":1e400}}}]}`,
		`{"roles":[{"arn":"a","trustPolicy":[1]}]}`, `{"roles":[{"arn":"a","trustPolicy":null,"tags":[null,{"key":"k"}]}]}`,
		`{"roles":[{"arn":"a","trustPolicy":{"\u0061":1,"a":2}}]}`, `{"roles":[],"users":null,"organization":null}`,
		`{"organization":{"rootId":"r"},"backupVaults":[{"arn":"v","lock":{"mode":"governance","minRetentionDays":1}}]}`,
		`{"recoveryPoints":[{"arn":"r","restoreMetadata":{"a":"b","c":null}}]}`, `{"recoveryPoints":[{"restoreMetadata":{"a":"b","a":"c"}}]}`,
		`{"recoveryPoints":[{"restoreMetadata":{}}]}`, `{"policies":[{"arn":"p","document":{"n":[-1.5e-3,0,true,false,null]}}]}`,
		`{"policies":[{"arn":"p","document":{"n":-}}]}`, `{"policies":[{"arn":"p","document":{"n":1.}}]}`,
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

func TestFastDecodeSeeds(t *testing.T) {
	t.Parallel()
	for _, seed := range fastDecodeSeeds(t) {
		checkFastDecode(t, seed)
	}
}

// TestFastDecodeAcceptsSnapshots: the fast path takes every good snapshot
// of testdata (the slow path is for errors, not for these).
func TestFastDecodeAcceptsSnapshots(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := Save(&buf, Synthetic(30, 4), false); err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]byte{"synthetic": buf.Bytes()}
	files, _ := filepath.Glob("../testdata/*/*.json")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := decodeStrict(data, new(Snapshot)); err == nil {
			inputs[name] = data
		} else if sh, err := LoadShort(bytes.NewReader(data)); err == nil {
			// The short form, expanded and saved in the full form.
			var full bytes.Buffer
			if err := Save(&full, sh, false); err != nil {
				t.Fatal(err)
			}
			inputs[name+" (expanded)"] = full.Bytes()
		}
	}
	if len(inputs) < 5 {
		t.Fatalf("only %d snapshots to try", len(inputs))
	}
	for name, data := range inputs {
		if !fastDecode(data, new(Snapshot)) {
			t.Errorf("%s: fastDecode left a good snapshot to decodeStrict", name)
		}
	}
}
