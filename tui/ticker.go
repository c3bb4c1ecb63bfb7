package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// tickMsg is one tick of a session's clock; gen tells its chain.
type tickMsg struct{ gen int }

// ticker keeps one chain of clock ticks per session at the pace the screen
// needs: each second while a running timer is on screen, else each minute
// (for the header clock and the ages). Changing pace starts a new chain;
// the old chain's last tick carries a stale generation and is dropped, so
// there is never more than one.
type ticker struct {
	gen     int
	fast    bool
	started bool
	minute  time.Time // the minute the page was last refreshed in
}

func (t *ticker) start(fast bool, now time.Time) tea.Cmd {
	t.started, t.fast, t.minute = true, fast, now.Truncate(time.Minute)
	t.gen++
	return t.next(now)
}

// adjust changes pace if the screen now needs another.
func (t *ticker) adjust(fast bool, now time.Time) tea.Cmd {
	if !t.started || fast == t.fast {
		return nil
	}
	t.fast = fast
	t.gen++
	return t.next(now)
}

// tick answers one tick: the next one, and whether the minute turned.
func (t *ticker) tick(msg tickMsg, now time.Time) (tea.Cmd, bool) {
	if msg.gen != t.gen {
		return nil, false
	}
	m := now.Truncate(time.Minute)
	turned := m.After(t.minute)
	if turned {
		t.minute = m
	}
	return t.next(now), turned
}

// next waits until the next whole second or minute, so timers on every
// screen turn over together.
func (t *ticker) next(now time.Time) tea.Cmd {
	gen, step := t.gen, time.Minute
	if t.fast {
		step = time.Second
	}
	return tea.Tick(now.Truncate(step).Add(step).Sub(now), func(time.Time) tea.Msg { return tickMsg{gen} })
}

// TicksEverySecond reports whether the clock ticks each second because a
// running timer is on screen, rather than each minute.
func (a *App) TicksEverySecond() bool { return a.ticks.fast }

// ClockTick is the tick the session's clock sends next: a test that moves
// an injected clock delivers it itself instead of waiting for real time.
func (a *App) ClockTick() tea.Msg { return tickMsg{a.ticks.gen} }
