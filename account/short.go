package account

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/deniedhq/denied/catalog/managed"
	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/jsonx"
)

// Short is the short hand-written form of an account, for "what if"
// questions: names instead of ARNs, maps instead of lists, defaults for
// everything that can have one. Expand turns it into a Snapshot. See
// README.md for the complete description and an example.
type Short struct {
	Account   string `json:"account" account:"required"`
	Partition string `json:"partition,omitempty"`
	Region    string `json:"region,omitempty"`

	// Policies are customer managed policies: name → document.
	Policies map[string]json.RawMessage `json:"policies,omitempty"`
	Roles    map[string]ShortRole       `json:"roles,omitempty"`
	Users    map[string]ShortUser       `json:"users,omitempty"`
	Groups   map[string]ShortGroup      `json:"groups,omitempty"`

	Org *ShortOrg `json:"org,omitempty"`
	// SCPs and RCPs map a target (root id, OU id or account id) to its
	// policies: built-in names (FullAWSAccess, RCPFullAWSAccess), names of
	// OrgPolicies, or policy documents.
	SCPs        map[string][]json.RawMessage `json:"scps,omitempty"`
	RCPs        map[string][]json.RawMessage `json:"rcps,omitempty"`
	OrgPolicies map[string]json.RawMessage   `json:"orgPolicies,omitempty"`

	KMSKeys        map[string]ShortKey   `json:"kmsKeys,omitempty"`
	Vaults         map[string]ShortVault `json:"vaults,omitempty"`
	Plans          map[string]ShortPlan  `json:"plans,omitempty"`
	RecoveryPoints []ShortRecoveryPoint  `json:"recoveryPoints,omitempty"`
}

// ShortRole is a role in the short form.
type ShortRole struct {
	Path string `json:"path,omitempty"`
	// Trust is who may assume the role: a service principal
	// ("backup.amazonaws.com"), an account id, an ARN, a list of those, or
	// a whole trust policy document. Default: the account itself.
	Trust json.RawMessage `json:"trust,omitempty"`
	// Managed are managed policy names or ARNs.
	Managed []string `json:"managed,omitempty"`
	// Inline maps inline policy names to documents.
	Inline map[string]json.RawMessage `json:"inline,omitempty"`
	// Boundary is a managed policy name or ARN.
	Boundary string `json:"boundary,omitempty"`
	// InstanceProfile, when true, creates an instance profile of the same
	// name holding the role.
	InstanceProfile bool `json:"instanceProfile,omitempty"`
}

// ShortUser is a user in the short form.
type ShortUser struct {
	Path     string                     `json:"path,omitempty"`
	Groups   []string                   `json:"groups,omitempty"` // group names
	Managed  []string                   `json:"managed,omitempty"`
	Inline   map[string]json.RawMessage `json:"inline,omitempty"`
	Boundary string                     `json:"boundary,omitempty"`
}

// ShortGroup is a group in the short form.
type ShortGroup struct {
	Path    string                     `json:"path,omitempty"`
	Managed []string                   `json:"managed,omitempty"`
	Inline  map[string]json.RawMessage `json:"inline,omitempty"`
}

// ShortOrg places the account in an organisation.
type ShortOrg struct {
	RootID     string `json:"root,omitempty"`       // default "r-root"
	Management string `json:"management,omitempty"` // management account id
	// OUs maps each OU id to its parent id (root or OU).
	OUs map[string]string `json:"ous,omitempty"`
	// Parent is the account's parent (root or OU); default the root.
	Parent string `json:"parent,omitempty"`
	// Accounts are the organization's other member accounts: account id
	// → parent (root or OU id; "" for the root). Without it the snapshot
	// does not list the organization's accounts: whether an account other
	// than this one and the management account is a member is unknown
	// (Organization.AccountsUnlisted), not "no". With it the list is the
	// whole membership.
	Accounts map[string]string `json:"accounts,omitempty"`
}

// ShortKey is a KMS key, keyed by key id in Short.KMSKeys.
type ShortKey struct {
	Manager string          `json:"manager,omitempty"` // "AWS" or "CUSTOMER" (default)
	Policy  json.RawMessage `json:"policy,omitempty"`
	Aliases []string        `json:"aliases,omitempty"` // "alias/name"
}

