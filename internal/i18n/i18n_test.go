package i18n

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Every message exists in every language, with the same format verbs for
// the same arguments (a translation may reorder them with %[n]s), so no sentence a user reads is left in English or
// breaks when formatted.
func TestCatalogComplete(t *testing.T) {
	ids := IDs()
	sort.Strings(ids)
	if len(ids) == 0 {
		t.Fatal("no messages")
	}
	for _, id := range ids {
		en := Text(EN, id)
		for _, l := range Langs {
			s := Text(l, id)
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: no %s text", id, l)
				continue
			}
			if got, want := verbArgs(s), verbArgs(en); got != want {
				t.Errorf("%s (%s): verbs %v, English has %v", id, l, got, want)
			}
			if l != EN && s == en && !strings.HasPrefix(id, "same.") {
				t.Errorf("%s: %s text is the English text", id, l)
			}
		}
	}
}

func TestDetect(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tt := range []struct {
		flag string
		env  map[string]string
		want Lang
		err  bool
	}{
		{"ja", nil, JA, false},
		{"ko_KR.UTF-8", nil, KO, false},
		{"fr", nil, EN, true},
		{"", map[string]string{"LANG": "ja_JP.UTF-8"}, JA, false},
		{"", map[string]string{"LC_ALL": "ko_KR.UTF-8", "LANG": "ja_JP.UTF-8"}, KO, false},
		{"", map[string]string{"LANG": "de_DE.UTF-8"}, EN, false},
		{"", map[string]string{"LANG": "C.UTF-8"}, EN, false},
		{"", nil, EN, false},
	} {
		got, err := Detect(tt.flag, env(tt.env))
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("Detect(%q, %v) = %v, %v; want %v, error %v", tt.flag, tt.env, got, err, tt.want, tt.err)
		}
	}
}

func TestTable(t *testing.T) {
	got := Table([][]string{{"レイヤー", "判定"}, {"identity", "暗黙的な拒否"}, {"SCP", "許可"}})
	want := "レイヤー  判定\nidentity  暗黙的な拒否\nSCP       許可\n"
	if got != want {
		t.Errorf("Table:\n%q\nwant\n%q", got, want)
	}
	got = WrapTable([][2]string{{"主体", "arn:aws:iam::111122223333:role/r (ロール r の AWS Backup セッション)"}, {"アクション", "iam:PassRole"}}, "  ", 40)
	want = "  主体        arn:aws:iam::111122223333:role/r\n              (ロール r の AWS Backup\n              セッション)\n  アクション  iam:PassRole\n"
	if got != want {
		t.Errorf("WrapTable:\n%s\nwant\n%s", got, want)
	}
}

// verbArgs lists, sorted, which argument each fmt verb of tmpl formats
// and how: "1s 2q" for "%s %q" and for "%[2]q %[1]s".
func verbArgs(tmpl string) string {
	var out []string
	next := 1
	for _, m := range verb().FindAllStringSubmatch(tmpl, -1) {
		v := m[0][len(m[0])-1:]
		if v == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(strings.Trim(m[1], "[]"))
		}
		out = append(out, strconv.Itoa(next)+v)
		next++
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func TestVerbArgs(t *testing.T) {
	for tmpl, want := range map[string]string{"%s %q": "1s 2q", "%[2]q %[1]s": "1s 2q", "%[2]s の %[1]s": "1s 2s", "100%% %d": "1d"} {
		if got := verbArgs(tmpl); got != want {
			t.Errorf("verbArgs(%q) = %q, want %q", tmpl, got, want)
		}
	}
}

// Groups registered concurrently on first use give every goroutine the
// same texts (run with -race).
func TestConcurrentFirstUse(t *testing.T) {
	ids := []string{"audit.title", "fix.no-sid", "report.verdict.Allowed", "layer.scp", "decode.skipped", "jobs.none"}
	var wg sync.WaitGroup
	got := make([][]string, 8)
	for g := range got {
		wg.Go(func() {
			for _, id := range ids {
				got[g] = append(got[g], Text(JA, id))
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i, id := range ids {
			if got[g][i] == "" || got[g][i] != got[0][i] {
				t.Errorf("goroutine %d: %s = %q, goroutine 0 %q", g, id, got[g][i], got[0][i])
			}
		}
	}
}
