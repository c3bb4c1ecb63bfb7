package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"dispatch/tui/board"
	"dispatch/tui/draw"
	"dispatch/tui/theme"
	"dispatch/tui/wall"
)

// View draws header, page and key help, fitted to the window.
func (a *App) View() tea.View {
	if w, ok := a.top().(*wall.Wall); ok { // the wall draws its own header, and needs no key help
		v := tea.NewView(w.View(a.width, a.height))
		v.AltScreen = true
		v.WindowTitle = "Dispatch wall"
		return v
	}
	header := a.header()
	footer := a.footer()
	bodyHeight := a.height - lipgloss.Height(header) - lipgloss.Height(footer)
	body := a.top().View(a.width, max(bodyHeight, 1))
	body = draw.PadLines(body, bodyHeight)
	v := tea.NewView(header + "\n" + body + "\n" + footer)
	v.AltScreen = true
	v.WindowTitle = "Dispatch"
	return v
}

func (a *App) header() string {
	now := a.deps.Door.Now().In(a.deps.Door.Location())
	left := theme.Title.Render("DISPATCH") + "  " + draw.Safe(a.deps.User.Name) + theme.Muted.Render(" · "+string(a.deps.User.Role))
	right := theme.Muted.Render(now.Format("Mon 2 Jan 15:04"))
	if _, onBoard := a.top().(*board.Board); a.waiting > 0 && !onBoard { // the board shows it itself
		right = theme.Error.Bold(true).Render(fmt.Sprintf("⚑ %d waiting on you", a.waiting)) + "  " + right
	}
	gap := a.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return draw.Fit(left, a.width)
	}
	return left + draw.Spaces(gap) + right
}

func (a *App) footer() string {
	var b strings.Builder
	if a.flash != "" {
		b.WriteString(draw.Fit(theme.OK.Render(draw.Safe(a.flash)), a.width) + "\n") // flashes carry names people typed
	}
	help := a.help.ShortHelpView(a.top().Keys().ShortHelp())
	if a.fullHelp {
		help = a.help.FullHelpView(a.top().Keys().FullHelp())
	}
	// The help model lets a line run past its width when not even its
	// ellipsis fits; the footer must never wrap.
	lines := strings.Split(help, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(draw.Fit(lines[i], a.width), " ")
	}
	b.WriteString(strings.Join(lines, "\n"))
	return b.String()
}