// ShortVault is a backup vault, keyed by name in Short.Vaults.
type ShortVault struct {
	Policy json.RawMessage `json:"policy,omitempty"`
	// Key is a key id from KMSKeys, an alias or a key ARN.
	Key  string     `json:"key,omitempty"`
	Lock *VaultLock `json:"lock,omitempty"`
}

// ShortPlan is a backup plan with one rule and one selection.
type ShortPlan struct {
	Vault     string   `json:"vault" account:"required"`
	Role      string   `json:"role" account:"required"` // role name or ARN
	Resources []string `json:"resources,omitempty"`
	// CopyTo are the ARNs of the vaults the rule copies to.
	CopyTo []string `json:"copyTo,omitempty"`
}

// ShortRecoveryPoint is a recovery point.
type ShortRecoveryPoint struct {
	ID              string            `json:"id,omitempty"` // default rp-N
	Type            string            `json:"type" account:"required"`
	Vault           string            `json:"vault" account:"required"`
	Source          string            `json:"source,omitempty"`
	Role            string            `json:"role,omitempty"`            // role name or ARN
	Key             string            `json:"key,omitempty"`             // key id, alias or ARN
	InstanceProfile string            `json:"instanceProfile,omitempty"` // EC2
	Metadata        map[string]string `json:"metadata,omitempty"`
}

