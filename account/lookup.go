package account

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/deniedhq/denied/catalog/managed"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/arn"
)

// NamedDocument is a policy and the name it is reported under: an inline
// policy's name, a managed policy's ARN, an SCP's or RCP's name. Document is
// the document's JSON text (decoded when the snapshot held it as a string),
// ready for policy.Parse; it must not be modified.
type NamedDocument struct {
	Name     string
	Document []byte
}

// Level is one level of an organisation (the root, an OU or the account)
// and the policies of one type attached to it.
type Level struct {
	Target   string // r-..., ou-... or the account id
	Policies []NamedDocument
}

type index struct {
	roles    map[string]*Role // by ARN, and by "account/name" (lower-case name)
	users    map[string]*User
	groups   map[string]*Group
	policies map[string]*ManagedPolicy
}

// The helpers build the index on first use: a Snapshot must not be modified
// after a helper was called, nor the helpers called concurrently with the
// first call. Load returns a snapshot whose index is already built.
func (s *Snapshot) index() *index {
	if s.idx != nil {
		return s.idx
	}
	x := &index{
		roles:    make(map[string]*Role, 2*len(s.Roles)),
		users:    make(map[string]*User, 2*len(s.Users)),
		groups:   make(map[string]*Group, len(s.Groups)),
		policies: make(map[string]*ManagedPolicy, len(s.Policies)),
	}
	for i := range s.Roles {
		r := &s.Roles[i]
		x.roles[r.ARN] = r
		if acct, name, ok := iamName(r.ARN, "role"); ok {
			x.roles[acct+"/"+strings.ToLower(name)] = r
		}
	}
	for i := range s.Users {
		u := &s.Users[i]
		x.users[u.ARN] = u
		if acct, name, ok := iamName(u.ARN, "user"); ok {
			x.users[acct+"/"+strings.ToLower(name)] = u
		}
	}
	for i := range s.Groups {
		x.groups[s.Groups[i].ARN] = &s.Groups[i]
	}
	for i := range s.Policies {
		x.policies[s.Policies[i].ARN] = &s.Policies[i]
	}
	s.idx = x
	return x
}

// iamName splits arn:PARTITION:iam::ACCOUNT:KIND/path/NAME.
func iamName(s, kind string) (account, name string, ok bool) {
	parts, n := arn.Fields(s)
	if n != 6 || parts[2] != "iam" || !strings.HasPrefix(parts[5], kind+"/") {
		return "", "", false
	}
	res := parts[5]
	return parts[4], res[strings.LastIndexByte(res, '/')+1:], true
}

// iamPath is the path of arn:PARTITION:iam::ACCOUNT:KIND/path/NAME ("/"
// for none).
func iamPath(s, kind string) string {
	parts, n := arn.Fields(s)
	if n != 6 {
		return "/"
	}
	res := strings.TrimPrefix(parts[5], kind)
	return res[:strings.LastIndexByte(res, '/')+1]
}

// byName is the entity of x (roles or users) named like the ARN given
// (case-insensitively, as IAM names are unique regardless of case): an
// ARN without a path finds it whatever its path; one with a path only if
// the paths are equal, since it names another role or user than the
// snapshot's same-named one of another path.
func byName[T any](m map[string]*T, arnOf func(*T) string, given, kind string) (*T, bool) {
	acct, name, ok := iamName(given, kind)
	if !ok {
		return nil, false
	}
	e, ok := m[acct+"/"+strings.ToLower(name)]
	if !ok {
		return nil, false
	}
	if p := iamPath(given, kind); p != "/" && p != iamPath(arnOf(e), kind) {
		return nil, false
	}
	return e, true
}

// Role returns the role with this ARN. It also accepts the ARN of a session
// of the role (arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION) and a role
// ARN without its path; a role ARN with a path is the role of that path
// only.
func (s *Snapshot) Role(roleARN string) (*Role, bool) {
	x := s.index()
	if r, ok := x.roles[roleARN]; ok {
		return r, true
	}
	parts, n := arn.Fields(roleARN)
	if n != 6 {
		return nil, false
	}
	switch {
	case parts[2] == "sts" && strings.HasPrefix(parts[5], "assumed-role/"):
		name, _, _ := strings.Cut(strings.TrimPrefix(parts[5], "assumed-role/"), "/")
		r, ok := x.roles[parts[4]+"/"+strings.ToLower(name)]
		return r, ok
	case parts[2] == "iam" && strings.HasPrefix(parts[5], "role/"):
		return byName(x.roles, func(r *Role) string { return r.ARN }, roleARN, "role")
	}
	return nil, false
}

