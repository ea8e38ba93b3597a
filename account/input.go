package account

import (
	"strings"

	"github.com/deniedhq/denied/authz"
	"github.com/deniedhq/denied/eval"
	"github.com/deniedhq/denied/internal/arn"
)

// Docs converts named documents to the pipeline's documents (sharing
// their text).
func Docs(nds []NamedDocument) []eval.Doc {
	out := make([]eval.Doc, 0, len(nds))
	for _, d := range nds {
		out = append(out, eval.Doc{Name: d.Name, Text: d.Document})
	}
	return out
}

// Doc converts one named document, nil for nil.
func Doc(nd *NamedDocument) *eval.Doc {
	if nd == nil {
		return nil
	}
	return &eval.Doc{Name: nd.Name, Text: nd.Document}
}

// Levels converts organization levels to the pipeline's levels.
func Levels(ls []Level) []eval.Level {
	out := make([]eval.Level, 0, len(ls))
	for _, l := range ls {
		out = append(out, eval.Level{Target: l.Target, Policies: Docs(l.Policies)})
	}
	return out
}

// Policies are the policies that go with a principal wherever it calls
// (PrincipalPolicies), and what of them the snapshot may not hold.
type Policies struct {
	// Identity are its identity policies (inline, then managed; a
	// user's, then its groups').
	Identity []eval.Doc
	// Boundary is its permissions boundary, nil when none (or when the
	// snapshot lacks its document while an unreadable call hid it: see
	// Incomplete).
	Boundary *eval.Doc
	// SCPs are the SCP levels of its account (empty when SCPs do not
	// apply).
	SCPs []eval.Level
	// Incomplete is nil when the snapshot read these policies in full.
	// Otherwise an unreadable call hid some of them, and an evaluation
	// with them proves only what Incomplete.Unproven leaves standing.
	Incomplete Incomplete
}

// PrincipalPolicies returns the policies that go with principal (a role,
// a session of a role, or a user of the snapshot) wherever it calls.
//
// They are incomplete when the snapshot records an unreadable call that
// hides them: an IAM call (iam:GetAccountAuthorizationDetails, or one of
// another tool, ListRolePolicies, GetRolePolicy, ListAttachedRolePolicies,
// GetPolicyVersion, ...) leaves the principal with policies, groups or a
// boundary the snapshot may not list (a managed policy or group it names
// but lacks is then left out, not an error); an Organizations call leaves
// its account with SCPs the snapshot may not list (unless the account is
// the organization's management account, which SCPs do not restrict), and
// a level of them the snapshot holds no SCP of is then left out (AWS
// requires one on every level: the snapshot could not list it), not an
// input the engine rejects.
func (s *Snapshot) PrincipalPolicies(principal string) (Policies, error) {
	var gaps Incomplete
	iam := s.UnreadableFor(HiddenIAM, "")
	partial := len(iam) > 0
	var missing []string
	ids, err := s.identityPolicies(principal, partial, &missing)
	if err != nil {
		return Policies{}, err
	}
	if partial {
		gaps = append(gaps, Gap{Layer: authz.LayerIdentity, Hidden: HiddenIAM, Call: iam[0], Missing: missing})
	}
	var b *NamedDocument
	barn, err := s.boundaryARN(principal)
	if err != nil {
		return Policies{}, err
	}
	switch {
	case barn == "":
	case partial && s.heldOnlyBySnapshot(barn):
		gaps = append(gaps, Gap{Layer: authz.LayerBoundary, Hidden: HiddenIAM, Call: iam[0], Missing: []string{barn}})
	default:
		nd, err := s.ManagedPolicy(barn)
		if err != nil {
			return Policies{}, err
		}
		b = &nd
	}
	acct := arn.Account(principal)
	ls, err := s.SCPLevels(acct)
	if err != nil {
		return Policies{}, err
	}
	if us := s.UnreadableFor(HiddenSCPs, ""); len(us) > 0 && !s.isManagement(acct) {
		// A level the snapshot holds no SCP of (ListPoliciesForTarget
		// or DescribePolicy unreadable for it) has SCPs AWS requires
		// but the snapshot does not list: it is left out, not taken as
		// a level that denies everything (an input the engine rejects).
		var unlisted []string
		kept := ls[:0]
		for _, l := range ls {
			if len(l.Policies) == 0 {
				unlisted = append(unlisted, l.Target)
				continue
			}
			kept = append(kept, l)
		}
		ls = kept
		gaps = append(gaps, Gap{Layer: authz.LayerSCP, Hidden: HiddenSCPs, Call: us[0], Missing: unlisted})
	}
	return Policies{Identity: Docs(ids), Boundary: Doc(b), SCPs: Levels(ls), Incomplete: gaps}, nil
}

