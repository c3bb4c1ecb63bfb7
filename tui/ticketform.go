package tui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
)

// ticketForm opens a new ticket: client, requester, site, title, scope,
// priority and estimate. Cancelling keeps it as a draft on the board.
type ticketForm struct {
	*form
	deps     Deps
	board    *boardPage
	clients  []door.ClientCard
	client   *picker
	contact  *picker
	site     *picker
	title    *textField
	scope    *areaField
	priority *priorityField
	estimate *textField
}

func newTicketForm(deps Deps, board *boardPage) *ticketForm {
	f := &ticketForm{form: &form{title: "New ticket", km: newFormKeys(), nav: deps.nav}, deps: deps, board: board,
		client: newPicker("type to find the client"), contact: newPicker("who asked for the work"),
		site: newPicker("where the work happens"), title: newTextField("the job in a few words", 120),
		scope:    newAreaField("the defined job, and how we know it is done", 2000),
		priority: &priorityField{p: model.P3}, estimate: newTextField("hours like 2h or 45m, or a fixed quote like $450", 20)}
	f.add("client", "Client", f.client)
	f.add("contact", "Requester", f.contact)
	f.add("site", "Site", f.site)
	f.add("title", "Title", f.title)
	f.add("scope", "Scope", f.scope)
	f.add("priority", "Priority", f.priority)
	f.add("estimate", "Estimate", f.estimate)
	return f
}

// reload re-reads clients, contacts and sites, keeping every choice and
// everything typed.
func (f *ticketForm) reload() {
	clients, err := f.deps.Door.Clients(f.deps.Ctx, f.deps.actor())
	if err != nil {
		f.general = err.Error()
		return
	}
	f.clients = clients
	var opts []option
	for _, c := range clients {
		hint := c.Terms.String()
		if c.Managed {
			hint += " · managed"
		}
		opts = append(opts, option{id: c.ID, label: c.Name, hint: hint})
	}
	f.client.setOptions(opts)
	f.clientChanged()
}

// clientChanged narrows requester and site to the chosen client's own.
func (f *ticketForm) clientChanged() {
	var contacts, sites []option
	for _, c := range f.clients {
		if c.ID != f.client.chosen {
			continue
		}
		for _, ct := range c.Contacts {
			hint := string(ct.Role)
			if ct.Role == model.ContactOther {
				hint = "may ask, not approve"
			}
			contacts = append(contacts, option{id: ct.ID, label: ct.Name, hint: hint})
		}
		for _, s := range c.Sites {
			sites = append(sites, option{id: s.ID, label: s.Name, hint: model.FormatDuration(s.Travel) + " away"})
		}
	}
	f.contact.setOptions(contacts)
	f.site.setOptions(sites)
}

func (f *ticketForm) refresh() { f.reload() }

func (f *ticketForm) update(msg tea.Msg) (page, tea.Cmd) {
	cmd, changed := f.handle(msg, f.submit, func() tea.Cmd { return f.deps.close("New ticket kept as a draft: press n to go on") })
	if changed && f.current == 0 {
		f.clientChanged()
	}
	return f, cmd
}

func (f *ticketForm) submit() tea.Cmd {
	in := door.NewTicket{ClientID: f.client.chosen, ContactID: f.contact.chosen, SiteID: f.site.chosen,
		Title: f.title.value(), Scope: f.scope.value(), Priority: f.priority.p}
	est, estErr := model.ParseEstimate(f.estimate.value())
	in.Estimate = est
	t, err := f.deps.Door.CreateTicket(f.deps.Ctx, f.deps.actor(), in)
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
		return f.showError(inv)
	}
	if err != nil {
		return f.showError(err)
	}
	f.board.ticketOpened(t.ID)
	return f.deps.close(fmt.Sprintf("Opened %s · %s", t.Ref(), safe(t.Title)))
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
