package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// User text is data, never terminal control. CleanLine and CleanText remove
// every escape sequence (CSI, OSC, DCS and their 8-bit C1 forms), every other
// control character and every bidirectional override, so that nothing one user
// types can move another user's cursor, write their clipboard (OSC 52) or
// reorder what they read. ansi.Strip alone is not enough: it keeps C0 controls
// such as \r and the C1 introducer U+009B.

// CleanLine makes s safe as a one-line field: controls and sequences are
// removed, line breaks and tabs become spaces, and surrounding space is trimmed.
func CleanLine(s string) string {
	return strings.TrimSpace(clean(s, false))
}

// CleanName is CleanLine with runs of spaces made one: "Sam   Okafor" is
// the Sam Okafor already on file, not a second person.
func CleanName(s string) string {
	return strings.Join(strings.Fields(CleanLine(s)), " ")
}

// CleanText makes s safe as a multi-line field: like CleanLine but newlines
// are kept (CRLF and lone CR become LF) and tabs are kept.
func CleanText(s string) string {
	return strings.TrimSpace(clean(s, true))
}

// CleanPasted is what a paste may put into a field: CleanText's rules, its
// spaces kept where they fall (the paste may land mid-word).
func CleanPasted(s string) string { return clean(s, true) }

// IsBidiControl reports whether r reorders text: the embeddings, overrides and
// isolates (U+202A–202E, U+2066–2069) and the invisible marks (LRM, RLM, ALM).
func IsBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}

// clean walks s once, skipping whole escape sequences rather than just their
// introducer, so the payload of an OSC 52 never survives as text.
func clean(s string, multiline bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError) // invalid UTF-8 is shown, not passed through
			i += size
			if size == 0 {
				i++
			}
			continue
		case r == 0x1b: // ESC
			i = skipEscape(s, i+1)
			continue
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x90, r == 0x9d, r == 0x98, r == 0x9e, r == 0x9f: // 8-bit DCS, OSC, SOS, PM, APC
			i = skipString(s, i+size)
			continue
		case r == '\r':
			if multiline {
				if i+1 >= len(s) || s[i+1] != '\n' {
					b.WriteByte('\n')
				}
			} else {
				b.WriteByte(' ')
			}
		case r == '\n':
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			if multiline {
				b.WriteByte('\t')
			} else {
				b.WriteByte(' ')
			}
		case unicode.IsControl(r), IsBidiControl(r), r == 0x2028, r == 0x2029:
			// dropped: C0, DEL, C1, bidi controls, line/paragraph separators
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// skipEscape returns the index just past the escape sequence whose ESC was
// at i-1.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC
		return skipString(s, i+1)
	}
	// Two-byte escapes (ESC 7, ESC c …) and nF sequences with intermediates.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) {
		i++
	}
	return i
}

// skipCSI skips parameters and intermediates up to and including the final byte.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 || c > 0x7e {
			return i // malformed: stop at the first byte that cannot belong
		}
	}
	return i
}

// skipString skips a control string up to BEL, ST (ESC \) or 8-bit ST (U+009C).
func skipString(s string, i int) int {
	for i < len(s) {
		if s[i] == 0x07 {
			return i + 1
		}
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
			return i + 2
		}
		if r, size := utf8.DecodeRuneInString(s[i:]); r == 0x9c {
			return i + size
		} else {
			i += size
		}
	}
	return i
}

// TextLimit is the longest a field may be, in characters.
type TextLimit struct {
	Field string
	Max   int
}

// Check refuses text longer than the limit with a message that says by how much.
func (l TextLimit) Check(s string) error {
	if n := utf8.RuneCountInString(s); n > l.Max {
		return FieldError{Field: l.Field, Msg: fmt.Sprintf("is %d characters; the limit is %d — shorten it", n, l.Max)}
	}
	return nil
}

// Plural counts things in words: "1 row", "3 rows".
func Plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