// RCPIncomplete is the gap the snapshot leaves in the RCPs of the
// resources of account acct: an Organizations call unreadable, unless acct
// is the organization's management account (RCPs do not restrict its
// resources). Nil when none.
func (s *Snapshot) RCPIncomplete(acct string) Incomplete {
	if us := s.UnreadableFor(HiddenSCPs, ""); len(us) > 0 && !s.isManagement(acct) {
		return Incomplete{{Layer: authz.LayerRCP, Hidden: HiddenOrganization, Call: us[0]}}
	}
	return nil
}

// isManagement reports whether acct is the known management account of
// the snapshot's organization.
func (s *Snapshot) isManagement(acct string) bool {
	o := s.Organization
	return o != nil && o.ManagementAccountID != "" && o.ManagementAccountID == acct
}

// Gap is a layer of the policies of a request that the snapshot may hold
// only in part, as an unreadable call hid some of what it gives.
type Gap struct {
	// Layer is the layer left incomplete: authz.LayerIdentity (the
	// principal's identity policies: any IAM call unreadable),
	// authz.LayerBoundary (its boundary's document, left out),
	// authz.LayerSCP (its account's SCPs), authz.LayerRCP (the resource
	// account's RCPs).
	Layer authz.Layer
	// Hidden is what Call hides, as a cause names it (HiddenIAM,
	// HiddenSCPs, HiddenOrganization).
	Hidden Hidden
	// Call is the snapshot's first unreadable call that hides it.
	Call Unreadable
	// Missing are the managed policies and groups the snapshot names for
	// the principal but lacks, left out of its policies; for
	// authz.LayerSCP, the targets (root, OU, account) of the SCP levels
	// the snapshot holds no policy of, left out of the SCPs.
	Missing []string
}

// Incomplete lists the gaps of a request's policies (nil: none).
type Incomplete []Gap

// Unproven returns the gap that leaves unproven an outcome of evaluating
// policies with these gaps: decision d, decided by layer l. An allowance
// is unproven by any gap (a policy the snapshot lacks may deny, an SCP or
// RCP it lacks may not allow); an implicit deny by a gap of the layer
// that denied (a policy the snapshot lacks may allow: an identity policy,
// an SCP of a level that has no allow). An explicit deny of a policy the
// snapshot holds stands whatever it lacks, as does an implicit deny of a
// layer it read in full (a permissions boundary it holds, a key policy
// that must allow on its own). ok is false when the outcome stands.
func (g Incomplete) Unproven(d authz.Decision, l authz.Layer) (Gap, bool) {
	switch d {
	case authz.Allowed:
		if len(g) > 0 {
			return g[0], true
		}
	case authz.ImplicitDeny:
		for _, x := range g {
			if x.Layer == l {
				return x, true
			}
		}
	}
	return Gap{}, false
}

// Kinds of resource-based policy no snapshot holds (see UnheldPolicy).
const (
	PolicyBucket      = "bucketPolicy"      // an S3 bucket policy
	PolicyAccessPoint = "accessPointPolicy" // an S3 access point policy
	PolicyQueue       = "queuePolicy"       // an SQS queue policy
	PolicyTopic       = "topicPolicy"       // an SNS topic policy
	PolicyFunction    = "functionPolicy"    // a Lambda function policy
	PolicySecret      = "secretPolicy"      // a Secrets Manager secret's resource policy
	PolicyRepository  = "repositoryPolicy"  // an ECR repository policy
	PolicyResource    = "resourcePolicy"    // another service's resource-based policy
)

