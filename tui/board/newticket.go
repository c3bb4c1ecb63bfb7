package board

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// ticketForm opens a new ticket: client, requester, site, title, scope,
// priority and estimate. Cancelling keeps it as a draft on the board.
type ticketForm struct {
	*form.Form
	deps     page.Deps
	board    *Board
	parties  *form.Parties
	title    *form.TextField
	scope    *form.AreaField
	priority *form.PriorityField
	estimate *form.TextField
}

func newTicketForm(deps page.Deps, board *Board) *ticketForm {
	f := &ticketForm{Form: form.New(deps, "New ticket", "cancel (keeps a draft)"), deps: deps, board: board,
		parties: form.NewParties(), title: form.NewTextField("the job in a few words", 120),
		scope:    form.NewAreaField("the defined job, and how we know it is done", 2000),
		priority: form.NewPriorityField(model.P3), estimate: form.NewTextField("hours like 2h or 45m, or a fixed quote like $450", 20)}
	f.Add("client", "Client", f.parties.Client)
	f.Add("contact", "Requester", f.parties.Contact)
	f.Add("site", "Site", f.parties.Site)
	f.Add("title", "Title", f.title)
	f.Add("scope", "Scope", f.scope)
	f.Add("priority", "Priority", f.priority)
	f.Add("estimate", "Estimate", f.estimate)
	return f
}

// reload re-reads clients, contacts and sites, keeping every choice and
// everything typed.
func (f *ticketForm) reload() {
	clients, err := f.deps.Door.Clients(f.deps.Ctx, f.deps.Actor())
	if err != nil {
		f.SetMessage(err.Error())
		return
	}
	f.parties.Load(clients)
}

func (f *ticketForm) Refresh() { f.reload() }

func (f *ticketForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	field := f.Focused()
	cmd, changed := f.Handle(msg, f.submit, func() tea.Cmd { return f.deps.Close("New ticket kept as a draft: press n to go on") })
	if changed && field == "client" {
		f.parties.ClientChanged()
	}
	return f, cmd
}

func (f *ticketForm) submit() tea.Cmd {
	in := door.NewTicket{ClientID: f.parties.Client.Chosen(), ContactID: f.parties.Contact.Chosen(), SiteID: f.parties.Site.Chosen(),
		Title: f.title.Value(), Scope: f.scope.Value(), Priority: f.priority.Value()}
	est, estErr := model.ParseEstimate(f.estimate.Value())
	in.Estimate = est
	t, err := f.deps.Door.CreateTicket(f.deps.Ctx, f.deps.Actor(), in)
	if estErr != nil {
		// Show the estimate's own message beside the rest of the form's.
		var inv model.Invalid
		if !errors.As(err, &inv) {
			inv = nil
			if err != nil {
				inv.Add("", err)
			}
		}
		inv = append(withoutField(inv, "estimate"), estErr.(model.FieldError))
		return f.ShowError(inv)
	}
	if err != nil {
		return f.ShowError(err)
	}
	f.board.ticketOpened(t.ID)
	return f.deps.Close(fmt.Sprintf("Opened %s · %s", t.Ref(), draw.Safe(t.Title)))
}

func withoutField(inv model.Invalid, name string) model.Invalid {
	var out model.Invalid
	for _, e := range inv {
		if e.Field != name {
			out = append(out, e)
		}
	}
	return out
}
