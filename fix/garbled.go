package fix

import (
	"encoding/json"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/internal/i18n"
)

// garbled reports whether identifier s cannot be the real one: it holds
// bytes that are not valid UTF-8, the replacement character U+FFFD that
// stands for such bytes once decoded, or a control character. No AWS
// name, ID or ARN holds any of them: the message's text was garbled (a
// wrong encoding, a terminal's control sequences) on its way here.
func garbled(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return true
		}
	}
	return false
}

// garbledName is the placeholder for a garbled identifier no finder
// knows the kind of.
const garbledName = "<real-name>"

// garbledWordRE matches a word of a rendering (between quotes, blanks and
// the separators of ARNs, JSON and shell words) that holds a garbled
// character, raw or escaped as JSON and HCL escape it.
var garbledWordRE = regexp.MustCompile(`[^\s'":/,=\[\]{}()]*(?:[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x{80}-\x{9f}\x{FFFD}]|\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u(?i:fffd))[^\s'":/,=\[\]{}()]*`)

// garbledIDs returns each identifier of fix f's request and target that
// is garbled, with the placeholder that stands for it in the commands.
func garbledIDs(f *Fix, ri *reqInfo) map[string]string {
	out := map[string]string{}
	add := func(v, p string) {
		if v != "" && garbled(v) {
			if _, ok := out[v]; !ok {
				out[v] = p
			}
		}
	}
	if ri != nil {
		who := "<user-name>"
		if f.Target.Kind == TargetRoleInline || ri.p.Kind == authz.PrincipalSession || ri.p.Kind == authz.PrincipalRole {
			who = "<role-name>"
		}
		add(ri.p.Name, who)
		add(ri.p.Session, "<session-name>")
		add(ri.p.Account, "<ACCOUNT_ID>")
		add(ri.res[4], "<ACCOUNT_ID>")
		for _, a := range []string{ri.p.ARN, ri.p.RoleARN, ri.roleARN, ri.p.FederatingUser, ri.resource} {
			arnIDs(a, add)
		}
	}
	t := f.Target
	switch t.Kind {
	case TargetRoleInline, TargetTrustPolicy:
		add(t.Name, "<role-name>")
	case TargetUserInline:
		add(t.Name, "<user-name>")
	case TargetKeyPolicy:
		add(t.Name, "<key-id>")
	case TargetVaultPolicy:
		add(t.Name, "<backup-vault-name>")
	case TargetBucketPolicy:
		add(t.Name, "<bucket-name>")
	case TargetFunctionPolicy:
		add(t.Name, "<function-name>")
	case TargetVPCEndpoint:
		add(t.Name, "<vpc-endpoint-id>")
	default:
		add(t.Name, "<policy-name>")
	}
	add(t.PolicyName, "<policy-name>")
	if t.Kind == TargetVPCEndpoint {
		add(t.PolicyID, "<vpc-endpoint-id>")
	} else {
		add(t.PolicyID, "<policy-id>")
	}
	add(t.AttachedTo, "<target-id>")
	arnIDs(t.ARN, add)
	return out
}

// arnIDs calls add with each segment of ARN a (its account, the names in
// its resource) and the placeholder that stands for it.
func arnIDs(a string, add func(v, p string)) {
	parts := strings.SplitN(a, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" {
		return
	}
	add(parts[4], "<ACCOUNT_ID>")
	svc := parts[2]
	words := strings.FieldsFunc(parts[5], func(r rune) bool { return r == '/' || r == ':' })
	for i, w := range words {
		p := "<resource-name>"
		typ := ""
		if i > 0 {
			typ = words[0]
		}
		switch {
		case svc == "s3" && i == 0:
			p = "<bucket-name>"
		case svc == "s3":
			p = "<object-key>"
		case svc == "iam" && typ == "role", svc == "sts" && typ == "assumed-role" && i == 1:
			p = "<role-name>"
		case svc == "sts" && typ == "assumed-role":
			p = "<session-name>"
		case svc == "iam" && typ == "user":
			p = "<user-name>"
		case svc == "iam" && typ == "policy":
			p = "<policy-name>"
		case svc == "backup" && typ == "backup-vault":
			p = "<backup-vault-name>"
		case svc == "kms" && typ == "key":
			p = "<key-id>"
		case svc == "kms" && typ == "alias":
			p = "<alias-name>"
		case svc == "lambda" && typ == "function" && i == 1:
			p = "<function-name>"
		}
		add(w, p)
	}
}