// unheldServices are the services, other than those whose policy the
// snapshot holds (KMS key policies, role trust policies, backup vault
// access policies), whose resources can carry a resource-based policy
// that AWS evaluates with the caller's policies ("AWS services that work
// with IAM", IAM User Guide: the "Resource-based policies" column), and
// the kind of that policy.
var unheldServices = map[string]string{
	"s3": PolicyBucket, "s3express": PolicyBucket, "s3-object-lambda": PolicyAccessPoint,
	"s3-outposts": PolicyResource, "s3tables": PolicyResource,
	"sqs": PolicyQueue, "sns": PolicyTopic, "lambda": PolicyFunction,
	"secretsmanager": PolicySecret, "ecr": PolicyRepository,
	"glacier": PolicyResource, "es": PolicyResource, "elasticfilesystem": PolicyResource,
	"events": PolicyResource, "schemas": PolicyResource, "logs": PolicyResource,
	"kinesis": PolicyResource, "dynamodb": PolicyResource, "execute-api": PolicyResource,
	"codeartifact": PolicyResource, "codebuild": PolicyResource, "glue": PolicyResource,
	"ses": PolicyResource, "kafka": PolicyResource, "mediastore": PolicyResource,
	"acm-pca": PolicyResource, "ssm-incidents": PolicyResource, "cloudtrail": PolicyResource,
	"serverlessrepo": PolicyResource, "lex": PolicyResource, "signer": PolicyResource,
	"vpc-lattice-svcs": PolicyResource,
}

// UnheldPolicy reports whether a request on resource (an ARN) is
// evaluated by AWS against a resource-based policy that no snapshot holds
// (preflight finds none for it, as for a resource without one): an
// S3 bucket or access point, an SQS queue, an SNS topic, a Lambda
// function, a Secrets Manager secret, an ECR repository, the resources of
// the other services of unheldServices. It returns the kind of policy
// (PolicyBucket, ...) and the resource that carries it: the bucket's ARN
// for an object, the function's for a version or alias, the access
// point's for an object through it. A resource of "*", a non-ARN, or one
// of a service without such policies (EC2, RDS, ...) is false.
func UnheldPolicy(resource string) (kind, holder string, ok bool) {
	a, ok := arn.Parse(resource)
	if !ok {
		return "", "", false
	}
	kind, ok = unheldServices[a.Service]
	if !ok {
		return "", "", false
	}
	holder = resource
	switch a.Service {
	case "s3", "s3express":
		switch {
		case strings.HasPrefix(a.Resource, "accesspoint/"):
			kind, holder = PolicyAccessPoint, accessPointARN(a)
		case a.Account == "" && a.Region == "" && a.Resource != "" && a.Resource != "*":
			bucket, _, _ := strings.Cut(a.Resource, "/")
			holder = "arn:" + a.Partition + ":s3:::" + bucket
		case a.Service == "s3express" && strings.HasPrefix(a.Resource, "bucket/"):
			// A directory bucket: arn:aws:s3express:region:account:bucket/NAME.
		default:
			return "", "", false // S3 Batch Operations jobs, Storage Lens, ...: no resource policy
		}
	case "s3-object-lambda":
		if !strings.HasPrefix(a.Resource, "accesspoint/") {
			return "", "", false
		}
		holder = accessPointARN(a)
	case "lambda":
		// function:NAME[:QUALIFIER]: the policy of the version or alias;
		// layer:NAME:VERSION: the layer version's.
		if !strings.HasPrefix(a.Resource, "function:") && !strings.HasPrefix(a.Resource, "layer:") {
			return "", "", false
		}
		if strings.HasPrefix(a.Resource, "layer:") {
			kind = PolicyResource
		}
	case "ecr":
		if !strings.HasPrefix(a.Resource, "repository/") {
			return "", "", false
		}
	case "secretsmanager":
		if !strings.HasPrefix(a.Resource, "secret:") {
			return "", "", false
		}
	}
	if a.Resource == "" || a.Resource == "*" {
		return "", "", false
	}
	return kind, holder, true
}

// accessPointARN is the ARN of the access point a's resource goes
// through (accesspoint/NAME[/object/KEY]).
func accessPointARN(a arn.ARN) string {
	name, _, _ := strings.Cut(strings.TrimPrefix(a.Resource, "accesspoint/"), "/")
	a.Resource = "accesspoint/" + name
	return a.String()
}
