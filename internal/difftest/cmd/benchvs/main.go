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
// (one built from main, say) on the same cases in the same run. Each denied
// binary runs -runs times (3 by default), the binaries alternating, and the
// median rate is the one compared: on a shared machine one run swings with
// the load. Each run's CPU time (user + system) and peak RSS are printed
// too: CPU time is the steadier measure of the work when other processes
// compete for the cores.
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
	"slices"
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
	runs := flag.Int("runs", 3, "runs of each denied binary, alternating; the median rate is compared")
	flag.Parse()
	if *runs < 1 {
		fmt.Fprintln(os.Stderr, "benchvs: -runs must be at least 1")
		os.Exit(2)
	}
	if err := run(*n, *seed, *keep, *baseline, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "benchvs:", err)
		os.Exit(1)
	}
}

// countRE is the summary simulate prints when some cases are invalid.
var countRE = regexp.MustCompile(`^denied: [0-9]+ of [0-9]+ cases could not be evaluated[^\n]*\n?$`)

var rateRE = regexp.MustCompile(`rate=([0-9.]+) cases/s`)

func run(n int, seed uint64, keep bool, baseline string, runs int) error {
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
		var mine, base []measure
		for i := 0; i < runs; i++ {
			m, err := timeDenied(ctx, bin, casesPath, n)
			if err != nil {
				return err
			}
			mine = append(mine, m)
			fmt.Printf("  denied run %d: %s\n", i+1, m)
			if baseline != "" {
				m, err := timeDenied(ctx, baseline, casesPath, n)
				if err != nil {
					return err
				}
				base = append(base, m)
				fmt.Printf("  baseline run %d: %s\n", i+1, m)
			}
		}
		deniedRate := median(mine)
		fmt.Printf("denied: %.0f cases/s (simulate --jsonl, wall clock, process start included; median of %d); median CPU %.2f s, %.1f µs a case\n", deniedRate, runs, medianCPU(mine).Seconds(), float64(medianCPU(mine).Microseconds())/float64(n))
		var baseRate float64
		if baseline != "" {
			baseRate = median(base)
			fmt.Printf("baseline %s: %.0f cases/s (median of %d; denied/baseline = %.2fx)\n", baseline, baseRate, runs, deniedRate/baseRate)
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

// measure is one timed run of a denied binary.
type measure struct {
	rate   float64 // cases a second of wall clock
	cpu    time.Duration
	maxRSS int64 // KB, where the system reports it
}

func (m measure) String() string {
	s := fmt.Sprintf("%.0f cases/s, %.2f CPU-s", m.rate, m.cpu.Seconds())
	if m.maxRSS > 0 {
		s += fmt.Sprintf(", peak RSS %d MB", m.maxRSS>>10)
	}
	return s
}

// median is the median rate of ms (the mean of the middle two for an
// even count).
func median(ms []measure) float64 {
	r := make([]float64, len(ms))
	for i, m := range ms {
		r[i] = m.rate
	}
	slices.Sort(r)
	if len(r)%2 == 1 {
		return r[len(r)/2]
	}
	return (r[len(r)/2-1] + r[len(r)/2]) / 2
}

// medianCPU is the median CPU time of ms.
func medianCPU(ms []measure) time.Duration {
	c := make([]time.Duration, len(ms))
	for i, m := range ms {
		c[i] = m.cpu
	}
	slices.Sort(c)
	return c[len(c)/2]
}

func timeDenied(ctx context.Context, bin, casesPath string, n int) (measure, error) {
	in, err := os.Open(casesPath)
	if err != nil {
		return measure{}, err
	}
	defer in.Close()
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return measure{}, err
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
			return measure{}, fmt.Errorf("denied simulate --jsonl: %v\n%s", err, stderr.Bytes())
		}
	}
	m := measure{rate: float64(n) / elapsed.Seconds()}
	if ps := cmd.ProcessState; ps != nil {
		m.cpu = ps.UserTime() + ps.SystemTime()
		m.maxRSS = maxRSS(ps)
	}
	return m, nil
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
