package authzmsg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/deniedhq/denied/internal/arn"
	"github.com/deniedhq/denied/internal/jsonx"
)

// maxText is the most text Parse reads; an access-denied message with its
// surroundings is far shorter. JSON input (CloudTrail log files) is read
// whole.
const maxText = 1 << 20

// Parse reads the first access denial in text: a plain IAM message, a CLI,
// SDK or Terraform error, a CloudTrail event, an AWS Backup job status
// message, the output of aws sts decode-authorization-message, or console
// text with an encoded authorization failure message, possibly with other
// text (in any language) around it. It returns ErrNoDenial when nothing
// denial-like is there.
func Parse(text string) (*Denial, error) {
	ds, err := ParseAll(text)
	if err != nil {
		return nil, err
	}
	return ds[0], nil
}

// ParseAll is Parse for input that may hold several denials: a CloudTrail
// log ({"Records": [...]}, an array of events, or the output of aws
// cloudtrail lookup-events) gives one Denial per record whose errorCode is
// an access denial, in order. Plain text that holds several IAM messages,
// on lines of their own or packed into one line (a JSON log line with
// escaped line breaks, messages joined by "; "), gives one Denial per
// distinct message, in the text's order (see parseSeveral): a message wrapped over several lines is one,
// and one seen again (an SDK's retries) is read once. Any other input
// gives one Denial.
func ParseAll(text string) ([]*Denial, error) {
	text = normalizeInput(text)
	if ds, ok, err := parseJSONInput(text); ok {
		return ds, err
	}
	if len(text) > maxText {
		cut := maxText
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if ds := parseSeveral(text); ds != nil {
		return ds, nil
	}
	d := parseText(text)
	if d == nil {
		return nil, ErrNoDenial
	}
	return []*Denial{d}, nil
}

var (
	ansiRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`) })
	boxLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^[ \t]*(?:│[ \t]?|[╷╵][ \t]*$)`) })
	fenceRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("(?s)^```[A-Za-z]*\n(.*)\n```$") })
)

// normalizeInput removes what terminals and pages add around a message: a
// byte order mark, carriage returns, ANSI colours, Terraform's box-drawing
// margin, a Markdown code fence around the whole input.
func normalizeInput(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if strings.Contains(s, "\x1b[") {
		s = ansiRE().ReplaceAllString(s, "")
	}
	if strings.ContainsAny(s, "│╷╵") {
		s = boxLineRE().ReplaceAllString(s, "")
	}
	t := strings.TrimSpace(s)
	if m := matchIf(t[:min(len(t), 3)], "```", fenceRE(), t); m != nil {
		return m[1]
	}
	return s
}

