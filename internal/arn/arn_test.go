package arn

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want ARN
		ok   bool
	}{
		{"arn:aws:iam::111122223333:role/path/App", ARN{"aws", "iam", "", "111122223333", "role/path/App"}, true},
		{"arn:aws:s3:::bucket/key:with:colons", ARN{"aws", "s3", "", "", "bucket/key:with:colons"}, true},
		{"arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:db-AbCdEf", ARN{"aws-cn", "secretsmanager", "cn-north-1", "111122223333", "secret:db-AbCdEf"}, true},
		{"arn:::::", ARN{}, true},
		{"arn:aws:iam::111122223333", ARN{}, false},
		{"ARN:aws:iam::111122223333:root", ARN{}, false},
		{"x:aws:iam::111122223333:root", ARN{}, false},
		{"arn", ARN{}, false},
		{"", ARN{}, false},
	} {
		got, ok := Parse(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFieldsIsSplitN(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", ":", "a", "a:b", "arn:aws:iam::1:root", "arn:aws:s3:::b/k:x:y", ":::::", "::::::::", "a:b:c:d:e"} {
		checkSplitN(t, s)
	}
}

func checkSplitN(t *testing.T, s string) {
	t.Helper()
	f, n := Fields(s)
	want := strings.SplitN(s, ":", 6)
	if n != len(want) {
		t.Fatalf("Fields(%q): %d fields, SplitN gives %d", s, n, len(want))
	}
	for i := range want {
		if f[i] != want[i] {
			t.Fatalf("Fields(%q)[%d] = %q, SplitN gives %q", s, i, f[i], want[i])
		}
	}
	for i := n; i < len(f); i++ {
		if f[i] != "" {
			t.Fatalf("Fields(%q)[%d] = %q past the last field", s, i, f[i])
		}
	}
}

func TestFieldsVars(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"arn:aws:s3:::bucket/${aws:username}/*", []string{"arn", "aws", "s3", "", "", "bucket/${aws:username}/*"}},
		{"arn:${aws:partition}:iam::${aws:PrincipalAccount}:role/x", []string{"arn", "${aws:partition}", "iam", "", "${aws:PrincipalAccount}", "role/x"}},
		{"arn:aws:s3:::a:b:c", []string{"arn", "aws", "s3", "", "", "a:b:c"}},
		{"arn:aws:${x", []string{"arn", "aws", "${x"}},
		{"a}:b", []string{"a}", "b"}},
	} {
		f, n := FieldsVars(tc.in)
		if n != len(tc.want) || strings.Join(f[:n], "|") != strings.Join(tc.want, "|") {
			t.Errorf("FieldsVars(%q) = %q, want %q", tc.in, f[:n], tc.want)
		}
	}
}

func TestAccount(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"arn:aws:iam::111122223333:root":         "111122223333",
		"arn:aws:s3:::bucket":                    "",
		"111122223333":                           "",
		"arn:aws:sts::444455556666:assumed-role": "444455556666",
		"x:aws:iam::111122223333:root":           "",
	} {
		if got := Account(in); got != want {
			t.Errorf("Account(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsAccountID(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{
		"111122223333":  true,
		"000000000000":  true,
		"11112222333":   false,
		"1111222233334": false,
		"11112222333a":  false,
		"١١١١٢٢٢٢٣٣":    false, // Arabic-Indic digits are not ASCII
		"":              false,
		"*":             false,
	} {
		if got := IsAccountID(in); got != want {
			t.Errorf("IsAccountID(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzFields(f *testing.F) {
	for _, s := range []string{"arn:aws:iam::111122223333:role/App", "arn:aws:s3:::b/${aws:username}:x", "a:b", "", "::::::"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSplitN(t, s)
		a, ok := Parse(s)
		if want := strings.HasPrefix(s, "arn:") && strings.Count(s, ":") >= 5; ok != want {
			t.Fatalf("Parse(%q) ok = %v, want %v", s, ok, want)
		}
		if ok && "arn:"+a.Partition+":"+a.Service+":"+a.Region+":"+a.Account+":"+a.Resource != s {
			t.Fatalf("Parse(%q) = %+v does not join back", s, a)
		}
		v, n := FieldsVars(s)
		if strings.Join(v[:n], ":") != s {
			t.Fatalf("FieldsVars(%q) = %q does not join back", s, v[:n])
		}
		if !strings.Contains(s, "${") {
			if g, m := Fields(s); g != v || m != n {
				t.Fatalf("FieldsVars(%q) = %q, Fields %q, without variables", s, v[:n], g[:m])
			}
		}
	})
}

func TestStringJoinsParse(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"arn:aws:iam::111122223333:role/path/App", "arn:aws:s3:::bucket/key:with:colons", "arn:::::", "arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:db-AbCdEf"} {
		a, ok := Parse(s)
		if !ok || a.String() != s {
			t.Errorf("Parse(%q).String() = %q, %v", s, a.String(), ok)
		}
	}
}

func TestLastField(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"arn:aws:backup:us-east-1:111122223333:backup-vault:Default": "Default", "Default": "Default", "": "", "a:": "", ":b": "b"} {
		if got := LastField(in); got != want {
			t.Errorf("LastField(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"arn:aws:iam::111122223333:role/Restore":                       "Restore",
		"arn:aws:iam::111122223333:role/service-role/a/b/Restore":      "Restore",
		"arn:aws:iam::111122223333:instance-profile/EC2Profile":        "EC2Profile",
		"arn:aws:sts::111122223333:assumed-role/Restore/AWSBackup-Res": "AWSBackup-Res",
		"Restore": "Restore",
		"":        "",
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}
