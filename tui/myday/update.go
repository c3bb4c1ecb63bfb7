package myday

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/page"
)

func (m *Day) Update(msg tea.Msg) (page.Page, tea.Cmd) {
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
		return m, m.deps.Go(page.ToBoard{})
	}
	c, ok := m.current()
	if !ok {
		return m, nil
	}
	if key.Matches(k, m.km.Open) {
		return m, m.deps.Go(page.ToTicket{ID: c.Ticket.ID})
	}
	if key.Matches(k, m.km.Client) {
		return m, m.deps.Go(page.ToClient{ID: c.Ticket.ClientID})
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
	if why := m.keptFrom(c, kind); why != "" && !withForm {
		m.notice, m.noticeOK = why, false
		return m, nil
	}
	if err := model.CheckEvent(c.Visit, kind, m.deps.Door.Now(), m.deps.Door.Now(), m.deps.Door.Location()); err != nil && kind != model.EvNote {
		m.notice, m.noticeOK = err.Error(), false // say why, rather than ignore the key
		return m, nil
	}
	if withForm || kind.NeedsContact() || kind == model.EvNote {
		f := newStepForm(m.deps, c, kind)
		return m, tea.Batch(m.deps.Open(f), f.FocusCurrent())
	}
	v, err := m.deps.Door.Record(m.deps.Ctx, m.deps.Actor(), c.ID, door.Step{Kind: kind})
	if err != nil {
		m.notice, m.noticeOK = err.Error(), false
		return m, nil
	}
	m.notice, m.noticeOK = recordedFlash(v, kind, m.deps), true
	m.Refresh()
	return m, nil
}

// keptFrom says why a step cannot be taken on this visit now for reasons
// beyond its own phase: its ticket is closed, or the technician's other
// visits keep them (also when every step this visit allows is kept, so the
// refusal never suggests a step that would be refused too).
func (m *Day) keptFrom(c door.VisitCard, kind model.EventKind) string {
	if kind == model.EvNote {
		return ""
	}
	if model.VisitsClosed(c.Ticket, c.Phase()) {
		return fmt.Sprintf("%s is %s; its visits are closed: only notes now", c.Ticket.Ref(), c.Ticket.Status)
	}
	for _, o := range m.cards {
		if o.ID == c.ID {
			continue
		}
		kept := model.KeptElsewhere(kind, o.Phase())
		if !kept && !slices.Contains(model.Allowed(c.Phase()), kind) {
			kept = len(model.Allowed(c.Phase())) > 0
			for _, k := range model.Allowed(c.Phase()) {
				kept = kept && model.KeptElsewhere(k, o.Phase())
			}
		}
		if kept {
			return c.TechName + " is " + model.Elsewhere(o.Visit, m.deps.Door.Location())
		}
	}
	return ""
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
func (m *Day) sideKey(k tea.KeyPressMsg, c door.VisitCard) (tea.Cmd, bool) {
	switch {
	case pressed(k, m.km.Ask):
		if !m.km.Ask.Enabled() {
			return m.say(fmt.Sprintf("a request is recorded while on site; %s is %s", c.Ref(), c.Phase())), true
		}
		if r, ok := undecided(c); ok {
			return m.deps.Go(page.ToScopeDecision{Card: c, Request: r}), true
		}
		return m.deps.Go(page.ToScopeAsk{Card: c}), true
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
		if _, _, err := m.deps.Door.AnswerOverrun(m.deps.Ctx, m.deps.Actor(), c.ID, answer, nil, time.Time{}); err != nil {
			return m.say(err.Error()), true
		}
		m.notice, m.noticeOK = "Recorded: "+answer.Describe(), true
		if answer == model.Unreachable {
			m.notice += " · the dispatcher is alerted"
		}
		m.Refresh()
		return nil, true
	case pressed(k, m.km.ToldStop):
		if !m.km.ToldStop.Enabled() {
			return m.say("no prompt about the estimate is waiting on " + c.Ref()), true
		}
		return m.deps.Go(page.ToStopAtEstimate{Card: c}), true
	}
	return nil, false
}

// switchWork moves on to the next piece of work: main job, then each
// approved add-on in turn, then back.
func (m *Day) switchWork(c door.VisitCard) tea.Cmd {
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
	if _, err := m.deps.Door.WorkOn(m.deps.Ctx, m.deps.Actor(), c.ID, next, time.Time{}); err != nil {
		return m.say(err.Error())
	}
	m.notice, m.noticeOK = "Back on the main job", true
	for _, r := range addOns {
		if r.ID == next {
			m.notice = fmt.Sprintf("Working on %s %s: on-site time counts for it now", r.Ref(), draw.Safe(r.What))
		}
	}
	m.Refresh()
	return nil
}

func (m *Day) say(msg string) tea.Cmd {
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
