package preflight

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/deniedhq/denied/account"
	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/catalog/backupops"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/arn"
)

// ConditionResult is a condition of the operation that the snapshot
// decides (backupops.Condition.Decide is not Listed), with its outcome.
type ConditionResult struct {
	Kind   string             `json:"kind"`
	Decide backupops.Decision `json:"decide"`
	Text   string             `json:"text"`
	When   string             `json:"when,omitempty"`
	// Outcome is allowed (the condition holds), denied (it does not: the
	// operation would fail) or couldNotCheck (Cause says why).
	Outcome Status `json:"status"`
	// Detail says what in the snapshot decided it (a message id and its
	// arguments).
	Detail Note   `json:"detail"`
	Cause  *Cause `json:"cause,omitempty"`
	// Fix says how to make a failed condition hold, when the snapshot
	// tells (a key that is not enabled: the AWS CLI command that enables
	// it, naming the key's ARN), as a message id and its arguments.
	Fix *Note `json:"fix,omitempty"`
	// FromRequests is set when the outcome is that of the request
	// evaluations (Decide is DecideRequests or
	// DecideDestinationVaultPolicy): a failure is then the requests'
	// denial, not a further one.
	FromRequests bool `json:"fromRequests,omitempty"`
}

// Status returns the condition's outcome.
func (c ConditionResult) Status() Status { return c.Outcome }

// conditionApplies is applies for conditions. The destination key's and
// the vault key's states apply when there is such a key: the copy's
// destination key, given or the destination vault's; the vault's key, or
// the vault is unknown (its condition then says so).
func (c checker) conditionApplies(cd backupops.Condition) bool {
	p := c.p
	switch cd.Decide {
	case backupops.DecideDestinationKeyState:
		ref, _ := c.destinationKey()
		return ref != ""
	case backupops.DecideVaultKeyState:
		v, _, ok := c.theVault()
		return !ok || v.EncryptionKeyARN != ""
	}
	switch cd.Applies {
	case backupops.Always:
		return true
	case backupops.OnKey:
		return p.KeyARN != ""
	case backupops.OnDestinationKey:
		return p.DestinationKeyARN != ""
	case backupops.OnResourceType:
		for _, t := range cd.Types {
			if t == p.ResourceType {
				return true
			}
		}
	}
	return false
}

