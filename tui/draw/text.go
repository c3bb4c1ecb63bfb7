// Package draw holds what several screens draw alike: text fitted to a
// width, stored text made safe, timers, estimate bars, SLA clocks, a
// request's state, and the cache that shares a drawing among sessions.
package draw

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dispatch/model"
)

// Safe makes stored text drawable: it was cleaned on the way in, and is
// cleaned again here in case anything reached the database another way.
func Safe(s string) string { return model.CleanLine(s) }

// Fit cuts s to w cells with an ellipsis, or pads it to exactly w.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s += Spaces(pad)
	}
	return s
}

// Spaces is n blanks.
func Spaces(n int) string {
	if n <= 0 {
		return ""
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

// PadLines makes s exactly n lines, cutting or padding, so the footer stays put.
func PadLines(s string, n int) string {
	if n <= 0 {
		return ""
	}
	// Counted and cut in place: every session pads every frame it draws.
	lines, end := 1, len(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			if lines == n {
				end = i
				break
			}
			lines++
		}
	}
	if lines < n {
		return s + strings.Repeat("\n", n-lines)
	}
	return s[:end]
}

// WrapNotice wraps a message whole: its second half says what to do.
func WrapNotice(style lipgloss.Style, msg string, width int) []string {
	var out []string
	for _, l := range strings.Split(lipgloss.NewStyle().Width(max(width-2, 10)).Render(Safe(msg)), "\n") {
		out = append(out, style.Render(strings.TrimRight(l, " ")))
	}
	return out
}

// Hang wraps text after a first-line prefix to width, later lines indented
// by indent cells, so a long entry reads whole rather than cut. The prefix
// may be styled; text is drawn as it is.
func Hang(prefix, text string, width, indent int) []string {
	room := func(first bool) int {
		if first {
			return max(width-ansi.StringWidth(prefix), 10)
		}
		return max(width-indent, 10)
	}
	var out []string
	line, first := "", true
	flush := func() {
		if first {
			out = append(out, prefix+line)
		} else {
			out = append(out, Spaces(indent)+line)
		}
		line, first = "", false
	}
	for _, w := range strings.Fields(text) {
		for ansi.StringWidth(w) > room(first) { // a word longer than a line is cut across lines
			if line != "" {
				flush()
			}
			cut := ansi.Truncate(w, room(first), "")
			line, w = cut, strings.TrimPrefix(w, cut)
			flush()
		}
		switch {
		case line == "":
			line = w
		case ansi.StringWidth(line)+1+ansi.StringWidth(w) <= room(first):
			line += " " + w
		default:
			flush()
			line = w
		}
	}
	if line != "" || first {
		flush()
	}
	return out
}
