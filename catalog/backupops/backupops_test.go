package backupops

import (
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/deniedhq/denied/catalog"
)

var knownParams = Params{}.values()

func TestOperationsWellFormed(t *testing.T) {
	ops := All()
	if len(ops) == 0 {
		t.Fatal("no operations")
	}
	validPrincipal := map[string]bool{Caller: true, JobRole: true, ServiceLinkedRole: true}
	validKind := map[string]bool{KindTrust: true, KindVaultPolicy: true, KindKeyPolicy: true, KindBucketPolicy: true, KindOrganization: true, KindService: true}
	tag := regexp.MustCompile(`^[SGPK][0-9]+$`) // K: AWS KMS documentation, cited by this catalog
	for i, op := range ops {
		if i > 0 && ops[i-1].ID >= op.ID {
			t.Errorf("operations not sorted/unique at %q", op.ID)
		}
		if got, ok := Lookup(op.ID); !ok || got.ID != op.ID {
			t.Errorf("Lookup(%q) failed", op.ID)
		}
		if op.Title == "" || len(op.Requirements) == 0 {
			t.Errorf("%s: empty title or requirements", op.ID)
		}
		if len(op.Sources) == 0 || len(op.URLs) != len(op.Sources) {
			t.Errorf("%s: no sources", op.ID)
		}
		for j, s := range op.Sources {
			if !tag.MatchString(s) || SourceURL(s) == "" || op.URLs[j] != SourceURL(s) || !strings.HasPrefix(op.URLs[j], "https://") {
				t.Errorf("%s: source %q has no URL", op.ID, s)
			}
		}
		hasCaller := false
		for _, r := range op.Requirements {
			if !validPrincipal[r.Principal] {
				t.Errorf("%s %s: bad principal %q", op.ID, r.Action, r.Principal)
			}
			hasCaller = hasCaller || r.Principal == Caller
			if len(r.Source) == 0 {
				t.Errorf("%s %s: no source", op.ID, r.Action)
			}
			for _, s := range r.Source {
				if SourceURL(s) == "" {
					t.Errorf("%s %s: source %q has no URL", op.ID, r.Action, s)
				}
			}
			if r.Resource == "" {
				t.Errorf("%s %s: empty resource", op.ID, r.Action)
			}
			if r.Resource != "*" && !strings.HasPrefix(r.Resource, "arn:") && !strings.HasPrefix(r.Resource, "${") {
				t.Errorf("%s %s: resource %q is neither * nor an ARN", op.ID, r.Action, r.Resource)
			}
			if r.Inferred && r.Note == "" {
				t.Errorf("%s %s: inferred without a note", op.ID, r.Action)
			}
			checkPlaceholders(t, op.ID, r.Resource)
			for k, v := range r.Context {
				if _, ok := catalog.LookupConditionKey(k); !ok {
					t.Errorf("%s %s: unknown condition key %q", op.ID, r.Action, k)
				}
				checkPlaceholders(t, op.ID, v)
			}
		}
		if !hasCaller {
			t.Errorf("%s: no caller requirement", op.ID)
		}
		for _, c := range op.Conditions {
			if !validKind[c.Kind] || c.Text == "" {
				t.Errorf("%s: bad condition %+v", op.ID, c)
			}
			if len(c.Source) == 0 && !c.Inferred {
				t.Errorf("%s: condition without source: %s", op.ID, c.Text)
			}
			for _, s := range c.Source {
				if SourceURL(s) == "" {
					t.Errorf("%s: condition source %q has no URL", op.ID, s)
				}
			}
		}
	}
}

func checkPlaceholders(t *testing.T, id, s string) {
	t.Helper()
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		if _, ok := knownParams[m[1]]; !ok {
			t.Errorf("%s: unknown placeholder %s in %q", id, m[0], s)
		}
	}
	if rest := placeholder.ReplaceAllString(s, ""); strings.Contains(rest, "${") {
		t.Errorf("%s: malformed placeholder in %q", id, s)
	}
}

