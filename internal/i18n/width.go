package i18n

import (
	"strings"
	"unicode/utf8"
)

// Width returns the number of terminal columns s takes: East Asian wide
// and fullwidth characters (CJK ideographs, kana, Hangul, fullwidth
// forms) take two, combining marks none, everything else one.
func Width(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) int {
	switch {
	case r == 0 || r < 32 || (r >= 0x7f && r < 0xa0):
		return 0
	case r >= 0x300 && r <= 0x36f, r >= 0x1ab0 && r <= 0x1aff, r >= 0x20d0 && r <= 0x20ff, r == 0x200b, r >= 0xfe00 && r <= 0xfe0f:
		return 0
	case r >= 0x1100 && r <= 0x115f, // Hangul Jamo
		r >= 0x2e80 && r <= 0x303e, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33ff, // kana, CJK symbols
		r >= 0x3400 && r <= 0x4dbf, // CJK extension A
		r >= 0x4e00 && r <= 0x9fff, // CJK unified ideographs
		r >= 0xa000 && r <= 0xa4cf, // Yi
		r >= 0xac00 && r <= 0xd7a3, // Hangul syllables
		r >= 0xf900 && r <= 0xfaff, // CJK compatibility ideographs
		r >= 0xfe30 && r <= 0xfe4f, // CJK compatibility forms
		r >= 0xff00 && r <= 0xff60, // fullwidth forms
		r >= 0xffe0 && r <= 0xffe6,
		r >= 0x1f300 && r <= 0x1f64f, // emoji
		r >= 0x1f900 && r <= 0x1f9ff,
		r >= 0x20000 && r <= 0x3fffd:
		return 2
	}
	return 1
}

// Pad pads s with spaces to width columns.
func Pad(s string, width int) string {
	if w := Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// Table renders rows as aligned columns separated by two spaces, with
// widths measured in terminal columns so that Japanese and Korean text
// lines up. Trailing spaces are trimmed.
func Table(rows [][]string) string {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			if w := Width(c); w > widths[i] {
				widths[i] = w
			}
		}
	}
	var b strings.Builder
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			if i == len(r)-1 {
				line.WriteString(c)
				break
			}
			line.WriteString(Pad(c, widths[i]))
			line.WriteString("  ")
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// Wrap wraps s to lines of at most width columns, breaking at spaces, or
// anywhere between wide characters (Japanese and Korean text has no
// spaces to break at).
func Wrap(s string, width int) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, wrapLine(para, width)...)
	}
	return lines
}

func wrapLine(s string, width int) []string {
	if Width(s) <= width || width <= 0 {
		return []string{s}
	}
	var lines []string
	var cur strings.Builder
	cw := 0
	lastSpace := -1 // byte index in cur of the last space
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		rw := runeWidth(r)
		if cw+rw > width && cw > 0 {
			line := cur.String()
			rest := ""
			if lastSpace > 0 && rw == 1 && r != ' ' {
				line, rest = line[:lastSpace], line[lastSpace+1:]
			}
			lines = append(lines, strings.TrimRight(line, " "))
			cur.Reset()
			cur.WriteString(rest)
			cw = Width(rest)
			lastSpace = -1
			if r == ' ' {
				continue
			}
		}
		if r == ' ' {
			lastSpace = cur.Len()
		} else if rw == 2 {
			lastSpace = -1
		}
		cur.WriteRune(r)
		cw += rw
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
