package diagnose

import (
	"regexp"
	"slices"
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/fix"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/i18n"
)

// PlaceholderAccount stands in for an account ID the message redacted
// ("xxxx", "<account-ID>"): fixes are synthesized and verified with it,
// and rendered with AccountToken instead, for the reader to fill in.
const (
	PlaceholderAccount = "000000000000"
	AccountToken       = "<ACCOUNT_ID>"
)

// PlaceholderManagement stands in for the account of an SCP's or RCP's
// ARN the message redacted, the organization's management account, which
// is not the caller's: rendered with ManagementToken.
const (
	PlaceholderManagement = "000000000001"
	ManagementToken       = "<MANAGEMENT_ACCOUNT_ID>"
)

// hidden says whose account IDs the message redacted: the caller's (in
// the principal's ARN, or an identity-based policy's), the resource
// owner's (in the resource's ARN), the management account's (in an SCP's
// or RCP's ARN), another in a request value.
type hidden struct{ caller, owner, management, other, principal, action bool }

func (h hidden) any() bool {
	return h.caller || h.owner || h.management || h.other || h.principal || h.action
}

// account reports whether the account token stands in the fixes.
func (h hidden) account() bool { return h.caller || h.owner || h.other }

// restoreAccount replaces a redacted account in an ARN with the
// placeholder. It reports whether it did.
func restoreAccount(s string) (string, bool) {
	a, ok := arn.Parse(s)
	if ok && accountRemoved(a) && !strings.ContainsRune(a.Resource, '\n') {
		a.Account = PlaceholderAccount
		return a.String(), true
	}
	if !ok || a.Account == "" || arn.IsAccountID(a.Account) || strings.ContainsRune(a.Resource, '\n') {
		return s, false
	}
	if !authzmsg.IsRedacted(a.Account) && !strings.ContainsAny(a.Account, "xX*<>{}…") && !redactedAccountID(a.Account) {
		return s, false
	}
	a.Account = PlaceholderAccount
	return a.String(), true
}

// accountful are the services whose every ARN holds an account ID (an
// S3 bucket's, a Route 53 zone's or an AWS owned EC2 image's, SSM
// document's do not), and regional those of them whose every ARN holds a
// Region as well: in their ARNs an empty field is one the quoter removed
// ("arn:aws:sts:::assumed-role/...", "arn:aws:sns:::topic").
var (
	accountful = map[string]bool{"iam": true, "sts": true, "sns": true, "sqs": true, "lambda": true, "kms": true, "secretsmanager": true, "dynamodb": true, "backup": true, "states": true, "logs": true, "ecr": true}
	regional   = map[string]bool{"sns": true, "sqs": true, "lambda": true, "kms": true, "secretsmanager": true, "dynamodb": true, "backup": true, "states": true, "logs": true, "ecr": true}
)

// accountRemoved reports whether the ARN's account field is empty where
// its service always has one.
func accountRemoved(a arn.ARN) bool {
	return a.Account == "" && accountful[strings.ToLower(a.Service)] && a.Resource != ""
}

// redactedAccountID reports whether an ARN's account field that is not an
// account ID is one a reader edited: every account ID has 12 digits, so
// digits of another count ("111111", "0123456789"), digits blanked with
// underscores ("97_________2", "_________") or a word in capitals
// ("REMOVED", "OMITTED") stand for the hidden one. A name in lower or
// mixed case ("aws", an AWS managed policy's; "Prod") is not taken for one.
func redactedAccountID(s string) bool {
	digits, blanks, upper := 0, 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '_':
			blanks++
		case r >= 'A' && r <= 'Z':
			upper++
		default:
			return false
		}
	}
	switch {
	case upper > 0:
		return digits == 0 && blanks == 0 && upper >= 3
	case blanks > 0:
		return true
	}
	return digits > 0
}