// TestActionsInCatalog checks every action against the service catalog, in
// its canonical case.
func TestActionsInCatalog(t *testing.T) {
	seen := map[string]bool{}
	for _, op := range All() {
		for _, r := range op.Requirements {
			svc, name, ok := strings.Cut(r.Action, ":")
			if !ok || svc == "" || name == "" || strings.ContainsAny(r.Action, "*? ") {
				t.Errorf("%s: action %q is not service:Name", op.ID, r.Action)
				continue
			}
			a, ok := catalog.LookupAction(r.Action)
			if !ok {
				if !seen[r.Action] {
					t.Errorf("%s: action %s not in the service catalog", op.ID, r.Action)
				}
			} else if a.FullName() != r.Action {
				t.Errorf("%s: action %s is spelled %s in the catalog", op.ID, r.Action, a.FullName())
			}
			seen[r.Action] = true
		}
	}
	if len(seen) < 50 {
		t.Errorf("only %d distinct actions", len(seen))
	}
}

func TestExpectedIDs(t *testing.T) {
	want, err := os.ReadFile("testdata/ids.golden")
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, op := range All() {
		got.WriteString(op.ID + "\n")
	}
	if got.String() != string(want) {
		t.Errorf("operation IDs differ from testdata/ids.golden:\n%s", got.String())
	}
	for _, id := range []string{"create-vault", "create-vault/cmk", "put-vault-policy", "put-vault-lock", "create-plan", "create-selection",
		"backup/EC2", "backup/EBS", "backup/RDS", "backup/Aurora", "backup/DynamoDB", "backup/EFS", "backup/FSx", "backup/S3",
		"restore/EC2", "restore/EC2/original-role", "restore/EC2/instance-role", "restore/S3",
		"copy/same-region", "copy/cross-region", "copy/cross-account"} {
		if _, ok := Lookup(id); !ok {
			t.Errorf("missing %s", id)
		}
	}
	if _, ok := Lookup("restore/Nope"); ok {
		t.Error("Lookup of an unknown ID succeeded")
	}
}

var params = Params{
	Partition:        "aws",
	Region:           "eu-west-1",
	Account:          "111122223333",
	VaultName:        "v1",
	KeyARN:           "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	RoleARN:          "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole",
	InstanceRoleARN:  "arn:aws:iam::111122223333:role/WebServerRole",
	RecoveryPointARN: "arn:aws:ec2:eu-west-1::image/ami-0123456789abcdef0",
	ResourceARN:      "arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0",
}

func find(reqs []ConcreteRequest, principal, action, resource string) *ConcreteRequest {
	for i, r := range reqs {
		if r.Principal == principal && r.Action == action && r.Resource == resource {
			return &reqs[i]
		}
	}
	return nil
}

func mustExpand(t *testing.T, id string, p Params) []ConcreteRequest {
	t.Helper()
	op, ok := Lookup(id)
	if !ok {
		t.Fatalf("no %s", id)
	}
	reqs, err := op.Expand(p)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	for _, r := range reqs {
		if strings.Contains(r.Resource, "${") || strings.Contains(r.PrincipalARN, "${") {
			t.Errorf("%s: unfilled %+v", id, r)
		}
		for _, v := range r.Context {
			if strings.Contains(v, "${") {
				t.Errorf("%s: unfilled context %+v", id, r)
			}
		}
	}
	return reqs
}

func TestExpandRestoreEC2InstanceRole(t *testing.T) {
	reqs := mustExpand(t, "restore/EC2/instance-role", params)
	r := find(reqs, JobRole, "iam:PassRole", params.InstanceRoleARN)
	if r == nil || r.Context["iam:PassedToService"] != "ec2.amazonaws.com" || r.PrincipalARN != params.RoleARN {
		t.Errorf("restore role's PassRole of the instance role: %+v", r)
	}
	if find(reqs, Caller, "backup:StartRestoreJob", params.RecoveryPointARN) == nil {
		t.Error("no caller backup:StartRestoreJob on the recovery point")
	}
	r = find(reqs, Caller, "iam:PassRole", params.RoleARN)
	if r == nil || r.Context["iam:PassedToService"] != "backup.amazonaws.com" {
		t.Errorf("caller's PassRole of the restore role: %+v", r)
	}
	// Without an instance role the same operation names the parameter.
	p := params
	p.InstanceRoleARN = ""
	op, _ := Lookup("restore/EC2/instance-role")
	_, err := op.Expand(p)
	var me *MissingParamsError
	if !errors.As(err, &me) || len(me.Params) != 1 || me.Params[0] != "InstanceRoleARN" || !strings.Contains(err.Error(), "InstanceRoleARN") {
		t.Errorf("err = %v", err)
	}
	// The no-role variant has no PassRole to ec2.
	for _, r := range mustExpand(t, "restore/EC2", p) {
		if r.Action == "iam:PassRole" && r.Principal != Caller {
			t.Errorf("restore/EC2 has %+v", r)
		}
	}
}

