package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/deniedhq/denied/audit"
	"github.com/deniedhq/denied/fix"
)

// The JSON audit report (audit.SchemaVersion 3) is audit.Report with the
// fixes written once: "fixes" maps a reference ("fix-1", "fix-2", ... in
// the order first used) to a fix, and each finding names its fix by
// "fixRef" instead of holding it (every item a check covers has the same
// fix, 4 KB each). It is written item by item: the fields of the report
// before its items, the fix table, then each item, each passed item and the
// expired ignore-file entries.

// auditHead is the report without what is streamed after it.
type auditHead struct {
	*audit.Report
	Items          []audit.Item        `json:"items,omitempty"`
	Passed         []audit.Item        `json:"passed,omitempty"`
	ExpiredIgnores []audit.IgnoreEntry `json:"expiredIgnores,omitempty"`
}

// auditItemJSON is an item whose findings refer to the fix table.
type auditItemJSON struct {
	*audit.Item
	Findings []auditFindingJSON `json:"findings,omitempty"`
}

type auditFindingJSON struct {
	*audit.Finding
	// Fix hides the finding's own fix: it is in the table.
	Fix    *fix.Fix `json:"fix,omitempty"`
	FixRef string   `json:"fixRef,omitempty"`
}

// maxShared bounds the encoded findings kept for the items that share
// them (with --as each recovery point has its own).
const maxShared = 256

// fixTable numbers the distinct fixes of the items.
type fixTable struct {
	ref   map[*fix.Fix]string
	byDoc map[string]string
	fixes []*fix.Fix
	// docs holds the compact JSON of each of fixes, written indented into
	// the table instead of encoding the fix again.
	docs [][]byte
}

// newFixTable gives each distinct fix of items a reference: fixes shared
// by pointer (the items of one check) are encoded once to compare them.
func newFixTable(items []audit.Item) (*fixTable, error) {
	t := &fixTable{ref: map[*fix.Fix]string{}, byDoc: map[string]string{}}
	for i := range items {
		for k := range items[i].Findings {
			f := items[i].Findings[k].Fix
			if f == nil {
				continue
			}
			if _, ok := t.ref[f]; ok {
				continue
			}
			// What an encoder writes for f: MarshalJSON's output compacted,
			// and it is json.Marshal's (compact, HTML-escaped), which both
			// compacting (escaped or not) leave as it is. Calling it
			// directly saves the pass over its 4 KB.
			doc, err := f.MarshalJSON()
			if err != nil {
				return nil, err
			}
			// Written as the rest of the report is: not HTML-escaped.
			doc = unescapeHTML(doc)
			if r, ok := t.byDoc[string(doc)]; ok {
				t.ref[f] = r
				continue
			}
			r := "fix-" + strconv.Itoa(len(t.fixes)+1)
			t.ref[f], t.byDoc[string(doc)] = r, r
			t.fixes = append(t.fixes, f)
			t.docs = append(t.docs, doc)
		}
	}
	return t, nil
}

func (a *Audit) writeJSON(w io.Writer, o Options) error {
	return a.writeJSONStream(newJSONStream(w), o)
}

// WriteAuditJSONAt writes the JSON report of a as the value of a member at
// depth depth of an enclosing indented document (its first line
// unprefixed, no newline after it), not HTML-escaped, as Write writes it:
// as an Encoder with SetEscapeHTML(false) and SetIndent writes a
// json.RawMessage holding Write's JSON, without encoding it three times (an
// organization's audit writes one per account).
func WriteAuditJSONAt(w io.Writer, a *Audit, o Options, depth int) error {
	return a.writeJSONStream(newJSONStreamAt(w, depth, false), o)
}

func (a *Audit) writeJSONStream(j *jsonStream, o Options) error {
	rep := a.Report
	fillGapTexts(&rep, o.Lang)
	head, err := j.indented(auditHead{Report: &rep}, 0)
	if err != nil {
		return err
	}
	j.w.Write(bytes.TrimSuffix(head, []byte("\n"+indent(j.base)+"}")))
	if !a.SummaryOnly {
		if err := writeAuditItems(j, rep.Items); err != nil {
			return err
		}
	}
	if len(rep.Passed) > 0 && !a.SummaryOnly {
		j.elem(1, 1)
		j.key("passed")
		j.w.WriteByte('[')
		for i := range rep.Passed {
			j.elem(i, 2)
			if err := j.value(&rep.Passed[i], 2); err != nil {
				return err
			}
		}
		j.end(len(rep.Passed), 2, ']')
	}
	if len(rep.ExpiredIgnores) > 0 {
		j.elem(1, 1)
		j.key("expiredIgnores")
		if err := j.value(rep.ExpiredIgnores, 1); err != nil {
			return err
		}
	}
	j.close()
	return j.flush()
}

// writeAuditItems writes the fix table and the items that refer to it.
func writeAuditItems(j *jsonStream, items []audit.Item) error {
	t, err := newFixTable(items)
	if err != nil {
		return err
	}
	j.elem(1, 1)
	j.key("fixes")
	j.w.WriteByte('{')
	for i, f := range t.fixes {
		j.elem(i, 2)
		j.key(t.ref[f])
		j.w.Write(j.indentJSON(t.docs[i], 2))
	}
	j.end(len(t.fixes), 2, '}')
	j.elem(1, 1)
	j.key("items")
	j.w.WriteByte('[')
	// The items of one check share its findings (one slice): they are
	// encoded once for them all, while they keep coming.
	type shared struct {
		first *audit.Finding
		n     int
	}
	done := map[shared][]byte{}
	var fs []auditFindingJSON
	end := []byte("\n" + indent(j.base+2) + "}")
	for i := range items {
		it := &items[i]
		head, err := j.indented(auditItemJSON{Item: it}, 2)
		if err != nil {
			return err
		}
		if !bytes.HasSuffix(head, end) {
			return fmt.Errorf("report: item %d: unexpected JSON", i)
		}
		j.elem(i, 2)
		if len(it.Findings) == 0 {
			j.w.Write(head)
			continue
		}
		j.w.Write(head[:len(head)-len(end)])
		j.elem(1, 3)
		j.key("findings")
		key := shared{&it.Findings[0], len(it.Findings)}
		body, ok := done[key]
		if !ok {
			fs = fs[:0]
			for k := range it.Findings {
				f := &it.Findings[k]
				fs = append(fs, auditFindingJSON{Finding: f, FixRef: t.ref[f.Fix]})
			}
			if body, err = j.indented(fs, 3); err != nil {
				return err
			}
			if len(done) < maxShared {
				body = bytes.Clone(body)
				done[key] = body
			}
		}
		j.w.Write(body)
		j.w.Write(end)
	}
	j.end(len(items), 2, ']')
	return nil
}
