package account

import (
	"errors"
	"strings"
	"testing"
)

// TestLoadEscapes checks that strings with JSON escapes load as
// encoding/json reads them, surrogate pairs included, and that escapes
// JSON does not have are refused at the string that holds them.
func TestLoadEscapes(t *testing.T) {
	t.Parallel()
	const head = `{"schemaVersion":1,"accountId":"111122223333","roles":[{"arn":"arn:aws:iam::111122223333:role/R","trustPolicy":{"Version":"2012-10-17","Statement":[]},"tags":[{"key":"owner","value":`
	for in, want := range map[string]string{
		`"\ud83d\ude00 team"`: "😀 team",
		`"caf\u00e9\/\t"`:     "café/\t",
		`"\ud800x"`:           "\uFFFDx",
	} {
		s, err := Load(strings.NewReader(head + in + `}]}]}`))
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if got := s.Roles[0].Tags[0].Value; got != want {
			t.Errorf("%s: tag %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{`"\x41"`, `"\a"`, `"\101"`, `"\U0001F600"`, `"\u12"`} {
		_, err := Load(strings.NewReader(head + in + `}]}]}`))
		var e *Error
		if !errors.As(err, &e) || e.Pointer != "/roles/0/tags/0/value" || e.Line != 1 || e.Col != len(head)+1 {
			t.Errorf("%s: error %v, want one at /roles/0/tags/0/value, 1:%d", in, err, len(head)+1)
		}
	}
}
