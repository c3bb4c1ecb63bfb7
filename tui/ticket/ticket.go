// Package ticket is the ticket page — what was agreed, every visit with its
// log, the history — and the forms opened from it.
package ticket

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// Page shows one ticket in full: what was agreed, who asked, where,
// every visit with its log, and the audit trail.
type Page struct {
	deps      page.Deps
	km        keyMap
	id        int64
	card      door.TicketCard
	err       error
	scroll    int
	notice    string // what the last key did, or why not
	noticeErr bool
	invoiceID int64 // the invoice it is on, shown to those who see money
	invoiceIs model.InvoiceState
}

// New opens the ticket with this id.
func New(deps page.Deps, id int64) *Page {
	d := &Page{deps: deps, km: newKeyMap(deps.User.Role.Can(model.ActScheduleVisit)), id: id}
	d.Refresh()
	return d
}

func (d *Page) Keys() help.KeyMap  { return d.km }
func (d *Page) CapturesText() bool { return false }

// Ticking: a visit of this ticket is under way, so its timers run.
func (d *Page) Ticking() bool {
	for _, v := range d.card.Visits {
		if v.Phase().Active() {
			return true
		}
	}
	return false
}

func (d *Page) Refresh() {
	d.card, d.err = d.deps.Door.Ticket(d.deps.Ctx, d.deps.Actor(), d.id)
	open := d.err == nil && d.card.Status == model.TicketOpen
	d.km.Schedule.SetEnabled(d.deps.User.Role.Can(model.ActScheduleVisit) && open)
	d.km.Edit.SetEnabled(d.deps.User.Role.Can(model.ActEditTicket) && d.err == nil && d.card.Status != model.TicketInvoiced)
	closed := d.err == nil && (d.card.Status == model.TicketDone || d.card.Status == model.TicketCancelled)
	d.km.forTicket(d.deps.User.Role.Can(model.ActTrackTicket), open, closed, d.waiting())
	d.km.forVisits(d.deps.User.Role.Can(model.ActScheduleVisit), d.err == nil && len(rebookable(d.card.Ticket, d.card.Visits)) > 0)
	d.invoiceID = 0
	if d.err == nil && d.deps.User.Role.Can(model.ActSeeRates) {
		d.invoiceID, d.invoiceIs, _ = d.deps.Door.InvoiceOfTicket(d.deps.Ctx, d.deps.Actor(), d.id)
	}
	d.km.Invoice.SetEnabled(d.invoiceID != 0)
	d.km.Authorise.SetEnabled(d.err == nil && d.deps.User.Role.Can(model.ActAuthoriseWork) &&
		d.card.Status != model.TicketCancelled && d.card.Status != model.TicketInvoiced)
}

func (d *Page) waiting() bool {
	return model.HistoryOf(d.card.Ticket, d.card.Events, d.card.Visits).Waiting()
}

func (d *Page) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	d.notice = "" // said once: the next key moves on
	if (k.String() == "m" || k.String() == "x") && !d.km.Move.Enabled() && d.err == nil {
		return d, d.sayWhyNotRebook()
	}
	switch {
	case key.Matches(k, d.km.Back):
		return d, d.deps.Close("")
	case key.Matches(k, d.km.Down):
		d.scroll++
	case key.Matches(k, d.km.Up):
		d.scroll = max(d.scroll-1, 0)
	case key.Matches(k, d.km.Schedule):
		f := NewScheduleForm(d.deps, d.card.Ticket)
		return d, tea.Batch(d.deps.Open(f), f.FocusCurrent())
	case key.Matches(k, d.km.Edit):
		f := newEditForm(d.deps, d.card.Ticket, model.CheckClientChange(d.card.Ticket, d.card.Visits) != nil)
		return d, tea.Batch(d.deps.Open(f), f.FocusCurrent())
	case key.Matches(k, d.km.Wait) && d.waiting():
		return d, d.track(door.Track{Kind: model.TkResumed}, "the client answered: the resolution clock runs again")
	case key.Matches(k, d.km.Done):
		return d, d.deps.Open(d.confirmDone())
	case key.Matches(k, d.km.Invoice):
		return d, d.deps.Go(page.ToInvoice{ID: d.invoiceID})
	case key.Matches(k, d.km.Client) && d.err == nil:
		return d, d.deps.Go(page.ToClient{ID: d.card.ClientID})
	case key.Matches(k, d.km.Authorise):
		f := newAuthoriseForm(d.deps, d.card.Ticket)
		return d, tea.Batch(d.deps.Open(f), f.FocusCurrent())
	case key.Matches(k, d.km.Move), key.Matches(k, d.km.CancelVisit):
		booked := rebookable(d.card.Ticket, d.card.Visits)
		f := NewMoveForm(d.deps, d.card.Ticket, d.card.Visits, booked[0].ID)
		if key.Matches(k, d.km.CancelVisit) {
			f = NewCancelVisitForm(d.deps, d.card.Ticket, d.card.Visits, booked[0].ID)
		}
		return d, tea.Batch(d.deps.Open(f), f.FocusCurrent())
	case key.Matches(k, d.km.Cancel), key.Matches(k, d.km.Reopen):
		kind := map[string]model.TicketEventKind{"C": model.TkCancelled, "R": model.TkReopened}[k.String()]
		f := newTrackForm(d.deps, d.card.Ticket, kind)
		return d, tea.Batch(d.deps.Open(f), f.FocusCurrent())
	case key.Matches(k, d.km.Wait), key.Matches(k, d.km.Contacted), key.Matches(k, d.km.Priority):
		kind := map[string]model.TicketEventKind{"w": model.TkWaiting, "c": model.TkContacted, "p": model.TkPriority}[k.String()]
		f := newTrackForm(d.deps, d.card.Ticket, kind)
		return d, tea.Batch(d.deps.Open(f), f.FocusCurrent())
	}
	return d, nil
}

// sayWhyNotRebook answers m or x when no visit can be moved or cancelled.
func (d *Page) sayWhyNotRebook() tea.Cmd {
	d.noticeErr = true
	switch {
	case !d.deps.User.Role.Can(model.ActScheduleVisit):
		d.notice = model.Forbidden{Action: model.ActScheduleVisit, Role: d.deps.User.Role}.Error()
	case d.card.Status != model.TicketOpen:
		d.notice = fmt.Sprintf("%s is %s; its visits stay as they are", d.card.Ref(), d.card.Status)
	default:
		d.notice = fmt.Sprintf("no visit of %s is booked and not yet started: s books one; a visit under way is corrected with visit fix", d.card.Ref())
	}
	return nil
}

// confirmDone asks before closing the ticket: done, it waits to be invoiced.
func (d *Page) confirmDone() page.Page {
	return form.NewConfirm(d.deps, "Mark "+d.card.Ref()+" done?",
		"Its resolution clock stops and it waits to be invoiced. A ticket closed by mistake is reopened with R, with a reason.",
		func() (string, error) {
			if _, err := d.deps.Door.TrackTicket(d.deps.Ctx, d.deps.Actor(), d.id, door.Track{Kind: model.TkDone}); err != nil {
				return "", err
			}
			return d.card.Ref() + " done: the resolution clock stops; it waits to be invoiced", nil
		})
}

// track records a ticket event that needs no words, and says what it did.
func (d *Page) track(in door.Track, did string) tea.Cmd {
	if _, err := d.deps.Door.TrackTicket(d.deps.Ctx, d.deps.Actor(), d.id, in); err != nil {
		d.notice, d.noticeErr = err.Error(), true
		return nil
	}
	d.notice, d.noticeErr = d.card.Ref()+": "+did, false
	d.Refresh()
	return nil
}