// User returns the user with this ARN, or without its path (one with a
// path is the user of that path only).
func (s *Snapshot) User(arn string) (*User, bool) {
	x := s.index()
	if u, ok := x.users[arn]; ok {
		return u, true
	}
	return byName(x.users, func(u *User) string { return u.ARN }, arn, "user")
}

// ManagedPolicy resolves a managed policy ARN: from the snapshot's Policies,
// else, for an AWS managed policy, from the embedded catalog.
func (s *Snapshot) ManagedPolicy(arn string) (NamedDocument, error) {
	if p, ok := s.index().policies[arn]; ok {
		text, err := docText(p.Document)
		return NamedDocument{Name: arn, Document: text}, err
	}
	if strings.Contains(arn, ":iam::aws:policy/") {
		if p, ok := managed.Lookup(arn); ok {
			return NamedDocument{Name: arn, Document: p.Document}, nil
		}
		return NamedDocument{}, fmt.Errorf("AWS managed policy %s is not in the embedded catalog", arn)
	}
	return NamedDocument{}, fmt.Errorf("managed policy %s is not in the snapshot", arn)
}

func docText(d Document) ([]byte, error) {
	if len(d) > 0 && d[0] == '{' {
		return d, nil
	}
	return eval.DocumentText(d)
}

// attached appends to dst the inline then managed policies given. With
// partial, a customer managed policy the snapshot lacks is left out (its
// ARN in missing) instead of an error: an unreadable call (iam:GetPolicy,
// GetPolicyVersion, ...) hid it, and the caller records the principal's
// policies as incomplete.
func (s *Snapshot) attached(dst []NamedDocument, inline []InlinePolicy, managedARNs []string, partial bool, missing *[]string) ([]NamedDocument, error) {
	for _, p := range inline {
		text, err := docText(p.Document)
		if err != nil {
			return nil, fmt.Errorf("inline policy %s: %w", p.Name, err)
		}
		dst = append(dst, NamedDocument{Name: p.Name, Document: text})
	}
	for _, arn := range managedARNs {
		if partial && s.heldOnlyBySnapshot(arn) {
			*missing = append(*missing, arn)
			continue
		}
		nd, err := s.ManagedPolicy(arn)
		if err != nil {
			return nil, err
		}
		dst = append(dst, nd)
	}
	return dst, nil
}

// heldOnlyBySnapshot reports whether arn is a customer managed policy the
// snapshot lacks (an AWS managed one comes from the embedded catalog).
func (s *Snapshot) heldOnlyBySnapshot(arn string) bool {
	_, ok := s.index().policies[arn]
	return !ok && !strings.Contains(arn, ":iam::aws:policy/")
}

// IdentityPolicies returns the identity-based policies of a principal: for a
// role (or a session of it), its inline then managed policies; for a user,
// its own, then those of each of its groups. Managed policies are named by
// ARN, inline ones by name.
func (s *Snapshot) IdentityPolicies(principalARN string) ([]NamedDocument, error) {
	return s.identityPolicies(principalARN, false, nil)
}

