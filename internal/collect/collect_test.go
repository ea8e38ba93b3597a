package collect

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	backuptypes "github.com/aws/aws-sdk-go-v2/service/backup/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/internal/testutil"
)

const (
	trust    = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
	allowS3  = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`
	denyKMS  = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"kms:ScheduleKeyDeletion","Resource":"*"}]}`
	keyPol   = `{"Version":"2012-10-17","Statement":[{"Sid":"root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}]}`
	vaultPol = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"backup:DeleteRecoveryPoint","Resource":"*"}]}`
	rpARN    = "arn:aws:backup:us-east-1:123456789012:recovery-point:rp-1"
)

// setEnv points the standard AWS configuration at endpoint with static test
// credentials; extra sets further variables (AWS_ENDPOINT_URL_BACKUP...).
func setEnv(t testing.TB, endpoint string, extra map[string]string) {
	t.Setenv("AWS_ACCESS_KEY_ID", "testing")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "testing")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_CONFIG_FILE", "/nonexistent/config")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_ENDPOINT_URL", endpoint)
	for k, v := range extra {
		t.Setenv(k, v)
	}
}

// backupStub answers the AWS Backup calls moto lacks (vault access policy,
// selections, recovery points, restore metadata) in the REST-JSON protocol
// and passes every other request to moto.
func backupStub(t *testing.T, moto, planID *string) *httptest.Server {
	target, _ := url.Parse(*moto)
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimSuffix(r.URL.Path, "/")
		reply := func(v any) {
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(v)
		}
		switch {
		case r.Method != http.MethodGet:
		case strings.HasSuffix(p, "/access-policy"):
			if strings.Contains(p, "/backup-vaults/Main/") {
				reply(map[string]any{"BackupVaultName": "Main", "Policy": vaultPol})
			} else {
				w.Header().Set("X-Amzn-Errortype", "ResourceNotFoundException")
				w.WriteHeader(404)
				reply(map[string]any{"Message": "no policy"})
			}
			return
		case strings.HasSuffix(p, "/restore-metadata"):
			reply(map[string]any{"RecoveryPointArn": rpARN, "RestoreMetadata": map[string]string{"IamInstanceProfileName": "AppProfile", "InstanceType": "t3.micro"}})
			return
		case strings.HasSuffix(p, "/recovery-points"):
			var rps []any
			if strings.Contains(p, "/backup-vaults/Main/") {
				rps = append(rps, map[string]any{"RecoveryPointArn": rpARN, "ResourceType": "EC2", "BackupVaultName": "Main",
					"ResourceArn": "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0", "Status": "COMPLETED",
					"IamRoleArn": "arn:aws:iam::123456789012:role/BackupRole"})
			}
			reply(map[string]any{"RecoveryPoints": rps})
			return
		case strings.HasSuffix(p, "/selections"):
			reply(map[string]any{"BackupSelectionsList": []any{map[string]any{"SelectionId": "sel-1", "SelectionName": "all", "BackupPlanId": *planID,
				"IamRoleArn": "arn:aws:iam::123456789012:role/BackupRole"}}})
			return
		case strings.Contains(p, "/selections/"):
			reply(map[string]any{"SelectionId": "sel-1", "BackupPlanId": *planID, "BackupSelection": map[string]any{
				"SelectionName": "all", "IamRoleArn": "arn:aws:iam::123456789012:role/BackupRole", "Resources": []string{"*"}}})
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// must returns v, panicking (which fails the test) on err.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func seed(t *testing.T, ctx context.Context, cfg aws.Config) (planID, rcpNote string) {
	im := iam.NewFromConfig(cfg)
	s := aws.String
	must(im.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: s("Boundary"), PolicyDocument: s(allowS3)}))
	must(im.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: s("ReadS3"), PolicyDocument: s(allowS3)}))
	boundary := "arn:aws:iam::123456789012:policy/Boundary"
	readS3 := "arn:aws:iam::123456789012:policy/ReadS3"
	must(im.CreateGroup(ctx, &iam.CreateGroupInput{GroupName: s("Ops")}))
	must(im.AttachGroupPolicy(ctx, &iam.AttachGroupPolicyInput{GroupName: s("Ops"), PolicyArn: s(readS3)}))
	must(im.CreateUser(ctx, &iam.CreateUserInput{UserName: s("alice"), PermissionsBoundary: s(boundary)}))
	must(im.AddUserToGroup(ctx, &iam.AddUserToGroupInput{GroupName: s("Ops"), UserName: s("alice")}))
	must(im.PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: s("alice"), PolicyName: s("inline"), PolicyDocument: s(allowS3)}))
	must(im.CreateRole(ctx, &iam.CreateRoleInput{RoleName: s("BackupRole"), AssumeRolePolicyDocument: s(trust), PermissionsBoundary: s(boundary)}))
	must(im.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: s("BackupRole"), PolicyName: s("extra"), PolicyDocument: s(allowS3)}))
	must(im.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: s("BackupRole"), PolicyArn: s(readS3)}))
	must(im.CreateInstanceProfile(ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: s("AppProfile")}))
	must(im.AddRoleToInstanceProfile(ctx, &iam.AddRoleToInstanceProfileInput{InstanceProfileName: s("AppProfile"), RoleName: s("BackupRole")}))

	org := organizations.NewFromConfig(cfg)
	must(org.CreateOrganization(ctx, &organizations.CreateOrganizationInput{FeatureSet: orgtypes.OrganizationFeatureSetAll}))
	roots := must(org.ListRoots(ctx, &organizations.ListRootsInput{}))
	root := aws.ToString(roots.Roots[0].Id)
	ou := must(org.CreateOrganizationalUnit(ctx, &organizations.CreateOrganizationalUnitInput{ParentId: s(root), Name: s("Prod")}))
	ouID := aws.ToString(ou.OrganizationalUnit.Id)
	_, _ = org.EnablePolicyType(ctx, &organizations.EnablePolicyTypeInput{RootId: s(root), PolicyType: orgtypes.PolicyTypeServiceControlPolicy})
	scp := must(org.CreatePolicy(ctx, &organizations.CreatePolicyInput{Name: s("NoKeyDeletion"), Description: s("d"), Content: s(denyKMS), Type: orgtypes.PolicyTypeServiceControlPolicy}))
	must(org.AttachPolicy(ctx, &organizations.AttachPolicyInput{PolicyId: scp.Policy.PolicySummary.Id, TargetId: s(ouID)}))
	// RCPs: attached when moto accepts them.
	_, _ = org.EnablePolicyType(ctx, &organizations.EnablePolicyTypeInput{RootId: s(root), PolicyType: orgtypes.PolicyTypeResourceControlPolicy})
	if rcp, err := org.CreatePolicy(ctx, &organizations.CreatePolicyInput{Name: s("RCP1"), Description: s("d"), Content: s(denyKMS), Type: orgtypes.PolicyTypeResourceControlPolicy}); err != nil {
		rcpNote = "moto refused the RCP: " + err.Error()
	} else if _, err := org.AttachPolicy(ctx, &organizations.AttachPolicyInput{PolicyId: rcp.Policy.PolicySummary.Id, TargetId: s(root)}); err != nil {
		rcpNote = "moto refused attaching the RCP: " + err.Error()
	}

	km := kms.NewFromConfig(cfg)
	key := must(km.CreateKey(ctx, &kms.CreateKeyInput{Description: s("backup key"), Policy: s(keyPol)}))
	must(km.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: s("alias/backup"), TargetKeyId: key.KeyMetadata.KeyId}))

	bk := backup.NewFromConfig(cfg) // through the stub, which passes writes to moto
	must(bk.CreateBackupVault(ctx, &backup.CreateBackupVaultInput{BackupVaultName: s("Main"), EncryptionKeyArn: key.KeyMetadata.Arn}))
	must(bk.CreateBackupVault(ctx, &backup.CreateBackupVaultInput{BackupVaultName: s("Other")}))
	must(bk.PutBackupVaultLockConfiguration(ctx, &backup.PutBackupVaultLockConfigurationInput{BackupVaultName: s("Main"), MinRetentionDays: aws.Int64(7)}))
	plan := must(bk.CreateBackupPlan(ctx, &backup.CreateBackupPlanInput{BackupPlan: &backuptypes.BackupPlanInput{
		BackupPlanName: s("daily"),
		Rules:          []backuptypes.BackupRuleInput{{RuleName: s("daily"), TargetBackupVaultName: s("Main")}},
	}}))
	return aws.ToString(plan.BackupPlanId), rcpNote
}

func TestCollectMoto(t *testing.T) {
	moto := testutil.StartMoto(t)
	var planID string
	stub := backupStub(t, &moto, &planID)
	setEnv(t, moto, map[string]string{"AWS_ENDPOINT_URL_BACKUP": stub.URL})
	ctx := context.Background()
	cfg := must(config.LoadDefaultConfig(ctx))
	var rcpNote string
	planID, rcpNote = seed(t, ctx, cfg)

	clients := must(NewSDKClients(ctx, SDKOptions{MaxAttempts: 2}))
	var mu sync.Mutex
	var steps []Step
	snap, err := Collect(ctx, clients, Options{Concurrency: 3, OnStep: func(s Step) {
		mu.Lock() // OnStep may be called concurrently
		steps = append(steps, s)
		mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Unreadable) > 0 {
		t.Errorf("unreadable: %+v", snap.Unreadable)
	}
	if len(steps) != 4 {
		t.Errorf("steps %+v, want iam, organizations, kms, backup", steps)
	}
	// The snapshot round-trips through the strict loader (documents parse).
	var b strings.Builder
	if err := account.Save(&b, snap, false); err != nil {
		t.Fatal(err)
	}
	snap, err = account.Parse([]byte(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if snap.AccountID != "123456789012" || snap.Region != "us-east-1" {
		t.Errorf("account %q region %q", snap.AccountID, snap.Region)
	}

	role, _ := snap.Role("arn:aws:iam::123456789012:role/BackupRole")
	if role == nil {
		t.Fatalf("no BackupRole in %s", b.String())
	}
	if !strings.Contains(string(role.TrustPolicy), `"backup.amazonaws.com"`) {
		t.Errorf("trust policy not decoded: %s", role.TrustPolicy)
	}
	if len(role.InlinePolicies) != 1 || !strings.Contains(string(role.InlinePolicies[0].Document), `"s3:GetObject"`) {
		t.Errorf("inline policies %+v", role.InlinePolicies)
	}
	if role.PermissionsBoundary != "arn:aws:iam::123456789012:policy/Boundary" || len(role.ManagedPolicies) != 1 {
		t.Errorf("boundary %q managed %v", role.PermissionsBoundary, role.ManagedPolicies)
	}
	if len(snap.Users) != 1 || len(snap.Users[0].Groups) != 1 || len(snap.Users[0].InlinePolicies) != 1 {
		t.Errorf("users %+v", snap.Users)
	}
	if len(snap.Groups) != 1 || len(snap.Groups[0].ManagedPolicies) != 1 {
		t.Errorf("groups %+v", snap.Groups)
	}
	if len(snap.InstanceProfiles) != 1 || snap.InstanceProfiles[0].Name != "AppProfile" || len(snap.InstanceProfiles[0].Roles) != 1 {
		t.Errorf("instance profiles %+v", snap.InstanceProfiles)
	}
	var readS3 *account.ManagedPolicy
	for i := range snap.Policies {
		if snap.Policies[i].ARN == "arn:aws:iam::123456789012:policy/ReadS3" {
			readS3 = &snap.Policies[i]
		}
	}
	if readS3 == nil || readS3.VersionID != "v1" || !strings.Contains(string(readS3.Document), `"s3:GetObject"`) {
		t.Errorf("ReadS3 policy %+v", readS3)
	}

	o := snap.Organization
	if o == nil || o.RootID == "" || len(o.OUs) != 1 || o.OUs[0].Name != "Prod" || o.OUs[0].ParentID != o.RootID {
		t.Fatalf("organization %+v", o)
	}
	found := map[string][]string{}
	for _, p := range o.Policies {
		found[p.Type+" "+p.Name] = p.Targets
		if p.Name == "NoKeyDeletion" && !strings.Contains(string(p.Document), "kms:ScheduleKeyDeletion") {
			t.Errorf("SCP document %s", p.Document)
		}
	}
	if ts := found["SERVICE_CONTROL_POLICY NoKeyDeletion"]; len(ts) != 1 || ts[0] != o.OUs[0].ID {
		t.Errorf("SCP targets %v (policies %v)", ts, found)
	}
	if _, ok := found["SERVICE_CONTROL_POLICY FullAWSAccess"]; !ok {
		t.Errorf("FullAWSAccess missing: %v", found)
	}
	if rcpNote != "" {
		t.Logf("RCP part skipped: %s", rcpNote)
	} else if ts := found["RESOURCE_CONTROL_POLICY RCP1"]; len(ts) != 1 || ts[0] != o.RootID {
		t.Errorf("RCP targets %v (policies %v)", ts, found)
	}

	var cust *account.KMSKey
	for i := range snap.KMSKeys {
		if snap.KMSKeys[i].KeyManager == account.KeyManagerCustomer {
			cust = &snap.KMSKeys[i]
		}
	}
	if cust == nil || !strings.Contains(string(cust.Policy), "arn:aws:iam::123456789012:root") || len(cust.Aliases) != 1 || cust.Aliases[0] != "alias/backup" {
		t.Errorf("customer key %+v", cust)
	}

	if len(snap.BackupVaults) != 2 {
		t.Fatalf("vaults %+v", snap.BackupVaults)
	}
	main := snap.BackupVaults[0]
	if main.Name != "Main" || !strings.Contains(string(main.AccessPolicy), "backup:DeleteRecoveryPoint") || main.Lock == nil || main.Lock.MinRetentionDays != 7 || main.EncryptionKeyARN != cust.ARN {
		t.Errorf("vault Main %+v lock %+v", main, main.Lock)
	}
	if other := snap.BackupVaults[1]; other.AccessPolicy != nil || other.Lock != nil {
		t.Errorf("vault Other %+v", other)
	}
	if len(snap.BackupPlans) != 1 || snap.BackupPlans[0].Rules[0].TargetVault != "Main" || len(snap.BackupPlans[0].Selections) != 1 || snap.BackupPlans[0].Selections[0].Resources[0] != "*" {
		t.Errorf("plans %+v", snap.BackupPlans)
	}
	if len(snap.RecoveryPoints) != 1 || snap.RecoveryPoints[0].InstanceProfileName() != "AppProfile" || snap.RecoveryPoints[0].ResourceType != "EC2" {
		t.Errorf("recovery points %+v", snap.RecoveryPoints)
	}
}

// denyOrganizations answers every AWS Organizations call with AccessDenied.
func denyOrganizations(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(400)
		w.Write([]byte(`{"__type":"AccessDeniedException","Message":"You don't have permissions to access this resource."}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestCollectOrganizationsDenied(t *testing.T) {
	moto := testutil.StartMoto(t)
	setEnv(t, moto, map[string]string{"AWS_ENDPOINT_URL_ORGANIZATIONS": denyOrganizations(t).URL})
	ctx := context.Background()
	cfg := must(config.LoadDefaultConfig(ctx))
	must(iam.NewFromConfig(cfg).CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("R"), AssumeRolePolicyDocument: aws.String(trust)}))
	clients := must(NewSDKClients(ctx, SDKOptions{MaxAttempts: 2}))
	clients.Regions = nil // IAM and Organizations only
	snap, err := Collect(ctx, clients, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if snap.Organization != nil || len(snap.Roles) != 1 {
		t.Errorf("organization %+v roles %d", snap.Organization, len(snap.Roles))
	}
	want := account.Unreadable{Service: "organizations", Call: "DescribeOrganization", Error: "AccessDeniedException: You don't have permissions to access this resource."}
	if len(snap.Unreadable) != 1 || snap.Unreadable[0] != want {
		t.Errorf("unreadable %+v, want %+v", snap.Unreadable, want)
	}
}

