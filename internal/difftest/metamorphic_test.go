package difftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/deniedhq/denied/catalog"
	"github.com/deniedhq/denied/internal/casegen"
	"github.com/deniedhq/denied/simulate"
)

// TestMetamorphic checks invariants of AWS's documented evaluation logic on
// generated cases: each case is transformed in a way that must not change
// its result (or must change it in a known way), and both are evaluated.
// The number of cases is 3000 (600 with -short); set DENIED_META_N for more.
//
// The invariants:
//
//	permute    statements of a policy, policies of a layer, SCP/RCP levels, keys of JSON
//	           objects: same result
//	list-form  a value and a list of one value swapped (Action, Resource, condition values)
//	split      an identity policy's statements split into two policies: same result
//	merge      two identity policies merged into one: same result
//	duplicate  a statement duplicated (new Sid): same result
//	dup-policy an identity policy attached twice (new name): same result
//	deny-id    an unconditional identity Deny of the action and resource: ExplicitDeny, at
//	           identity unless an SCP, RCP, VPC endpoint or resource policy already denied
//	           (the engine names the first layer in its listing order)
//	deny-scp   the same Deny as an SCP: ExplicitDeny (unless the principal is the management
//	           account's or a service-linked role: SCPs do not apply, same result)
//	deny-scp-mgmt  the principal's account made the management account, then the SCP Deny
//	           added: same result as without the Deny
//	policy-action-case  the case of every Action/NotAction in the policies changed: same result
//	key-case   the case of condition key names (before any slash) changed: same result
//	allow-id   an identity Allow of the action and resource, when only the identity layer was
//	           missing an Allow: Allowed
//	action-case  the request action's case changed: same result (actions are case-insensitive)
//	arn-case     an identity Allow naming the resource with its resource part's case changed:
//	             same result (the Resource element is case-sensitive: "In the Resource element,
//	             the IAM user name is case sensitive", IAM User Guide, reference_policies_elements_resource)
//	doc-string   documents written as JSON strings, URL-encoded or not (as IAM's
//	             GetPolicyVersion returns them): same result. A case giving string documents
//	             is decoded for every invariant and written back the same way.
//	deny-rcp     an unconditional RCP Deny of the action and resource: ExplicitDeny at rcp, except
//	             where RCPs do not apply (same result): resources of the management account,
//	             service-linked roles, services that do not support RCPs (catalog.RCPSupported),
//	             kms:RetireGrant
//	deny-rcp-mgmt  the resource's account made the management account, then the RCP Deny
//	             added: same result as without the Deny
//	deny-vpce    an unconditional Deny added to the VPC endpoint policies of a case that has some
//	             (the request goes through the endpoint): ExplicitDeny at vpcEndpoint
//	anyvalue     StringEquals on single-valued keys present in the request replaced by
//	             ForAnyValue:StringEquals: same result. The IAM User Guide
//	             (reference_policies_condition-single-vs-multi-valued-context-keys) says not to use
//	             set operators with single-valued keys but defines ForAnyValue as "at least one
//	             value in the request matches": for a request holding one value that is the plain
//	             operator.
//
// Results are compared on the decision, the deciding layer, every layer's
// verdict and note, and the deciding statements (for an explicit deny every
// matching Deny, as a set; for Allowed the layers that granted, since "the
// first Allow" of a layer depends on the order).
func TestMetamorphic(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 600
	}
	if v := os.Getenv("DENIED_META_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatalf("DENIED_META_N=%q: %v", v, err)
		}
	}
	const seed = 20261204
	cases := casegen.GenerateCases(seed, n)
	checked := map[string]int{}
	failed := map[string]int{}
	for i, c := range cases {
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		orig0 := simulate.EvaluateJSON(c.JSON)
		if orig0.Error != nil {
			continue
		}
		for _, inv := range invariants {
			mc, ok := decodeMeta(c.JSON)
			if !ok {
				continue
			}
			want, ok := inv.apply(mc, orig0, r)
			if !ok {
				continue
			}
			orig := orig0
			if mc.base != nil {
				// the invariant compares with a variant of the case
				if orig = simulate.EvaluateJSON(mc.base); orig.Error != nil {
					t.Errorf("%s: case %s: the base variant does not evaluate: %v", inv.name, c.ID, orig.Error)
					continue
				}
			}
			data := mc.encode(nil)
			if inv.name == "permute" {
				data = mc.encode(r)
			}
			if inv.name == "doc-string" {
				// casegen writes most documents as objects: the string
				// documents made here check that decodeMeta reads them back
				// and encode writes them the same way.
				if back, ok := decodeMeta(data); !ok || len(back.strDocs) != len(mc.strDocs) || !bytes.Equal(back.encode(nil), data) {
					t.Errorf("doc-string: case %s: the string documents do not read back: %s", c.ID, data)
				}
			}
			got := simulate.EvaluateJSON(data)
			checked[inv.name]++
			if msg := want.check(orig, got, mc.rename); msg != "" {
				failed[inv.name]++
				if failed[inv.name] <= 3 {
					t.Errorf("%s: case %s: %s\noriginal: %s\ntransformed: %s", inv.name, c.ID, msg, c.JSON, data)
				}
			}
		}
	}
	names := make([]string, 0, len(checked))
	for k := range checked {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		t.Logf("%-12s %5d cases, %d failed", k, checked[k], failed[k])
		if checked[k] < n/50 {
			t.Errorf("%s: only %d of %d cases exercised it", k, checked[k], n)
		}
	}
}