func (s *Snapshot) identityPolicies(principalARN string, partial bool, missing *[]string) ([]NamedDocument, error) {
	if r, ok := s.Role(principalARN); ok {
		return s.attached(nil, r.InlinePolicies, r.ManagedPolicies, partial, missing)
	}
	u, ok := s.User(principalARN)
	if !ok {
		return nil, fmt.Errorf("principal %s is not in the snapshot", principalARN)
	}
	out, err := s.attached(nil, u.InlinePolicies, u.ManagedPolicies, partial, missing)
	if err != nil {
		return nil, err
	}
	for _, g := range u.Groups {
		grp, ok := s.index().groups[g]
		if !ok {
			if partial {
				// A group of the user an unreadable call hid.
				*missing = append(*missing, g)
				continue
			}
			return nil, fmt.Errorf("group %s of user %s is not in the snapshot", g, u.ARN)
		}
		if out, err = s.attached(out, grp.InlinePolicies, grp.ManagedPolicies, partial, missing); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Boundary returns the permissions boundary of a user or role (or a session
// of a role), or nil when it has none.
func (s *Snapshot) Boundary(principalARN string) (*NamedDocument, error) {
	arn, err := s.boundaryARN(principalARN)
	if err != nil {
		return nil, err
	}
	if arn == "" {
		return nil, nil
	}
	nd, err := s.ManagedPolicy(arn)
	if err != nil {
		return nil, err
	}
	return &nd, nil
}

// boundaryARN is the ARN of the permissions boundary of a user or role
// (or a session of a role), "" for none.
func (s *Snapshot) boundaryARN(principalARN string) (string, error) {
	if r, ok := s.Role(principalARN); ok {
		return r.PermissionsBoundary, nil
	}
	if u, ok := s.User(principalARN); ok {
		return u.PermissionsBoundary, nil
	}
	return "", fmt.Errorf("principal %s is not in the snapshot", principalARN)
}

// SCPLevels returns the service control policies that apply to an account,
// one Level per organisation level from the root to the account. It returns
// nil when SCPs do not apply: no organisation is known, the account is not
// in it, or it is the management account.
func (s *Snapshot) SCPLevels(accountID string) ([]Level, error) {
	return s.levels(accountID, SCP)
}

// RCPLevels is like SCPLevels for resource control policies. The
// always-attached RCPFullAWSAccess is implied, not listed, unless the
// snapshot lists it.
func (s *Snapshot) RCPLevels(accountID string) ([]Level, error) {
	return s.levels(accountID, RCP)
}

func (s *Snapshot) levels(accountID, typ string) ([]Level, error) {
	o := s.Organization
	if o == nil || accountID == o.ManagementAccountID {
		return nil, nil
	}
	parent := ""
	for _, a := range o.Accounts {
		if a.ID == accountID {
			parent = a.ParentID
		}
	}
	if parent == "" {
		return nil, nil
	}
	chain := []string{accountID}
	ous := make(map[string]string, len(o.OUs))
	for _, ou := range o.OUs {
		ous[ou.ID] = ou.ParentID
	}
	for id := parent; id != o.RootID; {
		chain = append(chain, id)
		next, ok := ous[id]
		if !ok {
			return nil, fmt.Errorf("organization: parent %s of %s is neither the root nor a known OU", id, chain[len(chain)-2])
		}
		if len(chain) > len(o.OUs)+2 {
			return nil, fmt.Errorf("organization: OU cycle at %s", id)
		}
		id = next
	}
	chain = append(chain, o.RootID)
	levels := make([]Level, len(chain))
	for i := range chain {
		target := chain[len(chain)-1-i]
		levels[i].Target = target
		for _, p := range o.Policies {
			if p.Type != typ {
				continue
			}
			for _, t := range p.Targets {
				if t == target {
					text, err := docText(p.Document)
					if err != nil {
						return nil, fmt.Errorf("%s: %w", p.Name, err)
					}
					levels[i].Policies = append(levels[i].Policies, NamedDocument{Name: p.Name, Document: text})
					break
				}
			}
		}
	}
	return levels, nil
}

// Hidden is what an unreadable call hides from a snapshot.
type Hidden string

// What unreadable calls hide.
const (
	HiddenIAM             Hidden = "iam"             // users, groups, roles, their policies, instance profiles
	HiddenOrganization    Hidden = "organization"    // organization structure: SCPs and RCPs unknown
	HiddenSCPs            Hidden = "scps"            // service control policies
	HiddenKMSKeys         Hidden = "kmsKeys"         // the KMS keys
	HiddenKeyPolicies     Hidden = "keyPolicies"     // KMS key policies
	HiddenVaults          Hidden = "backupVaults"    // the backup vaults
	HiddenVaultDetails    Hidden = "vaultDetails"    // a vault's key and Vault Lock
	HiddenVaultPolicies   Hidden = "vaultPolicies"   // backup vault access policies
	HiddenRecoveryPoints  Hidden = "recoveryPoints"  // recovery points
	HiddenRestoreMetadata Hidden = "restoreMetadata" // a recovery point's restore metadata (instance profile)
	HiddenPlans           Hidden = "backupPlans"     // backup plans and selections
	HiddenBackupSettings  Hidden = "backupSettings"  // AWS Backup's organization settings (cross-account backup)
)

// hiddenBy maps "service:Call" of the collector to what its failure hides.
var hiddenBy = map[string][]Hidden{
	"iam:GetAccountAuthorizationDetails":             {HiddenIAM},
	"organizations:DescribeOrganization":             {HiddenOrganization, HiddenSCPs},
	"organizations:ListRoots":                        {HiddenOrganization, HiddenSCPs},
	"organizations:ListOrganizationalUnitsForParent": {HiddenOrganization, HiddenSCPs},
	"organizations:ListAccountsForParent":            {HiddenOrganization, HiddenSCPs},
	"organizations:ListPoliciesForTarget":            {HiddenSCPs},
	"organizations:ListPolicies":                     {HiddenSCPs},
	"organizations:ListTargetsForPolicy":             {HiddenSCPs},
	"organizations:DescribePolicy":                   {HiddenSCPs},
	"kms:ListKeys":                                   {HiddenKMSKeys, HiddenKeyPolicies},
	"kms:DescribeKey":                                {HiddenKMSKeys},
	"kms:GetKeyPolicy":                               {HiddenKeyPolicies},
	"backup:ListBackupVaults":                        {HiddenVaults, HiddenVaultDetails, HiddenVaultPolicies, HiddenRecoveryPoints},
	"backup:DescribeBackupVault":                     {HiddenVaultDetails},
	"backup:GetBackupVaultAccessPolicy":              {HiddenVaultPolicies},
	"backup:GetBackupVaultLockConfiguration":         {HiddenVaultDetails},
	"backup:ListRecoveryPointsByBackupVault":         {HiddenRecoveryPoints},
	"backup:GetRecoveryPointRestoreMetadata":         {HiddenRestoreMetadata},
	"backup:ListBackupPlans":                         {HiddenPlans},
	"backup:GetBackupPlan":                           {HiddenPlans},
	"backup:ListBackupSelections":                    {HiddenPlans},
	"backup:GetBackupSelection":                      {HiddenPlans},
	"backup:DescribeGlobalSettings":                  {HiddenBackupSettings},
}

// API returns the call as "service:Operation".
func (u Unreadable) API() string { return u.Service + ":" + u.Call }

// Hides returns what the failed call hides from the snapshot (nil for a
// call that hides nothing an evaluation reads, sts:GetCallerIdentity say).
// A call the collector does not make (iam:ListRoles, organizations:
// ListAccounts, a service written "IAM") of a service the snapshot reads
// hides everything that service gives: what it failed to read is not
// known, so nothing it could have held may be taken as absent.
func (u Unreadable) Hides() []Hidden {
	if h, ok := hiddenBy[u.API()]; ok {
		return h
	}
	svc := strings.ToLower(strings.TrimSpace(u.Service))
	for api, h := range hiddenBy {
		if strings.EqualFold(api, svc+":"+strings.TrimSpace(u.Call)) {
			return h
		}
	}
	return hiddenByService()[svc]
}

// hiddenByService is, for each service of hiddenBy, all its calls hide.
var hiddenByService = sync.OnceValue(func() map[string][]Hidden {
	m := map[string][]Hidden{}
	for api, hs := range hiddenBy {
		svc, _, _ := strings.Cut(api, ":")
		for _, h := range hs {
			if !slices.Contains(m[svc], h) {
				m[svc] = append(m[svc], h)
			}
		}
	}
	for _, hs := range m {
		slices.Sort(hs)
	}
	return m
})

// UnreadableFor returns the snapshot's unreadable calls that hide h, in the
// snapshot's order; a regional call counts only for its region (region ""
// matches every call).
func (s *Snapshot) UnreadableFor(h Hidden, region string) []Unreadable {
	var out []Unreadable
	for _, u := range s.Unreadable {
		if region != "" && u.Region != "" && u.Region != region {
			continue
		}
		for _, x := range u.Hides() {
			if x == h {
				out = append(out, u)
				break
			}
		}
	}
	return out
}

// HiddenText names what h hides in English ("SCPs", "KMS key policies").
func HiddenText(h Hidden) string {
	switch h {
	case HiddenIAM:
		return "IAM users, roles and their policies"
	case HiddenOrganization:
		return "The organization (and so its SCPs and RCPs)"
	case HiddenSCPs:
		return "SCPs"
	case HiddenKMSKeys:
		return "KMS keys"
	case HiddenKeyPolicies:
		return "KMS key policies"
	case HiddenVaults:
		return "Backup vaults"
	case HiddenVaultDetails:
		return "Backup vault details (key, Vault Lock)"
	case HiddenVaultPolicies:
		return "Backup vault access policies"
	case HiddenRecoveryPoints:
		return "Recovery points"
	case HiddenRestoreMetadata:
		return "Restore metadata"
	case HiddenPlans:
		return "Backup plans and selections"
	case HiddenBackupSettings:
		return "AWS Backup's organization settings"
	}
	return string(h)
}

// InstanceProfile returns the instance profile with this name (or ARN).
func (s *Snapshot) InstanceProfile(nameOrARN string) (*InstanceProfile, bool) {
	for i := range s.InstanceProfiles {
		ip := &s.InstanceProfiles[i]
		n := ip.Name
		if n == "" {
			n = arn.Name(ip.ARN)
		}
		if ip.ARN == nameOrARN || n == nameOrARN {
			return ip, true
		}
	}
	return nil, false
}

// RoleByName returns the role of the snapshot's account with this name
// (case-insensitive, as IAM role names are unique regardless of case).
func (s *Snapshot) RoleByName(name string) (*Role, bool) {
	r, ok := s.index().roles[s.AccountID+"/"+strings.ToLower(name)]
	return r, ok
}

// PlanIn returns the backup plan of id (or ARN) in region: a plan whose
// ARN names no Region is the snapshot's Region's.
func (s *Snapshot) PlanIn(idOrARN, region string) (*BackupPlan, bool) {
	for i := range s.BackupPlans {
		p := &s.BackupPlans[i]
		if p.ID != idOrARN && (p.ARN == "" || p.ARN != idOrARN) {
			continue
		}
		r := p.Region()
		if r == "" {
			r = s.Region
		}
		if region == "" || r == region {
			return p, true
		}
	}
	return nil, false
}

// Vault returns the backup vault with this name or ARN, in any Region.
func (s *Snapshot) Vault(nameOrARN string) (*BackupVault, bool) {
	return s.VaultIn(nameOrARN, "")
}

// VaultIn returns the backup vault with this ARN, or with this name in
// region (any Region when region is ""): vault names are unique per
// account and Region only, so a vault known only in another Region is not
// the one asked for.
func (s *Snapshot) VaultIn(nameOrARN, region string) (*BackupVault, bool) {
	for i := range s.BackupVaults {
		v := &s.BackupVaults[i]
		if v.ARN == nameOrARN {
			return v, true
		}
	}
	if strings.HasPrefix(nameOrARN, "arn:") {
		return nil, false
	}
	for i := range s.BackupVaults {
		v := &s.BackupVaults[i]
		n := v.Name
		if n == "" {
			n = arn.LastField(v.ARN)
		}
		if n != nameOrARN {
			continue
		}
		if f, k := arn.Fields(v.ARN); region == "" || (k == 6 && f[3] == region) {
			return v, true
		}
	}
	return nil, false
}

// Key returns the KMS key with this ARN, key id or alias ("alias/name" or
// its ARN), in any Region: KeyIn("", ...).
func (s *Snapshot) Key(ref string) (*KMSKey, bool) { return s.KeyIn(ref, "") }

// KeyIn returns the KMS key with this ARN, key id or alias ("alias/name" or
// its ARN) in region ("" for any). A key ARN is matched exactly; an alias
// ARN names its Region and account; a key id or a bare alias is looked up
// among the keys of region only: the same alias (alias/aws/backup is in
// every Region) and a multi-Region key's id are in several Regions, and
// before, the first listed was taken whatever its Region.
func (s *Snapshot) KeyIn(ref, region string) (*KMSKey, bool) {
	if ref == "" {
		return nil, false
	}
	alias := ref
	if i := strings.Index(ref, ":alias/"); i >= 0 {
		alias = ref[i+1:]
	}
	acct := ""
	if f, n := arn.Fields(ref); n == 6 && f[0] == "arn" {
		region, acct = f[3], f[4]
	}
	for i := range s.KMSKeys {
		k := &s.KMSKeys[i]
		if k.ARN == ref {
			return k, true
		}
		if f, n := arn.Fields(k.ARN); n == 6 && (region != "" && f[3] != region || acct != "" && f[4] != acct) {
			continue
		}
		if k.KeyID == ref {
			return k, true
		}
		for _, a := range k.Aliases {
			if a == alias {
				return k, true
			}
		}
	}
	return nil, false
}