// problemFor builds the fix problem a denial describes: the request alone
// (the policies are not in the message), the layer, explicit or not; and
// whose account IDs the message hid.
func problemFor(d *authzmsg.Denial) (fix.Problem, hidden, bool) {
	var h hidden
	action := d.Action
	if action == "" {
		if !actionUnnamedFixable(d) {
			return fix.Problem{}, h, false
		}
		action, h.action = PlaceholderAction, true
	}
	var principal string
	var r1 bool
	if principalUnknown(d) && layerOf(d) != "" {
		// Who was denied is not known (not named, "xxxxxxx", "[redacted]"):
		// the fixes are made for a stand-in whose kind, user or role, is not
		// known either; their renderings name neither (fix.UnknownPrincipalName).
		principal, r1, h.principal = standInPrincipal, true, true
	} else {
		if d.Principal.ARN == "" || d.Principal.Kind == authzmsg.KindUnknown {
			return fix.Problem{}, h, false
		}
		principal, r1 = restoreAccount(d.Principal.ARN)
		principal = roleNamePlaceholder(withSessionPlaceholder(principal))
	}
	if r1 && arn.IsAccountID(d.AccountID) && d.AccountID != PlaceholderAccount {
		// The ARN hides the caller's account, another field gives it (a
		// CloudTrail event's userIdentity.accountId).
		principal, r1 = strings.Replace(principal, ":"+PlaceholderAccount+":", ":"+d.AccountID+":", 1), false
	}
	resource := d.Resource
	if d.ResourceKind != "arn" {
		resource = "*"
	}
	if keyUnnamed(d) {
		// The KMS key the request used, not named ("the resource associated
		// with this ciphertext", "[redacted]"): a key of an unknown Region,
		// account and ID, so that the fixes edit that key's policy, or name
		// it in an identity-based policy, with placeholders.
		resource = "arn:" + partitionOf(d) + ":kms:" + regionOf(d) + ":" + PlaceholderAccount + ":key/<key-id>"
		h.owner = true
	}
	resource, r3 := functionCutShort(d.Raw, d.Action, resource)
	resource, r2 := restoreAccount(resource)
	h.caller, h.owner = r1, h.owner || r2 || r3
	resource = uncut(d.Raw, resource)
	resource = unredactedNames(resource)
	if !strings.HasPrefix(principal, "arn:") && d.Principal.Kind != authzmsg.KindService {
		return fix.Problem{}, h, false
	}
	if strings.EqualFold(action, "iam:PassRole") && !namesRole(resource) {
		// The message names no role (nothing after the action, "*", a
		// fragment): a role of the caller's account (a role is never
		// passed across accounts) by a placeholder, never "*", which would
		// let the caller pass any role.
		acct := PlaceholderAccount
		if a, ok := arn.Parse(principal); ok && arn.IsAccountID(a.Account) {
			acct = a.Account
		} else {
			h.owner = true
		}
		resource = "arn:" + partitionOf(d) + ":iam::" + acct + ":role/" + passedRolePlaceholder(principal)
	}
	ctx := map[string][]string{}
	for k, vs := range d.Context {
		if strings.HasPrefix(strings.ToLower(k), "aws:") && !strings.EqualFold(k, "aws:SourceIp") && !strings.EqualFold(k, "aws:Region") && !strings.EqualFold(k, "aws:RequestedRegion") {
			continue // aws:Resource, aws:ARN, aws:Account... are EC2's view, not request keys
		}
		vals := make([]string, 0, len(vs))
		for _, v := range vs {
			if s, ok := restoreAccount(v); ok {
				v, h.other = s, true
			}
			vals = append(vals, v)
		}
		ctx[k] = vals
	}
	if svc := passedToServiceOf(d); svc != "" && strings.EqualFold(action, "iam:PassRole") && !hasKey(ctx, "iam:PassedToService") {
		ctx["iam:PassedToService"] = []string{svc}
	}
	in := &eval.Input{Request: eval.Request{Principal: principal, Action: action, Resource: resource, Context: ctx}}
	layer := orDefault(layerOf(d), authz.LayerIdentity.String())
	p := fix.Problem{Input: in, Layer: layer, Explicit: d.Decision == authzmsg.ExplicitDeny}
	if p.Explicit && d.PolicyARN != "" {
		// The message names the denying policy: the fix edits that one.
		p.Deciding = []eval.StatementRef{{Layer: layer, Policy: policyARN(d.PolicyARN, layer, principal, &h), Statement: -1}}
	}
	if p.Explicit {
		p.DenyStatements = denyStatements(d)
	}
	return p, h, true
}

