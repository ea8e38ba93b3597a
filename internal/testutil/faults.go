package testutil

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// Fault is what the fault proxy does with one request.
type Fault int

// Faults.
const (
	Pass        Fault = iota // forward to the target
	Slow                     // forward after a short delay (SlowDelay)
	Error500                 // 500 InternalFailure
	Throttle400              // 400 ThrottlingException (Throttling for the query protocol)
	Throttle503              // 503 ServiceUnavailable with a throttling code
	Reset                    // reset the connection (TCP RST), no reply
	Close                    // close the connection without a reply
	Stall                    // 200 and part of a body, then nothing until the client gives up
	Hang                     // accept the request and never answer
	Echo                     // 500 whose message echoes the request's credentials headers
	Lost                     // forward to the target, then reset the connection: the answer is lost
)

// SlowDelay is the delay of a Slow fault.
const SlowDelay = 150 * time.Millisecond

var faultNames = [...]string{"pass", "slow", "500", "throttle-400", "throttle-503", "reset", "close", "stall", "hang", "echo", "lost"}

func (f Fault) String() string {
	if int(f) < len(faultNames) {
		return faultNames[f]
	}
	return fmt.Sprintf("fault(%d)", int(f))
}

// Plan chooses the fault for an attempt of a request. key identifies the
// request across its retries (method, URI, X-Amz-Target and body); attempt
// counts from 1.
type Plan func(r *http.Request, key string, attempt int) Fault

// FaultProxy is a loopback HTTP proxy in front of an AWS stand-in that
// answers some attempts with faults.
type FaultProxy struct {
	URL string

	mu       sync.Mutex
	attempts map[string]int
	counts   map[Fault]int
	done     chan struct{}
}

// StartFaultProxy starts a proxy in front of target, stopped when the test
// ends.
func StartFaultProxy(t testing.TB, target string, plan Plan) *FaultProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &FaultProxy{attempts: map[string]int{}, counts: map[Fault]int{}, done: make(chan struct{})}
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.ErrorLog = nil
	rp.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		// the client gave up (a timeout) while the target answered
		w.WriteHeader(http.StatusBadGateway)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		key := r.Method + " " + r.URL.RequestURI() + " " + r.Header.Get("X-Amz-Target") + " " + string(body)
		p.mu.Lock()
		p.attempts[key]++
		n := p.attempts[key]
		p.mu.Unlock()
		f := plan(r, key, n)
		p.mu.Lock()
		p.counts[f]++
		p.mu.Unlock()
		p.serve(w, r, f, rp)
	}))
	p.URL = srv.URL
	t.Cleanup(func() {
		close(p.done)
		srv.CloseClientConnections()
		srv.Close()
	})
	return p
}

// Counts returns how many times each fault was served.
func (p *FaultProxy) Counts() map[Fault]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[Fault]int{}
	for k, v := range p.counts {
		out[k] = v
	}
	return out
}

func (p *FaultProxy) wait(r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-p.done:
	}
}

func (p *FaultProxy) serve(w http.ResponseWriter, r *http.Request, f Fault, rp *httputil.ReverseProxy) {
	switch f {
	case Slow:
		select {
		case <-time.After(SlowDelay):
		case <-p.done:
			return
		}
		rp.ServeHTTP(w, r)
	case Error500:
		WriteAWSError(w, r, 500, "InternalFailure", "We encountered an internal error. Please try again.")
	case Throttle400:
		code := "ThrottlingException"
		if queryProtocol(r) {
			code = "Throttling"
		}
		WriteAWSError(w, r, 400, code, "Rate exceeded")
	case Throttle503:
		WriteAWSError(w, r, 503, "ThrottlingException", "Rate exceeded")
	case Lost:
		rp.ServeHTTP(httptest.NewRecorder(), r)
		fallthrough
	case Reset, Close:
		hj, ok := w.(http.Hijacker)
		if !ok {
			panic("fault proxy: no hijacker")
		}
		conn, _, err := hj.Hijack()
		if err != nil {
			return
		}
		if tc, ok := conn.(*net.TCPConn); ok && f != Close {
			_ = tc.SetLinger(0) // close sends RST
		}
		conn.Close()
	case Stall:
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "4096")
		w.WriteHeader(200)
		_, _ = w.Write([]byte("{"))
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		p.wait(r)
	case Hang:
		p.wait(r)
	case Echo:
		WriteAWSError(w, r, 500, "InternalFailure", "request headers: X-Amz-Security-Token: "+r.Header.Get("X-Amz-Security-Token")+
			"; Authorization: "+r.Header.Get("Authorization"))
	default:
		rp.ServeHTTP(w, r)
	}
}

func queryProtocol(r *http.Request) bool {
	return r.Header.Get("X-Amz-Target") == "" && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded")
}

// WriteAWSError answers r with an AWS error in r's protocol: JSON 1.0/1.1
// (X-Amz-Target), query (form body: the XML ErrorResponse of IAM and STS),
// else REST-JSON (the X-Amzn-Errortype header of AWS Backup).
func WriteAWSError(w http.ResponseWriter, r *http.Request, status int, code, message string) {
	w.Header().Set("X-Amzn-Requestid", "00000000-0000-4000-8000-000000000000")
	switch {
	case r.Header.Get("X-Amz-Target") != "":
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"__type": code, "message": message})
	case queryProtocol(r):
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(status)
		var esc bytes.Buffer
		_ = xml.EscapeText(&esc, []byte(message))
		fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>00000000-0000-4000-8000-000000000000</RequestId></ErrorResponse>`, code, esc.String())
	default:
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Amzn-Errortype", code)
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"message": message})
	}
}

// Unanswering is a loopback TCP listener that accepts connections and
// never answers: the endpoint that hangs. It is closed when the test ends.
func Unanswering(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			go func() { _, _ = io.Copy(io.Discard, c) }()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return "http://" + l.Addr().String()
}

// DeadEndpoint is a loopback URL nothing listens on (connection refused).
func DeadEndpoint(t testing.TB) string {
	t.Helper()
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("http://127.0.0.1:%d", port)
}

// FaultKinds are the faults Transient serves.
var FaultKinds = []Fault{Error500, Throttle400, Throttle503, Reset, Close, Slow, Stall, Hang, Echo}

// Transient is a plan under which every request gets 0 to maxFaults
// faults (by a hash of its key) before it passes, and a request whose key
// contains one of once at most one. The kinds of FaultKinds take turns, so
// each is served once enough faults were. A client making more than
// maxFaults attempts (and two for the once requests) reads everything.
func Transient(maxFaults int, once ...string) Plan {
	var mu sync.Mutex
	served := 0
	return func(r *http.Request, key string, attempt int) Fault {
		h := fnv.New32a()
		h.Write([]byte(key))
		faults := int(h.Sum32() % uint32(maxFaults+1))
		for _, o := range once {
			if strings.Contains(key, o) {
				faults = min(faults, 1)
			}
		}
		if attempt > faults {
			return Pass
		}
		mu.Lock()
		defer mu.Unlock()
		served++
		return FaultKinds[(served-1)%len(FaultKinds)]
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
