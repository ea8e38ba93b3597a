// Package difftest holds the differential tests that compare denied's
// engine with a peer implementation, the npm package
// @cloud-copilot/iam-simulate, run as a separate Node process (see
// tools/oracle). The peer is not the truth: disagreements that are settled
// in AWS's documentation are recorded in testdata/adjudicated.
//
// This file has the helpers shared by the test and by cmd/benchvs: finding
// the repository, installing the oracle into a temporary folder and talking
// to it.
//
// Its non-test code imports nothing of this module (its tests use simulate and casegen);
// product code must not import it.
package difftest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// OracleDirEnv names the environment variable that points at a folder
// holding an installed oracle (its node_modules), to skip `npm ci`.
const OracleDirEnv = "DENIED_ORACLE_DIR"

// RepoRoot returns the root of the repository (the folder holding go.mod),
// searching upwards from the working directory.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// OracleScript returns the path of tools/oracle/oracle.cjs.
func OracleScript(root string) string { return filepath.Join(root, "tools", "oracle", "oracle.cjs") }

// ErrNoNode reports that node or npm is not installed.
var ErrNoNode = errors.New("node and npm are needed to run the oracle")

// NodeModules returns the node_modules folder of an installed oracle. With
// DENIED_ORACLE_DIR set it returns $DENIED_ORACLE_DIR/node_modules;
// otherwise it copies tools/oracle/package.json and package-lock.json into
// tmp and runs `npm ci` there; npm's output is in the error on failure.
func NodeModules(ctx context.Context, root, tmp string) (string, error) {
	if _, err := exec.LookPath("node"); err != nil {
		return "", ErrNoNode
	}
	if dir := os.Getenv(OracleDirEnv); dir != "" {
		nm := filepath.Join(dir, "node_modules")
		if _, err := os.Stat(filepath.Join(nm, "@cloud-copilot", "iam-simulate")); err != nil {
			return "", fmt.Errorf("%s=%s: no @cloud-copilot/iam-simulate under node_modules: %w", OracleDirEnv, dir, err)
		}
		return nm, nil
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return "", ErrNoNode
	}
	for _, f := range []string{"package.json", "package-lock.json"} {
		data, err := os.ReadFile(filepath.Join(root, "tools", "oracle", f))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(tmp, f), data, 0o644); err != nil {
			return "", err
		}
	}
	cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")
	cmd.Dir = tmp
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("npm ci in %s: %v\n%s", tmp, err, bytes.TrimSpace(out))
	}
	return filepath.Join(tmp, "node_modules"), nil
}

// OracleCommand returns the command that runs the oracle with the given
// extra arguments.
func OracleCommand(ctx context.Context, root, nodeModules string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "node", append([]string{OracleScript(root)}, args...)...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+nodeModules)
	return cmd
}

// Answer is one line of the oracle's output.
type Answer struct {
	ID       string   `json:"id"`
	Decision string   `json:"decision,omitempty"`
	Error    string   `json:"error,omitempty"`
	Ignored  []string `json:"ignored,omitempty"`
}

// RunOracle sends every case to one oracle process, streaming stdin and
// stdout concurrently, and returns its answers in case order.
func RunOracle(ctx context.Context, root, nodeModules string, cases [][]byte) ([]Answer, error) {
	cmd := OracleCommand(ctx, root, nodeModules)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	writeErr := make(chan error, 1)
	go func() {
		w := bufio.NewWriterSize(stdin, 1<<16)
		var err error
		for _, c := range cases {
			if bytes.ContainsAny(c, "\n\r") {
				c = compact(c)
			}
			if _, err = w.Write(c); err != nil {
				break
			}
			if err = w.WriteByte('\n'); err != nil {
				break
			}
		}
		if err == nil {
			err = w.Flush()
		}
		if cerr := stdin.Close(); err == nil {
			err = cerr
		}
		writeErr <- err
	}()
	answers := make([]Answer, 0, len(cases))
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<26)
	for sc.Scan() {
		var a Answer
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			_ = cmd.Process.Kill()
			return nil, fmt.Errorf("oracle output line %d: %v: %q", len(answers)+1, err, sc.Text())
		}
		answers = append(answers, a)
	}
	scanErr := sc.Err()
	if scanErr != nil {
		_ = cmd.Process.Kill()
		_, _ = io.Copy(io.Discard, stdout)
	}
	werr := <-writeErr
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("oracle: %v\n%s", err, tail(stderr.String(), 4000))
	}
	if scanErr != nil {
		return nil, scanErr
	}
	if werr != nil {
		return nil, fmt.Errorf("writing to the oracle: %v", werr)
	}
	if len(answers) != len(cases) {
		return nil, fmt.Errorf("oracle answered %d of %d cases\n%s", len(answers), len(cases), tail(stderr.String(), 4000))
	}
	return answers, nil
}

func compact(c []byte) []byte {
	var b bytes.Buffer
	if err := json.Compact(&b, c); err != nil {
		return bytes.ReplaceAll(bytes.ReplaceAll(c, []byte("\r"), nil), []byte("\n"), []byte(" "))
	}
	return b.Bytes()
}

func tail(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}
