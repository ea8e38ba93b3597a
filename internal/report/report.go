// Package report holds every writer of denied's results, for people (text,
// markdown) and machines (JSON, SARIF, JUnit XML), in English, Japanese or
// Korean: explain, check and check --list, audit, and jobs. Write is the one
// entry point; it selects the writer by format, as trivy's pkg/report does.
//
// It renders what the other packages decided and decides nothing itself. It
// must not import internal/cli, the AWS SDK or anything that reads an
// account (internal/collect).
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/deniedhq/denied/internal/i18n"
)

// Format is an output format.
type Format string

// The formats. Not every document has every format: Write says so.
const (
	Text     Format = "text"
	JSON     Format = "json"
	Markdown Format = "markdown"
	SARIF    Format = "sarif"
	JUnit    Format = "junit"
)

// Doc is a document Write can write: *Explain, *Check, *OperationList,
// *Audit or *Jobs.
type Doc interface {
	name() string
}

// The writers a document may have, one per format (text and markdown
// share one).
type (
	textWriter interface {
		writeText(w io.Writer, o Options, md bool) error
	}
	jsonWriter interface {
		writeJSON(w io.Writer, o Options) error
	}
	sarifWriter interface {
		writeSARIF(w io.Writer, o Options) error
	}
	junitWriter interface {
		writeJUnit(w io.Writer, o Options) error
	}
)

// Options control rendering.
type Options struct {
	Lang  i18n.Lang
	Color bool
	// Show selects the fix renderings in text output: "policy", "cli",
	// "terraform", "cloudformation".
	Show map[string]bool
	// Width wraps prose in text output; 0 means DefaultWidth.
	Width int
	// Version is the denied version a report names (SARIF).
	Version string
	// Warn, when set, receives what a writer has to say about its output
	// without putting it in the output (SARIF results cut to the number
	// GitHub accepts).
	Warn func(msg string)
}

// Write writes doc to w in format f.
func Write(w io.Writer, f Format, doc Doc, o Options) error {
	switch f {
	case Text, Markdown:
		if d, ok := doc.(textWriter); ok {
			return d.writeText(w, o, f == Markdown)
		}
	case JSON:
		if d, ok := doc.(jsonWriter); ok {
			return d.writeJSON(w, o)
		}
	case SARIF:
		if d, ok := doc.(sarifWriter); ok {
			return d.writeSARIF(w, o)
		}
	case JUnit:
		if d, ok := doc.(junitWriter); ok {
			return d.writeJUnit(w, o)
		}
	}
	return fmt.Errorf("report: %s has no %q format", doc.name(), f)
}

func (o Options) t(id string, args ...string) string {
	return i18n.T(o.Lang, id, tArgs(o.Lang, args)...)
}

func (o Options) warn(msg string) {
	if o.Warn != nil {
		o.Warn(msg)
	}
}

// tArgs renders message arguments: "@id" is the message id in lang.
func tArgs(lang i18n.Lang, args []string) []any {
	a := make([]any, len(args))
	for j, s := range args {
		if strings.HasPrefix(s, "@") && i18n.Has(s[1:]) {
			s = i18n.T(lang, s[1:])
		}
		a[j] = s
	}
	return a
}

// writeJSON writes v as indented JSON, HTML characters as they are, also
// in the values that encode themselves with json.Marshal (a fix plan's
// fixes).
func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(unescapeHTML(b.Bytes()))
	return err
}
