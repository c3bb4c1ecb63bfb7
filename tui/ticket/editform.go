package ticket

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dispatch/model"
	"dispatch/model/door"
	"dispatch/tui/draw"
	"dispatch/tui/form"
	"dispatch/tui/page"
)

// editForm changes what a ticket says. It remembers the version it was
// opened on: if someone saves a change first, saving is refused, the form
// keeps what you typed, says who changed what, and the next save (made
// knowing theirs) replaces it.
type editForm struct {
	*form.Form
	deps     page.Deps
	ticket   model.Ticket // as it was read, or as the last refusal showed it
	parties  *form.Parties
	priority *form.PriorityField
	title    *form.TextField
	scope    *form.AreaField
	estimate *form.TextField
}

// newEditForm edits every field a dispatcher can get wrong; the client too
// while no visit has been recorded (clientFixed otherwise).
func newEditForm(deps page.Deps, t model.Ticket, clientFixed bool) *editForm {
	f := &editForm{deps: deps, ticket: t, Form: form.New(deps, "Edit "+t.Ref(), "cancel"),
		parties:  form.NewParties(),
		priority: form.NewPriorityField(t.Priority),
		title:    form.NewTextField("the job in a few words", 120),
		scope:    form.NewAreaField("the defined job, and how we know it is done", 2000),
		estimate: form.NewTextField("hours like 2h or 45m, or a fixed quote like $450", 20)}
	f.parties.Choose(t)
	if clients, err := deps.Door.Clients(deps.Ctx, deps.Actor()); err == nil {
		if clientFixed { // a visit was worked on for this client: the choice is theirs only
			clients = onlyClient(clients, t.ClientID)
		}
		f.parties.Load(clients)
	}
	f.title.SetValue(t.Title)
	f.scope.SetValue(t.Scope)
	f.estimate.SetValue(estimateText(t.Estimate))
	f.Add("client", "Client", f.parties.Client)
	f.Add("requester", "Requester", f.parties.Contact)
	f.Also("requester", "contact")
	f.Add("site", "Site", f.parties.Site)
	f.Add("priority", "Priority", f.priority)
	f.Add("title", "Title", f.title)
	f.Add("scope", "Scope", f.scope)
	f.Add("estimate", "Estimate", f.estimate)
	f.Start("title") // what is most often put right; the parties are a shift+tab away
	return f
}

func onlyClient(clients []door.ClientCard, id int64) []door.ClientCard {
	for _, c := range clients {
		if c.ID == id {
			return []door.ClientCard{c}
		}
	}
	return nil
}

// estimateText is an estimate as it would be typed.
func estimateText(e model.Estimate) string {
	if e.Quote > 0 {
		return e.Quote.String()
	}
	return model.FormatDuration(e.Duration)
}

func (f *editForm) Update(msg tea.Msg) (page.Page, tea.Cmd) {
	field := f.Focused()
	cmd, changed := f.Handle(msg, f.submit, func() tea.Cmd { return f.deps.Close("") })
	if changed && field == "client" {
		f.parties.ClientChanged()
	}
	return f, cmd
}

func (f *editForm) submit() tea.Cmd {
	est, err := model.ParseEstimate(f.estimate.Value())
	if err != nil {
		return f.ShowError(err)
	}
	edit := model.TicketEdit{Version: f.ticket.Version, ClientID: f.parties.Client.Chosen(), ContactID: f.parties.Contact.Chosen(),
		SiteID: f.parties.Site.Chosen(), Priority: f.priority.Value(), Title: f.title.Value(), Scope: f.scope.Value(), Estimate: est}
	saved, err := f.deps.Door.EditTicket(f.deps.Ctx, f.deps.Actor(), f.ticket.ID, edit)
	var conflict model.EditConflict
	if errors.As(err, &conflict) {
		f.merge(conflict)
		return nil
	}
	if err != nil {
		return f.ShowError(err)
	}
	return f.deps.Close(fmt.Sprintf("%s saved", saved.Ref()))
}

// merge takes their change into the fields you left alone, keeps the ones
// you changed, and says which is which; the next save is made knowing
// theirs.
func (f *editForm) merge(c model.EditConflict) {
	was, now := f.ticket, c.Now
	var took []string
	if f.title.Value() == was.Title && now.Title != was.Title {
		f.title.SetValue(now.Title)
		took = append(took, fmt.Sprintf("title %q", draw.Safe(now.Title)))
	}
	if f.scope.Value() == was.Scope && now.Scope != was.Scope {
		f.scope.SetValue(now.Scope)
		took = append(took, "scope")
	}
	if f.estimate.Value() == estimateText(was.Estimate) && now.Estimate != was.Estimate {
		f.estimate.SetValue(estimateText(now.Estimate))
		took = append(took, "estimate "+now.Estimate.String())
	}
	if f.priority.Value() == was.Priority && now.Priority != was.Priority {
		f.priority = form.NewPriorityField(now.Priority)
		f.Replace("priority", f.priority)
		took = append(took, "priority "+now.Priority.String())
	}
	if f.parties.Client.Chosen() == was.ClientID && f.parties.Contact.Chosen() == was.ContactID && f.parties.Site.Chosen() == was.SiteID &&
		(now.ClientID != was.ClientID || now.ContactID != was.ContactID || now.SiteID != was.SiteID) {
		f.parties.Choose(now)
		f.parties.ClientChanged()
		took = append(took, "client, requester and site")
	}
	f.ticket = now
	who := c.By
	if who == "" {
		who = "someone"
	}
	msg := fmt.Sprintf("%s changed %s while you edited.", draw.Safe(who), now.Ref())
	if len(took) > 0 {
		msg += " Their " + strings.Join(took, ", ") + " is now in the form."
	}
	f.SetMessage(msg + " Your own changes are kept: ctrl+s saves them over theirs, esc leaves the ticket as they left it.")
}
