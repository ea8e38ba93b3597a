package testutil

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"github.com/deniedhq/denied/internal/arn"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// OrgGate is a proxy in front of moto_server for organization tests. moto
// lets anyone assume any role name, existing or not; the gate refuses
// sts:AssumeRole as AWS does (403 AccessDenied, "User: ... is not
// authorized to perform: sts:AssumeRole on resource: ...") when the role
// does not exist in the target account, or its trust policy has a
// StringEquals sts:ExternalId condition the request does not meet. It
// answers backup:DescribeGlobalSettings (GET /global-settings, which moto
// lacks) with GlobalSettings when that is set. Everything else goes to moto.
type OrgGate struct {
	URL string // the endpoint to give the SDK

	// Latency is added before every answer: AWS is a network round trip
	// away, moto on loopback is not. Set it before the first request.
	Latency time.Duration

	// GlobalSettings is the answer of DescribeGlobalSettings; nil passes
	// the request to moto (which answers 404).
	GlobalSettings map[string]string

	mu       sync.Mutex
	deny     map[string]bool // X-Amz-Target values refused
	assumed  map[string]int  // role ARN → successful AssumeRole calls
	refused  map[string]int
	inFlight int // AssumeRole calls being answered
	maxIn    int
	holdN    int
	release  chan struct{} // closed when holdN calls were held together
	holdFor  time.Duration
}

// Deny makes the gate refuse a JSON-protocol operation, named by its
// X-Amz-Target ("AWSOrganizationsV20161128.ListRoots"), with AWS's
// AccessDeniedException.
func (g *OrgGate) Deny(target string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.deny == nil {
		g.deny = map[string]bool{}
	}
	g.deny[target] = true
}

// HoldAssumeRole makes each sts:AssumeRole wait until n of them are
// waiting together, or wait has passed: n held together is the proof that
// n accounts are being collected at once. Held reports whether it happened.
func (g *OrgGate) HoldAssumeRole(n int, wait time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.holdN, g.holdFor, g.release = n, wait, make(chan struct{})
}

// Held reports whether the calls HoldAssumeRole waited for came together.
func (g *OrgGate) Held() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.release == nil {
		return false
	}
	select {
	case <-g.release:
		return true
	default:
		return false
	}
}

// MaxAssumeRoleInFlight is the most sts:AssumeRole calls answered at once.
func (g *OrgGate) MaxAssumeRoleInFlight() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.maxIn
}

func (g *OrgGate) enter() {
	g.mu.Lock()
	g.inFlight++
	g.maxIn = max(g.maxIn, g.inFlight)
	rel, n, wait := g.release, g.holdN, g.holdFor
	if rel != nil && g.inFlight >= n {
		select {
		case <-rel:
		default:
			close(rel)
		}
	}
	g.mu.Unlock()
	if rel != nil {
		select {
		case <-rel:
		case <-time.After(wait):
		}
	}
}

func (g *OrgGate) leave() {
	g.mu.Lock()
	g.inFlight--
	g.mu.Unlock()
}

// StartOrgGate starts the gate in front of the moto endpoint moto.
func StartOrgGate(t testing.TB, moto string) *OrgGate {
	t.Helper()
	target, err := url.Parse(moto)
	if err != nil {
		t.Fatal(err)
	}
	g := &OrgGate{assumed: map[string]int{}, refused: map[string]int{}}
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g.Latency > 0 {
			time.Sleep(g.Latency)
		}
		if r.Method == http.MethodGet && strings.TrimSuffix(r.URL.Path, "/") == "/global-settings" {
			g.mu.Lock()
			gs := g.GlobalSettings
			g.mu.Unlock()
			if gs != nil {
				w.Header().Set("Content-Type", "application/json")
				json.NewEncoder(w).Encode(map[string]any{"GlobalSettings": gs, "LastUpdateTime": 1.7e9})
				return
			}
		}
		g.mu.Lock()
		denied := g.deny[r.Header.Get("X-Amz-Target")]
		g.mu.Unlock()
		if denied {
			w.Header().Set("Content-Type", "application/x-amz-json-1.1")
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, `{"__type":"AccessDeniedException","Message":"You don't have permissions to access this resource."}`)
			return
		}
		if r.Method == http.MethodPost && r.Body != nil {
			body, err := io.ReadAll(r.Body)
			r.Body.Close()
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			if form, err := url.ParseQuery(string(body)); err == nil && form.Get("Action") == "AssumeRole" {
				g.assumeRole(w, r, proxy, form, moto)
				return
			}
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	g.URL = srv.URL
	return g
}

