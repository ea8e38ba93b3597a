package i18n

import "strings"

// Message is a sentence or a phrase as a message of the catalog: its ID
// and the arguments it is formatted with. An argument is a string, kept
// as it is unless it is "@" + the ID of a message without arguments (a
// phrase, translated), or a Message (a phrase with arguments of its own,
// formatted in the same language).
type Message struct {
	ID   string
	Args []any
}

// M returns the message id with args.
func M(id string, args ...any) Message { return Message{ID: id, Args: args} }

// In returns the message in lang.
func (m Message) In(lang Lang) string { return Format(lang, m.ID, m.Args...) }

// Map returns the message with f applied to every string argument that
// is not a phrase reference, in nested messages too.
func (m Message) Map(f func(string) string) Message {
	out := Message{ID: m.ID, Args: make([]any, len(m.Args))}
	for i, a := range m.Args {
		switch a := a.(type) {
		case string:
			if !isRef(a) {
				out.Args[i] = f(a)
				continue
			}
		case Message:
			out.Args[i] = a.Map(f)
			continue
		}
		out.Args[i] = a
	}
	return out
}

// Format returns message id in lang formatted with args, as Message
// says: an argument "@ID" naming a message is that message in lang, a
// Message argument is formatted in lang first.
func Format(lang Lang, id string, args ...any) string {
	a := make([]any, len(args))
	for i, arg := range args {
		switch v := arg.(type) {
		case string:
			if isRef(v) {
				a[i] = T(lang, v[1:])
				continue
			}
		case Message:
			a[i] = v.In(lang)
			continue
		}
		a[i] = arg
	}
	return T(lang, id, a...)
}

// Strings formats message id in lang with string arguments, as Format.
func Strings(lang Lang, id string, args ...string) string {
	a := make([]any, len(args))
	for i, s := range args {
		a[i] = s
	}
	return Format(lang, id, a...)
}

func isRef(s string) bool { return strings.HasPrefix(s, "@") && Has(s[1:]) }

// Verdict returns an engine decision ("Allowed", "ImplicitDeny",
// "ExplicitDeny") in lang, as the reports show it after "verified by the
// engine:"; another string as it is.
func Verdict(lang Lang, decision string) string {
	if Has("report.verdict." + decision) {
		return T(lang, "report.verdict."+decision)
	}
	return decision
}
