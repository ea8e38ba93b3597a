package diagnose

import (
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/arn"
)

// PlaceholderAccount stands in for an account ID the message redacted
// ("xxxx", "<account-ID>"): fixes are synthesized and verified with it,
// and rendered with AccountToken instead, for the reader to fill in.
const (
	PlaceholderAccount = "000000000000"
	AccountToken       = "<ACCOUNT_ID>"
)

// restoreAccount replaces a redacted account in an ARN with the
// placeholder. It reports whether it did.
func restoreAccount(s string) (string, bool) {
	a, ok := arn.Parse(s)
	if !ok || a.Account == "" || arn.IsAccountID(a.Account) || strings.ContainsRune(a.Resource, '\n') {
		return s, false
	}
	if !authzmsg.IsRedacted(a.Account) && !strings.ContainsAny(a.Account, "xX*<>{}…") {
		return s, false
	}
	a.Account = PlaceholderAccount
	return a.String(), true
}

// problemFor builds the fix problem a denial describes: the request alone
// (the policies are not in the message), the layer, explicit or not.
func problemFor(d *authzmsg.Denial) (fix.Problem, bool, bool) {
	if d.Action == "" || d.Principal.ARN == "" || d.Principal.Kind == authzmsg.KindUnknown {
		return fix.Problem{}, false, false
	}
	principal, r1 := restoreAccount(d.Principal.ARN)
	resource := d.Resource
	if d.ResourceKind != "arn" {
		resource = "*"
	}
	resource, r2 := restoreAccount(resource)
	resource = uncut(d.Raw, resource)
	resource = unredactedNames(resource)
	if !strings.HasPrefix(principal, "arn:") && d.Principal.Kind != authzmsg.KindService {
		return fix.Problem{}, false, false
	}
	ctx := map[string][]string{}
	for k, vs := range d.Context {
		if strings.HasPrefix(strings.ToLower(k), "aws:") && !strings.EqualFold(k, "aws:SourceIp") && !strings.EqualFold(k, "aws:Region") && !strings.EqualFold(k, "aws:RequestedRegion") {
			continue // aws:Resource, aws:ARN, aws:Account... are EC2's view, not request keys
		}
		vals := make([]string, 0, len(vs))
		for _, v := range vs {
			if s, ok := restoreAccount(v); ok {
				v = s
			}
			vals = append(vals, v)
		}
		ctx[k] = vals
	}
	in := &eval.Input{Request: eval.Request{Principal: principal, Action: d.Action, Resource: resource, Context: ctx}}
	layer := orDefault(layerOf(d), authz.LayerIdentity.String())
	p := fix.Problem{Input: in, Layer: layer, Explicit: d.Decision == authzmsg.ExplicitDeny}
	if p.Explicit && d.PolicyARN != "" {
		// The message names the denying policy: the fix edits that one.
		arn, _ := restoreAccount(d.PolicyARN)
		p.Deciding = []eval.StatementRef{{Layer: layer, Policy: arn, Statement: -1}}
	}
	if p.Explicit {
		p.DenyStatements = denyStatements(d)
	}
	return p, r1 || r2, true
}

// cutShort reports whether the message cut value short: it ends in an
// ellipsis ("…", "..."), or the text has one right after it (the parser
// reads a final "..." as the end of the sentence).
func cutShort(raw, value string) bool {
	if value == "" {
		return false
	}
	for _, e := range []string{"...", "…"} {
		if strings.HasSuffix(value, e) || strings.Contains(raw, value+e) {
			return true
		}
	}
	return false
}

// uncut returns the resource ARN with the name the message cut short
// ("role/EC2Ro...", "my-bucket/da…") replaced by a placeholder, so that no
// fix names a resource that is not the one denied, and no command runs with
// it: the fixes say what to fill in.
func uncut(raw, resource string) string {
	if resource == "*" || !cutShort(raw, resource) {
		return resource
	}
	r := strings.TrimSuffix(strings.TrimSuffix(resource, "..."), "…")
	i := strings.LastIndexAny(r, "/:")
	if i < 0 {
		return resource
	}
	a, _ := arn.Parse(r)
	return r[:i+1] + placeholderFor(a)
}

// placeholderFor is the placeholder of the name at the end of a's resource.
func placeholderFor(a arn.ARN) string {
	switch {
	case a.Service == "iam" && strings.HasPrefix(a.Resource, "role/"):
		return "<role-name>"
	case a.Service == "iam" && strings.HasPrefix(a.Resource, "user/"):
		return "<user-name>"
	case a.Service == "kms" && strings.HasPrefix(a.Resource, "key/"):
		return "<key-id>"
	case a.Service == "backup" && strings.HasPrefix(a.Resource, "backup-vault:"):
		return "<backup-vault-name>"
	case a.Service == "ecr" && strings.HasPrefix(a.Resource, "repository/"):
		return "<repository-name>"
	case a.Service == "s3" && strings.Contains(a.Resource, "/"):
		return "<object-key>"
	case a.Service == "s3":
		return "<bucket-name>"
	}
	return "<resource-name>"
}