// collapse replaces every run of whitespace with one space, and drops it
// at both ends.
func collapse(s string) string {
	if collapsed(s) {
		return s // most messages: no rune to copy one by one
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// collapsed reports whether collapse(s) is s: s is ASCII (the white
// space of unicode.IsSpace beyond ASCII, U+0085 and U+00A0 among it, is
// not), holds no white space but single spaces between other characters.
// TestFastPathsAgree holds it to collapse.
func collapsed(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// parseJSONInput handles input that is one JSON document: CloudTrail, a
// decoded authorization message, or a JavaScript SDK error object. ok is
// false when the input is not JSON or not one of these.
func parseJSONInput(text string) ([]*Denial, bool, error) {
	t := strings.TrimSpace(text)
	if t == "" || (t[0] != '{' && t[0] != '[') {
		return nil, false, nil
	}
	dec := json.NewDecoder(strings.NewReader(t))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil, false, nil
	}
	if recs, ok := cloudTrailRecords(v); ok {
		ds := denialsFromCloudTrail(recs)
		if len(ds) == 0 {
			return nil, true, fmt.Errorf("%w: no CloudTrail record has an access-denied errorCode (AccessDenied, AccessDeniedException, Client.UnauthorizedOperation, UnauthorizedOperation)", ErrNoDenial)
		}
		return ds, true, nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, false, nil
	}
	if isDecodedDoc(obj) {
		dd, err := ParseDecoded([]byte(t))
		if err != nil {
			return nil, false, nil // the text reader tries the lenient way
		}
		d := newDenial(t)
		d.Form = FormDecoded
		d.applyDecoded(dd)
		finish(d)
		return []*Denial{d}, true, nil
	}
	if _, meta := lookup(obj, "$metadata"); meta {
		msg := str(obj, "message")
		if msg == "" {
			msg = str(obj, "Message")
		}
		d := parseText(msg)
		if d == nil {
			d = newDenial(msg)
		}
		d.Raw = t
		d.Form = FormSDKJS
		if name := str(obj, "name"); name != "" {
			d.ErrorCode = name
		} else if c := str(obj, "Code"); c != "" {
			d.ErrorCode = c
		}
		if m, ok := lookup(obj, "$metadata"); ok {
			if mo, ok := m.(map[string]any); ok {
				if n, err := strconv.Atoi(str(mo, "httpStatusCode")); err == nil {
					d.HTTPStatus = n
				}
				if r := str(mo, "requestId"); r != "" {
					d.RequestID = r
				}
			}
		}
		if !isDenialCode(d.ErrorCode) && d.Action == "" && d.Decision == DecisionUnknown && d.HTTPStatus != 403 {
			return nil, true, ErrNoDenial
		}
		finish(d)
		return []*Denial{d}, true, nil
	}
	return nil, false, nil
}

// str returns obj[key] as a string (numbers in their JSON form).
func str(obj map[string]any, key string) string {
	v, ok := lookup(obj, key)
	if !ok {
		return ""
	}
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

func isDecodedDoc(obj map[string]any) bool {
	for _, k := range []string{"DecodedMessage", "allowed", "explicitDeny", "matchedStatements"} {
		if _, ok := lookup(obj, k); ok {
			return true
		}
	}
	if c, ok := lookup(obj, "context"); ok {
		if co, ok := c.(map[string]any); ok {
			_, p := lookup(co, "principal")
			_, a := lookup(co, "action")
			return p || a
		}
	}
	return false
}

func newDenial(raw string) *Denial {
	return &Denial{Raw: strings.TrimSpace(raw), Decision: DecisionUnknown, PolicyType: PolicyUnknown}
}

// Envelopes, matched on collapsed text.
var (
	sdkGoRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`operation error ([A-Za-z0-9 ._-]+?): (\w+), (?:exceeded maximum number of attempts, \d+, )?https response error StatusCode: (\d{3}),(?: RequestID: ([^,\s]*),)?(?: HostID: [^,\s]*,)?(?: \.\.\.| …)? api error ([\w.]+): `)
	})
	terraformRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\berror:?\s+(?:creating|reading|updating|deleting|listing|configuring|waiting|describing|putting|associating|setting|refreshing|importing|tagging|modifying|starting|enabling|disabling|attaching|detaching|retrieving|assuming|validating|launching)\b`)
	})
	// tfUnableRE is Terraform's "Error: unable to <verb> <what> (<id>): "
	// (the ID in parentheses is the provider's; eksctl and Go tools print
	// "Error: unable to ..." too, without it).
	tfUnableRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\berror:\s+unable to [^:\n(]*\([^)\n]*\): `) })
	// tfMarkRE is what only Terraform prints around an error: its state file,
	// the "on x.tf line N" and "with module.x" lines of a diagnostic, the AWS
	// provider's "cannot be assumed" explanation.
	tfMarkRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\.tfstate\b|\.tf line \d+|cannot be assumed\.\s+There are a number of possible causes of this - the most common are:|(?m)^\s*with (?:module|data)\.[\w.-]+|(?m)^\s*with aws_\w+\.[\w-]+`)
	})
	// tf011RE is Terraform 0.11's "* aws_x.name: " error list item.
	tf011RE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)^\s*\* (?:module\.[\w-]+\.)*aws_\w+\.[\w-]+(?:\[[^\]]*\])?: `)
	})
	// sdkGoFormRE is the head of an aws-sdk-go-v2 error, whatever follows it.
	sdkGoFormRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`operation error [A-Za-z0-9 ._-]+?: \w+, (?:exceeded maximum number of attempts, \d+, )?https response error StatusCode: \d{3}`)
	})
	// javaFormRE is the AWS SDK for Java's "(Service: S; Status Code: N;"
	// (v2: commas) metadata.
	javaFormRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\(Service: [^;,()]+[;,] Status Code: \d{3}[;,]`) })
	// dotnetFormRE is an AWS SDK for .NET exception type name.
	dotnetFormRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\bAmazon\.(?:Runtime\.[\w.]+|[A-Z]\w*(?:\.Model)?\.(?:Amazon\w*Exception|\w+Exception))\b`)
	})
	// cfnFormRE marks a CloudFormation stack event reason.
	cfnFormRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:CREATE|UPDATE|DELETE|IMPORT)_FAILED\b|\bResource handler returned message: |(?:^|["'\s])API: [a-z0-9-]+:[A-Za-z0-9]+ `)
	})
	// cfnAPIRE is the "API: svc:Action" head CloudFormation puts before the
	// service's message.
	cfnAPIRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|["'\s])API: ([a-z0-9-]+:[A-Za-z0-9]+) `) })
	// jsStackRE is a Node stack frame of the JavaScript SDK.
	jsStackRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\bat [\w.<>]+ \([^)]*(?:node_modules[\\/](?:aws-sdk|@aws-sdk|@smithy)|\.js:\d+)`)
	})
	// xmlCodeRE is the error code of a raw Query/XML API error response.
	xmlCodeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<Code>((?:Client\.)?[A-Za-z]+)</Code>`) })
	// genericCodeRE is an SDK's code/message pair with no SDK named ("Error
	// { code: "AccessDeniedException", message: ... }").
	genericCodeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bcode: "(\w+)", message: "`) })
	v1StatusRE    = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\bstatus code: (\d{3})(?:, request id: ([A-Za-z0-9-]*))?`)
	})
	// cliRE is the AWS CLI's and boto3's head, and its older wording "A
	// client error (Code) occurred when calling the Op operation: ".
	cliRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:An error occurred|A client error) \(([\w.]+)\)(?: occurred)? when calling the (\w+) operation(?: \(reached max retries: \d+\))?: ?`)
	})
	jsMetaRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`['"]?\$metadata['"]?\s*:`) })
	jsStatusRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`['"]?httpStatusCode['"]?\s*:\s*(\d{3})`) })
	jsReqIDRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`['"]?requestId['"]?\s*:\s*['"]([^'"]+)['"]`) })
	jsNameRE   = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`['"]?(?:name|Code|__type)['"]?\s*:\s*['"](?:[\w.#]*#)?(\w+)['"]`)
	})
	codeLineRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)^\s*(?:Error:\s*)?((?:Client\.)?(?:AccessDenied(?:Exception)?|UnauthorizedOperation|[A-Z][A-Za-z0-9]*Exception)): (?:User[: ]|"?arn:|You are not)`)
	})
	codeAnyRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|[^A-Za-z0-9.])((?:Client\.)?(?:AccessDenied(?:Exception)?|UnauthorizedOperation|[A-Z][A-Za-z0-9]*Exception)):? `)
	})
	javaMetaRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\(Service: ([^;]+); Status Code: (\d{3}); Error Code: ([^;]+); Request ID: ([^;)]+)`)
	})
	ec2PhraseRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)You are not authori[sz]ed to perform this operation`)
	})
	deniedAnyRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:AccessDenied(?:Exception)?|(?:Client\.)?UnauthorizedOperation)\b|(?i:\baccess denied\b)`)
	})
	requestIDRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\brequest ?id:? ([A-Za-z0-9][A-Za-z0-9-]{7,})`) })
	decodedKeyRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`"(?:DecodedMessage|allowed|explicitDeny|matchedStatements)"\s*:`)
	})
)

// cliHead matches cliRE in n, which holds one of its literals.
func cliHead(n string) []string {
	if m := matchIf(n, "An error occurred (", cliRE(), n); m != nil {
		return m
	}
	return matchIf(n, "A client error (", cliRE(), n)
}

// matchIf runs re on s only when key (a literal every match holds) is in
// hay: most texts hold none of the envelopes, and the check is cheap.
func matchIf(hay, key string, re *regexp.Regexp, s string) []string {
	if !strings.Contains(hay, key) {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// isDenialCode reports whether an error code is an access denial.
func isDenialCode(code string) bool {
	c := strings.TrimPrefix(code, "Client.")
	return strings.HasPrefix(c, "AccessDenied") || strings.HasSuffix(c, "UnauthorizedOperation")
}

// parseText reads a denial from free text; nil when there is none.
func parseText(text string) *Denial {
	d, _ := parseTextSentence(text)
	return d
}

// parseTextSentence is parseText, and whether the text holds the IAM
// sentence "... is not authorized to perform: ..." (not EC2's "You are not
// authorized to perform this operation" alone).
func parseTextSentence(text string) (*Denial, bool) {
	d := newDenial(text)
	prep := prepareText(text)
	n := collapse(prep)
	if n == "" {
		return nil, false
	}

	low := asciiLower(n)
	decoded := strings.Contains(text, `"`) && findDecoded(d, text)
	enc := findEncoded(text, low)
	if enc.marker {
		d.Encoded = enc.blob
		d.EncodedTruncated = enc.truncated
		d.EncodedOmitted = enc.omitted
		if enc.unreadable.ID != "" {
			d.unread(enc.unreadable)
		}
	}

	var form Form
	setForm := func(f Form) {
		if form == "" {
			form = f
		}
	}
	if decoded {
		setForm(FormDecoded)
	}
	fragment := !decoded && readCloudTrailFragment(d, prep)
	if fragment {
		setForm(FormCloudTrail)
	}

	// Envelopes.
	tf := strings.Contains(low, "error") && (terraformRE().MatchString(n) || tfUnableRE().MatchString(n)) ||
		strings.Contains(n, "* aws_") && tf011RE().MatchString(prep)
	if tfMarkRE().MatchString(prep) {
		tf = true
		setForm(FormTerraform)
	}
	if strings.Contains(n, "_FAILED") || strings.Contains(n, "API: ") || strings.Contains(n, "Resource handler") {
		if cfnFormRE().MatchString(n) {
			setForm(FormCloudFormation)
			if m := cfnAPIRE().FindStringSubmatch(n); m != nil && d.Action == "" {
				d.Action = m[1]
			}
		}
	}
	if m := matchIf(low, "operation error", sdkGoRE(), n); m != nil {
		d.Service, d.Operation, d.RequestID, d.ErrorCode = m[1], m[2], m[4], m[5]
		d.HTTPStatus, _ = strconv.Atoi(m[3])
		if tf {
			setForm(FormTerraform)
		}
		setForm(FormSDKGo)
	}
	if m := matchIf(n, "status code: ", v1StatusRE(), n); m != nil {
		if d.HTTPStatus == 0 {
			d.HTTPStatus, _ = strconv.Atoi(m[1])
		}
		if d.RequestID == "" {
			d.RequestID = m[2]
		}
		if tf {
			setForm(FormTerraform)
		}
		setForm(FormSDKGoV1)
	}
	if strings.Contains(n, "https response error") && sdkGoFormRE().MatchString(n) {
		if tf {
			setForm(FormTerraform)
		}
		setForm(FormSDKGo)
	}
	hasCode := strings.Contains(n, "Exception") || strings.Contains(n, "AccessDenied") || strings.Contains(n, "UnauthorizedOperation")
	if tf && (d.ErrorCode != "" || hasCode && codeAnyRE().MatchString(n)) {
		setForm(FormTerraform)
	}
	if strings.Contains(text, "$metadata") && jsMetaRE().MatchString(text) {
		if m := jsStatusRE().FindStringSubmatch(text); m != nil && d.HTTPStatus == 0 {
			d.HTTPStatus, _ = strconv.Atoi(m[1])
		}
		if m := jsReqIDRE().FindStringSubmatch(text); m != nil && d.RequestID == "" {
			d.RequestID = m[1]
		}
		if m := jsNameRE().FindStringSubmatch(text); m != nil && d.ErrorCode == "" {
			d.ErrorCode = m[1]
		}
		setForm(FormSDKJS)
	}
	if m := cliHead(n); m != nil {
		if d.ErrorCode == "" {
			d.ErrorCode = m[1]
		}
		if d.Operation == "" {
			d.Operation = m[2]
		}
		setForm(FormCLI)
	}
	if m := matchIf(n, "(Service: ", javaMetaRE(), n); m != nil {
		if d.Service == "" {
			d.Service = strings.TrimSpace(m[1])
		}
		if d.HTTPStatus == 0 {
			d.HTTPStatus, _ = strconv.Atoi(m[2])
		}
		if d.ErrorCode == "" {
			d.ErrorCode = strings.TrimSpace(m[3])
		}
		if d.RequestID == "" {
			d.RequestID = strings.TrimSpace(m[4])
		}
	}
	if strings.Contains(n, "(Service: ") && javaFormRE().MatchString(n) {
		setForm(FormSDKJava)
	}
	if strings.Contains(n, "Amazon.") && dotnetFormRE().MatchString(n) {
		setForm(FormSDKDotNet)
	}
	if d.ErrorCode == "" && strings.Contains(text, "<Code>") {
		if m := xmlCodeRE().FindStringSubmatch(text); m != nil {
			d.ErrorCode = m[1]
		}
	}
	jsText := false
	if hasCode {
		if m := codeLineRE().FindStringSubmatch(text); m != nil {
			if d.ErrorCode == "" {
				d.ErrorCode = m[1]
			}
			// aws-sdk-go v1 prints a modelled exception as "Code: message {
			// RespMetadata: {...}, ... }".
			if strings.Contains(text, "RespMetadata: {") {
				if tf {
					setForm(FormTerraform)
				}
				setForm(FormSDKGoV1)
			}
			// "Code: message" is printed by most SDKs and tools: JavaScript
			// only with the JavaScript SDK's stack frames, else an SDK not
			// identified.
			jsText = !strings.HasSuffix(m[1], "UnauthorizedOperation")
		}
		if d.ErrorCode == "" {
			if m := codeAnyRE().FindStringSubmatch(n); m != nil && (isDenialCode(m[1]) || strings.Contains(low, "is not authori")) {
				d.ErrorCode = m[1]
			}
		}
	}
	if d.RequestID == "" {
		if m := matchIf(low, "request id", requestIDRE(), n); m != nil {
			d.RequestID = m[1]
		}
	}
	if strings.HasSuffix(d.ErrorCode, "UnauthorizedOperation") {
		setForm(FormEC2Encoded)
	}

	// The message itself.
	var sent sentenceResult
	if strings.Contains(low, "not authori") {
		sent = readSentence(d, n, low)
	}
	legacy := sent.legacy
	if !sent.found {
		readFragment(d, n, low)
	}
	if b := matchBackup(n, low); b != nil {
		applyBackup(d, b)
		setForm(FormBackupJob)
	}
	special := matchSpecial(d, n, low)
	if fragment {
		applyCloudTrailFragment(d)
	}
	ec2 := strings.Contains(low, "you are not authori") && ec2PhraseRE().MatchString(n)
	if enc.marker {
		setForm(FormConsole)
	}
	if jsText || strings.Contains(text, "node_modules") && jsStackRE().MatchString(text) {
		if strings.Contains(text, " at ") && jsStackRE().MatchString(text) {
			setForm(FormSDKJS)
		}
		setForm(FormSDK)
	}
	if strings.Contains(n, "code: \"") && genericCodeRE().MatchString(n) {
		setForm(FormSDK)
	}
	denialLike := decoded || fragment || special || sent.found || d.Reason != "" || d.Action != "" || d.Backup != nil || enc.marker || ec2 ||
		isDenialCode(d.ErrorCode) || (hasCode || strings.Contains(low, "access denied")) && deniedAnyRE().MatchString(n)
	if !denialLike {
		return nil, false
	}
	if legacy || d.Reason == "" && !sent.found {
		setForm(FormLegacy)
	}
	setForm(FormPlain)
	d.Form = form
	restoreSpaces(d)
	finish(d)
	return d, sent.found
}