// metaCase is a case decoded as generic JSON, with the renames a
// transformation made (policy name and Sid in the transformed case -> in
// the original).
type metaCase struct {
	v      map[string]any
	rename map[string]string
	base   []byte // when set, the case to compare with instead of the original
	// the documents given as JSON strings, decoded in v
	strDocs []strDoc
}

func decodeMeta(data []byte) (*metaCase, bool) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v map[string]any
	if err := d.Decode(&v); err != nil {
		return nil, false
	}
	mc := &metaCase{v: v, rename: map[string]string{}}
	ok := true
	// A document given as a JSON string (URL-encoded or not) is decoded
	// here and written back the same way by encode: every transformation
	// applies to it as to an object.
	mc.eachHolder(func(_ string, pd map[string]any) {
		s, isStr := pd["document"].(string)
		if !isStr {
			return
		}
		sd := strDoc{holder: pd}
		// casegen writes the text plain or URL-encoded, around spaces,
		// after a byte order mark for some
		text := strings.TrimSpace(s)
		if t, bom := strings.CutPrefix(text, "\ufeff"); bom {
			text, sd.bom = t, true
		}
		if !strings.HasPrefix(text, "{") {
			u, err := url.PathUnescape(text)
			if err != nil {
				ok = false
				return
			}
			text, sd.urlEncoded = u, true
		}
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		var doc map[string]any
		if dec.Decode(&doc) != nil || dec.More() {
			ok = false
			return
		}
		pd["document"] = doc
		mc.strDocs = append(mc.strDocs, sd)
	})
	// every document must be an object with a list of statements
	mc.eachDoc(func(_ string, d map[string]any) {
		if d == nil {
			ok = false
			return
		}
		if st, isObj := d["Statement"].(map[string]any); isObj {
			d["Statement"] = []any{st}
		}
		if _, isList := d["Statement"].([]any); !isList {
			ok = false
		}
	})
	return mc, ok
}

// strDoc is a document the case gave as a JSON string.
type strDoc struct {
	holder     map[string]any // the policy object holding it
	urlEncoded bool
	bom        bool // after a byte order mark
}

// encode writes the case as JSON (keys shuffled when r is not nil), the
// documents the original gave as strings written as strings again.
func (mc *metaCase) encode(r *rand.Rand) []byte {
	saved := make([]any, len(mc.strDocs))
	for i, sd := range mc.strDocs {
		saved[i] = sd.holder["document"]
		text := string(encodeShuffled(saved[i], r))
		if sd.urlEncoded {
			text = url.PathEscape(text)
		}
		if sd.bom {
			text = "\ufeff" + text
		}
		sd.holder["document"] = text
	}
	out := encodeShuffled(mc.v, r)
	for i, sd := range mc.strDocs {
		sd.holder["document"] = saved[i]
	}
	return out
}

