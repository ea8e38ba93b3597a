// Package testutil holds small helpers for tests: starting real local
// stand-ins for AWS.
//
// Only tests import it; it must not be imported by product code.
package testutil

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// motoStartTimeout bounds moto_server's start: importing moto takes a
// second or two on an idle machine and many times that on a loaded one
// (several go test ./... at once on 2 CPUs).
const motoStartTimeout = 3 * time.Minute

// StartMoto starts moto_server on a free loopback port for the test and
// returns its endpoint URL. The server is stopped when the test ends. The
// test is skipped when moto_server is not installed, unless CI=true, where
// that is a failure.
//
// Each call gets a server of its own, whose state no other test (of this
// package, another package's test binary or another go test on the
// machine) can see: the port is bound here and its socket handed to
// moto_server (werkzeug serves an inherited socket named by
// WERKZEUG_SERVER_FD, as its reloader does), so that no other server can
// take the port between choosing it and moto_server listening, and the
// server that answers on it is this one. Asking moto_server to bind a port
// that was free a moment ago let a second server fail to bind ("Address
// already in use") while the test went on with the first one's state
// (AlreadyInOrganizationException, AlreadyExistsException).
func StartMoto(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("moto_server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("moto_server is not installed: %v", err)
		}
		t.Skipf("moto_server is not installed: %v", err)
	}
	l, err := net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	sock, err := l.File() // a blocking duplicate, for the child
	l.Close()             // the duplicate keeps the port bound and listening
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	cmd.Env = append(os.Environ(), "MOTO_ALLOW_NONEXISTENT_REGION=true",
		"WERKZEUG_RUN_MAIN=true", "WERKZEUG_SERVER_FD=3")
	cmd.ExtraFiles = []*os.File{sock} // fd 3
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Start()
	sock.Close()
	if err != nil {
		cancel()
		t.Fatalf("starting moto_server: %v", err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		cancel()
		<-exited
	})
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	client := &http.Client{Timeout: 10 * time.Second}
	deadline := time.Now().Add(motoStartTimeout)
	for {
		select {
		case <-exited:
			t.Fatalf("moto_server on %s exited before answering (%v):\n%s", url, cmd.ProcessState, out.String())
		default:
		}
		resp, err := client.Get(url + "/moto-api/")
		if err == nil {
			resp.Body.Close()
			return url
		}
		if time.Now().After(deadline) {
			t.Fatalf("moto_server did not answer on %s within %v: %v\n%s", url, motoStartTimeout, err, out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// lockedBuffer is the start of moto_server's output (it logs every
// request after), written by the exec package's copying goroutine and read
// by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := 64<<10 - b.b.Len(); room > 0 {
		b.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