func TestCollectNothingRead(t *testing.T) {
	deny := denyOrganizations(t)
	setEnv(t, deny.URL, nil)
	ctx := context.Background()
	clients := must(NewSDKClients(ctx, SDKOptions{MaxAttempts: 1}))
	snap, err := Collect(ctx, clients, Options{})
	if err != ErrNothingRead {
		t.Fatalf("err %v", err)
	}
	if len(snap.Unreadable) < 5 {
		t.Errorf("unreadable %+v", snap.Unreadable)
	}
}

// TestCollectOtherAccountReadsNothing: with Options.Account, credentials
// of another account stop the collection at sts:GetCallerIdentity, its
// first call, with *AccountError: nothing else is asked (a mistyped
// --account cost a whole live read before it was refused).
func TestCollectOtherAccountReadsNothing(t *testing.T) {
	var mu sync.Mutex
	var others []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := make([]byte, 4096)
		n, _ := r.Body.Read(body)
		if strings.Contains(string(body[:n]), "Action=GetCallerIdentity") {
			w.Header().Set("Content-Type", "text/xml")
			w.Write([]byte(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/reader</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`))
			return
		}
		mu.Lock()
		others = append(others, r.Header.Get("X-Amz-Target")+" "+r.URL.Path)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(400)
		w.Write([]byte(`{"__type":"AccessDeniedException","Message":"denied"}`))
	}))
	t.Cleanup(srv.Close)
	setEnv(t, srv.URL, nil)
	ctx := context.Background()
	clients := must(NewSDKClients(ctx, SDKOptions{MaxAttempts: 1}))
	snap, err := Collect(ctx, clients, Options{Account: "222233334444"})
	var ae *AccountError
	if !errors.As(err, &ae) || ae.Want != "222233334444" || ae.Got != "123456789012" || snap != nil {
		t.Fatalf("snapshot %v, error %v: want *AccountError 222233334444/123456789012", snap, err)
	}
	if len(others) != 0 {
		t.Errorf("%d calls after GetCallerIdentity: %v", len(others), others)
	}
	// The credentials' own account reads on.
	if _, err := Collect(ctx, clients, Options{Account: "123456789012"}); errors.As(err, &ae) {
		t.Errorf("own account refused: %v", err)
	}
	if len(others) == 0 {
		t.Error("the own account's collection asked nothing")
	}
}
