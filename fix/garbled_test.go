package fix

import (
	"strings"
	"testing"

	"github.com/deniedhq/denied/authz"
)

func TestGarbled(t *testing.T) {
	for s, want := range map[string]bool{
		"alice": false, "my-vault_1.x": false, "arn:aws:iam::123456789012:user/a/b": false, "<user-name>": false, "ユーザー": false,
		"al\xffice": true, "al\uFFFDice": true, "pr\x07od": true, "tab\there": true, "del\x7f": true, "c1\u0085": true,
	} {
		if got := garbled(s); got != want {
			t.Errorf("garbled(%q) = %v, want %v", s, got, want)
		}
	}
}

// markGarbled, the one place every rendering goes through, replaces a
// garbled identifier by its kind's placeholder in the commands (escaped
// as JSON or HCL too), falls back to <real-name> for one it cannot name,
// keeps the policy document's text, and notes it.
func TestMarkGarbled(t *testing.T) {
	f := Fix{Target: Target{Kind: TargetVaultPolicy, Name: "pr\x07od", ARN: "arn:aws:backup:us-east-1:123456789012:backup-vault:pr\x07od"}}
	f.Render.PolicyJSON = `{"Resource":"arn:aws:backup:us-east-1:123456789012:backup-vault:pr\u0007od"}`
	f.Render.CLI = []string{
		"aws backup put-backup-vault-access-policy --backup-vault-name 'pr\x07od' --policy '{\"Resource\":\"arn:aws:backup:us-east-1:123456789012:backup-vault:pr\\u0007od\"}'",
		"aws iam get-user --user-name 'b\uFFFDb'",
	}
	f.Render.Terraform = "resource \"aws_backup_vault_policy\" \"x\" {\n  backup_vault_name = \"pr\\u0007od\"\n}"
	ri := &reqInfo{p: authz.Principal{Kind: authz.PrincipalUser, Name: "alice", Account: "123456789012"}}
	if !markGarbled(&f, ri) {
		t.Fatal("nothing replaced")
	}
	for _, c := range append(f.Render.CLI, f.Render.Terraform) {
		if garbled(strings.ReplaceAll(c, "\n", " ")) || strings.Contains(c, `\u0007`) {
			t.Errorf("still garbled: %q", c)
		}
	}
	if !strings.Contains(f.Render.CLI[0], "--backup-vault-name '<backup-vault-name>'") || !strings.Contains(f.Render.CLI[0], "backup-vault:<backup-vault-name>") {
		t.Errorf("vault not named by its placeholder: %q", f.Render.CLI[0])
	}
	if !strings.Contains(f.Render.CLI[1], "'"+garbledName+"'") {
		t.Errorf("unknown garbled word not replaced by %s: %q", garbledName, f.Render.CLI[1])
	}
	if !strings.Contains(f.Render.Terraform, `"<backup-vault-name>"`) {
		t.Errorf("Terraform: %s", f.Render.Terraform)
	}
	if !strings.Contains(f.Render.PolicyJSON, `pr\u0007od`) {
		t.Errorf("policy document changed: %s", f.Render.PolicyJSON)
	}
	if len(f.Notes) != 1 || f.Notes[0].ID != "garbled-name" || !strings.Contains(f.Notes[0].Text, `"pr\aod"`) || !strings.Contains(f.Notes[0].Text, "<backup-vault-name>") || !strings.Contains(f.Notes[0].Text, garbledName) {
		t.Errorf("notes: %+v", f.Notes)
	}
	// The marking of placeholders that follows says how to find the vault.
	markPlaceholders(&f, ri)
	if !strings.HasPrefix(f.Render.CLI[0], "# Not runnable") || !strings.Contains(f.Render.CLI[0], "aws backup list-backup-vaults") {
		t.Errorf("not marked not runnable: %q", f.Render.CLI)
	}
	// A fix with no command that names it keeps the text, flagged.
	h := Fix{Target: Target{Kind: TargetSCP}}
	h.Render.PolicyJSON = `{"Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/Back\ufffdup"}}}`
	h.Render.CLI = []string{"aws organizations describe-policy --policy-id <policy-id>"}
	if markGarbled(&h, &reqInfo{p: authz.Principal{Kind: authz.PrincipalRole, Name: "Back\uFFFDup"}}) {
		t.Error("replaced a name no command holds")
	}
	if len(h.Notes) != 1 || h.Notes[0].ID != "garbled-name-text" || !strings.Contains(h.Notes[0].Text, `"Back\ufffdup"`) {
		t.Errorf("policy text not flagged: %+v", h.Notes)
	}
	g := Fix{Target: Target{Kind: TargetVaultPolicy, Name: "prod"}}
	g.Render.CLI = []string{"aws backup get-backup-vault-access-policy --backup-vault-name prod"}
	if markGarbled(&g, ri) || len(g.Notes) != 0 {
		t.Errorf("a clean fix changed: %+v", g)
	}
}
