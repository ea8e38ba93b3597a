package authzmsg

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestCloudTrailEvent(t *testing.T) {
	t.Parallel()
	d, err := Parse(readFixture(t, "cloudtrail/stratus-runinstances-event.json"))
	if err != nil {
		t.Fatal(err)
	}
	ev := d.CloudTrail
	if ev == nil {
		t.Fatal("no CloudTrail event")
	}
	checks := map[string][2]string{
		"eventSource":      {ev.EventSource, "ec2.amazonaws.com"},
		"eventName":        {ev.EventName, "RunInstances"},
		"awsRegion":        {ev.AWSRegion, "ca-south-3r"},
		"identity type":    {ev.IdentityType, "AssumedRole"},
		"session issuer":   {ev.SessionIssuerARN, "arn:aws:iam::900138736586:role/stratus-red-team-ec2lui-role-idtzskbvtd"},
		"principal ID":     {d.Principal.ID, "AROA13YEHY3VAS32TD341:aws-go-sdk-1722511821294449000"},
		"recipient":        {ev.RecipientAccountID, "900138736586"},
		"source IP":        {ev.SourceIPAddress, "06.237.252.245"},
		"instanceType":     {ev.RequestParameters["instanceType"], "p2.xlarge"},
		"nested parameter": {ev.RequestParameters["instancesSet.items.0.imageId"], "ami-aCBbfd13bdb1d1E4b"},
		"error code":       {d.ErrorCode, "Client.UnauthorizedOperation"},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", name, c[0], c[1])
		}
	}
	if !ev.ErrorMessageTruncated || !d.EncodedTruncated {
		t.Errorf("the 1,024-character errorMessage was not seen as cut: %v %v", ev.ErrorMessageTruncated, d.EncodedTruncated)
	}
	if !strings.Contains(strings.Join(d.Unreadable, "; "), "1024") && !strings.Contains(strings.Join(d.Unreadable, "; "), "1,024") {
		t.Errorf("Unreadable does not say the message was cut: %v", d.Unreadable)
	}
	if d.Raw != ev.ErrorMessage {
		t.Errorf("Raw is not the errorMessage")
	}
}

func TestCloudTrailMany(t *testing.T) {
	t.Parallel()
	for _, f := range []string{"cloudtrail/stratus-detonation-array.json", "cloudtrail/stratus-records.json"} {
		ds, err := ParseAll(readFixture(t, f))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if len(ds) != 1 || ds[0].Action != "ec2:RunInstances" {
			t.Errorf("%s: %d denials (want 1, the AssumeRole event succeeded)", f, len(ds))
		}
	}

	// The output of aws cloudtrail lookup-events holds each event as a
	// JSON string.
	ev := readFixture(t, "cloudtrail/stratus-runinstances-event.json")
	lookup, _ := json.Marshal(map[string]any{"Events": []map[string]any{{"EventName": "RunInstances", "CloudTrailEvent": ev}}})
	ds, err := ParseAll(string(lookup))
	if err != nil || len(ds) != 1 || ds[0].Form != FormCloudTrail {
		t.Errorf("lookup-events output: %v %v", ds, err)
	}

	// Two denied records come back in order.
	var one map[string]any
	if err := json.Unmarshal([]byte(ev), &one); err != nil {
		t.Fatal(err)
	}
	second := map[string]any{}
	for k, v := range one {
		second[k] = v
	}
	second["eventName"] = "CreateTags"
	second["errorMessage"] = "You are not authorized to perform this operation."
	two, _ := json.Marshal(map[string]any{"Records": []any{one, second}})
	ds, err = ParseAll(string(two))
	if err != nil || len(ds) != 2 {
		t.Fatalf("got %d denials, %v", len(ds), err)
	}
	if ds[0].Operation != "RunInstances" || ds[1].Operation != "CreateTags" {
		t.Errorf("order: %q, %q", ds[0].Operation, ds[1].Operation)
	}
	if ds[1].Action != "ec2:CreateTags" || len(ds[1].Notes) == 0 {
		t.Errorf("the action of a message that names none should be inferred, and said so: %q %v", ds[1].Action, ds[1].Notes)
	}
	if ds[1].Principal.ARN != "arn:aws:sts::900138736586:assumed-role/stratus-red-team-ec2lui-role-idtzskbvtd/aws-go-sdk-1722511821294449000" {
		t.Errorf("principal from userIdentity: %q", ds[1].Principal.ARN)
	}
}

func TestCloudTrailNoDeniedRecord(t *testing.T) {
	t.Parallel()
	var arr []map[string]any
	if err := json.Unmarshal([]byte(readFixture(t, "cloudtrail/stratus-detonation-array.json")), &arr); err != nil {
		t.Fatal(err)
	}
	ok, _ := json.Marshal(map[string]any{"Records": arr[1:]})
	if _, err := ParseAll(string(ok)); !errors.Is(err, ErrNoDenial) {
		t.Errorf("got %v, want ErrNoDenial", err)
	}
}

// TestCloudTrailAssumeRoleParameters: an AssumeRole record that says no
// more than its errorCode is read from its userIdentity and
// requestParameters (the record is the detonation log's AssumeRole event
// with an errorCode added).
func TestCloudTrailAssumeRoleParameters(t *testing.T) {
	t.Parallel()
	var arr []map[string]any
	if err := json.Unmarshal([]byte(readFixture(t, "cloudtrail/stratus-detonation-array.json")), &arr); err != nil {
		t.Fatal(err)
	}
	rec := arr[1]
	rec["errorCode"] = "AccessDenied"
	delete(rec, "responseElements")
	b, _ := json.Marshal(rec)
	d, err := Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if d.Principal.ARN != "arn:aws:iam::900138736586:user/christophe" || d.Principal.Kind != KindUser {
		t.Errorf("principal %+v", d.Principal)
	}
	if d.Action != "sts:AssumeRole" || d.Resource != "arn:aws:iam::900138736586:role/stratus-red-team-ec2lui-role-idtzskbvtd" {
		t.Errorf("action %q resource %q", d.Action, d.Resource)
	}
	if d.AccountID != "900138736586" || d.Region != "ca-south-3r" {
		t.Errorf("account %q region %q", d.AccountID, d.Region)
	}
}
