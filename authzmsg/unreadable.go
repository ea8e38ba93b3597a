package authzmsg

import "github.com/deniedhq/denied/internal/i18n"

// unread adds to Unreadable the phrase "unreadable." + id says with
// args, in English, and keeps its message for UnreadableIn.
func (d *Denial) unread(m i18n.Message) {
	d.Unreadable = append(d.Unreadable, m.In(i18n.EN))
	d.unreadableMsgs = append(d.unreadableMsgs, m)
}

// unread adds to Unreadable what could not be read, as Denial.unread.
func (d *Decoded) unread(m i18n.Message) {
	d.Unreadable = append(d.Unreadable, m.In(i18n.EN))
	d.unreadableMsgs = append(d.unreadableMsgs, m)
}

// unreadable is the message "unreadable." + id with args.
func unreadable(id string, args ...string) i18n.Message {
	a := make([]any, len(args))
	for i, s := range args {
		a[i] = s
	}
	return i18n.M("unreadable."+id, a...)
}

// UnreadableIn returns Unreadable in lang.
func (d *Denial) UnreadableIn(lang i18n.Lang) []string {
	if lang == i18n.EN || len(d.unreadableMsgs) != len(d.Unreadable) {
		return d.Unreadable
	}
	out := make([]string, len(d.unreadableMsgs))
	for i, m := range d.unreadableMsgs {
		out[i] = m.In(lang)
	}
	return out
}