// decide evaluates a condition the snapshot holds the facts of, after the
// requests (results) were evaluated.
func (c checker) decide(cd backupops.Condition, results []Result) ConditionResult {
	cr := ConditionResult{Kind: cd.Kind, Decide: cd.Decide, Text: cd.Text, When: cd.When}
	set := func(s Status, id string, args ...string) ConditionResult {
		cr.Outcome, cr.Detail = s, Note{ID: id, Args: args}
		return cr
	}
	unknown := func(cause Cause) ConditionResult {
		cr.Cause = &cause
		return set(StatusCouldNotCheck, "preflight.cond.unknown")
	}
	switch cd.Decide {
	case backupops.DecideRequests:
		return c.byRequests(cr, cd, results)
	case backupops.DecideKeyState:
		return c.keyState(cr, c.snap, c.p.KeyARN, c.p.Region, "--kms-key")
	case backupops.DecideDestinationKeyState:
		ref, ds := c.destinationKey()
		if ds == nil {
			_, cause := c.snapOf(arn.Account(c.p.DestinationVaultARN))
			return unknown(*cause)
		}
		region := c.p.DestinationRegion
		if f, n := arn.Fields(c.p.DestinationVaultARN); n == 6 && f[3] != "" {
			region = f[3]
		}
		if region == "" {
			region = c.p.Region
		}
		flag := "--destination-kms-key"
		if c.p.DestinationKeyARN == "" {
			flag = "--destination-vault"
		}
		return c.keyState(cr, ds, ref, region, flag)
	case backupops.DecideVaultKeyState:
		v, cause, ok := c.theVault()
		if !ok {
			return unknown(cause)
		}
		return c.keyState(cr, c.snap, v.EncryptionKeyARN, vaultRegion(v, c.p.Region), "--vault")
	case backupops.DecideVaultLock:
		v, cause, ok := c.theVault()
		if !ok {
			return unknown(cause)
		}
		if v.Lock == nil {
			// No lock is known only if the vault's details were read.
			if us := c.snap.UnreadableFor(account.HiddenVaultDetails, vaultRegion(v, c.p.Region)); len(us) > 0 {
				return unknown(unreadableCause(us[0], account.HiddenVaultDetails))
			}
			return set(StatusAllowed, "preflight.cond.no-lock", v.ARN)
		}
		if strings.EqualFold(v.Lock.Mode, "compliance") && v.Lock.LockDate != "" {
			if t, err := time.Parse(time.RFC3339, v.Lock.LockDate); err == nil && !t.After(c.now()) {
				return set(StatusDenied, "preflight.cond.lock-immutable", v.ARN, v.Lock.LockDate)
			}
		}
		return set(StatusAllowed, "preflight.cond.lock-changeable", v.ARN, v.Lock.Mode)
	case backupops.DecideSameOrganization:
		dest := arn.Account(c.p.DestinationVaultARN)
		if dest == "" {
			return unknown(missingCause("DestinationVaultARN"))
		}
		o := c.snap.Organization
		whole := false
		if c.p.Org != nil && c.p.Org.Organization() != nil {
			// An account's snapshot holds its own branch of the tree
			// only; the organization snapshot lists every member.
			o, whole = c.p.Org.Organization(), true
		}
		if o == nil {
			if us := c.snap.UnreadableFor(account.HiddenOrganization, ""); len(us) > 0 {
				return unknown(unreadableCause(us[0], account.HiddenOrganization))
			}
			return set(StatusDenied, "preflight.cond.no-org", c.p.Account)
		}
		member := func(a string) bool {
			if a == o.ManagementAccountID {
				return true
			}
			for _, m := range o.Accounts {
				if m.ID == a {
					return true
				}
			}
			return false
		}
		for _, a := range []string{c.p.Account, dest} {
			if !member(a) {
				if len(o.Accounts) == 0 {
					return unknown(Cause{Kind: CauseUnreadable, API: "organizations:ListAccountsForParent", Hides: account.HiddenOrganization})
				}
				id := o.ID
				if id == "" {
					id = o.RootID
				}
				if !whole {
					if cause := c.partialOrg(o, a, id); cause != nil {
						return unknown(*cause)
					}
				}
				return set(StatusDenied, "preflight.cond.not-member", a, id)
			}
		}
		id := o.ID
		if id == "" {
			id = o.RootID
		}
		return set(StatusAllowed, "preflight.cond.same-org", c.p.Account, dest, id)
	case backupops.DecideDestinationVault:
		if c.p.DestinationVaultARN == "" {
			return unknown(missingCause("DestinationVaultARN"))
		}
		if c.p.ResourceType == "" {
			return unknown(Cause{Kind: CauseMissingParameter, Subject: "ResourceType", Flag: "--resource-type"})
		}
		// A cross-account copy of a type AWS Backup does not fully manage
		// cannot go to a vault encrypted with an AWS managed key (the
		// default vault); the others may go to any vault.
		if !backupops.NotFullyManaged(c.p.ResourceType) {
			return set(StatusAllowed, "preflight.cond.fully-managed", c.p.ResourceType)
		}
		name := arn.LastField(c.p.DestinationVaultARN)
		ds, cause := c.snapOf(arn.Account(c.p.DestinationVaultARN))
		if cause != nil {
			return unknown(*cause)
		}
		if v, ok := ds.Vault(c.p.DestinationVaultARN); ok && v.EncryptionKeyARN != "" {
			if k, ok := ds.Key(v.EncryptionKeyARN); ok && k.KeyManager == account.KeyManagerAWS {
				return set(StatusDenied, "preflight.cond.dest-aws-key", c.p.DestinationVaultARN, k.ARN, c.p.ResourceType)
			}
		}
		if name == "Default" {
			return set(StatusDenied, "preflight.cond.dest-default", c.p.DestinationVaultARN, c.p.ResourceType)
		}
		if c.p.DestinationKeyARN == "" {
			if _, ok := ds.Vault(c.p.DestinationVaultARN); !ok {
				return unknown(Cause{Kind: CauseMissingParameter, Subject: "DestinationKeyARN", Flag: "--destination-kms-key"})
			}
		}
		return set(StatusAllowed, "preflight.cond.dest-not-default", c.p.DestinationVaultARN)
	case backupops.DecideDestinationVaultPolicy:
		return c.byRequests(cr, cd, results)
	case backupops.DecideCrossAccountSetting:
		if c.p.Org == nil {
			mgmt := ""
			if o := c.snap.Organization; o != nil {
				mgmt = o.ManagementAccountID
			}
			return unknown(Cause{Kind: CauseOutsideSnapshot, Subject: mgmt, Flag: SettingCrossAccountBackup})
		}
		v, cause := c.p.Org.BackupSetting(c.p.Region, SettingCrossAccountBackup)
		if cause != nil {
			return unknown(*cause)
		}
		if strings.EqualFold(v, "true") {
			return set(StatusAllowed, "preflight.cond.cross-account-enabled", SettingCrossAccountBackup)
		}
		return set(StatusDenied, "preflight.cond.cross-account-disabled", SettingCrossAccountBackup, v)
	case backupops.DecideSourceKey:
		k, ok := c.snap.KeyIn(c.p.KeyARN, c.p.Region)
		if !ok {
			return unknown(Cause{Kind: CauseUnknownKey, Subject: c.p.KeyARN, Flag: "--kms-key"})
		}
		if k.KeyManager == account.KeyManagerAWS {
			return set(StatusDenied, "preflight.cond.source-aws-key", k.ARN)
		}
		dest := arn.Account(c.p.DestinationVaultARN)
		if dest == "" {
			return unknown(missingCause("DestinationVaultARN"))
		}
		if len(k.Policy) == 0 {
			if us := c.snap.UnreadableFor(account.HiddenKeyPolicies, c.p.Region); len(us) > 0 {
				return unknown(unreadableCause(us[0], account.HiddenKeyPolicies))
			}
			return set(StatusDenied, "preflight.cond.source-key-denies", k.ARN, dest)
		}
		if c.keyAdmits(k, dest) {
			return set(StatusAllowed, "preflight.cond.source-key-admits", k.ARN, dest)
		}
		return set(StatusDenied, "preflight.cond.source-key-denies", k.ARN, dest)
	}
	return set(StatusCouldNotCheck, "preflight.cond.unknown")
}