// eachHolder calls fn with every policy object of the case (the object
// with name and document) and its layer.
func (mc *metaCase) eachHolder(fn func(layer string, pd map[string]any)) {
	one := func(layer string, pd any) {
		if m, _ := pd.(map[string]any); m != nil {
			fn(layer, m)
		}
	}
	list := func(layer string, v any) {
		l, _ := v.([]any)
		for _, pd := range l {
			one(layer, pd)
		}
	}
	list("identity", mc.v["identityPolicies"])
	one("permissionsBoundary", mc.v["permissionsBoundary"])
	one("session", mc.v["sessionPolicy"])
	one("resource", mc.v["resourcePolicy"])
	list("vpcEndpoint", mc.v["vpcEndpointPolicies"])
	for _, k := range []string{"serviceControlPolicies", "resourceControlPolicies"} {
		levels, _ := mc.v[k].([]any)
		for _, lv := range levels {
			m, _ := lv.(map[string]any)
			list(k, m["policies"])
		}
	}
}

// eachDoc calls fn with every policy document of the case (nil when it is
// not a JSON object) and its layer.
func (mc *metaCase) eachDoc(fn func(layer string, doc map[string]any)) {
	mc.eachHolder(func(layer string, pd map[string]any) {
		d, _ := pd["document"].(map[string]any)
		fn(layer, d)
	})
}

func (mc *metaCase) request() map[string]any { m, _ := mc.v["request"].(map[string]any); return m }
func (mc *metaCase) str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}
func (mc *metaCase) identity() []any { l, _ := mc.v["identityPolicies"].([]any); return l }

// iamPrincipal: a user, role session or federated user (the principals
// identity policies apply to).
func (mc *metaCase) iamPrincipal() bool {
	p := mc.str(mc.request(), "principal")
	return strings.HasPrefix(p, "arn:aws:iam::") && strings.Contains(p, ":user/") ||
		strings.HasPrefix(p, "arn:aws:sts::") && (strings.Contains(p, ":assumed-role/") || strings.Contains(p, ":federated-user/"))
}

// requestStatement is a statement for exactly the request's action and
// resource, or false when the resource cannot be written literally.
func (mc *metaCase) requestStatement(effect string) (map[string]any, bool) {
	req := mc.request()
	act, res := mc.str(req, "action"), mc.str(req, "resource")
	if res == "" {
		res = "*"
	}
	if strings.ContainsAny(res, "$*?") && res != "*" {
		return nil, false
	}
	if strings.EqualFold(act, "sts:GetCallerIdentity") {
		return nil, false
	}
	return map[string]any{"Effect": effect, "Action": act, "Resource": res}, true
}

// resourceAccount is the account of the request's resource: the
// resourceAccount field, else the account of a resource ARN, else (for
// "*" or an AWS managed policy) the principal's; "" when unknown.
func (mc *metaCase) resourceAccount() string {
	req := mc.request()
	if a := mc.str(req, "resourceAccount"); a != "" {
		return a
	}
	pa := ""
	if f := strings.Split(mc.str(req, "principal"), ":"); len(f) > 4 && strings.HasPrefix(f[0], "arn") {
		pa = f[4]
	}
	res := mc.str(req, "resource")
	if res == "" || res == "*" {
		return pa
	}
	f := strings.SplitN(res, ":", 6)
	if len(f) < 6 {
		return ""
	}
	if f[4] == "aws" {
		return pa
	}
	if len(f[4]) != 12 || strings.Trim(f[4], "0123456789") != "" {
		return ""
	}
	return f[4]
}

func isStrDoc(mc *metaCase, pd map[string]any) bool {
	for _, sd := range mc.strDocs {
		if fmt.Sprintf("%p", sd.holder) == fmt.Sprintf("%p", pd) {
			return true
		}
	}
	return false
}

func newDoc(st ...any) map[string]any {
	return map[string]any{"Version": "2012-10-17", "Statement": st}
}

// expectation is what the transformed case must give.
type expectation struct {
	same     bool   // the same result as the original
	decision string // else this decision
	layer    string // at this layer ("" for any)
}

