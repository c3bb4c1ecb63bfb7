// Package myday is where a technician lands: today's visits, the one that
// matters now drawn large with its timers and prompts, and one key for each
// step of a visit.
package myday

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/page"
)

// Day is where a technician lands: today's visits in order, the one
// that matters now drawn large, and one key for each step of a visit.
type Day struct {
	deps     page.Deps
	km       keyMap
	cards    []door.VisitCard
	cursor   int
	selected int64 // kept across refreshes
	err      error
	notice   string
	noticeOK bool
	fade     page.Fade // the notice goes once read
	// announced holds the supervisors' decisions already on screen when read
	// or already told, so each new one is told once, however the feed's
	// notices merged.
	announced map[int64]bool
}

// New reads the signed-in technician's day.
func New(deps page.Deps) *Day {
	m := &Day{deps: deps, km: newKeyMap()}
	m.Refresh()
	return m
}

func (m *Day) Keys() help.KeyMap { return m.km }

func (m *Day) CapturesText() bool { return false }

// Ticking: a timer runs on this screen whenever a visit of the day is under way.
func (m *Day) Ticking() bool {
	if m.notice != "" {
		return true // the notice goes on the second it has had its time
	}
	for _, c := range m.cards {
		if c.Phase().Active() {
			return true
		}
	}
	return false
}

func (m *Day) Refresh() {
	cards, err := m.deps.Door.MyDay(m.deps.Ctx, m.deps.Actor())
	if err != nil {
		m.err = err
		return
	}
	m.cards, m.err = cards, nil
	m.noticeDecided()
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
func (m *Day) whatNow() int {
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

func (m *Day) remember() {
	if c, ok := m.current(); ok {
		m.selected = c.ID
		m.km.forPhase(c.Phase())
		var others []model.Phase
		for _, o := range m.cards {
			if o.ID != c.ID {
				others = append(others, o.Phase())
			}
		}
		m.km.forElsewhere(others)
		if model.VisitsClosed(c.Ticket, c.Phase()) {
			m.km.forPhase("") // its ticket is closed: notes only
			m.km.Note.SetEnabled(true)
			m.km.Open.SetEnabled(true)
		}
	} else {
		m.km.forPhase("")
	}
	m.syncKeys()
}

// syncKeys offers the side keys the selected visit allows now: a prompt
// falls due as the clock runs, not only when something changes.
func (m *Day) syncKeys() {
	c, ok := m.current()
	if !ok {
		m.km.forVisit(false, false, false)
		return
	}
	phase := c.Phase()
	onSite := phase == model.PhaseOnSite || phase == model.PhasePaused
	m.km.forVisit(onSite, len(approvedAddOns(c)) > 0, promptDue(c, m.deps.Door.Now()) != model.EstimateNone)
}

func promptDue(c door.VisitCard, now time.Time) model.EstimateLevel {
	return model.OverrunDue(c.Events, c.Ticket.Estimate.Duration, now)
}

// noticeDecided tells the technician when the office decides an add-on
// they sent for approval: the answer reaches them without a key press. What
// was decided before the screen first read the day is not news.
func (m *Day) noticeDecided() {
	first := m.announced == nil
	if first {
		m.announced = map[int64]bool{}
	}
	for _, c := range m.cards {
		for _, r := range c.Requests {
			for _, d := range r.Decisions {
				if (d.Kind != model.DecApproved && d.Kind != model.DecRefused) || m.announced[d.ID] {
					continue
				}
				m.announced[d.ID] = true
				if first {
					continue
				}
				m.notice, m.noticeOK = fmt.Sprintf("%s %s by %s", r.Ref(), d.Kind, d.By), d.Kind == model.DecApproved
				if d.Reason != "" {
					m.notice += ": " + d.Reason
				}
				if d.Kind == model.DecApproved {
					m.notice += " · press o to work on it"
				} else {
					m.notice += " · press h to make it a ticket or decline it"
				}
			}
		}
	}
}

// approvedAddOns are the requests on the visit that may be worked on.
func approvedAddOns(c door.VisitCard) []model.ScopeRequest {
	var out []model.ScopeRequest
	for _, r := range c.Requests {
		if r.State() == model.ScopeApproved {
			out = append(out, r)
		}
	}
	return out
}

// undecided is the oldest request on the visit still waiting on the
// technician, if any.
func undecided(c door.VisitCard) (model.ScopeRequest, bool) {
	for _, r := range c.Requests {
		if s := r.State(); s == model.ScopeAsked || s == model.ScopeRefused {
			return r, true
		}
	}
	return model.ScopeRequest{}, false
}

func (m *Day) current() (door.VisitCard, bool) {
	if m.cursor >= 0 && m.cursor < len(m.cards) {
		return m.cards[m.cursor], true
	}
	return door.VisitCard{}, false
}