// namesRole reports whether resource is the ARN of a named IAM role.
func namesRole(resource string) bool {
	a, ok := arn.Parse(resource)
	return ok && a.Service == "iam" && strings.HasPrefix(a.Resource, "role/") && !strings.HasSuffix(a.Resource, "/")
}

// passedRolePlaceholder is the placeholder of the role an iam:PassRole
// passes when the message does not name it: <role-name>, or
// <passed-role-name> when <role-name> already stands for the principal
// (a role whose name the message cut short, or a principal of unknown
// kind, whose renderings name the role by <role-name>).
func passedRolePlaceholder(principal string) string {
	if principal == standInPrincipal || strings.Contains(principal, "<role-name>") {
		return "<passed-role-name>"
	}
	return "<role-name>"
}

// passedToServiceOf is the iam:PassedToService that the failing call
// implies when its operation is known (the CLI's or boto3's "when calling
// the X operation", the Go SDK's "operation error SERVICE: X"): an AWS
// Backup job or selection passes its role to AWS Backup; an EC2 instance
// profile's role is passed to EC2; a Lambda function's execution role to
// Lambda; a stack's service role (RoleARN) to CloudFormation. The
// service the message's wrapper names (Go SDK "operation error Lambda:",
// Java SDK "(Service: AWSLambda; ...)") must be the operation's; with no
// operation, only a service that receives roles as one service principal
// is mapped: Lambda (its execution role). EC2 also passes roles to
// vpc-flow-logs (CreateFlowLogs) and spotfleet, AWS Backup restores pass
// an instance role to EC2: by service alone, "" for them. "" otherwise.
func passedToServiceOf(d *authzmsg.Denial) string {
	svc := wrapperService(d.Service)
	if op, ok := passRoleOps[d.Operation]; ok {
		if svc != "" && svc != op.service {
			return ""
		}
		return op.principal
	}
	if d.Operation == "" && svc == "lambda" {
		return "lambda.amazonaws.com"
	}
	return ""
}

// passRoleOps maps an operation that passes a role to the service (as
// wrapperService names it) and the iam:PassedToService it passes it to.
var passRoleOps = map[string]struct{ service, principal string }{
	"StartBackupJob":                       {"backup", "backup.amazonaws.com"},
	"StartRestoreJob":                      {"backup", "backup.amazonaws.com"},
	"StartCopyJob":                         {"backup", "backup.amazonaws.com"},
	"CreateBackupSelection":                {"backup", "backup.amazonaws.com"},
	"CreateRestoreTestingSelection":        {"backup", "backup.amazonaws.com"},
	"RunInstances":                         {"ec2", "ec2.amazonaws.com"},
	"AssociateIamInstanceProfile":          {"ec2", "ec2.amazonaws.com"},
	"ReplaceIamInstanceProfileAssociation": {"ec2", "ec2.amazonaws.com"},
	"RequestSpotInstances":                 {"ec2", "ec2.amazonaws.com"},
	"CreateFunction":                       {"lambda", "lambda.amazonaws.com"},
	"UpdateFunctionConfiguration":          {"lambda", "lambda.amazonaws.com"},
	"CreateStack":                          {"cloudformation", "cloudformation.amazonaws.com"},
	"UpdateStack":                          {"cloudformation", "cloudformation.amazonaws.com"},
	"CreateChangeSet":                      {"cloudformation", "cloudformation.amazonaws.com"},
}

