// Package tui is the Bubble Tea interface of one session: a root App
// holding a stack of pages. The pages live in a package per screen family
// (board, ticket, myday, scope, wall) and call the door; the App routes
// messages to them, builds the pages one family opens in another, and draws
// the header and key help around them.
package tui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/feed"
	"dispatch/tui/board"
	"dispatch/tui/myday"
	"dispatch/tui/page"
	"dispatch/tui/wall"
)

// Deps is everything a session's interface needs, passed down explicitly.
type Deps struct {
	Ctx  context.Context // the session's life; for cancellation only
	Door *door.Door
	User model.User
	Sub  *feed.Sub // change notices; nil means the screen is not live
	Wall bool      // open the read-only wall display instead of the board
	// KeyIdle ends a session with no key pressed for this long (0: never).
	// It counts keys, not traffic: a ticking screen is always sending. A
	// wall is never ended.
	KeyIdle time.Duration
}

// ChangedMsg is a notice from the feed: something changed, every page on
// the stack reads again what it shows.
type ChangedMsg struct {
	Topics feed.Topic
	At     time.Time // when it was taken: the next waits a frame from it
}

// App is the root model of one session.
type App struct {
	deps          Deps
	pages         page.Deps       // what every page is given
	nav           *page.Navigator // the moves pages make, made before the next message
	stack         []page.Page
	width, height int
	help          help.Model
	fullHelp      bool
	flash         string
	fade          page.Fade // the flash goes once read
	ticks         ticker
	waiting       int // decisions waiting for a dispatcher, shown to the office on every screen
	lastKey       time.Time
	lastChange    time.Time // when the last change notice was taken (wall time: it paces redraws)
	ended         string    // why the session ended, when it was not the user's choice
}

// New builds the interface for one signed-in user: a technician starts on
// their day, everyone else on the board.
func New(deps Deps) *App {
	if deps.Ctx == nil {
		deps.Ctx = context.Background()
	}
	a := &App{deps: deps, width: 80, height: 24, help: help.New(), lastKey: deps.Door.Now()}
	a.help.SetWidth(a.width) // the help is as wide as the window, from the start: footers are shared by width
	a.pages, a.nav = page.NewDeps(deps.Ctx, deps.Door, deps.User)
	switch {
	case deps.Wall || deps.User.Role == model.RoleViewer:
		a.stack = []page.Page{wall.New(a.pages)}
		return a
	case deps.User.Role == model.RoleTech:
		a.stack = []page.Page{myday.New(a.pages)}
	default:
		a.stack = []page.Page{board.New(a.pages)}
	}
	a.countWaiting()
	return a
}

// countWaiting keeps the header's badge current for those who decide.
func (a *App) countWaiting() {
	if !a.deps.User.Role.Can(model.ActSuperviseWork) {
		return
	}
	if n, err := a.deps.Door.Waiting(a.deps.Ctx, a.pages.Actor()); err == nil {
		a.waiting = n
	}
}

// Init starts listening for changes and the clock.
func (a *App) Init() tea.Cmd {
	return tea.Batch(a.waitForChange(), a.ticks.start(a.top().Ticking(), a.deps.Door.Now()))
}

// ChangeFrame is the least time between two redraws for changes: a change
// alone is drawn at once, and the writes that land within a frame of the
// last redraw wait for its end and are drawn together, once. A person
// cannot tell 50 ms; a busy office's writes then cost each session at
// most twenty redraws a second, however many arrive.
const ChangeFrame = 50 * time.Millisecond

// changeFrame grows the frame by one for every hundred sessions open. Every
// session redraws after a change, and on a 2-core server a round of 500
// redraws takes about 200 ms: at 50 ms a stream of writes would leave the
// server little time to make them (dispatch-bench at 500 sessions: 100–108
// writes/s at 50 ms, 133–134 at 250 ms). A change alone is still drawn at
// once; only changes following one another wait.
func changeFrame(sessions int) time.Duration {
	return ChangeFrame * time.Duration(max(1, sessions/100))
}

// waitForChange is re-armed after every notice: one goroutine per session at
// most, and it ends with the session.
func (a *App) waitForChange() tea.Cmd {
	sub, ctx, last := a.deps.Sub, a.deps.Ctx, a.lastChange
	if sub == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case <-sub.Ready():
		case <-ctx.Done():
			return nil
		}
		next := last.Add(changeFrame(sub.Sessions()))
		if wait := time.Until(next); wait > 0 { // the notices merge in the feed meanwhile
			t := time.NewTimer(wait)
			defer t.Stop()
			select {
			case <-t.C:
			case <-ctx.Done():
				return nil
			}
		}
		return ChangedMsg{Topics: sub.Take(), At: time.Now()}
	}
}

func (a *App) top() page.Page { return a.stack[len(a.stack)-1] }

// Update routes a message, then keeps the clock ticking as fast as the
// screen now needs: every second while a timer runs on it, else each minute.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.route(msg)
	// A flash on screen ticks too: it goes on the second it has had its time.
	if retime := a.ticks.adjust(a.top().Ticking() || a.flash != "", a.deps.Door.Now()); retime != nil {
		cmd = tea.Batch(cmd, retime)
	}
	return a, cmd
}

// route sends size and changes to every page, keys to the top one.
func (a *App) route(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) { // what is typed is drawn as typed: no control reaches the screen
	case tea.PasteMsg:
		a.lastKey = a.deps.Door.Now()
		msg = tea.PasteMsg{Content: model.CleanPasted(m.Content)}
	case tea.KeyPressMsg:
		if m.Text != "" && model.CleanPasted(m.Text) != m.Text {
			return nil
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		return nil
	case ChangedMsg:
		a.lastChange = msg.At
		for _, p := range a.stack {
			p.Refresh()
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
			a.top().Refresh() // the ages and late marks move by the minute
		}
		return next
	case page.OpenMsg, page.SwapMsg, page.CloseMsg, page.GoMsg:
		return a.navigate(msg)
	case tea.KeyPressMsg:
		a.lastKey = a.deps.Door.Now()
		if cmd, done := a.globalKey(msg); done {
			return cmd
		}
		a.flash = ""
	}
	p, cmd := a.top().Update(msg)
	a.stack[len(a.stack)-1] = p
	for _, m := range a.nav.Take() {
		cmd = tea.Batch(cmd, a.route(m))
	}
	return cmd
}

// idleTooLong reports whether nobody has pressed a key for the limit. A
// wall has nobody to press one.
func (a *App) idleTooLong() bool {
	if _, isWall := a.top().(*wall.Wall); isWall || a.deps.KeyIdle <= 0 {
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
	case "esc":
		if a.fullHelp { // esc closes the keys first, not the page under them
			a.fullHelp = false
			return nil, true
		}
	}
	if a.top().CapturesText() {
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