// Built-in organisation policies, attached by AWS by default.
var builtinOrgPolicies = map[string]OrgPolicy{
	"FullAWSAccess": {ID: "p-FullAWSAccess", Name: "FullAWSAccess", Type: SCP, AWSManaged: true,
		Document: Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)},
	"RCPFullAWSAccess": {ID: "p-RCPFullAWSAccess", Name: "RCPFullAWSAccess", Type: RCP, AWSManaged: true,
		Document: Document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`)},
}

// ParseShort reads the short form (uncompressed JSON), strictly.
func ParseShort(data []byte) (*Short, error) {
	sh := new(Short)
	if err := decodeStrict(data, sh); err != nil {
		return nil, err
	}
	return sh, nil
}

// LoadShort reads the short form, as JSON or gzip-compressed JSON, and
// expands it.
func LoadShort(r io.Reader) (*Snapshot, error) {
	data, err := readMaybeGzip(r)
	if err != nil {
		return nil, err
	}
	sh, err := ParseShort(data)
	if err != nil {
		return nil, err
	}
	return Expand(sh)
}

type expander struct {
	sh     *Short
	s      *Snapshot
	v      validator
	part   string
	region string
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func normPath(p string) string {
	if p == "" {
		return "/"
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// Expand turns the short form into a full snapshot. Errors name the JSON
// pointer in the short form.
func Expand(sh *Short) (*Snapshot, error) {
	if !arn.IsAccountID(sh.Account) {
		return nil, &Error{Pointer: "/account", Message: fmt.Sprintf("account %q is not a 12-digit account id", sh.Account)}
	}
	e := &expander{sh: sh, v: validator{parsed: map[string]struct{}{}}, part: sh.Partition}
	if e.part == "" {
		e.part = "aws"
	}
	if e.region = sh.Region; e.region == "" {
		e.region = "us-east-1"
	}
	e.s = &Snapshot{SchemaVersion: SchemaVersion, Generator: "denied account.Expand", AccountID: sh.Account, Partition: sh.Partition, Region: e.region}
	steps := []func() error{e.policies, e.groups, e.users, e.roles, e.org, e.keys, e.vaults, e.plans, e.recoveryPoints}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if err := e.s.validate(); err != nil {
		return nil, fmt.Errorf("expanded snapshot: %w", err)
	}
	e.s.index()
	return e.s, nil
}

func (e *expander) arn(service, resource string) string {
	return "arn:" + e.part + ":" + service + "::" + e.sh.Account + ":" + resource
}

func (e *expander) regional(service, resource string) string {
	return "arn:" + e.part + ":" + service + ":" + e.region + ":" + e.sh.Account + ":" + resource
}

func (e *expander) doc(raw json.RawMessage, ptr string) (Document, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, &Error{Pointer: ptr, Message: "missing policy document"}
	}
	if err := e.v.document(raw, ptr); err != nil {
		return nil, err
	}
	return Document(slices.Clone(raw)), nil
}

// policyARN resolves a managed policy name or ARN.
func (e *expander) policyARN(ref, ptr string) (string, error) {
	if strings.HasPrefix(ref, "arn:") {
		if strings.Contains(ref, ":iam::aws:policy/") {
			if _, ok := managed.Lookup(ref); !ok {
				return "", &Error{Pointer: ptr, Message: fmt.Sprintf("AWS managed policy %s is not in the embedded catalog", ref)}
			}
		}
		return ref, nil
	}
	if _, ok := e.sh.Policies[ref]; ok {
		return e.arn("iam", "policy/"+ref), nil
	}
	if p, ok := managed.Lookup(ref); ok {
		return p.ARN, nil
	}
	return "", &Error{Pointer: ptr, Message: fmt.Sprintf("policy %q is neither in \"policies\" nor an AWS managed policy", ref)}
}

func (e *expander) attach(managedRefs []string, inline map[string]json.RawMessage, ptr string) ([]string, []InlinePolicy, error) {
	var arns []string
	for i, ref := range managedRefs {
		a, err := e.policyARN(ref, ptr+"/managed/"+strconv.Itoa(i))
		if err != nil {
			return nil, nil, err
		}
		arns = append(arns, a)
	}
	var ips []InlinePolicy
	for _, name := range sortedKeys(inline) {
		d, err := e.doc(inline[name], ptr+"/inline/"+jsonx.PointerToken(name))
		if err != nil {
			return nil, nil, err
		}
		ips = append(ips, InlinePolicy{Name: name, Document: d})
	}
	return arns, ips, nil
}

func (e *expander) policies() error {
	for _, name := range sortedKeys(e.sh.Policies) {
		d, err := e.doc(e.sh.Policies[name], "/policies/"+jsonx.PointerToken(name))
		if err != nil {
			return err
		}
		e.s.Policies = append(e.s.Policies, ManagedPolicy{ARN: e.arn("iam", "policy/"+name), Name: name, Path: "/", VersionID: "v1", Document: d})
	}
	return nil
}

func (e *expander) groups() error {
	for _, name := range sortedKeys(e.sh.Groups) {
		g := e.sh.Groups[name]
		ptr := "/groups/" + jsonx.PointerToken(name)
		arns, ips, err := e.attach(g.Managed, g.Inline, ptr)
		if err != nil {
			return err
		}
		path := normPath(g.Path)
		e.s.Groups = append(e.s.Groups, Group{ARN: e.arn("iam", "group"+path+name), Name: name, Path: path, InlinePolicies: ips, ManagedPolicies: arns})
	}
	return nil
}

func (e *expander) groupARN(name string) (string, bool) {
	g, ok := e.sh.Groups[name]
	if !ok {
		return "", false
	}
	return e.arn("iam", "group"+normPath(g.Path)+name), true
}

func (e *expander) users() error {
	for _, name := range sortedKeys(e.sh.Users) {
		u := e.sh.Users[name]
		ptr := "/users/" + jsonx.PointerToken(name)
		arns, ips, err := e.attach(u.Managed, u.Inline, ptr)
		if err != nil {
			return err
		}
		path := normPath(u.Path)
		user := User{ARN: e.arn("iam", "user"+path+name), Name: name, Path: path, InlinePolicies: ips, ManagedPolicies: arns}
		for i, g := range u.Groups {
			ga, ok := e.groupARN(g)
			if !ok {
				return &Error{Pointer: ptr + "/groups/" + strconv.Itoa(i), Message: fmt.Sprintf("group %q is not in \"groups\"", g)}
			}
			user.Groups = append(user.Groups, ga)
		}
		if u.Boundary != "" {
			if user.PermissionsBoundary, err = e.policyARN(u.Boundary, ptr+"/boundary"); err != nil {
				return err
			}
		}
		e.s.Users = append(e.s.Users, user)
	}
	return nil
}

func (e *expander) roleARN(ref string) string {
	if strings.HasPrefix(ref, "arn:") {
		return ref
	}
	if r, ok := e.sh.Roles[ref]; ok {
		return e.arn("iam", "role"+normPath(r.Path)+ref)
	}
	return e.arn("iam", "role/"+ref)
}

// trust builds a trust policy from the short "trust" value.
func (e *expander) trust(raw json.RawMessage, ptr string) (Document, error) {
	var list []string
	switch {
	case len(raw) == 0 || string(raw) == "null":
		list = []string{e.sh.Account}
	case raw[0] == '{':
		return e.doc(raw, ptr)
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, &Error{Pointer: ptr, Message: err.Error()}
		}
		list = []string{s}
	case raw[0] == '[':
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, &Error{Pointer: ptr, Message: "expected a list of strings"}
		}
	default:
		return nil, &Error{Pointer: ptr, Message: "trust: expected a principal, a list of principals or a trust policy document"}
	}
	var services, aws []string
	for _, p := range list {
		switch {
		case strings.HasSuffix(p, ".amazonaws.com") || strings.HasSuffix(p, ".amazonaws.com.cn"):
			services = append(services, p)
		case arn.IsAccountID(p):
			aws = append(aws, "arn:"+e.part+":iam::"+p+":root")
		case strings.HasPrefix(p, "arn:") || p == "*":
			aws = append(aws, p)
		default:
			return nil, &Error{Pointer: ptr, Message: fmt.Sprintf("trust: %q is not a service principal, account id or ARN", p)}
		}
	}
	principal := map[string]any{}
	if len(services) > 0 {
		principal["Service"] = oneOrMany(services)
	}
	if len(aws) > 0 {
		principal["AWS"] = oneOrMany(aws)
	}
	doc := map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
		"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}}}
	b, err := json.Marshal(doc)
	return Document(b), err
}

func oneOrMany(s []string) any {
	if len(s) == 1 {
		return s[0]
	}
	return s
}

func (e *expander) roles() error {
	for _, name := range sortedKeys(e.sh.Roles) {
		r := e.sh.Roles[name]
		ptr := "/roles/" + jsonx.PointerToken(name)
		arns, ips, err := e.attach(r.Managed, r.Inline, ptr)
		if err != nil {
			return err
		}
		path := normPath(r.Path)
		role := Role{ARN: e.arn("iam", "role"+path+name), Name: name, Path: path, InlinePolicies: ips, ManagedPolicies: arns}
		if role.TrustPolicy, err = e.trust(r.Trust, ptr+"/trust"); err != nil {
			return err
		}
		if r.Boundary != "" {
			if role.PermissionsBoundary, err = e.policyARN(r.Boundary, ptr+"/boundary"); err != nil {
				return err
			}
		}
		e.s.Roles = append(e.s.Roles, role)
		if r.InstanceProfile {
			e.s.InstanceProfiles = append(e.s.InstanceProfiles, InstanceProfile{ARN: e.arn("iam", "instance-profile"+path+name), Name: name, Path: path, Roles: []string{role.ARN}})
		}
	}
	return nil
}

func (e *expander) org() error {
	sh := e.sh
	if sh.Org == nil && len(sh.SCPs) == 0 && len(sh.RCPs) == 0 {
		return nil
	}
	so := sh.Org
	if so == nil {
		so = &ShortOrg{}
	}
	o := &Organization{RootID: so.RootID, ManagementAccountID: so.Management}
	if o.RootID == "" {
		o.RootID = "r-root"
	}
	for _, id := range sortedKeys(so.OUs) {
		o.OUs = append(o.OUs, OrganizationalUnit{ID: id, ParentID: so.OUs[id]})
	}
	parent := so.Parent
	if parent == "" {
		parent = o.RootID
	}
	o.Accounts = append(o.Accounts, OrgAccount{ID: sh.Account, ParentID: parent})
	mgmtParent := o.RootID
	if p, ok := so.Accounts[so.Management]; ok && p != "" {
		mgmtParent = p
	}
	if so.Management != "" && so.Management != sh.Account {
		o.Accounts = append(o.Accounts, OrgAccount{ID: so.Management, ParentID: mgmtParent})
	}
	o.AccountsUnlisted = so.Accounts == nil
	for _, id := range sortedKeys(so.Accounts) {
		ptr := "/org/accounts/" + jsonx.PointerToken(id)
		p := so.Accounts[id]
		if p == "" {
			p = o.RootID
		}
		switch {
		case !arn.IsAccountID(id):
			return &Error{Pointer: ptr, Message: fmt.Sprintf("account %q is not a 12-digit account id", id)}
		case id == sh.Account:
			return &Error{Pointer: ptr, Message: fmt.Sprintf("account %s is the snapshot's own account: give its parent in \"parent\"", id)}
		case p != o.RootID && !slices.ContainsFunc(o.OUs, func(ou OrganizationalUnit) bool { return ou.ID == p }):
			return &Error{Pointer: ptr, Message: fmt.Sprintf("parent %q is neither the root (%s) nor an OU of \"ous\"", p, o.RootID)}
		case id == so.Management:
			continue // listed above
		}
		o.Accounts = append(o.Accounts, OrgAccount{ID: id, ParentID: p})
	}
	byName := map[string]int{}
	add := func(kind, typ string, m map[string][]json.RawMessage) error {
		for _, target := range sortedKeys(m) {
			for i, raw := range m[target] {
				ptr := "/" + kind + "/" + jsonx.PointerToken(target) + "/" + strconv.Itoa(i)
				var p OrgPolicy
				if len(raw) > 0 && raw[0] == '"' {
					var name string
					if err := json.Unmarshal(raw, &name); err != nil {
						return &Error{Pointer: ptr, Message: err.Error()}
					}
					if b, ok := builtinOrgPolicies[name]; ok {
						p = b
					} else if d, ok := sh.OrgPolicies[name]; ok {
						doc, err := e.doc(d, "/orgPolicies/"+jsonx.PointerToken(name))
						if err != nil {
							return err
						}
						p = OrgPolicy{Name: name, Document: doc}
					} else {
						return &Error{Pointer: ptr, Message: fmt.Sprintf("%q is neither a built-in policy (FullAWSAccess, RCPFullAWSAccess) nor in \"orgPolicies\"", name)}
					}
				} else {
					doc, err := e.doc(raw, ptr)
					if err != nil {
						return err
					}
					p = OrgPolicy{Name: fmt.Sprintf("%s-%s-%d", kind, target, i), Document: doc}
				}
				p.Type = typ
				if j, ok := byName[typ+"/"+p.Name]; ok {
					o.Policies[j].Targets = append(o.Policies[j].Targets, target)
					continue
				}
				p.Targets = []string{target}
				byName[typ+"/"+p.Name] = len(o.Policies)
				o.Policies = append(o.Policies, p)
			}
		}
		return nil
	}
	if err := add("scps", SCP, sh.SCPs); err != nil {
		return err
	}
	if err := add("rcps", RCP, sh.RCPs); err != nil {
		return err
	}
	e.s.Organization = o
	return nil
}

func (e *expander) keyARN(ref string) string {
	switch {
	case ref == "" || strings.HasPrefix(ref, "arn:"):
		return ref
	case strings.HasPrefix(ref, "alias/"):
		for _, id := range sortedKeys(e.sh.KMSKeys) {
			if slices.Contains(e.sh.KMSKeys[id].Aliases, ref) {
				return e.regional("kms", "key/"+id)
			}
		}
		return e.regional("kms", ref)
	}
	return e.regional("kms", "key/"+ref)
}

func (e *expander) keys() error {
	for _, id := range sortedKeys(e.sh.KMSKeys) {
		k := e.sh.KMSKeys[id]
		ptr := "/kmsKeys/" + jsonx.PointerToken(id)
		key := KMSKey{ARN: e.regional("kms", "key/"+id), KeyID: id, KeyManager: k.Manager, KeyState: "Enabled", Aliases: k.Aliases}
		if key.KeyManager == "" {
			key.KeyManager = KeyManagerCustomer
		}
		if key.KeyManager != KeyManagerAWS && key.KeyManager != KeyManagerCustomer {
			return &Error{Pointer: ptr + "/manager", Message: fmt.Sprintf("manager %q: want %q or %q", k.Manager, KeyManagerAWS, KeyManagerCustomer)}
		}
		if len(k.Policy) > 0 {
			d, err := e.doc(k.Policy, ptr+"/policy")
			if err != nil {
				return err
			}
			key.Policy = d
		}
		e.s.KMSKeys = append(e.s.KMSKeys, key)
	}
	return nil
}

func (e *expander) vaultARN(name string) string { return e.regional("backup", "backup-vault:"+name) }

func (e *expander) vaults() error {
	for _, name := range sortedKeys(e.sh.Vaults) {
		v := e.sh.Vaults[name]
		vault := BackupVault{ARN: e.vaultARN(name), Name: name, EncryptionKeyARN: e.keyARN(v.Key), Lock: v.Lock}
		if len(v.Policy) > 0 {
			d, err := e.doc(v.Policy, "/vaults/"+jsonx.PointerToken(name)+"/policy")
			if err != nil {
				return err
			}
			vault.AccessPolicy = d
		}
		e.s.BackupVaults = append(e.s.BackupVaults, vault)
	}
	return nil
}

func (e *expander) plans() error {
	for _, name := range sortedKeys(e.sh.Plans) {
		p := e.sh.Plans[name]
		ptr := "/plans/" + jsonx.PointerToken(name)
		if p.Vault == "" {
			return &Error{Pointer: ptr + "/vault", Message: `missing required field "vault"`}
		}
		if p.Role == "" {
			return &Error{Pointer: ptr + "/role", Message: `missing required field "role"`}
		}
		e.s.BackupPlans = append(e.s.BackupPlans, BackupPlan{
			ID: name, Name: name,
			ARN:        e.regional("backup", "backup-plan:"+name),
			Rules:      []BackupRule{{Name: name, TargetVault: p.Vault, CopyTo: p.CopyTo}},
			Selections: []BackupSelection{{ID: name, Name: name, IAMRoleARN: e.roleARN(p.Role), Resources: p.Resources}},
		})
	}
	return nil
}

func (e *expander) recoveryPoints() error {
	for i, r := range e.sh.RecoveryPoints {
		ptr := "/recoveryPoints/" + strconv.Itoa(i)
		if r.Type == "" {
			return &Error{Pointer: ptr + "/type", Message: `missing required field "type"`}
		}
		if r.Vault == "" {
			return &Error{Pointer: ptr + "/vault", Message: `missing required field "vault"`}
		}
		id := r.ID
		if id == "" {
			id = "rp-" + strconv.Itoa(i+1)
		}
		rp := RecoveryPoint{ARN: e.regional("backup", "recovery-point:"+id), ResourceType: r.Type, VaultName: r.Vault,
			SourceResourceARN: r.Source, EncryptionKeyARN: e.keyARN(r.Key), Status: "COMPLETED"}
		if r.Role != "" {
			rp.IAMRoleARN = e.roleARN(r.Role)
		}
		if rp.EncryptionKeyARN == "" {
			if v, ok := e.sh.Vaults[r.Vault]; ok {
				rp.EncryptionKeyARN = e.keyARN(v.Key)
			}
		}
		if len(r.Metadata) > 0 || r.InstanceProfile != "" {
			rp.RestoreMetadata = map[string]string{}
			for k, v := range r.Metadata {
				rp.RestoreMetadata[k] = v
			}
			if r.InstanceProfile != "" {
				rp.RestoreMetadata["IamInstanceProfileName"] = r.InstanceProfile
			}
		}
		e.s.RecoveryPoints = append(e.s.RecoveryPoints, rp)
	}
	return nil
}

// ParseAny reads uncompressed JSON in the full form or, failing that, in
// the short form (short reports which). When neither reads it, the error
// is that of the form the data looks like: the short form when its top
// level has "account" and no "schemaVersion" or "accountId", else the
// full form. (Reporting the full form's error always told a short-form
// author `/account: unknown field "account"` for a typo elsewhere.)
func ParseAny(data []byte) (snap *Snapshot, short bool, err error) {
	snap, err = Parse(data)
	if err == nil {
		return snap, false, nil
	}
	var ae *Error
	if !errors.As(err, &ae) {
		return nil, false, err
	}
	s, serr := LoadShort(bytes.NewReader(data))
	if serr == nil {
		return s, true, nil
	}
	if looksShort(data) {
		return nil, false, serr
	}
	return nil, false, err
}

// looksShort reports whether the top level of data names the short form's
// "account" and neither of the full form's required fields.
func looksShort(data []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return false
	}
	_, account := top["account"]
	_, version := top["schemaVersion"]
	_, id := top["accountId"]
	return account && !version && !id
}