// partialOrg is why organization o of an account's snapshot cannot tell
// that account a is not a member of it (id), or nil when it can: part of
// the tree was unreadable, the snapshot does not list the organization's
// accounts at all (a short form's org without "accounts": the account and
// its management account alone), or it lists the account's own branch
// only (an account's file of an organization snapshot, audited alone: the
// management account, a member of every organization, is not listed).
func (c checker) partialOrg(o *account.Organization, a, id string) *Cause {
	if us := c.snap.UnreadableFor(account.HiddenOrganization, ""); len(us) > 0 {
		cause := unreadableCause(us[0], account.HiddenOrganization)
		return &cause
	}
	if o.AccountsUnlisted {
		return &Cause{Kind: CauseOrgAccountsUnlisted, Subject: a, Flag: id}
	}
	if o.ManagementAccountID == "" || slices.ContainsFunc(o.Accounts, func(m account.OrgAccount) bool { return m.ID == o.ManagementAccountID }) {
		return nil
	}
	if c.p.Org != nil {
		// An organization snapshot without its tree.
		return &Cause{Kind: CauseUnreadable, API: "organizations:ListAccountsForParent", Hides: account.HiddenOrganization}
	}
	return &Cause{Kind: CauseOutsideSnapshot, Subject: o.ManagementAccountID, Flag: "membership of account " + a + " in organization " + id}
}

