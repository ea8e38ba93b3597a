package redact

import (
	"strings"
	"testing"
)

// Credentials in the shapes AWS documents them, as a server might echo them
// back in an error message. Sources:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (Authorization header),
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (presigned query),
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html (credentials file),
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (STS response).
const (
	exKeyID = "AKIAIOSFODNN7EXAMPLE"
	tempID  = "ASIAJEXAMPLEXEG2JICE"
	secret  = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	sig     = "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024"
	encoded = "LFKgZ-6vRe92Bt2SLH84UQGBPJUTPs8oDvZyKm2WgGmGi6J0etYeX0NN3pwe5bmPttEzVW7PqAjkUf4_hkL0hG_cAtGjY4iZlSgBm3xprphVUAZtazzUBqib9Dk0Dq9dSxVHDqpYqSIiYdHKPQfEJfoGBwKsLrQEB"
)

var token = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD" + strings.Repeat("Xk9vQ2FyZWZ1bGx5L3Rva2Vu+", 12) + "=="

func TestString(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		secrets []string // must be gone
		keep    []string // must stay
	}{
		{"authorization header", "InternalFailure: echo Authorization: AWS4-HMAC-SHA256 Credential=" + exKeyID + "/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=" + sig + "\nX-Amz-Date: 20130524T000000Z",
			[]string{exKeyID, sig, "Credential="}, []string{"InternalFailure: echo Authorization: " + Mark, "X-Amz-Date: 20130524T000000Z"}},
		{"go map of headers", "headers map[Authorization:[AWS4-HMAC-SHA256 Credential=" + exKeyID + "/x, Signature=" + sig + "] X-Amz-Security-Token:[" + token + "]]",
			[]string{exKeyID, sig, token[:30]}, []string{"headers map[Authorization:"}},
		{"presigned query", "GET /?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + exKeyID + "%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Signature=" + sig,
			[]string{exKeyID, sig}, []string{"X-Amz-Date=20130524T000000Z", "X-Amz-Credential=" + Mark}},
		{"credentials file", "aws_access_key_id = " + exKeyID + "\naws_secret_access_key = " + secret + "\naws_session_token = " + token,
			[]string{exKeyID, secret, token[:30]}, []string{"aws_secret_access_key = " + Mark}},
		{"sts json", `{"Credentials":{"AccessKeyId":"` + tempID + `","SecretAccessKey":"` + secret + `","SessionToken":"` + token + `"}}`,
			[]string{tempID, secret, token[:30]}, []string{`"SecretAccessKey":"` + Mark}},
		{"sts xml", "<AccessKeyId>" + tempID + "</AccessKeyId><SecretAccessKey>" + secret + "</SecretAccessKey><SessionToken>" + token + "</SessionToken>",
			[]string{tempID, secret, token[:30]}, []string{"<SecretAccessKey>" + Mark + "</SecretAccessKey>"}},
		{"bare secret and token", "got " + secret + " and " + token + ".", []string{secret, token[:30]}, []string{"got ", " and "}},
		{"denial stays", "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/Admin/alice is not authorized to perform: kms:ListKeys on resource: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
			nil, []string{"arn:aws:sts::123456789012:assumed-role/Admin/alice", "key/1234abcd-12ab-34cd-56ef-1234567890ab"}},
		{"encoded message stays", "Encoded authorization failure message: " + encoded, nil, []string{encoded}},
		{"sha1 and unique id stay", "commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 by AROAJQABLZS4A3QDU576Q:alice (request 8f2b1c3e-0000-4a4a-9b9b-123456789abc)",
			nil, []string{"2fd4e1c67a2d28fced849ee1bb76e7391b93eb12", "AROAJQABLZS4A3QDU576Q", "8f2b1c3e-0000-4a4a-9b9b-123456789abc"}},
		{"key id inside a longer word stays", "XAKIAIOSFODNN7EXAMPLE1", nil, []string{"XAKIAIOSFODNN7EXAMPLE1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := String(tt.in)
			for _, s := range tt.secrets {
				if strings.Contains(got, s) {
					t.Errorf("%q still in %q", s, got)
				}
			}
			for _, s := range tt.keep {
				if !strings.Contains(got, s) {
					t.Errorf("%q lost from %q", s, got)
				}
			}
			if again := String(got); again != got {
				t.Errorf("not idempotent: %q then %q", got, again)
			}
		})
	}
}

func FuzzString(f *testing.F) {
	f.Add("Authorization: AWS4-HMAC-SHA256 Credential=" + exKeyID + "/x, Signature=" + sig)
	f.Add(secret + " " + token)
	f.Fuzz(func(t *testing.T, s string) {
		got := String(s + " " + exKeyID + " " + secret + " ")
		if strings.Count(got, exKeyID) > strings.Count(s, exKeyID) || strings.Count(got, secret) > strings.Count(s, secret) {
			t.Fatalf("credential left in %q", got)
		}
		if again := String(got); again != got {
			t.Fatalf("not idempotent: %q then %q", got, again)
		}
	})
}
