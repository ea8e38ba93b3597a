package i18n

import (
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// cond measures East Asian width with go-runewidth's tables (Unicode's
// East Asian Width property). Ambiguous characters (—, ─, …) count as one
// column whatever the locale, so that the output does not change with
// LANG; that is what most terminals show for them.
var cond = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// Width returns the number of terminal columns s takes: East Asian wide
// and fullwidth characters (CJK ideographs, kana, Hangul, fullwidth
// forms) take two, combining marks none, everything else one. ANSI
// escape sequences (colour, bold) take none.
func Width(s string) int {
	if strings.IndexByte(s, 0x1b) >= 0 {
		s = stripEscapes(s)
	}
	return cond.StringWidth(s)
}

// stripEscapes removes ANSI CSI sequences (ESC [ ... final byte).
func stripEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if n := escapeLen(s[i:]); n > 0 {
			i += n - 1
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// escapeLen returns the length of the ANSI CSI sequence s starts with, or
// 0.
func escapeLen(s string) int {
	if len(s) < 2 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		if c := s[i]; c >= 0x40 && c <= 0x7e {
			return i + 1
		}
	}
	return 0
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

// WrapTable renders rows of label and value as Table does, within width
// columns: a value too long for its line goes on over the next lines,
// aligned under the value column and wrapped as Wrap wraps.
func WrapTable(rows [][2]string, indent string, width int) string {
	lw := 0
	for _, r := range rows {
		lw = max(lw, Width(r[0]))
	}
	hang := indent + strings.Repeat(" ", lw+2)
	var b strings.Builder
	for _, r := range rows {
		for i, l := range Wrap(r[1], width-Width(hang)) {
			if i == 0 {
				b.WriteString(indent + Pad(r[0], lw) + "  ")
			} else {
				b.WriteString(hang)
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Wrap wraps s to lines of at most width columns. Each line of s is
// wrapped on its own.
//
// Lines are broken at spaces and, in Japanese, between two characters
// when either is a Japanese (wide, non-Hangul) character. Korean is
// broken at spaces only, as Korean is written: a word with its particles
// ("역할을", "iam:PassRole을(를)") stays whole. ASCII words, ARNs and
// identifiers are never split: a token wider than the line gets a line of
// its own, wider than width (so that it can still be copied whole).
// Japanese line-breaking rules (kinsoku) hold: no line begins with a
// closing bracket, a comma or full stop, a small kana or the long vowel
// mark (。、」）・ー ...), and none ends with an opening bracket (「（ ...);
// the characters involved move to the next line instead.
// ANSI escape sequences take no width and are never split.
func Wrap(s string, width int) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, wrapLine(para, width)...)
	}
	return lines
}

// cell is a character of a line, or an ANSI escape sequence (esc).
type cell struct {
	s   string
	r   rune
	w   int
	esc bool
}

func cells(s string) []cell {
	var cs []cell
	for i := 0; i < len(s); {
		if n := escapeLen(s[i:]); n > 0 {
			cs = append(cs, cell{s: s[i : i+n], esc: true})
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		cs = append(cs, cell{s: s[i : i+n], r: r, w: cond.RuneWidth(r)})
		i += n
	}
	return cs
}

func (c cell) space() bool { return !c.esc && (c.r == ' ' || c.r == '\t') }

// breaks returns, for each index i of cs, whether a line may begin at
// cs[i] (the spaces before it dropped).
func breaks(cs []cell) []bool {
	brk := make([]bool, len(cs))
	for i := 1; i < len(cs); i++ {
		if cs[i].space() || cs[i-1].esc {
			continue
		}
		// b: the first visible character from i; a: the last one before
		// i; sp: whether spaces lie between them.
		b := -1
		for j := i; j < len(cs); j++ {
			if !cs[j].esc {
				b = j
				break
			}
		}
		if b < 0 || cs[b].space() || cs[b].w == 0 {
			continue
		}
		a, sp := -1, false
		for j := i - 1; j >= 0; j-- {
			switch {
			case cs[j].esc:
			case cs[j].space():
				sp = true
			default:
				a = j
			}
			if a >= 0 {
				break
			}
		}
		if a < 0 {
			continue
		}
		ra, rb := cs[a].r, cs[b].r
		if NoLineStart(rb) || NoLineEnd(ra) {
			continue
		}
		if sp {
			brk[i] = true
			continue
		}
		if isHangul(ra) || isHangul(rb) {
			continue
		}
		brk[i] = japanese(cs[a]) || japanese(cs[b])
	}
	return brk
}

// japanese reports whether c is a character between which and its
// neighbours a Japanese line may break: a wide character that is not
// Hangul (kana, kanji, fullwidth forms, CJK punctuation).
func japanese(c cell) bool { return c.w == 2 && !isHangul(c.r) }

func isHangul(r rune) bool {
	return r >= 0xac00 && r <= 0xd7a3 || // syllables
		r >= 0x1100 && r <= 0x11ff || // jamo
		r >= 0x3130 && r <= 0x318f || // compatibility jamo
		r >= 0xa960 && r <= 0xa97f || r >= 0xd7b0 && r <= 0xd7ff
}

func wrapLine(s string, width int) []string {
	if width <= 0 || Width(s) <= width {
		return []string{s}
	}
	cs := cells(s)
	brk := breaks(cs)
	var lines []string
	for start := 0; start < len(cs); {
		end := len(cs)
		w, wTrim, last := 0, 0, -1
		for i := start; i < len(cs); i++ {
			if i > start && brk[i] {
				if wTrim > width { // no break fitted: a line for the token alone
					end = i
					break
				}
				last = i
			}
			w += cs[i].w
			if !cs[i].space() {
				wTrim = w
			}
			if wTrim > width && last >= 0 {
				end = last
				break
			}
		}
		var b strings.Builder
		for _, c := range cs[start:end] {
			b.WriteString(c.s)
		}
		lines = append(lines, strings.TrimRight(b.String(), " \t"))
		start = end
		for start < len(cs) && cs[start].space() {
			start++
		}
	}
	return lines
}

// NoLineStart reports whether r may not begin a line (Japanese kinsoku
// shori, JIS X 4051 line-start prohibited characters, and their ASCII
// counterparts): closing brackets and quotes, commas and full stops, the
// middle dot, small kana, the long vowel and iteration marks.
func NoLineStart(r rune) bool {
	return strings.ContainsRune(noStart, r)
}

// NoLineEnd reports whether r may not end a line: opening brackets and
// quotes.
func NoLineEnd(r rune) bool {
	return strings.ContainsRune(noEnd, r)
}

const (
	noStart = "、。，．・：；？！゛゜ヽヾゝゞ々ー‐–〜～" +
		"）〕］｝〉》」』】〙〗〟’”｠»" +
		"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" +
		")]},.:;!?%>"
	noEnd = "（〔［｛〈《「『【〘〖〝‘“｟«" + "([{<"
)