func TestExpandCreateVaultCMK(t *testing.T) {
	reqs := mustExpand(t, "create-vault/cmk", params)
	for _, a := range []string{"kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant", "kms:Decrypt", "kms:GenerateDataKey"} {
		if find(reqs, Caller, a, params.KeyARN) == nil {
			t.Errorf("no caller %s on the key", a)
		}
	}
	if find(reqs, Caller, "backup:CreateBackupVault", "arn:aws:backup:eu-west-1:111122223333:backup-vault:v1") == nil {
		t.Error("no backup:CreateBackupVault on the vault")
	}
	if find(reqs, Caller, "backup-storage:MountCapsule", "*") == nil {
		t.Error("no backup-storage:MountCapsule")
	}
	// The key is required for the CMK variant, optional for the default one.
	p := params
	p.KeyARN = ""
	op, _ := Lookup("create-vault/cmk")
	if _, err := op.Expand(p); err == nil || !strings.Contains(err.Error(), "KeyARN") {
		t.Errorf("err = %v", err)
	}
	for _, r := range mustExpand(t, "create-vault", p) {
		if strings.HasPrefix(r.Action, "kms:") {
			t.Errorf("create-vault without key: %+v", r)
		}
	}
}

func TestExpandMissingParams(t *testing.T) {
	op, _ := Lookup("create-vault")
	_, err := op.Expand(Params{})
	var me *MissingParamsError
	if !errors.As(err, &me) || strings.Join(me.Params, ",") != "Account,Partition,Region,VaultName" {
		t.Errorf("err = %v", err)
	}
}

func TestExpandVaultLockContext(t *testing.T) {
	reqs := mustExpand(t, "put-vault-lock", params)
	if len(reqs) != 1 || len(reqs[0].Context) != 0 {
		t.Errorf("without settings: %+v", reqs)
	}
	p := params
	p.MinRetentionDays = "7"
	reqs = mustExpand(t, "put-vault-lock", p)
	if len(reqs) != 1 || len(reqs[0].Context) != 1 || reqs[0].Context["backup:MinRetentionDays"] != "7" {
		t.Errorf("with MinRetentionDays: %+v", reqs)
	}
}

func TestExpandCrossAccountCopy(t *testing.T) {
	p := params
	p.DestinationVaultARN = "arn:aws:backup:eu-central-1:444455556666:backup-vault:dest"
	p.DestinationKeyARN = "arn:aws:kms:eu-central-1:444455556666:key/abcd"
	reqs := mustExpand(t, "copy/cross-account", p)
	r := find(reqs, JobRole, "backup:CopyFromBackupVault", p.RecoveryPointARN)
	if r == nil || r.Context["backup:CopyTargets"] != p.DestinationVaultARN {
		t.Errorf("CopyFromBackupVault: %+v", r)
	}
	if find(reqs, JobRole, "backup:CopyIntoBackupVault", p.DestinationVaultARN) == nil {
		t.Error("no CopyIntoBackupVault on the destination vault")
	}
	r = find(reqs, ServiceLinkedRole, "kms:CreateGrant", p.DestinationKeyARN)
	if r == nil || r.PrincipalARN != "arn:aws:iam::444455556666:role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup" || !r.Inferred {
		t.Errorf("SLR CreateGrant: %+v", r)
	}
	op, _ := Lookup("copy/cross-account")
	kinds := map[string]bool{}
	for _, c := range op.Conditions {
		kinds[c.Kind] = true
	}
	for _, k := range []string{KindTrust, KindVaultPolicy, KindKeyPolicy, KindOrganization, KindService} {
		if !kinds[k] {
			t.Errorf("copy/cross-account has no %s condition", k)
		}
	}
	reqs = mustExpand(t, "copy/cross-region", p)
	if find(reqs, JobRole, "backup:TagResource", "arn:aws:backup:eu-central-1:444455556666:recovery-point:*") == nil {
		t.Error("cross-region: no TagResource on destination recovery points")
	}
	p.DestinationVaultARN = ""
	if _, err := op.Expand(p); err == nil || !strings.Contains(err.Error(), "DestinationVaultARN") {
		t.Errorf("err = %v", err)
	}
}

