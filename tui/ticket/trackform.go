package ticket

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// trackForm records what happens to a ticket besides its visits, with the
// words the record needs: why it waits on the client, what was said when
// the requester was contacted, why the priority changed.
type trackForm struct {
	*form.Form
	deps     page.Deps
	ticket   model.Ticket
	kind     model.TicketEventKind
	note     *form.TextField
	priority *form.PriorityField
	dupOf    *form.TextField // cancelling: the ticket this one repeats
}

var trackTitles = map[model.TicketEventKind]string{
	model.TkWaiting:   "Waiting on the client: the resolution clock pauses",
	model.TkContacted: "Contacted the requester: the response is made",
	model.TkPriority:  "Change the priority: the clocks are recomputed from the opening",
	model.TkCancelled: "Cancel the ticket: it leaves every list and clock, its booked visits too",
	model.TkReopened:  "Reopen the ticket: its clock runs on from where it stopped",
}

func newTrackForm(deps page.Deps, t model.Ticket, kind model.TicketEventKind) *trackForm {
	f := &trackForm{deps: deps, ticket: t, kind: kind,
		Form: form.New(deps, fmt.Sprintf("%s · %s", trackTitles[kind], t.Ref()), "cancel")}
	switch kind {
	case model.TkWaiting:
		f.note = form.NewTextField("what the client owes us: a password, a decision, access", 300)
		f.Add("reason", "Reason", f.note)
	case model.TkContacted:
		f.note = form.NewTextField("what you told them or agreed", 300)
		f.Add("note", "Said", f.note)
	case model.TkPriority:
		f.priority = form.NewPriorityField(t.Priority)
		f.note = form.NewTextField("why, for the record", 300)
		f.Add("priority", "Priority", f.priority)
		f.Add("note", "Reason", f.note)
	case model.TkCancelled:
		f.note = form.NewTextField("why: client withdrew, fixed itself…", 300)
		f.dupOf = form.NewTextField("or the ticket it repeats, like T-1009", 20)
		f.Add("reason", "Reason", f.note)
		f.Add("duplicate-of", "Repeats", f.dupOf)
	case model.TkReopened:
		f.note = form.NewTextField("why it is open again: failed again, more to do…", 300)
		f.Add("reason", "Reason", f.note)
	}
	return f
}

func (f *trackForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	return f, f.HandleOrLeave(msg, f.submit)
}

func (f *trackForm) submit() tea.Cmd {
	in := door.Track{Kind: f.kind, Note: f.note.Value()}
	if f.priority != nil {
		in.Priority = f.priority.Value()
	}
	if f.dupOf != nil && strings.TrimSpace(f.dupOf.Value()) != "" {
		id, err := model.ParseID(model.PrefixTicket, f.dupOf.Value())
		var bad model.FieldError
		if errors.As(err, &bad) {
			return f.ShowError(model.FieldError{Field: "duplicate-of", Msg: bad.Msg})
		}
		in.DuplicateOf = id
	}
	if _, err := f.deps.Door.TrackTicket(f.deps.Ctx, f.deps.Actor(), f.ticket.ID, in); err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(map[model.TicketEventKind]string{
		model.TkWaiting:   f.ticket.Ref() + " is waiting on the client: its resolution clock is paused",
		model.TkContacted: f.ticket.Ref() + ": the response is recorded",
		model.TkPriority:  fmt.Sprintf("%s is now %s: its clocks follow", f.ticket.Ref(), in.Priority),
		model.TkCancelled: f.ticket.Ref() + " cancelled: it has left the board",
		model.TkReopened:  f.ticket.Ref() + " is open again: it waits for a visit on the board",
	}[f.kind])
}