func (e expectation) check(orig, got *simulate.Result, rename map[string]string) string {
	if got.Error != nil {
		return "the transformed case does not evaluate: " + got.Error.Error()
	}
	if !e.same {
		if got.Decision != e.decision || (e.layer != "" && got.Layer != e.layer) {
			return fmt.Sprintf("got %s at %s, want %s at %s", got.Decision, got.Layer, e.decision, e.layer)
		}
		// the added statement decides (for a deny, with every other matching Deny)
		for _, d := range got.Deciding {
			if strings.HasPrefix(d.Policy, "meta-") {
				return ""
			}
		}
		return fmt.Sprintf("the added statement is not among the deciding statements %+v", got.Deciding)
	}
	if a, b := summary(orig, rename), summary(got, rename); a != b {
		return "results differ:\n  original:    " + a + "\n  transformed: " + b
	}
	return ""
}

// summary is the order-independent part of a result.
func summary(r *simulate.Result, rename map[string]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s at %s; layers:", r.Decision, r.Layer)
	for _, l := range r.Layers {
		fmt.Fprintf(&b, " %s=%s", l.Layer, l.Verdict)
		if l.Note != "" {
			fmt.Fprintf(&b, "(%s)", l.Note)
		}
		if l.Required {
			b.WriteString("!")
		}
	}
	var refs []string
	for _, d := range r.Deciding {
		if r.Decision != "ExplicitDeny" {
			refs = append(refs, d.Layer+"/"+d.Effect)
			continue
		}
		pol, sid := d.Policy, d.Sid
		if n, ok := rename["policy:"+pol]; ok {
			pol = n
		}
		if n, ok := rename["sid:"+sid]; ok {
			sid = n
		}
		refs = append(refs, d.Layer+"/"+d.Target+"/"+pol+"/"+sid+"/"+d.Effect)
	}
	sort.Strings(refs)
	refs = slices.Compact(refs)
	fmt.Fprintf(&b, "; deciding: %v", refs)
	missing := make([]string, len(r.MissingContext))
	for i, k := range r.MissingContext {
		missing[i] = strings.ToLower(k)
	}
	sort.Strings(missing)
	fmt.Fprintf(&b, "; missing: %v", slices.Compact(missing))
	return b.String()
}

type invariant struct {
	name  string
	apply func(mc *metaCase, orig *simulate.Result, r *rand.Rand) (expectation, bool)
}

var same = expectation{same: true}

