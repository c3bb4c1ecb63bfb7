// Package tui is the Bubble Tea interface: a root App holding a stack of
// pages (board, ticket, forms). Pages call the door and render; they never
// touch the database themselves.
package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
)

// Deps is everything a session's interface needs, passed down explicitly.
type Deps struct {
	Ctx  context.Context // the session's life; for cancellation only
	Door *door.Door
	User model.User
	Sub  *feed.Sub // change notices; nil means the screen is not live
}

func (d Deps) actor() model.Actor { return model.ActorOf(d.User) }

// page is one screen on the stack.
type page interface {
	update(msg tea.Msg) (page, tea.Cmd)
	view(width, height int) string
	keys() help.KeyMap
	refresh()           // re-read what it shows after a change
	capturesText() bool // true while typing, so q and ? are text
}

// Navigation messages.
type (
	pushMsg    struct{ p page }
	popMsg     struct{ flash string }
	changedMsg struct{ topics feed.Topic }
	tickMsg    struct{}
)

func push(p page) tea.Cmd { return func() tea.Msg { return pushMsg{p} } }
func pop(flash string) tea.Cmd {
	return func() tea.Msg { return popMsg{flash} }
}

// App is the root model of one session.
type App struct {
	deps          Deps
	stack         []page
	width, height int
	help          help.Model
	fullHelp      bool
	flash         string
}

// New builds the interface for one signed-in user, starting on the board.
func New(deps Deps) *App {
	if deps.Ctx == nil {
		deps.Ctx = context.Background()
	}
	a := &App{deps: deps, width: 80, height: 24, help: help.New()}
	a.stack = []page{newBoard(deps)}
	return a
}

// Init starts listening for changes and the clock.
func (a *App) Init() tea.Cmd { return tea.Batch(a.waitForChange(), tickEveryMinute(a.deps.Door.Now())) }

// waitForChange is re-armed after every notice: one goroutine per session at
// most, and it ends with the session.
func (a *App) waitForChange() tea.Cmd {
	sub, ctx := a.deps.Sub, a.deps.Ctx
	if sub == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case <-sub.Ready():
			return changedMsg{sub.Take()}
		case <-ctx.Done():
			return nil
		}
	}
}

// tickEveryMinute wakes the screen when the minute turns, for the clock and
// the ages; nothing on this screen changes faster.
func tickEveryMinute(now time.Time) tea.Cmd {
	next := now.Truncate(time.Minute).Add(time.Minute)
	return tea.Tick(next.Sub(now), func(time.Time) tea.Msg { return tickMsg{} })
}

func (a *App) top() page { return a.stack[len(a.stack)-1] }

// Update routes a message: size and changes to every page, keys to the top one.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		return a, nil
	case changedMsg:
		for _, p := range a.stack {
			p.refresh()
		}
		return a, a.waitForChange()
	case tickMsg:
		a.top().refresh()
		return a, tickEveryMinute(a.deps.Door.Now())
	case pushMsg:
		a.stack, a.flash, a.fullHelp = append(a.stack, msg.p), "", false
		return a, nil
	case popMsg:
		if len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
		}
		a.flash = msg.flash
		a.top().refresh()
		return a, nil
	case tea.KeyPressMsg:
		if cmd, done := a.globalKey(msg); done {
			return a, cmd
		}
		a.flash = ""
	}
	p, cmd := a.top().update(msg)
	a.stack[len(a.stack)-1] = p
	return a, cmd
}

// globalKey handles the keys every screen shares.
func (a *App) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch msg.String() {
	case "ctrl+c":
		return tea.Quit, true
	case "f1": // works while typing, where ? is text
		a.fullHelp = !a.fullHelp
		return nil, true
	}
	if a.top().capturesText() {
		return nil, false
	}
	switch msg.String() {
	case "q":
		return tea.Quit, true
	case "?":
		a.fullHelp = !a.fullHelp
		return nil, true
	}
	return nil, false
}

// View draws header, page and key help, fitted to the window.
func (a *App) View() tea.View {
	header := a.header()
	footer := a.footer()
	bodyHeight := a.height - lipgloss.Height(header) - lipgloss.Height(footer)
	body := a.top().view(a.width, max(bodyHeight, 1))
	body = padLines(body, bodyHeight)
	v := tea.NewView(header + "\n" + body + "\n" + footer)
	v.AltScreen = true
	v.WindowTitle = "Dispatch"
	return v
}

func (a *App) header() string {
	now := a.deps.Door.Now().In(a.deps.Door.Location())
	left := styleTitle.Render("DISPATCH") + "  " + safe(a.deps.User.Name) + styleMuted.Render(" · "+string(a.deps.User.Role))
	right := now.Format("Mon 2 Jan 15:04")
	gap := a.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return fit(left, a.width)
	}
	return left + spaces(gap) + styleMuted.Render(right)
}

func (a *App) footer() string {
	var b strings.Builder
	if a.flash != "" {
		b.WriteString(fit(styleOK.Render(a.flash), a.width) + "\n")
	}
	if a.fullHelp {
		b.WriteString(a.help.FullHelpView(a.top().keys().FullHelp()))
	} else {
		b.WriteString(a.help.ShortHelpView(a.top().keys().ShortHelp()))
	}
	return b.String()
}

// padLines makes s exactly n lines, cutting or padding, so the footer stays put.
func padLines(s string, n int) string {
	if n <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
