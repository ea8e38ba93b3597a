package testutil

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// The harness starts a real moto_server that the AWS SDK for Go v2 talks
// to: STS GetCallerIdentity answers with moto's default account.
func TestStartMoto(t *testing.T) {
	url := StartMoto(t)
	client := sts.New(sts.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", ""),
	})
	out, err := client.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatalf("GetCallerIdentity against moto: %v", err)
	}
	if out.Account == nil || len(*out.Account) != 12 || !strings.HasPrefix(aws.ToString(out.Arn), "arn:aws:") {
		t.Fatalf("unexpected identity %+v", out)
	}
}

// fatalTB records StartMoto's Fatalf instead of failing the test.
type fatalTB struct {
	testing.TB
	fatal string
}

func (f *fatalTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (f *fatalTB) Fatal(args ...any) {
	f.fatal = fmt.Sprint(args...)
	runtime.Goexit()
}

// A moto_server that cannot serve its port (here: another server took it
// first, as a test of another package started at the same moment did, and
// this one exited with "Address already in use") fails the test: the
// server answering on the port is not the test's own, its state is
// another test's. StartMoto once went on with whatever answered there.
func TestStartMotoPortTakenByAnotherServer(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "other.pid")
	// The fake moto_server starts "another test's server" on the port it
	// is given, if it can bind it, then exits as a moto_server that could
	// not bind does.
	script := fmt.Sprintf(`#!/bin/sh
port=$4
%q -m http.server "$port" --bind 127.0.0.1 </dev/null >/dev/null 2>&1 3>&- &
echo $! > %q
sleep 1
echo "Port $port is in use by another program." >&2
exit 1
`, py, pidFile)
	if err := os.WriteFile(filepath.Join(dir, "moto_server"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Cleanup(func() {
		if b, err := os.ReadFile(pidFile); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
				if p, err := os.FindProcess(pid); err == nil {
					_ = p.Kill()
					_, _ = p.Wait()
				}
			}
		}
	})
	f := &fatalTB{TB: t}
	done := make(chan string)
	go func() {
		var url string
		defer func() { done <- url }()
		url = StartMoto(f)
	}()
	if url := <-done; url != "" || !strings.Contains(f.fatal, "exited before answering") {
		t.Fatalf("StartMoto returned %q (fatal %q), want a failure: the server on the port is not the one it started", url, f.fatal)
	}
}
