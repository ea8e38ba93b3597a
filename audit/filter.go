package audit

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/deniedhq/denied/internal/i18n"
)

// IgnoreEntry is one line of an ignore file: the causes with rule RuleID
// ("*": any) on the item Resource ("*": any; a trailing "*" matches any
// suffix) are ignored, for Reason, until the end of Expires (UTC).
type IgnoreEntry struct {
	RuleID   string `json:"ruleId"`
	Resource string `json:"resource"`
	Expires  string `json:"expires"`
	Reason   string `json:"reason"`
	// File and Line say where the entry was read.
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`

	until time.Time
}

// IgnoreError is a bad line in an ignore file.
type IgnoreError struct {
	File string
	Line int
	// ID and Args are what is wrong, an internal/i18n message about Count
	// things (i18n.N); Msg is the text of an error without an ID (the
	// reader's).
	ID    string
	Args  []any
	Count int
	Msg   string
}

func (e *IgnoreError) Error() string { return e.Text(i18n.EN) }

// Text is the error in lang: "FILE:LINE: what is wrong".
func (e *IgnoreError) Text(lang i18n.Lang) string {
	msg := e.Msg
	if e.ID != "" {
		msg = i18n.N(lang, e.Count, e.ID, e.Args...)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, msg)
}

// MaxIgnoreFile and MaxIgnoreLine are the most bytes of an ignore file and
// of one of its lines that ParseIgnore reads: 16 MiB and 1 MiB (an ignore
// file is read whole before the audit, and its entries are matched against
// every cause).
const (
	MaxIgnoreFile = 16 << 20
	MaxIgnoreLine = 1 << 20
)

// ParseIgnore reads an ignore file: one entry a line,
//
//	RULE-ID  RESOURCE  EXPIRES  REASON...
//
// separated by spaces or tabs: the rule ID (or "*"), the item (a recovery
// point ARN, "plan/selection", an unreadable call such as
// "backup:ListRecoveryPointsByBackupVault", "*", or a prefix ending in
// "*"), the last day the entry holds (YYYY-MM-DD, UTC), and the reason
// (the rest of the line, required). Blank lines and lines starting with
// "#" are skipped. name is the file name errors give.
//
// A file over MaxIgnoreFile bytes, or a line over MaxIgnoreLine, is an
// *IgnoreError at the line where the limit is passed: endless input (a
// link to /dev/zero, `yes` on a FIFO) ends there.
func ParseIgnore(r io.Reader, name string) ([]IgnoreEntry, error) {
	var out []IgnoreEntry
	lr := &io.LimitedReader{R: r, N: MaxIgnoreFile + 1}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 64*1024), MaxIgnoreLine)
	read := 0 // bytes of the lines scanned, with their ends
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		adv, tok, err := bufio.ScanLines(data, atEOF)
		read += adv
		return adv, tok, err
	})
	n := 0
	for sc.Scan() {
		n++
		if read > MaxIgnoreFile {
			return nil, &IgnoreError{File: name, Line: n, ID: "audit.ignore.too-large", Args: []any{MaxIgnoreFile >> 20}}
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return nil, &IgnoreError{File: name, Line: n, ID: "audit.ignore.fields", Count: len(f), Args: []any{fmt.Sprint(len(f))}}
		}
		until, err := time.Parse("2006-01-02", f[2])
		if err != nil {
			return nil, &IgnoreError{File: name, Line: n, ID: "audit.ignore.expiry", Args: []any{f[2]}}
		}
		if f[0] == "*" && f[1] == "*" {
			return nil, &IgnoreError{File: name, Line: n, ID: "audit.ignore.both-any"}
		}
		// The reason is the rest of the line as written.
		rest := line
		for range 3 {
			rest = strings.TrimLeft(rest, " \t")
			rest = rest[strings.IndexAny(rest, " \t"):]
		}
		out = append(out, IgnoreEntry{RuleID: f[0], Resource: f[1], Expires: f[2], Reason: strings.TrimSpace(rest), File: name, Line: n,
			until: until.AddDate(0, 0, 1)})
	}
	if err := sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		return nil, &IgnoreError{File: name, Line: n + 1, ID: "audit.ignore.line-too-long", Args: []any{MaxIgnoreLine >> 20}}
	} else if err != nil {
		return nil, &IgnoreError{File: name, Line: n + 1, Msg: err.Error()}
	}
	return out, nil
}

func (e IgnoreEntry) matches(rule, item string) bool {
	if e.RuleID != "*" && e.RuleID != rule {
		return false
	}
	switch {
	case e.Resource == "*":
		return true
	case strings.HasSuffix(e.Resource, "*"):
		return strings.HasPrefix(item, strings.TrimSuffix(e.Resource, "*"))
	}
	return e.Resource == item
}

type filter struct {
	sev     map[string]bool
	active  []IgnoreEntry
	expired []IgnoreEntry
}

func newFilter(opt Options) *filter {
	f := &filter{}
	if len(opt.Severities) > 0 {
		f.sev = map[string]bool{}
		for _, s := range opt.Severities {
			f.sev[s] = true
		}
	}
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	t := now().UTC()
	for _, e := range opt.Ignore {
		if e.until.IsZero() {
			if d, err := time.Parse("2006-01-02", e.Expires); err == nil {
				e.until = d.AddDate(0, 0, 1)
			}
		}
		if !t.Before(e.until) {
			f.expired = append(f.expired, e)
			continue
		}
		f.active = append(f.active, e)
	}
	return f
}

// suppress says whether a cause is filtered out by severity, or the reason
// it is ignored.
func (f *filter) suppress(rule, sev, item string) (bool, string) {
	if f.sev != nil && !f.sev[sev] {
		return true, ""
	}
	for _, e := range f.active {
		if e.matches(rule, item) {
			return false, e.Reason
		}
	}
	return false, ""
}

func sevRank(s string) int {
	if i := slices.Index(Severities, s); i >= 0 {
		return i
	}
	return len(Severities)
}

// apply decides the item's result and returns the one cause it is counted
// under (nil when it passed).
func (f *filter) apply(it *Item) *Cause {
	// Findings may be shared with other items (the evaluation cache):
	// copied before they are reordered or marked.
	byRank := func(i, j int) bool { return sevRank(it.Findings[i].Severity) < sevRank(it.Findings[j].Severity) }
	if f.sev != nil || len(f.active) > 0 || !sort.SliceIsSorted(it.Findings, byRank) {
		it.Findings = slices.Clone(it.Findings)
		sort.SliceStable(it.Findings, byRank)
	}
	sort.SliceStable(it.Unchecked, func(i, j int) bool { return sevRank(it.Unchecked[i].Severity) < sevRank(it.Unchecked[j].Severity) })
	var ignored, filtered bool
	var fail *Finding
	for i := range it.Findings {
		fd := &it.Findings[i]
		if f.sev != nil || len(f.active) > 0 {
			fd.Filtered, fd.Ignored = f.suppress(fd.RuleID, fd.Severity, it.ARN)
		}
		switch {
		case fd.Filtered:
			filtered = true
		case fd.Ignored != "":
			ignored = true
		case fail == nil:
			fail = fd
		}
	}
	var unchecked *Gap
	for i := range it.Unchecked {
		g := &it.Unchecked[i]
		g.Filtered, g.Ignored = f.suppress(g.RuleID, g.Severity, it.ARN)
		switch {
		case g.Filtered:
			filtered = true
		case g.Ignored != "":
			ignored = true
		case unchecked == nil:
			unchecked = g
		}
	}
	var c *Cause
	switch {
	case fail != nil:
		it.Result, it.Severity = Fail, fail.Severity
		c = &Cause{RuleID: fail.RuleID, Result: Fail, Severity: fail.Severity, Action: fail.Action, Layer: fail.Layer}
	case unchecked != nil:
		it.Result, it.Severity = Unchecked, unchecked.Severity
		c = &Cause{RuleID: unchecked.RuleID, Result: Unchecked, Severity: unchecked.Severity}
	case ignored:
		it.Result = Ignored
	case filtered:
		it.Result = Filtered
	default:
		it.Result = Pass
	}
	it.OK = it.Result != Fail && it.Result != Unchecked
	return c
}