var invariants = []invariant{
	{"permute", func(mc *metaCase, _ *simulate.Result, r *rand.Rand) (expectation, bool) {
		mc.eachDoc(func(_ string, d map[string]any) {
			st := d["Statement"].([]any)
			r.Shuffle(len(st), func(i, j int) { st[i], st[j] = st[j], st[i] })
		})
		shuffle := func(v any) {
			if l, ok := v.([]any); ok {
				r.Shuffle(len(l), func(i, j int) { l[i], l[j] = l[j], l[i] })
			}
		}
		shuffle(mc.v["identityPolicies"])
		shuffle(mc.v["vpcEndpointPolicies"])
		for _, k := range []string{"serviceControlPolicies", "resourceControlPolicies"} {
			// every level must allow: their order does not matter either
			shuffle(mc.v[k])
			levels, _ := mc.v[k].([]any)
			for _, lv := range levels {
				shuffle(lv.(map[string]any)["policies"])
			}
		}
		return same, true
	}},
	{"list-form", func(mc *metaCase, _ *simulate.Result, _ *rand.Rand) (expectation, bool) {
		// A value or a list of one value: the same (IAM User Guide,
		// grammar of the IAM JSON policy language).
		flip := func(v any) any {
			switch x := v.(type) {
			case string:
				return []any{x}
			case []any:
				if len(x) == 1 {
					if s, ok := x[0].(string); ok {
						return s
					}
				}
			}
			return v
		}
		mc.eachDoc(func(_ string, d map[string]any) {
			for _, s := range d["Statement"].([]any) {
				st := s.(map[string]any)
				for _, k := range []string{"Action", "NotAction", "Resource", "NotResource"} {
					if v, ok := st[k]; ok {
						st[k] = flip(v)
					}
				}
				cond, _ := st["Condition"].(map[string]any)
				for _, keys := range cond {
					km, _ := keys.(map[string]any)
					for k, v := range km {
						km[k] = flip(v)
					}
				}
			}
		})
		return same, true
	}},
	{"dup-policy", func(mc *metaCase, _ *simulate.Result, r *rand.Rand) (expectation, bool) {
		ids := mc.identity()
		if len(ids) == 0 {
			return same, false
		}
		pd := ids[r.IntN(len(ids))].(map[string]any)
		d, _ := json.Marshal(pd["document"])
		var cp any
		dec := json.NewDecoder(bytes.NewReader(d))
		dec.UseNumber()
		if dec.Decode(&cp) != nil {
			return same, false
		}
		name := mc.str(pd, "name") + "-copy"
		mc.rename["policy:"+name] = mc.str(pd, "name")
		mc.v["identityPolicies"] = append(ids, map[string]any{"name": name, "document": cp})
		return same, true
	}},
	{"split", func(mc *metaCase, _ *simulate.Result, r *rand.Rand) (expectation, bool) {
		ids := mc.identity()
		for i, p := range ids {
			pd := p.(map[string]any)
			d := pd["document"].(map[string]any)
			st := d["Statement"].([]any)
			if len(st) < 2 {
				continue
			}
			k := 1 + r.IntN(len(st)-1)
			d2 := map[string]any{"Statement": slices.Clone(st[k:])}
			if v, ok := d["Version"]; ok {
				d2["Version"] = v
			}
			d["Statement"] = st[:k]
			name := mc.str(pd, "name") + "-split"
			mc.rename["policy:"+name] = mc.str(pd, "name")
			mc.v["identityPolicies"] = slices.Insert(ids, i+1, any(map[string]any{"name": name, "document": d2}))
			return same, true
		}
		return same, false
	}},
	{"merge", func(mc *metaCase, _ *simulate.Result, _ *rand.Rand) (expectation, bool) {
		ids := mc.identity()
		if len(ids) < 2 {
			return same, false
		}
		a, b := ids[0].(map[string]any), ids[1].(map[string]any)
		da, db := a["document"].(map[string]any), b["document"].(map[string]any)
		if da["Version"] != db["Version"] || sidsClash(da, db) {
			return same, false
		}
		da["Statement"] = append(da["Statement"].([]any), db["Statement"].([]any)...)
		mc.rename["policy:"+mc.str(a, "name")] = "?merged"
		mc.rename["policy:"+mc.str(b, "name")] = "?merged"
		mc.v["identityPolicies"] = slices.Delete(ids, 1, 2)
		return same, true
	}},
	{"duplicate", func(mc *metaCase, _ *simulate.Result, r *rand.Rand) (expectation, bool) {
		var docs []map[string]any
		mc.eachDoc(func(_ string, d map[string]any) { docs = append(docs, d) })
		if len(docs) == 0 {
			return same, false
		}
		d := docs[r.IntN(len(docs))]
		st := d["Statement"].([]any)
		if len(st) == 0 {
			return same, false
		}
		j := r.IntN(len(st))
		cp := map[string]any{}
		for k, v := range st[j].(map[string]any) {
			cp[k] = v
		}
		if sid, ok := cp["Sid"].(string); ok && sid != "" {
			cp["Sid"] = sid + "Dup"
			mc.rename["sid:"+sid+"Dup"] = sid
		}
		d["Statement"] = slices.Insert(st, j+1, any(cp))
		return same, true
	}},
	{"deny-id", func(mc *metaCase, orig *simulate.Result, _ *rand.Rand) (expectation, bool) {
		if !mc.iamPrincipal() {
			return same, false
		}
		st, ok := mc.requestStatement("Deny")
		if !ok {
			return same, false
		}
		mc.v["identityPolicies"] = append(mc.identity(), map[string]any{"name": "meta-deny", "document": newDoc(st)})
		return expectation{decision: "ExplicitDeny", layer: denyLayer(orig, "identity")}, true
	}},
	{"deny-scp", func(mc *metaCase, orig *simulate.Result, _ *rand.Rand) (expectation, bool) {
		levels, _ := mc.v["serviceControlPolicies"].([]any)
		p := mc.str(mc.request(), "principal")
		if len(levels) == 0 || !strings.HasPrefix(p, "arn:aws:") {
			return same, false // SCPs do not apply to service principals or anonymous callers
		}
		st, ok := mc.requestStatement("Deny")
		if !ok {
			return same, false
		}
		lv := levels[0].(map[string]any)
		lv["policies"] = append(lv["policies"].([]any), map[string]any{"name": "meta-deny", "document": newDoc(st)})
		acct := strings.Split(p, ":")[4]
		if acct == mc.str(mc.v, "managementAccount") || strings.Contains(p, ":assumed-role/AWSServiceRoleFor") {
			return same, true
		}
		return expectation{decision: "ExplicitDeny", layer: denyLayer(orig, "scp")}, true
	}},
	{"deny-scp-mgmt", func(mc *metaCase, orig *simulate.Result, _ *rand.Rand) (expectation, bool) {
		// The principal made the management account's: SCPs do not affect
		// users or roles in the management account, only member accounts
		// (AWS Organizations User Guide, service control policies). The
		// added Deny changes nothing.
		levels, _ := mc.v["serviceControlPolicies"].([]any)
		p := mc.str(mc.request(), "principal")
		if len(levels) == 0 || !strings.HasPrefix(p, "arn:aws:") {
			return same, false
		}
		st, ok := mc.requestStatement("Deny")
		if !ok {
			return same, false
		}
		mc.v["managementAccount"] = strings.Split(p, ":")[4]
		mc.base = mc.encode(nil)
		lv := levels[0].(map[string]any)
		lv["policies"] = append(lv["policies"].([]any), map[string]any{"name": "meta-deny", "document": newDoc(st)})
		return same, true
	}},
	{"doc-string", func(mc *metaCase, _ *simulate.Result, r *rand.Rand) (expectation, bool) {
		// A document given as a JSON string, URL-encoded or not (as
		// IAM's GetPolicyVersion returns it), is the same document.
		changed := false
		mc.eachHolder(func(_ string, pd map[string]any) {
			if isStrDoc(mc, pd) || r.IntN(2) == 0 {
				return
			}
			mc.strDocs = append(mc.strDocs, strDoc{holder: pd, urlEncoded: r.IntN(2) == 0})
			changed = true
		})
		return same, changed
	}},
	{"deny-rcp", func(mc *metaCase, orig *simulate.Result, _ *rand.Rand) (expectation, bool) {
		// An RCP Deny of the request applies unless the resource is the
		// management account's, the principal is a service-linked role,
		// or the service does not support RCPs (AWS Organizations User
		// Guide, orgs_manage_policies_rcps: "RCPs don't affect resources in
		// the management account", service-linked roles are not affected,
		// and the list of services that support RCPs); kms:RetireGrant is
		// not effective in an RCP (KMS Developer Guide). RCPs apply to
		// every other caller, service principals and anonymous ones
		// included (their Deny statements exempt service principals with
		// aws:PrincipalIsAWSService, which would be needless otherwise).
		levels, _ := mc.v["resourceControlPolicies"].([]any)
		p := mc.str(mc.request(), "principal")
		if len(levels) == 0 {
			return same, false
		}
		st, ok := mc.requestStatement("Deny")
		if !ok {
			return same, false
		}
		st["Principal"] = "*" // required in an RCP
		lv := levels[0].(map[string]any)
		lv["policies"] = append(lv["policies"].([]any), map[string]any{"name": "meta-deny", "document": newDoc(st)})
		act := mc.str(mc.request(), "action")
		svc, _, _ := strings.Cut(act, ":")
		if m := mc.str(mc.v, "managementAccount"); m != "" && mc.resourceAccount() == m ||
			strings.Contains(p, ":role/aws-service-role/") || strings.Contains(p, ":assumed-role/AWSServiceRoleFor") ||
			strings.Contains(p, ":role/AWSServiceRoleFor") ||
			!catalog.RCPSupported(svc) || strings.EqualFold(act, "kms:RetireGrant") {
			return same, true
		}
		return expectation{decision: "ExplicitDeny", layer: denyLayer(orig, "rcp")}, true
	}},
	{"deny-rcp-mgmt", func(mc *metaCase, orig *simulate.Result, _ *rand.Rand) (expectation, bool) {
		// The resource's account made the management account: RCPs do
		// not apply to its resources, the added Deny changes nothing.
		levels, _ := mc.v["resourceControlPolicies"].([]any)
		ra := mc.resourceAccount()
		if len(levels) == 0 || ra == "" {
			return same, false
		}
		st, ok := mc.requestStatement("Deny")
		if !ok {
			return same, false
		}
		st["Principal"] = "*" // required in an RCP
		mc.v["managementAccount"] = ra
		mc.base = mc.encode(nil)
		lv := levels[0].(map[string]any)
		lv["policies"] = append(lv["policies"].([]any), map[string]any{"name": "meta-deny", "document": newDoc(st)})
		return same, true
	}},
	{"deny-vpce", func(mc *metaCase, orig *simulate.Result, _ *rand.Rand) (expectation, bool) {
		// A case with VPC endpoint policies is a request made through the
		// endpoint (every policy of the list applies): an unconditional
		// Deny in one of them denies it, whoever the principal ("an
		// explicit deny in ... VPC endpoint policy ... overrides any
		// allow", IAM User Guide, policy evaluation logic).
		eps, _ := mc.v["vpcEndpointPolicies"].([]any)
		if len(eps) == 0 {
			return same, false
		}
		st, ok := mc.requestStatement("Deny")
		if !ok {
			return same, false
		}
		st["Principal"] = "*"
		mc.v["vpcEndpointPolicies"] = append(eps, map[string]any{"name": "meta-deny", "document": newDoc(st)})
		return expectation{decision: "ExplicitDeny", layer: denyLayer(orig, "vpcEndpoint")}, true
	}},
	{"allow-id", func(mc *metaCase, orig *simulate.Result, _ *rand.Rand) (expectation, bool) {
		if !mc.iamPrincipal() || orig.Decision != "ImplicitDeny" || orig.Layer != "identity" {
			return same, false
		}
		for _, l := range orig.Layers {
			if l.Layer == "identity" && l.Note != "" {
				return same, false // a refusal (AWS managed policy, reserved alias...): no policy can allow it
			}
			if l.Layer == "identity" || l.Verdict == "Allow" || l.Verdict == "NotApplicable" || l.Note == "bypassed" {
				continue
			}
			return same, false // another layer would deny too
		}
		st, ok := mc.requestStatement("Allow")
		if !ok {
			return same, false
		}
		mc.v["identityPolicies"] = append(mc.identity(), map[string]any{"name": "meta-allow", "document": newDoc(st)})
		return expectation{decision: "Allowed"}, true
	}},
	{"action-case", func(mc *metaCase, _ *simulate.Result, r *rand.Rand) (expectation, bool) {
		req := mc.request()
		req["action"] = flipCase(mc.str(req, "action"), r)
		return same, true
	}},
	{"policy-action-case", func(mc *metaCase, _ *simulate.Result, r *rand.Rand) (expectation, bool) {
		mc.eachDoc(func(_ string, d map[string]any) {
			for _, s := range d["Statement"].([]any) {
				st := s.(map[string]any)
				for _, k := range []string{"Action", "NotAction"} {
					switch v := st[k].(type) {
					case string:
						st[k] = flipCase(v, r)
					case []any:
						for i, a := range v {
							if a, ok := a.(string); ok {
								v[i] = flipCase(a, r)
							}
						}
					}
				}
			}
		})
		return same, true
	}},
	{"key-case", func(mc *metaCase, _ *simulate.Result, r *rand.Rand) (expectation, bool) {
		// "Condition key names are not case-sensitive" (IAM User Guide,
		// IAM JSON policy elements: Condition). Only the part before a
		// slash changes: what follows (a tag key) is data.
		changed := false
		mc.eachDoc(func(_ string, d map[string]any) {
			for _, s := range d["Statement"].([]any) {
				cond, _ := s.(map[string]any)["Condition"].(map[string]any)
				for op, keys := range cond {
					km, _ := keys.(map[string]any)
					out := map[string]any{}
					for k, v := range km {
						name, rest, slash := strings.Cut(k, "/")
						k2 := flipCase(name, r)
						if slash {
							k2 += "/" + rest
						}
						if _, clash := out[k2]; clash {
							return
						}
						out[k2] = v
						changed = true
					}
					cond[op] = out
				}
			}
		})
		return same, changed
	}},
	{"arn-case", func(mc *metaCase, _ *simulate.Result, r *rand.Rand) (expectation, bool) {
		if !mc.iamPrincipal() {
			return same, false
		}
		st, ok := mc.requestStatement("Allow")
		if !ok {
			return same, false
		}
		res := st["Resource"].(string)
		parts := strings.SplitN(res, ":", 6)
		if len(parts) != 6 {
			return same, false
		}
		flipped := flipCase(parts[5], r)
		if flipped == parts[5] {
			return same, false
		}
		parts[5] = flipped
		st["Resource"] = strings.Join(parts, ":")
		mc.v["identityPolicies"] = append(mc.identity(), map[string]any{"name": "meta-allow", "document": newDoc(st)})
		return same, true
	}},
	{"anyvalue", func(mc *metaCase, _ *simulate.Result, _ *rand.Rand) (expectation, bool) {
		ctx, _ := mc.request()["context"].(map[string]any)
		single := func(key string) bool {
			for k, v := range ctx {
				if strings.EqualFold(k, key) {
					_, isStr := v.(string)
					return isStr
				}
			}
			return false
		}
		changed := false
		mc.eachDoc(func(_ string, d map[string]any) {
			for _, s := range d["Statement"].([]any) {
				cond, _ := s.(map[string]any)["Condition"].(map[string]any)
				keys, _ := cond["StringEquals"].(map[string]any)
				if len(keys) == 0 {
					continue
				}
				if _, dup := cond["ForAnyValue:StringEquals"]; dup {
					continue
				}
				all := true
				for k := range keys {
					all = all && single(k)
				}
				if !all {
					continue
				}
				delete(cond, "StringEquals")
				cond["ForAnyValue:StringEquals"] = keys
				changed = true
			}
		})
		return same, changed
	}},
}