// TestExpandAll expands every operation with every parameter given.
func TestExpandAll(t *testing.T) {
	p := params
	p.PlanID = "plan-1"
	p.ScanRoleARN = "arn:aws:iam::111122223333:role/AwsBackupGuardDutyScan"
	p.DestinationVaultARN = "arn:aws:backup:eu-west-1:111122223333:backup-vault:v2"
	p.DestinationKeyARN = params.KeyARN
	for _, op := range All() {
		reqs := mustExpand(t, op.ID, p)
		if len(reqs) != len(op.Requirements) {
			t.Errorf("%s: %d requests for %d requirements", op.ID, len(reqs), len(op.Requirements))
		}
	}
}

// AWS Backup's own ResourceType values (GetSupportedResourceTypes,
// https://docs.aws.amazon.com/aws-backup/latest/devguide/API_GetSupportedResourceTypes.html)
// and spellings users type map to the catalog's operations.
func TestForResourceType(t *testing.T) {
	for _, tt := range []struct {
		verb, in, want string
	}{
		{VerbRestore, "EC2", "restore/EC2"},
		{VerbRestore, "ec2", "restore/EC2"},
		{VerbRestore, "EBS", "restore/EBS"},
		{VerbRestore, "RDS", "restore/RDS"},
		{VerbRestore, "Aurora", "restore/Aurora"},
		{VerbRestore, "DynamoDB", "restore/DynamoDB"},
		{VerbRestore, "dynamodb", "restore/DynamoDB"},
		{VerbRestore, "EFS", "restore/EFS"},
		{VerbRestore, "FSx", "restore/FSx"},
		{VerbRestore, "FSX", "restore/FSx"},
		{VerbRestore, "S3", "restore/S3"},
		{VerbRestore, "VirtualMachine", "restore/VMware"},
		{VerbRestore, "Storage Gateway", "restore/StorageGateway"},
		{VerbRestore, "storage-gateway", "restore/StorageGateway"},
		{VerbRestore, "SAP HANA on Amazon EC2", "restore/SAPHANA"},
		{VerbRestore, "DocumentDB", "restore/DocumentDB"},
		{VerbRestore, "Neptune", "restore/Neptune"},
		{VerbRestore, "Redshift", "restore/Redshift"},
		{VerbRestore, "Redshift Serverless", "restore/RedshiftServerless"},
		{VerbRestore, "CloudFormation", "restore/CloudFormation"},
		{VerbRestore, "Timestream", "restore/Timestream"},
		{VerbBackup, "VirtualMachine", "backup/VMware"},
		{VerbBackup, "SAP HANA on Amazon EC2", "backup/SAPHANA"},
		{VerbBackup, "Storage Gateway", "backup/StorageGateway"},
		{VerbBackup, " s3 ", "backup/S3"},
	} {
		op, err := ForResourceType(tt.verb, tt.in)
		if err != nil || op.ID != tt.want {
			t.Errorf("ForResourceType(%q, %q) = %q, %v; want %s", tt.verb, tt.in, op.ID, err, tt.want)
		}
	}
	for _, tt := range []struct {
		verb, in string
		known    bool
		suggest  string
	}{
		{VerbRestore, "EKS", true, ""},
		{VerbBackup, "Redshift", true, ""},
		{VerbRestore, "EC3", false, "EC2"},
		{VerbRestore, "Dynamo", false, ""},
		{VerbRestore, "", false, ""},
	} {
		_, err := ForResourceType(tt.verb, tt.in)
		var re *ResourceTypeError
		if !errors.As(err, &re) || re.Known != tt.known {
			t.Errorf("ForResourceType(%q, %q): %v, want a ResourceTypeError with Known %v", tt.verb, tt.in, err, tt.known)
			continue
		}
		if tt.suggest != "" && (len(re.Suggestions) == 0 || re.Suggestions[0] != tt.suggest) {
			t.Errorf("ForResourceType(%q, %q): suggestions %v, want %s first", tt.verb, tt.in, re.Suggestions, tt.suggest)
		}
	}
	// Every operation's resource type is reachable.
	for _, op := range All() {
		if op.ResourceType == "" {
			continue
		}
		if n, ok := NormalizeResourceType(op.ResourceType); !ok || n != op.ResourceType {
			t.Errorf("%s: resource type %s normalizes to %q, %v", op.ID, op.ResourceType, n, ok)
		}
	}
}

