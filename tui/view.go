package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
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
	a.flash = a.fade.Keep(a.flash, a.deps.Door.Now())
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

// drawnHeaders and drawnFooters share the lines above and below every page:
// sessions of one user at one size draw the same header in the same
// minute, and the same key help for the same keys.
var (
	drawnHeaders = draw.NewCache[headerKey, string](512)
	drawnFooters = draw.NewCache[footerKey, string](2048)
)

type headerKey struct {
	name, role, clock string
	waiting, width    int
}

type footerKey struct {
	keys, flash string
	width       int
	full        bool
}

func (a *App) header() string {
	k := headerKey{name: a.deps.User.Name, role: string(a.deps.User.Role), width: a.width,
		clock: a.deps.Door.Now().In(a.deps.Door.Location()).Format("Mon 2 Jan 15:04")}
	if _, onBoard := a.top().(*board.Board); !onBoard { // the board shows it itself
		k.waiting = a.waiting
	}
	return drawnHeaders.Get(k, func() string { return drawHeader(k) })
}

func drawHeader(k headerKey) string {
	left := theme.Title.Render("DISPATCH") + "  " + draw.Safe(k.name) + theme.Muted.Render(" · "+k.role)
	right := theme.Muted.Render(k.clock)
	if k.waiting > 0 {
		right = theme.Error.Bold(true).Render(fmt.Sprintf("⚑ %d waiting on you", k.waiting)) + "  " + right
	}
	gap := k.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return draw.Fit(left, k.width)
	}
	return left + draw.Spaces(gap) + right
}

func (a *App) footer() string {
	keys := a.top().Keys()
	k := footerKey{flash: a.flash, width: a.width, full: a.fullHelp}
	if a.fullHelp {
		k.keys = helpText(keys.FullHelp()...)
	} else {
		k.keys = helpText(keys.ShortHelp())
	}
	return drawnFooters.Get(k, func() string { return a.drawFooter(keys) })
}

// helpText names the keys help would show, to tell one footer from another
// without drawing it.
func helpText(columns ...[]key.Binding) string {
	var b strings.Builder
	for _, col := range columns {
		for _, k := range col {
			if k.Enabled() {
				b.WriteString(k.Help().Key + "\x00" + k.Help().Desc + "\x00")
			}
		}
		b.WriteString("\x01")
	}
	return b.String()
}

func (a *App) drawFooter(keys help.KeyMap) string {
	var b strings.Builder
	if a.flash != "" {
		b.WriteString(draw.Fit(theme.OK.Render(draw.Safe(a.flash)), a.width) + "\n") // flashes carry names people typed
	}
	help := a.help.ShortHelpView(keys.ShortHelp())
	if a.fullHelp {
		help = a.help.FullHelpView(keys.FullHelp())
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
