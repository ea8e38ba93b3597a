package simulate

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/deniedhq/denied/internal/jsonx"
)

// WriteText renders a result for a person: the decision and message, a
// table of the layers, and the deciding statements quoted from their
// source.
func (pr *Prepared) WriteText(w io.Writer, res *Result) error {
	var b strings.Builder
	if res.Error != nil {
		fmt.Fprintf(&b, "error: %s\n", res.Error.Error())
		_, err := io.WriteString(w, b.String())
		return err
	}
	if res.ID != "" {
		fmt.Fprintf(&b, "Case:     %s\n", res.ID)
	}
	fmt.Fprintf(&b, "Request:  %s %s", pr.Request.Principal.ARN, pr.Request.Action)
	if pr.Request.Resource != "*" {
		fmt.Fprintf(&b, " on %s", pr.Request.Resource)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "Decision: %s (%s)\n", res.Decision, res.Layer)
	if res.Message != "" {
		fmt.Fprintf(&b, "AWS says: %s\n", res.Message)
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LAYER\tVERDICT\tREQUIRED\tNOTE")
	for _, l := range res.Layers {
		req := ""
		if l.Required {
			req = "yes"
		}
		note := l.Note
		if l.Target != "" {
			note = strings.TrimSpace(note + " " + l.Target)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Layer, l.Verdict, req, note)
	}
	if len(res.Layers) == 0 {
		fmt.Fprintln(tw, "(no policies)\t\t\t")
	}
	tw.Flush()
	if len(res.Deciding) > 0 {
		b.WriteString("\nDeciding statements:\n")
		for _, d := range res.Deciding {
			fmt.Fprintf(&b, "  %s %s", d.Layer, d.Effect)
			if d.Target != "" {
				fmt.Fprintf(&b, " at %s", d.Target)
			}
			fmt.Fprintf(&b, ": policy %q statement %d", d.Policy, d.Statement)
			if d.Sid != "" {
				fmt.Fprintf(&b, " (Sid %q)", d.Sid)
			}
			if d.Line > 0 {
				fmt.Fprintf(&b, ", line %d:%d", d.Line, d.Column)
			}
			b.WriteString("\n")
			if src := pr.source(d.Layer, d.Policy); src != nil && d.Line > 0 {
				quote(&b, src.Text, d.Line, d.Column)
			}
		}
	}
	if len(res.MissingContext) > 0 {
		fmt.Fprintf(&b, "\nMissing context that could change the verdict: %s\n", strings.Join(res.MissingContext, ", "))
	}
	for _, wn := range res.Warnings {
		fmt.Fprintf(&b, "warning: %s: %s\n", wn.Path, wn.Message)
	}
	_, err := io.WriteString(w, trimLines(b.String()))
	return err
}

// trimLines removes the spaces tabwriter leaves at the end of lines.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// quote writes the statement that starts at line:col, with line numbers:
// up to 14 lines, or the statement alone when the document is on one line.
func quote(b *strings.Builder, text []byte, line, col int) {
	lines := strings.Split(string(text), "\n")
	if line > len(lines) {
		return
	}
	start := offsetOf(lines, line, col)
	if start < 0 || start >= len(text) {
		return
	}
	end := statementEnd(text, start)
	lastLine := line + strings.Count(string(text[start:end]), "\n")
	if lastLine == line {
		s := string(text[start:end])
		if len(s) > 200 {
			s = s[:197] + "..."
		}
		fmt.Fprintf(b, "    %4d | %s\n", line, s)
		return
	}
	const max = 14
	for n := line; n <= lastLine && n <= len(lines); n++ {
		if n-line == max {
			fmt.Fprintf(b, "         | ... (%d more lines)\n", lastLine-n+1)
			break
		}
		fmt.Fprintf(b, "    %4d | %s\n", n, strings.TrimRight(lines[n-1], "\r"))
	}
}

func offsetOf(lines []string, line, col int) int {
	off := 0
	for i := 0; i < line-1; i++ {
		off += len(lines[i]) + 1
	}
	return off + col - 1
}

// statementEnd returns the offset just past the JSON value starting at
// start (an object), or the end of the text.
func statementEnd(text []byte, start int) int {
	if end, _ := jsonx.Skim(text, start); end >= 0 {
		return end
	}
	return len(text)
}
