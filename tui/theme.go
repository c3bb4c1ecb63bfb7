package tui

import (
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dispatch/model"
)

// Styles are defined once with full colours; Bubble Tea reduces them per
// session to what that terminal can show (256, 16 or none under NO_COLOR).
var (
	colAccent = lipgloss.Color("#7D56F4")
	colMuted  = lipgloss.Color("#8A8A8A")
	colRed    = lipgloss.Color("#FF5F5F")
	colAmber  = lipgloss.Color("#FFAF00")
	colGreen  = lipgloss.Color("#5FD787")
	colBlue   = lipgloss.Color("#5FAFFF")
	colCyan   = lipgloss.Color("#5FD7D7")
	colPink   = lipgloss.Color("#D787D7")

	styleTitle    = lipgloss.NewStyle().Bold(true).Foreground(colAccent)
	styleHeader   = lipgloss.NewStyle().Bold(true)
	styleMuted    = lipgloss.NewStyle().Foreground(colMuted)
	styleSection  = lipgloss.NewStyle().Bold(true).Foreground(colBlue)
	styleSelected = lipgloss.NewStyle().Reverse(true)
	styleError    = lipgloss.NewStyle().Foreground(colRed)
	styleWarn     = lipgloss.NewStyle().Foreground(colAmber)
	styleOK       = lipgloss.NewStyle().Foreground(colGreen)
	styleTravel   = lipgloss.NewStyle().Foreground(colCyan)
	styleShop     = lipgloss.NewStyle().Foreground(colPink)
	styleLabel    = lipgloss.NewStyle().Foreground(colMuted).Width(11)
	styleFocus    = lipgloss.NewStyle().Foreground(colAccent).Bold(true)
	styleBox      = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colAccent).Padding(0, 1)
)

var priorityStyle = map[model.Priority]lipgloss.Style{
	model.P1: lipgloss.NewStyle().Foreground(colRed).Bold(true),
	model.P2: lipgloss.NewStyle().Foreground(colAmber),
	model.P3: lipgloss.NewStyle(),
	model.P4: styleMuted,
}

// safe makes stored text drawable: it was cleaned on the way in, and is
// cleaned again here in case anything reached the database another way.
func safe(s string) string { return model.CleanLine(s) }

// fit cuts s to w cells with an ellipsis, or pads it to exactly w.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s += spaces(pad)
	}
	return s
}

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}
