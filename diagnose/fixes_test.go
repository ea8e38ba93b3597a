package diagnose

import "testing"

func TestRestoreAccount(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"arn:aws:iam::xxxxxxxxxxxx:role/App", "arn:aws:iam::" + PlaceholderAccount + ":role/App", true},
		{"arn:aws:kms:us-east-1:<account-ID>:key/k:x", "arn:aws:kms:us-east-1:" + PlaceholderAccount + ":key/k:x", true},
		{"arn:aws:iam::111122223333:role/App", "arn:aws:iam::111122223333:role/App", false},
		{"arn:aws:s3:::bucket", "arn:aws:s3:::bucket", false},
		{"arn:aws:iam::Prod:role/App", "arn:aws:iam::Prod:role/App", false},
		{"arn:aws:iam::xxxx", "arn:aws:iam::xxxx", false},
		{"arn:aws:iam::xxxx:role/a\nb", "arn:aws:iam::xxxx:role/a\nb", false},
		{"role/xxxx", "role/xxxx", false},
	} {
		got, ok := restoreAccount(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("restoreAccount(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
