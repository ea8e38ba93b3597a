package account

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deniedhq/denied/policy"
)

func save(t *testing.T, s *Snapshot, gz bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Save(&buf, s, gz); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	short := mustShort(t)
	for _, tc := range []struct {
		name string
		snap *Snapshot
		gz   bool
	}{
		{"synthetic", Synthetic(50, 7), false},
		{"synthetic-gzip", Synthetic(50, 7), true},
		{"short", short, false},
		{"short-gzip", short, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			first := save(t, tc.snap, tc.gz)
			if tc.gz != bytes.HasPrefix(first, gzipMagic) {
				t.Fatalf("gzip=%v but output starts %x", tc.gz, first[:2])
			}
			s2, err := Load(bytes.NewReader(first))
			if err != nil {
				t.Fatal(err)
			}
			if a, b := save(t, tc.snap, false), save(t, s2, false); !bytes.Equal(a, b) {
				t.Errorf("round trip changed the snapshot:\n%s\n----\n%s", a, b)
			}
		})
	}
}

func TestSyntheticDeterministic(t *testing.T) {
	t.Parallel()
	a, b := save(t, Synthetic(20, 3), false), save(t, Synthetic(20, 3), false)
	if !bytes.Equal(a, b) {
		t.Error("Synthetic is not deterministic")
	}
	if s := Synthetic(20, 3); len(s.Roles) != 20 {
		t.Errorf("%d roles", len(s.Roles))
	}
}

func TestWriteFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"snap.json", "snap.json.gz"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(path, Synthetic(3, 1)); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", name, fi.Mode().Perm())
		}
		s, err := LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Roles) != 3 {
			t.Errorf("%s: %d roles", name, len(s.Roles))
		}
	}
}

const minimal = `{"schemaVersion": 1, "accountId": "111122223333", "roles": [
  {"arn": "arn:aws:iam::111122223333:role/R", "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "backup.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}
]}`

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	gz := func(s string) string {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.String()
	}
	role := func(fields string) string {
		return `{"schemaVersion":1,"accountId":"111122223333","roles":[{"arn":"arn:aws:iam::111122223333:role/R","trustPolicy":{"Version":"2012-10-17","Statement":[]}},{` + fields + `}]}`
	}
	const trust = `"trustPolicy":{"Version":"2012-10-17","Statement":[]}`
	tests := []struct {
		name, in    string
		wantPointer string
		wantMsg     string
		wantLine    int
	}{
		{"unknown top-level field", `{"schemaVersion":1,"accountId":"1","rolez":[]}`, "/rolez", "unknown field", 0},
		{"unknown nested field", role(`"arn":"a",` + trust + `,"colour":"red"`), "/roles/1/colour", "unknown field", 0},
		{"field with wrong case", role(`"ARN":"a",` + trust), "/roles/1/ARN", "unknown field", 0},
		{"wrong type string", role(`"arn":5,` + trust), "/roles/1/arn", "expected a string, found a number", 0},
		{"wrong type list", role(`"arn":"a",` + trust + `,"managedPolicies":"x"`), "/roles/1/managedPolicies", "expected an array", 0},
		{"wrong type int", `{"schemaVersion":"1","accountId":"1"}`, "/schemaVersion", "expected an integer", 0},
		{"document of wrong type", role(`"arn":"a","trustPolicy":[1]`), "/roles/1/trustPolicy", "JSON object or a JSON string", 0},
		{"missing role arn", role(trust), "/roles/1/arn", `missing required field "arn"`, 0},
		{"missing trust policy", role(`"arn":"a"`), "/roles/1/trustPolicy", `missing required field "trustPolicy"`, 0},
		{"missing account", `{"schemaVersion":1}`, "/accountId", "missing required field", 0},
		{"missing schema version", `{"accountId":"1"}`, "/schemaVersion", "missing required field", 0},
		{"future schema version", `{"schemaVersion":2,"accountId":"1"}`, "/schemaVersion", "unsupported schema version 2", 0},
		{"bad key manager", `{"schemaVersion":1,"accountId":"1","kmsKeys":[{"arn":"k","keyManager":"ME"}]}`, "/kmsKeys/0/keyManager", "want", 0},
		{"bad org policy type", `{"schemaVersion":1,"accountId":"1","organization":{"rootId":"r","policies":[{"name":"n","type":"X","document":{"Version":"2012-10-17","Statement":[]}}]}}`, "/organization/policies/0/type", "want", 0},
		{"policy error", role(`"arn":"a",` + "\"inlinePolicies\":[{\"name\":\"p\",\"document\":{\"Version\":\"2012-10-17\",\n\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}}]," + trust), "/roles/1/inlinePolicies/0/document/Statement/0/Effect", "", 2},
		{"policy error in URL-encoded string", role(`"arn":"a",` + trust + `,"inlinePolicies":[{"name":"p","document":"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Maybe%22%2C%22Action%22%3A%22s3%3A*%22%2C%22Resource%22%3A%22*%22%7D%5D%7D"}]`), "/roles/1/inlinePolicies/0/document/Statement/0/Effect", "", 1},
		{"syntax error", "{\"schemaVersion\":1,\n\"accountId\": }", "/accountId", "invalid JSON", 2},
		{"trailing data", `{"schemaVersion":1,"accountId":"1"} {}`, "", "after the top-level value", 0},
		{"gzip unknown field", gz(`{"schemaVersion":1,"accountId":"1","x":1}`), "/x", "unknown field", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(strings.NewReader(tc.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if e.Pointer != tc.wantPointer || !strings.Contains(e.Message, tc.wantMsg) {
				t.Errorf("got %q (pointer %q), want pointer %q and message containing %q", err, e.Pointer, tc.wantPointer, tc.wantMsg)
			}
			if tc.wantLine != 0 && e.Line != tc.wantLine {
				t.Errorf("line %d, want %d (%v)", e.Line, tc.wantLine, err)
			}
			if !strings.Contains(err.Error(), tc.wantPointer) {
				t.Errorf("message %q does not name the pointer", err)
			}
		})
	}
}