func TestSuggest(t *testing.T) {
	cands := []string{"restore", "backup", "copy", "create-vault"}
	for _, tt := range []struct{ in, want string }{
		{"resotre", "restore"}, {"Restor", "restore"}, {"bakup", "backup"}, {"create-valut", "create-vault"}, {"zzz", ""},
	} {
		got := Suggest(tt.in, cands)
		if (tt.want == "") != (len(got) == 0) || (len(got) > 0 && got[0] != tt.want) {
			t.Errorf("Suggest(%q) = %v, want %q first", tt.in, got, tt.want)
		}
	}
}

// Every conditional requirement and condition has a typed circumstance, so
// no code needs to read the English When text.
func TestCircumstancesTyped(t *testing.T) {
	check := func(op, what, when string, applies Circumstance, types []string) {
		switch {
		case (when == "") != (applies == Always):
			t.Errorf("%s %s: When %q but Applies %q", op, what, when, applies)
		case (applies == OnResourceType) != (len(types) > 0):
			t.Errorf("%s %s: Applies %q with types %v", op, what, applies, types)
		}
		for _, rt := range types {
			if n, ok := NormalizeResourceType(rt); !ok || n != rt {
				t.Errorf("%s %s: unknown type %q", op, what, rt)
			}
		}
	}
	for _, op := range All() {
		for _, r := range op.Requirements {
			check(op.ID, r.Action, r.When, r.Applies, r.Types)
		}
		for _, c := range op.Conditions {
			check(op.ID, c.Text, c.When, c.Applies, c.Types)
		}
	}
}

// ExpandEach keeps the requirements it cannot fill, naming what they lack.
func TestExpandEach(t *testing.T) {
	op, _ := Lookup("restore/EC2/instance-role")
	reqs := op.ExpandEach(Params{Partition: "aws", Region: "eu-west-1", Account: "111122223333", RoleARN: "arn:aws:iam::111122223333:role/R"})
	var missing []string
	for _, r := range reqs {
		if len(r.Missing) > 0 {
			missing = append(missing, r.Action+"="+strings.Join(r.Missing, ","))
		}
	}
	want := []string{"backup:StartRestoreJob=RecoveryPointARN", "iam:PassRole=InstanceRoleARN"}
	if strings.Join(missing, " ") != strings.Join(want, " ") {
		t.Errorf("missing %v, want %v", missing, want)
	}
	if _, err := op.Expand(Params{Partition: "aws", Region: "eu-west-1", Account: "111122223333", RoleARN: "arn:aws:iam::111122223333:role/R"}); err == nil {
		t.Error("Expand: no error for missing parameters")
	}
}

