package screentest

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"dispatch/tui"
)

// Send delivers a message and runs the commands it returns, feeding their
// messages back, as the Bubble Tea loop would. Commands that do not answer
// at once (timers) are dropped.
func (s *Screen) Send(msg tea.Msg) {
	s.T.Helper()
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
		_, cmd := s.App.Update(m)
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

// Keys presses each key in turn: names like "enter", "tab", "ctrl+s", or
// text typed rune by rune.
func (s *Screen) Keys(keys ...string) {
	s.T.Helper()
	for _, k := range keys {
		if msg, ok := named[k]; ok {
			s.Send(msg)
			continue
		}
		for _, r := range k {
			s.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
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
	"pgdown":    {Code: tea.KeyPgDown},
	"pgup":      {Code: tea.KeyPgUp},
	"space":     {Code: tea.KeySpace, Text: " "},
}

// Changed delivers what the feed would: something changed, read again.
func (s *Screen) Changed() { s.Send(tui.ChangedMsg{}) }

// Tick delivers the clock's next tick, as if the second had passed.
func (s *Screen) Tick() { s.Send(s.App.ClockTick()) }

// MustQuitOnQ presses q and checks the program is told to quit.
func (s *Screen) MustQuitOnQ() {
	s.T.Helper()
	_, cmd := s.App.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd == nil {
		s.T.Fatal("q did nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		s.T.Error("q did not quit")
	}
}
