// Command benchvs compares the throughput of `denied simulate --jsonl` with
// the validated path of the npm oracle (@cloud-copilot/iam-simulate's
// runSimulation) on the same generated cases. `make bench-vs` runs it.
//
// It writes K generated cases to a temporary JSONL file, builds
// ./cmd/denied into a temporary folder, times
//
//	denied simulate --jsonl < cases.jsonl > /dev/null
//
// (wall clock, including process start, parsing and output), runs
//
//	node tools/oracle/oracle.cjs --bench < cases.jsonl
//
// (which converts every case first and then times only its runSimulation
// loop), and prints both rates and their ratio. The oracle comes from
// $DENIED_ORACLE_DIR/node_modules or is installed with `npm ci` into a
// temporary folder. With -baseline BIN it also times another denied binary
// (one built from main, say) on the same cases in the same run.
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/internal/difftest"
)

func main() {
	n := flag.Int("n", 50000, "number of cases")
	seed := flag.Uint64("seed", 1, "generator seed")
	keep := flag.Bool("keep", false, "keep the temporary folder")
	baseline := flag.String("baseline", "", "another denied binary (say, built from main) to time on the same cases in the same run")
	flag.Parse()
	if err := run(*n, *seed, *keep, *baseline); err != nil {
		fmt.Fprintln(os.Stderr, "benchvs:", err)
		os.Exit(1)
	}
}

// countRE is the summary simulate prints when some cases are invalid.
var countRE = regexp.MustCompile(`^denied: [0-9]+ of [0-9]+ cases could not be evaluated[^\n]*\n?$`)

var rateRE = regexp.MustCompile(`rate=([0-9.]+) cases/s`)

func run(n int, seed uint64, keep bool, baseline string) error {
	ctx := context.Background()
	root, err := difftest.RepoRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "denied-benchvs-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("temporary folder:", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	bin := filepath.Join(tmp, "denied")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/denied")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/denied: %v\n%s", err, out)
	}

	oracleDir := filepath.Join(tmp, "oracle")
	if err := os.Mkdir(oracleDir, 0o755); err != nil {
		return err
	}
	nm, err := difftest.NodeModules(ctx, root, oracleDir)
	if err != nil {
		return err
	}
	workloads := []struct {
		name, about string
		write       func(path string) error
	}{
		{"small", "small cases (the target workload: one to three small policies each)", func(path string) error {
			return os.WriteFile(path, casegen.SmallCases(n), 0o600)
		}},
		{"generated", fmt.Sprintf("generated cases (every layer, conditions, variables; seed %d)", seed), func(path string) error {
			return writeCases(path, n, seed)
		}},
	}
	for _, w := range workloads {
		casesPath := filepath.Join(tmp, w.name+".jsonl")
		if err := w.write(casesPath); err != nil {
			return err
		}
		fmt.Printf("== %d %s\n", n, w.about)
		deniedRate, err := timeDenied(ctx, bin, casesPath, n)
		if err != nil {
			return err
		}
		fmt.Printf("denied: %.0f cases/s (simulate --jsonl, wall clock, process start included)\n", deniedRate)
		var baseRate float64
		if baseline != "" {
			if baseRate, err = timeDenied(ctx, baseline, casesPath, n); err != nil {
				return err
			}
			fmt.Printf("baseline %s: %.0f cases/s (denied/baseline = %.2fx)\n", baseline, baseRate, deniedRate/baseRate)
		}
		oracleRate, err := timeOracle(ctx, root, nm, casesPath)
		if err != nil {
			return err
		}
		fmt.Printf("oracle: %.0f cases/s (runSimulation, strict, validated; its loop alone)\n", oracleRate)
		fmt.Printf("denied/oracle = %.1fx\n", deniedRate/oracleRate)
		if baseline != "" {
			fmt.Printf("baseline/oracle = %.1fx\n", baseRate/oracleRate)
		}
	}
	return nil
}

func writeCases(path string, n int, seed uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	g := casegen.New(seed)
	for range n {
		w.Write(g.Next())
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func timeDenied(ctx context.Context, bin, casesPath string, n int) (float64, error) {
	in, err := os.Open(casesPath)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return 0, err
	}
	defer devnull.Close()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "simulate", "--jsonl")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = in, devnull, &stderr
	start := time.Now()
	err = cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		// A non-zero exit may only mean that some cases were denied or
		// invalid (with a one-line count on stderr); a crash prints more.
		if _, ok := err.(*exec.ExitError); !ok || (stderr.Len() > 0 && !countRE.Match(stderr.Bytes())) {
			return 0, fmt.Errorf("denied simulate --jsonl: %v\n%s", err, stderr.Bytes())
		}
	}
	return float64(n) / elapsed.Seconds(), nil
}

func timeOracle(ctx context.Context, root, nodeModules, casesPath string) (float64, error) {
	in, err := os.Open(casesPath)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	var stderr bytes.Buffer
	cmd := difftest.OracleCommand(ctx, root, nodeModules, "--bench")
	cmd.Stdin, cmd.Stderr = in, &stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("oracle --bench: %v\n%s", err, stderr.Bytes())
	}
	m := rateRE.FindSubmatch(stderr.Bytes())
	if m == nil {
		return 0, fmt.Errorf("oracle --bench printed no rate:\n%s", stderr.Bytes())
	}
	fmt.Print("  ", stderr.String())
	return strconv.ParseFloat(string(m[1]), 64)
}