// keyState decides that key ref of snapshot snap (given by flag) is
// enabled and in region (KeyStateOf).
func (c checker) keyState(cr ConditionResult, snap *account.Snapshot, ref, region, flag string) ConditionResult {
	d := KeyStateOf(snap, ref, region, flag)
	cr.Outcome, cr.Detail, cr.Cause, cr.Fix = d.Status, d.Detail, d.Cause, d.Fix
	return cr
}

// KeyDecision is what a snapshot says of a KMS key's state (KeyStateOf).
type KeyDecision struct {
	// Key is the key in the snapshot (nil when it lacks it).
	Key *account.KMSKey
	// Status is allowed (the key is usable), denied (its state or Region
	// refuses its use) or couldNotCheck (Cause says why).
	Status Status
	// Detail says what decided it: preflight.cond.key-ok,
	// key-aws-managed, key-state, key-region or unknown.
	Detail Note
	Cause  *Cause
	// Fix is how to make a key that is not enabled usable (KeyStateFix).
	Fix *Note
}

// KeyStateOf decides that key ref (a key ARN, id or alias, given by flag)
// of snapshot snap is enabled and in region ("" for the key's own): a key
// in another state refuses every cryptographic operation (AWS KMS, "Key
// states of AWS KMS keys"), and the fix says how to enable it, naming its
// ARN; a key the snapshot lacks, or whose state it does not record, could
// not be checked, except an AWS managed key, which AWS KMS keeps enabled
// ("You cannot enable or disable AWS managed keys ... AWS managed keys are
// permanently enabled", "Enable and disable keys"). denied check's key
// conditions and the jobs recheck of a key-state message share it.
func KeyStateOf(snap *account.Snapshot, ref, region, flag string) KeyDecision {
	set := func(d KeyDecision, s Status, id string, args ...string) KeyDecision {
		d.Status, d.Detail = s, Note{ID: id, Args: args}
		return d
	}
	k, ok := snap.KeyIn(ref, region)
	if !ok {
		cause := Cause{Kind: CauseUnknownKey, Subject: ref, Flag: flag}
		if us := snap.UnreadableFor(account.HiddenKMSKeys, region); len(us) > 0 {
			cause = unreadableCause(us[0], account.HiddenKMSKeys)
		}
		return set(KeyDecision{Cause: &cause}, StatusCouldNotCheck, "preflight.cond.unknown")
	}
	d := KeyDecision{Key: k}
	if k.KeyState != "" && k.KeyState != "Enabled" {
		d.Fix = KeyStateFix(k)
		return set(d, StatusDenied, "preflight.cond.key-state", k.ARN, k.KeyState)
	}
	if f, n := arn.Fields(k.ARN); n == 6 && f[3] != "" && region != "" && f[3] != region {
		return set(d, StatusDenied, "preflight.cond.key-region", k.ARN, f[3], region)
	}
	if k.KeyState == "" {
		if k.KeyManager == account.KeyManagerAWS {
			return set(d, StatusAllowed, "preflight.cond.key-aws-managed", k.ARN)
		}
		// Not recorded (kms:DescribeKey unreadable, an older
		// snapshot): a disabled key, or one pending deletion,
		// refuses every use, so enabled is not to be assumed.
		cause := unknownKeyState(snap, k, region, flag)
		d.Cause = &cause
		return set(d, StatusCouldNotCheck, "preflight.cond.unknown")
	}
	return set(d, StatusAllowed, "preflight.cond.key-ok", k.ARN)
}