// Every condition has its message id; one id is one text, and the id of a
// text does not depend on where the condition is (ids survive edits of
// ops.go that leave the text alone).
func TestConditionIDs(t *testing.T) {
	text := map[string]string{}
	whens := map[string]string{}
	for _, op := range All() {
		if TitleID(op.ID) != "backupops.title."+op.ID {
			t.Errorf("%s: title id %s", op.ID, TitleID(op.ID))
		}
		for _, c := range op.Conditions {
			if c.ID == "" || c.ID != ConditionID(c.Kind, c.Text) {
				t.Errorf("%s: condition %q has id %q, want %q", op.ID, c.Text, c.ID, ConditionID(c.Kind, c.Text))
			}
			if prev, ok := text[c.ID]; ok && prev != c.Kind+" "+c.Text {
				t.Errorf("id %s is both %q and %q", c.ID, prev, c.Kind+" "+c.Text)
			}
			text[c.ID] = c.Kind + " " + c.Text
		}
		var ws []string
		for _, r := range op.Requirements {
			ws = append(ws, r.When)
		}
		for _, c := range op.Conditions {
			ws = append(ws, c.When)
		}
		for _, w := range ws {
			if w == "" {
				continue
			}
			id := WhenID(w)
			if prev, ok := whens[id]; ok && prev != w {
				t.Errorf("when id %s is both %q and %q", id, prev, w)
			}
			whens[id] = w
		}
	}
	if len(text) < 50 || len(whens) < 20 {
		t.Errorf("%d condition ids, %d when ids: fewer than the catalog holds", len(text), len(whens))
	}
	// The id follows the text, not the position.
	if ConditionID(KindService, "a") == ConditionID(KindService, "b") || ConditionID(KindService, "a") == ConditionID(KindTrust, "a") {
		t.Error("ConditionID does not tell texts or kinds apart")
	}
}

// fillRE is fill as it was written, with the regexp: the reference.
func fillRE(tmpl string, vals map[string]string) (string, []string) {
	var missing []string
	out := placeholder.ReplaceAllStringFunc(tmpl, func(m string) string {
		name := m[2 : len(m)-1]
		v := vals[name]
		if v == "" {
			missing = append(missing, name)
		}
		return v
	})
	return out, missing
}

func checkFill(t *testing.T, tmpl string, vals map[string]string) {
	t.Helper()
	got, gm := fill(tmpl, vals)
	want, wm := fillRE(tmpl, vals)
	if got != want || !slices.Equal(gm, wm) {
		t.Fatalf("fill(%q) = %q %q, the regexp gives %q %q", tmpl, got, gm, want, wm)
	}
}

func TestFillAgreesWithRegexp(t *testing.T) {
	vals := map[string]string{"A": "x", "Vault": "v", "Account": "111122223333", "Empty": ""}
	for _, s := range []string{"", "$", "${", "${}", "${A", "${A}", "${A}${A}", "$${A}}", "${${A}}", "${A-B}", "${A }", "${Empty}",
		"${Missing}", "a${A}b${Vault}c${Account}d", "${{A}", "${A}}", "${$A}", "${é}", "${Ab1}", "x${A}", "${A}x", "${Z}${z}"} {
		checkFill(t, s, vals)
	}
	n := 0
	for _, op := range All() {
		for _, r := range op.Requirements {
			checkFill(t, r.Resource, vals)
			for _, v := range r.Context {
				checkFill(t, v, vals)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no requirements to fill")
	}
}

func FuzzFill(f *testing.F) {
	f.Add("arn:aws:backup:${Region}:${Account}:backup-vault:${Vault}")
	f.Add("${${A}}$")
	f.Fuzz(func(t *testing.T, s string) {
		checkFill(t, s, map[string]string{"A": "x", "Region": "r", "Account": "", "Vault": "${A}"})
	})
}

// BenchmarkFill fills a vault ARN's template, by hand (fill) and with the
// regexp it replaced (fillRE).
func BenchmarkFill(b *testing.B) {
	tmpl := "arn:aws:backup:${Region}:${Account}:backup-vault:${Vault}"
	vals := map[string]string{"Region": "us-east-1", "Account": "111122223333", "Vault": "Default"}
	b.Run("hand", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			fill(tmpl, vals)
		}
	})
	b.Run("regexp", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			fillRE(tmpl, vals)
		}
	})
}
