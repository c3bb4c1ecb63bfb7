package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
)

// myDayPage is where a technician lands: today's visits in order, the one
// that matters now drawn large, and one key for each step of a visit.
type myDayPage struct {
	deps     Deps
	km       myDayKeys
	cards    []door.VisitCard
	cursor   int
	selected int64 // kept across refreshes
	err      error
	notice   string
	noticeOK bool
}

func newMyDay(deps Deps) *myDayPage {
	m := &myDayPage{deps: deps, km: newMyDayKeys()}
	m.refresh()
	return m
}

func (m *myDayPage) keys() help.KeyMap  { return m.km }
func (m *myDayPage) capturesText() bool { return false }

// ticking: a timer runs on this screen whenever a visit of the day is under way.
func (m *myDayPage) ticking() bool {
	for _, c := range m.cards {
		if c.Phase().Active() {
			return true
		}
	}
	return false
}

func (m *myDayPage) refresh() {
	cards, err := m.deps.Door.MyDay(m.deps.Ctx, m.deps.actor())
	if err != nil {
		m.err = err
		return
	}
	m.cards, m.err = cards, nil
	m.cursor = -1
	for i, c := range cards {
		if c.ID == m.selected {
			m.cursor = i
		}
	}
	if m.cursor < 0 {
		m.cursor = m.whatNow()
	}
	m.remember()
}

// whatNow is the visit to show first: the one under way, else the next to
// start, else the last of the day.
func (m *myDayPage) whatNow() int {
	visits := make([]model.Visit, len(m.cards))
	for i, c := range m.cards {
		visits[i] = c.Visit
	}
	if cur := door.Current(visits); cur != nil {
		for i, c := range m.cards {
			if c.ID == cur.ID {
				return i
			}
		}
	}
	for i, c := range m.cards {
		if c.Phase() == model.PhaseScheduled {
			return i
		}
	}
	return max(len(m.cards)-1, 0)
}

func (m *myDayPage) remember() {
	if c, ok := m.current(); ok {
		m.selected = c.ID
		m.km.forPhase(c.Phase())
	} else {
		m.km.forPhase("")
	}
}

func (m *myDayPage) current() (door.VisitCard, bool) {
	if m.cursor >= 0 && m.cursor < len(m.cards) {
		return m.cards[m.cursor], true
	}
	return door.VisitCard{}, false
}

func (m *myDayPage) update(msg tea.Msg) (page, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.km.Down):
		m.cursor = min(m.cursor+1, len(m.cards)-1)
		m.remember()
		return m, nil
	case key.Matches(k, m.km.Up):
		m.cursor = max(m.cursor-1, 0)
		m.remember()
		return m, nil
	case key.Matches(k, m.km.Board):
		return m, push(newBoard(m.deps))
	}
	c, ok := m.current()
	if !ok {
		return m, nil
	}
	if key.Matches(k, m.km.Open) {
		return m, push(newDetail(m.deps, c.Ticket.ID))
	}
	kind, withForm, found := stepForKey(k.String(), c.Phase())
	if !found {
		return m, nil
	}
	m.notice = ""
	if err := model.CheckEvent(c.Visit, kind, m.deps.Door.Now(), m.deps.Door.Now(), m.deps.Door.Location()); err != nil && kind != model.EvNote {
		m.notice, m.noticeOK = err.Error(), false // say why, rather than ignore the key
		return m, nil
	}
	if withForm || kind.NeedsContact() || kind == model.EvNote {
		f := newStepForm(m.deps, c, kind)
		return m, tea.Batch(push(f), f.focusCurrent())
	}
	v, err := m.deps.Door.Record(m.deps.Ctx, m.deps.actor(), c.ID, door.Step{Kind: kind})
	if err != nil {
		m.notice, m.noticeOK = err.Error(), false
		return m, nil
	}
	m.notice, m.noticeOK = recordedFlash(v, kind, m.deps), true
	m.refresh()
	return m, nil
}

// stepForKey maps a key to the step it records on a visit in this phase: p
// pauses or resumes, w starts or stops shop work. Upper case asks for the
// time it happened, for a forgotten tap.
func stepForKey(k string, phase model.Phase) (kind model.EventKind, withForm, ok bool) {
	lower := strings.ToLower(k)
	withForm = lower != k
	switch lower {
	case "t":
		kind = model.EvTravelStarted
	case "a":
		kind = model.EvArrived
	case "p":
		kind = model.EvPaused
		if phase == model.PhasePaused {
			kind = model.EvResumed
		}
	case "d":
		kind = model.EvDeparted
	case "r":
		kind = model.EvTravelEnded
	case "w":
		kind = model.EvShopStarted
		if phase == model.PhaseInShop {
			kind = model.EvShopStopped
		}
	case "n":
		kind = model.EvNote
	default:
		return "", false, false
	}
	return kind, withForm, true
}
