package audit

import (
	"strconv"
	"strings"

	"github.com/deniedhq/denied/account"
)

// unreadable is what the snapshot's Unreadable list means for the audit.
type unreadable struct {
	// global are gaps of every item that would otherwise pass: SCPs, IAM,
	// vault access policies.
	global []Gap
	// metadata is the gap of EC2 recovery points without restore metadata
	// when GetRecoveryPointRestoreMetadata could not be read.
	metadata *Gap
	// items are the parts of the account that may hold items the
	// snapshot does not: recovery points, selections, anything else.
	items []Item
}

// denied reports whether an unreadable call's error is an access denial.
func denied(e string) bool {
	l := strings.ToLower(e)
	return strings.Contains(l, "accessdenied") || strings.Contains(l, "access denied") || strings.Contains(l, "not authorized") ||
		strings.Contains(l, "unauthorized")
}

// unreadGap is the gap for unreadable entry u under rule; the message ID
// is base + ".denied" or ".failed".
func unreadGap(rule, base string, u account.Unreadable) Gap {
	call := u.Service + ":" + u.Call
	if denied(u.Error) {
		return gap(rule, base+".denied", call)
	}
	return gap(rule, base+".failed", call, u.Error)
}

// classify reads the Unreadable entries. Calls that hold no permission
// fact the audit uses (sts:GetCallerIdentity, kms:ListAliases) are left
// out; kms:ListKeys, DescribeKey and GetKeyPolicy show as unknown keys and
// key policies on the items that use them.
func classify(us []account.Unreadable) unreadable {
	var out unreadable
	type group struct {
		rule, msg string
		first     int
	}
	var order []string
	groups := map[string]*group{}
	for i, u := range us {
		var rule, msg string
		switch {
		case u.Service == "organizations":
			rule, msg = RuleUnreadableSCP, "audit.gap.unreadable-scps"
		case u.Service == "iam":
			rule, msg = RuleUnreadableIAM, "audit.gap.unreadable-iam"
		case u.Service == "backup" && (u.Call == "ListBackupVaults" || u.Call == "DescribeBackupVault" || u.Call == "GetBackupVaultAccessPolicy"):
			rule, msg = RuleUnreadableVaults, "audit.gap.unreadable-vaults"
		case u.Service == "backup" && u.Call == "GetRecoveryPointRestoreMetadata":
			rule, msg = RuleUnreadableMetadata, "audit.gap.unreadable-restore-metadata"
		case u.Service == "backup" && u.Call == "ListRecoveryPointsByBackupVault":
			rule, msg = RuleUnreadableRPs, "audit.gap.unreadable-recovery-points"
		case u.Service == "backup" && (u.Call == "ListBackupPlans" || u.Call == "GetBackupPlan" || u.Call == "ListBackupSelections" ||
			u.Call == "GetBackupSelection"):
			rule, msg = RuleUnreadableSelections, "audit.gap.unreadable-selections"
		case u.Service == "sts", u.Service == "kms":
			continue
		default:
			rule, msg = RuleUnreadableOther, "audit.gap.unreadable"
		}
		k := rule
		if rule == RuleUnreadableOther || rule == RuleUnreadableRPs || rule == RuleUnreadableSelections {
			// One item per call.
			k = rule + "\x00" + u.Service + ":" + u.Call
		}
		if _, ok := groups[k]; !ok {
			groups[k] = &group{rule: rule, msg: msg, first: i}
			order = append(order, k)
		}
	}
	for _, k := range order {
		g := groups[k]
		u := us[g.first]
		gp := unreadGap(g.rule, g.msg, u)
		switch g.rule {
		case RuleUnreadableSCP, RuleUnreadableIAM, RuleUnreadableVaults:
			out.global = append(out.global, gp)
		case RuleUnreadableMetadata:
			out.metadata = &gp
		default:
			out.items = append(out.items, Item{Kind: KindSnapshot, ARN: u.Service + ":" + u.Call, Pointer: "/unreadable/" + strconv.Itoa(g.first),
				Unchecked: []Gap{gp}})
		}
	}
	for i, u := range us {
		if u.Service == "backup" && u.Call == "ListBackupVaults" {
			// Vaults the snapshot could not list hold recovery points it
			// does not: an item of its own, so that a snapshot with no
			// recovery points (none listed) is never "would succeed".
			out.items = append(out.items, Item{Kind: KindSnapshot, ARN: "backup:ListBackupVaults", Pointer: "/unreadable/" + strconv.Itoa(i),
				Unchecked: []Gap{unreadGap(RuleUnreadableRPs, "audit.gap.unreadable-recovery-points", u)}})
			break
		}
	}
	return out
}