// findDecoded finds a decoded authorization message inside text, reads it
// (strictly, else leniently) and applies it to d.
func findDecoded(d *Denial, text string) bool {
	loc := decodedKeyRE().FindStringIndex(text)
	if loc == nil {
		// An abridged document may start at "context".
		i := strings.Index(text, `"context"`)
		if i < 0 || !strings.Contains(text[i:], `"principal"`) {
			return false
		}
		loc = []int{i, i}
	}
	if decodedStringValue(d, text) {
		return true
	}
	start := strings.LastIndexByte(text[:loc[0]], '{')
	if start < 0 {
		return false
	}
	doc, closed := jsonObjectAt(text, start)
	if closed {
		if dd, err := ParseDecoded([]byte(doc)); err == nil {
			d.applyDecoded(dd)
			return true
		}
	}
	// Leniently: the escaped wrapper string, or an abridged document.
	region := jsonishLines(text[start:])
	if strings.Contains(region, `\"`) {
		region = strings.ReplaceAll(region, `\"`, `"`)
	}
	dd := parseDecodedLenient(region)
	if dd.Principal.ARN == "" && dd.Principal.ID == "" && dd.Action == "" && dd.Resource == "" {
		return false // nothing of a decoded message could be read
	}
	d.applyDecoded(dd)
	for _, m := range dd.unreadableMsgs {
		d.unread(m)
	}
	for _, m := range dd.Missing {
		d.unread(unreadable("decoded-not-in-text", m))
	}
	return true
}

var decodedStringRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"DecodedMessage"\s*:\s*"`) })

// decodedStringValue reads the "DecodedMessage": "..." member of the
// decode-authorization-message output when it stands in the text without
// the object around it (a line copied out of the CLI's output).
func decodedStringValue(d *Denial, text string) bool {
	loc := decodedStringRE().FindStringIndex(text)
	if loc == nil {
		return false
	}
	open := loc[1] - 1
	end, esc := -1, false
	for i := loc[1]; i < len(text); i++ {
		switch c := text[i]; {
		case esc:
			esc = false
		case c == '\\':
			esc = true
		case c == '"':
			end = i
		}
		if end >= 0 {
			break
		}
	}
	if end < 0 {
		return false
	}
	var inner string
	if json.Unmarshal([]byte(text[open:end+1]), &inner) != nil {
		return false
	}
	dd, err := ParseDecoded([]byte(inner))
	if err != nil {
		return false
	}
	d.applyDecoded(dd)
	return true
}

// jsonObjectAt returns the JSON object that starts at text[start] ('{'),
// matching brackets outside strings (jsonx.Skim); closed is false when it
// never closes.
func jsonObjectAt(text string, start int) (string, bool) {
	if end, _ := jsonx.Skim(text, start); end >= 0 {
		return text[start:end], true
	}
	return text[start:], false
}