// Assumed is the number of successful sts:AssumeRole calls of roleARN.
func (g *OrgGate) Assumed(roleARN string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.assumed[roleARN]
}

// Refused is the number of refused sts:AssumeRole calls of roleARN.
func (g *OrgGate) Refused(roleARN string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.refused[roleARN]
}

// AssumedTotal is the number of successful sts:AssumeRole calls.
func (g *OrgGate) AssumedTotal() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := 0
	for _, v := range g.assumed {
		n += v
	}
	return n
}

type assumeRoleResponse struct {
	Result struct {
		Credentials struct {
			AccessKeyID     string `xml:"AccessKeyId"`
			SecretAccessKey string `xml:"SecretAccessKey"`
			SessionToken    string `xml:"SessionToken"`
		} `xml:"Credentials"`
	} `xml:"AssumeRoleResult"`
}

func (g *OrgGate) assumeRole(w http.ResponseWriter, r *http.Request, proxy http.Handler, form url.Values, moto string) {
	roleARN := form.Get("RoleArn")
	g.enter()
	defer g.leave()
	rec := httptest.NewRecorder()
	proxy.ServeHTTP(rec, r)
	if rec.Code != http.StatusOK {
		copyResponse(w, rec)
		return
	}
	var out assumeRoleResponse
	if err := xml.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		http.Error(w, "gate: "+err.Error(), http.StatusInternalServerError)
		return
	}
	c := out.Result.Credentials
	why := g.refusal(r.Context(), moto, c.AccessKeyID, c.SecretAccessKey, c.SessionToken, roleARN, form.Get("ExternalId"))
	g.mu.Lock()
	if why == "" {
		g.assumed[roleARN]++
	} else {
		g.refused[roleARN]++
	}
	g.mu.Unlock()
	if why == "" {
		copyResponse(w, rec)
		return
	}
	// The answer of STS for a role that does not exist or does not trust
	// the caller (the same for both, by design).
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintf(w, `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/moto is not authorized to perform: sts:AssumeRole on resource: %s</Message></Error><RequestId>gate-%s</RequestId></ErrorResponse>`, xmlEscape(roleARN), why)
}

// refusal is why the role may not be assumed ("" when it may), read from
// moto's IAM with the credentials moto issued in the target account.
func (g *OrgGate) refusal(ctx context.Context, moto, key, secret, token, roleARN, externalID string) string {
	name := arn.Name(roleARN)
	c := iam.New(iam.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(moto),
		Credentials:  credentials.NewStaticCredentialsProvider(key, secret, token),
	})
	out, err := c.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(name)})
	var nse *iamtypes.NoSuchEntityException
	if errors.As(err, &nse) {
		return "no-such-role"
	}
	if err != nil {
		return "get-role-failed"
	}
	doc := aws.ToString(out.Role.AssumeRolePolicyDocument)
	if u, err := url.QueryUnescape(doc); err == nil {
		doc = u
	}
	var trust struct {
		Statement []struct {
			Condition map[string]map[string]any
		}
	}
	if err := json.Unmarshal([]byte(doc), &trust); err != nil {
		return "bad-trust-policy"
	}
	for _, st := range trust.Statement {
		if want, ok := st.Condition["StringEquals"]["sts:ExternalId"]; ok && fmt.Sprint(want) != externalID {
			return "external-id"
		}
	}
	return ""
}

func copyResponse(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
