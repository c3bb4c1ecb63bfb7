package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
)

// trackForm records what happens to a ticket besides its visits, with the
// words the record needs: why it waits on the client, what was said when
// the requester was contacted, why the priority changed.
type trackForm struct {
	*form
	deps     Deps
	ticket   model.Ticket
	kind     model.TicketEventKind
	note     *textField
	priority *priorityField
}

var trackTitles = map[model.TicketEventKind]string{
	model.TkWaiting:   "Waiting on the client: the resolution clock pauses",
	model.TkContacted: "Contacted the requester: the response is made",
	model.TkPriority:  "Change the priority: the clocks are recomputed from the opening",
}

func newTrackForm(deps Deps, t model.Ticket, kind model.TicketEventKind) *trackForm {
	f := &trackForm{deps: deps, ticket: t, kind: kind,
		form: &form{title: fmt.Sprintf("%s · %s", trackTitles[kind], t.Ref()), km: newFormKeys(), nav: deps.nav}}
	f.km.Cancel.SetHelp("esc", "cancel")
	switch kind {
	case model.TkWaiting:
		f.note = newTextField("what the client owes us: a password, a decision, access", 300)
		f.add("reason", "Reason", f.note)
	case model.TkContacted:
		f.note = newTextField("what you told them or agreed", 300)
		f.add("note", "Said", f.note)
	case model.TkPriority:
		f.priority = &priorityField{p: t.Priority}
		f.note = newTextField("why, for the record", 300)
		f.add("priority", "Priority", f.priority)
		f.add("note", "Reason", f.note)
	}
	return f
}

func (f *trackForm) update(msg tea.Msg) (page, tea.Cmd) { return f, f.handleOrLeave(msg, f.submit) }

func (f *trackForm) submit() tea.Cmd {
	in := door.Track{Kind: f.kind, Note: f.note.value()}
	if f.priority != nil {
		in.Priority = f.priority.p
	}
	if _, err := f.deps.Door.TrackTicket(f.deps.Ctx, f.deps.actor(), f.ticket.ID, in); err != nil {
		return f.showError(err)
	}
	return f.deps.close(map[model.TicketEventKind]string{
		model.TkWaiting:   f.ticket.Ref() + " is waiting on the client: its resolution clock is paused",
		model.TkContacted: f.ticket.Ref() + ": the response is recorded",
		model.TkPriority:  fmt.Sprintf("%s is now %s: its clocks follow", f.ticket.Ref(), in.Priority),
	}[f.kind])
}