func TestLoadMinimal(t *testing.T) {
	t.Parallel()
	s, err := Load(strings.NewReader(minimal))
	if err != nil {
		t.Fatal(err)
	}
	r, ok := s.Role("arn:aws:sts::111122223333:assumed-role/R/session")
	if !ok || r.ARN != "arn:aws:iam::111122223333:role/R" {
		t.Fatalf("Role by session = %v %v", r, ok)
	}
	if levels, err := s.SCPLevels("111122223333"); err != nil || levels != nil {
		t.Errorf("SCPLevels without an organisation = %v, %v", levels, err)
	}
}

func mustShort(t *testing.T) *Snapshot {
	t.Helper()
	f, err := os.Open("../testdata/account/short.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := LoadShort(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func names(nds []NamedDocument) []string {
	var out []string
	for _, nd := range nds {
		out = append(out, nd.Name)
		if p, fs := policy.Parse(nd.Document); p == nil || policy.HasErrors(fs) {
			panic("document of " + nd.Name + " does not parse: " + string(nd.Document))
		}
	}
	return out
}

func TestExpandShort(t *testing.T) {
	t.Parallel()
	s := mustShort(t)
	const (
		roleARN = "arn:aws:iam::111122223333:role/AWSBackupROLEEC2"
		restore = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
	)
	r, ok := s.Role(roleARN)
	if !ok {
		t.Fatal("role not found")
	}
	if got := string(r.TrustPolicy); got != `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"}}],"Version":"2012-10-17"}` {
		t.Errorf("trust policy %s", got)
	}
	ids, err := s.IdentityPolicies(roleARN)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(names(ids), ","), "extra,"+restore+",arn:aws:iam::111122223333:policy/PassRestoreRole"; got != want {
		t.Errorf("identity policies %s, want %s", got, want)
	}
	b, err := s.Boundary("arn:aws:sts::111122223333:assumed-role/AWSBackupROLEEC2/s1")
	if err != nil || b == nil || b.Name != "arn:aws:iam::aws:policy/PowerUserAccess" {
		t.Errorf("boundary %v %v", b, err)
	}
	if b, err := s.Boundary("arn:aws:iam::111122223333:role/AppRole"); err != nil || b != nil {
		t.Errorf("AppRole boundary %v %v", b, err)
	}
	// A user gets its own policies (the URL-encoded one decoded) then its groups'.
	ids, err = s.IdentityPolicies("arn:aws:iam::111122223333:user/alice")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names(ids), ","); got != "self,arn:aws:iam::aws:policy/ReadOnlyAccess" {
		t.Errorf("alice: %s", got)
	}
	levels, err := s.SCPLevels("111122223333")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range levels {
		got = append(got, l.Target+"="+strings.Join(names(l.Policies), "+"))
	}
	if want := "r-root=FullAWSAccess ou-prod=FullAWSAccess+DenyLeave 111122223333=FullAWSAccess"; strings.Join(got, " ") != want {
		t.Errorf("SCP levels %v, want %s", got, want)
	}
	if l, _ := s.SCPLevels("999988887777"); l != nil {
		t.Errorf("management account has SCP levels %v", l)
	}
	if len(s.InstanceProfiles) != 1 || s.InstanceProfiles[0].Roles[0] != "arn:aws:iam::111122223333:role/AppRole" {
		t.Errorf("instance profiles %+v", s.InstanceProfiles)
	}
	keyARN := "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	if v := s.BackupVaults[0]; v.EncryptionKeyARN != keyARN || v.Lock.MinRetentionDays != 7 {
		t.Errorf("vault %+v", v)
	}
	if p := s.BackupPlans[0]; p.Selections[0].IAMRoleARN != roleARN {
		t.Errorf("plan %+v", p)
	}
	rp := s.RecoveryPoints[0]
	if rp.InstanceProfileName() != "AppRole" || rp.EncryptionKeyARN != keyARN || rp.IAMRoleARN != roleARN || rp.ARN != "arn:aws:backup:eu-west-1:111122223333:recovery-point:rp-1" {
		t.Errorf("recovery point %+v", rp)
	}
}

func TestExpandErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, wantPointer, wantMsg string }{
		{"bad account", `{"account":"12"}`, "/account", "12-digit"},
		{"unknown field", `{"account":"111122223333","roles":{"R":{"trusts":"x"}}}`, "/roles/R/trusts", "unknown field"},
		{"unknown managed policy", `{"account":"111122223333","roles":{"R":{"managed":["NoSuchPolicyXYZ"]}}}`, "/roles/R/managed/0", "neither"},
		{"bad trust", `{"account":"111122223333","roles":{"R":{"trust":"bob"}}}`, "/roles/R/trust", "not a service principal"},
		{"bad inline", `{"account":"111122223333","roles":{"R":{"inline":{"p":{"Version":"2012-10-17","Statement":[{"Effect":"Nope","Action":"*","Resource":"*"}]}}}}}`, "/roles/R/inline/p/Statement/0/Effect", ""},
		{"unknown group", `{"account":"111122223333","users":{"u":{"groups":["g"]}}}`, "/users/u/groups/0", "not in"},
		{"unknown scp", `{"account":"111122223333","scps":{"r-root":["Nope"]}}`, "/scps/r-root/0", "built-in"},
		{"missing plan role", `{"account":"111122223333","plans":{"p":{"vault":"v"}}}`, "/plans/p/role", "missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := LoadShort(strings.NewReader(tc.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want *Error", err)
			}
			if e.Pointer != tc.wantPointer || !strings.Contains(e.Message, tc.wantMsg) {
				t.Errorf("got %q (pointer %q), want pointer %q, message containing %q", err, e.Pointer, tc.wantPointer, tc.wantMsg)
			}
		})
	}
}

func TestSnapshotIsJSON(t *testing.T) {
	t.Parallel()
	var m map[string]any
	if err := json.Unmarshal(save(t, mustShort(t), false), &m); err != nil {
		t.Fatal(err)
	}
	if m["schemaVersion"] != float64(SchemaVersion) {
		t.Errorf("schemaVersion %v", m["schemaVersion"])
	}
}

// An IAM ARN with a path names the role or user of that path only; one
// without a path (or a session ARN) finds it by name, whatever its path.
func TestLookupPath(t *testing.T) {
	s := &Snapshot{AccountID: "111122223333",
		Roles: []Role{{ARN: "arn:aws:iam::111122223333:role/service-role/Restore"}, {ARN: "arn:aws:iam::111122223333:role/Plain"}},
		Users: []User{{ARN: "arn:aws:iam::111122223333:user/ops/alice"}}}
	for _, tt := range []struct {
		ref  string
		want bool
	}{
		{"arn:aws:iam::111122223333:role/service-role/Restore", true},
		{"arn:aws:iam::111122223333:role/Restore", true},
		{"arn:aws:iam::111122223333:role/service-role/restore", true},
		{"arn:aws:sts::111122223333:assumed-role/Restore/s", true},
		{"arn:aws:iam::111122223333:role/other/Restore", false},
		{"arn:aws:iam::111122223333:role/Service-Role/Restore", false},
		{"arn:aws:iam::111122223333:role/service-role/Plain", false},
		{"arn:aws:iam::111122223333:role/Plain", true},
	} {
		if _, ok := s.Role(tt.ref); ok != tt.want {
			t.Errorf("Role(%s) found %v, want %v", tt.ref, ok, tt.want)
		}
	}
	for _, tt := range []struct {
		ref  string
		want bool
	}{
		{"arn:aws:iam::111122223333:user/ops/alice", true},
		{"arn:aws:iam::111122223333:user/alice", true},
		{"arn:aws:iam::111122223333:user/dev/alice", false},
	} {
		if _, ok := s.User(tt.ref); ok != tt.want {
			t.Errorf("User(%s) found %v, want %v", tt.ref, ok, tt.want)
		}
	}
}

// TestParseAnyReportsTheFormItLooksLike: a snapshot neither form reads is
// reported with the error of the form its top level names. The short
// form's typo was reported as the full form's `/account: unknown field
// "account"` before.
func TestParseAnyReportsTheFormItLooksLike(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, wantPointer string }{
		{"short form, unknown field", `{"account":"111122223333","unreadable":[]}`, "/unreadable"},
		{"short form, nested", `{"account":"111122223333","roles":{"R":{"trusts":"x"}}}`, "/roles/R/trusts"},
		{"full form, unknown field", `{"schemaVersion":1,"accountId":"111122223333","bogus":1}`, "/bogus"},
		{"full form with account too", `{"schemaVersion":1,"accountId":"111122223333","account":"111122223333"}`, "/account"},
		{"neither", `{"roles":5}`, "/roles"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := ParseAny([]byte(tc.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want *Error", err)
			}
			if e.Pointer != tc.wantPointer {
				t.Errorf("got %q (pointer %q), want pointer %q", err, e.Pointer, tc.wantPointer)
			}
		})
	}
	s, short, err := ParseAny([]byte(`{"account":"111122223333"}`))
	if err != nil || !short || s.AccountID != "111122223333" {
		t.Errorf("short form: %v %v %v", s, short, err)
	}
}
