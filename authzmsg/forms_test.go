package authzmsg

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

const messagesDir = "../testdata/messages"

// formCase is one entry of testdata/messages/forms.json.
type formCase struct {
	Name      string `json:"name"`
	Source    string `json:"source"`
	Input     string `json:"input,omitempty"`
	InputFile string `json:"inputFile,omitempty"`
	// NoDenial: Parse must return ErrNoDenial.
	NoDenial bool           `json:"noDenial,omitempty"`
	Want     map[string]any `json:"want,omitempty"`
}

// requiredWant are the keys every case states.
var requiredWant = []string{"form", "principal", "action", "resource", "policyType", "decision"}

func loadFormCases(t testing.TB) []formCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(messagesDir, "forms.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []formCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("forms.json: %v", err)
	}
	for i := range cases {
		if cases[i].InputFile != "" {
			in, err := os.ReadFile(filepath.Join(messagesDir, cases[i].InputFile))
			if err != nil {
				t.Fatalf("%s: %v", cases[i].Name, err)
			}
			cases[i].Input = string(in)
		}
	}
	return cases
}

// project flattens the parts of a Denial that forms.json states.
func project(d *Denial) map[string]any {
	m := map[string]any{
		"form":                string(d.Form),
		"principal":           d.Principal.ARN,
		"principalKind":       string(d.Principal.Kind),
		"principalRedacted":   d.Principal.Redacted,
		"principalName":       d.Principal.Name,
		"session":             d.Principal.Session,
		"isBackupSession":     d.Principal.IsBackupSession,
		"backupRole":          d.Principal.BackupRole,
		"action":              d.Action,
		"resource":            d.Resource,
		"resourceKind":        d.ResourceKind,
		"policyType":          string(d.PolicyType),
		"decision":            string(d.Decision),
		"policyArn":           d.PolicyARN,
		"transitive":          d.Transitive,
		"resourceMayNotExist": d.ResourceMayNotExist,
		"errorCode":           d.ErrorCode,
		"operation":           d.Operation,
		"service":             d.Service,
		"httpStatus":          float64(d.HTTPStatus),
		"requestId":           d.RequestID,
		"encodedLen":          float64(len(d.Encoded)),
		"encodedPrefix":       prefix(d.Encoded, 12),
		"encodedTruncated":    d.EncodedTruncated,
		"encodedOmitted":      d.EncodedOmitted,
		"region":              d.Region,
		"accountId":           d.AccountID,
		"redacted":            strSlice(d.Redacted),
		"decoded":             d.Decoded != nil,
		"contextKeys":         strSlice(sortedKeys(d.Context)),
	}
	if d.Backup != nil {
		m["backupId"] = d.Backup.ID
		m["backupLayer"] = d.Backup.Layer
		m["backupRoleArn"] = d.Backup.RoleARN
		m["backupResourceArn"] = d.Backup.ResourceARN
		m["backupArns"] = strSlice(d.Backup.ARNs)
	} else {
		m["backupId"] = ""
	}
	return m
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func strSlice(s []string) []any {
	out := make([]any, 0, len(s))
	for _, x := range s {
		out = append(out, x)
	}
	return out
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestForms(t *testing.T) {
	t.Parallel()
	cases := loadFormCases(t)
	if n := len(cases); n < 45 {
		t.Fatalf("forms.json has %d cases, want at least 45", n)
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.Name] {
			t.Fatalf("duplicate case name %q", c.Name)
		}
		seen[c.Name] = true
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			d, err := Parse(c.Input)
			if c.NoDenial {
				if !errors.Is(err, ErrNoDenial) {
					t.Fatalf("Parse: got %v, %v; want ErrNoDenial", d, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got := project(d)
			if os.Getenv("AUTHZMSG_DUMP") != "" {
				b, _ := json.Marshal(got)
				fmt.Printf("DUMP %s %s\n", c.Name, b)
			}
			for _, k := range requiredWant {
				if _, ok := c.Want[k]; !ok {
					t.Errorf("forms.json: want has no %q", k)
				}
			}
			for k, w := range c.Want {
				g, ok := got[k]
				if !ok {
					t.Errorf("forms.json: unknown want key %q", k)
					continue
				}
				if !reflect.DeepEqual(normalizeWant(w), g) {
					t.Errorf("%s: got %#v, want %#v", k, g, w)
				}
			}
			if d.Action != "" && !ValidAction(d.Action) {
				t.Errorf("action %q is not svc:Name shaped", d.Action)
			}
			if d.Raw == "" {
				t.Errorf("Raw is empty")
			}
		})
	}
}

// normalizeWant makes JSON-decoded wants comparable with project's values.
func normalizeWant(w any) any {
	if a, ok := w.([]any); ok {
		if a == nil {
			return []any{}
		}
		return a
	}
	return w
}

// TestFormsCoverage checks that the table exercises every form, policy
// type, decision and AWS Backup pattern.
func TestFormsCoverage(t *testing.T) {
	t.Parallel()
	got := map[string]bool{}
	for _, c := range loadFormCases(t) {
		for _, k := range []string{"form", "policyType", "decision", "backupId"} {
			if v, ok := c.Want[k].(string); ok {
				got[k+"="+v] = true
			}
		}
	}
	var missing []string
	for _, f := range []Form{FormPlain, FormCLI, FormSDKGo, FormSDKJS, FormTerraform, FormCloudTrail, FormBackupJob, FormDecoded, FormConsole, FormEC2Encoded, FormLegacy} {
		if !got["form="+string(f)] {
			missing = append(missing, "form "+string(f))
		}
	}
	for _, p := range []PolicyType{PolicyIdentity, PolicyResource, PolicyPermissionsBoundary, PolicySession, PolicySCP, PolicyRCP, PolicyVPCEndpoint, PolicyTrust, PolicyUnknown} {
		if !got["policyType="+string(p)] {
			missing = append(missing, "policy type "+string(p))
		}
	}
	for _, d := range []Decision{ImplicitDeny, ExplicitDeny, DecisionUnknown} {
		if !got["decision="+string(d)] {
			missing = append(missing, "decision "+string(d))
		}
	}
	for _, p := range backupPatterns() {
		if !got["backupId="+p.id] {
			missing = append(missing, "backup pattern "+p.id)
		}
	}
	if len(missing) > 0 {
		t.Errorf("forms.json covers no case of: %s", strings.Join(missing, ", "))
	}
}
