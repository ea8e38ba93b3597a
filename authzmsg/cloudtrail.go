package authzmsg

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/deniedhq/denied/internal/arn"
)

// cloudTrailMessageLimit is the length at which CloudTrail cuts errorMessage.
const cloudTrailMessageLimit = 1024

// cloudTrailRecords returns the events of a CloudTrail document: one event,
// {"Records": [...]}, an array of events, or the output of aws cloudtrail
// lookup-events ({"Events": [{"CloudTrailEvent": "<json>"}]}).
func cloudTrailRecords(v any) ([]map[string]any, bool) {
	isEvent := func(o map[string]any) bool {
		_, src := lookup(o, "eventSource")
		_, name := lookup(o, "eventName")
		_, code := lookup(o, "errorCode")
		_, ver := lookup(o, "eventVersion")
		return src && (name || code) || ver && name
	}
	var out []map[string]any
	switch x := v.(type) {
	case map[string]any:
		if isEvent(x) {
			return []map[string]any{x}, true
		}
		if r, ok := lookup(x, "Records"); ok {
			arr, ok := r.([]any)
			if !ok {
				return nil, false
			}
			for _, e := range arr {
				if o, ok := e.(map[string]any); ok {
					out = append(out, o)
				}
			}
			return out, true
		}
		if r, ok := lookup(x, "Events"); ok {
			arr, ok := r.([]any)
			if !ok {
				return nil, false
			}
			for _, e := range arr {
				o, ok := e.(map[string]any)
				if !ok {
					continue
				}
				s := str(o, "CloudTrailEvent")
				if s == "" {
					continue
				}
				var ev map[string]any
				if json.Unmarshal([]byte(s), &ev) == nil {
					out = append(out, ev)
				}
			}
			return out, true
		}
	case []any:
		for _, e := range x {
			o, ok := e.(map[string]any)
			if !ok || !isEvent(o) {
				return nil, false
			}
			out = append(out, o)
		}
		return out, len(out) > 0
	}
	return nil, false
}

// denialsFromCloudTrail reads every record whose errorCode is an access
// denial.
func denialsFromCloudTrail(recs []map[string]any) []*Denial {
	var out []*Denial
	for _, r := range recs {
		if d := denialFromEvent(r); d != nil {
			out = append(out, d)
		}
	}
	return out
}

func denialFromEvent(r map[string]any) *Denial {
	code := str(r, "errorCode")
	if !isDenialCode(code) {
		return nil
	}
	ev := &CloudTrailEvent{
		EventSource:        str(r, "eventSource"),
		EventName:          str(r, "eventName"),
		EventTime:          str(r, "eventTime"),
		EventID:            str(r, "eventID"),
		AWSRegion:          str(r, "awsRegion"),
		SourceIPAddress:    str(r, "sourceIPAddress"),
		UserAgent:          str(r, "userAgent"),
		RecipientAccountID: str(r, "recipientAccountId"),
		ErrorCode:          code,
		ErrorMessage:       str(r, "errorMessage"),
	}
	if ui, ok := lookup(r, "userIdentity"); ok {
		if u, ok := ui.(map[string]any); ok {
			ev.IdentityType = str(u, "type")
			ev.IdentityARN = str(u, "arn")
			ev.PrincipalID = str(u, "principalId")
			ev.IdentityAccount = str(u, "accountId")
			ev.InvokedBy = str(u, "invokedBy")
			if sc, ok := lookup(u, "sessionContext"); ok {
				if sco, ok := sc.(map[string]any); ok {
					if si, ok := lookup(sco, "sessionIssuer"); ok {
						if sio, ok := si.(map[string]any); ok {
							ev.SessionIssuerARN = str(sio, "arn")
						}
					}
				}
			}
		}
	}
	if rp, ok := lookup(r, "requestParameters"); ok {
		flat := map[string]string{}
		flatten(flat, "", rp, 0)
		if len(flat) > 0 {
			ev.RequestParameters = flat
		}
	}

	msg := ev.ErrorMessage
	d := parseText(msg)
	if d == nil {
		d = newDenial(msg)
	}
	d.Form = FormCloudTrail
	d.CloudTrail = ev
	d.Raw = msg
	d.ErrorCode = code
	d.Service = ev.EventSource
	d.Operation = ev.EventName
	if id := str(r, "requestID"); id != "" {
		d.RequestID = id
	}
	if ev.AWSRegion != "" {
		d.Region = ev.AWSRegion
	}

	if n := utf8.RuneCountInString(msg); n >= cloudTrailMessageLimit-8 || (n > 900 && (strings.HasSuffix(msg, "...") || strings.HasSuffix(msg, "…"))) {
		ev.ErrorMessageTruncated = true
		d.unread(unreadable("cloudtrail-cut", strconv.Itoa(cloudTrailMessageLimit)))
		if d.Encoded != "" && !d.EncodedTruncated {
			d.EncodedTruncated = true
			d.unread(unreadable("encoded-cloudtrail-truncated"))
		}
	}

	// The event names the caller even when the message does not.
	if ev.IdentityARN != "" && (d.Principal.ARN == "" || d.Principal.Redacted) {
		d.Principal = ParsePrincipal(ev.IdentityARN)
	}
	if d.Principal.ID == "" {
		d.Principal.ID = ev.PrincipalID
	}
	if d.Principal.ARN == "" && ev.InvokedBy != "" {
		d.Principal = ParsePrincipal(ev.InvokedBy)
	}
	if d.Action == "" && ev.EventSource != "" && ev.EventName != "" {
		if a := servicePrefix(ev.EventSource) + ":" + ev.EventName; ValidAction(a) {
			d.Action = a
			d.Notes = append(d.Notes, "action "+a+" inferred from eventSource and eventName (an API's IAM action can differ from its name)")
		}
	}
	if d.Resource == "" {
		for _, k := range []string{"roleArn", "RoleArn", "roleARN"} {
			if v := ev.RequestParameters[k]; strings.HasPrefix(v, "arn:") {
				setResource(d, v)
				d.Notes = append(d.Notes, "resource "+v+" read from requestParameters."+k)
				break
			}
		}
	}
	d.AccountID = principalAccount(d.Principal)
	if d.AccountID == "" && arn.IsAccountID(ev.IdentityAccount) {
		d.AccountID = ev.IdentityAccount
	}
	finish(d)
	return d
}