// KeyStateFix is how to make key k usable again, by its state: the AWS
// CLI commands that enable it (and first cancel its deletion: a key whose
// deletion is cancelled is Disabled, AWS KMS "Cancel key deletion"),
// naming its ARN and Region; for a key of imported material or of a
// custom key store, what to do (their commands need values the snapshot
// does not hold); nil for a state no action of the owner ends (Creating,
// Updating: wait).
func KeyStateFix(k *account.KMSKey) *Note {
	region := ""
	if f, n := arn.Fields(k.ARN); n == 6 && f[3] != "" {
		region = " --region " + f[3]
	}
	enable := "aws kms enable-key --key-id " + k.ARN + region
	switch k.KeyState {
	case "Disabled":
		return &Note{ID: "preflight.fix.enable-key", Args: []string{enable, arn.Account(k.ARN)}}
	case "PendingDeletion", "PendingReplicaDeletion":
		return &Note{ID: "preflight.fix.cancel-key-deletion", Args: []string{"aws kms cancel-key-deletion --key-id " + k.ARN + region + " && " + enable, arn.Account(k.ARN)}}
	case "PendingImport":
		return &Note{ID: "preflight.fix.import-key-material", Args: []string{k.ARN}}
	case "Unavailable":
		return &Note{ID: "preflight.fix.connect-key-store", Args: []string{"aws kms describe-key --key-id " + k.ARN + region + " --query KeyMetadata.CustomKeyStoreId"}}
	}
	return nil
}

// unknownKeyState is the cause of a key of the snapshot whose state it
// does not record, naming the unreadable call that hid it when one did.
func unknownKeyState(snap *account.Snapshot, k *account.KMSKey, region, flag string) Cause {
	cause := Cause{Kind: CauseUnknownKeyState, Subject: k.ARN, Flag: flag}
	if us := snap.UnreadableFor(account.HiddenKMSKeys, region); len(us) > 0 {
		cause.API, cause.Hides, cause.Error = us[0].API(), account.HiddenKMSKeys, us[0].Error
	}
	return cause
}

// destinationKey is the key of a copy's destination vault: the one given
// (DestinationKeyARN), else the destination vault's in the snapshot of its
// account (nil when that account's snapshot is unknown: with an
// organization view, one it does not hold).
func (c checker) destinationKey() (string, *account.Snapshot) {
	if c.p.DestinationVaultARN == "" && c.p.DestinationKeyARN == "" {
		return "", c.snap
	}
	ds, cause := c.snapOf(arn.Account(c.p.DestinationVaultARN))
	if cause != nil {
		return c.p.DestinationKeyARN, nil
	}
	if c.p.DestinationKeyARN != "" {
		return c.p.DestinationKeyARN, ds
	}
	if v, ok := ds.Vault(c.p.DestinationVaultARN); ok {
		return v.EncryptionKeyARN, ds
	}
	return "", ds
}

// keyAdmits reports whether the key policy of k lets account dest use the
// key (kms:Decrypt and kms:CreateGrant by the account's root, whose
// identity policies are taken to allow it): the key-policy side of a
// cross-account copy.
func (c checker) keyAdmits(k *account.KMSKey, dest string) bool {
	allowAll := []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)
	for _, action := range []string{"kms:Decrypt", "kms:CreateGrant"} {
		in := &eval.Input{Request: eval.Request{
			Principal: "arn:" + c.p.Partition + ":iam::" + dest + ":root", Action: action, Resource: k.ARN, ResourceAccount: arn.Account(k.ARN)},
			Identity: []eval.Doc{{Name: "destination account", Text: allowAll}},
			Resource: &eval.Doc{Name: k.ARN, Text: k.Policy}}
		if out, err := eval.Run(in, c.opts()); err != nil || !out.Allowed() {
			return false
		}
	}
	return true
}

func (c checker) now() time.Time {
	if c.p.Now != nil {
		return c.p.Now()
	}
	return time.Now()
}

// vaultRegion is the Region of v's ARN, else region.
func vaultRegion(v *account.BackupVault, region string) string {
	if f, n := arn.Fields(v.ARN); n == 6 && f[3] != "" {
		return f[3]
	}
	return region
}

// theVault returns the operation's vault (--vault), or the cause it is
// unknown.
func (c checker) theVault() (*account.BackupVault, Cause, bool) {
	if c.p.VaultName == "" {
		return nil, missingCause("VaultName"), false
	}
	v, ok := c.snap.VaultIn(c.p.VaultName, c.p.Region)
	if !ok {
		if us := c.snap.UnreadableFor(account.HiddenVaults, c.p.Region); len(us) > 0 {
			return nil, unreadableCause(us[0], account.HiddenVaults), false
		}
		return nil, Cause{Kind: CauseUnknownVault, Subject: c.p.VaultName, Flag: "--vault"}, false
	}
	if len(v.AccessPolicy) == 0 {
		if us := c.snap.UnreadableFor(account.HiddenVaultPolicies, c.p.Region); len(us) > 0 {
			return nil, unreadableCause(us[0], account.HiddenVaultPolicies), false
		}
	}
	return v, Cause{}, true
}

