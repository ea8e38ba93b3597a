package backupops

import (
	"fmt"
	"sort"
	"strings"

	"github.com/deniedhq/denied/internal/editdist"
)

// ResourceTypeInfo is a protected resource type: the catalog's name (the
// ResourceType of its operations) and the values AWS Backup writes for it.
type ResourceTypeInfo struct {
	// Name is the catalog's name: "EC2", "StorageGateway", "VMware", ...
	Name string
	// AWS is the value AWS Backup uses in recovery points, jobs and
	// GetSupportedResourceTypes ("EC2", "Storage Gateway", "VirtualMachine",
	// "SAP HANA on Amazon EC2", ...).
	AWS string
	// Aliases are further accepted spellings.
	Aliases []string
}

// resourceTypes are the resource types AWS Backup lists in
// GetSupportedResourceTypes
// (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_GetSupportedResourceTypes.html),
// plus Redshift Serverless, which the restore policy covers separately.
// A type of this table may have no operation (EKS): ForResourceType then
// says so instead of calling it unknown.
var resourceTypes = []ResourceTypeInfo{
	{Name: "Aurora", AWS: "Aurora"},
	{Name: "CloudFormation", AWS: "CloudFormation"},
	{Name: "DocumentDB", AWS: "DocumentDB", Aliases: []string{"docdb"}},
	{Name: "DynamoDB", AWS: "DynamoDB"},
	{Name: "EBS", AWS: "EBS"},
	{Name: "EC2", AWS: "EC2"},
	{Name: "EFS", AWS: "EFS"},
	{Name: "EKS", AWS: "EKS"},
	{Name: "FSx", AWS: "FSx"},
	{Name: "Neptune", AWS: "Neptune"},
	{Name: "RDS", AWS: "RDS"},
	{Name: "Redshift", AWS: "Redshift"},
	{Name: "RedshiftServerless", AWS: "Redshift Serverless"},
	{Name: "S3", AWS: "S3"},
	{Name: "SAPHANA", AWS: "SAP HANA on Amazon EC2", Aliases: []string{"SAP HANA", "HANA"}},
	{Name: "StorageGateway", AWS: "Storage Gateway"},
	{Name: "Timestream", AWS: "Timestream"},
	{Name: "VMware", AWS: "VirtualMachine", Aliases: []string{"VM"}},
}

var resourceTypeIndex = func() map[string]int {
	m := map[string]int{}
	for i, rt := range resourceTypes {
		for _, s := range append([]string{rt.Name, rt.AWS}, rt.Aliases...) {
			m[foldType(s)] = i
		}
	}
	return m
}()

// foldType is the comparison form of a resource type: lower case, without
// spaces, hyphens, underscores and dots.
func foldType(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch r {
		case ' ', '-', '_', '.':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ResourceTypes returns the known resource types, sorted by name.
func ResourceTypes() []ResourceTypeInfo { return resourceTypes }

// NormalizeResourceType returns the catalog's name of a resource type
// written in any case, as the catalog writes it ("StorageGateway"), as AWS
// Backup does ("Storage Gateway", "VirtualMachine", "SAP HANA on Amazon
// EC2") or by an alias; ok is false for an unknown type.
func NormalizeResourceType(s string) (name string, ok bool) {
	i, ok := resourceTypeIndex[foldType(s)]
	if !ok {
		return "", false
	}
	return resourceTypes[i].Name, true
}

// Verbs of ForResourceType.
const (
	VerbBackup  = "backup"
	VerbRestore = "restore"
)

// ResourceTypeError is a resource type ForResourceType cannot map: unknown
// (Known false; Suggestions are the closest known types), or known to AWS
// Backup but without an operation for the verb in this catalog.
type ResourceTypeError struct {
	Verb        string
	Value       string
	Known       bool
	Suggestions []string
}

func (e *ResourceTypeError) Error() string {
	if e.Known {
		return fmt.Sprintf("no %s operation for resource type %s in the catalog", e.Verb, e.Value)
	}
	msg := fmt.Sprintf("unknown resource type %q", e.Value)
	if len(e.Suggestions) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(e.Suggestions, " or "))
	}
	return msg + " (known: " + strings.Join(TypeNames(), ", ") + ")"
}

// TypeNames returns the catalog names of the resource types that have a
// backup or restore operation, sorted.
func TypeNames() []string {
	var out []string
	for _, rt := range resourceTypes {
		if _, ok := opCatalog().byID[VerbRestore+"/"+rt.Name]; ok {
			out = append(out, rt.Name)
		} else if _, ok := opCatalog().byID[VerbBackup+"/"+rt.Name]; ok {
			out = append(out, rt.Name)
		}
	}
	sort.Strings(out)
	return out
}

// ForResourceType returns the backup or restore operation (verb) of a
// resource type written as NormalizeResourceType accepts it: "restore" and
// "ec2" give restore/EC2, "backup" and "Storage Gateway" give
// backup/StorageGateway. The EC2 restore variants with an instance role are
// chosen by the caller (restore/EC2/original-role, restore/EC2/instance-role).
func ForResourceType(verb, resourceType string) (Operation, error) {
	name, ok := NormalizeResourceType(resourceType)
	if !ok {
		return Operation{}, &ResourceTypeError{Verb: verb, Value: resourceType, Suggestions: suggestType(resourceType)}
	}
	op, ok := Lookup(verb + "/" + name)
	if !ok {
		return Operation{}, &ResourceTypeError{Verb: verb, Value: name, Known: true}
	}
	return op, nil
}

// suggestType returns the known type names close to s.
func suggestType(s string) []string {
	keys := make([]string, 0, len(resourceTypeIndex))
	for k := range resourceTypeIndex {
		keys = append(keys, k)
	}
	var out []string
	seen := map[string]bool{}
	for _, k := range Suggest(foldType(s), keys) {
		if n := resourceTypes[resourceTypeIndex[k]].Name; !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// Suggest returns up to three of candidates within a small edit distance of
// name (case-insensitive), closest first, for "did you mean" messages.
func Suggest(name string, candidates []string) []string {
	f := strings.ToLower(strings.TrimSpace(name))
	if f == "" {
		return nil
	}
	type cand struct {
		name string
		d    int
	}
	var cands []cand
	for _, c := range candidates {
		if d := editdist.Distance(f, strings.ToLower(c)); d <= 1+len(f)/4 {
			cands = append(cands, cand{c, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].name < cands[j].name
	})
	var out []string
	for _, c := range cands {
		if len(out) < 3 {
			out = append(out, c.name)
		}
	}
	return out
}
