package i18n

import (
	"strings"
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
	var cur []rune
	cw := 0
	// brk is where the current line may be broken: after a space, before
	// an ASCII word that follows a wide character, or between two wide
	// characters. -1: nowhere yet.
	brk := -1
	for _, r := range s {
		rw := runeWidth(r)
		if cw+rw > width && len(cur) > 0 && !noLineStart(r) {
			at := len(cur)
			if r != ' ' && rw == 1 && brk > 0 {
				at = brk // keep the ASCII word whole
			}
			line, rest := cur[:at], append([]rune(nil), cur[at:]...)
			lines = append(lines, strings.TrimRight(string(line), " "))
			for len(rest) > 0 && rest[0] == ' ' {
				rest = rest[1:]
			}
			cur, cw, brk = rest, 0, -1
			for _, x := range cur {
				cw += runeWidth(x)
			}
			if r == ' ' {
				continue
			}
		}
		switch {
		case r == ' ':
			brk = len(cur) + 1
		case rw == 2:
			brk = len(cur) + 1
		case len(cur) > 0 && runeWidth(cur[len(cur)-1]) == 2:
			brk = len(cur)
		}
		cur = append(cur, r)
		cw += rw
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// noLineStart reports whether r may not begin a line (Japanese kinsoku):
// closing punctuation and the long vowel mark hang at the end instead.
func noLineStart(r rune) bool {
	switch r {
	case 'ー', '。', '、', '」', '』', '）', ')', '.', ',', '：', ':', '・', 'ッ', 'ャ', 'ュ', 'ョ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'っ', 'ゃ', 'ゅ', 'ょ':
		return true
	}
	return false
}