// byRequests decides a condition about a policy layer every relevant
// request evaluation included: denied when one of them was denied by that
// layer, could not check when one could not be checked, else allowed.
func (c checker) byRequests(cr ConditionResult, cd backupops.Condition, results []Result) ConditionResult {
	cr.FromRequests = true
	var layers []authz.Layer // the layers whose denial this condition makes
	relevant := func(r Result) bool { return true }
	switch {
	case cd.Decide == backupops.DecideDestinationVaultPolicy:
		if c.p.DestinationVaultARN == "" {
			cause := missingCause("DestinationVaultARN")
			cr.Cause, cr.Outcome, cr.Detail, cr.FromRequests = &cause, StatusCouldNotCheck, Note{ID: "preflight.cond.unknown"}, false
			return cr
		}
		layers = []authz.Layer{authz.LayerResource, authz.LayerRCP}
		relevant = func(r Result) bool { return r.Resource == c.p.DestinationVaultARN }
	case cd.Kind == backupops.KindOrganization:
		layers = []authz.Layer{authz.LayerSCP, authz.LayerRCP, authz.LayerBoundary}
	case cd.Kind == backupops.KindKeyPolicy:
		layers = []authz.Layer{authz.LayerResource}
		relevant = func(r Result) bool { return strings.HasPrefix(r.Action, "kms:") }
	case cd.Kind == backupops.KindVaultPolicy:
		if _, cause, ok := c.theVault(); !ok {
			cr.Cause, cr.Outcome, cr.Detail, cr.FromRequests = &cause, StatusCouldNotCheck, Note{ID: "preflight.cond.unknown"}, false
			return cr
		}
		layers = []authz.Layer{authz.LayerResource}
		relevant = func(r Result) bool {
			v, _ := c.vaultOf(r.Resource)
			return v != "" && r.Resource != c.p.DestinationVaultARN
		}
	default:
		layers = []authz.Layer{authz.LayerResource, authz.LayerSCP, authz.LayerRCP, authz.LayerBoundary}
	}
	n := 0
	var unchecked *Result
	for i, r := range results {
		if r.Principal == ServicePrincipal || r.Status() == StatusNotApplicable || !relevant(r) {
			continue
		}
		n++
		switch r.Status() {
		case StatusDenied:
			if l, ok := authz.ParseLayer(r.Layer); ok && slices.Contains(layers, l) {
				cr.Outcome, cr.Detail = StatusDenied, Note{ID: "preflight.cond.denied-by", Args: []string{r.Action, r.Resource, r.Layer}}
				return cr
			}
		case StatusCouldNotCheck:
			if unchecked == nil {
				unchecked = &results[i]
			}
		}
	}
	switch {
	case unchecked != nil:
		cause := Cause{Kind: CauseEvaluation, Error: unchecked.Error}
		if unchecked.Cause != nil {
			cause = *unchecked.Cause
		}
		cr.Cause, cr.Outcome, cr.Detail = &cause, StatusCouldNotCheck, Note{ID: "preflight.cond.unknown"}
	case n == 0:
		cause := Cause{Kind: CauseMissingParameter, Subject: cd.Kind, Flag: "--as"}
		if cd.Kind == backupops.KindKeyPolicy {
			cause.Flag = "--kms-key"
		}
		cr.Cause, cr.Outcome, cr.Detail, cr.FromRequests = &cause, StatusCouldNotCheck, Note{ID: "preflight.cond.unknown"}, false
	default:
		cr.Outcome, cr.Detail = StatusAllowed, Note{ID: "preflight.cond.by-requests", Args: []string{strconv.Itoa(n)}}
	}
	return cr
}