// denyLayer is the layer an explicit deny added at layer l is reported at:
// l, unless the original was already an explicit deny at a layer the
// engine lists first (SCP, RCP, VPC endpoint, resource, identity,
// boundary, session: AWS denies either way and names one policy type).
func denyLayer(orig *simulate.Result, l string) string {
	order := []string{"scp", "rcp", "vpcEndpoint", "resource", "identity", "permissionsBoundary", "session"}
	if orig.Decision == "ExplicitDeny" && slices.Index(order, orig.Layer) < slices.Index(order, l) {
		return orig.Layer
	}
	return l
}

func sidsClash(a, b map[string]any) bool {
	seen := map[string]bool{}
	for _, d := range []map[string]any{a, b} {
		for _, s := range d["Statement"].([]any) {
			sid, _ := s.(map[string]any)["Sid"].(string)
			if sid == "" {
				continue
			}
			if seen[sid] {
				return true
			}
			seen[sid] = true
		}
	}
	return false
}

// flipCase changes the case of some letters of s.
func flipCase(s string, r *rand.Rand) string {
	b := []rune(s)
	for i, c := range b {
		if r.IntN(2) == 0 {
			continue
		}
		if unicode.IsUpper(c) {
			b[i] = unicode.ToLower(c)
		} else {
			b[i] = unicode.ToUpper(c)
		}
	}
	return string(b)
}

// encodeShuffled writes v as JSON, the keys of every object in a random
// order when r is not nil (in sorted order otherwise).
func encodeShuffled(v any, r *rand.Rand) []byte {
	var b bytes.Buffer
	var enc func(v any)
	enc = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			if r != nil {
				r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
			}
			b.WriteByte('{')
			for i, k := range keys {
				if i > 0 {
					b.WriteByte(',')
				}
				kb, _ := json.Marshal(k)
				b.Write(kb)
				b.WriteByte(':')
				enc(x[k])
			}
			b.WriteByte('}')
		case []any:
			b.WriteByte('[')
			for i, e := range x {
				if i > 0 {
					b.WriteByte(',')
				}
				enc(e)
			}
			b.WriteByte(']')
		default:
			vb, _ := json.Marshal(x)
			b.Write(vb)
		}
	}
	enc(v)
	return b.Bytes()
}
