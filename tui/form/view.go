package form

import (
	"strings"

	"charm.land/lipgloss/v2"

	"dispatch/tui/draw"
	"dispatch/tui/theme"
)

func (f *Form) View(width, height int) string {
	inner := min(width-4, 100)
	var lines []string
	lines = append(lines, theme.Title.Render(draw.Fit(draw.Safe(f.title), inner)), "") // titles carry names people typed
	if f.general != "" {
		mark := "✗ "
		if f.warned {
			mark = "⚠ "
		}
		lines = append(lines, wrapError(mark+draw.Safe(f.general), inner, 0)...)
		lines = append(lines, "")
	}
	focusTop, focusEnd := 0, 0
	for i, fl := range f.fields {
		if i == f.current {
			focusTop = len(lines)
		}
		label := theme.Label.Render(f.labels[i])
		if i == f.current {
			label = theme.Focus.Width(11).Render(f.labels[i])
		}
		body := fl.view(inner - 12)
		lines = append(lines, label+" "+body[0])
		for _, more := range body[1:] {
			lines = append(lines, draw.Spaces(12)+more)
		}
		if msg := f.errs.For(f.names[i]); msg != "" {
			lines = append(lines, wrapError("✗ "+f.names[i]+" "+draw.Safe(msg), inner-12, 12)...)
		}
		if i == f.current {
			focusEnd = len(lines)
		}
	}
	lines = scrollToFocus(lines, focusTop, focusEnd, height-2) // the box's borders take two
	for i := range lines {
		lines[i] = draw.Fit(lines[i], inner) // a field may draw wider than asked; the box must not
	}
	body := theme.Box.Render(strings.Join(lines, "\n"))
	return draw.PadLines(body, height)
}

// scrollToFocus shows room lines of a form that does not fit, keeping the
// focused field and its error in view; the title stays on top.
func scrollToFocus(lines []string, top, end, room int) []string {
	if len(lines) <= room || room < 4 {
		return lines
	}
	off := 0
	if end > room {
		off = min(end-room+1, top-1) // keep one line for the title
	}
	shown := append([]string{lines[0]}, lines[1+off:min(len(lines), off+room)]...)
	return shown
}

// wrapError wraps a message to width, indented: an error must be read whole,
// since its second half says what to do.
func wrapError(msg string, width, indent int) []string {
	wrapped := lipgloss.NewStyle().Width(max(width, 10)).Render(msg)
	var out []string
	for _, l := range strings.Split(wrapped, "\n") {
		out = append(out, draw.Spaces(indent)+theme.Error.Render(strings.TrimRight(l, " ")))
	}
	return out
}
