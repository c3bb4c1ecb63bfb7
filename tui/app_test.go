package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/model/door/doortest"
)

// The office clock for every screen test: Wednesday 25 November 2026, 10:00 UTC.
var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

type screenTest struct {
	t     testing.TB
	app   *App
	door  *door.Door
	clock *model.FixedClock
}

// newScreen seeds the demo office at testNow and opens the interface as a
// user with the given role.
func newScreen(t testing.TB, role model.Role, width, height int) *screenTest {
	t.Helper()
	o := doortest.OpenDemo(t, testNow)
	u := o.AddUser(t, "Rita Gomez", role, "")
	st := &screenTest{t: t, app: New(Deps{Ctx: context.Background(), Door: o.Door, User: u}), door: o.Door, clock: o.Clock}
	st.send(tea.WindowSizeMsg{Width: width, Height: height})
	return st
}

// send delivers a message and runs the commands it returns, feeding their
// messages back, as the Bubble Tea loop would. Commands that do not answer
// at once (timers) are dropped.
func (s *screenTest) send(msg tea.Msg) {
	s.t.Helper()
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		if batch, ok := m.(tea.BatchMsg); ok {
			for _, c := range batch {
				queue = append(queue, run(c)...)
			}
			continue
		}
		_, cmd := s.app.Update(m)
		queue = append(queue, run(cmd)...)
	}
}

func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	out := make(chan tea.Msg, 1)
	go func() { out <- cmd() }()
	select {
	case m := <-out:
		if m == nil {
			return nil
		}
		if _, quit := m.(tea.QuitMsg); quit {
			return nil
		}
		return []tea.Msg{m}
	case <-time.After(100 * time.Millisecond):
		return nil
	}
}

// keys presses each key in turn: names like "enter", "tab", "ctrl+s", or text typed rune by rune.
func (s *screenTest) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if msg, ok := named[k]; ok {
			s.send(msg)
			continue
		}
		for _, r := range k {
			s.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
}

var named = map[string]tea.KeyPressMsg{
	"enter":     {Code: tea.KeyEnter},
	"esc":       {Code: tea.KeyEscape},
	"tab":       {Code: tea.KeyTab},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
	"down":      {Code: tea.KeyDown},
	"up":        {Code: tea.KeyUp},
	"ctrl+s":    {Code: 's', Mod: tea.ModCtrl},
	"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
	"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
	"f1":        {Code: tea.KeyF1},
	"space":     {Code: tea.KeySpace, Text: " "},
}

// screen is what the user sees, without colour.
func (s *screenTest) screen() string { return ansi.Strip(s.app.View().Content) }

func (s *screenTest) mustSee(want ...string) {
	s.t.Helper()
	scr := s.screen()
	for _, w := range want {
		if !strings.Contains(scr, w) {
			s.t.Fatalf("screen lacks %q:\n%s", w, scr)
		}
	}
}

func (s *screenTest) mustNotSee(unwanted ...string) {
	s.t.Helper()
	scr := s.screen()
	for _, w := range unwanted {
		if strings.Contains(scr, w) {
			s.t.Fatalf("screen shows %q:\n%s", w, scr)
		}
	}
}

// fitsWindow checks every line fits the width and the screen has exactly the window's height.
func (s *screenTest) fitsWindow(width, height int) {
	s.t.Helper()
	lines := strings.Split(s.app.View().Content, "\n")
	if len(lines) != height {
		s.t.Errorf("screen has %d lines, window has %d", len(lines), height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			s.t.Errorf("line %d is %d cells wide, window is %d: %q", i, w, width, ansi.Strip(l))
		}
	}
}

// cursorLine is the board line under the cursor.
func (s *screenTest) cursorLine() string {
	for _, l := range strings.Split(s.screen(), "\n") {
		if strings.HasPrefix(l, "▸ ") {
			return l
		}
	}
	return ""
}
