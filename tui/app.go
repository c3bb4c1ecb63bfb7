// Package tui is the Bubble Tea interface: a root App holding a stack of
// pages (board, ticket, forms). Pages call the door and render; they never
// touch the database themselves.
package tui

import (
	"context"
	"fmt"
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
	Sub  *feed.Sub  // change notices; nil means the screen is not live
	Wall bool       // open the read-only wall display instead of the board
	nav  *navigator // set by New: pages open pages on it at once
	// KeyIdle ends a session with no key pressed for this long (0: never).
	// It counts keys, not traffic: a ticking screen is always sending. A
	// wall is never ended.
	KeyIdle time.Duration
}

func (d Deps) actor() model.Actor { return model.ActorOf(d.User) }

// page is one screen on the stack.
type page interface {
	update(msg tea.Msg) (page, tea.Cmd)
	view(width, height int) string
	keys() help.KeyMap
	refresh()           // re-read what it shows after a change
	capturesText() bool // true while typing, so q and ? are text
	ticking() bool      // a running timer is on screen: redraw every second
}

// Navigation messages.
type (
	pushMsg    struct{ p page }
	popMsg     struct{ flash string }
	replaceMsg struct{ p page } // the top page gives way to the next step
	changedMsg struct{ topics feed.Topic }
	tickMsg    struct{ gen int }
)

// navigator holds the moves a page made while handling a message (a page
// opened, closed or swapped), for the App to make before it reads the next
// one. (A move by command would land only when the command came back, and keys
// typed right after the key that opened a form ("c" then "called Sue",
// arriving together) would reach the page underneath: "e" there opens the
// editor.)
type navigator struct{ moves []tea.Msg }

// open puts a page on top at once.
func (d Deps) open(p page) tea.Cmd { return d.move(pushMsg{p}) }

// close takes the top page away at once, leaving a flash on the one below.
func (d Deps) close(flash string) tea.Cmd { return d.move(popMsg{flash}) }

// swap puts the next step in the top page's place at once.
func (d Deps) swap(p page) tea.Cmd { return d.move(replaceMsg{p}) }

func (d Deps) move(m tea.Msg) tea.Cmd {
	if d.nav == nil {
		return func() tea.Msg { return m }
	}
	d.nav.moves = append(d.nav.moves, m)
	return nil
}

// App is the root model of one session.
type App struct {
	deps          Deps
	stack         []page
	width, height int
	help          help.Model
	fullHelp      bool
	flash         string
	ticks         ticker
	waiting       int // decisions waiting for a dispatcher, shown to the office on every screen
	lastKey       time.Time
	ended         string // why the session ended, when it was not the user's choice
}

// New builds the interface for one signed-in user: a technician starts on
// their day, everyone else on the board.
func New(deps Deps) *App {
	if deps.Ctx == nil {
		deps.Ctx = context.Background()
	}
	deps.nav = &navigator{}
	a := &App{deps: deps, width: 80, height: 24, help: help.New(), lastKey: deps.Door.Now()}
	switch {
	case deps.Wall || deps.User.Role == model.RoleViewer:
		a.stack = []page{newWall(deps)}
		return a
	case deps.User.Role == model.RoleTech:
		a.stack = []page{newMyDay(deps)}
	default:
		a.stack = []page{newBoard(deps)}
	}
	a.countWaiting()
	return a
}

// countWaiting keeps the header's badge current for those who decide.
func (a *App) countWaiting() {
	if !a.deps.User.Role.Can(model.ActSuperviseWork) {
		return
	}
	if n, err := a.deps.Door.Waiting(a.deps.Ctx, a.deps.actor()); err == nil {
		a.waiting = n
	}
}

// Init starts listening for changes and the clock.
func (a *App) Init() tea.Cmd {
	return tea.Batch(a.waitForChange(), a.ticks.start(a.top().ticking(), a.deps.Door.Now()))
}

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

func (a *App) top() page { return a.stack[len(a.stack)-1] }

// Update routes a message, then keeps the clock ticking as fast as the
// screen now needs: every second while a timer runs on it, else each minute.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.route(msg)
	if retime := a.ticks.adjust(a.top().ticking(), a.deps.Door.Now()); retime != nil {
		cmd = tea.Batch(cmd, retime)
	}
	return a, cmd
}

// route sends size and changes to every page, keys to the top one.
func (a *App) route(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.PasteMsg); ok {
		a.lastKey = a.deps.Door.Now()
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		return nil
	case changedMsg:
		for _, p := range a.stack {
			p.refresh()
		}
		a.countWaiting()
		return a.waitForChange()
	case tickMsg:
		if a.idleTooLong() {
			a.ended = fmt.Sprintf("ended after %s without a key press; connect again to carry on", model.FormatDuration(a.deps.KeyIdle))
			return tea.Quit
		}
		next, minuteTurned := a.ticks.tick(msg, a.deps.Door.Now())
		if minuteTurned {
			a.top().refresh() // the ages and late marks move by the minute
		}
		return next
	case pushMsg:
		a.stack, a.flash, a.fullHelp = append(a.stack, msg.p), "", false
		return nil
	case replaceMsg:
		a.stack[len(a.stack)-1], a.flash, a.fullHelp = msg.p, "", false
		return nil
	case popMsg:
		if len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
		}
		a.flash = msg.flash
		a.top().refresh()
		return nil
	case tea.KeyPressMsg:
		a.lastKey = a.deps.Door.Now()
		if cmd, done := a.globalKey(msg); done {
			return cmd
		}
		a.flash = ""
	}
	p, cmd := a.top().update(msg)
	a.stack[len(a.stack)-1] = p
	moves := a.deps.nav.moves
	a.deps.nav.moves = nil
	for _, m := range moves {
		a.route(m)
	}
	return cmd
}

// idleTooLong reports whether nobody has pressed a key for the limit. A
// wall has nobody to press one.
func (a *App) idleTooLong() bool {
	if _, wall := a.top().(*wallPage); wall || a.deps.KeyIdle <= 0 {
		return false
	}
	return a.deps.Door.Now().Sub(a.lastKey) >= a.deps.KeyIdle
}

// Ended says why the session ended, if the user did not end it.
func (a *App) Ended() string { return a.ended }

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
	if wall, ok := a.top().(*wallPage); ok { // the wall draws its own header, and needs no key help
		v := tea.NewView(wall.view(a.width, a.height))
		v.AltScreen = true
		v.WindowTitle = "Dispatch wall"
		return v
	}
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
	right := styleMuted.Render(now.Format("Mon 2 Jan 15:04"))
	if _, onBoard := a.top().(*boardPage); a.waiting > 0 && !onBoard { // the board shows it itself
		right = styleError.Bold(true).Render(fmt.Sprintf("⚑ %d waiting on you", a.waiting)) + "  " + right
	}
	gap := a.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return fit(left, a.width)
	}
	return left + spaces(gap) + right
}

func (a *App) footer() string {
	var b strings.Builder
	if a.flash != "" {
		b.WriteString(fit(styleOK.Render(a.flash), a.width) + "\n")
	}
	help := a.help.ShortHelpView(a.top().keys().ShortHelp())
	if a.fullHelp {
		help = a.help.FullHelpView(a.top().keys().FullHelp())
	}
	// The help model lets a line run past its width when not even its
	// ellipsis fits; the footer must never wrap.
	lines := strings.Split(help, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(fit(lines[i], a.width), " ")
	}
	b.WriteString(strings.Join(lines, "\n"))
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