// wrapperService is the service an SDK names in its wrapper, lower case
// without the "Amazon"/"AWS" prefix and spaces: "AWSLambda", "Lambda" ->
// "lambda"; "AmazonEC2", "EC2" -> "ec2"; "AWSBackup" -> "backup".
func wrapperService(s string) string {
	s = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	for _, p := range []string{"amazon", "aws"} {
		if t := strings.TrimPrefix(s, p); t != s && t != "" {
			s = t
			break
		}
	}
	return s
}

// hasKey reports whether ctx has key, in any case.
func hasKey(ctx map[string][]string, key string) bool {
	for k := range ctx {
		if strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}

// PlaceholderAction stands for the action of an SCP's or RCP's explicit
// deny whose message does not name it ("perform: xxxx"): the Deny is
// excepted for the principal, whatever the action (aws:PrincipalArn), so
// the fix does not depend on it; only the statement to change does, which
// the notes say how to find.
const PlaceholderAction = "<service>:<action>"

// actionUnnamedFixable reports whether a denial that names no action has
// a fix all the same: an explicit deny of an SCP or RCP, whose exemption
// for the principal does not name the action.
func actionUnnamedFixable(d *authzmsg.Denial) bool {
	l := layerOf(d)
	return d.Decision == authzmsg.ExplicitDeny && (l == authz.LayerSCP.String() || l == authz.LayerRCP.String())
}

// standInPrincipal is the principal the fixes of a denial are made for
// when the message does not say who was denied: an IAM user named
// fix.UnknownPrincipalName, which the fix package takes for a principal
// of unknown kind; PrincipalToken stands for its ARN in the renderings.
var standInPrincipal = "arn:aws:iam::" + PlaceholderAccount + ":user/" + fix.UnknownPrincipalName

// PrincipalToken stands for the ARN of a principal the message does not
// name, in the fixes (a resource-based policy's Principal, an exemption's
// aws:PrincipalArn).
const PrincipalToken = "<principal-arn>"

// principalUnknown reports whether the message does not say who was
// denied: no principal, or one that is not an ARN nor a service (a
// placeholder, "xxxxxxx", "[redacted]", a user name the console printed
// without its ARN).
func principalUnknown(d *authzmsg.Denial) bool {
	p := d.Principal
	if p.Kind == authzmsg.KindService || p.ARN == "*" || strings.EqualFold(p.ARN, "anonymous") {
		return false // a service, or an anonymous request: who it is is known
	}
	return p.ARN == "" || !strings.HasPrefix(p.ARN, "arn:")
}

// keyUnnamed reports whether the denial is a KMS key's whose ARN the
// message does not give: "the resource associated with this ciphertext",
// or a resource that is a placeholder ("[redacted]", "xxxx").
func keyUnnamed(d *authzmsg.Denial) bool {
	if service(d.Action) != "kms" {
		return false
	}
	if d.CiphertextKey {
		return true
	}
	r := strings.TrimSpace(d.Resource)
	if len(r) > 2 && r[0] == '[' && r[len(r)-1] == ']' {
		r = r[1 : len(r)-1] // "[redacted]", "[key id]"
		if !strings.ContainsAny(r, "[]:/") {
			return d.ResourceKind == "word"
		}
	}
	return d.ResourceKind == "word" && (authzmsg.IsRedacted(r) || redactedName(r))
}

// partitionOf is the partition of the denial's ARNs, "aws" when none says.
func partitionOf(d *authzmsg.Denial) string {
	for _, s := range []string{d.Principal.ARN, d.Resource, d.PolicyARN} {
		if a, ok := arn.Parse(s); ok && strings.HasPrefix(a.Partition, "aws") && !strings.ContainsAny(a.Partition, "<>.…*") {
			return a.Partition
		}
	}
	return "aws"
}

// regionOf is the Region the denial names, or "<region>".
func regionOf(d *authzmsg.Denial) string {
	if r := d.Region; r != "" && !redactedName(r) && !strings.ContainsAny(r, " <>.…*") {
		return r
	}
	return "<region>"
}

// PlaceholderSession stands for the role session name of an assumed-role
// principal whose ARN the message gives without it.
const PlaceholderSession = "<session-name>"

// withSessionPlaceholder returns an assumed-role ARN that ends at the role
// ("arn:aws:sts::111122223333:assumed-role/xxxxx": the quoter cut the
// session name, or the tool printing it left it out) with the session
// name's placeholder after the role, so that the request can be evaluated
// and fixed: the fixes name the role, and a session policy's command says
// to fill in the session. Any other principal is returned as it is.
func withSessionPlaceholder(principal string) string {
	a, ok := arn.Parse(principal)
	if !ok || a.Service != "sts" || !strings.HasPrefix(a.Resource, "assumed-role/") {
		return principal
	}
	role := strings.TrimPrefix(a.Resource, "assumed-role/")
	if role == "" || strings.ContainsAny(role, "/ \n") {
		return principal
	}
	a.Resource += "/" + PlaceholderSession
	return a.String()
}

// roleNamePlaceholder returns an assumed-role ARN whose role name the
// message cut short or redacted ("assumed-role/.../s",
// "assumed-role/xxxxx/<session-name>", "assumed-role/EC2Ro…/s") with
// <role-name> in its place: the fixes name that role by the placeholder,
// and the request they are verified with is that role's session, so that
// a resource-based policy's statement naming arn:...:role/<role-name>
// matches it (it named a role the request was not: the plans were not
// verified). An IAM Identity Center role's name keeps its
// AWSReservedSSO_ prefix, which its fixes name it by, as does every
// other principal.
func roleNamePlaceholder(principal string) string {
	a, ok := arn.Parse(principal)
	if !ok || a.Service != "sts" || !strings.HasPrefix(a.Resource, "assumed-role/") {
		return principal
	}
	role, session, ok := strings.Cut(strings.TrimPrefix(a.Resource, "assumed-role/"), "/")
	if !ok || strings.HasPrefix(role, "AWSReservedSSO_") || role == "<role-name>" ||
		!(strings.Contains(role, "...") || strings.Contains(role, "…") || strings.ContainsAny(role, "<>*") || redactedName(role)) {
		return principal
	}
	a.Resource = "assumed-role/<role-name>/" + session
	return a.String()
}

// policyARN is the denying policy's ARN with the account the message hid
// put back: an SCP's or RCP's is the management account's placeholder; an
// identity-based policy or permissions boundary is a managed policy of
// the principal's own account (IAM attaches no other account's), shown
// in the principal's ARN or the caller's placeholder; another policy's is
// its resource owner's.
func policyARN(s, layer, principal string, h *hidden) string {
	restored, ok := restoreAccount(s)
	if !ok {
		return s
	}
	switch layer {
	case authz.LayerSCP.String(), authz.LayerRCP.String():
		h.management = true
		return strings.Replace(restored, "::"+PlaceholderAccount+":", "::"+PlaceholderManagement+":", 1)
	case authz.LayerIdentity.String(), authz.LayerBoundary.String():
		if acct := arn.Account(principal); arn.IsAccountID(acct) {
			if acct == PlaceholderAccount {
				h.caller = true
			}
			return strings.Replace(restored, "::"+PlaceholderAccount+":", "::"+acct+":", 1)
		}
		h.caller = true
		return restored
	}
	h.owner = true
	return restored
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

// functionCutShort returns, for a Lambda function's ARN the message cut
// short before its name ("arn:aws:lambda:..." for lambda:InvokeFunction),
// the ARN of a function whose Region, account and name are not known:
// arn:PARTITION:lambda:<region>:PlaceholderAccount:function:<function-name>,
// so that the fixes name the function policy with placeholders. It
// reports whether it did (the resource owner's account is then hidden).
// For lambda:GetLayerVersion it is the ARN of a layer version:
// arn:PARTITION:lambda:<region>:PlaceholderAccount:layer:<layer-name>:<version-number>;
// another layer action is left as it is.
func functionCutShort(raw, action, resource string) (string, bool) {
	if resource == "*" || !cutShort(raw, resource) {
		return resource, false
	}
	f, n := arn.Fields(strings.TrimSuffix(strings.TrimSuffix(resource, "..."), "…"))
	svc, name, ok := strings.Cut(action, ":")
	layer := strings.EqualFold(name, "GetLayerVersion")
	if n >= 6 || n < 3 || f[0] != "arn" || f[2] != "lambda" || !ok || !strings.EqualFold(svc, "lambda") || !layer && strings.Contains(strings.ToLower(name), "layer") {
		return resource, false
	}
	partition := f[1]
	if partition == "" || strings.ContainsAny(partition, ".…") {
		partition = "aws"
	}
	if layer {
		// A layer version's policy: add-layer-version-permission takes the
		// layer and its version number, neither of which is known.
		return "arn:" + partition + ":lambda:<region>:" + PlaceholderAccount + ":layer:<layer-name>:<version-number>", true
	}
	return "arn:" + partition + ":lambda:<region>:" + PlaceholderAccount + ":function:<function-name>", true
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
	case a.Service == "lambda" && strings.HasPrefix(a.Resource, "function:"):
		return "<function-name>"
	case a.Service == "lambda" && strings.HasPrefix(a.Resource, "layer:") && strings.Count(a.Resource, ":") >= 2:
		return "<version-number>" // layer:NAME:VERSION cut in its version
	case a.Service == "lambda" && strings.HasPrefix(a.Resource, "layer:"):
		return "<layer-name>:<version-number>" // layer:NAME cut in its name: its version is not known either
	case a.Service == "s3" && strings.Contains(a.Resource, "/"):
		return "<object-key>"
	case a.Service == "s3":
		return "<bucket-name>"
	}
	return "<resource-name>"
}

// redactedName reports whether a name was redacted by whoever quoted the
// message: "XXX", "xxxxxxxx", "XXX-ecr-push", "****", "<name>", "a-____-b",
// "{name}", "${NAME}-x".
func redactedName(s string) bool {
	return authzmsg.IsRedacted(s) || strings.Contains(s, "XXX") || strings.Contains(s, "xxxx") || strings.Contains(s, "***") ||
		strings.Contains(s, "___") || strings.ContainsAny(s, "{}")
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
	if a.Region != "" && redactedName(a.Region) || a.Region == "" && regional[strings.ToLower(a.Service)] && a.Resource != "" {
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
	if len(f.candidates) > 0 {
		attachCandidates(d, f, opt)
		return
	}
	if _, ok := authz.ParseLayer(f.Layer); !ok {
		return // "trust", "service", "decode", a job's "kms": no policy layer
	}
	p, h, ok := problemFor(d)
	if !ok {
		return
	}
	redacted := h.any()
	if p.Layer != f.Layer {
		p.Deciding = nil // the message's policy is of another layer than the finding's
	}
	p.Layer = f.Layer
	plan := fix.PlanFor(p, opt.Fix) // one plan: its fixes and its alternatives
	others := plan.Others()
	if redacted {
		plan = redactPlan(plan, d, p, h)
		for i := range others {
			others[i] = redactFix(others[i], d, p, h)
		}
		f.Notes = append(f.Notes, redactedNotes(d, plan, h)...)
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
	if p.Layer == authz.LayerSCP.String() && p.Explicit && len(p.DenyStatements) == 0 && !h.action {
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
				x = redactFix(x, d, p, h)
			}
			f.Alternatives = append(f.Alternatives, x)
		}
	}
}

// attachCandidates gives a finding that claims no layer (f.candidates)
// one candidate fix per layer that may have refused the request, each the
// first fix of that layer's plan that edits that layer, as alternatives,
// and no plan: which one to apply is what the checks find out. Each
// candidate says which refusal it fixes (fix note "candidate-LAYER").
func attachCandidates(d *authzmsg.Denial, f *Finding, opt Options) {
	p0, h, ok := problemFor(d)
	if !ok {
		return
	}
	var notes []Msg
	for _, layer := range f.candidates {
		p := p0
		p.Layer, p.Deciding, p.DenyStatements = layer, nil, nil
		plan := fix.PlanFor(p, opt.Fix)
		if h.any() {
			plan = redactPlan(plan, d, p, h)
			if notes == nil {
				notes = redactedNotes(d, plan, h)
			}
		}
		for _, x := range plan.Fixes {
			if x.Layer != layer {
				continue // a fix the layer's plan needs as well (the other candidate's)
			}
			x.Notes = append(x.Notes, fix.Note{ID: "candidate-" + layer, Text: i18n.Strings(i18n.EN, "fixnote.candidate-"+layer)})
			f.Alternatives = append(f.Alternatives, x)
			break
		}
	}
	// A note every candidate holds (the session's role ARN, ...) is said
	// once, among the finding's notes, as a plan's are.
	if len(f.Alternatives) > 1 {
		for _, n := range f.Alternatives[0].Notes {
			id := "fixnote." + n.ID
			if strings.HasPrefix(n.ID, "candidate-") || !i18n.Has(id) {
				continue
			}
			shared := true
			for _, x := range f.Alternatives[1:] {
				shared = shared && slices.ContainsFunc(x.Notes, func(m fix.Note) bool { return m.ID == n.ID && slices.Equal(m.Args, n.Args) })
			}
			if !shared {
				continue
			}
			for i := range f.Alternatives {
				f.Alternatives[i].Notes = slices.DeleteFunc(slices.Clone(f.Alternatives[i].Notes), func(m fix.Note) bool { return m.ID == n.ID })
			}
			notes = append(notes, Msg{ID: id, Args: n.Args})
		}
	}
	for _, n := range notes {
		if !hasMsg(f.Notes, n.ID) {
			f.Notes = append(f.Notes, n)
		}
	}
}

func redactPlan(pl fix.Plan, d *authzmsg.Denial, p fix.Problem, h hidden) fix.Plan {
	for i := range pl.Fixes {
		pl.Fixes[i] = redactFix(pl.Fixes[i], d, p, h)
	}
	pl.Notes = fix.NotesWith(fix.NotesWith(pl.Notes, PlaceholderManagement, ManagementToken), PlaceholderAccount, AccountToken)
	return pl
}

// Commands that find an account ID.
const (
	callerAccountFinder     = "aws sts get-caller-identity --query Account --output text"
	managementAccountFinder = "aws organizations describe-organization --query Organization.MasterAccountId --output text"
	orgAccountsFinder       = "aws organizations list-accounts --query 'Accounts[].[Id,Name]' --output text"
)

// redactFix puts the account tokens back where the placeholder accounts
// stand, each token's finder saying how to find the account it stands for.
func redactFix(f fix.Fix, d *authzmsg.Denial, p fix.Problem, h hidden) fix.Fix {
	// A redacted account stands for an account the message hides: it may be
	// the other side's, so no line may say the two differ.
	if h.principal {
		// The stand-in's ARN: a principal the message does not name.
		f = f.WithPlaceholder(p.Input.Request.Principal, PrincipalToken, i18n.M("fixcli.find.principal-arn", "aws sts get-caller-identity --query Arn --output text"))
	}
	f = f.WithPlaceholder(PlaceholderManagement, ManagementToken, managementAccountFinder)
	return f.WithPlaceholder(PlaceholderAccount, AccountToken, accountFinder(f, p, h)).WithoutOwnerNote(AccountToken)
}

// accountFinder says how to find the account AccountToken stands for in
// fix f (a fix.Finder), as redactedNotes says whose it is. The caller's
// (or the caller's and the resource's, taken to be one) is what aws sts
// get-caller-identity prints with the caller's credentials: said so where
// someone else changes the policy (the resource's owner, the management
// account, which can list the accounts). A resource owner's may be
// another account than the caller's: a KMS key's own account prints it,
// or it is in the resource's ARN as the request named it, or its owner
// knows it; get-caller-identity would print the caller's.
func accountFinder(f fix.Fix, p fix.Problem, h hidden) any {
	if h.owner && !h.caller {
		return ownerAccountFinder(strings.ReplaceAll(p.Input.Request.Resource, PlaceholderAccount, AccountToken))
	}
	switch f.Target.Kind {
	case fix.TargetRoleInline, fix.TargetUserInline, fix.TargetManagedPolicy, fix.TargetIdentityPolicy,
		fix.TargetBoundary, fix.TargetSessionPolicy, fix.TargetRequest, fix.TargetRestoreJob:
		return callerAccountFinder // the caller's own account changes it, or the caller runs it
	case fix.TargetSCP, fix.TargetRCP:
		return i18n.M("fixcli.find.caller-account-org", callerAccountFinder, orgAccountsFinder)
	}
	return i18n.M("fixcli.find.caller-account", callerAccountFinder)
}

// keyIDRE matches a KMS key ID or alias name that a command can hold as
// it is.
var keyIDRE = regexp.MustCompile(`^(alias/)?[A-Za-z0-9/_-]{1,256}$`)

// ownerAccountFinder says how to find the account of resource (its ARN,
// its account the token) that owns it.
func ownerAccountFinder(resource string) any {
	if a, ok := arn.Parse(resource); ok && a.Service == "kms" {
		id := strings.TrimPrefix(a.Resource, "key/")
		if keyIDRE.MatchString(id) {
			// A key ID or alias names a key of the credentials' account:
			// run there, it prints the key's account; elsewhere it finds
			// no key rather than another account.
			return i18n.M("fixcli.find.key-account", "aws kms describe-key --key-id "+id+" --query KeyMetadata.AWSAccountId --output text")
		}
	}
	return i18n.M("fixcli.find.owner-account", resource)
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
// known, and a plan that fixes two layers says what one account needs. An
// SCP's or RCP's hidden account is the management account.
func redactedNotes(d *authzmsg.Denial, plan fix.Plan, h hidden) []Msg {
	var ns []Msg
	if h.management {
		restored, _ := restoreAccount(d.PolicyARN)
		ns = append(ns, msg("note.redacted-account.management", strings.Replace(restored, PlaceholderAccount, ManagementToken, 1), ManagementToken, managementAccountFinder))
	}
	if !h.account() {
		return ns
	}
	if h.action {
		ns = append(ns, msg("note.action-unknown", PlaceholderAction))
	}
	if h.principal {
		ns = append(ns, msg("note.principal-unknown", PrincipalToken, AccountToken, "aws sts get-caller-identity"))
		if !h.owner {
			return ns
		}
	}
	switch {
	case h.caller && !h.owner:
		return append(ns, msg("note.redacted-account.principal", AccountToken, d.Principal.ARN))
	case h.owner && !h.caller:
		res := d.Resource
		if keyUnnamed(d) {
			res = "arn:" + partitionOf(d) + ":kms:" + regionOf(d) + ":" + AccountToken + ":key/<key-id>"
		}
		ns = append(ns, msg("note.redacted-account.resource", res, AccountToken))
		layers := map[string]bool{}
		for _, x := range plan.Fixes {
			layers[x.Layer] = true
		}
		if len(layers) > 1 {
			ns = append(ns, msg("note.redacted-cross"))
		}
		return ns
	}
	return append(ns, msg("note.redacted-account", AccountToken))
}
