package eval

import (
	"strconv"

	"github.com/deniedhq/denied/internal/jsonx"
)

// String writes the path as the JSON pointer of its field in a simulate
// case, whose fields are the Input's ("/request/context/aws:SourceIp",
// "/serviceControlPolicies/0/policies/1/document/Statement/0"); "" for
// FieldNone.
func (p Path) String() string {
	switch p.Field {
	case FieldNone:
		return ""
	case FieldRequest:
		return "/request"
	case FieldPrincipal:
		return "/request/principal"
	case FieldAction:
		return "/request/action"
	case FieldResource:
		return "/request/resource"
	case FieldResourceAccount:
		return "/request/resourceAccount"
	case FieldFederatingUser:
		return "/request/federatingUser"
	case FieldContext:
		if p.Key == "" {
			return "/request/context"
		}
		return "/request/context/" + jsonx.PointerToken(p.Key)
	case FieldManagementAccount:
		return "/managementAccount"
	}
	if (p.Field == FieldSCPs || p.Field == FieldRCPs) && p.Index < 0 {
		return "/" + fieldNames[p.Field] + "/" + strconv.Itoa(p.Level) + "/policies"
	}
	l := docLoc{field: p.Field, i: p.Index, j: -1}
	if p.Field == FieldSCPs || p.Field == FieldRCPs {
		l = docLoc{field: p.Field, i: p.Level, j: p.Index}
	}
	return l.docPath() + p.Pointer
}

// fieldNames are the JSON names of the document fields in a case.
var fieldNames = map[Field]string{
	FieldIdentity:    "identityPolicies",
	FieldBoundary:    "permissionsBoundary",
	FieldSession:     "sessionPolicy",
	FieldResourceDoc: "resourcePolicy",
	FieldSCPs:        "serviceControlPolicies",
	FieldRCPs:        "resourceControlPolicies",
	FieldVPCEndpoint: "vpcEndpointPolicies",
}

// docLoc locates a policy document: field, level (i) and policy
// (j) indexes, -1 when not used.
type docLoc struct {
	field Field
	i, j  int
}

func (l docLoc) path() string {
	p := "/" + fieldNames[l.field]
	if l.i >= 0 {
		p += "/" + strconv.Itoa(l.i)
	}
	if l.j >= 0 {
		p += "/policies/" + strconv.Itoa(l.j)
	}
	return p
}

// docPaths holds the document pointers of the first policies of each
// field, built once: every case names them.
var docPaths = func() map[docLoc]string {
	m := make(map[docLoc]string)
	for _, f := range []Field{FieldBoundary, FieldSession, FieldResourceDoc} {
		l := docLoc{field: f, i: -1, j: -1}
		m[l] = l.path() + "/document"
	}
	for _, f := range []Field{FieldIdentity, FieldVPCEndpoint} {
		for i := 0; i < 8; i++ {
			l := docLoc{field: f, i: i, j: -1}
			m[l] = l.path() + "/document"
		}
	}
	for _, f := range []Field{FieldSCPs, FieldRCPs} {
		for i := 0; i < 8; i++ {
			for j := 0; j < 4; j++ {
				l := docLoc{field: f, i: i, j: j}
				m[l] = l.path() + "/document"
			}
		}
	}
	return m
}()

// docPath is path() + "/document".
func (l docLoc) docPath() string {
	if p, ok := docPaths[l]; ok {
		return p
	}
	return l.path() + "/document"
}
