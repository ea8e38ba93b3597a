package eval

import (
	"slices"
	"strings"
	"testing"
)

// TestMultiVarWarned: a policy variable naming a multivalued key (an
// ArrayOf... type in the catalog), which AWS says cannot be a policy
// variable, is warned of wherever the engine replaces variables (Resource,
// NotResource, String*, Arn* and Bool condition values), naming the key,
// at the value's line:column; not in a
// document that does not interpret variables, not in a Binary value
// (literal text), not for a single-valued key or an escape.
func TestMultiVarWarned(t *testing.T) {
	t.Parallel()
	const multi = "is multivalued (ArrayOfString)"
	for _, tt := range []struct {
		name, doc string
		want      []string // each warning: its pointer, then " | " and text its message holds
	}{
		{"Resource string", `{"Version":"2012-10-17","Statement":[
{"Effect":"Allow","Action":"s3:GetObject",
 "Resource":"arn:aws:s3:::b/${aws:TagKeys}/*"}]}`,
			[]string{`/Statement/0/Resource | 3:13: Resource "arn:aws:s3:::b/${aws:TagKeys}/*" uses ${aws:TagKeys} as a policy variable, but aws:TagKeys ` + multi}},
		{"Resource list, two keys", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[
  "arn:aws:s3:::b/*",
  "arn:aws:s3:::b/${aws:PrincipalServiceNamesList}/${aws:username}/${aws:CalledVia, 'x'}/${aws:PrincipalServiceNamesList}"]}]}`,
			[]string{
				`/Statement/0/Resource/1 | 3:3: Resource "arn:aws:s3:::b/${aws:PrincipalServiceNamesList}/${aws:username}/${aws:CalledVia, 'x'}/${aws:PrincipalServiceNamesList}" uses ${aws:PrincipalServiceNamesList} as a policy variable, but aws:PrincipalServiceNamesList ` + multi,
				`/Statement/0/Resource/1 | 3:3: Resource "arn:aws:s3:::b/${aws:PrincipalServiceNamesList}/${aws:username}/${aws:CalledVia, 'x'}/${aws:PrincipalServiceNamesList}" uses ${aws:CalledVia} as a policy variable, but aws:CalledVia ` + multi,
			}},
		{"NotResource, statement object", `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:GetObject",
   "NotResource":["arn:aws:s3:::b/${aws:tagkeys}"]}}`,
			[]string{`/Statement/NotResource/0 | 2:19: NotResource "arn:aws:s3:::b/${aws:tagkeys}" uses ${aws:tagkeys} as a policy variable, but aws:TagKeys ` + multi}},
		{"condition values", `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetObject","Resource":"*","Condition":{
 "StringNotEquals":{"aws:ResourceTag/Owner":["alice","${aws:TagKeys}"]},
 "ArnLike":{"aws:SourceArn":"arn:aws:sns:*:*:${aws:CalledVia}"},
 "Bool":{"aws:SecureTransport":"${aws:TagKeys}"},
 "BinaryEquals":{"aws:SourceArn":"${aws:TagKeys}"},
 "StringEquals":{"aws:ResourceTag/Team":"${aws:PrincipalTag/Team}"}}}]}`,
			[]string{
				`/Statement/0/Condition/StringNotEquals/aws:ResourceTag~1Owner/1 | 2:54: condition StringNotEquals on aws:ResourceTag/Owner: value "${aws:TagKeys}" uses ${aws:TagKeys} as a policy variable, but aws:TagKeys ` + multi,
				`/Statement/0/Condition/ArnLike/aws:SourceArn | 3:29: condition ArnLike on aws:SourceArn: value "arn:aws:sns:*:*:${aws:CalledVia}" uses ${aws:CalledVia}`,
				`/Statement/0/Condition/Bool/aws:SecureTransport | 4:32: condition Bool on aws:SecureTransport: value "${aws:TagKeys}" uses ${aws:TagKeys}`,
			}},
		{"no variables in 2008-10-17", `{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:TagKeys}"}]}`, nil},
		{"single-valued keys and escapes", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/${*}/${aws:PrincipalTag/team}/${no:SuchKey}"}]}`, nil},
	} {
		in := getInput()
		in.Identity[0].Text = []byte(tt.doc)
		out, err := Run(in, Options{Now: fixedNow})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []Warning
		for _, w := range out.Warnings {
			if strings.Contains(w.Message, "as a policy variable") {
				got = append(got, w)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d warnings, want %d: %+v", tt.name, len(got), len(tt.want), got)
			continue
		}
		for i, w := range tt.want {
			ptr, msg, _ := strings.Cut(w, " | ")
			if want := (Path{Field: FieldIdentity, Level: -1, Index: 0, Pointer: ptr}); got[i].Path != want || !strings.Contains(got[i].Message, msg) {
				t.Errorf("%s: warning %d at %+v: %s\nwant at %+v containing %s", tt.name, i, got[i].Path, got[i].Message, want, msg)
			}
			if !strings.Contains(got[i].Message, "a Deny applies, an Allow does not") || !strings.HasPrefix(got[i].Message, `identity policy "read", `) {
				t.Errorf("%s: warning %d: %s", tt.name, i, got[i].Message)
			}
		}
	}
	// A cached document gives its warnings again, once each.
	c := NewCache(16)
	for range 2 {
		in := getInput()
		in.Identity[0].Text = []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:TagKeys}"}]}`)
		out, err := Run(in, Options{Now: fixedNow, Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(slices.DeleteFunc(slices.Clone(out.Warnings), func(w Warning) bool { return !strings.Contains(w.Message, "as a policy variable") })); n != 1 {
			t.Errorf("cached: %d warnings, want 1: %+v", n, out.Warnings)
		}
	}
}
