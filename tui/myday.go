package tui

import (
	"fmt"
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
	// announced holds the supervisors' decisions already on screen when read
	// or already told, so each new one is told once, however the feed's
	// notices merged.
	announced map[int64]bool
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
	m.syncKeys()
}

// syncKeys offers the side keys the selected visit allows now: a prompt
// falls due as the clock runs, not only when something changes.
func (m *myDayPage) syncKeys() {
	c, ok := m.current()
	if !ok {
		m.km.forVisit(false, false, false)
		return
	}
	phase := c.Phase()
	onSite := phase == model.PhaseOnSite || phase == model.PhasePaused
	m.km.forVisit(onSite, len(approvedAddOns(c)) > 0, m.promptDue(c) != model.EstimateNone)
}

func (m *myDayPage) promptDue(c door.VisitCard) model.EstimateLevel {
	return model.OverrunDue(c.Events, c.Ticket.Estimate.Duration, m.deps.Door.Now())
}

// noticeDecided tells the technician when the office decides an add-on
// they sent for approval: the answer reaches them without a key press. What
// was decided before the screen first read the day is not news.
func (m *myDayPage) noticeDecided() {
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
		return m, m.deps.open(newBoard(m.deps))
	}
	c, ok := m.current()
	if !ok {
		return m, nil
	}
	if key.Matches(k, m.km.Open) {
		return m, m.deps.open(newDetail(m.deps, c.Ticket.ID))
	}
	m.syncKeys()
	if cmd, handled := m.sideKey(k, c); handled {
		return m, cmd
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
		return m, tea.Batch(m.deps.open(f), f.focusCurrent())
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

// sideKey handles the keys beside the visit's steps: a request, switching
// work, and answering the estimate prompt. Pressed when they do not apply,
// they say why.
func (m *myDayPage) sideKey(k tea.KeyPressMsg, c door.VisitCard) (tea.Cmd, bool) {
	switch {
	case pressed(k, m.km.Ask):
		if !m.km.Ask.Enabled() {
			return m.say(fmt.Sprintf("a request is recorded while on site; %s is %s", c.Ref(), c.Phase())), true
		}
		if r, ok := undecided(c); ok {
			return m.deps.open(newScopeDecide(m.deps, c, r)), true
		}
		f := newScopeAskForm(m.deps, c)
		return tea.Batch(m.deps.open(f), f.focusCurrent()), true
	case pressed(k, m.km.WorkOn):
		if !m.km.WorkOn.Enabled() {
			return m.say("no approved add-on on " + c.Ref() + " to switch to: press h when someone asks for more"), true
		}
		return m.switchWork(c), true
	case pressed(k, m.km.ToldContinue), pressed(k, m.km.Unreachable):
		if !m.km.ToldContinue.Enabled() {
			return m.say("no prompt about the estimate is waiting on " + c.Ref()), true
		}
		answer := model.ToldContinue
		if pressed(k, m.km.Unreachable) {
			answer = model.Unreachable
		}
		if _, _, err := m.deps.Door.AnswerOverrun(m.deps.Ctx, m.deps.actor(), c.ID, answer, nil); err != nil {
			return m.say(err.Error()), true
		}
		m.notice, m.noticeOK = "Recorded: "+answer.Describe(), true
		if answer == model.Unreachable {
			m.notice += " · the dispatcher is alerted"
		}
		m.refresh()
		return nil, true
	case pressed(k, m.km.ToldStop):
		if !m.km.ToldStop.Enabled() {
			return m.say("no prompt about the estimate is waiting on " + c.Ref()), true
		}
		f := newSpawnForm(m.deps, c, nil)
		return tea.Batch(m.deps.open(f), f.focusCurrent()), true
	}
	return nil, false
}

// switchWork moves on to the next piece of work: main job, then each
// approved add-on in turn, then back.
func (m *myDayPage) switchWork(c door.VisitCard) tea.Cmd {
	addOns := approvedAddOns(c)
	current := model.WorkingOn(c.Events)
	next := addOns[0].ID
	for i, r := range addOns {
		if r.ID == current {
			next = 0
			if i+1 < len(addOns) {
				next = addOns[i+1].ID
			}
		}
	}
	if _, err := m.deps.Door.WorkOn(m.deps.Ctx, m.deps.actor(), c.ID, next); err != nil {
		return m.say(err.Error())
	}
	m.notice, m.noticeOK = "Back on the main job", true
	for _, r := range addOns {
		if r.ID == next {
			m.notice = fmt.Sprintf("Working on %s %s: on-site time counts for it now", r.Ref(), safe(r.What))
		}
	}
	m.refresh()
	return nil
}

func (m *myDayPage) say(msg string) tea.Cmd {
	m.notice, m.noticeOK = msg, false
	return nil
}

// pressed matches a key against a binding whether or not it is enabled: a
// key that does not apply now still gets an answer.
func pressed(k tea.KeyPressMsg, b key.Binding) bool {
	for _, name := range b.Keys() {
		if k.String() == name {
			return true
		}
	}
	return false
}
