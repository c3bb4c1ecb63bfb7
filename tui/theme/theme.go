// Package theme holds the styles every screen draws with. They are defined
// once with full colours; Bubble Tea reduces them per session to what that
// terminal can show (256, 16 or none under NO_COLOR), so sharing them
// among sessions is safe.
package theme

import (
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"dispatch/model"
)

var (
	colAccent = lipgloss.Color("#7D56F4")
	colMuted  = lipgloss.Color("#8A8A8A")
	colRed    = lipgloss.Color("#FF5F5F")
	colAmber  = lipgloss.Color("#FFAF00")
	colGreen  = lipgloss.Color("#5FD787")
	colBlue   = lipgloss.Color("#5FAFFF")
	colCyan   = lipgloss.Color("#5FD7D7")
	colPink   = lipgloss.Color("#D787D7")

	Title    = lipgloss.NewStyle().Bold(true).Foreground(colAccent)
	Header   = lipgloss.NewStyle().Bold(true)
	Muted    = lipgloss.NewStyle().Foreground(colMuted)
	Section  = lipgloss.NewStyle().Bold(true).Foreground(colBlue)
	Selected = lipgloss.NewStyle().Reverse(true)
	Error    = lipgloss.NewStyle().Foreground(colRed)
	Warn     = lipgloss.NewStyle().Foreground(colAmber)
	OK       = lipgloss.NewStyle().Foreground(colGreen)
	Travel   = lipgloss.NewStyle().Foreground(colCyan)
	Shop     = lipgloss.NewStyle().Foreground(colPink)
	Label    = lipgloss.NewStyle().Foreground(colMuted).Width(11)
	Focus    = lipgloss.NewStyle().Foreground(colAccent).Bold(true)
	Box      = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colAccent).Padding(0, 1)
)

// Priority colours a priority the same way on every screen.
var Priority = map[model.Priority]lipgloss.Style{
	model.P1: lipgloss.NewStyle().Foreground(colRed).Bold(true),
	model.P2: lipgloss.NewStyle().Foreground(colAmber),
	model.P3: lipgloss.NewStyle(),
	model.P4: Muted,
}

// Phase colours a visit's phase the same way on every screen.
func Phase(p model.Phase) lipgloss.Style {
	switch p {
	case model.PhaseTravelling, model.PhaseReturning:
		return Travel
	case model.PhaseOnSite:
		return OK
	case model.PhasePaused:
		return Warn
	case model.PhaseInShop:
		return Shop
	}
	return Muted
}

// EstimateLevel is green under 80% of the estimate, amber near it and red
// past it.
func EstimateLevel(l model.EstimateLevel) lipgloss.Style {
	switch l {
	case model.EstimateNear:
		return Warn
	case model.EstimateOver:
		return Error
	}
	return OK
}

// Input is the text field styles, with a steady cursor: a blinking one
// would redraw every session twice a second for nothing.
func Input() textinput.Styles {
	s := textinput.DefaultDarkStyles()
	s.Cursor.Blink = false
	s.Focused.Prompt = Focus
	return s
}