// redactedName reports whether a name was redacted by whoever quoted the
// message: "XXX", "xxxxxxxx", "XXX-ecr-push", "****", "<name>".
func redactedName(s string) bool {
	return authzmsg.IsRedacted(s) || strings.Contains(s, "XXX") || strings.Contains(s, "xxxx") || strings.Contains(s, "***")
}

// unredactedNames returns the resource ARN with a redacted Region and a
// redacted resource name replaced by placeholders (the account is
// restoreAccount's): no fix may name "XXX" as a Region, role or repository,
// and no command may run with it.
func unredactedNames(resource string) string {
	a, ok := arn.Parse(resource)
	if !ok {
		return resource
	}
	changed := false
	if a.Region != "" && redactedName(a.Region) {
		a.Region, changed = "<region>", true
	}
	if i := strings.LastIndexAny(a.Resource, "/:"); i < len(a.Resource)-1 && redactedName(a.Resource[i+1:]) {
		a.Resource, changed = a.Resource[:i+1]+placeholderFor(a), true
	}
	if !changed {
		return resource
	}
	return a.String()
}

// attachFixes plans the fixes for a finding whose layer is a policy layer.
func attachFixes(d *authzmsg.Denial, f *Finding, opt Options) {
	if _, ok := authz.ParseLayer(f.Layer); !ok {
		return // "trust", "service", "decode", a job's "kms": no policy layer
	}
	p, redacted, ok := problemFor(d)
	if !ok {
		return
	}
	if p.Layer != f.Layer {
		p.Deciding = nil // the message's policy is of another layer than the finding's
	}
	p.Layer = f.Layer
	plan := fix.PlanFor(p, opt.Fix) // one plan: its fixes and its alternatives
	others := plan.Others()
	if redacted {
		plan = redactPlan(plan)
		for i := range others {
			others[i] = redactFix(others[i])
		}
		f.Notes = append(f.Notes, redactedNotes(d, plan)...)
	}
	// The fix package notes the managed restore policy itself.
	for _, n := range plan.Notes {
		if n.ID == "managed-restores-policy-allows-passrole" {
			kept := f.Notes[:0]
			for _, m := range f.Notes {
				if m.ID != "backup.ec2passrole.note.managed" {
					kept = append(kept, m)
				}
			}
			f.Notes = kept
		}
	}
	if plan.Error == "" || len(plan.Fixes) > 0 {
		f.Plan = &plan
	}
	f.Alternatives = others
	if p.Layer == authz.LayerSCP.String() && p.Explicit && len(p.DenyStatements) == 0 {
		// AWS reports an SCP's implicit deny (no SCP level allows the
		// action) as an explicit one too: the message cannot tell a
		// matching Deny from a missing Allow, so the Allow is offered as
		// well.
		p.Explicit = false
		alt := fix.PlanFor(p, opt.Fix)
		if n := len(alt.Fixes) + len(alt.Others()); n > 0 && !hasMsg(f.Notes, "generic.scp.note") {
			f.Notes = append(f.Notes, msg("generic.scp.note"))
		}
		for _, x := range append(alt.Fixes, alt.Others()...) {
			if redacted {
				x = redactFix(x)
			}
			f.Alternatives = append(f.Alternatives, x)
		}
	}
}

func redactPlan(p fix.Plan) fix.Plan {
	for i := range p.Fixes {
		p.Fixes[i] = redactFix(p.Fixes[i])
	}
	p.Notes = fix.NotesWith(p.Notes, PlaceholderAccount, AccountToken)
	return p
}

// accountFinder is the command that prints the account ID of the
// credentials in use.
const accountFinder = "aws sts get-caller-identity --query Account --output text"

// redactFix puts the account token back where the placeholder account
// stands.
func redactFix(f fix.Fix) fix.Fix {
	// A redacted account stands for an account the message hides: it may be
	// the other side's, so no line may say the two differ.
	return f.WithPlaceholder(PlaceholderAccount, AccountToken, accountFinder).WithoutOwnerNote(AccountToken)
}

func hasMsg(ns []Msg, id string) bool {
	for _, n := range ns {
		if n.ID == id {
			return true
		}
	}
	return false
}

// redactedNotes say which account the account token stands for: the
// caller's, the resource owner's (which may be another), or both, taken
// to be one; with one hidden, whether the request crosses accounts is not
// known, and a plan that fixes two layers says what one account needs.
func redactedNotes(d *authzmsg.Denial, plan fix.Plan) []Msg {
	_, principal := restoreAccount(d.Principal.ARN)
	_, resource := restoreAccount(d.Resource)
	switch {
	case principal && !resource:
		return []Msg{msg("note.redacted-account.principal", AccountToken, d.Principal.ARN)}
	case resource && !principal:
		ns := []Msg{msg("note.redacted-account.resource", d.Resource, AccountToken)}
		layers := map[string]bool{}
		for _, x := range plan.Fixes {
			layers[x.Layer] = true
		}
		if len(layers) > 1 {
			ns = append(ns, msg("note.redacted-cross"))
		}
		return ns
	}
	return []Msg{msg("note.redacted-account", AccountToken)}
}