// jsonishLines returns the leading lines of s that look like JSON (or an
// abridgement mark), stopping at the first line of prose.
func jsonishLines(s string) string {
	var b bytes.Buffer
	for i, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		r, _ := utf8.DecodeRuneInString(t)
		if i > 0 && t != "" && !strings.ContainsRune("{}[]\",….", r) {
			break
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// applyDecoded fills the denial from a decoded authorization message, which
// is authoritative for the principal, action, resource and decision.
func (d *Denial) applyDecoded(dd *Decoded) {
	d.Decoded = dd
	if dd.Principal.ARN != "" {
		p := ParsePrincipal(dd.Principal.ARN)
		p.ID = dd.Principal.ID
		if p.Name == "" {
			p.Name = dd.Principal.Name
		}
		d.Principal = p
		if a := principalAccount(p); a != "" {
			d.AccountID = a
		}
	} else if dd.Principal.ID != "" {
		d.Principal.ID = dd.Principal.ID
	}
	if ValidAction(dd.Action) {
		d.Action = dd.Action
	} else if a := qualifyAction(dd); a != "" {
		d.Action = a
		d.Notes = append(d.Notes, "decoded message: context.action is the operation name \""+dd.Action+"\"; read as "+a+" (service from the request context)")
	} else if dd.Action != "" {
		d.unread(unreadable("decoded-not-one-action", quoteShort(dd.Action)))
	}
	if dd.Resource != "" {
		setResource(d, dd.Resource)
	}
	if len(dd.Conditions) > 0 {
		d.Context = dd.Conditions
	}
	if !dd.missing("explicitDeny") {
		if dd.ExplicitDeny {
			d.Decision = ExplicitDeny
		} else if !dd.Allowed {
			d.Decision = ImplicitDeny
		}
	}
	for _, s := range dd.MatchedStatements {
		if !strings.EqualFold(s.Effect, "DENY") {
			continue
		}
		if s.IsBoundary {
			d.PolicyType = PolicyPermissionsBoundary
		}
		if !dd.ExplicitDeny {
			continue
		}
		if d.DenyMatch != nil {
			d.DenyMatch.Others++
			continue
		}
		pt := PolicyUnknown
		if s.IsBoundary {
			pt = PolicyPermissionsBoundary
		}
		d.DenyMatch = &DenyMatch{PolicyType: pt, Statement: s}
	}
	if r := dd.Conditions["aws:Region"]; len(r) > 0 && d.Region == "" {
		d.Region = r[0]
	}
}

// qualifyAction turns a decoded message's bare operation name
// ("RunInstances") into an action when the request context says which
// service it is (aws:Service) and, when a matched statement lists actions,
// one of them is that action.
func qualifyAction(dd *Decoded) string {
	if dd.Action == "" || strings.Contains(dd.Action, ":") {
		return ""
	}
	svc := dd.Conditions["aws:Service"]
	if len(svc) != 1 {
		return ""
	}
	a := svc[0] + ":" + dd.Action
	if !ValidAction(a) {
		return ""
	}
	listed := false
	for _, s := range dd.MatchedStatements {
		for _, x := range s.Actions {
			listed = true
			if strings.EqualFold(x, a) {
				return a
			}
		}
	}
	if listed {
		return ""
	}
	return a
}

// finish fills what follows from the rest: accounts, regions, redactions.
func finish(d *Denial) {
	if d.Decision == "" {
		d.Decision = DecisionUnknown
	}
	if d.PolicyType == "" {
		d.PolicyType = PolicyUnknown
	}
	if d.Principal.Kind == "" {
		d.Principal.Kind = KindUnknown
	}
	if d.Action != "" && !ValidAction(d.Action) {
		d.unread(unreadable("action-not-one", quoteShort(d.Action)))
		d.Action = ""
	}
	if d.AccountID == "" {
		d.AccountID = principalAccount(d.Principal)
	}
	if d.Principal.Redacted {
		d.Redacted = appendUnique(d.Redacted, "principal")
		if d.Principal.Account != "" && !arn.IsAccountID(d.Principal.Account) && d.Principal.Account != "aws" {
			d.Redacted = appendUnique(d.Redacted, "account")
		}
	}
	if d.Resource != "" {
		if a, ok := arn.Parse(d.Resource); ok {
			region, account := a.Region, a.Account
			if d.Region == "" && region != "" && !IsRedacted(region) {
				d.Region = region
			}
			if account != "" && !arn.IsAccountID(account) && account != "aws" {
				d.Redacted = appendUnique(d.Redacted, "account")
			}
		}
		if IsRedacted(d.Resource) || containsPlaceholder(d.Resource) {
			d.Redacted = appendUnique(d.Redacted, "resource")
		}
	}
	if d.PolicyARN != "" && containsPlaceholder(d.PolicyARN) {
		d.Redacted = appendUnique(d.Redacted, "policyArn")
	}
	if d.RequestID != "" && IsRedacted(d.RequestID) {
		d.RequestID = ""
	}
}