// servicePrefix turns an eventSource ("backup.amazonaws.com") into a service
// prefix ("backup").
func servicePrefix(src string) string {
	return strings.TrimSuffix(strings.TrimSuffix(src, ".amazonaws.com.cn"), ".amazonaws.com")
}

// flatten writes the string leaves of v under dotted paths.
func flatten(out map[string]string, prefix string, v any, depth int) {
	if depth > 8 || len(out) > 256 {
		return
	}
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			flatten(out, join(k), x[k], depth+1)
		}
	case []any:
		for i, e := range x {
			flatten(out, join(fmt.Sprint(i)), e, depth+1)
		}
	case string:
		out[prefix] = x
	case json.Number:
		out[prefix] = x.String()
	case bool:
		out[prefix] = fmt.Sprint(x)
	}
}

var (
	ctFieldRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`"(eventSource|eventName|errorCode|awsRegion|eventTime|eventID)"\s*:\s*"([^"\\]*)"`)
	})
	ctUserRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`"userIdentity"\s*:\s*\{[^{}]*?"arn"\s*:\s*"([^"\\]+)"`)
	})
)

// readCloudTrailFragment reads a CloudTrail event that is not whole JSON: a
// copy cut short, or a middle part of one. What is there is taken: the
// action from eventSource and eventName, the caller from userIdentity.arn,
// the error code. text is the prepared text. It reports whether the text
// held a fragment.
func readCloudTrailFragment(d *Denial, text string) bool {
	if !strings.Contains(text, `"eventSource"`) || !strings.Contains(text, `"eventName"`) {
		return false
	}
	ev := &CloudTrailEvent{}
	for _, m := range ctFieldRE().FindAllStringSubmatch(text, -1) {
		v := strings.ReplaceAll(m[2], sentinel, " ")
		switch m[1] {
		case "eventSource":
			if ev.EventSource == "" {
				ev.EventSource = v
			}
		case "eventName":
			if ev.EventName == "" {
				ev.EventName = v
			}
		case "errorCode":
			if ev.ErrorCode == "" {
				ev.ErrorCode = v
			}
		case "awsRegion":
			if ev.AWSRegion == "" {
				ev.AWSRegion = v
			}
		case "eventTime":
			ev.EventTime = v
		case "eventID":
			ev.EventID = v
		}
	}
	if ev.EventSource == "" || ev.EventName == "" {
		return false
	}
	// An event that failed for another reason (throttling, a missing
	// resource) is not an access denial.
	if ev.ErrorCode != "" && !isDenialCode(ev.ErrorCode) {
		return false
	}
	if m := ctUserRE().FindStringSubmatch(text); m != nil {
		ev.IdentityARN = strings.ReplaceAll(m[1], sentinel, " ")
	}
	d.CloudTrail = ev
	d.Service = ev.EventSource
	d.Operation = ev.EventName
	if d.ErrorCode == "" {
		d.ErrorCode = ev.ErrorCode
	}
	if d.Region == "" {
		d.Region = ev.AWSRegion
	}
	d.Notes = append(d.Notes, "the CloudTrail event is not whole JSON (cut or elided): read what is there")
	if ev.ErrorCode == "" {
		d.unread(unreadable("cloudtrail-errorcode-cut"))
	}
	return true
}

// applyCloudTrailFragment fills what the message itself did not say from a
// fragment read by readCloudTrailFragment.
func applyCloudTrailFragment(d *Denial) {
	ev := d.CloudTrail
	if ev == nil {
		return
	}
	if ev.IdentityARN != "" && d.Principal.ARN == "" {
		d.Principal = ParsePrincipal(ev.IdentityARN)
	}
	if d.Action == "" {
		if a := servicePrefix(ev.EventSource) + ":" + ev.EventName; ValidAction(a) {
			d.Action = a
			d.Notes = append(d.Notes, "action "+a+" inferred from eventSource and eventName (an API's IAM action can differ from its name)")
		}
	}
}

// ParseCloudTrailLog reads a CloudTrail log file ({"Records": [...]}, the
// object holding nothing else) one record at a time, so that a log of any
// size costs the memory of its denials, not of every record at once. It
// gives what ParseAll gives for such a log. ok is false when text is not
// such a log, or has no denial, or is not valid JSON: ParseAll then says
// what it is.
func ParseCloudTrailLog(text string) (ds []*Denial, ok bool) {
	t := strings.TrimSpace(strings.TrimPrefix(text, "\ufeff"))
	if !strings.HasPrefix(t, "{") {
		return nil, false
	}
	dec := json.NewDecoder(strings.NewReader(t))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	if tok, err := dec.Token(); err != nil || !isRecordsKey(tok) {
		return nil, false
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, false
	}
	for dec.More() {
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		if o, isObj := v.(map[string]any); isObj {
			if d := denialFromEvent(o); d != nil {
				ds = append(ds, d)
			}
		}
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim(']') {
		return nil, false
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		return nil, false // another member: ParseAll reads the whole object
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false
	}
	return ds, len(ds) > 0
}

func isRecordsKey(tok json.Token) bool {
	k, ok := tok.(string)
	return ok && strings.EqualFold(k, "Records")
}
