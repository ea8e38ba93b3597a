package testutil

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// ModuleRoot returns the directory of the module's go.mod, found from the
// test's working directory upwards.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = up
	}
}

// PolicyDocuments returns the policy documents found in the module's
// testdata: every .json file whole, every object in one that has a
// "Statement" member (its bytes as written), and every string in one
// whose content looks like a document (a JSON-encoded or URL-encoded
// PolicyDocument), decoded from JSON; also every file of the fuzz corpora
// (testdata/fuzz), the bytes each one holds. Order is deterministic.
func PolicyDocuments(t testing.TB) [][]byte {
	t.Helper()
	root := ModuleRoot(t)
	var out [][]byte
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == ".git" || n == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.Contains(filepath.ToSlash(path), "/testdata/") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(filepath.ToSlash(path), "/testdata/fuzz/") {
			out = append(out, fuzzValues(data)...)
			return nil
		}
		if !strings.HasSuffix(path, ".json") && !strings.HasSuffix(path, ".jsonl") {
			return nil
		}
		out = append(out, data)
		if strings.HasSuffix(path, ".jsonl") {
			for _, line := range bytes.Split(data, []byte("\n")) {
				out = appendDocs(out, line, 0)
			}
			return nil
		}
		out = appendDocs(out, data, 0)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// appendDocs appends the documents inside the JSON value raw.
func appendDocs(out [][]byte, raw []byte, depth int) [][]byte {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || depth > 20 {
		return out
	}
	switch raw[0] {
	case '{':
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			return out
		}
		if _, ok := m["Statement"]; ok {
			out = append(out, raw)
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = appendDocs(out, m[k], depth+1)
		}
	case '[':
		var a []json.RawMessage
		if json.Unmarshal(raw, &a) != nil {
			return out
		}
		for _, v := range a {
			out = appendDocs(out, v, depth+1)
		}
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return out
		}
		if t := strings.TrimSpace(s); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "%7B") || strings.HasPrefix(t, "%7b") {
			out = append(out, []byte(s))
		}
	}
	return out
}

// fuzzValues returns the []byte and string values of a fuzz corpus file
// ("go test fuzz v1" then one Go literal a line).
func fuzzValues(data []byte) [][]byte {
	var out [][]byte
	for _, line := range strings.Split(string(data), "\n") {
		for _, pre := range []string{"[]byte(", "string("} {
			if !strings.HasPrefix(line, pre) || !strings.HasSuffix(line, ")") {
				continue
			}
			lit := line[len(pre) : len(line)-1]
			if s, err := strconv.Unquote(lit); err == nil {
				out = append(out, []byte(s))
			}
		}
	}
	return out
}