// garbledForms returns the forms v takes in the renderings: as it is (a
// shell word, a single-quoted YAML scalar), and escaped as JSON (with and
// without HTML escapes) and HCL escape it.
func garbledForms(v string) []string {
	forms := []string{v}
	q, _ := json.Marshal(v)
	forms = append(forms, string(q[1:len(q)-1]))
	var b strings.Builder
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	_ = e.Encode(v)
	s := strings.TrimSpace(b.String())
	forms = append(forms, s[1:len(s)-1])
	h := hclString(v)
	forms = append(forms, h[1:len(h)-1])
	if strings.ContainsRune(v, utf8.RuneError) {
		// U+FFFD escaped, as a JSON writer may escape it.
		for _, form := range forms[1:] {
			forms = append(forms, strings.ReplaceAll(form, "\uFFFD", `\ufffd`), strings.ReplaceAll(form, "\uFFFD", `\uFFFD`))
		}
	}
	return forms
}

// markGarbled is the one place that keeps a garbled identifier (garbled)
// out of every command of f: the CLI lines (comments too: they give
// commands), the Terraform and the CloudFormation name it by a placeholder
// instead (the one its kind's finder knows, else <real-name>), so that the
// marking of placeholders marks the commands not runnable as they are and
// says how to find the real value. The policy document keeps the text as
// the message gave it; a note says which names were garbled. It reports
// whether it replaced anything.
func markGarbled(f *Fix, ri *reqInfo) bool {
	ids := garbledIDs(f, ri)
	if len(ids) == 0 && !mayBeGarbled(f.Render.Terraform) && !mayBeGarbled(f.Render.CloudFormation) {
		clean := true
		for _, c := range f.Render.CLI {
			clean = clean && !mayBeGarbled(c)
		}
		if clean {
			return false // the common case, without a regular expression
		}
	}
	var pairs [][2]string
	for v, p := range ids {
		for _, form := range garbledForms(v) {
			pairs = append(pairs, [2]string{form, p})
		}
	}
	// The longest first: an ARN's name is replaced within its ARN.
	sort.Slice(pairs, func(i, j int) bool {
		if len(pairs[i][0]) != len(pairs[j][0]) {
			return len(pairs[i][0]) > len(pairs[j][0])
		}
		return pairs[i][0] < pairs[j][0]
	})
	var args []string
	for _, pr := range pairs {
		args = append(args, pr[0], pr[1])
	}
	r := strings.NewReplacer(args...)
	var seen []string // the garbled values replaced, quoted
	var phs []string  // their placeholders
	replace := func(s string) string {
		s2 := r.Replace(s)
		s2 = garbledWordRE.ReplaceAllStringFunc(s2, func(w string) string {
			if !contains(seen, strconv.QuoteToASCII(w)) {
				seen = append(seen, strconv.QuoteToASCII(w))
			}
			return garbledName
		})
		return s2
	}
	changed := false
	for v, p := range ids {
		in := func(s string) bool {
			for _, form := range garbledForms(v) {
				if strings.Contains(s, form) {
					return true
				}
			}
			return false
		}
		if in(strings.Join(f.Render.CLI, "\n")) || in(f.Render.Terraform) || in(f.Render.CloudFormation) {
			seen = append(seen, strconv.QuoteToASCII(v))
			if !contains(phs, p) {
				phs = append(phs, p)
			}
		}
	}
	sort.Strings(seen)
	n := len(seen)
	cli := make([]string, len(f.Render.CLI))
	for i, c := range f.Render.CLI {
		cli[i] = replace(c)
		changed = changed || cli[i] != c
	}
	tf, cfn := replace(f.Render.Terraform), replace(f.Render.CloudFormation)
	changed = changed || tf != f.Render.Terraform || cfn != f.Render.CloudFormation
	if !changed {
		// No command names it; a policy document or a sentence that does
		// keeps the text, flagged.
		var held []string
		text := f.Render.PolicyJSON + "\n" + f.Title + "\n" + f.Risk
		for _, nt := range f.Notes {
			text += "\n" + nt.Text
		}
		for v := range ids {
			for _, form := range garbledForms(v) {
				if strings.Contains(text, form) {
					held = append(held, strconv.QuoteToASCII(v))
					break
				}
			}
		}
		if len(held) > 0 {
			sort.Strings(held)
			f.Notes = append(f.Notes, note("garbled-name-text", strings.Join(held, ", ")))
		}
		return false
	}
	f.Render.CLI, f.Render.Terraform, f.Render.CloudFormation = cli, tf, cfn
	comments := make(map[string]i18n.Message, len(f.Render.Comments))
	for _, m := range f.Render.Comments {
		m = m.Map(replace)
		comments[m.In(i18n.EN)] = m
	}
	f.Render.Comments = comments
	if len(seen) > n && !contains(phs, garbledName) {
		phs = append(phs, garbledName)
	}
	f.Notes = append(f.Notes, note("garbled-name", strings.Join(seen, ", "), strings.Join(phs, ", ")))
	return true
}

// mayBeGarbled reports whether text s may hold a garbled word
// (garbledWordRE): a byte that is not printable ASCII, or an escape.
func mayBeGarbled(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' || c >= 0x7f || c == '\\' && i+1 < len(s) && s[i+1] == 'u' {
			return true
		}
	}
	return false
}
