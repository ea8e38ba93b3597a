package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// garbledRune reports whether s holds a character no AWS identifier
// holds: U+FFFD (for bytes that were not valid UTF-8) or a control
// character other than the line breaks of a body.
func garbledRune(s string) bool {
	for _, r := range s {
		if r == '\uFFFD' || r < 0x20 && r != '\n' || r == 0x7f {
			return true
		}
	}
	return strings.Contains(strings.ToLower(s), `\ufffd`) || strings.Contains(s, `\u0007`)
}

// walkFixes calls f with every "render" object and every "notes" list of
// explain's JSON output.
func walkFixes(v any, render func(map[string]any), notes func([]any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if m, ok := x.(map[string]any); ok && k == "render" {
				render(m)
			}
			if l, ok := x.([]any); ok && k == "notes" {
				notes(l)
			}
			walkFixes(x, render, notes)
		}
	case []any:
		for _, x := range v {
			walkFixes(x, render, notes)
		}
	}
}

// An access-denied message whose names are garbled (a byte that is not
// valid UTF-8 in the user's name, a control character in the vault's)
// names no runnable command with them: the commands name placeholders,
// are marked not runnable with the finder of each, and a note says the
// message's name was garbled, in every language.
func TestExplainGarbledNamesNotRunnable(t *testing.T) {
	msgs := map[string]string{
		"user":  "User: arn:aws:iam::123456789012:user/al\xffice is not authorized to perform: backup:StartBackupJob on resource: arn:aws:backup:us-east-1:123456789012:backup-vault:prod because no identity-based policy allows the backup:StartBackupJob action",
		"vault": "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: backup:StartBackupJob on resource: arn:aws:backup:us-east-1:123456789012:backup-vault:pr\x07od because no resource-based policy allows the backup:StartBackupJob action",
	}
	placeholder := map[string]string{"user": "<user-name>", "vault": "<backup-vault-name>"}
	for name, msg := range msgs {
		t.Run(name, func(t *testing.T) {
			out, errOut, code := runCLI(t, msg, "explain", "--no-decode", "--format", "json", "-")
			if code != 0 {
				t.Fatalf("exit %d, stderr %s", code, errOut)
			}
			var doc any
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			renders, noted := 0, false
			walkFixes(doc, func(r map[string]any) {
				cli, _ := r["cli"].([]any)
				if len(cli) == 0 {
					return
				}
				renders++
				marked := false
				for _, l := range cli {
					s, _ := l.(string)
					if strings.HasPrefix(s, "#") {
						marked = marked || strings.Contains(s, "Not runnable") && strings.Contains(s, placeholder[name])
						continue
					}
					if garbledRune(s) {
						t.Errorf("runnable command with a garbled name: %q", s)
					}
				}
				if !marked {
					t.Errorf("no command marked not runnable for %s: %q", placeholder[name], cli)
				}
				for _, k := range []string{"terraform", "cloudFormation", "cloudformation"} {
					body, _ := r[k].(string)
					for _, l := range strings.Split(body, "\n") {
						if !strings.HasPrefix(strings.TrimSpace(l), "#") && garbledRune(l) {
							t.Errorf("%s line with a garbled name: %q", k, l)
						}
					}
				}
			}, func(ns []any) {
				for _, n := range ns {
					if m, ok := n.(map[string]any); ok && m["id"] == "garbled-name" {
						noted = true
					}
				}
			})
			if renders == 0 {
				t.Fatalf("no fix rendered: %s", out)
			}
			if !noted {
				t.Errorf("no note that the name was garbled: %s", out)
			}
			for lang, word := range map[string]string{"en": "Garbled in the message", "ja": "文字化けしています", "ko": "깨진"} {
				text, _, _ := runCLI(t, msg, "explain", "--no-decode", "--lang", lang, "--show", "all", "-")
				if !strings.Contains(text, word) {
					t.Errorf("%s: no note that the name was garbled:\n%s", lang, text)
				}
				for _, l := range strings.Split(text, "\n") {
					if c := strings.TrimSpace(l); strings.HasPrefix(c, "aws ") && garbledRune(c) {
						t.Errorf("%s: runnable command with a garbled name: %q", lang, c)
					}
				}
			}
		})
	}
}
